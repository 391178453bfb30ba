//! What Chinese input methods make of Markdown: the author meant a list or a link, and the page
//! shows the characters. No Markdown tool reads these, so they are named with what to type
//! rather than guessed at: `1、打开 App` (a numbered list is `1. `) and `[常见问题]（faq.md）`
//! (a link's parentheses are ASCII). Found by a helper writing a help center by hand; a reader
//! saw `1、打开 App 2、点击“我的”` run together as one paragraph.

use super::Transform;
use crate::error::Diagnostic;

/// Whether a line starts like a list item written with the enumeration comma: `1、`, `12、`.
fn comma_numbered(trimmed: &str) -> bool {
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && trimmed[digits..].starts_with('、')
}

/// Whether a line holds a link with full-width parentheses: `[text]（target）`.
fn full_width_link(line: &str) -> bool {
    line.match_indices("]（")
        .any(|(at, _)| line[..at].contains('[') && line[at..].contains('）'))
}

impl Transform<'_> {
    /// Warns about the slips above on line `i` (outside code, which `read_line` has handled).
    pub(super) fn writing_slips(&mut self, trimmed: &str, i: usize) {
        if comma_numbered(trimmed) && !self.comma_list {
            self.warnings.push(
                Diagnostic::warning("`1、` does not start a numbered list in Markdown: these lines show as one paragraph")
                    .at_line(i + 1)
                    .hint("write `1. ` (a digit, a period and a space) at the start of each step"),
            );
        }
        self.comma_list = comma_numbered(trimmed) || (self.comma_list && !trimmed.is_empty());
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
    fn what_is_meant_as_text_gets_none() {
        for md in [
            "2024、2025 两年的数据\n",
            "1. 打开 App\n2. 点击\n",
            "```\n1、代码里\n[a]（b）\n```\n",
            "（见上文）和 [链接](a.md)（可选）\n",
            "第 1、2 步\n",
        ] {
            let b = run(md);
            assert!(b.warnings.is_empty(), "{md:?}: {:?}", b.warnings);
        }
    }
}
