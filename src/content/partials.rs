//! Markdown files that are no pages of their own: pieces other pages include (Docusaurus's
//! `_install.mdx`, anything under a `_folder/`, as Docusaurus and Jekyll leave them out) and
//! Docsify's `_navbar.md` and `_coverpage.md`. Published, they were pages without a title (a
//! build error) or stray fragments; they are left out, with one note that counts them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Diagnostics};
use crate::paths::{join_rel, markdown_path, parent_of};

/// Names beginning with `_` that are pages or navigation here.
const OWN: &[&str] = &["_index.md", "_sidebar.md"];

/// Whether the Markdown file at `rel` is a piece of other pages rather than a page. A top
/// folder of `published` (Jekyll's `_posts`, its collections) holds pages.
fn is_partial(rel: &str, published: &[String]) -> bool {
    let mut segments = rel.split('/').peekable();
    if segments
        .peek()
        .is_some_and(|first| published.iter().any(|p| p == first) && rel.contains('/'))
    {
        segments.next();
    }
    while let Some(seg) = segments.next() {
        let last = segments.peek().is_none();
        if seg.starts_with('_') && !(last && OWN.contains(&seg)) {
            return true;
        }
    }
    false
}

/// The content paths of the Markdown files an MDX page imports as a component (`import Part
/// from '../fragments/part.mdx'`): on an Rspress site, its fragments, kept out of its routes by
/// its config, pieces of the pages that show them (see `dialect::body::mdx`).
fn imported(markdown: &[(PathBuf, String)]) -> HashSet<String> {
    let mut out = HashSet::new();
    for (path, rel) in markdown.iter().filter(|(p, _)| super::is_mdx(p)) {
        let Ok(bytes) = super::read_source(path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        // Imports are lines of their own at the margin; one shown in a code block is code.
        let mut fence: Option<char> = None;
        for line in text.lines() {
            let t = line.trim_start();
            if let Some(c) = t.chars().next().filter(|c| matches!(c, '`' | '~')) {
                if t.starts_with(&c.to_string().repeat(3)) {
                    fence = match fence {
                        Some(open) if open == c => None,
                        Some(open) => Some(open),
                        None => Some(c),
                    };
                    continue;
                }
            }
            if fence.is_some() || !line.starts_with("import ") {
                continue;
            }
            let Some((_, to)) = crate::content::dialect::body::imported_page(line) else {
                continue;
            };
            let from = if to.starts_with('/') {
                ""
            } else {
                parent_of(rel)
            };
            // A page that imports itself is still a page.
            if let Some(target) = join_rel(from, to)
                .and_then(|t| markdown_path(&t))
                .filter(|t| t != rel)
            {
                out.insert(target);
            }
        }
    }
    out
}

/// Leaves the partials out of `markdown` ((path, content path)), with a note on `content`; the
/// pages MDX pages import too when `imports_are_pieces` (an Rspress site).
pub fn leave_out(
    markdown: &mut Vec<(PathBuf, String)>,
    content: &Path,
    published: &[String],
    imports_are_pieces: bool,
    diags: &mut Diagnostics,
) {
    let imported = if imports_are_pieces {
        imported(markdown)
    } else {
        HashSet::new()
    };
    let before = markdown.len();
    markdown.retain(|(_, rel)| !imported.contains(rel));
    let pieces = before - markdown.len();
    if pieces > 0 {
        diags.push(
            Diagnostic::info(format!(
                "{pieces} Markdown file{} that MDX pages import {} left out: {} where {} imported",
                if pieces == 1 { "" } else { "s" },
                if pieces == 1 { "is" } else { "are" },
                if pieces == 1 { "it shows" } else { "they show" },
                if pieces == 1 { "it is" } else { "they are" },
            ))
            .in_file(content)
            .hint("a page others import is a piece of them, not a page: Rspress keeps such files out of its routes"),
        );
    }
    let before = markdown.len();
    markdown.retain(|(_, rel)| !is_partial(rel, published));
    let left = before - markdown.len();
    if left > 0 {
        diags.push(
            Diagnostic::info(format!(
                "{left} Markdown file{} named with a leading `_` (or in a `_` folder) {} left out: such files are pieces other pages include, not pages",
                if left == 1 { "" } else { "s" },
                if left == 1 { "is" } else { "are" },
            ))
            .in_file(content)
            .hint("rename a file without the leading `_` to publish it as an article"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_partial;

    #[test]
    fn which_files_are_pieces_of_others() {
        for rel in [
            "_install.md",
            "guide/_partial.md",
            "_includes/a.md",
            "a/_b/c.md",
            "_navbar.md",
            "_coverpage.md",
        ] {
            assert!(is_partial(rel, &[]), "{rel}");
        }
        for rel in [
            "_index.md",
            "a/_index.md",
            "_sidebar.md",
            "a/b.md",
            "a_b/c_.md",
            "a/_index.md/x.md",
        ] {
            assert_eq!(is_partial(rel, &[]), rel == "a/_index.md/x.md", "{rel}");
        }
        // Jekyll's published folders hold pages; what is in a `_` folder of theirs does not.
        let published = ["_posts".to_owned(), "_docs".to_owned()];
        for (rel, partial) in [
            ("_docs/a.md", false),
            ("_posts/2013-05-06-a.markdown", false),
            ("_docs/_x/a.md", true),
            ("_includes/a.md", true),
            ("_docs", true),
            ("a/_docs/b.md", true),
        ] {
            assert_eq!(is_partial(rel, &published), partial, "{rel}");
        }
    }
}
