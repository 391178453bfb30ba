//! Rendering with Tera: view structs in, HTML files out.
//!
//! Templates never see the site model: each page gets small serializable views, with URLs relative
//! to the site root and a `root` prefix (`../../`) that makes them relative to the page, so the
//! output works at a domain root, under a sub-path and from disk alike.

mod jsonld;
mod pages;
mod views;

use rayon::prelude::*;
use tera::Context;

use crate::content::DateInfo;
use crate::error::{Diagnostic, Diagnostics, guard};
use crate::i18n::Locale;
use crate::markdown::Parsed;
use crate::output::OutputFile;
use crate::related::{self, RelatedEntry, Target};
use crate::site::Site;
use crate::theme::Theme;
use crate::{escape, paths};
use views::{DateView, LinkView, PageView, SiteView};

/// What the derive stages made of the model, handed to render as one value: every page's
/// parse, every article's related list and the search index's shard count (pages pass it to
/// search.js).
#[derive(Debug, Default)]
pub struct Derived {
    /// Every page's Markdown, parsed.
    pub parsed: Parsed,
    /// Every article's related list, and every section page's that has one.
    pub related: related::Lists,
    /// How many term shards the search index has.
    pub search_shards: usize,
    /// The files of `content/` that are published (pages link to them, or `copy:` lists them):
    /// content path → output path.
    pub assets: std::collections::BTreeMap<String, String>,
}

/// Sibling articles listed on an article page; larger sections show a window around the current
/// article and a link to the section, so a 1,000-article section does not make every page huge.
pub(super) const SIBLING_WINDOW: usize = 10;
pub(super) const HOME_ARTICLES_PER_SECTION: usize = 6;
/// Top-level sections named in every page's header; a site with more links to the full list.
const NAV_SECTIONS: usize = 8;

/// What every page of one render shares.
struct Ctx<'a> {
    site: &'a Site,
    derived: &'a Derived,
    theme: &'a Theme,
    locale: Locale,
    /// The context every page starts from: `site`, `t` (UI strings), `lang`.
    base: Context,
}

/// Renders every page of the site. Errors from one page do not stop the others.
pub fn render_site(
    site: &Site,
    derived: &Derived,
    theme: &Theme,
) -> (Vec<OutputFile>, Diagnostics) {
    let mut jobs: Vec<Page> = Vec::new();
    jobs.push(Page::Home);
    jobs.extend((1..site.sections.len()).map(Page::Section));
    jobs.extend((0..site.articles.len()).map(Page::Article));
    jobs.push(Page::Tags);
    jobs.extend(site.tags.keys().map(|k| Page::Tag(k.clone())));
    jobs.push(Page::NotFound);
    jobs.push(Page::RelatedIndex);
    jobs.push(Page::Search);
    let (mut files, diags) = render_pages(site, derived, theme, &jobs);
    let cx = Ctx::new(site, derived, theme);
    files.extend(site.aliases.iter().map(|a| cx.alias_page(a)));
    files.push(related_json(site, &derived.related));
    (files, diags)
}

/// Renders just `pages`: a full build renders them all, `serve` only those an edit touched.
pub fn render_pages(
    site: &Site,
    derived: &Derived,
    theme: &Theme,
    pages: &[Page],
) -> (Vec<OutputFile>, Diagnostics) {
    let cx = Ctx::new(site, derived, theme);
    let results: Vec<Result<OutputFile, Diagnostic>> = pages
        .par_iter()
        .map(|j| guard(&cx.source_of(j), || cx.render_job(j)).and_then(|r| r))
        .collect();
    let mut files = Vec::with_capacity(results.len());
    let mut diags = Diagnostics::default();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => diags.push(d),
        }
    }
    (files, diags)
}

impl<'a> Ctx<'a> {
    fn new(site: &'a Site, derived: &'a Derived, theme: &'a Theme) -> Ctx<'a> {
        let locale = site.config.locale();
        let asset = |name: &str| -> String {
            match theme.static_files.get(name) {
                Some(f) => format!("{name}?v={:08x}", f.version),
                None => name.to_owned(),
            }
        };
        // The site's own icon: an SVG in static/ replaces the theme's by name, and a PNG or ICO
        // (what most teams have) is linked instead of the theme's SVG, not only copied.
        let own = |name: &str| {
            theme
                .static_files
                .get(name)
                .is_some_and(|f| f.path.is_some())
        };
        let favicon = [
            ("favicon.svg", "image/svg+xml"),
            ("favicon.png", "image/png"),
            ("favicon.ico", "image/x-icon"),
        ]
        .into_iter()
        .find(|(name, _)| own(name))
        .unwrap_or(("favicon.svg", "image/svg+xml"));
        let top = &site.sections[0].subsections;
        let nav = top
            .iter()
            .take(NAV_SECTIONS)
            .map(|&i| LinkView {
                title: site.sections[i].nav_title().to_owned(),
                url: site.sections[i].url.clone(),
            })
            .collect();
        let site_view = SiteView {
            title: &site.config.title,
            description: &site.config.description,
            language: &site.config.language,
            base_url: site.config.base_url.as_deref(),
            nav,
            nav_more: top.len() > NAV_SECTIONS,
            contact: site.config.contact.as_ref(),
            footer: site.config.footer.as_deref(),
            feedback_url: site.config.feedback.url.as_deref(),
            feedback: site.config.feedback.enabled
                && (site.config.feedback.url.is_some() || site.config.contact.is_some()),
            search_placeholder: site.config.search.placeholder.as_deref(),
            has_feed: site.config.base_url.is_some(),
            has_tags: !site.tags.is_empty(),
            style: asset("style.css"),
            script: asset("site.js"),
            search_script: asset("search.js"),
            search_shards: derived.search_shards,
            favicon: asset(favicon.0),
            favicon_type: favicon.1,
            extra: &site.config.extra,
        };
        let mut base = Context::new();
        base.insert("site", &site_view);
        base.insert("t", &locale.strings());
        base.insert("lang", &site.config.language);
        Ctx {
            site,
            derived,
            theme,
            locale,
            base,
        }
    }
}

/// `related.json`: every article with its related ones and their scores, for other tools.
pub fn related_json(site: &Site, related: &related::Lists) -> OutputFile {
    let entries = |list: Option<&Vec<RelatedEntry>>| -> Vec<serde_json::Value> {
        list.into_iter()
            .flatten()
            .map(|r| {
                let (title, url, _) = views::related_page(site, r.target);
                let (path, kind) = match r.target {
                    Target::Article(b) => (site.articles[b].source.rel.as_str(), "article"),
                    Target::Section(s) => (
                        site.sections[s]
                            .source
                            .as_ref()
                            .map_or("", |f| f.rel.as_str()),
                        "section",
                    ),
                };
                serde_json::json!({
                    "path": path, "url": url, "title": title, "kind": kind,
                    "score": r.score, "pinned": r.pinned, "text_similarity": r.text,
                    "linked": r.linked,
                    "shared_tags": r.shared_tags, "reason": r.reason,
                })
            })
            .collect()
    };
    let articles: Vec<serde_json::Value> = (site.articles.iter().enumerate())
        .map(|(i, a)| {
            serde_json::json!({
                "path": a.source.rel, "url": a.url, "title": a.source.title,
                "section": site.sections[a.section].title,
                "related": entries(related.articles.get(i)),
            })
        })
        .collect();
    // Overview pages (a section's page with text of its own) have lists too.
    let sections: Vec<serde_json::Value> = (site.sections.iter().enumerate())
        .filter(|&(i, _)| related.sections.get(i).is_some_and(|l| !l.is_empty()))
        .map(|(i, s)| {
            serde_json::json!({
                "path": s.source.as_ref().map_or("", |f| f.rel.as_str()), "url": s.url,
                "title": s.title, "related": entries(related.sections.get(i)),
            })
        })
        .collect();
    let doc = serde_json::json!({ "articles": articles, "sections": sections });
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    bytes.push(b'\n');
    OutputFile {
        path: "related.json".to_owned(),
        bytes,
    }
}

/// One page of the site, to render.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Page {
    /// `index.html`.
    Home,
    /// A section's page, by index.
    Section(usize),
    /// An article's page, by index.
    Article(usize),
    /// `tags/index.html`.
    Tags,
    /// A tag's page, by key.
    Tag(String),
    /// `404.html`.
    NotFound,
    /// `related/index.html`.
    RelatedIndex,
    /// `search/index.html`.
    Search,
}

impl Ctx<'_> {
    fn date(&self, d: Option<DateInfo>) -> Option<DateView> {
        d.map(|d| DateView {
            display: self.locale.format_date(d.at, d.has_time),
            iso: d.at.to_rfc3339(),
        })
    }

    fn permalink(&self, url: &str) -> Option<String> {
        self.site
            .config
            .base_url
            .as_ref()
            .map(|b| format!("{b}{}", paths::encode_path(url)))
    }

    /// A section's name as readers see it: the root section is the home page.
    fn section_title(&self, i: usize) -> String {
        if i == 0 {
            self.locale.text("home").to_owned()
        } else {
            self.site.sections[i].title.clone()
        }
    }

    /// A section as breadcrumbs and the top navigation name it: its `nav_title`, if it has one.
    fn section_nav_title(&self, i: usize) -> String {
        if i == 0 {
            self.locale.text("home").to_owned()
        } else {
            self.site.sections[i].nav_title().to_owned()
        }
    }

    fn breadcrumbs(&self, section: usize) -> Vec<LinkView> {
        self.site
            .ancestry(section)
            .into_iter()
            .map(|i| LinkView {
                title: self.section_nav_title(i),
                url: self.site.sections[i].url.clone(),
            })
            .collect()
    }

    fn template_of<'t>(
        &self,
        file: Option<&'t crate::content::SourceFile>,
        default: &'t str,
    ) -> &'t str {
        file.and_then(|f| f.front.template.as_deref())
            .unwrap_or(default)
    }

    /// The file a page comes from, to name in an error: its Markdown file, else the template.
    fn source_of(&self, job: &Page) -> std::path::PathBuf {
        let file = match job {
            Page::Home => self.site.sections[0].source.as_ref(),
            Page::Section(i) => self.site.sections[*i].source.as_ref(),
            Page::Article(i) => Some(&self.site.articles[*i].source),
            _ => None,
        };
        match file {
            Some(f) => f.shown.clone(),
            None => std::path::PathBuf::from(format!("(page {job:?})")),
        }
    }

    fn render_job(&self, job: &Page) -> Result<OutputFile, Diagnostic> {
        match job {
            Page::Home => self.home(),
            Page::Section(i) => self.section(*i),
            Page::Article(i) => self.article(*i),
            Page::Tags => self.tags(),
            Page::Tag(k) => self.tag(k),
            Page::NotFound => self.not_found(),
            Page::RelatedIndex => self.related_index(),
            Page::Search => {
                let view = self.simple_view("search", self.locale.text("search"), "search/");
                let ctx = self.page_ctx("search/", &view);
                self.finish("search.html", "search/", &ctx)
            }
        }
    }

    fn page_ctx(&self, url: &str, view: &PageView) -> Context {
        let mut ctx = self.base.clone();
        ctx.insert("root", &paths::root_of(url));
        ctx.insert("page", view);
        ctx
    }

    fn finish(&self, template: &str, url: &str, ctx: &Context) -> Result<OutputFile, Diagnostic> {
        let html = self.theme.render(template, ctx)?;
        Ok(OutputFile {
            path: paths::page_file(url),
            bytes: html.into_bytes(),
        })
    }

    fn simple_view<'v>(&self, kind: &'static str, title: &'v str, url: &'v str) -> PageView<'v> {
        PageView {
            kind,
            title,
            nav_title: title,
            title_html: escape::html(title),
            title_id: None,
            description: "",
            url,
            permalink: self.permalink(url),
            content: "",
            toc: &[],
            date: None,
            updated: None,
            tags: Vec::new(),
            section: None,
            breadcrumbs: vec![LinkView {
                title: self.locale.text("home").to_owned(),
                url: String::new(),
            }],
            extra: None,
        }
    }
}
