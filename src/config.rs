//! The site's `helpcenter.yaml`.
//!
//! Unknown keys are errors (with the nearest known key suggested) because a misspelt key that is
//! silently ignored is the most common way a setting "does nothing".

use std::path::Path;

use serde::Deserialize;

use crate::error::{Diagnostic, suggest};

pub const CONFIG_FILE: &str = "helpcenter.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// A BCP 47 tag; `zh-*` selects the Chinese UI strings, anything else English.
    #[serde(default = "default_language")]
    pub language: String,
    /// Only used where a URL must be absolute: canonical, sitemap, feed, Open Graph.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Offset for dates written without one, e.g. `+08:00`.
    #[serde(default)]
    pub timezone: Option<String>,
    /// Content paths (relative to `content/`) of articles promoted on the home page.
    #[serde(default)]
    pub featured: Vec<String>,
    #[serde(default)]
    pub contact: Option<Contact>,
    #[serde(default)]
    pub related: RelatedConfig,
    #[serde(default)]
    pub feedback: FeedbackConfig,
    /// Text shown in every page's footer.
    #[serde(default)]
    pub footer: Option<String>,
    /// Heading levels listed in a table of contents (2..=this).
    #[serde(default = "default_toc_depth")]
    pub toc_depth: u8,
    /// Free map passed to templates.
    #[serde(default)]
    pub extra: serde_yaml::Mapping,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub links: Vec<ContactLink>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContactLink {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedConfig {
    #[serde(default = "default_related_limit")]
    pub limit: usize,
}

impl Default for RelatedConfig {
    fn default() -> Self {
        RelatedConfig {
            limit: default_related_limit(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackConfig {
    #[serde(default)]
    pub url: Option<String>,
}

fn default_language() -> String {
    "zh-CN".to_owned()
}
fn default_related_limit() -> usize {
    5
}
fn default_toc_depth() -> u8 {
    3
}

const KNOWN_KEYS: &[&str] = &[
    "title",
    "description",
    "language",
    "base_url",
    "timezone",
    "featured",
    "contact",
    "related",
    "feedback",
    "footer",
    "toc_depth",
    "extra",
    "label",
    "url",
    "text",
    "links",
    "limit",
];

impl Config {
    /// Reads `helpcenter.yaml` under `root`; `display` is the path shown in messages.
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let path = root.join(CONFIG_FILE);
        let shown = crate::content::shown_path(root, &path);
        let bytes = std::fs::read(&path).map_err(|e| {
            Diagnostic::error(format!("cannot read the site config: {e}"))
                .in_file(&shown)
                .hint(format!(
                    "run helpcenter in a site folder (one with {CONFIG_FILE} and content/), \
                     pass --root DIR, or create a site with `helpcenter init DIR`"
                ))
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let (line, col) = crate::content::line_col(
                &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
                e.utf8_error().valid_up_to(),
            );
            Diagnostic::error("the config is not valid UTF-8")
                .in_file(&shown)
                .at(line, col)
                .hint("save the file as UTF-8")
        })?;
        Self::parse(&text).map_err(|d| d.in_file(shown))
    }

    pub fn parse(text: &str) -> Result<Config, Diagnostic> {
        let mut config: Config = serde_yaml::from_str(text).map_err(|e| yaml_error(&e, 0))?;
        if let Some(base) = &mut config.base_url {
            if base.trim().is_empty() {
                config.base_url = None;
            } else if !base.ends_with('/') {
                base.push('/');
            }
        }
        if config.timezone.is_some() && config.offset().is_none() {
            let line = key_line(text, "timezone").unwrap_or(1);
            return Err(Diagnostic::error("`timezone` is not an offset")
                .at_line(line)
                .hint("write it as an offset from UTC, e.g. timezone: \"+08:00\""));
        }
        Ok(config)
    }

    pub fn is_chinese(&self) -> bool {
        self.language.to_ascii_lowercase().starts_with("zh")
    }

    /// The offset applied to dates written without one: the configured one, or China's for a
    /// Chinese site and UTC otherwise.
    pub fn offset(&self) -> Option<chrono::FixedOffset> {
        match &self.timezone {
            Some(tz) => parse_offset(tz),
            None if self.is_chinese() => chrono::FixedOffset::east_opt(8 * 3600),
            None => chrono::FixedOffset::east_opt(0),
        }
    }
}

fn parse_offset(s: &str) -> Option<chrono::FixedOffset> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("utc") || s == "Z" {
        return chrono::FixedOffset::east_opt(0);
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if h > 14 || m > 59 {
        return None;
    }
    chrono::FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// Turns a serde_yaml error into a diagnostic whose line is counted in the whole file
/// (`line_offset` lines precede the YAML text), with a hint for unknown keys.
pub fn yaml_error(e: &serde_yaml::Error, line_offset: usize) -> Diagnostic {
    let raw = e.to_string();
    // serde_yaml appends " at line L column C"; the location is shown separately.
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_owned(),
        None => raw.clone(),
    };
    let mut d = Diagnostic::error(message.clone());
    if let Some(loc) = e.location() {
        d = d.at(loc.line() + line_offset, loc.column());
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default();
        d.message = format!("unknown key `{key}`");
        let known: Vec<&str> = message
            .split("expected ")
            .nth(1)
            .map(|list| {
                list.split('`')
                    .enumerate()
                    .filter(|(i, _)| i % 2 == 1)
                    .map(|(_, k)| k)
                    .collect()
            })
            .unwrap_or_default();
        let known: Vec<&str> = if known.is_empty() {
            KNOWN_KEYS.to_vec()
        } else {
            known
        };
        d = match suggest(key, &known) {
            Some(k) => d.hint(format!("did you mean `{k}`?")),
            None => d.hint(format!("the known keys here are: {}", known.join(", "))),
        };
    } else if let Some((key, found, expected)) = parse_invalid_type(&message) {
        d.message = format!("`{key}` should be {expected}, not {found}");
        d = if expected.contains("string") && (found.contains("sequence") || found.contains("map"))
        {
            d.hint(format!("a value starting with `[` or `{{` is read as a list or map: put it in quotes, e.g. {key}: \"[…]\""))
        } else {
            d.hint("check the value's type: text, a number, true/false or a list as the key needs")
        };
    } else if message.contains("invalid type") || message.contains("expected") {
        d = d.hint("check the value's type: text, a number, true/false or a list as the key needs");
    } else {
        d = d.hint(
            "fix the YAML syntax: `key: value` per line, lists as `- item` or `[a, b]`; \
             quote values that contain `: ` or start with a special character",
        );
    }
    d
}

/// Splits serde's "key: invalid type: FOUND, expected EXPECTED" into its parts.
fn parse_invalid_type(message: &str) -> Option<(&str, &str, &str)> {
    let (key, rest) = message.split_once(": invalid type: ")?;
    let (found, expected) = rest.split_once(", expected ")?;
    (!key.contains(' ')).then_some((key, found, expected))
}

/// The 1-based line on which a top-level `key:` is written, for errors about its value.
pub fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_base_url_slash() {
        let c = Config::parse("title: 帮助中心\nbase_url: https://x.example/help\n").unwrap();
        assert_eq!(c.language, "zh-CN");
        assert_eq!(c.base_url.as_deref(), Some("https://x.example/help/"));
        assert_eq!(c.related.limit, 5);
        assert_eq!(c.offset().unwrap().local_minus_utc(), 8 * 3600);
    }

    #[test]
    fn unknown_key_suggests() {
        let d = Config::parse("title: x\nlanguag: en\n").unwrap_err();
        assert_eq!(d.message, "unknown key `languag`");
        assert_eq!(d.line, Some(2));
        assert_eq!(d.hint.as_deref(), Some("did you mean `language`?"));
    }

    #[test]
    fn bad_timezone() {
        let d = Config::parse("title: x\ntimezone: Asia/Shanghai\n").unwrap_err();
        assert_eq!(d.line, Some(2));
    }
}
