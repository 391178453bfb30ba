//! Which class a token gets. Tree-sitter grammars name what they capture (`keyword`,
//! `function.method`, `string.escape`, `variable.parameter` …), each grammar a little
//! differently; here those names fall into a dozen classes the stylesheet colours. Operators,
//! punctuation and plain variables get none: colouring every token makes none stand out.

/// The classes, by number (0: none). Short: a long listing has thousands of them.
const NAMES: [&str; 13] = [
    "", "c", "k", "s", "n", "f", "t", "g", "a", "v", "i", "d", "h",
];

/// The class number of a capture of `grammar`: by its first part, refined by the rest.
pub(super) fn of(grammar: &str, capture: &str) -> u8 {
    // The diff grammar names added lines `string` and removed ones `keyword`.
    let capture = match (grammar, capture) {
        ("diff", "string") => "diff.plus",
        ("diff", "keyword") => "diff.minus",
        _ => capture,
    };
    let mut parts = capture.split('.');
    let head = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let has = |p: &str| rest.contains(&p);
    let name = match head {
        "comment" => "c",
        "keyword" | "include" | "import" | "repeat" | "conditional" | "exception"
        | "storageclass" | "preproc" | "define" | "use" | "return" | "while" | "for" | "each"
        | "forward" | "extend" | "mixin" | "media" | "supports" | "keyframes" | "charset"
        | "at-root" | "debug" | "warn" | "interface" => "k",
        "string" if has("escape") => "n",
        "string" | "character" | "regex" | "escape" => {
            if head == "escape" {
                "n"
            } else {
                "s"
            }
        }
        "number" | "float" | "boolean" | "constant" => "n",
        "function" | "method" | "constructor" => "f",
        "type" if has("qualifier") => "k",
        "type" | "namespace" | "module" | "definition" => "t",
        "tag" if has("attribute") => "a",
        "tag" => "g",
        "attribute" | "property" | "field" | "label" => "a",
        "variable" if has("builtin") => "k",
        "variable" if has("parameter") => "v",
        "parameter" => "v",
        "markup" | "text" if has("heading") || has("title") => "h",
        "diff" if has("plus") => "i",
        "diff" if has("minus") => "d",
        "addition" | "inserted" => "i",
        "deletion" | "deleted" => "d",
        _ => "",
    };
    NAMES.iter().position(|n| *n == name).unwrap_or(0) as u8
}

/// The class name of a class number (`None` for plain text).
pub(super) fn name(class: u8) -> Option<&'static str> {
    NAMES
        .get(usize::from(class))
        .copied()
        .filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_fall_into_classes() {
        for (capture, class) in [
            ("comment.documentation", Some("c")),
            ("keyword.function", Some("k")),
            ("string.special.key", Some("s")),
            ("string.escape", Some("n")),
            ("function.method.builtin", Some("f")),
            ("type.builtin", Some("t")),
            ("tag.attribute", Some("a")),
            ("variable.parameter", Some("v")),
            ("variable.builtin", Some("k")),
            ("punctuation.bracket", None),
            ("operator", None),
            ("variable", None),
        ] {
            assert_eq!(name(of("javascript", capture)), class, "{capture}");
        }
        assert_eq!(name(of("diff", "string")), Some("i"));
        assert_eq!(name(of("diff", "keyword")), Some("d"));
    }
}
