//! Tables scroll inside a box of their own (a focusable, labelled region), so a wide table does
//! not widen a phone's page.

use pulldown_cmark::Event;

use super::Writer;

impl<'e> Writer<'e, '_> {
    pub(super) fn start_table(&mut self, event: &Event<'e>) {
        let label = self.page.locale.text("table");
        self.emit_html(format!(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{label}\">\n"
        ));
        self.emit(event.clone());
    }

    pub(super) fn end_table(&mut self, event: &Event<'e>) {
        self.emit(event.clone());
        self.emit_html("</div>\n".to_owned());
    }
}
