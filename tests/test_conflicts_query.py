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



def test_conflicts_found_at_resolution_are_the_old_querys_on_random_stores():
    """Seat conflicts are found by identity resolution (vnkg.seats) and read by the query: on random
    stores (single- and multi-seat offices, an office outside the vocabulary, stated starts, reports
    in and out of office, reference records with start and end), the rows of the plain old query."""
    import gzip
    import json
    import random
    import tempfile
    from pathlib import Path

    from vnkg.imports import import_graph, read_wikipedia
    from vnkg.resolve import WIKIPEDIA_GRAPH

    names = ["Hà Văn Mạnh", "Quàng Thị Nga", "Lò Văn Sơn", "Cầm Thị Hoa"]
    titles = ["Bí thư Tỉnh ủy", "Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Giám đốc Sở Nội vụ"]
    days = [None, "2020-10-15", "2021-03-01", "2022-06-20"]
    found = 0
    for seed in range(6):
        r = random.Random(seed)
        xs = [article(f"r{seed}-{i}", r.choice(["2021-02-03", "2022-06-20", "2022-07-01", "2023-01-09"]),
                      [(r.choice(names), r.choice(titles), r.choice(["current", "current", "former"]), r.choice(days))
                       for _ in range(r.randint(1, 2))]) for i in range(14)]
        store = open_store(":memory:")
        store.replace_articles({iri.article(x.article.id): to_quads(x) for x in xs})
        wp = [{"id": str(200 + k), "title": n, "infobox": {"name": n, "office": "Bí thư Tỉnh ủy Sơn La",
               "term_start": r.choice(["2019-05-01", "2021-01-01"]), "term_end": r.choice(["2022-12-01", "2024-02-01"])}}
              for k, n in enumerate(names[:2])]
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "wp.json.gz"
            path.write_bytes(gzip.compress(json.dumps(wp).encode()))
            import_graph(store, WIKIPEDIA_GRAPH, read_wikipedia(path))
        resolve_store(store)
        old, new = old_and_new(store)
        assert new == old, seed
        found += len(new)
    assert found > 10  # the stores do hold conflicts
