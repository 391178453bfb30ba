//! Answering requests: pages from the in-memory build with the live-reload script (and the
//! error overlay) added, the live-reload events, and nothing for a page of another origin.
//!
//! Only this machine's own names are answered (a request whose `Host` is another name gets
//! 403), so a web page on another site cannot read the preview through DNS rebinding. Every
//! response says `nosniff` and sends no referrer; a request header that takes longer than
//! [`HEADER_TIMEOUT`] to arrive is cut off.

use std::borrow::Cow;
use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;

use super::range::{self, Part};
use super::{AppState, Notice, elog, read};
use crate::escape;

const EVENTS_PATH: &str = "/__helpcenter/events";
const SCRIPT_PATH: &str = "/__helpcenter/livereload.js";
const LIVERELOAD_JS: &str = include_str!("livereload.js");
/// How long a client may take to send a request's header.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The routes, behind the host check and the headers every response carries.
pub(super) fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .route(SCRIPT_PATH, get(script))
        .fallback(get(file))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

/// Serves connections from `listener` until the process ends: HTTP/1.1 with a header timeout
/// (which `axum::serve` does not set).
pub(super) async fn accept(listener: tokio::net::TcpListener, router: Router) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors and the like: wait instead of spinning.
                elog!("warning: cannot accept a connection: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT);
            let _ = http
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Answers only requests addressed to this machine's own names, and adds the headers every
/// response carries.
async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let mut response = if cross_site_read(request.headers()) {
        (
            StatusCode::FORBIDDEN,
            "The preview is not read by other sites' pages: open it in a tab of its own.\n",
        )
            .into_response()
    } else if host_allowed(host, &state.hosts) {
        next.run(request).await
    } else {
        (
            StatusCode::FORBIDDEN,
            "This preview answers only to the names localhost, 127.0.0.1 and [::1] (or the address it was started on), on any port.\n",
        )
            .into_response()
    };
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// Whether a browser asks on behalf of another site's page for something it does not open as
/// a page: a `<script src>` of the search index's shards (JavaScript, which any page may run),
/// an image, a fetch. The preview shows drafts and unpublished pages, and a page elsewhere
/// could read them that way. Opening a link from elsewhere is a navigation, and is answered;
/// requests without `Sec-Fetch-*` headers (curl, older browsers) are too.
pub fn cross_site_read(headers: &HeaderMap) -> bool {
    let value = |name: &str| {
        headers
            .get(name)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    matches!(value("sec-fetch-site").as_str(), "cross-site" | "same-site")
        && value("sec-fetch-mode") != "navigate"
}

/// Whether a `Host` header names this server: one of `hosts`, with or without a port. The name
/// is what tells a rebinding attack (`evil.example` resolving to 127.0.0.1) from a reader; the
/// port may be any, since behind a forward (`ssh -L 8080:localhost:1111`, `docker -p`) the
/// browser names the port it connected to, not ours.
pub fn host_allowed(host: &str, hosts: &[String]) -> bool {
    let host = host.trim().to_ascii_lowercase();
    // `[::1]:1111`, `127.0.0.1:1111`, `localhost`: a port comes after the name, and an IPv6
    // name is in brackets.
    let (name, given_port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((addr, "")) => (format!("[{addr}]"), None),
            Some((addr, after)) => match after.strip_prefix(':') {
                Some(p) => (format!("[{addr}]"), Some(p)),
                None => return false,
            },
            None => return false,
        },
        None => match host.split_once(':') {
            Some((n, p)) => (n.to_owned(), Some(p)),
            None => (host.clone(), None),
        },
    };
    let port_ok = given_port.is_none_or(|p| p.parse::<u16>().is_ok());
    port_ok && hosts.contains(&name)
}

/// Live-reload streams open at once: a page open in a few tabs needs a few. Each one past it
/// would hold messages for a reader that may never read them.
const MAX_STREAMS: usize = 64;

/// Counts an open live-reload stream while it lives.
struct Stream(Arc<AppState>);

impl Drop for Stream {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::Relaxed);
    }
}

async fn events(State(state): State<Arc<AppState>>) -> Response {
    if state.streams.fetch_add(1, Ordering::Relaxed) >= MAX_STREAMS {
        state.streams.fetch_sub(1, Ordering::Relaxed);
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "Too many live-reload connections are open: close some tabs of the preview.\n",
        )
            .into_response();
    }
    let open = Stream(state.clone());
    let rx = state.events.subscribe();
    let (id, error) = {
        let snap = read(&state);
        (snap.build_id, snap.error.clone())
    };
    // Every (re)connection starts with the current build's id: a page from an older build
    // reloads, so an edit that landed before the connection is never missed.
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
        (initial.into_iter(), rx, open),
        |(mut pending, mut rx, open)| async move {
            if let Some(n) = pending.next() {
                return Some((to_event(n), (pending, rx, open)));
            }
            loop {
                match rx.recv().await {
                    Ok(n) => return Some((to_event(n), (pending, rx, open))),
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
        },
    );
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
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

async fn file(State(state): State<Arc<AppState>>, uri: Uri, headers: HeaderMap) -> Response {
    let path = match resolve_request_path(uri.path()) {
        Ok(p) => p,
        Err(BadPath::Forbidden) => {
            return (StatusCode::BAD_REQUEST, "bad request path\n").into_response();
        }
    };
    let snap = read(&state);
    let page = Page {
        error: snap.error.as_deref(),
        build: snap.build_id,
        first: snap.files.is_empty(),
    };
    if let Some(bytes) = snap.files.get(&path) {
        // We send no validators, so a conditional range (`If-Range`) can never be known to
        // match: the whole file, as the standard asks.
        let asked = match headers.contains_key(header::IF_RANGE) {
            true => None,
            false => headers.get(header::RANGE).and_then(|v| v.to_str().ok()),
        };
        return page.respond_part(&path, bytes, asked);
    }
    // `/a/b` where `/a/b/` is a page: redirect, as static hosts do, so relative links resolve.
    if !path.ends_with(".html") && snap.files.contains_key(&format!("{path}/index.html")) {
        // Built from the checked path, never the raw one: `//host` would leave the site.
        // The query goes along, as static hosts keep it: `/search?q=微粒贷` opens its results.
        let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
        let location = format!("/{}/{query}", crate::paths::href(&path));
        return (
            StatusCode::MOVED_PERMANENTLY,
            [(header::LOCATION, location)],
        )
            .into_response();
    }
    match snap.files.get("404.html") {
        Some(bytes) => page.respond("404.html", bytes, StatusCode::NOT_FOUND),
        None if page.error.is_some() => {
            // Nothing built yet: show the errors on every page, in the site's language.
            let placeholder = format!(
                "<!doctype html><html lang=\"{}\"><title>helpcenter</title><body></body></html>",
                escape::html(&state.language)
            );
            page.respond(
                "index.html",
                placeholder.as_bytes(),
                StatusCode::SERVICE_UNAVAILABLE,
            )
        }
        None => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}

/// What every served page is given besides its own bytes.
struct Page<'a> {
    /// The last build's errors, shown over the page.
    error: Option<&'a str>,
    /// The build the page comes from.
    build: u64,
    /// No build has succeeded yet: there is no good page below the errors.
    first: bool,
}

impl Page<'_> {
    /// A found file, or the part of it a `Range` header (`asked`) names. The part is taken of
    /// what a plain request gets, live-reload script included, so that the parts of a page add
    /// up to the page.
    fn respond_part(&self, path: &str, bytes: &[u8], asked: Option<&str>) -> Response {
        let body = self.body(path, bytes);
        let len = body.len();
        let (status, body, content_range) = match range::requested(asked, len) {
            Part::Whole => (StatusCode::OK, body.into_owned(), None),
            Part::Bytes(r) => {
                let value = format!("bytes {}-{}/{len}", r.start, r.end - 1);
                (StatusCode::PARTIAL_CONTENT, body[r].to_vec(), Some(value))
            }
            Part::Unsatisfiable => {
                let value = format!("bytes */{len}");
                (StatusCode::RANGE_NOT_SATISFIABLE, Vec::new(), Some(value))
            }
        };
        let mut r = with_headers(status, path, body);
        let headers = r.headers_mut();
        headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
        if let Some(value) = content_range {
            let value = HeaderValue::from_str(&value).expect("digits, a dash and a slash");
            headers.insert(header::CONTENT_RANGE, value);
        }
        r
    }

    fn respond(&self, path: &str, bytes: &[u8], status: StatusCode) -> Response {
        with_headers(status, path, self.body(path, bytes).into_owned())
    }

    /// What is sent of a file: a page gets the live-reload script; anything else is sent as
    /// built (a seek in a large video copies only the part asked for).
    fn body<'b>(&self, path: &str, bytes: &'b [u8]) -> Cow<'b, [u8]> {
        if content_type(path).starts_with("text/html") {
            Cow::Owned(self.inject(bytes))
        } else {
            Cow::Borrowed(bytes)
        }
    }

    /// Adds the live-reload script, which knows the page's build, and the error overlay when the
    /// last build failed. Only served pages get it: `build` output never contains it.
    fn inject(&self, html: &[u8]) -> Vec<u8> {
        let mut extra = format!(
            "<script src=\"{SCRIPT_PATH}\" data-helpcenter-livereload data-build=\"{}\"></script>\n",
            self.build
        );
        let text = String::from_utf8_lossy(html);
        if let Some(e) = self.error {
            // The page's own language, from its <html lang>.
            let mut end = text.len().min(400);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let head = &text[..end];
            extra.push_str(&overlay_html(e, head.contains("lang=\"zh"), self.first));
        }
        match text.rfind("</body>") {
            Some(i) => format!("{}{extra}{}", &text[..i], &text[i..]).into_bytes(),
            None => format!("{text}{extra}").into_bytes(),
        }
    }
}

/// `body` with the type of the file at `path`, never cached without asking (the next build may
/// change it).
fn with_headers(status: StatusCode, path: &str, body: Vec<u8>) -> Response {
    let mut r = (status, body).into_response();
    let headers = r.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

/// The overlay over a page served while the build is failing, worded as livereload.js words it,
/// with a button that hides it so the page below can be read.
fn overlay_html(error: &str, zh: bool, first: bool) -> String {
    let (title, hide) = match (zh, first) {
        (true, false) => (
            "构建失败：下面是上一次成功构建的页面。改好后保存，页面会自动刷新。",
            "隐藏",
        ),
        (true, true) => (
            "构建失败，还没有可以显示的页面。改好后保存，页面会自动刷新。",
            "隐藏",
        ),
        (false, false) => (
            "The last build failed: below is the last good page. Save a fix and the page reloads.",
            "Hide",
        ),
        (false, true) => (
            "The build failed, and no page has been built yet. Save a fix and the page reloads.",
            "Hide",
        ),
    };
    format!(
        "<div id=\"helpcenter-error-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;\
         background:rgba(20,20,20,.94);color:#fff;padding:1.5rem;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace\">\
         <button type=\"button\" style=\"float:right;font:inherit;margin-left:1rem\" onclick=\"this.parentNode.remove()\">{hide}</button>\
         <p style=\"font:600 18px/1.4 system-ui,sans-serif;margin:0 0 1rem;color:#ff9b9b\">{title}</p>\
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
        "mp4" | "m4v" => "video/mp4",
        "webm" => "video/webm",
        "ogv" => "video/ogg",
        "mov" => "video/quicktime",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "oga" | "opus" => "audio/ogg",
        "wav" => "audio/wav",
        "flac" => "audio/flac",
        "vtt" => "text/vtt; charset=utf-8",
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
        assert_eq!(resolve_request_path("/%a\u{e9}").unwrap(), "%a\u{e9}");
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
    fn hosts() {
        let hosts: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
            .map(String::from)
            .to_vec();
        for ok in [
            "localhost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "LOCALHOST",
            "127.0.0.1",
            // Through a forwarded port.
            "localhost:8080",
            "127.0.0.1:2222",
        ] {
            assert!(host_allowed(ok, &hosts), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "",
            "127.0.0.1.evil.example",
            "[::1",
            "localhost:x",
        ] {
            assert!(!host_allowed(bad, &hosts), "{bad}");
        }
    }

    #[test]
    fn injects_before_body_end() {
        let page = Page {
            error: Some("error: <bad>"),
            build: 7,
            first: false,
        };
        let out = String::from_utf8(page.inject(b"<html><body><p>x</p></body></html>")).unwrap();
        assert!(out.contains("livereload.js\" data-helpcenter-livereload data-build=\"7\""));
        assert!(out.contains("error: &lt;bad&gt;"));
        assert!(out.ends_with("</body></html>"));
    }
}
