"""The part of the graph a view draws, fetched through canned queries (queries/view-*.rq).

Every ``view-*.rq`` query returns one row per edge with the same columns (``s``, ``s_kind``,
``s_label``, ``p``, ``o``, ``o_kind``, ``o_label`` and the edge's facts: ``status``, ``term``,
``start``, ``end``, ``role``, ``source``, ``date``, ``evidence``), so one function turns any of them
into a :class:`Subgraph`. A document's or event's label comes in parts (``s_sym``, ``s_type``,
``s_num`` beside ``s_label``; the same for ``o``) joined here by :func:`node_label`: Virtuoso
mangles non-ASCII text such as " số " inside CONCAT. ``from_result`` turns any other SELECT or
CONSTRUCT result into one too.
Nothing here renders; ``vnkg.view`` does.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox

from vnkg import queries
from vnkg.iri import ID, RDF, RDFS, SCHEMA, SKOS, VNKG
from vnkg.queries import QueryError

KINDS = ("person", "post", "province", "document", "event")
# The first path segment of an entity IRI → the node kind a view shows.
IRI_KINDS = {"person": "Person", "mention": "Person", "post": "Post", "org": "Organization", "province": "Province",
             "document": "Document", "event": "Event", "article": "Article", "office": "Office",
             "holding": "Holding", "participation": "Participation"}
EDGE_FACTS = ("status", "term", "start", "end", "role", "source", "date", "evidence")
_LABEL_PREDICATES = (SCHEMA + "name", RDFS + "label", SKOS + "prefLabel", VNKG + "symbol", SCHEMA + "headline")


class LookupFailed(QueryError):
    """A name matches nothing, or several things; the message says which (one line)."""


@dataclass
class Node:
    iri: str
    label: str
    kind: str
    info: dict[str, str] = field(default_factory=dict)  # literal facts shown in the details panel


@dataclass
class Edge:
    source: str
    target: str
    kind: str  # "holds", "post in", "chair", "mentions", … (also the edge-type filter)
    status: str = ""
    term: str = ""
    start: str = ""
    end: str = ""
    role: str = ""
    article: str = ""  # the article IRI that states the fact
    date: str = ""  # the article's date
    evidence: str = ""

    def key(self) -> tuple:
        return (self.source, self.target, self.kind, self.article, self.evidence)


@dataclass
class Subgraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)  # the entities the view is about
    _seen: set = field(default_factory=set, repr=False)

    def node(self, iri: str, label: str | None, kind: str) -> str:
        if iri not in self.nodes:
            self.nodes[iri] = Node(iri, label or short(iri), kind or kind_of(iri))
        return iri

    def edge(self, e: Edge) -> None:
        # Rows repeat an edge once per label a node has; keep one per fact and source.
        if e.key() not in self._seen:
            self._seen.add(e.key())
            self.edges.append(e)

    def merge(self, other: Subgraph) -> Subgraph:
        for n in other.nodes.values():
            self.nodes.setdefault(n.iri, n)
        for e in other.edges:
            self.edge(e)
        self.focus += [f for f in other.focus if f not in self.focus]
        return self


def tidy(label: str | None) -> str | None:
    """"Hội nghị: Hội nghị lần thứ 3" → "Hội nghị lần thứ 3": titles often repeat the event type."""
    if label and ": " in label:
        kind, rest = label.split(": ", 1)
        if rest.casefold().startswith(kind.casefold()):
            return rest
    return label


def short(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def kind_of(iri: str) -> str:
    if iri.startswith(ID):
        return IRI_KINDS.get(iri[len(ID):].split("/", 1)[0], "Other")
    return "Other"


def node_label(row: Mapping[str, str], side: str) -> str | None:
    """The label of a view row's ``s`` or ``o``: the số hiệu, else "Nghị quyết số 7", else "type: name",
    else the name (or label, or headline), else the bare type."""
    name, sym = row.get(f"{side}_label"), row.get(f"{side}_sym")
    kind, number = row.get(f"{side}_type"), row.get(f"{side}_num")
    if sym:
        return sym
    if kind and number:
        return f"{kind} số {number}"
    if kind and name:
        return f"{kind}: {name}"
    return name or kind or None


def from_edge_rows(rows: Iterable[Mapping[str, str]], sub: Subgraph | None = None) -> Subgraph:
    """Rows with the view columns (see the module doc) → a subgraph."""
    sub = sub or Subgraph()
    for r in rows:
        if not r.get("s") or not r.get("o"):
            continue
        s = sub.node(r["s"], tidy(node_label(r, "s")), r.get("s_kind", ""))
        o = sub.node(r["o"], tidy(node_label(r, "o")), r.get("o_kind", ""))
        sub.edge(Edge(s, o, r.get("p") or "related", status=r.get("status", ""), term=r.get("term", ""),
                      start=r.get("start", ""), end=r.get("end", ""), role=r.get("role", ""),
                      article=r.get("source", ""), date=r.get("date", ""), evidence=r.get("evidence", "")))
    return sub


def spellings(name: str) -> list[str]:
    """The text as typed, then as names, titles and số hiệu are written: labels are matched exactly
    (an index lookup), so "nguyễn văn an" is tried as "Nguyễn Văn An", "14-kl/tw" as "14-KL/TW"."""
    text = " ".join(name.split())
    out = [text, " ".join(w[:1].upper() + w[1:] for w in text.split()), text[:1].upper() + text[1:], text.upper()]
    return list(dict.fromkeys(t for t in out if t))


def candidate_iri(kind: str, text: str) -> str:
    """The IRI the text is, or the one it is the last segment of (events often have no title)."""
    if text.startswith(("http://", "https://")):
        value = text
    else:
        value = f"{ID}{kind}/{text}"  # the view kinds are the IRI path segments
    try:
        ox.NamedNode(value)
    except ValueError:
        return f"{ID}none"
    return value


def resolve(store, kind: str, name: str) -> list[tuple[str, str]]:
    """(IRI, label) of the entity of this kind that ``name`` (a label, a số hiệu, an IRI or the IRI's
    last segment) names. Several only for a province whose name two units share (before and after
    the 2025 merger), which one view shows together. Raises LookupFailed otherwise."""
    if kind not in KINDS:
        raise LookupFailed(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    q = queries.get("view-lookup")
    found: dict[str, tuple[str, str]] = {}
    for text in spellings(name):
        rows = store.query(q.sparql, q.bindings({"kind": kind, "name": text, "label_vi": text,
                                                 "iri": candidate_iri(kind, text)})).dicts()
        for r in rows:
            found.setdefault(r["entity"], (r["label"] or short(r["entity"]), r.get("detail", "")))
        if found:
            break
    if not found:
        raise LookupFailed(f"no {kind} named {name!r} in the store (try `vnkg query people` or an IRI)")
    labels = {label.casefold() for label, _ in found.values()}
    if len(found) == 1 or (kind == "province" and len(labels) == 1):
        return [(iri, label) for iri, (label, _) in found.items()]
    shown = [f"{label}{f' ({detail})' if detail else ''} <{iri}>" for iri, (label, detail) in list(found.items())[:8]]
    more = f" and {len(found) - 8} more" if len(found) > 8 else ""
    raise LookupFailed(f"{name!r} names {len(found)} {kind}s: {'; '.join(shown)}{more}; give the IRI")


def entity_view(store, kind: str, name: str) -> Subgraph:
    """The view of one person, post, province, document or event, by label or IRI."""
    sub = Subgraph()
    q = queries.get(f"view-{kind}")
    for iri, label in resolve(store, kind, name):
        sub.node(iri, label, IRI_KINDS.get(kind, kind.title()))
        sub.focus.append(iri)
        # The focus goes in as an IRI (an RDF term), which each branch looks up in the index.
        from_edge_rows(store.query(q.sparql, q.bindings({"iri": iri})).dicts(), sub)
    if len(sub.focus) > 1:  # of a province's units before and after 2025, keep those the store says something about
        linked = {e.source for e in sub.edges} | {e.target for e in sub.edges}
        for iri in [f for f in sub.focus if f not in linked]:
            if len(sub.focus) > 1:
                sub.focus.remove(iri)
                del sub.nodes[iri]
    return sub


def person(store, name: str) -> Subgraph:
    return entity_view(store, "person", name)


def post(store, name: str) -> Subgraph:
    return entity_view(store, "post", name)


def province(store, name: str) -> Subgraph:
    return entity_view(store, "province", name)


def document(store, name: str) -> Subgraph:
    return entity_view(store, "document", name)


def event(store, name: str) -> Subgraph:
    return entity_view(store, "event", name)


# ---------------------------------------------------------------------------------------------
# Any query result as a graph (`vnkg view query`)

_ATTR_COLUMNS = set(EDGE_FACTS) | {"fact", "holding", "participation", "iri"}
_NUMERIC = re.compile(r"#(integer|decimal|double|float|int|long|date|dateTime|gYear|gYearMonth|boolean)$")


def from_result(result) -> Subgraph:
    """A SELECT result (``store.Result``) or CONSTRUCT triples → a subgraph.

    CONSTRUCT: IRIs are nodes, triples between them edges (kind = the predicate's local name), labels
    from schema:name, rdfs:label, skos:prefLabel, vnkg:symbol; other literals go to the details panel.
    SELECT with ``s`` and ``o`` columns: read as view rows. Any other SELECT: in each row, the first
    IRI column is the hub and every other value (IRI, or text such as a title or a province name) a
    node linked to it by an edge named after its column; ``X_label``/``X_name`` columns label ``X``;
    dates, numbers and the columns source, evidence, status, term, start, end, role, date describe
    the edges.
    """
    if isinstance(result, list):
        return _from_triples(result)
    if isinstance(result, bool):
        raise QueryError("an ASK query gives true or false, not a graph")
    names = result.variables
    if "s" in names and "o" in names:
        return from_edge_rows(result.dicts())
    return _from_rows(names, result.rows)


def _from_triples(triples: list) -> Subgraph:
    sub = Subgraph()
    labels: dict[str, str] = {}
    types: dict[str, str] = {}
    for t in triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if isinstance(o, ox.Literal) and p in _LABEL_PREDICATES:
            labels.setdefault(s.value, o.value)
        elif p == RDF + "type" and isinstance(o, ox.NamedNode):
            types.setdefault(s.value, short(o.value))
    for t in triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if p == RDF + "type":
            continue
        sid = sub.node(s.value, labels.get(s.value), _kind(s.value, types))
        if isinstance(o, ox.Literal):
            if p not in _LABEL_PREDICATES or labels.get(s.value) != o.value:
                info = sub.nodes[sid].info
                info[short(p)] = (info[short(p)] + " | " if short(p) in info else "") + o.value
            continue
        oid = sub.node(o.value, labels.get(o.value), _kind(o.value, types))
        sub.edge(Edge(sid, oid, short(p)))
    return sub


def _kind(iri: str, types: dict[str, str]) -> str:
    k = kind_of(iri)
    return types.get(iri, "Other") if k == "Other" else k


def _from_rows(names: list[str], rows: list[tuple]) -> Subgraph:
    sub = Subgraph()
    label_cols = {c for c in names for base in names if c in (base + "_label", base + "_name")}
    for row in rows:
        values = dict(zip(names, row))
        iri_cols = [c for c in names if isinstance(values[c], ox.NamedNode) and c not in _ATTR_COLUMNS]
        if not iri_cols:
            continue
        hub_col = iri_cols[0]

        def label(col: str) -> str | None:
            for cand in (col + "_label", col + "_name") + (("name", "label", "title") if col == hub_col else ()):
                v = values.get(cand)
                if v is not None and not isinstance(v, ox.NamedNode):
                    return v.value
            return None

        hub = sub.node(values[hub_col].value, label(hub_col), kind_of(values[hub_col].value))
        facts = {k: values[k].value for k in EDGE_FACTS if values.get(k) is not None}
        for col in names:
            v = values[col]
            if col == hub_col or v is None or col in _ATTR_COLUMNS or col in label_cols:
                continue
            if col in ("name", "label", "title") and label(hub_col) == v.value:
                continue  # the hub's own label
            if isinstance(v, ox.NamedNode):
                target = sub.node(v.value, label(col), kind_of(v.value))
            elif isinstance(v, ox.Literal) and not _NUMERIC.search(v.datatype.value) and v.value:
                # A text value shared by several rows (a province, a title) becomes one node that links them.
                target = sub.node(f"value:{col}:{v.value}", v.value, col)
            else:
                sub.nodes[hub].info[col] = v.value
                continue
            sub.edge(Edge(hub, target, col, status=facts.get("status", ""), term=facts.get("term", ""),
                          start=facts.get("start", ""), end=facts.get("end", ""), role=facts.get("role", ""),
                          article=facts.get("source", ""), date=facts.get("date", ""),
                          evidence=facts.get("evidence", "")))
    return sub


def run_query(store, name_or_text: str, params: Mapping[str, str] | None = None) -> Subgraph:
    """A canned query by name (with parameters), a .rq file, or SPARQL text → a subgraph."""
    from pathlib import Path

    from vnkg.sparql import is_update

    if name_or_text in queries.catalogue():
        q = queries.get(name_or_text)
        return from_result(store.query(q.sparql, q.bindings(dict(params or {}))))
    path = Path(name_or_text)
    if name_or_text.endswith(".rq") and path.is_file():
        text = path.read_text(encoding="utf-8")
        q = queries.parse(text, path.stem, path)
        return from_result(store.query(q.sparql, q.bindings(dict(params or {}))))
    if not re.search(r"\b(SELECT|CONSTRUCT|DESCRIBE)\b", name_or_text, re.I):
        raise QueryError(f"no query named {name_or_text!r}; `vnkg queries` lists them, or give a .rq file "
                         "or SPARQL text")
    if is_update(name_or_text):
        raise QueryError("a view runs queries, not updates")
    if params:
        raise QueryError("parameters (-p) apply to canned queries and .rq files only")
    return from_result(store.query(name_or_text))
