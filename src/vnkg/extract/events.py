"""Gatherings an article reports as held, and who took part.

An event's name (the type words come from ontology/vnkg.ttl) makes an event only when the
sentence reports it: a presence verb before it ("chủ trì hội thảo", "Dự lễ"), a verb of holding
after it ("Đại hội … đã bế mạc"), a date or "tại" opening the sentence ("Ngày 21/10, tại Hội nghị
…"), or the headline. Mentions behind a document, a plan or a later stage ("Nghị quyết Đại hội
XIII", "tiến tới Đại hội XIV", "đi dự Đại hội") are background. Later mentions of the same
gathering ("tại hội thảo") join it; a place found later refines a province only guessed before.
Participants come from cue verbs (chủ trì → chair; phát biểu, báo cáo → speaker; dự → attendee):
the names before the verb in the sentence, or after it when none stand before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from vnkg.extract.grammar import Grammar
from vnkg.extract.text import key

_CLAUSE = re.compile(r"[,.;:!?()\"“”]")
# The sentence opens on the gathering: a date, a short link ("Theo đó,"), then "tại".
_OPENING = re.compile(r"\s*(?:[*•\-–]\s*)?(?:[^,\s]+(?:\s[^,\s]+)?,\s*)?"
                      r"(?:(?:sáng|chiều|tối|trưa|ngày|hôm nay|hôm qua|đêm)\b[^,]{0,25},\s*)?(?:tại\s+)?$", re.IGNORECASE)
_HELD_AFTER = r"\s*(?:[^,.;:]{0,80}?\s)?(?:đã\s+|đang\s+|cũng\s+|chính thức\s+|được\s+|vừa\s+)*"
_NP_STOP = re.compile(r"[.;:!?\"“”]|,(?!\s*(?:nhiệm kỳ|khóa|khoá|lần thứ))")
_FUTURE_AFTER = re.compile(r"^\s*(?:[^,.;]{0,60}\s)?(?:sắp tới|tới|sắp diễn ra|sẽ)\b")
_WORK = re.compile(r"\b[lL]àm việc với\b")
# "hội đàm", "buổi họp … với …": a meeting between parties; "cuộc họp Ban chỉ đạo": a body's own sitting.
_TALKS = re.compile(r"\b[hH]ội (?:đàm|kiến)\b")
# The same told by the verb, with the other party named: "X đã hội đàm với Y", "X tiếp Đại sứ Y".
_TALKS_VERB = re.compile(r"\b(?:đã|vừa|đang)\s+(?:có\s+(?:cuộc|buổi)\s+)?(?P<v>hội (?:đàm|kiến)\s+với|tiếp(?:\s+xã giao|"
                         r"\s+thân mật)?)\s+(?=[A-ZĐ]|(?:ông|bà|ngài|đoàn)\s)")
_MEETING = re.compile(r"\b(?:[bB]uổi|[cC]uộc) họp\b(?!\s+(?:báo|mặt|dân))")
_MEETING_WITH = re.compile(r"[^,.;:]{0,40}?\s(?:với|giữa)\s")
# The gathering named with its day ("tại kỳ họp ngày 23/4", "cuộc họp … vào chiều 30/4"): one that was held.
_DAY_AFTER = re.compile(r"[^.;:]{0,80}?\b(?:ngày|sáng|chiều|tối|trưa)\s+\d{1,2}\s*[/-]\s*\d{1,2}")
_HAS = re.compile(r"(?:\bcó|\btổ chức|\btiến hành)\s+$")
# "Ban Bí thư đã họp", "Ủy ban Kiểm tra Trung ương đã họp kỳ thứ 15": a body's meeting told by the verb.
_MEET = re.compile(r"\b(?:đã|vừa|đang)\s+(?P<w>họp)(?P<kỳ>\s+kỳ\s+thứ\s+\S+)?(?!\s+(?:báo|mặt|bàn giao|dân))\b")
# "tại kỳ họp này", "hội nghị nói trên": a gathering already told of.
_ANAPHOR = re.compile(r"\s(?:này|đó|nói trên|trên)$")
# "Tại kỳ họp thứ 11, Quốc hội khóa XIV vừa qua": a past gathering told as background.
_PAST_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:vừa qua|trước đó|năm ngoái)\b")
_CAPITAL_OR_NUMBER = re.compile(r"[A-ZĐ0-9\"“]|\bthứ\s")  # a name, a number or an ordinal: its own gathering
_DATE = re.compile(r"(?:(?:ngày|sáng|chiều|tối|trưa|hôm nay)\s*|\()(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?",
                   re.IGNORECASE)
_NOT_CUE = re.compile(r"\s+(?:đổi|án|kiến|khuyết|thảo|báo|toán|thi|định|phòng|trữ|bị|đoán|luật|tính|thức|xét|giải)\b")
_BARE_LE = re.compile(r"(?:dự|tham dự|buổi|phần|tổ chức|tại|Dự|Tại)\s+$")
_CUE_OPENS = re.compile(r"(?:^|[,;:.(\-–])\s*(?:[^\s,;:.]+\s+){0,2}$")
_ROLE_RANK = {"chair": 3, "speaker": 2, "attendee": 1}
# Compiled once, not looked up in re's cache on every hit.
_CAP_NEXT = re.compile(r" [A-ZĐ]")
_HOI_NEXT = re.compile(r"\s+hội\b")
_NEXT_WORD = re.compile(r"\s+(\S+)")
_GAP = re.compile(r"\s*[,)]?\s*")
_TAI = re.compile(r"\btại\s+")
_NATIONAL = re.compile(r"\b(?:toàn quốc|Trung ương|Quốc hội|Chính phủ)\b")
_HELD_AFTER_RE: dict = {}


def _held_after(g: Grammar) -> re.Pattern:
    """A verb of holding after the gathering's name (the pattern was rebuilt and looked up per hit)."""
    r = _HELD_AFTER_RE.get(id(g))
    if r is None or r[0] is not g:
        r = _HELD_AFTER_RE[id(g)] = (g, re.compile(_HELD_AFTER + "(?:" + g.cue["event-held"].pattern + ")"))
    return r[1]


@dataclass
class Hit:
    type: str
    start: int
    end: int  # end of the name of the gathering
    title: str
    bare: bool  # the type word alone ("tại hội thảo")
    present: bool
    province: str | None
    strength: int  # 3 named with it, 2 from the sentence around it, 1 a guess (the article's province)
    date: str | None = None
    anaphor: bool = False  # "kỳ họp này", or a bare lower-case mention: refers back when it can
    past: bool = False  # "… vừa qua": background when the article already has its gathering


@dataclass
class EventState:
    type: str
    title: str | None
    province: str | None
    strength: int
    sentence: int
    evidence: object
    date: str | None = None
    term: str | None = None
    participants: dict = field(default_factory=dict)  # key(name) -> [name, role, evidence]


def other_words(s: str) -> bool:
    """Whether ``s`` may hold a gathering told without a type word (talks, meetings): see find_hits."""
    return "àm việc với" in s or "ội đàm" in s or "ội kiến" in s or "tiếp" in s or "họp" in s


def find_hits(s: str, title_spans, places, prev_places, subject, headline_key, published, g: Grammar,
              words: list | None = None) -> list[Hit]:
    """``words``: (start, end, text) of g.event_re in ``s`` when already found (text.SentenceScan)."""
    hits: list[Hit] = []
    if words is None:
        words = [(m.start(), m.end(), m.group()) for m in g.event_re.finditer(s)]
    spans = [(a, b, g.event_type_of.get(key(w))) for a, b, w in words]
    if not spans and not other_words(s):
        return hits  # most sentences: nothing below could add a span
    if "àm việc với" in s:
        spans += [(m.start(), m.end(), "Buổi làm việc") for m in _WORK.finditer(s)]
    if "ội đàm" in s or "ội kiến" in s or "tiếp" in s and ("đã tiếp" in s or "vừa tiếp" in s or "đang tiếp" in s):
        for m in _TALKS_VERB.finditer(s):
            w = m.start("v")
            if not any(a <= w < b for a, b, _t in spans):
                spans.append((w, m.end("v"), "Buổi làm việc verb"))
    if "ội đàm" in s or "ội kiến" in s:
        spans += [(m.start(), m.end(), "Buổi làm việc") for m in _TALKS.finditer(s)
                  if not any(a <= m.start() < b for a, b, _t in spans)]
    if "họp" in s:
        for m in _MEETING.finditer(s):
            if not any(a <= m.start() < b for a, b, _t in spans):
                spans.append((m.start(), m.end(), "Buổi làm việc" if _MEETING_WITH.match(s, m.end()) else "Phiên họp"))
        for m in _MEET.finditer(s):
            if not any(a <= m.start("w") < b for a, b, _t in spans):
                spans.append((m.start("w"), m.end(), "Kỳ họp" if m.group("kỳ") else "Phiên họp"))
    for start, end, etype in sorted(spans):
        if etype is None or any(a <= start < b for a, b in title_spans):
            continue
        if any(h.start <= start < h.end for h in hits):
            continue
        talks_verb = etype == "Buổi làm việc verb"
        if talks_verb:
            etype = "Buổi làm việc"
        word = s[start:end]
        if etype == "Lễ" and key(word) == "lễ":
            if not (_BARE_LE.search(s[max(0, start - 12):start]) or _CAP_NEXT.match(s[end:end + 2])) \
                    or _HOI_NEXT.match(s[end:end + 5]):
                continue
        verb = word.startswith("họp") or talks_verb
        np_end = end if verb else _np_end(s, end, g)
        title = s[start:np_end].strip(" ,")
        bare = verb or (key(title) == key(word) and s[np_end:np_end + 2].strip()[:1] not in ('"', "“")) \
            or key(title) in ("buổi làm việc", "làm việc với", "buổi lễ")
        anaphor = bool(_ANAPHOR.search(title)) or (
            word[:1].islower() and not verb and not _CAPITAL_OR_NUMBER.search(title) and etype != "Buổi làm việc")
        clause_start = max((m.end() for m in _CLAUSE.finditer(s, 0, start)), default=0)
        pre = s[clause_start:start]
        sent_pre = s[:start]
        background = bool(g.cue["event-background"].search(sent_pre[-60:])) and not bare \
            or bool(g.cue["event-background"].search(pre)) \
            or bool(_FUTURE_AFTER.match(s[np_end:np_end + 70])) or "các cấp" in title
        cue_before = any(g.cue[c].search(pre) for c in ("chair", "speaker", "attendee", "event-held")) \
            or etype == "Buổi làm việc" and word.startswith("làm việc")
        held_after = verb or bool(_held_after(g).match(s[np_end:np_end + 120]))
        opening = bool(_OPENING.fullmatch(s[:start])) and (not bare or s[:start].strip().lower().endswith("tại"))
        headline = key(title) == headline_key or (headline_key and key(title) and headline_key.startswith(key(title))
                                                  and not bare and start == 0)
        # "có buổi họp khẩn với …": a particular meeting (one with a party or a named body), not
        # "tổ chức cuộc họp hoặc làm việc trực tiếp" in a rule.
        dated = not bare and bool(_DAY_AFTER.match(s, start, min(len(s), np_end + 60))) or \
            bool(_HAS.search(s, max(0, start - 12), start)) and word[:1].islower() \
            and bool(_MEETING_WITH.match(s, end) or _CAPITAL_OR_NUMBER.search(title))
        present = not background and (cue_before or held_after or opening or headline or dated)
        if _MEETING.match(word):
            # "Tại cuộc họp (ngày 25/5), …": the meeting already told of, when there is one; "có buổi họp
            # khẩn với …" opens one.
            anaphor = not (_MEETING_WITH.match(s, end) or _HAS.search(s, max(0, start - 12), start))
        elif dated and not _ANAPHOR.search(title):
            anaphor = False  # "kỳ họp ngày 23/4": a gathering of its own
        prov, strength = _province(s, start, np_end, title, places, prev_places, subject, etype, title_spans, g)
        hits.append(Hit(etype, start, np_end, None if verb else title, bare, present and not background, prov,
                        strength, _date(s, published), anaphor, bool(_PAST_AFTER.match(s[np_end:np_end + 80]))))
        if background:
            hits[-1].strength = 0
    return hits


def _np_end(s: str, pos: int, g: Grammar) -> int:
    m = _NP_STOP.search(s, pos)
    end = m.start() if m else len(s)
    # Stop at the first verb or link word after the name.
    for mm in _NEXT_WORD.finditer(s[pos:end]):
        words = s[pos + mm.start(1):pos + mm.start(1) + 40].lower().split()
        if any(tuple(words[:len(p)]) == p for p in g.title_stops.get(words[0] if words else "", ())
               if p not in (("khóa",), ("khoá",), ("nhiệm", "kỳ"))) \
                or any(g.cue[c].match(s, pos + mm.start(1)) for c in ("chair", "speaker", "attendee")):
            return pos + mm.start()
    if "(" in s[pos:end] and ")" not in s[pos:end]:
        return pos + s[pos:end].index("(")
    return end


_AND = re.compile(r"\svà\s")
_BODY_START = re.compile(r"(?:trụ sở\s+|Trụ sở\s+)?(?:Ban|Bộ|Ủy ban|Uỷ ban|Văn phòng|Hội đồng|Cơ quan)\s+[^,.;:]{0,45}")


def _central_subject(s: str, pos: int, title_spans, g: Grammar) -> bool:
    """A central body names itself right after "tại Hà Nội," ("…, tại Hà Nội, Ủy ban Kiểm tra Trung ương
    đã họp"): its own meeting, which GOLD.md gives no province."""
    m = _GAP.match(s[pos:])
    rest = s[pos + m.end():pos + m.end() + 50]
    c = g.central_body_re.search(rest)
    return bool(c) and "," not in rest[:c.start()] and not any(a <= pos + m.end() + c.start() < b for a, b in title_spans)


def _province(s, start, np_end, title, places, prev_places, subject, etype, title_spans, g: Grammar):
    # "tại" + a province or a central venue, in the event's own predicate: before it with no "và"
    # between (another verb's place: "kiểm tra … tại tỉnh X và chủ trì hội nghị"), or after it.
    for m in _TAI.finditer(s):
        if m.end() < start and _AND.search(s, m.end(), start):
            continue
        if g.central_venue_re.match(s, m.end()):
            return None, 3
        b = _BODY_START.match(s, m.end())
        if b and g.central_body_re.search(b.group()):
            return None, 3  # "tại Ban Tuyên giáo Trung ương"
        for p in places:
            if p.start == m.end() and not p.institution:
                if p.province == g.capital and _central_subject(s, p.end, title_spans, g):
                    return None, 3
                return p.province, 3
    inside = [p for p in places if start <= p.start < np_end]
    if inside:
        return inside[0].province, 3
    if etype == "Buổi làm việc":
        after = [p for p in places if np_end <= p.start < np_end + 60]
        if after:
            return after[0].province, 3
    cut = max((m.end() for m in _AND.finditer(s, 0, start)), default=0)
    around = {p.province for p in places if not p.institution and not p.in_title and p.start >= cut}
    if len(around) == 1:
        return around.pop(), 2
    if _NATIONAL.search(title):
        return None, 3
    if prev_places and len(set(prev_places)) == 1:
        return prev_places[0], 2
    return subject, 1


def _date(s: str, published: str | None) -> str | None:
    m = _DATE.search(s)
    if not m:
        return None
    d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
    if not y:
        y = (published or "")[:4]
    if not y or not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    return f"{y}-{mo:02d}-{d:02d}"


def merge(events: list[EventState], hit: Hit, index: int, evidence) -> EventState | None:
    """Add a hit to the article's events; return the event it belongs to (None: background)."""
    if hit.strength == 0:
        return None
    if hit.past and events:
        return None
    same = [e for e in events if e.type == hit.type]
    if hit.anaphor and events:
        return same[-1] if same else events[-1]
    for e in same:
        if e.province == hit.province:
            if e.title is None and not hit.bare:
                e.title = hit.title
            return e
    if hit.strength >= 2:
        # A place named later refines a province that was only guessed.
        weak = [e for e in same if e.strength == 1]
        if weak:
            weak[-1].province, weak[-1].strength = hit.province, hit.strength
            if not hit.bare:
                weak[-1].title = weak[-1].title or hit.title
            return weak[-1]
    if not hit.present:
        return None
    if same and (hit.strength == 1 or hit.bare or not hit.title):
        return same[-1]
    if hit.bare and events:
        return events[-1]
    e = EventState(hit.type, None if hit.bare else hit.title, hit.province, hit.strength, index, evidence, hit.date)
    events.append(e)
    return e


PARTICIPATION_CUES = ("chair", "speaker", "attendee", "elected")


def participants(s: str, names, title_spans, g: Grammar, found: dict | None = None) -> list[tuple]:
    """(name, role) for the people a sentence places at a gathering. ``found``: notation ->
    (start, end, text) of each of PARTICIPATION_CUES in ``s``, when already found."""
    cues = []
    for role, notation in (("chair", "chair"), ("speaker", "speaker"), ("attendee", "attendee"), ("attendee", "elected")):
        for ms, me, mtext in (found[notation] if found is not None else
                              [(m.start(), m.end(), m.group()) for m in g.cue[notation].finditer(s)]):
            if any(a <= ms < b for a, b in title_spans):
                continue
            if _NOT_CUE.match(s, me) or s[max(0, ms - 4):ms].lower() == "bài ":
                continue
            if s[max(0, ms - 3):ms].lower() == "đi " or s[max(0, ms - 4):ms] == "của ":
                continue
            cues.append((ms, me, role, key(mtext)))
    cues.sort()
    out = []
    for i, (a, b, role, word) in enumerate(cues):
        if word in ("trao", "trao tặng"):
            out += [(n, role) for n in names]
            continue
        before = [n for n in names if n.end <= a]
        if before:
            out += [(n, role) for n in before]
        else:
            nxt = cues[i + 1][0] if i + 1 < len(cues) else len(s)
            got = [n for n in names if b <= n.start < max(nxt, b + 1) or b <= n.start and i + 1 == len(cues)]
            # Names after the cue are its subject only when the cue opens the clause ("Dự hội nghị có …",
            # "dưới sự chủ trì của …"), and not when a document stands between ("công bố quyết định
            # điều động ông X": X is the decision's object, not a speaker).
            if got and not (_CUE_OPENS.search(s, max(0, a - 30), a) or s.endswith("sự ", 0, a)):
                got = []
            if got and g.cue["object-noun"].search(s, b, got[0].start):
                got = []
            out += [(n, role) for n in got]
    return out


def better(role: str, than: str) -> bool:
    return _ROLE_RANK[role] > _ROLE_RANK[than]


_AT = re.compile(r"(?<!\w)[Tt]ại\s+")
# "Tại kỳ họp này, liên quan đến bà X, …": X is what the meeting dealt with, not who was there.
_OBJECT_GAP = re.compile(r"\b(?:liên quan|đối với|về|với|cho|của|trường hợp|kỷ luật|xem xét)\b")
_AT_OPENING = re.compile(r"\s*(?:[^,.;:()]{1,30},\s*){1,2}")  # "Trong khi đó, tại cuộc họp …"
_GAP_TO_AT = re.compile(r"[^.;:()\"“”]{0,60}$")


def at_event(s: str, names, g: Grammar) -> list:
    """Names a sentence places at the gathering it reports with "tại": the subject after an opening
    "Tại buổi làm việc, (ông) X …", or the last name before "X … nêu ra tại cuộc họp …"."""
    out = []
    for m in _AT.finditer(s):
        if not (g.event_re.match(s, m.end()) or _MEETING.match(s, m.end()) or _TALKS.match(s, m.end())):
            continue
        if _OPENING.fullmatch(s[:m.start()]) or _AT_OPENING.fullmatch(s, 0, m.start()):
            comma = s.find(",", m.end())
            first = next((n for n in names if n.start > comma), None) if comma > 0 else None
            if first and first.start - comma < 70 and not any(c in s[comma + 1:first.start] for c in ".;:(") \
                    and not _OBJECT_GAP.search(s, comma, first.start):
                out.append(first)
        else:
            before = [n for n in names if n.end <= m.start()]
            if before and _GAP_TO_AT.fullmatch(s, before[-1].end, m.start()) and "," not in s[before[-1].end:m.start()]:
                out.append(before[-1])
    return out


def talks_parties(s: str, names, g: Grammar) -> list:
    """"X đã hội đàm với Y", "X vừa tiếp Đại sứ Y": the one who receives and the one received."""
    out = []
    if not ("ội đàm" in s or "ội kiến" in s or "tiếp" in s):
        return out
    for m in _TALKS_VERB.finditer(s):
        before = [n for n in names if n.end <= m.start()]
        if before and not any(c in s[before[-1].end:m.start()] for c in ".;:"):
            out.append(before[-1])
        after = next((n for n in names if n.start >= m.end()), None)
        if after and after.start - m.end() < 80 and not any(c in s[m.end():after.start] for c in ".;:,("):
            out.append(after)
    return out
