//! The build, stage by stage: load → parse → site model → derive → render. Writing is left to
//! the caller (`build` writes a folder, `check` writes nothing, `serve` keeps files in memory).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::{self, PageContext};
use crate::render::{self, OutputFile, Theme};
use crate::site::{self, Site};
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
}

/// Runs every stage. On failure, every problem found is returned (warnings included), not just
/// the first.
pub fn build(opts: &BuildOptions) -> Result<Built, Diagnostics> {
    let mut clock = Clock::default();
    clock.lap("start");
    let root = &opts.root;
    let mut config = Config::load(root)?;
    if let Some(b) = &opts.base_url {
        config.base_url = Some(if b.ends_with('/') {
            b.clone()
        } else {
            format!("{b}/")
        });
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

    let (mut out, render_diags) = render::render_site(&site, &theme);
    diags.extend(render_diags);
    clock.lap("render");
    let (index, _) = search::build(&site);
    out.extend(index);
    clock.lap("search index");
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
    })
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
                        .in_file(content::shown_path(root, &src))
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
