//! VitePress's twoslash code blocks (```` ```ts twoslash ````, Vite's docs have 81): shiki runs
//! the TypeScript compiler over such a block to show types, and the block holds what the
//! compiler needs but the reader is never shown — setup lines above `// ---cut---`, compiler
//! settings (`// @noErrors`, `// @filename: x.ts`), and queries (`// ^?`). Here the block is
//! shown as VitePress shows it; the markers would otherwise read as part of the example.
//!
//! Only blocks whose info string says `twoslash` are read so: in any other block these lines are
//! the author's code (a `// ---cut---` in a plain `ts` block stays).

/// The lines of a twoslash block a reader sees: those between the last `// ---cut---` (or
/// `// ---cut-before---`) and the first `// ---cut-after---` after it, without the ranges
/// between `// ---cut-start---` and `// ---cut-end---`, compiler settings and queries.
pub fn shown<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let start = lines
        .iter()
        .rposition(|l| matches!(cut(l), Some(Cut::Before)))
        .map_or(0, |i| i + 1);
    let end = lines[start..]
        .iter()
        .position(|l| matches!(cut(l), Some(Cut::After)))
        .map_or(lines.len(), |i| start + i);
    let mut out = Vec::with_capacity(end - start);
    let mut hidden = false;
    for line in &lines[start..end] {
        match cut(line) {
            Some(Cut::Start) => hidden = true,
            Some(Cut::End) => hidden = false,
            Some(Cut::Before | Cut::After) => {}
            None if hidden || is_setting(line) || is_query(line) => {}
            None => out.push(*line),
        }
    }
    out
}

/// The cut markers: what they leave out of the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// `---cut---` or `---cut-before---`: every line above it.
    Before,
    /// `---cut-after---`: every line below it.
    After,
    /// `---cut-start---` … `---cut-end---`: the lines between them.
    Start,
    End,
}

/// The text of a line comment that is the whole line (`// x`, indented or not), without `//`.
fn comment(line: &str) -> Option<&str> {
    Some(line.trim().strip_prefix("//")?.trim_start())
}

fn cut(line: &str) -> Option<Cut> {
    Some(match comment(line)? {
        "---cut---" | "---cut-before---" => Cut::Before,
        "---cut-after---" => Cut::After,
        "---cut-start---" => Cut::Start,
        "---cut-end---" => Cut::End,
        _ => return None,
    })
}

/// `// @noErrors`, `// @errors: 2322`, `// @filename: x.ts`, `// @module: esnext`: a name of
/// letters, digits and `_`, alone or followed by `:`. TypeScript's own comments are code and
/// stay: `// @ts-expect-error` has a `-`, JSDoc's `// @see x` a space.
fn is_setting(line: &str) -> bool {
    let Some(rest) = comment(line).and_then(|c| c.strip_prefix('@')) else {
        return false;
    };
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let after = &rest[name_len..];
    name_len > 0 && (after.is_empty() || after.starts_with(':'))
}

/// `// ^?` (the type shown there), `// ^|` (completions), `// ^^^` (a highlight), placed under
/// the code they point at, optionally followed by a space and text.
fn is_query(line: &str) -> bool {
    let Some(rest) = comment(line).and_then(|c| c.strip_prefix('^')) else {
        return false;
    };
    let rest = if let Some(r) = rest.strip_prefix(['?', '|']) {
        r
    } else if rest.starts_with('^') {
        rest.trim_start_matches('^')
    } else {
        return false;
    };
    rest.is_empty() || rest.starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line twoslash reads and the reader does not see.
    fn is_marker(line: &str) -> bool {
        cut(line).is_some() || is_setting(line) || is_query(line)
    }

    fn run(text: &str) -> String {
        let lines: Vec<&str> = text.lines().collect();
        shown(&lines).join("\n")
    }

    #[test]
    fn setup_above_the_cut_is_left_out() {
        // Vite's guide/features.md.
        assert_eq!(
            run(
                "import 'vite/client'\n// ---cut---\nimport classes from './example.module.css'\ndocument.getElementById('foo').className = classes.red"
            ),
            "import classes from './example.module.css'\ndocument.getElementById('foo').className = classes.red"
        );
    }

    #[test]
    fn cut_before_and_after_leave_the_middle() {
        // Vite's config/build-options.md; indentation as written.
        assert_eq!(
            run(
                "const config = {\n  build: {\n// ---cut-before---\nmodulePreload: {\n  x: 1,\n},\n// ---cut-after---\n  },\n}"
            ),
            "modulePreload: {\n  x: 1,\n},"
        );
        assert_eq!(
            run("a\n// ---cut-start---\nhidden\n// ---cut-end---\nb"),
            "a\nb"
        );
    }

    #[test]
    fn settings_and_queries_are_left_out() {
        assert_eq!(
            run(
                "// @filename: /foo.d.ts\nexport declare const foo: () => void\n\n// @filename: /example.js\nimport 'vite/client'\n// ---cut---\n// @noErrors: 2339\nconst a = foo()\n//    ^?\nconst b = a.\n//          ^|\n// @errors: 2322\n  // ^^^ here"
            ),
            "const a = foo()\nconst b = a."
        );
    }

    #[test]
    fn typescript_comments_and_lookalikes_stay() {
        let text = "// @ts-expect-error\n// @see other\n// ^ not a query\n// ---cut--- here\nlet x = 1 // ---cut---\n// @\nconst s = '// ^?'";
        assert_eq!(run(text), text);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, failure_persistence: None, ..Default::default() })]

        /// Any lines: no panic; what is shown is in the order written and holds no marker; and
        /// a block without cuts loses only its settings and queries.
        #[test]
        fn only_marker_lines_go(lines in proptest::collection::vec(line(), 0..20)) {
            let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
            let out = shown(&refs);
            proptest::prop_assert!(out.iter().all(|l| !is_marker(l)));
            let mut rest = refs.iter();
            for l in &out {
                proptest::prop_assert!(rest.any(|r| r == l), "{l:?} out of order");
            }
            if !refs.iter().any(|l| cut(l).is_some()) {
                let kept: Vec<&str> = refs.iter().copied().filter(|l| !is_marker(l)).collect();
                proptest::prop_assert_eq!(out, kept);
            }
        }
    }

    /// Lines of code, comments, markers and their near misses.
    fn line() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "// ",
            "//",
            "---cut---",
            "---cut-after---",
            "---cut-start---",
            "---cut-end---",
            "---cut",
            "@",
            "noErrors",
            "errors:",
            " 2322",
            "ts-expect-error",
            "^",
            "?",
            "|",
            " ",
            "  ",
            "\t",
            "\r",
            "const x = 1",
            "注释",
            "'",
            "`",
            "é",
            "-",
            ":",
        ]);
        prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
    }
}
