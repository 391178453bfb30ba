//! Mintlify's code blocks name their file or tab with the words after the language
//! (```` ```bash macOS / Linux ````, ```` ```javascript config.js {3} ````), where other tools
//! write `title="…"` or `[…]`. Those words become the block's `[title]`; its options (`{3}`,
//! `lines`, `wrap`, `icon="…"`) stay as they are.

/// Words after the language that are options of Mintlify's, not part of a title.
const FLAGS: &[&str] = &["lines", "wrap", "expandable", "twoslash", "showLineNumbers"];

/// The page's lines with each fence's title written as helpcenter reads it; says whether one
/// was.
pub(super) fn titled_fences(lines: &mut [(String, usize)]) -> bool {
    let mut fence = super::Fence::default();
    let mut changed = false;
    for (line, _) in lines.iter_mut() {
        let trimmed = line.trim_start();
        let was_open = fence.opened().is_some();
        if !fence.code(trimmed) || was_open {
            continue;
        }
        // The line opened a fence: the words after its language are its title.
        let Some(n) = fence.opened() else { continue };
        if let Some(new) = titled(&trimmed[n..]) {
            let pad = line.len() - trimmed.len();
            *line = format!("{}{}{new}", &line[..pad], &trimmed[..n]);
            changed = true;
        }
    }
    changed
}

/// `bash macOS / Linux {2}` → `bash [macOS / Linux] {2}`, when there is a title and it is not
/// written another way already.
fn titled(info: &str) -> Option<String> {
    let info = info.trim();
    let (language, rest) = info.split_once(char::is_whitespace)?;
    if rest.contains("title=") || rest.contains('[') || rest.contains('`') {
        return None;
    }
    let mut title = Vec::new();
    let mut options = Vec::new();
    let mut depth = 0usize;
    for word in rest.split_whitespace() {
        let option =
            depth > 0 || word.starts_with('{') || word.contains('=') || FLAGS.contains(&word);
        depth = (depth + word.matches('{').count()).saturating_sub(word.matches('}').count());
        if option {
            options.push(word);
        } else if options.is_empty() {
            title.push(word);
        } else {
            options.push(word);
        }
    }
    if title.is_empty() {
        return None;
    }
    let title = title.join(" ").replace(']', "");
    Some(match options.is_empty() {
        true => format!("{language} [{title}]"),
        false => format!("{language} [{title}] {}", options.join(" ")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_after_the_language_are_the_title() {
        assert_eq!(
            titled("bash macOS / Linux").as_deref(),
            Some("bash [macOS / Linux]")
        );
        assert_eq!(
            titled("javascript config.js {3} lines").as_deref(),
            Some("javascript [config.js] {3} lines")
        );
        assert_eq!(titled("python"), None);
        assert_eq!(titled("js {1, 3}"), None);
        assert_eq!(titled("js title=\"a.js\""), None);
        assert_eq!(titled("py icon=\"python\" wrap"), None);
        let mut lines = vec![
            ("```bash Windows".to_owned(), 0),
            ("```not a title".to_owned(), 1),
            ("```".to_owned(), 2),
        ];
        assert!(titled_fences(&mut lines));
        assert_eq!(lines[0].0, "```bash [Windows]");
        assert_eq!(lines[1].0, "```not a title", "a line of the code");
    }
}
