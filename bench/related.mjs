#!/usr/bin/env node
// Related-articles quality report for a BUILT helpcenter site.
//
//   node bench/related.mjs --site OUT_DIR --lists bench/related/es6tutorial.json [--content CORPUS_DIR] [--json REPORT.json]
//
// Reads every .html file under OUT_DIR, finds the article pages and their
// `<section class="related" data-related ...>` block, and compares what is shown
// with the editor lists in --lists (see bench/related/*.json).  Prints:
//   (a) coverage: share of article pages showing >=3, >=1 and 0 related articles;
//   (b) precision@3 against the editor lists (lenient: / min(3, shown); strict: / 3);
//   (c) recall of the editor lists in the full shown list;
//   (b') with --judged: the same first three against a second reader's graded, blind
//       judgements (bench/related/judged/*.json), and how that reader graded the editor's lists;
//   (d) one line per listed article: what is shown (first 5, as source paths),
//       editor hits marked with *, and the reason text of each link.
// No npm dependencies (Node 18+).  It is a report: it always exits 0, but prints
// WARN lines for anything it could not map or parse.

import fs from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const o = { lists: [], judged: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const key = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const val = () => (a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : argv[++i]);
    switch (key) {
      case '--site': o.site = val(); break;
      case '--lists': o.lists.push(val()); break;
      case '--content': o.content = val(); break;
      case '--judged': o.judged.push(val()); break;
      case '--json': o.json = val(); break;
      case '--show': o.show = Number(val()); break;
      case '-h': case '--help': o.help = true; break;
      default: warn(`unknown argument ${a}`);
    }
  }
  return o;
}

const warnings = [];
function warn(msg) {
  warnings.push(msg);
  console.log(`WARN ${msg}`);
}

const USAGE = `usage: node bench/related.mjs --site OUT_DIR --lists LISTS.json [--lists MORE.json] [--content CORPUS_DIR] [--judged JUDGED.json] [--json REPORT.json] [--show N]`;

// ---------------------------------------------------------------- small helpers
const ENT = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', middot: '·' };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return ENT[e.toLowerCase()] ?? m;
  });
}
const stripTags = (s) => decodeEntities(s.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3]) : null;
};
const hasAttr = (tag, name) => new RegExp(`[\\s"']${name}(?:[\\s=>/]|$)`, 'i').test(tag);
const posix = (p) => p.split(path.sep).join('/');
// Normalise a title for comparison: drop `{#id}` anchors, markdown emphasis/code, spaces, case.
const normTitle = (t) =>
  (t || '')
    .replace(/\{#[^}]*\}/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();

function walk(dir, pred, out = []) {
  let ents;
  try { ents = fs.readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of ents) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, pred, out);
    else if (e.isFile() && pred(e.name)) out.push(p);
  }
  return out;
}

// Site-relative URL path of an html file: a/b/index.html -> "a/b/", index.html -> "", x.html -> "x.html"
function urlOfFile(rel) {
  if (rel === 'index.html') return '';
  if (rel.endsWith('/index.html')) return rel.slice(0, -'index.html'.length);
  return rel;
}

// Expected output file (site-relative) of a source .md by the default rule.
function expectedHtml(src) {
  const noext = src.replace(/\.(md|markdown)$/i, '');
  const base = noext.split('/').pop();
  const dir = noext.includes('/') ? noext.slice(0, noext.lastIndexOf('/') + 1) : '';
  if (/^(index|readme|_index)$/i.test(base)) return dir + 'index.html';
  return noext + '/index.html';
}

// ---------------------------------------------------------------- page parsing
function parsePage(rel, html) {
  const page = { rel, url: urlOfFile(rel) };
  const bodyTag = (html.match(/<body\b[^>]*>/i) || [''])[0];
  const bodyClass = attr(bodyTag, 'class') || '';
  page.kind = (bodyClass.match(/\bkind-([\w-]+)/) || [])[1] || null;
  page.redirect =
    /<meta[^>]+http-equiv\s*=\s*["']?refresh/i.test(html) && !/<main\b/i.test(html);
  page.hasMain = /<main\b/i.test(html);
  page.hasArticleMarker =
    /\bkind-article\b/.test(bodyClass) ||
    /class\s*=\s*["'][^"']*\barticle-body\b/i.test(html) ||
    /<[a-z][^>]*\sdata-article(?:[\s=>])/i.test(html);
  const h1 = html.match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i);
  page.h1 = h1 ? stripTags(h1[1]) : '';
  const og = html.match(/<meta\s+property\s*=\s*["']og:title["'][^>]*>/i);
  page.ogTitle = og ? attr(og[0], 'content') || '' : '';
  const t = html.match(/<title\b[^>]*>([\s\S]*?)<\/title>/i);
  page.title = t ? stripTags(t[1]) : '';
  const canon = html.match(/<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>/i);
  page.canonical = canon ? attr(canon[0], 'href') : null;
  page.related = null; // null = no related section at all
  page.relatedSections = 0;

  const secRe = /<section\b[^>]*>/gi;
  let m;
  while ((m = secRe.exec(html))) {
    if (!hasAttr(m[0], 'data-related')) continue;
    page.relatedSections++;
    if (page.related) continue; // only the first block counts; extra blocks are warned about
    // find matching </section> (allow nesting)
    let depth = 1;
    const re = /<(\/?)section\b[^>]*>/gi;
    re.lastIndex = m.index + m[0].length;
    let end = html.length, mm;
    while ((mm = re.exec(html))) {
      depth += mm[1] ? -1 : 1;
      if (depth === 0) { end = mm.index; break; }
    }
    const inner = html.slice(m.index + m[0].length, end);
    page.related = parseRelated(inner);
  }
  return page;
}

function parseRelated(inner) {
  const items = [];
  const liRe = /<li\b[^>]*>([\s\S]*?)<\/li>/gi;
  let li;
  const chunks = [];
  while ((li = liRe.exec(inner))) chunks.push(li[1]);
  if (chunks.length === 0) {
    // no list items: fall back to every link outside the heading
    const noHead = inner.replace(/<h[1-6]\b[\s\S]*?<\/h[1-6]>/gi, '');
    const aRe = /<a\b[^>]*>[\s\S]*?<\/a>/gi;
    let a;
    while ((a = aRe.exec(noHead))) chunks.push(a[0]);
  }
  for (const c of chunks) {
    const a = c.match(/<a\b([^>]*)>([\s\S]*?)<\/a>/i);
    if (!a) continue;
    const href = attr('<a ' + a[1] + '>', 'href');
    const title = stripTags(a[2]);
    const span = c.match(/<span\b[^>]*class\s*=\s*["'][^"']*\barticle-section\b[^"']*["'][^>]*>([\s\S]*?)<\/span>/i);
    const meta = span ? stripTags(span[1]) : stripTags(c.replace(/<a\b[\s\S]*?<\/a>/i, ''));
    // "Section · reason" -> reason is the part after the last middle dot
    const parts = meta.split(/\s*[·•]\s*/);
    const reason = parts.length > 1 ? parts[parts.length - 1] : '';
    const section = parts.length > 1 ? parts.slice(0, -1).join(' · ') : meta;
    items.push({ href, title, section, reason, meta });
  }
  return items;
}

// ---------------------------------------------------------------- content (.md) reading
function readSources(contentDir) {
  const files = walk(contentDir, (n) => /\.(md|markdown)$/i.test(n));
  const out = new Map();
  for (const f of files) {
    const rel = posix(path.relative(contentDir, f));
    let text = '';
    try { text = fs.readFileSync(f, 'utf8'); } catch { continue; }
    const fm = {};
    const fmm = text.match(/^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/);
    let body = text;
    if (fmm) {
      body = text.slice(fmm[0].length);
      for (const line of fmm[1].split(/\r?\n/)) {
        const kv = line.match(/^([A-Za-z_][\w-]*)\s*:\s*(.*)$/);
        if (kv) fm[kv[1].toLowerCase()] = kv[2].trim().replace(/^["']|["']$/g, '');
      }
    } else {
      const tom = text.match(/^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+\r?\n?/);
      if (tom) {
        body = text.slice(tom[0].length);
        for (const line of tom[1].split(/\r?\n/)) {
          const kv = line.match(/^([A-Za-z_][\w-]*)\s*=\s*(.*)$/);
          if (kv) fm[kv[1].toLowerCase()] = kv[2].trim().replace(/^["']|["']$/g, '');
        }
      }
    }
    const h = body.match(/^#\s+(.+?)\s*#*\s*$/m);
    out.set(rel, {
      rel,
      title: fm.title || '',
      h1: h ? h[1] : '',
      slug: fm.slug || fm.permalink || fm.url || '',
    });
  }
  return out;
}

// ---------------------------------------------------------------- main
function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || !args.site || args.lists.length === 0) {
    console.log(USAGE);
    if (!args.help) warn('--site and --lists are required');
    return;
  }
  const site = path.resolve(args.site);
  if (!fs.existsSync(site) || !fs.statSync(site).isDirectory()) {
    warn(`site directory not found: ${site}`);
    return;
  }
  const showN = Number.isFinite(args.show) && args.show > 0 ? args.show : 5;

  // --- read the site
  const htmlFiles = walk(site, (n) => n.toLowerCase().endsWith('.html'));
  const pages = new Map(); // rel -> page
  for (const f of htmlFiles) {
    const rel = posix(path.relative(site, f));
    let html;
    try { html = fs.readFileSync(f, 'utf8'); } catch (e) { warn(`cannot read ${rel}: ${e.message}`); continue; }
    pages.set(rel, parsePage(rel, html));
  }
  const all = [...pages.values()];
  const redirects = all.filter((p) => p.redirect).length;
  // A page of another known kind with a list (a section's overview page) is scored against the
  // editor lists but is no article for coverage.
  let articles = all.filter((p) => !p.redirect && (p.hasArticleMarker || (p.related !== null && (!p.kind || p.kind === 'article'))));
  let articleRule = 'body.kind-article / .article-body / [data-article] / has a data-related section and no other kind';
  if (!all.some((p) => p.hasArticleMarker)) {
    // Unknown theme: fall back to "<main> with an <h1>, not an index/tag/search/related page".
    articleRule = 'fallback heuristic: <main> + <h1>, not home/tags/search/related/404/section index';
    warn('no page carries an article marker (kind-article, article-body, data-article); using the fallback heuristic');
    articles = all.filter((p) => {
      if (p.redirect) return false;
      if (p.related !== null) return true;
      if (!p.hasMain || !p.h1) return false;
      if (p.rel === 'index.html' || p.rel === '404.html') return false;
      if (/^(tags?|search|related|categories)(\/|$)/.test(p.rel)) return false;
      return true;
    });
  }
  const multi = all.filter((p) => p.relatedSections > 1);
  if (multi.length) warn(`${multi.length} page(s) have more than one data-related section (only the first is used), e.g. ${multi[0].rel}`);

  // --- URL resolution helpers
  const byUrl = new Map(); // url (decoded, no leading slash) -> page
  for (const p of all) byUrl.set(p.url, p);
  // Possible base path: learn it from absolute hrefs that only resolve after stripping a prefix.
  const basePrefixes = new Map();
  function lookupPath(pathname, allowStrip = true) {
    // pathname: decoded, starting with "/"
    let p = pathname.replace(/^\/+/, '');
    const cands = (q) => {
      const out = [q];
      if (q === '' || q.endsWith('/')) out.push(q + 'index.html');
      else if (!/\.html?$/i.test(q)) out.push(q + '/', q + '/index.html', q + '.html');
      return out;
    };
    for (const c of cands(p)) {
      if (byUrl.has(c)) return byUrl.get(c);
      if (pages.has(c)) return pages.get(c);
    }
    // strip a base-path prefix (site built with base_url "/docs/" etc.)
    if (!allowStrip) return null;
    const segs = p.split('/');
    for (let k = 1; k < Math.min(segs.length, 4); k++) {
      const q = segs.slice(k).join('/');
      if (q === '' || q === 'index.html') break; // never collapse onto the home page
      for (const c of cands(q)) {
        const hit = byUrl.get(c) || pages.get(c);
        if (hit) {
          const pre = segs.slice(0, k).join('/') + '/';
          basePrefixes.set(pre, (basePrefixes.get(pre) || 0) + 1);
          return hit;
        }
      }
    }
    return null;
  }
  function resolveHref(page, href) {
    if (!href) return { page: null, why: 'no href' };
    let u;
    try {
      u = new URL(href, 'http://site.invalid/' + page.url.split('/').map(encodeURIComponent).join('/'));
    } catch {
      return { page: null, why: 'bad href' };
    }
    if (u.hostname !== 'site.invalid' && !/^https?:$/.test(u.protocol)) return { page: null, why: 'not http' };
    let pathname;
    try { pathname = decodeURIComponent(u.pathname); } catch { pathname = u.pathname; }
    const hit = lookupPath(pathname);
    return hit ? { page: hit } : { page: null, why: `no file for ${pathname}` };
  }

  // --- source <-> page mapping
  const sources = args.content ? readSources(path.resolve(args.content)) : null;
  if (args.content && (!sources || sources.size === 0)) warn(`no .md files found under --content ${args.content}`);
  // optional hint written by helpcenter itself: OUT/related.json {articles:[{path,url}]}
  const hint = new Map();
  try {
    const rj = JSON.parse(fs.readFileSync(path.join(site, 'related.json'), 'utf8'));
    for (const a of rj.articles || []) if (a.path && typeof a.url === 'string') hint.set(a.path, a.url);
  } catch { /* optional */ }

  const titleIndex = new Map(); // normTitle -> [pages]
  for (const p of all.filter((x) => !x.redirect)) {
    for (const t of new Set([p.h1, p.ogTitle].map(normTitle).filter(Boolean))) {
      if (!titleIndex.has(t)) titleIndex.set(t, []);
      titleIndex.get(t).push(p);
    }
  }
  const canonIndex = new Map(); // canonical path (no base) -> page
  for (const p of all) {
    if (!p.canonical) continue;
    try {
      const cu = new URL(p.canonical, 'http://site.invalid/');
      canonIndex.set(decodeURIComponent(cu.pathname).replace(/^\/+/, ''), p);
    } catch { /* ignore */ }
  }

  // Several sources can claim the same page by the default rule (a/index.md, a/_index.md,
  // a/README.md, and a.md next to a folder a/).  The preferred one keeps it; the others are
  // tried at their literal path (a/README/index.html) and by the fallbacks below.
  const rank = (s) => {
    const b = s.replace(/\.(md|markdown)$/i, '').split('/').pop().toLowerCase();
    return b === 'index' ? 0 : b === '_index' ? 1 : b === 'readme' ? 2 : 3;
  };
  const claimOwner = new Map(); // expected html -> preferred src
  for (const s of [...(sources ? sources.keys() : []), ...hint.keys()]) {
    const e = expectedHtml(s);
    const cur = claimOwner.get(e);
    if (cur === undefined || rank(s) < rank(cur) || (rank(s) === rank(cur) && s.length < cur.length)) claimOwner.set(e, s);
  }
  const srcToPage = new Map(); // src -> {page, how}
  function mapSource(src) {
    if (srcToPage.has(src)) return srcToPage.get(src);
    let res = null;
    const exp = expectedHtml(src);
    const owner = claimOwner.get(exp);
    const usable = (rel) => pages.has(rel) && !pages.get(rel).redirect;
    if (usable(exp) && (owner === undefined || owner === src)) res = { page: pages.get(exp), how: 'rule' };
    if (!res) {
      const literal = src.replace(/\.(md|markdown)$/i, '') + '/index.html';
      if (literal !== exp && usable(literal)) res = { page: pages.get(literal), how: 'literal path' };
    }
    const info = sources ? sources.get(src) : null;
    if (!res && info && info.slug) {
      const slug = info.slug.replace(/^\/+|\/+$/g, '');
      const dir = src.includes('/') ? src.slice(0, src.lastIndexOf('/') + 1) : '';
      const tries = info.slug.startsWith('/') ? [slug] : [dir + slug, slug];
      for (const t of tries) {
        const hit = lookupPath('/' + t, false);
        if (hit && !hit.redirect) { res = { page: hit, how: 'slug' }; break; }
      }
    }
    if (!res && hint.has(src)) {
      const hit = lookupPath('/' + hint.get(src), false);
      if (hit && !hit.redirect) res = { page: hit, how: 'related.json' };
    }
    if (!res) {
      // canonical link whose path ends with the expected URL
      const want = urlOfFile(exp);
      for (const [cp, p] of canonIndex) {
        if (cp === want || (want && cp.endsWith('/' + want))) { res = { page: p, how: 'canonical' }; break; }
      }
    }
    if (!res && info) {
      for (const t of [info.title, info.h1]) {
        const cands = titleIndex.get(normTitle(t)) || [];
        if (cands.length === 1) { res = { page: cands[0], how: 'title' }; break; }
        if (cands.length > 1) {
          // prefer the candidate whose URL shares the file's basename
          const base = src.replace(/\.(md|markdown)$/i, '').split('/').pop().toLowerCase();
          const pick = cands.filter((p) => p.url.toLowerCase().includes(base));
          if (pick.length === 1) { res = { page: pick[0], how: 'title+name' }; break; }
        }
      }
    }
    srcToPage.set(src, res);
    return res;
  }
  const pageToSrc = new Map(); // page.rel -> src
  if (sources) for (const s of sources.keys()) { const r = mapSource(s); if (r && !pageToSrc.has(r.page.rel)) pageToSrc.set(r.page.rel, s); }
  for (const [s, u] of hint) { const r = mapSource(s); if (r && !pageToSrc.has(r.page.rel)) pageToSrc.set(r.page.rel, s); }
  function srcOfPage(p) {
    if (pageToSrc.has(p.rel)) return pageToSrc.get(p.rel);
    // Without --content we cannot check: guess the source by reversing the default rule.
    if (!sources && p.url && p.url.endsWith('/')) return p.url.slice(0, -1) + '.md';
    return null;
  }

  // --- (a) coverage
  const counts = articles.map((p) => (p.related ? p.related.length : 0));
  const n = articles.length;
  const ge3 = counts.filter((c) => c >= 3).length;
  const ge1 = counts.filter((c) => c >= 1).length;
  const zero = counts.filter((c) => c === 0).length;
  const withSection = articles.filter((p) => p.related !== null).length;
  const totalShown = counts.reduce((a, b) => a + b, 0);
  const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + '%' : 'n/a');
  // link health over all related links on all article pages
  let broken = 0, selfLinks = 0, dupLinks = 0, toRedirect = 0;
  const brokenEx = [];
  for (const p of articles) {
    if (!p.related) continue;
    const seen = new Set();
    for (const it of p.related) {
      const r = resolveHref(p, it.href);
      if (!r.page) { broken++; if (brokenEx.length < 3) brokenEx.push(`${p.url} -> ${it.href}`); continue; }
      if (r.page.redirect) toRedirect++;
      if (r.page === p) selfLinks++;
      if (seen.has(r.page.rel)) dupLinks++;
      seen.add(r.page.rel);
    }
  }

  console.log(`# related-articles report`);
  console.log(`site     ${site}`);
  if (args.content) console.log(`content  ${path.resolve(args.content)}${sources ? ` (${sources.size} .md files)` : ''}`);
  console.log(`html     ${all.length} files, ${redirects} redirect stubs, ${n} article pages (${articleRule})`);
  const kinds = new Map();
  for (const p of all) { const k = p.redirect ? 'redirect' : p.kind || '?'; kinds.set(k, (kinds.get(k) || 0) + 1); }
  console.log(`kinds    ${[...kinds.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' ')}   (from <body class="kind-...">)`);
  if (sources) {
    const artSet = new Set(articles.map((p) => p.rel));
    let mappedSrc = 0, nonArticle = 0;
    const unm = [];
    const ex = [];
    for (const s2 of sources.keys()) {
      const r = mapSource(s2);
      if (!r) { unm.push(s2); continue; }
      mappedSrc++;
      if (!artSet.has(r.page.rel)) { nonArticle++; if (ex.length < 6) ex.push(`${s2}->${r.page.kind || '?'}`); }
    }
    console.log(`sources  ${mappedSrc}/${sources.size} .md files mapped to a page; ${nonArticle} of those are not article pages (not in coverage)${ex.length ? ': ' + ex.join(', ') + (nonArticle > ex.length ? ', ...' : '') : ''}`);
    if (unm.length) console.log(`         ${unm.length} .md without a page (not built, or unmappable): ${unm.slice(0, 8).join(', ')}${unm.length > 8 ? ', ...' : ''}`);
  }
  console.log('');
  console.log(`## (a) coverage over ${n} article pages`);
  console.log(`  >=3 related : ${String(ge3).padStart(5)}  ${pct(ge3, n)}`);
  console.log(`  >=1 related : ${String(ge1).padStart(5)}  ${pct(ge1, n)}`);
  console.log(`  0 related   : ${String(zero).padStart(5)}  ${pct(zero, n)}   (${n - withSection} without any data-related section)`);
  console.log(`  mean shown  : ${n ? (totalShown / n).toFixed(2) : 'n/a'} per article; max ${counts.length ? Math.max(...counts) : 0}`);
  const hist = new Map();
  for (const c of counts) hist.set(c, (hist.get(c) || 0) + 1);
  console.log(`  histogram   : ${[...hist.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}:${v}`).join(' ')}`);
  if (broken) warn(`${broken} related link(s) do not resolve to an html file, e.g. ${brokenEx.join('; ')}`);
  if (toRedirect) warn(`${toRedirect} related link(s) point at redirect stubs`);
  if (selfLinks) warn(`${selfLinks} page(s) list themselves as related`);
  if (dupLinks) warn(`${dupLinks} duplicate related link(s) within a page`);
  if (basePrefixes.size) console.log(`  note: hrefs resolved only after stripping a base path: ${[...basePrefixes.entries()].map(([k, v]) => `/${k} (${v}x)`).join(', ')}`);
  if (basePrefixes.size > 1) warn('more than one base-path prefix had to be stripped; some hrefs may be wrong');

  // --- a second reader's judgements, by corpus: article -> candidate -> grade (0, 1, 2)
  const judgedBy = new Map();
  for (const jf of args.judged) {
    try {
      const data = JSON.parse(fs.readFileSync(jf, 'utf8'));
      const grades = new Map();
      for (const [a, cands] of Object.entries(data.judgements || {})) {
        grades.set(a, new Map(Object.entries(cands).map(([b, j]) => [b, j.g])));
      }
      judgedBy.set(data.corpus || path.basename(jf, '.json'), grades);
    } catch (e) { warn(`cannot read judgements ${jf}: ${e.message}`); }
  }

  // --- editor lists
  const perList = [];
  const rows = [];
  for (const lf of args.lists) {
    let data;
    try { data = JSON.parse(fs.readFileSync(lf, 'utf8')); } catch (e) { warn(`cannot read lists ${lf}: ${e.message}`); continue; }
    const lists = Array.isArray(data) ? data : data.lists || [];
    const corpus = data.corpus || path.basename(lf, '.json');
    if (sources) {
      for (const l of lists) for (const s of [l.article, ...(l.related || [])]) if (!sources.has(s)) warn(`[${corpus}] ${s} is not a .md file under --content`);
    }
    // register every listed path first, so shown links map back to the names used in the lists
    for (const l of lists) for (const s2 of [l.article, ...(l.related || [])]) {
      const r = mapSource(s2);
      if (r && !pageToSrc.has(r.page.rel)) pageToSrc.set(r.page.rel, s2);
    }
    const agg = { corpus, file: lf, n: 0, mapped: 0, p3: 0, p3strict: 0, rec: 0, recN: 0, hits3: 0, shown0: 0, unmapped: [], nonArticle: [] };
    const judged = judgedBy.get(corpus);
    const second = { lists: 0, top: 0, unjudged: 0, chosen: 0, related: 0, either: 0, editorItems: 0, editorChosen: 0, editorJudged: 0 };
    if (args.judged.length && !judged) warn(`[${corpus}] no judgements for this corpus in --judged`);
    const artSet = new Set(articles.map((p) => p.rel));
    for (const l of lists) {
      agg.n++;
      const m = mapSource(l.article);
      if (!m) {
        agg.unmapped.push(l.article);
        warn(`[${corpus}] cannot map list article ${l.article} to a page (tried ${expectedHtml(l.article)}${sources ? ', slug, canonical, title' : ', canonical; pass --content for title matching'})`);
        continue;
      }
      if (m.how !== 'rule') console.log(`  note: ${l.article} mapped by ${m.how} -> ${m.page.rel}`);
      if (!artSet.has(m.page.rel) && m.page.related === null) {
        agg.nonArticle.push(l.article);
        warn(`[${corpus}] list article ${l.article} is rendered as a ${m.page.kind || 'non-article'} page (${m.page.rel}) without a related block; it still counts (as 0)`);
      }
      agg.mapped++;
      const editor = [];
      const editorPages = new Set();
      for (const r of l.related || []) {
        const mr = mapSource(r);
        if (!mr) { warn(`[${corpus}] editor entry ${r} (for ${l.article}) has no page in the site; left out of recall`); continue; }
        editor.push(r);
        editorPages.add(mr.page.rel);
        if (!artSet.has(mr.page.rel)) console.log(`  note: editor entry ${r} (for ${l.article}) is a ${mr.page.kind || 'non-article'} page`);
      }
      const shown = (m.page.related || []).map((it) => {
        const r = resolveHref(m.page, it.href);
        const src = r.page ? srcOfPage(r.page) : null;
        return {
          ...it,
          target: r.page,
          label: src || (r.page ? '/' + r.page.url : `BROKEN(${it.href})`),
          hit: !!(r.page && editorPages.has(r.page.rel)),
        };
      });
      const top3 = shown.slice(0, 3);
      const hits3 = top3.filter((s) => s.hit).length;
      const denom = Math.min(3, shown.length);
      const p3 = denom ? hits3 / denom : 0;
      const p3s = hits3 / 3;
      const hitAll = new Set(shown.filter((s) => s.hit).map((s) => s.target.rel)).size;
      const rec = editorPages.size ? hitAll / editorPages.size : 0;
      if (!shown.length) agg.shown0++;
      const grades = judged && judged.get(l.article);
      if (judged && !grades) warn(`[${corpus}] ${l.article} has no judgements`);
      if (grades) {
        // An item the second reader never saw (the pool predates it) counts as not chosen.
        second.lists++;
        for (const s of top3) {
          const g = grades.get(s.label);
          if (g === undefined) second.unjudged++;
          second.chosen += (g === 2) / denom;
          second.related += (g >= 1) / denom;
          second.either += (g === 2 || s.hit) / denom;
        }
        for (const r of editor) {
          const g = grades.get(r);
          if (g === undefined) continue;
          second.editorJudged++;
          second.editorChosen += g === 2;
        }
      }
      agg.p3 += p3; agg.p3strict += p3s; agg.hits3 += hits3;
      if (editorPages.size) { agg.rec += rec; agg.recN++; }
      rows.push({
        corpus, article: l.article, page: m.page.url, kind: m.page.kind, shown: shown.length, hits3, p3, p3strict: p3s,
        recall: rec, editor: editor.length,
        related: shown.map((s) => ({ label: s.label, hit: s.hit, reason: s.reason, section: s.section, title: s.title })),
      });
    }
    agg.second = second;
    perList.push(agg);
  }

  // --- (b) and (c)
  console.log('');
  console.log(`## (b) precision@3 and (c) recall against editor lists`);
  for (const a of perList) {
    const k = a.mapped;
    console.log(`  ${a.corpus}: ${a.n} lists, ${k} mapped${a.unmapped.length ? `, UNMAPPED: ${a.unmapped.join(', ')}` : ''}`);
    if (!k) continue;
    console.log(`    precision@3        ${(a.p3 / k).toFixed(3)}   (hits / min(3, shown); pages showing nothing count 0: ${a.shown0})`);
    if (a.shown0 && k > a.shown0) console.log(`    precision@3 shown  ${(a.p3 / (k - a.shown0)).toFixed(3)}   (same, only over the ${k - a.shown0} pages that show >=1)`);
    console.log(`    precision@3 strict ${(a.p3strict / k).toFixed(3)}   (hits / 3)   top-3 hits ${a.hits3}/${3 * k}`);
    console.log(`    recall (all shown) ${a.recN ? (a.rec / a.recN).toFixed(3) : 'n/a'}   (editor items found anywhere in the shown list)`);
    const j = a.second;
    if (j.lists) {
      console.log(`  second reader (blind, graded; ${j.lists} lists judged):`);
      console.log(`    precision@3 chosen  ${(j.chosen / j.lists).toFixed(3)}   (first 3 graded 2, would be in a box of 3-5)`);
      console.log(`    precision@3 related ${(j.related / j.lists).toFixed(3)}   (graded 1 or 2)`);
      console.log(`    precision@3 either  ${(j.either / j.lists).toFixed(3)}   (in the editor's list or graded 2)`);
      console.log(`    editor's lists      ${j.editorJudged ? (j.editorChosen / j.editorJudged).toFixed(3) : 'n/a'}   (share of the editor's items the second reader graded 2: how far two editors agree)`);
      if (j.unjudged) console.log(`    unjudged in first 3 ${j.unjudged}   (counted as not chosen; grade them to compare fairly)`);
    }
  }

  // --- (d)
  console.log('');
  console.log(`## (d) per article: shown related (first ${showN}; * = in editor list) [reason]`);
  let lastCorpus = null;
  for (const r of rows) {
    if (r.corpus !== lastCorpus && perList.length > 1) console.log(`  -- ${r.corpus}`);
    lastCorpus = r.corpus;
    const items = r.related.slice(0, showN).map((s) => `${s.hit ? '*' : ''}${s.label}${s.reason ? ` [${s.reason}]` : ''}`);
    const more = r.related.length > showN ? ` (+${r.related.length - showN} more)` : '';
    console.log(
      `  ${r.article}  p@3 ${r.hits3}/${Math.min(3, r.shown)}  rec ${Math.round(r.recall * r.editor)}/${r.editor}  :: ` +
        (items.length ? items.join(' | ') + more : `(no related shown${r.kind && r.kind !== 'article' ? `; ${r.kind} page` : ''})`)
    );
  }

  if (args.json) {
    const out = {
      site, content: args.content || null,
      coverage: { articles: n, ge3, ge1, zero, withSection, mean: n ? totalShown / n : 0, broken, selfLinks, dupLinks },
      lists: perList.map((a) => ({
        corpus: a.corpus, lists: a.n, mapped: a.mapped, unmapped: a.unmapped, nonArticle: a.nonArticle,
        precision3: a.mapped ? a.p3 / a.mapped : null,
        precision3strict: a.mapped ? a.p3strict / a.mapped : null,
        recall: a.recN ? a.rec / a.recN : null,
        second: a.second.lists ? {
          lists: a.second.lists, chosen: a.second.chosen / a.second.lists, related: a.second.related / a.second.lists,
          either: a.second.either / a.second.lists, unjudged: a.second.unjudged,
          editorChosen: a.second.editorJudged ? a.second.editorChosen / a.second.editorJudged : null,
        } : null,
      })),
      rows, warnings,
    };
    try { fs.writeFileSync(args.json, JSON.stringify(out, null, 1)); console.log(`\nwrote ${args.json}`); }
    catch (e) { warn(`cannot write ${args.json}: ${e.message}`); }
  }
  console.log('');
  console.log(warnings.length ? `${warnings.length} warning(s)` : 'no warnings');
}

try {
  main();
} catch (e) {
  console.log(`WARN unexpected error: ${e && e.stack ? e.stack : e}`);
}
process.exit(0);
