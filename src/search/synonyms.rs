//! Synonyms from the config (`search.synonyms: [[遗失, 落在车上, 丢了], [注销, 销户]]`): an
//! article that says one member of a group is also found by the others, weighted below the
//! words it really uses. Expanded at build time, into the article's terms, so the client needs
//! no list and a query loads no more shards.

use crate::tokenize;

/// How much a synonym counts against the word itself.
pub(super) const WEIGHT: f32 = 0.5;

/// For each member of `groups` that `text` (folded, simplified) does not say while another
/// member of its group is said: the member and how often its group was said (at most 3).
pub(super) fn implied<'g>(groups: &'g [Vec<String>], text: &str) -> Vec<(&'g str, usize)> {
    let mut out = Vec::new();
    for group in groups {
        let counts: Vec<usize> = group.iter().map(|m| occurrences(text, m)).collect();
        let said: usize = counts.iter().sum();
        if said == 0 {
            continue;
        }
        for (m, c) in group.iter().zip(&counts) {
            if *c == 0 {
                out.push((m.as_str(), said.min(3)));
            }
        }
    }
    out
}

/// How often `member` (folded here) occurs in `text`: as a substring for Chinese, as whole
/// words for Latin.
fn occurrences(text: &str, member: &str) -> usize {
    let member: String = member.trim().chars().map(tokenize::fold).collect();
    if member.is_empty() {
        return 0;
    }
    if member.chars().any(tokenize::is_cjk) {
        return text.matches(member.as_str()).count();
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !tokenize::is_cjk(c));
    text.match_indices(member.as_str())
        .filter(|(i, m)| {
            !word(text[..*i].chars().next_back()) && !word(text[i + m.len()..].chars().next())
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_not_said_are_implied_by_those_said() {
        let groups = vec![
            vec!["遗失".to_owned(), "落在车上".to_owned(), "丢了".to_owned()],
            vec!["注销".to_owned(), "销户".to_owned()],
            vec!["VPN".to_owned(), "代理".to_owned()],
        ];
        let got = implied(&groups, "手机遗失后，先冻结账户。遗失不等于注销。");
        assert_eq!(got, [("落在车上", 2), ("丢了", 2), ("销户", 1)]);
        // Latin members are whole words.
        assert!(implied(&groups, "openvpn 的设置").is_empty());
        assert_eq!(implied(&groups, "使用 vpn 时"), [("代理", 1)]);
    }
}
