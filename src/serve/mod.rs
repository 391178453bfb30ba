//! `helpcenter serve`: the site built in memory and served over HTTP, rebuilt when a file changes,
//! with live reload.
//!
//! Requests are answered from the in-memory output only — never from the file system — so no URL
//! can reach a file outside the site. The new build replaces the old one in a single swap and the
//! browser is told to reload only after it, so a reload never lands on a half-built site. A build
//! that fails keeps the last good pages served and shows its errors in an overlay instead.
//!
//! Three parts: this file starts the server and holds what it answers from; [`watch`] turns file
//! changes into rebuilds (and does nothing at all while nothing changes); [`http`] answers
//! requests, only to this machine's own names unless told otherwise.

mod http;
mod range;
mod watch;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use tokio::sync::broadcast;

use crate::error::display_path;
use crate::output::OutputFile;
use crate::pipeline::{self, BuildOptions};

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
    /// Goes up with every rebuild; served pages carry it, so a page can tell it is stale.
    build_id: u64,
}

/// Everything the request handlers share.
struct AppState {
    snapshot: RwLock<Snapshot>,
    events: broadcast::Sender<Notice>,
    /// The `Host` names (lower case, without port) requests may carry.
    hosts: Vec<String>,
    /// Live-reload streams open (see `http::events`).
    streams: std::sync::atomic::AtomicUsize,
    /// The site's language, for the page shown while no build has succeeded.
    language: String,
}

/// The language `helpcenter.yaml` gives the site, read even when the rest of it fails (a first
/// build that failed on the config still speaks the site's language).
fn site_language(root: &std::path::Path) -> String {
    if let Ok(config) = crate::config::Config::load(root) {
        return config.language;
    }
    let text = crate::paths::read_file(&root.join(crate::config::CONFIG_FILE)).unwrap_or_default();
    String::from_utf8_lossy(&text)
        .lines()
        .find_map(|l| l.strip_prefix("language:"))
        .map(|l| {
            // `language: zh-CN  # 中文站点`
            let value = l.split(" #").next().unwrap_or(l);
            value.trim().trim_matches(['"', '\'']).to_owned()
        })
        .filter(|l| crate::config::is_language_tag(l))
        .unwrap_or_else(|| "en".to_owned())
}

/// The most of a failed build's errors a live-reload message carries; the terminal has them
/// all. Every open stream holds its copy until its page reads it: 60 failed rebuilds with long
/// lists, to 2,000 streams that never read, held 2.9 GB.
const MAX_OVERLAY_BYTES: usize = 32 * 1024;

/// `text` (a build's errors) cut to [`MAX_OVERLAY_BYTES`] at a line, saying how much is left
/// for the terminal.
fn overlay_text(text: String) -> String {
    if text.len() <= MAX_OVERLAY_BYTES {
        return text;
    }
    let mut cut = MAX_OVERLAY_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = text[..cut].rfind('\n').unwrap_or(cut);
    let left = text[cut..].lines().filter(|l| !l.trim().is_empty()).count();
    format!(
        "{}\n\n… {left} more lines: the terminal shows them all",
        &text[..cut]
    )
}

/// A message to the live-reload clients.
#[derive(Clone, Debug)]
struct Notice {
    kind: &'static str,
    data: String,
}

use crate::error::{elog, log};

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
    // A folder that is no site (a mistyped --root) is named, as `build` names it, rather than
    // served as one long error page. A site whose config breaks later is served with its errors.
    let config = opts.root.join(crate::config::CONFIG_FILE);
    if !config.exists() {
        if let Err(d) = crate::config::Config::load(&opts.root) {
            crate::error::print_diagnostics(&[d]);
            return 1;
        }
    }
    let (listener, port) = match bind(opts.interface, opts.port).await {
        Ok(x) => x,
        Err(msg) => {
            elog!("error: {msg}");
            return 2;
        }
    };
    let (base_url, hosts) = addresses(opts.interface, port);
    let build_opts = BuildOptions {
        root: opts.root.clone(),
        drafts: opts.drafts,
        base_url: Some(base_url.clone()),
        incremental: true,
    };
    let (tx, _) = broadcast::channel(64);
    let state = Arc::new(AppState {
        snapshot: RwLock::new(Snapshot {
            files: HashMap::new(),
            error: None,
            build_id: 1,
        }),
        events: tx,
        hosts,
        streams: Default::default(),
        language: site_language(&opts.root),
    });
    let watching = watch::begin(&opts.root);
    let session = first_build(&build_opts, &state);
    let watched = watching.and_then(|w| w.rebuild_on_change(build_opts, state.clone(), session));
    if let Err(e) = watched {
        elog!("warning: cannot watch the site for changes ({e}); pages will not reload");
    }
    log!(
        "Serving {} at {base_url}  (Ctrl+C to stop)",
        display_path(&opts.root)
    );
    if opts.open {
        let _ = std::process::Command::new("xdg-open")
            .arg(&base_url)
            .spawn();
    }
    http::accept(listener, http::router(state)).await;
    0
}

/// The first build: on success its files are served; on failure its errors are, over every page.
fn first_build(opts: &BuildOptions, state: &AppState) -> watch::Session {
    // A save re-highlights only the code blocks it changed.
    crate::highlight::keep_cache(true);
    let started = Instant::now();
    let built =
        crate::error::guard(&opts.root, || pipeline::build(opts)).unwrap_or_else(|d| Err(d.into()));
    match built {
        Ok(mut built) => {
            for w in &built.warnings {
                elog!("{w}\n");
            }
            log!(
                "Built {} pages ({}) in {} ms{}",
                built.pages,
                crate::error::articles(built.site.articles.len()),
                started.elapsed().as_millis(),
                crate::error::links_left(&built.warnings)
            );
            write(state).files = into_map(std::mem::take(&mut built.files));
            watch::Session::new(Some(built))
        }
        Err(diags) => {
            let text = diags.report();
            elog!("{text}");
            elog!("The server is running; fix the errors and the page will reload.");
            write(state).error = Some(overlay_text(text));
            watch::Session::new(None)
        }
    }
}

/// The URL to print and build with, and the host names requests may use. Bound to every
/// interface, the preview is reachable from the network: say so, and where.
fn addresses(interface: IpAddr, port: u16) -> (String, Vec<String>) {
    let mut hosts: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
        .map(str::to_owned)
        .to_vec();
    let shown = |ip: IpAddr| match ip {
        IpAddr::V6(v6) => format!("[{v6}]"),
        v4 => v4.to_string(),
    };
    hosts.push(shown(interface));
    if interface.is_unspecified() {
        let mut reachable: Vec<IpAddr> = if_addrs::get_if_addrs()
            .unwrap_or_default()
            .into_iter()
            .map(|i| i.ip())
            .filter(|ip| ip.is_ipv4() == interface.is_ipv4() || interface.is_ipv6())
            .collect();
        reachable.sort();
        reachable.dedup();
        hosts.extend(reachable.iter().map(|ip| shown(*ip)));
        let urls: Vec<String> = reachable
            .iter()
            .filter(|ip| !ip.is_loopback())
            .map(|ip| format!("http://{}:{port}/", shown(*ip)))
            .collect();
        elog!(
            "warning: listening on every interface ({}): anyone on your network can read this preview{}",
            shown(interface),
            if urls.is_empty() {
                String::new()
            } else {
                format!(", at {}", urls.join(" "))
            }
        );
    } else if !interface.is_loopback() {
        elog!(
            "warning: listening on {}: other machines on that network can read this preview",
            shown(interface)
        );
    }
    let host = if interface.is_unspecified() {
        "127.0.0.1".to_owned()
    } else {
        shown(interface)
    };
    hosts.sort();
    hosts.dedup();
    (format!("http://{host}:{port}/"), hosts)
}

/// Binds the asked port, or the next free one, saying so.
async fn bind(ip: IpAddr, port: u16) -> Result<(tokio::net::TcpListener, u16), String> {
    let mut last_err = None;
    for p in port..=port.saturating_add(PORT_TRIES) {
        match tokio::net::TcpListener::bind(SocketAddr::new(ip, p)).await {
            Ok(l) => {
                if p != port {
                    elog!("Port {port} is in use; serving on port {p} instead.");
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

fn into_map(files: Vec<OutputFile>) -> HashMap<String, Arc<Vec<u8>>> {
    files
        .into_iter()
        .map(|f| (f.path, Arc::new(f.bytes)))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_error_report_is_cut_for_the_overlay() {
        let short = "error: x\n".to_owned();
        assert_eq!(super::overlay_text(short.clone()), short);
        let long: String = (0..5000).map(|i| format!("error: 坏链接 {i}\n")).collect();
        let cut = super::overlay_text(long);
        assert!(cut.len() <= super::MAX_OVERLAY_BYTES + 80, "{}", cut.len());
        assert!(cut.starts_with("error: 坏链接 0\n"));
        let kept = cut.lines().filter(|l| l.starts_with("error")).count();
        let told = format!("… {} more lines: the terminal shows them all", 5000 - kept);
        assert!(cut.ends_with(&told), "{}", &cut[cut.len() - 80..]);
    }
}
