//! Writing the index files: term shards, one fragment per document, the manifest.

use rayon::prelude::*;
use serde::Serialize;

use super::encode::{EncodedTerm, MAX_Q};
use super::{Analysis, Doc, Encoded, bucket_key, shard_hash};
use crate::markdown::{self, Parsed};
use crate::output::OutputFile;
use crate::paths;
use crate::site::Site;

#[derive(Serialize)]
struct Fragment<'a> {
    /// Title, URL (relative to the site root), section name ("" at the top level).
    t: &'a str,
    u: &'a str,
    s: &'a str,
    /// Description, left out when it is the first line of the first block's text (a page's
    /// first paragraph, as most pages' descriptions are): search.js takes it from there.
    #[serde(skip_serializing_if = "Option::is_none")]
    d: Option<&'a str>,
    /// Blocks: [heading id or "", heading text, text].
    b: Vec<(&'a str, &'a str, &'a str)>,
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

    // A small site's cards are one or two card files, which a query loads instead: shards
    // then carry no cards of their own.
    let with_cards = n > SMALL_SITE;
    let mut files: Vec<OutputFile> = buckets
        .par_iter()
        .enumerate()
        .map(|(k, list)| shard_file(site, parsed, analysis, k, list, with_cards))
        .collect();
    let fragments: Vec<OutputFile> = docs
        .par_iter()
        .enumerate()
        .filter(|(_, d)| only.is_none_or(|o| matches!(d, Doc::Article(i) if o.contains(i))))
        .map(|(id, &d)| fragment_file(site, parsed, id, d))
        .collect();
    files.extend(fragments);
    // Cards are written whole (a serve update may change any article's title).
    files.extend(card_files(site, parsed, analysis));

    files.push(t2s_file(encoded));
    files.extend(vocabulary_files(encoded));

    let manifest = serde_json::json!({
        "documents": n,
        "shards": shards,
        "cards_per_file": CARDS_PER_FILE,
        "max_score": MAX_Q,
    });
    files.push(OutputFile {
        path: "search/manifest.js".to_owned(),
        bytes: format!("helpcenterSearch.manifest({manifest});\n").into_bytes(),
    });
    files
}

/// Term shard `k`: its terms' postings and descriptions, then (`with_cards`) the cards of the
/// documents described.
fn shard_file(
    site: &Site,
    parsed: &Parsed,
    analysis: &Analysis,
    k: usize,
    list: &[&EncodedTerm],
    with_cards: bool,
) -> OutputFile {
    let docs = &analysis.docs;
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
        // A small site's names are not described: the results they find load their fragments,
        // a few KB each there (search.js `unsure`), and their entries took Vite's index past
        // 3× its Markdown.
        if t.described.is_empty() || (!with_cards && t.term.contains(crate::tokenize::JOINERS)) {
            body += &format!(":\"{}\"", t.postings);
            continue;
        }
        body += &format!(":[\"{}\"", t.postings);
        for (doc, entry) in t
            .described
            .iter()
            .take(super::describe::hot_per_term(with_cards))
        {
            body.push(',');
            body += entry;
            if with_cards {
                cards.insert(*doc);
            }
        }
        body.push(']');
    }
    if !cards.is_empty() {
        // "" is never a term: it holds the cards of the documents named above, flat, with the
        // shard's section names once at the front (a section name on every card was a sixth of
        // a real site's index): `"":[[section, …], doc, title, url, section index, doc, …]`.
        let mut sections: Vec<&str> = Vec::new();
        let mut rows = String::new();
        for d in cards {
            let page = docs[d as usize].page(site, parsed);
            let name = page.section;
            let s = sections.iter().position(|x| *x == name).unwrap_or_else(|| {
                sections.push(name);
                sections.len() - 1
            });
            let card = analysis.terms[d as usize].card.get_or_init(|| {
                let card = (page.title, paths::href(page.url));
                let json = serde_json::to_string(&card).unwrap_or_default();
                // Kept without its brackets: it is spliced into the flat list.
                json[1..json.len() - 1].to_owned()
            });
            rows += &format!(",{d},{card},{s}");
        }
        body += ",\"\":[";
        body += &serde_json::to_string(&sections).unwrap_or_default();
        body += &rows;
        body.push(']');
    }
    body += "});\n";
    OutputFile {
        path: format!("search/t/{k}.js"),
        bytes: body.into_bytes(),
    }
}

/// Documents per card file (search.js `CARDS_PER_FILE`, checked by a test).
pub(super) const CARDS_PER_FILE: usize = 64;
/// Documents of a site small enough to keep its cards out of the term shards. Cards in every
/// shard that names a document are what the index spends most on (13.5 of TiDB's 29.4 MB of
/// shards); below a few card files they cost more than they save: at 65 documents
/// (vite-docs-cn with its section pages) they made the index 4.5× the Markdown instead of 3×.
const SMALL_SITE: usize = 2 * CARDS_PER_FILE;
/// Columns of a document's description kept on its card: forty Chinese characters, or eighty
/// letters (forty cut English cards to `This topic number 6 explains how a file …`).
const CARD_SUMMARY: usize = 80;

/// `search/d/<k>.js`: the cards of documents `k * CARDS_PER_FILE` and on: title, URL, section
/// and the start of the description. A result its query's shards do not describe is shown from
/// its card, so a query costs one request per range of documents it lands in instead of one per
/// result; ids follow the site's order, so a topic's articles share a file.
fn card_files(site: &Site, parsed: &Parsed, analysis: &Analysis) -> Vec<OutputFile> {
    analysis
        .docs
        .par_chunks(CARDS_PER_FILE)
        .enumerate()
        .map(|(k, chunk)| {
            let cards: Vec<(&str, String, &str, String)> = chunk
                .iter()
                .map(|&d| {
                    let page = d.page(site, parsed);
                    (
                        page.title,
                        paths::href(page.url),
                        page.section,
                        markdown::truncate_width(page.description, CARD_SUMMARY),
                    )
                })
                .collect();
            let json = serde_json::to_string(&cards).unwrap_or_default();
            OutputFile {
                path: format!("search/d/{k}.js"),
                bytes: format!("helpcenterSearch.cards({k},{json});\n").into_bytes(),
            }
        })
        .collect()
}

/// `search/t2s.js`: the traditional characters whose simplified forms the index holds, as pairs
/// (`發发髮发…`). The client loads it when a query's Chinese finds nothing as typed.
fn t2s_file(encoded: &[EncodedTerm]) -> OutputFile {
    let used = encoded
        .iter()
        .flat_map(|t| t.term.chars())
        .filter(|c| crate::tokenize::is_cjk(*c));
    let pairs: String = super::variants::table_for(used)
        .into_iter()
        .flat_map(|(t, s)| [t, s])
        .collect();
    let json = serde_json::to_string(&pairs).unwrap_or_default();
    OutputFile {
        path: "search/t2s.js".to_owned(),
        bytes: format!("helpcenterSearch.t2s({json});\n").into_bytes(),
    }
}

/// `search/v/<letter>.js`: the site's Latin words of four letters or more that start with that
/// letter, most documents first, for correcting a typo (`conputed` → `computed`) whose word is
/// not in the shard the query loaded anyway.
fn vocabulary_files(encoded: &[EncodedTerm]) -> Vec<OutputFile> {
    let mut by_letter: std::collections::BTreeMap<char, Vec<(usize, &str)>> = Default::default();
    for t in encoded {
        let Some(first) = t.term.chars().next().filter(char::is_ascii_lowercase) else {
            continue;
        };
        if t.term.len() >= 4 && t.term.chars().all(|c| c.is_ascii_alphanumeric()) {
            by_letter.entry(first).or_default().push((t.df, t.term));
        }
    }
    by_letter
        .into_iter()
        .map(|(letter, mut words)| {
            words.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            let list: Vec<&str> = words.into_iter().map(|(_, w)| w).collect();
            OutputFile {
                path: format!("search/v/{letter}.js"),
                bytes: format!(
                    "helpcenterSearch.vocabulary(\"{letter}\",\"{}\");\n",
                    list.join(" ")
                )
                .into_bytes(),
            }
        })
        .collect()
}

/// The fragment of document `id` (`d`): everything the search page shows of it.
fn fragment_file(site: &Site, parsed: &Parsed, id: usize, d: Doc) -> OutputFile {
    let page = d.page(site, parsed);
    let url = paths::href(page.url);
    let frag = Fragment {
        t: page.title,
        u: &url,
        s: page.section,
        d: match page.parsed.blocks.first() {
            Some(b) if b.text.lines().next() == Some(page.description) => None,
            _ => Some(page.description),
        },
        b: page
            .parsed
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
}

#[cfg(test)]
mod tests {
    #[test]
    fn search_js_reads_cards_in_the_same_ranges() {
        let js = include_str!("../../static/search.js");
        assert!(js.contains(&format!("var CARDS_PER_FILE = {};", super::CARDS_PER_FILE)));
    }
}
