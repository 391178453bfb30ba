//! Inputs the grammars' C code cannot survive, made safe before parsing. A crash there kills
//! the build or the preview server (no `catch_unwind` catches it), so each bug found gets a
//! rewrite here; `fuzz` is how they were found. Every rewrite keeps each character's byte
//! length, so the spans of the copy are the spans of the author's text, which is what is shown.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::ControlFlow;
use std::time::Instant;

use arborium::GrammarStore;
use arborium::tree_sitter::{ParseOptions, Parser};

/// Code points from here on (planes 3 to 16: tags, variation selectors, private use) are
/// parsed as U+20000, which like them takes four bytes: the bash grammar's scanner reads out
/// of bounds on one after `{` (U+E0144).
const LAST_PLANES: u32 = 0x30000;

/// Grammars that embed others by name (Markdown fences, JavaScript tagged templates like
/// `` php`…` ``, C++ raw strings like `R"php(…)php"`, PHP heredocs), and those that embed
/// JavaScript: what they embed may be PHP or Markdown, and so meets those grammars' bugs.
const EMBEDDERS: &[&str] = &[
    "php",
    "markdown",
    "javascript",
    "typescript",
    "tsx",
    "vue",
    "html",
    "cpp",
];

/// Columns of block markers and indentation (`> > - 1. `) at the start of a line from which
/// Markdown's blocks could nest deeper than its scanner can save: it writes four bytes per open
/// block into tree-sitter's buffer of 1,024 without checking, and a line of 1,100 `>` aborted
/// the process.
const MAX_BLOCK_PREFIX: usize = 100;

/// What `grammar` parses in place of `code`; `None` when it is to be shown plain.
pub(super) fn parsed<'a>(grammar: &str, code: &'a str) -> Option<Cow<'a, str>> {
    let embedder = EMBEDDERS.contains(&grammar);
    if embedder && code.lines().any(|l| block_prefix(l) >= MAX_BLOCK_PREFIX) {
        return None;
    }
    let mut out = Cow::Borrowed(code);
    if code.chars().any(|c| u32::from(c) >= LAST_PLANES) {
        out = code
            .chars()
            .map(|c| {
                if u32::from(c) >= LAST_PLANES {
                    '\u{20000}'
                } else {
                    c
                }
            })
            .collect::<String>()
            .into();
    }
    // The PHP scanner's end of a heredoc or nowdoc pops its stack through a macro that
    // evaluates its argument four times, so the stack's size wraps and the next read is wild:
    // every `<<<EOT … EOT;` crashed. `<< ` is the shift operator, one byte to a byte: the
    // heredoc is coloured as code, the rest of the block as it should be.
    if embedder && out.contains("<<<") {
        out = out.replace("<<<", "<< ").into();
    }
    Some(out)
}

/// The columns of a line's leading run of what Markdown opens blocks with: indentation (a tab
/// to the next multiple of four), `>`, list markers and their numbers. Each open block takes
/// at least one of them, so blocks nest no deeper than this.
fn block_prefix(line: &str) -> usize {
    let mut columns = 0;
    for c in line.chars() {
        match c {
            '\t' => columns = (columns / 4 + 1) * 4,
            ' ' | '>' | '-' | '*' | '+' | '.' | ')' | '0'..='9' => columns += 1,
            _ => break,
        }
    }
    columns
}

thread_local! {
    /// A parser per thread for `parses_before`, apart from the highlighter's.
    static PARSER: RefCell<Parser> = RefCell::new(Parser::new());
}

/// Whether `grammar` parses `code` before `deadline`. The highlighter cannot be stopped once it
/// parses, and a grammar may never finish: the TSX grammar loops forever on 21 bytes of broken
/// JSX (`<v e="""={(f()}a{>}<`), which hung the build. So a block is parsed here first, where
/// tree-sitter checks the time as it goes, and only then highlighted. Parsing twice costs
/// little next to the queries that colour the tree.
pub(super) fn parses_before(
    store: &GrammarStore,
    grammar: &str,
    code: &str,
    deadline: Instant,
) -> bool {
    let Some(compiled) = store.get(grammar) else {
        return false;
    };
    PARSER.with(|parser| {
        let mut parser = parser.borrow_mut();
        if parser.set_language(compiled.language()).is_err() {
            return false;
        }
        let mut in_time = |_: &_| {
            if Instant::now() < deadline {
                ControlFlow::Continue(())
            } else {
                ControlFlow::Break(())
            }
        };
        let bytes = code.as_bytes();
        let mut read = |at: usize, _| bytes.get(at..).unwrap_or_default();
        let options = ParseOptions::new().progress_callback(&mut in_time);
        let done = parser
            .parse_with_options(&mut read, None, Some(options))
            .is_some();
        // A parse stopped half way is picked up by the next call unless reset.
        parser.reset();
        done
    })
}
