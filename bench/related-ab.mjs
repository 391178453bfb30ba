#!/usr/bin/env node
// A blind A/B of a change to related articles, beyond the editor-listed articles.
//
// The editor's lists (bench/related/*.json) hold 33–34 articles per corpus; a change of how
// candidates are scored moves hundreds of lists nobody wrote. This draws, at random, lists the
// change altered (their first three), and writes every article of their first three before and
// after as shuffled (article, candidate) pairs for a blind reader to grade — 2: in a box of 3–5,
// 1: related but left out for closer ones, 0: not related — and then scores the grades: did the
// first three get better or worse?
//
//   node bench/related-ab.mjs pairs --out /tmp/ab.json [--n 12] [--seed 1] [--skip releases/] \
//     --corpus tidb-docs-cn --before OLD_SITE/related.json --after NEW_SITE/related.json \
//     [--lists bench/related/tidb-docs-cn.json] [--corpus … --before … --after …]
//   (give /tmp/ab.json to the reader; /tmp/ab.json.meta.json says which list was which: keep it
//    from the reader)
//   node bench/related-ab.mjs score --meta /tmp/ab.json.meta.json --grades GRADES.json
//
// GRADES.json is {"grades": [{corpus, article, candidate, g, why}]} (the reader's), or a
// bench/related/judged/*.json file (`--grades` may be given more than once). Node 18+, no npm
// dependencies.

import { readFileSync, writeFileSync } from 'node:fs';

const USAGE = `usage:
  node bench/related-ab.mjs pairs --out FILE [--n N] [--seed S] [--skip PREFIX] --corpus NAME --before A.json --after B.json [--lists LISTS.json] [--corpus …]
  node bench/related-ab.mjs score --meta FILE.meta.json --grades GRADES.json [--grades …]`;

function fail(msg) {
  console.error(`error: ${msg}\n${USAGE}`);
  process.exit(2);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`cannot read ${path}: ${e.message}`);
  }
}

// A small seeded generator (mulberry32), so that a draw can be repeated.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(list, rnd) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

// Article path → the content paths of its first three related articles (section pages left out:
// a reader grades articles).
function firstThree(relatedJson) {
  const out = new Map();
  for (const a of relatedJson.articles || []) {
    out.set(a.path, (a.related || []).filter((r) => r.path).slice(0, 3).map((r) => r.path));
  }
  return out;
}

function pairs(argv) {
  const o = { out: null, n: 12, seed: 1, skip: [], groups: [] };
  for (let i = 0; i < argv.length; i++) {
    const val = () => (i + 1 < argv.length ? argv[++i] : fail(`${argv[i]} needs a value`));
    const group = () => o.groups[o.groups.length - 1] || fail(`${argv[i]} before any --corpus`);
    switch (argv[i]) {
      case '--out': o.out = val(); break;
      case '--n': o.n = Number(val()); break;
      case '--seed': o.seed = Number(val()); break;
      case '--skip': o.skip.push(val()); break;
      case '--corpus': o.groups.push({ corpus: val() }); break;
      case '--before': group().before = val(); break;
      case '--after': group().after = val(); break;
      case '--lists': group().lists = val(); break;
      default: fail(`unknown argument ${argv[i]}`);
    }
  }
  if (!o.out || !o.groups.length) fail('pairs needs --out and at least one --corpus');
  if (!(o.n > 0)) fail('--n must be a positive number');
  const rnd = random(o.seed);
  const all = [];
  const meta = [];
  for (const g of o.groups) {
    if (!g.before || !g.after) fail(`--corpus ${g.corpus} needs --before and --after`);
    const before = firstThree(readJson(g.before));
    const after = firstThree(readJson(g.after));
    const listed = new Set(g.lists ? readJson(g.lists).lists.map((l) => l.article) : []);
    const changed = [...after.keys()].filter((a) => {
      const b = before.get(a) || [];
      const n = after.get(a);
      return b.join('\n') !== n.join('\n');
    });
    const pool = changed.filter((a) => !listed.has(a) && !o.skip.some((p) => a.startsWith(p)));
    const drawn = shuffle(pool.slice().sort(), rnd).slice(0, o.n);
    console.log(`${g.corpus}: ${changed.length} lists' first three changed, ${pool.length} drawable, ${drawn.length} drawn`);
    for (const a of drawn) {
      const old = before.get(a) || [];
      const neu = after.get(a);
      meta.push({ corpus: g.corpus, article: a, before: old, after: neu });
      for (const c of new Set([...old, ...neu])) all.push([g.corpus, a, c]);
    }
  }
  shuffle(all, rnd);
  writeFileSync(o.out, JSON.stringify({ pairs: all }, null, 1) + '\n');
  writeFileSync(`${o.out}.meta.json`, JSON.stringify({ lists: meta }, null, 1) + '\n');
  console.log(`${all.length} pairs in ${o.out}; which list was which in ${o.out}.meta.json`);
}

function score(argv) {
  let metaPath = null;
  const gradeFiles = [];
  for (let i = 0; i < argv.length; i++) {
    const val = () => (i + 1 < argv.length ? argv[++i] : fail(`${argv[i]} needs a value`));
    switch (argv[i]) {
      case '--meta': metaPath = val(); break;
      case '--grades': gradeFiles.push(val()); break;
      default: fail(`unknown argument ${argv[i]}`);
    }
  }
  if (!metaPath || !gradeFiles.length) fail('score needs --meta and --grades');
  const grades = new Map();
  const key = (c, a, p) => `${c}\u0000${a}\u0000${p}`;
  for (const f of gradeFiles) {
    const j = readJson(f);
    if (Array.isArray(j.grades)) {
      for (const g of j.grades) grades.set(key(g.corpus, g.article, g.candidate), g.g);
    } else if (j.judgements) {
      for (const [a, cands] of Object.entries(j.judgements)) {
        for (const [p, v] of Object.entries(cands)) grades.set(key(j.corpus, a, p), v.g);
      }
    } else {
      fail(`${f} has neither "grades" nor "judgements"`);
    }
  }
  const byCorpus = new Map();
  let missing = 0;
  for (const l of readJson(metaPath).lists) {
    const s = byCorpus.get(l.corpus) || { lists: 0, better: 0, worse: 0, same: 0, before: [], after: [] };
    byCorpus.set(l.corpus, s);
    const side = (paths) =>
      paths.map((p) => {
        const g = grades.get(key(l.corpus, l.article, p));
        if (g === undefined) missing++;
        return g === undefined ? 0 : g;
      });
    const b = side(l.before);
    const a = side(l.after);
    s.before.push(...b);
    s.after.push(...a);
    const mean = (v) => (v.length ? v.reduce((x, y) => x + y, 0) / v.length : 0);
    const d = mean(a) - mean(b);
    s.lists++;
    if (d > 1e-9) s.better++;
    else if (d < -1e-9) s.worse++;
    else s.same++;
  }
  const line = (v) => {
    const chosen = v.filter((g) => g === 2).length;
    const zero = v.filter((g) => g === 0).length;
    const mean = v.length ? v.reduce((x, y) => x + y, 0) / v.length : 0;
    return `chosen ${chosen}/${v.length}  not related ${zero}  mean grade ${mean.toFixed(3)}`;
  };
  for (const [corpus, s] of byCorpus) {
    console.log(`${corpus}: ${s.lists} lists`);
    console.log(`  before  ${line(s.before)}`);
    console.log(`  after   ${line(s.after)}`);
    console.log(`  lists better ${s.better}, worse ${s.worse}, the same ${s.same}`);
  }
  if (missing) console.log(`WARN ${missing} pairs have no grade (counted as 0)`);
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'pairs') pairs(rest);
else if (cmd === 'score') score(rest);
else fail('give a command: pairs or score');
