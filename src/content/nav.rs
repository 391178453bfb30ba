//! Navigation files: `SUMMARY.md` (mdBook, GitBook), `TOC.md` and `TOC-<folder>.md` (TiDB's
//! docs), Docsify's `_sidebar.md` give the order and nesting of a folder's sections and
//! articles, and their navigation labels. Nested lists of links are articles; an item without a link, or a heading, is a group
//! (a section of its own); an item with a link and nested items is a group that starts with
//! that article.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::dialect::body::substitute;
use crate::error::{Diagnostic, Diagnostics, shown_path};
use crate::paths::{is_external, join_rel, markdown_path, parent_of, percent_decode};

/// A navigation file, read.
#[derive(Debug, Clone)]
pub struct Nav {
    /// Its path under `content/`.
    pub rel: String,
    /// As messages name it.
    pub shown: PathBuf,
    /// The folder it orders (`` for the whole site).
    pub governs: String,
    /// Its entries.
    pub nodes: Vec<NavNode>,
    /// What kind of file it is.
    pub kind: NavKind,
}

/// The kinds of navigation files, in the order they win when two order one folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NavKind {
    /// `SUMMARY.md` (mdBook, GitBook).
    Summary,
    /// `TOC.md`, `TOC-<folder>.md`.
    Toc,
    /// A VitePress config's sidebar.
    VitePress,
    /// Docusaurus's `sidebars.js`.
    Docusaurus,
    /// Docsify's `_sidebar.md`: links in it, as in Docsify's pages, are from the site root.
    Docsify,
    /// A `_sidebar.md` on a VuePress site (DCloud's uni-app docs, whose theme reads one per
    /// folder): its links are from its own folder, as VuePress reads any page's
    /// (`api/_sidebar.md`'s `log.md` is `api/log.md`).
    FolderSidebar,
    /// `nav:` in MkDocs's `mkdocs.yml`: its paths are under the docs folder, the content root.
    MkDocs,
    /// Astro Starlight's `sidebar` in `astro.config.mjs`: pages by slug from the docs' root.
    Starlight,
    /// Mintlify's `navigation` in `docs.json`: pages by path from the docs' root.
    Mintlify,
}

impl NavKind {
    /// Whether its links are read from the content root rather than from the file's folder.
    pub fn links_from_root(self) -> bool {
        matches!(self, NavKind::Docsify | NavKind::MkDocs)
    }
}

impl NavKind {
    /// How to mend an entry that leads to no page, in the file's own terms.
    pub fn mend_hint(self) -> &'static str {
        match self {
            NavKind::Summary | NavKind::Toc | NavKind::FolderSidebar => {
                "link it to an article's .md file, relative to this file or from the content root with a leading /"
            }
            NavKind::Docsify => {
                "link it to an article's .md file from the content root, as Docsify does"
            }
            NavKind::MkDocs => {
                "name a page by its path under the docs folder (`user-guide/writing.md`), or remove the entry"
            }
            NavKind::VitePress => {
                "link it to a page of the site from the content root (`/guide/intro`), or remove the entry"
            }
            NavKind::Starlight => {
                "name a page by its slug from the docs' root (`guides/sidebar`), or remove the entry"
            }
            NavKind::Mintlify => {
                "name a page by its path from the folder of docs.json, without the extension (`zh/guides/intro`), or remove the entry"
            }
            NavKind::Docusaurus => {
                "name a doc by its path under the docs folder without the extension (`guide/intro`), or remove the entry"
            }
        }
    }
}

/// Reads the navigation files `files` ((path, content path)); `folders` are the folders of
/// `content/`. A `TOC-<name>.md` with no folder `<name>` orders nothing: a note says so. Labels
/// show `{{{ .name }}}` variables with their values, as the pages do. `vuepress`: the site is
/// VuePress's, whose `_sidebar.md` files are read from their folder (see
/// [`NavKind::FolderSidebar`]).
pub fn read_all(
    root: &Path,
    files: &[(PathBuf, String)],
    folders: &[String],
    variables: &BTreeMap<String, String>,
    vuepress: bool,
    diags: &mut Diagnostics,
) -> Vec<Nav> {
    let mut out = Vec::new();
    for (path, rel) in files {
        let shown = shown_path(root, path);
        let Some(governs) = governs(rel, |f| folders.iter().any(|x| x == f)) else {
            diags.push(
                Diagnostic::info("this navigation file names no folder of the site, so it orders nothing")
                    .in_file(&shown)
                    .hint("TOC-<name>.md orders the folder <name>/ beside it; TOC.md and SUMMARY.md order their own folder"),
            );
            continue;
        };
        let text = match crate::paths::read_file(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                diags.push(Diagnostic::error(format!("cannot read the file: {e}")).in_file(&shown));
                continue;
            }
        };
        out.push(Nav {
            rel: rel.clone(),
            shown,
            governs,
            nodes: parse(&substitute(&text, variables)),
            kind: if rel.ends_with("SUMMARY.md") {
                NavKind::Summary
            } else if rel.ends_with(DOCSIFY_SIDEBAR) && vuepress {
                NavKind::FolderSidebar
            } else if rel.ends_with(DOCSIFY_SIDEBAR) {
                NavKind::Docsify
            } else {
                NavKind::Toc
            },
        });
    }
    out
}

/// Keeps one navigation per folder: SUMMARY.md before TOC.md before TOC-x.md before a
/// VitePress sidebar before Docusaurus's, as found.
pub fn one_per_folder(navs: &mut Vec<Nav>) {
    navs.sort_by_key(|n| (n.governs.clone(), n.kind, n.rel.contains("TOC-")));
    navs.dedup_by(|b, a| a.governs == b.governs);
}

impl Nav {
    /// The pages its entries link to, as content paths, each with its label, in the file's
    /// order: links relative to the file or from the content root (`/x.md`), to Markdown files.
    /// A link a Docsify sidebar names from the root is read from its folder when `exists` says
    /// only that file is there, as the site's navigation places it.
    pub fn entries(&self, exists: impl Fn(&str) -> bool) -> Vec<(String, &str)> {
        let dir = parent_of(&self.rel);
        let from_root = self.kind.links_from_root();
        let mut out = Vec::new();
        let mut stack: Vec<&NavNode> = self.nodes.iter().rev().collect();
        while let Some(node) = stack.pop() {
            stack.extend(node.children.iter().rev());
            let Some(link) = node.link.as_deref().filter(|l| !is_external(l)) else {
                continue;
            };
            let path = link.split(['#', '?']).next().unwrap_or_default();
            let path = percent_decode(path);
            let joined = match path.strip_prefix('/') {
                Some(rooted) => join_rel("", rooted),
                None if from_root => join_rel("", &path)
                    .filter(|p| exists(p))
                    .or_else(|| join_rel(dir, &path).filter(|p| exists(p)))
                    .or_else(|| join_rel("", &path)),
                None => join_rel(dir, &path),
            };
            if let Some(md) = joined.as_deref().and_then(markdown_path) {
                out.push((md, node.label.as_str()));
            }
        }
        out
    }
}

/// mdBook and GitBook build only the chapters SUMMARY.md lists: the other Markdown files of the
/// folder it governs (drafts, stubs, chapters commented out) are left out, with a note that
/// counts them. A folder another navigation file governs, and helpcenter's own `_index.md`
/// pages, are not its to leave out. GitBook always publishes the book's README.md, as its
/// introduction; mdBook (a `book.toml` beside `content/`) only when listed: the Rust book's
/// is a table of contents years old, whose links to renamed chapters failed the build.
pub fn leave_out_unlisted(
    navs: &[Nav],
    markdown: &mut Vec<(PathBuf, String)>,
    mdbook: bool,
    diags: &mut Diagnostics,
) -> Vec<String> {
    let mut left_out = Vec::new();
    for nav in navs.iter().filter(|n| n.kind == NavKind::Summary) {
        let listed: std::collections::HashSet<String> = nav
            .entries(|_| true)
            .into_iter()
            .map(|(path, _)| path)
            .collect();
        let under = |rel: &str, dir: &str| dir.is_empty() || rel.starts_with(&format!("{dir}/"));
        let nearer = |rel: &str| {
            navs.iter().any(|o| {
                o.governs.len() > nav.governs.len()
                    && under(&o.governs, &nav.governs)
                    && under(rel, &o.governs)
            })
        };
        // The folder's own page (GitBook's README.md) is its home, listed or not.
        let own_page = |rel: &str| {
            !mdbook
                && parent_of(rel) == nav.governs
                && matches!(rel.rsplit('/').next(), Some("README.md" | "index.md"))
        };
        let before = markdown.len();
        markdown.retain(|(_, rel)| {
            let keep = !under(rel, &nav.governs)
                || listed.contains(rel)
                || rel.rsplit('/').next() == Some("_index.md")
                || own_page(rel)
                || nearer(rel);
            if !keep {
                left_out.push(rel.clone());
            }
            keep
        });
        let left = before - markdown.len();
        if left > 0 {
            diags.push(
                Diagnostic::info(format!(
                    "{left} Markdown file{} left out: SUMMARY.md does not list {}, and mdBook and GitBook build only what it lists",
                    if left == 1 { " is" } else { "s are" },
                    if left == 1 { "it" } else { "them" },
                ))
                .in_file(&nav.shown)
                .hint("list a file in SUMMARY.md to publish it"),
            );
        }
    }
    left_out
}

/// One entry of a navigation file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NavNode {
    /// What the navigation calls it.
    pub label: String,
    /// The link as written, if the entry has one.
    pub link: Option<String>,
    /// Its line in the file (1-based).
    pub line: usize,
    /// Entries nested under it.
    pub children: Vec<NavNode>,
}

/// Docsify's sidebar file.
pub const DOCSIFY_SIDEBAR: &str = "_sidebar.md";

/// Whether a file of `content/` is a navigation file rather than a page.
pub fn is_nav_file(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name == "SUMMARY.md"
        || name == "TOC.md"
        || name == DOCSIFY_SIDEBAR
        || (name.starts_with("TOC-") && name.ends_with(".md"))
}

/// The folder (relative to `content/`) a navigation file orders: its own folder, or for
/// `TOC-<name>.md` the folder `<name>` beside it (`None` when there is no such folder).
pub fn governs(rel: &str, folder_exists: impl Fn(&str) -> bool) -> Option<String> {
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    match name
        .strip_prefix("TOC-")
        .and_then(|n| n.strip_suffix(".md"))
    {
        Some(folder) => {
            let f = if dir.is_empty() {
                folder.to_owned()
            } else {
                format!("{dir}/{folder}")
            };
            folder_exists(&f).then_some(f)
        }
        None => Some(dir.to_owned()),
    }
}

/// The entries of a navigation file.
pub fn parse(text: &str) -> Vec<NavNode> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);
    let mut top: Vec<NavNode> = Vec::new();
    // The group a heading opened: the lists after it are its entries.
    let mut group: Option<NavNode> = None;
    let mut stack: Vec<NavNode> = Vec::new();
    let mut heading: Option<(HeadingLevel, NavNode)> = None;
    let mut in_link = false;
    let mut seen_list = false;
    // mdBook's prefix and suffix chapters: links on lines of their own, outside the lists.
    let mut loose: Option<NavNode> = None;
    // Whether a level-1 heading may still be the file's title ("# Summary", "# Rust 语言圣经").
    let mut title_possible = true;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((
                    level,
                    NavNode {
                        line: line_of(range.start),
                        ..NavNode::default()
                    },
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, node)) = heading.take() else {
                    continue;
                };
                // A level-1 heading before any entry is the file's own title ("# Summary").
                let title = level == HeadingLevel::H1 && title_possible;
                title_possible = false;
                if title && !seen_list && top.is_empty() && group.is_none() {
                    continue;
                }
                if let Some(g) = group.take() {
                    top.push(g);
                }
                group = Some(node);
            }
            Event::Start(Tag::Item) => {
                seen_list = true;
                title_possible = false;
                stack.push(NavNode {
                    line: line_of(range.start),
                    ..NavNode::default()
                });
            }
            Event::End(TagEnd::Item) => {
                let Some(mut node) = stack.pop() else {
                    continue;
                };
                // mdBook's draft chapter, `[草稿]()`: not written yet, so no entry (under a
                // chapter it made that chapter a group, at `format/SUMMARY.md/`).
                if node.link.as_deref() == Some("") && node.children.is_empty() {
                    continue;
                }
                node.label = node.label.trim().to_owned();
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => match &mut group {
                        Some(g) => g.children.push(node),
                        None => top.push(node),
                    },
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                title_possible = false;
                if let Some(item) = stack
                    .last_mut()
                    .filter(|i| i.link.is_none() && i.children.is_empty())
                {
                    item.link = Some(dest_url.to_string());
                    item.label.clear();
                    in_link = true;
                } else if stack.is_empty() && heading.is_none() {
                    loose = Some(NavNode {
                        link: Some(dest_url.to_string()),
                        line: line_of(range.start),
                        ..NavNode::default()
                    });
                }
            }
            Event::End(TagEnd::Link) => {
                in_link = false;
                if let Some(mut node) = loose.take() {
                    node.label = node.label.trim().to_owned();
                    // A link on its own after a part's list is a suffix chapter, at the top
                    // level after the part, as mdBook places it; before any list, the group's.
                    match &mut group {
                        Some(g) if g.children.is_empty() => g.children.push(node),
                        _ => {
                            if let Some(g) = group.take() {
                                top.push(g);
                            }
                            top.push(node);
                        }
                    }
                }
            }
            // DCloud's sidebars give an entry its options in code (``* 支付```{"collapsable":
            // true}``` ``): no part of its label.
            Event::Code(t) if t.trim_start().starts_with('{') && t.trim_end().ends_with('}') => {}
            Event::Text(t) | Event::Code(t) => {
                if let Some(node) = &mut loose {
                    node.label.push_str(&t);
                } else if let Some((_, h)) = &mut heading {
                    h.label.push_str(&t);
                } else if let Some(item) = stack.last_mut() {
                    // The label is the link's text, or the item's text when it has no link.
                    if in_link || (item.link.is_none() && item.children.is_empty()) {
                        item.label.push_str(&t);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(g) = group {
        top.push(g);
    }
    top
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(label: &str, link: Option<&str>, line: usize, children: Vec<NavNode>) -> NavNode {
        NavNode {
            label: label.into(),
            link: link.map(Into::into),
            line,
            children,
        }
    }

    #[test]
    fn mdbook_summary() {
        let n = parse(
            "# Summary\n\n[简介](README.md)\n\n- [第一章](ch1.md)\n  - [小节](ch1/a.md)\n- [第二章](ch2.md)\n\n# 附录\n\n- [术语](terms.md)\n",
        );
        assert_eq!(
            n,
            [
                node("简介", Some("README.md"), 3, vec![]),
                node(
                    "第一章",
                    Some("ch1.md"),
                    5,
                    vec![node("小节", Some("ch1/a.md"), 6, vec![])]
                ),
                node("第二章", Some("ch2.md"), 7, vec![]),
                node(
                    "附录",
                    None,
                    9,
                    vec![node("术语", Some("terms.md"), 11, vec![])]
                ),
            ]
        );
    }

    #[test]
    fn mdbook_draft_chapters_are_no_entries() {
        let n = parse(
            "- [格式](format/README.md)\n    - [SUMMARY.md](format/summary.md)\n        - [草稿]()\n    - [草稿二]()\n",
        );
        assert_eq!(
            n,
            [node(
                "格式",
                Some("format/README.md"),
                1,
                vec![node("SUMMARY.md", Some("format/summary.md"), 2, vec![])]
            )]
        );
    }

    #[test]
    fn mdbook_prefix_chapters_and_parts() {
        // The Rust course's SUMMARY.md: a title, prefix chapters (one commented out), a
        // separator, then a part whose title is a level-1 heading too.
        let n = parse(
            "# Rust 语言圣经\n\n[关于本书](about-book.md)\n[进入 Rust 编程世界](into-rust.md)\n<!-- [快速查询入口](index-list.md) -->\n\n---\n\n# Rust 语言基础学习\n\n---\n\n- [寻找牛刀](first-try/intro.md)\n  - [安装](first-try/installation.md)\n",
        );
        assert_eq!(
            n,
            [
                node("关于本书", Some("about-book.md"), 3, vec![]),
                node("进入 Rust 编程世界", Some("into-rust.md"), 4, vec![]),
                node(
                    "Rust 语言基础学习",
                    None,
                    9,
                    vec![node(
                        "寻找牛刀",
                        Some("first-try/intro.md"),
                        13,
                        vec![node("安装", Some("first-try/installation.md"), 14, vec![])]
                    )]
                ),
            ]
        );
    }

    #[test]
    fn mdbook_suffix_chapters_follow_the_last_part() {
        let n = parse("# Summary\n\n# 第一部分\n\n- [一](a.md)\n\n[附录](appendix.md)\n");
        assert_eq!(n.len(), 2);
        assert_eq!((n[0].label.as_str(), n[0].children.len()), ("第一部分", 1));
        assert_eq!(n[1], node("附录", Some("appendix.md"), 7, vec![]));
    }

    #[test]
    fn tidb_toc_groups_and_headings() {
        let n = parse(
            "<!-- x -->\n\n- 关于 TiDB\n  - [简介](/overview.md)\n  - 部署\n    - [**TiUP**](/tiup.md)\n\n## 参考\n\n- [API](/api.md)\n",
        );
        assert_eq!(n[0].label, "关于 TiDB");
        assert_eq!(n[0].link, None);
        assert_eq!(
            n[0].children[0],
            node("简介", Some("/overview.md"), 4, vec![])
        );
        assert_eq!(n[0].children[1].children[0].label, "TiUP");
        assert_eq!(
            n[1],
            node(
                "参考",
                None,
                8,
                vec![node("API", Some("/api.md"), 10, vec![])]
            )
        );
    }

    #[test]
    fn dcloud_entry_options_are_no_label() {
        let n = parse("* 支付```{\"collapsable\": true}```\n  * [`uni.pay`](pay.md)\n");
        assert_eq!(
            n,
            [node(
                "支付",
                None,
                1,
                vec![node("uni.pay", Some("pay.md"), 2, vec![])]
            )]
        );
    }

    /// A sidebar's `README.md` and `log.md` in a folder: Docsify reads them from the root (the
    /// folder only when the root has no such page), a VuePress site from the folder.
    #[test]
    fn which_page_a_folder_sidebar_names() {
        let sidebar = |kind| Nav {
            rel: "api/_sidebar.md".into(),
            shown: "content/api/_sidebar.md".into(),
            governs: "api".into(),
            nodes: parse("* [概述](README.md)\n* [日志](log.md)\n* [根](/x.md)\n"),
            kind,
        };
        let pages = ["README.md", "api/README.md", "api/log.md", "x.md"];
        let exists = |p: &str| pages.contains(&p);
        let paths =
            |n: Nav| -> Vec<String> { n.entries(exists).into_iter().map(|e| e.0).collect() };
        assert_eq!(
            paths(sidebar(NavKind::Docsify)),
            ["README.md", "api/log.md", "x.md"]
        );
        assert_eq!(
            paths(sidebar(NavKind::FolderSidebar)),
            ["api/README.md", "api/log.md", "x.md"]
        );
    }

    #[test]
    fn which_folder_a_nav_file_orders() {
        assert!(is_nav_file("SUMMARY.md") && is_nav_file("a/TOC.md") && is_nav_file("TOC-ai.md"));
        assert!(!is_nav_file("toc.md.txt") && !is_nav_file("summary-of-changes.md"));
        assert_eq!(governs("TOC.md", |_| true).as_deref(), Some(""));
        assert_eq!(
            governs("guide/SUMMARY.md", |_| true).as_deref(),
            Some("guide")
        );
        assert_eq!(governs("TOC-ai.md", |f| f == "ai").as_deref(), Some("ai"));
        assert_eq!(governs("TOC-pingkai.md", |f| f == "ai"), None);
    }
}
