//! mdBook's includes (`{{#include file.rs:anchor}}`, `{{#rustdoc_include …}}`,
//! `{{#playground …}}`): a page shows part of another file, most often the code of a listing
//! kept beside the book (the Rust book's 565 code blocks are each one such line). The file is
//! read relative to the page, as mdBook reads it, and only from the site's folder or the book's
//! (the folder of the `book.toml` the site reads), and never a hidden one: a page cannot publish
//! `/etc/passwd`, a file of its author's home or the checkout's `.git/config`.
//!
//! PyMdown's snippets (`--8<-- "docs/code/a.cpp:core"`, MkDocs) are read alike, from the
//! folder of the `mkdocs.yml` the site reads (their base), with the part between
//! `--8<-- [start:core]` and `--8<-- [end:core]` as an anchor.
//!
//! Docsify's `':include'` embeds (`dialect::body::docsify`) read a whole file alike, within the
//! same bounds, from the page or, starting with `/`, from `content/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use crate::error::{Diagnostic, display_path};
use crate::paths::{is_system_path, lexical, parent_of, read_capped};

/// A file larger than this is no listing: it is not included.
const MAX_FILE_BYTES: u64 = 1 << 20;
/// What one page's includes may add up to, in bytes.
pub const MAX_PAGE_BYTES: usize = 8 << 20;
/// What a whole site's includes may add up to: every page may include `MAX_PAGE_BYTES`, and
/// each byte included costs about thirty in memory once highlighted and indexed (80 pages of
/// nine includes of a 1 MB file ran out of 2 GB). The Rust book's
/// 565 includes are 2 MB, OI-wiki's 564 snippets under 1 MB.
const MAX_SITE_BYTES: usize = 64 << 20;

/// The kinds of include, as written after `{{#`.
const KINDS: [&str; 3] = ["include", "rustdoc_include", "playground"];
/// PyMdown's snippet mark, and its kind of include.
const SNIPPET: &str = "--8<--";
pub const SNIPPET_KIND: &str = "snippet";
/// Docsify's `':include'` embed, whose path may start from the site's root (`/_media/a.md`).
pub const DOCSIFY_KIND: &str = "docsify";

/// Where a site's includes may read.
#[derive(Debug)]
pub struct Includes {
    /// The site's `content/` folder, as the site names it (pages' paths are relative to it).
    content_dir: PathBuf,
    /// Folders, resolved, that an included file must be in.
    roots: Vec<PathBuf>,
    /// The folder snippets are named from: the `mkdocs.yml`'s, else the site's.
    snippet_base: Option<PathBuf>,
    /// Every file an include has read, resolved: `serve` rebuilds when one changes.
    read: Mutex<BTreeSet<PathBuf>>,
    /// Bytes all pages' includes have read so far.
    total: AtomicUsize,
    /// The site's includes passed `MAX_SITE_BYTES`. Pages read in parallel, so which page's
    /// include crossed it varies from run to run: the build fails as a whole instead of
    /// publishing pages that lack a different part each time.
    over: AtomicBool,
}

/// An include line, read.
#[derive(Debug, PartialEq, Eq)]
pub struct Include<'a> {
    /// `include`, `rustdoc_include` or `playground` (mdBook's), `SNIPPET_KIND` (PyMdown's) or
    /// `DOCSIFY_KIND`.
    pub kind: &'a str,
    /// The file, relative to the page (a snippet's: to its base; a Docsify embed's starting
    /// with `/`: to `content/`).
    pub path: &'a str,
    /// What part of it: lines or an anchor.
    pub part: Part<'a>,
}

/// The part of a file an include shows.
#[derive(Debug, PartialEq, Eq)]
pub enum Part<'a> {
    Whole,
    /// Lines `from..=to` (1-based; `None`: to the end).
    Lines {
        from: usize,
        to: Option<usize>,
    },
    /// Between `ANCHOR: name` and `ANCHOR_END: name`.
    Anchor(&'a str),
}

/// The include a line is, if it is one alone on its line (`{{#include ../x.rs:main}}`,
/// `--8<-- "docs/x.cpp:core"`).
pub fn parse(line: &str) -> Option<Include<'_>> {
    let line = line.trim();
    let (kind, arg) = match line.strip_prefix(SNIPPET) {
        Some(rest) => {
            let rest = rest.trim();
            // `--8<-- "file"`, `'file'` or bare; `--8<-- [start:x]` marks a part, and a line
            // of the mark alone opens a block of files, which is not read.
            let arg = ['"', '\'']
                .iter()
                .find_map(|q| rest.strip_prefix(*q)?.strip_suffix(*q))
                .unwrap_or(rest);
            if arg.is_empty() || arg.starts_with('[') || arg.contains(char::is_whitespace) {
                return None;
            }
            (SNIPPET_KIND, arg)
        }
        None => {
            let inner = line.strip_prefix("{{#")?.strip_suffix("}}")?;
            let (kind, arg) = inner.split_once(char::is_whitespace)?;
            (KINDS.into_iter().find(|k| *k == kind)?, arg)
        }
    };
    let arg = arg.trim();
    // `file.rs:2:10`, `file.rs::10`, `file.rs:name`; a path has no `:` of its own.
    let mut parts = arg.splitn(3, ':');
    let path = parts.next()?.trim();
    if path.is_empty() {
        return None;
    }
    let number = |s: &str| s.trim().parse::<usize>().ok();
    let part = match (parts.next(), parts.next()) {
        (None, _) => Part::Whole,
        (Some(a), None) => match number(a) {
            Some(n) => Part::Lines {
                from: n,
                to: Some(n),
            },
            None if a.trim().is_empty() => Part::Whole,
            None => Part::Anchor(a.trim()),
        },
        // A range that is no pair of numbers (`:1:x`, `::99999999999999999999`) is not read
        // as the whole file: the line is then warned about as an include not understood.
        (Some(a), Some(b)) => {
            let bad = |s: &str| !s.trim().is_empty() && number(s).is_none();
            if bad(a) || bad(b) {
                return None;
            }
            Part::Lines {
                from: number(a).unwrap_or(1),
                to: number(b),
            }
        }
    };
    Some(Include { kind, path, part })
}

impl Includes {
    /// Includes of the site at `root`: they may read the site's folder, its `content/` (which
    /// may be a link to a docs tree elsewhere) and the folder of its `book.toml` (which may be
    /// a link into the book's repository).
    pub fn new(root: &Path, content_dir: &Path) -> Includes {
        let mut roots: Vec<PathBuf> = [root, content_dir]
            .iter()
            .filter_map(|p| p.canonicalize().ok())
            .collect();
        // The book's folder only when `book.toml` is a file of the tree `content/` is in
        // (`src/` beside it): a link to `/etc/passwd` must not make `/etc` a root.
        let content = content_dir.canonicalize().ok();
        let beside = crate::content::js::beside_content(root, content_dir);
        let config = |name: &str| {
            beside
                .iter()
                .find_map(|dir| tree_config(dir, name, content.as_deref()))
        };
        let book = config("book.toml");
        roots.extend(book);
        // MkDocs's config folder likewise: the base its snippets are named from.
        let mkdocs = ["mkdocs.yml", "mkdocs.yaml"]
            .iter()
            .find_map(|name| config(name));
        let snippet_base = mkdocs.clone().or_else(|| root.canonicalize().ok());
        roots.extend(mkdocs);
        Includes {
            content_dir: content_dir.to_path_buf(),
            roots,
            snippet_base,
            read: Mutex::default(),
            total: AtomicUsize::new(0),
            over: AtomicBool::new(false),
        }
    }

    /// The error for a site whose includes passed their budget, if they did.
    pub fn over_budget(&self) -> Option<Diagnostic> {
        self.over.load(Ordering::Relaxed).then(|| {
            Diagnostic::error(format!(
                "the site's includes pass {} MB in all",
                MAX_SITE_BYTES >> 20
            ))
            .hint(format!(
                "include fewer or smaller files: a page's includes may add up to {} MB, the whole site's to {} MB",
                MAX_PAGE_BYTES >> 20,
                MAX_SITE_BYTES >> 20
            ))
        })
    }

    /// The files includes have read so far, resolved, sorted.
    pub fn files(&self) -> Vec<PathBuf> {
        let read = self.read.lock().unwrap_or_else(PoisonError::into_inner);
        read.iter().cloned().collect()
    }

    /// The text `include`, written in a file of folder `from`, shows, and the file it read
    /// (whose own includes are read from its folder, as mdBook reads nested ones); or why it
    /// shows nothing.
    pub fn read_from(&self, from: &Path, include: &Include) -> Result<(String, PathBuf), String> {
        let (from, path) = match (include.kind, &self.snippet_base) {
            (SNIPPET_KIND, Some(base)) => (base.clone(), include.path),
            (DOCSIFY_KIND, _) if include.path.starts_with('/') => (
                self.content_dir.clone(),
                include.path.trim_start_matches('/'),
            ),
            _ => (from.to_path_buf(), include.path),
        };
        let outside = || {
            let tools = match include.kind {
                SNIPPET_KIND => " and the folder of mkdocs.yml",
                DOCSIFY_KIND => "",
                _ => " and the book's folder",
            };
            format!("`{}` is outside the site{tools}", include.path)
        };
        let written = from.join(path);
        let path = written.canonicalize().map_err(|_| {
            // Where it would be says why it is not: a path that climbs out of the site, or
            // one read from the page's folder that the author meant from the site's.
            let at = from.canonicalize().map(|f| lexical(&f.join(path)));
            if at.is_ok_and(|at| !self.roots.iter().any(|r| at.starts_with(r))) {
                outside()
            } else {
                format!(
                    "there is no file `{}` (looked for {})",
                    include.path,
                    display_path(&lexical(&written))
                )
            }
        })?;
        let Some(inside) = self.roots.iter().find_map(|r| path.strip_prefix(r).ok()) else {
            return Err(outside());
        };
        // Hidden files are a checkout's and a machine's (`.git/config` holds a CI's token,
        // `.env` its secrets), never a listing.
        if inside
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        {
            return Err(format!("`{}` is a hidden file", include.path));
        }
        let too_large = || {
            format!(
                "`{}` is no file of at most {} KB",
                include.path,
                MAX_FILE_BYTES >> 10
            )
        };
        if !path.is_file() || is_system_path(&path) {
            return Err(too_large());
        }
        // Recorded before it is read: a fix to a file whose anchor is missing is a change too.
        self.read
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.clone());
        let bytes = read_capped(&path, MAX_FILE_BYTES)
            .map_err(|e| format!("`{}`: {e}", include.path))?
            .ok_or_else(too_large)?;
        let before = self.total.fetch_add(bytes.len(), Ordering::Relaxed);
        if before + bytes.len() > MAX_SITE_BYTES {
            self.over.store(true, Ordering::Relaxed);
            return Err(String::new());
        }
        if bytes.contains(&0) {
            return Err(format!("`{}` is not text", include.path));
        }
        let text = String::from_utf8_lossy(&bytes);
        // Docsify embeds the file as it is: anchor marks are mdBook's and PyMdown's.
        if include.kind == DOCSIFY_KIND {
            return Ok((text.lines().collect::<Vec<_>>().join("\n"), path));
        }
        part_of(&text, &include.part)
            .ok_or_else(|| match include.part {
                Part::Anchor(name) => format!("`{}` has no anchor `{name}`", include.path),
                _ => format!("`{}` has no such lines", include.path),
            })
            .map(|lines| (lines.join("\n"), path))
    }

    /// The folder the includes of page `page` (relative to `content/`) are read from.
    pub fn page_folder(&self, page: &str) -> PathBuf {
        self.content_dir.join(parent_of(page))
    }
}

/// The folder of the tool's config `name` in `dir` (or a link to a file of that name),
/// when it is a file of the tree `content/` is in: a link to `/etc/passwd` must not make `/etc`
/// a root.
fn tree_config(dir: &Path, name: &str, content: Option<&Path>) -> Option<PathBuf> {
    dir.join(name)
        .canonicalize()
        .ok()
        // The file a link leads to must be that tool's config too: `mkdocs.yml ->
        // ../../.profile` would make the home folder a root.
        .filter(|p| p.file_name().is_some_and(|n| n == name))
        .filter(|p| p.is_file() && !is_system_path(p))
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .filter(|b| b.parent().is_some() && content.is_some_and(|c| c.starts_with(b)))
}

/// Whether a line marks an anchor (`// ANCHOR: main`, `# ANCHOR_END: main`, a snippet's
/// `// --8<-- [start:main]`): such lines are the book's, never shown.
fn anchor_mark(line: &str) -> Option<(bool, &str)> {
    if let Some(at) = line.find("--8<-- [") {
        let mark = line[at + "--8<-- [".len()..].split(']').next()?;
        let (kind, name) = mark.split_once(':')?;
        return match kind {
            "start" => Some((true, name.trim())),
            "end" => Some((false, name.trim())),
            _ => None,
        };
    }
    let (start, rest) = match line.find("ANCHOR_END:") {
        Some(at) => (false, &line[at + "ANCHOR_END:".len()..]),
        None => (true, &line[line.find("ANCHOR:")? + "ANCHOR:".len()..]),
    };
    let name = rest.split_whitespace().next()?;
    Some((start, name))
}

/// The lines of `text` that `part` names, anchor marks left out; `None` when it names none.
fn part_of<'t>(text: &'t str, part: &Part) -> Option<Vec<&'t str>> {
    let lines: Vec<&str> = text.lines().collect();
    let shown = |ls: &[&'t str]| -> Vec<&'t str> {
        ls.iter()
            .copied()
            .filter(|l| anchor_mark(l).is_none())
            .collect()
    };
    match *part {
        Part::Whole => Some(shown(&lines)),
        Part::Lines { from, to } => {
            let from = from.max(1) - 1;
            let to = to.unwrap_or(lines.len()).min(lines.len());
            (from < to).then(|| shown(&lines[from..to]))
        }
        Part::Anchor(name) => {
            let start = lines
                .iter()
                .position(|l| anchor_mark(l) == Some((true, name)))?;
            let end = lines[start + 1..]
                .iter()
                .position(|l| anchor_mark(l) == Some((false, name)))
                .map_or(lines.len(), |e| start + 1 + e);
            Some(shown(&lines[start + 1..end]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tool_config_that_links_elsewhere_widens_nothing() {
        // `mkdocs.yml -> ../../.profile` made the home folder a root: a page published
        // ~/Documents through a snippet (found by this session's attacker).
        let home = std::env::temp_dir().join(format!("hc-inc-home-{}", std::process::id()));
        let site = home.join("proj/site");
        std::fs::create_dir_all(site.join("content")).unwrap();
        std::fs::create_dir_all(home.join("Documents")).unwrap();
        std::fs::write(home.join(".profile"), "x").unwrap();
        std::fs::write(home.join("Documents/tax.txt"), "secret").unwrap();
        for (config, line) in [
            ("mkdocs.yml", r#"--8<-- "Documents/tax.txt""#),
            ("book.toml", "{{#include ../../../Documents/tax.txt}}"),
        ] {
            let link = site.join(config);
            std::os::unix::fs::symlink("../../.profile", &link).unwrap();
            let includes = Includes::new(&site, &site.join("content"));
            let read = includes.read_from(&includes.page_folder("a.md"), &parse(line).unwrap());
            assert!(read.is_err(), "{config}: {read:?}");
            std::fs::remove_file(&link).unwrap();
        }
        std::fs::remove_dir_all(&home).unwrap();
    }

    #[test]
    fn include_lines_are_read() {
        let p = |s| parse(s).map(|i| (i.kind, i.path, i.part));
        // PyMdown's snippets: quoted or not, a part by name or lines; its marks and its block
        // of files are no include.
        assert_eq!(
            p(r#"    --8<-- "docs/code/a.cpp:core""#),
            Some(("snippet", "docs/code/a.cpp", Part::Anchor("core")))
        );
        assert_eq!(
            p("--8<-- 'a.md:2:4'").map(|x| x.2),
            Some(Part::Lines {
                from: 2,
                to: Some(4)
            })
        );
        assert_eq!(p("--8<-- a.md"), Some(("snippet", "a.md", Part::Whole)));
        for no in [
            "--8<--",
            "// --8<-- [start:core]",
            "--8<-- \"\"",
            "--8<-- a b",
        ] {
            assert_eq!(p(no), None, "{no}");
        }
        assert_eq!(
            p("{{#rustdoc_include ../listings/ch02/src/main.rs:all}}"),
            Some((
                "rustdoc_include",
                "../listings/ch02/src/main.rs",
                Part::Anchor("all")
            ))
        );
        assert_eq!(
            p("  {{#include file.rs}}"),
            Some(("include", "file.rs", Part::Whole))
        );
        assert_eq!(
            p("{{#include file.rs:2}}"),
            Some((
                "include",
                "file.rs",
                Part::Lines {
                    from: 2,
                    to: Some(2)
                }
            ))
        );
        assert_eq!(
            p("{{#include file.rs::10}}").map(|x| x.2),
            Some(Part::Lines {
                from: 1,
                to: Some(10)
            })
        );
        assert_eq!(
            p("{{#include file.rs:2:}}").map(|x| x.2),
            Some(Part::Lines { from: 2, to: None })
        );
        for not in [
            "{{#title 标题}}",
            "{{#include a.rs:1:x}}",
            "{{#include a.rs::99999999999999999999999}}",
            "{{#include a.rs:1:2:3}}",
            "{{#include }}",
            "text {{#include a.rs}}",
            "{{#include a.rs",
        ] {
            assert_eq!(parse(not), None, "{not}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, failure_persistence: None, ..Default::default() })]

        /// Any include line and any file: read without a panic, and what is shown is lines of
        /// the file, none of them an anchor's mark.
        #[test]
        fn any_include_of_any_file(
            arg in "[a-z./]{0,6}(:[0-9a-z]{0,3}){0,3}",
            kind in "(include|rustdoc_include|playground|title) ?",
            lines in proptest::collection::vec("(// ANCHOR(_END)?: [a-z]{0,2}|\\PC{0,8})", 0..8),
        ) {
            let text = lines.join("\n");
            if let Some(i) = parse(&format!("{{{{#{kind} {arg}}}}}")) {
                if let Some(shown) = part_of(&text, &i.part) {
                    for l in shown {
                        proptest::prop_assert!(text.lines().any(|t| t == l) && anchor_mark(l).is_none());
                    }
                }
            }
        }
    }

    #[test]
    fn parts_of_a_file() {
        let text = "use std::io;\n// ANCHOR: main\nfn main() {\n    // ANCHOR: print\n    println!(\"hi\");\n    // ANCHOR_END: print\n}\n// ANCHOR_END: main\n";
        assert_eq!(
            part_of(text, &Part::Anchor("main")).unwrap(),
            ["fn main() {", "    println!(\"hi\");", "}"]
        );
        assert_eq!(
            part_of(text, &Part::Anchor("print")).unwrap(),
            ["    println!(\"hi\");"]
        );
        assert_eq!(part_of(text, &Part::Anchor("none")), None);
        assert_eq!(part_of(text, &Part::Whole).unwrap().len(), 4);
        assert_eq!(
            part_of(
                text,
                &Part::Lines {
                    from: 1,
                    to: Some(1)
                }
            )
            .unwrap(),
            ["use std::io;"]
        );
        assert_eq!(part_of(text, &Part::Lines { from: 50, to: None }), None);
    }
}
