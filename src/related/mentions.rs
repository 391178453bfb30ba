//! How much one article is about another's subject: how much of the other's title (its rare
//! words counting most) the article's own text keeps using. An article that says ANALYZE
//! twenty times is about what `ANALYZE TABLE` describes, though their texts differ in most
//! other words.

use rayon::prelude::*;

use super::text::{IdMap, count_term};
use crate::hash::fnv1a64;
use crate::site::Site;
use crate::tokenize;

/// Uses of a title word that count in full; fewer count by their logarithm.
const FULL_USES: f32 = 20.0;
/// A word in more titles than this share of them (but at least `COMMON_MIN`, at most
/// `COMMON_MAX`) is a title template's ("关于…", "…的扩展", "SQL 语句"): it keeps its weight in
/// the title, but its uses are not counted. Besides saying little, such words are in most
/// articles' text, and counting them cost more than the rest of the related stage on a
/// 100k-article site.
const COMMON_SHARE: f32 = 0.03;
const COMMON_MIN: f32 = 3.0;
const COMMON_MAX: f32 = 100.0;

pub(super) struct Mentions {
    /// Per article: its title's counted words (ids in the titles' vocabulary), each with its
    /// share of the title: rare words (among titles) weigh more, and the shares of all its
    /// words, counted or not, sum to 1.
    titles: Vec<Vec<(u32, f32)>>,
    /// Per article: how much it uses each word of any title, sorted by id: the logarithm of
    /// how often (weighted as for term vectors), in 0..=1 (see `FULL_USES`). Worked out here
    /// once, not for every candidate that reads it.
    uses: Vec<Vec<(u32, f32)>>,
}

/// A title's words, hashed, sorted and once each. The parts of a version number name no subject:
/// "2.0.9" and "4.0.9" are about different things (a number alone, "HTTP 502", is kept).
fn title_words(title: &str) -> Vec<u64> {
    let versioned = (title.as_bytes().windows(3))
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
    let mut v = Vec::new();
    tokenize::each_term(title, |t| {
        if !(versioned && t.bytes().all(|c| c.is_ascii_digit())) {
            v.push(fnv1a64(t.as_bytes()));
        }
    });
    v.sort_unstable();
    v.dedup();
    v
}

impl Mentions {
    /// From the articles' weighted term frequencies (as `text` counts them) by term id, and
    /// `term_id`, which gives a term hash's id there: the title words are looked up once each,
    /// not once per article that uses them.
    pub(super) fn new(
        site: &Site,
        term_id: impl Fn(u64) -> Option<u32>,
        vocabulary: usize,
        by_id: &[Vec<(u32, f32)>],
    ) -> Mentions {
        let title_terms: Vec<Vec<u64>> = site
            .articles
            .par_iter()
            .map(|a| title_words(&a.source.title))
            .collect();
        let mut ids: IdMap<u32> = IdMap::default();
        let mut df: Vec<u32> = Vec::new();
        for terms in &title_terms {
            for t in terms {
                count_term(&mut ids, &mut df, *t, 1);
            }
        }
        let n = site.articles.len() as f32;
        let common = (COMMON_SHARE * n).clamp(COMMON_MIN, COMMON_MAX);
        let counted = |id: u32| (df[id as usize] as f32) <= common;
        let titles = title_terms
            .iter()
            .map(|terms| {
                let mut v: Vec<(u32, f32)> = terms
                    .iter()
                    .map(|t| {
                        let id = ids[t];
                        (
                            id,
                            ((n + 1.0) / (df[id as usize] as f32 + 0.5)).ln().max(0.0),
                        )
                    })
                    .collect();
                let sum: f32 = v.iter().map(|x| x.1).sum();
                if sum > 0.0 {
                    v.iter_mut().for_each(|x| x.1 /= sum);
                }
                v.retain(|x| counted(x.0));
                v
            })
            .collect();
        // By term id, the counted title word it is, or `NOT_COUNTED`.
        const NOT_COUNTED: u32 = u32::MAX;
        let mut title_word = vec![NOT_COUNTED; vocabulary];
        for (t, &id) in &ids {
            if let Some(term) = term_id(*t).filter(|_| counted(id)) {
                title_word[term as usize] = id;
            }
        }
        let uses = by_id
            .par_iter()
            .map(|terms| {
                let mut v: Vec<(u32, f32)> = terms
                    .iter()
                    .filter_map(|&(t, f)| {
                        let id = title_word[t as usize];
                        (id != NOT_COUNTED).then(|| (id, saturated(f)))
                    })
                    .collect();
                v.sort_unstable_by_key(|x| x.0);
                v
            })
            .collect();
        Mentions { titles, uses }
    }

    /// How much `a` is about `b`'s subject, and `b` about `a`'s, in 0..=1.
    pub(super) fn between(&self, a: usize, b: usize) -> f32 {
        (self.of(a, b) + self.of(b, a)) / 2.0
    }

    fn of(&self, a: usize, b: usize) -> f32 {
        let uses = &self.uses[a];
        self.titles[b]
            .iter()
            .map(|&(id, share)| {
                let used = uses
                    .binary_search_by_key(&id, |x| x.0)
                    .map_or(0.0, |i| uses[i].1);
                share * used
            })
            .sum()
    }
}

/// How much `times` uses of a word count, in 0..=1: in full from `FULL_USES`, fewer by their
/// logarithm.
fn saturated(times: f32) -> f32 {
    ((1.0 + times).ln() / (1.0 + FULL_USES).ln()).min(1.0)
}
