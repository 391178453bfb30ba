//! Traditional characters read as simplified ones, so `發票` finds 发票 and a site written in
//! traditional characters is found by simplified queries. The index holds every text in its
//! simplified form; the client converts queries with the same table, which the build writes for
//! the characters this site's text uses (`search/t2s.js`), and loads only when a query's
//! Chinese finds nothing as typed.
//!
//! The mapping is character by character (a word-level converter would give the client a
//! dictionary to download), derived once from `character_converter`'s table.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Traditional (or variant) character → its simplified form, for every character that differs.
static TO_SIMPLIFIED: LazyLock<FxHashMap<char, char>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    let mut buf = [0u8; 4];
    for cp in (0x3400u32..=0x4DBF)
        .chain(0x4E00..=0x9FFF)
        .chain(0xF900..=0xFAFF)
    {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let s = character_converter::traditional_to_simplified(c.encode_utf8(&mut buf));
        let mut chars = s.chars();
        if let (Some(t), None) = (chars.next(), chars.next()) {
            if t != c {
                map.insert(c, t);
            }
        }
    }
    // A character that is itself the simplified form of another stays as it is: the table
    // would read 么 (怎么, 什么) as 幺, 宁 (南宁) as 㝉 and 榜 (排行榜) as 搒, which left question
    // words unrecognised and gave such titles the pinyin of another character.
    let simplified: std::collections::HashSet<char> = map.values().copied().collect();
    map.retain(|c, _| !simplified.contains(c));
    map
});

/// `c`'s simplified form (itself when it has none).
pub fn simplified(c: char) -> char {
    if (c as u32) < 0x3400 {
        return c;
    }
    TO_SIMPLIFIED.get(&c).copied().unwrap_or(c)
}

/// `text` with every character in its simplified form.
pub fn to_simplified(text: &str) -> String {
    text.chars().map(simplified).collect()
}

/// The pairs the client needs for a site whose (simplified) text uses `used`: every
/// traditional character whose simplified form is one of them, in code point order.
pub fn table_for(used: impl IntoIterator<Item = char>) -> BTreeMap<char, char> {
    let used: std::collections::HashSet<char> = used.into_iter().collect();
    TO_SIMPLIFIED
        .iter()
        .filter(|(_, s)| used.contains(s))
        .map(|(t, s)| (*t, *s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases search.js is tested on too (tests/browser/search-engine.test.mjs), with the
    /// table the build writes.
    #[test]
    fn shared_cases() {
        let cases: Vec<(String, String)> =
            serde_json::from_str(include_str!("../../tests/fixtures/t2s-cases.json")).unwrap();
        assert!(cases.len() >= 8);
        for (traditional, simplified) in cases {
            assert_eq!(to_simplified(&traditional), simplified, "{traditional}");
        }
    }

    #[test]
    fn the_table_holds_only_what_the_site_can_match() {
        let t = table_for("发票".chars());
        assert_eq!(t.get(&'發'), Some(&'发'));
        assert_eq!(t.get(&'髮'), Some(&'发'));
        assert_eq!(t.get(&'票'), None, "the same in both");
        assert!(!t.values().any(|s| *s == '环'), "环 is not in the site");
    }
}
