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

/// Builds the minimal site with `files` written over it, expects a failure and every one of
/// `expected` in the report; returns the report.
fn fails_with(tag: &str, files: &[(&str, &str)], expected: &[&str]) -> String {
    let s = Scratch::site(tag);
    for (rel, text) in files {
        s.write(rel, text);
    }
    let err = fails(&s);
    for want in expected {
        assert!(err.contains(want), "`{want}` missing from:\n{err}");
    }
    err
}

#[test]
fn yaml_syntax_error_points_at_the_file_line() {
    // The broken flow list is on line 3 of the file (not of the front matter), named there.
    fails_with(
        "yaml",
        &[(
            "content/a/bad.md",
            "---\ntitle: 好\ntags: [a, b\nweight: 3\n---\n正文\n",
        )],
        &[
            "`tags`: a value starting with `[` is read as a list or map, and this one is never closed",
            "content/a/bad.md:3\n",
            "help: put the value in quotes",
        ],
    );
    // Other syntax errors carry the parser's own line, counted in the file.
    fails_with(
        "yaml2",
        &[("content/a/bad.md", "---\ntitle: 好\n  tags: x\n---\n")],
        &["content/a/bad.md:3:", "fix the YAML syntax"],
    );
}

#[test]
fn unknown_key_names_the_nearest_known_one() {
    fails_with(
        "unknown",
        &[(
            "content/a/bad.md",
            "---\ntitle: 好\ndesciption: 错字\n---\n",
        )],
        &[
            "unknown key `desciption`",
            "content/a/bad.md:3",
            "did you mean `description`?",
        ],
    );
}

#[test]
fn missing_title() {
    // The hint says how to add one.
    fails_with(
        "notitle",
        &[(
            "content/a/bad.md",
            "---\ndescription: 没有标题\n---\n\n正文\n",
        )],
        &["the article has no title", "content/a/bad.md:1", "# Title"],
    );
}

#[test]
fn front_matter_without_its_opening_line_is_named() {
    // A translation tool wrote `yaml` for the opening `---`: the title is body text, and the
    // hint says which line to mend rather than to add a title that is there.
    fails_with(
        "unopened",
        &[(
            "content/a/bad.md",
            "yaml\ntype: docs\ntitle: \"AWS Bedrock\"\n---\n\n## 组件格式\n",
        )],
        &[
            "the article has no title",
            "content/a/bad.md:1",
            "line 4 closes front matter that never opened",
            "line 1 (`yaml`) should be `---`",
        ],
    );
}

#[test]
fn a_hugo_ref_to_a_name_two_pages_have_names_both() {
    // Hugo finds `{{< ref x >}}` anywhere by the page's name, and refuses a name two pages
    // share; so does helpcenter, naming both, and the message shows the ref as written.
    fails_with(
        "ambiguous-ref",
        &[
            ("content/a/setup.md", "---\ntitle: 甲的安装\n---\n"),
            ("content/b/setup.md", "---\ntitle: 乙的安装\n---\n"),
            (
                "content/c/guide.md",
                "---\ntitle: 指南\n---\n\n先[安装]({{< ref setup.md >}})。\n",
            ),
        ],
        &[
            "Hugo ref to a name several pages have: `{{< ref \"setup.md\" >}}`",
            "content/a/setup.md, content/b/setup.md",
            "content/c/guide.md:5",
            "{{< ref \"/section/page.md\" >}}",
        ],
    );
}

#[test]
fn a_page_written_as_md_and_as_mdx_names_both() {
    fails_with(
        "md-mdx",
        &[
            ("content/a/intro.md", "---\ntitle: 一\n---\n"),
            ("content/a/intro.mdx", "---\ntitle: 二\n---\n"),
        ],
        &[
            "content/a/intro.md and content/a/intro.mdx would be the same page",
            "content/a/intro.mdx\n",
            "keep one of them",
        ],
    );
}

#[test]
fn a_link_to_a_page_summary_md_leaves_out_says_so() {
    fails_with(
        "unlisted",
        &[
            ("content/SUMMARY.md", "# Summary\n\n- [第一章](a/one.md)\n"),
            ("content/a/one.md", "# 一\n\n见[草稿](draft.md)。\n"),
            ("content/a/draft.md", "# 草稿\n"),
        ],
        &[
            "link to a page SUMMARY.md does not list: `draft.md`",
            "content/a/one.md:3",
            "list the page there",
        ],
    );
}

#[test]
fn two_pages_with_one_url_name_both_files() {
    fails_with(
        "dupurl",
        &[
            ("content/a/x.md", "---\ntitle: 一\n---\n"),
            ("content/a/y.md", "---\ntitle: 二\nslug: x\n---\n"),
        ],
        &[
            "two pages have the URL /a/x/",
            "content/a/y.md",
            "content/a/x.md has it too",
        ],
    );
}

#[test]
fn link_to_missing_article_and_anchor() {
    // All errors together; the anchor hint lists the target's anchors.
    fails_with(
        "links",
        &[(
            "content/a/links.md",
            "---\ntitle: 链接\n---\n\n[没有](nope.md)\n\n[锚点](ok.md#不存在)\n\n[本页](#也不存在)\n",
        )],
        &[
            "link to a missing article: `nope.md`",
            "content/a/links.md:5",
            "link to a missing anchor: `ok.md#不存在`",
            "content/a/links.md:7",
            "#小节",
            "link to a missing anchor: `#也不存在`",
            "content/a/links.md:9",
            "Build failed: 3 errors.",
        ],
    );
}

#[test]
fn link_to_a_draft_says_so() {
    let files = [
        ("content/a/d.md", "---\ntitle: 草稿\ndraft: true\n---\n"),
        ("content/a/l.md", "---\ntitle: 链接\n---\n[草稿](d.md)\n"),
    ];
    fails_with(
        "draftlink",
        &files,
        &["link to a draft: `d.md`", "--drafts"],
    );
    let s = Scratch::site("draftlink2");
    for (rel, text) in files {
        s.write(rel, text);
    }
    assert!(
        build(s.path(), &s.path().join("public"), &["--drafts"])
            .status
            .success()
    );
}

#[test]
fn template_error_names_template_line_and_chain() {
    // Tera's message chain is shown.
    fails_with(
        "tpl",
        &[(
            "templates/article.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title | no_such_filter }}\n{% endblock content %}\n",
        )],
        &[
            "template error in `article.html`",
            "templates/article.html:3",
            "no_such_filter",
        ],
    );
    fails_with(
        "tplsyntax",
        &[(
            "templates/section.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title \n{% endblock content %}\n",
        )],
        &[
            "templates/section.html:",
            "template error in `section.html`",
        ],
    );
}

#[test]
fn unknown_template_in_front_matter() {
    fails_with(
        "tplname",
        &[(
            "content/a/t.md",
            "---\ntitle: 模板\ntemplate: fancy.html\n---\n",
        )],
        &["template `fancy.html` does not exist", "content/a/t.md:3"],
    );
}

/// A file's front-matter errors come in one run: an unknown key does not hide a bad date or a
/// bad weight of the same file (CloudWeGo: 103 `Description:` errors, then 98 date errors).
#[test]
fn every_front_matter_error_of_a_file_in_one_run() {
    let err = fails_with(
        "waves",
        &[(
            "content/a/w.md",
            "---\ntitle: 波次\nfoo: 1\ndate: notadate\nweight: abc\n---\n正文\n",
        )],
        &[
            "unknown key `foo`",
            "content/a/w.md:3",
            "`date` is not a date: `notadate`",
            "content/a/w.md:4",
            "`weight` should be a number, not `abc`",
            "content/a/w.md:5",
        ],
    );
    assert!(err.contains("3 errors"), "{err}");
}

#[test]
fn not_utf8_names_the_line() {
    let mut bytes = "---\ntitle: ok\n---\n\n第一行\n".as_bytes().to_vec();
    bytes.extend([0xB9, 0xD8, 0xB1, 0xD5, b'\n']);
    let s = Scratch::site("gbk");
    s.write("content/a/gbk.md", bytes);
    let err = fails(&s);
    for want in ["the file is not valid UTF-8", "content/a/gbk.md:6", "GBK"] {
        assert!(err.contains(want), "{want} missing from: {err}");
    }
}

#[test]
fn bad_dates_and_config() {
    fails_with(
        "date",
        &[(
            "content/a/d.md",
            "---\ntitle: 日期\ndate: 2024年4月7日\n---\n",
        )],
        &[
            "`date` is not a date",
            "content/a/d.md:3",
            "2024-04-07 15:04:49",
        ],
    );
    fails_with(
        "config",
        &[("helpcenter.yaml", "title: x\nbase_ur: https://x\n")],
        &["helpcenter.yaml:2", "did you mean `base_url`?"],
    );
    // A base_url that cannot have page paths appended (canonical URLs, sitemap and feed would
    // come out relative to each page, or after a query) is an error on its line.
    for (url, why) in [
        ("help.example.com/docs/", "does not start with https://"),
        ("https://ex.com/help/?x=1", "a query"),
        ("javascript:alert(1)", "does not start with https://"),
        ("https:///docs/", "names no host"),
        ("https://[::1/docs/", "not closed with `]`"),
    ] {
        fails_with(
            "base-url",
            &[(
                "helpcenter.yaml",
                &format!("title: x\nbase_url: \"{url}\"\n"),
            )],
            &["helpcenter.yaml:2", "is not the address of a site", why],
        );
    }
    let s = Scratch::site("base-url-flag");
    let o = run(&[
        "build",
        "--root",
        s.path().to_str().unwrap(),
        "--base-url",
        "ex.com/docs",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("--base-url `ex.com/docs` is not the address of a site"),
        "{}",
        stderr(&o)
    );
    let err = fails(&Scratch::new("noconfig"));
    assert!(
        err.contains("helpcenter.yaml") && err.contains("helpcenter init"),
        "{err}"
    );
}

#[test]
fn a_name_too_long_for_a_disk_fails_check_and_build_on_its_line() {
    let long = "微".repeat(90);
    let s = Scratch::site("long-names");
    s.write(
        "content/a/t.md",
        format!("---\ntitle: 标签\ntags: [{long}]\n---\n"),
    );
    s.write(
        "content/a/s.md",
        format!("---\ntitle: 短\nslug: {long}\n---\n"),
    );
    s.write(
        "content/a/l.md",
        format!("---\ntitle: 旧\naliases: [old/{long}/]\n---\n"),
    );
    let checked = run(&["check", "--root", s.path().to_str().unwrap()]);
    assert_eq!(
        checked.status.code(),
        Some(1),
        "check finds what build would"
    );
    let err = fails(&s);
    for report in [stderr(&checked), err] {
        for want in ["content/a/t.md:3", "content/a/s.md:3", "content/a/l.md:3"] {
            assert!(report.contains(want), "`{want}` missing from:\n{report}");
        }
        assert_eq!(report.matches("more than 255 bytes").count(), 3, "{report}");
        assert!(!report.contains("os error"), "{report}");
    }
    // 85 characters (255 bytes) is still a name.
    let s = Scratch::site("long-ok");
    s.write(
        "content/a/t.md",
        format!("---\ntitle: 标签\ntags: [{}]\n---\n", "微".repeat(85)),
    );
    let o = build(s.path(), &s.path().join("public"), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn navigation_nested_too_deep_is_an_error_on_its_line() {
    let summary = |depth: usize| {
        let mut t = String::from("# 目录\n\n");
        for i in 0..depth {
            t.push_str(&format!("{}- [组 {i}]()\n", "  ".repeat(i)));
        }
        t.push_str(&format!("{}- [正常文章](a/ok.md)\n", "  ".repeat(depth)));
        t
    };
    // 2,000 levels took more than 9 GB; each level is a section every page below repeats.
    let err = fails_with(
        "deep-nav",
        &[("content/SUMMARY.md", &summary(2000))],
        &["content/SUMMARY.md:28", "nested 25 groups deep: at most 24"],
    );
    assert_eq!(err.matches("groups deep").count(), 1, "{err}");
    let s = Scratch::site("nav-ok");
    s.write("content/SUMMARY.md", summary(20));
    let o = build(s.path(), &s.path().join("public"), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn folders_nested_too_deep_are_an_error() {
    let deep = |n: usize| {
        (0..n)
            .map(|i| format!("d{i}"))
            .collect::<Vec<_>>()
            .join("/")
    };
    let err = fails_with(
        "deep-folders",
        &[(
            &format!("content/{}/a.md", deep(30)),
            "---\ntitle: 深\n---\n",
        )],
        &["in a folder nested 30 folders deep in content/: at most 24"],
    );
    assert_eq!(err.matches("folders deep").count(), 1, "{err}");
    // Images or includes nested deep make no section: they build.
    let s = Scratch::site("folders-ok");
    s.write(
        &format!("content/{}/a.md", deep(20)),
        "---\ntitle: 深\n---\n",
    );
    s.write(&format!("content/{}/x.png", deep(40)), "png");
    let o = build(s.path(), &s.path().join("public"), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
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
    assert!(stderr(&o).contains("refusing to write the site into"));
    assert!(s.path().join("content/a/ok.md").exists());
}

#[test]
fn a_navigation_entry_leading_nowhere_names_its_line() {
    fails_with(
        "nav-nowhere",
        &[("content/SUMMARY.md", "- [甲](guide/missing.md)\n")],
        &[
            "this navigation entry leads to no page of the site: `guide/missing.md`",
            "content/SUMMARY.md:1",
            "relative to this file",
        ],
    );
    fails_with(
        "sidebar-nowhere",
        &[(
            "content/.vitepress/config.ts",
            "export default {\n  themeConfig: {\n    sidebar: [\n      { text: '甲', link: '/guide/missing' }\n    ]\n  }\n}\n",
        )],
        &[
            "this navigation entry leads to no page of the site: `/guide/missing`",
            "content/.vitepress/config.ts:4",
            "from the content root (`/guide/intro`)",
        ],
    );
    fails_with(
        "docusaurus-nowhere",
        &[(
            "sidebars.js",
            "module.exports = {\n  docs: [\n    'a/ok',\n    'missing/doc',\n  ],\n};\n",
        )],
        &[
            "this navigation entry leads to no page of the site: `/missing/doc`",
            "sidebars.js:4",
            "name a doc by its path under the docs folder",
        ],
    );
    fails_with(
        "mkdocs-nowhere",
        &[(
            "mkdocs.yml",
            "site_name: x\nnav:\n  - a/ok.md\n  - 丢失: missing.md\n",
        )],
        &[
            "this navigation entry leads to no page of the site: `missing.md`",
            "mkdocs.yml:4",
            "name a page by its path under the docs folder",
        ],
    );
}

#[test]
fn output_into_the_working_directory_is_named_in_the_refusal() {
    let s = Scratch::site("dotout");
    let o = bin()
        .current_dir(s.path())
        .args(["build", "--output", "./"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("refusing to write the site into .: "),
        "{}",
        stderr(&o)
    );
}

/// `init` is not a build: its refusal ends without "Build failed", and a language that is no
/// tag never reaches the new config.
#[test]
fn init_refuses_a_file_and_a_language_that_is_no_tag() {
    let s = Scratch::new("init-bad");
    let file = s.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let o = run(&["init", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("is a file, not a folder"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("Build failed"), "{}", stderr(&o));
    // A folder inside that file, and a symbolic link to nothing: said in those words, not the
    // system's "Not a directory" and "File exists".
    let o = run(&["init", file.join("sub").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/file is a file, not a folder"),
        "{}",
        stderr(&o)
    );
    #[cfg(unix)]
    {
        let link = s.path().join("dangling");
        std::os::unix::fs::symlink(s.path().join("gone"), &link).unwrap();
        let o = run(&["init", link.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        assert!(
            stderr(&o).contains("/gone, which does not exist"),
            "{}",
            stderr(&o)
        );
        assert!(!s.path().join("gone").exists());
    }
    let dir = s.path().join("site");
    let o = run(&[
        "init",
        dir.to_str().unwrap(),
        "--language",
        "en\ntitle: oops",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("a language tag such as zh-CN"));
    assert!(!dir.exists());
    let o = run(&["init", dir.to_str().unwrap(), "--language", "pt-BR"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(&dir, "helpcenter.yaml").contains("language: pt-BR\n"));
}

#[test]
fn an_unknown_variable_in_a_title_is_warned_about_at_its_line() {
    let s = Scratch::site("title-var");
    s.write(
        "helpcenter.yaml",
        "title: 测试\nvariables: {product: ACME}\n",
    );
    s.write(
        "content/a/ok.md",
        "---\ntitle: \"安装 {{{ .prodcut }}} 到 Linux\"\n---\n正文。\n",
    );
    let out = s.path().join("public");
    let o = build(s.path(), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("warning: the variable `{{{ .prodcut }}}` has no value\n")
            && err.contains("content/a/ok.md:2\n"),
        "{err}"
    );
}

/// A link to a file hidden by its name (`.env`, `.hid/x.md`) says why it is not there, though
/// the file is on disk.
#[test]
fn a_link_to_a_hidden_file_says_hidden_files_are_not_published() {
    fails_with(
        "hidden",
        &[
            ("content/.env", "SECRET=1\n"),
            ("content/.hid/h.md", "---\ntitle: 隐藏\n---\n"),
            (
                "content/a/ok.md",
                "---\ntitle: 正常文章\n---\n[a](../.env) [b](../.hid/h.md)\n",
            ),
        ],
        &[
            "error: link to a hidden file or folder (a name starting with `.`): `../.env`",
            "error: link to a hidden file or folder (a name starting with `.`): `../.hid/h.md`",
            "files and folders whose name starts with `.` are not published",
        ],
    );
}

#[test]
fn the_error_count_is_what_is_printed() {
    // One link written twice on a line is one error printed: the count said two.
    let err = fails_with(
        "e-count",
        &[(
            "content/twice.md",
            "---\ntitle: 甲\n---\n\n[乙](nope.md) 与 [又是乙](nope.md)\n",
        )],
        &["Build failed: 1 error."],
    );
    assert_eq!(err.matches("error: ").count(), 1, "{err}");
}

#[test]
fn two_articles_or_sections_named_alike_are_warned_about() {
    let s = Scratch::site("e-same-titles");
    s.write("content/guide/_index.md", "---\ntitle: 入门\n---\n");
    s.write("content/routing/_index.md", "---\ntitle: 入门\n---\n");
    s.write("content/guide/a.md", "---\ntitle: 安装\n---\n\n正文。\n");
    s.write("content/guide/b.md", "---\ntitle: 安装\n---\n\n正文。\n");
    let o = build(s.path(), &s.path().join("public"), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    for want in [
        "`入门` is also the title of",
        "a section beside it",
        "`安装` is also the title of",
        "in the same section",
    ] {
        assert!(err.contains(want), "`{want}` missing from:\n{err}");
    }
}

#[test]
fn a_config_that_is_no_mapping_says_so_without_quoting_itself() {
    // serde's message quoted the whole text: a config linked to /etc/passwd printed it.
    let s = Scratch::site("config-shape");
    for (text, want) in [
        ("", "the config is empty"),
        ("~\n", "the config is empty"),
        (
            "root:x:0:0:root:/root:/bin/bash\n",
            "the config is not a list of `key: value` settings",
        ),
    ] {
        s.write("helpcenter.yaml", text);
        let o = run(&["check", "--root", s.path().to_str().unwrap()]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.contains(want) && err.contains("helpcenter.yaml:1"),
            "{err}"
        );
        assert!(!err.contains("/bin/bash"), "{err}");
        assert!(err.contains("Check failed: 1 error."), "{err}");
    }
}

#[test]
fn a_front_matter_value_yaml_cannot_take_plain_says_to_quote_it() {
    // libyaml's words: "mapping values are not allowed in this context", "found character that
    // cannot start any token", "duplicate entry with key".
    for (line, want, hint, at) in [
        (
            "title: 注意: 事项",
            "the value of `title` holds `: `, which YAML reads as the start of another key",
            "put the value in quotes: title: \"注意: 事项\"",
            "content/a/x.md:2",
        ),
        (
            "title: @客服 说明",
            "the value of `title` starts with a character YAML reserves",
            "put the value in quotes: title: \"@客服 说明\"",
            "content/a/x.md:2",
        ),
        (
            "title: 一\ntitle: 二",
            "`title` is written twice",
            "keep one of them",
            // At the second one, the one to look at.
            "content/a/x.md:3",
        ),
    ] {
        fails_with(
            "fm-quote",
            &[("content/a/x.md", &format!("---\n{line}\n---\n\n正文\n"))],
            &[want, hint, at],
        );
    }
}

#[test]
fn a_config_link_that_runs_a_script_is_refused() {
    let s = Scratch::site("config-script");
    for (config, key, line) in [
        (
            "title: 测试\nfeedback:\n  url: \" JavaScript:alert(1)\"\n",
            "`feedback.url`",
            "helpcenter.yaml:3",
        ),
        (
            "title: 测试\ncontact:\n  links:\n    - label: 客服\n      url: \"data:text/html,<script>x</script>\"\n",
            "`contact.links`",
            "helpcenter.yaml:2",
        ),
    ] {
        s.write("helpcenter.yaml", config);
        let err = fails(&s);
        assert!(err.contains(key) && err.contains(line), "{err}");
        assert!(
            err.contains("a link that runs a script in the reader's browser"),
            "{err}"
        );
    }
    s.write(
        "helpcenter.yaml",
        "title: 测试\ncontact:\n  links:\n    - label: 电话\n      url: \"tel:400-100-1000\"\n",
    );
    let out = build_ok(s.path(), &s);
    assert!(read(&out, "index.html").contains("href=\"tel:400-100-1000\""));
}

#[test]
fn tags_that_would_share_a_page_get_a_warning() {
    // `C#` lost its `#` in the URL and became the page of `C`, without a word.
    let s = Scratch::site("tag-merge");
    s.write(
        "content/a/c.md",
        "---\ntitle: C 语言\ntags: [C]\n---\n\n正文。\n",
    );
    s.write(
        "content/a/cs.md",
        "---\ntitle: C# 语言\ntags: [\"C#\", c#]\n---\n\n正文。\n",
    );
    let o = build(s.path(), &s.path().join("public"), &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(err.matches("share one page").count(), 1, "{err}");
    assert!(
        err.contains("tags `C#` and `C` share one page, tags/c/")
            && err.contains("content/a/cs.md:3"),
        "{err}"
    );
}

#[test]
fn links_and_paths_that_went_wrong_say_how() {
    // A backslash link was called a hidden file; a cut-short escape showed a path with `�`.
    fails_with(
        "link-words",
        &[(
            "content/a/x.md",
            "---\ntitle: 链接\n---\n\n[甲](..\\..\\helpcenter.yaml)\n\n[乙](%E4%B8.md)\n",
        )],
        &[
            "link written with backslashes (`\\`), which URLs do not read as folder separators",
            "content/a/x.md:5",
            "link whose `%` escapes are not a character",
            "content/a/x.md:7",
        ],
    );
    // A tag page that cannot be a folder names the article whose tag it is.
    fails_with(
        "tag-clash",
        &[(
            "content/a/x.md",
            "---\ntitle: 标签\ntags: [index.html]\n---\n\n正文\n",
        )],
        &["the page of tag `index.html`", "content/a/x.md:3"],
    );
    // A backslash in a file name is part of it, and shown so (it was shown as a folder).
    fails_with(
        "backslash-name",
        &[(
            "content/a/back\\slash.md",
            "---\ntitle: 斜杠\n---\n\n正文\n",
        )],
        &["it holds a backslash", "content/a/back\\slash.md"],
    );
    // A link to nothing, and one back into its own folder.
    let s = Scratch::site("symlinks");
    std::os::unix::fs::symlink("/nonexistent/x.md", s.path().join("content/a/gone.md")).unwrap();
    std::os::unix::fs::symlink("..", s.path().join("content/a/up")).unwrap();
    let err = fails(&s);
    assert!(
        err.contains("this symbolic link leads to nothing (/nonexistent/x.md)")
            && err.contains("content/a/gone.md"),
        "{err}"
    );
    assert!(
        err.contains("this symbolic link leads back to") && err.contains("content/a/up"),
        "{err}"
    );
}

#[test]
fn a_site_template_nothing_uses_gets_a_warning() {
    // `templates/artcle.html` was ignored without a word: the article page stayed the theme's.
    let s = Scratch::site("tpl-unused");
    let page = "{% extends \"base.html\" %}{% block content %}自己的{% endblock content %}";
    s.write("templates/artcle.html", page);
    s.write("templates/faq.html", page);
    s.write("templates/part.html", "片段");
    s.write(
        "templates/section.html",
        "{% extends \"base.html\" %}{% block content %}{% include \"part.html\" %}{% endblock content %}",
    );
    let o = build(s.path(), &s.path().join("public"), &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("template `artcle.html` is not used")
            && err.contains("did you mean `article.html`?"),
        "{err}"
    );
    assert!(err.contains("template `faq.html` is not used"), "{err}");
    assert!(
        !err.contains("`part.html` is not used") && !err.contains("`section.html` is not used"),
        "{err}"
    );
    // Named by a page, it is used.
    s.write(
        "content/a/faq.md",
        "---\ntitle: 常见问题\ntemplate: faq.html\n---\n\n正文\n",
    );
    let o = build(s.path(), &s.path().join("public"), &[]);
    let err = stderr(&o);
    assert!(!err.contains("`faq.html` is not used"), "{err}");
    assert!(read(&s.path().join("public"), "a/faq/index.html").contains("自己的"));
}

#[test]
fn a_base_url_with_a_password_or_no_port_and_a_year_past_the_calendar_are_refused() {
    // `https://u:pw@…` went into every canonical URL and the sitemap; year -1 into sitemap.xml.
    let s = Scratch::site("base-url-date");
    let out = s.path().join("public");
    for (url, want) in [
        (
            "https://u:pw@help.example/",
            "it holds a user name or password",
        ),
        (
            "https://help.example:99999/",
            "its port is not a number from 1 to 65535",
        ),
        // The 404 page's stylesheet became `/docs/../style.css`: the host's, not the site's.
        (
            "https://help.example/docs/../",
            "its path has a `.` or `..` folder",
        ),
        (
            "https://help.example/docs/%2e%2e/",
            "its path has a `.` or `..` folder",
        ),
        (
            "https://help.example//docs/",
            "its path has an empty folder",
        ),
        (
            "https://help.example/100%/",
            "its path has a `%` not followed by two hexadecimal digits",
        ),
    ] {
        let o = build(s.path(), &out, &["--base-url", url]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(err.contains(want), "{err}");
        // The value came from the command line, not from the config.
        assert!(err.contains(&format!("--base-url `{url}`")), "{err}");
        assert!(!err.contains("helpcenter.yaml"), "{err}");
        assert!(!out.exists());
    }
    // In the config, the error names its line.
    s.write(
        "helpcenter.yaml",
        "title: 测试\nbase_url: https://help.example/%zz/\n",
    );
    let o = build(s.path(), &out, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("helpcenter.yaml:2"), "{err}");
    assert!(err.contains("a percent sign is `%25`"), "{err}");
    s.write("helpcenter.yaml", "title: 测试\n");
    let o = build(
        s.path(),
        &out,
        &["--base-url", "https://help.example:8443/docs/"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(&out, "sitemap.xml").contains("https://help.example:8443/docs/a/ok/"));
    let o = build(s.path(), &out, &["--base-url", "https://help.example/帮助"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        read(&out, "sitemap.xml")
            .contains("<loc>https://help.example/%E5%B8%AE%E5%8A%A9/a/ok/</loc>")
    );
    fails_with(
        "year-minus-one",
        &[(
            "content/a/old.md",
            "---\ntitle: 旧\ndate: -0001-01-01\n---\n\n正文\n",
        )],
        &[
            "`date` is in the year -1: dates go from year 1 to 9999",
            "content/a/old.md:3",
        ],
    );
}
