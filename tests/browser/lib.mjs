// Shared helpers for the browser tests: the helpcenter binary, scratch sites, a served site,
// and Debian's Chromium driven by playwright-core.
import { spawn, spawnSync } from "node:child_process";
import vm from "node:vm";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const BIN = process.env.HELPCENTER_BIN;
if (!BIN) throw new Error("HELPCENTER_BIN is not set: run these tests through `cargo test`");
export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A copy of a fixture site in a fresh temp folder, to edit freely. */
export function scratchSite(fixture) {
  const dir = mkdtempSync(join(tmpdir(), "helpcenter-browser-"));
  cpSync(join(REPO, "tests", "fixtures", fixture), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts `helpcenter serve` on a free port; resolves once it prints its URL. */
export function serve(root, extra = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ["serve", "--root", root, "--port", "0", ...extra], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const timer = setTimeout(() => reject(new Error("serve did not start:\n" + out)), 20000);
    const onData = (d) => {
      out += d;
      const m = out.match(/Serving .* at (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child, log: () => out, stop: () => child.kill() });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => { out += d; });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
}

/** Debian's Chromium, with the flags this sandboxed, offline machine needs. */
export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Builds a site with the binary into a fresh folder; returns the output folder. */
export function buildSite(root, extra = []) {
  const out = mkdtempSync(join(tmpdir(), "helpcenter-out-"));
  const r = spawnSync(BIN, ["build", "--root", root, "--output", out, ...extra], { encoding: "utf8" });
  if (r.status !== 0) throw new Error("build failed:\n" + r.stderr);
  return out;
}

/**
 * A scratch site: `write(put)` writes its files (`put("content/a.md", text)`, folders made as
 * needed), then the site is built and `use(out)` runs on the output. Both folders are removed.
 */
export async function withSite(write, use) {
  const root = mkdtempSync(join(tmpdir(), "helpcenter-site-"));
  let out = null;
  const put = (path, text) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  try {
    await write(put);
    out = buildSite(root);
    return await use(out);
  } finally {
    rmSync(root, { recursive: true, force: true });
    if (out) rmSync(out, { recursive: true, force: true });
  }
}

/** search.js's engine in node, reading the index files of a built site and counting them. */
export function fileEngine(out, stats = { requests: 0, bytes: 0, paths: [] }) {
  if (!globalThis.helpcenterSearch?.createEngine) {
    // The site's search.js as the build publishes it (compacted), else the theme's source.
    const built = join(out, "search.js");
    vm.runInThisContext(readFileSync(existsSync(built) ? built : join(REPO, "static", "search.js"), "utf8"));
  }
  const engine = globalThis.helpcenterSearch.createEngine(async (path) => {
    const buf = readFileSync(join(out, "search", path));
    stats.requests++;
    stats.bytes += buf.length;
    stats.paths?.push(path);
    vm.runInThisContext(buf.toString("utf8"));
  });
  return { engine, stats };
}
