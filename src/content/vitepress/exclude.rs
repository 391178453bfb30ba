//! `srcExclude`: glob patterns of Markdown files VitePress does not make pages of (Vue's docs
//! leave out `tutorial/**/description.md`, parts other pages include). helpcenter leaves them
//! out too, so that a migrated site publishes what the author's did.
//!
//! The patterns are fast-glob's, relative to the content folder: `**` for any number of
//! folders, `*` and `?` within a name, `{a,b}` for either. A pattern starting with `!` is left
//! aside: it cannot take back an exclusion.

use std::path::{Path, PathBuf};

use crate::content::js::{Reader, Value};
use crate::error::{Diagnostic, Diagnostics};

/// Patterns kept per config, and the length of one: any real list is far shorter, and each
/// costs a little per file.
const MAX_PATTERNS: usize = 64;
const MAX_PATTERN_CHARS: usize = 256;
/// Alternatives one pattern's braces expand to.
const MAX_EXPANSIONS: usize = 64;

/// The patterns of `srcExclude`, and where the config says them.
#[derive(Debug, Default, Clone)]
pub struct Exclude {
    /// Each pattern, brace alternatives expanded, split at `/`.
    patterns: Vec<Vec<Vec<char>>>,
    /// The config, and the line of `srcExclude`, for the note.
    at: Option<(PathBuf, usize)>,
    /// What the note says of the patterns.
    said: &'static str,
}

impl Exclude {
    pub(super) fn from_config(reader: &Reader, shown: &Path) -> Exclude {
        let e = Exclude::from_key(
            reader,
            shown,
            "srcExclude",
            "the VitePress config's srcExclude",
        );
        if e.at.is_some() {
            return e;
        }
        // VuePress 2's `pagePatterns: ['**/*.md', '!**/*.snippet.md']`: what it takes back.
        Exclude::patterns(
            reader,
            shown,
            "pagePatterns",
            true,
            "the VuePress config's pagePatterns",
        )
    }

    /// The patterns of the config's first `key` (Rspress's `route: { exclude }` too);
    /// `said` names them in the note.
    pub fn from_key(reader: &Reader, shown: &Path, key: &str, said: &'static str) -> Exclude {
        Exclude::patterns(reader, shown, key, false, said)
    }

    /// The patterns of `key` (`negated`: those written with a `!`, without it).
    fn patterns(
        reader: &Reader,
        shown: &Path,
        key: &str,
        negated: bool,
        said: &'static str,
    ) -> Exclude {
        let Some((value, line)) = reader.properties(key, 1).pop() else {
            return Exclude::default();
        };
        let value = match value {
            Value::Name(n) => reader.declared(&n).unwrap_or(Value::Unknown),
            v => v,
        };
        let Value::Array(items) = value else {
            return Exclude::default();
        };
        let written: Vec<&str> = items
            .iter()
            .filter_map(|v| v.str())
            .filter(|(s, interpolated)| !interpolated && s.starts_with('!') == negated)
            .map(|(s, _)| if negated { &s[1..] } else { s })
            .take(MAX_PATTERNS)
            .collect();
        let mut e = Exclude::new(&written);
        if !e.patterns.is_empty() {
            e.at = Some((shown.to_path_buf(), line));
            e.said = said;
        }
        e
    }

    fn new(written: &[&str]) -> Exclude {
        let mut patterns = Vec::new();
        for w in written {
            if w.chars().count() > MAX_PATTERN_CHARS {
                continue;
            }
            let w = w.trim_start_matches("./").trim_start_matches('/');
            for alt in expand(w) {
                patterns.push(alt.split('/').map(|seg| seg.chars().collect()).collect());
            }
        }
        Exclude {
            patterns,
            at: None,
            said: "",
        }
    }

    /// Leaves out of `markdown` ((path, path under content/)) the files the patterns match,
    /// with a note that counts them.
    pub fn apply(&self, markdown: &mut Vec<(PathBuf, String)>, diags: &mut Diagnostics) {
        let Some((config, line)) = &self.at else {
            return;
        };
        let found = markdown.len();
        markdown.retain(|(_, rel)| !self.matches(rel));
        let left = found - markdown.len();
        diags.push(
            Diagnostic::info(format!(
                "{left} Markdown file{} left out, as {} says",
                if left == 1 { " is" } else { "s are" },
                self.said
            ))
            .in_file(config)
            .at_line(*line),
        );
    }

    /// Whether the file at `rel` (relative to the content folder, `/`-separated) is left out.
    fn matches(&self, rel: &str) -> bool {
        if self.patterns.is_empty() {
            return false;
        }
        let segs: Vec<Vec<char>> = rel.split('/').map(|s| s.chars().collect()).collect();
        self.patterns.iter().any(|p| path_matches(p, &segs))
    }
}

/// `{a,b}` alternatives, expanded (the first group first, nested groups after), at most
/// `MAX_EXPANSIONS`; an unclosed `{` is a character.
fn expand(pattern: &str) -> Vec<String> {
    let mut out = vec![pattern.to_owned()];
    let mut i = 0;
    while i < out.len() && out.len() <= MAX_EXPANSIONS {
        let p = out[i].clone();
        let Some(open) = p.find('{') else {
            i += 1;
            continue;
        };
        // The matching `}`, and the top-level commas between.
        let mut depth = 0;
        let mut commas = Vec::new();
        let mut close = None;
        for (k, c) in p[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + k);
                        break;
                    }
                }
                ',' if depth == 1 => commas.push(open + k),
                _ => {}
            }
        }
        let Some(close) = close.filter(|_| !commas.is_empty()) else {
            i += 1;
            continue;
        };
        let mut starts = vec![open + 1];
        starts.extend(commas.iter().map(|c| c + 1));
        let mut ends = commas.clone();
        ends.push(close);
        let alts: Vec<String> = starts
            .iter()
            .zip(&ends)
            .map(|(&s, &e)| format!("{}{}{}", &p[..open], &p[s..e], &p[close + 1..]))
            .collect();
        out.splice(i..=i, alts);
    }
    out.truncate(MAX_EXPANSIONS);
    out
}

/// Whether path segments `segs` match pattern segments `pat`, where a `**` segment stands for
/// any number of segments.
fn path_matches(pat: &[Vec<char>], segs: &[Vec<char>]) -> bool {
    // reach[j]: the first j segments are matched by the pattern so far.
    let mut reach = vec![false; segs.len() + 1];
    reach[0] = true;
    for p in pat {
        let mut next = vec![false; segs.len() + 1];
        if p.len() == 2 && p[0] == '*' && p[1] == '*' {
            let mut any = false;
            for j in 0..=segs.len() {
                any |= reach[j];
                next[j] = any;
            }
        } else {
            for j in 0..segs.len() {
                if reach[j] && name_matches(p, &segs[j]) {
                    next[j + 1] = true;
                }
            }
        }
        reach = next;
    }
    reach[segs.len()]
}

/// Whether a name matches a pattern of `*` (any run of characters), `?` (one) and literals.
fn name_matches(p: &[char], s: &[char]) -> bool {
    // The classic two-pointer match with one backtrack point: linear in practice.
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < s.len() {
        if i < p.len() && (p[i] == '?' || (p[i] != '*' && p[i] == s[j])) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(patterns: &[&str]) -> Exclude {
        Exclude::new(patterns)
    }

    #[test]
    fn fast_glob_patterns() {
        let e = ex(&["tutorial/**/description.md"]);
        assert!(e.matches("tutorial/src/step-1/description.md"));
        assert!(e.matches("tutorial/description.md"));
        assert!(!e.matches("tutorial/src/step-1/App.md"));
        assert!(!e.matches("guide/description.md"));
        let e = ex(&["**/README.md", "drafts/*.md", "./notes/?.md"]);
        assert!(e.matches("README.md") && e.matches("a/b/README.md"));
        assert!(e.matches("drafts/x.md") && !e.matches("drafts/a/x.md"));
        assert!(e.matches("notes/a.md") && !e.matches("notes/ab.md"));
        let e = ex(&["{guide,api}/old-*.md", "x/{a,{b,c}}.md"]);
        assert!(e.matches("guide/old-1.md") && e.matches("api/old-.md"));
        assert!(!e.matches("about/old-1.md"));
        assert!(e.matches("x/a.md") && e.matches("x/c.md") && !e.matches("x/d.md"));
        assert!(ex(&["*"]).matches("a.md") && !ex(&["*"]).matches("a/b.md"));
        assert!(!ex(&[]).matches("a.md"));
    }

    #[test]
    fn read_from_the_config() {
        let toks = crate::content::js::tokens(
            "const skip = ['**/TODO.md', '!keep.md', `${x}.md`]\nexport default { srcDir: 'src', srcExclude: skip }",
        );
        let e = Exclude::from_config(&Reader::new(&toks), Path::new("c.ts"));
        assert!(e.matches("a/TODO.md") && !e.matches("keep.md"));
        assert_eq!(e.at, Some((PathBuf::from("c.ts"), 2)));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..Default::default() })]
        #[test]
        fn any_pattern_and_path_match_without_panic(p in "[a*?{},/.]{0,40}", s in "[a/.]{0,40}") {
            let _ = ex(&[p.as_str()]).matches(&s);
        }
    }
}
