//! Pinyin: titles, headings and tags are also indexed by their pinyin, so `weilidai`,
//! `wei li dai`, `wēi lì dài`, `wei1 li4 dai4` and the initials `wld` find 微粒贷 — how readers
//! type on phones and in apps.
//!
//! Terms mirror the Chinese bigrams: each pair of neighbouring characters becomes `~` and their
//! two syllables (`~weili`, `~lidai`); a lone character its syllable; and every run of 2 to 5
//! characters `^` and its initials (`^wld`). A character with several readings indexes each
//! (at most three, and four combinations per term). The client segments a Latin query into
//! syllables ([`query_terms`] here, `pinyinTerms` in search.js: the same algorithm, tested on
//! the same cases) and looks these terms up beside the literal words; a pinyin match never
//! outranks a literal one.

#[cfg(test)]
use std::collections::BTreeSet;
#[cfg(test)]
use std::sync::LazyLock;

use pinyin::ToPinyinMulti;

use crate::tokenize;

/// Readings per character, at most.
const READINGS: usize = 3;
/// Spellings per term, at most (combinations of the characters' readings).
const SPELLINGS: usize = 4;
/// Initials are indexed for runs of this many characters.
const INITIALS: std::ops::RangeInclusive<usize> = 2..=5;

/// Every syllable the readings use, `ü` written `v` (as keyboards type it). Interjections without
/// a vowel (`m`, `n`, `ng`, `hm`) are left out: they would make sense of any consonants.
/// search.js lists the same (checked by a test).
#[cfg(test)]
static SYLLABLES: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    let mut set = BTreeSet::new();
    for c in (0x3400u32..=0x4DBF)
        .chain(0x4E00..=0x9FFF)
        .filter_map(char::from_u32)
    {
        for p in c.to_pinyin_multi().into_iter().flatten() {
            let s = p.plain().replace('ü', "v");
            if s.chars().any(|c| "aeiouv".contains(c)) {
                set.insert(s);
            }
        }
    }
    set
});

/// A character's readings: at most [`READINGS`], most common first (the rest are empty).
type Readings = [&'static str; READINGS];

/// The plain readings of `c`, most common first, deduplicated and bounded; none for a character
/// that is not Chinese or has no reading with a vowel.
fn readings(c: char) -> Option<Readings> {
    let mut out: Readings = [""; READINGS];
    let mut n = 0;
    for p in c.to_pinyin_multi()? {
        let s = with_v(p.plain());
        if s.chars().any(|c| "aeiouv".contains(c)) && !out[..n].contains(&s) {
            out[n] = s;
            n += 1;
        }
        if n == READINGS {
            break;
        }
    }
    (n > 0).then_some(out)
}

/// A reading with `ü` written `v`, as keyboards type it. These four are every reading with `ü`
/// (a test checks), so readings stay borrowed from the table instead of allocated per character.
fn with_v(plain: &'static str) -> &'static str {
    match plain {
        "lü" => "lv",
        "lüe" => "lve",
        "nü" => "nv",
        "nüe" => "nve",
        other => other,
    }
}

/// Calls `f` with each pinyin term of `text` (already in simplified characters).
///
/// Titles, tags and headings are the index's most repeated text, and a term per pair and per
/// run of 2–5 characters took almost half the time of analysing a page when each was formatted
/// into a string of its own: terms are written into one buffer.
pub fn each_term(text: &str, mut f: impl FnMut(&str)) {
    let mut run: Vec<Readings> = Vec::new();
    let mut buf = String::new();
    let mut flush = |run: &mut Vec<Readings>| {
        if let [one] = run.as_slice() {
            for r in one.iter().filter(|r| !r.is_empty()) {
                buf.clear();
                buf.push('~');
                buf.push_str(r);
                f(&buf);
            }
        }
        for pair in run.windows(2) {
            each_spelling(pair, '~', |r| r, &mut buf, &mut f);
        }
        for len in INITIALS {
            for part in run.windows(len) {
                each_spelling(part, '^', |r| &r[..1], &mut buf, &mut f);
            }
        }
        run.clear();
    };
    for c in text.chars().map(tokenize::fold) {
        match tokenize::is_cjk(c).then(|| readings(c)).flatten() {
            Some(r) => run.push(r),
            None => flush(&mut run),
        }
    }
    flush(&mut run);
}

/// Calls `f` with `mark` and each distinct spelling of a run of characters, each reading written
/// by `part`: at most [`SPELLINGS`], the combinations of the first readings first.
fn each_spelling(
    run: &[Readings],
    mark: char,
    part: impl Fn(&'static str) -> &'static str,
    buf: &mut String,
    f: &mut impl FnMut(&str),
) {
    // Most characters have one reading, and so the run one spelling.
    if run.iter().all(|r| r[1].is_empty()) {
        buf.clear();
        buf.push(mark);
        for r in run {
            buf.push_str(part(r[0]));
        }
        f(buf);
        return;
    }
    let mut out = vec![String::new()];
    for readings in run {
        let mut next: Vec<String> = Vec::with_capacity(SPELLINGS);
        for prefix in &out {
            for r in readings.iter().filter(|r| !r.is_empty()) {
                let mut s = String::with_capacity(prefix.len() + r.len());
                s.push_str(prefix);
                s.push_str(part(r));
                if !next.contains(&s) && next.len() < SPELLINGS {
                    next.push(s);
                }
            }
        }
        out = next;
    }
    for s in out {
        buf.clear();
        buf.push(mark);
        buf.push_str(&s);
        f(buf);
    }
}

/// The client's half, in Rust, for the shared test cases: search.js `pinyinTerms` does the same.
#[cfg(test)]
mod query {
    use super::*;

    /// A Latin query as pinyin: tone marks and tone numbers dropped, `ü` as `v`; then split into
    /// syllables (spaces and apostrophes are boundaries the reader gave; within a chunk, the
    /// fewest syllables win: `xian`, not `xi an`).
    pub(super) fn syllables(query: &str) -> Option<Vec<String>> {
        let mut chunks: Vec<String> = vec![String::new()];
        for c in query.chars().flat_map(char::to_lowercase) {
            match untoned(c) {
                Some(c) => chunks.last_mut()?.push(c),
                None if c.is_ascii_digit() || c == ' ' || c == '\'' || c == '’' || c == '-' => {
                    chunks.push(String::new())
                }
                None => return None,
            }
        }
        let mut out = Vec::new();
        for chunk in chunks.iter().filter(|c| !c.is_empty()) {
            out.extend(segment(chunk)?);
        }
        (!out.is_empty()).then_some(out)
    }

    /// A letter without its tone mark (`ǚ` → `v`), or `None` for anything else.
    fn untoned(c: char) -> Option<char> {
        Some(match c {
            'a'..='z' => c,
            'ā' | 'á' | 'ǎ' | 'à' => 'a',
            'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
            'ī' | 'í' | 'ǐ' | 'ì' => 'i',
            'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
            'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
            'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
            _ => return None,
        })
    }

    /// `chunk` as the fewest syllables, or `None` when it is no pinyin.
    fn segment(chunk: &str) -> Option<Vec<String>> {
        let n = chunk.len();
        // best[i]: the fewest syllables spelling chunk[..i], and where the last one starts.
        let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0));
        for end in 1..=n {
            for start in end.saturating_sub(6)..end {
                let (Some((count, _)), Some(s)) = (best[start], chunk.get(start..end)) else {
                    continue;
                };
                let known = SYLLABLES.contains(s) || matches!(s, "lue" | "nue");
                if known && best[end].is_none_or(|(c, _)| count + 1 < c) {
                    best[end] = Some((count + 1, start));
                }
            }
        }
        best[n]?;
        let mut out = Vec::new();
        let mut end = n;
        while end > 0 {
            let (_, start) = best[end]?;
            out.push(chunk[start..end].to_owned());
            end = start;
        }
        out.reverse();
        // `lue`/`nue` are typed for lüe/nüe.
        for s in &mut out {
            if s == "lue" || s == "nue" {
                s.replace_range(1..2, "v");
            }
        }
        Some(out)
    }

    /// The terms a Latin query looks up as pinyin: its syllables paired as Chinese bigrams are
    /// (`~weili` `~dai`… non-overlapping, the last pair for an odd count), and, for 2 to 5 letters,
    /// its initials (`^wld`).
    pub(super) fn query_terms(query: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(s) = syllables(query) {
            if s.len() == 1 {
                out.push(format!("~{}", s[0]));
            }
            let mut i = 0;
            while i + 1 < s.len() {
                out.push(format!("~{}{}", s[i], s[i + 1]));
                i += 2;
            }
            if s.len() > 2 && s.len() % 2 == 1 {
                out.push(format!("~{}{}", s[s.len() - 2], s[s.len() - 1]));
            }
        }
        let letters: String = query
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\'')
            .collect();
        if INITIALS.contains(&letters.chars().count())
            && letters.chars().all(|c| c.is_ascii_alphabetic())
        {
            out.push(format!("^{}", letters.to_ascii_lowercase()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::query::{query_terms, syllables};
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_term(text, |t| out.push(t.to_owned()));
        out
    }

    // The index's pinyin terms as first written, one string per reading and per spelling: what
    // `each_term` must give, faster.
    /// The plain readings of `c`, most common first, deduplicated and bounded.
    fn readings_by_definition(c: char) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(multi) = c.to_pinyin_multi() {
            for p in multi {
                let s = p.plain().replace('ü', "v");
                if s.chars().any(|c| "aeiouv".contains(c)) && !out.contains(&s) {
                    out.push(s);
                }
                if out.len() == READINGS {
                    break;
                }
            }
        }
        out
    }

    /// Calls `f` with each pinyin term of `text` (already in simplified characters).
    fn terms_by_definition_into(text: &str, mut f: impl FnMut(&str)) {
        let mut run: Vec<Vec<String>> = Vec::new();
        let mut flush = |run: &mut Vec<Vec<String>>| {
            if run.len() == 1 {
                for r in &run[0] {
                    f(&format!("~{r}"));
                }
            }
            for pair in run.windows(2) {
                for s in spellings_by_definition(pair, |r| r) {
                    f(&format!("~{s}"));
                }
            }
            for len in INITIALS {
                for part in run.windows(len) {
                    for s in spellings_by_definition(part, |r| &r[..1]) {
                        f(&format!("^{s}"));
                    }
                }
            }
            run.clear();
        };
        for c in text.chars().map(tokenize::fold) {
            let r = if tokenize::is_cjk(c) {
                readings_by_definition(c)
            } else {
                Vec::new()
            };
            if r.is_empty() {
                flush(&mut run);
            } else {
                run.push(r);
            }
        }
        flush(&mut run);
    }

    /// The distinct spellings of a run of characters (each a list of readings), each reading
    /// written by `part`: at most [`SPELLINGS`].
    fn spellings_by_definition(run: &[Vec<String>], part: impl Fn(&str) -> &str) -> Vec<String> {
        let mut out = vec![String::new()];
        for readings in run {
            let mut next = Vec::new();
            for prefix in &out {
                for r in readings {
                    let s = format!("{prefix}{}", part(r));
                    if !next.contains(&s) && next.len() < SPELLINGS {
                        next.push(s);
                    }
                }
            }
            out = next;
        }
        out
    }

    fn terms_by_definition(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        terms_by_definition_into(text, |t| out.push(t.to_owned()));
        out
    }

    proptest::proptest! {
        /// Runs of common characters, characters of several readings (行, 长, 重, 乐, 率, 了)
        /// and of readings with ü (女, 绿, 略, 虐), broken by Latin, punctuation, and CJK
        /// characters without a reading with a vowel (kana, Hangul, 呒 read "m") or that
        /// `fold` keeps (〇, 々).
        #[test]
        fn terms_are_those_of_the_definition(
            s in "[微粒贷银行长重乐率了女绿略虐还和a1 ，あ한呒〇々]{0,14}"
        ) {
            proptest::prop_assert_eq!(terms(&s), terms_by_definition(&s));
        }
    }

    /// Every reading of every character the tokenizer calls CJK, after `with_v`, is ASCII
    /// letters (so `&r[..1]` is its initial) and the same as the table's with every ü replaced.
    #[test]
    fn readings_are_the_tables_with_v_for_u() {
        for c in (0..=0x2FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| tokenize::is_cjk(c))
        {
            let mine: Vec<&str> = readings(c)
                .map(|r| r.into_iter().filter(|r| !r.is_empty()).collect())
                .unwrap_or_default();
            assert_eq!(mine, readings_by_definition(c), "{c}");
            assert!(
                mine.iter()
                    .all(|r| r.bytes().all(|b| b.is_ascii_lowercase())),
                "{c}: {mine:?}"
            );
        }
    }

    #[test]
    fn index_terms() {
        let t = terms("微粒贷");
        for want in ["~weili", "~lidai", "^wl", "^ld", "^wld"] {
            assert!(t.contains(&want.to_owned()), "{want} in {t:?}");
        }
        // A character with several readings indexes each: 行 is xing and hang.
        let t = terms("银行");
        assert!(t.contains(&"~yinhang".to_owned()) && t.contains(&"~yinxing".to_owned()));
        assert_eq!(terms("A"), Vec::<String>::new());
    }

    #[test]
    fn queries_are_segmented_into_syllables() {
        assert_eq!(syllables("weilidai").unwrap(), ["wei", "li", "dai"]);
        assert_eq!(syllables("wēi lì dài").unwrap(), ["wei", "li", "dai"]);
        assert_eq!(syllables("wei1li4dai4").unwrap(), ["wei", "li", "dai"]);
        assert_eq!(syllables("xian").unwrap(), ["xian"]);
        assert_eq!(syllables("xi'an").unwrap(), ["xi", "an"]);
        assert_eq!(syllables("lüe").unwrap(), ["lve"]);
        assert!(syllables("wld").is_none());
        assert!(syllables("computed").is_none());
    }

    /// The cases search.js is tested on too (tests/browser/search-engine.test.mjs): a query's
    /// terms, and the text whose index holds them all.
    #[test]
    fn shared_cases() {
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../tests/fixtures/pinyin-cases.json")).unwrap();
        assert!(cases.len() >= 8);
        for c in cases {
            let q = c["query"].as_str().unwrap();
            let want: Vec<String> = serde_json::from_value(c["terms"].clone()).unwrap();
            assert_eq!(query_terms(q), want, "{q}");
            if let Some(text) = c["finds"].as_str() {
                let index = terms(text);
                for t in &want {
                    assert!(index.contains(t), "{q}: {t} not in the index of {text}");
                }
            }
        }
    }

    /// search.js segments with the same syllables.
    #[test]
    fn search_js_knows_the_same_syllables() {
        let js = include_str!("../../static/search.js");
        let start = js
            .find("var SYLLABLES = \"")
            .expect("search.js lists SYLLABLES")
            + 17;
        let end = start + js[start..].find('"').unwrap();
        let listed: BTreeSet<String> = js[start..end].split(' ').map(str::to_owned).collect();
        assert_eq!(listed, *SYLLABLES);
    }
}
