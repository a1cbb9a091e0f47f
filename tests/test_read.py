"""Readers: every kind of file, and bad records as one clear reason each."""
from __future__ import annotations

import gzip
import json

import pytest

from vnkg.model import Article
from vnkg.read import InputError, ReadError, html_to_text, read_articles


def _all(path):
    return list(read_articles(path))


def test_jsonl_with_optional_fields(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "x1", "text": "Ông Nguyễn Văn An phát biểu.", "url": "https://example.org/1",
                             "title": "Tin", "outlet": "Báo mẫu", "published": "2021-07"}, ensure_ascii=False) + "\n\n",
                 encoding="utf-8")
    (a,) = _all(p)
    assert isinstance(a, Article)
    assert (a.id, a.url, a.title, a.outlet, a.published) == ("x1", "https://example.org/1", "Tin", "Báo mẫu", "2021-07")
    assert a.origin == f"{p}:1"


def test_gzipped_jsonl_and_decomposed_unicode(tmp_path):
    import unicodedata

    p = tmp_path / "a.jsonl.gz"
    decomposed = unicodedata.normalize("NFD", "Bí thư Tỉnh ủy Hoàng Thị Thúy")
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": 7, "text": decomposed}) + "\n")
    (a,) = _all(p)
    assert a.id == "7"
    assert a.text == unicodedata.normalize("NFC", decomposed)


def test_txt_and_html(tmp_path):
    (tmp_path / "bai-1.txt").write_text("Hội nghị Tỉnh ủy.\r\nDòng hai.", encoding="utf-8")
    (a,) = _all(tmp_path / "bai-1.txt")
    assert (a.id, a.text) == ("bai-1", "Hội nghị Tỉnh ủy.\nDòng hai.")
    html = ("<html><head><script>alert(1)</script><style>p{}</style></head><body><nav>Menu</nav>"
            "<p>Đoạn &amp; một.</p><p>Đoạn hai.</p></body></html>")
    (tmp_path / "bai-2.html").write_text(html, encoding="utf-8")
    (b,) = _all(tmp_path / "bai-2.html")
    assert b.text == "Đoạn & một.\nĐoạn hai."


@pytest.mark.parametrize("line, reason", [
    (b"{not json", "not valid JSON"),
    (b"[1, 2]", "not a JSON object"),
    (b'{"text": "x"}', "missing or non-string 'id'"),
    (b'{"id": "a", "text": 5}', "missing or non-string 'text'"),
    (b'{"id": "a"}', "missing or non-string 'text'"),
    (b'{"id": "a", "text": "   "}', "empty text"),
    (b'{"id": "", "text": "x"}', "empty 'id'"),
    (b'{"id": "a", "text": "x", "title": ["t"]}', "'title' must be a string"),
    (b'{"id": "a", "text": "x", "published": "yesterday"}', "not an ISO date"),
    (b'{"id": "a", "text": "\xff\xfe"}', "not UTF-8"),
    (b'{"id": "' + b"a" * 500 + b'", "text": "x"}', "longer than"),
])
def test_bad_records_are_reported_with_line(tmp_path, line, reason):
    p = tmp_path / "bad.jsonl"
    p.write_bytes('{"id": "ok", "text": "Tốt."}\n'.encode() + line + b"\n")
    good, bad = _all(p)
    assert isinstance(good, Article)
    assert isinstance(bad, ReadError)
    assert bad.where == f"{p}:2"
    assert reason in bad.reason
    assert "\n" not in str(bad)


def test_ids_with_spaces_and_slashes_are_kept(tmp_path):
    p = tmp_path / "ids.jsonl"
    p.write_text(json.dumps({"id": "bài (1)/2", "text": "x"}) + "\n", encoding="utf-8")
    (a,) = _all(p)
    assert a.id == "bài (1)/2"


def test_missing_file_and_unknown_kind(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        _all(tmp_path / "none.jsonl")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unknown kind"):
        _all(tmp_path / "x.pdf")


def test_html_to_text_drops_scripts():
    assert html_to_text("<p>a<script>b</script></p><div>c</div>") == "a\nc"
