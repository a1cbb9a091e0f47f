"""network-holdings, positions, mentions and co-occurrence, rewritten for speed (issue #6: hash-joined scans, sort keys
computed once per article or title, labels filtered after their join, no ORDER BY on IRIs), give the
rows of their former formulations, and positions and mentions the same order of their sort columns,
on the sample articles (resolved and not), on namesakes whose names are prefixes of each other and
on articles naming several persons, some of them at the same event."""
from __future__ import annotations

import pytest
from conftest import sample_extractions
from test_identity import NAMESAKES, store_with
from test_person_document_queries import CO_OCCURRENCE_BEFORE
from test_query_plans import PREFIXES

from vnkg import iri, network, queries
from vnkg.graph import to_quads
from vnkg.model import Article, EventMention, Evidence, Extraction, Participation, PersonMention
from vnkg.resolve import resolve_store
from vnkg.store import open_store

NETWORK_HOLDINGS_BEFORE = """
SELECT DISTINCT ?holding ?person ?name ?post ?post_label ?organization ?organization_label ?province ?province_label
                ?status ?term ?start ?end ?source ?date ?evidence WHERE {
  GRAPH ?source {
    ?holding vnkg:post ?post ; org:member ?member ; vnkg:status ?status ; prov:wasDerivedFrom ?source .
    ?member schema:name ?mention_name .
    OPTIONAL { ?post rdfs:label ?post_label FILTER(lang(?post_label) != "en") }
    OPTIONAL { ?post org:postIn ?organization OPTIONAL { ?organization rdfs:label ?organization_label FILTER(lang(?organization_label) != "en") } }
    OPTIONAL { ?post vnkg:province ?province OPTIONAL { ?province rdfs:label ?province_label } }
    OPTIONAL { ?holding vnkg:term ?term } OPTIONAL { ?holding schema:startDate ?start } OPTIONAL { ?holding schema:endDate ?end }
    OPTIONAL { ?holding vnkg:evidence ?evidence }
  }
  # One node per person across articles where identity resolution has run (docs/identity.md).
  OPTIONAL { ?member vnkg:resolvedTo ?canonical OPTIONAL { ?canonical schema:name ?canonical_name } }
  BIND(COALESCE(?canonical, ?member) AS ?person) BIND(COALESCE(?canonical_name, ?mention_name) AS ?name)
  OPTIONAL { ?source schema:datePublished ?date }
}
ORDER BY ?person ?post ?source
"""

POSITIONS_BEFORE = """
SELECT DISTINCT ?person ?name ?title ?organization ?province ?status ?term ?start ?source ?evidence ?holding WHERE {
  { SELECT ?holding ?source WHERE { GRAPH ?source { ?holding a vnkg:PostHolding } } }
  { SELECT ?holding ?member WHERE { GRAPH ?source { ?holding org:member ?member } } }
  { SELECT ?holding ?post WHERE { GRAPH ?source { ?holding vnkg:post ?post } } }
  { SELECT ?holding ?status WHERE { GRAPH ?source { ?holding vnkg:status ?status } } }
  { SELECT ?holding ?source WHERE { GRAPH ?source { ?holding prov:wasDerivedFrom ?source } } }
  { SELECT ?source ?member ?name WHERE { GRAPH ?source { ?member schema:name ?name } } }
  { SELECT ?source ?post ?office WHERE { GRAPH ?source { ?post org:role ?office } } }
  { SELECT ?source ?office ?title WHERE { GRAPH ?source { ?office skos:prefLabel ?title } } }
  OPTIONAL { SELECT ?holding ?term WHERE { GRAPH ?source { ?holding vnkg:term ?term } } }
  OPTIONAL { SELECT ?holding ?start WHERE { GRAPH ?source { ?holding schema:startDate ?start } } }
  OPTIONAL { SELECT ?holding ?evidence WHERE { GRAPH ?source { ?holding vnkg:evidence ?evidence } } }
  OPTIONAL { SELECT ?holding ?source ?organization WHERE {
      { SELECT ?holding ?source ?org WHERE { GRAPH ?source { ?holding org:organization ?org } } }
      { SELECT ?source ?org ?organization WHERE { GRAPH ?source { ?org rdfs:label ?organization } } } } }
  OPTIONAL { SELECT ?source ?post ?province WHERE {
      { SELECT ?source ?post ?p WHERE { GRAPH ?source { ?post vnkg:province ?p } } }
      { SELECT ?source ?p ?province WHERE { GRAPH ?source { ?p rdfs:label ?province } } } } }
  OPTIONAL { SELECT ?member ?canonical WHERE { ?member vnkg:resolvedTo ?canonical } }
  BIND(COALESCE(?canonical, ?member) AS ?person)
  BIND(CONCAT(" ", STR(?source)) AS ?source_key)
  BIND(CONCAT(" ", STR(?name)) AS ?name_key)
  BIND(CONCAT(" ", STR(?title)) AS ?title_key)
}
ORDER BY ?source_key ?name_key ?title_key
"""

MENTIONS_BEFORE = """
SELECT DISTINCT ?source ?entity ?kind ?label ?canonical WHERE {
  { SELECT ?source ?entity WHERE { GRAPH ?source { ?source schema:mentions ?entity } } }
  {
    { SELECT ?source ?entity ?kind ?label ?canonical WHERE {
        { SELECT ?source ?entity WHERE { GRAPH ?source { ?entity a schema:Person } } }
        { SELECT ?source ?entity ?label WHERE { GRAPH ?source { ?entity schema:name ?label } } }
        OPTIONAL { SELECT ?entity ?canonical WHERE { ?entity vnkg:resolvedTo ?canonical } }
        BIND("Person" AS ?kind) } }
  } UNION {
    { SELECT ?source ?entity ?kind ?label WHERE {
        GRAPH <https://w3id.org/vnkg/graph/reference> { ?entity a vnkg:Province }
        GRAPH ?source { ?entity rdfs:label ?label }
        BIND("Province" AS ?kind) } }
  } UNION {
    { SELECT ?source ?entity ?kind ?label WHERE {
        { SELECT ?source ?entity ?typeLabel WHERE {
            { SELECT ?class ?typeLabel WHERE {
                ?class rdfs:subClassOf vnkg:Document ; rdfs:label ?typeLabel . FILTER(lang(?typeLabel) = "vi") } }
            GRAPH ?source { ?entity a ?class } } }
        { SELECT ?source ?entity WHERE { GRAPH ?source { ?entity a vnkg:Document } } }
        OPTIONAL { SELECT ?source ?entity ?symbol WHERE { GRAPH ?source { ?entity vnkg:symbol ?symbol } } }
        OPTIONAL { SELECT ?source ?entity ?number WHERE { GRAPH ?source { ?entity vnkg:documentNumber ?number } } }
        BIND(COALESCE(?symbol, CONCAT(STR(?typeLabel), " ", COALESCE(?number, "?"))) AS ?label)
        BIND("Document" AS ?kind) } }
  } UNION {
    { SELECT ?source ?entity ?kind ?label WHERE {
        { SELECT ?source ?entity ?typeLabel WHERE {
            { SELECT ?class ?typeLabel WHERE {
                ?class rdfs:subClassOf vnkg:Event ; rdfs:label ?typeLabel . FILTER(lang(?typeLabel) = "vi") } }
            GRAPH ?source { ?entity a ?class } } }
        { SELECT ?source ?entity WHERE { GRAPH ?source { ?entity a vnkg:Event } } }
        OPTIONAL { GRAPH ?source { ?entity schema:name ?title } }
        BIND(COALESCE(?title, STR(?typeLabel)) AS ?label)
        BIND("Event" AS ?kind) } }
  } UNION {
    { SELECT ?source ?entity ?kind ?label WHERE {
        { SELECT ?source ?entity WHERE { GRAPH ?source { ?entity a org:Organization } } }
        { SELECT ?source ?entity ?label WHERE { GRAPH ?source { ?entity rdfs:label ?label } } }
        BIND("Organization" AS ?kind) } }
  } UNION {
    { SELECT ?source ?entity ?kind ?label WHERE {
        GRAPH <https://w3id.org/vnkg/graph/reference> { ?entity a org:Organization }
        GRAPH ?source { ?entity rdfs:label ?label }
        BIND("Organization" AS ?kind) } }
  }
  BIND(CONCAT(" ", STR(?source)) AS ?source_key)
  BIND(CONCAT(" ", STR(?label)) AS ?label_key)
}
ORDER BY ?source_key ?kind ?label_key
"""

BEFORE = {"network-holdings": (NETWORK_HOLDINGS_BEFORE, None),
          "positions": (POSITIONS_BEFORE, ("source", "name", "title")),
          "mentions": (MENTIONS_BEFORE, ("source", "kind", "label"))}


def _sample(resolved: bool):
    store = open_store(":memory:")
    store.replace_articles({iri.article(x.article.id): to_quads(x) for x in sample_extractions()})
    if resolved:
        resolve_store(store)
    return store


def _namesakes():
    store = store_with(NAMESAKES + PREFIXES)
    resolve_store(store)
    return store


def _crowd():
    """Several persons per article, some of them at the same event: pairs with and without events."""
    def art(aid, names, at_event):
        text = ", ".join(names) + " dự hội nghị."
        ev = Evidence(text, 0, len(text))
        event = EventMention("Hội nghị", ev, title="Hội nghị lần thứ 3",
                             participants=[Participation(n, "attendee", ev) for n in at_event])
        return Extraction(Article(aid, text, published="2021-01-0" + aid[-1]),
                          persons=[PersonMention(n, ev) for n in names], events=[event] if at_event else [])
    store = store_with([art("c1", ["Lê Văn An", "Lê Văn An Bình", "Hà Thị Cúc"], ["Lê Văn An", "Lê Văn An Bình"]),
                        art("c2", ["Lê Văn An", "Lê Văn An Bình"], []),
                        art("c3", ["Lê Văn An Bình", "Hà Thị Cúc", "Lê Văn Anh"], ["Hà Thị Cúc", "Lê Văn Anh"])])
    resolve_store(store)
    return store


@pytest.fixture(scope="module", params=["sample", "sample-resolved", "namesakes", "crowd"])
def store(request):
    return {"sample": lambda: _sample(False), "sample-resolved": lambda: _sample(True), "namesakes": _namesakes,
            "crowd": _crowd}[request.param]()


@pytest.mark.parametrize("name", sorted(BEFORE))
def test_rows_and_order_are_those_of_the_former_query(store, name):
    before, order = BEFORE[name]
    got, want = store.query(queries.get(name).sparql), store.query(before)
    assert got.variables == want.variables
    assert set(got.rows) == set(want.rows)
    if order:
        assert [tuple(r[c] for c in order) for r in got.dicts()] == [tuple(r[c] for c in order) for r in want.dicts()]


@pytest.mark.parametrize("person_name", ["", "trần văn mẫu", "lê văn an bình"])
def test_co_occurrence_rows_and_order_are_those_of_the_former_query(store, person_name, request):
    q = queries.get("co-occurrence")
    b = q.bindings({"person_name": person_name})
    got, want = store.query(q.sparql, b), store.query(CO_OCCURRENCE_BEFORE, b)
    assert set(got.rows) == set(want.rows)
    if request.node.callspec.params["store"] == "crowd" and "mẫu" not in person_name:
        assert got.rows and any(int(r["events"]) for r in got.dicts())
    order = [(-int(r["articles"]), -int(r["events"]), r["name"], r["other_name"]) for r in got.dicts()]
    assert order == sorted(order)


def test_network_fetch_sorts_the_holdings(store):
    holdings, _ = network.fetch(store, "post")
    keys = [(r["person"], r["post"], r["source"]) for r in holdings]
    assert keys == sorted(keys)
