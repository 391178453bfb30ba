//! What a page pulls in from other files of the site: mdBook's `{{#include}}` and PyMdown's
//! snippets, Docsify's `':include'` embeds, pasted in their place within the page's budget; and
//! the includes of tools whose files are not read here, which go with a warning.

use std::path::{Path, PathBuf};

use super::{Transform, liquid::liquid_fence};
use super::{docsify, dumi, md_include};
use crate::content::includes;
use crate::error::Diagnostic;

/// How deep includes in included files are read, as mdBook reads them.
const MAX_NESTED_INCLUDES: usize = 10;

thread_local! {
    /// How deep the page being read is among pages importing each other (see
    /// `Transform::imported_page`), and the folder of the imported one.
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static IMPORTING: std::cell::RefCell<Option<PathBuf>> = const { std::cell::RefCell::new(None) };
    /// The bytes the importing page's includes have added: its imported pages share its budget.
    static INCLUDED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The bytes the page that imports the one now read has included (0 for a page of its own).
pub(super) fn included_before() -> usize {
    INCLUDED.with(std::cell::Cell::get)
}

impl Transform<'_> {
    /// What `include` shows, within the page's budget; an empty error when the budget is spent
    /// (the one warning was given); `None` when there is no reader.
    pub(super) fn read_include(
        &mut self,
        include: &includes::Include,
        within: Option<&Path>,
    ) -> Option<Result<(String, PathBuf), String>> {
        let read = self.options.include?;
        // Past the budget, the rest are left out with the one warning already given.
        let spent = self.included > includes::MAX_PAGE_BYTES;
        Some(read(include, within).and_then(|(text, file)| {
            if spent {
                return Err(String::new());
            }
            // A page of includes of one large file would be gigabytes: the page has a budget.
            self.included += text.len();
            if self.included > includes::MAX_PAGE_BYTES {
                Err(format!(
                    "the page's includes pass {} MB, and this one is left out",
                    includes::MAX_PAGE_BYTES >> 20
                ))
            } else {
                Ok((text, file))
            }
        }))
    }

    /// `text`, read from `file`, with the includes alone on a line of it replaced by what they
    /// show, read from `file`'s folder, as mdBook does (a chapter made of shared parts): to
    /// [`MAX_NESTED_INCLUDES`] deep, past which the line goes with a warning (a file that
    /// includes itself). What cannot be shown is warned about at the page's line `i`, naming
    /// the way there (`via`: the includes that led to `file`, as written).
    fn nested_includes(
        &mut self,
        text: String,
        file: &Path,
        snippet: bool,
        via: &str,
        depth: usize,
        i: usize,
    ) -> String {
        if !text.contains("{{#") && !text.contains("--8<--") {
            return text;
        }
        let folder = file.parent().unwrap_or(Path::new("/"));
        let mut out = Vec::new();
        for line in text.split('\n') {
            // Each tool reads its own includes in what it included (a Markdown sample an mdBook
            // include shows may hold a `--8<--` line, which mdBook shows as written); past the
            // page's budget, nothing more is read.
            let include =
                includes::parse(line).filter(|inc| (inc.kind == includes::SNIPPET_KIND) == snippet);
            let Some(include) = include else {
                out.push(line.to_owned());
                continue;
            };
            if self.included > includes::MAX_PAGE_BYTES {
                continue;
            }
            let shown = if depth >= MAX_NESTED_INCLUDES {
                Err(format!(
                    "includes nest more than {MAX_NESTED_INCLUDES} deep here (does a file include itself?)"
                ))
            } else {
                match self.read_include(&include, Some(folder)) {
                    Some(read) => read,
                    None => continue,
                }
            };
            match shown {
                Ok((inner, inner_file)) => {
                    let via = format!("{via} → `{}`", include.path);
                    let inner =
                        self.nested_includes(inner, &inner_file, snippet, &via, depth + 1, i);
                    let pad = &line[..line.len() - line.trim_start().len()];
                    out.extend(inner.split('\n').map(|l| match l.is_empty() {
                        true => String::new(),
                        false => format!("{pad}{l}"),
                    }));
                }
                Err(why) if why.is_empty() => {}
                Err(why) => {
                    self.warnings.push(
                        Diagnostic::warning(format!(
                            "`{}`, in {via} included here, shows nothing: {why}",
                            line.trim()
                        ))
                        .at_line(i + 1)
                        .hint("the line is left out of what the page includes; name a file from the folder of the file it is in"),
                    );
                }
            }
        }
        out.join("\n")
    }

    /// What an include line shows, in its place and at its indentation: `text` as it is, or
    /// as a code block in language `code` (its name filtered to what a fence's info can hold),
    /// fenced longer than any run of backticks it has.
    pub(super) fn paste(&mut self, pad: &str, text: &str, code: Option<&str>, i: usize) {
        self.changed = true;
        self.shifted = true;
        let fence = code.map(|lang| {
            let lang: String = lang
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '#' | '_'))
                .collect();
            (liquid_fence(text), lang)
        });
        if let Some((fence, lang)) = &fence {
            self.push(format!("{pad}{fence}{lang}"), i);
        }
        for l in text.split('\n') {
            let l = if l.is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            };
            self.push(l, i);
        }
        if let Some((fence, _)) = fence {
            self.push(format!("{pad}{fence}"), i);
        }
    }

    /// The file an embed line names (`path`, from the page's folder, or `within` that of the
    /// page that imports it), read as an include within the page's budget: what `select`
    /// shows of its text, and its folder, which its own embeds are read from. `None` when
    /// there is no reader; an empty error when the budget is spent (warned once).
    fn read_embedded(
        &mut self,
        path: &str,
        within: Option<&Path>,
        select: impl FnOnce(String) -> Result<String, String>,
    ) -> Option<(Result<String, String>, Option<PathBuf>)> {
        let include = includes::Include {
            kind: includes::DOCSIFY_KIND,
            path,
            part: includes::Part::Whole,
        };
        Some(match self.read_include(&include, within)? {
            Ok((text, file)) => (select(text), file.parent().map(Path::to_path_buf)),
            Err(why) => (Err(why), None),
        })
    }

    /// An embed line that shows nothing: it goes, with a warning of `what` and `why` (none when
    /// `why` is empty: the page's include budget was spent, and that was warned of).
    fn embed_left_out(&mut self, what: &str, why: &str, hint: &str, i: usize) {
        if !why.is_empty() {
            self.warnings.push(
                Diagnostic::warning(format!("{what} cannot be shown: {why}"))
                    .at_line(i + 1)
                    .hint(hint),
            );
        }
        self.replace(String::new(), i);
    }

    /// Docsify's `':include'` link alone on its line, to a Markdown file or code of the site:
    /// what the file holds, there (Docsify's own docs embed `_media/example.md`). `None` when
    /// the line is no such link or there is no reader: it stays a link, with a warning.
    pub(super) fn docsify_embed(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        self.options.include?;
        let embed = docsify::embed(trimmed)?;
        // A page an imported page imports is read from that page's folder.
        let within = if embed.mdx {
            IMPORTING.with(|f| f.borrow().clone())
        } else {
            None
        };
        let (shown, folder) =
            self.read_embedded(embed.path, within.as_deref(), |text| match embed.fragment {
                Some(name) => docsify::fragment(&text, name, embed.omit_fragment_line)
                    .ok_or_else(|| format!("`{}` has no fragment `{name}`", embed.path)),
                None if embed.code.is_none() => Ok(docsify::without_front_matter(&text).to_owned()),
                None => Ok(text),
            })?;
        let whose = if embed.mdx {
            "the page this MDX page imports"
        } else {
            "Docsify's embed"
        };
        match shown {
            Ok(text) if embed.mdx => {
                let text = self.imported_page(&text, folder, i);
                self.paste(pad, &text, None, i)
            }
            Ok(text) => self.paste(pad, &text, embed.code, i),
            Err(why) => self.embed_left_out(
                whose,
                &why,
                "the line is left out; name a Markdown or code file of the site",
                i,
            ),
        }
        Some(())
    }

    /// dumi's `<embed src="x.md#L1-L5">` (another page's Markdown, or a part of it) and
    /// `<code src="./demo.tsx">` (an external demo, whose code shows) alone on a line (see
    /// `dumi`), on a dumi site: what they show, there. `None` when the line is no such embed.
    pub(super) fn dumi_embed(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        if self.options.made_for != Some("dumi") {
            return None;
        }
        self.options.include?;
        let embed = dumi::embed(trimmed)?;
        let within = IMPORTING.with(|f| f.borrow().clone());
        let (shown, folder) =
            self.read_embedded(embed.path, within.as_deref(), |text| match embed.part {
                dumi::Part::NoLines(fragment) => Err(format!("`#{fragment}` names no lines")),
                dumi::Part::Matching(re) => dumi::matched(&text, re)
                    .map(str::to_owned)
                    .ok_or_else(|| format!("no part of `{}` matches `{re}`", embed.path)),
                // Lines of the file as it is, its front matter counted.
                dumi::Part::Lines { from, to } => {
                    let lines = md_include::Part::Lines { from, to: Some(to) };
                    md_include::part(&text, &lines)
                        .ok_or_else(|| format!("`{}` has no line {from}", embed.path))
                }
                _ if embed.code => Ok(text),
                _ => Ok(docsify::without_front_matter(&text).to_owned()),
            })?;
        match shown {
            Ok(text) if embed.code => {
                let lang = embed.path.rsplit_once('.').map_or("", |(_, ext)| ext);
                self.paste(pad, text.trim_end_matches('\n'), Some(lang), i);
            }
            Ok(text) => {
                let text = self.imported_page(&text, folder, i);
                self.paste(pad, &text, None, i);
            }
            Err(why) => self.embed_left_out(
                if embed.code {
                    "dumi's demo"
                } else {
                    "dumi's embed"
                },
                &why,
                "the line is left out; name a file of the site from the page's folder",
                i,
            ),
        }
        Some(())
    }

    /// VitePress's and theme-hope's `<!-- @include: ./x.md{3-5} -->` alone on a line (see
    /// `md_include`): that file's Markdown, or its part, there, read as the page is. `None`
    /// when the line is no such include.
    pub(super) fn md_include(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        self.options.include?;
        let inc = md_include::include(trimmed)?;
        // `@/` is the docs' root; another `@name/` is an alias the config's code resolves.
        let rooted;
        let path = match inc.path.strip_prefix('@') {
            Some(rest) if rest.starts_with('/') => {
                rooted = rest.to_owned();
                rooted.as_str()
            }
            Some(_) => {
                self.warnings.push(
                    Diagnostic::warning(format!("the include `{}` names its file through an alias of the site's config, which is not read", inc.path))
                        .at_line(i + 1)
                        .hint("the line is left out; name the file from the page's folder (`./parts/x.md`) or from the docs' root (`@/parts/x.md`)"),
                );
                self.replace(String::new(), i);
                return Some(());
            }
            None => inc.path,
        };
        let within = IMPORTING.with(|f| f.borrow().clone());
        let (shown, folder) = self.read_embedded(path, within.as_deref(), |text| {
            // A whole Markdown file comes without its front matter, as VitePress has it.
            let text = match inc.part {
                md_include::Part::Whole if path.ends_with(".md") => {
                    docsify::without_front_matter(&text)
                }
                _ => &text,
            };
            md_include::part(text, &inc.part)
                .ok_or_else(|| format!("`{}` has no such part", inc.path))
        })?;
        match shown {
            Ok(text) => {
                let text = self.imported_page(&text, folder, i);
                self.paste(pad, &text, None, i);
            }
            Err(why) => self.embed_left_out(
                "the include",
                &why,
                "the line is left out; name a Markdown file of the site from the page's folder",
                i,
            ),
        }
        Some(())
    }

    /// A page an MDX page imports as a component (Rspress's fragments), read as the page is,
    /// its own imports too, [`MAX_NESTED_INCLUDES`] deep; what it warns of is warned of at
    /// the line that shows it.
    fn imported_page(&mut self, text: &str, folder: Option<PathBuf>, i: usize) -> String {
        let depth = DEPTH.with(|d| d.get());
        if depth >= MAX_NESTED_INCLUDES {
            self.warnings.push(
                Diagnostic::warning(format!(
                    "pages import each other more than {MAX_NESTED_INCLUDES} deep: the page imported here is left out"
                ))
                .at_line(i + 1)
                .hint("a page that imports itself, or one that imports it, never ends"),
            );
            return String::new();
        }
        DEPTH.with(|d| d.set(depth + 1));
        let outer = IMPORTING.with(|f| f.replace(folder));
        let before = INCLUDED.with(|c| c.replace(self.included));
        let read = super::transform(text, self.options);
        INCLUDED.with(|c| c.set(before));
        IMPORTING.with(|f| f.replace(outer));
        DEPTH.with(|d| d.set(depth));
        self.included = self.included.max(read.included);
        self.warnings
            .extend(read.warnings.into_iter().map(|w| w.at_line(i + 1)));
        read.text
    }

    /// An empty code block whose fence names a file (Rspress's ```` ```tsx file="./demo.tsx" ````),
    /// about to close with `line`: the file's code, read from the page's folder within the page's
    /// budget, in place of its blank lines (`at`: the fence's line in the result). A block that
    /// has code keeps it.
    pub(super) fn code_of_file(&mut self, file: &str, at: usize, line: &str, i: usize) {
        let Some(inside) = self.out.get(at + 1..) else {
            return;
        };
        if inside.iter().any(|(l, _)| !l.trim().is_empty()) {
            return;
        }
        let include = includes::Include {
            kind: includes::DOCSIFY_KIND,
            path: file,
            part: includes::Part::Whole,
        };
        // In a page another imports, from that page's folder.
        let within = IMPORTING.with(|f| f.borrow().clone());
        match self.read_include(&include, within.as_deref()) {
            Some(Ok((text, _))) => {
                self.out.truncate(at + 1);
                let pad = &line[..line.len() - line.trim_start().len()];
                self.paste(pad, text.trim_end_matches('\n'), None, i);
            }
            Some(Err(why)) if !why.is_empty() => self.warnings.push(
                Diagnostic::warning(format!("the code block's file cannot be shown: {why}"))
                    .at_line(i + 1)
                    .hint("name a file of the site from the page's folder (`./demo.tsx`), or paste its code in the block"),
            ),
            _ => {}
        }
    }

    /// An mdBook include or PyMdown snippet alone on its line, replaced by what it shows (its indentation kept,
    /// so it stays in its list item); a `{{#playground}}` outside a code block is one. What
    /// cannot be shown is warned about and the line goes. `None` when there is no reader (the
    /// line is then a `file_include`) or the line is no include.
    pub(super) fn mdbook_include(
        &mut self,
        line: &str,
        i: usize,
        outside_code: bool,
    ) -> Option<()> {
        self.options.include?;
        let include = includes::parse(line)?;
        match self.read_include(&include, None)? {
            Ok((text, file)) => {
                let via = format!("`{}`", include.path);
                let snippet = include.kind == includes::SNIPPET_KIND;
                let text = self.nested_includes(text, &file, snippet, &via, 1, i);
                let pad = &line[..line.len() - line.trim_start().len()];
                let fenced = outside_code && include.kind == "playground";
                let lang = include
                    .path
                    .rsplit_once('.')
                    .map_or("", |(_, ext)| match ext {
                        "rs" => "rust",
                        other => other,
                    });
                self.paste(pad, &text, fenced.then_some(lang), i);
            }
            Err(why) if why.is_empty() => self.replace(String::new(), i),
            Err(why) => {
                let (whose, hint) = if include.kind == includes::SNIPPET_KIND {
                    (
                        "PyMdown's snippet",
                        "the line is left out; name a file from the folder of mkdocs.yml, and a part (`--8<-- [start:name]`) it has",
                    )
                } else {
                    (
                        "mdBook's include",
                        "the line is left out; name a file of the site or of the book's folder, and an anchor (`// ANCHOR: name`) it has",
                    )
                };
                self.warnings.push(
                    Diagnostic::warning(format!("{whose} `{}` shows nothing: {why}", line.trim()))
                        .at_line(i + 1)
                        .hint(hint),
                );
                self.replace(String::new(), i);
            }
        }
        Some(())
    }

    /// A line that shows another file: what it names is not read, and the line goes.
    pub(super) fn file_include(&mut self, trimmed: &str, i: usize) -> Option<()> {
        // One message per kind, so a site's hundreds of them are counted, not listed.
        let what = if trimmed.starts_with("{*") && trimmed.ends_with("*}") {
            "FastAPI's code include `{* file *}`"
        } else if trimmed.starts_with("<<< @") || trimmed.starts_with("<<<@") {
            "the code snippet import `<<< @/file` (VitePress, VuePress)"
        } else if trimmed.starts_with("--8<--") {
            "the PyMdown snippet include `--8<--`"
        } else if ["{{#include ", "{{#rustdoc_include ", "{{#playground "]
            .iter()
            .any(|p| trimmed.starts_with(p))
        {
            "mdBook's include `{{#include file}}`"
        } else {
            return None;
        };
        self.warnings.push(
            Diagnostic::warning(format!("{what} is not understood"))
                .at_line(i + 1)
                .hint("the file it shows is left out of the page: paste what it should show into the article (in a code block for code)"),
        );
        self.replace(String::new(), i);
        Some(())
    }
}

/// `line` with mdBook's escaped includes (`\{{#include file.rs}}`, written by pages that teach
/// them) shown as mdBook shows them, without the backslash, in code too; `None` when it has
/// none. Handlebars' `\{{#if}}` is not mdBook's and keeps it.
pub(super) fn unescaped_include(line: &str) -> Option<String> {
    if !line.contains("\\{{#") {
        return None;
    }
    let mut out = line.to_owned();
    for kind in ["include", "rustdoc_include", "playground", "title"] {
        out = out.replace(&format!("\\{{{{#{kind} "), &format!("{{{{#{kind} "));
    }
    (out != line).then_some(out)
}

/// Whether a line has a Docsify embed, `[x](file ':include')` or `"…:include"`, outside code.
pub(super) fn has_include_link(line: &str) -> bool {
    [" ':include", " \":include"].iter().any(|m| {
        line.match_indices(m).any(|(at, _)| {
            let before = &line[..at];
            before.matches('`').count() % 2 == 0
                && before
                    .rfind("](")
                    .is_some_and(|open| !before[open..].contains(')'))
        })
    })
}

/// The file a fence's info names as its code: `file="./demo.tsx"` (Rspress), quoted or not.
pub(super) fn fence_file(fence_line: &str) -> Option<String> {
    if !fence_line.starts_with(['`', '~']) {
        return None;
    }
    let at = fence_line.find(" file=")? + " file=".len();
    let rest = &fence_line[at..];
    let file = match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next()?,
        _ => rest.split_whitespace().next()?,
    };
    (!file.is_empty()).then(|| file.to_owned())
}
