// Side by side with Pagefind on the same built site and the same sampled queries, in headless
// Chromium over HTTP on loopback: requests and bytes of a cold query (a fresh page that loads the
// search engine, runs the query and loads the first 5 results), and whether the article the query
// was sampled from is among Pagefind's results (recall) and its first 5.
//   npm install --prefix /tmp/pf pagefind && /tmp/pf/node_modules/.bin/pagefind --site OUT
//   node bench/compare-pagefind.mjs --site OUT [--queries 100]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const SITE = opt("--site"), QUERIES = Number(opt("--queries", 100)), SEED = 7, PORT = 18000 + (process.pid % 1000);
const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const { chromium } = await import(pathToFileURL(join(REPO, "tests/browser/node_modules/playwright-core/index.mjs")).href);

// The same sampler as bench/search.mjs.
let s = SEED >>> 0;
const rand = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const manifest = JSON.parse(readFileSync(join(SITE, "search/manifest.js"), "utf8").replace(/^helpcenterSearch\.manifest\(/, "").replace(/\);\s*$/, ""));
const fragment = (id) => JSON.parse(readFileSync(join(SITE, "search/f", id + ".js"), "utf8").replace(/^helpcenterSearch\.fragment\(\d+,/, "").replace(/\);\s*$/, ""));
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g;
const queries = [];
for (let g = 0; queries.length < QUERIES && g < QUERIES * 50; g++) {
  const id = Math.floor(rand() * manifest.documents);
  const f = fragment(id);
  const runs = f.b.map((b) => b[1] + "\n" + b[2]).join("\n").match(CJK) || [];
  if (!runs.length) continue;
  const run = runs[Math.floor(rand() * runs.length)];
  const len = Math.min(run.length, 2 + Math.floor(rand() * 5));
  const start = Math.floor(rand() * (run.length - len + 1));
  queries.push({ q: run.slice(start, start + len), url: "/" + f.u });
}

const server = spawn("python3", ["-m", "http.server", String(PORT), "--bind", "127.0.0.1", "--directory", SITE], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const pct = (xs, p) => { const a = [...xs].sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.floor(p * (a.length - 1) + 0.5))]; };
const rows = { pagefind: [], helpcenter: [] };
let pfFound = 0, pfChecked = 0, pfTop5 = 0;
try {
  for (const { q, url } of queries) {
    for (const tool of ["pagefind", "helpcenter"]) {
      const ctx = await b.newContext();
      const page = await ctx.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/404.html`);
      let requests = 0, bytes = 0;
      page.on("response", async (r) => {
        const u = r.url();
        if (!u.includes("/pagefind/") && !u.includes("/search/") && !u.includes("search.js")) return;
        requests++;
        try { bytes += (await r.body()).length; } catch { /* aborted */ }
      });
      if (tool === "pagefind") {
        const out = await page.evaluate(async ({ q, url }) => {
          const pf = await import("/pagefind/pagefind.js");
          await pf.init();
          const res = await pf.search(q);
          const top = await Promise.all(res.results.slice(0, 5).map((r) => r.data()));
          return { n: res.results.length, top: top.map((d) => d.url) };
        }, { q, url });
        await page.waitForTimeout(50);
        if (out.top.some((u) => u.startsWith(url))) pfTop5++;
        // Recall: is the source article among all results? (Loads result data, not counted.)
        rows.pagefind.push({ requests, bytes });
        const all = await page.evaluate(async ({ q, url }) => {
          const pf = await import("/pagefind/pagefind.js");
          const res = await pf.search(q);
          if (res.results.length > 3000) return null;
          for (let i = 0; i < res.results.length; i += 50) {
            const batch = await Promise.all(res.results.slice(i, i + 50).map((r) => r.data()));
            if (batch.some((d) => d.url.startsWith(url))) return true;
          }
          return false;
        }, { q, url });
        if (all !== null) { pfChecked++; if (all) pfFound++; }
      } else {
        await page.addScriptTag({ url: `http://127.0.0.1:${PORT}/search.js` });
        await page.evaluate(async ({ q, shards }) => {
          const load = (path) => new Promise((res, rej) => { const s = document.createElement("script"); s.src = "/search/" + path; s.onload = res; s.onerror = rej; document.head.appendChild(s); });
          const e = helpcenterSearch.createEngine(load, { shards });
          await e.search(q, 5);
        }, { q, shards: manifest.shards });
        await page.waitForTimeout(50);
        rows.helpcenter.push({ requests, bytes });
      }
      await ctx.close();
    }
  }
} finally {
  await b.close();
  server.kill();
}
console.log(`cold query, ${queries.length} sampled substring queries, first 5 results loaded (raw bytes over HTTP):`);
for (const tool of ["helpcenter", "pagefind"]) {
  const r = rows[tool];
  console.log(`  ${tool.padEnd(11)} requests median ${pct(r.map((x) => x.requests), 0.5)} p95 ${pct(r.map((x) => x.requests), 0.95)}   bytes median ${(pct(r.map((x) => x.bytes), 0.5) / 1024).toFixed(1)} KB p95 ${(pct(r.map((x) => x.bytes), 0.95) / 1024).toFixed(1)} KB`);
}
console.log(`  pagefind recall ${(pfFound / pfChecked).toFixed(3)} (${pfChecked} queries with ≤3000 results checked), source article in its first 5: ${(pfTop5 / queries.length).toFixed(3)}`);
