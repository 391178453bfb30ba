//! Describing a term's best documents inside its shard (`Hot`): the heading where the term is
//! and the text around it, so the drop-down shows most results without a fragment request.

use std::ops::Range;

use crate::markdown::{Rendered, TextBlock};
use crate::{paths, tokenize};

/// How many of a term's best documents its shard describes (see `Hot`). With 8, the five results
/// a drop-down shows are all described by the query's own shards for most queries (83% of the
/// benchmark's sampled queries on the 10k corpus; 71% with 5, 92% with 16).
pub(super) const HOT_PER_TERM: usize = 10;
/// On a small site, whose cards are one or two files (loaded by any query that needs a card),
/// the first three: the drop-down's others load their fragments, a few KB each on such a site,
/// and the search page's further results are drawn from the card files.
const HOT_PER_TERM_SMALL_SITE: usize = 3;

/// How many documents a term's shard describes, when shards carry cards or not.
pub(super) fn hot_per_term(with_cards: bool) -> usize {
    if with_cards {
        HOT_PER_TERM
    } else {
        HOT_PER_TERM_SMALL_SITE
    }
}

/// Of those, how many carry the text around the term. Windows were two thirds of a real site's
/// index (tidb-docs-cn: 19 of 40 MB of term shards with all eight).
pub(super) const WINDOWS_PER_TERM: usize = 3;
/// Of those, how many name the heading the term is under: the drop-down's five. The search
/// page's further results are named only (`[doc]`): its card gives their title and section,
/// at a fifth of the bytes of a heading entry (6% of tidb-docs-cn's index).
pub(super) const HEADINGS_PER_TERM: usize = 5;
/// Rarer terms are not described: their few results load their fragments within the request
/// budget, and on real text most terms are rare, so describing them would double the index.
pub(super) const HOT_MIN_DF: usize = 4;
/// Bytes of text kept before and after a term in a `Hot` window: four and twelve Chinese
/// characters, or three times as many Latin letters for the same bytes (as characters,
/// English results showed `…the file, e.g. relev…`).
const WINDOW_BEFORE: usize = 12;
const WINDOW_AFTER: usize = 36;

/// What a result needs to be shown without loading its fragment: the heading where the term is
/// found and a window of the text around it. Stored next to the term's postings for its best
/// documents, so a query's top results usually arrive with the shards it loads anyway, instead
/// of costing one request each. Written as `[doc, heading, window]`, with the heading's id
/// last when the client cannot derive it from the heading, less by rank (see [`detail`]).
#[derive(Debug)]
pub(super) struct Hot {
    pub(super) doc: u32,
    pub(super) heading_id: String,
    pub(super) heading: String,
    pub(super) window: String,
}

/// How much of a `Hot` entry a term's shard carries, by the document's rank for the term.
pub(super) fn detail(rank: usize) -> Detail {
    if rank < WINDOWS_PER_TERM {
        Detail::Window
    } else if rank < HEADINGS_PER_TERM {
        Detail::Heading
    } else {
        Detail::Name
    }
}

/// The entry of a document described by `Detail::Name`.
pub(super) fn named(doc: u32) -> String {
    format!("[{doc}]")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Detail {
    Window,
    Heading,
    /// The document alone: computing its heading is skipped.
    Name,
}

impl Hot {
    /// The entry as JSON. Most heading ids are the heading's own slug, which search.js
    /// computes as `paths::heading_id` does (for headings of ASCII and Chinese, where both
    /// sides surely agree): those ids are left out, a fifth of a small site's index.
    pub(super) fn to_json(&self, detail: Detail) -> String {
        if detail == Detail::Name {
            return named(self.doc);
        }
        let derivable = self
            .heading
            .chars()
            .all(|c| c.is_ascii() || tokenize::is_cjk(c))
            && !self.heading_id.is_empty()
            && paths::heading_id(&self.heading) == self.heading_id;
        let window = if detail == Detail::Window {
            self.window.as_str()
        } else {
            ""
        };
        if derivable || (self.heading_id.is_empty() && self.heading.is_empty()) {
            if window.is_empty() {
                serde_json::to_string(&(self.doc, &self.heading))
            } else {
                serde_json::to_string(&(self.doc, &self.heading, window))
            }
        } else {
            serde_json::to_string(&(self.doc, &self.heading, window, &self.heading_id))
        }
        .unwrap_or_default()
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

/// The text around `at` (a byte range of `text`): about `before` bytes before it and
/// `WINDOW_AFTER` after, with "…" where it is cut, and never in the middle of a word of
/// letters. Walks only the window, not the whole text.
fn window(text: &str, at: Range<usize>, before: usize) -> String {
    let mut start = floor_char(text, at.start.saturating_sub(before));
    let mut end = floor_char(text, (at.end + WINDOW_AFTER).min(text.len()));
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !tokenize::is_cjk(c));
    // `relev|ant`: the window ends before the word, or starts after it.
    if start > 0
        && letter(text[..start].chars().next_back())
        && letter(text[start..].chars().next())
    {
        start = text[start..at.start]
            .find(|c: char| !letter(Some(c)))
            .map_or(at.start, |i| start + i);
    }
    if end < text.len()
        && letter(text[..end].chars().next_back())
        && letter(text[end..].chars().next())
    {
        end = text[at.end..end]
            .rfind(|c: char| !letter(Some(c)))
            .map_or(at.end, |i| at.end + i);
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(
        text[start..end]
            .trim_matches(|c: char| c.is_whitespace() && start > 0 && end < text.len())
            .chars()
            .map(|c| if c == '\n' { ' ' } else { c }),
    );
    if end < text.len() {
        out.push('…');
    }
    out
}

/// The char boundary at or before byte `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where `term` is in a document (parse `r`), chosen as search.js `describe` chooses among a
/// fragment's blocks for a one-term query, so the drop-down links the heading the search page
/// links: the first block with the term in its heading and text, else in its heading, else in
/// its text, else the first block. The window is the text around the term's first occurrence
/// there, or the start of the text (of `description` for a document with no text).
pub(super) fn hot_entry(r: &Rendered, description: &str, doc: u32, term: &str) -> Hot {
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
            let d = description;
            Hot {
                doc,
                heading_id: String::new(),
                heading: String::new(),
                window: around(d, find_folded(d, term)),
            }
        }
    }
}

/// A document described at block `b`, without a window (names: the heading is the name).
pub(super) fn at_heading(b: &TextBlock, doc: u32) -> Hot {
    Hot {
        doc,
        heading_id: b.heading_id.clone().unwrap_or_default(),
        heading: b.heading.clone(),
        window: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            format!("…{}还款{}…", "甲".repeat(4), "乙".repeat(12))
        );
        // Latin text: as many bytes, cut between words.
        let text = "Including portions of a file is done with the include link, e.g. relevant parts of the source code of a chapter.";
        let at = find_folded(text, "file").unwrap();
        assert_eq!(
            window(text, at, WINDOW_BEFORE),
            "…of a file is done with the include link, e.g.…"
        );
        assert_eq!(window("还款\n成功", 0..6, WINDOW_BEFORE), "还款 成功");
        assert_eq!(window("开头的文字", 0..0, 0), "开头的文字");
    }

    proptest::proptest! {
        /// Any text and any part of it as the term: a window on char boundaries, holding it.
        #[test]
        fn any_window_holds_its_term(text in "\\PC{0,80}", a in 0usize..80, n in 0usize..10) {
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let from = starts[a % starts.len()];
            let to = starts[(a + n).min(starts.len() - 1)];
            let w = window(&text, from..to, WINDOW_BEFORE);
            let term = text[from..to].replace('\n', " ");
            proptest::prop_assert!(w.contains(term.trim()), "{w:?} lacks {term:?}");
        }
    }
}
