"""Every canned query parses, is documented, declares exactly the parameters it uses, and answers right."""
from __future__ import annotations

import re

import pytest
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Variable

from vnkg import queries
from vnkg.iri import PREFIXES
from vnkg.store import prologue

ALL = sorted(queries.catalogue())


def _bound_variables(node, out: set[str]) -> None:
    """Variables a query binds itself (triple patterns, BIND, VALUES, GRAPH, aggregates, sub-select projections)."""
    if isinstance(node, CompValue):
        if node.name in ("BGP", "TriplesBlock"):  # TriplesBlock, Bind: the unparsed form inside (NOT) EXISTS
            for triple in node.triples:
                out.update(str(t) for t in triple if isinstance(t, Variable))
        if node.name in ("Extend", "Bind"):
            out.add(str(node.var))
        if node.name in ("values", "ToMultiSet") and getattr(node, "res", None):
            for row in node.res:
                out.update(str(v) for v in row)
        if node.name == "Graph" and isinstance(node.term, Variable):
            out.add(str(node.term))
        for value in node.values():
            _bound_variables(value, out)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _bound_variables(item, out)


def free_variables(sparql: str) -> set[str]:
    algebra = prepareQuery(prologue() + sparql).algebra
    bound: set[str] = set()
    _bound_variables(algebra, bound)
    mentioned = set(re.findall(r"[?$](\w+)", re.sub(r"#[^\n]*", "", sparql)))
    return mentioned - bound


@pytest.mark.parametrize("name", ALL)
def test_query_parses_and_is_documented(name):
    q = queries.get(name)
    assert q.summary, f"{name}.rq has no #+ summary"
    assert q.description, f"{name}.rq has no #+ description"
    prepareQuery(prologue() + q.sparql)  # a second, independent parser


@pytest.mark.parametrize("name", ALL)
def test_query_declares_exactly_the_parameters_it_uses(name):
    q = queries.get(name)
    declared = {p.name for p in q.params}
    # A parameter may stand in a triple pattern (an index lookup, as a constant would) or be compared
    # in a FILTER: every declared one is used, and nothing undeclared is free.
    assert free_variables(q.sparql) <= declared
    assert all(re.search(rf"[?$]{p}\b", q.sparql) for p in declared)
    projection = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s+WHERE", q.sparql, re.S).group(1)
    for p in declared:  # Oxigraph's substitutions need the bound variable in the projection
        assert f"?{p}" in projection.split(), f"parameter {p} not projected in {name}.rq"


@pytest.mark.parametrize("name", ALL)
def test_query_runs_on_the_sample_store(name, sample_store):
    q = queries.get(name)
    values = {"title": "Bí thư Tỉnh ủy", "province": "Tuyên Quang", "date": "2022-01-01",
              "name": "Nguyễn Văn An", "iri": "https://w3id.org/vnkg/id/x"}
    params = {p.name: values.get(p.name, p.default or "x") for p in q.params}
    result = sample_store.query(q.sparql, q.bindings(params))
    assert result.variables


def rows(store, query_name, **params):
    q = queries.get(query_name)
    return store.query(q.sparql, q.bindings(params)).dicts()


def test_positions_columns_and_values(sample_store):
    got = rows(sample_store, "positions")
    for column in ("person", "name", "title", "organization", "province", "status", "term", "start", "source", "evidence"):
        assert column in got[0]
    facts = {(r["name"], r["title"], r["province"], r["status"], r["term"], r["start"], r["source"].rsplit("/", 1)[-1])
             for r in got}
    assert facts == {
        ("Nguyễn Văn An", "Bí thư Tỉnh ủy", "Tuyên Quang", "current", "", "", "t-01"),
        ("Nguyễn Văn An", "Chủ tịch Hội đồng nhân dân tỉnh", "Tuyên Quang", "current", "2021-2026", "", "t-01"),
        ("Lò Văn Bình", "Bí thư Tỉnh ủy", "Tuyên Quang", "former", "", "2015-10-01", "t-02"),
    }
    assert all(r["evidence"] for r in got)


def test_mentions(sample_store):
    got = {(r["source"].rsplit("/", 1)[-1], r["kind"], r["label"]) for r in rows(sample_store, "mentions")}
    assert ("t-01", "Person", "Nguyễn Văn An") in got
    assert ("t-01", "Province", "Vĩnh Phúc") in got
    assert ("t-01", "Document", "14-KL/TW") in got
    assert ("t-01", "Event", "Đổi mới sinh hoạt chi bộ") in got
    assert ("t-02", "Province", "Vĩnh Phúc") not in got


def test_documents(sample_store):
    (doc,) = rows(sample_store, "documents")
    assert (doc["symbol"], doc["type"], doc["number"], doc["issuer"], doc["date"]) == \
        ("14-KL/TW", "Kết luận", "14", "Bộ Chính trị", "2021-09-22")


def test_events_and_participants(sample_store):
    (event,) = rows(sample_store, "events")
    assert (event["type"], event["title"], event["province"]) == ("Hội thảo", "Đổi mới sinh hoạt chi bộ", "Vĩnh Phúc")
    (p,) = rows(sample_store, "participants")
    assert (p["name"], p["role"], p["event"]) == ("Nguyễn Văn An", "chair", event["event"])


def test_holders_on_a_date(sample_store):
    got = rows(sample_store, "holders", title="Bí thư Tỉnh ủy", province="Tuyên Quang", date="2022-01-01")
    assert {r["name"] for r in got} == {"Nguyễn Văn An"}
    assert rows(sample_store, "holders", title="Bí thư Tỉnh ủy", province="Tuyên Quang", date="2020-01-01") == []


def test_people_counts_articles(sample_store):
    got = {r["name"]: r["articles"] for r in rows(sample_store, "people")}
    assert got == {"Nguyễn Văn An": "1", "Lò Văn Bình": "1"}


def test_provinces_mapping(sample_store):
    got = {r["name"]: r["merged_into_name"] for r in rows(sample_store, "provinces") if r["valid_until"]}
    assert got["Vĩnh Phúc"] == "Phú Thọ"
    assert got["Hà Giang"] == "Tuyên Quang"


@pytest.mark.parametrize("hostile", ['Tuyên Quang" } UNION { ?s ?p ?o } #', "x'\n} ; DROP ALL ; #", "{}", '\\"'])
def test_hostile_parameters_return_nothing(sample_store, hostile):
    assert rows(sample_store, "holders", title=hostile, province=hostile, date="2022-01-01") == []
    assert rows(sample_store, "person", name=hostile) == []


def test_unknown_and_missing_parameters_are_refused():
    q = queries.get("holders")
    with pytest.raises(queries.QueryError, match="unknown parameter"):
        q.bindings({"title": "x", "date": "2020-01-01", "colour": "red"})
    with pytest.raises(queries.QueryError, match="required"):
        q.bindings({"title": "x"})
    with pytest.raises(queries.QueryError, match="ISO date"):
        q.bindings({"title": "x", "date": "yesterday"})


def test_prefixes_are_the_documented_ones():
    assert PREFIXES["vnkg"] == "https://w3id.org/vnkg/ontology#"
