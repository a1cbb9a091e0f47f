"""The controlled vocabularies extraction needs, read once from the Turtle files.

graph/offices.ttl (offices and abbreviations), graph/lexicon.ttl (cue words, honorifics,
family names), graph/provinces.ttl, graph/organisations.ttl and the event and document type
classes of ontology/vnkg.ttl. Word lists live in those files, not in code; ``load_vocabulary``
parses them with pyoxigraph once per process.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from vnkg import data_path
from vnkg.extract.text import key

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_VNKG = "https://w3id.org/vnkg/ontology#"
PREF, ALT, LABEL, NOTATION, SCHEME = _SKOS + "prefLabel", _SKOS + "altLabel", _RDFS + "label", _SKOS + "notation", _SKOS + "inScheme"
OFFICES = "https://w3id.org/vnkg/id/scheme/offices"
ABBREVIATIONS = "https://w3id.org/vnkg/id/scheme/abbreviations"
LEXICON = "https://w3id.org/vnkg/id/scheme/lexicon"


@dataclass(frozen=True)
class Office:
    iri: str
    label: str  # canonical title, as GOLD.md writes it
    level: str  # "central", "provincial", "district"


@dataclass(frozen=True)
class Province:
    label: str  # short name: "Tuyên Quang", "Hồ Chí Minh"
    city: bool  # a centrally-run city (its offices say "thành phố", its committee "Thành ủy")
    names: tuple[str, ...]  # every spelling: short, full, variants
    historical: bool = False  # no longer exists (graph/provinces-historical.ttl)


@dataclass
class Vocabulary:
    offices: dict[str, Office] = field(default_factory=dict)  # key(label or variant) -> office
    abbreviations: list[tuple[str, str]] = field(default_factory=list)  # (abbreviation, full form)
    provinces: dict[str, Province] = field(default_factory=dict)  # short label -> province
    organisations: dict[str, str] = field(default_factory=dict)  # key(label or variant) -> label
    event_types: dict[str, list[str]] = field(default_factory=dict)  # canonical -> its spellings
    document_types: dict[str, list[str]] = field(default_factory=dict)
    document_notations: dict[str, str] = field(default_factory=dict)  # "KL" -> "Kết luận"
    lexicon: dict[str, list[str]] = field(default_factory=dict)  # notation -> words

    def words(self, notation: str) -> list[str]:
        return self.lexicon.get(notation, [])


def _triples(path: Path):
    if not path.exists():
        return []
    return ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)


def _vi(term) -> str | None:
    if isinstance(term, ox.Literal) and (term.language or "").startswith("vi"):
        return term.value
    if isinstance(term, ox.Literal) and term.language is None and term.datatype.value.endswith("#string"):
        return term.value
    return None


def build_vocabulary(graph_dir: Path, ontology_dir: Path) -> Vocabulary:
    """Read the vocabularies from these folders (missing files give empty lists)."""
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for path in [graph_dir / "offices.ttl", graph_dir / "lexicon.ttl", graph_dir / "provinces.ttl",
                 graph_dir / "provinces-historical.ttl", graph_dir / "organisations.ttl", ontology_dir / "vnkg.ttl"]:
        for t in _triples(path):
            props[t.subject.value][t.predicate.value].append(t.object)

    v = Vocabulary()
    for s, p in props.items():
        types = {o.value for o in p.get(_RDF + "type", [])}
        schemes = {o.value for o in p.get(SCHEME, [])}
        pref = [x for x in map(_vi, p.get(PREF, [])) if x]
        alts = [x for x in map(_vi, p.get(ALT, [])) if x]
        labels = [x for x in map(_vi, p.get(LABEL, [])) if x]
        if OFFICES in schemes and pref:
            level = next((o.value for o in p.get(_VNKG + "level", [])), "central")
            office = Office(s, pref[0], level)
            for name in pref + alts:
                v.offices.setdefault(key(name), office)
        elif ABBREVIATIONS in schemes and pref:
            v.abbreviations += [(a, pref[0]) for a in alts]
        elif LEXICON in schemes:
            for n in p.get(NOTATION, []):
                v.lexicon.setdefault(n.value, []).extend(dict.fromkeys(pref + alts))
        elif _VNKG + "Province" in types and labels:
            ptype = next((o.value for o in p.get(_VNKG + "provinceType", [])), "")
            short = labels[0]
            old = v.provinces.get(short)
            names = tuple(dict.fromkeys((old.names if old else ()) + tuple(labels + pref + alts)))
            v.provinces[short] = Province(short, "thành phố" in ptype.lower() or (old.city if old else False), names,
                                          ptype == "Tỉnh cũ")
        elif (_VNKG + "level") in p and labels and not (OFFICES in schemes):
            for name in labels + alts:
                v.organisations.setdefault(key(name), labels[0])
    # Event and document types: subclasses of vnkg:Event / vnkg:Document with an @vi label.
    for s, p in props.items():
        parents = {o.value for o in p.get(_RDFS + "subClassOf", [])}
        labels = [x for x in map(_vi, p.get(LABEL, [])) if x]
        if not labels:
            continue
        alts = [x for x in map(_vi, p.get(ALT, [])) if x]
        if _VNKG + "Event" in parents:
            v.event_types[labels[0]] = list(dict.fromkeys(labels + alts))
        elif _VNKG + "Document" in parents:
            v.document_types[labels[0]] = list(dict.fromkeys(labels + alts))
            for n in p.get(NOTATION, []):
                v.document_notations[n.value] = labels[0]
    return v


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The vocabulary shipped with vnkg (graph/ and ontology/), parsed once per process."""
    return build_vocabulary(data_path("graph"), data_path("ontology"))
