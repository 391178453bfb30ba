//! The theme's UI strings and date formats in the site's language (zh-CN by default, English for
//! any other `language`).

use std::collections::BTreeMap;

use crate::content::DateInfo;

const ZH: &[(&str, &str)] = &[
    ("home", "首页"),
    ("published", "发布时间"),
    ("updated", "更新时间"),
    ("toc", "目录"),
    ("related", "相关文章"),
    ("in_section", "本栏目其他文章"),
    ("view_all", "查看全部"),
    ("articles_unit", "篇文章"),
    ("sections", "帮助分类"),
    ("all_sections", "全部分类"),
    ("featured", "热门文章"),
    ("tags", "标签"),
    ("all_tags", "全部标签"),
    ("tagged", "标签"),
    ("contact", "联系客服"),
    ("breadcrumb", "面包屑导航"),
    ("skip", "跳到正文"),
    ("main_nav", "主导航"),
    ("not_found_title", "页面不存在"),
    (
        "not_found_text",
        "你要找的页面不存在，可能已被移动或删除。可以回到首页，或浏览下面的分类。",
    ),
    ("back_home", "返回首页"),
    ("subsections", "子分类"),
    ("no_articles", "这个分类下还没有文章。"),
    ("redirecting", "页面已移动，正在跳转到"),
    ("search", "搜索"),
    ("search_placeholder", "搜索帮助文章"),
    ("search_hero", "搜索问题，例如：关闭微粒贷"),
    ("feedback_question", "这篇文章有帮助吗？"),
    ("feedback_yes", "有帮助"),
    ("feedback_no", "没帮助"),
    ("feedback_thanks", "感谢你的反馈！"),
    ("feedback_thanks_no", "感谢反馈，我们会改进这篇文章。"),
    ("feedback_more", "问题还没解决？"),
    (
        "search_needs_js",
        "搜索需要浏览器启用 JavaScript。也可以从首页按分类浏览全部文章。",
    ),
    ("feed", "订阅更新"),
    ("current", "当前文章"),
    ("reason_pinned", "编辑推荐"),
    ("reason_tags", "共同标签："),
    ("reason_text", "内容相近"),
    ("related_index", "相关文章索引"),
    (
        "related_index_lead",
        "每篇文章及与它相关的文章。分数越高越相关；编辑推荐的文章排在最前。",
    ),
    ("score", "相关度"),
    ("no_related", "暂无相关文章"),
];

const EN: &[(&str, &str)] = &[
    ("home", "Home"),
    ("published", "Published"),
    ("updated", "Updated"),
    ("toc", "On this page"),
    ("related", "Related articles"),
    ("in_section", "More in this section"),
    ("view_all", "View all"),
    ("articles_unit", "articles"),
    ("sections", "Categories"),
    ("all_sections", "All categories"),
    ("featured", "Popular articles"),
    ("tags", "Tags"),
    ("all_tags", "All tags"),
    ("tagged", "Tagged"),
    ("contact", "Contact support"),
    ("breadcrumb", "Breadcrumb"),
    ("skip", "Skip to content"),
    ("main_nav", "Main navigation"),
    ("not_found_title", "Page not found"),
    (
        "not_found_text",
        "The page you are looking for does not exist; it may have moved. Go back to the home page or browse the categories below.",
    ),
    ("back_home", "Back to the home page"),
    ("subsections", "Sub-categories"),
    ("no_articles", "There are no articles in this category yet."),
    ("redirecting", "This page has moved. Redirecting to"),
    ("search", "Search"),
    ("search_placeholder", "Search help articles"),
    ("search_hero", "Type a question or keywords"),
    ("feedback_question", "Was this article helpful?"),
    ("feedback_yes", "Yes"),
    ("feedback_no", "No"),
    ("feedback_thanks", "Thanks for your feedback!"),
    (
        "feedback_thanks_no",
        "Thanks for telling us. We will improve this article.",
    ),
    ("feedback_more", "Still need help?"),
    (
        "search_needs_js",
        "Search needs JavaScript. You can also browse every article by category from the home page.",
    ),
    ("feed", "Subscribe"),
    ("current", "Current article"),
    ("reason_pinned", "Editor's pick"),
    ("reason_tags", "Shared tags: "),
    ("reason_text", "Similar content"),
    ("related_index", "Related articles index"),
    (
        "related_index_lead",
        "Every article with the articles related to it. A higher score means more related; editors' picks come first.",
    ),
    ("score", "Score"),
    ("no_related", "No related articles"),
];

pub fn strings(chinese: bool) -> BTreeMap<&'static str, &'static str> {
    (if chinese { ZH } else { EN }).iter().copied().collect()
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as people write it in the site's language, with the time only when the author gave one:
/// `2024年4月7日 15:04` / `April 7, 2024, 15:04`.
pub fn format_date(d: &DateInfo, chinese: bool) -> String {
    use chrono::{Datelike, Timelike};
    let t = d.at;
    let day = if chinese {
        format!("{}年{}月{}日", t.year(), t.month(), t.day())
    } else {
        format!("{} {}, {}", MONTHS[t.month0() as usize], t.day(), t.year())
    };
    if !d.has_time {
        return day;
    }
    let sep = if chinese { " " } else { ", " };
    format!("{day}{sep}{:02}:{:02}", t.hour(), t.minute())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_date;

    #[test]
    fn dates_read_naturally() {
        let tz = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
        let d = parse_date("2024-04-07 15:04:49", tz).unwrap();
        assert_eq!(format_date(&d, true), "2024年4月7日 15:04");
        assert_eq!(format_date(&d, false), "April 7, 2024, 15:04");
        let d = parse_date("2026-11-20", tz).unwrap();
        assert_eq!(format_date(&d, true), "2026年11月20日");
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let zh: Vec<_> = strings(true).into_keys().collect();
        let en: Vec<_> = strings(false).into_keys().collect();
        assert_eq!(zh, en);
    }
}
