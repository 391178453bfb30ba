//! Zola (getzola.org): page and section front matter, TOML. Zola's `template` names a Zola
//! template, so in TOML front matter it is ignored (see `content::front_matter`).

use super::Becomes::{Ignored, Key};
use super::{ForeignKey, key};

const T: &str = "Zola";

pub(super) const KEYS: &[ForeignKey] = &[
    key("in_search_index", T, Key("search")),
    key("render", T, Ignored),
    key("insert_anchor_links", T, Ignored),
    key("sort_by", T, Ignored),
    key("paginate_by", T, Ignored),
    key("paginate_path", T, Ignored),
    key("paginate_reversed", T, Ignored),
    key("transparent", T, Ignored),
    key("page_template", T, Ignored),
    key("taxonomies", T, Key("tags")),
    key("path", T, Ignored),
    key("generate_feeds", T, Ignored),
    key("redirect_to", T, Ignored),
];
