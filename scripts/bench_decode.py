"""What a canned query's answer costs to hand out, apart from finding it (issue #6, docs/serve.md).

On a store you already have, in one run:
- one scan of schema:mentions inside each article graph, counted, then returned (two IRIs a row),
  on the store's folder and on an in-memory copy of it: the cost of decoding terms on disk;
- for each canned query (parameters as scripts/bench.py picks them), its rows, the terms in them that must be decoded (IRIs and strings longer
  than 15 bytes: shorter ones, numbers and dates sit inside the term itself) and, at the per-term
  cost measured above, the floor its output alone puts under its latency.

    .venv/bin/python scripts/bench_decode.py STORE [--queries positions,mentions]   # default: all
"""
from __future__ import annotations

import argparse
import statistics
import time

import sys
from pathlib import Path

import pyoxigraph as ox

from vnkg import queries

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import MENTION_SCAN as SCAN, realistic_params  # noqa: E402  (scripts/ is not a package)
from vnkg.store import prologue

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g schema:mentions ?e } }"


def timed(store: ox.Store, sparql: str, bindings: dict | None = None, runs: int = 3) -> tuple[float, list]:
    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()} or None
    times, rows = [], []
    for _ in range(runs):
        t = time.perf_counter()
        rows = [tuple(s) for s in store.query(prologue() + sparql, use_default_graph_as_union=True, substitutions=subs)]
        times.append(time.perf_counter() - t)
    return statistics.median(times), rows


def looked_up(term) -> bool:
    """Whether the store keeps this term apart (decoding it is a lookup)."""
    if isinstance(term, ox.NamedNode):
        return True
    return isinstance(term, ox.Literal) and len(term.value.encode("utf-8")) > 15


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store")
    ap.add_argument("--queries", help="comma-separated names (default: every canned query)")
    args = ap.parse_args()
    disk = ox.Store.read_only(args.store)
    memory = ox.Store()
    memory.bulk_extend(disk.quads_for_pattern(None, None, None, None))
    count, _ = timed(disk, COUNT)
    on_disk, rows = timed(disk, SCAN)
    in_memory, _ = timed(memory, SCAN)
    per_term = (on_disk - count) / (2 * len(rows))
    print(f"scan of {len(rows)} rows × 2 IRIs: counted {count * 1000:.0f} ms, returned {on_disk * 1000:.0f} ms on disk, "
          f"{in_memory * 1000:.0f} ms in memory ({in_memory / on_disk:.2f}x); ~{per_term * 1e6:.1f} µs a term on disk")
    params = realistic_params(args.store)
    for name in args.queries.split(",") if args.queries else queries.catalogue():
        q = queries.get(name)
        given = {**params["_"], **params.get(name, {})}
        values = {p.name: given.get(p.name, p.default if p.default is not None else "x") for p in q.params}
        latency, result = timed(disk, q.sparql, q.bindings(values))
        terms = sum(looked_up(t) for row in result for t in row)
        print(f"  {name:22s} {len(result):6d} rows  {terms:7d} terms to decode  floor ~{terms * per_term * 1000:5.0f} ms  "
              f"query {latency * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
