"""Helpers for the extraction tests: run extract() on a short invented text."""
from __future__ import annotations

from vnkg.extract import extract
from vnkg.model import Article


def run(text: str, **meta):
    return extract(Article(id="t", text=text, **meta))


def persons(text: str, **meta) -> set[str]:
    return {p.name for p in run(text, **meta).persons}


def posts(text: str, **meta) -> set[tuple]:
    return {(h.person, h.title, h.province, h.status) for h in run(text, **meta).holdings}
