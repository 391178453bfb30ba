#!/usr/bin/env python3
"""Check a corpus written by gen_corpus.py (helpcenter or hugo format).

    python3 bench/check_corpus.py DIR

Verifies, independently of the generator's own bookkeeping, that:
  * every article's front matter uses only the allowed keys and sane values;
  * every article is 1.5-4 KB and has 2-5 `##` headings (unique ids), one ordered list;
  * every relative link resolves to a generated article and every `#anchor` to a
    heading id of that article (id rule: spaces -> '-', ASCII lower-cased,
    punctuation removed);
  * every `related` path (relative to content/) exists;
and prints feature statistics. Exits 1 on any problem.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
import unicodedata
from collections import Counter

ALLOWED = {"title", "description", "date", "updated", "tags", "weight", "related"}
ALLOWED_HUGO = {"title", "description", "date", "lastmod", "tags", "weight", "pinned"}
SECTION_KEYS = {"title", "description", "weight"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$")
LINK_RE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def heading_id(text: str) -> str:
    out = []
    for ch in text.strip():
        if ch == " ":
            out.append("-")
        elif ch in "-_" or unicodedata.category(ch)[0] not in "PS":
            out.append(ch.lower() if ch.isascii() else ch)
    return "".join(out)


def split_fm(text: str):
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.index("\n---\n", 4)
    fm_lines = text[4:end].split("\n")
    body = text[end + 5:]
    fm: dict = {}
    key = None
    for ln in fm_lines:
        if ln.startswith("  - "):
            fm[key].append(ln[4:].strip().strip('"'))
        else:
            k, _, v = ln.partition(":")
            key = k.strip()
            if key in fm:
                raise ValueError(f"duplicate key {key}")
            v = v.strip()
            fm[key] = [] if v == "" else v.strip('"')
    return fm, body


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    root = sys.argv[1]
    hugo = os.path.exists(os.path.join(root, "hugo.toml"))
    if not hugo and not os.path.exists(os.path.join(root, "helpcenter.yaml")):
        print("neither helpcenter.yaml nor hugo.toml found")
        return 1
    content = os.path.join(root, "content")
    errors: list[str] = []
    pages: dict[str, tuple[dict, str]] = {}
    for dp, _, fns in os.walk(content):
        for fn in fns:
            p = os.path.relpath(os.path.join(dp, fn), content).replace(os.sep, "/")
            with open(os.path.join(dp, fn), encoding="utf-8") as f:
                text = f.read()
            try:
                pages[p] = (*split_fm(text), len(text.encode()))
            except ValueError as e:
                errors.append(f"{p}: {e}")

    ids: dict[str, list[str]] = {}
    stats = Counter()
    sizes, tag_count = [], Counter()
    articles = sorted(p for p in pages if not p.endswith("_index.md"))
    for p in articles:
        fm, body, size = pages[p]
        hs = [ln[3:] for ln in body.split("\n") if ln.startswith("## ")]
        hid = [heading_id(h) for h in hs]
        ids[p] = hid
        if len(set(hid)) != len(hid):
            errors.append(f"{p}: duplicate heading ids {hid}")
        if not 2 <= len(hs) <= 5:
            errors.append(f"{p}: {len(hs)} headings")
        if any(ln.startswith("#") and not ln.startswith("## ") for ln in body.split("\n")):
            errors.append(f"{p}: heading other than ##")
        sizes.append(size)
        if not 1500 <= size <= 4096:
            errors.append(f"{p}: size {size}")
        keys = set(fm)
        allowed = ALLOWED_HUGO if hugo else ALLOWED
        if not keys <= allowed:
            errors.append(f"{p}: unknown keys {keys - allowed}")
        for k in ("title", "description", "date", "tags", "weight"):
            if k not in fm:
                errors.append(f"{p}: missing {k}")
        for k in ("date", "updated", "lastmod"):
            if k in fm and not DATE_RE.match(fm[k]):
                errors.append(f"{p}: bad {k} {fm[k]!r}")
        if not 1 <= len(fm.get("tags", [])) <= 4:
            errors.append(f"{p}: {len(fm.get('tags', []))} tags")
        tag_count.update(fm.get("tags", []))
        if not str(fm.get("weight", "")).isdigit():
            errors.append(f"{p}: bad weight")
        lines = body.split("\n")
        ol = sum(1 for i, ln in enumerate(lines) if ln.startswith("1. "))
        if ol != 1:
            errors.append(f"{p}: {ol} ordered lists")
        stats["table"] += any(ln.startswith("|---") for ln in lines)
        stats["callout"] += any(ln.startswith("> [!") for ln in lines)
        stats["related"] += ("related" in fm) or ("pinned" in fm)
        if "<" in body or "*" in body or "_" in body:
            errors.append(f"{p}: stray markdown/html character")

    for p in sorted(pages):
        fm, body, _ = pages[p]
        if p.endswith("_index.md"):
            keys = set(fm)
            if not keys <= SECTION_KEYS:
                errors.append(f"{p}: unknown keys {keys - SECTION_KEYS}")
            continue
        links = LINK_RE.findall(body)
        stats["links"] += len(links)
        if not 1 <= len(links) <= 3:
            errors.append(f"{p}: {len(links)} links")
        for _, url in links:
            path, _, anchor = url.partition("#")
            if hugo:
                # page URL /sNN/aNNNNN/ ; link relative to it
                page_url = "/" + p[:-3] + "/"
                tgt = posixpath.normpath(posixpath.join(page_url, path)).strip("/") + ".md"
            else:
                tgt = posixpath.normpath(posixpath.join(posixpath.dirname(p), path))
            if tgt not in ids:
                errors.append(f"{p}: broken link {url}")
                continue
            if tgt == p:
                errors.append(f"{p}: self link")
            if anchor:
                stats["anchors"] += 1
                if anchor not in ids[tgt]:
                    errors.append(f"{p}: broken anchor {url} (ids {ids[tgt]})")
            if posixpath.dirname(tgt) != posixpath.dirname(p):
                stats["cross"] += 1
        for r in fm.get("related", []) + fm.get("pinned", []):
            if r not in ids:
                errors.append(f"{p}: related {r} missing")

    n = len(articles)
    print(f"{'hugo' if hugo else 'helpcenter'} corpus {root}: {n} articles, "
          f"{sum(1 for p in pages if p.endswith('_index.md')) - 1} sections")
    if n:
        print(f"  size bytes min/mean/max: {min(sizes)}/{sum(sizes) // n}/{max(sizes)}")
        print(f"  tables {stats['table'] / n:.0%}, callouts {stats['callout'] / n:.0%}, "
              f"related {stats['related'] / n:.0%}")
        print(f"  links {stats['links']} ({stats['links'] / n:.2f}/article), "
              f"{stats['anchors']} with #anchor, {stats['cross']} cross-section")
        print(f"  distinct tags {len(tag_count)}; headings ids checked {sum(len(v) for v in ids.values())}")
    for e in errors[:30]:
        print("ERROR", e)
    if errors:
        print(f"{len(errors)} problems")
        return 1
    print("OK: all links, anchors and related paths resolve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
