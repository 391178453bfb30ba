//! Writing the output folder atomically: the whole site is written into a fresh sibling folder,
//! which then replaces the old one, so a failed or interrupted build never leaves a half-written
//! site and a failed build leaves the previous output untouched.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Diagnostic, display_path};

/// One file of the output, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Where it goes, relative to the output folder, with `/` separators.
    pub path: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// The last line of defence before anything is written: every path is relative, stays inside
/// the output and is written once. `claims` reports the site's own collisions first, with
/// file and line, so a failure here is a bug of helpcenter's, never silently written.
pub fn check_paths(files: &[OutputFile]) -> Result<(), Diagnostic> {
    let mut seen = std::collections::HashSet::new();
    for f in files {
        if let Some(problem) = crate::paths::path_problem(&f.path).or(f
            .path
            .ends_with('/')
            .then_some("a folder name where a file is written"))
        {
            return Err(Diagnostic::error(format!(
                "refusing to write `{}`: the path holds {problem} (a bug in helpcenter)",
                f.path.escape_debug()
            )));
        }
        if !seen.insert(f.path.as_str()) {
            return Err(Diagnostic::error(format!(
                "refusing to write `{}` twice (a bug in helpcenter)",
                f.path.escape_debug()
            )));
        }
    }
    Ok(())
}

pub use crate::paths::OUTPUT_MARKER as MARKER;
const MARKER_TEXT: &str =
    "This folder was written by helpcenter. The next build replaces it whole.\n";

/// Where the output goes, resolved (`..` and symbolic links) before any check, and whether the
/// folder there may be replaced. Refuses — before anything is built — an output that is, holds
/// or lies inside the site's `content/`, `templates/`, `static/` or config, one that is a file,
/// and a folder that is neither empty nor an earlier helpcenter output unless `force`.
///
/// `chosen`: the output was named on the command line. The default one, `public/` in the site,
/// may be a link only within the site: a cloned repository's `public -> ~/.ssh` would have the
/// build write the repository's `static/` files there.
pub fn prepare(root: &Path, out: &Path, force: bool, chosen: bool) -> Result<PathBuf, Diagnostic> {
    let resolved = resolve(out);
    let shown = display_path(out);
    let refuse = |why: String, hint: &str| {
        Err(
            Diagnostic::error(format!("refusing to write the site into {shown}: {why}"))
                .in_file(out)
                .hint(hint.to_owned()),
        )
    };
    let linked = std::fs::symlink_metadata(out).is_ok_and(|m| m.is_symlink());
    if linked && !chosen && !resolved.starts_with(resolve(root)) {
        return refuse(
            format!(
                "it is a symbolic link to {}, outside the site, and the site's own files never choose where a build writes",
                display_path(&resolved)
            ),
            &format!(
                "if that is where the site should go, say so: --output {}",
                crate::error::shell_word(&shown)
            ),
        );
    }

    for protected in protected_paths(root) {
        if resolved == protected
            || resolved.starts_with(&protected)
            || protected.starts_with(&resolved)
        {
            let relation = if resolved == protected {
                "it is"
            } else if resolved.starts_with(&protected) {
                "it lies inside"
            } else {
                "it holds"
            };
            return refuse(
                format!("{relation} the site's own {}", display_path(&protected)),
                "pick a folder of its own, such as public/ (the default); the output folder is replaced whole by every build",
            );
        }
    }
    if std::fs::symlink_metadata(&resolved).is_ok_and(|m| m.is_symlink()) {
        return refuse(
            "it is a symbolic link that leads to itself through other links".into(),
            "name a folder, or a link to one",
        );
    }
    // Only a folder is ever replaced, even with --force: what else is there (a device such as
    // /dev/null, a pipe) was moved aside and replaced by a folder.
    if let Ok(meta) = std::fs::metadata(&resolved)
        && !meta.is_dir()
    {
        let what = if meta.is_file() {
            "it is a file"
        } else {
            "it is not a folder (a device, a pipe or a socket)"
        };
        return refuse(what.into(), "name a folder, such as public/");
    }
    if resolved.is_dir() && !force && !replaceable(&resolved) {
        return refuse(
            "the folder is not empty and was not written by helpcenter".into(),
            "name a new or empty folder, or pass --force to replace this one (everything in it is deleted)",
        );
    }
    Ok(resolved)
}

/// `path` made absolute with `..` and symbolic links resolved: the longest part of it that
/// exists is canonicalized, and the rest (which cannot hold links) is normalized by hand. A link
/// to something that does not exist yet (`public -> /srv/www/help`, its folder deleted) is
/// followed too, so that the build writes where the link leads and the link stays; after
/// [`MAX_LINK_HOPS`] links (a loop) the path is left at the last one.
pub fn resolve(path: &Path) -> PathBuf {
    let mut abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    for _ in 0..MAX_LINK_HOPS {
        let (base, rest) = existing_part(&abs);
        let mut rest = rest.components();
        let first = rest.next();
        let link = first.map(|c| base.join(c));
        match link.as_deref().map(std::fs::read_link) {
            Some(Ok(target)) => {
                abs = base.join(target);
                if !rest.as_path().as_os_str().is_empty() {
                    abs.push(rest.as_path());
                }
            }
            _ => return normalized(base, first.into_iter().chain(rest)),
        }
    }
    let (base, rest) = existing_part(&abs);
    normalized(base, rest.components())
}

/// Links followed by [`resolve`] before it gives up: the system's own limit on Linux.
const MAX_LINK_HOPS: usize = 40;

/// The longest leading part of `abs` that exists, canonicalized, and what follows it.
fn existing_part(abs: &Path) -> (PathBuf, PathBuf) {
    let mut existing = abs;
    loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            let rest = abs.strip_prefix(existing).unwrap_or(Path::new(""));
            return (real, rest.to_path_buf());
        }
        match existing.parent() {
            Some(parent) => existing = parent,
            None => return (existing.to_path_buf(), PathBuf::new()),
        }
    }
}

/// `base` with `parts` that do not exist yet: a `..` among them can only be lexical.
fn normalized<'a>(
    mut out: PathBuf,
    parts: impl Iterator<Item = std::path::Component<'a>>,
) -> PathBuf {
    for c in parts {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::Normal(n) => out.push(n),
            _ => {}
        }
    }
    out
}

/// The site's own files, resolved: what no output may be, hold or lie inside.
fn protected_paths(root: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for name in [
        crate::content::CONTENT_DIR,
        "templates",
        "static",
        crate::config::CONFIG_FILE,
    ] {
        let p = root.join(name);
        paths.push(resolve(&p));
        // When the folder is a link, its own place (the link) is the site's too.
        paths.push(resolve(&root.join(".")).join(name));
    }
    paths.sort();
    paths.dedup();
    paths
}

/// An empty folder, or one an earlier build wrote: it carries the marker, or (outputs written
/// before the marker existed) the search index's manifest.
fn replaceable(dir: &Path) -> bool {
    crate::paths::is_earlier_output(dir)
        || std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

/// Writes `files` as the new content of `out` (resolved by [`prepare`]). Files in the old folder
/// that are not in `files` are gone afterwards, as with a clean build. Leftovers of a build that
/// was killed (`.NAME.new-*`, `.NAME.old-*` beside it, carrying the marker) are removed first.
///
/// Returns a warning when the earlier output, set aside, could not be removed (a folder another
/// user owns): it stays beside the new one, named.
pub fn write_atomic(
    out: &Path,
    files: &[OutputFile],
    force: bool,
) -> Result<Option<Diagnostic>, Diagnostic> {
    let fail = |what: &str, path: &Path, e: io::Error| {
        let d =
            Diagnostic::error(format!("cannot {what} {}: {e}", display_path(path))).in_file(out);
        if e.kind() == io::ErrorKind::StorageFull {
            d.hint("free some space on the disk the output is on, then build again")
        } else {
            d.hint("check that the output folder's parent exists and is writable")
        }
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = out
        .parent()
        .map(Path::to_path_buf)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&parent).map_err(|e| fail("create", &parent, e))?;
    remove_leftovers(&parent, &name);
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.new-{pid}"));
    let retired = parent.join(format!(".{name}.old-{pid}"));
    if staging.exists() && replaceable(&staging) {
        let _ = std::fs::remove_dir_all(&staging);
    }
    std::fs::create_dir(&staging).map_err(|e| fail("create", &staging, e))?;
    // The marker first: a build killed from here on leaves a folder the next one may remove.
    let marker = staging.join(MARKER);
    std::fs::write(&marker, MARKER_TEXT).map_err(|e| fail("write", &marker, e))?;

    let written: Result<(), Diagnostic> = files.par_iter().try_for_each(|f| {
        let path = staging.join(&f.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| fail("create", dir, e))?;
        }
        std::fs::write(&path, &f.bytes).map_err(|e| fail("write", &path, e))
    });
    if let Err(d) = written {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(d);
    }

    // Checked again right before the swap: the folder may have changed during the build.
    let had_old = out.exists();
    if had_old && (!out.is_dir() || (!force && !replaceable(out))) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(Diagnostic::error(format!(
            "refusing to replace {}: it changed during the build and is no longer an earlier helpcenter output",
            display_path(out)
        )));
    }
    let left = |old: &Path, e: io::Error| {
        Diagnostic::warning(format!(
            "the earlier output, set aside as {}, could not be removed: {e}",
            display_path(old)
        ))
        .in_file(out)
        .hint("the new output is in place; remove the old one yourself (it may belong to another user)")
    };
    if had_old && exchange(&staging, out).is_ok() {
        // The earlier output is where the new one was, marked: if this build is killed before
        // it is gone, the next one removes it.
        return Ok(std::fs::remove_dir_all(&staging)
            .err()
            .map(|e| left(&staging, e)));
    }
    if had_old {
        std::fs::rename(out, &retired).map_err(|e| {
            let _ = std::fs::remove_dir_all(&staging);
            fail("replace", out, e)
        })?;
    }
    if let Err(e) = std::fs::rename(&staging, out) {
        if had_old {
            let _ = std::fs::rename(&retired, out);
        }
        let _ = std::fs::remove_dir_all(&staging);
        return Err(fail("replace", out, e));
    }
    if had_old && let Err(e) = std::fs::remove_dir_all(&retired) {
        return Ok(Some(left(&retired, e)));
    }
    Ok(None)
}

/// Swaps two folders in one step, where the system can: readers of `b` see the old folder or the
/// new one, never none.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Removes `.NAME.new-*` and `.NAME.old-*` folders in `parent` that an earlier, killed build
/// left, but only those that carry the marker (or are outputs of a version before it). An
/// earlier output set aside (`.NAME.old-*`) by a build killed before the new one took its
/// place goes back instead, when nothing took it.
fn remove_leftovers(parent: &Path, name: &str) {
    let own = std::process::id();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.new-"), format!(".{name}.old-")];
    for e in entries.filter_map(Result::ok) {
        let file_name = e.file_name().to_string_lossy().into_owned();
        let pid = prefixes
            .iter()
            .find_map(|p| file_name.strip_prefix(p.as_str())?.parse::<u32>().ok());
        let path = e.path();
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        let dead = pid.is_some_and(|pid| pid != own && !running(pid, &path));
        if dead && is_dir && crate::paths::is_earlier_output(&path) {
            let out = parent.join(name);
            let set_aside = file_name.starts_with(&prefixes[1]);
            if !(set_aside && !out.exists() && std::fs::rename(&path, &out).is_ok()) {
                let _ = std::fs::remove_dir_all(&path);
            }
        }
    }
}

/// Whether the build that made `leftover` may still be running: on Linux, whether its process
/// exists; elsewhere, whether the folder changed in the last hour.
fn running(pid: u32, leftover: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.is_dir() {
        return proc.join(pid.to_string()).exists();
    }
    std::fs::metadata(leftover)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() < 3600))
}
