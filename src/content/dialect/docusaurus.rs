//! Docusaurus (docusaurus.io): docs front matter.

use super::Becomes::{Ignored, Key, Not};
use super::{ForeignKey, key};

const T: &str = "Docusaurus";

pub(super) const KEYS: &[ForeignKey] = &[
    key("sidebar_label", T, Key("nav_title")),
    key("sidebar_position", T, Key("weight")),
    key("hide_table_of_contents", T, Not("toc")),
    key("unlisted", T, Key("draft")),
    key("last_update", T, Key("updated")),
    key("id", T, Ignored),
    key("sidebar_class_name", T, Ignored),
    key("sidebar_custom_props", T, Ignored),
    key("displayed_sidebar", T, Ignored),
    key("pagination_label", T, Ignored),
    key("pagination_next", T, Ignored),
    key("pagination_prev", T, Ignored),
    key("custom_edit_url", T, Ignored),
    key("parse_number_prefixes", T, Ignored),
    key("image", T, Ignored),
    key("toc_min_heading_level", T, Ignored),
    key("toc_max_heading_level", T, Ignored),
];
