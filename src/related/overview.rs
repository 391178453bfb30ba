//! Sections' overview pages among related articles: a page that introduces a section (Vite's
//! 配置 Vite, a product's 概览) is where a reader of one of its articles, or of an article
//! about the same thing elsewhere, goes next. Only pages with text of their own qualify (see
//! `text::overview_vectors`); a section page that is a title over a list is already the
//! breadcrumb.

use std::collections::HashMap;

use super::links::LinkGraph;
use super::{LINK_SHARE, SECTION_BONUS, TEXT_SHARE};
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
        let own = site.articles[a].section;
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
