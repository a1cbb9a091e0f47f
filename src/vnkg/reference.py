"""The curated reference data (ontology/ and graph/) as quads and as label lookups.

The graph step uses the lookups to give extracted provinces, organisations and
document or event types their reference IRIs; the store loads the quads into named
graphs of their own.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from vnkg import data_path
from vnkg.iri import ONTOLOGY_GRAPH, RDF, RDFS, REFERENCE_GRAPH, SKOS, VNKG

_TONES = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "òe": "oè", "óe": "oé", "ỏe": "oẻ",
          "õe": "oẽ", "ọe": "oẹ", "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}


@lru_cache(maxsize=100_000)  # province and organisation labels recur in every article
def fold(label: str) -> str:
    """One key for the spellings of a label: NFC, lower case, one tone style, single spaces."""
    s = unicodedata.normalize("NFC", label).lower()
    for a, b in _TONES.items():
        s = s.replace(a, b)
    return " ".join(s.replace("-", " - ").split())


@dataclass(frozen=True)
class ProvinceUnit:
    iri: str
    label: str
    valid_from: str | None
    valid_until: str | None


@dataclass
class Reference:
    provinces: dict[str, list[ProvinceUnit]] = field(default_factory=dict)
    organizations: dict[str, str] = field(default_factory=dict)
    document_classes: dict[str, str] = field(default_factory=dict)
    event_classes: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # IRI → Vietnamese label

    def province(self, name: str | None, on: str | None = None) -> str | None:
        """The province unit called ``name`` on the date ``on`` (ISO, possibly partial):
        the post-merger unit from 1 July 2025, the one before otherwise or when undated."""
        if not name:
            return None
        units = self.provinces.get(fold(name))
        if not units:
            return None
        day = (on or "")[:10]
        for unit in units:
            if day and (unit.valid_from or "") <= day and (not unit.valid_until or day <= unit.valid_until):
                return unit.iri
        before = [u for u in units if not u.valid_from]
        return (before or units)[0].iri

    def organization(self, label: str | None) -> str | None:
        return self.organizations.get(fold(label)) if label else None

    def document_class(self, type_label: str | None) -> str | None:
        return self.document_classes.get(fold(type_label)) if type_label else None

    def event_class(self, type_label: str | None) -> str | None:
        return self.event_classes.get(fold(type_label)) if type_label else None


def ontology_files() -> list[Path]:
    return [data_path("ontology") / "vnkg.ttl"]


def graph_files() -> list[Path]:
    return sorted(data_path("graph").glob("*.ttl"))


def quads() -> list[ox.Quad]:
    """Ontology and reference graph, each in its named graph."""
    out: list[ox.Quad] = []
    for files, graph in ((ontology_files(), ONTOLOGY_GRAPH), (graph_files(), REFERENCE_GRAPH)):
        g = ox.NamedNode(graph)
        for path in files:
            if path.is_file():
                out.extend(ox.Quad(t.subject, t.predicate, t.object, g)
                           for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    return out


@lru_cache(maxsize=1)
def load() -> Reference:
    store = ox.Store()
    store.extend(quads())
    ref = Reference()

    def rows(query: str):
        return store.query("PREFIX vnkg: <%s> PREFIX rdfs: <%s> PREFIX skos: <%s> PREFIX rdf: <%s> %s"
                           % (VNKG, RDFS, SKOS, RDF, query), use_default_graph_as_union=True)

    for r in rows("""SELECT ?p ?label ?alt ?from ?until WHERE {
            ?p a vnkg:Province ; rdfs:label ?label .
            OPTIONAL { ?p skos:altLabel|skos:prefLabel ?alt }
            OPTIONAL { ?p vnkg:validFrom ?from } OPTIONAL { ?p vnkg:validUntil ?until } }"""):
        unit = ProvinceUnit(r["p"].value, r["label"].value, r["from"].value if r["from"] else None,
                            r["until"].value if r["until"] else None)
        ref.labels[unit.iri] = unit.label
        for name in {unit.label, r["alt"].value if r["alt"] else unit.label}:
            units = ref.provinces.setdefault(fold(name), [])
            if unit not in units:
                units.append(unit)
    for units in ref.provinces.values():  # the undated (pre-merger or unchanged) unit first
        units.sort(key=lambda u: (u.valid_from or "", u.iri))
    for r in rows("""SELECT ?o ?label WHERE { ?o rdfs:label|skos:prefLabel|skos:altLabel ?label .
            ?o vnkg:level ?level . FILTER NOT EXISTS { ?o a vnkg:Office } FILTER(lang(?label) != "en") }"""):
        ref.organizations.setdefault(fold(r["label"].value), r["o"].value)
    for kind, target in (("Document", ref.document_classes), ("Event", ref.event_classes)):
        for r in rows(f"""SELECT ?c ?label WHERE {{ ?c rdfs:subClassOf+ vnkg:{kind} ;
                rdfs:label|skos:altLabel ?label . FILTER(lang(?label) = "vi") }}"""):
            target.setdefault(fold(r["label"].value), r["c"].value)
    for r in rows("""SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER(lang(?label) = "vi") }"""):
        ref.labels.setdefault(r["s"].value, r["label"].value)
    return ref
