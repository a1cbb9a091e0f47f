"""SHACL validation of the stored graph against ontology/shapes.ttl."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph

from vnkg import data_path
from vnkg.iri import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from vnkg.store import Store


def data_graph(store: Store, graph: str | None = None) -> Graph:
    """The articles' triples (and the reference graph, which they point into) as one rdflib Graph."""
    keep = {graph, REFERENCE_GRAPH} if graph else None
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()
               if q.graph_name.value != ONTOLOGY_GRAPH and (keep is None or q.graph_name.value in keep)}
    g = Graph()
    g.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return g


def validate(store: Store, graph: str | None = None) -> tuple[bool, str]:
    from pyshacl import validate as shacl

    shapes = Graph().parse(data_path("ontology") / "shapes.ttl")
    ontology = Graph().parse(data_path("ontology") / "vnkg.ttl")
    conforms, _, text = shacl(data_graph(store, graph), shacl_graph=shapes, ont_graph=ontology,
                              inference="none", advanced=True)
    return bool(conforms), text
