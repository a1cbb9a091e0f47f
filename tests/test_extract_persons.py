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
