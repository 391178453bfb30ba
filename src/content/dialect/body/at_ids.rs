//! Headings whose id is written after an `@`: DCloud's docs (uni-app, uniCloud: 429 headings on
//! 99 pages) give their VuePress config a `slugify` that takes a heading's id from after its last
//! `@`, and their theme shows the text before it. `## 页面生命周期@lifecycle` is a heading
//! 页面生命周期 whose id is `lifecycle` (lowercased, as VuePress's `slugify` does); read as
//! helpcenter's `## 页面生命周期 {#lifecycle}`.
//! Only on such a site (see `content::ReadOptions::heading_at_ids`).

/// `body` with each such heading (outside code) written with `{#id}`, or `None` when it has
/// none.
pub fn at_ids(body: &str) -> Option<String> {
    if !body.contains('@') {
        return None;
    }
    let mut out = String::with_capacity(body.len() + 16);
    let mut fence = super::Fence::default();
    let mut changed = false;
    for (i, line) in body.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match (fence.code(line.trim_start()), with_id(line)) {
            (false, Some(heading)) => {
                out.push_str(&heading);
                changed = true;
            }
            _ => out.push_str(line),
        }
    }
    changed.then_some(out)
}

/// An ATX heading line ending in `@id` (outside code spans), as `text {#id}`.
fn with_id(line: &str) -> Option<String> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) || !rest[hashes..].starts_with([' ', '\t']) {
        return None;
    }
    let text = rest[hashes..].trim_end().trim_end_matches('#').trim_end();
    let at = text.rfind('@')?;
    let id = &text[at + 1..];
    let before = text[..at].trim_end();
    let valid = !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !before.trim().is_empty()
        // `@` in a code span (`` `@click` ``) or an address (`a@b.c`) is text.
        && before.matches('`').count() % 2 == 0
        && !before.ends_with(|c: char| c.is_ascii_alphanumeric() && id.contains('.'));
    // The config's `slugify` lowercases what it takes (`@app-getCurrentSubNVue`).
    valid.then(|| {
        format!(
            "{}{before} {{#{}}}",
            &line[..indent + hashes],
            id.to_ascii_lowercase()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::at_ids;

    #[test]
    fn an_id_after_the_last_at() {
        let body = "## 页面生命周期@lifeCycle\n\n### 错误解析 <Badge text=\"1.9+\" />@parse-error\n#### 前端采集SDK @web-sdk ##\n```md\n## 代码@x\n```\n## `@click` 事件\n## 邮件 a@b.com\n## 只有@\n正文 a@b\n";
        assert_eq!(
            at_ids(body).unwrap(),
            "## 页面生命周期 {#lifecycle}\n\n### 错误解析 <Badge text=\"1.9+\" /> {#parse-error}\n#### 前端采集SDK {#web-sdk}\n```md\n## 代码@x\n```\n## `@click` 事件\n## 邮件 a@b.com\n## 只有@\n正文 a@b\n"
        );
        assert_eq!(at_ids("## 标题\n正文 @x\n"), None);
    }
}
