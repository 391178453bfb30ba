//! Links and images: a relative `.md` link becomes the relative URL of its article, an asset's
//! path its output path, a `/root/` URL a relative one; every internal link is recorded with its
//! line for the link check, and a link to no article is reported here.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag};

use super::{PageContext, Writer};
use crate::error::{Diagnostic, Diagnostics};
use crate::paths::{HUGO_REF, href, percent_decode, relative_url};
use crate::site::{LinkMap, Resolved};

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
    /// A file of `content/` (an image, an attachment): published because a page links to it.
    Asset {
        /// Its path under `content/`.
        content_path: String,
    },
    /// A `/root/relative/` URL: must be a page URL or an output file.
    SiteUrl {
        /// The URL without its leading `/`, percent-decoded.
        url: String,
    },
}

impl<'e> Writer<'e, '_> {
    /// A link or image starts: its destination is rewritten. One whose address runs script
    /// (`javascript:`) is left out, its text kept as text, with a warning; the End event of
    /// each link and image asks [`Writer::link_end`] whether it was.
    pub(super) fn link(&mut self, event: &Event<'e>, range: &Range<usize>) {
        let line = self.line_of(range.start);
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
            let scheme = script_scheme(dest_url);
            self.dropped_links.push(scheme.is_some());
            if let Some(scheme) = scheme {
                self.diags.push(
                    Diagnostic::warning(format!(
                        "a `{scheme}:` link runs code in the reader's browser: it is left out, its text kept"
                    ))
                    .at_line(line)
                    .hint("link to a page or a file; code a page needs goes in templates/, or in HTML written on purpose (`<a href=…>`)"),
                );
                return;
            }
        }
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
            // `<hello@vuejs.org>`: pulldown-cmark gives the address without its `mailto:`,
            // which the HTML writer adds. It is no path of the site.
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            }) => event.clone(),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (title, ignore) = docsify_options(title, links.docsify);
                Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: if ignore {
                        dest_url.clone()
                    } else {
                        rewrite(dest_url)
                    },
                    title,
                    id: id.clone(),
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type: *link_type,
                dest_url: rewrite(dest_url),
                title: docsify_options(title, links.docsify).0,
                id: id.clone(),
            }),
            other => other.clone(),
        };
        self.emit(event);
    }
}

impl<'e> Writer<'e, '_> {
    /// The end of a link or image: emitted unless its start was left out.
    pub(super) fn link_end(&mut self, event: &Event<'e>) {
        if !self.dropped_links.pop().unwrap_or(false) {
            self.emit(event.clone());
        }
    }
}

/// A link's or image's title on a Docsify site, where a title of `:` words is options
/// (`':ignore'`, `':size=50x100'`, `':target=_blank'`), not text to show as a tooltip: the title
/// without them, and whether `:ignore` asks for the link to be left as written (a page Docsify
/// does not serve, which no check should expect to find).
fn docsify_options<'e>(title: &CowStr<'e>, docsify: bool) -> (CowStr<'e>, bool) {
    let options = || title.split_whitespace();
    if !docsify || title.trim().is_empty() || !options().all(|w| w.starts_with(':')) {
        return (title.clone(), false);
    }
    (CowStr::from(""), options().any(|w| w == ":ignore"))
}

/// The scheme of a destination that runs script when followed (`javascript:alert(1)`, also
/// written `JavaScript:` or with the tabs and newlines browsers drop from a URL).
fn script_scheme(dest: &str) -> Option<&'static str> {
    let squeezed: String = dest
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript", "vbscript"]
        .into_iter()
        .find(|s| squeezed.strip_prefix(s).is_some_and(|r| r.starts_with(':')))
}

/// Rewrites one link or image destination, recording internal links for the link check.
pub(super) fn rewrite_link<'e>(
    dest: &CowStr<'e>,
    page: &PageContext,
    links: &LinkMap,
    line: usize,
    found: &mut Vec<LinkRef>,
    diags: &mut Diagnostics,
) -> CowStr<'e> {
    match rewrite(dest, page, links, line, found, diags) {
        Some(s) => CowStr::from(s),
        None => dest.clone(),
    }
}

/// The rewritten destination of `d`, or `None` to keep it as written.
pub(super) fn rewrite(
    d: &str,
    page: &PageContext,
    links: &LinkMap,
    line: usize,
    found: &mut Vec<LinkRef>,
    diags: &mut Diagnostics,
) -> Option<String> {
    // `]( https://…)` typed with a no-break space or a zero-width one (CommonMark trims only
    // ASCII spaces): the address as meant, and a warning naming the character.
    let padded = |c: char| c.is_whitespace() || crate::paths::invisible(c);
    let trimmed = d.trim_matches(padded);
    if trimmed.len() != d.len() && !trimmed.is_empty() {
        let c = d.chars().find(|&c| padded(c)).unwrap_or(' ');
        diags.push(
            Diagnostic::warning(format!(
                "the link's address `{trimmed}` has a character around it that shows as nothing (U+{:04X}): it is read without it",
                c as u32
            ))
            .at_line(line)
            .hint("delete the space or invisible character between `(` and the address, or after it"),
        );
        return rewrite(trimmed, page, links, line, found, diags)
            .or_else(|| Some(trimmed.to_owned()));
    }
    let t = links.resolve(d, page.src_dir, page.url);
    // A Hugo ref's mark is for the resolver only: what is kept or reported is its path.
    let hugo_ref = Some(d.trim_start_matches(HUGO_REF)).filter(|rest| rest.len() < d.len());
    let as_written = || hugo_ref.map(str::to_owned);
    let d = hugo_ref.unwrap_or(d);
    let mut record = |target: LinkTarget| {
        found.push(LinkRef {
            line,
            written: d.to_owned(),
            target,
        })
    };
    let url = match t.resolved {
        Resolved::External | Resolved::Failed => return as_written(),
        Resolved::Anchor(anchor) => {
            record(LinkTarget::SamePage { anchor });
            return as_written();
        }
        Resolved::Page { content_path, url } => {
            record(LinkTarget::Page {
                content_path,
                anchor: t.fragment.map(percent_decode),
            });
            url
        }
        Resolved::Asset {
            content_path,
            output,
        } => {
            record(LinkTarget::Asset { content_path });
            output
        }
        Resolved::SiteUrl(url) => {
            record(LinkTarget::SiteUrl { url: url.clone() });
            url
        }
        Resolved::Missing {
            what,
            looked_for,
            hint,
        } => {
            let looked = looked_for
                .map(|l| format!(" (looked for {l})"))
                .unwrap_or_default();
            let message = match hugo_ref {
                Some(path) => format!("{what}: `{{{{< ref \"{path}\" >}}}}`{looked}"),
                None => format!("{what}: `{d}`{looked}"),
            };
            let d = Diagnostic::error(message);
            let d = if page.links_warn {
                d.into_link_warning()
            } else {
                d
            };
            diags.push(d.at_line(line).hint(hint));
            return as_written();
        }
    };
    let mut s = href(&relative_url(page.url, &url));
    if let Some(q) = t.query {
        s.push('?');
        s.push_str(q);
    }
    if let Some(f) = t.fragment {
        s.push('#');
        s.push_str(f);
    }
    Some(s)
}
