//! The search index, built at build time from the already parsed pages (articles, and section
//! pages with text of their own: `doc`) and split so a reader
//! downloads only what a query needs.
//!
//! Layout under `search/` (every file a script that registers itself, so it loads from file://):
//! - `manifest.js`: the document and shard counts, for tools; pages carry the shard count.
//! - `t/<k>.js`: term shard k: for each term hashed into it, its postings as a compact string of
//!   (document gap, score) pairs. Latin words are bucketed by their first two letters so a prefix
//!   typed so far finds all its completions in one shard.
//!   For its few best documents, a term also carries what showing them takes (`Hot`): with the
//!   documents' titles, URLs and sections once per shard under the key "".
//! - `f/<id>.js`: one fragment per document: title, URL, section, headings and the text under each,
//!   for results the shards do not describe and for the search page, which lists every heading
//!   that matches.
//!
//! Scores are BM25 with field weights (title, tags, headings, description, body), computed here
//! and quantized, so the client only adds numbers.

mod describe;
mod doc;
mod encode;
mod packed;
pub(crate) mod pinyin;
mod synonyms;
pub(crate) mod variants;
mod write;

use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::markdown::{Parsed, TextBlock};
use crate::output::OutputFile;
use crate::site::Site;
use crate::tokenize;

pub use encode::{Encoded, encode};
pub use write::write;

const TITLE: f32 = 5.0;
/// Added to a term's score (times its IDF) in an article whose title has it: BM25 alone lets a
/// long text that repeats the word outrank the article named after it.
const TITLE_BOOST: f32 = 1.0;
/// Likewise, less, for a heading's Latin words (names: variables, options, functions): BM25
/// divides a reference page's score by its length, so TiDB's 系统变量 (392 KB, a `###` per
/// variable) ranked below every page that only mentions `tidb_mem_quota_query`, which it
/// defines under a heading. (Chinese words of headings are not boosted: a book's chapters have
/// so many headings that its questions, 数组怎么去重, found the wrong chapters.)
const HEADING_BOOST: f32 = 0.5;
/// And more than a title's, for a name a heading begins with (a variable, an option): a
/// reference page that defines hundreds of them is as long as a book, and each short page that
/// mentions `tidb_gc_life_time` three times outscored it (`names`).
const DEFINED_BOOST: f32 = 3.0;
/// A section's own page counts for this much of an article's score: it introduces what its
/// articles explain, so an article that matches as well comes first, and the page is found
/// when its own words are the best match (Vite's 开始 for 搭建第一个 Vite 项目).
const SECTION_PAGE: f32 = 0.7;
const TAGS: f32 = 3.0;
const HEADING: f32 = 2.0;
const DESCRIPTION: f32 = 2.0;
const BODY: f32 = 1.0;
/// Code stays findable (`defineConfig` must hit) but a long listing does not outweigh the prose
/// that explains it, nor lengthen the article much for BM25.
const CODE: f32 = 0.3;
/// Pinyin terms count this much of the words they spell; the client ranks literal matches first
/// anyway. They do not lengthen the article for BM25.
const PINYIN: f32 = 0.5;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The shard a term lives in: Latin words by their first two letters (so the word being typed
/// finds its completions in one shard), names by their first word, its joiner and the next
/// letter (`tidb_g`: TiDB's 800 `tidb_…` variables in one shard made it 190 KB), others by the
/// whole term (Chinese, and pinyin: `~weili`, `^wld`). The client computes the same (search.js
/// `bucketKey`).
pub fn bucket_key(term: &str) -> &str {
    match term.chars().next() {
        Some(c) if !tokenize::is_cjk(c) && c != '~' && c != '^' => {
            let end = match term.find(tokenize::JOINERS) {
                Some(j) => term[j + 1..]
                    .char_indices()
                    .nth(1)
                    .map_or(term.len(), |(i, _)| j + 1 + i),
                None => term.char_indices().nth(2).map_or(term.len(), |(i, _)| i),
            };
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

/// One document's weighted term frequencies: the expensive, per-document part of the index,
/// kept by `serve` so an edit re-analyses only the article that changed.
#[derive(Debug, Clone, Default)]
pub struct DocTerms {
    /// Each term with its weight, and whether the title has it (a title that names what the
    /// reader typed is worth more than any number of mentions in the text, which BM25
    /// saturates), a heading (`HEADING_BOOST`), or a heading begins with it as a name
    /// (`DEFINED_BOOST`).
    tf: packed::PackedTerms,
    /// The names its headings begin with (`### tidb_gc_life_time`), with the first such block:
    /// the page that defines a name, among the many that use it, and where.
    defined: FxHashMap<String, usize>,
    len: f32,
    /// The document's `Hot` entries written so far, as JSON, by term. They depend on its text
    /// alone, so `serve` reuses them for every document an edit did not touch.
    described: Arc<Mutex<FxHashMap<String, Arc<describe::Hot>>>>,
    /// Its card (title, URL) as JSON list items, likewise.
    card: OnceLock<String>,
}

pub use doc::Doc;

/// The analysed documents, in document-id order (the site's own order).
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// What each document id is.
    pub docs: Vec<Doc>,
    /// Each document's terms, by document id.
    pub terms: Vec<DocTerms>,
}

/// Analyses every document the index holds (see `doc::documents`).
pub fn analyze(site: &Site, parsed: &Parsed) -> Analysis {
    let docs = doc::documents(site, parsed);
    let terms = docs
        .par_iter()
        .map(|&d| analyze_doc(site, parsed, d))
        .collect();
    Analysis { docs, terms }
}

/// Weighted term frequencies of one document: its words (in simplified characters, so
/// traditional queries find them too), the pinyin of its title, tags and headings, and the
/// synonyms its words imply.
pub fn analyze_doc(site: &Site, parsed: &Parsed, d: Doc) -> DocTerms {
    let page = d.page(site, parsed);
    let r = page.parsed;
    // About one distinct term per 8 bytes of text on Chinese and English pages.
    let bytes: usize = r.blocks.iter().map(TextBlock::text_bytes).sum();
    let mut tf: FxHashMap<String, f32> =
        FxHashMap::with_capacity_and_hasher(tokenize::presized_terms(bytes, 8), Default::default());
    let mut len = 0.0;
    // Everything said, folded, for the synonyms, when the site has any.
    let synonyms = &site.config.search.synonyms;
    let mut said = String::new();
    let mut add = |text: &str, w: f32, short: bool| {
        let text = variants::to_simplified(text);
        tokenize::each_term(&text, |t| {
            count(&mut tf, t, w);
            len += w;
        });
        // Names as a whole, besides their words (they do not lengthen the document: its words
        // are counted already), where names are written: titles, tags, headings and inline
        // code. Prose's paths, hosts and versions, and code's, took TiDB's index past 3× its
        // Markdown.
        if short {
            tokenize::each_compound(&text, |t| count(&mut tf, t, w));
        }
        // Titles, tags and headings: one-character queries, and pinyin.
        if short {
            for c in text
                .chars()
                .map(tokenize::fold)
                .filter(|c| tokenize::is_cjk(*c))
            {
                count(&mut tf, c.encode_utf8(&mut [0; 4]), w);
            }
            pinyin::each_term(&text, |t| count(&mut tf, t, w * PINYIN));
        }
        if !synonyms.is_empty() {
            said.extend(text.chars().map(tokenize::fold));
            said.push('\n');
        }
    };
    add(page.title, TITLE, true);
    let mut titled = FxHashSet::default();
    let title = variants::to_simplified(page.title);
    tokenize::each_term(&title, |t| {
        titled.insert(t.to_owned());
    });
    tokenize::each_compound(&title, |t| {
        titled.insert(t.to_owned());
    });
    // Keywords are words readers search for that the text does not use: as strong as tags.
    for t in page.tags.iter().chain(page.keywords) {
        add(t, TAGS, true);
    }
    add(page.description, DESCRIPTION, false);
    let mut headed = FxHashSet::default();
    let mut defined = FxHashMap::default();
    // Names in inline code, as prose: counted with its words once `add` is done.
    let mut spans = Vec::new();
    for (index, b) in r.blocks.iter().enumerate() {
        let mut head = |t: &str| {
            if !t.starts_with(tokenize::is_cjk) && !headed.contains(t) {
                headed.insert(t.to_owned());
            }
        };
        tokenize::each_term(&b.heading, &mut head);
        tokenize::each_compound(&b.heading, |t| {
            if heads(&b.heading, t) {
                defined.entry(t.to_owned()).or_insert(index);
            }
            head(t)
        });
        add(&b.heading, HEADING, true);
        add(&b.text, BODY, false);
        tokenize::each_compound(&variants::to_simplified(&b.spans), |t| {
            spans.push(t.to_owned())
        });
        add(&b.code, CODE, false);
    }
    for name in spans {
        *tf.entry(name).or_default() += BODY;
    }
    for (member, times) in synonyms::implied(synonyms, &said) {
        tokenize::each_term(&variants::to_simplified(member), |t| {
            count(&mut tf, t, synonyms::WEIGHT * BODY * times as f32)
        });
    }
    let tf = packed::PackedTerms::pack(tf, |t| {
        let mut roles = 0;
        if titled.contains(t) {
            roles |= packed::TITLED;
        }
        if headed.contains(t) {
            roles |= packed::HEADED;
        }
        if defined.contains_key(t) {
            roles |= packed::DEFINED;
        }
        roles
    });
    DocTerms {
        tf,
        defined,
        len,
        described: Default::default(),
        card: OnceLock::new(),
    }
}

/// Adds `w` to the term's weight, allocating the term only the first time the document has it:
/// `entry` takes an owned key, and a word's every occurrence paid for one.
fn count(tf: &mut FxHashMap<String, f32>, term: &str, w: f32) {
    match tf.get_mut(term) {
        Some(f) => *f += w,
        None => {
            tf.insert(term.to_owned(), w);
        }
    }
}

/// Whether `heading` begins with the name `name` (folded), as a whole: then a space, a bracket
/// or a colon (`tidb_txn_mode 从 v8.0 版本开始引入`), or nothing.
fn heads(heading: &str, name: &str) -> bool {
    let mut chars = heading.trim_start().chars().map(tokenize::fold);
    name.chars().all(|c| chars.next() == Some(c))
        && chars
            .next()
            .is_none_or(|c| c.is_whitespace() || "(（:：".contains(c))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets() {
        assert_eq!(bucket_key("promise"), "pr");
        assert_eq!(bucket_key("a"), "a");
        assert_eq!(bucket_key("微粒"), "微粒");
        assert_eq!(bucket_key("^wld"), "^wld");
        assert_eq!(bucket_key("tidb_gc_life_time"), "tidb_g");
        assert_eq!(bucket_key("import.meta.env"), "import.m");
        assert_eq!(bucket_key("a-中"), "a-中");
    }

    /// A word in a code block counts less than the same word in prose: a listing that repeats
    /// an option does not outweigh the paragraph that explains it.
    #[test]
    fn code_weighs_less_than_prose() {
        let (site, _) = crate::testing::site(&[
            ("_index.md", "---\ntitle: 首页\n---\n"),
            (
                "a.md",
                "---\ntitle: 甲\n---\n\nretries 是重试次数。\n\n```yaml\nbackoff: 2\n```\n",
            ),
        ]);
        let (parsed, _) = crate::testing::parse(&site);
        let tf = analyze_doc(&site, &parsed, Doc::Article(0)).tf;
        assert_eq!(
            tf.weight("retries"),
            Some(BODY + DESCRIPTION),
            "prose, and the first paragraph"
        );
        assert_eq!(tf.weight("backoff"), Some(CODE), "code");
        const { assert!(CODE < BODY) };
    }

    #[test]
    fn hash_matches_the_javascript_one() {
        // The same value search.js computes for these keys (see tests/browser/search.test.mjs).
        assert_eq!(shard_hash(""), 0x811c9dc5);
        assert_eq!(shard_hash("a"), 0xe40c292c);
    }
}
