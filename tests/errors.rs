//! Bad input: each problem gets a message naming the file, line and what to do, exit status 1,
//! all problems are reported together, and the previous output is left untouched.

mod common;
use common::*;

fn fails(s: &Scratch) -> String {
    let o = build(s.path(), &s.path().join("public"), &[]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "expected failure; stdout: {}",
        stdout(&o)
    );
    stderr(&o)
}

#[test]
fn yaml_syntax_error_points_at_the_file_line() {
    let s = Scratch::site("yaml");
    s.write(
        "content/a/bad.md",
        "---\ntitle: 好\ntags: [a, b\nweight: 3\n---\n正文\n",
    );
    let err = fails(&s);
    assert!(err.contains("content/a/bad.md:"), "{err}");
    // The broken flow list starts on line 3 of the file; the parser notices by line 4 or 5.
    let line: usize = err
        .split("content/a/bad.md:")
        .nth(1)
        .unwrap()
        .split(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (3..=5).contains(&line),
        "line {line} is a line of the file, not of the front matter: {err}"
    );
    assert!(err.contains("help:"));
}

#[test]
fn unknown_key_names_the_nearest_known_one() {
    let s = Scratch::site("unknown");
    s.write(
        "content/a/bad.md",
        "---\ntitle: 好\ndesciption: 错字\n---\n",
    );
    let err = fails(&s);
    assert!(err.contains("unknown key `desciption`"), "{err}");
    assert!(err.contains("content/a/bad.md:3"), "{err}");
    assert!(err.contains("did you mean `description`?"), "{err}");
}

#[test]
fn missing_title() {
    let s = Scratch::site("notitle");
    s.write(
        "content/a/bad.md",
        "---\ndescription: 没有标题\n---\n\n正文\n",
    );
    let err = fails(&s);
    assert!(err.contains("the article has no title"), "{err}");
    assert!(err.contains("content/a/bad.md:1"));
    assert!(err.contains("# Title"), "hint says how to add one: {err}");
}

#[test]
fn two_pages_with_one_url_name_both_files() {
    let s = Scratch::site("dup");
    s.write("content/a/other.md", "---\ntitle: 另一篇\nslug: ok\n---\n");
    let err = fails(&s);
    assert!(err.contains("two pages have the URL /a/ok/"), "{err}");
    assert!(
        err.contains("content/a/ok.md") && err.contains("content/a/other.md"),
        "{err}"
    );
}

#[test]
fn link_to_missing_article_and_anchor() {
    let s = Scratch::site("links");
    s.write(
        "content/a/links.md",
        "---\ntitle: 链接\n---\n\n[没有](nope.md)\n\n[锚点](ok.md#不存在)\n\n[本页](#也不存在)\n",
    );
    let err = fails(&s);
    assert!(
        err.contains("link to a missing article: `nope.md`"),
        "{err}"
    );
    assert!(err.contains("content/a/links.md:5"), "{err}");
    assert!(
        err.contains("link to a missing anchor: `ok.md#不存在`"),
        "{err}"
    );
    assert!(err.contains("content/a/links.md:7"), "{err}");
    assert!(
        err.contains("#小节"),
        "hint lists the target's anchors: {err}"
    );
    assert!(
        err.contains("link to a missing anchor: `#也不存在`")
            && err.contains("content/a/links.md:9"),
        "{err}"
    );
    assert!(
        err.contains("Build failed: 3 errors."),
        "all errors together: {err}"
    );
}

#[test]
fn link_to_a_draft_says_so() {
    let s = Scratch::site("draftlink");
    s.write("content/a/d.md", "---\ntitle: 草稿\ndraft: true\n---\n");
    s.write("content/a/l.md", "---\ntitle: 链接\n---\n[草稿](d.md)\n");
    let err = fails(&s);
    assert!(
        err.contains("link to a draft: `d.md`") && err.contains("--drafts"),
        "{err}"
    );
    assert!(
        build(s.path(), &s.path().join("public"), &["--drafts"])
            .status
            .success()
    );
}

#[test]
fn template_error_names_template_line_and_chain() {
    let s = Scratch::site("tpl");
    s.write("templates/article.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title | no_such_filter }}\n{% endblock content %}\n");
    let err = fails(&s);
    assert!(err.contains("template error in `article.html`"), "{err}");
    assert!(err.contains("templates/article.html:3"), "{err}");
    assert!(
        err.contains("no_such_filter"),
        "Tera's message chain is shown: {err}"
    );

    let s = Scratch::site("tplsyntax");
    s.write("templates/section.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title \n{% endblock content %}\n");
    let err = fails(&s);
    assert!(err.contains("templates/section.html:"), "{err}");
    assert!(err.contains("template error in `section.html`"), "{err}");
}

#[test]
fn unknown_template_in_front_matter() {
    let s = Scratch::site("tplname");
    s.write(
        "content/a/t.md",
        "---\ntitle: 模板\ntemplate: fancy.html\n---\n",
    );
    let err = fails(&s);
    assert!(
        err.contains("template `fancy.html` does not exist") && err.contains("content/a/t.md:3"),
        "{err}"
    );
}

#[test]
fn not_utf8_names_the_line() {
    let s = Scratch::site("gbk");
    let mut bytes = "---\ntitle: ok\n---\n\n第一行\n".as_bytes().to_vec();
    bytes.extend([0xB9, 0xD8, 0xB1, 0xD5, b'\n']);
    s.write("content/a/gbk.md", bytes);
    let err = fails(&s);
    assert!(
        err.contains("the file is not valid UTF-8") && err.contains("content/a/gbk.md:6"),
        "{err}"
    );
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn bad_dates_and_config() {
    let s = Scratch::site("date");
    s.write(
        "content/a/d.md",
        "---\ntitle: 日期\ndate: 2024年4月7日\n---\n",
    );
    let err = fails(&s);
    assert!(
        err.contains("`date` is not a date")
            && err.contains("content/a/d.md:3")
            && err.contains("2024-04-07 15:04:49"),
        "{err}"
    );

    let s = Scratch::site("config");
    s.write("helpcenter.yaml", "title: x\nbase_ur: https://x\n");
    let err = fails(&s);
    assert!(
        err.contains("helpcenter.yaml:2") && err.contains("did you mean `base_url`?"),
        "{err}"
    );

    let s = Scratch::new("noconfig");
    let err = fails(&s);
    assert!(
        err.contains("helpcenter.yaml") && err.contains("helpcenter init"),
        "{err}"
    );
}

#[test]
fn every_error_of_a_build_is_reported() {
    let s = Scratch::site("many");
    s.write("content/a/one.md", "---\ntitel: 一\n---\n");
    s.write("content/a/two.md", "---\ntitle: 二\n---\n[x](missing.md)\n");
    s.write("content/a/three.md", "---\ntitle: [unclosed\n---\n");
    let err = fails(&s);
    for f in ["one.md", "two.md", "three.md"] {
        assert!(
            err.contains(&format!("content/a/{f}")),
            "{f} missing from: {err}"
        );
    }
    assert!(err.contains("Build failed: 3 errors."), "{err}");
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let s = Scratch::site("atomic");
    let out = build_ok(s.path(), &s);
    let before = snapshot(&out);
    s.write(
        "content/a/ok.md",
        "---\ntitle: 改过\n---\n[坏链接](gone.md)\n",
    );
    let o = build(s.path(), &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("left untouched"));
    let after = snapshot(&out);
    assert_eq!(before, after);
    // No staging folders are left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(s.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".new-") || n.contains(".old-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn refuses_to_replace_the_site_itself() {
    let s = Scratch::site("selfout");
    let o = build(s.path(), s.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("refusing to use"));
    assert!(s.path().join("content/a/ok.md").exists());
}
