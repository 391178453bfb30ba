//! `sitemap.xml`, `atom.xml` and `robots.txt`: the files for crawlers and feed readers, which need
//! absolute URLs and so the site's `base_url`.

use crate::markdown::Parsed;
use crate::output::OutputFile;
use crate::paths::encode_path;
use crate::site::Site;

/// How many articles the feed carries, newest first.
const FEED_ENTRIES: usize = 30;

/// `robots.txt` always; `sitemap.xml` and `atom.xml` too when the site has a `base_url`.
pub fn render(site: &Site, parsed: &Parsed) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let Some(base) = site.config.base_url.as_deref() else {
        files.push(text("robots.txt", "User-agent: *\nAllow: /\n".to_owned()));
        return files;
    };
    files.push(text(
        "robots.txt",
        format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"),
    ));
    files.push(text("sitemap.xml", sitemap(site, base)));
    files.push(text("atom.xml", atom(site, parsed, base)));
    files
}

fn text(path: &str, s: String) -> OutputFile {
    OutputFile {
        path: path.to_owned(),
        bytes: s.into_bytes(),
    }
}

fn sitemap(site: &Site, base: &str) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut entry = |url: &str, lastmod: Option<String>| {
        s.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n",
            xml(&format!("{base}{}", encode_path(url)))
        ));
        if let Some(m) = lastmod {
            s.push_str(&format!("    <lastmod>{m}</lastmod>\n"));
        }
        s.push_str("  </url>\n");
    };
    for sec in &site.sections {
        entry(&sec.url, None);
    }
    for a in &site.articles {
        let d = a
            .source
            .updated
            .or(a.source.date)
            .map(|d| d.at.to_rfc3339());
        entry(&a.url, d);
    }
    s.push_str("</urlset>\n");
    s
}

fn atom(site: &Site, parsed: &Parsed, base: &str) -> String {
    let mut dated: Vec<usize> = (0..site.articles.len())
        .filter(|&i| site.articles[i].source.date.is_some())
        .collect();
    let stamp = |&i: &usize| {
        let a = &site.articles[i];
        a.source.updated.or(a.source.date).map(|d| d.at)
    };
    let url = |&i: &usize| &site.articles[i].url;
    dated.sort_by(|x, y| stamp(y).cmp(&stamp(x)).then_with(|| url(x).cmp(url(y))));
    dated.truncate(FEED_ENTRIES);
    let updated = dated
        .first()
        .and_then(stamp)
        .map(|d| d.to_rfc3339())
        .unwrap_or_else(|| "1970-01-01T00:00:00+00:00".to_owned());
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <link href=\"{}atom.xml\" rel=\"self\"/>\n  <link href=\"{}\"/>\n  <id>{}</id>\n  <updated>{updated}</updated>\n",
        xml(&site.config.language),
        xml(&site.config.title),
        xml(base),
        xml(base),
        xml(base)
    );
    for i in dated {
        let a = &site.articles[i];
        let url = format!("{base}{}", encode_path(&a.url));
        let published = a.source.date.map(|d| d.at.to_rfc3339()).unwrap_or_default();
        s.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <link href=\"{}\"/>\n    <id>{}</id>\n    <published>{published}</published>\n    <updated>{}</updated>\n    <summary>{}</summary>\n  </entry>\n",
            xml(&a.source.title),
            xml(&url),
            xml(&url),
            stamp(&i).map(|d| d.to_rfc3339()).unwrap_or_default(),
            xml(parsed.description(site, i)),
        ));
    }
    s.push_str("</feed>\n");
    s
}

fn xml(s: &str) -> String {
    crate::escape::xml(s)
}
