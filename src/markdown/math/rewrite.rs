//! Commands that MathJax and KaTeX know and the TeX reader does not, written with ones it knows
//! before it reads them: OI-wiki's `\Bbb{P}`, `\tag{4}`, `{n\brack k}` and `\mod` were shown as
//! source in 99 formulas. The page's annotation keeps the formula as the author wrote it.

use std::borrow::Cow;

/// Commands replaced by others of the same meaning (or as near as MathML shows it).
const RENAMED: &[(&str, &str)] = &[
    ("Bbb", "\\mathbb"),
    ("mathscr", "\\mathcal"),
    ("LaTeX", "\\text{LaTeX}"),
    ("TeX", "\\text{TeX}"),
    ("space", "\\ "),
    ("mbox", "\\text"),
    ("hbox", "\\text"),
    // A box's frame is lost, its content kept.
    ("fbox", ""),
    ("boxed", ""),
    ("notag", ""),
    ("nonumber", ""),
    ("mod", "\\quad\\operatorname{mod}\\ "),
    // MathJax ends a row with it as with `\\` (hello-algo's 16 aligned derivations).
    ("newline", "\\\\"),
];

/// Commands that split the group they are in into two (`{n \choose k}`): the two parts as
/// arguments of what the reader knows.
const INFIX: &[(&str, &str, &str)] = &[
    ("over", "\\frac", ""),
    ("choose", "\\binom", ""),
    ("atop", "\\genfrac{}{}{0pt}{}", ""),
    ("brack", "\\left[\\genfrac{}{}{0pt}{}", "\\right]"),
    ("brace", "\\left\\{\\genfrac{}{}{0pt}{}", "\\right\\}"),
];

/// `tex` with the commands above rewritten; as it is when it has none.
pub(super) fn rewrite(tex: &str) -> Cow<'_, str> {
    let known = |(name, after): (&str, &str)| {
        RENAMED.iter().any(|r| r.0 == name)
            || INFIX.iter().any(|r| r.0 == name)
            || matches!(name, "pod" | "tag" | "phantom" | "hphantom" | "vphantom")
            || angle(name, after).is_some()
            || row_end_before_bracket(name, after)
            || (name == "\\" && after.trim().is_empty())
    };
    if !commands(tex).any(known) {
        return Cow::Borrowed(tex);
    }
    let mut out = String::with_capacity(tex.len() + 32);
    // Per open group: where its content starts in `out`, and its infix command (which, and
    // where the first part ends), if it has one.
    let mut groups: Vec<(usize, Option<(usize, usize)>)> = vec![(0, None)];
    let mut rest = tex;
    while let Some(c) = rest.chars().next() {
        match c {
            '{' => {
                out.push('{');
                groups.push((out.len(), None));
                rest = &rest[1..];
            }
            '}' => {
                if groups.len() > 1 {
                    let (start, infix) = groups.pop().unwrap_or((0, None));
                    close_infix(&mut out, start, infix);
                }
                out.push('}');
                rest = &rest[1..];
            }
            '\\' => {
                let name = command_at(rest);
                let after = &rest[1 + name.len()..];
                if let Some(with) = angle(name, after) {
                    out.push_str(with);
                    rest = &after[1..];
                } else if name == "\\" && after.trim().is_empty() {
                    // A row end that ends the formula starts no row: MathJax leaves it out.
                    rest = after;
                } else if row_end_before_bracket(name, after) {
                    out.push_str("\\\\{}");
                    rest = after;
                } else if let Some(&(_, with)) = RENAMED.iter().find(|r| r.0 == name) {
                    out.push_str(with);
                    // `\mathbb P`: a replacement ending in a command name keeps its space.
                    if with.ends_with(|c: char| c.is_ascii_alphabetic())
                        && after.starts_with(|c: char| c.is_ascii_alphabetic())
                    {
                        out.push(' ');
                    }
                    rest = after;
                } else if let Some(i) = INFIX.iter().position(|r| r.0 == name) {
                    let group = groups.last_mut().expect("the formula's own group");
                    if group.1.is_none() {
                        group.1 = Some((i, out.len()));
                        rest = after;
                    } else {
                        // A second one in a group is an error in TeX too: left to the reader.
                        out.push_str(&rest[..1 + name.len()]);
                        rest = after;
                    }
                } else if matches!(name, "pod" | "tag" | "phantom" | "hphantom" | "vphantom") {
                    let (star, after) = match after.strip_prefix('*') {
                        Some(a) if name == "tag" => (true, a),
                        _ => (false, after),
                    };
                    let (arg, after) = argument(after);
                    match (name, star) {
                        ("tag", true) => out.push_str(&format!("\\qquad {{{arg}}}")),
                        ("tag", false) => out.push_str(&format!("\\qquad({arg})")),
                        ("pod", _) => out.push_str(&format!("\\quad({arg})")),
                        // Phantoms make room for what they hold: the room is lost.
                        _ => {}
                    }
                    rest = after;
                } else {
                    out.push_str(&rest[..1 + name.len()]);
                    rest = after;
                }
            }
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    // The formula's own group: its infix, unless it is in rows and columns (where one splits
    // a cell) or a group was left open; the reader then reports the formula as written.
    match groups[..] {
        [(start, infix)] if infix.is_none() || !(tex.contains('&') || tex.contains("\\\\")) => {
            close_infix(&mut out, start, infix);
            Cow::Owned(out)
        }
        _ => Cow::Borrowed(tex),
    }
}

/// Ends a group that had an infix command: its two parts become the command's arguments.
fn close_infix(out: &mut String, start: usize, infix: Option<(usize, usize)>) {
    if let Some((i, split)) = infix {
        let (_, open, close) = INFIX[i];
        let second = out.split_off(split);
        let first = out.split_off(start);
        out.push_str(&format!("{open}{{{first}}}{{{second}}}{close}"));
    }
}

/// The name of the command `s` starts with (after its `\`): letters, or one other character
/// (`\{`, `\\`); empty at the end of the text.
fn command_at(s: &str) -> &str {
    let body = &s[1..];
    let letters = body.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    match (letters, body.chars().next()) {
        (0, Some(c)) => &body[..c.len_utf8()],
        _ => &body[..letters],
    }
}

/// `\left<` and `\right>`, MathJax's angle brackets: the reader's `\langle` and `\rangle`.
fn angle(name: &str, after: &str) -> Option<&'static str> {
    match (name, after.as_bytes().first()) {
        ("left", Some(b'<')) => Some("\\left\\langle "),
        ("right", Some(b'>')) => Some("\\right\\rangle "),
        _ => None,
    }
}

/// A row's end (`\\`) before a row that starts with a bracket (`[y_k, y_{k+1}]`), which the
/// reader takes for the row end's spacing (`\\[2pt]`) as LaTeX does; MathJax sees it is none.
fn row_end_before_bracket(name: &str, after: &str) -> bool {
    if name != "\\" {
        return false;
    }
    let Some(inside) = after.trim_start().strip_prefix('[') else {
        return false;
    };
    let inside = inside.split(']').next().unwrap_or("").trim();
    let unit = inside
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | ' '));
    let is_length = unit.len() < inside.len()
        && [
            "em", "ex", "pt", "mm", "cm", "in", "mu", "px", "bp", "pc", "sp", "dd", "cc",
        ]
        .contains(&unit);
    !is_length
}

/// The command names of `tex`, in order, each with the text after it.
fn commands(tex: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = tex;
    std::iter::from_fn(move || {
        let at = rest.find('\\')?;
        let name = command_at(&rest[at..]);
        rest = &rest[at + 1 + name.len()..];
        Some((name, rest))
    })
}

/// A command's argument at the start of `s` (spaces before it skipped): a balanced `{…}`
/// group's content, a command, or one character; and the text after it.
fn argument(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.chars().next() {
        Some('{') => {
            let mut depth = 0usize;
            let mut escaped = false;
            for (i, c) in s.char_indices() {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            return (&s[1..i], &s[i + 1..]);
                        }
                    }
                    _ => {}
                }
            }
            // Never closed: the reader reports it.
            (s, "")
        }
        Some('\\') => {
            let n = 1 + command_at(s).len();
            (&s[..n], &s[n..])
        }
        Some(c) => (&s[..c.len_utf8()], &s[c.len_utf8()..]),
        None => ("", ""),
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn unknown_commands_become_known_ones() {
        assert_eq!(rewrite(r"a,b\in \Bbb{P}"), r"a,b\in \mathbb{P}");
        assert_eq!(rewrite(r"\Bbb P"), r"\mathbb P");
        assert_eq!(rewrite(r"\rm\LaTeX"), r"\rm\text{LaTeX}");
        assert_eq!(rewrite(r"x \mod 7"), r"x \quad\operatorname{mod}\  7");
        assert_eq!(rewrite(r"\bmod \model"), r"\bmod \model");
        assert_eq!(rewrite(r"a=b\tag{4}"), r"a=b\qquad(4)");
        assert_eq!(rewrite(r"a=b\tag*{A}"), r"a=b\qquad {A}");
        assert_eq!(rewrite(r"a\pod{p}"), r"a\quad(p)");
        assert_eq!(rewrite(r"a\phantom{\text{or}}b"), r"ab");
        assert_eq!(rewrite(r"\sum_i x"), r"\sum_i x");
        assert_eq!(
            rewrite(r"\left<f_0\right>"),
            r"\left\langle f_0\right\rangle "
        );
        assert_eq!(rewrite(r"\left( \leq"), r"\left( \leq");
        assert_eq!(rewrite("(b+1)\\\\\n"), "(b+1)\n");
        // A row that starts with a bracket is no spacing of the row end before it.
        assert_eq!(rewrite("a \\\\\n [y_k] b"), "a \\\\{}\n [y_k] b");
        assert_eq!(
            rewrite(r"a \\[2pt] b \\[-1.5em] c"),
            r"a \\[2pt] b \\[-1.5em] c"
        );
    }

    proptest::proptest! {
        /// Any formula is rewritten without a panic, and one with none of the commands is kept
        /// as it is.
        #[test]
        fn any_formula_is_rewritten(tex in r"([{}\\ a-z&*]|\\(Bbb|over|brack|tag|pod|phantom|mod)){0,40}") {
            let out = rewrite(&tex);
            if !tex.contains('\\') {
                proptest::prop_assert_eq!(out, tex.as_str());
            }
        }
    }

    #[test]
    fn infix_commands_take_their_group_apart() {
        assert_eq!(
            rewrite(r"\sum{n\brack k}x^k"),
            r"\sum{\left[\genfrac{}{}{0pt}{}{n}{ k}\right]}x^k"
        );
        assert_eq!(
            rewrite(r"{n \brace k}"),
            r"{\left\{\genfrac{}{}{0pt}{}{n }{ k}\right\}}"
        );
        assert_eq!(rewrite(r"a \over b"), r"\frac{a }{ b}");
        assert_eq!(
            rewrite(r"{{a}\choose{b\over c}}"),
            r"{\binom{{a}}{{\frac{b}{ c}}}}"
        );
        // In rows and columns the formula's own group is left as it is.
        assert_eq!(rewrite(r"a \over b & c \\ d"), r"a \over b & c \\ d");
        // Escaped braces are no groups; a stray one is left for the reader to report.
        assert_eq!(
            rewrite(r"\{a \atop b\}"),
            r"\genfrac{}{}{0pt}{}{\{a }{ b\}}"
        );
        assert_eq!(rewrite(r"}} \over {"), r"}} \over {");
    }
}
