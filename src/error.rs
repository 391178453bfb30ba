//! The one error type of the generator.
//!
//! Every stage reports problems as [`Diagnostic`]s that carry the file, the line and column within
//! that file (not within a front-matter block or a template fragment) and a hint saying what to do.
//! Stages collect diagnostics instead of stopping at the first one, so a build reports everything
//! that is wrong at once.

use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Prints a line to stdout. A closed stdout (`helpcenter build | head -1`, `serve | head`, a
/// test that stopped reading) must not turn a finished build or a running server into a
/// panic, so write errors are ignored: `println!` panicked there, with exit 101.
macro_rules! log {
    ($($arg:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// The same for stderr.
macro_rules! elog {
    ($($arg:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
pub(crate) use {elog, log};

/// Whether a diagnostic stops the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; nothing to fix.
    Note,
    /// Worth fixing; the build goes on.
    Warning,
    /// The build fails.
    Error,
}

/// A problem found in the site's files, pointing at where a person can fix it. Boxed, so the
/// `Result`s that carry it stay small on the success path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic(Box<DiagnosticData>);

/// What a [`Diagnostic`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosticData {
    /// Whether it stops the build.
    pub severity: Severity,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The file at fault, as the user would type its path.
    pub file: Option<PathBuf>,
    /// 1-based line within `file`.
    pub line: Option<usize>,
    /// 1-based column (in characters) within the line.
    pub column: Option<usize>,
    /// What to do about it.
    pub hint: Option<String>,
    /// Lines of context from a lower layer (e.g. Tera's error chain), shown under the message.
    pub notes: Vec<String>,
    /// What kind of problem, when a report counts them apart (`link`).
    pub code: Option<&'static str>,
}

impl std::ops::Deref for Diagnostic {
    type Target = DiagnosticData;
    fn deref(&self) -> &DiagnosticData {
        &self.0
    }
}

impl std::ops::DerefMut for Diagnostic {
    fn deref_mut(&mut self) -> &mut DiagnosticData {
        &mut self.0
    }
}

impl Diagnostic {
    /// A problem that fails the build.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic(Box::new(DiagnosticData {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            line: None,
            column: None,
            hint: None,
            notes: Vec::new(),
            code: None,
        }))
    }

    /// A problem that does not fail the build.
    pub fn warning(message: impl Into<String>) -> Self {
        let mut d = Diagnostic::error(message);
        d.severity = Severity::Warning;
        d
    }

    /// Something worth knowing about the build that needs no change.
    pub fn info(message: impl Into<String>) -> Self {
        let mut d = Diagnostic::error(message);
        d.severity = Severity::Note;
        d
    }

    /// Names the file at fault.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Names the line and column (1-based) at fault.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Names the line (1-based) at fault.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// Says what to do.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a line of context under the message.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// The same problem as a warning counted among the links left as written (`links: warn`).
    pub fn into_link_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self.code = Some("link");
        self
    }

    /// True when it fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, as editors and terminals turn into a clickable location.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        let mut s = display_path(file);
        if let Some(line) = self.line {
            s.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                s.push_str(&format!(":{col}"));
            }
        }
        Some(s)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Note => "note",
            Severity::Warning => "warning",
        };
        // One line, whatever a quoted value holds: a date of "\n\n" must not cut the report
        // into pieces that name no file.
        write!(f, "{label}: ")?;
        for c in self.message.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        if let Some(loc) = self.location() {
            write!(f, "\n  --> {loc}")?;
        }
        for note in &self.notes {
            write!(f, "\n  | {note}")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = help: {hint}")?;
        }
        Ok(())
    }
}

/// Paths are shown with forward slashes and without a leading `./`, as a user typed them.
/// The working directory itself (`./`, `.`) shows as `.`, never as nothing.
pub fn display_path(path: &Path) -> String {
    // Windows' separator reads as `/`; elsewhere a backslash is part of a name (`back\\slash.md`
    // was shown as a path that does not exist).
    let s = if cfg!(windows) {
        path.to_string_lossy().replace('\\', "/")
    } else {
        readable(path)
    };
    match s.strip_prefix("./") {
        Some("") => ".".to_owned(),
        Some(rest) => rest.to_owned(),
        None => s,
    }
}

/// The path's bytes as text, each byte that is not UTF-8 as `\xFF`: two names that differ only
/// there would both read `bad�.md`.
#[cfg(unix)]
fn readable(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut s = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        // A newline or another control character in a name (`x\ny.md`) shows escaped: printed
        // as it is, it split the `-->` line of a message.
        for c in chunk.valid().chars() {
            if c.is_control() {
                s.extend(c.escape_default());
            } else {
                s.push(c);
            }
        }
        for b in chunk.invalid() {
            s.push_str(&format!("\\x{b:02X}"));
        }
    }
    s
}

#[cfg(not(unix))]
fn readable(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// A path relative to the working directory when possible, for messages: `root` as the user
/// gave it, joined with the part of `path` below it.
pub fn shown_path(root: &Path, path: &Path) -> PathBuf {
    let rel = path.strip_prefix(root).unwrap_or(path);
    if root == Path::new(".") || root.as_os_str().is_empty() {
        rel.to_path_buf()
    } else {
        root.join(rel)
    }
}

/// 1-based (line, column in characters) of byte `pos` in `text`.
pub fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(text.len());
    let before = &text[..pos];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// How many [`guard`]s are running, on any thread: while one is, panics are reported as
/// diagnostics instead of printed. Global, not per thread, because guarded work fans out to
/// rayon's worker threads.
static GUARDS: AtomicUsize = AtomicUsize::new(0);
/// The last panic's message and place, for the guard's diagnostic.
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

/// Makes panics inside [`guard`] quiet (their diagnostic says what happened); any other panic
/// is printed as before. Called once by the command line.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if GUARDS.load(Ordering::SeqCst) > 0 {
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = format!("{message}{place}");
            }
        } else {
            default(info);
        }
    }));
}

/// Runs `work` for the file `file`; a panic inside (a bug in helpcenter, never the author's
/// fault) becomes an error naming that file, so one odd input cannot take down a build or the
/// preview server.
pub fn guard<T>(file: &Path, work: impl FnOnce() -> T) -> Result<T, Diagnostic> {
    GUARDS.fetch_add(1, Ordering::SeqCst);
    let result = catch_unwind(AssertUnwindSafe(work));
    GUARDS.fetch_sub(1, Ordering::SeqCst);
    result.map_err(|_| {
        let what = LAST_PANIC
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default();
        Diagnostic::error("helpcenter failed on this file (a bug in helpcenter, not in the file)")
            .in_file(file)
            .note(what)
            .hint("please report it with the file attached; until it is fixed, changing the part of the file the note points at may avoid it")
    })
}

/// Everything a failed stage found; a build fails when this holds at least one error.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Adds several.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// True when any fails the build.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// The report a person reads: every diagnostic, sorted, each followed by a blank line, then
    /// `Build failed: N errors.` when any is an error (without a final newline).
    pub fn report(&self) -> String {
        self.report_as("Build")
    }

    /// The same, for the command `what` (`check` runs no build, and its report says so).
    pub fn report_as(&self, what: &str) -> String {
        let sorted = self.clone().sorted();
        let mut s: String = sorted.iter().map(|d| format!("{d}\n\n")).collect();
        // Counted as printed: a link repeated on one line is one error (Pinia's docs said 239
        // errors and printed 207).
        let errors = sorted.iter().filter(|d| d.is_error()).count();
        if errors > 0 {
            let plural = if errors == 1 { "" } else { "s" };
            s.push_str(&format!("{what} failed: {errors} error{plural}."));
        }
        s
    }

    /// The report of a rebuild while serving: only its errors, then how many warnings were left
    /// out. The warnings were shown by the first build; printed again on every failed save, 200
    /// of them scrolled the one error that matters out of sight, in the terminal and the page.
    pub fn errors_report(&self) -> String {
        let errors = Diagnostics(self.0.iter().filter(|d| d.is_error()).cloned().collect());
        let mut s = errors.report();
        let warnings = self.0.len() - errors.0.len();
        if warnings > 0 {
            let plural = if warnings == 1 { "" } else { "s" };
            s.push_str(&format!(
                " ({warnings} warning{plural} not repeated: `helpcenter check` lists them.)"
            ));
        }
        s
    }

    /// Errors first, then by file and line, so the same input prints the same report.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.file.cmp(&b.file))
                .then_with(|| a.line.cmp(&b.line))
                .then_with(|| a.column.cmp(&b.column))
                .then_with(|| a.message.cmp(&b.message))
        });
        self.0.dedup();
        self.0
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

/// The nearest known name to an unknown one, for "did you mean" hints.
pub fn suggest<'a>(unknown: &str, known: &[&'a str]) -> Option<&'a str> {
    let unknown = unknown.to_lowercase();
    known
        .iter()
        .map(|k| (distance(&unknown, k, false), *k))
        .filter(|(d, k)| *d <= (k.chars().count() / 2).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Whether `unknown` is a slip of the fingers on one of `known`: one letter wrong, missing,
/// added or two swapped (`titel`, `desciption`), two in a long key. Looser matches are worth a
/// "did you mean" (`suggest`), not a verdict: on a site written for another tool, `note` is its
/// theme's key, not a slip of `date`.
pub fn is_slip(unknown: &str, known: &[&str]) -> bool {
    let unknown = unknown.to_lowercase();
    known.iter().any(|k| {
        let allowed = if k.chars().count() <= 6 { 1 } else { 2 };
        distance(&unknown, k, true) <= allowed
    })
}

/// Edit distance between `a` and `b`; with `swaps`, two neighbours swapped count as one edit
/// (optimal string alignment), as a slip of the fingers does.
fn distance(a: &str, b: &str, swaps: bool) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if swaps && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// Under `links: warn`, how many broken links were left as written, for the summary line: a
/// migration's to-do list should not hide in the scroll-back.
pub fn links_left(warnings: &[Diagnostic]) -> String {
    match warnings.iter().filter(|w| w.code == Some("link")).count() {
        0 => String::new(),
        1 => "; 1 broken link left as written (links: warn)".to_owned(),
        n => format!("; {n} broken links left as written (links: warn)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_is_a_letter_or_a_swap_away() {
        let known = ["title", "tags", "date", "description", "weight"];
        for slip in [
            "titel",
            "tittle",
            "tag",
            "Date",
            "desciption",
            "descriptoin",
            "weigth",
        ] {
            assert!(is_slip(slip, &known), "{slip}");
        }
        for word in ["note", "author", "layout", "data_x", "dscrptn"] {
            assert!(!is_slip(word, &known), "{word}");
        }
    }

    #[test]
    fn suggests_nearest_key() {
        let known = ["title", "tags", "date", "updated", "description"];
        assert_eq!(suggest("titel", &known), Some("title"));
        assert_eq!(suggest("tag", &known), Some("tags"));
        assert_eq!(suggest("updatd", &known), Some("updated"));
        assert_eq!(suggest("zzzzzzzz", &known), None);
    }

    #[test]
    fn a_message_is_one_line_whatever_a_value_holds() {
        let d =
            Diagnostic::error("`date` is not a date: `\n\n`").in_file(Path::new("content/a.md"));
        assert_eq!(
            d.to_string(),
            "error: `date` is not a date: `\\n\\n`\n  --> content/a.md"
        );
    }

    #[test]
    fn a_guarded_panic_is_an_error_naming_the_file() {
        install_panic_hook();
        let d = guard(Path::new("content/a.md"), || -> usize {
            panic!("boom {}", 1)
        })
        .unwrap_err();
        assert!(d.is_error());
        assert_eq!(d.file.as_deref(), Some(Path::new("content/a.md")));
        assert!(
            d.notes[0].starts_with("boom 1 at src/error.rs:"),
            "{:?}",
            d.notes
        );
        assert_eq!(guard(Path::new("x"), || 7).unwrap(), 7);
    }

    #[test]
    fn display_has_location_and_hint() {
        let d = Diagnostic::error("unknown key `titel`")
            .in_file("content/a.md")
            .at(2, 1)
            .hint("did you mean `title`?");
        let s = d.to_string();
        assert!(s.contains("error: unknown key `titel`"));
        assert!(s.contains("--> content/a.md:2:1"));
        assert!(s.contains("help: did you mean `title`?"));
    }
}

/// `text` as one word for a POSIX shell: quoted when it holds anything but letters, digits and
/// `_./-`, so a suggested command pastes as is (`helpcenter init "帮助 中心"` suggested a
/// command that split the folder in two).
pub fn shell_word(text: &str) -> String {
    // A relative path that starts like an option (`-help`) is read as one: `./-help` is not.
    if text.starts_with('-') {
        return shell_word(&format!("./{text}"));
    }
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "_./-".contains(c))
    {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

pub fn print_diagnostics(list: &[Diagnostic]) {
    use std::io::Write;
    let stderr = std::io::stderr();
    let mut e = stderr.lock();
    for d in list {
        let _ = writeln!(e, "{d}\n");
    }
}

/// "1 article", "12 articles", as the summary lines count them.
pub fn articles(n: usize) -> String {
    match n {
        1 => "1 article".to_owned(),
        n => format!("{n} articles"),
    }
}

#[cfg(test)]
mod shell_tests {
    use super::shell_word;

    #[test]
    fn suggested_paths_paste_as_one_word() {
        assert_eq!(shell_word("help-center/新站"), "help-center/新站");
        assert_eq!(shell_word("帮助 中心"), "'帮助 中心'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(shell_word("$HOME"), "'$HOME'");
        assert_eq!(shell_word("-help"), "./-help");
    }
}
