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
"""
from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from vnkg import iri
from vnkg.iri import ID, RDF, SCHEMA, VNKG, XSD
from vnkg.reference import fold

RESOLUTION_GRAPH = "https://w3id.org/vnkg/graph/resolution"
JUDGEMENTS_GRAPH = "https://w3id.org/vnkg/graph/judgements"
WIKIPEDIA_GRAPH = "https://w3id.org/vnkg/graph/wikipedia-officials"
EVERYPOLITICIAN_GRAPH = "https://w3id.org/vnkg/graph/everypolitician-na13"
REFERENCE_SOURCES = {WIKIPEDIA_GRAPH: "wikipedia", EVERYPOLITICIAN_GRAPH: "everypolitician"}
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


def read_items(store) -> list[Item]:
    """Every article mention and reference person in the store, with what identifies them."""
    items: dict[str, Item] = {}
    res = store.query(f"""SELECT ?m ?name ?g ?id ?published WHERE {{
        GRAPH ?g {{ ?g a <{VNKG}Article> . ?m a <{SCHEMA}Person> ; <{SCHEMA}name> ?name .
                    OPTIONAL {{ ?g <{SCHEMA}identifier> ?id }} OPTIONAL {{ ?g <{SCHEMA}datePublished> ?published }} }} }}""")
    for m, name, g, ident, published in res.rows:
        source = ident.value if ident else g.value.rsplit("/", 1)[-1]
        items.setdefault(m.value, Item(m.value, name.value, source, g.value, published.value if published else ""))
    for graph, short in REFERENCE_SOURCES.items():
        res = store.query(f"""SELECT ?r ?name ?born ?died WHERE {{ GRAPH <{graph}> {{
            ?r a <{SCHEMA}Person> ; <{SCHEMA}name> ?name .
            OPTIONAL {{ ?r <{SCHEMA}birthDate> ?born }} OPTIONAL {{ ?r <{SCHEMA}deathDate> ?died }} }} }}""")
        for r, name, born, died in res.rows:
            items.setdefault(r.value, Item(r.value, name.value, short, graph, "", born=born.value if born else "",
                                           died=died.value if died else ""))
    # Posts apart from holdings, DISTINCT: a post is restated in every graph that uses it, and
    # joining its labels across the union would multiply rows by that number of graphs.
    # One pattern per query, no joins: a post (and its label) is restated in every graph that uses
    # it, so joining them across the union would multiply rows by the number of graphs, squared.
    labels = {s_.value: o.value for s_, o in store.query(
        f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{iri.RDFS}label> ?o }}").rows}
    post_province = {s_.value: o.value for s_, o in store.query(
        f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{VNKG}province> ?o }}").rows}
    posts: dict[str, tuple[str, str | None, str | None]] = {}
    for post, label in labels.items():
        province = post_province.get(post)
        posts[post] = (label, province, labels.get(province, province) if province else None)
    # Each holding inside its own graph (vnkg:post is said of holdings only): no type check, no DISTINCT.
    res = store.query(f"""SELECT ?m ?post ?start ?startp ?end ?endp WHERE {{ GRAPH ?g {{
        ?h <{VNKG}post> ?post ; <http://www.w3.org/ns/org#member> ?m .
        OPTIONAL {{ ?h <{SCHEMA}startDate> ?start }} OPTIONAL {{ ?h <{VNKG}startPeriod> ?startp }}
        OPTIONAL {{ ?h <{SCHEMA}endDate> ?end }} OPTIONAL {{ ?h <{VNKG}endPeriod> ?endp }} }} }}""")
    for m, post, *dates in res.rows:
        item = items.get(m.value)
        if item is None:
            continue
        label, province, plabel = posts.get(post.value, (post.value.rsplit("/", 1)[-1], None, None))
        item.posts.setdefault(post.value, label)
        if province is not None:
            item.provinces.setdefault(province, plabel or province)
        for d in dates:
            if d is not None and d.value[:4].isdigit():
                item.years.add(int(d.value[:4]))
    # From the (few) provinces to the articles that mention them: 7 times faster than the other way.
    res = store.query(f"""SELECT ?g ?p WHERE {{ ?p a <{VNKG}Province> . GRAPH ?g {{ ?g <{SCHEMA}mentions> ?p }} }}""")
    context: dict[str, set[str]] = defaultdict(set)
    for g, p in res.rows:
        context[g.value].add(p.value)
    for item in items.values():
        item.context = context.get(item.graph, set())
    return sorted(items.values(), key=lambda i: i.iri)


def read_judgements(store) -> list[tuple[str, str, str]]:
    """(judgement, a, b) triples with "same" or "different", as stored."""
    res = store.query(f"""SELECT ?a ?p ?b WHERE {{ GRAPH <{JUDGEMENTS_GRAPH}> {{ ?a ?p ?b }}
        FILTER(?p IN (<{VNKG}judgedSame>, <{VNKG}judgedDifferent>)) }}""")
    return sorted(("same" if p.value.endswith("Same") else "different", a.value, b.value) for a, p, b in res.rows)


# --- clustering ---------------------------------------------------------------------------

def _same_province(p: str, q: str, merged: dict[str, str]) -> bool:
    """A pre-merger unit matches the unit it became part of, never the other units merged into it."""
    return p == q or merged.get(p) == q or merged.get(q) == p


def _shared(a: dict[str, str], b: dict[str, str], merged: dict[str, str]) -> list[str]:
    return sorted(p for p in a if any(_same_province(p, q, merged) for q in b))


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
    """Union-find over one name group, refusing unions that the rules forbid."""

    def __init__(self, items: list[Item], merged: dict[str, str], different: set[frozenset[str]]):
        self.items = items
        self.merged = merged
        self.different = different
        self.parent = {i.iri: i.iri for i in items}
        self.members = {i.iri: [i] for i in items}
        self.basis: dict[str, tuple[str, str]] = {}

    def root(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def provinces(self, r: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for m in self.members[r]:
            out.update(m.provinces)
        return out

    def compatible(self, r1: str, r2: str, *, check_provinces: bool = True) -> bool:
        a, b = self.members[r1], self.members[r2]
        refs: dict[str, str] = {}
        for m in a + b:  # two records of one reference source are two people
            if m.reference and refs.setdefault(m.graph, m.iri) != m.iri:
                return False
        if any(frozenset((x.iri, y.iri)) in self.different for x in a for y in b):
            return False
        if any(not _plausible_dates(x, y) or not _plausible_dates(y, x) for x in a for y in b):
            return False
        if check_provinces:
            pa, pb = self.provinces(r1), self.provinces(r2)
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
        # Shared provinces, strongest evidence first; sorted, so the order of loading never matters.
        edges = []
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                shared = _shared(x.provinces, y.provinces, merged)
                if not shared:
                    continue
                posts = sorted(set(x.posts) & set(y.posts))
                if posts:
                    edges.append((0, x.iri, y.iri, "same-post", x.posts[posts[0]]))
                else:
                    edges.append((1, x.iri, y.iri, "same-province", x.provinces[shared[0]]))
        for _, a, b, basis, what in sorted(edges):
            x, y = index[a], index[b]
            g.union(x, y, basis, f"{basis.replace('-', ' ')} {what} as {_describe(y)}",
                    f"{basis.replace('-', ' ')} {what} as {_describe(x)}")
        # Central posts shared by items without a conflicting province.
        edges = []
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                posts = sorted(p for p in set(x.posts) & set(y.posts))
                if posts:
                    edges.append((x.iri, y.iri, x.posts[posts[0]]))
        for a, b, what in sorted(edges):
            x, y = index[a], index[b]
            g.union(x, y, "same-post", f"same post {what} as {_describe(y)}", f"same post {what} as {_describe(x)}")

        def anchored(r: str) -> bool:
            return bool(g.provinces(r)) or any(m.reference for m in g.members[r])

        ambiguous_roots: set[str] = set()
        anchors = [r for r in g.roots() if anchored(r)]
        floating = [r for r in g.roots() if not anchored(r)]
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
        for i, c1 in enumerate(found):
            for c2 in found[i + 1:]:
                p1, p2 = c1.provinces, c2.provinces
                why = (f"provinces {', '.join(sorted(set(p1.values())))} vs {', '.join(sorted(set(p2.values())))}"
                       if p1 and p2 else "no shared province or post")
                apart.append((c1, c2, why))
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
    out: list[ox.Quad] = []

    def add(s, p, o):
        out.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o if not isinstance(o, str) else ox.NamedNode(o), g))

    for c in res.clusters:
        add(c.iri, RDF + "type", SCHEMA + "Person")
        add(c.iri, SCHEMA + "name", ox.Literal(c.name))
        # Precomputed for queries/people.rq: counting mentions per person live costs seconds on a
        # large store. A mention node belongs to its article's graph, so graphs count articles.
        articles = len({m.graph for m in c.members if not m.reference})
        if articles:
            add(c.iri, VNKG + "articleCount", ox.Literal(str(articles), datatype=ox.NamedNode(XSD + "integer")))
        for m in c.members:
            basis, reason = c.basis.get(m.iri, ("alone", ""))
            add(m.iri, VNKG + "resolvedTo", c.iri)
            add(m.iri, VNKG + "resolutionBasis", ox.Literal(basis))
            add(m.iri, VNKG + "resolutionReason", ox.Literal(reason))
    for c1, c2, _ in res.apart:
        if c1.iri != c2.iri:
            add(c1.iri, OWL + "differentFrom", c2.iri)
    return list(dict.fromkeys(out))  # deduplicated; the order is already the clusters' (sorted)


def resolve_store(store) -> Resolution:
    """Recompute every person's identity from the store's content and replace the resolution graph."""
    res = cluster(read_items(store), _mergers(store), read_judgements(store))
    store.replace_articles({RESOLUTION_GRAPH: resolution_quads(res)})
    return res


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
