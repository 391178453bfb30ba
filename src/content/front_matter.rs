//! Front matter: the YAML between `---` lines at the top of a Markdown file, and the title
//! taken from the first `# ` heading when the front matter has none.

use serde::Deserialize;

use crate::error::Diagnostic;
use crate::yaml;

/// The front matter as written. Section pages (`_index.md`) use the same keys.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // the keys are documented in the README
pub struct FrontMatter {
    pub title: Option<String>,
    pub description: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub weight: Option<i64>,
    #[serde(default)]
    pub draft: bool,
    pub slug: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
    /// `false` turns off automatic related articles, leaving only the pins.
    pub related_auto: Option<bool>,
    pub template: Option<String>,
    pub toc: Option<bool>,
    pub search: Option<bool>,
    #[serde(default)]
    pub extra: yaml::Mapping,
}

/// Splits `---` front matter from the body. Returns (yaml, body, 1-based line where body starts).
pub(super) fn split(text: &str) -> Result<(Option<&str>, &str, usize), Diagnostic> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Ok((None, text, 1));
    }
    let mut pos = first_line_end;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let l = text[pos..end].trim_end();
        if l == "---" || l == "..." {
            return Ok((Some(&text[first_line_end..pos]), &text[end..], line + 1));
        }
        pos = end;
        line += 1;
    }
    Err(Diagnostic::error("the front matter is never closed")
        .at(1, 1)
        .hint("end the front matter with a line of three dashes `---` before the article text"))
}

/// Removes the first level-1 ATX heading (outside code fences) from `body`, keeping the line
/// count unchanged so later line numbers stay right, and returns its text.
pub(super) fn take_first_h1(body: &mut String) -> Option<String> {
    let mut fence: Option<&str> = None;
    let mut offset = 0;
    let mut found = None;
    for line in body.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
        } else if t.starts_with("```") {
            fence = Some("```");
        } else if t.starts_with("~~~") {
            fence = Some("~~~");
        } else if let Some(rest) = line.strip_prefix("# ") {
            let title = rest.trim().trim_end_matches('#').trim().to_owned();
            found = Some((offset, line.trim_end_matches(['\n', '\r']).len(), title));
            break;
        }
        offset += line.len();
    }
    let (start, len, title) = found?;
    body.replace_range(start..start + len, "");
    (!title.is_empty()).then_some(title)
}
