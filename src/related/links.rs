//! The link graph between articles, the strongest sign that two are related: an author who
//! links one from the other has said so, and two articles linked from the same pages (or
//! linking the same pages) are about the same thing even when their words differ.
//!
//! A page that links to everything says little about any one target, so every signal is
//! weighed down by the degree of the page it comes through.

use std::collections::HashMap;

use super::Target;
use crate::markdown::{LinkRef, LinkTarget, Parsed};
use crate::site::Site;

/// Links from a page are worth less once it links to more pages than this.
const FOCUSED_DEGREE: f32 = 12.0;
/// A page linking to (or linked from) more than this many articles is a list, not a relation:
/// it gives no co-citation.
const HUB_DEGREE: usize = 150;

/// Who links to whom, in both directions, between articles. Sections' own pages count as
/// sources of co-citation only (an overview that lists its articles says they belong together).
pub(super) struct LinkGraph {
    /// For each article, the articles it links to and how many times, sorted.
    out: Vec<Vec<(u32, u16)>>,
    /// For each article, the articles that link to it and how many times, sorted.
    inn: Vec<Vec<(u32, u16)>>,
    /// For each section page, the articles it links to.
    section_out: Vec<Vec<u32>>,
    /// For each article, the section pages that link to it.
    section_in: Vec<Vec<u32>>,
    /// For each article, the section pages it links to.
    to_section: Vec<Vec<u32>>,
    /// For each section page, the articles that link to it.
    section_from: Vec<Vec<u32>>,
}

impl LinkGraph {
    pub(super) fn new(site: &Site, parsed: &Parsed) -> LinkGraph {
        let n = site.articles.len();
        // Every page a link can name, by URL: sections' own pages and articles (an article
        // wins a URL both claim, as the build gives it the page).
        let by_url: HashMap<&str, Target> = (site.sections.iter().enumerate())
            .map(|(i, s)| (s.url.as_str(), Target::Section(i)))
            .chain(
                (site.articles.iter().enumerate())
                    .map(|(i, a)| (a.url.as_str(), Target::Article(i))),
            )
            .collect();
        let section_by_path: HashMap<&str, usize> = site
            .sections
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.source.as_ref().map(|f| (f.rel.as_str(), i)))
            .collect();
        let resolve = |l: &LinkRef| -> Option<Target> {
            match &l.target {
                LinkTarget::Page { content_path, .. } => site
                    .by_path
                    .get(content_path)
                    .map(|&i| Target::Article(i))
                    .or_else(|| {
                        section_by_path
                            .get(content_path.as_str())
                            .map(|&s| Target::Section(s))
                    }),
                LinkTarget::SiteUrl { url } => by_url.get(page_url(url).as_ref()).copied(),
                _ => None,
            }
        };
        let target = |l: &LinkRef| match resolve(l) {
            Some(Target::Article(i)) => Some(i),
            _ => None,
        };
        let section_target = |l: &LinkRef| match resolve(l) {
            Some(Target::Section(s)) => Some(s),
            _ => None,
        };
        let to_section: Vec<Vec<u32>> = parsed
            .articles
            .iter()
            .map(|r| {
                let mut v: Vec<u32> = r
                    .links
                    .iter()
                    .filter_map(section_target)
                    .map(|s| s as u32)
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        let mut counts: HashMap<(u32, u32), u16> = HashMap::new();
        for (a, r) in parsed.articles.iter().enumerate() {
            for b in r.links.iter().filter_map(target) {
                if b != a {
                    let c = counts.entry((a as u32, b as u32)).or_default();
                    *c = c.saturating_add(1);
                }
            }
        }
        let mut out = vec![Vec::new(); n];
        let mut inn = vec![Vec::new(); n];
        for (&(a, b), &c) in &counts {
            out[a as usize].push((b, c));
            inn[b as usize].push((a, c));
        }
        for v in out.iter_mut().chain(inn.iter_mut()) {
            v.sort_unstable();
        }
        let mut section_out: Vec<Vec<u32>> = parsed
            .sections
            .iter()
            .map(|r| {
                r.links
                    .iter()
                    .filter_map(target)
                    .map(|b| b as u32)
                    .collect()
            })
            .collect();
        let mut section_from = vec![Vec::new(); site.sections.len()];
        for (a, list) in to_section.iter().enumerate() {
            for &s in list {
                section_from[s as usize].push(a as u32);
            }
        }
        let mut section_in = vec![Vec::new(); n];
        for (s, list) in section_out.iter_mut().enumerate() {
            list.sort_unstable();
            list.dedup();
            for &b in list.iter() {
                section_in[b as usize].push(s as u32);
            }
        }
        LinkGraph {
            out,
            inn,
            section_out,
            section_in,
            to_section,
            section_from,
        }
    }

    /// The articles section `s`'s page links to or is linked from.
    pub(super) fn section_neighbours(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        let out = self.section_out.get(s).into_iter().flatten();
        let from = self.section_from.get(s).into_iter().flatten();
        out.chain(from).map(|&b| b as usize)
    }

    /// How strongly a link between section `s`'s page and article `b` relates them, in 0..=1,
    /// weighed as `direct` weighs a link between articles (without repeats: a section's links
    /// are kept once each).
    pub(super) fn section_direct(&self, s: usize, b: usize) -> f32 {
        let out = self.section_out.get(s).map_or(&[][..], Vec::as_slice);
        let from = self.section_from.get(s).map_or(&[][..], Vec::as_slice);
        let links_of_b = self.out[b].len() + self.to_section[b].len();
        let from_page = if out.binary_search(&(b as u32)).is_ok() {
            focus(out.len()) * focus(self.inn[b].len() + self.section_in[b].len())
        } else {
            0.0
        };
        let to_page = if from.binary_search(&(b as u32)).is_ok() {
            focus(links_of_b) * focus(from.len())
        } else {
            0.0
        };
        both_ways(from_page, to_page)
    }

    /// The sections whose pages link to article `a` or that `a` links to.
    pub(super) fn linked_sections(&self, a: usize) -> impl Iterator<Item = usize> + '_ {
        self.section_in[a]
            .iter()
            .chain(&self.to_section[a])
            .map(|&s| s as usize)
    }

    /// Whether section `s`'s page links to article `a`, or `a` to it.
    pub(super) fn section_linked(&self, a: usize, s: usize) -> bool {
        self.section_out
            .get(s)
            .is_some_and(|l| l.binary_search(&(a as u32)).is_ok())
            || self.to_section[a].binary_search(&(s as u32)).is_ok()
    }

    /// The articles `a` links to or is linked from.
    pub(super) fn neighbours(&self, a: usize) -> impl Iterator<Item = usize> + '_ {
        self.out[a]
            .iter()
            .chain(&self.inn[a])
            .map(|&(b, _)| b as usize)
    }

    /// Whether one of the two links to the other.
    pub(super) fn linked(&self, a: usize, b: usize) -> bool {
        find(&self.out[a], b).is_some() || find(&self.inn[a], b).is_some()
    }

    /// How strongly a link between `a` and `b` relates them, for `a`'s list, in 0..=1: a link
    /// from a page with few links, repeated, or in both directions, counts most.
    pub(super) fn direct(&self, a: usize, b: usize) -> f32 {
        // A link to a page everything links to (the options reference) is a citation, not a
        // relation; a link from a page that links to everything, the same.
        let from_a = find(&self.out[a], b).map_or(0.0, |k| {
            focus(self.out[a].len()) * focus(self.inn[b].len()) * repeat(k)
        });
        let to_a = find(&self.inn[a], b).map_or(0.0, |k| {
            focus(self.out[b].len()) * focus(self.inn[a].len()) * repeat(k)
        });
        both_ways(from_a, to_a)
    }

    /// Calls `add(b, w)` for the co-citation of every article `b` with `a` (both linked from
    /// the same page) and their coupling (both linking to the same article), each shared page
    /// weighed by how few links it has.
    pub(super) fn cocitation(&self, a: usize, mut add: impl FnMut(usize, f32)) {
        let mut each = |list: &mut dyn Iterator<Item = u32>, w: f32| {
            for b in list {
                if b as usize != a {
                    add(b as usize, w);
                }
            }
        };
        for &(c, _) in &self.inn[a] {
            let list = &self.out[c as usize];
            if list.len() <= HUB_DEGREE {
                each(&mut list.iter().map(|x| x.0), shared_weight(list.len()));
            }
        }
        for &s in &self.section_in[a] {
            let list = &self.section_out[s as usize];
            if list.len() <= HUB_DEGREE {
                // An overview's list is weaker than an article's own choice of links.
                each(&mut list.iter().copied(), 0.5 * shared_weight(list.len()));
            }
        }
        for &(c, _) in &self.out[a] {
            let list = &self.inn[c as usize];
            if list.len() <= HUB_DEGREE {
                each(&mut list.iter().map(|x| x.0), shared_weight(list.len()));
            }
        }
    }
}

/// A co-citation accumulated in `cocitation`, as a share in 0..1: one shared page with few
/// links is about half, a few of them nearly all.
pub(super) fn cocitation_share(sum: f32) -> f32 {
    1.0 - (-sum).exp()
}

/// A site URL as pages are keyed: with its trailing slash.
fn page_url(url: &str) -> std::borrow::Cow<'_, str> {
    if url.ends_with('/') || url.is_empty() {
        url.into()
    } else {
        format!("{url}/").into()
    }
}

fn find(list: &[(u32, u16)], b: usize) -> Option<u16> {
    list.binary_search_by_key(&(b as u32), |&(x, _)| x)
        .ok()
        .map(|i| list[i].1)
}

/// A link's weight from the links each way: the stronger one, and half the other.
fn both_ways(one: f32, other: f32) -> f32 {
    (one.max(other) + 0.5 * one.min(other)).min(1.0)
}

/// A page's links weigh less as it has more of them.
fn focus(degree: usize) -> f32 {
    (FOCUSED_DEGREE / degree.max(1) as f32).min(1.0).sqrt()
}

/// The same link written again adds a little.
fn repeat(times: u16) -> f32 {
    (0.7 + 0.15 * f32::from(times.saturating_sub(1))).min(1.0)
}

/// What one shared page says about two of its links.
fn shared_weight(degree: usize) -> f32 {
    1.0 / (2.0 + degree as f32).ln()
}
