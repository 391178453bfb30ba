//! A VitePress (or VuePress 2) home page's `hero` and `features`: its theme draws them, and
//! they are most of what the page says (Vue Router's and Pinia's homes: a tagline, "入门 →" and
//! six features). Left out, the home page showed the site's title alone. They become the page's
//! description (the tagline, under the title) and Markdown after its text: the actions as a line
//! of links, the features as a list, so their links are resolved and checked like any other.

use serde_json::{Map, Value};

/// What a home page's `hero` and `features` say, in helpcenter's terms.
#[derive(Debug, Default, PartialEq)]
pub struct Home {
    /// The hero's tagline (or text): the page's description.
    pub lead: Option<String>,
    /// Its actions and the features, as Markdown.
    pub markdown: String,
}

/// The home page that `front` (the front matter, as read) describes, if it has a hero or
/// features.
pub fn read(front: &Map<String, Value>) -> Option<Home> {
    let hero = front.get("hero").and_then(Value::as_object);
    let features = front.get("features").and_then(Value::as_array);
    // VuePress 1 writes its hero's parts at the top: `tagline`, `actionText`, `actionLink`.
    let vuepress1 = front.get("home").and_then(Value::as_bool) == Some(true);
    if hero.is_none() && features.is_none() && !vuepress1 {
        return None;
    }
    let text = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    let mut home = Home::default();
    if let Some(hero) = hero {
        // dumi's hero says it in `description`.
        home.lead = text(hero.get("tagline"))
            .or_else(|| text(hero.get("text")))
            .or_else(|| text(hero.get("description")));
        home.markdown.push_str(&actions(hero.get("actions"), text));
    }
    if vuepress1 && hero.is_none() {
        home.lead = text(front.get("tagline"));
        if let (Some(t), Some(to)) = (text(front.get("actionText")), text(front.get("actionLink")))
        {
            home.markdown.push_str(&link(&t, &to));
            home.markdown.push_str("\n\n");
        }
        // VuePress 2's and vuepress-theme-hope's `actions: [{ text, link }]`, at the top.
        home.markdown.push_str(&actions(front.get("actions"), text));
    }
    for f in features.into_iter().flatten() {
        let Some(title) = text(f.get("title")) else {
            continue;
        };
        let title = match text(f.get("link")) {
            Some(to) => link(&title, &to),
            None => format!("**{}**", super::escaped(&title)),
        };
        match text(f.get("details")).or_else(|| text(f.get("description"))) {
            Some(details) => home.markdown.push_str(&format!("- {title}：{details}\n")),
            None => home.markdown.push_str(&format!("- {title}\n")),
        }
    }
    // vuepress-theme-hope's `highlights: [{ header, description, features | highlights }]`:
    // a heading each, its description, and its items as a list.
    let highlights = (front.get("highlights").and_then(Value::as_array))
        .filter(|_| vuepress1)
        .into_iter()
        .flatten();
    for h in highlights {
        let items: Vec<String> = ["features", "highlights"]
            .iter()
            .filter_map(|k| h.get(*k)?.as_array())
            .flatten()
            .filter_map(|f| {
                // Its `<code>` is code; the rest is text.
                let title = text(f.get("title"))?
                    .replace("<code>", "\u{1}")
                    .replace("</code>", "\u{1}");
                let title = match text(f.get("link")) {
                    Some(to) => link(&title, &to),
                    None => super::escaped(&title),
                }
                .replace('\u{1}', "`");
                Some(match text(f.get("details")) {
                    Some(d) => format!("- {title}：{}\n", super::escaped(&d)),
                    None => format!("- {title}\n"),
                })
            })
            .collect();
        let Some(header) = text(h.get("header")) else {
            continue;
        };
        home.markdown
            .push_str(&format!("\n### {}\n\n", super::escaped(&header)));
        if let Some(d) = text(h.get("description")) {
            home.markdown
                .push_str(&format!("{}\n\n", super::escaped(&d)));
        }
        home.markdown.push_str(&items.concat());
    }
    // A hero of a name alone (the site's) says nothing the page does not: it stays a key
    // ignored.
    (home.lead.is_some() || !home.markdown.is_empty()).then_some(home)
}

/// A list of `{ text, link }` actions as one line of links, and a blank line; nothing when
/// there is none.
fn actions(list: Option<&Value>, text: impl Fn(Option<&Value>) -> Option<String>) -> String {
    let links: Vec<String> = (list.and_then(Value::as_array))
        .into_iter()
        .flatten()
        .filter_map(|a| Some(link(&text(a.get("text"))?, &text(a.get("link"))?)))
        .collect();
    match links.is_empty() {
        true => String::new(),
        false => format!("{}\n\n", links.join(" · ")),
    }
}

/// `[text](to)`, the text's brackets escaped and the address in `<…>` (it may hold spaces).
fn link(text: &str, to: &str) -> String {
    format!(
        "[{}](<{}>)",
        super::escaped(text),
        to.replace(['<', '>'], "")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// vuepress-theme-hope's home: its actions at the top, its highlights' groups.
    #[test]
    fn theme_hopes_actions_and_highlights() {
        let front: Map<String, Value> = serde_json::from_str(
            r#"{"home": true, "tagline": "一个主题",
                "actions": [{"text": "快速上手", "link": "./get-started/"}, {"text": "指南", "link": "./guide/"}],
                "highlights": [
                  {"header": "易于安装", "highlights": [{"title": "运行 <code>pnpm create</code> 以创建"}]},
                  {"header": "Markdown", "description": "扩展了 CommonMark。",
                   "features": [{"title": "提示容器", "details": "用样式装饰", "link": "./hint.html"}]}]}"#,
        )
        .unwrap();
        let home = read(&front).unwrap();
        assert_eq!(home.lead.as_deref(), Some("一个主题"));
        assert_eq!(
            home.markdown,
            "[快速上手](<./get-started/>) · [指南](<./guide/>)\n\n\n### 易于安装\n\n- 运行 `pnpm create` 以创建\n\n### Markdown\n\n扩展了 CommonMark。\n\n- [提示容器](<./hint.html>)：用样式装饰\n"
        );
    }

    #[test]
    fn hero_and_features_become_a_lead_and_markdown() {
        let front: Map<String, Value> = serde_json::from_str(
            r#"{"layout": "home",
                "hero": {"name": "Vue Router", "text": "Vue.js 的官方路由", "tagline": "为 Vue.js 提供路由",
                         "actions": [{"theme": "brand", "text": "入门 →", "link": "/zh/introduction"},
                                     {"text": "视频 [免费]", "link": "https://vueschool.io/x?a=1&b=2"},
                                     {"text": "no link"}]},
                "features": [{"title": "🛣 路由语法", "details": "直观\n且强大。"},
                             {"title": "文档", "link": "/guide/"},
                             {"details": "no title"}]}"#,
        )
        .unwrap();
        let home = read(&front).unwrap();
        assert_eq!(home.lead.as_deref(), Some("为 Vue.js 提供路由"));
        assert_eq!(
            home.markdown,
            "[入门 →](</zh/introduction>) · [视频 \\[免费\\]](<https://vueschool.io/x?a=1&b=2>)\n\n- **🛣 路由语法**：直观 且强大。\n- [文档](</guide/>)\n"
        );
        assert_eq!(read(&Map::new()), None);
        let name_only: Map<String, Value> =
            serde_json::from_str(r#"{"hero": {"name": "Vite"}}"#).unwrap();
        assert_eq!(read(&name_only), None);
    }

    /// VuePress 1's home page: its hero's parts at the top of the front matter.
    #[test]
    fn a_vuepress_1_home_keeps_its_tagline_and_action() {
        let front: Map<String, Value> = serde_json::from_str(
            r#"{"home": true, "heroImage": "/hero.png", "tagline": "Vue 驱动的静态网站生成器",
                "actionText": "快速上手 →", "actionLink": "/guide/",
                "features": [{"title": "简洁至上", "details": "以 Markdown 为中心。"}]}"#,
        )
        .unwrap();
        let home = read(&front).unwrap();
        assert_eq!(home.lead.as_deref(), Some("Vue 驱动的静态网站生成器"));
        assert_eq!(
            home.markdown,
            "[快速上手 →](</guide/>)\n\n- **简洁至上**：以 Markdown 为中心。\n"
        );
        let no_home: Map<String, Value> =
            serde_json::from_str(r#"{"actionText": "x", "actionLink": "/y/"}"#).unwrap();
        assert_eq!(read(&no_home), None);
    }
}
