//! Rspress (rspress.rs): docs front matter. Read only on an Rspress site (see
//! `content::project`): its `tag` is a badge in the sidebar, which elsewhere is most often a
//! slip of `tags`.

use super::Becomes::Ignored;
use super::{ForeignKey, key};

const T: &str = "Rspress";

pub(super) const KEYS: &[ForeignKey] = &[
    key("pageType", T, Ignored),
    key("overview", T, Ignored),
    key("overviewHeaders", T, Ignored),
    key("tag", T, Ignored),
    key("sidebar", T, Ignored),
    key("outline", T, Ignored),
    key("outlineTitle", T, Ignored),
    key("footer", T, Ignored),
    key("navbar", T, Ignored),
    key("hero", T, Ignored),
    key("features", T, Ignored),
    key("head", T, Ignored),
    key("context", T, Ignored),
    key("lineNumbers", T, Ignored),
];
