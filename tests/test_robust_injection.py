"""Nothing injected through queries (issue 7): canned-query parameters are RDF terms, whatever they
hold; `vnkg sparql` tells updates from queries however they are dressed."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from vnkg import iri, queries
from vnkg.cli import cli
from vnkg.sparql import is_update
from tests.conftest import sample_extractions

HOSTILE = [
    'Tuyên Quang" } UNION { ?s ?p ?o } #',
    "Tuyên Quang' } UNION { ?s ?p ?o } #",
    '"""} UNION { ?s ?p ?o } #"""',
    "Bí thư Tỉnh ủy\n} UNION {\n?person ?p ?o\n}",
    "x\" . } ; DROP ALL ; #",
    "} } UNION { GRAPH ?g { ?s ?p ?o } } #",
    "<https://w3id.org/vnkg/id/person/nguyen-van-an>",
    "?person",
    "\\\" ) || true || (\"",
    "# comment",
    "{}",
    "'",
    '"',
    "\\",
    "\x00",
    "Tuyên Quang\" || \"1\" = \"1",
    ".*",
    "%",
]

# Parameters of each canned query, with hostile strings; dates and integers take a valid value so that
# only the string parameters decide the answer.
PARAM_QUERIES = [q for q in queries.catalogue().values() if q.params]


def _params(q, value: str) -> dict[str, str]:
    out = {}
    for p in q.params:
        out[p.name] = {"date": "2022-01-01", "integer": "1"}.get(p.type, value)
    return out


@pytest.fixture(scope="module")
def module_store():
    """The sample store, shared by the property tests, which only read it."""
    from vnkg.graph import to_quads
    from vnkg.store import open_store

    store = open_store(":memory:")
    store.replace_articles({iri.article(x.article.id): to_quads(x) for x in sample_extractions()})
    return store


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("q", PARAM_QUERIES, ids=lambda q: q.name)
def test_hostile_parameters_return_nothing(module_store, q, hostile):
    if any(p.type == "iri" for p in q.params):
        try:
            bindings = q.bindings(_params(q, hostile))
        except queries.QueryError:
            return  # not an IRI: refused with one line, which is also nothing extra
    else:
        bindings = q.bindings(_params(q, hostile))
    assert module_store.query(q.sparql, bindings).rows == []


@given(st.text(max_size=60))
def test_any_name_returns_only_that_name(module_store, name):
    """Nothing extra, as a property: every row `person` returns has exactly the name asked for."""
    q = queries.get("person")
    got = module_store.query(q.sparql, q.bindings({"name": name})).dicts()
    assert all(r["name"].lower() == name.lower() for r in got)


@given(st.sampled_from(HOSTILE), st.sampled_from(["Bí thư Tỉnh ủy", "Tuyên Quang", ""]))
def test_hostile_suffix_on_a_real_value(module_store, hostile, real):
    q = queries.get("holders")
    params = {"title": real + hostile, "province": "Tuyên Quang", "date": "2022-01-01"}
    assert module_store.query(q.sparql, q.bindings(params)).rows == []


@pytest.fixture(scope="module")
def folder_store(tmp_path_factory):  # shared: the tests only read it, or check that it did not change
    from vnkg.graph import to_quads
    from vnkg.store import open_store

    path = str(tmp_path_factory.mktemp("inj") / "s")
    with open_store(path) as s:
        s.replace_articles({iri.article(x.article.id): to_quads(x) for x in sample_extractions()})
    return path


@pytest.mark.parametrize("hostile", HOSTILE[:8])
def test_hostile_parameters_through_the_cli(folder_store, hostile):
    r = CliRunner().invoke(cli, ["--store", folder_store, "query", "holders", "-p", "title", hostile,
                                 "-p", "province", hostile, "-p", "date", "2022-01-01", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == []
    real = CliRunner().invoke(cli, ["--store", folder_store, "query", "holders", "-p", "title", "Bí thư Tỉnh ủy",
                                    "-p", "province", "Tuyên Quang", "-p", "date", "2022-01-01", "--format", "json"])
    assert [r["name"] for r in json.loads(real.stdout)] == ["Nguyễn Văn An"]  # the control: the query works


@pytest.mark.parametrize("bad", ["2022-13-01", "2022-01-01\" } UNION {", "yesterday", ""])
def test_bad_dates_are_one_line(folder_store, bad):
    r = CliRunner().invoke(cli, ["--store", folder_store, "query", "holders", "-p", "title", "x",
                                 "-p", "date", bad])
    assert r.exit_code == 1 and "not an ISO date" in r.output and len(r.output.strip().splitlines()) == 1


# --- is_update -----------------------------------------------------------------------------------------

UPDATES = [
    'INSERT DATA { <urn:a> <urn:b> "c" }',
    'insert data { <urn:a> <urn:b> "c" }',
    "DeLeTe WHERE { ?s ?p ?o }",
    "# just a comment\nDELETE WHERE { ?s ?p ?o }",
    "# comment ended by a carriage return\rDELETE WHERE { ?s ?p ?o }",
    "#INSERT\nDROP ALL",
    "PREFIX ex: <http://example.org/>\nINSERT DATA { ex:a ex:b ex:c }",
    "PREFIX insert: <http://example.org/>\nPREFIX x: <urn:x#>\nCLEAR ALL",
    "BASE <http://example.org/>\nPREFIX : <#> DROP GRAPH <g>",
    'PREFIX ex: <http://example.org/> WITH <urn:g> DELETE { ?s ?p "x" } INSERT { ?s ?p "y" } WHERE { ?s ?p "x" }',
    "LOAD <http://example.org/data.ttl>",
    "PREFIX : <http://example.org/> LOAD:doc",
    "PREFIX : <http://example.org/> ADD:a TO:b",
    "COPY DEFAULT TO <urn:g>",
    "MOVE <urn:a> TO <urn:b>",
    "CREATE SILENT GRAPH <urn:g>",
    'INSERT{<urn:a><urn:b>"c"}WHERE{}',
    "\tINSERT\tDATA{}",
    'SELECT * WHERE { ?s ?p "x" } ; INSERT DATA { <urn:a> <urn:b> <urn:c> }',
]
QUERIES = [
    "SELECT ?insert WHERE { ?insert ?p ?o }",
    "SELECT $delete WHERE { $delete ?p ?o }",
    'SELECT * WHERE { ?s ?p "INSERT DATA { <urn:a> <urn:b> <urn:c> }" }',
    "SELECT * WHERE { ?s ?p 'DROP ALL' }",
    'SELECT * WHERE { ?s ?p """multi\nline DELETE\n""" }',
    "SELECT * WHERE { ?s ?p '''CLEAR ALL''' }",
    'SELECT * WHERE { ?s ?p "say \\"INSERT\\" here" }',
    "SELECT * WHERE { ?s ?p <http://example.org/INSERT> }",
    "SELECT * WHERE { ?s ?p <http://example.org/x#DELETE> }",
    "# INSERT DATA { <urn:a> <urn:b> <urn:c> }\nSELECT * WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://example.org/> ASK { ?s ex:add ?o }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:load ex:drop }",
    "SELECT ?s WHERE { ?s rdfs:label ?l FILTER(CONTAINS(?l, \"DROP\")) }",
    'SELECT ("INSERT" AS ?x) WHERE {}',
    "DESCRIBE <http://example.org/delete>",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }",
    "SELECT * WHERE { ?s schema:name ?name } # DELETE everything",
    "SELECT ?created WHERE { ?s dcterms:created ?created }",
]


@pytest.mark.parametrize("text", UPDATES)
def test_updates_are_recognised(text):
    assert is_update(text)


@pytest.mark.parametrize("text", QUERIES)
def test_queries_naming_update_words_are_not_updates(text):
    assert not is_update(text)


@pytest.mark.parametrize("text", QUERIES)
def test_those_queries_run_through_the_cli(folder_store, text):
    r = CliRunner().invoke(cli, ["--store", folder_store, "sparql", text, "--format", "json"])
    assert r.exit_code == 0, r.output
    assert "Traceback" not in r.output


@pytest.mark.parametrize("text", UPDATES[:12])
def test_updates_are_refused_through_the_cli_and_change_nothing(folder_store, text):
    from vnkg.store import open_store

    def count():
        with open_store(folder_store, read_only=True) as s:
            return len(list(s.quads()))

    before = count()
    r = CliRunner().invoke(cli, ["--store", folder_store, "sparql", text])
    assert r.exit_code == 1 and "pass --update" in r.output
    assert count() == before


KEYWORDS = ["INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"]
word = st.sampled_from(KEYWORDS).flatmap(lambda k: st.sampled_from([k, k.lower(), k.title()]))
hidden = st.one_of(
    word.map(lambda w: f'"{w} DATA {{ }}"'), word.map(lambda w: f"'{w}'"), word.map(lambda w: f'"""{w}\n"""'),
    word.map(lambda w: f"<http://example.org/{w}>"), word.map(lambda w: f"?{w}"), word.map(lambda w: f"ex:{w}"),
    word.map(lambda w: f"# {w}\n"),
)


@given(st.lists(hidden, max_size=4))
def test_update_words_where_they_cannot_act(parts):
    text = "PREFIX ex: <http://example.org/>\nSELECT * WHERE { ?s ?p ?o . " + " ".join(
        p if p.startswith("#") else f"FILTER(?o != {p})" for p in parts) + "\n}"
    assert not is_update(text)


prologue = st.lists(st.sampled_from(["PREFIX ex: <http://example.org/#INSERT>", "BASE <urn:x>", "# SELECT *",
                                     "#x\r", "# DROP\n", 'PREFIX s: <http://schema.org/"> ', "\n", " "]), max_size=4)


@given(prologue, st.sampled_from(UPDATES[:4] + UPDATES[10:17]))
def test_updates_behind_any_prologue(parts, op):
    assert is_update("\n".join(parts) + "\n" + op)


sparql_ish = st.lists(st.sampled_from([
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "?s", "?p", "?o", "<urn:a>", '"x"', "'y'", "#",
    "\n", "\r", "FILTER(", ")", "UNION", "OPTIONAL", "GRAPH", "INSERT", "DATA", "DELETE", "PREFIX", "ex:", "<", ">",
    ".", ";", "*", "LIMIT", "1", "schema:name", "\\", '"""', "VALUES", "SERVICE", "BIND(", "AS", "ORDER BY",
]), min_size=1, max_size=12).map(" ".join)


# Each example opens the store through the CLI (about 0.3 s): a tenth of the profile's examples.
CLI_EXAMPLES = max(10, settings.default.max_examples // 10)


@settings(max_examples=CLI_EXAMPLES)
@given(st.one_of(sparql_ish, st.text(max_size=40)))
def test_any_text_to_vnkg_sparql_is_an_answer_or_one_line(folder_store, text):
    r = CliRunner().invoke(cli, ["--store", folder_store, "sparql", text, "--format", "json"])
    assert r.exit_code in (0, 1), (text, r.exit_code, r.output)
    assert "Traceback" not in r.output and r.exception is None or isinstance(r.exception, SystemExit)
    if r.exit_code == 1:
        assert len(r.stderr.strip().splitlines()) == 1 and r.stderr.startswith("vnkg: error: "), r.stderr


@settings(max_examples=CLI_EXAMPLES)
@given(st.sampled_from(sorted(queries.catalogue())), st.lists(st.tuples(st.text(max_size=8), st.text(max_size=20)),
                                                              max_size=3))
def test_any_parameters_to_vnkg_query_are_an_answer_or_one_line(folder_store, name, params):
    args = ["--store", folder_store, "query", name, "--format", "json"]
    for k, v in params:
        args += ["-p", k, v]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code in (0, 1), (args, r.output)
    assert "Traceback" not in r.output
    if r.exit_code == 1:
        assert len(r.stderr.strip().splitlines()) == 1 and r.stderr.startswith("vnkg: error: "), r.stderr
    else:
        json.loads(r.stdout)


def test_exports_round_trip_hostile_strings_and_odd_ids():
    """Nothing injected into exports: quotes, braces, markup and odd ids come back as the same quads."""
    import io

    import pyoxigraph as ox

    from vnkg.export import export
    from vnkg.graph import to_quads
    from vnkg.model import Article, Extraction
    from vnkg.store import open_store

    store = open_store(":memory:")
    for odd in ["a b", "a/b", "a(b)", "ä[1]", "x\U000E0001", "q?#%", "} UNION {"]:
        a = Article(id=odd, text=f'x "}} . <a> \\ {odd}', title='<t>"\n</script>', outlet="@prefix x: <y> .")
        store.replace_articles({iri.article(odd): to_quads(Extraction(a))})
    want = set(store.quads())
    for fmt, parse_as in (("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS),
                          ("jsonld", ox.RdfFormat.JSON_LD)):
        buf = io.BytesIO()
        export(store, fmt, buf, include_reference=True)
        assert set(ox.parse(buf.getvalue(), format=parse_as)) == want, fmt


def test_unreadable_query_file_and_unwritable_output_are_one_line(folder_store, tmp_path):
    """Regressions: a .rq file that is not UTF-8, and an -o in a missing folder, were internal errors (exit 2)."""
    bad = tmp_path / "bad.rq"
    bad.write_bytes(b'SELECT * WHERE { ?s ?p "\xff" }')
    for args in (["sparql", str(bad)], ["export", "-o", str(tmp_path / "missing" / "g.trig")]):
        r = CliRunner().invoke(cli, ["--store", folder_store, *args])
        assert r.exit_code == 1, (args, r.output)
        assert len(r.stderr.strip().splitlines()) == 1 and r.stderr.startswith("vnkg: error: "), r.stderr
