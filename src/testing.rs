//! Test helpers: a site model built from files held in memory, so the stages after loading can
//! be tested on pure inputs, without a folder on disk.

use crate::config::Config;
use crate::content::{self, Asset, Content};
use crate::error::Diagnostics;
use crate::markdown::Parsed;
use crate::paths::parent_of;
use crate::site::{self, Site};

/// The site of `files` (content path, text): `.md` files are parsed as under `content/`, any
/// other path is an asset. The config is `config_yaml` (`title: 测试` when empty).
pub(crate) fn site_with(config_yaml: &str, files: &[(&str, &str)]) -> (Site, Diagnostics) {
    let config = Config::parse(if config_yaml.is_empty() {
        "title: 测试\n"
    } else {
        config_yaml
    })
    .expect("test config");
    let offset = config.offset().unwrap();
    let mut c = Content {
        shown: "content".into(),
        ..Content::default()
    };
    let mut diags = Diagnostics::default();
    for (rel, text) in files {
        let mut dir = parent_of(rel);
        while !dir.is_empty() {
            if !c.folders.iter().any(|f| f == dir) {
                c.folders.push(dir.to_owned());
            }
            dir = parent_of(dir);
        }
        if !rel.ends_with(".md") {
            c.assets.push(Asset {
                rel: (*rel).to_owned(),
                source: None,
            });
            continue;
        }
        let read = content::ReadOptions {
            offset,
            variables: &config.variables,
            made_for: None,
            includes: None,
            appended: "",
            mdx: false,
            heading_at_ids: false,
        };
        match content::parse_file(text.as_bytes(), rel, read) {
            Ok(f) => c.files.push(f),
            Err(d) => {
                c.failed.push((*rel).to_owned());
                diags.extend(d.into_iter().map(|d| d.in_file(*rel)));
            }
        }
    }
    // The roles of files and folders, as `content::load` decides them.
    let rels: Vec<String> = c.files.iter().map(|f| f.rel.clone()).collect();
    let rels: Vec<&str> = rels.iter().map(String::as_str).collect();
    let roles = content::roles::decide(&rels, &c.folders);
    c.folders = roles.sections.clone();
    for f in &mut c.files {
        roles.apply(f);
    }
    for f in c
        .files
        .iter()
        .filter(|f| f.kind == content::Kind::Article && f.title.is_empty())
    {
        diags.push(content::no_title(&f.shown, &f.body));
    }
    c.files
        .retain(|f| f.kind != content::Kind::Article || !f.title.is_empty());
    let (site, d) = site::assemble(c, config, false);
    diags.extend(d);
    (site, diags)
}

/// [`site_with`] with the default config.
pub(crate) fn site(files: &[(&str, &str)]) -> (Site, Diagnostics) {
    site_with("", files)
}

/// Every page of `site` parsed, as the pipeline does.
pub(crate) fn parse(site: &Site) -> (Parsed, Diagnostics) {
    crate::pipeline::parse_pages(site)
}

/// The messages of `diags`, each with its file and line, sorted: what a test asserts on.
pub(crate) fn messages(diags: &Diagnostics) -> Vec<String> {
    let mut v: Vec<String> = diags
        .0
        .iter()
        .map(|d| format!("{}: {}", d.location().unwrap_or_default(), d.message))
        .collect();
    v.sort();
    v
}
