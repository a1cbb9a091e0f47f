"""Shared fixtures. Facts here are invented: short sentences in the style of provincial news."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REQUIRE_SERVICES = os.environ.get("VNKG_REQUIRE_SERVICES") == "1"


def need_service(available: bool, what: str) -> None:
    """Skip when a service is missing on a laptop; fail in CI (VNKG_REQUIRE_SERVICES=1)."""
    if available:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"{what} is required (VNKG_REQUIRE_SERVICES=1) but not available")
    pytest.skip(f"{what} not available")


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is absent")
    return SHARED


def sample_extractions():
    """Two hand-made articles' extractions: the pipeline tested apart from the extractor."""
    from vnkg.model import (Article, DocumentRef, EventMention, Evidence, Extraction, Participation,
                            PersonMention, PlaceMention, PostHolding)

    t1 = ("Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Tuyên Quang chủ trì hội thảo "
          "\"Đổi mới sinh hoạt chi bộ\" tại Vĩnh Phúc. Hội thảo bàn việc thực hiện Kết luận số 14-KL/TW "
          "ngày 22/9/2021 của Bộ Chính trị.")
    s1, s2 = t1.index("Đồng chí"), t1.index("Hội thảo bàn")
    e1 = Evidence(t1[s1:s2 - 1], s1, s2 - 1)
    e2 = Evidence(t1[s2:], s2, len(t1))
    a1 = Article(id="t-01", text=t1, title="Hội thảo mẫu", outlet="Báo mẫu", published="2021-10-05")
    x1 = Extraction(
        a1,
        persons=[PersonMention("Nguyễn Văn An", e1)],
        holdings=[
            PostHolding("Nguyễn Văn An", "Bí thư Tỉnh ủy", e1, organization="Tỉnh ủy Tuyên Quang", province="Tuyên Quang"),
            PostHolding("Nguyễn Văn An", "Chủ tịch Hội đồng nhân dân tỉnh", e1,
                        organization="Hội đồng nhân dân tỉnh Tuyên Quang", province="Tuyên Quang", term="2021-2026"),
        ],
        documents=[DocumentRef("Kết luận", e2, number="14", symbol="14-KL/TW", issuer="Bộ Chính trị", date="2021-09-22")],
        events=[EventMention("Hội thảo", e1, title="Đổi mới sinh hoạt chi bộ", province="Vĩnh Phúc",
                             participants=[Participation("Nguyễn Văn An", "chair", e1)])],
        places=[PlaceMention("Tuyên Quang", e1), PlaceMention("Vĩnh Phúc", e1)],
    )
    t2 = "Nguyên Bí thư Tỉnh ủy Tuyên Quang Lò Văn Bình dự lễ kỷ niệm."
    e3 = Evidence(t2, 0, len(t2))
    a2 = Article(id="t-02", text=t2, published="2019-03-01")
    x2 = Extraction(
        a2,
        persons=[PersonMention("Lò Văn Bình", e3)],
        holdings=[PostHolding("Lò Văn Bình", "Bí thư Tỉnh ủy", e3, organization="Tỉnh ủy Tuyên Quang",
                              province="Tuyên Quang", status="former", start="2015-10-01")],
        places=[PlaceMention("Tuyên Quang", e3)],
    )
    return [x1, x2]


@pytest.fixture
def sample_store():
    """An in-memory store holding the two hand-made articles."""
    from vnkg import iri
    from vnkg.graph import to_quads
    from vnkg.store import open_store

    store = open_store(":memory:")
    store.replace_articles({iri.article(x.article.id): to_quads(x) for x in sample_extractions()})
    return store
