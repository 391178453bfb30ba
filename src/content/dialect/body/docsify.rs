//! Docsify (docsify.js.org), which many Chinese projects' docs are written for: its notices
//! `?> 提示` and `!> 重要`, GitHub alerts with their text on the marker's line
//! (`> [!TIP] 文字`), heading ids written `## 标题 :id=custom`, and `':include'` links, which
//! embed a file there (here they stay links, with a warning).

use super::{DIRECTIVE, Transform, callout_directive};

impl Transform<'_> {
    /// A notice or an alert with its text beside the marker, as the callouts they are.
    pub(super) fn docsify_notice(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        let (kind, text) = if let Some(text) = trimmed.strip_prefix("?>") {
            ("tip", text.trim())
        } else if let Some(text) = trimmed.strip_prefix("!>") {
            ("important", text.trim())
        } else {
            return self.alert_on_one_line(pad, trimmed, i);
        };
        self.shifted = true;
        self.replace(
            format!("{pad}{DIRECTIVE}{}-->", callout_directive(kind, None)),
            i,
        );
        self.replace(format!("{pad}{text}"), i);
        self.replace(format!("{pad}{DIRECTIVE}end-->"), i);
        Some(())
    }

    /// `> [!TIP] 文字`: the marker on a line of its own, as GitHub and helpcenter read it.
    fn alert_on_one_line(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        let rest = trimmed.strip_prefix('>')?.trim_start().strip_prefix("[!")?;
        let (kind, text) = rest.split_once(']')?;
        let known = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(kind));
        if !known || text.trim().is_empty() {
            return None;
        }
        self.shifted = true;
        self.replace(format!("{pad}> [!{}]", kind.to_ascii_uppercase()), i);
        self.replace(format!("{pad}> {}", text.trim()), i);
        Some(())
    }
}

/// A heading's Docsify attributes: `:id=x` becomes `{#x}`, `:docsify-ignore` (and `-all`)
/// goes; any other line is left as it is.
pub(super) fn heading_attributes(line: &str) -> Option<String> {
    if !line.trim_start().starts_with('#') {
        return None;
    }
    attributes_of(line)
}

/// The same for a heading's text alone (a title taken from its `# ` line).
pub(super) fn attributes_of(line: &str) -> Option<String> {
    if !line.contains(" :") {
        return None;
    }
    let mut text = line.to_owned();
    let mut id = None;
    while let Some(at) = text.rfind(" :") {
        let attr = text[at + 2..].trim();
        if let Some(v) = attr.strip_prefix("id=") {
            let v = v.trim();
            if v.is_empty() || v.contains(char::is_whitespace) {
                break;
            }
            id = Some(v.to_owned());
        } else if !matches!(attr, "docsify-ignore" | "docsify-ignore-all") {
            break;
        }
        text.truncate(at);
    }
    if text.len() == line.len() {
        return None;
    }
    let text = text.trim_end().to_owned();
    Some(match id {
        Some(id) => format!("{text} {{#{id}}}"),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use super::heading_attributes;

    #[test]
    fn heading_ids_and_ignores() {
        assert_eq!(
            heading_attributes("# 配置项 :id=configuration").as_deref(),
            Some("# 配置项 {#configuration}")
        );
        assert_eq!(
            heading_attributes("## themeColor ⚠️ :id=themecolor :docsify-ignore").as_deref(),
            Some("## themeColor ⚠️ {#themecolor}")
        );
        assert_eq!(
            heading_attributes("### 标题 :docsify-ignore-all").as_deref(),
            Some("### 标题")
        );
        assert_eq!(heading_attributes("## a :b"), None);
        assert_eq!(heading_attributes("普通 :id=x"), None);
    }
}
