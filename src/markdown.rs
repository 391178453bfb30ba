//! Markdown to HTML with pulldown-cmark, plus everything later stages need from the same parse:
//! headings (for the TOC and anchor checks), plain text by heading section (for search and related
//! articles) and the internal links (for the link check).
//!
//! The event stream is rewritten rather than the HTML post-processed, so ids, callouts and step
//! lists can never be confused by text that merely looks like markup.

use std::collections::HashSet;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::error::{Diagnostic, Diagnostics};
use crate::escape;
use crate::i18n::Locale;
use crate::paths::{is_external, join_rel, percent_decode, relative_url};
use crate::site::{Article, LinkMap, Missing, Site};

/// What a page being rendered needs to know about itself.
pub struct PageContext<'a> {
    /// The page's own URL relative to the site root (`x/slug/`, `` for the home page).
    pub url: &'a str,
    /// The source file's folder relative to `content/`, against which relative links resolve.
    pub src_dir: &'a str,
    /// 1-based file line on which the Markdown body starts.
    pub body_line: usize,
    /// The site language, for the labels the Markdown gains (steps, callouts, anchors).
    pub locale: Locale,
    /// Deepest heading level listed in the TOC.
    pub toc_depth: u8,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
    pub children: Vec<TocEntry>,
}

/// Text under one heading (or before the first one, with no id), for search and related.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextBlock {
    pub heading_id: Option<String>,
    pub heading: String,
    pub text: String,
}

/// An internal link found in a page, checked once every page is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// File line of the link.
    pub line: usize,
    /// As written, for messages.
    pub written: String,
    pub target: LinkTarget,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// `#anchor` on the same page.
    SamePage { anchor: String },
    /// A `.md` link resolved to a page, with an optional anchor to check.
    Page {
        content_path: String,
        anchor: Option<String>,
    },
    /// A `/root/relative/` URL: must be a page URL or an output file.
    SiteUrl { url: String },
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Every id a link may point at: headings, steps, footnotes.
    pub ids: HashSet<String>,
    pub blocks: Vec<TextBlock>,
    pub links: Vec<LinkRef>,
    /// The first paragraph as plain text, for pages without a description.
    pub summary: String,
}

/// Every page's parse, by the index of its article or section in the site model: the value the
/// link check, related articles, search and render read, kept apart from the model itself.
#[derive(Debug, Default)]
pub struct Parsed {
    /// By index into `Site::articles`.
    pub articles: Vec<Rendered>,
    /// By index into `Site::sections`; a section without `_index.md` has an empty parse.
    pub sections: Vec<Rendered>,
}

impl Parsed {
    /// Article `idx`'s description: its front matter's, else its first paragraph.
    pub fn description<'a>(&'a self, site: &'a Site, idx: usize) -> &'a str {
        description(&site.articles[idx], &self.articles[idx])
    }
}

/// An article's description given its parse: the front matter's, else the first paragraph.
pub fn description<'a>(a: &'a Article, parsed: &'a Rendered) -> &'a str {
    match a.source.front.description.as_deref() {
        Some(d) if !d.trim().is_empty() => d,
        _ => &parsed.summary,
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// Renders `body`. Link problems that can be told from this page alone (a `.md` link to no
/// article) come back as diagnostics without a file; the caller adds it.
pub fn render(body: &str, page: &PageContext, links: &LinkMap) -> (Rendered, Diagnostics) {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| -> usize {
        let idx = line_starts.partition_point(|&s| s <= offset);
        idx + page.body_line - 1
    };

    let events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(body, options())
        .into_offset_iter()
        .collect();

    let mut out = Rendered::default();
    let mut diags = Diagnostics::default();
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut emitted: Vec<Event> = Vec::with_capacity(events.len() + 16);
    let mut flat_toc: Vec<(u8, String, String)> = Vec::new();

    // Footnote definitions get ids from pulldown-cmark's HTML writer; reserve them for anchors.
    for (e, _) in &events {
        if let Event::Start(Tag::FootnoteDefinition(name)) = e {
            out.ids.insert(format!("{name}"));
        }
    }

    let mut block = TextBlock::default();
    let mut list_depth = 0usize;
    let mut quote_depth = 0usize;
    // Stack of open lists: Some(next step number) for step lists.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut in_heading = false;
    let mut in_footnote = false;
    let mut first_paragraph: Option<String> = None;
    let mut paragraph_depth = 0usize;
    let mut paragraph_text = String::new();

    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                // Gather the heading's text up to its end to name it.
                let mut text = String::new();
                let mut j = i + 1;
                while j < events.len() {
                    match &events[j].0 {
                        Event::End(TagEnd::Heading(_)) => break,
                        Event::Text(t) | Event::Code(t) => text.push_str(t),
                        _ => {}
                    }
                    j += 1;
                }
                let text = text.trim().to_owned();
                let base = id
                    .as_ref()
                    .map_or_else(|| heading_id(&text), |s| s.to_string());
                let id = unique_id(base, &mut used_ids);
                out.ids.insert(id.clone());
                let lvl = level_num(*level);
                if (2..=page.toc_depth).contains(&lvl) {
                    flat_toc.push((lvl, id.clone(), text.clone()));
                }
                push_block(&mut out.blocks, std::mem::take(&mut block));
                block.heading_id = Some(id.clone());
                block.heading = text;
                in_heading = true;
                emitted.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(id)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                in_heading = false;
                let id = block.heading_id.clone().unwrap_or_default();
                let label = page.locale.text("heading_anchor");
                emitted.push(Event::Html(CowStr::from(format!(
                    "<a class=\"heading-anchor\" href=\"#{}\" aria-label=\"{label}\">#</a>",
                    escape::html(&id)
                ))));
                emitted.push(Event::End(TagEnd::Heading(*level)));
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                quote_depth += 1;
                let (class, label) = callout_label(*kind, &page.locale);
                emitted.push(Event::Html(CowStr::from(format!(
                    "<div class=\"callout callout-{class}\" role=\"note\" aria-label=\"{label}\">\n\
                     <p class=\"callout-title\"><span class=\"callout-icon\" aria-hidden=\"true\"></span>{label}</p>\n"
                ))));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                quote_depth -= 1;
                emitted.push(Event::Html(CowStr::from("</div>\n")));
            }
            Event::Start(Tag::BlockQuote(None)) => {
                quote_depth += 1;
                emitted.push(event.clone());
            }
            Event::End(TagEnd::BlockQuote(None)) => {
                quote_depth -= 1;
                emitted.push(event.clone());
            }
            Event::Start(Tag::FootnoteDefinition(_)) => {
                in_footnote = true;
                emitted.push(event.clone());
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                in_footnote = false;
                emitted.push(event.clone());
            }
            Event::Start(Tag::List(start)) => {
                let is_steps =
                    start.is_some() && list_depth == 0 && quote_depth == 0 && !in_footnote;
                list_depth += 1;
                if is_steps {
                    let n = start.unwrap_or(1);
                    lists.push(Some(n));
                    let start_attr = if n != 1 {
                        format!(" start=\"{n}\"")
                    } else {
                        String::new()
                    };
                    emitted.push(Event::Html(CowStr::from(format!(
                        "<ol class=\"steps\"{start_attr}>\n"
                    ))));
                } else {
                    lists.push(None);
                    emitted.push(event.clone());
                }
            }
            Event::End(TagEnd::List(ordered)) => {
                list_depth -= 1;
                match lists.pop() {
                    Some(Some(_)) => emitted.push(Event::Html(CowStr::from("</ol>\n"))),
                    _ => emitted.push(Event::End(TagEnd::List(*ordered))),
                }
            }
            Event::Start(Tag::Item)
                if list_depth == lists.len() && matches!(lists.last(), Some(Some(_))) =>
            {
                let n = lists.last().copied().flatten().unwrap_or(1);
                if let Some(Some(next)) = lists.last_mut() {
                    *next += 1;
                }
                let id = unique_id(format!("step-{n}"), &mut used_ids);
                out.ids.insert(id.clone());
                let label = page.locale.step_label(n);
                emitted.push(Event::Html(CowStr::from(format!(
                    "<li class=\"step\" id=\"{id}\"><a class=\"step-number\" href=\"#{id}\" aria-label=\"{label}\">{n}</a><div class=\"step-body\">\n"
                ))));
                // Each step is its own block so search can point at it.
                block.text.push('\n');
            }
            Event::End(TagEnd::Item)
                if list_depth == lists.len() && matches!(lists.last(), Some(Some(_))) =>
            {
                emitted.push(Event::Html(CowStr::from("</div></li>\n")));
                block.text.push('\n');
            }
            Event::Start(Tag::Table(_)) => {
                let label = page.locale.text("table");
                emitted.push(Event::Html(CowStr::from(format!(
                    "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{label}\">\n"
                ))));
                emitted.push(event.clone());
            }
            Event::End(TagEnd::Table) => {
                emitted.push(event.clone());
                emitted.push(Event::Html(CowStr::from("</div>\n")));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = rewrite_link(
                    dest_url,
                    page,
                    links,
                    line_of(range.start),
                    &mut out.links,
                    &mut diags,
                );
                emitted.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: dest,
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = rewrite_link(
                    dest_url,
                    page,
                    links,
                    line_of(range.start),
                    &mut out.links,
                    &mut diags,
                );
                emitted.push(Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: dest,
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Paragraph) => {
                paragraph_depth += 1;
                emitted.push(event.clone());
            }
            Event::End(TagEnd::Paragraph) => {
                paragraph_depth = paragraph_depth.saturating_sub(1);
                if first_paragraph.is_none() && !paragraph_text.trim().is_empty() && !in_footnote {
                    first_paragraph = Some(paragraph_text.trim().to_owned());
                }
                paragraph_text.clear();
                block.text.push('\n');
                emitted.push(event.clone());
            }
            Event::Text(t) | Event::Code(t) => {
                if !in_heading {
                    block.text.push_str(t);
                    if paragraph_depth > 0 {
                        paragraph_text.push_str(t);
                    }
                }
                emitted.push(event.clone());
            }
            Event::SoftBreak | Event::HardBreak => {
                if !in_heading {
                    block.text.push(' ');
                    if paragraph_depth > 0 {
                        paragraph_text.push(' ');
                    }
                }
                emitted.push(event.clone());
            }
            Event::End(TagEnd::TableCell) => {
                block.text.push(' ');
                emitted.push(event.clone());
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead | TagEnd::CodeBlock | TagEnd::Item) => {
                block.text.push('\n');
                emitted.push(event.clone());
            }
            _ => emitted.push(event.clone()),
        }
        i += 1;
    }
    push_block(&mut out.blocks, block);

    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, emitted.into_iter());
    out.html = html;
    out.toc = nest_toc(flat_toc);
    out.summary = truncate_chars(&first_paragraph.unwrap_or_default(), 140);
    (out, diags)
}

fn push_block(blocks: &mut Vec<TextBlock>, mut b: TextBlock) {
    b.text = collapse_blank_lines(&b.text);
    if b.heading_id.is_some() || !b.text.trim().is_empty() {
        blocks.push(b);
    }
}

fn collapse_blank_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let l = line.trim();
        if !l.is_empty() {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

fn level_num(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn callout_label(kind: BlockQuoteKind, locale: &Locale) -> (&'static str, &'static str) {
    let (class, key) = match kind {
        BlockQuoteKind::Note => ("note", "callout_note"),
        BlockQuoteKind::Tip => ("tip", "callout_tip"),
        BlockQuoteKind::Important => ("important", "callout_important"),
        BlockQuoteKind::Warning => ("warning", "callout_warning"),
        BlockQuoteKind::Caution => ("caution", "callout_caution"),
    };
    (class, locale.text(key))
}

/// The id of a heading: its text with letters and digits of every script kept (so `注意事项`
/// stays `注意事项`), ASCII lower-cased, spaces as `-`, punctuation dropped.
pub fn heading_id(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if c == '_' {
            id.push('_');
        } else if (c == '-' || c.is_whitespace()) && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-').to_owned();
    if id.is_empty() {
        "section".to_owned()
    } else {
        id
    }
}

fn unique_id(base: String, used: &mut HashSet<String>) -> String {
    if used.insert(base.clone()) {
        return base;
    }
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| used.insert(candidate.clone()))
        .unwrap_or(base)
}

fn nest_toc(flat: Vec<(u8, String, String)>) -> Vec<TocEntry> {
    fn insert(list: &mut Vec<TocEntry>, e: TocEntry) {
        match list.last_mut() {
            Some(last) if e.level > last.level => insert(&mut last.children, e),
            _ => list.push(e),
        }
    }
    let mut out = Vec::new();
    for (level, id, title) in flat {
        insert(
            &mut out,
            TocEntry {
                level,
                id,
                title,
                children: Vec::new(),
            },
        );
    }
    out
}

/// Rewrites one link or image destination, recording internal links for the link check.
fn rewrite_link<'e>(
    dest: &CowStr<'e>,
    page: &PageContext,
    links: &LinkMap,
    line: usize,
    found: &mut Vec<LinkRef>,
    diags: &mut Diagnostics,
) -> CowStr<'e> {
    let d: &str = dest;
    if d.is_empty() || is_external(d) {
        return dest.clone();
    }
    if let Some(anchor) = d.strip_prefix('#') {
        found.push(LinkRef {
            line,
            written: d.to_owned(),
            target: LinkTarget::SamePage {
                anchor: percent_decode(anchor),
            },
        });
        return dest.clone();
    }
    let (path, fragment) = match d.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (d, None),
    };
    let (path, query) = match path.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path, None),
    };
    let suffix = |s: String| -> CowStr<'e> {
        let mut s = s;
        if let Some(q) = query {
            s.push('?');
            s.push_str(q);
        }
        if let Some(f) = fragment {
            s.push('#');
            s.push_str(f);
        }
        CowStr::from(s)
    };
    if let Some(site_path) = path.strip_prefix('/') {
        found.push(LinkRef {
            line,
            written: d.to_owned(),
            target: LinkTarget::SiteUrl {
                url: percent_decode(site_path),
            },
        });
        return suffix(relative_url(page.url, site_path));
    }
    let decoded = percent_decode(path);
    let Some(target) = join_rel(page.src_dir, &decoded) else {
        diags.push(
            Diagnostic::error(format!("link goes outside content/: `{d}`"))
                .at_line(line)
                .hint("link to articles with a path relative to this file, e.g. `../section/article.md`"),
        );
        return dest.clone();
    };
    if decoded.ends_with(".md") {
        if let Some(url) = links.pages.get(&target) {
            found.push(LinkRef {
                line,
                written: d.to_owned(),
                target: LinkTarget::Page {
                    content_path: target.clone(),
                    anchor: fragment.map(percent_decode),
                },
            });
            return suffix(relative_url(page.url, url));
        }
        let d = match links.why_missing(&target) {
            None => return dest.clone(),
            Some(Missing::Draft) => Diagnostic::error(format!("link to a draft: `{d}`"))
                .at_line(line)
                .hint("drafts are left out of the build: publish the target (remove `draft: true`), remove the link, or build with --drafts"),
            Some(Missing::Absent) => Diagnostic::error(format!("link to a missing article: `{d}` (looked for content/{target})"))
                .at_line(line)
                .hint("check the file name and the relative path from this file; links to articles are written as relative .md paths"),
        };
        diags.push(d);
        return dest.clone();
    }
    if let Some(output) = links.assets.get(&target) {
        return suffix(relative_url(page.url, output));
    }
    dest.clone()
}

pub fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut t: String = s.chars().take(max).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> PageContext<'static> {
        PageContext {
            url: "guide/close/",
            src_dir: "guide",
            body_line: 5,
            locale: Locale::new("zh-CN"),
            toc_depth: 3,
        }
    }

    #[test]
    fn chinese_heading_ids_are_kept_and_unique() {
        assert_eq!(heading_id("注意事项"), "注意事项");
        assert_eq!(heading_id("一、关闭前的准备"), "一关闭前的准备");
        assert_eq!(heading_id("Face ID 设置"), "face-id-设置");
        let (r, _) = render("## 注意事项\n\n## 注意事项\n", &page(), &LinkMap::default());
        assert!(r.html.contains("<h2 id=\"注意事项\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"注意事项-1\">"), "{}", r.html);
        assert_eq!(r.toc.len(), 2);
    }

    #[test]
    fn steps_are_numbered_and_linkable() {
        let md = "1. 打开微信\n2. 点击我\n\n   > [!WARNING]\n   > 先还清欠款\n\n3. 确认\n";
        let (r, _) = render(md, &page(), &LinkMap::default());
        assert!(r.html.contains("<ol class=\"steps\">"), "{}", r.html);
        assert!(r.html.contains("id=\"step-3\""), "{}", r.html);
        assert!(
            r.html.contains("role=\"note\" aria-label=\"警告\""),
            "{}",
            r.html
        );
        assert!(r.ids.contains("step-2"));
    }

    #[test]
    fn nested_ordered_list_is_plain() {
        let (r, _) = render("- a\n  1. x\n  2. y\n", &page(), &LinkMap::default());
        assert!(!r.html.contains("steps"));
    }

    #[test]
    fn md_links_become_relative_urls_with_line() {
        let mut links = LinkMap::default();
        links
            .pages
            .insert("credit/report.md".into(), "credit/report/".into());
        let (r, d) = render(
            "第一行\n\n见[报告](../credit/report.md#查询记录)和[缺失](nope.md)\n",
            &page(),
            &links,
        );
        // pulldown-cmark percent-encodes non-ASCII in hrefs; browsers resolve both forms alike.
        assert!(
            r.html
                .contains("href=\"../../credit/report/#%E6%9F%A5%E8%AF%A2%E8%AE%B0%E5%BD%95\""),
            "{}",
            r.html
        );
        assert_eq!(d.0.len(), 1);
        assert_eq!(d.0[0].line, Some(7));
        assert!(d.0[0].message.contains("nope.md"));
    }

    #[test]
    fn plain_text_blocks_follow_headings() {
        let (r, _) = render(
            "前言\n\n## 还清欠款\n\n必须还清本金和利息。\n",
            &page(),
            &LinkMap::default(),
        );
        assert_eq!(r.blocks[0].heading_id, None);
        assert_eq!(r.blocks[1].heading_id.as_deref(), Some("还清欠款"));
        assert!(r.blocks[1].text.contains("本金"));
        assert_eq!(r.summary, "前言");
    }
}
