//! Heading attributes written with other delimiters than `{…}`: VitePress lets a site choose
//! markdown-it-attrs' (`markdown.attrs.leftDelimiter`), and Pinia's docs chose `%{` and `}%`
//! (`## 选项 %{#option-stores}%`). Read as `{…}`, the id is the one links use; left as written,
//! `%{#…}%` showed in every title, heading, menu and search result, and 106 links missed.

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
    use super::percent_braces;

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
