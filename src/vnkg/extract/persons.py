"""Personal names: runs of capitalised syllables that start with a family name.

A run is cut in front of its name: honorifics, ranks, provinces and capitalised words that
end a title ("… Tỉnh ủy Vĩnh Phúc Hoàng Thị Thúy Lan", "… MTTQ Việt Nam Đỗ Văn Chiến") are
dropped. Names of every ethnic group pass (Hầu A Lềnh, Rah Lan Chung, Ma Thế Hồng) because
the family-name list (graph/lexicon.ttl) holds theirs too. Whether a candidate is a person is
decided with its context: an honorific, an office next to it, a list, or a full three-part name.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from vnkg.extract.grammar import CAP_RUN, LOWER, Grammar
from vnkg.extract.text import key

_SEP_TITLE = re.compile(r"\s*(?:,|-|–|\(|:)\s*")
_LIST_BEFORE = re.compile(r"(?:[,;:]|\bvà|\bgồm)\s*(?:(?:các\s+)?(?:ông|bà|đồng chí)\s+)?$")


@dataclass
class Name:
    start: int  # offsets in the sentence
    end: int
    text: str  # as written
    honorific: bool  # "ông", "bà", "đồng chí" (or a rank) right before it
    cut: bool  # something capitalised (a place, a title word) was cut off in front of it
    blocked: bool  # preceded by a word that makes it a place, street or idea
    credit: bool  # after "Ảnh:", "Theo"… : a byline
    words: int
    weak: bool = False  # a family name that is also a noun ("Đoàn"): only an honorific or office makes it a name


def find_names(s: str, orig: str, g: Grammar, runs: list[tuple[int, int]] | None = None) -> list[Name]:
    """Candidate names in one sentence (``s`` in matching form, ``orig`` as written). ``runs``: the
    spans of CAP_RUN in ``s`` when already found (text.SentenceScan)."""
    out: list[Name] = []
    surnames = g.surnames
    capitalised = g.surname_caps
    if runs is None:
        runs = [m.span(1) for m in CAP_RUN.finditer(s)]
    for run_start, run_end in runs:
        words = s[run_start:run_end].split(" ")
        # Most capitalised runs hold no family name before their last word: no name in them. (``s`` is
        # in matching form and run words are capitalised: a set test in C is enough.)
        if capitalised.isdisjoint(words[:-1]):
            f = len(words) >= 2 and words[-1].isascii() and words[-2].isascii() and _foreign(s, run_start, words, g)
            if f:
                out.append(Name(f[0], f[1], orig[f[0]:f[1]], True, False, False, False, f[2]))
            continue
        starts = [run_start]
        for wd in words[:-1]:
            starts.append(starts[-1] + len(wd) + 1)
        i, cut, honor = 0, False, False
        # "Tập đoàn Sao Mai Group Lê Văn Tư": a Latin-script company word ends the company's name.
        for j in range(len(words) - 3, -1, -1):
            if key(words[j]) in g.company_words:
                i, cut = j + 1, True
                break
        # Cut what stands in front of the name, a phrase at a time.
        while i < len(words):
            rest = " ".join(words[i:])
            if g.rank_re.match(rest + " ") and not key(words[i]) in g.surnames:
                mm = g.rank_re.match(rest + " ")
                i += len(mm.group().split())
                honor = True
                continue
            if key(words[i]) in ("ông", "bà", "đồng", "các", "anh", "chị", "cô", "bác"):
                honor = honor or key(words[i]) in ("ông", "bà", "bác")
                i += 1
                continue
            hit = 0
            for n in range(min(4, len(words) - i), 0, -1):
                k = key(" ".join(words[i:i + n]))
                if k in g.province_of or k in g.name_stop_keys:
                    hit = n
                    break
            if hit and len(words) - i - hit >= 2:
                i += hit
                cut = True
                continue
            if key(words[i]) not in g.surnames and len(words) - i > 2:
                i += 1
                cut = True
                continue
            break
        name_words = words[i:]
        end = run_end
        # "… ông Nguyễn Văn An Tại buổi làm việc": a sentence opener glued on by a lost line break.
        if len(name_words) >= 3 and key(name_words[-1]) in g.name_end_stops and _GOES_ON.match(s, end):
            end -= len(name_words[-1]) + 1
            name_words = name_words[:-1]
        if len(name_words) < 2 or key(name_words[0]) not in g.surnames:
            continue
        if len(name_words) > 6:
            continue
        start = starts[i]
        # "Xuân Đinh Dậu": a lunar year; "Đoàn Việt Nam": a delegation (and "Thái Bình Dương" a sea, below).
        if name_words[-2] in g.lunar_caps and key(name_words[-2]) in g.lunar_stems \
                and key(name_words[-1]) in g.lunar_branches \
                and (len(name_words) == 2 or key(name_words[-3]) in g.lunar_cues):
            continue
        weak = name_words[0] in g.noun_surname_caps
        if weak:
            rest = key(" ".join(name_words[1:]))
            if rest in g.name_stop_keys or rest in g.countries or rest in g.province_of:
                continue
        # "Trưởng Đoàn Đại biểu Quốc hội": a run cut out of a title whose last word goes on, in lower
        # case, as a title phrase ("Đại biểu", "Ban Chấp hành") is that title, not a name.
        if cut and _continues_title(s, starts[-1], g):
            continue
        # "Nguyễn Văn Ancho biết" (a space lost at the source): a syllable cannot hold two vowel
        # groups, so a known function word glued to the last one is cut off.
        glued = _glued_tail(name_words[-1], g)
        if glued:
            end -= glued
            name_words = name_words[:-1] + [name_words[-1][:-glued]]
        k = key(" ".join(name_words))
        if k in g.province_of or k in g.vocab.organisations or k in g.place_name_keys:
            continue
        before = s[max(0, start - 40):start]
        tail = before.rstrip()
        # Cheap first test (these run for every capitalised run): the word before must be one of theirs.
        last = tail[-1:]
        honor = honor or (last.isalpha() or last in ":.") and (bool(g.honorific_re.search(before))
                                                            or bool(g.rank_before_re.search(before)))
        blocked = (not cut) and last.isalpha() and bool(g.blocker_re.search(before)) and not honor \
            and not g.blocker_compound_re.search(before)  # "Bộ Tài nguyên - môi trường Phạm Văn A"
        # "Phó Chủ tịch UBND TP Nguyễn Văn A": the level word ends a council's office, and a full
        # three-part name after it is its holder (no place is named "huyện Nguyễn Văn A").
        blocked = blocked and not (len(name_words) >= 3 and bool(_COUNCIL_LEVEL.search(before)))
        # "Bí thư Quận ủy Ninh Kiều": two capitalised words right after a district committee are its
        # place (districts have two-syllable names; a person there is written with three).
        blocked = blocked or len(name_words) == 2 and not honor and bool(_DISTRICT_BODY.search(before))
        credit = last in ":/" and bool(g.credit_re.search(before))
        out.append(Name(start, end, orig[start:end], honor, cut, blocked, credit, len(name_words),
                        weak and len(name_words) == 2))
    return out


_LATIN = re.compile(r"[A-Z][a-z]+(?:[-'][A-Za-z][a-z]*)*")
_GOES_ON = re.compile(rf" [{LOWER}]")
# One Vietnamese syllable written without its marks ("Nha", "Trang", "Minh", "Khai"): a run of these is a
# Vietnamese place or brand, not a foreign name.
_VI_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                          r"(?:uye|uya|ươ|ie|ye|ua|uo|oa|oe|ue|uy|ai|ao|au|ay|eo|eu|ia|iu|oi|ui|[aeiouy])"
                          r"(?:ng|nh|ch|[cmnpt]|[iouy])?", re.IGNORECASE)


def _foreign(s: str, run_start: int, words: list[str], g: Grammar):
    """A foreign official's name: two or three Latin-script words after an office in the same clause
    ("Tổng thống Nga Vladimir Putin", "Chủ tịch Hạ viện Dennis Hastert") or an honorific ("ông …"),
    a country between them cut off. (start, end, words) or None."""
    if not (_LATIN.fullmatch(words[-1]) and _LATIN.fullmatch(words[-2])) \
            or _VI_SYLLABLE.fullmatch(words[-1]) and _VI_SYLLABLE.fullmatch(words[-2]):
        return None
    before = s[max(0, run_start - 70):run_start]
    # A capitalised honorific opens the run ("Ngài Heng Samrin", "Ông John Smith").
    lead = 1 if len(words) >= 3 and g.honorific_re.match(words[0] + " ") else 0
    # The context: an office in the same clause ("Tổng thống Nga …", "Chủ tịch Hạ viện …") or an honorific.
    if not (lead or g.role_before_re.search(before) or g.honorific_re.search(before)):
        return None
    pos = [run_start]
    for wd in words[:-1]:
        pos.append(pos[-1] + len(wd) + 1)
    for i in range(max(0, len(words) - 3), len(words) - 1):
        cand = words[i:]
        if not all(_LATIN.fullmatch(w) for w in cand):
            continue
        if all(_VI_SYLLABLE.fullmatch(w) for w in cand) or any(key(w) in g.company_words for w in cand):
            continue
        if g.institution_re.search(s, max(0, pos[i] - 40), pos[i]):
            continue  # "Chủ tịch Tập đoàn Masan Group": a company's name
        if key(cand[0]) in g.countries or key(" ".join(cand[:2])) in g.countries:
            continue
        if key(" ".join(cand)) in g.name_stop_keys or key(" ".join(cand)) in g.province_of:
            continue
        # What precedes it in the run, if anything, is a country ("… Liên bang Nga Igor Morgulov").
        if i == lead or any(key(" ".join(words[j:i])) in g.countries for j in range(max(0, i - 3), i)):
            return pos[i], pos[-1] + len(words[-1]), len(cand)
    return None


_COUNCIL_LEVEL = re.compile(r"(?<![\w])(?:UBND|HĐND|[ỦU]y ban nhân dân|Hội đồng nhân dân)\s+"
                            r"(?:TP\.?|Tp\.?|thành phố|tỉnh|huyện|quận|thị xã|xã|phường)\s*$")
_DISTRICT_BODY = re.compile(r"(?:Huyện|Quận|Thị|huyện|quận|thị)\s+(?:ủy|uỷ)\s+$")
_WORD_AT = re.compile(r"[^\s,;:()\"“”\[\].]+")


def _continues_title(s: str, pos: int, g: Grammar) -> bool:
    words = [w.lower() for w in _WORD_AT.findall(s, pos, pos + 40)][:4]
    if len(words) < 2 or not words[1][:1].islower():
        return False
    return any(len(p) >= 2 and tuple(words[:len(p)]) == p for p in g.title_words.get(words[0], ()))


_VOWELS = "aăâeêioôơuưy"


def _is_vowel(ch: str) -> bool:
    return unicodedata.normalize("NFD", ch.lower())[:1] in _VOWELS


def _glued_tail(word: str, g: Grammar) -> int:
    """Length of a function word glued to a name's last syllable ("Bỉnhcho" → 3), else 0."""
    low = word.lower()
    if not low.endswith(g.glued_words):
        return 0  # one test in C for the common case: no function word at its end
    for w in g.glued_words:
        if len(low) > len(w) + 1 and low.endswith(w):
            head = word[:-len(w)]
            groups = 0
            prev = False
            for ch in head:
                v = _is_vowel(ch)
                if v and not prev:
                    groups += 1
                prev = v
            if groups == 1 and not _is_vowel(w[0]):
                return len(w)
    return 0


def followed_by_title(s: str, name: Name, g: Grammar) -> bool:
    """"Nguyễn Văn An, Bí thư …" / "Nguyễn Văn An - Chủ tịch …"."""
    m = _SEP_TITLE.match(s, name.end)
    if not m:
        return False
    return bool(g.role_re.match(s, m.end()))


def in_list(s: str, name: Name) -> bool:
    return bool(_LIST_BEFORE.search(s[max(0, name.start - 30):name.start]))
