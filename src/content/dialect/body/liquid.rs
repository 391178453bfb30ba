//! Liquid's tags in the body (Jekyll, Hexo, GitBook): `{% hint %}`, `{% tabs %}` / `{% tab %}`
//! and Hexo's `{% note %}` open containers; `{% highlight %}`, `{% codeblock %}` and VuePress's
//! flowcharts are code blocks to their closing line; `{% raw %}` is text as written. Others drop
//! out with a warning, their text kept.

use super::{
    DIRECTIVE, Open, Transform, callout_directive, callout_kind, end_line, tab_directive,
    video_link,
};
use crate::content::dialect::shortcode::args;

impl Transform<'_> {
    /// GitBook's Liquid blocks alone on their line: `{% hint style="warning" %}` … `{% endhint %}`,
    /// `{% tabs %}` / `{% tab title="…" %}`; others are dropped with a warning, text kept.
    pub(super) fn liquid(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        let inner = liquid_inner(trimmed)?;
        let (name, rest) = inner.split_once(' ').unwrap_or((inner, ""));
        let attrs = args(rest);
        let get = |k: &str| {
            attrs
                .iter()
                .find(|(key, _)| key.as_deref() == Some(k))
                .map(|(_, v)| v.as_str())
        };
        let positional: Vec<&str> = attrs
            .iter()
            .filter(|(k, _)| k.is_none())
            .map(|(_, v)| v.as_str())
            .collect();
        let video = video_link(
            name,
            positional.first().copied(),
            positional.get(1).copied(),
        );
        let text = match name {
            // Hexo's `{% youtube id %}`, `{% youtube id 'playlist' %}`, `{% vimeo id %}`: a
            // link to the video.
            "youtube" | "vimeo" if video.is_some() => format!("{pad}{}", video.unwrap_or_default()),
            "hint" => {
                let kind = callout_kind(get("style").unwrap_or("info")).unwrap_or("note");
                self.open.push(Open::Shortcode {
                    name: "hint".into(),
                    directive: true,
                });
                format!("{pad}{DIRECTIVE}{}-->", callout_directive(kind, None))
            }
            // Hexo's (NexT's) `{% note info 标题 %}`: a class, then the title.
            "note" => {
                let words = &positional;
                let (kind, title) = match words.split_first() {
                    Some((first, rest)) if callout_kind(first).is_some() || *first == "default" => {
                        (callout_kind(first).unwrap_or("note"), rest.join(" "))
                    }
                    _ => ("note", words.join(" ")),
                };
                self.open.push(Open::Shortcode {
                    name: "note".into(),
                    directive: true,
                });
                let title = (!title.is_empty()).then_some(title.as_str());
                format!("{pad}{DIRECTIVE}{}-->", callout_directive(kind, title))
            }
            "tabs" => {
                self.open.push(Open::Shortcode {
                    name: "tabs".into(),
                    directive: true,
                });
                format!("{pad}{DIRECTIVE}tabs-->")
            }
            "tab" => {
                self.open.push(Open::Shortcode {
                    name: "tab".into(),
                    directive: true,
                });
                format!(
                    "{pad}{DIRECTIVE}{}-->",
                    tab_directive(get("title").unwrap_or_default())
                )
            }
            end if end.starts_with("end") => {
                let opened = &end[3..];
                let pos = self
                    .open
                    .iter()
                    .rposition(|o| matches!(o, Open::Shortcode { name, .. } if name == opened))?;
                let Open::Shortcode { directive, .. } = self.open.remove(pos) else {
                    return None;
                };
                end_line(pad, directive)
            }
            // Jekyll's and Hexo's code blocks: a fence, the code as written inside.
            "highlight" | "codeblock" | "code" => {
                let end = match name {
                    "highlight" => "endhighlight",
                    "codeblock" => "endcodeblock",
                    _ => "endcode",
                };
                self.liquid_code = Some((end, i, pad.to_owned()));
                format!(
                    "{pad}{}{}",
                    self.fence_for_liquid,
                    code_language(name, &attrs)
                )
            }
            // Jinja's and Liquid's escape: what it holds is text, as written, to `endraw`.
            "raw" => {
                self.raw = true;
                String::new()
            }
            other => {
                self.warn(
                    i,
                    format!("the Liquid tag `{{% {other} %}}` is not understood"),
                );
                self.open.push(Open::Shortcode {
                    name: other.to_owned(),
                    directive: false,
                });
                String::new()
            }
        };
        self.replace(text, i);
        Some(())
    }
}

/// `line` with each `{% raw %}…{% endraw %}` on it replaced by what it holds; `None` when it
/// has none (a `{% raw %}` alone on its line opens a block: `Transform::liquid`).
pub(super) fn inline_raw(line: &str) -> Option<String> {
    if !line.contains("raw") {
        return None;
    }
    let mut out = String::new();
    let mut rest = line;
    let mut found = false;
    while let Some((open, after_open)) = liquid_tag_at(rest, "raw") {
        let Some((close, after_close)) = liquid_tag_at(&rest[after_open..], "endraw") else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[after_open..after_open + close]);
        rest = &rest[after_open + after_close..];
        found = true;
    }
    found.then(|| out + rest)
}

/// Where the first Liquid tag `{% name %}` (or `{%- name -%}`) in `s` starts and ends. Each
/// `%}` closes the last `{%` before it; the text is read once (a line of 160,000 `{%` took 40 s
/// when each searched on for its `%}`).
pub(super) fn liquid_tag_at(s: &str, name: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = s[from..].find("%}") {
        let end = from + at + 2;
        if let Some(start) = s[from..end - 2].rfind("{%").map(|i| from + i) {
            if liquid_inner(&s[start..end]) == Some(name) {
                return Some((start, end));
            }
        }
        from = end;
    }
    None
}

/// The lines that open and close a flowchart of `vuepress-plugin-flowchart`, whose text is the
/// chart's source: read as a Liquid code block is, it cannot open containers or lists.
pub(super) const FLOW_START: &str = "@flowstart";
pub(super) const FLOW_END: &str = "@flowend";

/// The line that closes a block read as code: a Liquid tag's `{% endhighlight %}`, or the
/// `@flowend` of a flowchart.
pub(super) fn closing_line(end: &str) -> String {
    if end.starts_with('@') {
        end.to_owned()
    } else {
        format!("{{% {end} %}}")
    }
}

/// The fence a page's Liquid code blocks are written out with: longer than any run of
/// backticks on the page, so no line of their code closes it.
pub(super) fn liquid_fence(body: &str) -> String {
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat((longest + 1).max(3))
}

/// The language of `{% highlight ruby linenos %}` (the first word) or of Hexo's
/// `{% codeblock title lang:js %}` (its `lang:`).
pub(super) fn code_language(tag: &str, attrs: &[(Option<String>, String)]) -> String {
    let words = attrs
        .iter()
        .filter(|(k, _)| k.is_none())
        .map(|(_, v)| v.as_str());
    let lang = if tag == "highlight" {
        words.take(1).next().unwrap_or("")
    } else {
        words
            .filter_map(|w| w.strip_prefix("lang:"))
            .next()
            .unwrap_or("")
    };
    lang.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '#' | '_'))
        .collect()
}

/// What a line that is one Liquid tag holds: `{%- tab title="x" -%}` → `tab title="x"`.
pub(super) fn liquid_inner(trimmed: &str) -> Option<&str> {
    let inner = trimmed.strip_prefix("{%")?.strip_suffix("%}")?.trim();
    Some(inner.trim_start_matches('-').trim_end_matches('-').trim())
}

/// The tag's name of a line that is one Liquid tag.
pub(super) fn liquid_name(trimmed: &str) -> Option<&str> {
    liquid_inner(trimmed)?.split_whitespace().next()
}
