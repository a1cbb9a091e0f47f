"""Write the store (or one article's graph) as Turtle, TriG, N-Quads, N-Triples or JSON-LD."""
from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from vnkg.iri import PREFIXES
from vnkg.store import Store

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_TRIPLES_ONLY = {"turtle", "ntriples"}


def export(store: Store, fmt: str, out: BinaryIO, *, graph: str | None = None,
           include_reference: bool = False) -> int:
    """Serialise the store's quads; Turtle and N-Triples get the union of the graphs. Returns the count."""
    from vnkg.iri import ONTOLOGY_GRAPH, REFERENCE_GRAPH

    skip = set() if include_reference else {ONTOLOGY_GRAPH, REFERENCE_GRAPH}
    quads = [q for q in store.quads()
             if (graph is None or q.graph_name.value == graph) and getattr(q.graph_name, "value", "") not in skip]
    items = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str) if fmt in _TRIPLES_ONLY \
        else sorted(quads, key=str)
    prefixes = None if fmt in ("nquads", "ntriples", "jsonld") else PREFIXES
    out.write(ox.serialize(items, format=FORMATS[fmt], prefixes=prefixes))
    return len(items)
