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

  // Names whose words are joined by one "_", "." or "-" each (tidb_gc_life_time), from folded
  // characters: the same as src/tokenize.rs `each_compound`.
  var COMPOUND_MAX_BYTES = 64;
  function compounds(chars) {
    var out = [], name = "", words = 0, joined = false, inWord = false;
    var flush = function () {
      if (joined) name = name.slice(0, -1);
      if (words >= 2 && new TextEncoder().encode(name).length <= COMPOUND_MAX_BYTES && /\p{Alphabetic}/u.test(name)) out.push(name);
      name = ""; words = 0; joined = false;
    };
    chars.forEach(function (c) {
      if (isWordChar(c)) {
        if (!inWord) {
          if (!joined && name) flush();
          words++; inWord = true; joined = false;
        }
        name += c;
      } else if ((c === "_" || c === "." || c === "-") && inWord) {
        name += c; joined = true; inWord = false;
      } else { flush(); inWord = false; }
    });
    flush();
    return out;
  }

  // ---- Reading a query. ----
  // Words that carry the question, not its subject: they never have to match. Phrases go;
  // a bigram holding one of the characters is looked up but not required.
  var STOP_PHRASES = ["可不可以", "能不能", "有没有", "是不是", "怎么办", "怎么样", "为什么", "请问",
    "为啥", "怎么", "怎样", "如何", "什么", "哪里", "哪儿", "哪个", "哪些", "是否", "能否"];
  var STOP_CHARS = "吗呢吧啊呀了的我你您";

  // The query as its parts: Chinese pieces (stop phrases cut out) and Latin words.
  function parts(chars) {
    var pieces = [], words = [], run = "", word = "";
    var flushRun = function () {
      var cs = Array.from(run), stop = cs.map(function () { return false; });
      STOP_PHRASES.forEach(function (p) {
        for (var at = run.indexOf(p); at >= 0; at = run.indexOf(p, at + 1)) {
          var from = Array.from(run.slice(0, at)).length;
          for (var i = 0; i < Array.from(p).length; i++) stop[from + i] = true;
        }
      });
      var rest = [];
      for (var i = 0; i < cs.length;) {
        if (stop[i]) { i++; continue; }
        var j = i;
        while (j < cs.length && !stop[j]) j++;
        // One character between question words is no term of the index: it keeps a
        // neighbour, as the text it was copied from has it ("作是否都" → 作是, 否都).
        // Such a piece need not match when the query has other terms ("能否退" is in no text).
        if (j - i === 1) { var two = i === 0 ? cs.slice(0, 2) : cs.slice(i - 1, i + 1); two.soft = true; rest.push(two); }
        else rest.push(cs.slice(i, j));
        i = j;
      }
      // A question word alone is what the reader looks for.
      (rest.length ? rest : [cs]).forEach(function (r) { pieces.push(r); });
      run = "";
    };
    chars.forEach(function (c) {
      if (isCjk(c.codePointAt(0))) { if (word) { words.push(word); word = ""; } run += c; }
      else { if (run) flushRun(); if (isWordChar(c)) word += c; else if (word) { words.push(word); word = ""; } }
    });
    if (run) flushRun();
    if (word) words.push(word);
    return { pieces: pieces, words: words };
  }

  // The terms a query looks up, each required or not. A Chinese piece is covered by
  // non-overlapping bigrams (and the last one for an odd length): every article containing the
  // text contains each of them, so recall is kept, while a query reads about half as many index
  // shards. Exact phrases are ranked first afterwards.
  function plan(chars) {
    var p = parts(chars), out = [];
    var add = function (t, required) {
      var e = out.find(function (x) { return x.t === t; });
      if (e) e.required = e.required || required; else out.push({ t: t, required: required });
    };
    p.pieces.forEach(function (run) {
      var stop = function (s) { return run.soft || Array.from(s).some(function (c) { return STOP_CHARS.indexOf(c) >= 0; }); };
      if (run.length === 1) { add(run[0], !stop(run[0])); return; }
      for (var i = 0; i + 1 < run.length; i += 2) add(run[i] + run[i + 1], !stop(run[i] + run[i + 1]));
      if (run.length > 2 && run.length % 2 === 1) add(run[run.length - 2] + run[run.length - 1], !stop(run[run.length - 2] + run[run.length - 1]));
    });
    p.words.forEach(function (w) { add(w, true); });
    // A query of stop words only still means something.
    if (out.length && !out.some(function (x) { return x.required; })) out.forEach(function (x) { x.required = true; });
    // A name as a whole is looked up too, not required: its words find the pages that spell
    // it otherwise, and the whole name ranks the page that has it (one more shard: its first
    // word, joiner and next letter, src/search/mod.rs `bucket_key`).
    var names = compounds(chars);
    names.forEach(function (n) { add(n, false); });
    // A pasted paragraph: its first terms say enough, and each further one may cost a request.
    return { terms: out.slice(0, MAX_TERMS), pieces: p.pieces, words: p.words, names: names };
  }
  function queryTerms(text) { return plan(foldText(text)).terms.map(function (x) { return x.t; }); }

  // ---- Pinyin: the same algorithm as src/search/pinyin.rs (tested on shared cases). ----
  var SYLLABLES = "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nia nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo";
  var syllableSet = null;
  var TONED = { "ā": "a", "á": "a", "ǎ": "a", "à": "a", "ē": "e", "é": "e", "ě": "e", "è": "e", "ê": "e",
    "ī": "i", "í": "i", "ǐ": "i", "ì": "i", "ō": "o", "ó": "o", "ǒ": "o", "ò": "o", "ū": "u", "ú": "u",
    "ǔ": "u", "ù": "u", "ü": "v", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v" };
  function segment(chunk) {
    if (!syllableSet) syllableSet = new Set(SYLLABLES.split(" "));
    var n = chunk.length, best = [[0, 0]];
    for (var end = 1; end <= n; end++) {
      best[end] = null;
      for (var start = Math.max(0, end - 6); start < end; start++) {
        var s = chunk.slice(start, end);
        if (!best[start] || !(syllableSet.has(s) || s === "lue" || s === "nue")) continue;
        if (!best[end] || best[start][0] + 1 < best[end][0]) best[end] = [best[start][0] + 1, start];
      }
    }
    if (!best[n]) return null;
    var out = [];
    for (var e = n; e > 0; e = best[e][1]) {
      var syl = chunk.slice(best[e][1], e);
      out.unshift(syl === "lue" || syl === "nue" ? syl[0] + "ve" : syl);
    }
    return out;
  }
  function syllables(query) {
    var chunks = [""];
    for (var c of query.toLowerCase()) {
      var u = c >= "a" && c <= "z" ? c : TONED[c];
      if (u) chunks[chunks.length - 1] += u;
      else if (/[0-9 '’-]/.test(c)) chunks.push("");
      else return null;
    }
    var out = [];
    for (var i = 0; i < chunks.length; i++) {
      if (!chunks[i]) continue;
      var seg = segment(chunks[i]);
      if (!seg) return null;
      out = out.concat(seg);
    }
    return out.length ? out : null;
  }
  function pinyinTerms(query) {
    var out = [], s = syllables(query);
    if (s) {
      if (s.length === 1) out.push("~" + s[0]);
      for (var i = 0; i + 1 < s.length; i += 2) out.push("~" + s[i] + s[i + 1]);
      if (s.length > 2 && s.length % 2 === 1) out.push("~" + s[s.length - 2] + s[s.length - 1]);
    }
    var letters = Array.from(query).filter(function (c) { return !/\s/.test(c) && c !== "'"; }).join("");
    if (letters.length >= 2 && letters.length <= 5 && /^[A-Za-z]+$/.test(letters)) out.push("^" + letters.toLowerCase());
    return out;
  }

  // ---- Typos: one edit for words of 4 to 7 letters, two for longer (a swap counts as one). ----
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        var v = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + cost);
        if (prev2 && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) v = Math.min(v, prev2[k - 2] + 1);
        cur[k] = v;
        if (v < low) low = v;
      }
      if (low > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }
  function allowedEdits(word) { return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0; }
  // The closest of `candidates` (most documents first) to `word`, or null.
  function closest(word, candidates) {
    var max = allowedEdits(word), best = null, bestD = max + 1;
    for (var i = 0; i < candidates.length && bestD > 0; i++) {
      var c = candidates[i];
      if (c === word || Math.abs(c.length - word.length) > max) continue;
      var d = distance(word, c, max);
      if (d < bestD) { best = c; bestD = d; }
    }
    return best;
  }

  // A heading's id as src/paths.rs `heading_id` makes it (GitHub's rules).
  function headingId(text) {
    var id = "";
    for (var c of text.trim()) {
      if (WORD.test(c)) id += c.toLowerCase();
      else if (c === "_" || c === "-") id += c;
      else if (c === " ") id += "-";
    }
    return id || "section";
  }

  // ---- Index access. ----
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function bucketKey(term) {
    var first = term.codePointAt(0);
    if (isCjk(first) || term[0] === "~" || term[0] === "^") return term;
    // A name: its first word, the joiner and the next character (src/search/mod.rs).
    var j = term.search(JOINED);
    if (j > 0) return term.slice(0, j + 1) + Array.from(term.slice(j + 1)).slice(0, 1).join("");
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
  // Postings are (document gap, score) pairs, or, for a term in many documents, "!" + the
  // score of most + a bitset of them (six documents a digit) + "." + its best documents' pairs
  // (src/search/encode.rs `postings`).
  function decode(v) {
    var s = typeof v === "string" ? v : v[0];
    var out = new Map(), i = 0;
    if (s[0] === "!") {
      var typical = DIGITS.indexOf(s[1]), dot = s.indexOf(".", 2);
      for (i = 2; i < dot; i++) {
        var bits = DIGITS.indexOf(s[i]);
        for (var j = 0; j < 6; j++) if (bits & (1 << j)) out.set((i - 2) * 6 + j, typical);
      }
      i = dot + 1;
    }
    var doc = 0, first = true;
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
    var cards = function (k) { return get("d" + k, "d/" + k + ".js"); };

    var table = function () { return get("s", "t2s.js"); };
    var vocabulary = function (letter) { return get("v" + letter, "v/" + letter + ".js"); };
    var toSimplified = null;

    // Loads the shards of `terms`; resolves to a function giving a term's data (or undefined).
    async function lookup(terms, m) {
      var ks = {};
      terms.forEach(function (t) { ks[shardHash(bucketKey(t)) % m.shards] = true; });
      var loaded = {};
      await Promise.all(Object.keys(ks).map(function (k) { return shard(k).then(function (d) { loaded[k] = d; }); }));
      var dataOf = function (t) { return loaded[shardHash(bucketKey(t)) % m.shards]; };
      dataOf.shards = Object.keys(loaded).map(function (k) { return loaded[k]; });
      return dataOf;
    }

    // One reading of the query (as typed, as pinyin, corrected): each document's score and how
    // many of the required terms it has. `prefix`, the word being typed, also finds its
    // completions.
    function gather(terms, dataOf, hot, prefixes, factor) {
      var docs = new Map(), required = 0;
      terms.forEach(function (x) {
        if (x.required) required++;
        var data = dataOf(x.t), p;
        if (!data) return;
        if (prefixes.indexOf(x.t) < 0) {
          // Shards are object literals: "constructor" must not find Object.prototype's.
          if (!Object.prototype.hasOwnProperty.call(data, x.t)) return;
          describeFrom(hot, data, x.t);
          p = decode(data[x.t]);
        } else {
          p = new Map();
          // A word's completions are words, a name's are names (tidb_gc_l…).
          var name = JOINED.test(x.t);
          var keys = Object.keys(data).filter(function (key) {
            return key && key.lastIndexOf(x.t, 0) === 0 && (name || !JOINED.test(key));
          });
          var exact = keys.indexOf(x.t) >= 0 ? decode(data[x.t]) : null;
          // A completion counts a little less than the exact word, and when what is typed is a
          // word of the site, less than its best document: "DM" means dm, however rare
          // dmctl's documents make their scores.
          var most = function (m) { var v = 0; m.forEach(function (sc) { if (sc > v) v = sc; }); return v; };
          var scale = COMPLETION;
          if (exact) {
            var top = 0;
            keys.forEach(function (key) { if (key !== x.t) top = Math.max(top, most(decode(data[key]))); });
            if (top > 0) scale = Math.min(scale, COMPLETION * most(exact) / top);
          }
          keys.forEach(function (key) {
            describeFrom(hot, data, key);
            (key === x.t ? exact : decode(data[key])).forEach(function (sc, doc) {
              var v = key === x.t ? sc : sc * scale;
              if (!(p.get(doc) >= v)) p.set(doc, v);
            });
          });
        }
        p.forEach(function (sc, doc) {
          var d = docs.get(doc) || { score: 0, hits: 0, any: 0, named: false };
          d.score += sc * factor;
          d.any++;
          if (JOINED.test(x.t)) d.named = true;
          if (x.required) d.hits++;
          docs.set(doc, d);
        });
      });
      return { docs: docs, required: required };
    }

    // Shards describe each term's best documents (heading and a window of text around the
    // term), so most results are shown without loading their fragments.
    // A small site's shards carry no cards: its card files (one or two) have them all.
    function describeFrom(hot, data, key) {
      var v = data[key];
      if (typeof v === "string") return;
      var cards = cardsOf(data);
      for (var i = 1; i < v.length; i++) {
        var e = v[i], card = cards.get(e[0]);
        var f = hot.get(e[0]);
        if (!f) { f = { t: null, u: "", s: "", d: "", b: [] }; hot.set(e[0], f); }
        if (card && f.t === null) { f.t = card[0]; f.u = card[1]; f.s = card[2]; }
        // [doc]: named only (a search page's further result), shown from its card.
        if (e.length < 2) continue;
        // [doc, heading, window, id]: the id is left out when it is the heading's slug, and
        // the window after a term's first few documents (their snippet is the heading).
        var id = e.length > 3 ? e[3] : e[1] ? headingId(e[1]) : "";
        var text = e[2] || "";
        if (!f.b.some(function (b) { return b[0] === id && b[2] === text; })) f.b.push([id, e[1], text]);
      }
    }

    // A shard's cards, by document: its "" entry is [[section, …], doc, title, url, section
    // index, doc, …] (src/search/write.rs `shard_file`), read once per shard.
    var shardCards = new WeakMap();
    function cardsOf(data) {
      var m = shardCards.get(data);
      if (m) return m;
      m = new Map();
      var list = Object.prototype.hasOwnProperty.call(data, "") ? data[""] : null;
      if (list) {
        for (var i = 1; i + 3 < list.length; i += 4) {
          m.set(list[i], [list[i + 1], list[i + 2], list[0][list[i + 3]] || ""]);
        }
      }
      shardCards.set(data, m);
      return m;
    }

    // A Latin word that finds nothing: the site's closest word, from the shard already loaded,
    // else from the list of the site's words with its first letter.
    async function correct(word, dataOf) {
      if (allowedEdits(word) === 0 || !/^[a-z][a-z0-9]*$/.test(word)) return null;
      var data = dataOf(word) || {};
      var near = closest(word, Object.keys(data).filter(function (k) { return k && /^[a-z]/.test(k); }));
      if (near) return near;
      var list = await vocabulary(word[0]).catch(function () { return ""; });
      return closest(word, list ? list.split(" ") : []);
    }

    async function search(query, limit, withFragments) {
      limit = limit || 10;
      var m = await manifest();
      var chars = foldText(query.trim());
      if (toSimplified) chars = chars.map(function (c) { return toSimplified.get(c) || c; });
      var p = plan(chars);
      if (!p.terms.length) return { results: [], total: 0, partial: false, terms: [], ids: [] };
      var last = chars[chars.length - 1];
      var prefix = isWordChar(last) && p.words.length ? p.words[p.words.length - 1] : null;
      // The name being typed, if the query ends in one (tidb_gc_li).
      var lastName = p.names[p.names.length - 1];
      var namePrefix = prefix && lastName && chars.join("").slice(-lastName.length) === lastName ? lastName : null;
      var prefixes = [prefix, namePrefix].filter(Boolean);
      var hot = new Map();
      var dataOf = await lookup(p.terms.map(function (x) { return x.t; }), m);
      var loadedShards = dataOf.shards;
      var readings = [{ kind: 0, g: gather(p.terms, dataOf, hot, prefixes, 1) }];
      var found = function (x) { var d = dataOf(x.t); return d && Object.prototype.hasOwnProperty.call(d, x.t); };
      var complete = function (r) { var n = 0; r.g.docs.forEach(function (d) { if (d.hits === r.g.required) n++; }); return n; };

      // Chinese that finds nothing as typed may be in traditional characters.
      if (!toSimplified && p.pieces.length && p.terms.some(function (x) { return isCjk(x.t.codePointAt(0)) && !found(x); })) {
        var pairs = Array.from(await table().catch(function () { return ""; }) || "");
        toSimplified = new Map();
        for (var i = 0; i + 1 < pairs.length; i += 2) toSimplified.set(pairs[i], pairs[i + 1]);
        var converted = chars.map(function (c) { return toSimplified.get(c) || c; });
        if (converted.join("") !== chars.join("")) return search(query, limit, withFragments);
      }
      var corrected = null;
      if (complete(readings[0]) < limit && !p.pieces.length && p.words.length) {
        // Latin letters only: also pinyin, ranked below the words as typed.
        var py = pinyinTerms(p.words.join(" "));
        if (py.length) {
          var pyData = await lookup(py, m);
          loadedShards = loadedShards.concat(pyData.shards);
          // Full pinyin and initials are two readings: an initials match need not have the syllables.
          var as = function (mark) {
            return py.filter(function (t) { return t[0] === mark; }).map(function (t) { return { t: t, required: true }; });
          };
          // A word the site has (QR) is not also read as initials (确认 is q-r).
          var words = p.words.every(function (w) { return found({ t: w }); });
          var full = as("~"), initials = words ? [] : as("^");
          if (full.length) readings.push({ kind: 1, g: gather(full, pyData, hot, [], 0.9) });
          if (initials.length) readings.push({ kind: 2, g: gather(initials, pyData, hot, [], 0.8) });
        }
      }
      if (readings.every(function (r) { return complete(r) === 0; })) {
        // Words that find nothing may be typos: the closest word of the site instead.
        var fixed = await Promise.all(p.words.map(function (w) {
          return w === prefix && p.terms.some(function (x) { return x.t === w; }) && readings[0].g.docs.size ? null :
            (found({ t: w }) ? null : correct(w, dataOf));
        }));
        if (fixed.some(Boolean)) {
          var terms2 = p.terms.map(function (x) {
            var i = p.words.indexOf(x.t);
            return i >= 0 && fixed[i] ? { t: fixed[i], required: x.required } : x;
          });
          var data2 = await lookup(terms2.map(function (x) { return x.t; }), m);
          loadedShards = loadedShards.concat(data2.shards);
          var r2 = { kind: 3, g: gather(terms2, data2, hot, [], 0.8) };
          if (complete(r2) > 0) {
            readings.push(r2);
            corrected = p.words.map(function (w, i) { return fixed[i] || w; }).join(" ");
          }
        }
      }

      // Every document with at least one term, best reading first: articles with every
      // required term, the words as typed before pinyin and corrections; then by how much of
      // the query they have, then by score.
      var best = new Map();
      readings.forEach(function (r) {
        r.g.docs.forEach(function (d, doc) {
          var full = r.g.required > 0 && d.hits === r.g.required;
          var key = [full ? 0 : 1, full ? r.kind : 0, -(d.hits / Math.max(1, r.g.required)), -d.score];
          var old = best.get(doc);
          if (!old || compare(key, old.key) < 0) best.set(doc, { key: key, full: full, kind: r.kind, score: d.score, hits: d.hits, required: r.g.required });
        });
      });
      // Equal scores (a common word's documents share one) are ordered by whether the shards
      // loaded already say how to show them, then by the site's order: any order of equals is
      // as right as another, and this one costs no further request.
      var known = new Set();
      hot.forEach(function (f, doc) { if (f.t !== null || f.b.length) known.add(doc); });
      loadedShards.forEach(function (data) { cardsOf(data).forEach(function (c, doc) { known.add(doc); }); });
      var unknown = function (doc) { return known.has(doc) ? 0 : 1; };
      var ranked = Array.from(best).sort(function (a, b) {
        return compare(a[1].key, b[1].key) || unknown(a[0]) - unknown(b[0]) || a[0] - b[0];
      });
      var fullCount = ranked.filter(function (e) { return e[1].full; }).length;
      var top = ranked.slice(0, Math.min(limit, EXACT));
      if (limit > EXACT) top = top.concat(cheapestNear(ranked.slice(top.length), limit - top.length, top, unknown));
      var phraseChars = p.pieces.length === 1 && !p.words.length ? p.pieces[0] : chars;
      // Without what surrounds it ("😀 Promise", "Promise.all()", "yield*"): no title has
      // that. A name's `#` and `+` stay (C#, C++: the C SDK came first without them).
      var phrase = phraseChars.join("").replace(/\s+/g, " ")
        .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}#+]+$/gu, "");
      var qterms = p.terms.map(function (x) { return x.t; });
      // The words a correction read, so snippets mark them (Promsie → Promise).
      if (corrected) corrected.split(" ").forEach(function (w) { if (qterms.indexOf(w) < 0) qterms.push(w); });
      // A result is shown from what the query's shards say of it, else from its card (one
      // request per range of documents, not per result). A few results no shard describes (a
      // rare term's) load their fragments if the drop-down shows them, to link the heading where
      // the term is; more than that would cost a request each. `withFragments` loads the first results' fragments
      // up front (the page asks for them after showing its results: `subresults`).
      var isBare = function (f) { return !f || (!f.b.length && f.t === null); };
      // On a small site (its shards carry no cards), a name's results are described by its
      // words only, at their headings: one whose description lacks the name is as good as
      // bare (src/search/write.rs). A large site describes the pages that define a name.
      var small = loadedShards.length && !loadedShards.some(function (d) { return Object.prototype.hasOwnProperty.call(d, ""); });
      var unsure = function (doc, f) {
        var typed = readings[0].g.docs.get(doc);
        return small && typed && typed.named && !p.names.some(function (n) {
          var asPrefix = prefixes.indexOf(n) >= 0;
          return f.b.some(function (b) { return has(foldText(b[1]).join(""), n, asPrefix) || has(foldText(b[2]).join(""), n, asPrefix); });
        });
      };
      var needs = function (r) { var f = hot.get(r[0]); return isBare(f) || unsure(r[0], f); };
      // The drop-down loads the fragments of its five when few need them. On a large site the
      // search page does when few of its first ten do, which keeps a page within a few
      // requests; on a small one, whose fragments are a few KB, as the drop-down does. The
      // first five are ordered with their fragments only when both load them, so that the
      // page begins with the drop-down's five in the same order (a reader who opened "see
      // all" found them reordered in a third of the queries on Vite's docs).
      var bare5 = top.slice(0, MENU).filter(needs).length;
      var pageLoads = small ? bare5 <= BARE_FRAGMENTS : (limit >= PAGE ? top.slice(0, PAGE)
        : top.concat(cheapestNear(ranked.filter(function (r) { return top.indexOf(r) < 0; }), PAGE - top.length, top, unknown)))
        .filter(needs).length <= BARE_FRAGMENTS;
      var loadBare = limit >= PAGE && !small ? pageLoads : bare5 <= BARE_FRAGMENTS;
      var frags = await Promise.all(top.map(function (r, i) {
        var f = hot.get(r[0]);
        if ((withFragments && i < SUBRESULTS) || (needs(r) && loadBare && i < MENU)) return fragment(r[0]);
        if (f && f.t !== null) return f;
        // A shard loaded for this query may hold its card for another term's sake.
        var card = null;
        loadedShards.some(function (data) { card = cardsOf(data).get(r[0]); return card; });
        if (card) return { t: card[0], u: card[1], s: card[2], d: "", b: f ? f.b : [] };
        return cards(Math.floor(r[0] / CARDS_PER_FILE)).then(function (list) {
          var c = list[r[0] % CARDS_PER_FILE];
          return { t: c[0], u: c[1], s: c[2], d: c[3], b: f ? f.b : [] };
        });
      }));
      var results = top.map(function (r, i) {
        var d = describe(r[0], r[1].score, frags[i], phrase, qterms, prefixes);
        var h = hot.get(r[0]);
        d.order = pageLoads || i >= MENU || !needs(r) ? d.score
          : describe(r[0], r[1].score, { t: frags[i].t, u: "", s: "", d: "", b: h ? h.b : [] }, phrase, qterms, prefixes).score;
        d.complete = r[1].full;
        d.reading = ["typed", "pinyin", "initials", "corrected"][r[1].kind];
        return d;
      });
      // Among equally complete results of one reading, phrase matches first: within the
      // drop-down's five, then within each further page of the search page, so that the page
      // begins with the drop-down's five and "show more" adds below what is shown.
      var byPhrase = function (a, b) {
        var ea = best.get(a.id), eb = best.get(b.id);
        return compare(ea.key.slice(0, 3), eb.key.slice(0, 3)) || b.order - a.order || a.id - b.id;
      };
      var sorted = [];
      for (var from = 0, to; from < results.length; from = to) {
        to = from < MENU ? MENU : (Math.floor(from / PAGE) + 1) * PAGE;
        sorted = sorted.concat(results.slice(from, to).sort(byPhrase));
      }
      results = sorted;
      return {
        results: results,
        // Articles found, of which `results` are the first.
        total: ranked.length,
        partial: fullCount === 0 && ranked.length > 0,
        corrected: corrected && !readings.some(function (r) { return r.kind === 0 && complete(r) > 0; }) ? corrected : null,
        terms: qterms,
        // Every matching document in rank order (ids), for measuring recall.
        ids: ranked.map(function (r) { return r[0]; }),
        // Every heading of a result that matches, from its fragment: the search page asks
        // for them once the results are shown, so they never hold the results back.
        // `shown`: the id of the heading the result links already ("" for none).
        subresults: function (id, shown) {
          return fragment(id).then(function (f) { return describe(id, 0, f, phrase, qterms, prefixes, shown || "").subs; });
        },
      };
    }
    return { search: search, manifest: manifest };
  }

  // Terms a query looks up at most (a pasted paragraph had 302, and loaded 3.8 MB).
  var MAX_TERMS = 24;
  // What a completion of the word being typed counts, of its score.
  var COMPLETION = 0.8;
  var JOINED = /[_.-]/;
  // Results whose sub-results the search page shows (their fragments are loaded).
  var SUBRESULTS = 2;
  // Results per page of the search page: what its term shards usually describe in full, so a
  // page costs the requests of a drop-down (a further page costs a few more).
  var PAGE = 10;
  // Results without a description whose fragments are loaded, when there are no more of them.
  // Only among the first MENU: further ones show title and section (from their card), as the
  // search page's other results 6–10 do, and a long article's fragment is 100 KB or more.
  var BARE_FRAGMENTS = 3;
  // Results the header's drop-down shows.
  var MENU = 5;
  // Documents per card file (src/search/write.rs CARDS_PER_FILE).
  var CARDS_PER_FILE = 64;
  // Results in the order of their scores alone: the first three, which readers look at most.
  var EXACT = 3;
  // Past those, results within this share of the next best one's score, and as complete, are
  // as good a next result as it is: a phrase of common words has thousands of matches whose
  // scores differ by their articles' lengths.
  var NEAR = 0.7;
  // The next `count` results from `rest` (ranked), each the best of those near the best left
  // that costs no request: the loaded shards describe it, or its card file is loaded for a
  // result above; else the best of the card file that most of them share, so the next ones may
  // come from it too. On a 10k-article corpus of such text the search page went from 87% to
  // 97% of queries within 6 requests (four samples of 300); on tidb-docs-cn the sampled
  // article is among the results shown as often as before, and the quality benchmark's
  // recall is unchanged.
  // The choice never depends on `count`: the drop-down's five are the page's first five, and
  // "show more" keeps the page's results.
  // `rest` is the caller's copy: results are taken out of it.
  function cheapestNear(rest, count, above, unknown) {
    var file = function (doc) { return Math.floor(doc / CARDS_PER_FILE); };
    var files = new Set();
    above.forEach(function (r) { if (unknown(r[0])) files.add(file(r[0])); });
    var picked = [];
    while (picked.length < count && rest.length) {
      var head = rest[0][1].key, floor = rest[0][1].score * NEAR, j = -1, shared = new Map();
      for (var i = 0; i < rest.length; i++) {
        var e = rest[i][1];
        if (e.key[0] !== head[0] || e.key[1] !== head[1] || e.key[2] !== head[2] || e.score < floor) break;
        var f = file(rest[i][0]);
        if (!unknown(rest[i][0]) || files.has(f)) { j = i; break; }
        var c = shared.get(f);
        if (c) c.n++; else shared.set(f, { n: 1, i: i });
      }
      if (j < 0) {
        // Of the files most of them share, the one whose member ranks first.
        var most = null;
        shared.forEach(function (c) { if (!most || c.n > most.n) most = c; });
        j = most ? most.i : 0;
      }
      var r = rest.splice(j, 1)[0];
      if (unknown(r[0])) files.add(file(r[0]));
      picked.push(r);
    }
    return picked;
  }
  function compare(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  }

  // Phrase matches outrank scattered terms: in the title most, then a heading, then the text.
  // `shown`, when given, is the heading the result links already (its description came from the
  // shards): the sub-results are then the best other headings of the whole article.
  function describe(id, score, f, phrase, qterms, prefixes, shown) {
    var title = foldText(f.t).join("");
    var bonus = 0;
    if (phrase.length > 1 && title.indexOf(phrase) >= 0) bonus += 40;
    // Named by the query, not only holding it: 系统变量 before 系统变量索引, and the heading
    // `tidb_mem_quota_query` before a heading that mentions it among other words.
    if (phrase.length > 1 && names(title, phrase)) bonus += 40;
    // A query the title holds asks for the article, not one of its sections (资源管控 →
    // the top of 使用资源管控…, not 关闭资源管控特性), unless a heading is exactly the query.
    var titled = phrase.length > 1 && title.indexOf(phrase) >= 0;
    var best = null, bestScore = -1, bestPick = -1, bestNames = false, others = [];
    f.b.forEach(function (b, i) {
      var heading = foldText(b[1]).join(""), text = foldText(b[2]).join("");
      var s = 0, inHeading = 0;
      var named = phrase.length > 1 && names(heading, phrase);
      if (phrase.length > 1 && heading.indexOf(phrase) >= 0) s += named ? 30 : 20;
      if (phrase.length > 1 && text.indexOf(phrase) >= 0) s += 10;
      qterms.forEach(function (t) {
        var asPrefix = prefixes.indexOf(t) >= 0;
        if (has(heading, t, asPrefix)) { s += 2; inHeading++; }
        if (has(text, t, asPrefix)) s += 1;
      });
      // The section linked: a word in its heading counts once more, so that of sections
      // holding the query's words, the one whose heading names more of them is chosen
      // ("实名认证失败" → 认证失败的常见原因, not 认证步骤, whose text says 实名认证). The result's
      // rank keeps the score without it (with it, "vite 性能优化" fell 1 → 3 among pages whose
      // headings say Vite).
      var pick = s + inHeading;
      if (pick > bestPick) { bestPick = pick; best = i; bestNames = named; }
      if (s > bestScore) bestScore = s;
      if (s > 0 && b[0]) others.push({ index: i, score: pick });
    });
    bonus += Math.max(0, bestScore);
    var block = best === null ? null : f.b[best];
    var atTop = titled && !bestNames;
    // Other headings only, each once: the shards may give one heading several windows (one
    // per query term), which are for choosing the best snippet, not for listing twice.
    // (A Set: a heading's id may be "constructor".)
    var listed = new Set();
    if (shown !== undefined) listed.add(shown);
    else if (block && !atTop) listed.add(block[0]);
    var subs = others.filter(function (o) { return shown !== undefined || atTop || o.index !== best; })
      .sort(function (a, b) { return b.score - a.score || a.index - b.index; })
      .filter(function (o) { var id = f.b[o.index][0]; return listed.has(id) ? false : !!listed.add(id); })
      .slice(0, 2)
      .map(function (o) { var b = f.b[o.index]; return { id: b[0], title: b[1], snippet: snippet(b[2], phrase, qterms) }; });
    return {
      id: id,
      score: score + bonus,
      title: f.t,
      url: f.u,
      section: f.s || "",
      heading: block && block[0] && !atTop ? { id: block[0], title: block[1] } : null,
      snippet: snippet(block ? (block[2] || block[1]) : f.d, phrase, qterms, f.d),
      subs: subs,
    };
  }

  // Whether folded text is the phrase, or begins with it as a whole (then a space or a mark:
  // "tidb_txn_mode 从 v8.0 版本开始引入"; not "tidb_txn_mode_x", not 系统变量索引).
  function names(text, phrase) {
    if (text.indexOf(phrase) !== 0) return false;
    var next = text.charAt(phrase.length);
    return next === "" || /[\s(（:：,，]/.test(next);
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
    var at = first < 0 ? 0 : first;
    var start = Math.max(0, at - 20);
    var end = Math.min(chars.length, start + WIDTH);
    // Never in the middle of a Latin word (`…stant loading`, `Regressio…`): start after it, end
    // before it, as src/search/describe.rs cuts the windows in the index.
    var inWord = function (i) { return i > 0 && i < chars.length && isWordChar(chars[i - 1]) && isWordChar(chars[i]); };
    if (inWord(start)) { var s0 = start; while (start < at && isWordChar(chars[start])) start++; if (start === at) start = s0; }
    if (inWord(end)) { var e0 = end; while (end > at + 1 && isWordChar(chars[end - 1])) end--; if (end <= at + 1) end = e0; }
    if (start > 0) while (start < at && /\s/.test(chars[start])) start++;
    if (end < chars.length) while (end > at + 1 && /\s/.test(chars[end - 1])) end--;
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
  api.fragment = function (id, data) {
    // No description: it is the first line of the first block's text (src/search/write.rs).
    if (data.d === undefined) data.d = data.b[0] ? data.b[0][2].split("\n")[0] : "";
    arrive("f" + id, data);
  };
  api.t2s = function (pairs) { arrive("s", pairs); };
  api.cards = function (k, list) { arrive("d" + k, list); };
  api.vocabulary = function (letter, list) { arrive("v" + letter, list); };
  api.createEngine = createEngine;
  api.terms = terms;
  api.names = function (text) { return compounds(foldText(text)); };
  api.queryTerms = queryTerms;
  api.pinyinTerms = pinyinTerms;
  api.distance = distance;
  api.bucketKey = bucketKey;
  api.shardHash = shardHash;

  if (typeof document === "undefined") return;

  // ---- The UI. ----
  var script = document.currentScript;
  var siteRoot = new URL(".", script.src);
  var base = new URL("search/", siteRoot);
  var zh = (document.documentElement.lang || "").toLowerCase().indexOf("zh") === 0;
  var T = zh ? {
    results: function (n) { return "找到 " + n + " 篇文章"; }, top: function (n) { return "前 " + n + " 篇结果"; },
    more: "显示更多结果",
    corrected: function (w) { return "显示 " + w + " 的结果"; }, none: "没有找到相关文章",
    hint: "试试更短或不同的关键词，例如只输入产品名称或操作名称。", partial: "没有同时包含全部关键词的文章，以下是部分匹配的结果。",
    all: "查看全部结果", failed: "搜索暂时无法使用，请稍后重试。",
  } : {
    results: function (n) { return n + (n === 1 ? " article found" : " articles found"); }, top: function (n) { return "Top " + n + " results"; },
    more: "Show more results",
    corrected: function (w) { return "Showing results for " + w; }, none: "No articles found",
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
    if (withSubs && r.subs.length) li.appendChild(subsEl(r, r.subs));
    return li;
  }
  function subsEl(r, subs) {
    var ul = el("ul", "search-subresults");
    subs.forEach(function (s) {
      var sli = el("li");
      var sa = el("a", "", s.title);
      sa.href = href(r.url, s.id);
      sli.appendChild(sa);
      sli.appendChild(snippetEl(s.snippet));
      ul.appendChild(sli);
    });
    return ul;
  }
  function render(container, status, out, q, full, more) {
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
    // The count is of the results listed: "top 20" when there are more.
    var shown = out.results.length;
    var sep = zh ? "。" : ". ";
    status.textContent = (out.corrected ? T.corrected(out.corrected) + sep : "") +
      (out.partial ? T.partial + " " : "") + (out.total > shown ? T.top(shown) : T.results(shown));
    if (!full && (out.corrected || out.partial)) {
      // The search page says so in its status line; the drop-down's is for screen readers
      // only, and five results that do not match as typed need the reason in sight.
      var note = el("p", "search-note", (out.corrected ? T.corrected(out.corrected) + (out.partial ? sep : "") : "") + (out.partial ? T.partial : ""));
      note.setAttribute("aria-hidden", "true");
      container.appendChild(note);
    }
    var ol = el("ol", "search-results-list");
    out.results.forEach(function (r) { ol.appendChild(resultEl(r, full)); });
    container.appendChild(ol);
    if (full) {
      // The first results' other matching headings, when their fragments arrive.
      out.results.slice(0, SUBRESULTS).forEach(function (r, i) {
        if (r.subs.length) return;
        out.subresults(r.id, r.heading ? r.heading.id : "").then(function (subs) {
          if (subs.length && ol.isConnected && ol.children[i]) ol.children[i].appendChild(subsEl(r, subs));
        }, function () {});
      });
      if (out.total > out.results.length && more) {
        var button = el("button", "search-more", T.more);
        button.type = "button";
        button.addEventListener("click", more);
        container.appendChild(button);
      }
    }
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
    var timer = null, seq = 0, shown = PAGE;
    function close() { if (!full) { panel.hidden = true; input.setAttribute("aria-expanded", "false"); } }
    // "Show more": the next page of results; focus goes to the first of them.
    function more() {
      var from = shown;
      shown += PAGE;
      run(true).then(function () {
        var first = panel.querySelectorAll(".search-results-list > li")[from];
        var link = first && first.querySelector("a");
        if (link) link.focus();
      });
    }
    async function run(keep) {
      var q = input.value;
      var my = ++seq;
      if (keep !== true) shown = PAGE;
      if (!q.trim()) { render(panel, status, null, q, full); close(); return; }
      try {
        var out = await engine.search(q, full ? shown : MENU, false);
        if (my !== seq) return;
        render(panel, status, out, q, full, more);
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
