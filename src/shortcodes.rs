//! Shortcodes: the names authors of other tools write for an emoji (`:tada:`, as GitHub,
//! VitePress, Docsify and Material for MkDocs show them) or an icon of Material for MkDocs
//! (`:material-github:`, `:octicons-file-code-16:`; 366 on 55 pages of its own docs), read in
//! text. Below every stage: the Markdown stage reads them in a page's text (never in code),
//! the content stage in titles.

/// Material for MkDocs's icon sets, as its shortcodes name them.
const ICON_SETS: [&str; 4] = ["material-", "octicons-", "fontawesome-", "simple-"];

/// `text` (a title: a page's, a tab's `=== ":material-apple: macOS"`, an admonition's, which
/// the page's Markdown text does not hold) with its shortcodes shown as in the page's text.
/// Material's icons are read only on an MkDocs site (`icons`): elsewhere `:material-x:` is the
/// author's text, as their tool shows it.
pub fn in_text(text: &str, icons: bool) -> String {
    if !text.contains(':') {
        return text.to_owned();
    }
    let mut left_out = Vec::new();
    replace(text, icons.then_some(&mut left_out)).unwrap_or_else(|| text.to_owned())
}

/// The emoji `name` names: GitHub's name (`raising_hand_man`), or Twemoji's as Material for
/// MkDocs writes it (`man_raising_hand`).
fn emoji(name: &str) -> Option<&'static str> {
    let found = emojis::get_by_shortcode(name).or_else(|| {
        let (who, rest) = name
            .strip_prefix("man_")
            .map(|r| ("man", r))
            .or_else(|| name.strip_prefix("woman_").map(|r| ("woman", r)))?;
        emojis::get_by_shortcode(&format!("{rest}_{who}"))
    })?;
    Some(found.as_str())
}

/// What Material's icon `name` shows as here: a check or a cross (in tables of what is
/// supported) as the character; any other, nothing.
fn icon(name: &str) -> Option<&'static str> {
    let set = ICON_SETS.iter().find(|s| name.starts_with(**s))?;
    let glyph = name[set.len()..].trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
    Some(match glyph {
        "check" | "check-bold" | "check-circle" | "check-all" | "checkbox-marked" => "✓",
        "close" | "close-thick" | "x" | "close-circle" => "✗",
        _ => "",
    })
}

/// `text` with its shortcodes replaced, or `None` when it has none.
pub fn replace(text: &str, mut icons: Option<&mut Vec<String>>) -> Option<String> {
    let mut out = String::new();
    let mut last = 0;
    let mut i = 0;
    while let Some(off) = text[i..].find(':') {
        let start = i + off;
        let name_len = text[start + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-')))
            .unwrap_or(text.len() - start - 1);
        let end = start + 1 + name_len;
        if name_len == 0 || !text[end..].starts_with(':') {
            i = start + 1;
            continue;
        }
        let apart = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
        let name = &text[start + 1..end];
        let found = (apart(text[..start].chars().next_back())
            && apart(text[end + 1..].chars().next()))
        .then(|| {
            emoji(name).or_else(|| {
                let left_out = icons.as_deref_mut()?;
                let shown = icon(name)?;
                if shown.is_empty() {
                    left_out.push(name.to_owned());
                }
                Some(shown)
            })
        })
        .flatten();
        match found {
            Some(shown) => {
                out.push_str(&text[last..start]);
                // An icon that goes takes the space after it (`:material-x: 文字`).
                let after = usize::from(shown.is_empty() && text[end + 1..].starts_with(' '));
                out.push_str(shown);
                last = end + 1 + after;
                i = last;
            }
            // Its closing colon may open the next one (`:x::tada:`).
            None => i = end,
        }
    }
    (last > 0).then(|| {
        out.push_str(&text[last..]);
        out
    })
}
