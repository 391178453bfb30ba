//! Markdown files that are no pages of their own: pieces other pages include (Docusaurus's
//! `_install.mdx`, anything under a `_folder/`, as Docusaurus and Jekyll leave them out) and
//! Docsify's `_navbar.md` and `_coverpage.md`. Published, they were pages without a title (a
//! build error) or stray fragments; they are left out, with one note that counts them.

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Diagnostics};

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

/// Leaves the partials out of `markdown` ((path, content path)), with a note on `content`.
pub fn leave_out(
    markdown: &mut Vec<(PathBuf, String)>,
    content: &Path,
    published: &[String],
    diags: &mut Diagnostics,
) {
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
