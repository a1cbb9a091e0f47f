"""Bad input to the readers: every record ends as an Article fit for the store or as one
ReadError line; nothing raises, nothing is lost, nothing is invented (issue 7).

The texts are made up here; hypothesis mixes them with NUL bytes, lone surrogates, HTML,
decomposed Unicode and ids full of slashes, spaces and parentheses.
"""
from __future__ import annotations

import gzip
import json
import os
import time
import unicodedata

import pyoxigraph as ox
import pytest
from hypothesis import assume, given, strategies as st

from vnkg import iri, read
from vnkg.extract.text import normalize
from vnkg.graph import text_hash
from vnkg.model import Article
from vnkg.read import MAX_ID, InputError, ReadError, html_to_text, parse_record, read_articles

NASTY = [
    "", " ", "\x00", "a\x00b", "\ufeff", "\u2028", "\u0085", "\r\n", "..", ".", "a/b", "a b", "(x)", "x" * 500,
    "<script>alert(1)</script>", "<![foo bar]>", "<!--", "&amp;&#0;&#x110000;", "} UNION {", '"', "\\",
    unicodedata.normalize("NFD", "Bí thư Tỉnh ủy Tuyên Quang"), "Đồng chí Lê Văn Ân", "𝕏😀",
]
nasty_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3),  # lone surrogates
    st.lists(st.sampled_from(NASTY), max_size=4).map("".join),
    st.text(st.sampled_from("<>/&;!-[]\"' pabscript"), max_size=30),
)
json_value = st.one_of(
    nasty_text, st.integers(), st.floats(), st.booleans(), st.none(),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
FIELDS = ["id", "text", "url", "title", "outlet", "published"]
record = st.dictionaries(st.sampled_from(FIELDS + ["extra"]), json_value, max_size=7)


def _encode(rec: dict, ascii_only: bool) -> bytes:
    # Lone surrogates cannot be UTF-8: written raw, they make exactly the bytes a broken writer would.
    return json.dumps(rec, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


def _fit_for_store(a: Article) -> None:
    """What the later steps need of an Article: NFC text, encodable strings, a valid article IRI."""
    assert a.text and a.text == a.text.strip() and unicodedata.is_normalized("NFC", a.text)
    assert unicodedata.is_normalized("NFC", a.id) and 0 < len(a.id) <= MAX_ID
    for value in (a.id, a.text, a.url, a.title, a.outlet, a.published, a.origin):
        if value is not None:
            value.encode("utf-8")
            ox.Literal(value)
    assert "\x00" not in a.text
    ox.NamedNode(iri.article(a.id))
    text_hash(a)


def _one_line(e: ReadError) -> None:
    assert e.reason and len(str(e).splitlines()) == 1, str(e)


@given(record, st.booleans())
def test_any_json_record_is_an_article_or_one_reason(rec, ascii_only):
    got = parse_record(_encode(rec, ascii_only), "f.jsonl:3")
    if isinstance(got, ReadError):
        _one_line(got)
        assert got.where == "f.jsonl:3"
        return
    _fit_for_store(got)
    # Nothing invented: what came out is what went in, normalised.
    assert got.id == unicodedata.normalize("NFC", str(rec["id"]))
    assert got.text == normalize(rec["text"]).strip()


@given(st.binary(max_size=200))
def test_any_bytes_as_a_record(raw):
    got = parse_record(raw, "f.jsonl:1")
    if isinstance(got, ReadError):
        _one_line(got)
    else:
        _fit_for_store(got)


@given(record, st.integers(min_value=0, max_value=400), st.binary(max_size=8))
def test_damaged_json_lines(rec, cut, junk):
    raw = _encode(rec, True)
    got = parse_record(raw[:cut] + junk + raw[cut:], "f.jsonl:1")
    if isinstance(got, ReadError):
        _one_line(got)
    else:
        _fit_for_store(got)


good_text = st.text(st.characters(categories=["L", "N", "Zs", "P"]), min_size=1, max_size=30).filter(str.strip)
bad_line = st.one_of(st.binary(max_size=60).filter(lambda b: b"\n" not in b), record.map(lambda r: _encode(r, False)))


@given(st.lists(st.one_of(good_text.map(lambda t: ("good", t)), bad_line.map(lambda b: ("bad", b)),
                          st.just(("blank", b"  \t"))), max_size=12),
       st.booleans(), st.booleans())
def test_a_file_yields_each_good_record_once_in_order(tmp_path_factory, lines, bom, gz):
    """Nothing lost, nothing injected: every good line comes out as its article, every other
    non-blank line as one ReadError with its line number, in file order."""
    path = tmp_path_factory.mktemp("f") / ("c.jsonl.gz" if gz else "c.jsonl")
    raws, expected = [], []
    for n, (kind, value) in enumerate(lines, 1):
        if kind == "good":
            raw = json.dumps({"id": f"g{n}", "text": value}, ensure_ascii=False).encode()
        else:
            raw = value
        if n == 1 and bom:
            raw = b"\xef\xbb\xbf" + raw
        raws.append(raw)
        if kind == "good":
            expected.append((n, f"g{n}"))
        elif (raw[3:] if n == 1 and raw.startswith(b"\xef\xbb\xbf") else raw).strip():
            expected.append((n, None))
    data = b"\n".join(raws) + b"\n"
    path.write_bytes(gzip.compress(data) if gz else data)
    assume(read._json_array(path) is None)  # a whole-file JSON array is read as one (tested below)
    got = list(read_articles(path))
    assert len(got) == len(expected)
    for item, (n, gid) in zip(got, expected):
        if gid is not None:
            assert isinstance(item, Article) and item.id == gid and item.origin == f"{path}:{n}"
        elif isinstance(item, ReadError):
            assert item.where == f"{path}:{n}"
            _one_line(item)
        else:  # a "bad" line that happens to be a valid record (hypothesis can write one)
            _fit_for_store(item)


@given(st.binary(max_size=300), st.sampled_from([".txt", ".html", ".txt.gz", ".html.gz", ".jsonl.gz"]),
       st.booleans())
def test_any_bytes_as_a_file(tmp_path_factory, data, suffix, compress):
    path = tmp_path_factory.mktemp("f") / f"doc{suffix}"
    path.write_bytes(gzip.compress(data) if compress and suffix.endswith(".gz") else data)
    for item in read_articles(path):
        if isinstance(item, ReadError):
            _one_line(item)
        else:
            _fit_for_store(item)


@given(st.text(max_size=200).map(lambda t: t.replace("\n", " ")), st.sampled_from(NASTY))
def test_any_text_as_html(tmp_path_factory, text, extra):
    path = tmp_path_factory.mktemp("h") / "page.html"
    path.write_text(f"<html><body><p>{text}</p>{extra}</body></html>", encoding="utf-8", errors="surrogatepass")
    (item,) = read_articles(path)
    if isinstance(item, ReadError):
        _one_line(item)
    else:
        _fit_for_store(item)
        assert "<script" not in item.text.lower() or "<script" in text.lower() or "&lt;" in text + extra


# --- the failure classes found, one regression each -------------------------------------------------

@pytest.mark.parametrize("raw, reason", [
    (b'{"id": ' + b"9" * 5000 + b', "text": "x"}', "not usable JSON"),  # int beyond 4300 digits: ValueError
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),  # RecursionError
    (b'{"id": "a", "text": "x\\ud800y"}', "lone surrogate"),  # crashed later in hashing / the IRI
    (b'{"id": "a\\udc00", "text": "xy"}', "lone surrogate"),
    (b'{"id": "a", "text": "xy", "title": "\\udfff"}', "lone surrogate"),
    ('{"id": "a\u2028b", "text": "xy"}'.encode(), "line breaks"),  # would print the skip on two lines
    (b'{"id": "..", "text": "xy"}', "dots only"),
    (b'{"id": "a\\u0000", "text": "xy"}', "control characters"),
    (b'{"id": "a", "text": "\\u0000\\u0000 "}', "empty text"),
    (b'{"id": "a", "text": "x", "url": 3}', "'url' must be a string"),
    (b'{"id": 1.5, "text": "x"}', "non-string 'id'"),
    (b'{"id": true, "text": "x"}', "non-string 'id'"),
    (b'"just a string"', "not a JSON object"),
    (b"\x00\x00", "not valid JSON"),
])
def test_regressions(raw, reason):
    got = parse_record(raw, "f.jsonl:1")
    assert isinstance(got, ReadError), got
    assert reason in got.reason
    _one_line(got)


def test_decomposed_id_is_the_composed_one():
    nfd = unicodedata.normalize("NFD", "bài-việt")
    got = parse_record(json.dumps({"id": nfd, "text": "x"}).encode(), "f:1")
    assert got.id == "bài-việt"


def test_ids_with_spaces_slashes_parentheses_make_distinct_valid_iris():
    ids = ["a b", "a/b", "a(b)", "a%2Fb", "a?b#c", "a" * MAX_ID]
    names = {iri.article(i) for i in ids}
    assert len(names) == len(ids)
    for name in names:
        ox.NamedNode(name)
        assert "/" not in name.rsplit("/article/", 1)[1]


def test_bom_first_line_is_read(tmp_path):
    p = tmp_path / "bom.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": "Tốt."}).encode() + b"\n")
    (a,) = read_articles(p)
    assert isinstance(a, Article) and a.id == "a"
    t = tmp_path / "bom.txt"
    t.write_bytes(b"\xef\xbb\xbf" + "Tốt.".encode())
    (b,) = read_articles(t)
    assert b.text == "Tốt."


def test_corrupt_gzip_is_a_reported_skip(tmp_path):
    data = gzip.compress(b'{"id": "a", "text": "x"}\n' * 500)
    for name in ("bad.jsonl.gz", "bad.txt.gz"):
        p = tmp_path / name
        p.write_bytes(data[:30] + b"\xff" * 50 + data[80:])  # zlib.error, which is not an OSError
        items = list(read_articles(p))
        assert items and isinstance(items[-1], ReadError) and "cannot read" in items[-1].reason


def test_malformed_html_is_a_reported_skip(tmp_path):
    p = tmp_path / "x.html"
    p.write_text("<p>Một</p><![foo bar]><p>Hai</p>", encoding="utf-8")  # html.parser raises AssertionError
    (item,) = read_articles(p)
    assert isinstance(item, ReadError) and "malformed HTML" in item.reason


@pytest.mark.skipif(os.name != "posix", reason="undecodable file names are a POSIX thing")
def test_undecodable_file_name(tmp_path):
    p = tmp_path / os.fsdecode(b"bad-\xff.txt")
    try:
        p.write_text("Một câu.", encoding="utf-8")
    except OSError:
        pytest.skip("the file system refuses such names")
    (item,) = read_articles(p)
    assert isinstance(item, ReadError) and "lone surrogate" in item.reason
    assert "\\xff" in item.where
    item.where.encode("utf-8")


def test_empty_files(tmp_path):
    for name in ("e.jsonl", "e.txt", "e.html", "e.jsonl.gz"):
        p = tmp_path / name
        p.write_bytes(gzip.compress(b"") if name.endswith(".gz") else b"")
        items = list(read_articles(p))
        assert all(isinstance(i, ReadError) and "empty" in i.reason for i in items)
        assert len(items) == (0 if ".jsonl" in name else 1)


def test_unknown_kind_is_refused_before_reading(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unknown kind"):
        read_articles(tmp_path / "x.pdf").__next__()


@pytest.mark.slow
def test_ten_megabyte_single_line(tmp_path):
    """A 10 MB line (a corpus glued together, a mangled export) is a reported skip, quickly, and the
    line after it is still read; so is a 10 MB text file."""
    big = "Ông Nguyễn Văn An dự họp. " * (10_000_000 // 27)
    p = tmp_path / "big.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "big", "text": big}, ensure_ascii=False) + "\n")
        fh.write("x" * 10_000_000 + "\n")  # 10 MB of not-JSON
        fh.write(json.dumps({"id": "after", "text": "Sau."}) + "\n")
    t = time.monotonic()
    a, bad, after = read_articles(p)
    assert time.monotonic() - t < 30
    assert isinstance(a, ReadError) and "longer than" in a.reason and a.where.endswith(":1")
    assert isinstance(bad, ReadError) and bad.where.endswith(":2")
    assert isinstance(after, Article) and after.id == "after"
    t = tmp_path / "big.txt"
    t.write_text(big, encoding="utf-8")
    (b,) = read_articles(t)
    assert isinstance(b, ReadError) and "longer than" in b.reason


def test_the_longest_allowed_text_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_TEXT", 50)
    p = tmp_path / "t.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "x" * 50}) + "\n" + json.dumps({"id": "b", "text": "x" * 51}) + "\n",
                 encoding="utf-8")
    a, b = read_articles(p)
    assert isinstance(a, Article) and isinstance(b, ReadError) and "longer than 50" in b.reason


@pytest.mark.parametrize("gz", [False, True])
def test_an_overlong_line_is_skipped_without_holding_it(tmp_path, monkeypatch, gz):
    monkeypatch.setattr(read, "MAX_LINE", 100)
    lines = [json.dumps({"id": "a", "text": "ngắn"}), "y" * 100, "z" * 99, "w" * 350, json.dumps({"id": "b", "text": "x"})]
    data = ("\n".join(lines) + "\n").encode()
    p = tmp_path / ("l.jsonl.gz" if gz else "l.jsonl")
    p.write_bytes(gzip.compress(data) if gz else data)
    got = list(read_articles(p))
    assert [type(g).__name__ for g in got] == ["Article", "ReadError", "ReadError", "ReadError", "Article"]
    assert [g.where.rsplit(":", 1)[1] for g in got[1:4]] == ["2", "3", "4"]
    assert "longer than 100 bytes" in got[1].reason and "not valid JSON" in got[2].reason
    assert "longer than" in got[3].reason and got[4].id == "b"


def test_html_to_text_keeps_entities_as_text():
    assert html_to_text("<p>&lt;script&gt;x&lt;/script&gt;</p>") == "<script>x</script>"


@given(st.lists(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12), min_size=2, max_size=6,
                unique=True))
def test_any_accepted_id_makes_a_valid_distinct_iri(ids):
    """Regression: an id holding U+E0001, U+FFFF or private-use characters made an IRI Oxigraph refused."""
    from urllib.parse import unquote

    ids = [i for i in ids if read.check_id(i) is None]
    names = [iri.article(i) for i in ids]
    assert len(set(names)) == len(ids)
    for i, name in zip(ids, names):
        ox.NamedNode(name)
        segment = name.rsplit("/", 1)[1]
        assert unquote(segment) == i  # the last segment reads back as the id


def test_a_json_array_file_is_read_as_articles(tmp_path):
    """A pretty-printed array of articles, a common export, was one skip per line; now its items are read."""
    recs = [{"id": "a1", "text": "Một."}, {"id": "a2"}, {"id": "a3", "text": "Ba."}]
    p = tmp_path / "arr.json"
    p.write_text(json.dumps(recs, indent=2, ensure_ascii=False), encoding="utf-8")
    a1, bad, a3 = read_articles(p)
    assert (a1.id, a3.id) == ("a1", "a3") and a1.origin == f"{p}:[0]"
    assert isinstance(bad, ReadError) and bad.where == f"{p}:[1]" and "'text'" in bad.reason
    # A JSON Lines file whose first line happens to be an array is still read line by line.
    q = tmp_path / "lines.jsonl"
    q.write_text('[1, 2]\n{"id": "b", "text": "Hai."}\n', encoding="utf-8")
    first, b = read_articles(q)
    assert isinstance(first, ReadError) and first.where == f"{q}:1" and b.id == "b"
