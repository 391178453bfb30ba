// Search as a reader uses it, in headless Chromium: from disk (file://) and from `helpcenter serve`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO, browser, buildSite, serve, withSite } from "./lib.mjs";

async function typeAndOpen(page, startUrl) {
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(startUrl);
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.type), "search", "/ focuses the search box");
  await page.keyboard.type("关闭微粒贷借钱");
  const first = page.locator("[data-search-panel] [data-search-result]").first();
  await first.waitFor({ timeout: 30000 });
  assert.match(await first.locator(".search-result-title").textContent(), /关闭微粒贷借钱功能操作指南/);
  assert.ok(await first.locator("mark").count() > 0, "the snippet marks the match");
  const count = await page.locator("[data-search-panel] [data-search-result]").count();
  // The status counts what is listed: "前 5 篇结果" when there are more.
  const status = await page.locator("[data-search-status]").first().textContent();
  const n = Number((status.match(/(?:找到|前) (\d+) 篇/) || [])[1]);
  assert.equal(n, count, status);
  await page.keyboard.press("ArrowDown");
  const firstHref = await page.evaluate(() => document.activeElement.getAttribute("href"));
  assert.match(decodeURIComponent(firstHref), /weilidai\/close-weilidai\//);
  assert.ok(count > 1, "several results, to move between");
  await page.keyboard.press("ArrowDown");
  assert.notEqual(await page.evaluate(() => document.activeElement.getAttribute("href")), firstHref);
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), firstHref);
  await Promise.all([page.waitForURL(/close-weilidai/), page.keyboard.press("Enter")]);
  assert.equal(await page.textContent("h1"), "关闭微粒贷借钱功能操作指南");
  assert.deepEqual(dialogs, []);
}

test("from disk: type a Chinese query, arrows, Enter opens the article", async () => {
  const out = buildSite(REPO);
  const b = await browser();
  try {
    const page = await b.newPage();
    await typeAndOpen(page, pathToFileURL(join(out, "index.html")).href);
    assert.match(page.url(), /^file:.*close-weilidai\/index\.html/);

    // The search page runs ?q= on load; every result carries data-search-result and its link.
    await page.goto(pathToFileURL(join(out, "search", "index.html")).href + "?q=" + encodeURIComponent("征信报告"));
    const results = page.locator("#search-page-results [data-search-result]");
    await results.first().waitFor({ timeout: 30000 });
    const titles = await results.locator(".search-result-title").allTextContents();
    assert.ok(titles.slice(0, 3).includes("如何看懂个人征信报告"), titles.join(" / "));
    assert.ok(await results.first().locator("a[href]").count() > 0);

    // Nothing found: a hint and the contact block.
    await page.fill("#search-page-input", "龘靐齉爩");
    await page.locator("#search-status", { hasText: "没有找到相关文章" }).waitFor({ timeout: 30000 });
    assert.equal(await page.locator("#search-contact").isVisible(), true);
  } finally {
    await b.close();
    rmSync(out, { recursive: true, force: true });
  }
});

test("from helpcenter serve: the same, over HTTP", async () => {
  const server = await serve(REPO);
  const b = await browser();
  try {
    const page = await b.newPage();
    await typeAndOpen(page, server.url);
    assert.match(page.url(), /^http:.*close-weilidai\//);
  } finally {
    await b.close();
    server.stop();
  }
});

test("titles with HTML are shown as text, never run", async () => {
  const out = buildSite(join(REPO, "tests", "fixtures", "site"));
  const b = await browser();
  try {
    const page = await b.newPage();
    const dialogs = [];
    page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.goto(pathToFileURL(join(out, "search", "index.html")).href + "?q=" + encodeURIComponent("图片标题"));
    const title = page.locator("#search-page-results .search-result-title").first();
    await title.waitFor({ timeout: 30000 });
    assert.equal(await title.textContent(), "<img src=x onerror=alert(2)> 图片标题测试");
    assert.equal(await page.locator("#search-page-results img").count(), 0);
    await page.fill("#search-page-input", "Face ID");
    await page.locator("#search-page-results .search-result-title", { hasText: "<script>" }).first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
  } finally {
    await b.close();
    rmSync(out, { recursive: true, force: true });
  }
});

test("search page: ten results a page, more on request with focus on the first new one, other matching headings added", async () => {
  const b = await browser();
  try {
    await withSite((put) => {
      put("helpcenter.yaml", "title: 退款中心\n");
      put("content/r/_index.md", "---\ntitle: 退款\n---\n");
      for (let i = 1; i <= 23; i++) {
        put(`content/r/a${i}.md`, [
          "---", `title: 第 ${i} 篇说明`, "---", "", `开头第 ${i} 段。`, "",
          "## 申请退款", "", `申请退款需要 ${i} 天。`, "", "## 退款到账", "", "退款到账后会通知。", "",
        ].join("\n"));
      }
    }, async (out) => {
      const page = await b.newPage();
      const requests = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(join(out, "search", "index.html")).href + "?q=" + encodeURIComponent("退款"));
      const results = page.locator("#search-page-results [data-search-result]");
      await results.first().waitFor({ timeout: 30000 });
      assert.equal(await results.count(), 10);
      assert.match(await page.locator("#search-status").textContent(), /前 10 篇结果/);
      // The first results gain their other matching heading once their fragments arrive.
      await page.locator("#search-page-results .search-subresults a").first().waitFor({ timeout: 30000 });
      const subs = await page.locator("#search-page-results .search-subresults a").count();
      assert.ok(subs >= 1 && subs <= 2 * 2, `${subs} sub-results`);
      // Fragments: the first two results' (for their sub-results) and the 4th and 5th's, which a
      // small site's shards do not describe and the drop-down loads too (so that both show the
      // first five in one order); none of results 6–10.
      const frags = requests.filter((u) => u.includes("/search/f/")).length;
      assert.ok(frags <= 4, `${frags} fragments: only for the first five`);

      const more = page.getByRole("button", { name: "显示更多结果" });
      await more.focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelectorAll("#search-page-results [data-search-result]").length === 20);
      assert.match(await page.locator("#search-status").textContent(), /前 20 篇结果/);
      const index = await page.evaluate(() => Array.from(document.querySelectorAll("#search-page-results [data-search-result]")).indexOf(document.activeElement.closest("[data-search-result]")));
      assert.equal(index, 10, "focus is on the first new result");
      await page.getByRole("button", { name: "显示更多结果" }).click();
      await page.waitForFunction(() => document.querySelectorAll("#search-page-results [data-search-result]").length === 23);
      assert.match(await page.locator("#search-status").textContent(), /找到 23 篇文章/);
      assert.equal(await page.getByRole("button", { name: "显示更多结果" }).count(), 0, "no more button when all are shown");
      // A new query starts again at ten.
      await page.fill("#search-page-input", "申请退款");
      await page.waitForFunction(() => /前 10 篇/.test(document.querySelector("#search-status").textContent));
      assert.equal(await results.count(), 10);
    });
  } finally {
    await b.close();
  }
});

test("the drop-down says so in sight when no article has every word", async () => {
  const out = buildSite(REPO);
  const b = await browser();
  try {
    const page = await b.newPage();
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    await page.keyboard.press("/");
    await page.keyboard.type("微粒贷 龘靐齉");
    const note = page.locator("[data-search-panel] .search-note");
    await note.waitFor({ timeout: 30000 });
    assert.equal(await note.isVisible(), true);
    assert.match(await note.textContent(), /没有同时包含全部关键词/);
    assert.ok(await page.locator("[data-search-panel] [data-search-result]").count() > 0, "with the partial results");
    // A query every result matches has no note.
    await page.fill("#hero-search-input", "微粒贷");
    await page.locator("[data-search-panel] [data-search-result]").first().waitFor({ timeout: 30000 });
    await page.waitForFunction(() => !document.querySelector("[data-search-panel] .search-note"), null, { timeout: 30000 });
  } finally {
    await b.close();
    rmSync(out, { recursive: true, force: true });
  }
});
