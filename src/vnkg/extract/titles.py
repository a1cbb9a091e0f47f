"""Office titles and who holds them.

A title starts at a role word ("Bí thư", "Phó Chủ tịch", "Ủy viên" — graph/lexicon.ttl) and runs
over the body it belongs to (capitalised words, abbreviations, and the lower-case words a title
may hold, "nhân dân", "thường trực") up to punctuation, a name, a verb, a term ("khóa XVII",
"nhiệm kỳ 2020-2025") or a place, which ends it. Titles separated only by commas form a chain;
a chain belongs to the name before it ("Nguyễn Văn An, Bí thư …, Chủ tịch …"), to the name right
after it ("Bí thư Tỉnh ủy Vĩnh Phúc Hoàng Thị Thúy Lan"), to the subject of a conferral
("… giữ chức Bí thư …"), or to every name of a list it heads ("Các Phó Bí thư gồm: A, …; B, …").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from vnkg.extract.grammar import LOWER, UPPER, Grammar
from vnkg.extract.persons import Name
from vnkg.extract.places import Place
from vnkg.extract.text import key

# A word keeps inner dots ("T.Ư") but not a sentence's final one ("… tỉnh.").
_TOKEN = re.compile(r"\s*([,;:()\"“”\[\]]|\.(?=\s|$)|[^\s,;:()\"“”\[\]]+?(?=\.?(?:[\s,;:()\"“”\[\]]|$)))")
_PUNCT = set(",;:()\"“”[].")
_WORDS = re.compile(r"[^\s,;:()\"“”\[\].]+|[,;:()\"“”\[\].]")


def _words(s: str, pos: int) -> list[str]:
    """The next few tokens from ``pos``, lower case, punctuation as tokens of its own."""
    return [w.lower() for w in _WORDS.findall(s, pos, pos + 50)][:6]
_TERM = re.compile(r"\s*,?\s*(?:\(\s*)?(?:(?:khóa|khoá)\s+(?:[IVXLC]+|\d+|mới)\s*,?\s*)?"
                   r"(?:nhiệm kỳ\s+(?P<a>\d{3,4})\s*[-–]\s*(?P<b>\d{4}))?\s*\)?")
_CHAIN_GAP = re.compile(r"\s*(?:,|;|kiêm|và|rồi|-|–)?\s*(?:kiêm|đồng thời)?\s*$")
_AFTER_GAP = re.compile(r"\s*(?:,|-|–|\(|:)?\s*(?:hiện là\s+|là\s+|hiện\s+)?$")
_GLUE_GAP = re.compile(r"\s*(?:(?:đồng chí|ông|bà)\s+)?$")
_LIST_BEFORE = re.compile(r"(?:^|\s)(?:Các|các|\d+)\s+$")
_LIST_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:gồm|là|có)?\s*(?:các\s+(?:ông|bà|đồng chí)|các\s+đồng chí|đồng chí)?\s*:")
_LIST_AFTER2 = re.compile(r"\s*gồm\b")


@dataclass
class Title:
    start: int
    end: int  # end of the whole span (place and term included)
    head: str
    text: str  # the title as written, without place and term (matching form)
    former: bool = False  # "nguyên"
    place: str | None = None  # province named right after the title
    term: str | None = None
    body_end: int = 0


@dataclass
class Assigned:
    name: Name
    title: Title
    status: str = "current"  # "former", or "during" (past unless called current elsewhere)
    ended: bool = False  # an act ends it (miễn nhiệm, thôi giữ, moved away): stronger than a mention
    conferred: bool = False
    list_head: bool = False
    chain: list = field(default_factory=list)


_FORMER_BEFORE = re.compile(r"(?<![\w])(?:nguyên|Nguyên|cựu|Cựu)\s+$")


def find_titles(s: str, names: list[Name], places: list[Place], g: Grammar) -> list[Title]:
    name_starts = {n.start for n in names}
    place_at = {p.start: p for p in places}
    out: list[Title] = []
    # (start, head start, head end, former): capitalised heads, and lower-case ones after a cue.
    found = []
    for m in g.role_re.finditer(s):
        f = _FORMER_BEFORE.search(s, max(0, m.start() - 8), m.start())
        found.append((f.start() if f else m.start(), m.start(), m.end(), bool(f)))
    for m in g.role_lc_re.finditer(s):
        cue = g.title_cue_before_re.search(s, max(0, m.start() - 12), m.start())
        if cue and not any(a <= m.start() < c for _, a, c, _f in found):
            found.append((m.start(), m.start(), m.end(), key(cue.group()) in ("nguyên", "cựu")))
            found.sort()
    pos = 0
    for start, hs, he, former in found:
        if start < pos:
            continue
        raw = s[hs:he]
        # "Ban Bí thư", "Ban Chủ nhiệm": the word heads a body's name, not an office.
        if s.endswith("Ban ", 0, hs):
            continue
        if any(n.start <= start < n.end for n in names):
            continue
        head = g.head_form.get(key(raw), raw)
        body_end, place, end = _extend(s, he, name_starts, place_at, g)
        text = head + s[he:body_end].rstrip()
        if place and body_end <= he:
            # "Phó Chủ tịch tỉnh Đồng Nai": the level word, taken with the place, names the office.
            level = "tỉnh" if s.startswith(" tỉnh", he) else "thành phố" if s.startswith((" thành phố", " TP"), he) else None
            if level and key(f"{head} {level}") in g.offices:
                text = f"{head} {level}"
        if not raw[0].isupper() and body_end <= he:
            continue  # "là chủ tịch" alone: a common noun, not an office
        title = Title(hs, end, head, text, former, place, None, body_end)
        tm = _TERM.match(s, end)
        if tm and tm.group().strip(" ,"):
            title.end = tm.end() if tm.group().strip() else end
            if tm.group("a"):
                a = tm.group("a")
                title.term = f"{a if len(a) == 4 else tm.group('b')[:2] + a[-2:]}-{tm.group('b')}"
        if start != hs:
            title.start = start
        out.append(title)
        pos = max(title.end, he)
    return out


def _extend(s: str, pos: int, name_starts, place_at, g: Grammar):
    """Walk over the body of a title; return (end of body, place, end of span)."""
    body_end = pos
    n = 0
    while n < 25:
        n += 1
        ws = len(s) - len(s[pos:].lstrip())
        here = ws if ws > pos else pos
        if here in name_starts:
            break
        if here in place_at:
            p = place_at[here]
            return body_end, p.province, p.end
        m = _TOKEN.match(s, pos)
        if not m:
            break
        tok = m.group(1)
        if tok in _PUNCT:
            break
        if tok in ("-", "–"):
            nxt = _TOKEN.match(s, m.end())
            if nxt and nxt.group(1)[:1].isupper() and not g.role_re.match(s, nxt.start(1)) \
                    and nxt.start(1) not in name_starts:
                pos = m.end()
                continue
            break
        words = _words(s, m.start(1))
        phrase = _phrase(words, g.title_words)
        if phrase:
            # "và", "của", "thuộc" only join when a capitalised body follows.
            last = m.start(1)
            for _ in range(phrase):
                mm = _TOKEN.match(s, last)
                last = mm.end()
            if key(tok) in ("và", "của", "thuộc"):
                nxt = _TOKEN.match(s, last)
                if not nxt or not nxt.group(1)[:1].isupper() or nxt.start(1) in name_starts:
                    break
            pos = body_end = last
            continue
        if key(tok) in ("và", "của", "thuộc"):
            nxt = _TOKEN.match(s, m.end())
            if nxt and nxt.group(1)[:1].isupper() and nxt.start(1) not in name_starts \
                    and not g.role_re.match(s, nxt.start(1)):
                pos = body_end = m.end()
                continue
            break
        if _phrase(words, g.title_stops):
            break
        if tok[:1].isupper() or tok[:1].isdigit() or tok in ("&",):
            if g.role_re.match(s, m.start(1)) and m.start(1) > pos:
                break
            pos = body_end = m.end()
            # The lower-case syllable of a capitalised word ("Bộ Chính trị", "Lý luận").
            nxt = _TOKEN.match(s, pos)
            if nxt and nxt.group(1)[:1].islower() and nxt.start(1) == pos + 1 and tok[:1].isupper() \
                    and key(nxt.group(1)) not in ("và", "của", "thuộc") \
                    and not _phrase(_words(s, nxt.start(1)), g.title_stops) \
                    and not _phrase(_words(s, nxt.start(1)), g.title_words) \
                    and not any(c.match(s, nxt.start(1)) for c in g.cue.values()) \
                    and _closes(s, nxt.end(), g):
                pos = body_end = nxt.end()
            continue
        break
    return body_end, None, body_end


def _closes(s: str, pos: int, g: Grammar) -> bool:
    """After "Bộ Công an", "Bộ Chính trị" comes punctuation, a capital, a title word or a verb that ends
    the title; after "xã Phù Lỗ xác" comes "định": the lower-case syllable began the sentence's verb."""
    m = _TOKEN.match(s, pos)
    if not m:
        return True
    tok = m.group(1)
    if tok in _PUNCT or not tok[:1].islower() or key(tok) in ("và", "của", "thuộc"):
        return True
    words = _words(s, m.start(1))
    return bool(_phrase(words, g.title_stops) or _phrase(words, g.title_words)
                or any(c.match(s, m.start(1)) for c in g.cue.values()))


def _phrase(words: list[str], phrases) -> int:
    """Length of the longest phrase (a tuple of words, indexed by its first word) ``words`` start with."""
    if not words:
        return 0
    for p in phrases.get(words[0], ()):
        if tuple(words[:len(p)]) == p:
            return len(p)
    return 0


def chains(s: str, titles: list[Title], names: list[Name]) -> list[list[Title]]:
    out: list[list[Title]] = []
    for t in titles:
        if out:
            prev = out[-1][-1]
            gap = s[prev.end:t.start]
            if _CHAIN_GAP.fullmatch(gap) and not any(prev.end <= n.start < t.start for n in names):
                out[-1].append(t)
                continue
        out.append([t])
    return out


# "miễn nhiệm chức vụ T đối với ông X": the object of the act, named after the office.
_OBJECT_AFTER = re.compile(r"\s*,?\s*(?:đối với|cho|với)\s+(?:(?:ông|bà|đồng chí)\s+)?")
# "giữ chức T thay ông X": X held T before.
_REPLACES = re.compile(r"\s*,?\s*thay\s+(?:cho\s+)?(?:(?:ông|bà|đồng chí)\s+)?")
# "điều động ông X (T) đến giữ chức …": the office in brackets is the one X leaves.
_MOVED_AFTER = re.compile(r"\s*\)?\s*,?\s*(?:đến|sang|về|để)?\s*(?:giữ|làm|nhận|công tác|đảm nhiệm)\b")
_HONORIFIC_END = re.compile(r"\s*(?:(?:ông|bà|đồng chí)\s*)?$")
_ITEM_START = re.compile(r"(?:^|[;:])\s*(?:(?:các\s+)?(?:ông|bà|đồng chí)\s+)?$")


def assign(s: str, titles: list[Title], names: list[Name], g: Grammar) -> list[Assigned]:
    """Who holds which title in one sentence."""
    out: list[Assigned] = []
    all_chains = chains(s, titles, names)
    prev_chain_end = 0
    for ch in all_chains:
        start, end = ch[0].start, ch[-1].end
        before = [n for n in names if n.end <= start]
        after = [n for n in names if n.start >= end]
        prev_name = before[-1] if before else None
        next_name = after[0] if after else None
        clause_from = max(prev_name.end if prev_name else 0, prev_chain_end)
        clause = s[clause_from:start]
        prev_chain_end = end
        gap_prev = s[prev_name.end:start] if prev_name else None
        gap_next = s[end:next_name.start] if next_name else None

        def give(name, chain, **kw):
            for t in chain:
                out.append(Assigned(name, t, chain=chain, **kw))

        if next_name:
            rm = _REPLACES.match(s, end)
            if rm and rm.end() == next_name.start:
                give(next_name, ch, status="former")
        if _LIST_BEFORE.search(s[:start]) and (_LIST_AFTER.match(s, end) or _LIST_AFTER2.match(s, end)):
            for n in after:
                give(n, ch, list_head=True)
            continue
        if _LIST_AFTER.match(s, end) and after and not (gap_prev is not None and _AFTER_GAP.fullmatch(gap_prev)):
            for n in after:
                give(n, ch, list_head=True)
            continue
        if prev_name and gap_prev is not None and _AFTER_GAP.fullmatch(gap_prev):
            if next_name and len(ch) > 1 and gap_next is not None and gap_next.strip() == "" and gap_next == " ":
                give(prev_name, ch[:-1])
                give(next_name, ch[-1:])
            elif "(" in gap_prev and _ends_with(s[max(0, prev_name.start - 40):prev_name.start], g.cue["moved"],
                                                honorific=True) and _MOVED_AFTER.match(s, end):
                # Moved to another office: the one left ends; a Party committee seat goes on.
                for t in ch:
                    seat = t.head.startswith("Ủy viên")
                    out.append(Assigned(prev_name, t, chain=ch, status="current" if seat else "former", ended=not seat))
            else:
                give(prev_name, ch)
                # "Đỗ Văn A, Lê Văn B, nguyên Tổng Bí thư;": one title for a list item of names.
                if s[end:end + 2].strip()[:1] in ("", ";", "."):
                    i = names.index(prev_name)
                    while i > 0 and re.fullmatch(r"\s*(?:,|và)\s*", s[names[i - 1].end:names[i].start]):
                        i -= 1
                    if i < names.index(prev_name) and _ITEM_START.search(s[:names[i].start]):
                        for n in names[i:names.index(prev_name)]:
                            give(n, ch)
            continue
        if next_name and gap_next is not None and _GLUE_GAP.fullmatch(gap_next):
            give(next_name, ch)
            continue
        ended = _ends_with(clause, g.cue["ended"], chức=True)
        conferred = not ended and _ends_with(clause, g.cue["conferred"], chức=True)
        if next_name and (ended or conferred):
            om = _OBJECT_AFTER.match(s, end)
            if om and om.end() == next_name.start:
                give(next_name, ch, status="former" if ended else "current", conferred=conferred, ended=ended)
                continue
        if (ended or conferred) and re.search(r"\bvề việc\b", clause):
            continue  # "tờ trình của X về việc miễn nhiệm chức vụ T": X is not the one relieved
        if conferred and g.cue["planned"].search(clause):
            continue  # "giới thiệu để HĐND bầu giữ chức T": proposed, not held
        owner = prev_name or next_name
        if owner is None:
            continue
        if ended:
            give(owner, ch, status="former", ended=True)
        elif _ends_with(clause, g.cue["during"], chức=True):
            give(owner, ch, status="during")
        elif _ends_with(clause, g.cue["held-before"], chức=True, colon=True) or \
                _ends_with(clause, g.cue["former"], chức=True, colon=True):
            give(owner, ch, status="former")
        elif conferred:
            give(owner, ch, conferred=True)
    return out


_TAIL = r"(?:\s+lại)?(?:\s+(?:làm|giữ))?(?:\s+(?:các\s+|những\s+)?(?:chức vụ|chức danh|cương vị|chức))?(?:\s+là)?\s*"


def _ends_with(clause: str, cue: re.Pattern, chức: bool = False, colon: bool = False, honorific: bool = False) -> bool:
    tail = clause[-80:]
    for m in cue.finditer(tail):
        rest = tail[m.end():]
        if re.fullmatch(_TAIL + (r":?\s*" if colon else ""), rest):
            return True
        if honorific and _HONORIFIC_END.fullmatch(rest):
            return True
        if colon and re.fullmatch(r"[^.;]{0,40}:\s*", rest):
            return True
    return False


# --- Canonical titles --------------------------------------------------------------------------

_TYPOS = [
    (re.compile(r"\bBí Thường trực\b"), "Bí thư Thường trực"),
    (re.compile(r"^((?:Phó )?Bí thư(?: Thường trực)?) (Tỉnh|Thành|Huyện)$"), r"\1 \2 ủy"),  # "Phó Bí thư Tỉnh"
    (re.compile(r"\s+(?:và|của|thuộc)$"), ""),
]
_CASE = [
    (re.compile(r"\b(Phó Trưởng|Trưởng) (ban|đoàn)\b"), lambda m: f"{m.group(1)} {m.group(2).capitalize()}"),
    (re.compile(r"\b(Phó Chủ tịch|Phó Bí thư|Phó Thủ tướng) thường trực\b"), lambda m: f"{m.group(1)} Thường trực"),
    (re.compile(r"\bQuốc Hội\b"), lambda m: "Quốc hội"),
    (re.compile(r"\bChánh văn phòng\b"), lambda m: "Chánh Văn phòng"),
]
_SO = re.compile(r"\bSở\b")


def expand(text: str, g: Grammar) -> str:
    for pat, repl in _TYPOS:
        text = pat.sub(repl, text)
    for pat, full in g.abbreviations:
        text = pat.sub(full, text)
    for pat, fn in _CASE:
        text = pat.sub(fn, text)
    return " ".join(text.split())


# A district, ward or commune named after its level word ("Bí thư Huyện ủy Nhơn Trạch", "Chủ tịch
# UBND huyện Krông Nô"): the place, not part of the office (GOLD.md: titles are written without it).
_LOCAL_NAME = re.compile(rf"\b(Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|huyện|quận|thị xã|thị trấn|xã|phường)"
                         rf"(?:\s+(?:[{UPPER}][^\s]*|\d+))+$")


def canonical(text: str, province_city: bool | None, g: Grammar):
    """(title as GOLD.md writes it, office IRI or None, level)."""
    t = expand(text, g)
    t = _LOCAL_NAME.sub(r"\1", t)
    office = g.offices.get(key(t))
    # "Chủ tịch HĐND" + the province's level word; a bare role ("Phó Chủ tịch") states no office.
    if office is None and province_city is not None and key(t) not in g.head_form:
        office = g.offices.get(key(t + (" thành phố" if province_city else " tỉnh")))
    if office is None and province_city:
        office = g.offices.get(key(t.replace("Tỉnh ủy", "Thành ủy")))
    if office:
        return office.label, office.iri, office.level
    if _SO.search(t):
        t = re.sub(r"\s+(tỉnh|thành phố)$", "", t)
        return t, None, "provincial"
    if re.search(r"\b(Huyện ủy|Quận ủy|Thị ủy|huyện|quận|thị xã)\b", t):
        return t, None, "district"
    if re.search(r"\b(Tỉnh ủy|Thành ủy|tỉnh|thành phố|Tỉnh đoàn|Thành đoàn)\b", t):
        return t, None, "provincial"
    return t, None, "central"


# --- Memberships stated as "tham gia Ban Chấp hành, Ban Thường vụ …" -----------------------------

_BODY = r"(?:Ban Chấp hành|Ban Thường vụ|BCH|BTV|Ủy ban Kiểm tra|UBKT)"
_MEMBERSHIP = re.compile(
    rf"(?P<thoi>thôi\s+)?tham gia\s+(?P<bodies>{_BODY}(?:\s*(?:,|và)\s*{_BODY})*)"
    rf"(?P<suffix>\s+(?:Đảng ủy|Đảng bộ|Tỉnh ủy|Thành ủy|Quân ủy|Trung ương)"
    rf"(?:\s+(?:[{UPPER}]\w*(?:\s(?!nhiệm|khóa|khoá)[{LOWER}]+(?=[\s,.;]|$))?|tỉnh|thành phố))*)?")
_BODY_RE = re.compile(_BODY)


def memberships(s: str, names: list[Name], places: list[Place], g: Grammar) -> list[Assigned]:
    """"(thôi) tham gia Ban Chấp hành, Ban Thường vụ [Đảng ủy X]": membership of each body."""
    out: list[Assigned] = []
    for m in _MEMBERSHIP.finditer(s):
        before = [n for n in names if n.end <= m.start()]
        if not before:
            continue
        suffix = (m.group("suffix") or "").strip()
        place = None
        for p in places:
            if m.start() <= p.start and (not suffix or p.start < m.end()):
                place = p.province
                break
        if suffix and place:
            suffix = re.sub(r"\s+(?:tỉnh|thành phố)?\s*" + re.escape(place) + r"$", "", suffix)
        for b in _BODY_RE.findall(m.group("bodies")):
            body = expand(b, g)
            if suffix and suffix not in ("Tỉnh ủy", "Thành ủy", "Đảng bộ"):
                text = f"Ủy viên {body} {suffix}"
            elif body == "Ban Chấp hành":
                text = "Ủy viên Ban Chấp hành Đảng bộ tỉnh"
            else:
                text = f"Ủy viên {body} Tỉnh ủy"
            t = Title(m.start(), m.end(), "Ủy viên", text, place=place if not (suffix and "Trung ương" in suffix) else None,
                      body_end=m.end())
            out.append(Assigned(before[-1], t, status="former" if m.group("thoi") else "current",
                                conferred=not m.group("thoi"), chain=[t]))
    return out
