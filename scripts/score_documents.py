#!/usr/bin/env python3
"""Score document extraction alone against the gold, article by article, without a store.

    .venv/bin/python scripts/score_documents.py [CORPUS.jsonl ...] [--gold DIR] [--show]
    .venv/bin/python scripts/score_documents.py --legal ../shared/corpus/legal-2025.jsonl
    .venv/bin/python scripts/score_documents.py --bulk '../shared/corpus/bulk/*.jsonl.gz'

Keys are made with fold_symbol and fold from ../shared/eval/score.py (loaded, not copied), so
the numbers match what the end-to-end scorer gives the documents category.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import importlib.util
import json
import logging
import sys
import time
from pathlib import Path

from vnkg.extract.documents import extract_documents
from vnkg.extract.text import normalize, sentences
from vnkg.model import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _score_module():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _articles(path: str):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                yield Article(id=str(d["id"]), text=normalize(d.get("text") or ""), url=d.get("url"),
                              title=d.get("title"), outlet=d.get("outlet"), published=d.get("published"))


def _key(sc, symbol, type_, number) -> str:
    sym = sc.fold_symbol(symbol)
    return sym if sym else f"{sc.fold(type_)}|{(number or '').lstrip('0')}"


def gold_f1(corpora: list[str], gold_dir: Path, show: bool) -> float:
    sc = _score_module()
    want, got = set(), set()
    for c in corpora:
        for a in _articles(c):
            gfile = gold_dir / f"{a.id}.json"
            if not gfile.exists():
                continue
            g = json.loads(gfile.read_text(encoding="utf-8"))
            for d in g.get("documents", []):
                want.add((a.id, _key(sc, d.get("symbol"), d.get("type"), d.get("number"))))
            docs = extract_documents(a, sentences(a.text))
            for d in docs:
                got.add((a.id, _key(sc, d.symbol, d.type, d.number)))
                if show:
                    print(f"  {a.id}: {d.type} | {d.number} | {d.symbol} | {d.issuer} | {d.date} | "
                          f"{d.province} | {d.title}")
    tp = len(want & got)
    p = tp / len(got) if got else 1.0
    r = tp / len(want) if want else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"documents gold {len(want)} found {len(got)} right {tp}  P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for t in sorted(want - got):
        print("   missed ", " | ".join(t))
    for t in sorted(got - want):
        print("   extra  ", " | ".join(t))
    return f


def legal(path: str, show: int) -> None:
    n_docs = n_links = n_self = 0
    for a in _articles(path):
        docs = extract_documents(a, sentences(a.text))
        n_docs += len(docs)
        for d in docs:
            if d.cites:
                n_self += 1
                n_links += len(d.cites)
                if show:
                    print(f"  {a.id}: {d.symbol} ({d.type}, {d.issuer}, {d.date}) cites {d.cites}")
                    show -= 1
    print(f"legal: {n_docs} documents, {n_self} citing documents, {n_links} citation links")


class _Count(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.n = 0

    def emit(self, record):
        self.n += 1


def bulk(pattern: str) -> None:
    failures = _Count()
    logging.getLogger("vnkg.extract.documents").addHandler(failures)
    n = chars = found = 0
    spent = 0.0
    for path in sorted(glob.glob(pattern)):
        for a in _articles(path):
            sents = sentences(a.text)
            t = time.perf_counter()
            docs = extract_documents(a, sents)  # never raises; failures are logged
            spent += time.perf_counter() - t
            n += 1
            chars += len(a.text)
            found += len(docs)
    print(f"bulk: {n} articles, {chars / 1e6:.1f} M chars, {found} documents, {failures.n} failures; "
          f"{spent:.2f} s in extract_documents = {1000 * spent / max(n, 1):.3f} ms/article, {n / max(spent, 1e-9):.0f} articles/s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", default=[str(SHARED / "corpus" / "seed.jsonl"), str(SHARED / "corpus" / "dev.jsonl")])
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "gold")
    ap.add_argument("--show", action="store_true", help="print every document found")
    ap.add_argument("--legal", help="a corpus of official texts: count citation links")
    ap.add_argument("--bulk", help="glob of corpora to time and check for failures")
    args = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit("score_documents: ../shared is not there")
    if args.legal:
        legal(args.legal, 8 if args.show else 0)
    if args.bulk:
        bulk(args.bulk)
    if not args.legal and not args.bulk:
        gold_f1(args.corpus, args.gold, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
