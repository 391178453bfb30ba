//! Applying navigation files (see `content::nav`) to the model: their groups become sections,
//! their entries place articles (and folders' pages) in those sections in the file's order,
//! labelled as the file labels them. Articles a navigation file does not list stay in their
//! folder's section; folder sections left empty are dropped.

use std::collections::{HashMap, HashSet};

use super::{Article, LinkMap, Resolved, Section, new_section, url_segment};
use crate::content::nav::{Nav, NavNode};
use crate::error::{Diagnostic, Diagnostics};
use crate::paths::{GENERATED_FOLDERS, parent_of};

/// How deep a navigation file's groups may nest. Each level is a section whose pages carry every
/// level above in their URL, breadcrumbs and navigation: 800 levels took 1 GB and 4 s, 2,000 more
/// than 9 GB. Real sites nest a handful (TiDB's TOC.md: 4).
const MAX_GROUP_DEPTH: usize = 24;

/// What placing entries needs.
struct Placer<'a> {
    sections: &'a mut Vec<Section>,
    articles: &'a mut [Article],
    links: &'a LinkMap,
    /// Article index by content path.
    article_of: HashMap<String, usize>,
    /// Section index by the content path of its page.
    section_of_page: HashMap<String, usize>,
    /// Every page URL given out so far, lower-cased, to give groups URLs of their own.
    urls: HashSet<String>,
    /// Section index by folder.
    section_of_dir: &'a HashMap<String, usize>,
    /// Folder sections the navigation has placed already.
    moved: HashSet<usize>,
    /// How many of the navigations' lists list pages of a folder.
    listed_in: HashMap<String, usize>,
    placed: HashSet<usize>,
    order: usize,
    warn: bool,
    diags: &'a mut Diagnostics,
}

/// Applies `navs` to `sections` and `articles`; `section_of_dir` finds the folder each orders.
pub(super) fn apply(
    navs: &[Nav],
    sections: &mut Vec<Section>,
    articles: &mut [Article],
    section_of_dir: &HashMap<String, usize>,
    links: &LinkMap,
    warn: bool,
    diags: &mut Diagnostics,
) {
    if navs.is_empty() {
        return;
    }
    // helpcenter's own folders (`search/`, `tags/`, `related/`) are taken too: a group named
    // Search would otherwise be written at `Search/`.
    let urls = sections
        .iter()
        .map(|s| s.url.to_lowercase())
        .chain(articles.iter().map(|a| a.url.to_lowercase()))
        .chain(GENERATED_FOLDERS.iter().map(|f| f.to_string()))
        .collect();
    let mut p = Placer {
        article_of: articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.source.rel.clone(), i))
            .collect(),
        section_of_page: sections
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((s.source.as_ref()?.rel.clone(), i)))
            .collect(),
        sections,
        articles,
        links,
        urls,
        section_of_dir,
        moved: HashSet::new(),
        listed_in: HashMap::new(),
        placed: HashSet::new(),
        order: 0,
        warn,
        diags,
    };
    let mut listed_in = HashMap::new();
    for nav in navs {
        p.count_listings(nav, &nav.nodes, None, 0, &mut listed_in);
    }
    p.listed_in = listed_in;
    for nav in navs {
        let Some(&root) = section_of_dir.get(&nav.governs) else {
            continue;
        };
        p.place(nav, &nav.nodes, root, 0);
    }
}

impl Placer<'_> {
    fn place(&mut self, nav: &Nav, nodes: &[NavNode], parent: usize, depth: usize) {
        if depth > MAX_GROUP_DEPTH {
            if let Some(first) = nodes.first() {
                self.diags.push(
                    Diagnostic::error(format!(
                        "this navigation entry is nested {depth} groups deep: at most {MAX_GROUP_DEPTH} are read"
                    ))
                    .in_file(&nav.shown)
                    .at_line(first.line)
                    .hint("nest the entries less deeply; the entries below this depth are left out"),
                );
            }
            return;
        }
        for node in nodes {
            self.order += 1;
            let target = node
                .link
                .as_deref()
                .and_then(|l| self.resolve(nav, node, l));
            match target {
                Some(Target::Section(s)) => {
                    // A folder's page without a title of its own (MkDocs's `Insiders:` over
                    // `insiders/index.md`) goes by the navigation's label, not the folder's name.
                    let untitled = self.sections[s]
                        .source
                        .as_ref()
                        .is_none_or(|f| f.title.is_empty());
                    if untitled && !node.label.trim().is_empty() {
                        self.sections[s].title = node.label.clone();
                    } else if nav.kind == crate::content::nav::NavKind::MkDocs
                        && !node.children.is_empty()
                        && !node.label.trim().is_empty()
                        && node.label != self.sections[s].title
                    {
                        // An MkDocs group over the folder's page (`第 1 章 排序:` over
                        // `sort/index.md`) names the section; a sidebar's link text to a
                        // folder's page (`简介`) names that page only.
                        self.sections[s].nav_label.get_or_insert(node.label.clone());
                    }
                    self.move_section(s, parent);
                    self.place(nav, &node.children, s, depth + 1);
                }
                Some(Target::Article(a)) if node.children.is_empty() => {
                    self.place_article(a, parent, &node.label)
                }
                target => {
                    if node.children.is_empty() {
                        continue;
                    }
                    // A group with no name (MkDocs's `"":` over a page that is not there) is no
                    // section: its entries take its place.
                    if node.label.trim().is_empty() {
                        if let Some(Target::Article(a)) = target {
                            self.place_article(a, parent, "");
                        }
                        self.place(nav, &node.children, parent, depth + 1);
                        continue;
                    }
                    let target_article = match target {
                        Some(Target::Article(a)) => Some(a),
                        _ => None,
                    };
                    let group = match self.folder_of_group(nav, node, target_article, parent) {
                        Some(s) => {
                            self.sections[s].title = node.label.clone();
                            // Without a page it is the group still, at its folder's URL.
                            self.sections[s].from_nav = true;
                            self.move_section(s, parent);
                            s
                        }
                        None => self.group(&node.label, parent),
                    };
                    if let Some(a) = target_article {
                        self.place_article(a, group, &node.label);
                    }
                    self.place(nav, &node.children, group, depth + 1);
                }
            }
        }
    }

    /// The folder section a group of the navigation is: the one folder, without a page of its
    /// own, that all the group's pages are in (`Blogs:` over `tutorials/blogs/*.md`). A group
    /// is no page in those tools; as its folder's section its page is where its articles' URLs
    /// say it is, not at an invented `Blogs-2/`.
    fn folder_of_group(
        &self,
        nav: &Nav,
        node: &NavNode,
        own: Option<usize>,
        parent: usize,
    ) -> Option<usize> {
        // Split over groups side by side (VitePress's 介绍 and 指引 both in guide/), the folder
        // is none of them; a group's own sub-groups may share it (TiDB's DM and its 参考手册).
        let [folder] = &self.folders_listed(nav, &node.children, own)[..] else {
            return None;
        };
        let s = *self.section_of_dir.get(folder)?;
        let mut within = HashMap::new();
        self.count_listings(nav, &node.children, own, 0, &mut within);
        (!self.holds(s, parent)
            && !self.moved.contains(&s)
            && self.sections[s].source.is_none()
            && self.listed_in.get(folder) == within.get(folder))
        .then_some(s)
    }

    /// The folders of the pages listed in `entries` themselves (not in their groups), with
    /// `own`, the article the group starts with.
    fn folders_listed(&self, nav: &Nav, entries: &[NavNode], own: Option<usize>) -> Vec<String> {
        let mut folders: Vec<String> = Vec::new();
        let mut add = |dir: &str| {
            if !folders.iter().any(|f| f == dir) {
                folders.push(dir.to_owned());
            }
        };
        if let Some(a) = own {
            add(parent_of(&self.articles[a].source.rel));
        }
        for entry in entries {
            match entry.link.as_deref().and_then(|l| self.lookup(nav, l)) {
                Some(Target::Article(a)) if entry.children.is_empty() => {
                    add(parent_of(&self.articles[a].source.rel))
                }
                Some(Target::Section(s)) => add(parent_of(&self.sections[s].dir)),
                _ => {}
            }
        }
        folders
    }

    /// Counts into `counts`, for each folder, the lists of `entries` and of their groups that
    /// list its pages.
    fn count_listings(
        &self,
        nav: &Nav,
        entries: &[NavNode],
        own: Option<usize>,
        depth: usize,
        counts: &mut HashMap<String, usize>,
    ) {
        if depth > MAX_GROUP_DEPTH {
            return;
        }
        for folder in self.folders_listed(nav, entries, own) {
            *counts.entry(folder).or_default() += 1;
        }
        for entry in entries.iter().filter(|e| !e.children.is_empty()) {
            let own = match entry.link.as_deref().and_then(|l| self.lookup(nav, l)) {
                Some(Target::Article(a)) => Some(a),
                _ => None,
            };
            self.count_listings(nav, &entry.children, own, depth + 1, counts);
        }
    }

    /// What `link` of `nav` leads to, if a page; [`Placer::resolve`] also says when it leads
    /// nowhere.
    fn lookup(&self, nav: &Nav, link: &str) -> Option<Target> {
        match self.resolved(nav, link) {
            Resolved::Page { content_path, .. } => self.target(&content_path),
            _ => None,
        }
    }

    fn resolved(&self, nav: &Nav, link: &str) -> Resolved {
        let dir = parent_of(&nav.rel);
        // Docsify's sidebar and MkDocs's nav name pages from the content root.
        let from_root = nav.kind.links_from_root() && !link.starts_with('/');
        let rooted = from_root.then(|| self.links.resolve(&format!("/{link}"), "", "").resolved);
        match rooted {
            Some(found @ Resolved::Page { .. }) => found,
            _ => self.links.resolve(link, dir, "").resolved,
        }
    }

    fn target(&self, content_path: &str) -> Option<Target> {
        self.article_of
            .get(content_path)
            .map(|&a| Target::Article(a))
            .or_else(|| {
                self.section_of_page
                    .get(content_path)
                    .map(|&s| Target::Section(s))
            })
    }

    fn resolve(&mut self, nav: &Nav, node: &NavNode, link: &str) -> Option<Target> {
        match self.resolved(nav, link) {
            Resolved::Page { content_path, .. } => self.target(&content_path),
            Resolved::External | Resolved::Failed => None,
            // The home page (`[首页](/)` in Docsify's sidebars): the site has it already.
            Resolved::SiteUrl(url) if url.is_empty() => None,
            _ => {
                let d = Diagnostic::error(format!(
                    "this navigation entry leads to no page of the site: `{link}`"
                ))
                .in_file(&nav.shown)
                .at_line(node.line)
                .hint(nav.kind.mend_hint());
                self.diags
                    .push(if self.warn { d.into_link_warning() } else { d });
                None
            }
        }
    }

    /// Puts article `a` in section `s`, labelled `label` (the first listing counts).
    fn place_article(&mut self, a: usize, s: usize, label: &str) {
        if !self.placed.insert(a) {
            return;
        }
        let article = &mut self.articles[a];
        article.section = s;
        article.nav_order = Some(self.order);
        if !label.is_empty() && label != article.source.title {
            article.nav_label = Some(label.to_owned());
        }
    }

    /// Moves folder section `s` under `parent`, in the navigation's order.
    fn move_section(&mut self, s: usize, parent: usize) {
        // Never under itself or one of its own sub-sections.
        if self.holds(s, parent) {
            return;
        }
        if let Some(old) = self.sections[s].parent {
            self.sections[old].subsections.retain(|&c| c != s);
        }
        self.moved.insert(s);
        self.sections[s].parent = Some(parent);
        self.sections[s].nav_order = Some(self.order);
        self.sections[parent].subsections.push(s);
    }

    /// Whether section `s` is `other` or holds it.
    fn holds(&self, s: usize, other: usize) -> bool {
        let mut up = Some(other);
        while let Some(p) = up {
            if p == s {
                return true;
            }
            up = self.sections[p].parent;
        }
        false
    }

    /// A new section for a group of the navigation, under `parent`, with a URL of its own.
    fn group(&mut self, label: &str, parent: usize) -> usize {
        let base = format!("{}{}", self.sections[parent].url, url_segment(label));
        let mut url = format!("{base}/");
        let mut n = 2;
        // Taken is taken whatever the case: on macOS and Windows disks and in a zip file,
        // `insiders/Changelog/` (an MkDocs nav label) would replace `insiders/changelog/`.
        while !self.urls.insert(url.to_lowercase()) {
            url = format!("{base}-{n}/");
            n += 1;
        }
        let mut s = new_section(String::new(), url, label.to_owned());
        s.from_nav = true;
        s.parent = Some(parent);
        s.nav_order = Some(self.order);
        let idx = self.sections.len();
        self.sections.push(s);
        self.sections[parent].subsections.push(idx);
        idx
    }
}

enum Target {
    Article(usize),
    Section(usize),
}

/// Drops the sections with nothing to show — no article, no sub-section, no page of their own —
/// renumbering the rest; the root stays.
pub(super) fn compact(sections: &mut Vec<Section>, articles: &mut [Article]) {
    let mut count = vec![0usize; sections.len()];
    for a in articles.iter() {
        count[a.section] += 1;
    }
    // Keep a section when it or something below it has articles or a page.
    let mut keep = vec![false; sections.len()];
    keep[0] = true;
    for (i, s) in sections.iter().enumerate() {
        if count[i] > 0 || s.source.is_some() {
            let mut cur = Some(i);
            while let Some(c) = cur {
                if keep[c] && c != i {
                    break;
                }
                keep[c] = true;
                cur = sections[c].parent;
            }
        }
    }
    if keep.iter().all(|k| *k) {
        return;
    }
    let mut new_index = vec![usize::MAX; sections.len()];
    let mut next = 0;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            new_index[i] = next;
            next += 1;
        }
    }
    let old = std::mem::take(sections);
    for (i, mut s) in old.into_iter().enumerate() {
        if !keep[i] {
            continue;
        }
        s.parent = s.parent.map(|p| new_index[p]);
        s.subsections = s
            .subsections
            .iter()
            .filter(|&&c| keep[c])
            .map(|&c| new_index[c])
            .collect();
        sections.push(s);
    }
    for a in articles.iter_mut() {
        a.section = new_index[a.section];
    }
}
