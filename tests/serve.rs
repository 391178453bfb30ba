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
            return srv;
        }
    }
}

/// Sends a request line as written (no client-side path normalisation) and returns
/// (status, headers, body).
fn get(port: u16, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_ascii_lowercase(), body.to_owned())
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
    let out = s.path().join("public");
    assert!(build(&fixture("site"), &out, &[]).status.success());
    for f in files(&out) {
        assert!(!read_lossy(&out.join(&f)).contains("livereload"), "{f}");
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
