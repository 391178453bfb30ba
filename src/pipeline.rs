//! The build, stage by stage: load → parse → site model → derive → render. Writing is left to
//! the caller (`build` writes a folder, `check` writes nothing, `serve` keeps files in memory).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::{self, PageContext};
use crate::output::OutputFile;
use crate::render;
use crate::site::{self, Site};
use crate::theme::Theme;
use crate::{content, feeds, links, related, search};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub drafts: bool,
    /// Replaces the config's `base_url`.
    pub base_url: Option<String>,
}

pub struct Built {
    pub site: Site,
    pub files: Vec<OutputFile>,
    /// Number of HTML pages among `files`.
    pub pages: usize,
    pub warnings: Vec<Diagnostic>,
    /// How long each stage took, for `--timings` and the benchmark.
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// Kept so `serve` can re-render a few pages and re-index one article after an edit.
    pub theme: Theme,
    pub search: search::Analysis,
}

/// Runs every stage. On failure, every problem found is returned (warnings included), not just
/// the first.
pub fn build(opts: &BuildOptions) -> Result<Built, Diagnostics> {
    let mut clock = Clock::default();
    clock.lap("start");
    let root = &opts.root;
    let mut config = Config::load(root)?;
    if let Some(b) = opts.base_url.as_deref().map(str::trim) {
        // `--base-url ""` builds without one (e.g. a zip to open from disk).
        config.base_url = match b {
            "" => None,
            b if b.ends_with('/') => Some(b.to_owned()),
            b => Some(format!("{b}/")),
        };
    }
    let offset = config
        .offset()
        .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero offset"));
    let mut diags = Diagnostics::default();

    let theme = match Theme::load(root) {
        Ok(t) => Some(t),
        Err(d) => {
            diags.extend(d);
            None
        }
    };

    let (content, load_diags) = content::load(root, offset);
    diags.extend(load_diags.0);
    clock.lap("load");
    let (mut site, site_diags) = site::assemble(content, config, opts.drafts);
    diags.extend(site_diags.0);
    clock.lap("site model");

    diags.extend(parse_pages(&mut site));
    clock.lap("markdown");

    let mut files: HashSet<String> = site.links.assets.values().cloned().collect();
    if let Some(t) = &theme {
        files.extend(t.static_files.keys().cloned());
    }
    diags.extend(links::check(&site, &files).0);
    clock.lap("link check");
    let (related, related_diags) = related::compute(&site);
    site.related = related;
    diags.extend(related_diags);
    clock.lap("related");
    if let Some(t) = &theme {
        diags.extend(check_templates(&site, t));
    }
    if site.config.base_url.is_none() {
        diags.push(
            Diagnostic::warning("base_url is not set: sitemap.xml and atom.xml are skipped and pages have no canonical URL")
                .hint("set base_url in helpcenter.yaml or pass --base-url https://help.example.com/"),
        );
    }
    let Some(theme) = theme.filter(|_| !diags.has_errors()) else {
        return Err(diags);
    };

    let analysis = search::analyze(&site);
    let encoded = search::encode(&site, &analysis);
    site.search_shards = encoded.shard_count();
    let index = search::write(&site, &analysis, &encoded, None);
    // Its strings are in the shards now; free them before rendering.
    drop(encoded);
    clock.lap("search index");
    let (mut out, render_diags) = render::render_site(&site, &theme);
    diags.extend(render_diags);
    out.extend(index);
    clock.lap("render");
    if diags.has_errors() {
        return Err(diags);
    }
    let pages = out.iter().filter(|f| f.path.ends_with(".html")).count();
    out.extend(feeds::render(&site));
    for (name, f) in &theme.static_files {
        out.push(OutputFile {
            path: name.clone(),
            bytes: f.bytes.clone(),
        });
    }
    out.extend(read_assets(root, &site, &mut diags));
    if diags.has_errors() {
        return Err(diags);
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    clock.lap("feeds, static files");
    Ok(Built {
        site,
        files: out,
        pages,
        warnings: diags.sorted(),
        timings: clock.laps,
        theme,
        search: analysis,
    })
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
    let content_dir = std::fs::canonicalize(root.join(content::CONTENT_DIR)).ok()?;
    let offset = built.site.config.offset()?;
    let mut edits = Vec::new();
    for p in changed {
        // Folders change with every file in them; temporary files of editors and tools come
        // and go. A Markdown file that is gone, though, was deleted: that needs a full build.
        if p.is_dir() || (!p.exists() && p.extension().is_none_or(|e| e != "md")) {
            continue;
        }
        let p = std::fs::canonicalize(p).ok()?;
        let rel = crate::paths::slash_path(p.strip_prefix(&content_dir).ok()?);
        if edits
            .iter()
            .any(|(_, f): &(usize, content::SourceFile)| f.rel == rel)
        {
            continue;
        }
        let idx = built.site.article_by_path(&rel)?;
        let old = &built.site.articles[idx].source;
        let bytes = std::fs::read(&p).ok()?;
        match content::parse_file(&bytes, &rel, offset) {
            Ok(mut f) => {
                if f.front_raw != old.front_raw || f.title != old.title {
                    return None;
                }
                f.shown = old.shown.clone();
                edits.push((idx, f));
            }
            Err(d) => return Some(Err(Diagnostics::from(d.in_file(&old.shown)))),
        }
    }
    if edits.is_empty() {
        return None;
    }

    let site = &mut built.site;
    let chinese = site.config.is_chinese();
    let toc_depth = site.config.toc_depth;
    let mut diags = Diagnostics::default();
    let mut pages = Vec::new();
    let edited: Vec<usize> = edits.iter().map(|(i, _)| *i).collect();
    for (idx, f) in edits {
        let url = site.articles[idx].url.clone();
        let page = PageContext {
            url: &url,
            src_dir: f.dir(),
            body_line: f.body_line,
            chinese,
            toc_depth,
        };
        let (rendered, d) = markdown::render(&f.body, &page, &site.links);
        diags.extend(d.into_iter().map(|d| d.in_file(&f.shown)));
        let before = site.articles[idx].description().to_owned();
        site.articles[idx].source = f;
        site.articles[idx].rendered = rendered;
        pages.push(render::Page::Article(idx));
        // Lists show an article's description, which comes from its first paragraph when the
        // front matter has none.
        let a = &site.articles[idx];
        if a.description() != before {
            pages.push(render::Page::Home);
            pages.extend(
                site.ancestry(a.section)
                    .into_iter()
                    .filter(|&s| s != 0)
                    .map(render::Page::Section),
            );
            pages.extend(a.tags.iter().cloned().map(render::Page::Tag));
        }
    }
    let mut files: HashSet<String> = site.links.assets.values().cloned().collect();
    files.extend(built.theme.static_files.keys().cloned());
    diags.extend(links::check(site, &files).0);
    if diags.has_errors() {
        return Some(Err(diags));
    }
    // Related lists follow the text: recompute them, and re-render the pages whose list moved.
    let (related, related_diags) = related::compute(site);
    diags.extend(related_diags);
    if diags.has_errors() {
        return Some(Err(diags));
    }
    let moved: Vec<usize> = (0..related.len())
        .filter(|&i| site.related.get(i) != Some(&related[i]))
        .collect();
    site.related = related;
    pages.extend(moved.iter().map(|&i| render::Page::Article(i)));
    if !moved.is_empty() {
        pages.push(render::Page::RelatedIndex);
    }
    pages.sort();
    pages.dedup();
    let (mut out, render_diags) = render::render_pages(site, &built.theme, &pages);
    if !moved.is_empty() {
        out.push(render::related_json(site));
    }
    if !render_diags.is_empty() {
        return Some(Err(Diagnostics(render_diags)));
    }
    for &idx in &edited {
        if let Some(id) = built.search.docs.iter().position(|&d| d == idx) {
            built.search.terms[id] = search::analyze_article(site, idx);
        }
    }
    out.extend(search::assemble(site, &built.search, Some(&edited)));
    out.extend(feeds::render(site));
    Some(Ok(out))
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
}

/// Parses every page's Markdown in parallel, filling in `rendered`.
fn parse_pages(site: &mut Site) -> Vec<Diagnostic> {
    let chinese = site.config.is_chinese();
    let toc_depth = site.config.toc_depth;
    let links = &site.links;
    let articles: Vec<_> = site
        .articles
        .par_iter()
        .map(|a| {
            let page = PageContext {
                url: &a.url,
                src_dir: a.source.dir(),
                body_line: a.source.body_line,
                chinese,
                toc_depth,
            };
            let (r, d) = markdown::render(&a.source.body, &page, links);
            (
                r,
                d.into_iter()
                    .map(|d| d.in_file(&a.source.shown))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let sections: Vec<_> = site
        .sections
        .par_iter()
        .map(|s| match &s.source {
            None => Default::default(),
            Some(f) => {
                let page = PageContext {
                    url: &s.url,
                    src_dir: f.dir(),
                    body_line: f.body_line,
                    chinese,
                    toc_depth,
                };
                let (r, d) = markdown::render(&f.body, &page, links);
                (
                    r,
                    d.into_iter()
                        .map(|d| d.in_file(&f.shown))
                        .collect::<Vec<_>>(),
                )
            }
        })
        .collect();
    let mut diags = Vec::new();
    for (a, (r, d)) in site.articles.iter_mut().zip(articles) {
        a.rendered = r;
        diags.extend(d);
    }
    for (s, (r, d)) in site.sections.iter_mut().zip(sections) {
        s.rendered = r;
        diags.extend(d);
    }
    diags
}

/// A page's `template:` must name a template the theme has.
fn check_templates(site: &Site, theme: &Theme) -> Vec<Diagnostic> {
    let files = site
        .articles
        .iter()
        .map(|a| &a.source)
        .chain(site.sections.iter().filter_map(|s| s.source.as_ref()));
    files
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
        .collect()
}

fn read_assets(root: &Path, site: &Site, diags: &mut Diagnostics) -> Vec<OutputFile> {
    let dir = root.join(content::CONTENT_DIR);
    let mut list: Vec<(&String, &String)> = site.links.assets.iter().collect();
    list.sort();
    let results: Vec<Result<OutputFile, Diagnostic>> = list
        .par_iter()
        .map(|(rel, out)| {
            let src = dir.join(rel);
            std::fs::read(&src)
                .map(|bytes| OutputFile {
                    path: (*out).clone(),
                    bytes,
                })
                .map_err(|e| {
                    Diagnostic::error(format!("cannot read the file: {e}"))
                        .in_file(crate::error::shown_path(root, &src))
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
