//! The search index, built at build time from the already parsed articles and split so a reader
//! downloads only what a query needs.
//!
//! Layout under `search/` (every file a script that registers itself, so it loads from file://):
//! - `manifest.js`: the document and shard counts, for tools; pages carry the shard count.
//! - `t/<k>.js`: term shard k: for each term hashed into it, its postings as a compact string of
//!   (document gap, score) pairs. Latin words are bucketed by their first two letters so a prefix
//!   typed so far finds all its completions in one shard.
//!   For its few best documents, a term also carries what showing them takes (`Hot`): with the
//!   documents' titles, URLs and sections once per shard under the key "".
//! - `f/<id>.js`: one fragment per article: title, URL, section, headings and the text under each,
//!   for results the shards do not describe and for the search page, which lists every heading
//!   that matches.
//!
//! Scores are BM25 with field weights (title, tags, headings, description, body), computed here
//! and quantized, so the client only adds numbers.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use serde::Serialize;

use crate::markdown::{self, Parsed, Rendered, TextBlock};
use crate::output::OutputFile;
use crate::site::Site;
use crate::tokenize;

const TITLE: f32 = 5.0;
const TAGS: f32 = 3.0;
const HEADING: f32 = 2.0;
const DESCRIPTION: f32 = 2.0;
const BODY: f32 = 1.0;
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Shards are sized for a cold query's budget: a few of them fit in well under 100 KB.
const TARGET_SHARD_BYTES: usize = 12 * 1024;
/// Quantized scores run 1..=MAX_Q (one base-64 digit).
const MAX_Q: f32 = 63.0;
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The shard a term lives in: Latin words by their first two letters, others by the whole term.
/// The client computes the same (search.js `bucketKey`).
pub fn bucket_key(term: &str) -> &str {
    match term.chars().next() {
        Some(c) if !tokenize::is_cjk(c) => {
            let end = term.char_indices().nth(2).map_or(term.len(), |(i, _)| i);
            &term[..end]
        }
        _ => term,
    }
}

/// FNV-1a over UTF-16 code units, which JavaScript strings expose directly.
pub fn shard_hash(key: &str) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for unit in key.encode_utf16() {
        h ^= u32::from(unit);
        h = h.wrapping_mul(0x01000193);
    }
    h
}

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

/// How many of a term's best documents its shard describes (see `Hot`). With 8, the five results
/// a drop-down shows are all described by the query's own shards for most queries (83% of the
/// benchmark's sampled queries on the 10k corpus; 71% with 5, 92% with 16).
const HOT_PER_TERM: usize = 8;
/// Rarer terms are not described: their few results load their fragments within the request
/// budget, and on real text most terms are rare, so describing them would double the index.
const HOT_MIN_DF: usize = 4;
/// Characters of text kept before and after a term in a `Hot` window.
const WINDOW_BEFORE: usize = 12;
const WINDOW_AFTER: usize = 30;

/// What a result needs to be shown without loading its fragment: the heading where the term is
/// found and a window of the text around it. Stored next to the term's postings for its best
/// documents, so a query's top results usually arrive with the shards it loads anyway, instead
/// of costing one request each. Written as `[doc, heading id, heading, window]`.
struct Hot {
    doc: u32,
    heading_id: String,
    heading: String,
    window: String,
}

fn section_name<'a>(site: &'a Site, a: &crate::site::Article) -> &'a str {
    if a.section == 0 {
        ""
    } else {
        &site.sections[a.section].title
    }
}

/// Where `needle` (already folded) first occurs in `hay`, as a byte range of `hay`.
fn find_folded(hay: &str, needle: &str) -> Option<Range<usize>> {
    if needle.chars().all(tokenize::is_cjk) {
        // Folding leaves these characters alone and maps nothing onto them: a plain, fast
        // substring search finds the same place.
        return hay.find(needle).map(|i| i..i + needle.len());
    }
    // A word: whole words only, so "all" is not found in "finally".
    let hay: Vec<(usize, char)> = hay
        .char_indices()
        .map(|(i, c)| (i, tokenize::fold(c)))
        .chain(std::iter::once((hay.len(), ' ')))
        .collect();
    let needle: Vec<char> = needle.chars().collect();
    let word = |c: char| c.is_alphanumeric() && !tokenize::is_cjk(c);
    let n = needle.len();
    (0..hay.len().saturating_sub(n)).find_map(|at| {
        let matches = hay[at..at + n]
            .iter()
            .map(|(_, c)| *c)
            .eq(needle.iter().copied());
        let starts = at == 0 || !word(hay[at - 1].1);
        (matches && starts && !word(hay[at + n].1)).then(|| hay[at].0..hay[at + n].0)
    })
}

/// The text around `at` (a byte range of `text`): `before` chars before it, `WINDOW_AFTER`
/// after, with "…" where it is cut. Walks only the window, not the whole text.
fn window(text: &str, at: Range<usize>, before: usize) -> String {
    let start = text[..at.start]
        .char_indices()
        .rev()
        .take(before)
        .last()
        .map_or(at.start, |(i, _)| i);
    let end = text[at.end..]
        .char_indices()
        .nth(WINDOW_AFTER)
        .map_or(text.len(), |(i, _)| at.end + i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(
        text[start..end]
            .chars()
            .map(|c| if c == '\n' { ' ' } else { c }),
    );
    if end < text.len() {
        out.push('…');
    }
    out
}

/// Where `term` is in an article, chosen as search.js `describe` chooses among a fragment's
/// blocks for a one-term query, so the drop-down links the heading the search page links: the
/// first block with the term in its heading and text, else in its heading, else in its text,
/// else the first block. The window is the text around the term's first occurrence there, or
/// the start of the text.
fn hot_entry(a: &crate::site::Article, r: &Rendered, doc: u32, term: &str) -> Hot {
    let around = |text: &str, at: Option<Range<usize>>| match at {
        Some(at) => window(text, at, WINDOW_BEFORE),
        None => window(text, 0..0, 0),
    };
    let blocks = &r.blocks;
    let mut best: Option<(usize, &TextBlock, Option<Range<usize>>)> = None;
    for b in blocks {
        let at = find_folded(&b.text, term);
        let weight =
            2 * usize::from(find_folded(&b.heading, term).is_some()) + usize::from(at.is_some());
        if weight > best.as_ref().map_or(0, |b| b.0) {
            best = Some((weight, b, at));
        }
    }
    match best
        .map(|(_, b, at)| (b, at))
        .or(blocks.first().map(|b| (b, None)))
    {
        Some((b, at)) => Hot {
            doc,
            heading_id: b.heading_id.clone().unwrap_or_default(),
            heading: b.heading.clone(),
            window: around(
                if b.text.is_empty() {
                    &b.heading
                } else {
                    &b.text
                },
                at,
            ),
        },
        None => {
            let d = markdown::description(a, r);
            Hot {
                doc,
                heading_id: String::new(),
                heading: String::new(),
                window: around(d, find_folded(d, term)),
            }
        }
    }
}

#[derive(Serialize)]
struct Fragment<'a> {
    /// Title, URL (relative to the site root), section name ("" at the top level).
    t: &'a str,
    u: &'a str,
    s: &'a str,
    /// Description.
    d: &'a str,
    /// Blocks: [heading id or "", heading text, text].
    b: Vec<(&'a str, &'a str, &'a str)>,
}

/// One article's weighted term frequencies: the expensive, per-article part of the index, kept
/// by `serve` so an edit re-analyses only the article that changed.
#[derive(Debug, Clone, Default)]
pub struct DocTerms {
    tf: HashMap<String, f32>,
    len: f32,
    /// The article's `Hot` entries written so far, as JSON, by term. They depend on its text
    /// alone, so `serve` reuses them for every article an edit did not touch.
    described: Arc<Mutex<HashMap<String, Arc<str>>>>,
    /// Its card (title, URL, section) as JSON, likewise.
    card: OnceLock<String>,
}

/// The analysed documents, in document-id order (the site's own order).
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Article index of each document id.
    pub docs: Vec<usize>,
    pub terms: Vec<DocTerms>,
}

pub fn analyze(site: &Site, parsed: &Parsed) -> Analysis {
    // Document ids follow the site's own order (sections, then each section's weight order), so
    // equal scores are broken the way the editors ordered the articles.
    let mut docs: Vec<usize> = site
        .sections_in_order()
        .into_iter()
        .flat_map(|s| site.sections[s].articles.iter().copied())
        .collect();
    docs.retain(|&i| site.articles[i].source.front.search != Some(false));
    let terms = docs
        .par_iter()
        .map(|&i| analyze_article(site, parsed, i))
        .collect();
    Analysis { docs, terms }
}

/// Weighted term frequencies of one article.
pub fn analyze_article(site: &Site, parsed: &Parsed, i: usize) -> DocTerms {
    let a = &site.articles[i];
    let r = &parsed.articles[i];
    let mut tf: HashMap<String, f32> = HashMap::new();
    let mut len = 0.0;
    let mut add = |text: &str, w: f32, unigrams: bool| {
        tokenize::each_term(text, |t| {
            *tf.entry(t.to_owned()).or_default() += w;
            len += w;
        });
        // One-character queries work on titles and headings.
        if unigrams {
            for c in text
                .chars()
                .map(tokenize::fold)
                .filter(|c| tokenize::is_cjk(*c))
            {
                *tf.entry(c.to_string()).or_default() += w;
            }
        }
    };
    add(&a.source.title, TITLE, true);
    for t in &a.source.front.tags {
        add(t, TAGS, false);
    }
    add(markdown::description(a, r), DESCRIPTION, false);
    for b in &r.blocks {
        add(&b.heading, HEADING, true);
        add(&b.text, BODY, false);
    }
    DocTerms {
        tf,
        len,
        described: Default::default(),
        card: OnceLock::new(),
    }
}

/// Every term's postings, encoded, and the JSON of its described documents: the index before it
/// is split into shards.
pub struct Encoded<'a> {
    terms: Vec<EncodedTerm<'a>>,
}

struct EncodedTerm<'a> {
    term: &'a str,
    postings: String,
    /// (document, its `Hot` entry as JSON) for the term's best documents.
    described: Vec<(u32, Arc<str>)>,
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

/// Writes the index files from analysed documents in `shards` shards: the manifest,
/// every term shard, and the fragments of `only` (article indices) or, with `None`, of every
/// document.
pub fn assemble(
    site: &Site,
    parsed: &Parsed,
    analysis: &Analysis,
    shards: usize,
    only: Option<&[usize]>,
) -> Vec<OutputFile> {
    let encoded = encode(site, parsed, analysis);
    write(site, parsed, analysis, &encoded, shards, only)
}

/// Postings and descriptions of every term, scored over the whole site.
pub fn encode<'a>(site: &Site, parsed: &Parsed, analysis: &'a Analysis) -> Encoded<'a> {
    let docs = &analysis.docs;
    let n = docs.len();
    let tfs: Vec<(&HashMap<String, f32>, f32)> =
        analysis.terms.iter().map(|d| (&d.tf, d.len)).collect();
    let avg_len = (tfs.iter().map(|(_, l)| *l).sum::<f32>() / n.max(1) as f32).max(1.0);

    // Postings per term, documents in order.
    let mut postings: HashMap<&str, Vec<(u32, f32)>> = HashMap::new();
    for (doc, (tf, _)) in tfs.iter().enumerate() {
        for (term, f) in tf.iter() {
            postings
                .entry(term.as_str())
                .or_default()
                .push((doc as u32, *f));
        }
    }
    let mut terms: Vec<(&str, Vec<(u32, f32)>)> = postings.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(b.0));

    // BM25 weights, then one scale for the whole site so scores add up across terms.
    let weighted: Vec<(&str, Vec<(u32, f32)>)> = terms
        .into_par_iter()
        .map(|(term, list)| {
            let df = list.len() as f32;
            let idf = ((n as f32 - df + 0.5) / (df + 0.5) + 1.0).ln();
            let list = list
                .into_iter()
                .map(|(doc, f)| {
                    let dl = tfs[doc as usize].1;
                    (
                        doc,
                        idf * f * (K1 + 1.0) / (f + K1 * (1.0 - B + B * dl / avg_len)),
                    )
                })
                .collect();
            (term, list)
        })
        .collect();
    let max = weighted
        .iter()
        .flat_map(|(_, l)| l.iter().map(|(_, s)| *s))
        .fold(0.0f32, f32::max)
        .max(f32::MIN_POSITIVE);
    let encoded: Vec<EncodedTerm> = weighted
        .par_iter()
        .map(|(term, list)| {
            let mut s = String::with_capacity(list.len() * 2);
            let mut prev = 0u32;
            // The term's best documents in the client's order for a one-term query: score, then
            // document id. Documents come in id order, so only a higher score displaces one.
            let mut best: Vec<(u8, u32)> = Vec::with_capacity(HOT_PER_TERM + 1);
            for (i, (doc, score)) in list.iter().enumerate() {
                let q = (score / max * MAX_Q).round().clamp(1.0, MAX_Q) as u8;
                push_varint(&mut s, if i == 0 { *doc } else { doc - prev });
                prev = *doc;
                s.push(DIGITS[q as usize] as char);
                if best.len() < HOT_PER_TERM || best.last().is_some_and(|&(b, _)| q > b) {
                    let at = best.iter().position(|&(b, _)| q > b).unwrap_or(best.len());
                    best.insert(at, (q, *doc));
                    best.truncate(HOT_PER_TERM);
                }
            }
            let hot = if list.len() >= HOT_MIN_DF {
                best.into_iter()
                    .map(|(_, doc)| {
                        let cache = &analysis.terms[doc as usize].described;
                        let cached = cache.lock().ok().and_then(|c| c.get(*term).cloned());
                        let json = cached.unwrap_or_else(|| {
                            let i = docs[doc as usize];
                            let h = hot_entry(&site.articles[i], &parsed.articles[i], doc, term);
                            let entry = (h.doc, h.heading_id, h.heading, h.window);
                            let json: Arc<str> =
                                serde_json::to_string(&entry).unwrap_or_default().into();
                            if let Ok(mut c) = cache.lock() {
                                c.insert((*term).to_owned(), json.clone());
                            }
                            json
                        });
                        (doc, json)
                    })
                    .collect()
            } else {
                Vec::new()
            };
            EncodedTerm {
                term,
                postings: s,
                described: hot,
            }
        })
        .collect();

    Encoded { terms: encoded }
}

/// The index files, `encoded` split into `shards` shards.
pub fn write(
    site: &Site,
    parsed: &Parsed,
    analysis: &Analysis,
    encoded: &Encoded,
    shards: usize,
    only: Option<&[usize]>,
) -> Vec<OutputFile> {
    let docs = &analysis.docs;
    let n = docs.len();
    let encoded = &encoded.terms;
    let shards = shards.max(1);
    let mut buckets: Vec<Vec<&EncodedTerm>> = vec![Vec::new(); shards];
    for e in encoded {
        buckets[shard_hash(bucket_key(e.term)) as usize % shards].push(e);
    }

    let mut files: Vec<OutputFile> = buckets
        .par_iter()
        .enumerate()
        .map(|(k, list)| {
            // Written by hand: a shard is mostly plain strings, and building a JSON value tree
            // for 1,500 shards first doubled the time this stage takes. Postings are base-64
            // digits, which need no escaping.
            let json = |s: &str| serde_json::to_string(s).unwrap_or_default();
            let mut cards: std::collections::BTreeSet<u32> = Default::default();
            let mut body = format!("helpcenterSearch.shard({k},{{");
            for (i, t) in list.iter().enumerate() {
                if i > 0 {
                    body.push(',');
                }
                body += &json(t.term);
                if t.described.is_empty() {
                    body += &format!(":\"{}\"", t.postings);
                    continue;
                }
                body += &format!(":[\"{}\"", t.postings);
                for (doc, entry) in &t.described {
                    body.push(',');
                    body += entry;
                    cards.insert(*doc);
                }
                body.push(']');
            }
            if !cards.is_empty() {
                // "" is never a term: it holds the cards of the documents named above.
                body += ",\"\":{";
                for (i, d) in cards.into_iter().enumerate() {
                    let card = analysis.terms[d as usize].card.get_or_init(|| {
                        let a = &site.articles[docs[d as usize]];
                        let card = (&a.source.title, &a.url, section_name(site, a));
                        serde_json::to_string(&card).unwrap_or_default()
                    });
                    body += &format!("{}\"{d}\":{card}", if i > 0 { "," } else { "" });
                }
                body.push('}');
            }
            body += "});\n";
            OutputFile {
                path: format!("search/t/{k}.js"),
                bytes: body.into_bytes(),
            }
        })
        .collect();

    let fragments: Vec<OutputFile> = docs
        .par_iter()
        .enumerate()
        .filter(|(_, i)| only.is_none_or(|o| o.contains(i)))
        .map(|(id, &i)| {
            let a = &site.articles[i];
            let r = &parsed.articles[i];
            let frag = Fragment {
                t: &a.source.title,
                u: &a.url,
                s: section_name(site, a),
                d: markdown::description(a, r),
                b: r.blocks
                    .iter()
                    .map(|b| {
                        (
                            b.heading_id.as_deref().unwrap_or(""),
                            b.heading.as_str(),
                            b.text.as_str(),
                        )
                    })
                    .collect(),
            };
            let json = serde_json::to_string(&frag).unwrap_or_default();
            OutputFile {
                path: format!("search/f/{id}.js"),
                bytes: format!("helpcenterSearch.fragment({id},{json});\n").into_bytes(),
            }
        })
        .collect();
    files.extend(fragments);

    let manifest = serde_json::json!({
        "documents": n,
        "shards": shards,
        "max_score": MAX_Q,
    });
    files.push(OutputFile {
        path: "search/manifest.js".to_owned(),
        bytes: format!("helpcenterSearch.manifest({manifest});\n").into_bytes(),
    });
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets() {
        assert_eq!(bucket_key("promise"), "pr");
        assert_eq!(bucket_key("a"), "a");
        assert_eq!(bucket_key("微粒"), "微粒");
    }

    #[test]
    fn varints() {
        let mut s = String::new();
        for n in [0, 31, 32, 1000] {
            push_varint(&mut s, n);
        }
        assert_eq!(s, "AfgBof");
    }

    #[test]
    fn terms_are_found_in_folded_text() {
        // Latin terms are folded (case, full width) and whole words; Chinese ones take the fast
        // path. Ranges are bytes of the original text.
        let text = "Use ｆａｃｅ or FACE ID";
        let at = find_folded(text, "face").unwrap();
        assert_eq!(&text[at], "ｆａｃｅ");
        assert_eq!(find_folded("surface, Face", "face"), Some(9..13));
        assert_eq!(find_folded("finally, Promise.all()", "all"), Some(17..20));
        assert_eq!(find_folded("先还款，再还款", "还款"), Some(3..9));
        assert_eq!(find_folded("还款", "借款"), None);
    }

    #[test]
    fn windows_are_cut_around_the_term_with_ellipses() {
        let text: String = "甲".repeat(20) + "还款" + &"乙".repeat(40);
        let at = find_folded(&text, "还款").unwrap();
        assert_eq!(
            window(&text, at, WINDOW_BEFORE),
            format!("…{}还款{}…", "甲".repeat(12), "乙".repeat(30))
        );
        assert_eq!(window("还款\n成功", 0..6, WINDOW_BEFORE), "还款 成功");
        assert_eq!(window("开头的文字", 0..0, 0), "开头的文字");
    }

    #[test]
    fn hash_matches_the_javascript_one() {
        // The same value search.js computes for these keys (see tests/browser/search.test.mjs).
        assert_eq!(shard_hash(""), 0x811c9dc5);
        assert_eq!(shard_hash("a"), 0xe40c292c);
    }
}
