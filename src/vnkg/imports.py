"""Reference sources as graphs of their own: Wikipedia infoboxes and EveryPolitician's 13th National Assembly.

Each source is one named graph (``vnkg.resolve.WIKIPEDIA_GRAPH``, ``EVERYPOLITICIAN_GRAPH``) with its
attribution (dcterms:source, dcterms:license); importing again replaces it whole. Persons are
schema:Person records of that source; their holdings use the same posts and offices as the
news graphs (``id/post/{slug(title + province)}``), so both line up in one timeline, and
``vnkg.resolve`` links the records to the persons the news names.
"""
from __future__ import annotations

import csv
import gzip
import json
import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from vnkg import iri
from vnkg.graph import date_literal
from vnkg.iri import DCTERMS, ID, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, VNKG, XSD
from vnkg.reference import Reference, load as load_reference
from vnkg.resolve import EVERYPOLITICIAN_GRAPH, OWL, WIKIPEDIA_GRAPH

CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
WIKIPEDIA_SOURCE = "https://github.com/datmieu204/political-net"
EVERYPOLITICIAN_SOURCE = ("https://github.com/everypolitician/everypolitician-data/blob/"
                          "01e5fb37abe626d38ec5cbe276eb6e58cbd4001c/data/Vietnam/National_Assembly/term-13.csv")
WIKIDATA = "http://www.wikidata.org/entity/"
NA13_TERM = ("2011", "2016")  # the 13th National Assembly: elected May 2011, ended with the 14th's election in 2016

_TERM = re.compile(r"[,\s]*\(?\s*(?:khóa|khoá|nhiệm kỳ)\s+[IVXLC0-9]+(?:\s*[,–-]\s*[IVXLC0-9]+)*\)?(?=[\s,]|$)",
                   re.IGNORECASE)
_COUNTRY_SUFFIX = re.compile(r"[,\s]*(?:nước)?[,\s]*(?:Cộng hòa|Cộng hoà|CHXHCN)[^,]*Việt Nam\s*$|\s+Việt Nam\s*$")
_LEVEL = re.compile(r"\s+(tỉnh|thành phố|TP\.?)$", re.IGNORECASE)
_CHAIN_HEAD = re.compile(r"^(Phó |Ủy viên |Uỷ viên )?(Bí thư|Chủ tịch|Trưởng|Giám đốc|Chủ nhiệm|Đại biểu|đại biểu)\b")
_HONORIFIC = re.compile(r"^(Linh mục|Hòa thượng|Thượng tọa|Mục sư|Giáo sư|Tiến sĩ)\s+")


class ImportError_(ValueError):
    """A reference file cannot be read; the message is one line for the user."""


@dataclass(frozen=True)
class Office:
    title: str  # canonical title without the place ("Bí thư Tỉnh ủy")
    province: str | None  # short name ("Tuyên Quang"), None for central offices
    office_iri: str
    term: str | None = None  # "khóa XIII" as written


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[re.Pattern, str]]:
    from vnkg.vocab import load_vocabulary

    pairs = sorted(load_vocabulary().abbreviations, key=lambda p: -len(p[0]))
    return [(re.compile(r"(?<![\wÀ-ỹ])" + re.escape(a) + r"(?![\wÀ-ỹ])"), full) for a, full in pairs]


_NAMES: dict[int, list[tuple[str, str, str]]] = {}


def _province_names(ref: Reference) -> list[tuple[str, str, str]]:
    if id(ref) not in _NAMES:
        _NAMES.clear()
        _NAMES[id(ref)] = _build_province_names(ref)
    return _NAMES[id(ref)]


def _build_province_names(ref: Reference) -> list[tuple[str, str, str]]:
    """(spelling, short label) for every province spelling, longest first, so "Bà Rịa - Vũng Tàu" wins over "Vũng Tàu"."""
    from vnkg.vocab import load_vocabulary

    # Spellings with the level word ("Tỉnh Quảng Ninh") are left out: that word belongs to the
    # title ("Chủ tịch Ủy ban nhân dân tỉnh").
    out = [(name, p.label) for p in load_vocabulary().provinces.values() for name in p.names
           if not re.match(r"(?i)(tỉnh|thành phố)\s", name)]
    out += [(unit.label, unit.label) for units in ref.provinces.values() for unit in units]
    from vnkg.extract.text import key

    return [(key(name), label, name) for name, label in sorted(set(out), key=lambda p: (-len(p[0]), p))]


def find_province(text: str, ref: Reference) -> tuple[str, str | None]:
    """Split a trailing province name off ``text``: ("Bí thư Tỉnh ủy", "Tuyên Quang")."""
    from vnkg.extract.text import key

    k = key(text)
    for nk, label, name in _province_names(ref):
        if k == nk:
            return "", label
        if k.endswith(" " + nk):
            return text[: len(text) - len(name)].rstrip(" ,-"), label
    return text, None


def split_office(text: str, ref: Reference | None = None) -> list[Office]:
    """An infobox office as titles + province + term, using the offices vocabulary (graph/offices.ttl).

    "Bí thư Tỉnh ủy Hòa Bình" → Bí thư Tỉnh ủy / Hòa Bình; "Ủy viên Trung ương Đảng khóa XIII" →
    Ủy viên Ban Chấp hành Trung ương Đảng / None / khóa XIII; "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh
    Lào Cai" → two offices, both in Lào Cai (a chain of titles before one place shares the place).
    """
    from vnkg.extract.text import key
    from vnkg.vocab import load_vocabulary

    ref = ref or load_reference()
    vocab = load_vocabulary()
    s = " ".join(unicodedata.normalize("NFC", str(text)).split())
    for pattern, full in _abbreviations():
        s = pattern.sub(full, s)
    term = None
    m = _TERM.search(s)
    if m and m.start() > 0:  # "Trưởng Đoàn đại biểu Quốc hội khóa XV tỉnh X": the term may sit mid-title
        term, s = m.group().strip(" ,()"), (s[: m.start()] + " " + s[m.end():]).strip()
    s = _COUNTRY_SUFFIX.sub("", s).strip(" ,")
    rest, province = find_province(s, ref)
    rest = _COUNTRY_SUFFIX.sub("", rest).strip(" ,")  # "Đại biểu Quốc hội Việt Nam khóa XV tỉnh X"
    parts = [p.strip() for p in rest.split(",")]
    if len(parts) > 1 and not all(_CHAIN_HEAD.match(p) for p in parts):
        parts = [rest.strip()]  # a comma inside one title ("Bí thư Đảng ủy, Kiểm toán Nhà nước")
    out = []
    for part in parts:
        if not part:
            continue
        title = part
        office = vocab.offices.get(key(title))
        if office is None and province:
            # "Giám đốc Sở Tài chính tỉnh": the level word belongs to the place, not the office;
            # "Chủ tịch UBND Quảng Ninh": the canonical title has it ("… tỉnh").
            bare = _COUNTRY_SUFFIX.sub("", _LEVEL.sub("", title)).strip(" ,")
            unit = vocab.provinces.get(province)
            level = "thành phố" if unit is not None and unit.city else "tỉnh"
            office = vocab.offices.get(key(bare)) or vocab.offices.get(key(f"{bare} {level}"))
            title = office.label if office else bare
        if office is not None:
            title = office.label
        out.append(Office(title, province,  # a stated place stays, even for a deputy ("đại biểu Quốc hội")
                          office.iri if office else iri.entity("office", title), term))
    return out


_DMY = re.compile(r"(\d{1,2})/(\d{4})$")
_YEAR = re.compile(r"(?:năm\s+)?(\d{4})$", re.IGNORECASE)


def infobox_date(value) -> tuple[str | None, str | None]:
    """(full ISO date, partial "YYYY-MM" or "YYYY") of an infobox date; (None, None) when not a date."""
    if value is None:
        return None, None
    v = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return (v, None) if date_literal(v) is not None else (None, None)
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return None, v
    m = _DMY.fullmatch(v)
    if m and 1 <= int(m.group(1)) <= 12:
        return None, f"{m.group(2)}-{int(m.group(1)):02d}"
    m = _YEAR.fullmatch(v)
    if m:
        return None, m.group(1)
    return None, None


def _is_present(value) -> bool:
    return str(value or "").strip().lower() in ("nay", "hiện tại", "đương nhiệm", "nay, ()")


class _Writer:
    def __init__(self, graph: str, ref: Reference):
        self.g = ox.NamedNode(graph)
        self.ref = ref
        self.quads: list[ox.Quad] = []
        self.seen: set = set()

    def add(self, s: str, p: str, o) -> None:
        if o is None or o == "":
            return
        if isinstance(o, str):
            o = ox.Literal(o)
        q = ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, self.g)
        if q not in self.seen:
            self.seen.add(q)
            self.quads.append(q)

    def iri(self, s: str, p: str, o: str | None) -> None:
        if o:
            self.add(s, p, ox.NamedNode(o))

    def vi(self, text: str) -> ox.Literal:
        return ox.Literal(text, language="vi")

    def post(self, office: Office, on: str | None) -> str:
        """The post, minted as vnkg.graph mints it, so news and reference holdings share it."""
        label = f"{office.title} {office.province}" if office.province else office.title
        post = iri.entity("post", label)
        self.iri(post, RDF + "type", ORG + "Post")
        self.add(post, RDFS + "label", self.vi(label))
        self.iri(post, ORG + "role", office.office_iri)
        self.iri(office.office_iri, RDF + "type", VNKG + "Office")
        self.add(office.office_iri, SKOS + "prefLabel", self.vi(office.title))
        self.iri(post, VNKG + "province", self.ref.province(office.province, on) if office.province else None)
        return post

    def dates(self, node: str, start: str | None, end: str | None) -> None:
        for value, full_p, part_p in ((start, SCHEMA + "startDate", VNKG + "startPeriod"),
                                      (end, SCHEMA + "endDate", VNKG + "endPeriod")):
            full, partial = infobox_date(value)
            self.add(node, full_p, date_literal(full))
            self.add(node, part_p, date_literal(partial))

    def source(self, title: str, source: str, license_: str | None, rights: str) -> None:
        g = self.g.value
        self.iri(g, RDF + "type", PROV + "Entity")
        self.add(g, DCTERMS + "title", title)
        self.iri(g, DCTERMS + "source", source)
        self.iri(g, DCTERMS + "license", license_)
        self.add(g, DCTERMS + "rights", rights)


def _read_json(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ImportError_(f"{path}: not a JSON list of infobox records ({e})") from None


def _slots(box: dict) -> list[str]:
    """The numbering suffixes of the offices: "", "1", "2", … in numeric order."""
    found = {k[len("office"):] for k in box if re.fullmatch(r"office\d*", k)}
    return sorted(found, key=lambda n: int(n) if n else 0)


def wikipedia_quads(records: Iterable[dict], ref: Reference | None = None) -> Iterator[ox.Quad] | list[ox.Quad]:
    """Persons and their holdings from Wikipedia infobox records (political-net's normalised JSON)."""
    ref = ref or load_reference()
    w = _Writer(WIKIPEDIA_GRAPH, ref)
    w.source("Vietnamese Wikipedia infoboxes of officials (political-net, normalised)", WIKIPEDIA_SOURCE, CC_BY_SA,
             "Wikipedia contributors, CC BY-SA 4.0")
    for rec in records:
        box = rec.get("infobox") or {}
        page = str(rec.get("id") or "").strip()
        name = str(box.get("name") or "").strip()
        if not name or "," in name:  # "Trung tướng, Tiến sĩ X" or "X, alias": the page title is the name
            name = str(rec.get("title") or name).strip()
        name = re.sub(r"\s*\(.*\)\s*$", "", _HONORIFIC.sub("", name))
        if not page.isdigit() or not name:
            continue
        person = f"{ID}wikipedia/{page}"
        url = f"https://vi.wikipedia.org/?curid={page}"
        w.iri(person, RDF + "type", SCHEMA + "Person")
        w.add(person, SCHEMA + "name", name)
        w.iri(person, SCHEMA + "url", url)
        w.iri(person, PROV + "wasDerivedFrom", url)
        born, _ = infobox_date(box.get("birth_date"))
        died, _ = infobox_date(box.get("death_date"))
        w.add(person, SCHEMA + "birthDate", date_literal(born))
        w.add(person, SCHEMA + "deathDate", date_literal(died))
        home = box.get("hometown") or box.get("birth_place")
        if isinstance(home, str):
            _, province = find_province(home, ref)
            w.iri(person, VNKG + "hometown", ref.province(province) if province else None)
        for n in _slots(box):
            text = box.get(f"office{n}")
            if not isinstance(text, str) or not text.strip():
                continue
            start, end = box.get(f"term_start{n}"), box.get(f"term_end{n}")
            successor = box.get(f"successor{n}")
            current = _is_present(end) or _is_present(successor)
            start_full, start_part = infobox_date(start)
            for k, office in enumerate(split_office(text, ref), 1):
                h = f"{ID}holding/wikipedia-{page}-{n or 0}-{k}"
                w.iri(h, RDF + "type", VNKG + "PostHolding")
                w.iri(h, ORG + "member", person)
                w.iri(h, VNKG + "post", w.post(office, start_full or start_part))
                w.add(h, VNKG + "status", "current" if current else "former")
                w.dates(h, start, None if _is_present(end) else end)
                w.iri(h, PROV + "wasDerivedFrom", url)
                span = f"{start or '?'} – {end or '?'}"
                w.add(h, VNKG + "evidence", f"{text} ({span})")
                for key_, prop in (("predecessor", "predecessorName"), ("successor", "successorName")):
                    other = box.get(f"{key_}{n}")
                    if isinstance(other, str) and other.strip() and not _is_present(other):
                        w.add(h, VNKG + prop, other.strip())
    return w.quads


def read_wikipedia(path: str | Path) -> list[ox.Quad]:
    data = _read_json(Path(path))
    if not isinstance(data, list):
        raise ImportError_(f"{path}: expected a JSON list of infobox records")
    return wikipedia_quads(data)


def _ep_area(area: str) -> str:
    """EveryPolitician's spelling of a constituency ("TP Hà Nội", "Đắc Lắk") as a province name."""
    area = re.sub(r"^(TP\.?|Thành phố|Tỉnh)\s+", "", area.strip())
    return {"Đắc Lắk": "Đắk Lắk", "Đắc Nông": "Đắk Nông"}.get(area, area)


def everypolitician_quads(rows: Iterable[dict], ref: Reference | None = None) -> list[ox.Quad]:
    """The 13th National Assembly's deputies: a person each (owl:sameAs Wikidata), a deputy holding 2011-2016."""
    from vnkg.vocab import load_vocabulary
    from vnkg.extract.text import key

    ref = ref or load_reference()
    deputy = load_vocabulary().offices.get(key("đại biểu Quốc hội"))
    w = _Writer(EVERYPOLITICIAN_GRAPH, ref)
    w.source("EveryPolitician: Viet Nam, 13th National Assembly (subset)", EVERYPOLITICIAN_SOURCE, None,
             "EveryPolitician (official deputy database and Wikidata, CC0)")
    for n, row in enumerate(rows, 2):
        raw = (row.get("name") or "").strip()
        if not raw:
            continue
        m = re.match(r"^(.*?)\s*\((.*)\)\s*$", raw)
        name, alias = (m.group(1), m.group(2)) if m else (raw, None)
        name = _HONORIFIC.sub("", name)
        area = _ep_area(row.get("area") or "")
        qid = (row.get("wikidata") or "").strip()
        local = qid if re.fullmatch(r"Q\d+", qid) else f"{iri.slug(name)}-{iri.slug(area)}"
        person = f"{ID}everypolitician/{local}"
        w.iri(person, RDF + "type", SCHEMA + "Person")
        w.add(person, SCHEMA + "name", name)
        w.add(person, SCHEMA + "alternateName", alias)
        w.add(person, SCHEMA + "gender", (row.get("gender") or "").strip())
        if re.fullmatch(r"Q\d+", qid):
            w.iri(person, OWL + "sameAs", WIKIDATA + qid)
        title = deputy.label if deputy else "đại biểu Quốc hội"
        office = Office(title, area if ref.province(area) else None,
                        deputy.iri if deputy else iri.entity("office", title), "khóa XIII")
        h = f"{ID}holding/everypolitician-{local}"
        w.iri(h, RDF + "type", VNKG + "PostHolding")
        w.iri(h, ORG + "member", person)
        w.iri(h, VNKG + "post", w.post(office, NA13_TERM[0]))
        w.add(h, VNKG + "status", "former")
        w.add(h, VNKG + "term", "-".join(NA13_TERM))
        w.dates(h, NA13_TERM[0], NA13_TERM[1])
        w.iri(h, PROV + "wasDerivedFrom", EVERYPOLITICIAN_SOURCE)
        w.add(h, VNKG + "evidence", f"{raw}, {row.get('area', '').strip()} (row {n})")
    return w.quads


def read_everypolitician(path: str | Path) -> list[ox.Quad]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ImportError_(f"{path}: cannot read the CSV ({e})") from None
    if rows and not {"name", "area"} <= set(rows[0]):
        raise ImportError_(f"{path}: expected the columns name, area, gender, wikidata")
    return everypolitician_quads(rows)


def import_graph(store, graph: str, quads: list[ox.Quad], *, resolve: bool = True) -> int:
    """Replace one reference source's graph, then re-resolve identities (the new records may link persons)."""
    store.replace_articles({graph: quads})
    if resolve:
        from vnkg.resolve import resolve_store

        resolve_store(store)
    return len(quads)
