//! Emoji shortcodes (`:tada:`, `:heart:`, `:white_check_mark:`): GitHub, VitePress, Docsify and
//! Material for MkDocs show them as the emoji, so their authors write them; printed as written
//! they read as noise (Docsify's Chinese docs: `欢迎帮我买杯咖啡。 :heart:`). Material's icons
//! (`:material-github:`, `:octicons-file-code-16:`; 366 on 55 pages of its own docs) have no
//! set here: a check or a cross becomes the character, any other goes, and the page says so.
//! A name neither knows stays as written, as does one inside a word or number (`10:30:45`)
//! and anything in code.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// A list of the Material icons left out of a page: each name, and where its text begins.
pub(super) type Icons = Vec<(String, usize)>;

/// `events` with every known shortcode in text turned into its emoji (see `crate::shortcodes`),
/// and the icons left out.
pub(super) fn shortcodes(
    mut events: Vec<(Event<'_>, Range<usize>)>,
    material: bool,
) -> (Vec<(Event<'_>, Range<usize>)>, Icons) {
    let mut icons = Vec::new();
    let colon = |e: &Event| matches!(e, Event::Text(t) if t.contains(':'));
    if !events.iter().any(|(e, _)| colon(e)) {
        return (events, icons);
    }
    // The parser may give one run of text as several events (at a `_` or `*` it tried as
    // emphasis): a shortcode is looked for across them.
    let split = events
        .windows(2)
        .any(|w| colon(&w[0].0) && matches!(w[1].0, Event::Text(_)) && w[0].1.end == w[1].1.start);
    if split {
        events = joined(events);
    }
    // In code, and in an autolink's text (`<https://x.dev/:tada:>`), which is its address.
    let mut in_code = false;
    for (e, range) in &mut events {
        match e {
            Event::Start(Tag::CodeBlock(_))
            | Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => in_code = true,
            Event::End(TagEnd::CodeBlock | TagEnd::Link) => in_code = false,
            Event::Text(t) if !in_code && t.contains(':') => {
                let mut names = Vec::new();
                if let Some(s) = crate::shortcodes::replace(t, material.then_some(&mut names)) {
                    *t = CowStr::from(s);
                }
                icons.extend(names.into_iter().map(|n| (n, range.start)));
            }
            _ => {}
        }
    }
    (events, icons)
}

/// `events` with each text that holds a colon joined to the texts right after it. A run is
/// gathered in one buffer: appending to the text so far, copied each time, took 13 s on a
/// 900 KB paragraph of such pieces.
fn joined(events: Vec<(Event<'_>, Range<usize>)>) -> Vec<(Event<'_>, Range<usize>)> {
    let mut out: Vec<(Event, Range<usize>)> = Vec::with_capacity(events.len());
    // The run of text being gathered: its text, its range, whether it holds a colon yet.
    let mut run: Option<(String, Range<usize>, bool)> = None;
    let flush = |run: &mut Option<(String, Range<usize>, bool)>, out: &mut Vec<_>| {
        if let Some((text, range, _)) = run.take() {
            out.push((Event::Text(CowStr::from(text)), range));
        }
    };
    let mut in_code = false;
    for (e, r) in events {
        match e {
            Event::Text(t) if !in_code => {
                if let Some((text, range, colon)) = &mut run {
                    if *colon && range.end == r.start {
                        text.push_str(&t);
                        range.end = r.end;
                        continue;
                    }
                }
                flush(&mut run, &mut out);
                let colon = t.contains(':');
                run = Some((t.into_string(), r, colon));
            }
            e => {
                flush(&mut run, &mut out);
                match &e {
                    Event::Start(Tag::CodeBlock(_)) => in_code = true,
                    Event::End(TagEnd::CodeBlock) => in_code = false,
                    _ => {}
                }
                out.push((e, r));
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str) -> String {
        super::super::html_after(md, |e| shortcodes(e, true).0)
    }

    #[test]
    fn known_shortcodes_become_emoji() {
        assert_eq!(
            render("欢迎帮我买杯咖啡。 :heart:\n"),
            "<p>欢迎帮我买杯咖啡。 ❤️</p>\n"
        );
        assert_eq!(
            render(":white_check_mark: 完成，:x::tada:\n"),
            "<p>✅ 完成，❌🎉</p>\n"
        );
        assert_eq!(render("**:+1:** 好\n"), "<p><strong>👍</strong> 好</p>\n");
        // Twemoji's names, as Material for MkDocs writes them.
        assert_eq!(render(":man_raising_hand: 好\n"), "<p>🙋‍♂️ 好</p>\n");
    }

    #[test]
    fn materials_icons_become_a_check_or_a_cross_or_go() {
        assert_eq!(
            render(
                "| 功能 | 支持 |\n|---|---|\n| 搜索 | :material-check: |\n| 打印 | :octicons-x-16: |\n"
            ),
            "<table><thead><tr><th>功能</th><th>支持</th></tr></thead><tbody>\n<tr><td>搜索</td><td>✓</td></tr>\n<tr><td>打印</td><td>✗</td></tr>\n</tbody></table>\n"
        );
        let md =
            "#### :material-toggle-switch: 启用搜索\n\n见 :fontawesome-brands-github: 仓库。\n";
        assert_eq!(render(md), "<h4>启用搜索</h4>\n<p>见 仓库。</p>\n");
        let events = pulldown_cmark::Parser::new(md).into_offset_iter().collect();
        let (_, icons) = shortcodes(events, true);
        let names: Vec<&str> = icons.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["material-toggle-switch", "fontawesome-brands-github"]
        );
    }

    #[test]
    fn a_long_paragraph_of_pieces_after_a_colon_renders_as_written() {
        // 200 KB in Text events by the thousand after one colon. (Its speed is measured, not
        // asserted: each piece appended to a copy of the text so far, 900 KB took 12.9 s, and
        // 1.8 MB over 60 s; gathered in one buffer, 1.8 MB builds in 0.56 s.)
        let md = format!(":{}:tada:\n", "a _".repeat(70_000));
        let html = render(&md);
        assert!(
            html.starts_with("<p>:a _a _") && html.ends_with("a _🎉</p>\n"),
            "{}",
            &html[..40]
        );
    }

    #[test]
    fn the_rest_stays_as_written() {
        for md in [
            "10:30:45 开始\n",
            ":materials-github: 图标\n",
            "a:tada: b\n",
            ":tada:b\n",
            "`:tada:` 是代码\n",
            "<https://x.dev/:tada:/>\n",
            "```\n:tada:\n```\n",
            "::\n",
            ": tada :\n",
        ] {
            assert_eq!(render(md), super::super::html_after(md, |e| e), "{md:?}");
        }
    }
}
