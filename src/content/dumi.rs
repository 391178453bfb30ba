//! dumi's top navigation, which its pages name in their front matter: `nav: 指南`, or
//! `nav: { title: 指南, order: -1 }`, on the pages of the folder the entry stands for
//! (`docs/guide/`). The title names the folder in the top navigation and breadcrumbs, and the
//! order places it; without them, a folder's page's heading (`什么是 dumi`) named it.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::{FolderMeta, Kind, SourceFile, Weight};

/// Titles and places the top folders as their pages' `nav` says: the title the folder's own
/// page gives, else the one most of its pages give; the lowest order any gives (0 for none,
/// as dumi has it).
pub fn navigation(files: &mut [SourceFile], folder_meta: &mut HashMap<String, FolderMeta>) {
    let mut found: BTreeMap<String, Named> = BTreeMap::new();
    for f in files.iter() {
        let Some((folder, _)) = f.rel.split_once('/') else {
            continue;
        };
        let Ok(front) = crate::yaml::to_json_map(&f.front_raw, 0) else {
            continue;
        };
        let (title, order) = match front.get("nav") {
            Some(Value::String(t)) => (Some(t.trim().to_owned()), None),
            Some(Value::Object(o)) => (
                o.get("title")
                    .and_then(Value::as_str)
                    .map(|t| t.trim().to_owned()),
                o.get("order").and_then(Value::as_i64),
            ),
            _ => continue,
        };
        let entry = found.entry(folder.to_owned()).or_default();
        if let Some(t) = title.filter(|t| !t.is_empty()) {
            if is_folders_page(f) {
                entry.own = Some(t.clone());
            }
            *entry.votes.entry(t).or_default() += 1;
        }
        if let Some(o) = order {
            entry.order = Some(entry.order.map_or(o, |e| e.min(o)));
        }
    }
    for (folder, Named { votes, own, order }) in found {
        let most = votes
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(t, _)| t.clone());
        let Some(title) = own.or(most) else { continue };
        let page = files.iter_mut().find(|f| {
            f.kind == Kind::Section
                && f.rel.split_once('/').map(|(d, _)| d) == Some(&folder)
                && f.rel.matches('/').count() == 1
        });
        match page {
            Some(p) => {
                p.front.nav_title.get_or_insert(title);
            }
            None => {
                folder_meta
                    .entry(folder.clone())
                    .or_default()
                    .title
                    .get_or_insert(title);
            }
        }
        // dumi places an entry without an order at 0, before those with a higher one.
        let weight = Weight::from(order.unwrap_or(0));
        folder_meta
            .entry(folder)
            .or_default()
            .weight
            .get_or_insert(weight);
    }
}

/// What a top folder's pages say of its navigation entry.
#[derive(Default)]
struct Named {
    /// Each title, with how many pages give it.
    votes: BTreeMap<String, usize>,
    /// The title the folder's own page gives.
    own: Option<String>,
    /// The lowest order given.
    order: Option<i64>,
}

/// A top folder's own page (`guide/index.md`).
fn is_folders_page(f: &SourceFile) -> bool {
    f.kind == Kind::Section && f.rel.matches('/').count() == 1
}
