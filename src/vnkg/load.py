"""Load articles into a store: read → extract → graph → store, in batches.

Each batch is written in one transaction, so an article is stored whole or not at
all; an article whose content is already stored is skipped, so an interrupted load
resumes where it stopped; a bad record is reported and skipped, never fatal.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vnkg import graph, iri
from vnkg.extract import extract
from vnkg.model import Article
from vnkg.read import ReadError, check_input, read_articles
from vnkg.store import Store

BATCH = 200


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


def load_files(store: Store, paths: Iterable[str | Path], *, force: bool = False,
               progress: Callable[[int], None] | None = None, resolve: bool = True) -> LoadReport:
    """Load every article of these files. ``progress(n)`` is called after each batch of n records.
    ``resolve``: then recompute who is who across articles (vnkg.resolve) when anything changed."""
    paths = list(paths)
    for path in paths:  # a wrong file name fails the load before anything is written
        check_input(path)
    report = LoadReport()
    hashes = {} if force else store.article_hashes()
    batch: dict[str, list] = {}

    def flush() -> None:
        if batch:
            store.replace_articles(batch)
            report.loaded += len(batch)
            report.triples += sum(len(q) for q in batch.values())
            if progress:
                progress(len(batch))
            batch.clear()

    for path in paths:
        for item in read_articles(path):
            if isinstance(item, ReadError):
                report.skipped.append(item)
                continue
            name = iri.article(item.id)
            if hashes.get(name) == graph.text_hash(item):
                report.unchanged += 1
                if progress:
                    progress(1)
                continue
            if name in batch:  # the same id twice: the later record wins, in order
                flush()
            try:
                batch[name] = article_quads(item)
            except ValueError as e:
                report.skipped.append(ReadError(item.origin or item.id, f"article {item.id}: {e}"))
                continue
            hashes[name] = graph.text_hash(item)
            if len(batch) >= BATCH:
                flush()
    flush()
    if resolve and report.loaded:
        from vnkg.resolve import resolve_store

        resolve_store(store)
    return report
