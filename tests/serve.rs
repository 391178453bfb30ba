//! `helpcenter serve` over raw HTTP: status codes, content types, path traversal refused, the
//! live-reload script only in served pages, a taken port; what it answers and to whom; that it
//! idles, survives odd input and misses no edit.

mod common;
use common::*;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn serves_pages_like_a_static_host() {
    let srv = serve(&fixture("site"), &[]);
    assert!(srv.log.contains("Built "), "{}", srv.log);
    let r = request(srv.port, "/%E8%B4%A6%E6%88%B7/%E6%94%B9%E5%AF%86%E7%A0%81/");
    assert_eq!(r.status, 200);
    assert!(r.head.contains("content-type: text/html; charset=utf-8"));
    assert!(r.text().contains("<h1>如何修改登录密码</h1>"));
    assert!(
        r.text().contains("/__helpcenter/livereload.js"),
        "served pages get the live-reload script"
    );

    let r = request(srv.port, "/style.css");
    assert_eq!(r.status, 200);
    assert!(r.head.contains("content-type: text/css; charset=utf-8"));
    let r = request(srv.port, "/guides/with-image/shot.png");
    assert_eq!(r.status, 200);
    assert!(r.head.contains("content-type: image/png"));

    let r = request(srv.port, "/guides/no-front");
    assert_eq!(r.status, 301);
    assert!(r.head.contains("location: /guides/no-front/"));
    // The query goes along, as static hosts keep it.
    let r = request(srv.port, "/search?q=%E5%AF%86%E7%A0%81");
    assert_eq!(r.status, 301);
    assert!(
        r.head.contains("location: /search/?q=%e5%af%86%e7%a0%81"),
        "{}",
        r.head
    );
}

#[test]
fn a_file_is_sent_in_the_part_asked_for() {
    let srv = serve(&fixture("site"), &[]);
    let png = "/guides/with-image/shot.png";
    let whole = request(srv.port, png);
    assert_eq!(whole.status, 200);
    assert!(
        whole.head.contains("accept-ranges: bytes"),
        "{}",
        whole.head
    );
    let len = whole.body.len();
    assert!(len > 10, "{len}");

    let part = request_with(srv.port, png, "Range: bytes=2-9\r\n");
    assert_eq!(part.status, 206);
    assert!(
        part.head
            .contains(&format!("content-range: bytes 2-9/{len}")),
        "{}",
        part.head
    );
    assert_eq!(part.body, whole.body[2..10]);
    let tail = request_with(srv.port, png, "Range: bytes=-5\r\n");
    assert_eq!((tail.status, &tail.body[..]), (206, &whole.body[len - 5..]));
    let rest = request_with(srv.port, png, "Range: bytes=10-\r\n");
    assert_eq!((rest.status, &rest.body[..]), (206, &whole.body[10..]));

    // Past the end: 416, saying how long the file is.
    let past = request_with(srv.port, png, &format!("Range: bytes={len}-\r\n"));
    assert_eq!(past.status, 416);
    assert!(
        past.head.contains(&format!("content-range: bytes */{len}")),
        "{}",
        past.head
    );
    assert!(past.body.is_empty());
    // Several ranges, a range that does not parse, or one conditional on a validator this
    // server never sends: the whole file.
    for header in [
        "Range: bytes=0-1,4-5\r\n",
        "Range: bytes=9-2\r\n",
        "Range: bytes=0-1\r\nIf-Range: \"x\"\r\n",
    ] {
        let r = request_with(srv.port, png, header);
        assert_eq!((r.status, &r.body), (200, &whole.body), "{header}");
    }
    // A HEAD for a part says its length and sends no body.
    let head = send(
        srv.port,
        "HEAD",
        png.as_bytes(),
        &format!("Host: 127.0.0.1:{}\r\nRange: bytes=0-3\r\n", srv.port),
    );
    assert_eq!(head.status, 206);
    assert!(head.head.contains("content-length: 4"), "{}", head.head);
    assert!(head.body.is_empty());

    // A page's parts add up to the page as served, live-reload script included.
    let url = "/%E8%B4%A6%E6%88%B7/%E6%94%B9%E5%AF%86%E7%A0%81/";
    let page = request(srv.port, url);
    let first = request_with(srv.port, url, "Range: bytes=0-99\r\n");
    let second = request_with(srv.port, url, "Range: bytes=100-\r\n");
    assert_eq!((first.status, second.status), (206, 206));
    assert_eq!([first.body, second.body].concat(), page.body);
    assert!(page.text().contains("/__helpcenter/livereload.js"));
}

#[test]
fn unknown_paths_get_the_404_page_with_status_404() {
    let srv = serve(&fixture("site"), &[]);
    let r = request(srv.port, "/no/such/page/");
    assert_eq!(r.status, 404);
    assert!(r.text().contains("页面不存在"));
}

#[test]
fn no_request_reads_outside_the_site() {
    let srv = serve(&fixture("site"), &[]);
    for path in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/guides/..%2f..%2f..%2fetc/passwd",
        "/..%5c..%5cwindows",
        "/../helpcenter.yaml",
        "/%2e%2e/content/_index.md",
    ] {
        let r = request(srv.port, path);
        assert!(r.status == 400 || r.status == 404, "{path}: {}", r.status);
        assert!(
            !r.text().contains("root:") && !r.text().contains("title: 测试帮助中心"),
            "{path} leaked a file"
        );
    }
    // A `%` before a non-ASCII byte once panicked the handler: answered, and the server lives on.
    let r = request_as(srv.port, b"/%a\xc3\xa9", &format!("127.0.0.1:{}", srv.port));
    assert_eq!(r.status, 404);
    assert_eq!(request(srv.port, "/").status, 200);
}

#[test]
fn answers_only_to_its_own_names_with_safe_headers() {
    let srv = serve(&fixture("site"), &[]);
    let port = srv.port;
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        "localhost".to_owned(),
        // Through a forwarded port (`ssh -L 8080:localhost:1111`): the browser names its own.
        "localhost:8080".to_owned(),
    ] {
        let r = request_as(port, b"/", &host);
        assert_eq!(r.status, 200, "{host}");
        assert!(r.head.contains("x-content-type-options: nosniff"), "{host}");
        assert!(r.head.contains("referrer-policy: no-referrer"), "{host}");
    }
    // DNS rebinding: a page of another site whose name now points at 127.0.0.1.
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
    ] {
        let r = request_as(port, b"/", &host);
        assert_eq!(r.status, 403, "{host}");
        assert!(!r.text().contains("<h1>"), "{host} got a page");
        assert!(r.head.contains("x-content-type-options: nosniff"));
    }
    let r = request_as(
        port,
        b"/__helpcenter/events",
        &format!("evil.example:{port}"),
    );
    assert_eq!(r.status, 403);
}

/// Another site's page may run a `<script src>` of the preview's search shards, which hold
/// drafts' text with `--drafts`: the browser says whose page asks (`Sec-Fetch-Site`), and only
/// opening a page is answered to another site.
#[test]
fn another_sites_page_cannot_read_the_preview() {
    let srv = serve(&fixture("site"), &["--drafts"]);
    let shard = |headers: &str| request_with(srv.port, "/search/manifest.js", headers).status;
    assert_eq!(shard(""), 200, "no Sec-Fetch headers (curl)");
    assert_eq!(
        shard("Sec-Fetch-Site: same-origin\r\nSec-Fetch-Mode: no-cors\r\n"),
        200,
        "its own page"
    );
    for site in ["cross-site", "same-site"] {
        let r = request_with(
            srv.port,
            "/search/manifest.js",
            &format!(
                "Sec-Fetch-Site: {site}\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: script\r\n"
            ),
        );
        assert_eq!(r.status, 403, "{site}");
        assert!(!r.text().contains("helpcenterSearch"), "{site}");
    }
    let link = request_with(
        srv.port,
        "/",
        "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\n",
    );
    assert_eq!(
        link.status, 200,
        "a link followed from elsewhere opens the page"
    );
}

#[test]
fn a_slow_request_header_is_cut_off() {
    let srv = serve(&fixture("site"), &[]);
    let mut s = TcpStream::connect(("127.0.0.1", srv.port)).unwrap();
    s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1").unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let started = Instant::now();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(8) && waited < Duration::from_secs(25),
        "cut off after {waited:?}"
    );
}

#[test]
fn listening_beyond_loopback_warns_and_says_where() {
    let mut child = bin()
        .args(["serve", "--root", fixture("site").to_str().unwrap()])
        .args(["--port", "0", "--interface", "0.0.0.0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        line.starts_with("warning: listening on every interface (0.0.0.0): anyone on your network can read this preview"),
        "{line}"
    );
}

#[test]
fn build_output_has_no_live_reload_script() {
    let s = Scratch::new("noreload");
    let out = build_ok(&fixture("site"), &s);
    for f in files(&out) {
        assert!(!read_lossy(&out.join(&f)).contains("livereload"), "{f}");
    }
}

fn read_lossy(p: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned()
}

/// A served page as `build` writes it: without the live-reload script serve adds.
fn without_live_reload(page: &str) -> String {
    let start = "<script src=\"/__helpcenter/livereload.js\"";
    match page.find(start) {
        Some(i) => {
            let end =
                i + page[i..].find("</script>\n").expect("script closed") + "</script>\n".len();
            format!("{}{}", &page[..i], &page[end..])
        }
        None => page.to_owned(),
    }
}

#[test]
fn a_taken_port_moves_to_the_next_free_one_saying_so() {
    let blocker = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let taken = blocker.local_addr().unwrap().port();
    let mut child = bin()
        .args(["serve", "--root", fixture("site").to_str().unwrap()])
        .args(["--port", &taken.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        line.contains(&format!("Port {taken} is in use; serving on port")),
        "{line}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// The fixture site copied into a scratch folder, to edit while serving.
fn scratch_fixture(tag: &str) -> (Scratch, std::path::PathBuf) {
    let s = Scratch::new(tag);
    let site = s.path().join("site");
    copy_dir(&fixture("site"), &site);
    (s, site)
}

/// The live-reload event stream of a server, read on a thread of its own.
struct Events {
    rx: std::sync::mpsc::Receiver<(String, String)>,
}

impl Events {
    fn connect(port: u16) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "GET /__helpcenter/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut event = String::new();
            for line in BufReader::new(s).lines() {
                let Ok(line) = line else { return };
                if let Some(e) = line.strip_prefix("event: ") {
                    event = e.to_owned();
                } else if let Some(d) = line.strip_prefix("data: ") {
                    if tx.send((event.clone(), d.to_owned())).is_err() {
                        return;
                    }
                }
            }
        });
        Events { rx }
    }

    /// The next event's name and first data line, waiting up to `secs`.
    fn next(&self, secs: u64) -> Option<(String, String)> {
        self.rx.recv_timeout(Duration::from_secs(secs)).ok()
    }

    /// Waits for the reload that `what` should bring, failing on a build error or silence.
    fn reloaded(&self, what: &str) {
        loop {
            match self.next(20) {
                Some((kind, _)) if kind == "reload" => return,
                Some((kind, data)) if kind == "builderror" => panic!("{what}: {data}"),
                Some(_) => {}
                None => panic!("no reload after {what}"),
            }
        }
    }
}

#[test]
fn an_edit_served_incrementally_equals_a_fresh_build() {
    let (s, site) = scratch_fixture("incremental");
    // Enough articles with 手机 that search describes 改密码 for it, so the edit below must
    // reach that description too (serve caches descriptions of unedited articles). Theirs is
    // one mention in long text, so 改密码 is among the first, described with its text.
    let filler = "这里是与此无关的说明文字。".repeat(40);
    // One of them an MDX file, whose edits are incremental too.
    for i in 0..4 {
        let ext = if i == 0 { "mdx" } else { "md" };
        std::fs::write(
            site.join(format!("content/账户/phone{i}.{ext}")),
            format!("---\ntitle: 问题 {i}\n---\n\n{filler}\n\n请把手机放在身边。\n"),
        )
        .unwrap();
    }
    let srv = serve(&site, &[]);
    // Two body-only edits: one keeps its description, one (no description in its front matter)
    // changes the summary that section and tag pages list.
    let a = site.join("content/账户/改密码.md");
    let text = std::fs::read_to_string(&a).unwrap();
    std::fs::write(
        &a,
        text.replace(
            "修改密码前请确认手机在身边。",
            "修改密码前请确认手机在身边，并连接可靠的网络。",
        ),
    )
    .unwrap();
    let m = site.join("content/账户/phone0.mdx");
    let text = std::fs::read_to_string(&m).unwrap();
    std::fs::write(
        &m,
        text.replace(
            "请把手机放在身边。",
            "请把手机放在身边{/* 注释 */}并充好电。",
        ),
    )
    .unwrap();
    let b = site.join("content/账户/设备/face-id.md");
    let text = std::fs::read_to_string(&b).unwrap();
    std::fs::write(&b, text.replace("回到[改密码]", "设置完成后回到[改密码]")).unwrap();
    wait_until(30, "the edits are served", || {
        request(srv.port, &encode("/账户/设备/"))
            .text()
            .contains("设置完成后回到改密码")
            && request(srv.port, &encode("/账户/phone0/"))
                .text()
                .contains("请把手机放在身边并充好电。")
    });
    std::thread::sleep(Duration::from_millis(300));
    let out = s.path().join("fresh");
    let o = build(
        &site,
        &out,
        &["--base-url", &format!("http://127.0.0.1:{}/", srv.port)],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut compared = 0;
    for f in files(&out)
        .into_iter()
        .filter(|f| f != ".helpcenter-output")
    {
        let r = request(srv.port, &encode(&format!("/{f}")));
        assert_eq!(r.status, 200, "{f}");
        let served = without_live_reload(&r.text());
        let fresh = String::from_utf8_lossy(&std::fs::read(out.join(&f)).unwrap()).into_owned();
        assert!(served == fresh, "{f} differs from a fresh build");
        compared += 1;
    }
    assert!(compared > 30, "compared {compared} files");
    let shards: String = files(&out)
        .iter()
        .filter(|f| f.starts_with("search/t/"))
        .map(|f| read(&out, f))
        .collect();
    assert!(
        shards.contains("确认手机在身边，并连接可靠的网络"),
        "the edited text is in a search description"
    );
}

#[test]
fn a_page_knows_its_build_and_every_connection_starts_with_the_current_one() {
    let (_s, site) = scratch_fixture("buildid");
    let srv = serve(&site, &[]);
    let id = |page: &str| -> String {
        let i = page.find("data-build=\"").expect("build id") + "data-build=\"".len();
        page[i..].split('"').next().unwrap().to_owned()
    };
    let first = id(&request(srv.port, "/").text());
    let events = Events::connect(srv.port);
    assert_eq!(events.next(10), Some(("hello".into(), first.clone())));
    let a = site.join("content/账户/改密码.md");
    let text = std::fs::read_to_string(&a).unwrap();
    std::fs::write(&a, text.replace("修改密码前", "改密码之前")).unwrap();
    let (kind, _) = events.next(30).expect("an event after the edit");
    assert_eq!(kind, "reload");
    // The page served now names the new build, and a connection made now starts with it: a
    // page from before (which a browser may still show) reloads on that first event.
    let second = id(&request(srv.port, "/").text());
    assert_ne!(second, first);
    let later = Events::connect(srv.port);
    assert_eq!(later.next(10), Some(("hello".into(), second)));
}

#[test]
fn a_folder_moved_away_and_back_is_watched_again() {
    let (s, site) = scratch_fixture("moved");
    let srv = serve(&site, &[]);
    let events = Events::connect(srv.port);
    assert_eq!(events.next(10).expect("hello").0, "hello");
    let answered = |what: &str, want: &str| loop {
        match events.next(20) {
            Some((kind, _)) if kind == want => return,
            Some(_) => {}
            None => panic!("no {want} after {what}"),
        }
    };
    // A sync tool's swap: the folder goes, then comes back under its name.
    let away = s.path().join("content.away");
    std::fs::rename(site.join("content"), &away).unwrap();
    answered("moving content/ away", "builderror");
    std::fs::rename(&away, site.join("content")).unwrap();
    answered("moving it back", "reload");
    let a = site.join("content/账户/改密码.md");
    let text = std::fs::read_to_string(&a).unwrap();
    std::fs::write(&a, text.replace("修改密码前", "在搬回之后修改密码前")).unwrap();
    answered("an edit in the folder moved back", "reload");
    let page = request(srv.port, &encode("/账户/改密码/"));
    assert!(
        page.text().contains("在搬回之后修改密码前"),
        "the edit is served"
    );
}

#[test]
fn a_failed_rebuild_shows_its_errors_not_the_warnings_again() {
    let (_s, site) = scratch_fixture("errors-only");
    std::fs::write(
        site.join("content/账户/warn.md"),
        "---\ntitle: 有警告\n---\n\n产品 {{{ .nope }}}\n",
    )
    .unwrap();
    let srv = serve(&site, &[]);
    let events = Events::connect(srv.port);
    assert_eq!(events.next(10).expect("hello").0, "hello");
    let a = site.join("content/账户/改密码.md");
    let text = std::fs::read_to_string(&a).unwrap();
    std::fs::write(&a, format!("{text}\n[坏链接](nope.md)\n")).unwrap();
    let (kind, data) = loop {
        let e = events.next(30).expect("an event");
        if e.0 != "hello" {
            break e;
        }
    };
    assert_eq!(kind, "builderror");
    assert!(data.contains("link to a missing article"), "{data}");
    // The whole report, as the page's overlay shows it.
    let page = request(srv.port, "/").text();
    assert!(page.contains("link to a missing article"), "{page}");
    assert!(!page.contains("nope }}}"), "the warning is not repeated");
    assert!(page.contains("1 warning not repeated"), "{page}");
}

#[test]
fn a_half_written_save_shows_no_error() {
    let (_s, site) = scratch_fixture("truncate");
    let srv = serve(&site, &[]);
    let events = Events::connect(srv.port);
    assert_eq!(events.next(10).expect("hello").0, "hello");
    let a = site.join("content/账户/改密码.md");
    let text = std::fs::read_to_string(&a).unwrap();
    // An editor that truncates the file, then writes it: the build in between sees nothing.
    std::fs::write(&a, "").unwrap();
    std::thread::sleep(Duration::from_millis(40));
    std::fs::write(&a, text.replace("修改密码前", "在修改密码前")).unwrap();
    let mut seen = Vec::new();
    while let Some((kind, _)) = events.next(5) {
        seen.push(kind.clone());
        if kind == "reload" {
            break;
        }
    }
    assert!(!seen.contains(&"builderror".to_owned()), "events: {seen:?}");
    assert_eq!(seen.last().map(String::as_str), Some("reload"), "{seen:?}");
}

#[test]
fn a_file_that_once_killed_the_rebuild_thread_is_an_error_then_recovers() {
    let (_s, site) = scratch_fixture("panicfile");
    let srv = serve(&site, &[]);
    let events = Events::connect(srv.port);
    assert_eq!(events.next(10).unwrap().0, "hello");
    let a = site.join("content/账户/改密码.md");
    let text = std::fs::read_to_string(&a).unwrap();
    std::fs::write(&a, format!("{text}\n[优惠](#100%优惠) ![图](100%图.png)\n")).unwrap();
    let (kind, data) = events.next(30).expect("an event");
    assert_eq!(kind, "builderror");
    assert!(
        data.contains("link to a missing anchor: `#100%优惠`"),
        "{data}"
    );
    std::fs::write(&a, &text).unwrap();
    let mut last = String::new();
    while let Some((kind, _)) = events.next(30) {
        last = kind;
        if last == "reload" {
            break;
        }
    }
    assert_eq!(last, "reload", "the watcher lives on after the error");
}

/// CPU ticks (user + system) and resident memory (KiB) of a process, from /proc.
fn usage(pid: u32) -> (u64, u64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    let ticks = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let rss = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    (ticks, rss)
}

/// What an author's shell and tools do all day: list the site and open its files.
fn browse(site: &Path) {
    for e in walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_file() {
            let _ = std::fs::read(e.path());
        }
    }
}

/// The share of a core process `pid` used over `secs` seconds while the site was browsed, and
/// its RSS before and after.
fn cpu_share_while_browsing(pid: u32, site: &Path, secs: u64) -> (f64, u64, u64) {
    const TICKS_PER_S: f64 = 100.0; // USER_HZ on Linux
    let (t0, rss0) = usage(pid);
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(secs) {
        browse(site);
        std::thread::sleep(Duration::from_millis(100));
    }
    let (t1, rss1) = usage(pid);
    let share = (t1 - t0) as f64 / (started.elapsed().as_secs_f64() * TICKS_PER_S);
    (share, rss0, rss1)
}

#[test]
fn soak_idle_stays_idle_and_a_hundred_edits_are_served() {
    if !Path::new("/proc/self/stat").exists() {
        eprintln!("no /proc: the soak test needs Linux");
        return;
    }
    let (_s, site) = scratch_fixture("soak");
    let srv = serve(&site, &[]);
    let pid = srv.child.id();
    // Idle while the author lists and opens every file of the site, again and again.
    let (idle, rss0, rss1) = cpu_share_while_browsing(pid, &site, 6);
    eprintln!(
        "idle: {:.2}% of a core, RSS {rss0} → {rss1} KiB",
        idle * 100.0
    );
    assert!(
        idle <= 0.02,
        "idle serve used {:.1}% of a core",
        idle * 100.0
    );

    // A hundred rapid edits, with the browsing going on.
    let a = site.join("content/账户/改密码.md");
    let text = std::fs::read_to_string(&a).unwrap();
    for i in 0..100 {
        std::fs::write(
            &a,
            text.replace("修改密码前", &format!("第 {i} 次编辑：修改密码前")),
        )
        .unwrap();
        if i % 10 == 0 {
            browse(&site);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    wait_until(60, "the last edit is served", || {
        request(srv.port, &encode("/账户/改密码/"))
            .text()
            .contains("第 99 次编辑")
    });
    // Then idle again: no work left behind, memory no longer growing.
    std::thread::sleep(Duration::from_millis(500));
    let (after, rss2, rss3) = cpu_share_while_browsing(pid, &site, 5);
    eprintln!(
        "after 100 edits: {:.2}% of a core, RSS {rss2} → {rss3} KiB",
        after * 100.0
    );
    assert!(
        after <= 0.02,
        "serve kept working after the edits: {:.1}% of a core",
        after * 100.0
    );
    assert!(
        rss3 < rss1 + 64 * 1024,
        "RSS grew from {rss1} to {rss3} KiB"
    );
    assert!(
        rss3 <= rss2 + 4 * 1024,
        "RSS still growing while idle: {rss2} → {rss3} KiB"
    );
}

#[test]
fn a_listing_beside_the_book_is_watched_where_it_is() {
    // The Rust book's shape: the site's `content` and `book.toml` link into the book, whose
    // listings are beside `src/`, outside the site's folder.
    let s = Scratch::new("listings");
    s.write("book/book.toml", "[book]\ntitle = \"书\"\n");
    s.write(
        "book/src/SUMMARY.md",
        "# 目录\n\n- [猜数字](guess.md)\n- [变量](vars.md)\n",
    );
    s.write(
        "book/src/guess.md",
        "# 猜数字\n\n```rust\n{{#include ../listings/guess/main.rs:body}}\n```\n",
    );
    s.write("book/src/vars.md", "# 变量\n\n正文。\n");
    s.write(
        "book/listings/guess/main.rs",
        "fn main() {\n    // ANCHOR: body\n    let first = 1;\n    // ANCHOR_END: body\n}\n",
    );
    s.write("book/listings/vars/main.rs", "let later = 1;\n");
    s.write("site/helpcenter.yaml", "title: 书\n");
    let site = s.path().join("site");
    std::os::unix::fs::symlink(s.path().join("book/src"), site.join("content")).unwrap();
    std::os::unix::fs::symlink(s.path().join("book/book.toml"), site.join("book.toml")).unwrap();
    let srv = serve(&site, &[]);
    let events = Events::connect(srv.port);
    assert_eq!(events.next(10).expect("hello").0, "hello");
    let reloaded = |what: &str| events.reloaded(what);
    let guess = || request(srv.port, &encode("/guess/")).text();
    assert!(guess().contains("first"), "the listing is shown");

    s.write(
        "book/listings/guess/main.rs",
        "fn main() {\n    // ANCHOR: body\n    let second = 2;\n    // ANCHOR_END: body\n}\n",
    );
    reloaded("an edit of the included listing");
    assert!(guess().contains("second") && !guess().contains("first"));

    // A page that starts to include another listing: that one is watched from then on.
    s.write(
        "book/src/vars.md",
        "# 变量\n\n正文。\n\n```rust\n{{#include ../listings/vars/main.rs}}\n```\n",
    );
    reloaded("an edit of the page");
    s.write("book/listings/vars/main.rs", "let edited = 1;\n");
    reloaded("an edit of the newly included listing");
    assert!(
        request(srv.port, &encode("/vars/"))
            .text()
            .contains("edited")
    );

    // `git checkout` deletes the listing's folder and makes it anew: its watch went with it.
    std::fs::remove_dir_all(s.path().join("book/listings/guess")).unwrap();
    s.write(
        "book/listings/guess/main.rs",
        "fn main() {\n    // ANCHOR: body\n    let third = 3;\n    // ANCHOR_END: body\n}\n",
    );
    reloaded("the listing's folder made anew");
    s.write(
        "book/listings/guess/main.rs",
        "fn main() {\n    // ANCHOR: body\n    let fourth = 4;\n    // ANCHOR_END: body\n}\n",
    );
    reloaded("an edit in the folder made anew");
    assert!(guess().contains("fourth"));
}

#[test]
fn a_template_that_would_recurse_without_end_is_an_error_the_server_survives() {
    // Saving one killed the whole server: the stack overflowed while rendering.
    let (_s, site) = scratch_fixture("tpl-recursion");
    let srv = serve(&site, &[]);
    let events = Events::connect(srv.port);
    assert_eq!(events.next(10).expect("hello").0, "hello");
    let template = site.join("templates/article.html");
    std::fs::create_dir_all(template.parent().unwrap()).unwrap();
    std::fs::write(&template, "{% include \"article.html\" %}").unwrap();
    let (kind, data) = events.next(30).expect("an event");
    assert_eq!(kind, "builderror");
    assert!(data.contains("`article.html` includes itself"), "{data}");
    std::fs::write(
        site.join("templates/rec.html"),
        "{% macro r(n) %}{{ self::r(n=n+1) }}{% endmacro r %}",
    )
    .unwrap();
    std::fs::write(
        &template,
        "{% extends \"base.html\" %}{% import \"rec.html\" as rec %}{% block content %}{{ rec::r(n=1) }}{% endblock content %}",
    )
    .unwrap();
    let data = loop {
        let (kind, data) = events.next(30).expect("an event");
        assert_eq!(kind, "builderror");
        if data.contains("called more than") {
            break data;
        }
    };
    assert!(data.contains("the macro `r` of 'rec.html'"), "{data}");
    std::fs::remove_file(&template).unwrap();
    let mut last = String::new();
    while let Some((kind, _)) = events.next(30) {
        last = kind;
        if last == "reload" {
            break;
        }
    }
    assert_eq!(
        last, "reload",
        "the server lives on and serves the theme's page again"
    );
    assert_eq!(request(srv.port, "/").status, 200);
}

/// Bytes the process `pid` has read so far, as the kernel counts them.
fn bytes_read(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).unwrap_or_default();
    io.lines()
        .find_map(|l| l.strip_prefix("rchar:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_save_during_the_first_build_is_served() {
    // The site was watched only once the first build was done: a page saved while it ran,
    // after it had been read, kept its old text until it was saved again.
    let s = Scratch::site("serve-first-build");
    let body = "这是一段用来让首次构建多花一点时间的正文。".repeat(40);
    let mut total = 0;
    for i in 0..600 {
        let text = format!("---\ntitle: 第 {i} 篇\n---\n\n{body}\n\n## 小节\n\n{body}\n");
        total += text.len() as u64;
        s.write(&format!("content/a/p{i}.md"), text);
    }
    let child = start_serve(s.path(), &[]);
    let pid = child.id();
    // Once it has read as many bytes as the pages hold, it is rendering them.
    wait_until(120, "the first build reads the pages", || {
        bytes_read(pid) > total
    });
    s.write(
        "content/a/p7.md",
        "---\ntitle: 第 7 篇\n---\n\n首次构建时保存的正文\n",
    );
    let srv = serving(child);
    wait_until(120, "the save is served", || {
        request(srv.port, "/a/p7/")
            .text()
            .contains("首次构建时保存的正文")
    });
}

#[cfg(unix)]
#[test]
fn a_page_linked_from_elsewhere_in_the_site_is_watched_where_it_is() {
    // `content/a/shared.md -> ../../shared/s.md` and a folder linked the same way: an edit of
    // the file where it is changed nothing until something else rebuilt the site.
    let s = Scratch::site("serve-linked");
    s.write("shared/s.md", "---\ntitle: 共享\n---\n\n第一版\n");
    s.write(
        "shared-folder/f.md",
        "---\ntitle: 文件夹里的\n---\n\n第一版\n",
    );
    std::os::unix::fs::symlink("../../shared/s.md", s.path().join("content/a/shared.md")).unwrap();
    std::os::unix::fs::symlink("../shared-folder", s.path().join("content/linked")).unwrap();
    s.write("content/linked/_index.md", "---\ntitle: 链接的栏目\n---\n");
    let srv = serve(s.path(), &[]);
    let events = Events::connect(srv.port);
    assert_eq!(events.next(10).expect("hello").0, "hello");
    let reloaded = |what: &str| events.reloaded(what);
    assert!(request(srv.port, "/a/shared/").text().contains("第一版"));
    s.write("shared/s.md", "---\ntitle: 共享\n---\n\n第二版\n");
    reloaded("an edit of the linked file");
    assert!(request(srv.port, "/a/shared/").text().contains("第二版"));
    s.write(
        "shared-folder/f.md",
        "---\ntitle: 文件夹里的\n---\n\n第二版\n",
    );
    reloaded("an edit in the linked folder");
    assert!(request(srv.port, "/linked/f/").text().contains("第二版"));
    // A page added there: watched where it really is too, the folder reported that path, and
    // the page was never published.
    s.write("shared-folder/g.md", "---\ntitle: 新加的\n---\n\n新页\n");
    reloaded("a page added in the linked folder");
    assert!(request(srv.port, "/linked/g/").text().contains("新页"));
}

#[cfg(unix)]
#[test]
fn a_site_or_docs_folder_made_anew_is_watched_again() {
    // A fresh clone or unzip in place of the site's folder, or of the docs folder `content`
    // links to: the watches went with the old folders, and the preview never changed again
    // (or said it had failed, for good).
    let s = Scratch::new("serve-anew");
    let docs = s.path().join("docs");
    let site = s.path().join("site");
    std::fs::create_dir_all(docs.join("a")).unwrap();
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("helpcenter.yaml"), "title: 帮助\n").unwrap();
    std::fs::write(docs.join("a/p.md"), "---\ntitle: 页\n---\n\n第一版\n").unwrap();
    std::os::unix::fs::symlink(&docs, site.join("content")).unwrap();
    let srv = serve(&site, &[]);
    let events = Events::connect(srv.port);
    assert_eq!(events.next(10).expect("hello").0, "hello");
    let shows = |text: &str| {
        wait_until(30, text, || {
            request(srv.port, "/a/p/").text().contains(text)
        })
    };
    shows("第一版");

    // The docs folder deleted and made anew, then edited twice.
    std::fs::remove_dir_all(&docs).unwrap();
    std::fs::create_dir_all(docs.join("a")).unwrap();
    std::fs::write(docs.join("a/p.md"), "---\ntitle: 页\n---\n\n第二版\n").unwrap();
    shows("第二版");
    std::fs::write(docs.join("a/p.md"), "---\ntitle: 页\n---\n\n第三版\n").unwrap();
    shows("第三版");

    // Another copy of the site moved into its place.
    let new = s.path().join("site.new");
    std::fs::create_dir_all(&new).unwrap();
    std::fs::write(new.join("helpcenter.yaml"), "title: 帮助\n").unwrap();
    copy_dir(&docs, &new.join("content"));
    std::fs::write(
        new.join("content/a/p.md"),
        "---\ntitle: 页\n---\n\n新副本\n",
    )
    .unwrap();
    std::fs::rename(&site, s.path().join("site.old")).unwrap();
    std::fs::rename(&new, &site).unwrap();
    shows("新副本");
    std::fs::write(
        site.join("content/a/p.md"),
        "---\ntitle: 页\n---\n\n新副本改过\n",
    )
    .unwrap();
    shows("新副本改过");
}

#[test]
fn a_tools_config_beside_a_linked_docs_folder_is_watched_there() {
    // `content -> ../proj/docs`, with the project's `mkdocs.yml` beside the docs: an edit of its
    // nav reordered nothing until a page was saved.
    let s = Scratch::new("linked-config");
    let nav = |first: &str, second: &str| {
        format!("site_name: x\nnav:\n  - Home: index.md\n  - {first}.md\n  - {second}.md\n")
    };
    s.write("proj/mkdocs.yml", nav("zeta", "alpha"));
    s.write("proj/docs/index.md", "# 首页\n\n正文。\n");
    s.write("proj/docs/alpha.md", "# 甲\n\n正文。\n");
    s.write("proj/docs/zeta.md", "# 乙\n\n正文。\n");
    s.write("site/helpcenter.yaml", "title: t\n");
    let site = s.path().join("site");
    std::os::unix::fs::symlink("../proj/docs", site.join("content")).unwrap();
    let srv = serve(&site, &[]);
    let events = Events::connect(srv.port);
    assert_eq!(events.next(10).expect("hello").0, "hello");
    let order = || {
        let page = request(srv.port, "/alpha/").text();
        let at = |t: &str| page.rfind(&format!(">{t}</a>")).unwrap_or(usize::MAX);
        at("乙") < at("甲")
    };
    assert!(order(), "the nav's order: 乙 (zeta) first");
    s.write("proj/mkdocs.yml", nav("alpha", "zeta"));
    events.reloaded("an edit of mkdocs.yml beside the linked docs");
    assert!(!order(), "甲 (alpha) first now");
}

/// When the first build fails there is no good page to show under the errors: the overlay says
/// so, in the site's language, and the placeholder is no 200 page of the site.
#[test]
fn a_first_build_that_fails_says_no_page_was_built_in_the_sites_language() {
    let (_s, site) = scratch_fixture("first-fails");
    let a = site.join("content/账户/改密码.md");
    let text = std::fs::read_to_string(&a).unwrap();
    std::fs::write(&a, format!("{text}\n[坏链接](nope.md)\n")).unwrap();
    let srv = serve(&site, &[]);
    let r = request(srv.port, "/");
    assert_eq!(r.status, 503);
    let page = r.text();
    assert!(page.contains("构建失败，还没有可以显示的页面"), "{page}");
    assert!(!page.contains("上一次成功构建的页面"), "{page}");
    assert!(page.contains("link to a missing article"), "{page}");
}

/// Live-reload streams are capped: each one holds every message until its page reads it, and
/// 2,000 streams that never read held 2.9 GB. Past 64 the server says why instead.
#[test]
fn live_reload_streams_are_capped() {
    let srv = serve(&fixture("site"), &[]);
    let open: Vec<TcpStream> = (0..64)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", srv.port)).unwrap();
            write!(
                s,
                "GET /__helpcenter/events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
                srv.port
            )
            .unwrap();
            // Answered (and so counted) before the next one opens.
            let mut head = [0u8; 12];
            s.read_exact(&mut head).unwrap();
            assert_eq!(&head, b"HTTP/1.1 200");
            s
        })
        .collect();
    let r = request(srv.port, "/__helpcenter/events");
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(r.text().contains("close some tabs"), "{}", r.text());
    // Pages are still served.
    assert_eq!(request(srv.port, "/").status, 200);
    drop(open);
}
