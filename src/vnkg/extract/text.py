"""Text primitives every extractor shares: normalisation and sentence spans.

The reader stores ``Article.text`` in NFC with line ends unified, so offsets in
``Evidence`` always refer to that normalised text.
"""
from __future__ import annotations

import re
import unicodedata

from vnkg.model import Evidence

# A sentence ends at . ! ? … or a line break, when followed by space and an upper-case letter,
# a quote or a digit; "TP. Hồ Chí Minh", "Tp.", "St." and initials are not ends.
_NO_BREAK_BEFORE = re.compile(r"(?:\b(?:TP|Tp|tp|TS|ThS|PGS|GS|Th|St|Q|P|TT|KS|BS|Mr|Ms|Dr|[A-ZĐ])\.)$")
_BREAK = re.compile(r"(?<=[.!?…])[\"”»)]*\s+(?=[\"“«(]?[A-ZÀ-ỸĐ0-9])|\n+")


def normalize(text: str) -> str:
    """NFC, unified line ends, no NUL or other control characters but tab and newline."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def sentences(text: str) -> list[Evidence]:
    """Split ``text`` into sentences with their offsets (stripped of surrounding space)."""
    out: list[Evidence] = []
    start = 0
    for m in _BREAK.finditer(text):
        if m.group().strip() and "\n" not in m.group():
            pass
        if "\n" not in m.group() and _NO_BREAK_BEFORE.search(text[start:m.start()]):
            continue
        _add(text, start, m.start(), out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[Evidence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Evidence(text[start:end], start, end))
