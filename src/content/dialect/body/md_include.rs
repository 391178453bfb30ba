//! VitePress's and vuepress-theme-hope's Markdown includes, an HTML comment alone on its line:
//! `<!--@include: ./parts/basics.md-->`, with lines (`{3,5}`, `{3,}`, theme-hope's `{9-13}`,
//! `{3-}`) or a region (`#snippet`, between `<!-- #region snippet -->` and
//! `<!-- #endregion snippet -->`). As a comment, a tool that does not read it shows nothing.

/// What an include line names.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Include<'a> {
    pub path: &'a str,
    pub part: Part<'a>,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Part<'a> {
    Whole,
    /// 1-based lines, `to` included (`None`: to the end).
    Lines {
        from: usize,
        to: Option<usize>,
    },
    Region(&'a str),
}

/// The include `trimmed` is, when the line is one and nothing else.
pub(super) fn include(trimmed: &str) -> Option<Include<'_>> {
    let inner = trimmed.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    let spec = inner.strip_prefix("@include:")?.trim();
    if spec.is_empty() {
        return None;
    }
    if let Some(open) = spec.rfind('{').filter(|_| spec.ends_with('}')) {
        let range = &spec[open + 1..spec.len() - 1];
        let (from, to) = range.split_once([',', '-']).unwrap_or((range, range));
        let from = match from.trim() {
            "" => 1,
            n => n.parse().ok()?,
        };
        let to = match to.trim() {
            "" => None,
            n => Some(n.parse().ok()?),
        };
        if from == 0 || to.is_some_and(|t| t < from) {
            return None;
        }
        return Some(Include {
            path: spec[..open].trim(),
            part: Part::Lines { from, to },
        });
    }
    match spec.rsplit_once('#') {
        Some((path, region)) if !region.is_empty() && !path.is_empty() => Some(Include {
            path: path.trim(),
            part: Part::Region(region.trim()),
        }),
        _ => Some(Include {
            path: spec,
            part: Part::Whole,
        }),
    }
}

/// The part of `text` that `part` names; `None` when it names none.
pub(super) fn part(text: &str, part: &Part) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    match *part {
        Part::Whole => Some(text.to_owned()),
        Part::Lines { from, to } => {
            let to = to.unwrap_or(lines.len()).min(lines.len());
            (from <= to).then(|| lines[from - 1..to].join("\n"))
        }
        Part::Region(name) => {
            let marks = |kind: &str, l: &str| {
                l.split_once(kind)
                    .is_some_and(|(_, rest)| rest.split_whitespace().next() == Some(name))
            };
            let start = lines.iter().position(|l| marks("#region", l))?;
            let end = lines[start + 1..]
                .iter()
                .position(|l| marks("#endregion", l))
                .map_or(lines.len(), |e| start + 1 + e);
            Some(lines[start + 1..end].join("\n"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_lines_of_vitepress_and_theme_hope() {
        assert_eq!(
            include("<!--@include: ./parts/basics.md-->"),
            Some(Include {
                path: "./parts/basics.md",
                part: Part::Whole
            })
        );
        assert_eq!(
            include("<!-- @include: ./demo.snippet.md{9-13} -->")
                .unwrap()
                .part,
            Part::Lines {
                from: 9,
                to: Some(13)
            }
        );
        assert_eq!(
            include("<!--@include: ./a.md{3,}-->").unwrap().part,
            Part::Lines { from: 3, to: None }
        );
        assert_eq!(
            include("<!-- @include: ./a.md#snippet -->").unwrap().part,
            Part::Region("snippet")
        );
        assert_eq!(include("<!-- a comment -->"), None);
        assert_eq!(include("<!-- @include: ./a.md{5-2} -->"), None);
        let text = "a\n<!-- #region snippet -->\nb\nc\n<!-- #endregion snippet -->\nd";
        assert_eq!(
            part(text, &Part::Region("snippet")).as_deref(),
            Some("b\nc")
        );
        assert_eq!(
            part(
                text,
                &Part::Lines {
                    from: 3,
                    to: Some(4)
                }
            )
            .as_deref(),
            Some("b\nc")
        );
        assert_eq!(part(text, &Part::Region("other")), None);
        assert_eq!(part(text, &Part::Lines { from: 9, to: None }), None);
    }
}
