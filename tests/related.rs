//! Related articles on a fixture with known clusters: the expected neighbours, pins first,
//! nothing for an article with nothing related, drafts never, and the related-articles index.

mod common;
use common::*;

fn related_of(json: &serde_json::Value, path: &str) -> Vec<(String, bool)> {
    json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["path"] == path)
        .unwrap_or_else(|| panic!("{path} not in related.json"))["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["path"].as_str().unwrap().to_owned(),
                r["pinned"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn built() -> (Scratch, std::path::PathBuf, serde_json::Value) {
    let s = Scratch::new("related");
    let out = build_ok(&fixture("related"), &s);
    let json = serde_json::from_str(&read(&out, "related.json")).unwrap();
    (s, out, json)
}

#[test]
fn clusters_list_each_other_and_nothing_else() {
    let (_s, _out, json) = built();
    let clusters: [&[&str]; 3] = [
        &[
            "billing/repay-early.md",
            "billing/repay-failed.md",
            "account/auto-repay.md",
        ],
        &[
            "account/change-password.md",
            "account/forgot-password.md",
            "account/lock-account.md",
        ],
        &["billing/invoice-apply.md", "billing/invoice-wrong.md"],
    ];
    for cluster in clusters {
        for &member in cluster {
            let auto: Vec<String> = related_of(&json, member)
                .into_iter()
                .filter(|(_, p)| !p)
                .map(|(p, _)| p)
                .collect();
            let mut expected: Vec<&str> =
                cluster.iter().copied().filter(|m| *m != member).collect();
            expected.sort();
            let mut got: Vec<&str> = auto.iter().map(String::as_str).collect();
            got.sort();
            assert_eq!(got, expected, "related of {member}");
        }
    }
}

#[test]
fn an_article_with_nothing_related_shows_nothing() {
    let (_s, out, json) = built();
    assert!(related_of(&json, "account/about.md").is_empty());
    assert!(!read(&out, "account/about/index.html").contains("data-related"));
}

#[test]
fn pins_come_first_and_drafts_never_appear() {
    let (_s, out, json) = built();
    let list = related_of(&json, "account/change-password.md");
    assert_eq!(
        list[0],
        ("billing/invoice-apply.md".to_owned(), true),
        "the pin first: {list:?}"
    );
    assert!(list.len() <= 3, "related.limit from the config");
    let all = read(&out, "related.json");
    assert!(!all.contains("repay-draft"));
    // On the page: an element with data-related holding one link per related article, in order.
    let html = read(&out, "account/change-password/index.html");
    let block = &html[html.find("data-related").unwrap()..];
    let block = &block[..block.find("</section>").unwrap()];
    let hrefs = attrs(block, "href");
    assert_eq!(
        hrefs,
        [
            "../../billing/invoice-apply/",
            "../../account/forgot-password/",
            "../../account/lock-account/"
        ]
    );
    assert!(block.contains("编辑推荐") && block.contains("共同标签：安全"));
}

#[test]
fn related_index_lists_every_article_by_section() {
    let (_s, out, _json) = built();
    let html = read(&out, "related/index.html");
    for title in [
        "如何提前还款",
        "还款失败怎么办",
        "设置自动还款",
        "修改登录密码",
        "忘记登录密码",
        "账户被锁定怎么办",
        "申请开具发票",
        "发票信息填错了",
        "关于我们",
    ] {
        assert!(
            html.contains(&format!(">{title}</a>")),
            "{title} missing from the index"
        );
    }
    assert!(
        html.contains(">账户</a></h2>") && html.contains(">账单</a></h2>"),
        "grouped by section"
    );
    assert!(html.contains("暂无相关文章"), "the loner says it has none");
    assert!(!html.contains("还款草稿"));
}

#[test]
fn related_auto_false_keeps_only_pins_and_bad_pins_fail() {
    let s = Scratch::site("pins");
    s.write(
        "content/a/one.md",
        "---\ntitle: 一\nrelated: [a/ok.md]\nrelated_auto: false\n---\n\n## 小节\n\n正文。\n",
    );
    s.write(
        "content/a/two.md",
        "---\ntitle: 二\n---\n\n## 小节\n\n正文。\n",
    );
    let out = build_ok(s.path(), &s);
    let json: serde_json::Value = serde_json::from_str(&read(&out, "related.json")).unwrap();
    assert_eq!(
        related_of(&json, "a/one.md"),
        [("a/ok.md".to_owned(), true)]
    );

    s.write(
        "content/a/bad.md",
        "---\ntitle: 坏\ntags: [x]\nrelated:\n  - a/gone.md\n---\n",
    );
    let o = build(s.path(), &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("`related` pins a missing article: `a/gone.md`")
            && err.contains("content/a/bad.md:4"),
        "{err}"
    );
}

#[test]
fn demo_guide_relates_to_its_precautions_first() {
    let s = Scratch::new("demo-related");
    let out = build_ok(&repo(), &s);
    let json: serde_json::Value = serde_json::from_str(&read(&out, "related.json")).unwrap();
    let list = related_of(&json, "weilidai/close-weilidai.md");
    assert_eq!(list[0].0, "weilidai/close-precautions.md");
    assert!(list.len() <= 5);
    // The section's overview page is among them, linked and labelled as such.
    assert!(
        list.iter().any(|(p, _)| p == "weilidai/_index.md"),
        "{list:?}"
    );
    let page = read(&out, "weilidai/close-weilidai/index.html");
    let related = &page[page.find("data-related").expect("a related block")..];
    let overview = &related[related
        .find("href=\"../../weilidai/\"")
        .expect("a link to the section page")..];
    assert!(overview[..overview.find("</li>").unwrap()].contains("栏目概览"));
}

#[test]
fn a_section_overview_page_shows_related_articles_from_other_sections() {
    let s = Scratch::new("demo-overview-related");
    let out = build_ok(&repo(), &s);
    let json: serde_json::Value = serde_json::from_str(&read(&out, "related.json")).unwrap();
    let section = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["path"] == "weilidai/_index.md")
        .expect("the overview's list in related.json");
    let paths: Vec<&str> = section["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert!(!paths.is_empty());
    assert!(
        paths.iter().all(|p| !p.starts_with("weilidai/")),
        "its own articles are listed on the page already: {paths:?}"
    );
    let page = read(&out, "weilidai/index.html");
    let block = &page[page.find("data-related").expect("a related block")..];
    let block = &block[..block.find("</section>").unwrap()];
    let hrefs: Vec<&str> = block
        .split("href=\"")
        .skip(1)
        .map(|x| &x[..x.find('"').unwrap()])
        .collect();
    assert_eq!(hrefs.len(), paths.len(), "{block}");
    for (href, path) in hrefs.iter().zip(&paths) {
        let target = href
            .strip_prefix("../")
            .expect("relative to the section page");
        assert!(
            out.join(target).join("index.html").is_file(),
            "{href} is a built page"
        );
        assert_eq!(format!("{}.md", target.trim_end_matches('/')), *path);
    }
    // A section page with no text of its own has none.
    assert!(
        json["sections"]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["path"] != "lending/_index.md")
    );
    assert!(!read(&out, "lending/index.html").contains("data-related"));
}

/// A navigation file's group has no page of its own: its articles' overview is the page of the
/// section the group is in (VitePress's 未来 group of 破坏性变更), and that page leaves them out
/// of its own list as it does its other articles.
#[test]
fn articles_of_a_navigation_group_list_the_overview_of_the_section_it_is_in() {
    let s = Scratch::new("related-nav-group-overview");
    s.write("site/helpcenter.yaml", "title: 分组\n");
    s.write("site/content/_index.md", "---\ntitle: 首页\n---\n");
    let overview =
        "配置文件放在项目根目录，名为 app.config.js。配置文件里可以设置端口、代理和构建输出目录。"
            .repeat(4);
    s.write(
        "site/content/cfg/_index.md",
        format!("---\ntitle: 配置概览\n---\n\n{overview}\n"),
    );
    s.write(
        "site/content/cfg/SUMMARY.md",
        "- 基础\n  - [端口](port.md)\n  - [代理](proxy.md)\n",
    );
    s.write(
        "site/content/cfg/port.md",
        "# 端口\n\n在配置文件 app.config.js 里设置端口，默认 3000。\n",
    );
    s.write(
        "site/content/cfg/proxy.md",
        "# 代理\n\n在配置文件 app.config.js 里设置代理，转发接口请求。\n",
    );
    for (path, text) in [
        ("plain/a.md", "# 甲\n\n甲乙丙丁的说明。\n"),
        ("plain/b.md", "# 乙\n\n甲乙丙丁的另一篇说明。\n"),
        (
            "misc/start.md",
            "# 开始\n\n第一次使用前，先安装。然后启动。\n",
        ),
    ] {
        s.write(&format!("site/content/{path}"), text);
    }
    let out = build_ok(&s.path().join("site"), &s);
    let json: serde_json::Value = serde_json::from_str(&read(&out, "related.json")).unwrap();
    for article in ["cfg/port.md", "cfg/proxy.md"] {
        let paths: Vec<String> = related_of(&json, article)
            .into_iter()
            .map(|r| r.0)
            .collect();
        assert!(
            paths.contains(&"cfg/_index.md".to_owned()),
            "{article}: {paths:?}"
        );
    }
    assert!(read(&out, "cfg/port/index.html").contains("<a href=\"../../cfg/基础/\">基础</a>"));
    let own = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["path"] == "cfg/_index.md")
        .map_or(Vec::new(), |x| x["related"].as_array().unwrap().clone());
    assert!(
        own.is_empty(),
        "its own articles are on the page already: {own:?}"
    );
}
