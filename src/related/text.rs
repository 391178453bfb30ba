//! Text similarity between articles: TF-IDF vectors over the search tokenizer's terms, with
//! what every article of a kind repeats left out, so that how-tos are not alike for sharing
//! "前提条件" and "下一步".
//!
//! - Headings and sentences found in many articles are scaffolding: they are not counted.
//! - Terms in most articles of the site, or of the article's own section, are discounted.
//! - Title, headings, tags and keywords weigh more than body text; Latin identifiers
//!   (`defineProps`, `v-model`, `Promise.all`) are terms of their own and weigh most.

use std::collections::HashMap;

use rayon::prelude::*;

use super::mentions::Mentions;
use crate::hash::fnv1a64;
use crate::markdown::{Parsed, TextBlock};
use crate::site::Site;
use crate::tokenize;

/// Terms kept per article: enough to describe it, few enough to keep the index small; a long
/// article (a book's chapter) covers more ground and keeps more, up to the maximum.
const TERMS_PER_ARTICLE: usize = 48;
const MAX_TERMS_PER_ARTICLE: usize = 160;
/// Distinct terms of an article per term kept, past the first `TERMS_PER_ARTICLE`.
const DISTINCT_PER_KEPT: usize = 12;
/// More terms are considered before the section discount picks the ones kept.
const CANDIDATE_FACTOR: usize = 2;

fn terms_kept(distinct: usize) -> usize {
    (distinct / DISTINCT_PER_KEPT).clamp(TERMS_PER_ARTICLE, MAX_TERMS_PER_ARTICLE)
}
/// Articles kept per term in the inverted index (the strongest ones). A term in more articles
/// than this is a common word of the site: the candidates it would add are found through the
/// rarer terms they share, or are not related. 48 gave the same lists on the three real
/// corpora as 128, and a related stage a fifth faster at 10k articles; 24 the same lists on
/// es6tutorial, Vite and the demo, 257 of TiDB's 1,213 changed (the same precision@3, and a
/// blind reader chose 20 of the first three of 14 of them, against 18 before), and a
/// candidate pass of 4.1 s at 100k articles, against 5.2–5.9 s.
const POSTINGS_PER_TERM: usize = 24;
/// A term found in more than this share of articles says nothing about any of them.
const BOILERPLATE_SHARE: f32 = 0.5;
/// A term in more than this share of its section's articles is the section's scaffolding...
const SECTION_SHARE: f32 = 0.6;
/// ...when the section has at least this many articles; its weight is multiplied by this.
const SECTION_MIN_ARTICLES: usize = 5;
const SECTION_DISCOUNT: f32 = 0.3;
const TITLE_WEIGHT: f32 = 3.0;
const HEADING_WEIGHT: f32 = 2.0;
const KEYWORD_WEIGHT: f32 = 2.5;
const IDENTIFIER_WEIGHT: f32 = 3.0;
const CODE_WEIGHT: f32 = 0.5;
/// Sentences shorter than this (in characters) are too short to be recognised as repeated.
const MIN_SENTENCE: usize = 8;

/// Each article's weighted, truncated, unit-length term vector, as (term id, weight) sorted by
/// id, and the inverted index over them.
pub(super) struct TermVectors {
    pub(super) vectors: Vec<Vec<(u32, f32)>>,
    pub(super) postings: Vec<Vec<(u32, f32)>>,
    /// Sections' overview pages (section index, vector), in the same term ids.
    pub(super) overviews: Vec<(usize, Vec<(u32, f32)>)>,
}

/// How many articles a heading or sentence must be in to be scaffolding: three at least, and
/// one in a hundred on a large site.
fn scaffolding_count(n: usize) -> usize {
    (n / 100).max(3)
}

/// Headings and sentences (by hash) that many articles repeat.
fn scaffolding(site: &Site, parsed: &Parsed) -> (IdSet, IdSet) {
    let per_article: Vec<(Vec<u64>, Vec<u64>)> = parsed
        .articles
        .par_iter()
        .map(|r| {
            let mut headings: Vec<u64> = r
                .blocks
                .iter()
                .filter(|b| !b.heading.is_empty())
                .map(|b| fnv1a64(normal(&b.heading).as_bytes()))
                .collect();
            let mut sentences = Vec::new();
            for b in &r.blocks {
                each_sentence(&b.text, |s| sentences.push(sentence_key(s)));
            }
            headings.sort_unstable();
            headings.dedup();
            sentences.sort_unstable();
            sentences.dedup();
            (headings, sentences)
        })
        .collect();
    let min = scaffolding_count(site.articles.len());
    let mut heading_df: IdMap<usize> = IdMap::default();
    let mut sentence_df: IdMap<usize> = IdMap::default();
    for (h, s) in &per_article {
        for x in h {
            *heading_df.entry(*x).or_default() += 1;
        }
        for x in s {
            *sentence_df.entry(*x).or_default() += 1;
        }
    }
    let common = |df: IdMap<usize>| -> IdSet {
        df.into_iter()
            .filter(|&(_, c)| c >= min)
            .map(|(h, _)| (h, ()))
            .collect()
    };
    (common(heading_df), common(sentence_df))
}

/// A heading as compared: folded, without numbering or punctuation ("1. 前提条件：" = "前提条件").
fn normal(heading: &str) -> String {
    let mut s = String::new();
    tokenize::each_term(heading, |t| {
        if !t.chars().all(|c| c.is_ascii_digit()) {
            s.push_str(t);
            s.push(' ');
        }
    });
    s
}

/// Calls `f` with each sentence of `text` long enough to be recognised when repeated.
fn each_sentence(text: &str, mut f: impl FnMut(&str)) {
    each_piece(text, |_, sentence| {
        let s = sentence.trim();
        if long_enough(s) {
            f(s);
        }
    });
}

/// Calls `f` with each piece of `text` that ends a sentence (`。！？；` or `!?;` or a line
/// break), the ending included, and the same piece without it; the last piece need not end
/// one. It reads bytes, not characters, as `str::split` with a set of characters does: every
/// article's text is split twice, to find the repeated sentences and to leave them out.
fn each_piece<'t>(text: &'t str, mut f: impl FnMut(&'t str, &'t str)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let end = match bytes[i] {
            b'\n' | b'!' | b'?' | b';' => 1,
            // 。 is E3 80 82; ！ EF BC 81, ？ EF BC 9F, ； EF BC 9B. A lead byte never follows
            // inside another character, so a match is a whole character.
            0xE3 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => 3,
            0xEF if bytes.get(i + 1) == Some(&0xBC)
                && matches!(bytes.get(i + 2), Some(0x81 | 0x9F | 0x9B)) =>
            {
                3
            }
            _ => 0,
        };
        if end == 0 {
            i += 1;
            continue;
        }
        f(&text[start..i + end], &text[start..i]);
        i += end;
        start = i;
    }
    if start < bytes.len() {
        f(&text[start..], &text[start..]);
    }
}

/// At least `MIN_SENTENCE` characters, counted only when the length in bytes leaves a doubt.
fn long_enough(s: &str) -> bool {
    match s.len() {
        n if n < MIN_SENTENCE => false,
        n if n >= 4 * MIN_SENTENCE => true,
        _ => s.chars().count() >= MIN_SENTENCE,
    }
}

/// A repeated sentence's key. Only compared within one build, it need not be stable as
/// `fnv1a64` is, which hashes a byte at a time where this hashes eight.
fn sentence_key(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

/// Calls `f` with each Latin identifier of `text`, folded: a word with a capital after a small
/// letter (`defineProps`), or words joined by `.`, `-` or `_` (`Promise.all`, `v-model`,
/// `max_connections`). Plain words are terms already.
pub(super) fn each_identifier(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !(bytes[i].is_ascii_alphabetic() || bytes[i] == b'_' || bytes[i] == b'$') {
            i += 1;
            continue;
        }
        let start = i;
        let mut joined = false;
        let mut camel = false;
        while i < bytes.len() {
            let c = bytes[i];
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' {
                if c.is_ascii_uppercase() && i > start && bytes[i - 1].is_ascii_lowercase() {
                    camel = true;
                }
                if c == b'_' && i > start {
                    joined = true;
                }
                i += 1;
            } else if (c == b'.' || c == b'-')
                && i > start
                && bytes.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic())
            {
                joined = true;
                i += 1;
            } else {
                break;
            }
        }
        let word = &text[start..i];
        if (joined || camel) && word.len() >= 4 {
            f(&word.to_ascii_lowercase());
        }
    }
}

pub(super) fn term_vectors(site: &Site, parsed: &Parsed) -> (TermVectors, Mentions) {
    let scaffold = scaffolding(site, parsed);
    // Term frequencies per article; terms keyed by hash, identifiers apart from words.
    let raw: Vec<Vec<(u64, f32)>> = site
        .articles
        .par_iter()
        .zip(&parsed.articles)
        .map_init(IdMap::default, |tf, (a, r)| {
            let keywords = a.source.front.keywords.iter().chain(&a.tags);
            page_terms(tf, &a.source.title, keywords, &r.blocks, &scaffold)
        })
        .collect();

    let (weights, by_id) = Weights::new(&raw);
    drop(raw);
    // Mentions count the same term frequencies: made here, the text is tokenized once.
    let mentions = Mentions::new(
        site,
        |t| weights.ids.get(&t).copied(),
        weights.df.len(),
        &by_id,
    );
    let mut vectors: Vec<Vec<(u32, f32)>> = by_id
        .par_iter()
        .map(|terms| weights.weigh(terms, terms_kept(terms.len()) * CANDIDATE_FACTOR))
        .collect();
    let kept: Vec<usize> = by_id.iter().map(|terms| terms_kept(terms.len())).collect();
    discount_section_scaffolding(site, &mut vectors);
    vectors.par_iter_mut().zip(&kept).for_each(|(v, &keep)| {
        keep_strongest(v, keep);
        unit(v);
    });
    let postings = inverted_index(&vectors, weights.df.len());
    let overviews = overview_vectors(site, parsed, &weights, &scaffold);
    let vectors = TermVectors {
        vectors,
        postings,
        overviews,
    };
    (vectors, mentions)
}

/// A page's term frequencies by term hash, in no order: its title, keywords and tags, headings and
/// text (scaffolding left out) and code, each with its weight.
///
/// `tf` is a thread's map, empty, kept from page to page: a map of its own for each page was
/// new memory for each, which the kernel zeroed (at 100k articles, 3.1 s for the articles'
/// terms against 2.5 s).
fn page_terms<'a>(
    tf: &mut IdMap<f32>,
    title: &str,
    keywords: impl Iterator<Item = &'a String>,
    blocks: &[TextBlock],
    (scaffold_headings, scaffold_sentences): &(IdSet, IdSet),
) -> Vec<(u64, f32)> {
    // A page has a distinct term per 7–16 bytes of text (the 10k-article bench site, TiDB's
    // docs): sized for the lower count, the map skips most of its growing as it is filled.
    let bytes: usize = blocks.iter().map(TextBlock::text_bytes).sum();
    let want = tokenize::presized_terms(bytes, 16);
    // Emptying and reading a map take time by its capacity: one a far larger page left is
    // too large for this one.
    if tf.capacity() > 4 * want.max(4096) {
        *tf = IdMap::default();
    }
    tf.reserve(want);
    let mut add = |text: &str, weight: f32| {
        tokenize::each_term(text, |t| {
            *tf.entry(fnv1a64(t.as_bytes())).or_default() += weight
        });
        each_identifier(text, |t| {
            *tf.entry(fnv1a64(t.as_bytes()) ^ IDENTIFIER_SALT)
                .or_default() += weight * IDENTIFIER_WEIGHT
        });
    };
    add(title, TITLE_WEIGHT);
    for k in keywords {
        add(k, KEYWORD_WEIGHT);
    }
    for b in blocks {
        if !scaffold_headings.contains_key(&fnv1a64(normal(&b.heading).as_bytes())) {
            add(&b.heading, HEADING_WEIGHT);
        }
        each_sentence_or_rest(&b.text, scaffold_sentences, |s| add(s, 1.0));
        add(&b.code, CODE_WEIGHT);
    }
    tf.drain().collect()
}

/// Characters of its own text a section's page needs to be an overview worth listing among
/// related articles, rather than a title over the list of its articles.
const OVERVIEW_MIN_CHARS: usize = 200;

/// The term vectors of sections' overview pages (`_index.md` or a folder's `index.md` with
/// text of its own), weighed by the articles' IDF, by section index.
fn overview_vectors(
    site: &Site,
    parsed: &Parsed,
    weights: &Weights,
    scaffold: &(IdSet, IdSet),
) -> Vec<(usize, Vec<(u32, f32)>)> {
    site.sections
        .par_iter()
        .enumerate()
        .filter(|(_, s)| s.parent.is_some() && s.source.is_some())
        .filter_map(|(i, s)| {
            let r = parsed.sections.get(i)?;
            let chars: usize = r.blocks.iter().map(|b| b.text.chars().count()).sum();
            if chars < OVERVIEW_MIN_CHARS {
                return None;
            }
            let keywords = s.source.as_ref().map(|f| f.front.keywords.iter());
            let terms = page_terms(
                &mut IdMap::default(),
                &s.title,
                keywords.into_iter().flatten(),
                &r.blocks,
                scaffold,
            );
            let mut v = weights.weigh(&weights.ids_of(&terms), terms_kept(terms.len()));
            unit(&mut v);
            Some((i, v))
        })
        .collect()
}

/// Each article's title as a unit-length TF-IDF vector (IDF over titles), and the inverted
/// index over them. Two titles that share a rare word ("乐观事务", "悲观事务") name the same
/// subject more surely than long texts that share many.
pub(super) fn title_vectors(site: &Site) -> TermVectors {
    let raw: Vec<Vec<(u64, f32)>> = site
        .articles
        .par_iter()
        .map(|a| {
            let mut v = Vec::new();
            let title = &a.source.title;
            tokenize::each_term(title, |t| v.push(fnv1a64(t.as_bytes())));
            each_identifier(title, |t| v.push(fnv1a64(t.as_bytes()) ^ IDENTIFIER_SALT));
            v.sort_unstable();
            v.dedup();
            v.into_iter().map(|t| (t, 1.0)).collect()
        })
        .collect();
    let (weights, by_id) = Weights::new(&raw);
    let mut vectors: Vec<Vec<(u32, f32)>> = by_id
        .par_iter()
        .map(|t| weights.weigh(t, t.len()))
        .collect();
    vectors.par_iter_mut().for_each(|v| unit(v));
    let postings = inverted_index(&vectors, weights.df.len());
    TermVectors {
        vectors,
        postings,
        overviews: Vec::new(),
    }
}

/// The articles' vocabulary: dense term ids (in first-seen order, so the same content gives
/// the same ids) and how many articles have each.
struct Weights {
    ids: IdMap<u32>,
    df: Vec<u32>,
    /// By id, worked out once: `weigh` would take a logarithm per term of every article.
    idf: Vec<f32>,
    n: usize,
}

impl Weights {
    /// The vocabulary of `raw` (each page's term frequencies by hash), and the same pages'
    /// frequencies by term id.
    ///
    /// Runs of pages number their terms on threads of their own, and the runs' vocabularies
    /// are merged in order: a term gets the id one pass over the pages would give it, so the
    /// ties between equal weights, broken by id, stay as they were. In one pass this was the
    /// stage's one long serial step (0.7–1.9 s at 100k articles).
    fn new(raw: &[Vec<(u64, f32)>]) -> (Weights, Vec<Vec<(u32, f32)>>) {
        let run = raw.len().div_ceil(4 * rayon::current_num_threads()).max(64);
        let runs: Vec<Vocabulary> = raw.par_chunks(run).map(Vocabulary::of).collect();
        let mut ids: IdMap<u32> = IdMap::default();
        let mut df: Vec<u32> = Vec::new();
        let to_site: Vec<Vec<u32>> = runs
            .iter()
            .map(|r| {
                let mut to_site = vec![0; r.terms.len()];
                for &local in &r.order {
                    let local = local as usize;
                    to_site[local] = count_term(&mut ids, &mut df, r.terms[local], r.df[local]);
                }
                to_site
            })
            .collect();
        let by_id = runs
            .into_par_iter()
            .zip(to_site)
            .flat_map_iter(|(r, to_site)| {
                r.pages.into_iter().map(move |mut page| {
                    for (id, _) in &mut page {
                        *id = to_site[*id as usize];
                    }
                    page
                })
            })
            .collect();
        let n = raw.len() as f32;
        let idf = df
            .par_iter()
            .map(|&df| ((n + 1.0) / (df as f32 + 1.0)).ln())
            .collect();
        let weights = Weights {
            ids,
            df,
            idf,
            n: raw.len(),
        };
        (weights, by_id)
    }

    /// Term frequencies by term hash (another page's) as `weigh` takes them; terms no article
    /// has are left out.
    fn ids_of(&self, terms: &[(u64, f32)]) -> Vec<(u32, f32)> {
        terms
            .iter()
            .filter_map(|(t, f)| Some((*self.ids.get(t)?, *f)))
            .collect()
    }

    /// Term frequencies by id as TF-IDF weights, the strongest `keep` of them in no order,
    /// without the terms in one article only or in most.
    fn weigh(&self, terms: &[(u32, f32)], keep: usize) -> Vec<(u32, f32)> {
        let n = self.n as f32;
        let max_df = (n * BOILERPLATE_SHARE).max(2.0);
        let mut v: Vec<(u32, f32)> = terms
            .iter()
            .filter_map(|&(id, f)| {
                let df = self.df[id as usize];
                ((df as f32) <= max_df && df > 1)
                    .then(|| (id, (1.0 + f.ln()) * self.idf[id as usize]))
            })
            .collect();
        keep_strongest(&mut v, keep);
        v
    }
}

/// Keeps the strongest `keep` of `v`, in no order: a long article has thousands of terms and
/// keeps a hundred, and only the kept need sorting.
fn keep_strongest(v: &mut Vec<(u32, f32)>, keep: usize) {
    if v.len() > keep {
        v.select_nth_unstable_by(keep, by_weight);
        v.truncate(keep);
    }
}

/// Term `t`'s id in `ids`, a new one (the next, so terms are numbered in the order first seen)
/// if it has none, with `count` added to its number of pages in `df` (by id).
pub(super) fn count_term(ids: &mut IdMap<u32>, df: &mut Vec<u32>, t: u64, count: u32) -> u32 {
    let id = *ids.entry(t).or_insert(df.len() as u32);
    if id as usize == df.len() {
        df.push(0);
    }
    df[id as usize] += count;
    id
}

/// A run of pages' terms, numbered in the order first seen.
struct Vocabulary {
    /// By id: the term's hash, and how many of the pages have it.
    terms: Vec<u64>,
    df: Vec<u32>,
    /// The ids by the first page that has the term, then by hash: the order in which one pass
    /// over the pages would meet them if each page's terms were sorted by hash. Ordered here
    /// once per run, rather than each page's terms sorted, which took a seventh of the terms'
    /// time on the 10k bench site.
    order: Vec<u32>,
    /// Each page's term frequencies by id.
    pages: Vec<Vec<(u32, f32)>>,
}

impl Vocabulary {
    fn of(raw: &[Vec<(u64, f32)>]) -> Vocabulary {
        let mut ids: IdMap<u32> = IdMap::default();
        let mut terms = Vec::new();
        let mut first: Vec<u32> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let pages = raw
            .iter()
            .enumerate()
            .map(|(p, page)| {
                page.iter()
                    .map(|&(t, f)| {
                        let id = count_term(&mut ids, &mut df, t, 1);
                        if id as usize == terms.len() {
                            terms.push(t);
                            first.push(p as u32);
                        }
                        (id, f)
                    })
                    .collect()
            })
            .collect();
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        order.sort_unstable_by_key(|&id| (first[id as usize], terms[id as usize]));
        Vocabulary {
            terms,
            df,
            order,
            pages,
        }
    }
}

/// Strongest first, then by id: a total order, so lists are deterministic.
fn by_weight(x: &(u32, f32), y: &(u32, f32)) -> std::cmp::Ordering {
    y.1.total_cmp(&x.1).then(x.0.cmp(&y.0))
}

/// Scales `v` to unit length and sorts it by term id. The squares are summed strongest
/// first, in an order the terms alone decide, so that the same terms give the same bits.
fn unit(v: &mut [(u32, f32)]) {
    v.sort_by(by_weight);
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
    v.sort_by_key(|(id, _)| *id);
}

/// Identifiers are hashed apart from words of the same letters.
const IDENTIFIER_SALT: u64 = 0x9e37_79b9_7f4a_7c15;

/// Calls `f` with the text of `text` that is not a repeated sentence.
fn each_sentence_or_rest(text: &str, scaffold: &IdSet, mut f: impl FnMut(&str)) {
    if scaffold.is_empty() {
        f(text);
        return;
    }
    each_piece(text, |piece, sentence| {
        let s = sentence.trim();
        if !(long_enough(s) && scaffold.contains_key(&sentence_key(s))) {
            f(piece);
        }
    });
}

/// Terms most of a section's articles share (its products' names, its how-to phrases) tell
/// its articles apart from no other: they weigh less inside it.
fn discount_section_scaffolding(site: &Site, vectors: &mut [Vec<(u32, f32)>]) {
    let common: Vec<Vec<u32>> = site
        .sections
        .par_iter()
        .map(|section| {
            let size = section.articles.len();
            if size < SECTION_MIN_ARTICLES {
                return Vec::new();
            }
            // Counted by sorting: each article has a term once.
            let mut all: Vec<u32> = section
                .articles
                .iter()
                .flat_map(|&a| vectors[a].iter().map(|(id, _)| *id))
                .collect();
            all.sort_unstable();
            let mut ids = Vec::new();
            for run in all.chunk_by(|x, y| x == y) {
                if run.len() as f32 > SECTION_SHARE * size as f32 {
                    ids.push(run[0]);
                }
            }
            ids
        })
        .collect();
    vectors.par_iter_mut().enumerate().for_each(|(a, v)| {
        let ids = &common[site.articles[a].section];
        if !ids.is_empty() {
            for (id, w) in v.iter_mut() {
                if ids.binary_search(id).is_ok() {
                    *w *= SECTION_DISCOUNT;
                }
            }
        }
    });
}

/// Inverted index with capped posting lists: for each term id, its strongest articles.
fn inverted_index(vectors: &[Vec<(u32, f32)>], vocabulary: usize) -> Vec<Vec<(u32, f32)>> {
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); vocabulary];
    for (doc, v) in vectors.iter().enumerate() {
        for (id, w) in v {
            postings[*id as usize].push((doc as u32, *w));
        }
    }
    // A common word's list holds most of the site: only its strongest are ordered.
    postings.par_iter_mut().for_each(|p| {
        if p.len() > POSTINGS_PER_TERM {
            keep_strongest(p, POSTINGS_PER_TERM);
            p.sort_by(by_weight);
            p.shrink_to_fit();
        }
    });
    postings
}

/// Keys that are already hashes need no hashing again.
#[derive(Default)]
pub(super) struct IdHasher(u64);

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

pub(super) type IdMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;
type IdSet = IdMap<()>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_camel_case_or_joined_words() {
        let mut found = Vec::new();
        each_identifier(
            "用 defineProps 和 v-model，Promise.all() 与 max_connections；not plain words, a.b, x-1",
            |t| found.push(t.to_owned()),
        );
        assert_eq!(
            found,
            ["defineprops", "v-model", "promise.all", "max_connections"]
        );
    }

    #[test]
    fn headings_compare_without_numbers_or_punctuation() {
        assert_eq!(normal("1. 前提条件："), normal("前提条件"));
        assert_ne!(normal("前提条件"), normal("下一步"));
    }

    #[test]
    fn a_sentence_is_long_enough_by_its_characters_not_its_bytes() {
        assert!(!long_enough("abcdefg"));
        assert!(long_enough("甲乙丙丁戊己庚辛"));
        assert!(!long_enough(&"𠀀".repeat(7)), "28 bytes, 7 characters");
        assert!(long_enough(&"𠀀".repeat(8)));
    }

    const ENDINGS: [char; 8] = ['。', '！', '？', '；', '\n', '!', '?', ';'];

    /// Sentences as first written, splitting on characters: the definition `each_sentence`
    /// is tested against.
    fn sentences_by_definition(text: &str) -> Vec<&str> {
        text.split(ENDINGS)
            .map(str::trim)
            .filter(|s| s.chars().count() >= MIN_SENTENCE)
            .collect()
    }

    /// The same for `each_sentence_or_rest`.
    fn rest_by_definition<'t>(text: &'t str, scaffold: &IdSet) -> Vec<&'t str> {
        text.split_inclusive(ENDINGS)
            .filter(|s| {
                let core = s.trim_end_matches(ENDINGS).trim();
                !(core.chars().count() >= MIN_SENTENCE
                    && scaffold.contains_key(&sentence_key(core)))
            })
            .collect()
    }

    proptest::proptest! {
        /// Texts of the endings and of characters that share their first bytes (、〃あア，｀ｂ
        /// and U+FF81 start as 。 or ！ do), ideographic spaces that `trim` removes, and
        /// sentences on either side of eight characters and of 32 bytes.
        #[test]
        fn sentences_split_by_bytes_as_by_characters(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'b', ' ', '甲', '乙', '𠀀', '。', '、', '〃', 'あ', 'ア', '！', '，', '？', '；',
                '｀', 'ｂ', '\u{FF81}', '\u{3000}', '!', '?', ';', '\n',
            ]), 0..80),
            every in 1..4usize,
        ) {
            let text: String = chars.into_iter().collect();
            let mut found = Vec::new();
            each_sentence(&text, |s| found.push(s.to_owned()));
            let sentences = sentences_by_definition(&text);
            proptest::prop_assert_eq!(&found, &sentences);
            // Some of its sentences are scaffolding, some are not.
            let scaffold: IdSet = sentences
                .iter()
                .step_by(every)
                .map(|s| (sentence_key(s), ()))
                .collect();
            let mut rest = Vec::new();
            each_sentence_or_rest(&text, &scaffold, |s| rest.push(s.to_owned()));
            let expected = match scaffold.is_empty() {
                true => vec![text.as_str()],
                false => rest_by_definition(&text, &scaffold),
            };
            proptest::prop_assert_eq!(rest, expected);
        }
    }

    /// Ids as one pass over the pages, each page's terms sorted by hash, would number them:
    /// the definition `Weights::new` is tested against.
    fn vocabulary_by_definition(raw: &[Vec<(u64, f32)>]) -> (Vec<u64>, Vec<u32>) {
        let mut terms: Vec<u64> = Vec::new();
        let mut df = Vec::new();
        for page in raw {
            let mut page = page.clone();
            page.sort_by_key(|x| x.0);
            for (t, _) in page {
                match terms.iter().position(|&x| x == t) {
                    Some(id) => df[id] += 1,
                    None => {
                        terms.push(t);
                        df.push(1);
                    }
                }
            }
        }
        (terms, df)
    }

    proptest::proptest! {
        /// Pages of a few terms each in no order, enough of them to make several runs.
        #[test]
        fn the_vocabulary_is_numbered_as_by_one_pass_over_sorted_pages(
            pages in proptest::collection::vec(
                proptest::collection::btree_map(0u64..40, 1u8..4, 0..12), 0..300),
            seed in 0u64..1000,
        ) {
            // Each page's terms in an order of their own, as a hash map gives them.
            let raw: Vec<Vec<(u64, f32)>> = pages
                .iter()
                .map(|p| {
                    let mut v: Vec<(u64, f32)> = p.iter().map(|(&t, &f)| (t, f32::from(f))).collect();
                    v.sort_by_key(|x| (x.0 ^ seed).wrapping_mul(0x9e37_79b9_7f4a_7c15));
                    v
                })
                .collect();
            let (weights, by_id) = Weights::new(&raw);
            let (terms, df) = vocabulary_by_definition(&raw);
            proptest::prop_assert_eq!(&weights.df, &df);
            for (id, t) in terms.iter().enumerate() {
                proptest::prop_assert_eq!(weights.ids[t], id as u32);
            }
            for (page, ids) in raw.iter().zip(&by_id) {
                let back: Vec<(u64, f32)> = ids.iter().map(|&(id, f)| (terms[id as usize], f)).collect();
                proptest::prop_assert_eq!(&back, page);
            }
        }
    }
}
