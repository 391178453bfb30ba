// The search engine of static/search.js in node, on real build output: the tokenizer agrees
// with the Rust one, and readers' queries find the right article first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { REPO, buildSite, fileEngine, withSite } from "./lib.mjs";

test("tokenizer agrees with the Rust one on the shared cases", () => {
  fileEngine("/nonexistent"); // loads search.js
  const cases = JSON.parse(readFileSync(join(REPO, "tests", "fixtures", "tokenizer-cases.json"), "utf8"));
  for (const c of cases) assert.deepEqual(globalThis.helpcenterSearch.terms(c.text), c.terms, c.text);
  const names = JSON.parse(readFileSync(join(REPO, "tests", "fixtures", "name-cases.json"), "utf8"));
  for (const c of names) {
    const got = globalThis.helpcenterSearch.names(c.text);
    assert.deepEqual(got, c.names, c.text);
    assert.deepEqual(got.map(globalThis.helpcenterSearch.bucketKey), c.buckets, c.text);
  }
  // The shard hash is the Rust one (src/search.rs tests).
  assert.equal(globalThis.helpcenterSearch.shardHash(""), 0x811c9dc5);
  assert.equal(globalThis.helpcenterSearch.shardHash("a"), 0xe40c292c);
});

test("fixture: title matches come first, headings are deep-linked, prefixes match", async () => {
  const out = buildSite(join(REPO, "tests", "fixtures", "site"));
  try {
    const { engine } = fileEngine(out);
    let r = await engine.search("登录密码");
    assert.equal(r.results[0].title, "如何修改登录密码");
    r = await engine.search("注意事项");
    assert.equal(r.results[0].title, "如何修改登录密码");
    assert.equal(r.results[0].heading.id, "注意事项");
    r = await engine.search("fa");
    assert.match(r.results[0].title, /^Face ID/);
    r = await engine.search("FACE id");
    assert.match(r.results[0].title, /^Face ID/);
    r = await engine.search("图");
    assert.equal(r.results[0].title, "带图片的文章", "a one-character query works on titles");
    r = await engine.search("草稿");
    assert.equal(r.results.length, 0, "drafts are not indexed");
    r = await engine.search("新密码");
    assert.ok(r.results.some((x) => x.heading), "some results link a heading");
    const marked = r.results[0].snippet.filter((p) => p[1]).map((p) => p[0]).join("|");
    assert.match(marked, /新密码/, "the snippet marks the match");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("demo site: readers' queries find the right article in the top 3", async () => {
  const out = buildSite(REPO);
  try {
    const { engine } = fileEngine(out);
    const cases = [
      // Both the guide and its precautions are titled "关闭微粒贷…"; either first is right.
      ["关闭微粒贷", "关闭微粒贷借钱功能操作指南", 2],
      ["关闭微粒贷借钱", "关闭微粒贷借钱功能操作指南", 1],
      ["微粒贷 注意事项", "关闭微粒贷前的注意事项", 1],
      ["还清欠款", "关闭微粒贷前的注意事项", 3],
      ["征信报告", "如何看懂个人征信报告", 3],
      ["征信花了", "征信“花了”怎么恢复？需要多久", 3],
      ["爆通讯录", "网贷“爆通讯录”是怎么回事，如何应对", 1],
      ["数字人民币", "数字人民币钱包怎么开通和使用", 1],
      ["汇兑", "银行流水里的“汇兑”是什么意思", 3],
      ["高利贷", "借款利率怎么看，什么算高利贷", 1],
      ["找不到入口", "找不到微粒贷入口或关闭选项怎么办", 3],
    ];
    // The drop-down (results described by the shards) and the search page (fragments) alike.
    for (const page of [false, true]) {
      for (const [q, title, within] of cases) {
        const r = await engine.search(q, page ? 20 : 5, page);
        const titles = r.results.map((x) => x.title);
        assert.ok(titles.slice(0, within).includes(title), `${page ? "page" : "drop-down"}: ${q}: wanted ${title} in the top ${within}, got ${titles.slice(0, 5).join(" / ")}`);
      }
    }
    const r = await engine.search("还清全部欠款");
    const hit = r.results.find((x) => x.title === "关闭微粒贷前的注意事项");
    assert.equal(hit.heading.id, "还清全部欠款", "deep link to the heading where the match is");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("front-matter keywords find their article though the text never uses them", async () => {
  const out = buildSite(join(REPO, "tests", "fixtures", "migrate", "docusaurus"));
  try {
    const { engine } = fileEngine(out);
    for (const q of ["入门教程", "onboarding"]) {
      const r = await engine.search(q);
      assert.equal(r.results[0]?.title, "欢迎使用 Docusaurus 站点", q);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("drop-down results come with the term shards; the search page loads fragments for sub-results", async () => {
  const out = buildSite(REPO);
  try {
    const drop = fileEngine(out);
    const r = await drop.engine.search("征信", 5);
    assert.equal(r.results.length, 5);
    // A small site's cards are one file: the titles of results the shards do not describe.
    // Its shards describe a term's first three articles; the drop-down's others load their
    // fragments (a few KB each on such a site).
    const loaded = drop.stats.paths.filter((p) => !p.startsWith("t/") && p !== "d/0.js" && p !== "manifest.js");
    assert.ok(loaded.length <= 2, `at most two fragments: ${loaded}`);
    assert.deepEqual(loaded.filter((p) => !r.results.slice(3).some((x) => p === `f/${x.id}.js`)), [], "only the 4th and 5th results' fragments");
    for (const x of r.results) {
      // (A top-level section's own page, such as 征信与信用, has no section above it.)
      assert.ok(x.title && (x.section || /^[^/]+\/$/.test(x.url)), JSON.stringify(x));
      const page = join(out, decodeURIComponent(x.url), "index.html");
      assert.ok(existsSync(page), `${x.url} is a built page`);
      if (x.heading) assert.ok(readFileSync(page, "utf8").includes(`id="${x.heading.id}"`), `#${x.heading.id} is on ${x.url}`);
    }
    // A query the title holds asks for the article: its top, not one of its sections.
    for (const x of r.results) if (x.title.includes("征信")) assert.equal(x.heading, null, x.title);
    const marked = r.results[0].snippet.filter((p) => p[1]).map((p) => p[0]).join("");
    assert.match(marked, /征信/, "the snippet marks the match");
    const other = await fileEngine(out).engine.search("逾期", 5);
    const deep = other.results.filter((x) => x.heading);
    assert.ok(deep.length > 0 && deep.every((x) => !x.title.includes("逾期")), "results whose title lacks the query link the heading where it is");
    for (const x of deep) {
      const page = readFileSync(join(out, decodeURIComponent(x.url), "index.html"), "utf8");
      assert.ok(page.includes(`id="${x.heading.id}"`), `#${x.heading.id} is on ${x.url}`);
    }

    const full = fileEngine(out);
    const page = await full.engine.search("征信", 5, true);
    assert.ok(full.stats.paths.some((p) => p.startsWith("f/")), "the search page reads fragments");
    assert.deepEqual(new Set(page.results.map((x) => x.id)), new Set(r.results.map((x) => x.id)), "the same articles");
    assert.ok(page.results.some((x) => x.subs.length > 0), "with sub-results");

    // Index files are object literals: a word that names a built-in property finds nothing.
    assert.equal((await drop.engine.search("constructor")).results.length, 0);
    assert.ok((await drop.engine.search("constructor 征信")).results.length > 0);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("Latin words: described results follow the word being typed and link the heading with the whole word", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: Latin\nlanguage: en\n");
    put("content/js/_index.md", "---\ntitle: JavaScript\n---\n");
    for (let i = 1; i <= 6; i++) {
      put(`content/js/p${i}.md`, [
        "---", `title: Chapter ${i}`, "---", "",
        "Intro text about callbacks.", "",
        "## Promise.prototype.finally()", "", `Runs finally, whatever happens (${i}).`, "",
        "## Promise.all()", "", `Promise.all waits for all of them (${i}).`, "",
      ].join("\n"));
    }
  }, async (out) => {
    const { engine, stats } = fileEngine(out);
    const r = await engine.search("promise.al", 5);
    assert.equal(r.results.length, 5);
    // The first three described by the shards, the others (a small site) from their fragments.
    assert.deepEqual(stats.paths.filter((p) => p.startsWith("f/")).sort(), r.results.slice(3).map((x) => `f/${x.id}.js`).sort(), "described by the shards");
    for (const x of r.results) assert.equal(x.heading?.id, "promiseall", `${x.title}: ${JSON.stringify(x.heading)}`);
    const page = await fileEngine(out).engine.search("promise.al", 5, true);
    assert.deepEqual(page.results.map((x) => x.heading?.id), r.results.map((x) => x.heading?.id), "the page links the same headings");
    // The search page's sixth result, past what the drop-down shows, comes from its card (the
    // site's one card file), not from its fragment: a long article's is 100 KB or more.
    const ten = fileEngine(out);
    const all = await ten.engine.search("promise.al", 10);
    assert.equal(all.results.length, 6);
    assert.deepEqual(ten.stats.paths.filter((p) => p.startsWith("f/")).sort(), all.results.slice(3, 5).map((x) => `f/${x.id}.js`).sort(), "fragments of the 4th and 5th only");
    assert.ok(ten.stats.paths.includes("d/0.js"), "the card file");
    assert.match(all.results[5].title, /^Chapter \d$/);
    assert.ok(existsSync(join(out, decodeURIComponent(all.results[5].url), "index.html")), `${all.results[5].url} is a built page`);
  });
});

test("code: an API name only code uses is found, and a long listing does not outrank the prose that explains it", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: 开发者\n");
    put("content/dev/_index.md", "---\ntitle: 开发\n---\n");
    put("content/dev/retries.md", [
      "---", "title: 回调失败怎么办", "---", "",
      "回调失败时会按 retries 设置重试，retries 默认是 3 次，最多 10 次。", "",
      "```yaml", "webhook:", "  retries: 3", "```", "",
    ].join("\n"));
    const listing = Array.from({ length: 40 }, (_, i) => `  retries_${i % 2 ? "a" : "b"}: ${i} # retries`).join("\n");
    put("content/dev/config.md", [
      "---", "title: 完整配置参考", "---", "",
      "下面是完整的配置文件。", "",
      "```yaml", "config:", listing, "```", "",
      "```js", "import { defineConfig } from 'vite'", "export default defineConfig({})", "```", "",
    ].join("\n"));
  }, async (out) => {
    const { engine } = fileEngine(out);
    let r = await engine.search("defineConfig");
    assert.equal(r.results[0]?.title, "完整配置参考", "a word found only in code is found");
    r = await engine.search("retries");
    assert.deepEqual(r.results.map((x) => x.title), ["回调失败怎么办", "完整配置参考"],
      "the prose that explains it comes before the listing that repeats it");
  });
});

test("pinyin: the query side agrees with the Rust one on the shared cases", () => {
  fileEngine("/nonexistent"); // loads search.js
  const cases = JSON.parse(readFileSync(join(REPO, "tests", "fixtures", "pinyin-cases.json"), "utf8"));
  for (const c of cases) assert.deepEqual(globalThis.helpcenterSearch.pinyinTerms(c.query), c.terms, c.query);
});

test("traditional characters: the table the build writes converts as the Rust side does", async () => {
  const cases = JSON.parse(readFileSync(join(REPO, "tests", "fixtures", "t2s-cases.json"), "utf8"));
  await withSite((put) => {
    put("helpcenter.yaml", "title: 繁简\n");
    // The site says every simplified form, so the table holds every pair the cases need.
    put("content/words.md", "---\ntitle: 词语\n---\n\n" + cases.map((c) => c[1]).join("。") + "\n");
  }, async (out) => {
    const file = readFileSync(join(out, "search", "t2s.js"), "utf8");
    const pairs = Array.from(JSON.parse(file.replace(/^helpcenterSearch\.t2s\(/, "").replace(/\);\s*$/, "")));
    const map = new Map();
    for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i], pairs[i + 1]);
    for (const [traditional, simplified] of cases) {
      assert.equal(Array.from(traditional).map((c) => map.get(c) || c).join(""), simplified, traditional);
    }
  });
});

test("demo site: pinyin, initials, traditional characters, questions and synonyms find the article", async () => {
  const out = buildSite(REPO);
  try {
    const cases = [
      // [query, wanted title, within the top, reading]
      ["weilidai", "关闭微粒贷借钱功能操作指南", 3, "pinyin"],
      ["wei li dai", "关闭微粒贷借钱功能操作指南", 3, "pinyin"],
      ["wēi lì dài", "关闭微粒贷借钱功能操作指南", 3, "pinyin"],
      ["wld", "关闭微粒贷借钱功能操作指南", 3, "initials"],
      ["zhengxin baogao", "如何看懂个人征信报告", 3, "pinyin"],
      ["關閉微粒貸", "关闭微粒贷借钱功能操作指南", 2, "typed"],
      ["徵信報告", "如何看懂个人征信报告", 3, "typed"],
      ["怎么关闭微粒贷", "关闭微粒贷借钱功能操作指南", 2, "typed"],
      // 么 is simplified already: the traditional table must not read it as 幺 (nor 宁, 榜).
      ["微粒贷怎么关", "关闭微粒贷借钱功能操作指南", 1, "typed"],
      ["微粒贷 怎么关", "关闭微粒贷借钱功能操作指南", 1, "typed"],
      // Synonyms from helpcenter.yaml: 注销 → 关闭, 交易明细 → 银行流水.
      ["注销微粒贷", "关闭微粒贷借钱功能操作指南", 3, "typed"],
      ["交易明细", "如何开具和看懂银行流水", 1, "typed"],
    ];
    for (const [q, title, within, reading] of cases) {
      const r = await fileEngine(out).engine.search(q, 5);
      const titles = r.results.map((x) => x.title);
      assert.ok(titles.slice(0, within).includes(title), `${q}: wanted ${title} in the top ${within}, got ${titles.join(" / ")}`);
      assert.equal(r.results.find((x) => x.title === title).reading, reading, q);
    }
    // A question whose subject is in no article still finds something, marked as partial.
    const r = await fileEngine(out).engine.search("手机号换了怎么办", 5);
    assert.ok(r.results.length > 0 && r.partial);
    // Pinyin never outranks the words as typed: a Latin word the text uses comes first.
    const latin = await fileEngine(out).engine.search("app", 5);
    assert.ok(latin.results.length > 0 && latin.results.every((x) => x.reading === "typed"));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("typos in Latin words: the closest word of the site, and the results say so", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: 文档\n");
    put("content/computed.md", "---\ntitle: 计算属性\n---\n\n使用 computed 定义计算属性。\n");
    put("content/k8s.md", "---\ntitle: 部署\n---\n\n在 kubernetes 集群中部署。\n");
    put("content/reflect.md", "---\ntitle: Reflect\n---\n\n`Reflect.apply` 调用函数。\n");
  }, async (out) => {
    for (const [q, title, word] of [["conputed", "计算属性", "computed"], ["kuberentes", "部署", "kubernetes"],
      ["Reflct.apply", "Reflect", "reflect apply"], ["comptued", "计算属性", "computed"]]) {
      const r = await fileEngine(out).engine.search(q, 5);
      assert.equal(r.results[0]?.title, title, q);
      assert.equal(r.corrected, word, q);
    }
    // A word the site has is never "corrected", nor is a short one.
    assert.equal((await fileEngine(out).engine.search("computed", 5)).corrected, null);
    assert.equal((await fileEngine(out).engine.search("cmp", 5)).results.length, 0);
  });
});

test("an article named after the query comes before long texts that repeat it", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: 插件中心\n");
    put("content/p/_index.md", "---\ntitle: 文档\n---\n");
    put("content/p/use.md", "---\ntitle: 使用插件\n---\n\n安装后在配置里启用。\n");
    for (let i = 1; i <= 6; i++) {
      const long = Array.from({ length: 30 }, (_, k) => `第 ${k} 段提到插件和别的内容，比如构建、缓存与发布。`).join("\n\n");
      put(`content/p/news${i}.md`, `---\ntitle: 版本公告 ${i}\n---\n\n${long}\n`);
    }
  }, async (out) => {
    const { engine } = fileEngine(out);
    const r = await engine.search("插件", 5);
    assert.equal(r.results[0]?.title, "使用插件", r.results.map((x) => x.title).join(" / "));
  });
});

test("a word in most articles: every one is found, the article about it first, and it narrows a rarer word", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: 常见词\n");
    put("content/a/_index.md", "---\ntitle: 账户\n---\n");
    put("content/a/refund.md", "---\ntitle: 退款规则\n---\n\n退款多久到账？退款会原路退回。\n");
    for (let i = 0; i < 150; i++) {
      const body = i < 120 ? `第${i}号说明：如需退款请联系客服。` : `第${i}号说明：请联系客服。`;
      put(`content/a/n${i}.md`, `---\ntitle: 说明${i}\n---\n\n${body}${i % 10 === 0 ? "发票可以补开。" : ""}\n`);
    }
  }, async (out) => {
    const { engine } = fileEngine(out);
    let r = await engine.search("退款", 10);
    assert.equal(r.total, 121, "every article with the word");
    assert.equal(r.results[0].title, "退款规则", "the article about it first");
    // The word is stored as a bitset of its articles (src/search/encode.rs `postings`).
    const shards = readdirSync(join(out, "search", "t")).map((f) => readFileSync(join(out, "search", "t", f), "utf8"));
    assert.ok(shards.some((s) => s.includes('"退款":["!') || s.includes('"退款":"!')), "a bitset");
    r = await engine.search("退款 发票", 20);
    const both = r.results.filter((x) => x.complete).map((x) => x.title).sort();
    assert.deepEqual(both, Array.from({ length: 12 }, (_, k) => `说明${k * 10}`).sort(), "articles with both words");
  });
});

test("a section's own page with text (a folder's index.md) is found by its words; a title over a list is not", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: 工具文档\n");
    put("content/guide/_index.md", "---\ntitle: 开始\n---\n\n## 搭建第一个项目\n\n运行脚手架命令，按提示选择模板。\n\n## 浏览器支持\n\n默认支持现代浏览器。\n");
    put("content/guide/plugins.md", "---\ntitle: 使用插件\n---\n\n在配置里启用插件。\n");
    put("content/guide/templates.md", "---\ntitle: 模板列表\n---\n\n社区维护的模板，选择模板前先看说明。\n");
    put("content/ref/_index.md", "---\ntitle: 参考手册\n---\n");
    put("content/ref/cli.md", "---\ntitle: 命令行\n---\n\n脚手架之外的命令。\n");
  }, async (out) => {
    const { engine } = fileEngine(out);
    let r = await engine.search("搭建第一个项目", 5);
    const first = r.results[0];
    assert.equal(first?.title, "开始", r.results.map((x) => x.title).join(" / "));
    assert.equal(first.url, "guide/");
    assert.equal(first.heading?.title, "搭建第一个项目", "the heading is linked");
    assert.ok(readFileSync(join(out, "guide", "index.html"), "utf8").includes(`id="${first.heading.id}"`));
    // An article that matches as well comes before the page that introduces it.
    r = await engine.search("选择模板", 5);
    assert.deepEqual(r.results.map((x) => x.title), ["模板列表", "开始"]);
    // A section page with no text of its own is a list, not a result.
    r = await engine.search("参考手册", 5);
    assert.ok(!r.results.some((x) => x.url === "ref/"), JSON.stringify(r.results));
  });
});

test("results past the third are drawn from near-equals at hand; the drop-down's five are the page's, and 'show more' keeps them", async () => {
  // 270 articles: cards are in the shards and in five card files of 64. For "alpha bravo", five
  // articles match best (card file 0); then four that score a fifth more than ten others, each
  // alone in its card file (1–4), while the ten share file 0 with the first five. Other words
  // are each in one article, so no shard describes these articles for another word's sake.
  const spread = [70, 130, 200, 260];
  const near = [25, 26, 27, 28, 29, 30, 31, 32, 33, 34];
  const words = (i, k) => Array.from({ length: k }, (_, j) => `w${i}x${j}`).join(" ");
  const body = (i) => {
    if (i < 10) return "alpha alpha alpha alpha alpha.";
    if (i < 20) return "bravo bravo bravo bravo bravo.";
    if (i < 25) return "alpha bravo. alpha bravo.";
    if (spread.includes(i)) return `alpha bravo ${words(i, 1)}.`;
    if (near.includes(i)) return `alpha bravo ${words(i, 6)}.`;
    return `filler ${words(i, 3)}.`;
  };
  await withSite((put) => {
    put("helpcenter.yaml", "title: Cheap\nlanguage: en\n");
    for (let i = 0; i < 270; i++) {
      const n = String(i).padStart(3, "0");
      put(`content/a${n}.md`, `---\ntitle: T${n}\nweight: ${i + 1}\n---\n\n${body(i)}\n`);
    }
  }, async (out) => {
    const ids = (r) => r.results.map((x) => Number(x.title.slice(1)));
    const page = fileEngine(out);
    const r = await page.engine.search("alpha bravo", 10);
    const shown = ids(r);
    // The five best first: the fourth and fifth are near-equals too, and at hand.
    assert.deepEqual(shown.slice(0, 5).sort((a, b) => a - b), [20, 21, 22, 23, 24], "the five best first");
    assert.deepEqual(shown.slice(5).filter((i) => !near.includes(i)), [], `results 6–10 from the near-equals of card file 0: ${shown}`);
    assert.deepEqual(page.stats.paths.filter((p) => p.startsWith("d/")), ["d/0.js"], "one card file, not five");
    const drop = await fileEngine(out).engine.search("alpha bravo", 5);
    assert.deepEqual(ids(drop), shown.slice(0, 5), "the drop-down's five are the page's first five");
    // "Show more": the first ten stay where they are, and the better-scored ones left out come
    // next.
    const more = ids(await fileEngine(out).engine.search("alpha bravo", 20));
    assert.deepEqual(more.slice(0, 10), shown, "page one is kept as it was");
    assert.deepEqual(more.slice(10, 14).sort((a, b) => a - b), spread, `then the four left out: ${more}`);
  });
});

test("a result's other matching headings are other headings, each once", async () => {
  const out = buildSite(REPO);
  try {
    for (const q of ["怎么关闭微粒贷", "关闭微粒贷", "征信 逾期"]) {
      const r = await fileEngine(out).engine.search(q, 10);
      for (const x of r.results) {
        const fromPage = x.subs.length ? x.subs : await r.subresults(x.id, x.heading?.id ?? "");
        const ids = fromPage.map((s) => s.id);
        assert.equal(new Set(ids).size, ids.length, `${q} → ${x.title}: ${ids}`);
        if (x.heading) assert.ok(!ids.includes(x.heading.id), `${q} → ${x.title}: its own heading listed again`);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("a heading whose id is a name objects have (constructor) is listed among the other headings", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: Ids\nlanguage: en\n");
    put("content/classes.md", [
      "---", "title: Classes", "---", "",
      "Intro about widgets.", "",
      "## Fields", "", "Fields hold widget state.", "",
      "## constructor", "", "The constructor makes a widget.", "",
      "## toString", "", "toString describes a widget.", "",
    ].join("\n"));
  }, async (out) => {
    const r = await fileEngine(out).engine.search("widget", 10);
    const x = r.results[0];
    const subs = x.subs.length ? x.subs : await r.subresults(x.id, x.heading?.id ?? "");
    const all = [x.heading?.id, ...subs.map((s) => s.id)];
    assert.ok(all.includes("constructor"), `constructor among ${JSON.stringify(all)}`);
  });
});

// A reference page that defines hundreds of names under headings is long, so BM25 ranked it
// below every short page that mentions one of them (TiDB's 系统变量 for tidb_gc_life_time was
// 18th). Small sites (fragments) and large ones (shards with cards) take different paths.
for (const [kind, others] of [["a small site", 12], ["a large site", 140]]) {
  test(`names: the page whose heading is the name comes first, at that heading (${kind})`, async () => {
    await withSite((put) => {
      put("helpcenter.yaml", "title: 数据库\n");
      put("content/ref/_index.md", "---\ntitle: 参考\n---\n");
      const vars = ["tidb_gc_life_time", "tidb_gc_run_interval", "tidb_mem_quota_query", "tidb_txn_mode"];
      const body = [];
      for (let i = 0; i < 60; i++) {
        const name = i < vars.length ? vars[i] : `tidb_opt_factor_${i}`;
        body.push(`### \`${name}\` 从 v5.0 版本开始引入`, "", "- 作用域：GLOBAL", "- 默认值：`10m0s`",
          "- 这个变量用于设置 TiDB 的时间、内存和事务相关的行为，调整前请阅读相关文档。".repeat(3), "");
      }
      put("content/ref/system-variables.md", ["---", "title: 系统变量", "---", "", ...body].join("\n"));
      put("content/guide/_index.md", "---\ntitle: 指南\n---\n");
      for (let i = 0; i < others; i++) {
        put(`content/guide/p${i}.md`, ["---", `title: 时间与内存 ${i}`, "---", "",
          `设置 \`tidb_gc_life_time\` 可以延长时间，life time 和 gc 的关系见下文（${i}）。`, "",
          "## 注意事项", "", "tidb 的 gc 时间过长会占用内存。", ""].join("\n"));
      }
    }, async (out) => {
      const drop = await fileEngine(out).engine.search("tidb_gc_life_time", 5);
      assert.equal(drop.results[0]?.title, "系统变量", drop.results.map((r) => r.title).join(" / "));
      assert.equal(drop.results[0].heading?.id, "tidb_gc_life_time-从-v50-版本开始引入");
      // Typed so far, the name completes to the variable's heading too.
      const typing = await fileEngine(out).engine.search("tidb_mem_quo", 5);
      assert.equal(typing.results[0]?.title, "系统变量");
      assert.equal(typing.results[0].heading?.id, "tidb_mem_quota_query-从-v50-版本开始引入");
      // The search page's first five are the drop-down's, in the same order.
      const page = await fileEngine(out).engine.search("tidb_gc_life_time", 10);
      assert.deepEqual(page.results.slice(0, 5).map((r) => r.id), drop.results.map((r) => r.id));
      // Its words alone still find the pages that spell it otherwise.
      const words = await fileEngine(out).engine.search("life time", 10);
      assert.ok(words.results.some((r) => /^时间与内存/.test(r.title)));
    });
  });
}

test("a short word is the word, not its rarer completions; a query the title holds links the top", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: 迁移\n");
    put("content/dm/_index.md", "---\ntitle: 工具\n---\n");
    put("content/dm/overview.md", "---\ntitle: DM 简介\n---\n\nDM 是数据迁移工具。DM 支持全量和增量迁移。\n\n## 关闭 DM 任务\n\n用 DM 的命令停止任务。\n");
    for (let i = 0; i < 6; i++) {
      put(`content/dm/ctl${i}.md`, `---\ntitle: 命令 ${i}\n---\n\n用 dmctl 管理任务（${i}）。\n`);
    }
    put("content/dm/control.md", "---\ntitle: 资源管控\n---\n\n资源管控限制用量。\n\n## 关闭资源管控特性\n\n关闭资源管控后不再限制。\n");
  }, async (out) => {
    const { engine } = fileEngine(out);
    const r = await engine.search("dm", 5);
    assert.equal(r.results[0]?.title, "DM 简介", r.results.map((x) => x.title).join(" / "));
    assert.ok(r.results.some((x) => /^命令/.test(x.title)), "completions are still found");
    const c = await engine.search("资源管控", 5);
    assert.equal(c.results[0]?.title, "资源管控");
    assert.equal(c.results[0].heading, null, "the top of the article, not 关闭资源管控特性");
    assert.ok(c.results[0].snippet.some((p) => p[1]), "the snippet still marks the match");
  });
});

test("a corrected word is marked in snippets, and a pasted paragraph loads a bounded number of files", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: JS\nlanguage: en\n");
    put("content/js/promise.md", "---\ntitle: Promises\n---\n\nA Promise settles once; race them with care.\n");
    put("content/js/other.md", "---\ntitle: Other\n---\n\nNothing about that here.\n");
  }, async (out) => {
    const r = await fileEngine(out).engine.search("Promsie", 5);
    assert.equal(r.corrected, "promise");
    const marked = r.results[0].snippet.filter((p) => p[1]).map((p) => p[0].toLowerCase());
    assert.ok(marked.includes("promise"), JSON.stringify(r.results[0].snippet));
    const paste = Array.from({ length: 300 }, (_, i) => `word${i}`).join(" ");
    const { engine, stats } = fileEngine(out);
    await engine.search(paste, 5);
    assert.ok(stats.requests <= 30, `${stats.requests} files for a 300-word query`);
  });
});

test("a Latin word the site has is not also read as pinyin initials", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: 支付\n");
    put("content/pay/qr.md", "---\ntitle: 扫码付款\n---\n\n打开 QR 码付款页面。\n");
    put("content/pay/close.md", "---\ntitle: 注销账户\n---\n\n## 注销前请确认\n\n确认余额为零。\n");
    put("content/pay/wld.md", "---\ntitle: 微粒贷\n---\n\n借钱。\n");
  }, async (out) => {
    const r = await fileEngine(out).engine.search("QR", 5);
    assert.deepEqual(r.results.map((x) => x.title), ["扫码付款"], "确认 is q-r, but QR is a word here");
    const w = await fileEngine(out).engine.search("wld", 5);
    assert.equal(w.results[0]?.title, "微粒贷", "initials still work for what is no word");
  });
});

test("C# and C++ keep their marks when a query drops what surrounds it", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: SDK\n");
    put("content/sdk/c.md", "---\ntitle: C SDK 使用指南\n---\n\n安装 C SDK。\n");
    put("content/sdk/csharp.md", "---\ntitle: C# SDK 使用指南\n---\n\n安装 C# SDK。\n");
    put("content/sdk/cpp.md", "---\ntitle: C++ SDK 使用指南\n---\n\n安装 C++ SDK。\n");
  }, async (out) => {
    for (const [q, first] of [["C#", "C# SDK 使用指南"], ["C++", "C++ SDK 使用指南"], ["「C SDK」", "C SDK 使用指南"]]) {
      const r = await fileEngine(out).engine.search(q, 5);
      assert.equal(r.results[0]?.title, first, `${q}: ${r.results.map((x) => x.title).join(" / ")}`);
    }
  });
});

test("of sections holding the query's words, the one whose heading names more of them is linked", async () => {
  await withSite((put) => {
    put("helpcenter.yaml", "title: 账户\n");
    put("content/a/real-name.md", [
      "---", "title: 实名认证指南", "---", "", "使用付款功能前必须完成实名认证。", "",
      "## 认证步骤", "", "1. 进入实名认证：打开 App，点击“我的 → 实名认证”。", "2. 上传身份证。", "",
      "## 认证失败的常见原因", "", "- 照片模糊、反光", "- 身份证已过期", "",
    ].join("\n"));
  }, async (out) => {
    for (const limit of [5, 10]) {
      const r = await fileEngine(out).engine.search("实名认证失败怎么办", limit);
      assert.equal(r.results[0]?.heading?.id, "认证失败的常见原因", JSON.stringify(r.results[0]?.heading));
    }
  });
});

test("English snippets never cut a word in two, from the index or from a page's text", async () => {
  // The index's windows were 16 characters: `…the file, e.g. relev…` led the results, while
  // results further down showed ninety characters cut as `…stant loading`.
  const words = "the renderer writes output for every chapter and more words follow here to make a long paragraph about it";
  await withSite((put) => {
    put("helpcenter.yaml", "title: Docs\nlanguage: en\n");
    put("content/_index.md", "---\ntitle: Home\n---\n");
    put("content/guide/_index.md", "---\ntitle: Guide\n---\n");
    for (let i = 1; i <= 30; i++) {
      put(`content/guide/t${i}.md`,
        `---\ntitle: Topic ${i}\n---\n\nThis topic number ${i} explains how a file is handled when ${words}.\n\n## Part\n\nAnother paragraph of words explains that relevant parts of a file are kept when ${words}.\n`);
    }
  }, async (out) => {
    const { engine } = fileEngine(out);
    const r = await engine.search("file");
    assert.ok(r.results.length >= 10, `${r.results.length} results`);
    const source = `This topic number 0 explains how a file is handled when ${words}. Another paragraph of words explains that relevant parts of a file are kept when ${words}.`;
    const cut = [];
    for (const s of r.results.flatMap((x) => [x.snippet, ...x.subs.map((y) => y.snippet)])) {
      const text = s.map((p) => p[0]).join("").replace(/This topic number \d+/, "This topic number 0");
      const inner = text.replace(/^…/, "").replace(/…$/, "");
      assert.ok(inner.length >= 30, `a snippet of some length: ${text}`);
      const at = source.indexOf(inner);
      if (at < 0) continue; // a heading's own text
      const before = source[at - 1] || " ", after = source[at + inner.length] || " ";
      if (/\w/.test(before) && /\w/.test(inner[0])) cut.push(text);
      if (/\w/.test(after) && /\w/.test(inner[inner.length - 1])) cut.push(text);
    }
    assert.deepEqual(cut, [], "snippets cut mid-word");
  });
});
