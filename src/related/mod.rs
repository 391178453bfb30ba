//! Related articles, scored at build time: pins first, then the best of the rest by what
//! relates two articles, strongest first:
//!
//! 1. links (`links`): one links to the other, or both are linked from the same pages or link
//!    to the same pages;
//! 2. text (`text`): TF-IDF cosine over the search tokenizer's terms and Latin identifiers,
//!    with the scaffolding many articles repeat left out, and how much each article keeps
//!    naming the other's subject (`mentions`);
//! 3. shared tags, weighted by rarity;
//! 4. structure: the same section, and neighbours in its order.
//!
//! Each listed article says why it is there: its strongest signal. It scales by never comparing
//! all pairs: candidates come from the link graph, the tags, and an inverted index whose posting
//! lists are capped to the strongest articles per term, so the work grows with the number of
//! articles, not its square.

mod links;
mod mentions;
mod overview;
mod pins;
mod score;
mod series;
mod text;

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Diagnostics;
use crate::markdown::Parsed;
use crate::site::Site;

use links::LinkGraph;
use overview::Overviews;
use pins::resolve_pins;
use score::{Candidates, NO_SERIES, Place, Scorer, Scratch, Shown};
use series::series;

/// Why an article is listed: its strongest signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// The article's `related` front matter names it.
    Pinned,
    /// One of the two links to the other.
    Linked,
    /// Both are linked from the same pages, or link to the same pages.
    Cited,
    /// They share tags.
    Tags,
    /// They share words that few other articles have.
    Text,
    /// Neighbours in the same section.
    Section,
    /// The overview page of its section, or of what it is about.
    Overview,
}

/// What a related entry links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// Index into `Site::articles`.
    Article(usize),
    /// A section's overview page, by index into `Site::sections`.
    Section(usize),
}

/// One related article of an article, and why it is there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedEntry {
    #[serde(skip)]
    pub target: Target,
    /// The whole score (pins: 1).
    pub score: f64,
    /// Pinned by the article's `related` front matter.
    pub pinned: bool,
    /// The text-similarity part of the score (cosine of the term vectors).
    pub text: f64,
    /// One of the two articles links to the other.
    pub linked: bool,
    /// Names of the tags both carry.
    pub shared_tags: Vec<String>,
    /// Its strongest signal, which the page shows.
    pub reason: Reason,
}

/// Every related list of a site, in display order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Lists {
    /// Per article (same index as `Site::articles`).
    pub articles: Vec<Vec<RelatedEntry>>,
    /// Per section (same index as `Site::sections`): empty but for overview pages and pages
    /// with pins.
    pub sections: Vec<Vec<RelatedEntry>>,
}

/// Every article's related list, and every section page's that has one.
pub fn compute(site: &Site, parsed: &Parsed) -> (Lists, Diagnostics) {
    let n = site.articles.len();
    let (pins, section_pins, diags) = resolve_pins(site);
    let (mut text, mentions) = text::term_vectors(site, parsed);
    let overviews = Overviews::new(std::mem::take(&mut text.overviews));
    let titles = text::title_vectors(site);
    let series = series(site);
    let tag_ids: Vec<Vec<u32>> = {
        let ids: HashMap<&str, u32> = site
            .tags
            .keys()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i as u32))
            .collect();
        site.articles
            .iter()
            .map(|a| a.tags.iter().map(|t| ids[t.as_str()]).collect())
            .collect()
    };
    let tag_bits = common_tag_bits(site);
    let mut position = vec![0usize; n];
    for s in &site.sections {
        for (i, &a) in s.articles.iter().enumerate() {
            position[a] = i;
        }
    }
    let scorer = Scorer {
        site,
        limit: site.config.related.limit,
        pins,
        section_pins,
        links: LinkGraph::new(site, parsed),
        mentions,
        overviews,
        vectors: text.vectors,
        postings: text.postings,
        titles,
        tag_idf: tag_weights(site),
        article_tags: site
            .articles
            .iter()
            .map(|a| a.tags.iter().map(String::as_str).collect())
            .collect(),
        rarity: site
            .sections
            .iter()
            .map(|x| 1.0 - x.articles.len() as f32 / n.max(1) as f32)
            .collect(),
        place: site
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| Place {
                common_tags: tag_ids[i].iter().fold(0, |m, &t| m | tag_bits[t as usize]),
                position: position[i] as u32,
                series: series[i].unwrap_or(NO_SERIES),
                ordered: a.nav_order.is_some()
                    || a.prefix.is_some()
                    || a.source.front.weight.is_some(),
            })
            .collect(),
        sections: site.articles.iter().map(|a| a.section as u32).collect(),
        tag_ids,
        tag_bits,
    };
    let candidates: Vec<Candidates> = (0..n)
        .into_par_iter()
        .map_init(
            || Scratch::new(n),
            |scratch, a| scorer.candidates(a, scratch),
        )
        .collect();
    // How many lists each article would be in: the general pages (an options reference, a
    // migration guide) that resemble everything are in most, and say least about each.
    let mut shown = Shown {
        articles: vec![0; n],
        overviews: vec![0; site.sections.len()],
    };
    for c in &candidates {
        let places = scorer.limit.saturating_sub(c.pins.len());
        for s in c.scored.iter().take(places) {
            shown.articles[s.article as usize] += 1;
        }
        if let Some(o) = c.overview {
            let last = c
                .scored
                .get(places.saturating_sub(1))
                .map_or(0.0, |s| s.score);
            if places > 0 && (c.scored.len() < places || o.score > last) {
                shown.overviews[o.section] += 1;
            }
        }
    }
    let articles: Vec<Vec<RelatedEntry>> = candidates
        .into_par_iter()
        .enumerate()
        .map(|(a, c)| scorer.finish(a, c, &shown))
        .collect();
    // The home page (section 0) has none.
    let sections: Vec<Vec<RelatedEntry>> = (0..site.sections.len())
        .into_par_iter()
        .map_init(
            || Scratch::new(n),
            |scratch, s| match s {
                0 => Vec::new(),
                _ => scorer.section_list(s, scratch, &shown),
            },
        )
        .collect();
    (Lists { articles, sections }, diags)
}

/// By tag number (`Site::tags` order), a bit of `Place::common_tags` for each of the 64 tags
/// with the most articles among those too common to bring candidates; 0 for the others. The
/// scoring loop tests a candidate for such a tag with its bit, and for the rare 65th by its list.
fn common_tag_bits(site: &Site) -> Vec<u64> {
    let mut common: Vec<(usize, usize)> = site
        .tags
        .values()
        .enumerate()
        .filter(|(_, t)| t.articles.len() > score::TAG_CANDIDATE_CAP)
        .map(|(i, t)| (i, t.articles.len()))
        .collect();
    common.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut bits = vec![0; site.tags.len()];
    for (k, (i, _)) in common.into_iter().take(64).enumerate() {
        bits[i] = 1 << k;
    }
    bits
}

/// Each tag's rarity weight, by tag key.
fn tag_weights(site: &Site) -> HashMap<&str, f32> {
    let n = site.articles.len();
    site.tags
        .iter()
        .map(|(k, t)| {
            (
                k.as_str(),
                ((n as f32 + 1.0) / (t.articles.len() as f32 + 0.5))
                    .ln()
                    .max(0.0),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{RelatedEntry, Target};
    use crate::site::Site;
    use crate::testing::{messages, parse, site, site_with};

    fn titles(s: &Site, list: &[RelatedEntry]) -> Vec<String> {
        list.iter()
            .map(|r| match r.target {
                Target::Article(b) => s.articles[b].source.title.clone(),
                Target::Section(x) => format!("[{}]", s.sections[x].title),
            })
            .collect()
    }

    fn idx(s: &Site, path: &str) -> usize {
        s.article_by_path(path).unwrap()
    }

    /// Five articles: two pairs on the same topics, one on its own.
    fn corpus() -> Vec<(&'static str, String)> {
        let a =
            |t: &str, extra: &str, body: &str| format!("---\ntitle: {t}\n{extra}---\n\n{body}\n");
        vec![
            ("loan/_index.md", a("借款", "", "")),
            ("card/_index.md", a("银行卡", "", "")),
            (
                "loan/close.md",
                a(
                    "关闭微粒贷",
                    "tags: [微粒贷]\n",
                    "关闭微粒贷借钱功能前，先还清微粒贷的全部欠款和利息。",
                ),
            ),
            (
                "loan/repay.md",
                a(
                    "微粒贷还款",
                    "tags: [微粒贷]\n",
                    "微粒贷欠款可以提前还款，还清全部欠款和利息后额度恢复。",
                ),
            ),
            (
                "card/bind.md",
                a(
                    "绑定银行卡",
                    "tags: [银行卡]\n",
                    "在钱包里绑定银行卡，输入银行卡号和手机验证码。",
                ),
            ),
            (
                "card/unbind.md",
                a(
                    "解绑银行卡",
                    "tags: [银行卡]\n",
                    "在钱包里解绑银行卡，需要输入支付密码验证身份。",
                ),
            ),
            (
                "card/lonely.md",
                a("修改头像", "", "点击头像，选择相册里的照片。"),
            ),
        ]
    }

    fn refs<'a>(c: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
        c.iter().map(|(p, t)| (*p, t.as_str())).collect()
    }

    #[test]
    fn similar_articles_are_related_and_unrelated_ones_are_not() {
        let c = corpus();
        let (s, _) = site(&refs(&c));
        let (p, _) = parse(&s);
        let (lists, d) = super::compute(&s, &p);
        let lists = lists.articles;
        assert!(d.0.is_empty());
        let close = &lists[idx(&s, "loan/close.md")];
        assert_eq!(titles(&s, close)[0], "微粒贷还款");
        assert_eq!(close[0].shared_tags, ["微粒贷"]);
        assert!(close[0].text > 0.0 && !close[0].pinned && !close[0].linked);
        assert_eq!(titles(&s, &lists[idx(&s, "card/bind.md")])[0], "解绑银行卡");
        assert!(
            lists[idx(&s, "card/lonely.md")].is_empty(),
            "nothing is related to an article on its own: {:?}",
            titles(&s, &lists[idx(&s, "card/lonely.md")])
        );
        let (again, _) = super::compute(&s, &p);
        assert_eq!(
            lists, again.articles,
            "the same content gives the same lists"
        );
    }

    /// A copy of the article for another product (Dify's cloud and self-hosted docs) is not
    /// listed: the list would name the article itself. A page of the same name that says
    /// something else (a guide and a reference) still is.
    #[test]
    fn a_copy_under_the_same_title_is_not_related() {
        let mut c = corpus();
        let close = c[2].1.clone();
        c.push((
            "self-host/_index.md",
            "---\ntitle: 自部署\n---\n".to_owned(),
        ));
        c.push(("self-host/close.md", close));
        let (s, lists) = lists_of(&c);
        let close = &lists[idx(&s, "loan/close.md")];
        assert!(
            !titles(&s, close).contains(&"关闭微粒贷".to_owned()),
            "{:?}",
            titles(&s, close)
        );
        assert_eq!(titles(&s, close)[0], "微粒贷还款");
        c.pop();
        c.push((
            "self-host/close.md",
            "---\ntitle: 关闭微粒贷\ntags: [微粒贷]\n---\n\n自部署版本的开关在管理后台的系统设置里。修改服务器上的配置文件以后，需要重启全部服务进程，等待集群同步完成再检查日志。数据库备份要提前做好，升级脚本按顺序执行，监控告警先静默半小时。见[云端的做法](../loan/close.md)。\n\n## 检查\n\n登录运维平台查看服务状态，确认每个节点都已经加载新的配置。如果某个节点没有响应，先隔离它，再逐台排查网络和磁盘空间。\n".to_owned(),
        ));
        let (s, lists) = lists_of(&c);
        let close = &lists[idx(&s, "loan/close.md")];
        assert!(
            titles(&s, close).contains(&"关闭微粒贷".to_owned()),
            "{close:?}"
        );
    }

    #[test]
    fn pins_come_first_and_links_count() {
        let mut c = corpus();
        c[2].1 = c[2].1.replace(
            "tags:",
            "related: [card/lonely.md, ../card/lonely.md, loan/close.md]\ntags:",
        );
        c[4].1.push_str("\n见[头像](lonely.md)。\n");
        let (s, lists) = lists_of(&c);
        let close = &lists[idx(&s, "loan/close.md")];
        assert_eq!(
            titles(&s, close)[..2],
            ["修改头像", "微粒贷还款"],
            "one pin, counted once, itself left out"
        );
        assert!(close[0].pinned && close[0].score == 1.0);
        let lonely = &lists[idx(&s, "card/lonely.md")];
        let bind = lonely
            .iter()
            .find(|r| r.target == Target::Article(idx(&s, "card/bind.md")))
            .unwrap();
        assert!(
            bind.linked,
            "a link in either direction relates two articles"
        );
    }

    #[test]
    fn bad_pins_are_errors_and_related_auto_off_keeps_only_pins() {
        let mut c = corpus();
        c[2].1 = c[2].1.replace(
            "tags:",
            "related: [loan/repay.md, nope.md, card/draft.md]\nrelated_auto: false\ntags:",
        );
        c.push((
            "card/draft.md",
            "---\ntitle: 草稿\ndraft: true\n---\n".to_owned(),
        ));
        let (s, _) = site(&refs(&c));
        let (p, _) = parse(&s);
        let (lists, d) = super::compute(&s, &p);
        let lists = lists.articles;
        assert_eq!(titles(&s, &lists[idx(&s, "loan/close.md")]), ["微粒贷还款"]);
        assert_eq!(
            messages(&d),
            [
                "loan/close.md:3: `related` pins a draft: `card/draft.md`",
                "loan/close.md:3: `related` pins a missing article: `nope.md`",
            ]
        );
    }

    #[test]
    fn the_limit_holds() {
        let c = corpus();
        let (s, _) = site_with("title: t\nrelated:\n  limit: 1\n", &refs(&c));
        let (p, _) = parse(&s);
        let (lists, _) = super::compute(&s, &p);
        let lists = lists.articles;
        assert!(lists.iter().all(|l| l.len() <= 1));
        assert_eq!(lists[idx(&s, "loan/repay.md")].len(), 1);
    }

    fn lists_of(files: &[(&'static str, String)]) -> (Site, Vec<Vec<RelatedEntry>>) {
        let (s, lists) = all_lists_of(files);
        (s, lists.articles)
    }

    fn all_lists_of(files: &[(&'static str, String)]) -> (Site, super::Lists) {
        // (Folders without an _index.md only get a warning.)
        let (s, _) = site(&refs(files));
        let (p, _) = parse(&s);
        let (lists, _) = super::compute(&s, &p);
        (s, lists)
    }

    fn page(title: &str, body: &str) -> String {
        format!("---\ntitle: {title}\n---\n\n{body}\n")
    }

    #[test]
    fn root_absolute_links_and_links_by_url_relate_articles() {
        let files = vec![
            (
                "a/one.md",
                page("甲乙丙", "见[另一篇](/b/two)，还有[第三篇](/c/three.md)。"),
            ),
            ("b/two.md", page("丁戊己", "完全不同的内容。")),
            ("c/three.md", page("庚辛壬", "别的事情。")),
            ("c/four.md", page("癸子丑", "无关。")),
        ];
        let (s, lists) = lists_of(&files);
        let one = &lists[idx(&s, "a/one.md")];
        let listed = titles(&s, one);
        assert!(
            listed.contains(&"丁戊己".to_owned()) && listed.contains(&"庚辛壬".to_owned()),
            "{listed:?}"
        );
        assert!(
            one.iter()
                .all(|r| r.linked && r.reason == super::Reason::Linked)
        );
        // The other direction counts too.
        assert_eq!(titles(&s, &lists[idx(&s, "b/two.md")])[0], "甲乙丙");
        assert!(
            lists[idx(&s, "c/four.md")].is_empty(),
            "nothing links or resembles it"
        );
    }

    #[test]
    fn articles_linked_from_the_same_page_are_related_though_their_words_differ() {
        let files = vec![
            (
                "hub/guide.md",
                page(
                    "入门",
                    "先读[第一篇](../x/install.md)，再读[第二篇](../y/configure.md)。",
                ),
            ),
            ("x/install.md", page("安装步骤", "下载安装包并运行。")),
            ("y/configure.md", page("修改设置", "打开设置页面修改选项。")),
            ("z/other.md", page("其他问题", "联系客服。")),
        ];
        let (s, lists) = lists_of(&files);
        let install = &lists[idx(&s, "x/install.md")];
        let cited = install
            .iter()
            .find(|r| r.target == Target::Article(idx(&s, "y/configure.md")))
            .expect("co-cited articles are related");
        assert_eq!(cited.reason, super::Reason::Cited);
        assert!(!cited.linked);
    }

    #[test]
    fn scaffolding_shared_by_how_tos_does_not_make_them_alike() {
        // Six how-tos on different products, all written on one template, and two on one subject.
        let template = |subject: &str, text: &str| {
            format!(
                "## 前提条件\n\n请先登录控制台并确认您拥有管理员权限。\n\n## 操作步骤\n\n{text}\n\n## 下一步\n\n如有疑问请联系技术支持团队获取帮助。\n\n{subject}"
            )
        };
        let files = vec![
            (
                "how/backup.md",
                page(
                    "备份数据库",
                    &template("", "使用快照备份数据库，快照保存在对象存储。"),
                ),
            ),
            (
                "how/restore.md",
                page(
                    "恢复数据库",
                    &template("", "从快照恢复数据库，选择对象存储里的快照。"),
                ),
            ),
            (
                "how/dns.md",
                page("配置域名", &template("", "添加解析记录并等待生效。")),
            ),
            (
                "how/cert.md",
                page("上传证书", &template("", "上传证书文件和私钥。")),
            ),
            (
                "how/alarm.md",
                page("设置告警", &template("", "选择指标并设定阈值。")),
            ),
            (
                "how/user.md",
                page("新建成员", &template("", "输入邮箱并分配角色。")),
            ),
        ];
        let (s, lists) = lists_of(&files);
        let backup = &lists[idx(&s, "how/backup.md")];
        assert_eq!(
            titles(&s, backup).first().map(String::as_str),
            Some("恢复数据库")
        );
        let dns = &lists[idx(&s, "how/dns.md")];
        assert!(
            dns.iter().all(|r| r.score < 0.1),
            "the template alone relates nothing strongly: {:?}",
            dns.iter()
                .map(|r| (titles(&s, std::slice::from_ref(r)), r.score))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_shared_latin_identifier_relates_articles() {
        let files = vec![
            (
                "a/props.md",
                page("组件的属性", "在组件里调用 defineProps 声明属性。"),
            ),
            (
                "b/types.md",
                page("类型标注", "给 defineProps 的参数加上类型。"),
            ),
            ("c/style.md", page("样式", "用 CSS 写样式。")),
            ("c/route.md", page("路由", "页面之间跳转。")),
        ];
        let (s, lists) = lists_of(&files);
        let props = &lists[idx(&s, "a/props.md")];
        assert_eq!(
            titles(&s, props).first().map(String::as_str),
            Some("类型标注")
        );
        assert_eq!(props[0].reason, super::Reason::Text);
    }

    #[test]
    fn a_tag_too_common_to_bring_candidates_counts_past_the_64_with_bits() {
        // 65 tags on more than 200 articles each: t64, on the fewest, is the one without a
        // bit in the candidates' records, and is looked up in the article's own tags instead.
        let all: Vec<String> = (0..65).map(|k| format!("t{k:02}")).collect();
        let mut files: Vec<(String, String)> = Vec::new();
        for j in 0..290 {
            let tags = if j < 210 { &all[..] } else { &all[..64] };
            let body = format!(
                "---\ntitle: Filler{j}\ntags: [{}]\n---\n\nword{j}\n",
                tags.join(", ")
            );
            files.push((format!("f/f{j}.md"), body));
        }
        let tagged = |t: &str, tag: &str, word: &str| {
            format!("---\ntitle: {t}\ntags: [{tag}]\n---\n\n{word} {t}\n")
        };
        for (path, body) in [
            ("x/p.md", tagged("Apple", "t64", "kappa")),
            ("x/q.md", tagged("Banana", "t64", "kappa")),
            ("y/p.md", tagged("Cherry", "t00", "lambda")),
            ("y/q.md", tagged("Durian", "t00", "lambda")),
            ("z/p.md", page("Elder", "mu Elder")),
            ("z/q.md", page("Fig", "mu Fig")),
        ] {
            files.push((path.to_owned(), body));
        }
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, b)| (p.as_str(), b.as_str()))
            .collect();
        let (s, _) = site(&refs);
        let (p, _) = parse(&s);
        let lists = super::compute(&s, &p).0.articles;
        let first = |path: &str| lists[idx(&s, path)][0].clone();
        let (without_bit, with_bit, untagged) = (first("x/p.md"), first("y/p.md"), first("z/p.md"));
        assert_eq!(without_bit.target, Target::Article(idx(&s, "x/q.md")));
        assert_eq!(without_bit.shared_tags, ["t64"]);
        assert_eq!(with_bit.shared_tags, ["t00"]);
        assert_eq!(without_bit.score, with_bit.score);
        assert!(
            without_bit.score > untagged.score + 0.2,
            "{without_bit:?} {untagged:?}"
        );
    }

    #[test]
    fn an_article_that_keeps_naming_anothers_subject_is_about_it() {
        // 统计信息 says ANALYZE TABLE six times and LOCK STATS once.
        let files = vec![
            (
                "a/stats.md",
                page(
                    "统计信息",
                    "优化器用统计信息估算行数，统计信息过期时查询计划会变差。\
                     执行 ANALYZE TABLE 收集；ANALYZE TABLE 按表进行，ANALYZE TABLE 也可以只收集\
                     索引；自动的 ANALYZE TABLE 在后台运行，ANALYZE TABLE 失败时重试 ANALYZE TABLE。\
                     不想更新时可以用 LOCK STATS。",
                ),
            ),
            (
                "b/analyze.md",
                page("ANALYZE TABLE", "这条语句收集表的统计信息。"),
            ),
            (
                "b/lock.md",
                page(
                    "LOCK STATS",
                    "这条语句锁定表的统计信息，统计信息过期时查询计划会变差。",
                ),
            ),
            (
                "c/port.md",
                page("端口", "服务监听的端口可以在配置文件里修改。"),
            ),
        ];
        let (s, _) = site(&refs(&files));
        let (p, _) = parse(&s);
        let (_, mentions) = super::text::term_vectors(&s, &p);
        let (stats, analyze, lock, port) = (
            idx(&s, "a/stats.md"),
            idx(&s, "b/analyze.md"),
            idx(&s, "b/lock.md"),
            idx(&s, "c/port.md"),
        );
        let (about, named_once) = (
            mentions.between(stats, analyze),
            mentions.between(stats, lock),
        );
        assert!(about > named_once + 0.1, "{about} vs {named_once}");
        assert!(named_once > 0.0 && mentions.between(stats, port) == 0.0);
        assert_eq!(about, mentions.between(analyze, stats));
    }

    #[test]
    fn a_linked_neighbour_says_linked_not_same_section() {
        // A page of many links: its link to the next page weighs less than being next to it,
        // but the link is what the reader can follow.
        let mut body = String::from("读完看[下一篇](02-next.md)。");
        let mut files = vec![("s/02-next.md", page("配置端口", "端口在配置文件里修改。"))];
        const OTHERS: [&str; 20] = [
            "o/a.md", "o/b.md", "o/c.md", "o/d.md", "o/e.md", "o/f.md", "o/g.md", "o/h.md",
            "o/i.md", "o/j.md", "o/k.md", "o/l.md", "o/m.md", "o/n.md", "o/p.md", "o/q.md",
            "o/r.md", "o/s.md", "o/t.md", "o/u.md",
        ];
        for (i, path) in OTHERS.iter().enumerate() {
            body.push_str(&format!("[其他](../{path}) "));
            files.push((path, page(&format!("其他 {i}"), "无关的内容。")));
        }
        files.push(("s/01-start.md", page("开始使用", &body)));
        let (s, lists) = lists_of(&files);
        let start = &lists[idx(&s, "s/01-start.md")];
        let next = start
            .iter()
            .find(|r| r.target == Target::Article(idx(&s, "s/02-next.md")))
            .unwrap_or_else(|| panic!("{:?}", titles(&s, start)));
        assert_eq!(next.reason, super::Reason::Linked);
    }

    #[test]
    fn release_notes_sharing_a_patch_number_do_not_name_each_other() {
        let note = |version: &str| {
            page(
                &format!("TiDB {version} Release Notes"),
                &format!("{version} 修复了若干问题。升级到 {version} 之前请备份。").repeat(5),
            )
        };
        let files = vec![
            ("r/a.md", note("2.0.9")),
            ("r/b.md", note("4.0.9")),
            ("r/c.md", note("3.1.2")),
            ("r/d.md", note("5.2.1")),
            ("e/502.md", page("HTTP 502", "上游没有及时响应。")),
            (
                "e/gateway.md",
                page("网关排错", &"日志里出现 502 时先看上游。".repeat(5)),
            ),
        ];
        let (s, _) = site(&refs(&files));
        let (p, _) = parse(&s);
        let (_, mentions) = super::text::term_vectors(&s, &p);
        assert_eq!(mentions.between(idx(&s, "r/a.md"), idx(&s, "r/b.md")), 0.0);
        // A number that is not part of a version is a subject.
        assert!(mentions.between(idx(&s, "e/gateway.md"), idx(&s, "e/502.md")) > 0.0);
    }

    #[test]
    fn a_section_overview_with_text_is_listed_for_its_articles_and_for_pages_linking_it() {
        let overview = "配置文件放在项目根目录，名为 app.config.js。配置文件里可以设置端口、代理和构建输出目录。"
            .repeat(4);
        let files = vec![
            (
                "cfg/_index.md",
                format!("---\ntitle: 配置概览\n---\n\n{overview}\n"),
            ),
            (
                "cfg/port.md",
                page("端口", "在配置文件里设置端口，默认 3000。"),
            ),
            (
                "cfg/proxy.md",
                page("代理", "在配置文件里设置代理，转发接口请求。"),
            ),
            ("plain/_index.md", "---\ntitle: 其他\n---\n".to_owned()),
            ("plain/a.md", page("甲", "甲乙丙丁的说明。")),
            ("plain/b.md", page("乙", "甲乙丙丁的另一篇说明。")),
            (
                "misc/start.md",
                page("开始", "第一次使用前，先读[配置说明](/cfg/)。然后启动。"),
            ),
            ("misc/end.md", page("结束", "用完以后退出。")),
        ];
        let (s, lists) = lists_of(&files);
        let cfg = s.sections.iter().position(|x| x.dir == "cfg").unwrap();
        let overview_in = |path: &str| {
            lists[idx(&s, path)]
                .iter()
                .find(|r| r.target == Target::Section(cfg))
                .cloned()
        };
        let entry = overview_in("cfg/port.md").expect("its section's overview is listed");
        assert_eq!(entry.reason, super::Reason::Overview);
        assert!(overview_in("cfg/proxy.md").is_some());
        let linked = overview_in("misc/start.md").expect("a page that links the overview lists it");
        assert!(linked.linked);
        // A section page that is only a title is not an overview.
        for path in ["plain/a.md", "plain/b.md", "misc/end.md"] {
            assert!(
                lists[idx(&s, path)]
                    .iter()
                    .all(|r| matches!(r.target, Target::Article(_))),
                "{path}: {:?}",
                titles(&s, &lists[idx(&s, path)])
            );
        }
    }

    #[test]
    fn a_section_overview_lists_related_articles_of_other_sections_not_its_own() {
        let overview = "配置文件放在项目根目录，名为 app.config.js。配置文件里可以设置端口、代理和构建输出目录。"
            .repeat(4);
        let files = |front: &str| {
            vec![
                (
                    "cfg/_index.md",
                    format!(
                        "---\ntitle: 配置概览\n{front}---\n\n{overview}\n\n部署前请读[部署](/ops/deploy/)。\n"
                    ),
                ),
                (
                    "cfg/port.md",
                    page("端口", "在配置文件里设置端口，默认 3000。"),
                ),
                (
                    "cfg/proxy.md",
                    page("代理", "在配置文件里设置代理，转发接口请求。"),
                ),
                ("ops/_index.md", "---\ntitle: 运维\n---\n".to_owned()),
                (
                    "ops/deploy.md",
                    page("部署", "把构建好的文件上传到服务器。"),
                ),
                (
                    "ops/output.md",
                    page(
                        "构建输出",
                        "构建输出目录在配置文件里设置，app.config.js 的默认输出目录是 dist。端口和代理只在开发时生效。",
                    ),
                ),
                ("ops/end.md", page("结束", "用完以后关机。")),
            ]
        };
        let (s, lists) = all_lists_of(&files(""));
        let cfg = s.sections.iter().position(|x| x.dir == "cfg").unwrap();
        let ops = s.sections.iter().position(|x| x.dir == "ops").unwrap();
        let listed = titles(&s, &lists.sections[cfg]);
        assert!(
            listed.contains(&"构建输出".to_owned()),
            "the same words: {listed:?}"
        );
        assert!(
            listed.contains(&"部署".to_owned()),
            "linked from it: {listed:?}"
        );
        assert!(!listed.contains(&"结束".to_owned()), "{listed:?}");
        for own in ["端口", "代理"] {
            assert!(
                !listed.contains(&own.to_owned()),
                "its page lists {own} already: {listed:?}"
            );
        }
        let deploy = (lists.sections[cfg].iter())
            .find(|r| r.target == Target::Article(idx(&s, "ops/deploy.md")))
            .unwrap();
        assert!(deploy.linked, "{deploy:?}");
        assert!(
            lists.sections[ops].is_empty(),
            "a title over a list is no overview"
        );
        assert!(lists.sections[0].is_empty(), "the home page");

        let (s, lists) = all_lists_of(&files("related_auto: false\n"));
        let cfg = s.sections.iter().position(|x| x.dir == "cfg").unwrap();
        assert!(lists.sections[cfg].is_empty(), "related_auto: false");

        // Pins come first, on an overview page as on an article.
        let (s, lists) = all_lists_of(&files("related:\n  - ops/end.md\n"));
        let cfg = s.sections.iter().position(|x| x.dir == "cfg").unwrap();
        let listed = titles(&s, &lists.sections[cfg]);
        assert_eq!(listed[0], "结束");
        assert!(lists.sections[cfg][0].pinned);
        assert!(listed.len() > 1, "and the others after: {listed:?}");
    }

    #[test]
    fn a_section_page_shows_its_pins_and_a_bad_pin_is_an_error() {
        let files = vec![
            (
                "a/_index.md",
                "---\ntitle: 甲\nrelated: [b/x.md]\n---\n".to_owned(),
            ),
            ("a/one.md", page("一", "一二三。")),
            (
                "b/_index.md",
                "---\ntitle: 乙\nrelated:\n  - b/gone.md\n---\n".to_owned(),
            ),
            ("b/x.md", page("叉", "四五六。")),
        ];
        let (s, _) = site(&refs(&files));
        let (p, _) = parse(&s);
        let (lists, d) = super::compute(&s, &p);
        let a = s.sections.iter().position(|x| x.dir == "a").unwrap();
        assert_eq!(titles(&s, &lists.sections[a]), ["叉"]);
        assert_eq!(
            messages(&d),
            ["b/_index.md:3: `related` pins a missing article: `b/gone.md`"]
        );
    }

    #[test]
    fn a_member_of_a_series_of_versions_counts_half_outside_it() {
        // Release notes that repeat the guide's words, and a guide that shares fewer of them.
        let notes = |v: &str| {
            page(
                &format!("发布说明 {v}"),
                &format!("{v} 版本改进了构建缓存、构建速度和插件接口。"),
            )
        };
        let mut files = vec![
            (
                "guide/build.md",
                page("构建", "构建缓存、构建速度、插件接口和热更新都在这里说明。"),
            ),
            ("tips/reload.md", page("原理", "热更新怎样工作。")),
            ("notes/v1.md", notes("1.0")),
            ("notes/v2.md", notes("2.0")),
            ("notes/v3.md", notes("3.1.2")),
        ];
        for (path, title) in [
            ("other/a.md", "登录"),
            ("other/b.md", "支付"),
            ("other/c.md", "退款"),
            ("other/d.md", "发票"),
            ("other/e.md", "客服"),
            ("other/f.md", "账户"),
        ] {
            files.push((path, page(title, &format!("{title}的说明。"))));
        }
        let (s, lists) = lists_of(&files);
        let score = |from: &str, to: &str| {
            lists[idx(&s, from)]
                .iter()
                .find(|r| r.target == Target::Article(idx(&s, to)))
                .map(|r| r.score)
        };
        // The same text similarity both ways, but a series member counts half outside it.
        let out = score("guide/build.md", "notes/v1.md").expect("still listed");
        let back = score("notes/v1.md", "guide/build.md").expect("listed");
        assert!(
            (out - back * super::series::SERIES_FACTOR as f64).abs() < 0.002,
            "{out} {back}"
        );
        let build = titles(&s, &lists[idx(&s, "guide/build.md")]);
        assert_eq!(build.first().map(String::as_str), Some("原理"), "{build:?}");
        // Within the series, its members relate as usual.
        let v1 = titles(&s, &lists[idx(&s, "notes/v1.md")]);
        assert!(
            v1.iter().take(2).all(|t| t.starts_with("发布说明")),
            "{v1:?}"
        );
        let series = super::series(&s);
        assert!(series[idx(&s, "notes/v3.md")].is_some());
        assert_eq!(
            series[idx(&s, "notes/v3.md")],
            series[idx(&s, "notes/v1.md")]
        );
        assert_eq!(series[idx(&s, "guide/build.md")], None);
    }
}
