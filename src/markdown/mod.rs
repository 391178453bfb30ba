//! Markdown to HTML with pulldown-cmark, plus everything later stages need from the same parse:
//! headings (for the TOC and anchor checks), plain text by heading section (for search and related
//! articles) and the internal links (for the link check).
//!
//! The event stream is rewritten rather than the HTML post-processed, so ids, callouts and step
//! lists can never be confused by text that merely looks like markup. This file drives the one
//! loop over the events; each feature is a file of its own that handles its events:
//! [`emphasis`] (bold text CommonMark leaves as `**` in Chinese), [`headings`] (ids, anchors, the TOC), [`steps`] (top-level numbered lists), [`callouts`]
//! (GitHub alerts), [`tables`], [`links`] (rewriting and recording internal links) and [`text`]
//! (plain text by heading, the summary).

mod api_styles;
mod callouts;
mod code;
mod directives;
mod emoji;
mod emphasis;
mod footnotes;
mod headings;
mod html;
mod linebreaks;
mod links;
mod math;
mod srcset;
mod steps;
mod tables;
mod text;

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::config::CodeConfig;
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Locale;
use crate::paths::HUGO_REF;
use crate::site::{Article, LinkMap, Site};

pub use headings::TocEntry;
pub use links::{LinkRef, LinkTarget};
pub use text::{TextBlock, truncate_chars, truncate_width};

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
    /// `links: warn` in the config: a link to nowhere is a warning and stays as written.
    pub links_warn: bool,
    /// For each line of the body, the line of the file's written body it came from, when
    /// another tool's syntax was rewritten with lines added; empty when they are the same.
    pub line_map: &'a [usize],
    /// The id of the page's `<h1>` when its title came from a heading: taken before the
    /// body's headings are named, so a later heading with the same text gets `-1` as on GitHub.
    pub title_id: Option<&'a str>,
    /// The site's code block settings.
    pub code: CodeConfig,
    /// TeX between `$` is math (see `math`).
    pub math: bool,
    /// A comment ending in `(1)` or `(1)!` in code is one of Material for MkDocs's code
    /// annotations (see `code`): its `content.code.annotate` is on.
    pub annotations: bool,
    /// The site is MkDocs's: Material's icons (`:material-x:`) are read (see `shortcodes`).
    pub mkdocs: bool,
}

/// One page's parse: its HTML and what the other stages need of it.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The body as HTML, ready for the template.
    pub html: String,
    /// Headings from level 2 to `toc_depth`, nested.
    pub toc: Vec<TocEntry>,
    /// Every id a link may point at: headings, steps, footnotes.
    pub ids: HashSet<String>,
    /// Plain text by heading, for search and related articles.
    pub blocks: Vec<TextBlock>,
    /// Internal links, for the link check and related articles.
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

fn options(math: bool) -> Options {
    let math = if math {
        Options::ENABLE_MATH
    } else {
        Options::empty()
    };
    math | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
}

/// Renders `body`. Link problems that can be told from this page alone (a `.md` link to no
/// article) come back as diagnostics without a file; the caller adds it.
pub fn render(body: &str, page: &PageContext, links: &LinkMap) -> (Rendered, Diagnostics) {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, options(page.math))
        .into_offset_iter()
        .map(|(e, r)| (without_stray_marks(e), r))
        .collect();
    let events = if page.math {
        math::fences(events)
    } else {
        events
    };
    let events = emphasis::chinese_strong(events, body);
    let events = api_styles::heading_marks(events, body);
    let events = linebreaks::join_wide_lines(events);
    let (events, icons) = emoji::shortcodes(events, page.mkdocs);
    let mut w = Writer::new(body, page, links, events.len());
    w.icons_left_out(&icons);
    w.reserve_footnote_ids(&events);
    for (i, (event, range)) in events.iter().enumerate() {
        w.event(event, range, &events[i + 1..]);
    }
    w.finish(body.len())
}

/// The HTML of `md` as pulldown-cmark writes it after one pass over its events (`|e| e` for
/// none): the passes' own tests compare the two.
#[cfg(test)]
fn html_after<'a>(
    md: &'a str,
    pass: impl FnOnce(Vec<(Event<'a>, Range<usize>)>) -> Vec<(Event<'a>, Range<usize>)>,
) -> String {
    let events: Vec<_> = Parser::new_ext(md, options(false))
        .into_offset_iter()
        .collect();
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, pass(events).into_iter().map(|(e, _)| e));
    out
}

/// A Hugo ref is marked where a link's destination begins (see `paths::HUGO_REF`); when the
/// markup around it turns out to be no link (`<a href="{{< ref x >}}"` never closed), the mark
/// is in the text, where the reader would see it. (An author's own `hugo-ref:` in prose goes
/// too; in code it stays.)
fn without_stray_marks(event: Event) -> Event {
    match event {
        Event::Text(t) if t.contains(HUGO_REF) => Event::Text(t.replace(HUGO_REF, "").into()),
        e => e,
    }
}

/// The state of one page's rewrite: what has been emitted and what the features track.
struct Writer<'e, 'c> {
    page: &'c PageContext<'c>,
    links: &'c LinkMap,
    /// Byte offset of each line's start in the body, to turn offsets into file lines.
    line_starts: Vec<usize>,
    out: Rendered,
    diags: Diagnostics,
    emitted: Vec<Event<'e>>,
    /// Ids given so far on this page: headings, steps, footnotes.
    used_ids: headings::UsedIds,
    /// Each TOC heading, in order, nested at the end.
    flat_toc: Vec<headings::TocEntry>,
    /// The text block being gathered (the heading it follows and its text).
    block: TextBlock,
    in_heading: bool,
    first_paragraph: Option<String>,
    /// The first paragraph in a quote (see `text::end_paragraph`).
    first_quoted: Option<String>,
    paragraph_depth: usize,
    paragraph_text: String,
    /// The paragraph has text of its own, outside links and images: a paragraph that is only a
    /// link (the Rust book's chapters open with their source file's) describes nothing.
    paragraph_own_text: bool,
    /// The paragraph has text outside strong marks: one without is a heading written in bold
    /// (`**平台差异说明**` before a table, on 26 of uni-app's pages), if short.
    paragraph_loose_text: bool,
    /// Inside strong marks.
    in_strong: usize,
    /// For each link and image open, whether its start was left out (see `links`).
    dropped_links: Vec<bool>,
    /// Inside a link's or image's text.
    in_link: usize,
    list_depth: usize,
    quote_depth: usize,
    /// How deep in quotes that are not callouts (`> 本文档由 AI 自动翻译…`).
    plain_quote_depth: usize,
    /// Directives open (callouts, details, tabs), innermost last.
    open: Vec<directives::Open>,
    /// Components and labelled `<div>`s rewritten, whose closing tags are rewritten too.
    open_tags: Vec<html::OpenTag>,
    /// Inside a left-out block (`<script setup>`): the end tag that ends it.
    skip_until: Option<&'static str>,
    /// An HTML comment opened in an earlier chunk of raw HTML and not closed yet, and its line:
    /// what follows is its text, not tags (pulldown-cmark gives an HTML block one chunk a line).
    in_comment: Option<usize>,
    /// Components and footnote labels warned about on this page (once each).
    warned: HashSet<String>,
    /// Stack of open lists: `Some(next step number)` for step lists.
    lists: Vec<Option<u64>>,
    in_footnote: bool,
    /// Formulas shown as their source so far (see `math`).
    math_warnings: usize,
    /// The code block being read.
    code: Option<code::Block>,
    /// The block just written is code with Material's annotations (`# (1)!`): a numbered list
    /// right after it holds their text.
    annotated: bool,
}

impl<'e, 'c> Writer<'e, 'c> {
    fn new(body: &str, page: &'c PageContext<'c>, links: &'c LinkMap, events: usize) -> Self {
        Writer {
            page,
            links,
            line_starts: std::iter::once(0)
                .chain(body.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            out: Rendered::default(),
            diags: Diagnostics::default(),
            emitted: Vec::with_capacity(events + 16),
            used_ids: headings::UsedIds::with(page.title_id),
            flat_toc: Vec::new(),
            block: TextBlock::default(),
            in_heading: false,
            first_paragraph: None,
            first_quoted: None,
            paragraph_depth: 0,
            paragraph_text: String::new(),
            paragraph_own_text: false,
            paragraph_loose_text: false,
            in_strong: 0,
            dropped_links: Vec::new(),
            in_link: 0,
            list_depth: 0,
            quote_depth: 0,
            plain_quote_depth: 0,
            open: Vec::new(),
            open_tags: Vec::new(),
            skip_until: None,
            in_comment: None,
            warned: HashSet::new(),
            lists: Vec::new(),
            in_footnote: false,
            math_warnings: 0,
            code: None,
            annotated: false,
        }
    }

    /// The file line of a byte offset in the body.
    fn line_of(&self, offset: usize) -> usize {
        let idx = self.line_starts.partition_point(|&s| s <= offset);
        let written = match self.page.line_map.get(idx.saturating_sub(1)) {
            Some(&l) => l + 1,
            None => idx,
        };
        written + self.page.body_line - 1
    }

    fn emit(&mut self, event: Event<'e>) {
        self.emitted.push(event);
    }

    fn emit_html(&mut self, html: String) {
        self.emitted.push(Event::Html(html.into()));
    }

    /// Footnote texts have ids (see `footnotes`); they count as anchors.
    fn reserve_footnote_ids(&mut self, events: &[(Event, Range<usize>)]) {
        for (e, _) in events {
            if let Event::Start(Tag::FootnoteDefinition(name)) = e {
                self.out.ids.insert(footnotes::note_id(name));
            }
        }
    }

    /// Hands one event to the feature that rewrites it; `rest` is every event after it.
    fn event(
        &mut self,
        event: &Event<'e>,
        range: &Range<usize>,
        rest: &[(Event<'e>, Range<usize>)],
    ) {
        if self.annotated && matches!(event, Event::Start(t) if !matches!(t, Tag::List(Some(_)))) {
            self.annotated = false;
        }
        match event {
            Event::Start(Tag::Heading { .. }) => self.start_heading(event, range, rest),
            Event::End(TagEnd::Heading(level)) => self.end_heading(*level),
            Event::Start(Tag::BlockQuote(kind)) => self.start_quote(*kind, event),
            Event::End(TagEnd::BlockQuote(kind)) => self.end_quote(*kind, event),
            Event::Start(Tag::FootnoteDefinition(_)) => {
                self.in_footnote = true;
                self.emit(event.clone());
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                self.in_footnote = false;
                self.emit(event.clone());
            }
            Event::Start(Tag::List(start)) => self.start_list(*start, event),
            Event::End(TagEnd::List(ordered)) => self.end_list(*ordered),
            Event::Start(Tag::Item) if self.in_step_list() => self.start_step(),
            Event::End(TagEnd::Item) if self.in_step_list() => self.end_step(),
            Event::Start(Tag::Table(_)) => self.start_table(event),
            Event::End(TagEnd::Table) => self.end_table(event),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                self.in_link += 1;
                self.link(event, range);
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                self.in_link = self.in_link.saturating_sub(1);
                self.link_end(event);
            }
            Event::Start(Tag::CodeBlock(_)) => self.start_code(event, range),
            Event::Html(h) => {
                let line = self.line_of(range.start);
                if !self.directive(h, line) {
                    let html = self.raw_html(h, line);
                    self.emit(Event::Html(html.into()));
                }
            }
            Event::InlineHtml(h) => {
                let line = self.line_of(range.start);
                let html = self.raw_html(h, line);
                self.emit(Event::InlineHtml(html.into()));
            }
            Event::Start(Tag::Strong) => {
                self.in_strong += 1;
                self.emit(event.clone());
            }
            Event::End(TagEnd::Strong) => {
                self.in_strong = self.in_strong.saturating_sub(1);
                self.emit(event.clone());
            }
            Event::Start(Tag::Paragraph) => self.start_paragraph(event),
            Event::End(TagEnd::Paragraph) => self.end_paragraph(event),
            Event::Text(t) if self.code.is_some() => self.code_text(t),
            Event::End(TagEnd::CodeBlock) => self.end_code(),
            Event::Text(t) | Event::Code(t) => {
                self.unresolved_footnote(event, range, rest);
                if let Event::Code(span) = &event {
                    self.code_span(span);
                }
                self.text(t);
                self.emit(event.clone());
            }
            Event::InlineMath(tex) => self.math(tex, false, self.line_of(range.start)),
            Event::DisplayMath(tex) => self.math(tex, true, self.line_of(range.start)),
            Event::SoftBreak | Event::HardBreak => {
                self.space();
                self.emit(event.clone());
            }
            Event::End(TagEnd::TableCell) => {
                self.block.text.push(' ');
                self.emit(event.clone());
            }
            Event::End(
                TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::Item
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => {
                self.block.text.push('\n');
                self.emit(event.clone());
            }
            _ => self.emit(event.clone()),
        }
    }

    /// Warns, once per label, of a `[^label]` that no `[^label]: …` on the page gives a text.
    fn unresolved_footnote(
        &mut self,
        event: &Event<'e>,
        range: &Range<usize>,
        rest: &[(Event<'e>, Range<usize>)],
    ) {
        let Some(label) = footnotes::unresolved(event, rest) else {
            return;
        };
        if !self.warned.insert(format!("[^{label}]")) {
            return;
        }
        let line = self.line_of(range.start);
        self.diags.push(
            Diagnostic::warning(format!(
                "footnote `[^{label}]` has no text on this page: it shows as written"
            ))
            .at_line(line)
            .hint(format!(
                "add its text on a line of its own, `[^{label}]: …`, or write `\\[^{label}]` if the brackets are meant as text"
            )),
        );
    }

    /// One warning for the Material icons the page's text had (see `emoji`), at the first.
    fn icons_left_out(&mut self, icons: &[(String, usize)]) {
        let Some((first, at)) = icons.first() else {
            return;
        };
        let more = match icons.len() - 1 {
            0 => String::new(),
            1 => " and 1 more".to_owned(),
            n => format!(" and {n} more"),
        };
        let line = self.line_of(*at);
        self.diags.push(
            Diagnostic::warning(format!(
                "Material's icon `:{first}:`{more} on this page is left out: helpcenter has no icon set"
            ))
            .at_line(line)
            .hint("a check or a cross shows as ✓ or ✗; write the word it stood for, or an emoji (`:white_check_mark:`), where the icon meant something"),
        );
    }

    fn finish(mut self, body_len: usize) -> (Rendered, Diagnostics) {
        self.finish_math();
        // A comment never closed would hide the theme's footer and scripts too: it ends with
        // the text, which is all it hides, as Markdown reads it.
        if let Some(line) = self.in_comment.take() {
            self.emit_html("-->\n".to_owned());
            self.diags.push(
                Diagnostic::warning(
                    "an HTML comment `<!--` is never closed: the rest of the page is hidden in it",
                )
                .at_line(line)
                .hint("end the comment with `-->` where the hidden part should end"),
            );
        }
        self.close_all();
        self.end_block();
        let mut html = String::with_capacity(body_len * 3 / 2);
        let label = self.page.locale.text("footnotes");
        let events = footnotes::to_end(std::mem::take(&mut self.emitted), label);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        self.out.toc = headings::nest_toc(self.flat_toc);
        if html.contains(directives::TOC_PLACEHOLDER) {
            let toc = headings::toc_html(&self.out.toc, &self.page.locale);
            html = html.replace(directives::TOC_PLACEHOLDER, &toc);
        }
        self.out.html = html;
        let first = self.first_paragraph.or(self.first_quoted);
        self.out.summary = truncate_chars(&first.unwrap_or_default(), 140);
        (self.out, self.diags)
    }
}

#[cfg(test)]
mod tests;
