//! Loading the `content/` folder: finding files (walkdir), splitting and reading front matter.
//!
//! Nothing here knows about URLs or templates; it turns files into [`SourceFile`]s and reports
//! every file that cannot be read, with the line in the file where the problem is.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, FixedOffset};
use rayon::prelude::*;

use crate::error::{Diagnostic, Diagnostics, display_path, guard, line_col, shown_path};
use crate::paths::{markdown_path, parent_of, segment_problem, slash_path};

mod dates;
pub mod dialect;
mod docusaurus;
mod dumi;
mod front_matter;
pub mod includes;
mod jekyll;
mod js;
mod mintlify;
mod mkdocs;
pub mod nav;
mod partials;
mod project;
pub(crate) mod roles;
mod rspress;
mod starlight;
mod title;
mod vitepress;

pub use dates::{DateInfo, parse_date};
pub use front_matter::{FrontMatter, Weight};
use title::Title;

/// The folder of a site that holds its Markdown.
pub const CONTENT_DIR: &str = "content";

/// What a Markdown file is, by its name and place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `content/_index.md`.
    Home,
    /// `_index.md` in a folder of `content/`.
    Section,
    /// Any other `.md`.
    Article,
}

/// One Markdown file under `content/`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path shown in messages (relative to the working directory when the root is).
    pub shown: PathBuf,
    /// Path relative to `content/`, with `/` separators: `weilidai/close-weilidai.md`.
    pub rel: String,
    /// What the file is.
    pub kind: Kind,
    /// For a page bundle `x/foo/index.md`: `x/foo`, the folder whose other files it owns.
    pub bundle_dir: Option<String>,
    /// For a folder's own page (`x/_index.md`, `x/index.md`, `x.md` beside `x/`): the folder,
    /// `` for the home page.
    pub describes: Option<String>,
    /// The front matter as written.
    pub front: FrontMatter,
    /// `date`, read.
    pub date: Option<DateInfo>,
    /// `updated`, read.
    pub updated: Option<DateInfo>,
    /// The front matter's `title`, else the first `# ` heading's text, as plain text.
    pub title: String,
    /// The title as inline HTML, for the page's `<h1>`.
    pub title_html: String,
    /// The id the title's heading asked for (`# Title {#id}`), given to the `<h1>`.
    pub title_id: Option<String>,
    /// The Markdown after the front matter.
    pub body: String,
    /// 1-based line of the file on which `body` starts.
    pub body_line: usize,
    /// For each line of `body`, the line of the written body it came from (0-based), when
    /// another tool's syntax was rewritten with lines added or dropped; empty otherwise.
    pub line_map: Vec<usize>,
    /// What the rewrite of other tools' syntax could not understand (taken by `load`).
    pub warnings: Vec<Diagnostic>,
    /// File line of each top-level front-matter key, for errors about a key's value.
    pub key_lines: Vec<(String, usize)>,
    /// The front matter as written: `serve` compares it to tell a body-only edit.
    pub front_raw: String,
    /// Keys of other tools that mean nothing here, with the tool: noted once per build.
    pub ignored_keys: Vec<(String, &'static str)>,
    /// Another tool's search results page (`layout: search`): left out.
    pub search_page: bool,
}

impl SourceFile {
    /// The file line where `key` is written in the front matter (line 1 when it is not).
    pub fn key_line(&self, key: &str) -> usize {
        self.key_lines
            .iter()
            .find(|(k, _)| k == key)
            .map_or(1, |(_, l)| *l)
    }

    /// The folder (relative to `content/`) that relative links in this file are resolved against.
    pub fn dir(&self) -> &str {
        parent_of(&self.rel)
    }
}

/// A non-Markdown file under `content/` (images and attachments), copied to the output.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to `content/`, with `/` separators.
    pub rel: String,
    /// Where the file is when it is not under `content/`: a file of the project the docs
    /// folder is in, which the project's tool serves at the site's root (see
    /// [`project::root_files`]).
    pub source: Option<PathBuf>,
}

/// Everything under `content/` that loaded.
#[derive(Debug, Default)]
pub struct Content {
    /// The tool whose config the content came with (see `ReadOptions::made_for`).
    pub made_for: Option<&'static str>,
    /// See `ReadOptions::heading_at_ids`.
    pub heading_at_ids: bool,
    /// What every page ends with (see `ReadOptions::appended`).
    pub appended: String,
    /// Material's code annotations are on (see `mkdocs::MkDocs::annotate`).
    pub code_annotations: bool,
    /// Pages' URLs are written as Hugo writes them: a `-` for spaces in folders' names too, and
    /// in lower case unless its config says `disablePathToLower` (`Some(false)`). Links written
    /// as the old site's URLs find their pages, and the help center keeps them.
    pub hugo_urls: Option<bool>,
    /// Markdown files that loaded, in path order.
    pub files: Vec<SourceFile>,
    /// Every other file, in path order.
    pub assets: Vec<Asset>,
    /// Every folder under `content/` (relative, `/`-separated), sections with or without `_index.md`.
    pub folders: Vec<String>,
    /// Markdown files that exist but could not be loaded (already reported): links to them are
    /// not reported again as links to missing articles.
    pub failed: Vec<String>,
    /// The `content/` folder as messages name it, to name its folders and files.
    pub shown: PathBuf,
    /// Navigation files (`SUMMARY.md`, `TOC.md`), VitePress and Docusaurus sidebars, read.
    pub navs: Vec<nav::Nav>,
    /// The URL paths another tool served these docs under (Docusaurus's `docs/`; a language's
    /// `zh/` when content/ is that language's folder): links written as `/docs/guide/intro` mean
    /// `guide/intro`.
    pub docs_routes: Vec<String>,
    /// Markdown files SUMMARY.md does not list, left out as mdBook leaves them: a link to one
    /// says so.
    pub unlisted: Vec<String>,
    /// A folder's title and order from Docusaurus's `_category_.json` (or `.yml`), by folder.
    pub folder_meta: std::collections::HashMap<String, FolderMeta>,
    /// The files mdBook's includes read, resolved (see `includes::Includes::files`), the
    /// files of `content/` that are links to files elsewhere in the site, and the other tools'
    /// configs the site reads (`tool_configs`), resolved: `serve` watches them where they are.
    pub included: Vec<PathBuf>,
    /// The tool's config turns TeX math on (MkDocs's arithmatex, VitePress's `math: true`,
    /// Docusaurus's remark-math).
    pub math: bool,
}

/// What a Docusaurus category file says of its folder.
#[derive(Debug, Clone, Default)]
pub struct FolderMeta {
    /// `label`: the folder's title.
    pub title: Option<String>,
    /// `position`: its order among its siblings.
    pub weight: Option<Weight>,
}

/// What reading a file needs from the site's config.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions<'a> {
    /// The offset of dates written without one.
    pub offset: FixedOffset,
    /// Values of `{{{ .name }}}` variables.
    pub variables: &'a std::collections::BTreeMap<String, String>,
    /// The tool whose config the content came with (`MkDocs`, `VitePress`): its pages may hold
    /// keys of that site's theme and plugins, which are ignored (see `front_matter::read`).
    pub made_for: Option<&'static str>,
    /// Where mdBook's includes may read; `None` leaves them out with a warning.
    pub includes: Option<&'a includes::Includes>,
    /// Link references every page ends with: MkDocs's `auto_append` snippets (see
    /// `auto_appended`).
    pub appended: &'a str,
    /// The file is MDX (`.mdx` on disk; its content path says `.md`): see
    /// `dialect::body::mdx`.
    pub mdx: bool,
    /// A heading's id is written after an `@` (`## 页面生命周期@lifecycle`): see
    /// `dialect::body::at_ids`.
    pub heading_at_ids: bool,
}

/// Whether the file at `path` is MDX.
pub fn is_mdx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("mdx"))
}

/// Reads every file under `root/content`. Problems in single files are collected; the files that
/// did load are returned alongside them so later stages can report their own problems too.
pub fn load(root: &Path, options: ReadOptions) -> (Content, Diagnostics) {
    let dir = root.join(CONTENT_DIR);
    let mut diags = Diagnostics::default();
    let mut content = Content {
        shown: shown_path(root, &dir),
        ..Content::default()
    };
    if !dir.is_dir() {
        diags.push(
            Diagnostic::error("the site has no content/ folder")
                .in_file(shown_path(root, &dir))
                .hint("create content/_index.md (the home page) and one .md file per article"),
        );
        return (content, diags);
    }

    let mut markdown = walk(root, &dir, &mut content, &mut diags);
    one_source_per_page(root, &dir, &mut markdown, &mut diags);
    let published = jekyll::published_folders(root, &dir, &mut diags);
    partials::leave_out(&mut markdown, &content.shown, &published, &mut diags);
    let project = project::tool(root, &dir);
    // Rspress's `route.exclude` (its own docs: `**/fragments/**`, pieces other pages import).
    if let Some(("Rspress", folder)) = &project {
        rspress::exclude(root, folder, &mut diags).apply(&mut markdown, &mut diags);
    }
    let vitepress = vitepress::read(root, &dir, &content.folders, &mut diags);
    vitepress.exclude.apply(&mut markdown, &mut diags);
    // Navigation files order the others; they are no pages of their own.
    let (navs, pages): (Vec<_>, Vec<_>) = markdown
        .into_iter()
        .partition(|(_, rel)| nav::is_nav_file(rel));
    markdown = pages;

    content.navs = nav::read_all(
        root,
        &navs,
        &content.folders,
        options.variables,
        vitepress.tool == Some("VuePress"),
        &mut diags,
    );
    let mdbook = js::beside_content(root, &dir)
        .iter()
        .any(|d| d.join("book.toml").is_file());
    content.unlisted = nav::leave_out_unlisted(&content.navs, &mut markdown, mdbook, &mut diags);
    content.navs.extend(vitepress.navs);
    let mut docusaurus = docusaurus::read(root, &dir, &mut diags);
    let labels = docusaurus::category_translations(&dir);
    for nav in &mut docusaurus.navs {
        docusaurus::translate(&mut nav.nodes, &labels);
    }
    content.navs.extend(docusaurus.navs);
    content.docs_routes = docusaurus.route.into_iter().collect();
    // The content folder as it is on disk, links followed: what a language's folder is named.
    let real = std::fs::canonicalize(&dir).ok();
    content
        .docs_routes
        .extend(real.as_deref().and_then(language_route));
    diags.extend(real.as_deref().and_then(|real| unread_public(root, real)));
    let mkdocs = mkdocs::read(root, &dir, &mut diags);
    content.navs.extend(mkdocs.nav);
    content.math = mkdocs.math || vitepress.math || docusaurus.math;
    content.code_annotations = mkdocs.annotate;
    content.made_for = if mkdocs.found {
        Some("MkDocs")
    } else if let Some(tool) = vitepress.tool {
        Some(tool)
    } else if dialect::is_hugo_site(root, &dir) {
        content.hugo_urls = Some(!dialect::hugo_keeps_case(root, &dir));
        Some("Hugo")
    } else if docusaurus.found {
        Some("Docusaurus")
    } else if js::beside_content(root, &dir).iter().any(|d| {
        dialect::DUMI_CONFIG_FILES
            .iter()
            .any(|n| d.join(n).is_file())
    }) {
        Some("dumi")
    } else {
        project.as_ref().map(|(tool, _)| *tool).or(options.made_for)
    };
    let includes = includes::Includes::new(root, &dir);
    let appended = auto_appended(&includes, &mkdocs.auto_append, &mut diags);
    content.heading_at_ids = vitepress.heading_at_ids;
    let options = ReadOptions {
        made_for: content.made_for,
        heading_at_ids: content.heading_at_ids,
        includes: Some(&includes),
        appended: &appended,
        ..options
    };
    let starlight = match &project {
        Some(("Starlight", folder)) => {
            let mut sidebar = starlight::read(root, folder, &dir, &mut diags);
            content.navs.extend(sidebar.nav.take());
            leave_out_404(&mut markdown, "Starlight", &content.shown, &mut diags);
            Some(sidebar)
        }
        Some(("Mintlify", folder)) => {
            content
                .navs
                .extend(mintlify::read(root, folder, &dir, &mut diags));
            None
        }
        _ => None,
    };
    if content.made_for == Some("VuePress") {
        leave_out_404(&mut markdown, "VuePress", &content.shown, &mut diags);
    }
    nav::one_per_folder(&mut content.navs);
    content.folder_meta = folder_meta(&dir, &content.assets);
    for meta in content.folder_meta.values_mut() {
        if let Some(t) = meta.title.as_ref().and_then(|t| labels.get(t.trim())) {
            meta.title = Some(t.clone());
        }
    }
    for (folder, title, place) in vitepress.folder_titles {
        let meta = content.folder_meta.entry(folder).or_default();
        // A bare link's folder is placed, and keeps the title its page gives it.
        if !title.is_empty() {
            meta.title.get_or_insert(title);
        }
        meta.weight.get_or_insert(Weight::from(place));
    }
    let rels: Vec<&str> = markdown.iter().map(|(_, rel)| rel.as_str()).collect();
    if let Some(sidebar) = starlight {
        for (folder, title, place) in sidebar.folders {
            let meta = content.folder_meta.entry(folder).or_default();
            meta.title.get_or_insert(title);
            meta.weight.get_or_insert(Weight::from(place));
        }
    }
    let rspress = match &project {
        Some(("Rspress", folder)) => rspress::read(&dir, &content.folders, &rels, Some(folder)),
        _ => rspress::Meta::default(),
    };
    for (folder, title, place) in &rspress.folders {
        let meta = content.folder_meta.entry(folder.clone()).or_default();
        if let Some(t) = title {
            meta.title.get_or_insert(t.clone());
        }
        meta.weight.get_or_insert(Weight::from(*place));
    }
    let roles = roles::decide(&rels, &content.folders);
    for (index, underscore) in &roles.conflicts {
        diags.push(
            Diagnostic::error(format!(
                "content/{underscore} and content/{index} both claim to be the page of their folder"
            ))
            .in_file(content.shown.join(index))
            .hint(format!(
                "keep one: rename content/{index} (e.g. to overview.md) to make it an article, or remove content/{underscore}"
            )),
        );
        content.failed.push(index.clone());
    }
    markdown.retain(|(_, rel)| !roles.conflicts.iter().any(|(index, _)| index == rel));
    content.folders = roles.sections.clone();
    read_markdown(root, &markdown, options, &mut content, &mut diags);
    content.appended = appended;
    diags.extend(includes.over_budget().map(|d| d.in_file(&content.shown)));
    content.included.extend(includes.files());
    content.included.extend(tool_configs(root, &dir));
    if let Some((tool, folder)) = &project {
        content.included.extend(project::files(folder, tool));
    }
    // Mintlify serves the files of its project's folder at the site's root (`/images/x.png`):
    // those the docs folder does not hold itself.
    if let (Some(("Mintlify", folder)), Some(real)) = (&project, &real)
        && folder != real
    {
        let own: HashSet<String> = content.assets.iter().map(|a| a.rel.clone()).collect();
        let files = project::root_files(folder, real, &mut diags);
        content
            .assets
            .extend(files.into_iter().filter(|a| !own.contains(&a.rel)));
    }
    content.included.sort_unstable();
    content.included.dedup();
    for f in &mut content.files {
        roles.apply(f);
        rspress.apply(f);
    }
    if content.made_for == Some("dumi") {
        dumi::navigation(&mut content.files, &mut content.folder_meta);
    }
    // Only now is it known which files are articles (a folder's page may go without a title).
    // One without a title of its own takes its navigation label, as mdBook takes a chapter's.
    let pages: HashSet<&str> = content.files.iter().map(|f| f.rel.as_str()).collect();
    let labels: std::collections::HashMap<String, &str> = content
        .navs
        .iter()
        .flat_map(|n| n.entries(|p| pages.contains(p)))
        .rev()
        .filter(|(_, label)| !label.trim().is_empty())
        .collect();
    let mut named_by_file: Vec<PathBuf> = Vec::new();
    for f in &mut content.files {
        if f.kind == Kind::Article && f.title.is_empty() {
            let label = labels.get(&f.rel).map(|l| (*l).to_owned());
            let fallback = || {
                let title = fallback_title(&f.rel, content.made_for)?;
                if content.made_for == Some("VuePress") {
                    named_by_file.push(f.shown.clone());
                }
                Some(title)
            };
            if let Some(title) = label.or_else(fallback) {
                // A first heading that repeats it is the title, not shown twice (GitBook's
                // pages open with `## 1.1 快速上手` under that label).
                let squeezed = |s: &str| s.split_whitespace().collect::<String>();
                if let Some(line) =
                    front_matter::take_repeated_h1(&mut f.body, |h| squeezed(h) == squeezed(&title))
                {
                    let mkdocs = content.made_for == Some("MkDocs");
                    f.title_id = title::from_heading_of(&line, mkdocs).id;
                }
                f.title_html = crate::escape::html(&title);
                f.title = title;
            }
        }
    }
    if let Some(first) = named_by_file.first() {
        diags.push(
            Diagnostic::info(format!(
                "{} without a title (no `title:`, no heading to open {}, no sidebar label) {} titled by {} file name, where VuePress shows the site's title: {}",
                match named_by_file.len() {
                    1 => "a page".to_owned(),
                    n => format!("{n} pages"),
                },
                if named_by_file.len() == 1 { "it" } else { "them" },
                if named_by_file.len() == 1 { "is" } else { "are" },
                if named_by_file.len() == 1 { "its" } else { "their" },
                named_by_file.iter().take(5).map(|p| display_path(p)).collect::<Vec<_>>().join(", ")
            ))
            .in_file(first)
            .at_line(1)
            .hint("add `title: …` to a page's front matter to name it"),
        );
    }
    // Docsy's `content/search.md` (`layout: search`), on every Docsy site, is where its theme
    // shows results; its URL is helpcenter's search page's, which takes its place.
    content.files.retain(|f| {
        if f.search_page && f.kind == Kind::Article {
            diags.push(
                Diagnostic::info("the page of the other tool's search results (`layout: search`) is left out: helpcenter's own search page is at /search/")
                    .in_file(&f.shown),
            );
        }
        !(f.search_page && f.kind == Kind::Article)
    });
    let mut drawn: Vec<PathBuf> = Vec::new();
    content.files.retain_mut(|f| {
        if f.kind != Kind::Article || !f.title.is_empty() {
            return true;
        }
        if vitepress::drawn_by_components(&f.body) {
            drawn.push(f.shown.clone());
            return false;
        }
        diags.push(no_title(&f.shown, &f.body));
        // The build fails; the page goes on under its file's name, so that one run names
        // its other errors (its links, its anchors) too.
        let name = crate::paths::page_name(&f.rel).unwrap_or(&f.rel).to_owned();
        f.title_html = crate::escape::html(&name);
        f.title = name;
        true
    });
    if let Some(first) = drawn.first() {
        let (what, names) = match drawn.as_slice() {
            [_] => (
                "a page is drawn by Vue components alone, with no title or text of its own"
                    .to_owned(),
                String::new(),
            ),
            all => (
                format!(
                    "{} pages are drawn by Vue components alone, with no title or text of their own",
                    all.len()
                ),
                format!(
                    " ({})",
                    all.iter()
                        .map(|p| display_path(p))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        };
        diags.push(
            Diagnostic::info(format!(
                "{what}: left out{names}"
            ))
            .in_file(first)
            .hint("helpcenter cannot run a component: to publish such a page, write its text in Markdown under a `# Title`"),
        );
    }
    diags.extend(ignored_keys_note(&content.files));
    (content, diags)
}

/// Languages a multilingual Hugo, Hexo or Docusaurus site keeps in a folder each (Hugo's
/// `content/zh`, Hexo's `source/zh-cn`), served under the folder's name.
const LANGUAGE_FOLDERS: &[&str] = &[
    "zh", "zh-cn", "zh-hans", "zh-hant", "zh-tw", "zh-hk", "cn", "en", "en-us", "ja", "ko", "fr",
    "de", "es", "ru", "pt", "pt-br", "it", "vi", "id", "th", "tr", "ar",
];

/// `zh/` when the content folder, `real` (its links followed), is such a language's folder:
/// CloudWeGo's docs link `/zh/docs/hertz/…` from `content/zh`, 387 of their 405 broken links.
fn language_route(real: &Path) -> Option<String> {
    let name = real.file_name()?.to_str()?;
    let folded = name.to_ascii_lowercase().replace('_', "-");
    LANGUAGE_FOLDERS
        .contains(&folded.as_str())
        .then(|| format!("{name}/"))
}

/// When `content/` (`real`, its links followed) is one language's folder of a site whose files are served at the root from
/// beside it (VuePress's `docs/.vuepress/public` for `docs/zh`, Hugo's `static/` for
/// `content/zh`), and the site has no `static/` of its own: a note that those files are not
/// read, and how to publish them. They are not published unasked: only the site's folder is.
fn unread_public(root: &Path, real: &Path) -> Option<Diagnostic> {
    // A site with a static/ of its own has chosen what it serves at the root.
    if root.join("static").exists() {
        return None;
    }
    language_route(real)?;
    let parent = real.parent()?;
    let hugo = parent
        .parent()
        .filter(|_| parent.file_name().is_some_and(|n| n == "content"));
    let public = [
        ("VuePress", Some(parent.join(VUEPRESS_PUBLIC))),
        ("Hugo", hugo.map(|site| site.join("static"))),
    ]
    .into_iter()
    .find_map(|(tool, p)| p.filter(|p| p.is_dir()).map(|p| (tool, p)))?;
    let (tool, public) = public;
    Some(
        Diagnostic::info(format!(
            "content/ is one language's folder, and {tool} serves the files of {} at the site's root: they are not read",
            public.display()
        ))
        .in_file(root.join(CONTENT_DIR))
        .hint(format!(
            "links to them (`/logo.png`) are broken; to publish them, link that folder as this site's static/: ln -s '{}' '{}'",
            public.display(),
            root.join("static").display()
        )),
    )
}

/// The tool's page for an address that leads nowhere, `content/404.md` (Starlight's, a VuePress
/// theme's): left out with a note, as helpcenter writes its own 404.html.
fn leave_out_404(
    markdown: &mut Vec<(PathBuf, String)>,
    tool: &str,
    shown: &Path,
    diags: &mut Diagnostics,
) {
    let before = markdown.len();
    markdown.retain(|(_, rel)| rel != "404.md");
    if markdown.len() < before {
        diags.push(
            Diagnostic::info(format!("content/404.md is {tool}'s page for addresses that lead nowhere: it is left out, as helpcenter writes its own 404.html"))
                .in_file(shown.join("404.md"))
                .hint("the theme's 404 page (templates/404.html) can be replaced to say what it said"),
        );
    }
}

/// The titles and orders Docusaurus's `_category_.json` / `_category_.yml` files give their
/// folders. A file that cannot be read gives nothing: the folder keeps its name.
fn folder_meta(dir: &Path, assets: &[Asset]) -> std::collections::HashMap<String, FolderMeta> {
    let mut out = std::collections::HashMap::new();
    for a in assets {
        let name = a.rel.rsplit('/').next().unwrap_or(&a.rel);
        if !matches!(
            name,
            "_category_.json" | "_category_.yml" | "_category_.yaml"
        ) {
            continue;
        }
        let Some(text) = crate::paths::read_file(&dir.join(&a.rel))
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
        else {
            continue;
        };
        let map = if name.ends_with(".json") {
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text).ok()
        } else {
            crate::yaml::to_json_map(&text, 0).ok()
        };
        let Some(map) = map else { continue };
        out.insert(
            parent_of(&a.rel).to_owned(),
            FolderMeta {
                title: map.get("label").and_then(|v| v.as_str()).map(str::to_owned),
                weight: map
                    .get("position")
                    .and_then(serde_json::Value::as_f64)
                    .and_then(Weight::new),
            },
        );
    }
    out
}

/// The title a page without one takes from its tool: MkDocs and Docusaurus make one of the
/// file's name. Other tools' pages, and helpcenter's, must have one.
fn fallback_title(rel: &str, made_for: Option<&str>) -> Option<String> {
    match made_for? {
        "MkDocs" => mkdocs::title_from_path(rel),
        // Docusaurus titles such a doc by its id: the file's name (its folder's, for an index),
        // without a number prefix.
        "Docusaurus" => {
            let name = crate::paths::number_prefix(crate::paths::page_name(rel)?)
                .1
                .trim();
            (!name.is_empty()).then(|| name.to_owned())
        }
        // VuePress shows such a page under the site's title; a name is needed here.
        "VuePress" => crate::paths::page_name(rel).map(str::to_owned),
        _ => None,
    }
}

/// The error for an article without a title: most often one whose front matter lost its opening
/// `---` (a bad paste, a translation tool), so its `title:` is body text; then it says so.
pub fn no_title(file: &Path, body: &str) -> Diagnostic {
    let d = Diagnostic::error("the article has no title")
        .in_file(file)
        .at_line(1);
    match unopened_front_matter(body) {
        Some(close) => {
            let first: String = body
                .lines()
                .next()
                .unwrap_or_default()
                .trim()
                .chars()
                .take(40)
                .collect();
            let fix = if first.contains(':') || first.contains('=') {
                "add a `---` line before line 1".to_owned()
            } else {
                format!("line 1 (`{first}`) should be `---`")
            };
            d.hint(format!(
                "its front matter has no opening `---`: line {close} closes front matter that never opened, so `title:` is text; {fix}"
            ))
        }
        None => d.hint(
            "add `title: …` to the front matter, or start the article with a `# Title` heading",
        ),
    }
}

/// The line (1-based) of a `---` closing front matter that never opened: a `title:` line comes
/// before it among the first lines, and nothing before it is a heading or a blank line.
fn unopened_front_matter(body: &str) -> Option<usize> {
    let mut titled = false;
    for (i, line) in body.lines().take(40).enumerate() {
        let t = line.trim_end();
        if t == "---" || t == "+++" {
            return (titled && i > 0).then_some(i + 1);
        }
        if t.is_empty() || t.starts_with('#') {
            return None;
        }
        titled |= t.starts_with("title:") || t.starts_with("title =");
    }
    None
}

/// The same warning from many places (an undefined variable on 500 lines) is given once, at its
/// first place, with how many more there are.
fn once_each(warnings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut by_message: Vec<(Diagnostic, usize, std::collections::BTreeSet<PathBuf>)> = Vec::new();
    for w in warnings {
        match by_message.iter_mut().find(|(d, ..)| d.message == w.message) {
            Some((_, n, files)) => {
                *n += 1;
                files.extend(w.file.clone());
            }
            None => {
                let files = w.file.iter().cloned().collect();
                by_message.push((w, 1, files));
            }
        }
    }
    by_message
        .into_iter()
        .map(|(d, n, files)| {
            if n == 1 {
                d
            } else {
                d.note(format!(
                    "and {} more places in {} file{}",
                    n - 1,
                    files.len(),
                    if files.len() == 1 { "" } else { "s" }
                ))
            }
        })
        .collect()
}

/// One note for the whole build naming the other tools' keys that were ignored, with how many
/// files have each, so a migration sees them without a warning per file.
fn ignored_keys_note(files: &[SourceFile]) -> Option<Diagnostic> {
    let mut keys: std::collections::BTreeMap<&str, (&str, usize)> = Default::default();
    let mut first: Option<&SourceFile> = None;
    for f in files.iter().filter(|f| !f.ignored_keys.is_empty()) {
        first.get_or_insert(f);
        for (k, tool) in &f.ignored_keys {
            keys.entry(k.as_str()).or_insert((tool, 0)).1 += 1;
        }
    }
    let first = first?;
    let list: Vec<String> = keys
        .iter()
        .map(|(k, (tool, n))| {
            let files = if *n == 1 { "file" } else { "files" };
            format!("`{k}` ({tool}, {n} {files})")
        })
        .collect();
    Some(
        Diagnostic::info(format!(
            "front-matter keys of other tools were ignored: {}",
            list.join(", ")
        ))
        .in_file(&first.shown)
        .hint("they mean nothing to helpcenter; anything templates should see goes under `extra:`"),
    )
}

/// How deep folders in `content/` may nest. Each folder is a section whose pages repeat every
/// level above in their URL, breadcrumbs and navigation: 400 nested folders wrote 92 MB for 406
/// pages. Real sites nest a handful.
const MAX_FOLDER_DEPTH: usize = 24;

/// Lists the folders and assets under `dir` (content/) into `content`, and returns the Markdown
/// files as (path, content path). Dot files and folders are left out; a name that cannot be
/// part of a URL, or a link that leads out of the site, is reported and left out.
fn walk(
    root: &Path,
    dir: &Path,
    content: &mut Content,
    diags: &mut Diagnostics,
) -> Vec<(PathBuf, String)> {
    let mut markdown = Vec::new();
    let inside = Inside::new(root, dir);
    let real_content = std::fs::canonicalize(dir).ok();
    let mut walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.to_path_buf());
                diags.push(walk_error(&e).in_file(shown_path(root, &path)));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        // Only a page makes a section of its folders: deep folders of images or includes are fine.
        let depth = entry.depth().saturating_sub(1);
        if depth > MAX_FOLDER_DEPTH
            && entry.file_type().is_file()
            && markdown_path(&entry.file_name().to_string_lossy()).is_some()
        {
            diags.push(
                Diagnostic::error(format!(
                    "this page is in a folder nested {depth} folders deep in content/: at most {MAX_FOLDER_DEPTH} are read"
                ))
                .in_file(shown_path(root, entry.path()))
                .hint("move it up; it is left out"),
            );
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let problem = crate::paths::name_problem(entry.file_name());
        let target = link_target(&entry);
        let outside = target.clone().and_then(|t| inside.outside(t));
        if Inside::is_output(&entry) {
            walker.skip_current_dir();
            diags.push(output_inside(&shown_path(root, entry.path())));
            continue;
        }
        if inside.linked_too_deep(&entry) {
            walker.skip_current_dir();
            diags.push(linked_too_deep(&shown_path(root, entry.path())));
            continue;
        }
        let hidden = target.as_ref().filter(|t| inside.hidden(t));
        let rel = slash_path(entry.path().strip_prefix(dir).unwrap_or(entry.path()));
        // VuePress serves `.vuepress/public/` at the site root; the rest of `.vuepress/` is its
        // config and theme, as `.vitepress/` is VitePress's.
        let vuepress = rel == VUEPRESS_DIR || rel.starts_with(".vuepress/");
        let served =
            rel == VUEPRESS_DIR || rel == VUEPRESS_PUBLIC || rel.starts_with(".vuepress/public/");
        if vuepress && !served {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if (name.starts_with('.') && rel != VUEPRESS_DIR)
            || problem.is_some()
            || outside.is_some()
            || hidden.is_some()
        {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            let shown = shown_path(root, entry.path());
            if let Some(target) = outside {
                diags.push(outside_link(&shown, &target));
            } else if let Some(target) = hidden.filter(|_| !name.starts_with('.')) {
                diags.push(hidden_link(&shown, target));
            } else if let Some(problem) = problem {
                diags.push(bad_name(&shown, problem));
            }
            continue;
        }
        // A file linked from elsewhere in the site changes where no watch on content/ sees it.
        // (A linked folder is watched through the link, with content/: watched where it
        // really is too, the system gives both one watch, which reports the other path.)
        if let Some(real) = target.filter(|real| {
            !entry.file_type().is_dir()
                && real_content.as_ref().is_none_or(|c| !real.starts_with(c))
        }) {
            content.included.push(real);
        }
        if entry.file_type().is_dir() {
            if !vuepress {
                content.folders.push(rel);
            }
        } else if let Some(md) = markdown_path(&rel).filter(|_| !vuepress) {
            markdown.push((entry.into_path(), md));
        } else {
            content.assets.push(Asset { rel, source: None });
        }
    }
    markdown
}

/// `x.md` and `x.mdx` (or `x.MD`) beside it would be one page (Docusaurus refuses them as one
/// doc id, too): an error naming both, and the first in file-name order is kept so the rest of
/// the site still builds and checks.
fn one_source_per_page(
    root: &Path,
    dir: &Path,
    markdown: &mut Vec<(PathBuf, String)>,
    diags: &mut Diagnostics,
) {
    let named = |p: &Path| format!("content/{}", slash_path(p.strip_prefix(dir).unwrap_or(p)));
    let mut first: std::collections::HashMap<String, PathBuf> = std::collections::HashMap::new();
    markdown.retain(|(path, rel)| match first.get(rel) {
        Some(kept) => {
            diags.push(
                Diagnostic::error(format!(
                    "{} and {} would be the same page",
                    named(kept),
                    named(path),
                ))
                .in_file(shown_path(root, path))
                .hint("keep one of them: rename or remove the other"),
            );
            false
        }
        None => {
            first.insert(rel.clone(), path.clone());
            true
        }
    });
}

/// VuePress's folder, and the one in it served at the site root.
const VUEPRESS_DIR: &str = ".vuepress";
pub const VUEPRESS_PUBLIC: &str = ".vuepress/public";

/// The error for a file or folder whose name cannot be part of a URL.
pub fn bad_name(path: &Path, problem: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "this name cannot be part of a URL: it holds {problem}"
    ))
    .in_file(path)
    .hint("rename the file or folder")
}

/// The error for a path the walk of a site's folder could not read, by what it is: a symbolic
/// link to nothing, or one that leads back into a folder holding it, gets its own words.
pub fn walk_error(e: &walkdir::Error) -> Diagnostic {
    let dangling = e
        .io_error()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
        && e.path().is_some_and(|p| p.is_symlink());
    if let Some(ancestor) = e.loop_ancestor() {
        Diagnostic::error(format!(
            "this symbolic link leads back to {}, a folder that holds it: the folder would never end",
            display_path(ancestor)
        ))
        .hint("remove the link, or make it point at a folder outside this one")
    } else if dangling {
        let target = e
            .path()
            .and_then(|p| std::fs::read_link(p).ok())
            .map_or_else(String::new, |t| format!(" ({})", display_path(&t)));
        Diagnostic::error(format!("this symbolic link leads to nothing{target}"))
            .hint("remove the link, or make it point at a file of the site")
    } else {
        Diagnostic::error(format!("cannot read this path: {e}"))
            .hint("check that it exists and that helpcenter may read it")
    }
}

/// The error for a symbolic link under the site that leads out of it.
pub fn outside_link(link: &Path, target: &Path) -> Diagnostic {
    Diagnostic::error(format!(
        "this link leads out of the site, to {}: helpcenter publishes only files inside the site",
        display_path(target)
    ))
    .in_file(link)
    .hint("copy the file into the site, or make the link point inside the site folder")
}

/// The error for a link to a hidden file or folder (see [`Inside::hidden`]).
pub fn hidden_link(link: &Path, target: &Path) -> Diagnostic {
    Diagnostic::error(format!(
        "this link leads to {}, a hidden file or folder: hidden files are never published",
        display_path(target)
    ))
    .in_file(link)
    .hint("copy what should be published to a name without a leading dot, or remove the link")
}

/// The warning for a folder left out where the path to it passes through too many links (see
/// [`Inside::linked_too_deep`]).
pub fn linked_too_deep(link: &Path) -> Diagnostic {
    Diagnostic::warning(format!(
        "this link is the {}th on its path, inside folders linked in themselves: it is left out here",
        MAX_LINKS_DEEP + 1
    ))
    .in_file(link)
    .hint("links inside linked folders publish their folders again at every turn; link each folder from one place")
}

/// The error for a folder under content/ or static/ that is a helpcenter output, reached through
/// a link (`static/a -> ../public`) or left there: publishing it would copy the last output into
/// the next one, which then grows with every build.
pub fn output_inside(folder: &Path) -> Diagnostic {
    Diagnostic::error(format!(
        "this folder is a helpcenter output (it holds `{}`): it is not published, or every build would copy the last one into itself",
        crate::paths::OUTPUT_MARKER
    ))
    .in_file(folder)
    .hint("remove the folder or the link that leads to it; link to the files themselves instead")
}

/// Where an entry that is a symbolic link really leads.
pub fn link_target(entry: &walkdir::DirEntry) -> Option<PathBuf> {
    entry
        .path_is_symlink()
        .then(|| std::fs::canonicalize(entry.path()).ok())
        .flatten()
}

/// Where the files of a site may really be: under the site root, or under the real folder of
/// `content/` (or `static/`, `templates/`) when that folder is itself a link.
pub struct Inside {
    roots: Vec<PathBuf>,
    /// Whether each folder on the way to the entry read last was entered through a link (see
    /// [`Inside::linked_too_deep`]).
    path_links: std::cell::RefCell<Vec<bool>>,
}

/// How many links a path may pass through: a folder linked in from several places is published
/// at each (`v1/shared -> ../../shared`), but links inside linked folders that lead on
/// (`d0/x -> ../d1`, `d0/y -> ../d1` in every folder) doubled the pages at each level: 13
/// levels wrote 32,745 pages (450 MB).
const MAX_LINKS_DEEP: usize = 3;

impl Inside {
    /// The places `dir` (a folder of the site at `root`) may lead to.
    pub fn new(root: &Path, dir: &Path) -> Inside {
        let roots = [root, dir]
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        Inside {
            roots,
            path_links: Default::default(),
        }
    }

    /// For a folder entered through a link, whether the path to it passes through more than
    /// [`MAX_LINKS_DEEP`] links: then it is left out there (with [`linked_too_deep`]). Entries
    /// must come in the walk's order.
    pub fn linked_too_deep(&self, entry: &walkdir::DirEntry) -> bool {
        let depth = entry.depth();
        if depth == 0 {
            return false;
        }
        let mut on_path = self.path_links.borrow_mut();
        on_path.truncate(depth - 1);
        let linked = entry.path_is_symlink() && entry.file_type().is_dir();
        if entry.file_type().is_dir() {
            on_path.push(linked);
        }
        linked && on_path.iter().filter(|l| **l).count() > MAX_LINKS_DEEP
    }

    /// Whether `real` (where a link leads, resolved) is a hidden file or folder itself
    /// (`x.txt -> ../../.env`, `files -> ../../.git`) or inside a version-control folder
    /// (`.git/config`): as never published as the hidden file itself. A file in a hidden
    /// folder that is documentation or published (`.github/CONTRIBUTING.md`,
    /// `.vuepress/public/logo.png`) may be linked; `.well-known` is no hidden name.
    pub fn hidden(&self, real: &Path) -> bool {
        let Some(within) = self
            .roots
            .iter()
            .filter(|r| real.starts_with(r))
            .max_by_key(|r| r.as_os_str().len())
        else {
            return false;
        };
        let names: Vec<String> = real
            .strip_prefix(within)
            .unwrap_or(real)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let own_hidden = names
            .last()
            .is_some_and(|n| n.starts_with('.') && n != ".well-known");
        own_hidden
            || names
                .iter()
                .any(|n| matches!(n.as_str(), ".git" | ".svn" | ".hg"))
    }

    /// For an entry that is a symbolic link, where it really leads when that is outside.
    pub fn link_outside(&self, entry: &walkdir::DirEntry) -> Option<PathBuf> {
        self.outside(link_target(entry)?)
    }

    /// `real` (a resolved path), when it is outside.
    fn outside(&self, real: PathBuf) -> Option<PathBuf> {
        (!self.roots.iter().any(|r| real.starts_with(r))).then_some(real)
    }

    /// True for a folder that an earlier build wrote (directly, or through a link).
    pub fn is_output(entry: &walkdir::DirEntry) -> bool {
        entry.file_type().is_dir() && crate::paths::is_earlier_output(entry.path())
    }
}

/// The link references of MkDocs's `auto_append` snippets (`paths`, from the snippets' base),
/// which every page ends with: MkDocs appends the files whole, and Material's docs keep there
/// the `[mkdocs.env]: https://…` its pages link with (62 links on 15 pages showed as written).
/// Other lines (abbreviations, `*[HTML]: …`, which are not read here) are left out, so the
/// end of every page does not show them.
fn auto_appended(
    includes: &includes::Includes,
    paths: &[String],
    diags: &mut Diagnostics,
) -> String {
    let mut out = String::new();
    for path in paths {
        let include = includes::Include {
            kind: includes::SNIPPET_KIND,
            path,
            part: includes::Part::Whole,
        };
        match includes.read_from(Path::new(""), &include) {
            Ok((text, _)) => {
                for line in text.lines().filter(|l| is_link_reference(l)) {
                    out.push_str(line.trim());
                    out.push('\n');
                }
            }
            Err(why) => diags.push(
                Diagnostic::warning(format!(
                    "the snippet `{path}` every page ends with (`auto_append`) is left out: {why}"
                ))
                .hint("name a file from the folder of mkdocs.yml"),
            ),
        }
    }
    out
}

/// A line that defines a link reference: `[label]: url`.
fn is_link_reference(line: &str) -> bool {
    let l = line.trim_start();
    l.starts_with('[')
        && !l.starts_with("[^")
        && l.find("]:").is_some_and(|end| !l[1..end].contains(']'))
}

/// The other tools' configs the site reads beside `content/` or beside the docs folder it links
/// to, resolved: `serve` watches them with the included files (the site's folder is watched
/// only for its own config, `mkdocs.yml` and `sidebars.*`; a linked docs folder's not at all).
fn tool_configs(root: &Path, content_dir: &Path) -> Vec<PathBuf> {
    let names = [
        mkdocs::CONFIG_FILES,
        docusaurus::CONFIG_FILES,
        docusaurus::SIDEBAR_FILES,
        jekyll::CONFIG_FILES,
        dialect::HUGO_CONFIG_FILES,
        &["book.toml"],
    ];
    js::beside_content(root, content_dir)
        .iter()
        .flat_map(|dir| names.iter().flat_map(|n| n.iter()).map(|n| dir.join(n)))
        .filter(|p| p.is_file())
        .filter_map(|p| p.canonicalize().ok())
        .collect()
}

/// A Markdown file larger than this is no article: a log or an export named `.md` by mistake,
/// which would take gigabytes to parse (a 48 MB file of emphasis marks peaked at 1.9 GB). The
/// longest articles of the corpora here are under 1 MB.
pub const MAX_ARTICLE_BYTES: u64 = 32 << 20;

/// A Markdown file's bytes, or why it cannot be an article.
pub fn read_source(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    match crate::paths::read_capped(path, MAX_ARTICLE_BYTES) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(Diagnostic::error(format!(
            "the file is larger than {} MB, which no article is",
            MAX_ARTICLE_BYTES >> 20
        ))
        .hint(
            "split it into articles, or, if it is data (a log, an export), move it out of content/",
        )),
        Err(e) => Err(Diagnostic::error(format!("cannot read the file: {e}"))),
    }
}

/// Reads and parses the Markdown files in parallel; a file that fails is reported and listed
/// in `content.failed`.
fn read_markdown(
    root: &Path,
    markdown: &[(PathBuf, String)],
    options: ReadOptions,
    content: &mut Content,
    diags: &mut Diagnostics,
) {
    let mut repeated = Vec::new();
    let results: Vec<Result<SourceFile, Diagnostics>> = markdown
        .par_iter()
        .map(|(path, rel)| {
            let shown = shown_path(root, path);
            let bytes = read_source(path).map_err(|d| Diagnostics::from(d.in_file(&shown)))?;
            let options = ReadOptions {
                mdx: is_mdx(path),
                ..options
            };
            guard(&shown, || parse_file(&bytes, rel, options))
                .map_err(Diagnostics::from)?
                .map_err(|d| d.into_iter().map(|d| d.in_file(&shown)).collect())
                .map(|mut f| {
                    f.shown = shown;
                    f
                })
        })
        .collect();
    for (r, (_, rel)) in results.into_iter().zip(markdown) {
        match r {
            Ok(mut f) => {
                repeated.extend(
                    std::mem::take(&mut f.warnings)
                        .into_iter()
                        .map(|d| d.in_file(&f.shown)),
                );
                content.files.push(f);
            }
            Err(d) => {
                content.failed.push(rel.clone());
                diags.extend(d);
            }
        }
    }
    diags.extend(once_each(repeated));
}

/// Parses one file's bytes. `rel` is its path relative to `content/`.
pub fn parse_file(
    bytes: &[u8],
    rel: &str,
    options: ReadOptions,
) -> Result<SourceFile, Diagnostics> {
    let offset = options.offset;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let (line, col) = line_col(valid, valid.len());
        Diagnostic::error("the file is not valid UTF-8")
            .at(line, col)
            .hint("save the file as UTF-8 (many editors call it \"UTF-8 without BOM\"); GBK/GB2312 files must be converted")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut block, mut body, mut body_line) = front_matter::split(text)?;
    // Without a fenced block, an MkDocs page may open with meta-data lines, as MkDocs reads
    // them (`author: …`, shown as the first paragraph and taken for the description before).
    if block.is_none() && options.made_for == Some("MkDocs") {
        if let Some((b, rest, line)) = front_matter::split_meta(text) {
            (block, body, body_line) = (Some(b), rest, line);
        }
    }
    let (read, mut diags) = match &block {
        Some(b) if !b.text.trim().is_empty() => {
            // The front matter starts on line 2, after the opening fence; meta-data on line 1.
            let first = if b.format == front_matter::Format::Meta {
                1
            } else {
                2
            };
            front_matter::read(b, first, options.made_for)?
        }
        _ => (
            front_matter::Read {
                front: FrontMatter::default(),
                key_lines: Vec::new(),
                ignored: Vec::new(),
                home: None,
                search_page: false,
            },
            Diagnostics::default(),
        ),
    };
    let mut front = read.front;
    jekyll::post_name(rel, &mut front);
    let key_line = |key: &str| {
        read.key_lines
            .iter()
            .find(|(k, _)| k == key)
            .map_or(1, |(_, l)| *l)
    };
    let mut front_warnings = Vec::new();
    for (key, t) in [
        ("title", &mut front.title),
        ("description", &mut front.description),
        ("nav_title", &mut front.nav_title),
    ] {
        if let Some(t) = t {
            let (text, warnings) = dialect::body::substitute_warning(t, options.variables);
            *t = text;
            front_warnings.extend(warnings.into_iter().map(|w| w.at_line(key_line(key))));
        }
    }
    // A description or navigation title is shown as text (lists, cards, search, meta): its code
    // spans read as their text, as a title's do outside the `<h1>` (TiDB's release notes:
    // "系统变量 `tidb_enforce_mpp`" showed its backticks).
    for t in [&mut front.description, &mut front.nav_title]
        .into_iter()
        .flatten()
    {
        *t = title::without_strong(&title::plain(t).text);
    }
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let kind = match (name, rel.contains('/')) {
        ("_index.md", false) => Kind::Home,
        ("_index.md", true) => Kind::Section,
        _ => Kind::Article,
    };
    let bundle_dir = (name == "index.md" && rel.contains('/')).then(|| parent_of(rel).to_owned());

    // The key as the file writes it: `lastmod` for `updated` on a Hugo page, `Date` for `date`.
    let written = |key: &'static str| -> String {
        read.key_lines
            .iter()
            .map(|(k, _)| k)
            .find(|k| {
                k.eq_ignore_ascii_case(key)
                    || dialect::foreign_key(k, options.made_for).is_some_and(|f| {
                        f.becomes == dialect::Becomes::Key(key)
                            && !read.key_lines.iter().any(|(o, _)| o == key)
                    })
            })
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    };
    let mut date_field = |key: &'static str, value: &Option<String>| -> Option<DateInfo> {
        let v = value.as_ref()?;
        let d = parse_date(v, offset);
        // Year 0 and below, and past 9999, are no date the sitemap, the feed or JSON-LD can
        // write (`-0001-01-01` went into sitemap.xml as it was).
        if let Some(at) = d
            .as_ref()
            .map(|d| d.at)
            .filter(|at| !(1..=9999).contains(&at.year()))
        {
            let key = written(key);
            diags.push(
                Diagnostic::error(format!(
                    "`{key}` is in the year {}: dates go from year 1 to 9999",
                    at.year()
                ))
                .at_line(key_line(&key))
                .hint("check the year"),
            );
            return None;
        }
        if d.is_none() {
            let key = written(key);
            diags.push(
                Diagnostic::error(format!("`{key}` is not a date: `{v}`"))
                    .at_line(key_line(&key))
                    .hint(
                        "write it as 2024-04-07, 2024-04-07 15:04:49, 2024-04-07 15:04:49 -0600 or 2024-04-07T15:04:49+08:00",
                    ),
            );
        }
        d
    };
    let date = date_field("date", &front.date);
    let updated = date_field("updated", &front.updated);

    // CommonMark reads U+0000 as U+FFFD: a NUL copied into the page is no character a reader
    // sees, and some tools reading HTML stop at it.
    let mut body = if body.contains('\0') {
        body.replace('\0', "\u{FFFD}")
    } else {
        body.to_owned()
    };
    if options.heading_at_ids
        && let Some(with_ids) = dialect::body::at_ids(&body)
    {
        body = with_ids;
    }
    let title = match front.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => {
            let written = title::plain(t);
            let heading = |line: &str| {
                title::from_heading_of(
                    &dialect::body::title_heading(line, options.variables),
                    options.made_for == Some("MkDocs"),
                )
            };
            let squeezed = |s: &str| s.split_whitespace().collect::<String>();
            let repeated = |line: &str| squeezed(&heading(line).text) == squeezed(&written.text);
            match front_matter::take_leading_h1(&mut body)
                .or_else(|| front_matter::take_repeated_h1(&mut body, repeated))
            {
                // The heading shows as the page's `<h1>`; lists and `<title>` keep the front
                // matter's.
                Some(line) => Title {
                    text: written.text,
                    ..heading(&line)
                },
                None => written,
            }
        }
        // VuePress titles a page by the heading it opens with, of any level, and by no later
        // one (a `# 2. 命令行` further down is a part of the page).
        _ => match if options.made_for == Some("VuePress") {
            front_matter::take_leading_heading(&mut body)
        } else {
            front_matter::take_first_h1(&mut body)
        } {
            Some(line) => title::from_heading_of(
                &dialect::body::title_heading(&line, options.variables),
                options.made_for == Some("MkDocs"),
            ),
            None => Title::default(),
        },
    };

    if let Some(slug) = &front.slug {
        // Docusaurus's absolute slug (`/guide/intro`, `/` for the docs' landing page): its
        // last segment names the article; the whole path is another URL links may use.
        let problem = match slug.trim().strip_prefix('/') {
            Some(path) => path
                .split('/')
                .filter(|s| !s.is_empty())
                .find_map(segment_problem),
            None if slug.contains('/') => Some("a `/`"),
            None => segment_problem(slug),
        }
        // `.hidden`, `...`: a folder hosts and zip tools hide, or refuse to serve.
        .or_else(|| {
            slug.split('/')
                .any(|s| s.trim().starts_with('.'))
                .then_some("a leading `.`, which makes a hidden folder many hosts do not serve")
        });
        if let Some(problem) = problem {
            diags.push(
                Diagnostic::error(format!(
                    "`slug` cannot be used in a URL: `{slug}` holds {problem}"
                ))
                .at_line(key_line("slug"))
                .hint(if problem == crate::paths::TOO_LONG {
                    "shorten it: a slug names one folder of the output"
                } else {
                    "use one path segment such as `reset-password` (the article stays in its folder; a path from the root such as `/guide/reset-password`, as Docusaurus writes it, names the article by its last segment and is one more URL links may use)"
                }),
            );
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    // A VitePress home's actions and features follow its text (appended, so the body's line
    // numbers stay right).
    if let Some(home) = &read.home {
        body = format!("{}\n\n{home}", body.trim_end());
    }
    if !options.appended.is_empty() {
        body = format!("{}\n\n{}", body.trim_end(), options.appended);
    }
    // Read from the page's folder, or a nested include from the folder of the file it is in.
    let include = |i: &includes::Include, within: Option<&Path>| match options.includes {
        Some(reader) => match within {
            Some(folder) => reader.read_from(folder, i),
            None => reader.read_from(&reader.page_folder(rel), i),
        },
        None => Err("includes are not read here".to_owned()),
    };
    let converted = dialect::body::transform(
        &body,
        &dialect::body::Options {
            variables: options.variables,
            include: options
                .includes
                .map(|_| &include as &dialect::body::ReadInclude),
            made_for: options.made_for,
            mdx: options.mdx,
        },
    );
    let warnings = front_warnings
        .into_iter()
        .chain(converted.warnings.into_iter().map(|w| {
            let line = w.line.unwrap_or(1) + body_line - 1;
            w.at_line(line)
        }))
        .collect();
    let body = converted.text;

    Ok(SourceFile {
        shown: PathBuf::from(rel),
        rel: rel.to_owned(),
        kind,
        describes: match kind {
            Kind::Home => Some(String::new()),
            Kind::Section => Some(parent_of(rel).to_owned()),
            Kind::Article => None,
        },
        bundle_dir,
        front,
        date,
        updated,
        title: title.text,
        title_html: title.html,
        title_id: title.id,
        body,
        body_line,
        line_map: converted.line_map,
        warnings,
        front_raw: block.map(|b| b.text.to_owned()).unwrap_or_default(),
        key_lines: read.key_lines,
        ignored_keys: read.ignored,
        search_page: read.search_page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cst() -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).unwrap()
    }

    static NO_VARIABLES: std::collections::BTreeMap<String, String> =
        std::collections::BTreeMap::new();

    fn opts() -> ReadOptions<'static> {
        ReadOptions {
            offset: cst(),
            variables: &NO_VARIABLES,
            made_for: None,
            includes: None,
            appended: "",
            mdx: false,
            heading_at_ids: false,
        }
    }

    #[test]
    fn front_matter_and_body_line() {
        let f = parse_file(
            "---\ntitle: 关闭指南\ndate: 2024-04-07 15:04:49\ntags: [a, b]\n---\n正文\n".as_bytes(),
            "x/guide.md",
            opts(),
        )
        .unwrap();
        assert_eq!(f.title, "关闭指南");
        assert_eq!(f.body, "正文\n");
        assert_eq!(f.body_line, 6);
        assert_eq!(f.front.tags, vec!["a", "b"]);
        let d = f.date.unwrap();
        assert!(d.has_time);
        assert_eq!(d.at.to_rfc3339(), "2024-04-07T15:04:49+08:00");
    }

    #[test]
    fn title_from_heading_without_front_matter() {
        let f = parse_file("# 数组的扩展\n\n正文".as_bytes(), "array.md", opts()).unwrap();
        assert_eq!(f.title, "数组的扩展");
        assert!(!f.body.contains("数组的扩展"));
        assert_eq!(f.body.lines().count(), 3);
    }

    #[test]
    fn yaml_error_line_is_file_line() {
        let d =
            parse_file("---\ntitle: a\ntags: [x\n---\n".as_bytes(), "a.md", opts()).unwrap_err();
        assert!(d.0[0].line.unwrap() >= 3, "{d:?}");
    }

    #[test]
    fn unknown_key_line_and_hint() {
        let d = parse_file(
            "---\ntitle: a\ntagz: [x]\nsumary: 摘要\nweight: 重\n---\n".as_bytes(),
            "a.md",
            opts(),
        )
        .unwrap_err();
        assert_eq!(d.0.len(), 2, "every problem of the file at once: {d:?}");
        let unknown =
            d.0.iter()
                .find(|d| d.message.starts_with("unknown"))
                .unwrap();
        assert_eq!(unknown.message, "unknown keys `sumary`, `tagz`");
        assert_eq!(unknown.line, Some(4));
        assert_eq!(
            unknown.hint.as_deref(),
            Some(
                "did you mean `summary` for `sumary`, `tags` for `tagz`? keys of your own go under `extra:` (templates read them as page.extra)"
            )
        );
        let weight =
            d.0.iter()
                .find(|d| d.message.starts_with("`weight`"))
                .unwrap();
        assert_eq!(weight.message, "`weight` should be a number, not `重`");
        assert_eq!(weight.line, Some(5));
    }

    #[test]
    fn a_weight_that_is_no_number_is_an_error() {
        for w in [".nan", ".inf", "-.inf", "[1]"] {
            let text = format!("---\ntitle: a\nweight: {w}\n---\n");
            let d = parse_file(text.as_bytes(), "a.md", opts()).unwrap_err();
            assert!(
                d.0[0].message.starts_with("`weight` should be a number"),
                "{w}: {d:?}"
            );
            assert_eq!(d.0[0].line, Some(3));
        }
    }

    #[test]
    fn a_theme_key_in_a_file_written_for_another_tool_is_ignored() {
        // Vue's docs (VitePress): `sponsors: false` is read by the site's own theme.
        let f = parse_file(
            "---\nsidebar: false\nsponsors: false\nreturnToTop: false\ntitle: 赞助\n---\n正文\n"
                .as_bytes(),
            "sponsor.md",
            opts(),
        )
        .unwrap();
        assert_eq!(f.title, "赞助");
        let keys: Vec<(&str, &str)> = f
            .ignored_keys
            .iter()
            .map(|(k, t)| (k.as_str(), *t))
            .collect();
        assert_eq!(
            keys,
            [
                ("sidebar", "VitePress"),
                ("returnToTop", "its theme's own"),
                ("sponsors", "its theme's own"),
            ]
        );
        // A slip of helpcenter's own keys is still one, beside another tool's keys.
        let d = parse_file(
            "---\nsidebar: false\ndescripton: 摘要\ntitle: 赞助\n---\n".as_bytes(),
            "a.md",
            opts(),
        )
        .unwrap_err();
        assert_eq!(d.0[0].message, "unknown key `descripton`");
        // Without another tool's keys, any unknown key is an error.
        let d = parse_file(
            "---\nsponsors: false\ntitle: 赞助\n---\n".as_bytes(),
            "a.md",
            opts(),
        )
        .unwrap_err();
        assert_eq!(d.0[0].message, "unknown key `sponsors`");
    }

    #[test]
    fn keys_of_other_tools_are_mapped_or_ignored() {
        let f = parse_file(
            "---\ntitle: 计算属性\nsummary: 摘要\nlinkTitle: 短\nsidebar_position: 3\nlastmod: 2024-05-01\noutline: deep\nlayout: doc\npublished: false\nhide_table_of_contents: true\nkeywords: a, b\n---\n".as_bytes(),
            "a.md",
            opts(),
        )
        .unwrap();
        assert_eq!(f.front.description.as_deref(), Some("摘要"));
        assert_eq!(f.front.nav_title.as_deref(), Some("短"));
        assert_eq!(f.front.weight, Some(Weight::from(3)));
        assert!(f.updated.is_some());
        assert!(f.front.draft);
        assert_eq!(f.front.toc, Some(false));
        assert_eq!(f.front.keywords, ["a", "b"]);
        let ignored: Vec<&str> = f.ignored_keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(ignored, ["layout", "outline"]);
    }

    /// Hugo reads keys whatever their case, and an empty date as none (CloudWeGo's docs:
    /// `Description:` on 103 pages, `lastmod: ""` on 98).
    #[test]
    fn keys_in_another_case_and_empty_dates_read_as_hugo_reads_them() {
        let f = parse_file(
            "---\nTitle: 安装\nDescription: 说明\nWeight: 2\nLinkTitle: 装\nlastmod: \"\"\nDate: 2024-05-01\n---\n".as_bytes(),
            "a.md",
            opts(),
        )
        .unwrap();
        assert_eq!(f.title, "安装");
        assert_eq!(f.front.description.as_deref(), Some("说明"));
        assert_eq!(f.front.weight, Some(Weight::from(2)));
        assert_eq!(f.front.nav_title.as_deref(), Some("装"));
        assert!(f.updated.is_none() && f.date.is_some());
        // Both spellings: which one is meant is the author's to say.
        let d =
            parse_file("---\ntitle: a\nTitle: b\n---\n".as_bytes(), "a.md", opts()).unwrap_err();
        assert_eq!(d.0[0].message, "unknown key `Title`");
        // A date that is none names the key as written, at its line.
        let d = parse_file(
            "---\ntitle: a\nweight: 1\nlastmod: soon\n---\n".as_bytes(),
            "a.md",
            opts(),
        )
        .unwrap_err();
        assert_eq!(d.0[0].message, "`lastmod` is not a date: `soon`");
        assert_eq!(d.0[0].line, Some(4));
    }

    #[test]
    fn code_spans_of_a_description_or_nav_title_read_as_text() {
        let f = parse_file(
            "---\ntitle: 发布\nsummary: 系统变量 `tidb_enforce_mpp` 的值可设为 `1`\nlinkTitle: \"`SHOW` 语句\"\n---\n".as_bytes(),
            "a.md",
            opts(),
        )
        .unwrap();
        assert_eq!(
            f.front.description.as_deref(),
            Some("系统变量 tidb_enforce_mpp 的值可设为 1")
        );
        assert_eq!(f.front.nav_title.as_deref(), Some("SHOW 语句"));
    }

    #[test]
    fn toml_front_matter() {
        let f = parse_file(
            "+++\ntitle = \"安装\"\ndate = 2024-04-07T15:04:49+08:00\ntags = [\"入门\"]\nweight = 2\ntemplate = \"page.html\"\n[extra]\nicon = \"x\"\n+++\n正文\n".as_bytes(),
            "a.md",
            opts(),
        )
        .unwrap();
        assert_eq!(f.title, "安装");
        assert_eq!(f.date.unwrap().at.to_rfc3339(), "2024-04-07T15:04:49+08:00");
        assert_eq!(f.front.tags, ["入门"]);
        assert_eq!(f.front.weight, Some(Weight::from(2)));
        assert_eq!(f.front.template, None, "Zola's template means nothing here");
        assert_eq!(f.front.extra["icon"], "x");
        assert_eq!(f.body_line, 10);
        let d = parse_file("+++\ntitle = 安装\n+++\n".as_bytes(), "a.md", opts()).unwrap_err();
        assert_eq!(d.0[0].line, Some(2));
        assert!(
            d.0[0]
                .message
                .starts_with("the TOML front matter cannot be read")
        );
    }

    #[test]
    fn a_heading_that_repeats_the_front_matter_title_is_not_shown_twice() {
        let f = parse_file(
            "---\ntitle: TiDB 简介\n---\n\n<!-- note -->\n# TiDB **简介** {#intro}\n\n正文\n\n# 另一个一级标题\n".as_bytes(),
            "a.md",
            opts(),
        )
        .unwrap();
        assert_eq!(f.title, "TiDB 简介");
        assert_eq!(f.title_html, "TiDB <strong>简介</strong>");
        assert_eq!(f.title_id.as_deref(), Some("intro"));
        assert!(!f.body.contains("# TiDB"));
        assert!(
            f.body.contains("# 另一个一级标题"),
            "only the opening heading is the title"
        );
        assert_eq!(f.body.lines().count(), 7, "lines keep their numbers");
    }

    #[test]
    fn heading_titles_are_plain_text_with_their_id() {
        let f = parse_file(
            "# 计算属性 `x` {#computed}\n正文".as_bytes(),
            "a.md",
            opts(),
        )
        .unwrap();
        assert_eq!(f.title, "计算属性 x");
        assert_eq!(f.title_html, "计算属性 <code>x</code>");
        assert_eq!(f.title_id.as_deref(), Some("computed"));
    }

    #[test]
    fn not_utf8() {
        let mut bytes = b"---\ntitle: a\n---\nok\n".to_vec();
        bytes.extend([0xB9, 0xD8, 0xB1, 0xD5]); // "关闭" in GBK
        let d = parse_file(&bytes, "a.md", opts()).unwrap_err();
        assert_eq!(d.0[0].line, Some(5));
    }

    #[test]
    fn a_language_folder_is_served_under_its_name() {
        let base = std::env::temp_dir().join(format!("hc-lang-{}", std::process::id()));
        for name in ["zh", "zh_CN", "content"] {
            std::fs::create_dir_all(base.join(name)).unwrap();
        }
        let link = base.join("content-link");
        #[cfg(unix)]
        std::os::unix::fs::symlink(base.join("zh"), &link).unwrap();
        let route = |p: &Path| language_route(&std::fs::canonicalize(p).unwrap());
        assert_eq!(route(&base.join("zh")).as_deref(), Some("zh/"));
        assert_eq!(route(&base.join("zh_CN")).as_deref(), Some("zh_CN/"));
        assert_eq!(route(&base.join("content")), None);
        #[cfg(unix)]
        assert_eq!(route(&link).as_deref(), Some("zh/"));
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn dates() {
        assert!(!parse_date("2024-04-07", cst()).unwrap().has_time);
        assert!(parse_date("2024-04-07T15:04:49Z", cst()).unwrap().has_time);
        assert!(parse_date("April 7", cst()).is_none());
    }
}
