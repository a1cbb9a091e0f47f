"""Read articles from JSON Lines, plain text and HTML files, gzipped or not.

Every bad record becomes a ``ReadError`` naming the file, the line and what is wrong;
the caller decides whether to skip it or stop. Texts come out normalised (NFC), so
evidence offsets computed later refer to the stored text.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from vnkg.extract.text import normalize
from vnkg.model import Article

_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_ID = 200  # an id becomes part of an IRI; longer ones are refused rather than truncated
# Longer is not an article (a corpus glued into one line, a dump): refused, since extraction is about
# 11 µs a character (10 MB: two minutes of one core). A long law code is about 500,000 characters.
MAX_TEXT = 2_000_000
MAX_LINE = 16 * MAX_TEXT  # bytes: JSON may write each character as a 6-byte \u escape
OPTIONAL_FIELDS = ("url", "title", "outlet", "published")
_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON "\\ud800" escapes decode to these; no encoder accepts them
_BOM = b"\xef\xbb\xbf"
# What reading a damaged file can raise: corrupt gzip data is a zlib.error, not an OSError.
_READ_ERRORS = (OSError, EOFError, zlib.error)


@dataclass(frozen=True)
class ReadError:
    """A record that could not be read: where it is and why."""

    where: str  # "file.jsonl:12" or "file.txt"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class InputError(Exception):
    """A whole file cannot be read (missing, unknown kind)."""


def _display(path: Path) -> str:
    """The path as printable text: undecodable bytes in a file name become \\xNN, not lone surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _open_text(path: Path):
    raw = path.open("rb")
    if path.suffix == ".gz":
        raw = gzip.open(raw)
    return raw


def _suffix(path: Path) -> str:
    s = path.name.lower()
    s = s[:-3] if s.endswith(".gz") else s
    return Path(s).suffix


def check_input(path: str | Path) -> str:
    """The kind of file (".jsonl", ".txt", ".html"), or InputError: lets a load refuse a bad
    file list before it writes anything."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{_display(path)}: no such file")
    kind = _suffix(path)
    if kind not in (".jsonl", ".json", ".ndjson", ".txt", ".text", ".html", ".htm"):
        raise InputError(f"{_display(path)}: unknown kind of file {kind or '(no suffix)'}; "
                         "expected .jsonl, .txt or .html (gzipped or not)")
    return kind


def read_articles(path: str | Path) -> Iterator[Article | ReadError]:
    """Articles (or ReadErrors) from one file, in order."""
    path = Path(path)
    kind = check_input(path)
    if kind in (".jsonl", ".json", ".ndjson"):
        yield from _read_jsonl(path)
    elif kind in (".txt", ".text"):
        yield _single(path, lambda b: b)
    else:
        yield _single(path, html_to_text)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz",):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return Path(name).stem


def _single(path: Path, to_text) -> Article | ReadError:
    where = _display(path)
    try:
        with _open_text(path) as fh:
            data = fh.read(MAX_LINE + 1)  # never the whole of a huge file
        if len(data) > MAX_LINE:
            return ReadError(where, f"file longer than {MAX_LINE:,} bytes: not one article")
        text = data.decode("utf-8-sig")  # a byte-order mark is not text
    except UnicodeDecodeError as e:
        return ReadError(where, f"not UTF-8 (byte {e.start})")
    except _READ_ERRORS as e:
        return ReadError(where, f"cannot read: {e}")
    try:
        text = normalize(to_text(text)).strip()
    except AssertionError as e:  # html.parser gives up on some malformed markup ("<![foo ]>")
        return ReadError(where, f"malformed HTML: {e}")
    article_id = unicodedata.normalize("NFC", _stem(path))
    problem = check_id(article_id)
    if problem:
        return ReadError(where, problem)
    if not text:
        return ReadError(where, "empty text")
    if len(text) > MAX_TEXT:
        return ReadError(where, _too_long(text))
    return Article(id=article_id, text=text, origin=where)


def _read_jsonl(path: Path) -> Iterator[Article | ReadError]:
    try:
        fh = _open_text(path)
    except OSError as e:
        raise InputError(f"{_display(path)}: cannot open: {e}") from None
    where = _display(path)
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline(MAX_LINE)
                long_line = len(raw) == MAX_LINE and not raw.endswith(b"\n")
                while long_line and (rest := fh.readline(MAX_LINE)) and not rest.endswith(b"\n"):
                    pass  # the rest of an overlong line is skipped, not held in memory
            except _READ_ERRORS as e:
                yield ReadError(f"{where}:{lineno + 1}", f"cannot read further: {e}")
                return
            if not raw:
                return
            lineno += 1
            if long_line:
                yield ReadError(f"{where}:{lineno}", f"line longer than {MAX_LINE:,} bytes: not one article")
                continue
            if lineno == 1 and raw.startswith(_BOM):  # editors on Windows write one; json refuses it
                raw = raw[len(_BOM):]
            if lineno == 1 and raw.lstrip().startswith(b"["):
                # One JSON array of articles instead of JSON Lines: read it as such rather than
                # skip every line of it; anything else starting with "[" is read line by line.
                array = _json_array(path)
                if array is not None:
                    for i, item in enumerate(array):
                        yield parse_record(json.dumps(item).encode(), f"{where}:[{i}]")
                    return
            if not raw.strip():
                continue
            yield parse_record(raw, f"{where}:{lineno}")


def _json_array(path: Path) -> list | None:
    """The file as one JSON array, or None when it is not one (or too long to be one corpus)."""
    try:
        with _open_text(path) as fh:
            data = fh.read(MAX_LINE + 1)
        if len(data) > MAX_LINE:
            return None
        value = json.loads(data.removeprefix(_BOM).decode("utf-8"))
    except (*_READ_ERRORS, ValueError, RecursionError):
        return None
    return value if isinstance(value, list) else None


def parse_record(raw: bytes, where: str) -> Article | ReadError:
    """One JSON Lines record → an Article, or why it is not one."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return ReadError(where, f"not UTF-8 (byte {e.start})")
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        return ReadError(where, f"not valid JSON ({e.msg}, column {e.colno})")
    except ValueError as e:  # an integer of more than 4300 digits
        return ReadError(where, f"not usable JSON ({str(e).split(':')[0]})")
    except RecursionError:
        return ReadError(where, "not usable JSON (nested too deeply)")
    if not isinstance(rec, dict):
        return ReadError(where, "not a JSON object")
    article_id = rec.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str):
        return ReadError(where, "missing or non-string 'id'")
    article_id = unicodedata.normalize("NFC", article_id)  # one id, however its accents were typed
    problem = check_id(article_id)
    if problem:
        return ReadError(where, f"article {article_id[:60]!r}: {problem}")
    text = rec.get("text")
    if not isinstance(text, str):
        return ReadError(where, f"article {article_id}: missing or non-string 'text'")
    if _SURROGATE.search(text):
        return ReadError(where, f"article {article_id}: 'text' holds a lone surrogate escape (not Unicode)")
    text = normalize(text).strip()
    if not text:
        return ReadError(where, f"article {article_id}: empty text")
    if len(text) > MAX_TEXT:
        return ReadError(where, f"article {article_id}: {_too_long(text)}")
    fields = {}
    for name in OPTIONAL_FIELDS:
        value = rec.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            return ReadError(where, f"article {article_id}: '{name}' must be a string")
        if _SURROGATE.search(value):
            return ReadError(where, f"article {article_id}: '{name}' holds a lone surrogate escape (not Unicode)")
        fields[name] = normalize(value).strip() or None
    if fields.get("published") and not _ISO_PARTIAL.match(fields["published"][:10]):
        return ReadError(where, f"article {article_id}: 'published' is not an ISO date: {fields['published'][:40]!r}")
    if fields.get("published"):
        fields["published"] = fields["published"][:10]
    return Article(id=article_id, text=text, origin=where, **fields)


def _too_long(text: str) -> str:
    return f"text of {len(text):,} characters is longer than {MAX_TEXT:,}: not one article (split it)"


def check_id(article_id: str) -> str | None:
    """Why an id cannot name an article, or None. Spaces, slashes and the like are fine:
    the IRI percent-encodes them."""
    if not article_id.strip():
        return "empty 'id'"
    if len(article_id) > MAX_ID:
        return f"'id' longer than {MAX_ID} characters"
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in article_id):
        return "'id' holds control characters or line breaks"
    if _SURROGATE.search(article_id):
        return "'id' is not valid Unicode (lone surrogate)"
    if article_id.strip(".") == "":
        return "'id' of dots only would read as a path step"
    return None


class _TextExtractor(HTMLParser):
    """Keeps the text of an HTML page's body, one block element a line; drops scripts, styles, navigation."""

    _SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "figcaption", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self.skip:
            self.skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: paragraphs on their own lines, spaces folded."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
