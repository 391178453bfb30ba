#![warn(missing_docs)]
//! helpcenter: a static help-center generator.
//!
//! The build flows one way through modules named after what they hold:
//! `config` and `content` (load) → `site` (the model) → `markdown` (parse) →
//! `links`, `related`, `search` (derive) → `theme`, `render`, `feeds` (render) → `output`
//! (write). `pipeline` runs the stages; `serve` keeps them in memory for preview; `cli` is the
//! command line.
//!
//! # Architecture invariant: a one-way module graph
//!
//! Modules are layered, and a module imports only from layers below its own (and from its own
//! sub-modules), never from a layer above or beside it. New code goes in the lowest layer that
//! can hold it. `tests::module_graph_is_layered` checks every `crate::` path in `src/`.
//!
//! 0. Helpers, below every stage (they may use each other): `error` (diagnostics, shown
//!    paths), `paths` (URLs, relative links, percent-encoding), `escape`, `hash`, `yaml` (the
//!    only user of the YAML library), `i18n` (the site language), `tokenize` (terms for search
//!    and related), `highlight` (code colouring, as classes), `collate` (the order titles
//!    sort in for a reader).
//! 1. Load: `config`, `content`.
//! 2. The model: `site`; and `output`, the output's files and their atomic writing, which
//!    every stage that makes files hands its results to.
//! 3. Parse: `markdown`.
//! 4. Derive: `claims` (who writes each output path), `links`, `related`, `search`.
//! 5. The theme: `theme`.
//! 6. Render: `render`, `feeds`.
//! 7. Drive: `pipeline`, `init`; then 8. `serve`; then 9. `cli`.
//!
//! Stages return what they made together with what they found wrong: `(T, Diagnostics)` when
//! they go on past a problem, `Result<T, Diagnostic>` (or `Diagnostics`) when nothing can be
//! made; derived values (`markdown::Parsed`, `render::Derived`) are new values, never fields
//! filled into the model later.

pub(crate) mod claims;
pub mod cli;
pub(crate) mod collate;
pub(crate) mod config;
pub(crate) mod content;
pub(crate) mod error;
pub(crate) mod escape;
pub(crate) mod feeds;
pub(crate) mod hash;
pub(crate) mod highlight;
pub(crate) mod i18n;
pub(crate) mod init;
pub(crate) mod links;
pub(crate) mod markdown;
pub(crate) mod output;
pub mod paths;
pub(crate) mod pipeline;
pub(crate) mod related;
pub(crate) mod render;
pub(crate) mod search;
pub(crate) mod serve;
pub(crate) mod shortcodes;
pub(crate) mod site;
pub(crate) mod theme;
pub(crate) mod tokenize;
pub(crate) mod yaml;

#[cfg(test)]
mod testing;

#[cfg(test)]
mod tests {
    /// Each module's layer, as the crate docs list them.
    const LAYERS: &[(&str, u8)] = &[
        ("error", 0),
        ("paths", 0),
        ("escape", 0),
        ("hash", 0),
        ("highlight", 0),
        ("yaml", 0),
        ("i18n", 0),
        ("tokenize", 0),
        ("collate", 0),
        ("shortcodes", 0),
        ("config", 1),
        ("content", 1),
        ("site", 2),
        ("output", 2),
        ("markdown", 3),
        ("claims", 4),
        ("links", 4),
        ("related", 4),
        ("search", 4),
        ("theme", 5),
        ("render", 6),
        ("feeds", 6),
        ("pipeline", 7),
        ("init", 7),
        ("serve", 8),
        ("cli", 9),
        ("testing", 10),
    ];

    fn layer(module: &str) -> Option<u8> {
        LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
    }

    /// The top-level modules named by `crate::…` paths in `text`, tests left out.
    fn imports(text: &str) -> Vec<String> {
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let mut out = Vec::new();
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                out.extend(group.split(',').filter_map(|p| {
                    let name = p.trim().split("::").next()?.trim();
                    (!name.is_empty()).then(|| name.to_owned())
                }));
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.push(name);
            }
        }
        out
    }

    #[test]
    fn module_graph_is_layered() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut checked = 0;
        let mut wrong = Vec::new();
        for entry in walkdir::WalkDir::new(&src)
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap();
            let top = rel.iter().next().unwrap().to_string_lossy();
            let top = top.trim_end_matches(".rs");
            if top == "lib" || top == "main" {
                continue;
            }
            let own = layer(top).unwrap_or_else(|| panic!("module `{top}` has no layer in lib.rs"));
            let text = std::fs::read_to_string(path).unwrap();
            for name in imports(&text) {
                if name == top {
                    continue;
                }
                let theirs = layer(&name).unwrap_or_else(|| panic!("unknown module `{name}`"));
                checked += 1;
                if theirs > own || (theirs == own && own != 0) {
                    wrong.push(format!(
                        "{} imports `{name}` (layer {theirs}, its own {own})",
                        rel.display()
                    ));
                }
            }
        }
        assert!(checked > 50, "only {checked} imports found");
        assert!(
            wrong.is_empty(),
            "imports against the layers:\n{}",
            wrong.join("\n")
        );
    }
}
