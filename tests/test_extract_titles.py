"""Office titles: chains, trailing places, lists, abbreviations, typos, status."""
from _extract_helpers import persons, posts, run


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


# --- Personnel and election articles (held-out set 3 phenomena, invented sentences) -------------

def test_department_name_taken_whole_from_the_vocabulary():
    assert posts("Ông Lê Văn Tám, Phó giám đốc Sở Khoa học công nghệ tỉnh Gia Lai, cho biết.") == {
        ("Lê Văn Tám", "Phó Giám đốc Sở Khoa học và Công nghệ", "Gia Lai", "current")}
    assert posts("Ông Đỗ Văn Hai, Phó Giám đốc Kho bạc Nhà nước (KBNN) tỉnh Gia Lai phát biểu.") == {
        ("Đỗ Văn Hai", "Phó Giám đốc Kho bạc Nhà nước tỉnh", "Gia Lai", "current")}
    assert posts("Bà Lò Thị Mai, Chủ nhiệm Ủy ban Văn hóa - Giáo dục, Thanh niên, Thiếu niên và Nhi đồng "
                 "của Quốc hội, phát biểu.") == {
        ("Lò Thị Mai", "Chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng của Quốc hội",
         None, "current")}


def test_former_then_current_office_in_one_chain():
    assert posts("Ông Lê Văn Tám, nguyên Phó Giám đốc Sở Tư pháp, nay là Giám đốc Văn phòng Đăng ký đất đai "
                 "tỉnh Gia Lai.") == {
        ("Lê Văn Tám", "Phó Giám đốc Sở Tư pháp", "Gia Lai", "former"),
        ("Lê Văn Tám", "Giám đốc Văn phòng Đăng ký đất đai", "Gia Lai", "current")}


def test_retirement_after_the_chain_ends_it():
    text = "Do ông Đỗ Văn Hai, Phó giám đốc Sở Nội vụ kiêm Trưởng ban Tôn giáo tỉnh, nghỉ hưu theo chế độ."
    assert posts(text, title="Gia Lai sắp xếp cán bộ") == {
        ("Đỗ Văn Hai", "Phó Giám đốc Sở Nội vụ", "Gia Lai", "former"),
        ("Đỗ Văn Hai", "Trưởng Ban Tôn giáo tỉnh", "Gia Lai", "former")}


def test_dismissal_list_party_group_and_no_count_in_title():
    text = ("Ban Bí thư cách chức Ủy viên Ban Thường vụ Tỉnh ủy 2 nhiệm kỳ, với ông Lê Văn Tám (bao gồm cách chức "
            "cả các chức vụ: Bí thư Ban cán sự đảng UBND tỉnh, Bí thư Tỉnh ủy Gia Lai).")
    assert posts(text) == {
        ("Lê Văn Tám", "Ủy viên Ban Thường vụ Tỉnh ủy", "Gia Lai", "former"),
        ("Lê Văn Tám", "Bí thư Ban cán sự đảng Ủy ban nhân dân tỉnh", "Gia Lai", "former"),
        ("Lê Văn Tám", "Bí thư Tỉnh ủy", "Gia Lai", "former")}


def test_party_group_of_a_national_body_is_central():
    assert posts("Ông Lê Văn Tám, Bí thư Đảng đoàn, Chủ tịch Liên minh Hợp tác xã Việt Nam đã nói.",
                 title="Gia Lai") == {
        ("Lê Văn Tám", "Bí thư Đảng đoàn Liên minh Hợp tác xã Việt Nam", None, "current"),
        ("Lê Văn Tám", "Chủ tịch Liên minh Hợp tác xã Việt Nam", None, "current")}


def test_inspection_team_leader():
    text = ("Đoàn kiểm tra của Ban Bí thư Trung ương Đảng do đồng chí Lê Văn Tám, Trưởng Ban Tuyên giáo Trung ương "
            "làm trưởng đoàn đã làm việc với Ban Thường vụ Tỉnh ủy Gia Lai.")
    assert ("Lê Văn Tám", "Trưởng Đoàn kiểm tra của Ban Bí thư", None, "current") in posts(text)
    text = ("Đoàn kiểm tra do Phó Thủ tướng Vũ Văn Ba làm trưởng đoàn đang làm việc tại Tỉnh ủy Gia Lai. "
            "Đoàn kiểm tra được thành lập theo quyết định của Bộ Chính trị.")
    assert ("Vũ Văn Ba", "Trưởng Đoàn kiểm tra của Bộ Chính trị", None, "current") in posts(text)


def test_counted_office_heading_a_bracketed_list_and_election_to_a_body():
    text = ("Bốn ủy viên Bộ Chính trị (Thủ tướng Lê Văn Tám, Bí thư Thành ủy Hà Nội Vũ Văn Ba) tái cử BCHTƯ "
            "khóa X đều được bầu lại.")
    got = posts(text)
    for n in ("Lê Văn Tám", "Vũ Văn Ba"):
        assert (n, "Ủy viên Bộ Chính trị", None, "current") in got
        assert (n, "Ủy viên Ban Chấp hành Trung ương Đảng", None, "current") in got
    got = posts("Trúng cử vào BCHTƯ khóa này có Bí thư Tỉnh ủy Gia Lai Đỗ Văn Hai, Chủ tịch UBND tỉnh Kon Tum "
                "Lò Văn Năm.")
    assert {p[0] for p in got if p[1] == "Ủy viên Ban Chấp hành Trung ương Đảng"} == {"Đỗ Văn Hai", "Lò Văn Năm"}


def test_foreign_guest_after_a_capitalised_honorific_and_semicolon_list():
    text = ("Lễ có sự tham dự của Ngài Sok Chenda - Chủ tịch danh dự Đảng Nhân dân Campuchia, Chủ tịch Quốc hội "
            "Vương quốc Campuchia; bà Lò Thị Mai - Chủ tịch Quốc hội Việt Nam; Phó Thủ tướng, Bộ trưởng Ngoại giao "
            "Đỗ Văn Hai.")
    assert posts(text) == {
        ("Sok Chenda", "Chủ tịch danh dự Đảng Nhân dân Campuchia", None, "current"),
        ("Sok Chenda", "Chủ tịch Quốc hội Vương quốc Campuchia", None, "current"),
        ("Lò Thị Mai", "Chủ tịch Quốc hội", None, "current"),
        ("Đỗ Văn Hai", "Phó Thủ tướng Chính phủ", None, "current"),
        ("Đỗ Văn Hai", "Bộ trưởng Bộ Ngoại giao", None, "current")}


def test_city_under_a_province_and_verb_after_title():
    text = ("Tại cuộc họp, ông Lê Văn Tám, Chủ tịch HĐND tỉnh chỉ đạo Chủ tịch UBND TP Phú Quốc ngay trong ngày mai "
            "triệu tập lực lượng. Ông Vũ Văn Ba, Chủ tịch UBND TP Phú Quốc, cho rằng cần kiểm soát.")
    assert posts(text, title="Kiên Giang họp khẩn") == {
        ("Lê Văn Tám", "Chủ tịch Hội đồng nhân dân tỉnh", "Kiên Giang", "current"),
        ("Vũ Văn Ba", "Chủ tịch Ủy ban nhân dân thành phố", "Kiên Giang", "current")}


def test_compound_before_a_name_and_province_in_brackets_after_it():
    text = ("Những gương mặt mới gồm Thứ trưởng Bộ Tài nguyên - môi trường Lê Văn Tám, Bí thư quận ủy Quận 5 "
            "Đỗ Văn Hai (36 tuổi, TP.HCM), Chủ tịch UBND huyện Mèo Vạc Lò Văn Năm (33 tuổi, Hà Giang).")
    assert posts(text) == {
        ("Lê Văn Tám", "Thứ trưởng Bộ Tài nguyên và Môi trường", None, "current"),
        ("Đỗ Văn Hai", "Bí thư Quận ủy", "Hồ Chí Minh", "current"),
        ("Lò Văn Năm", "Chủ tịch Ủy ban nhân dân huyện", "Hà Giang", "current")}


def test_ub_written_out_and_spaces_around_ampersand():
    text = ("Phó Chủ tịch - Tổng thư ký UB Trung ương MTTQ Việt Nam Lê Văn Tám phát biểu. "
            "Ông Đỗ Văn Hai - Giám đốc Sở TN & MT TP Đà Nẵng cho biết thêm.")
    got = posts(text)
    assert ("Lê Văn Tám", "Tổng Thư ký Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", None, "current") in got
    assert ("Lê Văn Tám", "Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", None, "current") in got
    assert ("Đỗ Văn Hai", "Giám đốc Sở Tài nguyên và Môi trường", "Đà Nẵng", "current") in got


def test_time_expression_ends_a_title_and_district_secretary_without_committee_word():
    text = ("Ông Lê Văn Tám nhận quyết định làm Bí thư quận Bình Lạc sáng 29/5. "
            "Ông Đỗ Văn Hai, Phó Bí thư Huyện ủy Cần Lương chiều nay cho biết thêm.")
    assert posts(text, title="TP.HCM điều động cán bộ") == {
        ("Lê Văn Tám", "Bí thư Quận ủy", "Hồ Chí Minh", "current"),
        ("Đỗ Văn Hai", "Phó Bí thư Huyện ủy", "Hồ Chí Minh", "current")}


def test_university_named_after_a_person_and_its_rectors():
    text = ("Quyết định công nhận quyền Hiệu trưởng Trường ĐH Lê Hồng Tâm đối với TS Đỗ Văn Hai. "
            "Ông Lò Văn Năm (nguyên Hiệu trưởng đại học Lê Hồng Tâm) bị kỷ luật. "
            "PGS Vũ Văn Ba, Phó Hiệu trưởng Trường Đại học Kiến trúc Hà Nội, đề xuất.")
    assert persons(text) == {"Đỗ Văn Hai", "Lò Văn Năm", "Vũ Văn Ba"}
    assert posts(text) == {
        ("Đỗ Văn Hai", "Quyền Hiệu trưởng Trường Đại học Lê Hồng Tâm", None, "current"),
        ("Lò Văn Năm", "Hiệu trưởng Trường Đại học Lê Hồng Tâm", None, "former"),
        ("Vũ Văn Ba", "Phó Hiệu trưởng Trường Đại học Kiến trúc Hà Nội", None, "current")}


def test_acting_holder_keeps_the_word_and_the_office_form():
    assert posts("Ông Đỗ Văn Hai, Quyền Chủ tịch UBND tỉnh Bắc Ninh phát biểu.") == {
        ("Đỗ Văn Hai", "Quyền Chủ tịch Ủy ban nhân dân tỉnh", "Bắc Ninh", "current")}


def test_holder_after_council_level_word_lower_case_department_and_in_charge():
    text = ("Phát biểu khai mạc, Phó Chủ tịch UBND TP Lê Văn Đua đã chỉ ra 4 vấn đề. "
            "Phó Chủ tịch UBND TP Hà Nội Chử Xuân Dũng vừa ban hành công điện. "
            "Tại buổi lễ, Phó Giám đốc sở Giao thông vận tải Đỗ Văn Hai cho biết. "
            "Ông Vũ Văn Ba - Phó Giám đốc phụ trách Sở Xây dựng TP - cho biết thêm.")
    assert persons(text, title="TP.HCM khởi công") == {"Lê Văn Đua", "Chử Xuân Dũng", "Đỗ Văn Hai", "Vũ Văn Ba"}
    assert posts(text, title="TP.HCM khởi công") == {
        ("Lê Văn Đua", "Phó Chủ tịch Ủy ban nhân dân thành phố", "Hồ Chí Minh", "current"),
        ("Chử Xuân Dũng", "Phó Chủ tịch Ủy ban nhân dân thành phố", "Hà Nội", "current"),
        ("Đỗ Văn Hai", "Phó Giám đốc Sở Giao thông vận tải", "Hồ Chí Minh", "current"),
        ("Vũ Văn Ba", "Phó Giám đốc Sở Xây dựng", "Hồ Chí Minh", "current")}


def test_board_abbreviation_and_no_article_province_from_an_institution_name():
    text = ("Ông Đỗ Văn Hai, Chủ tịch HĐQT Công ty Sao Lương, cho biết. "
            "Ông Lê Văn Tám, Hiệu trưởng Trường Đại học Kiến trúc Hà Nội, đề xuất. "
            "Phó Chủ tịch UBND TP Vũ Văn Ba phát biểu khai mạc hội thảo.")
    got = posts(text)
    assert ("Đỗ Văn Hai", "Chủ tịch Hội đồng quản trị Công ty Sao Lương", None, "current") in got
    # Hà Nội names the school only: the city's council is not Hà Nội's.
    assert ("Vũ Văn Ba", "Phó Chủ tịch Ủy ban nhân dân thành phố", "Hà Nội", "current") not in got
