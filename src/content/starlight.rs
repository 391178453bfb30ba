//! Astro Starlight's sidebar, in the `starlight({ sidebar: [...] })` of the project's
//! `astro.config.mjs` (see `content::project`): groups with a label and its translations
//! (`translations: { 'zh-CN': '指南' }`), pages by slug from the docs' root, and groups that are
//! a folder (`items: [{ autogenerate: { directory: 'guides' } }]`).
//!
//! A group that is a folder titles and orders that folder; any other group is a group of a
//! navigation file (see `content::nav`), its pages in its order.

use std::path::Path;

use super::js::{self, Reader, Value};
use super::nav::{Nav, NavKind, NavNode};
use crate::error::Diagnostics;

/// Entries read at most, and how deep groups nest.
const MAX_ENTRIES: usize = 10_000;
const MAX_DEPTH: usize = 24;

/// What the sidebar says.
#[derive(Debug, Default)]
pub struct Sidebar {
    /// The groups and pages it lists, as a navigation file of the whole site.
    pub nav: Option<Nav>,
    /// (folder, title, place): the folders groups stand for.
    pub folders: Vec<(String, String, i64)>,
}

/// Reads the sidebar of the Starlight project in `project` for the docs in `content_dir` (its
/// name, `zh-cn`, picks the labels' translations).
pub fn read(root: &Path, project: &Path, content_dir: &Path, diags: &mut Diagnostics) -> Sidebar {
    let Some(config) = super::project::config(root, project, "Starlight", diags) else {
        return Sidebar::default();
    };
    let toks = js::tokens(&config.text);
    let reader = Reader::new(&toks);
    let Some((items, _)) = reader.properties("sidebar", 1).into_iter().next() else {
        return Sidebar::default();
    };
    let Value::Array(items) = reader.resolve(items) else {
        return Sidebar::default();
    };
    let language = content_dir
        .canonicalize()
        .ok()
        .and_then(|d| d.file_name()?.to_str().map(str::to_owned))
        .unwrap_or_default();
    let mut r = Read {
        reader: &reader,
        language,
        entries: 0,
        folders: Vec::new(),
    };
    let nodes = r.nodes(&items, 0);
    Sidebar {
        nav: (!nodes.is_empty()).then(|| Nav {
            rel: config.rel.clone(),
            shown: config.shown.clone(),
            governs: String::new(),
            nodes,
            kind: NavKind::Starlight,
        }),
        folders: r.folders,
    }
}

struct Read<'a> {
    reader: &'a Reader<'a>,
    language: String,
    entries: usize,
    folders: Vec<(String, String, i64)>,
}

/// The line a value was written on.
fn line(v: &Value) -> usize {
    match v {
        Value::Object(_, line) | Value::Str(_, _, line) => *line,
        _ => 1,
    }
}

impl Read<'_> {
    /// The entries of `items`; a group that is one folder titles it and places it among them.
    fn nodes(&mut self, items: &[Value], depth: usize) -> Vec<NavNode> {
        let mut nodes = Vec::new();
        for (place, item) in items.iter().enumerate() {
            let item = self.reader.resolve(item.clone());
            if let Some(folder) = self.folder_of(&item) {
                let title = self.label(&item);
                if !title.is_empty() {
                    self.folders.push((folder, title, place as i64 + 1));
                }
                continue;
            }
            nodes.extend(self.node(&item, depth));
        }
        nodes
    }

    /// The label in the docs' language, else as written.
    fn label(&self, item: &Value) -> String {
        let translated = match item
            .get("translations")
            .map(|t| self.reader.resolve(t.clone()))
        {
            Some(Value::Object(fields, _)) => fields
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(&self.language))
                .and_then(|(_, v)| v.str().map(|s| s.0.to_owned())),
            _ => None,
        };
        translated
            .or_else(|| {
                item.get("label")
                    .and_then(Value::str)
                    .map(|s| s.0.to_owned())
            })
            .unwrap_or_default()
    }

    /// The folder a group stands for: its items are one `{ autogenerate: { directory } }`.
    fn folder_of(&self, item: &Value) -> Option<String> {
        let Some(Value::Array(items)) = item.get("items").map(|v| self.reader.resolve(v.clone()))
        else {
            return None;
        };
        let [only] = &items[..] else { return None };
        let dir = self.reader.resolve(only.clone());
        let dir = dir.get("autogenerate")?.get("directory")?.str()?.0;
        let dir = dir.trim_matches('/');
        (!dir.is_empty() && !dir.split('/').any(|s| s == ".." || s == ".")).then(|| dir.to_owned())
    }

    fn node(&mut self, item: &Value, depth: usize) -> Option<NavNode> {
        self.entries += 1;
        if self.entries > MAX_ENTRIES || depth > MAX_DEPTH {
            return None;
        }
        let line = line(item);
        match item {
            // A page by its slug.
            Value::Str(slug, false, _) => Some(NavNode {
                label: String::new(),
                link: Some(format!("/{}", slug.trim_start_matches('/'))),
                line,
                children: Vec::new(),
            }),
            Value::Object(..) => {
                let label = self.label(item);
                if let Some(Value::Array(items)) =
                    item.get("items").map(|v| self.reader.resolve(v.clone()))
                {
                    let children = self.nodes(&items, depth + 1);
                    return Some(NavNode {
                        label,
                        link: None,
                        line,
                        children,
                    });
                }
                let link = match (item.get("slug"), item.get("link")) {
                    (Some(s), _) => format!("/{}", s.str()?.0.trim_start_matches('/')),
                    (None, Some(l)) => l.str()?.0.to_owned(),
                    _ => return None,
                };
                Some(NavNode {
                    label,
                    link: Some(link),
                    line,
                    children: Vec::new(),
                })
            }
            _ => None,
        }
    }
}
