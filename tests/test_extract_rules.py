"""General rules added after a held-out review; each on short invented sentences."""
from _extract_helpers import persons, posts, run


def events(text, **meta):
    return [(e.type, e.province, sorted((p.person, p.role) for p in e.participants)) for e in run(text, **meta).events]


# --- names ---------------------------------------------------------------------------------

def test_a_title_phrase_is_not_a_name():
    text = "Bà Lê Thị Hòa, Phó Bí thư Tỉnh ủy, Trưởng Đoàn Đại biểu Quốc hội tỉnh Bình Phước phát biểu."
    assert persons(text) == {"Lê Thị Hòa"}
    assert ("Lê Thị Hòa", "Trưởng Đoàn đại biểu Quốc hội tỉnh", "Bình Phước", "current") in posts(text)


def test_a_function_word_glued_to_a_name_is_cut_off():
    assert persons("Giám đốc Sở Y tế Trần Văn Khảicho biết tình hình ổn định.") == {"Trần Văn Khải"}


def test_given_name_alone_refers_back():
    text = ("Ông Vũ Đình Lâm giữ chức Bí thư Tỉnh ủy Hòa Bình. "
            "Trước đó ông Lâm lần lượt giữ các chức vụ Thứ trưởng Bộ Nội vụ.")
    assert ("Vũ Đình Lâm", "Thứ trưởng Bộ Nội vụ", None, "former") in posts(text)


# --- titles --------------------------------------------------------------------------------

def test_ministry_abbreviations_are_written_out():
    got = posts("Thứ trưởng Bộ TT&TT Lê Văn Tuấn và Bộ trưởng Bộ GD-ĐT Hà Văn Phúc dự lễ.")
    assert ("Lê Văn Tuấn", "Thứ trưởng Bộ Thông tin và Truyền thông", None, "current") in got
    assert ("Hà Văn Phúc", "Bộ trưởng Bộ Giáo dục và Đào tạo", None, "current") in got


def test_district_names_leave_the_title():
    text = "Kỷ luật ông Hồ Văn Tài, Chủ tịch UBND huyện Ea Súp và ông Y Blim, Bí thư Huyện ủy Ea Súp."
    assert ("Hồ Văn Tài", "Chủ tịch Ủy ban nhân dân huyện", "Đắk Lắk", "current") in posts(text, outlet="Báo Đắk Lắk")


def test_ban_bi_thu_is_a_body_not_an_office():
    got = posts("Theo quyết định của Ban Bí thư, Thứ trưởng Bộ Tư pháp Lê Văn Sáu giữ chức Phó Bí thư Tỉnh ủy Nam Định.")
    assert got == {("Lê Văn Sáu", "Thứ trưởng Bộ Tư pháp", None, "current"),
                   ("Lê Văn Sáu", "Phó Bí thư Tỉnh ủy", "Nam Định", "current")}


def test_lower_case_office_after_nguyen():
    assert posts("Kỷ luật ông Phan Văn Bảy - nguyên phó chủ tịch UBND tỉnh Bến Tre nhiệm kỳ 2004-2009.") == {
        ("Phan Văn Bảy", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Bến Tre", "former")}


def test_chu_tich_tinh_is_the_peoples_committee():
    text = "Ông Đào Văn Tư có sai phạm trong thời gian làm Phó Chủ tịch tỉnh Hưng Yên."
    assert posts(text) == {("Đào Văn Tư", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Hưng Yên", "former")}


def test_one_title_for_a_list_item_of_names():
    text = "Dự có các đồng chí: Lê Văn Một, Chủ tịch nước; Trần Văn Hai, Đỗ Văn Ba, nguyên Thủ tướng; Vũ Văn Bốn."
    got = posts(text)
    assert ("Trần Văn Hai", "Thủ tướng Chính phủ", None, "former") in got
    assert ("Đỗ Văn Ba", "Thủ tướng Chính phủ", None, "former") in got


def test_thuong_truc_variant_is_one_office():
    text = ("Phó Thủ tướng Thường trực Lý Văn Năm thăm tỉnh Bình Thuận. "
            "Phó Thủ tướng Lý Văn Năm chủ trì cuộc họp.")
    assert posts(text) == {("Lý Văn Năm", "Phó Thủ tướng Thường trực Chính phủ", None, "current")}


# --- status --------------------------------------------------------------------------------

def test_planned_office_is_not_held():
    text = ("Ông Lương Văn Tám được giao làm Phó Bí thư Tỉnh ủy và giới thiệu để HĐND tỉnh bầu giữ chức vụ "
            "Chủ tịch UBND tỉnh Lào Cai.")
    assert posts(text) == {("Lương Văn Tám", "Phó Bí thư Tỉnh ủy", "Lào Cai", "current")}


def test_relieved_office_belongs_to_the_object_not_the_signer():
    text = ("HĐND thông qua tờ trình của Chủ tịch UBND TP Đà Nẵng Ngô Văn Chín về việc miễn nhiệm chức vụ "
            "Phó Chủ tịch UBND TP. Nội dung là miễn nhiệm chức danh Phó Chủ tịch UBND TP Đà Nẵng "
            "đối với ông Cao Văn Mười.")
    got = posts(text)
    assert ("Cao Văn Mười", "Phó Chủ tịch Ủy ban nhân dân thành phố", "Đà Nẵng", "former") in got
    assert not any(p[0] == "Ngô Văn Chín" and p[1].startswith("Phó") for p in got)


def test_moved_away_and_replaced():
    text = ("Ban Thường vụ Thành ủy Cần Thơ điều động ông Tô Văn Một (Ủy viên Ban Thường vụ Thành ủy, "
            "Phó Chủ tịch UBND TP Cần Thơ) đến giữ chức Trưởng Ban Dân vận Thành ủy Cần Thơ thay ông "
            "Lê Văn Hai đến nhận nhiệm vụ là Bí thư Quận ủy Ninh Kiều.")
    assert posts(text) == {
        ("Tô Văn Một", "Ủy viên Ban Thường vụ Thành ủy", "Cần Thơ", "current"),
        ("Tô Văn Một", "Phó Chủ tịch Ủy ban nhân dân thành phố", "Cần Thơ", "former"),
        ("Tô Văn Một", "Trưởng Ban Dân vận Thành ủy", "Cần Thơ", "current"),
        ("Lê Văn Hai", "Trưởng Ban Dân vận Thành ủy", "Cần Thơ", "former"),
        ("Lê Văn Hai", "Bí thư Quận ủy", "Cần Thơ", "current"),
    }


def test_during_an_office_is_past_unless_also_called_current():
    text = ("Kỷ luật ông Vi Văn Năm, Phó Chủ tịch UBND huyện Lục Ngạn. "
            "Trong thời gian giữ chức vụ Phó Chủ tịch UBND huyện Lục Ngạn, ông Vi Văn Năm đã ký sai. "
            "Trong thời gian giữ chức vụ Giám đốc Sở Tư pháp, ông Vi Văn Năm cũng sai phạm.")
    got = posts(text, outlet="Báo Bắc Giang")
    assert ("Vi Văn Năm", "Phó Chủ tịch Ủy ban nhân dân huyện", "Bắc Giang", "current") in got
    assert ("Vi Văn Năm", "Giám đốc Sở Tư pháp", "Bắc Giang", "former") in got


def test_expelled_from_the_party_loses_party_posts():
    text = ("Ông Mạc Văn Sáu, Bí thư Huyện ủy, Chủ tịch UBND huyện Tiên Lãng bị khai trừ ra khỏi Đảng.")
    got = posts(text, outlet="Báo Hải Phòng")
    assert ("Mạc Văn Sáu", "Bí thư Huyện ủy", "Hải Phòng", "former") in got
    assert ("Mạc Văn Sáu", "Chủ tịch Ủy ban nhân dân huyện", "Hải Phòng", "current") in got


# --- events --------------------------------------------------------------------------------

def test_central_body_meeting_in_hanoi_has_no_province():
    text = ("Ngày 5-8, tại Hà Nội, Ủy ban Kiểm tra Trung ương đã họp kỳ thứ 9 do ông Lê Văn Ba, Chủ nhiệm "
            "Ủy ban Kiểm tra Trung ương chủ trì. Tại kỳ họp này, Ủy ban xem xét sai phạm ở tỉnh Phú Yên.")
    assert events(text) == [("Kỳ họp", None, [("Lê Văn Ba", "chair")])]


def test_meeting_told_by_its_verb():
    text = "Ngày 2/3, tại Trụ sở Trung ương Đảng, Ban Bí thư đã họp dưới sự chủ trì của đồng chí Tổng Bí thư Lê Văn Một."
    assert events(text) == [("Phiên họp", None, [("Lê Văn Một", "chair")])]


def test_venue_of_a_central_body():
    text = "Chiều 3/4, tại Ban Dân vận Trung ương diễn ra Hội nghị công bố quyết định. Ông Lý Văn Hai sinh tại tỉnh Nam Định."
    assert [(e.type, e.province) for e in run(text).events] == [("Hội nghị", None)]


def test_working_session_sentence_initial_and_place_of_another_verb():
    text = ("Phó Thủ tướng Ngô Văn Tư đã kiểm tra tình hình tại tỉnh Phú Yên và chủ trì hội nghị bàn giải pháp "
            "cho 5 tỉnh miền Trung. Làm việc với lãnh đạo tỉnh Phú Yên, Phó Thủ tướng Ngô Văn Tư biểu dương tỉnh.")
    got = {(e.type, e.province) for e in run(text).events}
    assert got == {("Hội nghị", None), ("Buổi làm việc", "Phú Yên")}


def test_generic_and_past_mentions_join_or_drop():
    text = ("Ngày 6/5, UBND tỉnh Kon Tum tổ chức Hội thảo \"Chuyển đổi số\". Tại hội nghị các đại biểu thảo luận. "
            "Tại kỳ họp thứ 8, Quốc hội khóa XV vừa qua, Quốc hội đã thông qua luật.")
    assert [(e.type, e.province) for e in run(text).events] == [("Hội thảo", "Kon Tum")]


def test_a_decision_object_is_not_a_speaker():
    text = ("Kỳ họp thứ 5 HĐND tỉnh Sóc Trăng khai mạc sáng 4/7. Trước đó, Ban Thường vụ Tỉnh ủy đã công bố "
            "quyết định điều động ông Thạch Văn Hai về Ban Tổ chức Tỉnh ủy.")
    (e,) = run(text).events
    assert e.participants == []


# --- organisations and former provinces ------------------------------------------------------

def test_organisation_mentions_are_written_out():
    x = run("Bộ trưởng Bộ GD&ĐT Lê Văn An làm việc với Tỉnh ủy Hà Giang và UBND TP Đà Nẵng. "
            "Ban Tuyên giáo Trung ương dự.")
    assert [(o.label, o.province) for o in x.organizations] == [
        ("Bộ Giáo dục và Đào tạo", None), ("Tỉnh ủy Hà Giang", "Hà Giang"),
        ("Ủy ban nhân dân thành phố Đà Nẵng", "Đà Nẵng"), ("Ban Tuyên giáo Trung ương", None)]


def test_former_province_only_after_its_prefix():
    assert [p.province for p in run("Ông sinh ra ở tỉnh Hà Tây, nay thuộc Hà Nội.").places] == ["Hà Tây", "Hà Nội"]
    assert [p.province for p in run("Lũ lớn trên sông Cửu Long.").places] == []


def test_former_province_resolves_in_the_reference():
    from vnkg.reference import load
    ref = load()
    assert ref.province("Quảng Nam-Đà Nẵng") and ref.province("Hà Tây")
