"""The canned SPARQL queries in queries/: one .rq file each, with a `#+` YAML header
(summary, description, params), and the binding of parameters as RDF terms."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import yaml

from vnkg import data_path
from vnkg.iri import XSD

# "label": text bound as a Vietnamese-tagged literal ("…"@vi), as labels are stored, so that it is
# found through the index rather than by comparing every label.
PARAM_TYPES = ("string", "label", "date", "iri", "integer")


class QueryError(Exception):
    """A query or its parameters are wrong; the message is one line for the user."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "string"
    description: str = ""
    default: str | None = None

    def term(self, value: str) -> ox.NamedNode | ox.Literal:
        """The parameter's value as one RDF term, so it can never change the query's shape."""
        if self.type == "date":
            try:
                date.fromisoformat(value)
            except ValueError:
                raise QueryError(f"parameter {self.name}: {value!r} is not an ISO date (YYYY-MM-DD)") from None
            return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
        if self.type == "integer":
            if not re.fullmatch(r"-?\d+", value):
                raise QueryError(f"parameter {self.name}: {value!r} is not an integer")
            return ox.Literal(value, datatype=ox.NamedNode(XSD + "integer"))
        if self.type == "label":
            return ox.Literal(value, language="vi")
        if self.type == "iri":
            try:
                return ox.NamedNode(value)
            except ValueError:
                raise QueryError(f"parameter {self.name}: {value!r} is not an IRI") from None
        return ox.Literal(value)


@dataclass(frozen=True)
class CannedQuery:
    name: str
    summary: str
    description: str
    params: tuple[Param, ...]
    sparql: str
    path: Path | None = field(default=None, compare=False)

    def bindings(self, values: dict[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            allowed = ", ".join(known) or "none"
            raise QueryError(f"query {self.name}: unknown parameter {unknown[0]!r} (parameters: {allowed})")
        out = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is None:
                raise QueryError(f"query {self.name}: parameter {p.name!r} is required ({p.description})")
            out[p.name] = p.term(value)
        return out


def parse(text: str, name: str, path: Path | None = None) -> CannedQuery:
    header = "\n".join(line[3:] if line.startswith("#+ ") else "" for line in text.splitlines()
                       if line.startswith("#+"))
    try:
        meta = yaml.safe_load(header) or {}
    except yaml.YAMLError as e:
        raise QueryError(f"{path or name}: bad #+ header: {e}") from None
    params = []
    for p in meta.get("params") or []:
        kind = p.get("type", "string")
        if kind not in PARAM_TYPES:
            raise QueryError(f"{path or name}: parameter {p.get('name')}: unknown type {kind}")
        default = p.get("default")
        params.append(Param(p["name"], kind, p.get("description", ""), None if default is None else str(default)))
    return CannedQuery(name, str(meta.get("summary", "")).strip(), str(meta.get("description", "")).strip(),
                       tuple(params), text, path)


@lru_cache(maxsize=1)
def catalogue() -> dict[str, CannedQuery]:
    folder = data_path("queries")
    return {p.stem: parse(p.read_text(encoding="utf-8"), p.stem, p) for p in sorted(folder.glob("*.rq"))}


def get(name: str) -> CannedQuery:
    queries = catalogue()
    if name not in queries:
        raise QueryError(f"no query named {name!r}; `vnkg queries` lists them ({', '.join(queries)})")
    return queries[name]
