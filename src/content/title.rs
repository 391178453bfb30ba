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

/// Text with its strong marks (`**高性能**`) left out, as Docsy's lists show a description:
/// bold there, and no asterisks. Only pairs around text count (`a ** b`, `C**` are as written);
/// single `*` and `_` are as meant, as in a title.
pub fn without_strong(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("**") {
        let inner = &rest[open + 2..];
        let close = inner.find("**").filter(|&c| {
            c > 0
                && !inner.starts_with(char::is_whitespace)
                && !inner[..c].ends_with(char::is_whitespace)
        });
        let Some(close) = close else {
            out.push_str(&rest[..open + 2]);
            rest = inner;
            continue;
        };
        out.push_str(&rest[..open]);
        out.push_str(&inner[..close]);
        rest = &inner[close + 2..];
    }
    out.push_str(rest);
    out
}

/// A title from front matter: text as written, but for its code spans (TiDB's ``title: 通过系统变量
/// `tidb_read_staleness` 读取历史数据``), which are code in the `<h1>` and their text elsewhere, as
/// in a title heading. Nothing else is read as Markdown: `*`, `_` and `\` in a front-matter
/// title (`SHOW STATS_META`, `C*`) are as meant.
pub fn plain(text: &str) -> Title {
    // A title of zero-width spaces alone showed as an empty `<h1>`: it is no title.
    let written = text.trim_matches(|c: char| c.is_whitespace() || crate::paths::invisible(c));
    let mut text = String::with_capacity(written.len());
    let mut html = String::with_capacity(written.len());
    let mut rest = written;
    while let Some(open) = rest.find('`') {
        let ticks = rest[open..].len() - rest[open..].trim_start_matches('`').len();
        let after = &rest[open + ticks..];
        let Some(close) = closing_ticks(after, ticks) else {
            // No run of as many backticks closes it: the backticks are text.
            text.push_str(&rest[..open + ticks]);
            html.push_str(&escape::html(&rest[..open + ticks]));
            rest = after;
            continue;
        };
        let code = after[..close].replace('\n', " ");
        let code = match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
            Some(inner) if !inner.trim().is_empty() => inner.to_owned(),
            _ => code,
        };
        text.push_str(&rest[..open]);
        text.push_str(&code);
        html.push_str(&escape::html(&rest[..open]));
        html.push_str(&format!("<code>{}</code>", escape::html(&code)));
        rest = &after[close + ticks..];
    }
    text.push_str(rest);
    html.push_str(&escape::html(rest));
    Title {
        text,
        html,
        id: None,
    }
}

/// Where in `s` a run of exactly `n` backticks starts (CommonMark's end of a code span).
fn closing_ticks(s: &str, n: usize) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find('`').map(|i| i + from) {
        let run = s[i..].len() - s[i..].trim_start_matches('`').len();
        if run == n {
            return Some(i);
        }
        from = i + run;
    }
    None
}

/// [`from_heading_of`] on a site that is not MkDocs's.
#[cfg(test)]
pub fn from_heading(line: &str) -> Title {
    from_heading_of(line, false)
}

/// A title from a `# heading` line (without the `# `): its inline Markdown read as the Markdown
/// stage reads headings, attributes (`{#id .class}`) taken out, the id as headings get one;
/// Material's icons in it read when `icons` (the site is MkDocs's).
pub fn from_heading_of(line: &str, icons: bool) -> Title {
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
            // Shortcodes as the page's headings show them (`# Adding a :tada: badge`).
            Event::Text(t) if depth > 0 => {
                let shown = crate::shortcodes::in_text(&t, icons);
                text.push_str(&shown);
                inner.push(Event::Text(shown.into()));
            }
            e if depth > 0 => {
                if let Event::Code(t) = &e {
                    text.push_str(t);
                }
                inner.push(e);
            }
            _ => {}
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        inner.into_iter().map(|e| match e {
            Event::InlineHtml(tag) | Event::Html(tag) => Event::InlineHtml(title_tag(&tag).into()),
            e => e,
        }),
    );
    let text = text.trim().to_owned();
    Title {
        id: Some(id.unwrap_or_else(|| paths::heading_id(&text))),
        html: html.trim().to_owned(),
        text,
    }
}

/// Inline HTML in a title heading, for the `<h1>`: text-level tags that run nothing stay;
/// VitePress's and VuePress's `<Badge>` is the badge the body shows; any other tag or comment
/// (`<script>`, `<img onerror>`, `<a id>`, `<!-- omit in toc -->`) goes, and the text between
/// stays text. A title is shown in many places; none of them may run what it holds.
fn title_tag(tag: &str) -> String {
    const KEPT: &[&str] = &[
        "span", "small", "sup", "sub", "code", "em", "strong", "b", "i", "kbd", "mark", "br",
        "wbr", "s", "del", "ins", "u",
    ];
    let t = tag.trim();
    let closing = t.starts_with("</");
    let name: String = t
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let bare = t.trim_end_matches('>').trim_end_matches('/').trim_end();
    if KEPT.contains(&name.to_ascii_lowercase().as_str()) {
        // Attributes that run script or restyle the page (`onclick`, `style`) leave the tag
        // bare; a `class` (TiDB's `<span class="version-mark">`) is fine.
        let risky = bare.split_whitespace().skip(1).any(|a| {
            let a = a.to_ascii_lowercase();
            a.starts_with("on") || a.starts_with("style")
        });
        return match (risky, closing) {
            (false, _) | (true, true) => t.to_owned(),
            (true, false) => format!("<{name}>"),
        };
    }
    if name == "Badge" {
        if closing {
            return "</span>".to_owned();
        }
        let attr = |key: &str| {
            let at = bare.find(&format!("{key}=\""))? + key.len() + 2;
            let len = bare[at..].find('"')?;
            Some(bare[at..at + len].to_owned())
        };
        let class = format!(
            "badge badge-{}",
            escape::html(&attr("type").unwrap_or_else(|| "info".to_owned()))
        );
        return match attr("text") {
            Some(text) => format!("<span class=\"{class}\">{}</span>", escape::html(&text)),
            None if !t.ends_with("/>") => format!("<span class=\"{class}\">"),
            None => String::new(),
        };
    }
    String::new()
}

#[cfg(test)]
mod tests {

    #[test]
    fn invisible_characters_around_a_title_are_no_title() {
        assert_eq!(plain("\u{200B}\u{FEFF} ").text, "");
        assert_eq!(plain("\u{200B}退款 ").text, "退款");
        // Inside, a joiner holds an emoji together.
        assert_eq!(plain("家庭 👨\u{200D}👩").text, "家庭 👨\u{200D}👩");
    }

    #[test]
    fn descriptions_lose_their_strong_marks_only() {
        assert_eq!(
            super::without_strong("**高性能**、**强扩展性**的 Go RPC 框架"),
            "高性能、强扩展性的 Go RPC 框架"
        );
        for kept in [
            "C** 与 a ** b **",
            "**",
            "2 ** 10",
            "a*b*c",
            "__init__.py",
            "** x**",
        ] {
            assert_eq!(super::without_strong(kept), kept);
        }
    }

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
        // A front-matter title's code spans are code in the `<h1>`, text elsewhere; nothing
        // else in it is Markdown.
        let t = plain("通过系统变量 `tidb_read_staleness` 读取历史数据");
        assert_eq!(t.text, "通过系统变量 tidb_read_staleness 读取历史数据");
        assert_eq!(
            t.html,
            "通过系统变量 <code>tidb_read_staleness</code> 读取历史数据"
        );
        assert_eq!(plain("`` a`b `` c").text, "a`b c");
        assert_eq!(plain("a ` b").text, "a ` b");
        assert_eq!(plain("``x` y").text, "``x` y");
        assert_eq!(
            plain("SHOW STATS_META *x* \\_").text,
            "SHOW STATS_META *x* \\_"
        );
        // Inline HTML in a title heading: harmless text tags stay, a badge is a badge, other
        // tags and comments go (their text stays text).
        let t = from_heading("TypeScript 配置 <Badge text=\"1.9.0+\" />");
        assert_eq!(
            t.html,
            "TypeScript 配置 <span class=\"badge badge-info\">1.9.0+</span>"
        );
        assert_eq!(
            from_heading("新功能 <Badge type=\"tip\">beta</Badge>").html,
            "新功能 <span class=\"badge badge-tip\">beta</span>"
        );
        assert_eq!(
            from_heading("Docsify <small>5</small>").html,
            "Docsify <small>5</small>"
        );
        let t = from_heading("标题 <script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert_eq!(t.html, "标题 alert(1)");
        assert_eq!(from_heading("a <b onclick=x>b</b>").html, "a <b>b</b>");
        assert_eq!(from_heading("目录 <!-- omit in toc -->").html, "目录");
        assert_eq!(from_heading("<a id=\"top\"></a>开始").html, "开始");
        let t = from_heading("AUTO_RANDOM <span class=\"version-mark\">v3.1.0 引入</span>");
        assert_eq!(
            t.html,
            "AUTO_RANDOM <span class=\"version-mark\">v3.1.0 引入</span>"
        );
    }
}
