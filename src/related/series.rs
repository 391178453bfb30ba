//! Series of versions (release notes, announcements, migration guides), found by their titles,
//! so that a member can count for less outside its series.

use std::collections::HashMap;

use crate::site::Site;

/// What a member of a series counts for outside it. Release notes, "Vite N is out!" and
/// "migrating from vN" resemble and link the pages they mention, but a reader of those pages
/// rarely wants one old version's notes; a member's fellow members keep their full score.
pub(super) const SERIES_FACTOR: f32 = 0.5;
/// Titles that differ only in their numbers make a series from this many articles on.
const SERIES_MIN: usize = 3;

/// Each article's series: the articles whose titles are the same once numbers (`7.5.0`,
/// `v4`, `RC2`) are left out, when there are `SERIES_MIN` of them.
pub(super) fn series(site: &Site) -> Vec<Option<u32>> {
    let key = |title: &str| -> Option<String> {
        let mut out = String::new();
        let mut number = false;
        for c in title.chars() {
            if c.is_ascii_digit() || (number && c == '.') {
                if !number {
                    // "v4", "V4": the letter is part of the number.
                    if out.ends_with(['v', 'V']) {
                        out.pop();
                    }
                    out.push('#');
                }
                number = true;
            } else {
                number = false;
                out.push(c);
            }
        }
        out.contains('#').then_some(out)
    };
    let keys: Vec<Option<String>> = site.articles.iter().map(|a| key(&a.source.title)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for k in keys.iter().flatten() {
        *counts.entry(k.as_str()).or_default() += 1;
    }
    let mut ids: HashMap<&str, u32> = HashMap::new();
    keys.iter()
        .map(|k| {
            let k = k.as_deref()?;
            (counts[k] >= SERIES_MIN).then(|| {
                let next = ids.len() as u32;
                *ids.entry(k).or_insert(next)
            })
        })
        .collect()
}
