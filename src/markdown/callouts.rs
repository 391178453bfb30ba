//! Callouts: GitHub's alerts (`> [!WARNING]`) as labelled boxes readers cannot miss, with the
//! label in the site's language, so the meaning is never carried by colour alone.

use pulldown_cmark::{BlockQuoteKind, Event};

use super::Writer;
use crate::i18n::Locale;

impl<'e> Writer<'e, '_> {
    pub(super) fn start_quote(&mut self, kind: Option<BlockQuoteKind>, event: &Event<'e>) {
        self.quote_depth += 1;
        match kind {
            Some(kind) => {
                let (class, label) = callout_label(kind, &self.page.locale);
                self.emit_html(format!(
                    "<div class=\"callout callout-{class}\" role=\"note\" aria-label=\"{label}\">\n\
                     <p class=\"callout-title\"><span class=\"callout-icon\" aria-hidden=\"true\"></span>{label}</p>\n"
                ));
            }
            None => self.emit(event.clone()),
        }
    }

    pub(super) fn end_quote(&mut self, kind: Option<BlockQuoteKind>, event: &Event<'e>) {
        self.quote_depth -= 1;
        match kind {
            Some(_) => self.emit_html("</div>\n".to_owned()),
            None => self.emit(event.clone()),
        }
    }
}

/// The CSS class and the label of a kind of callout.
fn callout_label(kind: BlockQuoteKind, locale: &Locale) -> (&'static str, &'static str) {
    let (class, key) = match kind {
        BlockQuoteKind::Note => ("note", "callout_note"),
        BlockQuoteKind::Tip => ("tip", "callout_tip"),
        BlockQuoteKind::Important => ("important", "callout_important"),
        BlockQuoteKind::Warning => ("warning", "callout_warning"),
        BlockQuoteKind::Caution => ("caution", "callout_caution"),
    };
    (class, locale.text(key))
}
