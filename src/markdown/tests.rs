//! Unit tests of the Markdown stage.

use super::headings::heading_id;
use super::*;

fn page() -> PageContext<'static> {
    PageContext {
        url: "guide/close/",
        src_dir: "guide",
        body_line: 5,
        locale: Locale::new("zh-CN"),
        toc_depth: 3,
    }
}

#[test]
fn chinese_heading_ids_are_kept_and_unique() {
    assert_eq!(heading_id("注意事项"), "注意事项");
    assert_eq!(heading_id("一、关闭前的准备"), "一关闭前的准备");
    assert_eq!(heading_id("Face ID 设置"), "face-id-设置");
    let (r, _) = render("## 注意事项\n\n## 注意事项\n", &page(), &LinkMap::default());
    assert!(r.html.contains("<h2 id=\"注意事项\">"), "{}", r.html);
    assert!(r.html.contains("<h2 id=\"注意事项-1\">"), "{}", r.html);
    assert_eq!(r.toc.len(), 2);
}

#[test]
fn steps_are_numbered_and_linkable() {
    let md = "1. 打开微信\n2. 点击我\n\n   > [!WARNING]\n   > 先还清欠款\n\n3. 确认\n";
    let (r, _) = render(md, &page(), &LinkMap::default());
    assert!(r.html.contains("<ol class=\"steps\">"), "{}", r.html);
    assert!(r.html.contains("id=\"step-3\""), "{}", r.html);
    assert!(
        r.html.contains("role=\"note\" aria-label=\"警告\""),
        "{}",
        r.html
    );
    assert!(r.ids.contains("step-2"));
}

#[test]
fn nested_ordered_list_is_plain() {
    let (r, _) = render("- a\n  1. x\n  2. y\n", &page(), &LinkMap::default());
    assert!(!r.html.contains("steps"));
}

#[test]
fn md_links_become_relative_urls_with_line() {
    let mut links = LinkMap::default();
    links
        .pages
        .insert("credit/report.md".into(), "credit/report/".into());
    let (r, d) = render(
        "第一行\n\n见[报告](../credit/report.md#查询记录)和[缺失](nope.md)\n",
        &page(),
        &links,
    );
    // pulldown-cmark percent-encodes non-ASCII in hrefs; browsers resolve both forms alike.
    assert!(
        r.html
            .contains("href=\"../../credit/report/#%E6%9F%A5%E8%AF%A2%E8%AE%B0%E5%BD%95\""),
        "{}",
        r.html
    );
    assert_eq!(d.0.len(), 1);
    assert_eq!(d.0[0].line, Some(7));
    assert!(d.0[0].message.contains("nope.md"));
}

#[test]
fn plain_text_blocks_follow_headings() {
    let (r, _) = render(
        "前言\n\n## 还清欠款\n\n必须还清本金和利息。\n",
        &page(),
        &LinkMap::default(),
    );
    assert_eq!(r.blocks[0].heading_id, None);
    assert_eq!(r.blocks[1].heading_id.as_deref(), Some("还清欠款"));
    assert!(r.blocks[1].text.contains("本金"));
    assert_eq!(r.summary, "前言");
}
