"""Graph views: one self-contained HTML file, no network, article strings escaped, labels resolved."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from tests.viewdata import IMG, SCRIPT, hostile_store, synthetic
from vnkg import subgraph, view
from vnkg.cli import cli
from vnkg.queries import QueryError


def page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="vnkg-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def assert_offline(page: str) -> None:
    assert not re.search(r"<script[^>]+\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", page, re.I)
    assert "@import" not in page
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert "connect-src 'none'" in page  # the CSP forbids any request the page might try


@pytest.mark.parametrize("kind, name", [("person", "Nguyễn Văn An"), ("post", "Bí thư Tỉnh ủy Tuyên Quang"),
                                        ("province", "Tuyên Quang"), ("document", "14-KL/TW"),
                                        ("event", "Đổi mới sinh hoạt chi bộ")])
def test_each_kind_of_view_is_one_offline_page(sample_store, kind, name):
    page = view.view_html(sample_store, kind, name)
    assert_offline(page)
    data = page_data(page)
    assert data["nodes"] and data["edges"]
    assert any(n.get("f") for n in data["nodes"])  # the focus is marked
    assert "vis.Network" in page or "Network" in page


def test_holding_edges_carry_evidence_article_and_dates(sample_store):
    data = page_data(view.view_html(sample_store, "post", "Bí thư Tỉnh ủy Tuyên Quang"))
    holds = [e for e in data["edges"] if e["k"] == "holds"]
    assert {e.get("st") for e in holds} == {"current", "former"}
    former = next(e for e in holds if e.get("st") == "former")
    assert former["a"] == "2015-10-01" and former["src"].endswith("/t-02") and former["d"] == "2019-03-01"
    assert all(e.get("ev") for e in holds)


def test_article_strings_are_escaped(tmp_path):
    store = hostile_store()
    for kind, name in [("province", "Tuyên Quang"), ("document", f"9-NQ/TU{SCRIPT}"),
                       ("person", f"Nguyễn Văn {SCRIPT}")]:
        page = view.view_html(store, kind, name)
        assert_offline(page)
        body = page.split('id="vnkg-data">', 1)[1]
        assert SCRIPT not in page and IMG not in page and "<img" not in body.split("</script>", 1)[0]
        labels = {n["l"] for n in page_data(page)["nodes"]}
        assert any(SCRIPT in label for label in labels)  # kept as text, escaped only in transit
    assert "innerHTML" not in view._APP_JS and "insertAdjacentHTML" not in view._APP_JS
    assert '"title"' not in json.dumps(page_data(page)["nodes"])  # vis-network never gets a title to render


def test_labels_resolve_by_name_iri_and_last_segment(sample_store):
    [(iri, label)] = subgraph.resolve(sample_store, "person", "nguyễn văn an")
    assert label == "Nguyễn Văn An"
    assert subgraph.resolve(sample_store, "person", iri) == [(iri, label)]
    # The last segment stands for the IRI {ID}{kind}/{segment} (canonical persons, posts, provinces,
    # documents, events); an article's mention node (…/mention/{article}/{name}) needs its whole IRI.
    assert subgraph.resolve(sample_store, "province", "tuyen-quang")[0][0].endswith("/province/tuyen-quang")
    # "Tuyên Quang" names the province before and after the 2025 merger: one view shows both.
    assert len(subgraph.resolve(sample_store, "province", "Tuyên Quang")) == 2
    with pytest.raises(QueryError, match="no person named"):
        subgraph.resolve(sample_store, "person", "Không Có Ai")


def test_an_ambiguous_label_is_one_line_listing_the_candidates(sample_store):
    from vnkg import iri
    from vnkg.graph import to_quads
    from vnkg.model import Article, Evidence, Extraction, PersonMention

    text = "Ông Nguyễn Văn An dự họp."
    x = Extraction(Article("t-03", text, published="2022-01-01"),
                   persons=[PersonMention("Nguyễn Văn An", Evidence(text, 0, len(text)))])
    sample_store.replace_articles({iri.article("t-03"): to_quads(x)})
    with pytest.raises(QueryError) as err:
        subgraph.resolve(sample_store, "person", "Nguyễn Văn An")
    message = str(err.value)
    assert "\n" not in message and "2 persons" in message and message.count("<https://") == 2


def test_cli_view_writes_the_page_and_errors_are_one_line(tmp_path, monkeypatch):
    from tests.conftest import sample_extractions
    from vnkg import iri
    from vnkg.graph import to_quads
    from vnkg.store import open_store

    folder = tmp_path / "store"
    with open_store(str(folder)) as store:
        store.replace_articles({iri.article(x.article.id): to_quads(x) for x in sample_extractions()})
    out = tmp_path / "an.html"
    r = CliRunner().invoke(cli, ["--store", str(folder), "view", "person", "Nguyễn Văn An", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert page_data(out.read_text(encoding="utf-8"))["nodes"]
    r = CliRunner().invoke(cli, ["--store", str(folder), "view", "person", "Không Có Ai", "-o", str(out)])
    assert r.exit_code == 1 and r.output.strip().startswith("vnkg: error: no person named")
    out2 = tmp_path / "q.html"
    r = CliRunner().invoke(cli, ["--store", str(folder), "view", "query", "holders", "-p", "title", "Bí thư Tỉnh ủy",
                                 "-p", "province", "Tuyên Quang", "-p", "date", "2021-12-01", "-o", str(out2)])
    assert r.exit_code == 0, r.output
    assert page_data(out2.read_text(encoding="utf-8"))["nodes"]


def test_any_select_or_construct_becomes_a_graph(sample_store):
    sub = subgraph.run_query(sample_store, "positions")
    kinds = {n.kind for n in sub.nodes.values()}
    assert "Person" in kinds and "title" in kinds  # text values become shared nodes
    people = [n for n in sub.nodes.values() if n.kind == "Person"]
    assert {n.label for n in people} == {"Nguyễn Văn An", "Lò Văn Bình"}
    sub = subgraph.run_query(sample_store, "CONSTRUCT { ?h org:member ?p ; vnkg:post ?post . ?p schema:name ?n } "
                                           "WHERE { ?h org:member ?p ; vnkg:post ?post . ?p schema:name ?n }")
    assert any(n.label == "Lò Văn Bình" for n in sub.nodes.values()) and sub.edges
    with pytest.raises(QueryError):
        subgraph.run_query(sample_store, "INSERT DATA { <a:b> <a:c> <a:d> } # SELECT")


def test_large_graphs_get_precomputed_positions_and_huge_ones_are_aggregated():
    sub = synthetic(600)
    data = page_data(view.render_html(sub, "big"))
    assert len(data["nodes"]) == len(sub.nodes) and len(data["nodes"]) > data["physicsMax"]
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) > 0.95 * len(data["nodes"])  # laid out, not piled up
    data = page_data(view.render_html(synthetic(600), "huge", aggregate_above=300))
    assert data["aggregated"] and data["total"] >= 600 and len(data["nodes"]) < 300
    members = [m for n in data["nodes"] for m in n.get("m", [])]
    assert "Người 5" in members  # search still finds a member inside its community


def test_view_queries_take_the_focus_as_an_iri(sample_store):
    from vnkg import queries

    for kind in subgraph.KINDS:
        q = queries.get(f"view-{kind}")
        assert [(p.name, p.type) for p in q.params] == [("iri", "iri")]
        with pytest.raises(QueryError, match="not an IRI"):
            q.bindings({"iri": "x> } UNION { ?s ?p ?o"})
    [(iri, _)] = subgraph.resolve(sample_store, "person", "Nguyễn Văn An")
    q = queries.get("view-person")
    rows = sample_store.query(q.sparql, q.bindings({"iri": iri})).dicts()
    assert rows and {r["iri"] for r in rows} == {iri}


def test_document_and_event_labels_are_joined_in_python():
    # Virtuoso mangles non-ASCII text inside CONCAT, so " số " is added here, not in SPARQL.
    row = {"s_type": "Nghị quyết", "s_num": "7", "s_label": "Về việc thử", "o_sym": "14-KL/TW", "o_type": "Kết luận"}
    assert subgraph.node_label(row, "s") == "Nghị quyết số 7"
    assert subgraph.node_label(row, "o") == "14-KL/TW"
    assert subgraph.node_label({"s_type": "Hội nghị", "s_label": "Hội nghị lần thứ 3"}, "s") == "Hội nghị: Hội nghị lần thứ 3"
    assert subgraph.tidy(subgraph.node_label({"s_type": "Hội nghị", "s_label": "Hội nghị lần thứ 3"}, "s")) \
        == "Hội nghị lần thứ 3"
    assert subgraph.node_label({"s_type": "Kỳ họp"}, "s") == "Kỳ họp"
    assert subgraph.node_label({"s_label": "Tuyên Quang", "s_type": ""}, "s") == "Tuyên Quang"
    assert subgraph.node_label({}, "s") is None


@pytest.mark.parametrize("store_kind", [pytest.param("oxigraph_url", marks=pytest.mark.server),
                                        pytest.param("virtuoso_url", marks=pytest.mark.virtuoso)])
def test_views_are_the_same_on_a_remote_store(sample_store, store_kind, request):
    """Each view, by its real focus IRI, draws the same graph from an Oxigraph server or Virtuoso."""
    from tests.conftest import sample_extractions
    from vnkg import iri
    from vnkg.graph import to_quads
    from vnkg.store import open_store

    remote = open_store(request.getfixturevalue(store_kind))
    remote.replace_articles({iri.article(x.article.id): to_quads(x) for x in sample_extractions()})
    for kind, name in [("person", "Nguyễn Văn An"), ("post", "Bí thư Tỉnh ủy Tuyên Quang"),
                       ("province", "Tuyên Quang"), ("document", "14-KL/TW"), ("event", "Đổi mới sinh hoạt chi bộ")]:
        want, got = subgraph.entity_view(sample_store, kind, name), subgraph.entity_view(remote, kind, name)
        assert want.edges, kind
        assert sorted(map(vars, got.edges), key=repr) == sorted(map(vars, want.edges), key=repr), kind
        def labels(sub):
            return {k: (n.label, n.kind) for k, n in sub.nodes.items()}
        assert labels(got) == labels(want), kind
