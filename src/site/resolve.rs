//! Where a link points, in every form the tools authors come from write links: a file relative
//! to the page's source (`x.md`, `./x.md`, `../guide/x.md`, `./features`, `x.html`), a path from
//! the content root (`/x.md`, `/guide/x`, `/guide/x/`, Zola's `@/x.md`), a page URL relative to
//! the page's own URL (`../../sec/slug/`, as Hugo and Zola write them), a folder (its page), an
//! asset (VitePress's `public/` folder serves at the root). One resolver for Markdown links,
//! images, raw HTML and shortcodes, so every form is checked the same way.

use std::collections::{HashMap, HashSet};

use crate::paths::{HUGO_REF, is_external, join_rel, markdown_path, percent_decode};

/// Where links of a page can point: every page's content path and URL, the assets, and what
/// is known of content paths that are not pages, so a link to one gets the error that says why.
#[derive(Debug, Default)]
pub struct LinkMap {
    /// Content path (`credit/read-credit-report.md`) → page URL (`credit/read-credit-report/`).
    pub pages: HashMap<String, String>,
    /// Page URL → content path: the reverse of `pages`.
    pub by_url: HashMap<String, String>,
    /// Content paths of drafts left out of this build, for a precise error.
    pub drafts: HashSet<String>,
    /// Content paths of files that failed to load: their own error says what is wrong.
    pub failed: HashSet<String>,
    /// The URLs those files would have had, so links by URL to them are not reported either.
    pub failed_urls: HashSet<String>,
    /// Content path of an asset → its path in the output.
    pub assets: HashMap<String, String>,
    /// Folders whose files a site serves at its root (VitePress's `public/`), as `public/`.
    pub public: Vec<String>,
    /// The URL paths another tool served the docs under (Docusaurus's `docs/`, a language's
    /// `zh/`): a link from the root under one that names nothing as written names what follows.
    pub docs_routes: Vec<String>,
    /// A page's name as Hugo's `ref` knows it (its file name without `.md`, a folder page's
    /// folder name), lowercase → the content paths of the pages of that name. Filled by
    /// [`LinkMap::index_names`] once `pages` is.
    pub names: HashMap<String, Vec<String>>,
    /// Docsify's way (a site with a `_sidebar.md`): a link that names nothing from its page
    /// names what it names from the root, and `?id=x` is the anchor `#x`.
    pub docsify: bool,
    /// Content paths of the files SUMMARY.md leaves out, for a precise error.
    pub unlisted: HashSet<String>,
}

/// Why a content path that a link or pin names is not a page of this build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// A draft, left out unless `--drafts`.
    Draft,
    /// No such file.
    Absent,
}

/// What a link resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Another site, `mailto:`, or nothing: left as written.
    External,
    /// An anchor on the same page (percent-decoded).
    Anchor(String),
    /// A page of the site.
    Page {
        /// Its source, under `content/`.
        content_path: String,
        /// Its URL, relative to the site root.
        url: String,
    },
    /// A file of `content/`.
    Asset {
        /// Its source, under `content/`.
        content_path: String,
        /// Where it is published, relative to the site root.
        output: String,
    },
    /// A path from the site root that is no file of `content/`: a generated page or a static
    /// file, checked once those are known.
    SiteUrl(String),
    /// A file that failed to load: its own error says what is wrong, so the link says nothing.
    Failed,
    /// Nowhere.
    Missing {
        /// What is wrong: "link to a missing article".
        what: &'static str,
        /// Where it was looked for, if that helps: "content/guide/x.md".
        looked_for: Option<String>,
        /// What to do.
        hint: &'static str,
    },
}

/// A link resolved, with the parts of it that travel to the rewritten URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target<'a> {
    /// What it points at.
    pub resolved: Resolved,
    /// `?…` as written, without the `?`.
    pub query: Option<&'a str>,
    /// `#…` as written, without the `#`.
    pub fragment: Option<&'a str>,
}

impl LinkMap {
    /// Why `content_path` is not a page: `None` when its file failed to load, which was reported
    /// already and must not be reported again at every link to it.
    pub fn why_missing(&self, content_path: &str) -> Option<Missing> {
        if self.failed.contains(content_path) {
            None
        } else if self.drafts.contains(content_path) {
            Some(Missing::Draft)
        } else {
            Some(Missing::Absent)
        }
    }

    /// Indexes every page by its name, for Hugo refs: called once `pages` is complete.
    pub fn index_names(&mut self) {
        self.names.clear();
        for path in self.pages.keys() {
            let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
            let stem = file.strip_suffix(".md").unwrap_or(file);
            let name = if ["_index", "index", "README"].contains(&stem) {
                dir.rsplit('/').next().unwrap_or(dir)
            } else {
                stem
            };
            if !name.is_empty() {
                self.names
                    .entry(name.to_lowercase())
                    .or_default()
                    .push(path.clone());
            }
        }
        for paths in self.names.values_mut() {
            paths.sort();
        }
    }

    /// Resolves `written`, found in the file whose folder is `from_dir` (relative to
    /// `content/`) and whose page is at `from_url`. A Hugo ref (`HUGO_REF` and its path) is
    /// found as Hugo finds it; the prefix never reaches the result.
    pub fn resolve<'a>(&self, written: &'a str, from_dir: &str, from_url: &str) -> Target<'a> {
        let plain = |resolved| Target {
            resolved,
            query: None,
            fragment: None,
        };
        let rest = written.trim_start_matches(HUGO_REF);
        let (written, hugo_ref) = (rest, rest.len() < written.len());
        if written.is_empty() || is_external(written) {
            return plain(Resolved::External);
        }
        if let Some(anchor) = written.strip_prefix('#') {
            return plain(Resolved::Anchor(percent_decode(anchor)));
        }
        let (path, fragment) = match written.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (written, None),
        };
        let (path, mut query) = match path.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (path, None),
        };
        let mut fragment = fragment;
        if let (true, None, Some(id)) = (
            self.docsify,
            fragment,
            query.and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("id="))),
        ) {
            fragment = Some(id);
            query = None;
        }
        let path = percent_decode(path);
        let resolved = if hugo_ref {
            self.resolve_ref(&path, from_dir, from_url)
        } else {
            self.resolve_path(&path, from_dir, from_url)
        };
        Target {
            resolved,
            query,
            fragment,
        }
    }

    /// A Hugo ref's path: relative to the page, then from the content root, then, a bare name
    /// (`bindings_api.md`, `state-management`), the one page of that name anywhere in the site,
    /// which is how Dapr's docs link nearly everything.
    fn resolve_ref(&self, path: &str, from_dir: &str, from_url: &str) -> Resolved {
        let found = self.resolve_path(path, from_dir, from_url);
        let nowhere = |r: &Resolved| matches!(r, Resolved::Missing { .. } | Resolved::SiteUrl(_));
        if !nowhere(&found) || path.starts_with('/') {
            return found;
        }
        let rooted = self.resolve_path(&format!("/{path}"), from_dir, from_url);
        if !nowhere(&rooted) {
            return rooted;
        }
        let bare = path.strip_suffix('/').unwrap_or(path);
        let bare = bare.strip_suffix(".md").unwrap_or(bare);
        if bare.contains('/') {
            return found;
        }
        match self.names.get(&bare.to_lowercase()).map(Vec::as_slice) {
            Some([one]) => Resolved::Page {
                content_path: one.clone(),
                url: self.pages[one].clone(),
            },
            Some(several) if several.len() > 1 => Resolved::Missing {
                what: "Hugo ref to a name several pages have",
                looked_for: Some(
                    several
                        .iter()
                        .map(|p| format!("content/{p}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                hint: "write which one, by its path from the content root: `{{< ref \"/section/page.md\" >}}`",
            },
            _ => found,
        }
    }

    fn resolve_path(&self, path: &str, from_dir: &str, from_url: &str) -> Resolved {
        let (rel, rooted) = match path.strip_prefix("@/").or_else(|| path.strip_prefix('/')) {
            Some(rest) => (rest, true),
            None => (path, false),
        };
        if rooted && rel.is_empty() {
            return Resolved::SiteUrl(String::new());
        }
        let folder_link = rel.is_empty() || rel.ends_with('/');
        let base = if rooted { "" } else { from_dir };
        // A file, relative to the source's folder (or the content root).
        let joined = join_rel(base, rel);
        if let Some(found) = joined.as_deref().and_then(|j| self.by_file(j, folder_link)) {
            return found;
        }
        // A page URL: from the root, or relative to the page's own URL (Hugo, Zola).
        let url_base = if rooted { "" } else { from_url };
        if let Some(found) = join_rel(url_base, rel).and_then(|u| self.by_page_url(&u)) {
            return found;
        }
        // A file relative to the page's URL, as a browser reads it: MkDocs leaves raw HTML as
        // written, so its authors write `<img src="../../assets/x.png">` from the page's URL
        // (Material for MkDocs's social-cards page), two folders up from a page one folder deep.
        if !rooted {
            if let Some(u) = join_rel(from_url, rel) {
                if let Some(output) = self.assets.get(&u) {
                    return Resolved::Asset {
                        content_path: u,
                        output: output.clone(),
                    };
                }
            }
        }
        // A file of a folder served at the root (VitePress's `public/`).
        if rooted {
            for p in &self.public {
                if let Some(output) = self.assets.get(&format!("{p}{rel}")) {
                    return Resolved::Asset {
                        content_path: format!("{p}{rel}"),
                        output: output.clone(),
                    };
                }
            }
        }
        for route in self.docs_routes.iter().filter(|_| rooted) {
            // Case as the tool served it: Hugo folds `/zh-CN/` to `/zh-cn/`.
            let Some(rest) = rel
                .get(..route.len())
                .filter(|r| r.eq_ignore_ascii_case(route))
                .map(|_| &rel[route.len()..])
            else {
                continue;
            };
            // `/zh/`: the home page.
            if rest.is_empty() {
                return Resolved::SiteUrl(String::new());
            }
            let found = self.resolve_path(&format!("/{rest}"), from_dir, from_url);
            if !matches!(found, Resolved::Missing { .. } | Resolved::SiteUrl(_)) {
                return found;
            }
        }
        if self.docsify && !rooted {
            let found = self.resolve_path(&format!("/{rel}"), from_dir, from_url);
            if !matches!(found, Resolved::Missing { .. } | Resolved::SiteUrl(_)) {
                return found;
            }
        }
        let Some(joined) = joined else {
            return Resolved::Missing {
                what: "link goes outside content/",
                looked_for: None,
                hint: "link to articles with a path relative to this file, e.g. `../section/article.md`, or from the content root, e.g. `/section/article.md`",
            };
        };
        missing(&joined, rel, rooted)
    }

    /// The page or asset a file path names: `x.md`; `x.html` for `x.md`, `x/index.html` for
    /// the folder's page; `x` and `x/` for `x.md` or the folder's page.
    fn by_file(&self, joined: &str, folder_link: bool) -> Option<Resolved> {
        let candidates: Vec<String> = if let Some(md) = markdown_path(joined) {
            vec![md]
        } else if let Some(stem) = joined.strip_suffix(".html") {
            let mut pages = vec![format!("{stem}.md"), format!("{stem}/index.md")];
            // `cli/index.html`: the folder's page, which mdBook makes of `cli/README.md`.
            if let Some(folder) = stem.strip_suffix("index")
                && (folder.is_empty() || folder.ends_with('/'))
            {
                pages.extend(["_index.md", "README.md"].map(|n| format!("{folder}{n}")));
            }
            pages
        } else if has_extension(joined) {
            Vec::new()
        } else {
            let folder = ["_index.md", "index.md", "README.md"]
                .iter()
                .map(|name| join(joined, name));
            let file = (!folder_link && !joined.is_empty()).then(|| format!("{joined}.md"));
            file.into_iter().chain(folder).collect()
        };
        for c in &candidates {
            if let Some(url) = self.pages.get(c) {
                return Some(Resolved::Page {
                    content_path: c.clone(),
                    url: url.clone(),
                });
            }
            if self.failed.contains(c) {
                return Some(Resolved::Failed);
            }
            if self.unlisted.contains(c) {
                return Some(Resolved::Missing {
                    what: "link to a page SUMMARY.md does not list",
                    looked_for: None,
                    hint: "mdBook and GitBook build only what SUMMARY.md lists: list the page there, or remove the link",
                });
            }
            if self.drafts.contains(c) {
                return Some(Resolved::Missing {
                    what: "link to a draft",
                    looked_for: None,
                    hint: "drafts are left out of the build: publish the target (remove `draft: true`), remove the link, or build with --drafts",
                });
            }
        }
        self.assets.get(joined).map(|output| Resolved::Asset {
            content_path: joined.to_owned(),
            output: output.clone(),
        })
    }

    /// The page at a URL (relative to the site root, with or without the final `/`).
    fn by_page_url(&self, url: &str) -> Option<Resolved> {
        if has_extension(url) {
            return None;
        }
        let url = if url.is_empty() || url.ends_with('/') {
            url.to_owned()
        } else {
            format!("{url}/")
        };
        if self.failed_urls.contains(&url) {
            return Some(Resolved::Failed);
        }
        let content_path = self.by_url.get(&url)?;
        // Another URL of the page (an absolute slug's) links to where it is published.
        let url = self.pages.get(content_path).cloned().unwrap_or(url);
        Some(Resolved::Page {
            content_path: content_path.clone(),
            url,
        })
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}/{name}")
    }
}

/// Whether the last segment of `path` has a file extension (`x.png`, not `v1.2/` or `x`).
fn has_extension(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or(path);
    last.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && !ext.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

/// The error for a link that leads nowhere, by what it looks like.
fn missing(joined: &str, rel: &str, rooted: bool) -> Resolved {
    const HINT: &str = "check the file name and the path: relative to this file, or from the content root with a leading /";
    // Windows' separator: no host reads `..\\x.md` as a path (it is a file named so), and
    // its leading dots made it look hidden.
    if joined.contains('\\') {
        return Resolved::Missing {
            what: "link written with backslashes (`\\`), which URLs do not read as folder separators",
            looked_for: Some(format!("content/{joined}")),
            hint: "write the path with `/`, e.g. ../guide/x.md",
        };
    }
    // `%E4%B8.md`: an escape cut short decodes to no character, and the path shown held `�`.
    if joined.contains('\u{FFFD}') {
        return Resolved::Missing {
            what: "link whose `%` escapes are not a character (they are cut short or not UTF-8)",
            looked_for: None,
            hint: "write the name as it is (`中文.md`), or escape every byte of it (`%E4%B8%AD%E6%96%87.md`)",
        };
    }
    // Whether or not it is on disk, a hidden file of content/ is never published: saying
    // "missing" of a file the author can see sends them looking for a typo. (A rooted URL may
    // be a static/ file such as `/.well-known/…`, which the link check knows.)
    if (!rooted || markdown_path(joined).is_some())
        && joined
            .split('/')
            .any(|seg| seg.starts_with('.') && seg != "." && seg != "..")
    {
        return Resolved::Missing {
            what: "link to a hidden file or folder (a name starting with `.`)",
            looked_for: Some(format!("content/{joined}")),
            hint: "files and folders whose name starts with `.` are not published: rename it without the dot",
        };
    }
    if markdown_path(joined).is_some() {
        Resolved::Missing {
            what: "link to a missing article",
            looked_for: Some(format!("content/{joined}")),
            hint: HINT,
        }
    } else if rooted {
        // Maybe a generated page (tags/, search/) or a static file: the link check knows.
        Resolved::SiteUrl(rel.to_owned())
    } else if has_extension(joined) {
        Resolved::Missing {
            what: "link to a missing file",
            looked_for: Some(format!("content/{joined}")),
            hint: HINT,
        }
    } else {
        Resolved::Missing {
            what: "link to a missing page",
            looked_for: Some(format!("content/{joined}.md and the page URLs")),
            hint: "link to articles by their .md file, relative to this file, or by their URL from the site root",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> LinkMap {
        let mut m = LinkMap::default();
        for (path, url) in [
            ("guide/index.md", "guide/"),
            ("guide/features.md", "guide/features/"),
            ("guide/why.md", "guide/why/"),
            ("config/_index.md", "config/"),
            ("a/b.md", "a/slug-b/"),
            ("overview.md", "overview/"),
            ("cli/README.md", "cli/"),
        ] {
            m.pages.insert(path.into(), url.into());
            m.by_url.insert(url.into(), path.into());
        }
        m.assets
            .insert("images/x.png".into(), "images/x.png".into());
        m.assets
            .insert("public/logo.svg".into(), "public/logo.svg".into());
        m.public.push("public/".into());
        m.drafts.insert("guide/draft.md".into());
        m.failed.insert("guide/broken.md".into());
        m
    }

    fn page(path: &str) -> Resolved {
        let m = map();
        let url = m.pages[path].clone();
        Resolved::Page {
            content_path: path.into(),
            url,
        }
    }

    /// Resolves as from content/guide/why.md, page `guide/why/`.
    fn from_why(link: &str) -> Resolved {
        map().resolve(link, "guide", "guide/why/").resolved
    }

    #[test]
    fn every_form_of_a_link_to_a_page() {
        for link in [
            "features.md",
            "./features.md",
            "./features",
            "features",
            "features.html",
            "/guide/features.md",
            "/guide/features",
            "/guide/features/",
            "@/guide/features.md",
            "../features/",
            "../../guide/features/",
        ] {
            assert_eq!(from_why(link), page("guide/features.md"), "{link}");
        }
        for link in [
            "../config/",
            "../config",
            "/config/",
            "../config/_index.md",
            "../config/index.html",
        ] {
            assert_eq!(from_why(link), page("config/_index.md"), "{link}");
        }
        for link in ["./", "/guide/", "index.md", "index.html"] {
            assert_eq!(from_why(link), page("guide/index.md"), "{link}");
        }
        assert_eq!(
            from_why("/a/slug-b/"),
            page("a/b.md"),
            "a page by its URL when its slug differs"
        );
        assert_eq!(from_why("%2E%2E/overview.md"), page("overview.md"));
        // mdBook's output name for a folder's README.md.
        assert_eq!(from_why("../cli/index.html"), page("cli/README.md"));
        assert!(matches!(
            from_why("../cli/reindex.html"),
            Resolved::Missing { .. }
        ));
    }

    #[test]
    fn a_file_relative_to_the_pages_url() {
        // MkDocs's raw HTML: from guide/why.md, served at guide/why/, `../../images/x.png` is
        // images/x.png; from the file's folder it would climb out of content/.
        let m = map();
        let asset = Resolved::Asset {
            content_path: "images/x.png".into(),
            output: "images/x.png".into(),
        };
        assert_eq!(
            m.resolve("../../images/x.png", "guide", "guide/why/")
                .resolved,
            asset
        );
        // The file's own folder comes first.
        assert_eq!(
            m.resolve("../images/x.png", "guide", "guide/why/").resolved,
            asset
        );
        assert!(matches!(
            m.resolve("../../../images/x.png", "guide", "guide/why/")
                .resolved,
            Resolved::Missing { .. }
        ));
    }

    #[test]
    fn links_under_the_language_folder_a_site_was_served_from() {
        let mut m = map();
        m.docs_routes = vec!["zh-cn/".into()];
        let from = |link: &str| m.resolve(link, "guide", "guide/why/").resolved;
        assert_eq!(from("/zh-cn/guide/features/"), page("guide/features.md"));
        assert_eq!(from("/zh-CN/overview"), page("overview.md"));
        assert_eq!(from("/zh-cn/"), Resolved::SiteUrl(String::new()));
        assert!(matches!(from("/en/overview"), Resolved::SiteUrl(_)));
    }

    #[test]
    fn docusaurus_links_by_the_docs_url_path() {
        let mut m = map();
        m.docs_routes = vec!["docs/".into()];
        let from = |link: &str| m.resolve(link, "guide", "guide/why/").resolved;
        for link in [
            "/docs/guide/features",
            "/docs/guide/features.md",
            "/docs/guide/features/",
        ] {
            assert_eq!(from(link), page("guide/features.md"), "{link}");
        }
        assert_eq!(from("/docs/overview#x"), page("overview.md"));
        // Only from the root, and only what names nothing as written.
        assert!(matches!(from("docs/overview"), Resolved::Missing { .. }));
        // What names nothing either way is left to the link check, as written.
        assert_eq!(from("/docs/nope"), Resolved::SiteUrl("docs/nope".into()));
        assert_eq!(
            map().resolve("/docs/overview", "", "").resolved,
            Resolved::SiteUrl("docs/overview".into())
        );
    }

    #[test]
    fn hugo_refs_by_path_then_root_then_name() {
        let mut m = map();
        m.pages.insert("a/why.md".into(), "a/why/".into());
        m.index_names();
        let from_a = |link: &str| {
            m.resolve(&format!("{HUGO_REF}{link}"), "a", "a/slug-b/")
                .resolved
        };
        // The page's own folder first: `why` is a/why.md from a/, though guide/ has one too.
        assert_eq!(from_a("why.md"), page_in(&m, "a/why.md"));
        // Then from the root.
        assert_eq!(
            from_a("guide/features.md"),
            page_in(&m, "guide/features.md")
        );
        assert_eq!(from_a("overview"), page_in(&m, "overview.md"));
        // Then a bare name anywhere: a file's stem, a folder's page by the folder's name.
        for link in ["features", "features.md", "FEATURES.md", "features/"] {
            assert_eq!(from_a(link), page_in(&m, "guide/features.md"), "{link}");
        }
        assert_eq!(from_a("config"), page_in(&m, "config/_index.md"));
        let written = format!("{HUGO_REF}features.md#x");
        let t = m.resolve(&written, "a", "a/slug-b/");
        assert_eq!(
            (t.resolved, t.fragment),
            (page_in(&m, "guide/features.md"), Some("x"))
        );
        // A name two pages have, from a folder that has neither, is no guess.
        let written = format!("{HUGO_REF}why");
        let from_config = m.resolve(&written, "config", "config/");
        assert!(
            matches!(&from_config.resolved, Resolved::Missing { looked_for: Some(l), .. }
                if l == "content/a/why.md, content/guide/why.md"),
            "{from_config:?}"
        );
        // A path with folders is never looked up by its last name.
        assert!(matches!(from_a("nope/features"), Resolved::Missing { .. }));
        // A link written by hand never is either.
        assert!(matches!(
            m.resolve("features.md", "a", "a/slug-b/").resolved,
            Resolved::Missing { .. }
        ));
    }

    #[test]
    fn docsify_links_from_the_root_and_ids_as_anchors() {
        let mut m = map();
        let from_guide = |m: &LinkMap, link: &str| m.resolve(link, "guide", "guide/why/").resolved;
        // Not a Docsify site: a link names what it names from its page only.
        assert!(matches!(
            from_guide(&m, "guide/features.md"),
            Resolved::Missing { .. }
        ));
        m.docsify = true;
        assert_eq!(
            from_guide(&m, "guide/features.md"),
            page("guide/features.md")
        );
        // From its page first, as written.
        assert_eq!(from_guide(&m, "features.md"), page("guide/features.md"));
        let t = m.resolve("guide/features.md?id=install", "guide", "guide/why/");
        assert_eq!((t.query, t.fragment), (None, Some("install")));
        let t = m.resolve("features.md?id=a#b", "guide", "guide/why/");
        assert_eq!((t.query, t.fragment), (Some("id=a"), Some("b")));
    }

    fn page_in(m: &LinkMap, path: &str) -> Resolved {
        Resolved::Page {
            content_path: path.into(),
            url: m.pages[path].clone(),
        }
    }

    #[test]
    fn assets_queries_and_fragments() {
        let m = map();
        let t = m.resolve("../images/x.png?v=1#frag", "guide", "guide/why/");
        assert_eq!(
            t.resolved,
            Resolved::Asset {
                content_path: "images/x.png".into(),
                output: "images/x.png".into()
            }
        );
        assert_eq!((t.query, t.fragment), (Some("v=1"), Some("frag")));
        assert_eq!(
            from_why("/logo.svg"),
            Resolved::Asset {
                content_path: "public/logo.svg".into(),
                output: "public/logo.svg".into()
            },
            "VitePress serves public/ at the root"
        );
        assert_eq!(from_why("#注意"), Resolved::Anchor("注意".into()));
        assert_eq!(from_why("https://x.example/a.md"), Resolved::External);
    }

    #[test]
    fn what_is_not_there_says_why() {
        assert_eq!(from_why("broken.md"), Resolved::Failed);
        let message = |r: Resolved| match r {
            Resolved::Missing {
                what, looked_for, ..
            } => format!("{what} {looked_for:?}"),
            other => panic!("{other:?}"),
        };
        assert_eq!(message(from_why("draft.md")), "link to a draft None");
        assert_eq!(
            message(from_why("nope.md")),
            "link to a missing article Some(\"content/guide/nope.md\")"
        );
        assert_eq!(
            message(from_why("nope.png")),
            "link to a missing file Some(\"content/guide/nope.png\")"
        );
        assert_eq!(
            message(from_why("nope")),
            "link to a missing page Some(\"content/guide/nope.md and the page URLs\")"
        );
        assert_eq!(
            message(from_why("../../../x.md")),
            "link goes outside content/ None"
        );
        assert_eq!(
            from_why("/tags/安全/"),
            Resolved::SiteUrl("tags/安全/".into())
        );
    }
}
