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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_pages_with_text_are_documents_before_their_articles() {
        let (site, _) = crate::testing::site(&[
            ("_index.md", "---\ntitle: 首页\n---\n\n首页的介绍文字。\n"),
            ("a/_index.md", "---\ntitle: 甲\n---\n\n甲栏目的介绍。\n"),
            ("a/one.md", "---\ntitle: 一\n---\n\n一。\n"),
            ("b/_index.md", "---\ntitle: 乙\n---\n"),
            ("b/two.md", "---\ntitle: 二\n---\n\n二。\n"),
            (
                "c/_index.md",
                "---\ntitle: 丙\nsearch: false\n---\n\n丙栏目的介绍。\n",
            ),
            ("c/three.md", "---\ntitle: 三\nsearch: false\n---\n\n三。\n"),
        ]);
        let (parsed, _) = crate::testing::parse(&site);
        let titles: Vec<&str> = documents(&site, &parsed)
            .into_iter()
            .map(|d| d.page(&site, &parsed).title)
            .collect();
        // Not the home page, not a title over a list, not `search: false`; a section's page
        // right before its articles (sections in the site's order).
        let mut sorted = titles.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, ["一", "二", "甲"]);
        let at = titles.iter().position(|t| *t == "甲").unwrap();
        assert_eq!(titles[at + 1], "一");
        let a = (site.sections.iter()).position(|s| s.dir == "a").unwrap();
        let page = Doc::Section(a).page(&site, &parsed);
        assert_eq!((page.url, page.section), ("a/", ""));
        assert_eq!(page.description, "甲栏目的介绍。");
    }
}
