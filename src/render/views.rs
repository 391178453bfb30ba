//! The views templates see: small serializable structs with URLs relative to the site root,
//! never the site model itself.

use serde::{Serialize, Serializer};

use super::Ctx;
use crate::config::Contact;
use crate::markdown::TocEntry;
use crate::related::{Reason, RelatedEntry, Target};
use crate::site::{Article, Site};
use crate::{paths, yaml};

/// Serializes a site URL as templates write it into `href`: reserved characters escaped (see
/// [`paths::href`]). Views keep the URL as it is, so the code comparing URLs sees one form.
pub(super) fn href<S: Serializer, T: AsRef<str>>(url: &T, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&paths::href(url.as_ref()))
}

#[derive(Serialize, Clone)]
pub(super) struct LinkView {
    pub(super) title: String,
    #[serde(serialize_with = "href")]
    pub(super) url: String,
}

#[derive(Serialize, Clone)]
pub(super) struct DateView {
    pub(super) display: String,
    pub(super) iso: String,
}

#[derive(Serialize, Clone)]
pub(super) struct ArticleItem {
    pub(super) title: String,
    /// The shorter title navigation lists use (`nav_title`, a navigation file's label).
    pub(super) nav_title: String,
    #[serde(serialize_with = "href")]
    pub(super) url: String,
    pub(super) description: String,
    pub(super) section: String,
    pub(super) date: Option<DateView>,
    pub(super) updated: Option<DateView>,
    pub(super) current: bool,
}

/// A related article and why it is there.
#[derive(Serialize)]
pub(super) struct RelatedView {
    pub(super) title: String,
    #[serde(serialize_with = "href")]
    pub(super) url: String,
    pub(super) section: String,
    pub(super) reason: String,
    pub(super) score: f64,
    pub(super) pinned: bool,
}

#[derive(Serialize)]
pub(super) struct SectionCard {
    pub(super) title: String,
    #[serde(serialize_with = "href")]
    pub(super) url: String,
    pub(super) description: String,
    pub(super) count: usize,
    pub(super) articles: Vec<ArticleItem>,
    pub(super) more: bool,
}

#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) language: &'a str,
    pub(super) base_url: Option<&'a str>,
    pub(super) nav: Vec<LinkView>,
    /// More sections exist than the header shows; it links to the home page's full list.
    pub(super) nav_more: bool,
    pub(super) contact: Option<&'a Contact>,
    pub(super) footer: Option<&'a str>,
    pub(super) feedback_url: Option<&'a str>,
    /// Whether articles ask "was this helpful?": not with `feedback: false`, and not when the
    /// answer would go nowhere and no contact is given either.
    pub(super) feedback: bool,
    /// The hint in the home page's search box (`search.placeholder`).
    pub(super) search_placeholder: Option<&'a str>,
    pub(super) has_feed: bool,
    /// Some article has tags: the footer links the tag index only then.
    pub(super) has_tags: bool,
    pub(super) style: String,
    pub(super) script: String,
    pub(super) search_script: String,
    pub(super) search_shards: usize,
    pub(super) favicon: String,
    pub(super) favicon_type: &'static str,
    pub(super) extra: &'a yaml::Mapping,
}

#[derive(Serialize)]
pub(super) struct PageView<'a> {
    pub(super) kind: &'static str,
    pub(super) title: &'a str,
    /// The shorter title of breadcrumbs and navigation (`nav_title`), else the title.
    pub(super) nav_title: &'a str,
    /// The title as inline HTML, for the page's `<h1>`.
    pub(super) title_html: String,
    /// The `<h1>`'s id, when the title's heading gave one.
    pub(super) title_id: Option<&'a str>,
    pub(super) description: &'a str,
    #[serde(serialize_with = "href")]
    pub(super) url: &'a str,
    pub(super) permalink: Option<String>,
    pub(super) content: &'a str,
    pub(super) toc: &'a [TocEntry],
    pub(super) date: Option<DateView>,
    pub(super) updated: Option<DateView>,
    pub(super) tags: Vec<LinkView>,
    pub(super) section: Option<LinkView>,
    pub(super) breadcrumbs: Vec<LinkView>,
    pub(super) extra: Option<&'a serde_json::Map<String, serde_json::Value>>,
}

impl Ctx<'_> {
    pub(super) fn item(&self, idx: usize, current: Option<usize>) -> ArticleItem {
        let a: &Article = &self.site.articles[idx];
        ArticleItem {
            title: a.source.title.clone(),
            nav_title: a.nav_title().to_owned(),
            url: a.url.clone(),
            description: self.derived.parsed.description(self.site, idx).to_owned(),
            section: self.site.sections[a.section].title.clone(),
            date: self.date(a.source.date),
            updated: self.date(a.source.updated),
            current: current == Some(idx),
        }
    }

    pub(super) fn card(&self, idx: usize, limit: usize) -> SectionCard {
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

    pub(super) fn related_views(&self, list: Option<&Vec<RelatedEntry>>) -> Vec<RelatedView> {
        let sep = self.locale.text("list_separator");
        list.into_iter()
            .flatten()
            .map(|r| {
                let (title, url, section) = related_page(self.site, r.target);
                // The strongest reason, and the tags both carry, which say much to a reader.
                let tags = format!(
                    "{}{}",
                    self.locale.text("reason_tags"),
                    r.shared_tags.join(sep)
                );
                let first = match r.reason {
                    Reason::Pinned => "reason_pinned",
                    Reason::Tags => "",
                    Reason::Linked => "reason_linked",
                    Reason::Cited => "reason_cited",
                    Reason::Section => "reason_section",
                    Reason::Text => "reason_text",
                    Reason::Overview => "reason_overview",
                };
                // An editor's pick needs no other reason.
                let reason = match (first, r.shared_tags.is_empty() || r.pinned) {
                    ("", _) => tags,
                    (key, true) => self.locale.text(key).to_owned(),
                    (key, false) => format!("{} · {tags}", self.locale.text(key)),
                };
                RelatedView {
                    title: title.to_owned(),
                    url: url.to_owned(),
                    section: section.to_owned(),
                    reason,
                    score: r.score,
                    pinned: r.pinned,
                }
            })
            .collect()
    }
}

/// A related entry's page: title, URL and the section it is in (for an overview page, the
/// section above its own; "" at the top).
pub(super) fn related_page(site: &Site, target: Target) -> (&str, &str, &str) {
    match target {
        Target::Article(b) => {
            let b = &site.articles[b];
            (&b.source.title, &b.url, &site.sections[b.section].title)
        }
        Target::Section(s) => {
            let s = &site.sections[s];
            let above = s
                .parent
                .filter(|&p| site.sections[p].parent.is_some())
                .map_or("", |p| site.sections[p].title.as_str());
            (&s.title, &s.url, above)
        }
    }
}
