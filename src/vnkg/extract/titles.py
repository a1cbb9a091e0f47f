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

from vnkg.extract.grammar import LOWER, UPPER, Grammar, loose_key
from vnkg.extract.persons import Name
from vnkg.extract.places import Place
from vnkg.extract.text import key

# A word keeps inner dots ("T.Ư") but not a sentence's final one ("… tỉnh.").
_TOKEN = re.compile(r"\s*([,;:()\"“”\[\]]|\.(?=\s|$)|[^\s,;:()\"“”\[\]]+?(?=\.?(?:[\s,;:()\"“”\[\]]|$)))")
_PUNCT = set(",;:()\"“”[].")
_WORDS = re.compile(r"[^\s,;:()\"“”\[\].]+|[,;:()\"“”\[\].]")


def _words(s: str, pos: int) -> list[str]:
    """The next few tokens from ``pos``, lower case, punctuation as tokens of its own."""
    return [w.lower() for w in _WORDS.findall(s, pos, pos + 50)[:6]]
_TERM = re.compile(r"\s*,?\s*(?:\(\s*)?(?:(?:khóa|khoá)\s+(?:[IVXLC]+|\d+|mới)\s*,?\s*)?"
                   r"(?:nhiệm kỳ\s+(?P<a>\d{3,4})\s*[-–]\s*(?P<b>\d{4}))?\s*\)?")
# Only a name with lower-case words or inner separators needs the vocabulary to find its end.
_LOWER_OR_SEP = re.compile(rf"\s*[,\-–&]|\s+[{LOWER}]")
_NO_NUMBER_AFTER = re.compile(r"(?:ủy|uỷ|Trung ương|Quốc hội|Đảng|nhân dân|Chính phủ|tỉnh|thành phố)\s+$")
_BRACKET_ABBR = re.compile(r"\(\s*[A-ZĐ][A-ZĐ&.\-]+\s*\)")
# "nguyên Phó Giám đốc Sở Y, nay là Giám đốc Z": one chain, each title with its own status.
_CHAIN_GAP = re.compile(r"\s*(?:,|;|kiêm|và|rồi|-|–)?\s*(?:kiêm|đồng thời|(?:nay|hiện nay|hiện)(?:\s+(?:là|giữ chức|làm))?)?\s*$")
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
    institution: bool = False  # ends with a national institution named with its city: no province


@dataclass
class Assigned:
    name: Name
    title: Title
    status: str = "current"  # "former", or "during" (past unless called current elsewhere)
    ended: bool = False  # an act ends it (miễn nhiệm, thôi giữ, moved away): stronger than a mention
    conferred: bool = False
    list_head: bool = False
    chain: list = field(default_factory=list)


_ACTING_BEFORE = re.compile(r"(?<![\w])[Qq]uyền\s+$")
_FORMER_BEFORE = re.compile(r"(?<![\w])(?:nguyên|Nguyên|cựu|Cựu)\s+$")


_SPACES_AT = re.compile(r"\s*")


def heads(s: str, g: Grammar) -> tuple[list, list]:
    """Where offices may start in ``s``: spans of g.role_re, and (role start, cue, end) of g.lc_title_re."""
    return [m.span() for m in g.role_re.finditer(s)], \
        [(m.start("role"), m.group("cue"), m.end()) for m in g.lc_title_re.finditer(s)]


def find_titles(s: str, names: list[Name], places: list[Place], g: Grammar, scanned: tuple | None = None) -> list[Title]:
    """The office titles of one sentence. ``scanned``: its ``heads`` when already found."""
    role, lc = scanned if scanned is not None else heads(s, g)
    # (start, head start, head end, former): capitalised heads, and lower-case ones after a cue.
    found = []
    for ms, me in role:
        f = _FORMER_BEFORE.search(s, max(0, ms - 8), ms)
        found.append((f.start() if f else ms, ms, me, bool(f), False))
    if "(" in s:  # "sáu ủy viên Bộ Chính trị (A, B, …)": counted offices head bracketed lists only
        lc = lc + [(m.start("role"), m.group("cue"), m.end()) for m in g.lc_count_re.finditer(s)]
    if not found and not lc:
        return []  # most sentences hold no office
    name_starts = {n.start for n in names}
    place_at = {p.start: p for p in places}
    out: list[Title] = []
    for rs, cue, lc_end in lc:
        # "nguyên chủ tịch UBND tỉnh": lower case after a cue; "Các ủy viên Trung ương Đảng: A, B, C":
        # a plural office heading a list.
        cue = key(cue)
        if not any(a <= rs < c for _, a, c, _f, _p in found):
            found.append((rs, rs, lc_end, cue in ("nguyên", "cựu"), cue == "các" or cue in g.count_words))
            found.sort()
    pos = 0
    for start, hs, he, former, need_list in found:
        if start < pos:
            continue
        raw = s[hs:he]
        # "Ban Bí thư", "Ban Chủ nhiệm": the word heads a body's name, not an office.
        if s.endswith("Ban ", 0, hs):
            continue
        if any(n.start <= start < n.end for n in names):
            continue
        head = g.head_form.get(key(raw), raw)
        # "quyền Hiệu trưởng": an acting holder; the office says so (GOLD.md keeps the word).
        acting = _ACTING_BEFORE.search(s, max(0, hs - 8), hs) if start == hs else None
        if acting:
            head, start = f"Quyền {head}", acting.start()
        body_end, place, end, inst = _extend(s, he, name_starts, place_at, g, hs)
        text = head + s[he:body_end].rstrip()
        if "(" in text:
            text = " ".join(_BRACKET_ABBR.sub(" ", text).split())
        if place and body_end <= he:
            # "Phó Chủ tịch tỉnh Đồng Nai": the level word, taken with the place, names the office.
            level = "tỉnh" if s.startswith(" tỉnh", he) else "thành phố" if s.startswith((" thành phố", " TP"), he) else None
            if level and key(f"{head} {level}") in g.offices:
                text = f"{head} {level}"
        if not raw[0].isupper() and body_end <= he:
            continue  # "là chủ tịch" alone: a common noun, not an office
        if need_list and not (_LIST_AFTER.match(s, end) or _paren_list(s, end, names)):
            continue
        title = Title(hs, end, head, text, former, place, None, body_end, inst)
        tm = _TERM.match(s, end)
        if tm and tm.group().strip(" ,()"):  # a bracket alone is no term: "(A, B, …)" may list members
            title.end = tm.end() if tm.group().strip() else end
            if tm.group("a"):
                a = tm.group("a")
                title.term = f"{a if len(a) == 4 else tm.group('b')[:2] + a[-2:]}-{tm.group('b')}"
        if start != hs:
            title.start = start
        out.append(title)
        pos = max(title.end, he)
    return _rank_and_office(s, out)


_COMMA = re.compile(r"\s*,\s*")


def _rank_and_office(s: str, titles: list[Title]) -> list[Title]:
    """"Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc": a minister's rank before the agency he heads is one office."""
    i = 0
    while i + 1 < len(titles):
        a, b = titles[i], titles[i + 1]
        if a.text == a.head == "Bộ trưởng" and b.head == "Chủ nhiệm" and len(b.text) > len(b.head) \
                and _COMMA.fullmatch(s, a.end, b.start):
            titles[i:i + 2] = [Title(a.start, b.end, a.head, f"{a.text}, {b.text}", a.former, b.place, b.term,
                                     b.body_end, b.institution)]
        i += 1
    return titles


def _extend(s: str, pos: int, name_starts, place_at, g: Grammar, hs: int | None = None):
    """Walk over the body of a title; return (end of body, place, end of span)."""
    body_end = pos
    n = 0
    inst = False
    tried = False
    while n < 25:
        n += 1
        here = _SPACES_AT.match(s, pos).end()  # past the spaces (str.lstrip's, without copying the rest)
        if here in name_starts:
            break
        if here in place_at:
            p = place_at[here]
            # "Giám đốc ĐHQG Hà Nội", "Phó Giám đốc Đại học Huế": the city is part of a national
            # institution's name; its offices belong to no province.
            if hs is not None and g.national_institution_re.search(s, hs, here):
                pos = body_end = p.end
                inst = True
                continue
            return body_end, p.province, p.end, inst
        m = _TOKEN.match(s, pos)
        if not m:
            break
        tok = m.group(1)
        if tok == "(":
            # "Kho bạc Nhà nước (KBNN) tỉnh Phú Yên": an abbreviation in brackets inside the name.
            ab = _BRACKET_ABBR.match(s, m.start(1))
            if ab:
                pos = ab.end()
                continue
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
        if phrase and words[0] == "chỉ" and not re.search(r"(?:Ban|ban)\s+$", s[max(0, m.start(1) - 5):m.start(1)]):
            phrase = 0  # "Ban Chỉ đạo" names a body; "Chủ tịch HĐND tỉnh chỉ đạo …" is the verb
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
        if key(tok) == "phụ" and s.startswith("phụ trách ", m.start(1)):
            # "Phó Giám đốc phụ trách Sở Xây dựng": the body in charge of is the office's.
            nxt = _TOKEN.match(s, m.start(1) + 9)
            if nxt and nxt.group(1)[:1].isupper() and nxt.start(1) not in name_starts \
                    and not g.role_re.match(s, nxt.start(1)):
                pos = body_end = m.start(1) + 9
                continue
            break
        if key(tok) in ("và", "của", "thuộc", "sở"):  # "Giám đốc sở Giao thông vận tải"
            nxt = _TOKEN.match(s, m.end())
            if nxt and nxt.group(1)[:1].isupper() and nxt.start(1) not in name_starts \
                    and not g.role_re.match(s, nxt.start(1)) and not g.honorific_re.match(nxt.group(1) + " "):
                pos = body_end = m.end()
                continue
            break
        if key(tok) == "tại" and len(words) > 1:
            # "Đại sứ Việt Nam tại Liên bang Nga": a post abroad names its country.
            here_end = _country_end(s, m.end(), g)
            if here_end is not None and here_end not in name_starts:
                pos = body_end = here_end
                continue
        if _phrase(words, g.title_stops) or g.time_re.match(s, m.start(1)):
            break
        if tok[:1].isupper() and hs is not None and not tried and _LOWER_OR_SEP.match(s, m.end()):
            # A known office runs on over lower-case words and inner commas ("Sở Khoa học công nghệ",
            # "Văn phòng Đăng ký đất đai", "Ủy ban Văn hóa, Giáo dục, Thanh niên … của Quốc hội"):
            # the vocabulary says where its name ends.
            tried = True  # once per title, from its body's first capitalised word: the walk covers the rest
            known = _known_body_end(s, hs, m.start(1), name_starts, place_at, g)
            if known is not None and known > m.end():
                pos = body_end = known
                continue
        if tok[:1].isdigit() and _NO_NUMBER_AFTER.search(s, max(0, m.start(1) - 14), m.start(1)):
            break  # "Ủy viên Ban Thường vụ Tỉnh ủy 2 nhiệm kỳ": a count, not a unit's number ("Quận 12")
        if tok[:1].isupper() or tok[:1].isdigit() or tok in ("&",):
            if g.role_re.match(s, m.start(1)) and m.start(1) > pos:
                # "Chủ nhiệm Văn phòng Chủ tịch nước": a role word inside a known office's name goes on.
                known = _known_office_end(s, hs, m.start(1), name_starts, g) if hs is not None else None
                if known is None:
                    break
                pos = body_end = known
                continue
            pos = body_end = m.end()
            # The lower-case syllable of a capitalised word ("Bộ Chính trị", "Lý luận").
            nxt = _TOKEN.match(s, pos)
            if nxt and nxt.group(1)[:1].islower() and nxt.start(1) == pos + 1 and tok[:1].isupper() \
                    and key(nxt.group(1)) not in ("và", "của", "thuộc") \
                    and not _phrase(_words(s, nxt.start(1)), g.title_stops) \
                    and not _phrase(_words(s, nxt.start(1)), g.title_words) \
                    and not any(c.match(s, nxt.start(1)) for c in g.cue.values()) \
                    and not g.time_re.match(s, nxt.start(1)) \
                    and _closes(s, nxt.end(), g):
                pos = body_end = nxt.end()
            continue
        break
    return body_end, None, body_end, inst


def _country_end(s: str, pos: int, g: Grammar) -> int | None:
    """The end of a country's name (graph/lexicon.ttl) of up to three words starting at ``pos``."""
    best, end = None, pos
    for _ in range(3):
        m = _TOKEN.match(s, end)
        if not m or not m.group(1)[:1].isalpha():
            break
        end = m.end()
        if key(s[pos:end]) in g.countries:
            best = end
    return best


def _known_office_end(s: str, hs: int, pos: int, name_starts, g: Grammar) -> int | None:
    """The end of the longest known office (graph/offices.ttl) that starts at ``hs`` and runs on
    over up to four words from ``pos``, else None."""
    best = None
    end = pos
    for _ in range(4):
        m = _TOKEN.match(s, end)
        if not m or m.group(1) in _PUNCT or m.start(1) in name_starts:
            break
        end = m.end()
        if g.offices.get(key(expand(s[hs:end], g))):
            best = end
    return best


def _known_body_end(s: str, hs: int, pos: int, name_starts, place_at, g: Grammar) -> int | None:
    """The end of the longest known office (loosely matched: "và", "&", "-", "," ignored) that
    starts at ``hs`` and runs on from ``pos``; the walk stops as soon as no office starts so."""
    best = None
    end = pos
    for _ in range(16):
        m = _TOKEN.match(s, end)
        if not m or m.group(1) in _PUNCT and m.group(1) != "," or m.start(1) in name_starts \
                or m.start(1) in place_at or s.startswith(("tỉnh ", "thành phố "), m.start(1)) and m.start(1) > pos:
            break
        end = m.end()
        if m.group(1) in (",", "-", "–", "&") or key(m.group(1)) == "và":
            continue
        lk = loose_key(expand(s[hs:end], g))
        if lk not in g.office_prefixes:
            break
        if lk in g.offices_loose:
            best = end
    return best


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
    title_first = _title_first(s, all_chains, names)
    prev_chain_end = 0
    for ci, ch in enumerate(all_chains):
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
            for n in _list_members(s, end, after):
                give(n, ch, list_head=True)
            continue
        inside = _paren_list(s, end, names) if "(" in s[end:end + 3] and (
            _LIST_BEFORE.search(s[:start]) or _count_before(s, start, g)) else None
        if inside:
            # "Sáu ủy viên Bộ Chính trị (Tổng Bí thư A, Phó Thủ tướng B, …)": each member in brackets.
            for n in inside:
                give(n, ch, list_head=True)
            continue
        if _LIST_AFTER.match(s, end) and after and not (gap_prev is not None and _AFTER_GAP.fullmatch(gap_prev)):
            for n in _list_members(s, end, after):
                give(n, ch, list_head=True)
            continue
        # "Bộ trưởng X Nguyễn Văn A, Bộ trưởng Y Trần Văn B": in a list whose items are written title
        # first, a title glued to the name after it is that name's, not the one before the comma.
        if ci in title_first:
            give(next_name, ch)
            continue
        if prev_name and gap_prev is not None and _AFTER_GAP.fullmatch(gap_prev):
            if next_name and len(ch) > 1 and gap_next is not None and gap_next.strip() == "" and gap_next == " ":
                # "A - T1; T2, T3 B": the titles after the semicolon are B's.
                cut = next((i for i in range(1, len(ch)) if ";" in s[ch[i - 1].end:ch[i].start]), len(ch) - 1)
                give(prev_name, ch[:cut])
                give(next_name, ch[cut:])
            elif "(" in gap_prev and _ends_with(s[max(0, prev_name.start - 40):prev_name.start], g.cue["moved"],
                                                honorific=True) and _MOVED_AFTER.match(s, end):
                # Moved to another office: the one left ends; a Party committee seat goes on.
                for t in ch:
                    seat = t.head.startswith("Ủy viên")
                    out.append(Assigned(prev_name, t, chain=ch, status="current" if seat else "former", ended=not seat))
            elif _ENDED_AFTER(g).match(s, end):
                # "X, Phó Giám đốc Sở Y kiêm T, nghỉ hưu theo chế độ": the offices end.
                give(prev_name, ch, status="former", ended=True)
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


_ENDED_AFTER_RE: dict = {}


def _ENDED_AFTER(g: Grammar) -> re.Pattern:
    """", nghỉ hưu …" right after an appositive chain (words: graph/lexicon.ttl "ended-after")."""
    r = _ENDED_AFTER_RE.get(id(g))
    if r is None:
        words = "|".join(re.escape(w) for w in sorted(g.vocab.words("ended-after"), key=len, reverse=True)) or "(?!)"
        r = _ENDED_AFTER_RE[id(g)] = re.compile(rf"\s*,?\s*(?:đã\s+|vừa\s+|được\s+|cho\s+)?(?:{words})(?!\w)")
    return r


_PAREN = re.compile(r"\s*\(")


def _paren_list(s: str, end: int, names: list[Name]) -> list[Name] | None:
    """The names in brackets right after a plural office, when there are two or more."""
    m = _PAREN.match(s, end)
    if not m:
        return None
    close = s.find(")", m.end())
    close = close if close >= 0 else len(s)
    inside = [n for n in names if m.end() <= n.start and n.end <= close]
    return inside if len(inside) >= 2 else None


def _count_before(s: str, start: int, g: Grammar) -> bool:
    w = s[max(0, start - 12):start].split()
    return bool(w) and key(w[-1]) in g.count_words


def _list_members(s: str, end: int, after: list[Name]) -> list[Name]:
    """The names a list head covers: a list of comma-separated items ends at the first semicolon
    ("các Ủy viên Trung ương Đảng: A, B, C; Đại sứ D"); items separated by semicolons run on."""
    semi = s.find(";", end)
    if semi < 0:
        return after
    inside = [n for n in after if n.end <= semi]
    return inside if len(inside) >= 2 else after


def _title_first(s: str, all_chains: list[list[Title]], names: list[Name]) -> set[int]:
    """Chains that sit between "Name, " and a name glued after them, in a list written title first.

    The shape decides: a chain glued to the name after it while that name's predecessor was itself
    introduced by a glued title ("T1 A, T2 B"), or while the next item repeats the shape
    ("A, T2 B, T3 C"), belongs to the name after it. A lone "A, T B" keeps the older reading."""
    info = []
    for ch in all_chains:
        start, end = ch[0].start, ch[-1].end
        prev = next((n for n in reversed(names) if n.end <= start), None)
        nxt = next((n for n in names if n.start >= end), None)
        glued = nxt is not None and bool(_GLUE_GAP.fullmatch(s[end:nxt.start]))
        after_name = prev is not None and bool(_AFTER_GAP.fullmatch(s[prev.end:start])) \
            and "(" not in s[prev.end:start] and ":" not in s[prev.end:start]
        info.append((prev, nxt, glued, after_name))
    out: set[int] = set()
    for i, (prev, nxt, glued, after_name) in enumerate(info):
        if not (glued and after_name):
            continue
        before = i > 0 and info[i - 1][2] and info[i - 1][1] is prev
        ahead = i + 1 < len(info) and info[i + 1][2] and info[i + 1][3] and info[i + 1][0] is nxt
        if before or ahead or i - 1 in out:
            out.add(i)
    return out


_TAIL = r"(?:\s+lại)?(?:\s+(?:làm|giữ))?(?:\s+(?:cả\s+)?(?:các\s+|những\s+)?(?:chức vụ|chức danh|cương vị|chức)(?:\s*:)?)?(?:\s+là)?\s*"


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
    (re.compile(r"^(Phó )?Trường (Ban|ban)\b"), r"\1Trưởng Ban"),  # "Trường Ban chỉ đạo": a school has no Ban
]
_CASE = [
    (re.compile(r"\b(Phó Trưởng|Trưởng) (ban|đoàn)\b"), lambda m: f"{m.group(1)} {m.group(2).capitalize()}"),
    (re.compile(r"\b(Phó Chủ tịch|Phó Bí thư|Phó Thủ tướng|Phó Giám đốc|Phó Trưởng Ban) thường trực\b"),
     lambda m: f"{m.group(1)} Thường trực"),
    (re.compile(r"\bBan chỉ đạo\b"), lambda m: "Ban Chỉ đạo"),
    (re.compile(r"\bQuốc Hội\b"), lambda m: "Quốc hội"),
    (re.compile(r"\bChánh văn phòng\b"), lambda m: "Chánh Văn phòng"),
    (re.compile(r"\bsở (?=[A-ZĐ])"), lambda m: "Sở "),  # "Giám đốc sở Xây dựng"
    (re.compile(r" phụ trách (?=[A-ZĐ])"), lambda m: " "),  # "Phó Giám đốc phụ trách Sở X": the office is of Sở X
    # "Hiệu trưởng đại học X": a rector heads a school ("Trường Đại học X").
    (re.compile(r"\b(Hiệu trưởng|Phó Hiệu trưởng|Quyền Hiệu trưởng) (?:[Đđ]ại học|[Cc]ao đẳng)\b"),
     lambda m: f"{m.group(1)} Trường {m.group()[len(m.group(1)) + 1:].capitalize()}"),
    # "Bí thư quận ủy Quận 12": the committee is written capitalised (GOLD.md: "Bí thư Huyện ủy").
    (re.compile(r"\b(huyện|quận|thị|tỉnh|thành) (ủy|uỷ)\b"), lambda m: f"{m.group(1).capitalize()} ủy"),
]
_SO = re.compile(r"\bSở\b")


_EXPANDED: dict = {}


def expand(text: str, g: Grammar) -> str:
    """Typos corrected, abbreviations written out, case as the vocabulary writes it (memoised: the
    same titles recur in every article)."""
    k = (text, id(g))
    out = _EXPANDED.get(k)
    if out is None:
        if len(_EXPANDED) > 100_000:
            _EXPANDED.clear()
        out = _EXPANDED[k] = _expand(text, g)
    return out


def _expand(text: str, g: Grammar) -> str:
    for pat, repl in _TYPOS:
        text = pat.sub(repl, text)
    for pat, full in g.abbreviations:
        text = pat.sub(full, text)
    for pat, fn in _CASE:
        text = pat.sub(fn, text)
    return " ".join(text.split())


# A district, ward or commune named after its level word ("Bí thư Huyện ủy Nhơn Trạch", "Chủ tịch
# UBND huyện Krông Nô"): the place, not part of the office (GOLD.md: titles are written without it).
# "thành phố Phú Quốc" inside a title: a province would have ended the title, so this is a city
# under the province.
_LOCAL_NAME = re.compile(rf"\b(Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|huyện|quận|thị xã|thị trấn|xã|phường|thôn|bản|ấp|thành phố|"
                         rf"tổ dân phố|khu phố|[Cc]hi bộ)"
                         rf"(?:\s+(?:[{UPPER}][^\s]*|\d+))+$")


_BELOW_PROVINCE = re.compile(r"\b(?:Huyện ủy|Quận ủy|Thị ủy|huyện|quận|thị xã|thị trấn|xã(?! hội)|phường|thôn|bản|ấp|"
                             r"tổ dân phố|khu phố|[Cc]hi bộ)(?!\w)")


_DISTRICT_SECRETARY = re.compile(r"^((?:Phó )?Bí thư(?: Thường trực)?) ([Hh]uyện|[Qq]uận|[Tt]hị xã)$")
_COMMITTEE_OF = {"huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy"}


def canonical(text: str, province_city: bool | None, g: Grammar):
    """(title as GOLD.md writes it, office IRI or None, level)."""
    if text.startswith("Quyền ") and len(text) > 6:
        # An acting holder ("Quyền Chủ tịch UBND tỉnh"): the office's own form, the word kept.
        label, iri, level = canonical(text[6:], province_city, g)
        return f"Quyền {label}", iri, level
    t = expand(text, g)
    # A known office first: "Liên minh Hợp tác xã Việt Nam" is no commune named "Việt Nam".
    office = g.offices.get(key(t)) or g.offices_loose.get(loose_key(t))
    if office is None:
        t = _LOCAL_NAME.sub(r"\1", t)
        # "Bí thư quận Thủ Đức": a district's Party secretary, the committee's word left out.
        t = _DISTRICT_SECRETARY.sub(lambda m: f"{m.group(1)} {_COMMITTEE_OF[m.group(2).lower()]}", t)
        office = g.offices.get(key(t)) or g.offices_loose.get(loose_key(t))
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
    if t.endswith(" Việt Nam"):
        # "Chủ tịch Quốc hội Việt Nam": the country named after a national office.
        office = g.offices.get(key(t[:-9]))
        if office and office.level == "central":
            return office.label, office.iri, office.level
        return t, None, "central"  # a national body ("… Việt Nam" in its name)
    # Below the province (district, commune, village, Party cell): the article's province, never
    # the province's own office ("Bí thư thôn" is not "Bí thư Tỉnh ủy").
    if _BELOW_PROVINCE.search(t):
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
    if "tham gia" not in s:  # every match holds these words; the pattern itself has no literal start to scan for
        return out
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


# --- Team leaders: "Đoàn kiểm tra của Bộ Chính trị do đồng chí X, … làm Trưởng đoàn" --------------

_TEAM = re.compile(r"(?<!\w)[Đđ]oàn (?P<kind>kiểm tra|giám sát|công tác)(?P<of>\s+của\s+[^,.;()]{3,60}?)?"
                   r"\s+do\s+(?P<mid>[^.;]{3,250}?)\s+(?:làm|là)\s+[Tt]rưởng\s+[Đđ]oàn(?!\w)")
_TEAM_OF = re.compile(r"(?<!\w)[Đđ]oàn (?P<kind>kiểm tra|giám sát)\s+(?:[^.;]{0,40}?quyết định\s+)?của\s+"
                      r"(?P<body>[^,.;()]{3,60})")


def team_body(text: str, g: Grammar) -> dict:
    """The body each kind of team in the article belongs to ("Đoàn kiểm tra … của Bộ Chính trị"):
    a known organisation's name, the longest prefix of what follows "của"."""
    out: dict = {}
    for m in _TEAM_OF.finditer(text):
        body = _known_org_prefix(m.group("body"), g)
        if body:
            out.setdefault(m.group("kind"), body)
    return out


def _known_org_prefix(text: str, g: Grammar) -> str | None:
    words = text.split()
    for n in range(min(len(words), 8), 0, -1):
        label = g.vocab.organisations.get(key(" ".join(words[:n])))
        if label:
            return label
    return None


def team_leaders(s: str, names: list[Name], bodies: dict, g: Grammar) -> list[Assigned]:
    """The named leader of a team ("do X … làm Trưởng đoàn"): "Trưởng Đoàn kiểm tra của <body>"."""
    out: list[Assigned] = []
    if "rưởng đoàn" not in s and "rưởng Đoàn" not in s:
        return out
    for m in _TEAM.finditer(s):
        who = [n for n in names if m.start("mid") <= n.start < m.end("mid")]
        if not who:
            continue
        body = _known_org_prefix(m.group("of").split("của", 1)[1], g) if m.group("of") else None
        body = body or bodies.get(m.group("kind"))
        if m.group("kind") == "công tác" and not body:
            continue
        text = f"Trưởng Đoàn {m.group('kind')}" + (f" của {body}" if body else "")
        t = Title(m.start(), m.end(), "Trưởng", text, body_end=m.end())
        out.append(Assigned(who[0], t, chain=[t]))
    return out


# --- Elected to a body: "A, B, C tái cử BCHTƯ khóa X", "trúng cử vào Ban Chấp hành Trung ương có A, B" ----

_ELECTED_TO = re.compile(r"(?<!\w)(?:[tT]ái cử|[tT]rúng cử|[tT]ái đắc cử|[đĐ]ược bầu lại|[đĐ]ược bầu|[bB]ầu lại)(?:\s+vào)?\s+(?=[A-ZĐ])")


def elected_members(s: str, names: list[Name], g: Grammar) -> list[Assigned]:
    """Membership of the body a sentence says its names were elected to: the names before the verb,
    or, when none stand before it, those after it ("trúng cử vào BCHTƯ có A, B, C")."""
    out: list[Assigned] = []
    if not names or "cử" not in s and "bầu" not in s:
        return out
    for m in _ELECTED_TO.finditer(s):
        end, label = _member_office(s, m.end(), g)
        if end is None:
            continue
        who = [n for n in names if n.end <= m.start()] or [n for n in names if n.start >= end]
        t = Title(m.end(), end, "Ủy viên", label, body_end=end)
        out += [Assigned(n, t, conferred=True, chain=[t]) for n in who]
    return out


def _member_office(s: str, pos: int, g: Grammar):
    """(end, text) of the longest known "Ủy viên <body>" office whose body is written from ``pos``."""
    best = (None, None)
    end = pos
    for _ in range(8):
        m = _TOKEN.match(s, end)
        if not m or m.group(1) in _PUNCT:
            break
        end = m.end()
        text = "Ủy viên " + s[pos:end]
        lk = loose_key(expand(text, g))
        if lk not in g.office_prefixes:
            break
        if lk in g.offices_loose:
            best = (end, text)
    return best
