//! Unit tests of the Markdown stage: golden files for what a page renders to
//! (`tests/fixtures/markdown/*.md` → `*.html` and `*.parse.txt`), and exact checks of the pieces.

use std::fmt::Write;
use std::path::Path;

use super::*;

fn page() -> PageContext<'static> {
    PageContext {
        url: "guide/close/",
        src_dir: "guide",
        body_line: 5,
        locale: Locale::new("zh-CN"),
        toc_depth: 3,
        links_warn: false,
        line_map: &[],
        title_id: None,
        code: Default::default(),
        math: false,
        annotations: false,
        mkdocs: false,
    }
}

/// The link map the golden files are rendered against (see the folder's README.md.txt).
fn links() -> LinkMap {
    let mut links = LinkMap::default();
    for (path, url) in [
        ("credit/report.md", "credit/report/"),
        ("guide/other.md", "guide/other/"),
        ("guide/close.md", "guide/close/"),
    ] {
        links.pages.insert(path.into(), url.into());
    }
    links.drafts.insert("guide/draft.md".into());
    links.failed.insert("guide/broken.md".into());
    links
        .assets
        .insert("guide/shot.png".into(), "guide/shot.png".into());
    links
}

/// Everything but the HTML, one fact a line, so a change shows as a readable diff.
fn describe(r: &Rendered, d: &Diagnostics) -> String {
    let mut s = String::new();
    fn toc(s: &mut String, entries: &[TocEntry], depth: usize) {
        for e in entries {
            let _ = writeln!(
                s,
                "{}h{} #{} {}",
                "  ".repeat(depth),
                e.level,
                e.id,
                e.title
            );
            toc(s, &e.children, depth + 1);
        }
    }
    s.push_str("[toc]\n");
    toc(&mut s, &r.toc, 0);
    let mut ids: Vec<&String> = r.ids.iter().collect();
    ids.sort();
    let _ = writeln!(
        s,
        "[ids]\n{}",
        ids.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(" ")
    );
    s.push_str("[blocks]\n");
    for b in &r.blocks {
        let _ = writeln!(
            s,
            "#{} {}",
            b.heading_id.as_deref().unwrap_or("-"),
            b.heading
        );
        for line in b.text.lines() {
            let _ = writeln!(s, "  | {line}");
        }
        for line in b.code.lines() {
            let _ = writeln!(s, "  code| {line}");
        }
    }
    s.push_str("[links]\n");
    for l in &r.links {
        let _ = writeln!(s, "line {} `{}` -> {:?}", l.line, l.written, l.target);
    }
    let _ = writeln!(s, "[summary]\n{}", r.summary);
    s.push_str("[diagnostics]\n");
    for d in &d.0 {
        let _ = writeln!(
            s,
            "line {:?}: {} ({})",
            d.line,
            d.message,
            d.hint.as_deref().unwrap_or("")
        );
    }
    s
}

#[test]
fn golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut cases = 0;
    let mut differ = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        cases += 1;
        let md = std::fs::read_to_string(&path).unwrap();
        let (r, d) = render(&md, &page(), &links());
        for (ext, got) in [("html", r.html.clone()), ("parse.txt", describe(&r, &d))] {
            let golden = path.with_extension(ext);
            if update {
                std::fs::write(&golden, &got).unwrap();
            } else if std::fs::read_to_string(&golden).unwrap_or_default() != got {
                differ.push(format!("{}:\n{got}", golden.display()));
            }
        }
    }
    assert!(cases >= 6, "only {cases} golden cases");
    assert!(
        differ.is_empty(),
        "rendering differs from the golden files (UPDATE_GOLDEN=1 cargo test --lib golden \
         after a deliberate change):\n{}",
        differ.join("\n")
    );
}

#[test]
fn link_errors_carry_the_file_line() {
    let (_, d) = render("第一行\n\n见[缺失](nope.md)\n", &page(), &links());
    assert_eq!(d.0.len(), 1);
    assert_eq!(d.0[0].line, Some(7));
    assert_eq!(
        d.0[0].message,
        "link to a missing article: `nope.md` (looked for content/guide/nope.md)"
    );
}

#[test]
fn attribute_list_ids_and_quoted_values() {
    // Material for MkDocs's changelog and navigation pages (Python-Markdown's attr_list).
    let md = "见 [9.7.0](#9.7.0)。\n\n### 9.7.0 <small>2025 年 11 月</small> { id=\"9.7.0\" }\n\n### 路径 { id=navigation-path }\n\n### 用 pip { #with-pip data-toc-label=\"with pip\" }\n\n### 类 { .wide title='x' }\n";
    let (r, d) = render(md, &page(), &links());
    assert!(d.0.is_empty(), "{d:?}");
    for h in [
        "<h3 id=\"9.7.0\">",
        "<h3 id=\"navigation-path\">",
        "<h3 id=\"with-pip\">",
        "<h3 id=\"类\" class=\"wide\" title=\"x\">",
    ] {
        assert!(r.html.contains(h), "{h} in {}", r.html);
    }
    assert_eq!(
        r.html.matches(" id=").count(),
        r.html.matches("<h3").count(),
        "{}",
        r.html
    );
}

#[test]
fn containers_open_at_the_end_of_the_page_are_closed() {
    // An MkDocs admonition or a `:::` container that runs to the end of the file: left open,
    // its `<div>` held the theme's closing tags.
    for md in [
        "<!--helpcenter:callout note-->\nx\n",
        "<!--helpcenter:tabs-->\n<!--helpcenter:tab \"甲\"-->\n<!--helpcenter:details \"乙\"-->\ny\n",
    ] {
        let (r, _) = render(md, &page(), &links());
        for (open, close) in [
            ("<div", "</div>"),
            ("<section", "</section>"),
            ("<details", "</details>"),
        ] {
            assert_eq!(
                r.html.matches(open).count(),
                r.html.matches(close).count(),
                "{open} in {}",
                r.html
            );
        }
    }
}

#[test]
fn a_comment_never_closed_ends_with_the_text() {
    let (r, d) = render(
        "正文。\n\n<!-- 草稿\n\n下面的都藏起来了。\n",
        &page(),
        &links(),
    );
    assert!(r.html.trim_end().ends_with("-->"), "{}", r.html);
    assert_eq!(d.0.len(), 1, "{d:?}");
    assert_eq!(d.0[0].line, Some(7));
    assert!(d.0[0].message.contains("never closed"), "{d:?}");
}

#[test]
fn footnotes_are_gathered_at_the_end() {
    // Material for MkDocs's getting-started.md defines its note under the first paragraph.
    let md = "正文[^1]继续。\n\n[^1]:\n    注释的文字。\n\n## 安装\n\n第二段[^b]。\n\n[^b]: 第二个注释。\n";
    let (r, d) = render(md, &page(), &links());
    assert!(d.0.is_empty(), "{d:?}");
    let notes = r
        .html
        .find("<section class=\"footnotes\" aria-label=\"脚注\">")
        .expect(&r.html);
    assert!(r.html.find("<h2").unwrap() < notes, "{}", r.html);
    let first = r.html.find("注释的文字").unwrap();
    let second = r.html.find("第二个注释").unwrap();
    assert!(notes < first && first < second, "{}", r.html);
    assert!(r.html.trim_end().ends_with("</section>"), "{}", r.html);
    // MkDocs's ids, numbered in the order referred to.
    assert!(
        r.html.contains(
            "<sup class=\"footnote-reference\" id=\"fnref:b\"><a href=\"#fn:b\">2</a></sup>"
        ),
        "{}",
        r.html
    );
    assert!(r.html.contains("<div class=\"footnote-definition\" id=\"fn:1\"><sup class=\"footnote-definition-label\">1</sup>"), "{}", r.html);
    // A heading `## 1` keeps its id to itself, and a link written for MkDocs finds the note.
    let (r, d) = render(
        "见[注](#fn:1)。\n\n## 1\n\n正文[^1]。\n\n[^1]: 注。\n",
        &page(),
        &links(),
    );
    assert!(d.0.is_empty(), "{d:?}");
    assert_eq!(r.html.matches("id=\"1\"").count(), 1, "{}", r.html);
    // Without footnotes, no list.
    let (r, _) = render("正文。\n", &page(), &links());
    assert!(!r.html.contains("footnotes"));
}

#[test]
fn a_comment_over_several_lines_holds_no_tags() {
    // Prettier's docs, install.md: `<SPACE>` on the comment's second line is no component, and
    // a link in it is not checked.
    let md = "<!--\nNote:\n- `\"{}\"<SPACE>` on Windows, <a href=\"nope.md\">x</a>\n-->\n\n<Badge text=\"新\" />\n";
    let (r, d) = render(md, &page(), &links());
    assert!(d.0.is_empty(), "{d:?}");
    assert!(r.html.contains("\"{}\"<SPACE>` on Windows"), "{}", r.html);
    // After the comment, tags are read again.
    assert!(r.html.contains("class=\"badge"), "{}", r.html);
}

#[test]
fn an_email_autolink_is_no_path_of_the_site() {
    // Vue's docs, about/privacy.md: `请通过电子邮件 <hello@vuejs.org> 与我们联系`.
    let (r, d) = render(
        "请通过电子邮件 <hello@vuejs.org> 与我们联系。\n",
        &page(),
        &links(),
    );
    assert!(d.0.is_empty(), "{d:?}");
    assert!(
        r.html
            .contains("<a href=\"mailto:hello@vuejs.org\">hello@vuejs.org</a>"),
        "{}",
        r.html
    );
    assert!(r.links.is_empty(), "{:?}", r.links);
}

#[test]
fn a_hugo_refs_mark_outside_a_link_never_shows() {
    // The body transform marks a ref after `href="` or `](`; here the markup around it is no
    // link after all.
    let (r, _) = render(
        "x <a href=\"hugo-ref:other.md\" y\n\na [b](hugo-ref:other.md \"t\n\n[ok](hugo-ref:other.md)\n",
        &page(),
        &links(),
    );
    assert!(!r.html.contains("hugo-ref"), "{}", r.html);
    assert!(r.html.contains("x &lt;a href=\"other.md\" y"), "{}", r.html);
    assert!(
        r.html.contains("<a href=\"../other/\">ok</a>"),
        "{}",
        r.html
    );
}

#[test]
fn repeated_headings_get_numbered_ids_that_skip_taken_ones() {
    let mut text = String::from("## 答案-2\n\n");
    for _ in 0..4 {
        text.push_str("## 答案\n\n");
    }
    let (r, _) = render(&text, &page(), &links());
    let ids: Vec<&str> = r
        .html
        .match_indices("<h2 id=\"")
        .map(|(i, m)| {
            let rest = &r.html[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(ids, ["答案-2", "答案", "答案-1", "答案-3", "答案-4"]);
    // Ten thousand of one heading still number right. (Speed measured, not asserted: trying
    // every suffix from 1 took 22.8 s for such a page, now 0.39 s.)
    let (r, _) = render(&"## 常见问题\n\n".repeat(10_000), &page(), &links());
    assert!(r.html.contains("id=\"常见问题-9999\""));
}

#[test]
fn english_labels() {
    let mut p = page();
    p.locale = Locale::new("en");
    let (r, _) = render("1. a\n\n> [!TIP]\n> b\n", &p, &links());
    assert_eq!(
        r.html,
        "<ol class=\"steps\">\n<li class=\"step\" id=\"step-1\"><a class=\"step-number\" href=\"#step-1\" aria-label=\"Step 1\">1</a><div class=\"step-body\">\na</div></li>\n</ol>\n<div class=\"callout callout-tip\" role=\"note\" aria-label=\"Tip\">\n<p class=\"callout-title\"><span class=\"callout-icon\" aria-hidden=\"true\"></span>Tip</p>\n<p>b</p>\n</div>\n"
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Markdown made of the pieces that have broken parsers: CJK, `%`, brackets, raw HTML,
    /// nesting, alerts, links to everywhere.
    fn markdown() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "关闭微粒贷",
            "100%",
            "%优惠",
            "%E5",
            "[",
            "]",
            "(",
            ")",
            "](",
            "![",
            "<a href=\"",
            "\">",
            "<div>",
            "</div>",
            "<script>",
            "\n",
            "\n\n",
            "> ",
            "1. ",
            "- ",
            "   ",
            "# ",
            "## ",
            "{#id}",
            "[!WARNING]",
            "`",
            "```",
            "|",
            "---",
            "*",
            "_",
            "\\",
            "#",
            "?",
            "../",
            "x.md",
            "../credit/report.md#查询",
            "[^1]",
            "[^1]: ",
            "&",
            "\u{0}",
            "\r",
            "👍",
            "é",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    /// URLs a `srcset` is made of: the site's image written every way, and what is no file
    /// of it.
    const SRCSET_URLS: &[&str] = &[
        "shot.png",
        "../guide/shot.png",
        "/guide/shot.png",
        "../../../shot.png",
        "missing.png",
        "https://x.org/a.png",
        "a,b.png",
        "%2e%2e/shot.png",
        "data:image/png;base64,AA==",
        "#x",
        "?q",
        "图.png",
        "",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_markdown_renders_and_every_line_is_in_the_file(md in markdown()) {
            let (r, d) = render(&md, &page(), &links());
            let last = page().body_line + md.matches('\n').count();
            for l in &r.links {
                prop_assert!((page().body_line..=last).contains(&l.line), "{l:?}");
            }
            for d in &d.0 {
                let line = d.line.unwrap_or(0);
                prop_assert!((page().body_line..=last).contains(&line), "{d:?}");
            }
            prop_assert!(r.ids.len() >= r.toc.len());
        }

        /// Any `srcset` renders; each URL the page links to a file of the site is relative and,
        /// followed from the page's folder, stays inside the output.
        #[test]
        fn srcset_urls_stay_relative_and_inside_the_output(
            set in prop::collection::vec(
                (
                    prop::sample::select(SRCSET_URLS.to_vec()),
                    prop::sample::select(vec!["", " 1x", " 2x", " 100w", " (x, y)", ",", " ,"]),
                ),
                0..6,
            ),
            sep in prop::sample::select(vec![", ", ",", " , ", "\t,\n"]),
        ) {
            let value = set
                .iter()
                .map(|(u, d)| format!("{u}{d}"))
                .collect::<Vec<_>>()
                .join(sep);
            let md = format!("<img src=\"shot.png\" srcset=\"{value}\" alt=\"a\">\n");
            let (r, _) = render(&md, &page(), &links());
            let at = r.html.find("srcset=\"").map(|i| i + 8);
            let Some(at) = at else {
                return Err(TestCaseError::fail(format!("no srcset in {}", r.html)));
            };
            let out = &r.html[at..at + r.html[at..].find('"').unwrap()];
            let out = out.replace("&amp;", "&");
            let written: Vec<&str> = super::super::srcset::urls(&value)
                .into_iter()
                .map(|r| &value[r])
                .collect();
            for range in super::super::srcset::urls(&out) {
                let url = &out[range];
                // Kept as written (outside content/, missing, another site's): not rewritten.
                if written.contains(&url) {
                    continue;
                }
                prop_assert!(!url.starts_with('/'), "{url} in {out}");
                // From guide/close/: each `..` climbs one folder of the two it is in.
                let mut depth: i32 = 2;
                for seg in url.split(['?', '#']).next().unwrap().split('/') {
                    match seg {
                        ".." => depth -= 1,
                        "" | "." => {}
                        _ => depth += 1,
                    }
                    prop_assert!(depth >= 0, "{url} leaves the output");
                }
            }
        }
    }
}

#[test]
fn a_footnote_without_text_is_warned_about_once() {
    // A note referred to but never written (or its label mistyped) shows as `[^2]`.
    let md = "正文[^1]和[^2]，又见[^2]。\n\n代码 `[^x]` 与\n\n```\n[^y]\n```\n\n[^1]: 注。\n";
    let (r, d) = render(md, &page(), &links());
    assert_eq!(d.0.len(), 1, "{d:?}");
    // The body starts on the file's fifth line.
    assert_eq!(d.0[0].line, Some(5));
    assert!(d.0[0].message.contains("`[^2]` has no text"), "{d:?}");
    assert!(r.html.contains("[^2]"), "{}", r.html);
}

#[test]
fn a_self_closing_component_with_a_link_shows_its_title_as_the_link() {
    // Pinia's docs: a promotional link written as a component with nothing inside it was an
    // empty `<a>`, invisible, without a word.
    let md = "<MasteringPiniaLink\n  href=\"https://masteringpinia.com/lessons/x\"\n  title=\"Learn all about state\"\n/>\n\n<Promo href=\"https://example.com/\" />\n";
    let (r, d) = render(md, &page(), &links());
    assert!(
        r.html
            .contains("<a href=\"https://masteringpinia.com/lessons/x\">Learn all about state</a>"),
        "{}",
        r.html
    );
    assert!(!r.html.contains("example.com"), "{}", r.html);
    assert_eq!(d.0.len(), 1, "{d:?}");
    assert!(
        d.0[0]
            .message
            .contains("`<Promo>` is not understood: it has a link but no text")
    );
}

#[test]
fn a_paragraph_of_a_link_or_image_alone_is_no_summary() {
    // Every chapter of the Rust book opens with its source file's link: that was each one's
    // description, in lists, search and `<meta name="description">`.
    let md = "[ch04-01.md](https://github.com/x/ch04-01.md)\n\n![所有权](a.png)\n\n所有权是 Rust 最独特的功能，见[文档](https://doc.rust-lang.org/)。\n";
    let (r, _) = render(md, &page(), &links());
    assert_eq!(r.summary, "所有权是 Rust 最独特的功能，见文档。");
}

#[test]
fn a_diagram_shows_its_source_and_is_warned_about_once() {
    let md = "```mermaid\ngraph LR\n  A --> B\n```\n\n```mermaid\ngraph TD\n```\n\n```rust\nfn main() {}\n```\n";
    let (r, d) = render(md, &page(), &links());
    assert!(r.html.contains("A --&gt; B"), "{}", r.html);
    assert_eq!(d.0.len(), 1, "{d:?}");
    assert!(
        d.0[0]
            .message
            .contains("a `mermaid` diagram shows as its source")
    );
    assert_eq!(d.0[0].line, Some(5));
}

/// An HTML element written self-closed gets its closing tag (a browser reads `/>` as `>`), but
/// an unquoted value ending in `/` is no self-closing (found by review: every link emptied).
#[test]
fn self_closed_elements_close_and_unquoted_slashes_stay_values() {
    let md = "<iframe src=\"https://example.com/v\" />\n\n后文。\n\n见 <a href=https://example.com/>示例站</a> 与 <a href=/docs/>文档</a>。\n";
    let (r, _) = render(md, &page(), &links());
    assert!(
        r.html
            .contains("<iframe src=\"https://example.com/v\" /></iframe>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<a href=https://example.com/>示例站</a>"),
        "{}",
        r.html
    );
    assert!(r.html.contains(">文档</a>"), "{}", r.html);
    assert!(!r.html.contains("/></a>"), "{}", r.html);
}

/// A `javascript:` link in Markdown runs code when a reader clicks it: left out, with a warning
/// at its line; its text stays as text, other links are as they were, and HTML written on
/// purpose keeps its own.
#[test]
fn script_links_are_left_out() {
    let (r, d) = render(
        "正文\n\n[打印](javascript:print()) [b]( JaVaScript:x) ![图](vbscript:y) [好](https://x.com/javascript:z)\n",
        &page(),
        &links(),
    );
    let lower = r.html.to_ascii_lowercase();
    assert_eq!(lower.matches("script:").count(), 1, "{}", r.html);
    // Text, not a link to the page itself.
    assert!(r.html.contains("<p>打印 b 图 <a href"), "{}", r.html);
    assert_eq!(r.html.matches("<a ").count(), 1, "{}", r.html);
    assert!(
        r.html.contains("href=\"https://x.com/javascript:z\""),
        "{}",
        r.html
    );
    let (html, _) = render(
        "正文\n\n<a href=\"javascript:history.back()\">返回</a>\n",
        &page(),
        &links(),
    );
    assert!(
        html.html.contains("href=\"javascript:history.back()\""),
        "{}",
        html.html
    );
    let warned: Vec<_> =
        d.0.iter()
            .filter(|d| d.message.contains("runs code"))
            .collect();
    assert_eq!(warned.len(), 3, "{:?}", d.0);
    assert!(warned.iter().all(|d| d.line == Some(7)), "{warned:?}");
}

/// `]( https://…)` with a no-break space (a helper's uni-app pages, 3 places) was looked for as
/// a file named ` https:/…`: the address is read without it, with a warning naming it.
#[test]
fn an_invisible_character_around_an_address_is_named_and_dropped() {
    let (r, d) = render(
        "正文\n\n[外](\u{a0}https://x.com/i) [缺失](\u{200b}nope.md)\n",
        &page(),
        &links(),
    );
    assert!(r.html.contains("href=\"https://x.com/i\""), "{}", r.html);
    let m: Vec<&str> = d.0.iter().map(|d| d.message.as_str()).collect();
    assert!(m.iter().any(|m| m.contains("U+00A0")), "{m:?}");
    assert!(m.iter().any(|m| m.contains("U+200B")), "{m:?}");
    // What is left of it is checked as any address.
    assert!(
        m.iter()
            .any(|m| m.starts_with("link to a missing article: `nope.md`")),
        "{m:?}"
    );
}

/// MkDocs's `!!! question` without a title is titled after its type, not "说明" (hello-algo's
/// 43 problem statements were all headed 说明), in a note's colour.
#[test]
fn an_untitled_callout_is_named_after_its_type() {
    let (r, _) = render(
        "正文\n\n<!--helpcenter:callout note.question-->\n输入两个字符串。\n\n<!--helpcenter:end-->\n",
        &page(),
        &links(),
    );
    assert!(r.html.contains("callout callout-note"), "{}", r.html);
    assert!(r.html.contains("</span>问题</p>"), "{}", r.html);
}
