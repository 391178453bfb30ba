// The reader's side of the default theme in headless Chromium: the feedback widget, keyboard
// navigation, the collapsing table of contents, and the weight of an article page.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { REPO, browser, buildSite, scratchSite, withSite } from "./lib.mjs";

const ARTICLE = "weilidai/close-weilidai/index.html";

test("feedback without an endpoint: remembered locally, offers the contact link", async () => {
  const out = buildSite(REPO, ["--base-url", ""]);
  const b = await browser();
  try {
    const page = await b.newPage();
    const requests = [];
    page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
    await page.goto(pathToFileURL(join(out, ARTICLE)).href);
    const fb = page.locator("[data-feedback]");
    assert.equal(await fb.locator("h2").textContent(), "这篇文章有帮助吗？");
    await fb.getByRole("button", { name: "没帮助" }).click();
    // Nothing is sent, so nothing is promised.
    assert.equal(await fb.locator(".feedback-thanks").textContent(), "抱歉没能帮到你。");
    assert.equal(await fb.getByRole("button", { name: "没帮助" }).getAttribute("aria-pressed"), "true");
    assert.equal(await fb.locator(".feedback-contact").isVisible(), true);
    await page.reload();
    assert.equal(await fb.getByRole("button", { name: "没帮助" }).getAttribute("aria-pressed"), "true", "remembered");
    assert.deepEqual(requests, [], "nothing is sent anywhere without an endpoint");
  } finally {
    await b.close();
    rmSync(out, { recursive: true, force: true });
  }
});

test("feedback with feedback.url: the answer is posted there", async () => {
  const site = scratchSite("site");
  writeFileSync(join(site.dir, "helpcenter.yaml"),
    readFileSync(join(site.dir, "helpcenter.yaml"), "utf8") + "feedback:\n  url: https://feedback.example/collect\n");
  const out = buildSite(site.dir, ["--base-url", ""]);
  const b = await browser();
  try {
    const page = await b.newPage();
    let posted = null;
    await page.route("https://feedback.example/collect", async (route) => {
      posted = route.request().postData();
      await route.fulfill({ status: 204, body: "" });
    });
    await page.goto(pathToFileURL(join(out, "账户/改密码/index.html")).href);
    const request = page.waitForRequest("https://feedback.example/collect", { timeout: 30000 });
    await page.getByRole("button", { name: "有帮助" }).click();
    posted = (await request).postData();
    assert.ok(posted, "the answer was posted");
    const body = JSON.parse(posted);
    assert.equal(body.answer, "yes");
    assert.equal(body.page, "账户/改密码/");
    assert.equal(await page.locator(".feedback-thanks").textContent(), "感谢你的反馈！");
  } finally {
    await b.close();
    rmSync(out, { recursive: true, force: true });
    site.cleanup();
  }
});

test("keyboard: the skip link comes first and moves focus to the content", async () => {
  const out = buildSite(REPO, ["--base-url", ""]);
  const b = await browser();
  try {
    const page = await b.newPage();
    await page.goto(pathToFileURL(join(out, ARTICLE)).href);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
    const box = await page.locator(".skip-link").boundingBox();
    assert.ok(box && box.x >= 0, "the focused skip link is on screen");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.id || location.hash), "main");
    // A focused step number is visibly outlined.
    await page.locator("#step-3 .step-number").focus();
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, "none");
  } finally {
    await b.close();
    rmSync(out, { recursive: true, force: true });
  }
});

test("the table of contents is open on desktop and collapsed on a phone", async () => {
  const out = buildSite(REPO, ["--base-url", ""]);
  const b = await browser();
  try {
    for (const [width, open] of [[1280, true], [375, false]]) {
      const page = await b.newPage({ viewport: { width, height: 800 } });
      await page.goto(pathToFileURL(join(out, ARTICLE)).href);
      assert.equal(await page.evaluate(() => document.querySelector("details.toc").open), open, `${width}px`);
      await page.close();
    }
  } finally {
    await b.close();
    rmSync(out, { recursive: true, force: true });
  }
});

test("an article page's CSS and JS stay under 30 KB compressed", () => {
  const total = ["style.css", "site.js", "search.js"]
    .map((f) => gzipSync(readFileSync(join(REPO, "static", f)), { level: 6 }).length)
    .reduce((a, b) => a + b, 0);
  assert.ok(total < 30 * 1024, `${total} bytes`);
});

/** A static host as nginx (`error_page 404 /404.html`), GitHub Pages or S3 are: the site's files
 *  under `prefix`, and for any missing URL the site's 404.html with status 404. */
function staticHost(out, prefix) {
  const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml" };
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(req.url.split("?")[0]);
    let file = path.startsWith(prefix) ? join(out, path.slice(prefix.length)) : null;
    if (file && path.endsWith("/")) file = join(file, "index.html");
    if (file && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      res.end(req.method === "HEAD" ? undefined : readFileSync(file));
    } else {
      res.writeHead(404, { "content-type": types[".html"] });
      res.end(req.method === "HEAD" ? undefined : readFileSync(join(out, "404.html")));
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("the 404 page, served by a static host at any missing URL, is styled and its links work", async () => {
  // No base_url, as a new site starts: the page finds the site's root itself.
  const out = buildSite(REPO, ["--base-url", ""]);
  // Another host that answers anything with 200, readable from any origin: a root found there
  // would load its scripts into this site.
  let evilRequests = 0;
  const evil = http.createServer((req, res) => {
    evilRequests++;
    res.writeHead(200, { "access-control-allow-origin": "*", "content-type": "text/css" });
    res.end("body{}");
  });
  await new Promise((resolve) => evil.listen(0, "127.0.0.1", resolve));
  const evilHost = `127.0.0.1:${evil.address().port}`;
  const b = await browser();
  try {
    for (const prefix of ["/", "/docs/"]) {
      const server = await staticHost(out, prefix);
      const origin = `http://127.0.0.1:${server.address().port}`;
      try {
        const page = await b.newPage();
        const loaded = new Set();
        page.on("response", (r) => { if (r.status() === 200) loaded.add(new URL(r.url()).pathname); });
        // `//host/old` (another host after the prefix's slash) must not make a root of that host.
        const deep = Array.from({ length: 15 }, (_, i) => `d${i}`).join("/") + "/old-page/";
        for (const missing of ["nope", "weilidai/old-page/", "a/b/c/d/old-page.html", `/${evilHost}/old`, deep]) {
          loaded.clear();
          const r = await page.goto(origin + prefix + missing);
          assert.equal(r.status(), 404);
          await page.waitForLoadState("load");
          const styled = await page.evaluate(() => [...document.styleSheets].some((s) => { try { return s.cssRules.length > 20; } catch { return false; } }));
          assert.ok(styled, `${prefix}${missing}: the stylesheet loaded`);
          assert.ok((await page.evaluate(() => document.baseURI)).startsWith(origin + prefix), `${prefix}${missing}: the base is this site's root`);
          const home = await page.locator(".page-header a.button").evaluate((a) => a.href);
          assert.equal(home, origin + prefix, `${prefix}${missing}: back home leads to the site's root`);
          const card = await page.locator("main a[href*='weilidai']").first().evaluate((a) => a.href);
          assert.equal((await fetch(card)).status, 200, `${prefix}${missing}: ${card} is a page`);
          // (Chromium's preloader asks for them under the missing URL first, in vain.)
          for (const file of ["style.css", "site.js", "search.js"]) {
            assert.ok(loaded.has(prefix + file), `${prefix}${missing}: ${file} loaded from the root`);
          }
        }
        await page.close();
      } finally {
        server.close();
      }
    }
    assert.equal(evilRequests, 0, "nothing was asked of the other host");
  } finally {
    evil.close();
    await b.close();
    rmSync(out, { recursive: true, force: true });
  }
});

test("the content keeps its space from the header and the footer (main.wrap lost its padding to .wrap)", async () => {
  const out = buildSite(REPO);
  const b = await browser();
  try {
    const page = await b.newPage({ viewport: { width: 390, height: 844 } });
    for (const path of [ARTICLE, "index.html"]) {
      await page.goto(pathToFileURL(join(out, path)).href);
      const gaps = await page.evaluate(() => {
        const box = (s) => document.querySelector(s).getBoundingClientRect();
        const header = box("header"), footer = box("footer");
        const last = document.querySelector("main").lastElementChild.getBoundingClientRect();
        return { first: document.querySelector("main").firstElementChild.getBoundingClientRect().top - header.bottom, bottom: footer.top - last.bottom };
      });
      assert.ok(gaps.first >= 12, `${path}: ${gaps.first}px between the header and the content`);
      assert.ok(gaps.bottom >= 24, `${path}: ${gaps.bottom}px between the content and the footer`);
    }
  } finally {
    await b.close();
    rmSync(out, { recursive: true, force: true });
  }
});

test("an old URL's redirect, opened from disk, lands on the article (not the folder's listing)", async () => {
  const b = await browser();
  try {
    await withSite((put) => {
      put("helpcenter.yaml", "title: 帮助\n");
      put("content/account/_index.md", "---\ntitle: 账户\n---\n");
      put("content/account/phone.md", "---\ntitle: 修改手机号\naliases: [help/old/change_phone.html, old/phone/]\n---\n\n步骤。\n");
    }, async (out) => {
      const page = await b.newPage();
      for (const old of ["help/old/change_phone.html", "old/phone/index.html"]) {
        await page.goto(pathToFileURL(join(out, old)).href);
        await page.waitForURL(/account\/phone\/index\.html$/, { timeout: 30000 });
        assert.equal(await page.textContent("h1"), "修改手机号", old);
      }
    });
  } finally {
    await b.close();
  }
});

test("Vue's two API styles: one shows, the reader's choice is kept, a link into the other style shows it", async () => {
  const b = await browser();
  try {
    await withSite((put) => {
      put("helpcenter.yaml", "title: 文档\n");
      put("content/computed.md", [
        "# 计算属性", "",
        '<div class="options-api">', "", "## 选项式的写法 {#options-way}", "", "写在 `computed` 选项里。", "", "</div>",
        '<div class="composition-api">', "", "## 组合式的写法 {#composition-way}", "", "调用 `computed()` 函数。", "", "</div>", "",
        '两种风格都有 <span class="options-api">this</span><span class="composition-api">ref</span>。', "",
        // Vue's own mark: a heading for one style ends with `*` (Options) or `**` (Composition).
        "## 只讲选项式 \\* {#options-only}", "", "选项式的一节。", "",
      ].join("\n"));
      put("content/plain.md", "# 普通\n\n没有两种风格。\n");
    }, async (out) => {
      const page = await b.newPage();
      const url = pathToFileURL(join(out, "computed/index.html")).href;
      await page.goto(url);
      const seen = async () => ({
        options: await page.locator("#options-way").isVisible(),
        composition: await page.locator("#composition-way").isVisible(),
        inline: await page.locator("p:has(.options-api)").innerText(),
        marked: await page.locator("#options-only").isVisible(),
        // The table of contents lists a marked heading only with its style.
        toc: await page.locator("details.toc").innerText(),
      });
      assert.deepEqual(await seen(), { options: false, composition: true, inline: "两种风格都有 ref。", marked: false,
        toc: "目录\n选项式的写法\n组合式的写法" });
      await page.getByRole("radio", { name: "选项式" }).check();
      assert.deepEqual(await seen(), { options: true, composition: false, inline: "两种风格都有 this。", marked: true,
        toc: "目录\n选项式的写法\n组合式的写法\n只讲选项式" });
      assert.equal((await page.locator("#options-only").innerText()).replace("#", "").trim(), "只讲选项式", "the mark is gone");
      await page.reload();
      assert.equal(await page.getByRole("radio", { name: "选项式" }).isChecked(), true, "the choice is kept");
      assert.equal(await page.locator("#options-way").isVisible(), true);
      // A link to a heading of the style not shown shows that style.
      await page.goto(url + "#composition-way");
      await page.locator("#composition-way").waitFor({ state: "visible", timeout: 30000 });
      assert.equal(await page.getByRole("radio", { name: "组合式" }).isChecked(), true);
      // A page without the two styles has no switch.
      await page.goto(pathToFileURL(join(out, "plain/index.html")).href);
      assert.equal(await page.locator("[data-api-switch]").count(), 0);
    });
  } finally {
    await b.close();
  }
});

test("an English page sets ’ and “ ” in a Latin font, a Chinese page its quotes in a Chinese one", async () => {
  const b = await browser();
  try {
    for (const [lang, text, wide] of [["en", "It’s “fine”.", false], ["zh-CN", "他说“好的”。", true]]) {
      await withSite((put) => {
        put("helpcenter.yaml", `title: Help\nlanguage: ${lang}\n`);
        put("content/q.md", `# Q\n\n<span id="quote-mark">${text.includes("’") ? "’" : "“"}</span>\n\n${text}\n`);
      }, async (out) => {
        const page = await b.newPage();
        await page.goto(pathToFileURL(join(out, "q/index.html")).href);
        const { quote, em } = await page.evaluate(() => ({
          quote: document.getElementById("quote-mark").getBoundingClientRect().width,
          em: parseFloat(getComputedStyle(document.getElementById("quote-mark")).fontSize),
        }));
        // Linux with Noto CJK: a Chinese font's quote is a full em wide, a Latin font's under half.
        assert.equal(quote > 0.8 * em, wide, `${lang}: the quote is ${quote}px wide at ${em}px`);
      });
    }
  } finally {
    await b.close();
  }
});

test("an added line's + sign sits apart from its code, and indentation still lines up", async () => {
  const b = await browser();
  try {
    await withSite((put) => {
      put("helpcenter.yaml", "title: 文档\n");
      put("content/diff.md", "# 代码\n\n```js\nif (a) { // [!code ++]\n  b() // [!code --]\n}\n```\n");
    }, async (out) => {
      const page = await b.newPage();
      await page.goto(pathToFileURL(join(out, "diff/index.html")).href);
      const m = await page.evaluate(() => {
        const lines = [...document.querySelectorAll(".code .line")];
        const textLeft = (line) => {
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode())) {
            const i = node.data.search(/\S/);
            if (i >= 0) {
              const r = document.createRange();
              r.setStart(node, i);
              r.setEnd(node, i + 1);
              return r.getBoundingClientRect().left;
            }
          }
          return null;
        };
        const add = lines[0];
        const after = getComputedStyle(add, "::after");
        const ctx = document.createElement("canvas").getContext("2d");
        ctx.font = `${after.fontWeight} ${after.fontSize} ${after.fontFamily}`;
        const signRight = add.getBoundingClientRect().left + parseFloat(after.left) + ctx.measureText("+").width;
        const charWidth = ctx.measureText("x").width;
        return { gap: textLeft(add) - signRight, charWidth, plain: textLeft(lines[2]), added: textLeft(add) };
      });
      assert.ok(m.gap >= m.charWidth / 2, `the sign touches the code: ${JSON.stringify(m)}`);
      assert.ok(Math.abs(m.plain - m.added) < 1, `"}" lines up with "if": ${JSON.stringify(m)}`);
    });
  } finally {
    await b.close();
  }
});

test("math: a fraction is drawn stacked, aligned equations line up at `&`, a wide formula scrolls within the column", async () => {
  const b = await browser();
  try {
    await withSite((put) => {
      put("helpcenter.yaml", "title: 数学\nmath: true\n");
      put("content/m.md", [
        "# 公式", "",
        "一半是 $\\frac{1}{2}$。", "",
        "$$", "\\begin{aligned}", "f(x) &= 1 + 2 + 3 \\\\", "g &= 4", "\\end{aligned}", "$$", "",
        "$$" + Array.from({ length: 60 }, (_, i) => `x_{${i}}`).join(" + ") + "$$", "",
      ].join("\n"));
    }, async (out) => {
      const page = await b.newPage({ viewport: { width: 375, height: 800 } });
      await page.goto(pathToFileURL(join(out, "m/index.html")).href);
      const frac = await page.evaluate(() => {
        const [num, den] = document.querySelector("mfrac").children;
        const n = num.getBoundingClientRect(), d = den.getBoundingClientRect();
        return { numBottom: n.bottom, denTop: d.top, sameColumn: Math.abs(n.left + n.width / 2 - (d.left + d.width / 2)) };
      });
      assert.ok(frac.numBottom <= frac.denTop + 1, `numerator above the denominator: ${JSON.stringify(frac)}`);
      assert.ok(frac.sameColumn < 2, `centred on each other: ${JSON.stringify(frac)}`);
      // Left of `&` ends where the other rows' does (`g` under the `)` of `f(x)`), right of
      // it starts alike.
      const rows = await page.evaluate(() =>
        [...document.querySelectorAll(".menv-alignlike mtr")].map((row) => {
          const [left, right] = row.children;
          return { leftEnds: left.lastElementChild.getBoundingClientRect().right, rightStarts: right.firstElementChild.getBoundingClientRect().left };
        }));
      assert.equal(rows.length, 2);
      assert.ok(Math.abs(rows[0].leftEnds - rows[1].leftEnds) < 1, `f(x) and g end alike: ${JSON.stringify(rows)}`);
      assert.ok(Math.abs(rows[0].rightStarts - rows[1].rightStarts) < 1, `the = signs line up: ${JSON.stringify(rows)}`);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: window.innerWidth,
        block: [...document.querySelectorAll(".math-block")].map((m) => m.scrollWidth > m.clientWidth),
      }));
      assert.ok(widths.page <= widths.view, `the page is no wider than the phone: ${JSON.stringify(widths)}`);
      assert.deepEqual(widths.block, [false, true], "only the wide formula scrolls");
    });
  } finally {
    await b.close();
  }
});

test("a table written as HTML scrolls within the column on a phone, as a Markdown one does", async () => {
  const b = await browser();
  try {
    await withSite((put) => {
      put("helpcenter.yaml", "title: 表格\n");
      const row = Array.from({ length: 8 }, (_, i) => `<td><code>site.data.members_${i}.graduation_year</code></td>`).join("");
      put("content/t.md", ["# 表格", "", "<table>", `<tr>${row}</tr>`, "</table>", "", "| a | b |", "|---|---|", "| 1 | 2 |", ""].join("\n"));
    }, async (out) => {
      const page = await b.newPage({ viewport: { width: 375, height: 800 } });
      await page.goto(pathToFileURL(join(out, "t/index.html")).href);
      const seen = await page.evaluate(() => {
        const raw = document.querySelector(".prose > table");
        return {
          page: document.documentElement.scrollWidth,
          view: window.innerWidth,
          scrolls: raw.scrollWidth > raw.clientWidth,
          right: raw.getBoundingClientRect().right,
          column: document.querySelector(".prose").getBoundingClientRect().right,
        };
      });
      assert.ok(seen.page <= seen.view, `the page is no wider than the phone: ${JSON.stringify(seen)}`);
      assert.ok(seen.scrolls, `the table scrolls: ${JSON.stringify(seen)}`);
      assert.ok(seen.right <= seen.column + 1, `and stays in its column: ${JSON.stringify(seen)}`);
    });
  } finally {
    await b.close();
  }
});
