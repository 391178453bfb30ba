//! The site's language and what follows from it — UI strings, date style, list separators, the
//! default time zone, the order of titles — behind one [`Locale`], so no stage decides by a `chinese: bool` of its own.
//! zh-* sites get Chinese, every other language English (more languages are rows in a table).
//!
//! Below every stage: of the crate it imports only `collate`, the orders it chooses between.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use crate::collate::{self, SortKey};

const ZH: &[(&str, &str)] = &[
    ("home", "首页"),
    ("published", "发布时间"),
    ("updated", "更新时间"),
    ("toc", "目录"),
    ("related", "相关文章"),
    ("in_section", "本栏目其他文章"),
    ("view_all", "查看全部"),
    ("count_open", "（"),
    ("count_close", "）"),
    ("articles_unit", "篇文章"),
    ("article_unit", "篇文章"),
    ("sections", "帮助分类"),
    ("all_sections", "全部分类"),
    ("featured", "热门文章"),
    ("tags", "标签"),
    ("all_tags", "全部标签"),
    ("no_tags", "还没有文章加上标签。"),
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
    ("moved", "页面已移动"),
    ("colon", "："),
    ("search", "搜索"),
    ("search_placeholder", "搜索帮助文章"),
    ("search_hero", "输入问题或关键词"),
    ("loose_articles", "文章"),
    ("feedback_question", "这篇文章有帮助吗？"),
    ("feedback_yes", "有帮助"),
    ("feedback_no", "没帮助"),
    ("feedback_thanks", "感谢你的反馈！"),
    ("feedback_thanks_no", "感谢反馈，我们会改进这篇文章。"),
    // Without feedback.url the answer stays on the reader's device: nothing is promised.
    ("feedback_glad", "很高兴能帮到你！"),
    ("feedback_sorry", "抱歉没能帮到你。"),
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
    ("reason_linked", "文中链接"),
    ("reason_cited", "常被一起引用"),
    ("reason_section", "同一栏目"),
    ("reason_overview", "栏目概览"),
    ("related_index", "相关文章索引"),
    (
        "related_index_lead",
        "每篇文章及与它相关的文章。分数越高越相关；编辑推荐的文章排在最前。",
    ),
    ("score", "相关度"),
    ("no_related", "暂无相关文章"),
    ("heading_anchor", "本节链接"),
    ("table", "表格"),
    ("step", "第 {n} 步"),
    ("callout_note", "说明"),
    ("callout_question", "问题"),
    ("callout_quote", "引用"),
    ("callout_abstract", "摘要"),
    ("callout_example", "示例"),
    ("callout_info", "信息"),
    ("callout_success", "成功"),
    ("callout_failure", "失败"),
    ("callout_bug", "缺陷"),
    ("callout_tip", "提示"),
    ("callout_important", "重要"),
    ("callout_warning", "警告"),
    ("callout_caution", "注意"),
    ("list_separator", "、"),
    ("details", "详情"),
    ("copy_code", "复制代码"),
    ("source_code", "源码"),
    ("required", "必填"),
    ("default_value", "默认值"),
    ("copied_code", "已复制"),
    ("footnotes", "脚注"),
    ("api_style", "API 风格"),
    ("api_options", "选项式"),
    ("api_composition", "组合式"),
];

const EN: &[(&str, &str)] = &[
    ("home", "Home"),
    ("published", "Published"),
    ("updated", "Updated"),
    ("toc", "On this page"),
    ("related", "Related articles"),
    ("in_section", "More in this section"),
    ("view_all", "View all"),
    ("count_open", " ("),
    ("count_close", ")"),
    ("articles_unit", "articles"),
    ("article_unit", "article"),
    ("sections", "Categories"),
    ("all_sections", "All categories"),
    ("featured", "Popular articles"),
    ("tags", "Tags"),
    ("all_tags", "All tags"),
    ("no_tags", "No article has tags yet."),
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
    ("moved", "This page has moved"),
    ("colon", ": "),
    ("search", "Search"),
    ("search_placeholder", "Search help articles"),
    ("search_hero", "Type a question or keywords"),
    ("loose_articles", "Articles"),
    ("feedback_question", "Was this article helpful?"),
    ("feedback_yes", "Yes"),
    ("feedback_no", "No"),
    ("feedback_thanks", "Thanks for your feedback!"),
    (
        "feedback_thanks_no",
        "Thanks for telling us. We will improve this article.",
    ),
    ("feedback_glad", "Glad it helped!"),
    ("feedback_sorry", "Sorry this did not help."),
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
    ("reason_linked", "Linked"),
    ("reason_cited", "Often linked together"),
    ("reason_section", "Same section"),
    ("reason_overview", "Section overview"),
    ("related_index", "Related articles index"),
    (
        "related_index_lead",
        "Every article with the articles related to it. A higher score means more related; editors' picks come first.",
    ),
    ("score", "Score"),
    ("no_related", "No related articles"),
    ("heading_anchor", "Link to this section"),
    ("table", "Table"),
    ("step", "Step {n}"),
    ("callout_note", "Note"),
    ("callout_question", "Question"),
    ("callout_quote", "Quote"),
    ("callout_abstract", "Abstract"),
    ("callout_example", "Example"),
    ("callout_info", "Info"),
    ("callout_success", "Success"),
    ("callout_failure", "Failure"),
    ("callout_bug", "Bug"),
    ("callout_tip", "Tip"),
    ("callout_important", "Important"),
    ("callout_warning", "Warning"),
    ("callout_caution", "Caution"),
    ("list_separator", ", "),
    ("details", "Details"),
    ("copy_code", "Copy code"),
    ("source_code", "Source code"),
    ("required", "required"),
    ("default_value", "default"),
    ("copied_code", "Copied"),
    ("footnotes", "Footnotes"),
    ("api_style", "API style"),
    ("api_options", "Options"),
    ("api_composition", "Composition"),
];

/// A site language: its tag and the table of strings and conventions that goes with it.
#[derive(Debug, Clone, Copy)]
pub struct Locale {
    chinese: bool,
    table: &'static [(&'static str, &'static str)],
}

impl Locale {
    /// The locale for a BCP 47 tag: `zh-*` is Chinese, anything else English.
    pub fn new(tag: &str) -> Locale {
        let chinese = tag.to_ascii_lowercase().starts_with("zh");
        Locale {
            chinese,
            table: if chinese { ZH } else { EN },
        }
    }

    /// The UI string for `key`; an unknown key gives the key itself, so a typo shows on the page
    /// instead of vanishing.
    pub fn text(&self, key: &'static str) -> &'static str {
        self.table
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(key, |(_, v)| v)
    }

    /// Every UI string by key, for templates (`t.home`).
    pub fn strings(&self) -> BTreeMap<&'static str, &'static str> {
        self.table.iter().copied().collect()
    }

    /// "Step 3" as a label for the third step of a step list.
    pub fn step_label(&self, n: u64) -> String {
        self.text("step").replace("{n}", &n.to_string())
    }

    /// A title's place among others the author gave no order: by pinyin on a Chinese site.
    pub fn title_key(&self, title: &str) -> SortKey {
        collate::key(title, self.chinese)
    }

    /// The offset, in hours east of UTC, of dates written without one when the config sets no
    /// `timezone`: China's for a Chinese site, UTC otherwise.
    pub fn default_utc_offset_hours(&self) -> i32 {
        if self.chinese { 8 } else { 0 }
    }

    /// A date as people write it in this language, with the time only when the author gave one:
    /// `2024年4月7日 15:04` / `April 7, 2024, 15:04`.
    pub fn format_date(&self, at: DateTime<FixedOffset>, has_time: bool) -> String {
        use chrono::{Datelike, Timelike};
        let day = if self.chinese {
            format!("{}年{}月{}日", at.year(), at.month(), at.day())
        } else {
            format!(
                "{} {}, {}",
                MONTHS[at.month0() as usize],
                at.day(),
                at.year()
            )
        };
        if !has_time {
            return day;
        }
        let sep = if self.chinese { " " } else { ", " };
        format!("{day}{sep}{:02}:{:02}", at.hour(), at.minute())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally() {
        let at = DateTime::parse_from_rfc3339("2024-04-07T15:04:49+08:00").unwrap();
        assert_eq!(
            Locale::new("zh-CN").format_date(at, true),
            "2024年4月7日 15:04"
        );
        assert_eq!(
            Locale::new("en").format_date(at, true),
            "April 7, 2024, 15:04"
        );
        assert_eq!(Locale::new("zh").format_date(at, false), "2024年4月7日");
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let zh: Vec<_> = Locale::new("zh-CN").strings().into_keys().collect();
        let en: Vec<_> = Locale::new("en").strings().into_keys().collect();
        assert_eq!(zh, en);
    }

    #[test]
    fn labels() {
        assert_eq!(Locale::new("zh-TW").step_label(3), "第 3 步");
        assert_eq!(Locale::new("fr").step_label(3), "Step 3");
        assert_eq!(Locale::new("en").text("no_such_key"), "no_such_key");
    }
}
