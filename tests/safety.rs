//! The generator owns only its output folder: the reproductions of the safety issue, each tried
//! as a careless or hostile user would, on the built binary. Each either works or fails safely —
//! a clear error naming the file and line, exit 1, nothing of the user's lost or overwritten.

mod common;
use common::*;

use std::path::Path;

/// Builds `root` with `args`, expecting exit 1 and every one of `expected` in the report.
fn refused(root: &Path, args: &[&str], expected: &[&str]) -> String {
    let mut all = vec!["build", "--root", root.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = run(&all);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "expected exit 1:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    for want in expected {
        assert!(err.contains(want), "`{want}` missing from:\n{err}");
    }
    err
}

/// A site created by `helpcenter init`, as a new user starts.
fn new_site(tag: &str) -> Scratch {
    let s = Scratch::new(tag);
    let o = run(&["init", s.path().join("site").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    s
}

#[test]
fn an_output_folder_that_is_or_holds_the_sites_files_is_refused() {
    let s = new_site("outguard");
    let site = s.path().join("site");
    let before = snapshot(&site);
    let dotdot = site.join("public/../content");
    for (out, why) in [
        (dotdot.to_str().unwrap(), "it is the site's own"),
        (
            site.join("content/x").to_str().unwrap(),
            "it lies inside the site's own",
        ),
        (
            site.join("templates").to_str().unwrap(),
            "it is the site's own",
        ),
        (
            site.join("helpcenter.yaml").to_str().unwrap(),
            "it is the site's own",
        ),
        (site.to_str().unwrap(), "it holds the site's own"),
        (s.path().to_str().unwrap(), "it holds the site's own"),
    ] {
        refused(
            &site,
            &["--output", out],
            &["refusing to write the site into", why],
        );
    }
    assert_eq!(snapshot(&site), before, "nothing of the site changed");
}

#[test]
fn an_output_that_is_a_link_to_nothing_yet_is_written_where_the_link_leads() {
    use std::os::unix::fs::symlink;
    let s = new_site("outlink");
    let site = s.path().join("site");
    // `public -> www/help`, whose folder was deleted (or never made), through a second link.
    let public = s.path().join("public");
    symlink("hop", &public).unwrap();
    symlink(s.path().join("www/help"), s.path().join("hop")).unwrap();
    for _ in 0..2 {
        let o = build(&site, &public, &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            std::fs::symlink_metadata(&public).unwrap().is_symlink(),
            "the link stays"
        );
        assert!(s.path().join("www/help/index.html").is_file());
    }

    // A link into the site's own content is refused like the folder itself, and makes nothing.
    let before = snapshot(&site);
    let into = s.path().join("into");
    symlink(site.join("content/new"), &into).unwrap();
    refused(
        &site,
        &["--output", into.to_str().unwrap()],
        &[
            "refusing to write the site into",
            "it lies inside the site's own",
        ],
    );
    assert_eq!(snapshot(&site), before, "nothing of the site changed");

    // Links that lead to each other lead nowhere.
    symlink("loop-b", s.path().join("loop-a")).unwrap();
    symlink("loop-a", s.path().join("loop-b")).unwrap();
    refused(
        &site,
        &["--output", s.path().join("loop-a").to_str().unwrap()],
        &["it is a symbolic link that leads to itself through other links"],
    );
}

#[test]
fn an_unrelated_folder_or_a_file_is_replaced_only_when_forced() {
    let s = new_site("outforce");
    let site = s.path().join("site");
    s.write("notes/todo.txt", "买菜\n");
    s.write("notes.txt", "a file\n");
    let notes = s.path().join("notes");
    refused(
        &site,
        &["--output", notes.to_str().unwrap()],
        &[
            "the folder is not empty and was not written by helpcenter",
            "--force",
        ],
    );
    assert_eq!(read(&notes, "todo.txt"), "买菜\n");
    refused(
        &site,
        &[
            "--output",
            s.path().join("notes.txt").to_str().unwrap(),
            "--force",
        ],
        &["it is a file"],
    );
    let o = build(&site, &notes, &["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(notes.join("index.html").is_file() && !notes.join("todo.txt").exists());
}

#[test]
fn an_earlier_output_is_replaced_and_killed_builds_leftovers_go() {
    let s = new_site("outmarker");
    let site = s.path().join("site");
    let out = s.path().join("public");
    let o = build(&site, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        out.join(".helpcenter-output").is_file(),
        "every output carries the marker"
    );
    // A build killed mid-write left these; the marker says which are helpcenter's. (Their
    // process ids are above any pid_max, so no such process runs.)
    s.write(".public.new-4294967000/.helpcenter-output", "");
    s.write(".public.old-4294967001/.helpcenter-output", "");
    s.write(".public.new-4294967002/mine.txt", "not helpcenter's");
    let running = std::process::id();
    s.write(&format!(".public.new-{running}/.helpcenter-output"), "");
    // An output of a version from before the marker: it has the search manifest.
    std::fs::remove_file(out.join(".helpcenter-output")).unwrap();
    let o = build(&site, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let left: Vec<String> = std::fs::read_dir(s.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    let mut left = left;
    left.sort();
    let mut expected = [
        ".public.new-4294967002".to_owned(),
        format!(".public.new-{running}"),
    ];
    expected.sort();
    assert_eq!(
        left, expected,
        "only marked leftovers of builds no longer running are removed"
    );
}

#[test]
fn the_output_never_goes_missing_while_a_build_replaces_it() {
    // The old folder was moved aside, then the new one moved in: a web server serving the
    // folder found nothing in between, and a build killed there left no output at all.
    let s = new_site("outswap");
    let site = s.path().join("site");
    let out = s.path().join("public");
    let o = build(&site, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let (done, page) = (done.clone(), out.join("index.html"));
        std::thread::spawn(move || {
            let (mut looks, mut missing) = (0u64, 0u64);
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                looks += 1;
                missing += u64::from(!page.exists());
            }
            (looks, missing)
        })
    };
    for _ in 0..8 {
        let o = build(&site, &out, &[]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let (looks, missing) = watcher.join().unwrap();
    assert!(looks > 1000, "{looks}");
    assert_eq!(missing, 0, "of {looks} looks");

    // A build killed between moving the old output aside and moving the new one in (where the
    // system cannot swap them in one step): the next build puts it back before it writes.
    let aside = s.path().join(".public.old-4294967003");
    std::fs::rename(&out, &aside).unwrap();
    s.write(
        "site/content/getting-started/broken.md",
        "---\ntitle: [\n---\n",
    );
    let o = build(&site, &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(aside.is_dir(), "a failed build keeps the output set aside");
    std::fs::remove_file(site.join("content/getting-started/broken.md")).unwrap();
    let o = build(&site, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("index.html").is_file() && !aside.exists());
}

#[test]
fn paths_from_content_cannot_leave_or_replace_the_output() {
    let s = new_site("paths");
    let site = s.path().join("site");
    s.write(
        "site/content/getting-started/slug.md",
        "---\ntitle: 斜杠\nslug: \" .. \"\n---\n正文\n",
    );
    s.write(
        "site/content/getting-started/alias.md",
        "---\ntitle: 别名\naliases: [index.html, 404.html, search/index.html, \"tags/入门/\"]\ntags: [\"..\", \".\"]\n---\n正文\n",
    );
    let want = [
        "content/getting-started/slug.md:3",
        "`slug` cannot be used in a URL: ` .. `",
        "content/getting-started/alias.md:3",
        "alias `index.html` would replace helpcenter's own index.html",
        "alias `404.html` would replace helpcenter's own 404.html",
        "alias `search/index.html` would be written to /search/index.html",
        "alias `tags/入门/` would be written to /tags/入门/index.html, inside /tags/",
        "content/getting-started/alias.md:4",
        "tag `..` cannot be a page's URL",
        "tag `.` cannot be a page's URL",
    ];
    refused(&site, &[], &want);
    // `check` finds the same, writing nothing.
    let o = run(&["check", "--root", site.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    for w in want {
        assert!(stderr(&o).contains(w), "check misses {w}");
    }
    assert!(!site.join("public").exists() && !s.path().join("index.html").exists());
}

#[test]
fn a_percent_before_a_chinese_character_is_an_error_not_a_panic() {
    let s = new_site("percent");
    let site = s.path().join("site");
    s.write(
        "site/content/getting-started/p.md",
        "---\ntitle: 百分号\n---\n\n[优惠](#100%优惠)\n\n![图](100%图.png)\n",
    );
    refused(
        &site,
        &[],
        &[
            "content/getting-started/p.md:5",
            "link to a missing anchor: `#100%优惠`",
        ],
    );
}

#[test]
fn a_folder_with_both_index_files_is_an_error_naming_both() {
    let s = new_site("bothindex");
    let site = s.path().join("site");
    s.write("site/content/b/_index.md", "---\ntitle: 分类\n---\n");
    s.write("site/content/b/index.md", "---\ntitle: 文章\n---\n");
    refused(
        &site,
        &[],
        &[
            "content/b/_index.md and content/b/index.md both claim to be the page of their folder",
            "content/b/index.md",
        ],
    );
}

#[cfg(unix)]
#[test]
fn links_out_of_the_site_are_refused_and_never_served() {
    let s = new_site("symlink");
    let site = s.path().join("site");
    std::fs::create_dir_all(site.join("static")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", site.join("static/passwd.txt")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", site.join("content/getting-started/pw.png")).unwrap();
    std::os::unix::fs::symlink("/etc", site.join("content/etc")).unwrap();
    // A link that stays inside the site is followed as before.
    s.write("site/shared/logo.png", "png");
    std::os::unix::fs::symlink(
        site.join("shared/logo.png"),
        site.join("content/getting-started/logo.png"),
    )
    .unwrap();
    s.write(
        "site/content/getting-started/logo.md",
        "---\ntitle: 标志\n---\n\n![标志](logo.png)\n",
    );
    refused(
        &site,
        &[],
        &[
            "static/passwd.txt",
            "content/getting-started/pw.png",
            "content/etc",
            "this link leads out of the site, to /etc",
        ],
    );
    let srv = serve(&site, &[]);
    for path in ["/passwd.txt", "/getting-started/pw.png", "/etc/passwd"] {
        let r = request(srv.port, path);
        assert!(!r.text().contains("root:"), "{path} leaked /etc/passwd");
        assert!(
            r.text().contains("this link leads out of the site"),
            "{path}: the error is shown"
        );
    }
    drop(srv);
    std::fs::remove_file(site.join("static/passwd.txt")).unwrap();
    std::fs::remove_file(site.join("content/getting-started/pw.png")).unwrap();
    std::fs::remove_file(site.join("content/etc")).unwrap();
    let out = build_ok(&site, &s);
    assert_eq!(read(&out, "getting-started/logo.png"), "png");
}

#[cfg(unix)]
#[test]
fn a_link_to_the_output_is_refused_so_the_output_never_copies_itself() {
    let s = new_site("output-link");
    let site = s.path().join("site");
    let o = run(&["build", "--root", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = site.join("public");
    let before = snapshot(&first);
    std::fs::create_dir_all(site.join("static")).unwrap();
    std::os::unix::fs::symlink("../public", site.join("static/a")).unwrap();
    std::os::unix::fs::symlink("../../public", site.join("content/getting-started/old")).unwrap();
    for _ in 0..2 {
        refused(
            &site,
            &[],
            &[
                "static/a",
                "content/getting-started/old",
                "this folder is a helpcenter output",
            ],
        );
        assert_eq!(
            snapshot(&first),
            before,
            "the previous output is left as it was"
        );
    }
    // `serve` does not publish it either.
    let srv = serve(&site, &[]);
    let r = request(srv.port, "/a/index.html");
    assert!(
        r.text().contains("this folder is a helpcenter output"),
        "{}",
        r.text()
    );
}

#[test]
fn reserved_characters_in_folder_names_are_encoded_in_links() {
    let s = new_site("reserved");
    let site = s.path().join("site");
    s.write(
        "site/content/sec #1?%/a b.md",
        "---\ntitle: 特殊\n---\n\n![图](my%20pic.png)\n\n[返回](../getting-started/first-steps.md)\n",
    );
    s.write("site/content/sec #1?%/my pic.png", "png");
    let first = site.join("content/getting-started/first-steps.md");
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(
        &first,
        format!("{text}\n[特殊](../sec%20%231%3F%25/a%20b.md)\n"),
    )
    .unwrap();
    let out = build_ok(&site, &s);
    assert_eq!(broken_links(&out, "/"), Vec::<String>::new());
    let home = read(&out, "index.html");
    assert!(home.contains("href=\"./sec%20%231%3F%25/\""), "{home}");
    assert!(!home.contains("href=\"./sec #1"));
    let page = read(&out, "sec #1?%/a-b/index.html");
    assert!(page.contains("src=\"../my%20pic.png\""));
}

#[test]
fn code_that_crashed_or_stalled_a_grammar_builds_and_shows_as_written() {
    // Each of these killed or stalled the whole build inside a grammar's C code: the end of a
    // PHP heredoc (also inside a Markdown example), Markdown nested 1,100 deep, a long stretch
    // of broken code (250 KB of `{` took JavaScript minutes), and broken JSX the TSX grammar
    // never finished.
    let s = Scratch::site("grammar-crash");
    let php = "<?php\n$a = <<<EOT\n你好 {$b}\nEOT;\necho $a;\n";
    let deep = ">".repeat(1100);
    let broken = format!("{}\n", "{".repeat(3900)).repeat(64);
    s.write(
        "content/a/code.md",
        format!(
            "---\ntitle: 代码\n---\n\n```php\n{php}```\n\n````markdown\n```php\n{php}```\n````\n\n\
             ```markdown\n{deep} 引用\n```\n\n```js\n{broken}```\n\n\
             ```tsx\n<v e=\"\"\"={{(f()}}a{{>}}<\n```\n\n\
             ````markdown\n```tsx\n<v e=\"\"\"={{(f()}}a{{>}}<\n```\n````\n"
        ),
    );
    let out = build_ok(s.path(), &s);
    let html = read(&out, "a/code/index.html");
    let text = text_with_code(&html);
    assert_eq!(
        text.matches("$a = <<<EOT\n你好 {$b}\nEOT;").count(),
        2,
        "{text}"
    );
    assert!(html.contains("<span class=\"hl-k\">echo</span>"), "{html}");
    assert!(text.contains(&format!("{deep} 引用")));
    assert_eq!(text.matches(&"{".repeat(3900)).count(), 64);
    assert_eq!(text.matches("<v e=\"\"\"={(f()}a{>}<").count(), 2, "{text}");
}

#[test]
fn templates_that_would_recurse_without_end_are_errors_not_crashes() {
    // Each of these overflowed the stack: exit 134, no file named.
    let s = Scratch::site("tpl-recursion");
    let site = s.path();
    s.write("templates/article.html", "{% include \"article.html\" %}");
    let err = refused(
        site,
        &[],
        &["`article.html` includes itself", "templates/article.html:1"],
    );
    assert!(!err.contains("overflow"), "{err}");
    s.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% block content %}\n{% include \"part.html\" %}{% endblock content %}",
    );
    s.write("templates/part.html", "{% include \"article.html\" %}");
    refused(
        site,
        &[],
        &["`article.html` includes `part.html`, which leads back to it (part.html → article.html)"],
    );
    // A macro that calls itself without end fails its page; one that stops is how a tree is
    // drawn, and renders.
    std::fs::remove_file(site.join("templates/part.html")).unwrap();
    let recursive = |limit: &str| {
        format!(
            "{{% macro r(n) %}}<i>{{{{ n }}}}</i>{{% if n < {limit} %}}{{{{ self::r(n=n+1) }}}}{{% endif %}}{{% endmacro r %}}"
        )
    };
    s.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% import \"rec.html\" as rec %}{% block content %}{{ rec::r(n=1) }}{% endblock content %}",
    );
    s.write("templates/rec.html", recursive("100000"));
    refused(
        site,
        &[],
        &["the macro `r` of 'rec.html' is called more than 100 deep"],
    );
    s.write("templates/rec.html", recursive("90"));
    let out = build_ok(site, &s);
    let page = read(&out, "a/ok/index.html");
    assert!(
        page.contains("<i>90</i>") && !page.contains("<i>91</i>"),
        "{page}"
    );
    // 5,000 nested `if`s overflowed the stack while the template was read.
    let deep = "{% if true %}".repeat(5000) + &"{% endif %}".repeat(5000);
    s.write(
        "templates/article.html",
        format!(
            "{{% extends \"base.html\" %}}\n{{% block content %}}\n{deep}{{% endblock content %}}"
        ),
    );
    refused(
        site,
        &[],
        &[
            "the template nests tags or brackets more than 64 deep",
            "templates/article.html:3",
        ],
    );
    // Neither a raw block nor a comment closes a tag, and what is quoted or commented out does
    // not nest.
    for filler in ["{% raw %}{% endraw %}", "{# {% endif %} #}"] {
        let deep = format!("{{% if true %}}{filler}").repeat(5000) + &"{% endif %}".repeat(5000);
        s.write("templates/article.html", deep);
        refused(site, &[], &["nests tags or brackets more than 64 deep"]);
    }
    let quoted = format!(
        "{{% extends \"base.html\" %}}{{% block content %}}{{{{ \"{}\" }}}}{}{{% endblock content %}}",
        "(".repeat(100),
        "{# {% if x %} #}".repeat(100)
    );
    s.write("templates/article.html", quoted);
    build_ok(site, &s);
    // A call from outside a macro cannot start the count far below 0.
    s.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% import \"rec.html\" as rec %}{% block content %}{{ rec::r(n=1, __helpcenter_macro_depth=-100000000) }}{% endblock content %}",
    );
    s.write("templates/rec.html", recursive("100000"));
    refused(
        site,
        &[],
        &["the macro `r` of 'rec.html' is called more than 100 deep"],
    );
    // Macro files importing each other were read for ever before any page.
    std::fs::remove_file(site.join("templates/rec.html")).unwrap();
    s.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% import \"m1.html\" as m1 %}",
    );
    s.write(
        "templates/m1.html",
        "{% import \"m2.html\" as m2 %}{% macro a() %}a{% endmacro a %}",
    );
    s.write(
        "templates/m2.html",
        "{% import \"m1.html\" as m1 %}{% macro b() %}b{% endmacro b %}",
    );
    refused(
        site,
        &[],
        &[
            "imports the macros of `m",
            "which leads back to it",
            "its macros would never finish loading",
        ],
    );
}

#[test]
fn a_long_chain_of_includes_is_an_error_and_a_long_cycle_is_named_short() {
    // 20,000 templates each including the next overflowed the stack; finding cycles took
    // seconds on 5,000.
    let s = Scratch::site("tpl-chain");
    let n = 3000;
    for i in 0..n {
        let next = if i + 1 < n {
            format!("{{% include \"c{}.html\" %}}", i + 1)
        } else {
            "end".to_owned()
        };
        s.write(&format!("templates/c{i}.html"), format!("<i>{next}</i>"));
    }
    s.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% block content %}{% include \"c0.html\" %}{% endblock content %}",
    );
    refused(
        s.path(),
        &[],
        &[
            "`article.html` leads 3001 templates deep, each including, extending or importing the next (article.html → c0.html → … → c2998.html → c2999.html): pages draw at most 64 one inside another",
            "templates/article.html",
        ],
    );
    // Closed into a cycle, its way back is shown by its ends.
    s.write("templates/c2999.html", "{% include \"c0.html\" %}");
    let err = refused(s.path(), &[], &["which leads back to it (", " → … → "]);
    assert!(err.len() < 2000, "{err}");
    // 64 deep draws.
    for i in 0..n {
        std::fs::remove_file(s.path().join(format!("templates/c{i}.html"))).unwrap();
    }
    for i in 0..60 {
        let next = if i + 1 < 60 {
            format!("{{% include \"c{}.html\" %}}", i + 1)
        } else {
            "底".to_owned()
        };
        s.write(&format!("templates/c{i}.html"), format!("<i>{next}</i>"));
    }
    let out = build_ok(s.path(), &s);
    assert!(read(&out, "a/ok/index.html").contains("<i>底</i>"));
}

#[test]
fn templates_read_only_the_environment_variables_named_for_them() {
    let s = Scratch::site("tpl-env");
    s.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% block content %}[{{ get_env(name=\"DEPLOY_TOKEN\") }}]{% endblock content %}",
    );
    let o = build_with_env(s.path(), &[("DEPLOY_TOKEN", "ghp_secret_value")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("templates read only environment variables whose names start with `HELPCENTER_`, and `DEPLOY_TOKEN` does not"),
        "{err}"
    );
    assert!(!err.contains("ghp_secret_value"), "{err}");
    assert!(!s.path().join("public").exists());
    s.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% block content %}[{{ get_env(name=\"HELPCENTER_VERSION\") }}|{{ get_env(name=\"HELPCENTER_UNSET\", default=\"无\") }}]{% endblock content %}",
    );
    let o = build_with_env(s.path(), &[("HELPCENTER_VERSION", "v2.1")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&s.path().join("public"), "a/ok/index.html");
    assert!(page.contains("[v2.1|无]"), "{page}");
}

/// Builds `root` into its `public/` with `vars` set in the environment, and no other
/// `HELPCENTER_` variable.
fn build_with_env(root: &Path, vars: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = bin();
    cmd.args(["build", "--root", root.to_str().unwrap()]);
    for (k, _) in std::env::vars().filter(|(k, _)| k.starts_with("HELPCENTER_")) {
        cmd.env_remove(k);
    }
    cmd.envs(vars.iter().copied()).output().unwrap()
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(ok.success());
}

/// Runs `helpcenter` with `args` under `timeout`: a build that waits for ever fails the test
/// instead of hanging it.
fn run_bounded(args: &[&str]) -> std::process::Output {
    std::process::Command::new("timeout")
        .arg("120")
        .arg(env!("CARGO_BIN_EXE_helpcenter"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn an_output_that_is_not_a_folder_is_never_replaced_even_when_forced() {
    // A named pipe (as /dev/null, a device) was moved aside and replaced by a folder.
    let s = new_site("out-fifo");
    let site = s.path().join("site");
    let fifo = s.path().join("pipe");
    mkfifo(&fifo);
    for force in [&[][..], &["--force"][..]] {
        let mut args = vec!["build", "--root", site.to_str().unwrap(), "--output"];
        args.push(fifo.to_str().unwrap());
        args.extend_from_slice(force);
        let o = run_bounded(&args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.contains("it is not a folder (a device, a pipe or a socket)"),
            "{err}"
        );
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(
            std::os::unix::fs::FileTypeExt::is_fifo(&kind),
            "the pipe is still there"
        );
    }
    let left: Vec<_> = std::fs::read_dir(s.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "nothing moved aside: {left:?}");
}

#[test]
fn a_named_pipe_for_a_page_or_the_config_is_an_error_not_a_hang() {
    let s = new_site("src-fifo");
    let site = s.path().join("site");
    let page = site.join("content/getting-started/pipe.md");
    mkfifo(&page);
    let o = run_bounded(&["build", "--root", site.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot read the file: it is not a regular file"),
        "{err}"
    );
    assert!(err.contains("content/getting-started/pipe.md"), "{err}");
    std::fs::remove_file(&page).unwrap();
    let config = site.join("helpcenter.yaml");
    std::fs::remove_file(&config).unwrap();
    mkfifo(&config);
    let o = run_bounded(&["check", "--root", site.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot read the site config: it is not a regular file"),
        "{err}"
    );
    // A pipe for a template of the site left the built-in one in use, without a word.
    std::fs::remove_file(&config).unwrap();
    std::fs::write(&config, "title: 测试\n").unwrap();
    std::fs::create_dir_all(site.join("templates")).unwrap();
    mkfifo(&site.join("templates/article.html"));
    let o = run_bounded(&["build", "--root", site.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("this is not a regular file") && err.contains("templates/article.html"),
        "{err}"
    );
}

#[test]
fn a_closed_stdout_does_not_fail_a_finished_build() {
    // `helpcenter build | head -0`: the summary line's write failed, and println! panicked (101).
    let s = Scratch::site("closed-stdout");
    let mut child = bin()
        .args(["build", "--root", s.path().to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(s.path().join("public/a/ok/index.html").is_file());
}

#[test]
fn a_nul_in_the_text_is_a_replacement_character_in_the_page() {
    let s = Scratch::site("nul");
    s.write("content/a/nul.md", "---\ntitle: 空字符\n---\n\n正\0文\n");
    let out = build_ok(s.path(), &s);
    let page = read(&out, "a/nul/index.html");
    assert!(!page.contains('\0'));
    assert!(page.contains("正\u{FFFD}文"), "{page}");
}

#[test]
fn file_names_that_are_not_utf8_are_errors_not_silently_merged() {
    // `static/s\xff.txt` and `static/s\xfe.txt` were both published as `s�.txt`: one was lost.
    use std::os::unix::ffi::OsStrExt;
    let s = Scratch::site("not-utf8");
    for (byte, text) in [(0xffu8, "one"), (0xfe, "two")] {
        let bytes = [b's', byte, b'.', b't', b'x', b't'];
        let name = std::ffi::OsStr::from_bytes(&bytes);
        let dir = s.path().join("static");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), text).unwrap();
    }
    let err = refused(
        s.path(),
        &[],
        &["this name cannot be part of a URL: it holds bytes that are not UTF-8"],
    );
    // Each named as it is, so that the reader can tell which two files are meant.
    for name in ["static/s\\xFF.txt", "static/s\\xFE.txt"] {
        assert_eq!(err.matches(name).count(), 1, "{name}: {err}");
    }
}

#[test]
fn percent_encoded_aliases_redirect_from_the_decoded_path() {
    // Copied from the address bar; written literally, `old%20page/` was reached by no URL.
    let s = Scratch::site("alias-pct");
    s.write(
        "content/a/moved.md",
        "---\ntitle: 搬家\naliases: [\"old%20page/\", \"/%E6%97%A7/\"]\n---\n\n正文。\n",
    );
    let out = build_ok(s.path(), &s);
    for old in ["old page/index.html", "旧/index.html"] {
        let page = read(&out, old);
        assert!(page.contains("a/moved/"), "{old}: {page}");
    }
    assert!(!out.join("old%20page").exists());
    s.write(
        "content/a/moved.md",
        "---\ntitle: 搬家\naliases: [\"%2e%2e/%2e%2e/x/\"]\n---\n\n正文。\n",
    );
    refused(
        s.path(),
        &[],
        &["is not a path inside the site", "content/a/moved.md:3"],
    );
    s.write(
        "content/a/moved.md",
        "---\ntitle: 搬家\naliases: [\"%E4%B8/\"]\n---\n\n正文。\n",
    );
    refused(
        s.path(),
        &[],
        &[
            "alias `%E4%B8/` has `%` escapes that are not a character",
            "content/a/moved.md:3",
        ],
    );
}

#[test]
fn the_configs_language_must_be_a_language_tag() {
    let s = Scratch::site("lang");
    s.write("helpcenter.yaml", "title: 测试\nlanguage: \"../../x\"\n");
    refused(
        s.path(),
        &[],
        &[
            "`language` is \"../../x\", which is no language tag",
            "helpcenter.yaml:2",
        ],
    );
    s.write("helpcenter.yaml", "title: 测试\nlanguage: pt-BR\n");
    let out = build_ok(s.path(), &s);
    assert!(read(&out, "a/ok/index.html").contains("<html lang=\"pt-BR\""));
}

#[test]
fn includes_past_the_site_budget_fail_the_build_every_time() {
    // Pages read in parallel: with a warning and the build going on, which pages lacked their
    // includes changed from one run to the next.
    let s = Scratch::site("inc-budget");
    let line = "word ".repeat(200) + "\n";
    s.write("content/big.txt", line.repeat((1 << 20) / line.len()));
    let page = |i: usize| format!("# 第 {i} 页\n\n{}", "{{#include ../big.txt}}\n\n".repeat(8));
    for i in 0..10 {
        s.write(&format!("content/a/p{i}.md"), page(i));
    }
    let out = s.path().join("public");
    for _ in 0..2 {
        let o = build(s.path(), &out, &[]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("the site's includes pass 64 MB in all"),
            "{err}"
        );
        assert!(!out.exists());
    }
}

#[test]
fn a_markdown_file_too_large_for_an_article_is_an_error_read_no_further() {
    // A log dumped as `debug.md`: 33 MB of emphasis marks took gigabytes to parse.
    let s = new_site("huge-md");
    let site = s.path().join("site");
    let out = s.path().join("public");
    let o = build(&site, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = snapshot(&out);
    s.write(
        "site/content/debug.md",
        "*强调* ".repeat((33 << 20) / 9 + 1),
    );
    let err = refused(
        &site,
        &["--output", out.to_str().unwrap()],
        &[
            "content/debug.md",
            "the file is larger than 32 MB, which no article is",
            "move it out of content/",
        ],
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(snapshot(&out), before, "the earlier output is untouched");
}

/// A repository's own `public` link does not choose where the build writes: cloned with
/// `public -> ~/.ssh`, a build wrote its `static/authorized_keys` there. Named with
/// `--output`, the link is followed.
#[test]
fn a_public_link_out_of_the_site_is_not_followed_unasked() {
    let s = new_site("public-link");
    let site = s.path().join("site");
    s.write("site/static/authorized_keys", "ssh-ed25519 AAAA attacker\n");
    let victim = s.path().join("home/.ssh");
    std::os::unix::fs::symlink(&victim, site.join("public")).unwrap();
    refused(&site, &[], &["public", "outside the site", "--output"]);
    assert!(!s.path().join("home").exists(), "nothing is created");
    // Named, the link is where the site goes, and stays a link.
    std::fs::remove_file(site.join("public")).unwrap();
    std::os::unix::fs::symlink(s.path().join("www/help"), site.join("public")).unwrap();
    let o = run(&[
        "build",
        "--root",
        site.to_str().unwrap(),
        "--output",
        site.join("public").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s.path().join("www/help/index.html").is_file());
    assert!(
        std::fs::symlink_metadata(site.join("public"))
            .unwrap()
            .is_symlink()
    );
}

/// Links inside the site are followed, but two links per folder to the next one doubled the
/// pages at each level (13 levels wrote 32,745 pages); a link to a hidden file or folder of the
/// site published it (`.env`, `.git`), and so did `static/.git/`.
#[test]
fn links_do_not_multiply_pages_or_publish_hidden_files() {
    let s = new_site("fan-out");
    let site = s.path().join("site");
    for i in 0..10 {
        s.write(
            &format!("site/content/d{i}/_index.md"),
            "---\ntitle: 栏目\n---\n",
        );
        s.write(
            &format!("site/content/d{i}/p.md"),
            "---\ntitle: 页\n---\n正文\n",
        );
    }
    for i in 0..9 {
        for name in ["x", "y"] {
            std::os::unix::fs::symlink(
                format!("../d{}", i + 1),
                site.join(format!("content/d{i}/{name}")),
            )
            .unwrap();
        }
    }
    s.write("site/static/.git/config", "[remote] url = secret\n");
    s.write(
        "site/static/.well-known/security.txt",
        "Contact: mailto:a@b.c\n",
    );
    let out = s.path().join("out");
    let o = build(&site, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("4th on its path"), "{}", stderr(&o));
    let pages = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .count();
    assert!(pages < 400, "{pages} pages");
    assert!(!out.join(".git").exists());
    assert!(out.join(".well-known/security.txt").is_file());
    // Several folders linking one shared folder each publish it; a file of a hidden folder
    // that is documentation may be linked.
    s.write("site/shared/a.md", "---\ntitle: 共享\n---\n正文\n");
    s.write(
        "site/.github/CONTRIBUTING.md",
        "---\ntitle: 贡献\n---\n正文\n",
    );
    for i in 0..6 {
        s.write(
            &format!("site/content/v{i}/link.md"),
            "---\ntitle: 链接\n---\n[共享](shared/a.md)\n",
        );
        std::os::unix::fs::symlink("../../shared", site.join(format!("content/v{i}/shared")))
            .unwrap();
    }
    std::os::unix::fs::symlink(
        "../../.github/CONTRIBUTING.md",
        site.join("content/d0/contributing.md"),
    )
    .unwrap();
    let o = build(&site, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("v5/shared/a/index.html").is_file());
    assert!(out.join("d0/contributing/index.html").is_file());
    s.write("site/.env", "TOKEN=secret\n");
    std::os::unix::fs::symlink("../../.env", site.join("content/d0/x.txt")).unwrap();
    refused(
        &site,
        &["--output", out.to_str().unwrap()],
        &["content/d0/x.txt", "hidden files are never published"],
    );
}

/// A slug with a leading dot makes a hidden folder many hosts do not serve.
#[test]
fn a_dotted_slug_is_refused() {
    let s = new_site("dot-slug");
    let site = s.path().join("site");
    s.write(
        "site/content/getting-started/dot.md",
        "---\ntitle: 点\nslug: .hidden\n---\n正文\n",
    );
    refused(
        &site,
        &[],
        &["content/getting-started/dot.md:3", "a leading `.`"],
    );
}
