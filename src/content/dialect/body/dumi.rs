//! dumi's embeds, alone on their line: `<embed src="../x.md"></embed>` shows another Markdown
//! file there, whole, a range of its lines (`#L1-L5`, `#L3`), or the part a regular expression
//! matches (`#RE-/<!-- site config[^]+ site config end -->/`); `<code src="./demos/a.tsx">
//! </code>` is an external demo, whose code shows as a code block. The regular expressions dumi's
//! docs use are of two forms, which are read here without a regex engine: `START[^]+END`
//! (from START through END) and `START[^X]+` (from START up to the next X).

/// What an embed line names.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Embed<'a> {
    /// `<code src>`: a demo's code, not Markdown.
    pub code: bool,
    pub path: &'a str,
    pub part: Part<'a>,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Part<'a> {
    Whole,
    /// 1-based lines, `to` included.
    Lines {
        from: usize,
        to: usize,
    },
    /// `#RE-/…/`: the pattern between the slashes.
    Matching(&'a str),
    /// `#L…` naming no lines (`#L0`, `#L5-L3`, a number too large): the fragment.
    NoLines(&'a str),
}

/// The embed `trimmed` is, when the line is one and nothing else.
pub(super) fn embed(trimmed: &str) -> Option<Embed<'_>> {
    let (code, rest) = if let Some(r) = trimmed.strip_prefix("<embed ") {
        (false, r)
    } else {
        (true, trimmed.strip_prefix("<code ")?)
    };
    let close = if code { "</code>" } else { "</embed>" };
    let rest = match rest.strip_suffix(close) {
        Some(r) => r.trim_end().strip_suffix('>')?,
        None => rest.trim_end().strip_suffix("/>")?,
    };
    let at = rest.find("src=")? + 4;
    let quote = rest[at..]
        .chars()
        .next()
        .filter(|q| matches!(q, '"' | '\''))?;
    let len = rest[at + 1..].find(quote)?;
    let src = &rest[at + 1..at + 1 + len];
    let (path, fragment) = src.split_once('#').unwrap_or((src, ""));
    if path.is_empty() || path.contains("://") {
        return None;
    }
    let part = if let Some(re) = fragment.strip_prefix("RE-") {
        Part::Matching(re.strip_prefix('/')?.strip_suffix('/')?)
    } else if let Some(lines) = fragment.strip_prefix('L') {
        let (from, to) = lines.split_once("-L").unwrap_or((lines, lines));
        match (from.parse::<usize>(), to.parse::<usize>()) {
            (Ok(from), Ok(to)) if from > 0 && to >= from => Part::Lines { from, to },
            _ => Part::NoLines(fragment),
        }
    } else {
        Part::Whole
    };
    Some(Embed { code, path, part })
}

/// The part of `text` that `pattern` (of a form dumi's docs use) matches; `None` when it
/// matches nothing or is of another form.
pub(super) fn matched<'t>(text: &'t str, pattern: &str) -> Option<&'t str> {
    if let Some((start, end)) = ["[^]+", "[\\s\\S]+", "[^]*", "[\\s\\S]*"]
        .iter()
        .find_map(|any| pattern.split_once(any))
    {
        let (start, end) = (literal(start)?, literal(end)?);
        let from = text.find(&start)?;
        let to = from + start.len() + text[from + start.len()..].find(&end)? + end.len();
        return Some(&text[from..to]);
    }
    // `START[^X]+`: from START up to the next X.
    let (start, class) = pattern.strip_suffix("]+")?.split_once("[^")?;
    let start = literal(start)?;
    let stop: Vec<char> = literal(class)?.chars().collect();
    let from = text.find(&start)?;
    let to = text[from + start.len()..]
        .find(|c| stop.contains(&c))
        .map_or(text.len(), |e| from + start.len() + e);
    Some(&text[from..to])
}

/// A regular expression's text that matches itself alone (`\/` is `/`), or `None`.
fn literal(re: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = re.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                c if c.is_ascii_alphanumeric() => return None,
                c => out.push(c),
            },
            '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '^' | '$' => {
                return None;
            }
            c => out.push(c),
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_of_dumis_docs() {
        assert_eq!(
            embed(r#"<embed src="../theme/default.md#L3-L5"></embed>"#),
            Some(Embed {
                code: false,
                path: "../theme/default.md",
                part: Part::Lines { from: 3, to: 5 }
            })
        );
        assert_eq!(
            embed(r#"<embed src="/a.md#L2" />"#).unwrap().part,
            Part::Lines { from: 2, to: 2 }
        );
        assert_eq!(
            embed(r#"<code src="./demos/cols.tsx"></code>"#),
            Some(Embed {
                code: true,
                path: "./demos/cols.tsx",
                part: Part::Whole
            })
        );
        assert_eq!(embed("<code>x</code>"), None);
        assert_eq!(
            embed(r#"<embed src="./b.md#L5-L3"></embed>"#).unwrap().part,
            Part::NoLines("L5-L3")
        );
        assert_eq!(embed(r#"<embed src="https://x.com/a.md"></embed>"#), None);
        let re =
            embed(r#"<embed src="../a.md#RE-/<!-- site config[^]+ site config end -->/"></embed>"#)
                .unwrap();
        let Part::Matching(p) = re.part else { panic!() };
        let text = "# A\n\n<!-- site config -->\n- logo\n- nav\n<!-- site config end -->\nrest";
        assert_eq!(
            matched(text, p),
            Some("<!-- site config -->\n- logo\n- nav\n<!-- site config end -->")
        );
        assert_eq!(
            matched("### render\n\ntext\n\n### next", "### render[^#]+"),
            Some("### render\n\ntext\n\n")
        );
        assert_eq!(matched("a", "^[^\\r\\n]+"), None, "another form");
        assert_eq!(matched("abc", "x[^]+y"), None);
    }
}
