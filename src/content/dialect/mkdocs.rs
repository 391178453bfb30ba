//! MkDocs and Material for MkDocs (squidfunk.github.io/mkdocs-material): page metadata.

use super::Becomes::Ignored;
use super::{ForeignKey, key};

const T: &str = "MkDocs";

pub(super) const KEYS: &[ForeignKey] = &[
    key("hide", T, Ignored),
    key("status", T, Ignored),
    key("icon", T, Ignored),
    key("subtitle", T, Ignored),
    // Material's comment system (giscus) on a page.
    key("comments", T, Ignored),
    // mkdocs-macros: data files for the page's macros.
    key("include_yaml", T, Ignored),
];
