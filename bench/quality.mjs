// Search-quality benchmark: do readers' real queries find the article they mean?
//
//   node bench/quality.mjs [--sites demo,es6tutorial,vite-docs-cn,tidb-docs-cn] [--out-dir DIR] [--rebuild]
//                          [--no-pagefind] [--details] [--json] [--keep] [--queries FILE]
//
// The queries (bench/quality/queries.json) are written the way Chinese readers type into a help
// center's search box: a title or heading (exact), a question, full pinyin, pinyin initials,
// traditional characters, a misspelled Latin word (typo), Chinese and English together (mixed),
// and words that mean what an article says without being in it (synonym; these need the site to
// configure `search.synonyms`). Each names the content path(s) of the article the reader wants.
//
// For every site it builds the site with the helpcenter binary (HELPCENTER_BIN, default
// target/release/helpcenter; never cargo), runs each query through the site's own search.js in
// node, exactly as the search page does (its first 10 results), and records the rank of the first wanted
// article. It prints recall@1, @3 and @20 per kind, per site and overall, and what a cold query
// costs (requests, raw and gzip bytes of search.js plus the index files it loads). Then it indexes
// the same pages with Pagefind (installed with npm into a temporary folder) and runs the same
// queries in headless Chromium over a local HTTP server, for the same table side by side.
//
// Sites: `demo` is this repository; the others are the corpora in ../shared/corpora (never copied:
// a temporary site folder holds a helpcenter.yaml and a symlink `content` to the corpus). A site
// whose corpus is absent is skipped with a message. `--out-dir DIR` keeps built sites in DIR/<site>
// and reuses them on later runs (`--rebuild` builds them again); without it everything goes to a
// temporary folder removed at the end (`--keep` keeps it). Exit status 0 unless the usage is wrong.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, copyFileSync, writeFileSync, symlinkSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve, extname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (n) => args.includes(n);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 && i + 1 < args.length ? args[i + 1] : d; };
const KNOWN = ["--sites", "--out-dir", "--rebuild", "--no-pagefind", "--details", "--json", "--keep", "--queries", "--help", "-h"];
const USAGE = "usage: node bench/quality.mjs [--sites demo,es6tutorial,vite-docs-cn,tidb-docs-cn] [--out-dir DIR] [--rebuild] [--no-pagefind] [--details] [--json] [--keep] [--queries FILE]";
for (let i = 0; i < args.length; i++) {
  if (!KNOWN.includes(args[i])) { console.error(`unknown argument ${args[i]}\n${USAGE}`); process.exit(2); }
  if (["--sites", "--out-dir", "--queries"].includes(args[i])) i++;
}
if (flag("--help") || flag("-h")) { console.log(USAGE); process.exit(0); }

const JSON_OUT = flag("--json");
// With --json, stdout carries only the JSON; the progress and the tables go to stderr.
const say = JSON_OUT ? (...a) => console.error(...a) : (...a) => console.log(...a);
const LIMIT = 10; // the search page shows 10 results a page
const BIN = process.env.HELPCENTER_BIN || join(REPO, "target", "release", "helpcenter");
const CORPORA = process.env.HELPCENTER_CORPORA || resolve(REPO, "..", "shared", "corpora");

// The sites and how each is built. Corpora are other tools' content: `links: warn` keeps their few
// dead links from failing the build, and TiDB's pages use {{{ .variables }}}.
const SITES = {
  demo: { root: REPO },
  es6tutorial: { corpus: "es6tutorial", config: "title: ES6 入门\n" },
  "vite-docs-cn": { corpus: "vite-docs-cn", config: "title: Vite 中文文档\nlinks: warn\n" },
  "tidb-docs-cn": {
    corpus: "tidb-docs-cn",
    config: "title: TiDB 文档\nlinks: warn\nvariables:\n  company: PingCAP\n  starter: TiDB Cloud Starter\n" +
      "  essential: TiDB Cloud Essential\n  premium: TiDB Cloud Premium\n  tidb-operator-version: v1.6.1\n",
  },
};
const ALIASES = { es6: "es6tutorial", vite: "vite-docs-cn", tidb: "tidb-docs-cn" };
const KINDS = ["exact", "question", "pinyin", "initials", "traditional", "typo", "mixed", "synonym", "reference"];

const chosen = opt("--sites", Object.keys(SITES).join(",")).split(",").map((s) => s.trim()).filter(Boolean).map((s) => ALIASES[s] || s);
for (const s of chosen) if (!SITES[s]) { console.error(`unknown site ${s}; sites: ${Object.keys(SITES).join(", ")}\n${USAGE}`); process.exit(2); }
const QUERIES_FILE = opt("--queries", join(REPO, "bench", "quality", "queries.json"));
const allQueries = JSON.parse(readFileSync(QUERIES_FILE, "utf8"));
for (const q of allQueries) {
  if (!q.site || !q.query || !KINDS.includes(q.kind) || !Array.isArray(q.want) || !q.want.length) {
    console.error(`bad query in ${QUERIES_FILE}: ${JSON.stringify(q)} (needs site, query, kind one of ${KINDS.join("/")}, want: [paths])`);
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), "helpcenter-quality-"));
const OUT_DIR = opt("--out-dir") ? resolve(opt("--out-dir")) : join(work, "out");
mkdirSync(OUT_DIR, { recursive: true });

const kb = (b) => (b / 1024).toFixed(1);
const gzCache = new Map();
const gzSize = (key, buf) => { if (!gzCache.has(key)) gzCache.set(key, gzipSync(buf, { level: 6 }).length); return gzCache.get(key); };
const pct = (xs, p) => { const a = [...xs].sort((x, y) => x - y); return a.length ? a[Math.min(a.length - 1, Math.floor(p * (a.length - 1) + 0.5))] : NaN; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Pads to a width in terminal columns: CJK and full-width characters take two.
const padW = (t, n) => { const w = Array.from(t).reduce((a, c) => a + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0); return t + " ".repeat(Math.max(0, n - w)); };

// ---- Building. ----

function siteRoot(name) {
  const s = SITES[name];
  if (s.root) return s.root;
  const corpus = join(CORPORA, s.corpus);
  if (!existsSync(corpus)) return null;
  const root = join(work, "src", name);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, "helpcenter.yaml"), s.config);
  symlinkSync(corpus, join(root, "content"));
  return root;
}

// The binary may be replaced while we run (someone else rebuilds it): retry a failed spawn.
async function build(root, out) {
  for (let attempt = 1; ; attempt++) {
    const t0 = performance.now();
    const r = spawnSync(BIN, ["build", "--root", root, "--output", out], { encoding: "utf8", maxBuffer: 256 << 20 });
    const ms = performance.now() - t0;
    const text = ((r.stdout || "") + (r.stderr || "")).trim();
    if (!r.error && r.status === 0) return { ok: true, ms, summary: text.split("\n").filter((l) => /^Built /.test(l)).pop() || text.split("\n").pop() };
    if (attempt < 4 && (r.error || r.signal)) { await sleep(5000); continue; }
    return { ok: false, ms, summary: r.error ? String(r.error) : text.split("\n").slice(-15).join("\n") };
  }
}

// ---- Which content file a result is. ----
//
// The build writes related.json: for every article its content path (`weilidai/close-weilidai.md`)
// and its URL (`weilidai/close-weilidai/`), from the same site model that gives the search index its
// URLs. It is the build's own answer, so slugs, page bundles, `index.md`/`README.md` pages and
// other tools' conventions need no re-implementing here, and titles (which repeat, e.g. TiDB's
// many "概述") play no part. A wanted path that is not an article (a folder's own page such as
// Vite's guide/index.md) gets its URL from the folder rule and must exist in the output.
function normUrl(u) {
  let s = String(u || "");
  try { if (/^[a-z]+:/i.test(s)) s = new URL(s).pathname; } catch { /* keep */ }
  s = s.replace(/[#?].*$/, "");
  try { s = decodeURI(s); } catch { /* keep */ }
  s = s.replace(/^(\.\/|\/)+/, "").replace(/(^|\/)index\.html$/, "$1");
  if (s && !s.endsWith("/") && !/\.[a-z0-9]+$/i.test(s)) s += "/";
  return s;
}
function pathTable(out) {
  const byUrl = new Map(), byPath = new Map(), articles = [];
  const file = join(out, "related.json");
  if (existsSync(file)) {
    for (const a of JSON.parse(readFileSync(file, "utf8")).articles || []) {
      const url = normUrl(a.url);
      byUrl.set(url, a.path); byPath.set(a.path, url); articles.push({ path: a.path, url, title: a.title });
    }
  }
  return { byUrl, byPath, articles };
}
function addPage(table, out, path) {
  if (table.byPath.has(path)) return true;
  const m = path.match(/^(.*?)(?:^|\/)(?:_index|index|README)\.md$/i);
  const url = m ? (m[1] ? m[1] + "/" : "") : path.replace(/\.md$/i, "/");
  if (!existsSync(join(out, url, "index.html"))) return false;
  table.byUrl.set(url, path); table.byPath.set(path, url); table.extra = (table.extra || 0) + 1;
  return true;
}

// ---- helpcenter's engine, in node. ----
//
// search.js runs in a vm context of its own per site, so two sites' engines never share state; index
// files are loaded from disk the way the page loads them (script files that register themselves).
function helpcenterEngine(out) {
  const searchJs = readFileSync(join(out, "search.js"));
  const ctx = vm.createContext({ console, URL, URLSearchParams, TextEncoder, TextDecoder, setTimeout, clearTimeout, queueMicrotask, atob, btoa, performance, structuredClone });
  vm.runInContext(searchJs.toString("utf8"), ctx, { filename: join(out, "search.js") });
  const api = ctx.helpcenterSearch;
  if (!api || typeof api.createEngine !== "function") throw new Error("search.js defines no helpcenterSearch.createEngine");
  // What the page tells search.js (data-search-* on its script tag); the shard count from the
  // manifest when the page has none.
  const options = {};
  const home = existsSync(join(out, "index.html")) ? readFileSync(join(out, "index.html"), "utf8") : "";
  const tag = (home.match(/<script[^>]*search\.js[^>]*>/) || [""])[0];
  for (const [, k, v] of tag.matchAll(/data-search-([a-z-]+)="([^"]*)"/g)) options[k.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = /^\d+$/.test(v) ? Number(v) : v;
  let documents = null;
  const manifestFile = join(out, "search", "manifest.js");
  if (existsSync(manifestFile)) {
    const t = readFileSync(manifestFile, "utf8");
    try { const m = JSON.parse(t.slice(t.indexOf("{"), t.lastIndexOf("}") + 1)); documents = m.documents; if (!options.shards && m.shards) options.shards = m.shards; } catch { /* the engine reads it itself */ }
  }
  const fresh = () => {
    const stats = { requests: 1, bytes: searchJs.length, gzip: gzSize(join(out, "search.js"), searchJs), files: ["search.js"] };
    const engine = api.createEngine(async (path) => {
      const file = join(out, "search", path);
      const buf = readFileSync(file);
      stats.requests++; stats.bytes += buf.length; stats.gzip += gzSize(file, buf); stats.files.push(path);
      if (path.endsWith(".js")) vm.runInContext(buf.toString("utf8"), ctx, { filename: file });
      else return new Uint8Array(buf);
    }, { ...options });
    return { engine, stats };
  };
  return { fresh, documents, searchJsBytes: searchJs.length };
}

function rankOf(urls, table, want) {
  const paths = urls.map((u) => table.byUrl.get(normUrl(u)) || "?" + normUrl(u));
  const i = paths.findIndex((p) => want.includes(p));
  return { rank: i >= 0 ? i + 1 : null, top: paths.slice(0, 3) };
}

async function runHelpcenter(site, out, table, queries) {
  const hc = helpcenterEngine(out);
  for (const q of queries) {
    // The search page: its first 10 results. Its ranks are the recall figures. Then, as the
    // page does once they are shown, the fragments of the first two (their other headings).
    const page = hc.fresh();
    let r, subs = null;
    try {
      const res = await page.engine.search(q.query, LIMIT);
      r = rankOf((res.results || []).map((x) => x.url), table, q.want);
      r.total = res.total;
      if (res.subresults) subs = () => Promise.all(res.results.filter((x) => !x.subs.length).slice(0, 2).map((x) => res.subresults(x.id, x.heading ? x.heading.id : "")));
    } catch (e) { r = { rank: null, top: [], error: String(e && e.message || e) }; }
    r.cost = { page: { requests: page.stats.requests, bytes: page.stats.bytes, gzip: page.stats.gzip } };
    if (subs) { try { await subs(); } catch { /* counted as loaded */ } }
    r.cost.pageSubs = { requests: page.stats.requests, bytes: page.stats.bytes, gzip: page.stats.gzip };
    // The header's drop-down: 5 results, the cheapest cold query.
    const drop = hc.fresh();
    try { await drop.engine.search(q.query, 5); } catch { /* counted above */ }
    r.cost.dropdown = { requests: drop.stats.requests, bytes: drop.stats.bytes, gzip: drop.stats.gzip };
    q.helpcenter = r;
  }
  return { documents: hc.documents };
}

// ---- Pagefind, in Chromium. ----

let pagefind = null; // { bin, version } or { error }
function setupPagefind() {
  if (pagefind) return pagefind;
  const dir = process.env.PAGEFIND_DIR || join(tmpdir(), "helpcenter-bench-pagefind");
  const bin = join(dir, "node_modules", ".bin", "pagefind");
  if (!existsSync(bin)) {
    say(`installing Pagefind: npm install --prefix ${dir} pagefind`);
    const r = spawnSync("npm", ["install", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel", "error", "pagefind"], { encoding: "utf8", timeout: 300_000 });
    if (r.error || r.status !== 0 || !existsSync(bin)) {
      const why = r.error ? String(r.error.message || r.error) : r.signal ? `stopped by ${r.signal}` : (r.stderr || r.stdout || "").trim().split("\n").slice(-3).join(" ") || `exit status ${r.status}`;
      return (pagefind = { error: `cannot install Pagefind (npm install --prefix ${dir} pagefind): ${why}` });
    }
  }
  const v = spawnSync(bin, ["--version"], { encoding: "utf8" });
  if (v.error || v.status !== 0) return (pagefind = { error: `Pagefind does not run: ${String(v.error || v.stderr)}` });
  return (pagefind = { bin, version: (v.stdout || "").trim().replace(/^pagefind(_extended)?\s*/i, "") });
}

let browser = null;
async function getBrowser() {
  if (browser) return browser;
  const pw = join(REPO, "tests", "browser", "node_modules", "playwright-core", "index.mjs");
  if (!existsSync(pw)) throw new Error(`playwright-core is not installed (${pw}); ./test.sh installs it`);
  const { chromium } = await import(pathToFileURL(pw).href);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return browser;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm" };
function serve(dir) {
  const server = createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (p === "/__bench.html") { res.writeHead(200, { "content-type": TYPES[".html"] }); res.end("<!doctype html><html lang=zh-CN><meta charset=utf-8><title>bench</title>"); return; }
    let file = join(dir, p);
    if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
    try { if (statSync(file).isDirectory()) file = join(file, "index.html"); const body = readFileSync(file); res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" }); res.end(body); }
    catch { res.writeHead(404); res.end(); }
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(server)));
}

// Pagefind indexes what helpcenter's index holds: every article (plus any page a query wants), each
// page's own content only, as a site would set it up with data-pagefind-body: the staged copy marks
// the <article> (or <main> for a folder's page), so headers, navigation, related lists and the
// footer stay out, as they do in helpcenter's index. The built site itself is never modified.
function stagePagefind(site, out, table) {
  const stage = join(work, "pagefind", site);
  rmSync(stage, { recursive: true, force: true });
  let pages = 0;
  for (const url of new Set(table.byPath.values())) {
    const src = join(out, url, "index.html");
    if (!existsSync(src)) continue;
    let html = readFileSync(src, "utf8");
    html = /<article[\s>]/.test(html) ? html.replace(/<article(?=[\s>])/, "<article data-pagefind-body") : html.replace(/<main(?=[\s>])/, "<main data-pagefind-body");
    mkdirSync(join(stage, url), { recursive: true });
    writeFileSync(join(stage, url, "index.html"), html);
    pages++;
  }
  const r = spawnSync(pagefind.bin, ["--site", stage], { encoding: "utf8", maxBuffer: 64 << 20 });
  const log = ((r.stdout || "") + (r.stderr || "")).trim();
  if (r.error || r.status !== 0) throw new Error(`pagefind failed: ${String(r.error || log.split("\n").slice(-5).join(" "))}`);
  const indexed = (log.match(/Indexed (\d+) pages?/i) || [])[1];
  return { stage, pages, indexed: indexed ? Number(indexed) : null };
}

async function runPagefind(site, out, table, queries) {
  const { stage, pages, indexed } = stagePagefind(site, out, table);
  const server = await serve(stage);
  const base = `http://127.0.0.1:${server.address().port}`;
  const b = await getBrowser();
  try {
    for (const q of queries) {
      const ctx = await b.newContext();
      const page = await ctx.newPage();
      await page.goto(`${base}/__bench.html`);
      const counts = { requests: 0, bytes: 0, gzip: 0 }, pending = [];
      page.on("response", (resp) => {
        if (!resp.url().includes("/pagefind/")) return;
        counts.requests++;
        pending.push(resp.body().then((buf) => { counts.bytes += buf.length; counts.gzip += gzSize("pf:" + site + ":" + resp.url(), buf); }, () => {}));
      });
      // Wait until no response is still being read (Pagefind may fetch more just after it answers).
      const settle = async () => { for (let n = -1; n !== pending.length;) { n = pending.length; await sleep(50); await Promise.all(pending); } };
      let r;
      try {
        // Search, then the data of the first 5 results (a drop-down), then of the first 20 (a page).
        const top5 = await page.evaluate(async (query) => {
          const pf = await import("/pagefind/pagefind.js");
          await pf.init();
          const res = await pf.search(query);
          window.__res = res ? res.results : [];
          return Promise.all(window.__res.slice(0, 5).map(async (x) => (await x.data()).url));
        }, q.query);
        await settle();
        const dropdown = { ...counts };
        const rest = await page.evaluate(async (limit) => Promise.all(window.__res.slice(5, limit).map(async (x) => (await x.data()).url)), LIMIT);
        await settle();
        const total = await page.evaluate(() => window.__res.length);
        r = rankOf([...top5, ...rest], table, q.want);
        r.total = total;
        r.cost = { dropdown, page: { ...counts } };
      } catch (e) { r = { rank: null, top: [], error: String(e && e.message || e).split("\n")[0] }; }
      q.pagefind = r;
      await ctx.close();
    }
  } finally { server.close(); }
  return { pages, indexed };
}

// ---- Tables. ----

function recall(qs, engine) {
  const rs = qs.filter((q) => q[engine]);
  const n = rs.length;
  const at = (k) => n ? rs.filter((q) => q[engine].rank !== null && q[engine].rank <= k).length / n : NaN;
  return { n, r1: at(1), r3: at(3), rN: at(LIMIT) };
}
function recallTable(queries, engines) {
  const f = (x) => (Number.isNaN(x) ? "   — " : x.toFixed(2).padStart(5));
  const head = engines.map((e) => e.label.padEnd(19)).join("  ");
  const lines = [];
  lines.push(`${"".padEnd(24)} ${"n".padStart(3)}   ${head}`);
  lines.push(`${"".padEnd(24)} ${"".padStart(3)}   ${engines.map(() => `  R@1   R@3  R@${String(LIMIT).padEnd(2)}  `).join("  ")}`);
  const row = (label, qs) => {
    const cells = engines.map((e) => { const r = recall(qs, e.key); return r.n ? `${f(r.r1)} ${f(r.r3)} ${f(r.rN)}  ` : "    —     —     —  "; });
    lines.push(`${label.padEnd(24)} ${String(qs.length).padStart(3)}   ${cells.join("  ")}`);
  };
  for (const k of KINDS) { const qs = queries.filter((q) => q.kind === k); if (qs.length) row(k + (k === "synonym" ? " (needs synonyms)" : ""), qs); }
  lines.push("");
  for (const s of [...new Set(queries.map((q) => q.site))]) row("site " + s, queries.filter((q) => q.site === s));
  lines.push("");
  row("overall", queries);
  const noSyn = queries.filter((q) => !q.needs);
  if (noSyn.length !== queries.length) row("overall without synonym", noSyn);
  return lines.join("\n");
}
function costLine(xs, key) {
  const v = xs.map((x) => x[key]);
  return key === "requests" ? `${pct(v, 0.5)} / ${pct(v, 0.95)} / ${Math.max(...v)}` : `${kb(pct(v, 0.5))} / ${kb(pct(v, 0.95))} / ${kb(Math.max(...v))}`;
}

// ---- Run. ----

const report = { helpcenter_bin: BIN, limit: LIMIT, sites: {}, queries: [] };
const ran = [];
const pfWanted = !flag("--no-pagefind");
try {
  for (const site of chosen) {
    const queries = allQueries.filter((q) => q.site === site).map((q) => ({ ...q }));
    const root = siteRoot(site);
    if (!root) { say(`${site}: skipped, corpus not found at ${join(CORPORA, SITES[site].corpus)}`); report.sites[site] = { skipped: "corpus not found" }; continue; }
    if (!queries.length) { say(`${site}: no queries in ${QUERIES_FILE}, skipped`); continue; }
    const out = join(OUT_DIR, site);
    const info = { queries: queries.length };
    if (!flag("--rebuild") && opt("--out-dir") && existsSync(join(out, "search.js")) && existsSync(join(out, "related.json"))) {
      say(`${site}: using the site already built in ${out}`);
      info.build = "reused";
    } else {
      if (!existsSync(BIN)) { say(`${site}: helpcenter binary not found at ${BIN} (set HELPCENTER_BIN); skipped`); report.sites[site] = { skipped: "no binary" }; continue; }
      const b = await build(root, out);
      if (!b.ok) { say(`${site}: build failed, skipped:\n${b.summary}`); report.sites[site] = { skipped: "build failed", log: b.summary }; continue; }
      say(`${site}: ${b.summary}`);
      info.build = b.summary;
    }
    const table = pathTable(out);
    if (!table.articles.length) { say(`${site}: ${join(out, "related.json")} lists no articles; cannot tell which article a result is, skipped`); report.sites[site] = { skipped: "no related.json" }; continue; }
    const valid = [];
    for (const q of queries) {
      const missing = q.want.filter((p) => !addPage(table, out, p));
      if (missing.length) say(`${site}: query ${JSON.stringify(q.query)} wants ${missing.join(", ")}, which the built site does not have; left out`);
      else valid.push(q);
    }
    const t0 = performance.now();
    Object.assign(info, await runHelpcenter(site, out, table, valid));
    info.helpcenter_ms = Math.round(performance.now() - t0);
    if (pfWanted) {
      const pf = setupPagefind();
      if (pf.error) info.pagefind = { error: pf.error }; // said once, under the table
      else {
        try {
          const t1 = performance.now();
          const r = await runPagefind(site, out, table, valid);
          info.pagefind = { version: pf.version, staged_pages: r.pages, indexed_pages: r.indexed, ms: Math.round(performance.now() - t1) };
          say(`${site}: Pagefind ${pf.version} indexed ${r.indexed ?? "?"} of ${r.pages} pages`);
        } catch (e) {
          say(`${site}: Pagefind failed: ${String(e && e.message || e).split("\n")[0]}; left out`);
          info.pagefind = { error: String(e && e.message || e) };
          for (const q of valid) delete q.pagefind;
        }
      }
    }
    if (site === "demo") {
      const cfg = readFileSync(join(REPO, "helpcenter.yaml"), "utf8");
      info.synonyms_configured = /^search:\s*\n(?:[ \t]+.*\n)*?[ \t]+synonyms\s*:/m.test(cfg + "\n");
    }
    report.sites[site] = info;
    ran.push(site);
    report.queries.push(...valid);
  }
} finally {
  if (browser) await browser.close().catch(() => {});
}

const qs = report.queries;
const engines = [{ key: "helpcenter", label: "helpcenter" }];
const pfRan = qs.some((q) => q.pagefind);
if (pfRan) engines.push({ key: "pagefind", label: `pagefind ${pagefind.version}` });
say("");
if (!qs.length) {
  say("no site was run");
} else {
  say(`search quality: rank of the first wanted article among the ${LIMIT} results of the search page`);
  say(`(${qs.length} queries from ${QUERIES_FILE.replace(REPO + "/", "")}; R@k = share of queries whose article is among the first k)`);
  say("");
  say(recallTable(qs, engines));
  if (pagefind && pagefind.error) say(`\nPagefind left out: ${pagefind.error}`);
  if (report.sites.demo && "synonyms_configured" in report.sites.demo) say(`\nsynonym queries need search.synonyms in the site's config; the demo's helpcenter.yaml ${report.sites.demo.synonyms_configured ? "has" : "has no"} search.synonyms`);
  say("");
  say(`cold query cost, median / p95 / max per query (helpcenter: search.js + search/ files it loads, from disk; pagefind: /pagefind/ files over HTTP)`);
  say(`${"site".padEnd(14)} ${"engine".padEnd(11)} ${"view".padEnd(20)} ${"requests".padEnd(14)} ${"raw KB".padEnd(22)} gzip KB`);
  for (const site of ran) {
    const sq = qs.filter((q) => q.site === site);
    for (const e of engines) {
      const withCost = sq.filter((q) => q[e.key] && q[e.key].cost);
      if (!withCost.length) continue;
      for (const [view, label] of [["dropdown", "drop-down (5)"], ["page", `search page (${LIMIT})`], ["pageSubs", "+ sub-results"]]) {
        const xs = withCost.map((q) => q[e.key].cost[view]).filter(Boolean);
        if (!xs.length) continue;
        say(`${site.padEnd(14)} ${e.key.padEnd(11)} ${label.padEnd(20)} ${costLine(xs, "requests").padEnd(14)} ${costLine(xs, "bytes").padEnd(22)} ${costLine(xs, "gzip")}`);
      }
    }
  }
  say(`(helpcenter's search page then loads the fragments of its first two results, for their other matching headings; pagefind's loads each result's data)`);
  if (flag("--details")) {
    say("");
    say("per query: rank of the wanted article (— = not in the first 20), then the first result");
    for (const q of qs) {
      const cell = (e) => { const r = q[e.key]; if (!r) return "".padEnd(6); return (r.error ? "err" : r.rank === null ? "—" : String(r.rank)).padEnd(6); };
      const first = q.helpcenter && q.helpcenter.top[0] ? q.helpcenter.top[0] : "(none)";
      say(`  ${q.site.padEnd(13)} ${q.kind.padEnd(11)} ${padW(q.query, 27)} ${engines.map(cell).join(" ")} ${first}${q.helpcenter && q.helpcenter.error ? "  error: " + q.helpcenter.error : ""}`);
    }
  }
}

if (JSON_OUT) {
  const summary = {};
  for (const e of engines) {
    summary[e.key] = { overall: recall(qs, e.key), by_kind: {}, by_site: {} };
    for (const k of KINDS) { const x = qs.filter((q) => q.kind === k); if (x.length) summary[e.key].by_kind[k] = recall(x, e.key); }
    for (const s of ran) summary[e.key].by_site[s] = recall(qs.filter((q) => q.site === s), e.key);
  }
  report.summary = summary;
  report.pagefind = pagefind;
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
}

// The temporary folder holds the corpora's site folders, Pagefind's staged copies and, without
// --out-dir, the built sites.
if (flag("--keep")) say(`\nkept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(0);
