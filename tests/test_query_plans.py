"""The canned queries rewritten for speed (hash-joined sub-selects, precomputed article counts, computed
sort keys) give the rows and the order the plain formulations give."""
from __future__ import annotations

from test_identity import NAMESAKES, article, store_with

from vnkg import iri, queries
from vnkg.graph import to_quads
from vnkg.resolve import resolve_store

# people as it was first written: mentions grouped live, at query time.
LIVE_PEOPLE = """SELECT ?person (SAMPLE(?n) AS ?name) (COUNT(DISTINCT ?source) AS ?articles) WHERE {
  ?source a vnkg:Article ; schema:mentions ?member .
  ?member a schema:Person ; schema:name ?mentionName .
  OPTIONAL { ?member vnkg:resolvedTo ?canonical . ?canonical schema:name ?canonicalName }
  BIND(COALESCE(?canonical, ?member) AS ?person)
  BIND(COALESCE(?canonicalName, ?mentionName) AS ?n)
} GROUP BY ?person"""

# "Lê Văn An" sorts before "Lê Văn An Bình" and "Lê Văn Anh": the sort keys must keep prefixes first.
PREFIXES = [article("p1", "2020-01-01", "Lê Văn An Bình"), article("p2", "2020-01-02", "Lê Văn Anh"),
            article("p3", "2020-01-03", "Lê Văn An"), article("p4", "2020-01-04", "Lê Văn An")]


def rows(store, name, **params):
    q = queries.get(name)
    return store.query(q.sparql, q.bindings(params)).dicts()


def live_people(store):
    return {(r["person"], r["name"], r["articles"]) for r in store.query(LIVE_PEOPLE).dicts()}


def test_people_reads_precomputed_counts_equal_to_a_live_count():
    store = store_with(NAMESAKES + PREFIXES)
    resolve_store(store)
    counts = store.query(f"SELECT ?p ?n WHERE {{ ?p <{iri.VNKG}articleCount> ?n }}").rows
    assert counts and all(int(n.value) >= 1 for _, n in counts)
    got = rows(store, "people")
    assert {(r["person"], r["name"], r["articles"]) for r in got} == live_people(store)
    assert [r["name"] for r in got][:2] == ["Lê Văn An", "Trần Văn Mẫu"]  # most articles first (2 each), then by name


def test_people_counts_mentions_loaded_without_resolution():
    store = store_with(NAMESAKES)
    resolve_store(store)
    extra = article("k9", "2022-01-01", "Hoàng Văn Mới")
    store.replace_articles({iri.article("k9"): to_quads(extra)})  # loaded, not resolved
    got = {(r["person"], r["name"], r["articles"]) for r in rows(store, "people")}
    assert got == live_people(store)
    assert any(name == "Hoàng Văn Mới" and n == "1" for _, name, n in got)


def test_sort_keys_keep_the_order_of_the_values():
    store = store_with(NAMESAKES + PREFIXES)
    resolve_store(store)
    people = [(-int(r["articles"]), r["name"]) for r in rows(store, "people")]
    assert people == sorted(people)
    mentions = [(r["source"], r["kind"], r["label"]) for r in rows(store, "mentions")]
    assert mentions == sorted(mentions)
    positions = [(r["source"], r["name"], r["title"]) for r in rows(store, "positions")]
    assert positions == sorted(positions) and len(positions) == 4


def test_province_leadership_matches_the_name_in_any_case(sample_store):
    want = rows(sample_store, "province-leadership", province="Tuyên Quang")
    assert {r["name"] for r in want} == {"Nguyễn Văn An", "Lò Văn Bình"}
    lower = rows(sample_store, "province-leadership", province="tuyên quang")
    assert [{k: v for k, v in r.items() if k != "province"} for r in lower] == \
        [{k: v for k, v in r.items() if k != "province"} for r in want]
    labels = [(r["post_label"], r["name"]) for r in want]
    assert labels == sorted(labels)


def test_people_counts_live_when_the_resolution_has_no_counts():
    store = store_with(NAMESAKES + PREFIXES)
    resolve_store(store)
    store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?p <{iri.VNKG}articleCount> ?n }} }}")  # resolved by an older version
    got = {(r["person"], r["name"], r["articles"]) for r in rows(store, "people")}
    assert got == live_people(store) and len(got) == 6
