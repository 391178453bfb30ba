//! Inputs the grammars' C code cannot survive. A crash there kills the build or the preview
//! server (no `catch_unwind` catches it), and a grammar that never finishes hangs it; `fuzz` is
//! how they were found. Each crash found gets a rewrite of the text parsed, which keeps each
//! character's byte length, so the spans of the copy are the spans of the author's text, which
//! is what is shown; and every block is parsed once against the clock before it is highlighted.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::ControlFlow;
use std::sync::LazyLock;
use std::time::Instant;

use arborium::GrammarStore;
use arborium::tree_sitter::{
    Language, LanguageFn, ParseOptions, Parser, Query, QueryCursor, StreamingIterator, Tree,
};

/// Code points from here on (planes 3 to 16: tags, variation selectors, private use) are
/// parsed as U+20000, which like them takes four bytes: the bash grammar's scanner reads out
/// of bounds on one after `{` (U+E0144).
const LAST_PLANES: u32 = 0x30000;

/// Grammars that embed others by name (Markdown fences, JavaScript tagged templates like
/// `` php`…` ``, C++ raw strings like `R"php(…)php"`, PHP heredocs), and those that embed
/// JavaScript (HTML, Vue, and Graphviz's HTML labels): what they embed may be PHP or Markdown,
/// and so meets those grammars' bugs.
const EMBEDDERS: &[&str] = &[
    "dot",
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

/// How deep the highlighter follows embedded code (arborium's default), and so this check too.
const INJECTION_DEPTH: u32 = 3;

/// The injection queries of the grammars that have one, by language: what a block embeds is
/// parsed by another grammar, which must be checked too (a `tsx` fence in a Markdown example
/// hung as the block did).
static INJECTIONS: LazyLock<Vec<(Language, Query)>> = LazyLock::new(|| {
    use arborium::{
        lang_cpp, lang_dot, lang_html, lang_javascript, lang_lua, lang_markdown, lang_nginx,
        lang_php, lang_proto, lang_rust, lang_swift, lang_vue,
    };
    let queries: [(LanguageFn, &str); 12] = [
        (lang_cpp::language(), lang_cpp::INJECTIONS_QUERY),
        (lang_dot::language(), lang_dot::INJECTIONS_QUERY),
        (lang_html::language(), lang_html::INJECTIONS_QUERY),
        (
            lang_javascript::language(),
            lang_javascript::INJECTIONS_QUERY,
        ),
        (lang_lua::language(), lang_lua::INJECTIONS_QUERY),
        (lang_markdown::language(), lang_markdown::INJECTIONS_QUERY),
        (lang_nginx::language(), lang_nginx::INJECTIONS_QUERY),
        (lang_php::language(), lang_php::INJECTIONS_QUERY),
        (lang_proto::language(), lang_proto::INJECTIONS_QUERY),
        (lang_rust::language(), lang_rust::INJECTIONS_QUERY),
        (lang_swift::language(), lang_swift::INJECTIONS_QUERY),
        (lang_vue::language(), lang_vue::INJECTIONS_QUERY),
    ];
    queries
        .into_iter()
        .filter_map(|(f, q)| {
            let language = Language::new(f);
            let query = Query::new(&language, q).ok()?;
            Some((language, query))
        })
        .collect()
});

/// Whether `grammar` parses `code`, and every grammar it embeds parses its part, before
/// `deadline`. The highlighter cannot be stopped once it parses, and a grammar may never
/// finish: the TSX grammar loops forever on 21 bytes of broken JSX (`<v e="""={(f()}a{>}<`),
/// which hung the build. So a block is parsed here first, where tree-sitter checks the time as
/// it goes, and only then highlighted. Parsing twice, and finding what is embedded, made
/// TiDB's docs build 5% slower (highlighting's CPU time 2.1 s → 3.0 s).
pub(super) fn parses_before(
    store: &GrammarStore,
    grammar: &str,
    code: &str,
    deadline: Instant,
) -> bool {
    store
        .get(grammar)
        .is_some_and(|g| parses(store, g.language(), code, deadline, INJECTION_DEPTH))
}

fn parses(
    store: &GrammarStore,
    language: &Language,
    code: &str,
    deadline: Instant,
    depth: u32,
) -> bool {
    let Some(tree) = parse(language, code, deadline) else {
        return false;
    };
    let query = INJECTIONS
        .iter()
        .find(|(l, _)| l == language)
        .map(|(_, q)| q);
    let Some(query) = query.filter(|_| depth > 0) else {
        return true;
    };
    // Where the highlighter will look for embedded code, found as it finds it: the content
    // capture, in the language a `#set!` names or the language capture's text.
    let source = code.as_bytes();
    let mut embedded = Vec::new();
    let mut cursor = QueryCursor::new();
    let mut matches = cursor.matches(query, tree.root_node(), source);
    while let Some(m) = matches.next() {
        let mut name = query
            .property_settings(m.pattern_index)
            .iter()
            .find(|p| &*p.key == "injection.language")
            .and_then(|p| p.value.as_deref().map(str::to_string));
        let mut content = None;
        for c in m.captures {
            match query.capture_names()[c.index as usize] {
                "injection.content" => content = Some(c.node.byte_range()),
                "injection.language" if name.is_none() => {
                    name = c.node.utf8_text(source).ok().map(str::to_string);
                }
                _ => {}
            }
        }
        if let (Some(range), Some(name)) = (content, name) {
            embedded.push((range, name));
        }
    }
    embedded.into_iter().all(|(range, name)| {
        // What the highlighter skips (an empty part, a grammar it does not have) is fine.
        match (code.get(range), store.get(&name)) {
            (Some(part), Some(g)) if !part.is_empty() => {
                parses(store, g.language(), part, deadline, depth - 1)
            }
            _ => true,
        }
    })
}

/// `code` parsed as `language`, unless `deadline` passes first.
fn parse(language: &Language, code: &str, deadline: Instant) -> Option<Tree> {
    PARSER.with(|parser| {
        let mut parser = parser.borrow_mut();
        parser.set_language(language).ok()?;
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
        let tree = parser.parse_with_options(&mut read, None, Some(options));
        // A parse stopped half way is picked up by the next call unless reset.
        parser.reset();
        tree
    })
}
