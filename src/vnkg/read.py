"""Read articles from JSON Lines, plain text and HTML files, gzipped or not.

Every bad record becomes a ``ReadError`` naming the file, the line and what is wrong;
the caller decides whether to skip it or stop. Texts come out normalised (NFC), so
evidence offsets computed later refer to the stored text.
"""
from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from vnkg.extract.text import normalize
from vnkg.model import Article

_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_ID = 200  # an id becomes part of an IRI; longer ones are refused rather than truncated
OPTIONAL_FIELDS = ("url", "title", "outlet", "published")


@dataclass(frozen=True)
class ReadError:
    """A record that could not be read: where it is and why."""

    where: str  # "file.jsonl:12" or "file.txt"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class InputError(Exception):
    """A whole file cannot be read (missing, unknown kind)."""


def _open_text(path: Path):
    raw = path.open("rb")
    if path.suffix == ".gz":
        raw = gzip.open(raw)
    return raw


def _suffix(path: Path) -> str:
    s = path.name.lower()
    s = s[:-3] if s.endswith(".gz") else s
    return Path(s).suffix


def read_articles(path: str | Path) -> Iterator[Article | ReadError]:
    """Articles (or ReadErrors) from one file, in order."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    kind = _suffix(path)
    if kind in (".jsonl", ".json", ".ndjson"):
        yield from _read_jsonl(path)
    elif kind in (".txt", ".text"):
        yield _single(path, lambda b: b)
    elif kind in (".html", ".htm"):
        yield _single(path, html_to_text)
    else:
        raise InputError(f"{path}: unknown kind of file {kind or '(no suffix)'}; expected .jsonl, .txt or .html (gzipped or not)")


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz",):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return Path(name).stem


def _single(path: Path, to_text) -> Article | ReadError:
    where = str(path)
    try:
        with _open_text(path) as fh:
            data = fh.read()
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return ReadError(where, f"not UTF-8 (byte {e.start})")
    except (OSError, EOFError) as e:
        return ReadError(where, f"cannot read: {e}")
    text = normalize(to_text(text)).strip()
    article_id = _stem(path)
    problem = check_id(article_id)
    if problem:
        return ReadError(where, problem)
    if not text:
        return ReadError(where, "empty text")
    return Article(id=article_id, text=text, origin=where)


def _read_jsonl(path: Path) -> Iterator[Article | ReadError]:
    try:
        fh = _open_text(path)
    except OSError as e:
        raise InputError(f"{path}: cannot open: {e}") from None
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline()
            except (OSError, EOFError) as e:
                yield ReadError(f"{path}:{lineno + 1}", f"cannot read further: {e}")
                return
            if not raw:
                return
            lineno += 1
            if not raw.strip():
                continue
            yield parse_record(raw, f"{path}:{lineno}")


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
    if not isinstance(rec, dict):
        return ReadError(where, "not a JSON object")
    article_id = rec.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str):
        return ReadError(where, "missing or non-string 'id'")
    problem = check_id(article_id)
    if problem:
        return ReadError(where, f"article {article_id[:60]!r}: {problem}")
    text = rec.get("text")
    if not isinstance(text, str):
        return ReadError(where, f"article {article_id}: missing or non-string 'text'")
    text = normalize(text).strip()
    if not text:
        return ReadError(where, f"article {article_id}: empty text")
    fields = {}
    for name in OPTIONAL_FIELDS:
        value = rec.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            return ReadError(where, f"article {article_id}: '{name}' must be a string")
        fields[name] = normalize(value).strip() or None
    if fields.get("published") and not _ISO_PARTIAL.match(fields["published"][:10]):
        return ReadError(where, f"article {article_id}: 'published' is not an ISO date: {fields['published'][:40]!r}")
    if fields.get("published"):
        fields["published"] = fields["published"][:10]
    return Article(id=article_id, text=text, origin=where, **fields)


def check_id(article_id: str) -> str | None:
    """Why an id cannot name an article, or None. Spaces, slashes and the like are fine:
    the IRI percent-encodes them."""
    if not article_id.strip():
        return "empty 'id'"
    if len(article_id) > MAX_ID:
        return f"'id' longer than {MAX_ID} characters"
    if any(ord(c) < 32 for c in article_id):
        return "'id' holds control characters"
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
