//! Other tools' syntax in the Markdown body, turned into helpcenter's before the Markdown stage:
//! containers (`::: tip 标题`, `:::note[标题]`, `!!! note "标题"`, `::: details`,
//! `::: code-group`), TiDB's notes (`> **注意：**`), Hugo shortcodes (`{{< note >}}`,
//! `{{% alert title="…" %}}`, `{{< figure >}}`, `{{< ref "x.md" >}}`, tabs), `[[TOC]]`, and
//! `{{{ .name }}}` variables.
//!
//! Each container becomes a directive line that the Markdown stage renders with the theme's own
//! parts (callouts, details, tabs, figures, the table of contents):
//! `<!--helpcenter:callout warning "标题"-->` … `<!--helpcenter:end-->`. An HTML comment alone on
//! its line is a block of its own in CommonMark, so the Markdown between two directives is read
//! as Markdown, in lists and quotes too. Syntax that is not understood is never printed or
//! swallowed: its text is kept and a warning names the line and the construct.
//!
//! Lines are kept one for one where possible; where a line is added or dropped, `line_map` tells
//! the Markdown stage which source line each line of the result came from.

mod at_ids;
mod attrs;
mod docsify;
mod dumi;
mod embeds;
mod hugo;
mod liquid;
mod md_include;
mod mdx;
mod mintlify;
mod mkdocs;
mod preview_tabs;
mod pymdown;
mod pymdown_inline;
mod slips;
mod tidb;

pub use at_ids::at_ids;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use embeds::has_include_link;
use liquid::{FLOW_END, FLOW_START, closing_line, inline_raw, liquid_fence, liquid_name};

use crate::content::includes::Include;
use crate::error::Diagnostic;

/// The prefix of every directive line.
pub const DIRECTIVE: &str = "<!--helpcenter:";

/// The body, in helpcenter's Markdown.
#[derive(Debug, Default)]
pub struct Body {
    /// The Markdown to parse.
    pub text: String,
    /// For each line of `text`, the 0-based line of the source body it came from; empty when
    /// they are the same.
    pub line_map: Vec<usize>,
    /// What was not understood, with its line (1-based, within the body).
    pub warnings: Vec<Diagnostic>,
    /// Bytes its includes added, with those of the page it is included in (see
    /// `embeds::imported_page`).
    pub(super) included: usize,
}

/// What the body's variables (`{{{ .name }}}`) stand for, and how its includes are read.
pub struct Options<'a> {
    /// Values by name.
    pub variables: &'a BTreeMap<String, String>,
    /// Reads what an mdBook include shows (see `content::includes`); without it an include is
    /// warned about and left out.
    pub include: Option<&'a ReadInclude<'a>>,
    /// The tool whose config the content came with (see `content::ReadOptions::made_for`): an
    /// MkDocs site's text has PyMdown's inline marks (`++ctrl+c++`, `==x==`, `^^x^^`), and
    /// MkDocs's and Hugo's Markdown has attribute lists (see `attrs::without_lists`).
    pub made_for: Option<&'a str>,
    /// The page is MDX (`.mdx`): read as MDX reads it first (see `mdx`).
    pub mdx: bool,
}

/// What an include shows and the file it read, or why it shows nothing. An include written in
/// an included file gives that file's folder, from which it is read.
pub type ReadInclude<'a> =
    dyn Fn(&Include, Option<&Path>) -> Result<(String, PathBuf), String> + 'a;

/// An open container and how it ends.
enum Open {
    /// A `:::` container: closed by a line of at least `colons` colons.
    /// `tab`: a tabs container (`::: tabs`, `::: code-tabs`), and whether one of its
    /// vuepress-theme-hope `@tab` tabs is open.
    Colons {
        colons: usize,
        directive: bool,
        tab: Option<bool>,
        /// A `::: preview`, whose source follows what it renders.
        preview: bool,
    },
    /// A Hugo shortcode pair: closed by `{{< /name >}}`.
    Shortcode { name: String, directive: bool },
    /// An MkDocs admonition: its body is indented `indent` spaces more than the `!!!`.
    /// `pad`: its header's indentation as written out, which its end keeps (inside a list item,
    /// an end at the margin would end the list).
    Indented { indent: usize, pad: usize },
    /// A PyMdown block: closed by a line of exactly `slashes` slashes; `options` while the
    /// lines under its header may still be its options.
    Slashes {
        slashes: usize,
        directive: bool,
        tab: bool,
        options: bool,
        /// Its header's line in the result, which its options may retype.
        at: usize,
    },
}

/// A fenced code block followed from line to line, for the passes that rewrite a page's lines
/// before it is read (`at_ids`, `preview_tabs`, `mintlify`): the open fence's character and
/// length. A fence closes at a line of at least as many of its character and nothing else.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Fence(Option<(char, usize)>);

impl Fence {
    /// Reads one line (`trimmed`: its indentation left out): whether it is code, a fence's
    /// opening or closing line or a line inside one. An opening fence's marker length is
    /// [`Fence::opened`]'s.
    pub(super) fn code(&mut self, trimmed: &str) -> bool {
        let marker = trimmed
            .chars()
            .next()
            .filter(|c| matches!(c, '`' | '~'))
            .map(|c| (c, trimmed.chars().take_while(|&x| x == c).count()))
            .filter(|m| m.1 >= 3);
        match (self.0, marker) {
            (Some((c, n)), Some((m, k))) if m == c && k >= n && trimmed[k..].trim().is_empty() => {
                self.0 = None;
                true
            }
            (Some(_), _) => true,
            (None, Some(m)) => {
                self.0 = Some(m);
                true
            }
            (None, None) => false,
        }
    }

    /// The marker's length when a fence is open.
    pub(super) fn opened(&self) -> Option<usize> {
        self.0.map(|f| f.1)
    }
}

/// Turns another tool's syntax in `body` into helpcenter's.
pub fn transform(body: &str, options: &Options) -> Body {
    let mut t = Transform::new(options);
    if body.contains("{%") || body.contains(FLOW_START) || body.contains("@start") {
        t.fence_for_liquid = liquid_fence(body);
    }
    let mut read = options.mdx.then(|| mdx::read(body)).flatten();
    // Mintlify's code blocks are titled by the words after the language.
    if options.made_for == Some("Mintlify") {
        let read_before = read.is_some();
        let mut mintlify = read.take().unwrap_or_else(|| mdx::Read::lines_of(body));
        let titled = mintlify::titled_fences(&mut mintlify.lines);
        read = (titled || read_before).then_some(mintlify);
    }
    // DCloud's code tabs, written as a `::: preview` of quotes and code.
    if options.made_for == Some("VuePress") && body.contains("preview") {
        let read_before = read.is_some();
        let mut vuepress = read.take().unwrap_or_else(|| mdx::Read::lines_of(body));
        let tabbed = preview_tabs::tabbed_previews(&mut vuepress.lines);
        read = (tabbed || read_before).then_some(vuepress);
    }
    match read {
        Some(read) => {
            t.changed = true;
            t.shifted = true;
            for (line, i) in &read.lines {
                t.line(*i, line);
            }
            if let Some((first, line)) = read.dropped.first() {
                let what = match read.dropped.len() - 1 {
                    0 => format!("the JavaScript expression `{first}` on this page is"),
                    n => {
                        format!("the JavaScript expression `{first}` and {n} more on this page are")
                    }
                };
                t.warnings.push(
                    Diagnostic::warning(format!(
                        "{what} left out: helpcenter runs no JavaScript"
                    ))
                    .at_line(line + 1)
                    .hint("write a value as text (`title=\"…\"`) to keep it, or leave the component out"),
                );
            }
        }
        None => {
            for (i, line) in body.split('\n').enumerate() {
                t.line(i, line);
            }
        }
    }
    if let Some(pad) = t.note.clone() {
        t.end_note(&pad, body.split('\n').count());
    }
    t.close_indented(usize::MAX, body.split('\n').count());
    if !t.content_tabs.is_empty() {
        t.close_indented(0, body.split('\n').count());
        t.close_content_tabs(0, "", body.split('\n').count());
    }
    t.close_tabs("", body.split('\n').count());
    if let Some((end, open, pad)) = t.liquid_code.take() {
        t.warnings.push(
            Diagnostic::warning(format!(
                "this code block is never closed with `{}`: the rest of the page is its code",
                closing_line(end)
            ))
            .at_line(open + 1)
            .hint(format!("end the code with a line `{}`", closing_line(end))),
        );
        let fence = t.fence_for_liquid.clone();
        t.push(format!("{pad}{fence}"), body.split('\n').count());
    }
    if let Some((first, line, n)) = t.attr_lists.take() {
        let more = match n - 1 {
            0 => String::new(),
            more => format!(" and {more} more"),
        };
        t.warnings.push(
            Diagnostic::warning(format!(
                "the attribute list `{first}`{more} on this page is left out: links, images and paragraphs keep no classes or attributes"
            ))
            .at_line(line + 1)
            .hint("its text is kept; a button (`.md-button`) is a link, an image's `width` is the picture's own"),
        );
    }
    if let Some(open) = t.jsx_comment {
        t.warnings.push(
            Diagnostic::warning(
                "an MDX comment `{/*` is never closed: the text after it is left out",
            )
            .at_line(open + 1)
            .hint("close it with `*/}`"),
        );
    }
    if !t.changed {
        return Body {
            text: body.to_owned(),
            line_map: Vec::new(),
            warnings: t.warnings,
            included: t.included,
        };
    }
    let (lines, map): (Vec<String>, Vec<usize>) = t.out.into_iter().unzip();
    Body {
        text: lines.join("\n"),
        line_map: if t.shifted { map } else { Vec::new() },
        warnings: t.warnings,
        included: t.included,
    }
}

struct Transform<'a> {
    options: &'a Options<'a>,
    /// Per open `{{< tabs "A" "B" >}}`, its tabs' names not yet given to a `{{% codetab %}}`
    /// (Dapr's and CloudWeGo's tabs name their tabs on the set, not on each tab).
    tab_names: Vec<std::collections::VecDeque<String>>,
    /// (line, source line) of the result.
    out: Vec<(String, usize)>,
    open: Vec<Open>,
    warnings: Vec<Diagnostic>,
    /// The first attribute list taken out (`attrs::without_lists`), its line, and how many.
    attr_lists: Option<(String, usize, usize)>,
    /// Inside a `$$` block of TeX.
    display_math: bool,
    /// Inside a fenced code block: its fence character and length.
    fence: Option<(char, usize)>,
    /// The indented blocks open when that fence opened: one of them ending ends the fence too,
    /// as Python-Markdown ends it (left open, the block's end showed as code).
    fence_depth: usize,
    /// That fence's indentation: a closing fence is indented at most three more.
    fence_pad: usize,
    /// The last line at the margin of its block began a list item: a block header indented
    /// four more is in the item, not an indented code block.
    in_list: bool,
    changed: bool,
    /// Lines were added or dropped.
    shifted: bool,
    /// Inside an MDX comment `{/* … */}` that goes on over lines: the line it opened on.
    jsx_comment: Option<usize>,
    /// Inside Liquid's `{% raw %}`.
    raw: bool,
    /// Inside Jekyll's `{% highlight %}`, Hexo's `{% codeblock %}` or a VuePress flowchart (the
    /// same: lines written out as code up to a line of their own that ends it): the tag that
    /// ends it (`@flowend` for a flowchart), its line and indentation.
    liquid_code: Option<(&'static str, usize, String)>,
    /// The lines of the open `::: preview` as written (vuepress-theme-hope): shown as its
    /// source after what they render.
    preview: Option<Vec<String>>,
    /// The fence such a block is written out with (`liquid_fence`).
    fence_for_liquid: String,
    /// Inside an HTML comment that goes on over lines: a container or shortcode in it is
    /// hidden text, and expanding it would end the comment at the directive's `-->`. `Some(true)`
    /// when it opened after text, in a paragraph: CommonMark reads it as a comment only if it
    /// closes before the paragraph ends, so a blank line ends it too.
    html_comment: Option<bool>,
    /// The line before was in a quote, which the next `>` line goes on with.
    quote: bool,
    /// The paragraph so far is a list written as `1、` (warned about once, `slips`).
    comma_list: bool,
    /// The line before was blank (or there was none), and an HTML block is open: `slips`.
    after_blank: bool,
    html_block: bool,
    /// A code fence inside a quote is open (`> ```): the fences read here are top-level ones.
    quote_fence: bool,
    /// Inside a TiDB note (`> **注意：**`): the indentation of its quote.
    note: Option<String>,
    /// A set of PyMdown tabs is open, of blocks with this many slashes ...
    tabs_open: Option<usize>,
    /// ... and its last tab has just closed: a line that is no tab of it ends the set.
    tabs_closing: Option<usize>,
    /// The open sets of MkDocs content tabs (`=== "Label"`): the column their labels are at.
    /// With the indentation their markers are written out at.
    content_tabs: Vec<(usize, usize)>,
    /// Bytes the page's includes have added so far.
    included: usize,
    /// The open fence names a file its code is (Rspress's ```` ```tsx file="./demo.tsx" ````):
    /// the file, and the fence's line in the result.
    fence_file: Option<(String, usize)>,
}

impl<'a> Transform<'a> {
    fn new(options: &'a Options<'a>) -> Transform<'a> {
        Transform {
            options,
            tab_names: Vec::new(),
            out: Vec::new(),
            open: Vec::new(),
            warnings: Vec::new(),
            attr_lists: None,
            display_math: false,
            fence: None,
            fence_depth: 0,
            fence_pad: 0,
            in_list: false,
            changed: false,
            shifted: false,
            jsx_comment: None,
            raw: false,
            liquid_code: None,
            preview: None,
            fence_for_liquid: String::new(),
            html_comment: None,
            quote: false,
            comma_list: false,
            after_blank: true,
            html_block: false,
            quote_fence: false,
            note: None,
            tabs_open: None,
            tabs_closing: None,
            content_tabs: Vec::new(),
            fence_file: None,
            // An imported page's includes count with the page's (see `embeds`).
            included: embeds::included_before(),
        }
    }
}

impl Transform<'_> {
    fn push(&mut self, text: String, src: usize) {
        let text = match embeds::unescaped_include(&text) {
            Some(t) => {
                self.changed = true;
                t
            }
            None => text,
        };
        self.out.push((text, src));
    }

    fn replace(&mut self, text: String, src: usize) {
        self.changed = true;
        self.push(text, src);
    }

    fn warn(&mut self, src: usize, message: String) {
        self.warnings.push(
            Diagnostic::warning(message)
                .at_line(src + 1)
                .hint("its text is kept as it is; write it with helpcenter's Markdown (README, \"Moving from another tool\") to get the same effect"),
        );
    }

    fn line(&mut self, i: usize, line: &str) {
        if let Some(lines) = self.preview.as_mut() {
            lines.push(line.to_owned());
        }
        let continues_quote = self.quote;
        self.quote = tidb::is_quoted(line) || (self.quote && !line.trim().is_empty());
        // Inside a TiDB note, its quote's lines are the callout's Markdown.
        let unquoted = self.note_line(line, i);
        let line = unquoted.as_deref().unwrap_or(line);
        // `{% raw %}…{% endraw %}` within a line (in code too: Liquid reads the page before
        // Markdown does) is what it holds.
        let unraw = inline_raw(line);
        if unraw.is_some() {
            self.changed = true;
        }
        let line = unraw.as_deref().unwrap_or(line);
        // Inside a Liquid code block, lines are its code, as written.
        if let Some((end, _, pad)) = &self.liquid_code {
            let tag = liquid_name(line.trim());
            if tag == Some(end) || (end.starts_with('@') && line.trim() == *end) {
                let close = format!("{pad}{}", self.fence_for_liquid);
                self.liquid_code = None;
                self.replace(close, i);
            } else if matches!(tag, Some("raw" | "endraw")) {
                // Liquid reads the block before it is highlighted: its escape is no code.
                self.changed = true;
                self.shifted = true;
            } else {
                self.push(line.to_owned(), i);
            }
            return;
        }
        // Inside `{% raw %}`, lines are text as written.
        if self.raw {
            if liquid_name(line.trim()) == Some("endraw") {
                self.raw = false;
                self.replace(String::new(), i);
            } else {
                self.push(line.to_owned(), i);
            }
            return;
        }
        // Inside an HTML comment, lines are kept as written: the reader sees none of them.
        if let Some(inline) = self.html_comment {
            if inline && line.trim().is_empty() {
                self.html_comment = None;
            } else {
                self.html_comment = match line.rfind("-->") {
                    // A comment may open again after the one that closed (`--> <!--`).
                    Some(end) => open_comment(&line[end + 3..]).map(|_| inline),
                    None => Some(inline),
                };
                self.push(line.to_owned(), i);
                return;
            }
        }
        // Inside an MDX comment, nothing is read until it ends, fences and containers included.
        if self.jsx_comment.is_some() {
            let rest = self.jsx_comments(line, i);
            if self.jsx_comment.is_some() || rest.trim().is_empty() {
                self.replace(String::new(), i);
                return;
            }
            self.changed = true;
            return self.read_line(i, &rest);
        }
        let starts_note = !continues_quote && self.note.is_none() && self.fence.is_none();
        if starts_note && self.note_start(line, i).is_some() {
            return;
        }
        self.read_line(i, line);
    }

    fn read_line(&mut self, i: usize, line: &str) {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        // Inside an MkDocs admonition or content tab, a line indented less ends it; a line
        // that is no tab of a set of content tabs ends the set.
        if !trimmed.is_empty() {
            self.close_indented(indent, i);
            self.close_content_tabs(indent, trimmed, i);
        }
        let line = self.dedent(line);
        let trimmed_owned = line.trim().to_owned();
        let trimmed = trimmed_owned.as_str();
        if self.fence.is_none() && self.pymdown_option(&line, i).is_some() {
            return;
        }
        if let Some((c, n)) = self.fence {
            // Indented four past the opening fence, a fence is code (Material's docs show
            // `=== "C"` with its indented code fence inside a fenced example).
            let pad = line.len() - line.trim_start().len();
            if pad < self.fence_pad + 4
                && trimmed.starts_with(&c.to_string().repeat(n))
                && trimmed.trim_start_matches(c).trim().is_empty()
            {
                self.fence = None;
                if let Some((file, at)) = self.fence_file.take() {
                    self.code_of_file(&file, at, &line, i);
                }
            } else if self.mdbook_include(&line, i, false).is_some() {
                return;
            }
            self.push(line, i);
            return;
        }
        self.close_tabs_before(trimmed, i);
        if let Some(f) = fence_open(trimmed) {
            self.fence = Some(f);
            self.fence_file = embeds::fence_file(trimmed).map(|f| (f, self.out.len()));
            self.fence_depth = self.indented_depth();
            self.fence_pad = line.len() - line.trim_start().len();
            let line = self.variables(&line, i);
            self.push(line, i);
            return;
        }
        if let Some(at) = open_comment(&line) {
            let after_text = !line[..at].trim().is_empty();
            self.html_comment = Some(after_text);
            // A comment that starts the line holds all of it; one after text ends a line that
            // is read as usual.
            if !after_text {
                self.push(line, i);
                return;
            }
        }
        let pad = &line[..line.len() - line.trim_start().len()];
        let header_in_code = pad.len() >= 4 && !self.in_list;
        if !trimmed.is_empty() && pad.len() < 4 {
            self.in_list = list_item(trimmed);
        }
        if let Some(done) = self.colons(pad, trimmed, i) {
            return done;
        }
        if let Some(done) = self.hope_tab(pad, trimmed, i) {
            return done;
        }
        // Indented four past its block, outside a list item, a header is code (`    !!! note`).
        if !header_in_code {
            if let Some(done) = self.admonition(pad, trimmed, i) {
                return done;
            }
            if let Some(done) = self.content_tab(pad, trimmed, i) {
                return done;
            }
        }
        if let Some(done) = self.pymdown_block(pad, trimmed, i) {
            return done;
        }
        if let Some(done) = self.mdbook_include(&line, i, true) {
            return done;
        }
        if let Some(done) = self.file_include(trimmed, i) {
            return done;
        }
        if let Some(done) = self.docsify_notice(pad, trimmed, i) {
            return done;
        }
        if let Some(done) = self.block_shortcode(pad, trimmed, i) {
            return done;
        }
        if matches!(trimmed, "[[TOC]]" | "[[toc]]" | "[TOC]" | "[toc]") {
            return self.replace(format!("{pad}{DIRECTIVE}toc-->"), i);
        }
        // MDX (Docusaurus): `import Tabs from '@theme/Tabs';` brings in components handled
        // where they are used; the line itself shows nothing.
        if pad.is_empty() && is_mdx_import(trimmed) {
            return self.replace(String::new(), i);
        }
        if let Some(done) = self.liquid(pad, trimmed, i) {
            return done;
        }
        // VuePress's flowchart plugin: `@flowstart` … `@flowend` is a `flow` diagram, shown as
        // its source with the diagram warning, not as a paragraph of its text.
        if trimmed == FLOW_START || trimmed.starts_with(&format!("{FLOW_START} ")) {
            self.liquid_code = Some((FLOW_END, i, pad.to_owned()));
            return self.replace(format!("{pad}{}flow", self.fence_for_liquid), i);
        }
        // PlantUML written in the text (vuepress-theme-hope): `@startuml` … `@enduml` is a
        // `plantuml` diagram, shown as its source with the diagram warning.
        // Its first line is the marker alone or with a name (`@startuml seq`): a sentence
        // that begins with the word is text.
        let diagram = |start: &str| {
            trimmed.strip_prefix(start).is_some_and(|rest| {
                rest.is_empty() || (rest.starts_with(' ') && !rest.trim().contains(' '))
            })
        };
        if let Some(&(_, end)) = PLANTUML
            .iter()
            .find(|(start, _)| diagram(start))
            .filter(|_| pad.len() < 4)
        {
            self.liquid_code = Some((end, i, pad.to_owned()));
            return self.replace(format!("{pad}{}plantuml", self.fence_for_liquid), i);
        }
        self.writing_slips(trimmed, i);
        let mut text = self.jsx_comments(&line, i);
        // A line opening with an emoji (`:wink: :cry:`) under a paragraph is no definition:
        // a definition is `: ` with a space, and pulldown-cmark takes either.
        // (A table's delimiter row without its leading `|`, `:-- | --:`, is none.)
        if pad.len() < 4
            && !self.html_block
            && !self.display_math
            && trimmed.starts_with(':')
            && trimmed[1..].starts_with(|c: char| !c.is_whitespace() && c != ':' && c != '-')
        {
            text = format!("{pad}\\{trimmed}");
        }
        if let Some(heading) = docsify::heading_attributes(&text) {
            text = heading;
        }
        // A heading, not an indented code block's line (`    # printf %{#x}%`).
        if pad.len() < 4 && text.trim_start().starts_with('#') {
            if let Some(heading) = attrs::percent_braces(&text) {
                text = heading;
            }
        }
        if pad.len() < 4 && self.docsify_embed(pad, trimmed, i).is_some() {
            return;
        }
        if pad.len() < 4 && self.dumi_embed(pad, trimmed, i).is_some() {
            return;
        }
        if pad.len() < 4 && self.md_include(pad, trimmed, i).is_some() {
            return;
        }
        if has_include_link(&text) {
            self.warn(
                i,
                "Docsify's `':include'` embed is not understood: it shows as a link to the file"
                    .to_owned(),
            );
        }
        text = self.variables(&text, i);
        text = self.inline_shortcodes(&text, i);
        if let Some(bracketed) = (!self.html_block && !self.quote_fence)
            .then(|| slips::spaced_paths(&text))
            .flatten()
        {
            text = bracketed;
        }
        if let Some(spaced) = (!self.html_block && !self.quote_fence)
            .then(|| slips::tabbed_delimiter_row(&text))
            .flatten()
        {
            text = spaced;
        }
        // A heading's list is its id (`## [链接](x) {#id}`), read where headings are.
        let heading = text.trim_start().starts_with('#');
        // TeX between `$$` lines keeps its braces (`\newcommand{\v}[1]{#1}`).
        let in_math = self.display_math || text.contains("$$");
        if text.matches("$$").count() % 2 == 1 {
            self.display_math = !self.display_math;
        }
        let read = matches!(self.options.made_for, Some("MkDocs" | "Hugo")) && !in_math;
        if read && !self.html_block && !header_in_code && !heading {
            if let Some((without, lists)) = attrs::without_lists(&text) {
                let first = self.attr_lists.get_or_insert((lists[0].clone(), i, 0));
                first.2 += lists.len();
                text = without;
            }
        }
        let mkdocs = self.options.made_for == Some("MkDocs");
        if mkdocs && !self.html_block && !header_in_code {
            if let Some(marked) = pymdown_inline::marks(&text) {
                text = marked;
            }
        }
        if text != line {
            self.changed = true;
        }
        self.push(text, i);
    }

    /// MDX comments, `{/* … */}`, on one line or over several, show nothing (outside code
    /// spans, where they are code).
    fn jsx_comments(&mut self, line: &str, i: usize) -> String {
        if self.jsx_comment.is_none() && !line.contains("{/*") {
            return line.to_owned();
        }
        let mut out = String::with_capacity(line.len());
        let mut rest = line;
        let mut in_code = false;
        while !rest.is_empty() {
            if self.jsx_comment.is_some() {
                match rest.find("*/}") {
                    Some(end) => {
                        self.jsx_comment = None;
                        rest = &rest[end + 3..];
                    }
                    None => rest = "",
                }
                continue;
            }
            let next = rest.find(['`', '{']).unwrap_or(rest.len());
            out.push_str(&rest[..next]);
            rest = &rest[next..];
            if rest.starts_with('`') {
                in_code = !in_code;
                out.push('`');
                rest = &rest[1..];
            } else if !in_code && rest.starts_with("{/*") {
                self.jsx_comment = Some(i);
                rest = &rest[3..];
            } else if let Some(c) = rest.chars().next() {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        if out.trim().is_empty() {
            String::new()
        } else {
            out
        }
    }

    /// Removes the indentation an open MkDocs admonition adds to its body.
    fn dedent(&mut self, line: &str) -> String {
        let depth = self.indented_depth() * 4;
        if depth == 0 {
            return line.to_owned();
        }
        self.changed = true;
        let spaces = line.len() - line.trim_start_matches(' ').len();
        line[spaces.min(depth)..].to_owned()
    }

    /// Closes the MkDocs admonitions whose body is indented more than `indent`.
    fn close_indented(&mut self, indent: usize, src: usize) {
        while let Some(&Open::Indented { indent: at, pad }) = self.open.last() {
            if indent >= at {
                break;
            }
            // A set of content tabs inside this block ends before it.
            while let Some(&(_, set_pad)) = self.content_tabs.last().filter(|(c, _)| *c >= at) {
                self.content_tabs.pop();
                self.push_end(set_pad, src);
            }
            self.open.pop();
            if let Some((c, n)) = self
                .fence
                .filter(|_| self.fence_depth > self.indented_depth())
            {
                self.fence = None;
                self.push_end_line(c.to_string().repeat(n), src);
            }
            self.push_end(pad, src);
        }
    }

    /// How many indented blocks are open.
    fn indented_depth(&self) -> usize {
        self.open
            .iter()
            .filter(|o| matches!(o, Open::Indented { .. }))
            .count()
    }

    fn push_end_line(&mut self, text: String, src: usize) {
        self.shifted = true;
        self.replace(text, src.saturating_sub(1));
    }

    /// The end of an indented block, at `pad` spaces, after the line before source line `src`.
    fn push_end(&mut self, pad: usize, src: usize) {
        self.push_end_line(format!("{}{DIRECTIVE}end-->", " ".repeat(pad)), src);
    }

    /// `::: name title`, `:::name[title]`, and their closing `:::`.
    fn colons(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        let colons = trimmed.chars().take_while(|c| *c == ':').count();
        if colons < 3 {
            return None;
        }
        let rest = trimmed[colons..].trim();
        if rest.is_empty() {
            let pos = self
                .open
                .iter()
                .rposition(|o| matches!(o, Open::Colons { colons: c, .. } if *c <= colons))?;
            let Open::Colons {
                directive,
                tab,
                preview,
                ..
            } = self.open.remove(pos)
            else {
                return None;
            };
            // A tab still open ends with its tabs.
            if tab == Some(true) {
                self.shifted = true;
                self.replace(end_line(pad, true), i);
            }
            self.replace(end_line(pad, directive), i);
            if preview && let Some(mut lines) = self.preview.take() {
                lines.pop();
                self.preview_source(pad, &lines, i);
            }
            return Some(());
        }
        let name_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        let (name, title) = rest.split_at(name_len);
        let title = bracketed_title(title.trim());
        let directive = container(&name.to_ascii_lowercase(), title.as_deref());
        let text = match &directive {
            Some(d) => format!("{pad}{DIRECTIVE}{d}-->"),
            None => {
                // A preview's content shows, then its source (`preview_source`).
                if !matches!(name, "raw" | "v-pre" | "preview") {
                    self.warn(i, format!("the container `::: {name}` is not understood"));
                }
                String::new()
            }
        };
        let tab = (directive.as_deref() == Some("tabs")).then_some(false);
        let preview = name.eq_ignore_ascii_case("preview") && self.preview.is_none();
        if preview {
            self.preview = Some(Vec::new());
        }
        self.open.push(Open::Colons {
            colons,
            directive: directive.is_some(),
            tab,
            preview,
        });
        self.replace(text, i);
        Some(())
    }

    /// After what a `::: preview` renders, its Markdown as written, in a code block.
    fn preview_source(&mut self, pad: &str, lines: &[String], i: usize) {
        let first = lines.iter().position(|l| !l.trim().is_empty());
        let last = lines.iter().rposition(|l| !l.trim().is_empty());
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        let lines = &lines[first..=last];
        let fence = "`".repeat(
            lines
                .iter()
                .map(|l| l.trim_start().chars().take_while(|&c| c == '`').count() + 1)
                .max()
                .unwrap_or(0)
                .max(3),
        );
        self.shifted = true;
        self.replace(String::new(), i);
        self.replace(format!("{pad}{fence}md"), i);
        for l in lines {
            let l = l.strip_prefix(pad).unwrap_or(l);
            self.replace(format!("{pad}{l}"), i);
        }
        self.replace(format!("{pad}{fence}"), i);
    }

    /// vuepress-theme-hope's `@tab 名字` (`@tab:active 名字`, `@tab 名字#value`) in a
    /// `::: tabs` or `::: code-tabs`: the next tab, the one before it ended.
    fn hope_tab(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        let rest = trimmed.strip_prefix("@tab")?;
        let rest = rest.strip_prefix(":active").unwrap_or(rest);
        if !(rest.is_empty() || rest.starts_with(' ')) {
            return None;
        }
        let Some(Open::Colons {
            tab: Some(open), ..
        }) = self.open.last_mut()
        else {
            return None;
        };
        let ended = std::mem::replace(open, true);
        let title = rest.trim();
        // `#value` names the tab for syncing tabs of one group: not its title.
        let title = title.rsplit_once('#').map_or(title, |(t, _)| t).trim();
        if ended {
            self.shifted = true;
            self.replace(end_line(pad, true), i);
        }
        self.replace(format!("{pad}{DIRECTIVE}{}-->", tab_directive(title)), i);
        Some(())
    }

    /// `{{{ .name }}}` (TiDB's docs) replaced by the config's `variables`.
    fn variables(&mut self, line: &str, i: usize) -> String {
        if !line.contains("{{{") {
            return line.to_owned();
        }
        let mut out = String::with_capacity(line.len());
        let mut rest = line;
        while let Some(start) = rest.find("{{{") {
            let Some(len) = rest[start..].find("}}}") else {
                break;
            };
            let inner = rest[start + 3..start + len].trim();
            let name = inner.trim_start_matches('.').trim();
            // `{{{x}}}` in TeX, or braces of any other kind, is no variable: it stays.
            let is_name = inner.starts_with('.')
                && !name.is_empty()
                && name.len() <= 64
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
            if !is_name {
                out.push_str(&rest[..start + 3]);
                rest = &rest[start + 3..];
                continue;
            }
            out.push_str(&rest[..start]);
            match self.options.variables.get(name) {
                Some(v) => out.push_str(v),
                None => {
                    self.warnings.push(
                        Diagnostic::warning(format!("the variable `{{{{{{ .{name} }}}}}}` has no value"))
                            .at_line(i + 1)
                            .hint(format!("give it one in helpcenter.yaml: `variables: {{ {name}: … }}`; until then it is left out")),
                    );
                }
            }
            rest = &rest[start + len + 3..];
        }
        out.push_str(rest);
        out
    }
}

/// A title heading's line as the body's headings are read: its variables replaced, Docsify's
/// `:id=x` and `%{#x}%` as `{#x}`.
pub fn title_heading(line: &str, variables: &BTreeMap<String, String>) -> String {
    let line = substitute(line, variables);
    let line = attrs::percent_braces(&line).unwrap_or(line);
    docsify::attributes_of(&line).unwrap_or(line)
}

/// `text` with its `{{{ .name }}}` variables replaced (those without a value left out): for
/// front matter, title headings and navigation files, whose text is shown as it is.
pub fn substitute(text: &str, variables: &BTreeMap<String, String>) -> String {
    substitute_warning(text, variables).0
}

/// The same, with a warning for each variable left out (at line 1: the caller knows where the
/// text is), so a typo in a front-matter title is reported as one in the body is.
pub fn substitute_warning(
    text: &str,
    variables: &BTreeMap<String, String>,
) -> (String, Vec<Diagnostic>) {
    if !text.contains("{{{") {
        return (text.to_owned(), Vec::new());
    }
    let options = Options {
        variables,
        include: None,
        made_for: None,
        mdx: false,
    };
    let mut t = Transform::new(&options);
    let out = t.variables(text, 0);
    (out, t.warnings)
}

/// `import X from '…';` or `export const …` at the top level of an MDX page.
fn is_mdx_import(line: &str) -> bool {
    (line.starts_with("import ")
        && line.contains(" from ")
        && (line.ends_with(';') || line.ends_with('\'') || line.ends_with('"')))
        || (line.starts_with("import '") && line.ends_with(';'))
        || line.starts_with("export const ")
        || line.starts_with("export default ")
}

/// Where an HTML comment opens on `line` that does not close on it, outside code spans.
fn open_comment(line: &str) -> Option<usize> {
    let at = line.rfind("<!--")?;
    let in_code = line[..at].matches('`').count() % 2 == 1;
    (!in_code && !line[at + 4..].contains("-->")).then_some(at)
}

/// The opening fence of a code block: its character and length.
fn fence_open(trimmed: &str) -> Option<(char, usize)> {
    let c = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = trimmed.chars().take_while(|x| *x == c).count();
    (n >= 3 && !(c == '`' && trimmed[n..].contains('`'))).then_some((c, n))
}

/// `[Title]` (Docusaurus), `{title="Title"}` or `Title` after a container's name.
fn bracketed_title(rest: &str) -> Option<String> {
    let t = if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        inner.to_owned()
    } else if let Some(inner) = rest.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        inner
            .split_once("title=")
            .map(|(_, v)| v.trim().trim_matches(['"', '\'']).to_owned())
            .unwrap_or_default()
    } else {
        rest.to_owned()
    };
    let t = t.trim().to_owned();
    (!t.is_empty()).then_some(t)
}

/// PlantUML's diagrams as written in the text, by their first and last lines.
const PLANTUML: &[(&str, &str)] = &[
    ("@startuml", "@enduml"),
    ("@startmindmap", "@endmindmap"),
    ("@startgantt", "@endgantt"),
    ("@startwbs", "@endwbs"),
    ("@startsalt", "@endsalt"),
    ("@startjson", "@endjson"),
    ("@startyaml", "@endyaml"),
];

/// The callout kind a container or shortcode name stands for.
fn callout_kind(name: &str) -> Option<&'static str> {
    Some(match name {
        "tip" | "success" | "hint" => "tip",
        "note" | "info" | "abstract" | "summary" | "question" | "example" | "quote" | "primary"
        | "secondary" => "note",
        // Docusaurus's, Starlight's and VuePress's `caution` is their yellow warning; their red
        // one is `danger`, as GitHub's is CAUTION.
        "warning" | "warn" | "attention" | "caution" => "warning",
        "danger" | "error" | "failure" | "bug" => "caution",
        "important" => "important",
        _ => return None,
    })
}

/// Whether a line begins a list item: `- `, `* `, `+ `, `1. `, `1) `.
fn list_item(trimmed: &str) -> bool {
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let rest = &trimmed[digits..];
    if digits > 0 {
        rest.starts_with(". ") || rest.starts_with(") ")
    } else {
        ["- ", "* ", "+ "].iter().any(|m| trimmed.starts_with(m))
    }
}

/// The directive for a `:::`-style container name, if it is one this theme has.
fn container(name: &str, title: Option<&str>) -> Option<String> {
    match name {
        "details" => Some(details_directive(title.unwrap_or_default())),
        "code-group" | "tabs" | "code-tabs" => Some("tabs".to_owned()),
        other => callout_kind(other).map(|k| {
            // A type with a name of its own (MkDocs's `!!! question`) keeps it as the title
            // it has by default, in the callout of its kind's colour.
            let kind = match other {
                "question" | "quote" | "abstract" | "summary" | "example" | "info" | "success"
                | "failure" | "bug" => format!("{k}.{other}"),
                _ => k.to_owned(),
            };
            callout_directive(&kind, title)
        }),
    }
}

pub(super) fn quoted(s: &str) -> String {
    serde_json::to_string(s)
        .unwrap_or_default()
        .replace("--", "-\\u002d")
}

fn callout_directive(kind: &str, title: Option<&str>) -> String {
    match title {
        Some(t) => format!("callout {kind} {}", quoted(t)),
        None => format!("callout {kind}"),
    }
}

fn details_directive(title: &str) -> String {
    format!("details {}", quoted(title))
}

/// The line that ends a container: the directive's end when it opened one, else nothing (the
/// container was not understood and only its text is kept).
fn end_line(pad: &str, directive: bool) -> String {
    if directive {
        format!("{pad}{DIRECTIVE}end-->")
    } else {
        String::new()
    }
}

/// A Markdown link to a video (or, `kind` `playlist`, a YouTube playlist) of YouTube, Vimeo or
/// bilibili by its id, when the id is one (letters, digits, `-` and `_`, so it cannot end the
/// link or the URL): what a theme's embed shows, as something a reader can follow.
fn video_link(service: &str, id: Option<&str>, kind: Option<&str>) -> Option<String> {
    let id = id?.trim();
    let valid = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return None;
    }
    let (name, url) = match service {
        "youtube" if kind == Some("playlist") => (
            "YouTube",
            format!("https://www.youtube.com/playlist?list={id}"),
        ),
        "youtube" => ("YouTube", format!("https://www.youtube.com/watch?v={id}")),
        "vimeo" => ("Vimeo", format!("https://vimeo.com/{id}")),
        "bilibili" => ("bilibili", format!("https://www.bilibili.com/video/{id}")),
        _ => return None,
    };
    Some(format!("[▶ {name} {}](<{url}>)", id.replace('_', "\\_")))
}

fn tab_directive(title: &str) -> String {
    format!("tab {}", quoted(title))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::content::dialect::body) fn run(body: &str) -> Body {
        let vars = BTreeMap::from([("company".to_owned(), "PingCAP".to_owned())]);
        transform(
            body,
            &Options {
                variables: &vars,
                include: None,
                made_for: None,
                mdx: false,
            },
        )
    }

    #[test]
    fn percent_braces_stay_code_in_an_indented_code_block() {
        let body = "文字：\n\n    # printf %{#x}%\n\n## 标题 %{#t}%\n";
        assert_eq!(
            run(body).text,
            "文字：\n\n    # printf %{#x}%\n\n## 标题 {#t}\n"
        );
    }

    #[test]
    fn a_pages_includes_have_a_budget() {
        // 400 includes of a file just under 1 MB made a 402 MB page (this session's attacker).
        let vars = BTreeMap::new();
        let read =
            |_: &Include, _: Option<&Path>| Ok(("x".repeat(3 << 20), PathBuf::from("/a.rs")));
        let body = "{{#include a.rs}}\n".repeat(6);
        let b = transform(
            &body,
            &Options {
                variables: &vars,
                include: Some(&read),
                made_for: None,
                mdx: false,
            },
        );
        assert_eq!(b.text.matches('x').count(), 2 * (3 << 20));
        assert_eq!(b.warnings.len(), 1, "{:?}", b.warnings);
        assert!(b.warnings[0].message.contains("pass 8 MB"));
        assert_eq!(b.line_map.len(), b.text.split('\n').count());
    }

    #[test]
    fn escaped_mdbook_includes_lose_their_backslash_even_in_code() {
        // mdBook's own guide teaches includes this way; mdBook shows them without the `\`.
        let b = run(
            "Write `\\{{#include file.rs}}`:\n\n```hbs\n\\{{#include file.rs:2:10}}\n\\{{#if x}}\n```\n\n\\{{#playground a.rs}}\n",
        );
        assert_eq!(
            b.text,
            "Write `{{#include file.rs}}`:\n\n```hbs\n{{#include file.rs:2:10}}\n\\{{#if x}}\n```\n\n{{#playground a.rs}}\n"
        );
    }

    #[test]
    fn colon_containers_of_vitepress_and_docusaurus() {
        let b = run(
            "::: tip 注意\n内容\n:::\n\n:::warning\n警告\n:::\n\n:::note[标题]\nx\n:::\n\n::: details 点我\n细节\n:::\n",
        );
        assert_eq!(
            b.text,
            "<!--helpcenter:callout tip \"注意\"-->\n内容\n<!--helpcenter:end-->\n\n<!--helpcenter:callout warning-->\n警告\n<!--helpcenter:end-->\n\n<!--helpcenter:callout note \"标题\"-->\nx\n<!--helpcenter:end-->\n\n<!--helpcenter:details \"点我\"-->\n细节\n<!--helpcenter:end-->\n"
        );
        assert!(b.line_map.is_empty() && b.warnings.is_empty());
    }

    #[test]
    fn containers_inside_code_are_code() {
        let b = run("```md\n::: tip\n{{< note >}}\n```\n");
        assert_eq!(b.text, "```md\n::: tip\n{{< note >}}\n```\n");
    }

    #[test]
    fn videos_are_links_to_them() {
        let b = run(
            "{{< youtube id=\"w7Ft2ym_a\" >}}\n{{< vimeo 146022717 >}}\n{% youtube lJIrF4YjHfQ %}\n{{< youtube \"x<script>\" >}}\n{% youtube PLx1 'playlist' %}\n",
        );
        assert_eq!(
            b.text,
            "[▶ YouTube w7Ft2ym\\_a](<https://www.youtube.com/watch?v=w7Ft2ym_a>)\n[▶ Vimeo 146022717](<https://vimeo.com/146022717>)\n[▶ YouTube lJIrF4YjHfQ](<https://www.youtube.com/watch?v=lJIrF4YjHfQ>)\n\n[▶ YouTube PLx1](<https://www.youtube.com/playlist?list=PLx1>)\n"
        );
        // An id that is no id is not understood, and said so.
        assert_eq!(b.warnings.len(), 1, "{:?}", b.warnings);
        assert_eq!(b.warnings[0].line, Some(4));
    }

    #[test]
    fn unknown_syntax_keeps_its_text_and_warns() {
        let b =
            run("::: spoiler 剧透\n文字\n:::\n{{< gist abc >}}\n{{< kbd >}}Ctrl{{< /kbd >}} 键\n");
        assert_eq!(b.text, "\n文字\n\n\nCtrl 键\n");
        let lines: Vec<_> = b
            .warnings
            .iter()
            .map(|w| (w.line, w.message.clone()))
            .collect();
        assert_eq!(
            lines,
            [
                (
                    Some(1),
                    "the container `::: spoiler` is not understood".to_owned()
                ),
                (
                    Some(4),
                    "the Hugo shortcode `{{< gist abc >}}` is not understood".to_owned()
                ),
                (
                    Some(5),
                    "the Hugo shortcode `{{< kbd >}}` is not understood".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn hugo_shortcodes() {
        let b = run(
            "{{< note >}}\n注意\n{{< /note >}}\n{{% alert title=\"小心\" color=\"warning\" %}}\n文字\n{{% /alert %}}\n见[安装]({{< ref \"install.md#a\" >}})。\n{{< figure src=\"x.png\" caption=\"图 1\" >}}\n{{< copyable \"shell\" >}}\n{{< button text=\"开始[1]\" page=\"getting-started\" >}}\n{{< button text=\"官网\" link=\"https://dapr.io\" >}}\n{{< button text=\"空\" >}}\n路径是 {{< ref \"x.md\" >}}。\n",
        );
        // A ref in a link is marked for the resolver; as text it is its path.
        assert_eq!(
            b.text,
            "<!--helpcenter:callout note-->\n注意\n<!--helpcenter:end-->\n<!--helpcenter:callout warning \"小心\"-->\n文字\n<!--helpcenter:end-->\n见[安装](hugo-ref:install.md#a)。\n<!--helpcenter:figure src=\"x.png\" caption=\"图 1\"-->\n\n[开始\\[1\\]](<hugo-ref:getting-started>)\n[官网](<https://dapr.io>)\n\n空\n\n路径是 x.md。\n"
        );
        assert_eq!(b.line_map.len(), b.text.split('\n').count());
        assert_eq!(
            b.warnings.len(),
            1,
            "a button leading nowhere, its text kept: {:?}",
            b.warnings
        );
    }

    #[test]
    fn mkdocs_admonitions_are_dedented_and_closed() {
        let b = run("前\n\n!!! warning \"小心\"\n    第一行\n\n    第二行\n\n后\n");
        assert_eq!(
            b.text,
            "前\n\n<!--helpcenter:callout warning \"小心\"-->\n第一行\n\n第二行\n\n<!--helpcenter:end-->\n后\n"
        );
        // The closing line was added: the lines after it come from one source line earlier.
        assert_eq!(b.line_map, [0, 1, 2, 3, 4, 5, 6, 6, 7, 8]);
    }

    #[test]
    fn pymdown_blocks() {
        // FastAPI's docs: an admonition with a title, a details block, two tabs of one set, an
        // admonition retyped by its options, and a block of another name.
        let b = run(
            "/// tip | 提示\n\n文字\n\n///\n\n//// tab | Python 3.10+\n\n```py\n///\n```\n\n////\n\n//// tab | Python 3.8+\n\n乙\n\n////\n\n后\n/// admonition | 小心\n    type: warning\n\n丙\n///\n/// define\n丁\n///\n",
        );
        assert_eq!(
            b.text,
            "<!--helpcenter:callout tip \"提示\"-->\n\n文字\n\n<!--helpcenter:end-->\n\n<!--helpcenter:tabs-->\n<!--helpcenter:tab \"Python 3.10+\"-->\n\n```py\n///\n```\n\n<!--helpcenter:end-->\n\n<!--helpcenter:tab \"Python 3.8+\"-->\n\n乙\n\n<!--helpcenter:end-->\n\n<!--helpcenter:end-->\n后\n<!--helpcenter:callout warning \"小心\"-->\n\n\n丙\n<!--helpcenter:end-->\n\n丁\n\n"
        );
        assert_eq!(b.warnings.len(), 1);
        assert!(b.warnings[0].message.contains("`/// define`"));
        assert_eq!(b.line_map.len(), b.text.split('\n').count());
    }

    #[test]
    fn file_includes_go_with_a_warning_and_raw_is_text() {
        let b = run(
            "前\n{* ../../docs_src/first_steps/tutorial001.py hl[3] *}\n<<< @/snippets/a.js{2}\n{% raw %}\n{{ x }}\n{% endraw %}\n后\n",
        );
        assert_eq!(b.text, "前\n\n\n\n{{ x }}\n\n后\n");
        let lines: Vec<usize> = b.warnings.iter().map(|w| w.line.unwrap_or(0)).collect();
        assert_eq!(lines, [2, 3], "{:?}", b.warnings);
        assert!(b.warnings[0].message.contains("FastAPI's code include"));
    }

    #[test]
    fn hexo_notes_are_callouts_with_their_titles() {
        let b = run(
            "{% note info 网站存放在子目录 %}\n请设置 `root`。\n{% endnote %}\n{% note warning %}\n小心\n{% endnote %}\n{% note 只有标题 %}\n文\n{% endnote %}\n",
        );
        assert_eq!(
            b.text,
            "<!--helpcenter:callout note \"网站存放在子目录\"-->\n请设置 `root`。\n<!--helpcenter:end-->\n<!--helpcenter:callout warning-->\n小心\n<!--helpcenter:end-->\n<!--helpcenter:callout note \"只有标题\"-->\n文\n<!--helpcenter:end-->\n"
        );
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
    }

    #[test]
    fn vuepress_flowcharts_are_flow_code() {
        // VuePress's own FAQ; a fence inside is no end, and `@flowstart` in code is code.
        let b = run(
            "前\n@flowstart\nst=>start: 开始\n```\nst->e\n@flowend\n后\n```\n@flowstart\n```\n",
        );
        assert_eq!(
            b.text,
            "前\n````flow\nst=>start: 开始\n```\nst->e\n````\n后\n```\n@flowstart\n```\n"
        );
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
        let b = run("@flowstart ant\nst=>start: 开始\n");
        assert_eq!(b.text, "```flow\nst=>start: 开始\n\n```");
        assert!(
            b.warnings[0]
                .message
                .contains("never closed with `@flowend`")
        );
    }

    #[test]
    fn liquid_code_blocks_are_fences_and_inline_raw_is_its_text() {
        let b = run(
            "{% highlight bash linenos %}\n{% raw %}\n# 注释\n- 不是列表\n{% endraw %}\n{% endhighlight %}\n  {% codeblock 标题 lang:js %}\n  alert(1)\n  {% endcodeblock %}\n日期 `{% raw %}{{ site.time }}{% endraw %}` 与 {%- raw -%}{% if x %}{%- endraw -%}\n",
        );
        assert_eq!(
            b.text,
            "```bash\n# 注释\n- 不是列表\n```\n  ```js\n  alert(1)\n  ```\n日期 `{{ site.time }}` 与 {% if x %}\n"
        );
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
        // A line of code that is the tag's name alone is code: only a flowchart ends so.
        let b = run("{% highlight text %}\nendhighlight\n{% endhighlight %}\n");
        assert_eq!(b.text, "```text\nendhighlight\n```\n");
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
        // One never closed is code to the end, and says so.
        let b = run("{% highlight ruby %}\nputs 1\n");
        assert_eq!(b.text, "```ruby\nputs 1\n\n```");
        assert_eq!(b.warnings[0].line, Some(1));
        assert!(b.warnings[0].message.contains("endhighlight"));
        // Read once, whatever the line holds (160,000 `{%` took 40 s).
        let long = format!("x {{% raw %}}{} %}}\n", "{%x".repeat(200_000));
        assert_eq!(run(&long).text, long);
        // A fence in the code does not end it: the block's fence is longer than any.
        let b = run("{% highlight md %}\n`````\n<b>x</b>\n{% endhighlight %}\n");
        assert_eq!(b.text, "``````md\n`````\n<b>x</b>\n``````\n");
    }

    #[test]
    fn docsify_notices_alerts_and_heading_ids() {
        let b = run(
            "?> 提示文字\n!> **重要**\n> [!TIP] 同一行\n## 标题 :id=custom\n[例子](a.md ':include')\n",
        );
        assert_eq!(
            b.text,
            "<!--helpcenter:callout tip-->\n提示文字\n<!--helpcenter:end-->\n<!--helpcenter:callout important-->\n**重要**\n<!--helpcenter:end-->\n> [!TIP]\n> 同一行\n## 标题 {#custom}\n[例子](a.md ':include')\n"
        );
        assert_eq!(b.line_map, [0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 5]);
        assert_eq!(b.warnings.len(), 1, "the embed: {:?}", b.warnings);
        // Rspress's INFO and DANGER are GitHub's NOTE and CAUTION.
        let b = run("> [!INFO]\n> 信息\n\n> [!danger] 危险\n");
        assert_eq!(b.text, "> [!NOTE]\n> 信息\n\n> [!CAUTION]\n> 危险\n");
    }

    #[test]
    fn what_raw_and_comments_hold_is_not_read() {
        // `{% raw %}` keeps containers and shortcodes as written; an MDX comment hides a fence
        // and a container it holds.
        let b = run(
            "{% raw %}\n::: tip\n{{< note >}}\n{%- endraw -%}\n{/* 注释\n```\n::: tip\n*/}\n后\n",
        );
        assert_eq!(b.text, "\n::: tip\n{{< note >}}\n\n\n\n\n\n后\n");
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
    }

    #[test]
    fn what_html_comments_hold_is_not_read() {
        // Vite's acknowledgements: a section commented out, with a container in it.
        let b = run(
            "<!--\n## 依赖项\n::: tip\n{{< note >}}\n{{{ .company }}}\n:::\n-->\n::: tip\n后\n:::\n",
        );
        assert_eq!(
            b.text,
            "<!--\n## 依赖项\n::: tip\n{{< note >}}\n{{{ .company }}}\n:::\n-->\n<!--helpcenter:callout tip-->\n后\n<!--helpcenter:end-->\n"
        );
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
        // One opened after text ends that line as usual; one in code, or closed on its line,
        // hides nothing.
        let b = run(
            "文字 {{{ .company }}} <!-- 注释\n::: tip\n-->\n`<!--` 写法\n::: tip\nx\n:::\n<!-- a -->\n::: tip\ny\n:::\n",
        );
        assert_eq!(
            b.text,
            "文字 PingCAP <!-- 注释\n::: tip\n-->\n`<!--` 写法\n<!--helpcenter:callout tip-->\nx\n<!--helpcenter:end-->\n<!-- a -->\n<!--helpcenter:callout tip-->\ny\n<!--helpcenter:end-->\n"
        );
        // One opened after text whose paragraph ends before `-->` is no comment (CommonMark
        // shows it as text): what follows the blank line is read.
        let b = run("文字 <!-- 没有关上\n\n::: tip\nw\n:::\n");
        assert!(
            b.text.contains("<!--helpcenter:callout tip-->"),
            "{}",
            b.text
        );
        // A comment opened again on the line that closed one goes on hiding.
        let b = run("<!--\na\n--> <!--\n::: tip\n## 隐藏\n:::\n-->\n::: tip\nv\n:::\n");
        assert_eq!(
            b.text.matches("<!--helpcenter:callout tip-->").count(),
            1,
            "{}",
            b.text
        );
        assert!(b.text.contains("::: tip\n## 隐藏"), "{}", b.text);
        // In a fence, `<!--` is code.
        let b = run("```html\n<!--\n```\n::: tip\nz\n:::\n");
        assert!(
            b.text.contains("<!--helpcenter:callout tip-->"),
            "{}",
            b.text
        );
    }

    #[test]
    fn a_hugo_ref_is_marked_only_where_a_link_is_read() {
        let b = run(
            "[a]({{< ref x >}}) `[b]({{< ref y >}})` <a title=\"{{< ref z >}}\" href=\"{{< ref w >}}\">w</a>\n[id]: {{< ref \"v.md\" >}}\n",
        );
        assert_eq!(
            b.text,
            "[a](hugo-ref:x) `[b](y)` <a title=\"z\" href=\"hugo-ref:w\">w</a>\n[id]: hugo-ref:v.md\n"
        );
        // What would end the link it is in is encoded, so that the link stays one.
        let b = run("<a href=\"{{< relref a\" >}}\"></a> [c]({{< ref \"b c(1)\" >}})\n");
        assert_eq!(
            b.text,
            "<a href=\"hugo-ref:a%22\"></a> [c](hugo-ref:b%20c%281%29)\n"
        );
        // A Docsify embed in prose or code is no embed.
        let b = run("写成 `[x](a.md ':include')` 即可\n[y](b.md ':include :type=code')\n");
        assert_eq!(b.warnings.len(), 1);
        assert_eq!(b.warnings[0].line, Some(2));
    }

    #[test]
    fn pymdown_options_under_the_header_only() {
        let b =
            run("/// admonition | 甲\n    title: x\n    type: danger\n```\n    a: 1\n```\n///\n");
        assert_eq!(
            b.text,
            "<!--helpcenter:callout caution \"甲\"-->\n\n\n```\n    a: 1\n```\n<!--helpcenter:end-->\n"
        );
    }

    #[test]
    fn mdx_comments_show_nothing() {
        let b = run(
            "{/* 整行注释 */}\n文字 {/* 行内 */} 结束\n`{/* 代码 */}`\n{/* 跨\n行 */}后\n```\n{/* 代码块 */}\n```\n",
        );
        assert_eq!(
            b.text,
            "\n文字  结束\n`{/* 代码 */}`\n\n后\n```\n{/* 代码块 */}\n```\n"
        );
        assert!(b.warnings.is_empty());
        // One never closed hides what follows, as MDX would not build: the author is told.
        let b = run("前\n{/* 忘了关\n后\n");
        assert_eq!(b.text, "前\n\n\n");
        assert_eq!(b.warnings.len(), 1);
        assert!(b.warnings[0].message.contains("never closed"));
    }

    #[test]
    fn gitbook_liquid_and_mdx_imports() {
        let b = run(
            "import Tabs from '@theme/Tabs';\n{% hint style=\"warning\" %}\n小心\n{% endhint %}\n{% embed url=\"x\" %}\n",
        );
        assert_eq!(
            b.text,
            "\n<!--helpcenter:callout warning-->\n小心\n<!--helpcenter:end-->\n\n"
        );
        assert_eq!(b.warnings.len(), 1);
    }

    #[test]
    fn toc_and_variables() {
        let b = run("[[TOC]]\n{{{ .company }}} 与 {{{ .missing }}}\n");
        assert_eq!(b.text, "<!--helpcenter:toc-->\nPingCAP 与 \n");
        assert_eq!(b.warnings[0].line, Some(2));
        assert!(b.warnings[0].message.contains("{{{ .missing }}}"));
        // Braces that name no variable are the text's own (TeX's groups).
        let b = run("$\\frac{{{a}}}{b}$ 与 {{{{{{x}}}}}} 与 {{{ 两 个 }}}\n");
        assert_eq!(
            b.text,
            "$\\frac{{{a}}}{b}$ 与 {{{{{{x}}}}}} 与 {{{ 两 个 }}}\n"
        );
        assert!(b.warnings.is_empty());
    }

    /// vuepress-theme-hope's `::: preview`: what it renders, then its Markdown as written.
    #[test]
    fn a_preview_shows_its_source_after_it() {
        let out = run("::: preview 案例\n\n**粗**体\n\n```js\nx\n```\n\n:::\n\n后\n");
        assert_eq!(
            out.text,
            "\n\n**粗**体\n\n```js\nx\n```\n\n\n\n````md\n**粗**体\n\n```js\nx\n```\n````\n\n后\n"
        );
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    /// Found by review: a sentence that begins with `@startuml`, an indented example, and a
    /// colon line in display math are left as they are.
    #[test]
    fn what_only_looks_like_a_diagram_or_an_emoji_line_stays() {
        for body in [
            "Every diagram's first line is\n@startuml followed by its name.\n\n## Next\n",
            "    @startuml\n    Bob -> Alice\n    @enduml\n",
            "$$\nf(x)\n:= x^2\n$$\n",
        ] {
            assert_eq!(run(body).text, body);
        }
    }

    #[test]
    fn plantuml_in_the_text_is_a_diagram() {
        let out = run("前\n\n@startuml\nBob -> Alice : hello\n@enduml\n\n后\n").text;
        assert_eq!(out, "前\n\n```plantuml\nBob -> Alice : hello\n```\n\n后\n");
    }

    /// An emoji opening a line under a paragraph is text; `: ` with a space is a definition.
    #[test]
    fn an_emoji_line_is_no_definition() {
        let out = run("经典方式:\n:wink: :cry:\n\n术语\n: 定义\n\n```\n:keep\n```\n").text;
        assert_eq!(
            out,
            "经典方式:\n\\:wink: :cry:\n\n术语\n: 定义\n\n```\n:keep\n```\n"
        );
        // A table's delimiter row without a leading `|` stays one.
        let table = "甲 | 乙\n:-- | --:\n1 | 2\n";
        assert_eq!(run(table).text, table);
    }

    #[test]
    fn code_groups_and_tabs() {
        let b = run(
            "::: code-group\n```js [a.js]\nx\n```\n:::\n{{< tabs >}}\n{{< tab \"macOS\" >}}\nA\n{{< /tab >}}\n{{< /tabs >}}\n",
        );
        assert_eq!(
            b.text,
            "<!--helpcenter:tabs-->\n```js [a.js]\nx\n```\n<!--helpcenter:end-->\n<!--helpcenter:tabs-->\n<!--helpcenter:tab \"macOS\"-->\nA\n<!--helpcenter:end-->\n<!--helpcenter:end-->\n"
        );
    }

    /// Dapr's and CloudWeGo's tabs are named on their set, one `codetab` each, in order (they
    /// had been titled by their code's language: "bash | bash").
    #[test]
    fn tabs_named_on_their_set() {
        let b = run(
            "{{< tabs \"在 GOPATH 外\" \"在 GOPATH 下\" >}}\n{{% codetab %}}\nA\n{{% /codetab %}}\n{{% codetab %}}\nB\n{{% /codetab %}}\n{{% codetab %}}\nC\n{{% /codetab %}}\n{{< /tabs >}}\n{{% codetab %}}\nD\n{{% /codetab %}}\n",
        );
        assert_eq!(
            b.text,
            "<!--helpcenter:tabs-->\n<!--helpcenter:tab \"在 GOPATH 外\"-->\nA\n<!--helpcenter:end-->\n<!--helpcenter:tab \"在 GOPATH 下\"-->\nB\n<!--helpcenter:end-->\n<!--helpcenter:tab \"\"-->\nC\n<!--helpcenter:end-->\n<!--helpcenter:end-->\n<!--helpcenter:tab \"\"-->\nD\n<!--helpcenter:end-->\n"
        );
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
    }
}
