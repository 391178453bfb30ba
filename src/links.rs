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
        .chain(["tags/"])
        .collect();
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
        LinkTarget::Page { anchor: None, .. } => None,
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
    if anchor.is_empty() || target.ids.contains(anchor) {
        return None;
    }
    let mut ids: Vec<&str> = target.ids.iter().map(String::as_str).collect();
    ids.sort_unstable();
    let hint = match suggest(anchor, &ids) {
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
