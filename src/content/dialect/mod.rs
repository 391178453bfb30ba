//! Other tools' conventions, turned into helpcenter's own model before the Markdown stage, so
//! the rest of the pipeline never learns them: their front-matter keys (this file and one file
//! per tool), their containers and shortcodes ([`body`]), and what their code blocks hold for
//! their own tools ([`twoslash`]).
//!
//! A key another tool uses either means something here — `linkTitle` is a navigation title,
//! `summary` a description — and becomes the helpcenter key, or means nothing here and is
//! ignored, with one note per build. A key no known tool uses stays an error: it is most often
//! a typo of one of ours.

pub mod body;
mod docusaurus;
mod dumi;
pub mod home;
mod hugo;
mod jekyll;
mod mintlify;
mod mkdocs;
mod rspress;
mod shortcode;
mod starlight;
pub mod twoslash;
mod vitepress;
mod vuepress_hope;
mod zola;

pub use dumi::CONFIG_FILES as DUMI_CONFIG_FILES;
pub use hugo::{
    CONFIG_FILES as HUGO_CONFIG_FILES, is_site as is_hugo_site, keeps_case as hugo_keeps_case,
};

/// What another tool's front-matter key becomes here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Becomes {
    /// The helpcenter key of the same meaning.
    Key(&'static str),
    /// A helpcenter true/false key with the opposite meaning (`unlisted: true` → `draft: true`
    /// is `Key`; `published: false` → `draft: true` is `Not`).
    Not(&'static str),
    /// Nothing: the key is about that tool's layout or workflow.
    Ignored,
}

/// A front-matter key of another tool.
#[derive(Debug, Clone, Copy)]
pub struct ForeignKey {
    /// The key as that tool spells it.
    pub name: &'static str,
    /// The tool, for messages.
    pub tool: &'static str,
    /// What it becomes here.
    pub becomes: Becomes,
}

/// Shorthand for the tables of the tool files.
const fn key(name: &'static str, tool: &'static str, becomes: Becomes) -> ForeignKey {
    ForeignKey {
        name,
        tool,
        becomes,
    }
}

const TOOLS: &[&[ForeignKey]] = &[
    vitepress::KEYS,
    docusaurus::KEYS,
    hugo::KEYS,
    zola::KEYS,
    jekyll::KEYS,
    mkdocs::KEYS,
];

/// Tools whose keys are read only on their own sites (see `content::project`): their names
/// (Rspress's `tag`) are slips of helpcenter's own elsewhere.
const SITE_TOOLS: &[&[ForeignKey]] = &[
    starlight::KEYS,
    rspress::KEYS,
    mintlify::KEYS,
    dumi::KEYS,
    vuepress_hope::KEYS,
];

/// The other tool's key of this name, if a known tool uses it. Keys starting with `hide_`
/// (Docusaurus's `hide_title`, the `hide_sidebar` of many themes) are layout switches of one tool
/// or another: ignored.
pub fn foreign_key(name: &str, made_for: Option<&str>) -> Option<ForeignKey> {
    // The key of the tool the site was written for, when several use the name (`layout`).
    let all = || TOOLS.iter().flat_map(|t| t.iter());
    let site = SITE_TOOLS.iter().flat_map(|t| t.iter());
    site.chain(all())
        .find(|k| k.name == name && Some(k.tool) == made_for)
        .or_else(|| all().find(|k| k.name == name))
        .copied()
        // VitePress's layout keys are VuePress's before it (`pageClass`, `sidebar`): on a
        // VuePress site they are named as its own.
        .map(|k| match made_for {
            Some("VuePress") if k.tool == vitepress::TOOL => ForeignKey {
                tool: "VuePress",
                ..k
            },
            _ => k,
        })
        .or_else(|| {
            name.starts_with("hide_").then_some(key(
                "hide_…",
                "Docusaurus and themes",
                Becomes::Ignored,
            ))
        })
}

/// Every key of another tool, for "did you mean" hints.
pub fn key_names() -> impl Iterator<Item = &'static str> {
    TOOLS.iter().flat_map(|t| t.iter()).map(|k| k.name)
}

/// Text another tool shows as a paragraph of its own (a shortcode's parameter): escaped, and a
/// start that would make it a heading, quote, list, rule, table or fence (`# x`, `> x`, `1. x`,
/// `~~~`) escaped too.
fn paragraph(text: &str) -> String {
    let text = escaped(text.trim());
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if text.starts_with(['#', '>', '-', '+', '=', '~', '|']) {
        format!("\\{text}")
    } else if digits > 0 && text[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text
    }
}

/// Text another tool shows as text within a line (a home page's titles, a button's label),
/// written into Markdown with the characters that would open Markdown or HTML of their own
/// escaped.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '*' | '_' | '`' | '<' | '&' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::paragraph;

    #[test]
    fn a_paragraph_of_text_opens_no_block() {
        for (text, md) in [
            ("# 标题", "\\# 标题"),
            ("~~~", "\\~~~"),
            ("> 引", "\\> 引"),
            ("- 项", "\\- 项"),
            ("12. 项", "12\\. 项"),
            ("3) 项", "3\\) 项"),
            ("<b>粗</b> & *斜*", "\\<b>粗\\</b> \\& \\*斜\\*"),
            ("2024 年", "2024 年"),
        ] {
            assert_eq!(paragraph(text), md, "{text}");
        }
    }

    use super::*;

    #[test]
    fn every_tool_key_is_listed_once_per_tool() {
        for tool in TOOLS.iter().chain(SITE_TOOLS) {
            for (i, k) in tool.iter().enumerate() {
                assert!(
                    !tool[i + 1..].iter().any(|o| o.name == k.name),
                    "{} listed twice",
                    k.name
                );
            }
        }
    }

    /// The README's "Moving from another tool" lists every key that means something here.
    #[test]
    fn readme_lists_every_mapped_key() {
        let readme = include_str!("../../../README.md");
        let start = readme
            .find("## Moving from another tool")
            .expect("README has the section");
        let section = &readme[start..];
        let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
        for k in TOOLS.iter().chain(SITE_TOOLS).flat_map(|t| t.iter()) {
            if k.becomes != Becomes::Ignored {
                assert!(
                    section.contains(&format!("| `{}", k.name)),
                    "README does not list `{}` ({})",
                    k.name,
                    k.tool
                );
            }
        }
    }

    #[test]
    fn mapped_keys() {
        assert_eq!(
            foreign_key("linkTitle", None).unwrap().becomes,
            Becomes::Key("nav_title")
        );
        assert_eq!(
            foreign_key("published", None).unwrap().becomes,
            Becomes::Not("draft")
        );
        assert_eq!(
            foreign_key("outline", None).unwrap().becomes,
            Becomes::Ignored
        );
        assert_eq!(
            foreign_key("hide_sidebar", None).unwrap().becomes,
            Becomes::Ignored
        );
        assert_eq!(
            foreign_key("exclude_search", None).unwrap().becomes,
            Becomes::Not("search")
        );
        assert_eq!(foreign_key("no_list", None).unwrap().tool, "Docsy");
        assert!(foreign_key("titel", None).is_none());
        // Rspress's `tag` only on an Rspress site; elsewhere it is a slip of `tags`.
        assert!(foreign_key("tag", None).is_none());
        assert_eq!(foreign_key("tag", Some("Rspress")).unwrap().tool, "Rspress");
        assert_eq!(
            foreign_key("pagefind", Some("Starlight")).unwrap().becomes,
            Becomes::Not("search")
        );
        assert_eq!(
            foreign_key("sidebarTitle", Some("Mintlify"))
                .unwrap()
                .becomes,
            Becomes::Key("nav_title")
        );
        assert!(foreign_key("sidebarTitle", None).is_none());
        assert_eq!(
            foreign_key("order", Some("dumi")).unwrap().becomes,
            Becomes::Key("weight")
        );
        assert!(foreign_key("group", None).is_none());
        assert_eq!(
            foreign_key("tag", Some("VuePress")).unwrap().becomes,
            Becomes::Key("tags")
        );
    }
}
