//! Hugo's shortcodes in the body: a pair on lines of their own (`{{< note >}}` … `{{< /note >}}`,
//! `{{% alert title="…" %}}`, tabs, details) opens a container; one alone on its line may be a
//! figure, a video, a button or the table of contents; within a line, `{{< ref "x.md" >}}` is
//! the path it names. Others drop out with a warning, their text kept.

use super::{
    DIRECTIVE, Open, Transform, callout_directive, callout_kind, details_directive, end_line,
    tab_directive, video_link,
};
use crate::content::dialect::{self, shortcode::Shortcode};
use crate::paths::HUGO_REF;

impl Transform<'_> {
    /// A Hugo shortcode alone on its line: a container, a figure, or nothing.
    pub(super) fn block_shortcode(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        let sc = Shortcode::parse_whole(trimmed)?;
        if sc.closing {
            let pos = self
                .open
                .iter()
                .rposition(|o| matches!(o, Open::Shortcode { name, .. } if *name == sc.name))?;
            let Open::Shortcode { directive, .. } = self.open.remove(pos) else {
                return None;
            };
            if matches!(sc.name.as_str(), "tabs" | "tabpane") {
                self.tab_names.pop();
            }
            self.replace(end_line(pad, directive), i);
            return Some(());
        }
        if matches!(sc.name.as_str(), "tabs" | "tabpane") {
            self.tab_names.push(
                (0..)
                    .map_while(|n| sc.positional(n))
                    .map(str::to_owned)
                    .collect(),
            );
        }
        // A tab named by its set: the set's next name.
        let set_name = (sc.name == "codetab")
            .then(|| self.tab_names.last_mut().and_then(|q| q.pop_front()))
            .flatten();
        let title = sc
            .arg("title")
            .or_else(|| sc.arg("header"))
            .or_else(|| sc.arg("summary"));
        let paired = |name: &str| -> Option<String> {
            match name {
                "tabs" | "tabpane" => Some("tabs".to_owned()),
                "tab" => Some(tab_directive(
                    sc.arg("name")
                        .or(title)
                        .or_else(|| sc.positional(0))
                        .unwrap_or_default(),
                )),
                "codetab" => Some(tab_directive(set_name.as_deref().unwrap_or_default())),
                "details" | "expand" => Some(details_directive(
                    title.or_else(|| sc.positional(0)).unwrap_or_default(),
                )),
                "alert" | "callout" | "admonition" | "notice" | "hint" => {
                    let kind = sc
                        .arg("color")
                        .or_else(|| sc.arg("type"))
                        .or_else(|| sc.positional(0))
                        .unwrap_or("note");
                    Some(callout_directive(
                        callout_kind(kind).unwrap_or("note"),
                        title,
                    ))
                }
                other => callout_kind(other).map(|k| callout_directive(k, title)),
            }
        };
        // A video a theme embeds: a link to it says where it is.
        let video = video_link(&sc.name, sc.arg("id").or_else(|| sc.positional(0)), None);
        let text = match sc.name.as_str() {
            "figure" => format!("{pad}{DIRECTIVE}figure {}-->", sc.attributes()),
            "toc" => format!("{pad}{DIRECTIVE}toc-->"),
            "youtube" | "vimeo" | "bilibili" if video.is_some() => {
                format!("{pad}{}", video.unwrap_or_default())
            }
            // A theme's call to action (Dapr's docs: "开始使用" → a page): a link says the same.
            "button" if sc.arg("text").is_some() && button_target(&sc).is_some() => {
                let text = sc.arg("text").unwrap_or_default();
                let text = text.replace('[', "\\[").replace(']', "\\]");
                format!(
                    "{pad}[{text}](<{}>)",
                    button_target(&sc).unwrap_or_default()
                )
            }
            // TiDB's docs mark code blocks that get a copy button; every block has one here.
            "copyable" => String::new(),
            name => match paired(name) {
                Some(d) => {
                    self.open.push(Open::Shortcode {
                        name: name.to_owned(),
                        directive: true,
                    });
                    format!("{pad}{DIRECTIVE}{d}-->")
                }
                None => {
                    self.warn(
                        i,
                        format!("the Hugo shortcode `{}` is not understood", sc.written),
                    );
                    // What it shows as text stays, each a paragraph of its own (CloudWeGo's
                    // 用户案例: nine cards' headings).
                    for (text, heading) in sc.shown_text() {
                        self.shifted = true;
                        let text = dialect::paragraph(text);
                        let text = if heading { format!("**{text}**") } else { text };
                        self.replace(pad.to_owned(), i);
                        self.replace(format!("{pad}{text}"), i);
                    }
                    // A pair's closing tag, when it comes, drops out too.
                    self.open.push(Open::Shortcode {
                        name: name.to_owned(),
                        directive: false,
                    });
                    String::new()
                }
            },
        };
        self.replace(text, i);
        Some(())
    }

    /// Shortcodes within a line: `{{< ref "x.md" >}}` becomes the path it names; others drop
    /// out (their text stays) with a warning.
    pub(super) fn inline_shortcodes(&mut self, line: &str, i: usize) -> String {
        if !line.contains("{{<") && !line.contains("{{%") {
            return line.to_owned();
        }
        let mut out = String::with_capacity(line.len());
        let mut rest = line;
        while let Some(start) = rest.find("{{<").or_else(|| rest.find("{{%")) {
            let start = match (rest.find("{{<"), rest.find("{{%")) {
                (Some(a), Some(b)) => a.min(b),
                (a, b) => a.or(b).unwrap_or(start),
            };
            let close = if rest[start..].starts_with("{{<") {
                ">}}"
            } else {
                "%}}"
            };
            let Some(len) = rest[start..].find(close) else {
                break;
            };
            let written = &rest[start..start + len + close.len()];
            out.push_str(&rest[..start]);
            match Shortcode::parse_whole(written) {
                Some(sc) if !sc.closing && matches!(sc.name.as_str(), "ref" | "relref") => {
                    let target = sc
                        .positional(0)
                        .or_else(|| sc.arg("path"))
                        .unwrap_or_default();
                    // In a link, the resolver finds it as Hugo does (see `HUGO_REF`); anywhere
                    // else it is text, and Hugo would print its URL. In a link, what would end
                    // the link (a space, a quote, a bracket: Dapr's `ref "policies.md#Override
                    // Default Retries"`) is percent-encoded, or the mark would show as text.
                    if in_link_destination(&out) {
                        out.push_str(HUGO_REF);
                        out.push_str(&within_link(target));
                    } else {
                        out.push_str(target);
                    }
                }
                Some(sc) if sc.name == "copyable" => {}
                Some(sc) if !sc.closing => {
                    self.warn(
                        i,
                        format!("the Hugo shortcode `{}` is not understood", sc.written),
                    );
                }
                _ => {}
            }
            rest = &rest[start + len + close.len()..];
        }
        out.push_str(rest);
        out
    }
}

/// Whether a line written so far ends where a link's destination starts, outside code: after
/// `](`, a reference definition's `[id]: `, or `href="` / `src="`, which the Markdown stage
/// rewrites. Elsewhere a Hugo ref's mark would show.
pub(super) fn in_link_destination(out: &str) -> bool {
    let in_code = out.matches('`').count() % 2 == 1;
    let definition = out.trim_start().starts_with('[') && out.ends_with("]: ");
    !in_code
        && (out.ends_with("](")
            || definition
            || ["href=\"", "href='", "src=\"", "src='"]
                .iter()
                .any(|a| out.ends_with(a)))
}

/// Where a button shortcode leads: `page=` is a Hugo ref, `link=` a URL; `<` and `>` cannot be
/// in the link written around it.
pub(super) fn button_target(sc: &Shortcode) -> Option<String> {
    let (prefix, target) = match (sc.arg("page"), sc.arg("link")) {
        (Some(page), _) => (HUGO_REF, page),
        (None, Some(link)) => ("", link),
        (None, None) => return None,
    };
    let target: String = target.chars().filter(|c| !matches!(c, '<' | '>')).collect();
    (!target.trim().is_empty()).then(|| format!("{prefix}{}", within_link(target.trim())))
}

/// `target` as it can stand in a link's destination (`](…)`, `href="…"`): what would end it (a
/// space, a quote, a bracket) percent-encoded, as the resolver decodes.
pub(super) fn within_link(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    for c in target.chars() {
        match c {
            '"' | '\'' | '<' | '>' | '(' | ')' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_whitespace() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}
