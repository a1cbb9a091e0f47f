"""One person across articles (vnkg.resolve) and reference imports (vnkg.imports). Names and facts are invented."""
from __future__ import annotations

import gzip
import json

import pytest

from vnkg import iri, queries
from vnkg.graph import person_mention, to_quads
from vnkg.model import Article, Evidence, Extraction, PersonMention, PlaceMention, PostHolding
from vnkg.resolve import parse_judgements, resolve_store, store_judgements
from vnkg.store import open_store


def article(aid, date, name, title=None, province=None, places=(), status="current", term=None):
    text = f"{name} dự hội nghị."
    ev = Evidence(text, 0, len(text))
    holdings = [PostHolding(name, title, ev, province=province, status=status, term=term)] if title else []
    return Extraction(Article(aid, text, published=date), persons=[PersonMention(name, ev)], holdings=holdings,
                      places=[PlaceMention(p, ev) for p in places])


def store_with(extractions):
    store = open_store(":memory:")
    store.replace_articles({iri.article(x.article.id): to_quads(x) for x in extractions})
    return store


NAMESAKES = [
    article("k1", "2012-05-01", "Trần Văn Mẫu", "Bí thư Tỉnh ủy", "Lào Cai"),
    article("k2", "2013-01-10", "Trần Văn Mẫu", "Phó Bí thư Tỉnh ủy", "Lào Cai"),
    article("k3", "2021-03-01", "Trần Văn Mẫu", "Chủ tịch Ủy ban nhân dân tỉnh", "Cà Mau"),
    article("k4", "2021-06-01", "Trần Văn Mẫu", places=["Cà Mau"]),
    article("k5", "2016-01-01", "Đỗ Thị Khuê", "Bí thư Tỉnh ujy".replace("ujy", "ủy"), "Lào Cai"),
]


def canonical(store):
    res = store.query(f"SELECT ?m ?c WHERE {{ ?m <{iri.VNKG}resolvedTo> ?c }}")
    return {m.value: c.value for m, c in res.rows}


def test_same_person_in_several_articles_is_one_node_and_namesakes_stay_apart():
    store = store_with(NAMESAKES)
    resolve_store(store)
    c = canonical(store)
    k1, k2, k3, k4 = (c[person_mention(a, "Trần Văn Mẫu")] for a in ("k1", "k2", "k3", "k4"))
    assert k1 == k2, "same name, same province: one person"
    assert k1 != k3, "same name, other province and years: namesakes"
    assert k4 == k3, "no post of its own, but the article names Cà Mau"
    assert c[person_mention("k5", "Đỗ Thị Khuê")] == f"{iri.ID}person/do-thi-khue"


def test_resolution_is_independent_of_load_order_and_explained():
    a = store_with(NAMESAKES)
    b = store_with(list(reversed(NAMESAKES)))
    resolve_store(a), resolve_store(b), resolve_store(b)
    assert canonical(a) == canonical(b)
    why = a.query(f"SELECT ?b ?r WHERE {{ <{person_mention('k2', 'Trần Văn Mẫu')}> <{iri.VNKG}resolutionBasis> ?b ; "
                  f"<{iri.VNKG}resolutionReason> ?r }}").rows
    assert why[0][0].value == "same-province" and "Lào Cai" in why[0][1].value and "k1" in why[0][1].value


def test_judgements_override_and_survive_a_reload():
    store = store_with(NAMESAKES)
    text = "judgement,a,b,note\nsame,k1#Trần Văn Mẫu,k3#Trần Văn Mẫu,moved province\n"
    store_judgements(store, parse_judgements(text))
    resolve_store(store)
    assert canonical(store)[person_mention("k1", "Trần Văn Mẫu")] == canonical(store)[person_mention("k3", "Trần Văn Mẫu")]
    store.replace_articles({iri.article("k3"): to_quads(NAMESAKES[2])})  # reload one article
    resolve_store(store)
    assert canonical(store)[person_mention("k1", "Trần Văn Mẫu")] == canonical(store)[person_mention("k3", "Trần Văn Mẫu")]
    store_judgements(store, parse_judgements("judgement,a,b\ndifferent,k1#Trần Văn Mẫu,k2#Trần Văn Mẫu\n"))
    resolve_store(store)
    assert canonical(store)[person_mention("k1", "Trần Văn Mẫu")] != canonical(store)[person_mention("k2", "Trần Văn Mẫu")]


def test_bad_judgement_rows_are_refused():
    from vnkg.resolve import JudgementError

    with pytest.raises(JudgementError, match="row 2"):
        parse_judgements("judgement,a,b\nmaybe,k1#A,k2#A\n")


def run(store, name, **params):
    q = queries.get(name)
    return store.query(q.sparql, q.bindings(params)).dicts()


def test_holders_follow_the_seat_and_conflicts_are_reported():
    xs = [article("s1", "2016-03-01", "Lục Văn Ất", "Bí thư Tỉnh ủy", "Sơn La", term="2015-2020"),
          article("s2", "2021-02-01", "Vi Thị Bính", "Bí thư Tỉnh ủy", "Sơn La", term="2020-2025"),
          article("s3", "2021-02-01", "Mùa A Canh", "Bí thư Tỉnh ủy", "Sơn La")]
    store = store_with(xs)
    resolve_store(store)
    assert {r["name"] for r in run(store, "holders", title="Bí thư Tỉnh ủy", province="Sơn La", date="2018-06-01")} == {"Lục Văn Ất"}
    assert {r["name"] for r in run(store, "holders", title="Bí thư Tỉnh ủy", province="Sơn La",
                                    date="2022-06-01")} == {"Vi Thị Bính", "Mùa A Canh"}
    conflicts = run(store, "conflicts")
    assert len(conflicts) == 1 and {conflicts[0]["name"], conflicts[0]["other_name"]} == {"Vi Thị Bính", "Mùa A Canh"}
    timeline = run(store, "post", title="Bí thư Tỉnh ủy", province="Sơn La")
    assert [r["name"] for r in timeline][0] == "Lục Văn Ất"
    assert any(r["previous_name"] == "Lục Văn Ất" for r in timeline if r["name"] == "Vi Thị Bính")


def test_rollup_reaches_provinces_merged_in_2025():
    store = store_with([article("r1", "2023-05-01", "Lê Văn Cầm", "Bí thư Tỉnh ủy", "Vĩnh Phúc")])
    resolve_store(store)
    assert not run(store, "holders", title="Bí thư Tỉnh ủy", province="Phú Thọ", date="2024-01-01")
    rows = run(store, "holders", title="Bí thư Tỉnh ủy", province="Phú Thọ", date="2024-01-01", rollup="1")
    assert [r["name"] for r in rows] == ["Lê Văn Cầm"]


def test_wikipedia_import_links_news_person_by_name_and_post(tmp_path):
    from vnkg.imports import import_graph, read_wikipedia, split_office
    from vnkg.resolve import WIKIPEDIA_GRAPH

    assert [(o.title, o.province) for o in split_office("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Lào Cai")] == [
        ("Phó Bí thư Tỉnh ủy", "Lào Cai"), ("Chủ tịch Ủy ban nhân dân tỉnh", "Lào Cai")]
    assert split_office("Ủy viên Trung ương Đảng khóa XIII")[0].title == "Ủy viên Ban Chấp hành Trung ương Đảng"
    records = [{"id": "101", "title": "Trần Văn Mẫu", "infobox": {
                    "name": "Trần Văn Mẫu", "birth_date": "1960-01-01",
                    "office": "Bí thư Tỉnh ủy Lào Cai", "term_start": "2010-05-01", "term_end": "2015-10-01",
                    "predecessor": "Hà Văn Xưa", "successor": "Đỗ Thị Khuê"}},
               {"id": "102", "title": "Trần Văn Mẫu (sinh 1970)", "infobox": {
                    "name": "Trần Văn Mẫu", "office": "Chủ tịch UBND tỉnh Cà Mau", "term_start": "2020", "term_end": "nay"}}]
    path = tmp_path / "wp.json.gz"
    path.write_bytes(gzip.compress(json.dumps(records).encode()))
    store = store_with(NAMESAKES)
    import_graph(store, WIKIPEDIA_GRAPH, read_wikipedia(path))
    c = canonical(store)
    assert c[f"{iri.ID}wikipedia/101"] == c[person_mention("k1", "Trần Văn Mẫu")]
    assert c[f"{iri.ID}wikipedia/102"] == c[person_mention("k3", "Trần Văn Mẫu")]
    assert c[f"{iri.ID}wikipedia/101"] != c[f"{iri.ID}wikipedia/102"]
    timeline = run(store, "post", title="Bí thư Tỉnh ủy", province="Lào Cai")
    sources = [r["source"] for r in timeline]
    assert sources[0] == "https://vi.wikipedia.org/?curid=101" and iri.article("k1") in sources
    assert timeline[0]["successor_name"] == "Đỗ Thị Khuê"


def test_dev_persons_in_several_articles_are_one_node(shared):
    """Needs the extractor; on seed + dev, every gold person named in several articles is one node."""
    import glob

    from vnkg.load import load_files

    gold = {}
    for f in glob.glob(str(shared / "eval" / "gold" / "*.json")):
        g = json.loads(open(f, encoding="utf-8").read())
        for p in g["persons"]:
            gold.setdefault(p, set()).add(g["id"])
    store = open_store(":memory:")
    load_files(store, [shared / "corpus" / "seed.jsonl", shared / "corpus" / "dev.jsonl"])
    c = canonical(store)
    for name, ids in gold.items():
        nodes = {c.get(person_mention(a, name)) for a in ids} - {None}
        assert len(nodes) <= 1, (name, nodes)
