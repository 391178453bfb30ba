//! The order of a section's articles and sub-sections: the navigation file's, then weights,
//! numbers in file names, dates and titles.

use super::{Article, Section};
use crate::collate::SortKey;
use crate::content::{DateInfo, Weight};
use crate::i18n::Locale;

/// Lists each section's articles, in `order`, and orders its sub-sections the same way (without
/// dates: the navigation file, weight, number, title).
///
/// `by_name`: the last resort is the file or folder name, not the title, as in Docusaurus
/// (Volcano's docs came out in the code-point order of their Chinese titles: 云 < 多 < 层).
/// Titles and names sort as the site language's readers expect (`Locale::title_key`).
pub(super) fn order_sections(
    sections: &mut [Section],
    articles: &[Article],
    by_name: bool,
    locale: &Locale,
) {
    for (idx, a) in articles.iter().enumerate() {
        sections[a.section].articles.push(idx);
    }
    let titles: Vec<SortKey> = articles
        .iter()
        .map(|a| {
            locale.title_key(if by_name {
                &a.source.rel
            } else {
                &a.source.title
            })
        })
        .collect();
    for s in sections.iter_mut() {
        s.articles.sort_by(|&x, &y| {
            order(&articles[x], &articles[y])
                .then_with(|| titles[x].cmp(&titles[y]))
                .then_with(|| articles[x].source.rel.cmp(&articles[y].source.rel))
        });
    }
    // (navigation order, weight, number prefix, title or name, the same as written) of each
    // section.
    type Key = (Option<usize>, Option<Weight>, Option<u64>, SortKey, String);
    let keys: Vec<Key> = sections
        .iter()
        .map(|s| {
            let last = if by_name {
                s.dir.clone()
            } else {
                s.title.clone()
            };
            (
                s.nav_order,
                s.weight,
                s.prefix,
                locale.title_key(&last),
                last,
            )
        })
        .collect();
    for s in sections.iter_mut() {
        s.subsections.sort_by(|&x, &y| {
            let (a, b) = (&keys[x], &keys[y]);
            first_some(a.0, b.0)
                .then_with(|| first_some(a.1, b.1))
                .then_with(|| first_some(a.2, b.2))
                .then_with(|| a.3.cmp(&b.3))
                .then_with(|| a.4.cmp(&b.4))
        });
    }
}

pub(super) fn newest_first(a: Option<DateInfo>, b: Option<DateInfo>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.at.cmp(&x.at),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// Articles in a section: the navigation file's order, then weight, then the file name's
/// number, then newest first; the caller then compares titles (the file name on a Docusaurus
/// site).
fn order(a: &Article, b: &Article) -> std::cmp::Ordering {
    let (x, y) = (&a.source, &b.source);
    first_some(a.nav_order, b.nav_order)
        .then_with(|| first_some(x.front.weight, y.front.weight))
        .then_with(|| first_some(a.prefix, b.prefix))
        .then_with(|| newest_first(x.date, y.date))
}

/// Ascending, the ones without a value last.
fn first_some<T: Ord>(a: Option<T>, b: Option<T>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}
