"""Rows out: table, CSV, TSV, JSON, JSON Lines. One writer per format, shared by every command."""
from __future__ import annotations

import csv
import json
import sys
from typing import TextIO

FORMATS = ("table", "csv", "tsv", "json", "jsonl")


def write_rows(columns: list[str], rows: list[dict[str, str]], fmt: str, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt in ("csv", "tsv"):
        w = csv.DictWriter(out, fieldnames=columns, delimiter="," if fmt == "csv" else "\t", lineterminator="\n",
                           extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(*columns, show_lines=False, highlight=False)
        for r in rows:
            table.add_row(*(Text(_short(r.get(c, ""))) for c in columns))  # Text: article strings are never markup
        console = Console(file=out, width=max(100, min(250, 24 * len(columns))), markup=False)
        console.print(table, markup=False)
        console.print(f"{len(rows)} rows", markup=False)


def _short(value: str) -> str:
    """Tables show IRIs by their last segment and long sentences cut; other formats keep everything."""
    if value.startswith("https://w3id.org/vnkg/"):
        value = value.rsplit("/", 1)[-1]
    return value if len(value) <= 120 else value[:117] + "…"
