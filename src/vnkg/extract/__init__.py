"""Rule-based extraction: ``extract(article) -> Extraction``.

A pure function of the article: no store, no network, no model. Each sentence is read once
for names (persons), provinces (places), office titles (titles) and gatherings (events);
then names are accepted on their context, titles given to their holders with a province and a
status, and events merged across sentences. Regexes are compiled once (grammar.grammar()).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from vnkg.extract import events as ev
from vnkg.extract.grammar import CAP_RUN, LOWER, UPPER, Grammar, grammar
from vnkg.extract.persons import Name, find_names, followed_by_title, in_list
from vnkg.extract.places import Place, find_places, subject_province
from vnkg.extract.text import SentenceScan, key, match_form, sentences
from vnkg.extract.titles import Title, assign, canonical, expand, find_titles, heads, memberships, team_body, \
    team_leaders, elected_members
from vnkg.model import (Article, EventMention, Evidence, Extraction, OrganizationMention, Participation,
                        PersonMention, PlaceMention, PostHolding)

try:  # documents are another module's job; extraction works without it
    from vnkg.extract.documents import extract_documents
except ImportError:  # pragma: no cover - until documents.py exists
    extract_documents = None

__all__ = ["extract"]

_END_PUNCT = re.compile(r"[.!?…:\"”)»]\s*$")


@dataclass
class _Sentence:
    ev: Evidence
    s: str  # matching form
    names: list[Name]
    places: list[Place]
    titles: list[Title] = field(default_factory=list)
    heads: tuple | None = None  # titles.heads() of s, found with the whole text's


_NO_HEADS = ([], [])  # shared: find_titles only reads it


def _relative(found: list | None, start: int, groups: bool = False) -> list | None:
    """Whole-text matches (SentenceScan.matches) as spans in their sentence, or (with the text) ``groups``."""
    if found is None:
        return None
    if groups:
        return [(m.start() - start, m.end() - start, m.group()) for m in found]
    return [(m.start() - start, m.end() - start) for m in found]


def extract(article: Article) -> Extraction:
    g = grammar()
    text = article.text
    mf = match_form(text)
    out = Extraction(article)
    sents: list[_Sentence] = []
    evidence = sentences(text)
    # The regexes every sentence is searched with run once over the whole text (SentenceScan); a
    # sentence where none matches skips its pass. Same results as sentence by sentence.
    scan = SentenceScan(mf, [(e.start, e.end) for e in evidence])
    runs, provinces = scan.matches(CAP_RUN), scan.matches(g.province_name_re)
    roles, lc_roles = scan.matches(g.role_re), scan.matches(g.lc_title_re)
    for i, e in enumerate(evidence):
        s = mf[e.start:e.end]
        r, p = runs[i], provinces[i]
        names = find_names(s, e.sentence, g, _relative(r, e.start)) if r is None or r else []
        places = find_places(s, g, [(n.start, n.end) for n in names], _relative(p, e.start)) if p is None or p else []
        st = _Sentence(e, s, names, places)
        if roles[i] == [] and lc_roles[i] == []:
            st.heads = _NO_HEADS
        elif roles[i] is not None and lc_roles[i] is not None:
            st.heads = (_relative(roles[i], e.start),
                        [(m.start("role") - e.start, m.group("cue"), m.end() - e.start) for m in lc_roles[i]])
        sents.append(st)

    truncated = not _END_PUNCT.search(text)
    text_end = len(text.rstrip())
    # Titles are looked for with every candidate name, so a name stops a title.
    for st in sents:
        st.titles = _titles(st, g)
    accepted = _accept_names(sents, g, truncated, text_end)
    for st in sents:
        kept = [n for n in st.names if key(n.text) in accepted and not n.credit
                and not (truncated and st.ev.start + n.end >= text_end)]
        if len(kept) != len(st.names):  # a dropped name no longer stops a title
            st.names = kept
            st.titles = _titles(st, g)
        for p in st.places:
            p.in_title = any(t.start <= p.start < t.end for t in st.titles)

    # Persons, in order of first mention.
    seen: dict[str, str] = {}
    for st in sents:
        for n in st.names:
            k = key(n.text)
            if k not in seen:
                seen[k] = n.text
                out.persons.append(PersonMention(n.text, st.ev))
    _short_names(sents, seen, g)

    # Places named in the text.
    all_places = [p for st in sents for p in st.places]
    subject = subject_province(article.title, article.outlet, all_places, g)
    seen_p: set[str] = set()
    for st in sents:
        for p in st.places:
            if not p.institution and p.province not in seen_p:
                seen_p.add(p.province)
                out.places.append(PlaceMention(p.province, st.ev))

    out.holdings = _holdings(sents, subject, g, seen, truncated)
    out.events = _events(article, sents, subject, g, seen, out.holdings, scan)
    out.organizations = _organisations(sents, g, scan.matches(g.org_re))
    if extract_documents is not None:
        try:
            out.documents = extract_documents(article, [st.ev for st in sents], default_province=subject)
        except Exception:  # one module's bug must not lose the article's other facts
            out.documents = []
    return out


_SHORT = re.compile(rf"(?:ô(?<![\w'].)ng|b(?<![\w'].)à|Ô(?<![\w'].)ng|B(?<![\w'].)à|đ(?<![\w'].)ồng chí|Đ(?<![\w'].)ồng chí)"
                    rf"\s+([{UPPER}][{LOWER}]*)(?![\w'])(?! [{UPPER}])")


def _titles(st: _Sentence, g: Grammar) -> list[Title]:
    if st.heads is None:
        st.heads = heads(st.s, g)
    if not st.heads[0] and not st.heads[1] and "(" not in st.s:
        return []  # what find_titles gives when no office word is there
    return find_titles(st.s, st.names, st.places, g, st.heads)


def _short_names(sents: list[_Sentence], seen: dict, g: Grammar) -> None:
    """"ông Duy" after "Đỗ Đức Duy": an honorific and the given name alone refer back to the one person
    of the article with that given name (none when two share it). They become names of that person."""
    given: dict[str, set] = {}
    for k, full in seen.items():
        given.setdefault(key(full.split()[-1]), set()).add(full)
    if not given:
        return
    for st in sents:
        added = False
        for m in _SHORT.finditer(st.s):
            k = key(m.group(1))
            fulls = given.get(k)
            if not fulls or len(fulls) != 1 or k in g.surnames and k not in given:
                continue
            a, b = m.start(1), m.end(1)
            if any(n.start < b and a < n.end for n in st.names):
                continue
            st.names.append(Name(a, b, st.ev.sentence[a:b], True, False, False, False, 1))
            seen.setdefault(k, next(iter(fulls)))
            added = True
        if added:
            st.names.sort(key=lambda n: n.start)
            st.titles = _titles(st, g)


def _accept_names(sents: list[_Sentence], g: Grammar, truncated: bool, text_end: int) -> set[str]:
    strong: set[str] = set()
    weak: set[str] = set()
    for st in sents:
        title_ends = {t.end for t in st.titles} | {t.body_end for t in st.titles}
        for n in st.names:
            k = key(n.text)
            if n.credit or n.blocked:
                continue
            if truncated and st.ev.start + n.end >= text_end:
                continue
            alone = len(st.s) < len(n.text) + 8 and \
                key(re.sub(r"[\s.,:;()\-–]+", " ", st.s)) == key(n.text)  # a byline line
            near_title = followed_by_title(st.s, n, g) or any(0 <= n.start - e <= 1 for e in title_ends)
            if n.weak:
                if n.honorific or near_title:
                    strong.add(k)
                continue
            context = n.honorific or n.cut or near_title or in_list(st.s, n)
            if context:
                strong.add(k)
            elif n.words >= 3 and not alone:
                strong.add(k)
            else:
                weak.add(k)
    return strong


_BRACKET_AFTER = re.compile(r"\s*\(([^()]{0,60})\)")
_HOMETOWN = re.compile(r"\b(?:quê|sinh|trú|ở)\b")


def _bracket_province(st: _Sentence, name: Name) -> str | None:
    """"Chủ tịch UBND huyện Sa Pa Nguyễn Văn A (33 tuổi, Lào Cai)": the one province in the brackets
    after the holder's name places his office (not a hometown: "quê", "sinh")."""
    m = _BRACKET_AFTER.match(st.s, name.end)
    if not m or _HOMETOWN.search(m.group(1)):
        return None
    inside = {p.province for p in st.places if m.start(1) <= p.start < m.end(1) and not p.institution}
    return inside.pop() if len(inside) == 1 else None


def _chain_places(chain: list[Title], i: int) -> str | None:
    for t in chain[i + 1:]:
        if t.place:
            return t.place
    for t in reversed(chain[:i]):
        if t.place:
            return t.place
    return None


_PARTY_GROUP = re.compile(r"^(?:Phó\s+)?Bí thư\s+(?:Đảng đoàn|Ban [Cc]án sự [Đđ]ảng)$")
_BARE_PARTY = {"bí thư", "phó bí thư", "phó bí thư thường trực"}
_BARE_COMMITTEE = re.compile(r"^(?:Phó\s+)?Bí thư(?:\s+Thường trực)?\s+Đảng (?:ủy|uỷ)$")
_OWNER_BODY = re.compile(rf"\b(?:Đại học Quốc gia|ĐHQG|Đại học|ĐH|Học viện|Trường|Bệnh viện|Tập đoàn|Tổng công ty|"
                         rf"Công ty|Viện|Sở|Bộ|Tổng cục|Cục)\s+[{UPPER}].*$")


def _holdings(sents: list[_Sentence], subject: str | None, g: Grammar, persons: dict,
              cut_off: bool = False) -> list[PostHolding]:
    merged: dict[tuple, PostHolding] = {}
    flags: dict[tuple, set] = {}
    bodies = team_body(" ".join(st.s for st in sents if "oàn kiểm tra" in st.s or "oàn giám sát" in st.s), g)
    for st in sents:
        if not st.names:
            continue
        around = {p.province for p in st.places if not p.institution and not p.in_title}
        context = around.pop() if len(around) == 1 else subject
        member = memberships(st.s, st.names, st.places, g)
        if cut_off and st is sents[-1]:  # "tham gia Ban Chấp hành, Ban Thư…": the list is cut
            member = [a for a in member if len(st.s) - a.title.end > 20]
        assigned = (assign(st.s, st.titles, st.names, g) if st.titles else []) + member \
            + team_leaders(st.s, st.names, bodies, g) \
            + elected_members(st.s, st.names, g)
        own: dict[str, set] = {}
        for a in assigned:
            if not a.list_head:
                own.setdefault(key(a.name.text), set()).add(key(a.title.text).replace(" thường trực", ""))
        for a in assigned:
            t, chain = a.title, a.chain
            idx = chain.index(t)
            text = t.text
            # "Phó Chủ tịch rồi Chủ tịch UBND tỉnh": a bare role takes the body of the next one.
            if text == t.head and idx + 1 < len(chain):
                nxt = chain[idx + 1]
                same = nxt.head.replace("Phó ", "") == t.head.replace("Phó ", "") or \
                    key(nxt.head) in g.body_sharing_heads and key(t.head) not in g.offices
                if same and len(nxt.text) > len(nxt.head):
                    text = t.head + nxt.text[len(nxt.head):]
                    if not t.place and nxt.place:
                        t.place = nxt.place
            if a.list_head and key(text) in own.get(key(a.name.text), set()):
                continue
            if a.list_head and any(o.startswith(key(text)) and o != key(text) for o in own.get(key(a.name.text), ())):
                continue
            # "Bí thư Đảng ủy, Chủ tịch Hội đồng Đại học Huế": the committee is that of the body the
            # chain names after it.
            if _BARE_COMMITTEE.search(text):
                body = next((m.group() for c in chain[idx + 1:] for m in [_OWNER_BODY.search(c.text)] if m), None)
                if body:
                    text = f"{text} {body}"
                    t = next((c for c in chain[idx + 1:] if body in c.text), t)
            # "Bí thư Đảng đoàn, Chủ tịch Liên minh X": a Party group is that of the body the next
            # title of the chain names ("Bí thư Ban cán sự đảng, Chủ tịch UBND tỉnh").
            if _PARTY_GROUP.search(text) and idx + 1 < len(chain):
                nxt = chain[idx + 1]
                city = g.vocab.provinces[nxt.place].city if nxt.place in g.vocab.provinces else None
                nl = canonical(nxt.text, city, g)[0] if nxt.place else nxt.text
                body = (nl[len(nxt.head):] if nl.startswith(nxt.head) else nxt.text[len(nxt.head):]).strip()
                if body[:1].isupper() and not _PARTY_GROUP.search(nxt.text):
                    text = f"{text} {body}"
                    if not t.place and nxt.place:
                        t.place = nxt.place
            province = t.place
            label, office, level = canonical(text, None, g)
            if t.institution:
                level = "central"  # a national institution named with its city
            if province is None and level in ("provincial", "district"):
                province = _chain_places(chain, idx) or _bracket_province(st, a.name) or context
            if province is None and key(text) in _BARE_PARTY and context:
                province = context
            if province is not None:
                city = g.vocab.provinces.get(province).city if province in g.vocab.provinces else False
                if key(text) in _BARE_PARTY:
                    text = text + (" Thành ủy" if city else " Tỉnh ủy")
                label, office, level = canonical(text, city, g)
                if level == "central" and not t.place:
                    province = None
            if office is None and key(label) == key(t.head):
                continue  # a bare role ("Bộ trưởng Nguyễn Văn An"): the office is not stated
            name = persons.get(key(a.name.text), a.name.text)
            status = "former" if (a.status == "former" or t.former) else "during" if a.status == "during" else "current"
            k = (key(name), key(label), province)
            term = t.term
            flag = "ended" if a.ended else status if not a.conferred else "conferred"
            if k in merged:
                h = merged[k]
                flags[k].add(flag)
                h.term = h.term or term
                continue
            merged[k] = PostHolding(person=name, title=label, evidence=st.ev, organization=_org(label, province, city=
                                    g.vocab.provinces[province].city if province in g.vocab.provinces else False),
                                    province=province, status=status, term=term, office=office)
            flags[k] = {flag}
    _merge_variants(merged, flags)
    for k, h in merged.items():
        f = flags[k]
        h.status = "former" if "ended" in f or "former" in f and "conferred" not in f \
            or f == {"during"} else "current"
    out = list(merged.values())
    out = _drop_contradicted_seats(out)
    _expelled(sents, out, g)
    return out


def _merge_variants(merged: dict, flags: dict) -> None:
    """"Phó Chủ tịch UBND TP" and "Phó Chủ tịch Thường trực UBND TP" of one person are one office:
    the plain form joins the more specific one (its flags and term with it)."""
    for k in list(merged):
        name, label, province = k
        for full in list(merged):
            if full == k or full[0] != name or full[2] != province:
                continue
            if full[1].replace(" thường trực", "", 1) == label and " thường trực" in full[1]:
                h, f = merged.pop(k), flags.pop(k)
                flags[full] |= f
                merged[full].term = merged[full].term or h.term
                break


_SEAT = re.compile(r"^Ủy viên (?:Ban Chấp hành Đảng bộ|Ban Thường vụ) ")
_LEADS = ("Bí thư", "Phó Bí thư")


def _drop_contradicted_seats(holdings: list[PostHolding]) -> list[PostHolding]:
    """A committee seat said to be past while the same person leads that committee now (a Phó Bí thư
    Tỉnh ủy is a member of its Ban Chấp hành and Ban Thường vụ): the text cannot mean it ended."""
    leads = {(key(h.person), h.province) for h in holdings if h.status == "current"
             and h.title.split(" Thường trực")[0].rsplit(" ", 2)[0] in _LEADS and ("Tỉnh ủy" in h.title or "Thành ủy" in h.title)}
    return [h for h in holdings if not (h.status == "former" and _SEAT.match(h.title)
                                        and (key(h.person), h.province) in leads)]


_PARTY_POST = re.compile(r"\b(?:Bí thư|Đảng ủy|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng bộ|Trung ương Đảng|Bộ Chính trị|"
                         r"Ban Chấp hành|Ban Thường vụ|Ủy ban Kiểm tra)\b")


def _expelled(sents: list[_Sentence], holdings: list[PostHolding], g: Grammar) -> None:
    """Someone expelled from the Party (khai trừ ra khỏi Đảng) loses every Party post."""
    gone = set()
    for st in sents:
        if st.names and g.cue["expelled"].search(st.s):
            m = g.cue["expelled"].search(st.s)
            after = [n for n in st.names if n.start >= m.end()]
            before = [n for n in st.names if n.end <= m.start()]
            # "khai trừ ra khỏi Đảng đối với ông X" / "khai trừ ông X ra khỏi Đảng" / "X bị khai trừ …"
            who = after[:1] if after and st.s[m.end():after[0].start].strip(" ,") in ("", "đối với", "đối với ông",
                                                                                     "đối với bà", "đối với đồng chí") \
                else [n for n in st.names if m.start() <= n.start < m.end()] or before[-1:]
            gone |= {key(n.text) for n in who}
    for h in holdings:
        if key(h.person) in gone and _PARTY_POST.search(h.title):
            h.status = "former"


_ROLE = re.compile(r"^(?:Phó\s+)?(?:Tổng\s+)?(?:Bí thư|Chủ tịch|Ủy viên dự khuyết|Ủy viên|Trưởng|Giám đốc|Chủ nhiệm|"
                   r"Chánh Văn phòng|Bộ trưởng|Thứ trưởng|Tổng Thư ký|Tổ trưởng|Chánh án|Viện trưởng|Thống đốc|"
                   r"Tổng Kiểm toán|Tổng Thanh tra|Chỉ huy trưởng)(?:\s+Thường trực)?\s+")


def _org(label: str, province: str | None, city: bool) -> str | None:
    """The organisation of an office: its title without the role ("Tỉnh ủy Tuyên Quang")."""
    m = _ROLE.match(label)
    if not m:
        return None
    body = label[m.end():]
    if not body:
        return None
    if province and (body.endswith((" tỉnh", " thành phố")) or body in ("Tỉnh ủy", "Thành ủy")):
        body = re.sub(r"\s+(tỉnh|thành phố)$", "", body)
        return f"{body} {'thành phố' if city and body not in ('Thành ủy',) else 'tỉnh' if body != 'Tỉnh ủy' else ''} {province}".replace("  ", " ")
    return body


def _events(article: Article, sents: list[_Sentence], subject, g: Grammar, persons: dict,
            holdings: list[PostHolding], scan: SentenceScan | None = None) -> list[EventMention]:
    headline = key(article.title or "")
    states: list[ev.EventState] = []
    per_sentence: list[ev.EventState | None] = []
    prev_places: list[str] = []
    words = scan.matches(g.event_re) if scan is not None else [None] * len(sents)
    for i, st in enumerate(sents):
        if i == 0 and not headline:
            headline_key = key(st.s)
        else:
            headline_key = headline
        if words[i] == [] and not ev.other_words(st.s):
            hits = []  # what find_hits gives: no gathering word in the sentence
        else:
            hits = ev.find_hits(st.s, [(t.start, t.end) for t in st.titles], st.places, prev_places, subject,
                                headline_key, article.published, g, _relative(words[i], st.ev.start, groups=True))
        if headline and abs(len(st.s) - len(headline)) < 4 and key(st.s) == headline:
            # The headline repeated as the first line: the body says more precisely where.
            for h in hits:
                h.strength = min(h.strength, 1) if h.strength else 0
        here = None
        for h in hits:
            e = ev.merge(states, h, i, st.ev)
            if e is not None and h.present:
                here = e
                if e.date is None and h.date:
                    e.date = h.date
        per_sentence.append(here)
        pl = [p.province for p in st.places if not p.institution]
        prev_places = pl
    if not states:
        return []
    # Participants.
    cues = {c: scan.matches(g.cue[c]) if scan is not None else [None] * len(sents) for c in ev.PARTICIPATION_CUES}
    elected_mode = any(g.cue["elected"].search(st.s) if found is None else found
                       for st, found in zip(sents, cues["elected"]))
    conferred_people: dict[tuple[str, int], None] = {}  # in text order: a set's order changes from run to run
    current = None
    for i, st in enumerate(sents):
        current = per_sentence[i] or current or states[0]
        spans = [(t.start, t.end) for t in st.titles]
        here = [cues[c][i] for c in ev.PARTICIPATION_CUES]
        if any(f is None for f in here):
            found = None  # a sentence the whole-text pass cannot vouch for: searched alone
        elif any(here):
            found = {c: _relative(f, st.ev.start, groups=True) for c, f in zip(ev.PARTICIPATION_CUES, here)}
        else:
            found = {}  # no cue word: no participant
        if found is None or found:
            for n, role in ev.participants(st.s, st.names, spans, g, found):
                _add_participant(current, persons.get(key(n.text), n.text), role, st.ev)
        if per_sentence[i] is not None and st.names:
            for n in ev.at_event(st.s, st.names, g) + ev.talks_parties(st.s, st.names, g):
                _add_participant(current, persons.get(key(n.text), n.text), "attendee", st.ev)
    if elected_mode:
        for st_i, st in enumerate(sents):
            for a in (assign(st.s, st.titles, st.names, g) if st.titles and st.names else []) \
                    + elected_members(st.s, st.names, g):
                if a.conferred or a.list_head:
                    conferred_people[(key(a.name.text), st_i)] = None
        for k, st_i in conferred_people:
            e = per_sentence[st_i] or _last_before(per_sentence, st_i) or states[0]
            _add_participant(e, persons.get(k, k), "attendee", sents[st_i].ev)
    # A gathering whose place is only guessed, chaired by central officials only ("Phó Thủ tướng chủ trì
    # hội nghị … cho 9 tỉnh"): a central body's meeting, no province (GOLD.md).
    offices: dict[str, list] = {}
    for h in holdings:
        if h.status == "current":
            offices.setdefault(key(h.person), []).append(h.province)
    for e in states:
        chairs = [k for k, (_n, r, _ev) in e.participants.items() if r == "chair"]
        if e.strength < 3 and chairs and all(offices.get(k) and not any(offices[k]) for k in chairs):
            e.province = None
        # Talks between national or foreign leaders only, the place a guess: no province either.
        elif e.strength < 3 and not chairs and e.type == "Buổi làm việc" and len(e.participants) >= 2 \
                and all(offices.get(k) and not any(offices[k]) for k in e.participants):
            e.province = None
    out = []
    for e in states:
        out.append(EventMention(type=e.type, evidence=e.evidence, title=e.title, province=e.province, date=e.date,
                                participants=[Participation(n, r, evd) for n, r, evd in e.participants.values()]))
    return out


def _last_before(per_sentence, i):
    for e in reversed(per_sentence[:i]):
        if e is not None:
            return e
    return None


def _add_participant(e: ev.EventState, name: str, role: str, evidence: Evidence) -> None:
    k = key(name)
    old = e.participants.get(k)
    if old is None or ev.better(role, old[1]):
        e.participants[k] = [name, role, evidence]


# A provincial body named before its province ("Tỉnh ủy Tuyên Quang", "HĐND tỉnh Vĩnh Phúc").
_PROVINCIAL_BODY = re.compile(r"(?<![\w])(Tỉnh ủy|Thành ủy|Hội đồng nhân dân|HĐND|Ủy ban nhân dân|UBND|"
                              r"Ủy ban Mặt trận Tổ quốc(?: Việt Nam)?|UBMTTQ(?: Việt Nam)?|Ủy ban MTTQ(?: Việt Nam)?|"
                              r"Ủy ban Kiểm tra Tỉnh ủy|Ủy ban Kiểm tra Thành ủy|UBKT Tỉnh ủy|UBKT Thành ủy|"
                              r"Đoàn đại biểu Quốc hội|Đoàn ĐBQH)\s*$")


def _organisations(sents: list[_Sentence], g: Grammar, orgs: list | None = None) -> list[OrganizationMention]:
    """Bodies the text names, as canonical written-out labels: known central bodies (graph/organisations.ttl),
    ministries ("Bộ GD&ĐT" → "Bộ Giáo dục và Đào tạo") and provincial bodies with their province."""
    out: list[OrganizationMention] = []
    seen: set = set()

    def add(label, st, province=None):
        k = key(label)
        if k not in seen:
            seen.add(k)
            out.append(OrganizationMention(label, st.ev, province))

    for i, st in enumerate(sents):
        s = st.s
        # ``orgs``: g.org_re's matches, per sentence, from the whole text (text.SentenceScan)
        for m in g.org_re.finditer(s) if orgs is None or orgs[i] is None else orgs[i]:
            add(g.vocab.organisations.get(key(m.group()), m.group()), st)
        if "Bộ" in s:
            for m in g.ministry_re.finditer(s):
                name = expand("Bộ" + m.group(1).rstrip(" ,-"), g)
                words = name.split()
                # the longest prefix that is a known body ("Bộ Nội vụ Lê Văn An" → "Bộ Nội vụ")
                for n in range(len(words), 1, -1):
                    label = g.vocab.organisations.get(key(" ".join(words[:n])))
                    if label:
                        add(label, st)
                        break
        for p in st.places:
            if p.institution or "-" in p.province:
                continue
            b = _PROVINCIAL_BODY.search(s, max(0, p.start - 45), p.start)
            if not b:
                continue
            body = expand(b.group(1), g).replace("Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc")
            city = g.vocab.provinces[p.province].city if p.province in g.vocab.provinces else False
            if body in ("Tỉnh ủy", "Thành ủy"):
                label = f"{'Thành ủy' if city else 'Tỉnh ủy'} {p.province}"
            elif body.startswith("Ủy ban Kiểm tra"):
                label = f"Ủy ban Kiểm tra {'Thành ủy' if city else 'Tỉnh ủy'} {p.province}"
            else:
                label = f"{body} {'thành phố' if city else 'tỉnh'} {p.province}"
            add(label, st, p.province)
    return out
