//! Related articles, scored at build time: pins first, then the best of the rest by text
//! similarity (TF-IDF cosine over the search tokenizer's terms), shared tags weighted by rarity,
//! and a small bonus for the same section.
//!
//! It scales by never comparing all pairs: each article keeps only its strongest terms, and
//! candidates come from an inverted index whose posting lists are capped to the strongest
//! articles per term, so the work grows with the number of articles, not its square.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Diagnostic, Diagnostics};
use crate::hash::fnv1a64;
use crate::markdown::{LinkTarget, Parsed};
use crate::paths::join_rel;
use crate::site::{Missing, Site};
use crate::tokenize;

/// Terms kept per article: enough to describe it, few enough to keep the index small.
const TERMS_PER_ARTICLE: usize = 48;
/// Articles kept per term in the inverted index (the strongest ones).
const POSTINGS_PER_TERM: usize = 256;
/// A term found in more than this share of articles says nothing about any of them.
const BOILERPLATE_SHARE: f32 = 0.5;
/// Tags on more articles than this are too common to suggest relations on their own.
const TAG_CANDIDATE_CAP: usize = 2000;
const TITLE_WEIGHT: f32 = 3.0;
const HEADING_WEIGHT: f32 = 2.0;
const TEXT_SHARE: f32 = 0.65;
const TAG_SHARE: f32 = 0.35;
const SECTION_BONUS: f32 = 0.05;
/// An author who linked two articles has said they are related.
const LINK_BONUS: f32 = 0.15;
/// Below this an article is noise, not a relation: an article with nothing related shows nothing.
pub const MIN_SCORE: f32 = 0.15;

/// One related article of an article, and why it is there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedEntry {
    /// Index into `Site::articles`.
    #[serde(skip)]
    pub article: usize,
    /// The whole score (pins: 1).
    pub score: f64,
    /// Pinned by the article's `related` front matter.
    pub pinned: bool,
    /// The text-similarity part of the score (cosine of the term vectors).
    pub text: f64,
    /// One of the two articles links to the other.
    pub linked: bool,
    /// Names of the tags both carry.
    pub shared_tags: Vec<String>,
}

/// For every article (by index), its related articles in display order.
pub fn compute(site: &Site, parsed: &Parsed) -> (Vec<Vec<RelatedEntry>>, Diagnostics) {
    let n = site.articles.len();
    let (pins, diags) = resolve_pins(site);
    let vectors = term_vectors(site, parsed);
    let postings = inverted_index(&vectors.vectors, vectors.vocabulary);
    let scorer = Scorer {
        site,
        limit: site.config.related.limit,
        pins,
        linked: link_neighbours(site, parsed),
        vectors: vectors.vectors,
        postings,
        tag_idf: tag_weights(site),
        article_tags: site
            .articles
            .iter()
            .map(|a| a.tags.iter().map(String::as_str).collect())
            .collect(),
        section_of: site.articles.iter().map(|a| a.section).collect(),
    };
    let lists: Vec<Vec<RelatedEntry>> = (0..n)
        .into_par_iter()
        .map_init(|| Scratch::new(n), |scratch, a| scorer.list(a, scratch))
        .collect();
    (lists, diags)
}

/// Each article's weighted, truncated, unit-length term vector, as (term id, weight) sorted by
/// id, and the number of term ids.
struct TermVectors {
    vectors: Vec<Vec<(u32, f32)>>,
    vocabulary: usize,
}

fn term_vectors(site: &Site, parsed: &Parsed) -> TermVectors {
    let n = site.articles.len();
    // Term frequencies per article, title and headings weighted up; terms keyed by hash.
    let raw: Vec<Vec<(u64, f32)>> = site
        .articles
        .par_iter()
        .zip(&parsed.articles)
        .map(|(a, r)| {
            let mut tf: IdMap<f32> = IdMap::default();
            let mut add = |text: &str, weight: f32| {
                tokenize::each_term(text, |t| {
                    *tf.entry(fnv1a64(t.as_bytes())).or_default() += weight
                });
            };
            add(&a.source.title, TITLE_WEIGHT);
            for b in &r.blocks {
                add(&b.heading, HEADING_WEIGHT);
                add(&b.text, 1.0);
                add(&b.code, 1.0);
            }
            let mut v: Vec<(u64, f32)> = tf.into_iter().collect();
            v.sort_unstable_by_key(|x| x.0);
            v
        })
        .collect();

    // Vocabulary (dense ids in first-seen order, so the same content gives the same ids) and
    // document frequencies.
    let mut vocab: IdMap<u32> = IdMap::default();
    let mut df: Vec<u32> = Vec::new();
    let ids: Vec<Vec<(u32, f32)>> = raw
        .iter()
        .map(|terms| {
            terms
                .iter()
                .map(|(t, f)| {
                    let next = df.len() as u32;
                    let id = *vocab.entry(*t).or_insert(next);
                    if id == next {
                        df.push(0);
                    }
                    df[id as usize] += 1;
                    (id, *f)
                })
                .collect()
        })
        .collect();

    let max_df = ((n as f32) * BOILERPLATE_SHARE).max(2.0);
    let vectors = ids
        .par_iter()
        .map(|terms| {
            let mut v: Vec<(u32, f32)> = terms
                .iter()
                .filter(|(id, _)| (df[*id as usize] as f32) <= max_df && df[*id as usize] > 1)
                .map(|(id, f)| {
                    let idf = ((n as f32 + 1.0) / (df[*id as usize] as f32 + 1.0)).ln();
                    (*id, (1.0 + f.ln()) * idf)
                })
                .collect();
            v.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            v.truncate(TERMS_PER_ARTICLE);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v.sort_by_key(|(id, _)| *id);
            v
        })
        .collect();
    TermVectors {
        vectors,
        vocabulary: df.len(),
    }
}

/// Inverted index with capped posting lists: for each term id, its strongest articles.
fn inverted_index(vectors: &[Vec<(u32, f32)>], vocabulary: usize) -> Vec<Vec<(u32, f32)>> {
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); vocabulary];
    for (doc, v) in vectors.iter().enumerate() {
        for (id, w) in v {
            postings[*id as usize].push((doc as u32, *w));
        }
    }
    postings.par_iter_mut().for_each(|p| {
        if p.len() > POSTINGS_PER_TERM {
            p.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            p.truncate(POSTINGS_PER_TERM);
        }
    });
    postings
}

/// Each tag's rarity weight, by tag key.
fn tag_weights(site: &Site) -> HashMap<&str, f32> {
    let n = site.articles.len();
    site.tags
        .iter()
        .map(|(k, t)| {
            (
                k.as_str(),
                ((n as f32 + 1.0) / (t.articles.len() as f32 + 0.5))
                    .ln()
                    .max(0.0),
            )
        })
        .collect()
}

/// Everything scoring reads, computed once for the whole site.
struct Scorer<'a> {
    site: &'a Site,
    limit: usize,
    pins: Vec<Vec<usize>>,
    linked: Vec<Vec<usize>>,
    vectors: Vec<Vec<(u32, f32)>>,
    postings: Vec<Vec<(u32, f32)>>,
    tag_idf: HashMap<&'a str, f32>,
    article_tags: Vec<Vec<&'a str>>,
    /// Dense copy: the scoring loop reads it for thousands of candidates per article.
    section_of: Vec<usize>,
}

impl Scorer<'_> {
    /// Article `a`'s list: its pins, then the best-scoring others.
    fn list(&self, a: usize, scratch: &mut Scratch) -> Vec<RelatedEntry> {
        let mut list: Vec<RelatedEntry> = self.pins[a]
            .iter()
            .map(|&b| RelatedEntry {
                article: b,
                score: 1.0,
                pinned: true,
                text: 0.0,
                linked: self.linked[a].contains(&b),
                shared_tags: self.shared_tags(a, b),
            })
            .collect();
        let limit = self.limit;
        if self.site.articles[a].source.front.related_auto == Some(false) || list.len() >= limit {
            list.truncate(limit.max(self.pins[a].len()));
            return list;
        }
        self.accumulate(a, scratch);
        let mut scored = self.scored(a, scratch);
        // Only the best few matter: select them, then order just those. The comparison is a
        // total order (score, then article order), so the result is deterministic.
        let order =
            |x: &(u32, f32, f32), y: &(u32, f32, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        let want = limit - list.len();
        if scored.len() > want {
            scored.select_nth_unstable_by(want, order);
            scored.truncate(want);
        }
        scored.sort_by(order);
        for (b, score, t) in scored.into_iter().take(limit - list.len()) {
            list.push(RelatedEntry {
                article: b as usize,
                score: round3(score),
                pinned: false,
                text: round3(t),
                linked: self.linked[a].contains(&(b as usize)),
                shared_tags: self.shared_tags(a, b as usize),
            });
        }
        list
    }

    /// Adds up, into `scratch`, the text and tag similarity of every candidate for `a`: the
    /// articles sharing one of its terms or tags, or linked with it. This loop is the hot path of
    /// the whole stage, hence the dense per-thread accumulators.
    fn accumulate(&self, a: usize, scratch: &mut Scratch) {
        let Scratch {
            text,
            tags,
            touched,
        } = scratch;
        for (id, w) in &self.vectors[a] {
            for (b, wb) in &self.postings[*id as usize] {
                let b = *b as usize;
                if b != a {
                    if text[b] == 0.0 && tags[b] == 0.0 {
                        touched.push(b as u32);
                    }
                    text[b] += w * wb;
                }
            }
        }
        let own_tag_weight: f32 = self.article_tags[a].iter().map(|t| self.tag_idf[t]).sum();
        if own_tag_weight > 0.0 {
            for t in &self.article_tags[a] {
                let members = &self.site.tags[*t].articles;
                let weight = self.tag_idf[t] / own_tag_weight;
                if members.len() > TAG_CANDIDATE_CAP || weight <= 0.0 {
                    continue;
                }
                for &b in members {
                    if b != a {
                        if text[b] == 0.0 && tags[b] == 0.0 {
                            touched.push(b as u32);
                        }
                        tags[b] += weight;
                    }
                }
            }
        }
        for &b in &self.linked[a] {
            if text[b] == 0.0 && tags[b] == 0.0 && !touched.contains(&(b as u32)) {
                touched.push(b as u32);
            }
        }
    }

    /// The candidates in `scratch` that score at least `MIN_SCORE`, as (article, score, text
    /// similarity), pins left out; resets `scratch` for the next article.
    fn scored(&self, a: usize, scratch: &mut Scratch) -> Vec<(u32, f32, f32)> {
        let section = self.site.articles[a].section;
        let scored = scratch
            .touched
            .iter()
            .copied()
            .filter(|b| !self.pins[a].contains(&(*b as usize)))
            .map(|b| {
                let t = scratch.text[b as usize].min(1.0);
                let g = scratch.tags[b as usize].min(1.0);
                let same = self.section_of[b as usize] == section;
                let link = self.linked[a].contains(&(b as usize));
                let score = TEXT_SHARE * t
                    + TAG_SHARE * g
                    + if same { SECTION_BONUS } else { 0.0 }
                    + if link { LINK_BONUS } else { 0.0 };
                (b, score, t)
            })
            .filter(|(_, s, _)| *s >= MIN_SCORE)
            .collect();
        for &b in scratch.touched.iter() {
            scratch.text[b as usize] = 0.0;
            scratch.tags[b as usize] = 0.0;
        }
        scratch.touched.clear();
        scored
    }

    fn shared_tags(&self, a: usize, b: usize) -> Vec<String> {
        let (a, b) = (&self.article_tags[a], &self.article_tags[b]);
        a.iter()
            .filter(|t| b.contains(t))
            .map(|t| self.site.tags[*t].name.clone())
            .collect()
    }
}

/// Keys that are already hashes need no hashing again.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

/// Per-thread score accumulators, reset after each article by walking `touched`.
struct Scratch {
    text: Vec<f32>,
    tags: Vec<f32>,
    touched: Vec<u32>,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            text: vec![0.0; n],
            tags: vec![0.0; n],
            touched: Vec::new(),
        }
    }
}

fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// For each article, the articles it links to or that link to it.
fn link_neighbours(site: &Site, parsed: &Parsed) -> Vec<Vec<usize>> {
    let by_path = &site.by_path;
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); site.articles.len()];
    for (a, r) in parsed.articles.iter().enumerate() {
        for l in &r.links {
            if let LinkTarget::Page { content_path, .. } = &l.target {
                if let Some(&b) = by_path.get(content_path.as_str()) {
                    if b != a {
                        out[a].push(b);
                        out[b].push(a);
                    }
                }
            }
        }
    }
    for v in &mut out {
        v.sort_unstable();
        v.dedup();
    }
    out
}

/// Resolves each article's `related` pins (paths under `content/`, or relative to the file) to
/// article indices; a pin to nothing is an error naming the file and the pin.
fn resolve_pins(site: &Site) -> (Vec<Vec<usize>>, Diagnostics) {
    let by_path = &site.by_path;
    let mut diags = Diagnostics::default();
    let pins = site
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut out = Vec::new();
            for pin in &a.source.front.related {
                let p = pin.trim().trim_start_matches('/').trim_start_matches("content/");
                let found = by_path
                    .get(p)
                    .or_else(|| join_rel(a.source.dir(), p).and_then(|j| by_path.get(j.as_str())))
                    .copied();
                match found {
                    Some(j) if j == i => {}
                    Some(j) => {
                        if !out.contains(&j) {
                            out.push(j);
                        }
                    }
                    None => {
                        let what = match site.links.why_missing(p) {
                            None => continue,
                            Some(Missing::Draft) => "a draft",
                            Some(Missing::Absent) => "a missing article",
                        };
                        diags.push(
                            Diagnostic::error(format!("`related` pins {what}: `{pin}`"))
                                .in_file(&a.source.shown)
                                .at_line(a.source.key_line("related"))
                                .hint("write pins as paths under content/, e.g. `weilidai/close-precautions.md`"),
                        );
                    }
                }
            }
            out
        })
        .collect();
    (pins, diags)
}

#[cfg(test)]
mod tests {
    use super::RelatedEntry;
    use crate::site::Site;
    use crate::testing::{messages, parse, site, site_with};

    fn titles(s: &Site, list: &[RelatedEntry]) -> Vec<String> {
        list.iter()
            .map(|r| s.articles[r.article].source.title.clone())
            .collect()
    }

    fn idx(s: &Site, path: &str) -> usize {
        s.article_by_path(path).unwrap()
    }

    /// Five articles: two pairs on the same topics, one on its own.
    fn corpus() -> Vec<(&'static str, String)> {
        let a =
            |t: &str, extra: &str, body: &str| format!("---\ntitle: {t}\n{extra}---\n\n{body}\n");
        vec![
            ("loan/_index.md", a("借款", "", "")),
            ("card/_index.md", a("银行卡", "", "")),
            (
                "loan/close.md",
                a(
                    "关闭微粒贷",
                    "tags: [微粒贷]\n",
                    "关闭微粒贷借钱功能前，先还清微粒贷的全部欠款和利息。",
                ),
            ),
            (
                "loan/repay.md",
                a(
                    "微粒贷还款",
                    "tags: [微粒贷]\n",
                    "微粒贷欠款可以提前还款，还清全部欠款和利息后额度恢复。",
                ),
            ),
            (
                "card/bind.md",
                a(
                    "绑定银行卡",
                    "tags: [银行卡]\n",
                    "在钱包里绑定银行卡，输入银行卡号和手机验证码。",
                ),
            ),
            (
                "card/unbind.md",
                a(
                    "解绑银行卡",
                    "tags: [银行卡]\n",
                    "在钱包里解绑银行卡，需要输入支付密码验证身份。",
                ),
            ),
            (
                "card/lonely.md",
                a("修改头像", "", "点击头像，选择相册里的照片。"),
            ),
        ]
    }

    fn refs<'a>(c: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
        c.iter().map(|(p, t)| (*p, t.as_str())).collect()
    }

    #[test]
    fn similar_articles_are_related_and_unrelated_ones_are_not() {
        let c = corpus();
        let (s, _) = site(&refs(&c));
        let (p, _) = parse(&s);
        let (lists, d) = super::compute(&s, &p);
        assert!(d.0.is_empty());
        let close = &lists[idx(&s, "loan/close.md")];
        assert_eq!(titles(&s, close)[0], "微粒贷还款");
        assert_eq!(close[0].shared_tags, ["微粒贷"]);
        assert!(close[0].text > 0.0 && !close[0].pinned && !close[0].linked);
        assert_eq!(titles(&s, &lists[idx(&s, "card/bind.md")])[0], "解绑银行卡");
        assert!(
            lists[idx(&s, "card/lonely.md")].is_empty(),
            "nothing is related to an article on its own: {:?}",
            titles(&s, &lists[idx(&s, "card/lonely.md")])
        );
        let (again, _) = super::compute(&s, &p);
        assert_eq!(lists, again, "the same content gives the same lists");
    }

    #[test]
    fn pins_come_first_and_links_count() {
        let mut c = corpus();
        c[2].1 = c[2].1.replace(
            "tags:",
            "related: [card/lonely.md, ../card/lonely.md, loan/close.md]\ntags:",
        );
        c[4].1.push_str("\n见[头像](lonely.md)。\n");
        let (s, _) = site(&refs(&c));
        let (p, _) = parse(&s);
        let (lists, _) = super::compute(&s, &p);
        let close = &lists[idx(&s, "loan/close.md")];
        assert_eq!(
            titles(&s, close)[..2],
            ["修改头像", "微粒贷还款"],
            "one pin, counted once, itself left out"
        );
        assert!(close[0].pinned && close[0].score == 1.0);
        let lonely = &lists[idx(&s, "card/lonely.md")];
        let bind = lonely
            .iter()
            .find(|r| r.article == idx(&s, "card/bind.md"))
            .unwrap();
        assert!(
            bind.linked,
            "a link in either direction relates two articles"
        );
    }

    #[test]
    fn bad_pins_are_errors_and_related_auto_off_keeps_only_pins() {
        let mut c = corpus();
        c[2].1 = c[2].1.replace(
            "tags:",
            "related: [loan/repay.md, nope.md, card/draft.md]\nrelated_auto: false\ntags:",
        );
        c.push((
            "card/draft.md",
            "---\ntitle: 草稿\ndraft: true\n---\n".to_owned(),
        ));
        let (s, _) = site(&refs(&c));
        let (p, _) = parse(&s);
        let (lists, d) = super::compute(&s, &p);
        assert_eq!(titles(&s, &lists[idx(&s, "loan/close.md")]), ["微粒贷还款"]);
        assert_eq!(
            messages(&d),
            [
                "loan/close.md:3: `related` pins a draft: `card/draft.md`",
                "loan/close.md:3: `related` pins a missing article: `nope.md`",
            ]
        );
    }

    #[test]
    fn the_limit_holds() {
        let c = corpus();
        let (s, _) = site_with("title: t\nrelated:\n  limit: 1\n", &refs(&c));
        let (p, _) = parse(&s);
        let (lists, _) = super::compute(&s, &p);
        assert!(lists.iter().all(|l| l.len() <= 1));
        assert_eq!(lists[idx(&s, "loan/repay.md")].len(), 1);
    }
}
