//! The index's documents: every article, and every section page with text of its own. A
//! folder's `index.md` in VitePress or an `_index.md` in Hugo is often a real page (Vite's
//! 开始 is its getting-started guide, TiDB's 应用开发概览 introduces a whole part of the docs),
//! and a reader searching its words means that page.

use crate::markdown::{self, Parsed, Rendered};
use crate::site::Site;

/// A document of the index, by what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// Index into `Site::articles`.
    Article(usize),
    /// Index into `Site::sections`: the section's own page.
    Section(usize),
}

/// What the index reads of a document.
pub(super) struct Page<'a> {
    pub(super) title: &'a str,
    pub(super) url: &'a str,
    /// The name of the section it is in ("" at the top of the site).
    pub(super) section: &'a str,
    pub(super) description: &'a str,
    /// Tags and keywords: words readers search for that the text may not use.
    pub(super) tags: &'a [String],
    pub(super) keywords: &'a [String],
    pub(super) parsed: &'a Rendered,
}

impl Doc {
    pub(super) fn page<'a>(self, site: &'a Site, parsed: &'a Parsed) -> Page<'a> {
        let section_name = |s: usize| match s {
            0 => "",
            s => site.sections[s].title.as_str(),
        };
        match self {
            Doc::Article(i) => {
                let a = &site.articles[i];
                let front = &a.source.front;
                Page {
                    title: &a.source.title,
                    url: &a.url,
                    section: section_name(a.section),
                    description: markdown::description(a, &parsed.articles[i]),
                    tags: &front.tags,
                    keywords: &front.keywords,
                    parsed: &parsed.articles[i],
                }
            }
            Doc::Section(s) => {
                let section = &site.sections[s];
                let r = &parsed.sections[s];
                Page {
                    title: &section.title,
                    url: &section.url,
                    section: section.parent.map_or("", section_name),
                    description: if section.description.trim().is_empty() {
                        &r.summary
                    } else {
                        &section.description
                    },
                    tags: &[],
                    keywords: section.source.as_ref().map_or(&[], |f| &f.front.keywords),
                    parsed: r,
                }
            }
        }
    }
}

/// The documents of the index in the site's order (each section's page before its articles,
/// then its subsections), so equal scores are broken the way the editors ordered the pages:
/// articles but drafts, section pages with text of their own but the home page's, and neither
/// with `search: false`.
pub(super) fn documents(site: &Site, parsed: &Parsed) -> Vec<Doc> {
    let mut docs = Vec::new();
    for s in site.sections_in_order() {
        let section = &site.sections[s];
        let searchable = section
            .source
            .as_ref()
            .is_some_and(|f| f.front.search != Some(false));
        let has_text = (parsed.sections.get(s))
            .is_some_and(|r| r.blocks.iter().any(|b| !b.text.trim().is_empty()));
        if s != 0 && searchable && has_text {
            docs.push(Doc::Section(s));
        }
        docs.extend(
            (section.articles.iter())
                .filter(|&&i| site.articles[i].source.front.search != Some(false))
                .map(|&i| Doc::Article(i)),
        );
    }
    docs
}
