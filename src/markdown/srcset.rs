//! `srcset` (`<img>`, `<picture><source>`): a list of `url [descriptor]` candidates, each URL of
//! which a browser may fetch, so each is rewritten, published and checked as a `src` is.

use std::ops::Range;

/// Where each candidate's URL is in `value`, read as browsers read it (the HTML standard's
/// "parse a srcset attribute"): a URL runs to the next whitespace, so a comma inside it (a
/// `data:` URL, `a,b.png`) stays part of it, and only commas at its end separate it; the
/// descriptors after it run to the next comma outside parentheses.
pub(super) fn urls(value: &str) -> Vec<Range<usize>> {
    let b = value.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
            i += 1;
        }
        if i >= b.len() {
            return found;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut end = i;
        let ends_with_comma = b[end - 1] == b',';
        while end > start && b[end - 1] == b',' {
            end -= 1;
        }
        if end > start {
            found.push(start..end);
        }
        if ends_with_comma {
            continue;
        }
        let mut depth = 0usize;
        while i < b.len() {
            match b[i] {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => break,
                _ => {}
            }
            i += 1;
        }
    }
}

/// `value` with each candidate's URL replaced by what `rewrite` gives for it (`None` keeps it
/// as written); descriptors and separators stay as they were.
pub(super) fn rewrite(value: &str, mut rewrite: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(value.len());
    let mut last = 0;
    for r in urls(value) {
        out.push_str(&value[last..r.start]);
        let url = &value[r.clone()];
        match rewrite(url) {
            Some(new) => out.push_str(&new),
            None => out.push_str(url),
        }
        last = r.end;
    }
    out.push_str(&value[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn list(value: &str) -> Vec<&str> {
        urls(value).into_iter().map(|r| &value[r]).collect()
    }

    #[test]
    fn candidates_as_browsers_read_them() {
        assert_eq!(
            list("shot.png 1x, shot@2x.png 2x"),
            ["shot.png", "shot@2x.png"]
        );
        assert_eq!(list("shot.webp"), ["shot.webp"]);
        assert_eq!(
            list(" a.png, b.png , c.png 100w"),
            ["a.png", "b.png", "c.png"]
        );
        assert_eq!(list("a,b.png 2x"), ["a,b.png"]);
        assert_eq!(list("a.png 1x,b.png 2x"), ["a.png", "b.png"]);
        assert_eq!(list("a.png (x, y), b.png"), ["a.png", "b.png"]);
        assert_eq!(list(", ,"), Vec::<&str>::new());
        assert_eq!(
            rewrite("a.png 1x, b.png 2x", |u| Some(format!("../{u}"))),
            "../a.png 1x, ../b.png 2x"
        );
    }

    proptest! {
        /// Any value: no panic, the URLs found are pieces of it in order without whitespace
        /// or a trailing comma, and rewriting nothing gives the value back.
        #[test]
        fn any_value(value in "[a-z ,()@./:\u{3000}图x0-9\t]{0,40}") {
            let found = urls(&value);
            let mut last = 0;
            for r in &found {
                prop_assert!(r.start >= last && r.end > r.start);
                let url = &value[r.clone()];
                prop_assert!(!url.bytes().any(|b| b.is_ascii_whitespace()));
                prop_assert!(!url.ends_with(',') && !url.starts_with(','));
                last = r.end;
            }
            prop_assert_eq!(rewrite(&value, |_| None), value.clone());
        }
    }
}
