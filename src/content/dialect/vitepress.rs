//! VitePress (vitepress.dev): front matter for its default theme's layout; and VuePress
//! (vuepress.vuejs.org), its predecessor, whose docs many Chinese projects still write.

use super::{Becomes::Ignored, ForeignKey, key};

pub(super) const TOOL: &str = "VitePress";
const T: &str = TOOL;
/// The theme of Vue's own docs (vuejs/theme), used by sites built like them.
const VUE: &str = "VitePress, Vue's theme";
const VUEPRESS: &str = "VuePress";

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
    key("metaTitle", VUEPRESS, Ignored),
    key("sidebarDepth", VUEPRESS, Ignored),
    key("home", VUEPRESS, Ignored),
    key("heroImage", VUEPRESS, Ignored),
    key("heroAlt", VUEPRESS, Ignored),
    key("heroText", VUEPRESS, Ignored),
    key("tagline", VUEPRESS, Ignored),
    key("actionText", VUEPRESS, Ignored),
    key("actionLink", VUEPRESS, Ignored),
    key("actions", VUEPRESS, Ignored),
    key("externalLinkIcon", VUEPRESS, Ignored),
    key("contributors", VUEPRESS, Ignored),
    key("canonicalUrl", VUEPRESS, Ignored),
];
