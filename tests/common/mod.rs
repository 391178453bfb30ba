//! Helpers shared by the integration tests: running the built binary, scratch sites, reading the
//! output and checking its links as a browser would follow them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use helpcenter::paths::percent_decode;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_helpcenter"))
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// A fresh empty folder under the system temp dir, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(tag: &str) -> Scratch {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "helpcenter-test-{}-{}-{tag}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Scratch(p)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// A minimal valid site: config, home page, one section with one article.
    pub fn site(tag: &str) -> Scratch {
        let s = Scratch::new(tag);
        s.write("helpcenter.yaml", "title: 测试\n");
        s.write("content/_index.md", "---\ntitle: 首页\n---\n");
        s.write("content/a/_index.md", "---\ntitle: 分类\n---\n");
        s.write(
            "content/a/ok.md",
            "---\ntitle: 正常文章\n---\n\n## 小节\n\n正文。\n",
        );
        s
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run helpcenter")
}

pub fn build(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// Builds `root` into `s`'s `public/` folder, failing the test with the build's messages.
pub fn build_ok(root: &Path, s: &Scratch) -> PathBuf {
    let out = s.path().join("public");
    let o = build(root, &out, &[]);
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    out
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
}

/// Every file under `dir`, relative, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    v.sort();
    v
}

/// Every file under `dir` with its bytes, to compare two outputs or one output over time.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

/// The values of `attr="…"` in `html`.
pub fn attrs<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let pat = format!(" {attr}=\"");
    html.match_indices(&pat)
        .filter_map(|(i, _)| {
            let rest = &html[i + pat.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// Follows every relative `href`/`src` of every HTML page the way a browser opening the files
/// from disk would (a folder means its index.html) and returns the ones that lead nowhere,
/// anchors included, as "page -> link". Root-absolute links (only the 404 page has them, since a
/// host serves it at any depth) are followed from `base_path`, the path part of the base URL.
pub fn broken_links(out: &Path, base_path: &str) -> Vec<String> {
    let mut broken = Vec::new();
    for page in files(out).into_iter().filter(|f| f.ends_with(".html")) {
        // Code shows HTML as text (`<` escaped, quotes not): its `src="…"` is no link.
        let html = without_code(&read(out, &page));
        let dir = Path::new(&page)
            .parent()
            .unwrap_or(Path::new(""))
            .to_path_buf();
        for link in attrs(&html, "href").into_iter().chain(attrs(&html, "src")) {
            let link = link.replace("&amp;", "&");
            // Another scheme (`https:`, `mailto:`, `cursor:`) or another host: not ours.
            let scheme = link.split_once(':').is_some_and(|(s, _)| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            });
            if scheme || link.starts_with("//") {
                continue;
            }
            let (path, frag) = match link.split_once('#') {
                Some((p, f)) => (p.to_owned(), Some(percent_decode(f))),
                None => (link.clone(), None),
            };
            let path = path.split('?').next().unwrap().to_owned();
            let target = if let Some(abs) = path
                .strip_prefix(base_path)
                .filter(|_| path.starts_with('/'))
            {
                let mut t = out.join(percent_decode(abs));
                if path.ends_with('/') {
                    t = t.join("index.html");
                }
                t
            } else if path.is_empty() {
                out.join(&page)
            } else {
                let mut t = out.join(&dir).join(percent_decode(&path));
                if path.ends_with('/') {
                    t = t.join("index.html");
                }
                t
            };
            let Ok(target) = target.canonicalize() else {
                broken.push(format!("{page} -> {link}"));
                continue;
            };
            if !target.starts_with(out.canonicalize().unwrap()) || !target.is_file() {
                broken.push(format!("{page} -> {link}"));
                continue;
            }
            // Text fragments (`#:~:text=`) are no anchors; other files' fragments (an SVG's
            // `#icon`) are theirs to read.
            if let Some(frag) = frag.filter(|f| {
                !f.is_empty()
                    && !f.starts_with(":~:")
                    && target.extension().is_some_and(|e| e == "html")
            }) {
                let t = std::fs::read_to_string(&target).unwrap_or_default();
                if !t.contains(&format!("id=\"{frag}\"")) {
                    broken.push(format!("{page} -> {link} (no such anchor)"));
                }
            }
        }
    }
    broken
}

/// A running `helpcenter serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    /// What it printed up to its "Serving" line.
    pub log: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `helpcenter serve` on `root` (port 0: any free one) with `extra` arguments; returns
/// once it prints the URL it serves at. Its stderr is discarded.
pub fn serve(root: &Path, extra: &[&str]) -> Server {
    serving(start_serve(root, extra))
}

/// Starts `helpcenter serve` on `root` as [`serve`] does, without waiting for anything.
pub fn start_serve(root: &Path, extra: &[&str]) -> Child {
    bin()
        .args(["serve", "--root", root.to_str().unwrap(), "--port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The server `child` (from [`start_serve`]), once it prints the URL it serves at.
pub fn serving(child: Child) -> Server {
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

/// A response as it came: status, lower-cased head, body.
pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `GET path` as written (no client-side normalisation) with the `Host` header `host`.
pub fn request_as(port: u16, path: &[u8], host: &str) -> Reply {
    send(port, "GET", path, &format!("Host: {host}\r\n"))
}

/// `GET path` to 127.0.0.1 with more header lines (`"Range: bytes=0-1\r\n"`).
pub fn request_with(port: u16, path: &str, headers: &str) -> Reply {
    send(
        port,
        "GET",
        path.as_bytes(),
        &format!("Host: 127.0.0.1:{port}\r\n{headers}"),
    )
}

/// Sends `method path` with the header lines `headers` and reads the whole reply.
pub fn send(port: u16, method: &str, path: &[u8], headers: &str) -> Reply {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut req = format!("{method} ").into_bytes();
    req.extend_from_slice(path);
    req.extend_from_slice(format!(" HTTP/1.1\r\n{headers}Connection: close\r\n\r\n").as_bytes());
    s.write_all(&req).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Reply {
        status,
        head,
        body: raw.get(split + 4..).unwrap_or_default().to_vec(),
    }
}

/// `GET path` to the server at `port`, addressed to 127.0.0.1 as a browser would.
pub fn request(port: u16, path: &str) -> Reply {
    request_as(port, path.as_bytes(), &format!("127.0.0.1:{port}"))
}

/// Percent-encodes a path as a browser sends it.
pub fn encode(path: &str) -> String {
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

/// Waits until `cond` holds, checking every 50 ms, failing the test after `secs` seconds.
pub fn wait_until(secs: u64, what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while !cond() {
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting: {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The text a reader sees on each page of `out` (tags, comments, code and scripts left out),
/// searched for the syntax of other tools that should never show as text; returns
/// "page: what (… context …)" for each find.
pub fn foreign_syntax(out: &Path) -> Vec<String> {
    const FOREIGN: &[&str] = &[
        ":::",
        "{{<",
        "{{%",
        "{{{",
        "{#",
        "<Badge",
        "[[TOC]]",
        "[[toc]]",
        "!!! ",
        "{% hint",
        "{% tab",
        "<script",
        "<Tabs",
        "<TabItem",
        "<SimpleTab",
        "import Tabs",
    ];
    let mut found = Vec::new();
    for page in files(out).into_iter().filter(|f| f.ends_with(".html")) {
        let text = visible_text(&read(out, &page));
        for pat in FOREIGN {
            if let Some(i) = text.find(pat) {
                let mut start = i.saturating_sub(40);
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                let mut end = (i + 40).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                found.push(format!("{page}: {pat} ({})", &text[start..end]));
            }
        }
    }
    found
}

/// `html` without the regions between each `open` and its `close`.
fn without(html: &str, regions: &[(&str, &str)]) -> String {
    let mut s = html.to_owned();
    for (open, close) in regions {
        let mut from = 0;
        while let Some(i) = s[from..].find(open).map(|i| i + from) {
            let end = s[i..].find(close).map_or(s.len(), |e| i + e + close.len());
            s.replace_range(i..end, " ");
            from = i + 1;
        }
    }
    s
}

/// `html` without its code blocks and inline code.
pub fn without_code(html: &str) -> String {
    without(html, &[("<pre", "</pre>"), ("<code", "</code>")])
}

/// What a reader sees of a page: its text without tags, comments, code, scripts or styles.
pub fn visible_text(html: &str) -> String {
    text_of(&without(
        html,
        &[
            ("<!--", "-->"),
            ("<pre", "</pre>"),
            ("<code", "</code>"),
            ("<script", "</script>"),
            ("<style", "</style>"),
        ],
    ))
}

/// The same with the code in it, as the reader sees it.
pub fn text_with_code(html: &str) -> String {
    text_of(&without(
        html,
        &[
            ("<!--", "-->"),
            ("<script", "</script>"),
            ("<style", "</style>"),
        ],
    ))
}

/// `html`'s text: tags left out, entities read.
fn text_of(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every one of `what` is in `html`, in this order.
pub fn in_order(html: &str, what: &[&str]) {
    let at = |t: &str| {
        html.find(t)
            .unwrap_or_else(|| panic!("`{t}` missing from:\n{html}"))
    };
    for pair in what.windows(2) {
        assert!(
            at(pair[0]) < at(pair[1]),
            "`{}` after `{}` in:\n{html}",
            pair[0],
            pair[1]
        );
    }
}
