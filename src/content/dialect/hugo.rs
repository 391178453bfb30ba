//! Hugo (gohugo.io): page front matter, YAML or TOML, and the keys of Docsy, the theme of
//! many projects' Hugo docs (Dapr, Kubernetes, gRPC).

use std::path::Path;

use super::Becomes::{Ignored, Key, Not};
use super::{ForeignKey, key};
use crate::content::js;
use crate::error::Diagnostics;

/// The names of Hugo's site config.
pub const CONFIG_FILES: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.json",
    "config.toml",
    "config.yaml",
];

/// Whether the site has a Hugo config beside `content/` (or in it): `hugo.*`, or a `config.*`
/// that sets Hugo's `baseURL` (Zola's says `base_url`). Its pages then may hold keys of its
/// theme (hugo-theme-learn's `chapter` and `pre`), which are ignored.
pub fn is_site(root: &Path, content_dir: &Path) -> bool {
    let places = js::beside_or_in(root, content_dir);
    // A config that cannot be read says nothing here: the notes are for the readers of it.
    let mut quiet = Diagnostics::default();
    js::read_config(root, &places, CONFIG_FILES, "Hugo config", &mut quiet)
        .is_some_and(|c| c.rel.contains("hugo.") || c.text.to_ascii_lowercase().contains("baseurl"))
}

/// Whether the site's Hugo config keeps the case of URLs (`disablePathToLower = true`); Hugo
/// otherwise writes every page's path in lower case.
pub fn keeps_case(root: &Path, content_dir: &Path) -> bool {
    let places = js::beside_or_in(root, content_dir);
    let mut quiet = Diagnostics::default();
    js::read_config(root, &places, CONFIG_FILES, "Hugo config", &mut quiet).is_some_and(|c| {
        c.text.lines().any(|l| {
            let l = l.trim().to_ascii_lowercase();
            l.strip_prefix("disablepathtolower")
                .map(|v| v.trim_start_matches([' ', '"', ':', '=']).trim())
                .is_some_and(|v| v.starts_with("true"))
        })
    })
}

const T: &str = "Hugo";
const DOCSY: &str = "Docsy";

pub(super) const KEYS: &[ForeignKey] = &[
    key("linkTitle", T, Key("nav_title")),
    key("summary", T, Key("description")),
    key("lastmod", T, Key("updated")),
    key("publishDate", T, Key("date")),
    key("type", T, Ignored),
    key("url", T, Ignored),
    key("menu", T, Ignored),
    key("menus", T, Ignored),
    key("categories", T, Ignored),
    key("series", T, Ignored),
    key("images", T, Ignored),
    key("audio", T, Ignored),
    key("videos", T, Ignored),
    key("expiryDate", T, Ignored),
    key("build", T, Ignored),
    key("cascade", T, Ignored),
    key("headless", T, Ignored),
    key("isCJKLanguage", T, Ignored),
    key("markup", T, Ignored),
    key("outputs", T, Ignored),
    key("resources", T, Ignored),
    key("sitemap", T, Ignored),
    key("translationKey", T, Ignored),
    key("params", T, Ignored),
    key("author", T, Ignored),
    key("authors", T, Ignored),
    key("layout", T, Ignored),
    key("exclude_search", DOCSY, Not("search")),
    key("no_list", DOCSY, Ignored),
    key("simple_list", DOCSY, Ignored),
    key("toc_hide", DOCSY, Ignored),
    key("manualLink", DOCSY, Ignored),
    key("manualLinkRelref", DOCSY, Ignored),
    key("manualLinkTarget", DOCSY, Ignored),
    key("manualLinkTitle", DOCSY, Ignored),
    key("sidebar_root_for", DOCSY, Ignored),
];
