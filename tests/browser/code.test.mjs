// Code blocks as a reader uses them, in headless Chromium: the copy button (mouse and keyboard,
// from disk and over HTTP, what lands on the clipboard, what a screen reader hears) and tabs
// (code groups and Docusaurus tabs: arrow keys, Home/End, links into a hidden tab, no script).
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO, browser, buildSite, serve } from "./lib.mjs";

const FIXTURE = join(REPO, "tests", "fixtures", "code");
const ARTICLE = "dev/api/index.html";

/** What the page's clipboard holds: pasted into a fresh textarea, as a reader would. */
async function pasted(page) {
  await page.evaluate(() => {
    const t = document.createElement("textarea");
    t.id = "paste-here";
    document.body.appendChild(t);
    t.focus();
  });
  await page.keyboard.press("Control+V");
  const text = await page.locator("#paste-here").inputValue();
  await page.evaluate(() => document.getElementById("paste-here").remove());
  return text;
}

/** The copy button of the code block holding `text`. */
function copyButton(page, text) {
  return block(page, text).getByRole("button", { name: "复制代码" });
}

/** The (last) code block holding `text`. */
function block(page, text) {
  return page.locator(".code", { has: page.locator("pre", { hasText: text }) }).last();
}

/** Once the block's button says it copied (the clipboard is written asynchronously), pastes. */
async function copied(page, text) {
  await block(page, text).getByRole("button", { name: "已复制" }).waitFor();
  return pasted(page);
}

for (const where of ["disk", "http"]) {
  test(`copy button from ${where}: copies the code as typed, says so to screen readers, works by keyboard`, async () => {
    const out = where === "disk" ? buildSite(FIXTURE) : null;
    const server = where === "http" ? await serve(FIXTURE) : null;
    const b = await browser();
    try {
      const context = await b.newContext();
      if (server) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
      const page = await context.newPage();
      await page.goto(server ? server.url + "dev/api/" : pathToFileURL(join(out, ARTICLE)).href);

      // Numbered lines: the numbers are not copied.
      await copyButton(page, "import hashlib").click();
      const python = await copied(page, "import hashlib");
      assert.ok(python.startsWith("import hashlib\nimport hmac\n"), JSON.stringify(python));
      assert.doesNotMatch(python, /^\s*\d/m, "no line numbers");
      await page.getByRole("status").filter({ hasText: "已复制" }).waitFor();

      // A line `[!code --]` removes is not copied, the added one is, and no marker comes along.
      const notation = copyButton(page, "timeout: 30");
      await notation.focus();
      await page.keyboard.press("Enter");
      const js = await copied(page, "timeout: 30");
      assert.equal(js, "export default {\n  retries: 5,\n  timeout: 30,\n}\n");

      // A diff block is copied as the diff it is.
      await copyButton(page, "url: http:").click();
      const diff = await copied(page, "url: http:");
      assert.match(diff, /^-  url: http:/m);
      assert.match(diff, /^\+  url: https:/m);
    } finally {
      await b.close();
      server?.stop();
      if (out) rmSync(out, { recursive: true, force: true });
    }
  });
}

test("tabs: a tab list with the first selected, arrow keys and Home/End, a link into a hidden tab shows it", async () => {
  const out = buildSite(FIXTURE);
  const b = await browser();
  try {
    const page = await b.newPage();
    await page.goto(pathToFileURL(join(out, ARTICLE)).href);
    const group = page.getByRole("tablist").first();
    const tabs = group.getByRole("tab");
    assert.deepEqual(await tabs.allTextContents(), ["npm", "pnpm", "yarn"]);
    assert.equal(await tabs.nth(0).getAttribute("aria-selected"), "true");
    const visible = async () => (await page.locator(".tabs").first().locator("[role=tabpanel]:visible pre").allTextContents()).join("|");
    assert.equal(await visible(), "npm install @example/pay-sdk\n");

    await tabs.nth(0).focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "pnpm", "focus follows");
    assert.equal(await tabs.nth(1).getAttribute("aria-selected"), "true");
    assert.equal(await visible(), "pnpm add @example/pay-sdk\n");
    await page.keyboard.press("End");
    assert.equal(await visible(), "yarn add @example/pay-sdk\n");
    await page.keyboard.press("ArrowRight");
    assert.equal(await visible(), "npm install @example/pay-sdk\n", "wraps around");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await visible(), "yarn add @example/pay-sdk\n");
    await page.keyboard.press("Home");
    assert.equal(await visible(), "npm install @example/pay-sdk\n");
    // Only the selected tab is in the Tab order; the panel follows it.
    assert.deepEqual(await tabs.evaluateAll((ts) => ts.map((t) => t.tabIndex)), [0, -1, -1]);
    await tabs.nth(2).click();
    assert.equal(await visible(), "yarn add @example/pay-sdk\n");

    // Docusaurus tabs are the same component.
    const other = page.getByRole("tablist").nth(1);
    assert.deepEqual(await other.getByRole("tab").allTextContents(), ["Go", "Java"]);
    assert.equal(await page.locator("pre", { hasText: "public class Balance" }).isVisible(), false);
    await other.getByRole("tab", { name: "Java" }).click();
    assert.equal(await page.locator("pre", { hasText: "public class Balance" }).isVisible(), true);

    // A link to a heading inside a hidden tab selects that tab.
    await other.getByRole("tab", { name: "Go" }).click();
    await page.goto(pathToFileURL(join(out, ARTICLE)).href + "#java-version");
    await page.locator("#java-version").waitFor({ state: "visible" });
    assert.equal(await page.getByRole("tablist").nth(1).getByRole("tab", { name: "Java" }).getAttribute("aria-selected"), "true");
  } finally {
    await b.close();
    rmSync(out, { recursive: true, force: true });
  }
});

test("without script every tab shows under its title, and the code is all there", async () => {
  const out = buildSite(FIXTURE);
  const b = await browser();
  try {
    const page = await (await b.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(pathToFileURL(join(out, ARTICLE)).href);
    assert.equal(await page.getByRole("tablist").count(), 0);
    for (const title of ["npm", "pnpm", "yarn", "Go", "Java"]) {
      assert.equal(await page.locator(".tab-title", { hasText: new RegExp(`^${title}$`) }).isVisible(), true, title);
    }
    for (const code of ["npm install", "pnpm add", "yarn add", "fmt.Println", "public class Balance"]) {
      assert.equal(await page.locator("pre", { hasText: code }).isVisible(), true, code);
    }
    assert.equal(await page.locator(".copy-code").count(), 0, "no button that could not work");
  } finally {
    await b.close();
    rmSync(out, { recursive: true, force: true });
  }
});
