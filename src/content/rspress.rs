//! Rspress's sidebar and top navigation, kept beside the pages: each folder's `_meta.json`
//! lists its files and folders in order, with labels (`"intro"`, `{ "type": "dir", "name":
//! "components", "label": "文档组件" }`), and the docs folder's `_nav.json` names the top
//! folders (`{ "text": "指南", "activeMatch": "/guide/" }`). A label may be a key of the
//! project's `i18n.json` (`"gettingStarted"` → 开始), translated for the docs' language.
//!
//! They become what the other tools' sidebars become: folders' titles and order, and the files'
//! order and navigation labels. Section headers (`"type": "section-header"`) only order.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use super::front_matter::Weight;
use super::js::{self, Reader};
use super::vitepress::Exclude;
use crate::error::Diagnostics;

/// Entries of a `_meta.json` read at most: the docs' own hold a few dozen.
const MAX_ENTRIES: usize = 10_000;

/// What Rspress's files say of the folders and files of `content/`.
#[derive(Debug, Default)]
pub struct Meta {
    /// (folder, title, place) for folders a `_meta.json` or the `_nav.json` lists.
    pub folders: Vec<(String, Option<String>, i64)>,
    /// Content path (`guide/intro.md`) → (place, label).
    pub files: HashMap<String, (i64, Option<String>)>,
}

impl Meta {
    /// Gives the files their place and navigation label, where their front matter gives none.
    pub fn apply(&self, file: &mut super::SourceFile) {
        if let Some((place, label)) = self.files.get(&file.rel) {
            file.front.weight.get_or_insert(Weight::from(*place));
            if file.front.nav_title.is_none() {
                file.front.nav_title = label.clone();
            }
        }
    }
}

/// Reads the `_meta.json` of every folder of `content/` (`dir`, with `folders` and `pages`,
/// the Markdown files' content paths) and its `_nav.json`; the labels of the `i18n.json` in
/// `project` (the folder of `rspress.config.ts`) in the docs' language.
pub fn read(dir: &Path, folders: &[String], pages: &[&str], project: Option<&Path>) -> Meta {
    let mut meta = Meta::default();
    let i18n = project
        .zip(language(dir))
        .map(|(p, l)| translations(p, &l))
        .unwrap_or_default();
    let label = |v: Option<&Value>| -> Option<String> {
        let l = v?.as_str()?.trim();
        (!l.is_empty()).then(|| i18n.get(l).cloned().unwrap_or_else(|| l.to_owned()))
    };
    let is_page = |rel: &str| pages.contains(&rel);
    for folder in std::iter::once("").chain(folders.iter().map(String::as_str)) {
        let Some(Value::Array(entries)) = json(&dir.join(folder).join("_meta.json")) else {
            continue;
        };
        let within = |name: &str| match folder {
            "" => name.to_owned(),
            f => format!("{f}/{name}"),
        };
        for (place, entry) in entries.iter().take(MAX_ENTRIES).enumerate() {
            let place = place as i64 + 1;
            let (name, label) = match entry {
                Value::String(name) => (name.as_str(), None),
                Value::Object(o) => match o.get("name").and_then(Value::as_str) {
                    Some(name) => (name, label(o.get("label"))),
                    None => continue,
                },
                _ => continue,
            };
            let name = name.trim_matches('/');
            if name.is_empty() || name.split('/').any(|s| s == ".." || s == ".") {
                continue;
            }
            let path = within(name);
            let stem = path
                .strip_suffix(".mdx")
                .or_else(|| path.strip_suffix(".md"))
                .unwrap_or(&path);
            let file = format!("{stem}.md");
            if is_page(&file) {
                match file.strip_suffix("/index.md") {
                    // A folder's page (`icons/index`) orders its folder; the listing folder's
                    // own page, or the home page, orders nothing among the others.
                    Some(owner) if owner != folder => {
                        meta.folders.push((owner.to_owned(), label, place))
                    }
                    Some(_) => {}
                    None if file == "index.md" => {}
                    None => {
                        meta.files.insert(file, (place, label));
                    }
                }
            } else if folders.contains(&path) {
                meta.folders.push((path, label, place));
            }
        }
    }
    if let Some(Value::Array(items)) = json(&dir.join("_nav.json")) {
        for (place, item) in items.iter().take(MAX_ENTRIES).enumerate() {
            let Value::Object(o) = item else { continue };
            let text = label(o.get("text"));
            let path = ["activeMatch", "link"]
                .iter()
                .filter_map(|k| o.get(*k).and_then(Value::as_str))
                .filter_map(|p| p.trim_start_matches('^').strip_prefix('/'))
                .find_map(|p| p.split('/').next().filter(|s| !s.is_empty()));
            if let Some(top) = path.filter(|p| folders.iter().any(|f| f == p)) {
                meta.folders.push((top.to_owned(), text, place as i64 + 1));
            }
        }
    }
    meta
}

/// The labels of the project's `i18n.json` in `language` (`zh`), by key.
fn translations(project: &Path, language: &str) -> HashMap<String, String> {
    let Some(Value::Object(keys)) = json(&project.join("i18n.json")) else {
        return HashMap::new();
    };
    keys.iter()
        .filter_map(|(k, v)| Some((k.clone(), v.get(language)?.as_str()?.to_owned())))
        .collect()
}

/// A JSON file, if it is there and reads as JSON.
fn json(path: &Path) -> Option<Value> {
    let bytes = crate::paths::read_file(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The language the labels are in: the docs folder's name (`zh`, `en`), as Rspress names
/// its languages' folders.
fn language(dir: &Path) -> Option<String> {
    let d = dir.canonicalize().ok()?;
    let f = d.file_name()?.to_str()?;
    (f.len() <= 7 && f.chars().all(|c| c.is_ascii_alphabetic() || c == '-')).then(|| f.to_owned())
}

/// The files the config in `project` keeps out of the site (`route: { exclude: [...] }`).
pub fn exclude(root: &Path, project: &Path, diags: &mut Diagnostics) -> Exclude {
    let Some(config) = super::project::config(root, project, "Rspress", diags) else {
        return Exclude::default();
    };
    let toks = js::tokens(&config.text);
    let reader = Reader::new(&toks);
    Exclude::from_key(
        &reader,
        &config.shown,
        "exclude",
        "the Rspress config's route.exclude",
    )
}
