//! A page's title: plain text wherever text is shown (`<title>`, lists, breadcrumbs, search),
//! inline HTML for the page's own `<h1>`, and the id the heading asked for (`{#id}`).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::{escape, paths};

/// A title, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Title {
    /// Plain text: escapes resolved, code and emphasis as their text, `{#id}` gone.
    pub text: String,
    /// The same as inline HTML (code, emphasis, links kept), for the page's `<h1>`.
    pub html: String,
    /// The `<h1>`'s id when the title came from a heading: the one given with `{#id}`, else
    /// the one GitHub would give it, so `page.md#title` links written elsewhere resolve.
    pub id: Option<String>,
}

/// A title from front matter: plain text as written.
pub fn plain(text: &str) -> Title {
    let text = text.trim().to_owned();
    Title {
        html: escape::html(&text),
        text,
        id: None,
    }
}

/// A title from a `# heading` line (without the `# `): its inline Markdown read as the Markdown
/// stage reads headings, attributes (`{#id .class}`) taken out, the id as headings get one.
pub fn from_heading(line: &str) -> Title {
    let source = format!("# {}", line.trim());
    let mut text = String::new();
    let mut id = None;
    let mut inner = Vec::new();
    let mut depth = 0;
    for event in Parser::new_ext(
        &source,
        Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::Heading { id: given, .. }) => {
                id = given.map(|i| i.to_string());
                depth += 1;
            }
            Event::End(TagEnd::Heading(_)) => depth -= 1,
            e if depth > 0 => {
                if let Event::Text(t) | Event::Code(t) = &e {
                    text.push_str(t);
                }
                inner.push(e);
            }
            _ => {}
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, inner.into_iter());
    let text = text.trim().to_owned();
    Title {
        id: Some(id.unwrap_or_else(|| paths::heading_id(&text))),
        html: html.trim().to_owned(),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_escapes_and_markup_never_show_as_text() {
        let t = from_heading("计算属性 {#computed-properties}");
        assert_eq!(t.text, "计算属性");
        assert_eq!(t.id.as_deref(), Some("computed-properties"));
        let t = from_heading("使用 `defineConfig` 与 **插件** \\<x\\> {#a .b}");
        assert_eq!(t.text, "使用 defineConfig 与 插件 <x>");
        assert_eq!(
            t.html,
            "使用 <code>defineConfig</code> 与 <strong>插件</strong> &lt;x&gt;"
        );
        assert_eq!(from_heading("C# 入门 #").text, "C# 入门");
        // Without `{#id}` the id is GitHub's, as `page.md#tidb-事务隔离级别` links expect.
        assert_eq!(
            from_heading("TiDB 事务隔离级别").id.as_deref(),
            Some("tidb-事务隔离级别")
        );
        assert_eq!(plain("  <script>  ").html, "&lt;script&gt;");
    }
}
