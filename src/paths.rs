//! Paths and URLs, below every stage: content paths (`a/b.md`, relative to `content/`, always
//! with `/`), site URLs (`a/b/`, relative to the site root, `` for the home page) and the
//! relative links between pages that make the output work at any base and from disk.

use std::path::{Path, PathBuf};

/// `a/b/c.md` → `a/b`; `c.md` → ``.
pub fn parent_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(p, _)| p)
}

/// A relative file-system path as a content path: its components joined with `/` on every
/// platform.
pub fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The id of a heading, by GitHub's rules, so anchors written against GitHub, VitePress or
/// Gitea resolve: the text lower-cased, letters and digits of every script kept (`注意事项` stays
/// `注意事项`), `-` and `_` kept, each space a `-`, everything else dropped. A heading with
/// nothing left gets `section`.
pub fn heading_id(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if c == '_' || c == '-' {
            id.push(c);
        } else if c == ' ' {
            id.push('-');
        }
    }
    if id.is_empty() {
        "section".to_owned()
    } else {
        id
    }
}

/// Whether a content path matches a `copy:` entry of the config: a path, a folder (`docs/`),
/// or a pattern where `*` is any part of one name and `**` any run of folders (`*.pdf`,
/// `downloads/**`). A pattern without `/` matches names in any folder.
pub fn pattern_matches(pattern: &str, path: &str) -> bool {
    let pattern = pattern
        .trim()
        .trim_start_matches("./")
        .trim_start_matches('/');
    if let Some(folder) = pattern.strip_suffix('/') {
        return path.starts_with(folder) && path.as_bytes().get(folder.len()) == Some(&b'/');
    }
    if !pattern.contains('/') {
        let name = path.rsplit('/').next().unwrap_or(path);
        return glob(pattern.as_bytes(), name.as_bytes());
    }
    glob(pattern.as_bytes(), path.as_bytes())
}

/// `*` matches within one name, `**` across names. The pattern is read once, left to right,
/// keeping the set of path positions it can have reached: no backtracking (tried naively,
/// `*a*a*a*a*a*a*a*a*b` against a long name of `a`s hung a build) and no recursion (a pattern
/// of 80,000 `*` overflowed the stack).
fn glob(p: &[u8], s: &[u8]) -> bool {
    let mut reached = vec![false; s.len() + 1];
    reached[0] = true;
    let mut pi = 0;
    while pi < p.len() {
        let mut next = vec![false; s.len() + 1];
        if p[pi..].starts_with(b"**") {
            // Any run of characters, `/` included, from the first position reached on.
            if let Some(first) = reached.iter().position(|&r| r) {
                next[first..].iter_mut().for_each(|n| *n = true);
            }
            pi += 2;
            if p.get(pi) == Some(&b'/') {
                pi += 1;
            }
        } else if p[pi] == b'*' {
            // Any run of characters within one name.
            let mut open = false;
            for (i, n) in next.iter_mut().enumerate() {
                open = reached[i] || (open && s[i - 1] != b'/');
                *n = open;
            }
            pi += 1;
        } else {
            for i in 0..s.len() {
                next[i + 1] = reached[i] && s[i] == p[pi];
            }
            pi += 1;
        }
        if !next.contains(&true) {
            return false;
        }
        reached = next;
    }
    reached[s.len()]
}

/// The id VitePress (and markdown-it-anchor sites) give a heading: runs of punctuation and
/// spaces become one `-`, trimmed, lower-cased, a leading digit prefixed with `_`
/// (`server.host` → `server-host`). Headings get it as a second id when it differs from
/// [`heading_id`], so links written for a VitePress site resolve.
pub fn vitepress_id(text: &str) -> String {
    const SPECIAL: &str = "~`!@#$%^&*()-_+=[]{}|\\;:\"'“”‘’<>,.?/";
    let mut id = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_control() || ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        if c.is_whitespace() || SPECIAL.contains(c) {
            if !id.ends_with('-') {
                id.push('-');
            }
        } else {
            id.extend(c.to_lowercase());
        }
    }
    let id = id.trim_matches('-');
    match id.chars().next() {
        Some(c) if c.is_ascii_digit() => format!("_{id}"),
        _ => id.to_owned(),
    }
}

/// The name a page's file gives it (`guide/install.md` → `install`; an index's, its folder's:
/// `insiders/index.md` → `insiders`), for tools that title a page without a title so.
pub fn page_name(rel: &str) -> Option<&str> {
    let mut parts = rel.rsplit('/');
    let file = parts.next()?;
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    match stem {
        "index" | "README" => parts.next(),
        _ => Some(stem),
    }
}

/// A name's number prefix, as Docusaurus and many sites order files (`01-intro.md`,
/// `2. 安装`): the number and the name without it. A name that is only a number keeps it.
pub fn number_prefix(name: &str) -> (Option<u64>, &str) {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &name[digits..];
    let Some(sep) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '_' | '.' | ' '))
    else {
        return (None, name);
    };
    let rest = rest[sep.len_utf8()..].trim_start();
    if digits == 0 || rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return (None, name);
    }
    (name[..digits].parse().ok(), rest)
}

/// The number a file or folder name starts with, as its author's order: a number prefix, or
/// two digits or more run straight into a word (`01quickstart.md`, RocketMQ's docs), which no
/// tool strips from the URL but Docusaurus and a file manager sort by. One digit so run is a
/// name (`2fa.md`, `3d-printing.md`), which must not jump to the top of its section; an
/// ordinal is a number however short (CloudWeGo's weekly reports `5th/` … `21th/` came out as
/// 10th … 21th, then 5th … 9th).
pub fn order_number(name: &str) -> Option<u64> {
    number_prefix(name).0.or_else(|| {
        let digits = name.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &name[digits..];
        let next = rest.chars().next()?;
        let ordinal = ["st", "nd", "rd", "th"].iter().any(|o| {
            rest.get(..2).is_some_and(|r| r.eq_ignore_ascii_case(o))
                && !rest[2..].starts_with(|c: char| c.is_alphabetic())
        });
        (digits >= 1 && (ordinal || (digits >= 2 && next.is_alphabetic())))
            .then(|| name[..digits].parse().ok())?
    })
}

/// Whether a resolved path is one of the system's own trees (`/proc`, `/sys`, `/dev`): their
/// files say they are empty and are not (`/proc/self/pagemap` reads for gigabytes), or never
/// end, or hold a process's secrets (`/proc/self/environ`). Nothing of a site is there.
pub fn is_system_path(path: &Path) -> bool {
    ["/proc", "/sys", "/dev"]
        .iter()
        .any(|root| path.starts_with(root))
}

/// A file's bytes, when it is a regular file (through symbolic links): opening a named pipe
/// waits for a writer that never comes (a `mkfifo content/a.md` hung the build), and a device
/// never ends.
pub fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    regular_file(path)?;
    std::fs::read(path)
}

fn regular_file(path: &Path) -> std::io::Result<()> {
    if std::fs::metadata(path)?.is_file() {
        Ok(())
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is not a regular file (a folder, a pipe, a device or a socket)",
        ))
    }
}

/// A file's bytes, read up to `max` and no further (`None` past it): what a file's size says
/// is not trusted, as files of `/proc` say 0. Only a regular file is read (see `read_file`).
pub fn read_capped(path: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    regular_file(path)?;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(max + 1)
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// The folders helpcenter writes its own pages in (the search page, the related-articles index,
/// the tag pages): no page or group of the site may take them, in any case.
pub const GENERATED_FOLDERS: &[&str] = &["search/", "related/", "tags/"];

/// The file every output carries, so a later build knows the folder is its own to replace (and
/// the content walk knows a folder it must not publish).
pub const OUTPUT_MARKER: &str = ".helpcenter-output";

/// The folder carries the marker, or is an output of a version from before the marker.
pub fn is_earlier_output(dir: &Path) -> bool {
    dir.join(OUTPUT_MARKER).is_file()
        || std::fs::read(dir.join("search/manifest.js"))
            .is_ok_and(|b| b.starts_with(b"helpcenterSearch.manifest("))
}

/// The longest file or folder name ext4, APFS and NTFS take, in bytes (90 Chinese characters).
const MAX_NAME_BYTES: usize = 255;
/// The problem [`segment_problem`] gives for a name past `MAX_NAME_BYTES`, for callers whose
/// hint differs (shorten it, rather than use other characters).
pub const TOO_LONG: &str =
    "more than 255 bytes, longer than a file name can be (a Chinese character takes 3)";

/// Why `seg` cannot be one segment of a path written into the output, if it cannot: once
/// trimmed it must not be empty, `.` or `..`, and it must hold no backslash (a separator on
/// Windows), no control character (NUL included) and at most 255 bytes (found here, a long tag
/// is an error on its line; found when writing, it failed the build naming no source).
pub fn segment_problem(seg: &str) -> Option<&'static str> {
    let t = seg.trim();
    if t.is_empty() {
        Some("an empty name")
    } else if t == "." || t == ".." {
        Some("`.` or `..`, which would climb out of its folder")
    } else if seg.contains('\\') {
        Some("a backslash")
    } else if seg.chars().any(char::is_control) {
        Some("a control character")
    } else if seg.len() > MAX_NAME_BYTES {
        Some(TOO_LONG)
    } else {
        None
    }
}

/// A file or folder name that is not UTF-8 is shown with `�` for its bytes: two such names
/// would be one file of the output, and one alone would be published under another name.
pub const NOT_UTF8: &str = "bytes that are not UTF-8 (shown as `\\xNN`)";

/// Why a file or folder name read from disk cannot be part of a URL, if it cannot.
pub fn name_problem(name: &std::ffi::OsStr) -> Option<&'static str> {
    match name.to_str() {
        Some(name) => segment_problem(name),
        None => Some(NOT_UTF8),
    }
}

/// Why `path` (segments joined by `/`, relative, a trailing `/` allowed) cannot be written into
/// the output, if it cannot: the problem of its first bad segment, or a leading `/`.
pub fn path_problem(path: &str) -> Option<&'static str> {
    if path.starts_with('/') {
        return Some("an absolute path");
    }
    let path = path.strip_suffix('/').unwrap_or(path);
    path.split('/').find_map(segment_problem)
}

/// `path` with `.` and `..` worked out on its text, without asking the file system: where a
/// path to a file that does not exist points. A `..` above a relative path's start stays.
pub fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            c => out.push(c),
        }
    }
    out
}

/// Joins a relative path onto a folder of `content/`, resolving `.` and `..`; `None` if it climbs
/// out of `content/`.
pub fn join_rel(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in dir.split('/').chain(rel.split('/')) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The relative URL from the page at `from` (a folder URL such as `a/b/`, or `` for the root)
/// to `to` (relative to the site root).
pub fn relative_url(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let from_dirs = if from.ends_with('/') || from.is_empty() {
        &from_dirs[..]
    } else {
        &from_dirs[..from_dirs.len().saturating_sub(1)]
    };
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(to_parts.iter())
        .take_while(|(a, b)| a == b)
        .count()
        .min(to_parts.len().saturating_sub(1));
    let mut s = "../".repeat(from_dirs.len() - common);
    s.push_str(&to_parts[common..].join("/"));
    if s.is_empty() { "./".to_owned() } else { s }
}

/// The prefix that leads from the page at `url` back to the site root: `./` for the root,
/// `../../` for `a/b/`. Templates put it before every site URL.
pub fn root_of(url: &str) -> String {
    let depth = url.split('/').filter(|s| !s.is_empty()).count();
    if depth == 0 {
        "./".to_owned()
    } else {
        "../".repeat(depth)
    }
}

/// The file a page URL is written to: `a/b/` → `a/b/index.html`.
pub fn page_file(url: &str) -> String {
    format!("{url}index.html")
}

/// True for links that leave the site: a scheme (`https:`, `mailto:`) or a protocol-relative
/// `//host`.
pub fn is_external(d: &str) -> bool {
    if d.starts_with("//") {
        return true;
    }
    match d.find(':') {
        Some(colon) => {
            let scheme = &d[..colon];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !d[..colon].contains('/')
        }
        None => false,
    }
}

/// The content path a Markdown source is known by: `x.md` as it is, and Docusaurus's MDX file
/// `x.mdx` as `x.md`, so every stage after loading (pages, links, ids, URLs) sees one kind of
/// source; `None` for any other file. Its messages still name the file as it is on disk.
pub fn markdown_path(rel: &str) -> Option<String> {
    // `.markdown`: Jekyll's, Hugo's and Hexo's other name for Markdown (jekyllcn's 50 posts);
    // any case (`README.MD`, `Guide.Md`), as the tools and editors read them.
    [".md", ".mdx", ".markdown"].iter().find_map(|ext| {
        let stem = rel.len().checked_sub(ext.len())?;
        let tail = rel.get(stem..)?;
        tail.eq_ignore_ascii_case(ext)
            .then(|| format!("{}.md", &rel[..stem]))
    })
}

/// What a Hugo `{{< ref >}}` leaves in a link's destination before the path it names: such a
/// path is found as Hugo finds it (relative to the page, then from the root, then by the page's
/// name anywhere in the site), which a link written by hand never is. Not a URL scheme any page
/// is served under, so it cannot name another site.
pub const HUGO_REF: &str = "hugo-ref:";

/// Decodes `%XX` escapes, working on bytes so a `%` before any character (`100%优惠`) is
/// kept as written; invalid UTF-8 in the result is replaced, never an error or a panic.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A site URL (or a relative one made of site URLs) as it is written into `href` and `src`: the
/// characters that would end or change a URL path — space, `"`, `#`, `%`, `<`, `>`, `?`, `\\`,
/// `^`, `` ` ``, `{`, `|`, `}`, control characters — are percent-encoded, so a folder named
/// `sec #1?%` still links to itself. Other characters, Chinese included, stay readable: browsers
/// and hosts take them as they are — except the invisible ones (zero-width spaces, direction
/// overrides such as U+202E), which would make a shared link read as another.
pub fn href(url: &str) -> String {
    if !url.bytes().any(needs_escape) && (url.is_ascii() || !url.chars().any(invisible)) {
        return url.to_owned();
    }
    let mut out = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        if (c.is_ascii() && needs_escape(c as u8)) || invisible(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// Appends `c` as the `%XX` escapes of its UTF-8 bytes.
pub fn push_escaped(out: &mut String, c: char) {
    let mut bytes = [0; 4];
    for b in c.encode_utf8(&mut bytes).bytes() {
        out.push_str(&format!("%{b:02X}"));
    }
}

/// Characters that show as nothing, or turn the text around them: written raw in a link, a
/// file named `invoice\u{202E}fdp.exe` reads as `invoiceexe.pdf`.
pub fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == 0x7f || b" \"#%<>?\\^`{|}".contains(&b)
}

/// Percent-encodes a URL path for places that need an absolute URL (sitemap, feed, canonical).
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_paths_climb_only_as_far_as_their_start() {
        for (path, want) in [
            ("/a/b/../../../../etc/passwd", "/etc/passwd"),
            ("site/content/x/./../y.md", "site/content/y.md"),
            ("../a/../../b", "../../b"),
            ("a/..", ""),
        ] {
            assert_eq!(lexical(Path::new(path)), Path::new(want), "{path}");
        }
    }

    #[test]
    fn markdown_in_any_case_is_known_by_its_md_path() {
        for (file, path) in [
            ("a/b.md", Some("a/b.md")),
            ("README.MD", Some("README.md")),
            ("x.Mdx", Some("x.md")),
            ("y.MARKDOWN", Some("y.md")),
            ("说明.md", Some("说明.md")),
            ("z.mdown", None),
            ("md", None),
            ("图.png", None),
        ] {
            assert_eq!(markdown_path(file).as_deref(), path, "{file}");
        }
    }

    #[test]
    fn relative_urls() {
        assert_eq!(relative_url("a/b/", "c/d/"), "../../c/d/");
        assert_eq!(relative_url("", "c/d/"), "c/d/");
        assert_eq!(relative_url("a/b/", "a/x/"), "../x/");
        assert_eq!(relative_url("a/b/", ""), "../../");
        assert_eq!(relative_url("a/", "a/"), "./");
        assert_eq!(relative_url("a/b/", "a/b/img.png"), "img.png");
    }

    #[test]
    fn joins_stay_inside_content() {
        assert_eq!(join_rel("a/b", "../c.md").as_deref(), Some("a/c.md"));
        assert_eq!(join_rel("a", "./x/../y.md").as_deref(), Some("a/y.md"));
        assert_eq!(join_rel("a", "../../x.md"), None);
    }

    #[test]
    fn roots_and_files() {
        assert_eq!(root_of(""), "./");
        assert_eq!(root_of("a/b/"), "../../");
        assert_eq!(page_file("a/"), "a/index.html");
        assert_eq!(parent_of("a/b/c.md"), "a/b");
        assert_eq!(parent_of("c.md"), "");
    }

    #[test]
    fn percent_decoding_never_splits_a_character() {
        assert_eq!(percent_decode("100%优惠"), "100%优惠");
        assert_eq!(percent_decode("%a\u{e9}"), "%a\u{e9}");
        assert_eq!(percent_decode("%E5%BE%AE%"), "微%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{fffd}");
    }

    #[test]
    fn segments_that_could_leave_the_output() {
        for bad in ["", " ", ".", " .. ", "a\\b", "a\0b", "a\nb"] {
            assert!(segment_problem(bad).is_some(), "{bad:?}");
        }
        for ok in ["a", "注意事项", "a b", "...", ".well-known", "a%2e"] {
            assert_eq!(segment_problem(ok), None, "{ok:?}");
        }
        assert_eq!(path_problem("a/b/"), None);
        assert!(path_problem("a//b").is_some());
        assert!(path_problem("a/../b").is_some());
        assert!(path_problem("/etc/passwd").is_some());
        assert!(path_problem("").is_some());
    }

    #[test]
    fn hrefs_escape_what_would_end_a_path() {
        assert_eq!(href("sec #1?%/x/"), "sec%20%231%3F%25/x/");
        assert_eq!(href("账户/改密码/"), "账户/改密码/");
        assert_eq!(href("../a b.png"), "../a%20b.png");
        assert_eq!(
            percent_decode(&href("a\"<>\\^`{|}\u{7f}")),
            "a\"<>\\^`{|}\u{7f}"
        );
        // Invisible and direction-turning characters are encoded; Chinese stays as it is.
        assert_eq!(href("发票\u{202E}fdp.exe/"), "发票%E2%80%AEfdp.exe/");
        assert_eq!(href("a\u{200B}b/"), "a%E2%80%8Bb/");
        assert_eq!(
            percent_decode(&href("发票\u{202E}fdp/")),
            "发票\u{202E}fdp/"
        );
    }

    #[test]
    fn heading_ids_follow_githubs_rules() {
        assert_eq!(heading_id("注意事项"), "注意事项");
        assert_eq!(heading_id("一、关闭前的准备"), "一关闭前的准备");
        assert_eq!(heading_id("Face ID 设置"), "face-id-设置");
        assert_eq!(
            heading_id("TiDB 中文技术文档风格 — 极简指南"),
            "tidb-中文技术文档风格--极简指南"
        );
        assert_eq!(heading_id("Promise.all()"), "promiseall");
        assert_eq!(heading_id("a_b - c"), "a_b---c");
        assert_eq!(heading_id("！？"), "section");
    }

    #[test]
    fn copy_patterns() {
        assert!(pattern_matches("*.pdf", "a/b/guide.pdf"));
        assert!(!pattern_matches("*.pdf", "a/guide.pdf.txt"));
        assert!(pattern_matches("downloads/", "downloads/x/y.zip"));
        assert!(!pattern_matches("downloads/", "downloads.zip"));
        assert!(pattern_matches("docs/*.png", "docs/a.png"));
        assert!(!pattern_matches("docs/*.png", "docs/x/a.png"));
        assert!(pattern_matches("docs/**/*.png", "docs/x/y/a.png"));
        assert!(pattern_matches("/LICENSE", "LICENSE"));
        // Many stars against a long name that almost matches: answered at once, not after an
        // exponential search.
        let name = format!("{}.pdf", "a".repeat(200));
        assert!(!pattern_matches("*a*a*a*a*a*a*a*a*a*a*a*a*b", &name));
        assert!(pattern_matches(
            "**/*a*a*a*a*a*a*a*a*a*.pdf",
            &format!("x/y/{name}")
        ));
        // 80,000 stars (a recursive matcher overflowed the stack) and 20,000 `**/`.
        assert!(pattern_matches(&"*".repeat(80_000), &name));
        assert!(pattern_matches(
            &format!("{}*.pdf", "**/".repeat(20_000)),
            "a/b.pdf"
        ));
    }

    /// The matcher as first written (exponential, but plainly right), to check the memoized one.
    fn naive_glob(p: &[u8], s: &[u8]) -> bool {
        match p {
            [] => s.is_empty(),
            [b'*', b'*', rest @ ..] => {
                let rest = rest.strip_prefix(b"/").unwrap_or(rest);
                (0..=s.len()).any(|i| naive_glob(rest, &s[i..]))
            }
            [b'*', rest @ ..] => (0..=s.len())
                .take_while(|&i| i == 0 || s[i - 1] != b'/')
                .any(|i| naive_glob(rest, &s[i..])),
            [c, rest @ ..] => s.first() == Some(c) && naive_glob(rest, &s[1..]),
        }
    }

    #[test]
    fn vitepress_ids() {
        assert_eq!(vitepress_id("server.host"), "server-host");
        assert_eq!(
            vitepress_id("resolve.tsconfigPaths"),
            "resolve-tsconfigpaths"
        );
        assert_eq!(vitepress_id("2. 安装 Vite"), "_2-安装-vite");
        assert_eq!(
            vitepress_id("build.rollupOptions (rolldownOptions)"),
            "build-rollupoptions-rolldownoptions"
        );
    }

    #[test]
    fn number_prefixes() {
        assert_eq!(number_prefix("01-intro"), (Some(1), "intro"));
        assert_eq!(number_prefix("2. 安装"), (Some(2), "安装"));
        assert_eq!(number_prefix("10_config.md"), (Some(10), "config.md"));
        assert_eq!(number_prefix("2024"), (None, "2024"));
        assert_eq!(number_prefix("v1-intro"), (None, "v1-intro"));
        assert_eq!(number_prefix("1.2.3"), (None, "1.2.3"));
        // The order a name gives, with or without a separator.
        assert_eq!(order_number("01quickstart.md"), Some(1));
        assert_eq!(order_number("02-docker.md"), Some(2));
        assert_eq!(order_number("5th"), Some(5));
        assert_eq!(order_number("21th"), Some(21));
        assert_eq!(order_number("1st-report.md"), Some(1));
        assert_eq!(order_number("3rd.md"), Some(3));
        assert_eq!(order_number("4three.md"), None);
        assert_eq!(order_number("5thumbs.md"), None);
        assert_eq!(order_number("12领域模型"), Some(12));
        for none in [
            "2024",
            "1.2.3.md",
            "v1-intro.md",
            "intro.md",
            "404",
            "2fa.md",
        ] {
            assert_eq!(order_number(none), None, "{none}");
        }
    }

    #[test]
    fn external_links() {
        assert!(is_external("https://x.example/"));
        assert!(is_external("mailto:a@b"));
        assert!(is_external("//cdn.example/x.js"));
        assert!(!is_external("a/b.md"));
        assert!(!is_external("a/b:c.md"));
    }

    mod properties {
        use super::super::*;
        use super::naive_glob;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn globs_match_as_the_plain_matcher_does(p in "[ab*/]{0,8}", s in "[ab/]{0,10}") {
                prop_assert_eq!(glob(p.as_bytes(), s.as_bytes()), naive_glob(p.as_bytes(), s.as_bytes()));
            }

            #[test]
            fn decoding_any_text_never_panics(s in "\\PC*") {
                let _ = percent_decode(&s);
            }

            #[test]
            fn an_href_decodes_back_to_its_url(s in "\\PC*") {
                prop_assert_eq!(percent_decode(&href(&s)), s.clone());
                prop_assert!(!href(&s).contains([' ', '#', '?', '"', '<', '>']));
            }

            #[test]
            fn joined_paths_never_climb(dir in "[a-z./]{0,12}", rel in "[a-z./%]{0,16}") {
                if let Some(p) = join_rel(&dir, &rel) {
                    prop_assert!(!p.split('/').any(|s| s == ".." || s == "."), "{}", p);
                }
            }

            #[test]
            fn relative_urls_lead_back_to_their_target(from in "([a-z]{1,3}/){0,3}", to in "([a-z]{1,3}/){0,3}") {
                let rel = relative_url(&from, &to);
                // Resolve `rel` against the folder `from` the way a browser does.
                let mut parts: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
                for seg in rel.split('/') {
                    match seg {
                        ".." => { parts.pop(); }
                        "." | "" => {}
                        s => parts.push(s),
                    }
                }
                let resolved = parts.join("/");
                prop_assert_eq!(resolved, to.trim_end_matches('/'));
            }
        }
    }
}
