"""Template contexts of the OCOP forms: every string already worded and punctuated.

The score sheet (Phụ lục II "kiêm phiếu đánh giá") is flattened into table rows of a few kinds
(part, section, group, criterion, instruction, case, option, note, total), each with the text,
the points column and, when filled, the points given. A blank form prints dotted lines for the
values and empty boxes (☐); a filled one prints the values and ☒ in the ticked boxes.
"""
from __future__ import annotations

from typing import Any

from docxtpl import RichText

from ..model.forms import ProductInfo, ScoreSheet
from ..nd30 import formats
from ..nd30.formats import strip_end_punctuation
from ..ocop.criteria import criteria_set, product_class
from ..ocop.criteria_sets import CriteriaSet
from ..scoring import SheetSource, check_sheet, diem, score_files
from ..vi.dates import date_line, short_date
from ..vi.numbers import format_number
from .context import document_context
from .footnotes import marker

BOX_EMPTY = "☐"
BOX_TICKED = "☒"
DOTS = "…………………………………………………………"
SHORT_DOTS = "……………………"
STAR_MARK = {3: "***", 4: "****", 5: "*****"}
# The footnote printed under every set that has star marks (bộ 26 prints none; its marks need it too).
STAR_NOTE = "Ghi chú: Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao (*** - 3 sao; **** - 4 sao; ***** - 5 sao)"
CODE_NOTE = (
    "T: Mã tỉnh - X: Mã xã - STT: Số thứ tự sản phẩm do xã lập thống kê - Năm đánh giá. "
    "Mã đơn vị hành chính theo Quyết định số 19/2025/QĐ-TTg ngày 30/6/2025"
)


def box(ticked: bool) -> str:
    """A tick box as printed: ☒ when ticked, ☐ when not."""
    return BOX_TICKED if ticked else BOX_EMPTY


def value_or_dots(value, dots: str = DOTS) -> str:
    """The value, or dotted lines for the hand-filled form."""
    text = "" if value is None else str(value).strip()
    return text or dots


def _criterion_rich(title: str, code: str, notes: list[str]) -> RichText:
    rich = RichText()
    rich.add(f"{code}. {title}" if code else title, bold=True)
    for line in notes:
        rich.add("\n" + line, italic=True)
    return rich


def score_sheet_context(cs: CriteriaSet, member=None, sheet=None) -> dict:
    """The context of the criteria sheet of set ``cs``: blank, or filled from a checked sheet.

    ``member`` is a ``scoring.MemberScore`` (ticks already checked against the set); ``sheet`` a
    ``ScoreSheet`` without ticks, to print a product's header on an unticked sheet.
    """
    sheet = member.source.sheet if member is not None else sheet
    product = sheet.product if sheet else None
    points = member.points if member else {}
    options = member.options if member else {}
    filled = member is not None

    def score(value):
        return str(value) if filled else ""

    rows: list[dict] = []
    for part in cs.parts:
        part_total = sum(points.get(c.code, 0) for s in part.sections for c in s.criteria)
        rows.append({"kind": "part", "text": f"Phần {part.code}: {part.title} ({part.max_points} Điểm)", "max": part.max_points, "score": score(part_total)})
        for section in part.sections:
            section_total = sum(points.get(c.code, 0) for c in section.criteria)
            done_groups: set[str] = set()
            direct = section.direct
            if not direct:
                rows.append({"kind": "section", "text": f"{section.code}. {section.title}", "max": section.max_points, "score": score(section_total)})
                if section.description:
                    rows.append({"kind": "note", "text": section.description, "max": "", "score": ""})
            for c in section.criteria:
                if c.group and c.group not in done_groups:
                    done_groups.add(c.group)
                    g = section.group(c.group)
                    group_total = sum(points.get(x.code, 0) for x in section.criteria if x.group == g.code)
                    rows.append({"kind": "group", "text": f"{g.code}. {g.title}", "max": g.max_points, "score": score(group_total)})
                extra = [x for x in (c.description, c.requirement, c.condition) if x]
                rich = _criterion_rich(c.title, c.code if not direct else section.code, extra)
                rows.append({"kind": "criterion", "rich": rich, "text": f"{c.code}. {c.title}", "max": c.max_points, "score": score(points.get(c.code, ""))})
                if c.instruction:
                    rows.append({"kind": "note", "text": c.instruction, "max": "", "score": ""})
                case = None
                for number, option in enumerate(c.options, 1):
                    if option.case and option.case != case:
                        case = option.case
                        rows.append({"kind": "case", "text": case, "max": "", "score": ""})
                    ticked = options.get(c.code) == number
                    mark = STAR_MARK.get(option.min_stars or 0, "")
                    rows.append({
                        "kind": "option_ticked" if ticked else "option",
                        "text": f"{box(ticked)} {option.text}{mark}",
                        "max": option.points,
                        "score": "",
                    })
                for note in c.notes:
                    rows.append({"kind": "note", "text": note, "max": "", "score": ""})
    total = sum(points.values())
    rows.append({"kind": "total", "text": "TỔNG CỘNG", "max": cs.total, "score": score(total)})
    has_marks = any(o.min_stars for c in cs.criteria() for o in c.options)
    return {
        "set_heading": f"{cs.number}. Bộ sản phẩm: {cs.name}",
        "set_note": cs.heading_note or "",
        "basis_line": "(Phụ lục II kèm theo Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ)",
        "product_name": value_or_dots(product.name if product else None),
        "product_code": (product.code if product and product.code else "(T)-(X)-(STT)-20……"),
        "code_note": CODE_NOTE,
        "owner": value_or_dots(product.owner if product else None),
        "phone": value_or_dots(product.phone if product else None),
        "address": value_or_dots(product.address if product else None),
        "disqualification": cs.disqualification or "",
        "rows": rows,
        "star_note": (cs.star_note or STAR_NOTE) if has_marks else "",
        "comments": [sheet.comments] if sheet and sheet.comments else [DOTS * 2, DOTS * 2],
        "date_line": _sheet_date_line(sheet),
        "member": sheet.member if sheet and sheet.member else "",
        "total": score(total),
    }


def score_sheet_spec_context(sheet, file: str = "") -> dict:
    """The sheet of a ``ScoreSheet`` spec: ticked when it has ticks (checked: one per criterion)."""

    cs = criteria_set(sheet.bo)
    if not sheet.ticks:
        return score_sheet_context(cs, sheet=sheet)
    return score_sheet_context(cs, check_sheet(SheetSource(sheet, file or "phiếu đánh giá"), cs))


def blank_score_sheet_context(bo: int = 1) -> dict:
    """The blank sheet of criteria set ``bo`` (set 1 when not said: every set has the same fields)."""

    return score_sheet_context(criteria_set(bo))


def _sheet_date_line(sheet) -> str:
    if sheet is None or sheet.date is None:
        place = sheet.place if sheet and sheet.place else "……"
        return f"{place}, ngày …… tháng …… năm ……"
    return date_line(sheet.place or "……", sheet.date)


# --------------------------------------------------------------------------- Mẫu 01

REGISTRATION_KINDS = (("lần đầu", "Lần đầu"), ("nâng hạng", "Nâng hạng"), ("đánh giá lại", "Đánh giá lại"))
CATEGORY_FOOTNOTE = "Theo Phụ lục I về Danh mục phân loại sản phẩm tham gia đánh giá, phân hạng sản phẩm OCOP."
PLEDGE = (
    "Cam đoan những thông tin trong Phiếu đăng ký là đúng sự thật, chúng tôi xin cam kết tuân thủ các quy định về "
    "đánh giá, phân hạng sản phẩm OCOP, chịu trách nhiệm trước Hội đồng và pháp luật về Hồ sơ đăng ký đánh giá, "
    "phân hạng sản phẩm."
)
BLANK_DATE_LINE = "........, ngày........tháng........năm......"


def _form_date_line(place: str, on) -> str:
    if on is None:
        return f"{place}, ngày........tháng........năm......" if place else BLANK_DATE_LINE
    return date_line(place or "........", on)


def receipt_lines(receipt) -> dict:
    """The receipt part of Mẫu 01: "Phiếu số: 05/PĐK-42-18313-2026", date received, receiver."""

    if receipt is None or not (receipt.number or receipt.province_code or receipt.commune_code or receipt.year):
        number = "Phiếu số: ……-……. /PĐK- (Mã tỉnh) - (Mã xã) - (Năm)"
    else:
        parts = [receipt.province_code or "(Mã tỉnh)", receipt.commune_code or "(Mã xã)", str(receipt.year) if receipt.year else "(Năm)"]
        number = f"Phiếu số: {receipt.number or '……'}/PĐK-" + "-".join(parts)
    received = short_date(receipt.received_on) if receipt and receipt.received_on else SHORT_DOTS
    receiver = receipt.receiver if receipt and receipt.receiver else "……………………………"
    return {
        "number": number,
        "received": f"Ngày nhận: {received}",
        "receiver": f"Người tiếp nhận: {receiver}",
        "signature": "Chữ ký: ……………………",
        "agency": receipt.agency if receipt and receipt.agency else "",
    }


def registration_context(form=None) -> dict:
    """Mẫu số 01 (Phiếu đăng ký), filled from a ``Registration`` or blank (``None``)."""

    a = form.applicant if form else None
    if form is not None and form.bo is not None:
        category = product_class(form.bo).describe()
    else:
        category = form.category if form and form.category else ""
    chosen = form.registration if form else None
    boxes = "   ".join(f"{label}{':' if i else ''} {box(chosen == key)}" for i, (key, label) in enumerate(REGISTRATION_KINDS))
    return {
        "subtitle": f"của tỉnh {form.province} năm {form.year}" if form else "của tỉnh ……………. năm ……….",
        "unit_name": value_or_dots(a.name if a else None),
        "representative": value_or_dots(a.representative if a else None),
        "position": value_or_dots(a.position if a else None),
        "address": value_or_dots(a.address if a else None),
        "phone": value_or_dots(a.phone if a else None, SHORT_DOTS),
        "email": value_or_dots(a.email if a else None, SHORT_DOTS),
        "product_name": value_or_dots(form.product_name if form else None),
        "category_label": f"3. Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm{marker(1)}): ",
        "category": category or DOTS,
        "registration": f"4. Lần đăng ký đánh giá: {boxes}",
        "samples": value_or_dots(form.samples if form else None),
        "pledge": PLEDGE,
        "date_line": _form_date_line(form.place if form else "", form.date if form else None),
        "signer": form.signer if form else "",
        "commune_receipt": receipt_lines(form.commune_receipt if form else None),
        "province_receipt": receipt_lines(form.province_receipt if form else None),
        "footnotes": {1: CATEGORY_FOOTNOTE},
    }


# --------------------------------------------------------------------------- Mẫu 02

# Phần III, the guide to the evidence documents ("TT | Nội dung | Yêu cầu"), as in the decree.
EVIDENCE_ROWS: tuple[tuple[str, str], ...] = (
    ("Giấy đăng ký kinh doanh", "Bản sao chứng minh hoạt động kinh doanh hợp pháp (đối với các đơn vị/cá nhân có đăng ký kinh doanh)"),
    ("Giấy chứng nhận cơ sở đủ điều kiện sản xuất", "Bản sao (đối với sản phẩm cần phải có giấy chứng nhận theo quy định hiện hành)"),
    ("Nguồn gốc nguyên liệu, vùng nguyên liệu, liên kết chuỗi",
     "Bản sao tài liệu: Giấy xác nhận an toàn thực phẩm đối với vùng nguyên liệu, hợp đồng mua bán/hợp đồng nguyên tắc, "
     "thỏa thuận liên kết, thanh lý hợp đồng, hóa đơn chứng từ hợp lệ... chứng minh nguồn gốc nguyên liệu, liên kết chuỗi."),
    ("Bảo vệ môi trường, sử dụng công nghệ theo hướng bền vững",
     "Bản sao hồ sơ, thủ tục về môi trường theo quy định; hình ảnh minh chứng về thực hiện giải pháp bảo vệ môi trường; "
     "hình ảnh, mô tả công nghệ sử dụng theo hướng bền vững."),
    ("Sử dụng lao động địa phương", "Danh sách lao động đóng bảo hiểm có xác nhận của chủ thể, bao gồm cả nơi thường trú."),
    ("Tăng trưởng sản xuất kinh doanh",
     "- Bản sao Tài liệu minh chứng kết quả phân loại hợp tác xã hoặc báo cáo tài chính 2 năm gần nhất.\n"
     "- Bản sao Báo cáo tài chính của chủ thể 2 năm gần nhất."),
    ("Sở hữu trí tuệ",
     "Minh chứng thể hiện Đơn đăng ký nhãn hiệu đã được cơ quan có thẩm quyền chấp nhận hoặc công bố.\n"
     "Bản sao Giấy chứng nhận đăng ký nhãn hiệu; văn bằng ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, "
     "nhãn hiệu chứng nhận; Bằng sáng chế, Bằng độc quyền kiểu dáng công nghiệp,..."),
    ("Phát triển thị trường, hoạt động quảng bá, xúc tiến thương mại",
     "Bản sao tài liệu: Hợp đồng, cam kết, ký gửi, đặt hàng, biên nhận, hóa đơn, chứng từ để minh chứng xác nhận về "
     "phân phối sản phẩm, xuất khẩu sản phẩm, hoạt động xúc tiến thương mại..."),
    ("Quảng bá sản phẩm", "Tài liệu minh chứng về website, hoạt động quảng bá."),
    ("Câu chuyện về sản phẩm", "Bản sao tờ rơi, hình ảnh, phim, ghi âm... minh chứng về câu chuyện của sản phẩm"),
    ("Công bố chất lượng sản phẩm", "Bản sao tài liệu, chứng minh chất lượng sản phẩm được công bố"),
    ("Phiếu kết quả kiểm nghiệm chỉ tiêu chất lượng, an toàn thực phẩm theo tiêu chuẩn công bố",
     "Bản sao tài liệu chứng minh đạt tiêu chuẩn chất lượng, an toàn thực phẩm."),
    ("Mã số mã vạch, tem truy xuất nguồn gốc,", "Bản sao tài liệu, chứng minh mã, tem, sở hữu thương hiệu..."),
    ("Hệ thống quản lý chất lượng tiên tiến, kiểm soát chất lượng",
     "Bản sao tài liệu: chứng nhận Hệ thống quản lý chất lượng tiên tiến, chứng minh hệ thống quản lý đạt tiêu chuẩn"),
    ("Giải thưởng của sản phẩm, bình chọn của các tổ chức uy tín trong nước và quốc tế...",
     "Bản sao tài liệu, minh chứng về các thành tích, giải thưởng, bình chọn..."),
)
PART2_GUIDE = [
    "Nội dung yêu cầu: Đánh giá kết quả triển khai phương án sản xuất, kinh doanh của chủ thể theo Phương án sản xuất, "
    "kinh doanh khi tham gia OCOP.",
    "Lưu ý: trình bày rõ một số nội dung sau:",
    "- Tổ chức vùng nguyên liệu, công nghệ sản xuất, sơ chế, chế biến, đóng gói sản phẩm của chủ thể.",
    "- Sự thay đổi về chất lượng sản phẩm: chất lượng, tiêu chuẩn chất lượng, bao bì, nhãn mác, hình thức đóng gói,...",
    "- Thị trường phân phối sản phẩm.",
    "- Kết quả sản xuất, kinh doanh: doanh thu, lợi nhuận.",
]
PART3_GUIDE = [
    "- Căn cứ vào Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP tương ứng với sản phẩm đăng ký, chủ thể tự đánh giá về "
    "kết quả (điểm số) có thể đạt theo thứ tự từng tiêu chí.",
    "- Mô tả, chứng minh về kết quả tương ứng (mô tả, tài liệu minh chứng cho nội dung mô tả, được sắp xếp theo thứ tự "
    "các chỉ tiêu trong Bộ tiêu chí).",
    "- Tài liệu minh chứng kèm theo vào phụ lục của Báo cáo, tham khảo hướng dẫn theo bảng dưới đây:",
]
RE_EVALUATION_NOTE = (
    "Đối với sản phẩm đăng ký đánh giá, phân hạng lại: cần rà soát, cập nhật những nội dung mới và đánh giá về những "
    "thay đổi, kết quả đạt được sau 3 năm được công nhận OCOP: về nguyên liệu, công nghệ sử dụng, bao bì, nhãn mác, "
    "công bố chất lượng, thị trường tiêu thụ, sản lượng, doanh thu; bổ sung các giấy tờ minh chứng pháp lý có thời hạn;...."
)
PART4_GUIDE = "Trình bày những định hướng, kế hoạch của chủ sở hữu trong thời gian tới về phát triển sản phẩm, tổ chức sản xuất, thị trường."


def _lines_or_dots(lines: list[str] | None, count: int = 2) -> list[str]:
    return list(lines) if lines else [DOTS * 2] * count


def self_assessment_context(form=None) -> dict:
    """Mẫu số 02 (Báo cáo tự đánh giá), filled from a ``SelfAssessment`` or blank (``None``).

    Filled, Phần III lists the criteria of the product's set with the owner's self-score (the
    ticks are checked like a council sheet: one per criterion) and the evidence described.
    """
    f = form
    rep = f.representative if f else None
    ip = f.ip if f else None
    ticks = [
        ("a) Giấy đăng ký kinh doanh:", f.business_registration if f else False),
        ("b) Đã công bố chất lượng sản phẩm theo quy định:", f.quality_declared if f else False),
    ]
    conditions = [
        ("- Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm theo quy định của pháp luật cho sản xuất sản phẩm:",
         f.food_safety_certificate if f else False),
        ("- Giấy chứng nhận cơ sở đủ điều kiện sản xuất bắt buộc theo quy định cho sản phẩm (đối với các sản phẩm bắt buộc theo quy định)",
         f.production_certificate if f else False),
    ]
    ip_lines = [
        ("+ Giấy chứng nhận đăng ký nhãn hiệu:", ip.trademark if ip else False),
        ("+ Văn bản ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận:", ip.collective_rights if ip else False),
        ("+ Bằng sáng chế", ip.patent if ip else False),
        ("+ Bằng độc quyền kiểu dáng công nghiệp:", ip.industrial_design if ip else False),
        ("+ Giấy chứng nhận bản quyền tác giả", ip.copyright if ip else False),
    ]
    other = f"+ Khác (ghi rõ): {ip.other} {box(True)}" if ip and ip.other else f"+ Khác (ghi rõ): {box(False)}"
    evaluation: list[dict] = []
    self_total = ""
    set_line = ""
    if f is not None and f.self_ticks:
        cs = criteria_set(f.bo)
        sheet = ScoreSheet(bo=f.bo, product=ProductInfo(name=f.product_name, owner=f.owner), ticks=f.self_ticks)
        scored = check_sheet(SheetSource(sheet, "self_ticks"), cs)
        for c in cs.criteria():
            evaluation.append({
                "code": c.code, "title": c.title, "max": c.max_points, "points": scored.points[c.code],
                "evidence": f.evidence.get(c.code, ""),
            })
        self_total = str(scored.total)
        set_line = f"Bộ tiêu chí áp dụng: {cs.number}. Bộ sản phẩm: {cs.name}. Tổng điểm tự đánh giá: {scored.total}/100 điểm."
    documents = set(f.documents) if f else set()
    return {
        "owner": value_or_dots(f.owner if f else None),
        "organisation_type": value_or_dots(f.organisation_type if f else None),
        "address": value_or_dots(f.address if f else None),
        "phone": value_or_dots(f.phone if f else None, SHORT_DOTS),
        "email": value_or_dots(f.email if f else None, SHORT_DOTS),
        "rep_name": value_or_dots(rep.name if rep else None),
        "rep_gender": (rep.gender if rep and rep.gender else "…………………"),
        "rep_ethnicity": value_or_dots(rep.ethnicity if rep else None, SHORT_DOTS),
        "rep_residence": value_or_dots(rep.residence if rep else None),
        "founded": value_or_dots(f.founded if f else None, SHORT_DOTS),
        "registration_number": value_or_dots(f.registration_number if f else None, SHORT_DOTS),
        "product": _lines_or_dots([f.product] if f else None),
        "ticks": [f"{label} {box(on)}" for label, on in ticks],
        "conditions": [f"{label} {box(on)}" for label, on in conditions],
        "ip_head": f"d) Đã có đăng ký sở hữu trí tuệ: {box(bool(ip and ip.any))}",
        "ip_lines": [f"{label} {box(on)}" for label, on in ip_lines] + [other],
        "history": _lines_or_dots(f.history if f else None),
        "organisation": _lines_or_dots(f.organisation if f else None, 1),
        "part2_guide": [] if f and f.results else PART2_GUIDE,
        "results": list(f.results) if f and f.results else [],
        "part3_guide": PART3_GUIDE,
        "set_line": set_line,
        "evaluation": evaluation,
        "self_total": self_total,
        "evidence_rows": [
            {"tt": str(i), "content": content, "requirement": requirement.split("\n"), "attached": box(i in documents)}
            for i, (content, requirement) in enumerate(EVIDENCE_ROWS, 1)
        ],
        "re_evaluation_note": RE_EVALUATION_NOTE,
        "changes": list(f.changes) if f else [],
        "part4_guide": [] if f and f.plan else [PART4_GUIDE],
        "plan": list(f.plan) if f and f.plan else ([] if f else [DOTS * 2, DOTS * 2]),
        "date_line": _form_date_line(f.place if f else "", f.date if f else None),
        "signer": f.signer if f else "",
    }


# --------------------------------------------------------------------------- Mẫu 03

COMMUNE_ITEMS = (
    ("raw_materials", "1. Về sử dụng nguyên liệu địa phương:",
     "(Nội dung thể hiện rõ mô tả của chủ thể và đánh giá về tình hình sử dụng nguyên liệu thực tế của chủ thể trên địa bàn xã)."),
    ("labour", "2. Về sử dụng lao động địa phương:",
     "(Nội dung thể hiện rõ mô tả của chủ thể và đánh giá về tình hình sử dụng thực tế về lao động địa phương của chủ thể trên địa bàn xã)."),
    ("idea_origin", "3. Nguồn gốc ý tưởng sản phẩm:",
     "(Nhận xét về nguồn gốc sản phẩm (truyền thống, sản phẩm mới) của chủ thể dựa trên thực tế của địa phương)."),
    ("local_identity", "4. Bản sắc/trí tuệ địa phương:",
     "Đánh giá các giá trị văn hóa, tri thức bản địa (giống, nguyên liệu, điều kiện sản xuất), kinh nghiệm sản xuất của cộng đồng "
     "và phương thức sản xuất đặc trưng của địa phương, tạo nên sự khác biệt của sản phẩm)."),
)


def commune_report_context(report=None) -> dict:
    """Mẫu số 03 (Báo cáo của UBND cấp xã), from a ``CommuneReport`` (ND30 header, Mẫu 1.4) or blank."""

    r = report
    body: list[dict] = [{"kind": "h1", "text": "I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM"}]
    rep = r.representative if r else None
    fields = [
        f"1. Tên chủ thể: {value_or_dots(r.owner if r else None)}",
        f"2. Loại hình tổ chức: {value_or_dots(r.organisation_type if r else None)}",
        f"3. Địa chỉ: {value_or_dots(r.address if r else None)}",
        "4. Tên người đại diện pháp luật:",
        f"- Họ tên: {value_or_dots(rep.name if rep else None)}",
        f"- Giới tính: {rep.gender if rep and rep.gender else '…………………'} (Nam/nữ); Dân tộc: {value_or_dots(rep.ethnicity if rep else None, SHORT_DOTS)}",
        f"- Địa chỉ thường trú: {value_or_dots(rep.residence if rep else None)}",
        f"5. Sản phẩm đăng ký đánh giá: {value_or_dots(r.product_name if r else None)}",
    ]
    body += [{"kind": "p" if r else "field", "text": t} for t in fields]
    body.append({"kind": "h1", "text": "II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG CỦA HỒ SƠ SẢN PHẨM"})
    for key, label, guide in COMMUNE_ITEMS:
        body.append({"kind": "h2", "text": label})
        if r is None:
            body.append({"kind": "note", "text": guide})
            body.append({"kind": "field", "text": DOTS * 2})
        else:
            body += [{"kind": "p", "text": t} for t in getattr(r, key)]
    if r is None:
        closing = "Ủy ban nhân dân xã.... đề nghị Ủy ban nhân dân tỉnh.... đánh giá, phân hạng sản phẩm OCOP cho sản phẩm.... của ……."
        context: dict[str, Any] = {
            "issuer_parent": "",
            "issuer_lines": ["ỦY BAN NHÂN DÂN", "XÃ/PHƯỜNG…"],
            "so_ky_hieu": "Số:      /BC-UBND",
            "date_line": formats.date_line("……", None, None),
            "type_name": "BÁO CÁO",
            "title": "Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP",
            "signer_lines": ["TM. ỦY BAN NHÂN DÂN XÃ…", "(Ký tên và đóng dấu)"],
            "signer_name": "",
            "recipients": ["- Ủy ban nhân dân tỉnh……;", "- Lưu: VT."],
        }
    else:
        closing = (
            f"Ủy ban nhân dân {r.commune_word} {r.commune} đề nghị Ủy ban nhân dân tỉnh {r.province} đánh giá, "
            f"phân hạng sản phẩm OCOP cho sản phẩm {r.product_name} của {r.owner}"
        )
        context = document_context(r)
    body.append({"kind": "p", "text": formats.with_end_mark(closing)})
    context["body"] = body
    return context


# --------------------------------------------------------------------------- công văn (Mẫu 1.5)

REGISTRATION_LABEL = {"lần đầu": "Đánh giá lần đầu", "nâng hạng": "Nâng hạng", "đánh giá lại": "Đánh giá lại"}
TOURISM_SET = 26  # Điều 6.2.d: no product samples for the tourism-service group


def kinh_gui_lines(addressees: list[str]) -> list[dict]:
    """ô 9a (ND30-RECIP-02): one addressee on the "Kính gửi:" line; several on "- X;" lines, last ".".

    Each item is {kind: "single"|"label"|"item", text}.
    """

    names = [strip_end_punctuation(a) for a in addressees]
    if len(names) == 1:
        return [{"kind": "single", "text": f"Kính gửi: {names[0]}."}]
    lines = [{"kind": "label", "text": "Kính gửi:"}]
    lines += [{"kind": "item", "text": f"- {n}{'.' if i == len(names) - 1 else ';'}"} for i, n in enumerate(names)]
    return lines


def proposal_letter_context(letter) -> dict:
    """The commune's công văn proposing products to UBND tỉnh (ND30 Mẫu 1.5; QĐ 26/2026 Điều 6.2, 7.2)."""

    context = document_context(letter)
    n = len(letter.products)
    count = f"{n:02d}"
    round_text = f" {letter.round}" if letter.round else ""
    body = list(letter.body) or [
        f"Ủy ban nhân dân {letter.commune} đã tiếp nhận, kiểm tra hồ sơ đăng ký đánh giá, phân hạng sản phẩm "
        f"OCOP{round_text} của các chủ thể trên địa bàn và đánh giá một số nội dung của hồ sơ theo quy định tại "
        "Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình "
        "đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm"
        + (f" ({'; '.join(letter.reports)})" if letter.reports else "") + ".",
        f"Ủy ban nhân dân {letter.commune} đề nghị Ủy ban nhân dân {letter.province} tổ chức đánh giá, phân hạng "
        f"{count} sản phẩm OCOP{round_text}, cụ thể như sau:",
    ]
    rows = []
    for i, p in enumerate(letter.products, 1):
        cs = criteria_set(p.bo)
        rows.append({
            "stt": str(i), "name": p.name, "owner": p.owner, "group": f"{cs.number}. {cs.name}",
            "kind": REGISTRATION_LABEL[p.registration], "note": p.note,
        })
    samples = all(p.bo != TOURISM_SET for p in letter.products)
    attach = (
        "Hồ sơ gửi kèm theo: mỗi sản phẩm 01 bộ hồ sơ bản giấy và 01 bộ hồ sơ bản điện tử, gồm Phiếu đăng ký đánh giá, "
        "phân hạng sản phẩm OCOP (Mẫu số 01), Báo cáo tự đánh giá về sản phẩm (Mẫu số 02) và Báo cáo đánh giá một số "
        "nội dung của hồ sơ đăng ký của Ủy ban nhân dân cấp xã (Mẫu số 03)"
    )
    if samples:
        attach += "; 05 sản phẩm mẫu của mỗi sản phẩm"
    else:
        attach += "; 05 sản phẩm mẫu của mỗi sản phẩm (trừ sản phẩm thuộc nhóm dịch vụ du lịch)"
    closing = letter.closing.replace("{xa}", letter.commune).replace("{tinh}", letter.province)
    recipients = list(letter.recipients)
    if not recipients or formats.strip_end_punctuation(recipients[0].lstrip("- ")) != "Như trên":
        recipients = ["Như trên"] + recipients  # ND30-RECIP-01: a công văn's Nơi nhận starts "- Như trên;"
    context.update({
        "vv": f"V/v {letter.title}",
        "kinh_gui": kinh_gui_lines(letter.addressees),
        "body": body,
        "rows": rows,
        "after": [attach + ".", formats.with_end_mark(closing)],
        "recipients": formats.recipient_lines(recipients, letter.archive),
        "product_count": format_number(n),
    })
    return context


# --------------------------------------------------------------------------- biên bản (Mẫu 1.9)


def _minutes_products(minutes):
    """(rows for the table, explanation lines) from the sheets (scored) or the typed results."""

    rows, notes = [], []
    results = score_files(minutes.sheets) if minutes.sheets else []
    for r in results:
        rows.append({
            "name": r.product.name, "owner": r.product.owner, "group": f"{r.criteria_set.number}. {r.criteria_set.name}",
            "sheets": str(len(r.members)), "score": diem(r.average), "stars": f"{r.stars} sao", "_stars": r.stars,
            "_score": r.average,
        })
        if r.stars < r.band_stars:
            held = [s for level in range(3, r.stars + 2) for s in r.shortfalls.get(level, [])]
            notes.append(
                f"Sản phẩm {r.product.name} có điểm trung bình {diem(r.average)} điểm (khung hạng {r.band_stars} sao) "
                f"nhưng chưa đáp ứng yêu cầu tối thiểu hạng {r.stars + 1} sao ở tiêu chí "
                + "; ".join(f"{s.criterion.code} {s.criterion.title}" for s in held)
                + f", nên Hội đồng đề xuất hạng {r.stars} sao."
            )
    for p in minutes.products:
        cs = criteria_set(p.bo)
        rows.append({
            "name": p.name, "owner": p.owner, "group": f"{cs.number}. {cs.name}", "sheets": "",
            "score": diem(p.score), "stars": f"{p.stars} sao", "_stars": p.stars, "_score": p.score,
        })
    for i, row in enumerate(rows, 1):
        row["stt"] = str(i)
    return rows, notes


def council_minutes_context(minutes) -> dict:
    """The council's minutes (ND30 Mẫu 1.9): time, place, who attended, each product's average and star."""

    rows, notes = _minutes_products(minutes)
    members = minutes.members
    chair = minutes.chair or minutes.role_holder("Chủ tịch Hội đồng")
    secretary = minutes.secretary or minutes.role_holder("Ủy viên kiêm Thư ký")

    def who(name: str) -> str:
        for m in members:
            if m.name == name:
                return f"{m.person()} - {m.role}"
        return name

    attendance = [f"{i}. {m.person()} - {m.role};" for i, m in enumerate(members, 1)]
    attendance[-1] = attendance[-1][:-1] + "."
    by_star: dict[int, int] = {}
    for row in rows:
        by_star[row["_stars"]] = by_star.get(row["_stars"], 0) + 1
    summary = ", ".join(f"{format_number(c).zfill(2)} sản phẩm đạt {s} sao" for s, c in sorted(by_star.items(), reverse=True))
    recognised = [r for r in rows if r["_stars"] in (3, 4)]
    national = [r for r in rows if r["_stars"] == 5]
    proposals = []
    if recognised:
        proposals.append(
            f"Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh công nhận và cấp giấy chứng nhận cho "
            f"{len(recognised):02d} sản phẩm đạt từ 3 sao đến 4 sao (Điều 7.3 Quyết định số 26/2026/QĐ-TTg)."
        )
    if national:
        proposals.append(
            f"{len(national):02d} sản phẩm đạt từ 90 điểm trở lên được đề nghị gửi hồ sơ về Bộ Nông nghiệp và Môi trường "
            "để đánh giá, phân hạng cấp trung ương."
        )
    below = [r for r in rows if r["_stars"] < 3]
    if below:
        proposals.append(
            f"{len(below):02d} sản phẩm dưới 3 sao không được công nhận; Hội đồng đề nghị chủ thể tiếp tục hoàn thiện sản phẩm."
        )
    recipients = formats.recipient_lines(list(minutes.recipients), minutes.archive)
    context = {
        "issuer_parent": minutes.issuer.parent.upper() if minutes.issuer.parent else "",
        "issuer_lines": minutes.issuer.header_lines(),
        "so_ky_hieu": formats.so_ky_hieu(minutes.number, minutes.effective_symbol),
        "type_name": "BIÊN BẢN",
        "title": minutes.title,
        "start": f"Thời gian bắt đầu: {formats.strip_end_punctuation(minutes.start)}.",
        "location": f"Địa điểm: {formats.strip_end_punctuation(minutes.location)}.",
        "attendance_head": f"Thành phần tham dự: thành viên Hội đồng có mặt {len(members):02d} người, gồm:",
        "attendance": attendance,
        "absent": [f"Vắng mặt: {'; '.join(minutes.absent)}."] if minutes.absent else [],
        "guests": [f"Khách mời: {'; '.join(minutes.guests)}."] if minutes.guests else [],
        "chair": f"Chủ trì (chủ tọa): {who(chair)}." if chair else "Chủ trì (chủ tọa): ……………………",
        "secretary": f"Thư ký (người ghi biên bản): {who(secretary)}." if secretary else "Thư ký (người ghi biên bản): ……………………",
        "content": list(minutes.content),
        "result_head": f"Kết quả đánh giá, phân hạng {len(rows):02d} sản phẩm (điểm trung bình của các phiếu đánh giá, làm tròn đến hai chữ số thập phân):",
        "rows": rows,
        "summary": f"Tổng hợp: {summary}." if summary else "",
        "notes": notes,
        "proposals": proposals,
        "conclusions": list(minutes.conclusions),
        "end": f"Cuộc họp kết thúc vào {formats.strip_end_punctuation(minutes.end)}./.",
        "secretary_name": secretary,
        "chair_name": chair,
        "recipients": recipients,
    }
    return context
