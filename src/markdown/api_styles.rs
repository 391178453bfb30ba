//! Vue's docs write a section for one API style only by ending its heading with `*` (the Options
//! API) or `**` (the Composition API), and their own markdown-it plugin takes the mark off and
//! hides the heading with the other style's text. On a page that has both styles' blocks
//! (`<div class="options-api">`, see the theme's switch), such a heading gets the style's class
//! and loses its mark; elsewhere a heading's `*` is text.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The API style a heading's classes name, if any.
pub(super) fn style_of(classes: &[CowStr]) -> Option<&'static str> {
    classes.iter().find_map(|c| match c.as_ref() {
        "options-api" => Some("options-api"),
        "composition-api" => Some("composition-api"),
        _ => None,
    })
}

/// `events` with the API-style marks of headings taken off and turned into classes.
pub(super) fn heading_marks<'a>(
    mut events: Vec<(Event<'a>, Range<usize>)>,
    body: &str,
) -> Vec<(Event<'a>, Range<usize>)> {
    if !(body.contains("class=\"options-api\"") && body.contains("class=\"composition-api\"")) {
        return events;
    }
    let mut start = None;
    for i in 0..events.len() {
        match &events[i].0 {
            Event::Start(Tag::Heading { .. }) => start = Some(i),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(s) = start.take() {
                    mark(&mut events, s, i);
                }
            }
            _ => {}
        }
    }
    events
}

/// The heading from event `start` to `end`: its trailing text's mark becomes a class.
fn mark(events: &mut [(Event, Range<usize>)], start: usize, end: usize) {
    // The trailing text, which escapes (`\*\*`) split into several events.
    let mut first = end;
    while first > start + 1 && matches!(events[first - 1].0, Event::Text(_)) {
        first -= 1;
    }
    let text: String = events[first..end]
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Text(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let kept = text.trim_end_matches('*');
    let class = match text.len() - kept.len() {
        1 => "options-api",
        2 => "composition-api",
        _ => return,
    };
    // A mark stands apart from the heading's words (`声明响应式状态 \*\*`, `` `ref()` \*\* ``);
    // a heading of stars alone has no words to mark.
    let alone = first == start + 1 && kept.trim().is_empty();
    if alone || !(kept.is_empty() || kept.ends_with(char::is_whitespace)) {
        return;
    }
    let kept = kept.trim_end().to_owned();
    for (i, (e, _)) in events[first..end].iter_mut().enumerate() {
        *e = Event::Text(CowStr::from(if i == 0 {
            kept.clone()
        } else {
            String::new()
        }));
    }
    if let Event::Start(Tag::Heading { classes, .. }) = &mut events[start].0 {
        classes.push(CowStr::from(class));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = "<div class=\"options-api\">\n\n甲\n\n</div>\n<div class=\"composition-api\">\n\n乙\n\n</div>\n\n";

    fn render(md: &str) -> String {
        super::super::html_after(md, |e| heading_marks(e, md))
    }

    #[test]
    fn marked_headings_take_their_styles_class() {
        let html = render(&format!(
            "{STYLES}## 声明响应式状态 \\* {{#declaring-reactive-state}}\n\n## 声明响应式状态 \\*\\* {{#declaring-reactive-state-1}}\n\n### `ref()` \\*\\*\n"
        ));
        assert!(
            html.contains(
                "<h2 id=\"declaring-reactive-state\" class=\"options-api\">声明响应式状态</h2>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<h2 id=\"declaring-reactive-state-1\" class=\"composition-api\">声明响应式状态</h2>"),
            "{html}"
        );
        assert!(
            html.contains("<h3 class=\"composition-api\"><code>ref()</code></h3>"),
            "{html}"
        );
    }

    #[test]
    fn elsewhere_a_star_is_text() {
        // No blocks of the two styles: a heading's star is its own.
        let md = "## 必填项 \\*\n";
        assert_eq!(render(md), super::super::html_after(md, |e| e));
        // A star inside a word, or three, is no mark.
        for h in ["## a\\*", "## 三星 \\*\\*\\*", "## \\*\\*"] {
            let md = format!("{STYLES}{h}\n");
            assert_eq!(render(&md), super::super::html_after(&md, |e| e), "{h}");
        }
    }
}
