//! Code blocks: the fence's info string as the big tools write it, highlighting, and the block's
//! HTML. The info string gives the language (its first word: `ts{2,3}`, `js twoslash`,
//! `ts:line-numbers`), a file name shown above the block (`[vite.config.js]` as VitePress,
//! `title="…"` as Docusaurus), marked lines (`{2,3}` / `{1,4-6}` as VitePress and Docusaurus,
//! `hl_lines="4 5"` as MkDocs and Hugo) and line numbers (`:line-numbers`, `showLineNumbers`,
//! `linenos`, or `code.line_numbers` for the whole site). In the code, VitePress's notation
//! comments (`// [!code ++]`, `[!code --]`, `[!code highlight]`, `[!code focus]`) mark their line
//! and are removed; a `diff` block marks its added and removed lines; a `twoslash` block shows
//! only what VitePress shows of it (see `content::dialect::twoslash`).
//!
//! The block is `<div class="code">` around an optional `<p class="code-title">` and the
//! `<pre>` (focusable, so a block wider than the screen scrolls by keyboard); the theme's
//! script adds the copy button. Inside a `::: code-group` each block is a
//! tab of its own, named by its file name.

use std::collections::BTreeSet;

use pulldown_cmark::{CodeBlockKind, Event, Tag};

use super::Writer;
use super::directives::Open;
use crate::content::dialect::twoslash;
use crate::error::Diagnostic;
use crate::{escape, highlight};

/// A code block being read: its info, and its text so far.
#[derive(Debug, Default)]
pub(super) struct Block {
    info: Info,
    text: String,
}

/// Code block languages that are diagrams another tool's plugin draws.
/// (Graphviz's `dot` is left out: as often shown as code, and coloured as such.)
const DIAGRAMS: &[&str] = &["mermaid", "plantuml", "puml", "flow", "sequence"];

/// What a fence's info string says.
#[derive(Debug, Default, PartialEq, Eq)]
struct Info {
    language: String,
    title: Option<String>,
    /// 1-based numbers of the lines to mark.
    marked: BTreeSet<usize>,
    /// Lines added and removed: Expressive Code's (Starlight's) `ins={3}` and `del={2}`.
    added: BTreeSet<usize>,
    removed: BTreeSet<usize>,
    /// `Some(true)` asked for, `Some(false)` turned off, `None` the site's default.
    line_numbers: Option<bool>,
    /// The first line's number, when it is not 1.
    start: Option<usize>,
    /// VitePress's `twoslash`: the block holds lines for the compiler, not the reader.
    twoslash: bool,
}

/// How a line is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Marked,
    Added,
    Removed,
    Error,
    Warning,
}

impl<'e> Writer<'e, '_> {
    pub(super) fn start_code(&mut self, event: &Event<'e>, range: &std::ops::Range<usize>) {
        let info = match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => read_info(info),
            _ => Info::default(),
        };
        // Diagram languages other tools draw with a plugin (docker_practice's 51 Mermaid
        // charts): their source shows, and the author should know, once per page.
        let language = info.language.as_str();
        if DIAGRAMS.contains(&language) && self.warned.insert(format!("```{language}")) {
            let line = self.line_of(range.start);
            self.diags.push(
                Diagnostic::warning(format!(
                    "a `{language}` diagram shows as its source: helpcenter draws no diagrams"
                ))
                .at_line(line)
                .hint("readers see the code; to show the diagram, export it as an image and link that"),
            );
        }
        self.code = Some(Block {
            info,
            text: String::new(),
        });
    }

    /// Text inside a code block: kept for the block, and for search apart from prose.
    pub(super) fn code_text(&mut self, t: &str) {
        if let Some(b) = self.code.as_mut() {
            b.text.push_str(t);
        }
    }

    pub(super) fn end_code(&mut self) {
        let Some(Block { info, text }) = self.code.take() else {
            return;
        };
        let mut lines = notation(&text, &info);
        let notes: Vec<Option<u32>> = lines
            .iter_mut()
            .map(|(l, _)| {
                if self.page.annotations {
                    annotation(l)
                } else {
                    None
                }
            })
            .collect();
        self.annotated = notes.iter().any(Option::is_some);
        let code: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
        self.block.code.push_str(&code);
        self.block.code.push('\n');

        let language = info.language.as_str();
        let highlighted = self
            .page
            .code
            .highlight
            .then(|| highlight::highlight(language, &code))
            .flatten();
        let numbered = info.line_numbers.unwrap_or(self.page.code.line_numbers);
        let marked = lines.iter().any(|(_, m)| m.is_some());
        let per_line = numbered || marked;

        let mut html = String::with_capacity(code.len() * 2 + 200);
        // In a code group, each block is a tab named by its file name.
        let tab = matches!(self.open.last(), Some(Open::Tabs));
        if tab {
            let name = info.title.clone().unwrap_or_else(|| language.to_owned());
            html.push_str(&format!(
                "<section class=\"tab\"><p class=\"tab-title\">{}</p>\n",
                escape::html(&name)
            ));
        }
        html.push_str(&format!(
            "<div class=\"code\" data-copy=\"{}\" data-copied=\"{}\">",
            self.page.locale.text("copy_code"),
            self.page.locale.text("copied_code"),
        ));
        if let (Some(title), false) = (&info.title, tab) {
            html.push_str(&format!(
                "<p class=\"code-title\">{}</p>",
                escape::html(title)
            ));
        }
        let lang_class = if language.is_empty() {
            String::new()
        } else {
            format!(" class=\"language-{}\"", escape::html(language))
        };
        // Focusable, like GitHub's: a block wider than a phone scrolls by keyboard too.
        html.push_str("<pre tabindex=\"0\"");
        let mut pre_class = Vec::new();
        if numbered {
            pre_class.push("line-numbers");
        }
        if language == "diff" {
            pre_class.push("diff");
        }
        if !pre_class.is_empty() {
            html.push_str(&format!(" class=\"{}\"", pre_class.join(" ")));
        }
        if let Some(start) = info.start.filter(|_| numbered) {
            // The counter counts up before each line.
            html.push_str(&format!(" style=\"counter-reset: line {}\"", start - 1));
        }
        html.push_str(&format!("><code{lang_class}>"));
        for (i, (line, mark)) in lines.iter().enumerate() {
            let mut body = match &highlighted {
                Some(h) => h.get(i).cloned().unwrap_or_default(),
                None => escape::html(line),
            };
            // Drawn by CSS from `data-n`: never in what the copy button copies.
            if let Some(n) = notes[i] {
                body.push_str(&format!("<span class=\"code-note\" data-n=\"{n}\"></span>"));
            }
            if per_line {
                let class = match mark {
                    None => "line",
                    Some(Mark::Marked) => "line mark",
                    Some(Mark::Added) => "line add",
                    Some(Mark::Removed) => "line del",
                    Some(Mark::Error) => "line mark error",
                    Some(Mark::Warning) => "line mark warning",
                };
                html.push_str(&format!("<span class=\"{class}\">{body}</span>\n"));
            } else {
                html.push_str(&body);
                html.push('\n');
            }
        }
        html.push_str("</code></pre></div>\n");
        if tab {
            html.push_str("</section>\n");
        }
        self.emit_html(html);
    }
}

/// The block's lines, without their line breaks, each with its mark: from the fence's marked
/// lines, a `diff` block's `+`/`-`, or a notation comment (removed from the line).
fn notation(text: &str, info: &Info) -> Vec<(String, Option<Mark>)> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return Vec::new();
    }
    let rust = info.language == "rust";
    let mut lines: Vec<&str> = text.split('\n').collect();
    if info.twoslash {
        lines = twoslash::shown(&lines);
    }
    // A notation over lines (`// [!code highlight:3]`): its mark and how many lines are left.
    let mut ongoing: Option<(Mark, usize)> = None;
    lines
        .into_iter()
        .enumerate()
        .filter(|(_, line)| !(rust && hidden_rust_line(line)))
        .filter_map(|(i, line)| {
            let unescaped = match line.trim_start().strip_prefix("##") {
                Some(rest) if rust => {
                    let pad = &line[..line.len() - line.trim_start().len()];
                    std::borrow::Cow::Owned(format!("{pad}#{rest}"))
                }
                _ => std::borrow::Cow::Borrowed(line),
            };
            let line: &str = &unescaped;
            let line = line.strip_suffix('\r').unwrap_or(line);
            let (line, noted) = strip_notation(line);
            let noted = match noted {
                // On a line of its own, the notation marks the lines after it and goes.
                Some((mark, n)) if line.trim().is_empty() && n > 1 => {
                    ongoing = Some((mark, n));
                    return None;
                }
                Some((mark, n)) => {
                    ongoing = (n > 1).then_some((mark, n - 1));
                    Some(mark)
                }
                None => ongoing.take().map(|(mark, n)| {
                    ongoing = (n > 1).then_some((mark, n - 1));
                    mark
                }),
            };
            let mark = noted
                .or_else(|| info.added.contains(&(i + 1)).then_some(Mark::Added))
                .or_else(|| info.removed.contains(&(i + 1)).then_some(Mark::Removed))
                .or_else(|| info.marked.contains(&(i + 1)).then_some(Mark::Marked))
                .or_else(|| {
                    (info.language == "diff")
                        .then(|| diff_mark(&line))
                        .flatten()
                });
            Some((line, mark))
        })
        .collect()
}

/// A line of a Rust example that mdBook (and rustdoc) hide: `# ` and what follows, or a lone
/// `#`, after the indentation. They make the example compile; the reader is not meant to see
/// them, and a page has no button to show them. `##` is an escaped `#` and shows as one.
fn hidden_rust_line(line: &str) -> bool {
    let t = line.trim_start();
    t.trim_end() == "#" || t.starts_with("# ") || t.starts_with("#\t")
}

fn diff_mark(line: &str) -> Option<Mark> {
    if line.starts_with("+++") || line.starts_with("---") {
        None
    } else if line.starts_with('+') {
        Some(Mark::Added)
    } else if line.starts_with('-') {
        Some(Mark::Removed)
    } else {
        None
    }
}

/// Material for MkDocs's code annotation at the end of `line`, taken out: a comment ending in
/// `(1)` keeps its text, one ending in `(1)!` goes whole (`key: value # (1)!`). Its number
/// matches an item of the numbered list after the block.
fn annotation(line: &mut String) -> Option<u32> {
    let t = line.trim_end();
    let (t, close) = ["*/", "-->"]
        .iter()
        .find_map(|c| t.strip_suffix(c).map(|r| (r.trim_end(), *c)))
        .unwrap_or((t, ""));
    let (t, whole) = match t.strip_suffix('!') {
        Some(r) => (r, true),
        None => (t, false),
    };
    let open = t.strip_suffix(')')?.rfind('(')?;
    let n: u32 = t[open + 1..t.len() - 1]
        .parse()
        .ok()
        .filter(|n| (1..=99).contains(n))?;
    let before = &t[..open];
    let comment = ["#", "//", "/*", "<!--", "--"]
        .iter()
        .filter_map(|c| before.rfind(c))
        .max()?;
    let kept = if whole {
        before[..comment].trim_end().to_owned()
    } else {
        let text = before.trim_end();
        let close = if close.is_empty() {
            String::new()
        } else {
            format!(" {close}")
        };
        format!("{text}{close}")
    };
    *line = kept;
    Some(n)
}

/// A line without its `[!code …]` comment (`// [!code ++]`, `# [!code --]`,
/// `<!-- [!code highlight] -->`, TSX's `{/* [!code ++] */}`), and the mark it asked for with
/// the number of lines it marks (`[!code highlight:3]`: 3, at most 1,000).
fn strip_notation(line: &str) -> (String, Option<(Mark, usize)>) {
    let Some(at) = line.find("[!code ") else {
        return (line.to_owned(), None);
    };
    let Some(len) = line[at..].find(']') else {
        return (line.to_owned(), None);
    };
    let written = line[at + 7..at + len].trim();
    let (word, count) = written.split_once(':').unwrap_or((written, "1"));
    let count = count.trim().parse::<usize>().unwrap_or(1).clamp(1, 1000);
    let mark = match word {
        "++" => Mark::Added,
        "--" => Mark::Removed,
        "highlight" | "hl" | "focus" => Mark::Marked,
        "error" => Mark::Error,
        "warning" => Mark::Warning,
        _ => return (line.to_owned(), None),
    };
    let before = line[..at].trim_end();
    let after = line[at + len + 1..].trim_start();
    // The comment that held it goes too.
    let before = ["{/*", "//", "#", "<!--", "/*", "--", ";"]
        .iter()
        .find_map(|c| before.strip_suffix(c))
        .unwrap_or(before)
        .trim_end();
    let after = ["*/}", "-->", "*/"]
        .iter()
        .find_map(|c| after.strip_prefix(c))
        .unwrap_or(after);
    (format!("{before}{after}"), Some((mark, count)))
}

/// Reads a fence's info string.
fn read_info(info: &str) -> Info {
    let info = info.trim();
    let end = info
        .find(|c: char| c.is_whitespace() || c == '{' || c == '[' || c == ':' || c == ',')
        .unwrap_or(info.len());
    let mut out = Info {
        language: info[..end].to_owned(),
        ..Info::default()
    };
    // mdBook's (rustdoc's) `rust,ignore`, `rust,editable`: words about running the code.
    let rest =
        info[end..].trim_start_matches(|c: char| c == ',' || c.is_ascii_alphanumeric() || c == '_');
    let rest = if info[end..].starts_with(',') {
        rest
    } else {
        &info[end..]
    };
    if let Some(flag) = rest.strip_prefix(':') {
        let flag = flag.split(|c: char| c.is_whitespace() || c == '{').next();
        match flag {
            Some(f) if f.starts_with("line-numbers") => {
                out.line_numbers = Some(true);
                out.start = f.strip_prefix("line-numbers=").and_then(|n| n.parse().ok());
            }
            Some("no-line-numbers") => out.line_numbers = Some(false),
            _ => {}
        }
    }
    // `[file name]` starts a word (`js [vite.config.js]`, `[.env]`); `hl_lines=[2]` is no title.
    let bracket = rest.match_indices('[').find_map(|(i, _)| {
        let starts_word = i == 0 || rest[..i].ends_with(char::is_whitespace);
        let len = rest[i + 1..].find(']')?;
        starts_word.then_some((i, i + 1 + len))
    });
    let bracketed = bracket.map(|(a, b)| rest[a + 1..b].to_owned());
    let titled = attr(rest, "title");
    out.title = bracketed.or(titled).filter(|t| !t.trim().is_empty());
    // `{2,3}` or `{1,4-6}`, outside the title; Hugo's `{linenos=table,hl_lines=[2]}` is
    // options, read below.
    let outside_title = match bracket {
        Some((a, b)) => format!("{}{}", &rest[..a], &rest[b + 1..]),
        None => rest.to_owned(),
    };
    let mut scan = outside_title.as_str();
    while let Some(open) = scan.find('{') {
        let Some(len) = scan[open..].find('}') else {
            break;
        };
        let inner = &scan[open + 1..open + len];
        // Expressive Code's `ins={3}`, `del={2}`, `mark={1}`.
        let key = scan[..open].trim_end().strip_suffix('=').map(|k| {
            k.rsplit(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or_default()
        });
        if let Some(key @ ("ins" | "del" | "mark")) = key {
            let lines = ranges(inner);
            match key {
                "ins" => out.added.extend(lines),
                "del" => out.removed.extend(lines),
                _ => out.marked.extend(lines),
            }
        } else if inner.contains('=') {
            if inner.contains("linenos") && !inner.contains("linenos=false") {
                out.line_numbers = Some(true);
            }
            if let Some(v) = attr(inner, "hl_lines") {
                out.marked.extend(ranges(&v));
            }
        } else {
            out.marked.extend(ranges(inner));
        }
        scan = &scan[open + len + 1..];
    }
    if let Some(v) = attr(&outside_title, "hl_lines") {
        out.marked.extend(ranges(&v));
    }
    if let Some(v) = attr(&outside_title, "highlight") {
        out.marked.extend(ranges(&v));
    }
    out.twoslash = outside_title.split_whitespace().any(|w| w == "twoslash");
    // Rspress's `lineNumbers`.
    if outside_title.split_whitespace().any(|w| w == "lineNumbers") {
        out.line_numbers = Some(true);
    }
    if outside_title.contains("showLineNumbers") || outside_title.contains("linenos") {
        out.line_numbers = Some(true);
        if let Some(n) = attr(&outside_title, "showLineNumbers") {
            out.start = n.parse().ok();
        }
    }
    out
}

/// The value of `key=value`, `key="value"` or `key=[…]` in an info string.
fn attr(s: &str, key: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = s[from..].find(key) {
        let at = from + at;
        from = at + key.len();
        // Not inside a quoted text marker (Expressive Code's `'title="当心！"'`).
        let before_ok = at == 0
            || !(s.as_bytes()[at - 1].is_ascii_alphanumeric()
                || matches!(s.as_bytes()[at - 1], b'\'' | b'"'));
        let Some(v) = s[from..].strip_prefix('=').filter(|_| before_ok) else {
            continue;
        };
        let v = v.trim_start();
        return Some(match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or_default().to_owned(),
            Some('[') => v[1..].split(']').next().unwrap_or_default().to_owned(),
            _ => v
                .split(|c: char| c.is_whitespace() || c == ',' || c == '}')
                .next()
                .unwrap_or_default()
                .to_owned(),
        });
    }
    None
}

/// Line numbers from `2,3`, `1,4-6`, `4 5` or `2, "4-5"`; at most 10,000 of them, so a typo
/// such as `{1-99999999}` costs nothing.
fn ranges(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for part in s.split(|c: char| c == ',' || c.is_whitespace()) {
        let part = part.trim_matches(|c: char| c == '"' || c == '\'');
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        if let (Ok(a), Ok(b)) = (a.trim().parse::<usize>(), b.trim().parse::<usize>()) {
            if a >= 1 && b >= a {
                out.extend((a..=b).take(10_000 - out.len().min(10_000)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[usize]) -> BTreeSet<usize> {
        v.iter().copied().collect()
    }

    #[test]
    fn info_strings_of_other_tools() {
        let i = read_info("ts{2,3}");
        assert_eq!((i.language.as_str(), i.title.clone()), ("ts", None));
        assert_eq!(i.marked, set(&[2, 3]));
        let i = read_info("js twoslash [vite.config.js (单入口)]");
        assert_eq!(i.language, "js");
        assert!(i.twoslash && !read_info("ts [twoslash.ts]").twoslash);
        assert_eq!(i.title.as_deref(), Some("vite.config.js (单入口)"));
        let i = read_info("js title=\"docusaurus.config.js\" {1,4-6} showLineNumbers");
        assert_eq!(i.title.as_deref(), Some("docusaurus.config.js"));
        assert_eq!(i.marked, set(&[1, 4, 5, 6]));
        assert_eq!(i.line_numbers, Some(true));
        let i = read_info("ts:line-numbers=3 {1}");
        assert_eq!((i.line_numbers, i.start), (Some(true), Some(3)));
        assert_eq!(i.marked, set(&[1]));
        assert_eq!(read_info("ts:no-line-numbers").line_numbers, Some(false));
        let i = read_info("python hl_lines=\"4 5\"");
        assert_eq!(i.marked, set(&[4, 5]));
        let i = read_info("go {linenos=table,hl_lines=[2,\"4-5\"]}");
        assert_eq!(i.line_numbers, Some(true));
        assert_eq!(i.marked, set(&[2, 4, 5]));
        // A `{…}` inside the title is the title's.
        let i = read_info("js [a{1}.js]");
        assert!(i.marked.is_empty());
        assert_eq!(read_info("sh").title, None);
        assert_eq!(
            read_info("python title=\"执行结果\"").title.as_deref(),
            Some("执行结果")
        );
        assert!(read_info("js {1-99999999}").marked.len() <= 10_000);
        // mdBook's words after a comma say how to run the example, not what it is.
        assert_eq!(read_info("rust,ignore,does_not_compile").language, "rust");
        let i = read_info("rust,editable {2}");
        assert_eq!((i.language.as_str(), i.marked.clone()), ("rust", set(&[2])));
    }

    #[test]
    fn hidden_lines_of_rust_examples_are_left_out() {
        let text = "# #[derive(Debug)]\nstruct A;\n#\n    # let x = 1;\n#[test]\n## not hidden\nfn main() {}\n";
        let lines: Vec<String> = notation(text, &read_info("rust,ignore"))
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(
            lines,
            ["struct A;", "#[test]", "# not hidden", "fn main() {}"]
        );
        // Other languages' `#` lines are comments, and stay.
        assert_eq!(notation("# 注释\nls\n", &read_info("sh")).len(), 2);
    }

    proptest::proptest! {
        /// Any info string and any code line: read without a panic.
        #[test]
        fn any_info_string_or_line_is_read(info in "\\PC{0,40}", line in "\\PC{0,40}") {
            let i = read_info(&info);
            proptest::prop_assert!(i.marked.len() <= 10_000);
            let _ = strip_notation(&line);
            let _ = read_info(&format!("js title=\"{info}\" [{line}] {{{line}}} hl_lines=\"{info}\""));
        }
    }

    #[test]
    fn material_annotations_leave_the_code() {
        let read = |l: &str| {
            let mut l = l.to_owned();
            let n = annotation(&mut l);
            (l, n)
        };
        assert_eq!(
            read("      <type>: <icon> # (1)!"),
            ("      <type>: <icon>".into(), Some(1))
        );
        assert_eq!(
            read("x = 1 # the value (2)"),
            ("x = 1 # the value".into(), Some(2))
        );
        assert_eq!(read("a(); /* (3)! */"), ("a();".into(), Some(3)));
        assert_eq!(
            read("<p> <!-- note (4) -->"),
            ("<p> <!-- note -->".into(), Some(4))
        );
        for plain in [
            "f(1)",
            "call(x) # (y)",
            "# (0)!",
            "print(\"(1)\")",
            "x # (100)",
        ] {
            assert_eq!(read(plain), (plain.to_owned(), None), "{plain}");
        }
    }

    #[test]
    fn notation_comments_mark_and_disappear() {
        assert_eq!(
            strip_notation("  port: 3000, // [!code ++]"),
            ("  port: 3000,".to_owned(), Some((Mark::Added, 1)))
        );
        assert_eq!(
            strip_notation("<div></div> <!-- [!code --] -->"),
            ("<div></div>".to_owned(), Some((Mark::Removed, 1)))
        );
        assert_eq!(
            strip_notation("x = 1 # [!code highlight]"),
            ("x = 1".to_owned(), Some((Mark::Marked, 1)))
        );
        assert_eq!(
            strip_notation("  {/* [!code highlight:5] */}"),
            ("".to_owned(), Some((Mark::Marked, 5)))
        );
        assert_eq!(
            strip_notation("see [!code other]"),
            ("see [!code other]".to_owned(), None)
        );
    }

    /// `// [!code highlight:2]` alone on its line marks the two lines after it and goes; at a
    /// line's end it marks that line and the next.
    #[test]
    fn a_notation_marks_lines_after_it() {
        let info = Info::default();
        let lines = notation(
            "a\n// [!code highlight:2]\nb\nc\nd\ne // [!code ++:2]\nf\ng",
            &info,
        );
        let marks: Vec<(&str, Option<Mark>)> =
            lines.iter().map(|(l, m)| (l.as_str(), *m)).collect();
        assert_eq!(
            marks,
            [
                ("a", None),
                ("b", Some(Mark::Marked)),
                ("c", Some(Mark::Marked)),
                ("d", None),
                ("e", Some(Mark::Added)),
                ("f", Some(Mark::Added)),
                ("g", None)
            ]
        );
    }

    /// Expressive Code's (Starlight's) meta: `ins={…}`, `del={…}` add and remove lines, a
    /// quoted text marker (`'title="x"'`) is no title.
    #[test]
    fn expressive_code_meta() {
        let info = read_info("js ins={3} del={1-2} 'title=\"当心\"' {5}");
        assert_eq!(info.added, BTreeSet::from([3]));
        assert_eq!(info.removed, BTreeSet::from([1, 2]));
        assert_eq!(info.marked, BTreeSet::from([5]));
        assert_eq!(info.title, None);
        assert_eq!(
            read_info("js title=\"a.js\"").title.as_deref(),
            Some("a.js")
        );
        assert_eq!(read_info("tsx lineNumbers").line_numbers, Some(true));
    }
}
