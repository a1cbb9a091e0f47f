"""Graph views as self-contained HTML (pyvis with vis-network inlined; no CDN).

Views draw what ``vnkg.subgraph`` fetched through queries; they never query a store.
"""
from __future__ import annotations

import html
import re

from vnkg import subgraph

_CDN = re.compile(r'<(?:link|script)[^>]+(?:https?:)?//[^>]+>(?:</script>)?\s*', re.I)
COLOURS = {"Person": "#e15759", "Post": "#4e79a7", "Organization": "#59a14f", "Province": "#f28e2b",
           "Document": "#b07aa1", "Event": "#edc948", "Article": "#bab0ac", "Other": "#9c9c9c"}


def render_html(sub: subgraph.Subgraph, title: str) -> str:
    from pyvis.network import Network

    net = Network(height="760px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    for node in sub.nodes.values():
        # pyvis puts labels and titles into JSON; vis-network renders `title` as text when it is a string,
        # and we escape it anyway, since every label may come from an article.
        net.add_node(node.iri, label=node.label[:60], title=html.escape(f"{node.kind}: {node.label}"),
                     color=COLOURS.get(node.kind, COLOURS["Other"]), group=node.kind)
    for e in sub.edges:
        net.add_edge(e.source, e.target, title=html.escape(e.label), label=e.label[:30])
    net.toggle_physics(True)
    page = net.generate_html()
    page = _CDN.sub("", page)
    return page.replace("<head>", f"<head><title>{html.escape(title)}</title>", 1)


def province_view_html(store, name: str) -> str:
    return render_html(subgraph.province(store, name), f"vnkg: {name}")
