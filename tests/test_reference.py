"""Reference data: graph/provinces.ttl (generated) and graph/organisations.ttl (hand-written)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "reference" / "provinces"
VNKG = Namespace("https://w3id.org/vnkg/ontology#")
P = Namespace("https://w3id.org/vnkg/id/province/")
ORG = Namespace("https://w3id.org/vnkg/id/org/")
# A plain IRI, not rdflib.XSD: pytest probing that DefinedNamespace during collection warns.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
MERGER = Literal("2025-07-01", datatype=XSD_DATE)


@pytest.fixture(scope="module")
def prov() -> Graph:
    return Graph().parse(ROOT / "graph" / "provinces.ttl")


@pytest.fixture(scope="module")
def orgs() -> Graph:
    return Graph().parse(ROOT / "graph" / "organisations.ttl")


def provinces(g: Graph) -> set[URIRef]:
    return set(g.subjects(RDF.type, VNKG.Province))


def in_force(g: Graph, on: Literal) -> set[URIRef]:
    """Units whose validity interval contains the date ``on`` (xsd:date literals compare by value)."""
    out = set()
    for u in provinces(g):
        start, end = g.value(u, VNKG.validFrom), g.value(u, VNKG.validUntil)
        if (start is None or start.toPython() <= on.toPython()) and (end is None or on.toPython() <= end.toPython()):
            out.add(u)
    return out


def test_63_before_and_34_after_the_merger(prov: Graph):
    before = in_force(prov, Literal("2025-06-30", datatype=XSD_DATE))
    after = in_force(prov, MERGER)
    assert len(before) == 63
    assert len(after) == 34
    assert len(after - before) == 23  # new units; the other 11 kept their territory and their IRI
    assert provinces(prov) == before | after


def test_merges(prov: Graph):
    assert prov.value(P["vinh-phuc"], VNKG.mergedInto) == P["phu-tho-2025"]
    assert prov.value(P["ha-giang"], VNKG.mergedInto) == P["tuyen-quang-2025"]
    assert prov.value(P["tuyen-quang"], VNKG.mergedInto) == P["tuyen-quang-2025"]
    assert prov.value(P["ba-ria-vung-tau"], VNKG.mergedInto) == P["ho-chi-minh-2025"]
    assert prov.value(P["tuyen-quang-2025"], VNKG.validFrom) == MERGER
    assert prov.value(P["vinh-phuc"], VNKG.validUntil) == Literal("2025-06-30", datatype=XSD_DATE)
    # Unchanged territory: one IRI, no bounds, nothing merged into it from elsewhere.
    for slug in ("ha-noi", "cao-bang", "thua-thien-hue", "nghe-an"):
        assert prov.value(P[slug], VNKG.validUntil) is None and prov.value(P[slug], VNKG.validFrom) is None
        assert (P[slug + "-2025"], None, None) not in prov
    for u in provinces(prov):
        target = prov.value(u, VNKG.mergedInto)
        assert (target is None) == (prov.value(u, VNKG.validUntil) is None), u
        assert target is None or prov.value(target, VNKG.validFrom) == MERGER, u


def test_labels_codes_and_types(prov: Graph):
    for u in provinces(prov):
        assert prov.value(u, VNKG.provinceCode) is not None, u
        assert str(prov.value(u, VNKG.provinceType)) in {"Tỉnh", "Thành phố trực thuộc trung ương"}, u
        assert prov.value(u, SKOS.prefLabel) is not None, u
        labels = [o for o in prov.objects(u, RDFS.label) if o.language == "vi"]
        assert len(labels) == 1, u
    def vi(u):
        return str(prov.value(u, RDFS.label))
    assert vi(P["ho-chi-minh"]) == "Hồ Chí Minh" and vi(P["ha-noi"]) == "Hà Nội"
    assert vi(P["thua-thien-hue"]) == "Thừa Thiên Huế"
    assert str(prov.value(P["tuyen-quang"], SKOS.prefLabel)) == "Tỉnh Tuyên Quang"
    assert str(prov.value(P["tuyen-quang"], VNKG.provinceCode)) == "08"
    alt = {str(a) for a in prov.objects(P["ho-chi-minh"], SKOS.altLabel)}
    assert {"TP HCM", "TPHCM", "TP.HCM", "TP. Hồ Chí Minh", "Sài Gòn"} <= alt
    assert "Huế" in {str(a) for a in prov.objects(P["thua-thien-hue"], SKOS.altLabel)}
    assert {"Hòa Bình"} <= {str(a) for a in prov.objects(P["hoa-binh"], SKOS.altLabel)} | {vi(P["hoa-binh"])}
    assert "Hoà Bình" in {str(a) for a in prov.objects(P["hoa-binh"], SKOS.altLabel)} | {vi(P["hoa-binh"])}
    assert "Bà Rịa-Vũng Tàu" in {str(a) for a in prov.objects(P["ba-ria-vung-tau"], SKOS.altLabel)}


def test_organisations(orgs: Graph):
    members = set(orgs.subjects(VNKG.level, None))
    assert len(members) >= 40
    for o in members:
        assert any(lab.language == "vi" for lab in orgs.objects(o, RDFS.label)), o
        assert any(str(t).startswith(str(VNKG)) for t in orgs.objects(o, RDF.type)), o
    assert orgs.value(ORG["bo-chinh-tri"], URIRef("http://www.w3.org/ns/org#subOrganizationOf")) == \
        ORG["ban-chap-hanh-trung-uong-dang"]
    alt = {str(a) for a in orgs.objects(ORG["uy-ban-thuong-vu-quoc-hoi"], SKOS.altLabel)}
    assert {"UBTVQH", "Uỷ ban Thường vụ Quốc hội"} <= alt


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/reference/provinces is not here")
def test_build_reference_is_reproducible(tmp_path: Path):
    out = tmp_path / "provinces.ttl"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_reference.py"),
                    "--shared", str(SHARED.parent.parent), "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (ROOT / "graph" / "provinces.ttl").read_bytes()
