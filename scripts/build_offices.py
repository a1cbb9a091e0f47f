#!/usr/bin/env python3
"""Write graph/offices.ttl: the vocabulary of offices (SKOS) and the scheme of abbreviations.

Offices are mostly a role ("Phó Chủ tịch") in a body ("Ủy ban nhân dân tỉnh"), so they are
generated from the two lists below; the canonical label follows eval/GOLD.md (abbreviations
written out, the level word kept where it belongs to the office). Run it after editing the lists:

    .venv/bin/python scripts/build_offices.py
"""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# (label, [alt labels], level)
CENTRAL = [
    ("Tổng Bí thư", ["Tổng Bí thư Ban Chấp hành Trung ương Đảng", "Tổng Bí thư Đảng"], "central"),
    ("Ủy viên Bộ Chính trị", ["UV Bộ Chính trị"], "central"),
    ("Bí thư Trung ương Đảng", ["Bí thư T.Ư Đảng", "Bí thư TW Đảng", "Bí thư TƯ Đảng", "Bí thư Trung ương"], "central"),
    ("Thường trực Ban Bí thư", [], "central"),
    ("Ủy viên Ban Chấp hành Trung ương Đảng", [
        "Ủy viên Trung ương Đảng", "Ủy viên BCH Trung ương Đảng", "Ủy viên BCH T.Ư Đảng", "Ủy viên BCH TW Đảng",
        "Ủy viên T.Ư Đảng", "Ủy viên TW Đảng", "Ủy viên TƯ Đảng", "Ủy viên Ban Chấp hành Trung ương",
        "Ủy viên Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam", "Ủy viên BCH Trung ương", "Ủy viên Trung ương",
        "Ủy viên chính thức Ban Chấp hành Trung ương Đảng"], "central"),
    ("Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng", [
        "Ủy viên dự khuyết Trung ương Đảng", "Ủy viên dự khuyết BCH Trung ương Đảng", "Ủy viên dự khuyết T.Ư Đảng",
        "Ủy viên dự khuyết TW Đảng", "Ủy viên dự khuyết Ban Chấp hành Trung ương"], "central"),
    ("Chủ tịch nước", ["Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Chủ tịch nước CHXHCN Việt Nam"], "central"),
    ("Phó Chủ tịch nước", ["Phó Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam"], "central"),
    ("Thủ tướng Chính phủ", ["Thủ tướng"], "central"),
    ("Phó Thủ tướng Chính phủ", ["Phó Thủ tướng"], "central"),
    ("Phó Thủ tướng Thường trực Chính phủ", ["Phó Thủ tướng Thường trực"], "central"),
    ("Chủ tịch Quốc hội", [], "central"),
    ("Phó Chủ tịch Quốc hội", [], "central"),
    ("Phó Chủ tịch Thường trực Quốc hội", [], "central"),
    ("Tổng Thư ký Quốc hội", [], "central"),
    ("Ủy viên Ủy ban Thường vụ Quốc hội", [], "central"),
    ("Ủy viên Đảng đoàn Quốc hội", [], "central"),
    ("Bí thư Đảng đoàn Quốc hội", [], "central"),
    ("đại biểu Quốc hội", ["Đại biểu Quốc hội"], "central"),
    ("Trưởng Ban Dân nguyện thuộc Ủy ban Thường vụ Quốc hội", ["Trưởng Ban Dân nguyện", "Trưởng Ban Dân nguyện của Ủy ban Thường vụ Quốc hội"], "central"),
    ("Chánh Văn phòng Trung ương Đảng", ["Chánh Văn phòng Trung ương"], "central"),
    ("Chủ nhiệm Văn phòng Quốc hội", [], "central"),
    ("Chủ nhiệm Văn phòng Chủ tịch nước", [], "central"),
    ("Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc", ["Bộ trưởng Chủ nhiệm Ủy ban Dân tộc"], "central"),
    # Foreign heads of state and government: the bare word is the office (as written, GOLD.md).
    ("Tổng thống", [], "central"),
    ("Phó Tổng thống", [], "central"),
    ("Phó Chủ nhiệm Văn phòng Chủ tịch nước", [], "central"),
    ("Chủ nhiệm Văn phòng Chính phủ", ["Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"], "central"),
    ("Tổng Thanh tra Chính phủ", [], "central"),
    ("Chánh án Tòa án nhân dân tối cao", [], "central"),
    ("Viện trưởng Viện Kiểm sát nhân dân tối cao", [], "central"),
    ("Tổng Kiểm toán Nhà nước", [], "central"),
    ("Phó Tổng Kiểm toán Nhà nước", [], "central"),
    ("Tổng Giám đốc Kho bạc Nhà nước", [], "central"),
    ("Phó Tổng Giám đốc Kho bạc Nhà nước", [], "central"),
    # A national body ("Việt Nam" in its name) and its Party group: offices with no province.
    ("Chủ tịch Liên minh Hợp tác xã Việt Nam", [], "central"),
    ("Phó Chủ tịch Liên minh Hợp tác xã Việt Nam", [], "central"),
    ("Bí thư Đảng đoàn Liên minh Hợp tác xã Việt Nam", [], "central"),
    ("Thống đốc Ngân hàng Nhà nước Việt Nam", ["Thống đốc Ngân hàng Nhà nước"], "central"),
    ("Chủ tịch Hội đồng Lý luận Trung ương", [], "central"),
    ("Giám đốc Học viện Chính trị Quốc gia Hồ Chí Minh", ["Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh"], "central"),
    ("Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", ["Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc", "Chủ tịch UBTƯ MTTQ Việt Nam"], "central"),
    ("Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", ["Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc"], "central"),
    ("Tổng Thư ký Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", ["Tổng Thư ký Ủy ban Trung ương Mặt trận Tổ quốc"], "central"),
]
for ban in ["Tổ chức", "Tuyên giáo", "Dân vận", "Tuyên giáo và Dân vận", "Nội chính", "Kinh tế", "Đối ngoại",
            "Chính sách, chiến lược"]:
    for role in ["Trưởng", "Phó Trưởng"]:
        CENTRAL.append((f"{role} Ban {ban} Trung ương", [f"{role} ban {ban} Trung ương"], "central"))
for role in ["Chủ nhiệm", "Phó Chủ nhiệm", "Ủy viên"]:
    CENTRAL.append((f"{role} Ủy ban Kiểm tra Trung ương", [], "central"))
# The National Assembly's committees (names of several terms): "Chủ nhiệm Ủy ban X của Quốc hội".
QH_COMMITTEES = ["Pháp luật", "Tư pháp", "Kinh tế", "Tài chính, Ngân sách", "Quốc phòng và An ninh",
                 "Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng", "Văn hóa, Giáo dục", "Xã hội",
                 "Các vấn đề xã hội", "Khoa học, Công nghệ và Môi trường", "Đối ngoại", "Pháp luật và Tư pháp",
                 "Kinh tế và Tài chính", "Văn hóa và Xã hội", "Khoa học, Công nghệ và Môi trường"]
for c in dict.fromkeys(QH_COMMITTEES):
    for role in ["Chủ nhiệm", "Phó Chủ nhiệm"]:
        CENTRAL.append((f"{role} Ủy ban {c} của Quốc hội", [f"{role} Ủy ban {c} Quốc hội", f"{role} Ủy ban {c}"],
                        "central"))
for role in ["Chủ tịch", "Phó Chủ tịch"]:
    CENTRAL.append((f"{role} Hội đồng Dân tộc của Quốc hội", [f"{role} Hội đồng Dân tộc"], "central"))
MINISTRIES = ["Công an", "Quốc phòng", "Ngoại giao", "Nội vụ", "Tư pháp", "Tài chính", "Kế hoạch và Đầu tư",
              "Công Thương", "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường", "Giao thông vận tải",
              "Xây dựng", "Tài nguyên và Môi trường", "Thông tin và Truyền thông", "Lao động - Thương binh và Xã hội",
              "Văn hóa, Thể thao và Du lịch", "Khoa học và Công nghệ", "Giáo dục và Đào tạo", "Y tế",
              "Dân tộc và Tôn giáo", "Bưu chính, Viễn thông"]
# Other spellings of a ministry's name seen in the press (punctuation between its parts varies).
NAME_VARIANTS = {
    "Nông nghiệp và Phát triển nông thôn": ["Nông nghiệp - Phát triển nông thôn"],
    "Lao động - Thương binh và Xã hội": ["Lao động, Thương binh và Xã hội", "Lao động-Thương binh và Xã hội"],
    "Văn hóa, Thể thao và Du lịch": ["Văn hóa - Thể thao và Du lịch"],
}
for m in MINISTRIES:
    names = [m] + NAME_VARIANTS.get(m, [])
    CENTRAL.append((f"Bộ trưởng Bộ {m}", [f"Bộ trưởng {n}" for n in names] + [f"Bộ trưởng Bộ {n}" for n in names[1:]],
                    "central"))
    CENTRAL.append((f"Thứ trưởng Bộ {m}", [f"Thứ trưởng {n}" for n in names] + [f"Thứ trưởng Bộ {n}" for n in names[1:]],
                    "central"))

# Provincial offices: {U} is the Party committee (Tỉnh ủy / Thành ủy), {L} the level word.
PROVINCIAL = [
    ("Bí thư {U}", []),
    ("Phó Bí thư {U}", []),
    ("Phó Bí thư Thường trực {U}", []),
    ("Ủy viên Ban Thường vụ {U}", []),
    ("Ủy viên Ban Chấp hành Đảng bộ {L}", ["{U} viên", "Ủy viên {U}"]),
    ("Chủ tịch Hội đồng nhân dân {L}", []),
    ("Phó Chủ tịch Hội đồng nhân dân {L}", []),
    ("Phó Chủ tịch Thường trực Hội đồng nhân dân {L}", []),
    ("Chủ tịch Ủy ban nhân dân {L}", ["Chủ tịch {L}"]),  # "Chủ tịch tỉnh": the people's committee's
    ("Phó Chủ tịch Ủy ban nhân dân {L}", ["Phó Chủ tịch {L}"]),
    ("Phó Chủ tịch Thường trực Ủy ban nhân dân {L}", []),
    ("Chủ tịch Ủy ban Mặt trận Tổ quốc {L}", ["Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam {L}"]),
    ("Phó Chủ tịch Ủy ban Mặt trận Tổ quốc {L}", ["Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam {L}"]),
    ("Trưởng Đoàn đại biểu Quốc hội {L}", ["Trưởng đoàn đại biểu Quốc hội {L}"]),
    ("Phó Trưởng Đoàn đại biểu Quốc hội {L}", ["Phó Trưởng đoàn đại biểu Quốc hội {L}"]),
    ("Phó Trưởng Đoàn chuyên trách Đoàn đại biểu Quốc hội {L}", []),
    ("Chủ nhiệm Ủy ban Kiểm tra {U}", []),
    ("Phó Chủ nhiệm Ủy ban Kiểm tra {U}", []),
    ("Ủy viên Ủy ban Kiểm tra {U}", []),
    ("Chánh Văn phòng {U}", []),
    ("Chánh Văn phòng Ủy ban nhân dân {L}", []),
    ("Phó Chánh Văn phòng Ủy ban nhân dân {L}", []),
    ("Phó Chánh Văn phòng {U}", []),
    ("Giám đốc Kho bạc Nhà nước {L}", []),
    ("Phó Giám đốc Kho bạc Nhà nước {L}", []),
    ("Chánh Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân {L}", []),
    ("Giám đốc Công an {L}", []),
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự {L}", []),
    ("Bí thư {L} đoàn", []),
]
for ban in ["Tổ chức", "Tuyên giáo", "Dân vận", "Tuyên giáo và Dân vận", "Nội chính"]:
    for role in ["Trưởng", "Phó Trưởng"]:
        PROVINCIAL.append((f"{role} Ban {ban} {{U}}", [f"{role} ban {ban} {{U}}"]))
for ban in ["Pháp chế", "Kinh tế - Ngân sách", "Văn hóa - Xã hội", "Dân tộc", "Đô thị"]:
    for role in ["Trưởng", "Phó Trưởng"]:
        PROVINCIAL.append((f"{role} Ban {ban} Hội đồng nhân dân {{L}}", [f"{role} ban {ban} Hội đồng nhân dân {{L}}"]))
# A department's office is written without the level word (GOLD.md).
DEPARTMENTS = ["Nội vụ", "Tư pháp", "Tài chính", "Kế hoạch và Đầu tư", "Công Thương",
               "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường", "Giao thông vận tải", "Xây dựng",
               "Tài nguyên và Môi trường", "Thông tin và Truyền thông", "Lao động - Thương binh và Xã hội",
               "Văn hóa, Thể thao và Du lịch", "Văn hóa và Thể thao", "Du lịch", "Khoa học và Công nghệ",
               "Giáo dục và Đào tạo", "Y tế", "Ngoại vụ", "Dân tộc và Tôn giáo"]

PROVINCIAL_UNITS = ["Văn phòng Đăng ký đất đai", "Trung tâm Phát triển quỹ đất"]

ABBREVIATIONS = [  # (full form, [abbreviations])
    ("Hội đồng nhân dân", ["HĐND"]),
    ("Ủy ban nhân dân", ["UBND"]),
    ("Ủy ban Mặt trận Tổ quốc", ["UBMTTQ"]),
    ("Mặt trận Tổ quốc", ["MTTQ"]),
    ("Ban Chấp hành Trung ương", ["BCHTƯ", "BCHTW", "BCHT.Ư"]),
    ("Ban Chấp hành", ["BCH"]),
    ("Ban Thường vụ", ["BTV"]),
    ("Trung ương", ["T.Ư", "TƯ", "TW", "T.W"]),
    ("đại biểu Quốc hội", ["ĐBQH"]),
    ("Ủy ban Kiểm tra", ["UBKT"]),
    ("Ủy ban Thường vụ Quốc hội", ["UBTVQH"]),
    ("thành phố", ["TP", "TP.", "Tp.", "Tp"]),
    ("Thành phố Hồ Chí Minh", ["TPHCM", "TP.HCM", "TP HCM", "Tp.HCM"]),
    ("Ủy ban Trung ương", ["UBTƯ", "UBTW"]),
    ("Ủy ban", ["UB"]),  # "UB Trung ương MTTQ", "UB Kiểm tra"
    ("Cộng hòa xã hội chủ nghĩa", ["CHXHCN"]),
    ("Việt Nam", ["VN"]),
    # Ministries and departments: "&" and "-" are written both ways, and sometimes left out.
    ("Thông tin và Truyền thông", ["TT&TT", "TT-TT", "TTTT"]),
    ("Giáo dục và Đào tạo", ["GD&ĐT", "GD-ĐT", "GDĐT"]),
    ("Giao thông vận tải", ["GTVT", "GT-VT"]),
    ("Tài nguyên và Môi trường", ["TN&MT", "TN-MT", "TNMT"]),
    ("Kế hoạch và Đầu tư", ["KH&ĐT", "KH-ĐT", "KHĐT"]),
    ("Nông nghiệp và Phát triển nông thôn", ["NN&PTNT", "NN-PTNT", "NNPTNT"]),
    ("Lao động - Thương binh và Xã hội", ["LĐTB&XH", "LĐ-TB&XH", "LĐTBXH", "LĐ-TBXH"]),
    ("Văn hóa, Thể thao và Du lịch", ["VH-TT&DL", "VHTT&DL", "VHTTDL", "VH,TT&DL"]),
    ("Khoa học và Công nghệ", ["KH&CN", "KH-CN", "KHCN"]),
    # Universities and other bodies (ĐHQG before ĐH: the longest abbreviation is tried first).
    ("Đại học Quốc gia", ["ĐHQG"]),
    ("Đại học", ["ĐH"]),
    ("Chỉ huy Quân sự", ["CHQS"]),
    ("Cộng hòa Nhân dân", ["CHND"]),
    ("Nông nghiệp và Môi trường", ["NN&MT", "NN-MT"]),
    ("Kho bạc Nhà nước", ["KBNN"]),
    ("Hội đồng quản trị", ["HĐQT"]),
]


# Offices several persons hold at once in one post (deputies, members, delegates): a later holder
# does not replace an earlier one, and two at once is no conflict (queries holders, conflicts).
# Written on each office as vnkg:singleSeat, and on the scheme for offices outside the vocabulary.
MULTI_SEAT_PREFIXES = ["Phó ", "Ủy viên", "Uỷ viên", "Đại biểu", "đại biểu", "Thành viên", "Thứ trưởng",
                       "Bí thư Trung ương"]


def slug(text: str) -> str:
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def lit(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"@vi'


def tone_variants(s: str) -> list[str]:
    """The other tone placement ("Ủy" → "Uỷ", "hòa" → "hoà") as an extra altLabel."""
    pairs = {"Ủy": "Uỷ", "ủy": "uỷ", "òa": "oà", "óa": "oá", "ỏa": "oả", "ọa": "oạ", "úy": "uý", "ùy": "uỳ"}
    t = s
    for a, b in pairs.items():
        t = t.replace(a, b)
    return [t] if t != s else []


def main() -> None:
    # --out FILE writes elsewhere (the test checks that the committed file is what this script writes).
    out_path = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else ROOT / "graph" / "offices.ttl"
    offices: dict[str, tuple[str, list[str], str]] = {}
    for label, alts, level in CENTRAL:
        offices[label] = (label, alts, level)
    for tpl, alts in PROVINCIAL:
        for u, lv in (("Tỉnh ủy", "tỉnh"), ("Thành ủy", "thành phố")):
            label = tpl.format(U=u, L=lv)
            if label.startswith("Bí thư thành phố đoàn"):
                label = "Bí thư Thành đoàn"
            if label.startswith("Bí thư tỉnh đoàn"):
                label = "Bí thư Tỉnh đoàn"
            offices[label] = (label, [a.format(U=u, L=lv) for a in alts], "provincial")
    for d in DEPARTMENTS:
        for role in ("Giám đốc", "Phó Giám đốc"):
            label = f"{role} Sở {d}"
            offices[label] = (label, [f"{role} Sở {d} tỉnh", f"{role} Sở {d} thành phố"], "provincial")
    # Provincial units under a department, written without the level word as departments are.
    for unit in PROVINCIAL_UNITS:
        for role in ("Giám đốc", "Phó Giám đốc"):
            label = f"{role} {unit}"
            offices[label] = (label, [f"{label} tỉnh", f"{label} thành phố"], "provincial")
    for u, lv in (("Huyện ủy", "huyện"), ("Quận ủy", "quận"), ("Thị ủy", "thị xã")):
        for role in ("Bí thư", "Phó Bí thư"):
            offices[f"{role} {u}"] = (f"{role} {u}", [], "district")
        for role in ("Chủ tịch", "Phó Chủ tịch"):
            for body in ("Hội đồng nhân dân", "Ủy ban nhân dân"):
                offices[f"{role} {body} {lv}"] = (f"{role} {body} {lv}", [], "district")
    # Communes, wards and towns: "Chủ tịch xã" is the people's committee's, as "Chủ tịch tỉnh" is.
    for lv in ("xã", "phường", "thị trấn"):
        for role in ("Bí thư", "Phó Bí thư"):
            offices[f"{role} Đảng ủy {lv}"] = (f"{role} Đảng ủy {lv}", [], "district")
        for role in ("Chủ tịch", "Phó Chủ tịch"):
            offices[f"{role} Hội đồng nhân dân {lv}"] = (f"{role} Hội đồng nhân dân {lv}", [], "district")
            offices[f"{role} Ủy ban nhân dân {lv}"] = (f"{role} Ủy ban nhân dân {lv}", [f"{role} {lv}"], "district")

    out = [
        "# The vocabulary of offices (SKOS): skos:prefLabel is the canonical title as eval/GOLD.md writes it",
        "# (abbreviations written out, no place name), skos:altLabel the variants articles use.",
        "# Also the scheme of abbreviations: skos:prefLabel the full form, skos:altLabel the abbreviation.",
        "# GENERATED by scripts/build_offices.py: edit the lists there, then run it.",
        "",
        "@prefix vnkg: <https://w3id.org/vnkg/ontology#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "",
        "<https://w3id.org/vnkg/id/scheme/offices> a skos:ConceptScheme ;",
        '    skos:prefLabel "Chức danh"@vi , "Offices"@en ;',
        "    vnkg:multiSeatPrefix " + " , ".join(lit(p)[:-3] for p in MULTI_SEAT_PREFIXES) + " .",
        "",
        "<https://w3id.org/vnkg/id/scheme/abbreviations> a skos:ConceptScheme ;",
        '    skos:prefLabel "Chữ viết tắt"@vi , "Abbreviations"@en .',
        "",
    ]
    for label, alts, level in offices.values():
        alts = [a for a in dict.fromkeys(alts + tone_variants(label) + [v for a in alts for v in tone_variants(a)]) if a != label]
        out.append(f"<https://w3id.org/vnkg/id/office/{slug(label)}> a vnkg:Office , skos:Concept ;")
        out.append(f"    skos:prefLabel {lit(label)} ;")
        # The label lower-cased, a plain literal: queries match a title in any case through the index.
        out.append(f"    skos:hiddenLabel {lit(label.lower())[:-3]} ;")
        if alts:
            out.append("    skos:altLabel " + " , ".join(lit(a) for a in alts) + " ;")
        out.append(f'    vnkg:level "{level}" ;')
        out.append(f"    vnkg:singleSeat {'false' if label.startswith(tuple(MULTI_SEAT_PREFIXES)) else 'true'} ;")
        out.append("    skos:inScheme <https://w3id.org/vnkg/id/scheme/offices> .")
        out.append("")
    for full, abbrs in ABBREVIATIONS:
        out.append(f"<https://w3id.org/vnkg/id/abbreviation/{slug(full)}> a skos:Concept ;")
        out.append(f"    skos:prefLabel {lit(full)} ;")
        out.append("    skos:altLabel " + " , ".join(lit(a) for a in abbrs) + " ;")
        out.append("    skos:inScheme <https://w3id.org/vnkg/id/scheme/abbreviations> .")
        out.append("")
    out_path.write_text("\n".join(out), encoding="utf-8")
    print(f"{out_path.name}: {len(offices)} offices, {len(ABBREVIATIONS)} abbreviations")


if __name__ == "__main__":
    main()
