"""Views in headless Chromium: nodes drawn, no console errors, no request leaves the page, article
payloads inert, search works. One browser for the session (tests/conftest.py)."""
from __future__ import annotations

import pytest

from tests.viewdata import hostile_store, synthetic
from vnkg import view

pytestmark = pytest.mark.browser


def open_page(browser, tmp_path, page_html: str, name: str = "view.html", bypass_csp: bool = False):
    path = tmp_path / name
    path.write_text(page_html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 800}, bypass_csp=bypass_csp)
    problems, requests = [], []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page.goto(path.as_uri())
    page.wait_for_function("window.vnkgReady !== undefined", timeout=30000)
    return page, problems, requests


def drawn_pixels(page) -> int:
    """Non-white pixels on the network's canvas: nodes were actually drawn."""
    return page.evaluate("""() => {
      const c = document.querySelector('#graph canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
      return n; }""")


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "without-csp"])
def test_payloads_stay_inert_and_the_page_is_clean(browser, tmp_path, bypass_csp):
    # Without the page's Content-Security-Policy too: escaping alone must keep the payloads inert.
    page, problems, requests = open_page(browser, tmp_path, view.view_html(hostile_store(), "province", "Tuyên Quang"),
                                         bypass_csp=bypass_csp)
    try:
        assert page.evaluate("Object.keys(window.vnkgView.network.getPositions()).length") >= 5
        assert drawn_pixels(page) > 500
        # Exercise every place article text reaches the DOM: details, tooltip, search results.
        ids = page.evaluate("window.vnkgView.data.nodes.filter(n => n.l.includes('<script>')).map(n => n.id)")
        assert ids
        for i in ids:
            page.evaluate(f"window.vnkgView.choose({i})")
        assert "<script>window.__pwned=1</script>" in page.text_content("#details")  # shown as text
        pos = page.evaluate("""(i) => { const n = window.vnkgView.network; const d = n.canvasToDOM(n.getPositions([i])[i]);
                                 const r = document.getElementById('graph').getBoundingClientRect(); return [d.x + r.left, d.y + r.top]; }""",
                            ids[0])
        page.mouse.move(pos[0], pos[1])
        page.wait_for_timeout(300)
        page.fill("#search", "<img")
        page.wait_for_timeout(100)
        assert page.locator("#results li").count() >= 1
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert page.locator("#details img, #tip img, #results img, #details script").count() == 0
        assert not problems, problems
        assert not requests, requests
    finally:
        page.close()


def test_search_selects_and_focuses_a_node(browser, tmp_path, sample_store):
    page, problems, _ = open_page(browser, tmp_path, view.view_html(sample_store, "province", "Tuyên Quang"))
    try:
        page.fill("#search", "lo van binh")  # accents are optional
        page.press("#search", "Enter")
        selected = page.evaluate("window.vnkgView.network.getSelectedNodes()")
        assert [page.evaluate(f"window.vnkgView.data.nodes[{selected[0]}].l")] == ["Lò Văn Bình"]
        assert "Lò Văn Bình" in page.text_content("#details")
        # The date control: on 2022-01-01 the current Bí thư is shown; the former one, whose end is unknown,
        # cannot be placed on a date (as in queries/holders.rq).
        page.fill("#asof", "2022-01-01")
        page.dispatch_event("#asof", "change")
        hidden = page.evaluate("window.vnkgView.nodes.get().filter(n => n.hidden).map(n => window.vnkgView.data.nodes[n.id].l)")
        assert "Lò Văn Bình" in hidden and "Nguyễn Văn An" not in hidden
        assert not problems, problems
    finally:
        page.close()


def test_two_thousand_nodes_are_interactive_within_three_seconds(browser, tmp_path):
    html = view.render_html(synthetic(2000), "bench")
    page, problems, _ = open_page(browser, tmp_path, html)
    try:
        ready = page.evaluate("window.vnkgReady")
        if ready["ms"] >= 3000:  # a busy shared machine: the better of two loads
            page.reload()
            page.wait_for_function("window.vnkgReady !== undefined", timeout=30000)
            ready = min(ready, page.evaluate("window.vnkgReady"), key=lambda r: r["ms"])
        assert ready["how"] == "precomputed"
        assert ready["ms"] < 3000, ready
        assert drawn_pixels(page) > 1000
        assert not problems, problems
    finally:
        page.close()
