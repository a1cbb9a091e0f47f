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
CAP_RUN = re.compile(rf"(?<![\w'])({CAP_WORD}(?: {CAP_WORD})+)(?![\w'])")  # a name has two words or more
B = r"(?<![\w])"  # word start
E = r"(?![\w])"  # word end


def alternation(words, flags_ci: bool = False) -> str:
    """A regex matching any of ``words`` (longest first), spaces flexible, as a trie: Python's
    engine tries alternatives one by one, so a flat list of 500 names is slow on every position."""
    trie: dict = {}
    for w in {match_form(w) for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) or "(?!)"


def _trie_regex(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(c for c in node if c):
        sub = _trie_regex(node[ch])
        atom = r"\s+" if ch == " " else re.escape(ch)
        branches.append(atom + sub)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy with a fall-back to the shorter word: longest match first, as a sorted list would.
    return f"(?:{body})?" if end else body


@dataclass
class Grammar:
    vocab: Vocabulary
    surnames: frozenset
    honorific_re: re.Pattern  # a lower-case honorific just before a name
    credit_re: re.Pattern  # a credit ("Ảnh:") just before a name
    blocker_re: re.Pattern  # a word before a capitalised run that makes it a non-person
    rank_re: re.Pattern
    rank_before_re: re.Pattern
    name_stop_keys: frozenset  # key() of capitalised non-name phrases
    role_re: re.Pattern  # start of an office title
    title_words: dict  # lower-case continuations of a title: first word -> word tuples, longest first
    title_stops: dict
    province_re: re.Pattern  # a province name, optionally with its prefix
    province_of: dict  # key(spelling) -> short label
    person_like_provinces: frozenset  # short labels that are also a person's name (Hồ Chí Minh)
    abbreviations: list  # (compiled pattern, full form)
    offices: dict
    cue: dict  # notation -> compiled regex of the cue words (word-bounded)
    event_re: re.Pattern
    event_type_of: dict  # key(spelling) -> canonical event type
    central_venue_re: re.Pattern
    institution_re: re.Pattern


def _by_first(words) -> dict:
    """Phrases as word tuples, grouped by their first word, longest first."""
    out: dict = {}
    for p in sorted({tuple(key(x).split()) for x in words}, key=len, reverse=True):
        out.setdefault(p[0], []).append(p)
    return out


def _cue(words) -> re.Pattern:
    return re.compile(B + alternation(words) + E, re.IGNORECASE)


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
    prefixes = alternation(w("province-prefix"))
    # Bare short names of person-like provinces only count after a prefix ("TP Hồ Chí Minh").
    spell = [n for p in v.provinces.values() for n in p.names if n != p.label or p.label not in person_like]
    province_re = re.compile(
        rf"{B}(?:(?P<prefix>{prefixes})\s*)?(?P<name>{alternation(spell)}){E}"
        rf"|{B}(?P<prefix2>{prefixes})\s*(?P<name2>{alternation(sorted(person_like))}){E}")
    abbreviations = []
    for abbr, full in sorted(v.abbreviations, key=lambda x: -len(x[0])):
        abbreviations.append((re.compile(B + re.escape(abbr) + E), full))
    roles = w("role-head")
    role_re = re.compile(rf"{B}(?P<former>(?:nguyên|Nguyên|cựu|Cựu)\s+)?(?P<head>{alternation(roles)}){E}")
    event_spellings = {s: t for t, ss in v.event_types.items() for s in ss}
    event_re = re.compile(B + alternation(event_spellings, True) + E, re.IGNORECASE)
    cue = {n: _cue(w(n)) for n in ("chair", "speaker", "attendee", "conferred", "elected", "ended", "former",
                                     "held-before", "expelled", "event-background", "event-held")}
    return Grammar(
        vocab=v,
        surnames=surnames,
        honorific_re=re.compile(alternation(w("honorific")) + r"\s*:?\s*$", re.IGNORECASE),
        credit_re=re.compile(alternation(w("credit")) + r"\s*[:/]\s*$"),
        blocker_re=re.compile(B + alternation(w("name-blocker")) + r"\s*$"),
        rank_re=re.compile(rf"^(?:{alternation(w('rank'))}\.?\s+)+"),
        rank_before_re=re.compile(B + alternation(w("rank")) + r"\.?\s*$"),
        name_stop_keys=frozenset(key(x) for x in w("name-stop")),
        role_re=role_re,
        title_words=_by_first(w("title-word")),
        title_stops=_by_first(w("title-stop")),
        province_re=province_re,
        province_of=province_of,
        person_like_provinces=person_like,
        abbreviations=abbreviations,
        offices=v.offices,
        cue=cue,
        event_re=event_re,
        event_type_of={key(s): t for s, t in event_spellings.items()},
        central_venue_re=_cue(w("central-venue")),
        institution_re=re.compile(B + alternation(w("institution")) + rf"(?:\s+(?:[{UPPER}]\S*|tỉnh|thành phố|và|&|\d+))*\s*$"),
    )
