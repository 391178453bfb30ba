//! The sidebar (`themeConfig.sidebar`): one list for the whole site, or one per path prefix
//! (`'/guide/': [...]`). Its groups, order and labels are what a reader of the site knows it
//! by, so they are read as a navigation file is (see `content::nav`). A sidebar built by code
//! the reader cannot follow leaves the folders to order the site, with a note.
//!
//! VuePress writes its sidebar the same way with other names: a group is `{ title | text,
//! children }`, a page `{ title, path }`, a string (a page's path, relative to the sidebar's
//! prefix: `''` is its `README.md`) or `[path, title]`.

use crate::content::js::{Reader, Value};
use crate::content::nav::NavNode;

/// Sidebars read per config: one per language of a site is a few; past this it is not a config
/// anyone wrote.
const MAX_SIDEBARS: usize = 64;

/// Every sidebar of a config: (the folder it is for, `` for the whole site; its line; its entries).
pub(super) fn sidebars(reader: &Reader) -> Vec<(String, usize, Vec<NavNode>)> {
    let mut r = Resolver {
        reader,
        entries: 0,
        prefix: "/".to_owned(),
    };
    let mut out: Vec<(String, usize, Vec<NavNode>)> = Vec::new();
    for (value, line) in r.reader.properties("sidebar", MAX_SIDEBARS) {
        // `false`; VuePress's `'auto'` (the page's own headings).
        if matches!(&value, Value::Name(n) if matches!(n.as_str(), "false" | "true" | "null" | "undefined"))
            || matches!(&value, Value::Str(..))
        {
            continue;
        }
        match r.resolve(value) {
            Value::Array(items) => {
                r.prefix = "/".to_owned();
                out.push((String::new(), line, r.nodes(&items, "", 0)))
            }
            Value::Object(fields, _) => {
                for (key, v) in fields {
                    let Some(prefix) = key.strip_prefix('/') else {
                        continue;
                    };
                    let (items, base) = match r.resolve(v) {
                        // VuePress's `'auto'`: the page's own headings.
                        Value::Str(..) => continue,
                        Value::Array(items) => (items, String::new()),
                        group @ Value::Object(..) => {
                            let base = group
                                .get("base")
                                .and_then(Value::str)
                                .map(|s| s.0.to_owned());
                            match group.get("items").cloned().map(|v| r.resolve(v)) {
                                Some(Value::Array(items)) => (items, base.unwrap_or_default()),
                                _ => (Vec::new(), String::new()),
                            }
                        }
                        _ => (Vec::new(), String::new()),
                    };
                    let governs = prefix.trim_end_matches('/').to_owned();
                    r.prefix = format!("/{}", prefix);
                    out.push((governs, line, r.nodes(&items, &base, 0)));
                }
            }
            _ => out.push((String::new(), line, Vec::new())),
        }
    }
    // In a sidebar per prefix, an entry leading to another prefix's page is a way across
    // (the guide's "Config reference" → /config/), not a place for that folder in this one.
    let roots: Vec<String> = out
        .iter()
        .filter(|s| !s.0.is_empty())
        .map(|s| s.0.clone())
        .collect();
    for (governs, _, nodes) in &mut out {
        drop_crossings(nodes, governs, &roots);
    }
    out
}

fn drop_crossings(nodes: &mut Vec<NavNode>, own: &str, roots: &[String]) {
    nodes.retain(|n| {
        let Some(link) = &n.link else { return true };
        let path = link.split(['#', '?']).next().unwrap_or_default();
        let folder = path
            .trim_matches('/')
            .trim_end_matches("index.md")
            .trim_end_matches('/');
        !(n.children.is_empty()
            && path.ends_with('/')
            && folder != own
            && roots.iter().any(|r| r == folder))
    });
    for n in nodes {
        drop_crossings(&mut n.children, own, roots);
    }
}

/// Entries read per config, all sidebars together: more than a site of 100,000 articles lists.
const MAX_ENTRIES: usize = 200_000;

/// Follows names and calls to the values they stand for (the reader bounds how many).
struct Resolver<'a, 'r> {
    reader: &'r Reader<'a>,
    entries: usize,
    /// The sidebar's path prefix (`/guide/`), which VuePress's relative page paths are under.
    prefix: String,
}

impl Resolver<'_, '_> {
    fn resolve(&self, v: Value) -> Value {
        self.reader.resolve(v)
    }

    /// The entries of a list of sidebar items; relative links are under `base`.
    fn nodes(&mut self, items: &[Value], base: &str, depth: usize) -> Vec<NavNode> {
        let mut out = Vec::new();
        if depth > 16 {
            return out;
        }
        for item in items {
            if self.entries >= MAX_ENTRIES {
                break;
            }
            match item {
                Value::Spread(inner) => {
                    if let Value::Array(more) = self.resolve((**inner).clone()) {
                        out.extend(self.nodes(&more, base, depth + 1));
                    }
                }
                Value::Name(_) | Value::Call(_) => {
                    if let item @ Value::Object(..) = self.resolve(item.clone()) {
                        out.extend(self.nodes(&[item], base, depth + 1));
                    }
                }
                // VuePress: `'getting-started'`, `''` (the prefix's README), `['/x', '标题']`.
                Value::Str(path, false, line) => {
                    self.entries += 1;
                    out.push(NavNode {
                        label: String::new(),
                        link: Some(self.page_path(path)),
                        line: *line,
                        children: Vec::new(),
                    });
                }
                Value::Array(pair) => {
                    if let [Value::Str(path, false, line), Value::Str(title, _, _)] =
                        pair.as_slice()
                    {
                        self.entries += 1;
                        out.push(NavNode {
                            label: title.trim().to_owned(),
                            link: Some(self.page_path(path)),
                            line: *line,
                            children: Vec::new(),
                        });
                    }
                }
                Value::Object(_, line) => {
                    let base = item
                        .get("base")
                        .and_then(Value::str)
                        .map_or(base, |b| b.0)
                        .to_owned();
                    let link = item
                        .get("link")
                        .or_else(|| item.get("path"))
                        .and_then(Value::str)
                        .filter(|(_, interpolated)| !interpolated)
                        .map(|(l, _)| under_base(&base, l));
                    let (text, interpolated) = item
                        .get("text")
                        .or_else(|| item.get("title"))
                        .and_then(Value::str)
                        .unwrap_or(("", false));
                    // A label built from code shows the page's own title instead.
                    let label = if interpolated && link.is_some() {
                        ""
                    } else {
                        text.trim()
                    };
                    self.entries += 1;
                    let kids = item.get("items").or_else(|| item.get("children"));
                    let children = match kids.cloned().map(|v| self.resolve(v)) {
                        Some(Value::Array(kids)) => self.nodes(&kids, &base, depth + 1),
                        _ => Vec::new(),
                    };
                    out.push(NavNode {
                        label: label.to_owned(),
                        link,
                        line: *line,
                        children,
                    });
                }
                _ => {}
            }
        }
        out
    }
}

impl Resolver<'_, '_> {
    /// A VuePress page path as a link: from the root as written, else under the prefix.
    fn page_path(&self, path: &str) -> String {
        if path.starts_with('/') || path.contains("://") {
            path.to_owned()
        } else {
            format!("{}{}", self.prefix, path.trim_start_matches("./"))
        }
    }
}

/// A sidebar link, with the group's `base` before it when it is relative.
fn under_base(base: &str, link: &str) -> String {
    if base.is_empty() || link.starts_with('/') || link.contains("://") {
        link.to_owned()
    } else {
        format!("{}/{}", base.trim_end_matches('/'), link)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::js;

    fn sidebars(text: &str) -> Vec<(String, usize, Vec<NavNode>)> {
        let toks = js::tokens(text);
        super::sidebars(&Reader::new(&toks))
    }

    fn labels(nodes: &[NavNode]) -> Vec<String> {
        nodes
            .iter()
            .map(|n| match &n.link {
                Some(l) => format!("{}={l}", n.label),
                None => format!("{}[{}]", n.label, labels(&n.children).join(",")),
            })
            .collect()
    }

    #[test]
    fn vuepress_sidebars_of_both_versions() {
        // VuePress 1: strings under the prefix ('' is its README), [path, title], groups with
        // `title` and `children`, `'auto'` (no list). VuePress 2: `text` and `children`.
        let s = sidebars(
            "module.exports = { themeConfig: { sidebar: {\n  '/guide/': ['', 'getting-started', ['/guide/assets', '静态资源'], { title: '进阶', collapsable: false, children: ['deploy', { title: '插件', path: '/plugin/' }] }],\n  '/faq/': 'auto'\n} } }\n",
        );
        assert_eq!(s.len(), 1);
        assert_eq!(
            labels(&s[0].2),
            [
                "=/guide/",
                "=/guide/getting-started",
                "静态资源=/guide/assets",
                "进阶[=/guide/deploy,插件=/plugin/]"
            ]
        );
        let s = sidebars(
            "export default defineUserConfig({ theme: defaultTheme({ sidebar: { '/guide/': [{ text: '指南', children: ['/guide/README.md', '/guide/a.md'] }] } }) })\n",
        );
        assert_eq!(labels(&s[0].2), ["指南[=/guide/README.md,=/guide/a.md]"]);
    }

    #[test]
    fn a_sidebar_per_prefix_as_vite_writes_it() {
        let s = sidebars(
            "export default defineConfig({\n  themeConfig: {\n    sidebar: {\n      '/guide/': [\n        { text: '介绍', items: [{ text: '开始', link: '/guide/' }, { text: '理念', link: '/guide/philosophy' }] },\n        { text: 'API', items: [{ text: '插件 API', link: '/guide/api-plugin' }, { text: '配置参考', link: '/config/' }, { text: `从 v${major - 1} 迁移`, link: '/guide/migration' }] }\n      ],\n      '/config/': [{ text: '配置', items: [{ text: '共享选项', link: '/config/shared-options' }] }]\n    }\n  }\n})\n",
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].0, "guide");
        assert_eq!(
            labels(&s[0].2),
            [
                "介绍[开始=/guide/,理念=/guide/philosophy]",
                // The way across to /config/ is not a place for the config folder.
                "API[插件 API=/guide/api-plugin,=/guide/migration]"
            ]
        );
        assert_eq!(s[0].2[0].line, 5);
        assert_eq!(s[1].0, "config");
        assert_eq!(labels(&s[1].2), ["配置[共享选项=/config/shared-options]"]);
    }

    #[test]
    fn a_sidebar_from_functions_and_names_with_a_base() {
        let s = sidebars(
            "import { defineConfig, type DefaultTheme } from 'vitepress'\nexport default defineConfig({ themeConfig: { nav: nav(), sidebar: { '/guide/': { base: '/guide/', items: sidebarGuide() }, '/reference/': reference } } })\nfunction sidebarGuide(): DefaultTheme.SidebarItem[] {\n  return [{ text: 'Intro', collapsed: false, items: [{ text: 'What', link: 'what-is-vitepress' }, ...more] }]\n}\nconst more = [{ text: 'Deploy', link: 'deploy' }]\nconst reference: DefaultTheme.SidebarItem[] = [{ text: 'Config', link: '/reference/site-config' }]\n",
        );
        assert_eq!(s[0].0, "guide");
        assert_eq!(
            labels(&s[0].2),
            ["Intro[What=/guide/what-is-vitepress,Deploy=/guide/deploy]"]
        );
        assert_eq!(labels(&s[1].2), ["Config=/reference/site-config"]);
        let whole = sidebars(
            "const sidebar = [{ text: 'A', link: '/a' }, { text: 'B', items: [{ text: 'C', link: '/c' }] }]\nexport default { themeConfig: { sidebar } }",
        );
        assert_eq!(whole[0].0, "");
        assert_eq!(labels(&whole[0].2), ["A=/a", "B[C=/c]"]);
        // Vue's docs: an exported, typed const, given by shorthand.
        let vue = sidebars(
            "export const sidebar: ThemeConfig['sidebar'] = {\n  '/guide/': [{ text: '开始', items: [{ text: '简介', link: '/guide/introduction' }] }]\n}\nexport default defineConfigWithTheme<ThemeConfig>({ themeConfig: { nav, sidebar, i18n } })\n",
        );
        assert_eq!(vue.len(), 1);
        assert_eq!(labels(&vue[0].2), ["开始[简介=/guide/introduction]"]);
    }

    #[test]
    fn a_sidebar_built_by_code_gives_no_entries() {
        let s = sidebars(
            "export default { themeConfig: { sidebar: generateSidebar({ documentRootPath: 'docs' }) } }",
        );
        assert_eq!(s, [(String::new(), 1, Vec::new())]);
        assert!(sidebars("export default { themeConfig: { sidebar: false } }").is_empty());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, failure_persistence: None, ..Default::default() })]
        #[test]
        fn any_config_text_reads_without_panic(
            text in "(sidebar|items|text|link|base|const|function|return|=>|[\\[\\]{}()'\"`$/\\\\:,.=*\n a-z]){0,80}",
        ) {
            let lines = text.lines().count().max(1);
            for (_, line, nodes) in sidebars(&format!("x = {{ sidebar: {text}")) {
                proptest::prop_assert!(line <= lines);
                proptest::prop_assert!(nodes.iter().all(|n| n.line <= lines));
            }
        }
    }
}
