"""Text primitives every extractor shares: normalisation and sentence spans.

The reader stores ``Article.text`` in NFC with line ends unified, so offsets in
``Evidence`` always refer to that normalised text.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

from vnkg.model import Evidence

# A sentence ends at . ! ? … or a line break, when followed by space and an upper-case letter,
# a quote or a digit; "TP. Hồ Chí Minh", "Tp.", "St." and initials are not ends.
_NO_BREAK_BEFORE = re.compile(r"(?:\b(?:TP|Tp|tp|TS|ThS|PGS|GS|Th|St|Q|P|TT|KS|BS|Mr|Ms|Dr|[A-ZĐ])\.)$")
# Starts with the punctuation itself (not a look-behind): the engine then scans for it in C.
# One character class first (not two alternatives): the engine then skips ahead in C (3-4 times faster).
_BREAK = re.compile(r"[.!?…\n](?:(?<=\n)\n*|(?P<gap>[\"”»)]*\s+)(?=[\"“«(]?[A-ZÀ-ỸĐ0-9]))")


# The control characters (Unicode category Cc: C0, DEL and C1) but tab and newline; one regex
# pass, where a per-character category test cost the loader more than its store writes.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalize(text: str) -> str:
    """NFC, unified line ends, no NUL or other control characters but tab and newline."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def sentences(text: str) -> list[Evidence]:
    """Split ``text`` into sentences with their offsets (stripped of surrounding space)."""
    out: list[Evidence] = []
    start = 0
    for m in _BREAK.finditer(text):
        # Only the last few characters can hold an abbreviation: searching the whole sentence so far
        # made a long text without breaks ("TP. … TP. …") quadratic (100k characters: minutes).
        cut = m.start(1)  # the gap's start; -1 when the break is a line end
        if cut < 0:
            cut = m.start()
        elif "\n" not in m.group() and _NO_BREAK_BEFORE.search(text, max(start, cut - 8), cut):
            continue
        _add(text, start, cut, out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


# A longer "sentence" is not one (a table, a list glued together, junk): it is cut at spaces.
# Rules scan within a sentence, several of them quadratically, so this bounds a hostile text's cost
# (80k characters without a full stop took 10-20 s; 10 MB would take hours). Real ones: 7 of 163,501
# sentences in ../shared/corpus are over 2,000 characters, the longest 7,279.
MAX_SENTENCE = 3000


def _add(text: str, start: int, end: int, out: list[Evidence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _add(text, start, cut, out)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Evidence(text[start:end], start, end))


# Both tone placements occur ("Ủy"/"Uỷ", "hòa"/"hoà"); matching uses the one the vocabularies
# are written in. Each pair maps to a pair, so the matching form keeps every offset.
_TONE_PAIRS = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe",
               "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_TONE_PAIRS.update({a[0].upper() + a[1]: b[0].upper() + b[1] for a, b in list(_TONE_PAIRS.items())})
# Only at the end of a syllable: "Đoàn", "khuỳnh" carry the mark on the same letter in both styles.
_TONE_RE = re.compile("(?:" + "|".join(_TONE_PAIRS) + r")(?!\w)")
_SAME_LENGTH = {"\u00d0": "Đ", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                "\u2212": "-", "\u00a0": " ", "\u202f": " "}
_SAME_RE = re.compile("[" + "".join(_SAME_LENGTH) + "]")


def match_form(text: str) -> str:
    """``text`` in one tone style, with one dash and one space; same length, so offsets hold."""
    text = _SAME_RE.sub(lambda m: _SAME_LENGTH[m.group()], text)
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group()], text)


@lru_cache(maxsize=200_000)
def key(text: str) -> str:
    """A lookup key for labels: matching form, lower case, single spaces (cached: words repeat)."""
    return " ".join(match_form(unicodedata.normalize("NFC", text)).lower().split())


_EDGE = frozenset("'_")  # with str.isalnum(): the characters ``[\w']`` matches


def _edge(ch: str) -> bool:
    return ch.isalnum() or ch in _EDGE


# The look-arounds SentenceScan's reasoning covers; a pattern with any other context test (another
# look-around, \b, an anchor, a negated class…) is scanned sentence by sentence, as before.
_KNOWN_CONTEXT = re.compile(r"\(\?<!\[\\w'?\]\.\)|\(\?!\[\\w'?\]\)")
_OTHER_CONTEXT = re.compile(r"\(\?[=!<]|\\[bBAZ]|(?<!\\)[\^$]")
_SCANNABLE: dict[int, tuple] = {}


def _scannable(pattern: re.Pattern) -> bool:
    known = _SCANNABLE.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _SCANNABLE[id(pattern)] = (pattern, not pattern.flags & (re.MULTILINE | re.IGNORECASE)
                                           and not _OTHER_CONTEXT.search(_KNOWN_CONTEXT.sub("", pattern.pattern)))
    return known[1]


class SentenceScan:
    """One regex pass over a whole text instead of one per sentence, with the per-sentence result.

    For the word-bounded patterns of vnkg.extract.grammar (alternations and CAP_RUN, whose only
    look-arounds are ``(?<![\\w'].)`` at a word's start and ``(?![\\w'])`` at its end),
    ``pattern.finditer(text[a:b])`` gives the matches the whole-text pass finds inside the
    sentence, when no character of ``[\\w']`` touches the sentence from outside and no match of the
    pass crosses its edges: the engine then takes the same path at each position. Where that is not
    so (a sentence cut inside a word, a match running on past its end), ``matches`` says None and
    the caller scans that sentence itself, so the result is the same either way.
    """

    def __init__(self, text: str, bounds: list[tuple[int, int]]):
        self.text = text
        self.bounds = bounds
        self.starts = [a for a, _b in bounds]
        n = len(text)
        self.unsafe = [(a > 0 and _edge(text[a - 1])) or (b < n and _edge(text[b])) for a, b in bounds]

    def matches(self, pattern: re.Pattern) -> list[list[re.Match] | None]:
        """Per sentence, the pattern's matches (offsets in the whole text), or None: scan it alone."""
        bounds, starts = self.bounds, self.starts
        if not _scannable(pattern):
            return [None] * len(bounds)
        out: list[list | None] = [None if u else [] for u in self.unsafe]
        if not bounds:
            return out
        last = len(bounds) - 1
        for m in pattern.finditer(self.text):
            p, q = m.span()
            i = bisect.bisect_right(starts, p) - 1
            if i >= 0 and p < bounds[i][1]:
                if q > bounds[i][1]:
                    out[i] = None  # runs past the sentence's end
                else:
                    hits = out[i]
                    if hits is not None:
                        hits.append(m)
                    continue
            # Starts between sentences or runs past an end: every sentence it reaches is scanned alone.
            j = i + 1
            while j <= last and starts[j] < q:
                out[j] = None
                j += 1
        return out
