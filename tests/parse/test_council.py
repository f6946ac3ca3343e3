"""A council decision whose members are listed after the signature, read into the council model."""
from __future__ import annotations

from datetime import date

from testpaths import SAMPLES
from ocop_docs.io import load_spec
from ocop_docs.parse import parse_file, parse_text
from ocop_docs.render import render_spec


def test_members_attached_after_the_signature_are_read_into_the_council_model(tmp_path):
    sample = load_spec(SAMPLES / "decisions" / "ha-tinh-2026-hoi-dong.yaml")
    assert sample.members_layout == "attached"
    signed = sample.model_copy(update={"number": 45, "date": date(2026, 6, 15)})
    parsed = parse_file(render_spec(signed, tmp_path / "hoi-dong.docx"))
    model = parsed.model
    assert parsed.kind == "council_decision" and model.members_layout == "attached"
    assert [(m.honorific, m.name, m.role) for m in model.members] == [
        (m.honorific, m.name, m.role) for m in signed.members]
    assert model.team.label == signed.team.label
    assert [(m.name, m.position, m.role) for m in model.team.members] == [(m.name, m.post(), m.role) for m in signed.team.members]
    # And again: what was read renders to the same list.
    again = parse_file(render_spec(model, tmp_path / "lai.docx")).model
    assert [(m.name, m.role) for m in again.members] == [(m.name, m.role) for m in model.members]


def test_an_attached_part_that_is_not_the_member_list_keeps_the_decision_general():
    text = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 45/QĐ-UBND
Hà Tĩnh, ngày 15 tháng 6 năm 2026
QUYẾT ĐỊNH
Về việc thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh năm 2026
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh năm 2026 (sau đây gọi tắt là Hội đồng), gồm các thành viên có tên tại Danh sách kèm theo Quyết định này.
Điều 2. Hội đồng có nhiệm vụ tổ chức đánh giá, phân hạng sản phẩm.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 4;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Phan Đình Khánh
DANH SÁCH
THÀNH VIÊN HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH HÀ TĨNH NĂM 2026
STT | Họ và tên | Chức vụ | Chức danh
1 | Ông Phan Đình Khánh | Phó Chủ tịch Ủy ban nhân dân tỉnh | Chủ tịch Hội đồng
Ghi chú: danh sách có thể được bổ sung theo đề nghị của Sở.
"""
    parsed = parse_text(text)
    assert parsed.kind == "decision"
    assert any("Ghi chú: danh sách" in line for line in parsed.data["attached"])  # kept, not dropped
    assert any(n.field == "kind" and "không thuộc danh sách thành viên" in n.message for n in parsed.notes)



def _as_web_copy(path) -> str:
    """The decision as a web page copy shows it: layout tables' paragraphs one a line, the annexed
    member table as "| TT | … |" rows whose group rows are in capitals and fill one cell."""
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(str(path))
    member_table = document.tables[-1]._tbl
    lines = []
    for child in document.element.body:
        if child.tag == qn("w:p"):
            lines.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child is member_table:
            for r, row in enumerate(child.iter(qn("w:tr"))):
                cells = ["".join(t.text or "" for t in c.iter(qn("w:t"))) for c in row.iter(qn("w:tc"))]
                if r == 0:
                    cells[0] = "TT"
                elif cells[0] in ("I", "II"):
                    cells = [cells[0], cells[1].upper(), "", ""]
                lines.append("| " + " | ".join(cells) + " |")
        elif child.tag == qn("w:tbl"):
            lines += ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in child.iter(qn("w:p"))]
    return "\n".join(line for line in lines if line.strip())


def test_an_annexed_list_headed_tt_with_the_team_in_capitals_is_read_into_the_council_model(tmp_path):
    # "| TT | Họ và tên | … |", "| II | TỔ TƯ VẤN HỘI ĐỒNG |  |  |" as pages print the annex (FINDINGS 30)
    sample = load_spec(SAMPLES / "decisions" / "ha-tinh-2026-hoi-dong.yaml")
    signed = sample.model_copy(update={"number": 45, "date": date(2026, 6, 15)})
    text = _as_web_copy(render_spec(signed, tmp_path / "hoi-dong.docx"))
    assert "| TT | Họ và tên |" in text and "| II | TỔ TƯ VẤN HỘI ĐỒNG |  |  |" in text
    parsed = parse_text(text)
    assert parsed.kind == "council_decision", [n.describe() for n in parsed.notes]
    model = parsed.model
    assert model.members_layout == "attached"
    assert [(m.name, m.role) for m in model.members] == [(m.name, m.role) for m in signed.members]
    assert model.team.label == "Tổ tư vấn"
    assert [(m.name, m.role) for m in model.team.members] == [(m.name, m.role) for m in signed.team.members]
