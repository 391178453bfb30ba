//! The directives other tools' containers were turned into (see `content::dialect::body`):
//! `<!--helpcenter:callout warning "标题"-->` … `<!--helpcenter:end-->`, `details`, `tabs` and
//! `tab`, `figure`, `toc`. Each opens one of the theme's parts; `end` closes the innermost.

use super::Writer;
use super::links::rewrite;
use crate::escape;

/// An open directive, to close when its `end` comes.
pub(super) enum Open {
    Callout,
    Details,
    Tabs,
    Tab,
}

/// Stands where the page's table of contents goes, once every heading is known.
pub(super) const TOC_PLACEHOLDER: &str = "<!--helpcenter-toc-->";

impl Writer<'_, '_> {
    /// Handles a directive line; `false` when `html` is none.
    pub(super) fn directive(&mut self, html: &str, line: usize) -> bool {
        let Some(body) = html
            .trim()
            .strip_prefix(crate::content::dialect::body::DIRECTIVE)
            .and_then(|b| b.strip_suffix("-->"))
        else {
            return false;
        };
        let (name, args) = body.split_once(' ').unwrap_or((body, ""));
        // `details:warning`: a details block in a callout's colour.
        let (name, kind) = name.split_once(':').unwrap_or((name, ""));
        match name {
            "callout" => {
                let (kind, title) = args.split_once(' ').unwrap_or((args, ""));
                let title = unquote(title);
                self.open_callout(kind, title.as_deref());
                self.open.push(Open::Callout);
            }
            "details" | "details-open" => {
                let title = unquote(args).filter(|t| !t.is_empty());
                let summary = title.map_or_else(
                    || self.page.locale.text("details").to_owned(),
                    |t| super::callouts::inline_title(&t, self.page.mkdocs, self.page.math),
                );
                let open = if name == "details-open" { " open" } else { "" };
                let colour = match kind {
                    "tip" | "note" | "warning" | "caution" | "important" => {
                        format!(" callout-{kind}")
                    }
                    _ => String::new(),
                };
                self.emit_html(format!(
                    "<details class=\"details{colour}\"{open}><summary>{summary}</summary>\n"
                ));
                self.open.push(Open::Details);
            }
            "tabs" => {
                self.emit_html("<div class=\"tabs\">\n".to_owned());
                self.open.push(Open::Tabs);
            }
            "tab" => {
                let title = unquote(args).unwrap_or_default();
                self.emit_html(format!(
                    "<section class=\"tab\"><p class=\"tab-title\">{}</p>\n",
                    escape::html(&crate::shortcodes::in_text(&title, self.page.mkdocs))
                ));
                self.open.push(Open::Tab);
            }
            "figure" => self.figure(args, line),
            "toc" => self.emit_html(format!("{TOC_PLACEHOLDER}\n")),
            "end" => {
                if let Some(open) = self.open.pop() {
                    self.close(open);
                }
            }
            _ => {}
        }
        true
    }

    fn close(&mut self, open: Open) {
        match open {
            Open::Callout => self.close_callout(),
            Open::Details => self.emit_html("</details>\n".to_owned()),
            Open::Tabs => self.emit_html("</div>\n".to_owned()),
            Open::Tab => self.emit_html("</section>\n".to_owned()),
        }
    }

    /// Closes what is still open at the end of the page (an admonition or a `:::` container
    /// that runs to the end of the file): left open, its `<div>` held the theme's footer.
    pub(super) fn close_all(&mut self) {
        while let Some(open) = self.open.pop() {
            self.close(open);
        }
    }

    /// A figure: its image resolved and checked like any image, its caption below it.
    fn figure(&mut self, args: &str, line: usize) {
        let attrs = attributes(args);
        let get = |k: &str| {
            attrs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let src = get("src").unwrap_or_default();
        let src = rewrite(
            src,
            self.page,
            self.links,
            line,
            &mut self.out.links,
            &mut self.diags,
        )
        .unwrap_or_else(|| src.to_owned());
        let caption = get("caption").or(get("title")).unwrap_or_default();
        let alt = get("alt").unwrap_or(caption);
        let mut html = format!(
            "<figure class=\"figure\"><img src=\"{}\" alt=\"{}\">",
            escape::html(&src),
            escape::html(alt)
        );
        if !caption.is_empty() {
            html.push_str(&format!(
                "<figcaption>{}</figcaption>",
                escape::html(caption)
            ));
        }
        html.push_str("</figure>\n");
        self.emit_html(html);
    }
}

/// A JSON-quoted string, as the directives write their text.
fn unquote(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    serde_json::from_str(s).ok()
}

/// `key="value" …`, values JSON-quoted.
fn attributes(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while let Some((key, after)) = rest.split_once('=') {
        let mut de = serde_json::Deserializer::from_str(after).into_iter::<String>();
        let Some(Ok(value)) = de.next() else { break };
        out.push((key.trim().to_owned(), value));
        rest = after[de.byte_offset()..].trim_start();
    }
    out
}
