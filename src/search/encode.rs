//! Scoring (BM25 with field weights) and encoding every term's postings as a compact string of
//! base-64 digits, with its best documents described.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::describe::{self, Detail, HOT_MIN_DF, HOT_PER_TERM, Hot, detail, hot_entry};
use super::packed::{DEFINED, HEADED, PackedTerms, TITLED};
use super::{Analysis, B, DEFINED_BOOST, Doc, HEADING_BOOST, K1, SECTION_PAGE, TITLE_BOOST};
use crate::markdown::Parsed;
use crate::site::Site;
use crate::{hash, tokenize};

/// Shards are sized for a cold query's budget: a few of them fit in well under 100 KB.
const TARGET_SHARD_BYTES: usize = 8 * 1024;
/// Quantized scores run 1..=MAX_Q (one base-64 digit).
pub(super) const MAX_Q: f32 = 63.0;
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn push_varint(out: &mut String, mut n: u32) {
    // 5 payload bits per digit; digits 32..63 mean "more digits follow".
    loop {
        let low = n & 31;
        n >>= 5;
        if n == 0 {
            out.push(DIGITS[low as usize] as char);
            return;
        }
        out.push(DIGITS[(low | 32) as usize] as char);
    }
}

/// Threads that gather postings at most (see `encode`).
const POSTING_PARTS: usize = 4;

/// A document that has a term: its id, the term's weighted frequency there (then its score),
/// and its roles there (`packed::TITLED` …).
type Posting = (u32, f32, u8);

/// Every term's postings, encoded, and the JSON of its described documents: the index before it
/// is split into shards.
pub struct Encoded<'a> {
    pub(super) terms: Vec<EncodedTerm<'a>>,
}

pub(super) struct EncodedTerm<'a> {
    pub(super) term: &'a str,
    /// How many documents hold it.
    pub(super) df: usize,
    pub(super) postings: String,
    /// (document, its `Hot` entry as JSON) for the term's best documents.
    pub(super) described: Vec<(u32, Arc<str>)>,
}

impl Encoded<'_> {
    /// The number of term shards for an index of this size. Pages tell search.js this number,
    /// so it is fixed before pages are rendered and kept while `serve` updates the index.
    pub fn shard_count(&self) -> usize {
        let bytes: usize = self
            .terms
            .iter()
            .map(|t| {
                // Term and postings, then each description and its share of a card.
                let described: usize = t.described.iter().map(|(_, e)| e.len() + 40).sum();
                t.term.len() + t.postings.len() + 6 + described
            })
            .sum();
        bytes.div_ceil(TARGET_SHARD_BYTES).max(1)
    }
}

/// Postings and descriptions of every term, scored over the whole site.
pub fn encode<'a>(site: &Site, parsed: &Parsed, analysis: &'a Analysis) -> Encoded<'a> {
    let docs = &analysis.docs;
    let n = docs.len();
    let tfs: Vec<(&PackedTerms, f32)> = analysis.terms.iter().map(|d| (&d.tf, d.len)).collect();
    let avg_len = (tfs.iter().map(|(_, l)| *l).sum::<f32>() / n.max(1) as f32).max(1.0);

    // Postings per term, documents in order, each with the term's roles in the document. One
    // map took 10 s on one core for a 100k-article site's 64 million pairs: each thread
    // gathers the terms of its share of the vocabulary (by a hash of the term) from every
    // document. Each reads every document's terms, so a few such threads, not one per core.
    let parts = rayon::current_num_threads().min(POSTING_PARTS) as u64;
    let mut terms: Vec<(&str, Vec<Posting>)> = (0..parts)
        .into_par_iter()
        .flat_map_iter(|part| {
            let mut postings: FxHashMap<&str, Vec<Posting>> = FxHashMap::default();
            for (doc, (tf, _)) in tfs.iter().enumerate() {
                for (term, f, roles) in tf.iter() {
                    if hash::fnv1a64(term.as_bytes()) % parts == part {
                        postings
                            .entry(term)
                            .or_default()
                            .push((doc as u32, f, roles));
                    }
                }
            }
            postings
        })
        // A name that one page uses and no page defines is left out: its words find that
        // page anyway, and TiDB's 4,000 such names (of 6,300) took its index past 3× its
        // Markdown.
        .filter(|(term, list)| {
            !(term.contains(tokenize::JOINERS) && list.len() == 1 && list[0].2 & DEFINED == 0)
        })
        .collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));

    // BM25 weights, then one scale for the whole site so scores add up across terms.
    let weighted: Vec<(&str, Vec<Posting>)> = terms
        .into_par_iter()
        .map(|(term, list)| {
            let df = list.len() as f32;
            let idf = ((n as f32 - df + 0.5) / (df + 0.5) + 1.0).ln();
            let list = list
                .into_iter()
                .map(|(doc, f, roles)| {
                    let dl = tfs[doc as usize].1;
                    let title = if roles & DEFINED != 0 {
                        DEFINED_BOOST * idf
                    } else if roles & TITLED != 0 {
                        TITLE_BOOST * idf
                    } else if roles & HEADED != 0 {
                        HEADING_BOOST * idf
                    } else {
                        0.0
                    };
                    let page = match docs[doc as usize] {
                        Doc::Section(_) => SECTION_PAGE,
                        Doc::Article(_) => 1.0,
                    };
                    let bm25 = idf * f * (K1 + 1.0) / (f + K1 * (1.0 - B + B * dl / avg_len));
                    (doc, page * (bm25 + title), roles)
                })
                .collect();
            (term, list)
        })
        .collect();
    let max = weighted
        .iter()
        .flat_map(|(_, l)| l.iter().map(|&(_, s, _)| s))
        .fold(0.0f32, f32::max)
        .max(f32::MIN_POSITIVE);
    let encoded: Vec<EncodedTerm> = weighted
        .par_iter()
        .map(|(term, list)| encode_term(site, parsed, analysis, term, list, max))
        .collect();
    Encoded { terms: encoded }
}

/// One term's postings (document, score, its roles there), scores quantized against the site's
/// highest score `max`, and the JSON of its best documents' descriptions.
fn encode_term<'a>(
    site: &Site,
    parsed: &Parsed,
    analysis: &Analysis,
    term: &'a str,
    list: &[Posting],
    max: f32,
) -> EncodedTerm<'a> {
    let docs = &analysis.docs;
    let mut quantized: Vec<(u32, u8)> = list
        .iter()
        .map(|&(doc, score, _)| (doc, (score / max * MAX_Q).round().clamp(1.0, MAX_Q) as u8))
        .collect();
    keep_titles_ahead(list, &mut quantized);
    // The term's best documents in the client's order for a one-term query: score, then
    // document id. Documents come in id order, so only a higher score displaces one.
    let mut best: Vec<(u8, u32)> = Vec::with_capacity(HOT_PER_TERM + 1);
    for &(doc, q) in &quantized {
        if best.len() < HOT_PER_TERM || best.last().is_some_and(|&(b, _)| q > b) {
            let at = best.iter().position(|&(b, _)| q > b).unwrap_or(best.len());
            best.insert(at, (q, doc));
            best.truncate(HOT_PER_TERM);
        }
    }
    let s = postings(&quantized, &best, docs.len());
    // Pinyin terms (`~weili`, `^wld`) are not described: their text is not where the term is,
    // and a reader who types pinyin rarely stops at the first results.
    // A name describes the pages that define it (a heading begins with it), however rare: the
    // page is then shown at that heading, not at whatever heading another query word's entry
    // names (`tidb_opt_table_range_scan_cost_factor` linked another variable). Its other pages
    // are described by its words: describing them too took TiDB's index past 3× its Markdown.
    // The heading alone, which is the name: the text under it would take Vite's past 3×.
    let named = term.contains(tokenize::JOINERS);
    let hot = if (list.len() >= HOT_MIN_DF || named) && !term.starts_with(['~', '^']) {
        best.into_iter()
            .filter(|&(_, doc)| !named || analysis.terms[doc as usize].defined.contains_key(term))
            .enumerate()
            .map(|(rank, (_, doc))| {
                let detail = match detail(rank) {
                    Detail::Window if named => Detail::Heading,
                    d => d,
                };
                if detail == Detail::Name {
                    return (doc, describe::named(doc).into());
                }
                let cache = &analysis.terms[doc as usize].described;
                let cached = cache.lock().ok().and_then(|c| c.get(term).cloned());
                let hot = cached.unwrap_or_else(|| {
                    let page = docs[doc as usize].page(site, parsed);
                    // A name is described at the heading that defines it, known from the
                    // analysis: searching a reference page's blocks for each of its thousands
                    // of names took 15–23 s for 4,000 of them.
                    let defined = analysis.terms[doc as usize].defined.get(term);
                    let h: Arc<Hot> = match defined.and_then(|&b| page.parsed.blocks.get(b)) {
                        Some(b) if named => describe::at_heading(b, doc),
                        _ => hot_entry(page.parsed, page.description, doc, term),
                    }
                    .into();
                    if let Ok(mut c) = cache.lock() {
                        c.insert(term.to_owned(), h.clone());
                    }
                    h
                });
                (doc, hot.to_json(detail).into())
            })
            .collect()
    } else {
        Vec::new()
    };
    EncodedTerm {
        term,
        df: list.len(),
        postings: s,
        described: hot,
    }
}

/// A word in most documents has so low an IDF that every score of it rounds to the same level,
/// and the article named after it (`使用插件` for 插件) tied with long texts that repeat it,
/// then lost on document order. What its title adds is kept where rounding erased it: a
/// document whose title has the term (or a heading defines it) goes a level above the documents
/// without that score no more, unless one that scores more is on its level (rounding never
/// reverses two scores).
fn keep_titles_ahead(list: &[Posting], q: &mut [(u32, u8)]) {
    let named = |roles: u8| roles & (TITLED | DEFINED) != 0;
    if !list.iter().any(|&(_, _, roles)| named(roles)) {
        return;
    }
    // The others by raw score; for each, the highest level of those scoring no more, and the
    // lowest of those scoring as much or more.
    let mut others: Vec<(f32, u8)> = (list.iter().zip(q.iter()))
        .filter(|((_, _, roles), _)| !named(*roles))
        .map(|((_, score, _), (_, level))| (*score, *level))
        .collect();
    others.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let mut up_to: Vec<u8> = Vec::with_capacity(others.len());
    for o in &others {
        up_to.push(up_to.last().copied().unwrap_or(0).max(o.1));
    }
    let mut from: Vec<u8> = vec![u8::MAX; others.len() + 1];
    for i in (0..others.len()).rev() {
        from[i] = from[i + 1].min(others[i].1);
    }
    for ((_, score, roles), (_, level)) in list.iter().zip(q.iter_mut()) {
        if !named(*roles) {
            continue;
        }
        let below = others.partition_point(|o| o.0 <= *score);
        let Some(&lower) = below.checked_sub(1).and_then(|i| up_to.get(i)) else {
            continue;
        };
        let raised = lower.saturating_add(1).min(MAX_Q as u8);
        if lower >= *level && raised <= from[below] {
            *level = raised;
        }
    }
}

/// A term's postings: (document gap, score) pairs, or, when it is in so many documents that
/// a bitset of them is shorter, `!` + the score of most + one digit per six documents + `.` +
/// the pairs of its best documents, whose scores are kept exactly. A common word weighs little
/// (its IDF is low), so most of its documents sharing one score costs little ranking; the
/// bitset is a sixth of the document count in bytes, and such terms were two thirds of the
/// postings of a 10k-article site, filling the shards a query of common words loads.
fn postings(quantized: &[(u32, u8)], best: &[(u8, u32)], n: usize) -> String {
    let mut pairs = String::with_capacity(quantized.len() * 2);
    push_pairs(&mut pairs, quantized.iter().copied());
    let bitset_len = n.div_ceil(6);
    if quantized.len() < bitset_len || bitset_len + 3 + best.len() * 4 >= pairs.len() {
        return pairs;
    }
    let mut exact: Vec<(u32, u8)> = best.iter().map(|&(q, doc)| (doc, q)).collect();
    exact.sort_unstable();
    let mut others: Vec<u8> = quantized
        .iter()
        .filter(|(doc, _)| exact.binary_search_by_key(doc, |e| e.0).is_err())
        .map(|&(_, q)| q)
        .collect();
    let mid = others.len() / 2;
    let typical = if others.is_empty() {
        1
    } else {
        *others.select_nth_unstable(mid).1
    };
    let mut bits = vec![0u8; bitset_len];
    for &(doc, _) in quantized {
        bits[doc as usize / 6] |= 1 << (doc % 6);
    }
    let mut s = String::with_capacity(bitset_len + 3 + exact.len() * 4);
    s.push('!');
    s.push(DIGITS[typical as usize] as char);
    s.extend(bits.iter().map(|&b| DIGITS[b as usize] as char));
    s.push('.');
    push_pairs(&mut s, exact.into_iter());
    if s.len() < pairs.len() { s } else { pairs }
}

/// (document, score) pairs in document order, as (gap, score digit).
fn push_pairs(out: &mut String, pairs: impl Iterator<Item = (u32, u8)>) {
    let mut prev = None;
    for (doc, q) in pairs {
        push_varint(out, prev.map_or(doc, |p| doc - p));
        prev = Some(doc);
        out.push(DIGITS[q as usize] as char);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_in_most_documents_is_a_bitset_with_its_best_scores_exact() {
        // In 400 of 600 documents: 100 digits of bitset instead of ~800 of pairs.
        let quantized: Vec<(u32, u8)> = (0..600u32)
            .filter(|d| d % 3 != 0)
            .map(|d| match d {
                301 => (d, 60),
                1 => (d, 9),
                _ => (d, 5),
            })
            .collect();
        let best = [(60u8, 301u32), (9, 1)];
        let s = postings(&quantized, &best, 600);
        assert!(s.starts_with('!'), "{s}");
        assert!(s.len() < 110, "{} digits", s.len());
        // The typical score, then the bitset: documents 1 and 2 of the first six.
        assert_eq!(
            &s[1..3],
            &format!("{}{}", DIGITS[5] as char, DIGITS[0b110110] as char)
        );
        // The best documents' own scores after the dot.
        let mut exact = String::new();
        push_pairs(&mut exact, [(1, 9), (301, 60)].into_iter());
        assert!(s.ends_with(&format!(".{exact}")), "{s}");
        // A rare term keeps its pairs.
        let rare = [(5u32, 9u8), (70, 3)];
        let mut pairs = String::new();
        push_pairs(&mut pairs, rare.iter().copied());
        assert_eq!(postings(&rare, &[(9, 5)], 600), pairs);
    }

    #[test]
    fn varints() {
        let mut s = String::new();
        for n in [0, 31, 32, 1000] {
            push_varint(&mut s, n);
        }
        assert_eq!(s, "AfgBof");
    }
}
