//! Aliases: the old URLs, from each article's front matter, that redirect to it.

use super::Article;
use crate::error::{Diagnostic, Diagnostics, display_path};
use crate::paths::path_problem;

/// An old URL that redirects to an article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Alias {
    /// Relative to the site root: a folder URL (`old/guide/`) or a file (`old/guide.html`).
    pub path: String,
    /// The article's URL.
    pub target: String,
    /// As written in the front matter, for messages.
    pub written: String,
    /// Index of the article whose front matter lists it.
    pub article: usize,
}

impl Alias {
    /// The file its redirect page is written to.
    pub fn output_path(&self) -> String {
        if self.path.ends_with(".html") {
            self.path.clone()
        } else {
            crate::paths::page_file(&self.path)
        }
    }
}

/// Aliases: old URLs that redirect, sorted by path. Which of them collide with a page or with
/// each other is for `claims` to tell, with every other output path.
/// `base_path`: the path of `base_url` (`help/` for `https://x.github.io/help/`), if not the
/// domain root.
pub(super) fn aliases(
    articles: &[Article],
    warn: bool,
    base_path: Option<&str>,
    diags: &mut Diagnostics,
) -> Vec<Alias> {
    let mut aliases = Vec::new();
    for (idx, a) in articles.iter().enumerate() {
        // Every message about an alias points at the article's `aliases` line.
        let at_aliases = |d: Diagnostic| {
            d.in_file(&a.source.shown)
                .at_line(a.source.key_line("aliases"))
        };
        for alias in &a.source.front.aliases {
            let path = alias.trim().trim_start_matches('/').to_owned();
            // Copied from the address bar of a site under a sub-path, an old URL starts with
            // that path, and would be published one level too deep (/help/help/old/x/).
            // (`/help` alone, or `/help/`, is the site's own address: no old URL to keep.)
            let own = |b: &&str| {
                alias.trim().starts_with('/')
                    && (path.starts_with(b) || path == b.trim_end_matches('/'))
            };
            if let Some(base) = base_path.filter(own) {
                let rest = path.get(base.len()..).unwrap_or_default();
                diags.push(at_aliases(
                    Diagnostic::warning(format!(
                        "alias `{alias}` starts with the site's own path `/{base}` (from base_url): it is published at /{base}{path}"
                    ))
                    .hint(if rest.is_empty() {
                        "it is the site's own address, which no old URL needs: remove it".to_owned()
                    } else {
                        format!("aliases are paths under the site: write `{rest}`")
                    }),
                ));
            }
            // `https://help.example.com/old/`: copied whole from the address bar. Its path is
            // what the alias means, but the host may be another site's: named, not guessed.
            if let Some((scheme, rest)) = alias.split_once("://")
                && !scheme.is_empty()
                && scheme.chars().all(|c| c.is_ascii_alphabetic())
            {
                let path = rest.split_once('/').map_or("", |(_, p)| p);
                diags.push(at_aliases(
                    Diagnostic::error(format!(
                        "alias `{alias}` is a whole URL: an alias is a path of this site"
                    ))
                    .hint(format!(
                        "write its path from the site root: `{}`",
                        if path.is_empty() {
                            "old/close-guide/"
                        } else {
                            path
                        }
                    )),
                ));
                continue;
            }
            // `old.php?id=3`, `faq#refund`: a static host answers for the path alone, so no
            // file can stand for what follows; the folder written would be reached by no URL.
            if path.contains(['?', '#']) {
                diags.push(at_aliases(
                    Diagnostic::warning(format!(
                        "alias `{alias}` holds a `?` or `#`, which a static host does not see: it cannot redirect"
                    ))
                    .hint("write the old URL's path alone (`old.php`), or remove the alias"),
                ));
                continue;
            }
            // Copied from the address bar, an old URL is percent-encoded (`old%20page/`,
            // `%E6%97%A7/`); a static host decodes a request before it looks for the file, so
            // the folder written is the decoded path, checked as any other (`%2e%2e` is `..`).
            let decoded = crate::paths::percent_decode(&path);
            if decoded.contains('\u{FFFD}') && !path.contains('\u{FFFD}') {
                diags.push(at_aliases(
                    Diagnostic::error(format!(
                        "alias `{alias}` has `%` escapes that are not a character (cut short, or not UTF-8)"
                    ))
                    .hint("copy the old URL whole, or write its name as it is (`旧/`)"),
                ));
                continue;
            }
            let path = decoded;
            if let Some(problem) = path_problem(&path) {
                diags.push(at_aliases(
                    Diagnostic::error(format!(
                        "alias `{alias}` is not a path inside the site: it holds {problem}"
                    ))
                    .hint(if problem == crate::paths::TOO_LONG {
                        "shorten the name: each part of an alias names a folder of the output"
                    } else {
                        "write old URLs as paths from the site root, e.g. `old/close-guide/`"
                    }),
                ));
                continue;
            }
            let path = if path.ends_with(".html") || path.ends_with('/') {
                path
            } else {
                format!("{path}/")
            };
            // Hugo sites list a page's own URL among its aliases when it moved and moved back
            // (Dapr's docs do): there is nothing to redirect, and no other page is at stake. One
            // that differs only by case (`/A/` for `a/`) would replace the page on macOS and
            // Windows disks and in a zip file.
            if path.to_lowercase() == a.url.to_lowercase() {
                diags.push(at_aliases(
                    Diagnostic::warning(format!(
                        "alias `{alias}` is this article's own URL: there is nothing to redirect"
                    ))
                    .hint("remove it from `aliases`"),
                ));
                continue;
            }
            aliases.push(Alias {
                path,
                target: a.url.clone(),
                written: alias.clone(),
                article: idx,
            });
        }
    }
    aliases.sort();
    // Listed twice for one article: one redirect. For two articles, `claims` reports both —
    // or, in a first migration (`links: warn`), the first keeps it and a warning says so.
    aliases.dedup_by(|b, a| a.path == b.path && a.target == b.target);
    if warn {
        let mut kept: Vec<Alias> = Vec::with_capacity(aliases.len());
        for alias in aliases {
            match kept.last().filter(|k| k.path == alias.path) {
                Some(first) => {
                    let this = &articles[alias.article].source;
                    diags.push(
                        Diagnostic::error(format!("alias `{}` is used twice", alias.written))
                            .in_file(&this.shown)
                            .at_line(this.key_line("aliases"))
                            .note(format!(
                                "{} has it too, and keeps it",
                                display_path(&articles[first.article].source.shown)
                            ))
                            .hint("keep the alias on one article only")
                            .into_link_warning(),
                    );
                }
                None => kept.push(alias),
            }
        }
        return kept;
    }
    aliases
}
