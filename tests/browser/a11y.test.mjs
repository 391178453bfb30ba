// Accessibility and layout of every page kind of the default theme, in headless Chromium:
// zero axe-core violations (WCAG 2.0/2.1/2.2 A and AA) at desktop and phone width, in light and
// dark mode, and no sideways scrolling on a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO, browser, buildSite } from "./lib.mjs";

const AXE = readFileSync(join(REPO, "tests", "browser", "node_modules", "axe-core", "axe.min.js"), "utf8");
const PAGES = [
  ["home", "index.html"],
  ["section", "weilidai/index.html"],
  ["article", "weilidai/close-weilidai/index.html"],
  ["article with table", "weilidai/close-precautions/index.html"],
  ["search", "search/index.html?q=" + encodeURIComponent("征信")],
  ["search, no results", "search/index.html?q=" + encodeURIComponent("龘靐齉爩")],
  ["tags", "tags/index.html"],
  ["tag", "tags/微粒贷/index.html"],
  ["related index", "related/index.html"],
  ["404", "404.html"],
];
// A code-heavy article: every token colour, marked, added and removed lines, tabs.
const CODE_PAGES = [["code article", "dev/api/index.html"]];

test("axe: zero violations on every page kind, desktop and phone, light and dark", async () => {
  // No base_url: the 404 page then links relatively and loads its stylesheet from disk too.
  const out = buildSite(REPO, ["--base-url", ""]);
  const code = buildSite(join(REPO, "tests", "fixtures", "code"));
  const b = await browser();
  const problems = [];
  try {
    for (const scheme of ["light", "dark"]) {
      for (const width of [1280, 375]) {
        const page = await b.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
        for (const [kind, rel, root] of [...PAGES, ...CODE_PAGES.map(([k, r]) => [k, r, code])]) {
          const [path, query] = rel.split("?");
          await page.goto(pathToFileURL(join(root || out, path)).href + (query ? "?" + query : ""));
          if (kind.startsWith("search")) await page.locator("#search-status:not(:empty)").waitFor({ timeout: 30000 });
          await page.addScriptTag({ content: AXE });
          const result = await page.evaluate(async () => await axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
          }));
          for (const v of result.violations) {
            problems.push(`${kind} @${width}px ${scheme}: ${v.id} (${v.impact}) ${v.help}\n    ` +
              v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " — " + (n.failureSummary || "").split("\n")[1]).join("\n    "));
          }
          if (width === 375) {
            const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            if (over > 0) problems.push(`${kind} @375px ${scheme}: scrolls sideways by ${over}px`);
          }
        }
        await page.close();
      }
    }
  } finally {
    await b.close();
    rmSync(out, { recursive: true, force: true });
    rmSync(code, { recursive: true, force: true });
  }
  assert.deepEqual(problems, [], problems.join("\n"));
});
