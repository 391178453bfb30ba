//! Sections' overview pages among related articles: a page that introduces a section (Vite's
//! 配置 Vite, a product's 概览) is where a reader of one of its articles, or of an article
//! about the same thing elsewhere, goes next. Only pages with text of their own qualify (see
//! `text::overview_vectors`); a section page that is a title over a list is already the
//! breadcrumb.
//!
//! Such a page is read like an article, so it has a list of its own too: the articles
//! elsewhere that it is about, links or is linked from.

use std::collections::HashMap;

use super::links::LinkGraph;
use super::score::{
    LINK_SHARE, MIN_SCORE, SECTION_BONUS, Scorer, Scratch, Shown, TEXT_SHARE, keep_above_floors,
    round3,
};
use super::series::SERIES_FACTOR;
use super::{Reason, RelatedEntry, Target};
use crate::site::Site;

/// The overview pages and an inverted index over their terms.
pub(super) struct Overviews {
    /// (section, unit term vector sorted by term id).
    pages: Vec<(usize, Vec<(u32, f32)>)>,
    by_term: HashMap<u32, Vec<(u32, f32)>>,
    /// Index into `pages` by section.
    by_section: HashMap<usize, u32>,
}

/// An overview's score for one article, and why.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) section: usize,
    pub(super) score: f32,
    pub(super) text: f32,
    pub(super) linked: bool,
}

impl Overviews {
    pub(super) fn new(pages: Vec<(usize, Vec<(u32, f32)>)>) -> Overviews {
        let mut by_term: HashMap<u32, Vec<(u32, f32)>> = HashMap::new();
        for (i, (_, v)) in pages.iter().enumerate() {
            for &(id, w) in v {
                by_term.entry(id).or_default().push((i as u32, w));
            }
        }
        let by_section = (pages.iter().enumerate())
            .map(|(i, (section, _))| (*section, i as u32))
            .collect();
        Overviews {
            pages,
            by_term,
            by_section,
        }
    }

    /// Section `section`'s overview page's term vector, if it has such a page.
    pub(super) fn vector_of(&self, section: usize) -> Option<&[(u32, f32)]> {
        let &o = self.by_section.get(&section)?;
        Some(&self.pages[o as usize].1)
    }

    /// The overview that relates most to article `a` (term vector `vector`): its own
    /// section's, or one it shares words with, or one that links it or that it links.
    pub(super) fn best_for(
        &self,
        site: &Site,
        links: &LinkGraph,
        a: usize,
        vector: &[(u32, f32)],
    ) -> Option<Candidate> {
        if self.pages.is_empty() {
            return None;
        }
        // Only the overviews it shares a term with or a link: a site may have hundreds, and
        // this runs for every article.
        let mut cosine: HashMap<u32, f32> = HashMap::new();
        for (id, w) in vector {
            for &(o, v) in self.by_term.get(id).into_iter().flatten() {
                *cosine.entry(o).or_default() += w * v;
            }
        }
        for s in links.linked_sections(a) {
            if let Some(&o) = self.by_section.get(&s) {
                cosine.entry(o).or_default();
            }
        }
        let own = own_section(site, a);
        cosine
            .into_iter()
            .filter_map(|(o, cos)| {
                let section = self.pages[o as usize].0;
                let linked = links.section_linked(a, section);
                let text = cos.min(1.0);
                let score = TEXT_SHARE * text
                    + if linked { LINK_SHARE } else { 0.0 }
                    + if section == own { SECTION_BONUS } else { 0.0 };
                // Like an article, it needs some evidence besides the section.
                (text > 0.0 || linked).then_some(Candidate {
                    section,
                    score,
                    text,
                    linked,
                })
            })
            .max_by(|x, y| x.score.total_cmp(&y.score).then(y.section.cmp(&x.section)))
    }
}

/// The section whose page is article `a`'s overview: its own, or, when that is a group of a
/// navigation file (which has no page), the section the group is in (VitePress's 未来 group of
/// 破坏性变更 belongs to the 破坏性变更 page).
fn own_section(site: &Site, a: usize) -> usize {
    let mut s = site.articles[a].section;
    while site.sections[s].from_nav {
        match site.sections[s].parent {
            Some(p) => s = p,
            None => break,
        }
    }
    s
}

impl Scorer<'_> {
    /// Section `section`'s page's list: its pins, then, for an overview page, the articles of
    /// other sections that share its words, that it links or that link it, best first, above
    /// the floors articles' lists have. Its own section's articles are left out: the page
    /// lists them already.
    pub(super) fn section_list(
        &self,
        section: usize,
        scratch: &mut Scratch,
        shown: &Shown,
    ) -> Vec<RelatedEntry> {
        let pins = &self.section_pins[section];
        let mut list: Vec<RelatedEntry> = (pins.iter())
            .map(|&b| RelatedEntry {
                target: Target::Article(b),
                score: 1.0,
                pinned: true,
                text: 0.0,
                linked: self.links.section_linked(b, section),
                shared_tags: Vec::new(),
                reason: Reason::Pinned,
            })
            .collect();
        let source = self.site.sections[section].source.as_ref();
        let auto = source.is_none_or(|f| f.front.related_auto != Some(false));
        let Some(vector) =
            (self.overviews.vector_of(section)).filter(|_| auto && list.len() < self.limit)
        else {
            return list;
        };
        for (id, w) in vector {
            scratch.add_text(*w, &self.postings[*id as usize]);
        }
        for b in self.links.section_neighbours(section) {
            scratch.other(b).link = self.links.section_direct(section, b);
        }
        let mut places: Vec<(f32, usize, f32, Reason)> = Vec::new();
        for &b in scratch.touched() {
            let b = b as usize;
            let (similar, e) = scratch.get(b);
            if own_section(self.site, b) == section || pins.contains(&b) {
                continue;
            }
            let text = TEXT_SHARE * similar.min(1.0);
            let link = LINK_SHARE * e.link;
            let mut score = text + link;
            if self.in_series(b) {
                score *= SERIES_FACTOR;
            }
            let score = self.demoted(score, shown.articles[b]);
            if score >= MIN_SCORE {
                let reason = if link > text {
                    Reason::Linked
                } else {
                    Reason::Text
                };
                places.push((score, b, similar.min(1.0), reason));
            }
        }
        scratch.reset();
        places.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        keep_above_floors(&mut places, self.limit, list.len(), |p| p.0);
        list.extend(
            places
                .into_iter()
                .map(|(score, b, text, reason)| RelatedEntry {
                    target: Target::Article(b),
                    score: round3(score),
                    pinned: false,
                    text: round3(text),
                    linked: self.links.section_linked(b, section),
                    shared_tags: Vec::new(),
                    reason,
                }),
        );
        list
    }
}
