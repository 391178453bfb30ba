//! Loading the `content/` folder: finding files (walkdir), splitting and reading front matter.
//!
//! Nothing here knows about URLs or templates; it turns files into [`SourceFile`]s and reports
//! every file that cannot be read, with the line in the file where the problem is.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use rayon::prelude::*;
use serde::Deserialize;

use crate::error::{Diagnostic, Diagnostics, line_col, shown_path};
use crate::paths::{parent_of, slash_path};
use crate::yaml;

pub const CONTENT_DIR: &str = "content";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Home,
    Section,
    Article,
}

/// The front matter as written. Section pages (`_index.md`) use the same keys.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
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

/// A date as written in front matter, keeping whether a time of day was given so it is shown
/// the way the author wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateInfo {
    pub at: DateTime<FixedOffset>,
    pub has_time: bool,
}

/// One Markdown file under `content/`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path shown in messages (relative to the working directory when the root is).
    pub shown: PathBuf,
    /// Path relative to `content/`, with `/` separators: `weilidai/close-weilidai.md`.
    pub rel: String,
    pub kind: Kind,
    /// For a page bundle `x/foo/index.md`: `x/foo`, the folder whose other files it owns.
    pub bundle_dir: Option<String>,
    pub front: FrontMatter,
    pub date: Option<DateInfo>,
    pub updated: Option<DateInfo>,
    pub title: String,
    /// The Markdown after the front matter.
    pub body: String,
    /// 1-based line of the file on which `body` starts.
    pub body_line: usize,
    /// File line of each top-level front-matter key, for errors about a key's value.
    pub key_lines: Vec<(String, usize)>,
    /// The front matter as written: `serve` compares it to tell a body-only edit.
    pub front_raw: String,
}

impl SourceFile {
    /// The file line where `key` is written in the front matter (line 1 when it is not).
    pub fn key_line(&self, key: &str) -> usize {
        self.key_lines
            .iter()
            .find(|(k, _)| k == key)
            .map_or(1, |(_, l)| *l)
    }

    /// The folder (relative to `content/`) that relative links in this file are resolved against.
    pub fn dir(&self) -> &str {
        parent_of(&self.rel)
    }
}

/// A non-Markdown file under `content/` (images and attachments), copied to the output.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to `content/`, with `/` separators.
    pub rel: String,
}

#[derive(Debug, Default)]
pub struct Content {
    pub files: Vec<SourceFile>,
    pub assets: Vec<Asset>,
    /// Every folder under `content/` (relative, `/`-separated), sections with or without `_index.md`.
    pub folders: Vec<String>,
    /// Markdown files that exist but could not be loaded (already reported): links to them are
    /// not reported again as links to missing articles.
    pub failed: Vec<String>,
}

/// Reads every file under `root/content`. Problems in single files are collected; the files that
/// did load are returned alongside them so later stages can report their own problems too.
pub fn load(root: &Path, offset: FixedOffset) -> (Content, Diagnostics) {
    let dir = root.join(CONTENT_DIR);
    let mut diags = Diagnostics::default();
    let mut content = Content::default();
    if !dir.is_dir() {
        diags.push(
            Diagnostic::error("the site has no content/ folder")
                .in_file(shown_path(root, &dir))
                .hint("create content/_index.md (the home page) and one .md file per article"),
        );
        return (content, diags);
    }

    let mut markdown = Vec::new();
    let walker = walkdir::WalkDir::new(&dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.clone());
                diags.push(
                    Diagnostic::error(format!("cannot read this path: {e}"))
                        .in_file(shown_path(root, &path)),
                );
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let rel = slash_path(entry.path().strip_prefix(&dir).unwrap_or(entry.path()));
        if entry.file_type().is_dir() {
            content.folders.push(rel);
        } else if rel.ends_with(".md") {
            markdown.push((entry.into_path(), rel));
        } else {
            content.assets.push(Asset { rel });
        }
    }

    let bundles: Vec<String> = markdown
        .iter()
        .filter_map(|(_, rel)| {
            let name = rel.rsplit('/').next()?;
            (name == "index.md" && rel.contains('/')).then(|| parent_of(rel).to_owned())
        })
        .collect();
    // A bundle's folder is an article, not a section.
    content.folders.retain(|f| {
        !bundles
            .iter()
            .any(|b| f == b || f.starts_with(&format!("{b}/")))
    });

    let results: Vec<Result<SourceFile, Diagnostic>> = markdown
        .par_iter()
        .map(|(path, rel)| {
            let shown = shown_path(root, path);
            let bytes = std::fs::read(path).map_err(|e| {
                Diagnostic::error(format!("cannot read the file: {e}")).in_file(&shown)
            })?;
            parse_file(&bytes, rel, offset)
                .map_err(|d| d.in_file(&shown))
                .map(|mut f| {
                    f.shown = shown;
                    f
                })
        })
        .collect();
    for (r, (_, rel)) in results.into_iter().zip(&markdown) {
        match r {
            Ok(f) => content.files.push(f),
            Err(d) => {
                content.failed.push(rel.clone());
                diags.push(d);
            }
        }
    }
    (content, diags)
}

/// Parses one file's bytes. `rel` is its path relative to `content/`.
pub fn parse_file(bytes: &[u8], rel: &str, offset: FixedOffset) -> Result<SourceFile, Diagnostic> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let (line, col) = line_col(valid, valid.len());
        Diagnostic::error("the file is not valid UTF-8")
            .at(line, col)
            .hint("save the file as UTF-8 (many editors call it \"UTF-8 without BOM\"); GBK/GB2312 files must be converted")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (yaml, body, body_line) = split_front_matter(text)?;

    let front: FrontMatter = match yaml {
        Some(y) if !y.trim().is_empty() => {
            // The YAML starts on line 2, after the opening `---`.
            yaml::from_str(y, 1)?
        }
        _ => FrontMatter::default(),
    };
    let yaml = yaml.unwrap_or_default();
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let kind = match (name, rel.contains('/')) {
        ("_index.md", false) => Kind::Home,
        ("_index.md", true) => Kind::Section,
        _ => Kind::Article,
    };
    let bundle_dir = (name == "index.md" && rel.contains('/')).then(|| parent_of(rel).to_owned());

    let date_field = |key: &str, value: &Option<String>| -> Result<Option<DateInfo>, Diagnostic> {
        match value {
            None => Ok(None),
            Some(v) => parse_date(v, offset).map(Some).ok_or_else(|| {
                Diagnostic::error(format!("`{key}` is not a date: `{v}`"))
                    .at_line(yaml::key_line(yaml, key).map_or(1, |l| l + 1))
                    .hint(
                        "write it as 2024-04-07, 2024-04-07 15:04:49 or 2024-04-07T15:04:49+08:00",
                    )
            }),
        }
    };
    let date = date_field("date", &front.date)?;
    let updated = date_field("updated", &front.updated)?;

    let mut body = body.to_owned();
    let title = match front.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_owned(),
        _ => match take_first_h1(&mut body) {
            Some(t) => t,
            None if kind == Kind::Article => {
                return Err(Diagnostic::error("the article has no title")
                    .at_line(1)
                    .hint("add `title: …` to the front matter, or start the article with a `# Title` heading"));
            }
            None => String::new(),
        },
    };
    if let Some(slug) = &front.slug {
        if slug.trim().is_empty() || slug.contains('/') || slug == "." || slug == ".." {
            return Err(
                Diagnostic::error(format!("`slug` cannot be used in a URL: `{slug}`"))
                    .at_line(yaml::key_line(yaml, "slug").map_or(1, |l| l + 1))
                    .hint("use one path segment such as `close-weilidai`, without `/`"),
            );
        }
    }

    Ok(SourceFile {
        shown: PathBuf::from(rel),
        rel: rel.to_owned(),
        kind,
        bundle_dir,
        front,
        date,
        updated,
        title,
        body,
        body_line,
        front_raw: yaml.to_owned(),
        key_lines: yaml::key_lines(yaml, 2),
    })
}

/// Splits `---` front matter from the body. Returns (yaml, body, 1-based line where body starts).
fn split_front_matter(text: &str) -> Result<(Option<&str>, &str, usize), Diagnostic> {
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
fn take_first_h1(body: &mut String) -> Option<String> {
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

/// Accepts `2024-04-07`, `2024-04-07 15:04:49`, `2024-04-07 15:04`, `2024-04-07T15:04:49` and RFC
/// 3339; dates without an offset are in the site's timezone.
pub fn parse_date(s: &str, offset: FixedOffset) -> Option<DateInfo> {
    let s = s.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(s) {
        return Some(DateInfo { at, has_time: true });
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
            let at = offset.from_local_datetime(&naive).single()?;
            return Some(DateInfo { at, has_time: true });
        }
    }
    for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let Ok(day) = NaiveDate::parse_from_str(s, fmt) {
            let at = offset
                .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
                .single()?;
            return Some(DateInfo {
                at,
                has_time: false,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cst() -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).unwrap()
    }

    #[test]
    fn front_matter_and_body_line() {
        let f = parse_file(
            "---\ntitle: 关闭指南\ndate: 2024-04-07 15:04:49\ntags: [a, b]\n---\n正文\n".as_bytes(),
            "x/guide.md",
            cst(),
        )
        .unwrap();
        assert_eq!(f.title, "关闭指南");
        assert_eq!(f.body, "正文\n");
        assert_eq!(f.body_line, 6);
        assert_eq!(f.front.tags, vec!["a", "b"]);
        let d = f.date.unwrap();
        assert!(d.has_time);
        assert_eq!(d.at.to_rfc3339(), "2024-04-07T15:04:49+08:00");
    }

    #[test]
    fn title_from_heading_without_front_matter() {
        let f = parse_file("# 数组的扩展\n\n正文".as_bytes(), "array.md", cst()).unwrap();
        assert_eq!(f.title, "数组的扩展");
        assert!(!f.body.contains("数组的扩展"));
        assert_eq!(f.body.lines().count(), 3);
    }

    #[test]
    fn yaml_error_line_is_file_line() {
        let d = parse_file("---\ntitle: a\ntags: [x\n---\n".as_bytes(), "a.md", cst()).unwrap_err();
        assert!(d.line.unwrap() >= 3, "{d:?}");
    }

    #[test]
    fn unknown_key_line_and_hint() {
        let d =
            parse_file("---\ntitle: a\ntagz: [x]\n---\n".as_bytes(), "a.md", cst()).unwrap_err();
        assert_eq!(d.message, "unknown key `tagz`");
        assert_eq!(d.line, Some(3));
        assert_eq!(d.hint.as_deref(), Some("did you mean `tags`?"));
    }

    #[test]
    fn not_utf8() {
        let mut bytes = b"---\ntitle: a\n---\nok\n".to_vec();
        bytes.extend([0xB9, 0xD8, 0xB1, 0xD5]); // "关闭" in GBK
        let d = parse_file(&bytes, "a.md", cst()).unwrap_err();
        assert_eq!(d.line, Some(5));
    }

    #[test]
    fn dates() {
        assert!(!parse_date("2024-04-07", cst()).unwrap().has_time);
        assert!(parse_date("2024-04-07T15:04:49Z", cst()).unwrap().has_time);
        assert!(parse_date("April 7", cst()).is_none());
    }
}
