"""Provinces named in a text, and the province an article is about.

A province counts as a place mention when the text names it as a place ("tỉnh Tuyên Quang",
"Tỉnh ủy Vĩnh Phúc", "tại Thái Nguyên"), not when it is only part of an institution's name
("Báo Tuyên Quang", "Cổng TTĐT tỉnh Yên Bái") or of a longer proper name ("Điện Biên Phủ").
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from vnkg.extract.grammar import UPPER, Grammar
from vnkg.extract.text import key, match_form

_CLAUSE_START = re.compile(r"[,;.:!?()\"“”]")
_DASH = re.compile(r"\s*-\s*")
_CAP_AFTER = re.compile(rf" [{UPPER}]")


@dataclass
class Place:
    start: int  # the span, prefix included
    end: int
    name_start: int  # where the name itself starts
    province: str  # short label ("Vĩnh Phúc"), or a former compound province as written
    prefixed: bool  # "tỉnh", "thành phố", "TP" in front
    institution: bool  # inside an institution's name: not a mention, still a clue
    in_title: bool = False  # part of an office title ("Bí thư Tỉnh ủy Vĩnh Phúc")


def find_places(s: str, g: Grammar, taken: list[tuple[int, int]] = (),
                found: list[tuple[int, int]] | None = None) -> list[Place]:
    """Provinces in ``s`` (matching form), skipping spans already taken by names. ``found``: the
    spans of g.province_name_re in ``s`` when already found (text.SentenceScan)."""
    out: list[Place] = []
    pos = 0
    stops = None  # clause starts, found once (rescanning per place was quadratic) and only when needed
    k = 0
    while True:
        if found is None:
            m = g.province_name_re.search(s, pos)
            if not m:
                break
            nstart, mend = m.span()
        else:
            # The next match at or after ``pos``: what search(s, pos) finds, since ``pos`` is always
            # the end of a match (the second name of "Quảng Nam-Đà Nẵng" is itself the next match).
            while k < len(found) and found[k][0] < pos:
                k += 1
            if k == len(found):
                break
            nstart, mend = found[k]
            k += 1
        pos = mend
        name = s[nstart:mend]
        pm = g.prefix_before_re.search(s, max(0, nstart - 12), nstart)
        prefix = pm.group().strip() if pm else None
        label = g.province_of.get(key(name))
        if label is None:
            continue
        if not prefix and label in g.prefix_only_provinces and (key(name) == key(label) or label not in g.person_like_provinces):
            continue  # "Hồ Chí Minh" alone is the person, "TP Hồ Chí Minh" the city; "tỉnh Sông Bé" a former province
        start = pm.start() if pm else nstart
        if any(a < mend and nstart < b for a, b in taken):
            continue
        end = mend
        # "tỉnh Quảng Nam-Đà Nẵng": one former province written as two.
        d = _DASH.match(s, end)
        if prefix and d:
            m2 = g.province_name_re.match(s, d.end())
            if m2 and key(m2.group()) in g.province_of:
                label = f"{label}-{g.province_of[key(m2.group())]}"
                end = m2.end()
                pos = end
        # A longer proper name going on with capitals ("Điện Biên Phủ") is not the province,
        # unless what follows is a person ("Bí thư Tỉnh ủy Vĩnh Phúc Hoàng Thị Thúy Lan").
        if _CAP_AFTER.match(s, end) and not any(a == end + 1 for a, b in taken) and not prefix:
            nxt = s[end + 1:end + 12].split(" ")[0]
            # "Thái Bình Dương" is a sea, though "Dương" may start a name.
            if key(nxt) not in g.surnames or key(f"{name} {nxt}") in g.place_name_keys:
                continue
        if stops is None:
            stops = [mm.end() for mm in _CLAUSE_START.finditer(s)]
        i = bisect.bisect_right(stops, start)
        cut = stops[i - 1] if i else 0
        institution = bool(g.institution_re.search(s[cut:start]))
        out.append(Place(start, end, nstart, label, bool(prefix), institution))
    return out


def provinces_in(text: str | None, g: Grammar) -> list[str]:
    """Province labels anywhere in a short string (a headline, an outlet's name)."""
    if not text:
        return []
    return [p.province for p in find_places(match_form(text), g)]


def subject_province(title: str | None, outlet: str | None, body: list[Place], g: Grammar) -> str | None:
    """The province the article is about: its headline, then what the body names most, then
    the outlet's province (a local paper writes "tỉnh" for its own province)."""
    score: Counter = Counter()
    for p in provinces_in(title, g):
        score[p] += 3
    for p in body:
        # A province named only inside an institution's name ("Trường Đại học Kiến trúc Hà Nội")
        # says where the institution is, not what the article is about (GOLD.md, provinces).
        if "-" not in p.province and not p.institution:
            score[p.province] += 1
    for p in provinces_in(outlet, g):
        score[p] += 1.5
    if not score:
        return None
    return score.most_common(1)[0][0]
