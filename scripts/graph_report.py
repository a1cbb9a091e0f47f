"""Counts that show how well one graph across articles holds together, for one store.

    .venv/bin/python scripts/graph_report.py --store PATH

Persons (canonical, one per real person), mentions behind them, posts, holdings (news and
reference), persons linked to Wikipedia, persons named in several articles, namesakes kept
apart, ambiguous mentions, and seat conflicts (the conflicts query).
"""
from __future__ import annotations

import argparse
import time

from vnkg import queries
from vnkg.iri import ID, ORG, VNKG
from vnkg.resolve import EVERYPOLITICIAN_GRAPH, WIKIPEDIA_GRAPH, _mergers, cluster, read_items, read_judgements
from vnkg.store import open_store


def count(store, sparql: str) -> int:
    return int(store.query(sparql).rows[0][0].value)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--no-conflicts", action="store_true",
                    help="skip the conflicts query (slow on the bulk corpus: a self-join of every post's holdings)")
    args = ap.parse_args()
    t = time.time()
    store = open_store(args.store, read_only=True)
    res = cluster(read_items(store), _mergers(store), read_judgements(store))
    news = [c for c in res.clusters if c.articles]
    linked = [c for c in news if any(m.graph == WIKIPEDIA_GRAPH for m in c.members)]
    ep = [c for c in news if any(m.graph == EVERYPOLITICIAN_GRAPH for m in c.members)]
    q = queries.get("conflicts")
    conflicts = [] if args.no_conflicts else store.query(q.sparql, q.bindings({})).dicts()
    news_conflicts = [r for r in conflicts if r["source"].startswith(ID) or r["other_source"].startswith(ID)]
    rows = {
        "articles": count(store, f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH ?a {{ ?a a <{VNKG}Article> }} }}"),
        "person mentions (article-scoped)": sum(1 for c in res.clusters for m in c.members if not m.reference),
        "reference person records": sum(1 for c in res.clusters for m in c.members if m.reference),
        "persons (canonical)": len(res.clusters),
        "persons named in the news": len(news),
        "  of them in 2+ articles": sum(1 for c in news if len(c.articles) > 1),
        "  linked to Wikipedia": len(linked),
        "  linked to EveryPolitician (NA13)": len(ep),
        "namesake pairs kept apart": len(res.apart),
        "ambiguous mentions (several namesakes)": len(res.ambiguous),
        "posts": count(store, f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?p a <{ORG}Post> }}"),
        "holdings (all sources)": count(store, f"SELECT (COUNT(DISTINCT ?h) AS ?n) WHERE {{ ?h a <{VNKG}PostHolding> }}"),
        "holdings from news": count(store, f"SELECT (COUNT(DISTINCT ?h) AS ?n) WHERE {{ GRAPH ?g {{ ?g a <{VNKG}Article> . ?h a <{VNKG}PostHolding> }} }}"),
    }
    if not args.no_conflicts:
        rows["seat conflicts (all)"] = len(conflicts)
        rows["seat conflicts involving news"] = len(news_conflicts)
    width = max(map(len, rows))
    for k, v in rows.items():
        print(f"{k:<{width}}  {v}")
    print(f"({time.time() - t:.1f} s; store {args.store})")


if __name__ == "__main__":
    main()
