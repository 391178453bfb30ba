//! The site model: the section tree, URLs, ordering, tags and aliases, built from loaded content.
//!
//! Every URL is relative to the site root and ends in `/` for pages (`credit/read-report/`); the
//! home page's URL is the empty string. Links between pages are made relative at render time.
//!
//! The model holds what the content says, nothing derived from it: parsed Markdown, related
//! lists and the search index are values of their own stages, so no stage reads a field that a
//! later one was meant to fill in.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::collate::SortKey;
use crate::config::Config;
use crate::content::{Asset, Content, Kind, SourceFile, Weight};
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Locale;
use crate::paths::{TOO_LONG, number_prefix, order_number, parent_of, segment_problem};

mod alias;
mod navigation;
mod order;
mod resolve;

pub use alias::Alias;
pub use resolve::{LinkMap, Missing, Resolved};

use alias::aliases;
use order::{newest_first, order_sections};

/// A folder of `content/`: a category of articles.
#[derive(Debug)]
pub struct Section {
    /// Folder relative to `content/` (`` for the root section, i.e. the home page).
    pub dir: String,
    /// Its URL, relative to the site root (`a/b/`).
    pub url: String,
    /// From its `_index.md`, else the folder's name.
    pub title: String,
    /// From its `_index.md`, else empty.
    pub description: String,
    /// Order among its sibling sections (lower first; sections without one come last).
    pub weight: Option<Weight>,
    /// The `_index.md`, when the folder has one.
    pub source: Option<SourceFile>,
    /// Index of the parent section; `None` only for the root.
    pub parent: Option<usize>,
    /// Indices of its sub-sections, in display order.
    pub subsections: Vec<usize>,
    /// Indices into `Site::articles`, in display order.
    pub articles: Vec<usize>,
    /// Its place in a navigation file, which orders it first.
    pub nav_order: Option<usize>,
    /// The number its folder's name starts with (`02-guide`), which orders it after weight.
    pub prefix: Option<u64>,
    /// A group of a navigation file, not a folder.
    pub from_nav: bool,
    /// The label a navigation file gives it where its page has a title of its own (MkDocs's
    /// `第 1 章 排序:` over `sort/index.md`, titled 排序).
    pub nav_label: Option<String>,
}

impl Section {
    /// Its title in breadcrumbs and the top navigation: its `_index.md`'s `nav_title`, else a
    /// navigation file's label, else the title.
    pub fn nav_title(&self) -> &str {
        self.source
            .as_ref()
            .and_then(|f| f.front.nav_title.as_deref())
            .filter(|t| !t.trim().is_empty())
            .or(self.nav_label.as_deref())
            .unwrap_or(&self.title)
    }
}

/// A page of the help center: one Markdown file that is not a section's `_index.md`.
#[derive(Debug)]
pub struct Article {
    /// The file as loaded.
    pub source: SourceFile,
    /// Its URL, relative to the site root (`a/slug/`).
    pub url: String,
    /// Index of the section it is listed in.
    pub section: usize,
    /// Keys into `Site::tags`, in the order the front matter lists them.
    pub tags: Vec<String>,
    /// Its place in a navigation file, which orders it first.
    pub nav_order: Option<usize>,
    /// The label a navigation file gives it.
    pub nav_label: Option<String>,
    /// The number its file name starts with (`01-intro.md`), which orders it after weight.
    pub prefix: Option<u64>,
}

impl Article {
    /// Its title in navigation lists: the front matter's `nav_title`, else the navigation
    /// file's label, else the title.
    pub fn nav_title(&self) -> &str {
        self.source
            .front
            .nav_title
            .as_deref()
            .or(self.nav_label.as_deref())
            .unwrap_or(&self.source.title)
    }
}

/// A tag and the articles that carry it.
#[derive(Debug)]
pub struct Tag {
    /// As first written in a front matter.
    pub name: String,
    /// Its page's URL (`tags/<slug>/`).
    pub url: String,
    /// Indices into `Site::articles`, newest first.
    pub articles: Vec<usize>,
}

/// The help center as its content describes it.
#[derive(Debug)]
pub struct Site {
    /// The site's `helpcenter.yaml`.
    pub config: Config,
    /// `sections[0]` is the root section: the home page.
    pub sections: Vec<Section>,
    /// Every article of the build, drafts left out unless asked for.
    pub articles: Vec<Article>,
    /// Keyed by tag URL slug, so tags that differ only in case share a page.
    pub tags: BTreeMap<String, Tag>,
    /// Redirect pages, by path.
    pub aliases: Vec<Alias>,
    /// Where links can point.
    pub links: LinkMap,
    /// Article index by content path (`credit/read-credit-report.md`).
    pub by_path: HashMap<String, usize>,
    /// The `content/` folder as messages name it.
    pub content_shown: PathBuf,
    /// The tool whose config the content came with (see `content::ReadOptions::made_for`).
    pub made_for: Option<&'static str>,
    /// See `content::ReadOptions::heading_at_ids`.
    pub heading_at_ids: bool,
    /// What every page ends with (see `content::ReadOptions::appended`).
    pub appended: String,
    /// Material's code annotations are on (see `content::mkdocs::MkDocs::annotate`).
    pub code_annotations: bool,
    /// The files pages include (mdBook's `{{#include}}`) and the other tools' configs the site
    /// reads, resolved, sorted: `serve` watches them wherever they are.
    pub included: Vec<PathBuf>,
    /// TeX between `$` is math: the config says so, or the tool's config the content came with.
    pub math: bool,
    /// Files outside `content/` that links reach as if they were in it, by content path, where
    /// they are (see `content::Asset::source`).
    pub asset_sources: HashMap<String, PathBuf>,
}

impl Site {
    /// A folder or file under `content/` as messages name it.
    pub fn shown(&self, content_path: &str) -> PathBuf {
        self.content_shown.join(content_path)
    }
}

impl Site {
    /// Sections from the root down to `idx`, the root first.
    pub fn ancestry(&self, idx: usize) -> Vec<usize> {
        let mut chain = vec![idx];
        let mut cur = idx;
        while let Some(p) = self.sections[cur].parent {
            chain.push(p);
            cur = p;
        }
        chain.reverse();
        chain
    }

    /// Articles in this section and all its sub-sections.
    pub fn article_count(&self, idx: usize) -> usize {
        let s = &self.sections[idx];
        s.articles.len()
            + s.subsections
                .iter()
                .map(|&c| self.article_count(c))
                .sum::<usize>()
    }

    /// The article at a content path (`credit/read-credit-report.md`).
    pub fn article_by_path(&self, content_path: &str) -> Option<usize> {
        let md = crate::paths::markdown_path(content_path);
        self.by_path
            .get(md.as_deref().unwrap_or(content_path))
            .copied()
    }

    /// Sections depth first, each before its sub-sections, in display order: the order of the
    /// related-articles index and of search document ids.
    pub fn sections_in_order(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.sections.len());
        let mut stack = vec![0usize];
        while let Some(s) = stack.pop() {
            order.push(s);
            stack.extend(self.sections[s].subsections.iter().rev());
        }
        order
    }
}

/// The URL paths the docs were served under (see `content::Content::docs_routes`), and the
/// site's language as a tool's language folder is named (`zh-cn/`, `zh/` for `zh-CN`): a copy
/// of Starlight's `zh-cn/` or Rspress's `zh/` keeps its `/zh-cn/…` links, however the copy's
/// folder is named. They apply only to a link that names nothing as written.
fn language_routes(routes: &[String], language: &str) -> Vec<String> {
    let full = language.to_ascii_lowercase().replace('_', "-");
    let primary = full.split('-').next().unwrap_or_default().to_owned();
    let mut out = routes.to_vec();
    for name in [full, primary] {
        let route = format!("{name}/");
        if name.len() >= 2
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !out.iter().any(|r| r.eq_ignore_ascii_case(&route))
        {
            out.push(route);
        }
    }
    out
}

/// Builds the site model. Drafts are left out unless `drafts` is set.
pub fn assemble(content: Content, config: Config, drafts: bool) -> (Site, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut links = LinkMap {
        failed: content.failed.iter().cloned().collect(),
        failed_urls: (content.failed.iter())
            .map(|rel| would_be_url(rel, content.hugo_urls))
            .collect(),
        docs_routes: language_routes(&content.docs_routes, &config.language),
        unlisted: content.unlisted.iter().cloned().collect(),
        docsify: content
            .navs
            .iter()
            .any(|n| n.kind == crate::content::nav::NavKind::Docsify),
        ..LinkMap::default()
    };
    let (mut sections, section_of_dir) =
        sections_of(&content.folders, &config.title, content.hugo_urls);
    for (dir, meta) in &content.folder_meta {
        if let Some(&i) = section_of_dir.get(dir) {
            if let Some(t) = &meta.title {
                sections[i].title = t.clone();
            }
            sections[i].weight = meta.weight;
        }
    }
    let mut articles = place_files(
        content.files,
        &mut sections,
        &section_of_dir,
        drafts,
        content.hugo_urls == Some(true),
        &mut links,
        &mut diags,
    );
    let warn = config.links == crate::config::LinkPolicy::Warn;
    links.index_names();
    navigation::apply(
        &content.navs,
        &mut sections,
        &mut articles,
        &section_of_dir,
        &links,
        warn,
        &mut diags,
    );
    navigation::compact(&mut sections, &mut articles);
    diags.extend(folders_without_index(
        &sections,
        &content.shown,
        &links,
        &content.folder_meta,
    ));
    // The path of base_url past its host, when it is not the domain root.
    let base_path = config.base_url.as_deref().and_then(|u| {
        let path = u.splitn(4, '/').nth(3)?;
        (!path.is_empty()).then(|| path.to_owned())
    });
    let aliases = aliases(&articles, warn, base_path.as_deref(), &mut diags);
    let locale = config.locale();
    order_sections(
        &mut sections,
        &articles,
        // Their generated sidebars list a folder's pages without a place by file name.
        matches!(content.made_for, Some("Docusaurus" | "Starlight")),
        &locale,
    );
    diags.extend(same_titles(&sections, &articles));
    let tags = collect_tags(&mut articles, &locale, &mut diags);
    let by_path: HashMap<String, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.source.rel.clone(), i))
        .collect();
    diags.extend(check_featured(&config, &by_path, &links));
    // VitePress serves its `public/` folder at the site root: `/logo.svg` is public/logo.svg;
    // VuePress its `.vuepress/public/`.
    for public in [
        "public/".to_owned(),
        format!("{}/", crate::content::VUEPRESS_PUBLIC),
    ] {
        if content.assets.iter().any(|a| a.rel.starts_with(&public)) {
            links.public.push(public);
        }
    }
    links.assets = asset_paths(&content.assets, &articles);
    let asset_sources = (content.assets.iter())
        .filter_map(|a| Some((a.rel.clone(), a.source.clone()?)))
        .collect();
    let math = config.math.unwrap_or(content.math);
    let site = Site {
        config,
        sections,
        articles,
        tags,
        aliases,
        links,
        by_path,
        content_shown: content.shown,
        made_for: content.made_for,
        heading_at_ids: content.heading_at_ids,
        appended: content.appended,
        code_annotations: content.code_annotations,
        included: content.included,
        math,
        asset_sources,
    };
    (site, diags)
}

/// The URL a file that failed to load would have had (its slug unknown: its name's).
fn would_be_url(rel: &str, hugo: Option<bool>) -> String {
    let dir = parent_of(rel);
    let name = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md");
    let dir_url: String = dir
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let s = number_prefix(s).1;
            let s = s.strip_prefix('_').filter(|n| !n.is_empty()).unwrap_or(s);
            format!("{}/", folder_url(s, hugo))
        })
        .collect();
    match name {
        "_index" | "index" | "README" => dir_url,
        name => {
            let segment = url_segment(number_prefix(name).1);
            match hugo {
                Some(true) => format!("{dir_url}{}/", segment.to_lowercase()),
                _ => format!("{dir_url}{segment}/"),
            }
        }
    }
}

/// A folder's part of its section's URL: its name, or as Hugo writes it (`hugo`: a `-` for
/// each run of spaces, and lower case when `true`).
fn folder_url(name: &str, hugo: Option<bool>) -> String {
    match hugo {
        Some(true) => url_segment(name).to_lowercase(),
        Some(false) => url_segment(name),
        None => name.to_owned(),
    }
}

/// Sections: every folder, plus the root, each under its parent folder (`hugo`: see
/// `folder_url`).
fn sections_of(
    folders: &[String],
    site_title: &str,
    hugo: Option<bool>,
) -> (Vec<Section>, HashMap<String, usize>) {
    let mut dirs: Vec<String> = folders.to_vec();
    dirs.sort();
    let mut sections: Vec<Section> = Vec::with_capacity(dirs.len() + 1);
    let mut section_of_dir: HashMap<String, usize> = HashMap::new();
    sections.push(new_section(
        String::new(),
        String::new(),
        site_title.to_owned(),
    ));
    section_of_dir.insert(String::new(), 0);
    for dir in dirs {
        let folder = dir.rsplit('/').next().unwrap_or(&dir);
        let (prefix, name) = (order_number(folder), number_prefix(folder).1);
        // A folder of pages named with a `_` is one of Jekyll's (`_docs`, `_posts`): the
        // others are pieces left out before (`content::partials`). Jekyll serves it without.
        let name = name
            .strip_prefix('_')
            .filter(|n| !n.is_empty())
            .unwrap_or(name);
        let name = name.to_owned();
        let idx = sections.len();
        let parent = section_of_dir.get(parent_of(&dir)).copied().unwrap_or(0);
        let url = format!("{}{}/", sections[parent].url, folder_url(&name, hugo));
        let mut s = new_section(dir.clone(), url, name);
        s.prefix = prefix;
        s.parent = Some(parent);
        sections.push(s);
        sections[parent].subsections.push(idx);
        section_of_dir.insert(dir, idx);
    }
    (sections, section_of_dir)
}

/// Puts each file where it belongs: `_index.md` files describe their section, every other file
/// becomes an article of its folder's section (drafts are only noted, unless `drafts`).
fn place_files(
    files: Vec<SourceFile>,
    sections: &mut [Section],
    section_of_dir: &HashMap<String, usize>,
    drafts: bool,
    lower: bool,
    links: &mut LinkMap,
    diags: &mut Diagnostics,
) -> Vec<Article> {
    let mut articles: Vec<Article> = Vec::new();
    for file in files {
        match file.kind {
            Kind::Home | Kind::Section => {
                let dir = file.describes.clone().unwrap_or_default();
                let Some(&idx) = section_of_dir.get(&dir) else {
                    // Content never gives this (`content::load` refuses sections in bundles).
                    links.failed.insert(file.rel.clone());
                    continue;
                };
                let s = &mut sections[idx];
                if !file.title.is_empty() {
                    s.title = file.title.clone();
                }
                s.description = file.front.description.clone().unwrap_or_default();
                // Without a weight of its own, the folder keeps the one its category file or
                // the top navigation gave it.
                if file.front.weight.is_some() {
                    s.weight = file.front.weight;
                }
                links.pages.insert(file.rel.clone(), s.url.clone());
                links.by_url.insert(s.url.clone(), file.rel.clone());
                s.source = Some(file);
            }
            Kind::Article => {
                if file.front.draft && !drafts {
                    links.drafts.insert(file.rel.clone());
                    continue;
                }
                let dir = match &file.bundle_dir {
                    Some(b) => parent_of(b).to_owned(),
                    None => parent_of(&file.rel).to_owned(),
                };
                let section = section_of_dir.get(&dir).copied().unwrap_or(0);
                let mut segment = url_segment(&slug_of(&file));
                if lower {
                    segment = segment.to_lowercase();
                }
                // Reserved characters are dropped from a name: what is left may be `.` or `..`.
                if let Some(problem) = segment_problem(&segment) {
                    let (what, line) = match file.front.slug {
                        Some(_) => ("its `slug`", file.key_line("slug")),
                        None => ("its file name", 1),
                    };
                    let d = if problem == TOO_LONG {
                        Diagnostic::error(format!(
                            "this article's URL name would be {problem}: {what} is too long"
                        ))
                        .hint("give the article a shorter `slug`")
                    } else {
                        Diagnostic::error(format!(
                            "this article's URL would be `{segment}`, {problem}: {what} holds little but characters a URL cannot use"
                        ))
                        .hint("give the article a `slug` of letters, digits or Chinese")
                    };
                    diags.push(d.in_file(&file.shown).at_line(line));
                    links.failed.insert(file.rel.clone());
                    continue;
                }
                let url = format!("{}{segment}/", sections[section].url);
                links.pages.insert(file.rel.clone(), url.clone());
                links.by_url.insert(url.clone(), file.rel.clone());
                if let Some(path) = absolute_slug(&file) {
                    match links.by_url.get(&path) {
                        None => {
                            links.by_url.insert(path, file.rel.clone());
                        }
                        // Two pages that had one URL: links to it can find only the first.
                        Some(other)
                            if *other != file.rel && links.pages.get(other) != Some(&path) =>
                        {
                            diags.push(
                                Diagnostic::warning(format!(
                                    "`slug: /{path}` is also content/{other}'s: links to /{path} go to that page"
                                ))
                                .in_file(&file.shown)
                                .at_line(file.key_line("slug"))
                                .hint("give one of them another slug"),
                            );
                        }
                        Some(_) => {}
                    }
                }
                let prefix = match (&file.front.slug, &file.bundle_dir) {
                    (None, None) => order_number(file.rel.rsplit('/').next().unwrap_or(&file.rel)),
                    _ => None,
                };
                articles.push(Article {
                    source: file,
                    url,
                    section,
                    tags: Vec::new(),
                    nav_order: None,
                    nav_label: None,
                    prefix,
                });
            }
        }
    }
    articles
}

/// The URL path an absolute `slug` (Docusaurus's `/guide/intro`) gave the article under its
/// old tool, as a page URL (`guide/intro/`): links written to it find the article.
/// Never one of helpcenter's own folders: `slug: /tags/x` must not take the links to a tag's
/// page.
fn absolute_slug(file: &SourceFile) -> Option<String> {
    let path = file.front.slug.as_deref()?.trim().strip_prefix('/')?;
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let url = format!("{}/", segments.join("/"));
    let generated = crate::paths::GENERATED_FOLDERS
        .iter()
        .any(|g| url.to_lowercase().starts_with(g));
    (!segments.is_empty() && !generated).then_some(url)
}

/// An article's URL segment as written: its `slug`, else its bundle folder's or file's name.
fn slug_of(file: &SourceFile) -> String {
    match file.front.slug.as_deref().map(str::trim) {
        Some(s) if !s.starts_with('/') => s.to_owned(),
        Some(s) if s.trim_matches('/').contains(|c| c != '/') => s
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(s)
            .to_owned(),
        _ => match &file.bundle_dir {
            Some(b) => b.rsplit('/').next().unwrap_or(b).to_owned(),
            None => {
                let name = file.rel.rsplit('/').next().unwrap_or(&file.rel);
                number_prefix(name.trim_end_matches(".md")).1.to_owned()
            }
        },
    }
}

/// A folder without `_index.md` still becomes a section; say how to give it a title.
fn folders_without_index(
    sections: &[Section],
    content: &Path,
    links: &LinkMap,
    meta: &HashMap<String, crate::content::FolderMeta>,
) -> Diagnostics {
    // A folder whose page failed to load has one: its own error says what is wrong with it.
    let failed_page = |dir: &str| {
        ["_index.md", "index.md", "README.md"]
            .iter()
            .any(|n| links.failed.contains(&format!("{dir}/{n}")))
            || links.failed.contains(&format!("{dir}.md"))
    };
    let bare: Vec<&Section> = sections[1..]
        .iter()
        .filter(|s| {
            s.source.is_none()
                && !s.dir.is_empty()
                && !failed_page(&s.dir)
                && !meta.contains_key(&s.dir)
        })
        .collect();
    // A migrated site has dozens (uni-app's docs: 33): one warning names them all.
    if let [first, _, _, _, ..] = bare.as_slice() {
        let named: Vec<String> = bare
            .iter()
            .take(8)
            .map(|s| format!("`{}` (content/{})", s.title, s.dir))
            .collect();
        let more = match bare.len().saturating_sub(8) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        return Diagnostics::from(
            Diagnostic::warning(format!(
                "{} folders have no _index.md; their sections are titled {}{more}",
                bare.len(),
                named.join(", ")
            ))
            .in_file(content.join(&first.dir))
            .hint("add an _index.md with a title and description to a folder to name its section"),
        );
    }
    bare.iter()
        .map(|s| {
            Diagnostic::warning(format!("the folder content/{} has no _index.md", s.dir))
                .in_file(content.join(&s.dir))
                .hint(
                format!(
                    "it is shown as a section titled `{}`; add content/{}/_index.md with a title and description",
                    s.title, s.dir
                ),
            )
        })
        .collect()
}

/// Two articles of one section with one title: its list, and "本栏目其他文章", show two links
/// named alike, and a reader cannot tell them apart (a helper's two 退款多久到账？).
fn same_titles(sections: &[Section], articles: &[Article]) -> Diagnostics {
    let mut diags = Diagnostics::default();
    for s in sections {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for &i in &s.articles {
            let a = &articles[i];
            match seen.get(a.source.title.trim()) {
                Some(&first) => diags.push(
                    Diagnostic::warning(format!(
                        "`{}` is also the title of {}, in the same section",
                        a.source.title.trim(),
                        crate::error::display_path(&articles[first].source.shown)
                    ))
                    .in_file(&a.source.shown)
                    .at_line(a.source.key_line("title"))
                    .hint(
                        "readers see two links named alike: give one a title that tells it apart",
                    ),
                ),
                None => {
                    seen.insert(a.source.title.trim(), i);
                }
            }
        }
        // Sub-sections too: Vue Router's guide/ and file-based-routing/ are both 入门, and the
        // header showed `入门 · 入门`.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for &i in &s.subsections {
            let sub = &sections[i];
            let Some(&first) = seen.get(sub.title.trim()) else {
                seen.insert(sub.title.trim(), i);
                continue;
            };
            let named = |x: &Section| match &x.source {
                Some(f) => crate::error::display_path(&f.shown),
                None => format!("the folder content/{}", x.dir),
            };
            let mut d = Diagnostic::warning(format!(
                "`{}` is also the title of {}, a section beside it",
                sub.title.trim(),
                named(&sections[first])
            ))
            .hint("readers see two sections named alike: give one a title that tells it apart");
            if let Some(f) = &sub.source {
                d = d.in_file(&f.shown).at_line(f.key_line("title"));
            }
            diags.push(d);
        }
    }
    diags
}

/// Tags by URL slug, each listing its articles newest first; each article learns its tag keys.
fn collect_tags(
    articles: &mut [Article],
    locale: &Locale,
    diags: &mut Diagnostics,
) -> BTreeMap<String, Tag> {
    let mut tags: BTreeMap<String, Tag> = BTreeMap::new();
    for (idx, a) in articles.iter_mut().enumerate() {
        // Names as compared (any case), each warned about once per article.
        let mut seen: Vec<String> = Vec::new();
        for name in &a.source.front.tags {
            let name = name.trim();
            let lower = name.to_lowercase();
            let slug = url_segment(&lower);
            if name.is_empty() || seen.contains(&lower) {
                continue;
            }
            seen.push(lower.clone());
            // `C#` and `C`, `/` and `<>`: what a URL cannot hold is left out of the slug, and
            // two tags become one page. Tags differing only in case are one on purpose.
            if let Some(tag) = tags.get(&slug).filter(|t| t.name.to_lowercase() != lower) {
                diags.push(
                    Diagnostic::warning(format!(
                        "tags `{name}` and `{}` share one page, {}: characters a URL cannot hold are left out of it",
                        tag.name, tag.url
                    ))
                    .in_file(&a.source.shown)
                    .at_line(a.source.key_line("tags"))
                    .hint("rename one of them, e.g. with letters for its symbols (`C-sharp`)"),
                );
            }
            if a.tags.contains(&slug) {
                continue;
            }
            // `tags: 退款，到账时间`: an input method's comma makes one tag of two.
            if name.contains(['，', '、', ',']) {
                let parts: Vec<&str> = name
                    .split(['，', '、', ','])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect();
                diags.push(
                    Diagnostic::warning(format!("tag `{name}` holds a comma: it is one tag"))
                        .in_file(&a.source.shown)
                        .at_line(a.source.key_line("tags"))
                        .hint(format!(
                            "for several tags, write a list: tags: [{}]",
                            parts.join(", ")
                        )),
                );
            }
            if let Some(problem) = segment_problem(&slug) {
                diags.push(
                    Diagnostic::error(format!(
                        "tag `{name}` cannot be a page's URL: it is {problem}"
                    ))
                    .in_file(&a.source.shown)
                    .at_line(a.source.key_line("tags"))
                    .hint(if problem == TOO_LONG {
                        "shorten the tag"
                    } else {
                        "give the tag a name with at least one letter or digit"
                    }),
                );
                continue;
            }
            a.tags.push(slug.clone());
            tags.entry(slug.clone())
                .or_insert_with(|| Tag {
                    name: name.to_owned(),
                    url: format!("tags/{slug}/"),
                    articles: Vec::new(),
                })
                .articles
                .push(idx);
        }
    }
    for t in tags.values_mut() {
        let titles: HashMap<usize, SortKey> = (t.articles.iter())
            .map(|&i| (i, locale.title_key(&articles[i].source.title)))
            .collect();
        t.articles.sort_by(|&x, &y| {
            newest_first(articles[x].source.date, articles[y].source.date)
                .then_with(|| titles[&x].cmp(&titles[&y]))
                .then_with(|| articles[x].url.cmp(&articles[y].url))
        });
    }
    tags
}

/// Featured articles named in the config must exist; one listed twice is shown once.
/// An article that failed to load has its own error, and is named by no second one here.
fn check_featured(
    config: &Config,
    by_path: &HashMap<String, usize>,
    links: &LinkMap,
) -> Diagnostics {
    let paths = config.featured_paths();
    let mut diags: Diagnostics = paths
        .iter()
        .filter_map(|p| {
            let path = crate::paths::markdown_path(p);
            let path = path.as_deref().unwrap_or(p);
            if by_path.contains_key(path) {
                return None;
            }
            let what = match links.why_missing(path)? {
                Missing::Draft => "a draft",
                Missing::Absent => "a missing article",
            };
            let d = Diagnostic::error(format!("`featured` names {what}: `{p}`"))
                .in_file(&config.shown)
                .hint(
                    "list articles by their path under content/, e.g. `account/reset-password.md`",
                );
            Some(match config.featured_line {
                Some(line) => d.at_line(line),
                None => d,
            })
        })
        .collect();
    for path in paths {
        let n = config
            .featured
            .iter()
            .filter(|p| Config::featured_path(p) == path)
            .count();
        if n > 1 {
            diags.push(
                Diagnostic::warning(format!("`featured` lists `{path}` {n} times"))
                    .in_file(&config.shown)
                    .hint("the home page shows it once; remove the other entries"),
            );
        }
    }
    diags
}

/// Each asset's path in the output: bundle files sit beside their article; other files keep
/// their path.
fn asset_paths(assets: &[Asset], articles: &[Article]) -> HashMap<String, String> {
    let bundles: HashMap<&str, &Article> = articles
        .iter()
        .filter_map(|a| Some((a.source.bundle_dir.as_deref()?, a)))
        .collect();
    let mut out_paths = HashMap::new();
    for asset in assets {
        // The nearest enclosing folder that is a bundle owns the file.
        let mut dir = parent_of(&asset.rel);
        // VuePress's public files are published under `public/`, as VitePress's: a folder whose
        // name starts with a dot is one some hosts do not serve.
        let mut out = match asset.rel.strip_prefix(crate::content::VUEPRESS_PUBLIC) {
            Some(rest) => format!("public{rest}"),
            None => asset.rel.clone(),
        };
        while !dir.is_empty() {
            if let Some(a) = bundles.get(dir) {
                out = format!("{}{}", a.url, &asset.rel[dir.len() + 1..]);
                break;
            }
            dir = parent_of(dir);
        }
        out_paths.insert(asset.rel.clone(), out);
    }
    out_paths
}

fn new_section(dir: String, url: String, title: String) -> Section {
    Section {
        dir,
        url,
        title,
        description: String::new(),
        weight: None,
        source: None,
        parent: None,
        subsections: Vec::new(),
        articles: Vec::new(),
        nav_order: None,
        prefix: None,
        from_nav: false,
        nav_label: None,
    }
}

/// A path segment safe in a URL and a file name: whitespace becomes `-`, characters with a
/// meaning in URLs or paths are dropped, everything else (Chinese included) is kept.
pub fn url_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        if c.is_whitespace() {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else if !"/\\?#%\"<>|:*&'`^{}[]".contains(c) && !c.is_control() {
            out.push(c);
        }
    }
    if out.is_empty() { "-".to_owned() } else { out }
}

#[cfg(test)]
mod tests {
    use crate::testing::{messages, site, site_with};

    fn art(title: &str, extra: &str) -> String {
        format!("---\ntitle: {title}\n{extra}---\n\n正文。\n")
    }

    #[test]
    fn sections_urls_and_bundles() {
        let (s, d) = site(&[
            ("_index.md", "---\ntitle: 首页\n---\n"),
            (
                "a/_index.md",
                "---\ntitle: 账户\ndescription: 账户问题\n---\n",
            ),
            ("a/b/_index.md", "---\ntitle: 设备\n---\n"),
            ("a/b/face.md", &art("面容", "slug: face-id\n")),
            ("a/pw.md", &art("改密码", "")),
            ("a/guide/index.md", &art("指南", "")),
            ("a/guide/shot.png", ""),
            ("a/guide/img/deep.png", ""),
            ("loose/x.md", &art("散落", "")),
            ("top.png", ""),
        ]);
        let urls: Vec<&str> = s.sections.iter().map(|x| x.url.as_str()).collect();
        assert_eq!(urls, ["", "a/", "a/b/", "loose/"]);
        assert_eq!(s.sections[1].title, "账户");
        assert_eq!(s.sections[1].description, "账户问题");
        assert_eq!(
            s.sections[3].title, "loose",
            "a folder without _index.md is named after itself"
        );
        let mut article_urls: Vec<&str> = s.articles.iter().map(|a| a.url.as_str()).collect();
        article_urls.sort();
        assert_eq!(
            article_urls,
            ["a/b/face-id/", "a/guide/", "a/pw/", "loose/x/"]
        );
        assert_eq!(s.ancestry(2), [0, 1, 2]);
        assert_eq!(s.article_count(1), 3);
        assert_eq!(s.links.assets["a/guide/shot.png"], "a/guide/shot.png");
        assert_eq!(
            s.links.assets["a/guide/img/deep.png"],
            "a/guide/img/deep.png"
        );
        assert_eq!(s.links.assets["top.png"], "top.png");
        assert_eq!(s.links.pages["a/_index.md"], "a/");
        assert_eq!(
            messages(&d),
            ["content/loose: the folder content/loose has no _index.md"],
            "{d:?}"
        );
    }

    /// A migrated site's many folders without `_index.md` get one warning, not one each.
    #[test]
    fn many_folders_without_a_page_are_named_in_one_warning() {
        let files: Vec<(String, String)> = (1..=5)
            .map(|i| (format!("f{i}/x.md"), art("页", "")))
            .collect();
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let (_, d) = site(&files);
        assert_eq!(
            messages(&d),
            [
                "content/f1: 5 folders have no _index.md; their sections are titled `f1` (content/f1), `f2` (content/f2), `f3` (content/f3), `f4` (content/f4), `f5` (content/f5)"
            ],
            "{d:?}"
        );
    }

    #[test]
    fn order_is_weight_then_newest_then_title() {
        let (s, _) = site(&[
            ("a/_index.md", "---\ntitle: A\n---\n"),
            ("a/old.md", &art("乙旧", "date: 2020-01-01\n")),
            ("a/new.md", &art("甲新", "date: 2024-01-01\n")),
            ("a/heavy.md", &art("重", "weight: 1\n")),
            ("a/b.md", &art("b", "")),
            ("a/a.md", &art("a", "")),
        ]);
        let titles: Vec<&str> = s.sections[1]
            .articles
            .iter()
            .map(|&i| s.articles[i].source.title.as_str())
            .collect();
        assert_eq!(titles, ["重", "甲新", "乙旧", "a", "b"]);
    }

    #[test]
    fn a_weight_between_two_whole_ones_goes_between_them() {
        // Docusaurus authors insert a page with `sidebar_position: 2.5`; rounded, it would tie
        // with 2 and go by title.
        let (s, _) = site(&[
            ("a/_index.md", "---\ntitle: A\n---\n"),
            ("a/x.md", &art("甲", "sidebar_position: 3\n")),
            ("a/y.md", &art("乙", "sidebar_position: 2.5\n")),
            ("a/z.md", &art("丙", "weight: 2\n")),
            ("a/w.md", &art("丁", "weight: \"-0.5\"\n")),
        ]);
        let titles: Vec<&str> = s.sections[1]
            .articles
            .iter()
            .map(|&i| s.articles[i].source.title.as_str())
            .collect();
        assert_eq!(titles, ["丁", "丙", "乙", "甲"]);
    }

    #[test]
    fn sub_sections_by_weight_then_title() {
        let (s, _) = site(&[
            ("x/_index.md", "---\ntitle: 乙\n---\n"),
            ("y/_index.md", "---\ntitle: 甲\n---\n"),
            ("z/_index.md", "---\ntitle: 丙\nweight: 1\n---\n"),
        ]);
        let titles: Vec<&str> = s.sections[0]
            .subsections
            .iter()
            .map(|&i| s.sections[i].title.as_str())
            .collect();
        // Without weights, as a Chinese reader looks for them: 甲 jiǎ before 乙 yǐ (in code
        // points 乙 U+4E59 comes first).
        assert_eq!(titles, ["丙", "甲", "乙"]);
    }

    #[test]
    fn aliases_are_normalized_and_checked() {
        let (s, d) = site(&[
            ("a/_index.md", "---\ntitle: A\n---\n"),
            (
                "a/x.md",
                &art(
                    "一",
                    "aliases: [/old/x/, zz, ../up, \"a/./b\", \"c\\\\d\", \"https://x.com/old/y/\"]\n",
                ),
            ),
            ("a/y.md", &art("二", "aliases: [old/b.html]\n")),
        ]);
        let got: Vec<(&str, &str, &str)> = s
            .aliases
            .iter()
            .map(|a| (a.path.as_str(), a.target.as_str(), a.written.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("old/b.html", "a/y/", "old/b.html"),
                ("old/x/", "a/x/", "/old/x/"),
                ("zz/", "a/x/", "zz"),
            ]
        );
        assert_eq!(
            messages(&d),
            [
                "a/x.md:3: alias `../up` is not a path inside the site: it holds `.` or `..`, which would climb out of its folder",
                "a/x.md:3: alias `a/./b` is not a path inside the site: it holds `.` or `..`, which would climb out of its folder",
                "a/x.md:3: alias `c\\d` is not a path inside the site: it holds a backslash",
                "a/x.md:3: alias `https://x.com/old/y/` is a whole URL: an alias is a path of this site",
            ]
        );
    }

    #[test]
    fn an_alias_that_is_the_articles_own_url_is_left_out_with_a_warning() {
        // Dapr's docs (Hugo): `aliases: ["/contributing/codespaces/", …]` on that very page.
        let (s, d) = site(&[
            ("a/_index.md", "---\ntitle: A\n---\n"),
            (
                "a/x.md",
                &art(
                    "一",
                    "aliases: [/a/x/, a/x, /old/x/, /A/X/, \"old.php?id=3\", faq#x]\n",
                ),
            ),
            ("a/y.md", &art("二", "aliases: [/a/x/]\n")),
        ]);
        let got: Vec<(&str, &str)> = s
            .aliases
            .iter()
            .map(|a| (a.path.as_str(), a.target.as_str()))
            .collect();
        // Another article's URL is still an alias, for `claims` to reject.
        assert_eq!(got, [("a/x/", "a/y/"), ("old/x/", "a/x/")]);
        assert_eq!(
            messages(&d),
            [
                "a/x.md:3: alias `/A/X/` is this article's own URL: there is nothing to redirect",
                "a/x.md:3: alias `/a/x/` is this article's own URL: there is nothing to redirect",
                "a/x.md:3: alias `a/x` is this article's own URL: there is nothing to redirect",
                "a/x.md:3: alias `faq#x` holds a `?` or `#`, which a static host does not see: it cannot redirect",
                "a/x.md:3: alias `old.php?id=3` holds a `?` or `#`, which a static host does not see: it cannot redirect",
            ]
        );
    }

    #[test]
    fn a_url_left_as_dots_once_reserved_characters_go_is_an_error() {
        let (s, d) = site(&[
            ("a.md", &art("一", "slug: \".?.\"\n")),
            ("?..md", &art("二", "")),
            ("ok.md", &art("三", "")),
        ]);
        assert_eq!(s.articles.len(), 1);
        assert_eq!(
            messages(&d),
            [
                "?..md:1: this article's URL would be `.`, `.` or `..`, which would climb out of its folder: its file name holds little but characters a URL cannot use",
                "a.md:3: `slug` cannot be used in a URL: `.?.` holds a leading `.`, which makes a hidden folder many hosts do not serve",
            ]
        );
    }

    #[test]
    fn tags_that_would_climb_out_are_errors() {
        let (s, d) = site(&[("a.md", &art("一", "tags: [\"..\", \".\", ok]\n"))]);
        assert_eq!(s.tags.keys().collect::<Vec<_>>(), ["ok"]);
        assert_eq!(
            messages(&d),
            [
                "a.md:3: tag `..` cannot be a page's URL: it is `.` or `..`, which would climb out of its folder",
                "a.md:3: tag `.` cannot be a page's URL: it is `.` or `..`, which would climb out of its folder",
            ]
        );
    }

    #[test]
    fn tags_share_a_page_whatever_their_case_newest_first() {
        let (s, _) = site(&[
            (
                "a.md",
                &art("旧", "tags: [Face ID, 安全]\ndate: 2020-01-01\n"),
            ),
            (
                "b.md",
                &art("新", "tags: [face id, face ID]\ndate: 2024-01-01\n"),
            ),
        ]);
        let keys: Vec<&str> = s.tags.keys().map(String::as_str).collect();
        assert_eq!(keys, ["face-id", "安全"]);
        let t = &s.tags["face-id"];
        assert_eq!(t.name, "Face ID");
        assert_eq!(t.url, "tags/face-id/");
        let titles: Vec<&str> = t
            .articles
            .iter()
            .map(|&i| s.articles[i].source.title.as_str())
            .collect();
        assert_eq!(titles, ["新", "旧"]);
        assert_eq!(
            s.articles[1].tags,
            ["face-id"],
            "a tag listed twice counts once"
        );
    }

    /// A hurried author's slips that build without a word but show wrong: one tag with an
    /// input method's comma in it, an old URL copied with the site's own path, two articles of
    /// one section under one title. Found by a helper; each now gets a warning at its line.
    #[test]
    fn slips_that_build_but_show_wrong_get_a_warning() {
        let (s, d) = site_with(
            "title: t\nbase_url: https://x.github.io/help/\n",
            &[
                ("a/_index.md", "---\ntitle: 退款\n---\n"),
                (
                    "a/one.md",
                    &art(
                        "退款多久到账？",
                        "tags: 退款，到账时间\naliases: [/help/old/one/, old/two/]\n",
                    ),
                ),
                ("a/two.md", &art("退款多久到账？", "")),
                ("b/three.md", &art("退款多久到账？", "")),
            ],
        );
        assert_eq!(s.tags.len(), 1, "still one tag, as written");
        let m = messages(&d);
        assert!(
            m.iter()
                .any(|x| x.starts_with("a/one.md:3: tag `退款，到账时间` holds a comma")),
            "{m:?}"
        );
        assert!(
            m.iter().any(|x| x.starts_with(
                "a/one.md:4: alias `/help/old/one/` starts with the site's own path `/help/`"
            )),
            "{m:?}"
        );
        assert!(!m.iter().any(|x| x.contains("`old/two/`")), "{m:?}");
        let same: Vec<&String> = m.iter().filter(|x| x.contains("same section")).collect();
        assert_eq!(same.len(), 1, "{m:?}: another section's title is its own");
        assert!(
            same[0].contains("a/one.md") || same[0].contains("a/two.md"),
            "{same:?}"
        );
    }

    #[test]
    fn drafts_and_featured() {
        let (s, d) = site_with(
            "title: t\nfeatured: [content/a.md, gone.md, d.md, bad.md]\n",
            &[
                ("a.md", &art("一", "")),
                ("d.md", &art("草稿", "draft: true\n")),
                // A featured article that fails to load has its own error, and no second one
                // (found by a helper: every front-matter slip also said "missing article").
                ("bad.md", "---\ntitle: 坏\ntag: x\n---\n"),
            ],
        );
        assert_eq!(s.articles.len(), 1);
        assert_eq!(s.links.why_missing("d.md"), Some(super::Missing::Draft));
        assert_eq!(s.links.why_missing("x.md"), Some(super::Missing::Absent));
        assert_eq!(
            messages(&d)
                .into_iter()
                .filter(|m| m.contains("featured"))
                .collect::<Vec<_>>(),
            [
                "helpcenter.yaml:2: `featured` names a draft: `d.md`",
                "helpcenter.yaml:2: `featured` names a missing article: `gone.md`",
            ]
        );
    }

    #[test]
    fn url_segments_drop_reserved_characters() {
        assert_eq!(super::url_segment("Face ID 设置"), "Face-ID-设置");
        assert_eq!(super::url_segment("a/b?c#d%e"), "abcde");
        assert_eq!(super::url_segment("  "), "-");
    }
}
