"""Hand-made extractions for the view tests: one article whose strings carry script payloads.

Each payload sets window.__pwned if it ever runs; tests/test_browser.py checks it never does.
"""
from __future__ import annotations

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'


def hostile_extraction():
    from vnkg.model import (Article, DocumentRef, EventMention, Evidence, Extraction, OrganizationMention,
                            Participation, PersonMention, PlaceMention, PostHolding)

    name1, name2 = f"Nguyễn Văn {SCRIPT}", f"Lê Thị {IMG}"
    text = (f"Đồng chí {name1}, Bí thư Tỉnh ủy Tuyên Quang {IMG}, chủ trì hội nghị {SCRIPT}. "
            f"Đồng chí {name2} dự và phát biểu về Nghị quyết số 9-NQ/TU {IMG}.")
    cut = text.index("Đồng chí", 5)
    e1, e2 = Evidence(text[:cut - 1], 0, cut - 1), Evidence(text[cut:], cut, len(text))
    article = Article(id="xss-01", text=text, title=f"Tin {SCRIPT}", outlet=f"Báo {IMG}", published="2024-05-02")
    return Extraction(
        article,
        persons=[PersonMention(name1, e1), PersonMention(name2, e2)],
        holdings=[PostHolding(name1, f"Bí thư Tỉnh ủy {IMG}", e1, organization=f"Tỉnh ủy {SCRIPT}", province="Tuyên Quang",
                              term=f"2020-2025 {IMG}", start="2020-10-01"),
                  PostHolding(name2, "Phó Bí thư Tỉnh ủy", e2, organization="Tỉnh ủy Tuyên Quang", province="Tuyên Quang",
                              status="former")],
        documents=[DocumentRef("Nghị quyết", e2, number="9", symbol=f"9-NQ/TU{SCRIPT}", issuer=f"Tỉnh ủy {IMG}",
                               title=f"Về {SCRIPT}")],
        events=[EventMention("Hội nghị", e1, title=f"Hội nghị {SCRIPT}", province="Tuyên Quang", date="2024-05-01",
                             participants=[Participation(name1, "chair", e1), Participation(name2, "speaker", e2)])],
        places=[PlaceMention("Tuyên Quang", e1)],
        organizations=[OrganizationMention(f"Ban {IMG}", e1, province="Tuyên Quang")],
    )


def hostile_store():
    from vnkg import iri
    from vnkg.graph import to_quads
    from vnkg.store import open_store

    x = hostile_extraction()
    store = open_store(":memory:")
    store.replace_articles({iri.article(x.article.id): to_quads(x)})
    return store


def synthetic(n_nodes: int, seed: int = 1):
    """A view-shaped graph of about n_nodes: provinces, posts, persons holding them, events they attend."""
    import random

    from vnkg.subgraph import Edge, Subgraph

    rnd = random.Random(seed)
    sub = Subgraph()
    provinces = [sub.node(f"p{i}", f"Tỉnh {i}", "Province") for i in range(max(2, n_nodes // 100))]
    posts, people, events = [], [], []
    while len(sub.nodes) < n_nodes:
        r = rnd.random()
        if r < 0.25 or not posts:
            post = sub.node(f"post{len(posts)}", f"Chức vụ {len(posts)}", "Post")
            posts.append(post)
            sub.edge(Edge(post, rnd.choice(provinces), "in province"))
        elif r < 0.8:
            person = sub.node(f"person{len(people)}", f"Người {len(people)}", "Person")
            people.append(person)
            for k in range(rnd.randint(1, 3)):
                sub.edge(Edge(person, rnd.choice(posts), "holds", status=rnd.choice(["current", "former"]),
                              start=f"{rnd.randint(2000, 2024)}-01-01", evidence=f"Câu {len(people)}.{k}",
                              article="https://w3id.org/vnkg/id/article/s1", date="2024-01-01"))
        else:
            ev = sub.node(f"event{len(events)}", f"Hội nghị {len(events)}", "Event")
            events.append(ev)
            for person in rnd.sample(people, min(len(people), rnd.randint(2, 6))):
                sub.edge(Edge(person, ev, rnd.choice(["chair", "attendee", "speaker"])))
    return sub
