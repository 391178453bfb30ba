//! dumi (d.umijs.org, the static-site tool of Ant Group's component libraries): page front
//! matter. Read only on a dumi site (its `.dumirc.ts` beside the docs folder): `nav` and
//! `group` name the top navigation and the sidebar group a page is in, which helpcenter takes
//! from folders; `order` is its place.

use super::Becomes::{Ignored, Key};
use super::{ForeignKey, key};

const T: &str = "dumi";

pub(super) const KEYS: &[ForeignKey] = &[
    key("order", T, Key("weight")),
    key("nav", T, Ignored),
    key("group", T, Ignored),
    key("mobile", T, Ignored),
    key("demo", T, Ignored),
    key("sidebar", T, Ignored),
    key("atomId", T, Ignored),
    key("debug", T, Ignored),
    key("apiHeader", T, Ignored),
    key("hero", T, Ignored),
    key("features", T, Ignored),
];

/// dumi's config files, beside its `docs/` folder.
pub const CONFIG_FILES: &[&str] = &[".dumirc.ts", ".dumirc.js", ".umirc.ts", ".umirc.js"];
