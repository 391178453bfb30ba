//! Headings: ids that keep the heading's text (Chinese included), unique per page, a `#` anchor
//! link after each, and the entries of the table of contents.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use serde::Serialize;

use super::Writer;
use crate::escape;
use crate::paths::{heading_id, vitepress_id};

/// One heading of a page's table of contents, with the headings nested under it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    /// 2 for `##`, 3 for `###` …
    pub level: u8,
    /// The heading's id, to link to.
    pub id: String,
    /// The heading's text.
    pub title: String,
    /// The API style the heading is written for (`options-api`, `composition-api`; see
    /// `api_styles`): its entry hides with the heading.
    pub api_style: Option<&'static str>,
    /// Deeper headings under it.
    pub children: Vec<TocEntry>,
}

impl<'e> Writer<'e, '_> {
    /// A heading starts: its text (gathered from `rest`) names it; it opens a new text block.
    pub(super) fn start_heading(
        &mut self,
        event: &Event<'e>,
        range: &Range<usize>,
        rest: &[(Event<'e>, Range<usize>)],
    ) {
        let Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) = event
        else {
            return;
        };
        let mut text = String::new();
        for (e, _) in rest {
            match e {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                    text.push_str(t)
                }
                _ => {}
            }
        }
        let text = text.trim().to_owned();
        let (attrs, id_attr) = attributes(attrs);
        let given = id.as_ref().map(|s| s.to_string()).or(id_attr);
        let id_given = given.is_some();
        let base = given.unwrap_or_else(|| heading_id(&text));
        // A heading's own id never takes one a step list or a footnote numbers (`## step-1`
        // took step 1's anchor, which the README promises to each step).
        let id = if numbered_elsewhere(&base) {
            suffixed_id(base.clone(), &mut self.used_ids)
        } else {
            unique_id(base.clone(), &mut self.used_ids)
        };
        if id_given && id != base {
            let why = if THEME_IDS.contains(&base.as_str()) {
                "the theme's page uses it"
            } else if numbered_elsewhere(&base) {
                "step lists and footnotes number their anchors so"
            } else {
                "an earlier heading or step of the page has it"
            };
            self.diags.push(
                crate::error::Diagnostic::warning(format!(
                    "the heading's id `{base}` is taken ({why}): it is `{id}`, and links to `#{base}` go elsewhere"
                ))
                .at_line(self.line_of(range.start))
                .hint("give the heading an id of its own in `{#…}`"),
            );
        }
        self.out.ids.insert(id.clone());
        // The ids other tools would give, when they differ, as more anchors in the heading:
        // VitePress's, and a repeated heading's as MkDocs numbers it (`例题_2` for the third
        // 例题, where helpcenter's is `例题-2`).
        let mut aliases: Vec<String> = Vec::new();
        if !id_given {
            aliases.push(vitepress_id(&text));
        }
        if let Some(n) = id
            .strip_prefix(base.as_str())
            .and_then(|r| r.strip_prefix('-'))
        {
            aliases.push(format!("{base}_{n}"));
        }
        aliases.retain(|v| !v.is_empty() && !numbered_elsewhere(v) && self.used_ids.take(v));
        let lvl = level_num(*level);
        if (2..=self.page.toc_depth).contains(&lvl) {
            self.flat_toc.push(TocEntry {
                level: lvl,
                id: id.clone(),
                title: text.clone(),
                api_style: super::api_styles::style_of(classes),
                children: Vec::new(),
            });
        }
        self.start_block(Some(id.clone()), text);
        self.in_heading = true;
        self.emit(Event::Start(Tag::Heading {
            level: *level,
            id: Some(CowStr::from(id)),
            classes: classes.clone(),
            attrs,
        }));
        for alias in aliases {
            self.out.ids.insert(alias.clone());
            self.emit_html(format!(
                "<span class=\"anchor-alias\" id=\"{}\"></span>",
                escape::html(&alias)
            ));
        }
    }

    /// A heading ends with its anchor link.
    pub(super) fn end_heading(&mut self, level: HeadingLevel) {
        self.in_heading = false;
        let id = self.block.heading_id.clone().unwrap_or_default();
        let label = self.page.locale.text("heading_anchor");
        self.emit_html(format!(
            "<a class=\"heading-anchor\" href=\"#{}\" aria-label=\"{label}\">#</a>",
            escape::html(&id)
        ));
        self.emit(Event::End(TagEnd::Heading(level)));
    }
}

/// A heading's `{ key=value }` attributes as HTML can take them, and the id among them.
/// Python-Markdown's attr_list writes the id as an attribute and quotes values (Material for
/// MkDocs: `### 9.7.0 <small>…</small> { id="9.7.0" }`): kept as written, the heading had two
/// `id`s and the link to `#9.7.0` went nowhere. A value pulldown-cmark split at a space inside
/// quotes (`data-toc-label="with pip"`) cannot be mended, and is left out.
fn attributes<'e>(
    attrs: &[(CowStr<'e>, Option<CowStr<'e>>)],
) -> (Vec<(CowStr<'e>, Option<CowStr<'e>>)>, Option<String>) {
    let mut id = None;
    let mut out = Vec::new();
    for (key, value) in attrs {
        let value = value.as_deref().map(|v| {
            v.strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(v)
        });
        let name_ok = key.starts_with(|c: char| c.is_ascii_alphabetic())
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'));
        let value_ok = value.is_none_or(|v| !v.contains(['"', '\'']));
        if !name_ok || !value_ok {
            continue;
        }
        if key.as_ref() == "id" {
            id = value.filter(|v| !v.is_empty()).map(str::to_owned);
            continue;
        }
        out.push((key.clone(), value.map(|v| CowStr::from(v.to_owned()))));
    }
    (out, id)
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

/// The ids a page has given out, and for each id asked for again, the suffix to try next: a
/// changelog or FAQ repeating one heading 10,000 times would otherwise try `-1`, `-2` … from
/// the start each time (13 s for one page).
#[derive(Default)]
pub(super) struct UsedIds {
    taken: HashSet<String>,
    next_suffix: HashMap<String, usize>,
}

/// The ids the built-in theme gives elements of every page (the main landmark, the boxes'
/// headings that `aria-labelledby` names, the search box): a heading that took one would be
/// the landmark, or the label, in their place.
pub const THEME_IDS: &[&str] = &[
    "main",
    "page-title",
    "search-input",
    "search-panel",
    "hero-search-input",
    "hero-search-panel",
    "search-status",
    "search-page-input",
    "search-page-results",
    "search-contact",
    "featured-title",
    "contact-title",
    "sections-title",
    "subsections-title",
    "related-title",
    "loose-title",
    "feedback-title",
];

/// Ids of the form a step list (`step-3`) or a footnote (`fn:x`, `fnref:x`, `fnref2:x`) gives.
fn numbered_elsewhere(id: &str) -> bool {
    id.strip_prefix("step-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        || id.starts_with("fn:")
        || (id.starts_with("fnref") && id.contains(':'))
}

impl UsedIds {
    /// Ids taken before the body (the title's).
    pub(super) fn with(first: Option<&str>) -> UsedIds {
        let mut ids = UsedIds::default();
        ids.taken.extend(first.map(str::to_owned));
        ids
    }

    /// Takes `id` if it is free (never one of the theme's); true when it was.
    pub(super) fn take(&mut self, id: &str) -> bool {
        !THEME_IDS.contains(&id) && self.taken.insert(id.to_owned())
    }
}

/// `base`, or `base-1`, `base-2` … when an earlier heading or step of the page has it.
pub(super) fn unique_id(base: String, used: &mut UsedIds) -> String {
    if used.take(&base) {
        return base;
    }
    suffixed_id(base, used)
}

/// `base-1`, `base-2` …: the first free one.
fn suffixed_id(base: String, used: &mut UsedIds) -> String {
    let mut n = used.next_suffix.get(&base).copied().unwrap_or(1);
    loop {
        let candidate = format!("{base}-{n}");
        n += 1;
        if used.take(&candidate) {
            used.next_suffix.insert(base, n);
            return candidate;
        }
    }
}

/// Nests entries in page order: each under the nearest shallower one.
pub(super) fn nest_toc(flat: Vec<TocEntry>) -> Vec<TocEntry> {
    fn insert(list: &mut Vec<TocEntry>, e: TocEntry) {
        match list.last_mut() {
            Some(last) if e.level > last.level => insert(&mut last.children, e),
            _ => list.push(e),
        }
    }
    let mut out = Vec::new();
    for e in flat {
        insert(&mut out, e);
    }
    out
}

/// A table of contents placed in the text (`[[TOC]]`): the page's headings as nested links.
pub(super) fn toc_html(entries: &[TocEntry], locale: &crate::i18n::Locale) -> String {
    fn list(out: &mut String, entries: &[TocEntry]) {
        out.push_str("<ol>");
        for e in entries {
            let class = e
                .api_style
                .map(|c| format!(" class=\"{c}\""))
                .unwrap_or_default();
            out.push_str(&format!(
                "<li{class}><a href=\"#{}\">{}</a>",
                escape::html(&e.id),
                escape::html(&e.title)
            ));
            if !e.children.is_empty() {
                list(out, &e.children);
            }
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }
    let mut out = format!(
        "<nav class=\"toc-inline\" aria-label=\"{}\">",
        locale.text("toc")
    );
    list(&mut out, entries);
    out.push_str("</nav>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_themes_ids_are_all_reserved_from_headings() {
        // The list headings stay clear of must follow the theme's templates.
        for (name, bytes) in crate::theme::TEMPLATES {
            let text = std::str::from_utf8(bytes).unwrap();
            for id in text.split(" id=\"").skip(1) {
                let id = id.split('"').next().unwrap();
                if id.contains("{{") || id.contains("{%") {
                    continue;
                }
                assert!(
                    THEME_IDS.contains(&id),
                    "templates/{name} gives `{id}`, which headings may take"
                );
            }
        }
    }
}
