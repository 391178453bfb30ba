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

/// Past this a formula is no formula but a page's worth of text (a `$` left open): shown as
/// written.
const MAX_TEX: usize = 16 * 1024;

impl Writer<'_, '_> {
    /// Emits the formula `tex` found at file line `line`.
    pub(super) fn math(&mut self, tex: &str, display: bool, line: usize) {
        self.text(tex);
        let html = match typeset(tex, display) {
            Ok(mathml) => mathml,
            Err(why) => {
                self.diags.push(
                    crate::error::Diagnostic::warning(format!(
                        "this formula is shown as its TeX source: {why}"
                    ))
                    .at_line(line)
                    .hint("check the TeX; what helpcenter typesets is the math of LaTeX's math mode (\\frac, \\sum, environments such as aligned and cases)"),
                );
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
        };
        if display {
            // A display formula is a block of its own within the paragraph's flow.
            self.emit_inline_html(format!("<span class=\"math-block\">{html}</span>"));
        } else {
            self.emit_inline_html(html);
        }
    }

    fn emit_inline_html(&mut self, html: String) {
        self.emit(pulldown_cmark::Event::InlineHtml(html.into()));
    }
}

/// `tex` as a `<math>` element, or why not.
fn typeset(tex: &str, display: bool) -> Result<String, String> {
    if tex.len() > MAX_TEX {
        return Err(format!(
            "it is longer than {} KB (a `$` left open?)",
            MAX_TEX >> 10
        ));
    }
    // The TeX reader is another crate's: a formula that trips it is shown as written, never
    // the end of the build.
    catch_unwind(AssertUnwindSafe(|| {
        let storage = Storage::new();
        let events: Vec<_> = Parser::new(tex, &storage).collect();
        if let Some(Err(e)) = events.iter().find(|e| e.is_err()) {
            return Err(first_line(&e.to_string()));
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
    let mut i = 0;
    while i < m.len() {
        let rest = &m[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '<' {
            if let Some(len) = tag_len(rest) {
                out.push_str(&rest[..len]);
                i += len;
                continue;
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

/// The length of the tag `s` starts with, when it is one of the reader's.
fn tag_len(s: &str) -> Option<usize> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    if inner.contains('<') {
        return None;
    }
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    let inner = inner.strip_suffix('/').unwrap_or(inner).trim_end();
    let (name, mut attrs) = inner.split_once(' ').unwrap_or((inner, ""));
    if !ELEMENTS.contains(&name) {
        return None;
    }
    loop {
        attrs = attrs.trim_start();
        if attrs.is_empty() {
            return Some(end + 1);
        }
        let (key, rest) = attrs.split_once("=\"")?;
        let (value, rest) = rest.split_once('"')?;
        let plain = value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " .,:;()#%-_/".contains(c));
        if !ATTRIBUTES.contains(&key) || !plain || value.contains("url") {
            return None;
        }
        attrs = rest;
    }
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

    #[test]
    fn what_is_not_tex_says_why() {
        let why = typeset(r"\frac{a}", false).unwrap_err();
        assert!(!why.is_empty() && !why.contains('\n'), "{why}");
        let why = typeset(r"\exists \alpha(G)\in\Bbb{N}^*", false).unwrap_err();
        assert!(why.contains("unknown") && why.contains(r"\Bbb{N}"), "{why}");
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
    fn only_the_readers_tags_pass() {
        use super::clean;
        assert_eq!(clean("<mo><</mo>"), "<mo>&lt;</mo>");
        assert_eq!(clean("<mi>a&b</mi>&amp;"), "<mi>a&amp;b</mi>&amp;");
        assert_eq!(
            clean("<mi onclick=\"x\">a</mi>"),
            "&lt;mi onclick=\"x\"&gt;a</mi>"
        );
        assert_eq!(
            clean("<mi style=\"color: rgb(1 2 3)\">a</mi>"),
            "<mi style=\"color: rgb(1 2 3)\">a</mi>"
        );
        assert_eq!(
            clean("<mspace width=\"0.1667em\" />"),
            "<mspace width=\"0.1667em\" />"
        );
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
