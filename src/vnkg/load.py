"""Load articles into a store: read → extract → graph → store.

A first load into an empty store is written in one ingestion, any other in batches; each
write is one transaction, so an article is stored whole or not at all; an article whose
content is already stored is skipped, so an interrupted load resumes where it stopped; a
bad record is reported and skipped, never fatal.

Extraction, the slow step, runs in worker processes over chunks of articles; results are
taken back in input order, so the store ends the same whatever the number of workers
(and of two records with one id, the later still wins).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from vnkg import graph, iri, reference
from vnkg.extract import extract
from vnkg.model import Article
from vnkg.read import ReadError, check_input, read_articles
from vnkg.resolve import (Facts, Written, first_resolution, is_outdated, mark_outdated, quad_facts, resolve_store,
                          resolved_here)
from vnkg.store import Store

# Articles per transaction, from FIRST_BATCH doubling up to BATCH: each transaction is one ingestion
# into RocksDB, whose background compactions then merge them; with small transactions compacting
# cost more CPU than writing. Small first batches show the first articles soon. A kill loses at
# most one batch.
FIRST_BATCH = 500
BATCH = 4000
# A first load of up to ONE_INGESTION articles and ONE_INGESTION_QUADS article quads is written in one
# ingestion (below). pyoxigraph's bulk loader sorts 1,000,000 quads at a time, each such batch its own
# sorted run in every index (Oxigraph's DEFAULT_BULK_LOAD_BATCH_SIZE); the identity graph adds about a
# fifth (63,639 for the bulk corpus's 302,675), the reference data 6,000.
ONE_INGESTION = 8000
ONE_INGESTION_QUADS = 800_000
COMPACT_SHARE = 0.2  # a load that wrote at least this share of the store's articles compacts it
CHUNK = 20  # articles per task sent to a worker: large enough to amortise pickling, small enough to balance


@dataclass
class LoadReport:
    loaded: int = 0
    unchanged: int = 0
    triples: int = 0
    skipped: list[ReadError] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.loaded} articles loaded ({self.triples} triples)"]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


def article_quads(article: Article):
    """The quads of one article's named graph (extraction errors surface as ValueError)."""
    try:
        extraction = extract(article)
    except Exception as e:  # an extractor bug must cost one article, not the load
        raise ValueError(f"extraction failed: {type(e).__name__}: {e}") from e
    try:
        return graph.to_quads(extraction)
    except Exception as e:  # e.g. an IRI the extractor made that is not one: the article is skipped, not the load
        raise ValueError(f"graph mapping failed: {type(e).__name__}: {e}") from e


def _extract_chunk(articles: list[Article]) -> list[tuple[Article, bytes | str, Facts | None]]:
    """In a worker: each article's graph as N-Quads, or the reason it failed. N-Quads, not quad
    objects: pickling pyoxigraph quads to the loader cost more than the extraction itself. With
    them, what identity resolution reads of the graphs, so the loader need not read them back:
    merged here for the whole chunk and handed over with its first article (None with the others),
    as merging is work the loader's own thread would take from the workers' cores."""
    out = []
    facts = Facts()
    for a in articles:
        try:
            quads = article_quads(a)
            out.append((a, ox.serialize(quads, format=ox.RdfFormat.N_QUADS), None))
            facts.update(quad_facts(quads))
        except ValueError as e:
            out.append((a, str(e), None))
    first = next((i for i, (_, q, _) in enumerate(out) if isinstance(q, bytes)), None)
    if first is not None:
        out[first] = (*out[first][:2], facts)
    return out


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extracted(chunks: Iterator[list[Article]], workers: int) -> Iterator[tuple[Article, bytes | str, Facts | None]]:
    """Extraction results in input order; in worker processes when there is more than one chunk."""
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None or workers <= 1:  # a pool's start-up would cost more than it saves
        for chunk in _concat([first] if second is None else [first, second], chunks):
            yield from _extract_chunk(chunk)
        return
    # fork where there is one: workers start at once with the vocabulary already loaded, and the
    # caller's script is not re-imported (forkserver and spawn re-run an unguarded __main__).
    # A worker runs only pure-Python extraction, never the store the parent has open.
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_start_worker,
                             initargs=(os.getpid(),)) as pool:
        pending = deque()
        # A bounded window in flight, so memory stays flat on any corpus size; a batch's worth and
        # more, so the workers keep extracting while the loader writes a batch.
        window = max(3 * workers, BATCH // CHUNK + 2 * workers)
        for chunk in _concat([first, second], chunks):
            pending.append(pool.submit(_extract_chunk, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _start_worker(parent: int) -> None:
    """Worker start-up: yield the CPU to the loader, and exit when the loader is gone.

    The loader's reading and store writes are the serial part of a load: with as many workers as
    cores, they waited for a core while the workers ran ahead and then idled on a full window.
    A loader killed with SIGKILL cannot stop its pool, and the workers, blocked on its queue,
    stayed forever."""
    try:
        os.nice(5)
    except OSError:  # not allowed here: the load is only slower
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _concat(*iterators):
    for it in iterators:
        yield from it


def load_files(store: Store, paths: Iterable[str | Path], *, force: bool = False,
               progress: Callable[[int], None] | None = None, workers: int | None = None,
               resolve: bool = True) -> LoadReport:
    """Load every article of these files. ``progress(n)`` is called as n more records are done.
    ``workers``: extraction processes (default: the CPUs this process may use). ``resolve``:
    recompute who is who across articles (docs/identity.md) when anything was loaded."""
    paths = list(paths)
    for path in paths:  # a wrong file name fails the load before anything is written
        check_input(path)
    report = LoadReport()
    hashes = {} if force else store.article_hashes()
    batch: dict[str, bytes] = {}
    size = [FIRST_BATCH]
    existing = len(hashes)  # articles already in the store (unknown, so 0, with force)
    written_facts = Written()  # what resolution needs of the graphs written
    outdated = [is_outdated(store)]
    # Resolution may then be redone for the new articles' names only (resolve_store).
    resolved_before = [resolve and not force and resolved_here(store, hashes)]
    stored = None if force else dict(hashes)  # the store's article hashes, as the load goes on
    digests: dict[str, str] = {}

    def write(graphs: dict[str, bytes], articles: dict[str, bytes]) -> None:
        store.replace_serialized(graphs)
        report.loaded += len(articles)
        report.triples += sum(q.count(b"\n") for q in articles.values())  # one quad a line

    def flush() -> None:
        if batch:
            if not outdated[0]:
                mark_outdated(store)
                outdated[0] = True
            write(batch, batch)
            batch.clear()
            size[0] = min(BATCH, 2 * size[0])

    # A first load into an empty store, of up to ONE_INGESTION articles, is written at the end,
    # with the reference data and its identity graph, in one ingestion: the store then reads as
    # fast as a compacted one, and its store side is a bare bulk load's, with no compaction
    # (scripts/bench.py). A kill loses the whole load (the store stays empty).
    one_ingestion = [store.reference_pending]
    held = [0]  # quads kept for it

    def in_batches() -> None:
        if one_ingestion[0]:
            one_ingestion[0] = False
            store.ensure_reference()

    if not resolve:  # the identity graph is part of the one ingestion
        in_batches()

    def to_extract() -> Iterator[Article]:
        for path in paths:
            for item in read_articles(path):
                if isinstance(item, ReadError):
                    report.skipped.append(item)
                    if progress:
                        progress(1)
                    continue
                name, digest = iri.article(item.id), graph.text_hash(item)
                if name in hashes:  # a stored article replaced: what it said goes, all is resolved again
                    resolved_before[0] = resolved_before[0] and hashes[name] == digest
                if hashes.get(name) == digest:
                    report.unchanged += 1
                    if progress:
                        progress(1)
                    continue
                hashes[name] = digests[name] = digest
                yield item

    for article, quads, facts in _extracted(_chunks(to_extract(), CHUNK), workers or default_workers()):
        if progress:
            progress(1)
        if isinstance(quads, str):
            report.skipped.append(ReadError(article.origin or article.id, f"article {article.id}: {quads}"))
            continue
        name = iri.article(article.id)
        if name in batch:  # the same id twice: the later record wins, in order
            in_batches()
            flush()
        batch[name] = quads
        written_facts.add(name, facts)
        if one_ingestion[0]:
            held[0] += quads.count(b"\n")
            if len(batch) > ONE_INGESTION or held[0] > ONE_INGESTION_QUADS or not written_facts.whole:
                in_batches()
        if not one_ingestion[0] and len(batch) >= size[0]:
            flush()
    if one_ingestion[0] and batch:
        identity = first_resolution(written_facts, {g: digests[g] for g in written_facts.graphs})
        write({**_nquads(reference.quads()), **batch, **_nquads(identity)}, batch)
        store.reference_pending = False
        return report
    in_batches()
    if not (resolve and (report.loaded or batch or outdated[0])):
        flush()
        return report
    # The last batch is written while resolution is worked out: the store's write releases the GIL,
    # and resolution reads none of the graphs being written (it has their facts) until it is done.
    last = _Background(flush)
    try:
        if stored is not None:
            stored.update((g, digests[g]) for g in written_facts.graphs)
        resolve_store(store, written_facts, writing=last.join, resolved_before=resolved_before[0], hashes=stored)
    finally:
        last.join()
    # Each batch, and the identity graph, is one more sorted run that every later read looks through
    # (RocksDB merges them in the background only while a process keeps the store open): after a
    # load that wrote a good share of the store, it is compacted, last, as any later bulk write adds
    # a run again. Queries then read the store as fast as one written in a single ingestion.
    if report.loaded >= COMPACT_SHARE * (existing + report.loaded):
        store.compact()
    return report


def _nquads(quads: Iterable[ox.Quad]) -> dict[str, bytes]:
    """Quads as N-Quads, graph by graph."""
    graphs: dict[str, list[ox.Quad]] = {}
    for q in quads:
        graphs.setdefault(q.graph_name.value, []).append(q)
    return {g: ox.serialize(qs, format=ox.RdfFormat.N_QUADS) for g, qs in graphs.items()}


class _Background:
    """A call run in a thread; ``join`` waits for it and raises what it raised."""

    def __init__(self, call: Callable[[], None]):
        self.error: BaseException | None = None

        def run() -> None:
            try:
                call()
            except BaseException as e:  # noqa: BLE001 — handed to the caller at join
                self.error = e

        self.thread = threading.Thread(target=run, name="vnkg-load-write")
        self.thread.start()

    def join(self) -> None:
        self.thread.join()
        if self.error is not None:
            error, self.error = self.error, None
            raise error
