"""Every canned query with a `person` column names the canonical person across articles, so rows of
different queries join on it. Names are invented."""
from __future__ import annotations

from vnkg import iri, queries
from vnkg.graph import to_quads
from vnkg.model import Article, Evidence, Extraction, PersonMention, PostHolding
from vnkg.resolve import resolve_store
from vnkg.store import open_store


def article(aid, date, title):
    name = "Hoàng Văn Thử"
    text = f"{title} Lạng Sơn {name} phát biểu."
    ev = Evidence(text, 0, len(text))
    return Extraction(Article(aid, text, published=date), persons=[PersonMention(name, ev)],
                      holdings=[PostHolding(name, title, ev, province="Lạng Sơn")])


def rows(store, name, **params):
    q = queries.get(name)
    return store.query(q.sparql, q.bindings(params)).dicts()


def test_province_leadership_names_the_canonical_person_as_positions_does():
    store = open_store(":memory:")
    xs = [article("c1", "2019-02-01", "Bí thư Tỉnh ủy"), article("c2", "2020-04-01", "Bí thư Tỉnh ủy")]
    store.replace_articles({iri.article(x.article.id): to_quads(x) for x in xs})
    resolve_store(store)
    leadership = rows(store, "province-leadership", province="Lạng Sơn")
    assert len(leadership) == 2  # one row per article stating it
    assert {r["person"] for r in leadership} == {r["person"] for r in rows(store, "positions")}
    assert len({r["person"] for r in leadership}) == 1, "two articles, one person"
