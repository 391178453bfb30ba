//! Front matter: YAML between `---` lines or TOML between `+++` lines at the top of a Markdown
//! file, read into helpcenter's keys. Keys of other tools are mapped or ignored (see
//! [`super::dialect`]); a key no tool uses is an error, all of a file's at once.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::dialect::{self, Becomes};
use crate::error::{Diagnostic, Diagnostics, suggest};
use crate::yaml;

/// The front matter, in helpcenter's keys. Section pages (`_index.md`) use the same keys.
#[derive(Debug, Clone, Default)]
#[allow(missing_docs)] // the keys are documented in the README
pub struct FrontMatter {
    pub title: Option<String>,
    /// A shorter title for navigation (lists beside an article, breadcrumbs).
    pub nav_title: Option<String>,
    pub description: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    pub tags: Vec<String>,
    /// Words readers may search for that the text does not use.
    pub keywords: Vec<String>,
    pub weight: Option<Weight>,
    pub draft: bool,
    pub slug: Option<String>,
    pub aliases: Vec<String>,
    pub related: Vec<String>,
    /// `false` turns off automatic related articles, leaving only the pins.
    pub related_auto: Option<bool>,
    pub template: Option<String>,
    pub toc: Option<bool>,
    pub search: Option<bool>,
    pub extra: Map<String, Value>,
}

/// helpcenter's own keys.
const KEYS: &[&str] = &[
    "title",
    "nav_title",
    "description",
    "date",
    "updated",
    "tags",
    "keywords",
    "weight",
    "draft",
    "slug",
    "aliases",
    "related",
    "related_auto",
    "template",
    "toc",
    "search",
    "extra",
];

/// How the front matter is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Between `---` lines (every tool).
    Yaml,
    /// Between `+++` lines (Hugo, Zola).
    Toml,
    /// `key: value` lines opening the file, up to a blank line: MultiMarkdown's meta-data,
    /// which MkDocs reads (OI-wiki's 204 pages open with `author: …`).
    Meta,
}

/// The front matter block of a file, as written.
pub struct Block<'a> {
    /// Its format.
    pub format: Format,
    /// The text between the fences.
    pub text: &'a str,
}

/// Splits front matter from the body: (block, body, 1-based line where the body starts).
pub(super) fn split(text: &str) -> Result<(Option<Block<'_>>, &str, usize), Diagnostic> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let (format, closers): (Format, &[&str]) = match text[..first_line_end].trim_end() {
        "---" => (Format::Yaml, &["---", "..."]),
        "+++" => (Format::Toml, &["+++"]),
        _ => return Ok((None, text, 1)),
    };
    let mut pos = first_line_end;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let l = text[pos..end].trim_end();
        if closers.contains(&l) {
            let block = Block {
                format,
                text: &text[first_line_end..pos],
            };
            return Ok((Some(block), &text[end..], line + 1));
        }
        pos = end;
        line += 1;
    }
    let fence = if format == Format::Toml { "+++" } else { "---" };
    Err(Diagnostic::error("the front matter is never closed")
        .at(1, 1)
        .hint(format!(
            "end the front matter with a line `{fence}` before the article text"
        )))
}

/// MultiMarkdown meta-data opening `text` (`author: A, B` and `title: 标题` lines, a line
/// indented by four spaces going on with the value above), as MkDocs reads it: the block, the
/// body after it and the line the body starts on; `None` when the first line is no `key:`.
pub(super) fn split_meta(text: &str) -> Option<(Block<'_>, &str, usize)> {
    let mut pos = 0;
    let mut line = 1;
    let mut any = false;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let l = text[pos..end].trim_end();
        let more = any && (l.starts_with("    ") || l.starts_with('\t'));
        if l.trim().is_empty() || !(meta_line(l).is_some() || more) {
            break;
        }
        any = true;
        pos = end;
        line += 1;
    }
    any.then(|| {
        let block = Block {
            format: Format::Meta,
            text: &text[..pos],
        };
        (block, &text[pos..], line)
    })
}

/// A meta-data line's key and value: a key of letters, digits, `_` and `-` after at most three
/// spaces.
fn meta_line(line: &str) -> Option<(&str, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let (key, value) = line.trim_start().split_once(':')?;
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    ok.then(|| (key, value.trim()))
}

/// Meta-data as front matter: each key (folded to lower case, as MkDocs folds it) with its
/// value's lines joined by spaces, an empty value none; and each key's line.
fn meta_map(text: &str, first_line: usize) -> (Map<String, Value>, Vec<(String, usize)>) {
    let mut map = Map::new();
    let mut lines = Vec::new();
    let mut last: Option<String> = None;
    for (i, l) in text.lines().enumerate() {
        match meta_line(l) {
            Some((key, value)) => {
                let key = key.to_ascii_lowercase();
                let joined = match map.get(&key) {
                    Some(Value::String(old)) if !value.is_empty() => format!("{old} {value}"),
                    Some(old @ Value::String(_)) => old.as_str().unwrap_or_default().to_owned(),
                    _ => value.to_owned(),
                };
                map.insert(key.clone(), text_or_none(joined));
                lines.push((key.clone(), first_line + i));
                last = Some(key);
            }
            None => {
                if let Some(key) = &last {
                    let old = map.get(key).and_then(Value::as_str).unwrap_or_default();
                    let joined = format!("{old} {}", l.trim()).trim().to_owned();
                    map.insert(key.clone(), text_or_none(joined));
                }
            }
        }
    }
    (map, lines)
}

fn text_or_none(s: String) -> Value {
    // What YAML refuses (NUL and other controls) is no text a page shows either.
    let s: String = s
        .chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect();
    if s.is_empty() {
        Value::Null
    } else {
        Value::String(s)
    }
}

/// The front matter read, and what was left out.
pub struct Read {
    /// In helpcenter's keys.
    pub front: FrontMatter,
    /// Each top-level key as written with its file line, for errors about its value.
    pub key_lines: Vec<(String, usize)>,
    /// Keys of other tools that mean nothing here, with the tool that uses them.
    pub ignored: Vec<(String, &'static str)>,
    /// A VitePress home page's actions and features, as Markdown to show after its text.
    pub home: Option<String>,
    /// The page another tool's theme draws its search results on (Docsy's `content/search.md`,
    /// `layout: search`): helpcenter has a search page of its own.
    pub search_page: bool,
}

/// Reads a front matter block whose text starts on file line `first_line`: an error if it is
/// not a map of keys; otherwise what it says, with every key's error, so that the file's other
/// errors (a date the caller reads) come in the same run rather than after this one's fix.
pub(super) fn read(
    block: &Block,
    first_line: usize,
    made_for: Option<&'static str>,
) -> Result<(Read, Diagnostics), Diagnostics> {
    let (map, key_lines) = match block.format {
        Format::Yaml => (
            yaml::to_json_map(block.text, first_line - 1)?,
            yaml::key_lines(block.text, first_line),
        ),
        Format::Toml => (
            toml_map(block.text, first_line)?,
            toml_key_lines(block.text, first_line),
        ),
        Format::Meta => meta_map(block.text, first_line),
    };
    let line_of = |key: &str| {
        key_lines
            .iter()
            .find(|(k, _)| k == key)
            .map_or(first_line, |(_, l)| *l)
    };
    let mut front = FrontMatter::default();
    let mut ignored = Vec::new();
    let mut unknown = Vec::new();
    let mut diags = Diagnostics::default();
    let mut set_by_own: BTreeSet<&str> = BTreeSet::new();
    // Keys as Hugo reads them, whatever their case (`Description`, `LinkTitle`: CloudWeGo's 103
    // pages), when no key of that name in another case is there too.
    let named: Vec<(&str, &String, &Value)> = map
        .iter()
        .map(|(k, v)| (known_name(k, &map).unwrap_or(k.as_str()), k, v))
        .collect();
    // Own keys first, so `description` wins over `summary` whatever their order.
    let (own, other): (Vec<_>, Vec<_>) = named.into_iter().partition(|(n, _, _)| KEYS.contains(n));
    for (own_key, k, v) in own {
        set_by_own.insert(own_key);
        // dumi's `toc: content` (or `menu`) says where its table of contents goes: there is one.
        if own_key == "toc"
            && made_for == Some("dumi")
            && matches!(v.as_str(), Some("content" | "menu"))
        {
            front.toc = Some(true);
            continue;
        }
        if let Err(d) = set(&mut front, own_key, v, false) {
            diags.push(d.at_line(line_of(k)));
        }
    }
    for (name, k, v) in other {
        // Zola's `template` names a Zola template: meaningless here.
        match dialect::foreign_key(name, made_for) {
            Some(f) => match f.becomes {
                Becomes::Ignored => ignored.push((k.clone(), f.tool)),
                Becomes::Key(own) | Becomes::Not(own) if set_by_own.contains(own) => {}
                Becomes::Key(own) => {
                    if let Err(d) = set(&mut front, own, v, false) {
                        diags.push(d.at_line(line_of(k)));
                    }
                }
                Becomes::Not(own) => {
                    if let Err(d) = set(&mut front, own, v, true) {
                        diags.push(d.at_line(line_of(k)));
                    }
                }
            },
            None => unknown.push(k.clone()),
        }
    }
    // A file written for another tool (it has that tool's keys, or the site has its config) may
    // have keys of that site's theme and plugins, which Hugo, VitePress and MkDocs pass on
    // unchecked (Vue's docs: `sponsors: false`, `returnToTop`; Dapr's: `is_preview`; Material
    // for MkDocs's: `social`, `location`). They are ignored with the tool's own keys; one that
    // looks like a slip of helpcenter's own keys stays an error.
    if !ignored.is_empty() || made_for.is_some() {
        unknown.retain(|k| {
            // A slip of helpcenter's own keys; one near another tool's (`pre`, `prev`) is not,
            // nor a word a letter or two from one (Jekyll's `note:` is no slip of `date`).
            let slip = crate::error::is_slip(k, KEYS);
            if !slip {
                ignored.push((k.clone(), THEME));
            }
            slip
        });
    }
    // MkDocs's `template: home.html` and Starlight's `template: splash` name a layout of their
    // theme, not a template of helpcenter's.
    if let Some(tool @ ("MkDocs" | "Starlight")) = made_for {
        if let Some(t) = front.template.take() {
            ignored.push((format!("template: {t}"), tool));
        }
    }
    // Starlight's `sidebar: { order: 2, label: 概览 }`: the order and the navigation title.
    if made_for == Some("Starlight")
        && let Some(Value::Object(sidebar)) = map.get("sidebar")
    {
        for (within, own) in [("order", "weight"), ("label", "nav_title")] {
            let Some(v) = sidebar.get(within).filter(|_| !set_by_own.contains(own)) else {
                continue;
            };
            if let Err(d) = set(&mut front, own, v, false) {
                diags.push(d.at_line(line_of("sidebar")));
            }
        }
    }
    // vuepress-theme-hope's `dir: { order: 2, text: 指南 }` in a folder's README.md: the
    // folder's place and navigation title, over the page's own `order`.
    if made_for == Some("VuePress")
        && let Some(Value::Object(dir)) = map.get("dir")
    {
        for (within, own) in [("order", "weight"), ("text", "nav_title")] {
            let Some(v) = dir.get(within).filter(|_| !set_by_own.contains(own)) else {
                continue;
            };
            if let Err(d) = set(&mut front, own, v, false) {
                diags.push(d.at_line(line_of("dir")));
            }
        }
    }
    if block.format == Format::Toml {
        if let Some(t) = front.template.take() {
            ignored.push((format!("template = {t:?}"), "Zola"));
        }
    }
    if !unknown.is_empty() {
        diags.push(unknown_keys(&unknown, line_of(&unknown[0])));
    }
    let home = dialect::home::read(&map).map(|h| {
        ignored.retain(|(k, _)| {
            !matches!(
                k.as_str(),
                "hero"
                    | "features"
                    | "tagline"
                    | "actionText"
                    | "actionLink"
                    | "actions"
                    | "highlights"
            )
        });
        if front.description.is_none() {
            front.description = h.lead;
        }
        h.markdown
    });
    let read = Read {
        front,
        key_lines,
        ignored,
        home,
        search_page: map.get("layout").and_then(Value::as_str) == Some("search"),
    };
    Ok((read, diags))
}

/// What the note on ignored keys says of a key only the site's own theme knows.
const THEME: &str = "its theme's own";

/// The key `key` is in another case (`Title` → `title`, `LinkTitle` → `linkTitle`), when it is
/// not one as written and no key of `map` is the other already.
fn known_name(key: &str, map: &Map<String, Value>) -> Option<&'static str> {
    if KEYS.contains(&key) || dialect::foreign_key(key, None).is_some() {
        return None;
    }
    known_keys()
        .into_iter()
        .find(|n| n.eq_ignore_ascii_case(key))
        .filter(|n| !map.contains_key(*n))
}

/// helpcenter's keys and every other tool's it knows.
fn known_keys() -> Vec<&'static str> {
    KEYS.iter().copied().chain(dialect::key_names()).collect()
}

/// The error for keys no known tool uses: all of a file's at once.
fn unknown_keys(keys: &[String], line: usize) -> Diagnostic {
    let list = keys
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let known = known_keys();
    let suggestions: Vec<String> = keys
        .iter()
        .filter_map(|k| {
            let s = suggest(k, &known)?;
            Some(if keys.len() == 1 {
                format!("`{s}`")
            } else {
                format!("`{s}` for `{k}`")
            })
        })
        .collect();
    let message = if keys.len() == 1 {
        format!("unknown key {list}")
    } else {
        format!("unknown keys {list}")
    };
    let mut hint = String::new();
    if !suggestions.is_empty() {
        hint.push_str(&format!("did you mean {}? ", suggestions.join(", ")));
    }
    hint.push_str("keys of your own go under `extra:` (templates read them as page.extra)");
    Diagnostic::error(message).at_line(line).hint(hint)
}

/// Sets helpcenter key `key` from `v` (negated for a `Not` key of another tool).
fn set(front: &mut FrontMatter, key: &str, v: &Value, negate: bool) -> Result<(), Diagnostic> {
    match key {
        "title" => front.title = text(key, v)?,
        "nav_title" => front.nav_title = text(key, v)?,
        "description" => front.description = text(key, v)?,
        "date" => front.date = date(key, v)?,
        "updated" => front.updated = date(key, v)?,
        "tags" => front.tags = list(key, v)?,
        "keywords" => front.keywords = list(key, v)?,
        "weight" => front.weight = weight(key, v)?,
        "draft" => front.draft = flag(key, v)?.is_some_and(|b| b != negate),
        "slug" => front.slug = text(key, v)?,
        "aliases" => front.aliases = list(key, v)?,
        "related" => front.related = list(key, v)?,
        "related_auto" => front.related_auto = flag(key, v)?,
        "template" => front.template = text(key, v)?,
        "toc" => front.toc = flag(key, v)?.map(|b| b != negate),
        "search" => front.search = search(key, v)?.map(|b| b != negate),
        "extra" => {
            front.extra = match v {
                Value::Object(m) => m.clone(),
                Value::Null => Map::new(),
                _ => return Err(wrong(key, "a map of `key: value` lines", v)),
            }
        }
        _ => {}
    }
    Ok(())
}

fn wrong(key: &str, expected: &str, v: &Value) -> Diagnostic {
    let found = match v {
        Value::Null => "empty".to_owned(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("`{n}`"),
        // Line breaks and other control characters written as escapes, a long value cut: the
        // message stays one line that names what is there.
        Value::String(s) => {
            let mut shown = String::new();
            for c in s.chars().take(60) {
                if c.is_control() {
                    shown.extend(c.escape_debug());
                } else {
                    shown.push(c);
                }
            }
            if s.chars().count() > 60 {
                shown.push('…');
            }
            format!("`{shown}`")
        }
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "a map".to_owned(),
    };
    let hint = if matches!(v, Value::Array(_) | Value::Object(_)) && expected.contains("text") {
        format!(
            "a value starting with `[` or `{{` is read as a list or map: put it in quotes, e.g. {key}: \"[…]\""
        )
    } else {
        format!("write `{key}` as {expected}")
    };
    Diagnostic::error(format!("`{key}` should be {expected}, not {found}")).hint(hint)
}

/// Text: any scalar, as written (`title: 2024` is the text "2024").
fn text(key: &str, v: &Value) -> Result<Option<String>, Diagnostic> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        _ => Err(wrong(key, "text", v)),
    }
}

/// A date: text, or a map with a `date` (Docusaurus's `last_update: {date: …, author: …}`).
fn date(key: &str, v: &Value) -> Result<Option<String>, Diagnostic> {
    match v {
        Value::Object(m) => m.get("date").map_or(Ok(None), |d| date(key, d)),
        // `lastmod: ""`, as Hugo's archetypes leave it: no date, as Hugo reads it.
        Value::String(s) if s.trim().is_empty() => Ok(None),
        _ => text(key, v),
    }
}

/// A list of texts; one text is a list of one (`tags: 入门`), a comma-separated text for
/// `keywords` is split.
fn list(key: &str, v: &Value) -> Result<Vec<String>, Diagnostic> {
    match v {
        Value::Null => Ok(Vec::new()),
        // Zola: `[taxonomies]` with `tags = [...]`.
        Value::Object(m) if key == "tags" => m.get("tags").map_or(Ok(Vec::new()), |t| list(key, t)),
        Value::Array(items) => items
            .iter()
            .filter_map(|i| text(key, i).transpose())
            .collect(),
        Value::String(s) if key == "keywords" => Ok(s
            .split([',', '，'])
            .map(|k| k.trim().to_owned())
            .filter(|k| !k.is_empty())
            .collect()),
        _ => Ok(text(key, v)?.into_iter().collect()),
    }
}

fn weight(key: &str, v: &Value) -> Result<Option<Weight>, Diagnostic> {
    let n = match v {
        Value::Null => return Ok(None),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    n.and_then(Weight::new)
        .map(Some)
        .ok_or_else(|| wrong(key, "a number", v))
}

/// A page's place among its siblings, lightest first. Hugo's weights are whole numbers, but
/// Docusaurus's `sidebar_position` and `_category_.json` `position`, and Jekyll's `nav_order`,
/// may be `2.5` to go between 2 and 3: kept as written, never rounded into a tie.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weight(f64);

impl Weight {
    /// A finite number's weight; none for NaN or infinity, which have no place in an order.
    pub fn new(n: f64) -> Option<Weight> {
        n.is_finite().then_some(Weight(n))
    }
}

impl Eq for Weight {}

impl PartialOrd for Weight {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Weight {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl From<i64> for Weight {
    fn from(n: i64) -> Weight {
        Weight(n as f64)
    }
}

fn flag(key: &str, v: &Value) -> Result<Option<bool>, Diagnostic> {
    match v {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(*b)),
        Value::String(s) if s == "true" || s == "false" => Ok(Some(s == "true")),
        _ => Err(wrong(key, "true or false", v)),
    }
}

/// `search: false`, or MkDocs Material's `search: {exclude: true}`.
fn search(key: &str, v: &Value) -> Result<Option<bool>, Diagnostic> {
    match v {
        Value::Object(m) => Ok(m.get("exclude").and_then(Value::as_bool).map(|e| !e)),
        _ => flag(key, v),
    }
}

/// TOML front matter as JSON values; dates become their text.
fn toml_map(text: &str, first_line: usize) -> Result<Map<String, Value>, Diagnostic> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map_or(0, |s| text[..s.start.min(text.len())].matches('\n').count());
        Diagnostic::error(format!(
            "the TOML front matter cannot be read: {}",
            e.message().trim()
        ))
        .at_line(first_line + line)
        .hint("write one `key = value` per line between the `+++` lines; text in quotes")
    })?;
    Ok(table.into_iter().map(|(k, v)| (k, toml_json(v))).collect())
}

fn toml_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_json(v))).collect())
        }
    }
}

/// Each top-level `key = …` of TOML front matter with its file line (tables `[x]` end them).
fn toml_key_lines(text: &str, first_line: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let t = l.trim_start();
        if t.starts_with('[') {
            break;
        }
        if let Some((k, _)) = t.split_once('=') {
            let k = k.trim().trim_matches(['"', '\'']);
            if !k.is_empty() && !k.starts_with('#') {
                out.push((k.to_owned(), first_line + i));
            }
        }
    }
    out
}

/// The line index of the body's first block when that block is a `# ` heading: only blank
/// lines, HTML comments and the Vue blocks the page leaves out (`<script setup>`, `<style
/// scoped>`: VitePress's pages open with them) come before it.
fn leading_h1(body: &str) -> Option<usize> {
    leading_heading(body, false)
}

/// [`leading_h1`], or with `any_level` the line of a leading heading of any level (`## 快速上手`).
fn leading_heading(body: &str, any_level: bool) -> Option<usize> {
    let mut until: Option<&str> = None;
    for (i, line) in body.split('\n').enumerate() {
        let t = line.trim();
        if let Some(end) = until {
            if t.contains(end) {
                until = None;
            }
            continue;
        }
        if t.is_empty() {
            continue;
        }
        let end = if t.starts_with("<!--") {
            "-->"
        } else if let Some(end) = vue_block(t) {
            end
        } else {
            let heading = line.starts_with("# ") || (any_level && deeper_heading(line).is_some());
            return heading.then_some(i);
        };
        // What opens on the line may close on it too (`<!-- x -->`).
        let after_open = match end {
            "-->" => &t[4..],
            _ => t.find('>').map_or("", |g| &t[g + 1..]),
        };
        if !after_open.contains(end) {
            until = Some(end);
        }
    }
    None
}

/// The end tag of a Vue block opening `line` that the page leaves out (see
/// `markdown::html`): a `<script setup>` or `<script lang>`, a `<style scoped|module|lang>`.
fn vue_block(line: &str) -> Option<&'static str> {
    let open = &line[..line.find('>')? + 1];
    let has = |attrs: &[&str]| {
        open.split(|c: char| c.is_whitespace() || c == '>' || c == '=')
            .skip(1)
            .any(|a| attrs.contains(&a))
    };
    if open.starts_with("<script") && has(&["setup", "lang"]) {
        Some("</script>")
    } else if open.starts_with("<style") && has(&["scoped", "module", "lang"]) {
        Some("</style>")
    } else {
        None
    }
}

/// When something comes before it (a warning in a quote, TiDB's `> **警告：**`), the body's
/// first `# ` heading (outside code and HTML comments) if `same` says it repeats the title:
/// taken out as [`take_leading_h1`] does, and returned. So is a deeper first heading that
/// repeats it: GitBook adds no title of its own, and docker_practice's pages open with their
/// title as `## 1.1 快速上手`, which showed under the same `<h1>`. Any other heading stays.
pub(super) fn take_repeated_h1(body: &mut String, same: impl Fn(&str) -> bool) -> Option<String> {
    let mut fence: Option<&str> = None;
    let mut in_comment = false;
    let mut at = None;
    let mut first = true;
    for (i, line) in body.split('\n').enumerate() {
        let t = line.trim_start();
        if in_comment {
            in_comment = !t.contains("-->");
        } else if in_fence(&mut fence, t) {
        } else if t.starts_with("<!--") {
            in_comment = !t.contains("-->");
        } else if let Some(rest) = line.strip_prefix("# ") {
            if same(rest) {
                at = Some(i);
            }
            break;
        } else if let Some(rest) = deeper_heading(line).filter(|_| first) {
            first = false;
            if same(rest) {
                at = Some(i);
                break;
            }
        }
    }
    Some(take_heading_line(body, at?))
}

/// The text of a `##` to `######` heading line.
fn deeper_heading(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    (2..=6)
        .contains(&hashes)
        .then(|| line[hashes..].strip_prefix(' '))
        .flatten()
}

/// When the front matter gives the title and the body also opens with a `# heading` (Hugo,
/// TiDB's and Docusaurus's pages often do), the heading is the page's `<h1>`: taken out of the
/// body (its line kept, empty) so the title is not shown twice, and returned.
pub(super) fn take_leading_h1(body: &mut String) -> Option<String> {
    Some(take_heading_line(body, leading_h1(body)?))
}

/// Whether a line (`t`, its indentation trimmed) opens, is inside or closes a fenced code block,
/// following `fence` (the opening fence's marker) from line to line.
fn in_fence(fence: &mut Option<&'static str>, t: &str) -> bool {
    match *fence {
        Some(f) => {
            if t.starts_with(f) {
                *fence = None;
            }
            true
        }
        None => {
            *fence = ["```", "~~~"].into_iter().find(|f| t.starts_with(f));
            fence.is_some()
        }
    }
}

/// The text of the heading (`# `, `## ` …) on line `i` of `body`; the line is left empty, so
/// later line numbers stay right.
fn take_heading_line(body: &mut String, i: usize) -> String {
    let mut lines: Vec<&str> = body.split('\n').collect();
    let heading = lines[i].trim_start_matches('#')[1..].to_owned();
    lines[i] = "";
    *body = lines.join("\n");
    heading
}

/// VuePress's title for a page without one in its front matter: a heading of any level the
/// page opens with (uni-app's pages open with `## 快速上手`), taken out as
/// [`take_leading_h1`] does. A `# ` heading further down is part 2 of such a page, not its title.
pub(super) fn take_leading_heading(body: &mut String) -> Option<String> {
    let line = take_heading_line(body, leading_heading(body, true)?);
    let title = line.trim().trim_end_matches('#').trim();
    (!title.is_empty()).then(|| title.to_owned())
}

/// Removes the first level-1 ATX heading (outside code fences) from `body`, keeping the line
/// count unchanged so later line numbers stay right, and returns its text.
pub(super) fn take_first_h1(body: &mut String) -> Option<String> {
    let mut fence: Option<&str> = None;
    let mut offset = 0;
    let mut found = None;
    for line in body.split_inclusive('\n') {
        let t = line.trim_start();
        if in_fence(&mut fence, t) {
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

#[cfg(test)]
mod tests {
    use super::{Format, meta_map, split_meta};

    #[test]
    fn meta_data_is_the_key_lines_up_to_a_blank_line() {
        let (b, body, line) =
            split_meta("Title: 标题\nauthor: a,\n    b\ntags:\n\n## 正文\n").unwrap();
        assert_eq!(b.format, Format::Meta);
        assert_eq!((body, line), ("\n## 正文\n", 5));
        let (map, lines) = meta_map(b.text, 1);
        assert_eq!(map["title"], "标题");
        assert_eq!(map["author"], "a, b");
        assert!(map["tags"].is_null());
        assert_eq!(lines[1], ("author".to_owned(), 2));
        // A first line that is no `key:` (Chinese, indented code, a heading) is no meta-data.
        for text in [
            "注意: x\n",
            "    key: x\n",
            "# 标题\nkey: x\n",
            "\nkey: x\n",
        ] {
            assert!(split_meta(text).is_none(), "{text:?}");
        }
    }

    proptest::proptest! {
        /// Any text splits into meta-data and a body that are the text, and reads without a
        /// panic.
        #[test]
        fn any_text_splits_whole(text in r"([a-zA-Z_ -]{0,6}:?[ \t]{0,5}\PC{0,8}\n?){0,6}") {
            if let Some((b, body, line)) = split_meta(&text) {
                proptest::prop_assert_eq!(format!("{}{body}", b.text), text.clone());
                proptest::prop_assert_eq!(line, b.text.matches('\n').count() + 1 + usize::from(!b.text.ends_with('\n')));
                let _ = meta_map(b.text, 1);
            }
        }
    }
}
