//! Code highlighting at build time, so a page needs no script and no request to show coloured
//! code. Grammars are tree-sitter's (arborium bundles them as C sources, compiled into the
//! binary): they parse rather than match patterns line by line, which is both faster (about five
//! times the TextMate-grammar engines on the same JavaScript) and more exact.
//!
//! The output is CSS classes, not colours: each token gets one short class (`hl-k` keyword,
//! `hl-s` string …, see [`classes`]) that the theme's stylesheet colours for light and dark. A
//! language no grammar knows, a block too big to be worth it, or a grammar that fails renders
//! plain: highlighting is never a reason for a page to fail.

mod cache;
mod classes;
#[cfg(test)]
mod fuzz;
mod guard;

use std::cell::RefCell;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use arborium::{GrammarStore, Highlighter};

pub use cache::{keep_cache, next_generation};

use crate::escape;

/// Larger blocks are shown plain: they are data dumps, not code to read.
const MAX_BYTES: usize = 256 * 1024;
/// A line longer than this (minified code) is shown plain, as is its block.
const MAX_LINE: usize = 4000;

/// Grammars, compiled once per process on first use and shared by every thread.
static GRAMMARS: LazyLock<Arc<GrammarStore>> = LazyLock::new(|| Arc::new(GrammarStore::new()));

thread_local! {
    /// A parser per thread (the Markdown stage runs on rayon's threads).
    static HIGHLIGHTER: RefCell<Highlighter> =
        RefCell::new(Highlighter::with_store(GRAMMARS.clone()));
}

/// Time spent highlighting, summed over threads, since [`take_spent`] last ran.
static SPENT_NS: AtomicU64 = AtomicU64::new(0);

/// The time spent highlighting (summed over threads) since the last call: the build prints it
/// with `--timings`, as highlighting runs inside the Markdown stage.
pub fn take_spent() -> Duration {
    Duration::from_nanos(SPENT_NS.swap(0, Ordering::Relaxed))
}

/// A block's lines as HTML, each without its line break; the classes are the theme's.
pub type Lines = Arc<[String]>;

/// `code` highlighted as `language` (a fence's language, any common alias), one HTML string per
/// line; `None` when it is to be shown plain.
pub fn highlight(language: &str, code: &str) -> Option<Lines> {
    let grammar = grammar(language)?;
    if !within_limits(code) {
        return None;
    }
    if let Some(lines) = cache::get(grammar, code) {
        return Some(lines);
    }
    let started = Instant::now();
    let lines = fresh(grammar, code, BUDGET);
    SPENT_NS.fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
    let lines = lines?;
    cache::put(grammar, code, lines.clone());
    Some(lines)
}

/// Whether `code` is small enough to be worth highlighting (see `MAX_BYTES`, `MAX_LINE`).
fn within_limits(code: &str) -> bool {
    code.len() <= MAX_BYTES && code.lines().all(|l| l.len() <= MAX_LINE)
}

/// A longer block is parsed a piece at a time: a grammar's error recovery takes time that
/// grows with the square of a broken stretch (40 KB of `)` took bash 13 s, 240 KB of `{` took
/// JavaScript minutes), and a piece bounds it (16 KB of the worst: about 2 s). Only 2 blocks
/// of the three corpora's thousands are longer.
const PIECE: usize = 16 * 1024;
/// Pieces are parsed while a block has taken less than this; the rest of it is shown plain.
/// A real block of 250 KB takes well under a second.
const BUDGET: Duration = Duration::from_secs(2);

/// `code` highlighted in pieces of at most `PIECE` bytes, as long as `budget` lasts; `None`
/// when no piece was highlighted.
fn fresh(grammar: &str, code: &str, budget: Duration) -> Option<Lines> {
    let deadline = Instant::now() + budget;
    // A grammar that trips over odd input is a grammar bug, not the author's: show it plain.
    let one = |code: &str| {
        std::panic::catch_unwind(AssertUnwindSafe(|| lines(grammar, code, deadline)))
            .ok()
            .flatten()
    };
    if code.len() <= PIECE {
        return one(code);
    }
    let mut out = Vec::new();
    let mut any = false;
    for piece in pieces(code) {
        let lines = if Instant::now() < deadline {
            one(piece)
        } else {
            None
        };
        match lines {
            Some(lines) => {
                any = true;
                out.extend(lines.iter().cloned());
            }
            None => out.extend(piece.lines().map(escape::html)),
        }
    }
    any.then(|| out.into())
}

/// `code` cut at line breaks into pieces of at most `PIECE` bytes (a line longer than that is a
/// piece of its own), each cut where the code is least likely to be inside something: after a
/// blank line, else before a line that starts at the margin, in the second half of the piece.
fn pieces(code: &str) -> impl Iterator<Item = &str> {
    let mut rest = code;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = PIECE.min(rest.len());
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let cut = if end == rest.len() {
            end
        } else {
            // Searched as bytes: a line break is never inside a character, the middle may be.
            let bytes = &rest.as_bytes()[..end];
            let from = bytes.len() / 2;
            let after_break = |i: usize| bytes[i] == b'\n';
            let blank = || {
                (from..bytes.len() - 1)
                    .rev()
                    .find(|&i| after_break(i) && bytes[i + 1] == b'\n')
                    .map(|i| i + 2)
            };
            let margin = || {
                (from..bytes.len() - 1)
                    .rev()
                    .find(|&i| after_break(i) && !bytes[i + 1].is_ascii_whitespace())
                    .map(|i| i + 1)
            };
            let any_line = || bytes.iter().rposition(|&b| b == b'\n').map(|i| i + 1);
            let line_end = || rest.find('\n').map_or(rest.len(), |i| i + 1);
            blank()
                .or_else(margin)
                .or_else(any_line)
                .unwrap_or_else(line_end)
        };
        let (piece, next) = rest.split_at(cut);
        rest = next;
        Some(piece)
    })
}

/// The grammar for a fence's language, after the aliases other tools accept (`shell`,
/// `console`, `golang`, `yml` …); `None` for plain text and languages without a grammar.
fn grammar(language: &str) -> Option<&'static str> {
    let lower = language.trim().to_ascii_lowercase();
    let name = match lower.as_str() {
        "" | "text" | "txt" | "plain" | "plaintext" | "none" | "output" => return None,
        "console" | "shellsession" | "sh-session" | "terminal" | "zsh" | "bash" | "sh"
        | "shell" => "bash",
        "javascript" | "js" | "jsx" | "mjs" | "cjs" | "node" | "javascriptreact" => "javascript",
        "typescript" | "ts" | "mts" | "cts" => "typescript",
        "tsx" | "typescriptreact" => "tsx",
        "vue" => "vue",
        "html" | "htm" | "xhtml" | "vue-html" => "html",
        "json" | "jsonc" | "json5" | "jsonl" => "json",
        "yaml" | "yml" => "yaml",
        "toml" => "toml",
        "ini" | "properties" | "conf" | "cfg" | "dotenv" | "env" | "editorconfig" => "ini",
        "xml" | "svg" | "xsl" | "plist" => "xml",
        "sql" | "mysql" | "postgres" | "postgresql" | "sqlite" | "plsql" | "tsql" => "sql",
        "diff" | "patch" => "diff",
        "dockerfile" | "docker" => "dockerfile",
        "nginx" => "nginx",
        "go" | "golang" => "go",
        "rust" | "rs" => "rust",
        "python" | "py" | "python3" | "py3" => "python",
        "java" => "java",
        "c" | "h" => "c",
        "cpp" | "c++" | "cxx" | "hpp" | "cc" => "cpp",
        "csharp" | "cs" | "c#" => "c-sharp",
        "kotlin" | "kt" | "kts" => "kotlin",
        "swift" => "swift",
        "php" => "php",
        "ruby" | "rb" => "ruby",
        "lua" => "lua",
        "css" => "css",
        "scss" | "sass" => "scss",
        "graphql" | "gql" => "graphql",
        "proto" | "protobuf" => "proto",
        "hcl" | "terraform" | "tf" => "hcl",
        "dot" | "graphviz" => "dot",
        "markdown" | "md" | "mdx" => "markdown",
        "powershell" | "ps1" | "pwsh" => "powershell",
        _ => return None,
    };
    Some(name)
}

fn lines(grammar: &str, code: &str, deadline: Instant) -> Option<Lines> {
    let parsed = guard::parsed(grammar, code)?;
    if !guard::parses_before(&GRAMMARS, grammar, &parsed, deadline) {
        return None;
    }
    let spans = HIGHLIGHTER
        .with(|h| h.borrow_mut().highlight_spans(grammar, &parsed))
        .ok()?;
    // Spans nest (an escape inside a string); each byte takes the class of the innermost span
    // over it, and of the later pattern when two cover the same bytes.
    let mut paint = vec![0u8; code.len()];
    let mut order: Vec<&arborium::advanced::Span> = spans.iter().collect();
    order.sort_by_key(|s| {
        (
            std::cmp::Reverse(s.end.saturating_sub(s.start)),
            s.pattern_index,
        )
    });
    for s in order {
        let class = classes::of(grammar, &s.capture);
        let (start, end) = (s.start as usize, (s.end as usize).min(code.len()));
        if start < end {
            paint[start..end].fill(class);
        }
    }
    let mut out = Vec::with_capacity(code.lines().count());
    let mut html = String::new();
    let mut open = 0u8;
    let mut run_start = 0;
    let flush = |html: &mut String, text: &str, class: u8| {
        if text.is_empty() {
            return;
        }
        match classes::name(class) {
            Some(c) if !text.trim().is_empty() => {
                html.push_str("<span class=\"hl-");
                html.push_str(c);
                html.push_str("\">");
                html.push_str(&escape::html(text));
                html.push_str("</span>");
            }
            _ => html.push_str(&escape::html(text)),
        }
    };
    for (i, c) in code.char_indices() {
        if c == '\n' {
            flush(&mut html, code[run_start..i].trim_end_matches('\r'), open);
            out.push(std::mem::take(&mut html));
            run_start = i + 1;
            continue;
        }
        let class = paint[i];
        if i == run_start {
            open = class;
        } else if class != open {
            flush(&mut html, &code[run_start..i], open);
            run_start = i;
            open = class;
        }
    }
    flush(&mut html, &code[run_start..], open);
    if !html.is_empty() || !code.ends_with('\n') {
        out.push(html);
    }
    Some(out.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_languages_and_aliases_have_a_grammar() {
        let all = [
            "js",
            "javascript",
            "ts",
            "typescript",
            "tsx",
            "jsx",
            "vue",
            "sh",
            "bash",
            "shell",
            "console",
            "yml",
            "yaml",
            "toml",
            "ini",
            "json",
            "jsonc",
            "sql",
            "SQL",
            "diff",
            "dockerfile",
            "Dockerfile",
            "nginx",
            "go",
            "golang",
            "rust",
            "rs",
            "python",
            "py",
            "java",
            "c",
            "cpp",
            "kotlin",
            "swift",
            "php",
            "html",
            "css",
            "xml",
            "ruby",
            "dotenv",
            "powershell",
            "markdown",
            "csharp",
        ];
        for l in all {
            let g = grammar(l).unwrap_or_else(|| panic!("{l}: no grammar"));
            assert!(
                highlight(l, "x = 1\n").is_some(),
                "{l} ({g}): the grammar did not load"
            );
        }
        for plain in [
            "text",
            "plain",
            "",
            "ebnf+diagram",
            "mermaid",
            "gradle",
            "no-such-language",
        ] {
            assert!(grammar(plain).is_none(), "{plain}");
        }
    }

    #[test]
    fn tokens_get_classes_and_text_is_escaped() {
        let lines = highlight("js", "// 说明\nconst a = \"<b>\"; // x\nfoo(1)\n").unwrap();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[0], "<span class=\"hl-c\">// 说明</span>");
        assert!(
            lines[1].contains("<span class=\"hl-k\">const</span>"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains("&lt;b&gt;"), "{}", lines[1]);
        assert!(!lines[1].contains("<b>"));
        assert!(
            lines[2].contains("<span class=\"hl-f\">foo</span>"),
            "{}",
            lines[2]
        );
        assert!(
            lines[2].contains("<span class=\"hl-n\">1</span>"),
            "{}",
            lines[2]
        );
    }

    #[test]
    fn code_points_of_the_last_planes_do_not_crash_a_grammar() {
        // `{` and U+E0144 once killed the process in the bash grammar's scanner.
        for lang in ["bash", "js", "python", "yaml", "html", "sql"] {
            let code = "echo {\u{E0144}} '\u{10FFFF}' {\u{F0000}\n";
            let lines = highlight(lang, code).expect(lang);
            assert_eq!(text_of(&lines), escape::html(code.trim_end()), "{lang}");
        }
    }

    #[test]
    fn php_heredocs_do_not_crash_a_grammar() {
        // The end of every heredoc crashed the PHP scanner, in a PHP block or embedded in
        // another grammar (a Markdown fence, a JavaScript tagged template).
        let php = "<?php\n$a = <<<EOT\nhello {$b}\nEOT;\n$c = <<<'NOW'\nraw\nNOW;\necho $a;\n";
        for (lang, code) in [
            ("php", php.to_string()),
            ("markdown", format!("# x\n\n```php\n{php}```\n")),
            ("js", format!("const a = php`{php}`;\n")),
            ("cpp", format!("auto a = R\"php({php})php\";\n")),
        ] {
            let lines = highlight(lang, &code).expect(lang);
            assert_eq!(text_of(&lines), escape::html(code.trim_end()), "{lang}");
        }
        let lines = highlight("php", php).unwrap();
        assert!(
            lines[7].contains("<span class=\"hl-k\">echo</span>"),
            "{}",
            lines[7]
        );
    }

    #[test]
    fn deeply_nested_markdown_is_shown_plain_not_crashed() {
        // Markdown's scanner overflowed tree-sitter's buffer past about 250 open blocks.
        for line in [">".repeat(1100), "- ".repeat(600), "> 1. ".repeat(300)] {
            let md = format!("# x\n\n{line} x\n");
            assert!(highlight("markdown", &md).is_none());
            let js = format!("const a = markdown`\n{line} x\n`;\n");
            assert!(highlight("js", &js).is_none());
        }
        let shallow = format!("{} x\n", "> ".repeat(30));
        assert!(highlight("markdown", &shallow).is_some());
        let indented = format!("{}let a = 1;\n", " ".repeat(120));
        assert!(highlight("rust", &indented).is_some());
    }

    #[test]
    fn long_blocks_are_highlighted_in_pieces_cut_between_lines() {
        let unit = "function f(a) {\n  return `x${a}`; // 说明\n}\n\n";
        let code = unit.repeat(3 * PIECE / unit.len());
        let pieces: Vec<&str> = pieces(&code).collect();
        assert!(pieces.len() >= 3, "{}", pieces.len());
        assert_eq!(pieces.concat(), code);
        for p in &pieces {
            assert!(
                p.len() <= PIECE && p.ends_with("\n\n"),
                "{:?}",
                &p[p.len() - 20..]
            );
        }
        let lines = fresh("javascript", &code, BUDGET).unwrap();
        let whole = fresh("javascript", unit, BUDGET).unwrap();
        assert_eq!(lines.len(), code.lines().count());
        // Every piece is coloured as the code alone would be.
        for (i, line) in lines.iter().enumerate() {
            assert_eq!(line, &whole[i % whole.len()], "line {i}");
        }
        // When the budget is spent, the rest is shown plain, text intact.
        let spent = fresh("javascript", &code, Duration::ZERO);
        assert!(spent.is_none());
        let text: String = lines.iter().map(|l| strip_tags(l) + "\n").collect();
        assert_eq!(text, escape::html(&code));
    }

    #[test]
    fn a_grammar_that_never_finishes_is_stopped_and_the_block_shown_plain() {
        // The TSX grammar loops forever on this broken JSX, alone or embedded in another
        // grammar's block.
        let jsx = "<v e=\"\"\"={(f()}a{>}<\n";
        for (grammar, code) in [
            ("tsx", jsx.to_string()),
            ("markdown", format!("# x\n\n```tsx\n{jsx}```\n")),
            ("vue", format!("<script lang=\"tsx\">\n{jsx}</script>\n")),
            (
                "markdown",
                format!("```vue\n<script lang=\"tsx\">\n{jsx}</script>\n```\n"),
            ),
        ] {
            let lines = fresh(grammar, &code, Duration::from_millis(200));
            assert!(lines.is_none(), "{grammar}: {code}");
        }
        // The parser stopped half way starts afresh on the next block.
        let lines = highlight("tsx", "const a = <b>{1}</b>;\n").unwrap();
        assert!(
            lines[0].contains("<span class=\"hl-k\">const</span>"),
            "{}",
            lines[0]
        );
    }

    #[test]
    fn plain_when_unknown_or_too_big() {
        assert!(highlight("mermaid", "graph TD").is_none());
        let minified = format!("var a={};", "1+".repeat(MAX_LINE));
        assert!(highlight("js", &minified).is_none());
    }

    proptest::proptest! {
        /// Any long block, CJK and all: its pieces are the block, each cut after a line break.
        #[test]
        fn pieces_are_the_block_cut_between_lines(
            lines in proptest::collection::vec("[a-z{}( ]{0,40}|\\PC{0,200}", 0..400),
        ) {
            let code = lines.join("\n");
            let pieces: Vec<&str> = pieces(&code).collect();
            proptest::prop_assert_eq!(pieces.concat(), code.clone());
            for (i, p) in pieces.iter().enumerate() {
                proptest::prop_assert!(!p.is_empty());
                proptest::prop_assert!(i + 1 == pieces.len() || p.ends_with('\n'));
                proptest::prop_assert!(p.len() <= PIECE || !p[..p.len() - 1].contains('\n'));
            }
        }
    }

    proptest::proptest! {
        /// Any text in any language: no panic, one HTML line per line, and the text survives.
        #[test]
        fn any_code_keeps_its_lines_and_text(code in "\\PC{0,60}(\n\\PC{0,60}){0,4}", lang in 0usize..6) {
            let lang = ["js", "sql", "bash", "yaml", "html", "python"][lang];
            if let Some(lines) = highlight(lang, &code) {
                let expected = code.strip_suffix('\n').unwrap_or(&code).split('\n').count();
                proptest::prop_assert_eq!(lines.len(), expected.max(usize::from(!code.is_empty())));
                let want = code.strip_suffix('\n').unwrap_or(&code);
                proptest::prop_assert_eq!(text_of(&lines), escape::html(want));
            }
        }
    }

    /// The text of highlighted lines, one line break between lines.
    fn text_of(lines: &Lines) -> String {
        lines
            .iter()
            .map(|l| strip_tags(l))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    }
}
