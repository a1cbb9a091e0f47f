"""Seat conflicts: two different persons in one single-seat post at once, as the sources report it.

Found at identity resolution (vnkg.resolve), which knows who is who and already holds every
holding's facts, and written into its graph as ``vnkg:SeatConflict`` nodes that the ``conflicts``
query reads: found live, the pairs cost two passes over every holding of the store on each call.

The rule, per post (a pair of holdings ``h1``, ``h2`` of it, as stated in their own graphs):
- the post's office is single-seat: ``vnkg:singleSeat true`` in the reference graph, or, for an
  office outside the vocabulary, no label starting with a prefix of offices several persons hold
  at once (``vnkg:multiSeatPrefix``, graph/offices.ttl);
- their canonical persons differ (``h1``'s sorts first, so each pair is found once);
- each has a known period: in office ("current") or with a stated end; it starts at the stated
  start, else at the report's date; it ends at the stated end, else, when in office, never if the
  start is stated, and on the report's day if not;
- the periods overlap by month (sources giving a month only, or differing by days at a hand-over,
  are no conflict), or both start on the same stated day. Its date: the later start.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from itertools import product

import pyoxigraph as ox

from vnkg import iri
from vnkg.iri import RDF, VNKG

_NONE = (None,)


def offices(store) -> tuple[dict[str, bool], list[str]]:
    """The reference graph's single-seat flags by office, and its multi-seat title prefixes."""
    graph = iri.REFERENCE_GRAPH
    flags = {o.value: v.value in ("true", "1") for o, v in store.query(
        f"SELECT ?o ?v WHERE {{ GRAPH <{graph}> {{ ?o <{VNKG}singleSeat> ?v }} }}").rows}
    prefixes = sorted({p.value for (p,) in store.query(
        f"SELECT ?p WHERE {{ GRAPH <{graph}> {{ ?s <{VNKG}multiSeatPrefix> ?p }} }}").rows})
    return flags, prefixes


def conflicts(facts, canonical: dict[str, str], flags: dict[str, bool], prefixes: list[str]) -> set[tuple[str, str, str]]:
    """(first holding, second holding, date) for every seat conflict in these facts (vnkg.resolve.Facts)."""
    labels: dict[str, list[str]] = defaultdict(list)
    for node, label in facts.pref_labels:
        labels[node].append(label)
    single = {}
    for _, _, office in facts.roles:
        if office not in single:
            flag = flags.get(office)
            single[office] = flag if flag is not None else not any(
                label.startswith(p) for label in labels.get(office, ()) for p in prefixes)
    single_seat_in = {(g, post) for g, post, office in facts.roles if single[office]}

    # Every known period of every holding, by post: (holding, person, start, end, a single seat?)
    periods: dict[str, set[tuple]] = defaultdict(set)
    for g, h, post, member, status, source, sd, sp, ed, ep in facts.tenures:
        person = canonical.get(member, member)
        # the report's date: the source's, when it is an article (only articles state one)
        for pub in facts.articles.get(source, ((), ()))[1] or _NONE:
            end = ed if ed is not None else ep
            if status != "current" and end is None:
                continue
            start = next((x for x in (sd, sp, pub) if x is not None), None)
            if start is None:
                continue
            if end is None:
                end = "9999" if status == "current" and (sd is not None or sp is not None) else start
            periods[post].add((h, person, start, end, (g, post) in single_seat_in))

    found = set()
    for ps in periods.values():
        for (h1, p1, from1, to1, seat), (h2, p2, from2, to2, _) in product(ps, ps):
            if seat and p1 < p2 and ((from1[:7] < to2[:7] and from2[:7] < to1[:7])
                                     or (len(from1) == 10 and from1 == from2)):
                found.add((h1, h2, max(from1, from2)))
    return found


def conflict_quads(found: set[tuple[str, str, str]], graph: str) -> list[ox.Quad]:
    g, node, literal = ox.NamedNode(graph), ox.NamedNode, ox.Literal
    a, cls = node(RDF + "type"), node(VNKG + "SeatConflict")
    first, second, date = node(VNKG + "holding"), node(VNKG + "otherHolding"), node(VNKG + "overlapFrom")
    out = []
    for h1, h2, when in sorted(found):
        c = node(iri.ID + "seat-conflict/" + hashlib.sha1(f"{h1} {h2} {when}".encode()).hexdigest()[:16])
        out += [ox.Quad(c, a, cls, g), ox.Quad(c, first, node(h1), g), ox.Quad(c, second, node(h2), g),
                ox.Quad(c, date, literal(when), g)]
    return out
