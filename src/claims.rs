//! Who writes each output path. Every page, alias, tag page, asset and static file claims the
//! path it is written to, and the generator claims its own (the home page, `404.html`,
//! `search/`, `related/`, `tags/`, the feeds); two claims on one path are an error naming both,
//! so nothing of the site is silently replaced. Paths that differ only by case get a warning:
//! they collide on macOS and Windows disks and in zip files.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use crate::error::{Diagnostic, Diagnostics, display_path};
use crate::paths::page_file;
use crate::site::Site;

/// Files the generator writes at the top of the output.
const GENERATED_FILES: &[&str] = &[
    crate::output::MARKER,
    "index.html",
    "404.html",
    "sitemap.xml",
    "robots.txt",
    "atom.xml",
    "related.json",
];
/// Files for crawlers and feed readers that a site's own `static/` file of the same name
/// replaces, as in Hugo: its `robots.txt`, or the `sitemap.xml` a Docusaurus site keeps in the
/// `static/` it serves at its root (Volcano's docs failed on it, though none was written
/// without a `base_url`).
pub const REPLACEABLE: &[&str] = &["robots.txt", "sitemap.xml", "atom.xml"];
/// Folders whose every file the generator writes (`paths::GENERATED_FOLDERS`), with what they
/// hold and their page, for messages.
const GENERATED_FOLDERS: &[(&str, &str, &str)] = &[
    ("search/", "the search page and index", "search page"),
    (
        "related/",
        "the related-articles index",
        "related-articles index",
    ),
    ("tags/", "the tag pages", "list of tags"),
];

/// One source that writes an output path.
#[derive(Debug, Clone)]
struct Claim {
    /// What it is, for messages: "the article", "alias `x`", "the file".
    what: String,
    /// The file that makes it, when a file of the site does.
    file: Option<PathBuf>,
    line: Option<usize>,
    /// Written by the generator itself (never an error between two of these).
    generated: bool,
}

impl Claim {
    /// Its file, else what it is: for notes that point at the other side of a collision.
    fn where_(&self) -> String {
        self.file
            .as_deref()
            .map_or_else(|| self.what.clone(), display_path)
    }

    fn named(&self) -> String {
        match &self.file {
            Some(f) => format!("{} ({})", self.what, display_path(f)),
            None => self.what.clone(),
        }
    }

    fn diagnostic(&self, message: String) -> Diagnostic {
        let mut d = Diagnostic::error(message);
        if let Some(f) = &self.file {
            d = d.in_file(f);
        }
        if let Some(l) = self.line {
            d = d.at_line(l);
        }
        d
    }
}

/// Checks every output path the site writes; `assets` are the published files of `content/`
/// (content path → output path), `static_files` the theme's static files (built-in and the
/// site's own) by output path.
pub fn check(
    site: &Site,
    assets: &BTreeMap<String, String>,
    static_files: &[(String, Option<PathBuf>)],
) -> Diagnostics {
    let mut claims: BTreeMap<String, Vec<Claim>> = BTreeMap::new();
    let mut add = |path: String, claim: Claim| claims.entry(path).or_default().push(claim);
    let mut replaced = Vec::new();
    for f in GENERATED_FILES {
        if REPLACEABLE.contains(f) && static_files.iter().any(|(n, s)| n == f && s.is_some()) {
            replaced.push(*f);
            continue;
        }
        add((*f).to_owned(), generated(format!("helpcenter's own {f}")));
    }
    // The generated folders' own pages: a file where one of these folders goes clashes with it.
    for (folder, _, page) in GENERATED_FOLDERS {
        add(page_file(folder), generated(format!("helpcenter's {page}")));
    }
    for t in site.tags.values() {
        // Generated, but named by an article's `tags:`: a clash points there.
        let first = t.articles.first().map(|&i| &site.articles[i].source);
        add(
            page_file(&t.url),
            Claim {
                file: first.map(|f| f.shown.clone()),
                line: first.map(|f| f.key_line("tags")),
                ..generated(format!("the page of tag `{}`", t.name))
            },
        );
    }
    for s in &site.sections[1..] {
        let (file, what) = match &s.source {
            Some(f) => (Some(f.shown.clone()), "the section".to_owned()),
            None if s.from_nav => (None, format!("the navigation group `{}`", s.title)),
            None => (
                Some(site.shown(&s.dir)),
                format!("the folder content/{}", s.dir),
            ),
        };
        add(page_file(&s.url), from(what, file, None));
    }
    for a in &site.articles {
        add(
            page_file(&a.url),
            from("the article".into(), Some(a.source.shown.clone()), None),
        );
    }
    for alias in &site.aliases {
        let owner = &site.articles[alias.article].source;
        add(
            alias.output_path(),
            from(
                format!("alias `{}`", alias.written),
                Some(owner.shown.clone()),
                Some(owner.key_line("aliases")),
            ),
        );
    }
    for (rel, out) in assets {
        add(
            out.clone(),
            from("the file".into(), Some(site.shown(rel)), None),
        );
    }
    for (name, file) in static_files {
        let claim = match file {
            Some(f) => from("the static file".into(), Some(f.clone()), None),
            None => generated(format!("the theme's {name}")),
        };
        add(name.clone(), claim);
    }
    let mut diags = Diagnostics::default();
    if !replaced.is_empty() {
        let names: Vec<String> = replaced.iter().map(|f| format!("static/{f}")).collect();
        diags.push(
            Diagnostic::info(format!(
                "{} replace{} helpcenter's own",
                names.join(", "),
                if names.len() == 1 { "s" } else { "" }
            ))
            .hint("remove such a file from static/ to have helpcenter write its own"),
        );
    }
    diags.extend(inside_generated_folders(&claims));
    for (path, list) in &claims {
        diags.extend(collisions(path, list));
    }
    diags.extend(file_folder_collisions(&claims));
    diags.extend(case_collisions(&claims));
    diags
}

/// A path written as a file cannot also be a folder of another path (`a.png` and
/// `a.png/index.html`): the second write would fail half-way, or replace the first.
fn file_folder_collisions(claims: &BTreeMap<String, Vec<Claim>>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (path, list) in claims {
        let folders = path.match_indices('/').map(|(i, _)| &path[..i]);
        for folder in folders {
            let Some(files) = claims.get(folder) else {
                continue;
            };
            let file = files.iter().find(|c| !c.generated).unwrap_or(&files[0]);
            let user = list.iter().find(|c| !c.generated).unwrap_or(&list[0]);
            let blamed = if file.generated { user } else { file };
            out.push(
                blamed
                    .diagnostic(format!(
                        "{} is a file at /{folder}, where {} needs a folder",
                        file.named(),
                        user.named()
                    ))
                    .hint("rename one of them"),
            );
        }
    }
    out
}

fn from(what: String, file: Option<PathBuf>, line: Option<usize>) -> Claim {
    Claim {
        what,
        file,
        line,
        generated: false,
    }
}

fn generated(what: String) -> Claim {
    Claim {
        what,
        file: None,
        line: None,
        generated: true,
    }
}

/// Pages inside one generated folder named in one error from this many on.
const GROUPED: usize = 3;

/// The site's paths inside a folder the generator owns (`search/`): one error per folder.
/// A content folder of that name (OI-wiki's `search/`, 搜索) is the cause of every page and
/// file in it; its files, published because its pages show them, are not errors of their own
/// (they were 20 of OI-wiki's 31).
fn inside_generated_folders(claims: &BTreeMap<String, Vec<Claim>>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (folder, holds, _) in GENERATED_FOLDERS {
        let theirs: Vec<(&str, &Claim)> = claims
            .range(folder.to_string()..)
            .take_while(|(p, _)| p.starts_with(folder))
            .flat_map(|(p, list)| {
                list.iter()
                    .filter(|c| !c.generated)
                    .map(move |c| (p.as_str(), c))
            })
            .collect();
        let pages: Vec<&(&str, &Claim)> = theirs
            .iter()
            .filter(|(_, c)| c.what != "the file")
            .collect();
        let blamed = if pages.is_empty() {
            theirs.iter().collect()
        } else {
            pages
        };
        let Some((_, first)) = blamed.first() else {
            continue;
        };
        // A page or two are named each; more are a folder's, named once.
        if blamed.len() < GROUPED {
            for (path, c) in &blamed {
                out.push(
                    c.diagnostic(format!("{} would be written to /{path}, inside /{folder}, where helpcenter writes {holds}", c.what))
                        .hint(format!("rename it (or its folder) so its URL does not start with /{folder}")),
                );
            }
            continue;
        }
        let names: Vec<String> = blamed.iter().map(|(_, c)| c.where_()).collect();
        let shown = names.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
        let more = names.len().saturating_sub(5);
        let files = theirs.len() - blamed.len();
        out.push(
            first
                .diagnostic(format!(
                    "{} pages would be written inside /{folder}, where helpcenter writes {holds}: {shown}{}{}",
                    blamed.len(),
                    if more > 0 { format!(" and {more} more") } else { String::new() },
                    match files {
                        0 => String::new(),
                        1 => " (and a file they show)".to_owned(),
                        n => format!(" (and {n} files they show)"),
                    },
                ))
                .hint(format!("rename their folder so its URL does not start with /{folder} (content/{} → content/{}-pages/, say); links written as .md paths must follow", folder.trim_end_matches('/'), folder.trim_end_matches('/'))),
        );
    }
    out
}

/// The errors for one output path: a site's file where the generator writes, or two of the
/// site's files at one path (inside a folder the generator owns: `inside_generated_folders`).
fn collisions(path: &str, list: &[Claim]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let theirs: Vec<&Claim> = list.iter().filter(|c| !c.generated).collect();
    if GENERATED_FOLDERS.iter().any(|(f, ..)| path.starts_with(f)) {
        return out;
    }
    // A site's static file may replace a built-in one of the same name: that is how themes are
    // customised. Anything else on a generated path is an error.
    let replaces_theme = list
        .iter()
        .any(|c| c.generated && c.what.starts_with("the theme's"));
    if let Some(g) = list.iter().find(|c| c.generated) {
        for c in &theirs {
            if replaces_theme && c.what == "the static file" {
                continue;
            }
            out.push(
                c.diagnostic(format!(
                    "{} would replace {g} at /{path}",
                    c.what,
                    g = g.what
                ))
                .hint(
                    "helpcenter writes that path itself: give this one another name, slug or alias",
                ),
            );
        }
        return out;
    }
    if let [first, rest @ ..] = theirs.as_slice() {
        for c in rest {
            out.push(pair(path, first, c));
        }
    }
    out
}

/// The error for `c` writing where `first` already does.
fn pair(path: &str, first: &Claim, c: &Claim) -> Diagnostic {
    let page = |c: &Claim| c.what == "the article" || c.what == "the section";
    let alias = |c: &Claim| c.what.starts_with("alias ");
    let url = path.strip_suffix("index.html").unwrap_or(path);
    if page(first) && page(c) {
        c.diagnostic(format!("two pages have the URL /{url}"))
            .note(format!("{} has it too", first.where_()))
            .hint("give one of them another file name or a different `slug`")
    } else if page(first) && alias(c) {
        c.diagnostic(format!("{} is the URL of a page", c.what))
            .note(format!("{} is at that URL", first.where_()))
            .hint("an alias must be an old URL that no page uses now")
    } else if alias(first) && alias(c) {
        c.diagnostic(format!("{} is used twice", c.what))
            .note(format!("{} has it too", first.where_()))
            .hint("keep the alias on one article only")
    } else {
        c.diagnostic(format!("{} and {} both write /{path}", c.what, first.named()))
            .hint("two things cannot have one URL: rename one of them, change its `slug`, or drop the alias")
    }
}

/// Paths equal but for case: one file on macOS and Windows disks and in zip archives. The
/// warning names the site's file of the two (the generator's paths are never at fault).
fn case_collisions(claims: &BTreeMap<String, Vec<Claim>>) -> Vec<Diagnostic> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut out = Vec::new();
    for (path, list) in claims {
        let lower = path.to_lowercase();
        match seen.get(lower.as_str()) {
            Some(first) if *first != path.as_str() => {
                let theirs = list.iter().chain(&claims[*first]).find(|c| !c.generated);
                let Some(c) = theirs else { continue };
                let mut d = Diagnostic::warning(format!(
                    "/{path} and /{first} differ only by case: on macOS and Windows, and in a zip file, one replaces the other"
                ))
                .hint("rename one of them so the two differ by more than case");
                if let Some(f) = &c.file {
                    d = d.in_file(f);
                }
                out.push(d);
            }
            Some(_) => {}
            None => {
                seen.insert(lower, path);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn the_generated_folders_are_the_ones_paths_names() {
        let here: Vec<&str> = super::GENERATED_FOLDERS.iter().map(|(f, ..)| *f).collect();
        assert_eq!(here, crate::paths::GENERATED_FOLDERS);
    }

    use crate::testing::{messages, site};

    fn check(files: &[(&str, &str)], static_files: &[(&str, bool)]) -> Vec<String> {
        let (s, d) = site(files);
        assert!(!d.has_errors(), "{d:?}");
        let statics: Vec<(String, Option<PathBuf>)> = static_files
            .iter()
            .map(|(n, own)| {
                (
                    (*n).to_owned(),
                    own.then(|| PathBuf::from(format!("static/{n}"))),
                )
            })
            .collect();
        messages(&super::check(
            &s,
            &s.links
                .assets
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            &statics,
        ))
    }

    const A: &str = "---\ntitle: A\n---\n";

    #[test]
    fn pages_aliases_and_files_at_one_path_name_both() {
        let m = check(
            &[
                ("a/_index.md", A),
                (
                    "a/x.md",
                    "---\ntitle: X\naliases: [a/y/, old, a/pic.png]\n---\n",
                ),
                (
                    "a/y.md",
                    "---\ntitle: Y\naliases: [old/, a/doc.html]\n---\n",
                ),
                ("a/z.md", "---\ntitle: Z\nslug: x\n---\n"),
                ("a/pic.png", ""),
                ("a/doc.html", ""),
            ],
            &[],
        );
        assert_eq!(
            m,
            [
                "a/x.md:3: alias `a/y/` is the URL of a page",
                "a/y.md:3: alias `old/` is used twice",
                "a/z.md: two pages have the URL /a/x/",
                "content/a/doc.html: the file and alias `a/doc.html` (a/y.md) both write /a/doc.html",
                "content/a/pic.png: the file (content/a/pic.png) is a file at /a/pic.png, where alias `a/pic.png` (a/x.md) needs a folder",
            ]
        );
    }

    #[test]
    fn the_generators_own_paths_cannot_be_claimed() {
        let m = check(
            &[
                (
                    "x.md",
                    "---\ntitle: X\naliases: [index.html, 404.html, search/index.html, tags/安全/, sitemap.xml]\n---\n",
                ),
                ("search/_index.md", A),
                ("related/r.md", A),
                ("style.css", ""),
            ],
            &[("style.css", false), ("site.js", true)],
        );
        assert_eq!(
            m,
            [
                "content/related: the folder content/related would be written to /related/index.html, inside /related/, where helpcenter writes the related-articles index",
                "content/style.css: the file would replace the theme's style.css at /style.css",
                "related/r.md: the article would be written to /related/r/index.html, inside /related/, where helpcenter writes the related-articles index",
                "search/_index.md: the section would be written to /search/index.html, inside /search/, where helpcenter writes the search page and index",
                "x.md:3: alias `404.html` would replace helpcenter's own 404.html at /404.html",
                "x.md:3: alias `index.html` would replace helpcenter's own index.html at /index.html",
                "x.md:3: alias `search/index.html` would be written to /search/index.html, inside /search/, where helpcenter writes the search page and index",
                "x.md:3: alias `tags/安全/` would be written to /tags/安全/index.html, inside /tags/, where helpcenter writes the tag pages",
                "x.md:3: helpcenter's own sitemap.xml is a file at /sitemap.xml, where alias `sitemap.xml` (x.md) needs a folder",
            ]
        );
    }

    #[test]
    fn a_folder_of_pages_inside_a_generated_one_is_one_error() {
        let with_image = "---\ntitle: A\n---\n![图](bfs.svg)\n";
        let m = check(
            &[
                ("search/bfs.md", with_image),
                ("search/dfs.md", A),
                ("search/astar.md", A),
                ("search/bfs.svg", "<svg/>"),
                ("x.md", A),
            ],
            &[],
        );
        assert_eq!(
            m,
            [
                "search/astar.md: 4 pages would be written inside /search/, where helpcenter writes the search page and index: search/astar.md, search/bfs.md, search/dfs.md, content/search (and a file they show)"
            ]
        );
    }

    #[test]
    fn a_file_where_a_generated_folder_goes_clashes_with_it() {
        let m = check(
            &[("x.md", A), ("tags.md", "---\ntitle: T\nslug: tags\n---\n")],
            &[("search", true)],
        );
        assert_eq!(
            m,
            [
                "static/search: the static file (static/search) is a file at /search, where helpcenter's search page needs a folder",
                "tags.md: the article would be written to /tags/index.html, inside /tags/, where helpcenter writes the tag pages",
            ]
        );
        let (s, _) = site(&[
            ("Search/_index.md", A),
            ("x.md", "---\ntitle: X\ntags: [Face ID]\n---\n"),
        ]);
        let d = super::check(&s, &Default::default(), &[]);
        assert_eq!(
            messages(&d),
            [
                "Search/_index.md: /search/index.html and /Search/index.html differ only by case: on macOS and Windows, and in a zip file, one replaces the other"
            ]
        );
    }

    #[test]
    fn a_sites_static_file_may_replace_the_themes() {
        assert_eq!(
            check(&[("x.md", A)], &[("style.css", true)]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn paths_that_differ_only_by_case_are_a_warning() {
        let (s, _) = site(&[("FAQ.md", A), ("faq.md", A)]);
        let d = super::check(&s, &Default::default(), &[]);
        assert!(!d.has_errors());
        assert_eq!(
            messages(&d),
            [
                "faq.md: /faq/index.html and /FAQ/index.html differ only by case: on macOS and Windows, and in a zip file, one replaces the other"
            ]
        );
    }
}
