//! How titles sort for a reader when the author gave no order: a Chinese reader looks for 安装
//! before 登录 before 注册, by pinyin as a dictionary or a phone's contact list orders them, not
//! by where the characters happen to sit in Unicode (注册 < 登录 < 安装 there). For every
//! language: numbers by value (第 2 章 before 第 10 章), letters regardless of case, spaces and
//! punctuation only breaking ties.
//!
//! The order follows the Unicode collation's for Chinese: digits, then Latin letters, then other
//! scripts, then Chinese characters by pinyin and tone. Below every stage: it imports nothing of
//! the crate.

use pinyin::ToPinyin;

/// Unit kinds, in the order they sort.
const NUMBER: u8 = 1;
const LETTER: u8 = 2;
const OTHER: u8 = 3;
const HAN: u8 = 4;

/// A title's sort key: compared byte by byte, it gives the reader's order. Keys are made once
/// per title, as a sort compares each title many times.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortKey(Vec<u8>);

/// The sort key of `text`; `pinyin`: Chinese characters sort by their reading (a Chinese site),
/// else by code point after every other script.
pub fn key(text: &str, pinyin: bool) -> SortKey {
    let mut k = Vec::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            // A run of digits by value: its length without leading zeros, then the digits.
            let mut digits = String::from(c);
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            let digits = digits.trim_start_matches('0');
            k.push(NUMBER);
            k.push(digits.len().min(255) as u8);
            k.extend_from_slice(digits.as_bytes());
        } else if c.is_alphabetic() && c.is_ascii() {
            k.push(LETTER);
            k.push(c.to_ascii_lowercase() as u8);
        } else if let Some(p) = pinyin.then(|| c.to_pinyin()).flatten() {
            // The syllable, ended so that "an" sorts before "ang", then its tone (妈 mā before
            // 马 mǎ), then the character among those read alike.
            let toned = p.with_tone_num_end();
            let (syllable, tone) = toned.split_at(toned.len() - 1);
            let (syllable, tone) = if tone.as_bytes()[0].is_ascii_digit() {
                (syllable, tone)
            } else {
                (toned, "5")
            };
            k.push(HAN);
            k.extend_from_slice(syllable.as_bytes());
            k.push(0);
            k.extend_from_slice(tone.as_bytes());
            push_char(&mut k, c);
        } else if c.is_alphanumeric() {
            k.push(OTHER);
            for l in c.to_lowercase() {
                push_char(&mut k, l);
            }
        }
        // Spaces, punctuation and symbols only break ties (see `compare`).
    }
    SortKey(k)
}

fn push_char(k: &mut Vec<u8>, c: char) {
    // UTF-8 keeps code point order and no encoding is the start of another.
    let mut buf = [0u8; 4];
    k.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use super::key;

    /// Two titles in the reader's order, ties broken by the text itself, as callers do.
    fn compare(a: &str, b: &str, pinyin: bool) -> Ordering {
        key(a, pinyin).cmp(&key(b, pinyin)).then_with(|| a.cmp(b))
    }

    fn sorted(titles: &[&str], pinyin: bool) -> Vec<String> {
        let mut v: Vec<String> = titles.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| compare(a, b, pinyin));
        v
    }

    #[test]
    fn chinese_titles_sort_by_pinyin_and_tone() {
        assert_eq!(
            sorted(
                &["注册账号", "登录", "安装应用", "绑定银行卡", "关闭微粒贷"],
                true
            ),
            ["安装应用", "绑定银行卡", "登录", "关闭微粒贷", "注册账号"]
        );
        // an before ang; mā (妈) before mǎ (马); 银行 before 隐私 (yin2 before yin3).
        assert_eq!(sorted(&["昂贵", "安全"], true), ["安全", "昂贵"]);
        assert_eq!(sorted(&["马", "妈"], true), ["妈", "马"]);
        assert_eq!(
            sorted(&["隐私设置", "银行卡"], true),
            ["银行卡", "隐私设置"]
        );
    }

    #[test]
    fn numbers_by_value_letters_before_chinese_case_ignored() {
        assert_eq!(
            sorted(&["第10章", "第2章", "第1章"], true),
            ["第1章", "第2章", "第10章"]
        );
        assert_eq!(
            sorted(&["安装", "iOS 设置", "API 参考", "2FA 验证"], true),
            ["2FA 验证", "API 参考", "iOS 设置", "安装"]
        );
        assert_eq!(
            sorted(&["banana", "Apple", "cherry"], false),
            ["Apple", "banana", "cherry"]
        );
        assert_eq!(
            sorted(&["v1.10", "v1.9", "v1.09"], false),
            ["v1.09", "v1.9", "v1.10"]
        );
    }

    #[test]
    fn without_pinyin_chinese_keeps_code_point_order_after_latin() {
        assert_eq!(
            sorted(&["登录", "安装", "Zoom"], false),
            ["Zoom", "安装", "登录"]
        );
    }

    proptest::proptest! {
        /// Any title has a key, and the order is total: two titles compare opposite ways round,
        /// and only equal titles compare equal.
        #[test]
        fn any_titles_have_a_total_order(a in "[0-9a-zA-Z 安登注马妈銀、。.\\-\u{0}-\u{10ffff}]{0,12}", b in "[0-9a-zA-Z 安登注马妈、。.\\-\u{0}-\u{10ffff}]{0,12}", pinyin: bool) {
            let ab = compare(&a, &b, pinyin);
            proptest::prop_assert_eq!(ab, compare(&b, &a, pinyin).reverse());
            proptest::prop_assert_eq!(ab == Ordering::Equal, a == b);
        }
    }

    #[test]
    fn punctuation_and_spaces_only_break_ties() {
        assert_eq!(
            sorted(&["「登录」问题", "安装：准备", "安装 准备"], true),
            ["安装 准备", "安装：准备", "「登录」问题"]
        );
        let (a, b) = ("a-b", "a b");
        assert_ne!(compare(a, b, true), Ordering::Equal);
    }
}
