//! The link check: every internal link and anchor must resolve, once every page is parsed.
//!
//! Links to missing `.md` files are found while rendering Markdown (the target is unknown there);
//! anchors need the target's heading ids, so they are checked here, after all pages are parsed.

use std::collections::{HashMap, HashSet};

use crate::error::{Diagnostic, Diagnostics, suggest};
use crate::markdown::{LinkRef, LinkTarget, Parsed, Rendered};
use crate::site::Site;

/// Checks the links of every page. `files` holds the output paths of non-page files (static
/// files, assets) that `/root-relative` links may point at.
pub fn check(site: &Site, parsed: &Parsed, files: &HashSet<String>) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let page_urls: HashSet<&str> = site
        .articles
        .iter()
        .map(|a| a.url.as_str())
        .chain(site.sections.iter().map(|s| s.url.as_str()))
        .chain(site.tags.values().map(|t| t.url.as_str()))
        .chain(["", "tags/", "search/", "related/"])
        .collect();
    let warn = site.config.links == crate::config::LinkPolicy::Warn;
    let pages = site
        .articles
        .iter()
        .zip(&parsed.articles)
        .map(|(a, r)| (&a.source, r))
        .chain(
            site.sections
                .iter()
                .zip(&parsed.sections)
                .filter_map(|(s, r)| s.source.as_ref().map(|f| (f, r))),
        );
    let by_path: HashMap<&str, &Rendered> =
        pages.clone().map(|(f, r)| (f.rel.as_str(), r)).collect();
    for (file, rendered) in pages {
        for link in &rendered.links {
            if let Some(d) = check_one(&by_path, rendered, link, &page_urls, files) {
                let d = if warn { d.into_link_warning() } else { d };
                diags.push(d.in_file(&file.shown).at_line(link.line));
            }
        }
    }
    diags
}

fn check_one(
    by_path: &HashMap<&str, &Rendered>,
    own: &Rendered,
    link: &LinkRef,
    page_urls: &HashSet<&str>,
    files: &HashSet<String>,
) -> Option<Diagnostic> {
    match &link.target {
        LinkTarget::SamePage { anchor } => missing_anchor(own, anchor, &link.written, "this page"),
        LinkTarget::Page {
            content_path,
            anchor: Some(anchor),
        } => {
            let target = by_path.get(content_path.as_str())?;
            missing_anchor(
                target,
                anchor,
                &link.written,
                &format!("content/{content_path}"),
            )
        }
        LinkTarget::Page { anchor: None, .. } | LinkTarget::Asset { .. } => None,
        LinkTarget::SiteUrl { url } => {
            let page = if url.is_empty() || url.ends_with('/') {
                url.clone()
            } else {
                format!("{url}/")
            };
            let ok = page_urls.contains(page.as_str())
                || files.contains(url.as_str())
                || files.contains(&format!("{page}index.html"));
            (!ok).then(|| {
                Diagnostic::error(format!("link to a missing page: `{}`", link.written))
                    .hint("no page or file has this URL; for articles prefer relative .md links, which are checked and rewritten")
            })
        }
    }
}

fn missing_anchor(
    target: &Rendered,
    anchor: &str,
    written: &str,
    where_: &str,
) -> Option<Diagnostic> {
    // `#:~:text=…` is a browser's text fragment, not an id.
    if anchor.is_empty() || anchor.starts_with(":~:") || target.ids.contains(anchor) {
        return None;
    }
    let mut ids: Vec<&str> = target.ids.iter().map(String::as_str).collect();
    // Headings' anchors first: the numbered steps' (`#step-3`) are rarely what a link meant.
    ids.sort_unstable_by_key(|i| (i.starts_with("step-"), *i));
    // An id the fragment holds whole (`#什么是-ru#什么是-ru`, a fragment pasted twice, or with a
    // suffix): what the link meant, before any near spelling.
    let held = ids
        .iter()
        .filter(|i| i.chars().count() >= 4 && anchor.contains(**i))
        .max_by_key(|i| i.len())
        .copied();
    let hint = match held.or_else(|| suggest(anchor, &ids)) {
        Some(near) => format!("did you mean `#{near}`?"),
        None if ids.is_empty() => format!("{where_} has no headings to link to"),
        None => format!(
            "the anchors of {where_} are: {}",
            ids.iter()
                .take(12)
                .map(|i| format!("#{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Some(Diagnostic::error(format!("link to a missing anchor: `{written}`")).hint(hint))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use crate::testing::{messages, parse, site};

    fn check(files: &[(&str, &str)], static_files: &[&str]) -> Vec<String> {
        let (s, d) = site(files);
        assert!(!d.has_errors(), "{d:?}");
        let (p, d) = parse(&s);
        assert!(!d.has_errors(), "{d:?}");
        let known: HashSet<String> = s
            .links
            .assets
            .values()
            .cloned()
            .chain(static_files.iter().map(|f| (*f).to_owned()))
            .collect();
        messages(&super::check(&s, &p, &known))
    }

    #[test]
    fn anchors_resolve_on_this_page_and_others() {
        let m = check(
            &[
                ("_index.md", "---\ntitle: 首页\n---\n"),
                ("a/_index.md", "---\ntitle: A\n---\n"),
                (
                    "a/x.md",
                    "---\ntitle: X\n---\n\n## 注意事项\n\n1. 一步\n\n[ok](#注意事项) [ok](#step-1) [bad](#注意事)\n\n[ok](y.md#还款) [bad](y.md#还钱) [ok](y.md#)\n",
                ),
                ("a/y.md", "---\ntitle: Y\n---\n\n## 还款\n"),
            ],
            &[],
        );
        assert_eq!(
            m,
            [
                "a/x.md:11: link to a missing anchor: `y.md#还钱`",
                "a/x.md:9: link to a missing anchor: `#注意事`",
            ]
        );
    }

    #[test]
    fn missing_anchor_hint_suggests_the_nearest() {
        let (s, _) = site(&[(
            "x.md",
            "---\ntitle: X\n---\n\n## 还清欠款\n\n[a](#还清欠)\n",
        )]);
        let (p, _) = parse(&s);
        let d = super::check(&s, &p, &HashSet::new());
        assert_eq!(d.0[0].hint.as_deref(), Some("did you mean `#还清欠款`?"));
        // A fragment pasted twice holds the anchor it meant; steps' anchors are listed last.
        let (s, _) = site(&[(
            "x.md",
            "---\ntitle: X\n---\n\n1. 一\n2. 二\n\n## 什么是 Request Unit (RU)\n\n[a](#什么是-request-unit-ru#什么是-request-unit-ru) [b](#完全不同)\n",
        )]);
        let (p, _) = parse(&s);
        let d = super::check(&s, &p, &HashSet::new());
        assert_eq!(
            d.0[0].hint.as_deref(),
            Some("did you mean `#什么是-request-unit-ru`?")
        );
        assert_eq!(
            d.0[1].hint.as_deref(),
            Some("the anchors of this page are: #什么是-request-unit-ru, #step-1, #step-2")
        );
    }

    #[test]
    fn root_relative_urls_must_be_a_page_or_file() {
        let m = check(
            &[
                ("a/_index.md", "---\ntitle: A\n---\n"),
                (
                    "a/x.md",
                    "---\ntitle: X\ntags: [安全]\n---\n\n[p](/a/) [p](/a/x) [t](/tags/安全/) [t](/tags/) [f](/style.css) [i](/a/i.png) [home](/)\n\n[bad](/a/nope/) [bad](/nope.css)\n",
                ),
                ("a/i.png", ""),
            ],
            &["style.css"],
        );
        assert_eq!(
            m,
            [
                "a/x.md:8: link to a missing page: `/a/nope/`",
                "a/x.md:8: link to a missing page: `/nope.css`",
            ]
        );
    }
}
