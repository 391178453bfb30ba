//! Turning file changes into rebuilds, without costing anything while nothing changes.
//!
//! The watcher's callback drops every event that cannot change the site — reads and opens of
//! files (an `ls`, an editor, `git status`), paths outside `content/`, `templates/`, `static/`
//! and the config — before anything is queued, and the queue is bounded: when it fills, the
//! changes are coalesced into one full rebuild. A folder is watched anew when it is created,
//! and when a look every two seconds finds another folder in its place (a fresh clone of the
//! site, or of the docs `content/` links to). Rebuilds run on one thread of their own, which
//! waits on the queue and so uses no CPU while idle. Files that pages include (mdBook's listings, often beside the book rather
//! than in `content/`) are watched by their folders, and only they rebuild from there.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode, Watcher};

use super::{AppState, Notice, into_map, write};
use crate::error::{Diagnostics, guard};
use crate::error::{elog, log};
use crate::output::OutputFile;
use crate::pipeline::{self, BuildOptions, Built};

/// Editors save in bursts (temp file, rename, metadata): wait this long for quiet before building.
const DEBOUNCE: Duration = Duration::from_millis(20);
/// A save that truncates the file and then writes it can be read half-written: a build that
/// fails right after a change is tried once more after this pause before its error is shown.
const RETRY_PAUSE: Duration = Duration::from_millis(150);
/// Changes queued at most; more are coalesced into one full rebuild.
const QUEUE: usize = 1024;
/// Folders of included files watched at most: each is a kernel watch (the Rust book's listings
/// are in about 400 folders), and the system's limit is shared with every other program.
const MAX_INCLUDE_FOLDERS: usize = 2048;

/// What the watcher keeps between rebuilds: the last good build, for incremental updates.
pub(super) struct Session {
    built: Option<Built>,
    /// The last build failed, or an incremental one did: the next one must be full.
    needs_full: bool,
}

impl Session {
    pub(super) fn new(built: Option<Built>) -> Session {
        let needs_full = built.is_none();
        Session { built, needs_full }
    }
}

/// One event that can change the site.
struct Change {
    paths: Vec<PathBuf>,
    /// A folder was created or moved in at the site's top level (`templates/`, `static/`):
    /// watch it.
    new_top_folder: Option<PathBuf>,
    /// The site's folder or one of its top-level folders is gone, and its watch with it: a
    /// folder made in its place may get the same inode number, so only this tells.
    gone: Vec<PathBuf>,
}

/// The watch on the site, begun before the first build: a file saved while that build runs,
/// after it read the file, would otherwise be seen by nothing.
pub(super) struct Watching {
    watcher: notify::RecommendedWatcher,
    folders: Folders,
    rx: Receiver<Change>,
    overflow: Arc<AtomicBool>,
    included: Included,
}

/// Watches the content, templates, static files and config, queueing their changes until
/// [`Watching::rebuild_on_change`] takes them.
pub(super) fn begin(root: &Path) -> notify::Result<Watching> {
    // Events carry the watched path's form: watch the absolute root and compare against it.
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let (tx, rx) = std::sync::mpsc::sync_channel::<Change>(QUEUE);
    let overflow = Arc::new(AtomicBool::new(false));
    let included = Included::new(&root);
    let mut watcher = notify::recommended_watcher(filter(
        root.clone(),
        included.files.clone(),
        tx,
        overflow.clone(),
    ))?;
    Ok(Watching {
        folders: Folders::watch(&root, &mut watcher)?,
        watcher,
        rx,
        overflow,
        included,
    })
}

impl Watching {
    /// Rebuilds on every change from now on, the ones queued during the first build
    /// (`session`) first.
    pub(super) fn rebuild_on_change(
        self,
        opts: BuildOptions,
        state: Arc<AppState>,
        session: Session,
    ) -> notify::Result<()> {
        let Watching {
            mut folders,
            mut watcher,
            rx,
            overflow,
            mut included,
        } = self;
        // Before `serve` says it is serving: an edit right after must be seen.
        included.follow(&session, &mut watcher);
        // Rebuilds render some pages on this thread itself: it needs the stack rayon's have.
        let rebuilds = std::thread::Builder::new().stack_size(crate::pipeline::THREAD_STACK);
        let spawned = rebuilds.spawn(move || {
            let mut watcher = watcher; // kept alive as long as the thread runs
            let mut session = session;
            loop {
                let mut changed = Vec::new();
                let made_anew = match rx.recv_timeout(LOOK_AGAIN) {
                    Ok(first) => {
                        take(first, &mut changed, &mut watcher, &mut folders);
                        false
                    }
                    Err(RecvTimeoutError::Timeout) => folders.watch_anew(&mut watcher),
                    Err(RecvTimeoutError::Disconnected) => break,
                };
                if changed.is_empty() && !made_anew {
                    continue;
                }
                // Gather the rest of the burst.
                while let Ok(more) = rx.recv_timeout(DEBOUNCE) {
                    take(more, &mut changed, &mut watcher, &mut folders);
                }
                let lost = overflow.swap(false, Ordering::Relaxed) || made_anew;
                if lost {
                    session.needs_full = true;
                }
                // An included stylesheet is code on a page, not the page's style.
                let included_changed = changed.iter().any(|p| included.contains(p));
                let (outcome, css_only, started) = rebuild(
                    &opts,
                    &mut changed,
                    lost || included_changed,
                    &mut session,
                    &rx,
                    &mut watcher,
                    &mut folders,
                );
                // Before the browsers hear of it: an edit right after the reload must find its
                // file watched.
                included.follow(&session, &mut watcher);
                publish(&state, outcome, css_only, started);
            }
        });
        spawned.map(drop).map_err(notify::Error::io)
    }
}

/// How often the watched folders are looked at, to notice one deleted and made anew (a fresh
/// clone, an unzip, `mv site.new site`): its watch went with the old folder, so no event
/// tells. A few `stat`s each time, which cost nothing measurable while idle.
const LOOK_AGAIN: Duration = Duration::from_secs(2);

/// The site's folder and its folders watched whole, each with the identity (device, inode) of
/// the folder its watch is on.
struct Folders {
    watched: Vec<(PathBuf, RecursiveMode, Option<Identity>)>,
}

/// A folder's device and inode: another folder at the same path has others.
type Identity = (u64, u64);

impl Folders {
    /// Watches the site's top folders that are there (each whole) and the site's folder (its
    /// own files only).
    fn watch(root: &Path, watcher: &mut impl Watcher) -> notify::Result<Folders> {
        let mut watched = Vec::new();
        let tops = TOP_FOLDERS
            .iter()
            .map(|d| (root.join(d), RecursiveMode::Recursive));
        for (path, mode) in tops.chain([(root.to_path_buf(), RecursiveMode::NonRecursive)]) {
            let id = identity(&path);
            if id.is_some() {
                watcher.watch(&path, mode)?;
            }
            watched.push((path, mode, id));
        }
        Ok(Folders { watched })
    }

    /// Records that `dir`'s watch is on the folder there now (its creation was an event).
    fn watched_now(&mut self, dir: &Path) {
        if let Some(w) = self.watched.iter_mut().find(|w| w.0 == dir) {
            w.2 = identity(dir);
        }
    }

    /// Records that the folder at `dir` was deleted or moved away, and its watch with it.
    fn gone(&mut self, dir: &Path) {
        if let Some(w) = self.watched.iter_mut().find(|w| w.0 == dir) {
            w.2 = None;
        }
    }

    /// Watches again each folder that is now another one than the one watched (or is there
    /// again); true when one is, and the site must be built anew.
    fn watch_anew(&mut self, watcher: &mut impl Watcher) -> bool {
        let mut anew = false;
        for (path, mode, id) in &mut self.watched {
            let now = identity(path);
            if now == *id {
                continue;
            }
            *id = now;
            let _ = watcher.unwatch(path);
            if now.is_some() {
                let _ = watcher.watch(path, *mode);
                anew = true;
            }
        }
        anew
    }
}

#[cfg(unix)]
fn identity(path: &Path) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_dir)
        .map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<Identity> {
    path.is_dir().then_some((0, 0))
}

/// The site's folders watched whole.
const TOP_FOLDERS: [&str; 4] = ["content", "templates", "static", ".vitepress"];

/// The files the last build's pages include, and the folders watched for them.
struct Included {
    /// The included files and their folders, read by the watcher's callback to let their
    /// events through (a folder's own: it was deleted).
    files: Arc<Mutex<HashSet<PathBuf>>>,
    /// Folders watched already (the site's own, resolved): an included file there needs no
    /// watch of its own.
    covered: Vec<PathBuf>,
    /// The site's folder, watched already (not its subfolders).
    root: PathBuf,
    /// The limit was reached and said so.
    warned: bool,
}

impl Included {
    fn new(root: &Path) -> Included {
        let covered = TOP_FOLDERS
            .iter()
            .filter_map(|d| std::fs::canonicalize(root.join(d)).ok())
            .collect();
        Included {
            files: Arc::default(),
            covered,
            root: root.to_path_buf(),
            warned: false,
        }
    }

    fn contains(&self, p: &Path) -> bool {
        let files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
        files.contains(p)
    }

    /// Watches the folders of the files the session's build includes that the site's watches
    /// do not cover, after every build: a folder deleted and made anew (`git checkout`) lost
    /// its watch, and watching one again costs a system call. One no longer needed stays
    /// watched: it costs nothing until a file in it changes.
    fn follow(&mut self, session: &Session, watcher: &mut impl Watcher) {
        let Some(built) = &session.built else {
            return;
        };
        // A folder the site's own watches see needs none of its own.
        let unwatched =
            |d: &&Path| *d != self.root && !self.covered.iter().any(|c| d.starts_with(c));
        let folders: std::collections::BTreeSet<&Path> = built
            .site
            .included
            .iter()
            .filter_map(|f| f.parent())
            .filter(unwatched)
            .collect();
        {
            let mut files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
            files.clear();
            files.extend(built.site.included.iter().cloned());
            files.extend(folders.iter().map(|d| d.to_path_buf()));
        }
        // Their parents too, so that a folder made anew is seen (its creation is an event of
        // its parent's), and watched again by the build that follows.
        let parents: std::collections::BTreeSet<&Path> = folders
            .iter()
            .filter_map(|d| d.parent())
            .filter(unwatched)
            .collect();
        let watched: std::collections::BTreeSet<&Path> =
            folders.iter().chain(&parents).copied().collect();
        // Not under the lock: adding a watch waits on the watcher's thread, which may be in the
        // callback waiting for the lock.
        for dir in watched.iter().take(MAX_INCLUDE_FOLDERS) {
            let _ = watcher.watch(dir, RecursiveMode::NonRecursive);
        }
        if watched.len() > MAX_INCLUDE_FOLDERS && !self.warned {
            self.warned = true;
            elog!(
                "Included files are in more than {MAX_INCLUDE_FOLDERS} folders: a change to those of the others needs a save of a page to show"
            );
        }
    }
}

/// The watcher's callback: keeps only events that can change the site and queues them without
/// ever blocking; when the queue is full, notes that a full rebuild is due instead.
fn filter(
    root: PathBuf,
    included: Arc<Mutex<HashSet<PathBuf>>>,
    tx: SyncSender<Change>,
    overflow: Arc<AtomicBool>,
) -> impl FnMut(notify::Result<notify::Event>) + Send + 'static {
    move |res| {
        let event = match res {
            Ok(e) if e.need_rescan() => {
                rescan(&tx, &overflow);
                return;
            }
            Ok(e) if !matches!(e.kind, EventKind::Access(_)) => e,
            Ok(_) => return,
            // The watcher lost track: rebuild everything.
            Err(_) => {
                rescan(&tx, &overflow);
                return;
            }
        };
        let top = |p: &Path| {
            p == root
                || (p.parent() == Some(root.as_path())
                    && TOP_FOLDERS
                        .iter()
                        .any(|d| p.file_name() == Some(d.as_ref())))
        };
        // Said by the event, not by a look at the path: the folder may be there anew already.
        let removed = matches!(
            event.kind,
            EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
        );
        let gone: Vec<PathBuf> = (event.paths.iter())
            .filter(|p| removed && top(p))
            .cloned()
            .collect();
        let paths: Vec<PathBuf> = event
            .paths
            .into_iter()
            .filter(|p| {
                is_site_file(&root, p)
                    || included
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .contains(p)
            })
            .collect();
        if paths.is_empty() && gone.is_empty() {
            return;
        }
        // Created, or renamed into place (`mv content.new content`, a sync tool's swap): the
        // folder's old watch, if any, went with it, or never was.
        let new_top_folder = matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(_))
        )
        .then(|| {
            paths
                .iter()
                .find(|p| p.parent() == Some(root.as_path()) && p.is_dir())
                .cloned()
        })
        .flatten();
        match tx.try_send(Change {
            paths,
            new_top_folder,
            gone,
        }) {
            Ok(()) | Err(TrySendError::Disconnected(_)) => {}
            Err(TrySendError::Full(_)) => overflow.store(true, Ordering::Relaxed),
        }
    }
}

/// The watcher lost track of some changes (its queue, or the kernel's, overflowed): the next
/// rebuild is a full one.
fn rescan(tx: &SyncSender<Change>, overflow: &AtomicBool) {
    overflow.store(true, Ordering::Relaxed);
    let _ = tx.try_send(Change {
        paths: Vec::new(),
        new_top_folder: None,
        gone: Vec::new(),
    });
}

/// Adds a change to the burst being gathered; a top-level folder created or moved in while
/// serving is watched (afresh) from now on.
fn take(
    change: Change,
    changed: &mut Vec<PathBuf>,
    watcher: &mut impl Watcher,
    folders: &mut Folders,
) {
    if let Some(dir) = change.new_top_folder {
        let _ = watcher.unwatch(&dir);
        let _ = watcher.watch(&dir, RecursiveMode::Recursive);
        folders.watched_now(&dir);
    }
    for dir in change.gone {
        folders.gone(&dir);
    }
    changed.extend(change.paths);
}

/// Files whose change can change the site: under content/, templates/, static/, the config, or
/// another tool's navigation beside content/ (a VitePress config, Docusaurus's sidebars.js,
/// mkdocs.yml).
fn is_site_file(root: &Path, p: &Path) -> bool {
    let Ok(rel) = p.strip_prefix(root) else {
        return false;
    };
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if (name.starts_with('.') && name != ".vitepress")
        || name.ends_with('~')
        || name.ends_with(".swp")
    {
        return false;
    }
    match rel.components().next() {
        Some(c) => {
            let first = c.as_os_str().to_string_lossy();
            matches!(
                first.as_ref(),
                "content" | "templates" | "static" | ".vitepress"
            ) || rel == Path::new(crate::config::CONFIG_FILE)
                || (rel.components().count() == 1
                    && (name.starts_with("sidebars.") || name.starts_with("mkdocs.y")))
        }
        None => false,
    }
}

/// What a rebuild made: the files that changed, whether they are the whole site, and the
/// number of pages of a full build.
struct Update {
    files: Vec<OutputFile>,
    full: bool,
    pages: usize,
}

/// Rebuilds after `changed`: the outcome, whether swapping the stylesheet is enough, and when
/// it started. A failure right after a change is retried once after a short pause (a
/// half-written file), taking in any change that came meanwhile.
fn rebuild(
    opts: &BuildOptions,
    changed: &mut Vec<PathBuf>,
    lost: bool,
    session: &mut Session,
    rx: &Receiver<Change>,
    watcher: &mut impl Watcher,
    folders: &mut Folders,
) -> (Result<Update, Diagnostics>, bool, Instant) {
    let started = Instant::now();
    // Swapping the stylesheet is enough only when every change is known and is CSS.
    let css_only = !lost
        && !changed.is_empty()
        && changed
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "css"));
    let mut outcome = attempt(opts, changed, session);
    if outcome.is_err() {
        let until = Instant::now() + RETRY_PAUSE;
        while let Ok(more) = rx.recv_timeout(until.saturating_duration_since(Instant::now())) {
            take(more, changed, watcher, folders);
        }
        outcome = attempt(opts, changed, session);
    }
    (outcome, css_only, started)
}

/// One try: body-only edits of existing articles are applied incrementally, anything else is a
/// full build. A panic (a bug) is an error like any other: the watcher goes on.
fn attempt(
    opts: &BuildOptions,
    changed: &[PathBuf],
    session: &mut Session,
) -> Result<Update, Diagnostics> {
    let outcome = guard(&opts.root, || {
        let fast = match (&mut session.built, session.needs_full) {
            (Some(built), false) => pipeline::update_articles(built, &opts.root, changed),
            _ => None,
        };
        match fast {
            Some(Ok(files)) => Ok(Update {
                files,
                full: false,
                pages: 0,
            }),
            Some(Err(d)) => Err(d),
            None => pipeline::build(opts).map(|mut built| {
                let files = std::mem::take(&mut built.files);
                let pages = built.pages;
                session.built = Some(built);
                session.needs_full = false;
                Update {
                    files,
                    full: true,
                    pages,
                }
            }),
        }
    })
    .unwrap_or_else(|d| Err(d.into()));
    // After any failure the in-memory build may be half-updated: start over from the files.
    if outcome.is_err() {
        session.needs_full = true;
    }
    outcome
}

/// Swaps the new files in and tells every browser: reload, swap the CSS, or show the errors.
fn publish(
    state: &AppState,
    outcome: Result<Update, Diagnostics>,
    css_only: bool,
    started: Instant,
) {
    let ms = started.elapsed().as_millis();
    let notice = {
        let mut snap = write(state);
        snap.build_id += 1;
        match outcome {
            Ok(update) => {
                let recovered = snap.error.take().is_some();
                if update.full {
                    snap.files = into_map(update.files);
                    log!("Rebuilt {} pages in {ms} ms", update.pages);
                } else {
                    // The term shards are rewritten whole (their number may change): drop the old.
                    if update.files.iter().any(|f| f.path == "search/manifest.js") {
                        snap.files.retain(|k, _| !k.starts_with("search/t/"));
                    }
                    let n = update
                        .files
                        .iter()
                        .filter(|f| f.path.ends_with(".html"))
                        .count();
                    for f in update.files {
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
                let text = diags.errors_report();
                elog!("{text}\nThe last good pages are still served.");
                let text = super::overlay_text(text);
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

#[cfg(test)]
mod tests {
    use super::is_site_file;
    use std::path::Path;

    #[test]
    fn which_files_rebuild_the_site() {
        let root = Path::new("/site");
        for yes in [
            "/site/content/a.md",
            "/site/helpcenter.yaml",
            "/site/templates/page.html",
            "/site/.vitepress/config.ts",
            "/site/content/.vitepress/config.mts",
            "/site/.vitepress",
            "/site/sidebars.ts",
            "/site/mkdocs.yml",
        ] {
            assert!(is_site_file(root, Path::new(yes)), "{yes}");
        }
        for no in [
            "/site/.git/index",
            "/site/public/index.html",
            "/site/content/.a.md.swp",
            "/site/content/a.md~",
            "/elsewhere/content/a.md",
            "/site/node_modules/sidebars.js",
            "/site/docs/mkdocs.yml",
        ] {
            assert!(!is_site_file(root, Path::new(no)), "{no}");
        }
    }
}
