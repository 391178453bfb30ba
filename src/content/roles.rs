//! What each Markdown file is, from its name and its folder: the home page, a folder's own page
//! (a section), a page bundle, or an article. Tools disagree on how a folder gets its page, so
//! every common way counts: `_index.md` (Hugo, Zola), `index.md` (VitePress, Docusaurus, Hugo's
//! bundles), `README.md` (GitBook, GitHub), or a file named like the folder beside it
//! (`guide.md` next to `guide/`, as VitePress and Docusaurus sites often have).
//!
//! A folder whose only Markdown is its `index.md` (or `README.md`) is a page bundle: one article
//! with its images beside it. A folder without Markdown anywhere below is an asset folder, not a
//! section.

use std::collections::{BTreeSet, HashMap};

use super::{Kind, SourceFile};
use crate::paths::parent_of;

/// The names that make a file its folder's page, strongest first.
const FOLDER_PAGES: [&str; 3] = ["_index.md", "index.md", "README.md"];

/// What the files of `content/` are.
#[derive(Debug, Default)]
pub struct Roles {
    /// Folder (`` for the root) → the content path of its page.
    pub page_of: HashMap<String, String>,
    /// Folders that are page bundles, by the content path of their article.
    pub bundles: HashMap<String, String>,
    /// Folders that are sections: they hold Markdown, and are no bundle.
    pub sections: Vec<String>,
    /// `(index.md, _index.md)` pairs in one folder: both claim to be its page.
    pub conflicts: Vec<(String, String)>,
}

impl Roles {
    /// Gives a loaded file its role.
    pub fn apply(&self, f: &mut SourceFile) {
        f.describes = self.describes(&f.rel).map(str::to_owned);
        f.kind = match f.describes.as_deref() {
            Some("") => Kind::Home,
            Some(_) => Kind::Section,
            None => Kind::Article,
        };
        f.bundle_dir = self
            .bundles
            .iter()
            .find(|(_, page)| **page == f.rel)
            .map(|(dir, _)| dir.clone());
    }

    /// The folder `rel` is the page of, if it is one.
    pub fn describes(&self, rel: &str) -> Option<&str> {
        self.page_of
            .iter()
            .find(|(_, page)| page.as_str() == rel)
            .map(|(folder, _)| folder.as_str())
    }
}

/// Decides the roles of `markdown` (content paths of every Markdown file) in `folders` (every
/// folder under `content/`).
pub fn decide(markdown: &[&str], folders: &[String]) -> Roles {
    let files: BTreeSet<&str> = markdown.iter().copied().collect();
    let mut roles = Roles::default();
    // Folders that hold Markdown, directly or below.
    let mut with_markdown: BTreeSet<&str> = BTreeSet::new();
    for f in &files {
        let mut dir = parent_of(f);
        while !dir.is_empty() && with_markdown.insert(dir) {
            dir = parent_of(dir);
        }
    }
    let in_folder = |dir: &str, name: &str| {
        if dir.is_empty() {
            name.to_owned()
        } else {
            format!("{dir}/{name}")
        }
    };
    let mut candidates: Vec<&str> = vec![""];
    candidates.extend(
        folders
            .iter()
            .map(String::as_str)
            .filter(|f| with_markdown.contains(f)),
    );
    for dir in candidates {
        let own: Vec<String> = FOLDER_PAGES
            .iter()
            .map(|n| in_folder(dir, n))
            .filter(|p| files.contains(p.as_str()))
            .collect();
        if own.len() > 1 && own[0].ends_with("/_index.md") && own[1].ends_with("/index.md") {
            roles.conflicts.push((own[1].clone(), own[0].clone()));
        }
        if dir.is_empty() {
            if let Some(page) = own.first() {
                roles.page_of.insert(String::new(), page.clone());
            }
            continue;
        }
        // A bundle: the folder's only Markdown anywhere below is its index.md or README.md.
        let below = files
            .iter()
            .filter(|f| f.starts_with(dir) && f.as_bytes().get(dir.len()) == Some(&b'/'))
            .count();
        if below == 1 && own.len() == 1 && !own[0].ends_with("_index.md") {
            roles.bundles.insert(dir.to_owned(), own[0].clone());
            continue;
        }
        roles.sections.push(dir.to_owned());
        let sibling = format!("{dir}.md");
        if let Some(page) = own
            .first()
            .cloned()
            .or_else(|| files.contains(sibling.as_str()).then_some(sibling))
        {
            roles.page_of.insert(dir.to_owned(), page);
        }
    }
    // Folders inside a bundle are its own (images/, …), not sections.
    let bundle_dirs: Vec<&String> = roles.bundles.keys().collect();
    roles.sections.retain(|s| {
        !bundle_dirs
            .iter()
            .any(|b| s.starts_with(b.as_str()) && s.as_bytes().get(b.len()) == Some(&b'/'))
    });
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(md: &[&str], folders: &[&str]) -> Roles {
        let folders: Vec<String> = folders.iter().map(|f| (*f).to_owned()).collect();
        decide(md, &folders)
    }

    #[test]
    fn every_tools_way_of_giving_a_folder_its_page() {
        let r = roles(
            &[
                "_index.md",
                "a/_index.md",
                "a/x.md",
                "b/index.md",
                "b/y.md",
                "c/README.md",
                "c/z.md",
                "d.md",
                "d/w.md",
                "e/index.md",
            ],
            &["a", "b", "c", "d", "e", "e/img", "assets", "assets/icons"],
        );
        assert_eq!(r.page_of[""], "_index.md");
        assert_eq!(r.page_of["a"], "a/_index.md");
        assert_eq!(r.page_of["b"], "b/index.md");
        assert_eq!(r.page_of["c"], "c/README.md");
        assert_eq!(
            r.page_of["d"], "d.md",
            "a file named like the folder, beside it"
        );
        assert_eq!(r.bundles["e"], "e/index.md");
        assert_eq!(
            r.sections,
            ["a", "b", "c", "d"],
            "bundles and asset folders are no sections"
        );
        assert_eq!(r.describes("d.md"), Some("d"));
    }

    #[test]
    fn the_root_page_and_conflicts() {
        let r = roles(&["index.md", "x/_index.md", "x/index.md", "x/a.md"], &["x"]);
        assert_eq!(r.page_of[""], "index.md");
        assert_eq!(r.page_of["x"], "x/_index.md");
        assert_eq!(
            r.conflicts,
            [("x/index.md".to_owned(), "x/_index.md".to_owned())]
        );
        let r = roles(
            &["README.md", "x/README.md", "x/index.md", "x/a.md"],
            &["x"],
        );
        assert_eq!(r.page_of[""], "README.md");
        assert_eq!(r.page_of["x"], "x/index.md", "index.md before README.md");
    }
}
