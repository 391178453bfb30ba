//! Callouts: GitHub's alerts (`> [!WARNING]`) and other tools' containers (`::: warning 标题`,
//! see `content::dialect::body`) as labelled boxes readers cannot miss, with the label in the
//! site's language, so the meaning is never carried by colour alone.

use pulldown_cmark::{BlockQuoteKind, Event};

use super::Writer;
use crate::escape;

impl<'e> Writer<'e, '_> {
    pub(super) fn start_quote(&mut self, kind: Option<BlockQuoteKind>, event: &Event<'e>) {
        match kind {
            Some(kind) => self.open_callout(kind_name(kind), None),
            None => {
                self.quote_depth += 1;
                self.plain_quote_depth += 1;
                self.emit(event.clone());
            }
        }
    }

    pub(super) fn end_quote(&mut self, kind: Option<BlockQuoteKind>, event: &Event<'e>) {
        match kind {
            Some(_) => self.close_callout(),
            None => {
                self.quote_depth -= 1;
                self.plain_quote_depth -= 1;
                self.emit(event.clone());
            }
        }
    }

    /// Opens a callout of `kind` (`note`, `tip`, `important`, `warning`, `caution`), titled with
    /// its label or `title`.
    pub(super) fn open_callout(&mut self, kind: &str, title: Option<&str>) {
        let html = self.callout_start(kind, title);
        self.emit_html(html);
    }

    /// The markup that opens a callout; inside it, a numbered list is a list, not the page's
    /// steps.
    pub(super) fn callout_start(&mut self, kind: &str, title: Option<&str>) -> String {
        self.quote_depth += 1;
        // `note.question`: a note titled by its own type's name.
        let (kind, typed) = kind.split_once('.').unwrap_or((kind, ""));
        let (class, key) = match kind {
            "tip" => ("tip", "callout_tip"),
            "important" => ("important", "callout_important"),
            "warning" => ("warning", "callout_warning"),
            "caution" => ("caution", "callout_caution"),
            _ => ("note", "callout_note"),
        };
        let key = match typed {
            "question" => "callout_question",
            "quote" => "callout_quote",
            "abstract" | "summary" => "callout_abstract",
            "example" => "callout_example",
            "info" => "callout_info",
            "success" => "callout_success",
            "failure" => "callout_failure",
            "bug" => "callout_bug",
            _ => key,
        };
        let label = self.page.locale.text(key);
        // An empty title (MkDocs's `!!! note ""`) shows none; the label still names it.
        if title == Some("") {
            return format!(
                "<div class=\"callout callout-{class}\" role=\"note\" aria-label=\"{label}\">\n"
            );
        }
        let shown = title.map_or_else(
            || label.to_owned(),
            |t| inline_title(t, self.page.mkdocs, self.page.math),
        );
        format!(
            "<div class=\"callout callout-{class}\" role=\"note\" aria-label=\"{label}\">\n\
             <p class=\"callout-title\"><span class=\"callout-icon\" aria-hidden=\"true\"></span>{shown}</p>\n"
        )
    }

    pub(super) fn close_callout(&mut self) {
        let html = self.callout_end();
        self.emit_html(html);
    }

    /// The markup that closes a callout.
    pub(super) fn callout_end(&mut self) -> String {
        self.quote_depth -= 1;
        "</div>\n".to_owned()
    }
}

/// The kind of a GitHub alert, as the theme names it.
fn kind_name(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "note",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Important => "important",
        BlockQuoteKind::Warning => "warning",
        BlockQuoteKind::Caution => "caution",
    }
}

/// A callout's or details block's title with its inline Markdown, as Python-Markdown renders
/// it (OI-wiki's 342 titles `例题 [Luogu P5357](https://…)` lost their links): emphasis, code
/// and links to other sites; a link into the site shows its text (its page is checked where
/// the body links to it), raw HTML shows as written.
pub(super) fn inline_title(title: &str, icons: bool, math: bool) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    // Only inline Markdown: a title that starts like a block (`1. 步骤`, `# x`, `- x`) is text.
    let title = title.trim();
    let digits = title.len() - title.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let md = if title.starts_with(['#', '>', '-', '+', '*', '=']) {
        format!("\\{title}")
    } else if digits > 0 && title[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &title[..digits], &title[digits..])
    } else {
        title.to_owned()
    };
    let mut out = String::new();
    let mut links: Vec<bool> = Vec::new();
    // On a site with math, `$O(\log n)$ 的底数是多少？` (hello-algo's titles) is typeset too.
    let options = if math {
        Options::ENABLE_MATH
    } else {
        Options::empty()
    };
    for event in Parser::new_ext(&md, options) {
        match event {
            // `$$…$$` in a title is set in the line too.
            Event::InlineMath(tex) | Event::DisplayMath(tex) => {
                match super::math::typeset(&tex, false) {
                    Ok(mathml) => out.push_str(&mathml),
                    Err(_) => out.push_str(&escape::html(&format!("${tex}$"))),
                }
            }
            Event::Text(t) => out.push_str(&escape::html(&crate::shortcodes::in_text(&t, icons))),
            Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&escape::html(&t));
            }
            Event::Code(t) => {
                out.push_str("<code>");
                out.push_str(&escape::html(&t));
                out.push_str("</code>");
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::Emphasis) => out.push_str("<em>"),
            Event::End(TagEnd::Emphasis) => out.push_str("</em>"),
            Event::Start(Tag::Strong) => out.push_str("<strong>"),
            Event::End(TagEnd::Strong) => out.push_str("</strong>"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let outside = ["https://", "http://", "mailto:"]
                    .iter()
                    .any(|s| dest_url.starts_with(s));
                if outside {
                    out.push_str(&format!("<a href=\"{}\">", escape::html(&dest_url)));
                }
                links.push(outside);
            }
            Event::End(TagEnd::Link) if links.pop() == Some(true) => out.push_str("</a>"),
            _ => {}
        }
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::inline_title;

    #[test]
    fn titles_keep_their_inline_markdown_and_nothing_else() {
        assert_eq!(
            inline_title(
                "例题 [Luogu P5357](https://www.luogu.com.cn/problem/P5357) 参考代码",
                false,
                false
            ),
            "例题 <a href=\"https://www.luogu.com.cn/problem/P5357\">Luogu P5357</a> 参考代码"
        );
        assert_eq!(
            inline_title("用 `git` 与 *小心* [本站](../a.md)", false, false),
            "用 <code>git</code> 与 <em>小心</em> 本站"
        );
        assert_eq!(
            inline_title("[x](javascript:alert) <script>x</script>", false, false),
            "x &lt;script&gt;x&lt;/script&gt;"
        );
        for plain in ["1. 步骤", "# 标题", "- 列表", "> 引用", "2) 二", "    缩进"] {
            assert_eq!(
                inline_title(plain, false, false),
                crate::escape::html(plain.trim()),
                "{plain}"
            );
        }
        let with_math = inline_title("$O(\\log n)$ 的底数是多少？", false, true);
        assert!(
            with_math.starts_with("<math") && with_math.ends_with("</math> 的底数是多少？"),
            "{with_math}"
        );
        assert_eq!(inline_title("$5 或 $6", false, false), "$5 或 $6");
        let display = inline_title("前 $$\\sum_i i$$ 后", false, true);
        assert!(
            display.starts_with("前 <math") && display.ends_with("</math> 后"),
            "{display}"
        );
    }
}
