"""The one model every step shares: what extraction finds in an article.

Extraction fills these objects and never touches a store; ``vnkg.graph`` turns them
into RDF. Strings are NFC. Offsets are character offsets into ``Article.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, possibly partial ("2021-07", "2021")
    origin: str | None = None  # where it was read from: "file.jsonl:12"


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a fact, with its offsets in the article text."""

    sentence: str
    start: int
    end: int


@dataclass
class PersonMention:
    name: str  # as written, NFC, without honorifics
    evidence: Evidence


@dataclass
class PostHolding:
    """A person holding a post: office + organisation (+ province), dated and sourced."""

    person: str  # the person's name, as in PersonMention.name
    title: str  # the office without the place, abbreviations written out: "Bí thư Tỉnh ủy"
    evidence: Evidence
    organization: str | None = None  # "Tỉnh ủy Tuyên Quang", "Bộ Chính trị", "Hội đồng nhân dân tỉnh Vĩnh Phúc"
    province: str | None = None  # short name ("Tuyên Quang", "Hồ Chí Minh"); None for central offices
    status: str = "current"  # or "former"
    term: str | None = None  # "2020-2025"
    start: str | None = None  # ISO date
    office: str | None = None  # id of the SKOS concept in graph/offices.ttl when known


@dataclass
class DocumentRef:
    type: str  # "Kết luận", "Nghị quyết", …
    evidence: Evidence
    number: str | None = None  # "14", "01", "202"
    symbol: str | None = None  # số hiệu as written: "14-KL/TW", "202/2025/QH15"
    issuer: str | None = None  # "Bộ Chính trị"
    date: str | None = None  # ISO
    province: str | None = None  # when the issuer is provincial
    title: str | None = None  # "Nâng cao chất lượng sinh hoạt chi bộ"
    cites: list[str] = field(default_factory=list)  # keys (see ``key``) of documents this one is based on

    @property
    def key(self) -> str:
        """What identifies the document within one article: its symbol, else type and number."""
        return self.symbol or f"{self.type}|{(self.number or '').lstrip('0')}"


@dataclass
class Participation:
    person: str
    role: str  # "chair", "speaker" or "attendee"
    evidence: Evidence


@dataclass
class EventMention:
    type: str  # "Hội thảo", "Hội nghị", "Đại hội", "Kỳ họp", "Phiên họp", "Buổi làm việc", "Lễ", "Tiếp xúc cử tri"
    evidence: Evidence
    title: str | None = None
    province: str | None = None  # where it is held, or whose body holds it
    place: str | None = None  # as written ("tại Vĩnh Phúc")
    date: str | None = None  # ISO
    term: str | None = None
    participants: list[Participation] = field(default_factory=list)


@dataclass
class PlaceMention:
    province: str  # short name, as the reference graph labels it ("Vĩnh Phúc")
    evidence: Evidence


@dataclass
class OrganizationMention:
    label: str  # "Tỉnh ủy Tuyên Quang"
    evidence: Evidence
    province: str | None = None


@dataclass
class Extraction:
    article: Article
    persons: list[PersonMention] = field(default_factory=list)
    holdings: list[PostHolding] = field(default_factory=list)
    documents: list[DocumentRef] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    organizations: list[OrganizationMention] = field(default_factory=list)
