//! Raw HTML in Markdown: its links and images are rewritten and checked like Markdown's, its
//! `id`s count as anchors, and other tools' components are turned into the theme's parts —
//! `<Badge>` a label, `<Tabs>`/`<TabItem>` (Docusaurus) and `<SimpleTab>` with `<div label>`
//! (TiDB's docs) tabs, a component with an `href` a link. Any other component (`<ScrimbaLink>`,
//! `<BlogIndex/>`) is never printed or silently swallowed: the tag is dropped, its text kept (its
//! slots' `<template>`s unwrapped), and a warning names the line. Vue's `<script setup>` and scoped `<style>` blocks are left out.

use super::Writer;
use super::links::rewrite;
use super::srcset;
use crate::error::Diagnostic;
use crate::escape;

/// What a component's closing tag becomes.
pub(super) struct OpenTag {
    name: String,
    close: String,
    /// The `<Step>`s a Mintlify `<Steps>` has opened so far.
    steps: u64,
    /// It opened a callout (`<Warning>`), which its closing tag closes.
    callout: bool,
    /// A component not understood: only its text is kept, so its slots' `<template>`s go too.
    unknown: bool,
}

impl Writer<'_, '_> {
    /// Rewrites one chunk of raw HTML (a block's line or an inline tag).
    pub(super) fn raw_html(&mut self, html: &str, line: usize) -> String {
        let mut out = String::with_capacity(html.len());
        let mut last = 0;
        if let Some(end) = self.skip_until {
            match html.find(end) {
                Some(i) => {
                    self.skip_until = None;
                    last = i + end.len();
                }
                None => return String::new(),
            }
        }
        if self.in_comment.is_some() {
            match html[last..].find("-->") {
                Some(i) => {
                    self.in_comment = None;
                    out.push_str(&html[last..last + i + 3]);
                    last += i + 3;
                }
                None => return html.to_owned(),
            }
        }
        let (tags, open_comment) = tags(html, last);
        self.in_comment = open_comment.then_some(line);
        for tag in tags {
            out.push_str(&html[last..tag.start]);
            last = tag.end;
            if let Some(end) = self.left_out(html, &tag, line) {
                match html[tag.end..].find(end) {
                    Some(i) => last = tag.end + i + end.len(),
                    None => {
                        self.skip_until = Some(end);
                        return out;
                    }
                }
                continue;
            }
            out.push_str(&self.tag(html, &tag, line));
        }
        out.push_str(&html[last..]);
        out
    }

    /// Vue's `<script setup>` and `<style scoped|module>` blocks: code for VitePress, not text
    /// for readers. Returns the end tag to skip to.
    fn left_out(&mut self, html: &str, tag: &Tag, line: usize) -> Option<&'static str> {
        let vue = match tag.name.as_str() {
            "script" if tag.attr(html, "setup").is_some() || tag.attr(html, "lang").is_some() => {
                "</script>"
            }
            "style"
                if ["scoped", "module", "lang"]
                    .iter()
                    .any(|a| tag.attr(html, a).is_some()) =>
            {
                "</style>"
            }
            _ => return None,
        };
        if tag.closing {
            return None;
        }
        self.warn_once(
            &tag.name,
            line,
            format!(
                "a Vue `<{}>` block is left out: it is code for VitePress or VuePress",
                &html[tag.start + 1..tag.name_end]
            ),
        );
        Some(vue)
    }

    /// One tag, rewritten. JSX's `className` is `class`. An HTML element that is never empty
    /// written as if it closed itself (`<iframe src="…" />`, as MDX and Vue allow) gets its
    /// closing tag: a browser reads the `/>` of HTML as `>`, and the element would hold the rest
    /// of the page.
    fn tag(&mut self, html: &str, tag: &Tag, line: usize) -> String {
        let mut out = self.rewritten_tag(html, tag, line);
        // JSX's name of `class` (MDX, React components' docs).
        if !tag.closing && tag.name.starts_with(|c: char| c.is_ascii_lowercase()) {
            out = out.replacen(" className=", " class=", 1);
        }
        // (`<a href=/docs/>` ends an unquoted value with `/`: no self-closing.)
        let closes_itself = || {
            let before = &html[tag.start..tag.end - 2];
            before.len() == tag.name_end - tag.start
                || before.ends_with(|c: char| c.is_whitespace() || c == '"' || c == '\'')
        };
        if tag.self_closing
            && !tag.closing
            && CLOSED_BY_TAG.contains(&tag.name.as_str())
            && closes_itself()
        {
            out.push_str(&format!("</{}>", tag.name));
        }
        out
    }

    fn rewritten_tag(&mut self, html: &str, tag: &Tag, line: usize) -> String {
        let written = &html[tag.start..tag.end];
        if let Some(id) = tag
            .attr(html, "id")
            .or_else(|| (tag.name == "a").then(|| tag.attr(html, "name")).flatten())
        {
            self.out.ids.insert(entities(id));
        }
        if tag.name.starts_with(|c: char| c.is_ascii_uppercase()) {
            return self.component(html, tag, line);
        }
        if tag.name == "template" && !self.open_tags.is_empty() {
            return self.template(html, tag);
        }
        if tag.name == "div" && !self.open_tags.is_empty() {
            if tag.closing {
                return self.close_tag("div").unwrap_or_else(|| written.to_owned());
            }
            if let Some(label) = tag.attr(html, "label").filter(|_| self.in_tabs()) {
                self.open_tags.push(OpenTag {
                    name: "div".into(),
                    close: "</section>\n".into(),
                    steps: 0,
                    callout: false,
                    unknown: false,
                });
                return format!(
                    "<section class=\"tab\"><p class=\"tab-title\">{}</p>",
                    escape::html(&entities(label))
                );
            }
            if !tag.self_closing {
                self.open_tags.push(OpenTag {
                    name: "div".into(),
                    close: "</div>".into(),
                    steps: 0,
                    callout: false,
                    unknown: false,
                });
            }
            return written.to_owned();
        }
        let url_attrs: &[&str] = match tag.name.as_str() {
            "a" | "area" => &["href"],
            "img" | "source" => &["src", "srcset"],
            "audio" | "video" | "track" | "iframe" | "embed" => &["src"],
            // An inline SVG's sprite (`<use href="../images/voice.svg#voice">`, Vite's docs).
            "use" | "image" => &["href", "xlink:href"],
            _ => return written.to_owned(),
        };
        let mut values: Vec<(usize, usize, bool)> = Vec::new();
        for a in url_attrs {
            if let Some((vs, ve)) = tag.value_range(html, a) {
                if !values.iter().any(|(s, ..)| *s == vs) {
                    values.push((vs, ve, *a == "srcset"));
                }
            }
        }
        values.sort_unstable();
        let mut out = String::with_capacity(written.len());
        let mut last = tag.start;
        for (vs, ve, srcset) in values {
            let value = entities(&html[vs..ve]);
            let mut one = |url: &str| {
                rewrite(
                    url,
                    self.page,
                    self.links,
                    line,
                    &mut self.out.links,
                    &mut self.diags,
                )
            };
            let new = if srcset {
                Some(srcset::rewrite(&value, one))
            } else {
                one(&value)
            };
            if let Some(new) = new {
                out.push_str(&html[last..vs]);
                out.push_str(&escape::html(&new));
                last = ve;
            }
        }
        out.push_str(&html[last..tag.end]);
        out
    }

    /// A component of VitePress, Docusaurus or another tool.
    fn component(&mut self, html: &str, tag: &Tag, line: usize) -> String {
        let name = &tag.name;
        if tag.closing {
            return self.close_tag(name).unwrap_or_default();
        }
        let get = |key: &str| tag.attr(html, key).map(entities);
        // Callout components: `<Note>`, `<Warning>` (TiDB's docs), `<Admonition type="tip">`.
        let callout = match name.as_str() {
            "Admonition" | "Callout" | "Alert" | "Aside" => {
                Some(get("type").unwrap_or_else(|| "note".into()))
            }
            "Note" | "Info" => Some("note".into()),
            "Tip" => Some("tip".into()),
            "Important" => Some("important".into()),
            "Warning" | "Caution" => Some("warning".into()),
            "Danger" => Some("danger".into()),
            // Mintlify's `<Check>`: a green box of what went right.
            "Check" => Some("tip".into()),
            _ => None,
        };
        if let Some(kind) = callout.filter(|_| !tag.self_closing) {
            let kind = match kind.as_str() {
                "danger" | "error" => "caution",
                "warning" | "warn" | "caution" => "warning",
                "tip" | "success" => "tip",
                "important" => "important",
                _ => "note",
            };
            let title = get("title");
            let open = self.callout_start(kind, title.as_deref());
            self.open_tags.push(OpenTag {
                name: name.clone(),
                close: String::new(),
                steps: 0,
                callout: true,
                unknown: false,
            });
            return open;
        }
        let (open, close): (String, String) = match name.as_str() {
            "Badge" => {
                let kind = get("type").unwrap_or_else(|| "info".into());
                let class = format!("badge badge-{}", escape::html(&kind));
                match get("text") {
                    Some(text) if tag.self_closing => {
                        return format!("<span class=\"{class}\">{}</span>", escape::html(&text));
                    }
                    _ => (format!("<span class=\"{class}\">"), "</span>".into()),
                }
            }
            "Tabs" | "SimpleTab" => ("<div class=\"tabs\">".into(), "</div>\n".into()),
            // Mintlify's `<CodeGroup>`: each code block in it is a tab, named by its title, as
            // in VitePress's `::: code-group`.
            "CodeGroup" => {
                if !tag.self_closing {
                    self.open.push(super::directives::Open::Tabs);
                }
                ("<div class=\"tabs\">".into(), String::new())
            }
            // Wrappers whose content shows as it is: Starlight's `<Steps>` around a numbered
            // list (a step list here already; Mintlify's `<Step>`s make one), `<CardGrid>`,
            // Astro's `<Fragment>`, Docusaurus's `<CodeBlock>` around its code (a code block of
            // MDX's, `mdx`), and Mintlify's layout: groups of cards and accordions, columns.
            "Steps" | "CardGrid" | "Fragment" | "CodeBlock" | "CardGroup" | "Columns"
            | "Column" | "AccordionGroup" => (String::new(), String::new()),
            // Mintlify's `<Step title>`: a step of the `<Steps>` around it.
            "Step" => return self.step(tag, html),
            // Mintlify's `<Accordion title>`: a part the reader opens.
            "Accordion" | "Expandable" => {
                let title = get("title").unwrap_or_default();
                self.title_text(&title);
                (
                    format!(
                        "<details class=\"accordion\"><summary>{}</summary>\n",
                        escape::html(&title)
                    ),
                    "</details>\n".into(),
                )
            }
            // Mintlify's `<Frame caption>` around an image: the caption under it.
            "Frame" => {
                let caption = get("caption").filter(|c| !c.trim().is_empty());
                if let Some(c) = &caption {
                    self.title_text(c);
                }
                (
                    "<figure class=\"frame\">\n".into(),
                    match caption {
                        Some(c) => {
                            format!("<figcaption>{}</figcaption></figure>\n", escape::html(&c))
                        }
                        None => "</figure>\n".into(),
                    },
                )
            }
            // Mintlify's `<ParamField path="user" type="string" required>` and
            // `<ResponseField name>`: the field's name, type and whether it is required, then
            // what it is.
            "ParamField" | "ResponseField" => {
                let field = ["path", "query", "body", "header", "name", "param"]
                    .into_iter()
                    .find_map(&get)
                    .unwrap_or_default();
                self.title_text(&field);
                let mut head = format!(
                    "<p class=\"field-name\"><code>{}</code>",
                    escape::html(&field)
                );
                if let Some(t) = get("type") {
                    head.push_str(&format!(
                        " <span class=\"field-type\">{}</span>",
                        escape::html(&t)
                    ));
                }
                if tag
                    .attr(html, "required")
                    .is_some_and(|v| v != "false" && v != "{false}")
                {
                    head.push_str(&format!(
                        " <span class=\"badge badge-warning\">{}</span>",
                        self.page.locale.text("required")
                    ));
                }
                if let Some(d) = get("default") {
                    head.push_str(&format!(
                        " <span class=\"field-default\">{} <code>{}</code></span>",
                        self.page.locale.text("default_value"),
                        escape::html(&d)
                    ));
                }
                head.push_str("</p>\n");
                (format!("<div class=\"field\">{head}"), "</div>\n".into())
            }
            // Starlight's `<Card title="…">` and Mintlify's, which may lead somewhere (`href`):
            // its title, as a link when it leads somewhere, then its content.
            "Card" => {
                let title = escape::html(&get("title").unwrap_or_default());
                let title = match self.component_href(html, tag, line) {
                    Some(href) => format!("<a href=\"{}\">{title}</a>", escape::html(&href)),
                    None => title,
                };
                (
                    format!("<div class=\"card\"><p class=\"card-title\">{title}</p>"),
                    "</div>\n".into(),
                )
            }
            // Rspress's and Starlight's tabs are `<Tab label>` and `<TabItem label>`,
            // Mintlify's `<Tab title>`.
            "TabItem" | "Tab" => {
                let title = ["label", "title", "value"]
                    .into_iter()
                    .find_map(&get)
                    .unwrap_or_default();
                (
                    format!(
                        "<section class=\"tab\"><p class=\"tab-title\">{}</p>",
                        escape::html(&title)
                    ),
                    "</section>\n".into(),
                )
            }
            _ => match self.component_href(html, tag, line) {
                Some(href) => {
                    let open = format!("<a href=\"{}\">", escape::html(&href));
                    if tag.self_closing {
                        // Nothing inside: its link text is an attribute (Pinia's
                        // `<MasteringPiniaLink href="…" title="…" />`), or there is none to show.
                        // Rspress's `<SourceCode href>` is a link to the code, by its name.
                        let source = (name == "SourceCode")
                            .then(|| self.page.locale.text("source_code").to_owned());
                        let Some(text) = ["title", "text", "label"]
                            .into_iter()
                            .find_map(&get)
                            .or(source)
                        else {
                            self.warn_once(
                                name,
                                line,
                                format!("the component `<{name}>` is not understood: it has a link but no text, and is left out"),
                            );
                            return String::new();
                        };
                        // Starlight's `<LinkCard title description>`: the text after the link.
                        let more = get("description")
                            .map(|d| format!(" — {}", escape::html(&d)))
                            .unwrap_or_default();
                        let link = format!("{open}{}</a>{more}", escape::html(&text));
                        // A card of its own, on its own line.
                        return match name.as_str() {
                            "LinkCard" => format!("<p class=\"link-card\">{link}</p>\n"),
                            _ => link,
                        };
                    }
                    (open, "</a>".into())
                }
                None => {
                    self.warn_once(
                        name,
                        line,
                        format!("the component `<{name}>` is not understood: its text is kept, the component left out"),
                    );
                    (String::new(), String::new())
                }
            },
        };
        if !tag.self_closing {
            self.open_tags.push(OpenTag {
                name: name.clone(),
                unknown: open.is_empty() && close.is_empty(),
                close,
                steps: 0,
                callout: false,
            });
            open
        } else if close.is_empty() {
            String::new()
        } else {
            format!("{open}{close}")
        }
    }

    /// A component's `href`, rewritten and checked as a link is.
    fn component_href(&mut self, html: &str, tag: &Tag, line: usize) -> Option<String> {
        let (vs, ve) = tag.value_range(html, "href")?;
        let value = entities(&html[vs..ve]);
        Some(
            rewrite(
                &value,
                self.page,
                self.links,
                line,
                &mut self.out.links,
                &mut self.diags,
            )
            .unwrap_or(value),
        )
    }

    /// A title a component shows from an attribute (an accordion's, a step's): text of the
    /// page, which search finds.
    fn title_text(&mut self, title: &str) {
        self.block.text.push_str(title);
        self.block.text.push('\n');
    }

    /// Mintlify's `<Step title>`: the next step of the `<Steps>` it is in, numbered and
    /// linkable as a step of a numbered list is (see `steps`), its title first.
    fn step(&mut self, tag: &Tag, html: &str) -> String {
        let title = tag.attr(html, "title").map(entities).unwrap_or_default();
        let Some(steps) = self.open_tags.iter_mut().rev().find(|t| t.name == "Steps") else {
            // A step outside steps: its title and text.
            self.title_text(&title);
            let open = format!("<p class=\"step-title\">{}</p>\n", escape::html(&title));
            if !tag.self_closing {
                self.open_tags.push(OpenTag {
                    name: "Step".into(),
                    close: String::new(),
                    steps: 0,
                    callout: false,
                    unknown: false,
                });
            }
            return open;
        };
        steps.steps += 1;
        let n = steps.steps;
        let list = if n == 1 { "<ol class=\"steps\">\n" } else { "" };
        let id = super::headings::unique_id(format!("step-{n}"), &mut self.used_ids);
        self.out.ids.insert(id.clone());
        let label = self.page.locale.step_label(n);
        self.title_text(&title);
        let head = if title.is_empty() {
            String::new()
        } else {
            format!("<p class=\"step-title\">{}</p>\n", escape::html(&title))
        };
        let open = format!(
            "{list}<li class=\"step\" id=\"{id}\"><a class=\"step-number\" href=\"#{id}\" aria-label=\"{label}\">{n}</a><div class=\"step-body\">\n{head}"
        );
        if tag.self_closing {
            return format!("{open}</div></li>\n");
        }
        self.open_tags.push(OpenTag {
            name: "Step".into(),
            close: "</div></li>\n".into(),
            steps: 0,
            callout: false,
            unknown: false,
        });
        open
    }

    /// A `<template>` inside a component. Browsers never show a template's content; Vue puts a
    /// slot's (`<template #title>`, `<template v-slot:lead>`) into the component. With the
    /// component not understood and left out, a slot's template goes too, so its text shows as
    /// the component's other text does (Vite's team page: its titles and introductions).
    fn template(&mut self, html: &str, tag: &Tag) -> String {
        let written = &html[tag.start..tag.end];
        if tag.closing {
            return self
                .close_tag("template")
                .unwrap_or_else(|| written.to_owned());
        }
        if tag.self_closing {
            return written.to_owned();
        }
        let in_unknown = self
            .open_tags
            .iter()
            .rev()
            .find(|t| t.name.starts_with(|c: char| c.is_ascii_uppercase()))
            .is_some_and(|t| t.unknown);
        let slot = html[tag.name_end..tag.end - 1]
            .split_whitespace()
            .any(|a| a.starts_with('#') || a.starts_with("v-slot"));
        let unwrap = in_unknown && slot;
        self.open_tags.push(OpenTag {
            name: "template".into(),
            close: if unwrap { "" } else { "</template>" }.into(),
            steps: 0,
            callout: false,
            unknown: false,
        });
        if unwrap {
            String::new()
        } else {
            written.to_owned()
        }
    }

    /// The closing markup for `</name>`, if a rewritten tag of that name is open.
    fn close_tag(&mut self, name: &str) -> Option<String> {
        let pos = self.open_tags.iter().rposition(|t| t.name == name)?;
        let t = self.open_tags.remove(pos);
        if t.callout {
            return Some(self.callout_end());
        }
        if t.name == "Steps" && t.steps > 0 {
            return Some("</ol>\n".into());
        }
        if t.name == "CodeGroup" {
            if let Some(at) =
                (self.open.iter()).rposition(|o| matches!(o, super::directives::Open::Tabs))
            {
                self.open.remove(at);
            }
            return Some("</div>\n".into());
        }
        Some(t.close)
    }

    fn in_tabs(&self) -> bool {
        self.open_tags
            .iter()
            .any(|t| matches!(t.name.as_str(), "Tabs" | "SimpleTab" | "CodeGroup"))
    }

    /// A warning about `what`, once per page.
    fn warn_once(&mut self, what: &str, line: usize, message: String) {
        if self.warned.insert(what.to_owned()) {
            self.diags.push(
                Diagnostic::warning(message)
                    .at_line(line)
                    .hint("write it with helpcenter's Markdown or plain HTML (README, \"Moving from another tool\") to show what it showed"),
            );
        }
    }
}

/// HTML elements written self-closing in MDX and Vue templates that in HTML need their closing
/// tag; the void ones (`<img>`, `<br>`) and SVG's (`<path/>`) need none.
const CLOSED_BY_TAG: &[&str] = &[
    "iframe", "video", "audio", "div", "span", "p", "a", "section", "canvas", "object", "textarea",
    "td", "th", "li", "i", "b", "em", "strong", "button", "label", "figure", "picture", "details",
    "summary", "code", "table", "ul", "ol", "script",
];

/// The few entities attribute values carry in practice.
fn entities(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// One tag found in a chunk of HTML.
pub(super) struct Tag {
    start: usize,
    end: usize,
    name: String,
    name_end: usize,
    closing: bool,
    self_closing: bool,
}

impl Tag {
    /// The value of attribute `key` (name matched without case), as written.
    fn attr<'h>(&self, html: &'h str, key: &str) -> Option<&'h str> {
        self.value_range(html, key).map(|(s, e)| &html[s..e])
    }

    /// Where the value of attribute `key` is in `html` (an empty range for a bare attribute).
    fn value_range(&self, html: &str, key: &str) -> Option<(usize, usize)> {
        let b = html.as_bytes();
        let mut i = self.name_end;
        let end = self.end - 1;
        while i < end {
            while i < end && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            let name_start = i;
            while i < end && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
                i += 1;
            }
            let attr = &html[name_start..i];
            while i < end && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = (i, i);
            if i < end && b[i] == b'=' {
                i += 1;
                while i < end && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < end && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    let vs = i + 1;
                    i = vs;
                    while i < end && b[i] != q {
                        i += 1;
                    }
                    value = (vs, i);
                    i += 1;
                } else {
                    let vs = i;
                    while i < end && !b[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = (vs, i);
                }
            }
            if attr.eq_ignore_ascii_case(key) {
                return Some(value);
            }
            if name_start == i {
                i += 1;
            }
        }
        None
    }
}

/// The tags of `html` from byte `from` on: start and end tags, comments skipped; a tag that does
/// not end in this chunk is left alone. Also whether a comment opens and does not close.
fn tags(html: &str, from: usize) -> (Vec<Tag>, bool) {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        if html[start..].starts_with("<!--") {
            match html[start..].find("-->") {
                Some(e) => {
                    i = start + e + 3;
                    continue;
                }
                None => return (out, true),
            }
        }
        let closing = b.get(start + 1) == Some(&b'/');
        let ns = start + 1 + usize::from(closing);
        let mut ne = ns;
        while ne < b.len()
            && (b[ne].is_ascii_alphanumeric() || b[ne] == b'-' || b[ne] == b':' || b[ne] == b'.')
        {
            ne += 1;
        }
        if ne == ns || !b[ns].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        // The end of the tag: the first `>` outside quotes.
        let mut j = ne;
        let mut quote = None;
        while j < b.len() {
            match (quote, b[j]) {
                (None, b'"' | b'\'') => quote = Some(b[j]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        if j >= b.len() {
            break;
        }
        let name = &html[ns..ne];
        out.push(Tag {
            start,
            end: j + 1,
            name: if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                name.to_owned()
            } else {
                name.to_ascii_lowercase()
            },
            name_end: ne,
            closing,
            self_closing: b[j - 1] == b'/',
        });
        i = j + 1;
    }
    (out, false)
}
