"""Graph views as one self-contained HTML file: vis-network (the copy pyvis ships) inlined, data as
JSON, and a small template of our own (pyvis's templates link Bootstrap from a CDN).

Views draw what ``vnkg.subgraph`` fetched through queries; they never query a store.

Safety: every string that may come from an article (names, titles, sentences) travels as JSON
inside ``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, is drawn by
vis-network on a canvas, and reaches the DOM only through ``textContent``: the page builds its
tooltips itself and never gives vis-network a ``title`` (vis-network 9 renders a string title as
text, older versions as HTML). A Content-Security-Policy allows only the page's own two scripts,
by hash, and no network at all.

Large graphs: positions are always computed in Python (vnkg.network.layout). Up to
PHYSICS_MAX nodes, vis-network's physics then refines them and is switched off once the layout
settles; beyond, physics stays off, so 2,000 nodes are interactive in about a second. Beyond
AGGREGATE_ABOVE nodes, Louvain communities are drawn as one node each (search still finds
members).
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from vnkg import subgraph
from vnkg.subgraph import Subgraph

PHYSICS_MAX = 300
AGGREGATE_ABOVE = 5000
LABEL_MAX = 40

COLOURS = {"Person": "#e15759", "Post": "#4e79a7", "Organization": "#59a14f", "Province": "#f28e2b",
           "Document": "#b07aa1", "Event": "#edc948", "Article": "#bab0ac", "Office": "#76b7b2",
           "Cluster": "#8c8c8c", "Other": "#9c9c9c"}
EDGE_COLOURS = {"holds": "#4e79a7", "post in": "#59a14f", "in province": "#f28e2b", "chair": "#e15759",
                "speaker": "#ff9da7", "attendee": "#d4a017", "held in": "#f1a340", "mentions": "#bab0ac",
                "based on": "#b07aa1", "issued by": "#76b7b2", "of province": "#f28e2b"}
PALETTE = ["#76b7b2", "#ff9da7", "#9c755f", "#af7aa1", "#86bcb6", "#d37295", "#a0cbe8", "#8cd17d", "#f1ce63",
           "#b6992d", "#499894", "#79706e"]


@lru_cache(maxsize=1)
def vis_js() -> str:
    """vis-network's standalone build, as pyvis ships it (its licence header kept)."""
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return lib.read_text(encoding="utf-8")


def _json_for_html(data) -> str:
    # Escaped so that no string can close the <script> element or open a comment.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _colour_map(kinds, fixed: dict[str, str]) -> dict[str, str]:
    out, spare = {}, iter(PALETTE * 4)
    for k in kinds:
        out[k] = fixed.get(k) or next(spare, "#9c9c9c")
    return out


def aggregate(sub: Subgraph, seed: int = 1) -> tuple[Subgraph, dict[str, list[str]]]:
    """Louvain communities as single nodes: too many nodes freeze a browser tab whatever the layout.
    Returns the aggregated subgraph and, per cluster node, its members' labels (for search)."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(sub.nodes)
    g.add_edges_from((e.source, e.target) for e in sub.edges if e.source != e.target)
    parts = nx.community.louvain_communities(g, seed=seed, resolution=2.0)
    out = Subgraph(focus=[])
    where: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for i, part in enumerate(sorted(parts, key=lambda p: (-len(p), min(p)))):
        if len(part) == 1 or any(f in part for f in sub.focus):
            for n in part:
                node = sub.nodes[n]
                out.node(n, node.label, node.kind)
                where[n] = n
            out.focus += [f for f in sub.focus if f in part]
            continue
        cid = f"cluster:{i}"
        ranked = sorted(part, key=lambda n: (-g.degree(n), sub.nodes[n].label))
        kinds = Counter(sub.nodes[n].kind for n in part)
        out.node(cid, f"{sub.nodes[ranked[0]].label} +{len(part) - 1}", "Cluster")
        out.nodes[cid].info = {"members": str(len(part)),
                               "kinds": ", ".join(f"{k} {c}" for k, c in kinds.most_common())}
        members[cid] = [sub.nodes[n].label for n in ranked]
        for n in part:
            where[n] = cid
    links: Counter = Counter()
    for e in sub.edges:
        a, b = where[e.source], where[e.target]
        if a == b:
            continue
        if a.startswith("cluster:") or b.startswith("cluster:"):
            links[a, b] += 1
        else:
            out.edge(e)
    for (a, b), n in links.items():
        out.edge(subgraph.Edge(a, b, "links", term=f"{n} edges"))
    return out, members


def render_html(sub: Subgraph, title: str, *, physics_max: int = PHYSICS_MAX,
                aggregate_above: int = AGGREGATE_ABOVE) -> str:
    """The page for one subgraph: search, legend with counts, node and edge filters, evidence on
    hover, neighbourhood on click, a date control for holdings."""
    from vnkg.network import layout

    total = len(sub.nodes)
    members: dict[str, list[str]] = {}
    if total > aggregate_above:
        sub, members = aggregate(sub)
    ids = list(sub.nodes)
    index = {iri: i for i, iri in enumerate(ids)}
    pos = layout(ids, [(e.source, e.target) for e in sub.edges])
    degree = Counter()
    for e in sub.edges:
        degree[e.source] += 1
        degree[e.target] += 1
    nodes = []
    for iri in ids:
        n = sub.nodes[iri]
        size = 10 + 4 * math.log2(1 + degree[iri])
        if iri in members:
            size = 12 + 6 * math.log2(len(members[iri]))
        item = {"id": index[iri], "u": iri, "l": n.label, "k": n.kind, "x": pos[iri][0], "y": pos[iri][1],
                "s": round(min(size, 60), 1)}
        if iri in sub.focus:
            item["f"] = 1
        if n.info:
            item["i"] = n.info
        if iri in members:
            item["m"] = members[iri]
        nodes.append(item)
    edges = []
    for e in sub.edges:
        item = {"f": index[e.source], "t": index[e.target], "k": e.kind}
        for key, value in (("st", e.status), ("tm", e.term), ("a", e.start), ("b", e.end), ("r", e.role),
                           ("src", e.article), ("d", e.date), ("ev", e.evidence)):
            if value:
                item[key] = value
        edges.append(item)
    node_kinds = sorted({n["k"] for n in nodes}, key=lambda k: (k not in COLOURS, k))
    edge_kinds = sorted({e["k"] for e in edges}, key=lambda k: (k not in EDGE_COLOURS, k))
    data = {"title": title, "nodes": nodes, "edges": edges, "physicsMax": physics_max, "total": total,
            "aggregated": bool(members), "colours": _colour_map(node_kinds, COLOURS),
            "edgeColours": _colour_map(edge_kinds, EDGE_COLOURS)}
    return page(title, data)


def page(title: str, data: dict) -> str:
    scripts = [vis_js(), _APP_JS]
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'"
                      for s in scripts)
    csp = (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data: blob:; "
           "connect-src 'none'; base-uri 'none'; form-action 'none'")
    values = {"CSP": csp, "TITLE": html.escape(title), "DATA": _json_for_html(data), "VIS": scripts[0],
              "APP": scripts[1]}
    # One pass: a value is never searched again, so an article string holding "%VIS%" or "%DATA%"
    # stays text (chained replace() pasted the whole library into the data and broke the page).
    return re.sub(r"%(CSP|TITLE|DATA|VIS|APP)%", lambda m: values[m.group(1)], _PAGE)


def view_html(store, kind: str, name: str) -> str:
    sub = subgraph.entity_view(store, kind, name)
    label = sub.nodes[sub.focus[0]].label if sub.focus else name
    return render_html(sub, f"vnkg: {kind} {label}")


def query_view_html(store, name: str, params: dict[str, str] | None = None) -> str:
    return render_html(subgraph.run_query(store, name, params), f"vnkg: query {name[:80]}")


_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="%CSP%">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%TITLE%</title>
<style>
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #222; }
#app { display: flex; height: 100vh; }
#side { width: 300px; min-width: 300px; overflow-y: auto; border-right: 1px solid #ddd; padding: 10px; background: #fafafa; }
#main { flex: 1; position: relative; }
#graph { position: absolute; inset: 0; }
h1 { font-size: 15px; margin: 0 0 6px; }
h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #666; margin: 14px 0 4px; }
#status { color: #666; font-size: 12px; }
input[type=search], input[type=date] { width: 100%; padding: 5px 6px; border: 1px solid #bbb; border-radius: 4px; font: inherit; }
#results { list-style: none; margin: 2px 0 0; padding: 0; max-height: 220px; overflow-y: auto; }
#results li { padding: 3px 6px; cursor: pointer; border-radius: 3px; }
#results li:hover, #results li.active { background: #e6eefc; }
.legend label { display: flex; align-items: center; gap: 6px; padding: 1px 0; cursor: pointer; }
.sw { width: 12px; height: 12px; border-radius: 50%; display: inline-block; flex: none; }
.ln { width: 16px; height: 3px; display: inline-block; flex: none; }
.count { color: #777; margin-left: auto; }
.row { display: flex; gap: 6px; align-items: center; }
button { font: inherit; padding: 3px 8px; border: 1px solid #bbb; background: #fff; border-radius: 4px; cursor: pointer; }
#details { font-size: 12px; }
#details .k { color: #666; }
#details blockquote, #tip blockquote { margin: 4px 0; padding: 2px 8px; border-left: 3px solid #ccc; color: #333; }
#details .iri { word-break: break-all; color: #555; }
#details ul { padding-left: 16px; margin: 4px 0; }
#tip { position: absolute; display: none; max-width: 420px; background: #fff; border: 1px solid #aaa; border-radius: 4px;
       padding: 6px 8px; box-shadow: 0 2px 8px rgba(0,0,0,.15); pointer-events: none; font-size: 12px; z-index: 10; }
#tip .t { font-weight: 600; }
.note { color: #8a5a00; font-size: 12px; }
</style>
</head>
<body>
<div id="app">
<div id="side">
  <h1 id="title"></h1>
  <div id="status">loading…</div>
  <h2>Search</h2>
  <input id="search" type="search" placeholder="name, post, số hiệu…" autocomplete="off">
  <ul id="results"></ul>
  <h2>Holdings as of</h2>
  <div class="row"><input id="asof" type="date"><button id="asof-clear" type="button">all</button></div>
  <h2>Node types</h2>
  <div id="node-legend" class="legend"></div>
  <h2>Edge types</h2>
  <div id="edge-legend" class="legend"></div>
  <h2>Details</h2>
  <div id="details"><span class="k">Click a node or an edge.</span></div>
</div>
<div id="main"><div id="graph"></div><div id="tip"></div></div>
</div>
<script type="application/json" id="vnkg-data">%DATA%</script>
<script>%VIS%</script>
<script>%APP%</script>
</body>
</html>
"""

# The page's own code. Article strings only ever reach the DOM through textContent (el()).
_APP_JS = r"""
(function () {
"use strict";
var DATA = JSON.parse(document.getElementById("vnkg-data").textContent);
function $(id) { return document.getElementById(id); }
function el(tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}
function fold(s) {
  return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u0111/g, "d").replace(/\u0110/g, "D").toLowerCase();
}
function shortIri(u) { return String(u || "").replace(/\/+$/, "").split("/").pop(); }
var N = DATA.nodes, E = DATA.edges;
var big = N.length > DATA.physicsMax;
var hiddenNodeKinds = {}, hiddenEdgeKinds = {}, asOf = "", highlighted = null;

// Colours come from groups (one per node type): per-node option objects make vis-network's
// set-up several times slower on thousands of nodes.
var groups = {};
Object.keys(DATA.colours).forEach(function (k) {
  var c = DATA.colours[k];
  groups[k] = { color: { background: c, border: c, highlight: { background: c, border: "#000" }, hover: { background: c, border: "#000" } } };
});
function nodeColour(n) {
  var c = DATA.colours[n.k] || "#999";
  return { background: c, border: n.f ? "#222" : c, highlight: { background: c, border: "#000" }, hover: { background: c, border: "#000" } };
}
function nodeFont(n) { return { size: n.f ? 18 : 13, color: "#222" }; }
function baseNode(n) {
  var label = n.l.length > 40 ? n.l.slice(0, 39) + "\u2026" : n.l;
  var v = { id: n.id, label: label, x: n.x, y: n.y, size: n.f ? Math.max(n.s, 26) : n.s, group: n.k };
  if (n.f) { v.color = nodeColour(n); v.borderWidth = 3; v.font = nodeFont(n); }
  return v;
}
function edgeColour(e) { return { color: DATA.edgeColours[e.k] || "#999", highlight: "#000", hover: "#000", opacity: 0.8 }; }
function baseEdge(e, i) {
  var v = { id: i, from: e.f, to: e.t, color: DATA.edgeColours[e.k] || "#999" };
  if (e.st === "former") v.dashes = true;
  return v;
}
var nodes = new vis.DataSet(N.map(baseNode));
var edges = new vis.DataSet(E.map(baseEdge));
var options = {
  autoResize: true,
  layout: { improvedLayout: false, randomSeed: 1 },
  physics: big ? false : { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -60, springLength: 90 },
                           stabilization: { enabled: true, iterations: 200, updateInterval: 50, fit: true } },
  interaction: { hover: true, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false, navigationButtons: false },
  groups: groups,
  edges: { smooth: big ? false : { type: "continuous" }, arrows: { to: { enabled: !big, scaleFactor: 0.45 } }, selectionWidth: 2, width: 1.2 },
  nodes: { shape: "dot", borderWidth: 1, font: { size: 13, color: "#222" }, scaling: { label: { drawThreshold: 7 } } }
};
var network = new vis.Network($("graph"), { nodes: nodes, edges: edges }, options);

$("title").textContent = DATA.title;
function status() {
  var shown = nodes.get({ filter: function (n) { return !n.hidden; } }).length;
  var s = N.length + " nodes, " + E.length + " edges";
  if (shown !== N.length) s += " (" + shown + " shown)";
  if (DATA.aggregated) s += " \u2014 " + DATA.total + " nodes grouped into communities";
  s += big ? " \u00b7 positions precomputed" : " \u00b7 physics until settled";
  $("status").textContent = s;
}
var readyDone = false;
function ready(how) {
  if (readyDone) return;
  readyDone = true;
  window.vnkgReady = { ms: performance.now(), how: how };
  status();
}
if (big || E.length === 0) {
  network.once("afterDrawing", function () { ready("precomputed"); });
} else {
  // Physics only refines the precomputed layout, then stops so the page stays still.
  network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); ready("physics"); });
  network.once("stabilized", function () { network.setOptions({ physics: false }); ready("physics"); });
  setTimeout(function () { network.setOptions({ physics: false }); ready("timeout"); }, 15000);
}

// Legend with counts, doubling as the node- and edge-type filters.
function legend(box, counts, colours, hidden, line) {
  Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); }).forEach(function (k) {
    var lab = el("label");
    var cb = el("input"); cb.type = "checkbox"; cb.checked = true; cb.dataset.kind = k;
    cb.addEventListener("change", function () { if (cb.checked) delete hidden[k]; else hidden[k] = 1; apply(); });
    var sw = el("span", null, line ? "ln" : "sw"); sw.style.background = colours[k] || "#999";
    lab.appendChild(cb); lab.appendChild(sw); lab.appendChild(el("span", k)); lab.appendChild(el("span", counts[k], "count"));
    box.appendChild(lab);
  });
}
var nodeCounts = {}, edgeCounts = {};
N.forEach(function (n) { nodeCounts[n.k] = (nodeCounts[n.k] || 0) + 1; });
E.forEach(function (e) { edgeCounts[e.k] = (edgeCounts[e.k] || 0) + 1; });
legend($("node-legend"), nodeCounts, DATA.colours, hiddenNodeKinds, false);
legend($("edge-legend"), edgeCounts, DATA.edgeColours, hiddenEdgeKinds, true);

// As of a date: a holding counts from its stated start (else the article's date, when current)
// until its stated end; a former holding without an end cannot be placed (as in queries/holders.rq).
function heldOn(e, day) {
  if (e.k !== "holds") return true;
  var start = e.a || (e.st !== "former" ? e.d : "");
  if (!start || start.slice(0, day.length) > day) return false;
  if (e.b) return e.b >= day.slice(0, e.b.length);
  return e.st !== "former";
}
function apply() {
  var hideNode = {}, personHolds = {}, personShown = {};
  N.forEach(function (n) { if (hiddenNodeKinds[n.k]) hideNode[n.id] = 1; });
  var hideEdge = E.map(function (e) {
    var h = !!(hiddenEdgeKinds[e.k] || hideNode[e.f] || hideNode[e.t]);
    if (asOf && e.k === "holds") {
      personHolds[e.f] = 1;
      if (!heldOn(e, asOf)) h = true; else if (!h) personShown[e.f] = 1;
    }
    return h;
  });
  if (asOf) Object.keys(personHolds).forEach(function (p) { if (!personShown[p]) hideNode[p] = 1; });
  var nu = [], eu = [];
  N.forEach(function (n) { var h = !!hideNode[n.id]; if (nodes.get(n.id).hidden !== h) nu.push({ id: n.id, hidden: h }); });
  E.forEach(function (e, i) {
    var h = hideEdge[i] || !!hideNode[e.f] || !!hideNode[e.t];
    if (edges.get(i).hidden !== h) eu.push({ id: i, hidden: h });
  });
  if (nu.length) nodes.update(nu);
  if (eu.length) edges.update(eu);
  status();
}
$("asof").addEventListener("change", function () { asOf = $("asof").value || ""; apply(); });
$("asof-clear").addEventListener("click", function () { $("asof").value = ""; asOf = ""; apply(); });

// Tooltips and details, built from text nodes only.
var tip = $("tip"), mouse = { x: 0, y: 0 };
$("main").addEventListener("mousemove", function (ev) {
  var r = $("main").getBoundingClientRect();
  mouse = { x: ev.clientX - r.left, y: ev.clientY - r.top };
  if (tip.style.display === "block") place();
});
function place() {
  var w = $("main").clientWidth, h = $("main").clientHeight;
  var x = Math.min(mouse.x + 14, w - tip.offsetWidth - 4), y = mouse.y + 14;
  if (y + tip.offsetHeight > h) y = Math.max(4, mouse.y - tip.offsetHeight - 10);
  tip.style.left = Math.max(4, x) + "px"; tip.style.top = y + "px";
}
function edgeBox(e) {
  var box = el("div");
  box.appendChild(el("div", N[e.f].l + " \u2014 " + e.k + " \u2192 " + N[e.t].l, "t"));
  var facts = [];
  if (e.st) facts.push(e.st);
  if (e.r && e.r !== e.k) facts.push(e.r);
  if (e.tm) facts.push("term " + e.tm);
  if (e.a) facts.push("from " + e.a);
  if (e.b) facts.push("until " + e.b);
  if (facts.length) box.appendChild(el("div", facts.join(" \u00b7 ")));
  if (e.ev) box.appendChild(el("blockquote", e.ev));
  if (e.src || e.d) box.appendChild(el("div", "article " + shortIri(e.src) + (e.d ? " \u00b7 " + e.d : ""), "k"));
  return box;
}
function nodeBox(n) {
  var box = el("div");
  box.appendChild(el("div", n.l, "t"));
  box.appendChild(el("div", n.k + (n.m ? " \u00b7 " + n.m.length + " members" : ""), "k"));
  return box;
}
function showTip(content) { tip.textContent = ""; tip.appendChild(content); tip.style.display = "block"; place(); }
function hideTip() { tip.style.display = "none"; }
network.on("hoverEdge", function (p) { showTip(edgeBox(E[p.edge])); });
network.on("blurEdge", hideTip);
network.on("hoverNode", function (p) { showTip(nodeBox(N[p.node])); });
network.on("blurNode", hideTip);
network.on("dragStart", hideTip);

function details(content) { var d = $("details"); d.textContent = ""; d.appendChild(content); }
function nodeDetails(n) {
  var box = el("div");
  box.appendChild(el("div", n.l, "t"));
  box.appendChild(el("div", n.k, "k"));
  if (!/^(value|cluster):/.test(n.u)) box.appendChild(el("div", n.u, "iri"));
  if (n.i) Object.keys(n.i).forEach(function (k) { box.appendChild(el("div", k + ": " + n.i[k])); });
  if (n.m) {
    var ul = el("ul");
    n.m.slice(0, 200).forEach(function (m) { ul.appendChild(el("li", m)); });
    if (n.m.length > 200) ul.appendChild(el("li", "\u2026 " + (n.m.length - 200) + " more"));
    box.appendChild(ul);
  }
  var mine = E.filter(function (e) { return e.f === n.id || e.t === n.id; });
  box.appendChild(el("div", mine.length + " edges", "k"));
  var ul2 = el("ul");
  mine.slice(0, 60).forEach(function (e) { var li = el("li"); li.appendChild(edgeBox(e)); ul2.appendChild(li); });
  box.appendChild(ul2);
  return box;
}

// Click: the node's neighbourhood stays in colour, everything else fades.
function highlight(id) {
  highlighted = id;
  var keep = {}; keep[id] = 1;
  network.getConnectedNodes(id).forEach(function (x) { keep[x] = 1; });
  nodes.update(N.map(function (n) {
    if (keep[n.id]) return { id: n.id, color: nodeColour(n), font: nodeFont(n) };
    return { id: n.id, color: { background: "#e4e4e4", border: "#d4d4d4" }, font: { color: "#c8c8c8" } };
  }));
  edges.update(E.map(function (e, i) {
    return { id: i, color: (e.f === id || e.t === id) ? edgeColour(e) : { color: "#ececec", opacity: 0.6 } };
  }));
}
function unhighlight() {
  if (highlighted === null) return;
  highlighted = null;
  nodes.update(N.map(function (n) { return { id: n.id, color: nodeColour(n), font: nodeFont(n) }; }));
  edges.update(E.map(function (e, i) { return { id: i, color: edgeColour(e) }; }));
}
network.on("click", function (p) {
  if (p.nodes.length) { highlight(p.nodes[0]); details(nodeDetails(N[p.nodes[0]])); }
  else if (p.edges.length) { unhighlight(); details(edgeBox(E[p.edges[0]])); }
  else { unhighlight(); }
});

// Search by label (accents optional); in an aggregated view, members lead to their community.
var folded = N.map(function (n) { return fold(n.l); });
var foldedMembers = N.map(function (n) { return n.m ? n.m.map(fold) : null; });
function choose(id) {
  if (nodes.get(id).hidden) return false;
  network.selectNodes([id]);
  network.focus(id, { scale: big ? 1.2 : 1.0, animation: false });
  highlight(id);
  details(nodeDetails(N[id]));
  return true;
}
function search(q) {
  var f = fold(q.trim()), out = [];
  if (!f) return out;
  for (var i = 0; i < N.length && out.length < 20; i++) {
    if (folded[i].indexOf(f) >= 0) out.push({ id: i, text: N[i].l + " \u00b7 " + N[i].k });
    else if (foldedMembers[i]) {
      for (var j = 0; j < foldedMembers[i].length; j++) {
        if (foldedMembers[i][j].indexOf(f) >= 0) { out.push({ id: i, text: N[i].m[j] + " \u00b7 in " + N[i].l }); break; }
      }
    }
  }
  out.sort(function (a, b) { return (folded[a.id] === f ? 0 : 1) - (folded[b.id] === f ? 0 : 1); });
  return out;
}
var hits = [];
$("search").addEventListener("input", function () {
  hits = search($("search").value);
  var ul = $("results"); ul.textContent = "";
  hits.forEach(function (h) {
    var li = el("li", h.text);
    li.addEventListener("click", function () { choose(h.id); });
    ul.appendChild(li);
  });
});
$("search").addEventListener("keydown", function (ev) { if (ev.key === "Enter" && hits.length) choose(hits[0].id); });

window.vnkgView = { network: network, nodes: nodes, edges: edges, data: DATA, search: search, choose: choose, apply: apply };
status();
})();
"""
