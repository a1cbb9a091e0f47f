"""An Extraction as RDF: the quads of one article's named graph.

IRIs are minted here (see docs/architecture.md) from what the facts say, so the
same input always gives the same graph.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from vnkg import data_path, iri
from vnkg.iri import DCTERMS, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, VNKG, XSD
from vnkg.model import Article, Evidence, Extraction
from vnkg.reference import Reference, load as load_reference

_A = ox.NamedNode(RDF + "type")
_ROLES = {"chair": "chair", "speaker": "speaker", "attendee": "attendee"}


def _n(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


# Predicates, classes and reference IRIs recur in every article: each is parsed (validated) once,
# not once per triple. Only IRIs from a finite set go in here, so it stays small.
_NODES: dict[str, ox.NamedNode] = {}


def _c(value: str) -> ox.NamedNode:
    node = _NODES.get(value)
    if node is None:
        node = _NODES[value] = ox.NamedNode(value)
    return node


_INTEGER = _c(XSD + "integer")


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """What turns an article into its graph: the code of reading, extraction and this module, and the
    vocabulary files. Part of every article's hash, so that after an upgrade a reload re-extracts
    instead of keeping graphs an older extractor made."""
    code = Path(__file__).parent
    files = sorted(code.glob("extract/*.py")) + [code / f for f in ("read.py", "model.py", "iri.py", "vocab.py",
                                                                      "reference.py", "graph.py")]
    files += sorted(data_path("graph").glob("*.ttl")) + sorted(data_path("ontology").glob("*.ttl"))
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + b"\x00" + f.read_bytes() + b"\x00")
    return h.hexdigest()


def text_hash(article: Article) -> str:
    """What identifies an article's graph: its content and the extractor (a reload of both unchanged
    can be skipped)."""
    h = hashlib.sha256(extractor_fingerprint().encode())
    for part in (article.text, article.url, article.title, article.outlet, article.published):
        h.update((part or "").encode("utf-8") + b"\x00")
    return h.hexdigest()


def date_literal(value: str | None) -> ox.Literal | None:
    """An ISO date (or year-month, or year) as a typed literal; None when it is not a real date."""
    if not value:
        return None
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            date.fromisoformat(value)
            return ox.Literal(value, datatype=_c(XSD + "date"))
        if re.fullmatch(r"\d{4}-\d{2}", value) and 1 <= int(value[5:]) <= 12:
            return ox.Literal(value, datatype=_c(XSD + "gYearMonth"))
        if re.fullmatch(r"\d{4}", value):
            return ox.Literal(value, datatype=_c(XSD + "gYear"))
    except ValueError:
        return None
    return None


def article_local(article_id: str) -> str:
    """The article's part of the IRIs minted for its holdings, events and person mentions."""
    return iri.slug(article_id) + "-" + hashlib.sha1(article_id.encode()).hexdigest()[:6]


def person_mention(article_id: str, name: str) -> str:
    """The IRI of a person as one article names them (stable: same article id and name, same IRI)."""
    return _mention(article_local(article_id), name)


def _mention(local: str, name: str) -> str:
    return f"{iri.ID}mention/{local}/{iri.slug(name)}"


class _Builder:
    def __init__(self, extraction: Extraction, ref: Reference):
        self.x = extraction
        self.ref = ref
        self.article = extraction.article
        self.a = _n(iri.article(self.article.id))
        self.g = self.a
        self.quads: list[ox.Quad] = []
        self.seen: set[tuple] = set()
        self.local = article_local(self.article.id)
        self.labels_added: set[str] = set()

    def add(self, s, p: str, o) -> None:
        if o is None:
            return
        if isinstance(o, str):
            o = ox.Literal(o)
        key = (s, p, o)
        if key not in self.seen:
            self.seen.add(key)
            self.quads.append(ox.Quad(s, _c(p), o, self.g))

    def vi(self, text: str) -> ox.Literal:
        return ox.Literal(text, language="vi")

    def evidence(self, node, ev: Evidence) -> None:
        self.add(node, VNKG + "evidence", ev.sentence)
        self.add(node, VNKG + "evidenceStart", ox.Literal(str(ev.start), datatype=_INTEGER))
        self.add(node, VNKG + "evidenceEnd", ox.Literal(str(ev.end), datatype=_INTEGER))

    def province(self, name: str | None):
        unit = self.ref.province(name, self.article.published)
        return self.labelled(unit)

    def labelled(self, reference_iri: str | None):
        """A reference node, its label restated in the article's graph: queries then read an
        article's facts inside one GRAPH, which is fast, instead of joining across the union."""
        if not reference_iri:
            return None
        node = _c(reference_iri)
        if reference_iri in self.ref.labels and reference_iri not in self.labels_added:  # once: add() would drop a repeat
            self.labels_added.add(reference_iri)
            self.add(node, RDFS + "label", self.vi(self.ref.labels[reference_iri]))
        return node

    def organization(self, label: str | None, province_node=None):
        if not label:
            return None
        known = self.ref.organization(label)
        if known:
            return self.labelled(known)
        node = _n(iri.entity("org", label))
        self.add(node, RDF + "type", _c(ORG + "Organization"))
        self.add(node, RDFS + "label", self.vi(label))
        self.add(node, VNKG + "province", province_node)
        return node

    def person(self, name: str):
        # Article-scoped: a name alone must not join namesakes across articles; vnkg.resolve
        # links each mention to its canonical person (docs/identity.md).
        node = _n(_mention(self.local, name))  # as person_mention(), the article's part made once
        self.add(node, RDF + "type", _c(SCHEMA + "Person"))
        self.add(node, SCHEMA + "name", name)
        return node

    def build(self) -> list[ox.Quad]:
        art, a = self.article, self.a
        self.add(a, RDF + "type", _c(VNKG + "Article"))
        self.add(a, SCHEMA + "identifier", art.id)
        self.add(a, SCHEMA + "headline", art.title)
        self.add(a, SCHEMA + "url", art.url)
        self.add(a, VNKG + "outlet", art.outlet)
        self.add(a, SCHEMA + "datePublished", date_literal(art.published))
        self.add(a, VNKG + "textHash", text_hash(art))
        self.add(a, VNKG + "origin", art.origin)

        for m in self.x.persons:
            self.add(a, SCHEMA + "mentions", self.person(m.name))
        for m in self.x.places:
            self.add(a, SCHEMA + "mentions", self.province(m.province))
        for m in self.x.organizations:
            self.add(a, SCHEMA + "mentions", self.organization(m.label, self.province(m.province)))
        self._holdings()
        docs = self._documents()
        self._events()
        self._citations(docs)
        return self.quads

    def _holdings(self) -> None:
        for n, h in enumerate(self.x.holdings, 1):
            province = self.province(h.province)
            office = _c(h.office) if h.office and h.office.startswith("http") else _n(iri.entity("office", h.title))
            self.add(office, RDF + "type", _c(VNKG + "Office"))
            self.add(office, SKOS + "prefLabel", self.vi(h.title))
            post_label = f"{h.title} {h.province}" if h.province else h.title
            post = _n(iri.entity("post", post_label))
            self.add(post, RDF + "type", _c(ORG + "Post"))
            self.add(post, RDFS + "label", self.vi(post_label))
            self.add(post, ORG + "role", office)
            org = self.organization(h.organization, province)
            self.add(post, ORG + "postIn", org)
            self.add(post, VNKG + "province", province)
            node = _n(f"{iri.ID}holding/{self.local}-{n}")
            self.add(node, RDF + "type", _c(VNKG + "PostHolding"))
            self.add(node, ORG + "member", self.person(h.person))
            self.add(node, VNKG + "post", post)
            self.add(node, ORG + "organization", org)
            self.add(node, VNKG + "status", "former" if h.status == "former" else "current")
            self.add(node, VNKG + "term", h.term)
            self.add(node, SCHEMA + "startDate", date_literal(h.start))
            self.add(node, PROV + "wasDerivedFrom", self.a)
            self.evidence(node, h.evidence)

    def _document_node(self, d) -> ox.NamedNode:
        if d.symbol:
            return _n(iri.entity("document", d.symbol))
        return _n(f"{iri.ID}document/{self.local}-{iri.slug(d.type)}-{iri.slug(d.number or 'x')}")

    def _documents(self) -> dict[str, ox.NamedNode]:
        nodes: dict[str, ox.NamedNode] = {}
        for d in self.x.documents:
            node = self._document_node(d)
            nodes[d.key] = node
            self.add(self.a, SCHEMA + "mentions", node)
            # The general class is stated too, so queries need no rdfs:subClassOf* (slow, and
            # unreliable on Virtuoso); the specific class carries the type's label.
            self.add(node, RDF + "type", _c(VNKG + "Document"))
            self.add(node, RDF + "type", _c(self.ref.document_class(d.type) or VNKG + "Document"))
            self.add(node, VNKG + "symbol", d.symbol)
            self.add(node, VNKG + "documentNumber", d.number)
            province = self.province(d.province)
            self.add(node, DCTERMS + "creator", self.organization(d.issuer, province))
            self.add(node, DCTERMS + "issued", date_literal(d.date))
            self.add(node, DCTERMS + "title", d.title)
            self.add(node, VNKG + "province", province)
            self.evidence(node, d.evidence)
        return nodes

    def _citations(self, nodes: dict[str, ox.NamedNode]) -> None:
        for d in self.x.documents:
            for key in d.cites:
                target = nodes.get(key)
                if target is None and "/" in key:  # a symbol cited but not otherwise listed
                    target = _n(iri.entity("document", key))
                self.add(nodes[d.key], VNKG + "basedOn", target)

    def _events(self) -> None:
        for n, e in enumerate(self.x.events, 1):
            node = _n(f"{iri.ID}event/{self.local}-{n}")
            self.add(self.a, SCHEMA + "mentions", node)
            self.add(node, RDF + "type", _c(VNKG + "Event"))
            self.add(node, RDF + "type", _c(self.ref.event_class(e.type) or VNKG + "Event"))
            self.add(node, SCHEMA + "name", e.title)
            self.add(node, SCHEMA + "startDate", date_literal(e.date))
            self.add(node, VNKG + "province", self.province(e.province))
            self.add(node, VNKG + "place", e.place)
            self.add(node, VNKG + "term", e.term)
            self.add(node, PROV + "wasDerivedFrom", self.a)
            self.evidence(node, e.evidence)
            for m, p in enumerate(e.participants, 1):
                part = _n(f"{iri.ID}participation/{self.local}-{n}-{m}")
                self.add(part, RDF + "type", _c(VNKG + "Participation"))
                self.add(part, VNKG + "event", node)
                self.add(part, VNKG + "participant", self.person(p.person))
                self.add(part, VNKG + "role", _c(VNKG + _ROLES.get(p.role, "attendee")))
                self.add(part, PROV + "wasDerivedFrom", self.a)
                self.evidence(part, p.evidence)


def to_quads(extraction: Extraction, ref: Reference | None = None) -> list[ox.Quad]:
    """The article's named graph."""
    return _Builder(extraction, ref or load_reference()).build()
