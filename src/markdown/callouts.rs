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
                self.emit(event.clone());
            }
        }
    }

    pub(super) fn end_quote(&mut self, kind: Option<BlockQuoteKind>, event: &Event<'e>) {
        match kind {
            Some(_) => self.close_callout(),
            None => {
                self.quote_depth -= 1;
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
        let (class, key) = match kind {
            "tip" => ("tip", "callout_tip"),
            "important" => ("important", "callout_important"),
            "warning" => ("warning", "callout_warning"),
            "caution" => ("caution", "callout_caution"),
            _ => ("note", "callout_note"),
        };
        let label = self.page.locale.text(key);
        // An empty title (MkDocs's `!!! note ""`) shows none; the label still names it.
        if title == Some("") {
            return format!(
                "<div class=\"callout callout-{class}\" role=\"note\" aria-label=\"{label}\">\n"
            );
        }
        let shown = title.map_or_else(|| label.to_owned(), escape::html);
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
