//! Line breaks inside Chinese (and Japanese) text. An author who wraps a paragraph in the editor,
//! or pastes it from a chat or a document, leaves a line break in the middle of a sentence; HTML
//! shows it as a space, and in Chinese a space between two characters is a visible gap
//! ("是否正确 然后再联系"). CSS Text 3 says a break between two wide characters should vanish,
//! no browser does it, and Hugo (`eastAsianLineBreaks`) and VitePress (a plugin) leave it to a
//! setting. Here it vanishes whenever the characters on both sides are Chinese or Japanese
//! characters or their punctuation; Korean, which puts spaces between words, keeps it.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// Characters written without spaces around them: Han, kana, CJK punctuation and full-width
/// forms (not Hangul).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF01..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x2FFFF | 0x2E80..=0x2FDF | 0x31F0..=0x31FF)
}

/// Marks English uses too (curly quotes, the ellipsis, the dash): wide beside a wide character,
/// but two of them alone say nothing ("Save”\n“Cancel” keeps its space).
fn is_shared(c: char) -> bool {
    matches!(c, '…' | '—' | '“' | '”' | '‘' | '’')
}

/// Inline markup a break may sit beside without ending the text it is in: `**粗体**\n下一行`.
fn is_inline_edge(e: &Event) -> bool {
    matches!(
        e,
        Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link)
    )
}

/// Whether the text on one side of event `at` (the nearest text, through inline markup) is
/// wide where it meets the break: its character there is wide or a shared mark, and the
/// nearest one that is no shared mark is wide (`的”` is, `Save”` is not).
fn wide_side(events: &[(Event, Range<usize>)], at: usize, back: bool) -> bool {
    let mut i = at;
    loop {
        i = match if back { i.checked_sub(1) } else { Some(i + 1) } {
            Some(i) => i,
            None => return false,
        };
        match events.get(i).map(|e| &e.0) {
            Some(Event::Text(t)) => {
                let mut chars: Box<dyn Iterator<Item = char>> = if back {
                    Box::new(t.chars().rev())
                } else {
                    Box::new(t.chars())
                };
                return match chars.next() {
                    Some(c) if is_wide(c) => true,
                    Some(c) if is_shared(c) => chars.find(|c| !is_shared(*c)).is_some_and(is_wide),
                    _ => false,
                };
            }
            Some(e) if is_inline_edge(e) => continue,
            _ => return false,
        }
    }
}

/// A break between two links, one a line (the Rust book's `[前言](foreword.md)` then
/// `[简介](ch00-00-introduction.md)`): without its space the two read as one word, 前言简介.
fn between_links(events: &[(Event, Range<usize>)], at: usize) -> bool {
    at > 0
        && matches!(events[at - 1].0, Event::End(TagEnd::Link))
        && matches!(
            events.get(at + 1),
            Some((Event::Start(Tag::Link { .. }), _))
        )
}

/// `events` without the soft breaks that have wide characters on both sides.
pub(super) fn join_wide_lines<'a>(
    events: Vec<(Event<'a>, Range<usize>)>,
) -> Vec<(Event<'a>, Range<usize>)> {
    let drop: Vec<bool> = (0..events.len())
        .map(|i| {
            matches!(events[i].0, Event::SoftBreak)
                && !between_links(&events, i)
                && wide_side(&events, i, true)
                && wide_side(&events, i, false)
        })
        .collect();
    if !drop.contains(&true) {
        return events;
    }
    events
        .into_iter()
        .zip(drop)
        .filter_map(|(e, d)| (!d).then_some(e))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str) -> String {
        super::super::html_after(md, join_wide_lines)
    }

    #[test]
    fn a_break_between_chinese_characters_vanishes() {
        assert_eq!(
            render("绑卡失败时请先检查预留手机号是否正确\n然后再联系发卡银行客服。\n"),
            "<p>绑卡失败时请先检查预留手机号是否正确然后再联系发卡银行客服。</p>\n"
        );
        // Beside punctuation and through inline markup.
        assert_eq!(
            render("第一句。\n**第二句**\n[第三句](a.md)。\n"),
            "<p>第一句。<strong>第二句</strong><a href=\"a.md\">第三句</a>。</p>\n"
        );
        assert_eq!(render("日本語の\nテキスト\n"), "<p>日本語のテキスト</p>\n");
        assert_eq!(
            render("他说：“好的”\n“谢谢”\n"),
            "<p>他说：“好的”“谢谢”</p>\n"
        );
    }

    #[test]
    fn a_break_beside_other_text_stays() {
        for md in [
            "打开 WeChat\n然后点击\n",
            "点击设置\nthen tap\n",
            "English text\nwraps here\n",
            "한국어 문장\n다음 줄\n",
            "代码 `x`\n后面\n",
            "中文  \n硬换行\n",
            // English's curly quotes, ellipsis and dash (found by a tester).
            "Click “Save”\n“Cancel” closes it\n",
            "Loading…\n“Done”\n",
            "a —\n— b\n",
            // Two links, one a line: apart, they are two (the Rust book's prefix chapters).
            "[前言](a.md)\n[简介](b.md)\n",
        ] {
            let plain = super::super::html_after(md, |e| e);
            assert_eq!(render(md), plain, "{md:?}");
        }
    }
}
