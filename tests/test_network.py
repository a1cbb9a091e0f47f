"""Network analysis over the person–post and person–event projections, export, layout."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from vnkg import network
from vnkg.queries import QueryError


def rows(person, name, event, title="Hội nghị", date="2024-01-02"):
    return {"person": person, "name": name, "event": event, "type": "Hội nghị", "title": title, "event_date": date,
            "role": "attendee", "source": "https://w3id.org/vnkg/id/article/a1", "evidence": "Câu."}


PARTICIPATIONS = [rows("p:a", "An", "e:1"), rows("p:b", "Bình", "e:1"), rows("p:a", "An", "e:2", date="2024-03-01"),
                  rows("p:b", "Bình", "e:2", date="2024-03-01"), rows("p:c", "Chi", "e:2", date="2024-03-01"),
                  rows("p:d", "Dũng", "e:3")]


def test_projection_from_the_sample_store(sample_store):
    g = network.bipartite(*network.fetch(sample_store))
    kinds = nx.get_node_attributes(g, "kind")
    assert sorted(g.nodes[n]["label"] for n in g if kinds[n] == "Person") == ["Lò Văn Bình", "Nguyễn Văn An"]
    assert {kinds[n] for n in g} == {"Person", "Post", "Event"}
    cols, out = network.centrality(g)
    assert cols[:2] == ["person", "name"] and len(out) == 2
    # Both held "Bí thư Tỉnh ủy Tuyên Quang": a path of two steps through that post.
    cols, steps = network.path(g, "Lò Văn Bình", "nguyễn văn an")
    assert [s["kind"] for s in steps] == ["Person", "Post", "Person"]
    assert steps[1]["label"] == "Bí thư Tỉnh ủy Tuyên Quang" and steps[1]["evidence"]
    with pytest.raises(QueryError, match="no person named"):
        network.path(g, "Lò Văn Bình", "Không Có Ai")


def test_co_attendance_counts_shared_events_with_dates():
    cols, out = network.co_attendance(PARTICIPATIONS)
    top = out[0]
    assert (top["name_a"], top["name_b"], top["events"]) == ("An", "Bình", "2")
    assert (top["first"], top["last"]) == ("2024-01-02", "2024-03-01")
    assert top["titles"] == "Hội nghị"  # the title repeats the type: shown once
    assert all(r["events"] == "1" for r in out[1:])
    assert len(network.co_attendance(PARTICIPATIONS, min_events=2)[1]) == 1


def test_centrality_and_communities_on_a_small_network():
    g = network.bipartite([], PARTICIPATIONS)
    _, out = network.centrality(g, top=None)
    assert {r["name"] for r in out} == {"An", "Bình", "Chi", "Dũng"}
    by_name = {r["name"]: r for r in out}
    assert by_name["An"]["events"] == "2" and by_name["Dũng"]["co_members"] == "0"
    _, comms = network.communities(g)
    assert comms and "Dũng" not in comms[0]["members"]
    assert network.communities(g) == network.communities(g)  # fixed seed: same answer every run


def test_export_keeps_dates_for_the_timeline(sample_store, tmp_path):
    g = network.export_graph(*network.fetch(sample_store))
    holds = [d for _, _, d in g.edges(data=True) if d["kind"] == "holds"]
    former = next(d for d in holds if d.get("status") == "former")
    assert former["start"] == "2015-10-01" and former["end"] == "2019-03-01"  # ended by the article's date
    assert all("end" not in d for d in holds if d.get("status") == "current")
    network.write_network(g, "gexf", tmp_path / "n.gexf")
    text = (tmp_path / "n.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'start="2015-10-01"' in text
    network.write_network(g, "graphml", tmp_path / "n.graphml")
    back = nx.read_graphml(tmp_path / "n.graphml")
    assert back.number_of_edges() == g.number_of_edges()


def test_layout_places_every_node_apart_and_is_deterministic():
    g = nx.barabasi_albert_graph(700, 1, seed=3)
    ids, edges = [str(n) for n in g], [(str(a), str(b)) for a, b in g.edges()] + [("x", "y")]
    ids += ["x", "y", "lonely"]
    pos = network.layout(ids, edges)
    assert set(pos) == set(ids)
    assert len(set(pos.values())) == len(ids)
    assert pos == network.layout(ids, edges)


def test_analyze_commands_print_rows(tmp_path):
    from tests.conftest import sample_extractions
    from vnkg import iri
    from vnkg.cli import cli
    from vnkg.graph import to_quads
    from vnkg.store import open_store

    folder = tmp_path / "store"
    with open_store(str(folder)) as store:
        store.replace_articles({iri.article(x.article.id): to_quads(x) for x in sample_extractions()})
    run = lambda *args: CliRunner().invoke(cli, ["--store", str(folder), *args])  # noqa: E731
    r = run("analyze", "centrality", "--format", "json")
    assert r.exit_code == 0, r.output
    assert {row["name"] for row in json.loads(r.output)} == {"Nguyễn Văn An", "Lò Văn Bình"}
    r = run("analyze", "path", "Nguyễn Văn An", "Lò Văn Bình", "--format", "csv")
    assert r.exit_code == 0 and r.output.startswith("step,node,label")
    assert run("analyze", "communities").exit_code == 0
    assert run("analyze", "co-attendance", "--format", "jsonl").exit_code == 0
    r = run("analyze", "path", "Nguyễn Văn An", "Không Có Ai")
    assert r.exit_code == 1 and "\n" not in r.output.strip()
    r = run("export-network", "--format", "gexf", "-o", str(tmp_path / "x.gexf"))
    assert r.exit_code == 0 and (tmp_path / "x.gexf").stat().st_size > 0
