//! Turning text into terms, the same way for related articles and for search.
//!
//! Chinese has no spaces, and no dictionary is shipped, so runs of CJK characters become
//! overlapping character bigrams: any substring of two or more characters of the text is then a
//! sequence of the text's bigrams, which is what makes substring queries find their article.
//! A lone CJK character between non-CJK text is kept as a unigram. Latin letters and digits form
//! words, case-folded; full-width forms (ＡＢＣ１２３) are folded to their ASCII forms first.

/// True for characters written without spaces between words (Han, kana, Hangul syllables).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF
        | 0x3040..=0x309F | 0x30A0..=0x30FF | 0xAC00..=0xD7AF | 0x3005 | 0x3007)
}

/// Full-width ASCII variants and the ideographic space folded to ASCII, then lower-cased.
pub fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if is_cjk(c) {
        // Most characters of a Chinese page: they have no case, and the lookup of one costs.
        c
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// Calls `f` with each term of `text`, without allocating per term: the hot path of
/// related-article scoring and of the search index.
pub fn each_term(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    // Where the last CJK character of the current run starts in `text`: folding leaves CJK
    // characters as they are, so a bigram is a slice of the text itself.
    let mut prev: Option<usize> = None;
    let mut run_len = 0usize;
    for (i, original) in text.char_indices() {
        // Most characters of a Chinese page are common ideographs, which fold to themselves:
        // told apart first, they skip `fold`'s cases and a second range test.
        let (c, cjk) = if ('\u{4E00}'..='\u{9FFF}').contains(&original) {
            (original, true)
        } else {
            let c = fold(original);
            (c, is_cjk(c))
        };
        if cjk {
            if !word.is_empty() {
                f(&word);
                word.clear();
            }
            if let Some(p) = prev {
                f(&text[p..i + original.len_utf8()]);
            }
            prev = Some(i);
            run_len += 1;
        } else {
            if let (1, Some(p)) = (run_len, prev) {
                f(&text[p..i]);
            }
            prev = None;
            run_len = 0;
            if is_word_char(c) {
                word.push(c);
            } else if !word.is_empty() {
                f(&word);
                word.clear();
            }
        }
    }
    if let (1, Some(p)) = (run_len, prev) {
        f(&text[p..]);
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// The most terms a page's term map is sized for before it is read (64k: 2–4 MB): past that
/// it grows as terms come. Sized from the page's length alone, a huge file that repeats a few
/// words would reserve gigabytes.
const MAX_PRESIZED_TERMS: usize = 1 << 16;

/// How many distinct terms to size a term map for, for `bytes` of text with about one per
/// `bytes_per_term`: sized once, the map is rarely rehashed as it is filled.
pub fn presized_terms(bytes: usize, bytes_per_term: usize) -> usize {
    (bytes / bytes_per_term.max(1)).min(MAX_PRESIZED_TERMS)
}

/// Characters that join the words of a name into one: `tidb_gc_life_time`, `import.meta.glob`,
/// `max-replicas`.
pub const JOINERS: [char; 3] = ['_', '.', '-'];
/// Longer runs are paths, URLs or hashes, not names readers type.
const COMPOUND_MAX_BYTES: usize = 64;

/// Calls `f` with each name of `text` whose words are joined by one `_`, `.` or `-` each
/// (`tidb_gc_life_time`, folded like the terms): the terms split it into common words (`tidb`,
/// `gc`, `life`, `time`), and only the whole name tells the page that defines it from the
/// hundreds that use its words. At least one letter (not `2024-04-07`), at most
/// `COMPOUND_MAX_BYTES`; the joiners at either end are not part of it (`_tidb_rowid`, a
/// sentence's last period). search.js `compounds` does the same.
pub fn each_compound(text: &str, mut f: impl FnMut(&str)) {
    let mut name = String::new();
    let mut words = 0usize;
    // The name so far ends in a joiner (kept until a word follows it).
    let mut joined = false;
    let mut flush = |name: &mut String, words: &mut usize, joined: &mut bool| {
        if *joined {
            name.pop();
        }
        if *words >= 2
            && name.len() <= COMPOUND_MAX_BYTES
            && name.chars().any(|c| c.is_alphabetic())
        {
            f(name);
        }
        name.clear();
        *words = 0;
        *joined = false;
    };
    let mut in_word = false;
    for c in text.chars().map(fold) {
        if !is_cjk(c) && is_word_char(c) {
            if !in_word {
                if !joined && !name.is_empty() {
                    flush(&mut name, &mut words, &mut joined);
                }
                words += 1;
                in_word = true;
                joined = false;
            }
            name.push(c);
        } else if JOINERS.contains(&c) && in_word {
            name.push(c);
            joined = true;
            in_word = false;
        } else {
            flush(&mut name, &mut words, &mut joined);
            in_word = false;
        }
    }
    flush(&mut name, &mut words, &mut joined);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The short cut for CJK characters folds them as `to_lowercase` would: not at all.
    #[test]
    fn cjk_characters_fold_to_themselves() {
        for c in (0..=0x2FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_cjk(c))
        {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
            assert_eq!(fold(c), c);
        }
    }

    fn t(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_term(s, |t| out.push(t.to_owned()));
        out
    }

    #[test]
    fn chinese_bigrams() {
        assert_eq!(t("关闭微粒贷"), ["关闭", "闭微", "微粒", "粒贷"]);
        assert_eq!(t("贷"), ["贷"]);
        assert_eq!(t("注意事项：还款"), ["注意", "意事", "事项", "还款"]);
    }

    #[test]
    fn latin_case_and_width_folded() {
        assert_eq!(t("Face ID"), ["face", "id"]);
        assert_eq!(t("ＦＡＣＥ　ＩＤ"), ["face", "id"]);
        assert_eq!(t("Promise.all()"), ["promise", "all"]);
        assert_eq!(t("WeChat支付"), ["wechat", "支付"]);
        assert_eq!(t("2024年4月"), ["2024", "年", "4", "月"]);
    }

    /// The terms as the tokenizer's doc comment defines them, spelled out over the folded
    /// characters: bigrams are read from the text unfolded, so this says the two agree.
    fn terms_by_definition(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().map(fold).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let start = i;
            if is_cjk(chars[i]) {
                while i < chars.len() && is_cjk(chars[i]) {
                    i += 1;
                }
                match i - start {
                    1 => out.push(chars[start].to_string()),
                    _ => out.extend(chars[start..i].windows(2).map(|w| w.iter().collect())),
                }
            } else if is_word_char(chars[i]) {
                while i < chars.len() && is_word_char(chars[i]) {
                    i += 1;
                }
                out.push(chars[start..i].iter().collect());
            } else {
                i += 1;
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn terms_are_the_folded_words_and_cjk_bigrams(
            s in "([a-zA-Z0-9 ，。ＡＢ１　_.-]|[\\u{3040}-\\u{30ff}]|[\\u{4e00}-\\u{4e20}]|[\\u{ac00}-\\u{ac05}]|[\\u{20000}-\\u{20003}]|\\PC){0,40}"
        ) {
            proptest::prop_assert_eq!(t(&s), terms_by_definition(&s));
        }
    }

    /// The cases search.js is tested on too (tests/browser/search-engine.test.mjs).
    #[test]
    fn shared_cases() {
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../tests/fixtures/tokenizer-cases.json")).unwrap();
        assert!(cases.len() >= 10);
        for c in cases {
            let text = c["text"].as_str().unwrap();
            let want: Vec<&str> = c["terms"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap())
                .collect();
            assert_eq!(t(text), want, "tokenizing {text:?}");
        }
    }

    fn names(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_compound(s, |t| out.push(t.to_owned()));
        out
    }

    #[test]
    fn names_joined_by_underscores_dots_and_hyphens() {
        assert_eq!(names("设置 tidb_gc_life_time 为"), ["tidb_gc_life_time"]);
        assert_eq!(
            names("`Promise.all()` 和 import.meta.glob。"),
            ["promise.all", "import.meta.glob"]
        );
        assert_eq!(names("见 vite.config.ts."), ["vite.config.ts"]);
        assert_eq!(
            names("_tidb_rowid 与 max-replicas"),
            ["tidb_rowid", "max-replicas"]
        );
        // Not names: one word, two joiners in a row, no letter, too long, across Chinese.
        assert_eq!(names("tidb a__b x..y 2024-04-07 1.5"), Vec::<String>::new());
        assert_eq!(names(&"ab.".repeat(40)), Vec::<String>::new());
        assert_eq!(names("a_b中c_d"), ["a_b", "c_d"]);
        assert_eq!(names("ＴｉＤＢ_ＧＣ"), ["tidb_gc"]);
    }

    /// The cases search.js is tested on too, with the shard bucket of each name.
    #[test]
    fn shared_name_cases() {
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../tests/fixtures/name-cases.json")).unwrap();
        assert!(cases.len() >= 8);
        for c in cases {
            let text = c["text"].as_str().unwrap();
            let strings = |key: &str| -> Vec<String> {
                c[key]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap().to_owned())
                    .collect()
            };
            let got = names(text);
            assert_eq!(got, strings("names"), "names of {text:?}");
            let buckets: Vec<&str> = got.iter().map(|n| crate::search::bucket_key(n)).collect();
            assert_eq!(buckets, strings("buckets"), "buckets of {text:?}");
        }
    }

    #[test]
    fn mixed_runs() {
        assert_eq!(t("a贷b"), ["a", "贷", "b"]);
        assert_eq!(t("微粒贷APP还款"), ["微粒", "粒贷", "app", "还款"]);
        assert_eq!(t("，"), Vec::<String>::new());
    }
}
