// `helpcenter serve` as an author uses it: open a page, save an edit, break the YAML, fix it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { browser, REPO, scratchSite, serve } from "./lib.mjs";

const ARTICLE = join("content", "账户", "改密码.md");

test("live reload, CSS swap, error overlay and recovery", async () => {
  const site = scratchSite("site");
  // The site overrides the theme's stylesheet, so a CSS edit has a file to change.
  mkdirSync(join(site.dir, "static"));
  copyFileSync(join(REPO, "static", "style.css"), join(site.dir, "static", "style.css"));
  const server = await serve(site.dir);
  const b = await browser();
  try {
    const page = await b.newPage();
    await page.goto(server.url + encodeURI("账户/改密码/"));
    assert.equal(await page.textContent("h1"), "如何修改登录密码");
    const file = join(site.dir, ARTICLE);
    const original = readFileSync(file, "utf8");

    // An edit reloads the page with the new text.
    await page.evaluate(() => { window.__beforeReload = true; });
    writeFileSync(file, original.replace("title: 如何修改登录密码", "title: 如何修改登录密码（已更新）"));
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "如何修改登录密码（已更新）", null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.__beforeReload), undefined, "the page was reloaded");

    // A CSS-only change swaps the stylesheet without a reload.
    await page.evaluate(() => { window.__noReload = true; });
    const css = join(site.dir, "static", "style.css");
    writeFileSync(css, "body { background: rgb(1, 2, 3); }\n");
    await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)", null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.__noReload), true, "no full reload for CSS");

    // Broken front matter: the overlay shows the build's message; the last good page stays.
    writeFileSync(file, original.replace("title: 如何修改登录密码", "title: [broken"));
    const overlay = page.locator("#helpcenter-error-overlay");
    await overlay.waitFor({ state: "visible", timeout: 30000 });
    const text = await overlay.textContent();
    assert.match(text, /content\/账户\/改密码\.md:2/);
    assert.match(text, /`title`: a value starting with `\[` is read as a list or map/);
    assert.match(await page.textContent("h1"), /如何修改登录密码/);
    // In the site's language, with a button that hides it to read the page below.
    assert.match(text, /构建失败/);
    await overlay.getByRole("button", { name: "隐藏" }).click();
    await overlay.waitFor({ state: "detached", timeout: 30000 });
    // A fresh load while broken shows the overlay too, over the last good page.
    await page.reload();
    await overlay.waitFor({ state: "visible", timeout: 30000 });
    assert.match(await overlay.textContent(), /构建失败/);
    await overlay.getByRole("button", { name: "隐藏" }).click();
    await overlay.waitFor({ state: "detached", timeout: 30000 });
    await page.reload();
    await overlay.waitFor({ state: "visible", timeout: 30000 });

    // The fix removes the overlay on the next rebuild.
    writeFileSync(file, original);
    await overlay.waitFor({ state: "detached", timeout: 30000 });
    assert.equal(await page.textContent("h1"), "如何修改登录密码");
  } finally {
    await b.close();
    server.stop();
    site.cleanup();
  }
});

test("an edit saved before the page's live-reload connection is made still reloads it", async () => {
  const site = scratchSite("site");
  const server = await serve(site.dir);
  const b = await browser();
  try {
    const page = await b.newPage();
    // Hold the page's event stream back until the edit has been built and served.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route("**/__helpcenter/events", async (route) => { await held; await route.continue(); });
    await page.goto(server.url + encodeURI("账户/改密码/"));
    assert.equal(await page.textContent("h1"), "如何修改登录密码");
    const file = join(site.dir, ARTICLE);
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("title: 如何修改登录密码", "title: 如何修改登录密码（连接前保存）"));
    // Wait until the server serves the edited page (as another client sees it)…
    for (;;) {
      const html = await (await fetch(server.url + encodeURI("账户/改密码/"))).text();
      if (html.includes("连接前保存")) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // …then let the old page connect: its first event names a newer build, so it reloads.
    release();
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "如何修改登录密码（连接前保存）", null, { timeout: 30000 });
  } finally {
    await b.close();
    server.stop();
    site.cleanup();
  }
});

/** A WAV file of `secs` seconds of a 440 Hz tone (8 kHz, 8-bit mono). */
function wav(secs) {
  const rate = 8000;
  const n = rate * secs;
  const b = Buffer.alloc(44 + n);
  b.write("RIFF", 0); b.writeUInt32LE(36 + n, 4); b.write("WAVEfmt ", 8);
  b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24); b.writeUInt32LE(rate, 28); b.writeUInt16LE(1, 32); b.writeUInt16LE(8, 34);
  b.write("data", 36); b.writeUInt32LE(n, 40);
  for (let i = 0; i < n; i++) b[44 + i] = Math.round(128 + 60 * Math.sin((i * 2 * Math.PI * 440) / rate));
  return b;
}

test("a recording in an article can be seeked in the preview", async () => {
  const site = scratchSite("site");
  mkdirSync(join(site.dir, "content", "媒体"));
  writeFileSync(join(site.dir, "content", "媒体", "录音.wav"), wav(4));
  writeFileSync(join(site.dir, "content", "媒体", "听.md"),
    "---\ntitle: 听录音\n---\n\n<audio controls preload=\"auto\" src=\"录音.wav\"></audio>\n");
  const server = await serve(site.dir);
  const b = await browser();
  try {
    const page = await b.newPage();
    await page.goto(server.url + encodeURI("媒体/听/"));
    // Chromium seeks only in what a server sends in parts (`Range`): from any other server the
    // recording plays from the start, and a seek lands back at 0.
    const r = await page.evaluate(async () => {
      const a = document.querySelector("audio");
      if (a.readyState < 1) {
        await new Promise((ok, no) => {
          a.addEventListener("loadedmetadata", ok);
          a.addEventListener("error", () => no(new Error(`media error ${a.error?.code}`)));
        });
      }
      const seekable = a.seekable.length ? a.seekable.end(0) : 0;
      a.currentTime = 2.5;
      // A seek that never ends fails below instead of hanging the suite.
      await new Promise((ok) => { a.addEventListener("seeked", ok, { once: true }); setTimeout(ok, 20000); });
      return { duration: a.duration, seekable, now: a.currentTime };
    });
    assert.equal(r.duration, 4);
    assert.equal(r.seekable, 4, "the whole recording is seekable");
    assert.equal(r.now, 2.5);
  } finally {
    await b.close();
    server.stop();
    site.cleanup();
  }
});
