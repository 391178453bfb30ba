//! Turning text into terms, the same way for related articles and for search.
//!
//! Chinese has no spaces, and no dictionary is shipped, so runs of CJK characters become
//! overlapping character bigrams: any substring of two or more characters of the text is then a
//! sequence of the text's bigrams, which is what makes substring queries find their article.
//! A lone CJK character between non-CJK text is kept as a unigram. Latin letters and digits form
//! words, case-folded; full-width forms (ＡＢＣ１２３) are folded to their ASCII forms first.

/// One term and its position (in terms) within the text, for phrase/adjacency scoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub pos: u32,
}

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

/// Splits `text` into terms with positions.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut pos = 0u32;
    let mut word = String::new();
    let mut run: Vec<char> = Vec::new();
    let flush_word = |word: &mut String, out: &mut Vec<Token>, pos: &mut u32| {
        if !word.is_empty() {
            out.push(Token {
                term: std::mem::take(word),
                pos: *pos,
            });
            *pos += 1;
        }
    };
    let flush_run = |run: &mut Vec<char>, out: &mut Vec<Token>, pos: &mut u32| {
        match run.len() {
            0 => {}
            1 => {
                out.push(Token {
                    term: run[0].to_string(),
                    pos: *pos,
                });
                *pos += 1;
            }
            _ => {
                for w in run.windows(2) {
                    out.push(Token {
                        term: w.iter().collect(),
                        pos: *pos,
                    });
                    *pos += 1;
                }
            }
        }
        run.clear();
    };
    for c in text.chars().map(fold) {
        if is_cjk(c) {
            flush_word(&mut word, &mut out, &mut pos);
            run.push(c);
        } else if is_word_char(c) {
            flush_run(&mut run, &mut out, &mut pos);
            word.push(c);
        } else {
            flush_word(&mut word, &mut out, &mut pos);
            flush_run(&mut run, &mut out, &mut pos);
        }
    }
    flush_word(&mut word, &mut out, &mut pos);
    flush_run(&mut run, &mut out, &mut pos);
    out
}

/// Just the terms.
pub fn terms(text: &str) -> impl Iterator<Item = String> {
    tokenize(text).into_iter().map(|t| t.term)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        terms(s).collect()
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

    #[test]
    fn positions_are_consecutive() {
        let p: Vec<u32> = tokenize("微粒贷 app").iter().map(|t| t.pos).collect();
        assert_eq!(p, [0, 1, 2]);
    }
}
