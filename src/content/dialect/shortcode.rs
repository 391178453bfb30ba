//! Hugo shortcodes as written (`{{< name "positional" key="value" >}}`, `{{% /name %}}`) and the
//! arguments they share with GitBook's Liquid tags, read into a name and arguments that `body`
//! turns into directives.

use super::body::quoted;

/// A Hugo shortcode: `{{< name "positional" key="value" >}}` or `{{% /name %}}`.
pub(super) struct Shortcode<'a> {
    pub(super) written: &'a str,
    pub(super) name: String,
    pub(super) closing: bool,
    pub(super) args: Vec<(Option<String>, String)>,
}

impl<'a> Shortcode<'a> {
    /// `text` when it is one shortcode and nothing else.
    pub(super) fn parse_whole(text: &'a str) -> Option<Shortcode<'a>> {
        let inner = text
            .strip_prefix("{{<")
            .and_then(|t| t.strip_suffix(">}}"))
            .or_else(|| text.strip_prefix("{{%").and_then(|t| t.strip_suffix("%}}")))?
            .trim();
        let inner = inner
            .strip_prefix("/*")
            .and_then(|i| i.strip_suffix("*/"))
            .unwrap_or(inner)
            .trim();
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(rest) => (true, rest.trim()),
            None => (false, inner),
        };
        let name_len = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        let name = inner[..name_len].to_owned();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || "-_/".contains(c))
        {
            return None;
        }
        Some(Shortcode {
            written: text,
            name,
            closing,
            args: args(&inner[name_len..]),
        })
    }

    pub(super) fn arg(&self, key: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| k.as_deref() == Some(key))
            .map(|(_, v)| v.as_str())
    }

    /// The arguments a theme shows as text (a card's `header`, a cover's `title`, a
    /// `description`), in the order written, each with whether it is a heading. Other arguments
    /// (an image, a colour, a link) are not text to show.
    pub(super) fn shown_text(&self) -> impl Iterator<Item = (&str, bool)> {
        self.args.iter().filter_map(|(k, v)| {
            let heading = match k.as_deref()? {
                "title" | "header" | "heading" => true,
                "subtitle" | "summary" | "description" | "caption" | "text" => false,
                _ => return None,
            };
            (!v.trim().is_empty()).then_some((v.trim(), heading))
        })
    }

    pub(super) fn positional(&self, n: usize) -> Option<&str> {
        self.args
            .iter()
            .filter(|(k, _)| k.is_none())
            .nth(n)
            .map(|(_, v)| v.as_str())
    }

    /// The named arguments as directive attributes: `src="…" caption="…"`.
    pub(super) fn attributes(&self) -> String {
        self.args
            .iter()
            .filter_map(|(k, v)| Some(format!("{}={}", k.as_ref()?, quoted(v))))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// `"a" key="b c" d=e` → [(None, a), (key, b c), (d, e)].
pub(super) fn args(text: &str) -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    let mut chars = text.trim().chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&first) = chars.peek() else { break };
        let mut key = None;
        let mut value = String::new();
        if first != '"' && first != '\'' && first != '`' {
            let mut word = String::new();
            while let Some(c) = chars.next_if(|c| !c.is_whitespace() && *c != '=') {
                word.push(c);
            }
            if chars.next_if_eq(&'=').is_some() {
                key = Some(word);
            } else {
                out.push((None, word));
                continue;
            }
        }
        match chars.peek().copied() {
            Some(q @ ('"' | '\'' | '`')) => {
                chars.next();
                for c in chars.by_ref() {
                    if c == q {
                        break;
                    }
                    value.push(c);
                }
            }
            _ => {
                while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                    value.push(c);
                }
            }
        }
        out.push((key, value));
    }
    out
}
