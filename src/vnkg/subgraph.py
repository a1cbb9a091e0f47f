"""The part of the graph a view draws, fetched through canned queries."""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from vnkg import queries


@dataclass
class Node:
    iri: str
    label: str
    kind: str


@dataclass
class Edge:
    source: str
    target: str
    label: str


@dataclass
class Subgraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def node(self, iri: str, label: str, kind: str) -> str:
        self.nodes.setdefault(iri, Node(iri, label or iri.rsplit("/", 1)[-1], kind))
        return iri


def province(store, name: str) -> Subgraph:
    """A province's posts, their holders and the organisations they belong to."""
    q = queries.get("province-leadership")
    rows = store.query(q.sparql, q.bindings({"province": name})).dicts()
    sub = Subgraph()
    for r in rows:
        p = sub.node(r["province_iri"], r["province"], "Province")
        post = sub.node(r["post"], r["post_label"], "Post")
        person = sub.node(r["person"], r["name"], "Person")
        sub.edges.append(Edge(post, p, "in province"))
        sub.edges.append(Edge(person, post, f"{r['status']} ({r['source'].rsplit('/', 1)[-1]})"))
    return sub
