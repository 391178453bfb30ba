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
    let folder_titles = top_nav::folder_titles(&reader, folders, &starts);
    VitePress {
        tool: Some(tool),
        navs,
        exclude,
        folder_titles,
        math,
        heading_at_ids,
    }
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
