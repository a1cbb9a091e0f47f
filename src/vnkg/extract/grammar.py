"""Regular expressions built once from the vocabulary (vnkg.vocab).

The words come from the Turtle files; this module only says how they combine. Everything here
is compiled the first time ``grammar()`` is called and shared by every article after that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vnkg.extract.text import key, match_form
from vnkg.vocab import Vocabulary, load_vocabulary

# Letters by case, from Unicode itself (Vietnamese capitals are scattered over several blocks).
UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())
LOWER = "".join(chr(c) for c in range(0x61, 0x1F00) if chr(c).islower() and chr(c).isalpha())
_U, _L = f"[{UPPER}]", f"[{LOWER}]"
# A capitalised syllable ("Lềnh", "A", "Kđăm", "H'Hen"); runs of them separated by one space.
CAP_WORD = rf"(?:H'{_U}{_L}*|{_U}{_L}*)"
# A name has two words or more. The pattern starts with a character class and checks the word start
# after it ("(?<![\w'].)"): Python's engine then scans for the class in C instead of trying every
# position (a leading look-behind made this regex, run on every sentence, 3-4 times slower).
CAP_RUN = re.compile(rf"({_U}(?<![\w'].)(?:'{_U})?{_L}*(?: {CAP_WORD})+)(?![\w'])")
B = r"(?<![\w])"  # word start
E = r"(?![\w])"  # word end


def alternation(words, flags_ci: bool = False, word_start: bool = False) -> str:
    """A regex matching any of ``words`` (longest first), spaces flexible, as a trie: Python's
    engine tries alternatives one by one, so a flat list of 500 names is slow on every position.
    ``word_start``: match only at the start of a word, checked after the first character so that
    the pattern still begins with literals (the engine's fast scan; see CAP_RUN)."""
    trie: dict = {}
    for w in {match_form(w) for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie, r"(?<![\w].)" if word_start else "") or "(?!)"


def cased(words) -> list[str]:
    """The words as written, in lower case and capitalised (a case-sensitive regex stays fast)."""
    out = []
    for w in words:
        out += [w, w.lower(), w[:1].upper() + w[1:]]
    return list(dict.fromkeys(out))


def _trie_regex(node: dict, after_first: str = "") -> str:
    end = "" in node
    branches = []
    for ch in sorted(c for c in node if c):
        sub = _trie_regex(node[ch])
        atom = r"\s+" if ch == " " else re.escape(ch)
        branches.append(atom + after_first + sub)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy with a fall-back to the shorter word: longest match first, as a sorted list would.
    return f"(?:{body})?" if end else body


@dataclass
class Grammar:
    vocab: Vocabulary
    surnames: frozenset
    surname_caps: frozenset  # the same, capitalised as in a name ("Nguyễn")
    honorific_re: re.Pattern  # a lower-case honorific just before a name
    credit_re: re.Pattern  # a credit ("Ảnh:") just before a name
    blocker_re: re.Pattern  # a word before a capitalised run that makes it a non-person
    rank_re: re.Pattern
    rank_before_re: re.Pattern
    name_stop_keys: frozenset  # key() of capitalised non-name phrases
    glued_words: tuple  # lower-case words found glued to a name's last syllable ("Ancho biết")
    role_re: re.Pattern  # start of an office title
    role_lc_re: re.Pattern  # an office title in lower case ("nguyên chủ tịch …"), kept after a cue only
    title_cue_before_re: re.Pattern  # that cue, ending a string
    lc_title_re: re.Pattern  # a cue (or "các") then a lower-case office: groups "cue" and "role"
    head_form: dict  # key(head) -> the head as the lexicon writes it
    title_words: dict  # lower-case continuations of a title: first word -> word tuples, longest first
    title_stops: dict
    body_sharing_heads: frozenset  # "Phó Chủ tịch - Tổng Thư ký X": the bare office is of X too
    time_re: re.Pattern  # "sáng 29/5", "chiều nay": a time expression, which ends a title
    province_re: re.Pattern  # a province name, optionally with its prefix
    province_name_re: re.Pattern  # a province name alone
    prefix_before_re: re.Pattern  # a province prefix ("tỉnh", "TP") ending a string
    province_of: dict  # key(spelling) -> short label
    person_like_provinces: frozenset  # short labels that are also a person's name (Hồ Chí Minh)
    prefix_only_provinces: frozenset  # those and former provinces: only after a prefix
    abbreviations: list  # (compiled pattern, full form)
    offices: dict
    cue: dict  # notation -> compiled regex of the cue words (word-bounded)
    event_re: re.Pattern
    event_type_of: dict  # key(spelling) -> canonical event type
    central_venue_re: re.Pattern
    central_body_re: re.Pattern  # a central body's name ("Ban Bí thư", "… Trung ương")
    capital: str  # the province central bodies sit in
    org_re: re.Pattern  # a known (central) organisation's name, graph/organisations.ttl
    ministry_re: re.Pattern  # "Bộ" + a name or an abbreviation ("Bộ GD&ĐT")
    institution_re: re.Pattern
    national_institution_re: re.Pattern  # a national institution's name ending a string ("… ĐHQG ")
    place_name_keys: frozenset  # key() of regions and seas that look like names ("Thái Bình Dương")
    lunar_stems: frozenset
    lunar_branches: frozenset
    lunar_cues: frozenset  # "Xuân", "Tết", "năm" before a stem and branch
    noun_surnames: frozenset  # family names that are also nouns heading a body ("Đoàn")
    noun_surname_caps: frozenset  # the same as written in a run (a set test before any key())
    lunar_caps: frozenset  # lunar stems as written in a run
    name_end_stops: frozenset  # capitalised sentence openers never ending a name ("Tại")
    countries: frozenset  # key() of country names and adjectives
    company_words: frozenset  # words of Latin-script company names ("Group", "Airlines")
    role_before_re: re.Pattern  # an office title's head, then no punctuation up to the end of a string
    offices_loose: dict  # loose_key(office label) -> office ("&", "-", "," and "và" ignored)
    office_prefixes: frozenset = frozenset()
    count_words: frozenset = frozenset()
    lc_count_re: re.Pattern = re.compile("(?!)")  # a number word then a lower-case office (cue, role)
    blocker_compound_re: re.Pattern = re.compile("(?!)")  # a compound ending in a blocker word, at the end  # key() of number words ("sáu ủy viên Bộ Chính trị (…)")  # every word prefix of those loose keys


def _by_first(words) -> dict:
    """Phrases as word tuples, grouped by their first word, longest first."""
    out: dict = {}
    for p in sorted({tuple(key(x).split()) for x in words}, key=len, reverse=True):
        out.setdefault(p[0], []).append(p)
    return out


def _cue(words) -> re.Pattern:
    return re.compile(alternation(cased(words), word_start=True) + E)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    v = load_vocabulary()
    w = v.words
    surnames = frozenset(key(s) for s in w("family-name"))
    province_of: dict[str, str] = {}
    for p in v.provinces.values():
        for n in p.names:
            province_of[key(n)] = p.label
    person_like = frozenset(
        p.label for p in v.provinces.values()
        if len(p.label.split()) >= 3 and key(p.label.split()[0]) in surnames)
    # A former province's name is also a river's, a region's or a person's ("sông Cửu Long", "Minh
    # Hải"): it counts as a province only after "tỉnh"; see places.find_places.
    prefix_only = person_like | frozenset(p.label for p in v.provinces.values() if p.historical)
    prefixes = alternation(w("province-prefix"))
    # Bare short names of person-like provinces only count after a prefix ("TP Hồ Chí Minh").
    spell = [n for p in v.provinces.values() for n in p.names if n != p.label or p.label not in person_like]
    province_re = re.compile(
        rf"{B}(?:(?P<prefix>{prefixes})\s*)?(?P<name>{alternation(spell)}){E}"
        rf"|{B}(?P<prefix2>{prefixes})\s*(?P<name2>{alternation(sorted(person_like))}){E}")
    # The same, fast: names alone (a prefix is looked for before them, and is required for the
    # person-like ones); see places.find_places.
    province_name_re = re.compile(rf"{alternation(spell + sorted(person_like), word_start=True)}{E}")
    prefix_before_re = re.compile(rf"{B}(?:{prefixes})\s*$")
    # One regex for every abbreviation (longest first), the full form looked up by what matched.
    full_of = {}
    for abbr, full in sorted(v.abbreviations, key=lambda x: -len(x[0])):
        full_of.setdefault(abbr, full)
    # "&" is also written with spaces around it ("Sở TN & MT"): never a separator, so allowed.
    abbr_re = re.compile(B + "(?:" + "|".join(re.escape(a).replace(r"\&", r"\s*\&\s*") for a in full_of) + ")" + E) \
        if full_of else re.compile("(?!)")
    abbreviations = [(abbr_re, lambda m: full_of[re.sub(r"\s*&\s*", "&", m.group())])]
    roles = w("role-head")
    head_form: dict[str, str] = {}
    for r in roles:
        head_form.setdefault(key(r), r)
    # Sentence case ("Phó chủ tịch UBND huyện") is a common house style: the same heads.
    sentence_case = [r[0] + r[1:].lower() for r in roles]
    role_re = re.compile(rf"(?P<head>{alternation(roles + sentence_case, word_start=True)}){E}")
    # All lower case ("nguyên chủ tịch UBND tỉnh"), only where a word before says an office follows.
    lower = [r.lower() for r in roles if len(r.split()) >= 2]
    role_lc_re = re.compile(rf"{alternation(lower, word_start=True)}{E}")
    title_cue_before_re = re.compile(rf"{B}(?:{alternation(w('title-cue'))})\s+$")
    # The same pair found forwards, cue first: scanning for the cue words is much cheaper than trying
    # every lower-case letter as the start of an office. "các" heads a plural office ("các ủy viên …:").
    lc_title_re = re.compile(rf"(?P<cue>{alternation(w('title-cue') + ['các', 'Các'], word_start=True)})\s+"
                             rf"(?P<role>{alternation(lower)}){E}")
    event_spellings = {s: t for t, ss in v.event_types.items() for s in ss}
    event_re = re.compile(alternation(cased(event_spellings), word_start=True) + E)
    cue = {n: _cue(w(n)) for n in ("chair", "speaker", "attendee", "conferred", "elected", "ended", "former",
                                     "held-before", "expelled", "planned", "moved", "during", "object-noun", "event-background", "event-held")}
    return Grammar(
        vocab=v,
        surnames=surnames,
        surname_caps=frozenset(x[:1].upper() + x[1:] for x in surnames),
        honorific_re=re.compile(alternation(w("honorific")) + r"\s*:?\s*$", re.IGNORECASE),
        credit_re=re.compile(alternation(w("credit")) + r"\s*[:/]\s*$"),
        blocker_re=re.compile(B + alternation(w("name-blocker")) + r"\s*$"),
        rank_re=re.compile(rf"^(?:{alternation(w('rank'))}\.?\s+)+"),
        rank_before_re=re.compile(B + alternation(w("rank")) + r"\.?\s*$"),
        name_stop_keys=frozenset(key(x) for x in w("name-stop")),
        glued_words=tuple(sorted({key(x) for x in w("glued-word")}, key=len, reverse=True)),
        role_re=role_re,
        role_lc_re=role_lc_re,
        lc_title_re=lc_title_re,
        title_cue_before_re=title_cue_before_re,
        head_form=head_form,
        title_words=_by_first(w("title-word")),
        title_stops=_by_first(w("title-stop")),
        body_sharing_heads=frozenset(key(x) for x in w("body-sharing-head")),
        time_re=re.compile(rf"{alternation(w('time-of-day'))}\s+(?:\d|(?:nay|qua|mai|hôm qua|hôm nay){E})"),
        province_re=province_re,
        province_name_re=province_name_re,
        prefix_before_re=prefix_before_re,
        province_of=province_of,
        person_like_provinces=person_like,
        prefix_only_provinces=prefix_only,
        abbreviations=abbreviations,
        offices=v.offices,
        cue=cue,
        event_re=event_re,
        event_type_of={key(s): t for s, t in event_spellings.items()},
        central_venue_re=_cue(w("central-venue")),
        central_body_re=_cue(w("central-body")),
        capital=(w("capital") or ["Hà Nội"])[0],
        org_re=re.compile(alternation(sorted(set(v.organisations.values())), word_start=True) + E),
        ministry_re=re.compile(rf"B(?<![\w].)ộ((?:\s+(?:[{UPPER}][^\s,.;:()]*|và|-|,(?=\s+[{UPPER}])))+)"),
        # A capitalised word may carry one lower-case syllable ("Trường ĐH Kiến trúc TP Hồ Chí Minh").
        institution_re=re.compile(B + alternation(w("institution")) +
                                  rf"(?:\s+(?:[{UPPER}]\S*(?:\s[{LOWER}]+)?|tỉnh|thành phố|và|&|\d+))*\s*$"),
        # "Đại học Kiến trúc Hà Nội": the lower-case syllables of a capitalised word are in the name
        # too, but not a level word ("Trường Đại học Y tỉnh X": the province's own school).
        national_institution_re=re.compile(B + alternation(w("national-institution")) +
                                           rf"(?:\s+[{UPPER}]\S*(?:\s+(?!tỉnh|thành|thủ đô)[{LOWER}]\S*){{0,2}})*\s*$"),
        place_name_keys=frozenset(key(x) for x in w("place-name")),
        lunar_stems=frozenset(key(x) for x in w("lunar-stem")),
        lunar_branches=frozenset(key(x) for x in w("lunar-branch")),
        lunar_cues=frozenset(key(x) for x in w("lunar-year-cue")),
        noun_surnames=frozenset(key(x) for x in w("noun-surname")),
        noun_surname_caps=frozenset(x[:1].upper() + x[1:] for x in w("noun-surname")),
        lunar_caps=frozenset(x[:1].upper() + x[1:] for x in w("lunar-stem")),
        name_end_stops=frozenset(key(x) for x in w("name-end-stop")),
        countries=frozenset(key(x) for x in w("country")),
        company_words=frozenset(key(x) for x in w("company-word")),
        role_before_re=re.compile(rf"{B}(?:{alternation(roles + sentence_case)}){E}[^,.;:()\"“”]{{0,60}}$"),
        offices_loose={loose_key(k): o for k, o in v.offices.items()},
        blocker_compound_re=re.compile(B + alternation(cased(w("blocker-compound"))) + r"\s*$"),
        count_words=frozenset(key(x) for x in w("count-word")),
        lc_count_re=re.compile(rf"(?P<cue>{alternation(cased(w('count-word')), word_start=True)})\s+"
                               rf"(?P<role>{alternation(lower)}){E}"),
        office_prefixes=frozenset(" ".join(w[:i]) for k in v.offices for w in [loose_key(k).split()]
                                  for i in range(1, len(w) + 1)),
    )


@lru_cache(maxsize=100_000)
def loose_key(text: str) -> str:
    """A key that ignores how the parts of a name are joined: "Giáo dục & Đào tạo", "Giáo dục và Đào
    tạo"; "Văn hóa - Thể thao - Du lịch", "Văn hóa, Thể thao và Du lịch"."""
    return " ".join(re.sub(r"(?:&|-|,|(?<!\w)và(?!\w))", " ", key(text)).split())
