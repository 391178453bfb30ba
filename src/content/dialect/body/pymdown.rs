//! PyMdown Extensions' blocks (MkDocs Material, FastAPI's docs): `/// tip | 提示` … `///`, with
//! more slashes for a block around others (`//// tab | Python 3.10+`). Admonitions become
//! callouts, `details` a details block, consecutive `tab` blocks one set of tabs; a block of
//! another name keeps its text, with a warning. Options under the header (`    type: warning`)
//! are read for the callout's kind, then dropped.

use super::{
    DIRECTIVE, Open, Transform, callout_directive, callout_kind, details_directive, end_line,
    tab_directive,
};

/// An opening line: its slashes, the block's name and its title.
fn header(trimmed: &str) -> Option<(usize, &str, Option<&str>)> {
    let slashes = trimmed.chars().take_while(|c| *c == '/').count();
    if slashes < 3 {
        return None;
    }
    let rest = trimmed[slashes..].trim();
    let (name, title) = match rest.split_once('|') {
        Some((n, t)) => (n.trim(), Some(t.trim()).filter(|t| !t.is_empty())),
        None => (rest, None),
    };
    let word = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    word.then_some((slashes, name, title))
}

impl Transform<'_> {
    /// An option line right under a block's header (`    type: warning`), read and dropped;
    /// any other line ends the options.
    pub(super) fn pymdown_option(&mut self, line: &str, i: usize) -> Option<()> {
        let Some(Open::Slashes {
            options: true, at, ..
        }) = self.open.last()
        else {
            return None;
        };
        let at = *at;
        let trimmed = line.trim();
        let pad = line.len() - line.trim_start().len();
        if pad >= 4 && trimmed.contains(':') {
            if let Some(kind) = trimmed.strip_prefix("type:") {
                self.retype(at, kind.trim());
            }
            self.replace(String::new(), i);
            return Some(());
        }
        if let Some(Open::Slashes { options, .. }) = self.open.last_mut() {
            *options = false;
        }
        None
    }

    /// A block's opening or closing line.
    pub(super) fn pymdown_block(&mut self, pad: &str, trimmed: &str, i: usize) -> Option<()> {
        let slashes = trimmed.chars().take_while(|c| *c == '/').count();
        if slashes >= 3 && trimmed.len() == slashes {
            let pos = self
                .open
                .iter()
                .rposition(|o| matches!(o, Open::Slashes { slashes: s, .. } if *s == slashes))?;
            let Open::Slashes { directive, tab, .. } = self.open.remove(pos) else {
                return None;
            };
            self.replace(end_line(pad, directive), i);
            // The set of tabs stays open for a tab block that follows.
            self.tabs_closing = tab.then_some(slashes);
            return Some(());
        }
        let (slashes, name, title) = header(trimmed)?;
        let name = name.to_ascii_lowercase();
        let directive = match name.as_str() {
            "admonition" => Some(callout_directive("note", title)),
            "details" => Some(details_directive(title.unwrap_or("详情"))),
            "tab" => {
                if self.tabs_open != Some(slashes) {
                    self.close_tabs(pad, i);
                    self.push_line(format!("{pad}{DIRECTIVE}tabs-->"), i);
                    self.tabs_open = Some(slashes);
                }
                self.tabs_closing = None;
                Some(tab_directive(title.unwrap_or_default()))
            }
            other => callout_kind(other).map(|k| callout_directive(k, title)),
        };
        if directive.is_none() {
            self.warn(
                i,
                format!("the block `/// {name}` (PyMdown Extensions) is not understood"),
            );
        }
        self.open.push(Open::Slashes {
            slashes,
            directive: directive.is_some(),
            tab: name == "tab",
            options: true,
            at: self.out.len(),
        });
        self.replace(
            directive.map_or_else(String::new, |d| format!("{pad}{DIRECTIVE}{d}-->")),
            i,
        );
        Some(())
    }

    /// `type: warning` under an admonition's header (the line `at` of the result): the
    /// callout's kind.
    fn retype(&mut self, at: usize, kind: &str) {
        let Some(kind) = callout_kind(&kind.to_ascii_lowercase()) else {
            return;
        };
        let Some((line, _)) = self.out.get_mut(at) else {
            return;
        };
        if let Some(rest) = line
            .split_once(&format!("{DIRECTIVE}callout note"))
            .map(|x| x.1.to_owned())
        {
            let pad = &line[..line.len() - line.trim_start().len()];
            *line = format!("{pad}{DIRECTIVE}callout {kind}{rest}");
        }
    }

    /// Ends a set of tabs whose last tab has closed, before a line that is no tab of it.
    pub(super) fn close_tabs_before(&mut self, trimmed: &str, i: usize) {
        let Some(slashes) = self.tabs_closing else {
            return;
        };
        if trimmed.is_empty() {
            return;
        }
        let another_tab = header(trimmed)
            .is_some_and(|(s, name, _)| s == slashes && name.eq_ignore_ascii_case("tab"));
        if !another_tab {
            self.close_tabs("", i);
        }
    }

    /// Ends the open set of tabs, if any.
    pub(super) fn close_tabs(&mut self, pad: &str, i: usize) {
        if self.tabs_open.take().is_some() {
            self.push_line(format!("{pad}{DIRECTIVE}end-->"), i.saturating_sub(1));
        }
        self.tabs_closing = None;
    }

    /// A line added to the result for source line `i`: the lines after it shift.
    fn push_line(&mut self, text: String, i: usize) {
        self.shifted = true;
        self.replace(text, i);
    }
}
