"""The ontology parses, documents every term in both languages, and declares every vnkg: term the code uses."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

ROOT = Path(__file__).resolve().parent.parent
NS = "https://w3id.org/vnkg/ontology#"
VNKG = Namespace(NS)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ROOT / "ontology" / "vnkg.ttl")


def declared(g: Graph) -> set[str]:
    return {str(s)[len(NS):] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}


def test_parses_with_header(onto: Graph):
    ont = URIRef("https://w3id.org/vnkg/ontology")
    assert (ont, RDF.type, OWL.Ontology) in onto
    assert onto.value(ont, OWL.versionInfo) == Literal("0.1.0")
    assert len(declared(onto)) > 50


def test_every_term_has_labels_and_comments_in_vi_and_en(onto: Graph):
    missing = []
    for name in sorted(declared(onto)):
        term = VNKG[name]
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(term, prop) if isinstance(o, Literal)}
            for lang in ("vi", "en"):
                if lang not in langs:
                    missing.append(f"vnkg:{name} {prop.n3(onto.namespace_manager)}@{lang}")
    assert not missing, missing


def test_every_term_has_a_kind(onto: Graph):
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual}
    untyped = [n for n in declared(onto) if not set(onto.objects(VNKG[n], RDF.type)) & kinds]
    assert not untyped, untyped


def test_terms_the_ontology_refers_to_are_declared(onto: Graph):
    objects = {str(o)[len(NS):] for o in onto.objects() if isinstance(o, URIRef) and str(o).startswith(NS)}
    assert objects <= declared(onto), objects - declared(onto)


# The extractor reads these words: the @vi rdfs:label must be exactly the canonical word.
DOCUMENT_TYPES = {
    "Resolution": ("Nghị quyết", "NQ"), "Conclusion": ("Kết luận", "KL"), "Directive": ("Chỉ thị", "CT"),
    "Decision": ("Quyết định", "QĐ"), "Scheme": ("Đề án", "ĐA"), "Regulation": ("Quy định", "QĐi"),
    "Decree": ("Nghị định", "NĐ"), "Law": ("Luật", None), "Notice": ("Thông báo", "TB"),
    "Guidance": ("Hướng dẫn", "HD"), "Plan": ("Kế hoạch", "KH"), "Circular": ("Thông tư", "TT"),
    "Program": ("Chương trình", "CTr"), "OfficialLetter": ("Công văn", "CV"),
}
EVENT_TYPES = {
    "Congress": "Đại hội", "Conference": "Hội nghị", "Workshop": "Hội thảo", "Session": "Kỳ họp",
    "Sitting": "Phiên họp", "WorkingSession": "Buổi làm việc", "Ceremony": "Lễ", "VoterMeeting": "Tiếp xúc cử tri",
}


def _vi_label(g: Graph, term: URIRef) -> str | None:
    vi = [str(o) for o in g.objects(term, RDFS.label) if isinstance(o, Literal) and o.language == "vi"]
    assert len(vi) == 1, (term, vi)
    return vi[0]


def test_document_types(onto: Graph):
    subclasses = {str(s)[len(NS):] for s in onto.subjects(RDFS.subClassOf, VNKG.Document)}
    assert subclasses == set(DOCUMENT_TYPES)
    for name, (word, notation) in DOCUMENT_TYPES.items():
        assert _vi_label(onto, VNKG[name]) == word
        if notation:
            assert Literal(notation) in set(onto.objects(VNKG[name], SKOS.notation)), name


def test_event_types(onto: Graph):
    subclasses = {str(s)[len(NS):] for s in onto.subjects(RDFS.subClassOf, VNKG.Event)}
    assert subclasses == set(EVENT_TYPES)
    for name, word in EVENT_TYPES.items():
        assert _vi_label(onto, VNKG[name]) == word
    assert Literal("Hội thảo khoa học", lang="vi") in set(onto.objects(VNKG.Workshop, SKOS.altLabel))


def test_participant_roles(onto: Graph):
    roles = {str(s)[len(NS):] for s in onto.subjects(RDF.type, VNKG.ParticipantRole)}
    assert roles == {"chair", "speaker", "attendee"}


# --- every vnkg term used in code, queries and data is declared -------------------------------

_CURIE = re.compile(r"(?<![\w/#.-])vnkg:([A-Za-z_][\w-]*)")  # "vnkg: <…>" in a prefix line has no name
_IRI = re.compile(re.escape(NS) + r"([A-Za-z_][\w-]*)")
_PY_ATTR = re.compile(r"\bVNKG\.([A-Za-z][\w]*)\b(?!\s*\()")  # VNKG.term(...) is a method, not a term
_PY_ITEM = re.compile(r"\bVNKG\[\s*[\"']([^\"']+)[\"']\s*\]")


def used_terms(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    names = set(_CURIE.findall(text)) | set(_IRI.findall(text))
    if path.suffix == ".py":
        names |= set(_PY_ATTR.findall(text)) | set(_PY_ITEM.findall(text))
    return {n.rstrip("-") for n in names}


def _files() -> list[Path]:
    out = [ROOT / "ontology" / "shapes.ttl"]
    for folder in ("src", "queries", "graph"):
        for ext in ("*.py", "*.rq", "*.ttl"):
            out += (ROOT / folder).rglob(ext)
    return sorted(p for p in out if p.is_file())


def test_the_regexes_see_all_three_spellings():
    text = 'q = "PREFIX vnkg: <%s> SELECT * { ?h a vnkg:PostHolding }"\nx = VNKG.status\ny = VNKG["term"]\n' \
           'z = "%sprovince"\nw = VNKG.term("a")\n' % (NS, NS)
    names = set(_CURIE.findall(text)) | set(_IRI.findall(text)) | set(_PY_ATTR.findall(text)) | set(_PY_ITEM.findall(text))
    assert names == {"PostHolding", "status", "term", "province"}, names


def test_code_queries_and_data_use_only_declared_terms(onto: Graph):
    known = declared(onto)
    unknown = {f"{p.relative_to(ROOT)}: vnkg:{n}" for p in _files() for n in used_terms(p) - known}
    assert not unknown, sorted(unknown)
