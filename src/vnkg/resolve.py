"""One person across articles: identity resolution over the whole store (docs/identity.md).

Each article names persons through article-scoped nodes (``vnkg.graph.person_mention``);
reference imports (``vnkg.imports``) add persons of their own. This step groups all of them
into canonical persons and writes the links, each with the evidence that made it, into the
named graph ``RESOLUTION_GRAPH``. It never touches an article's graph, so extraction stays
pure and re-running it is cheap.

Rules, per group of items with the same folded name (see ``cluster``):
- a reviewer's judgement (graph ``JUDGEMENTS_GRAPH``) wins: "same" joins, "different" separates;
- items sharing a province (a post there) join: "same-post" when they share the post itself;
  a pre-merger province matches the post-merger unit it became part of, never its siblings;
- two records of one reference source (two Wikipedia pages) are two people, never joined;
- an item with no province joins the one compatible candidate, or the one the article's own
  provinces point to; with several candidates it stays apart ("ambiguous") for review;
- with no anchored candidate at all, same-name items join on the name alone ("name-only").
Inputs are sorted before every decision, so the result depends on the store's content only,
never on load order.

What resolution reads (``Facts``) comes from the store, or, for the graphs a load has just
written, from the quads the load wrote (``quad_facts``, in its workers): after a first load only
the reference graphs are read back. Both give the same items, so the identity graph a load writes is
the one `vnkg identity resolve` recomputes from the whole store (tests/test_load_resolution.py).
"""
from __future__ import annotations

import csv
import gc
import hashlib
import io
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

import pyoxigraph as ox

from vnkg import iri, seats
from vnkg.iri import ID, RDF, SCHEMA, VNKG, XSD
from vnkg.reference import fold
from vnkg.store import EmbeddedStore, data_updates

RESOLUTION_GRAPH = "https://w3id.org/vnkg/graph/resolution"
JUDGEMENTS_GRAPH = "https://w3id.org/vnkg/graph/judgements"
WIKIPEDIA_GRAPH = "https://w3id.org/vnkg/graph/wikipedia-officials"
EVERYPOLITICIAN_GRAPH = "https://w3id.org/vnkg/graph/everypolitician-na13"
REFERENCE_SOURCES = {WIKIPEDIA_GRAPH: "wikipedia", EVERYPOLITICIAN_GRAPH: "everypolitician"}
# Set before a load writes articles, cleared by the next resolution: a load stopped in between (a
# kill, an error) leaves the mark, so the next load resolves even when it finds nothing to write.
OUTDATED = f"GRAPH <{iri.STATE_GRAPH}> {{ <{RESOLUTION_GRAPH}> <{VNKG}outdated> true }}"
RESOLVED_WITH = f"<{RESOLUTION_GRAPH}> <{VNKG}resolvedWith>"
OWL = "http://www.w3.org/2002/07/owl#"

# Evidence strength, strongest first: the order unions are tried in.
BASES = ("judgement", "same-post", "same-province", "same-office", "only-candidate", "article-province",
         "name-only", "alone", "distinct", "ambiguous")


class JudgementError(ValueError):
    """A judgements file is malformed; the message names the line."""


@dataclass
class Item:
    """A person as one article (a mention) or one reference record names them."""

    iri: str
    name: str
    source: str  # article id, or the reference graph's short name ("wikipedia")
    graph: str
    date: str = ""  # the article's date (ISO, possibly partial); "" for reference records
    posts: dict[str, str] = field(default_factory=dict)  # post IRI → label
    provinces: dict[str, str] = field(default_factory=dict)  # province IRI → label (from its posts)
    context: set[str] = field(default_factory=set)  # provinces the article itself names
    years: set[int] = field(default_factory=set)  # years its holdings are dated in (reference records)
    born: str = ""
    died: str = ""

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def reference(self) -> bool:
        return self.graph in REFERENCE_SOURCES

    @property
    def ref(self) -> str:
        """How a judgements file names this item."""
        return item_ref(self)


@dataclass
class Cluster:
    members: list[Item]
    iri: str = ""
    name: str = ""
    basis: dict[str, tuple[str, str]] = field(default_factory=dict)  # member IRI → (basis, reason)

    @property
    def provinces(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for m in self.members:
            out.update(m.provinces)
        return out

    @property
    def articles(self) -> list[str]:
        return sorted({m.source for m in self.members if not m.reference})


@dataclass
class Resolution:
    clusters: list[Cluster]
    ambiguous: list[Cluster]  # clusters with no province that matched several namesakes
    apart: list[tuple[Cluster, Cluster, str]]  # same name, kept apart, and why
    judgement_problems: list[str] = field(default_factory=list)

    def canonical(self) -> dict[str, str]:
        return {m.iri: c.iri for c in self.clusters for m in c.members}


def name_key(name: str) -> str:
    """Names match when their folded forms do (case, Unicode form and tone placement aside)."""
    return fold(name)


def item_ref(item: Item) -> str:
    if item.reference:
        return f"{item.source}:{item.iri.rsplit('/', 1)[-1]}"
    return f"{item.source}#{item.name}"


# --- reading the store --------------------------------------------------------------------

def _mergers(store) -> dict[str, str]:
    res = store.query(f"SELECT ?p ?q WHERE {{ ?p <{VNKG}mergedInto> ?q }}")
    return {p.value: q.value for p, q in res.rows}


_TYPE, _NAME, _LABEL = RDF + "type", SCHEMA + "name", iri.RDFS + "label"
_PROVINCE, _POST, _MEMBER = VNKG + "province", VNKG + "post", "http://www.w3.org/ns/org#member"
_DATES = (SCHEMA + "startDate", VNKG + "startPeriod", SCHEMA + "endDate", VNKG + "endPeriod")
_MERGED = VNKG + "mergedInto"
_HOLDING, _STATUS, _SOURCE = VNKG + "PostHolding", VNKG + "status", iri.PROV + "wasDerivedFrom"
_ROLE, _PREF = iri.ORG + "role", iri.SKOS + "prefLabel"
_NONE = (None,)


@dataclass
class Facts:
    """What resolution reads from some graphs, as stored (every value, unordered): read from the
    store (``read_facts``) or from the quads a load is writing (``quad_facts``), and merged in any
    order, it gives the same items (``build_items``), so a load need not read back what it wrote."""

    persons: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # mention → article graph → names
    articles: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)  # graph → (ids, dates published)
    # reference person → graph → (names, born, died)
    records: dict[str, dict[str, tuple[set[str], set[str], set[str]]]] = field(default_factory=dict)
    # node → rdfs:label (vnkg:province) values, each with the number of graphs that state it: a post
    # is restated in every article that names it, now and then with another spelling of its label
    labels: dict[str, Counter | set[str]] = field(default_factory=dict)  # a set: each value stated once
    provinces: dict[str, Counter | set[str]] = field(default_factory=dict)
    holdings: set[tuple] = field(default_factory=set)  # (member, post, start, startPeriod, end, endPeriod)
    mentions: dict[str, set[str]] = field(default_factory=dict)  # graph → what it says it mentions
    province_nodes: set[str] = field(default_factory=set)  # nodes typed vnkg:Province
    # What seat conflicts are found from (vnkg.seats), besides the articles' dates:
    # (graph, holding, post, member, status, source, start, startPeriod, end, endPeriod), each
    # holding as its own graph states it, every combination of its values
    tenures: set[tuple] = field(default_factory=set)
    roles: set[tuple] = field(default_factory=set)  # (graph, post, office) of the tenures' posts
    pref_labels: set[tuple] = field(default_factory=set)  # (node, skos:prefLabel)
    states_reference: bool = False  # the graphs state vnkg:mergedInto (quad_facts only)

    def update(self, other: Facts) -> Facts:
        for m, graphs in other.persons.items():
            for g, names in graphs.items():
                self.persons.setdefault(m, {}).setdefault(g, set()).update(names)
        for g, (ids, dates) in other.articles.items():
            mine = self.articles.setdefault(g, (set(), set()))
            mine[0].update(ids), mine[1].update(dates)
        for r, graphs in other.records.items():
            for g, values in graphs.items():
                mine = self.records.setdefault(r, {}).setdefault(g, (set(), set(), set()))
                for a, b in zip(mine, values):
                    a.update(b)
        for mine, theirs in ((self.labels, other.labels), (self.provinces, other.provinces)):
            for k, v in theirs.items():
                counts = mine.get(k)
                if not isinstance(counts, Counter):  # a graph's own set (quad_facts) becomes counts
                    counts = mine[k] = Counter(counts or ())
                counts.update(v)
        for k, v in other.mentions.items():
            self.mentions.setdefault(k, set()).update(v)
        self.holdings |= other.holdings
        self.province_nodes |= other.province_nodes
        self.tenures |= other.tenures
        self.roles |= other.roles
        self.pref_labels |= other.pref_labels
        self.states_reference |= other.states_reference
        return self


# The predicates (and classes) resolution reads: quad_facts looks at nothing else.
_READ = {ox.NamedNode(p): p for p in (
    _TYPE, _NAME, _LABEL, _PROVINCE, _POST, _MEMBER, *_DATES, SCHEMA + "identifier", SCHEMA + "datePublished",
    SCHEMA + "mentions", SCHEMA + "birthDate", SCHEMA + "deathDate", _MERGED, _STATUS, _SOURCE, _ROLE, _PREF)}
_TYPES = {VNKG + "Article", SCHEMA + "Person", VNKG + "Province", _HOLDING}


def quad_facts(quads: Iterable[ox.Quad]) -> Facts:
    """The facts of these quads (one article's graph, as a load writes it): what ``read_facts``
    would read from them once stored."""
    f = Facts()
    by: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    one = {}.setdefault  # one string object per value: pickled once, however often it recurs
    for q in quads:
        p = _READ.get(q.predicate)
        if p is None:  # most of an article: evidence, events, documents
            continue
        if p == _MERGED:
            f.states_reference = True
            continue
        o = q.object.value
        if p == _TYPE and o not in _TYPES:
            continue
        g, s_ = q.graph_name.value, q.subject.value
        by[one(g, g), one(s_, s_)][p].append(one(o, o))
    graphs = {g for g, _ in by}
    for g in graphs:
        own = by.get((g, g), {})
        if VNKG + "Article" in own.get(_TYPE, ()):
            f.articles[g] = (set(own.get(SCHEMA + "identifier", ())), set(own.get(SCHEMA + "datePublished", ())))
        if SCHEMA + "mentions" in own:
            f.mentions[g] = set(own[SCHEMA + "mentions"])
    for (g, s), props in by.items():
        types = props.get(_TYPE, ())
        if SCHEMA + "Person" in types and _NAME in props:
            if g in f.articles:
                f.persons.setdefault(s, {})[g] = set(props[_NAME])
            if g in REFERENCE_SOURCES:
                f.records.setdefault(s, {})[g] = (set(props[_NAME]), set(props.get(SCHEMA + "birthDate", ())),
                                                  set(props.get(SCHEMA + "deathDate", ())))
        if VNKG + "Province" in types:
            f.province_nodes.add(s)
        # Sets, each value counting once (the graph states it), not Counters: lighter to send back.
        if _LABEL in props:
            f.labels.setdefault(s, set()).update(props[_LABEL])
        if _PROVINCE in props:
            f.provinces.setdefault(s, set()).update(props[_PROVINCE])
        if _POST in props and _MEMBER in props:  # as the holdings query's rows: every combination
            dates = [props.get(p) or _NONE for p in _DATES]
            for m in props[_MEMBER]:
                for post in props[_POST]:
                    for row in product(*dates):
                        f.holdings.add((m, post, *row))
            if _HOLDING in types:
                for row in product(*(props.get(p, ()) for p in (_POST, _MEMBER, _STATUS, _SOURCE)), *dates):
                    f.tenures.add((g, s, *row))
                    f.roles.update((g, row[0], office) for office in by.get((g, row[0]), {}).get(_ROLE, ()))
        if _PREF in props:
            f.pref_labels.update((s, label) for label in props[_PREF])
    return f


# Each holding inside its own graph (vnkg:post is said of holdings only): no DISTINCT. With what
# seat conflicts are found from (vnkg.seats): whether it is typed a holding there, its status,
# source, and its post's office there.
_HOLDINGS = f"""SELECT ?m ?post ?start ?startp ?end ?endp ?h ?typed ?status ?source ?office ?g WHERE {{
    GRAPH ?g {{ ?h <{VNKG}post> ?post ; <{_MEMBER}> ?m .
    OPTIONAL {{ ?h <{SCHEMA}startDate> ?start }} OPTIONAL {{ ?h <{VNKG}startPeriod> ?startp }}
    OPTIONAL {{ ?h <{SCHEMA}endDate> ?end }} OPTIONAL {{ ?h <{VNKG}endPeriod> ?endp }}
    OPTIONAL {{ ?h a ?typed FILTER(?typed = <{_HOLDING}>) }}
    OPTIONAL {{ ?h <{_STATUS}> ?status }} OPTIONAL {{ ?h <{_SOURCE}> ?source }}
    OPTIONAL {{ ?post <{_ROLE}> ?office }} }} }}"""


def _add_holding(f: Facts, row: tuple) -> None:
    m, post, start, startp, end, endp, h, typed, status, source, office, g = (
        t.value if t is not None else None for t in row)
    f.holdings.add((m, post, start, startp, end, endp))
    if typed and status is not None and source is not None:
        f.tenures.add((g, h, post, m, status, source, start, startp, end, endp))
        if office is not None:
            f.roles.add((g, post, office))


def read_facts(store, graphs: Iterable[str] | None = None) -> Facts:
    """The facts of the store's named graphs (of these graphs only, when given)."""
    graphs = None if graphs is None else sorted(graphs)

    def rows(sparql: str, whole: str | None = None) -> Iterable[tuple]:
        """The rows of a query over every graph (or ``whole``, its form for the union), or over
        each of ``graphs`` with ?g bound: a lookup in that graph, where VALUES made scans."""
        if graphs is None:
            return store.query(whole or sparql).rows
        return [row for g in graphs for row in store.query(sparql, {"g": ox.NamedNode(g)}).rows]

    f = Facts()
    # One pattern or one graph's own facts per query: a post (and its label) is restated in every
    # graph that uses it, so joining them across the union would multiply rows by that number of graphs.
    for g, ident, published in rows(f"""SELECT ?g ?id ?published WHERE {{
            GRAPH ?g {{ ?g a <{VNKG}Article> OPTIONAL {{ ?g <{SCHEMA}identifier> ?id }}
                        OPTIONAL {{ ?g <{SCHEMA}datePublished> ?published }} }} }}"""):
        ids, dates = f.articles.setdefault(g.value, (set(), set()))
        ids.update([ident.value] if ident else []), dates.update([published.value] if published else [])
    for m, name, g in rows(f"""SELECT ?m ?name ?g WHERE {{
            GRAPH ?g {{ ?g a <{VNKG}Article> . ?m a <{SCHEMA}Person> ; <{SCHEMA}name> ?name }} }}"""):
        f.persons.setdefault(m.value, {}).setdefault(g.value, set()).add(name.value)
    for graph in REFERENCE_SOURCES:
        if graphs is not None and graph not in graphs:
            continue
        res = store.query(f"""SELECT ?r ?name ?born ?died WHERE {{ GRAPH <{graph}> {{
            ?r a <{SCHEMA}Person> ; <{SCHEMA}name> ?name .
            OPTIONAL {{ ?r <{SCHEMA}birthDate> ?born }} OPTIONAL {{ ?r <{SCHEMA}deathDate> ?died }} }} }}""")
        for r, name, born, died in res.rows:
            names, b, d = f.records.setdefault(r.value, {}).setdefault(graph, (set(), set(), set()))
            names.add(name.value), b.update([born.value] if born else []), d.update([died.value] if died else [])
    for target, p in ((f.labels, _LABEL), (f.provinces, _PROVINCE)):
        for s_, o, n in rows(f"SELECT ?s ?o ?g WHERE {{ GRAPH ?g {{ ?s <{p}> ?o }} }}",  # ?g: once a graph
                             f"SELECT ?s ?o (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{p}> ?o }} }} GROUP BY ?s ?o"):
            target.setdefault(s_.value, Counter())[o.value] += 1 if graphs is not None else int(n.value)
    for row in rows(_HOLDINGS):
        _add_holding(f, row)
    f.province_nodes = {row[0].value for row in rows(f"SELECT ?p ?g WHERE {{ GRAPH ?g {{ ?p a <{VNKG}Province> }} }}",
                                                     f"SELECT DISTINCT ?p WHERE {{ ?p a <{VNKG}Province> }}")}
    # Over the whole store, only what an article mentions that is a province somewhere: from the
    # (few) provinces to the articles that mention them, 7 times faster than the other way.
    for g, p in rows(f"SELECT ?g ?p WHERE {{ GRAPH ?g {{ ?g <{SCHEMA}mentions> ?p }} }}",
                     f"SELECT ?g ?p WHERE {{ ?p a <{VNKG}Province> . GRAPH ?g {{ ?g <{SCHEMA}mentions> ?p }} }}"):
        f.mentions.setdefault(g.value, set()).add(p.value)
    # For seat conflicts, the offices' labels wherever stated (over the whole store, each once).
    f.pref_labels = {(s_.value, o.value) for s_, o, *_ in rows(
        f"SELECT ?s ?o ?g WHERE {{ GRAPH ?g {{ ?s <{_PREF}> ?o }} }}",
        f"SELECT DISTINCT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{_PREF}> ?o }} }}")}
    return f


def _commonest(values: Counter | set[str]) -> str:
    if isinstance(values, set):
        return min(values)
    return min(values.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def build_items(f: Facts) -> list[Item]:
    """Every article mention and reference person in these facts, with what identifies them. Where
    a fact has several values, the one most graphs state is taken (a post's label); of two names on
    one mention node (spellings with one slug), the greatest, as a dropped diacritic sorts lower;
    else the least: never the order facts were read or merged in."""
    items: dict[str, Item] = {}
    for m, graphs in f.persons.items():
        g = min(graphs)
        ids, dates = f.articles.get(g, ((), ()))
        items[m] = Item(m, max(graphs[g]), min(ids) if ids else g.rsplit("/", 1)[-1], g, min(dates) if dates else "")
    for r, graphs in f.records.items():
        if r in items:
            continue
        graph = next(g for g in REFERENCE_SOURCES if g in graphs)
        names, born, died = graphs[graph]
        items[r] = Item(r, min(names), REFERENCE_SOURCES[graph], graph, "", born=min(born, default=""),
                        died=min(died, default=""))
    labels = {s: _commonest(v) for s, v in f.labels.items()}
    for m, post, *dates in f.holdings:
        item = items.get(m)
        if item is None:
            continue
        label = labels.get(post)
        if label is None:  # a post with no label anywhere: its IRI's last segment, and no province
            label, province = post.rsplit("/", 1)[-1], None
        else:
            province = _commonest(f.provinces[post]) if post in f.provinces else None
        item.posts.setdefault(post, label)
        if province is not None:
            item.provinces.setdefault(province, labels.get(province) or province)
        for d in dates:
            if d is not None and d[:4].isdigit():
                item.years.add(int(d[:4]))
    for item in items.values():
        item.context = f.mentions.get(item.graph, set()) & f.province_nodes
    return sorted(items.values(), key=lambda i: i.iri)


def read_items(store) -> list[Item]:
    """Every article mention and reference person in the store, with what identifies them."""
    return build_items(read_facts(store))


def read_judgements(store) -> list[tuple[str, str, str]]:
    """(judgement, a, b) triples with "same" or "different", as stored."""
    res = store.query(f"""SELECT ?a ?p ?b WHERE {{ GRAPH <{JUDGEMENTS_GRAPH}> {{ ?a ?p ?b }}
        FILTER(?p IN (<{VNKG}judgedSame>, <{VNKG}judgedDifferent>)) }}""")
    return sorted(("same" if p.value.endswith("Same") else "different", a.value, b.value) for a, p, b in res.rows)


# --- clustering ---------------------------------------------------------------------------

def _shared(a: dict[str, str], b: dict[str, str], merged: dict[str, str]) -> list[str]:
    """The provinces of ``a`` that are one of ``b``'s: the same unit, or a pre-merger unit and the
    unit it became part of (never two units merged into the same one)."""
    return sorted(p for p in a if p in b or merged.get(p) in b or any(merged.get(q) == p for q in b))


def _plausible_dates(mention: Item, record: Item) -> bool:
    """A reference person cannot be named as acting in an article from before they were 18 or after they died."""
    year = mention.date[:4]
    if not year.isdigit() or not record.reference:
        return True
    if record.died[:4].isdigit() and int(year) > int(record.died[:4]) + 1:
        return False
    if record.born[:4].isdigit() and int(year) < int(record.born[:4]) + 18:
        return False
    return True


class _Groups:
    """Union-find over one name group, refusing unions that the rules forbid. What the rules ask of
    a group (its provinces, reference records, judged-different members) is kept per root and
    merged on union, not recomputed from the members at every check: large name groups made
    that quadratic."""

    def __init__(self, items: list[Item], merged: dict[str, str], different: set[frozenset[str]]):
        self.items = items
        self.merged = merged
        self.parent = {i.iri: i.iri for i in items}
        self.members = {i.iri: [i] for i in items}
        self.basis: dict[str, tuple[str, str]] = {}
        self._provinces = {i.iri: dict(i.provinces) for i in items}
        self._records = {i.iri: [i] if i.reference else [] for i in items}
        # judged different, as member → the members it is judged different from (within this group)
        self._different: dict[str, set[str]] = defaultdict(set)
        for pair in different:
            a, b = tuple(pair) if len(pair) == 2 else (*pair, *pair)
            if a in self.parent and b in self.parent:
                self._different[a].add(b)
                self._different[b].add(a)

    def root(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def provinces(self, r: str) -> dict[str, str]:
        """The provinces of a root's members (read only)."""
        return self._provinces[r]

    def anchored(self, r: str) -> bool:
        """Whether a root's members held a post in a province or include a reference record."""
        return bool(self._provinces[r] or self._records[r])

    def compatible(self, r1: str, r2: str, *, check_provinces: bool = True) -> bool:
        a, b = self.members[r1], self.members[r2]
        ra, rb = self._records[r1], self._records[r2]
        if ra and rb:  # two records of one reference source are two people
            graphs: dict[str, str] = {}
            for m in ra + rb:
                if graphs.setdefault(m.graph, m.iri) != m.iri:
                    return False
        if self._different:
            other = None
            for x in a:
                if x.iri in self._different:
                    other = other or {y.iri for y in b}
                    if self._different[x.iri] & other:
                        return False
        # _plausible_dates(mention, record) holds whenever record is no reference record
        if rb and any(not _plausible_dates(x, y) for x in a for y in rb):
            return False
        if ra and any(not _plausible_dates(y, x) for y in b for x in ra):
            return False
        if check_provinces:
            pa, pb = self._provinces[r1], self._provinces[r2]
            if pa and pb and not _shared(pa, pb, self.merged):
                return False
        return True

    def union(self, x: Item, y: Item, basis: str, reason_x: str, reason_y: str, *, force: bool = False) -> bool:
        r1, r2 = self.root(x.iri), self.root(y.iri)
        if r1 == r2:
            return True
        if not self.compatible(r1, r2, check_provinces=not force):
            return False
        keep, drop = sorted((r1, r2))
        self.parent[drop] = keep
        self.members[keep] += self.members.pop(drop)
        self._provinces[keep].update(self._provinces.pop(drop))  # as if rebuilt from the members in order
        self._records[keep] += self._records.pop(drop)
        self.basis.setdefault(x.iri, (basis, reason_x))
        self.basis.setdefault(y.iri, (basis, reason_y))
        return True

    def roots(self) -> list[str]:
        return sorted(self.members)


def _describe(item: Item) -> str:
    return item.source if not item.reference else f"{item.source} ({item.name})"


def cluster(items: Iterable[Item], merged: dict[str, str] | None = None,
            judgements: Iterable[tuple[str, str, str]] = ()) -> Resolution:
    """Group items into persons. Pure: the same items and judgements give the same clusters."""
    merged = merged or {}
    by_key: dict[str, list[Item]] = defaultdict(list)
    for item in sorted(items, key=lambda i: i.iri):
        by_key[item.key].append(item)
    index = {i.iri: i for group in by_key.values() for i in group}
    same: list[tuple[str, str]] = []
    different: set[frozenset[str]] = set()
    problems: list[str] = []
    for verdict, a, b in sorted(judgements):
        if a not in index or b not in index:
            missing = a if a not in index else b
            problems.append(f"judgement {verdict} {a} {b}: {missing} is not in the store")
            continue
        (same.append((a, b)) if verdict == "same" else different.add(frozenset((a, b))))

    clusters: list[Cluster] = []
    ambiguous: list[Cluster] = []
    apart: list[tuple[Cluster, Cluster, str]] = []
    # Judged pairs may join different name keys ("Lê Văn A" written "Lê Văn Á"): process their groups together.
    key_of = {i.iri: k for k, g in by_key.items() for i in g}
    link: dict[str, str] = {k: k for k in by_key}

    def find(k: str) -> str:
        while link[k] != k:
            k = link[k]
        return k

    for a, b in same:
        ka, kb = sorted((find(key_of[a]), find(key_of[b])))
        link[kb] = ka
    groups: dict[str, list[Item]] = defaultdict(list)
    for k, g in by_key.items():
        groups[find(k)].extend(g)

    for k in sorted(groups):
        group = sorted(groups[k], key=lambda i: i.iri)
        g = _Groups(group, merged, different)
        for a, b in same:
            if a in g.parent and b in g.parent:
                if not g.union(index[a], index[b], "judgement", f"judged the same as {index[b].ref}",
                               f"judged the same as {index[a].ref}", force=True):
                    problems.append(f"judgement same {a} {b} contradicts another judgement; not applied")
        # Only items with posts can share one, only items with provinces a province: pairs of the
        # others make no edge. Sorted, so the order of loading never matters.
        placed = [x for x in group if x.provinces]
        posted = [(x, set(x.posts)) for x in group if x.posts]
        # Shared provinces, strongest evidence first.
        edges = []
        for i, x in enumerate(placed):
            for y in placed[i + 1:]:
                shared = _shared(x.provinces, y.provinces, merged)
                if not shared:
                    continue
                posts = x.posts.keys() & y.posts.keys()
                if posts:
                    edges.append((0, x.iri, y.iri, "same-post", x.posts[min(posts)]))
                else:
                    edges.append((1, x.iri, y.iri, "same-province", x.provinces[shared[0]]))
        for _, a, b, basis, what in sorted(edges):
            if g.root(a) == g.root(b):  # union would do nothing
                continue
            x, y = index[a], index[b]
            g.union(x, y, basis, f"{basis.replace('-', ' ')} {what} as {_describe(y)}",
                    f"{basis.replace('-', ' ')} {what} as {_describe(x)}")
        # Central posts shared by items without a conflicting province. The pairs come in the order
        # of their IRIs (the group is sorted), the order the edges were once sorted in: each is tried
        # as it comes, and only when its two ends are still apart.
        for i, (x, px) in enumerate(posted):
            rx = g.root(x.iri)  # moves only when x joins someone, below
            for y, py in posted[i + 1:]:
                if g.root(y.iri) == rx:
                    continue
                posts = px & py
                if posts:
                    what = x.posts[min(posts)]
                    if g.union(x, y, "same-post", f"same post {what} as {_describe(y)}",
                               f"same post {what} as {_describe(x)}"):
                        rx = g.root(x.iri)

        ambiguous_roots: set[str] = set()
        anchors = [r for r in g.roots() if g.anchored(r)]
        floating = [r for r in g.roots() if not g.anchored(r)]
        if not anchors and floating:
            first = floating[0]
            for r in floating[1:]:
                x, y = g.members[first][0], g.members[r][0]
                g.union(x, y, "name-only", f"same name as {_describe(y)}, nothing conflicting",
                        f"same name as {_describe(x)}, nothing conflicting")
        else:
            unresolved = []
            for r in floating:
                # Roots move as floating items join: look the anchors' current roots up each time.
                candidates = [a for a in sorted({g.root(x) for x in anchors}) if g.compatible(a, r)]
                chosen, basis, why = None, "", ""
                if len(candidates) == 1:
                    chosen, basis = candidates[0], "only-candidate"
                    why = "the only person of this name with known posts"
                elif candidates:
                    context = set().union(*(m.context for m in g.members[r]))
                    near = [a for a in candidates
                            if _shared(g.provinces(a), dict.fromkeys(context, ""), merged)]
                    if len(near) == 1:
                        chosen, basis = near[0], "article-province"
                        shared = _shared(g.provinces(near[0]), dict.fromkeys(context, ""), merged)
                        why = f"the article names {g.provinces(near[0])[shared[0]]}, where this namesake held posts"
                if chosen is None:
                    unresolved.append(r)
                    continue
                x, y = g.members[r][0], g.members[chosen][0]
                g.union(x, y, basis, why, why)
                for m in g.members[g.root(chosen)]:  # one line for every member that came with it
                    if m.iri not in g.basis:
                        g.basis[m.iri] = (basis, why)
            ambiguous_roots = set(unresolved)

        anchors = sorted({g.root(x) for x in anchors})
        found = [Cluster(sorted(g.members[r], key=lambda i: i.iri)) for r in g.roots()]
        for c in found:
            root = g.root(c.members[0].iri)
            for m in c.members:
                if m.iri in g.basis:
                    c.basis[m.iri] = g.basis[m.iri]
                elif len(found) == 1:
                    c.basis[m.iri] = ("alone", "the only person of this name")
                elif anchors and root in ambiguous_roots:
                    c.basis[m.iri] = ("ambiguous", f"{len(anchors)} namesakes with known posts; none fits better")
                else:
                    c.basis[m.iri] = ("distinct", "a namesake: no shared province or post with the others")
            (ambiguous if anchors and root in ambiguous_roots else clusters).append(c)
        if len(found) > 1:
            labels = [", ".join(sorted(set(c.provinces.values()))) for c in found]
            for i, c1 in enumerate(found):
                for j in range(i + 1, len(found)):
                    why = (f"provinces {labels[i]} vs {labels[j]}" if labels[i] and labels[j]
                           else "no shared province or post")
                    apart.append((c1, found[j], why))
    clusters += ambiguous  # ambiguous mentions still need a node of their own
    _name_clusters(clusters)
    return Resolution(sorted(clusters, key=lambda c: c.iri), ambiguous, apart, problems)


def _name_clusters(clusters: list[Cluster]) -> None:
    """Canonical names and IRIs: id/person/{slug} when the slug is one person's, else a stable suffix."""
    for c in clusters:
        names = Counter(m.name for m in c.members if not m.reference) or Counter(m.name for m in c.members)
        c.name = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    by_slug: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        by_slug[iri.slug(c.name)].append(c)
    for slug, group in by_slug.items():
        if len(group) == 1:
            group[0].iri = f"{ID}person/{slug}"
            continue
        wanted: dict[str, list[Cluster]] = defaultdict(list)
        for c in group:
            wanted[f"{slug}-{_discriminator(c)}"].append(c)
        for base, same in wanted.items():
            same.sort(key=lambda c: c.members[0].iri)
            for n, c in enumerate(same, 1):
                c.iri = f"{ID}person/{base}" + (f"-{n}" if n > 1 else "")


def _discriminator(c: Cluster) -> str:
    """The province the person held most posts in; else the Wikipedia page; else a hash of the members."""
    counts = Counter(label for m in c.members for label in m.provinces.values())
    if counts:
        return iri.slug(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0])
    wiki = sorted(m.iri.rsplit("/", 1)[-1] for m in c.members if m.graph == WIKIPEDIA_GRAPH)
    if wiki:
        return "wikipedia-" + wiki[0]
    return hashlib.sha1(c.members[0].iri.encode()).hexdigest()[:8]


# --- writing --------------------------------------------------------------------------------

def resolution_quads(res: Resolution) -> list[ox.Quad]:
    g = ox.NamedNode(RESOLUTION_GRAPH)
    node, quad, literal = ox.NamedNode, ox.Quad, ox.Literal
    a, person, name, count, integer = (node(RDF + "type"), node(SCHEMA + "Person"), node(SCHEMA + "name"),
                                       node(VNKG + "articleCount"), node(XSD + "integer"))
    resolved, basis_p, reason_p = (node(VNKG + "resolvedTo"), node(VNKG + "resolutionBasis"),
                                   node(VNKG + "resolutionReason"))
    # Made once each: a canonical IRI recurs in every link to it, a reason in many lines.
    persons: dict[str, ox.NamedNode] = {}
    texts: dict[str, ox.Literal] = {}

    def text(value: str) -> ox.Literal:
        lit = texts.get(value)
        if lit is None:
            lit = texts[value] = literal(value)
        return lit

    out: list[ox.Quad] = []
    for c in res.clusters:
        canonical = persons[c.iri] = node(c.iri)
        out.append(quad(canonical, a, person, g))
        out.append(quad(canonical, name, literal(c.name), g))
        # Precomputed for queries/people.rq: counting mentions per person live costs seconds on a
        # large store. A mention node belongs to its article's graph, so graphs count articles.
        articles = len({m.graph for m in c.members if not m.reference})
        if articles:
            out.append(quad(canonical, count, literal(str(articles), datatype=integer), g))
        for m in c.members:
            basis, reason = c.basis.get(m.iri, ("alone", ""))
            mention = node(m.iri)
            out.append(quad(mention, resolved, canonical, g))
            out.append(quad(mention, basis_p, text(basis), g))
            out.append(quad(mention, reason_p, text(reason), g))
    different = node(OWL + "differentFrom")
    for c1, c2, _ in res.apart:
        if c1.iri != c2.iri:
            out.append(quad(persons.get(c1.iri) or node(c1.iri), different, persons.get(c2.iri) or node(c2.iri), g))
    return list(dict.fromkeys(out))  # deduplicated; the order is already the clusters' (sorted)


def identity_quads(res: Resolution, facts: Facts, store) -> list[ox.Quad]:
    """The identity graph: the links ``res`` makes, and the seat conflicts that follow from them
    (found here, where every holding's facts and who is who are known: vnkg.seats)."""
    found = seats.conflicts(facts, res.canonical(), *seats.offices(store))
    return resolution_quads(res) + seats.conflict_quads(found, RESOLUTION_GRAPH)


@dataclass
class Written:
    """The graphs a load has written, with their facts merged as they come: memory grows with the
    persons and posts, as reading them back would, not with the number of articles."""

    graphs: set[str] = field(default_factory=set)
    facts: Facts = field(default_factory=Facts)
    whole: bool = True  # False once a graph was written twice: its first facts would linger

    def add(self, graph: str, facts: Facts | None) -> None:
        """A graph written, with facts (of it and of others added with none, as a load's workers
        merge a chunk's)."""
        # The merged-into links and judgements are read from the store: one graph stating them
        # (never an article's) and those must be read after the write, with everything.
        if graph in self.graphs or graph == JUDGEMENTS_GRAPH or (facts is not None and facts.states_reference):
            self.whole = False
        self.graphs.add(graph)
        if facts is not None:
            self.facts.update(facts)


@contextmanager
def _collector_paused():
    """Millions of small objects, none of them garbage: collections cost a third of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _identity(store, facts: Facts) -> tuple[Resolution, list[ox.Quad]]:
    """Who is who from these facts, and the identity graph saying so; vnkg:mergedInto, judgements
    and offices are read from ``store`` (reference data, never in a graph a load writes: Written)."""
    res = cluster(build_items(facts), _mergers(store), read_judgements(store))
    return res, identity_quads(res, facts, store)


def resolve_store(store, written: Written | None = None, writing: Callable[[], object] = lambda: None,
                  *, resolved_before: bool = False, hashes: dict[str, str] | None = None) -> Resolution:
    """Recompute every person's identity from the store's content and replace the resolution graph.

    ``written``: graphs the caller has just written, with their facts (a load, from the quads it
    wrote). When every other graph of the store is one of a few (a first load), only those are
    read back; the result is the same as reading everything, which is done otherwise.
    ``writing``: returns once the caller's last write of those graphs is done; until then only
    the other graphs are read (a load writes its last batch meanwhile).
    ``resolved_before``: the identity graph was up to date (and written by this code) before
    ``written`` were written, and they are all new articles: when they are few, resolution is
    redone only for the names they use (``_resolve_scoped``). ``hashes``: the store's article
    hashes once ``written`` are written, when the caller knows them (else they are read)."""
    with _collector_paused():
        if (resolved_before and written is not None and written.whole and len(written.graphs) <= SCOPED_MAX
                and not read_judgements(store)):
            writing()
            return _resolve_scoped(store, written, hashes)
        others = _other_graphs(store, written.graphs) if written and written.whole else None
        if others is None:
            writing()
            facts = read_facts(store)
        else:
            facts = read_facts(store, others).update(written.facts)
        res, quads = _identity(store, facts)
    writing()
    store.replace_articles({RESOLUTION_GRAPH: quads})
    store.update(f"DELETE DATA {{ {OUTDATED} }} ;\n{_stamp(store, hashes)}")
    return res


def first_resolution(written: Written, hashes: dict[str, str]) -> list[ox.Quad]:
    """The identity graph, and the stamp ``resolved_here`` checks, of a first load into an empty
    store, from the facts of the graphs it wrote (``written``, each new and whole): written with
    its articles, in one ingestion. The reference data resolution reads (offices, mergers) comes
    from a store in memory, as the load has not written it yet. The same graph as ``resolve_store``
    after writing them (tests/test_load_resolution.py)."""
    reference_only = EmbeddedStore(None)
    with _collector_paused():
        facts = read_facts(reference_only, _other_graphs(reference_only, set())).update(written.facts)
        _, quads = _identity(reference_only, facts)
    return quads + [_stamp_quad(hashes)]


def resolver_fingerprint() -> str:
    """What the identity graph is computed by: this module, seat conflicts and name folding."""
    h = hashlib.sha256()
    for name in ("resolve.py", "seats.py", "reference.py", "iri.py"):
        h.update((Path(__file__).parent / name).read_bytes())
    return h.hexdigest()[:16]


def _resolved_with(hashes: dict[str, str]) -> ox.Literal:
    """A digest of the resolution code and of the articles (IRI → content hash) it resolved."""
    h = hashlib.sha256(resolver_fingerprint().encode())
    for article, digest in sorted(hashes.items()):
        h.update(f"{article} {digest}\n".encode())
    return ox.Literal(h.hexdigest()[:32])


def _stamp_quad(hashes: dict[str, str]) -> ox.Quad:
    """What the identity graph was computed by and from (the store's article hashes)."""
    return ox.Quad(ox.NamedNode(RESOLUTION_GRAPH), ox.NamedNode(VNKG + "resolvedWith"), _resolved_with(hashes),
                   ox.NamedNode(iri.STATE_GRAPH))


def _stamp(store, hashes: dict[str, str] | None = None) -> str:
    """The update replacing the stamp (the hashes read unless the caller knows them)."""
    quad = _stamp_quad(store.article_hashes() if hashes is None else hashes)
    return (f"DELETE {{ GRAPH <{iri.STATE_GRAPH}> {{ {RESOLVED_WITH} ?v }} }} "
            f"WHERE {{ GRAPH <{iri.STATE_GRAPH}> {{ {RESOLVED_WITH} ?v }} }} ;\n" + data_updates([], [quad])[0])


def resolved_here(store, hashes: dict[str, str]) -> bool:
    """Whether the identity graph is up to date, computed by this code from exactly the articles
    with these hashes (as the store holds them: articles removed or changed by any means since
    show here)."""
    return not is_outdated(store) and bool(store.query(
        f"ASK {{ GRAPH <{iri.STATE_GRAPH}> {{ {RESOLVED_WITH} {_resolved_with(hashes)} }} }}"))


# --- a small load: resolution of the names it brought in ----------------------------------

SCOPED_MAX = 200  # articles: a load of more touches so many names that one pass over the store is faster


def _resolve_scoped(store, written: Written, hashes: dict[str, str] | None = None) -> Resolution:
    """After a load of new articles into a resolved store: resolution redone for the names those
    articles use, and the seat conflicts of the posts they or those names hold, the rest of the
    identity graph left as it is. The same graph as resolving the whole store (tests/
    test_load_resolution.py compares them): persons are clustered within their name's group, and
    canonical IRIs are shared out among the clusters of one slug, which spelling variants of a
    name share; what an item needs from elsewhere (its posts' and provinces' commonest labels, the
    province nodes) is read over the whole store."""
    slugs = {iri.slug(n) for graphs in written.facts.persons.values() for names in graphs.values() for n in names}
    f = Facts()
    items: list[Item] = []
    if slugs:
        # Every name (of persons, events…: the type is checked below, where it costs a lookup a
        # name instead of a join over all of them), the spellings of these names kept.
        names = [n for (n,) in store.query(f"SELECT DISTINCT ?name WHERE {{ GRAPH ?g {{ ?m <{SCHEMA}name> ?name }} }}").rows
                 if iri.slug(n.value) in slugs]
        graphs = {g.value for (g,) in _each(store, "name", names, f"""SELECT DISTINCT ?g WHERE {{
            GRAPH ?g {{ VALUES ?m <{SCHEMA}name> ?name ; a <{SCHEMA}Person> }} }}""")} - {RESOLUTION_GRAPH}
        for g in sorted(graphs):  # each graph's quads, as a load reads the graphs it writes
            f.update(quad_facts(store.graph_quads(g)))
        # Labels of posts and provinces as the whole store states them (the commonest wins).
        posts = sorted({post for _, post, *_ in f.holdings})
        f.labels, f.provinces = _counts(store, posts, _LABEL), _counts(store, posts, _PROVINCE)
        f.labels.update(_counts(store, sorted({_commonest(c) for c in f.provinces.values()}), _LABEL))
        f.province_nodes = {p.value for (p,) in store.query(f"SELECT DISTINCT ?p WHERE {{ ?p a <{VNKG}Province> }}").rows}
        items = [i for i in build_items(f) if iri.slug(i.name) in slugs]
    res = cluster(items, _mergers(store))
    canonical = res.canonical()

    # Seat conflicts of every post a holding of these names, or of the new articles, is of.
    posts = sorted({t[2] for t in written.facts.tenures} | {post for m, post, *_ in f.holdings if m in canonical})
    seat = Facts()
    for row in _each(store, "post", posts, _HOLDINGS.replace("GRAPH ?g {", "GRAPH ?g { VALUES", 1)):
        _add_holding(seat, row)
    offices = sorted({office for _, _, office in seat.roles})
    seat.pref_labels = {(o.value, label.value) for o, label in _each(
        store, "office", offices, f"SELECT DISTINCT ?office ?label WHERE {{ GRAPH ?g {{ VALUES ?office <{_PREF}> ?label }} }}")}
    sources = sorted({t[5] for t in seat.tenures})
    for source, date in _each(store, "s", sources, f"""SELECT ?s ?d WHERE {{
            GRAPH ?s {{ VALUES ?s a <{VNKG}Article> ; <{SCHEMA}datePublished> ?d }} }}"""):
        seat.articles.setdefault(source.value, (set(), set()))[1].add(date.value)
    known = dict(canonical)
    members = sorted({t[3] for t in seat.tenures} - canonical.keys())
    for m, c in _each(store, "m", members, f"""SELECT ?m ?c WHERE {{
            GRAPH <{RESOLUTION_GRAPH}> {{ VALUES ?m <{VNKG}resolvedTo> ?c }} }}"""):
        known[m.value] = c.value
    found = seats.conflicts(seat, known, *seats.offices(store))
    new = set(resolution_quads(res) + seats.conflict_quads(found, RESOLUTION_GRAPH))

    # What the identity graph said of the same: these items, their former canonical persons, the
    # seat conflicts of these posts' holdings.
    said = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{RESOLUTION_GRAPH}> {{ VALUES ?s ?p ?o }} }}"
    g = ox.NamedNode(RESOLUTION_GRAPH)
    old = {ox.Quad(s_, p, o, g) for s_, p, o in _each(store, "s", [i.iri for i in items], said)}
    former = sorted({q.object.value for q in old if q.predicate.value == VNKG + "resolvedTo"})
    old |= {ox.Quad(s_, p, o, g) for s_, p, o in _each(store, "s", former, said)}
    holdings = sorted({t[1] for t in seat.tenures})
    conflicts = sorted({c.value for c, _ in _each(store, "h", holdings, f"""SELECT ?c ?h WHERE {{
            GRAPH <{RESOLUTION_GRAPH}> {{ VALUES ?c <{VNKG}holding> ?h }} }}""")})
    old |= {ox.Quad(s_, p, o, g) for s_, p, o in _each(store, "s", conflicts, said)}
    parts = data_updates(sorted(old - new, key=str), sorted(new - old, key=str))
    store.update(" ;\n".join([*parts, f"DELETE DATA {{ {OUTDATED} }}", _stamp(store, hashes)]))
    return res


def _each(store, var: str, values: list, sparql: str, chunk: int = 500) -> Iterable[tuple]:
    """The rows of ``sparql`` for each of these values of ``?var``, given as data where the text
    has ``VALUES`` (terms as pyoxigraph writes them, read from the store or made by iri.py): a
    bound variable would not lead Oxigraph's plan, so each value would cost a scan."""
    for k in range(0, len(values), chunk):
        terms = [v if isinstance(v, (ox.NamedNode, ox.Literal)) else ox.NamedNode(v) for v in values[k:k + chunk]]
        yield from store.query(sparql.replace("VALUES", f"VALUES ?{var} {{ {' '.join(map(str, terms))} }}", 1)).rows


def _counts(store, nodes: list[str], predicate: str) -> dict[str, Counter]:
    """How many graphs state each value of these nodes' predicate (as read_facts counts them)."""
    out: dict[str, Counter] = {}
    for s_, o, n in _each(store, "s", nodes, f"""SELECT ?s ?o (COUNT(*) AS ?n) WHERE {{
            GRAPH ?g {{ VALUES ?s <{predicate}> ?o }} }} GROUP BY ?s ?o"""):
        out.setdefault(s_.value, Counter())[o.value] += int(n.value)
    return out


def is_outdated(store) -> bool:
    return bool(store.query(f"ASK {{ {OUTDATED} }}"))


def mark_outdated(store) -> None:
    store.update(f"INSERT DATA {{ {OUTDATED} }}")


FEW_GRAPHS = 50  # read graph by graph up to this many; beyond, one pass over the whole store is faster


def _other_graphs(store, written: set[str]) -> list[str] | None:
    """The store's graphs besides these, when they are few and the default graph is empty; else None."""
    ox_store = getattr(store, "ox", None)
    if not isinstance(ox_store, ox.Store):  # a remote store: no cheap list of graphs
        return None
    if next(iter(ox_store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        return None
    others = []
    for g in ox_store.named_graphs():
        if isinstance(g, ox.NamedNode) and g.value in written:
            continue
        if not isinstance(g, ox.NamedNode) or len(others) >= FEW_GRAPHS:
            return None
        others.append(g.value)
    return others


# --- judgements ---------------------------------------------------------------------------

def ref_to_iri(ref: str) -> str:
    """A judgements file names an item as ARTICLE_ID#Name, wikipedia:PAGE_ID, everypolitician:ID or by IRI."""
    from vnkg.graph import person_mention

    ref = ref.strip()
    if ref.startswith(("http://", "https://")):
        if ref.startswith(f"{ID}person/"):
            raise JudgementError(f"{ref}: canonical persons change as the graph grows; name a mention "
                                 "(ARTICLE_ID#Name) or a reference record instead")
        return ref
    source, sep, rest = ref.partition(":")
    if sep and source in ("wikipedia", "everypolitician") and rest:
        return f"{ID}{source}/{rest}"
    article, sep, name = ref.partition("#")
    if sep and article and name:
        return person_mention(article, name)
    raise JudgementError(f"{ref!r}: expected ARTICLE_ID#Name, wikipedia:PAGE_ID, everypolitician:ID or an IRI")


def parse_judgements(text: str) -> list[tuple[str, str, str]]:
    """CSV with a header: judgement (same|different), a, b, and optional note. Lines starting with # are comments."""
    rows = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(rows)))
    need = {"judgement", "a", "b"}
    if not reader.fieldnames or not need <= set(reader.fieldnames):
        raise JudgementError(f"the header must name the columns {', '.join(sorted(need))} (and optionally note)")
    out = []
    for n, row in enumerate(reader, 2):
        verdict = (row.get("judgement") or "").strip().lower()
        if verdict not in ("same", "different"):
            raise JudgementError(f"row {n}: judgement must be 'same' or 'different', not {verdict!r}")
        try:
            out.append((verdict, ref_to_iri(row["a"] or ""), ref_to_iri(row["b"] or "")))
        except JudgementError as e:
            raise JudgementError(f"row {n}: {e}") from None
    return out


def judgement_quads(judgements: Iterable[tuple[str, str, str]]) -> list[ox.Quad]:
    g = ox.NamedNode(JUDGEMENTS_GRAPH)
    return [ox.Quad(ox.NamedNode(a), ox.NamedNode(VNKG + ("judgedSame" if v == "same" else "judgedDifferent")),
                    ox.NamedNode(b), g) for v, a, b in sorted(set(judgements))]


def store_judgements(store, judgements: Iterable[tuple[str, str, str]]) -> int:
    """Replace the store's judgements (they live in a graph no load touches, so they survive reloads)."""
    quads = judgement_quads(judgements)
    store.replace_articles({JUDGEMENTS_GRAPH: quads})
    return len(quads)


# --- review ---------------------------------------------------------------------------------

def _summary(c: Cluster) -> str:
    provinces = ", ".join(sorted(set(c.provinces.values()))) or "no province"
    arts = c.articles
    refs = sorted({m.source for m in c.members if m.reference})
    bits = [provinces, f"{len(arts)} article(s)" + (f" {', '.join(arts[:4])}" if arts else "")]
    if refs:
        bits.append(" + ".join(refs))
    return "; ".join(bits)


def review_rows(res: Resolution, conflicts: list[dict[str, str]] | None = None) -> list[dict[str, str]]:
    """What a reviewer should look at, one row each, with refs ready for a judgements file."""
    rows: list[dict[str, str]] = []
    ambiguous = {id(c) for c in res.ambiguous}
    for c1, c2, why in res.apart:
        if id(c1) in ambiguous or id(c2) in ambiguous:
            continue
        rows.append({"kind": "kept-apart", "name": c1.name, "a": c1.members[0].ref, "b": c2.members[0].ref,
                     "detail": f"{why}: [{_summary(c1)}] vs [{_summary(c2)}]"})
    for c in res.ambiguous:
        rows.append({"kind": "ambiguous", "name": c.name, "a": c.members[0].ref, "b": "",
                     "detail": c.basis.get(c.members[0].iri, ("", ""))[1]})
    for c in res.clusters:
        weak = [m for m in c.members if c.basis.get(m.iri, ("",))[0] == "name-only"]
        if weak and len(c.articles) > 1:
            rows.append({"kind": "name-only", "name": c.name, "a": c.members[0].ref, "b": c.members[-1].ref,
                         "detail": f"joined on the name alone: {_summary(c)}"})
    by_slug: dict[str, list[Cluster]] = defaultdict(list)
    for c in res.clusters:
        by_slug[iri.slug(c.name)].append(c)
    for group in by_slug.values():
        keys = {name_key(c.name) for c in group}
        if len(keys) > 1:  # spelled alike but for diacritics: a typo or two people
            group = sorted(group, key=lambda c: c.iri)
            for c in group[1:]:
                if name_key(c.name) != name_key(group[0].name):
                    rows.append({"kind": "spelling", "name": f"{group[0].name} / {c.name}", "a": group[0].members[0].ref,
                                 "b": c.members[0].ref, "detail": f"[{_summary(group[0])}] vs [{_summary(c)}]"})
    for r in conflicts or []:
        rows.append({"kind": "seat-conflict", "name": f"{r.get('name', '')} / {r.get('other_name', '')}",
                     "a": r.get("source", ""), "b": r.get("other_source", ""),
                     "detail": f"{r.get('post_label', '')}: both current around {r.get('date', '')}"})
    order = {k: n for n, k in enumerate(("seat-conflict", "kept-apart", "ambiguous", "spelling", "name-only"))}
    return sorted(rows, key=lambda r: (order[r["kind"]], r["name"], r["a"], r["b"]))
