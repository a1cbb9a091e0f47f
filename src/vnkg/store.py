"""Where the graph lives: embedded Oxigraph (a folder, or memory) or a remote SPARQL 1.1 endpoint.

Each article's facts are one named graph (the article's IRI). Writing an article
replaces its named graph in one transaction, so an article is in the store whole or
not at all, and reloading it replaces exactly its facts. Queries see the union of
all graphs.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import pyoxigraph as ox

from vnkg import reference
from vnkg.iri import ONTOLOGY_GRAPH, PREFIXES, REFERENCE_GRAPH, VNKG

DEFAULT_LOCATION = "vnkg-data"
Term = ox.NamedNode | ox.Literal | ox.BlankNode

EXPORT_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "ttl"),
    "trig": (ox.RdfFormat.TRIG, "trig"),
    "nquads": (ox.RdfFormat.N_QUADS, "nq"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "nt"),
    "jsonld": (None, "jsonld"),
}


class StoreError(Exception):
    """The store cannot be opened or written; the message is one line for the user."""


@dataclass
class Result:
    """A SELECT result: variable names and rows of RDF terms (None where unbound)."""

    variables: list[str]
    rows: list[tuple[Term | None, ...]]

    def dicts(self) -> list[dict[str, str]]:
        """Rows as plain strings: IRIs, lexical forms, "" where unbound."""
        return [{v: (t.value if t is not None else "") for v, t in zip(self.variables, row)} for row in self.rows]


def prologue() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


class Store:
    """The interface every store offers; ``open_store`` picks one."""

    location: str
    reference_pending = False  # an empty store whose reference data a load will write (EmbeddedStore)

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Result | bool | list:
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        raise NotImplementedError

    def replace_articles(self, graphs: Mapping[str, list[ox.Quad]]) -> None:
        """Replace the named graphs of these articles, all in one transaction."""
        raise NotImplementedError

    def replace_serialized(self, graphs: Mapping[str, bytes]) -> None:
        """``replace_articles`` for graphs given as N-Quads (how extraction workers hand them over)."""
        self.replace_articles({g: list(ox.parse(data, format=ox.RdfFormat.N_QUADS)) for g, data in graphs.items()})

    def article_hashes(self) -> dict[str, str]:
        """Article IRI → the hash of the content it was loaded from."""
        res = self.query(f"SELECT ?a ?h WHERE {{ GRAPH ?a {{ ?a <{VNKG}textHash> ?h }} }}")
        return {a.value: h.value for a, h in res.rows}

    def quads(self) -> Iterator[ox.Quad]:
        raise NotImplementedError

    def graph_quads(self, graph: str) -> list[ox.Quad]:
        """The quads of one named graph."""
        g = ox.NamedNode(graph)
        res = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": g})
        return [ox.Quad(s, p, o, g) for s, p, o, _ in res.rows]

    def compact(self) -> None:
        """Reorganise the store's files for reading, after a large write (a no-op where the server does it)."""

    def size(self) -> int:
        """How many triples the store holds in its graphs (a remote endpoint may count its system graphs too)."""
        res = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(res.rows[0][0].value)

    def close(self) -> None:
        pass

    def ensure_reference(self) -> None:
        """Load the ontology and reference graph when the store lacks them or they changed."""
        quads = reference.quads()
        for graph in (ONTOLOGY_GRAPH, REFERENCE_GRAPH):
            wanted = [q for q in quads if q.graph_name.value == graph]
            res = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
            if int(res.rows[0][0].value) != len(set(wanted)):
                self.replace_articles({graph: wanted})

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class EmbeddedStore(Store):
    """pyoxigraph in a folder (``path``) or in memory (``path=None``)."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False, defer_reference: bool = False):
        self.location = str(path) if path else ":memory:"
        self.read_only = read_only
        self.reference_pending = False
        try:
            if path is None:
                self.ox = ox.Store()
            elif read_only:
                if not Path(path).is_dir():
                    raise StoreError(f"no store at {path}: load articles into it first (vnkg --store {path} load FILE)")
                self.ox = ox.Store.read_only(str(path))
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(path))
        except OSError as e:
            busy = " (another process is writing to it)" if "LOCK" in str(e) else ""
            raise StoreError(f"cannot open the store at {path}: {_first_line(e)}{busy}") from None
        except RuntimeError as e:  # read-only open while a first load is still creating the store
            raise StoreError(f"cannot open the store at {path}: {_first_line(e)} (is a load creating it?)") from None
        if read_only:
            return
        if defer_reference and path is not None and next(iter(self.ox), None) is None:
            # An empty store opened by a load, which writes the reference data in the same ingestion
            # as the articles (load.py); ``close`` writes it if the load did not.
            self.reference_pending = True
        else:
            self.ensure_reference()

    def ensure_reference(self):
        super().ensure_reference()
        self.reference_pending = False

    def query(self, sparql, bindings=None):
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            res = self.ox.query(prologue() + sparql, use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as e:
            raise StoreError(f"SPARQL syntax error: {_first_line(e)}") from None
        except OSError as e:
            raise StoreError(f"query failed: {_first_line(e)}") from None
        if isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            return Result(names, [tuple(sol) for sol in res])  # unbound → None, in variable order
        if isinstance(res, ox.QueryBoolean):
            return bool(res)
        return list(res)  # triples of CONSTRUCT / DESCRIBE

    def update(self, sparql):
        try:
            self.ox.update(prologue() + sparql)
        except SyntaxError as e:
            raise StoreError(f"SPARQL syntax error: {_first_line(e)}") from None

    def replace_articles(self, graphs):
        present = {g for g in graphs if self.ox.contains_named_graph(ox.NamedNode(g))}
        try:
            if not present:
                # All new: the bulk loader, twice as fast as a transaction. It builds its index files
                # aside and ingests them all in one RocksDB call, atomic across the indexes, so a
                # killed load leaves each batch whole or absent (tests/test_robust_load.py kills it).
                self.ox.bulk_extend(q for quads in graphs.values() for q in quads)
                return
            parts = self._replacement(graphs, present)
            if parts:  # nothing differs: nothing to write
                self.ox.update(" ;\n".join(parts))
        except OSError as e:
            raise StoreError(f"cannot write to the store at {self.location}: {_first_line(e)}") from None

    def replace_serialized(self, graphs):
        if any(self.ox.contains_named_graph(ox.NamedNode(g)) for g in graphs):
            return super().replace_serialized(graphs)
        try:  # all new: parsed and loaded by the bulk loader in one atomic ingestion, as above
            self.ox.bulk_load(b"".join(graphs.values()), format=ox.RdfFormat.N_QUADS)
        except OSError as e:
            raise StoreError(f"cannot write to the store at {self.location}: {_first_line(e)}") from None

    def _replacement(self, graphs, present) -> list[str]:
        """One update (one transaction) replacing these graphs. Only the difference is written: a
        reload of an article, or identity resolution redone after a load, changes few quads. Terms are
        written in their N-Triples form by pyoxigraph itself, never from raw strings."""
        removed, added, dropped = [], [], []
        for g, quads in graphs.items():
            new = set(quads)
            old = set(self.ox.quads_for_pattern(None, None, None, ox.NamedNode(g))) if g in present else set()
            gone = old - new
            if not new or any(isinstance(t, ox.BlankNode) for q in gone for t in (q.subject, q.object)):
                dropped.append(g)  # DELETE DATA takes no blank nodes: drop the graph, write it anew
                gone, fresh = set(), new
            else:
                fresh = new - old
            removed += gone
            added += fresh
        return [f"DROP SILENT GRAPH <{g}>" for g in dropped] + data_updates(removed, added)

    def remove_article(self, graph: str) -> bool:
        node = ox.NamedNode(graph)
        if not self.ox.contains_named_graph(node):
            return False
        self.ox.remove_graph(node)
        return True

    def compact(self):
        # A load writes each batch as files of its own, which every later lookup looks through; merged,
        # reads cost what they cost after one ingestion (scripts/bench.py prints both). The next bulk
        # ingestion adds a run again: compact after the last write.
        try:
            self.ox.optimize()
        except OSError as e:
            raise StoreError(f"cannot compact the store at {self.location}: {_first_line(e)}") from None

    def size(self):
        # Counted on one index, without building a SPARQL solution per quad.
        return len(self.ox)

    def quads(self):
        return iter(self.ox)

    def graph_quads(self, graph):
        return list(self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def close(self):
        # Dropping the pyoxigraph Store releases the folder's lock for other processes.
        if self.ox is not None and self.reference_pending:
            self.ensure_reference()
        store, self.ox = self.ox, None
        if store is not None and not self.read_only:
            store.flush()


# Quads per DELETE DATA / INSERT DATA operation: one of ~5,000 exhausts Virtuoso's SPARQL compiler
# ("SP030 … memory exhausted"). Several operations in one update are still one transaction.
DATA_BLOCK = 1000


def data_updates(removed: Iterable[ox.Quad], added: Iterable[ox.Quad]) -> list[str]:
    """DELETE DATA and INSERT DATA operations for these quads (none for an empty list), DATA_BLOCK
    quads each at most, their terms written in N-Triples form by pyoxigraph itself, never from raw
    strings."""
    parts = []
    for verb, quads in (("DELETE", list(removed)), ("INSERT", list(added))):
        for at in range(0, len(quads), DATA_BLOCK):
            body = "\n".join(
                f"GRAPH {graph} {{\n" + "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in group) + "\n}"
                for graph, group in groupby(quads[at:at + DATA_BLOCK], key=lambda q: q.graph_name))
            parts.append(f"{verb} DATA {{\n{body}\n}}")
    return parts


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def open_store(location: str | None = None, *, read_only: bool = False, defer_reference: bool = False) -> Store:
    """A store by location: None → ``$VNKG_STORE`` or ./vnkg-data; ":memory:" → in memory;
    ``http(s)://…`` → a remote SPARQL 1.1 endpoint; otherwise a folder. ``defer_reference``: for a
    load, an empty folder gets its reference data with the load's articles (``reference_pending``)."""
    location = location or os.environ.get("VNKG_STORE") or DEFAULT_LOCATION
    if location == ":memory:":
        return EmbeddedStore(None)
    if location.startswith(("http://", "https://")):
        from vnkg.remote import RemoteStore

        return RemoteStore(location, read_only=read_only)
    return EmbeddedStore(location, read_only=read_only, defer_reference=defer_reference)
