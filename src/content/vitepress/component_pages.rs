//! Pages a VitePress theme draws: their Markdown is a `<script setup>` and a component
//! (`<ThemePage />`), with no title and no text. Vue's docs have five (the themes and partner
//! pages). helpcenter cannot run the component, and a page without a title or a word of its own
//! would be an empty page: such a file is left out, with one note naming them, instead of failing
//! the build as an article without a title.

/// Whether `body` (a file's Markdown after its front matter) holds a Vue component and nothing a
/// reader could read: no text outside tags, `<script>`/`<style>` blocks and comments.
pub fn drawn_by_components(body: &str) -> bool {
    let mut component = false;
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c != '<' {
            return false;
        }
        let block = ["script", "style"]
            .into_iter()
            .find(|b| starts_with_ignoring_case(&rest[1..], b));
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if let Some(block) = block {
            let close = format!("</{block}>");
            find_ignoring_case(rest, &close).map(|i| i + close.len())
        } else {
            let name: String = rest[1..]
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if name.is_empty() {
                return false;
            }
            // Vue's components are PascalCase (`<ThemePage>`) or kebab-case (`<theme-page>`).
            component |= name.starts_with(|c: char| c.is_ascii_uppercase()) || name.contains('-');
            rest.find('>').map(|i| i + 1)
        };
        // An unclosed tag or block: not a page drawn by components.
        let Some(end) = end else { return false };
        rest = &rest[end..];
    }
    component
}

/// Where `needle` (ASCII) is in `s`, whatever its case, without copying `s`: lower-casing the
/// rest of the page for each block took 19.5 s on 2.7 MB of `<style></style>`.
fn find_ignoring_case(s: &str, needle: &str) -> Option<usize> {
    let (s, n) = (s.as_bytes(), needle.as_bytes());
    let first = n.first()?.to_ascii_lowercase();
    (0..s.len().saturating_sub(n.len() - 1))
        .filter(|&i| s[i].to_ascii_lowercase() == first)
        .find(|&i| s[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn starts_with_ignoring_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::drawn_by_components;

    #[test]
    fn a_script_and_a_component_is_a_drawn_page() {
        // Vue's docs, ecosystem/themes.md and partners/[partnerId].md, after the front matter.
        assert!(drawn_by_components(
            "\n<script setup>\nimport ThemePage from './themes/ThemePage.vue'\n</script>\n\n<ThemePage />\n"
        ));
        assert!(drawn_by_components(
            "<script setup>\nconst { page } = useData()\nif (a < b) {}\n</script>\n\n<Page :partner=\"page.params.partnerId\" />\n<style scoped>\n.a > b {}\n</style>\n"
        ));
        assert!(drawn_by_components(
            "<!-- 由组件绘制 -->\n<partner-all></partner-all>"
        ));
    }

    #[test]
    fn many_blocks_are_read_once_each() {
        // 300 KB of empty style blocks and a component. (Measured, not asserted: the rest of the
        // page was lower-cased for each block, 2.7 MB took 19.5 s.)
        let body = format!("{}<ThemePage />", "<STYLE></style>\n".repeat(20_000));
        assert!(drawn_by_components(&body));
        assert!(!drawn_by_components(&format!("{body}文字")));
    }

    #[test]
    fn any_text_or_no_component_is_not() {
        for body in [
            "",
            "\n\n",
            "<script setup>\n</script>\n",
            "<div class=\"a\"></div>",
            "<ThemePage />\n\n正文",
            "<ThemePage>主题</ThemePage>",
            "# 标题\n<ThemePage />",
            "<ThemePage",
            "<script>\nnever closed",
            "< ThemePage />",
            "<ThemePage /> 1 < 2",
        ] {
            assert!(!drawn_by_components(body), "{body:?}");
        }
    }
}
