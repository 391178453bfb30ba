//! A VitePress site's config, `.vitepress/config.{js,ts,mjs,mts,cjs,cts}`: what in it
//! helpcenter follows — the sidebar (`sidebar`), and the Markdown files that are no pages
//! (`exclude`). The config is a program; only its literal data is read (see `js`), nothing is
//! run.

mod exclude;
mod js;
mod sidebar;

use std::path::Path;

pub use exclude::Exclude;

use super::nav::Nav;
use crate::error::{Diagnostic, Diagnostics, shown_path};
use js::Reader;

/// The config file names VitePress looks for, in its order.
const CONFIG_FILES: &[&str] = &[
    "config.js",
    "config.ts",
    "config.mjs",
    "config.mts",
    "config.cjs",
    "config.cts",
];

/// A config larger than this is not a hand-written one: it is left unread, with a note.
const MAX_CONFIG_BYTES: u64 = 4 << 20;

/// What a site's VitePress config says, as far as helpcenter follows it.
#[derive(Debug, Default)]
pub struct VitePress {
    /// Its sidebars, as navigation files.
    pub navs: Vec<Nav>,
    /// `srcExclude`: the Markdown files that are no pages.
    pub exclude: Exclude,
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
    let found = [content_dir, root].into_iter().find_map(|owner| {
        let dir = owner.join(".vitepress");
        let name = CONFIG_FILES.iter().find(|n| dir.join(n).is_file())?;
        Some((owner, dir.join(name)))
    });
    let Some((owner, path)) = found else {
        return VitePress::default();
    };
    let shown = shown_path(root, &path);
    // The config is read only when it is the site's own, not a link to a file elsewhere.
    let inside = match (path.canonicalize(), owner.canonicalize()) {
        (Ok(p), Ok(o)) => p.starts_with(o),
        _ => false,
    };
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    if !inside || size > MAX_CONFIG_BYTES {
        diags.push(
            Diagnostic::info(if inside {
                format!("the VitePress config is {size} bytes, too large to be read")
            } else {
                "the VitePress config links to a file outside the site: it is not read".to_owned()
            })
            .in_file(&shown)
            .hint("sections follow the folders; a SUMMARY.md in content/ orders them instead"),
        );
        return VitePress::default();
    }
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            diags.push(
                Diagnostic::info(format!("cannot read the VitePress config: {e}")).in_file(&shown),
            );
            return VitePress::default();
        }
    };
    // As navigation files are named: relative to content/.
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let rel = if owner == content_dir {
        format!(".vitepress/{name}")
    } else {
        format!("../.vitepress/{name}")
    };
    let toks = js::tokens(&text);
    let reader = Reader::new(&toks);
    let exclude = Exclude::from_config(&reader, &shown);
    let mut navs = Vec::new();
    for (governs, line, nodes) in sidebar::sidebars(&reader) {
        if nodes.is_empty() {
            diags.push(
                Diagnostic::info("this sidebar is built by code, not written as a list: it is not read")
                    .in_file(&shown)
                    .at_line(line)
                    .hint("sections follow the folders; write the sidebar's items as a list of { text, link, items } to have them followed"),
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
        });
    }
    VitePress { navs, exclude }
}
