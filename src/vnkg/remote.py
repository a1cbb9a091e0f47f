"""A remote SPARQL 1.1 endpoint as a vnkg store (``--store http://…``).

Two forms of location (see docs/serve.md):

- ``http://HOST:PORT`` (no path): an Oxigraph server, with ``/query``, ``/update`` and the
  Graph Store Protocol at ``/store``. Run it with ``--union-default-graph`` so queries see all graphs
  (``vnkg serve`` does).
- ``http://HOST:PORT/any/path`` (e.g. Virtuoso's ``/sparql``): one endpoint for queries and
  updates. Virtuoso's default graph is already the union of all graphs when a query names none.

Queries go by POST (form-encoded, UTF-8) and come back as SPARQL JSON results, parsed into
pyoxigraph terms, so ``Result.dicts()`` gives the same strings as the embedded store.
Parameters are bound by VALUES blocks written from the terms' own N-Triples form and put at
the head of the WHERE group (as rdflib's SPARQLStore does with initBindings), and of every group
that names a parameter (see bind_values): a value is one RDF term and can never change the
query's shape.
"""
from __future__ import annotations

import hashlib
import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping

import pyoxigraph as ox

from vnkg.store import Result, Store, StoreError, Term, data_updates, prologue

TIMEOUT_S = 300
VNKG_GRAPHS = "https://w3id.org/vnkg/"  # every graph vnkg writes (articles, reference, ontology)

# Comments, strings and IRIs, which may hold braces or keywords that are not syntax.
_OPAQUE = re.compile(r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>')
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


def _mask(sparql: str) -> str:
    """The text with comments, strings and IRIs blanked out, same length, so offsets still match."""
    return _OPAQUE.sub(lambda m: " " * len(m.group()), sparql)


def query_form(sparql: str) -> str:
    m = _FORM.search(_mask(sparql))
    return m.group(1).upper() if m else "SELECT"


_VALUES_DATA = re.compile(r"VALUES\s*(?:[?$]\w+|\([^()]*\))", re.I)
_TOKEN = re.compile(r"[{}()]|[?$](\w+)")


def _groups(masked: str) -> list[tuple[int, bool, set[str]]]:
    """Each group graph pattern as (offset after its "{", opened by WHERE, the variables its own
    triple patterns name: not those of its nested groups, nor those inside parentheses, FILTER and
    BIND expressions). VALUES data blocks, CONSTRUCT templates and groups that are a subquery (the
    subquery's own WHERE group is one) are left out."""
    out, stack, parens = [], [], 0
    for m in _TOKEN.finditer(masked):
        tok, at = m.group(), m.start()
        if tok == "{":
            before = masked[max(0, at - 400):at].rstrip()  # what opens it is just before it
            word = re.search(r"\w*$", before[-12:]).group().upper()  # (a keyword is shorter)
            group = not (word in ("CONSTRUCT", "INSERT", "DELETE", "DATA")
                         or _VALUES_DATA.fullmatch(before, max(0, before.upper().rfind("VALUES")))
                         or re.match(r"\s*SELECT\b", masked[at + 1:at + 40], re.I))
            stack.append((at + 1, group, word == "WHERE", parens, set()))
        elif tok == "}" and stack:
            start, group, where, _, named = stack.pop()
            if group:
                out.append((start, where, named))
        elif tok == "(":
            parens += 1
        elif tok == ")":
            parens -= 1
        elif stack and parens == stack[-1][3]:
            stack[-1][4].add(m.group(1))
    return out


def bind_values(sparql: str, bindings: Mapping[str, Term] | None) -> str:
    """The query with ``VALUES (?a ?b) { (t1 t2) }`` at the head of its WHERE group and of every
    subquery's, as the embedded store's substitutions bind the variable throughout the query; and,
    with the parameters it names, at the head of every other group whose triple patterns name one
    (a UNION branch, an OPTIONAL, a GRAPH or EXISTS group). So each group starts from the bound term:
    Oxigraph plans a group from its smallest part, and a one-row VALUES at its head anchors the
    group's patterns on the term, where one VALUES for the whole query is joined only after each
    branch was evaluated whole (view-document took over 10 s through the server, 0.1 s so). Within a
    group the binding changes nothing: the term is the parameter's everywhere, as in the embedded
    store. (Not for a parameter named only in an expression: there the outer binding serves, and
    Virtuoso 7.2.5 drops an OPTIONAL's FILTER when the OPTIONAL has a VALUES block.)"""
    if not bindings:
        return sparql
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise StoreError(f"bad parameter name {name!r}")
    groups = _groups(_mask(sparql))
    if not any(where for _, where, _ in groups):
        if query_form(sparql) in ("SELECT", "ASK") and groups:  # WHERE is optional
            first = min(start for start, _, _ in groups)
            groups = [(start, where or start == first, named) for start, where, named in groups]
        else:
            raise StoreError("cannot bind parameters: the query has no WHERE group")
    # str(term) is pyoxigraph's N-Triples serialisation: quotes, newlines and braces come out escaped.
    terms = {k: str(t) for k, t in bindings.items()}
    inserts = []
    for start, where, named in groups:
        names = list(bindings) if where else [k for k in bindings if k in named]
        if names:
            block = f"\n  VALUES ({' '.join('?' + k for k in names)}) {{ ({' '.join(terms[k] for k in names)}) }}\n"
            inserts.append((start, block))
    out, last = [], 0
    for at, text in sorted(inserts):
        out += [sparql[last:at], text]
        last = at
    return "".join(out) + sparql[last:]


def term_from_json(b: dict) -> Term:
    """One binding of the SPARQL 1.1 JSON results format (and SPARQL 1.0's "typed-literal")."""
    kind, value = b.get("type"), b.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        # Endpoints name blank nodes freely ("nodeID://b1"); keep identity, fit pyoxigraph's syntax.
        return ox.BlankNode("b" + hashlib.sha1(value.encode()).hexdigest()[:16])
    if kind in ("literal", "typed-literal"):
        if b.get("xml:lang"):
            return ox.Literal(value, language=b["xml:lang"])
        if b.get("datatype"):
            return ox.Literal(value, datatype=ox.NamedNode(b["datatype"]))
        return ox.Literal(value)
    if kind == "triple":  # RDF-star, from Oxigraph
        v = b["value"]
        return ox.Triple(term_from_json(v["subject"]), term_from_json(v["predicate"]), term_from_json(v["object"]))
    raise StoreError(f"unexpected term in SPARQL results: {b!r}")


def parse_json_results(data: bytes) -> Result | bool:
    doc = json.loads(data)
    if "boolean" in doc:
        return bool(doc["boolean"])
    names = doc["head"].get("vars", [])
    rows = [tuple(term_from_json(s[v]) if v in s else None for v in names) for s in doc["results"]["bindings"]]
    return Result(names, rows)


class RemoteStore(Store):
    """A SPARQL 1.1 Protocol endpoint (Oxigraph server, Virtuoso …)."""

    def __init__(self, location: str, read_only: bool = False, timeout: float = TIMEOUT_S):
        self.location = location
        self.timeout = timeout
        parts = urllib.parse.urlsplit(location)
        base = location.rstrip("/")
        if parts.path in ("", "/"):  # the Oxigraph server's layout
            self.oxigraph = True
            self.query_url, self.update_url, self.store_url = base + "/query", base + "/update", base + "/store"
        else:
            self.oxigraph = False
            self.query_url = self.update_url = location
            self.store_url = None
        # A probe, so that a wrong URL fails here with one clear line, and to learn the server:
        # Virtuoso needs its own pragma for large INSERT DATA (see replace_articles).
        self.server = ""
        self.query("ASK { }")
        self.virtuoso = self.server.lower().startswith("virtuoso")
        if not read_only:
            self.ensure_reference()

    # -- HTTP ---------------------------------------------------------------------------
    def _post(self, url: str, form: dict[str, str], accept: str | None) -> tuple[bytes, str]:
        body = urllib.parse.urlencode(form).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        return self._send(urllib.request.Request(url, data=body, headers=headers, method="POST"))

    def _send(self, request: urllib.request.Request) -> tuple[bytes, str]:
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                data, headers = resp.read(), resp.headers
                self.server = headers.get("Server", "")
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace").strip()
            lines = [ln for ln in detail.splitlines() if ln.strip()]
            raise StoreError(f"{self.location}: HTTP {e.code}: {lines[0][:300] if lines else e.reason}") from None
        except (urllib.error.URLError, socket.timeout, ConnectionError) as e:
            reason = getattr(e, "reason", e)
            raise StoreError(f"cannot reach the SPARQL endpoint at {self.location}: {reason}") from None
        # Virtuoso cuts results at ResultSetMaxRows, or returns a partial "anytime" answer when
        # MaxQueryExecutionTime runs out, with status 200 either way: never pass those off as whole.
        if headers.get("X-SPARQL-MaxRows"):
            raise StoreError(f"{self.location}: the endpoint cut the results at {headers['X-SPARQL-MaxRows']} rows "
                             "(raise ResultSetMaxRows in virtuoso.ini)")
        if headers.get("X-SQL-State"):
            raise StoreError(f"{self.location}: partial results: {headers.get('X-SQL-Message', headers['X-SQL-State'])}")
        return data, headers.get("Content-Type", "")

    # -- Store interface ----------------------------------------------------------------
    def query(self, sparql, bindings=None):
        text = prologue() + bind_values(sparql, bindings)
        form = query_form(text)
        if form in ("SELECT", "ASK"):
            data, _ = self._post(self.query_url, {"query": text}, "application/sparql-results+json")
            try:
                return parse_json_results(data)
            except (ValueError, KeyError) as e:
                raise StoreError(f"{self.location}: not SPARQL JSON results ({e})") from None
        data, ctype = self._post(self.query_url, {"query": text},
                                 "application/n-triples, text/plain;q=0.9, text/turtle;q=0.8")
        fmt = ox.RdfFormat.N_TRIPLES if "n-triples" in ctype or "text/plain" in ctype else ox.RdfFormat.TURTLE
        return list(ox.parse(data, format=fmt))

    def update(self, sparql):
        # Virtuoso compiles INSERT DATA constants into SQL text: 4,000 triples take 14 s, or fail with
        # "SQL text has exceeded 10000 lines"; with big-data-const it passes them as data (0.4 s).
        # (Its SPARQL compiler still fails on one of ~5,000 triples: data_updates sends blocks.)
        prefix = "DEFINE sql:big-data-const 1\n" if self.virtuoso else ""
        self._post(self.update_url, {"update": prefix + prologue() + sparql}, None)

    def replace_serialized(self, graphs):
        if not (self.oxigraph and graphs) or self._any_present(graphs):
            return super().replace_serialized(graphs)
        # All new, on an Oxigraph server: the N-Quads as they are, one Graph Store Protocol POST,
        # which the server loads in one transaction (no SPARQL text to build and parse).
        req = urllib.request.Request(self.store_url, data=b"".join(graphs.values()), method="POST",
                                     headers={"Content-Type": "application/n-quads"})
        self._send(req)

    def _any_present(self, graphs) -> bool:
        values = " ".join(str(ox.NamedNode(g)) for g in graphs)
        return self.query(f"ASK {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")

    def replace_articles(self, graphs):
        # One request, one update: Oxigraph runs it as one transaction, so an article is whole or absent.
        # Terms are written by pyoxigraph in their N-Triples form, never spliced from raw strings.
        parts = [f"DROP SILENT GRAPH <{g}>" for g in graphs]
        parts += data_updates([], [q for quads in graphs.values() for q in quads])
        if parts:
            self.update(" ;\n".join(parts))

    def quads(self) -> Iterator[ox.Quad]:
        """The quads of the vnkg graphs (an endpoint may hold others: Virtuoso's system graphs)."""
        if self.oxigraph:  # the Graph Store Protocol gives the whole dataset as N-Quads, fast
            req = urllib.request.Request(self.store_url, headers={"Accept": "application/n-quads"})
            data, _ = self._send(req)
            return (q for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)
                    if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(VNKG_GRAPHS))
        res = self.query(f'SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                         f'FILTER(STRSTARTS(STR(?g), "{VNKG_GRAPHS}")) }}')
        return (ox.Quad(s, p, o, g) for s, p, o, g in res.rows)
