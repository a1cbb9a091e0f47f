"""Network analysis with networkx over projections built from query rows, and layouts for views.

The projections are built from the rows of queries/network-holdings.rq and
queries/network-participations.rq, never from the whole store (rdflib_to_networkx on a
million triples takes 1.7 GB: docs TOOLS.md). Persons are nodes ``person`` IRIs; posts and
events keep their IRIs; every edge keeps the article and evidence that state it.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import networkx as nx

from vnkg import queries
from vnkg.queries import QueryError

PROJECTIONS = ("both", "post", "event")
EXACT_BETWEENNESS_MAX = 1500  # beyond this many nodes betweenness is sampled (exact on 5k nodes: 420 s)


# ---------------------------------------------------------------------------------------------
# Projections


def fetch(store, projection: str = "both") -> tuple[list[dict], list[dict]]:
    """The holding and participation rows a projection needs."""
    if projection not in PROJECTIONS:
        raise QueryError(f"unknown projection {projection!r} (one of {', '.join(PROJECTIONS)})")
    holdings = participations = []
    if projection in ("both", "post"):
        # Sorted here, not by the query: ORDER BY on IRIs decodes them at every comparison (most
        # of the query's time on the bulk store); the order (person, post, article, then the rest) makes every
        # projection, layout and export the same from one run to the next.
        holdings = sorted(store.query(queries.get("network-holdings").sparql).dicts(),
                          key=lambda r: (r["person"], r["post"], r["source"], *r.values()))
    if projection in ("both", "event"):
        participations = store.query(queries.get("network-participations").sparql).dicts()
    return holdings, participations


def bipartite(holdings: Iterable[Mapping[str, str]] = (), participations: Iterable[Mapping[str, str]] = ()
              ) -> nx.Graph:
    """Persons on one side, posts and events on the other; one edge per person–post or person–event
    pair, with how many articles state it (``weight``) and one of the sources and sentences."""
    g = nx.Graph()
    for r in holdings:
        _add_person(g, r)
        g.add_node(r["post"], kind="Post", label=r.get("post_label") or _short(r["post"]),
                   province=r.get("province_label", ""))
        _add_link(g, r["person"], r["post"], r, kind="holds")
    for r in participations:
        _add_person(g, r)
        label = event_label(r)
        g.add_node(r["event"], kind="Event", label=label, date=r.get("event_date", ""),
                   province=r.get("province_label", ""))
        _add_link(g, r["person"], r["event"], r, kind=r.get("role") or "attendee")
    return g


def _add_person(g: nx.Graph, r: Mapping[str, str]) -> None:
    if r["person"] not in g:
        g.add_node(r["person"], kind="Person", label=r.get("name") or _short(r["person"]))


def _add_link(g: nx.Graph, person: str, other: str, r: Mapping[str, str], kind: str) -> None:
    if g.has_edge(person, other):
        d = g.edges[person, other]
        if r.get("source") not in d["sources"]:
            d["sources"].add(r.get("source"))
            d["weight"] = len(d["sources"])
        return
    g.add_edge(person, other, kind=kind, weight=1, sources={r.get("source")}, source=r.get("source", ""),
               evidence=r.get("evidence", ""))


def persons(g: nx.Graph) -> list[str]:
    return [n for n, k in g.nodes(data="kind") if k == "Person"]


def co_graph(g: nx.Graph) -> nx.Graph:
    """The person–person projection: two persons linked when they share a post or an event, weighted
    by how many they share."""
    p = nx.Graph()
    for n in persons(g):
        p.add_node(n, **g.nodes[n])
    for other, kind in g.nodes(data="kind"):
        if kind == "Person":
            continue
        members = [m for m in g[other] if g.nodes[m].get("kind") == "Person"]
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if p.has_edge(a, b):
                    p.edges[a, b]["weight"] += 1
                    p.edges[a, b]["shared"].append(other)
                else:
                    p.add_edge(a, b, weight=1, shared=[other])
    return p


# ---------------------------------------------------------------------------------------------
# Analyses: each returns (columns, rows of strings) for vnkg.output.write_rows


def centrality(g: nx.Graph, top: int | None = 20, seed: int = 1) -> tuple[list[str], list[dict[str, str]]]:
    """Per person: posts and events (degree in the bipartite graph), co-members (degree in the
    person projection), betweenness and PageRank in the bipartite graph. Betweenness is exact up to
    EXACT_BETWEENNESS_MAX nodes and sampled (k=200, fixed seed) beyond."""
    cols = ["person", "name", "posts", "events", "co_members", "betweenness", "pagerank"]
    people = persons(g)
    if not people:
        return cols, []
    k = None if g.number_of_nodes() <= EXACT_BETWEENNESS_MAX else min(200, g.number_of_nodes())
    between = nx.betweenness_centrality(g, k=k, seed=seed, normalized=True)
    rank = nx.pagerank(g, weight="weight") if g.number_of_edges() else {n: 0.0 for n in g}
    co = co_graph(g)
    rows = []
    for n in people:
        kinds = Counter(g.nodes[m].get("kind") for m in g[n])
        rows.append({"person": n, "name": g.nodes[n]["label"], "posts": str(kinds["Post"]),
                     "events": str(kinds["Event"]), "co_members": str(co.degree(n)),
                     "betweenness": f"{between[n]:.4f}", "pagerank": f"{rank[n]:.4f}",
                     "_sort": (between[n], rank[n])})
    rows.sort(key=lambda r: (-r["_sort"][0], -r["_sort"][1], r["name"]))
    for r in rows:
        del r["_sort"]
    return cols, rows[:top] if top else rows


def communities(g: nx.Graph, seed: int = 1, min_size: int = 2) -> tuple[list[str], list[dict[str, str]]]:
    """Louvain communities (fixed seed) of the weighted person projection: one row per community,
    largest first, with its members (most connected first) and the posts and events they share most."""
    cols = ["community", "size", "members", "shared"]
    co = co_graph(g)
    co.remove_nodes_from([n for n in list(co) if co.degree(n) == 0])
    if co.number_of_nodes() == 0:
        return cols, []
    found = nx.community.louvain_communities(co, weight="weight", seed=seed)
    found = sorted((c for c in found if len(c) >= min_size), key=lambda c: (-len(c), min(c)))
    rows = []
    for i, members in enumerate(found, 1):
        ordered = sorted(members, key=lambda n: (-co.degree(n, weight="weight"), co.nodes[n]["label"]))
        shared = Counter(o for a in members for o in g[a] if g.nodes[o].get("kind") != "Person")
        common = [g.nodes[o]["label"] for o, c in shared.most_common(5) if c > 1]
        rows.append({"community": str(i), "size": str(len(members)),
                     "members": "; ".join(co.nodes[n]["label"] for n in ordered),
                     "shared": "; ".join(common)})
    return cols, rows


def find_person(g: nx.Graph, name: str) -> str:
    """A person node by IRI or name (case-insensitive); one-line error when absent or ambiguous."""
    if name in g and g.nodes[name].get("kind") == "Person":
        return name
    hits = sorted({n for n in persons(g) if g.nodes[n]["label"].casefold() == name.strip().casefold()})
    if not hits:
        raise QueryError(f"no person named {name!r} holds a post or took part in an event in the store")
    if len(hits) > 1:
        raise QueryError(f"{name!r} names {len(hits)} persons: {', '.join(hits)}; give the IRI")
    return hits[0]


def path(g: nx.Graph, a: str, b: str) -> tuple[list[str], list[dict[str, str]]]:
    """The shortest chain of shared posts and events from person a to person b, one row per step,
    each with the article and sentence that link it."""
    cols = ["step", "node", "label", "kind", "link", "source", "evidence"]
    start, end = find_person(g, a), find_person(g, b)
    try:
        nodes = nx.shortest_path(g, start, end)
    except nx.NetworkXNoPath:
        raise QueryError(f"no chain of shared posts or events links {a!r} and {b!r}") from None
    rows = []
    for i, n in enumerate(nodes):
        e = g.edges[nodes[i - 1], n] if i else {}
        rows.append({"step": str(i), "node": n, "label": g.nodes[n]["label"], "kind": g.nodes[n]["kind"],
                     "link": e.get("kind", ""), "source": e.get("source", ""), "evidence": e.get("evidence", "")})
    return cols, rows


def co_attendance(participations: Iterable[Mapping[str, str]], min_events: int = 1, top: int | None = None
                  ) -> tuple[list[str], list[dict[str, str]]]:
    """Pairs of persons who took part in the same events: how many, which, first and last date."""
    cols = ["person_a", "name_a", "person_b", "name_b", "events", "first", "last", "titles"]
    attended: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    events: dict[str, tuple[str, str]] = {}
    for r in participations:
        attended[r["event"]].add(r["person"])
        names.setdefault(r["person"], r.get("name", ""))
        label = event_label(r)
        events.setdefault(r["event"], (label, r.get("event_date") or r.get("date", "")))
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for ev, people in attended.items():
        ordered = sorted(people)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                pairs[a, b].append(ev)
    rows = []
    for (a, b), evs in pairs.items():
        if len(evs) < min_events:
            continue
        dates = sorted(d for d in (events[e][1] for e in evs) if d)
        rows.append({"person_a": a, "name_a": names[a], "person_b": b, "name_b": names[b], "events": str(len(evs)),
                     "first": dates[0] if dates else "", "last": dates[-1] if dates else "",
                     "titles": "; ".join(sorted({events[e][0] for e in evs}))})
    rows.sort(key=lambda r: (-int(r["events"]), r["name_a"], r["name_b"]))
    return cols, rows[:top] if top else rows


# ---------------------------------------------------------------------------------------------
# Export for Gephi and other tools


def export_graph(holdings: Iterable[Mapping[str, str]], participations: Iterable[Mapping[str, str]]) -> nx.MultiDiGraph:
    """Persons, posts, organisations, provinces and events, with one edge per holding and per
    participation as each article states it. Holding edges carry ``start`` and ``end`` (ISO dates)
    so Gephi's timeline can show who held what when: start is the stated start, else the article's
    date for a current holding; end is the stated end, else the article's date for a former holding
    (it had ended by then); a current holding with no end stays open."""
    g = nx.MultiDiGraph()

    def node(iri: str, kind: str, label: str, **attrs) -> None:
        if iri and iri not in g:
            g.add_node(iri, kind=kind, label=label or _short(iri), **{k: v for k, v in attrs.items() if v})

    for r in holdings:
        node(r["person"], "Person", r.get("name", ""))
        node(r["post"], "Post", r.get("post_label", ""))
        node(r.get("organization", ""), "Organization", r.get("organization_label", ""))
        node(r.get("province", ""), "Province", r.get("province_label", ""))
        if r.get("organization") and not g.has_edge(r["post"], r["organization"]):
            g.add_edge(r["post"], r["organization"], kind="post in")
        if r.get("province") and not g.has_edge(r["post"], r["province"]):
            g.add_edge(r["post"], r["province"], kind="in province")
        start = _full_date(r.get("start")) or (_full_date(r.get("date")) if r.get("status") == "current" else "")
        end = _full_date(r.get("end"), last=True) or (_full_date(r.get("date")) if r.get("status") == "former" else "")
        if start and end and end < start:
            end = ""
        attrs = {"kind": "holds", "status": r.get("status", ""), "term": r.get("term", ""), "start": start,
                 "end": end, "source": r.get("source", ""), "evidence": r.get("evidence", "")}
        g.add_edge(r["person"], r["post"], key=r.get("holding") or None, **{k: v for k, v in attrs.items() if v})
    for r in participations:
        node(r["person"], "Person", r.get("name", ""))
        label = event_label(r)
        when = _full_date(r.get("event_date")) or _full_date(r.get("date"))
        node(r["event"], "Event", label, start=when, end=when)
        node(r.get("province", ""), "Province", r.get("province_label", ""))
        if r.get("province") and not g.has_edge(r["event"], r["province"]):
            g.add_edge(r["event"], r["province"], kind="held in")
        attrs = {"kind": r.get("role") or "attendee", "start": when, "end": when, "source": r.get("source", ""),
                 "evidence": r.get("evidence", "")}
        g.add_edge(r["person"], r["event"], key=r.get("participation") or None,
                   **{k: v for k, v in attrs.items() if v})
    return g


def write_network(g: nx.MultiDiGraph, fmt: str, path) -> None:
    if fmt == "graphml":
        nx.write_graphml(g, path)
    elif fmt == "gexf":
        # Dynamic mode: networkx writes node and edge `start`/`end` as GEXF spells, Gephi's timeline.
        g = g.copy()
        g.graph["mode"] = "dynamic"
        nx.write_gexf(g, path)
    else:
        raise QueryError(f"unknown network format {fmt!r} (graphml or gexf)")


def _full_date(value: str | None, last: bool = False) -> str:
    """ISO date, year-month or year → a full date (first or last day), else ""."""
    v = (value or "").strip()[:10]
    if len(v) == 10:
        return v
    if len(v) == 7:
        if not last:
            return v + "-01"
        y, m = int(v[:4]), int(v[5:7])
        days = [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return f"{v}-{days[m - 1]:02d}"
    if len(v) == 4 and v.isdigit():
        return v + ("-12-31" if last else "-01-01")
    return ""


def event_label(r: Mapping[str, str]) -> str:
    """Type and title, without the type twice ("Hội nghị" + "Hội nghị lần thứ 3")."""
    kind, title = r.get("type", ""), r.get("title", "")
    if title and kind and title.casefold().startswith(kind.casefold()):
        return title
    return " ".join(x for x in (kind, title) if x) or _short(r.get("event", ""))


def _short(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


# ---------------------------------------------------------------------------------------------
# Layout for views


def layout(node_ids: list[str], edges: Iterable[tuple[str, str]], seed: int = 1, spacing: float = 90.0
           ) -> dict[str, tuple[float, float]]:
    """Positions (pixels) for a view: each connected component laid out on its own with a force model,
    then the components packed in rows, largest first. Small components use networkx's
    spring_layout; large ones a vectorised ForceAtlas2-like model whose repulsion only acts within a
    cut-off radius (neighbours from a k-d tree): about 1 s for 2,000 nodes where networkx's
    spring_layout takes 20 s."""
    g = nx.Graph()
    g.add_nodes_from(node_ids)
    g.add_edges_from((a, b) for a, b in edges if a != b)
    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    placed: list[tuple[list[str], list[tuple[float, float]], float]] = []
    for comp in comps:
        nodes = sorted(comp)
        if len(nodes) == 1:
            coords = [(0.0, 0.0)]
        elif len(nodes) <= 300:
            sub = g.subgraph(nodes)
            pos = nx.spring_layout(sub, seed=seed, iterations=80, k=1.0 / math.sqrt(len(nodes)) * 1.6)
            coords = [tuple(pos[n]) for n in nodes]
        else:
            coords = _force_cutoff(nodes, g.subgraph(nodes).edges(), seed)
        coords = _normalise(coords, spacing * math.sqrt(len(nodes)) * 0.9 + spacing * 0.5)
        placed.append((nodes, coords, _extent(coords)))
    return _pack(placed, spacing)


def _normalise(coords, size: float):
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    w = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    f = size / w if len(coords) > 1 else 0.0
    return [((x - cx) * f, (y - cy) * f) for x, y in coords]


def _extent(coords) -> float:
    return max((max(abs(x), abs(y)) for x, y in coords), default=0.0)


def _pack(placed, spacing: float) -> dict[str, tuple[float, float]]:
    """Shelf packing: components left to right in rows about as wide as the whole is tall."""
    total = sum((2 * r + spacing) ** 2 for _, _, r in placed)
    row_width = max(math.sqrt(total) * 1.2, 2 * placed[0][2] + spacing) if placed else 0
    out: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for nodes, coords, r in placed:
        box = 2 * r + spacing
        if x > 0 and x + box > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for n, (px, py) in zip(nodes, coords):
            out[n] = (round(x + r + px, 1), round(y + r + py, 1))
        x += box
        row_h = max(row_h, box)
    return out


def _force_cutoff(nodes: list[str], edges, seed: int, iterations: int = 60) -> list[tuple[float, float]]:
    """ForceAtlas2-like: repulsion grows with both degrees (hubs get room for their leaves), linear
    attraction, hubs move less; repulsion acts only within a cut-off radius, found with a k-d tree."""
    import numpy as np
    from scipy.spatial import cKDTree

    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    e = np.array([(index[a], index[b]) for a, b in edges], dtype=np.int64).reshape(-1, 2)
    deg = np.bincount(e.ravel(), minlength=n) + 1.0
    rng = np.random.default_rng(seed)
    side = math.sqrt(deg.sum())
    pos = rng.random((n, 2)) * side
    temp = side / 6
    cool = (0.02 / temp) ** (1 / iterations)
    for _ in range(iterations):
        disp = np.zeros((n, 2))
        pairs = cKDTree(pos).query_pairs(3.0, output_type="ndarray")
        if len(pairs):
            d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist2 = np.maximum((d * d).sum(1), 1e-4)
            f = d * (deg[pairs[:, 0]] * deg[pairs[:, 1]] / dist2)[:, None]
            for axis in (0, 1):
                disp[:, axis] += np.bincount(pairs[:, 0], f[:, axis], n) - np.bincount(pairs[:, 1], f[:, axis], n)
        if len(e):
            d = pos[e[:, 0]] - pos[e[:, 1]]
            for axis in (0, 1):
                disp[:, axis] += np.bincount(e[:, 1], d[:, axis], n) - np.bincount(e[:, 0], d[:, axis], n)
        disp -= (pos - pos.mean(0)) * 0.01 * deg[:, None]  # gravity: what the cut-off ignores stays close
        disp /= deg[:, None]
        length = np.sqrt(np.maximum((disp * disp).sum(1), 1e-12))
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp *= cool
    return [tuple(p) for p in pos.tolist()]
