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
    let mut prev: Option<char> = None; // last CJK char of the current run
    let mut run_len = 0usize;
    let mut buf = [0u8; 8];
    for c in text.chars().map(fold) {
        if is_cjk(c) {
            if !word.is_empty() {
                f(&word);
                word.clear();
            }
            if let Some(p) = prev {
                let n = p.encode_utf8(&mut buf).len();
                let m = c.encode_utf8(&mut buf[n..]).len();
                f(std::str::from_utf8(&buf[..n + m]).unwrap_or_default());
            }
            prev = Some(c);
            run_len += 1;
        } else {
            if let (1, Some(p)) = (run_len, prev) {
                f(p.encode_utf8(&mut buf));
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
        f(p.encode_utf8(&mut buf));
    }
    if !word.is_empty() {
        f(&word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn mixed_runs() {
        assert_eq!(t("a贷b"), ["a", "贷", "b"]);
        assert_eq!(t("微粒贷APP还款"), ["微粒", "粒贷", "app", "还款"]);
        assert_eq!(t("，"), Vec::<String>::new());
    }
}
