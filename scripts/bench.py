#!/usr/bin/env python3
"""Benchmark the pipeline on the bulk corpus, in one run:

- extraction alone (articles/s, chars/s), in the worker processes `vnkg load` uses;
- the whole load into a fresh on-disk store (articles/s), and its store-side time against a
  bare pyoxigraph bulk load of the same quads (targets: ≥ 300 articles/s; ≤ 1.5× bare); a first
  load is one ingestion, `--batches` loads as into a store that holds articles (batches, compaction);
- the latency of every canned query on the loaded store (target: < 100 ms);
- with --server, the same load and queries through an Oxigraph server over HTTP;
- peak RSS of this process and of the extraction workers.

    .venv/bin/python scripts/bench.py [FILES…] [--limit N] [--server] [--workers N]
    .venv/bin/python scripts/bench.py --store vnkg-data [--queries positions,holders]   # queries only
"""
from __future__ import annotations

import argparse
import atexit
import glob
import gzip
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from vnkg import iri, load, queries
from vnkg.resolve import RESOLUTION_GRAPH
from vnkg.read import ReadError, read_articles
from vnkg.store import open_store


# Parameters are taken from the loaded store (see realistic_params), so a lookup finds rows, as a
# user's would; a parameter that matches nothing would measure an empty answer.
PICK = {
    # the post held most often in the store, with its office, province and the latest start reported
    "post": """SELECT ?post ?title ?province ?person ?name (COUNT(*) AS ?n) (MAX(STR(?pub)) AS ?date) WHERE {
        GRAPH ?g { ?h vnkg:post ?post ; org:member ?m . ?post org:role ?o . ?o skos:prefLabel ?title .
                   ?post vnkg:province ?p . ?p rdfs:label ?province . ?m schema:name ?name .
                   OPTIONAL { ?g schema:datePublished ?pub } }
        OPTIONAL { ?m vnkg:resolvedTo ?c } BIND(COALESCE(?c, ?m) AS ?person)
      } GROUP BY ?post ?title ?province ?person ?name ORDER BY DESC(?n) ?post ?person LIMIT 1""",
    "document": """SELECT ?document ?symbol (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g schema:mentions ?document .
        ?document vnkg:symbol ?symbol } } GROUP BY ?document ?symbol ORDER BY DESC(?n) ?document LIMIT 1""",
    "event": """SELECT ?event (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?pa vnkg:event ?event } }
        GROUP BY ?event ORDER BY DESC(?n) ?event LIMIT 1""",
    "province": """SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?post vnkg:province ?p . ?h vnkg:post ?post } }
        GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1""",
}


def realistic_params(location: str) -> dict[str, dict[str, str]]:
    """Per query, parameter values that exist in the store: the most reported post, its holder, the
    most cited document, the event with most participants, the province with most holdings."""
    store = open_store(location, read_only=True)
    pick = {k: store.query(q).dicts() for k, q in PICK.items()}
    store.close()
    post, doc = (pick["post"] or [{}])[0], (pick["document"] or [{}])[0]
    event, prov = (pick["event"] or [{}])[0], (pick["province"] or [{}])[0]
    common = {"title": post.get("title", "Bí thư Tỉnh ủy"), "province": post.get("province", "Tuyên Quang"),
              "date": (post.get("date") or "2021-01-01")[:10], "name": post.get("name", "Nguyễn Văn An"),
              "symbol": doc.get("symbol", ""), "kind": "person"}
    common["label_vi"] = common["name"]  # view-lookup: the same text, matched against @vi labels
    return {"_": common, "view-person": {"iri": post.get("person", "")}, "view-post": {"iri": post.get("post", "")},
            "view-document": {"iri": doc.get("document", "")}, "view-event": {"iri": event.get("event", "")},
            "view-province": {"iri": prov.get("p", "")}}
DEFAULT = str(Path(__file__).resolve().parents[2] / "shared/corpus/bulk/*.jsonl.gz")
# A few articles from elsewhere, loaded last into the loaded store: what a small later load costs.
SMALL = Path(__file__).resolve().parents[2] / "shared/corpus/dev.jsonl"


def limited_copy(paths: list[str], limit: int | None, out: Path) -> int:
    """The first `limit` records of the files as one .jsonl, so every stage sees the same input."""
    n = 0
    with out.open("wb") as fh:
        for p in paths:
            opener = gzip.open if p.endswith(".gz") else open
            with opener(p, "rb") as src:
                for line in src:
                    if limit is not None and n >= limit:
                        return n
                    if line.strip():
                        fh.write(line if line.endswith(b"\n") else line + b"\n")
                        n += 1
    return n


def timed_store(store):
    """Count the time spent inside the store's writes (article batches and the identity graph) and
    compaction."""
    spent, depth = [0.0, 0.0], [0]

    def timed(inner):
        def write(graphs, **kwargs):
            depth[0] += 1
            t = time.perf_counter()
            try:
                inner(graphs, **kwargs)
            finally:
                depth[0] -= 1
                if not depth[0]:  # replace_serialized may call replace_articles: the outer call counts
                    spent[0] += time.perf_counter() - t
        return write

    store.replace_serialized = timed(store.replace_serialized)
    store.replace_articles = timed(store.replace_articles)
    inner_compact = store.compact

    def compact():  # store-side work too, though it runs beside resolution
        t = time.perf_counter()
        try:
            inner_compact()
        finally:
            spent[0] += time.perf_counter() - t
            spent[1] += time.perf_counter() - t

    store.compact = compact
    return spent  # [all the store's work, of which compaction]


def timed_resolution():
    """Time identity resolution, which every load runs after its last batch, and its write (a first
    load into an empty store writes the identity graph with its articles, in one ingestion)."""
    spent = [0.0, 0.0]  # the whole step, its write
    inner, first = load.resolve_store, load.first_resolution  # where the load looks them up

    def timed_first(*args, **kwargs):
        t = time.perf_counter()
        try:
            return first(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t

    def timed(store, *args, **kwargs):
        t, before = time.perf_counter(), store.replace_articles

        def write(graphs, **kwargs):
            w = time.perf_counter()
            try:
                before(graphs, **kwargs)
            finally:
                spent[1] += time.perf_counter() - w
        store.replace_articles = write
        try:
            return inner(store, *args, **kwargs)
        finally:
            store.replace_articles = before
            spent[0] += time.perf_counter() - t

    load.resolve_store, load.first_resolution = timed, timed_first
    return spent


# Every (article, mentioned entity) pair: returning it is mostly decoding terms (also scripts/bench_decode.py).
MENTION_SCAN = "SELECT ?g ?e WHERE { GRAPH ?g { ?g <http://schema.org/mentions> ?e } }"


def mention_scan_ms(path) -> float:
    """Median time, in ms, to return MENTION_SCAN's rows from the store in this folder."""
    store = ox.Store.read_only(str(path))
    times = []
    for _ in range(3):
        t = time.perf_counter()
        list(store.query(MENTION_SCAN))
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _time_query(location, name, values, runs, conn):
    """In a child process, so that a runaway query can be stopped (pyoxigraph cannot cancel one)."""
    try:
        store = open_store(location, read_only=True)
        q = queries.get(name)
        bindings = q.bindings(values)
        times, n = [], 0
        for _ in range(runs):
            t = time.perf_counter()
            n = len(store.query(q.sparql, bindings).rows)
            times.append(time.perf_counter() - t)
        conn.send((statistics.median(times) * 1000, n))
    except Exception as e:  # noqa: BLE001 — a broken query is reported, the bench goes on
        conn.send((float("nan"), f"error: {str(e).splitlines()[0][:80]}"))


def query_latencies(location: str, runs: int = 3, timeout: float = 30, only: set[str] | None = None,
                    params: dict[str, dict[str, str]] | None = None) -> None:
    """Print each canned query's median latency as it is measured, slowest flagged."""
    import multiprocessing

    # A fresh interpreter for each query, as `vnkg query` is: a forked child would carry everything
    # this process holds (its collector walking it all, its pages copied as they are touched).
    ctx = multiprocessing.get_context("spawn")
    params = params or realistic_params(location)
    print(f"  parameters: {params['_']}", flush=True)
    for name, q in queries.catalogue().items():
        if only and name not in only:
            continue
        given = {**params["_"], **params.get(name, {})}
        values = {p.name: given.get(p.name, p.default if p.default is not None else "x") for p in q.params}
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_time_query, args=(location, name, values, runs, child))
        proc.start()
        if parent.poll(timeout * runs):
            ms, n = parent.recv()
        else:
            ms, n = float("inf"), f"stopped after {timeout * runs:.0f} s, no"
        proc.kill()
        proc.join()
        flag = "" if ms < 100 else "  SLOW (target < 100 ms)" if ms == ms else ""
        print(f"  {name:28s} {ms:9.1f} ms  {n} rows{flag}", flush=True)


def small_load(location: Path, workers: int, resolving: list[float]) -> None:
    """A load of a few more articles into the loaded store, as a day's news would be: resolution
    redone for their names only, against the same load into a copy resolved whole. ``resolving``:
    the running total of timed_resolution."""
    from vnkg import resolve

    whole = location.with_name("store-small-whole")
    shutil.copytree(location, whole)
    line, default = [], resolve.SCOPED_MAX
    for where, limit in ((location, default), (whole, 0)):
        resolve.SCOPED_MAX, before = limit, resolving[0]
        store = open_store(str(where))
        t = time.perf_counter()
        report = load.load_files(store, [SMALL], workers=workers)
        dt = time.perf_counter() - t
        store.close()
        line.append(f"{dt:.1f} s (identity resolution {resolving[0] - before:.1f} s)")
    resolve.SCOPED_MAX = default
    print(f"a small load afterwards ({report.loaded} articles from {SMALL.name}): {line[0]}, resolving only their "
          f"names; {line[1]} resolving the whole store")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help=f"default: {DEFAULT}")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--workers", type=int, default=None, help="extraction processes (default: the CPUs)")
    ap.add_argument("--runs", type=int, default=3, help="runs per query (the median is printed)")
    ap.add_argument("--timeout", type=float, default=30, help="seconds per query run before it is stopped")
    ap.add_argument("--server", action="store_true", help="also load and query through an Oxigraph server")
    ap.add_argument("--store", help="only time the canned queries on this existing store (no load)")
    ap.add_argument("--queries", help="only these canned queries (comma-separated)")
    ap.add_argument("--batches", action="store_true",
                    help="load in batches, then compact, as into a store that holds articles already, instead "
                         "of a first load's single ingestion")
    ap.add_argument("--no-compact", action="store_true",
                    help="with --batches, without the compaction such a load ends with (what it costs, what it buys)")
    args = ap.parse_args()
    only = set(args.queries.split(",")) if args.queries else None
    if args.no_compact:
        load.COMPACT_SHARE = float("inf")
    if args.store:
        print(f"canned queries on {args.store} (median of {args.runs}):", flush=True)
        query_latencies(args.store, args.runs, args.timeout, only)
        return
    paths = sorted(p for f in (args.files or [DEFAULT]) for p in glob.glob(f))
    if not paths:
        sys.exit(f"no input files (default {DEFAULT})")
    workers = args.workers or load.default_workers()
    tmp = Path(tempfile.mkdtemp(prefix="vnkg-bench-"))
    atexit.register(shutil.rmtree, tmp, True)  # stores of ~0.5 GB each: never left behind
    src = tmp / "input.jsonl"
    n_records = limited_copy(paths, args.limit, src)
    articles = [a for a in read_articles(src) if not isinstance(a, ReadError)]
    chars = sum(len(a.text) for a in articles)
    print(f"input: {n_records} records ({len(articles)} readable, {chars / 1e6:.1f} M chars) from {len(paths)} files; "
          f"{workers} workers")

    t = time.perf_counter()
    n_quads = sum(q.count(b"\n") for _, q, _ in load._extracted(load._chunks(iter(articles), load.CHUNK), workers)
                  if not isinstance(q, str))
    dt = time.perf_counter() - t
    print(f"extraction alone:   {len(articles) / dt:8.1f} articles/s  {chars / dt / 1000:8.1f} k chars/s  "
          f"({dt:.1f} s, {n_quads} quads)")

    # As `vnkg load` opens it: the empty store then gets its reference data with the articles.
    store = open_store(str(tmp / "store"), defer_reference=not args.batches)
    spent = timed_store(store)
    resolving = timed_resolution()
    t = time.perf_counter()
    report = load.load_files(store, [src], workers=workers)
    dt = time.perf_counter() - t
    print(f"whole load:         {report.loaded / dt:8.1f} articles/s  ({dt:.1f} s, of which identity resolution "
          f"{resolving[0]:.1f} s; {report.summary()})  target >= 300")

    # Closed at once, as `vnkg load` exits: left open, RocksDB would go on merging its files in the
    # background and the queries below would see a store no user of the command line gets.
    store.close()
    store = open_store(str(tmp / "store"), read_only=True)
    # The bare baseline loads exactly what the load wrote (article graphs and the identity graph),
    # once from N-Quads, the form our workers hand over, and once from quad objects.
    written = [q for q in store.quads() if q.graph_name.value.startswith(iri.ID) or q.graph_name.value == RESOLUTION_GRAPH]
    nquads = ox.serialize(written, format=ox.RdfFormat.N_QUADS)
    bare = {}
    for form in ("N-Quads", "quad objects"):
        target = ox.Store(str(tmp / f"bare-{len(bare)}"))
        t = time.perf_counter()
        if form == "N-Quads":
            target.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        else:
            target.bulk_extend(written)
        target.flush()
        bare[form] = time.perf_counter() - t
        del target

    writes, compacting = spent[0] - spent[1], spent[1]
    nq, obj = bare["N-Quads"], bare["quad objects"]
    print(f"store side:         {spent[0]:8.2f} s for {len(written)} quads = writes {writes:.2f} s (of which the identity "
          f"graph {resolving[1]:.2f} s) + compaction {compacting:.2f} s (last); a bare pyoxigraph bulk load "
          f"of them (one ingestion): {nq:.2f} s from N-Quads, {obj:.2f} s "
          f"from quad objects → writes {writes / nq:.2f}x / {writes / obj:.2f}x, with compaction "
          f"{spent[0] / nq:.2f}x / {spent[0] / obj:.2f}x  target <= 1.5x")
    bare_dt = bare["N-Quads"]

    store.close()
    del store  # the query children open the folder read-only
    # The bare loads' own files (a few hundred MB) are still being written out by the kernel: let
    # that finish, so that the reads below are timed on the store alone, not beside the baselines' I/O.
    os.sync()
    # What compaction buys: each batch a load ingests is one more sorted run that reads must look
    # through; the bare load is one ingestion. A scan that decodes 2 IRIs a row, on each store.
    scans = {name: mention_scan_ms(path) for name, path in (
        ("the loaded store", tmp / "store"), ("the bare load's", tmp / "bare-0"))}
    print("reading back (every article's mentions, 2 IRIs a row): "
          + ", ".join(f"{ms:.0f} ms from {name}" for name, ms in scans.items()))
    print(f"canned queries on the embedded store (median of {args.runs}):", flush=True)
    query_latencies(str(tmp / "store"), args.runs, args.timeout, only)

    if args.server:
        from vnkg.commands.serve import free_port, start_oxigraph, stop_process

        port = free_port()
        proc = start_oxigraph(tmp / "server", port, writable=True, timeout_s=300)
        try:
            remote = open_store(f"http://127.0.0.1:{port}")
            spent = timed_store(remote)
            t = time.perf_counter()
            report = load.load_files(remote, [src], workers=workers)
            dt = time.perf_counter() - t
            print(f"Oxigraph server: whole load {report.loaded / dt:8.1f} articles/s ({dt:.1f} s), "
                  f"store side {spent[0]:.2f} s ({spent[0] / bare_dt:.2f}x bare)")
            print(f"canned queries through the Oxigraph server (median of {args.runs}):", flush=True)
            query_latencies(f"http://127.0.0.1:{port}", args.runs, args.timeout, only,
                            realistic_params(str(tmp / "store")))
        finally:
            stop_process(proc)

    if SMALL.exists():
        small_load(tmp / "store", workers, resolving)

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: {own:.0f} MB (this process), {kids:.0f} MB (largest child)")


if __name__ == "__main__":
    main()
