"""The mistakes an OCOP officer makes in the data files of every kind, through the real commands.

Each case breaks a sample the way a person editing it in Notepad or Word does (an unquoted
"Giám đốc các sở: …", a Tab, a value not in the list, a field left out or misspelt, 31/02/2026,
a list where one line is expected, "Như Điều 3" pointing at the wrong article, 14,000,000 inside
{…}, a BOM, a file saved as Windows-1258 or UTF-16, CRLF line ends, an empty file, JSON…) and
asserts what the officer reads: the whole message in Vietnamese only (no words of the YAML, JSON
or validation libraries, no rule codes), the exact line and column of the file (row and column
letter of a sheet), the allowed values joined with "hoặc", the README's exit code and no file
written. Cases that must work (BOM, CRLF, UTF-16, JSON) render.
"""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
import yaml
from click.testing import CliRunner

from english import english_leaks
from specs import PLAN
from testpaths import SAMPLES
from ocop_docs.cli import main


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Mistake:
    id: str
    command: str  # render | score | form KIND | certificates | table | rollforward
    base: str  # a sample path under ocop_docs/samples/, or "PLAN" (tests/specs.py)
    edit: Callable[[str], str | bytes]
    message: str  # the problem as printed, "dòng L, cột C" included ("" for a file that must work as it is)
    code: int = 2
    name: str = "du-lieu.yaml"

    def data(self) -> str | bytes:
        text = PLAN if self.base == "PLAN" else sample(self.base)
        return self.edit(text)


def sub(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, f"the sample no longer holds {old!r}"
        return text.replace(old, new, count)
    return edit


def drop_line(start: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        lines = text.splitlines(keepends=True)
        kept = [line for line in lines if not line.startswith(start)]
        assert len(kept) == len(lines) - 1, start
        return "".join(kept)
    return edit


COUNCIL = "decisions/ben-cau-2024-hoi-dong.yaml"
RECOGNITION = "decisions/ha-tinh-2026-cong-nhan-dot-1.yaml"
PLAN_DECISION = "decisions/quang-nam-2020.yaml"
DECISION = "decisions/kien-giang-2020-phe-duyet-de-an.yaml"
SHEET = "forms/phieu-cam-vu-quang-an.yaml"
ISSUER = "certificates/ha-tinh-2026-dot-2.yaml"
RESULTS = "certificates/ha-tinh-2026-ket-qua-dot-2.csv"

MISTAKES = [
    # ---- ke-hoach (render)
    Mistake("tab-indent", "render", "PLAN", sub("place: Vũ Quang", "place: Vũ Quang\n\tyear: 2026"),
            "dòng 4, cột 1 của tệp: lỗi cú pháp YAML: có ký tự Tab ở đầu dòng; YAML chỉ dùng dấu cách để thụt lề: hãy thay Tab bằng dấu cách"),
    Mistake("colon-in-title", "render", "PLAN", sub('title: "Triển khai Chương trình OCOP năm 2026"',
                                                  "title: Kế hoạch: triển khai OCOP năm 2026"),
            'dòng 6, cột 16 của tệp: lỗi cú pháp YAML: dấu hai chấm ở đây nằm trong một giá trị không đặt trong dấu ngoặc kép, nên YAML hiểu nhầm phần trước nó là tên trường; hãy đặt giá trị trong dấu ngoặc kép, ví dụ: title: "Kế hoạch: triển khai OCOP năm 2026"'),
    Mistake("giam-doc-cac-so", "render", "PLAN", sub('  - "UBND tỉnh"', "  - Giám đốc các sở: Nông nghiệp, Tài chính"),
            "trường 'recipients[0]', dòng 16, cột 20 của tệp: dấu hai chấm ở đây nằm trong một giá trị không đặt trong dấu ngoặc kép, nên YAML hiểu nhầm phần trước nó là tên trường; hãy đặt giá trị trong dấu ngoặc kép, ví dụ: - \"Giám đốc các sở: Nông nghiệp, Tài chính\""),
    Mistake("level-not-in-list", "render", "PLAN", sub("level: xa", "level: phuong"),
            "trường 'issuer.level', dòng 2, cột 47 của tệp: giá trị 'phuong' không hợp lệ; chấp nhận: 'trung_uong' (trung ương), 'tinh' (tỉnh), 'huyen' (huyện), 'xa' (xã), 'so' (sở, ngành) hoặc 'khac' (khác)"),
    Mistake("title-left-out", "render", "PLAN", drop_line("title:"),
            "trường 'title': thiếu trường bắt buộc (Trích yếu nội dung)"),
    Mistake("date-31-02", "render", "PLAN", sub("date: 2026-03-05", "date: 31/02/2026"),
            "trường 'date', dòng 4, cột 1 của tệp: Ngày không hợp lệ: '31/02/2026' (tháng 2 năm 2026 chỉ có 28 ngày)"),
    Mistake("date-month-13", "render", "PLAN", sub("date: 2026-03-05", "date: 2026-13-05"),
            "trường 'date', dòng 4, cột 1 của tệp: Ngày không hợp lệ: '2026-13-05' (không có tháng 13; tháng từ 1 đến 12)"),
    Mistake("list-for-title", "render", "PLAN", sub('title: "Triển khai Chương trình OCOP năm 2026"',
                                                  "title:\n  - Triển khai\n  - OCOP"),
            "trường 'title', dòng 6, cột 1 của tệp: phải là một dòng chữ, không phải một danh sách (đang là ['Triển khai', 'OCOP'])"),
    Mistake("group-for-place", "render", "PLAN", sub("place: Vũ Quang", "place:\n  xa: Vũ Quang"),
            "trường 'place', dòng 3, cột 1 của tệp: phải là một dòng chữ, không phải một nhóm trường (đang là {xa: 'Vũ Quang'})"),
    Mistake("amount-commas-in-braces", "render", "PLAN", sub("amount: 14000000", "amount: 14,000,000"),
            "trường 'body[0].content[1].content[0].budget.lines[0].amount', dòng 13, cột 57 của tệp: số '14,000,000' có dấu phẩy; trong dấu {…} dấu phẩy ngăn cách các trường nên YAML tách số này thành nhiều trường; hãy viết số liền, không dấu phân cách: amount: 14000000"),
    Mistake("amount-in-words", "render", "PLAN", sub("amount: 14000000", "amount: 14 triệu"),
            "trường 'body[0].content[1].content[0].budget.lines[0].amount', dòng 13, cột 49 của tệp: Không đọc được số: '14 triệu'"),
    Mistake("amount-negative", "render", "PLAN", sub("amount: 14000000", "amount: -5"),
            "trường 'body[0].content[1].content[0].budget.lines[0].amount', dòng 13, cột 49 của tệp: phải lớn hơn hoặc bằng 0 (đang là -5)"),
    Mistake("amount-true", "render", "PLAN", sub("amount: 14000000", "amount: true"),
            "trường 'body[0].content[1].content[0].budget.lines[0].amount', dòng 13, cột 49 của tệp: phải là một số, không phải giá trị đúng/sai (true)"),
    Mistake("year-in-words", "render", "PLAN", sub("year: 2026", "year: hai nghìn"),
            "trường 'year', dòng 5, cột 1 của tệp: phải là số nguyên (đang là 'hai nghìn')"),
    Mistake("year-decimal", "render", "PLAN", sub("year: 2026", "year: 2026.5"),
            "trường 'year', dòng 5, cột 1 của tệp: phải là số nguyên, nhưng YAML đọc giá trị này là số thập phân 2.026,5 (dấu chấm là dấu thập phân)"),
    Mistake("field-name-typo", "render", "PLAN", sub('title: "', 'titel: "'),
            "trường 'titel', dòng 6, cột 1 của tệp: không có trường này; có phải định viết 'title'?"),
    Mistake("nested-field-typo", "render", "PLAN", sub("level: xa", "levl: xa"),
            "trường 'issuer.levl', dòng 2, cột 47 của tệp: không có trường này; có phải định viết 'level'?"),
    Mistake("key-written-twice", "render", "PLAN", sub("year: 2026\n", "year: 2026\nyear: 2027\n"),
            "trường 'year', dòng 6, cột 1 của tệp: được ghi hai lần (dòng 5 và dòng 6); xóa một trong hai dòng"),
    Mistake("unclosed-quote", "render", "PLAN", sub('title: "Triển khai Chương trình OCOP năm 2026"',
                                                  'title: "Triển khai Chương trình'),
            'dòng 6, cột 8 của tệp: lỗi cú pháp YAML: dấu ngoặc kép " mở ở đây chưa được đóng trên cùng dòng'),
    Mistake("unclosed-list", "render", "PLAN", sub('recipients:\n  - "UBND tỉnh"', 'recipients: ["UBND tỉnh"'),
            "dòng 16, cột 3 của tệp: lỗi cú pháp YAML: danh sách mở bằng '[' chưa được đóng bằng ']' (hoặc thiếu dấu phẩy giữa các mục) (phần bắt đầu từ dòng 15)"),
    Mistake("kind-misspelt", "render", "PLAN", sub("kind: plan", "kind: ke-hoac"),
            "trường 'kind', dòng 1, cột 1 của tệp: loại tài liệu 'ke-hoac' không được hỗ trợ; có phải 'ke-hoach'? chấp nhận: ke-hoach, quyet-dinh-ban-hanh-ke-hoach, quyet-dinh-hoi-dong, quyet-dinh-cong-nhan, quyet-dinh, mau-01, mau-02, mau-03, phieu-danh-gia, cong-van-de-nghi hoặc bien-ban"),
    Mistake("kind-left-out", "render", "PLAN", drop_line("kind:"),
            "trường 'kind': thiếu trường 'kind' (loại tài liệu: ke-hoach, quyet-dinh-ban-hanh-ke-hoach, quyet-dinh-hoi-dong, quyet-dinh-cong-nhan, quyet-dinh, mau-01, mau-02, mau-03, phieu-danh-gia, cong-van-de-nghi hoặc bien-ban)"),
    Mistake("windows-1258", "render", "PLAN", lambda t: t.encode("cp1258", errors="replace"),
            "dòng 2, cột 26 của tệp: tệp không phải mã UTF-8 (byte 0xE2 không đọc được); tệp có lẽ được lưu bằng bảng mã Windows-1258 (ANSI) hoặc TCVN3; hãy mở tệp và lưu lại với mã UTF-8 (Notepad: Lưu thành… → Mã hóa: UTF-8)"),
    Mistake("empty-file", "render", "PLAN", lambda t: "", "tệp rỗng: chưa có trường nào (tạo tệp ban đầu bằng 'ocop-docs new LOẠI -o tệp.yaml')"),
    Mistake("only-comments", "render", "PLAN", lambda t: "# kế hoạch năm 2026\n", "tệp rỗng: chưa có trường nào (tạo tệp ban đầu bằng 'ocop-docs new LOẠI -o tệp.yaml')"),
    Mistake("bad-json", "render", "PLAN", lambda t: '{"kind": "plan",\n "year": 2026,\n}', "dòng 3, cột 1 của tệp: JSON sai cú pháp: tên trường phải đặt trong dấu ngoặc kép (và không có dấu phẩy thừa)", name="du-lieu.json"),
    Mistake("control-character", "render", "PLAN", sub("place: Vũ Quang", "place: Vũ\x07Quang"),
            "dòng 3, cột 10 của tệp: lỗi cú pháp YAML: tệp chứa ký tự điều khiển không in được (mã 0x0007); hãy xóa ký tự này"),
    Mistake("excel-table-given-to-render", "render", "PLAN", lambda t: (SAMPLES / RESULTS).with_suffix(".xlsx").read_bytes(),
            "đây là bảng Excel, không phải tệp dữ liệu .yaml/.json; bảng kết quả dùng với 'ocop-docs certificates BẢNG "
            "--issuer tệp.yaml'", name="ket-qua.xlsx"),
    Mistake("issuer-file-given-to-render", "render", ISSUER, lambda t: t,
            "trường 'kind', dòng 8, cột 1 của tệp: đây là tệp cơ quan cấp của một đợt cấp giấy chứng nhận: dùng với "
            "'ocop-docs certificates BẢNG --issuer tệp.yaml'"),
    # files that must work as they are
    Mistake("bom", "render", "PLAN", lambda t: "\ufeff" + t, "", code=0),
    Mistake("crlf", "render", "PLAN", lambda t: t.replace("\n", "\r\n"), "", code=0),
    Mistake("utf-16-notepad", "render", "PLAN", lambda t: t.encode("utf-16"), "", code=0),
    Mistake("json", "render", "PLAN", lambda t: json.dumps(yaml.safe_load(t), ensure_ascii=False, default=str), "",
            code=0, name="du-lieu.json"),
    # ---- decisions (render)
    Mistake("nhu-dieu-wrong", "render", RECOGNITION, sub('  - "Bộ Nông nghiệp và Môi trường (để b/c)"', '  - "Như Điều 3"'),
            "trường 'recipients[0]', dòng 29, cột 5 của tệp: Nơi nhận ghi 'Như Điều 3' nhưng điều quy định trách nhiệm thi hành là Điều 5; bỏ dòng này, phần mềm tự ghi đúng số Điều"),
    Mistake("executor-colon", "render", RECOGNITION, sub('  - "Chánh Văn phòng Điều phối nông thôn mới tỉnh"',
                                                        "  - Giám đốc các sở: Tài chính, Y tế"),
            "trường 'executors[2]', dòng 25, cột 20 của tệp: dấu hai chấm ở đây nằm trong một giá trị không đặt trong dấu ngoặc kép, nên YAML hiểu nhầm phần trước nó là tên trường; hãy đặt giá trị trong dấu ngoặc kép, ví dụ: - \"Giám đốc các sở: Tài chính, Y tế\""),
    Mistake("recognition-date-31-02", "render", RECOGNITION, sub("date: 2026-06-25", "date: 31/02/2026"),
            "trường 'date', dòng 18, cột 1 của tệp: Ngày không hợp lệ: '31/02/2026' (tháng 2 năm 2026 chỉ có 28 ngày)"),
    Mistake("products-file-missing", "render", RECOGNITION,
            sub("products_file: ha-tinh-2026-ket-qua-dot-1.xlsx", "products_file: ket-qua.xlsx"),
            "trường 'products_file', dòng 20, cột 1 của tệp: không tìm thấy tệp 'ket-qua.xlsx'"),
    Mistake("authority-in-words", "render", RECOGNITION, sub("authority: KT", "authority: ký thay"),
            "trường 'signer.authority', dòng 35, cột 3 của tệp: giá trị 'KÝ THAY' không hợp lệ; chấp nhận: 'KT' (ký thay), 'Q' (quyền), 'TL' (thừa lệnh) hoặc 'TUQ' (thừa ủy quyền)"),
    Mistake("verb-not-in-list", "render", RECOGNITION, sub('verb: "công nhận"', 'verb: "cấp"'),
            "trường 'verb', dòng 8, cột 1 của tệp: giá trị 'cấp' không hợp lệ; chấp nhận: 'công nhận' hoặc 'phê duyệt'"),
    Mistake("council-tab", "render", COUNCIL, lambda t: t.replace("\n  ", "\n\t", 1),
            "dòng 12, cột 1 của tệp: lỗi cú pháp YAML: có ký tự Tab ở đầu dòng; YAML chỉ dùng dấu cách để thụt lề: hãy thay Tab bằng dấu cách"),
    Mistake("council-unknown-field", "render", COUNCIL, sub("\nnumber:", "\nthanh_vien: []\nnumber:"),
            "trường 'thanh_vien', dòng 15, cột 1 của tệp: trường này không được hỗ trợ (kiểm tra lỗi chính tả tên trường)"),
    Mistake("council-level-left-out", "render", COUNCIL, drop_line("  level: huyen"),
            "trường 'issuer.level', dòng 11, cột 1 của tệp: chưa ghi cấp của cơ quan ban hành; Hội đồng do cấp tỉnh, "
            "trung ương (hoặc cấp huyện đến 30/06/2025) thành lập: ghi 'level: tinh' (hoặc trung_uong, huyen) dưới 'issuer'"),
    Mistake("plan-decision-authority", "render", PLAN_DECISION, sub("authority: collective", "authority: tap the"),
            "trường 'authority', dòng 30, cột 1 của tệp: giá trị 'tap the' không hợp lệ; chấp nhận: 'collective' (tập thể) hoặc 'individual' (cá nhân)"),
    # a general decision is printed as issued: a wrong "Như Điều n" is said, not refused
    Mistake("decision-nhu-dieu-2", "render", DECISION, sub("- Như Điều 3", "- Như Điều 2"),
            "Lưu ý: du-lieu.yaml: trường 'recipients[0]', dòng 43, cột 3 của tệp: Nơi nhận ghi 'Như Điều 2' nhưng trách nhiệm thi hành quy định ở Điều 3; văn bản được in như đã ghi, hãy sửa nếu là bản dự thảo", code=0),
    # ---- forms (form)
    Mistake("form-field-left-out", "form mau-01", "forms/mau-01-cam-vu-quang.yaml", drop_line("product_name:"),
            "trường 'product_name': thiếu trường bắt buộc (Tên sản phẩm)"),
    Mistake("form-list-for-text", "form mau-01", "forms/mau-01-cam-vu-quang.yaml",
            sub("province: Hà Tĩnh", "province: [Hà Tĩnh]"),
            "trường 'province', dòng 3, cột 1 của tệp: phải là một dòng chữ, không phải một danh sách (đang là ['Hà Tĩnh'])"),
    Mistake("form-crlf-and-tab", "form mau-01", "forms/mau-01-cam-vu-quang.yaml",
            lambda t: t.replace("\nprovince", "\n\tprovince").replace("\n", "\r\n"),
            "dòng 3, cột 1 của tệp: lỗi cú pháp YAML: có ký tự Tab ở đầu dòng; YAML chỉ dùng dấu cách để thụt lề: hãy thay Tab bằng dấu cách"),
    Mistake("mau-02-colon", "form mau-02", "forms/mau-02-cam-vu-quang.yaml",
            sub("product_name: Cam Vũ Quang", "product_name: Sản phẩm: Cam Vũ Quang"),
            'dòng 33, cột 23 của tệp: lỗi cú pháp YAML: dấu hai chấm ở đây nằm trong một giá trị không đặt trong dấu ngoặc kép, nên YAML hiểu nhầm phần trước nó là tên trường; hãy đặt giá trị trong dấu ngoặc kép, ví dụ: product_name: "Sản phẩm: Cam Vũ Quang"'),
    Mistake("mau-03-date", "form mau-03", "forms/mau-03-cam-vu-quang.yaml", sub("date: 2026-04-20", "date: 20/04/26"),
            "trường 'date', dòng 10, cột 1 của tệp: Không đọc được ngày: '20/04/26' (ghi theo dạng 05/03/2024, 2024-03-05 hoặc ngày 05 tháng 3 năm 2024)"),
    Mistake("cong-van-wrong-kind", "form cong-van-de-nghi", "forms/cong-van-de-nghi-vu-quang.yaml",
            sub("kind: cong-van-de-nghi", "kind: mau-01"),
            "trường 'kind', dòng 3, cột 1 của tệp: tệp khai báo kind 'mau-01' nhưng lệnh cần 'cong-van-de-nghi'"),
    Mistake("bien-ban-sheet-missing", "form bien-ban", "forms/bien-ban-hoi-dong-ha-tinh.yaml",
            sub("  - phieu-cam-vu-quang-an.yaml", "  - phieu-an.yaml"),
            "trường 'sheets[0]', dòng 30, cột 5 của tệp: không tìm thấy phiếu đánh giá 'phieu-an.yaml'"),
    # ---- score sheets (score)
    Mistake("sheet-bo-27", "score", SHEET, sub("bo: 1", "bo: 27"),
            "trường 'bo', dòng 5, cột 1 của tệp: phải nhỏ hơn hoặc bằng 26 (đang là 27)"),
    Mistake("sheet-unknown-criterion", "score", SHEET, sub('  "1.1": 3', '  "9.9": 3'),
            "trường 'ticks[\"9.9\"]', dòng 16, cột 3 của tệp: không có tiêu chí '9.9' trong bộ 1 (Rau, củ, quả, hạt tươi); các mã tiêu chí là 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, …"),
    Mistake("sheet-box-9", "score", SHEET, sub('  "1.1": 3', '  "1.1": 9'),
            "trường 'ticks[\"1.1\"]', dòng 16, cột 3 của tệp: tiêu chí 1.1 (Nguồn gốc sản phẩm) chỉ có 3 ô (1 đến 3); không có ô 9"),
    Mistake("sheet-two-boxes", "score", SHEET, sub('  "1.1": 3', '  "1.1": [1, 3]'),
            "trường 'ticks[\"1.1\"]', dòng 16, cột 3 của tệp: tiêu chí 1.1 (Nguồn gốc sản phẩm) có 2 ô được đánh dấu (ô 1 và ô 3); mỗi tiêu chí chỉ được đánh dấu một ô"),
    Mistake("sheet-empty", "score", SHEET, lambda t: "", "tệp rỗng: chưa có trường nào (tạo tệp ban đầu bằng 'ocop-docs new LOẠI -o tệp.yaml')"),
    # ---- certificates: the issuer file, and the results table
    Mistake("issuer-level", "certificates", ISSUER, sub("level: tinh", "level: phuong"),
            "trường 'issuer.level', dòng 12, cột 3 của tệp: giá trị 'phuong' không hợp lệ; chấp nhận: 'trung_uong' (trung ương), 'tinh' (tỉnh), 'huyen' (huyện), 'xa' (xã), 'so' (sở, ngành) hoặc 'khac' (khác)"),
    Mistake("issuer-date-31-02", "certificates", ISSUER, sub("date: 2026-10-28", "date: 31/02/2026"),
            "trường 'decision.date', dòng 16, cột 3 của tệp: Ngày không hợp lệ: '31/02/2026' (tháng 2 năm 2026 chỉ có 28 ngày)"),
    Mistake("issuer-number-format", "certificates", ISSUER,
            sub('format: "{so:03d}/{nam}/GCN-OCOP"', 'format: "{so:03d/{nam}/GCN-OCOP"'),
            "trường 'numbering.format', dòng 29, cột 3 của tệp: mẫu số không hợp lệ: dấu '{' chưa được đóng bằng '}'"),
    Mistake("issuer-round-colon", "certificates", ISSUER, sub('round: "đợt 2"', "round: Đợt: 2"),
            'dòng 22, cột 11 của tệp: lỗi cú pháp YAML: dấu hai chấm ở đây nằm trong một giá trị không đặt trong dấu ngoặc kép, nên YAML hiểu nhầm phần trước nó là tên trường; hãy đặt giá trị trong dấu ngoặc kép, ví dụ: round: "Đợt: 2"'),
    Mistake("issuer-number-dots", "certificates", ISSUER, sub("number: 2698", "number: 2.698"),
            "trường 'decision.number', dòng 14, cột 3 của tệp: phải là số nguyên, nhưng YAML đọc giá trị này là số thập phân 2,698 (dấu chấm là dấu thập phân); nếu định viết 2.698, hãy viết liền không dấu chấm: 2698"),
    Mistake("table-windows-1258", "table", RESULTS, lambda t: t.encode("cp1258", errors="replace"),
            "tệp CSV không phải mã UTF-8 (lưu bằng 'CSV (Comma delimited)' thì Excel bỏ mất dấu tiếng Việt", name="ket-qua.csv"),
    Mistake("table-score-in-words", "table", RESULTS, sub(";78,25;", ";bảy tám;"),
            "dòng 3: cột F «Điểm»: điểm 'bảy tám' không phải là số", code=3, name="ket-qua.csv"),
    # ---- rollforward
    Mistake("rollforward-tab", "rollforward", "plans/ha-tinh-2023-2025.yaml", lambda t: t.replace("\n  ", "\n\t", 1),
            "dòng 7, cột 1 của tệp: lỗi cú pháp YAML: có ký tự Tab ở đầu dòng; YAML chỉ dùng dấu cách để thụt lề: hãy thay Tab bằng dấu cách"),
    Mistake("rollforward-level", "rollforward", "plans/ha-tinh-2023-2025.yaml",
            lambda t: re.sub(r"level: \w+", "level: phuong", t, count=1),
            "trường 'issuer.level', dòng 9, cột 3 của tệp: giá trị 'phuong' không hợp lệ; chấp nhận: 'trung_uong' (trung ương), 'tinh' (tỉnh), 'huyen' (huyện), 'xa' (xã), 'so' (sở, ngành) hoặc 'khac' (khác)"),
]


def run(mistake: Mistake, tmp_path: Path):
    data = tmp_path / mistake.name
    content = mistake.data()
    if isinstance(content, str):
        data.write_text(content, encoding="utf-8", newline="")
    else:
        data.write_bytes(content)
    if mistake.base != "PLAN":
        for table in (SAMPLES / Path(mistake.base).parent).iterdir():
            if table.suffix in (".xlsx", ".csv") or table.name.startswith("phieu-"):
                shutil.copy(table, tmp_path / table.name)
    out = tmp_path / "ra"
    command = mistake.command.split()
    args = {
        "render": ["render", str(data), "-o", str(out / "van-ban.docx")],
        "form": ["form", *command[1:], str(data), "-o", str(out / "bieu-mau.docx")],
        "score": ["score", str(data), "--bang", str(out / "ket-qua.xlsx")],
        "certificates": ["certificates", str(SAMPLES / RESULTS), "--issuer", str(data), "-o", str(out / "gcn"),
                         "--register", str(out / "so.sqlite")],
        "table": ["certificates", str(data), "--issuer", str(SAMPLES / ISSUER), "-o", str(out / "gcn"),
                  "--register", str(out / "so.sqlite")],
        "rollforward": ["rollforward", str(data), "--year", "2026", "-o", str(out / "ke-hoach.yaml")],
    }[command[0]]
    return data, out, CliRunner().invoke(main, args)


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.id for m in MISTAKES])
def test_what_the_officer_reads(mistake: Mistake, tmp_path):
    data, out, result = run(mistake, tmp_path)
    assert result.exit_code == mistake.code, result.output
    assert "Traceback" not in result.output and not english_leaks(result.output), result.output
    assert not re.search(r"\b(ND30|OCOP)-[A-Z]", result.output), "no rule code without --debug"
    assert mistake.message in result.output, result.output
    if mistake.code == 0:
        assert list(out.iterdir()) == [out / "van-ban.docx"]
        return
    if mistake.code == 2:
        assert f"Lỗi dữ liệu trong tệp {data}" in result.output or str(data) in result.output
        assert not out.exists() or not any(out.rglob("*")), "no file written, not even a partial one"


def test_the_list_covers_every_kind_and_command():
    assert len(MISTAKES) >= 40
    assert {m.command.split()[0] for m in MISTAKES} == {"render", "form", "score", "certificates", "table", "rollforward"}
    kinds = {yaml.safe_load(PLAN if m.base == "PLAN" else sample(m.base)).get("kind") for m in MISTAKES
             if not m.base.endswith(".csv")}
    assert kinds >= {"plan", "quyet-dinh-cong-nhan", "quyet-dinh-hoi-dong", "quyet-dinh-ban-hanh-ke-hoach", "decision",
                     "mau-01", "mau-02", "mau-03", "cong-van-de-nghi", "bien-ban", "phieu-danh-gia",
                     "certificate-issuer", "ke-hoach"}
