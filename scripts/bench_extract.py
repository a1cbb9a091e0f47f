#!/usr/bin/env python3
"""Extraction throughput, single process: articles/s and chars/s of ``vnkg.extract.extract`` on a
sample of the bulk corpus (the first N articles of each file, so outlets and eras are all in it),
and, in the same run on the same texts, underthesea's NER as the baseline (installed by the
`bench` extra: pip install -e '.[bench]'; skipped with a note when it is absent).

    .venv/bin/python scripts/bench_extract.py [--per-file 300] [--profile] [--no-baseline] [FILES…]
"""
from __future__ import annotations

import argparse
import cProfile
import glob
import gzip
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vnkg.extract import extract  # noqa: E402
from vnkg.extract.grammar import grammar  # noqa: E402
from vnkg.extract.text import normalize  # noqa: E402
from vnkg.model import Article  # noqa: E402

DEFAULT = str(ROOT.parent / "shared" / "corpus" / "bulk" / "*.jsonl.gz")


def sample(paths: list[str], per_file: int) -> list[Article]:
    out = []
    for p in paths:
        opener = gzip.open if p.endswith(".gz") else open
        with opener(p, "rt", encoding="utf-8") as fh:
            n = 0
            for line in fh:
                if not line.strip():
                    continue
                d = json.loads(line)
                out.append(Article(id=str(d["id"]), text=normalize(d.get("text") or ""), title=d.get("title"),
                                   outlet=d.get("outlet"), published=d.get("published")))
                n += 1
                if per_file and n >= per_file:
                    break
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--per-file", type=int, default=300, help="articles per file (0: all)")
    ap.add_argument("--profile", action="store_true", help="print the 25 costliest functions")
    ap.add_argument("--no-baseline", action="store_true", help="skip underthesea's NER")
    args = ap.parse_args()
    arts = sample(sorted(args.files or glob.glob(DEFAULT)), args.per_file)
    grammar()  # compiled once per process: not part of the per-article cost
    prof = cProfile.Profile() if args.profile else None
    t = time.perf_counter()
    if prof:
        prof.enable()
    for a in arts:
        extract(a)
    if prof:
        prof.disable()
    dt = time.perf_counter() - t
    chars = sum(len(a.text) for a in arts)
    print(f"{len(arts)} articles, {chars} chars in {dt:.2f} s: {len(arts) / dt:.0f} articles/s, "
          f"{chars / dt / 1000:.0f} k chars/s (one process)")
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    if not args.no_baseline:
        baseline(arts, len(arts) / dt)
    return 0


def baseline(arts: list[Article], ours: float) -> None:
    """underthesea's NER (persons, places, organisations only: no offices, documents or events)
    sentence by sentence over the same texts."""
    try:
        from underthesea import ner, sent_tokenize
    except ImportError:
        print("underthesea: not installed (pip install -e '.[bench]'); no baseline")
        return
    ner("Ông Nguyễn Văn An phát biểu.")  # loads its model once, outside the timing
    t = time.perf_counter()
    for a in arts:
        for sentence in sent_tokenize(a.text):
            ner(sentence)
    dt = time.perf_counter() - t
    chars = sum(len(a.text) for a in arts)
    print(f"underthesea ner: {len(arts) / dt:.1f} articles/s, {chars / dt / 1000:.1f} k chars/s (one process); "
          f"vnkg is {ours / (len(arts) / dt):.1f}x faster while also extracting offices, documents and events")


if __name__ == "__main__":
    sys.exit(main())
