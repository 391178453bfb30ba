// Search benchmark: recall, bytes and requests per query, query time, on a built site.
//   node bench/search.mjs --site public/ [--queries 300] [--seed 7] [--limit 5] [--fragments] [--browser]
// Queries are substrings of the site's own text (Chinese runs of 2–6 characters), sampled with a
// fixed seed, as a reader would type them. "Cold" = a fresh page: search.js + every index file the
// query needs. "Warm" = the same page after earlier queries: only what is not loaded yet.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const SITE = opt("--site");
const QUERIES = Number(opt("--queries", 300));
const SEED = Number(opt("--seed", 7));
// Results shown at once: the header's drop-down shows 5, the search page 10 a page.
const LIMIT = Number(opt("--limit", 5));
// --fragments: also the fragments of the first two results, whose other matching headings the
// search page adds once its results are shown.
const FRAGMENTS = args.includes("--fragments");
if (!SITE || !existsSync(join(SITE, "search", "manifest.js"))) {
  console.error("usage: node bench/search.mjs --site BUILT_SITE_DIR [--queries N] [--seed S] [--limit N] [--fragments] [--browser]");
  process.exit(2);
}
const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const searchJs = readFileSync(join(SITE, "search.js"));
vm.runInThisContext(searchJs.toString("utf8"));
const api = globalThis.helpcenterSearch;

const manifest = JSON.parse(readFileSync(join(SITE, "search", "manifest.js"), "utf8").replace(/^helpcenterSearch\.manifest\(/, "").replace(/\);\s*$/, ""));
const gz = new Map();
const gzSize = (path, buf) => { if (!gz.has(path)) gz.set(path, gzipSync(buf, { level: 6 }).length); return gz.get(path); };
function engine(stats) {
  // As on a page, which tells search.js the shard count (no manifest request).
  return api.createEngine(async (path) => {
    const buf = readFileSync(join(SITE, "search", path));
    stats.requests++; stats.bytes += buf.length; stats.gzip += gzSize(path, buf);
    vm.runInThisContext(buf.toString("utf8"));
  }, { shards: manifest.shards });
}

// Seeded sampling of substring queries from the fragments' own text.
let s = SEED >>> 0;
const rand = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const N = manifest.documents;
const fragment = (id) => JSON.parse(readFileSync(join(SITE, "search", "f", id + ".js"), "utf8").replace(/^helpcenterSearch\.fragment\(\d+,/, "").replace(/\);\s*$/, ""));
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g;
const queries = [];
for (let guard = 0; queries.length < QUERIES && guard < QUERIES * 50; guard++) {
  const id = Math.floor(rand() * N);
  const f = fragment(id);
  const text = f.b.map((b) => b[1] + "\n" + b[2]).join("\n");
  const runs = text.match(CJK) || [];
  if (!runs.length) continue;
  const run = runs[Math.floor(rand() * runs.length)];
  const len = Math.min(run.length, 2 + Math.floor(rand() * 5));
  const start = Math.floor(rand() * (run.length - len + 1));
  queries.push({ q: run.slice(start, start + len), id });
}

const pct = (xs, p) => { const a = [...xs].sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.floor(p * (a.length - 1) + 0.5))]; };
const cold = [], warm = [], times = [];
let found = 0, top3 = 0, shownHits = 0;
const warmStats = { requests: 0, bytes: 0, gzip: 0 };
const warmEngine = engine(warmStats);
for (const { q, id } of queries) {
  const st = { requests: 1, bytes: searchJs.length, gzip: gzSize("search.js", searchJs) };
  const t0 = performance.now();
  const r = await engine(st).search(q, LIMIT, FRAGMENTS);
  times.push(performance.now() - t0);
  cold.push(st);
  const rank = r.ids.indexOf(id);
  if (rank >= 0) found++;
  else if (args.includes("--misses")) console.log(`  miss: ${JSON.stringify(q)} (document ${id}, ${r.ids.length} found)`);
  // Top-k among the displayed (re-ranked) results.
  const shown = r.results.map((x) => x.id);
  if (shown.slice(0, 3).includes(id)) top3++;
  if (shown.includes(id)) shownHits++;
  const before = { ...warmStats };
  await warmEngine.search(q, LIMIT, FRAGMENTS);
  warm.push({ requests: warmStats.requests - before.requests, bytes: warmStats.bytes - before.bytes, gzip: warmStats.gzip - before.gzip });
}

const dirSize = (d) => readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? dirSize(join(d, e.name)) : readFileSync(join(d, e.name)).length), 0);
const kb = (b) => (b / 1024).toFixed(1) + " KB";
const line = (name, xs, key) => console.log(`  ${name.padEnd(26)} median ${key === "requests" ? pct(xs.map((x) => x[key]), 0.5) : kb(pct(xs.map((x) => x[key]), 0.5))}   p95 ${key === "requests" ? pct(xs.map((x) => x[key]), 0.95) : kb(pct(xs.map((x) => x[key]), 0.95))}   max ${key === "requests" ? Math.max(...xs.map((x) => x[key])) : kb(Math.max(...xs.map((x) => x[key])))}`);
console.log(`search benchmark: ${SITE}`);
console.log(`  documents ${N}, term shards ${manifest.shards}, index total ${kb(dirSize(join(SITE, "search")))}, manifest ${kb(readFileSync(join(SITE, "search", "manifest.js")).length)}, search.js ${kb(searchJs.length)} (${kb(gzSize("search.js", searchJs))} gzip)`);
console.log(`  ${queries.length} substring queries (2–6 Chinese characters sampled from the text, seed ${SEED})`);
console.log(`  recall ${(found / queries.length).toFixed(3)}   source article in top 3: ${(top3 / queries.length).toFixed(3)}   among the ${LIMIT} shown: ${(shownHits / queries.length).toFixed(3)}`);
line("cold requests (incl. JS)", cold, "requests");
console.log(`  cold queries within 6 requests: ${(cold.filter((x) => x.requests <= 6).length / cold.length).toFixed(3)}, within 100 KB raw: ${(cold.filter((x) => x.bytes <= 100 * 1024).length / cold.length).toFixed(3)}`);
line("cold bytes (raw)", cold, "bytes");
line("cold bytes (gzip)", cold, "gzip");
line("warm requests", warm, "requests");
line("warm bytes (raw)", warm, "bytes");
line("warm bytes (gzip)", warm, "gzip");
console.log(`  query time in node (cold, incl. reading files): median ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms`);

if (args.includes("--browser")) {
  const { chromium } = await import(pathToFileURL(join(REPO, "tests", "browser", "node_modules", "playwright-core", "index.mjs")).href);
  const b = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--allow-file-access-from-files"] });
  const page = await b.newPage();
  await page.goto(pathToFileURL(join(SITE, "search", "index.html")).href);
  const sample = queries.slice(0, 100).map((x) => x.q);
  const ms = await page.evaluate(async (qs) => {
    const out = [];
    for (const q of qs) { const t = performance.now(); await helpcenterSearch.engine.search(q, 5); out.push(performance.now() - t); }
    return out;
  }, sample);
  console.log(`  query time in Chromium from file:// (${sample.length} queries, loading as they go): median ${pct(ms, 0.5).toFixed(1)} ms, p95 ${pct(ms, 0.95).toFixed(1)} ms`);
  await b.close();
}
