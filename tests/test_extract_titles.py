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


# --- Lists written title first, abbreviations and variants, levels below the district -------------

def test_title_first_list_gives_each_title_to_the_name_after_it():
    text = ("Cùng đi có Bộ trưởng Bộ Tài chính Lê Văn Một, Bộ trưởng Bộ Công Thương Trần Văn Hai, "
            "Bộ trưởng Bộ Y tế Phạm Thị Ba.")
    assert posts(text) == {
        ("Lê Văn Một", "Bộ trưởng Bộ Tài chính", None, "current"),
        ("Trần Văn Hai", "Bộ trưởng Bộ Công Thương", None, "current"),
        ("Phạm Thị Ba", "Bộ trưởng Bộ Y tế", None, "current"),
    }


def test_title_after_a_name_titled_before_it_is_the_next_ones():
    text = ("Về chuyến thăm của Tổng Bí thư Lê Văn Bốn, Phó Trưởng ban Thường trực Ban Tuyên giáo Trung ương "
            "Ngô Văn Năm lưu ý báo cáo viên.")
    assert posts(text) == {
        ("Lê Văn Bốn", "Tổng Bí thư", None, "current"),
        ("Ngô Văn Năm", "Phó Trưởng Ban Thường trực Ban Tuyên giáo Trung ương", None, "current"),
    }


def test_name_first_list_keeps_its_direction():
    text = "Dự có ông Lê Văn Sáu, Bí thư Tỉnh ủy Hà Giang; ông Trần Văn Bảy, Chủ tịch UBND tỉnh Hà Giang."
    assert posts(text) == {
        ("Lê Văn Sáu", "Bí thư Tỉnh ủy", "Hà Giang", "current"),
        ("Trần Văn Bảy", "Chủ tịch Ủy ban nhân dân tỉnh", "Hà Giang", "current"),
    }


def test_list_head_of_comma_items_ends_at_the_semicolon():
    text = ("Đoàn gồm Ủy viên Bộ Chính trị Lê Văn Tám; các Ủy viên Trung ương Đảng: Bộ trưởng Bộ Nội vụ "
            "Trần Văn Chín, Bộ trưởng Bộ Tư pháp Đỗ Văn Mười; Đại sứ Việt Nam tại Nhật Bản Hồ Văn Mươi.")
    got = posts(text)
    assert ("Trần Văn Chín", "Ủy viên Ban Chấp hành Trung ương Đảng", None, "current") in got
    assert ("Đỗ Văn Mười", "Ủy viên Ban Chấp hành Trung ương Đảng", None, "current") in got
    assert ("Đỗ Văn Mười", "Bộ trưởng Bộ Tư pháp", None, "current") in got
    assert ("Hồ Văn Mươi", "Đại sứ Việt Nam tại Nhật Bản", None, "current") in got
    assert not any(p[0] == "Hồ Văn Mươi" and "Ủy viên" in p[1] for p in got)


def test_lower_case_plural_list_head_and_typo():
    text = ("Dự lễ có Trường Ban chỉ đạo Tây Nguyên Lê Văn Hai; các ủy viên Trung ương Đảng: "
            "Trần Văn Ba - Phó Chủ tịch Quốc hội; Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc Đinh Văn Bốn.")
    got = posts(text)
    assert ("Lê Văn Hai", "Trưởng Ban Chỉ đạo Tây Nguyên", None, "current") in got
    assert ("Trần Văn Ba", "Ủy viên Ban Chấp hành Trung ương Đảng", None, "current") in got
    assert ("Đinh Văn Bốn", "Ủy viên Ban Chấp hành Trung ương Đảng", None, "current") in got
    assert ("Đinh Văn Bốn", "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc", None, "current") in got


def test_role_word_inside_a_known_office():
    assert posts("Chủ nhiệm Văn phòng Chủ tịch nước Lê Thị Năm dự họp.") == {
        ("Lê Thị Năm", "Chủ nhiệm Văn phòng Chủ tịch nước", None, "current")}


def test_ministry_names_written_with_dashes_or_ampersand():
    text = ("Thứ trưởng Bộ Giáo dục & Đào tạo Lê Văn Sáu và Bộ trưởng Bộ Văn hóa - Thể thao - Du lịch "
            "Trần Văn Bảy dự lễ.")
    assert posts(text) == {
        ("Lê Văn Sáu", "Thứ trưởng Bộ Giáo dục và Đào tạo", None, "current"),
        ("Trần Văn Bảy", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", None, "current"),
    }


def test_national_university_offices_have_no_province():
    text = ("Dự có Phó Giám đốc thường trực ĐHQG Hà Nội Lê Văn Tám. Ông Trần Văn Chín, Bí thư Đảng ủy, "
            "Chủ tịch Hội đồng Đại học Huế phát biểu.")
    assert posts(text) == {
        ("Lê Văn Tám", "Phó Giám đốc Thường trực Đại học Quốc gia Hà Nội", None, "current"),
        ("Trần Văn Chín", "Bí thư Đảng ủy Đại học Huế", None, "current"),
        ("Trần Văn Chín", "Chủ tịch Hội đồng Đại học Huế", None, "current"),
    }


def test_village_and_commune_offices_are_not_provincial():
    text = ("Vụ việc ở huyện Nga Sơn, tỉnh Thanh Hóa liên quan ông Lê Văn Một, Bí thư thôn Yên Hòa; "
            "ông Trần Văn Hai, Chủ tịch xã Nga Phú; ông Ngô Văn Ba, Bí thư chi bộ thôn Đông.")
    got = posts(text)
    assert ("Lê Văn Một", "Bí thư thôn", "Thanh Hóa", "current") in got
    assert ("Trần Văn Hai", "Chủ tịch Ủy ban nhân dân xã", "Thanh Hóa", "current") in got
    assert ("Ngô Văn Ba", "Bí thư chi bộ thôn", "Thanh Hóa", "current") in got
    assert not any("Tỉnh ủy" in p[1] for p in got)


def test_foreign_officials_and_their_offices():
    text = ("Đón đoàn có Thứ trưởng Bộ Ngoại giao Liên bang Nga Ivan Petrov, theo lời mời của "
            "Tổng thống Boris Sokolov. Thủ tướng Quốc vụ viện nước CHND Trung Hoa Lý Văn Hòa gửi thư.")
    got = posts(text)
    assert ("Ivan Petrov", "Thứ trưởng Bộ Ngoại giao Liên bang Nga", None, "current") in got
    assert ("Boris Sokolov", "Tổng thống", None, "current") in got
    assert ("Lý Văn Hòa", "Thủ tướng Quốc vụ viện nước Cộng hòa Nhân dân Trung Hoa", None, "current") in got
