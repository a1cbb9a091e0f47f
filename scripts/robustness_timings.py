"""The timings and corpus figures quoted in docs/robustness.md.

    .venv/bin/python scripts/robustness_timings.py            # this checkout
    git archive REV src graph ontology queries | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old/src .venv/bin/python scripts/robustness_timings.py   # an older revision

Extraction time of hostile text shapes at two lengths (a quadratic rule shows as ~16x for 4x the
text), and how long the sentences of ../shared/corpus are (when it is there).
"""
from __future__ import annotations

import glob
import gzip
import json
import sys
import time
from pathlib import Path

import vnkg
from vnkg.extract import extract
from vnkg.extract.text import sentences
from vnkg.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.test_robust_extract import SHAPES  # noqa: E402  the shapes the test checks stay linear


def cost(unit: str, n: int) -> float:
    text = (unit * (n // len(unit) + 1))[:n]
    t = time.perf_counter()
    extract(Article(id="t", text=text))
    return time.perf_counter() - t


def main() -> None:
    print(f"vnkg from {Path(vnkg.__file__).parent}")
    sizes = [int(a) for a in sys.argv[1:]] or [20_000, 80_000]
    for name, unit in SHAPES.items():
        times = [cost(unit, n) for n in sizes]
        print(f"{name:14} " + "  ".join(f"{n:>7,} chars {t:7.2f} s" for n, t in zip(sizes, times)))
    shared = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if not shared.is_dir():
        return
    lengths = []
    for f in sorted(shared.glob("*.jsonl")):
        lengths += [len(e.sentence) for line in f.open(encoding="utf-8") for e in sentences(json.loads(line)["text"])]
    for f in sorted(glob.glob(str(shared / "bulk" / "*.jsonl.gz"))):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= 3000:  # the first 3,000 articles of each bulk file
                    break
                try:
                    lengths += [len(e.sentence) for e in sentences(json.loads(line).get("text") or "")]
                except ValueError:
                    continue
    print(f"sentences {len(lengths):,}; over 2,000 characters {sum(x > 2000 for x in lengths)}; "
          f"over 3,000 {sum(x > 3000 for x in lengths)}; longest {max(lengths):,}")


if __name__ == "__main__":
    main()
