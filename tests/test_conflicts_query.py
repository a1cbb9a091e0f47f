"""The conflicts query, rewritten for speed (hash-joined per-predicate scans), against its former
text: the same rows on a small store with a real conflict. (On cuts of the bulk store the old text
does not finish within minutes.) Names and facts are invented."""
from __future__ import annotations

from vnkg import iri, queries
from vnkg.graph import to_quads
from vnkg.model import Article, Evidence, Extraction, PersonMention, PostHolding
from vnkg.resolve import resolve_store
from vnkg.store import open_store

# The query as it was before the rewrite (union-wide patterns, per-row lookups): slow, plainly correct.
OLD_CONFLICTS = """
SELECT DISTINCT ?post ?post_label ?date ?person ?name ?source ?other ?other_name ?other_source ?evidence ?other_evidence WHERE {
  ?h1 a vnkg:PostHolding ; vnkg:post ?post ; org:member ?m1 ; vnkg:status ?s1 ; prov:wasDerivedFrom ?source .
  ?h2 a vnkg:PostHolding ; vnkg:post ?post ; org:member ?m2 ; vnkg:status ?s2 ; prov:wasDerivedFrom ?other_source .
  # Single-seat offices only (data: the office's vnkg:singleSeat, or for an office outside the
  # vocabulary the title prefixes graph/offices.ttl gives for offices several persons hold at once).
  ?post org:role ?office .
  OPTIONAL { GRAPH <https://w3id.org/vnkg/graph/reference> { ?office vnkg:singleSeat ?single } }
  # (Plain boolean logic, no EXISTS inside IF: Virtuoso 7.2.5 cannot compile that.)
  FILTER(?single = true || (!BOUND(?single) && NOT EXISTS { ?office skos:prefLabel ?officeLabel .
    GRAPH <https://w3id.org/vnkg/graph/reference> { ?scheme vnkg:multiSeatPrefix ?prefix }
    FILTER(STRSTARTS(STR(?officeLabel), ?prefix)) }))
  OPTIONAL { ?m1 vnkg:resolvedTo ?c1 } OPTIONAL { ?m2 vnkg:resolvedTo ?c2 }
  BIND(COALESCE(?c1, ?m1) AS ?person) BIND(COALESCE(?c2, ?m2) AS ?other)
  FILTER(STR(?person) < STR(?other))
  OPTIONAL { ?h1 schema:startDate ?sd1 } OPTIONAL { ?h1 vnkg:startPeriod ?sp1 } OPTIONAL { ?source schema:datePublished ?pub1 }
  OPTIONAL { ?h1 schema:endDate ?ed1 } OPTIONAL { ?h1 vnkg:endPeriod ?ep1 }
  OPTIONAL { ?h2 schema:startDate ?sd2 } OPTIONAL { ?h2 vnkg:startPeriod ?sp2 } OPTIONAL { ?other_source schema:datePublished ?pub2 }
  OPTIONAL { ?h2 schema:endDate ?ed2 } OPTIONAL { ?h2 vnkg:endPeriod ?ep2 }
  FILTER((?s1 = "current" || BOUND(?ed1) || BOUND(?ep1)) && (?s2 = "current" || BOUND(?ed2) || BOUND(?ep2)))
  BIND(STR(COALESCE(?sd1, ?sp1, ?pub1)) AS ?from1) BIND(STR(COALESCE(?sd2, ?sp2, ?pub2)) AS ?from2)
  FILTER(BOUND(?from1) && BOUND(?from2))
  # Still in office with no stated end: open-ended when the start is stated, else known on the article's day only.
  BIND(COALESCE(STR(COALESCE(?ed1, ?ep1)), IF(?s1 = "current" && (BOUND(?sd1) || BOUND(?sp1)), "9999", ?from1)) AS ?to1)
  BIND(COALESCE(STR(COALESCE(?ed2, ?ep2)), IF(?s2 = "current" && (BOUND(?sd2) || BOUND(?sp2)), "9999", ?from2)) AS ?to2)
  # Compared by month: sources that give only a month, or differ by days at a hand-over, are no conflict.
  FILTER((SUBSTR(?from1, 1, 7) < SUBSTR(?to2, 1, 7) && SUBSTR(?from2, 1, 7) < SUBSTR(?to1, 1, 7))
         || (STRLEN(?from1) = 10 && ?from1 = ?from2))
  BIND(IF(?from1 > ?from2, ?from1, ?from2) AS ?date)
  OPTIONAL { ?post rdfs:label ?post_label }
  ?m1 schema:name ?name . ?m2 schema:name ?other_name .
  OPTIONAL { ?h1 vnkg:evidence ?evidence } OPTIONAL { ?h2 vnkg:evidence ?other_evidence }
}
ORDER BY ?post_label ?date ?name
"""

def article(aid, date, holdings):
    """One article naming each holder once; holdings are (name, title, status, start)."""
    text = " ".join(f"{name}, {title} tỉnh Sơn La, dự hội nghị." for name, title, _, _ in holdings)
    ev = Evidence(text, 0, len(text))
    names = dict.fromkeys(name for name, _, _, _ in holdings)
    return Extraction(Article(aid, text, published=date), persons=[PersonMention(n, ev) for n in names],
                      holdings=[PostHolding(name, title, ev, province="Sơn La", status=status, start=start)
                                for name, title, status, start in holdings])


def as_set(result):
    return {tuple(sorted((k, v) for k, v in row.items())) for row in result.dicts()}


def old_and_new(store):
    return as_set(store.query(OLD_CONFLICTS, {})), as_set(store.query(queries.get("conflicts").sparql, {}))


def test_same_rows_as_the_old_query_with_a_conflict():
    xs = [
        # Two persons in one single-seat post at once: a stated start and a report in office.
        article("c1", "2022-05-10", [("Hà Văn Mạnh", "Bí thư Tỉnh ủy", "current", "2020-10-15")]),
        article("c2", "2022-06-20", [("Quàng Thị Nga", "Bí thư Tỉnh ủy", "current", None)]),
        # The same person again (resolved to one): no conflict with himself.
        article("c3", "2022-07-01", [("Hà Văn Mạnh", "Bí thư Tỉnh ủy", "current", None)]),
        # Deputies share their post: two at once is no conflict.
        article("c4", "2022-06-20", [("Lò Văn Sơn", "Phó Bí thư Tỉnh ủy", "current", None),
                                     ("Cầm Thị Hoa", "Phó Bí thư Tỉnh ủy", "current", None)]),
        # A former holder reported without an end: no known period, no conflict.
        article("c5", "2022-06-20", [("Tòng Văn Dũng", "Bí thư Tỉnh ủy", "former", "2010-01-01")]),
    ]
    store = open_store(":memory:")
    store.replace_articles({iri.article(x.article.id): to_quads(x) for x in xs})
    resolve_store(store)
    old, new = old_and_new(store)
    assert new == old
    pairs = {(dict(r)["name"], dict(r)["other_name"]) for r in new}
    assert {frozenset(p) for p in pairs} == {frozenset({"Hà Văn Mạnh", "Quàng Thị Nga"})}
    assert all("Phó" not in (dict(r).get("post_label") or "") for r in new)

