"""Office titles: chains, trailing places, lists, abbreviations, typos, status."""
from _extract_helpers import posts, run


def test_chain_with_one_trailing_place():
    text = ("Đồng chí Nguyễn Văn An, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh, "
            "Trưởng Đoàn ĐBQH tỉnh Vĩnh Phúc chủ trì hội nghị.")
    assert posts(text) == {
        ("Nguyễn Văn An", "Ủy viên Ban Chấp hành Trung ương Đảng", None, "current"),
        ("Nguyễn Văn An", "Bí thư Tỉnh ủy", "Vĩnh Phúc", "current"),
        ("Nguyễn Văn An", "Chủ tịch Hội đồng nhân dân tỉnh", "Vĩnh Phúc", "current"),
        ("Nguyễn Văn An", "Trưởng Đoàn đại biểu Quốc hội tỉnh", "Vĩnh Phúc", "current"),
    }


def test_title_before_the_name():
    assert posts("Phó Bí thư Thường trực Tỉnh ủy Lào Cai Lê Thị Hoa phát biểu.") == {
        ("Lê Thị Hoa", "Phó Bí thư Thường trực Tỉnh ủy", "Lào Cai", "current")}


def test_list_head_gives_its_title_to_each_member():
    text = ("Các Phó Bí thư Tỉnh ủy Sơn La gồm: Lò Văn Minh, Phó Bí thư Thường trực Tỉnh ủy; "
            "Cầm Thị Lan, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.")
    assert posts(text) == {
        ("Lò Văn Minh", "Phó Bí thư Thường trực Tỉnh ủy", "Sơn La", "current"),
        ("Cầm Thị Lan", "Phó Bí thư Tỉnh ủy", "Sơn La", "current"),
        ("Cầm Thị Lan", "Chủ tịch Ủy ban nhân dân tỉnh", "Sơn La", "current"),
    }


def test_list_of_names_after_a_numbered_head():
    text = "3 Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Bắc Kạn gồm các ông: Hà Văn Một, Nông Văn Hai, Triệu Văn Ba."
    got = posts(text)
    assert {p[0] for p in got} == {"Hà Văn Một", "Nông Văn Hai", "Triệu Văn Ba"}
    assert {p[1:] for p in got} == {("Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Bắc Kạn", "current")}


def test_city_abbreviations_and_level_word():
    text = "Cùng dự có đồng chí Phan Văn Tư, Phó Bí thư Thành ủy, Chủ tịch UBND TP; Bí thư Thành ủy TPHCM Lê Văn Năm."
    got = posts(text, title="Hội nghị Thành ủy TPHCM")
    assert ("Phan Văn Tư", "Chủ tịch Ủy ban nhân dân thành phố", "Hồ Chí Minh", "current") in got
    assert ("Lê Văn Năm", "Bí thư Thành ủy", "Hồ Chí Minh", "current") in got


def test_both_tone_styles_and_typos():
    got = posts("Đồng chí Đinh Thị Thuý, Phó Bí Thường trực Tỉnh uỷ Hoà Bình dự họp.")
    assert got == {("Đinh Thị Thuý", "Phó Bí thư Thường trực Tỉnh ủy", "Hoà Bình", "current")}  # the reference label


def test_bare_province_word_resolved_from_the_article():
    text = "Đồng chí Vàng A Dính, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh phát biểu."
    assert posts(text, title="Điện Biên tổng kết năm") == {
        ("Vàng A Dính", "Phó Bí thư Tỉnh ủy", "Điện Biên", "current"),
        ("Vàng A Dính", "Chủ tịch Ủy ban nhân dân tỉnh", "Điện Biên", "current"),
    }


def test_former_offices():
    text = ("Trước khi giữ chức Bí thư Tỉnh ủy Yên Bái, ông Đỗ Văn Sáu từng kinh qua các chức vụ: "
            "Phó Chủ tịch rồi Chủ tịch UBND tỉnh, Giám đốc Sở Tài chính tỉnh Yên Bái.")
    assert posts(text) == {
        ("Đỗ Văn Sáu", "Bí thư Tỉnh ủy", "Yên Bái", "current"),
        ("Đỗ Văn Sáu", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Yên Bái", "former"),
        ("Đỗ Văn Sáu", "Chủ tịch Ủy ban nhân dân tỉnh", "Yên Bái", "former"),
        ("Đỗ Văn Sáu", "Giám đốc Sở Tài chính", "Yên Bái", "former"),
    }


def test_nguyen_prefix_is_former():
    assert posts("Ông Lý Văn Bảy, nguyên Chủ tịch UBND tỉnh Cao Bằng, dự lễ.") == {
        ("Lý Văn Bảy", "Chủ tịch Ủy ban nhân dân tỉnh", "Cao Bằng", "former")}


def test_conferral_and_term():
    x = run("Bộ Chính trị chỉ định ông Hầu A Lử giữ chức Bí thư Tỉnh ủy Lai Châu nhiệm kỳ 2025-2030.")
    (h,) = x.holdings
    assert (h.person, h.title, h.province, h.status, h.term) == (
        "Hầu A Lử", "Bí thư Tỉnh ủy", "Lai Châu", "current", "2025-2030")


def test_leaving_an_office():
    text = "Quyết định điều động ông Tạ Văn Tám thôi giữ chức Bí thư Tỉnh ủy Phú Thọ."
    assert posts(text) == {("Tạ Văn Tám", "Bí thư Tỉnh ủy", "Phú Thọ", "former")}


def test_membership_of_committees():
    text = "Ông Tạ Văn Tám thôi tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy Phú Thọ."
    assert posts(text) == {
        ("Tạ Văn Tám", "Ủy viên Ban Chấp hành Đảng bộ tỉnh", "Phú Thọ", "former"),
        ("Tạ Văn Tám", "Ủy viên Ban Thường vụ Tỉnh ủy", "Phú Thọ", "former"),
    }


def test_central_offices_have_no_province():
    assert posts("Thủ tướng Phạm Văn Chín và Bộ trưởng Bộ Công an Lê Văn Mười dự lễ tại Hà Nam.") == {
        ("Phạm Văn Chín", "Thủ tướng Chính phủ", None, "current"),
        ("Lê Văn Mười", "Bộ trưởng Bộ Công an", None, "current"),
    }
