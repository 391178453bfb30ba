#!/usr/bin/env python3
"""Generate a help center of N articles from the paragraphs and headings of real Markdown.

    python3 bench/gen_text_corpus.py --articles N --sections K --from DIR [--from DIR ...] --out OUT
        [--seed S] [--min-bytes B] [--max-bytes B] [--force]

`gen_corpus.py` writes banking help articles from a fixed word list: its vocabulary is small
and its articles are short (1.6-3.9 KB). A search index tuned on it alone may not fit other
text. This corpus takes its words from real documentation instead (for example the shared
corpora: es6tutorial, vite-docs-cn), so it has their vocabulary -- programming terms, English
identifiers, long articles (2-9 KB by default) -- at any size.

Articles are shuffled paragraphs of the sources under shuffled headings, with links, images,
HTML and code removed (the links would not resolve here). Standard library only; the output
is a pure function of the arguments and the sources.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys

SEED = 20261125


def strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            return text[end + 4:]
    return text


LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
HTML = re.compile(r"<[^>]+>")
SHORTCODE = re.compile(r"\{\{[^}]*\}\}|\{%[^%]*%\}")


def clean(line: str) -> str:
    line = LINK.sub(r"\1", line)
    line = HTML.sub("", line)
    line = SHORTCODE.sub("", line)
    return line.strip()


def read_sources(dirs: list[str]) -> tuple[list[str], list[str]]:
    """Every prose paragraph and every heading of the Markdown files under `dirs`."""
    paragraphs, headings = [], []
    for d in dirs:
        for root, subdirs, files in os.walk(d):
            subdirs.sort()
            for name in sorted(files):
                if not name.endswith(".md"):
                    continue
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                    text = strip_front_matter(f.read())
                in_code = False
                para: list[str] = []
                for raw in text.splitlines() + [""]:
                    line = raw.rstrip()
                    if line.lstrip().startswith(("```", "~~~")):
                        in_code = not in_code
                        para = []
                        continue
                    if in_code:
                        continue
                    m = re.match(r"^#{1,6}\s+(.*?)\s*(\{#[^}]*\})?\s*$", line)
                    if m:
                        h = clean(m.group(1)).strip("`* ")
                        if 2 <= len(h) <= 40:
                            headings.append(h)
                        para = []
                        continue
                    if not line.strip():
                        p = clean(" ".join(para))
                        if len(p) >= 20:
                            paragraphs.append(p)
                        para = []
                        continue
                    if line.lstrip().startswith(("|", ":::", "<", "!", ">", "[", "{")):
                        para = []
                        continue
                    para.append(line.lstrip("-*+0123456789. ").strip())
    return paragraphs, headings


def yq(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(n: int, k: int, dirs: list[str], out: str, seed: int, lo: int, hi: int) -> dict:
    paragraphs, headings = read_sources(dirs)
    if len(paragraphs) < 50 or len(headings) < 20:
        sys.exit(f"gen_text_corpus: too little text in {dirs} ({len(paragraphs)} paragraphs)")
    r = random.Random(seed)
    os.makedirs(os.path.join(out, "content"))
    with open(os.path.join(out, "helpcenter.yaml"), "w", encoding="utf-8") as f:
        f.write('title: "文本基准帮助中心"\nlanguage: zh-CN\nlinks: warn\n')
    with open(os.path.join(out, "content", "_index.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: 首页\n---\n\n由真实文档的段落组成的基准站点。\n")
    total = 0
    per = max(1, n // k)
    for s in range(k):
        sec = os.path.join(out, "content", f"t{s:03d}")
        os.makedirs(sec)
        with open(os.path.join(sec, "_index.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {yq(r.choice(headings))}\nweight: {s + 1}\n---\n")
    for i in range(n):
        sec = min(i // per, k - 1)
        title = f"{r.choice(headings)} {i}"
        target = r.randint(lo, hi)
        body = []
        size = 0
        while size < target:
            h = r.choice(headings)
            body.append(f"## {h}\n")
            for _ in range(r.randint(1, 4)):
                p = r.choice(paragraphs)
                body.append(p + "\n")
                size += len(p.encode())
            size += len(h.encode())
        text = f"---\ntitle: {yq(title)}\n---\n\n" + "\n".join(body)
        path = os.path.join(out, "content", f"t{sec:03d}", f"b{i:05d}.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode())
    return {"articles": n, "sections": k, "bytes": total,
            "source_paragraphs": len(paragraphs), "source_headings": len(headings)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--sections", type=int, required=True)
    ap.add_argument("--from", dest="sources", action="append", required=True,
                    help="a folder of Markdown to take paragraphs and headings from (repeatable)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--min-bytes", type=int, default=2000)
    ap.add_argument("--max-bytes", type=int, default=9000)
    ap.add_argument("--force", action="store_true", help="replace OUT if it exists")
    a = ap.parse_args(argv)
    if os.path.exists(a.out):
        if not a.force:
            sys.exit(f"gen_text_corpus: {a.out} exists (use --force to replace it)")
        shutil.rmtree(a.out)
    stats = generate(a.articles, a.sections, a.sources, a.out, a.seed, a.min_bytes, a.max_bytes)
    print(" ".join(f"{k}={v}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
