//! The default theme, embedded in the binary so a site without its own `templates/` and `static/`
//! builds; a site's file of the same name replaces the embedded one, file by file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::Diagnostic;

macro_rules! embed {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../", $dir, "/", $name)))),*]
    };
}

pub const TEMPLATES: &[(&str, &[u8])] = embed!("templates":
    "base.html", "macros.html", "index.html", "section.html", "article.html", "tag.html",
    "tags.html", "404.html", "related.html", "search.html",
);

pub const STATIC: &[(&str, &[u8])] =
    embed!("static": "style.css", "site.js", "search.js", "favicon.svg");

/// A theme file and where it came from, for error messages.
pub struct ThemeFile {
    pub bytes: Vec<u8>,
    /// The site's own file, or `None` for the embedded default.
    pub path: Option<PathBuf>,
}

/// The embedded files of `embedded` overlaid with the files under `root/<dir>`.
pub fn overlay(
    root: &Path,
    dir: &str,
    embedded: &[(&str, &[u8])],
) -> (BTreeMap<String, ThemeFile>, Vec<Diagnostic>) {
    let mut files: BTreeMap<String, ThemeFile> = embedded
        .iter()
        .map(|(n, b)| {
            (
                (*n).to_owned(),
                ThemeFile {
                    bytes: b.to_vec(),
                    path: None,
                },
            )
        })
        .collect();
    let mut diags = Vec::new();
    let base = root.join(dir);
    if !base.is_dir() {
        return (files, diags);
    }
    for entry in walkdir::WalkDir::new(&base)
        .sort_by_file_name()
        .follow_links(true)
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(format!("cannot read {dir}/: {e}")));
                continue;
            }
        };
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&base)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let shown = crate::content::shown_path(root, entry.path());
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                files.insert(
                    rel,
                    ThemeFile {
                        bytes,
                        path: Some(shown),
                    },
                );
            }
            Err(e) => {
                diags.push(Diagnostic::error(format!("cannot read the file: {e}")).in_file(shown))
            }
        }
    }
    (files, diags)
}
