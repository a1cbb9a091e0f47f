"""The store: an article's graph is replaced whole; the reference graph is there; exports round-trip."""
from __future__ import annotations

import io

import pyoxigraph as ox

from vnkg import iri, queries
from vnkg.export import export
from vnkg.graph import to_quads
from vnkg.store import open_store
from tests.conftest import sample_extractions


def _graph(store, article_id):
    g = iri.article(article_id)
    return {q for q in store.quads() if q.graph_name.value == g}


def test_reload_replaces_exactly_the_articles_facts(sample_store):
    from dataclasses import replace

    x1, x2 = sample_extractions()
    before_other = _graph(sample_store, "t-02")
    changed = replace(x1, holdings=x1.holdings[:1])
    sample_store.replace_articles({iri.article("t-01"): to_quads(changed)})
    assert _graph(sample_store, "t-01") == set(to_quads(changed))
    assert _graph(sample_store, "t-02") == before_other


def test_same_input_same_graph():
    x1, _ = sample_extractions()
    assert to_quads(x1) == to_quads(x1)


def test_folder_store_persists(tmp_path):
    x1, _ = sample_extractions()
    with open_store(str(tmp_path / "s")) as s:
        s.replace_articles({iri.article("t-01"): to_quads(x1)})
    with open_store(str(tmp_path / "s"), read_only=True) as s:
        assert s.article_hashes().keys() == {iri.article("t-01")}
        stats = s.query(queries.get("stats").sparql).dicts()[0]
        assert stats["articles"] == "1" and stats["holdings"] == "2"
        # The store's size, counted on its index, is what SPARQL counts over every graph.
        counted = s.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0].value
        assert s.size() == int(counted) == len(list(s.quads()))


def test_stats_command_adds_the_size(tmp_path):
    import json

    from click.testing import CliRunner

    from vnkg.cli import cli

    x1, _ = sample_extractions()
    with open_store(str(tmp_path / "s")) as s:
        s.replace_articles({iri.article("t-01"): to_quads(x1)})
        size = s.size()
    out = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "stats", "--format", "json"])
    assert out.exit_code == 0, out.output
    row = json.loads(out.stdout)[0]
    assert row["articles"] == "1" and row["triples"] == str(size)


def test_export_formats_round_trip(sample_store):
    for fmt, parse_as in (("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS),
                          ("turtle", ox.RdfFormat.TURTLE), ("jsonld", ox.RdfFormat.JSON_LD)):
        buf = io.BytesIO()
        n = export(sample_store, fmt, buf)
        assert n > 0
        assert len(list(ox.parse(buf.getvalue(), format=parse_as))) == n


def test_validate_sample_store(sample_store):
    from vnkg.validate import validate

    conforms, report = validate(sample_store)
    assert conforms, report


def test_article_iri_ends_with_the_id_where_an_iri_can_hold_it():
    assert iri.article("vntc-XH_NLD__(4062)").endswith("/vntc-XH_NLD__(4062)")
    assert iri.article("bài-1").endswith("/bài-1")
    encoded = iri.article("a b/c?d#e%f<g>")
    ox.NamedNode(encoded)  # a valid IRI
    assert encoded.rsplit("/", 1)[-1] == "a%20b%2Fc%3Fd%23e%25f%3Cg%3E"

