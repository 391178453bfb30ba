//! The site's `helpcenter.yaml`.
//!
//! Unknown keys are errors (with the nearest known key suggested) because a misspelt key that is
//! silently ignored is the most common way a setting "does nothing".

use std::path::Path;

use serde::Deserialize;

use crate::error::{Diagnostic, line_col, shown_path};
use crate::i18n::Locale;
use crate::yaml;

/// The config file's name, at the site root.
pub const CONFIG_FILE: &str = "helpcenter.yaml";

/// The site's settings, as `helpcenter.yaml` gives them (the README lists every key).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The config file as messages name it (not a key of the file).
    #[serde(skip, default = "default_shown")]
    pub shown: std::path::PathBuf,
    /// The site's name.
    pub title: String,
    /// Shown on the home page and in search engines.
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
    /// The contact block on the home, article and 404 pages.
    #[serde(default)]
    pub contact: Option<Contact>,
    /// Related-article settings.
    #[serde(default)]
    pub related: RelatedConfig,
    /// The "was this helpful?" widget's settings.
    #[serde(default)]
    pub feedback: FeedbackConfig,
    /// Text shown in every page's footer.
    #[serde(default)]
    pub footer: Option<String>,
    /// Heading levels listed in a table of contents (2..=this).
    #[serde(default = "default_toc_depth")]
    pub toc_depth: u8,
    /// What a link to nowhere is: an error (the default), or a warning for a first migration.
    #[serde(default)]
    pub links: LinkPolicy,
    /// Search settings.
    #[serde(default)]
    pub search: SearchConfig,
    /// Code block settings.
    #[serde(default)]
    pub code: CodeConfig,
    /// TeX between `$` is math: `None` leaves it to the config of the tool the content was
    /// written for (MkDocs's arithmatex, VitePress's `math: true`, remark-math).
    #[serde(default)]
    pub math: Option<bool>,
    /// Values of template variables written `{{{ .name }}}` in content written for other tools.
    #[serde(default)]
    pub variables: std::collections::BTreeMap<String, String>,
    /// Files of `content/` to publish even when no page links to them: paths, folders
    /// (`downloads/`) or patterns (`*.pdf`).
    #[serde(default)]
    pub copy: Vec<String>,
    /// Free map passed to templates.
    #[serde(default)]
    pub extra: yaml::Mapping,
    /// The line of `copy:` in the file, for the warning about an entry that matches nothing.
    #[serde(skip)]
    pub copy_line: Option<usize>,
    /// The line of `featured:`, for the error about an entry that names no article.
    #[serde(skip)]
    pub featured_line: Option<usize>,
}

/// Why `url` cannot be the address the site is published at, if it cannot. Canonical URLs, the
/// sitemap, the feed and Open Graph are this with the page's path appended: without a scheme
/// they come out relative to each page, after a `?` or `#` they are no path at all.
pub fn base_url_problem(url: &str) -> Option<&'static str> {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = ["https://", "http://"]
        .iter()
        .find_map(|s| lower.strip_prefix(s))
    else {
        return Some("it does not start with https:// or http://");
    };
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() {
        return Some("it names no host");
    }
    if host.starts_with('[') && !host.contains(']') {
        return Some("its IPv6 address is not closed with `]`");
    }
    if url.contains(['?', '#']) {
        return Some("it holds a query (`?`) or a fragment (`#`), which no page path can follow");
    }
    // Canonical URLs, the sitemap and the feed repeat it on every page: a password would be
    // published with each.
    if host.contains('@') {
        return Some(
            "it holds a user name or password (`user:pw@`), which every page would publish",
        );
    }
    let port = host.rsplit_once(']').map_or(host, |(_, after)| after);
    if let Some((_, port)) = port.rsplit_once(':')
        && !port.is_empty()
        && port.parse::<u16>().map_or(true, |p| p == 0)
    {
        return Some("its port is not a number from 1 to 65535");
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
    {
        return Some("it holds a space, a quote, an angle bracket or a backslash");
    }
    // `/docs/../` is the host's root: every canonical URL and the 404 page's links would
    // point above the folder the site is in.
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    if path
        .split('/')
        .any(|seg| matches!(crate::paths::percent_decode(seg).as_str(), "." | ".."))
    {
        return Some("its path has a `.` or `..` folder");
    }
    // `/docs//`: a host may serve it, but every page's address would carry the empty folder.
    if path.starts_with('/') || path.contains("//") {
        return Some("its path has an empty folder (`//`)");
    }
    // Pages append their paths to it as is: a `%` must start an escape.
    let bytes = path.as_bytes();
    let bad_escape = bytes.iter().enumerate().any(|(i, &b)| {
        b == b'%'
            && !bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    });
    if bad_escape {
        return Some(
            "its path has a `%` not followed by two hexadecimal digits (a percent sign is `%25`)",
        );
    }
    None
}

/// A `base_url` that has no problem, as pages write it: ending in `/`, and with its path's
/// characters beyond ASCII percent-encoded as the pages' own paths are after it (a host
/// stays as written).
pub fn normal_base_url(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let path_start = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |i| after_scheme + i);
    let mut out = url[..path_start].to_owned();
    for c in url[path_start..].chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            crate::paths::push_escaped(&mut out, c);
        }
    }
    if !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// The error for a `base_url` that cannot be the site's address (`from` says where it was set).
pub fn bad_base_url(url: &str, problem: &str, from: &str) -> Diagnostic {
    Diagnostic::error(format!("{from} `{url}` is not the address of a site: {problem}"))
        .hint("write the full address the site is published at, e.g. https://help.example.com/ or https://example.com/docs/")
}

/// `links:` in the config.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkPolicy {
    /// A link or image that leads nowhere fails the build.
    #[default]
    Error,
    /// It is a warning, left as written; the build's summary counts them.
    Warn,
}

/// `search:` in the config.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// The hint in the home page's search box (a neutral default when absent).
    #[serde(default)]
    pub placeholder: Option<String>,
    /// Groups of words that mean the same to readers (`[[注销, 销户], [遗失, 丢了]]`): any
    /// member finds articles that say another, below those that say it.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
}

/// `code:` in the config.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CodeConfig {
    /// Colour code blocks (on by default; off shows them plain, and builds a little faster).
    #[serde(default = "yes")]
    pub highlight: bool,
    /// Number the lines of every block, not only those whose fence asks (`showLineNumbers`).
    #[serde(default)]
    pub line_numbers: bool,
}

impl Default for CodeConfig {
    fn default() -> Self {
        CodeConfig {
            highlight: true,
            line_numbers: false,
        }
    }
}

fn yes() -> bool {
    true
}

/// Where readers get help when the articles do not answer.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The block's heading; the UI's default when absent.
    #[serde(default)]
    pub title: Option<String>,
    /// A sentence or two.
    #[serde(default)]
    pub text: String,
    /// Links (chat, email, phone).
    #[serde(default)]
    pub links: Vec<ContactLink>,
}

/// One contact link.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContactLink {
    /// The text shown.
    pub label: String,
    /// Where it goes (https, mailto, tel …; never a script: `Config::parse` refuses those).
    pub url: String,
}

/// `related:` in the config.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedConfig {
    /// Related articles listed per article.
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

/// `feedback:` in the config: `false` hides the "was this helpful?" widget (Zendesk lets a team
/// turn article voting off), a map sets where answers go.
#[derive(Debug, Clone)]
pub struct FeedbackConfig {
    pub enabled: bool,
    /// Endpoint that receives answers as a POST; without it they stay on the reader's device.
    pub url: Option<String>,
}

impl Default for FeedbackConfig {
    fn default() -> Self {
        FeedbackConfig {
            enabled: true,
            url: None,
        }
    }
}

/// The map form of `feedback:`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedbackFields {
    #[serde(default = "yes")]
    enabled: bool,
    #[serde(default)]
    url: Option<String>,
}

impl<'de> Deserialize<'de> for FeedbackConfig {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Setting;
        impl<'de> serde::de::Visitor<'de> for Setting {
            type Value = FeedbackConfig;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`false`, `true` or a map with `url`")
            }
            fn visit_bool<E: serde::de::Error>(self, enabled: bool) -> Result<Self::Value, E> {
                Ok(FeedbackConfig { enabled, url: None })
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(FeedbackConfig::default())
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                let f =
                    FeedbackFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(FeedbackConfig {
                    enabled: f.enabled,
                    url: f.url,
                })
            }
        }
        d.deserialize_any(Setting)
    }
}

fn default_shown() -> std::path::PathBuf {
    CONFIG_FILE.into()
}

/// Whether a browser runs `url` as a script when it is followed (`javascript:`, and the
/// `vbscript:` and `data:` of older ones), as it reads the scheme: blanks and control characters
/// left out, any case.
fn runs_script(url: &str) -> bool {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|&c| c != ':')
        .collect::<String>()
        .to_ascii_lowercase();
    url.contains(':') && matches!(scheme.as_str(), "javascript" | "vbscript" | "data")
}

/// A language tag as BCP 47 writes them: parts of 1–8 letters or digits joined by `-`, the
/// first starting with a letter. It is written into pages (`<html lang>`) and, by `init`, into
/// a new config.
pub fn is_language_tag(s: &str) -> bool {
    s.split('-').all(|part| {
        (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
    }) && s.starts_with(|c: char| c.is_ascii_alphabetic())
}

fn default_language() -> String {
    "zh-CN".to_owned()
}
/// More related articles than this per article is an index, not a list a reader scans: and each
/// one more costs every page (at 10k articles, `limit: 100000` listed 89 per article on average,
/// wrote 793 MB instead of 194 MB and peaked at 4.8 GB instead of 1.0 GB).
const MAX_RELATED_LIMIT: usize = 20;

fn default_related_limit() -> usize {
    5
}
fn default_toc_depth() -> u8 {
    3
}

impl Config {
    /// Reads `helpcenter.yaml` under `root`; errors name the file as the user would type it.
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let path = root.join(CONFIG_FILE);
        let shown = shown_path(root, &path);
        let bytes = crate::paths::read_file(&path).map_err(|e| {
            Diagnostic::error(format!("cannot read the site config: {e}"))
                .in_file(&shown)
                .hint(format!(
                    "run helpcenter in a site folder (one with {CONFIG_FILE} and content/), \
                     pass --root DIR, or create a site with `helpcenter init DIR`"
                ))
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let (line, col) = line_col(
                &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
                e.utf8_error().valid_up_to(),
            );
            Diagnostic::error("the config is not valid UTF-8")
                .in_file(&shown)
                .at(line, col)
                .hint("save the file as UTF-8")
        })?;
        let mut config = Self::parse(&text).map_err(|d| d.in_file(&shown))?;
        config.shown = shown;
        Ok(config)
    }

    /// Parses the config's text; errors carry the line but no file.
    pub fn parse(text: &str) -> Result<Config, Diagnostic> {
        // What is no mapping at all gets a message of its own: serde's quoted the whole text
        // ("invalid type: string \"…\"": a config linked to /etc/passwd printed it whole).
        if let Some(d) = crate::yaml::too_deep(text, 0) {
            return Err(d);
        }
        match serde_yaml::from_str::<serde_yaml::Value>(text) {
            Ok(serde_yaml::Value::Null) => {
                return Err(Diagnostic::error("the config is empty")
                    .at_line(1)
                    .hint("give the site a title at least: `title: 帮助中心`"));
            }
            Ok(serde_yaml::Value::Mapping(_)) | Err(_) => {}
            Ok(_) => {
                return Err(
                    Diagnostic::error("the config is not a list of `key: value` settings")
                        .at_line(1)
                        .hint("write one setting per line, starting with `title: 帮助中心`"),
                );
            }
        }
        let mut config: Config = yaml::from_str(text, 0)?;
        if let Some(base) = &mut config.base_url {
            if base.trim().is_empty() {
                config.base_url = None;
            } else if let Some(problem) = base_url_problem(base) {
                let line = yaml::key_line(text, "base_url").unwrap_or(1);
                return Err(bad_base_url(base, problem, "base_url").at_line(line));
            } else {
                *base = normal_base_url(base);
            }
        }
        config.copy_line = yaml::key_line(text, "copy");
        config.featured_line = yaml::key_line(text, "featured");
        if config.related.limit > MAX_RELATED_LIMIT {
            let line = yaml::nested_key_line(text, "related", "limit").unwrap_or(1);
            return Err(Diagnostic::error(format!(
                "`related.limit` is {}: at most {MAX_RELATED_LIMIT} related articles are listed per article",
                config.related.limit
            ))
            .at_line(line)
            .hint(format!(
                "set it between 0 and {MAX_RELATED_LIMIT} (the default is {}); related/index.html lists every article's related ones",
                default_related_limit()
            )));
        }
        let feedback = config.feedback.url.iter().map(|u| (u, "feedback.url"));
        let contact = config
            .contact
            .iter()
            .flat_map(|c| &c.links)
            .map(|l| (&l.url, "contact.links"));
        if let Some((url, key)) = feedback.chain(contact).find(|(u, _)| runs_script(u)) {
            let line = match key {
                "feedback.url" => yaml::nested_key_line(text, "feedback", "url"),
                _ => yaml::key_line(text, "contact"),
            };
            return Err(Diagnostic::error(format!(
                "`{key}` holds `{url}`, a link that runs a script in the reader's browser"
            ))
            .at_line(line.unwrap_or(1))
            .hint("link to a page (https://…, or a path of the site), an address (mailto:) or a phone number (tel:)"));
        }
        if !is_language_tag(&config.language) {
            let line = yaml::key_line(text, "language").unwrap_or(1);
            return Err(Diagnostic::error(format!(
                "`language` is {:?}, which is no language tag",
                config.language
            ))
            .at_line(line)
            .hint("write a language tag such as zh-CN (the default), en or pt-BR: letters, digits and `-`; it goes into every page's <html lang>"));
        }
        if config.toc_depth > 6 {
            let line = yaml::key_line(text, "toc_depth").unwrap_or(1);
            return Err(Diagnostic::error(format!(
                "`toc_depth` is {}, but headings go down to level 6",
                config.toc_depth
            ))
            .at_line(line)
            .hint("write 2 to 6 (3, the default, lists ## and ### headings), or 1 for no table of contents"));
        }
        if config.timezone.is_some() && config.offset().is_none() {
            let line = yaml::key_line(text, "timezone").unwrap_or(1);
            return Err(Diagnostic::error("`timezone` is not an offset")
                .at_line(line)
                .hint("write it as an offset from UTC, e.g. timezone: \"+08:00\""));
        }
        Ok(config)
    }

    /// The `featured` articles' paths under `content/`, each once, in the order listed. An
    /// entry may be written as links and `related:` write one (`/x.md`) or with `content/`.
    pub fn featured_paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = Vec::with_capacity(self.featured.len());
        for p in &self.featured {
            let p = Config::featured_path(p);
            if !paths.contains(&p) {
                paths.push(p);
            }
        }
        paths
    }

    /// One `featured` entry as a path under `content/`: links and `related:` read `/x.md` from
    /// the content root, and so does this list.
    pub fn featured_path(entry: &str) -> &str {
        let p = entry.trim().trim_start_matches('/');
        p.strip_prefix("content/").unwrap_or(p)
    }

    /// The site language's strings and conventions.
    pub fn locale(&self) -> Locale {
        Locale::new(&self.language)
    }

    /// The offset applied to dates written without one: the configured one, or the language's
    /// default (China's for a Chinese site, UTC otherwise).
    pub fn offset(&self) -> Option<chrono::FixedOffset> {
        match &self.timezone {
            Some(tz) => parse_offset(tz),
            None => chrono::FixedOffset::east_opt(self.locale().default_utc_offset_hours() * 3600),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_base_url_slash() {
        let c = Config::parse("title: 帮助中心\nbase_url: https://x.example/help\n").unwrap();
        assert_eq!(c.language, "zh-CN");
        assert_eq!(c.base_url.as_deref(), Some("https://x.example/help/"));
        assert_eq!(c.related.limit, 5);
        // Its path encoded as the pages' paths after it are; its host as written.
        let c = Config::parse("title: x\nbase_url: https://例子.测试/帮助\n").unwrap();
        assert_eq!(
            c.base_url.as_deref(),
            Some("https://例子.测试/%E5%B8%AE%E5%8A%A9/")
        );
        for dots in [
            "https://x.example/docs/../",
            "https://x.example/./",
            "https://x.example/a/%2E%2e",
        ] {
            let d = Config::parse(&format!("title: x\nbase_url: {dots}\n")).unwrap_err();
            assert!(
                d.message.contains("its path has a `.` or `..` folder"),
                "{dots}: {}",
                d.message
            );
        }
        assert!(Config::parse("title: x\nbase_url: https://x.example/a.b/..c/\n").is_ok());
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
    fn a_related_limit_past_a_screen_is_an_error_on_its_line() {
        let d = Config::parse("title: x\nrelated:\n  limit: 100000\n").unwrap_err();
        assert_eq!(d.line, Some(3));
        assert!(d.message.contains("100000"), "{}", d.message);
        let c = Config::parse("title: x\nrelated: {limit: 20}\n").unwrap();
        assert_eq!(c.related.limit, 20);
        assert!(Config::parse("title: x\nrelated: {limit: 0}\n").is_ok());
    }

    #[test]
    fn feedback_can_be_switched_off() {
        for off in [
            "feedback: false",
            "feedback: {enabled: false}",
            "feedback:\n  enabled: false\n  url: https://x.example/f",
        ] {
            let c = Config::parse(&format!("title: x\n{off}\n")).unwrap();
            assert!(!c.feedback.enabled, "{off}");
        }
        let c = Config::parse("title: x\nfeedback: {url: https://x.example/f}\n").unwrap();
        assert!(c.feedback.enabled);
        assert_eq!(c.feedback.url.as_deref(), Some("https://x.example/f"));
        assert!(Config::parse("title: x\n").unwrap().feedback.enabled);
    }

    /// Nested keys get the same "did you mean" as top-level ones, and types are named in
    /// words, not as Rust types (`usize`, `struct FeedbackConfig`). Found by a helper.
    #[test]
    fn nested_and_type_errors_read_as_words() {
        let d = Config::parse("title: x\nsearch:\n  placholder: 搜索\n").unwrap_err();
        assert_eq!(d.message, "unknown key `placholder` in `search`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `placeholder`?"));
        assert_eq!(d.line, Some(3));
        let d = Config::parse("title: x\nrelated:\n  limit: 五\n").unwrap_err();
        assert_eq!(
            d.message,
            "`related.limit` should be a whole number, 0 or more, not string \"五\""
        );
        let d = Config::parse("title: x\ntoc_depth: -1\n").unwrap_err();
        assert!(!d.message.contains("u8"), "{}", d.message);
        let d = Config::parse("title: x\ntoc_depth: 99\n").unwrap_err();
        assert_eq!(
            d.message,
            "`toc_depth` is 99, but headings go down to level 6"
        );
        assert_eq!(d.line, Some(2));
        assert!(Config::parse("title: x\ntoc_depth: 1\n").is_ok());
        let d = Config::parse("title: x\nfeedback: 3\n").unwrap_err();
        assert!(!d.message.contains("struct"), "{}", d.message);
        let d = Config::parse("title: x\ntitle: y\n").unwrap_err();
        assert_eq!(d.message, "`title` is written twice");
    }

    #[test]
    fn bad_timezone() {
        let d = Config::parse("title: x\ntimezone: Asia/Shanghai\n").unwrap_err();
        assert_eq!(d.line, Some(2));
    }
}
