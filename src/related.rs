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

use crate::error::Diagnostic;
use crate::hash::fnv1a64;
use crate::paths::join_rel;
use crate::site::Site;
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedEntry {
    /// Index into `Site::articles`.
    #[serde(skip)]
    pub article: usize,
    pub score: f64,
    pub pinned: bool,
    /// The text-similarity part of the score (cosine of the term vectors).
    pub text: f64,
    /// One of the two articles links to the other.
    pub linked: bool,
    pub shared_tags: Vec<String>,
}

/// For every article (by index), its related articles in display order.
pub fn compute(site: &Site) -> (Vec<Vec<RelatedEntry>>, Vec<Diagnostic>) {
    let n = site.articles.len();
    let limit = site.config.related.limit;
    let (pins, diags) = resolve_pins(site);
    let linked = link_neighbours(site);

    // Term frequencies per article, title and headings weighted up; terms keyed by hash.
    let raw: Vec<Vec<(u64, f32)>> = site
        .articles
        .par_iter()
        .map(|a| {
            let mut tf: IdMap<f32> = IdMap::default();
            let mut add = |text: &str, weight: f32| {
                tokenize::each_term(text, |t| {
                    *tf.entry(fnv1a64(t.as_bytes())).or_default() += weight
                });
            };
            add(&a.source.title, TITLE_WEIGHT);
            for b in &a.rendered.blocks {
                add(&b.heading, HEADING_WEIGHT);
                add(&b.text, 1.0);
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

    // Weighted, truncated, unit-length vectors.
    let max_df = ((n as f32) * BOILERPLATE_SHARE).max(2.0);
    let vectors: Vec<Vec<(u32, f32)>> = ids
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

    // Inverted index with capped posting lists.
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
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

    // Tags: rarity weights and members.
    let tag_idf: HashMap<&str, f32> = site
        .tags
        .iter()
        .map(|(k, t)| {
            (
                k.as_str(),
                ((n as f32 + 1.0) / (t.articles.len() as f32 + 0.5))
                    .ln()
                    .max(0.0),
            )
        })
        .collect();
    let article_tags: Vec<Vec<&str>> = site
        .articles
        .iter()
        .map(|a| a.tags.iter().map(String::as_str).collect())
        .collect();

    // Dense copy: the scoring loop reads it for thousands of candidates per article.
    let section_of: Vec<usize> = site.articles.iter().map(|a| a.section).collect();
    let lists: Vec<Vec<RelatedEntry>> = (0..n)
        .into_par_iter()
        .map_init(
            || Scratch::new(n),
            |scratch, a| {
                let article = &site.articles[a];
                let mut list: Vec<RelatedEntry> = pins[a]
                    .iter()
                    .map(|&b| RelatedEntry {
                        article: b,
                        score: 1.0,
                        pinned: true,
                        text: 0.0,
                        linked: linked[a].contains(&b),
                        shared_tags: shared_tags(&article_tags[a], &article_tags[b], site),
                    })
                    .collect();
                if article.source.front.related_auto == Some(false) || list.len() >= limit {
                    list.truncate(limit.max(pins[a].len()));
                    return list;
                }
                // Dense per-thread accumulators: this loop is the hot path of the whole stage.
                let Scratch {
                    text,
                    tags,
                    touched,
                } = scratch;
                for (id, w) in &vectors[a] {
                    for (b, wb) in &postings[*id as usize] {
                        let b = *b as usize;
                        if b != a {
                            if text[b] == 0.0 && tags[b] == 0.0 {
                                touched.push(b as u32);
                            }
                            text[b] += w * wb;
                        }
                    }
                }
                let own_tag_weight: f32 = article_tags[a].iter().map(|t| tag_idf[t]).sum();
                if own_tag_weight > 0.0 {
                    for t in &article_tags[a] {
                        let members = &site.tags[*t].articles;
                        let weight = tag_idf[t] / own_tag_weight;
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
                for &b in &linked[a] {
                    if text[b] == 0.0 && tags[b] == 0.0 && !touched.contains(&(b as u32)) {
                        touched.push(b as u32);
                    }
                }
                let mut scored: Vec<(u32, f32, f32)> = touched
                    .iter()
                    .copied()
                    .filter(|b| !pins[a].contains(&(*b as usize)))
                    .map(|b| {
                        let t = text[b as usize].min(1.0);
                        let g = tags[b as usize].min(1.0);
                        let same = section_of[b as usize] == article.section;
                        let link = linked[a].contains(&(b as usize));
                        let score = TEXT_SHARE * t
                            + TAG_SHARE * g
                            + if same { SECTION_BONUS } else { 0.0 }
                            + if link { LINK_BONUS } else { 0.0 };
                        (b, score, t)
                    })
                    .filter(|(_, s, _)| *s >= MIN_SCORE)
                    .collect();
                for &b in touched.iter() {
                    text[b as usize] = 0.0;
                    tags[b as usize] = 0.0;
                }
                touched.clear();
                // Only the best few matter: select them, then order just those. The comparison is
                // a total order (score, then article order), so the result is deterministic.
                let order = |x: &(u32, f32, f32), y: &(u32, f32, f32)| {
                    y.1.total_cmp(&x.1).then(x.0.cmp(&y.0))
                };
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
                        linked: linked[a].contains(&(b as usize)),
                        shared_tags: shared_tags(&article_tags[a], &article_tags[b as usize], site),
                    });
                }
                list
            },
        )
        .collect();
    (lists, diags)
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
fn link_neighbours(site: &Site) -> Vec<Vec<usize>> {
    let by_path = &site.by_path;
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); site.articles.len()];
    for (a, art) in site.articles.iter().enumerate() {
        for l in &art.rendered.links {
            if let crate::markdown::LinkTarget::Page { content_path, .. } = &l.target {
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

fn shared_tags(a: &[&str], b: &[&str], site: &Site) -> Vec<String> {
    a.iter()
        .filter(|t| b.contains(t))
        .map(|t| site.tags[*t].name.clone())
        .collect()
}

/// Resolves each article's `related` pins (paths under `content/`, or relative to the file) to
/// article indices; a pin to nothing is an error naming the file and the pin.
fn resolve_pins(site: &Site) -> (Vec<Vec<usize>>, Vec<Diagnostic>) {
    let by_path = &site.by_path;
    let mut diags = Vec::new();
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
                    None if site.links.failed.contains(p) => {}
                    None => {
                        let what = if site.links.drafts.contains(p) { "a draft" } else { "a missing article" };
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
