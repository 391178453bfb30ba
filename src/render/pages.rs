//! One method per kind of page: each builds its views and renders its template.

use serde::Serialize;

use super::views::{ArticleItem, LinkView, PageView, RelatedView, SectionCard, href};
use super::{Ctx, HOME_ARTICLES_PER_SECTION, SIBLING_WINDOW};
use crate::collate::SortKey;
use crate::error::Diagnostic;
use crate::output::OutputFile;
use crate::site::Alias;
use crate::{escape, paths};

impl Ctx<'_> {
    pub(super) fn home(&self) -> Result<OutputFile, Diagnostic> {
        let s = &self.site.sections[0];
        let view = PageView {
            kind: "home",
            title: &self.site.config.title,
            nav_title: &self.site.config.title,
            title_html: escape::html(&self.site.config.title),
            title_id: None,
            description: if s.description.is_empty() {
                &self.site.config.description
            } else {
                &s.description
            },
            url: "",
            permalink: self.permalink(""),
            content: &self.derived.parsed.sections[0].html,
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
            .featured_paths()
            .into_iter()
            .filter_map(|p| self.site.article_by_path(p))
            .map(|i| self.item(i, None))
            .collect();
        let loose: Vec<ArticleItem> = s.articles.iter().map(|&i| self.item(i, None)).collect();
        ctx.insert("sections", &cards);
        ctx.insert("featured", &featured);
        ctx.insert("articles", &loose);
        ctx.insert("jsonld", &self.jsonld_website());
        self.finish(self.template_of(s.source.as_ref(), "index.html"), "", &ctx)
    }

    pub(super) fn section(&self, idx: usize) -> Result<OutputFile, Diagnostic> {
        let s = &self.site.sections[idx];
        let crumbs = self.breadcrumbs(idx);
        let view = PageView {
            kind: "section",
            title: &s.title,
            nav_title: s.nav_title(),
            title_html: s
                .source
                .as_ref()
                .filter(|f| f.title == s.title)
                .map_or_else(|| escape::html(&s.title), |f| f.title_html.clone()),
            title_id: s.source.as_ref().and_then(|f| f.title_id.as_deref()),
            description: &s.description,
            url: &s.url,
            permalink: self.permalink(&s.url),
            content: &self.derived.parsed.sections[idx].html,
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
            "related",
            &self.related_views(self.derived.related.sections.get(idx)),
        );
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

    pub(super) fn article(&self, idx: usize) -> Result<OutputFile, Diagnostic> {
        let a = &self.site.articles[idx];
        let f = &a.source;
        let section = &self.site.sections[a.section];
        let crumbs = self.breadcrumbs(a.section);
        let show_toc = f.front.toc.unwrap_or(true);
        let parsed = &self.derived.parsed.articles[idx];
        let view = PageView {
            kind: "article",
            title: &f.title,
            nav_title: a.nav_title(),
            title_html: f.title_html.clone(),
            title_id: f.title_id.as_deref(),
            description: self.derived.parsed.description(self.site, idx),
            url: &a.url,
            permalink: self.permalink(&a.url),
            content: &parsed.html,
            toc: if show_toc { &parsed.toc } else { &[] },
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
        ctx.insert(
            "related",
            &self.related_views(self.derived.related.articles.get(idx)),
        );
        ctx.insert("jsonld", &self.jsonld_article(idx, &crumbs));
        self.finish(self.template_of(Some(f), "article.html"), &a.url, &ctx)
    }

    /// The related-articles index: every article with its related ones, grouped by section.
    pub(super) fn related_index(&self) -> Result<OutputFile, Diagnostic> {
        #[derive(Serialize)]
        struct Entry {
            title: String,
            #[serde(serialize_with = "href")]
            url: String,
            related: Vec<RelatedView>,
        }
        #[derive(Serialize)]
        struct Group {
            title: String,
            #[serde(serialize_with = "href")]
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
                            related: self.related_views(self.derived.related.articles.get(i)),
                        })
                        .collect(),
                }
            })
            .collect();
        let view = self.simple_view("related", self.locale.text("related_index"), "related/");
        let mut ctx = self.page_ctx("related/", &view);
        ctx.insert("groups", &groups);
        self.finish("related.html", "related/", &ctx)
    }

    pub(super) fn tags(&self) -> Result<OutputFile, Diagnostic> {
        let view = self.simple_view("tags", self.locale.text("all_tags"), "tags/");
        let mut ctx = self.page_ctx("tags/", &view);
        #[derive(Serialize)]
        struct TagItem<'a> {
            name: &'a str,
            #[serde(serialize_with = "href")]
            url: &'a str,
            count: usize,
        }
        let mut tags: Vec<(SortKey, TagItem)> = self
            .site
            .tags
            .values()
            .map(|t| {
                let item = TagItem {
                    name: &t.name,
                    url: &t.url,
                    count: t.articles.len(),
                };
                (self.locale.title_key(&t.name), item)
            })
            .collect();
        // As the reader looks for them: by pinyin on a Chinese site, not by URL slug.
        tags.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.url.cmp(b.1.url)));
        let tags: Vec<TagItem> = tags.into_iter().map(|t| t.1).collect();
        ctx.insert("tags", &tags);
        self.finish("tags.html", "tags/", &ctx)
    }

    pub(super) fn tag(&self, key: &str) -> Result<OutputFile, Diagnostic> {
        let tag = &self.site.tags[key];
        let mut view = self.simple_view("tag", &tag.name, &tag.url);
        view.breadcrumbs.push(LinkView {
            title: self.locale.text("tags").to_owned(),
            url: "tags/".to_owned(),
        });
        let mut ctx = self.page_ctx(&tag.url, &view);
        let articles: Vec<ArticleItem> = tag.articles.iter().map(|&i| self.item(i, None)).collect();
        ctx.insert("articles", &articles);
        self.finish("tag.html", &tag.url, &ctx)
    }

    pub(super) fn not_found(&self) -> Result<OutputFile, Diagnostic> {
        let view = self.simple_view("404", self.locale.text("not_found_title"), "404.html");
        let mut ctx = self.page_ctx("", &view);
        // A host serves 404.html at whatever URL was asked for, where relative links would
        // break; with a base_url the links are absolute paths instead.
        if let Some(base) = &self.site.config.base_url {
            let path = base
                .splitn(4, '/')
                .nth(3)
                .map_or("/".to_owned(), |p| format!("/{p}"));
            ctx.insert("root", &path);
        } else {
            ctx.insert("find_root", &true);
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

    pub(super) fn alias_page(&self, alias: &Alias) -> OutputFile {
        let target = alias.target.as_str();
        let canonical = self
            .permalink(target)
            .map(|p| format!("<link rel=\"canonical\" href=\"{}\">\n", escape::html(&p)))
            .unwrap_or_default();
        // Opened from disk, a folder URL shows the folder's listing, not its index.html: the
        // theme's script mends links on other pages, and this one goes there itself, before the
        // refresh below does.
        let relative = paths::href(&paths::relative_url(&alias.path, target));
        let href = escape::html(&relative);
        let on_disk = match relative.split_once('#') {
            Some((path, fragment)) if path.ends_with('/') || path.is_empty() => {
                format!("{path}index.html#{fragment}")
            }
            Some(_) => relative.clone(),
            None if relative.ends_with('/') || relative.is_empty() => {
                format!("{relative}index.html")
            }
            None => relative.clone(),
        };
        let on_disk = serde_json::to_string(&on_disk)
            .unwrap_or_default()
            .replace('<', "\\u003c");
        let html = format!(
            "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
             {canonical}<meta name=\"robots\" content=\"noindex\">\n\
             <script>if (location.protocol === \"file:\") location.replace({on_disk});</script>\n\
             <meta http-equiv=\"refresh\" content=\"0; url={href}\">\n\
             </head>\n<body>\n<p>{text} <a href=\"{href}\">{href}</a></p>\n</body>\n</html>\n",
            lang = escape::html(&self.site.config.language),
            text = escape::html(self.locale.text("redirecting")),
            title = escape::html(self.locale.text("moved")),
        );
        OutputFile {
            path: alias.output_path(),
            bytes: html.into_bytes(),
        }
    }
}
