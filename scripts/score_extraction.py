#!/usr/bin/env python3
"""Score ``vnkg.extract.extract`` directly (no store, no CLI) against the gold annotations.

Builds the rows the canned queries would give (positions, mentions, documents, events,
participants) from each Extraction and compares them with ../shared/eval/gold using the
fold functions of ../shared/eval/score.py (imported, not copied). For quick iteration:

    .venv/bin/python scripts/score_extraction.py ../shared/corpus/seed.jsonl ../shared/corpus/dev.jsonl \
        --gold ../shared/eval/gold [--show-errors] [--only a01]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vnkg.extract import extract  # noqa: E402
from vnkg.extract.text import normalize  # noqa: E402
from vnkg.model import Article  # noqa: E402


def load_score(path: Path):
    spec = importlib.util.spec_from_file_location("shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "gold")
    ap.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--only", action="append", default=[])
    args = ap.parse_args()
    sc = load_score(args.score)
    fold, fold_title, fold_province, fold_symbol, fold_event_type = (
        sc.fold, sc.fold_title, sc.fold_province, sc.fold_symbol, sc.fold_event_type)

    cats = ["persons", "positions", "positions-loose", "documents", "provinces", "events", "chairs", "participants"]
    pred = {k: set() for k in cats}
    want = {k: set() for k in cats}
    for c in args.corpus:
        for line in open(c, encoding="utf-8"):
            if not line.strip():
                continue
            d = json.loads(line)
            i = d["id"]
            if args.only and i not in args.only:
                continue
            gp = args.gold / f"{i}.json"
            if not gp.exists():
                continue
            g = json.load(open(gp, encoding="utf-8"))
            art = Article(id=i, text=normalize(d["text"]), url=d.get("url"), title=d.get("title"),
                          outlet=d.get("outlet"), published=d.get("published"))
            x = extract(art)
            for h in x.holdings:
                pred["positions"].add((i, fold(h.person), fold_title(h.title), fold_province(h.province),
                                       "former" if h.status == "former" else "current"))
                pred["positions-loose"].add((i, fold(h.person), fold_title(h.title)))
            for p in x.persons:
                pred["persons"].add((i, fold(p.name)))
            for p in x.places:
                pred["provinces"].add((i, fold_province(p.province)))
            for dref in x.documents:
                sym = fold_symbol(dref.symbol)
                pred["documents"].add((i, sym if sym else f"{fold(dref.type)}|{(dref.number or '').lstrip('0')}"))
            for e in x.events:
                pred["events"].add((i, fold_event_type(e.type), fold_province(e.province)))
                for pa in e.participants:
                    pred["participants"].add((i, fold(pa.person)))
                    if pa.role == "chair":
                        pred["chairs"].add((i, fold(pa.person)))
            for p in g.get("persons", []):
                want["persons"].add((i, fold(p)))
            for p in g.get("positions", []):
                want["positions"].add((i, fold(p["person"]), fold_title(p["title"]), fold_province(p.get("province")),
                                       "former" if p.get("status") == "former" else "current"))
                want["positions-loose"].add((i, fold(p["person"]), fold_title(p["title"])))
            for dd in g.get("documents", []):
                sym = fold_symbol(dd.get("symbol"))
                want["documents"].add((i, sym if sym else f"{fold(dd.get('type'))}|{(dd.get('number') or '').lstrip('0')}"))
            for p in g.get("provinces", []):
                want["provinces"].add((i, fold_province(p)))
            for e in g.get("events", []):
                want["events"].add((i, fold_event_type(e.get("type")), fold_province(e.get("province"))))
                want["chairs"] |= {(i, fold(n)) for n in e.get("chairs", [])}
                want["participants"] |= {(i, fold(n)) for n in e.get("chairs", []) + e.get("participants", [])}

    print(f"{'category':<16}{'gold':>6}{'found':>7}{'right':>7}{'P':>7}{'R':>7}{'F1':>7}")
    for k in cats:
        p, r, f = sc.prf(want[k], pred[k])
        print(f"{k:<16}{len(want[k]):>6}{len(pred[k]):>7}{len(want[k] & pred[k]):>7}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
        if args.show_errors:
            for t in sorted(want[k] - pred[k]):
                print(f"   missed  {' | '.join(t)}")
            for t in sorted(pred[k] - want[k]):
                print(f"   extra   {' | '.join(t)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
