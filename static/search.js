// helpcenter search: the client of the index written by `helpcenter build` (src/search.rs).
// Plain script, no framework, no network but the site's own files: index files are scripts that
// register themselves, so search works from file:// and under any sub-path. Everything shown is
// inserted as text, never as HTML.
(function (global) {
  "use strict";

  // ---- Tokenizer: the same algorithm as src/tokenize.rs (tested on shared cases). ----
  function isCjk(cp) {
    return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0x20000 && cp <= 0x2ffff) || (cp >= 0x3040 && cp <= 0x309f) || (cp >= 0x30a0 && cp <= 0x30ff) ||
      (cp >= 0xac00 && cp <= 0xd7af) || cp === 0x3005 || cp === 0x3007;
  }
  function fold(ch) {
    var cp = ch.codePointAt(0);
    if (cp >= 0xff01 && cp <= 0xff5e) ch = String.fromCodePoint(cp - 0xfee0);
    else if (cp === 0x3000) ch = " ";
    var lower = ch.toLowerCase();
    return String.fromCodePoint(lower.codePointAt(0));
  }
  var WORD = /^[\p{Alphabetic}\p{N}]$/u;
  function isWordChar(ch) { return !isCjk(ch.codePointAt(0)) && WORD.test(ch); }
  function foldText(text) { return Array.from(text, fold); }

  function eachTerm(text, f) {
    var word = "", prev = null, run = 0;
    foldText(text).forEach(function (c) {
      if (isCjk(c.codePointAt(0))) {
        if (word) { f(word); word = ""; }
        if (prev !== null) f(prev + c);
        prev = c; run++;
      } else {
        if (run === 1) f(prev);
        prev = null; run = 0;
        if (isWordChar(c)) word += c;
        else if (word) { f(word); word = ""; }
      }
    });
    if (run === 1) f(prev);
    if (word) f(word);
  }
  function terms(text) { var out = []; eachTerm(text, function (t) { out.push(t); }); return out; }

  // The terms a query looks up. A Chinese run is covered by non-overlapping bigrams (and the last
  // one for an odd length): every article containing the text contains each of them, so recall
  // is kept, while a query reads about half as many index shards. Exact phrases are ranked first
  // afterwards, on the fragments.
  function queryTerms(text) {
    var out = [], word = "", run = [];
    var flushRun = function () {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i += 2) out.push(run[i] + run[i + 1]);
      if (run.length > 2 && run.length % 2 === 1) out.push(run[run.length - 2] + run[run.length - 1]);
      run = [];
    };
    foldText(text).forEach(function (c) {
      if (isCjk(c.codePointAt(0))) { if (word) { out.push(word); word = ""; } run.push(c); }
      else { flushRun(); if (isWordChar(c)) word += c; else if (word) { out.push(word); word = ""; } }
    });
    flushRun();
    if (word) out.push(word);
    return out;
  }

  // ---- Index access. ----
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function bucketKey(term) {
    var first = term.codePointAt(0);
    if (isCjk(first)) return term;
    return Array.from(term).slice(0, 2).join("");
  }
  function shardHash(key) {
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }
  // A term's value is its postings, or [postings, ...described documents] (see `hot` below).
  function decode(v) {
    var s = typeof v === "string" ? v : v[0];
    var out = new Map(), doc = 0, i = 0, first = true;
    while (i < s.length) {
      var n = 0, shift = 0, d;
      do { d = DIGITS.indexOf(s[i++]); n += (d & 31) * Math.pow(2, shift); shift += 5; } while (d >= 32);
      doc = first ? n : doc + n; first = false;
      out.set(doc, DIGITS.indexOf(s[i++]));
    }
    return out;
  }

  // Index files call these as they load; each resolves whatever is waiting for it.
  var waiting = {};
  function arrive(key, data) { var w = waiting[key]; if (w) { delete waiting[key]; w(data); } }

  /** A search engine over one site; `load(path)` fetches a file of search/ and resolves when run. */
  function createEngine(load, options) {
    var cache = {};
    var shardCount = options && options.shards;
    function get(key, path) {
      if (!cache[key]) {
        cache[key] = new Promise(function (resolve, reject) {
          waiting[key] = resolve;
          load(path).then(function () {
            if (waiting[key]) { delete waiting[key]; reject(new Error("search: " + path + " did not register")); }
          }, function (e) { delete waiting[key]; delete cache[key]; reject(e); });
        });
      }
      return cache[key];
    }
    // The page says how many shards there are; only tools without a page read the manifest.
    var manifest = function () { return shardCount ? Promise.resolve({ shards: shardCount }) : get("m", "manifest.js"); };
    var shard = function (k) { return get("t" + k, "t/" + k + ".js"); };
    var fragment = function (id) { return get("f" + id, "f/" + id + ".js"); };

    async function search(query, limit, withFragments) {
      limit = limit || 10;
      var m = await manifest();
      var q = query.trim();
      var list = queryTerms(q);
      if (!list.length) return { results: [], total: 0, partial: false, terms: [], ids: [] };
      var chars = Array.from(q);
      var lastChar = chars[chars.length - 1];
      var prefix = isWordChar(fold(lastChar)) ? list[list.length - 1] : null;
      var unique = Array.from(new Set(list));
      var shards = {};
      unique.forEach(function (t) { shards[shardHash(bucketKey(t)) % m.shards] = true; });
      var loaded = {};
      await Promise.all(Object.keys(shards).map(function (k) {
        return shard(k).then(function (data) { loaded[k] = data; });
      }));
      // Shards describe each term's best documents (heading and a window of text around the
      // term), so most results are shown without loading their fragments.
      var hot = new Map();
      var describeFrom = function (data, key) {
        var v = data[key];
        if (typeof v === "string") return;
        for (var i = 1; i < v.length; i++) {
          var e = v[i], card = data[""][e[0]];
          var f = hot.get(e[0]);
          if (!f) { f = { t: card[0], u: card[1], s: card[2], d: "", b: [] }; hot.set(e[0], f); }
          if (!f.b.some(function (b) { return b[0] === e[1] && b[2] === e[3]; })) f.b.push([e[1], e[2], e[3]]);
        }
      };
      var postings = unique.map(function (t) {
        var data = loaded[shardHash(bucketKey(t)) % m.shards];
        if (t !== prefix) {
          // Shards are object literals: "constructor" must not find Object.prototype's.
          if (!Object.prototype.hasOwnProperty.call(data, t)) return new Map();
          describeFrom(data, t);
          return decode(data[t]);
        }
        var merged = new Map();
        Object.keys(data).forEach(function (key) {
          if (!key || key.lastIndexOf(t, 0) !== 0) return;
          describeFrom(data, key);
          decode(data[key]).forEach(function (s, doc) {
            // A completion counts a little less than the exact word.
            var v = key === t ? s : s * 0.8;
            if (!(merged.get(doc) >= v)) merged.set(doc, v);
          });
        });
        return merged;
      });
      // Articles with every term first; then, so a reader's wording need not match the text's
      // exactly, articles with at least half of them.
      var scores = new Map(), hits = new Map();
      postings.forEach(function (p) {
        p.forEach(function (s, doc) {
          scores.set(doc, (scores.get(doc) || 0) + s);
          hits.set(doc, (hits.get(doc) || 0) + 1);
        });
      });
      var need = Math.ceil(postings.length / 2);
      var full = 0;
      var ranked = Array.from(scores).filter(function (e) {
        var h = hits.get(e[0]);
        if (h === postings.length) full++;
        return h >= need;
      }).sort(function (a, b) {
        return hits.get(b[0]) - hits.get(a[0]) || b[1] - a[1] || a[0] - b[0];
      });
      var partial = full === 0 && ranked.length > 0;
      var top = ranked.slice(0, limit);
      var phrase = foldText(q).join("").replace(/\s+/g, " ");
      // A description serves when it can rank the result as its fragment would: one term, the
      // whole phrase seen in it, or an article without every term (so without the phrase). The
      // search page shows every heading that matches, which needs the fragments.
      var described = function (id) {
        var f = hot.get(id);
        if (withFragments || !f) return null;
        if (unique.length === 1 || hits.get(id) < postings.length) return f;
        var seen = function (s) { return foldText(s).join("").indexOf(phrase) >= 0; };
        return seen(f.t) || f.b.some(function (b) { return seen(b[1]) || seen(b[2]); }) ? f : null;
      };
      var frags = await Promise.all(top.map(function (r) { return described(r[0]) || fragment(r[0]); }));
      var results = top.map(function (r, i) {
        var d = describe(r[0], r[1], frags[i], phrase, unique, prefix);
        d.complete = hits.get(r[0]) === postings.length;
        return d;
      });
      results.sort(function (a, b) { return (b.complete - a.complete) || b.score - a.score || a.id - b.id; });
      return {
        results: results, total: full || ranked.length, partial: partial, terms: unique,
        // Every matching document in rank order (ids), for measuring recall.
        ids: ranked.map(function (r) { return r[0]; }),
      };
    }
    return { search: search, manifest: manifest };
  }

  // Phrase matches outrank scattered terms: in the title most, then a heading, then the text.
  function describe(id, score, f, phrase, qterms, prefix) {
    var title = foldText(f.t).join("");
    var bonus = 0;
    if (phrase.length > 1 && title.indexOf(phrase) >= 0) bonus += 40;
    var best = null, bestScore = -1, others = [];
    f.b.forEach(function (b, i) {
      var heading = foldText(b[1]).join(""), text = foldText(b[2]).join("");
      var s = 0;
      if (phrase.length > 1 && heading.indexOf(phrase) >= 0) s += 20;
      if (phrase.length > 1 && text.indexOf(phrase) >= 0) s += 10;
      qterms.forEach(function (t) { if (has(heading, t, t === prefix)) s += 2; if (has(text, t, t === prefix)) s += 1; });
      if (s > bestScore) { bestScore = s; best = i; }
      if (s > 0 && b[0]) others.push({ index: i, score: s });
    });
    bonus += Math.max(0, bestScore);
    var block = best === null ? null : f.b[best];
    var subs = others.filter(function (o) { return o.index !== best; })
      .sort(function (a, b) { return b.score - a.score || a.index - b.index; }).slice(0, 2)
      .map(function (o) { var b = f.b[o.index]; return { id: b[0], title: b[1], snippet: snippet(b[2], phrase, qterms) }; });
    return {
      id: id,
      score: score + bonus,
      title: f.t,
      url: f.u,
      section: f.s || "",
      heading: block && block[0] ? { id: block[0], title: block[1] } : null,
      snippet: snippet(block ? (block[2] || block[1]) : f.d, phrase, qterms, f.d),
      subs: subs,
    };
  }

  // Whether folded text has a term: a Latin word only as a whole word ("all" is not in
  // "finally"), as src/search.rs finds it, or as a word's start for the word being typed.
  function has(text, t, asPrefix) {
    if (isCjk(t.codePointAt(0))) return text.indexOf(t) >= 0;
    for (var i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) {
      var before = i > 0 ? Array.from(text.slice(Math.max(0, i - 2), i)).pop() : "";
      var after = Array.from(text.slice(i + t.length, i + t.length + 2))[0] || "";
      if (!(before && isWordChar(before)) && (asPrefix || !(after && isWordChar(after)))) return true;
    }
    return false;
  }

  // A window of the text around the first match, as [text, marked] pieces.
  function snippet(text, phrase, qterms, fallback) {
    var chars = Array.from(text || fallback || "");
    var folded = chars.map(fold).join("");
    var foldedChars = Array.from(folded);
    var needles = [phrase].concat(qterms).filter(function (n) { return n && n.trim(); })
      .sort(function (a, b) { return b.length - a.length; });
    var marks = new Array(chars.length).fill(false), first = -1;
    needles.forEach(function (n) {
      var nChars = Array.from(n).length, from = 0, idx;
      while ((idx = indexOfChars(foldedChars, Array.from(n), from)) >= 0) {
        for (var k = idx; k < idx + nChars; k++) marks[k] = true;
        if (first < 0 || idx < first) first = idx;
        from = idx + nChars;
      }
    });
    var WIDTH = 90;
    var start = Math.max(0, (first < 0 ? 0 : first) - 20);
    var end = Math.min(chars.length, start + WIDTH);
    var pieces = [];
    if (start > 0) pieces.push(["…", false]);
    for (var i = start; i < end; i++) {
      var last = pieces[pieces.length - 1];
      if (last && last[1] === marks[i] && last[0] !== "…") last[0] += chars[i];
      else pieces.push([chars[i], marks[i]]);
    }
    if (end < chars.length) pieces.push(["…", false]);
    return pieces;
  }
  function indexOfChars(hay, needle, from) {
    outer: for (var i = from; i <= hay.length - needle.length; i++) {
      for (var j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  var api = global.helpcenterSearch = global.helpcenterSearch || {};
  api.manifest = function (data) { arrive("m", data); };
  api.shard = function (k, data) { arrive("t" + k, data); };
  api.fragment = function (id, data) { arrive("f" + id, data); };
  api.createEngine = createEngine;
  api.terms = terms;
  api.queryTerms = queryTerms;
  api.bucketKey = bucketKey;
  api.shardHash = shardHash;

  if (typeof document === "undefined") return;

  // ---- The UI. ----
  var script = document.currentScript;
  var siteRoot = new URL(".", script.src);
  var base = new URL("search/", siteRoot);
  var zh = (document.documentElement.lang || "").toLowerCase().indexOf("zh") === 0;
  var T = zh ? {
    results: function (n) { return "找到 " + n + " 篇文章"; }, none: "没有找到相关文章",
    hint: "试试更短或不同的关键词，例如只输入产品名称或操作名称。", partial: "没有同时包含全部关键词的文章，以下是部分匹配的结果。",
    all: "查看全部结果", failed: "搜索暂时无法使用，请稍后重试。",
  } : {
    results: function (n) { return n + (n === 1 ? " article found" : " articles found"); }, none: "No articles found",
    hint: "Try fewer or different words, such as just the product or the action.", partial: "No article has all the words; these match some of them.",
    all: "See all results", failed: "Search is not available right now. Please try again later.",
  };
  var engine = createEngine(function (path) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = new URL(path, base).href;
      s.async = true;
      s.onload = function () { s.remove(); resolve(); };
      s.onerror = function () { s.remove(); reject(new Error("cannot load " + path)); };
      document.head.appendChild(s);
    });
  }, { shards: Number(script.getAttribute("data-search-shards")) || 0 });

  // The page's engine, for tests and the benchmark (bench/search.mjs).
  api.engine = engine;

  function href(url, hash) {
    var u = new URL(url, siteRoot);
    if (u.protocol === "file:" && u.pathname.slice(-1) === "/") u.pathname += "index.html";
    if (hash) u.hash = hash;
    return u.href;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function snippetEl(pieces) {
    var p = el("p", "search-snippet");
    pieces.forEach(function (piece) { p.appendChild(piece[1] ? el("mark", "", piece[0]) : document.createTextNode(piece[0])); });
    return p;
  }
  function resultEl(r, withSubs) {
    var li = el("li", "search-result");
    li.setAttribute("data-search-result", "");
    var a = el("a", "search-result-link");
    a.href = href(r.url, r.heading && r.heading.id);
    a.appendChild(el("span", "search-result-title", r.title));
    if (r.heading) a.appendChild(el("span", "search-result-heading", r.heading.title));
    li.appendChild(a);
    if (r.section) li.appendChild(el("span", "search-result-section", r.section));
    li.appendChild(snippetEl(r.snippet));
    if (withSubs && r.subs.length) {
      var ul = el("ul", "search-subresults");
      r.subs.forEach(function (s) {
        var sli = el("li");
        var sa = el("a", "", s.title);
        sa.href = href(r.url, s.id);
        sli.appendChild(sa);
        sli.appendChild(snippetEl(s.snippet));
        ul.appendChild(sli);
      });
      li.appendChild(ul);
    }
    return li;
  }
  function render(container, status, out, q, full) {
    container.textContent = "";
    if (!out) { status.textContent = ""; return; }
    if (!out.results.length) {
      status.textContent = T.none;
      var none = el("div", "search-none");
      none.appendChild(el("p", "", T.hint));
      container.appendChild(none);
      var contact = document.getElementById("search-contact");
      if (contact && full) contact.hidden = false;
      return;
    }
    var contactBlock = document.getElementById("search-contact");
    if (contactBlock) contactBlock.hidden = true;
    status.textContent = (out.partial ? T.partial + " " : "") + T.results(out.total);
    var ol = el("ol", "search-results-list");
    out.results.forEach(function (r) { ol.appendChild(resultEl(r, full)); });
    container.appendChild(ol);
    if (!full && out.total > out.results.length) {
      var more = el("a", "search-all", T.all);
      more.href = href("search/") + "?q=" + encodeURIComponent(q);
      container.appendChild(more);
    }
  }

  function wire(form, full) {
    var input = form.querySelector("input[type=search]");
    var panel = form.querySelector("[data-search-panel]") || document.getElementById("search-page-results");
    var status = form.querySelector("[data-search-status]") || document.getElementById("search-status");
    if (!input || !panel) return;
    var timer = null, seq = 0;
    function close() { if (!full) { panel.hidden = true; input.setAttribute("aria-expanded", "false"); } }
    async function run() {
      var q = input.value;
      var my = ++seq;
      if (!q.trim()) { render(panel, status, null, q, full); close(); return; }
      try {
        var out = await engine.search(q, full ? 20 : 5, full);
        if (my !== seq) return;
        render(panel, status, out, q, full);
        if (!full) { panel.hidden = false; input.setAttribute("aria-expanded", "true"); }
        if (full) history.replaceState(null, "", "?q=" + encodeURIComponent(q));
      } catch (e) {
        if (my === seq) { status.textContent = T.failed; }
      }
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 60); });
    form.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(panel.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (e.key === "ArrowDown") {
        if (links.length) { e.preventDefault(); links[Math.min(i + 1, links.length - 1)].focus(); }
      } else if (e.key === "ArrowUp") {
        if (i > 0) { e.preventDefault(); links[i - 1].focus(); } else if (i === 0) { e.preventDefault(); input.focus(); }
      } else if (e.key === "Escape") {
        e.preventDefault(); input.focus(); close();
      }
    });
    if (!full) {
      document.addEventListener("click", function (e) { if (!form.contains(e.target)) close(); });
      input.addEventListener("focus", function () { if (panel.childNodes.length && input.value.trim()) { panel.hidden = false; input.setAttribute("aria-expanded", "true"); } });
    }
    return run;
  }

  document.querySelectorAll("form[data-search]").forEach(function (form) {
    var full = form.hasAttribute("data-search-page");
    var run = wire(form, full);
    if (full && run) {
      var q = new URLSearchParams(location.search).get("q");
      if (q) { form.querySelector("input[type=search]").value = q; run(); }
    }
  });
  // "/" focuses the search box, unless the reader is typing somewhere.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var box = document.querySelector("form[data-search-page] input[type=search]") || document.querySelector("form[data-search] input[type=search]");
    if (box) { e.preventDefault(); box.focus(); box.select(); }
  });
})(typeof window !== "undefined" ? window : globalThis);
