"""Party and State documents an article identifies by a number.

A document is found where a type word (Nghị quyết, Kết luận, … read from the ontology's
document classes: rdfs:label, skos:altLabel, skos:notation) is followed by "số N" or a số hiệu,
or where a số hiệu stands alone and its letters name a type. Around each mention the same
sentence may give the date ("ngày 22/9/2021"), the issuer ("của Bộ Chính trị", "Bộ Chính trị
ban hành …", "Thay mặt Bộ Chính trị") and the title ("về …", or a quoted title). A text that is
itself a document (an official text opening with "Số: 1654/NQ-UBTVQH15") gets ``cites`` from
its "Căn cứ …" clauses.

Documents named only by topic ("Nghị quyết Đại hội XIII") are not listed; nor are numbers that
are quantities ("Kế hoạch 5 năm") or places ("phường số 16": no type word).
"""
from __future__ import annotations

import bisect
import itertools
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from vnkg.extract.docnumber import _FORMS, SYMBOL_RE, DocumentNumber, from_match
from vnkg.model import Article, DocumentRef, Evidence

log = logging.getLogger(__name__)

ONTOLOGY = "https://w3id.org/vnkg/ontology#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"

# Issuers that a State symbol's letters imply (Nghị định 30/2020/NĐ-CP, Phụ lục I: codes of
# the central bodies). Ministries are left out: their letters clash with Party bodies' (BCT).
_STATE_ISSUERS = [
    (re.compile(r"UBTVQH\d*"), "Ủy ban Thường vụ Quốc hội"),
    (re.compile(r"QH\d*"), "Quốc hội"),
    (re.compile(r"CP"), "Chính phủ"),
    (re.compile(r"TTg"), "Thủ tướng Chính phủ"),
    (re.compile(r"CTN"), "Chủ tịch nước"),
    (re.compile(r"[HĐ]ĐND"), "Hội đồng nhân dân"),
    (re.compile(r"[UƯ]BND"), "Ủy ban nhân dân"),
]
# Issuer letters of provincial (or lower) bodies: Party committees "…TU", "HU", State UBND/HĐND.
_LOCAL_CODE = re.compile(r"(?:^|-)(?:[A-ZĐ]*TU|HU|QU|TXU|[UƯ]BND|[HĐ]ĐND|UB)(?:-|$)")

# What an issuer phrase starts with: the heads of Party and State bodies.
_ORG_HEAD = re.compile(
    r"(?:Bộ Chính trị|Ban Bí thư|Ban [A-ZĐ]|Ban cán sự|Bộ [A-ZĐ]|Chính phủ|Thủ tướng|Phó Thủ tướng|Quốc hội|"
    r"[UỦ][yỷ] ban|U[BƯ]ND|UBTVQH|UBKT|HĐND|Hội đồng|Hội nghị|Đại hội|(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng|Quân) [uủ][yỷ]|"
    r"Đảng đoàn|Đảng bộ|Trung ương|T\.Ư|TW|BCH|Văn phòng|To[aà] án|Viện|Kiểm toán|Ngân hàng|Mặt trận|MTTQ|"
    r"Chủ tịch|Tổng cục|Cục|Sở|Thanh tra|Tổng Bí thư|Thường trực|Thường vụ|Bộ trưởng|Thống đốc|Tổng Liên đoàn)(?!\w)"
)
_PROVINCIAL_WORDS = re.compile(
    r"(?<!\w)(?:tỉnh|Tỉnh [uủ][yỷ]|Thành [uủ][yỷ]|Huyện [uủ][yỷ]|HĐND|U[BƯ]ND|Hội đồng nhân dân|[UỦ][yỷ] ban nhân dân)(?!\w)"
)
# Where an issuer phrase after "của" ends.
_ORG_HARD_STOP = re.compile(r"[,;.()“”\"«»:*]|\s[-–]\s")
_ORG_SOFT_STOP = re.compile(
    r"\s(?:về|ngày|đã|đang|sẽ|đến|trong|nhằm|để|cho|với|là|tại|thì|có|được|theo|quy định|hướng dẫn|ban hành|"
    r"này|đối với|nêu|thực hiện|triển khai|và các|cùng|số|năm|nhiệm kỳ)(?!\w)|\s\d"
)
_ORG_LOWER = frozenset(
    "chính trị bí thư cán sự đảng đoàn nhân dân tỉnh thành phố huyện quận thị xã khóa khoá và ủy ban nước "
    "tối cao kiểm tra thường vụ trực chấp hành phủ hội đồng trung ương lần thứ nhất hai ba tư năm sáu bảy tám chín "
    "mười tướng mặt trận tổ quốc văn phòng liên tịch hợp quân sự công an".split()
)
_DATE = (r"(?:(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}|\d{2}))?(?![\d/])"
         r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*,?\s*năm\s+(?P<y2>\d{4}))?)")
_SKIP = r"[\s,*_]*"
_TAIL_DATE = re.compile(rf"{_SKIP}\(?(?:(?:được\s+)?(?:ký\s+)?(?:ban hành\s+)?(?:vào\s+)?[Nn]gày\s+){_DATE}\)?")
_TAIL_ISSUER = re.compile(rf"{_SKIP}(?:của|do)\s+")
_TAIL_TITLE = re.compile(rf"{_SKIP}(?:(?:ban hành\s+)?(?:quy định\s+)?về(?:\s+việc)?\s+|(?=[“\"«]))")
_ISSUER_NEXT = re.compile(r"\s+(?:của|do)\s+[A-ZĐ]")
_QUOTED = re.compile(r"[“\"«]([^”\"»\n]{3,250})[”\"»]")
_TITLE_STOP = re.compile(r"[;(\n]|\.\s|\.$|\s[-–]\s|[”\"»]|,\s(?:sau|đồng thời|trong đó|góp phần|qua đó|từ đó)\s|\s(?:để|nhằm)\s")
# A number that counts something rather than naming a document ("Kế hoạch 5 năm", "số 1 thế giới").
_QUANTITY = re.compile(
    r"\s*(?:%|(?:năm|tháng|tuần|ngày|giờ|phút|triệu|tỷ|tỉ|nghìn|ngàn|trăm|điểm|người|lần|km|ha|cấp|bước|"
    r"nội dung|nhiệm vụ|giải pháp|mục tiêu|tiêu chí|chương|điều|khoản|đồng|USD|tấn|m2|mét|thế giới|toàn cầu|"
    r"châu Á|cả nước|Đông Nam Á|trong|tại|hộ|xã|huyện|tỉnh|đơn vị|dự án|công trình|chữ|câu|vấn đề|nhóm|"
    r"lĩnh vực|chỉ tiêu|đầu|hạng|tầng|tuổi|bài|cuốn|trang|phần|mục|khóa|nhiệm kỳ)(?!\w))"
)
_DATE_AFTER_QUANTITY = re.compile(r"\s*(?:ngày\s+\d|năm\s+\d{4})")
_ISSUED_BEFORE = re.compile(r"(?:ban hành|ký|thông qua|ra|có)\s*(?:các\s+|những\s+)?$")
_THAY_MAT = re.compile(r"(?:Thay mặt|TM\.?)\s+")
_SELF_HEADER = re.compile(r"(?:^|\n)[\s*_|]*Số\s*:?\s*$")
# The basis clauses open a paragraph ("*Căn cứ* Luật …;"); "căn cứ vào" in the body is not one.
_CAN_CU = re.compile(r"(?:^|\n)[\s*_\\-]*Căn cứ(?!\w)")
_HEADER_DATE = re.compile(rf"[Nn]gày\s+{_DATE}")
_CAN_CU_END = re.compile(r";|\n\s*\n|(?<!\w)[Cc]ăn cứ(?!\w)|(?<!\w)(?:Xét|QUYẾT)(?!\w)")
_CLAUSE_BREAK = re.compile(r"[.;:!?\n]")
_BACK_TO_NUMBER = re.compile(r"(?<![\w/.,:-])\d{1,5}[a-z]?(?:\s*[-‐‑‒–—−]\s*[A-ZĐƯ][A-Za-zĐđƯư]{0,7})?\s*$")
_SO_END = re.compile(r"(?<!\w)[Ss]ố[\s*_:]*$")
_SO_START = re.compile(r"^\s*(?:[Ss]ố\s+)+")
_DIGIT = re.compile(r"\d")
_GENERIC_PAPER = re.compile(r"(?<!\w)(?:[Vv]ăn bản|VB)$")
_LIST_END = re.compile(r"\s*(?:[,;.)]|và|của|ngày|về|$)")
_MD = re.compile(r"[*_\\]+")
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class _Grammar:
    words: dict[str, str]  # folded type word or variant → canonical type ("Nghị quyết")
    codes: dict[str, str]  # symbol letters → canonical type ("NQ" → "Nghị quyết")
    lower_words: tuple[str, ...]  # the type words in lower case, longest first, for str.find
    after_word: re.Pattern  # what follows a type word: [số] (SYMBOL | NUMBER)
    type_word: re.Pattern  # any type word (slow path, when lower() changes the length)
    continuation: re.Pattern  # ", số 19-NQ/TW" / " và 20" after a mention
    provinces: dict[str, str]  # folded name → short label
    province_re: re.Pattern | None


def _fold(s: str) -> str:
    return _WS.sub(" ", s.lower().replace("uỷ", "ủy").replace("qui", "quy")).strip()


def _ontology_types() -> tuple[dict[str, str], dict[str, str]]:
    """Type words and letters from the document classes of ontology/vnkg.ttl."""
    import pyoxigraph as ox

    from vnkg import reference

    triples = []
    for path in reference.ontology_files():
        if path.is_file():
            triples.extend(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    sub: dict[str, set[str]] = {}
    label: dict[str, str] = {}
    alts: dict[str, list[str]] = {}
    notes: dict[str, list[str]] = {}
    for t in triples:
        s, p, o = t.subject.value, t.predicate.value, t.object
        lang = getattr(o, "language", None)
        if p == _RDFS + "subClassOf":
            sub.setdefault(s, set()).add(o.value)
        elif p == _RDFS + "label" and lang == "vi":
            label[s] = o.value
        elif p == _SKOS + "altLabel" and lang == "vi":
            alts.setdefault(s, []).append(o.value)
        elif p == _SKOS + "notation":
            notes.setdefault(s, []).append(o.value)

    def is_document(c: str, seen: frozenset = frozenset()) -> bool:
        parents = sub.get(c, set())
        return ONTOLOGY + "Document" in parents or any(is_document(x, seen | {c}) for x in parents - seen)

    words: dict[str, str] = {}
    codes: dict[str, str] = {}
    for c, name in label.items():
        if c == ONTOLOGY + "Document" or not is_document(c):
            continue
        for w in [name, *alts.get(c, [])]:
            words[_fold(w)] = name
        for n in notes.get(c, []):
            codes[n] = name
    return words, codes


def _provinces() -> dict[str, str]:
    """Province names (short labels) from the reference graph: folded → label."""
    try:
        from vnkg import reference

        ref = reference.load()
    except Exception:  # reference data missing: provinces come only from the orchestrator
        log.warning("documents: no reference provinces", exc_info=True)
        return {}
    out: dict[str, str] = {}
    for units in ref.provinces.values():
        for u in units:
            out.setdefault(_fold(u.label), u.label)
    return out


def _alternation(words) -> str:
    # Longest first so "Thông báo kết luận" wins over "Thông báo"; spaces may be any run of space.
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    words, codes = _ontology_types()
    if not words:
        log.warning("documents: no document types in the ontology; nothing will be found")
    variants = set(words)
    # Both spellings of "uỷ/ủy" and "quy/qui" fold together; the text may use either.
    variants |= {w.replace("quy", "qui") for w in words}
    alt = _alternation(variants) or r"(?!x)x"
    number = r"(?P<num>\d{1,5}[a-z]?)(?:/(?P<year>(?:19|20)\d{2}))?(?![\w/-]|[.,]\d)"
    after_word = re.compile(
        rf"(?:[\s*_]+(?P<so>[Ss]ố|SỐ)(?!\w))?[\s*_:]*"
        rf"(?:(?<![\w/.,:-]){_FORMS}(?![\w/])|{number})"
    )
    type_word = re.compile(rf"(?<!\w)(?i:{alt})(?!\w)")
    continuation = re.compile(
        rf"\s*(?:,|;|và|hoặc)\s*(?:(?P<so>[Ss]ố)\s*)?(?:(?<![\w/.,:-]){_FORMS}(?![\w/])|{number})"
    )
    lower_words = tuple(sorted({v.lower() for v in variants}, key=len, reverse=True))
    provinces = _provinces()
    province_re = None
    if provinces:
        province_re = re.compile(rf"(?<!\w)(?:{_alternation(provinces.values())})(?!\w)")
    return _Grammar(words, codes, lower_words, after_word, type_word, continuation, provinces, province_re)


# ----------------------------------------------------------------------------------------------

_CODE_SUFFIXES = frozenset({"LT", "NS", "SN"})


def _type_of_code(code: str | None, g: _Grammar) -> str | None:
    """The type a symbol's letters name: exact, then "D" written for "Đ" (QD → QĐ), then a
    known code with a liên tịch / nhân sự suffix (NQLT, TTLT, QĐNS)."""
    if not code:
        return None
    if code in g.codes:
        return g.codes[code]
    if "D" in code:
        for known, name in g.codes.items():
            if known.replace("Đ", "D") == code:
                return name
    best = None
    for known, name in g.codes.items():
        # Letters appended to a type's own: liên tịch (NQLT, TTLT), nhân sự (QĐNS, and its typo
        # QĐSN). Others (TTCP, TTr) are different words, not a variant of TT.
        if code.startswith(known) and code[len(known):] in _CODE_SUFFIXES and (best is None or len(known) > len(best[0])):
            best = (known, name)
    return best[1] if best else None


def _iso(m: re.Match, published: str | None) -> str | None:
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
    day, month = int(d), int(mo)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if y is None:  # "ngày 20/5": the year of the article, when known
        y = (published or "")[:4]
        if not (len(y) == 4 and y.isdigit()):
            return None
    elif len(y) == 2:
        y = ("19" if int(y) > 50 else "20") + y
    return f"{int(y):04d}-{month:02d}-{day:02d}"


def _clean(s: str) -> str:
    return _WS.sub(" ", _MD.sub(" ", s)).strip(" ,;:-–")


def _org_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """An issuer phrase starting at ``pos`` ("Bộ Chính trị về …" → "Bộ Chính trị")."""
    chunk = text[pos:min(limit, pos + 160)].replace("\n", " ")  # wrapped lines in official texts
    if not _ORG_HEAD.match(chunk):
        return None, pos
    m = _ORG_HARD_STOP.search(chunk)
    if m:
        chunk = chunk[:m.start()]
    m = _ORG_SOFT_STOP.search(chunk)
    if m:
        chunk = chunk[:m.start()]
    words = []
    for w in chunk.split()[:12]:
        # Body names are capitalised words and a few lower-case ones ("Ủy ban nhân dân tỉnh X");
        # any other lower-case word is the sentence going on ("Bộ Chính trị điều động …").
        if w[0].islower() and _fold(w) not in _ORG_LOWER:
            break
        words.append(w)
    while words and words[-1] in ("và", "khóa", "khoá", "lần", "thứ"):  # "Thủ tướng Chính phủ và …"
        words.pop()
    org = " ".join(words).strip()
    return (org or None), pos + len(chunk)


def _org_before(prefix: str) -> str | None:
    """The issuer in "…, Bộ Chính trị (đã) ban hành" or "Thay mặt Bộ Chính trị, … ký" before a mention."""
    for m in _THAY_MAT.finditer(prefix):
        org, _ = _org_after(prefix, m.end(), len(prefix))
        if org:
            return org
    if not _ISSUED_BEFORE.search(prefix):
        return None
    clause = re.split(r"[,;:(\n]", prefix)[-1]
    clause = re.sub(r"\s*(?:(?:đã|vừa|mới|cũng|chính thức)\s+)*(?:ký\s+)?(?:ban hành|ký|thông qua|ra|có)\s*(?:các\s+|những\s+)?$", "", clause)
    clause = re.sub(r"^\s*(?:[Nn]gày\s+\S+|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rước đó|[Mm]ới đây|[Vv]ừa qua)\s*", "", clause).strip()
    m = _ORG_HEAD.search(clause)
    if not m:
        return None
    org = clause[m.start():]
    return org if len(org.split()) <= 12 else None


def _province_in(text: str, g: _Grammar) -> str | None:
    if g.province_re is None:
        return None
    found = {m.group() for m in g.province_re.finditer(text)}
    names = {g.provinces.get(_fold(f), f) for f in found}
    return names.pop() if len(names) == 1 else None


# ----------------------------------------------------------------------------------------------

@dataclass
class _Mention:
    start: int
    end: int
    type: str
    number: str
    dn: DocumentNumber | None
    explicit_type: bool  # the type came from a word in the text (not from the symbol's letters)
    title: str | None = None
    issuer_prefix: bool = False  # mention follows an issuance verb ("ban hành Kết luận …")


def _type_words(text: str, g: _Grammar) -> list[tuple[int, int]]:
    """Spans of type words. A regex alternation over every position is the slowest part of
    a naive extractor, so the words are found with str.find in a lower-cased copy."""
    low = text.lower().replace("\n", " ").replace("\t", " ").replace("\u00a0", " ")
    if len(low) != len(text):  # a character whose lower case is longer: offsets would drift
        return [m.span() for m in g.type_word.finditer(text)]
    spans: dict[int, int] = {}
    for w in g.lower_words:  # longest first: "thông báo kết luận" before "thông báo"
        i = low.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum()):
                spans.setdefault(i, j)
            i = low.find(w, j)
    out: list[tuple[int, int]] = []
    for i in sorted(spans):
        if out and i < out[-1][1]:  # "kết luận" inside "thông báo kết luận"
            continue
        out.append((i, spans[i]))
    return out


def _symbol_starts(text: str) -> list[int]:
    """Where số hiệu may start: every symbol has a "/", found by str.find, and a number before it."""
    out: list[int] = []
    i = text.find("/")
    while i >= 0:
        b = _BACK_TO_NUMBER.search(text, max(0, i - 24), i)
        if b and (not out or b.start() > out[-1]):
            out.append(b.start())
        i = text.find("/", i + 1)
    return out


def _find(text: str, g: _Grammar) -> list[_Mention]:
    out: list[_Mention] = []
    words = _type_words(text, g)
    for ws, we in words:
        m = g.after_word.match(text, we)
        if m is None:
            continue
        tw = text[ws:we]
        typ = g.words.get(_fold(tw))
        if typ is None:
            continue
        if m.group("num") is not None:
            num = m.group("num")
            after = text[m.end():m.end() + 40]
            if _QUANTITY.match(after) and not _DATE_AFTER_QUANTITY.match(after):
                continue
            if not m.group("so"):
                # Without "số" only a capitalised type word (or a lower-case one whose issuer follows:
                # "chỉ thị 05 của Bộ Chính trị") and a number that is not a year.
                if not (tw[0].isupper() or _ISSUER_NEXT.match(text, m.end())) \
                        or (len(num) == 4 and num[:2] in ("19", "20")):
                    continue
            dn = None
            if m.group("year"):
                # "Nghị định 24/2014": number and year, the symbol as written.
                dn = DocumentNumber(number=num, year=m.group("year"), type_code=None, issuer_code=None,
                                    symbol=f"{num}/{m.group('year')}")
        else:
            dn = from_match(m)
            num = dn.number
        out.append(_Mention(ws, m.end(), typ, num, dn, True))
        # A list after one type word: "Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW".
        pos = m.end()
        while True:
            c = g.continuation.match(text, pos)
            if c is None:
                break
            if c.group("num") is not None:
                after = text[c.end():c.end() + 40]
                if _QUANTITY.match(after) or not _LIST_END.match(after):
                    break
                cdn, cnum = None, c.group("num")
                if c.group("year"):
                    cdn = DocumentNumber(number=cnum, year=c.group("year"), type_code=None, issuer_code=None,
                                         symbol=f"{cnum}/{c.group('year')}")
            else:
                cdn = from_match(c)
                cnum = cdn.number
            out.append(_Mention(c.start(), c.end(), typ, cnum, cdn, True))
            pos = c.end()
    # Symbols standing alone: the type from a type word earlier in the clause
    # ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15"), else from the symbol's letters.
    # Sorted starts and the furthest end reached so far: "inside a mention?" by bisection, since a
    # scan of every mention per symbol was quadratic (a text of 8,000 symbols: minutes).
    covered = sorted((x.start, x.end) for x in out)
    cov_starts = [a for a, _ in covered]
    cov_reach = list(itertools.accumulate((b for _, b in covered), max))
    word_starts = [w[0] for w in words]
    for start in _symbol_starts(text):
        i = bisect.bisect_right(cov_starts, start)
        if i and cov_reach[i - 1] > start:
            continue
        m = SYMBOL_RE.match(text, start)
        if m is None:
            continue
        dn = from_match(m)
        window_start = max(0, start - 160)
        brk = None
        for brk in _CLAUSE_BREAK.finditer(text, window_start, start):
            pass
        clause_start = brk.end() if brk else window_start
        typ, title, explicit = None, None, False
        k = bisect.bisect_left(word_starts, start) - 1
        if k >= 0 and words[k][0] >= clause_start:
            ws, we = words[k]
            between = text[we:start]
            # Only words between ("Luật Đất đai số …"): no number, so not "số 5612/…, ngày …, và số".
            if _SO_END.search(between) and len(between.split()) <= 16 and not _DIGIT.search(between):
                typ = g.words.get(_fold(text[ws:we]))
                explicit = typ is not None
                t = _clean(_SO_START.sub("", _SO_END.sub("", between)))
                title = t[0].upper() + t[1:] if t and not t.startswith("của ") else None
                if explicit:
                    start = ws
        if typ is None:
            pre = text[clause_start:start]
            so = _SO_END.search(pre)
            if so:
                named = pre[:so.start()].rstrip()
                # "Tờ trình số 338/TT-ĐC", "Công điện số …": named as a kind of paper that is not
                # a document type, whatever its letters; "văn bản số …" is generic, so the letters tell.
                if named and named[-1].isalpha() and not _GENERIC_PAPER.search(named):
                    continue
            if dn.type_code is None:
                continue  # "64/CP", "38/2009/QH12" alone: no type to give them
            typ = _type_of_code(dn.type_code, g)
            if typ is None:
                continue
        out.append(_Mention(start, m.end(), typ, dn.number, dn, explicit, title))
    out.sort(key=lambda x: x.start)
    return out


def _details(text: str, mention: _Mention, sent_start: int, sent_end: int, next_start: int,
             published: str | None) -> tuple[str | None, str | None, str | None]:
    """Date, issuer and title stated right after a mention (or, for date and issuer, just before)."""
    date = issuer = title = None
    limit = min(sent_end, next_start) if next_start > mention.end else sent_end
    pos = mention.end
    for _ in range(2):  # date and issuer come in either order
        d = _TAIL_DATE.match(text, pos, limit)
        if d and date is None:
            date = _iso(d, published)
            pos = d.end()
            continue
        i = _TAIL_ISSUER.match(text, pos, limit)
        if i and issuer is None:
            org, end = _org_after(text, i.end(), limit)
            if org:
                issuer, pos = org, end
                continue
        break
    t = _TAIL_TITLE.match(text, pos, limit)
    if t:
        q = _QUOTED.match(text, t.end(), limit)
        if q:
            title = q.group(1)
        else:
            chunk = text[t.end():limit]
            s = _TITLE_STOP.search(chunk)
            chunk = chunk[:s.start()] if s else chunk
            words = chunk.split()
            if 2 <= len(words):
                title = " ".join(words[:30])
    if title:
        title = _clean(title)
        title = title[0].upper() + title[1:] if title else None
    prefix = text[sent_start:mention.start]
    if issuer is None:
        issuer = _org_before(prefix)
    if date is None and _ISSUED_BEFORE.search(prefix):
        clause = re.split(r"[;\n]", prefix)[-1]
        d = re.search(rf"[Nn]gày\s+{_DATE}", clause)
        if d:
            date = _iso(d, published)
    return date, (_clean(issuer) if issuer else None), title or None


def _self_document(text: str, mentions: list[_Mention]) -> _Mention | None:
    """The document an official text is: its "Số: …" in the header."""
    for m in mentions:
        if m.start > 1500:
            break
        if m.dn is not None and not m.explicit_type and _SELF_HEADER.search(text[max(0, m.start - 40):m.start]):
            return m
    return None


def _cited_spans(text: str, after: int) -> list[tuple[int, int]]:
    spans = []
    for m in _CAN_CU.finditer(text, after):
        e = _CAN_CU_END.search(text, m.end())
        spans.append((m.end(), e.start() if e else len(text)))
        if len(spans) > 50:
            break
    return spans


def extract_documents(article: Article, sentences: list[Evidence],
                      default_province: str | None = None) -> list[DocumentRef]:
    """Every numbered document the article names, one per document (merged by key). Never raises.

    ``default_province`` is the province the article is about (for "Tỉnh ủy" without a name);
    anything but a string there (an older caller passed its vocabulary) is ignored.
    """
    if not isinstance(default_province, str):
        default_province = None
    try:
        return _extract(article, sentences, default_province)
    except Exception:  # a bug must not stop a bulk load; it is logged for fixing
        log.exception("documents: extraction failed on %s", article.id)
        return []


def _extract(article: Article, sentences: list[Evidence], default_province: str | None) -> list[DocumentRef]:
    text = article.text.replace("\u00d0", "Đ")  # same length: offsets stay valid
    g = _grammar()
    mentions = _find(text, g)
    if not mentions:
        return []
    starts = [s.start for s in sentences]
    docs: dict[str, DocumentRef] = {}
    alias: dict[str, str] = {}  # "Kết luận|14" → "14-KL/TW": a later bare mention of a symbol
    order: list[str] = []
    positions: dict[str, int] = {}
    for i, m in enumerate(mentions):
        k = bisect.bisect_right(starts, m.start) - 1
        if 0 <= k < len(sentences) and sentences[k].start <= m.start < sentences[k].end:
            ev = sentences[k]
        else:  # no sentence covers it (sentences of another text): the line around it
            a = text.rfind("\n", 0, m.start) + 1
            b = text.find("\n", m.end)
            b = len(text) if b < 0 else b
            ev = Evidence(text[a:b].strip(), a, b)
        next_start = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        date, issuer, title = _details(text, m, ev.start, ev.end, next_start, article.published)
        title = title or m.title
        province = None
        implied = None
        local = False
        if m.dn is not None and m.dn.issuer_code:
            if not m.dn.party:
                implied = next((name for rx, name in _STATE_ISSUERS if rx.fullmatch(m.dn.issuer_code)), None)
            local = bool(_LOCAL_CODE.search(m.dn.issuer_code))
        if issuer:
            local = local or bool(_PROVINCIAL_WORDS.search(issuer))
        elif m.dn is None:
            local = bool(_PROVINCIAL_WORDS.search(ev.sentence))
        if local:
            province = (_province_in(issuer, g) if issuer else None) or _province_in(ev.sentence, g) or default_province
        ref = DocumentRef(type=m.type, evidence=ev, number=m.number, symbol=m.dn.symbol if m.dn else None,
                          issuer=issuer or implied, date=date, province=province, title=title)
        key = ref.key
        bare = f"{ref.type}|{(ref.number or '').lstrip('0')}"
        if ref.symbol is None and bare in alias:
            key = alias[bare]
        if key in docs:
            old = docs[key]
            for f in ("issuer", "date", "province", "title"):
                if getattr(old, f) is None and getattr(ref, f) is not None:
                    setattr(old, f, getattr(ref, f))
            continue
        if ref.symbol is not None:
            alias.setdefault(bare, key)
            if bare in docs:  # an earlier bare mention of this document: fold it in
                old = docs.pop(bare)
                order.remove(bare)
                for f in ("issuer", "date", "province", "title"):
                    if getattr(ref, f) is None and getattr(old, f) is not None:
                        setattr(ref, f, getattr(old, f))
                ref.evidence = old.evidence
        docs[key] = ref
        order.append(key)
        positions[key] = m.start
    own = _self_document(text, mentions)
    if own is not None and own.dn is not None and own.dn.symbol in docs:
        me = docs[own.dn.symbol]
        if me.date is None:  # "Hà Nội, ngày 16 tháng 6 năm 2025" beside the number in the header
            d = _HEADER_DATE.search(text, own.end, own.end + 200)
            if d:
                me.date = _iso(d, article.published)
        spans = _cited_spans(text, own.end)
        if spans:
            for m in mentions:
                if m is own or not any(a <= m.start < b for a, b in spans):
                    continue
                key = m.dn.symbol if m.dn else alias.get(f"{m.type}|{m.number.lstrip('0')}", f"{m.type}|{m.number.lstrip('0')}")
                if key != me.key and key in docs and key not in me.cites:
                    me.cites.append(key)
    return [docs[k] for k in order]
