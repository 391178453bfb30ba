//! YAML for front matter and the config, below every stage: the one place that knows the YAML
//! library, so replacing `serde_yaml` (deprecated upstream) touches this file only. Its errors
//! become diagnostics whose line is counted in the whole file, with a hint.

use serde::de::DeserializeOwned;

use crate::error::{Diagnostic, suggest};

/// A free YAML map, as `extra:` keys hold for templates.
pub type Mapping = serde_yaml::Mapping;

/// How deeply `[` and `{` may nest in YAML: the library gives up at 128 levels, but only after
/// reading the whole text at each level: 400 KB of `{a: {a: …` took 27 s, 100 KB in
/// helpcenter.yaml 3.3 s, in `serve` on every save.
const MAX_FLOW_DEPTH: usize = 64;

/// The error for YAML whose `[`/`{` nest deeper than [`MAX_FLOW_DEPTH`], at the line where they
/// do; `None` for any other text. One pass over the lines, reading only what opens a flow
/// collection: a bracket where a value starts (`key: [`, `- {`) or inside one. Brackets in
/// text are text: a plain value (`- 取值 [0, 1)`) and the lines that continue it, quoted
/// values, comments and block scalars (`description: |`).
pub fn too_deep(text: &str, line_offset: usize) -> Option<Diagnostic> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    // Inside a block scalar: lines indented past this are its text.
    let mut block: Option<usize> = None;
    // A plain value ended the last line at this indentation: deeper lines continue it.
    let mut plain: Option<usize> = None;
    for (i, line) in text.split('\n').enumerate() {
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        let blank = line.trim().is_empty();
        if let Some(b) = block {
            if blank || indent > b {
                continue;
            }
            block = None;
        }
        if depth == 0 && quote.is_none() {
            if let Some(p) = plain {
                if blank || indent > p {
                    continue;
                }
                plain = None;
            }
        }
        let mut value_start = true;
        let mut plain_here = false;
        let mut key_col = indent;
        let mut j = indent;
        while j < bytes.len() {
            let b = bytes[j];
            let next_blank = bytes
                .get(j + 1)
                .is_none_or(|n| matches!(n, b' ' | b'\t' | b'\r'));
            if let Some(q) = quote {
                if q == b'"' && b == b'\\' {
                    j += 2;
                    continue;
                }
                if b == q {
                    // `''` inside single quotes is one quote.
                    if q == b'\'' && bytes.get(j + 1) == Some(&b'\'') {
                        j += 2;
                        continue;
                    }
                    quote = None;
                    value_start = false;
                }
                j += 1;
                continue;
            }
            match b {
                b'#' if j == 0 || matches!(bytes[j - 1], b' ' | b'\t') => break,
                b' ' | b'\t' | b'\r' => {}
                b'"' | b'\'' if depth > 0 || value_start => quote = Some(b),
                b'[' | b'{' if depth > 0 || value_start => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Some(
                            Diagnostic::error(format!(
                                "brackets `[` and `{{` nest more than {MAX_FLOW_DEPTH} levels deep here"
                            ))
                            .at_line(line_offset + i + 1)
                            .hint("no real value nests this deep: write lists and maps with fewer levels, or quote the text"),
                        );
                    }
                    value_start = true;
                }
                b']' | b'}' if depth > 0 => {
                    depth -= 1;
                    value_start = false;
                }
                b',' if depth > 0 => value_start = true,
                b':' if next_blank => value_start = true,
                // `- key: value`: the key, and what continues its value, are past the dash.
                b'-' | b'?' if depth == 0 && value_start && next_blank => {
                    key_col = j + 1 + bytes[j + 1..].iter().take_while(|&&b| b == b' ').count();
                }
                b'|' | b'>' if depth == 0 && value_start => {
                    block = Some(indent);
                    break;
                }
                _ => {
                    plain_here |= depth == 0;
                    value_start = false;
                }
            }
            j += 1;
        }
        if depth == 0 && quote.is_none() && plain_here && !value_start {
            plain = Some(key_col);
        }
    }
    None
}

/// A YAML value (another tool's config), or why not: [`too_deep`], then the library's error.
pub fn value(text: &str) -> Result<serde_yaml::Value, String> {
    if let Some(d) = too_deep(text, 0) {
        return Err(d.message.clone());
    }
    serde_yaml::from_str(text).map_err(|e| e.to_string())
}

/// Deserializes `text`, which starts on line `line_offset + 1` of its file.
pub fn from_str<T: DeserializeOwned>(text: &str, line_offset: usize) -> Result<T, Diagnostic> {
    if let Some(d) = too_deep(text, line_offset) {
        return Err(d);
    }
    serde_yaml::from_str(text).map_err(|e| {
        typing_slip(text, line_offset, &e)
            .or_else(|| needs_quotes(text, line_offset, &e))
            .unwrap_or_else(|| error(text, &e, line_offset))
    })
}

/// Parses a YAML mapping (front matter) into JSON values, the neutral form front matter of every
/// format is read into. `text` starts on line `line_offset + 1` of its file. Keys that are not
/// text (`1: x`) become their text; anything but a mapping at the top is an error.
pub fn to_json_map(
    text: &str,
    line_offset: usize,
) -> Result<serde_json::Map<String, serde_json::Value>, Diagnostic> {
    if let Some(d) = too_deep(text, line_offset) {
        return Err(d);
    }
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| {
        unclosed_flow(text, line_offset)
            .or_else(|| typing_slip(text, line_offset, &e))
            .or_else(|| needs_quotes(text, line_offset, &e))
            .unwrap_or_else(|| error(text, &e, line_offset))
    })?;
    match json(value) {
        serde_json::Value::Object(map) => Ok(map),
        serde_json::Value::Null => Ok(serde_json::Map::new()),
        _ => Err(
            Diagnostic::error("the front matter is not a list of `key: value` lines")
                .at_line(line_offset + 1)
                .hint("write one `key: value` per line between the `---` lines"),
        ),
    }
}

/// Two slips YAML reports elsewhere or in its own words, named at their line: a key typed with a
/// Chinese input method's full-width colon (`description：三步完成`, which YAML reports on the
/// next line as "could not find expected ':'"), and a tab in the indentation ("found character
/// that cannot start any token"). Only asked once the text failed to parse, and only of the
/// line YAML names or the two before it: a `：` elsewhere is text (`客服电话：400…` in a
/// block of text), and the real error is another one.
fn typing_slip(text: &str, line_offset: usize, e: &serde_yaml::Error) -> Option<Diagnostic> {
    let message = e.to_string();
    if [
        "unknown field",
        "invalid type",
        "duplicate field",
        "missing field",
        "invalid value",
    ]
    .iter()
    .any(|m| message.contains(m))
    {
        return None;
    }
    let at = e.location()?.line();
    text.lines().enumerate().find_map(|(i, l)| {
        if i + 1 > at || i + 3 < at {
            return None;
        }
        let line = line_offset + i + 1;
        if l.trim_start_matches(' ').starts_with('\t') {
            return Some(
                Diagnostic::error("this line is indented with a tab, which YAML does not allow")
                    .at_line(line)
                    .hint("indent with spaces"),
            );
        }
        let body = l.trim_start().trim_start_matches("- ");
        let (key, _) = body.split_once('：')?;
        let plain_key = !key.is_empty()
            && !key.contains(':')
            && !key.starts_with(['#', '"', '\''])
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || "_-. ".contains(c))
            && key.chars().count() <= 40;
        plain_key.then(|| {
            let key = key.trim_end();
            Diagnostic::error(format!(
                "`{key}` is followed by a full-width colon `：`, which YAML does not read as `:`"
            ))
            .at_line(line)
            .hint(format!("type an ASCII colon and a space: `{key}: …`"))
        })
    })
}

/// A plain value YAML cannot take as it is, on the line YAML names: one holding `: ` (`title:
/// 注意: 事项`, read as a key inside a value), or starting with `*` (an alias: `title: *重要*`),
/// `@` or `` ` `` (reserved). libyaml's own words ("mapping values are not allowed in this
/// context") say neither what nor how to fix it.
fn needs_quotes(text: &str, line_offset: usize, e: &serde_yaml::Error) -> Option<Diagnostic> {
    let message = e.to_string();
    let why = if message.contains("mapping values are not allowed") {
        "holds `: `, which YAML reads as the start of another key"
    } else if message.contains("cannot start any token")
        || message.contains("did not find expected alphabetic or numeric character")
    {
        "starts with a character YAML reserves (`*`, `@`, `` ` ``)"
    } else {
        return None;
    };
    let at = e.location()?.line();
    let line = text.lines().nth(at.checked_sub(1)?)?;
    let (key, value) = line.split_once(": ")?;
    let value = value.trim();
    let key = key.trim().trim_start_matches("- ");
    let fits = if why.starts_with("holds") {
        value.contains(": ")
    } else {
        value.starts_with(['*', '@', '`'])
    };
    let plain_key = !key.is_empty() && !key.contains([' ', '"', '\'', ':', '#']);
    (fits && plain_key && !value.starts_with(['"', '\''])).then(|| {
        Diagnostic::error(format!("the value of `{key}` {why}"))
            .at_line(line_offset + at)
            .hint(format!(
                "put the value in quotes: {key}: \"{}\"",
                value.replace('\\', "\\\\").replace('"', "\\\"")
            ))
    })
}

/// The most common YAML mistake in front matter, named where it is: a value that starts with
/// `[` or `{` (read as a list or map) and is never closed, e.g. `title: [重要] 关闭指南`.
fn unclosed_flow(text: &str, line_offset: usize) -> Option<Diagnostic> {
    text.lines().enumerate().find_map(|(i, l)| {
        let (key, value) = l.split_once(':')?;
        let value = value.trim();
        let (open, close) = match value.chars().next()? {
            '[' => ('[', ']'),
            '{' => ('{', '}'),
            _ => return None,
        };
        let balanced = value.matches(open).count() == value.matches(close).count();
        (!balanced && !key.starts_with([' ', '-', '#'])).then(|| {
            let key = key.trim();
            Diagnostic::error(format!(
                "`{key}`: a value starting with `{open}` is read as a list or map, and this one is never closed"
            ))
            .at_line(line_offset + i + 1)
            .hint(format!("put the value in quotes: {key}: \"{value}\""))
        })
    })
}

fn json(v: serde_yaml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    use serde_yaml::Value as Y;
    match v {
        Y::Null => J::Null,
        Y::Bool(b) => J::Bool(b),
        // JSON has no NaN or infinity: they stay as written (`.nan`), so that a key that
        // wants a number says it is not one, and a title keeps its text.
        Y::Number(n) if n.is_nan() || n.is_infinite() => J::String(n.to_string()),
        Y::Number(n) => serde_json::to_value(&n).unwrap_or(J::Null),
        Y::String(s) => J::String(s),
        Y::Sequence(items) => J::Array(items.into_iter().map(json).collect()),
        Y::Mapping(m) => J::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let key = match json(k) {
                        J::String(s) => s,
                        other => other.to_string(),
                    };
                    (key, json(v))
                })
                .collect(),
        ),
        Y::Tagged(t) => json(t.value),
    }
}

/// The line uses an alias (`*name`) as a value: after a blank, `[`, `{`, `,` or `-`.
fn has_alias(line: &str) -> bool {
    let mut before = ' ';
    line.chars().zip(line.chars().skip(1)).any(|(c, next)| {
        let alias = c == '*'
            && matches!(before, ' ' | '\t' | '[' | '{' | ',' | '-' | ':')
            && (next.is_alphanumeric() || next == '_');
        before = c;
        alias
    })
}

/// Turns a serde_yaml error into a diagnostic whose line is counted in the whole file
/// (`line_offset` lines precede the YAML text), with a hint for unknown keys.
fn error(text: &str, e: &serde_yaml::Error, line_offset: usize) -> Diagnostic {
    let raw = e.to_string();
    // serde_yaml appends " at line L column C"; the location is shown separately.
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_owned(),
        None => raw.clone(),
    };
    let mut d = Diagnostic::error(message.clone());
    if let Some(loc) = e.location() {
        d = d.at(loc.line() + line_offset, loc.column());
    }
    if let Some(at) = message.find("unknown field `") {
        // A nested key's message starts with the path to it: "feedback: unknown field `x`".
        let path = message[..at].trim_end().trim_end_matches(':');
        let rest = &message[at + "unknown field `".len()..];
        let key = rest.split('`').next().unwrap_or_default();
        d.message = if path.is_empty() {
            format!("unknown key `{key}`")
        } else {
            format!("unknown key `{key}` in `{path}`")
        };
        // serde lists the keys it expected: "expected one of `a`, `b`" or "expected `a`".
        let known: Vec<&str> = message
            .split("expected ")
            .nth(1)
            .map(|list| {
                list.split('`')
                    .enumerate()
                    .filter(|(i, _)| i % 2 == 1)
                    .map(|(_, k)| k)
                    .collect()
            })
            .unwrap_or_default();
        d = match suggest(key, &known) {
            Some(k) => d.hint(format!("did you mean `{k}`?")),
            None => d.hint(format!("the known keys here are: {}", known.join(", "))),
        };
    } else if let Some((key, found, _)) = parse_invalid_type(&message)
        .filter(|(_, found, _)| found.ends_with(" as u128") || found.ends_with(" as i128"))
    {
        // serde_yaml reads a number past 64 bits as "integer `…` as u128", which no value
        // accepts ("expected any YAML value").
        let number = found.split('`').nth(1).unwrap_or(found).to_owned();
        d.message = format!("`{key}` is a number too large to read: {number}");
        d = d.hint("numbers fit in 64 bits (up to 18446744073709551615); put the value in quotes if it is text");
    } else if let Some((key, found, expected)) = parse_invalid_type(&message) {
        d.message = format!("`{key}` should be {}, not {found}", plain_type(expected));
        d = if expected.contains("string") && (found.contains("sequence") || found.contains("map"))
        {
            d.hint(format!("a value starting with `[` or `{{` is read as a list or map: put it in quotes, e.g. {key}: \"[…]\""))
        } else {
            d.hint("check the value's type: text, a number, true/false or a list as the key needs")
        };
    } else if let Some(key) = message
        .split("duplicate field `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .or_else(|| {
            // Front matter is read as any YAML value first, whose words differ.
            message
                .split("duplicate entry with key \"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
        })
    {
        d.message = format!("`{key}` is written twice");
        d = d.hint("keep one of them: the second would silently replace the first");
        // YAML places it at the map's start; the second one is where to look.
        if let Some((_, line)) = key_lines(text, line_offset + 1)
            .into_iter()
            .filter(|(k, _)| k == key)
            .nth(1)
        {
            d = d.at_line(line);
        }
    } else if let Some((key, rest)) = message.split_once(": unknown variant `") {
        let (value, expected) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        d.message = format!("`{key}` cannot be `{value}`");
        d = d.hint(format!("write {expected}"));
    } else if message.starts_with("repetition limit exceeded") {
        // A "billion laughs": aliases of aliases, which serde_yaml stops expanding.
        d.message = "the aliases (`*name`) here repeat their anchors' values too many times".into();
        d = d.hint("write the values out, or use fewer levels of `&anchor` and `*alias`");
        // serde_yaml gives no place: the first alias is where the repeating starts.
        if d.line.is_none()
            && let Some(i) = text.lines().position(has_alias)
        {
            d = d.at_line(i + 1 + line_offset);
        }
    } else if message.starts_with("recursion limit exceeded") {
        d.message =
            "values are nested too deep here (over 128 lists or maps inside one another)".into();
        d = d.hint("flatten the value: fewer `[`, `{` or indented levels inside one another");
    } else if message.contains("invalid type") {
        d = d.hint("check the value's type: text, a number, true/false or a list as the key needs");
    } else {
        d = d.hint(
            "fix the YAML syntax: `key: value` per line, lists as `- item` or `[a, b]`; \
             quote values that contain `: ` or start with a special character",
        );
    }
    d
}

/// What serde names by a Rust type (`usize`, `u8`, `struct FeedbackConfig`), in words.
fn plain_type(expected: &str) -> String {
    match expected.trim() {
        "usize" | "u8" | "u16" | "u32" | "u64" => "a whole number, 0 or more".into(),
        "isize" | "i8" | "i16" | "i32" | "i64" => "a whole number".into(),
        "f32" | "f64" => "a number".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list".into(),
        "a string" => "text".into(),
        e if e.starts_with("struct ") || e == "a map" => {
            "a map (`key: value` lines indented under it)".into()
        }
        e => e.to_owned(),
    }
}

/// Splits serde's "key: invalid type: FOUND, expected EXPECTED" into its parts.
fn parse_invalid_type(message: &str) -> Option<(&str, &str, &str)> {
    let (key, rest) = message.split_once(": invalid type: ")?;
    let (found, expected) = rest.split_once(", expected ")?;
    (!key.contains(' ')).then_some((key, found, expected))
}

/// The 1-based line of `yaml` on which a top-level `key:` is written, for errors about its value.
pub fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

/// The 1-based line of `parent.key` in `yaml` (`key:` indented under a top-level `parent:`),
/// else the parent's own line (`parent: {key: …}`).
pub fn nested_key_line(yaml: &str, parent: &str, key: &str) -> Option<usize> {
    let start = key_line(yaml, parent)?;
    let nested = yaml
        .lines()
        .skip(start)
        .take_while(|l| l.starts_with([' ', '\t']) || l.trim().is_empty())
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        });
    Some(nested.map_or(start, |i| start + i + 1))
}

/// Each top-level key of `yaml` with its 1-based line, counted from `first_line`.
pub fn key_lines(yaml: &str, first_line: usize) -> Vec<(String, usize)> {
    yaml.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with([' ', '\t', '-', '#']))
        .filter_map(|(i, l)| {
            // `"weigth": 3` is the key `weigth`.
            let key = l.split_once(':')?.0.trim();
            Some((key.trim_matches(['"', '\'']).to_owned(), i + first_line))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A "billion laughs" is refused at the line of its first alias, not nowhere in the file.
    #[test]
    fn an_alias_bomb_names_its_first_alias() {
        let mut text =
            String::from("title: t\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip("abcdefgh".chars())
        {
            let items = vec![format!("*{prev}"); 9].join(", ");
            text.push_str(&format!("{name}: &{name} [{items}]\n"));
        }
        let d = to_json_map(&text, 1).unwrap_err();
        assert!(d.message.contains("too many times"), "{}", d.message);
        assert_eq!(d.line, Some(4));
        assert!(has_alias("x: [*a, *b]") && has_alias("- *base") && has_alias("k: *重"));
        assert!(!has_alias("title: 2*3") && !has_alias("x: \"a*b\"") && !has_alias("**"));
    }

    /// A Chinese input method's colon and a tab, at their own lines (YAML put the first one
    /// line later, and named neither). Found by a helper writing front matter by hand.
    #[test]
    fn typing_slips_are_named_at_their_line() {
        let d =
            to_json_map("title: 绑定银行卡\ndescription：三步完成\nweight: 2\n", 1).unwrap_err();
        assert_eq!(d.line, Some(3));
        assert!(
            d.message.contains("`description`") && d.message.contains('：'),
            "{}",
            d.message
        );
        let d = to_json_map("title: x\nweight：10\n", 1).unwrap_err();
        assert_eq!(d.line, Some(3));
        let d = to_json_map("title: x\ntags:\n\t- 退款\n", 1).unwrap_err();
        assert_eq!(d.line, Some(4));
        assert!(d.message.contains("tab"), "{}", d.message);
        // A full-width colon in a value is text, and parses.
        assert!(to_json_map("title: 注意：先还款\n", 1).is_ok());
        let d = from_str::<serde_json::Value>("title: x\nfooter：版权所有\nlanguage: zh\n", 0)
            .unwrap_err();
        assert_eq!(d.line, Some(2));
        // A `：` in text elsewhere is no slip: the real error is reported (found by a tester).
        let d = to_json_map("footer: |\n  客服电话：400-100\ntags: [a\nx\n", 0).unwrap_err();
        assert!(!d.message.contains("full-width"), "{}", d.message);
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct C {
            footer: String,
        }
        let d = from_str::<C>("footer: |\n  客服电话：400-100\nserch: x\n", 0).unwrap_err();
        assert_eq!(d.message, "unknown key `serch`");
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[test]
    fn a_nested_key_is_found_under_its_parent_only() {
        let yaml = "limit: 1\nrelated:\n\n  other: 2\n  limit: 3\nsearch:\n  limit: 4\n";
        assert_eq!(nested_key_line(yaml, "related", "limit"), Some(5));
        assert_eq!(
            nested_key_line("related: {limit: 9}\n", "related", "limit"),
            Some(1)
        );
        assert_eq!(nested_key_line("title: x\n", "related", "limit"), None);
    }

    #[test]
    fn unknown_key_is_named_with_the_nearest_known_one() {
        let d = from_str::<T>("title: a\ntagz: [x]\n", 1).unwrap_err();
        assert_eq!(d.message, "unknown key `tagz`");
        assert_eq!(d.line, Some(3));
        assert_eq!(d.hint.as_deref(), Some("did you mean `tags`?"));
    }

    #[test]
    fn a_list_where_text_is_expected_says_to_quote_it() {
        let d = from_str::<T>("title: [a]\n", 0).unwrap_err();
        assert_eq!(d.message, "`title` should be text, not sequence");
        assert!(d.hint.as_deref().unwrap().contains("put it in quotes"));
    }

    #[test]
    fn a_number_past_64_bits_is_named_as_such() {
        let d = to_json_map("title: a\nweight: 99999999999999999999999\n", 0).unwrap_err();
        assert_eq!(
            d.message,
            "`weight` is a number too large to read: 99999999999999999999999"
        );
        assert_eq!(d.line, Some(2));
        assert!(d.hint.as_deref().unwrap().contains("64 bits"));
    }

    #[test]
    fn an_unclosed_list_is_named_on_its_line() {
        let d = to_json_map("title: [broken\ntags: [a]\n", 1).unwrap_err();
        assert_eq!(
            d.message,
            "`title`: a value starting with `[` is read as a list or map, and this one is never closed"
        );
        assert_eq!(d.line, Some(2));
        assert_eq!(
            d.hint.as_deref(),
            Some("put the value in quotes: title: \"[broken\"")
        );
    }

    #[test]
    fn aliases_that_expand_too_far_and_deep_nesting_say_what_to_do() {
        let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = if i == 1 {
                "a".to_string()
            } else {
                format!("a{}", i - 1)
            };
            let refs = vec![format!("*{prev}"); 9].join(", ");
            laughs.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let d = to_json_map(&laughs, 1).unwrap_err();
        assert!(
            d.message.contains("repeat their anchors' values"),
            "{}",
            d.message
        );
        assert!(d.hint.as_deref().unwrap().contains("write the values out"));
        let deep = format!("a: {}{}\n", "[".repeat(200), "]".repeat(200));
        let d = to_json_map(&deep, 1).unwrap_err();
        assert!(d.message.contains("nest more than 64"), "{}", d.message);
        assert_eq!(d.line, Some(2));
    }

    /// Brackets are counted in one pass before the library reads them (it took seconds past
    /// 100 KB); quoted text and comments hold none.
    #[test]
    fn flow_nesting_is_counted_before_parsing() {
        let nested = |n: usize| format!("x: {}1{}\n", "{a: ".repeat(n), "}".repeat(n));
        assert!(too_deep(&nested(64), 0).is_none());
        assert!(to_json_map(&nested(64), 0).is_ok());
        let d = too_deep(&format!("title: t\n{}", nested(65)), 4).unwrap();
        assert_eq!(d.line, Some(6));
        let quoted = format!(
            "a: \"{}\"\nb: '{}'\nc: x # {}\nd: it's [ok]\n",
            "[".repeat(100),
            "{".repeat(100),
            "[".repeat(100)
        );
        assert!(too_deep(&quoted, 0).is_none());
        assert!(to_json_map(&quoted, 0).is_ok());
        // Brackets in text (a reviewer's front matter, valid YAML): plain values, the lines
        // that continue one, block scalars.
        let texts = format!(
            "title: 区间 [0, 1)\nkeywords:\n{}description: |\n{}summary: 一段\n  [续行 {{\n  [再续\nlist:\n- a: [x]\n  b: 文本 [\n",
            "  - 取值 [0, 1)\n".repeat(70),
            "  [[[[ {{{{ 文本\n".repeat(20),
        );
        assert!(too_deep(&texts, 0).is_none(), "{:?}", too_deep(&texts, 0));
        assert!(to_json_map(&texts, 0).is_ok());
        // What is nested in a list's map is still counted.
        let listed = format!("- a: 1\n  b: {}1{}\n", "[".repeat(70), "]".repeat(70));
        assert_eq!(too_deep(&listed, 0).unwrap().line, Some(2));
        let huge = format!("x: {}1{}\n", "{a: ".repeat(80_000), "}".repeat(80_000));
        assert!(from_str::<serde_yaml::Value>(&huge, 0).is_err());
    }

    #[test]
    fn keys_and_their_lines() {
        let y = "title: a\ntags:\n  - x\n# note\nslug: b\n";
        assert_eq!(key_line(y, "slug"), Some(5));
        assert_eq!(
            key_lines(y, 2),
            [
                ("title".to_owned(), 2),
                ("tags".to_owned(), 3),
                ("slug".to_owned(), 6)
            ]
        );
    }
}
