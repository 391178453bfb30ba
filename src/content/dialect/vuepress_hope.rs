//! vuepress-theme-hope (theme-hope.vuejs.press, the VuePress 2 theme most Chinese projects'
//! docs use): page front matter. Read only on a VuePress site, where its `tag` is the page's
//! tags (elsewhere a slip of `tags`), `order` its place and `shortTitle` its name in
//! navigation; a folder's `README.md` places and names the folder with `dir: { order, text }`
//! (`front_matter`).

use super::Becomes::{Ignored, Key};
use super::{ForeignKey, key};

/// The tool as the site's config says: VuePress (its theme is not named there).
const T: &str = "VuePress";

pub(super) const KEYS: &[ForeignKey] = &[
    key("tag", T, Key("tags")),
    key("order", T, Key("weight")),
    key("shortTitle", T, Key("nav_title")),
    key("dir", T, Ignored),
    key("index", T, Ignored),
    key("icon", T, Ignored),
    key("category", T, Ignored),
    key("star", T, Ignored),
    key("sticky", T, Ignored),
    key("article", T, Ignored),
    key("timeline", T, Ignored),
    key("cover", T, Ignored),
    key("banner", T, Ignored),
    key("isOriginal", T, Ignored),
    key("author", T, Ignored),
    key("breadcrumb", T, Ignored),
    key("pageInfo", T, Ignored),
    key("comment", T, Ignored),
    key("heroText", T, Ignored),
    key("highlights", T, Ignored),
    key("titles", T, Ignored),
];
