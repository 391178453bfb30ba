//! The search index, built at build time from the already parsed articles and split so a reader
//! downloads only what a query needs.
//!
//! Layout under `search/` (every file a script that registers itself, so it loads from file://):
//! - `manifest.js`: counts, the number of term shards, section names. A couple of KB.
//! - `t/<k>.js`: term shard k: for each term hashed into it, its postings as a compact string of
//!   (document gap, score) pairs. Latin words are bucketed by their first two letters so a prefix
//!   typed so far finds all its completions in one shard.
//! - `f/<id>.js`: one fragment per article: title, URL, section, headings and the text under each,
//!   for snippets, phrase checks and links to the heading where the match is.
//!
//! Scores are BM25 with field weights (title, tags, headings, description, body), computed here
//! and quantized, so the client only adds numbers.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::render::OutputFile;
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
/// The client computes the same (search.js `bucketOf`).
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
}

/// The analysed documents, in document-id order (the site's own order).
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Article index of each document id.
    pub docs: Vec<usize>,
    pub terms: Vec<DocTerms>,
}

pub fn analyze(site: &Site) -> Analysis {
    // Document ids follow the site's own order (sections, then each section's weight order), so
    // equal scores are broken the way the editors ordered the articles.
    let mut docs: Vec<usize> = site
        .sections_in_order()
        .into_iter()
        .flat_map(|s| site.sections[s].articles.iter().copied())
        .collect();
    docs.retain(|&i| site.articles[i].source.front.search != Some(false));
    let terms = docs.par_iter().map(|&i| analyze_article(site, i)).collect();
    Analysis { docs, terms }
}

/// Weighted term frequencies of one article.
pub fn analyze_article(site: &Site, i: usize) -> DocTerms {
    let a = &site.articles[i];
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
    add(a.description(), DESCRIPTION, false);
    for b in &a.rendered.blocks {
        add(&b.heading, HEADING, true);
        add(&b.text, BODY, false);
    }
    DocTerms { tf, len }
}

/// The number of term shards for an index of this size (about 4 bytes per document and term).
/// Pages tell search.js this number, so it is fixed before pages are rendered and kept while
/// `serve` updates the index.
pub fn shard_count(analysis: &Analysis) -> usize {
    let bytes: usize = analysis.terms.iter().map(|d| d.tf.len() * 4).sum();
    bytes.div_ceil(TARGET_SHARD_BYTES).max(1)
}

/// Writes the index files from analysed documents in `site.search_shards` shards: the manifest,
/// every term shard, and the fragments of `only` (article indices) or, with `None`, of every
/// document.
pub fn assemble(site: &Site, analysis: &Analysis, only: Option<&[usize]>) -> Vec<OutputFile> {
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
    let encoded: Vec<(&str, String)> = weighted
        .par_iter()
        .map(|(term, list)| {
            let mut s = String::with_capacity(list.len() * 2);
            let mut prev = 0u32;
            for (i, (doc, score)) in list.iter().enumerate() {
                push_varint(&mut s, if i == 0 { *doc } else { doc - prev });
                prev = *doc;
                let q = (score / max * MAX_Q).round().clamp(1.0, MAX_Q) as usize;
                s.push(DIGITS[q] as char);
            }
            (*term, s)
        })
        .collect();

    let shards = site.search_shards.max(1);
    let mut buckets: Vec<Vec<&(&str, String)>> = vec![Vec::new(); shards];
    for e in &encoded {
        buckets[shard_hash(bucket_key(e.0)) as usize % shards].push(e);
    }

    let mut files: Vec<OutputFile> = buckets
        .par_iter()
        .enumerate()
        .map(|(k, list)| {
            let map: serde_json::Map<String, serde_json::Value> = list
                .iter()
                .map(|(t, p)| ((*t).to_owned(), serde_json::Value::String(p.clone())))
                .collect();
            let body = format!(
                "helpcenterSearch.shard({k},{});\n",
                serde_json::Value::Object(map)
            );
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
            let frag = Fragment {
                t: &a.source.title,
                u: &a.url,
                s: if a.section == 0 {
                    ""
                } else {
                    &site.sections[a.section].title
                },
                d: a.description(),
                b: a.rendered
                    .blocks
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
    fn hash_matches_the_javascript_one() {
        // The same value search.js computes for these keys (see tests/browser/search.test.mjs).
        assert_eq!(shard_hash(""), 0x811c9dc5);
        assert_eq!(shard_hash("a"), 0xe40c292c);
    }
}
