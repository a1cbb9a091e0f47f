"""The person, document and co-occurrence queries, rewritten for speed (issue #6), return the rows
of their former, plainer formulations on the sample articles (a name also in another case)."""
from __future__ import annotations

import pytest

from vnkg import iri, queries
from vnkg.graph import to_quads
from vnkg.resolve import resolve_store
from vnkg.store import open_store

from conftest import sample_extractions

# The person query before the rewrite: slow on a large store (it matches posts, offices and labels
# across the union of all graphs), plain to read, so it is the reference for the new one's rows.
PERSON_BEFORE = """
SELECT DISTINCT ?person ?name ?fact ?what ?province ?status ?term ?start ?end ?source ?evidence ?basis WHERE {
  { SELECT DISTINCT ?person ?name WHERE {
      ?any schema:name ?n .
      FILTER(LCASE(STR(?n)) = LCASE(?name))
      OPTIONAL { ?any vnkg:resolvedTo ?c }
      BIND(COALESCE(?c, ?any) AS ?person)
      FILTER EXISTS { ?person a schema:Person }
  } }
  { ?member vnkg:resolvedTo ?person } UNION { BIND(?person AS ?member) FILTER NOT EXISTS { ?person vnkg:resolvedTo ?x } }
  OPTIONAL { ?member vnkg:resolutionReason ?basis }
  {
    ?h a vnkg:PostHolding ; org:member ?member ; vnkg:post ?post ; vnkg:status ?status ; prov:wasDerivedFrom ?source .
    ?post org:role/skos:prefLabel ?what .
    OPTIONAL { ?post vnkg:province/rdfs:label ?province }
    OPTIONAL { ?h vnkg:term ?term } OPTIONAL { ?h vnkg:evidence ?evidence }
    OPTIONAL { ?h schema:startDate ?sd } OPTIONAL { ?h vnkg:startPeriod ?sp } OPTIONAL { ?source schema:datePublished ?pub }
    OPTIONAL { ?h schema:endDate ?ed } OPTIONAL { ?h vnkg:endPeriod ?ep }
    BIND(STR(COALESCE(?sd, ?sp, ?pub)) AS ?start)
    BIND(STR(COALESCE(?ed, ?ep)) AS ?end)
    BIND("holding" AS ?fact)
  } UNION {
    ?pa a vnkg:Participation ; vnkg:participant ?member ; vnkg:event ?e ; vnkg:role ?r ; prov:wasDerivedFrom ?source .
    ?e a vnkg:Event, ?cls . ?cls rdfs:subClassOf vnkg:Event ; rdfs:label ?type . FILTER(lang(?type) = "vi")
    OPTIONAL { ?e schema:name ?title }
    OPTIONAL { ?e vnkg:province/rdfs:label ?province }
    OPTIONAL { ?e schema:startDate ?ed0 } OPTIONAL { ?source schema:datePublished ?pub2 }
    OPTIONAL { ?pa vnkg:evidence ?evidence }
    BIND(STR(COALESCE(?ed0, ?pub2)) AS ?start)
    BIND(CONCAT(STR(?type), COALESCE(CONCAT(" ", ?title), ""), " (", STRAFTER(STR(?r), "#"), ")") AS ?what)
    BIND("participation" AS ?fact)
  }
}"""


@pytest.fixture(scope="module")
def resolved_store():
    store = open_store(":memory:")
    store.replace_articles({iri.article(x.article.id): to_quads(x) for x in sample_extractions()})
    resolve_store(store)
    return store


def _rows(store, sparql, name):
    res = store.query(sparql, {"name": queries.get("person").bindings({"name": name})["name"]})
    return set(res.rows)


@pytest.mark.parametrize("name", ["Nguyễn Văn An", "Lò Văn Bình", "nguyễn văn an", "LÒ VĂN BÌNH", "Không Có Ai"])
def test_person_rows_are_those_of_the_former_query(resolved_store, name):
    got = _rows(resolved_store, queries.get("person").sparql, name)
    assert got == _rows(resolved_store, PERSON_BEFORE, name)
    assert bool(got) == (name != "Không Có Ai")


def test_person_in_a_store_without_resolution(sample_store):
    # Unresolved, a mention is its own person: its own facts (the former query's member UNION did
    # not bind the member there and so listed every holding of the store).
    got = sample_store.query(queries.get("person").sparql, queries.get("person").bindings({"name": "Lò Văn Bình"}))
    assert {r[got.variables.index("fact")].value for r in got.rows} == {"holding"}
    assert {r[got.variables.index("name")].value for r in got.rows} == {"Lò Văn Bình"}


DOCUMENT_BEFORE = """
SELECT ?document ?doc_symbol ?type ?source ?published ?outlet ?provinces ?persons ?cited_by ?evidence
       ?symbol ?province ?rollup WHERE {
 { SELECT ?document ?doc_symbol ?type ?source ?published ?outlet ?evidence
       (GROUP_CONCAT(DISTINCT ?provinceName; separator=", ") AS ?provinces)
       (GROUP_CONCAT(DISTINCT ?personName; separator=", ") AS ?persons)
       (GROUP_CONCAT(DISTINCT ?citedByLabel; separator=", ") AS ?cited_by) WHERE {
  ?source a vnkg:Article ; schema:mentions ?document .
  ?document a vnkg:Document, ?class . ?class rdfs:subClassOf vnkg:Document ; rdfs:label ?type . FILTER(lang(?type) = "vi")
  OPTIONAL { ?document vnkg:symbol ?doc_symbol }
  OPTIONAL { ?source schema:datePublished ?published }
  OPTIONAL { ?source vnkg:outlet ?outlet }
  OPTIONAL { GRAPH ?source { ?document vnkg:evidence ?evidence } }
  OPTIONAL { GRAPH ?source { ?source schema:mentions ?p } ?p a vnkg:Province ; rdfs:label ?provinceName }
  OPTIONAL {
    GRAPH ?source { ?fact vnkg:evidence ?evidence . { ?fact org:member ?m } UNION { ?fact vnkg:participant ?m } }
    ?m schema:name ?mentionName .
    OPTIONAL { ?m vnkg:resolvedTo ?c . ?c schema:name ?canonicalName }
    BIND(COALESCE(?canonicalName, ?mentionName) AS ?personName)
  }
  OPTIONAL { ?citing vnkg:basedOn ?document . ?citing vnkg:symbol ?citedByLabel }
  } GROUP BY ?document ?doc_symbol ?type ?source ?published ?outlet ?evidence }
  FILTER(?symbol = "" || LCASE(COALESCE(STR(?doc_symbol), "")) = LCASE(?symbol))
  FILTER(?province = "" || EXISTS {
    GRAPH ?source { ?source schema:mentions ?q } ?q a vnkg:Province ; rdfs:label ?qName .
    OPTIONAL { ?q vnkg:mergedInto ?qInto . ?qInto rdfs:label ?qIntoName }
    FILTER(LCASE(STR(?qName)) = LCASE(?province)
           || (?rollup = 1 && LCASE(COALESCE(STR(?qIntoName), "")) = LCASE(?province)))
  })
}
ORDER BY ?doc_symbol ?published ?source
"""

CO_OCCURRENCE_BEFORE = """
SELECT ?person ?name ?other ?other_name ?articles ?events ?person_name WHERE {
  { SELECT ?person ?name ?other ?other_name (COUNT(DISTINCT ?source) AS ?articles) (COUNT(DISTINCT ?event) AS ?events) WHERE {
      ?source a vnkg:Article ; schema:mentions ?m1 , ?m2 .
      ?m1 vnkg:resolvedTo ?person . ?m2 vnkg:resolvedTo ?other .
      FILTER(STR(?person) < STR(?other))
      ?person schema:name ?name . ?other schema:name ?other_name .
      OPTIONAL {
        ?pa1 vnkg:participant ?m1 ; vnkg:event ?event ; prov:wasDerivedFrom ?source .
        ?pa2 vnkg:participant ?m2 ; vnkg:event ?event .
      }
    } GROUP BY ?person ?name ?other ?other_name }
  FILTER(?person_name = "" || LCASE(STR(?name)) = LCASE(?person_name)
         || LCASE(STR(?other_name)) = LCASE(?person_name))
}
ORDER BY DESC(?articles) DESC(?events) ?name ?other_name
"""


def _concat_as_sets(rows, names):
    """GROUP_CONCAT's order is unspecified: compare its parts as sets."""
    cols = [names.index(c) for c in ("provinces", "persons", "cited_by") if c in names]
    return {tuple(frozenset(v.value.split(", ")) if i in cols and v is not None else v for i, v in enumerate(r))
            for r in rows}


@pytest.mark.parametrize("params", [{}, {"symbol": "14-KL/TW"}, {"symbol": "14-kl/tw", "province": "tuyên quang"},
                                    {"symbol": "14-KL/TW", "province": "Hà Nội"},
                                    {"province": "Phú Thọ", "rollup": "1"}])
def test_document_rows_are_those_of_the_former_query(resolved_store, params):
    q = queries.get("document")
    b = q.bindings(params)
    got, want = resolved_store.query(q.sparql, b), resolved_store.query(DOCUMENT_BEFORE, b)
    assert got.variables == want.variables
    assert _concat_as_sets(got.rows, got.variables) == _concat_as_sets(want.rows, want.variables)


@pytest.mark.parametrize("person_name", ["", "Nguyễn Văn An"])
def test_co_occurrence_rows_are_those_of_the_former_query(resolved_store, person_name):
    q = queries.get("co-occurrence")
    b = q.bindings({"person_name": person_name})
    assert set(resolved_store.query(q.sparql, b).rows) == set(resolved_store.query(CO_OCCURRENCE_BEFORE, b).rows)
