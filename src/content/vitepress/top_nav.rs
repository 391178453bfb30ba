//! The top navigation (`themeConfig.nav`): the names a VitePress site gives its folders.
//! Sections without an `_index.md` are titled by their folder's name; on Vue's Chinese docs
//! that showed `about`, `ecosystem` and `guide` where the site itself says 关于, 生态系统 and
//! 深度指南. A nav item names a folder by what it leads to:
//!
//! 1. `activeMatch: '^/about/'`: the item is highlighted on exactly that folder's pages;
//! 2. `link: '/tutorial/'`: it leads to the folder itself;
//! 3. `link: '/guide/introduction'`: it leads to the page the folder's sidebar starts with.
//!
//! The folders keep the navigation's order. An item that leads to any other page of a folder (`常见问题` → `/about/faq`) names that page,
//! not the folder.

use std::collections::HashMap;

use crate::content::js::{Reader, Value};

/// Nav items read: enough for any real menu.
const MAX_ITEMS: usize = 2_000;

/// (folder, title, place in the navigation) for the folders among `folders` that the top
/// navigation names, in its order. `starts`:
/// for each folder with a sidebar of its own, the page that sidebar starts with.
pub(super) fn folder_titles(
    reader: &Reader,
    folders: &[String],
    starts: &HashMap<String, String>,
) -> Vec<(String, String, i64)> {
    let navs: Vec<Value> = reader
        .properties("nav", 8)
        .into_iter()
        .map(|(value, _)| reader.resolve(value))
        .collect();
    titles_of(&[(reader, navs)], folders, starts, "")
}

/// The same, of the navigation arrays each reader's file holds (a config's `nav`, a theme's
/// navbar file), in order; `prefix` is the language folder links start with (`/zh`) when the
/// content is that folder. A bare link (`"/zh/guide/"`, vuepress-theme-hope's way, named by
/// the page) places its folder without naming it: the title is empty.
pub(super) fn titles_of(
    sources: &[(&Reader, Vec<Value>)],
    folders: &[String],
    starts: &HashMap<String, String>,
    prefix: &str,
) -> Vec<(String, String, i64)> {
    let mut best: HashMap<String, Named> = HashMap::new();
    let mut seen = 0;
    for (reader, navs) in sources {
        for nav in navs {
            if let Value::Array(items) = nav {
                let site = Site {
                    folders,
                    starts,
                    prefix,
                };
                walk(reader, items, &site, &mut best, &mut seen, 0);
            }
        }
    }
    let mut out: Vec<(String, String, i64)> = best
        .into_iter()
        .map(|(f, n)| (f, n.title, n.place as i64))
        .collect();
    out.sort_by_key(|x| x.2);
    out
}

/// The best name of a folder so far.
struct Named {
    /// Of the three ways an item names a folder, the strongest seen (0 first).
    rank: u8,
    title: String,
    /// When the navigation first named it.
    place: usize,
}

/// What the items are matched against.
struct Site<'a> {
    folders: &'a [String],
    starts: &'a HashMap<String, String>,
    prefix: &'a str,
}

fn walk(
    reader: &Reader,
    items: &[Value],
    site: &Site,
    best: &mut HashMap<String, Named>,
    seen: &mut usize,
    depth: usize,
) {
    if depth > 4 {
        return;
    }
    for item in items {
        *seen += 1;
        if *seen > MAX_ITEMS {
            return;
        }
        let item = reader.resolve(item.clone());
        // A bare link places its folder; its page names it.
        if let Some((link, _)) = item.str() {
            let link = unprefixed(link, site.prefix);
            if let Some(folder) = folder_itself(link).filter(|f| site.folders.contains(f)) {
                let place = best.len();
                best.entry(folder).or_insert(Named {
                    rank: u8::MAX,
                    title: String::new(),
                    place,
                });
            }
            continue;
        }
        let text = item.get("text").and_then(Value::str).map(|(t, _)| t.trim());
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            let active = item
                .get("activeMatch")
                .and_then(Value::str)
                .and_then(|(m, _)| one_folder(m));
            let link =
                (item.get("link").and_then(Value::str)).map(|(l, _)| unprefixed(l, site.prefix));
            let (folders, starts) = (site.folders, site.starts);
            let start = link.and_then(|l| {
                let folder = folder_of_page(l)?;
                (starts.get(&folder)? == &page_path(l)).then_some(folder)
            });
            let candidates = [(0, active), (1, link.and_then(folder_itself)), (2, start)];
            for (rank, folder) in candidates {
                let Some(folder) = folder.filter(|f| folders.iter().any(|x| x == f)) else {
                    continue;
                };
                let place = best.len();
                let named = best.entry(folder).or_insert(Named {
                    rank: u8::MAX,
                    title: String::new(),
                    place,
                });
                if rank < named.rank {
                    named.rank = rank;
                    named.title = text.to_owned();
                }
            }
        }
        if let Some(Value::Array(children)) = item.get("items").cloned().map(|v| reader.resolve(v))
        {
            walk(reader, &children, site, best, seen, depth + 1);
        }
    }
}

/// `/zh/guide/` → `/guide/` when the content is the `zh` folder (`prefix` `/zh`).
fn unprefixed<'l>(link: &'l str, prefix: &str) -> &'l str {
    match link.strip_prefix(prefix) {
        Some(rest) if !prefix.is_empty() && rest.starts_with('/') => rest,
        _ => link,
    }
}

/// The folder an `activeMatch` pattern matches exactly: `^/about/` → `about`. A pattern of
/// several (`^/(guide|examples)/`) names none.
fn one_folder(pattern: &str) -> Option<String> {
    let inner = pattern.strip_prefix("^/")?.strip_suffix('/')?;
    plain_path(inner).then(|| inner.to_owned())
}

/// `/tutorial/` or `/tutorial/index` → `tutorial`.
fn folder_itself(link: &str) -> Option<String> {
    let path = link.split(['#', '?']).next()?.strip_prefix('/')?;
    let inner = path
        .strip_suffix("index.md")
        .or_else(|| path.strip_suffix("index.html"))
        .or_else(|| path.strip_suffix("index"))
        .unwrap_or(path)
        .strip_suffix('/')?;
    plain_path(inner).then(|| inner.to_owned())
}

/// `/guide/introduction` → `guide`: the folder a page is in.
fn folder_of_page(link: &str) -> Option<String> {
    let path = link.split(['#', '?']).next()?.strip_prefix('/')?;
    let (folder, page) = path.rsplit_once('/')?;
    (!page.is_empty() && plain_path(folder)).then(|| folder.to_owned())
}

/// A link to a page as a path to compare: `/guide/introduction.html#x` → `guide/introduction`.
pub(super) fn page_path(link: &str) -> String {
    let path = link.split(['#', '?']).next().unwrap_or_default();
    let path = path.trim_start_matches('/');
    path.strip_suffix(".md")
        .or_else(|| path.strip_suffix(".html"))
        .unwrap_or(path)
        .to_owned()
}

/// Folder names as URLs write them: no pattern syntax, no climbing.
fn plain_path(p: &str) -> bool {
    !p.is_empty()
        && p.split('/').all(|s| {
            !s.is_empty()
                && s != ".."
                && s.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::js::tokens;

    fn titles(src: &str, folders: &[&str]) -> Vec<(String, String, i64)> {
        let toks = tokens(src);
        let folders: Vec<String> = folders.iter().map(|s| s.to_string()).collect();
        // Vue's sidebar for /guide/ starts with the introduction.
        let starts = HashMap::from([("guide".to_owned(), "guide/introduction".to_owned())]);
        folder_titles(&Reader::new(&toks), &folders, &starts)
    }

    #[test]
    fn vue_docs_nav_names_its_folders() {
        // Cut down from Vue's Chinese docs, .vitepress/config.ts.
        let src = r#"
const nav: ThemeConfig['nav'] = [
  {
    text: '文档',
    activeMatch: `^/(guide|style-guide|cookbook|examples)/`,
    items: [
      { text: '深度指南', link: '/guide/introduction' },
      { text: '互动教程', link: '/tutorial/' },
      { text: '示例', link: '/examples/' },
      { text: '快速上手', link: '/guide/quick-start' },
    ]
  },
  { text: 'API', activeMatch: `^/api/`, link: '/api/' },
  { text: '演练场', link: 'https://play.vuejs.org' },
  {
    text: '生态系统',
    activeMatch: `^/ecosystem/`,
    items: [
      { text: '资源', items: [
        { text: '合作伙伴', link: '/partners/' },
        { text: '主题', link: '/ecosystem/themes' },
        { text: '工具链指南', link: '/guide/scaling-up/tooling.html' }
      ] }
    ]
  },
  { text: '关于', activeMatch: `^/about/`, items: [{ text: '常见问题', link: '/about/faq' }] }
]
export default defineConfigWithTheme({ themeConfig: { nav } })
"#;
        let got = titles(
            src,
            &[
                "about",
                "api",
                "ecosystem",
                "examples",
                "guide",
                "guide/scaling-up",
                "partners",
                "tutorial",
                "style-guide",
            ],
        );
        // In the navigation's order.
        let want = [
            ("guide", "深度指南"),
            ("tutorial", "互动教程"),
            ("examples", "示例"),
            ("api", "API"),
            ("ecosystem", "生态系统"),
            ("partners", "合作伙伴"),
            ("about", "关于"),
        ];
        let want: Vec<(String, String, i64)> = want
            .iter()
            .enumerate()
            .map(|(i, (a, b))| (a.to_string(), b.to_string(), i as i64))
            .collect();
        assert_eq!(got, want);
    }

    /// A navbar file of its own: vuepress-theme-hope's bare links under the language folder
    /// place folders in its order, titled by their pages; DCloud's items name folders by the
    /// page their `_sidebar.md` starts with.
    #[test]
    fn navbar_files_place_and_name_folders() {
        let hope = r#"import { navbar } from "@docs/shared";
export const zhNavbarConfig = navbar([
  "/zh/get-started/", "/zh/guide/", "/zh/config/",
  { text: "项目", prefix: "/zh/", children: [{ text: "教程", children: ["markdown/"] }] },
]);"#;
        let toks = tokens(hope);
        let reader = Reader::new(&toks);
        let sources = [(&reader, reader.assigned_arrays(8))];
        let folders: Vec<String> = ["config", "guide", "get-started", "cookbook"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let got = titles_of(&sources, &folders, &HashMap::new(), "/zh");
        let want: Vec<(String, String, i64)> = [("get-started", 0), ("guide", 1), ("config", 2)]
            .iter()
            .map(|(f, i)| (f.to_string(), String::new(), *i))
            .collect();
        assert_eq!(got, want);

        let dcloud = "export const navbar = [{ text: 'uni-app', items: [\n  { text: '全局文件', type: 'link', link: '/collocation/pages' },\n  { text: '组件', link: '/component/' }] }]\nexport const navbarLanguage = { text: '语言' }";
        let toks = tokens(dcloud);
        let reader = Reader::new(&toks);
        let sources = [(&reader, reader.assigned_arrays(8))];
        let folders: Vec<String> = vec!["collocation".into(), "component".into()];
        let starts = HashMap::from([("collocation".to_owned(), "collocation/pages".to_owned())]);
        let got = titles_of(&sources, &folders, &starts, "/docs");
        assert_eq!(
            got,
            [
                ("collocation".to_owned(), "全局文件".to_owned(), 0),
                ("component".to_owned(), "组件".to_owned(), 1)
            ]
        );
    }

    #[test]
    fn links_elsewhere_and_patterns_name_nothing() {
        let src = "export default { themeConfig: { nav: [\
            { text: 'A', link: 'https://x.dev/guide/' },\
            { text: 'B', activeMatch: '^/(a|b)/' },\
            { text: 'C', link: '/../etc/passwd' },\
            { text: '', link: '/guide/' },\
            { text: 'D', link: '/nope/' }\
        ] } }";
        assert_eq!(titles(src, &["guide", "a", "b", "etc"]), vec![]);
    }
}
