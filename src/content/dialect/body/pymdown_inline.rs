//! PyMdown Extensions' inline marks, on sites built with MkDocs (Material turns them on):
//! keys `++ctrl+alt+del++` as keyboard keys, `==marked==` as highlighted text and `^^inserted^^`
//! as inserted text. Printed as written, a page that says which keys to press showed
//! `++ctrl+alt+del++`. Code spans keep them as written.

/// `line` with the marks written as HTML, or `None` when it has none. Only text is read: code
/// spans, TeX (`$a==b$`), link destinations (`](…?a==)`), autolinks and tags (`<…>`) are
/// copied as they are, as is a line that defines a link reference.
pub(super) fn marks(line: &str) -> Option<String> {
    if !(line.contains("++") || line.contains("==") || line.contains("^^")) {
        return None;
    }
    let t = line.trim_start();
    if t.starts_with('[') && t.contains("]:") {
        return None;
    }
    let mut out = String::with_capacity(line.len() + 32);
    let mut rest = line;
    let mut changed = false;
    let mut before: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let skipped = match c {
            '`' => Some(through(
                rest,
                &"`".repeat(rest.len() - rest.trim_start_matches('`').len()),
            )),
            '$' => Some(through(
                rest,
                if rest.starts_with("$$") { "$$" } else { "$" },
            )),
            '<' if rest[1..]
                .starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') =>
            {
                Some(rest.find('>').map_or(rest.len(), |i| i + 1))
            }
            ']' if rest[1..].starts_with('(') => Some(rest.find(')').map_or(rest.len(), |i| i + 1)),
            _ => None,
        };
        if let Some(len) = skipped {
            out.push_str(&rest[..len]);
            before = rest[..len].chars().next_back();
            rest = &rest[len..];
            continue;
        }
        let found = (!before.is_some_and(word))
            .then(|| {
                [("++", "kbd"), ("==", "mark"), ("^^", "ins")]
                    .iter()
                    .find_map(|(mark, tag)| Some((*tag, span(rest, mark)?)))
            })
            .flatten();
        match found {
            Some((tag, (inner, len))) => {
                if tag == "kbd" {
                    out.push_str(&keys(inner));
                } else {
                    out.push_str(&format!("<{tag}>{inner}</{tag}>"));
                }
                before = rest[..len].chars().next_back();
                rest = &rest[len..];
                changed = true;
            }
            None => {
                out.push(c);
                before = Some(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    changed.then_some(out)
}

/// The length of `s` through the `close` after the opening `close` it starts with (all of it
/// when it is never closed).
fn through(s: &str, close: &str) -> usize {
    s[close.len()..]
        .find(close)
        .map_or(s.len(), |i| close.len() + i + close.len())
}

fn word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The text between `mark` at the start of `s` and the next `mark` on the line, and the
/// length of the whole, when it is a span: text right inside both marks (`==x==`, not
/// `a == b == c`), no word character right after it (`==x==y`), within one table cell; keys
/// are names joined by `+` (`++ctrl+c++`, not `++11 and C++`).
fn span<'s>(s: &'s str, mark: &str) -> Option<(&'s str, usize)> {
    let after = s.strip_prefix(mark)?;
    let end = after.find(mark)?;
    let inner = &after[..end];
    let len = mark.len() + end + mark.len();
    let ok = !inner.is_empty()
        && !inner.starts_with(char::is_whitespace)
        && !inner.ends_with(char::is_whitespace)
        && !inner.contains(['`', '|', '<', '$'])
        && !inner.starts_with(mark.chars().next()?)
        && !s[len..].starts_with(word);
    let keys_ok = mark != "++"
        || inner.split('+').all(|k| {
            let quoted = k.len() >= 2 && k.starts_with('"') && k.ends_with('"');
            quoted
                || (!k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        });
    (ok && keys_ok).then_some((inner, len))
}

/// `ctrl+alt+del` as keys: each named as on a keyboard (`Ctrl`, `Alt`, `Del`, `A`), or as
/// written in quotes (`"My Key"`).
fn keys(inner: &str) -> String {
    let named = |k: &str| -> String {
        let k = k.trim();
        if let Some(q) = k.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
            return q.to_owned();
        }
        match k.to_ascii_lowercase().as_str() {
            "ctrl" | "control" => "Ctrl".into(),
            "alt" => "Alt".into(),
            "shift" => "Shift".into(),
            "cmd" | "command" => "⌘ Cmd".into(),
            "opt" | "option" => "⌥ Option".into(),
            "del" | "delete" => "Del".into(),
            "esc" | "escape" => "Esc".into(),
            "enter" | "return" => "Enter".into(),
            "tab" => "Tab".into(),
            "space" => "Space".into(),
            "backspace" => "Backspace".into(),
            "up" | "arrow-up" => "↑".into(),
            "down" | "arrow-down" => "↓".into(),
            "left" | "arrow-left" => "←".into(),
            "right" | "arrow-right" => "→".into(),
            _ => {
                let mut c = k.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        }
    };
    let shown: Vec<String> = inner
        .split('+')
        .map(|k| format!("<kbd>{}</kbd>", crate::escape::html(&named(k))))
        .collect();
    format!("<span class=\"keys\">{}</span>", shown.join("+"))
}

#[cfg(test)]
mod tests {
    use super::marks;

    #[test]
    fn keys_marks_and_insertions() {
        assert_eq!(
            marks("按 ++ctrl+alt+del++ 重启，==重点== 和 ^^新增^^。").as_deref(),
            Some(
                "按 <span class=\"keys\"><kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>Del</kbd></span> 重启，<mark>重点</mark> 和 <ins>新增</ins>。"
            )
        );
        assert_eq!(
            marks("++cmd+\"My Key\"++").as_deref(),
            Some("<span class=\"keys\"><kbd>⌘ Cmd</kbd>+<kbd>My Key</kbd></span>")
        );
        for kept in [
            "a == b == c",
            "i++ and j++",
            "Supports C++11 and C++14 compilers.",
            "Use i++, j++ in loops.",
            "`==code==` 与 `++x++`",
            "C++ 与 C++",
            "x ==",
            "====",
            "[link](https://example.com/?a=YWJj==&b=ZGVm==)",
            "[docs](https://example.com/a++b/c++d)",
            "<https://example.com/x==y==z>",
            "<a href=\"https://x.example/c++/a++\">x</a>",
            "| a==b | c==d |",
            "| ==a | b== |",
            "$a==b==c$ 与 $$b==c==d$$",
            "[ref]: https://x.example/?q=YQ==&r=Yg==",
        ] {
            assert_eq!(marks(kept), None, "{kept}");
        }
    }

    proptest::proptest! {
        /// Any line: read without a panic, and text without marks unchanged.
        #[test]
        fn any_line_is_read(line in "[a-z+=^`$<>\\[\\]()| 中]{0,40}") {
            if let Some(out) = marks(&line) {
                proptest::prop_assert!(out.contains("<kbd>") || out.contains("<mark>") || out.contains("<ins>"));
            }
        }
    }
}
