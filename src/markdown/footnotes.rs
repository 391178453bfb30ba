//! Footnotes go to the end of the page, as GitHub, MkDocs and every reader expect: pulldown-cmark
//! gives each definition where it is written, and its HTML writer prints it there, so Material
//! for MkDocs's docs showed a stray "1" and the note's text in the middle of their introduction.
//! They are numbered in the order they are first referred to, with MkDocs's ids (`fn:label`,
//! `fnref:label`): pulldown-cmark's were the bare label, which a heading `## 1` has too, and
//! links written for MkDocs (`#fn:1`) went nowhere.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::escape;

/// The id of footnote `label`'s text, which references link to.
pub(super) fn note_id(label: &str) -> String {
    format!("fn:{label}")
}

/// The label of a footnote reference with no text anywhere on the page, if `event` (a text
/// `[`) and the two after it are one: pulldown-cmark leaves `[^label]` as written then, so the
/// author sees a bracket where a note was meant and nothing says why.
pub(super) fn unresolved<'e>(
    event: &Event<'e>,
    rest: &[(Event<'e>, Range<usize>)],
) -> Option<&'e str> {
    match (event, rest) {
        (Event::Text(open), [(Event::Text(label), _), (Event::Text(close), _), ..])
            if open.as_ref() == "[" && close.as_ref() == "]" =>
        {
            let CowStr::Borrowed(label) = label else {
                return None;
            };
            let name = label.strip_prefix('^')?;
            (!name.is_empty() && !name.contains(char::is_whitespace)).then_some(name)
        }
        _ => None,
    }
}

/// `events` with every footnote definition moved, in order, into one list at the end.
pub(super) fn to_end<'e>(events: Vec<Event<'e>>, label: &str) -> Vec<Event<'e>> {
    if !events.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::FootnoteDefinition(_)) | Event::FootnoteReference(_)
        )
    }) {
        return events;
    }
    // Numbers in the order of first reference; a note never referred to comes after.
    let mut numbers: HashMap<String, usize> = HashMap::new();
    for e in &events {
        if let Event::FootnoteReference(label) = e {
            let next = numbers.len() + 1;
            numbers.entry(label.to_string()).or_insert(next);
        }
    }
    let mut body = Vec::with_capacity(events.len() + 2);
    let mut notes = Vec::new();
    let mut depth = 0usize;
    let mut referred: HashMap<String, usize> = HashMap::new();
    for e in events {
        let e = match e {
            Event::FootnoteReference(label) => {
                let n = numbers[label.as_ref()];
                let seen = referred.entry(label.to_string()).or_default();
                *seen += 1;
                // A note referred to twice: the second reference gets an id of its own.
                let back = match *seen {
                    1 => format!("fnref:{label}"),
                    k => format!("fnref{k}:{label}"),
                };
                Event::InlineHtml(CowStr::from(format!(
                    "<sup class=\"footnote-reference\" id=\"{}\"><a href=\"#{}\">{n}</a></sup>",
                    escape::html(&back),
                    escape::html(&note_id(&label))
                )))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                depth += 1;
                let next = numbers.len() + 1;
                let n = *numbers.entry(label.to_string()).or_insert(next);
                notes.push(Event::Html(CowStr::from(format!(
                    "<div class=\"footnote-definition\" id=\"{}\"><sup class=\"footnote-definition-label\">{n}</sup>\n",
                    escape::html(&note_id(&label))
                ))));
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                depth = depth.saturating_sub(1);
                notes.push(Event::Html(CowStr::from("</div>\n")));
                continue;
            }
            e => e,
        };
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
