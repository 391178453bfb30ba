//! Just enough of JavaScript and TypeScript to read the literal data of other tools' config
//! files (VitePress's `.vitepress/config.ts`, Docusaurus's `sidebars.js`): strings, object and
//! array literals, and the names a value refers to (`sidebar: guide`, `items: guideItems()`).
//! Nothing is run. Whatever it does not understand (expressions, types, regular expressions) it
//! steps over to the next `,` or closing bracket, so a config it cannot read yields less, never
//! a panic.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Diagnostics, shown_path};

/// A config larger than this is not a hand-written one: it is left unread, with a note.
const MAX_CONFIG_BYTES: u64 = 4 << 20;

/// A config file of the site, read.
pub struct ConfigFile {
    pub text: String,
    /// As messages name it.
    pub shown: PathBuf,
    /// Relative to `content/` (`../sidebars.js` beside it), as navigation files are named.
    pub rel: String,
}

/// Where a config may be: the folder that owns it (it must not lead outside), the folder it is
/// in, and that folder relative to `content/` (`` or `../…/`).
pub struct Place<'a> {
    pub owner: PathBuf,
    pub dir: PathBuf,
    pub rel: &'a str,
}

/// Where a tool's config file may be: beside `content/` (the docs folder) in the site root,
/// beside the docs folder `content` links to, then in `content/` itself.
pub fn beside_or_in<'a>(root: &Path, content_dir: &Path) -> Vec<Place<'a>> {
    let mut places: Vec<Place> = beside_content(root, content_dir)
        .into_iter()
        .map(|dir| Place {
            owner: dir.clone(),
            dir,
            rel: "../",
        })
        .collect();
    places.push(Place {
        owner: content_dir.to_path_buf(),
        dir: content_dir.to_path_buf(),
        rel: "",
    });
    places
}

/// The folders a tool's config beside `content/` may be in: the site's, and, when `content` is
/// a link to a docs folder kept elsewhere (`content -> ../mkdocs-material/docs`), the folder
/// that one is in, where its `mkdocs.yml`, `book.toml` or `hugo.toml` is: a migrating author
/// adds only a `helpcenter.yaml` and the link. Never the system's root, a home folder
/// (`content -> ~/docs` would make `~/config.toml` the site's) or a folder anyone may write in
/// (`content -> /tmp/docs`: another user could plant an `mkdocs.yml` there).
pub fn beside_content(root: &Path, content_dir: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![root.to_path_buf()];
    let linked = std::fs::symlink_metadata(content_dir).is_ok_and(|m| m.is_symlink());
    let home = std::env::var_os("HOME").and_then(|h| PathBuf::from(h).canonicalize().ok());
    let real_parent = content_dir
        .canonicalize()
        .ok()
        .and_then(|c| c.parent().map(Path::to_path_buf))
        .filter(|p| p.parent().is_some() && !crate::paths::is_system_path(p))
        .filter(|p| home.as_ref() != Some(p) && !anyone_may_write(p));
    if let Some(parent) = real_parent.filter(|_| linked)
        && root.canonicalize().ok().as_ref() != Some(&parent)
    {
        dirs.push(parent);
    }
    dirs
}

/// Whether everyone may write in folder `dir` (`/tmp`, `/var/tmp`).
pub(super) fn anyone_may_write(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o002 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        false
    }
}

/// The first of `names` in the first of `places` that has one, read; `what` names it in
/// notes. A config in `content/` that is a link to a file outside it, or one too large, is not
/// read. One beside `content/` may be a link, as `content` itself may: both are how an author
/// points a site at a docs tree kept elsewhere (RocketMQ's docs lost 5 links' routes when its
/// linked `docusaurus.config.js` was left unread).
pub fn read_config(
    root: &Path,
    places: &[Place],
    names: &[&str],
    what: &str,
    diags: &mut Diagnostics,
) -> Option<ConfigFile> {
    let (place, name) = places.iter().find_map(|p| {
        let name = names.iter().find(|n| p.dir.join(n).is_file())?;
        Some((p, *name))
    })?;
    let path = place.dir.join(name);
    let shown = shown_path(root, &path);
    let inside = match (path.canonicalize(), place.owner.canonicalize()) {
        (Ok(p), Ok(o)) => p.starts_with(o) || place.owner == root,
        _ => false,
    };
    // Read no further than a hand-written config goes: a link to `/proc/self/pagemap` says it
    // is empty and reads for gigabytes.
    let read = match path.canonicalize() {
        Ok(real) if inside && !crate::paths::is_system_path(&real) => {
            crate::paths::read_capped(&path, MAX_CONFIG_BYTES)
        }
        _ => Ok(None),
    };
    match read {
        Ok(Some(bytes)) => Some(ConfigFile {
            text: String::from_utf8_lossy(&bytes).into_owned(),
            shown,
            rel: format!("{}{name}", place.rel),
        }),
        Ok(None) => {
            diags.push(
                Diagnostic::info(if inside {
                    format!(
                        "the {what} is larger than {} MB, or a file of the system: it is not read",
                        MAX_CONFIG_BYTES >> 20
                    )
                } else {
                    format!("the {what} links to a file outside the site: it is not read")
                })
                .in_file(&shown)
                .hint("sections follow the folders; a SUMMARY.md in content/ orders them instead"),
            );
            None
        }
        Err(e) => {
            diags.push(Diagnostic::info(format!("cannot read the {what}: {e}")).in_file(&shown));
            None
        }
    }
}

/// A piece of the source.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Ident(String),
    /// A string or template literal: its text (a template's `${…}` parts left out) and whether
    /// it had such parts.
    Str(String, bool),
    Punct(char),
    /// A number or a regular expression: stepped over.
    Other,
}

/// Whether a line of a tool's config that is no comment (`//`, `#`) says one of `words`: what
/// turns a plugin on (`remark-math`, `math: true`) is a word in a list or a key, read alike in
/// JavaScript, TypeScript and YAML.
pub fn says(text: &str, words: &[&str]) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start();
        !line.starts_with("//")
            && !line.starts_with('#')
            && !line.starts_with('*')
            && words.iter().any(|w| line.contains(w))
    })
}

/// Splits `src` into tokens, each with its 1-based line.
pub fn tokens(src: &str) -> Vec<(Tok, usize)> {
    let b = src.as_bytes();
    let mut out: Vec<(Tok, usize)> = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < b.len() {
        let c = b[i];
        let start_line = line;
        match c {
            b'\n' => {
                line += 1;
                i += 1;
            }
            _ if c.is_ascii_whitespace() => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    line += usize::from(b[i] == b'\n');
                    i += 1;
                }
                i = (i + 2).min(b.len());
            }
            b'/' if regex_may_start(out.last().map(|t| &t.0)) => {
                i = skip_regex(b, i + 1);
                out.push((Tok::Other, start_line));
            }
            b'\'' | b'"' => {
                let (text, end, lines) = quoted(src, i + 1, c);
                line += lines;
                i = end;
                out.push((Tok::Str(text, false), start_line));
            }
            b'`' => {
                let (text, interpolated, end, lines) = template(src, i + 1);
                line += lines;
                i = end;
                out.push((Tok::Str(text, interpolated), start_line));
            }
            _ if c.is_ascii_alphabetic() || c == b'_' || c == b'$' || c >= 0x80 => {
                let s = i;
                while i < b.len()
                    && (b[i].is_ascii_alphanumeric()
                        || b[i] == b'_'
                        || b[i] == b'$'
                        || b[i] >= 0x80)
                {
                    i += 1;
                }
                out.push((Tok::Ident(src[s..i].to_owned()), start_line));
            }
            _ if c.is_ascii_digit() => {
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'.' || b[i] == b'_')
                {
                    i += 1;
                }
                out.push((Tok::Other, start_line));
            }
            _ => {
                out.push((Tok::Punct(c as char), start_line));
                i += 1;
            }
        }
    }
    out
}

/// Whether a `/` after `prev` starts a regular expression rather than dividing.
fn regex_may_start(prev: Option<&Tok>) -> bool {
    match prev {
        None => true,
        Some(Tok::Ident(w)) => matches!(w.as_str(), "return" | "typeof" | "case" | "in" | "of"),
        Some(Tok::Str(..) | Tok::Other) => false,
        Some(Tok::Punct(p)) => !matches!(p, ')' | ']' | '}'),
    }
}

/// The end of a regular expression whose body starts at `i`, flags included.
fn skip_regex(b: &[u8], mut i: usize) -> usize {
    let mut class = false;
    while i < b.len() && b[i] != b'\n' {
        match b[i] {
            b'\\' => i += 1,
            b'[' => class = true,
            b']' => class = false,
            b'/' if !class => {
                i += 1;
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                return i;
            }
            _ => {}
        }
        i += 1;
    }
    i.min(b.len())
}

/// A quoted string starting after its opening `quote` at `i`: its text, the index after it, and
/// the newlines it spans.
fn quoted(src: &str, i: usize, quote: u8) -> (String, usize, usize) {
    let mut text = String::new();
    let mut lines = 0;
    let mut chars = src[i..].char_indices();
    while let Some((k, ch)) = chars.next() {
        match ch {
            '\\' => match chars.next() {
                Some((_, 'n')) => text.push('\n'),
                Some((_, 't')) => text.push('\t'),
                Some((_, '\n')) => lines += 1,
                Some((_, e)) => text.push(e),
                None => break,
            },
            '\n' => {
                // An unterminated string: stop at the line's end.
                return (text, i + k, lines);
            }
            _ if ch as u32 == u32::from(quote) => return (text, i + k + 1, lines),
            _ => text.push(ch),
        }
    }
    (text, src.len(), lines)
}

/// A template literal starting after its backtick at `i`: its literal text, whether it had
/// `${…}` parts, the index after it, and the newlines it spans.
fn template(src: &str, i: usize) -> (String, bool, usize, usize) {
    let b = src.as_bytes();
    let mut text = String::new();
    let mut interpolated = false;
    let mut lines = 0;
    let mut k = i;
    while k < b.len() {
        match b[k] {
            b'`' => return (text, interpolated, k + 1, lines),
            b'\\' => {
                k += 1;
                if let Some(ch) = src.get(k..).and_then(|s| s.chars().next()) {
                    text.push(ch);
                    k += ch.len_utf8();
                }
                continue;
            }
            b'$' if b.get(k + 1) == Some(&b'{') => {
                interpolated = true;
                // Step over the expression, whose braces and strings may nest.
                let mut depth = 0usize;
                k += 1;
                while k < b.len() {
                    match b[k] {
                        b'{' => depth += 1,
                        b'}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        b'\'' | b'"' => {
                            let (_, end, l) = quoted(src, k + 1, b[k]);
                            lines += l;
                            k = end;
                            continue;
                        }
                        b'`' => {
                            let (_, _, end, l) = template(src, k + 1);
                            lines += l;
                            k = end;
                            continue;
                        }
                        b'\n' => lines += 1,
                        _ => {}
                    }
                    k += 1;
                }
                k += 1;
                continue;
            }
            b'\n' => lines += 1,
            _ => {}
        }
        let ch = src[k..].chars().next().unwrap_or(' ');
        text.push(ch);
        k += ch.len_utf8();
    }
    (text, interpolated, b.len(), lines)
}

/// A value, as far as it is literal data.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Object(Vec<(String, Value)>, usize),
    Array(Vec<Value>),
    /// Its text, whether it was a template with `${…}` parts, and its line.
    Str(String, bool, usize),
    /// A name, to be looked up: `guide`.
    Name(String),
    /// A call of a named function: `guideItems()`.
    Call(String),
    /// `...x` inside an array.
    Spread(Box<Value>),
    Unknown,
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields, _) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn str(&self) -> Option<(&str, bool)> {
        match self {
            Value::Str(s, interpolated, _) => Some((s, *interpolated)),
            _ => None,
        }
    }
}

/// Deeper than this, a value is not data anyone wrote by hand: it is stepped over.
const MAX_DEPTH: usize = 64;

/// Reads values out of a token list.
pub struct Reader<'a> {
    toks: &'a [(Tok, usize)],
    /// For each opening bracket, the index of the bracket that closes it (the end when none
    /// does): stepping over a value costs one jump, not a walk through everything inside it,
    /// so no nesting makes reading a config slow.
    close: Vec<usize>,
    /// Names and functions looked up so far (see `MAX_LOOKUPS`).
    lookups: Cell<usize>,
}

/// Names and functions a reader looks up: enough for any real config, few enough that a file
/// written to make it search (30,000 spreads of names over 150,000 declarations took two
/// minutes) cannot. Each lookup walks the file once.
const MAX_LOOKUPS: usize = 64;

impl<'a> Reader<'a> {
    pub fn new(toks: &'a [(Tok, usize)]) -> Self {
        let mut close = vec![toks.len(); toks.len()];
        let mut open = Vec::new();
        for (i, (t, _)) in toks.iter().enumerate() {
            match t {
                Tok::Punct('(' | '[' | '{') => open.push(i),
                Tok::Punct(')' | ']' | '}') => {
                    if let Some(o) = open.pop() {
                        close[o] = i;
                    }
                }
                _ => {}
            }
        }
        Reader {
            toks,
            close,
            lookups: Cell::new(0),
        }
    }

    fn is(&self, i: usize, c: char) -> bool {
        matches!(self.toks.get(i), Some((Tok::Punct(p), _)) if *p == c)
    }

    fn ident(&self, i: usize) -> Option<&str> {
        match self.toks.get(i) {
            Some((Tok::Ident(w), _)) => Some(w),
            _ => None,
        }
    }

    /// The index after the value starting at `i` and anything that follows it up to the next
    /// `,`, `;` or closing bracket of the enclosing level.
    fn skip_rest(&self, mut i: usize) -> usize {
        while let Some((t, _)) = self.toks.get(i) {
            match t {
                Tok::Punct('(' | '[' | '{') => i = self.close[i],
                Tok::Punct(')' | ']' | '}' | ',' | ';') => return i,
                _ => {}
            }
            i += 1;
        }
        // Past an opening bracket nothing closes: the end.
        i.min(self.toks.len())
    }

    /// The value starting at token `i`, and the index after it.
    fn value(&self, i: usize, depth: usize) -> (Value, usize) {
        if depth > MAX_DEPTH {
            return (Value::Unknown, self.skip_rest(i));
        }
        let Some((tok, line)) = self.toks.get(i) else {
            return (Value::Unknown, i);
        };
        let (v, next) = match tok {
            Tok::Punct('{') => self.object(i + 1, *line, depth),
            Tok::Punct('[') => self.array(i + 1, depth),
            // `({ ... })`: the value in parentheses.
            Tok::Punct('(') if !self.is(i + 1, ')') => {
                let (v, n) = self.value(i + 1, depth + 1);
                (v, if self.is(n, ')') { n + 1 } else { n })
            }
            Tok::Str(s, interpolated) => (Value::Str(s.clone(), *interpolated, *line), i + 1),
            Tok::Ident(w) if self.is(i + 1, '(') => (Value::Call(w.clone()), i + 1),
            Tok::Ident(w) if !self.is(i + 1, '.') => (Value::Name(w.clone()), i + 1),
            _ => (Value::Unknown, i),
        };
        // `as const`, `satisfies T`, a call's arguments, a member access: stepped over.
        (v, self.skip_rest(next))
    }

    fn object(&self, mut i: usize, line: usize, depth: usize) -> (Value, usize) {
        let mut fields = Vec::new();
        loop {
            match self.toks.get(i) {
                None => return (Value::Object(fields, line), i),
                Some((Tok::Punct('}'), _)) => return (Value::Object(fields, line), i + 1),
                Some((Tok::Punct(','), _)) => i += 1,
                Some((tok, _)) => {
                    let key = match tok {
                        Tok::Ident(w) => Some(w.clone()),
                        Tok::Str(s, false) => Some(s.clone()),
                        _ => None,
                    };
                    match key {
                        Some(k) if self.is(i + 1, ':') => {
                            let (v, next) = self.value(i + 2, depth + 1);
                            fields.push((k, v));
                            i = next;
                        }
                        // Shorthand: `{ sidebar }`.
                        Some(k) if self.is(i + 1, ',') || self.is(i + 1, '}') => {
                            fields.push((k.clone(), Value::Name(k)));
                            i += 1;
                        }
                        _ => i = self.skip_rest(i + 1),
                    }
                }
            }
            if i >= self.toks.len() {
                return (Value::Object(fields, line), i);
            }
            // Whatever `skip_rest` stopped at that is not ours: a stray closing bracket.
            if matches!(self.toks[i].0, Tok::Punct(')' | ']')) {
                i += 1;
            }
        }
    }

    fn array(&self, mut i: usize, depth: usize) -> (Value, usize) {
        let mut items = Vec::new();
        loop {
            match self.toks.get(i) {
                None => return (Value::Array(items), i),
                Some((Tok::Punct(']'), _)) => return (Value::Array(items), i + 1),
                Some((Tok::Punct(','), _)) => i += 1,
                Some((Tok::Punct('.'), _)) if self.is(i + 1, '.') && self.is(i + 2, '.') => {
                    let (v, next) = self.value(i + 3, depth + 1);
                    items.push(Value::Spread(Box::new(v)));
                    i = next;
                }
                Some(_) => {
                    let (v, next) = self.value(i, depth + 1);
                    items.push(v);
                    i = if next == i { i + 1 } else { next };
                }
            }
            if matches!(self.toks.get(i), Some((Tok::Punct(')' | '}'), _))) {
                i += 1;
            }
        }
    }

    /// Whether one more lookup is within the budget, counting it.
    fn spend(&self) -> bool {
        let n = self.lookups.get();
        self.lookups.set(n + 1);
        n < MAX_LOOKUPS
    }

    /// The value a name is declared with: `const name = …`, `const name: T = …`; `None` once
    /// the lookups are spent.
    pub fn declared(&self, name: &str) -> Option<Value> {
        if !self.spend() {
            return None;
        }
        self.find_declared(name)
    }

    fn find_declared(&self, name: &str) -> Option<Value> {
        (0..self.toks.len()).find_map(|i| {
            let kw = self.ident(i)?;
            if !matches!(kw, "const" | "let" | "var") || self.ident(i + 1) != Some(name) {
                return None;
            }
            let eq = (i + 2..self.skip_rest(i + 2) + 1).find(|&k| self.is(k, '='))?;
            // `const items = () => [...]`
            self.arrow_body(eq + 1)
                .or_else(|| Some(self.value(eq + 1, 0).0))
        })
    }

    /// What a named function returns: `function name() { return … }` or an arrow function;
    /// `None` once the lookups are spent.
    pub fn returned(&self, name: &str) -> Option<Value> {
        if !self.spend() {
            return None;
        }
        let by_function = (0..self.toks.len()).find_map(|i| {
            if self.ident(i) != Some("function") || self.ident(i + 1) != Some(name) {
                return None;
            }
            // The body: the first `{` after the parameters' `)` at depth 0.
            let mut k = i + 2;
            let mut depth = 0usize;
            while k < self.toks.len() {
                match self.toks[k].0 {
                    Tok::Punct('(') => depth += 1,
                    Tok::Punct(')') => depth = depth.saturating_sub(1),
                    Tok::Punct('{') if depth == 0 => break,
                    _ => {}
                }
                k += 1;
            }
            self.first_return(k + 1)
        });
        by_function.or_else(|| self.find_declared(name))
    }

    /// The value of the first `return` at the top level of the block starting at `i`.
    fn first_return(&self, mut i: usize) -> Option<Value> {
        let mut depth = 0usize;
        while let Some((t, _)) = self.toks.get(i) {
            match t {
                Tok::Punct('{' | '(' | '[') => depth += 1,
                Tok::Punct('}' | ')' | ']') => {
                    if depth == 0 {
                        return None;
                    }
                    depth -= 1;
                }
                Tok::Ident(w) if w == "return" && depth == 0 => {
                    return Some(self.value(i + 1, 0).0);
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// The value of an arrow function whose parameters start at `i`: `() => value` or
    /// `() => { return value }`; `None` when no arrow function starts there.
    fn arrow_body(&self, i: usize) -> Option<Value> {
        if !self.is(i, '(') {
            return None;
        }
        let mut k = i;
        let mut depth = 0usize;
        while k < self.toks.len() {
            match self.toks[k].0 {
                Tok::Punct('(') => depth += 1,
                Tok::Punct(')') => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        // Past `)`, an optional return type (`: Item[]`), to `=>`.
        if !(self.is(k + 1, '=') || self.is(k + 1, ':')) {
            return None;
        }
        let arrow = (k + 1..self.toks.len().min(k + 64))
            .find(|&j| self.is(j, '=') && self.is(j + 1, '>'))?;
        if self.is(arrow + 2, '{') {
            self.first_return(arrow + 3)
        } else {
            Some(self.value(arrow + 2, 0).0)
        }
    }

    /// The file's one value, when it is nothing but a literal (a JSON file).
    pub fn whole(&self) -> Option<Value> {
        let (v, end) = self.value(0, 0);
        (end >= self.toks.len() && v != Value::Unknown).then_some(v)
    }

    /// What the file exports: `export default …` or `module.exports = …`, a name looked up.
    pub fn exported(&self) -> Option<Value> {
        let at = (0..self.toks.len()).find_map(|i| {
            if self.ident(i) == Some("export") && self.ident(i + 1) == Some("default") {
                Some(i + 2)
            } else if self.ident(i) == Some("module")
                && self.is(i + 1, '.')
                && self.ident(i + 2) == Some("exports")
                && self.is(i + 3, '=')
            {
                Some(i + 4)
            } else {
                None
            }
        })?;
        match self.value(at, 0).0 {
            Value::Name(n) => self.declared(&n),
            v => Some(v),
        }
    }

    /// The arrays the file assigns or exports (`export const navbar = [...]`, `const zh =
    /// navbar([...])`, `export default [...]`), in the file's order: a navigation kept in a file
    /// of its own, whatever its names.
    pub fn assigned_arrays(&self, max: usize) -> Vec<Value> {
        let mut out = Vec::new();
        for i in 0..self.toks.len() {
            if out.len() >= max {
                break;
            }
            let after_default =
                self.ident(i) == Some("default") && self.ident(i.wrapping_sub(1)) == Some("export");
            let assigned = self.is(i, '=')
                && !self.is(i + 1, '=')
                && !self.is(i + 1, '>')
                && !self.is(i.wrapping_sub(1), '=')
                && !self.is(i.wrapping_sub(1), '!');
            if !(assigned || after_default) {
                continue;
            }
            // Past one wrapping call (`navbar(`, `defineNavbar(`), an array.
            let mut at = i + 1;
            if self.ident(at).is_some() && self.is(at + 1, '(') {
                at += 2;
            }
            if self.is(at, '[')
                && let (v @ Value::Array(_), _) = self.value(at, 0)
            {
                out.push(v);
            }
        }
        out
    }

    /// `v`, its names and calls looked up (`sidebar` → what `const sidebar = …` holds), as far
    /// as they lead to literal data.
    pub fn resolve(&self, v: Value) -> Value {
        let mut v = v;
        // A name may stand for another name: a few steps, not a loop.
        for _ in 0..=8 {
            let found = match &v {
                Value::Name(n) => self.declared(n),
                Value::Call(n) => self.returned(n),
                _ => return v,
            };
            match found {
                Some(f) => v = f,
                None => return Value::Unknown,
            }
        }
        Value::Unknown
    }

    /// The values of a property `key` anywhere in the file, the first `max`: `key: value`, or
    /// the shorthand `{ key }`.
    pub fn properties(&self, key: &str, max: usize) -> Vec<(Value, usize)> {
        let mut out = Vec::new();
        for i in 0..self.toks.len() {
            if out.len() >= max {
                break;
            }
            if self.ident(i) != Some(key)
                || !(self.is(i.wrapping_sub(1), '{') || self.is(i.wrapping_sub(1), ','))
            {
                continue;
            }
            let line = self.toks[i].1;
            if self.is(i + 1, ':') {
                out.push((self.value(i + 2, 0).0, line));
            } else if self.is(i + 1, ',') || self.is(i + 1, '}') {
                out.push((Value::Name(key.to_owned()), line));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(src: &str) -> Value {
        let toks = tokens(src);
        Reader::new(&toks).value(0, 0).0
    }

    #[test]
    fn strings_templates_comments_and_regexes() {
        let toks: Vec<Tok> =
            tokens("a /* x */ 'it\\'s' // c\n `v${n - 1} 迁移` x.replace(/'|\"/g, '') \"q\"")
                .into_iter()
                .map(|t| t.0)
                .collect();
        assert_eq!(toks[0], Tok::Ident("a".into()));
        assert_eq!(toks[1], Tok::Str("it's".into(), false));
        assert_eq!(toks[2], Tok::Str("v 迁移".into(), true));
        // The regex's quotes open no string: the last token is the string "q".
        assert_eq!(toks.last(), Some(&Tok::Str("q".into(), false)));
    }

    #[test]
    fn objects_arrays_names_and_calls() {
        let v = value(
            "{ text: '指引', items: [{ text: 'A', link: '/a' }, ...more(), b], base: x, f() { return 1 }, 'k-2': `t` } as const",
        );
        assert_eq!(v.get("text").and_then(Value::str), Some(("指引", false)));
        let Some(Value::Array(items)) = v.get("items") else {
            panic!("{v:?}")
        };
        assert_eq!(items.len(), 3);
        assert_eq!(
            items[0].get("link").and_then(Value::str),
            Some(("/a", false))
        );
        assert_eq!(
            items[1],
            Value::Spread(Box::new(Value::Call("more".into())))
        );
        assert_eq!(items[2], Value::Name("b".into()));
        assert_eq!(v.get("base"), Some(&Value::Name("x".into())));
        assert_eq!(v.get("k-2").and_then(Value::str), Some(("t", false)));
    }

    #[test]
    fn names_and_functions_are_looked_up() {
        let toks = tokens(
            "const guide: Item[] = [{ text: 'g' }]\nfunction items(): Item[] { const x = 1; return [{ text: 'i' }] }\nconst arrow = () => ({ text: 'a' })",
        );
        let r = Reader::new(&toks);
        assert!(matches!(r.declared("guide"), Some(Value::Array(a)) if a.len() == 1));
        assert!(matches!(r.returned("items"), Some(Value::Array(a)) if a[0].get("text").is_some()));
        assert_eq!(r.declared("nothing"), None);
    }

    #[test]
    fn lookups_are_bounded_per_file() {
        let toks = tokens("const a = ['x']\nfunction f() { return ['y'] }");
        let r = Reader::new(&toks);
        for _ in 0..MAX_LOOKUPS / 2 {
            assert!(r.declared("a").is_some() && r.returned("f").is_some());
        }
        // Spent: a file that makes its reader search gets nothing more, not minutes of work.
        assert_eq!(r.declared("a"), None);
        assert_eq!(r.returned("f"), None);
    }

    #[test]
    fn unbalanced_and_deep_input_ends() {
        for src in [
            "{",
            "[",
            "{ a: [ { b: ",
            "}}]]))",
            "`${",
            "'",
            "/",
            &"[".repeat(10_000),
        ] {
            let toks = tokens(src);
            let r = Reader::new(&toks);
            let _ = r.value(0, 0);
            let _ = r.properties("sidebar", 64);
        }
    }
}
