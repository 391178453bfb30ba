//! Structured data for search engines (schema.org JSON-LD): `WebSite` on the home page,
//! `BreadcrumbList` on sections, `Article` with its breadcrumbs on articles.

use super::Ctx;
use super::views::LinkView;
use crate::escape;

impl Ctx<'_> {
    pub(super) fn jsonld_website(&self) -> String {
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

    pub(super) fn breadcrumb_list(
        &self,
        crumbs: &[LinkView],
        title: &str,
        url: &str,
    ) -> serde_json::Value {
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

    pub(super) fn jsonld_breadcrumbs(&self, crumbs: &[LinkView], title: &str, url: &str) -> String {
        escape::json_for_script(&self.breadcrumb_list(crumbs, title, url))
    }

    pub(super) fn jsonld_article(&self, idx: usize, crumbs: &[LinkView]) -> String {
        let a = &self.site.articles[idx];
        let f = &a.source;
        let mut article = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": f.title,
            "description": self.derived.parsed.description(self.site, idx),
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
