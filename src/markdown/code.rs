//! Fenced code blocks as other tools write their info string: the language is its first word
//! (`ts{2,3}` and `js twoslash` are `ts` and `js`), and a file name given as `[vite.config.js]`
//! (VitePress) or `title="vite.config.js"` (Docusaurus) is shown above the block.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag};

use super::Writer;
use crate::escape;

impl<'e> Writer<'e, '_> {
    pub(super) fn start_code(&mut self, event: &Event<'e>) {
        let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = event else {
            self.emit(event.clone());
            return;
        };
        let (language, title) = read_info(info);
        if let Some(title) = title {
            self.emit_html(format!(
                "<p class=\"code-title\">{}</p>\n",
                escape::html(&title)
            ));
        }
        if language == info.as_ref() {
            self.emit(event.clone());
        } else {
            self.emit(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(
                CowStr::from(language),
            ))));
        }
    }
}

/// The language and the title of a fence's info string.
fn read_info(info: &str) -> (String, Option<String>) {
    let info = info.trim();
    let end = info
        .find(|c: char| c.is_whitespace() || c == '{' || c == '[')
        .unwrap_or(info.len());
    let language = info[..end].to_owned();
    let rest = &info[end..];
    let bracketed = rest
        .find('[')
        .and_then(|s| Some(rest[s + 1..s + 1 + rest[s + 1..].find(']')?].to_owned()));
    let titled = rest.split_once("title=").map(|(_, v)| {
        let v = v.trim_start();
        match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or_default().to_owned(),
            _ => v.split_whitespace().next().unwrap_or_default().to_owned(),
        }
    });
    let title = bracketed.or(titled).filter(|t| !t.trim().is_empty());
    (language, title)
}

#[cfg(test)]
mod tests {
    #[test]
    fn info_strings_of_other_tools() {
        use super::read_info;
        assert_eq!(read_info("ts{2,3}"), ("ts".into(), None));
        assert_eq!(
            read_info("js twoslash [vite.config.js (单入口)]"),
            ("js".into(), Some("vite.config.js (单入口)".into()))
        );
        assert_eq!(
            read_info("js title=\"docusaurus.config.js\" {1,4-6}"),
            ("js".into(), Some("docusaurus.config.js".into()))
        );
        assert_eq!(read_info("sh"), ("sh".into(), None));
    }
}
