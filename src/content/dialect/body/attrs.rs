//! Heading attributes written with other delimiters than `{…}`: VitePress lets a site choose
//! markdown-it-attrs' (`markdown.attrs.leftDelimiter`), and Pinia's docs chose `%{` and `}%`
//! (`## 选项 %{#option-stores}%`). Read as `{…}`, the id is the one links use; left as written,
//! `%{#…}%` showed in every title, heading, menu and search result, and 106 links missed.

/// `line` without the attribute lists of Python-Markdown's attr_list (MkDocs), kramdown and
/// goldmark that follow a link, an image, emphasis or an icon (`[开始](x.md){ .md-button }`,
/// `![](a.png){ width="300" }`, `:material-clock:{ .lg }`)
/// or stand on a line of their own under a block (`{ .annotate }`, `{: .note }`): they style
/// what is kept, and showed as text (Material's docs: 64 on 19 pages). Code spans keep theirs;
/// a heading's are its id, read where headings are. The lists taken out come back too.
pub(super) fn without_lists(line: &str) -> Option<(String, Vec<String>)> {
    if !line.contains('{') {
        return None;
    }
    let trimmed = line.trim();
    if trimmed.starts_with('{') && list_len(trimmed) == Some(trimmed.len()) {
        return Some((String::new(), vec![trimmed.to_owned()]));
    }
    let mut out = String::with_capacity(line.len());
    let mut taken = Vec::new();
    // Code spans and TeX (`$x_{i=1}$`) keep their braces.
    let (mut in_code, mut in_math) = (false, false);
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        match c {
            '`' => in_code = !in_code,
            '$' if !in_code && !rest.starts_with("$$") => in_math = !in_math,
            _ => {}
        }
        // After a link or an image, emphasis and a space, or an icon's shortcode
        // (`:material-x:{ .lg }`).
        let closes = match c {
            ')' | ']' => true,
            // Emphasis that ends here (`*作者* {…}`), not a lone `5 * {#n}`.
            '*' | '_' => out.chars().next_back().is_some_and(|p| !p.is_whitespace()),
            // An icon's shortcode (`:material-x:{…}`).
            ':' => is_shortcode_end(&out),
            _ => false,
        };
        let after_inline = !in_code && !in_math && closes;
        out.push(c);
        rest = &rest[c.len_utf8()..];
        if after_inline {
            let spaced = match c {
                ':' => Some(rest),
                '*' | '_' => rest.strip_prefix(' '),
                _ => Some(rest.strip_prefix(' ').unwrap_or(rest)),
            };
            let Some(spaced) = spaced else {
                continue;
            };
            if let Some(len) = spaced.starts_with('{').then(|| list_len(spaced)).flatten() {
                taken.push(spaced[..len].to_owned());
                rest = &spaced[len..];
            }
        }
    }
    (!taken.is_empty()).then_some((out, taken))
}

/// Whether `before` (the text before a `:`) ends with `:name`, so the `:` closes a shortcode.
fn is_shortcode_end(before: &str) -> bool {
    let name = before
        .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+'));
    name.len() < before.len() && name.ends_with(':')
}

/// The length of the attribute list `s` starts with (`{ .a #b key="v w" }`, `{: .a}`): only
/// classes, ids and `key=value`s, so text in braces (`{ foo }`, `{{ var }}`) is none.
fn list_len(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('{')?;
    let end = inner.find('}')?;
    // A quoted value may hold `}`: look past the quotes.
    let mut i = 0;
    let bytes = inner.as_bytes();
    let mut close = None;
    let mut quote = None;
    while i < bytes.len() {
        match (bytes[i], quote) {
            (b'"' | b'\'', None) => quote = Some(bytes[i]),
            (q, Some(open)) if q == open => quote = None,
            (b'}', None) => {
                close = Some(i);
                break;
            }
            _ => {}
        }
        i += 1;
    }
    let close = close.unwrap_or(end);
    let body = inner[..close].trim();
    let body = body.strip_prefix(':').unwrap_or(body).trim();
    if body.is_empty() || !tokens_are_attributes(body) {
        return None;
    }
    Some(close + 2)
}

fn tokens_are_attributes(body: &str) -> bool {
    let name = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
    };
    let mut rest = body;
    while !rest.is_empty() {
        let token_end = match rest.find('=') {
            Some(eq) if !rest[..eq].contains(char::is_whitespace) => {
                let value = &rest[eq + 1..];
                match value.chars().next() {
                    Some(q @ ('"' | '\'')) => match value[1..].find(q) {
                        Some(close) => eq + 1 + close + 2,
                        None => return false,
                    },
                    _ => eq + 1 + value.find(char::is_whitespace).unwrap_or(value.len()),
                }
            }
            _ => rest.find(char::is_whitespace).unwrap_or(rest.len()),
        };
        let token = &rest[..token_end];
        let ok = match token.split_once('=') {
            Some((key, _)) => name(key),
            None => (token.starts_with('.') || token.starts_with('#')) && name(&token[1..]),
        };
        if !ok {
            return false;
        }
        rest = rest[token_end..].trim_start();
    }
    true
}

/// `line` (a heading's, or a title's text) with a trailing `%{…}%` written `{…}`.
pub(super) fn percent_braces(line: &str) -> Option<String> {
    let end = line.trim_end();
    let inner = end.strip_suffix("}%")?;
    let at = inner.rfind("%{")?;
    let attrs = &inner[at + 2..];
    // Attributes, not text that happens to end so: an id, a class or a key=value.
    let first = attrs.trim_start().chars().next()?;
    if !(first == '#' || first == '.' || attrs.contains('=')) || attrs.contains(['{', '}']) {
        return None;
    }
    Some(format!("{}{{{}}}", &inner[..at], attrs))
}

#[cfg(test)]
mod tests {
    use super::{percent_braces, without_lists};

    #[test]
    fn attribute_lists_after_links_and_on_their_own_line_go() {
        let take = |l: &str| without_lists(l).map(|(line, lists)| (line, lists.join("|")));
        assert_eq!(
            take(
                "[开始](x.md){ .md-button .md-button--primary } 或 ![图](a.png) {: width=\"300\" }"
            ),
            Some((
                "[开始](x.md) 或 ![图](a.png)".into(),
                "{ .md-button .md-button--primary }|{: width=\"300\" }".into()
            ))
        );
        assert_eq!(
            take("[x][ref]{ style=\"color: red; }\" #top }"),
            Some(("[x][ref]".into(), "{ style=\"color: red; }\" #top }".into()))
        );
        assert_eq!(
            take("  { .annotate }"),
            Some((String::new(), "{ .annotate }".into()))
        );
        assert_eq!(
            take("- :material-clock:{ .lg .middle } __快__ *作者* { .heart }"),
            Some((
                "- :material-clock: __快__ *作者*".into(),
                "{ .lg .middle }|{ .heart }".into()
            ))
        );
        for kept in [
            "`[x](y){ .a }` 是代码",
            "[x](y) { foo }",
            "[x](y){{ var }}",
            "函数 f(x) {",
            "{ a: 1 }",
            "## 标题 { #id }",
            "[x](y){ .a",
            "key: { .a }",
            "$\\sum \\limits _{i=1}^{n}$",
            "x_{i=1}",
            "5 * {#n} items",
            "Field :{#anchor}",
        ] {
            assert_eq!(take(kept), None, "{kept}");
        }
    }

    #[test]
    fn percent_braces_are_attributes() {
        assert_eq!(
            percent_braces("## 选项 %{#option-stores}%").as_deref(),
            Some("## 选项 {#option-stores}")
        );
        assert_eq!(
            percent_braces("# 定义 Store %{#defining-a-store .x}%  ").as_deref(),
            Some("# 定义 Store {#defining-a-store .x}")
        );
        for not in [
            "## 100%",
            "## a %{b}%",
            "## 折扣 %{%",
            "## x }%",
            "## %{#a}b}%",
        ] {
            assert_eq!(percent_braces(not), None, "{not}");
        }
    }
}
