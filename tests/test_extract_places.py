"""Provinces as places, not inside institutions' names; the article's province."""
from _extract_helpers import run


def places(text, **meta):
    return [p.province for p in run(text, **meta).places]


def test_prefixed_and_bare_names():
    assert places("Đoàn công tác tỉnh Hà Giang làm việc tại Tuyên Quang và TP.HCM.") == [
        "Hà Giang", "Tuyên Quang", "Hồ Chí Minh"]


def test_institution_names_are_not_places():
    assert places("Báo Tuyên Quang và Học viện Chính trị Quốc gia Hồ Chí Minh tổ chức tọa đàm.") == []


def test_former_compound_province():
    assert places("Các đồng chí nguyên lãnh đạo tỉnh Quảng Nam-Đà Nẵng dự lễ.") == ["Quảng Nam-Đà Nẵng"]


def test_outlet_gives_a_province_to_offices_but_is_not_a_mention():
    x = run("Đồng chí Lò Văn Ba, Chủ tịch HĐND tỉnh phát biểu.", outlet="Báo Sơn La")
    assert x.places == []
    assert [(h.title, h.province) for h in x.holdings] == [("Chủ tịch Hội đồng nhân dân tỉnh", "Sơn La")]


def test_a_sea_named_like_a_province_is_not_one():
    from _extract_helpers import run
    got = {p.province for p in run("Diễn đàn châu Á-Thái Bình Dương họp tại tỉnh Ninh Bình.").places}
    assert got == {"Ninh Bình"}


def test_institution_name_with_a_lower_case_syllable():
    assert places("Phân hiệu Trường ĐH Kiến trúc TP Hồ Chí Minh đặt tại Cần Thơ.") == ["Cần Thơ"]
