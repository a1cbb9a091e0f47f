"""Views of 200, 2,000 and 5,000 nodes (synthetic, through the same renderer): build time in Python,
file size, and the time until the page is interactive in headless Chromium.

"Interactive" is the page's own mark (window.vnkgReady): physics has stopped (small graphs) or the
first frame with precomputed positions is drawn (large ones). Each size is loaded three times; the
median is printed. Run: .venv/bin/python scripts/bench_views.py [--sizes 200,2000,5000]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.viewdata import synthetic  # noqa: E402
from vnkg import view  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="200,2000,5000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"{'nodes':>6} {'edges':>6} {'build s':>8} {'size MB':>8} {'ready s':>8}  mode")
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for n in (int(x) for x in args.sizes.split(",")):
            sub = synthetic(n)
            t = time.perf_counter()
            html = view.render_html(sub, f"bench {n}")
            build = time.perf_counter() - t
            path = Path(tmp) / f"v{n}.html"
            path.write_text(html, encoding="utf-8")
            times, how = [], ""
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1200, "height": 800})
                page.goto(path.as_uri())
                page.wait_for_function("window.vnkgReady !== undefined", timeout=120000)
                ready = page.evaluate("window.vnkgReady")
                times.append(ready["ms"] / 1000)
                how = ready["how"]
                page.close()
            print(f"{len(sub.nodes):>6} {len(sub.edges):>6} {build:>8.2f} {len(html.encode()) / 1e6:>8.2f} "
                  f"{statistics.median(times):>8.2f}  {how}", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
