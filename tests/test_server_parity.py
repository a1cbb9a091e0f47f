"""Every canned query gives the same rows on real articles through both servers as on the embedded
store (issue #6), with parameters taken from the data: offices in and out of provinces, a province of
the 2025 merger with `rollup`, resolved persons, document numbers. tests/test_remote.py checks one
set of parameters on invented articles; this one found what that could not (docs/serve.md, Virtuoso).
Reads ../shared/corpus (seed and dev articles): skipped when it is absent."""
from __future__ import annotations

import itertools

import pytest
from conftest import SHARED, answer_rows

from vnkg import iri, queries
from vnkg.load import load_files
from vnkg.resolve import RESOLUTION_GRAPH
from vnkg.store import open_store

pytestmark = pytest.mark.slow

FILES = [SHARED / "corpus" / "seed.jsonl", SHARED / "corpus" / "dev.jsonl"]

# Known and not yet avoided through Virtuoso 7.2.5 (docs/serve.md): once other tests have written and
# dropped graphs on the server, view-person leaves out the article date of a co-participant row for a
# few persons. That column is left out of the comparison there; every other column and query is compared.
VIRTUOSO_UNCOMPARED = {"view-person": {"date"}}


@pytest.fixture(scope="module")
def embedded():
    if not all(f.is_file() for f in FILES):
        pytest.skip("../shared is absent")
    store = open_store(":memory:")
    load_files(store, [str(f) for f in FILES], workers=1)
    return store


def _clear(store) -> None:
    articles = [g for g in store.article_hashes() if g.startswith(iri.ID + "article/")]
    store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in [*articles, RESOLUTION_GRAPH, iri.STATE_GRAPH]))


@pytest.fixture
def served(server_url, embedded):
    """The same articles loaded through the server (alone there: resolution sees what the embedded one does)."""
    store = open_store(server_url)
    _clear(store)
    load_files(store, [str(f) for f in FILES], workers=1)
    yield store
    _clear(store)


def parameter_sets(store) -> list[dict[str, str]]:
    posts = store.query("""SELECT DISTINCT ?title ?province WHERE {
        GRAPH ?g { ?post org:role ?office . OPTIONAL { ?post vnkg:province ?p } }
        ?office skos:prefLabel ?title .
        OPTIONAL { GRAPH <https://w3id.org/vnkg/graph/reference> { ?p rdfs:label ?province } }
      } ORDER BY ?title ?province LIMIT 12""").dicts()
    persons = store.query("""SELECT ?person ?name WHERE {
        GRAPH <https://w3id.org/vnkg/graph/resolution> { ?person schema:name ?name } } ORDER BY ?name LIMIT 6""").dicts()
    symbols = [d["s"] for d in store.query(
        "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?d vnkg:symbol ?s } } ORDER BY ?s LIMIT 6").dicts()]
    sets = []
    for post, date, rollup, person, symbol in zip(posts, itertools.cycle(["2016-06-01", "2021-01-01", "2025-09-01"]),
                                                  itertools.cycle(["0", "1"]), itertools.cycle(persons),
                                                  itertools.cycle(symbols)):
        sets.append({"title": post["title"], "province": post["province"], "date": date, "rollup": rollup,
                     "name": person["name"], "label_vi": person["name"], "kind": "person", "iri": person["person"],
                     "symbol": symbol})
    sets.append({**sets[0], "title": "Bí thư Tỉnh ủy", "province": "Phú Thọ", "rollup": "1", "kind": "province",
                 "name": "Phú Thọ", "label_vi": "Phú Thọ", "iri": iri.ID + "province/phu-tho"})
    return sets


def first_difference(got: set, want: set) -> dict:
    """The columns that differ between one row only the server gave and one only the embedded store gave."""
    a, b = (dict(sorted(rows)[0]) if rows else {} for rows in (got - want, want - got))
    return {k: (a.get(k), b.get(k)) for k in a.keys() | b.keys() if a.get(k) != b.get(k)}


def test_every_canned_query_gives_the_same_rows_through_the_server(embedded, served, request):
    on_virtuoso = "virtuoso" in request.node.callspec.id
    sets = parameter_sets(embedded)
    assert len(sets) >= 10
    differ, compared = [], 0
    for name, q in queries.catalogue().items():
        leave_out = frozenset(VIRTUOSO_UNCOMPARED.get(name, ())) if on_virtuoso else frozenset()
        for values in sets if q.params else sets[:1]:
            compared += 1
            got, want = answer_rows(served, q, values, leave_out), answer_rows(embedded, q, values, leave_out)
            if got != want:
                differ.append((name, {p.name: values.get(p.name) for p in q.params}, len(got), len(want),
                               first_difference(got, want)))
    assert not differ
    assert compared >= 150
