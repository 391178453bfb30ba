//! Step lists: a top-level numbered list (not in a quote or footnote) is a list of steps, each
//! with a big number that links to it (`#step-3`) and its own text block, so search can point
//! at a step.

use pulldown_cmark::{Event, TagEnd};

use super::Writer;
use super::headings::unique_id;

impl<'e> Writer<'e, '_> {
    /// True inside the items of the innermost open list when it is a step list.
    pub(super) fn in_step_list(&self) -> bool {
        self.list_depth == self.lists.len() && matches!(self.lists.last(), Some(Some(_)))
    }

    pub(super) fn start_list(&mut self, start: Option<u64>, event: &Event<'e>) {
        // The notes of the annotated code block above: a small numbered list, not steps.
        if std::mem::take(&mut self.annotated) && start.is_some() {
            self.list_depth += 1;
            self.lists.push(None);
            self.emit_html("<ol class=\"code-notes\">\n".to_owned());
            return;
        }
        let is_steps =
            start.is_some() && self.list_depth == 0 && self.quote_depth == 0 && !self.in_footnote;
        self.list_depth += 1;
        if is_steps {
            let n = start.unwrap_or(1);
            self.lists.push(Some(n));
            let start_attr = if n != 1 {
                format!(" start=\"{n}\"")
            } else {
                String::new()
            };
            self.emit_html(format!("<ol class=\"steps\"{start_attr}>\n"));
        } else {
            self.lists.push(None);
            self.emit(event.clone());
        }
    }

    pub(super) fn end_list(&mut self, ordered: bool) {
        self.list_depth -= 1;
        match self.lists.pop() {
            Some(Some(_)) => self.emit_html("</ol>\n".to_owned()),
            _ => self.emit(Event::End(TagEnd::List(ordered))),
        }
    }

    pub(super) fn start_step(&mut self) {
        let n = self.lists.last().copied().flatten().unwrap_or(1);
        if let Some(Some(next)) = self.lists.last_mut() {
            *next += 1;
        }
        let id = unique_id(format!("step-{n}"), &mut self.used_ids);
        self.out.ids.insert(id.clone());
        let label = self.page.locale.step_label(n);
        self.emit_html(format!(
            "<li class=\"step\" id=\"{id}\"><a class=\"step-number\" href=\"#{id}\" aria-label=\"{label}\">{n}</a><div class=\"step-body\">\n"
        ));
        // Each step is its own block so search can point at it.
        self.block.text.push('\n');
    }

    pub(super) fn end_step(&mut self) {
        self.emit_html("</div></li>\n".to_owned());
        self.block.text.push('\n');
    }
}
