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

/// Text safe in XML 1.0 (feeds, sitemaps): escaped as [`html`], and without the characters
/// XML 1.0 forbids even as references (C0 controls other than tab, line feed and carriage
/// return; U+FFFE, U+FFFF). Word pastes a vertical tab for a soft line break, and one such
/// character makes a feed reader reject the whole feed; HTML shows it as nothing, so dropping
/// it loses nothing a reader saw.
pub fn xml(s: &str) -> String {
    html(&s.replace(|c| !xml_char(c), ""))
}

/// A character XML 1.0 allows in a document.
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
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
    use proptest::prelude::*;

    proptest! {
        /// Whatever the text, what `xml` gives holds only characters XML allows, and no `<`,
        /// `>` or `"`: every `&` opens one of the five references.
        #[test]
        fn xml_text_is_always_well_formed(s in any::<String>()) {
            let x = xml(&s);
            prop_assert!(x.chars().all(xml_char));
            prop_assert!(!x.contains(['<', '>', '"']));
            for (i, _) in x.match_indices('&') {
                let rest = &x[i..];
                prop_assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|r| rest.starts_with(r))
                );
            }
        }
    }

    #[test]
    fn markup_is_text() {
        assert_eq!(
            html("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(html("注意事项"), "注意事项");
        assert_eq!(
            xml("Word:\u{b}粘贴\u{7}\t<\u{ffff}\u{fffe}\r\n"),
            "Word:粘贴\t&lt;\r\n"
        );
        let v = serde_json::json!({"t": "</script><b>&"});
        assert_eq!(
            json_for_script(&v),
            r#"{"t":"\u003c/script\u003e\u003cb\u003e\u0026"}"#
        );
    }
}
