//! Mintlify's navigation, in the `navigation` of the project's `docs.json` (see
//! `content::project`): languages, products, tabs, menus, anchors and groups, each with a
//! label, down to pages named by their path from the project's folder (`zh/cloud/intro`).
//!
//! The docs folder is one language's (`zh/`): its pages are named with that folder in front,
//! which is taken off, and entries of other folders (the other languages') are left out. A page
//! listed twice is placed where it is first listed, but for a tab every product lists alike
//! (Dify's 学习 and 开发者资源 under both 云服务 and 自部署): it is one entry of its own after
//! the products, not a part of the first. A group led by a page (`root`) links to it.

use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;

use super::nav::{Nav, NavKind, NavNode};
use crate::error::{Diagnostic, Diagnostics};

/// Entries read at most, and how deep groups nest.
const MAX_ENTRIES: usize = 20_000;
const MAX_DEPTH: usize = 24;

/// The keys that label an entry, and those that hold its entries, in the order Mintlify nests
/// them.
const LABELS: &[&str] = &[
    "product", "tab", "anchor", "dropdown", "item", "version", "group",
];
const NESTED: &[&str] = &[
    "languages",
    "versions",
    "products",
    "tabs",
    "anchors",
    "dropdowns",
    "menu",
    "groups",
    "pages",
];

/// Reads the navigation of the Mintlify project in `project` for the docs in `content_dir`.
pub fn read(
    root: &Path,
    project: &Path,
    content_dir: &Path,
    diags: &mut Diagnostics,
) -> Option<Nav> {
    let path = super::project::mintlify_config(project)?;
    let shown = super::shown_path(root, &path);
    let bytes = match crate::paths::read_capped(&path, super::project::MAX_CONFIG_BYTES) {
        Ok(Some(b)) => b,
        Ok(None) => {
            diags.push(
                Diagnostic::warning(
                    "this Mintlify config is too large to read: its navigation is not used",
                )
                .in_file(&shown),
            );
            return None;
        }
        Err(e) => {
            diags.push(
                Diagnostic::warning(format!("cannot read this Mintlify config: {e}"))
                    .in_file(&shown),
            );
            return None;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let config: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            diags.push(
                Diagnostic::warning(format!(
                    "this Mintlify config is not valid JSON ({e}): its navigation is not used"
                ))
                .in_file(&shown)
                .at_line(e.line()),
            );
            return None;
        }
    };
    // The docs folder from the project's: what Mintlify's page names begin with.
    let prefix = content_dir
        .canonicalize()
        .ok()
        .zip(project.canonicalize().ok())
        .and_then(|(docs, project)| {
            let rel = docs.strip_prefix(&project).ok()?;
            Some(crate::paths::slash_path(rel))
        })?;
    let mut r = Read {
        text: &text,
        prefix: if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}/")
        },
        entries: 0,
        cursor: 0,
        line: 1,
    };
    let navigation = config.get("navigation")?;
    let mut nodes = r.entries(navigation, 0);
    hoist_shared(&mut nodes);
    let mut seen = HashSet::new();
    once(&mut nodes, &mut seen);
    (!nodes.is_empty()).then(|| Nav {
        rel: path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        shown,
        governs: String::new(),
        nodes,
        kind: NavKind::Mintlify,
    })
}

struct Read<'a> {
    text: &'a str,
    prefix: String,
    entries: usize,
    /// Where the last entry found is, and its line (see `line_of`).
    cursor: usize,
    line: usize,
}

/// Entries every one of several top entries (products) holds alike, taken out of them and put
/// after them, once.
fn hoist_shared(nodes: &mut Vec<NavNode>) {
    if nodes.len() < 2 {
        return;
    }
    let shared: Vec<NavNode> = nodes[0]
        .children
        .iter()
        .filter(|c| !c.label.is_empty())
        .filter(|c| {
            nodes[1..]
                .iter()
                .all(|n| n.children.iter().any(|o| alike(o, c)))
        })
        .cloned()
        .collect();
    for n in nodes.iter_mut() {
        n.children.retain(|c| !shared.iter().any(|s| alike(s, c)));
    }
    nodes.retain(|n| !n.children.is_empty() || n.link.is_some());
    nodes.extend(shared);
}

/// Whether two entries list the same, wherever in the file they are written.
fn alike(a: &NavNode, b: &NavNode) -> bool {
    a.label == b.label
        && a.link == b.link
        && a.children.len() == b.children.len()
        && a.children.iter().zip(&b.children).all(|(x, y)| alike(x, y))
}

/// Each page where it is first listed; groups left with nothing go.
fn once(nodes: &mut Vec<NavNode>, seen: &mut HashSet<String>) {
    nodes.retain_mut(|n| {
        once(&mut n.children, seen);
        if let Some(link) = &n.link
            && !seen.insert(link.clone())
        {
            n.link = None;
        }
        n.link.is_some() || !n.children.is_empty()
    });
}

impl Read<'_> {
    /// The entries `v` holds: an object's nested lists in Mintlify's order, or a list's items.
    fn entries(&mut self, v: &Value, depth: usize) -> Vec<NavNode> {
        if depth > MAX_DEPTH {
            return Vec::new();
        }
        match v {
            Value::Array(items) => items.iter().flat_map(|i| self.entry(i, depth)).collect(),
            Value::Object(o) => NESTED
                .iter()
                .filter_map(|k| o.get(*k))
                .flat_map(|list| self.entries(list, depth + 1))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// One entry of a list: a page, or a labelled entry with its own; a language is no level of
    /// the navigation (the docs folder is one language's).
    fn entry(&mut self, item: &Value, depth: usize) -> Vec<NavNode> {
        self.entries += 1;
        if self.entries > MAX_ENTRIES {
            return Vec::new();
        }
        match item {
            Value::String(page) => self.page(page).into_iter().collect(),
            Value::Object(o) => {
                let label = LABELS
                    .iter()
                    .find_map(|k| o.get(*k).and_then(Value::as_str))
                    .map(str::trim);
                // Its line before its entries', which come after it in the file.
                let line = label.filter(|l| !l.is_empty()).map(|l| self.line_of(l));
                let children = self.entries(item, depth + 1);
                let (Some(label), Some(line)) = (label.filter(|l| !l.is_empty()), line) else {
                    return children;
                };
                let root = o
                    .get("root")
                    .and_then(Value::as_str)
                    .and_then(|p| self.page(p));
                if children.is_empty() && root.is_none() {
                    return Vec::new();
                }
                vec![NavNode {
                    label: label.to_owned(),
                    link: root.and_then(|r| r.link),
                    line,
                    children,
                }]
            }
            _ => Vec::new(),
        }
    }

    /// A page by its name from the project's folder, when it is in the docs folder and not
    /// listed before.
    fn page(&mut self, name: &str) -> Option<NavNode> {
        let name = name.trim().trim_start_matches('/');
        let slug = name.strip_prefix(self.prefix.as_str())?;
        if slug.is_empty()
            || slug
                .split('/')
                .any(|s| s.is_empty() || s == ".." || s == ".")
        {
            return None;
        }
        Some(NavNode {
            label: String::new(),
            link: Some(format!("/{slug}")),
            line: self.line_of(name),
            children: Vec::new(),
        })
    }

    /// The line `s` is written on, as a JSON string, looked for past the entry before (entries
    /// are read in the file's order): 1 when it is not found there. A search of the whole
    /// file per entry took 89 s on 20,000 entries of a 7 MB file.
    fn line_of(&mut self, s: &str) -> usize {
        let quoted = format!("\"{s}\"");
        let Some(at) = self.text[self.cursor..]
            .find(&quoted)
            .map(|i| self.cursor + i)
        else {
            return 1;
        };
        self.line += self.text[self.cursor..at].matches('\n').count();
        self.cursor = at;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(nodes: &[NavNode], depth: usize, out: &mut Vec<String>) {
        for n in nodes {
            let words: Vec<&str> = [Some(n.label.as_str()), n.link.as_deref()]
                .into_iter()
                .flatten()
                .filter(|w| !w.is_empty())
                .collect();
            out.push(format!("{}{}", "  ".repeat(depth), words.join(" ")));
            labels(&n.children, depth + 1, out);
        }
    }

    #[test]
    fn one_languages_navigation_with_each_page_once() {
        let tmp = std::env::temp_dir().join(format!("hc-mintlify-{}", std::process::id()));
        std::fs::create_dir_all(tmp.join("zh")).unwrap();
        std::fs::write(
            tmp.join("docs.json"),
            r#"{"$schema": "https://mintlify.com/docs.json", "navigation": {"languages": [
              {"language": "en", "tabs": [{"tab": "Use", "pages": ["en/intro"]}]},
              {"language": "zh", "products": [
                {"product": "云服务", "tabs": [
                  {"tab": "使用", "pages": ["zh/cloud/intro",
                    {"group": "节点", "root": "zh/cloud/nodes/start", "pages": ["zh/cloud/nodes/llm"]}]},
                  {"tab": "学习", "pages": ["zh/learn/a"]}]},
                {"product": "自部署", "tabs": [
                  {"tab": "部署", "pages": ["zh/self-host/quick"]},
                  {"tab": "学习", "pages": ["zh/learn/a"]},
                  {"tab": "API", "openapi": "zh/openapi.json"}]}]}]}}"#,
        )
        .unwrap();
        let mut diags = Diagnostics::default();
        let nav = read(&tmp, &tmp, &tmp.join("zh"), &mut diags).unwrap();
        let mut got = Vec::new();
        labels(&nav.nodes, 0, &mut got);
        assert_eq!(
            got,
            [
                "云服务",
                "  使用",
                "    /cloud/intro",
                "    节点 /cloud/nodes/start",
                "      /cloud/nodes/llm",
                "自部署",
                "  部署",
                "    /self-host/quick",
                "学习",
                "  /learn/a",
            ]
        );
        assert!(diags.0.is_empty());
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
