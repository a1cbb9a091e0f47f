"""Personal names: every ethnic group, no honorific or title inside, no bylines, no half names."""
from _extract_helpers import persons


def test_names_of_every_ethnic_group():
    text = ("Dự hội nghị có các đồng chí: Hầu A Páo, Bí thư Huyện ủy; Giàng Seo Chứ, Phó Chủ tịch UBND tỉnh; "
            "Rah Lan Hiền, Phó Bí thư Tỉnh ủy; Ma Văn Tâm, Chủ tịch HĐND tỉnh.")
    assert persons(text) == {"Hầu A Páo", "Giàng Seo Chứ", "Rah Lan Hiền", "Ma Văn Tâm"}


def test_honorifics_and_titles_are_not_part_of_the_name():
    text = "Bí thư Tỉnh ủy Hà Giang Nguyễn Văn An phát biểu. Ông Trần Thị Bình cho biết như vậy."
    assert persons(text) == {"Nguyễn Văn An", "Trần Thị Bình"}


def test_title_ending_in_a_country_name_is_cut_before_the_name():
    assert persons("Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Đỗ Văn Lộc dự lễ.") == {"Đỗ Văn Lộc"}


def test_photo_credit_and_ideology_are_not_persons():
    text = "Đồng chí Lê Văn Hùng phát biểu. Ảnh: Minh Khôi\nCán bộ học tập tư tưởng Hồ Chí Minh."
    assert persons(text) == {"Lê Văn Hùng"}


def test_truncated_text_gives_no_half_name():
    text = "Dự lễ có các đồng chí: Vũ Đức Thành, Bí thư Tỉnh ủy; Hồ Quốc Thá"
    assert persons(text) == {"Vũ Đức Thành"}


def test_province_names_are_not_persons():
    assert persons("Đoàn công tác tỉnh Thái Bình làm việc tại Hà Nội.") == set()


def test_foreign_names_need_an_office_or_honorific():
    text = ("Chủ tịch Thượng viện Mỹ John Miller hội đàm với ông Peter Brown. "
            "Ca sĩ người Mỹ Tony Lane biểu diễn tại Sân bay Noi Bai.")
    assert persons(text) == {"John Miller", "Peter Brown"}


def test_lunar_years_seas_and_delegations_are_not_persons():
    text = ("Tại lễ mừng Xuân Canh Tý 2020, Đoàn Việt Nam dự diễn đàn châu Á-Thái Bình Dương; "
            "Đoàn Thanh tra của Bộ làm việc với ông Đoàn Văn Hải.")
    assert persons(text) == {"Đoàn Văn Hải"}


def test_sentence_opener_glued_to_a_name_is_cut():
    text = "Ông Lê Văn Thắng Tại buổi làm việc, Chủ tịch UBND tỉnh Lạng Sơn Hoàng Văn Mạnh phát biểu."
    assert persons(text) == {"Lê Văn Thắng", "Hoàng Văn Mạnh"}


def test_rare_family_names():
    assert persons("Ông Đầu Văn Tường, Phó Chủ tịch UBND tỉnh Nghệ An dự họp.") == {"Đầu Văn Tường"}


def test_latin_script_companies_and_unmarked_vietnamese_are_not_foreign_persons():
    text = ("Chủ tịch Tập đoàn Sao Mai Group Lê Văn Tư phát biểu. Giám đốc Sở Du lịch Nha Trang cho biết. "
            "Chủ tịch Hội đồng quản trị Blue Sky Holdings dự lễ.")
    assert persons(text) == {"Lê Văn Tư"}


def test_monastic_and_transliterated_family_names():
    assert {"Thích Minh Tâm", "Bành Văn Hoa"} <= persons(
        "Hòa thượng Thích Minh Tâm và ông Bành Văn Hoa dự lễ.")
