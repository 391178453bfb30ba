//! `helpcenter serve`: the site built in memory and served over HTTP, rebuilt when a file changes,
//! with live reload.
//!
//! Requests are answered from the in-memory output only — never from the file system — so no URL
//! can reach a file outside the site. The new build replaces the old one in a single swap and the
//! browser is told to reload only after it, so a reload never lands on a half-built site. A build
//! that fails keeps the last good pages served and shows its errors in an overlay instead.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;

use crate::error::Diagnostics;
use crate::escape;
use crate::pipeline::{self, BuildOptions};

const EVENTS_PATH: &str = "/__helpcenter/events";
const SCRIPT_PATH: &str = "/__helpcenter/livereload.js";
const LIVERELOAD_JS: &str = include_str!("serve_livereload.js");
/// Editors save in bursts (temp file, rename, metadata): wait this long for quiet before building.
const DEBOUNCE: Duration = Duration::from_millis(20);
/// How many ports after the asked one to try when it is taken.
const PORT_TRIES: u16 = 10;

/// What `helpcenter serve` was asked for.
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The address to listen on.
    pub interface: IpAddr,
    /// The port to try first (0: any free port).
    pub port: u16,
    /// Include drafts.
    pub drafts: bool,
    /// Open the site in the default browser once serving.
    pub open: bool,
}

/// What the server answers from: the last good build and, if the latest build failed, its errors.
struct Snapshot {
    files: HashMap<String, Arc<Vec<u8>>>,
    error: Option<String>,
    build_id: u64,
}

struct AppState {
    snapshot: RwLock<Snapshot>,
    events: broadcast::Sender<Notice>,
}

#[derive(Clone, Debug)]
struct Notice {
    kind: &'static str,
    data: String,
}

/// Prints a line of the server's log. A closed stdout (`serve | head`, a test that stopped
/// reading) must not take the server down, so write errors are ignored.
macro_rules! log {
    ($($arg:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// The same for the error log.
macro_rules! elog {
    ($($arg:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Locks the snapshot even if a thread panicked while holding it: serving stale pages beats
/// refusing every request.
fn read(state: &AppState) -> std::sync::RwLockReadGuard<'_, Snapshot> {
    state.snapshot.read().unwrap_or_else(|e| e.into_inner())
}

fn write(state: &AppState) -> std::sync::RwLockWriteGuard<'_, Snapshot> {
    state.snapshot.write().unwrap_or_else(|e| e.into_inner())
}

/// Serves until the process is stopped; returns the exit code.
pub fn run(opts: ServeOptions) -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            elog!("error: cannot start the server runtime: {e}");
            return 1;
        }
    };
    runtime.block_on(serve(opts))
}

async fn serve(opts: ServeOptions) -> i32 {
    let (listener, port) = match bind(opts.interface, opts.port).await {
        Ok(x) => x,
        Err(msg) => {
            elog!("error: {msg}");
            return 2;
        }
    };
    let host = match opts.interface {
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) if v4.is_unspecified() => "127.0.0.1".to_owned(),
        v4 => v4.to_string(),
    };
    let base_url = format!("http://{host}:{port}/");
    let build_opts = BuildOptions {
        root: opts.root.clone(),
        drafts: opts.drafts,
        base_url: Some(base_url.clone()),
    };

    let started = Instant::now();
    let first = pipeline::build(&build_opts);
    let (tx, _) = broadcast::channel(64);
    let state = Arc::new(AppState {
        snapshot: RwLock::new(Snapshot {
            files: HashMap::new(),
            error: None,
            build_id: 1,
        }),
        events: tx,
    });
    let mut session = Session {
        built: None,
        needs_full: true,
    };
    match first {
        Ok(mut built) => {
            for w in &built.warnings {
                elog!("{w}\n");
            }
            log!(
                "Built {} pages ({} articles) in {} ms",
                built.pages,
                built.site.articles.len(),
                started.elapsed().as_millis()
            );
            let files = std::mem::take(&mut built.files);
            write(&state).files = into_map(files);
            session = Session {
                built: Some(built),
                needs_full: false,
            };
        }
        Err(diags) => {
            let text = diags.report();
            elog!("{text}");
            elog!("The server is running; fix the errors and the page will reload.");
            write(&state).error = Some(text);
        }
    }

    if let Err(e) = start_watcher(&opts.root, build_opts, state.clone(), session) {
        elog!("warning: cannot watch the site for changes ({e}); pages will not reload");
    }

    log!(
        "Serving {} at {base_url}  (Ctrl+C to stop)",
        crate::error::display_path(&opts.root)
    );
    if opts.open {
        let _ = std::process::Command::new("xdg-open")
            .arg(&base_url)
            .spawn();
    }

    let app = Router::new()
        .route(EVENTS_PATH, get(events))
        .route(SCRIPT_PATH, get(script))
        .fallback(get(file))
        .with_state(state);
    match axum::serve(listener, app).await {
        Ok(()) => 0,
        Err(e) => {
            elog!("error: the server stopped: {e}");
            1
        }
    }
}

/// Binds the asked port, or the next free one, saying so.
async fn bind(ip: IpAddr, port: u16) -> Result<(tokio::net::TcpListener, u16), String> {
    let mut last_err = None;
    for p in port..=port.saturating_add(PORT_TRIES) {
        match tokio::net::TcpListener::bind(SocketAddr::new(ip, p)).await {
            Ok(l) => {
                if p != port {
                    elog!(
                        "Port {port} is in use; serving on port {p} instead (pass --port to choose another)."
                    );
                }
                let actual = l.local_addr().map(|a| a.port()).unwrap_or(p);
                return Ok((l, actual));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => last_err = Some(e),
            Err(e) => return Err(format!("cannot listen on {ip}:{p}: {e}")),
        }
        if port == 0 {
            break;
        }
    }
    Err(format!(
        "ports {port}-{} on {ip} are all in use ({}); pass --port with a free port",
        port.saturating_add(PORT_TRIES),
        last_err.map(|e| e.to_string()).unwrap_or_default()
    ))
}

fn into_map(files: Vec<crate::output::OutputFile>) -> HashMap<String, Arc<Vec<u8>>> {
    files
        .into_iter()
        .map(|f| (f.path, Arc::new(f.bytes)))
        .collect()
}

/// What the watcher keeps between rebuilds: the last good build, for incremental updates.
struct Session {
    built: Option<pipeline::Built>,
    /// The last build failed as a whole (config, template…): the next one must be full.
    needs_full: bool,
}

/// Watches the content, templates, static files and config; rebuilds on a change.
fn start_watcher(
    root: &Path,
    opts: BuildOptions,
    state: Arc<AppState>,
    mut session: Session,
) -> notify::Result<()> {
    use notify::{RecursiveMode, Watcher};
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx)?;
    for dir in ["content", "templates", "static"] {
        let p = root.join(dir);
        if p.is_dir() {
            watcher.watch(&p, RecursiveMode::Recursive)?;
        }
    }
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    // Events carry absolute paths; compare against the absolute root.
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    std::thread::spawn(move || {
        let mut watcher = watcher; // kept alive as long as the thread runs
        let relevant = |e: &notify::Event| {
            !matches!(e.kind, notify::EventKind::Access(_))
                && e.paths.iter().any(|p| is_site_file(&root, p))
        };
        while let Ok(event) = rx.recv() {
            let mut changed: Vec<PathBuf> = Vec::new();
            if let Ok(e) = &event {
                if relevant(e) {
                    changed.extend(e.paths.iter().cloned());
                }
                // A templates/ or static/ folder created while serving is watched from now on.
                for p in &e.paths {
                    let top_level = p.parent() == Some(root.as_path());
                    if top_level && p.is_dir() && is_site_file(&root, p) {
                        let _ = watcher.watch(p, RecursiveMode::Recursive);
                    }
                }
            }
            if changed.is_empty() {
                continue;
            }
            // Gather the rest of the burst.
            while let Ok(more) = rx.recv_timeout(DEBOUNCE) {
                if let Ok(e) = &more {
                    if relevant(e) {
                        changed.extend(e.paths.iter().cloned());
                    }
                }
            }
            rebuild(&opts, &state, &changed, &mut session);
        }
    });
    Ok(())
}

/// Files whose change can change the site: under content/, templates/, static/, or the config.
fn is_site_file(root: &Path, p: &Path) -> bool {
    let Ok(rel) = p.strip_prefix(root) else {
        return false;
    };
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
        return false;
    }
    match rel.components().next() {
        Some(c) => {
            let first = c.as_os_str().to_string_lossy();
            matches!(first.as_ref(), "content" | "templates" | "static")
                || rel == Path::new(crate::config::CONFIG_FILE)
        }
        None => false,
    }
}

fn rebuild(opts: &BuildOptions, state: &AppState, changed: &[PathBuf], session: &mut Session) {
    let started = Instant::now();
    let css_only = changed
        .iter()
        .all(|p| p.extension().is_some_and(|e| e == "css"));
    // Body-only edits of existing articles are applied incrementally; anything else rebuilds.
    let fast = match (&mut session.built, session.needs_full) {
        (Some(built), false) => pipeline::update_articles(built, &opts.root, changed),
        _ => None,
    };
    let outcome: Result<(Vec<crate::output::OutputFile>, bool, usize), Diagnostics> = match fast {
        Some(Ok(files)) => Ok((files, false, 0)),
        Some(Err(d)) => Err(d),
        None => match pipeline::build(opts) {
            Ok(mut built) => {
                let files = std::mem::take(&mut built.files);
                let pages = built.pages;
                session.built = Some(built);
                session.needs_full = false;
                Ok((files, true, pages))
            }
            Err(d) => {
                session.needs_full = true;
                Err(d)
            }
        },
    };
    let ms = started.elapsed().as_millis();
    let notice = {
        let mut snap = write(state);
        snap.build_id += 1;
        match outcome {
            Ok((files, full, pages)) => {
                let recovered = snap.error.take().is_some();
                if full {
                    snap.files = into_map(files);
                    log!("Rebuilt {pages} pages in {ms} ms");
                } else {
                    // The term shards are rewritten whole (their number may change): drop the old.
                    if files.iter().any(|f| f.path == "search/manifest.js") {
                        snap.files.retain(|k, _| !k.starts_with("search/t/"));
                    }
                    let n = files.iter().filter(|f| f.path.ends_with(".html")).count();
                    for f in files {
                        snap.files.insert(f.path, Arc::new(f.bytes));
                    }
                    log!(
                        "Updated {n} page{} in {ms} ms",
                        if n == 1 { "" } else { "s" }
                    );
                }
                let kind = if css_only && !recovered {
                    "css"
                } else {
                    "reload"
                };
                Notice {
                    kind,
                    data: snap.build_id.to_string(),
                }
            }
            Err(diags) => {
                let text = diags.report();
                elog!("{text}\nThe last good pages are still served.");
                snap.error = Some(text.clone());
                Notice {
                    kind: "builderror",
                    data: text,
                }
            }
        }
    };
    let _ = state.events.send(notice);
}

async fn events(State(state): State<Arc<AppState>>) -> impl IntoResponse {
    let rx = state.events.subscribe();
    let (id, error) = {
        let snap = read(&state);
        (snap.build_id, snap.error.clone())
    };
    let hello = Notice {
        kind: "hello",
        data: id.to_string(),
    };
    let initial: Vec<Notice> = std::iter::once(hello)
        .chain(error.map(|e| Notice {
            kind: "builderror",
            data: e,
        }))
        .collect();
    let stream = futures_util::stream::unfold(
        (initial.into_iter(), rx),
        |(mut pending, mut rx)| async move {
            if let Some(n) = pending.next() {
                return Some((to_event(n), (pending, rx)));
            }
            loop {
                match rx.recv().await {
                    Ok(n) => return Some((to_event(n), (pending, rx))),
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

fn to_event(n: Notice) -> Result<Event, Infallible> {
    Ok(Event::default().event(n.kind).data(n.data))
}

async fn script() -> Response {
    let mut r = LIVERELOAD_JS.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// Why a request path cannot name a file of the site.
#[derive(Debug, PartialEq, Eq)]
pub enum BadPath {
    /// `..`, `.`, an encoded slash or backslash, or a NUL: never part of a site URL.
    Forbidden,
}

/// The output-relative path a request path names (`/a/b/` → `a/b/index.html`), refusing anything
/// that could climb out of the site however it is encoded.
pub fn resolve_request_path(raw_path: &str) -> Result<String, BadPath> {
    let mut segments = Vec::new();
    let trailing = raw_path.ends_with('/') || raw_path.is_empty();
    for seg in raw_path.split('/').filter(|s| !s.is_empty()) {
        let lower = seg.to_ascii_lowercase();
        if lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") {
            return Err(BadPath::Forbidden);
        }
        let decoded = crate::paths::percent_decode(seg);
        if decoded == ".." || decoded == "." || decoded.contains(['\\', '\0', '/']) {
            return Err(BadPath::Forbidden);
        }
        segments.push(decoded);
    }
    let mut path = segments.join("/");
    if trailing {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Ok(path)
}

async fn file(State(state): State<Arc<AppState>>, uri: Uri) -> Response {
    let path = match resolve_request_path(uri.path()) {
        Ok(p) => p,
        Err(BadPath::Forbidden) => {
            return (StatusCode::BAD_REQUEST, "bad request path\n").into_response();
        }
    };
    let snap = read(&state);
    if let Some(bytes) = snap.files.get(&path) {
        return respond(&path, bytes, StatusCode::OK, snap.error.as_deref());
    }
    // `/a/b` where `/a/b/` is a page: redirect, as static hosts do, so relative links resolve.
    if !path.ends_with(".html") && snap.files.contains_key(&format!("{path}/index.html")) {
        let location = format!("{}/", uri.path());
        return (
            StatusCode::MOVED_PERMANENTLY,
            [(header::LOCATION, location)],
        )
            .into_response();
    }
    match snap.files.get("404.html") {
        Some(bytes) => respond(
            "404.html",
            bytes,
            StatusCode::NOT_FOUND,
            snap.error.as_deref(),
        ),
        None => match snap.error.as_deref() {
            // Nothing built yet: show the errors on every page.
            Some(e) => respond(
                "index.html",
                b"<!doctype html><title>helpcenter</title>",
                StatusCode::OK,
                Some(e),
            ),
            None => (StatusCode::NOT_FOUND, "not found\n").into_response(),
        },
    }
}

fn respond(path: &str, bytes: &[u8], status: StatusCode, error: Option<&str>) -> Response {
    let ctype = content_type(path);
    let body: Vec<u8> = if ctype.starts_with("text/html") {
        inject(bytes, error)
    } else {
        bytes.to_vec()
    };
    let mut r = (status, body).into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

/// Adds the live-reload script (and the error overlay, when the last build failed) to a page.
/// Only served pages get it: `build` output never contains it.
fn inject(html: &[u8], error: Option<&str>) -> Vec<u8> {
    let mut extra = format!("<script src=\"{SCRIPT_PATH}\" data-helpcenter-livereload></script>\n");
    if let Some(e) = error {
        extra.push_str(&overlay_html(e));
    }
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

fn overlay_html(error: &str) -> String {
    format!(
        "<div id=\"helpcenter-error-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;\
         background:rgba(20,20,20,.94);color:#fff;padding:1.5rem;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace\">\
         <p style=\"font:600 18px/1.4 system-ui,sans-serif;margin:0 0 1rem;color:#ff9b9b\">The last build failed — the page below is the last good one</p>\
         <pre style=\"white-space:pre-wrap;margin:0\">{}</pre></div>\n",
        escape::html(error)
    )
}

/// The `Content-Type` of an output file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "mp4" => "video/mp4",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths() {
        assert_eq!(resolve_request_path("/").unwrap(), "index.html");
        assert_eq!(resolve_request_path("/a/b/").unwrap(), "a/b/index.html");
        assert_eq!(
            resolve_request_path("/%E5%BE%AE/x.css").unwrap(),
            "微/x.css"
        );
        for bad in [
            "/../etc/passwd",
            "/a/%2e%2e/%2e%2e/etc/passwd",
            "/a%2f..%2fb",
            "/a/%2E%2E/",
            "/a/..%5c..%5cx",
            "/a%00",
        ] {
            assert_eq!(resolve_request_path(bad), Err(BadPath::Forbidden), "{bad}");
        }
    }

    #[test]
    fn injects_before_body_end() {
        let out = String::from_utf8(inject(
            b"<html><body><p>x</p></body></html>",
            Some("error: <bad>"),
        ))
        .unwrap();
        assert!(out.contains("livereload.js"));
        assert!(out.contains("error: &lt;bad&gt;"));
        assert!(out.ends_with("</body></html>"));
    }
}
