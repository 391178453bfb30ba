//! MDX's own reading of a page (`.mdx` files: Docusaurus, Starlight, Rspress), before the rest
//! of the body transform: MDX is Markdown with JSX, and differs from CommonMark where pages
//! written for it break when read as CommonMark.
//!
//! - A component's tag may go on over lines (`<LinkCard`⏎`title="…"`⏎`/>`); CommonMark reads
//!   such a tag as text. Here it is joined onto one line.
//! - A prop may be a JavaScript expression (`config={[…]}`, `style={{…}}`), and so may text
//!   (`{frontmatter.title}`). Nothing here runs JavaScript: they are left out, with one warning
//!   per page, instead of showing their source as text.
//! - A component's tags are blocks of their own, and the Markdown between them is Markdown
//!   however it is indented: MDX has no indented code, and its docs indent the content of
//!   `<Tabs>` and `<TabItem>`. Here the indentation a component adds is taken off its content,
//!   and blank lines set its tags apart, as CommonMark needs to read the Markdown between them.
//! - A heading's id is written `\{#id}` (a bare `{` would be an expression).

/// How many lines a tag or expression may go on over before it is taken as text, and how
/// long it may get: never past a blank line or a code fence either.
const MAX_JOINED: usize = 200;
const MAX_JOINED_BYTES: usize = 64 * 1024;
/// How long a `<CodeBlock>`'s string may be.
const MAX_LITERAL_BYTES: usize = 4 << 20;

/// The page's lines as MDX reads them, each with the 0-based line of the source it came from,
/// and the expressions left out (what, its line).
pub(super) struct Read {
    pub lines: Vec<(String, usize)>,
    pub dropped: Vec<(String, usize)>,
}

impl Read {
    /// A page's lines as they are, each with its own line index, for a pass that rewrites them.
    pub fn lines_of(body: &str) -> Read {
        Read {
            lines: (body.split('\n').enumerate())
                .map(|(i, l)| (l.to_owned(), i))
                .collect(),
            dropped: Vec::new(),
        }
    }
}

/// A component open over lines: its name, the indentation of its tag, and the indentation its
/// content adds (known at its first line).
struct Open {
    name: String,
    indent: usize,
    extra: Option<usize>,
    /// A `<CodeBlock>`'s info string: a string inside it is its code.
    code: Option<String>,
}

/// Reads `body` as MDX; `None` when that changes nothing.
pub(super) fn read(body: &str) -> Option<Read> {
    let source: Vec<&str> = body.split('\n').collect();
    let mut out: Vec<(String, usize)> = Vec::with_capacity(source.len());
    let mut dropped = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut blank_next = false;
    let mut changed = false;
    // Inside `$$` math (its braces are TeX's), and inside a code span that a line of the
    // paragraph opened.
    let mut math = false;
    let mut code_span = false;
    // Bytes read again while joining lines: a page of lines that each open a prop and never
    // close it would be read 200 times over.
    let mut join_budget: usize = 16 << 20;
    // Pages imported as components: (name, path).
    let mut pages: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < source.len() {
        // A component's closing tag is as indented as its opening one: only the components
        // around it take theirs off.
        let within = match fence {
            None => closes(source[i].trim(), &open).unwrap_or(open.len()),
            Some(_) => open.len(),
        };
        let line = unindent(source[i], &mut open[..within], fence.is_none());
        if line.len() != source[i].len() {
            changed = true;
        }
        let trimmed = line.trim();
        // A fence in a quote (`> ```js`) is one too.
        let inner = unquoted(trimmed);
        if let Some((c, n)) = fence {
            if inner.bytes().take_while(|&b| b == c).count() >= n
                && inner.trim_start_matches(c as char).trim().is_empty()
            {
                fence = None;
            }
            out.push((line, i));
            i += 1;
            continue;
        }
        if trimmed.is_empty() {
            code_span = false;
        }
        // `$$` TeX: its braces are no expressions.
        // A `$$` line opens TeX that a line ending in `$$` closes (`$$x$$` is one line of it).
        let one_line = inner.len() >= 4 && inner.starts_with("$$") && inner.ends_with("$$");
        if math || inner == "$$" || one_line {
            math = match math {
                true => !inner.ends_with("$$"),
                false => inner == "$$",
            };
            out.push((line, i));
            i += 1;
            continue;
        }
        if let Some(f) = fence_open(inner) {
            if blank_next {
                out.push((String::new(), i));
                blank_next = false;
            }
            fence = Some(f);
            out.push((line, i));
            i += 1;
            continue;
        }
        // A tag or expression left open at the line's end goes on over the next lines.
        let mut logical = line.clone();
        let mut last = i;
        let in_code_block = open.last().is_some_and(|o| o.code.is_some());
        // A `<CodeBlock>`'s code is read to its closing backtick, blank lines and all.
        if let Some(end) = code_literal_end(&source, i, in_code_block) {
            logical = std::iter::once(line.as_str())
                .chain(source[i + 1..=end].iter().copied())
                .collect::<Vec<_>>()
                .join("\n");
            last = end;
        }
        let literal = last > i;
        while !literal
            && last + 1 < source.len()
            && last - i < MAX_JOINED
            && logical.len() < MAX_JOINED_BYTES
            && join_budget > logical.len()
            && unclosed(&logical, code_span)
        {
            join_budget -= logical.len();
            let next = source[last + 1];
            // A component's prop may hold blank lines (`prompt={`…⏎⏎…`}`); anything else
            // left open ends at one, and at a code fence.
            if (next.trim().is_empty() && !prop_open(&logical))
                || fence_open(unquoted(next.trim())).is_some()
            {
                break;
            }
            last += 1;
            logical.push('\n');
            logical.push_str(next);
        }
        if literal || (last > i && !unclosed(&logical, code_span)) {
            changed = true;
        } else {
            logical = line;
            last = i;
        }
        if let Some((name, path)) = imported_page(&logical) {
            pages.push((name.to_owned(), path.to_owned()));
        }
        // `import { Tabs } from '…';` is the transform's to leave out, braces and all; a
        // directive's attributes (`:::tip{icon="heart"}`) are no expression.
        if logical.starts_with("import ")
            || logical.starts_with("export ")
            || logical.trim_start().starts_with(":::")
        {
            out.push((logical, i));
            i = last + 1;
            continue;
        }
        // Docusaurus's `<CodeBlock language="js">{`…`}</CodeBlock>`: a code block.
        let indent = &logical[..logical.len() - logical.trim_start().len()];
        let inside = open
            .last()
            .and_then(|o| o.code.as_deref())
            .and_then(|info| literal_code(logical.trim()).map(|code| fenced(&code, info)));
        if let Some(code) = inside.or_else(|| code_block(&logical)) {
            out.extend(code.into_iter().map(|l| match l.is_empty() {
                true => (l, i),
                false => (format!("{indent}{l}"), i),
            }));
            changed = true;
            blank_next = true;
            i = last + 1;
            continue;
        }
        // Rspress's `# @rspress/plugin-rss <SourceCode href="…" />`: the link goes under the
        // heading, which is the page's title and keeps no markup.
        if let Some((heading, source)) = source_in_heading(&logical) {
            out.extend([
                (heading.to_owned(), i),
                (String::new(), i),
                (source.to_owned(), i),
            ]);
            changed = true;
            blank_next = true;
            i = last + 1;
            continue;
        }
        // A heading's id (`{#id}`, `\{#id}`, `{/* #id */}`) is no expression.
        let (head, id) = heading_id(&logical).unwrap_or((logical.as_str(), None));
        let (text, gone) = without_expressions(head, code_span);
        let text = match id {
            Some(id) => format!("{} {{#{id}}}", text.trim_end()),
            None => text,
        };
        dropped.extend(gone.into_iter().map(|g| (g, i)));
        if logical.matches('`').count() % 2 == 1 {
            code_span = !code_span;
        }
        // What a string over lines held is kept as lines.
        if text.contains('\n') {
            out.extend(text.split('\n').map(|l| (l.to_owned(), i)));
            changed = true;
            blank_next = false;
            i = last + 1;
            continue;
        }
        let pad = text.len() - text.trim_start().len();
        // Rspress's `<PackageManagerTabs command="add x -D" />`: a tab per package manager.
        if let Some(tabs) = package_manager_tabs(text.trim()) {
            if out.last().is_some_and(|(l, _)| !l.trim().is_empty()) {
                out.push((String::new(), i));
            }
            let pad = &text[..pad];
            out.extend(tabs.into_iter().map(|l| {
                let l = if l.is_empty() { l } else { format!("{pad}{l}") };
                (l, i)
            }));
            changed = true;
            blank_next = true;
            i = last + 1;
            continue;
        }
        // `<ContainerSyntax />` of `import ContainerSyntax from '../fragments/x.mdx'`: that
        // page's text, as an include (see `embeds`).
        let text = match block_tag(text.trim()) {
            Some(BlockTag::Alone(name)) => match pages.iter().find(|(n, _)| *n == name) {
                Some((_, path)) => format!(
                    "{}[{name}]({path} ':include :type=markdown :mdx')",
                    &text[..pad]
                ),
                None => text,
            },
            _ => text,
        };
        changed |= text != logical;
        match block_tag(text.trim()) {
            Some(tag) => {
                if out.last().is_some_and(|(l, _)| !l.trim().is_empty()) {
                    out.push((String::new(), i));
                    changed = true;
                }
                match tag {
                    BlockTag::Opens(name) => open.push(Open {
                        code: (name == "CodeBlock").then(|| code_info(text.trim())),
                        name,
                        indent: pad,
                        extra: None,
                    }),
                    BlockTag::Closes(name) => {
                        if let Some(at) = open.iter().rposition(|o| o.name == name) {
                            open.truncate(at);
                        }
                    }
                    BlockTag::Alone(_) => {}
                }
                out.push((text, i));
                blank_next = true;
            }
            None => {
                if blank_next && !text.trim().is_empty() {
                    out.push((String::new(), i));
                    changed = true;
                }
                blank_next = false;
                out.push((text, i));
            }
        }
        i = last + 1;
    }
    changed |= no_indented_code(&mut out);
    changed.then_some(Read {
        lines: out,
        dropped,
    })
}

/// MDX has no indented code: a line indented four spaces or more past the list item it is in
/// (or past the margin, outside lists), after a blank line, is Markdown or HTML indented to be
/// read (Dify's landing pages nest their cards in `<div>`s), not code. It is moved back to the
/// item's content, so CommonMark does not read it as code. Fenced code keeps its indentation.
/// Says whether a line moved.
fn no_indented_code(lines: &mut [(String, usize)]) -> bool {
    let mut fence: Option<(u8, usize)> = None;
    // How far a fence's opening line moved: its code and closing line move as far.
    let mut shift = 0;
    // The content columns of the list items the lines are in, outermost first.
    let mut items: Vec<usize> = Vec::new();
    let mut after_blank = true;
    let mut moved = false;
    for (line, _) in lines.iter_mut() {
        if fence.is_some() && shift > 0 {
            let pad = line.len() - line.trim_start_matches(' ').len();
            line.drain(..pad.min(shift));
        }
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if let Some((c, n)) = fence {
            let inner = unquoted(trimmed.trim_end());
            if inner.bytes().take_while(|&b| b == c).count() >= n
                && inner.trim_start_matches(c as char).trim().is_empty()
            {
                fence = None;
            }
            continue;
        }
        if trimmed.trim().is_empty() {
            after_blank = true;
            continue;
        }
        if after_blank || indent < items.last().copied().unwrap_or(0) {
            while items.last().is_some_and(|&c| indent < c) {
                items.pop();
            }
        }
        let margin = items.last().copied().unwrap_or(0);
        shift = 0;
        if after_blank && indent >= margin + 4 && !trimmed.starts_with('\t') {
            shift = indent - margin;
            *line = format!("{}{trimmed}", " ".repeat(margin));
            moved = true;
        }
        let (trimmed, indent) = {
            let t = line.trim_start_matches(' ');
            (t.to_owned(), line.len() - t.len())
        };
        // A fence may open on the item's line (`- ```py`).
        let mut opens = trimmed.as_str();
        if let Some(width) = list_marker(&trimmed) {
            items.push(indent + width);
            opens = trimmed.get(width..).unwrap_or("");
        }
        fence = fence_open(unquoted(opens.trim()));
        after_blank = false;
    }
    moved
}

/// The width of a list item's marker and the spaces after it (`- `, `12. `), when the line
/// opens one.
fn list_marker(trimmed: &str) -> Option<usize> {
    let b = trimmed.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let marker = match b.first()? {
        b'-' | b'*' | b'+' => 1,
        _ if (1..=9).contains(&digits) && matches!(b.get(digits), Some(b'.' | b')')) => digits + 1,
        _ => return None,
    };
    let spaces = b[marker..]
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    match spaces {
        0 if marker < b.len() => None,
        1..=4 => Some(marker + spaces),
        _ => Some(marker + 1),
    }
}

/// `line` without the indentation the open components add to their content; the first line
/// of a component's content says how much that is. Code in a fence keeps what is past it.
fn unindent(line: &str, open: &mut [Open], outside_code: bool) -> String {
    let mut rest = line;
    for o in open.iter_mut() {
        let pad = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let extra = match o.extra {
            Some(e) => e,
            None if outside_code && !rest.trim().is_empty() => {
                let e = pad.saturating_sub(o.indent);
                o.extra = Some(e);
                e
            }
            None => 0,
        };
        rest = &rest[pad.min(extra)..];
    }
    rest.to_owned()
}

/// Whether `logical` is a component's tag left open in a prop's value (`<Prompt prompt={`…`),
/// which may go on past blank lines; a tag that closed, with a `{` after it, may not.
fn prop_open(logical: &str) -> bool {
    let tag = logical.trim_start();
    tag.starts_with('<')
        && tag[1..].starts_with(|c: char| c.is_ascii_uppercase())
        && tag_end(tag.as_bytes(), 0).is_none()
        && tag.contains("={")
}

/// The last line of a `<CodeBlock>`'s string starting at line `i` (`{`…` inside one, or
/// `<CodeBlock …>{`…`), found by its closing backtick, however many lines it holds.
fn code_literal_end(source: &[&str], i: usize, in_code_block: bool) -> Option<usize> {
    let t = source[i].trim_start();
    let after = if in_code_block {
        t.strip_prefix("{`")?
    } else {
        let rest = t.strip_prefix("<CodeBlock")?;
        &rest[rest.find(">{`")? + 3..]
    };
    // The line where the string closes, if not this one.
    let closes = |text: &str| {
        let b = text.as_bytes();
        let mut k = 0;
        while k < b.len() {
            match b[k] {
                b'\\' => k += 1,
                b'`' => return true,
                _ => {}
            }
            k += 1;
        }
        false
    };
    if closes(after) {
        return None;
    }
    let mut bytes = 0;
    for (j, l) in source.iter().enumerate().skip(i + 1) {
        bytes += l.len();
        if bytes > MAX_LITERAL_BYTES {
            return None;
        }
        if closes(l) {
            return Some(j);
        }
    }
    None
}

/// The package managers Rspress's `<PackageManagerTabs>` shows a command for.
const PACKAGE_MANAGERS: &[&str] = &["npm", "yarn", "pnpm", "bun"];

/// Rspress's `<PackageManagerTabs command="add @rspress/plugin-rss -D" />` alone on its line,
/// as the lines of a set of tabs with the command for each package manager.
fn package_manager_tabs(trimmed: &str) -> Option<Vec<String>> {
    let rest = trimmed.strip_prefix("<PackageManagerTabs")?;
    if !rest.starts_with(char::is_whitespace) || !rest.ends_with("/>") {
        return None;
    }
    let at = rest.find("command=")? + "command=".len();
    let q = rest[at..]
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\''))?;
    let command = rest[at + 1..].split(q).next()?.trim();
    if command.is_empty() || command.contains('`') {
        return None;
    }
    let mut lines = vec!["<Tabs>".to_owned(), String::new()];
    for pm in PACKAGE_MANAGERS {
        // yarn and bun install a package with `add`, as Rspress shows it.
        let command = match command.strip_prefix("install ") {
            Some(rest) if matches!(*pm, "yarn" | "bun") => format!("add {rest}"),
            _ => command.to_owned(),
        };
        lines.extend([
            format!("<TabItem label=\"{pm}\">"),
            String::new(),
            "```sh".to_owned(),
            format!("{pm} {command}"),
            "```".to_owned(),
            String::new(),
            "</TabItem>".to_owned(),
            String::new(),
        ]);
    }
    lines.push("</Tabs>".to_owned());
    Some(lines)
}

/// The place in `open` of the component the line `trimmed` closes, if it is its closing tag.
fn closes(trimmed: &str, open: &[Open]) -> Option<usize> {
    let name = trimmed.strip_prefix("</")?.strip_suffix('>')?.trim();
    open.iter().rposition(|o| o.name == name)
}

/// The component name and path of an import of another page (`import Part from
/// './_part.mdx';`): a default import of a `.md` or `.mdx` file, by a path from the page's
/// folder, or from the docs' root through an alias (Rspress's `@zh/fragments/x.mdx`, given as
/// `/fragments/x.mdx`).
fn imported_page(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim().strip_prefix("import ")?.trim_start();
    let (name, rest) = rest.split_once(char::is_whitespace)?;
    let rest = rest.trim_start().strip_prefix("from")?.trim();
    let rest = rest.trim_end_matches(';').trim_end();
    let q = rest.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let path = rest.strip_prefix(q)?.strip_suffix(q)?;
    let valid = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
        && name.starts_with(|c: char| c.is_ascii_uppercase());
    let page = [".md", ".mdx"].iter().any(|e| path.ends_with(e))
        && !path.contains(|c: char| c.is_whitespace() || c == '(' || c == ')');
    let path = match path.strip_prefix('@') {
        Some(aliased) => &aliased[aliased.find('/')?..],
        None if path.starts_with("./") || path.starts_with("../") => path,
        None => return None,
    };
    (valid && page).then_some((name, path))
}

/// A code fence's character and length, if the line opens one.
fn fence_open(trimmed: &str) -> Option<(u8, usize)> {
    let c = *trimmed.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = trimmed.bytes().take_while(|&b| b == c).count();
    (n >= 3 && !(c == b'`' && trimmed[n..].contains('`'))).then_some((c, n))
}

/// What a line that is one component's tag alone does.
enum BlockTag {
    Opens(String),
    Closes(String),
    /// Self-closing.
    Alone(String),
}

/// The component tag `trimmed` is, when the line holds one and nothing else.
fn block_tag(trimmed: &str) -> Option<BlockTag> {
    let b = trimmed.as_bytes();
    let closing = b.get(1) == Some(&b'/');
    let name_at = if closing { 2 } else { 1 };
    if b.first() != Some(&b'<') || !b.get(name_at)?.is_ascii_uppercase() {
        return None;
    }
    let end = tag_end(b, 0)?;
    if end != b.len() {
        return None;
    }
    let name: String = trimmed[name_at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'))
        .collect();
    Some(if closing {
        BlockTag::Closes(name)
    } else if trimmed.ends_with("/>") {
        BlockTag::Alone(name)
    } else {
        BlockTag::Opens(name)
    })
}

/// Where `$…$` TeX opened by the `$` at `i` ends (past its closing `$`), when the line closes
/// it: its braces are TeX's, not expressions. A `$` alone (a price) is text.
fn tex_end(b: &[u8], i: usize) -> Option<usize> {
    b[i + 1..]
        .iter()
        .position(|&c| c == b'$')
        .map(|close| i + close + 2)
}

/// Whether `line` ends inside a tag or an expression (outside code spans, `code_span` when a
/// line before opened one, and `$` TeX).
fn unclosed(line: &str, code_span: bool) -> bool {
    let b = line.as_bytes();
    let mut i = 0;
    let mut code = code_span;
    while i < b.len() {
        if let Some(next) = past_text(b, i, &mut code) {
            i = next;
            continue;
        }
        i = match b[i] {
            b'<' if starts_tag(b, i) => match tag_end(b, i) {
                Some(end) => end,
                None => return tag_may_go_on(b, i),
            },
            b'{' => match braces_end(b, i) {
                Some(end) => end,
                None => return true,
            },
            _ => i + 1,
        };
    }
    false
}

/// Steps over what both scanners read as text at `i` — an escape, a code span's backtick,
/// `$…$` TeX, any other character — and says where to go on; `None` at a `<` or `{` outside
/// code, which the caller reads.
fn past_text(b: &[u8], i: usize, code: &mut bool) -> Option<usize> {
    match b[i] {
        b'\\' => Some(i + 2),
        b'`' => {
            *code = !*code;
            Some(i + 1)
        }
        b'$' if !*code => Some(tex_end(b, i).unwrap_or(i + 1)),
        b'<' | b'{' if !*code => None,
        _ => Some(i + 1),
    }
}

/// Whether a tag that does not close on the line is one going on over lines: its name and
/// attributes so far read as a tag's (`<LinkCard`, `<Card title="x"`), not text (`a <b c`).
/// An HTML element's counts when it opens the line (`<iframe` of a video, its attributes one
/// per line below).
fn tag_may_go_on(b: &[u8], at: usize) -> bool {
    let opens_line = b[..at].iter().all(u8::is_ascii_whitespace);
    // Only an element that is a block of its own: joined, an inline one (`<img`) would make
    // the line an HTML block and the caption under it raw text.
    let block = || {
        let name: Vec<u8> = b[at + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .copied()
            .collect();
        JOINED_ELEMENTS
            .iter()
            .any(|e| e.as_bytes() == name.as_slice())
    };
    (b[at + 1].is_ascii_uppercase() || (opens_line && block()))
        && attributes(b, at).is_none_or(|end| end == b.len())
}

/// HTML elements whose tag may go on over lines in MDX: blocks of their own.
const JOINED_ELEMENTS: &[&str] = &[
    "iframe", "video", "audio", "div", "section", "figure", "details", "table", "picture",
    "object", "embed",
];

/// Whether a `<` at `i` starts a tag's name (`<X`, `</X`, `<x`).
fn starts_tag(b: &[u8], i: usize) -> bool {
    let next = if b.get(i + 1) == Some(&b'/') {
        i + 2
    } else {
        i + 1
    };
    b.get(next).is_some_and(u8::is_ascii_alphabetic)
}

/// Reads a tag's name and attributes from the `<` at `at`: where they stop (at `>` or `/>`,
/// or the end of the text), or `None` when what follows the name is no attribute.
fn attributes(b: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'.' | b'_' | b'-' | b':'))
    {
        i += 1;
    }
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i) {
            None | Some(b'>') => return Some(i),
            Some(b'/') if b.get(i + 1) == Some(&b'>') => return Some(i),
            // `{...props}`
            Some(b'{') => i = braces_end(b, i).unwrap_or(b.len()),
            Some(_) => {
                let start = i;
                while i < b.len()
                    && (b[i].is_ascii_alphanumeric()
                        || matches!(b[i], b'-' | b'_' | b':' | b'.' | b'@'))
                {
                    i += 1;
                }
                if i == start {
                    return None;
                }
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if b.get(i) != Some(&b'=') {
                    continue;
                }
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        i = b[i + 1..]
                            .iter()
                            .position(|&c| c == q)
                            .map_or(b.len(), |p| i + p + 2)
                    }
                    Some(b'{') => i = braces_end(b, i).unwrap_or(b.len()),
                    None => return Some(i),
                    Some(_) => return None,
                }
            }
        }
    }
}

/// Where the tag starting at `at` ends (past its `>`), if it closes within `b`.
fn tag_end(b: &[u8], at: usize) -> Option<usize> {
    let i = attributes(b, at)?;
    match b.get(i) {
        Some(b'>') => Some(i + 1),
        Some(b'/') => Some(i + 2),
        _ => None,
    }
}

/// Where the JavaScript expression opened by the `{` at `at` ends (past its `}`): strings,
/// template literals with their `${…}`, comments and nested braces read as JavaScript has them.
fn braces_end(b: &[u8], at: usize) -> Option<usize> {
    // `{` an open brace of code, `` ` `` an open template literal.
    let mut stack = vec![b'{'];
    let mut i = at + 1;
    while i < b.len() {
        let c = b[i];
        if stack.last() == Some(&b'`') {
            match c {
                b'\\' => i += 1,
                b'`' => {
                    stack.pop();
                }
                b'$' if b.get(i + 1) == Some(&b'{') => {
                    stack.push(b'{');
                    i += 1;
                }
                _ => {}
            }
        } else {
            match c {
                b'{' => stack.push(b'{'),
                b'}' => {
                    stack.pop();
                    if stack.is_empty() {
                        return Some(i + 1);
                    }
                }
                b'`' => stack.push(b'`'),
                b'"' | b'\'' => {
                    i += 1;
                    while i < b.len() && b[i] != c {
                        if b[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    i = find(b, i + 2, b"*/").map_or(b.len(), |e| e + 1);
                }
                _ => {}
            }
        }
        i += 1;
    }
    None
}

fn find(b: &[u8], from: usize, what: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(what.len())
        .position(|w| w == what)
        .map(|p| from + p)
}

/// `line` without its JavaScript: a tag's expression props (`config={…}`, `{...props}`) and
/// expressions in text (`{frontmatter.title}`), outside code spans; comments (`{/* … */}`) go
/// unnamed. With what went, as written, shortened.
fn without_expressions(line: &str, code_span: bool) -> (String, Vec<String>) {
    let b = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut gone = Vec::new();
    let mut i = 0;
    let mut kept = 0;
    let mut code = code_span;
    let mut touched = false;
    while i < b.len() {
        if let Some(next) = past_text(b, i, &mut code) {
            i = next;
            continue;
        }
        // At the first tag or expression left open the rest is text: MDX would not build it,
        // and reading on from every `<` or `{` of a long line is quadratic.
        let end = match b[i] {
            b'<' if starts_tag(b, i) => match tag_end(b, i) {
                Some(end) => end,
                None => break,
            },
            b'{' => match braces_end(b, i) {
                Some(end) => end,
                None => break,
            },
            _ => {
                i += 1;
                continue;
            }
        };
        touched = true;
        out.push_str(&line[kept..i]);
        if b[i] == b'<' {
            out.push_str(&tag_without_expressions(&line[i..end], &mut gone));
        } else {
            // One space where it stood between two; none where it ended the line.
            if out.ends_with(' ') && (end == b.len() || line[end..].starts_with(' ')) {
                out.pop();
            }
            let inner = line[i + 1..end - 1].trim();
            if let Some(text) = string_literal(inner) {
                // `{`Array<…>`}`: a string shows as its text.
                out.push_str(&crate::escape::html(text));
            } else if !(inner.starts_with("/*") && inner.ends_with("*/")) {
                gone.push(shortened(&line[i..end]));
            }
        }
        kept = end;
        i = end;
    }
    if !touched {
        return (line.to_owned(), gone);
    }
    out.push_str(&line[kept..]);
    (out, gone)
}

/// The text of a JavaScript string written alone (`'a'`, `"a"`, `` `a` `` without `${…}`).
fn string_literal(js: &str) -> Option<&str> {
    let q = js
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '"' | '`'))?;
    let text = js.get(1..js.len().checked_sub(1)?)?;
    (js.len() >= 2
        && js.ends_with(q)
        && !text.contains(q)
        && !text.contains('\\')
        && !text.contains("${"))
    .then_some(text)
}

/// One tag without its expression props.
fn tag_without_expressions(tag: &str, gone: &mut Vec<String>) -> String {
    // A tag over lines is one line.
    let joined;
    let tag = if tag.contains('\n') {
        joined = tag.split_whitespace().collect::<Vec<_>>().join(" ");
        joined.as_str()
    } else {
        tag
    };
    if !tag.contains('{') {
        return tag.to_owned();
    }
    let b = tag.as_bytes();
    let mut out = String::with_capacity(tag.len());
    let mut kept = 0;
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            q @ (b'"' | b'\'') => {
                i = b[i + 1..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| i + p + 2);
                continue;
            }
            b'{' => {
                let end = braces_end(b, i).unwrap_or(b.len());
                let head = tag[kept..i].trim_end();
                // The prop's name before `=` goes with it.
                let cut = match head.strip_suffix('=') {
                    Some(h) => h.trim_end().rfind(char::is_whitespace).map_or(0, |p| p + 1),
                    None => head.len(),
                };
                gone.push(shortened(tag[kept + cut..end].trim()));
                out.push_str(head[..cut].trim_end());
                kept = end;
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let rest = tag[kept..].trim_start();
    if !rest.starts_with('>') {
        out.push(' ');
    }
    out.push_str(rest);
    out
}

/// An expression as a message names it: `config={…}`.
fn shortened(written: &str) -> String {
    match written.find('{') {
        Some(at) => format!("{}{{…}}", &written[..at]),
        None => written.to_owned(),
    }
}

/// A heading's id as MDX pages write it — `## 标题 \\{#id}` or `\\{#id\\}` (a bare `{` would
/// be an expression), `{#id}` (Docusaurus reads it before MDX does), `{/* #id */}` — split
/// off: the heading without it, and the id.
fn heading_id(line: &str) -> Option<(&str, Option<String>)> {
    if !line.trim_start().starts_with('#') {
        return None;
    }
    let t = line.trim_end();
    let (at, inner) = if let Some(rest) = t.strip_suffix("*/}") {
        let at = rest.rfind("{/*")?;
        (at, rest[at + 3..].trim())
    } else {
        let rest = t.strip_suffix('}')?;
        let rest = rest.strip_suffix('\\').unwrap_or(rest);
        let at = rest.rfind('{')?;
        (at, &rest[at + 1..])
    };
    let id = inner.strip_prefix('#')?;
    if id.is_empty() || id.contains(['{', '}', ' ', '\\']) {
        return None;
    }
    let head = t[..at].strip_suffix('\\').unwrap_or(&t[..at]);
    Some((head, Some(id.to_owned())))
}

/// A heading that ends with a `<SourceCode href="…" />`: the heading without it, and it.
fn source_in_heading(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_end();
    if !t.trim_start().starts_with('#') || !t.ends_with("/>") {
        return None;
    }
    let at = t.rfind("<SourceCode ")?;
    (tag_end(t.as_bytes(), at) == Some(t.len())).then(|| (t[..at].trim_end(), &t[at..]))
}

/// The line without the quote marks it starts with (`> > ```js` → ```` ```js ````).
fn unquoted(trimmed: &str) -> &str {
    trimmed.trim_start_matches(['>', ' '])
}

/// Docusaurus's `<CodeBlock language="js" title="a.js">{`…`}</CodeBlock>` on one line (or
/// joined over lines), as a fenced code block.
fn code_block(logical: &str) -> Option<Vec<String>> {
    let t = logical.trim();
    t.strip_prefix("<CodeBlock")?;
    let open_end = tag_end(t.as_bytes(), 0)?;
    let body = t[open_end..].strip_suffix("</CodeBlock>")?.trim();
    Some(fenced(&literal_code(body)?, &code_info(&t[..open_end])))
}

/// The info string a `<CodeBlock>` tag's `language` and `title` make (`js title="a.js"`).
fn code_info(tag: &str) -> String {
    let attr = |key: &str| {
        let at = tag.find(&format!(" {key}=\""))? + key.len() + 3;
        tag[at..].split('"').next().map(str::to_owned)
    };
    let language = attr("language")
        .or_else(|| attr("lang"))
        .unwrap_or_default();
    match attr("title") {
        Some(t) => format!("{language} title=\"{t}\""),
        None => language,
    }
}

/// The code a JavaScript string in braces holds (`{`…`}`, `{'…'}`), when that is all there is.
fn literal_code(in_braces: &str) -> Option<String> {
    let js = in_braces.strip_prefix('{')?.strip_suffix('}')?.trim();
    let q = js
        .chars()
        .next()
        .filter(|c| matches!(c, '`' | '\'' | '"'))?;
    let code = js.strip_prefix(q)?.strip_suffix(q)?;
    (!code.contains("${")).then(|| unescaped(code))
}

/// A JavaScript string's text: its escapes (`\\\\`, `\\n`, `` \\` ``, `\\$` …) read.
fn unescaped(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut chars = js.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            // A line break escaped: none.
            Some('\n') => {}
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// `code` as the lines of a fenced code block with `info`, set apart by blank lines.
fn fenced(code: &str, info: &str) -> Vec<String> {
    // Longer than any run of backticks in the code.
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(3.max(longest + 1));
    let mut lines = vec![String::new(), format!("{fence}{info}")];
    lines.extend(code.trim_matches('\n').split('\n').map(str::to_owned));
    lines.push(fence);
    lines.push(String::new());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(body: &str) -> String {
        read(body)
            .map(|r| {
                r.lines
                    .into_iter()
                    .map(|(l, _)| l)
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_else(|| body.to_owned())
    }

    #[test]
    fn a_tag_over_lines_is_one_line() {
        // A prop's string may hold blank lines; a tag left open ends at one.
        assert_eq!(
            text("<Prompt\n  title=\"t\"\n  prompt={`甲\n\n乙`}\n/>\n\n后文。"),
            "<Prompt title=\"t\" />\n\n后文。"
        );
        assert_eq!(text("<Tabs\n\n正文 x > y。"), "<Tabs\n\n正文 x > y。");
        // A closed tag with a `{` after it is no prop left open.
        assert_eq!(
            text("<Kbd keys={[\"c\"]} /> 再按 { 打开\n\n## 标题\n\n完 }"),
            "<Kbd /> 再按 { 打开\n\n## 标题\n\n完 }"
        );
        assert_eq!(
            text("<LinkCard\n  title=\"甲\"\n  href=\"/a/\"\n/>\n后文。"),
            "<LinkCard title=\"甲\" href=\"/a/\" />\n\n后文。"
        );
        // Text with a `<` is no tag.
        assert_eq!(text("a <b c\nd"), "a <b c\nd");
    }

    #[test]
    fn expressions_are_left_out() {
        let r = read("<SidebarPreview\n\tconfig={[\n\t\t{ label: '仙女座', link: '' },\n\t]}\n/>\n\n<IconsList labels={{ copied: '已复制！' }} />\n\n<Badge text=\"新\" style={{ color: 'red' }} />\n").unwrap();
        let lines: Vec<&str> = r.lines.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            lines,
            [
                "<SidebarPreview />",
                "",
                "<IconsList />",
                "",
                "<Badge text=\"新\" />",
                ""
            ]
        );
        assert_eq!(
            r.dropped,
            [
                ("config={…}".to_owned(), 0),
                ("labels={…}".to_owned(), 6),
                ("style={…}".to_owned(), 8)
            ]
        );
        // A template literal with braces and `}` in strings.
        let r = read("<Prompt prompt={`a ${b} }`} title=\"t\" />").unwrap();
        assert_eq!(r.lines[0].0, "<Prompt title=\"t\" />");
        // In code spans and fences, braces are code.
        assert!(read("写 `{a}` 即可。\n\n```js\nconst a = {b};\n```\n").is_none());
        // Text expressions; comments go without a word.
        // A price is no TeX: the expression after it goes.
        let r = read("价 $5 与 {frontmatter.title}").unwrap();
        assert_eq!(r.lines[0].0, "价 $5 与");
        assert!(read("$$ is the PID\n\n{x}").unwrap().dropped.len() == 1);
        assert!(read("公式 $\\frac{1}{2}$ 与\n\n$$\nx^{10}\n$$\n").is_none());
        let r = read("前 {frontmatter.title} 后 {/* 注 */}").unwrap();
        assert_eq!(r.lines[0].0, "前 后");
        assert_eq!(r.dropped.len(), 1);
        // A string is its text.
        let r = read("<code>{`Array<{ a: `}[T](/t/){`; b }>`}</code>").unwrap();
        assert_eq!(r.lines[0].0, "<code>Array&lt;{ a: [T](/t/); b }&gt;</code>");
        assert!(r.dropped.is_empty());
        assert!(read(":::tip{icon=\"heart\"}\n甲\n:::").is_none());
    }

    #[test]
    fn component_content_is_markdown_however_indented() {
        assert_eq!(
            text(
                "<Tabs>\n    <TabItem label=\"npm\">\n        ```sh\n        npm i\n          x\n        ```\n    </TabItem>\n</Tabs>\n\n<Testimonial>\n    它直观。\n</Testimonial>"
            ),
            "<Tabs>\n\n<TabItem label=\"npm\">\n\n```sh\nnpm i\n  x\n```\n\n</TabItem>\n\n</Tabs>\n\n<Testimonial>\n\n它直观。\n\n</Testimonial>"
        );
        // Within a list item, the content keeps the item's indentation.
        assert_eq!(
            text(
                "1. 装：\n\n   <Tabs>\n      <TabItem label=\"a\">\n      甲\n      </TabItem>\n   </Tabs>\n"
            ),
            "1. 装：\n\n   <Tabs>\n\n   <TabItem label=\"a\">\n\n   甲\n\n   </TabItem>\n\n   </Tabs>\n"
        );
    }

    #[test]
    fn an_imported_page_is_included_where_it_is_used() {
        assert_eq!(
            text("import Part from '../fragments/part.mdx';\n\n前文。\n\n<Part />\n\n后文。"),
            "import Part from '../fragments/part.mdx';\n\n前文。\n\n[Part](../fragments/part.mdx ':include :type=markdown :mdx')\n\n后文。"
        );
        assert!(imported_page("import { Tabs } from '@theme/Tabs';").is_none());
        assert!(imported_page("import Tabs from '@theme/Tabs';").is_none());
        assert_eq!(
            imported_page("import P from \"./_p.md\""),
            Some(("P", "./_p.md"))
        );
        assert_eq!(
            imported_page("import P from '@zh/fragments/p.mdx';"),
            Some(("P", "/fragments/p.mdx"))
        );
    }

    #[test]
    fn package_manager_tabs_show_each_command() {
        let t = text("装：\n<PackageManagerTabs command=\"add x -D\" />\n完。");
        assert!(
            t.starts_with("装：\n\n<Tabs>\n\n<TabItem label=\"npm\">\n\n```sh\nnpm add x -D\n```"),
            "{t}"
        );
        assert!(
            t.contains("bun add x -D") && t.ends_with("</Tabs>\n\n完。"),
            "{t}"
        );
        // A command given per manager (an object) is JavaScript: left out.
        let t = text("<PackageManagerTabs command=\"install x\" />");
        assert!(
            t.contains("npm install x") && t.contains("yarn add x") && t.contains("bun add x"),
            "{t}"
        );
        // A command given per manager (an object) is JavaScript: left out.
        assert!(package_manager_tabs("<PackageManagerTabs command={{ npm: 'x' }} />").is_none());
    }

    #[test]
    fn a_code_block_component_is_a_code_block() {
        let code = "{`function a() {\n  return 1;\n}`}";
        assert_eq!(
            text(&format!(
                "<CodeBlock language=\"js\" title=\"a.js\">\n{code}\n</CodeBlock>"
            )),
            "<CodeBlock language=\"js\" title=\"a.js\">\n\n```js title=\"a.js\"\nfunction a() {\n  return 1;\n}\n```\n\n</CodeBlock>"
        );
        assert_eq!(
            text("<CodeBlock language=\"sh\">{'npm i'}</CodeBlock>"),
            "\n```sh\nnpm i\n```\n"
        );
        // Blank lines, escapes, and a list item's indentation.
        assert_eq!(
            text(
                "1. 装：\n\n   <CodeBlock language=\"js\">{`a();\n\nb(\"C:\\\\x\\n\");`}</CodeBlock>\n"
            ),
            "1. 装：\n\n\n   ```js\n   a();\n\n   b(\"C:\\x\n   \");\n   ```\n\n"
        );
    }

    #[test]
    fn a_source_link_in_a_heading_goes_under_it() {
        assert_eq!(
            text("# @rspress/plugin-rss <SourceCode href=\"https://x/rss\" />\n正文。"),
            "# @rspress/plugin-rss\n\n<SourceCode href=\"https://x/rss\" />\n\n正文。"
        );
    }

    /// MDX has no indented code, but a fence opened on a list item's line keeps its code's
    /// indentation, and a tab after a list marker keeps the item's text in it (found by
    /// review).
    #[test]
    fn indented_lines_move_back_but_code_and_items_stay() {
        let fenced = "- ```py\n  if x:\n\n      y()\n  ```\n\nText\n\n    Indented paragraph\n";
        assert_eq!(
            text(fenced),
            "- ```py\n  if x:\n\n      y()\n  ```\n\nText\n\nIndented paragraph\n"
        );
        let tabbed = "1.\tStep one\n\n    More text for step one\n\n2.\tStep two\n";
        assert_eq!(text(tabbed), tabbed);
    }

    #[test]
    fn escaped_heading_ids() {
        for (line, head, id) in [
            (
                "## CSS 变量 \\{#css-variables}",
                "## CSS 变量 ",
                "css-variables",
            ),
            (
                "## 什么是 llms.txt？ \\{#llms-txt\\}",
                "## 什么是 llms.txt？ ",
                "llms-txt",
            ),
            ("## Install {#install}", "## Install ", "install"),
            (
                "## Configure it {/* #configure */}",
                "## Configure it ",
                "configure",
            ),
        ] {
            assert_eq!(
                heading_id(line),
                Some((head, Some(id.to_owned()))),
                "{line}"
            );
        }
        assert!(heading_id("正文 \\{#a}").is_none());
        assert_eq!(text("## Install {#install}\n"), "## Install {#install}\n");
    }

    proptest::proptest! {
        /// Any page reads without a panic; every line comes from a line of the page, in order,
        /// and text without braces or tags keeps its words.
        #[test]
        fn any_page_reads(body in r#"([<>{}/`'"=\\#: \n]|[A-Za-z]{1,3}|甲| {4}){0,60}"#) {
            if let Some(r) = read(&body) {
                let n = body.split('\n').count();
                proptest::prop_assert!(r.lines.windows(2).all(|w| w[0].1 <= w[1].1));
                proptest::prop_assert!(r.lines.iter().all(|(_, i)| *i < n));
            }
        }
    }

    #[test]
    fn no_input_panics() {
        for s in [
            "<", "<A", "<A b=", "<A b={", "{", "`{", "<A {...", "\\", "<A b='", "{`${",
        ] {
            let _ = read(s);
            let _ = read(&format!("{s}\n{s}"));
        }
    }
}
