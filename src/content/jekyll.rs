//! Jekyll's collections: `_posts/` and each collection `_config.yml` publishes
//! (`collections: {docs: {output: true}}`) hold pages, though their folders start with `_`,
//! which otherwise marks pieces other pages include (`partials`). jekyllcn's whole manual is
//! `_docs/`: left out, the site had 2 articles of 87. Their URLs drop the `_`
//! (`_docs/quickstart.md` is `docs/quickstart/`), as Jekyll's `/:collection/:path/` does.

use std::path::Path;

use super::{FrontMatter, js};
use crate::error::{Diagnostic, Diagnostics};

pub(super) const CONFIG_FILES: &[&str] = &["_config.yml", "_config.yaml"];

/// The folders (`_posts`, `_docs` …) of `content/` whose pages Jekyll publishes, when the site
/// has a Jekyll config beside `content/` or in it; none without one.
pub fn published_folders(root: &Path, content_dir: &Path, diags: &mut Diagnostics) -> Vec<String> {
    let places = js::beside_or_in(root, content_dir);
    let Some(config) = js::read_config(root, &places, CONFIG_FILES, "Jekyll config", diags) else {
        return Vec::new();
    };
    let yaml: serde_yaml::Value = match crate::yaml::value(&config.text) {
        Ok(v) => v,
        Err(e) => {
            diags.push(
                Diagnostic::info(format!(
                    "this config could not be read ({e}): its collections are left out"
                ))
                .in_file(&config.shown),
            );
            return Vec::new();
        }
    };
    let mut folders = vec!["_posts".to_owned()];
    // `collections: {docs: {output: true}}`; a list of names (`[docs]`) publishes none.
    if let Some(map) = yaml.get("collections").and_then(|c| c.as_mapping()) {
        for (name, settings) in map {
            let output = settings
                .get("output")
                .and_then(serde_yaml::Value::as_bool)
                .unwrap_or(false);
            if let (Some(name), true) = (name.as_str(), output) {
                let ok = !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
                if ok && name != "posts" {
                    folders.push(format!("_{name}"));
                }
            }
        }
    }
    folders
}

/// A Jekyll post's file name carries its date and its name (`_posts/2016-05-18-released.md`):
/// they are its `date` and `slug` when its front matter gives none, as Jekyll reads them.
pub fn post_name(rel: &str, front: &mut FrontMatter) {
    let mut parts = rel.rsplit('/');
    let (Some(name), Some("_posts")) = (parts.next(), parts.next()) else {
        return;
    };
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let date = stem.get(..10).filter(|d| {
        d.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
    });
    let Some((date, title)) = date
        .zip(stem.get(11..))
        .filter(|(_, t)| stem.as_bytes().get(10) == Some(&b'-') && !t.is_empty())
    else {
        return;
    };
    front.date.get_or_insert_with(|| date.to_owned());
    front.slug.get_or_insert_with(|| title.to_owned());
}

#[cfg(test)]
mod tests {
    use super::{post_name, published_folders};
    use crate::content::FrontMatter;

    #[test]
    fn a_posts_file_name_gives_its_date_and_slug() {
        let mut f = FrontMatter::default();
        post_name("_posts/2016-05-18-jekyll-released.markdown", &mut f);
        assert_eq!(f.date.as_deref(), Some("2016-05-18"));
        assert_eq!(f.slug.as_deref(), Some("jekyll-released"));
        // The front matter's own win; other names and folders give nothing.
        let mut f = FrontMatter {
            date: Some("2020-01-01 10:00".into()),
            ..FrontMatter::default()
        };
        post_name("_posts/2016-05-18-x.md", &mut f);
        assert_eq!(f.date.as_deref(), Some("2020-01-01 10:00"));
        for rel in [
            "posts/2016-05-18-x.md",
            "_posts/2016-5-18-x.md",
            "_posts/2016-05-18-.md",
            "_posts/2016-05-18.md",
        ] {
            let mut f = FrontMatter::default();
            post_name(rel, &mut f);
            assert!(f.date.is_none() && f.slug.is_none(), "{rel}");
        }
    }
    use crate::error::Diagnostics;

    #[test]
    fn posts_and_the_collections_with_output_are_published() {
        let dir = std::env::temp_dir().join(format!("hc-jekyll-{}", std::process::id()));
        let content = dir.join("content");
        std::fs::create_dir_all(&content).unwrap();
        let mut d = Diagnostics::default();
        assert!(
            published_folders(&dir, &content, &mut d).is_empty(),
            "no config, none"
        );
        std::fs::write(
            dir.join("_config.yml"),
            "collections:\n  docs:\n    output: true\n  drafts_x:\n    output: false\n  ../x:\n    output: true\n",
        )
        .unwrap();
        assert_eq!(
            published_folders(&dir, &content, &mut d),
            ["_posts", "_docs"]
        );
        std::fs::write(dir.join("_config.yml"), "collections: [docs]\n").unwrap();
        assert_eq!(published_folders(&dir, &content, &mut d), ["_posts"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
