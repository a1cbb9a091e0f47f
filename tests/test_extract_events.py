"""Gatherings reported as held; chairs, speakers, attendees; background and plans left out."""
from _extract_helpers import run


def events(text, **meta):
    x = run(text, **meta)
    return [(e.type, e.province, sorted((p.person, p.role) for p in e.participants)) for e in x.events]


def test_workshop_with_chairs_and_speaker():
    text = ("Các đồng chí: Nguyễn Văn An, Bí thư Tỉnh ủy; Trần Văn Bình, Chủ tịch UBND tỉnh chủ trì hội thảo. "
            "Đồng chí Lê Thị Cúc, Phó Chủ tịch HĐND tỉnh phát biểu tham luận tại hội thảo. "
            "Hội thảo khoa học \"Đổi mới sinh hoạt chi bộ\" tại Bắc Giang thu hút nhiều đại biểu.")
    assert events(text) == [("Hội thảo", "Bắc Giang", [
        ("Lê Thị Cúc", "speaker"), ("Nguyễn Văn An", "chair"), ("Trần Văn Bình", "chair")])]


def test_congress_and_attendee_list():
    text = ("Sáng 12/10, Đại hội đại biểu Đảng bộ tỉnh Kon Tum lần thứ XVI đã khai mạc. "
            "Cùng dự có các đồng chí: Đinh Văn Hai, Ủy viên Bộ Chính trị; A Vinh, Bí thư Tỉnh ủy.")
    (e,) = run(text, published="2020-10-12").events
    assert (e.type, e.province, e.date) == ("Đại hội", "Kon Tum", "2020-10-12")
    assert {p.person for p in e.participants} == {"Đinh Văn Hai"}


def test_background_and_future_are_not_events():
    text = ("Tỉnh quán triệt Nghị quyết Hội nghị Trung ương 4 khóa XII. "
            "Các cấp ủy chuẩn bị tốt tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.")
    assert events(text) == []


def test_working_session_of_central_bodies_in_hanoi_has_no_province():
    text = ("Chiều 19-10, tại Trụ sở T.Ư Đảng (Hà Nội), Bộ Chính trị đã làm việc với Ban Thường vụ Tỉnh ủy "
            "Quảng Trị. Tổng Bí thư Lê Văn Một chủ trì buổi làm việc.")
    assert events(text) == [("Buổi làm việc", None, [("Lê Văn Một", "chair")])]


def test_ceremony_attendees_and_session():
    text = "Dự lễ có các đồng chí: Siu Hương-Phó Bí thư Tỉnh ủy; Ksor Phước-Chủ tịch UBND tỉnh."
    assert events(text, title="Gia Lai công bố quyết định") == [
        ("Lễ", "Gia Lai", [("Ksor Phước", "attendee"), ("Siu Hương", "attendee")])]
    text = "Kỳ họp thứ 9 HĐND tỉnh khóa XVIII đã bế mạc. Đồng chí Lò Văn Ba, Chủ tịch HĐND tỉnh phát biểu bế mạc kỳ họp."
    assert events(text, outlet="Báo Sơn La") == [("Kỳ họp", "Sơn La", [("Lò Văn Ba", "speaker")])]


def test_possessive_speech_does_not_place_its_author_at_the_event():
    text = ("Hội nghị Ban Chấp hành Đảng bộ tỉnh Nam Định lần thứ 10 khai mạc sáng nay. Đồng chí Bí thư Tỉnh ủy "
            "Phạm Văn Một quán triệt bài phát biểu của đồng chí Tổng Bí thư Nguyễn Văn Hai tại hội nghị.")
    (e,) = run(text).events
    assert {p.person for p in e.participants} == {"Phạm Văn Một"}


def test_meeting_told_by_its_noun_and_subjects_placed_there():
    text = ("UBND tỉnh Gia Lai có buổi họp khẩn với lãnh đạo huyện Chư Sê. "
            "Tại cuộc họp, ông Lê Văn Tám, Chủ tịch UBND tỉnh chỉ đạo siết chặt biên giới.")
    assert events(text) == [("Buổi làm việc", "Gia Lai", [("Lê Văn Tám", "attendee")])]


def test_session_named_with_its_day_and_talks():
    text = "Theo UBKT Tỉnh ủy Gia Lai, tại kỳ họp ngày 23/4, UBKT đã xem xét kỷ luật ông Đỗ Văn Hai."
    assert [e[:2] for e in events(text, published="2021-04-26")] == [("Kỳ họp", "Gia Lai")]
    text = "Cùng ngày, tại Lạng Sơn đã diễn ra hội đàm giữa Bí thư Tỉnh ủy 2 tỉnh biên giới."
    assert [e[:2] for e in events(text)] == [("Buổi làm việc", "Lạng Sơn")]


def test_object_of_a_meeting_is_not_a_participant():
    text = ("Ủy ban Kiểm tra Tỉnh ủy Gia Lai đã họp kỳ thứ 5. Tại kỳ họp này, liên quan đến bà Lò Thị Mai, "
            "Phó Bí thư Tỉnh ủy, UBKT xem xét, kết luận.")
    (e,) = run(text).events
    assert not e.participants


def test_talks_told_by_the_verb_place_both_parties():
    text = "Chủ tịch Hạ viện Mỹ John Carter đã hội đàm với Chủ tịch Quốc hội Lê Văn Tám."
    assert events(text) == [("Buổi làm việc", None, [("John Carter", "attendee"), ("Lê Văn Tám", "attendee")])]
    text = "Sáng 5/3, Chủ tịch nước Lê Văn Tám đã tiếp Đại sứ Nhật Bản Kenji Sato tại Phủ Chủ tịch."
    assert [sorted(p for p, _r in e[2]) for e in events(text)] == [["Kenji Sato", "Lê Văn Tám"]]
    assert events("Ông Lê Văn Tám cho biết sẽ tiếp tục kiểm tra.") == []


def test_subject_after_a_lead_in_and_tai_event():
    text = ("Ngày 25/5, Tỉnh ủy Gia Lai có cuộc họp với Đoàn kiểm tra của Bộ Chính trị. Trong khi đó, tại cuộc họp "
            "ngày 25/5, ông Lê Văn Tám, Chủ tịch UBND tỉnh Gia Lai, cam kết sắp xếp xong.")
    (e,) = run(text).events
    assert {p.person for p in e.participants} == {"Lê Văn Tám"}
