//! Astro Starlight (starlight.astro.build): docs front matter. Read only on a Starlight site
//! (see `content::project`): `sidebar: { order, label }` gives the order and navigation title
//! (`front_matter`), `template: splash` names Starlight's layout, not a helpcenter template.

use super::Becomes::{Ignored, Not};
use super::{ForeignKey, key};

const T: &str = "Starlight";

pub(super) const KEYS: &[ForeignKey] = &[
    key("sidebar", T, Ignored),
    key("tableOfContents", T, Ignored),
    key("editUrl", T, Ignored),
    key("head", T, Ignored),
    key("lastUpdated", T, Ignored),
    key("prev", T, Ignored),
    key("next", T, Ignored),
    key("pagefind", T, Not("search")),
    key("banner", T, Ignored),
    key("hero", T, Ignored),
];
