//! Rendering with Tera: view structs in, HTML files out.
//!
//! Templates never see the site model: each page gets small serializable views, with URLs relative
//! to the site root and a `root` prefix (`../../`) that makes them relative to the page, so the
//! output works at a domain root, under a sub-path and from disk alike.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::config::Contact;
use crate::content::DateInfo;
use crate::error::Diagnostic;
use crate::markdown::TocEntry;
use crate::output::OutputFile;
use crate::site::{Article, Site};
use crate::theme::Theme;
use crate::{escape, hash, i18n, paths};

// ---------------------------------------------------------------------------------------------
// Views: what templates see.

#[derive(Serialize, Clone)]
struct LinkView {
    title: String,
    url: String,
}

#[derive(Serialize, Clone)]
struct DateView {
    display: String,
    iso: String,
}

#[derive(Serialize, Clone)]
struct ArticleItem {
    title: String,
    url: String,
    description: String,
    section: String,
    date: Option<DateView>,
    updated: Option<DateView>,
    current: bool,
}

/// A related article and why it is there.
#[derive(Serialize)]
struct RelatedView {
    title: String,
    url: String,
    section: String,
    reason: String,
    score: f64,
    pinned: bool,
}

#[derive(Serialize)]
struct SectionCard {
    title: String,
    url: String,
    description: String,
    count: usize,
    articles: Vec<ArticleItem>,
    more: bool,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: Option<&'a str>,
    nav: Vec<LinkView>,
    /// More sections exist than the header shows; it links to the home page's full list.
    nav_more: bool,
    contact: Option<&'a Contact>,
    footer: Option<&'a str>,
    feedback_url: Option<&'a str>,
    has_feed: bool,
    style: String,
    script: String,
    search_script: String,
    search_shards: usize,
    favicon: String,
    extra: &'a serde_yaml::Mapping,
}

#[derive(Serialize)]
struct PageView<'a> {
    kind: &'static str,
    title: &'a str,
    description: &'a str,
    url: &'a str,
    permalink: Option<String>,
    content: &'a str,
    toc: &'a [TocEntry],
    date: Option<DateView>,
    updated: Option<DateView>,
    tags: Vec<LinkView>,
    section: Option<LinkView>,
    breadcrumbs: Vec<LinkView>,
    extra: Option<&'a serde_yaml::Mapping>,
}

/// Sibling articles listed on an article page; larger sections show a window around the current
/// article and a link to the section, so a 1,000-article section does not make every page huge.
const SIBLING_WINDOW: usize = 10;
const HOME_ARTICLES_PER_SECTION: usize = 6;
/// Top-level sections named in every page's header; a site with more links to the full list.
const NAV_SECTIONS: usize = 8;

struct Ctx<'a> {
    site: &'a Site,
    theme: &'a Theme,
    chinese: bool,
    base: Context,
    strings: BTreeMap<&'static str, &'static str>,
}

/// Renders every page of the site. Errors from one page do not stop the others.
pub fn render_site(site: &Site, theme: &Theme) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    let mut jobs: Vec<Page> = Vec::new();
    jobs.push(Page::Home);
    jobs.extend((1..site.sections.len()).map(Page::Section));
    jobs.extend((0..site.articles.len()).map(Page::Article));
    jobs.push(Page::Tags);
    jobs.extend(site.tags.keys().map(|k| Page::Tag(k.clone())));
    jobs.push(Page::NotFound);
    jobs.push(Page::RelatedIndex);
    jobs.push(Page::SearchPage);
    let (mut files, diags) = render_pages(site, theme, &jobs);
    let cx = Ctx::new(site, theme);
    files.extend(
        site.aliases
            .iter()
            .map(|(alias, target)| cx.alias_page(alias, target)),
    );
    files.push(related_json(site));
    (files, diags)
}

/// Renders just `pages`: a full build renders them all, `serve` only those an edit touched.
pub fn render_pages(
    site: &Site,
    theme: &Theme,
    pages: &[Page],
) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    let cx = Ctx::new(site, theme);
    let results: Vec<Result<OutputFile, Diagnostic>> =
        pages.par_iter().map(|j| cx.render_job(j)).collect();
    let mut files = Vec::with_capacity(results.len());
    let mut diags = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => diags.push(d),
        }
    }
    (files, diags)
}

impl<'a> Ctx<'a> {
    fn new(site: &'a Site, theme: &'a Theme) -> Ctx<'a> {
        let chinese = site.config.is_chinese();
        let strings = i18n::strings(chinese);
        let asset = |name: &str| -> String {
            match theme.static_files.get(name) {
                Some(f) => format!("{name}?v={:08x}", hash::fnv1a64(&f.bytes) as u32),
                None => name.to_owned(),
            }
        };
        let top = &site.sections[0].subsections;
        let nav = top
            .iter()
            .take(NAV_SECTIONS)
            .map(|&i| LinkView {
                title: site.sections[i].title.clone(),
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
            has_feed: site.config.base_url.is_some(),
            style: asset("style.css"),
            script: asset("site.js"),
            search_script: asset("search.js"),
            search_shards: site.search_shards,
            favicon: asset("favicon.svg"),
            extra: &site.config.extra,
        };
        let mut base = Context::new();
        base.insert("site", &site_view);
        base.insert("t", &strings);
        base.insert("lang", &site.config.language);
        Ctx {
            site,
            theme,
            chinese,
            base,
            strings,
        }
    }
}

/// `related.json`: every article with its related ones and their scores, for other tools.
pub fn related_json(site: &Site) -> OutputFile {
    let articles: Vec<serde_json::Value> = site
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let related: Vec<serde_json::Value> = site
                .related
                .get(i)
                .into_iter()
                .flatten()
                .map(|r| {
                    let b = &site.articles[r.article];
                    serde_json::json!({
                        "path": b.source.rel, "url": b.url, "title": b.source.title,
                        "score": r.score, "pinned": r.pinned, "text_similarity": r.text,
                        "linked": r.linked,
                        "shared_tags": r.shared_tags,
                    })
                })
                .collect();
            serde_json::json!({
                "path": a.source.rel, "url": a.url, "title": a.source.title,
                "section": site.sections[a.section].title, "related": related,
            })
        })
        .collect();
    let doc = serde_json::json!({ "articles": articles });
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
    Home,
    Section(usize),
    Article(usize),
    Tags,
    Tag(String),
    NotFound,
    RelatedIndex,
    SearchPage,
}

impl Ctx<'_> {
    fn date(&self, d: Option<DateInfo>) -> Option<DateView> {
        d.map(|d| DateView {
            display: i18n::format_date(&d, self.chinese),
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

    fn item(&self, idx: usize, current: Option<usize>) -> ArticleItem {
        let a: &Article = &self.site.articles[idx];
        ArticleItem {
            title: a.source.title.clone(),
            url: a.url.clone(),
            description: a.description().to_owned(),
            section: self.site.sections[a.section].title.clone(),
            date: self.date(a.source.date),
            updated: self.date(a.source.updated),
            current: current == Some(idx),
        }
    }

    /// A section's name as readers see it: the root section is the home page.
    fn section_title(&self, i: usize) -> String {
        if i == 0 {
            self.strings["home"].to_owned()
        } else {
            self.site.sections[i].title.clone()
        }
    }

    fn breadcrumbs(&self, section: usize) -> Vec<LinkView> {
        self.site
            .ancestry(section)
            .into_iter()
            .map(|i| LinkView {
                title: self.section_title(i),
                url: self.site.sections[i].url.clone(),
            })
            .collect()
    }

    fn card(&self, idx: usize, limit: usize) -> SectionCard {
        let s = &self.site.sections[idx];
        let mut articles: Vec<ArticleItem> = s
            .articles
            .iter()
            .take(limit)
            .map(|&a| self.item(a, None))
            .collect();
        // A section whose articles are all in sub-sections still shows some on the home page.
        if articles.is_empty() {
            articles = s
                .subsections
                .iter()
                .flat_map(|&c| self.site.sections[c].articles.iter())
                .take(limit)
                .map(|&a| self.item(a, None))
                .collect();
        }
        let count = self.site.article_count(idx);
        SectionCard {
            title: s.title.clone(),
            url: s.url.clone(),
            description: s.description.clone(),
            count,
            more: count > articles.len(),
            articles,
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
            Page::SearchPage => {
                let view = self.simple_view("search", self.strings["search"], "search/");
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

    fn home(&self) -> Result<OutputFile, Diagnostic> {
        let s = &self.site.sections[0];
        let view = PageView {
            kind: "home",
            title: &self.site.config.title,
            description: if s.description.is_empty() {
                &self.site.config.description
            } else {
                &s.description
            },
            url: "",
            permalink: self.permalink(""),
            content: &s.rendered.html,
            toc: &[],
            date: None,
            updated: None,
            tags: Vec::new(),
            section: None,
            breadcrumbs: Vec::new(),
            extra: s.source.as_ref().map(|f| &f.front.extra),
        };
        let mut ctx = self.page_ctx("", &view);
        let cards: Vec<SectionCard> = s
            .subsections
            .iter()
            .map(|&i| self.card(i, HOME_ARTICLES_PER_SECTION))
            .collect();
        let featured: Vec<ArticleItem> = self
            .site
            .config
            .featured
            .iter()
            .filter_map(|p| self.site.article_by_path(p.trim_start_matches("content/")))
            .map(|i| self.item(i, None))
            .collect();
        let loose: Vec<ArticleItem> = s.articles.iter().map(|&i| self.item(i, None)).collect();
        ctx.insert("sections", &cards);
        ctx.insert("featured", &featured);
        ctx.insert("articles", &loose);
        ctx.insert("jsonld", &self.jsonld_website());
        self.finish(self.template_of(s.source.as_ref(), "index.html"), "", &ctx)
    }

    fn section(&self, idx: usize) -> Result<OutputFile, Diagnostic> {
        let s = &self.site.sections[idx];
        let crumbs = self.breadcrumbs(idx);
        let view = PageView {
            kind: "section",
            title: &s.title,
            description: &s.description,
            url: &s.url,
            permalink: self.permalink(&s.url),
            content: &s.rendered.html,
            toc: &[],
            date: None,
            updated: None,
            tags: Vec::new(),
            section: None,
            breadcrumbs: crumbs[..crumbs.len() - 1].to_vec(),
            extra: s.source.as_ref().map(|f| &f.front.extra),
        };
        let mut ctx = self.page_ctx(&s.url, &view);
        let subs: Vec<SectionCard> = s.subsections.iter().map(|&i| self.card(i, 5)).collect();
        let articles: Vec<ArticleItem> = s.articles.iter().map(|&i| self.item(i, None)).collect();
        ctx.insert("subsections", &subs);
        ctx.insert("articles", &articles);
        ctx.insert(
            "jsonld",
            &self.jsonld_breadcrumbs(&crumbs, &s.title, &s.url),
        );
        self.finish(
            self.template_of(s.source.as_ref(), "section.html"),
            &s.url,
            &ctx,
        )
    }

    fn template_of<'t>(
        &self,
        file: Option<&'t crate::content::SourceFile>,
        default: &'t str,
    ) -> &'t str {
        file.and_then(|f| f.front.template.as_deref())
            .unwrap_or(default)
    }

    fn article(&self, idx: usize) -> Result<OutputFile, Diagnostic> {
        let a = &self.site.articles[idx];
        let f = &a.source;
        let section = &self.site.sections[a.section];
        let crumbs = self.breadcrumbs(a.section);
        let show_toc = f.front.toc.unwrap_or(true);
        let view = PageView {
            kind: "article",
            title: &f.title,
            description: a.description(),
            url: &a.url,
            permalink: self.permalink(&a.url),
            content: &a.rendered.html,
            toc: if show_toc { &a.rendered.toc } else { &[] },
            date: self.date(f.date),
            updated: self.date(f.updated),
            tags: a
                .tags
                .iter()
                .map(|k| {
                    let tag = &self.site.tags[k];
                    LinkView {
                        title: tag.name.clone(),
                        url: tag.url.clone(),
                    }
                })
                .collect(),
            section: (a.section != 0).then(|| LinkView {
                title: section.title.clone(),
                url: section.url.clone(),
            }),
            breadcrumbs: crumbs.clone(),
            extra: Some(&f.front.extra),
        };
        let mut ctx = self.page_ctx(&a.url, &view);

        let pos = section.articles.iter().position(|&i| i == idx).unwrap_or(0);
        let start = pos
            .saturating_sub(SIBLING_WINDOW / 2)
            .min(section.articles.len().saturating_sub(SIBLING_WINDOW));
        let siblings: Vec<ArticleItem> = section
            .articles
            .iter()
            .skip(start)
            .take(SIBLING_WINDOW)
            .map(|&i| self.item(i, Some(idx)))
            .collect();
        ctx.insert("siblings", &siblings);
        ctx.insert("siblings_more", &(section.articles.len() > siblings.len()));
        ctx.insert("section_count", &section.articles.len());
        ctx.insert("related", &self.related_views(idx));
        ctx.insert("jsonld", &self.jsonld_article(a, &crumbs));
        self.finish(self.template_of(Some(f), "article.html"), &a.url, &ctx)
    }

    fn related_views(&self, idx: usize) -> Vec<RelatedView> {
        let sep = if self.chinese { "、" } else { ", " };
        self.site
            .related
            .get(idx)
            .into_iter()
            .flatten()
            .map(|r| {
                let b = &self.site.articles[r.article];
                let reason = if r.pinned {
                    self.strings["reason_pinned"].to_owned()
                } else if !r.shared_tags.is_empty() {
                    format!("{}{}", self.strings["reason_tags"], r.shared_tags.join(sep))
                } else {
                    self.strings["reason_text"].to_owned()
                };
                RelatedView {
                    title: b.source.title.clone(),
                    url: b.url.clone(),
                    section: self.site.sections[b.section].title.clone(),
                    reason,
                    score: r.score,
                    pinned: r.pinned,
                }
            })
            .collect()
    }

    /// The related-articles index: every article with its related ones, grouped by section.
    fn related_index(&self) -> Result<OutputFile, Diagnostic> {
        #[derive(Serialize)]
        struct Entry {
            title: String,
            url: String,
            related: Vec<RelatedView>,
        }
        #[derive(Serialize)]
        struct Group {
            title: String,
            url: String,
            articles: Vec<Entry>,
        }
        let groups: Vec<Group> = self
            .site
            .sections_in_order()
            .into_iter()
            .filter(|&s| !self.site.sections[s].articles.is_empty())
            .map(|s| {
                let sec = &self.site.sections[s];
                Group {
                    title: self.section_title(s),
                    url: sec.url.clone(),
                    articles: sec
                        .articles
                        .iter()
                        .map(|&i| Entry {
                            title: self.site.articles[i].source.title.clone(),
                            url: self.site.articles[i].url.clone(),
                            related: self.related_views(i),
                        })
                        .collect(),
                }
            })
            .collect();
        let view = self.simple_view("related", self.strings["related_index"], "related/");
        let mut ctx = self.page_ctx("related/", &view);
        ctx.insert("groups", &groups);
        self.finish("related.html", "related/", &ctx)
    }

    fn simple_view<'v>(&self, kind: &'static str, title: &'v str, url: &'v str) -> PageView<'v> {
        PageView {
            kind,
            title,
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
                title: self.strings["home"].to_owned(),
                url: String::new(),
            }],
            extra: None,
        }
    }

    fn tags(&self) -> Result<OutputFile, Diagnostic> {
        let view = self.simple_view("tags", self.strings["all_tags"], "tags/");
        let mut ctx = self.page_ctx("tags/", &view);
        #[derive(Serialize)]
        struct TagItem<'a> {
            name: &'a str,
            url: &'a str,
            count: usize,
        }
        let tags: Vec<TagItem> = self
            .site
            .tags
            .values()
            .map(|t| TagItem {
                name: &t.name,
                url: &t.url,
                count: t.articles.len(),
            })
            .collect();
        ctx.insert("tags", &tags);
        self.finish("tags.html", "tags/", &ctx)
    }

    fn tag(&self, key: &str) -> Result<OutputFile, Diagnostic> {
        let tag = &self.site.tags[key];
        let mut view = self.simple_view("tag", &tag.name, &tag.url);
        view.breadcrumbs.push(LinkView {
            title: self.strings["tags"].to_owned(),
            url: "tags/".to_owned(),
        });
        let mut ctx = self.page_ctx(&tag.url, &view);
        let articles: Vec<ArticleItem> = tag.articles.iter().map(|&i| self.item(i, None)).collect();
        ctx.insert("articles", &articles);
        self.finish("tag.html", &tag.url, &ctx)
    }

    fn not_found(&self) -> Result<OutputFile, Diagnostic> {
        let view = self.simple_view("404", self.strings["not_found_title"], "404.html");
        let mut ctx = self.page_ctx("", &view);
        // A host serves 404.html at whatever URL was asked for, where relative links would
        // break; with a base_url the links are absolute paths instead.
        if let Some(base) = &self.site.config.base_url {
            let path = base
                .splitn(4, '/')
                .nth(3)
                .map_or("/".to_owned(), |p| format!("/{p}"));
            ctx.insert("root", &path);
        }
        let cards: Vec<SectionCard> = self.site.sections[0]
            .subsections
            .iter()
            .map(|&i| self.card(i, 0))
            .collect();
        ctx.insert("sections", &cards);
        let html = self.theme.render("404.html", &ctx)?;
        Ok(OutputFile {
            path: "404.html".to_owned(),
            bytes: html.into_bytes(),
        })
    }

    fn alias_page(&self, alias: &str, target: &str) -> OutputFile {
        let (path, from) = if alias.ends_with(".html") {
            (alias.to_owned(), alias.to_owned())
        } else {
            (paths::page_file(alias), alias.to_owned())
        };
        let href = escape::html(&paths::relative_url(&from, target));
        let canonical = self
            .permalink(target)
            .map(|p| format!("<link rel=\"canonical\" href=\"{}\">\n", escape::html(&p)))
            .unwrap_or_default();
        let html = format!(
            "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{text}</title>\n\
             {canonical}<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n\
             </head>\n<body>\n<p>{text} <a href=\"{href}\">{href}</a></p>\n</body>\n</html>\n",
            lang = escape::html(&self.site.config.language),
            text = escape::html(self.strings["redirecting"]),
        );
        OutputFile {
            path,
            bytes: html.into_bytes(),
        }
    }

    fn jsonld_website(&self) -> String {
        let mut v = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": self.site.config.title,
            "inLanguage": self.site.config.language,
        });
        if let Some(p) = self.permalink("") {
            v["url"] = p.into();
        }
        escape::json_for_script(&v)
    }

    fn breadcrumb_list(&self, crumbs: &[LinkView], title: &str, url: &str) -> serde_json::Value {
        let items: Vec<serde_json::Value> = crumbs
            .iter()
            .map(|c| (c.title.as_str(), c.url.as_str()))
            .chain((!crumbs.iter().any(|c| c.url == url)).then_some((title, url)))
            .enumerate()
            .map(|(i, (name, u))| {
                let mut item =
                    serde_json::json!({"@type": "ListItem", "position": i + 1, "name": name});
                if let Some(p) = self.permalink(u) {
                    item["item"] = p.into();
                }
                item
            })
            .collect();
        serde_json::json!({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
    }

    fn jsonld_breadcrumbs(&self, crumbs: &[LinkView], title: &str, url: &str) -> String {
        escape::json_for_script(&self.breadcrumb_list(crumbs, title, url))
    }

    fn jsonld_article(&self, a: &Article, crumbs: &[LinkView]) -> String {
        let f = &a.source;
        let mut article = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": f.title,
            "description": a.description(),
            "inLanguage": self.site.config.language,
            "publisher": {"@type": "Organization", "name": self.site.config.title},
        });
        if let Some(d) = f.date {
            article["datePublished"] = d.at.to_rfc3339().into();
        }
        if let Some(d) = f.updated.or(f.date) {
            article["dateModified"] = d.at.to_rfc3339().into();
        }
        if let Some(p) = self.permalink(&a.url) {
            article["mainEntityOfPage"] = p.clone().into();
            article["url"] = p.into();
        }
        if !f.front.tags.is_empty() {
            article["keywords"] = f.front.tags.join(", ").into();
        }
        let list = serde_json::Value::Array(vec![
            article,
            self.breadcrumb_list(crumbs, &f.title, &a.url),
        ]);
        escape::json_for_script(&list)
    }
}
