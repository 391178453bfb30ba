//! Plain text for search and related articles, gathered from the same events as the HTML: one
//! block per heading (and one before the first), each step and paragraph on lines of its own;
//! and the first paragraph, the description of pages that give none.

use pulldown_cmark::Event;

use super::Writer;

/// Text under one heading (or before the first one, with no id), for search and related.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextBlock {
    /// The heading's id; `None` for the text before the first heading.
    pub heading_id: Option<String>,
    /// The heading's text.
    pub heading: String,
    /// The text under it, a line per paragraph, list item, table row or step.
    pub text: String,
    /// The code under it, apart from the prose: search weighs it below prose.
    pub code: String,
    /// Its inline code (also in `text`), a line each: where prose writes the names search
    /// indexes whole (`tidb_gc_life_time`), without the paths and hosts of plain text.
    pub spans: String,
}

impl TextBlock {
    /// The bytes a tokenizer reads of it: heading, text and code (`spans` repeats the text's).
    pub fn text_bytes(&self) -> usize {
        self.heading.len() + self.text.len() + self.code.len()
    }
}

impl<'e> Writer<'e, '_> {
    /// Closes the block being gathered and starts the one under a new heading.
    pub(super) fn start_block(&mut self, heading_id: Option<String>, heading: String) {
        self.end_block();
        self.block.heading_id = heading_id;
        self.block.heading = heading;
    }

    /// Keeps the block being gathered, if it holds anything.
    pub(super) fn end_block(&mut self) {
        let mut b = std::mem::take(&mut self.block);
        b.text = collapse_blank_lines(&b.text);
        if b.heading_id.is_some() || !b.text.trim().is_empty() || !b.code.trim().is_empty() {
            self.out.blocks.push(b);
        }
    }

    pub(super) fn start_paragraph(&mut self, event: &Event<'e>) {
        self.paragraph_depth += 1;
        self.emit(event.clone());
    }

    pub(super) fn end_paragraph(&mut self, event: &Event<'e>) {
        self.paragraph_depth = self.paragraph_depth.saturating_sub(1);
        // A quote before the text (Dify's "本文档由 AI 自动翻译…" on 137 pages, an epigraph)
        // says what the page is not about: the first paragraph outside one describes the page,
        // one inside only when there is none. A callout's (`:::tip`) may be its summary.
        let bold_heading =
            !self.paragraph_loose_text && reads_as_heading(self.paragraph_text.trim());
        if self.paragraph_own_text && !self.in_footnote && !bold_heading {
            let slot = match self.plain_quote_depth {
                0 => &mut self.first_paragraph,
                _ => &mut self.first_quoted,
            };
            if slot.is_none() {
                *slot = Some(self.paragraph_text.trim().to_owned());
            }
        }
        self.paragraph_text.clear();
        self.paragraph_own_text = false;
        self.paragraph_loose_text = false;
        self.block.text.push('\n');
        self.emit(event.clone());
    }

    /// Text and inline code: part of the block (a heading's own text is its name, not its text).
    pub(super) fn text(&mut self, t: &str) {
        if !self.in_heading {
            self.block.text.push_str(t);
            if self.paragraph_depth > 0 {
                self.paragraph_text.push_str(t);
                if self.in_link == 0 && !t.trim().is_empty() {
                    self.paragraph_own_text = true;
                }
                if self.in_strong == 0 && !t.trim().is_empty() {
                    self.paragraph_loose_text = true;
                }
            }
        }
    }

    /// A formula's TeX: as written for search, as a reader would say it in a description
    /// (hello-algo's `下界为 \Omega(n \log n)` on list pages; see [`tex_as_text`]).
    pub(super) fn math_text(&mut self, tex: &str) {
        if self.in_heading {
            return;
        }
        self.block.text.push_str(tex);
        if self.paragraph_depth > 0 {
            self.paragraph_text.push_str(&tex_as_text(tex));
            if self.in_link == 0 && !tex.trim().is_empty() {
                self.paragraph_own_text = true;
                if self.in_strong == 0 {
                    self.paragraph_loose_text = true;
                }
            }
        }
    }

    /// Inline code, kept apart too (`TextBlock::spans`).
    pub(super) fn code_span(&mut self, t: &str) {
        if !self.in_heading {
            self.block.spans.push_str(t);
            self.block.spans.push('\n');
        }
    }

    /// A line break inside a paragraph reads as a space.
    pub(super) fn space(&mut self) {
        if !self.in_heading {
            self.block.text.push(' ');
            if self.paragraph_depth > 0 {
                self.paragraph_text.push(' ');
            }
        }
    }
}

/// TeX commands a description shows as the characters they stand for.
const TEX_SYMBOLS: &[(&str, &str)] = &[
    ("Omega", "Ω"),
    ("Theta", "Θ"),
    ("Delta", "Δ"),
    ("Sigma", "Σ"),
    ("alpha", "α"),
    ("beta", "β"),
    ("gamma", "γ"),
    ("delta", "δ"),
    ("epsilon", "ε"),
    ("theta", "θ"),
    ("lambda", "λ"),
    ("mu", "μ"),
    ("pi", "π"),
    ("sigma", "σ"),
    ("omega", "ω"),
    ("times", "×"),
    ("cdot", "·"),
    ("div", "÷"),
    ("pm", "±"),
    ("leq", "≤"),
    ("le", "≤"),
    ("geq", "≥"),
    ("ge", "≥"),
    ("neq", "≠"),
    ("ne", "≠"),
    ("approx", "≈"),
    ("infty", "∞"),
    ("to", "→"),
    ("rightarrow", "→"),
    ("leftarrow", "←"),
    ("in", "∈"),
    ("sum", "∑"),
    ("log", "log"),
    ("ln", "ln"),
    ("lg", "lg"),
    ("max", "max"),
    ("min", "min"),
    ("bmod", "mod"),
    ("mod", "mod"),
    ("sqrt", "√"),
    ("lfloor", "⌊"),
    ("rfloor", "⌋"),
    ("lceil", "⌈"),
    ("rceil", "⌉"),
];

/// A formula as plain text: known commands as their characters, a fraction as `a/b` and a root
/// as `√(…)`, environments' names, alignment marks and unknown commands left out, row ends as
/// `; ` (`n \log n` → `n log n`, `\frac{1}{2}` → `1/2`).
fn tex_as_text(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    tex_text_into(tex, &mut out, 0);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The brace group `rest` starts with, and what follows it; a lone character stands for one.
fn tex_group(rest: &str) -> Option<(&str, &str)> {
    let rest = rest.trim_start();
    if !rest.starts_with('{') {
        let c = rest.chars().next()?;
        return Some(rest.split_at(c.len_utf8()));
    }
    let mut depth = 0usize;
    for (i, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((&rest[1..i], &rest[i + 1..]));
                }
            }
            _ => {}
        }
    }
    Some((&rest[1..], ""))
}

/// A group as text, in parentheses when it is more than one character (`(n+1)/2`).
fn tex_part(tex: &str, depth: usize) -> String {
    let mut part = String::new();
    tex_text_into(tex, &mut part, depth + 1);
    let part = part.trim().to_owned();
    if part.chars().count() > 1 {
        format!("({part})")
    } else {
        part
    }
}

fn tex_text_into(tex: &str, out: &mut String, depth: usize) {
    // Nesting past this is no formula a description needs.
    if depth > 16 {
        return;
    }
    let mut rest = tex;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            let name_len = rest[1..]
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len() - 1);
            let name = &rest[1..1 + name_len];
            let after = &rest[1 + name_len..];
            if name.is_empty() {
                // `\\` ends a row; `\,`, `\ ` are spaces; `\{` is the character escaped.
                let next = rest[1..].chars().next();
                match next {
                    Some('\\') => out.push_str("; "),
                    Some(n) if n.is_ascii_punctuation() && !matches!(n, ',' | ';' | ':' | '!') => {
                        out.push(n)
                    }
                    Some(_) => out.push(' '),
                    None => {}
                }
                rest = &rest[1 + next.map_or(0, char::len_utf8)..];
                continue;
            }
            match name {
                "frac" | "dfrac" | "tfrac" => {
                    if let Some((num, after)) = tex_group(after)
                        && let Some((den, after)) = tex_group(after)
                    {
                        out.push_str(&tex_part(num, depth));
                        out.push('/');
                        out.push_str(&tex_part(den, depth));
                        rest = after;
                        continue;
                    }
                }
                "sqrt" => {
                    if let Some((inner, after)) = tex_group(after) {
                        out.push('√');
                        out.push_str(&tex_part(inner, depth));
                        rest = after;
                        continue;
                    }
                }
                // An environment's name is no text.
                "begin" | "end" => {
                    rest = tex_group(after).map_or("", |(_, after)| after);
                    continue;
                }
                "quad" | "qquad" => out.push(' '),
                _ => {
                    if let Some((_, to)) = TEX_SYMBOLS.iter().find(|(n, _)| *n == name) {
                        out.push_str(to);
                    }
                }
            }
            rest = after;
            continue;
        }
        match c {
            '{' | '}' => {}
            // A column of an aligned formula.
            '&' => out.push(' '),
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// Whether a paragraph all in bold reads as a heading: short, and no sentence (a page may open
/// with its summary in bold, `**本文介绍如何关闭微粒贷。**`).
fn reads_as_heading(text: &str) -> bool {
    text.chars().count() <= 30 && !text.ends_with(['。', '.', '！', '!', '？', '?', '；', ';'])
}

fn collapse_blank_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let l = line.trim();
        if !l.is_empty() {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

/// `s` cut to `max` characters, with `…` when it was longer, and not in the middle of a
/// Latin word (`relev…`) unless the word is most of what is kept.
pub fn truncate_chars(s: &str, max: usize) -> String {
    truncate_by(s, max, |_| 1)
}

/// `s` cut to `max` columns as a line shows them (a Chinese character is two, a letter one),
/// with `…` when it was longer and not in the middle of a Latin word: forty Chinese characters,
/// or eighty letters, for the same line.
pub fn truncate_width(s: &str, max: usize) -> String {
    truncate_by(s, max, |c| if crate::tokenize::is_cjk(c) { 2 } else { 1 })
}

fn truncate_by(s: &str, max: usize, width: impl Fn(char) -> usize) -> String {
    let mut used = 0;
    let Some((cut, _)) = s.char_indices().find(|&(_, c)| {
        used += width(c);
        used > max
    }) else {
        return s.to_owned();
    };
    let letter = |c: char| c.is_alphanumeric() && !crate::tokenize::is_cjk(c);
    let mut end = cut;
    if s[..cut].chars().next_back().is_some_and(letter)
        && s[cut..].chars().next().is_some_and(letter)
    {
        // Back to the word's start, unless that leaves less than half.
        let start = s[..cut]
            .char_indices()
            .rev()
            .find(|&(_, c)| !letter(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if start * 2 >= cut {
            end = start;
        }
    }
    let mut t = s[..end].trim_end().to_owned();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_read_as_text() {
        assert_eq!(super::tex_as_text(r"\Omega(n \log n)"), "Ω(n log n)");
        assert_eq!(super::tex_as_text(r"h(x)=x \bmod 5"), "h(x)=x mod 5");
        assert_eq!(super::tex_as_text(r"10^6"), "10^6");
        assert_eq!(super::tex_as_text(r"O(\log n)\,\{a\}"), "O(log n) {a}");
        assert_eq!(super::tex_as_text("\\"), "");
        // A reviewer's: `\frac{1}{2}` read as twelve, environments' names as words.
        assert_eq!(super::tex_as_text(r"\frac{1}{2}"), "1/2");
        assert_eq!(super::tex_as_text(r"\frac{n+1}{2}"), "(n+1)/2");
        assert_eq!(super::tex_as_text(r"\sqrt{n+1}"), "√(n+1)");
        assert_eq!(
            super::tex_as_text(r"\begin{cases} a & x>0 \\ b & x \le 0 \end{cases}"),
            "a x>0 ; b x ≤ 0"
        );
        assert_eq!(super::tex_as_text(r"\text{if } x"), "if x");
        assert_eq!(super::tex_as_text(r"\frac{"), "");
    }

    #[test]
    fn cut_between_words_and_by_width() {
        let s = "This topic number 6 explains how a file is handled";
        assert_eq!(truncate_chars(s, 30), "This topic number 6 explains…");
        assert_eq!(truncate_chars(s, 100), s);
        // A word that is most of what is kept is cut.
        assert_eq!(truncate_chars("Supercalifragilistic", 10), "Supercalif…");
        assert_eq!(truncate_width("关闭微粒贷前的注意事项", 10), "关闭微粒贷…");
        assert_eq!(truncate_width("abcdefghij klm", 12), "abcdefghij…");
        // After a character of several bytes (it panicked on `。解`).
        assert_eq!(truncate_chars("发票。Vite", 5), "发票。…");
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_cut_on_a_char_boundary_within_its_width(s in "\\PC{0,60}", max in 0usize..40) {
            let t = truncate_width(&s, max);
            let kept = t.strip_suffix('…').unwrap_or(&t);
            proptest::prop_assert!(s.starts_with(kept));
            let width: usize = kept.chars().map(|c| if crate::tokenize::is_cjk(c) { 2 } else { 1 }).sum();
            proptest::prop_assert!(width <= max || t == s);
        }
    }
}
