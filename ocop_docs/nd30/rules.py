"""The ND30 format rules, once: identifiers, severities and the style of each element.

Each rule ID is the one of ``docs/spec/nd30.md``. The same tables drive the templates'
styles (``render.styles.apply_nd30_styles`` writes them) and the checker (which verifies any
document against them), so rendering and checking cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
Align = Literal["center", "justify", "left", "right", "any"]


@dataclass(frozen=True)
class Rule:
    """One numbered rule of the ND30 spec: its ID, severity and what it asks (Vietnamese)."""

    id: str
    severity: Severity
    asks: str


RULES: dict[str, Rule] = {
    r.id: r
    for r in [
        Rule("ND30-PAGE-01", "error", "Khổ giấy A4 (210 × 297 mm)"),
        Rule("ND30-PAGE-02", "warning", "Trang nằm ngang chỉ dùng khi có bảng, biểu"),
        Rule("ND30-PAGE-03", "error", "Lề trên 20–25 mm, lề dưới 20–25 mm, lề trái 30–35 mm, lề phải 15–20 mm"),
        Rule("ND30-PAGE-04", "error", "Số trang bằng chữ số Ả Rập, cỡ 13–14, kiểu chữ đứng, canh giữa phần đầu trang, không hiển thị ở trang thứ nhất"),
        Rule("ND30-PAGE-05", "warning", "Phụ lục đánh số trang riêng"),
        Rule("ND30-FONT-01", "error", "Phông chữ Times New Roman, bộ mã Unicode TCVN 6909:2001, màu đen"),
        Rule("ND30-FONT-03", "warning", "Cỡ chữ tăng, giảm đồng bộ: Quốc hiệu 13/Tiêu ngữ 14/ngày tháng 14 hoặc 12/13/13"),
        Rule("ND30-FONT-04", "warning", "Chữ in hoa nên gõ trực tiếp, không dùng định dạng Caps"),
        Rule("ND30-LAYOUT-02", "warning", "Quốc hiệu phải nằm trên một dòng"),
        Rule("ND30-QH-01", "error", "Quốc hiệu 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM': in hoa, cỡ 12–13, đứng, đậm"),
        Rule("ND30-QH-02", "error", "Tiêu ngữ 'Độc lập - Tự do - Hạnh phúc': cỡ 13–14, đứng, đậm, gạch nối có cách chữ"),
        Rule("ND30-QH-03", "warning", "Dưới Tiêu ngữ có đường kẻ ngang nét liền, dài bằng dòng chữ"),
        Rule("ND30-QH-04", "warning", "Quốc hiệu và Tiêu ngữ cách nhau dòng đơn"),
        Rule("ND30-CQ-01", "error", "Tên cơ quan ban hành đầy đủ, chính thức"),
        Rule("ND30-CQ-02", "error", "Tên cơ quan chủ quản in hoa, cỡ 12–13, không đậm; tên cơ quan ban hành in hoa, cỡ 12–13, đậm"),
        Rule("ND30-CQ-03", "warning", "Dưới tên cơ quan ban hành có đường kẻ nét liền dài 1/3 đến 1/2 dòng chữ"),
        Rule("ND30-SO-02", "error", "Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước"),
        Rule("ND30-SO-03", "error", "Ký hiệu: chữ viết tắt tên loại - chữ viết tắt tên cơ quan; văn bản hành chính không ghi năm"),
        Rule("ND30-SO-04", "error", "'Số:' cỡ 13, đứng; ký hiệu in hoa; không có dấu cách trong ký hiệu"),
        Rule("ND30-DATE-01", "warning", "Địa danh ghi tên chính thức, viết hoa chữ cái đầu mỗi âm tiết"),
        Rule("ND30-DATE-02", "error", "Ngày dưới 10 và tháng 1, 2 ghi thêm số 0; năm ghi đủ 4 chữ số"),
        Rule("ND30-DATE-03", "error", "Địa danh, ngày tháng: chữ in thường, cỡ 13–14, nghiêng, canh giữa dưới Quốc hiệu và Tiêu ngữ"),
        Rule("ND30-TITLE-01", "error", "Tên loại văn bản in hoa, cỡ 13–14, đứng, đậm, canh giữa"),
        Rule("ND30-TITLE-02", "error", "Trích yếu: chữ thường, cỡ 13–14, đứng, đậm, canh giữa, có đường kẻ dưới dài 1/3 đến 1/2 dòng chữ"),
        Rule("ND30-TITLE-03", "error", "Trích yếu công văn 'V/v …': cỡ 12–13, không đậm, không kẻ dưới"),
        Rule("ND30-TITLE-04", "warning", "Quyết định cá biệt: trích yếu 'Về việc …'; quyết định ban hành văn bản khác: 'Ban hành …'/'Phê duyệt …'"),
        Rule("ND30-BODY-01", "error", "Mỗi căn cứ xuống dòng, in nghiêng, kết thúc bằng ';', dòng cuối kết thúc bằng '.'"),
        Rule("ND30-BODY-03", "error", "Nội dung: cỡ 13–14, canh đều hai lề, lùi đầu dòng 1–1,27 cm, cách đoạn tối thiểu 6 pt, giãn dòng từ 1 đến 1,5 dòng"),
        Rule("ND30-BODY-05", "error", "Điều: 'Điều 1.' in đậm; khoản '1.'; điểm 'a)' theo thứ tự chữ cái tiếng Việt"),
        Rule("ND30-BODY-06", "error", "Mục: số La Mã, tên mục in hoa, đậm; khoản có tiêu đề in đậm; điểm 'a)'"),
        Rule("ND30-BODY-07", "error", "Phần nội dung kết thúc bằng './.'"),
        Rule("ND30-SIGN-01", "error", "Quyền hạn, chức vụ người ký in hoa, cỡ 13–14, đậm; TM./KT./Q./TL./TUQ. đúng cách"),
        Rule("ND30-SIGN-02", "error", "Chữ ký của UBND: tập thể 'TM. ỦY BAN NHÂN DÂN', cá nhân không có 'TM.'"),
        Rule("ND30-SIGN-04", "error", "Họ tên người ký: chữ thường, cỡ 13–14, đậm, không ghi học hàm, học vị"),
        Rule("ND30-RECIP-01", "error", "Kế hoạch, Quyết định chỉ có 'Nơi nhận'; 'Kính gửi' dùng cho tờ trình, báo cáo lên cấp trên và công văn"),
        Rule("ND30-RECIP-03", "error", "'Nơi nhận:' cỡ 12, nghiêng, đậm; các dòng cỡ 11, bắt đầu bằng '- ', kết thúc bằng ';', dòng cuối '- Lưu: VT, … .'"),
        Rule("ND30-APPX-02", "error", "'Phụ lục' chữ thường, cỡ 14, đậm, canh giữa; tên phụ lục in hoa, đậm"),
        Rule("ND30-APPX-03", "error", "Dòng '(Kèm theo … số … ngày … của …)' in nghiêng, canh giữa"),
        Rule("ND30-TPL-QD-01", "error", "Quyết định: tên loại, trích yếu, thẩm quyền ban hành, căn cứ, 'QUYẾT ĐỊNH:', các Điều, './.'"),
        Rule("ND30-TPL-QD-02", "error", "Thẩm quyền ban hành và chữ ký phải thống nhất (TM. khi thẩm quyền tập thể)"),
        Rule("ND30-TPL-QD-03", "error", "'Như Điều n' ở Nơi nhận trỏ đến Điều quy định trách nhiệm thi hành"),
        Rule("ND30-TPL-ATT-01", "error", "Văn bản kèm theo quyết định: không có số, ngày riêng; có dòng '(Kèm theo Quyết định số … ngày … của …)'"),
        Rule("ND30-STR-01", "error", "'QUYẾT ĐỊNH:' in hoa, đậm, canh giữa, có dấu hai chấm"),
        Rule("ND30-RECIP-02", "error", "'Kính gửi:' chữ thường, cỡ 13–14, đứng, có dấu hai chấm; gửi một nơi thì cùng dòng; "
                                       "gửi nhiều nơi thì mỗi nơi một dòng bắt đầu bằng '- ', kết thúc bằng ';', dòng cuối bằng '.'"),
        Rule("ND30-APPX-01", "error", "Văn bản có phụ lục phải có chỉ dẫn về phụ lục đó; có từ hai phụ lục trở lên thì "
                                      "đánh số bằng chữ số La Mã"),
        Rule("ND30-DRAFTER-01", "error", "Ký hiệu người soạn thảo in hoa, số lượng bản phát hành bằng chữ số Ả Rập trong "
                                         "ngoặc đơn (ví dụ 'PL.(300)'), cỡ 11, đứng"),
        Rule("ND30-ADDR-01", "error", "Địa chỉ, điện thoại, email, website, fax: chỉ ở trang thứ nhất, cuối trang, chữ thường, "
                                      "cỡ 11–12, đứng, dưới một đường kẻ nét liền dài hết chiều ngang vùng trình bày"),
        Rule("ND30-MARK-01", "error", "Dấu độ mật (TUYỆT MẬT, TỐI MẬT, MẬT) ở ô 10a; dấu tài liệu thu hồi ở ô 11"),
        Rule("ND30-FINAL-01", "error", "Văn bản trình ký là bản cuối cùng: không còn thay đổi theo dõi (Track Changes) "
                                       "chưa chấp nhận, ghi chú (comment) hay tô màu đánh dấu"),
        Rule("ND30-MARK-03", "error", "Chỉ dẫn phạm vi lưu hành ('XEM XONG TRẢ LẠI', 'LƯU HÀNH NỘI BỘ'): in hoa, cỡ 13–14, "
                                      "đứng, đậm, canh giữa trong khung hình chữ nhật viền đơn"),
    ]
}

SOFT_CASES: dict[tuple[str, str], Severity] = {
    ("ND30-DATE-02", "month_zero"): "warning",  # nd30.md §3.4: "tháng 03" — the decree's examples omit the zero
    ("ND30-SO-03", "third_group"): "warning",  # nd30.md §3.3: KH-UBND-NN, a third group the decree does not describe
    ("ND30-SO-04", "upper_cased_abbreviation"): "warning",  # nd30.md ABBR-01: QYĐ, CTR, TTR for QyĐ, CTr, TTr
}
"""Cases the spec marks as warnings inside rules whose severity in RULES is "error":
(rule ID, case) → severity of a finding of that case."""


def severity(rule_id: str, case: str | None = None) -> Severity:
    """The severity of a finding of ``rule_id``: the rule's, or that of its soft ``case``."""
    if case is not None and (rule_id, case) in SOFT_CASES:
        return SOFT_CASES[(rule_id, case)]
    return RULES[rule_id].severity


@dataclass(frozen=True)
class ElementStyle:
    """How one element of a document must look: allowed sizes (pt), bold, italic, alignment.

    ``render`` is the value the engine writes; ``sizes`` is what a checker accepts.
    ``None`` for bold/italic means "not constrained".
    """

    rule: str
    sizes: tuple[float, ...]
    render: float
    bold: bool | None
    italic: bool | None
    align: Align
    upper: bool | None = None


# ND30 §3.15, profile "14" (Quốc hiệu 13, Tiêu ngữ 14, date 14: ND30-FONT-03).
ELEMENTS: dict[str, ElementStyle] = {
    "quoc_hieu": ElementStyle("ND30-QH-01", (12, 13), 13, True, False, "center", True),
    "tieu_ngu": ElementStyle("ND30-QH-02", (13, 14), 14, True, False, "center"),
    "co_quan_chu_quan": ElementStyle("ND30-CQ-02", (12, 13), 13, False, False, "center", True),
    "co_quan_ban_hanh": ElementStyle("ND30-CQ-02", (12, 13), 13, True, False, "center", True),
    "so_ky_hieu": ElementStyle("ND30-SO-04", (13,), 13, False, False, "center"),
    "dia_danh_ngay": ElementStyle("ND30-DATE-03", (13, 14), 14, False, True, "center"),
    "ten_loai": ElementStyle("ND30-TITLE-01", (13, 14), 14, True, False, "center", True),
    "trich_yeu": ElementStyle("ND30-TITLE-02", (13, 14), 14, True, False, "center"),
    "trich_yeu_cong_van": ElementStyle("ND30-TITLE-03", (12, 13), 13, False, False, "center"),
    "kem_theo": ElementStyle("ND30-APPX-03", (13, 14), 14, False, True, "center"),
    "tham_quyen": ElementStyle("ND30-TPL-QD-01", (13, 14), 14, True, False, "center", True),
    "can_cu": ElementStyle("ND30-BODY-01", (13, 14), 14, False, True, "justify"),
    "quyet_dinh_keyword": ElementStyle("ND30-STR-01", (13, 14), 14, True, False, "center", True),
    "body": ElementStyle("ND30-BODY-03", (13, 14), 14, False, False, "justify"),
    "muc": ElementStyle("ND30-BODY-06", (13, 14), 14, True, False, "justify", True),
    "khoan_title": ElementStyle("ND30-BODY-06", (13, 14), 14, True, False, "justify"),
    "diem_title": ElementStyle("ND30-BODY-06", (13, 14), 14, None, None, "justify"),
    "dieu": ElementStyle("ND30-BODY-05", (13, 14), 14, None, False, "justify"),
    "chuc_vu_ky": ElementStyle("ND30-SIGN-01", (13, 14), 14, True, False, "center", True),
    "ho_ten_ky": ElementStyle("ND30-SIGN-04", (13, 14), 14, True, False, "center"),
    "noi_nhan_label": ElementStyle("ND30-RECIP-03", (12,), 12, True, True, "left"),
    "noi_nhan_item": ElementStyle("ND30-RECIP-03", (11,), 11, False, False, "left"),
    "phu_luc_label": ElementStyle("ND30-APPX-02", (14,), 14, True, False, "center"),
    "phu_luc_title": ElementStyle("ND30-APPX-02", (13, 14), 14, True, False, "center", True),
    "page_number": ElementStyle("ND30-PAGE-04", (13, 14), 14, False, False, "center"),
    # "Kính gửi": normal case, roman; the decree says nothing of weight, so bold is not constrained.
    "kinh_gui": ElementStyle("ND30-RECIP-02", (13, 14), 14, None, False, "any"),
    "nguoi_soan_thao": ElementStyle("ND30-DRAFTER-01", (11,), 11, False, False, "left"),
    "dia_chi_lien_he": ElementStyle("ND30-ADDR-01", (11, 12), 11, False, False, "any"),
    "pham_vi_luu_hanh": ElementStyle("ND30-MARK-03", (13, 14), 14, True, False, "center", True),
}

# ND30-FONT-03: sizes rise and fall together. Quốc hiệu size → (Tiêu ngữ size, date size).
SIZE_PROFILES: dict[float, tuple[float, float]] = {13: (14, 14), 12: (13, 13)}

# ND30-PAGE-01 / PAGE-03, in twips (1 mm = 56.69 tw). The engine writes the narrowest
# margins of each range; the checker accepts the range with ±0.5 mm tolerance.
A4_TWIPS = (11906, 16838)
MM = 56.6929
MARGIN_RANGES_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
RENDER_MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
MARGIN_TOLERANCE_MM = 0.5
PAGE_SIZE_TOLERANCE_MM = 1.0  # ND30-PAGE-01: A4 within ±1 mm

# Times New Roman's single line is about 1.15 × the font size: converts exact/at-least line
# spacing (pt) into lines (ND30-BODY-03, QH-04).
SINGLE_LINE_FACTOR = 1.15

# ND30-BODY-03: first-line indent 1 cm or 1.27 cm; ≥ 6 pt between paragraphs; 1–1.5 lines.
BODY_FIRST_LINE_TWIPS = (567, 720)
BODY_RENDER_FIRST_LINE_TWIPS = 567
BODY_MIN_SPACING_PT = 6
BODY_LINE_AUTO_RANGE = (240, 360)  # w:spacing line with lineRule auto, 240 = single
BODY_RENDER_LINE = 264  # 1.1 lines

# ND30-QH-03 / CQ-03 / TITLE-02: length of the rule under a line of text, as a fraction of it.
RULE_UNDER_TIEU_NGU = (0.9, 1.1)
RULE_UNDER_ISSUER = (0.30, 0.53)
RULE_UNDER_TRICH_YEU = (0.30, 0.53)
RULE_ABOVE_CONTACT = (0.9, 1.1)  # ND30-ADDR-01: the line above the contact details spans the text width
RENDER_RULE_UNDER_ISSUER = 0.4
RENDER_RULE_UNDER_TRICH_YEU = 0.4

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
QUOC_HIEU_VARIANTS = (QUOC_HIEU, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
END_MARK = "./."


def rule(rule_id: str) -> Rule:
    """The rule with that ID (KeyError for an unknown ID, so a typo fails loudly)."""
    return RULES[rule_id]
