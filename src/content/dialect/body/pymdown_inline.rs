//! PyMdown Extensions' inline marks, on sites built with MkDocs (Material turns them on):
//! keys `++ctrl+alt+del++` as keyboard keys, `==marked==` as highlighted text and `^^inserted^^`
//! as inserted text. Printed as written, a page that says which keys to press showed
//! `++ctrl+alt+del++`. Code spans keep them as written.

/// `line` with the marks written as HTML, or `None` when it has none.
pub(super) fn marks(line: &str) -> Option<String> {
    if !(line.contains("++") || line.contains("==") || line.contains("^^")) {
        return None;
    }
    let mut out = String::with_capacity(line.len() + 32);
    let mut rest = line;
    let mut changed = false;
    while !rest.is_empty() {
        // A code span is copied as it is.
        if rest.starts_with('`') {
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..ticks];
            match rest[ticks..].find(fence) {
                Some(end) => {
                    out.push_str(&rest[..ticks + end + ticks]);
                    rest = &rest[ticks + end + ticks..];
                }
                None => {
                    out.push_str(rest);
                    rest = "";
                }
            }
            continue;
        }
        let found = [("++", "kbd"), ("==", "mark"), ("^^", "ins")]
            .iter()
            .find_map(|(mark, tag)| Some((*tag, span(rest, mark)?)));
        match found {
            Some((tag, (inner, len))) => {
                if tag == "kbd" {
                    out.push_str(&keys(inner));
                } else {
                    out.push_str(&format!("<{tag}>{inner}</{tag}>"));
                }
                rest = &rest[len..];
                changed = true;
            }
            None => {
                let c = rest.chars().next().unwrap_or(' ');
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    changed.then_some(out)
}

/// The text between `mark` at the start of `s` and the next `mark` on the line, and the
/// length of the whole, when it is a span: text right inside both marks (`==x==`, not
/// `a == b == c`), no backtick in it.
fn span<'s>(s: &'s str, mark: &str) -> Option<(&'s str, usize)> {
    let after = s.strip_prefix(mark)?;
    let end = after.find(mark)?;
    let inner = &after[..end];
    let edges_ok = !inner.is_empty()
        && !inner.starts_with(char::is_whitespace)
        && !inner.ends_with(char::is_whitespace)
        && !inner.contains('`')
        && !inner.starts_with(mark.chars().next()?);
    edges_ok.then_some((inner, mark.len() + end + mark.len()))
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
            "`==code==` 与 `++x++`",
            "C++ 与 C++",
            "x ==",
            "====",
        ] {
            assert_eq!(marks(kept), None, "{kept}");
        }
    }
}
