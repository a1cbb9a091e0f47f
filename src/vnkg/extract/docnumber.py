"""The số hiệu of Party and State documents, as a small parser.

Two families (Quy định 66-QĐ/TW on Party documents, Nghị định 30/2020/NĐ-CP on State ones):

    Party   NUMBER-TYPE/ISSUER               14-KL/TW, 2136-QĐNS/TW, 01-NQ/TU, 06-HD/BTCTW
    State   NUMBER/YEAR/[TYPE-]ISSUER        202/2025/QH15, 30/2020/NĐ-CP, 01/2015/TTLT-BTP-BCA
            NUMBER/TYPE-ISSUER               1654/NQ-UBTVQH15, 1234/QĐ-TTg, 45/QĐ-UBND
            NUMBER/ISSUER                    64/CP (older decrees; only trusted after a type word)

News writes them loosely ("14 - KL/TW", "1947/ QĐ–UBND", "QD" for "QĐ"), so spaces around
the separators, dash variants and the look-alike "Ð" (U+00D0) are tolerated; ``symbol`` is the
same text with those removed, so ``parse_symbol(n.symbol) == n``. Which letters mean which
document type is data (ontology/vnkg.ttl), not grammar: this module only splits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Letters of codes: capitals incl. Đ (and Ư, seen in typos like "ƯBND"), then any case
# ("QĐi", "CTr", "TTg") and, for issuers, digits ("QH15", "UBTVQH15").
_TYPE = r"[A-ZĐƯÐ][A-Za-zĐđƯưÐ]{0,7}"
_ISSUER_PART = r"[A-ZĐƯÐ][A-Za-zĐđƯưÐ0-9]{0,15}"
_NUM = r"\d{1,5}[a-z]?"
_YEAR = r"(?:19[4-9]\d|20\d\d)"
_DASH = r"\s*[-‐‑‒–—−]\s*"
_SLASH = r"\s*/\s*"

# Each form as a pattern; the text search (``SYMBOL_RE``) and the full-string parse share them.
_ISSUER = rf"{_ISSUER_PART}(?:{_DASH}{_ISSUER_PART}){{0,4}}"
_PARTY = rf"(?P<pn>{_NUM}){_DASH}(?P<pt>{_TYPE}){_SLASH}(?P<pi>{_ISSUER_PART})"
_STATE_YEAR = rf"(?P<yn>{_NUM}){_SLASH}(?P<yy>{_YEAR}){_SLASH}(?:(?P<yt>{_TYPE}){_DASH}(?=[A-ZĐƯ]))?(?P<yi>{_ISSUER})"
_STATE = rf"(?P<sn>{_NUM}){_SLASH}(?P<st>{_TYPE}){_DASH}(?P<si>{_ISSUER})"
_BARE = rf"(?P<bn>{_NUM}){_SLASH}(?P<bi>{_ISSUER_PART})"

_FORMS = rf"(?:{_PARTY}|{_STATE_YEAR}|{_STATE}|{_BARE})"
_FULL = re.compile(rf"{_FORMS}")
# In running text: not glued to a preceding word, number or path, nor followed by more code letters.
SYMBOL_RE = re.compile(rf"(?<![\w/.,:-]){_FORMS}(?![\w/])")
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"[‐‑‒–—−]")


@dataclass(frozen=True)
class DocumentNumber:
    number: str  # as written, leading zeros kept: "01"
    year: str | None  # "2025" in 202/2025/QH15
    type_code: str | None  # "KL", "NĐ", "QĐNS"; None in 202/2025/QH15, 64/CP
    issuer_code: str | None  # "TW", "TU", "CP", "UBTVQH15", "BTP-BCA"
    symbol: str  # the số hiệu without stray spaces: "14-KL/TW"

    @property
    def party(self) -> bool:
        """Party documents put a dash after the number (14-KL/TW); State ones a slash."""
        return self.symbol[len(self.number)] == "-"


def _clean(s: str) -> str:
    return _DASHES.sub("-", _SPACES.sub("", s.replace("\u00d0", "Đ")))


def from_match(m: re.Match) -> DocumentNumber:
    """The DocumentNumber of a match of ``SYMBOL_RE`` (or of the full pattern)."""
    g = m.groupdict()
    if g["pn"] is not None:
        number, year, tcode, icode = g["pn"], None, g["pt"], g["pi"]
        symbol = f"{number}-{tcode}/{icode}"
    elif g["yn"] is not None:
        number, year, tcode, icode = g["yn"], g["yy"], g["yt"], _clean(g["yi"])
        symbol = f"{number}/{year}/{tcode + '-' if tcode else ''}{icode}"
    elif g["sn"] is not None:
        number, year, tcode, icode = g["sn"], None, g["st"], _clean(g["si"])
        symbol = f"{number}/{tcode}-{icode}"
    else:
        number, year, tcode, icode = g["bn"], None, None, g["bi"]
        symbol = f"{number}/{icode}"
    fix = (lambda c: c.replace("\u00d0", "Đ") if c else c)
    return DocumentNumber(number, year, fix(tcode), fix(icode), fix(symbol))


def parse_symbol(s: str) -> DocumentNumber | None:
    """The parts of a số hiệu, or None when ``s`` (all of it, bar surrounding space) is not one.

    Never raises: anything that is not a string, or not a symbol, gives None.
    """
    if not isinstance(s, str) or len(s) > 80:
        return None
    m = _FULL.fullmatch(s.strip().replace("\u00d0", "Đ"))
    if m is None:
        return None
    return from_match(m)
