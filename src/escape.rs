//! Escaping text for the formats the output is written in, below every stage.

/// Text safe in HTML text and attribute values (and in XML): only the characters that matter
/// there are escaped, so URLs and Chinese text stay readable in the source.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON safe inside `<script>`: `<`, `>` and `&` are written as escapes so text such as
/// `</script>` in a title cannot end the element.
pub fn json_for_script(v: &serde_json::Value) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_text() {
        assert_eq!(
            html("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(html("注意事项"), "注意事项");
        let v = serde_json::json!({"t": "</script><b>&"});
        assert_eq!(
            json_for_script(&v),
            r#"{"t":"\u003c/script\u003e\u003cb\u003e\u0026"}"#
        );
    }
}
