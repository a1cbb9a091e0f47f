"""The số hiệu grammar: examples of both families, loose spellings, and properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnkg.extract.docnumber import DocumentNumber, parse_symbol


@pytest.mark.parametrize("text, number, year, type_code, issuer_code", [
    ("14-KL/TW", "14", None, "KL", "TW"),
    ("35-CT/TW", "35", None, "CT", "TW"),
    ("29-CT/TU", "29", None, "CT", "TU"),
    ("2136-QĐNS/TW", "2136", None, "QĐNS", "TW"),
    ("01-NQ/TU", "01", None, "NQ", "TU"),
    ("1654/NQ-UBTVQH15", "1654", None, "NQ", "UBTVQH15"),
    ("202/2025/QH15", "202", "2025", None, "QH15"),
    ("30/2020/NĐ-CP", "30", "2020", "NĐ", "CP"),
    ("15/2019/TT-BTC", "15", "2019", "TT", "BTC"),
    ("1234/QĐ-TTg", "1234", None, "QĐ", "TTg"),
    ("12/2020/NQ-HĐND", "12", "2020", "NQ", "HĐND"),
    ("45/QĐ-UBND", "45", None, "QĐ", "UBND"),
    ("08-QĐi/TW", "08", None, "QĐi", "TW"),
    ("01/2015/TTLT-BTP-BCA", "01", "2015", "TTLT", "BTP-BCA"),
    ("30a/2008/NQ-CP", "30a", "2008", "NQ", "CP"),
])
def test_parses_both_families(text, number, year, type_code, issuer_code):
    n = parse_symbol(text)
    assert n == DocumentNumber(number, year, type_code, issuer_code, text)


@pytest.mark.parametrize("loose, symbol", [
    ("14 - KL/TW", "14-KL/TW"),
    ("2139- QĐSN/TW", "2139-QĐSN/TW"),
    ("1947/ QĐ–UBND", "1947/QĐ-UBND"),
    ("35/NQ - CP", "35/NQ-CP"),
    (" 14-KL / TW ", "14-KL/TW"),
    ("30/2020/ND-CP", "30/2020/ND-CP"),  # D for Đ is kept as written; the type lookup tolerates it
    ("12-QÐ/TW", "12-QĐ/TW"),  # U+00D0 look-alike
])
def test_tolerates_spaces_dashes_and_lookalikes(loose, symbol):
    assert parse_symbol(loose).symbol == symbol


@pytest.mark.parametrize("text", [
    "", "14", "số 14", "Số: 14-KL/TW", "22/9/2021", "24/7", "14-KL/TW/", "14-KL/TW x", "KL/TW",
    "phường số 16", "0912 345 678", "1.000/ha", "-14-KL/TW", "14-kl/tw", "COVID-19",
])
def test_rejects_what_is_not_a_symbol(text):
    assert parse_symbol(text) is None


def test_not_a_string_gives_none():
    assert parse_symbol(None) is None  # type: ignore[arg-type]
    assert parse_symbol(14) is None  # type: ignore[arg-type]


def test_party_or_state():
    assert parse_symbol("14-KL/TW").party
    assert not parse_symbol("1654/NQ-UBTVQH15").party


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_never_raises_and_round_trips(s):
    n = parse_symbol(s)
    if n is not None:
        assert parse_symbol(n.symbol) == n


_code = st.from_regex(r"[A-ZĐ][A-Za-zĐ]{0,4}", fullmatch=True)
_issuer = st.from_regex(r"[A-ZĐ][A-ZĐ0-9]{0,6}", fullmatch=True)
_number = st.from_regex(r"[0-9]{1,4}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(_number, _code, _issuer, st.sampled_from(["-", " - ", "- ", "–"]))
def test_party_symbols_from_parts(number, code, issuer, dash):
    n = parse_symbol(f"{number}{dash}{code}/{issuer}")
    assert n == DocumentNumber(number, None, code, issuer, f"{number}-{code}/{issuer}")


@settings(max_examples=200, deadline=None)
@given(_number, st.integers(1945, 2099), _code, _issuer)
def test_state_symbols_from_parts(number, year, code, issuer):
    n = parse_symbol(f"{number}/{year}/{code}-{issuer}")
    assert (n.number, n.year, n.type_code, n.issuer_code) == (number, str(year), code, issuer)
    assert parse_symbol(n.symbol) == n
