//! MkDocs's navigation: `nav:` in `mkdocs.yml` (beside the docs folder, or in it) orders the
//! pages and names the groups, as a navigation file does (see `nav`). An entry is a page's path
//! under the docs folder (`user-guide/writing.md`, titled by the page), `标题: path` (titled so),
//! or `标题: [entries]` (a group). Without `nav:` the folders order the site, as MkDocs does.

use std::path::Path;

use super::js;
use super::nav::{Nav, NavKind, NavNode};
use crate::error::{Diagnostic, Diagnostics};

pub(super) const CONFIG_FILES: &[&str] = &["mkdocs.yml", "mkdocs.yaml"];

/// Nesting and entries past which a nav is not one anyone wrote.
const MAX_DEPTH: usize = 16;
const MAX_ENTRIES: usize = 200_000;

/// The title MkDocs gives a page with none of its own: its file's name (its folder's, for an
/// `index.md`), dashes and underscores as spaces, the first letter capital.
pub fn title_from_path(rel: &str) -> Option<String> {
    let words = crate::paths::page_name(rel)?.replace(['-', '_'], " ");
    let words = words.trim();
    let mut chars = words.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// What helpcenter follows of an `mkdocs.yml`.
#[derive(Debug, Default)]
pub struct MkDocs {
    /// The site has one.
    pub found: bool,
    /// Its `nav:`, if it has one.
    pub nav: Option<Nav>,
    /// A math extension is on (arithmatex, as Material for MkDocs documents it, or another).
    pub math: bool,
    /// The snippets every page ends with (`pymdownx.snippets`' `auto_append`: a file of link
    /// references such as `[mkdocs.env]: https://…`, which the pages use), as written.
    pub auto_append: Vec<String>,
    /// Material's code annotations are on (`content.code.annotate` among its features).
    pub annotate: bool,
}

/// Extensions that make TeX between `$` math.
const MATH_EXTENSIONS: &[&str] = &["arithmatex", "mdx_math", "markdown_katex", "mdx_katex"];

/// The site's `mkdocs.yml`, beside the docs folder or in it.
pub fn read(root: &Path, content_dir: &Path, diags: &mut Diagnostics) -> MkDocs {
    let places = js::beside_or_in(root, content_dir);
    let Some(config) = js::read_config(root, &places, CONFIG_FILES, "MkDocs config", diags) else {
        return MkDocs::default();
    };
    let math = js::says(&config.text, MATH_EXTENSIONS);
    let auto_append = auto_append(&config.text);
    let annotate = js::says(&config.text, &["content.code.annotate"]);
    MkDocs {
        found: true,
        nav: nav(config, diags),
        math,
        auto_append,
        annotate,
    }
}

/// `pymdownx.snippets`' `auto_append` list, from the config's `markdown_extensions`.
fn auto_append(text: &str) -> Vec<String> {
    let Ok(yaml) = crate::yaml::value(text) else {
        return Vec::new();
    };
    let Some(extensions) = yaml
        .get("markdown_extensions")
        .and_then(|e| e.as_sequence())
    else {
        return Vec::new();
    };
    extensions
        .iter()
        .filter_map(|e| {
            e.get("pymdownx.snippets")?
                .get("auto_append")?
                .as_sequence()
        })
        .flatten()
        .filter_map(scalar)
        .collect()
}

fn nav(config: js::ConfigFile, diags: &mut Diagnostics) -> Option<Nav> {
    let yaml: serde_yaml::Value = match crate::yaml::value(&config.text) {
        Ok(v) => v,
        Err(e) => {
            diags.push(
                Diagnostic::info(format!(
                    "this MkDocs config could not be read ({e}): the folders order the pages"
                ))
                .in_file(&config.shown),
            );
            return None;
        }
    };
    let nav = yaml.get("nav")?;
    let mut entries = 0;
    let nodes = nodes(nav, &config.text, 0, &mut entries);
    (!nodes.is_empty()).then(|| Nav {
        rel: config.rel,
        shown: config.shown,
        governs: String::new(),
        nodes,
        kind: NavKind::MkDocs,
    })
}

/// The entries of a `nav:` list.
fn nodes(list: &serde_yaml::Value, text: &str, depth: usize, entries: &mut usize) -> Vec<NavNode> {
    let Some(items) = list.as_sequence() else {
        return Vec::new();
    };
    if depth > MAX_DEPTH {
        return Vec::new();
    }
    let mut out = Vec::new();
    for item in items {
        *entries += 1;
        if *entries > MAX_ENTRIES {
            break;
        }
        let node = match item {
            serde_yaml::Value::String(path) => Some(page(String::new(), path, text)),
            serde_yaml::Value::Mapping(map) if map.len() == 1 => {
                map.iter().next().and_then(|(k, v)| {
                    let label = scalar(k)?;
                    match v {
                        serde_yaml::Value::Sequence(_) => {
                            let children = nodes(v, text, depth + 1, entries);
                            Some(group(label, children, text))
                        }
                        other => scalar(other).map(|path| page(label, &path, text)),
                    }
                })
            }
            _ => None,
        };
        match node {
            // A group without a title or an index page of its own: its entries, in its place.
            Some(n) if n.label.is_empty() && n.link.is_none() => out.extend(n.children),
            n => out.extend(n),
        }
    }
    out
}

/// A group. One whose first entry is a folder's index page (`learn/index.md`, as Material for
/// MkDocs's section indexes have it, often under an empty title) starts with that page: it is
/// that folder's section.
fn group(label: String, mut children: Vec<NavNode>, text: &str) -> NavNode {
    let index = children.first().is_some_and(|c| {
        c.children.is_empty()
            && c.link.as_deref().is_some_and(|l| {
                let name = l.rsplit('/').next().unwrap_or(l);
                matches!(name, "index.md" | "README.md")
            })
    });
    let (link, line) = if index {
        let first = children.remove(0);
        (first.link, first.line)
    } else {
        (None, line_of(text, &label))
    };
    NavNode {
        line,
        label: label_text(&label),
        link,
        children,
    }
}

/// A nav title as it shows: MkDocs writes it into the page as HTML, so its entities are the
/// characters they stand for (hello-algo's `1.1 &nbsp; 快速排序`, on 99 pages), and the spaces
/// they make one.
fn label_text(label: &str) -> String {
    if !label.contains('&') {
        return label.to_owned();
    }
    let decoded = label
        .replace("&nbsp;", " ")
        .replace("&ensp;", " ")
        .replace("&emsp;", " ")
        .replace("&#160;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An entry naming a page: a path under the docs folder (navigation reads it from the content
/// root, see `NavKind::MkDocs`) or a URL.
fn page(label: String, path: &str, text: &str) -> NavNode {
    NavNode {
        line: line_of(text, path),
        label: label_text(&label),
        link: Some(path.to_owned()),
        children: Vec::new(),
    }
}

fn scalar(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The first line (1-based) of the config that holds `what`, for messages: YAML values carry no
/// position of their own.
fn line_of(text: &str, what: &str) -> usize {
    if what.is_empty() {
        return 1;
    }
    text.lines()
        .position(|l| l.contains(what))
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nav_of(yaml: &str) -> Vec<NavNode> {
        let v: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
        nodes(v.get("nav").unwrap(), yaml, 0, &mut 0)
    }

    #[test]
    fn pages_titles_and_groups() {
        let n = nav_of(
            "site_name: 文档\nnav:\n  - index.md\n  - 教程:\n      - 第一步: tutorial/first-steps.md\n      - tutorial/path.md\n  - 外链: https://example.com\n  - 42: a.md\n",
        );
        assert_eq!(n.len(), 4);
        assert_eq!(
            (n[0].label.as_str(), n[0].link.as_deref()),
            ("", Some("index.md"))
        );
        assert_eq!(
            (n[1].label.as_str(), n[1].link.as_deref(), n[1].line),
            ("教程", None, 4)
        );
        assert_eq!(n[1].children[0].label, "第一步");
        assert_eq!(
            n[1].children[0].link.as_deref(),
            Some("tutorial/first-steps.md")
        );
        assert_eq!(n[1].children[1].link.as_deref(), Some("tutorial/path.md"));
        assert_eq!(n[2].link.as_deref(), Some("https://example.com"));
        assert_eq!(n[3].label, "42");
        assert_eq!(
            super::label_text("1.1 &nbsp; 快速排序 &amp; &lt;b&gt;"),
            "1.1 快速排序 & <b>"
        );
        // FastAPI's sections: an empty title over a folder's index page and its pages.
        let n = nav_of(
            "nav:\n- features.md\n- \"\":\n  - learn/index.md\n  - python-types.md\n- \"\":\n  - a.md\n",
        );
        assert_eq!(n.len(), 3);
        assert_eq!(n[1].link.as_deref(), Some("learn/index.md"));
        assert_eq!(n[1].children.len(), 1);
        assert_eq!(
            n[2].link.as_deref(),
            Some("a.md"),
            "an empty group without an index is spliced in"
        );
    }

    #[test]
    fn odd_navs_give_what_they_can() {
        assert!(nav_of("nav: 3\n").is_empty());
        assert!(nav_of("nav:\n  - {a: 1, b: 2}\n  - [x]\n  - ~\n").is_empty());
        let deep = format!(
            "nav:\n{}",
            (0..40)
                .map(|d| format!("{}- g:\n", "  ".repeat(d * 2 + 1)))
                .collect::<String>()
        );
        let _ = nav_of(&deep);
    }

    #[test]
    fn a_page_without_a_title_is_named_as_mkdocs_names_it() {
        assert_eq!(
            title_from_path("setup/setting-up-tags.md").as_deref(),
            Some("Setting up tags")
        );
        assert_eq!(
            title_from_path("insiders/index.md").as_deref(),
            Some("Insiders")
        );
        assert_eq!(
            title_from_path("guide/快速_开始.md").as_deref(),
            Some("快速 开始")
        );
        assert_eq!(title_from_path("index.md"), None);
        assert_eq!(title_from_path("---.md"), None);
    }
}
