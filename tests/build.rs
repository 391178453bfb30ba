//! `helpcenter build` on fixture sites and the demo site, asserting on the HTML that comes out.

mod common;
use common::*;

fn built_fixture() -> (Scratch, std::path::PathBuf) {
    let s = Scratch::new("fixture");
    let out = build_ok(&fixture("site"), &s);
    (s, out)
}

#[test]
fn writes_every_page_kind() {
    let (_s, out) = built_fixture();
    let all = files(&out);
    for expected in [
        "index.html",
        "账户/index.html",
        "账户/设备/index.html",
        "账户/改密码/index.html",
        "账户/设备/face-id/index.html",
        "guides/no-front/index.html",
        "guides/with-image/index.html",
        "guides/with-image/shot.png",
        "tags/index.html",
        "tags/安全/index.html",
        "tags/face-id/index.html",
        "404.html",
        "related/index.html",
        "related.json",
        "sitemap.xml",
        "robots.txt",
        "atom.xml",
        "old/change-password/index.html",
        "style.css",
        "site.js",
    ] {
        assert!(
            all.contains(&expected.to_owned()),
            "missing {expected} in {all:?}"
        );
    }
    let home = read(&out, "index.html");
    assert!(home.contains("账户与安全"), "home lists sections");
    assert!(home.contains("联系我们"), "home shows the contact block");
    let section = read(&out, "账户/index.html");
    assert!(section.contains("如何修改登录密码") && section.contains("设备"));
}

#[test]
fn every_relative_link_and_anchor_resolves() {
    let (_s, out) = built_fixture();
    assert_eq!(broken_links(&out, "/docs/"), Vec::<String>::new());
}

#[test]
fn demo_site_builds_with_no_broken_link() {
    let s = Scratch::new("demo");
    let out = build_ok(&repo(), &s);
    assert_eq!(broken_links(&out, "/"), Vec::<String>::new());
    let guide = read(&out, "weilidai/close-weilidai/index.html");
    for n in 1..=8 {
        assert!(guide.contains(&format!("id=\"step-{n}\"")), "step {n}");
    }
    assert!(!guide.contains("id=\"step-9\""));
    // The precautions stand as callouts before the final confirmation step.
    let step8 = guide.find("id=\"step-8\"").unwrap();
    let warnings = guide.matches("class=\"callout callout-warning\"").count();
    assert!(warnings >= 1 && guide.find("callout-warning").unwrap() < step8);
    let precautions = read(&out, "weilidai/close-precautions/index.html");
    for h in [
        "还清全部欠款",
        "重新开通可能需要重新评估",
        "关闭不等于删除数据",
        "遇到问题联系客服",
    ] {
        assert!(
            precautions.contains(&format!("id=\"{h}\"")),
            "precaution {h}"
        );
    }
}

#[test]
fn article_page_has_dates_breadcrumbs_toc_and_siblings() {
    let (_s, out) = built_fixture();
    let html = read(&out, "账户/改密码/index.html");
    assert!(html.contains("发布时间"));
    assert!(
        html.contains("<time datetime=\"2024-04-07T15:04:49+08:00\">2024年4月7日 15:04</time>"),
        "{html}"
    );
    assert!(html.contains("更新时间") && html.contains("2024年5月1日"));
    assert!(html.contains("aria-label=\"面包屑导航\""));
    assert!(
        html.contains("<a href=\"../../\">首页</a>")
            && html.contains("<a href=\"../../账户/\">账户与安全</a>")
    );
    assert!(html.contains("<summary>目录</summary>") && html.contains("href=\"#操作步骤\""));
    // The section's other articles: 使用指南 has three.
    let guide = read(&out, "guides/no-front/index.html");
    let nav = &guide[guide
        .find("aria-label=\"本栏目其他文章\"")
        .expect("siblings block")..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    assert!(
        nav.contains("aria-current=\"page\">没有前言的文章</a>"),
        "{nav}"
    );
    assert!(
        nav.contains(">带图片的文章</a>") && nav.contains("图片标题测试</a>"),
        "{nav}"
    );
    // Head: canonical, Open Graph, JSON-LD Article + BreadcrumbList.
    assert!(html.contains("<link rel=\"canonical\" href=\"https://example.org/docs/%E8%B4%A6%E6%88%B7/%E6%94%B9%E5%AF%86%E7%A0%81/\">"));
    assert!(html.contains("property=\"og:title\" content=\"如何修改登录密码\""));
    assert!(
        html.contains("\"@type\":\"Article\"") && html.contains("\"@type\":\"BreadcrumbList\"")
    );
    assert!(html.contains("\"datePublished\":\"2024-04-07T15:04:49+08:00\""));
}

#[test]
fn chinese_heading_ids_steps_and_callouts() {
    let (_s, out) = built_fixture();
    let html = read(&out, "账户/改密码/index.html");
    assert!(html.contains("<h2 id=\"注意事项\">"), "Chinese id kept");
    assert!(html.contains("<ol class=\"steps\">"));
    assert!(html.contains("<li class=\"step\" id=\"step-3\"><a class=\"step-number\" href=\"#step-3\" aria-label=\"第 3 步\">3</a>"));
    assert!(
        html.contains("<div class=\"callout callout-warning\" role=\"note\" aria-label=\"警告\">")
    );
    assert!(html.contains("<p class=\"callout-title\"><span class=\"callout-icon\" aria-hidden=\"true\"></span>警告</p>"));
    // A relative .md link with an anchor becomes the target's URL with the anchor kept.
    assert!(
        html.contains(
            "href=\"../%E8%AE%BE%E5%A4%87/face-id/#%E8%AE%BE%E7%BD%AE%E6%96%B9%E6%B3%95\""
        ),
        "{html}"
    );
    let other = read(&out, "账户/设备/face-id/index.html");
    assert!(other.contains("<table>") && other.contains("class=\"table-wrap\""));
    assert!(other.contains("<del>旧方法</del>"));
    assert!(other.contains("type=\"checkbox\""));
    assert!(other.contains("footnote-definition"));
    assert!(
        other.contains("<span class=\"raw\">原样输出的 HTML</span>"),
        "raw HTML passes through"
    );
}

#[test]
fn script_in_a_title_is_text_everywhere() {
    let (_s, out) = built_fixture();
    for page in [
        "账户/设备/face-id/index.html",
        "账户/设备/index.html",
        "tags/安全/index.html",
        "index.html",
    ] {
        let html = read(&out, page);
        assert!(!html.contains("<script>alert(1)"), "{page} runs the title");
        if page.contains("face-id") {
            assert!(
                html.contains("<h1>Face ID &lt;script&gt;alert(1)&lt;&#x2F;script&gt; 设置</h1>")
                    || html.contains("<h1>Face ID &lt;script&gt;alert(1)&lt;/script&gt; 设置</h1>"),
                "{html}"
            );
            assert!(html.contains("\\u003cscript\\u003e"), "JSON-LD escapes <");
        }
    }
    let feed = read(&out, "atom.xml");
    assert!(!feed.contains("<script>") && feed.contains("&lt;script&gt;"));
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let (_s, out) = built_fixture();
    assert!(!out.join("账户/draft").exists());
    assert!(!read(&out, "账户/index.html").contains("草稿文章"));
    assert!(!read(&out, "sitemap.xml").contains("draft"));
    let s = Scratch::new("drafts");
    let out2 = s.path().join("public");
    let o = build(&fixture("site"), &out2, &["--drafts"]);
    assert!(o.status.success());
    assert!(read(&out2, "账户/draft/index.html").contains("草稿文章"));
}

#[test]
fn aliases_redirect_to_the_article() {
    let (_s, out) = built_fixture();
    let html = read(&out, "old/change-password/index.html");
    assert!(
        html.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../账户/改密码/\">"),
        "{html}"
    );
    assert!(html.contains("rel=\"canonical\""));
}

#[test]
fn title_from_first_heading_and_slugs() {
    let (_s, out) = built_fixture();
    let html = read(&out, "guides/no-front/index.html");
    // The heading keeps its id: links written against it resolve.
    assert!(html.contains("<h1 id=\"没有前言的文章\">没有前言的文章</h1>"));
    assert_eq!(
        html.matches("没有前言的文章</h1>").count(),
        1,
        "the heading is not repeated in the body"
    );
    assert!(
        out.join("guides/with-image/index.html").exists(),
        "slug from front matter"
    );
    let img = read(&out, "guides/with-image/index.html");
    assert!(img.contains("src=\"shot.png\""));
}

#[test]
fn feeds_use_base_url() {
    let (_s, out) = built_fixture();
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains(
        "<loc>https://example.org/docs/%E8%B4%A6%E6%88%B7/%E6%94%B9%E5%AF%86%E7%A0%81/</loc>"
    ));
    assert!(read(&out, "robots.txt").contains("Sitemap: https://example.org/docs/sitemap.xml"));
    let atom = read(&out, "atom.xml");
    assert!(atom.contains("<title>如何修改登录密码</title>"));
    // A 404 page is served at any depth, so with a base_url its links are absolute paths.
    assert!(read(&out, "404.html").contains("href=\"/docs/\""));
}

#[test]
fn copy_publishes_what_it_lists_and_warns_about_an_entry_that_matches_nothing() {
    let s = Scratch::site("copy");
    s.write(
        "helpcenter.yaml",
        "title: 测试\ncopy:\n  - downloads/\n  - \"*.pdf\"\n  - fiels/\n  - \"*a*a*a*a*a*a*a*a*a*a*b\"\n",
    );
    s.write("content/downloads/tool.zip", "zip");
    s.write(&format!("content/a/{}.pdf", "a".repeat(60)), "pdf");
    s.write("content/a/notes.txt", "not listed");
    let out = s.path().join("public");
    let o = build(s.path(), &out, &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(read(&out, "downloads/tool.zip"), "zip");
    assert_eq!(read(&out, &format!("a/{}.pdf", "a".repeat(60))), "pdf");
    assert!(
        !out.join("a/notes.txt").exists(),
        "only what is listed or linked is published"
    );
    for typo in ["fiels/", "*a*a*a*a*a*a*a*a*a*a*b"] {
        assert!(
            err.contains(&format!(
                "`copy:` entry `{typo}` matches no file of content/"
            )),
            "{err}"
        );
    }
    assert!(err.contains("helpcenter.yaml:2"), "{err}");
    assert!(!err.contains("`downloads/` matches no file"), "{err}");
}

#[test]
fn a_favicon_of_the_site_own_is_linked_not_only_copied() {
    let s = Scratch::site("favicon");
    let out = s.path().join("public");
    s.write("static/favicon.png", b"\x89PNG\r\n\x1a\n");
    let o = build(s.path(), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(&out, "a/ok/index.html");
    assert!(
        html.contains("favicon.png?v=") && html.contains("type=\"image/png\""),
        "{}",
        &html[..html.find("</head>").unwrap_or(html.len())]
    );
    // An SVG of its own wins, as it replaces the theme's by name.
    s.write(
        "static/favicon.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let o = build(s.path(), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(&out, "a/ok/index.html").contains("favicon.svg?v="));
}

#[test]
fn the_feedback_widget_shows_only_where_an_answer_can_go() {
    let s = Scratch::site("feedback");
    let out = s.path().join("public");
    let page = |extra: &str| {
        s.write("helpcenter.yaml", format!("title: 测试\n{extra}"));
        let o = build(s.path(), &out, &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        read(&out, "a/ok/index.html")
    };
    // Neither an endpoint nor a contact: a widget would ask and lead nowhere.
    assert!(!page("").contains("data-feedback"));
    let contact = "contact:\n  text: 拨打客服电话\n";
    let html = page(contact);
    assert!(html.contains("data-feedback") && html.contains("抱歉没能帮到你。"));
    assert!(
        !html.contains("我们会改进"),
        "no promise while nothing is sent"
    );
    let html = page("feedback:\n  url: https://f.example/c\n");
    assert!(html.contains("data-feedback-url") && html.contains("感谢反馈，我们会改进这篇文章。"));
    // A team that does not want the question asks for none, and keeps its contact block.
    let html = page(&format!("{contact}feedback: false\n"));
    assert!(!html.contains("data-feedback") && html.contains("拨打客服电话"));
}

#[test]
fn without_base_url_feeds_are_skipped_with_a_warning() {
    let s = Scratch::site("nobase");
    let out = s.path().join("public");
    let o = build(s.path(), &out, &[]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("warning: base_url is not set"));
    assert!(!out.join("sitemap.xml").exists() && !out.join("atom.xml").exists());
    assert!(out.join("robots.txt").exists());
    let o = build(s.path(), &out, &["--base-url", "https://h.example/x"]);
    assert!(o.status.success());
    assert!(read(&out, "sitemap.xml").contains("https://h.example/x/a/ok/"));
}

#[test]
fn same_input_gives_same_bytes() {
    let s = Scratch::new("det");
    let (a, b) = (s.path().join("a"), s.path().join("b"));
    assert!(build(&fixture("site"), &a, &[]).status.success());
    assert!(build(&fixture("site"), &b, &[]).status.success());
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert_eq!(sa.len(), sb.len());
    for ((fa, ba), (fb, bb)) in sa.iter().zip(&sb) {
        assert_eq!(fa, fb);
        assert!(ba == bb, "{fa} differs");
    }
}

#[test]
fn summary_line_counts_pages() {
    let s = Scratch::new("summary");
    let o = build(&fixture("site"), &s.path().join("p"), &[]);
    let out = stdout(&o);
    assert!(out.starts_with("Built 16 pages (5 articles,"), "{out}");
    assert!(out.trim_end().ends_with(" ms"), "{out}");
}

#[test]
fn english_site_uses_english_strings_and_dates() {
    let s = Scratch::site("en");
    s.write("helpcenter.yaml", "title: Help\nlanguage: en\n");
    s.write(
        "content/a/ok.md",
        "---\ntitle: Reset\ndate: 2024-04-07 15:04:49\n---\n\n1. One\n2. Two\n\n> [!NOTE]\n> n\n",
    );
    let out = build_ok(s.path(), &s);
    let html = read(&out, "a/ok/index.html");
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Published") && html.contains("April 7, 2024, 15:04"));
    assert!(html.contains("aria-label=\"Step 2\"") && html.contains("aria-label=\"Note\""));
    // A section longer than the list beside an article: its count in the language's brackets.
    for i in 0..11 {
        s.write(
            &format!("content/a/p{i}.md"),
            format!("# Page {i}\n\nText.\n"),
        );
    }
    let out = build_ok(s.path(), &s);
    let html = read(&out, "a/ok/index.html");
    assert!(html.contains(">View all (12)</a>"), "{html}");
    assert!(
        !html.contains('（'),
        "no full-width bracket on an English page"
    );
}

#[test]
fn site_templates_and_static_override_the_theme() {
    let s = Scratch::site("override");
    s.write("templates/article.html", "{% extends \"base.html\" %}{% block content %}<p class=\"mine\">{{ page.title }}</p>{% endblock content %}");
    s.write("static/style.css", "body{color:red}");
    s.write("static/img/logo.png", "png");
    let out = build_ok(s.path(), &s);
    assert!(read(&out, "a/ok/index.html").contains("<p class=\"mine\">正常文章</p>"));
    assert_eq!(read(&out, "style.css"), "body{color:red}");
    assert!(out.join("img/logo.png").exists());
    // Templates not overridden still come from the built-in theme.
    assert!(read(&out, "a/index.html").contains("正常文章"));
}

#[test]
fn check_reports_without_writing() {
    let s = Scratch::site("check");
    let o = run(&["check", "--root", s.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("no errors"));
    assert!(!s.path().join("public").exists());
}

#[test]
fn init_creates_a_site_that_builds() {
    let s = Scratch::new("init");
    let dir = s.path().join("新站点");
    let o = run(&["init", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = s.path().join("out");
    let o = build(&dir, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(&out, "getting-started/first-steps/index.html").contains("id=\"step-2\""));
    assert_eq!(broken_links(&out, "/"), Vec::<String>::new());
    let again = run(&["init", dir.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("not empty"));
}

#[test]
fn help_and_usage_errors() {
    for cmd in ["build", "check", "init"] {
        let o = run(&[cmd, "--help"]);
        assert!(o.status.success());
        assert!(stdout(&o).contains("Usage:"));
    }
    assert_eq!(run(&["build", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn every_demo_article_is_within_two_clicks_of_home() {
    let s = Scratch::new("clicks");
    let out = build_ok(&repo(), &s);
    let links_of = |page: &str| -> Vec<String> {
        let dir = std::path::Path::new(page).parent().unwrap().to_path_buf();
        attrs(&read(&out, page), "href")
            .into_iter()
            .filter(|h| !h.contains(':') && !h.starts_with('#'))
            .map(|h| {
                let h = h.split('#').next().unwrap();
                let mut p = dir.join(h);
                if h.ends_with('/') || h.is_empty() {
                    p = p.join("index.html");
                }
                let p = p.to_string_lossy().into_owned();
                // Normalise ../ segments.
                let mut parts: Vec<&str> = Vec::new();
                for seg in p.split('/') {
                    match seg {
                        ".." => {
                            parts.pop();
                        }
                        "." | "" => {}
                        s => parts.push(s),
                    }
                }
                parts.join("/")
            })
            .collect()
    };
    let one: Vec<String> = links_of("index.html");
    let mut reachable: std::collections::HashSet<String> = one.iter().cloned().collect();
    for p in &one {
        if p.ends_with("index.html") && out.join(p).exists() {
            reachable.extend(links_of(p));
        }
    }
    let json: serde_json::Value = serde_json::from_str(&read(&out, "related.json")).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert!(articles.len() >= 14, "the demo has at least 14 articles");
    for a in articles {
        let page = format!("{}index.html", a["url"].as_str().unwrap());
        assert!(
            reachable.contains(&page),
            "{page} is more than two clicks from home"
        );
    }
}

/// The JSON of an index file written as `call(k, JSON);`.
fn index_file<T: serde::de::DeserializeOwned>(out: &std::path::Path, path: &str, call: &str) -> T {
    let body = read(out, path);
    let json = body
        .strip_prefix(call)
        .and_then(|b| b.split_once(','))
        .map(|(_, rest)| rest.trim_end().trim_end_matches(");"))
        .unwrap_or_else(|| panic!("{path}: {body}"));
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{path}: {e}\n{json}"))
}

#[test]
fn search_shards_are_json_and_describe_results_exactly() {
    let s = Scratch::site("shards");
    let titles = [
        r#"退款 "引号" 说明"#,
        r"退款 \反斜杠\ 说明",
        "退款 </script><script>alert(1)</script>",
        "<img src=x onerror=alert(2)> 退款",
        "退款到账时间",
    ];
    for (i, t) in titles.iter().enumerate() {
        let front = serde_json::to_string(t).unwrap();
        s.write(
            &format!("content/a/r{i}.md"),
            format!("---\ntitle: {front}\n---\n\n开头。\n\n## 办理退款\n\n申请退款后{i}个工作日内到账。\n"),
        );
    }
    // More articles than a small site's card files hold, so shards carry the cards of what
    // they describe; five mention the term once, below the five named after it.
    for i in 0..140 {
        let text = if i < 5 {
            "这里也提到退款。"
        } else {
            "别的话题。"
        };
        s.write(
            &format!("content/b/f{i}.md"),
            format!("---\ntitle: 其他说明{i}\n---\n\n{text}\n"),
        );
    }
    let out = build_ok(s.path(), &s);

    // A shard's cards: [[section, …], doc, title, url, section index, doc, …].
    let mut cards = Vec::new();
    let mut refund = None;
    for name in files(&out.join("search/t")) {
        let shard: serde_json::Map<String, serde_json::Value> =
            index_file(&out, &format!("search/t/{name}"), "helpcenterSearch.shard(");
        if let Some(c) = shard.get("").and_then(|c| c.as_array()) {
            let sections = c[0].as_array().expect("section names first");
            for card in c[1..].chunks(4) {
                let section = &sections[card[3].as_u64().unwrap() as usize];
                cards.push((card[1].as_str().unwrap().to_owned(), section.clone()));
            }
        }
        if let Some(v) = shard.get("退款") {
            refund = Some(v.clone());
        }
    }
    // Each card with its own section's name, from the shard's list.
    let section_of = |t: &str| cards.iter().find(|(c, _)| c == t).map(|(_, s)| s.clone());
    let refunds = section_of(titles[0]).expect("card for the first title");
    assert_ne!(Some(&refunds), section_of("其他说明0").as_ref());
    for t in titles {
        assert_eq!(
            section_of(t).as_ref(),
            Some(&refunds),
            "card for {t:?} in {cards:?}"
        );
    }
    // The term's best ten articles: the first five with the heading where it is (its id left
    // out: it is the heading's slug), the first three with the text around it, the others
    // named only.
    let refund = refund.expect("退款 is indexed");
    let hot = refund.as_array().expect("described, not just postings");
    assert_eq!(hot.len(), 1 + 10);
    for (i, e) in hot[1..].iter().enumerate() {
        let e = e.as_array().unwrap();
        if i < 3 {
            assert_eq!(e[1], "办理退款", "{e:?}");
            assert!(e[2].as_str().unwrap().contains("申请退款后"), "{e:?}");
        } else if i < 5 {
            assert_eq!(e[1], "办理退款", "{e:?}");
            assert_eq!(e.len(), 2, "{e:?}");
        } else {
            assert_eq!(e.len(), 1, "{e:?}");
        }
    }
}

/// Every URL of a `srcset` is treated as a `src`: rewritten from the page's URL, the file
/// published, a missing one reported (a warning under `links: warn`).
#[test]
fn srcset_urls_are_rewritten_published_and_checked() {
    let s = Scratch::site("srcset");
    s.write("content/a/shot.png", "PNG1");
    s.write("content/a/shot@2x.png", "PNG2");
    s.write("content/a/shot.webp", "WEBP");
    s.write(
        "content/a/pics.md",
        "---\ntitle: 图片\n---\n\n<img src=\"shot.png\" srcset=\"shot.png 1x, shot@2x.png 2x\" alt=\"a\">\n\n\
         <picture><source srcset=\"shot.webp\" type=\"image/webp\"><img src=\"shot.png\" alt=\"b\"></picture>\n",
    );
    let out = build_ok(s.path(), &s);
    let html = read(&out, "a/pics/index.html");
    assert!(
        html.contains("srcset=\"../shot.png 1x, ../shot@2x.png 2x\""),
        "{html}"
    );
    assert!(html.contains("<source srcset=\"../shot.webp\""), "{html}");
    // Each URL leads to a published file, as a browser resolves it from the page.
    for set in attrs(&html, "srcset") {
        for url in set.split(", ").map(|c| c.split(' ').next().unwrap()) {
            let file = out.join("a/pics").join(url);
            assert!(file.is_file(), "{url} -> {}", file.display());
        }
    }

    s.write(
        "content/a/typo.md",
        "---\ntitle: 错字\n---\n\n<img src=\"shot.png\" srcset=\"shot.png 1x, missing@3x.png 3x\" alt=\"c\">\n",
    );
    let o = build(s.path(), &s.path().join("public"), &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("error: link to a missing file: `missing@3x.png`")
            && err.contains("content/a/typo.md:5"),
        "{err}"
    );
    s.write("helpcenter.yaml", "title: 测试\nlinks: warn\n");
    let o = build(s.path(), &s.path().join("public"), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: link to a missing file: `missing@3x.png`"));
}

/// Checks `xml` the way a strict XML parser would for what helpcenter writes: only characters
/// XML 1.0 allows, every `&` a reference, every element closed in order.
fn assert_well_formed_xml(xml: &str) {
    let bad: Vec<char> = xml
        .chars()
        .filter(|&c| {
            !(matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}'))
        })
        .collect();
    assert!(bad.is_empty(), "characters XML forbids: {bad:?}");
    for (i, _) in xml.match_indices('&') {
        let rest = &xml[i + 1..];
        let name = &rest[..rest.find(';').expect("a reference ends with ;")];
        assert!(
            ["amp", "lt", "gt", "quot", "apos"].contains(&name)
                || name
                    .strip_prefix('#')
                    .is_some_and(|n| n.parse::<u32>().is_ok()),
            "bad reference &{name};"
        );
    }
    let mut open: Vec<&str> = Vec::new();
    let body = &xml[xml.find("?>").unwrap() + 2..];
    for tag in body.split('<').skip(1) {
        let tag = &tag[..tag.find('>').expect("tag closed")];
        assert!(!tag.contains('<'), "`<` inside a tag: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name), "closing </{name}>");
        } else if !tag.ends_with('/') {
            open.push(tag.split_whitespace().next().unwrap());
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
}

/// A control character pasted from Word (U+000B) into the text, a title or the site's title
/// never reaches the feed or the sitemap, which stay well-formed.
#[test]
fn feeds_stay_well_formed_xml_whatever_the_text_holds() {
    let s = Scratch::site("xmlchars");
    s.write(
        "helpcenter.yaml",
        "title: \"站点\\a名\"\nbase_url: https://example.org/\n",
    );
    s.write(
        "content/a/word.md",
        "---\ntitle: \"粘贴\\v标题 & <b>\"\ndate: 2024-01-01\n---\n从 Word 粘贴：\u{b}第二行\u{1}，\u{ffff}完\n",
    );
    let out = build_ok(s.path(), &s);
    let atom = read(&out, "atom.xml");
    assert_well_formed_xml(&atom);
    assert_well_formed_xml(&read(&out, "sitemap.xml"));
    assert!(atom.contains("<title>站点名</title>"), "{atom}");
    assert!(
        atom.contains("<title>粘贴标题 &amp; &lt;b&gt;</title>"),
        "{atom}"
    );
    assert!(atom.contains("从 Word 粘贴：第二行，完"), "{atom}");
}

/// `featured:` takes paths as links do (`/x.md` from the content root) and lists each once.
#[test]
fn featured_accepts_rooted_paths_and_lists_a_repeated_entry_once() {
    let s = Scratch::site("featured");
    s.write(
        "helpcenter.yaml",
        "title: 测试\nfeatured: [a/ok.md, /a/ok.md, content/a/ok.md]\n",
    );
    let out = s.path().join("public");
    let o = build(s.path(), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: `featured` lists `a/ok.md` 3 times"),
        "{}",
        stderr(&o)
    );
    let home = read(&out, "index.html");
    let featured = &home[home.find("热门文章").expect("featured block")..];
    let featured = &featured[..featured.find("</ul>").unwrap()];
    assert_eq!(featured.matches("正常文章").count(), 1, "{featured}");
}

/// The interface's words follow the site's language; the redirect page's title is a sentence.
#[test]
fn tag_and_redirect_pages_read_right_in_english() {
    let s = Scratch::site("english");
    s.write("helpcenter.yaml", "title: Help\nlanguage: en\n");
    s.write(
        "content/a/ok.md",
        "---\ntitle: First steps\ntags: [basics]\naliases: [old/]\n---\nx\n",
    );
    let out = build_ok(s.path(), &s);
    let tag = read(&out, "tags/basics/index.html");
    assert!(
        tag.contains("<title>Tagged: basics - Help</title>"),
        "{tag}"
    );
    let moved = read(&out, "old/index.html");
    assert!(
        moved.contains("<title>This page has moved</title>"),
        "{moved}"
    );
    let zh = Scratch::site("chinese-tag");
    zh.write(
        "content/a/ok.md",
        "---\ntitle: 正常文章\ntags: [入门]\n---\nx\n",
    );
    let out = build_ok(zh.path(), &zh);
    assert!(read(&out, "tags/入门/index.html").contains("<title>标签：入门 - 测试</title>"));
}

/// Where the author gave no order, a Chinese reader finds titles by pinyin, as in a dictionary:
/// 安装 (ān) before 登录 (dēng) before 注册 (zhù), which Unicode has the other way round.
#[test]
fn chinese_titles_without_an_order_sort_by_pinyin() {
    let s = Scratch::new("pinyin-order");
    s.write("helpcenter.yaml", "title: 测试\n");
    s.write("content/_index.md", "---\ntitle: 首页\n---\n");
    for (dir, title) in [("z", "注册账号"), ("d", "登录问题"), ("a", "安装应用")] {
        s.write(
            &format!("content/{dir}/_index.md"),
            format!("---\ntitle: {title}\n---\n"),
        );
    }
    for (file, title, tag) in [
        ("q", "绑定第10张卡", "转账"),
        ("r", "绑定第2张卡", "安全"),
        ("p", "iOS 设置", "登录"),
    ] {
        s.write(
            &format!("content/a/{file}.md"),
            format!("---\ntitle: {title}\ntags: [{tag}]\n---\n\n正文。\n"),
        );
    }
    let out = build_ok(s.path(), &s);
    let main = |html: String| html[html.find("<main").unwrap()..].to_owned();
    in_order(
        &main(read(&out, "index.html")),
        &["安装应用", "登录问题", "注册账号"],
    );
    in_order(
        &main(read(&out, "a/index.html")),
        &["iOS 设置", "绑定第2张卡", "绑定第10张卡"],
    );
    in_order(
        &main(read(&out, "tags/index.html")),
        &[">安全 <", ">登录 <", ">转账 <"],
    );
}

/// `nav_title` (Hugo's `linkTitle`) names a page where room is short: in breadcrumbs and the
/// top navigation, for sections as for articles; the page's heading keeps its full title.
#[test]
fn nav_titles_name_pages_in_breadcrumbs_and_the_top_navigation() {
    let s = Scratch::new("nav-titles");
    s.write("helpcenter.yaml", "title: 测试\n");
    s.write("content/_index.md", "---\ntitle: 首页\n---\n");
    s.write(
        "content/coop/_index.md",
        "---\ntitle: 合作伙伴的用户案例\nlinkTitle: 用户案例\n---\n",
    );
    s.write(
        "content/coop/semir.md",
        "---\ntitle: 森马的云原生实践\nnav_title: 森马\n---\n\n正文。\n",
    );
    let out = build_ok(s.path(), &s);
    let page = read(&out, "coop/semir/index.html");
    assert!(
        page.contains(
            "<li><a href=\"../../coop/\">用户案例</a></li><li aria-current=\"page\">森马</li>"
        ),
        "{page}"
    );
    assert!(page.contains(">森马的云原生实践</h1>"), "{page}");
    let home = read(&out, "index.html");
    let nav = &home[home.find("<nav").unwrap()..];
    assert!(
        nav[..nav.find("</nav>").unwrap()].contains(">用户案例</a>"),
        "{home}"
    );
}

/// Folders that hold only an `_index.md` with text are pages in all but name (CloudWeGo's
/// weekly reports `5th/` … `21th/`): their cards say no "0 篇文章", and they come in their
/// number's order, ordinals however short.
#[test]
fn page_like_sections_show_no_count_and_ordinals_order() {
    let s = Scratch::new("ordinals");
    s.write("helpcenter.yaml", "title: 测试\n");
    s.write("content/_index.md", "---\ntitle: 首页\n---\n");
    s.write("content/weekly/_index.md", "---\ntitle: 周报\n---\n");
    for n in [5, 6, 10, 11] {
        s.write(
            &format!("content/weekly/{n}th/_index.md"),
            format!("---\ntitle: 第{n:02}期周报\nweight: 1\n---\n\n**第{n}期周报**\n"),
        );
    }
    let out = build_ok(s.path(), &s);
    let list = read(&out, "weekly/index.html");
    let main = &list[list.find("<main").unwrap()..];
    in_order(main, &["第05期", "第06期", "第10期", "第11期"]);
    assert!(!main.contains("0 篇文章"), "{main}");
    let home = read(&out, "index.html");
    assert!(!home.contains("0 篇文章"), "{home}");
}

#[test]
fn heading_ids_leave_the_themes_steps_and_footnotes_theirs() {
    // A heading took `main` from the landmark the skip link targets, `contact-title` from the
    // box it labels, step 1's `#step-1` and a footnote's `fn:a`; an explicit id already taken
    // was renamed without a word.
    let s = Scratch::site("ids");
    s.write(
        "content/a/ids.md",
        "---\ntitle: 锚点\n---\n\n## main\n\n## contact-title\n\n## step-1\n\n1. 第一步\n2. 第二步\n\n\
         ## 脚注 {#fn:a}\n\n正文[^a]。\n\n## 甲\n\n## 乙 {#甲}\n\n[^a]: 注释。\n",
    );
    let o = build(s.path(), &s.path().join("public"), &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let page = read(&s.path().join("public"), "a/ids/index.html");
    let ids = attrs(&page, "id");
    let mut seen = std::collections::HashSet::new();
    for id in &ids {
        assert!(seen.insert(*id), "`{id}` twice in {ids:?}");
    }
    for id in ["main", "step-1", "step-2", "fn:a", "甲"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert!(page.contains("<li class=\"step\" id=\"step-1\">"), "{page}");
    assert!(page.contains("<h2 id=\"main-1\">"), "{page}");
    assert!(
        err.contains("the heading's id `甲` is taken (an earlier heading or step of the page has it): it is `甲-1`"),
        "{err}"
    );
    assert!(
        err.contains("content/a/ids.md:20") && err.contains("content/a/ids.md:14"),
        "{err}"
    );
    assert!(
        err.contains(
            "the heading's id `fn:a` is taken (step lists and footnotes number their anchors so)"
        ),
        "{err}"
    );
}

#[test]
fn english_counts_say_one_article_not_one_articles() {
    let s = Scratch::new("en-plural");
    s.write("helpcenter.yaml", "title: Docs\nlanguage: en\n");
    s.write("content/_index.md", "---\ntitle: Home\n---\n");
    s.write("content/a/_index.md", "---\ntitle: Guide\n---\n");
    s.write(
        "content/a/one.md",
        "---\ntitle: The only one\ntags: [lonely]\n---\n\nText.\n",
    );
    s.write("content/b/_index.md", "---\ntitle: Other\n---\n");
    s.write("content/b/x.md", "---\ntitle: X\n---\n\nText.\n");
    s.write("content/b/y.md", "---\ntitle: Y\n---\n\nText.\n");
    let out = s.path().join("public");
    let o = build(s.path(), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("(3 articles,"), "{}", stdout(&o));
    let home = read(&out, "index.html");
    assert!(home.contains(">1 article</p>"), "{home}");
    assert!(home.contains(">2 articles</p>"), "{home}");
    assert!(!home.contains("1 articles"), "{home}");
    let tag = read(&out, "tags/lonely/index.html");
    assert!(
        tag.contains("1 article<") && !tag.contains("1 articles"),
        "{tag}"
    );

    s.write(
        "content/b/x.md",
        "---\ntitle: X\ndraft: true\n---\n\nText.\n",
    );
    s.write(
        "content/b/y.md",
        "---\ntitle: Y\ndraft: true\n---\n\nText.\n",
    );
    let o = build(s.path(), &out, &[]);
    assert!(stdout(&o).contains("(1 article,"), "{}", stdout(&o));
}
