//! Jekyll (jekyllrb.com) and its documentation themes (Just the Docs): page front matter.

use super::Becomes::{Ignored, Key, Not};
use super::{ForeignKey, key};

const T: &str = "Jekyll";

pub(super) const KEYS: &[ForeignKey] = &[
    key("excerpt", T, Key("description")),
    key("nav_order", T, Key("weight")),
    key("last_modified_at", T, Key("updated")),
    key("published", T, Not("draft")),
    key("redirect_from", T, Key("aliases")),
    key("search_exclude", T, Not("search")),
    key("permalink", T, Ignored),
    key("category", T, Ignored),
    key("parent", T, Ignored),
    key("grand_parent", T, Ignored),
    key("has_children", T, Ignored),
    key("nav_exclude", T, Ignored),
    key("has_toc", T, Ignored),
    key("comments", T, Ignored),
];
