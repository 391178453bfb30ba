//! Property-based tests on the built binary: generated sites — front matter, Markdown (Chinese,
//! `%`, brackets, raw HTML, deep nesting), file and folder names, link targets — never make it
//! panic, exit 0 or 1 only, every error names a file, and nothing is written outside the output
//! folder. A case takes a few milliseconds; `cargo test` runs a few dozen. For a long campaign:
//!
//! ```sh
//! PROPTEST_CASES=5000 cargo test --release --test properties
//! ```

mod common;
use common::*;

use proptest::prelude::*;
use std::path::Path;

/// Pieces that have broken this kind of program before.
const NAME_PIECES: &[&str] = &[
    "a",
    "注意事项",
    "微粒贷",
    " ",
    ".",
    "..",
    "%",
    "%E5",
    "%zz",
    "#",
    "?",
    "\\",
    "sec #1?%",
    "_index",
    "index",
    "a b",
    "FAQ",
    "faq",
    "-",
    "~",
    "\u{7}",
    "\n",
    "é",
    "👍",
    "<b>",
    "\"",
    "'",
    "search",
    "tags",
    "related",
    "404.html",
    "style.css",
];

const TEXT_PIECES: &[&str] = &[
    "关闭微粒贷",
    "注意事项",
    "100%",
    "%优惠",
    "%E5%BE%AE",
    "<script>alert(1)</script>",
    "[",
    "]",
    "(",
    ")",
    "*",
    "_",
    "`",
    "\\",
    "&amp;",
    "&",
    "<",
    ">",
    "\"",
    "{#id}",
    "{{< note >}}",
    ":::",
    "!",
    "#",
    " ",
    "\t",
    "Promise.all()",
    "👍",
    "\u{0}",
    "\u{feff}",
    "\r",
    "¥",
];

fn piece(pool: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(pool).prop_map(str::to_owned)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(TEXT_PIECES), 0..6).prop_map(|v| v.concat())
}

/// A file or folder name: pieces joined; never empty, `/` or NUL (the file system forbids them).
fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(NAME_PIECES), 1..3)
        .prop_map(|v| v.concat())
        .prop_filter("a name the file system takes", |n| {
            !n.is_empty() && n != "." && n != ".." && !n.contains(['/', '\0']) && n.len() < 100
        })
}

/// Where a link may point: other generated files, anchors, odd encodings, outside places.
fn target() -> impl Strategy<Value = String> {
    prop_oneof![
        (name(), text()).prop_map(|(n, a)| format!("{n}.md#{a}")),
        name().prop_map(|n| format!("../{n}/x.md")),
        text().prop_map(|t| format!("#{t}")),
        // Hugo refs: by path, by bare name (a file's or a folder's), with an anchor.
        (name(), text()).prop_map(|(n, a)| format!("{{{{< ref \"{n}.md#{a}\" >}}}}")),
        name().prop_map(|n| format!("{{{{< relref {n} >}}}}")),
        piece(&[
            "{{< ref \"../../x\" >}}",
            "{{< ref \"#\" >}}",
            "{{< ref >}}",
            "{{< ref \"/\" >}}",
            "hugo-ref:",
            "hugo-ref:hugo-ref:x",
        ]),
        piece(&[
            "#100%优惠",
            "100%图.png",
            "../../../etc/passwd",
            "/",
            "/tags/",
            "/a b/",
            "//x",
            "mailto:a@b",
            "%",
            "x.md?q=1#%E6",
            "<a>",
            "a.md#",
            ""
        ]),
    ]
}

/// A Markdown body: blocks of headings, paragraphs with links and images, raw HTML, quotes and
/// lists nested deep, callouts, tables, fences.
fn body() -> impl Strategy<Value = String> {
    let block = prop_oneof![
        (1..7usize, text()).prop_map(|(n, t)| format!("{} {t}\n", "#".repeat(n))),
        (text(), target(), text()).prop_map(|(a, t, b)| format!("{a}[{b}]({t}){a}\n")),
        (target(), text()).prop_map(|(t, a)| format!("![{a}]({t})\n")),
        (target(), text()).prop_map(|(t, a)| format!("<a href=\"{t}\">{a}</a><img src=\"{t}\">\n")),
        (0..12usize, text()).prop_map(|(d, t)| format!("{}{t}\n", "> ".repeat(d))),
        (0..12usize, text()).prop_map(|(d, t)| format!("{}1. {t}\n", "   ".repeat(d))),
        piece(&["WARNING", "NOTE", "TIP", "IMPORTANT", "CAUTION", "BOGUS"])
            .prop_map(|k| format!("> [!{k}]\n> 文字\n")),
        text().prop_map(|t| format!("| {t} | b |\n| --- | --- |\n| {t} | 乙 |\n")),
        text().prop_map(|t| format!("```{t}\n{t}\n```\n")),
        text().prop_map(|t| format!("{t}[^1]\n\n[^1]: {t}\n")),
        (text(), text()).prop_map(|(a, b)| format!("{a}{{/* {b}\n{a} */}}{b}\n")),
        text().prop_map(|t| format!("{t} {{/* 未关闭\n")),
        (
            piece(&["///", "////", "/////"]),
            piece(&["tip", "tab", "details", "admonition", "define", ""]),
            text()
        )
            .prop_map(|(s, n, t)| format!("{s} {n} | {t}\n    type: {t}\n{t}\n")),
        piece(&[
            "///",
            "////",
            "{* a.py *}",
            "<<< @/x.js",
            "{% raw %}",
            "{% endraw %}"
        ])
        .prop_map(|p| format!("{p}\n")),
        (
            piece(&[
                "?>",
                "!>",
                "> [!TIP]",
                "> [!BOGUS]",
                "## a :id=",
                "# :id=x :docsify-ignore"
            ]),
            text()
        )
            .prop_map(|(p, t)| format!("{p} {t}\n")),
        (text(), target())
            .prop_map(|(t, p)| format!("{{{{< button text=\"{t}\" page=\"{p}\" >}}}}\n")),
    ];
    prop::collection::vec(block, 0..8).prop_map(|v| v.join("\n"))
}

/// YAML front matter with the known keys given odd values, now and then an unknown key or
/// broken YAML; or none at all.
fn front_matter() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        text().prop_map(|t| format!("{t:?}")),
        name().prop_map(|n| format!("{n:?}")),
        prop::collection::vec(name(), 0..3).prop_map(|v| format!("{v:?}")),
        piece(&[
            "[",
            "{",
            "1",
            "-1",
            "true",
            "2024-04-07",
            "2024-13-45",
            "null",
            "|\n  多行"
        ]),
    ];
    let key = piece(&[
        "title",
        "description",
        "date",
        "updated",
        "tags",
        "weight",
        "draft",
        "slug",
        "aliases",
        "related",
        "template",
        "toc",
        "search",
        "extra",
        "titel",
        "outline",
    ]);
    prop_oneof![
        Just(String::new()),
        prop::collection::vec((key, value), 0..6).prop_map(|kv| {
            let lines: String = kv.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
            format!("---\n{lines}---\n")
        }),
    ]
}

/// A site: (path under content/, text) for a few files in a few folders.
fn files() -> impl Strategy<Value = Vec<(String, String)>> {
    let file = (
        prop::option::of(name()),
        prop_oneof![name(), Just("_index".to_owned()), Just("index".to_owned())],
        prop_oneof![4 => Just("md"), 1 => Just("mdx")],
        front_matter(),
        body(),
    )
        .prop_map(|(dir, stem, ext, fm, body)| {
            let path = match dir {
                Some(d) => format!("{d}/{stem}.{ext}"),
                None => format!("{stem}.{ext}"),
            };
            (path, format!("{fm}{body}"))
        });
    prop::collection::vec(file, 1..6)
}

/// A VitePress config with a sidebar and files left out: groups, links and labels from the same odd pieces, keys
/// that name folders or none, code where data is expected, and brackets left open.
fn vitepress_config() -> impl Strategy<Value = String> {
    let quote = |t: String| format!("'{}'", t.replace(['\\', '\'', '\n', '\r'], ""));
    let item = (text(), target(), prop::bool::ANY).prop_map(move |(label, link, group)| {
        if group {
            format!(
                "{{ text: {}, items: [{{ text: `${{x}}`, link: {} }}] }}",
                quote(label),
                quote(link)
            )
        } else {
            format!("{{ text: {}, link: {} }}", quote(label), quote(link))
        }
    });
    (
        prop::collection::vec(item, 0..5),
        prop::option::of(name()),
        piece(&["", "]", "}", "/'", "items()", "...more", ")", "/[", "`${"]),
        piece(&[
            "**/*.md",
            "*",
            "{a,b}/**",
            "../*",
            "**",
            "",
            "{{,}",
            "!x.md",
            "*/_index.md",
        ]),
    )
        .prop_map(move |(items, key, junk, exclude)| {
            let list = format!("[{}{junk}]", items.join(", "));
            let sidebar = match key {
                Some(k) => format!("{{ {}: {list} }}", quote(format!("/{k}/"))),
                None => list,
            };
            format!(
                "export default {{ srcExclude: [{}], themeConfig: {{ sidebar: {sidebar} }} }}\n",
                quote(exclude)
            )
        })
}

/// A Docusaurus sidebars file: doc ids, categories and the shorthand from the same odd pieces.
fn docusaurus_sidebars() -> impl Strategy<Value = String> {
    let quote = |t: String| format!("'{}'", t.replace(['\\', '\'', '\n', '\r'], ""));
    let item = (text(), target(), 0..3u8).prop_map(move |(label, id, kind)| match kind {
        0 => quote(id),
        1 => format!(
            "{{ type: 'category', label: {}, link: {{ type: 'doc', id: {} }}, items: [{}] }}",
            quote(label),
            quote(id.clone()),
            quote(id)
        ),
        _ => format!("{{ {}: [{}] }}", quote(label), quote(id)),
    });
    (
        prop::collection::vec(item, 0..5),
        piece(&["", "]", "}", "...x", "{"]),
    )
        .prop_map(|(items, junk)| {
            format!(
                "module.exports = {{ docs: [{}{junk}] }};\n",
                items.join(", ")
            )
        })
}

/// An mdBook SUMMARY.md: a title, prefix chapters, parts, nested lists, comments and
/// separators, linking where `target` points.
fn summary() -> impl Strategy<Value = String> {
    let line = (text(), target(), 0..7u8, 0..4usize).prop_map(|(label, link, kind, depth)| {
        let pad = "  ".repeat(depth);
        match kind {
            0 => format!("# {label}"),
            1 => format!("[{label}]({link})"),
            2 => format!("{pad}- [{label}]({link})"),
            3 => format!("{pad}- {label}"),
            4 => format!("<!-- - [{label}]({link}) -->"),
            5 => "---".to_owned(),
            _ => format!("{pad}* [{label}]()"),
        }
    });
    prop::collection::vec(line, 0..10).prop_map(|v| v.join("\n"))
}

/// Every file under `dir`, by its path as the file system has it, with its bytes.
fn tree(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut v: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    v.sort();
    v
}

fn check_site(files: &[(String, String)]) -> Result<(), TestCaseError> {
    let s = Scratch::new("prop");
    let site = s.path().join("site");
    s.write(
        "site/helpcenter.yaml",
        "title: 属性测试\nbase_url: https://x.example/help/\n",
    );
    for (rel, text) in files {
        s.write(&format!("site/content/{rel}"), text);
    }
    let site_before = tree(&site);
    let out = s.path().join("out");
    let o = build(&site, &out, &[]);
    let err = stderr(&o);
    let code = o.status.code();
    prop_assert!(code == Some(0) || code == Some(1), "exit {code:?}:\n{err}");
    prop_assert!(
        !err.contains("panicked") && !err.contains("a bug in helpcenter"),
        "{err}"
    );
    for block in err.split("\n\n").filter(|b| b.starts_with("error:")) {
        prop_assert!(
            block.contains("\n  --> "),
            "an error without a file:\n{block}"
        );
    }
    prop_assert_eq!(tree(&site), site_before, "the site's files changed");
    // Nothing beside the output and the site.
    let mut top: Vec<String> = std::fs::read_dir(s.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    let expected: Vec<String> = if code == Some(0) {
        vec!["out".into(), "site".into()]
    } else {
        vec!["site".into()]
    };
    prop_assert_eq!(top, expected);
    if code == Some(0) {
        for e in walkdir::WalkDir::new(&out).into_iter() {
            let e = e.unwrap();
            prop_assert!(
                !e.path_is_symlink(),
                "a link in the output: {}",
                e.path().display()
            );
            prop_assert!(e.path().starts_with(&out));
        }
        prop_assert!(out.join("index.html").is_file());
        for e in walkdir::WalkDir::new(&out) {
            let path = e.unwrap().into_path();
            if path.is_file() && path.extension().is_some_and(|x| x == "html") {
                let html = std::fs::read_to_string(&path).unwrap();
                prop_assert!(
                    !html.contains("href=\"hugo-ref:"),
                    "a Hugo ref's mark in {}",
                    path.display()
                );
            }
        }
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_sites_never_panic_and_write_only_their_output(files in files()) {
        check_site(&files)?;
    }

    #[test]
    fn generated_docusaurus_sidebars_never_panic(mut files in files(), sidebars in docusaurus_sidebars()) {
        files.push(("sidebars.js".to_owned(), sidebars));
        check_site(&files)?;
    }

    #[test]
    fn generated_summaries_never_panic(mut files in files(), summary in summary(), at in 0..4usize) {
        let at = ["SUMMARY.md", "a/SUMMARY.md", "_sidebar.md", "a/_sidebar.md"][at];
        files.push((at.to_owned(), summary));
        check_site(&files)?;
    }

    #[test]
    fn generated_mkdocs_navs_never_panic(mut files in files(), entries in prop::collection::vec((text(), target(), 0..4u8), 0..8)) {
        let nav: String = entries
            .iter()
            .map(|(label, link, kind)| match kind {
                0 => format!("  - {link:?}\n"),
                1 => format!("  - {label:?}: {link:?}\n"),
                2 => format!("  - {label:?}:\n      - {link:?}\n      - x: {link:?}\n"),
                _ => format!("  - !!python/name:{label:?}\n"),
            })
            .collect();
        files.push(("mkdocs.yml".to_owned(), format!("site_name: x\nnav:\n{nav}")));
        check_site(&files)?;
    }

    #[test]
    fn generated_vuepress_public_files_never_panic(mut files in files(), name in name(), text in text()) {
        files.push((format!(".vuepress/public/{name}"), text.clone()));
        files.push((".vuepress/config.js".to_owned(), text));
        check_site(&files)?;
    }

    #[test]
    fn generated_vitepress_sidebars_never_panic(mut files in files(), config in vitepress_config()) {
        files.push((".vitepress/config.ts".to_owned(), config));
        check_site(&files)?;
    }
}
