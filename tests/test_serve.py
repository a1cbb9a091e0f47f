"""`vnkg serve`: a SPARQL endpoint over a store folder, read-only unless --writable, stopped cleanly."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest
from conftest import need_service, sample_extractions

from vnkg import iri
from vnkg.commands.serve import free_port, oxigraph_binary
from vnkg.graph import to_quads
from vnkg.store import open_store

pytestmark = pytest.mark.server


def _post(url: str, form: dict, accept: str | None = None) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(), method="POST",
                                 headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@pytest.fixture
def folder(tmp_path):
    need_service(oxigraph_binary() is not None, "the Oxigraph server (pip install 'vnkg[server]')")
    store = open_store(str(tmp_path / "store"))
    store.replace_articles({iri.article(x.article.id): to_quads(x) for x in sample_extractions()})
    store.close()
    del store  # serve must be able to take the folder
    return tmp_path / "store"


def _serve(folder, *extra):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "vnkg", "--store", str(folder), "serve",
                             "--bind", f"127.0.0.1:{port}", *extra], stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1).read()
            return proc, base
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"vnkg serve did not start: {proc.stderr.read()}")
            time.sleep(0.2)


def _stop(proc) -> str:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("vnkg serve did not stop on SIGTERM")
    assert proc.returncode == 0
    return proc.stderr.read()


def test_serve_answers_queries_and_refuses_updates(folder):
    proc, base = _serve(folder)
    try:
        query = "SELECT ?n WHERE { ?p a <http://schema.org/Person> ; <http://schema.org/name> ?n }"
        code, body = _post(base + "/query", {"query": query}, "application/sparql-results+json")
        assert code == 200
        names = {b["n"]["value"] for b in json.loads(body)["results"]["bindings"]}
        assert "Nguyễn Văn An" in names  # from a named graph: the union default graph is on
        code, _ = _post(base + "/update", {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
        assert code >= 400
        # Our own client, through the server: canned queries work against it.
        from vnkg import queries

        remote = open_store(base, read_only=True)
        assert len(remote.query(queries.get("positions").sparql).rows) >= 3
        page = urllib.request.urlopen(base + "/view/province/" + urllib.parse.quote("Tuyên Quang"), timeout=30).read()
        assert b"<html" in page.lower()
        # Every kind the CLI draws is served, not only provinces.
        page = urllib.request.urlopen(base + "/view/person/" + urllib.parse.quote("Nguyễn Văn An"), timeout=30).read()
        assert "Nguyễn Văn An".encode() in page
        index = urllib.request.urlopen(base + "/view", timeout=30).read().decode()
        assert all(f"<option>{k}</option>" in index for k in ("person", "post", "province", "document", "event"))
    finally:
        err = _stop(proc)
    assert "server stopped" in err
    # The folder is free again: the Oxigraph server went with us.
    ox.Store(str(folder))


def test_writable_serve_accepts_a_load(folder):
    proc, base = _serve(folder, "--writable")
    try:
        remote = open_store(base)
        x = sample_extractions()[1]
        x.holdings[0].term = "2010-2015"
        remote.replace_articles({iri.article(x.article.id): to_quads(x)})
        res = remote.query("SELECT ?t WHERE { ?h vnkg:term ?t }")
        assert "2010-2015" in {d["t"] for d in res.dicts()}
    finally:
        _stop(proc)


def test_serve_refuses_a_missing_store(tmp_path):
    need_service(oxigraph_binary() is not None, "the Oxigraph server (pip install 'vnkg[server]')")
    r = subprocess.run([sys.executable, "-m", "vnkg", "--store", str(tmp_path / "nothing"), "serve",
                        "--bind", f"127.0.0.1:{free_port()}"], capture_output=True, text=True, timeout=30)
    assert r.returncode == 1 and "no store at" in r.stderr
