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

/// Refuses output folders whose replacement would destroy the site itself.
pub fn check_target(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let root_abs = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let out_abs = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    let bad = root_abs.starts_with(&out_abs)
        || out_abs.join(crate::config::CONFIG_FILE).exists()
        || out_abs == root_abs.join(crate::content::CONTENT_DIR)
        || out_abs.starts_with(root_abs.join(crate::content::CONTENT_DIR));
    if bad {
        return Err(Diagnostic::error(format!(
            "refusing to use {} as the output folder: it holds the site's own files",
            display_path(out)
        ))
        .hint("pick a folder of its own, such as public/ (the default)"));
    }
    Ok(())
}

/// Writes `files` as the new content of `out`. Files in the old folder that are not in `files`
/// are gone afterwards, as with a clean build.
pub fn write_atomic(out: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let fail = |what: &str, path: &Path, e: io::Error| {
        Diagnostic::error(format!("cannot {what} {}: {e}", display_path(path)))
            .hint("check that the output folder's parent exists and is writable")
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
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.new-{pid}"));
    let retired = parent.join(format!(".{name}.old-{pid}"));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| fail("create", &staging, e))?;

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

    let had_old = out.exists();
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
    if had_old {
        let _ = std::fs::remove_dir_all(&retired);
    }
    Ok(())
}
