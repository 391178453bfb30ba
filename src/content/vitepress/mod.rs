//! A VitePress site's config, `.vitepress/config.{js,ts,mjs,mts,cjs,cts}` (or VuePress's, in
//! `.vuepress/`, whose sidebar is written much the same way): what in it
//! helpcenter follows — the sidebar (`sidebar`), and the Markdown files that are no pages
//! (`exclude`). The config is a program; only its literal data is read (see `js`), nothing is
//! run.

mod component_pages;
mod exclude;
mod sidebar;
mod top_nav;

use std::path::Path;

pub use component_pages::drawn_by_components;
pub use exclude::Exclude;

use super::nav::{Nav, NavKind, NavNode};
use crate::content::js::{self, ConfigFile, Place, Reader};
use crate::error::{Diagnostic, Diagnostics};

/// The config file names VitePress looks for, in its order.
const CONFIG_FILES: &[&str] = &[
    "config.js",
    "config.ts",
    "config.mjs",
    "config.mts",
    "config.cjs",
    "config.cts",
    // A config split into a folder (Vue Router's, Pinia's docs): its entry.
    "config/index.js",
    "config/index.ts",
    "config/index.mjs",
    "config/index.mts",
];

/// What a site's VitePress config says, as far as helpcenter follows it.
#[derive(Debug, Default)]
pub struct VitePress {
    /// The tool whose config the site has: `VitePress`, or `VuePress` (its predecessor, whose
    /// `.vuepress/config.js` many Chinese projects' docs still have).
    pub tool: Option<&'static str>,
    /// Its sidebars, as navigation files.
    pub navs: Vec<Nav>,
    /// `srcExclude`: the Markdown files that are no pages.
    pub exclude: Exclude,
    /// (folder, title, place): what the top navigation calls folders, and their order in it
    /// (see `top_nav`).
    pub folder_titles: Vec<(String, String, i64)>,
    /// `markdown: { math: true }`: TeX between `$` is math.
    pub math: bool,
    /// The config's `slugify` takes a heading's id from after its last `@` (DCloud's docs:
    /// `## 页面生命周期@lifecycle` is `#lifecycle`).
    pub heading_at_ids: bool,
}

/// The site's VitePress config, if it has one: in `content/.vitepress/`, or in `.vitepress/`
/// beside `content/` when the content is VitePress's `srcDir` (Vue's docs keep theirs in
/// `src/`). `folders` are the folders of `content/`.
pub fn read(
    root: &Path,
    content_dir: &Path,
    folders: &[String],
    diags: &mut Diagnostics,
) -> VitePress {
    let places = |folder: &'static str, rel: &'static str, up: &'static str| {
        let beside = js::beside_content(root, content_dir)
            .into_iter()
            .map(|dir| Place {
                dir: dir.join(folder),
                owner: dir,
                rel: up,
            });
        let inside = Place {
            owner: content_dir.to_path_buf(),
            dir: content_dir.join(folder),
            rel,
        };
        std::iter::once(inside).chain(beside).collect::<Vec<_>>()
    };
    let vitepress = places(".vitepress", ".vitepress/", "../.vitepress/");
    let vuepress = places(".vuepress", ".vuepress/", "../.vuepress/");
    let found = js::read_config(root, &vitepress, CONFIG_FILES, "VitePress config", diags)
        .map(|c| (c, "VitePress"))
        .or_else(|| {
            js::read_config(root, &vuepress, CONFIG_FILES, "VuePress config", diags)
                .map(|c| (c, "VuePress"))
        });
    let Some((ConfigFile { text, shown, rel }, tool)) = found else {
        return VitePress::default();
    };
    let math = js::says(&text, &["math: true", "math:true"]);
    let heading_at_ids =
        text.contains("slugify") && js::says(&text, &["split('@')", "split(\"@\")"]);
    let toks = js::tokens(&text);
    let reader = Reader::new(&toks);
    let exclude = Exclude::from_config(&reader, &shown);
    let mut navs = Vec::new();
    let mut starts = std::collections::HashMap::new();
    let sidebars = sidebar::sidebars(&reader);
    if sidebars.is_empty() {
        if let Some(line) = text.lines().position(imports_a_file) {
            diags.push(
                Diagnostic::info("the config imports files of its own: a sidebar in one of them is not read")
                    .in_file(&shown)
                    .at_line(line + 1)
                    .hint("sections follow the folders; a sidebar written in the config itself is followed"),
            );
        }
    }
    for (governs, line, nodes) in sidebars {
        if let Some(first) = first_link(&nodes) {
            starts
                .entry(governs.clone())
                .or_insert_with(|| top_nav::page_path(first));
        }
        if nodes.is_empty() {
            diags.push(
                Diagnostic::info("this sidebar is built by code, not written as a list: it is not read")
                    .in_file(&shown)
                    .at_line(line)
                    .hint("sections follow the folders, and the `_sidebar.md` or SUMMARY.md files in them; write the sidebar's items as a list of { text, link, items } to have them followed"),
            );
            continue;
        }
        if !governs.is_empty() && !folders.contains(&governs) {
            diags.push(
                Diagnostic::info(format!("this sidebar is for /{governs}/, which is no folder of the site: it orders nothing"))
                    .in_file(&shown)
                    .at_line(line),
            );
            continue;
        }
        navs.push(Nav {
            rel: rel.clone(),
            shown: shown.clone(),
            governs,
            nodes,
            kind: NavKind::VitePress,
        });
    }
    let mut folder_titles = top_nav::folder_titles(&reader, folders, &starts);
    if folder_titles.is_empty() {
        folder_titles = navbar_folder_titles(&shown, content_dir, folders, &mut starts);
    }
    VitePress {
        tool: Some(tool),
        navs,
        exclude,
        folder_titles,
        math,
        heading_at_ids,
    }
}

/// The folders a VuePress theme's navbar names, kept in files of its own beside the config
/// (`config`, as messages name it): vuepress-theme-hope's `navbar/zh.ts`, DCloud's
/// `config/navbar.js`, which the config or the theme imports. Read only when the config has no
/// `nav`. A link to the page a folder's `_sidebar.md` starts with names that folder (`starts`).
fn navbar_folder_titles(
    config: &Path,
    content_dir: &Path,
    folders: &[String],
    starts: &mut std::collections::HashMap<String, String>,
) -> Vec<(String, String, i64)> {
    let language = std::fs::canonicalize(content_dir)
        .ok()
        .and_then(|d| Some(d.file_name()?.to_string_lossy().into_owned()));
    let texts: Vec<String> = config
        .parent()
        .map(|dir| navbar_files(dir, language.as_deref()))
        .unwrap_or_default()
        .iter()
        .filter_map(|p| {
            crate::paths::read_capped(p, MAX_NAVBAR_BYTES)
                .ok()
                .flatten()
        })
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    if texts.is_empty() {
        return Vec::new();
    }
    for folder in folders {
        if let Some(first) = folder_sidebar_start(content_dir, folder) {
            starts.entry(folder.clone()).or_insert(first);
        }
    }
    let toks: Vec<_> = texts.iter().map(|t| js::tokens(t)).collect();
    let readers: Vec<Reader> = toks.iter().map(|t| Reader::new(t)).collect();
    let sources: Vec<(&Reader, Vec<js::Value>)> =
        readers.iter().map(|r| (r, r.assigned_arrays(8))).collect();
    let prefix = language.map(|l| format!("/{l}")).unwrap_or_default();
    top_nav::titles_of(&sources, folders, starts, &prefix)
}

/// The most of a navbar file read: a hand-written menu is a few KB.
const MAX_NAVBAR_BYTES: u64 = 256 << 10;

/// Navbar files in the config's folder `dir` or one below it: `navbar.{js,ts,…}`, or in a
/// `navbar/` folder the file named for the docs' language (`zh.ts` when the docs are `zh/`).
/// Links are not followed: the files are read, never published.
fn navbar_files(dir: &Path, language: Option<&str>) -> Vec<std::path::PathBuf> {
    const EXTENSIONS: &[&str] = &["js", "ts", "mjs", "mts", "cjs", "cts"];
    let file = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file());
    let mut out = Vec::new();
    let subdirs = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()));
    for d in std::iter::once(dir.to_path_buf()).chain(subdirs) {
        for ext in EXTENSIONS {
            let p = d.join(format!("navbar.{ext}"));
            if file(&p) {
                out.push(p);
            }
            if let Some(lang) = language
                && d.file_name().is_some_and(|n| n == "navbar")
            {
                let p = d.join(format!("{lang}.{ext}"));
                if file(&p) {
                    out.push(p);
                }
            }
        }
    }
    out.truncate(4);
    out
}

/// The page a folder's own `_sidebar.md` starts with (`collocation/pages`), as a navbar item
/// that leads to it names the folder.
fn folder_sidebar_start(content_dir: &Path, folder: &str) -> Option<String> {
    let path = content_dir.join(folder).join(super::nav::DOCSIFY_SIDEBAR);
    if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let bytes = crate::paths::read_capped(&path, MAX_NAVBAR_BYTES).ok()??;
    let nodes = super::nav::parse(&String::from_utf8_lossy(&bytes));
    let mut stack: Vec<&NavNode> = nodes.iter().rev().collect();
    while let Some(n) = stack.pop() {
        if let Some(link) = n.link.as_deref().filter(|l| !crate::paths::is_external(l)) {
            let link = link.split(['#', '?']).next().unwrap_or_default();
            let joined = match link.strip_prefix('/') {
                Some(rooted) => rooted.to_owned(),
                None => format!("{folder}/{link}"),
            };
            return Some(top_nav::page_path(&joined));
        }
        stack.extend(n.children.iter().rev());
    }
    None
}

/// `import { zh } from './zh'`: a config's part kept in a file beside it.
fn imports_a_file(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("import ") && (line.contains("from './") || line.contains("from \"./"))
}

/// The first link of a sidebar, depth first: the page it starts with.
fn first_link(nodes: &[NavNode]) -> Option<&str> {
    nodes.iter().find_map(|n| {
        n.link
            .as_deref()
            .filter(|l| l.starts_with('/'))
            .or_else(|| first_link(&n.children))
    })
}
