"""Document extraction on short sentences written for these tests (not article text)."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from vnkg.extract.documents import extract_documents
from vnkg.extract.text import normalize, sentences
from vnkg.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"


def docs(text: str, published: str | None = None, province: str | None = None):
    a = Article(id="t", text=text, published=published)
    return extract_documents(a, sentences(text), default_province=province)


def one(text: str, **kw):
    found = docs(text, **kw)
    assert len(found) == 1, found
    return found[0]


def test_party_symbol_with_date_issuer_and_title():
    d = one("Tỉnh ủy quán triệt Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị về khuyến khích cán bộ dám nghĩ, dám làm.")
    assert (d.type, d.number, d.symbol, d.issuer, d.date) == ("Kết luận", "14", "14-KL/TW", "Bộ Chính trị", "2021-09-22")
    assert d.title == "Khuyến khích cán bộ dám nghĩ, dám làm"
    assert d.evidence.sentence.startswith("Tỉnh ủy quán triệt")


def test_tw_symbol_does_not_invent_an_issuer():
    assert one("Các chi bộ học tập Chỉ thị 35-CT/TW trong tháng này.").issuer is None


def test_issuer_before_an_issuing_verb_and_thay_mat():
    d = one("Ngày 3/2/2022, Bộ Chính trị ban hành Kết luận số 21-KL/TW về xây dựng Đảng.")
    assert (d.issuer, d.date) == ("Bộ Chính trị", "2022-02-03")
    d = one("Thay mặt Ban Bí thư, đồng chí Trần Văn A, Thường trực Ban Bí thư, đã ký ban hành Chỉ thị số 40-CT/TW.")
    assert d.issuer == "Ban Bí thư"


def test_number_without_symbol_keeps_leading_zero_and_quoted_title():
    found = docs('Tỉnh ủy chỉ đạo thực hiện Đề án số 16 về "Nâng cao chất lượng sinh hoạt chi bộ" và Chỉ thị số 01 về sinh hoạt cấp ủy.',
                 province="Tuyên Quang")
    assert [(d.type, d.number, d.symbol) for d in found] == [("Đề án", "16", None), ("Chỉ thị", "01", None)]
    assert found[0].title == "Nâng cao chất lượng sinh hoạt chi bộ"
    assert found[0].province == "Tuyên Quang"  # a provincial passage, province from the article
    assert found[1].key == "Chỉ thị|1"


def test_dates_in_three_spellings_and_year_from_article():
    assert one("Nghị quyết số 16, ngày 10-8-2012 của Bộ Chính trị về phát triển thành phố.").date == "2012-08-10"
    assert one("Theo Nghị quyết số 5/2025/NQ-HĐND ngày 16 tháng 6 năm 2025 của Hội đồng nhân dân tỉnh Cà Mau.").date == "2025-06-16"
    assert one("Quyết định số 2136-QĐNS/TW ngày 20/5 của Bộ Chính trị điều động cán bộ.", published="2020-05-23").date == "2020-05-20"


def test_state_symbols_imply_their_issuer():
    assert one("Thực hiện Nghị định 30/2020/NĐ-CP về công tác văn thư.").issuer == "Chính phủ"
    assert one("Quyết định số 1234/QĐ-TTg đã phê duyệt đề án.").issuer == "Thủ tướng Chính phủ"
    d = one("Căn cứ vào Nghị quyết số 1654/NQ-UBTVQH15, các xã được sắp xếp lại.")
    assert (d.type, d.issuer) == ("Nghị quyết", "Ủy ban Thường vụ Quốc hội")
    assert one("Thi hành Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính.").issuer == "Quốc hội"


def test_provincial_issuer_gets_its_province():
    d = one("UBND tỉnh ban hành Quyết định số 45/QĐ-UBND về giá đất.", province="Yên Bái")
    assert (d.issuer, d.province) == ("UBND tỉnh", "Yên Bái")
    d = one("Nghị quyết số 01-NQ/TU của Ban Thường vụ Tỉnh ủy Vĩnh Phúc về chuyển đổi số.")
    assert d.province == "Vĩnh Phúc"


def test_type_from_the_symbol_letters_when_no_type_word():
    d = one("Văn bản số 156/TB-UBND nêu rõ kết luận của lãnh đạo tỉnh.")
    assert (d.type, d.symbol) == ("Thông báo", "156/TB-UBND")
    assert one("Đảng viên được học tập kỹ (số 11-NQ/TW).").type == "Nghị quyết"


def test_title_between_type_and_symbol():
    d = one("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15, Chính phủ trình dự thảo.")
    assert (d.type, d.title, d.issuer) == ("Luật", "Tổ chức chính quyền địa phương", "Quốc hội")


def test_later_short_mentions_fold_into_the_symbol():
    found = docs("Bộ Chính trị ban hành Kết luận số 14-KL/TW. Sau hai năm, Kết luận 14 đã đi vào cuộc sống. "
                 "Kết luận số 14 là điểm nhấn.")
    assert [d.key for d in found] == ["14-KL/TW"]


def test_lists_after_one_type_word():
    found = docs("Thực hiện các Nghị quyết số 18-NQ/TW, 19-NQ/TW và Chỉ thị 03, 05 của Bộ Chính trị.")
    assert [d.key for d in found] == ["18-NQ/TW", "19-NQ/TW", "Chỉ thị|3", "Chỉ thị|5"]


@pytest.mark.parametrize("text", [
    "Trụ sở đặt tại phường số 16, quận 8.",
    "Xe đi theo Quốc lộ số 1 về phía nam.",
    "Gọi số 0912 345 678 để được tư vấn.",
    "Đây là thương hiệu số 1 thế giới.",
    "Cửa hàng ở số 12 Lê Lợi.",
    "Quán triệt Nghị quyết Đại hội XIII của Đảng và Nghị quyết Trung ương 4.",
    "Tỉnh xây dựng Kế hoạch 5 năm và Chương trình 3 nội dung.",
    "Quyết định số phận của dự án trị giá 5 tỷ đồng.",
    "Tờ trình số 338/TT-ĐC được gửi lên tỉnh.",
    "Đại hội thông qua Nghị quyết 2025 của Đảng bộ.",
])
def test_no_false_documents(text):
    assert docs(text) == []


def test_official_text_cites_its_bases():
    text = ("HỘI ĐỒNG NHÂN DÂN TỈNH X\n\nSố: 12/2025/NQ-HĐND    X, ngày 5 tháng 7 năm 2025\n\n**NGHỊ QUYẾT**\n\n"
            "*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*\n\n"
            "*Căn cứ Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc hội;*\n\n"
            "*Xét Tờ trình số 9/TTr-UBND của Ủy ban nhân dân tỉnh,*\n\n**QUYẾT NGHỊ:**\n\n"
            "Điều 1. Giao Ủy ban nhân dân tỉnh căn cứ vào Quyết định số 7/QĐ-UBND để thực hiện.")
    found = {d.key: d for d in docs(text)}
    me = found["12/2025/NQ-HĐND"]
    assert me.type == "Nghị quyết" and me.date == "2025-07-05"
    assert me.cites == ["72/2025/QH15", "202/2025/QH15"]
    assert "7/QĐ-UBND" in found and not found["7/QĐ-UBND"].cites


@pytest.mark.parametrize("text", ["", "số", "Nghị quyết số", "Nghị quyết số 99999999999", "/" * 500,
                                  "Kết luận số 14-KL/TW " * 300, "\x00\ud800 Quyết định số 1/"])
def test_never_raises(text):
    assert isinstance(docs(text), list)


def test_without_sentences_the_line_is_the_evidence():
    a = Article(id="t", text="Dòng một.\nThực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.")
    [d] = extract_documents(a, [])
    assert d.evidence.sentence == "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị."


def _corpus(name: str):
    path = SHARED / "corpus" / name
    if not path.exists():
        pytest.skip(f"{path} is not there")
    for line in path.open(encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            yield Article(id=d["id"], text=normalize(d["text"]), published=d.get("published"))


def test_dev_documents_f1():
    gold_dir = SHARED / "eval" / "gold"
    want, got = set(), set()

    def key(symbol, type_, number):
        s = (symbol or "").upper().replace(" ", "").replace("Đ", "D")
        return s or f"{type_.lower()}|{(number or '').lstrip('0')}"

    for name in ("seed.jsonl", "dev.jsonl"):
        for a in _corpus(name):
            g = gold_dir / f"{a.id}.json"
            if not g.exists():
                continue
            want |= {(a.id, key(d.get("symbol"), d["type"], d.get("number")))
                     for d in json.loads(g.read_text(encoding="utf-8")).get("documents", [])}
            got |= {(a.id, key(d.symbol, d.type, d.number)) for d in extract_documents(a, sentences(a.text))}
    tp = len(want & got)
    f1 = 2 * tp / (len(want) + len(got)) if want or got else 1.0
    assert f1 >= 0.95, (sorted(want - got), sorted(got - want))


def test_legal_texts_cite_and_are_fast():
    arts = list(_corpus("legal-2025.jsonl"))
    t = time.perf_counter()
    found = [extract_documents(a, sentences(a.text)) for a in arts]
    assert time.perf_counter() - t < 5
    citing = [d for ds in found for d in ds if d.cites]
    assert len(citing) >= 30
    assert all("76/2025/UBTVQH15" in d.cites for d in citing if d.symbol.endswith("UBTVQH15"))


def test_a_non_string_default_province_is_ignored():
    a = Article(id="t", text="Tỉnh ủy ban hành Chỉ thị số 01 về sinh hoạt chi bộ.")
    [d] = extract_documents(a, sentences(a.text), object())  # type: ignore[arg-type]
    assert d.province is None


def test_number_and_year_without_code_and_lower_case_type_with_issuer():
    d = one("Số cấp phó vượt quy định tại Nghị định 24/2014 về tổ chức các cơ quan chuyên môn.")
    assert (d.type, d.number, d.symbol) == ("Nghị định", "24", "24/2014")
    d = one("Tỉnh gắn với việc thực hiện chỉ thị 05 của Bộ Chính trị về học tập.")
    assert (d.type, d.number, d.symbol, d.issuer) == ("Chỉ thị", "05", None, "Bộ Chính trị")
    assert docs("Năm nay quyết định 3 điều quan trọng.") == []
