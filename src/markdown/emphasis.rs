//! Bold text that CommonMark leaves as asterisks in Chinese: `**与 MySQL 兼容。**高度兼容…`.
//! A closing `**` right after a punctuation mark closes only when a space or another mark
//! follows, which English prose has and Chinese prose does not (TiDB's docs: 53 stray `**` on 11
//! pages). Renderers written for Chinese relax the rule; here, a pair of `**` that the parser
//! left as text within one block becomes bold when a Chinese punctuation mark is what kept it
//! from matching.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// Chinese (full-width) punctuation: the marks beside a `**` that CommonMark's flanking rules
/// read as punctuation, so that Chinese text after them cannot close or open a span.
fn is_cjk_mark(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '…'
            | '—'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '「'
            | '」'
            | '『'
            | '』'
            | '【'
            | '】'
            | '“'
            | '”'
            | '‘'
            | '’'
    )
}

/// A mark with Chinese text on its outer side and punctuation or markup on its inner side:
/// `的**_所有_**保存点`, `请**[链接](x)**后`. CommonMark reads the text as a letter, so a mark
/// between a letter and punctuation can neither open (nor close) the span; in English the
/// outer side is a space.
fn kept_by_chinese_text(outer: Option<char>, inner: Option<char>) -> bool {
    outer.is_some_and(crate::tokenize::is_cjk)
        && inner.is_none_or(|c| c.is_ascii_punctuation() || is_cjk_mark(c))
}

/// Where a literal `**` in a Text event is: the event, the byte offset in its text, and how
/// many inline elements (links, emphasis) were open around it.
#[derive(Clone, Copy)]
struct Mark {
    event: usize,
    at: usize,
    depth: usize,
}

/// Rewrites `events` so that each pair of literal `**` in one block, kept apart from matching
/// by a Chinese punctuation mark, becomes `<strong>`. Only text that is the source as written
/// is read, an escaped `\**` stays asterisks, and what is not prose is never touched: code
/// blocks (their text is Text too), an image's alt text, an autolink's URL, inline HTML.
pub(super) fn chinese_strong<'a>(
    events: Vec<(Event<'a>, Range<usize>)>,
    body: &str,
) -> Vec<(Event<'a>, Range<usize>)> {
    if !events
        .iter()
        .any(|(e, _)| matches!(e, Event::Text(t) if t.contains('*')))
    {
        return events;
    }
    let original = events;
    let events = joined(original.clone());
    let mut pairs: Vec<(Mark, Mark)> = Vec::new();
    let mut open: Option<Mark> = None;
    // Inside code, an image or an autolink (how deep), and the inline elements open around the
    // text, with the fewest open since the opening mark: a pair must not cross a link's edge.
    let mut not_prose = 0usize;
    let mut depth = 0usize;
    let mut floor = 0usize;
    for (i, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Text(t) if not_prose == 0 && body.get(range.clone()) == Some(t.as_ref()) => {
                for at in doubled_stars(t) {
                    if range.start + at > 0 && body.as_bytes()[range.start + at - 1] == b'\\' {
                        open = None;
                        continue;
                    }
                    let before = t[..at].chars().next_back();
                    let after = t[at + 2..].chars().next();
                    let here = Mark {
                        event: i,
                        at,
                        depth,
                    };
                    match open {
                        // (Nothing before or after, in this text: inline markup, a link or code.)
                        Some(o)
                            if before.is_none_or(|c| !c.is_whitespace())
                                && o.depth == depth
                                && floor >= depth =>
                        {
                            let (ob, oa) = around(&events, o);
                            if [ob, oa, before, after]
                                .into_iter()
                                .flatten()
                                .any(is_cjk_mark)
                                || kept_by_chinese_text(ob, oa)
                                || kept_by_chinese_text(after, before)
                            {
                                pairs.push((o, here));
                                open = None;
                            } else {
                                open = opener(after, here);
                            }
                        }
                        _ => open = opener(after, here),
                    }
                    if open.is_some() {
                        floor = depth;
                    }
                }
            }
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. }) => {
                not_prose += 1;
                open = None;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Image) => {
                not_prose = not_prose.saturating_sub(1)
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => not_prose += 1,
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Strikethrough) => {
                depth += 1
            }
            Event::End(TagEnd::Link) if not_prose > 0 => not_prose -= 1,
            Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Strikethrough,
            ) => {
                depth = depth.saturating_sub(1);
                floor = floor.min(depth);
            }
            Event::Text(_) | Event::Code(_) | Event::SoftBreak => {}
            // Inline HTML may open or close anything: no pair spans it. Anything else ends the
            // block a pair must be within.
            _ => open = None,
        }
    }
    if pairs.is_empty() {
        // The events as the parser gave them: a page with no such pair is read as before.
        return original;
    }
    split(events, &pairs)
}

/// Adjacent Text events joined: the parser hands a `**` it did not match as a Text of its own
/// (one pass, each piece copied once, however long the paragraph).
fn joined<'a>(events: Vec<(Event<'a>, Range<usize>)>) -> Vec<(Event<'a>, Range<usize>)> {
    let mut out: Vec<(Event<'a>, Range<usize>)> = Vec::with_capacity(events.len());
    let mut run: Option<(String, Range<usize>)> = None;
    let flush = |out: &mut Vec<(Event<'a>, Range<usize>)>, run: Option<(String, Range<usize>)>| {
        if let Some((text, range)) = run {
            out.push((Event::Text(CowStr::from(text)), range));
        }
    };
    for (event, range) in events {
        match (&event, &mut run) {
            (Event::Text(next), Some((text, r))) if r.end == range.start => {
                text.push_str(next);
                r.end = range.end;
            }
            (Event::Text(next), _) => {
                flush(&mut out, run.take());
                run = Some((next.to_string(), range));
            }
            _ => {
                flush(&mut out, run.take());
                out.push((event, range));
            }
        }
    }
    flush(&mut out, run);
    out
}

/// A `**` at `at` that may open a span: something other than a space follows it.
fn opener(after: Option<char>, here: Mark) -> Option<Mark> {
    after.is_none_or(|c| !c.is_whitespace()).then_some(here)
}

/// The characters before and after the mark.
fn around(events: &[(Event, Range<usize>)], m: Mark) -> (Option<char>, Option<char>) {
    match &events[m.event].0 {
        Event::Text(t) => (t[..m.at].chars().next_back(), t[m.at + 2..].chars().next()),
        _ => (None, None),
    }
}

/// Offsets of the runs of exactly two `*` in `t`.
fn doubled_stars(t: &str) -> Vec<usize> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'*' {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i] == b'*' {
            i += 1;
        }
        if i - start == 2 {
            out.push(start);
        }
    }
    out
}

/// Cuts the Text events at the pairs' marks, putting Start/End(Strong) in their place.
fn split<'a>(
    events: Vec<(Event<'a>, Range<usize>)>,
    pairs: &[(Mark, Mark)],
) -> Vec<(Event<'a>, Range<usize>)> {
    // Per event, its marks in order, each opening or closing.
    let mut marks: Vec<Vec<(usize, bool)>> = vec![Vec::new(); events.len()];
    for (o, c) in pairs {
        marks[o.event].push((o.at, true));
        marks[c.event].push((c.at, false));
    }
    let mut out = Vec::with_capacity(events.len() + pairs.len() * 4);
    for ((event, range), mut here) in events.into_iter().zip(marks) {
        if here.is_empty() {
            out.push((event, range));
            continue;
        }
        here.sort_unstable();
        let Event::Text(text) = event else {
            out.push((event, range));
            continue;
        };
        let mut from = 0;
        for (at, opens) in here {
            if at > from {
                let piece = CowStr::from(text[from..at].to_owned());
                out.push((Event::Text(piece), range.start + from..range.start + at));
            }
            let mark = range.start + at..range.start + at + 2;
            out.push((
                if opens {
                    Event::Start(Tag::Strong)
                } else {
                    Event::End(TagEnd::Strong)
                },
                mark,
            ));
            from = at + 2;
        }
        if from < text.len() {
            let piece = CowStr::from(text[from..].to_owned());
            out.push((Event::Text(piece), range.start + from..range.end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str) -> String {
        super::super::html_after(md, |e| chinese_strong(e, md))
    }

    #[test]
    fn bold_ending_in_a_chinese_mark_is_bold() {
        assert_eq!(
            render("- **与 TiDB 同样保持 MySQL 兼容性。**高度兼容\n"),
            "<ul>\n<li><strong>与 TiDB 同样保持 MySQL 兼容性。</strong>高度兼容</li>\n</ul>\n"
        );
        assert_eq!(
            render("高可用依赖于**etcd。**DM master 与 `**x**` 无关\n"),
            "<p>高可用依赖于<strong>etcd。</strong>DM master 与 <code>**x**</code> 无关</p>\n"
        );
        // Across a link or code inside the bold text.
        assert_eq!(
            render("见**[文档](a.md)：**下文\n"),
            "<p>见<strong><a href=\"a.md\">文档</a>：</strong>下文</p>\n"
        );
    }

    #[test]
    fn bold_around_markup_after_chinese_text_is_bold() {
        // TiDB's docs: emphasis, a link or code inside the bold text, Chinese text outside it.
        assert_eq!(
            render("删除指定名称及之后的**_所有_**保存点\n"),
            "<p>删除指定名称及之后的<strong><em>所有</em></strong>保存点</p>\n"
        );
        assert_eq!(
            render("`DELETE` 语句**_并不会_**立即减少\n"),
            "<p><code>DELETE</code> 语句<strong><em>并不会</em></strong>立即减少</p>\n"
        );
        assert_eq!(
            render("请先阅读**[说明](a.md)**再操作\n"),
            "<p>请先阅读<strong><a href=\"a.md\">说明</a></strong>再操作</p>\n"
        );
        assert_eq!(
            render("参数**`--force`**会覆盖\n"),
            "<p>参数<strong><code>--force</code></strong>会覆盖</p>\n"
        );
    }

    #[test]
    fn what_commonmark_reads_is_left_alone() {
        for md in [
            // Code, an image's alt text, an autolink: not prose (found by a tester: the code
            // lost its asterisks, and the copy button copied it so).
            "```markdown\n> **注意：**\n```\n",
            "```python\nprint(\"**结果：**\")\n```\n",
            "    **缩进。**代码\n",
            "![**图。**说明](a.png)\n",
            "<https://x.example/**a。**b>\n",
            // An escaped star stays a star.
            "\\**转义。**后\n",
            // A pair never crosses a link's edge or inline HTML.
            "**x。[链接。**](a.md)\n",
            "**x。<span>y。**</span>\n",
            "**加粗**正文\n",
            "a ** b ** c\n",
            "价格 \\*\\*。\\*\\*x\n",
            "**未闭合。\n\n另一段**x\n",
            "2**3**4\n",
            // English text beside punctuation inside the marks: CommonMark's reading stays.
            "a**(b)**c\n",
            "word**`x`**word\n",
        ] {
            let plain = super::super::html_after(md, |e| e);
            assert_eq!(render(md), plain, "{md:?}");
        }
    }

    #[test]
    fn a_long_paragraph_with_a_star_renders_as_written() {
        // 200 KB in one paragraph, Text events by the thousand, all joined. (Its speed is
        // measured, not asserted: joined piece by piece it took 9.1 s for 640 KB, now 0.53 s.)
        let md = format!("*{}\n", "文字&amp;".repeat(20_000));
        assert!(render(&md).starts_with("<p>*文字&amp;"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_renders_and_keeps_its_words(s in "[a-z的字。，：**_`\\[\\]() \n]{0,40}") {
                let html = render(&s);
                // Tags balance: every strong opened is closed.
                prop_assert_eq!(html.matches("<strong>").count(), html.matches("</strong>").count());
            }
        }
    }
}
