"""Shared fixtures. Facts here are invented: short sentences in the style of provincial news."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REQUIRE_SERVICES = os.environ.get("VNKG_REQUIRE_SERVICES") == "1"


def need_service(available: bool, what: str) -> None:
    """Skip when a service is missing on a laptop; fail in CI (VNKG_REQUIRE_SERVICES=1)."""
    if available:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"{what} is required (VNKG_REQUIRE_SERVICES=1) but not available")
    pytest.skip(f"{what} not available")


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is absent")
    return SHARED


def sample_extractions():
    """Two hand-made articles' extractions: the pipeline tested apart from the extractor."""
    from vnkg.model import (Article, DocumentRef, EventMention, Evidence, Extraction, Participation,
                            PersonMention, PlaceMention, PostHolding)

    t1 = ("Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Tuyên Quang chủ trì hội thảo "
          "\"Đổi mới sinh hoạt chi bộ\" tại Vĩnh Phúc. Hội thảo bàn việc thực hiện Kết luận số 14-KL/TW "
          "ngày 22/9/2021 của Bộ Chính trị.")
    s1, s2 = t1.index("Đồng chí"), t1.index("Hội thảo bàn")
    e1 = Evidence(t1[s1:s2 - 1], s1, s2 - 1)
    e2 = Evidence(t1[s2:], s2, len(t1))
    a1 = Article(id="t-01", text=t1, title="Hội thảo mẫu", outlet="Báo mẫu", published="2021-10-05")
    x1 = Extraction(
        a1,
        persons=[PersonMention("Nguyễn Văn An", e1)],
        holdings=[
            PostHolding("Nguyễn Văn An", "Bí thư Tỉnh ủy", e1, organization="Tỉnh ủy Tuyên Quang", province="Tuyên Quang"),
            PostHolding("Nguyễn Văn An", "Chủ tịch Hội đồng nhân dân tỉnh", e1,
                        organization="Hội đồng nhân dân tỉnh Tuyên Quang", province="Tuyên Quang", term="2021-2026"),
        ],
        documents=[DocumentRef("Kết luận", e2, number="14", symbol="14-KL/TW", issuer="Bộ Chính trị", date="2021-09-22")],
        events=[EventMention("Hội thảo", e1, title="Đổi mới sinh hoạt chi bộ", province="Vĩnh Phúc",
                             participants=[Participation("Nguyễn Văn An", "chair", e1)])],
        places=[PlaceMention("Tuyên Quang", e1), PlaceMention("Vĩnh Phúc", e1)],
    )
    t2 = "Nguyên Bí thư Tỉnh ủy Tuyên Quang Lò Văn Bình dự lễ kỷ niệm."
    e3 = Evidence(t2, 0, len(t2))
    a2 = Article(id="t-02", text=t2, published="2019-03-01")
    x2 = Extraction(
        a2,
        persons=[PersonMention("Lò Văn Bình", e3)],
        holdings=[PostHolding("Lò Văn Bình", "Bí thư Tỉnh ủy", e3, organization="Tỉnh ủy Tuyên Quang",
                              province="Tuyên Quang", status="former", start="2015-10-01")],
        places=[PlaceMention("Tuyên Quang", e3)],
    )
    return [x1, x2]


@pytest.fixture
def sample_store():
    """An in-memory store holding the two hand-made articles."""
    from vnkg import iri
    from vnkg.graph import to_quads
    from vnkg.store import open_store

    store = open_store(":memory:")
    store.replace_articles({iri.article(x.article.id): to_quads(x) for x in sample_extractions()})
    return store


# Hypothesis: a modest default so `make test` stays fast; `make fuzz` runs the "fuzz" profile
# (pytest --hypothesis-profile=fuzz). No deadline: a loaded 2-core machine is slow at times.
from hypothesis import HealthCheck, settings as _hsettings  # noqa: E402

_hsettings.register_profile("vnkg", max_examples=40, deadline=None,
                            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_hsettings.register_profile("fuzz", max_examples=2000, deadline=None,
                            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_hsettings.load_profile("vnkg")
_EXAMPLES: dict[str, int] = {}
_COUNTS: dict[str, int] = {}


@pytest.hookimpl(tryfirst=True)  # makereport is firstresult: after the default one we would never run
def pytest_runtest_makereport(item, call):
    # Counts the inputs hypothesis ran, so docs/robustness.md can quote a number a command printed.
    import re

    stats = getattr(item, "hypothesis_statistics", None)
    if call.when == "call" and stats:
        _EXAMPLES[item.nodeid] = sum(int(n) for n in re.findall(r"(\d+) passing", stats))
    if call.when == "call":  # counts a test reports with record_property("count:…", n)
        for name, value in item.user_properties:
            if name.startswith("count:"):
                _COUNTS[name[6:]] = _COUNTS.get(name[6:], 0) + value


def pytest_terminal_summary(terminalreporter):
    if _EXAMPLES:
        terminalreporter.write_line(f"hypothesis: {sum(_EXAMPLES.values())} inputs run by "
                                    f"{len(_EXAMPLES)} property tests")
    if _COUNTS:
        terminalreporter.write_line("counted: " + ", ".join(f"{k} {v}" for k, v in sorted(_COUNTS.items())))


# --- SPARQL servers (issue 6: tests/test_remote.py, tests/test_serve.py). Session-scoped: Virtuoso
# takes ~7 s to create its database. Both listen on free loopback ports, with data in temp folders.
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory):
    """A writable Oxigraph server (with --union-default-graph, as `vnkg serve` runs it)."""
    from vnkg.commands.serve import free_port, oxigraph_binary, start_oxigraph, stop_process

    need_service(oxigraph_binary() is not None, "the Oxigraph server (pip install 'vnkg[server]')")
    port = free_port()
    proc = start_oxigraph(tmp_path_factory.mktemp("oxigraph"), port, writable=True, timeout_s=60)
    yield f"http://127.0.0.1:{port}"
    stop_process(proc)


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory):
    """A Virtuoso on loopback whose anonymous /sparql endpoint accepts updates."""
    import re
    import shutil
    import subprocess
    import time
    import urllib.request

    from vnkg.commands.serve import free_port, stop_process

    exe, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    need_service(bool(exe and isql and VIRTUOSO_INI.is_file()), "Virtuoso (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = VIRTUOSO_INI.read_text()
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db", str(folder))
    ini = re.sub(r"(?m)^ServerPort(\s*)=\s*1111\b", rf"ServerPort\g<1>= 127.0.0.1:{sql_port}", ini)
    ini = re.sub(r"(?m)^ServerPort(\s*)=\s*8890\b", rf"ServerPort\g<1>= 127.0.0.1:{http_port}", ini)
    ini = re.sub(r"(?m)^DirsAllowed\s*=.*$", rf"DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, {folder}", ini)
    ini = re.sub(r"(?m)^ResultSetMaxRows\s*=.*$", "ResultSetMaxRows = 1000000", ini)  # 10,000 cuts results
    # Virtuoso refuses a query whose *estimated* cost passes this limit (400 s); its estimate for
    # `holders` on a 4-article graph is 400-560 s, from run to run. 0 turns the check off (docs/serve.md).
    ini = re.sub(r"(?m)^MaxQueryCostEstimationTime\s*=.*$", "MaxQueryCostEstimationTime = 0", ini)
    (folder / "virtuoso.ini").write_text(ini)
    proc = subprocess.Popen([exe, "+configfile", str(folder / "virtuoso.ini"), "+foreground"], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log = folder / "virtuoso.log"
                    pytest.fail(f"Virtuoso did not start: {log.read_text()[-500:] if log.exists() else ''}")
                time.sleep(0.3)
        # The anonymous endpoint user "SPARQL" may only read. This server listens on loopback and
        # lives for the test session, so granting it SPARQL_UPDATE is the simplest honest set-up;
        # a shared server would keep updates behind /sparql-auth (digest login) instead.
        subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                       check=True, capture_output=True, timeout=30)
        yield url
    finally:
        stop_process(proc, grace=20)


# --- Headless Chromium (issue 5: tests/test_browser.py). One browser for the whole session: starting
# Chromium costs about a second; each test opens its own page.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    need_service(sync_playwright is not None and CHROMIUM.is_file(),
                 "headless Chromium (apt-get install chromium; pip install 'vnkg[browser]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(params=[pytest.param("oxigraph_url", marks=pytest.mark.server),
                        pytest.param("virtuoso_url", marks=pytest.mark.virtuoso)])
def server_url(request):
    """Each SPARQL server in turn. They are shared by every module: drop what a test writes."""
    return request.getfixturevalue(request.param)


def stored_on(url: str, graphs: dict):
    """A fixture body: these graphs written on the server for a test, dropped again after it."""
    from vnkg.store import open_store

    store = open_store(url)
    store.replace_articles(graphs)
    yield store
    for g in graphs:
        store.update(f"DROP SILENT GRAPH <{g}>")


def answer_rows(store, q, values: dict, leave_out=frozenset()) -> set:
    """A canned query's answer as a set of rows (column → text), ready to compare across stores: the
    parameters it does not get take their defaults, GROUP_CONCAT's parts (in no defined order) are
    sorted, and the columns in ``leave_out`` are left out."""
    res = store.query(q.sparql, q.bindings({p.name: values.get(p.name, p.default) for p in q.params}))
    return {tuple(sorted((k, ", ".join(sorted(v.split(", ")))) for k, v in d.items() if k not in leave_out))
            for d in res.dicts()}
