//! Links and images: a relative `.md` link becomes the relative URL of its article, an asset's
//! path its output path, a `/root/` URL a relative one; every internal link is recorded with its
//! line for the link check, and a link to no article is reported here.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag};

use super::{PageContext, Writer};
use crate::error::{Diagnostic, Diagnostics};
use crate::paths::{href, is_external, join_rel, percent_decode, relative_url};
use crate::site::{LinkMap, Missing};

/// An internal link found in a page, checked once every page is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// File line of the link.
    pub line: usize,
    /// As written, for messages.
    pub written: String,
    /// What it points at.
    pub target: LinkTarget,
}

/// What an internal link points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// `#anchor` on the same page.
    SamePage {
        /// The id, percent-decoded.
        anchor: String,
    },
    /// A `.md` link resolved to a page, with an optional anchor to check.
    Page {
        /// The target's path under `content/`.
        content_path: String,
        /// The id after `#`, percent-decoded.
        anchor: Option<String>,
    },
    /// A `/root/relative/` URL: must be a page URL or an output file.
    SiteUrl {
        /// The URL without its leading `/`, percent-decoded.
        url: String,
    },
}

impl<'e> Writer<'e, '_> {
    /// A link or image starts: its destination is rewritten.
    pub(super) fn link(&mut self, event: &Event<'e>, range: &Range<usize>) {
        let line = self.line_of(range.start);
        let (page, links) = (self.page, self.links);
        let mut rewrite = |dest: &CowStr<'e>| {
            rewrite_link(
                dest,
                page,
                links,
                line,
                &mut self.out.links,
                &mut self.diags,
            )
        };
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type: *link_type,
                dest_url: rewrite(dest_url),
                title: title.clone(),
                id: id.clone(),
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type: *link_type,
                dest_url: rewrite(dest_url),
                title: title.clone(),
                id: id.clone(),
            }),
            other => other.clone(),
        };
        self.emit(event);
    }
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
            return suffix(href(&relative_url(page.url, url)));
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
        return suffix(href(&relative_url(page.url, output)));
    }
    dest.clone()
}
