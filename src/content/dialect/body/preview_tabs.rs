//! DCloud's VuePress theme (uni-app's docs, 105 blocks on 82 pages) writes code tabs as a
//! `::: preview`, each tab named by a one-line quote before its code, the container's title
//! the address of a live demo:
//!
//! ````md
//! ::: preview https://hellouniapp.dcloud.net.cn/pages/component/text/text
//! > Template
//! ```vue
//! …
//! ```
//! > Script
//! ```js
//! …
//! ```
//! :::
//! ````
//!
//! Read as vuepress-theme-hope's `::: code-tabs` with an `@tab` per quote, after a link to the
//! demo. vuepress-theme-hope's own `::: preview` (Markdown to render, then its source) opens
//! with no such quote and is left to the container reader.

/// The page's lines with each tabbed preview rewritten; says whether one was.
pub(super) fn tabbed_previews(lines: &mut Vec<(String, usize)>) -> bool {
    let mut changed = false;
    let mut fence = super::Fence::default();
    let mut i = 0;
    while i < lines.len() {
        let trimmed = lines[i].0.trim_start();
        if fence.code(trimmed) {
            i += 1;
            continue;
        }
        if let Some((colons, demo)) = preview_opener(trimmed)
            && opens_with_a_tab(lines, i + 1)
        {
            let pad = lines[i].0[..lines[i].0.len() - trimmed.len()].to_owned();
            let demo = demo.map(str::to_owned);
            let src = lines[i].1;
            lines[i].0 = format!("{pad}{} code-tabs", ":".repeat(colons));
            if let Some(url) = demo {
                lines.insert(i, (String::new(), src));
                lines.insert(i, (format!("{pad}<{url}>"), src));
                i += 2;
            }
            i = retab(lines, i + 1, colons);
            changed = true;
            continue;
        }
        i += 1;
    }
    changed
}

/// `::: preview` and its demo's address, if it has one (`http…`).
fn preview_opener(trimmed: &str) -> Option<(usize, Option<&str>)> {
    let colons = trimmed.chars().take_while(|&c| c == ':').count();
    let rest = trimmed[colons..].trim();
    let after = rest.strip_prefix("preview")?;
    if colons < 3 || !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    // Bare, or titled by a demo's address; a title in words is vuepress-theme-hope's preview.
    let demo = after.trim();
    if demo.is_empty() {
        return Some((colons, None));
    }
    let url = (demo.starts_with("https://") || demo.starts_with("http://"))
        && !demo.contains(char::is_whitespace)
        && !demo.contains(['<', '>']);
    url.then_some((colons, Some(demo)))
}

/// The tab's name, when `trimmed` is a one-line quote (`> Vue2`) that names one.
fn tab_name(trimmed: &str) -> Option<&str> {
    let name = trimmed.strip_prefix('>')?.trim();
    (!name.is_empty() && name.chars().count() <= 60 && !name.starts_with('>')).then_some(name)
}

/// Whether the first line with text from `from` is a tab's name followed (blank lines aside)
/// by a code fence.
fn opens_with_a_tab(lines: &[(String, usize)], from: usize) -> bool {
    let mut texts = lines[from.min(lines.len())..]
        .iter()
        .map(|(l, _)| l.trim())
        .filter(|l| !l.is_empty());
    texts.next().and_then(tab_name).is_some()
        && texts
            .next()
            .is_some_and(|l| super::Fence::default().code(l))
}

/// Turns each tab's quote from `from` on into `@tab`, up to the `:::` closing the preview;
/// returns the index after that line.
fn retab(lines: &mut [(String, usize)], from: usize, colons: usize) -> usize {
    let mut fence = super::Fence::default();
    let mut depth = 0usize;
    for i in from..lines.len() {
        let trimmed = lines[i].0.trim_start();
        if fence.code(trimmed) {
            continue;
        }
        let run = trimmed.chars().take_while(|&c| c == ':').count();
        if run >= 3 {
            if !trimmed[run..].trim().is_empty() {
                depth += 1;
            } else if depth == 0 && run >= colons {
                // As markdown-it's containers close: a run at least as long as the opener's.
                return i + 1;
            } else {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if depth == 0
            && let Some(name) = tab_name(trimmed)
            && opens_with_a_tab(lines, i)
        {
            let pad = &lines[i].0[..lines[i].0.len() - trimmed.len()];
            lines[i].0 = format!("{pad}@tab {name}");
        }
    }
    lines.len()
}

#[cfg(test)]
mod tests {
    use super::tabbed_previews;

    fn run(text: &str) -> (bool, String) {
        let mut lines: Vec<(String, usize)> = (text.split('\n').enumerate())
            .map(|(i, l)| (l.to_owned(), i))
            .collect();
        let changed = tabbed_previews(&mut lines);
        let out: Vec<String> = lines.into_iter().map(|(l, _)| l).collect();
        (changed, out.join("\n"))
    }

    #[test]
    fn quotes_before_code_name_tabs() {
        let (changed, out) = run(
            "::: preview https://demo.example/pages/text\n> Template\n```vue\n> not a tab\n```\n\n> Script\n```js\nx\n```\n:::\n> 引用\n",
        );
        assert!(changed);
        assert_eq!(
            out,
            "<https://demo.example/pages/text>\n\n::: code-tabs\n@tab Template\n```vue\n> not a tab\n```\n\n@tab Script\n```js\nx\n```\n:::\n> 引用\n"
        );
    }

    #[test]
    fn a_preview_of_markdown_and_one_in_code_stay() {
        for text in [
            "::: preview 案例\n\n**粗**体\n\n```js\nx\n```\n:::\n",
            "```md\n::: preview\n> A\n```js\n```\n:::\n```\n",
            "::: preview\n> 一句引用。\n\n正文\n:::\n",
            // vuepress-theme-hope's, titled in words.
            "::: preview 引用后接代码\n\n> 提示\n\n```js\nconst a = 1\n```\n\n:::\n",
        ] {
            assert_eq!(run(text), (false, text.to_owned()), "{text}");
        }
    }

    /// A longer run closes it too, and what follows is left as it is.
    #[test]
    fn a_longer_run_closes_the_preview() {
        let (_, out) = run(
            "::: preview\n> Template\n```vue\n<a/>\n```\n::::\n\n> 示例输出\n```text\nhello\n```\n",
        );
        assert_eq!(
            out,
            "::: code-tabs\n@tab Template\n```vue\n<a/>\n```\n::::\n\n> 示例输出\n```text\nhello\n```\n"
        );
    }

    #[test]
    fn a_blank_line_between_name_and_code_and_a_nested_container() {
        let (_, out) = run(
            "::: preview\n\n> index.html\n\n```html\n<p>\n```\n::: tip\n> 注\n```js\n```\n:::\n:::\n后\n",
        );
        assert_eq!(
            out,
            "::: code-tabs\n\n@tab index.html\n\n```html\n<p>\n```\n::: tip\n> 注\n```js\n```\n:::\n:::\n后\n"
        );
    }
}
