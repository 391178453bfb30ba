//! Mintlify (mintlify.com): page front matter. Read only on a Mintlify site (see
//! `content::project`): its `tag` is a badge beside the page's name in the sidebar, and its
//! `mode`, `icon` and `hidden` are about the layout of its theme, which helpcenter's replaces.

use super::Becomes::{Ignored, Key, Not};
use super::{ForeignKey, key};

const T: &str = "Mintlify";

pub(super) const KEYS: &[ForeignKey] = &[
    key("sidebarTitle", T, Key("nav_title")),
    key("mode", T, Ignored),
    key("icon", T, Ignored),
    key("iconType", T, Ignored),
    key("tag", T, Ignored),
    key("hidden", T, Ignored),
    key("api", T, Ignored),
    key("openapi", T, Ignored),
    key("openapi-schema", T, Ignored),
    key("playground", T, Ignored),
    key("authMethod", T, Ignored),
    key("url", T, Ignored),
    key("public", T, Ignored),
    key("rss", T, Ignored),
    key("timestamp", T, Ignored),
    key("deprecated", T, Ignored),
    key("noindex", T, Not("search")),
];
