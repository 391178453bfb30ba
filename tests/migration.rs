//! Content written for other tools builds with only a `helpcenter.yaml` added, and renders as its
//! author meant: one small site per tool (tests/fixtures/migrate/), and the real corpora of
//! ../shared/corpora when they are there.

mod common;
use common::*;
use helpcenter::paths::percent_decode;

use std::path::{Path, PathBuf};

/// Builds fixture `name`; returns the output folder and the build's messages.
fn migrate(name: &str, s: &Scratch) -> (PathBuf, String) {
    let out = s.path().join("public");
    let o = build(&repo().join("tests/fixtures/migrate").join(name), &out, &[]);
    assert!(o.status.success(), "{name} did not build:\n{}", stderr(&o));
    assert_eq!(foreign_syntax(&out), Vec::<String>::new(), "{name}");
    assert_eq!(broken_links(&out, "/"), Vec::<String>::new(), "{name}");
    (out, stderr(&o))
}

/// A scratch folder holding a site of `files` (paths under `site/`).
fn site_of(tag: &str, files: &[(&str, &str)]) -> Scratch {
    let s = Scratch::new(tag);
    for (rel, text) in files {
        s.write(&format!("site/{rel}"), text);
    }
    s
}

/// Builds the site of `s` (its `site/` folder) into `public/` beside it, which must succeed;
/// returns the output folder and the build's messages.
fn built(s: &Scratch) -> (PathBuf, String) {
    let out = s.path().join("public");
    let o = build(&s.path().join("site"), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    (out, stderr(&o))
}

fn has(html: &str, what: &[&str]) {
    for w in what {
        assert!(html.contains(w), "`{w}` missing from:\n{html}");
    }
}

#[test]
fn vitepress() {
    let s = Scratch::new("m-vitepress");
    let (out, log) = migrate("vitepress", &s);
    let guide = read(&out, "guide/index.html");
    has(
        &guide,
        &[
            "<h1 id=\"getting-started\">开始</h1>",
            "class=\"callout callout-tip\" role=\"note\" aria-label=\"提示\"",
            "</span>注意</p>",
            "<details class=\"details\"><summary>点我展开</summary>",
            "class=\"callout callout-warning\"",
            "<span class=\"badge badge-warning\">deprecated</span>",
            "<div class=\"tabs\">",
            // A code group's blocks are tabs named by their file names; `{2}` marks line 2.
            "<section class=\"tab\"><p class=\"tab-title\">vite.config.js</p>",
            "<section class=\"tab\"><p class=\"tab-title\">vite.config.ts</p>",
            "<code class=\"language-ts\">",
            "<span class=\"line mark\">  <span class=\"hl-a\">base</span>",
            "<img src=\"../public/logo.svg\" alt=\"标志\"",
            "<img src=\"../public/logo.svg\" alt=\"标志\">",
            "<a href=\"https://scrimba.com/x\">看互动课程</a>",
            "未知组件里的文字",
            "<nav class=\"toc-inline\"",
            "<a href=\"#install\">安装</a>",
            "href=\"features/\"",
            "href=\"../config/\"",
            "href=\"../config/#server-host\"",
        ],
    );
    assert!(!guide.contains("<Unknown") && !guide.contains("ts{2}"));
    let features = read(&out, "guide/features/index.html");
    has(
        &features,
        &[
            "<h1 id=\"features\">功能 <code>features</code></h1>",
            "<title>功能 features - ",
            "href=\"../#install\"",
        ],
    );
    let config = read(&out, "config/index.html");
    has(
        &config,
        &[
            "<h2 id=\"serverhost\"><span class=\"anchor-alias\" id=\"server-host\"></span>server.host",
        ],
    );
    // The sidebar of .vitepress/config.ts gives groups, order and labels; its way across to
    // /config/ leaves the config folder where it is.
    has(
        &features,
        &[
            // The sidebar's label is the page's navigation title, breadcrumbs' too.
            "<li><a href=\"../../guide/介绍/\">介绍</a></li><li aria-current=\"page\">功能特性</li>",
        ],
    );
    // A group whose items a function returns, links under its `base`, a label built by code
    // (the page's title shows).
    let deploy = read(&out, "guide/deploy/index.html");
    has(&deploy, &["<a href=\"../../guide/进阶/\">进阶</a>"]);
    let siblings = &deploy[deploy.find("class=\"siblings\"").unwrap()..];
    has(siblings, &[">部署</", ">常见问题</a>"]);
    assert!(siblings.find(">部署<").unwrap() < siblings.find(">常见问题<").unwrap());
    has(
        &config,
        &["<ol><li><a href=\"../\">首页</a></li><li aria-current=\"page\">配置 Vite</li></ol>"],
    );
    let home = read(&out, "index.html");
    has(&home, &["欢迎使用。"]);
    assert!(!home.contains("import Home"));
    let all = files(&out);
    assert!(all.contains(&"public/logo.svg".to_owned()));
    // An inline SVG's sprite is a file the page uses.
    assert!(all.contains(&"images/voice.svg".to_owned()));
    for never in [
        "images/unused.png",
        "guide/Comp.vue",
        ".vitepress/config.ts",
    ] {
        assert!(!all.iter().any(|f| f == never), "{never} was published");
    }
    has(
        &log,
        &[
            "the component `<Unknown>` is not understood",
            "guide/index.md:41",
            "a Vue `<script>` block is left out",
            "note: front-matter keys of other tools were ignored: `hero` (VitePress, 1 file)",
        ],
    );
}

#[test]
fn docusaurus() {
    let s = Scratch::new("m-docusaurus");
    let (out, log) = migrate("docusaurus", &s);
    // A partial (`_shared.mdx`, no title of its own) is a piece of other pages, not one.
    has(&log, &["1 Markdown file named with a leading `_`"]);
    assert!(!out.join("tutorial/_shared").exists() && !out.join("tutorial/shared").exists());
    let intro = read(&out, "welcome/index.html");
    has(
        &intro,
        &[
            "<h1 id=\"欢迎使用-docusaurus-站点\">欢迎使用 Docusaurus 站点</h1>",
            "</span>提示标题</p>",
            "class=\"callout callout-caution\"",
            "<time datetime=\"2024-05-01",
        ],
    );
    let section = read(&out, "tutorial/index.html");
    has(&section, &["<h1>教程</h1>"]);
    assert!(
        section.find("基础").unwrap() < section.find("进阶").unwrap(),
        "01- before 02-"
    );
    let basics = read(&out, "tutorial/basics/index.html");
    has(
        &basics,
        &[
            "<div class=\"tabs\">",
            "<p class=\"tab-title\">npm</p>",
            "<p class=\"tab-title\">Yarn</p>",
        ],
    );
    assert!(!basics.contains("class=\"toc\""), "hide_table_of_contents");
    let advanced = read(&out, "tutorial/advanced/index.html");
    has(
        &advanced,
        &[
            "<p class=\"code-title\">docusaurus.config.js</p>",
            "<code class=\"language-js\">",
            "href=\"../components/#%E7%BB%84%E4%BB%B6\">用 MDX 写的页面</a>",
            // Pinned by the file's own name, .mdx.
            "<a href=\"../../tutorial/components/\">组件</a> <span class=\"article-section\">教程 · 编辑推荐</span>",
        ],
    );
    // An .mdx file is an article like the others; its comments show nothing.
    let mdx = read(&out, "tutorial/components/index.html");
    has(
        &mdx,
        &[
            // Its first heading repeats its title: the `<h1>`, with the heading's id.
            "<h1 id=\"组件\">组件</h1>",
            "MDX 页面也是文章，回到",
            "href=\"../advanced/\">进阶</a>",
            "<p class=\"tab-title\">甲</p>",
        ],
    );
    assert!(!mdx.contains("{/*") && !mdx.contains("读者看不到"), "{mdx}");
    assert!(
        !out.join("tutorial/03-components.mdx").exists(),
        "the source is not published"
    );
}

#[test]
fn docusaurus_absolute_slugs() {
    // RocketMQ's docs: `slug: /` makes a doc the landing page, `slug: /guide/intro` a path from
    // the docs' root. Both stopped the build ("`slug` cannot be used in a URL").
    let s = site_of(
        "m-abs-slug",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                "content/why.md",
                "---\nslug: /\n---\n\n# 为什么选择\n\n见[介绍](/guide/intro)。\n",
            ),
            (
                "content/basics/a.md",
                "---\nslug: /guide/intro/\n---\n\n# 介绍\n\n正文。\n",
            ),
            (
                "content/basics/b.md",
                "# 乙\n\n[介绍](/guide/intro/)，[原处](a.md)。\n",
            ),
            // Another page that had the same URL: links find the first, with a warning.
            (
                "content/other/d.md",
                "---\nslug: /guide/intro\n---\n\n# 丁\n\n正文。\n",
            ),
            // An absolute slug in a folder of helpcenter's own takes no links to its pages.
            (
                "content/basics/c.md",
                "---\nslug: /tags/x\ntags: [x]\n---\n\n# 丙\n\n[标签](/tags/x/)\n",
            ),
        ],
    );
    let (out, log) = built(&s);
    has(
        &log,
        &[
            "`slug: /guide/intro/` is also content/basics/a.md's: links to /guide/intro/ go to that page",
        ],
    );
    assert_eq!(broken_links(&out, "/"), Vec::<String>::new());
    // The last segment names the article in its folder; links to the whole path find it.
    has(
        &read(&out, "why/index.html"),
        &["<a href=\"../basics/intro/\">介绍</a>"],
    );
    has(
        &read(&out, "basics/b/index.html"),
        &[
            "<a href=\"../intro/\">介绍</a>",
            "<a href=\"../intro/\">原处</a>",
        ],
    );
    has(
        &read(&out, "basics/x/index.html"),
        &["<a href=\"../../tags/x/\">标签</a>"],
    );
    // A slug that leaves the site is still refused.
    s.write(
        "site/content/basics/a.md",
        "---\nslug: /../x\n---\n\n# 介绍\n",
    );
    let o = build(&s.path().join("site"), &out, &[]);
    assert!(!o.status.success());
    has(&stderr(&o), &["`slug` cannot be used in a URL"]);
}

#[test]
fn digits_run_into_a_file_name_order_it() {
    // RocketMQ's docs: `01quickstart.md`, `02docker.md`. Sorted by title, 本地部署 came last.
    let s = site_of(
        "m-digit-order",
        &[
            ("helpcenter.yaml", "title: t\n"),
            ("content/quick/01quickstart.md", "# 本地部署\n\n正文。\n"),
            ("content/quick/02docker.md", "# Docker 部署\n\n正文。\n"),
            ("content/quick/03compose.md", "# Compose 部署\n\n正文。\n"),
        ],
    );
    let (out, _) = built(&s);
    in_order(
        &read(&out, "quick/index.html"),
        &["本地部署", "Docker 部署", "Compose 部署"],
    );
    // No tool strips such digits from the URL.
    assert!(out.join("quick/01quickstart/index.html").is_file());
}

#[test]
fn heading_attributes_in_percent_braces() {
    // Pinia's docs set markdown-it-attrs' delimiters to `%{` and `}%`.
    let s = site_of(
        "m-percent-attrs",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                "content/store.md",
                "# 定义 Store %{#defining-a-store}%\n\n## 选项式 Store %{#option-stores}%\n\n见[上文](#option-stores)。\n",
            ),
        ],
    );
    let (out, _) = built(&s);
    let page = read(&out, "store/index.html");
    has(
        &page,
        &[
            "<title>定义 Store - t</title>",
            "<h1 id=\"defining-a-store\">定义 Store</h1>",
            "id=\"option-stores\"",
        ],
    );
    assert!(!page.contains("%{"), "{page}");
}

#[test]
fn a_static_sitemap_or_robots_txt_replaces_helpcenters_own() {
    // Volcano's Docusaurus site serves static/ at its root, sitemap.xml and images included:
    // helpcenter's static/ is that folder, and its sitemap.xml stopped the build.
    let s = site_of(
        "m-static-sitemap",
        &[
            ("helpcenter.yaml", "title: t\n"),
            ("content/a.md", "# 甲\n\n![架构](/img/arch.png)\n"),
            ("static/sitemap.xml", "<urlset>旧的</urlset>\n"),
            ("static/robots.txt", "User-agent: *\nDisallow: /draft/\n"),
            ("static/img/arch.png", "png"),
        ],
    );
    let out = s.path().join("public");
    for base in [None, Some("https://docs.example.com/")] {
        let args: Vec<&str> = base.map(|b| vec!["--base-url", b]).unwrap_or_default();
        let o = build(&s.path().join("site"), &out, &args);
        assert!(o.status.success(), "{}", stderr(&o));
        has(
            &stderr(&o),
            &["static/sitemap.xml, static/robots.txt replace helpcenter's own"],
        );
        assert_eq!(read(&out, "sitemap.xml"), "<urlset>旧的</urlset>\n");
        has(&read(&out, "robots.txt"), &["Disallow: /draft/"]);
        assert!(out.join("img/arch.png").is_file());
        assert_eq!(broken_links(&out, "/"), Vec::<String>::new());
    }
}

#[test]
fn a_vitepress_config_in_a_folder_is_read() {
    // Vue Router's docs: `.vitepress/config/index.ts`. Unread, the site was no VitePress site:
    // its theme's `packageVersions` key failed the build and its sidebar was lost, unwarned.
    let s = site_of(
        "m-vp-config-dir",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                ".vitepress/config/index.ts",
                "import { defineConfig } from 'vitepress'\nimport { zhConfig } from './zh'\nexport default defineConfig({\n  themeConfig: {\n    sidebar: [\n      { text: '第二组', items: [ { text: '乙', link: '/b' } ] },\n      { text: '第一组', items: [ { text: '甲', link: '/a' } ] },\n    ],\n  },\n})\n",
            ),
            (
                "content/a.md",
                "---\npackageVersions: { vue: 3 }\n---\n\n# 甲\n\n正文。\n",
            ),
            ("content/b.md", "# 乙\n\n正文。\n"),
        ],
    );
    let (out, log) = built(&s);
    has(&log, &["`packageVersions` (its theme's own, 1 file)"]);
    let home = read(&out, "index.html");
    assert!(
        home.find("第二组").unwrap() < home.find("第一组").unwrap(),
        "{home}"
    );
    // The sidebar is kept in a file the config imports: a note says it is not read.
    s.write(
        "site/.vitepress/config/index.ts",
        "import { defineConfig } from 'vitepress'\nimport { zhConfig } from './zh'\nexport default defineConfig({ ...zhConfig })\n",
    );
    let o = build(&s.path().join("site"), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    has(
        &stderr(&o),
        &[
            "the config imports files of its own: a sidebar in one of them is not read",
            ".vitepress/config/index.ts:2",
        ],
    );
}

#[test]
fn docusaurus_orders_by_file_name() {
    // Volcano's docs: without sidebar_position, Docusaurus lists a folder's docs by file name;
    // by title they came in the code-point order of their Chinese titles.
    let s = site_of(
        "m-docusaurus-order",
        &[
            ("helpcenter.yaml", "title: t\n"),
            ("docusaurus.config.js", "export default { title: 'x' };\n"),
            ("content/features/gpu.md", "# GPU虚拟化\n\n正文。\n"),
            ("content/features/hierarchy.md", "# 层级队列\n\n正文。\n"),
            ("content/features/mixed.md", "# 云原生混部\n\n正文。\n"),
        ],
    );
    let (out, _) = built(&s);
    in_order(
        &read(&out, "features/index.html"),
        &["GPU虚拟化", "层级队列", "云原生混部"],
    );
}

#[test]
fn docusaurus_positions_between_whole_ones_go_between_them() {
    // Docusaurus authors insert a page or a folder between two with `sidebar_position: 2.5`
    // and `"position": 1.5`; rounded down, each tied with the one before and went by title.
    let s = site_of(
        "m-docusaurus-half",
        &[
            ("helpcenter.yaml", "title: t\n"),
            ("docusaurus.config.js", "export default { title: 'x' };\n"),
            (
                "content/guide/a.md",
                "---\nsidebar_position: 2\n---\n# 乙二\n\n正文。\n",
            ),
            (
                "content/guide/b.md",
                "---\nsidebar_position: 3\n---\n# 甲三\n\n正文。\n",
            ),
            (
                "content/guide/c.md",
                "---\nsidebar_position: 2.5\n---\n# 丙二点五\n\n正文。\n",
            ),
            (
                "content/one/_category_.json",
                "{\"label\": \"乙一\", \"position\": 1}\n",
            ),
            ("content/one/x.md", "# 文\n\n正文。\n"),
            (
                "content/half/_category_.json",
                "{\"label\": \"甲一点五\", \"position\": 1.5}\n",
            ),
            ("content/half/x.md", "# 文\n\n正文。\n"),
            (
                "content/guide/_category_.json",
                "{\"label\": \"指南\", \"position\": 2}\n",
            ),
        ],
    );
    let (out, _) = built(&s);
    in_order(
        &read(&out, "guide/index.html"),
        &["乙二", "丙二点五", "甲三"],
    );
    in_order(&read(&out, "index.html"), &["乙一", "甲一点五", "指南"]);
}

#[test]
fn a_vitepress_home_shows_its_hero_and_features() {
    // Vue Router's and Pinia's home pages are their hero and features: left out, the home
    // showed the site's title alone.
    let s = site_of(
        "m-vp-home",
        &[
            ("helpcenter.yaml", "title: Vue Router\n"),
            (
                "content/index.md",
                "---\nlayout: home\nhero:\n  name: Vue Router\n  text: Vue.js 的官方路由\n  tagline: 为 Vue.js 提供<路由>\n  actions:\n    - theme: brand\n      text: 入门 →\n      link: /guide/intro\nfeatures:\n  - title: 富有表现力的路由语法\n    details: 用直观且强大的语法来定义路由。\n---\n",
            ),
            ("content/guide/intro.md", "# 介绍\n\n正文。\n"),
        ],
    );
    let (out, log) = built(&s);
    assert_eq!(broken_links(&out, "/"), Vec::<String>::new());
    has(
        &read(&out, "index.html"),
        &[
            "<p class=\"lead\">为 Vue.js 提供&lt;路由&gt;</p>",
            "<a href=\"guide/intro/\">入门 →</a>",
            "<li><strong>富有表现力的路由语法</strong>：用直观且强大的语法来定义路由。</li>",
        ],
    );
    assert!(
        !log.contains("`hero`") && !log.contains("`features`"),
        "{log}"
    );
}

#[cfg(unix)]
#[test]
fn a_translated_docusaurus_folder_takes_its_translated_labels() {
    // Volcano's Chinese docs: content is i18n/zh-Hans/docusaurus-plugin-content-docs/current,
    // and current.json beside it translates the categories' labels.
    let s = site_of("m-docusaurus-i18n", &[("helpcenter.yaml", "title: t\n")]);
    let docs = "i18n/zh-Hans/docusaurus-plugin-content-docs";
    s.write(
        &format!("{docs}/current/KeyFeatures/_category_.json"),
        "{ \"label\": \"Key Features\", \"position\": 1 }",
    );
    s.write(
        &format!("{docs}/current/KeyFeatures/gpu.md"),
        "# GPU 虚拟化\n\n正文。\n",
    );
    s.write(
        &format!("{docs}/current.json"),
        "{ \"sidebar.docsSidebar.category.Key Features\": { \"message\": \"关键特性\" } }",
    );
    std::os::unix::fs::symlink(
        s.path().join(format!("{docs}/current")),
        s.path().join("site/content"),
    )
    .unwrap();
    let (out, _) = built(&s);
    let section = read(&out, "KeyFeatures/index.html");
    has(&section, &["<h1>关键特性</h1>"]);
    assert!(!section.contains("Key Features"), "{section}");
}

#[test]
fn hugo() {
    let s = Scratch::new("m-hugo");
    let (out, log) = migrate("hugo", &s);
    let install = read(&out, "docs/install/index.html");
    has(
        &install,
        &[
            "class=\"callout callout-note\"",
            "安装前先备份。",
            "</span>小心</p>",
            "href=\"../config/\">配置</a>",
            "href=\"../config/\">按网址</a>",
            "<figure class=\"figure\"><img src=\"../../images/shot.png\" alt=\"安装界面\"><figcaption>安装界面</figcaption></figure>",
            "<p class=\"tab-title\">macOS</p>",
            "<p class=\"tab-title\">Windows</p>",
            "<meta name=\"description\" content=\"如何安装。\">",
            ">入门</a>",
        ],
    );
    // A ref by a page's name alone finds it anywhere in the site, as Hugo's does (Dapr's docs
    // link nearly everything so); a folder's name, its page. A theme's button is a link.
    has(
        &install,
        &[
            "href=\"../../reference/api/cli_api/#%E5%85%A8%E9%83%A8%E5%91%BD%E4%BB%A4\">命令行</a>",
            "href=\"../../reference/\">参考</a>",
            "<a href=\"../../reference/api/cli_api/\">查看命令</a>",
        ],
    );
    has(
        &read(&out, "reference/api/cli_api/index.html"),
        &["href=\"../../../docs/install/\">安装指南</a>"],
    );
    // A shortcode not understood keeps what it shows as text, as text: a card's heading. A
    // video is a link to it.
    has(
        &install,
        &[
            "<a href=\"https://www.youtube.com/watch?v=abc123\">▶ YouTube abc123</a>",
            "<p><strong>&lt;b&gt;华兴&lt;/b&gt; 的实践</strong></p>\n<p>华兴证券是企业用户。</p>",
        ],
    );
    assert!(
        !install.contains("logo.png"),
        "an image argument is no text"
    );
    let config = read(&out, "docs/config/index.html");
    has(&config, &["href=\"../install/\">安装</a>"]);
    // linkTitle is the article's title in navigation lists.
    let siblings = &config[config.find("class=\"siblings\"").unwrap()..];
    has(siblings, &["install/\">安装</a>"]);
    assert!(!siblings.contains("安装指南"));
    has(
        &log,
        &[
            "the Hugo shortcode `{{< card header=",
            "docs/install.md:33",
            "`no_list` (Docsy, 1 file)",
        ],
    );
}

#[test]
fn zola() {
    let s = Scratch::new("m-zola");
    let (out, log) = migrate("zola", &s);
    has(
        &read(&out, "blog/first/index.html"),
        &["href=\"../second/\">第二篇</a>"],
    );
    assert!(
        out.join("tags/公告/index.html").is_file(),
        "[taxonomies] tags"
    );
    has(&log, &["`template = \"index.html\"` (Zola, 1 file)"]);
}

#[test]
fn mdbook_summary_orders_and_nests() {
    let s = Scratch::new("m-mdbook");
    let (out, log) = migrate("mdbook", &s);
    let home = read(&out, "index.html");
    has(&home, &["这是一本书。", "基础篇", "前言"]);
    let part = read(&out, "基础篇/index.html");
    assert!(part.find("第一章").unwrap() < part.find("第二章").unwrap());
    has(
        &read(&out, "chapter_1/index.html"),
        &["第一章 开始", "小节内容"],
    );
    // A part's title is a section; a prefix chapter is in the book; a chapter without a heading
    // of its own takes SUMMARY.md's label as mdBook does.
    has(&part, &["<h1>基础篇</h1>"]);
    has(
        &read(&out, "preface/index.html"),
        &["<title>前言 - ", "<h1>前言</h1>", "感谢阅读。"],
    );
    // What SUMMARY.md does not list (here, commented out) mdBook does not build.
    assert!(!out.join("draft").exists());
    has(
        &log,
        &[
            "1 Markdown file is left out: SUMMARY.md does not list it",
            "mdbook/content/SUMMARY.md",
        ],
    );
}

#[test]
fn an_mdbook_readme_summary_does_not_list_is_left_out() {
    // The Rust book's src/README.md is an old table of contents SUMMARY.md does not list: mdBook
    // builds without it; here it was the home page, and its 18 dead links failed the build.
    let files = [
        ("helpcenter.yaml", "title: t\n"),
        (
            "content/SUMMARY.md",
            "# Summary\n\n[前言](foreword.md)\n\n- [第一章](ch01.md)\n",
        ),
        ("content/README.md", "# 旧目录\n\n- [旧章节](ch99.md)\n"),
        ("content/foreword.md", "# 前言\n\n正文。\n"),
        ("content/ch01.md", "# 第一章\n\n正文。\n"),
    ];
    let s = site_of("m-mdbook-readme", &files);
    s.write("site/book.toml", "[book]\ntitle = \"书\"\n");
    let (out, log) = built(&s);
    assert!(!read(&out, "index.html").contains("旧章节"));
    has(
        &log,
        &["1 Markdown file is left out: SUMMARY.md does not list it"],
    );
    // GitBook (no book.toml) publishes its README.md, listed or not: its introduction.
    let s = site_of("m-gitbook-readme", &files);
    let o = build(&s.path().join("site"), &out, &[]);
    assert!(!o.status.success());
    has(&stderr(&o), &["ch99.md"]);
}

#[cfg(unix)]
#[test]
fn a_tool_config_beside_content_may_be_a_link() {
    // The usual setup for docs kept elsewhere: `content` and the tool's config both link there.
    let s = site_of(
        "m-config-link",
        &[
            ("helpcenter.yaml", "title: t\n"),
            ("content/a.md", "# 甲\n\n见[乙](/guide/b)。\n"),
            ("content/b.md", "# 乙\n\n正文。\n"),
        ],
    );
    s.write(
        "docs/docusaurus.config.js",
        "export default { presets: [['classic', { docs: { routeBasePath: 'guide' } }]] };\n",
    );
    std::os::unix::fs::symlink(
        s.path().join("docs/docusaurus.config.js"),
        s.path().join("site/docusaurus.config.js"),
    )
    .unwrap();
    let (out, _) = built(&s);
    has(&read(&out, "a/index.html"), &["<a href=\"../b/\">乙</a>"]);
    // In content/, a link out of it is still not followed.
    std::fs::remove_file(s.path().join("site/docusaurus.config.js")).unwrap();
    std::os::unix::fs::symlink(
        s.path().join("docs/docusaurus.config.js"),
        s.path().join("site/content/docusaurus.config.js"),
    )
    .unwrap();
    let o = build(&s.path().join("site"), &out, &[]);
    has(
        &stderr(&o),
        &["links to a file outside the site: it is not read"],
    );
}

/// Starlight and Rspress keep their config above the docs folder `content` links to (Starlight's
/// `src/content/docs/zh-cn/`, Rspress's `docs/zh/`): found there, their front-matter keys are
/// theirs and ignored with a note (the docs failed with 5 and 45 errors), Starlight's
/// `sidebar: { order, label }` orders and labels, and its `template: splash` names no template.
#[test]
fn starlight_and_rspress_docs_build_through_a_link() {
    let s = site_of("m-project-tool", &[("helpcenter.yaml", "title: 文档\n")]);
    let star = "starlight/src/content/docs/zh-cn";
    s.write(
        "starlight/astro.config.mjs",
        "export default defineConfig({ integrations: [starlight({ sidebar: [\n  { label: 'Start Here', translations: { 'zh-CN': '从这里开始' }, items: ['intro', { label: 'Env', slug: 'env', translations: { 'zh-CN': '环境' } }] },\n  { label: 'Guides', translations: { 'zh-CN': '指南' }, items: [{ autogenerate: { directory: 'guides' } }] },\n] })] });\n",
    );
    s.write(&format!("{star}/intro.md"), "# 介绍\n\n正文。\n");
    s.write(&format!("{star}/env.md"), "# 环境影响\n\n正文。\n");
    s.write(
        &format!("{star}/404.md"),
        "---\ntitle: '404'\ntemplate: splash\n---\n\n找不到。\n",
    );
    s.write(&format!("{star}/guides/c.md"), "# 丙\n\n正文。\n");
    s.write(
        &format!("{star}/index.mdx"),
        "---\ntitle: 首页\ntemplate: splash\nhero:\n  tagline: 欢迎\n---\n\n正文。\n",
    );
    s.write(
        &format!("{star}/guides/b.md"),
        "---\ntitle: 乙\ntableOfContents:\n  maxHeadingLevel: 4\nsidebar:\n  order: 1\n  label: 乙的标签\n---\n\n见[甲](/zh-cn/guides/a/)。\n",
    );
    s.write(
        &format!("{star}/guides/a.md"),
        "---\ntitle: 甲\nsidebar:\n  order: 2\n---\n\n正文。\n",
    );
    std::fs::create_dir_all(s.path().join("site")).unwrap();
    std::os::unix::fs::symlink(s.path().join(star), s.path().join("site/content")).unwrap();
    let (out, log) = built(&s);
    has(
        &log,
        &[
            "`tableOfContents` (Starlight",
            "`template: splash` (Starlight",
        ],
    );
    let guides = read(&out, "guides/index.html");
    // Ordered by `sidebar.order`, not by title; labelled by `sidebar.label` in navigation.
    assert!(
        guides.find(">乙<").unwrap() < guides.find(">甲<").unwrap(),
        "{guides}"
    );
    let a = read(&out, "guides/a/index.html");
    let siblings = &a[a.find("class=\"siblings\"").unwrap()..];
    has(siblings, &[">乙的标签<"]);
    // Without a place, by file name (c after the placed a and b), as Starlight's generated
    // sidebar lists them.
    assert!(guides.find(">甲<").unwrap() < guides.find(">丙<").unwrap());
    // The sidebar: its groups in order, labelled in the docs' language; a group that is a
    // folder titles it.
    let home = read(&out, "index.html");
    let nav = &home[home.find("class=\"site-nav\"").unwrap()..];
    assert!(
        nav.find(">从这里开始<").unwrap() < nav.find(">指南<").unwrap(),
        "{nav}"
    );
    has(
        &read(&out, "从这里开始/index.html"),
        &[">介绍<", ">环境影响<"],
    );
    // Starlight's 404 page is no article: helpcenter writes its own.
    assert!(!out.join("404/index.html").exists());
    has(&log, &["404.md is Starlight's page"]);
    has(
        &read(&out, "guides/b/index.html"),
        &["<a href=\"../a/\">甲</a>"],
    );

    let r = site_of("m-project-rspress", &[("helpcenter.yaml", "title: 文档\n")]);
    r.write("website/rspress.config.ts", "export default {};\n");
    r.write(
        "website/docs/zh/guide/a.mdx",
        "---\ntitle: 甲\ntag: new\noverviewHeaders: [2]\n---\n\n见[乙](/zh/guide/b)。\n",
    );
    r.write("website/docs/zh/guide/b.mdx", "# 乙\n\n正文。\n");
    std::os::unix::fs::symlink(
        r.path().join("website/docs/zh"),
        r.path().join("site/content"),
    )
    .unwrap();
    let (out, log) = built(&r);
    has(&log, &["`tag` (Rspress", "`overviewHeaders` (Rspress"]);
    has(
        &read(&out, "guide/a/index.html"),
        &["<a href=\"../b/\">乙</a>"],
    );
    // Elsewhere `tag` is a slip of `tags`.
    let t = site_of(
        "m-tag-slip",
        &[
            ("helpcenter.yaml", "title: 文档\n"),
            ("content/a.md", "---\ntitle: 甲\ntag: x\n---\n\n正文。\n"),
        ],
    );
    let o = build(&t.path().join("site"), &t.path().join("public"), &[]);
    assert!(!o.status.success());
    has(&stderr(&o), &["unknown key `tag`"]);
}

/// Mintlify's docs (Dify's Chinese help center) through a link to their `zh/` folder: the
/// docs.json beside it says it is Mintlify's, so its keys and the site's own are ignored (the
/// docs failed with 111 errors), its navigation in Chinese orders the site, and its components
/// show what they hold: tab, step and accordion titles (lost on 59, 45 and 35 pages), linked
/// cards, captions, fields, and a self-closed `<iframe />` no longer hides the rest of the page.
#[test]
fn mintlify_docs_build_through_a_link() {
    let s = site_of(
        "m-mintlify",
        &[("helpcenter.yaml", "title: 帮助中心\nlanguage: zh\n")],
    );
    s.write(
        "dify/docs.json",
        r#"{"$schema": "https://mintlify.com/docs.json", "navigation": {"languages": [
          {"language": "en", "tabs": [{"tab": "Use", "pages": ["en/cloud/b"]}]},
          {"language": "zh", "products": [
            {"product": "云服务", "tabs": [
              {"tab": "使用", "pages": ["zh/cloud/b", "zh/cloud/a"]},
              {"tab": "学习", "pages": ["zh/learn/l"]}]},
            {"product": "自部署", "tabs": [
              {"tab": "部署", "pages": ["zh/self-host/d"]},
              {"tab": "学习", "pages": ["zh/learn/l"]}]}]}]}}"#,
    );
    s.write(
        "dify/zh/cloud/a.mdx",
        "---\ntitle: 甲页\nsidebarTitle: 甲\nstandard_title: A page\ndimensions:\n  level: beginner\n---\n\n<Tabs>\n  <Tab title=\"短文本\">\n    短的。\n  </Tab>\n  <Tab title=\"段落\">\n    长的。\n  </Tab>\n</Tabs>\n\n<Steps>\n  <Step title=\"点击发布\">\n    然后等待。\n  </Step>\n  <Step title=\"复制链接\">\n    完成。\n  </Step>\n</Steps>\n\n<AccordionGroup>\n  <Accordion title=\"存储在 S3\">\n    填写密钥。\n  </Accordion>\n</AccordionGroup>\n\n<Card title=\"乙页\" icon=\"book\" href=\"/zh/cloud/b\">\n  去乙。\n</Card>\n\n<Frame caption=\"设置面板\">\n  ![面板](/zh/cloud/p.png)\n</Frame>\n\n<ParamField path=\"en_US\" type=\"string\" required>\n  英语。\n</ParamField>\n\n<Danger>\n  会删除数据。\n</Danger>\n\n<iframe\n  className=\"w-full\"\n  src=\"https://www.youtube.com/embed/x\"\n  allowFullScreen\n/>\n\n## 之后\n\n<div className=\"mt-6\">\n\n    <Card title=\"缩进的卡片\">\n      卡片正文。\n    </Card>\n\n</div>\n\n**例子**：\n\n    ```json\n    {\"a\": 1}\n    ```\n\n<CodeGroup>\n```bash macOS / Linux\nchmod +x x\n```\n\n```powershell Windows {1}\nGet-Item x\n```\n</CodeGroup>\n\n```python Image URL\nprint(1)\n```\n\n最后一段。\n",
    );
    s.write("dify/zh/cloud/p.png", "png");
    // Mintlify serves its project's folder at the root: `/images/…` is dify/images/….
    s.write("dify/images/use/panel.png", "png2");
    s.write("dify/images/unused.png", "png3");
    std::os::unix::fs::symlink("/etc/hostname", s.path().join("dify/images/out.png")).unwrap();
    s.write(
        "dify/zh/cloud/b.mdx",
        "---\ntitle: 乙页\n---\n\n> 本文档由 AI 自动翻译。\n\n正文。\n\n![面板](/images/use/panel.png)\n",
    );
    s.write("dify/zh/learn/l.mdx", "---\ntitle: 学一课\n---\n\n正文。\n");
    s.write(
        "dify/zh/self-host/d.mdx",
        "---\ntitle: 部署页\nmode: wide\n---\n\n正文。\n",
    );
    s.write("dify/en/cloud/b.mdx", "---\ntitle: B\n---\n\nText.\n");
    std::fs::create_dir_all(s.path().join("site")).unwrap();
    std::os::unix::fs::symlink(s.path().join("dify/zh"), s.path().join("site/content")).unwrap();
    let (out, log) = built(&s);
    has(&log, &["`mode` (Mintlify", "`standard_title`"]);
    let a = read(&out, "cloud/a/index.html");
    has(
        &a,
        &[
            "<p class=\"tab-title\">短文本</p>",
            "<p class=\"tab-title\">段落</p>",
            "<ol class=\"steps\">",
            "id=\"step-2\"",
            "<p class=\"step-title\">复制链接</p>",
            "<summary>存储在 S3</summary>",
            "<p class=\"card-title\"><a href=\"../b/\">乙页</a></p>",
            "<figcaption>设置面板</figcaption>",
            "<code>en_US</code> <span class=\"field-type\">string</span>",
            "必填",
            "class=\"callout callout-caution\"",
            "class=\"w-full\"",
            "allowFullScreen /></iframe>",
            "<h2 id=\"之后\"",
            "<p class=\"card-title\">缩进的卡片</p>",
            "<p class=\"tab-title\">macOS / Linux</p>",
            "<p class=\"tab-title\">Windows</p>",
            "<p class=\"code-title\">Image URL</p>",
            "最后一段。",
        ],
    );
    // Indented MDX is no code; an indented fence is a fence, and ends where it ends.
    assert!(!a.contains("&lt;Card"), "{a}");
    assert!(text_with_code(&a).contains("{\"a\": 1}"), "{a}");
    assert!(!text_with_code(&a).contains("```"), "{a}");
    // The navigation: docs.json's Chinese labels in its order, a tab both products list once,
    // after them; `sidebarTitle` names the page in navigation.
    let home = read(&out, "index.html");
    let nav = &home[home.find("class=\"site-nav\"").unwrap()..];
    let at = |w: &str| nav.find(w).unwrap_or_else(|| panic!("{w} in {nav}"));
    assert!(at(">云服务<") < at(">自部署<") && at(">自部署<") < at(">学习<"));
    let b = read(&out, "cloud/b/index.html");
    let siblings = &b[b.find("class=\"siblings\"").unwrap()..];
    has(siblings, &[">甲<"]);
    assert!(siblings.find(">乙页<").unwrap() < siblings.find(">甲<").unwrap());
    assert!(!out.join("en").exists());
    has(&b, &["src=\"../../images/use/panel.png\""]);
    // A quote before the text (the translation banner) is not what describes the page.
    has(&b, &["<meta name=\"description\" content=\"正文。\">"]);
    assert_eq!(
        std::fs::read(out.join("images/use/panel.png")).unwrap(),
        b"png2"
    );
    // Only what a page links to is published, and never through a link out of the project.
    assert!(!out.join("images/unused.png").exists() && !out.join("images/out.png").exists());
}

/// A one-language Mintlify project keeps its docs.json among its pages (`mint.json` before
/// 2025, whose `navigation` is a list of groups): copied to content/, it is Mintlify's too.
#[test]
fn a_mintlify_project_copied_whole_is_mintlifys() {
    let s = site_of(
        "m-mintlify-one",
        &[
            ("helpcenter.yaml", "title: 帮助\n"),
            (
                "content/mint.json",
                r#"{"navigation": [{"group": "开始", "pages": ["b", "a"]}]}"#,
            ),
            (
                "content/a.mdx",
                "---\ntitle: 甲\nsidebarTitle: 甲短\n---\n\n正文。\n",
            ),
            (
                "content/b.mdx",
                "---\ntitle: 乙\nmode: wide\n---\n\n正文。\n",
            ),
        ],
    );
    let (out, log) = built(&s);
    has(&log, &["`mode` (Mintlify"]);
    let a = read(&out, "a/index.html");
    let siblings = &a[a.find("class=\"siblings\"").unwrap()..];
    assert!(
        siblings.find(">乙<").unwrap() < siblings.find(">甲短<").unwrap(),
        "{siblings}"
    );
}

/// dumi's docs (its own, in Chinese) through a link to `docs/`: the `.dumirc.ts` beside it says
/// they are dumi's, so `nav`, `group` and `order` (the place: weight) are read, not errors (34
/// files failed the build), `toc: content` is a table of contents, and the home page's hero
/// and features say what they said.
#[test]
fn dumi_docs_build_through_a_link() {
    let s = site_of(
        "m-dumi",
        &[("helpcenter.yaml", "title: dumi\nlanguage: zh\n")],
    );
    s.write("dumi/.dumirc.ts", "export default {};\n");
    s.write(
        "dumi/docs/index.md",
        "---\ntitle: dumi - 静态站点框架\nhero:\n  title: dumi\n  description: 为组件研发而生\nfeatures:\n  - title: 开箱即用\n    description: 接入简单。\n---\n",
    );
    s.write(
        "dumi/docs/guide/b.md",
        "---\nnav: 指南\ngroup:\n  title: 基础\n  order: 0\norder: 2\n---\n\n# 乙\n\n正文。\n\n<!-- shared -->\n\n共用的一段。\n\n<!-- shared end -->\n\n不共用。\n",
    );
    s.write(
        "dumi/docs/guide/a.md",
        "---\nnav: 指南\ngroup:\n  title: 基础\n  order: 0\norder: 1\ntoc: content\n---\n\n# 甲\n\n## 一\n\n<embed src=\"./b.md#RE-/<!-- shared[^]+ shared end -->/\"></embed>\n\n## 二\n\n<code src=\"./demos/cols.tsx\"></code>\n\n## 三\n\n<embed src=\"./b.md#L15-L15\"></embed>\n",
    );
    s.write(
        "dumi/docs/guide/demos/cols.tsx",
        "export default () => <Cols />;\n",
    );
    // The top navigation: each folder titled and placed by its pages' `nav`.
    s.write(
        "dumi/docs/guide/index.md",
        "---\nnav:\n  title: 指南\n  order: -1\n---\n\n# 什么是 dumi\n\n正文。\n",
    );
    s.write(
        "dumi/docs/plugin/index.md",
        "---\nnav:\n  title: 插件\n  order: 1\n---\n\n# 如何工作\n\n正文。\n",
    );
    s.write("dumi/docs/plugin/api.md", "# API\n\n正文。\n");
    s.write(
        "dumi/docs/config/a.md",
        "---\nnav: 配置项\n---\n\n# 编译时配置\n\n正文。\n",
    );
    std::fs::create_dir_all(s.path().join("site")).unwrap();
    std::os::unix::fs::symlink(s.path().join("dumi/docs"), s.path().join("site/content")).unwrap();
    let (out, log) = built(&s);
    has(&log, &["`nav` (dumi", "`group` (dumi"]);
    let guide = read(&out, "guide/index.html");
    assert!(
        guide.find(">甲<").unwrap() < guide.find(">乙<").unwrap(),
        "{guide}"
    );
    let a = read(&out, "guide/a/index.html");
    has(
        &a,
        &[
            "class=\"toc\"",
            "<p>共用的一段。</p>",
            "class=\"language-tsx\"",
        ],
    );
    // The part the expression matches, and the lines named: no more.
    assert_eq!(a.matches("<p>共用的一段。</p>").count(), 2, "{a}");
    assert!(
        !a.contains("不共用") && !a.contains("&lt;embed") && !a.contains("<embed"),
        "{a}"
    );
    assert!(
        text_with_code(&a).contains("export default () => <Cols />;"),
        "{a}"
    );
    let home = read(&out, "index.html");
    has(&home, &["为组件研发而生", "接入简单。"]);
    let nav = &home[home.find("class=\"site-nav\"").unwrap()..];
    let at = |w: &str| nav.find(w).unwrap_or_else(|| panic!("{w} in {nav}"));
    assert!(at(">指南<") < at(">配置项<") && at(">配置项<") < at(">插件<"));
}

/// vuepress-theme-hope's Chinese docs through a link to `src/zh/`, its `.vuepress/` beside:
/// `tag` is its tags (145 files failed on it as a slip of `tags`), `order`, `shortTitle` and a
/// folder's `dir: { order, text }` place and name, `@tab` opens a tab of `::: tabs` and
/// `::: code-tabs` (128 showed as text), and `pagePatterns`' `!**/*.snippet.md` leaves the
/// snippets out.
#[test]
fn vuepress_hope_docs_build_through_a_link() {
    let s = site_of(
        "m-hope",
        &[("helpcenter.yaml", "title: 文档\nlanguage: zh\n")],
    );
    s.write(
        "hope/src/.vuepress/config.ts",
        "export default defineUserConfig({\n  pagePatterns: [\"**/*.md\", \"!**/*.snippet.md\", \"!.vuepress\"],\n});\n",
    );
    s.write(
        "hope/src/zh/guide/README.md",
        "---\ntitle: 指南总览\ndir:\n  order: 2\n  text: 指南\n---\n\n正文。\n",
    );
    s.write(
        "hope/src/zh/start/README.md",
        "---\ntitle: 快速上手\ndir:\n  order: 1\n---\n\n正文。\n",
    );
    s.write(
        "hope/src/zh/start/b.md",
        "---\ntitle: 创建项目\norder: 2\ntag:\n  - 安装\n---\n\n正文。\n",
    );
    s.write(
        "hope/src/zh/start/a.md",
        "---\ntitle: 运行环境设置\nshortTitle: 环境\norder: 1\ncategory:\n  - 使用指南\nicon: env\n---\n\n::: code-tabs#shell\n\n@tab pnpm\n\n```bash\npnpm add vuepress\n```\n\n@tab:active npm\n\n```bash\nnpm i vuepress\n```\n\n:::\n\n::: tabs#fruit\n\n@tab apple#apple\n\n苹果。\n\n@tab 香蕉\n\n香蕉。\n\n:::\n",
    );
    s.write(
        "hope/src/zh/guide/demo.snippet.md",
        "片段，没有标题。\n\n<!-- #region snippet -->\n\n区域里的**一段**。\n\n<!-- #endregion snippet -->\n\n第九行。\n",
    );
    s.write(
        "hope/src/zh/guide/part.snippet.md",
        "---\ntitle: 部分\ndescription: 共享\n---\n\n整段引入。\n",
    );
    s.write(
        "hope/src/zh/guide/x.md",
        "# 功能\n\n<!-- @include: ./demo.snippet.md#snippet -->\n\n<!-- @include: ./demo.snippet.md{9-9} -->\n\n<!-- @include: @md-enhance/zh/a.md -->\n\n<!-- @include: ./part.snippet.md -->\n",
    );
    std::fs::create_dir_all(s.path().join("site")).unwrap();
    std::os::unix::fs::symlink(s.path().join("hope/src/zh"), s.path().join("site/content"))
        .unwrap();
    let (out, log) = built(&s);
    has(
        &log,
        &[
            "pagePatterns",
            "`category` (VuePress",
            "through an alias of the site's config",
        ],
    );
    let x = read(&out, "guide/x/index.html");
    has(
        &x,
        &["<p>区域里的<strong>一段</strong>。</p>", "<p>第九行。</p>"],
    );
    assert!(!x.contains("片段") && !x.contains("@include"), "{x}");
    // A whole file comes without its front matter.
    has(&x, &["<p>整段引入。</p>"]);
    assert!(!x.contains("description: 共享"), "{x}");
    assert!(!out.join("guide/demo.snippet").exists());
    let a = read(&out, "start/a/index.html");
    has(
        &a,
        &[
            "<p class=\"tab-title\">pnpm</p>",
            "<p class=\"tab-title\">npm</p>",
            "<p class=\"tab-title\">apple</p>",
            "<p class=\"tab-title\">香蕉</p>",
        ],
    );
    assert!(!a.contains("@tab"), "{a}");
    // `order` places, `shortTitle` names in navigation, `tag` tags.
    let start = read(&out, "start/index.html");
    assert!(
        start.find(">运行环境设置<").unwrap() < start.find(">创建项目<").unwrap(),
        "{start}"
    );
    let b = read(&out, "start/b/index.html");
    has(&b[b.find("class=\"siblings\"").unwrap()..], &[">环境<"]);
    has(&b, &["安装"]);
    assert!(out.join("tags").read_dir().unwrap().count() > 0);
    // `dir.order` places the folders, `dir.text` names one.
    let home = read(&out, "index.html");
    let nav = &home[home.find("class=\"site-nav\"").unwrap()..];
    assert!(
        nav.find(">快速上手<").unwrap() < nav.find(">指南<").unwrap(),
        "{nav}"
    );
}

/// DCloud's VuePress docs (uni-app's, 526 files) as they are: pages open with a `##` heading
/// VuePress takes for the title (273 failed the build without a title), a folder's
/// `_sidebar.md` links from its folder (116 more had no title), headings carry their id after
/// `@` as the config's slugify reads them (244 anchors were broken), a `::: preview` of quoted
/// names and code is code tabs (shown twice, as source), tables aligned with tabs are tables
/// (82 pages showed pipes), `**平台差异说明**` is no description, and the navbar file names the
/// folders.
#[test]
fn dcloud_vuepress_docs_build_through_a_link() {
    let s = site_of(
        "m-dcloud",
        &[("helpcenter.yaml", "title: 文档\nlanguage: zh-CN\n")],
    );
    s.write(
        "uni/docs/.vuepress/config.js",
        "const { slugify } = require('@vuepress/shared-utils')\nmodule.exports = {\n  markdown: {\n    slugify (str) {\n      let slug = str\n      if (slug.includes('@')) {\n        let array = slug.split('@')\n        slug = array[array.length - 1]\n      }\n      return slugify(slug)\n    },\n  },\n}\n",
    );
    s.write(
        "uni/docs/.vuepress/config/navbar.js",
        "export const navbar = [{ text: 'uni-app', items: [\n  { text: '全局文件', link: '/collocation/pages' },\n] }]\n",
    );
    s.write("uni/docs/README.md", "## 什么是 uni-app\n\n正文。\n");
    s.write(
        "uni/docs/_sidebar.md",
        "* [什么是 uni-app](README.md)\n* [快速上手](quickstart.md)\n",
    );
    s.write(
        "uni/docs/quickstart.md",
        "## uni-app快速上手\n\n### 1. 可视化界面\n\n第一种。\n\n# 2. 命令行\n\n第二种，见[生命周期](collocation/pages.md#lifecycle)。\n",
    );
    s.write(
        "uni/docs/collocation/_sidebar.md",
        "* 配置```{\"collapsable\": true}```\n  * [pages.json 页面路由](pages.md)\n  * [日志](log.md)\n",
    );
    s.write(
        "uni/docs/collocation/pages.md",
        "**平台差异说明**\n\n|App|H5\t\t|\n|:-|:-\t\t|\n|√\t|√|\n\n页面路由的配置。\n\n## 页面生命周期@lifeCycle\n\n::: preview https://hellouniapp.dcloud.net.cn/pages/a\n> Template\n```vue\n<template></template>\n```\n> Script\n```js\nexport default {}\n```\n:::\n",
    );
    s.write("uni/docs/collocation/log.md", "打印日志的说明。\n");
    std::fs::create_dir_all(s.path().join("site")).unwrap();
    std::os::unix::fs::symlink(s.path().join("uni/docs"), s.path().join("site/content")).unwrap();
    let (out, log) = built(&s);
    assert!(!log.contains("has no title"), "{log}");
    let quick = read(&out, "quickstart/index.html");
    has(
        &quick,
        &[
            "<title>uni-app快速上手 - 文档</title>",
            "2. 命令行<a class=\"heading-anchor\"",
            "href=\"../collocation/pages/#lifecycle\"",
        ],
    );
    let pages = read(&out, "collocation/pages/index.html");
    has(
        &pages,
        &[
            "<table>",
            "id=\"lifecycle\"",
            "页面生命周期<a class=\"heading-anchor\" href=\"#lifecycle\"",
            "<p class=\"tab-title\">Template</p>",
            "<p class=\"tab-title\">Script</p>",
            "href=\"https://hellouniapp.dcloud.net.cn/pages/a\"",
            "<meta name=\"description\" content=\"页面路由的配置。",
        ],
    );
    assert!(
        !pages.contains("@lifeCycle") && !pages.contains("::: preview"),
        "{pages}"
    );
    assert!(!pages.contains("|:-|"), "{pages}");
    // The folder's sidebar names its pages, from its folder.
    let log_page = read(&out, "collocation/log/index.html");
    has(&log_page, &["<h1", ">日志<"]);
    let home = read(&out, "index.html");
    let nav = &home[home.find("class=\"site-nav\"").unwrap()..];
    has(nav, &[">全局文件<"]);
    assert!(!home.contains("collapsable"), "{home}");
}

/// hello-algo's Chinese docs (MkDocs Material): a chapter's nav label names its section in
/// navigation (排序 showed where the site says 第 1 章 排序), `&nbsp;` in a label is a space
/// (shown as written on 99 pages), an untitled `!!! question` is a question (43 read 说明),
/// `\newline` ends a row, math in a callout's title is typeset, and a description reads a
/// formula as text. A VitePress sidebar's link text to a folder's page names that page only.
#[test]
fn hello_algo_mkdocs_docs_build_through_a_link() {
    let s = site_of(
        "m-algo",
        &[("helpcenter.yaml", "title: 算法\nlanguage: zh-CN\n")],
    );
    s.write(
        "algo/mkdocs.yml",
        "site_name: T\nmarkdown_extensions:\n  - admonition\n  - pymdownx.arithmatex:\n      generic: true\nnav:\n  - 第 1 章 &nbsp; 排序:\n    - sort/index.md\n    - 1.1 &nbsp; 快速排序: sort/quick.md\n",
    );
    s.write("algo/docs/index.md", "# 首页\n\n欢迎。\n");
    s.write("algo/docs/sort/index.md", "# 排序\n\n排序章节。\n");
    s.write(
        "algo/docs/sort/quick.md",
        "# 快速排序\n\n下界为 $\\Omega(n \\log n)$ ，一半是 $\\frac{1}{2}$ 。\n\n!!! question\n\n    输入一个数组。\n\n!!! tip \"$O(\\log n)$ 的底数是多少？\"\n\n    可以省略。\n\n$$\n\\begin{aligned}\nT(n) & = 2n + 1 \\newline\n& = O(n)\n\\end{aligned}\n$$\n",
    );
    std::fs::create_dir_all(s.path().join("site")).unwrap();
    std::os::unix::fs::symlink(s.path().join("algo/docs"), s.path().join("site/content")).unwrap();
    let (out, log) = built(&s);
    assert!(!log.contains("shown as its TeX source"), "{log}");
    let quick = read(&out, "sort/quick/index.html");
    let nav = &quick[quick.find("class=\"site-nav\"").unwrap()..];
    has(nav, &[">第 1 章 排序<"]);
    assert!(!quick.contains("&amp;nbsp;"), "{quick}");
    has(
        &quick,
        &[
            "</span>问题</p>",
            "<meta name=\"description\" content=\"下界为 Ω(n log n) ，一半是 1/2 。\">",
            "<mtable",
        ],
    );
    let title = &quick[quick.find("callout-tip").unwrap()..];
    assert!(
        title[..title.find("</p>").unwrap()].contains("<math"),
        "{title}"
    );
    // The chapter's own page keeps its heading.
    has(&read(&out, "sort/index.html"), &["<h1", ">排序<"]);

    // A VitePress sidebar's text for a folder's page is that page's.
    let v = site_of(
        "m-vp-label",
        &[
            ("helpcenter.yaml", "title: 文档\nlanguage: zh-CN\n"),
            (
                "content/.vitepress/config.js",
                "export default { themeConfig: { sidebar: { '/guide/': [{ text: '指南', items: [{ text: '简介', link: '/guide/' }, { text: '快速开始', link: '/guide/start' }] }] } } }\n",
            ),
            ("content/guide/index.md", "# 指南简介\n\n正文。\n"),
            ("content/guide/start.md", "# 快速开始\n\n正文。\n"),
        ],
    );
    let (out, _) = built(&v);
    let home = read(&out, "index.html");
    has(
        &home[home.find("class=\"site-nav\"").unwrap()..],
        &[">指南简介<"],
    );
}

/// An `.mdx` page reads as MDX reads it (Starlight's and Rspress's docs): component content is
/// Markdown however indented (Starlight's install tabs showed their fences as text), a tag may
/// go on over lines (88 link cards were invisible), JavaScript props and expressions are left
/// out with a warning (their source was the page's text), `\{#id}` is a heading's id, and
/// Starlight's components show their titles.
#[test]
fn mdx_pages_read_as_mdx() {
    let s = site_of(
        "m-mdx",
        &[
            ("helpcenter.yaml", "title: 文档\n"),
            (
                "content/install.mdx",
                "---\ntitle: 安装\n---\n\nimport { Tabs, TabItem, LinkCard, CardGrid, Aside } from '@astrojs/starlight/components';\n\n<Tabs syncKey=\"pkg\">\n    <TabItem label=\"npm\">\n        ```sh\n        npx astro add starlight\n        ```\n    </TabItem>\n    <TabItem label=\"pnpm\">\n        ```sh\n        pnpm astro add starlight\n        ```\n    </TabItem>\n</Tabs>\n\n<CardGrid>\n\t<LinkCard\n\t\ttitle=\"博客\"\n\t\tdescription=\"添加一个博客。\"\n\t\thref=\"https://example.com/blog\"\n\t/>\n</CardGrid>\n\n<SidebarPreview\n\tconfig={[\n\t\t{ label: '仙女座', link: '' },\n\t]}\n/>\n\n<Aside type=\"caution\" title=\"当心\">\n    在 `<Aside>` 中写 *补充* 信息。\n</Aside>\n\n## CSS 变量 \\{#css-variables}\n\n见[变量](#css-variables)。\n\n<PackageManagerTabs command=\"add rss -D\" />\n\n```js ins={2} del={1} 'title=\"x\"'\nold();\nnew();\n```\n\n<SourceCode href=\"https://example.com/src\" />\n",
            ),
        ],
    );
    let (out, log) = built(&s);
    let page = read(&out, "install/index.html");
    has(
        &page,
        &[
            "<p class=\"tab-title\">npm</p>",
            "<p class=\"tab-title\">pnpm</p>",
            "<span class=\"hl-f\">pnpm</span> astro add starlight",
            "<p class=\"link-card\"><a href=\"https://example.com/blog\">博客</a> — 添加一个博客。</p>",
            "class=\"callout callout-warning\"",
            "<p>在 <code>&lt;Aside&gt;</code> 中写 <em>补充</em> 信息。</p>",
            "<h2 id=\"css-variables\">CSS 变量",
            "<a href=\"#css-variables\">变量</a>",
            "<p class=\"tab-title\">yarn</p>",
            "yarn</span> add rss",
            "class=\"line del\"",
            "class=\"line add\"",
            "<a href=\"https://example.com/src\">源码</a>",
        ],
    );
    assert!(
        !page.contains("code-title"),
        "a quoted text marker is no title"
    );
    for leaked in [
        "```",
        "config={",
        "仙女座",
        "&lt;SidebarPreview",
        "\\{#",
        "&lt;LinkCard",
    ] {
        assert!(!page.contains(leaked), "{leaked} in:\n{page}");
    }
    has(
        &log,
        &[
            "the JavaScript expression `config={…}` on this page is left out",
            "install.mdx:28",
        ],
    );
}

/// What the MDX reading leaves alone (found by review): TeX's braces, heading ids written
/// `{#id}` and `{/* #id */}`, braces in a code block in a quote, a `{` in prose (MDX would not
/// build it: the text stays), an import shown in a code block (the page it names stays a page),
/// Docusaurus's imported pages (routes of their own there), and `<CodeBlock>{`…`}</CodeBlock>`
/// is a code block.
#[test]
fn mdx_reading_keeps_what_mdx_keeps() {
    let s = site_of(
        "m-mdx-keeps",
        &[
            ("helpcenter.yaml", "title: t\nmath: true\n"),
            ("docusaurus.config.js", "export default {};\n"),
            (
                "content/a.mdx",
                "# 甲\n\n公式 $\\frac{1}{2}$ 与\n\n$$\nx^{10}\n$$\n\n## Install {#install}\n\n## Configure {/* #configure */}\n\n> ```js\n> const a = {b: 1};\n> ```\n\nPress { to open.\n\nLast line.\n\n```md\nimport Intro from './intro.md';\n```\n\nimport Shared from './shared.mdx';\n\n<Shared />\n\nimport CodeBlock from '@theme/CodeBlock';\n\n<CodeBlock language=\"js\">\n{`function f() {\n  return 1;\n}`}\n</CodeBlock>\n",
            ),
            ("content/intro.md", "# 介绍\n\n正文。\n"),
            ("content/shared.mdx", "# 共享\n\n共享的话。\n"),
            ("content/02-untitled.mdx", "无题的片段。\n"),
            (
                "content/b.md",
                "# 乙\n\n[装](a.mdx#install)、[配](a.mdx#configure)、[共享](shared.mdx)。\n",
            ),
        ],
    );
    let (out, log) = built(&s);
    let a = read(&out, "a/index.html");
    assert_eq!(a.matches("<math").count(), 2, "{a}");
    has(
        &a,
        &[
            "id=\"install\"",
            "id=\"configure\"",
            "<p>Press { to open.</p>",
            "Last line.",
            "共享的话。",
        ],
    );
    assert!(text_with_code(&a).contains("const a = {b: 1};"), "{a}");
    assert!(
        text_with_code(&a).contains("function f() {\n  return 1;\n}"),
        "{a}"
    );
    assert!(!log.contains("JavaScript expression"), "{log}");
    // Both are pages of their own: Docusaurus publishes an imported page.
    assert!(out.join("intro/index.html").is_file() && out.join("shared/index.html").is_file());
    // One without a title is titled by its id (its file's name), as Docusaurus titles it.
    has(
        &read(&out, "untitled/index.html"),
        &["<h1>untitled</h1>", "无题的片段。"],
    );
}

/// Rspress's `_meta.json` orders each folder and labels its files and folders (a label may be a
/// key of the project's `i18n.json`), its `_nav.json` names and orders the top folders, and a
/// page an MDX page imports (`<ContainerSyntax />` of `import ContainerSyntax from
/// '../fragments/x.mdx'`) shows there, read as the page is; the config's `route.exclude` leaves
/// the fragments out (its 6 fragments failed the build with "no title"; 10 pages lost 280
/// lines).
#[test]
fn rspress_meta_nav_and_imported_pages() {
    let s = site_of("m-rspress", &[("helpcenter.yaml", "title: 文档\n")]);
    let docs = "website/docs/zh";
    s.write(
        "website/rspress.config.ts",
        "export default defineConfig({ route: { exclude: ['**/fragments/**'] } });\n",
    );
    s.write(
        "website/i18n.json",
        "{ \"gettingStarted\": { \"zh\": \"开始\", \"en\": \"Getting started\" } }\n",
    );
    for (rel, text) in [
        (
            "_nav.json",
            "[{ \"text\": \"插件\", \"activeMatch\": \"/plugin/\" }, { \"text\": \"指南\", \"link\": \"/guide/start/intro\" }]",
        ),
        (
            "guide/_meta.json",
            "[{ \"type\": \"dir-section-header\", \"name\": \"start\", \"label\": \"gettingStarted\" }]",
        ),
        (
            "guide/start/_meta.json",
            "[\"intro\", { \"type\": \"file\", \"name\": \"ai\", \"label\": \"AI 助手\" }, \"getting-started\"]",
        ),
        (
            "guide/start/intro.mdx",
            "# 介绍\n\nimport Part from '../../fragments/part.mdx';\n\n前文。\n\n<Part />\n\n后文。\n",
        ),
        ("guide/start/ai.mdx", "# AI\n\n正文。\n"),
        ("guide/start/getting-started.mdx", "# 快速开始\n\n正文。\n"),
        (
            "plugin/a.mdx",
            "# 插件甲\n\nimport Loop from '@zh/fragments/loop.mdx';\n\n<Loop />\n\n```tsx file=\"./_demo.tsx\"\n\n```\n",
        ),
        ("plugin/_demo.tsx", "export const demo = 42;\n"),
        (
            "fragments/part.mdx",
            "import Inner from './inner.mdx';\n\n:::tip\n片段的提示。\n:::\n\n<Inner />\n",
        ),
        ("fragments/inner.mdx", "内层的话。\n"),
        (
            "fragments/loop.mdx",
            "import Loop from './loop.mdx';\n\n又一层。\n\n<Loop />\n",
        ),
    ] {
        s.write(&format!("{docs}/{rel}"), text);
    }
    std::os::unix::fs::symlink(s.path().join(docs), s.path().join("site/content")).unwrap();
    let (out, log) = built(&s);
    let start = read(&out, "guide/start/index.html");
    has(&start, &["<h1>开始</h1>"]);
    let order: Vec<usize> = [">介绍<", ">AI<", ">快速开始<"]
        .iter()
        .map(|t| start.find(t).unwrap_or_else(|| panic!("{t} in {start}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let home = read(&out, "index.html");
    let nav = &home[home.find("class=\"site-nav\"").unwrap()..];
    assert!(
        nav.find(">插件<").unwrap() < nav.find(">指南<").unwrap(),
        "{nav}"
    );
    has(&read(&out, "guide/start/ai/index.html"), &[">AI 助手<"]);
    let intro = read(&out, "guide/start/intro/index.html");
    has(
        &intro,
        &["callout callout-tip", "片段的提示。", "内层的话。"],
    );
    assert!(
        !intro.contains(":::") && !intro.contains("import "),
        "{intro}"
    );
    assert!(!out.join("fragments").exists());
    has(&log, &["import each other more than 10 deep"]);
    let looped = read(&out, "plugin/a/index.html");
    let prose =
        &looped[looped.find("class=\"prose\"").unwrap()..looped.find("</article>").unwrap()];
    assert_eq!(prose.matches("又一层。").count(), 10);
    // A code block that names its file shows the file's code.
    has(&text_with_code(prose), &["export const demo = 42;"]);
}

/// A copy of a language's folder keeps its links from the root under the language's URL path
/// (`/zh-cn/…` in Starlight's Chinese docs, `/zh/…` in Rspress's), whatever the copy is named.
#[test]
fn a_copied_language_folder_keeps_its_language_links() {
    let s = site_of(
        "m-lang-copy",
        &[
            ("helpcenter.yaml", "title: 文档\nlanguage: zh-CN\n"),
            (
                "content/a.md",
                "# 甲\n\n见[乙](/zh-cn/guides/b/)和[乙](/zh/guides/b)。\n",
            ),
            ("content/guides/b.md", "# 乙\n\n正文。\n"),
        ],
    );
    let (out, _) = built(&s);
    has(
        &read(&out, "a/index.html"),
        &["<a href=\"../guides/b/\">乙</a>和<a href=\"../guides/b/\">乙</a>"],
    );
}

/// VuePress 1's docs keep each language in a folder (`docs/zh`) and the files served at the
/// root in `docs/.vuepress/public`: with `content` linked to the language's folder those are
/// not read, and a note says how to publish them; done so, the links resolve.
#[test]
fn a_language_folder_says_where_its_public_files_are() {
    let s = site_of(
        "m-vuepress-lang",
        &[("helpcenter.yaml", "title: t\nlinks: warn\n")],
    );
    s.write(
        "docs/zh/README.md",
        "# 首页\n\n![架构](/architecture.png)\n",
    );
    s.write("docs/.vuepress/public/architecture.png", "png");
    std::os::unix::fs::symlink(s.path().join("docs/zh"), s.path().join("site/content")).unwrap();
    let (out, log) = built(&s);
    let public = s.path().join("docs/.vuepress/public");
    has(
        &log,
        &[
            "VuePress serves the files of",
            "link to a missing page: `/architecture.png`",
            &format!("ln -s '{}'", public.display()),
        ],
    );
    assert!(!out.join("architecture.png").exists());
    std::os::unix::fs::symlink(&public, s.path().join("site/static")).unwrap();
    let (out, log) = built(&s);
    assert!(
        !log.contains("VuePress serves") && !log.contains("missing"),
        "{log}"
    );
    assert_eq!(read(&out, "architecture.png"), "png");
}

/// Repositories written on Windows or by hand name Markdown `README.MD` or `Setup.Md`: pages
/// like any other, their links found either way.
#[test]
fn markdown_extensions_in_any_case_are_pages() {
    let s = site_of(
        "m-upper-md",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                "content/guide/README.MD",
                "# 指南\n\n先看[安装](Setup.Md)，再看[配置](config.md)。\n",
            ),
            (
                "content/guide/Setup.Md",
                "# 安装\n\n回到[指南](README.MD)。\n",
            ),
            ("content/guide/config.MARKDOWN", "# 配置\n\n正文。\n"),
        ],
    );
    let (out, log) = built(&s);
    assert!(!log.contains("missing"), "{log}");
    has(
        &read(&out, "guide/index.html"),
        &[
            "<a href=\"Setup/\">安装</a>",
            "<a href=\"config/\">配置</a>",
        ],
    );
    has(
        &read(&out, "guide/Setup/index.html"),
        &["<a href=\"../\">指南</a>"],
    );
}

#[test]
fn mdbook_includes_show_the_files_they_name() {
    // The Rust book: each code block is one `{{#rustdoc_include ../listings/…:anchor}}` line,
    // shown raw as the block's code.
    let s = site_of(
        "m-mdbook-include",
        &[
            ("helpcenter.yaml", "title: t\n"),
            ("book.toml", "[book]\ntitle = \"书\"\n"),
            ("content/SUMMARY.md", "# Summary\n\n- [第一章](ch01.md)\n"),
            (
                "content/ch01.md",
                "# 第一章\n\n```rust\n{{#rustdoc_include ../listings/main.rs:print}}\n```\n\n{{#include ../listings/part.md}}\n\n- 一项\n\n  ```rust\n  {{#include ../listings/main.rs:1:1}}\n  ```\n\n```\n{{#include ../listings/main.rs:nope}}\n```\n\n{{#include ../../secret.txt}}\n\n{{#include ../.git/config}}\n",
            ),
            (
                "listings/main.rs",
                "fn main() {\n    // ANCHOR: print\n    println!(\"你好\");\n    // ANCHOR_END: print\n}\n",
            ),
            ("listings/part.md", "引入的**段落**。\n"),
        ],
    );
    s.write("secret.txt", "私密\n");
    s.write("site/.git/config", "[http] extraheader = 令牌\n");
    let (out, log) = built(&s);
    let page = read(&out, "ch01/index.html");
    has(&page, &["你好", "引入的<strong>段落</strong>。"]);
    assert!(!page.contains("ANCHOR"), "anchor lines are the book's");
    assert!(!page.contains("{{#"), "{page}");
    assert!(
        !page.contains("私密"),
        "a file outside the site and the book is not read"
    );
    assert!(!page.contains("令牌"), "nor a hidden one");
    // The list item's block keeps its indentation: it stays in the item.
    let item = &page[page.find("一项").unwrap()..];
    assert!(
        item[..item.find("</li>").unwrap()].contains("main()"),
        "{item}"
    );
    has(
        &log,
        &[
            "has no anchor `nope`",
            "`../../secret.txt` is outside the site and the book's folder",
            "ch01.md:19",
            "`../.git/config` is a hidden file",
        ],
    );
}

#[test]
fn an_included_file_s_own_includes_are_read_from_its_folder() {
    // mdBook reads includes in included files (a chapter assembled from shared parts) from the
    // included file's folder, ten deep; they were left in the page as `{{#include …}}` text.
    let s = site_of(
        "m-mdbook-nested",
        &[
            ("helpcenter.yaml", "title: t\n"),
            ("book.toml", "[book]\ntitle = \"书\"\n"),
            ("content/SUMMARY.md", "# Summary\n\n- [第一章](ch01.md)\n"),
            (
                "content/ch01.md",
                "# 第一章\n\n开头。\n\n{{#include parts/intro.md}}\n\n结尾。\n\n{{#include parts/self.md}}\n",
            ),
            (
                "content/parts/intro.md",
                "## 引言\n\n```rust\n{{#include ../../listings/main.rs:print}}\n```\n\n{{#include missing.md}}\n\n```markdown\n--8<-- \"header.md\"\n```\n",
            ),
            (
                "listings/main.rs",
                "fn main() {\n    // ANCHOR: print\n    println!(\"你好\");\n    // ANCHOR_END: print\n}\n",
            ),
            ("content/parts/self.md", "自我。\n\n{{#include self.md}}\n"),
        ],
    );
    let (out, log) = built(&s);
    let page = read(&out, "ch01/index.html");
    has(&page, &["<h2 id=\"引言\">", "你好", "结尾。"]);
    assert!(!page.contains("{{#"), "{page}");
    assert!(!page.contains("ANCHOR"), "{page}");
    // PyMdown's snippet line in a sample mdBook included is text, as mdBook shows it.
    assert!(page.contains("--8&lt;--"), "{page}");
    // A file that includes itself stops at mdBook's depth, with one warning.
    assert_eq!(page.matches("自我。").count(), 10, "{page}");
    has(
        &log,
        &[
            "`{{#include missing.md}}`, in `parts/intro.md` included here, shows nothing: there is no file `missing.md`",
            "ch01.md:5",
            "includes nest more than 10 deep here",
            "ch01.md:9",
        ],
    );
    assert_eq!(log.matches("nest more than").count(), 1, "{log}");
}

#[test]
fn a_title_repeated_as_the_first_heading_shows_once() {
    // docker_practice (GitBook): no `# ` title, the label in SUMMARY.md, and the page opening
    // with it as `## 1.1 快速上手` (169 of its 205 pages); TiDB's dm-binlog-event-filter.md the
    // same under a front-matter title. Both showed the title twice.
    let s = site_of(
        "m-title-h2",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                "content/SUMMARY.md",
                "# Summary\n\n- [1.1 快速上手](quick.md)\n- [过滤](filter.md)\n- [其他](other.md)\n",
            ),
            (
                "content/quick.md",
                "## 1.1 快速上手\n\n正文。\n\n### 准备代码\n\n步骤。\n",
            ),
            (
                "content/filter.md",
                "---\ntitle: Binlog 事件过滤\n---\n\n## Binlog 事件过滤\n\n正文。\n\n## 配置\n\n内容。\n",
            ),
            (
                "content/other.md",
                "---\ntitle: 其他\n---\n\n## 简介\n\n正文。\n\n## 其他\n\n第二个标题与题目相同，但不是第一个，留着。\n",
            ),
        ],
    );
    let (out, _) = built(&s);
    for (page, title) in [("quick", "1.1 快速上手"), ("filter", "Binlog 事件过滤")] {
        let html = read(&out, &format!("{page}/index.html"));
        let body = &html[html.find("<h1").unwrap()..html.find("</article>").unwrap()];
        assert_eq!(
            body.matches(&format!(">{title}<")).count(),
            1,
            "{page}: {body}"
        );
    }
    has(
        &read(&out, "quick/index.html"),
        &["<h1 id=\"11-快速上手\">1.1 快速上手</h1>", "准备代码"],
    );
    let other = read(&out, "other/index.html");
    has(&other, &["<h2 id=\"简介\">", "<h2 id=\"其他\">"]);
}

#[cfg(unix)]
#[test]
fn an_include_never_reads_the_system_through_a_linked_book_toml() {
    // Found by this session's attacker: `book.toml -> /etc` made `/` a folder includes could
    // read, and a page published /etc/passwd and the build's environment.
    let s = site_of(
        "m-include-escape",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                "content/a.md",
                "# 甲\n\n```\n{{#include /etc/passwd}}\n```\n\n```\n{{#include /proc/self/environ}}\n```\n",
            ),
        ],
    );
    std::os::unix::fs::symlink("/etc", s.path().join("site/book.toml")).unwrap();
    let out = s.path().join("public");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_helpcenter"))
        .args(["build", "--root"])
        .arg(s.path().join("site"))
        .arg("--output")
        .arg(&out)
        .env("HC_TEST_SECRET", "s3cr3t-value")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "a/index.html");
    assert!(
        !page.contains("root:") && !page.contains("s3cr3t"),
        "{page}"
    );
    has(
        &stderr(&o),
        &["`/etc/passwd` is outside the site and the book's folder"],
    );
}

/// Docsify: `_sidebar.md` is the navigation, links are from the site root (and `?id=x` is an
/// anchor), notices and heading ids are its own; `_navbar.md` and `_coverpage.md` are no pages.
#[test]
fn docsify() {
    let s = Scratch::new("m-docsify");
    let (out, log) = migrate("docsify", &s);
    let start = read(&out, "guide/quickstart/index.html");
    has(
        &start,
        &[
            "<h1 id=\"start\">快速开始</h1>",
            "<title>快速开始 - ",
            "callout callout-tip",
            "先装好 Node.js。",
            "callout callout-important",
            "<strong>不要</strong>直接改生成的文件。",
            "标记和文字在同一行。",
            "<a href=\"../config/#theme-color\">配置的主题项</a>",
            "<a href=\"../themes/\">主题</a>",
        ],
    );
    // Two notices and one alert: the tip's box twice, the important one once.
    assert_eq!(start.matches("callout callout-tip").count(), 2, "{start}");
    has(
        &read(&out, "guide/config/index.html"),
        &["<h2 id=\"theme-color\">主题颜色<a class=\"heading-anchor\""],
    );
    let home = read(&out, "index.html");
    assert!(home.find("入门").unwrap() < home.find("进阶").unwrap());
    has(&read(&out, "入门/index.html"), &["快速开始", "配置"]);
    assert!(!out.join("_navbar").exists() && !out.join("_coverpage").exists());
    has(
        &log,
        &["2 Markdown files named with a leading `_` (or in a `_` folder) are left out"],
    );
}

/// VuePress: `.vuepress/public/` is served at the root (its config is not read or published),
/// its home and page front matter is ignored with the note, a title's `<Badge>` is a badge.
#[test]
fn vuepress() {
    let s = Scratch::new("m-vuepress");
    let (out, log) = migrate("vuepress", &s);
    has(
        &read(&out, "index.html"),
        &["<img src=\"public/logo.png\" alt=\"标志\""],
    );
    assert!(out.join("public/logo.png").is_file());
    assert!(!out.join(".vuepress").exists() && !out.join("public/config.js").exists());
    has(
        &read(&out, "guide/getting-started/index.html"),
        &[
            "<h1 id=\"快速上手\">快速上手 <span class=\"badge badge-warning\">beta</span></h1>",
            "<title>快速上手 - ",
            "class=\"callout callout-tip\"",
        ],
    );
    has(
        &log,
        &[
            "`metaTitle` (VuePress, 1 file)",
            "`sidebarDepth` (VuePress, 1 file)",
        ],
    );
    // The sidebar of .vuepress/config.js: its order (not the titles') and its labels.
    let page = read(&out, "guide/getting-started/index.html");
    let siblings = &page[page.find("class=\"siblings\"").unwrap()..];
    assert!(
        siblings.find(">快速上手<").unwrap() < siblings.find(">安装与升级<").unwrap(),
        "{siblings}"
    );
    assert!(!log.contains("built by code"), "{log}");
}

/// MkDocs: `nav:` in mkdocs.yml beside content/ orders and labels the pages (its Python tags
/// notwithstanding); a group over a folder's index page is that folder's section; a group with
/// no title is none; `!!!` admonitions and PyMdown blocks are callouts.
#[test]
fn mkdocs() {
    let s = Scratch::new("m-mkdocs");
    let (out, log) = migrate("mkdocs", &s);
    let path = read(&out, "tutorial/path/index.html");
    let siblings = &path[path.find("class=\"siblings\"").unwrap()..];
    assert!(
        siblings.find("路径参数").unwrap() < siblings.find("第一步").unwrap(),
        "the nav's order and label: {siblings}"
    );
    has(
        &path,
        &["class=\"callout callout-tip\"", "路径参数写在花括号里。"],
    );
    let first = read(&out, "tutorial/first-steps/index.html");
    has(
        &first,
        &[
            "class=\"callout callout-note\"",
            "先安装。",
            // Content tabs: one set of two, their code fenced again.
            "<div class=\"tabs\">\n<section class=\"tab\"><p class=\"tab-title\">pip</p>",
            "<section class=\"tab\"><p class=\"tab-title\">docker</p>",
            "<code class=\"language-sh\">",
            "<details class=\"details callout-tip\" open><summary>打开的提示</summary>",
        ],
    );
    assert!(!first.contains("==="), "{first}");
    // The footnote comes after the text that follows it.
    assert!(first.find("两种方式都行").unwrap() > first.find("已展开").unwrap());
    has(
        &read(&out, "tutorial/index.html"),
        &["<h1 id=\"教程\">教程", "教程的说明。"],
    );
    assert!(out.join("about/index.html").is_file() && !out.join("-").exists());
    // Material's own keys and a page without a title, as MkDocs takes them: the keys ignored
    // (`template` names Material's template), the title made of the file's name.
    has(
        &read(&out, "getting-started/upgrade-guide/index.html"),
        &["<h1>Upgrade guide</h1>", "本页没有标题"],
    );
    has(
        &log,
        &[
            "`template: redirect.html` (MkDocs, 1 file)",
            "`social` (its theme's own, 1 file)",
        ],
    );
}

#[test]
fn a_tools_config_beside_a_linked_docs_folder_is_read() {
    // As the README says to migrate: a folder with a helpcenter.yaml and `content` linked to
    // the docs. MkDocs's `mkdocs.yml` and mdBook's `book.toml` are beside those docs, not
    // beside the link: unread, the nav's order was lost, Material's `social` key was an
    // error, and the book's listings were "outside the site".
    let s = Scratch::new("m-linked-config");
    s.write(
        "proj/mkdocs.yml",
        "site_name: Demo\nnav:\n  - Home: index.md\n  - Zeta first: zeta.md\n  - Alpha second: alpha.md\n",
    );
    s.write("proj/docs/index.md", "# Demo\n\nHome.\n");
    s.write("proj/docs/alpha.md", "# Alpha\n\nA.\n");
    s.write(
        "proj/docs/zeta.md",
        "---\nsocial:\n  cards: false\n---\n\n# Zeta\n\nZ.\n",
    );
    s.write("site/helpcenter.yaml", "title: t\nlanguage: en\n");
    std::os::unix::fs::symlink("../proj/docs", s.path().join("site/content")).unwrap();
    s.write("book/book.toml", "[book]\ntitle = \"Book\"\n");
    s.write("book/src/SUMMARY.md", "# Summary\n\n- [Chapter](ch.md)\n");
    s.write(
        "book/src/ch.md",
        "# Chapter\n\n```rust\n{{#include ../listings/x.rs}}\n```\n",
    );
    s.write("book/listings/x.rs", "fn listed() {}\n");
    s.write("book-site/helpcenter.yaml", "title: t\nlanguage: en\n");
    std::os::unix::fs::symlink("../book/src", s.path().join("book-site/content")).unwrap();

    let out = s.path().join("public");
    let o = build(&s.path().join("site"), &out, &[]);
    let log = stderr(&o);
    assert!(o.status.success(), "{log}");
    assert!(log.contains("`social` (its theme's own, 1 file)"), "{log}");
    has(
        &read(&out, "alpha/index.html"),
        &[
            "<li><a href=\"../zeta/\">Zeta first</a></li><li><a href=\"../alpha/\" aria-current=\"page\">Alpha second</a></li>",
        ],
    );

    let o = build(&s.path().join("book-site"), &out, &[]);
    let log = stderr(&o);
    assert!(o.status.success(), "{log}");
    assert!(!log.contains("outside the site"), "{log}");
    has(&read(&out, "ch/index.html"), &["listed"]);

    // Not from a folder anyone may write in (another user's `mkdocs.yml` in /tmp), nor from a
    // home folder (`content -> ~/docs`): there the key is an error again, as with no config.
    use std::os::unix::fs::PermissionsExt;
    let proj = s.path().join("proj");
    std::fs::set_permissions(&proj, std::fs::Permissions::from_mode(0o777)).unwrap();
    let o = build(&s.path().join("site"), &out, &[]);
    assert!(
        stderr(&o).contains("unknown key `social`"),
        "{}",
        stderr(&o)
    );
    std::fs::set_permissions(&proj, std::fs::Permissions::from_mode(0o755)).unwrap();
    let o = bin()
        .args(["build", "--root"])
        .arg(s.path().join("site"))
        .arg("--output")
        .arg(&out)
        .env("HOME", &proj)
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("unknown key `social`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn gitbook() {
    let s = Scratch::new("m-gitbook");
    let (out, _) = migrate("gitbook", &s);
    has(
        &read(&out, "getting-started/index.html"),
        &["class=\"callout callout-note\"", "先注册账号。"],
    );
    has(
        &read(&out, "getting-started/install/index.html"),
        &["<p class=\"tab-title\">Android</p>"],
    );
    has(&read(&out, "index.html"), &["入门"]);
}

#[test]
fn a_toc_md_gives_groups_order_and_labels() {
    let s = Scratch::new("m-tocmd");
    let (out, _) = migrate("tocmd", &s);
    let home = read(&out, "index.html");
    has(&home, &["关于产品", "参考"]);
    let group = read(&out, "关于产品/index.html");
    has(&group, &["产品简介", "部署"]);
    // A group whose pages are all in one folder is that folder's section (部署 over sub/);
    // one over pages of several folders has a URL of its own (关于产品).
    has(
        &read(&out, "sub/index.html"),
        &["<h1>部署</h1>", "部署指南"],
    );
    assert!(!out.join("关于产品/部署").exists());
    let overview = read(&out, "overview/index.html");
    has(
        &overview,
        &[
            "产品由 示例公司 开发",
            "content=\"由 示例公司 开发。\"",
            "href=\"../sub/deploy/#%E5%87%86%E5%A4%87\"",
        ],
    );
    // The heading that repeats the title is the page's h1, variables in it replaced, and keeps
    // its id for links written against it.
    // Navigation labels show variables with their values.
    let siblings = &overview[overview.find("class=\"siblings\"").unwrap()..];
    has(siblings, &[">示例公司 常见问题</a>"]);
    has(
        &overview,
        &["<h1 id=\"示例公司-产品简介\">示例公司 产品简介</h1>"],
    );
    has(
        &read(&out, "reference/index.html"),
        &[
            "href=\"../overview/#%E7%A4%BA%E4%BE%8B%E5%85%AC%E5%8F%B8-%E4%BA%A7%E5%93%81%E7%AE%80%E4%BB%8B\"",
        ],
    );
    assert!(out.join("docs/overview/index.html").is_file(), "aliases");
    has(&read(&out, "ai/index.html"), &["快速开始"]);
    assert!(
        !files(&out).iter().any(|f| f.starts_with("TOC")),
        "navigation files are no pages"
    );
}

/// A navigation group is named by its label; its URL never differs from a page's only by case,
/// which on macOS and Windows disks and in a zip file is the same path (Material for MkDocs:
/// the group "Getting started" beside getting-started.md, "Changelog" beside changelog/).
#[test]
fn a_nav_groups_url_never_differs_from_a_pages_only_by_case() {
    let s = site_of(
        "m-nav-case",
        &[
            ("helpcenter.yaml", "title: Docs\nlanguage: en\n"),
            (
                "mkdocs.yml",
                "nav:\n  - Getting started:\n    - Installation: getting-started.md\n  - Insiders:\n    - insiders/index.md\n    - Changelog:\n      - insiders/changelog/index.md\n  - Search:\n    - Setting up search: setup-search.md\n",
            ),
            ("content/getting-started.md", "# Installation\n\nText.\n"),
            // A group named as helpcenter's own search page is.
            ("content/setup-search.md", "# Setting up search\n\nText.\n"),
            // No title: the folder goes by the group's label, not by its name.
            ("content/insiders/index.md", "Text.\n"),
            (
                "content/insiders/changelog/index.md",
                "# Changelog\n\nText.\n",
            ),
        ],
    );
    let (out, log) = built(&s);
    assert!(!log.contains("differ only by case"), "{}", log);
    let mut lower: Vec<String> = files(&out).iter().map(|f| f.to_lowercase()).collect();
    let n = lower.len();
    lower.sort();
    lower.dedup();
    assert_eq!(lower.len(), n, "{:?}", files(&out));
    let home = read(&out, "index.html");
    let nav = &home[home.find("class=\"site-nav\"").unwrap()..];
    has(nav, &[">Insiders<"]);
    assert!(!nav.contains(">insiders<"), "{nav}");
}

/// A navigation group whose pages all live in one folder is that folder's section: its page is
/// where its articles' URLs say (Material for MkDocs's `Blogs:` over `tutorials/blogs/`, once
/// `tutorials/Blogs-2/`). A folder split over groups side by side is none of them, and the
/// folder a navigation file orders is never one of its groups.
#[test]
fn a_nav_group_over_one_folder_is_that_folders_section() {
    let s = site_of(
        "m-nav-folder",
        &[
            ("helpcenter.yaml", "title: Docs\nlanguage: en\n"),
            (
                "mkdocs.yml",
                "nav:\n  - Tutorials:\n    - Overview: tutorials.md\n    - Blogs:\n      - tutorials/blogs/basic.md\n      - tutorials/blogs/engage.md\n  - Intro:\n    - guide/why.md\n  - Using it:\n    - guide/features.md\n",
            ),
            ("content/tutorials.md", "# Tutorials\n\nText.\n"),
            (
                "content/tutorials/blogs/basic.md",
                "# Basic blog\n\nText.\n",
            ),
            ("content/tutorials/blogs/engage.md", "# Engage\n\nText.\n"),
            ("content/guide/why.md", "# Why\n\nText.\n"),
            ("content/guide/features.md", "# Features\n\nText.\n"),
            ("content/ref/TOC.md", "- All\n  - [A](a.md)\n"),
            ("content/ref/_index.md", "---\ntitle: Reference\n---\n"),
            ("content/ref/a.md", "# A\n\nText.\n"),
        ],
    );
    let (out, _) = built(&s);
    let blogs = read(&out, "tutorials/blogs/index.html");
    has(&blogs, &["<h1>Blogs</h1>", ">Basic blog<", ">Engage<"]);
    has(
        &read(&out, "tutorials/blogs/basic/index.html"),
        &["<a href=\"../../../tutorials/blogs/\">Blogs</a>"],
    );
    assert!(!out.join("Tutorials/Blogs").exists() && !out.join("Blogs").exists());
    // guide/ is split over Intro and Using it: each keeps a page of its own.
    has(&read(&out, "Intro/index.html"), &[">Why<"]);
    has(&read(&out, "Using-it/index.html"), &[">Features<"]);
    // The folder TOC.md orders keeps its own title; its group is a section within it.
    has(&read(&out, "ref/index.html"), &["<h1>Reference</h1>"]);
    has(&read(&out, "ref/All/index.html"), &[">A<"]);
}

/// A front-matter title's code spans (TiDB's ``title: 通过系统变量 `x` 读取``) are code in the
/// `<h1>` and plain text everywhere text is shown; a `# ` heading repeating the title is shown
/// once, though a warning or a left-out Vue block comes before it; a heading that differs
/// (a Vite blog post's) is still the page's `<h1>`.
#[test]
fn titles_show_once_and_read_as_text_outside_the_h1() {
    let s = site_of(
        "m-titles",
        &[
            (
                "helpcenter.yaml",
                "title: 站点\nbase_url: https://example.org/\n",
            ),
            ("content/_index.md", "---\ntitle: 首页\n---\n"),
            (
                "content/tidb-read-staleness.md",
                "---\ntitle: 通过系统变量 `tidb_read_staleness` 读取历史数据\ndate: 2024-01-01\ntags: [读]\n---\n\n\
                 # 通过系统变量 `tidb_read_staleness` 读取历史数据\n\n正文，见[快照](snap.md)。\n",
            ),
            (
                "content/snap.md",
                "---\ntitle: 将 Grafana 监控数据导出成快照\ntags: [读]\nrelated: [tidb-read-staleness.md]\n---\n\n\
                 > **警告：**\n>\n> - 不再维护。\n\n# 将 Grafana   监控数据导出成快照\n\n## 使用\n\n正文。\n",
            ),
            (
                "content/ack.md",
                "---\ntitle: Acknowledgements\n---\n\n<script setup>\nconst a = 1\n</script>\n\n\
                 # 致谢 {#acknowledgements}\n\n感谢。\n",
            ),
            (
                "content/vite5.md",
                "---\ntitle: Vite 5.0 is out!\n---\n\n# Vite 5.0 发布了！{#vite-5-0-is-out}\n\n_2023年11月16日_\n",
            ),
            (
                "content/other.md",
                "---\ntitle: 另一篇\n---\n\n> 引言\n\n# 不同的标题\n\n正文。\n",
            ),
        ],
    );
    let (out, _) = built(&s);
    let page = read(&out, "tidb-read-staleness/index.html");
    has(
        &page,
        &[
            "<title>通过系统变量 tidb_read_staleness 读取历史数据 - 站点</title>",
            "<code>tidb_read_staleness</code> 读取历史数据</h1>",
        ],
    );
    // Wherever the title is text: lists, related lists, breadcrumbs, feed, search.
    for f in [
        "index.html",
        "snap/index.html",
        "tags/读/index.html",
        "atom.xml",
    ] {
        let text = read(&out, f);
        assert!(
            text.contains("通过系统变量 tidb_read_staleness 读取历史数据"),
            "{f}"
        );
        assert!(!text.contains("`tidb_read_staleness`"), "{f}");
    }
    for f in files(&out).iter().filter(|f| f.starts_with("search/")) {
        assert!(!read(&out, f).contains("`tidb_read_staleness`"), "{f}");
    }
    let snap = read(&out, "snap/index.html");
    assert_eq!(snap.matches("<h1").count(), 1, "{snap}");
    assert!(snap.find("<h1").unwrap() < snap.find("callout-warning").unwrap());
    let ack = read(&out, "ack/index.html");
    assert_eq!(ack.matches("<h1").count(), 1, "{ack}");
    has(
        &ack,
        &[
            "<h1 id=\"acknowledgements\">致谢</h1>",
            "<title>Acknowledgements - 站点",
        ],
    );
    let vite5 = read(&out, "vite5/index.html");
    has(
        &vite5,
        &["<h1 id=\"vite-5-0-is-out\">Vite 5.0 发布了！</h1>"],
    );
    assert_eq!(vite5.matches("<h1").count(), 1);
    // A heading that is not the title, after other text, stays a heading of the body.
    let other = read(&out, "other/index.html");
    assert_eq!(other.matches("<h1").count(), 2, "{other}");
    has(
        &other,
        &["另一篇</h1>", ">不同的标题<a class=\"heading-anchor\""],
    );
}

/// The real corpora, when this machine has them: each builds with only a `helpcenter.yaml`
/// (`links: warn` for the links the sources themselves break), shows no other tool's syntax, and
/// every link and image of the output resolves but the ones the build warned about.
#[test]
fn real_corpora_build_as_their_authors_meant() {
    let corpora = repo().join("../shared/corpora");
    if !corpora.is_dir() {
        eprintln!("skipped: no ../shared/corpora on this machine");
        return;
    }
    for (name, config) in [
        ("es6tutorial", "title: ES6 入门\n"),
        ("vite-docs-cn", "title: Vite 中文文档\nlinks: warn\n"),
        (
            "tidb-docs-cn",
            "title: TiDB 文档\nlinks: warn\nvariables:\n  company: PingCAP\n  starter: TiDB Cloud Starter\n  essential: TiDB Cloud Essential\n  premium: TiDB Cloud Premium\n  tidb-operator-version: v1.6.1\n",
        ),
    ] {
        let source = corpora.join(name);
        if !source.is_dir() {
            eprintln!("skipped: no {}", source.display());
            continue;
        }
        let s = Scratch::new(&format!("corpus-{name}"));
        s.write("site/helpcenter.yaml", config);
        symlink_dir(&source, &s.path().join("site/content"));
        let out = s.path().join("public");
        let o = build(&s.path().join("site"), &out, &[]);
        let log = stderr(&o);
        assert!(o.status.success(), "{name}:\n{log}");
        assert_eq!(foreign_syntax(&out), Vec::<String>::new(), "{name}");
        let warned = warned_links(&log);
        // The summary line counts what a first migration left to mend.
        let summary = String::from_utf8_lossy(&o.stdout);
        assert_eq!(
            summary.contains("broken links left as written (links: warn)"),
            !warned.is_empty(),
            "{name}: {summary}"
        );
        let broken: Vec<String> = broken_links(&out, "/")
            .into_iter()
            .filter(|b| {
                !warned
                    .iter()
                    .any(|w| percent_decode(b).contains(w.as_str()))
            })
            .collect();
        assert_eq!(
            broken,
            Vec::<String>::new(),
            "{name}: broken and not warned about"
        );
        // Nearly every article lists related ones, each with a reason
        // (bench/related.mjs measures how good they are).
        let json: serde_json::Value = serde_json::from_str(&read(&out, "related.json")).unwrap();
        let articles = json["articles"].as_array().unwrap();
        let three = articles
            .iter()
            .filter(|a| a["related"].as_array().unwrap().len() >= 3)
            .count();
        assert!(
            three * 10 >= articles.len() * 9,
            "{name}: {three} of {} articles list 3 related or more",
            articles.len()
        );
        assert!(articles.iter().all(|a| {
            a["related"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["reason"].is_string())
        }));
    }
}

/// What a build warned about (`links: warn`), as the output shows it: the anchor (`#id`) of a
/// link to a missing anchor, the link as written otherwise (it stays as written).
fn warned_links(log: &str) -> Vec<String> {
    log.split("\n\n")
        .filter(|b| b.starts_with("warning: link") || b.starts_with("warning: alias"))
        .filter_map(|b| {
            let link = b.split('`').nth(1)?;
            Some(match link.split_once('#') {
                Some((_, frag)) if b.starts_with("warning: link to a missing anchor") => {
                    format!("#{frag}")
                }
                _ => link.to_owned(),
            })
        })
        .filter(|w| w.len() > 1)
        .collect()
}

#[cfg(unix)]
fn symlink_dir(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(not(unix))]
fn symlink_dir(target: &Path, link: &Path) {
    std::os::windows::fs::symlink_dir(target, link).unwrap();
}

/// Vue's docs keep their pages in `src/` (VitePress's `srcDir`) and the config beside it: with
/// `content` standing for `src`, the config beside `content/` is read. Keys of Vue's theme
/// (`page`, `ads`), and of the site's own theme beside them (`sponsors`), are ignored with the
/// other tools' keys; a page its theme draws from a component alone is left out with a note, and
/// an email autolink is no broken link (the three stopped Vue's real docs from building).
#[test]
fn a_vitepress_config_beside_content_is_read() {
    let s = site_of(
        "m-vitepress-srcdir",
        &[
            ("helpcenter.yaml", "title: 源目录\n"),
            (
                ".vitepress/config.mts",
                "export const sidebar = {\n  '/guide/': [\n    { text: '基础', items: [{ text: '第一', link: '/guide/one' }, { text: '第二', link: '/guide/two' }] }\n  ]\n}\nexport default { srcDir: 'src', srcExclude: ['**/part-*.md'], themeConfig: { sidebar, nav } }\nconst nav = [{ text: '参考', link: '/reference/' }, { text: '社区', items: [{ text: '常见问题', link: '/about/faq' }] }, { text: '关于', activeMatch: `^/about/` }]\n",
            ),
            // A part other pages include, which VitePress makes no page of.
            ("content/guide/part-intro.md", "# 片段\n\n被包含的片段。\n"),
            (
                "content/index.md",
                "---\npage: true\nads: false\n---\n\n# 首页\n",
            ),
            ("content/guide/index.md", "# 指南\n"),
            (
                "content/guide/themes.md",
                "---\npage: true\n---\n\n<script setup>\nimport ThemePage from './ThemePage.vue'\n</script>\n\n<ThemePage />\n",
            ),
            (
                "content/guide/sponsor.md",
                "---\nsidebar: false\nsponsors: false\n---\n\n# 赞助\n\n请写信到 <hello@vuejs.org>。\n",
            ),
            ("content/guide/two.md", "# 二\n\n第二篇。\n"),
            ("content/about/faq.md", "# 常见问题\n\n问与答。\n"),
            ("content/reference/api.md", "# 接口\n\n接口说明。\n"),
            ("content/guide/one.md", "# 一\n\n第一篇。\n"),
        ],
    );
    let (out, log) = built(&s);
    has(
        &log,
        &[
            "1 Markdown file is left out, as the VitePress config's srcExclude says",
            ".vitepress/config.mts:6",
            "a page is drawn by Vue components alone, with no title or text of its own: left out",
            "content/guide/themes.md",
            "`sponsors` (its theme's own, 1 file)",
        ],
    );
    assert!(!log.contains("warning: link"), "{}", log);
    has(
        &read(&out, "guide/sponsor/index.html"),
        &["<a href=\"mailto:hello@vuejs.org\">hello@vuejs.org</a>"],
    );
    assert!(!files(&out).iter().any(|f| f.contains("themes")));
    // Folders without an `_index.md` take the top navigation's names and order (`常见问题`
    // names a page, not its folder), before those it does not name.
    assert!(!log.contains("has no _index.md"), "{}", log);
    let home = read(&out, "index.html");
    let nav = &home[home.find("class=\"site-nav\"").unwrap()..];
    let at = |t: &str| {
        nav.find(&format!(">{t}<"))
            .unwrap_or_else(|| panic!("{t}: {nav}"))
    };
    assert!(at("参考") < at("关于") && at("关于") < at("指南"));
    let one = read(&out, "guide/one/index.html");
    has(&one, &["<a href=\"../../guide/基础/\">基础</a>"]);
    let siblings = &one[one.find("class=\"siblings\"").unwrap()..];
    // The sidebar's order and labels, not the alphabet's and the titles.
    assert!(siblings.find(">第一<").unwrap() < siblings.find(">第二<").unwrap());
    assert!(
        !files(&out)
            .iter()
            .any(|f| f.contains(".vitepress") || f.contains("part-intro"))
    );
    assert!(!read(&out, "related.json").contains("part-intro"));
}

/// Docusaurus orders its docs in `sidebars.js` beside the docs folder: categories become groups
/// in the sidebar's order, with its labels; doc ids name files without their extension or
/// number prefix; links elsewhere and generated lists are left to the folders. Links written
/// with the URL path the docs were served under (`/docs/…`) reach their pages.
#[test]
fn docusaurus_sidebars_order_the_docs() {
    let s = site_of(
        "m-docusaurus-sidebars",
        &[
            ("helpcenter.yaml", "title: 侧边栏\n"),
            (
                "sidebars.ts",
                "import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';\n\nconst sidebars: SidebarsConfig = {\n  docs: [\n    'intro',\n    {\n      type: 'category',\n      label: '上手',\n      items: ['start/02-second', { type: 'doc', id: 'start/first', label: '第一步' }, { type: 'link', label: '官网', href: 'https://example.com' }],\n    },\n  ],\n  api: { '参考': ['ref/a'] },\n};\n\nexport default sidebars;\n",
            ),
            (
                "content/intro.md",
                "# 介绍\n\n从这里开始，再看[参考](/docs/ref/a)。\n",
            ),
            (
                "content/start/01-first.md",
                "---\nid: first\n---\n\n# 第一\n\n先做这个。\n",
            ),
            ("content/start/02-second.md", "# 第二\n\n再做这个。\n"),
            ("content/ref/a.md", "# 甲\n\n参考甲。\n"),
        ],
    );
    let out = build_ok(&s.path().join("site"), &s);
    let second = read(&out, "start/second/index.html");
    // The category is the folder all its docs are in: its page is where their URLs say.
    has(&second, &["<a href=\"../../start/\">上手</a>"]);
    assert!(!out.join("上手").exists());
    let siblings = &second[second.find("class=\"siblings\"").unwrap()..];
    // The sidebar's order (second before first) and labels.
    assert!(siblings.find(">第二<").unwrap() < siblings.find(">第一步<").unwrap());
    has(
        &read(&out, "ref/a/index.html"),
        &["<a href=\"../../ref/\">参考</a>"],
    );
    assert!(!files(&out).iter().any(|f| f.contains("sidebars")));
    // Docusaurus served the docs under /docs/: links written so reach the page.
    has(
        &read(&out, "intro/index.html"),
        &["<a href=\"../ref/a/\">参考</a>"],
    );
}

/// A Hugo site (a config with `baseURL`) passes its pages' keys to its theme:
/// hugo-theme-learn's `chapter` and `pre` are ignored, not errors (Apache ElasticJob's docs
/// failed with 60). In a Zola site, as in helpcenter's, an unknown key is still an error.
#[test]
fn a_hugo_sites_theme_keys_are_ignored() {
    let page = "+++\ntitle = \"弹性调度\"\nweight = 1\npre = \"<b>1.1. </b>\"\nchapter = true\n+++\n\n弹性调度。\n";
    for (config, ok) in [
        (
            "baseURL = \"https://example.org/\"\ntheme = \"hugo-theme-learn\"\n",
            true,
        ),
        ("base_url = \"https://example.org/\"\n", false),
    ] {
        let s = site_of(
            "m-hugo-theme-keys",
            &[
                ("helpcenter.yaml", "title: 文档\n"),
                ("config.toml", config),
                ("content/features/elastic.md", page),
            ],
        );
        let o = build(&s.path().join("site"), &s.path().join("public"), &[]);
        assert_eq!(o.status.success(), ok, "{config}: {}", stderr(&o));
        let log = stderr(&o);
        if ok {
            has(
                &log,
                &[
                    "`chapter` (its theme's own, 1 file)",
                    "`pre` (its theme's own, 1 file)",
                ],
            );
        } else {
            has(&log, &["unknown keys `chapter`, `pre`"]);
        }
    }
}

/// A Docsy site as it is (CloudWeGo's docs failed on both): `content/search.md` with
/// `layout: search`, on every Docsy site, gives way to helpcenter's own search page; keys in
/// Hugo's other cases and an empty `lastmod` read as Hugo reads them.
#[test]
fn a_docsy_sites_search_page_and_capitalised_keys() {
    let s = site_of(
        "m-docsy",
        &[
            ("helpcenter.yaml", "title: 文档\n"),
            ("config.toml", "baseURL = \"https://example.org/\"\n"),
            (
                "content/search.md",
                "---\ntitle: Search Results\nlayout: search\n---\n",
            ),
            ("content/docs/_index.md", "---\ntitle: 文档\n---\n"),
            (
                "content/docs/start.md",
                "---\nTitle: 快速开始\nDescription: 五分钟上手\nlastmod: \"\"\nLinkTitle: 开始\n---\n\n先[搜索](/search/)。\n",
            ),
        ],
    );
    let (out, log) = built(&s);
    has(
        &log,
        &[
            "search.md",
            "`layout: search`) is left out: helpcenter's own search page is at /search/",
        ],
    );
    let page = read(&out, "docs/start/index.html");
    has(
        &page,
        &["<h1", "快速开始", "五分钟上手", "href=\"../../search/\""],
    );
    assert!(read(&out, "search/index.html").contains("type=\"search\""));
    assert!(!read(&out, "search/index.html").contains("Search Results"));
}

/// A multilingual Hugo site keeps each language in a folder (`content/zh`) served under its
/// name: with content/ a link to that folder, links written `/zh/docs/…` find their pages
/// (CloudWeGo's docs: 155 of their broken links).
#[cfg(unix)]
#[test]
fn links_under_the_language_folder_find_their_pages() {
    let s = site_of(
        "m-hugo-language",
        &[
            ("helpcenter.yaml", "title: 文档\n"),
            (
                "config.toml",
                "baseURL = \"https://example.org/\"\n[languages.zh]\ncontentDir = \"content/zh\"\n",
            ),
            ("hugo/content/zh/docs/_index.md", "---\ntitle: 文档\n---\n"),
            (
                "hugo/content/zh/docs/start.md",
                "---\ntitle: 快速开始\n---\n\n见[文档](/zh/docs/)、[首页](/zh/)和[概览](/zh/docs/overview/#安装)。\n",
            ),
            (
                "hugo/content/zh/docs/overview.md",
                "---\ntitle: 概览\n---\n\n## 安装\n\n正文。\n",
            ),
        ],
    );
    std::os::unix::fs::symlink(
        s.path().join("site/hugo/content/zh"),
        s.path().join("site/content"),
    )
    .unwrap();
    let (out, log) = built(&s);
    assert!(!log.contains("missing"), "{log}");
    has(
        &read(&out, "docs/start/index.html"),
        &[
            "href=\"../\">文档</a>",
            "href=\"../../\">首页</a>",
            "href=\"../overview/#%E5%AE%89%E8%A3%85\">概览</a>",
        ],
    );
}

/// Hugo writes pages' paths in lower case, a `-` for spaces: the help center keeps those URLs,
/// so links written as the old site's (`/docs/getting-started/install-guide/`) find their
/// pages (CloudWeGo's docs: 158 broken links); `disablePathToLower` keeps the case.
#[test]
fn a_hugo_sites_urls_are_lower_case() {
    for (config, url) in [
        ("", "docs/getting-started/install-guide/"),
        (
            "disablePathToLower = true\n",
            "docs/Getting-Started/Install-Guide/",
        ),
    ] {
        let s = site_of(
            "m-hugo-lower",
            &[
                ("helpcenter.yaml", "title: 文档\n"),
                (
                    "config.toml",
                    &format!("baseURL = \"https://example.org/\"\n{config}"),
                ),
                ("content/docs/_index.md", "---\ntitle: 文档\n---\n"),
                (
                    "content/docs/Getting Started/_index.md",
                    "---\ntitle: 开始\n---\n",
                ),
                (
                    "content/docs/Getting Started/Install Guide.md",
                    "---\ntitle: 安装\n---\n\n正文。\n",
                ),
                (
                    "content/docs/intro.md",
                    &format!("---\ntitle: 介绍\n---\n\n先读[安装](/{url})。\n"),
                ),
            ],
        );
        let (out, log) = built(&s);
        assert!(!log.contains("missing"), "{config}: {log}");
        assert!(
            out.join(url).join("index.html").is_file(),
            "{config}: {url}"
        );
    }
}

/// Docsify reads a link's title of `:` words as options (`':ignore'`, `':size=50x100'`,
/// `':target=_blank'`): they show as no tooltip, and an ignored link is left as written, not
/// checked (Docsify's Chinese docs failed the build on `[演示](/demo/ ':ignore')`).
#[test]
fn docsify_link_options_are_no_titles() {
    let s = site_of(
        "m-docsify-options",
        &[
            ("helpcenter.yaml", "title: 文档\n"),
            ("content/README.md", "# 首页\n\n见[助手](helpers.md)。\n"),
            ("content/_sidebar.md", "- [助手](helpers.md)\n"),
            (
                "content/helpers.md",
                "# 文档助手\n\n![logo](https://example.org/icon.svg ':size=50x100')\n\n[演示页面](/demo/ \":ignore\") [GitHub](https://github.com/x ':target=_blank') [说明](README.md \"首页说明\")\n",
            ),
        ],
    );
    let (out, log) = built(&s);
    assert!(!log.contains("missing"), "{log}");
    let page = read(&out, "helpers/index.html");
    has(
        &page,
        &[
            "<img src=\"https://example.org/icon.svg\" alt=\"logo\" />",
            "<a href=\"/demo/\">演示页面</a>",
            "<a href=\"https://github.com/x\">GitHub</a>",
            "title=\"首页说明\"",
        ],
    );
    assert!(!page.contains("title=\":"), "{page}");
}

/// Docsify's `':include'` embeds, as its own docs use them: a Markdown file of `_media/` (its
/// front matter left out), code, a fragment of code; a web page stays a link, with a warning.
#[test]
fn docsify_embeds_show_the_file() {
    let s = site_of(
        "m-docsify-embed",
        &[
            ("helpcenter.yaml", "title: 文档\n"),
            ("content/README.md", "# 首页\n"),
            ("content/.env", "TOKEN=secret\n"),
            ("content/_sidebar.md", "- [嵌入](zh/embed.md)\n"),
            (
                "content/_media/example.md",
                "---\nauthor: 某人\n---\n\n> 来自 `example.md` 的 <b>内容</b>\n",
            ),
            (
                "content/_media/example.js",
                "const a = 1;\n/// [demo]\nconst shown = 2;\n/// [demo]\nconst b = 3;\n",
            ),
            (
                "content/zh/embed.md",
                "# 文件嵌入\n\n[filename](../_media/example.md \":include\")\n\n[x](/_media/example.js ':include :type=code :fragment=demo')\n\n[x](../_media/example.js \":include\")\n\n[站点](https://example.org ':include :type=iframe')\n\n[外](/../../../../../../../../../../etc/passwd ':include :type=code')\n\n[藏](/.env ':include :type=code')\n\n[缺](nope.md ':include')\n\n后文。\n",
            ),
        ],
    );
    let (out, log) = built(&s);
    let page = read(&out, "zh/embed/index.html");
    has(
        &page,
        &[
            "<blockquote>\n<p>来自 <code>example.md</code> 的 <b>内容</b></p>",
            "后文。",
        ],
    );
    assert!(!page.contains("某人"), "front matter left out: {page}");
    // The fragment alone, then the whole file.
    let code: Vec<String> = page
        .split("<code class=\"language-js\">")
        .skip(1)
        .map(|c| {
            let c = c.split("</code>").next().unwrap();
            let mut text = String::new();
            let mut tag = false;
            for ch in c.chars() {
                match ch {
                    '<' => tag = true,
                    '>' => tag = false,
                    _ if !tag => text.push(ch),
                    _ => {}
                }
            }
            text
        })
        .collect();
    assert_eq!(code.len(), 2, "{page}");
    assert_eq!(code[0].trim(), "const shown = 2;");
    assert!(
        code[1].contains("const a = 1;") && code[1].contains("const b = 3;"),
        "{code:?}"
    );
    assert!(page.contains("href=\"https://example.org\""), "{page}");
    has(
        &log,
        &[
            "Docsify's `':include'` embed is not understood",
            "content/zh/embed.md:9",
            "Docsify's embed cannot be shown: `/../../../../../../../../../../etc/passwd` is outside the site",
            "content/zh/embed.md:11",
            "`/.env` is a hidden file",
            "content/zh/embed.md:13",
            "there is no file `nope.md` (looked for ",
            "/content/zh/nope.md)",
            "content/zh/embed.md:15",
        ],
    );
    assert!(!page.contains("secret"), "{page}");
    assert!(!log.contains("missing"), "{log}");
}

/// Prettier's docs keep their sidebar in `sidebars.json` (categories as keys), which
/// `docusaurus.config.js` names: it orders the docs as `sidebars.js` would.
#[test]
fn a_docusaurus_sidebars_json_orders_the_docs() {
    let s = site_of(
        "m-docusaurus-json",
        &[
            ("helpcenter.yaml", "title: Docs\nlanguage: en\n"),
            (
                "sidebars.json",
                "{\n  \"docs\": {\n    \"About\": [\"index\", \"why\"],\n    \"Usage\": [\"install\", \"cli\"]\n  }\n}\n",
            ),
            ("content/index.md", "# What is it?\n\nText.\n"),
            ("content/why.md", "# Why\n\nText.\n"),
            ("content/cli.md", "# CLI\n\nText.\n"),
            ("content/install.md", "# Install\n\nText.\n"),
        ],
    );
    let out = build_ok(&s.path().join("site"), &s);
    let install = read(&out, "install/index.html");
    has(&install, &["<a href=\"../Usage/\">Usage</a>"]);
    let siblings = &install[install.find("class=\"siblings\"").unwrap()..];
    assert!(siblings.find(">Install<").unwrap() < siblings.find(">CLI<").unwrap());
    assert!(!files(&out).iter().any(|f| f.contains("sidebars")));
    // Cut off, it is no sidebar, and the build says so at its line.
    s.write(
        "site/sidebars.json",
        "{\n  \"docs\": {\n    \"About\": [\"index\", \"why\"],\n",
    );
    let o = build(&s.path().join("site"), &s.path().join("public2"), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    has(
        &stderr(&o),
        &["this sidebars file is not valid JSON", "sidebars.json:4"],
    );
}

/// Jekyll's standard date (`jekyll new` writes `2015-11-17 16:16:01 -0600`) and Hugo's, with
/// its colon, build as they are, in the offset their authors wrote.
#[test]
fn jekyll_and_hugo_dates_build_as_written() {
    let s = site_of(
        "m-dates",
        &[
            ("helpcenter.yaml", "title: 日期\n"),
            ("content/_index.md", "# 首页\n"),
            (
                "content/posts/jekyll.md",
                "---\nlayout: post\ntitle: 杰基尔\ndate: 2015-11-17 16:16:01 -0600\n---\n\n正文。\n",
            ),
            (
                "content/posts/hugo.md",
                "---\ntitle: 雨果\ndate: 2015-11-18 16:16:01 -06:00\nlastmod: 2024-01-01 10:00:00.5\n---\n\n正文。\n",
            ),
        ],
    );
    let out = build_ok(&s.path().join("site"), &s);
    has(
        &read(&out, "posts/jekyll/index.html"),
        &["<time datetime=\"2015-11-17T16:16:01-06:00\""],
    );
    has(
        &read(&out, "posts/hugo/index.html"),
        &["<time datetime=\"2015-11-18T16:16:01-06:00\""],
    );
}

/// VitePress's twoslash blocks show what VitePress shows: the lines below `// ---cut---` (and
/// above `// ---cut-after---`), without the compiler's settings and queries. In a block
/// without `twoslash` the same lines are the author's code, and stay.
#[test]
fn twoslash_blocks_show_only_their_visible_part() {
    let s = site_of(
        "m-twoslash",
        &[
            ("helpcenter.yaml", "title: 代码\n"),
            ("content/_index.md", "# 首页\n"),
            (
                "content/guide/features.md",
                "# 功能\n\n```js twoslash\nimport 'vite/client'\n// ---cut---\nimport classes from './example.module.css'\ndocument.getElementById('foo').className = classes.red\n```\n\n```js twoslash [vite.config.js]\nconst config = {\n  build: {\n// ---cut-before---\nmodulePreload: { polyfill: false },\n// ---cut-after---\n  },\n}\n```\n\n1. 列表里：\n\n   ```ts twoslash\n   // @filename: /foo.d.ts\n   export declare const foo: () => void\n   // @filename: /example.js\n   // @noErrors\n   // ---cut---\n   const value = foo()\n   //    ^?\n   // @errors: 2322\n   // @ts-expect-error\n   const n: number = 'x'\n   ```\n\n```ts\nsetup()\n// ---cut---\nshown()\n```\n",
            ),
        ],
    );
    let out = build_ok(&s.path().join("site"), &s);
    let page = text_with_code(&read(&out, "guide/features/index.html"));
    has(
        &page,
        &[
            "import classes from './example.module.css'",
            "className = classes.red",
            "modulePreload: { polyfill: false },",
            "vite.config.js",
            "const value = foo()",
            "// @ts-expect-error",
            "const n: number = 'x'",
        ],
    );
    for hidden in [
        "vite/client",
        "const config",
        "build: {",
        "---cut-before---",
        "---cut-after---",
        "@filename",
        "declare const foo",
        "@noErrors",
        "@errors",
        "^?",
    ] {
        assert!(!page.contains(hidden), "`{hidden}` shows:\n{page}");
    }
    // The plain `ts` block keeps its lines as written.
    has(&page, &["setup()", "// ---cut---", "shown()"]);
    assert_eq!(page.matches("---cut---").count(), 1, "{page}");
}

/// A section commented out (Vite's acknowledgements: `<!--` … `-->` around headings and a
/// `::: tip`) stays a comment: its headings are not in the page, its table of contents or
/// search, and the containers after it still work.
#[test]
fn what_an_html_comment_holds_is_not_expanded_listed_or_indexed() {
    let s = site_of(
        "m-comment",
        &[
            ("helpcenter.yaml", "title: 致谢\n"),
            ("content/_index.md", "# 首页\n"),
            (
                "content/acknowledgements.md",
                "# 致谢\n\n## 赞助商 {#sponsors}\n\n感谢赞助。\n\n<!--\n## 依赖项 {#dependencies}\n\n::: tip 提示\n暂时隐藏的提示\n:::\n\n{{< note >}}\n隐藏的短代码\n{{< /note >}}\n\n## 历史依赖项 {#past-dependencies}\n\n过去使用过的项目。\n-->\n\n::: tip 之后\n看得见的提示\n:::\n",
            ),
        ],
    );
    let out = build_ok(&s.path().join("site"), &s);
    let page = read(&out, "acknowledgements/index.html");
    has(
        &page,
        &["id=\"sponsors\"", "</span>之后</p>", "看得见的提示"],
    );
    let shown = visible_text(&page);
    for hidden in [
        "依赖项",
        "暂时隐藏的提示",
        "隐藏的短代码",
        "过去使用过的项目",
    ] {
        assert!(!shown.contains(hidden), "`{hidden}` shows:\n{shown}");
    }
    assert!(!page.contains("id=\"past-dependencies\"") && !page.contains("href=\"#dependencies\""));
    for f in files(&out) {
        let text = std::fs::read_to_string(out.join(&f)).unwrap_or_default();
        if f.starts_with("search/") || f == "related.json" {
            assert!(!text.contains("历史依赖项"), "{f} lists the hidden heading");
        }
    }
}

/// Vue's slots of a component not understood (Vite's team page: `<VPTeamPage>` with
/// `<template #title>`): the component is left out and its text kept — out of the
/// `<template>`s too, whose content a browser never shows.
#[test]
fn the_slots_of_an_unknown_component_show_their_text() {
    let s = site_of(
        "m-slots",
        &[
            ("helpcenter.yaml", "title: 团队\n"),
            ("content/_index.md", "# 首页\n"),
            (
                "content/team.md",
                "---\nlayout: page\ntitle: 认识团队\n---\n\n<script setup>\nimport { VPTeamPage } from 'vitepress/theme'\n</script>\n\n<VPTeamPage>\n  <VPTeamPageTitle>\n    <template #title>认识我们的团队</template>\n    <template #lead>\n      Vite 目前由一个国际化的团队开发和维护，<br>\n      下面是对一些团队成员的介绍。\n    </template>\n  </VPTeamPageTitle>\n  <VPTeamMembers :members=\"core\" />\n  <VPTeamPageSection>\n    <template v-slot:title>顾问</template>\n    <template #members>\n      <VPTeamMembers size=\"small\" :members=\"advisors\" />\n    </template>\n  </VPTeamPageSection>\n</VPTeamPage>\n",
            ),
        ],
    );
    let (out, log) = built(&s);
    has(
        &log,
        &[
            "the component `<VPTeamPage>` is not understood",
            "team.md:10",
        ],
    );
    let page = read(&out, "team/index.html");
    assert!(
        !page.contains("<template") && !page.contains("</template>"),
        "{page}"
    );
    let shown = visible_text(&page);
    has(
        &shown,
        &[
            "认识我们的团队",
            "Vite 目前由一个国际化的团队开发和维护，",
            "下面是对一些团队成员的介绍。",
            "顾问",
        ],
    );
    assert!(!page.contains("VPTeam"), "{page}");
}

/// TiDB's notes — a quote whose first line is a bold label (`> **注意：**`, `> **Tip:**`) — are
/// callouts titled with the label, which shows once; a quote that starts with other bold text
/// stays a quote.
#[test]
fn tidb_notes_are_callouts() {
    let s = site_of(
        "m-tidb-notes",
        &[
            (
                "helpcenter.yaml",
                "title: TiDB\nvariables:\n  company: PingCAP\n",
            ),
            ("content/_index.md", "# 首页\n"),
            (
                "content/gc.md",
                "---\ntitle: GC 配置\nsummary: 了解 GC。\n---\n\n# GC 配置\n\n> **注意：**\n>\n> 在使用 Compaction Filter 机制时，可能会出现 GC 进度延迟的情况。\n>\n> - 对于 {{{ .company }}} 的旧版本，建议关闭。\n\n> **警告：** 不要在生产环境这样做。\n\n1. 第一步\n\n    > **Tip:**\n    >\n    > 先备份。\n\n2. 第二步\n\n> **建议**\n> 使用新版本。\n\n> **磁盘**\n>\n> 这是一段引文。\n",
            ),
        ],
    );
    let out = build_ok(&s.path().join("site"), &s);
    let page = read(&out, "gc/index.html");
    has(
        &page,
        &[
            "<div class=\"callout callout-note\" role=\"note\" aria-label=\"说明\">\n<p class=\"callout-title\"><span class=\"callout-icon\" aria-hidden=\"true\"></span>注意</p>",
            "在使用 Compaction Filter 机制时",
            "<li>对于 PingCAP 的旧版本，建议关闭。</li>",
            "<div class=\"callout callout-warning\"",
            "</span>警告</p>\n<p>不要在生产环境这样做。</p>",
            "</span>Tip</p>\n<p>先备份。</p>",
            "</span>建议</p>\n<p>使用新版本。</p>",
            "<blockquote>\n<p><strong>磁盘</strong></p>\n<p>这是一段引文。</p>\n</blockquote>",
        ],
    );
    assert_eq!(
        page.matches("class=\"callout callout-").count(),
        4,
        "{page}"
    );
    assert_eq!(page.matches("<blockquote>").count(), 1, "{page}");
    assert!(
        !page.contains("<strong>注意") && !page.contains("<strong>Tip"),
        "{page}"
    );
    // The step list goes on around the note in its first step.
    has(&page, &["id=\"step-2\""]);
}

/// TeX between `$`, on a site whose MkDocs config turns arithmatex on (OI-wiki's 379 pages of
/// formulas), is typeset as MathML: read as Markdown it lost its `_` to emphasis and made a
/// link of `[u^k](\sigma_f)`, which failed the build.
#[test]
fn math_of_an_mkdocs_site_is_typeset() {
    let s = Scratch::new("m-math");
    s.write("site/helpcenter.yaml", "title: 数学\n");
    s.write(
        "site/mkdocs.yml",
        "site_name: x\nmarkdown_extensions:\n  - pymdownx.arithmatex:\n      generic: true\n",
    );
    s.write(
        "site/content/kmp.md",
        "# 前缀函数\n\n系数 $[u^k](\\sigma_f\\sigma_g)$ 与 $a_i + b_j$，集合 $\\{1,2\\}$。\n\n$$\n\\begin{aligned}\nf(x)&=1\\\\\n&=2\n\\end{aligned}\n$$\n\n坏的 $\\frac{a}$ 公式。\n\n```math\n\\sum_i x_i\n```\n",
    );
    let (out, log) = built(&s);
    let page = read(&out, "kmp/index.html");
    let body = &page[page.find("class=\"prose\"").unwrap()..page.find("</article>").unwrap()];
    assert!(
        !body.contains("<em>") && !body.contains("<a href"),
        "{body}"
    );
    // Three inline, one display, and the ```math fence as a display formula.
    assert_eq!(body.matches("<math").count(), 5, "{body}");
    assert!(body.contains(">\\sum_i x_i\n</annotation>"), "{body}");
    assert!(body.contains("<math display=\"block\""), "{body}");
    // The source is kept for copying and screen readers, as written.
    assert!(
        body.contains(">[u^k](\\sigma_f\\sigma_g)</annotation>"),
        "{body}"
    );
    assert!(body.contains("f(x)&amp;=1\\\\"), "{body}");
    // What is no TeX shows as written, and says where.
    assert!(
        body.contains("<code class=\"math-tex math-inline\">\\frac{a}</code>"),
        "{body}"
    );
    assert!(
        log.contains("this formula is shown as its TeX source") && log.contains("kmp.md:12"),
        "{log}"
    );

    // A site that did not turn math on keeps its dollars.
    s.write("site/mkdocs.yml", "site_name: x\n");
    s.write(
        "site/content/kmp.md",
        "# 价格\n\n价格 $5 和 $10，$x_1$ 是 *强调*。\n",
    );
    let (out, _) = built(&s);
    let page = read(&out, "kmp/index.html");
    assert!(
        page.contains("价格 $5 和 $10，$x_1$ 是 <em>强调</em>"),
        "{page}"
    );
    assert!(!page.contains("<math"));
}

/// MkDocs reads `key: value` lines opening a page as its meta-data (MultiMarkdown's); OI-wiki's
/// 204 pages open with `author: …`, which showed as their first paragraph and description.
#[test]
fn meta_data_lines_of_an_mkdocs_page_are_no_text() {
    let s = Scratch::new("m-meta");
    s.write("site/helpcenter.yaml", "title: 维基\n");
    s.write("site/mkdocs.yml", "site_name: x\n");
    s.write(
        "site/content/kmp.md",
        "Title: 前缀函数\nauthor: Ir1d, LeoJacob,\n    Xeonacid\ndisqus:\n\n## 定义\n\n给定一个字符串。\n",
    );
    s.write("site/content/plain.md", "# 普通\n\nNote: this stays.\n");
    let (out, log) = built(&s);
    let page = read(&out, "kmp/index.html");
    assert!(
        page.contains("<h1") && page.contains(">前缀函数</h1>"),
        "{page}"
    );
    assert!(!page.contains("Ir1d") && !page.contains("disqus"), "{page}");
    assert!(
        page.contains("<meta name=\"description\" content=\"给定一个字符串。\">"),
        "{page}"
    );
    assert!(
        log.contains("`author`") && log.contains("`disqus`"),
        "{log}"
    );
    // Only at the top: a `key:` line below the title is text.
    assert!(read(&out, "plain/index.html").contains("<p>Note: this stays.</p>"));

    // The same page on a site not written for MkDocs shows its lines, as other tools do.
    std::fs::remove_file(s.path().join("site/mkdocs.yml")).unwrap();
    s.write(
        "site/content/kmp.md",
        "author: Ir1d\n\n# 前缀函数\n\n正文。\n",
    );
    let (out, _) = built(&s);
    assert!(read(&out, "kmp/index.html").contains("<p>author: Ir1d</p>"));
}

/// PyMdown's snippets (`--8<-- "docs/code/a.cpp:core"`), named from the folder of mkdocs.yml
/// as MkDocs names them: OI-wiki's 564 code blocks of reference solutions showed the line.
#[test]
fn snippets_of_an_mkdocs_site_show_their_code() {
    let s = Scratch::new("m-snippets");
    s.write(
        "repo/mkdocs.yml",
        "site_name: x\nmarkdown_extensions:\n  - pymdownx.snippets\n",
    );
    s.write(
        "repo/docs/code/a.cpp",
        "#include <cstdio>\n// --8<-- [start:core]\nint twice(int x) { return 2 * x; }\n// --8<-- [end:core]\nint main() {}\n",
    );
    s.write(
        "repo/docs/kmp.md",
        "# 例题\n\n```cpp\n--8<-- \"docs/code/a.cpp:core\"\n```\n\n??? note \"参考代码\"\n    ```cpp\n    --8<-- \"docs/code/a.cpp\"\n    ```\n\n```cpp\n--8<-- \"docs/code/missing.cpp\"\n```\n\n```\n--8<-- \"/etc/passwd\"\n```\n",
    );
    s.write("site/helpcenter.yaml", "title: 维基\n");
    std::os::unix::fs::symlink(s.path().join("repo/docs"), s.path().join("site/content")).unwrap();
    std::os::unix::fs::symlink(
        s.path().join("repo/mkdocs.yml"),
        s.path().join("site/mkdocs.yml"),
    )
    .unwrap();
    let (out, log) = built(&s);
    let page = text_with_code(&read(&out, "kmp/index.html"));
    assert_eq!(page.matches("int twice(int x)").count(), 2, "{page}");
    assert_eq!(
        page.matches("#include").count(),
        1,
        "the part, then the whole: {page}"
    );
    assert!(
        !page.contains("--8<--") && !page.contains("[start:core]"),
        "{page}"
    );
    assert!(!page.contains("root:"), "nothing of /etc/passwd: {page}");
    assert!(
        log.contains("PyMdown's snippet `--8<-- \"docs/code/missing.cpp\"` shows nothing")
            && log.contains("kmp.md:13"),
        "{log}"
    );
    assert!(log.contains("`/etc/passwd` is outside the site"), "{log}");
}

/// `.markdown` is Markdown (Jekyll's, Hugo's and Hexo's other name: jekyllcn's 50 posts were
/// left out without a word), and links to it find its page.
#[test]
fn dot_markdown_files_are_pages() {
    let s = Scratch::new("m-dotmarkdown");
    s.write("site/helpcenter.yaml", "title: 博客\n");
    s.write(
        "site/content/about.markdown",
        "---\ntitle: 关于\n---\n\n见[社区](community.md)。\n",
    );
    s.write(
        "site/content/community.md",
        "---\ntitle: 社区\n---\n\n见[关于](about.markdown)。\n",
    );
    let (out, _) = built(&s);
    assert!(read(&out, "about/index.html").contains("<h1"));
    assert!(read(&out, "community/index.html").contains("href=\"../about/\""));
}

/// MkDocs numbers a repeated heading's id `_1`, `_2` (helpcenter: `-1`, `-2`); a link written
/// for it finds the heading. An admonition's title keeps its links, as Python-Markdown's does.
#[test]
fn mkdocs_ids_of_repeated_headings_and_links_in_titles() {
    let s = Scratch::new("m-mkdocs-ids");
    s.write("site/helpcenter.yaml", "title: 维基\n");
    s.write("site/mkdocs.yml", "site_name: x\n");
    s.write(
        "site/content/a.md",
        "# 题目\n\n## 例题\n\n一。\n\n## 例题\n\n二。\n\n## 例题\n\n三。\n\n???+ note \"例题 [Luogu P5357](https://www.luogu.com.cn/problem/P5357)\"\n    见[第三个](#例题_2)。\n\n!!! tip \"用 `git` [本站](b.md)\"\n    文字。\n",
    );
    s.write("site/content/b.md", "# 乙\n\n见 [a](a.md#例题_1)。\n");
    let (out, _) = built(&s);
    let a = read(&out, "a/index.html");
    assert!(
        a.contains("id=\"例题-2\"") && a.contains("id=\"例题_2\""),
        "{a}"
    );
    // The alias is in the third heading, not elsewhere.
    let third = a.find("三。").unwrap();
    let alias = a.find("id=\"例题_2\"").unwrap();
    assert!(alias < third && alias > a.find("二。").unwrap());
    assert!(
        a.contains("<summary>例题 <a href=\"https://www.luogu.com.cn/problem/P5357\">Luogu P5357</a></summary>"),
        "{a}"
    );
    assert!(a.contains("用 <code>git</code> 本站</p>"), "{a}");
}

/// Jekyll publishes `_posts/` and each collection its `_config.yml` gives `output: true`, at
/// URLs without the `_`: jekyllcn's manual is `_docs/`, and the site had 2 articles of 87.
#[test]
fn jekyll_collections_are_published_without_their_underscore() {
    let s = Scratch::new("m-jekyll");
    s.write("site/helpcenter.yaml", "title: 文档\nlinks: warn\n");
    s.write(
        "site/content/_config.yml",
        "collections:\n  docs:\n    output: true\n  notes:\n    output: false\n",
    );
    s.write(
        "site/content/_docs/quickstart.md",
        "---\ntitle: 快速指南\npermalink: /docs/quickstart/\n---\n\n下一步：[安装](/docs/installation/)。\n",
    );
    s.write(
        "site/content/_docs/installation.md",
        "---\ntitle: 安装\n---\n\n{% include note.html %}\n",
    );
    s.write(
        "site/content/_posts/2016-05-18-released.markdown",
        "---\ntitle: 发布了\n---\n\n新版本。\n",
    );
    s.write(
        "site/content/_notes/private.md",
        "---\ntitle: 笔记\n---\n\n不发布。\n",
    );
    s.write("site/content/_includes/note.md", "片段。\n");
    let (out, log) = built(&s);
    let quick = read(&out, "docs/quickstart/index.html");
    assert!(
        quick.contains("href=\"../installation/\""),
        "the link finds its page"
    );
    // A post is named by its file name's title, dated by its date, as Jekyll reads them.
    let post = read(&out, "posts/released/index.html");
    assert!(
        post.contains("新版本") && post.contains("2016-05-18T"),
        "{post}"
    );
    assert!(!out.join("notes").exists() && !out.join("_notes").exists());
    assert!(!out.join("_docs").exists());
    assert!(!log.contains("link to a missing page"), "{log}");
    // Without a Jekyll config, a `_` folder is still a piece of other pages.
    std::fs::remove_file(s.path().join("site/content/_config.yml")).unwrap();
    let (out, _) = built(&s);
    assert!(!out.join("docs").exists());
}

#[test]
fn definition_lists_are_lists_not_paragraphs_and_code() {
    // MkDocs's def_list, Hugo's and mdBook's definition lists: the `:   ` line showed as text
    // and the indented lines under it as a code block (Material's docs: 66 entries on 12 pages).
    let s = site_of(
        "m-deflist",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                "content/keys.md",
                "# 快捷键\n\n`mode:search`\n\n:   搜索框获得焦点时生效。可用的键：\n\n    * 方向键：选择结果\n    * Esc：关闭\n\n第二项\n:   只有一行的说明。\n",
            ),
        ],
    );
    let (out, _) = built(&s);
    let page = read(&out, "keys/index.html");
    has(
        &page,
        &[
            "<dl>",
            "<dt><code>mode:search</code></dt>",
            "<dd>\n<p>搜索框获得焦点时生效。可用的键：</p>\n<ul>\n<li>方向键：选择结果</li>",
            "<dt>第二项</dt>\n<dd>\n<p>只有一行的说明。</p>\n</dd>\n</dl>",
        ],
    );
    assert!(!page.contains("<pre"), "no code block: {page}");
    assert!(!page.contains(":   "), "{page}");
    // The term and its definition are apart in the search index.
    let index = std::fs::read_dir(out.join("search/f"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<String>();
    assert!(!index.contains("mode:search搜索框"), "{index}");
    assert!(!index.contains("第二项只有"), "{index}");
}

#[test]
fn materials_icons_show_as_a_check_or_a_cross_or_go_with_a_warning() {
    // Material for MkDocs's own docs: 366 icon shortcodes on 55 pages, printed as written.
    let s = site_of(
        "m-icons",
        &[
            ("helpcenter.yaml", "title: t\n"),
            ("mkdocs.yml", "site_name: x\ntheme:\n  name: material\n"),
            (
                "content/icons.md",
                "# Adding a :simple-materialformkdocs: badge\n\n| 方法 | 支持 |\n|---|---|\n| GET | :material-check: |\n| PUT | :material-close: |\n\n=== \":material-apple: macOS\"\n\n    苹果。\n\n=== \":fontawesome-brands-windows: Windows\"\n\n    视窗。\n\n!!! note \":octicons-info-16: 提示\"\n\n    内容 :tada:\n\n见 :octicons-mark-github-16: 仓库。\n\n```text\nicon: :material-github:\n```\n",
            ),
        ],
    );
    let (out, log) = built(&s);
    let page = read(&out, "icons/index.html");
    has(
        &page,
        &[
            "<h1 id=\"adding-a-badge\">Adding a badge</h1>",
            "<td>✓</td>",
            "<td>✗</td>",
            "<p class=\"tab-title\">macOS</p>",
            "<p class=\"tab-title\">Windows</p>",
            "提示",
            "内容 🎉",
            "<p>见 仓库。</p>",
            // In code it is as written.
            ":material-github:",
        ],
    );
    let outside_code = page.replace(":material-github:", "");
    for set in ["material-", "octicons-", "fontawesome-", "simple-"] {
        assert!(!outside_code.contains(&format!(":{set}")), "{set}: {page}");
    }
    has(
        &log,
        &[
            "Material's icon `:octicons-mark-github-16:` on this page is left out: helpcenter has no icon set",
            "icons.md:20",
        ],
    );
    // Elsewhere such a name is the author's text, as their tool shows it.
    let s = site_of(
        "m-icons-not",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                "content/a.md",
                "# 甲\n\n用 :simple-icons: 和 :material-check: 吧 :tada:\n",
            ),
        ],
    );
    let (out, log) = built(&s);
    has(
        &read(&out, "a/index.html"),
        &["用 :simple-icons: 和 :material-check: 吧 🎉"],
    );
    assert!(!log.contains("Material's icon"), "{log}");
}

#[test]
fn materials_code_annotations_are_numbers_beside_the_code_and_notes_below() {
    // Material's docs: 97 markers on 32 pages stayed in the code (and in what the copy button
    // copies), and their notes became a list of big numbered steps.
    let page = "# 图标\n\n```yaml\ntheme:\n  icon: <icon> # (1)!\n  note: tag # 标签 (2)\n```\n\n1.  在图标搜索里找到图标。\n2.  任意图标都行。\n\n## 步骤\n\n1. 第一步\n";
    let s = site_of(
        "m-annotations",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                "mkdocs.yml",
                "site_name: x\ntheme:\n  name: material\n  features:\n    - content.code.annotate\n",
            ),
            ("content/a.md", page),
        ],
    );
    let (out, _) = built(&s);
    let html = read(&out, "a/index.html");
    let code = &html[html.find("<pre").unwrap()..html.find("</pre>").unwrap()];
    assert!(!code.contains("(1)") && !code.contains("(2)"), "{code}");
    has(
        code,
        &[
            "<span class=\"code-note\" data-n=\"1\"></span>",
            "标签</span><span class=\"code-note\" data-n=\"2\"></span>",
        ],
    );
    assert!(
        !code.contains("# <span"),
        "a `(1)!` comment goes whole: {code}"
    );
    has(
        &html,
        &[
            "<ol class=\"code-notes\">\n<li>在图标搜索里找到图标。</li>",
            // A numbered list elsewhere is still steps.
            "id=\"step-1\"",
        ],
    );
    assert!(!html.contains("id=\"step-2\""), "{html}");

    // Without Material's `content.code.annotate`, `(1)` in a comment is the author's text.
    for config in ["", "site_name: x\n"] {
        let mut files = vec![("helpcenter.yaml", "title: t\n"), ("content/a.md", page)];
        if !config.is_empty() {
            files.push(("mkdocs.yml", config));
        }
        let s = site_of("m-annotations-not", &files);
        let (out, _) = built(&s);
        assert!(read(&out, "a/index.html").contains("# (1)!"), "{config}");
    }
}

#[test]
fn attribute_lists_after_links_and_under_blocks_go_with_a_warning() {
    // Material's docs: `[开始](…){ .md-button }` and `{ .annotate }` showed as text (64 on 19
    // pages); a heading's `{#id}` after a link is still its id, and TeX keeps its braces.
    let s = site_of(
        "m-attr-list",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                "mkdocs.yml",
                "site_name: x\nmarkdown_extensions:\n  - attr_list\n",
            ),
            (
                "content/a.md",
                "# 按钮\n\n[开始使用](b.md){ .md-button .md-button--primary }\n\n![图](p.png){ width=\"300\" }\n\n一段话。\n{ .annotate }\n\n## [链接](b.md) {#linked}\n\n公式 $x_{i=1}$ 与 `[x](y){ .a }`。\n",
            ),
            ("content/b.md", "# 乙\n\n正文。\n"),
            ("content/p.png", "png"),
        ],
    );
    let (out, log) = built(&s);
    let page = read(&out, "a/index.html");
    has(
        &page,
        &[
            "<p><a href=\"../b/\">开始使用</a></p>",
            "<p>一段话。</p>",
            "<h2 id=\"linked\">",
            "x_{i=1}",
            "<code>[x](y){ .a }</code>",
        ],
    );
    for gone in [".md-button", "width=\"300\" }", ".annotate"] {
        assert!(!page.contains(gone), "{gone}: {page}");
    }
    has(
        &log,
        &[
            "the attribute list `{ .md-button .md-button--primary }` and 2 more on this page is left out",
            "a.md:3",
        ],
    );
    // Where the Markdown has no attribute lists (VitePress, plain CommonMark), braces are text.
    let s = site_of(
        "m-attr-list-not",
        &[
            ("helpcenter.yaml", "title: t\n"),
            ("content/a.md", "# 甲\n\n[开始](b.md){ .md-button }\n"),
            ("content/b.md", "# 乙\n"),
        ],
    );
    let (out, _) = built(&s);
    assert!(read(&out, "a/index.html").contains("{ .md-button }"));
}

#[test]
fn pymdowns_keys_marks_and_insertions_on_an_mkdocs_site() {
    let page = "# 快捷键\n\n按 ++ctrl+alt+del++ 重启，==重点== 和 ^^新增^^；`++x++` 是代码，a == b == c。\n";
    let s = site_of(
        "m-pymdown-inline",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                "mkdocs.yml",
                "site_name: x\nmarkdown_extensions:\n  - pymdownx.keys\n",
            ),
            ("content/a.md", page),
        ],
    );
    let (out, _) = built(&s);
    has(
        &read(&out, "a/index.html"),
        &[
            "按 <span class=\"keys\"><kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>Del</kbd></span> 重启",
            "<mark>重点</mark> 和 <ins>新增</ins>",
            "<code>++x++</code>",
            "a == b == c",
        ],
    );
    // Elsewhere `++` and `==` are the author's text.
    let s = site_of(
        "m-pymdown-inline-not",
        &[("helpcenter.yaml", "title: t\n"), ("content/a.md", page)],
    );
    let (out, _) = built(&s);
    assert!(read(&out, "a/index.html").contains("++ctrl+alt+del++"));
}

#[test]
fn mkdocs_auto_append_snippets_give_every_page_their_link_references() {
    // Material's docs keep `[mkdocs.env]: https://…` in includes/mkdocs.md, appended to every
    // page by pymdownx.snippets: 62 links on 15 pages showed as `[text][mkdocs.env]`.
    let s = site_of(
        "m-auto-append",
        &[
            ("helpcenter.yaml", "title: t\n"),
            (
                "mkdocs.yml",
                "site_name: x\nmarkdown_extensions:\n  - attr_list\n  - pymdownx.snippets:\n      auto_append:\n        - includes/links.md\n",
            ),
            (
                "includes/links.md",
                "  [mkdocs.env]: https://www.mkdocs.org/user-guide/configuration/#environment-variables\n*[HTML]: Hyper Text Markup Language\n",
            ),
            (
                "content/a.md",
                "# 配置\n\n用 [环境变量][mkdocs.env] 设置。HTML 也行。\n",
            ),
        ],
    );
    let (out, _) = built(&s);
    let page = read(&out, "a/index.html");
    has(
        &page,
        &[
            "<a href=\"https://www.mkdocs.org/user-guide/configuration/#environment-variables\">环境变量</a>",
        ],
    );
    assert!(!page.contains("[mkdocs.env]"), "{page}");
    assert!(
        !page.contains("Hyper Text"),
        "abbreviations are not text at the end: {page}"
    );
}
