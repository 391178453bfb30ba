//! What Chinese input methods make of Markdown: the author meant a list or a link, and the page
//! shows the characters. No Markdown tool reads these, so they are named with what to type
//! rather than guessed at: `1、打开 App` (a numbered list is `1. `) and `[常见问题]（faq.md）`
//! (a link's parentheses are ASCII). Found by a helper writing a help center by hand; a reader
//! saw `1、打开 App 2、点击“我的”` run together as one paragraph.
//!
//! One slip is read as meant instead: a file name with a space (macOS names screenshots
//! `截屏2024-05-01 10.23.45.png`), which CommonMark takes only in angle brackets. Written
//! `![设置](截屏2024-05-01 10.23.45.png)`, the page showed that text and published no image.

use super::Transform;
use crate::error::Diagnostic;

/// Whether a line starts like a list item written with the enumeration comma: `1、`, `12、`,
/// not a series of numbers (`3、5、7 号线`).
fn comma_numbered(trimmed: &str) -> bool {
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && trimmed[digits..]
            .strip_prefix('、')
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a line holds a link with full-width parentheses: `[text]（target）`.
fn full_width_link(line: &str) -> bool {
    let (Some(open), Some(close)) = (line.find('['), line.rfind('）')) else {
        return false;
    };
    line.match_indices("]（").any(|(at, _)| {
        // What the parentheses hold looks like a target (`/a.md`, `faq.md`, `https://…`,
        // `#anchor`), not a remark (`[可选]（默认值）`, `arr[0]（第一项）`).
        let inner = &line[at + "]（".len()..];
        let inner = &inner[..inner.find('）').unwrap_or(inner.len())];
        open < at
            && at < close
            && !inner.contains(' ')
            && (inner.starts_with(['/', '.', '#'])
                || inner.starts_with("http")
                || inner.rsplit_once('.').is_some_and(|(_, ext)| {
                    matches!(
                        ext.split('#').next(),
                        Some("md" | "html" | "htm" | "png" | "jpg" | "pdf")
                    )
                }))
    })
}

/// A table's delimiter row with its tabs as spaces (`|:-\t\t|:-\t|`, uni-app's tables, aligned
/// with tabs in an editor), `None` for any other line. GitHub and markdown-it read tabs there as
/// the spaces they are; pulldown-cmark does not, and the table showed as a paragraph of pipes.
pub(super) fn tabbed_delimiter_row(line: &str) -> Option<String> {
    let t = line.trim();
    // Indented code keeps its tabs.
    let is_row = line.contains('\t')
        && !line.starts_with('\t')
        && !line.starts_with("    ")
        && t.contains('-')
        && t.contains('|')
        && t.bytes()
            .all(|b| matches!(b, b'|' | b':' | b'-' | b' ' | b'\t'));
    is_row.then(|| line.replace('\t', " "))
}

/// `line` with each link or image destination that holds a space and names a file
/// (`](截屏 1.png)`) put in angle brackets, as CommonMark reads such a path; `None` when there
/// is none. A destination with a title (`](a.png "说明")`), code spans, indented code and
/// lines longer than a paragraph's are left alone (the caller skips fences and HTML blocks).
pub(super) fn spaced_paths(line: &str) -> Option<String> {
    // Most lines have no link: nothing is read of them (every line of every page comes here).
    if line.len() > 4096
        || line.starts_with('\t')
        || line.starts_with("    ")
        || !line.contains("](")
    {
        return None;
    }
    let code = code_spans(line);
    let mut out = String::new();
    let mut from = 0;
    let open = line.find('[');
    let (mut close, mut no_close) = (None::<usize>, false);
    for (at, _) in line.match_indices("](") {
        if at < from || code.iter().any(|r| r.contains(&at)) || open.is_none_or(|o| o > at) {
            continue;
        }
        let start = at + 2;
        // The first `)` from here: the one found for an earlier mark, if it is still ahead.
        if close.is_some_and(|c| c < start) || (close.is_none() && !no_close) {
            close = line[start..].find(')').map(|i| start + i);
            no_close = close.is_none();
        }
        let Some(len) = close.map(|c| c - start) else {
            continue;
        };
        let dest = &line[start..start + len];
        let Some((_, after_space)) = dest.trim().split_once(' ') else {
            continue;
        };
        let names_file = dest.trim_end().rsplit_once('.').is_some_and(|(_, ext)| {
            (1..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric())
        });
        // A bracket or parenthesis: a link inside the brackets (RocketMQ's docs wrote
        // `[Issue]( [Mirror (github.com)](https://…) )`), not a file's name.
        if dest.contains(['<', '>', '`', '"', '[', ']', '('])
            || after_space.trim_start().starts_with(['\'', '('])
            || !names_file
        {
            continue;
        }
        out.push_str(&line[from..start]);
        out.push('<');
        out.push_str(dest.trim());
        out.push('>');
        from = start + len;
    }
    (from > 0).then(|| {
        out.push_str(&line[from..]);
        out
    })
}

/// The byte ranges of `line`'s code spans: a run of backticks to the next run as long.
fn code_spans(line: &str) -> Vec<std::ops::Range<usize>> {
    let b = line.as_bytes();
    let runs: Vec<(usize, usize)> = {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'`' {
                let start = i;
                while i < b.len() && b[i] == b'`' {
                    i += 1;
                }
                runs.push((start, i - start));
            } else {
                i += 1;
            }
        }
        runs
    };
    let mut spans = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        let (start, n) = runs[k];
        match runs[k + 1..].iter().position(|&(_, m)| m == n) {
            Some(j) => {
                let (end, _) = runs[k + 1 + j];
                spans.push(start..end + n);
                k += j + 2;
            }
            None => k += 1,
        }
    }
    spans
}

impl Transform<'_> {
    /// Warns about the slips above on line `i` (outside code, which `read_line` has handled).
    pub(super) fn writing_slips(&mut self, trimmed: &str, i: usize) {
        // Inside an HTML block (it ends at a blank line), and past a paragraph's first line
        // (`3、5、7 号线` wrapped there), nothing is a list.
        let quoted = trimmed
            .strip_prefix('>')
            .map(|q| q.trim_start_matches([' ', '>']));
        match quoted {
            Some(q) if q.starts_with("```") || q.starts_with("~~~") => {
                self.quote_fence = !self.quote_fence
            }
            None => self.quote_fence = false,
            _ => {}
        }
        let starts_paragraph = self.after_blank;
        self.after_blank = trimmed.is_empty();
        if trimmed.starts_with('<') {
            self.html_block = true;
        }
        if trimmed.is_empty() {
            self.html_block = false;
        }
        if self.html_block {
            return;
        }
        let numbered = comma_numbered(trimmed);
        if numbered && !self.comma_list && starts_paragraph {
            self.warnings.push(
                Diagnostic::warning("`1、` does not start a numbered list in Markdown: the steps show as plain text, and lines with no blank line between them run together as one paragraph")
                    .at_line(i + 1)
                    .hint("write `1. ` (a digit, a period and a space) at the start of each step"),
            );
        }
        self.comma_list = numbered || (self.comma_list && !trimmed.is_empty());
        if full_width_link(trimmed) {
            self.warnings.push(
                Diagnostic::warning(
                    "a link written with full-width parentheses `]（…）` shows as text",
                )
                .at_line(i + 1)
                .hint("type ASCII parentheses: `[text](target)`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_delimiter_row_aligned_with_tabs() {
        assert_eq!(
            super::tabbed_delimiter_row("|:-|:-\t\t|\t-:|").as_deref(),
            Some("|:-|:-  | -:|")
        );
        for other in ["|:-|:-|", "a\t|b", "\t- 列表", "|\t|\t|", "\t|:-|\t:-|"] {
            assert_eq!(super::tabbed_delimiter_row(other), None, "{other}");
        }
    }

    use super::super::tests::run;

    #[test]
    fn chinese_input_slips_get_a_warning_each() {
        let b = run(
            "步骤：\n\n1、打开 App\n2、点击“我的”\n3、点击“设置”\n\n详见[常见问题]（faq.md）。\n",
        );
        let messages: Vec<(Option<usize>, &str)> = b
            .warnings
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert_eq!(messages[0].0, Some(3), "once per list, at its first line");
        assert!(messages[0].1.contains("`1、`"));
        assert_eq!(messages[1].0, Some(7));
        assert!(messages[1].1.contains("full-width"));
    }

    #[test]
    fn a_file_name_with_a_space_is_read_as_one() {
        use super::spaced_paths;
        assert_eq!(
            spaced_paths("![设置页面](截屏2024-05-01 10.23.45.png) 后文").as_deref(),
            Some("![设置页面](<截屏2024-05-01 10.23.45.png>) 后文")
        );
        assert_eq!(
            spaced_paths("见[说明](files/用户 手册.pdf)和[别处](a b.md#x)").as_deref(),
            Some("见[说明](<files/用户 手册.pdf>)和[别处](a b.md#x)"),
            "a fragment is no file extension: left as written"
        );
        for line in [
            "![图](a.png \"标题\")",
            "![图](<a b.png>)",
            "`![图](a b.png)`",
            // Found by a tester: longer code spans, indented code, a `<` in the path.
            "`` x ` ![图](a b.png) ``",
            "    ![图](a b.png)",
            "[x](x<b c.png)",
            "(说明 文字) 和 (a b.png)",
            "[链接](a.md)",
            // RocketMQ's docs: a link written inside another's destination.
            "[GitHub Issue]( [apache/rocketmq: Mirror (github.com)](https://github.com/apache/rocketmq/issues) )",
        ] {
            assert_eq!(spaced_paths(line), None, "{line:?}");
        }
    }

    #[test]
    fn long_lines_are_read_in_one_pass() {
        // (Measured, not asserted: read once per mark, such lines took minutes.)
        let line = "[a](b c.png)`](`".repeat(20_000) + &"]（".repeat(100_000);
        assert_eq!(
            super::spaced_paths(&line),
            None,
            "longer than a paragraph's line"
        );
        let short = "[a](b c.png)`](`".repeat(200);
        assert!(super::spaced_paths(&short).is_some());
        assert_eq!(
            super::spaced_paths(&"[a](b c.png".repeat(300)),
            None,
            "no `)`"
        );
        let b = run(&format!("{line}\n"));
        assert!(
            !b.warnings.iter().any(|w| w.message.contains("full-width")),
            "no `）` after the full-width marks"
        );
    }

    #[test]
    fn what_is_meant_as_text_gets_none() {
        for md in [
            "2024、2025 两年的数据\n",
            "1. 打开 App\n2. 点击\n",
            "```\n1、代码里\n[a]（b）\n```\n",
            "（见上文）和 [链接](a.md)（可选）\n",
            "第 1、2 步\n",
            // Found by a tester: a wrapped series of numbers, an HTML block, remarks.
            "地铁可坐\n3、5、7 号线\n",
            "换乘\n12、到站\n",
            "<div>\n1、第一\n2、第二\n</div>\n",
            "arr[0]（第一项）和 [可选]（默认值）\n",
        ] {
            let b = run(md);
            assert!(b.warnings.is_empty(), "{md:?}: {:?}", b.warnings);
        }
    }
}
