//! VitePress (vitepress.dev): front matter for its default theme's layout.

use super::{Becomes::Ignored, ForeignKey, key};

const T: &str = "VitePress";
/// The theme of Vue's own docs (vuejs/theme), used by sites built like them.
const VUE: &str = "VitePress, Vue's theme";

pub(super) const KEYS: &[ForeignKey] = &[
    key("layout", T, Ignored),
    key("outline", T, Ignored),
    key("sidebar", T, Ignored),
    key("aside", T, Ignored),
    key("titleTemplate", T, Ignored),
    key("head", T, Ignored),
    key("lastUpdated", T, Ignored),
    key("editLink", T, Ignored),
    key("footer", T, Ignored),
    key("navbar", T, Ignored),
    key("prev", T, Ignored),
    key("next", T, Ignored),
    key("hero", T, Ignored),
    key("features", T, Ignored),
    key("pageClass", T, Ignored),
    key("isHome", T, Ignored),
    key("theme", T, Ignored),
    key("page", VUE, Ignored),
    key("ads", VUE, Ignored),
];
