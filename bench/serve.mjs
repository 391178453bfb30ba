// Edit-to-reload benchmark for `helpcenter serve`: the time from saving an article to the
// moment the browser is told to reload (the `reload` event on the live-reload stream).
//   node bench/serve.mjs --bin target/release/helpcenter --site CORPUS_DIR [--edits 7]
// The corpus is edited in place (one article gets a sentence appended and restored).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import http from "node:http";

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const BIN = opt("--bin", "target/release/helpcenter");
const SITE = opt("--site");
const EDITS = Number(opt("--edits", 7));
if (!SITE) { console.error("usage: node bench/serve.mjs --site CORPUS_DIR [--bin PATH] [--edits N]"); process.exit(2); }

const child = spawn(BIN, ["serve", "--root", SITE, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  let out = "";
  child.stdout.on("data", (d) => { out += d; const m = out.match(/at (http:\/\/\S+)/); if (m) resolve(m[1]); });
  child.on("exit", (c) => reject(new Error("serve exited " + c)));
});
const events = [];
let notify = null;
http.get(url + "__helpcenter/events", (res) => {
  let buf = "";
  res.on("data", (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, i); buf = buf.slice(i + 2);
      const ev = (block.match(/^event: (.*)$/m) || [])[1];
      if (ev) { events.push(ev); if (notify) notify(ev); }
    }
  });
});
await new Promise((r) => setTimeout(r, 300));

const section = readdirSync(join(SITE, "content")).find((d) => !d.startsWith("_"));
const file = join(SITE, "content", section, readdirSync(join(SITE, "content", section)).find((f) => f !== "_index.md"));
const original = readFileSync(file, "utf8");
const times = [];
for (let i = 0; i < EDITS; i++) {
  const got = new Promise((resolve) => { notify = (ev) => { if (ev === "reload" || ev === "builderror") resolve(ev); }; });
  const t0 = performance.now();
  writeFileSync(file, original + `\n\n编辑测试第 ${i} 次。\n`);
  const ev = await got;
  times.push(performance.now() - t0);
  if (ev !== "reload") throw new Error("the edit did not rebuild cleanly: " + ev);
  await new Promise((r) => setTimeout(r, 200));
}
writeFileSync(file, original);
child.kill();
times.sort((a, b) => a - b);
const articles = readdirSync(join(SITE, "content")).filter((d) => !d.startsWith("_")).reduce((n, d) => n + readdirSync(join(SITE, "content", d)).filter((f) => f !== "_index.md").length, 0);
console.log(`edit-to-reload, ${articles} articles, ${EDITS} edits: median ${times[times.length >> 1].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`);
process.exit(0);
