//! `helpcenter serve` over raw HTTP: status codes, content types, path traversal refused, the
//! live-reload script only in served pages, a taken port.

mod common;
use common::*;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};

struct Server {
    child: Child,
    port: u16,
    log: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &std::path::Path, port: u16) -> Server {
    let child = bin()
        .args([
            "serve",
            "--root",
            root.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut srv = Server {
        child,
        port: 0,
        log: String::new(),
    };
    let mut reader = BufReader::new(srv.child.stdout.take().unwrap());
    loop {
        let mut line = String::new();
        // On a panic here `srv` is dropped, which kills and waits for the child.
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "serve exited: {}",
            srv.log
        );
        srv.log.push_str(&line);
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            srv.port = rest.split('/').next().unwrap().parse().unwrap();
            // Keep reading its log, as a terminal would.
            std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
            return srv;
        }
    }
}

/// Sends a request line as written (no client-side path normalisation) and returns
/// (status, lower-cased head, body bytes).
fn request(port: u16, path: &str) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (
        status,
        head,
        raw.get(split + 4..).unwrap_or_default().to_vec(),
    )
}

fn get(port: u16, path: &str) -> (u16, String, String) {
    let (status, head, body) = request(port, path);
    (status, head, String::from_utf8_lossy(&body).into_owned())
}

#[test]
fn serves_pages_like_a_static_host() {
    let srv = start(&fixture("site"), 0);
    assert!(srv.log.contains("Built "), "{}", srv.log);
    let (status, head, body) = get(srv.port, "/%E8%B4%A6%E6%88%B7/%E6%94%B9%E5%AF%86%E7%A0%81/");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html; charset=utf-8"));
    assert!(body.contains("<h1>如何修改登录密码</h1>"));
    assert!(
        body.contains("/__helpcenter/livereload.js"),
        "served pages get the live-reload script"
    );

    let (status, head, _) = get(srv.port, "/style.css");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/css; charset=utf-8"));
    let (status, head, _) = get(srv.port, "/guides/with-image/shot.png");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: image/png"));

    let (status, head, _) = get(srv.port, "/guides/no-front");
    assert_eq!(status, 301);
    assert!(head.contains("location: /guides/no-front/"));
}

#[test]
fn unknown_paths_get_the_404_page_with_status_404() {
    let srv = start(&fixture("site"), 0);
    let (status, _, body) = get(srv.port, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("页面不存在"));
}

#[test]
fn no_request_reads_outside_the_site() {
    let srv = start(&fixture("site"), 0);
    for path in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/guides/..%2f..%2f..%2fetc/passwd",
        "/..%5c..%5cwindows",
        "/../helpcenter.yaml",
        "/%2e%2e/content/_index.md",
    ] {
        let (status, _, body) = get(srv.port, path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(
            !body.contains("root:") && !body.contains("title: 测试帮助中心"),
            "{path} leaked a file"
        );
    }
}

#[test]
fn build_output_has_no_live_reload_script() {
    let s = Scratch::new("noreload");
    let out = build_ok(&fixture("site"), &s);
    for f in files(&out) {
        assert!(!read_lossy(&out.join(&f)).contains("livereload"), "{f}");
    }
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

fn read_lossy(p: &std::path::Path) -> String {
    String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned()
}

#[test]
fn a_taken_port_moves_to_the_next_free_one_saying_so() {
    let blocker = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let taken = blocker.local_addr().unwrap().port();
    let mut child = bin()
        .args([
            "serve",
            "--root",
            fixture("site").to_str().unwrap(),
            "--port",
            &taken.to_string(),
        ])
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

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
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

fn encode(path: &str) -> String {
    path.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"/-._".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn an_edit_served_incrementally_equals_a_fresh_build() {
    let s = Scratch::new("incremental");
    let site = s.path().join("site");
    copy_dir(&fixture("site"), &site);
    // Enough articles with 手机 that search describes 改密码 for it, so the edit below must
    // reach that description too (serve caches descriptions of unedited articles).
    for i in 0..4 {
        std::fs::write(
            site.join(format!("content/账户/phone{i}.md")),
            format!("---\ntitle: 手机问题 {i}\n---\n\n请把手机放在身边。\n"),
        )
        .unwrap();
    }
    let srv = start(&site, 0);
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
    let b = site.join("content/账户/设备/face-id.md");
    let text = std::fs::read_to_string(&b).unwrap();
    std::fs::write(&b, text.replace("回到[改密码]", "设置完成后回到[改密码]")).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let (_, _, body) = get(srv.port, &encode("/账户/设备/"));
        if body.contains("设置完成后回到改密码") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the edit was not served"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
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
        let (status, _, served) = request(srv.port, &encode(&format!("/{f}")));
        assert_eq!(status, 200, "{f}");
        let served = without_live_reload(&String::from_utf8_lossy(&served));
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
