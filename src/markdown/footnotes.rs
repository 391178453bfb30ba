//! Footnotes go to the end of the page, as GitHub, MkDocs and every reader expect: pulldown-cmark
//! gives each definition where it is written, and its HTML writer prints it there, so Material
//! for MkDocs's docs showed a stray "1" and the note's text in the middle of their introduction.

use pulldown_cmark::{Event, Tag, TagEnd};

/// `events` with every footnote definition moved, in order, into one list at the end.
pub(super) fn to_end<'e>(events: Vec<Event<'e>>, label: &str) -> Vec<Event<'e>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_))))
    {
        return events;
    }
    let mut body = Vec::with_capacity(events.len() + 2);
    let mut notes = Vec::new();
    let mut depth = 0usize;
    for e in events {
        match &e {
            Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
            Event::End(TagEnd::FootnoteDefinition) => {
                depth = depth.saturating_sub(1);
                notes.push(e);
                continue;
            }
            _ => {}
        }
        if depth > 0 {
            notes.push(e);
        } else {
            body.push(e);
        }
    }
    body.push(Event::Html(
        format!(
            "<section class=\"footnotes\" aria-label=\"{}\">\n",
            crate::escape::html(label)
        )
        .into(),
    ));
    body.extend(notes);
    body.push(Event::Html("</section>\n".into()));
    body
}
