"""Identity resolution at the end of a load (vnkg.load, vnkg.resolve): the loader resolves from the
facts its workers computed from the quads they wrote, reading back only the store's other graphs;
whatever the loads, their order or their splitting, the identity graph is exactly the one a full
recomputation from the store (`vnkg identity resolve`) writes. Texts and names are invented."""
from __future__ import annotations

import gzip
import json
import random

import pyoxigraph as ox
import pytest
from hypothesis import given, settings, strategies as st

from vnkg import iri, resolve
from vnkg.load import load_files
from vnkg.resolve import RESOLUTION_GRAPH, WIKIPEDIA_GRAPH, Facts, build_items, quad_facts, read_facts
from vnkg.store import open_store

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Đỗ Văn Giang"]
TITLES = ["Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Phó Chủ tịch HĐND tỉnh"]
PROVINCES = ["Tuyên Quang", "Vĩnh Phúc", "Thái Nguyên", "Hà Giang"]


def record(i: int, variant: int = 0) -> dict:
    """An invented article: a holder of a post in a province, or a name alone (then the article names
    a province, or not), so that namesakes meet every rule of vnkg.resolve."""
    r = random.Random(i * 7919 + variant)
    name, kind = r.choice(NAMES), r.randrange(3)
    if name == NAMES[-1]:  # never holds a post: joined on the name alone
        kind = 2
    if kind == 0:
        text = f"Đồng chí {name}, {r.choice(TITLES)} {r.choice(PROVINCES)}, chủ trì hội nghị tổng kết."
    elif kind == 1:
        text = f"Tại {r.choice(PROVINCES)}, đồng chí {name} dự hội nghị tổng kết công tác năm."
    else:
        text = f"Đồng chí {name} phát biểu tại hội nghị."
    return {"id": f"t{i}", "text": text, "published": f"20{10 + i % 12}-03-0{1 + i % 9}"}


def write(path, records) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


def identity_graph(store) -> set:
    return set(store.ox.quads_for_pattern(None, None, None, ox.NamedNode(RESOLUTION_GRAPH)))


def full_recomputation(store) -> set:
    """What `vnkg identity resolve` computes from the store as it is."""
    facts = resolve.read_facts(store)
    res = resolve.cluster(resolve.build_items(facts), resolve._mergers(store), resolve.read_judgements(store))
    return set(resolve.identity_quads(res, facts, store))


@pytest.fixture
def scoped(monkeypatch):
    """The loads whose resolution was redone for their names only: how many articles each wrote."""
    calls = []
    inner = resolve._resolve_scoped

    def run(store, written, *args):
        calls.append(len(written.graphs))
        return inner(store, written, *args)

    monkeypatch.setattr(resolve, "_resolve_scoped", run)
    return calls


@pytest.fixture
def spy(monkeypatch):
    """Which graphs resolution read back from the store: None for all of them."""
    calls = []
    inner = resolve.read_facts

    def read(store, graphs=None):
        calls.append(None if graphs is None else sorted(graphs))
        return inner(store, graphs)

    monkeypatch.setattr(resolve, "read_facts", read)
    return calls


def namesakes_and_a_wikipedia_record(tmp_path):
    """Namesakes across articles (tests/test_identity.py) and a Wikipedia record of one of them."""
    from test_identity import NAMESAKES, store_with

    from vnkg.imports import import_graph, read_wikipedia

    store = store_with(NAMESAKES)
    wp = [{"id": "101", "title": "Trần Văn Mẫu", "infobox": {
        "name": "Trần Văn Mẫu", "birth_date": "1960-01-01", "office": "Bí thư Tỉnh ủy Lào Cai",
        "term_start": "2010-05-01", "term_end": "2015-10-01"}}]
    path = tmp_path / "wp.json.gz"
    path.write_bytes(gzip.compress(json.dumps(wp).encode()))
    import_graph(store, WIKIPEDIA_GRAPH, read_wikipedia(path))
    return store


def test_facts_from_quads_are_the_facts_read_from_the_store(tmp_path):
    """Per graph, from quads or from the store, and over the whole store: the same items."""
    store = namesakes_and_a_wikipedia_record(tmp_path)
    graphs = [g.value for g in store.ox.named_graphs()]
    from_quads = Facts()
    for g in graphs:
        from_quads.update(quad_facts(store.ox.quads_for_pattern(None, None, None, ox.NamedNode(g))))
    read = read_facts(store)
    whole = build_items(read)
    assert any(i.reference and i.years for i in whole) and any(i.posts for i in whole) and any(i.context for i in whole)
    assert build_items(from_quads) == whole
    assert build_items(read_facts(store, graphs)) == whole
    # and what seat conflicts are found from (vnkg.seats)
    for name in ("tenures", "roles", "pref_labels"):
        assert getattr(from_quads, name) == getattr(read, name) == getattr(read_facts(store, graphs), name) != set(), name


def test_a_first_load_reads_back_only_the_reference_graphs_and_resolves_as_a_full_recomputation(tmp_path, spy):
    store = open_store(":memory:")
    load_files(store, [write(tmp_path / "a.jsonl", [record(i) for i in range(40)])], workers=2)
    assert spy and all(c is not None and not any("/article/" in g for g in c) for c in spy), spy
    assert identity_graph(store) == full_recomputation(store) != set()


def test_two_loads_resolve_as_one_and_reloads_and_removals_too(tmp_path, spy, scoped):
    records = [record(i) for i in range(30)]
    once, twice = open_store(":memory:"), open_store(":memory:")
    load_files(once, [write(tmp_path / "all.jsonl", records)], workers=1)
    load_files(twice, [write(tmp_path / "b.jsonl", records[12:])], workers=1)
    load_files(twice, [write(tmp_path / "a.jsonl", records[:12])], workers=1)
    assert scoped == [12], "the second load resolves again only the names it brought in"
    assert identity_graph(once) == identity_graph(twice) == full_recomputation(once)
    # a changed article replaces its facts, within one load too (the later record of an id wins)
    changed = [record(3, variant=1), record(7, variant=2), record(3, variant=4)]
    for store in (once, twice):
        load_files(store, [write(tmp_path / "c.jsonl", changed)], workers=1)
        assert identity_graph(store) == full_recomputation(store)
    assert identity_graph(once) == identity_graph(twice)
    # an article removed, then a load: the removed one's mentions are gone from the identity graph
    gone = iri.article(records[5]["id"])
    for store in (once, twice):
        store.remove_article(gone)
        load_files(store, [write(tmp_path / "d.jsonl", [record(100)])], workers=1)
        assert identity_graph(store) == full_recomputation(store)
        assert not any(gone.rsplit("/", 1)[-1] in q.subject.value for q in identity_graph(store))
    assert identity_graph(once) == identity_graph(twice)


def test_beyond_a_few_other_graphs_the_store_is_read_whole(tmp_path, spy, monkeypatch):
    monkeypatch.setattr(resolve, "FEW_GRAPHS", 3)
    monkeypatch.setattr(resolve, "SCOPED_MAX", 0)  # a load too large to redo its names only
    store = open_store(":memory:")
    load_files(store, [write(tmp_path / "a.jsonl", [record(i) for i in range(6)])], workers=1)
    load_files(store, [write(tmp_path / "b.jsonl", [record(i) for i in range(6, 9)])], workers=1)
    assert spy[-1] is None
    assert identity_graph(store) == full_recomputation(store)


@settings(max_examples=8, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=14, unique=True), st.integers(0, 13), st.randoms())
def test_any_split_and_order_of_loads_gives_the_identity_graph_of_one_load(tmp_path_factory, ids, cut, rnd):
    path = tmp_path_factory.mktemp("s")
    records = [record(i) for i in ids]
    shuffled = records[:]
    rnd.shuffle(shuffled)
    one, two = open_store(":memory:"), open_store(":memory:")
    load_files(one, [write(path / "all.jsonl", records)], workers=1)
    load_files(two, [write(path / "x.jsonl", shuffled[:cut])], workers=1)
    load_files(two, [write(path / "y.jsonl", shuffled[cut:])], workers=1)
    assert identity_graph(one) == identity_graph(two) == full_recomputation(one)


def test_a_load_that_wrote_much_of_the_store_compacts_it_and_a_small_one_does_not(tmp_path, monkeypatch):
    """Compaction (read speed after a bulk load) runs beside resolution, only when the load wrote a
    good share of the store's articles: a few articles added to a large store leave it as it is."""
    from vnkg import load

    compacted = []
    store = open_store(str(tmp_path / "s"))
    monkeypatch.setattr(store, "compact", lambda: compacted.append(True))
    load_files(store, [write(tmp_path / "a.jsonl", [record(i) for i in range(30)])], workers=1)
    assert compacted == [True]
    share = int(30 * load.COMPACT_SHARE / (1 - load.COMPACT_SHARE))  # below: no compaction
    load_files(store, [write(tmp_path / "b.jsonl", [record(i) for i in range(30, 30 + share - 1)])], workers=1)
    assert compacted == [True]
    assert identity_graph(store) == full_recomputation(store)


def test_a_first_load_into_an_empty_folder_is_one_ingestion_with_the_quads_of_a_load_in_batches(tmp_path, monkeypatch):
    """`vnkg load` opens its store with defer_reference: into an empty folder, the reference data,
    the articles and the identity graph are one write, with no compaction after it, and the store
    holds exactly what a load in batches leaves; beyond ONE_INGESTION articles or ONE_INGESTION_QUADS
    quads, it is one in batches."""
    from vnkg import load

    path = write(tmp_path / "a.jsonl", [record(i) for i in range(30)])
    batched = open_store(str(tmp_path / "batched"))
    assert not batched.reference_pending
    load_files(batched, [path], workers=2)
    expected = set(batched.quads())
    batched.close()
    for cap, quads, where in ((load.ONE_INGESTION, load.ONE_INGESTION_QUADS, "one"), (10, 10**6, "capped"),
                              (100, 200, "capped by quads")):
        monkeypatch.setattr(load, "ONE_INGESTION", cap)
        monkeypatch.setattr(load, "ONE_INGESTION_QUADS", quads)
        store = open_store(str(tmp_path / where), defer_reference=True)
        assert store.reference_pending and store.size() == 0
        writes, compacted = [], []
        for method in ("replace_serialized", "replace_articles", "update"):
            monkeypatch.setattr(store, method, lambda arg, inner=getattr(store, method): (writes.append(1), inner(arg))[1])
        monkeypatch.setattr(store, "compact", lambda: compacted.append(True))
        assert load_files(store, [path], workers=2).loaded == 30
        assert not store.reference_pending and set(store.quads()) == expected
        if where == "one":
            assert len(writes) == 1 and compacted == []
        else:
            assert len(writes) > 2 and compacted == [True]  # reference, articles, identity graph, …
        store.close()


def test_an_empty_folder_opened_for_a_load_gets_its_reference_data_however_the_load_ends(tmp_path):
    from vnkg import reference

    wanted = set(reference.quads())
    store = open_store(str(tmp_path / "s"), defer_reference=True)
    assert store.reference_pending
    store.close()  # nothing loaded (a load of bad records only, or a failure)
    store = open_store(str(tmp_path / "s"), read_only=True)
    assert set(store.quads()) == wanted
    store.close()
    again = open_store(str(tmp_path / "s"), defer_reference=True)  # a store holding anything: written now
    assert not again.reference_pending
    again.close()


def test_a_real_compaction_keeps_every_quad(tmp_path):
    store = open_store(str(tmp_path / "s"))
    load_files(store, [write(tmp_path / "a.jsonl", [record(i) for i in range(20)])], workers=1)
    before = set(store.quads())
    store.compact()
    assert set(store.quads()) == before and identity_graph(store) == full_recomputation(store)


def test_a_failed_last_write_stops_resolution_and_is_raised(tmp_path, monkeypatch):
    """The last batch is written beside resolution: when it fails, resolution writes nothing (its
    facts include the graphs that failed) and the load raises that failure, the store still outdated."""
    from vnkg.store import StoreError

    store = open_store(str(tmp_path / "s"))

    def broken(graphs):
        raise StoreError("cannot write to the store: disk full")

    monkeypatch.setattr(store, "replace_serialized", broken)
    with pytest.raises(StoreError, match="disk full"):
        load_files(store, [write(tmp_path / "a.jsonl", [record(i) for i in range(10)])], workers=1)
    assert resolve.is_outdated(store) and not identity_graph(store)


def test_a_failed_first_ingestion_leaves_an_empty_store_that_the_next_load_fills(tmp_path, monkeypatch):
    from vnkg import reference
    from vnkg.store import StoreError

    path = write(tmp_path / "a.jsonl", [record(i) for i in range(10)])
    store = open_store(str(tmp_path / "s"), defer_reference=True)

    def broken(graphs):
        raise StoreError("cannot write to the store: disk full")

    monkeypatch.setattr(store, "replace_serialized", broken)
    with pytest.raises(StoreError, match="disk full"):
        load_files(store, [path], workers=1)
    store.close()
    store = open_store(str(tmp_path / "s"), defer_reference=True)
    assert set(store.quads()) == set(reference.quads())  # written on closing: no article, no identity graph
    assert load_files(store, [path], workers=1).loaded == 10
    assert identity_graph(store) == full_recomputation(store) != set()


def test_a_small_load_into_a_store_with_reference_records_and_seat_conflicts_resolves_as_a_full_recomputation(
        tmp_path, scoped):
    """Namesakes across articles and a Wikipedia record, conflicting holders of one seat: a load of a
    few more articles redoes resolution for their names only, and the identity graph is the one a
    full recomputation writes."""
    store = namesakes_and_a_wikipedia_record(tmp_path)  # the import resolves the whole store
    load_files(store, [write(tmp_path / "a.jsonl", [record(i) for i in range(30)])], workers=1)
    for n, batch in enumerate(([record(i) for i in range(30, 33)], [
            {"id": "m1", "text": "Đồng chí Trần Văn Mẫu, Bí thư Tỉnh ủy Lào Cai, dự hội nghị.", "published": "2014-02-03"},
            {"id": "m2", "text": "Đồng chí Lê Văn Cường, Bí thư Tỉnh ủy Tuyên Quang, chủ trì hội nghị.",
             "published": "2019-03-05"},
            {"id": "m3", "text": "Đồng chí Trần Thị Bình, Bí thư Tỉnh ủy Tuyên Quang, phát biểu tại hội nghị.",
             "published": "2019-03-05"}])):
        load_files(store, [write(tmp_path / f"b{n}.jsonl", batch)], workers=1)
        assert scoped[-1] == len(batch)
        assert identity_graph(store) == full_recomputation(store)
    kinds = {q.object.value for q in identity_graph(store) if q.predicate.value == iri.RDF + "type"}
    assert iri.VNKG + "SeatConflict" in kinds
    assert any(q.subject.value.startswith(iri.ID + "wikipedia/") for q in identity_graph(store))


def test_a_store_changed_otherwise_or_resolved_by_other_code_is_resolved_whole(tmp_path, scoped, monkeypatch):
    store = open_store(":memory:")
    load_files(store, [write(tmp_path / "a.jsonl", [record(i) for i in range(20)])], workers=1)
    load_files(store, [write(tmp_path / "b.jsonl", [record(20), record(1, variant=3), record(20, variant=1)])],
               workers=1)  # an id twice, and a stored article changed: resolved whole
    assert scoped == [] and resolve.resolved_here(store, store.article_hashes())
    load_files(store, [write(tmp_path / "b2.jsonl", [record(24)])], workers=1)
    assert scoped == [1] and resolve.resolved_here(store, store.article_hashes())
    store.remove_article(iri.article("t3"))  # not through a load
    load_files(store, [write(tmp_path / "c.jsonl", [record(21)])], workers=1)
    assert scoped == [1] and identity_graph(store) == full_recomputation(store)
    # with judgements (which join name groups), every load resolves the whole store
    from vnkg.graph import person_mention

    a, b = (person_mention(f"t{i}", record(i)["text"].split("Đồng chí ")[-1].split(",")[0]) for i in (2, 4))
    resolve.store_judgements(store, [("different", a, b)])
    load_files(store, [write(tmp_path / "j.jsonl", [record(25)])], workers=1)
    assert scoped == [1] and identity_graph(store) == full_recomputation(store)
    store.update(f"DROP SILENT GRAPH <{resolve.JUDGEMENTS_GRAPH}>")
    monkeypatch.setattr(resolve, "resolver_fingerprint", lambda: "another version")
    load_files(store, [write(tmp_path / "d.jsonl", [record(22)])], workers=1)
    assert scoped == [1] and identity_graph(store) == full_recomputation(store)
    load_files(store, [write(tmp_path / "e.jsonl", [record(23)])], workers=1)
    assert scoped == [1, 1] and identity_graph(store) == full_recomputation(store)


@pytest.fixture
def server(server_url):
    """A SPARQL server shared with other modules: what this test writes is dropped afterwards."""
    store = open_store(server_url)
    yield store
    ours = [g for g in store.article_hashes() if g.rsplit("/", 1)[-1].startswith("scoped-")]
    store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in [*ours, RESOLUTION_GRAPH, iri.STATE_GRAPH]))


def test_a_small_load_into_a_server_resolves_as_a_full_recomputation(tmp_path, server, scoped):
    records = [{**record(i), "id": f"scoped-{i}"} for i in range(16)]
    load_files(server, [write(tmp_path / "a.jsonl", records[:12])], workers=1)
    load_files(server, [write(tmp_path / "b.jsonl", records[12:])], workers=1)
    assert scoped == [4]
    assert set(server.graph_quads(RESOLUTION_GRAPH)) == full_recomputation(server) != set()
