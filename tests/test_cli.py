"""The command line: every command has help with an example and is documented; errors are one line."""
from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from vnkg.cli import cli
from tests.conftest import ROOT


def _commands(group: click.Group, prefix=()):
    for name, cmd in sorted(group.commands.items()):
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*prefix, name))


COMMANDS = list(_commands(cli))


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help_with_an_example(path, cmd):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`vnkg {' '.join(path)} --help` has no example"


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_is_documented(path, cmd):
    docs = (ROOT / "README.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    assert f"vnkg {' '.join(path)}" in docs


def test_queries_lists_every_canned_query():
    from vnkg import queries

    result = CliRunner().invoke(cli, ["queries", "--format", "json"])
    assert result.exit_code == 0
    assert {r["name"] for r in json.loads(result.output)} == set(queries.catalogue())


def test_unknown_query_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "query", "nope"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "vnkg: error:" in result.output


def test_query_on_missing_store_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "none"), "query", "positions"])
    assert result.exit_code == 1
    assert "no store at" in result.output and "Traceback" not in result.output


def test_sparql_refuses_updates_unless_asked(tmp_path):
    store = str(tmp_path / "s")
    runner = CliRunner()
    update = 'INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> "c" } }'
    refused = runner.invoke(cli, ["--store", store, "sparql", update])
    assert refused.exit_code == 1 and "pass --update" in refused.output
    assert runner.invoke(cli, ["--store", store, "sparql", "--update", update]).exit_code == 0
    got = runner.invoke(cli, ["--store", store, "sparql", "SELECT ?o WHERE { <urn:a> <urn:b> ?o }", "--format", "json"])
    assert json.loads(got.output) == [{"o": "c"}]


def test_load_query_export_validate_round_trip(tmp_path):
    """The whole path through the CLI on a small invented article."""
    pytest.importorskip("vnkg.extract")
    corpus = tmp_path / "c.jsonl"
    text = ("Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy Tuyên Quang, chủ trì hội nghị. "
            "Hội nghị quán triệt Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị.")
    corpus.write_text(json.dumps({"id": "x-1", "text": text, "published": "2022-01-05"}, ensure_ascii=False) + "\n"
                      + "{broken\n", encoding="utf-8")
    store = str(tmp_path / "s")
    runner = CliRunner()
    loaded = runner.invoke(cli, ["--store", store, "load", str(corpus)])
    assert loaded.exit_code == 0, loaded.output
    assert f"skipped {corpus}:2: not valid JSON" in loaded.output
    docs = json.loads(runner.invoke(cli, ["--store", store, "query", "documents", "--format", "json"]).output)
    assert any(d["symbol"] == "14-KL/TW" for d in docs)
    again = runner.invoke(cli, ["--store", store, "load", str(corpus)])
    assert "1 unchanged" in again.output
    out = tmp_path / "g.trig"
    assert runner.invoke(cli, ["--store", store, "export", "--format", "trig", "-o", str(out)]).exit_code == 0
    assert "14-KL/TW" in out.read_text(encoding="utf-8")
    validated = runner.invoke(cli, ["--store", store, "validate"])
    assert validated.exit_code == 0, validated.output


def test_load_resolves_one_person_across_articles(tmp_path):
    """`vnkg load` re-resolves identities: the same official in two articles is one person."""
    corpus = tmp_path / "c.jsonl"
    lines = [
        {"id": "p-1", "published": "2022-03-01",
         "text": "Đồng chí Lương Văn Tám, Bí thư Tỉnh ủy Cao Bằng, chủ trì hội nghị."},
        {"id": "p-2", "published": "2022-05-01",
         "text": "Bí thư Tỉnh ủy Cao Bằng Lương Văn Tám phát biểu tại buổi làm việc."},
    ]
    corpus.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    store = str(tmp_path / "s")
    runner = CliRunner()
    assert runner.invoke(cli, ["--store", store, "load", str(corpus)]).exit_code == 0
    people = json.loads(runner.invoke(cli, ["--store", store, "query", "people", "--format", "json"]).output)
    assert [(p["name"], p["articles"]) for p in people] == [("Lương Văn Tám", "2")]
