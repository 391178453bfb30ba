//! TeX math between `$…$` (inline) and `$$…$$` (display), as MkDocs's arithmatex, VitePress's
//! `math: true` and Docusaurus's remark-math write it: typeset at build time as MathML, which
//! browsers draw without a script. Without it the TeX is read as Markdown (`_` in `x_i` starts
//! emphasis, `[u^k](…)` is a link to a missing page) and shows mangled.
//!
//! A formula the TeX reader does not understand, or one too large to be a formula, shows as
//! its source, with a warning at its line; search and descriptions read the source either way.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pulldown_latex::config::DisplayMode;
use pulldown_latex::{Parser, RenderConfig, Storage, push_mathml};

use super::Writer;
use crate::escape;

mod rewrite;

/// Past this a formula is no formula but a page's worth of text (a `$` left open): shown as
/// written.
const MAX_TEX: usize = 16 * 1024;

impl Writer<'_, '_> {
    /// Emits the formula `tex` found at file line `line`.
    pub(super) fn math(&mut self, tex: &str, display: bool, line: usize) {
        self.math_text(tex);
        let html = match typeset(tex, display) {
            Ok(mathml) => mathml,
            Err(why) => {
                // One page of 20,000 broken formulas is not 20,000 warnings: past the first
                // ones, `finish_math` counts the rest.
                self.math_warnings += 1;
                if self.math_warnings <= MAX_WARNINGS {
                    self.diags.push(
                        crate::error::Diagnostic::warning(format!(
                            "this formula is shown as its TeX source: {why}"
                        ))
                        .at_line(line)
                        .hint("check the TeX; what helpcenter typesets is the math of LaTeX's math mode (\\frac, \\sum, environments such as aligned and cases)"),
                    );
                }
                source(tex, display)
            }
        };
        if display {
            // A display formula is a block of its own within the paragraph's flow.
            self.emit_inline_html(format!("<span class=\"math-block\">{html}</span>"));
        } else {
            self.emit_inline_html(html);
        }
    }

    /// After the page: how many more formulas than were warned about are shown as source.
    pub(super) fn finish_math(&mut self) {
        if self.math_warnings > MAX_WARNINGS {
            self.diags.push(crate::error::Diagnostic::warning(format!(
                "{} more formulas on this page are shown as their TeX source",
                self.math_warnings - MAX_WARNINGS
            )));
        }
    }

    fn emit_inline_html(&mut self, html: String) {
        self.emit(pulldown_cmark::Event::InlineHtml(html.into()));
    }
}

/// A ```` ```math ```` fence (GitLab's, GitHub's, MkDocs's arithmatex fence) is a display
/// formula when math is on: its events become one.
pub(super) fn fences<'a>(
    events: Vec<(pulldown_cmark::Event<'a>, std::ops::Range<usize>)>,
) -> Vec<(pulldown_cmark::Event<'a>, std::ops::Range<usize>)> {
    use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
    let mut out = Vec::with_capacity(events.len());
    let mut math: Option<(String, std::ops::Range<usize>)> = None;
    for (event, range) in events {
        match (&mut math, event) {
            (None, Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))))
                if lang.split_whitespace().next() == Some("math") =>
            {
                math = Some((String::new(), range));
            }
            (Some((tex, _)), Event::Text(t)) => tex.push_str(&t),
            (Some(_), Event::End(TagEnd::CodeBlock)) => {
                if let Some((tex, range)) = math.take() {
                    out.push((Event::DisplayMath(tex.into()), range));
                }
            }
            (_, event) => out.push((event, range)),
        }
    }
    out
}

/// Formulas warned about one by one on a page.
const MAX_WARNINGS: usize = 20;

/// A formula shown as it is written.
fn source(tex: &str, display: bool) -> String {
    let class = if display {
        "math-display"
    } else {
        "math-inline"
    };
    format!(
        "<code class=\"math-tex {class}\">{}</code>",
        escape::html(tex)
    )
}

/// `tex` as a `<math>` element, or why not.
pub(super) fn typeset(tex: &str, display: bool) -> Result<String, String> {
    if tex.len() > MAX_TEX {
        return Err(format!(
            "it is longer than {} KB (a `$` left open?)",
            MAX_TEX >> 10
        ));
    }
    // The TeX reader recurses as deep as the formula nests (`\sqrt\sqrt…` 2,000 deep overflowed
    // a worker thread's 2 MB and aborted the build): a formula of many commands and groups is
    // read on a thread of its own with room for the deepest 16 KB can nest.
    let marks = tex
        .bytes()
        .filter(|b| matches!(b, b'\\' | b'{' | b'^' | b'_'))
        .count();
    if marks > DEEP_MARKS {
        let tex = tex.to_owned();
        return std::thread::Builder::new()
            .stack_size(DEEP_STACK)
            .spawn(move || read(&tex, display))
            .map_err(|e| e.to_string())
            .and_then(|t| {
                t.join()
                    .unwrap_or_else(|_| Err("the TeX reader failed on it".to_owned()))
            });
    }
    read(tex, display)
}

/// Commands and groups past which a formula is read on a thread of its own.
const DEEP_MARKS: usize = 200;
/// That thread's stack: reserved, not used, unless the formula nests that deep.
const DEEP_STACK: usize = 512 << 20;

/// `tex` read and written as MathML, or why not.
fn read(tex: &str, display: bool) -> Result<String, String> {
    // The TeX reader is another crate's: a formula that trips it is shown as written, never
    // the end of the build.
    catch_unwind(AssertUnwindSafe(|| {
        let storage = Storage::new();
        let known = rewrite::rewrite(tex);
        let events: Vec<_> = Parser::new(&known, &storage).collect();
        if let Some(Err(e)) = events.iter().find(|e| e.is_err()) {
            // Told about the formula as the author wrote it, when that fails too.
            let original = Storage::new();
            let written = (known != tex)
                .then(|| Parser::new(tex, &original).find_map(Result::err))
                .flatten();
            return Err(first_line(&written.as_ref().unwrap_or(e).to_string()));
        }
        let config = RenderConfig {
            display_mode: if display {
                DisplayMode::Block
            } else {
                DisplayMode::Inline
            },
            // Written empty, and filled here with the source escaped: the reader writes it as
            // it is.
            annotation: Some(""),
            ..RenderConfig::default()
        };
        let mut out = String::new();
        push_mathml(&mut out, events.into_iter(), config).map_err(|e| e.to_string())?;
        // The reader writes the space of `\ ` and `~` as `&nbsp;` and then escapes it: the
        // page showed "a&nbsp;b".
        let out = out.replace("&amp;nbsp;", "&#160;");
        let mut out = clean(&out);
        if let Some(at) = out.rfind(EMPTY_ANNOTATION) {
            let source = format!(
                "<annotation encoding=\"application/x-tex\">{}</annotation>",
                escape::html(tex)
            );
            out.replace_range(at..at + EMPTY_ANNOTATION.len(), &source);
        }
        Ok(out)
    }))
    .unwrap_or_else(|_| Err("the TeX reader failed on it".to_owned()))
}

const EMPTY_ANNOTATION: &str = "<annotation encoding=\"application/x-tex\"></annotation>";

/// MathML elements the TeX reader writes.
const ELEMENTS: &[&str] = &[
    "annotation",
    "math",
    "menclose",
    "merror",
    "mfrac",
    "mi",
    "mmultiscripts",
    "mn",
    "mo",
    "mover",
    "mpadded",
    "mphantom",
    "mprescripts",
    "mroot",
    "mrow",
    "ms",
    "mspace",
    "msqrt",
    "mstyle",
    "msub",
    "msubsup",
    "msup",
    "mtable",
    "mtd",
    "mtext",
    "mtr",
    "munder",
    "munderover",
    "none",
    "semantics",
];
/// Their attributes the reader writes.
const ATTRIBUTES: &[&str] = &[
    "accent",
    "accentunder",
    "class",
    "columnalign",
    "depth",
    "display",
    "displaystyle",
    "encoding",
    "fence",
    "form",
    "height",
    "largeop",
    "linethickness",
    "lspace",
    "mathvariant",
    "maxsize",
    "minsize",
    "movablelimits",
    "notation",
    "rowalign",
    "rspace",
    "scriptlevel",
    "separator",
    "stretchy",
    "style",
    "symmetric",
    "voffset",
    "width",
];

/// The reader's MathML with nothing but its own markup: it writes some characters of the TeX
/// as they are (`<mo><</mo>`, a `\operatorname`'s name), so every `<` that opens no MathML tag
/// of the lists above (with attributes of the list, values of plain characters) and every `&`
/// that starts no entity is escaped. No formula can open an element or an attribute of its own.
fn clean(m: &str) -> String {
    let mut out = String::with_capacity(m.len() + 16);
    // Elements open, innermost last: a closing tag must close the innermost, so no name the
    // reader writes as it is can end the `<math>` and open elements outside it.
    let mut open: Vec<&str> = Vec::new();
    // Once the `<math>` closes, all that follows is text.
    let mut closed = false;
    let mut i = 0;
    while i < m.len() {
        let rest = &m[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '<' {
            if let Some((len, name, kind)) = tag_len(rest).filter(|_| !closed) {
                let fits = match kind {
                    Tag::Open if open.is_empty() && name != "math" => false,
                    Tag::Open => {
                        open.push(name);
                        true
                    }
                    Tag::Close if open.last() == Some(&name) => {
                        open.pop();
                        closed = open.is_empty();
                        true
                    }
                    Tag::Close => false,
                    Tag::Empty => true,
                };
                if fits {
                    out.push_str(&rest[..len]);
                    i += len;
                    continue;
                }
            }
            out.push_str("&lt;");
        } else if c == '>' {
            out.push_str("&gt;");
        } else if c == '&' && !is_entity(rest) {
            out.push_str("&amp;");
        } else {
            out.push(c);
        }
        i += c.len_utf8();
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Tag {
    Open,
    Close,
    Empty,
}

/// The length, element and kind of the tag `s` starts with, when it is one of the reader's.
fn tag_len(s: &str) -> Option<(usize, &str, Tag)> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    if inner.contains('<') {
        return None;
    }
    let (inner, kind) = match (inner.strip_prefix('/'), inner.strip_suffix('/')) {
        (Some(i), _) => (i, Tag::Close),
        (None, Some(i)) => (i, Tag::Empty),
        (None, None) => (inner, Tag::Open),
    };
    let inner = inner.trim_end();
    let (name, mut attrs) = inner.split_once(' ').unwrap_or((inner, ""));
    let name = *ELEMENTS.iter().find(|e| **e == name)?;
    if kind == Tag::Close && !attrs.is_empty() {
        return None;
    }
    loop {
        attrs = attrs.trim_start();
        if attrs.is_empty() {
            return Some((end + 1, name, kind));
        }
        let (key, rest) = attrs.split_once("=\"")?;
        let (value, rest) = rest.split_once('"')?;
        let plain = value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " .,:;()#%-_/".contains(c));
        let ok = match key {
            "style" => is_plain_style(value),
            _ => ATTRIBUTES.contains(&key) && plain && !value.contains(':'),
        };
        if !(ok || key == "encoding" && value == "application/x-tex") {
            return None;
        }
        attrs = rest;
    }
}

/// Style the reader writes: colours and lengths of a few properties, nothing that places an
/// element elsewhere or loads anything.
fn is_plain_style(value: &str) -> bool {
    const PROPERTIES: &[&str] = &[
        "color",
        "background-color",
        "border-color",
        "border",
        "margin-left",
        "margin-right",
        "height",
        "width",
        "padding",
    ];
    value
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .all(|d| {
            d.split_once(':').is_some_and(|(p, v)| {
                PROPERTIES.contains(&p.trim())
                    && v.chars()
                        .all(|c| c.is_ascii_alphanumeric() || " .,#%()-".contains(c))
                    && !v.to_ascii_lowercase().contains("url")
                    && !v.to_ascii_lowercase().contains("expression")
            })
        })
}

fn is_entity(s: &str) -> bool {
    let Some(end) = s[1..].find(';').filter(|&e| e <= 10) else {
        return false;
    };
    let name = &s[1..=end];
    !name.is_empty()
        && name
            .strip_prefix('#')
            .map_or(name.chars().all(|c| c.is_ascii_alphanumeric()), |n| {
                n.chars().all(|c| c.is_ascii_hexdigit() || c == 'x')
            })
}

/// The TeX reader's message in one line: its first, and the part of the formula it shows
/// below it (`…ha(G)\in\Bbb{N}^*`), where the formula is long.
fn first_line(s: &str) -> String {
    let mut lines = s.lines();
    let what = lines.next().unwrap_or("").trim();
    let what = what.strip_prefix("parsing error: ").unwrap_or(what);
    let near = lines
        .filter_map(|l| l.strip_prefix('│'))
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.chars().all(|c| c == '^' || c == ' '));
    match near {
        Some(near) => format!("{what}, in `{near}`"),
        None => what.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::typeset;

    #[test]
    fn formulas_become_mathml_with_their_source() {
        let m = typeset(r"x_i^2 + \frac{a}{b}", false).unwrap();
        assert!(m.starts_with("<math"), "{m}");
        assert!(m.contains("<mfrac>") && m.contains("<msubsup>"), "{m}");
        assert!(
            m.contains("x_i^2"),
            "the source is kept as an annotation: {m}"
        );
        let block = typeset(r"\sum_{k=1}^n k", true).unwrap();
        assert!(block.contains("display=\"block\""), "{block}");
    }

    /// OI-wiki's formulas in commands of MathJax's that the reader lacks.
    #[test]
    fn mathjax_commands_are_typeset_and_annotated_as_written() {
        for tex in [
            r"a,b\in \Bbb{P},\mathbf{x}",
            r"\rm\LaTeX",
            r"\sum_{k=0}^n{n\brack k}x^k = x^{\overline{n}}\tag{4}",
            r"\displaystyle{n\brace k}=\frac{1}{k!}",
            r"y^{-1} \mod 10^9+7",
            r"a \equiv b \pod{m}",
            r"{n \atop k} + {n \choose k} + {1 \over 2}",
            // hello-algo's derivations end their rows with MathJax's `\newline`.
            "\\begin{aligned}\nT(n) & = 2n + 1 \\newline\n& = O(n)\n\\end{aligned}",
        ] {
            let m = typeset(tex, true).unwrap_or_else(|e| panic!("{tex}: {e}"));
            assert!(
                m.contains(&format!(">{}</annotation>", crate::escape::html(tex))),
                "{tex}: {m}"
            );
        }
        for tex in [r"a\ b", "a~b", r"a \mod b"] {
            let m = typeset(tex, false).unwrap();
            assert!(!m.contains("nbsp") && m.contains("&#160;"), "{tex}: {m}");
        }
        let m = typeset(r"{n\brack k}", false).unwrap();
        assert!(
            m.contains("<mo") && m.contains('[') && m.contains("<mfrac"),
            "{m}"
        );
    }

    #[test]
    fn what_is_not_tex_says_why() {
        let why = typeset(r"\frac{a}", false).unwrap_err();
        assert!(!why.is_empty() && !why.contains('\n'), "{why}");
        let why = typeset(r"\exists \alpha(G)\in\ce{N}^*", false).unwrap_err();
        assert!(why.contains("unknown") && why.contains(r"\ce{N}"), "{why}");
        // A formula rewritten and still wrong is named as written.
        let why = typeset(r"\Bbb{N} \ce{x}", false).unwrap_err();
        assert!(why.contains(r"\Bbb{N}"), "{why}");
        assert!(typeset(&"x".repeat(20_000), false).is_err());
    }

    #[test]
    fn markup_in_tex_is_escaped() {
        for tex in [
            r"\text{<script>alert(1)</script>} < b",
            r"\operatorname{<img src=x onerror=alert(1)>}",
            r"\operatorname{a</mi><img src=x>}",
            r"\mathrm{<script>} \& x",
            r"\mathbf{</annotation><script>}",
            r"a < b > c",
        ] {
            let m = typeset(tex, false).unwrap();
            let tags: Vec<&str> = m
                .split('<')
                .skip(1)
                .map(|t| {
                    t.split([' ', '>', '/'])
                        .find(|n| !n.is_empty())
                        .unwrap_or("")
                })
                .collect();
            assert!(
                tags.iter().all(|t| super::ELEMENTS.contains(t)),
                "{tex}: {tags:?} in {m}"
            );
            assert!(!m.contains("<script") && !m.contains("<img"), "{m}");
            assert!(
                m.contains("application/x-tex\">"),
                "the source is kept: {m}"
            );
        }
    }

    #[test]
    fn a_formula_cannot_leave_its_math() {
        for tex in [
            r"\operatorname{</mi></mrow></semantics></math><mi style=x>}",
            r"\operatorname{</math><mspace style=position:fixed;background:URL(x)>}",
        ] {
            let m = typeset(tex, false).unwrap();
            assert!(m.starts_with("<math"), "{m}");
            let end = m.find("</math>").unwrap() + "</math>".len();
            assert!(
                !m[end..].contains('<'),
                "nothing but text after the math: {m}"
            );
            assert!(
                !m.contains("<mspace style") && !m.contains("<mi style"),
                "{m}"
            );
        }
    }

    #[test]
    fn deep_formulas_are_read_or_refused_never_the_end_of_the_build() {
        // 2,000 nested roots overflowed a worker thread's stack and aborted the process.
        for deep in [
            format!("{}x", r"\sqrt".repeat(2000)),
            format!("{}x", r"\frac1".repeat(2700)),
            format!("{}x{}", r"\sqrt{".repeat(2700), "}".repeat(2700)),
        ] {
            let worker = std::thread::Builder::new()
                .stack_size(2 << 20)
                .spawn(move || typeset(&deep, false).map(|m| m.len()))
                .unwrap();
            assert!(worker.join().is_ok());
        }
    }

    #[test]
    fn only_the_readers_tags_pass() {
        use super::clean;
        let math = |inner: &str| clean(&format!("<math>{inner}</math>"));
        assert_eq!(math("<mo><</mo>"), "<math><mo>&lt;</mo></math>");
        assert_eq!(
            math("<mi>a&b</mi>&amp;"),
            "<math><mi>a&amp;b</mi>&amp;</math>"
        );
        assert_eq!(
            math("<mi onclick=\"x\">a</mi>"),
            "<math>&lt;mi onclick=\"x\"&gt;a&lt;/mi&gt;</math>"
        );
        assert_eq!(
            math("<mi style=\"color: rgb(1 2 3)\">a</mi>"),
            "<math><mi style=\"color: rgb(1 2 3)\">a</mi></math>"
        );
        assert!(math("<mi style=\"position: fixed\">a</mi>").starts_with("<math>&lt;mi"));
        assert_eq!(
            math("<mi>a</mo></mi>"),
            "<math><mi>a&lt;/mo&gt;</mi></math>"
        );
        assert_eq!(
            math("<mspace width=\"0.1667em\" />"),
            "<math><mspace width=\"0.1667em\" /></math>"
        );
        // Nothing opens before the `<math>` or after it closes.
        assert_eq!(clean("<mi>a</mi>"), "&lt;mi&gt;a&lt;/mi&gt;");
        assert_eq!(clean("<math></math><mi>"), "<math></math>&lt;mi&gt;");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// Any text between `$` comes out as MathML of the reader's elements only, or as a
        /// reason: never a panic, never markup of the text's own.
        #[test]
        fn any_tex_is_mathml_or_a_reason(
            tex in r#"(\\(frac|sqrt|text|operatorname|mathrm|left|right|begin|end|color|href)|[{}<>&_^ a-z0-9\[\]()\\\x22'=/;#]|\{(aligned|cases|array)\}){0,40}"#,
            display in proptest::bool::ANY,
        ) {
            if let Ok(m) = typeset(&tex, display) {
                for t in m.split('<').skip(1) {
                    let name = t.split([' ', '>', '/']).find(|n| !n.is_empty()).unwrap_or("");
                    proptest::prop_assert!(super::ELEMENTS.contains(&name), "{} in {}", name, m);
                }
            }
        }
    }
}
