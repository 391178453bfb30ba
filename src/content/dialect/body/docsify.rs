//! Docsify (docsify.js.org), which many Chinese projects' docs are written for: its notices
//! `?> 提示` and `!> 重要`, GitHub alerts with their text on the marker's line
//! (`> [!TIP] 文字`), heading ids written `## 标题 :id=custom`, and `':include'` links alone on
//! their line, which embed a file of the site there: its Markdown, or its code (`:type=code`).
//! Others (a web page, a video, a part of a file) stay links, with a warning.

use super::{DIRECTIVE, Transform, callout_directive};

/// A line that is only an `':include'` link to a file of the site that shows as Markdown or
/// code: the file, as the site's includes read it, and how it shows.
pub(super) struct Embed<'a> {
    pub(super) path: &'a str,
    /// The code's language; `None` for Markdown.
    pub(super) code: Option<&'a str>,
    /// `:fragment=name`: only the code between two lines marked `/// [name]` or `### [name]`.
    pub(super) fragment: Option<&'a str>,
    /// `:omitFragmentLine`: the marked lines go, not only their marks.
    pub(super) omit_fragment_line: bool,
    /// `:mdx`: a page an MDX page imports as a component (see `mdx`), read as the page is.
    pub(super) mdx: bool,
}

/// `[名字](_media/example.md ':include')`, `[x](/a.js ":include :type=code :fragment=demo")`.
/// As Docsify reads the type: `:type=`, else by extension (Markdown for `.md`, code for any
/// other than a web page's, an audio's or a video's, which stay links).
pub(super) fn embed(trimmed: &str) -> Option<Embed<'_>> {
    let inner = trimmed.strip_prefix('[')?.strip_suffix(')')?;
    let (_, dest) = inner.split_once("](")?;
    let (path, options) = dest.split_once(char::is_whitespace)?;
    let options = options
        .trim()
        .strip_prefix(['\'', '"'])?
        .strip_suffix(['\'', '"'])?;
    if !options.split_whitespace().any(|w| w == ":include") {
        return None;
    }
    if path.contains("://") || path.starts_with("//") || path.is_empty() {
        return None;
    }
    let mut embed = Embed {
        path,
        code: None,
        fragment: None,
        omit_fragment_line: false,
        mdx: false,
    };
    let mut kind = None;
    for w in options.split_whitespace() {
        if let Some(t) = w.strip_prefix(":type=") {
            kind = Some(t);
        } else if let Some(f) = w.strip_prefix(":fragment=") {
            embed.fragment = Some(f);
        } else if w == ":omitFragmentLine" {
            embed.omit_fragment_line = true;
        } else if w == ":mdx" {
            embed.mdx = true;
        }
    }
    let ext = path
        .split(['?', '#'])
        .next()
        .and_then(|p| p.rsplit_once('.'))
        .map_or("", |(_, e)| e);
    match kind {
        Some("markdown") => {}
        Some("code") => embed.code = Some(ext),
        Some(_) => return None,
        None => match ext {
            "md" | "markdown" => {}
            "html" | "htm" | "mp3" | "mp4" | "ogg" => return None,
            _ => embed.code = Some(ext),
        },
    }
    Some(embed)
}

/// The lines of `text` between the two marked `/// [name]` or `### [name]` (space or none
/// between, as Docsify matches them), their marks left out (or the marked lines, with
/// `omit_line`).
pub(super) fn fragment(text: &str, name: &str, omit_line: bool) -> Option<String> {
    let label = format!("[{name}]");
    // The mark's place in a line: `///` or `###`, spaces, the label.
    let mark = |l: &str| -> Option<(usize, usize)> {
        ["///", "###"].iter().find_map(|m| {
            l.match_indices(m).find_map(|(at, _)| {
                let rest = &l[at + m.len()..];
                let after = rest.trim_start();
                after
                    .starts_with(&label)
                    .then(|| (at, l.len() - after.len() + label.len()))
            })
        })
    };
    let unmarked = |l: &str, (from, to): (usize, usize)| {
        let rest = format!("{}{}", &l[..from], &l[to..]);
        (!omit_line && !rest.trim().is_empty()).then_some(rest)
    };
    let mut lines = text.split('\n');
    let (first, at) = lines.by_ref().find_map(|l| mark(l).map(|m| (l, m)))?;
    let mut out: Vec<String> = unmarked(first, at).into_iter().collect();
    for l in lines {
        if let Some(m) = mark(l) {
            out.extend(unmarked(l, m));
            return Some(out.join("\n"));
        }
        out.push(l.to_owned());
    }
    None
}

/// A Markdown file's text without its front matter, which Docsify leaves out of an embed.
pub(super) fn without_front_matter(text: &str) -> &str {
    match crate::content::front_matter::split(text) {
        Ok((Some(_), body, _)) => body,
        _ => text,
    }
}

impl Transform<'_> {
    /// A notice or an alert with its text beside the marker, as the callouts they are.
    pub(super) fn docsify_notice(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        let (kind, text) = if let Some(text) = trimmed.strip_prefix("?>") {
            ("tip", text.trim())
        } else if let Some(text) = trimmed.strip_prefix("!>") {
            ("important", text.trim())
        } else {
            return self.alert_on_one_line(pad, trimmed, i);
        };
        self.shifted = true;
        self.replace(
            format!("{pad}{DIRECTIVE}{}-->", callout_directive(kind, None)),
            i,
        );
        self.replace(format!("{pad}{text}"), i);
        self.replace(format!("{pad}{DIRECTIVE}end-->"), i);
        Some(())
    }

    /// `> [!TIP] 文字`: the marker on a line of its own, as GitHub and helpcenter read it.
    /// Rspress's `[!INFO]` and `[!DANGER]` are GitHub's NOTE and CAUTION.
    fn alert_on_one_line(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        let rest = trimmed.strip_prefix('>')?.trim_start().strip_prefix("[!")?;
        let (kind, text) = rest.split_once(']')?;
        let kind = kind.to_ascii_uppercase();
        let (kind, alias) = match kind.as_str() {
            "INFO" => ("NOTE".to_owned(), true),
            "DANGER" => ("CAUTION".to_owned(), true),
            _ => (kind, false),
        };
        let known = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"].contains(&kind.as_str());
        if !known || (text.trim().is_empty() && !alias) {
            return None;
        }
        self.replace(format!("{pad}> [!{kind}]"), i);
        if !text.trim().is_empty() {
            self.shifted = true;
            self.replace(format!("{pad}> {}", text.trim()), i);
        }
        Some(())
    }
}

/// A heading's Docsify attributes: `:id=x` becomes `{#x}`, `:docsify-ignore` (and `-all`)
/// goes; any other line is left as it is.
pub(super) fn heading_attributes(line: &str) -> Option<String> {
    if !line.trim_start().starts_with('#') {
        return None;
    }
    attributes_of(line)
}

/// The same for a heading's text alone (a title taken from its `# ` line).
pub(super) fn attributes_of(line: &str) -> Option<String> {
    if !line.contains(" :") {
        return None;
    }
    let mut text = line.to_owned();
    let mut id = None;
    while let Some(at) = text.rfind(" :") {
        let attr = text[at + 2..].trim();
        if let Some(v) = attr.strip_prefix("id=") {
            let v = v.trim();
            if v.is_empty() || v.contains(char::is_whitespace) {
                break;
            }
            id = Some(v.to_owned());
        } else if !matches!(attr, "docsify-ignore" | "docsify-ignore-all") {
            break;
        }
        text.truncate(at);
    }
    if text.len() == line.len() {
        return None;
    }
    let text = text.trim_end().to_owned();
    Some(match id {
        Some(id) => format!("{text} {{#{id}}}"),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use super::{embed, fragment, heading_attributes, without_front_matter};

    #[test]
    fn embeds_by_type_and_extension() {
        let e = embed("[f](_media/a.md ':include')").unwrap();
        assert_eq!((e.path, e.code), ("_media/a.md", None));
        let e = embed("[f](/a.md \":include :type=code :fragment=x :omitFragmentLine\")").unwrap();
        assert_eq!(
            (e.path, e.code, e.fragment),
            ("/a.md", Some("md"), Some("x"))
        );
        assert!(e.omit_fragment_line);
        assert_eq!(embed("[f](a.py ':include')").unwrap().code, Some("py"));
        for not in [
            "[f](a.html ':include')",
            "[f](https://x.org/a.md ':include')",
            "[f](a.md ':include :type=iframe')",
            "[f](a.md ':ignore')",
            "见 [f](a.md ':include')",
            "[f](a.md)",
        ] {
            assert!(embed(not).is_none(), "{not}");
        }
    }

    #[test]
    fn fragments_and_front_matter() {
        // Docsify's own example.js, a mark without its space, and one in an HTML comment.
        let code = "a\n/// [x]\nb\n///[x]\nc\n";
        assert_eq!(fragment(code, "x", false).as_deref(), Some("b"));
        let html = "<!-- /// [x] -->\n<p>b</p>\n<!-- ### [x] -->\n";
        assert_eq!(
            fragment(html, "x", false).as_deref(),
            Some("<!--  -->\n<p>b</p>\n<!--  -->")
        );
        assert_eq!(fragment(html, "x", true).as_deref(), Some("<p>b</p>"));
        assert_eq!(fragment("### [y]\nb\n", "y", false), None);
        assert_eq!(without_front_matter("---\na: 1\n---\n正文\n"), "正文\n");
        assert_eq!(without_front_matter("---\n未闭合\n"), "---\n未闭合\n");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, failure_persistence: None, ..Default::default() })]

        /// Any line and file: read without a panic.
        #[test]
        fn any_embed_line_and_file(line in "\\[?\\PC{0,12}(\\]\\()?\\PC{0,12}( ['\"]:include\\PC{0,12}['\"]\\)?)?", text in "(\\PC|\n|/// \\[x\\]){0,40}") {
            let _ = embed(&line);
            let _ = fragment(&text, "x", false);
            let _ = without_front_matter(&text);
        }
    }

    #[test]
    fn heading_ids_and_ignores() {
        assert_eq!(
            heading_attributes("# 配置项 :id=configuration").as_deref(),
            Some("# 配置项 {#configuration}")
        );
        assert_eq!(
            heading_attributes("## themeColor ⚠️ :id=themecolor :docsify-ignore").as_deref(),
            Some("## themeColor ⚠️ {#themecolor}")
        );
        assert_eq!(
            heading_attributes("### 标题 :docsify-ignore-all").as_deref(),
            Some("### 标题")
        );
        assert_eq!(heading_attributes("## a :b"), None);
        assert_eq!(heading_attributes("普通 :id=x"), None);
    }
}
