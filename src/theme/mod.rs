//! The default theme, embedded in the binary so a site without its own `templates/` and `static/`
//! builds; a site's file of the same name replaces the embedded one, file by file.

mod environment;
mod recursion;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use tera::{Context, Tera};

use crate::content::{
    Inside, bad_name, hidden_link, link_target, linked_too_deep, output_inside, outside_link,
    walk_error,
};
use crate::error::{Diagnostic, Diagnostics, display_path, shown_path};
use crate::escape;
use crate::paths::{NOT_UTF8, path_problem, slash_path};

macro_rules! embed {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../", $dir, "/", $name)))),*]
    };
}

/// The built-in templates, by name.
pub const TEMPLATES: &[(&str, &[u8])] = embed!("templates":
    "base.html", "macros.html", "index.html", "section.html", "article.html", "tag.html",
    "tags.html", "404.html", "related.html", "search.html",
);

/// The built-in static files (CSS, JS, icon), by name.
pub const STATIC: &[(&str, &[u8])] =
    embed!("static": "style.css", "site.js", "search.js", "favicon.svg");

/// The site's templates (the embedded theme overlaid with the site's own) and static files.
pub struct Theme {
    tera: Tera,
    origins: HashMap<String, Option<PathBuf>>,
    sources: HashMap<String, String>,
    /// The static files: the built-in ones overlaid with the site's `static/`.
    pub static_files: BTreeMap<String, ThemeFile>,
    /// The site's templates that no built-in one is named like and no template names: used
    /// only if a page's `template:` names them, and otherwise a misspelt name, likely.
    pub unnamed: Vec<String>,
}

impl Theme {
    /// The built-in theme overlaid with the site's `templates/` and `static/`; every template
    /// is parsed here, so a broken one fails the build before any page is rendered.
    pub fn load(root: &Path) -> Result<Theme, Diagnostics> {
        let (templates, mut diags) = overlay(root, "templates", TEMPLATES);
        let (static_files, static_diags) = overlay(root, "static", STATIC);
        diags.extend(static_diags);
        let mut origins = HashMap::new();
        let mut sources = HashMap::new();
        for (name, file) in templates {
            let shown = file
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from(format!("(built-in theme) templates/{name}")));
            match String::from_utf8(file.bytes) {
                Ok(text) => {
                    sources.insert(name.clone(), text);
                }
                Err(_) => diags.push(
                    Diagnostic::error("the template is not valid UTF-8")
                        .in_file(shown)
                        .hint("save it as UTF-8"),
                ),
            }
            origins.insert(name, file.path);
        }
        for (name, text) in &sources {
            if let Some(line) = recursion::too_deep(text) {
                diags.push(
                    Diagnostic::error(format!(
                        "the template nests tags or brackets more than {} deep",
                        recursion::MAX_NESTING
                    ))
                    .in_file(shown_template(name, &origins))
                    .at_line(line)
                    .hint("write it flatter: move the inner part into a macro or an include"),
                );
            }
        }
        if diags.has_errors() {
            return Err(diags);
        }
        let mut tera = Tera::default();
        tera.set_escape_fn(escape::html);
        tera.autoescape_on(vec![".html", ".xml"]);
        let mut list: Vec<(&str, &str)> = sources
            .iter()
            .map(|(n, s)| (n.as_str(), s.as_str()))
            .collect();
        list.sort();
        let mut unnamed = Vec::new();
        match tera.add_raw_templates(list) {
            Ok(()) => {
                let names = recursion::Names::of(&tera);
                let named = names.named();
                unnamed = origins
                    .iter()
                    .filter(|(name, path)| {
                        path.is_some()
                            && !named.contains(name.as_str())
                            && !TEMPLATES.iter().any(|(n, _)| n == name)
                    })
                    .map(|(name, _)| name.clone())
                    .collect();
                unnamed.sort();
                for cycle in names.cycles() {
                    diags.push(include_cycle_error(&cycle, &origins, &sources));
                }
                if let Some(chain) = names.too_long_chain() {
                    diags.push(chain_error(&chain, &origins));
                }
                recursion::count_macro_depth(&mut tera);
                tera.register_function("get_env", environment::get_env);
            }
            Err(e) => diags.push(template_error(&e, &origins, &sources)),
        }
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Theme {
            tera,
            origins,
            sources,
            static_files,
            unnamed,
        })
    }

    /// Where the site's template `name` is, as messages show it.
    pub fn shown(&self, name: &str) -> String {
        shown_template(name, &self.origins)
    }

    /// True when the theme has a template of that name.
    pub fn has_template(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }

    /// Renders template `name`; errors name the template file and line.
    pub fn render(&self, name: &str, ctx: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, ctx)
            .map_err(|e| template_error(&e, &self.origins, &self.sources))
    }
}

/// A Tera error as a diagnostic: the template's file, the line when Tera or the template source
/// tells it, and Tera's whole message chain.
fn template_error(
    e: &tera::Error,
    origins: &HashMap<String, Option<PathBuf>>,
    sources: &HashMap<String, String>,
) -> Diagnostic {
    use std::error::Error;
    let mut chain = vec![e.to_string()];
    let mut cur: Option<&dyn Error> = e.source();
    while let Some(c) = cur {
        chain.push(c.to_string());
        cur = c.source();
    }
    let all = chain.join("\n");
    let name = all
        .split('\'')
        .nth(1)
        .filter(|n| origins.contains_key(*n))
        .map(str::to_owned)
        .or_else(|| origins.keys().find(|n| all.contains(n.as_str())).cloned())
        .unwrap_or_default();
    let mut d = Diagnostic::error(format!("template error in `{name}`"))
        .in_file(shown_template(&name, origins));
    // Parse errors carry ` --> line:column`.
    if let Some(pos) = all.find("--> ") {
        let loc: String = all[pos + 4..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ':')
            .collect();
        let mut it = loc.split(':').filter_map(|n| n.parse::<usize>().ok());
        if let (Some(l), Some(c)) = (it.next(), it.next()) {
            d = d.at(l, c);
        }
    } else if let Some(src) = sources.get(&name) {
        // Render errors quote the variable or filter at fault; point at its first use.
        let quoted = ['`', '\'']
            .into_iter()
            .flat_map(|q| all.split(q).skip(1).step_by(2).collect::<Vec<_>>());
        let line = quoted
            .filter(|n| !n.is_empty() && !origins.contains_key(*n))
            .find_map(|n| src.lines().position(|l| l.contains(n)));
        if let Some(i) = line {
            d = d.at_line(i + 1);
        }
    }
    for line in chain.iter().flat_map(|c| c.lines()) {
        if !line.trim().is_empty() {
            d = d.note(line.to_owned());
        }
    }
    d.hint(
        "fix the template; a site's templates/NAME.html replaces the built-in one of the same name",
    )
}

/// A template shown in a message: the site's file, or the built-in theme's.
fn shown_template(name: &str, origins: &HashMap<String, Option<PathBuf>>) -> String {
    match origins.get(name) {
        Some(Some(p)) => display_path(p),
        _ => format!("(built-in theme) templates/{name}"),
    }
}

/// An include that comes back to its own template, at the include's line.
fn include_cycle_error(
    cycle: &recursion::IncludeCycle,
    origins: &HashMap<String, Option<PathBuf>>,
    sources: &HashMap<String, String>,
) -> Diagnostic {
    let (from, to) = (&cycle.from, &cycle.to);
    let (verb, end) = if cycle.imports {
        (
            "imports the macros of",
            "its macros would never finish loading",
        )
    } else {
        ("includes", "its pages would never end")
    };
    let message = if from == to {
        format!("`{from}` {verb} itself: {end}")
    } else {
        let way: Vec<String> = std::iter::once(to.clone())
            .chain(cycle.back.iter().cloned())
            .collect();
        format!(
            "`{from}` {verb} `{to}`, which leads back to it ({}): {end}",
            shown_way(&way)
        )
    };
    let mut d = Diagnostic::error(message).in_file(shown_template(from, origins));
    let line = sources.get(from).and_then(|src| {
        src.lines().position(|l| {
            (l.contains("include") || l.contains("import"))
                && (l.contains(&format!("\"{to}\"")) || l.contains(&format!("'{to}'")))
        })
    });
    if let Some(i) = line {
        d = d.at_line(i + 1);
    }
    d.hint(if cycle.imports {
        "remove the import: a file's own macros are called as `self::name`"
    } else {
        "remove the include; to draw nested content (a tree), write a macro that calls itself for each child"
    })
}

/// A way through templates, its middle left out when it is long.
fn shown_way(way: &[String]) -> String {
    match way {
        [a, b, .., y, z] if way.len() > 8 => format!("{a} → {b} → … → {y} → {z}"),
        _ => way.join(" → "),
    }
}

fn chain_error(chain: &[String], origins: &HashMap<String, Option<PathBuf>>) -> Diagnostic {
    let shown = shown_way(chain);
    Diagnostic::error(format!(
        "`{}` leads {} templates deep, each including, extending or importing the next ({shown}): pages draw at most {} one inside another",
        chain[0],
        chain.len(),
        recursion::MAX_CHAIN
    ))
    .in_file(shown_template(&chain[0], origins))
    .hint("include the parts from one template rather than each from the one before")
}

/// A theme file and where it came from, for error messages.
pub struct ThemeFile {
    /// Its content. A static file's is moved into the output when the site is built: a site's
    /// hundreds of MB of screenshots were held twice.
    pub bytes: Vec<u8>,
    /// The site's own file, or `None` for the embedded default.
    pub path: Option<PathBuf>,
    /// A hash of its content, for the `?v=` that makes browsers fetch a changed stylesheet.
    pub version: u32,
}

impl ThemeFile {
    fn new(bytes: Vec<u8>, path: Option<PathBuf>) -> ThemeFile {
        let version = crate::hash::fnv1a64(&bytes) as u32;
        ThemeFile {
            bytes,
            path,
            version,
        }
    }
}

/// The theme's own scripts without their comments and indentation: a third of search.js, which a
/// reader's first query downloads. Lines are kept (no statement depends on a line being joined),
/// and no string or template literal of these files spans lines. A site's own scripts are
/// published as they are.
fn compact_js(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with("//") || (t.starts_with("/*") && t.ends_with("*/")) {
            continue;
        }
        out.push_str(t);
        out.push('\n');
    }
    out
}

/// The embedded files of `embedded` overlaid with the files under `root/<dir>`.
pub fn overlay(
    root: &Path,
    dir: &str,
    embedded: &[(&str, &[u8])],
) -> (BTreeMap<String, ThemeFile>, Diagnostics) {
    let mut files: BTreeMap<String, ThemeFile> = embedded
        .iter()
        .map(|(n, b)| {
            let bytes = if n.ends_with(".js") {
                compact_js(&String::from_utf8_lossy(b)).into_bytes()
            } else {
                b.to_vec()
            };
            ((*n).to_owned(), ThemeFile::new(bytes, None))
        })
        .collect();
    let mut diags = Diagnostics::default();
    let base = root.join(dir);
    if !base.is_dir() {
        return (files, diags);
    }
    let inside = Inside::new(root, &base);
    let mut walker = walkdir::WalkDir::new(&base)
        .sort_by_file_name()
        .follow_links(true)
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(&base).to_path_buf();
                diags.push(walk_error(&e).in_file(shown_path(root, &path)));
                continue;
            }
        };
        let shown = shown_path(root, entry.path());
        if let Some(target) = inside.link_outside(&entry) {
            diags.push(outside_link(&shown, &target));
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if Inside::is_output(&entry) {
            walker.skip_current_dir();
            diags.push(output_inside(&shown));
            continue;
        }
        if inside.linked_too_deep(&entry) {
            walker.skip_current_dir();
            diags.push(linked_too_deep(&shown));
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        // Hidden files and folders are never published (`static/.git/`, `.env`), nor what
        // a link leads to in one; `.well-known/`, which hosts and browsers read, is.
        let hidden_name = name.starts_with('.') && name != ".well-known" && entry.depth() > 0;
        let hidden_target = link_target(&entry).filter(|t| inside.hidden(t));
        if hidden_name || hidden_target.is_some() || name == "node_modules" {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            if let Some(target) = hidden_target.filter(|_| !hidden_name) {
                diags.push(hidden_link(&shown, &target));
            }
            continue;
        }
        if entry.file_type().is_dir() {
            continue;
        }
        // A named pipe for `templates/article.html` left the built-in one in use, silently.
        if !entry.file_type().is_file() {
            diags.push(
                Diagnostic::error("this is not a regular file (a pipe, a device or a socket)")
                    .in_file(shown)
                    .hint("replace it with the file it stands for, or remove it"),
            );
            continue;
        }
        let rel = slash_path(entry.path().strip_prefix(&base).unwrap_or(entry.path()));
        let not_utf8 = entry
            .path()
            .strip_prefix(&base)
            .map_or(true, |p| p.to_str().is_none());
        if let Some(problem) = not_utf8.then_some(NOT_UTF8).or_else(|| path_problem(&rel)) {
            diags.push(bad_name(&shown, problem));
            continue;
        }
        match crate::paths::read_file(entry.path()) {
            Ok(bytes) => {
                files.insert(rel, ThemeFile::new(bytes, Some(shown)));
            }
            Err(e) => {
                diags.push(Diagnostic::error(format!("cannot read the file: {e}")).in_file(shown))
            }
        }
    }
    (files, diags)
}
