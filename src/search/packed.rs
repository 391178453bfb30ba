//! One document's weighted term frequencies, packed: the terms' text in one string, and beside
//! each term what names it (title, heading, definition). A 100k-article site has 64 million
//! (document, term) pairs. As maps of owned strings they were an allocation each, gigabytes, and
//! seconds to free. Scoring also looked each pair up in three sets of the document's; with the
//! roles carried along, it needs no lookups.

use rustc_hash::FxHashMap;

/// The document's title has the term.
pub(super) const TITLED: u8 = 1;
/// One of its headings has it (Latin words only: see `HEADING_BOOST`).
pub(super) const HEADED: u8 = 2;
/// One of its headings begins with it, as a name (`### tidb_gc_life_time`).
pub(super) const DEFINED: u8 = 4;

#[derive(Debug, Clone, Default)]
pub(super) struct PackedTerms {
    text: String,
    /// Each term's end in `text` (it starts where the one before ends), its weight, its roles.
    entries: Vec<(usize, f32, u8)>,
}

impl PackedTerms {
    /// Packs `tf`, asking `roles` for each term's.
    pub(super) fn pack(tf: FxHashMap<String, f32>, roles: impl Fn(&str) -> u8) -> PackedTerms {
        let mut text = String::with_capacity(tf.keys().map(String::len).sum());
        let mut entries = Vec::with_capacity(tf.len());
        for (term, weight) in tf {
            text.push_str(&term);
            entries.push((text.len(), weight, roles(&term)));
        }
        PackedTerms { text, entries }
    }

    /// Every term with its weight and roles, in no particular order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, f32, u8)> {
        let mut start = 0;
        self.entries.iter().map(move |&(end, weight, roles)| {
            let term = &self.text[start..end];
            start = end;
            (term, weight, roles)
        })
    }

    #[cfg(test)]
    pub(super) fn weight(&self, term: &str) -> Option<f32> {
        self.iter().find(|(t, ..)| *t == term).map(|(_, w, _)| w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_terms_come_back_with_their_weights_and_roles() {
        let tf: FxHashMap<String, f32> = [("微粒", 2.0), ("a", 1.5), ("tidb_gc", 3.0), ("", 0.5)]
            .into_iter()
            .map(|(t, w)| (t.to_owned(), w))
            .collect();
        let packed = PackedTerms::pack(tf.clone(), |t| match t {
            "微粒" => TITLED,
            "tidb_gc" => HEADED | DEFINED,
            _ => 0,
        });
        assert_eq!(packed.iter().count(), 4);
        let mut back: Vec<(String, f32, u8)> = packed
            .iter()
            .map(|(t, w, r)| (t.to_owned(), w, r))
            .collect();
        back.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            back,
            [
                (String::new(), 0.5, 0),
                ("a".to_owned(), 1.5, 0),
                ("tidb_gc".to_owned(), 3.0, HEADED | DEFINED),
                ("微粒".to_owned(), 2.0, TITLED),
            ]
        );
        assert_eq!(packed.weight("a"), Some(1.5));
        assert_eq!(packed.weight("b"), None);
    }
}
