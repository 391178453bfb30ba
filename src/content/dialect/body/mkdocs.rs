//! MkDocs's indented blocks (Python-Markdown's admonitions, PyMdown's content tabs): a header line
//! and a body indented four spaces more, which ends at the first line indented less.
//!
//! - `!!! note "Title"` is a callout; `??? note "Title"` a closed details block, `???+` an open
//!   one. Words between the type and the title are CSS classes (`inline end`), not title; an empty
//!   title (`""`) shows none; a title's links and code read as their text.
//! - `=== "Label"` is a tab; tabs one after another at one column are one set (`===!` starts a
//!   new set). Material for MkDocs writes its install steps and code variants this way.

use super::{
    DIRECTIVE, Open, Transform, callout_directive, callout_kind, container, details_directive,
    tab_directive,
};

impl Transform<'_> {
    /// The column an indented block opened here puts its body at: the line's own indentation
    /// (`pad`, after the open blocks' indentation was taken off) plus theirs, plus four.
    fn body_column(&self, pad: &str) -> usize {
        self.indented_depth() * 4 + pad.len() + 4
    }

    /// MkDocs admonitions: `!!! note "Title"`, collapsible `??? note` and `???+ note`.
    pub(super) fn admonition(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        let (marker, rest) = ["???+", "!!!", "???"]
            .iter()
            .find_map(|m| Some((*m, trimmed.strip_prefix(m)?)))?;
        let (head, title) = match rest.find('"') {
            Some(q) => {
                let quoted = rest[q..].trim();
                if quoted.len() < 2 || !quoted.ends_with('"') {
                    return None;
                }
                (&rest[..q], Some(quoted[1..quoted.len() - 1].trim()))
            }
            None => (rest, None),
        };
        // `!!! danger highlight "…"`: the first word is the type, the rest are classes.
        let kind = head.split_whitespace().next()?;
        if !kind
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            return None;
        }
        let title = title.map(readable);
        let title = title.as_deref();
        // Without a title, MkDocs shows the type, capitalised.
        let named = capitalised(kind);
        let d = if marker == "!!!" {
            container(&kind.to_ascii_lowercase(), title)
                .unwrap_or_else(|| callout_directive("note", title.or(Some(&named))))
        } else {
            // A collapsible keeps its type's colour: `details-open:warning "…"`.
            let summary = title.filter(|t| !t.is_empty()).unwrap_or(&named);
            let name = if marker == "???+" {
                "details-open"
            } else {
                "details"
            };
            let name = match callout_kind(&kind.to_ascii_lowercase()) {
                Some(k) => format!("{name}:{k}"),
                None => name.to_owned(),
            };
            details_directive(summary).replacen("details", &name, 1)
        };
        let indent = self.body_column(pad);
        self.open.push(Open::Indented {
            indent,
            pad: pad.len(),
        });
        self.replace(format!("{pad}{DIRECTIVE}{d}-->"), i);
        Some(())
    }

    /// A content tab: `=== "Label"`, `===+ "Label"` (selected first), `===! "Label"` (a new set).
    pub(super) fn content_tab(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        let rest = trimmed.strip_prefix("===")?;
        let (new_set, rest) = match rest.chars().next() {
            Some('!') => (true, &rest[1..]),
            Some('+') => (false, &rest[1..]),
            _ => (false, rest),
        };
        let label = rest.trim();
        if !rest.starts_with(' ')
            || label.len() < 2
            || !label.starts_with('"')
            || !label.ends_with('"')
        {
            return None;
        }
        let label = crate::content::title::plain(&readable(&label[1..label.len() - 1])).text;
        let column = self.body_column(pad) - 4;
        let mut text = String::new();
        let open_here = self.content_tabs.last().is_some_and(|(c, _)| *c == column);
        if new_set && open_here {
            self.content_tabs.pop();
            text.push_str(&format!("{pad}{DIRECTIVE}end-->\n"));
        }
        if !open_here || new_set {
            self.content_tabs.push((column, pad.len()));
            text.push_str(&format!("{pad}{DIRECTIVE}tabs-->\n"));
        }
        text.push_str(&format!("{pad}{DIRECTIVE}{}-->", tab_directive(&label)));
        // One source line became several: the lines after it come from one line earlier each.
        for line in text.lines() {
            self.push(line.to_owned(), i);
        }
        self.changed = true;
        self.shifted |= text.lines().count() > 1;
        self.open.push(Open::Indented {
            indent: column + 4,
            pad: pad.len(),
        });
        Some(())
    }

    /// Ends the sets of content tabs a line at `indent` is outside of: one indented less than
    /// their labels, or at their column and no tab.
    pub(super) fn close_content_tabs(&mut self, indent: usize, trimmed: &str, i: usize) {
        while let Some(&(column, pad)) = self.content_tabs.last() {
            let another_tab = indent == column && trimmed.starts_with("===");
            if indent > column || another_tab {
                break;
            }
            self.content_tabs.pop();
            self.push_end(pad, i);
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A title written in Markdown, as the callout shows it: a link to another site stays (the
/// renderer keeps it, OI-wiki's `例题 [Luogu P5357](https://…)`), any other link reads as its
/// text (a reference link's target is not known here), code spans and emphasis stay.
fn readable(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        let after = &rest[close + 1..];
        let target_end = match after.chars().next() {
            Some('(') => after.find(')').map(|e| e + 1),
            Some('[') => after.find(']').map(|e| e + 1),
            _ => None,
        };
        let outside = after.starts_with("(http://") || after.starts_with("(https://");
        match target_end {
            Some(e) if outside => {
                out.push_str(&rest[..close + 1 + e]);
                rest = &after[e..];
            }
            Some(e) => {
                out.push_str(&rest[..open]);
                out.push_str(&rest[open + 1..close]);
                rest = &after[e..];
            }
            None => {
                out.push_str(&rest[..=close]);
                rest = &rest[close + 1..];
            }
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::readable;
    use crate::content::dialect::body::tests::run;

    #[test]
    fn admonition_titles_classes_and_open_details() {
        // Material for MkDocs's own docs.
        let b = run(concat!(
            "!!! info \"The [`site_url`][mkdocs.site_url] setting must be set\"\n    甲\n\n",
            "!!! note inline end \"Inline\"\n    乙\n\n",
            "!!! note \"\"\n    丙\n\n",
            "???+ warning \"Open collapsible\"\n    丁\n\n",
            "??? tip\n    戊\n",
        ));
        assert_eq!(
            b.text,
            concat!(
                // An `info` is a note, named as an info where it has no title.
                "<!--helpcenter:callout note.info \"The `site_url` setting must be set\"-->\n甲\n\n<!--helpcenter:end-->\n",
                "<!--helpcenter:callout note \"Inline\"-->\n乙\n\n<!--helpcenter:end-->\n",
                "<!--helpcenter:callout note \"\"-->\n丙\n\n<!--helpcenter:end-->\n",
                "<!--helpcenter:details-open:warning \"Open collapsible\"-->\n丁\n\n<!--helpcenter:end-->\n",
                // At the end of the page, the renderer closes what is open.
                "<!--helpcenter:details:tip \"Tip\"-->\n戊\n",
            )
        );
    }

    #[test]
    fn nested_admonitions_close_where_their_bodies_end() {
        let b = run("!!! note\n    外\n\n    !!! tip\n        内\n\n    外的第二段\n\n后\n");
        assert_eq!(
            b.text,
            "<!--helpcenter:callout note-->\n外\n\n<!--helpcenter:callout tip-->\n内\n\n<!--helpcenter:end-->\n外的第二段\n\n<!--helpcenter:end-->\n后\n"
        );
        assert_eq!(b.line_map.len(), b.text.split('\n').count());
    }

    #[test]
    fn content_tabs_make_one_set_of_tabs() {
        // Material for MkDocs, getting-started.md: two tabs, then text, then a set in an
        // admonition.
        let b = run(concat!(
            "=== \"Latest\"\n\n    ``` sh\n    pip install mkdocs-material\n    ```\n\n",
            "=== \"9.x\"\n\n    ``` sh\n    pip install mkdocs-material==\"9.*\"\n    ```\n\n",
            "后\n\n",
            "!!! tip\n\n    === \"A\"\n        甲\n    === \"B\"\n        乙\n\n后二\n",
        ));
        assert_eq!(
            b.text,
            concat!(
                "<!--helpcenter:tabs-->\n<!--helpcenter:tab \"Latest\"-->\n\n``` sh\npip install mkdocs-material\n```\n\n<!--helpcenter:end-->\n",
                "<!--helpcenter:tab \"9.x\"-->\n\n``` sh\npip install mkdocs-material==\"9.*\"\n```\n\n<!--helpcenter:end-->\n<!--helpcenter:end-->\n",
                "后\n\n",
                "<!--helpcenter:callout tip-->\n\n<!--helpcenter:tabs-->\n<!--helpcenter:tab \"A\"-->\n甲\n<!--helpcenter:end-->\n<!--helpcenter:tab \"B\"-->\n乙\n\n<!--helpcenter:end-->\n<!--helpcenter:end-->\n<!--helpcenter:end-->\n后二\n",
            )
        );
        assert_eq!(b.line_map.len(), b.text.split('\n').count());
        // `===` without a quoted label is text (a Setext heading's underline, a divider).
        assert_eq!(
            run("标题\n===\n\n=== 不是标签\n").text,
            "标题\n===\n\n=== 不是标签\n"
        );
    }

    #[test]
    fn blocks_in_a_list_item_end_inside_it() {
        // Material's install steps: tabs in a list item. Ended at the margin, the list ended too.
        let b = run(
            "1. 安装：\n\n    === \"pip\"\n        pip install x\n\n    !!! note\n        注意\n\n2. 运行\n",
        );
        assert_eq!(
            b.text,
            concat!(
                "1. 安装：\n\n    <!--helpcenter:tabs-->\n    <!--helpcenter:tab \"pip\"-->\n    pip install x\n\n",
                "    <!--helpcenter:end-->\n    <!--helpcenter:end-->\n    <!--helpcenter:callout note-->\n    注意\n\n",
                "    <!--helpcenter:end-->\n2. 运行\n",
            )
        );
    }

    #[test]
    fn a_fence_left_open_ends_with_its_block_and_indented_code_is_code() {
        // The author forgot the closing fence: the block's end ends it, as Python-Markdown does.
        let b = run("!!! note\n    ```\n    code\nafter\n");
        assert_eq!(
            b.text,
            "<!--helpcenter:callout note-->\n```\ncode\n```\n<!--helpcenter:end-->\nafter\n"
        );
        // Four spaces in, after a paragraph: an indented code block, shown as written.
        let md = "para\n\n    !!! note\n        x\n\n    === \"A\"\n";
        assert_eq!(run(md).text, md);
        // Material's docs show the syntax in a fenced example whose tabs hold indented fences:
        // those do not close the example, and its `===` lines are code.
        let md =
            "``` title=\"例\"\n=== \"C\"\n\n    ``` c\n    int x;\n    ```\n\n=== \"C++\"\n```\n";
        assert_eq!(run(md).text, md);
    }

    #[test]
    fn readable_titles() {
        assert_eq!(readable("[a](b) and [`c`][d] [e]"), "a and `c` [e]");
        assert_eq!(
            readable("例题 [P1](https://x.cn/p1) 与 [本站](a.md)"),
            "例题 [P1](https://x.cn/p1) 与 本站"
        );
        assert_eq!(readable("x [y"), "x [y");
    }
}
