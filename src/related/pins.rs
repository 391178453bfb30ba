//! Pins: the articles a page's `related` front matter names, listed first.

use crate::content::SourceFile;
use crate::error::{Diagnostic, Diagnostics};
use crate::paths::join_rel;
use crate::site::{Missing, Site};

/// Every article's and every section page's `related` pins (paths under `content/`, or
/// relative to the file) as article indices; a pin to nothing is an error naming the file and
/// the pin.
pub(super) fn resolve_pins(site: &Site) -> (Vec<Vec<usize>>, Vec<Vec<usize>>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let articles = (site.articles.iter().enumerate())
        .map(|(i, a)| pins_of(site, &a.source, Some(i), &mut diags))
        .collect();
    let sections = (site.sections.iter())
        .map(|s| match &s.source {
            Some(source) => pins_of(site, source, None, &mut diags),
            None => Vec::new(),
        })
        .collect();
    (articles, sections, diags)
}

/// The articles the page of `source` (article `own`, or a section's page) pins.
fn pins_of(
    site: &Site,
    source: &SourceFile,
    own: Option<usize>,
    diags: &mut Diagnostics,
) -> Vec<usize> {
    let mut out = Vec::new();
    for pin in &source.front.related {
        let p = pin
            .trim()
            .trim_start_matches('/')
            .trim_start_matches("content/");
        let found = (site.article_by_path(p))
            .or_else(|| join_rel(source.dir(), p).and_then(|j| site.article_by_path(&j)));
        match found {
            Some(j) if Some(j) == own => {}
            Some(j) => {
                if !out.contains(&j) {
                    out.push(j);
                }
            }
            None => {
                let what = match site.links.why_missing(p) {
                    None => continue,
                    Some(Missing::Draft) => "a draft",
                    Some(Missing::Absent) => "a missing article",
                };
                diags.push(
                    Diagnostic::error(format!("`related` pins {what}: `{pin}`"))
                        .in_file(&source.shown)
                        .at_line(source.key_line("related"))
                        .hint(
                            "write pins as paths under content/, e.g. `account/reset-password.md`",
                        ),
                );
            }
        }
    }
    out
}
