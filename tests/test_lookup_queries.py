"""The parameterised lookups (holders, post) anchor on the office's label through the index; the
single-seat test is data (vnkg:singleSeat on each office, graph/offices.ttl)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from vnkg import queries

ROOT = Path(__file__).resolve().parents[1]
SKOS = "http://www.w3.org/2004/02/skos/core#"
VNKG = "https://w3id.org/vnkg/ontology#"


def rows(store, name, **params):
    q = queries.get(name)
    return store.query(q.sparql, q.bindings(params)).dicts()


def test_build_offices_is_reproducible(tmp_path: Path):
    out = tmp_path / "offices.ttl"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_offices.py"), "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == (ROOT / "graph" / "offices.ttl").read_bytes()


def test_every_office_says_whether_it_has_a_single_seat():
    g = ox.Store()
    g.load(path=str(ROOT / "graph" / "offices.ttl"), format=ox.RdfFormat.TURTLE)
    res = {row["o"].value: (row["single"], row["pref"].value, row["key"].value) for row in g.query(f"""
        SELECT ?o ?single ?pref ?key WHERE {{ ?o a <{VNKG}Office> ; <{SKOS}prefLabel> ?pref ; <{SKOS}hiddenLabel> ?key
        OPTIONAL {{ ?o <{VNKG}singleSeat> ?single }} }}""")}
    assert len(res) > 300
    assert all(single is not None for single, _, _ in res.values())
    assert all(key == pref.lower() for _, pref, key in res.values())
    office = "https://w3id.org/vnkg/id/office/"
    assert res[office + "bi-thu-tinh-uy"][0].value == "true"
    assert res[office + "pho-chu-tich-uy-ban-nhan-dan-tinh"][0].value == "false"


def test_holders_title_and_province_in_any_case(sample_store):
    exact = rows(sample_store, "holders", title="Bí thư Tỉnh ủy", province="Tuyên Quang", date="2022-01-01")
    lower = rows(sample_store, "holders", title="bí thư tỉnh ủy", province="tuyên quang", date="2022-01-01")
    assert exact and [r["person"] for r in lower] == [r["person"] for r in exact]


def test_post_timeline_and_previous_holder(sample_store):
    got = rows(sample_store, "post", title="Bí thư Tỉnh ủy", province="Tuyên Quang")
    assert {r["name"] for r in got} == {"Nguyễn Văn An", "Lò Văn Bình"}
    later = [r for r in got if r["name"] == "Nguyễn Văn An"]
    assert later and all(r["previous_name"] == "Lò Văn Bình" for r in later)
    lower = rows(sample_store, "post", title="bí thư tỉnh ủy", province="TUYÊN QUANG")
    assert [r["holding" if "holding" in r else "source"] for r in lower] == [r["source"] for r in got]
