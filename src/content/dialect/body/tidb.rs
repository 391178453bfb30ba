//! TiDB's docs (PingCAP): a note is a quote whose first line is a bold label —
//! `> **注意：**`, `> **警告：**`, `> **Tip:**` — with the note's text on the quote's next lines
//! (tidb-docs-cn has about 1,500). pingcap.com shows them as boxes; here they become the theme's
//! callouts, titled with the author's word so the label shows once, as the box's title, not
//! again as the first line of its text.
//!
//! Only a quote's first line is read so, and only a label of these words alone or with a colon
//! (`**注意：** 文字` keeps its text): a quote that starts with other bold text stays a quote.

use super::{DIRECTIVE, Transform, callout_directive};

/// The callout kind of a note's label, as TiDB's writers (and PingCAP's English docs) word it.
fn kind_of(word: &str) -> Option<&'static str> {
    let kind = match word {
        "注意" | "说明" => "note",
        "警告" | "小心" => "warning",
        "建议" | "提示" => "tip",
        "重要" => "important",
        w if w.eq_ignore_ascii_case("note") => "note",
        w if w.eq_ignore_ascii_case("warning") || w.eq_ignore_ascii_case("caution") => "warning",
        w if w.eq_ignore_ascii_case("tip") => "tip",
        w if w.eq_ignore_ascii_case("important") => "important",
        _ => return None,
    };
    Some(kind)
}

/// What a quote's first line says after its `>`, when it opens a note: the callout kind, the
/// label as written (without its colon), and the text after the label. Also GitHub's alert
/// marker with the Chinese word (`> [!注意]`), which Chinese writers type by analogy with
/// `> [!NOTE]`, and which Markdown otherwise shows as text.
pub(super) fn note_label(text: &str) -> Option<(&'static str, &str, &str)> {
    if let Some(marker) = text.trim_start().strip_prefix("[!") {
        let (word, rest) = marker.split_once(']')?;
        let word = word.trim();
        // `[!NOTE]` and the other English kinds are the parser's own.
        if word.is_ascii() {
            return None;
        }
        return Some((kind_of(word)?, word, rest.trim()));
    }
    let inner_and_after = text.trim_start().strip_prefix("**")?;
    let (inner, after) = inner_and_after.split_once("**")?;
    let inner = inner.trim();
    let word = inner.trim_end_matches(['：', ':']).trim_end();
    let colon_inside = word.len() < inner.len();
    let after_colon = after.trim_start().strip_prefix(['：', ':']);
    let rest = after_colon.unwrap_or(after).trim();
    // `**注意**事项` is emphasis in a sentence, not a label.
    if !(rest.is_empty() || colon_inside || after_colon.is_some()) {
        return None;
    }
    Some((kind_of(word)?, word, rest))
}

/// A line of a quote: its first non-blank character is `>`.
pub(super) fn is_quoted(line: &str) -> bool {
    line.trim_start().starts_with('>')
}

impl Transform<'_> {
    /// A line while a note is open: a line of its quote without the `>` (and one space after
    /// it), as the callout's Markdown; any other line ends the note, and is read as it is.
    pub(super) fn note_line(&mut self, line: &str, i: usize) -> Option<String> {
        let pad = self.note.clone()?;
        if !is_quoted(line) {
            self.end_note(&pad, i);
            return None;
        }
        let inner = &line.trim_start()[1..];
        let inner = inner.strip_prefix(' ').unwrap_or(inner);
        self.changed = true;
        Some(format!("{pad}{inner}"))
    }

    /// The first line of a quote that is a note: the callout opens, with the text after the
    /// label, if any, as its first line.
    pub(super) fn note_start(&mut self, line: &str, i: usize) -> Option<()> {
        let trimmed = line.trim_start();
        let (kind, word, rest) = note_label(trimmed.strip_prefix('>')?)?;
        let pad = line[..line.len() - trimmed.len()].to_owned();
        self.replace(
            format!("{pad}{DIRECTIVE}{}-->", callout_directive(kind, Some(word))),
            i,
        );
        self.note = Some(pad.clone());
        if !rest.is_empty() {
            self.shifted = true;
            self.read_line(i, &format!("{pad}{rest}"));
        }
        Some(())
    }

    /// Closes the open note before line `src`: a code block its quote left open ends with it,
    /// as it does in the quote.
    pub(super) fn end_note(&mut self, pad: &str, src: usize) {
        self.note = None;
        self.shifted = true;
        let before = src.saturating_sub(1);
        if let Some((c, n)) = self.fence.take() {
            self.replace(format!("{pad}{}", c.to_string().repeat(n)), before);
        }
        self.replace(format!("{pad}{DIRECTIVE}end-->"), before);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use super::*;

    #[test]
    fn labels_of_notes() {
        assert_eq!(note_label(" **注意：**"), Some(("note", "注意", "")));
        assert_eq!(note_label(" **注意**："), Some(("note", "注意", "")));
        assert_eq!(note_label("**注意:**"), Some(("note", "注意", "")));
        assert_eq!(
            note_label(" **警告：** 不要这样做。"),
            Some(("warning", "警告", "不要这样做。"))
        );
        assert_eq!(note_label(" **Tip:**"), Some(("tip", "Tip", "")));
        assert_eq!(note_label(" **Note**"), Some(("note", "Note", "")));
        assert_eq!(note_label(" **建议：**"), Some(("tip", "建议", "")));
        assert_eq!(
            note_label(" **Caution:** x"),
            Some(("warning", "Caution", "x"))
        );
        assert_eq!(note_label(" **重要**"), Some(("important", "重要", "")));
        assert_eq!(note_label(" [!注意]"), Some(("note", "注意", "")));
        assert_eq!(
            note_label(" [!警告] 别这样"),
            Some(("warning", "警告", "别这样"))
        );
        assert_eq!(note_label(" [!NOTE]"), None, "the parser's own");
        assert_eq!(note_label(" [!随便]"), None);
        // Other bold text, or a label word inside a sentence, is no label.
        for no in [
            " **磁盘**",
            " **调试提示：**",
            " **不建议**",
            " **注意**事项很多",
            " **Note** that this",
            " **注意",
            " 注意：",
            "",
        ] {
            assert_eq!(note_label(no), None, "{no:?}");
        }
    }

    #[test]
    fn a_note_is_a_callout_titled_with_its_label() {
        let b = run(
            "前文。\n\n> **注意：**\n>\n> 目前该工具仅支持 {{{ .company }}} 的版本。\n> - 第一项\n\n后文。\n",
        );
        assert_eq!(
            b.text,
            "前文。\n\n<!--helpcenter:callout note \"注意\"-->\n\n目前该工具仅支持 PingCAP 的版本。\n- 第一项\n<!--helpcenter:end-->\n\n后文。\n"
        );
        assert_eq!(b.line_map.len(), b.text.split('\n').count());
        assert_eq!(b.line_map[6], 5, "the end stands for the note's last line");
        assert_eq!(b.line_map[8], 7, "后文 keeps its line");
    }

    #[test]
    fn label_and_text_on_one_line_in_a_list_with_code() {
        let b = run(
            "1. 步骤\n\n    > **Tip:** 先备份。\n    >\n    > ```sql\n    > SELECT 1;\n\n2. 下一步\n",
        );
        assert_eq!(
            b.text,
            "1. 步骤\n\n    <!--helpcenter:callout tip \"Tip\"-->\n    先备份。\n    \n    ```sql\n    SELECT 1;\n    ```\n    <!--helpcenter:end-->\n\n2. 下一步\n"
        );
    }

    #[test]
    fn other_quotes_stay_quotes() {
        for text in [
            "> **磁盘**\n> 文字\n",
            "> 引文\n> **注意：**\n> 文字\n",
            "```md\n> **注意：**\n```\n",
            "<!--\n> **注意：**\n-->\n",
        ] {
            assert_eq!(run(text).text, text);
        }
        // A quote that runs on without `>` (a lazy line) still starts no note on its next `>`.
        let lazy = "> 引文\n接着\n> **警告：**\n";
        assert_eq!(run(lazy).text, lazy);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, failure_persistence: None, ..Default::default() })]

        /// Any first line: read without a panic; a label is only ever one of the words.
        #[test]
        fn any_line_is_read(line in "\\PC{0,30}", word in "(注意|警告|Tip|Note|磁盘|)[：: ]{0,2}") {
            for text in [line.clone(), format!(" **{word}**{line}"), format!("**{line}**")] {
                if let Some((kind, w, _)) = note_label(&text) {
                    proptest::prop_assert_eq!(kind_of(w), Some(kind));
                }
            }
        }

        /// Any body of quotes, labels, fences and text: no panic, a line map as long as the
        /// text, every directive closed, and no line of text lost but the labels.
        #[test]
        fn any_body_keeps_its_text(lines in proptest::collection::vec(body_line(), 0..16)) {
            let body = lines.join("\n");
            let b = run(&body);
            if !b.line_map.is_empty() {
                proptest::prop_assert_eq!(b.line_map.len(), b.text.split('\n').count());
            }
            proptest::prop_assert_eq!(
                b.text.matches("helpcenter:callout").count(),
                b.text.matches("helpcenter:end").count()
            );
            for l in &lines {
                let words = l.trim_start().trim_start_matches('>').trim();
                if !words.is_empty() && !words.contains("**") && !words.starts_with("```") {
                    proptest::prop_assert!(b.text.contains(words), "{words:?} lost from {:?}", b.text);
                }
            }
        }
    }

    /// Lines of TiDB's pages: notes, quotes, fences, lists and text.
    fn body_line() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "> **注意：**",
            "> **Tip:** 文字",
            "> **磁盘**",
            ">",
            "> 引文",
            "> ```sql",
            "```",
            "SELECT 1;",
            "",
            "    ",
            "- 列表",
            "    > **警告**",
            "正文",
            "<!--",
            "-->",
            "> > 嵌套",
        ]);
        prop::collection::vec(piece, 1..3).prop_map(|v| v.concat())
    }
}
