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
/// Shards are sized for a cold query's budget: a few of them fit in well under 100 KB. This counts
/// postings only; the described documents (`Hot`) about double a shard of common terms.
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
/// of costing one request each.
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

/// The char positions where `needle` (already folded) occurs in `hay`, at most `max` of them.
fn find_folded(hay: &str, needle: &str, max: usize) -> Vec<usize> {
    if needle.chars().all(tokenize::is_cjk) {
        // Folding leaves these characters alone and maps nothing onto them: a plain, fast
        // substring search finds the same places.
        return hay
            .match_indices(needle)
            .take(max)
            .map(|(i, _)| hay[..i].chars().count())
            .collect();
    }
    // A word: whole words only, so "all" is not found in "finally".
    let hay: Vec<char> = hay.chars().map(tokenize::fold).collect();
    let needle: Vec<char> = needle.chars().collect();
    let word = |i: usize| {
        hay.get(i)
            .is_some_and(|c| c.is_alphanumeric() && !tokenize::is_cjk(*c))
    };
    let mut out = Vec::new();
    let mut from = 0;
    while out.len() < max && from + needle.len() <= hay.len() {
        match hay[from..].windows(needle.len()).position(|w| w == needle) {
            Some(i) => {
                let at = from + i;
                let starts = at == 0 || !word(at - 1);
                if starts && !word(at + needle.len()) {
                    out.push(at);
                }
                from = at + 1;
            }
            None => break,
        }
    }
    out
}

/// `chars[at..]` with `before` chars of context, `WINDOW_AFTER` after the term, and "…" where
/// it is cut.
fn window(chars: &[char], at: usize, len: usize, before: usize) -> String {
    let start = at.saturating_sub(before);
    let end = (at + len + WINDOW_AFTER).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(
        chars[start..end]
            .iter()
            .map(|&c| if c == '\n' { ' ' } else { c }),
    );
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// Where `term` is in an article, chosen as search.js `describe` chooses among a fragment's
/// blocks for a one-term query, so the drop-down links the heading the search page links: the
/// first block with the term in its heading and text, else in its heading, else in its text,
/// else the first block. The window is the text around the term's first occurrence there, or
/// the start of the text.
fn hot_entry(a: &crate::site::Article, doc: u32, term: &str) -> Hot {
    let len = term.chars().count();
    let around = |text: &str, at: Option<usize>| {
        let chars: Vec<char> = text.chars().collect();
        match at {
            Some(at) => window(&chars, at, len, WINDOW_BEFORE),
            None => window(&chars, 0, 0, 0),
        }
    };
    let blocks = &a.rendered.blocks;
    let mut best: Option<(usize, &crate::markdown::TextBlock, Option<usize>)> = None;
    for b in blocks {
        let at = find_folded(&b.text, term, 1).first().copied();
        let weight = 2 * find_folded(&b.heading, term, 1).len() + usize::from(at.is_some());
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
            let d = a.description();
            Hot {
                doc,
                heading_id: String::new(),
                heading: String::new(),
                window: around(d, find_folded(d, term, 1).first().copied()),
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
    let encoded: Vec<(&str, String, Vec<Hot>)> = weighted
        .par_iter()
        .map(|(term, list)| {
            let q: Vec<u8> = list
                .iter()
                .map(|(_, score)| (score / max * MAX_Q).round().clamp(1.0, MAX_Q) as u8)
                .collect();
            let mut s = String::with_capacity(list.len() * 2);
            let mut prev = 0u32;
            for (i, (doc, _)) in list.iter().enumerate() {
                push_varint(&mut s, if i == 0 { *doc } else { doc - prev });
                prev = *doc;
                s.push(DIGITS[q[i] as usize] as char);
            }
            let hot = if list.len() >= HOT_MIN_DF {
                // The client's own order for a one-term query: score, then document id.
                let mut order: Vec<usize> = (0..list.len()).collect();
                order.sort_unstable_by(|&a, &b| q[b].cmp(&q[a]).then(list[a].0.cmp(&list[b].0)));
                order
                    .into_iter()
                    .take(HOT_PER_TERM)
                    .map(|i| {
                        let doc = list[i].0;
                        hot_entry(&site.articles[docs[doc as usize]], doc, term)
                    })
                    .collect()
            } else {
                Vec::new()
            };
            (*term, s, hot)
        })
        .collect();

    let shards = site.search_shards.max(1);
    let mut buckets: Vec<Vec<&(&str, String, Vec<Hot>)>> = vec![Vec::new(); shards];
    for e in &encoded {
        buckets[shard_hash(bucket_key(e.0)) as usize % shards].push(e);
    }

    let mut files: Vec<OutputFile> = buckets
        .par_iter()
        .enumerate()
        .map(|(k, list)| {
            // Written by hand: a shard is mostly plain strings, and building a JSON value tree
            // for 1,500 shards first doubled the time this stage takes.
            let json = |s: &str| serde_json::to_string(s).unwrap_or_default();
            let mut cards: std::collections::BTreeSet<u32> = Default::default();
            let mut body = format!("helpcenterSearch.shard({k},{{");
            for (i, (term, postings, hot)) in list.iter().enumerate() {
                if i > 0 {
                    body.push(',');
                }
                body += &json(term);
                body.push(':');
                if hot.is_empty() {
                    body += &json(postings);
                    continue;
                }
                body.push('[');
                body += &json(postings);
                for h in hot {
                    body += &format!(
                        ",[{},{},{},{}]",
                        h.doc,
                        json(&h.heading_id),
                        json(&h.heading),
                        json(&h.window)
                    );
                    cards.insert(h.doc);
                }
                body.push(']');
            }
            if !cards.is_empty() {
                // "" is never a term: it holds the cards of the documents named above.
                body += if list.is_empty() { "\"\":{" } else { ",\"\":{" };
                for (i, d) in cards.into_iter().enumerate() {
                    let a = &site.articles[docs[d as usize]];
                    body += &format!(
                        "{}\"{d}\":[{},{},{}]",
                        if i > 0 { "," } else { "" },
                        json(&a.source.title),
                        json(&a.url),
                        json(section_name(site, a))
                    );
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
            let frag = Fragment {
                t: &a.source.title,
                u: &a.url,
                s: section_name(site, a),
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
    fn terms_are_found_in_folded_text() {
        // Latin terms are folded (case, full width); Chinese ones take the fast path.
        assert_eq!(
            find_folded("Use FACE ID or ｆａｃｅ", "face", 5),
            vec![4, 15]
        );
        assert_eq!(
            find_folded("先还款，再还款，又还款，还款", "还款", 3),
            vec![1, 5, 9]
        );
        assert_eq!(find_folded("还款", "借款", 3), Vec::<usize>::new());
        assert_eq!(find_folded("finally, Promise.all()", "all", 3), vec![17]);
    }

    #[test]
    fn windows_are_cut_around_the_term_with_ellipses() {
        let text: String = "甲".repeat(20) + "还款" + &"乙".repeat(40);
        let chars: Vec<char> = text.chars().collect();
        let w = window(&chars, 20, 2, WINDOW_BEFORE);
        assert_eq!(w, format!("…{}还款{}…", "甲".repeat(12), "乙".repeat(30)));
        let short: Vec<char> = "还款\n成功".chars().collect();
        assert_eq!(window(&short, 0, 2, WINDOW_BEFORE), "还款 成功");
    }

    #[test]
    fn hash_matches_the_javascript_one() {
        // The same value search.js computes for these keys (see tests/browser/search.test.mjs).
        assert_eq!(shard_hash(""), 0x811c9dc5);
        assert_eq!(shard_hash("a"), 0xe40c292c);
    }
}
