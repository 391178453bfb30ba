//! Tools whose config is not beside the docs folder but further up its project: Astro
//! Starlight keeps a language's docs in `src/content/docs/zh-cn/` under the folder of its
//! `astro.config.mjs`; Rspress keeps `docs/zh/` under the folder of its `rspress.config.ts`;
//! Mintlify keeps `zh/` beside its `docs.json` (`mint.json` before 2025). A
//! migrating author links `content` to that docs folder: which tool wrote it says whose
//! front-matter keys the pages have (Starlight's `tableOfContents` and `template: splash`,
//! Rspress's `overviewHeaders`), which are then its own and ignored with a note, not errors.
//!
//! Which tool it is is known by whether its config file is there; the tool's own modules read
//! it (`starlight`, `rspress`).

use std::path::{Path, PathBuf};

use super::js::{self, ConfigFile, Place};
use crate::error::Diagnostics;

/// How many folders above the docs folder the project's config may be (Starlight's
/// `src/content/docs/zh-cn` is four below it).
const MAX_UP: usize = 4;

const STARLIGHT_CONFIGS: &[&str] = &[
    "astro.config.mjs",
    "astro.config.ts",
    "astro.config.js",
    "astro.config.mts",
    "astro.config.cjs",
];
const RSPRESS_CONFIGS: &[&str] = &[
    "rspress.config.ts",
    "rspress.config.js",
    "rspress.config.mjs",
    "rspress.config.mts",
];

/// Mintlify's navigation and settings: `docs.json` is a common name, so one counts only when it
/// names Mintlify's schema.
pub const MINTLIFY_CONFIGS: &[&str] = &["docs.json", "mint.json"];

/// The tool of the project `content_dir` (its links followed) is in, from the site root or
/// the folders above the docs folder: `Starlight`, `Rspress` or `Mintlify`, and the project's
/// folder.
pub fn tool(root: &Path, content_dir: &Path) -> Option<(&'static str, PathBuf)> {
    let docs = content_dir.canonicalize().ok()?;
    // A one-language Mintlify project keeps its docs.json among its pages.
    if mintlify_config(&docs).is_some() {
        return Some(("Mintlify", docs));
    }
    for dir in folders_up(root, &docs) {
        let has = |names: &[&str]| names.iter().any(|n| dir.join(n).is_file());
        // Starlight's content collection: the docs are under the project's src/content/docs.
        if has(STARLIGHT_CONFIGS) && docs.starts_with(dir.join("src/content/docs")) {
            return Some(("Starlight", dir));
        }
        if has(RSPRESS_CONFIGS) {
            return Some(("Rspress", dir));
        }
        if mintlify_config(&dir).is_some() {
            return Some(("Mintlify", dir));
        }
    }
    None
}

/// The Mintlify config in `folder`: its `mint.json`, or a `docs.json` that names Mintlify.
pub fn mintlify_config(folder: &Path) -> Option<PathBuf> {
    MINTLIFY_CONFIGS.iter().map(|n| folder.join(n)).find(|p| {
        p.is_file()
            && (p.ends_with("mint.json")
                || crate::paths::read_capped(p, MAX_CONFIG_BYTES)
                    .ok()
                    .flatten()
                    .is_some_and(|b| String::from_utf8_lossy(&b).contains("mintlify")))
    })
}

/// A config larger than this is no hand-kept one (Dify's, of three languages, is 190 kB).
pub const MAX_CONFIG_BYTES: u64 = 8 << 20;

/// The config of the `tool` project in `folder` (see [`tool`]), read as other tools' configs
/// are (`js::read_config`): `None` when there is none or it cannot be read.
pub(super) fn config(
    root: &Path,
    folder: &Path,
    tool: &str,
    diags: &mut Diagnostics,
) -> Option<ConfigFile> {
    let (names, what) = match tool {
        "Starlight" => (STARLIGHT_CONFIGS, "Astro config"),
        _ => (RSPRESS_CONFIGS, "Rspress config"),
    };
    let place = Place {
        owner: folder.to_path_buf(),
        dir: folder.to_path_buf(),
        rel: "",
    };
    js::read_config(root, &[place], names, what, diags)
}

/// The files of the `tool` project in `folder` the site is read from (its config, Rspress's
/// `i18n.json`): `serve` rebuilds when one changes.
pub(super) fn files(folder: &Path, tool: &str) -> Vec<PathBuf> {
    let names: &[&str] = match tool {
        "Starlight" => STARLIGHT_CONFIGS,
        "Mintlify" => MINTLIFY_CONFIGS,
        _ => RSPRESS_CONFIGS,
    };
    names
        .iter()
        .chain(["i18n.json"].iter().filter(|_| tool == "Rspress"))
        .map(|n| folder.join(n))
        .filter(|p| p.is_file())
        .filter_map(|p| p.canonicalize().ok())
        .collect()
}

/// Files the project folder holds outside the docs folder, which Mintlify serves at the site's
/// root: its `images/`, `logo/`. Only those a page links to are published (as files of
/// `content/` are). Hidden folders, `node_modules`, pages and links are left out, and the
/// walk stops at [`MAX_ROOT_FILES`] files.
pub(super) fn root_files(
    project: &Path,
    docs: &Path,
    diags: &mut Diagnostics,
) -> Vec<super::Asset> {
    let mut out = Vec::new();
    let mut walker = walkdir::WalkDir::new(project)
        .follow_links(false)
        .max_depth(super::MAX_FOLDER_DEPTH)
        .sort_by_file_name()
        .into_iter();
    while let Some(Ok(entry)) = walker.next() {
        if entry.depth() == 0 {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let skip = name.starts_with('.')
            || name == "node_modules"
            || entry.path() == docs
            || crate::paths::name_problem(entry.file_name()).is_some();
        if entry.file_type().is_dir() {
            if skip {
                walker.skip_current_dir();
            }
            continue;
        }
        if skip || !entry.file_type().is_file() || crate::paths::markdown_path(&name).is_some() {
            continue;
        }
        if out.len() == MAX_ROOT_FILES {
            diags.push(
                crate::error::Diagnostic::warning(format!(
                    "the project folder holds more than {MAX_ROOT_FILES} files: links to the others from the site's root are not found"
                ))
                .in_file(project)
                .hint("link content to the docs folder of a smaller project, or copy the files the pages use into static/"),
            );
            break;
        }
        let Ok(rel) = entry.path().strip_prefix(project) else {
            continue;
        };
        out.push(super::Asset {
            rel: crate::paths::slash_path(rel),
            source: Some(entry.into_path()),
        });
    }
    out
}

/// How many files of a project folder are looked at (Dify's has 1,900 beside its pages).
const MAX_ROOT_FILES: usize = 100_000;

/// The site root, then the folders above the docs folder, nearest first, stopping at the
/// system's folders, a home folder and a folder anyone may write in (see
/// `js::beside_content`).
fn folders_up(root: &Path, docs: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = root.canonicalize().ok().into_iter().collect();
    let home = std::env::var_os("HOME").and_then(|h| PathBuf::from(h).canonicalize().ok());
    for dir in docs.ancestors().skip(1).take(MAX_UP) {
        if dir.parent().is_none()
            || crate::paths::is_system_path(dir)
            || home.as_deref() == Some(dir)
            || super::js::anyone_may_write(dir)
        {
            break;
        }
        if !dirs.iter().any(|d| d == dir) {
            dirs.push(dir.to_path_buf());
        }
    }
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_project_above_a_linked_docs_folder_names_the_tool() {
        let tmp = std::env::temp_dir().join(format!("hc-project-{}", std::process::id()));
        let star = tmp.join("starlight");
        std::fs::create_dir_all(star.join("src/content/docs/zh-cn")).unwrap();
        std::fs::write(star.join("astro.config.mjs"), "export default {}").unwrap();
        let site = tmp.join("site");
        std::fs::create_dir_all(&site).unwrap();
        assert_eq!(
            tool(&site, &star.join("src/content/docs/zh-cn")).unwrap().0,
            "Starlight"
        );
        // An Astro site's other folders are not Starlight's docs.
        std::fs::create_dir_all(star.join("src/pages")).unwrap();
        assert!(tool(&site, &star.join("src/pages")).is_none());
        let rs = tmp.join("rspress/website");
        std::fs::create_dir_all(rs.join("docs/zh")).unwrap();
        std::fs::write(rs.join("rspress.config.ts"), "export default {}").unwrap();
        assert_eq!(tool(&site, &rs.join("docs/zh")).unwrap().0, "Rspress");
        assert!(tool(&site, &site).is_none());
        // A docs.json is Mintlify's only when it says so.
        let mint = tmp.join("mint");
        std::fs::create_dir_all(mint.join("zh")).unwrap();
        std::fs::write(mint.join("docs.json"), r#"{"name": "x"}"#).unwrap();
        assert!(tool(&site, &mint.join("zh")).is_none());
        std::fs::write(
            mint.join("docs.json"),
            r#"{"$schema": "https://mintlify.com/docs.json"}"#,
        )
        .unwrap();
        assert_eq!(tool(&site, &mint.join("zh")).unwrap().0, "Mintlify");
        // One that keeps it among its pages.
        let one = tmp.join("one");
        std::fs::create_dir_all(&one).unwrap();
        std::fs::write(one.join("mint.json"), "{}").unwrap();
        assert_eq!(
            tool(&site, &one),
            Some(("Mintlify", one.canonicalize().unwrap()))
        );
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
