//! The build, stage by stage: load → parse → site model → derive → render. Writing is left to
//! the caller (`build` writes a folder, `check` writes nothing, `serve` keeps files in memory).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::SourceFile;
use crate::error::{Diagnostic, Diagnostics, guard, shown_path};
use crate::markdown::{self, PageContext, Parsed, Rendered};
use crate::output::{self, OutputFile};
use crate::render::{self, Derived, Page};
use crate::site::{self, Site};
use crate::theme::Theme;
use crate::{claims, content, feeds, links, paths, related, search};

/// The stack of every thread a build runs on. Templates render on them, and how deep a
/// template nests is the site's to choose: a macro called 100 deep (the most `theme` allows)
/// took 0.25 MB of stack in a release build and overflowed the default 2 MB in a debug one.
/// Only the pages a thread touches are memory.
pub const THREAD_STACK: usize = 16 << 20;

/// Makes rayon's threads, which every stage's parallel work runs on, start with
/// `THREAD_STACK`; called once, before any work.
pub fn init_threads() {
    // Fails only when the pool already exists (a test that built before): it then keeps its own.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(THREAD_STACK)
        .build_global();
}

/// What a build is asked for, beyond the site's own config.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site folder (holding `helpcenter.yaml` and `content/`).
    pub root: PathBuf,
    /// Include articles marked `draft: true`.
    pub drafts: bool,
    /// Replaces the config's `base_url`.
    pub base_url: Option<String>,
    /// Keeps what `update_articles` needs (`serve`). A one-off build lets the search index's
    /// per-article analysis go before rendering: a fifth of the peak memory at 100k articles.
    pub incremental: bool,
}

/// A successful build: the model, what was derived from it and every output file.
pub struct Built {
    /// The site model.
    pub site: Site,
    /// Parsed pages, related lists, the search index's shard count.
    pub derived: Derived,
    /// Every file of the output, sorted by path.
    pub files: Vec<OutputFile>,
    /// Number of HTML pages among `files`.
    pub pages: usize,
    /// What is worth fixing but did not stop the build, sorted.
    pub warnings: Vec<Diagnostic>,
    /// How long each stage took, for `--timings` and the benchmark.
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// Kept so `serve` can re-render a few pages and re-index one article after an edit.
    pub theme: Theme,
    /// Kept likewise: the search index's per-article analysis (`BuildOptions::incremental`).
    pub search: Option<search::Analysis>,
}

/// Runs every stage. On failure, every problem found is returned (warnings included), not just
/// the first.
pub fn build(opts: &BuildOptions) -> Result<Built, Diagnostics> {
    let mut clock = Clock::default();
    clock.lap("start");
    // Code highlighted for the build before last and not used since is let go (serve only).
    crate::highlight::next_generation();
    crate::highlight::take_spent();
    let root = &opts.root;
    let config = configure(opts)?;
    let offset = config
        .offset()
        .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero offset"));
    let mut diags = Diagnostics::default();
    let theme = Theme::load(root).map_err(|d| diags.extend(d)).ok();

    let read = content::ReadOptions {
        offset,
        variables: &config.variables,
        made_for: None,
        includes: None,
        appended: "",
        mdx: false,
        heading_at_ids: false,
    };
    let (content, load_diags) = content::load(root, read);
    diags.extend(load_diags);
    clock.lap("load");
    let (site, site_diags) = site::assemble(content, config, opts.drafts);
    diags.extend(site_diags);
    clock.lap("site model");
    let (parsed, parse_diags) = parse_pages(&site);
    diags.extend(parse_diags);
    clock.lap("markdown");
    // Within the Markdown stage, on every thread: the cost `code.highlight: false` would save.
    clock.extra("  highlight (CPU)", crate::highlight::take_spent());
    let assets = published_assets(&site, &parsed);
    diags.extend(unmatched_copies(&site));
    diags.extend(claims::check(
        &site,
        &assets,
        &static_claims(theme.as_ref()),
    ));
    diags.extend(links::check(
        &site,
        &parsed,
        &known_files(&assets, theme.as_ref()),
    ));
    clock.lap("link check");
    let (related, related_diags) = related::compute(&site, &parsed);
    diags.extend(related_diags);
    clock.lap("related");
    if let Some(t) = &theme {
        diags.extend(check_templates(&site, t));
    }
    if site.config.base_url.is_none() {
        diags.push(
            Diagnostic::warning("base_url is not set: sitemap.xml and atom.xml are skipped and pages have no canonical URL")
                .in_file(&site.config.shown)
                .hint("set base_url in helpcenter.yaml or pass --base-url https://help.example.com/"),
        );
    }
    let Some(mut theme) = theme.filter(|_| !diags.has_errors()) else {
        return Err(diags);
    };

    let analysis = search::analyze(&site, &parsed);
    let encoded = search::encode(&site, &parsed, &analysis);
    let search_shards = encoded.shard_count();
    let index = search::write(&site, &parsed, &analysis, &encoded, search_shards, None);
    // Its strings are in the shards now; free them before rendering.
    drop(encoded);
    let analysis = opts.incremental.then_some(analysis);
    clock.lap("search index");
    let derived = Derived {
        parsed,
        related,
        search_shards,
        assets,
    };
    let (mut out, render_diags) = render::render_site(&site, &derived, &theme);
    diags.extend(render_diags);
    out.extend(index);
    clock.lap("render");
    if diags.has_errors() {
        return Err(diags);
    }
    let pages = out.iter().filter(|f| f.path.ends_with(".html")).count();
    out.extend(own_feeds(&site, &derived.parsed, &theme));
    for (name, f) in &mut theme.static_files {
        out.push(OutputFile {
            path: name.clone(),
            bytes: std::mem::take(&mut f.bytes),
        });
    }
    out.extend(read_assets(root, &site, &derived.assets, &mut diags));
    if diags.has_errors() {
        return Err(diags);
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    output::check_paths(&out)?;
    clock.lap("feeds, static files");
    Ok(Built {
        site,
        derived,
        files: out,
        pages,
        warnings: diags.sorted(),
        timings: clock.laps,
        theme,
        search: analysis,
    })
}

/// The site's config with the command line's overrides applied.
fn configure(opts: &BuildOptions) -> Result<Config, Diagnostic> {
    let mut config = Config::load(&opts.root)?;
    if let Some(b) = opts.base_url.as_deref().map(str::trim) {
        // `--base-url ""` builds without one (e.g. a zip to open from disk).
        if let Some(problem) = crate::config::base_url_problem(b).filter(|_| !b.is_empty()) {
            // The value came from the command line: no file to point at.
            return Err(crate::config::bad_base_url(b, problem, "--base-url"));
        }
        config.base_url = (!b.is_empty()).then(|| crate::config::normal_base_url(b));
    }
    Ok(config)
}

/// Output paths of the files that are not pages (published assets, static files), which
/// root-relative links may point at.
fn known_files(assets: &BTreeMap<String, String>, theme: Option<&Theme>) -> HashSet<String> {
    let mut files: HashSet<String> = assets.values().cloned().collect();
    if let Some(t) = theme {
        files.extend(t.static_files.keys().cloned());
    }
    files
}

/// The files of `content/` to publish: those a page links to, and those the config's `copy:`
/// lists. Nothing else of `content/` (sources, configs, unused images) leaves the site's folder.
fn published_assets(site: &Site, parsed: &Parsed) -> BTreeMap<String, String> {
    let linked: HashSet<&str> = parsed
        .articles
        .iter()
        .chain(&parsed.sections)
        .flat_map(|r| &r.links)
        .filter_map(|l| match &l.target {
            markdown::LinkTarget::Asset { content_path } => Some(content_path.as_str()),
            _ => None,
        })
        .collect();
    site.links
        .assets
        .iter()
        .filter(|(rel, _)| {
            linked.contains(rel.as_str())
                || site
                    .config
                    .copy
                    .iter()
                    .any(|p| paths::pattern_matches(p, rel))
        })
        .map(|(rel, out)| (rel.clone(), out.clone()))
        .collect()
}

/// A `copy:` entry that matches no file of `content/` publishes nothing: most likely a typo.
fn unmatched_copies(site: &Site) -> Vec<Diagnostic> {
    site.config
        .copy
        .iter()
        .filter(|p| {
            !site
                .links
                .assets
                .keys()
                .any(|rel| paths::pattern_matches(p, rel))
        })
        .map(|p| {
            if p.split('/').any(|part| part.starts_with('.') && part.len() > 1 && part != "..") {
                return Diagnostic::warning(format!("`copy:` entry `{p}` names a hidden file or folder: hidden files are never published"))
                    .in_file(&site.config.shown)
                    .at_line(site.config.copy_line.unwrap_or(1))
                    .hint("give what should be published a name without a leading dot");
            }
            Diagnostic::warning(format!("`copy:` entry `{p}` matches no file of content/, so it publishes nothing"))
                .in_file(&site.config.shown)
                .at_line(site.config.copy_line.unwrap_or(1))
                .hint("paths are relative to content/ (`downloads/`, `files/manual.pdf`); `*` is any part of a name, `**` any folders; Markdown files are pages, never copied")
        })
        .collect()
}

/// The theme's static files by output path, with the site's file behind each (none for
/// built-in ones); the built-in names when the theme failed to load.
fn static_claims(theme: Option<&Theme>) -> Vec<(String, Option<PathBuf>)> {
    match theme {
        Some(t) => t
            .static_files
            .iter()
            .map(|(name, f)| (name.clone(), f.path.clone()))
            .collect(),
        None => crate::theme::STATIC
            .iter()
            .map(|(name, _)| ((*name).to_owned(), None))
            .collect(),
    }
}

/// Applies an edit that changed only the bodies of existing articles (front matter as before),
/// re-doing only what depends on them: their pages, the lists that show their description if it
/// changed, the link check, their search entries and the feeds. Returns the files that changed,
/// or `None` when the edit needs a full build (anything else changed).
pub fn update_articles(
    built: &mut Built,
    root: &Path,
    changed: &[PathBuf],
) -> Option<Result<Vec<OutputFile>, Diagnostics>> {
    // A build made without `incremental` kept no search analysis to update: build it again.
    built.search.as_ref()?;
    let (edits, included) = match read_edits(&built.site, root, changed)? {
        Ok(read) => read,
        Err(d) => return Some(Err(d)),
    };
    // An edit may include a file no page included before: `serve` watches it from now on.
    built.site.included.extend(included);
    built.site.included.sort_unstable();
    built.site.included.dedup();
    let edited: Vec<usize> = edits.iter().map(|(i, _)| *i).collect();
    let (mut pages, diags) = apply_edits(built, edits);
    let site = &built.site;
    let derived = &mut built.derived;
    let mut diags = diags;
    // A body edit that links a file not yet published needs a full build to publish it.
    if published_assets(site, &derived.parsed)
        .keys()
        .any(|rel| !derived.assets.contains_key(rel))
    {
        return None;
    }
    diags.extend(links::check(
        site,
        &derived.parsed,
        &known_files(&derived.assets, Some(&built.theme)),
    ));
    if diags.has_errors() {
        return Some(Err(diags));
    }
    // Related lists follow the text: recompute them, and re-render the pages whose list moved.
    let (related, related_diags) = related::compute(site, &derived.parsed);
    if related_diags.has_errors() {
        return Some(Err(related_diags));
    }
    let moved: Vec<usize> = (0..related.articles.len())
        .filter(|&i| derived.related.articles.get(i) != Some(&related.articles[i]))
        .collect();
    let moved_sections = (0..related.sections.len())
        .filter(|&s| derived.related.sections.get(s) != Some(&related.sections[s]));
    pages.extend(moved_sections.map(Page::Section));
    derived.related = related;
    pages.extend(moved.iter().map(|&i| Page::Article(i)));
    if !moved.is_empty() {
        pages.push(Page::RelatedIndex);
    }
    pages.sort();
    pages.dedup();
    let (mut out, render_diags) = render::render_pages(site, derived, &built.theme, &pages);
    if !moved.is_empty() {
        out.push(render::related_json(site, &derived.related));
    }
    if !render_diags.0.is_empty() {
        return Some(Err(render_diags));
    }
    let analysis = built.search.as_mut()?;
    for &idx in &edited {
        let doc = search::Doc::Article(idx);
        if let Some(id) = analysis.docs.iter().position(|&d| d == doc) {
            analysis.terms[id] = search::analyze_doc(site, &derived.parsed, doc);
        }
    }
    out.extend(search::assemble(
        site,
        &derived.parsed,
        analysis,
        derived.search_shards,
        Some(&edited),
    ));
    out.extend(own_feeds(site, &derived.parsed, &built.theme));
    Some(Ok(out))
}

/// The crawler and feed files, but those a file of the site's `static/` replaces
/// (`claims::REPLACEABLE`).
fn own_feeds(site: &Site, parsed: &markdown::Parsed, theme: &Theme) -> Vec<OutputFile> {
    feeds::render(site, parsed)
        .into_iter()
        .filter(|f| !theme.static_files.contains_key(&f.path))
        .collect()
}

/// Edited articles (by index) as re-read.
type Edits = Vec<(usize, SourceFile)>;

/// The changed articles, re-read, and the files their includes read: `None` when a change is
/// not a body-only edit of an existing article (a full build is needed), an error when an
/// edited file no longer parses.
fn read_edits(
    site: &Site,
    root: &Path,
    changed: &[PathBuf],
) -> Option<Result<(Edits, Vec<PathBuf>), Diagnostics>> {
    let content_dir = std::fs::canonicalize(root.join(content::CONTENT_DIR)).ok()?;
    let includes = content::includes::Includes::new(root, &root.join(content::CONTENT_DIR));
    let offset = site.config.offset()?;
    let mut edits: Vec<(usize, SourceFile)> = Vec::new();
    for p in changed {
        // Folders change with every file in them; temporary files of editors and tools come
        // and go. A Markdown file that is gone, though, was deleted: that needs a full build.
        if p.is_dir() || (!p.exists() && paths::markdown_path(&paths::slash_path(p)).is_none()) {
            continue;
        }
        let p = std::fs::canonicalize(p).ok()?;
        let rel = paths::markdown_path(&paths::slash_path(p.strip_prefix(&content_dir).ok()?))?;
        if edits.iter().any(|(_, f)| f.rel == rel) {
            continue;
        }
        let idx = site.article_by_path(&rel)?;
        let old = &site.articles[idx].source;
        // `x.mdx` beside the `x.md` that is the page: the full build reports the pair.
        if !old.shown.ends_with(p.file_name()?) {
            return None;
        }
        let bytes = content::read_source(&p).ok()?;
        let read = content::ReadOptions {
            offset,
            variables: &site.config.variables,
            made_for: site.made_for,
            includes: Some(&includes),
            appended: &site.appended,
            mdx: content::is_mdx(&p),
            heading_at_ids: site.heading_at_ids,
        };
        match content::parse_file(&bytes, &rel, read) {
            Ok(mut f) => {
                if f.front_raw != old.front_raw || f.title_html != old.title_html {
                    return None;
                }
                f.shown = old.shown.clone();
                // What a file is depends on its folder, which an edit of its body leaves alone.
                f.kind = old.kind;
                f.bundle_dir = old.bundle_dir.clone();
                f.describes = old.describes.clone();
                if f.kind == content::Kind::Article && f.title.is_empty() {
                    return Some(Err(content::no_title(&old.shown, &f.body).into()));
                }
                edits.push((idx, f));
            }
            Err(d) => {
                return Some(Err(d.into_iter().map(|d| d.in_file(&old.shown)).collect()));
            }
        }
    }
    (!edits.is_empty()).then(|| Ok((edits, includes.files())))
}

/// Puts edited articles into the model and re-parses them; returns the pages to re-render:
/// each edited article, and the lists that show its description when that changed (it comes
/// from the first paragraph when the front matter has none).
fn apply_edits(built: &mut Built, edits: Vec<(usize, SourceFile)>) -> (Vec<Page>, Diagnostics) {
    let site = &mut built.site;
    let parsed = &mut built.derived.parsed;
    let mut diags = Diagnostics::default();
    let mut pages = Vec::new();
    for (idx, f) in edits {
        let (rendered, d) = parse_page(site, &site.articles[idx].url, &f);
        diags.extend(d);
        let before = parsed.description(site, idx).to_owned();
        site.articles[idx].source = f;
        parsed.articles[idx] = rendered;
        pages.push(Page::Article(idx));
        if parsed.description(site, idx) != before {
            let a = &site.articles[idx];
            pages.push(Page::Home);
            pages.extend(
                site.ancestry(a.section)
                    .into_iter()
                    .filter(|&s| s != 0)
                    .map(Page::Section),
            );
            pages.extend(a.tags.iter().cloned().map(Page::Tag));
        }
    }
    (pages, diags)
}

/// Stage timings: each lap is the time since the previous one.
#[derive(Default)]
struct Clock {
    last: Option<std::time::Instant>,
    laps: Vec<(&'static str, std::time::Duration)>,
}

impl Clock {
    fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        if let Some(last) = self.last {
            self.laps.push((name, now - last));
        }
        self.last = Some(now);
    }

    /// A figure measured apart from the laps (time on every thread within the last stage).
    fn extra(&mut self, name: &'static str, spent: std::time::Duration) {
        self.laps.push((name, spent));
    }
}

/// Parses one page's Markdown: `file`, shown at `url`. Its diagnostics name the file.
fn parse_page(site: &Site, url: &str, file: &SourceFile) -> (Rendered, Diagnostics) {
    let page = PageContext {
        url,
        src_dir: file.dir(),
        body_line: file.body_line,
        locale: site.config.locale(),
        toc_depth: site.config.toc_depth,
        links_warn: site.config.links == crate::config::LinkPolicy::Warn,
        line_map: &file.line_map,
        title_id: file.title_id.as_deref(),
        code: site.config.code,
        math: site.math,
        annotations: site.code_annotations,
        mkdocs: site.made_for == Some("MkDocs"),
    };
    match guard(&file.shown, || {
        markdown::render(&file.body, &page, &site.links)
    }) {
        Ok((mut r, d)) => {
            // The title heading's id is the page's `<h1>` id: links may point at it.
            r.ids.extend(file.title_id.clone());
            (r, d.into_iter().map(|d| d.in_file(&file.shown)).collect())
        }
        Err(d) => (Rendered::default(), d.into()),
    }
}

/// Parses every page's Markdown in parallel.
pub(crate) fn parse_pages(site: &Site) -> (Parsed, Diagnostics) {
    let articles: Vec<(Rendered, Diagnostics)> = site
        .articles
        .par_iter()
        .map(|a| parse_page(site, &a.url, &a.source))
        .collect();
    let sections: Vec<(Rendered, Diagnostics)> = site
        .sections
        .par_iter()
        .map(|s| match &s.source {
            None => Default::default(),
            Some(f) => parse_page(site, &s.url, f),
        })
        .collect();
    let mut diags = Diagnostics::default();
    let mut parsed = Parsed::default();
    for (r, d) in articles {
        parsed.articles.push(r);
        diags.extend(d);
    }
    for (r, d) in sections {
        parsed.sections.push(r);
        diags.extend(d);
    }
    (parsed, diags)
}

/// A page's `template:` must name a template the theme has; a template of the site that
/// nothing uses (`artcle.html` for `article.html`) gets a warning.
fn check_templates(site: &Site, theme: &Theme) -> Diagnostics {
    let files = || {
        site.articles
            .iter()
            .map(|a| &a.source)
            .chain(site.sections.iter().filter_map(|s| s.source.as_ref()))
    };
    let chosen: std::collections::HashSet<&str> = files()
        .filter_map(|f| f.front.template.as_deref())
        .collect();
    let built_in: Vec<&str> = crate::theme::TEMPLATES.iter().map(|(n, _)| *n).collect();
    let unused = theme
        .unnamed
        .iter()
        .filter(|n| !chosen.contains(n.as_str()));
    let unused = unused.map(|name| {
        let d = Diagnostic::warning(format!(
            "template `{name}` is not used: the theme has no template of that name, and no template or page's `template:` names it"
        ))
        .in_file(theme.shown(name));
        // A slip of the fingers only (`artcle`): `faq.html` is no misspelt `tag.html`.
        let stem = |n: &str| n.strip_suffix(".html").unwrap_or(n).to_owned();
        let slip = built_in
            .iter()
            .find(|b| crate::error::is_slip(&stem(name), &[stem(b).as_str()]));
        match slip {
            Some(n) => d.hint(format!("did you mean `{n}`? a site's template replaces the built-in one of the same name")),
            None => d.hint("name it in a page's `template:`, include it from another template, or remove it"),
        }
    });
    let unused: Vec<Diagnostic> = unused.collect();
    files()
        .filter_map(|f| {
            let name = f.front.template.as_deref()?;
            (!theme.has_template(name)).then(|| {
                Diagnostic::error(format!("template `{name}` does not exist"))
                    .in_file(&f.shown)
                    .at_line(f.key_line("template"))
                    .hint(format!(
                        "add templates/{name} to the site, or remove `template:` to use the default"
                    ))
            })
        })
        .chain(unused)
        .collect()
}

fn read_assets(
    root: &Path,
    site: &Site,
    assets: &BTreeMap<String, String>,
    diags: &mut Diagnostics,
) -> Vec<OutputFile> {
    let dir = root.join(content::CONTENT_DIR);
    let list: Vec<(&String, &String)> = assets.iter().collect();
    let results: Vec<Result<OutputFile, Diagnostic>> = list
        .par_iter()
        .map(|(rel, out)| {
            let src = (site.asset_sources.get(*rel).cloned()).unwrap_or_else(|| dir.join(rel));
            crate::paths::read_file(&src)
                .map(|bytes| OutputFile {
                    path: (*out).clone(),
                    bytes,
                })
                .map_err(|e| {
                    Diagnostic::error(format!("cannot read the file: {e}"))
                        .in_file(shown_path(root, &src))
                })
        })
        .collect();
    let mut out = Vec::new();
    for r in results {
        match r {
            Ok(f) => out.push(f),
            Err(d) => diags.push(d),
        }
    }
    out
}
