"""Build the shipped docxtpl templates (templates/**.docx) from code.

The templates are ordinary Word files that clerks may edit; this script is how the project
makes them reproducibly. Layout follows ND30 Mẫu 1.4 (Kế hoạch); styles come from
``ocop_docs.render.styles`` (one place for ND30 sizes). Run: ``python tools/build_templates.py``.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ocop_docs.nd30.rules import QUOC_HIEU, TIEU_NGU  # noqa: E402
from ocop_docs.render.styles import add_page_number_header, borderless_table, prepare_document  # noqa: E402

HEADER_WIDTHS = [3600, 5754]  # ND30-LAYOUT-02: ~6.35 cm | ~10.15 cm (Quốc hiệu fits one line)
SIGNATURE_WIDTHS = [4000, 5354]  # ND30-LAYOUT-03


def para(container, text: str = "", style: str | None = None):
    """Append a paragraph; cells start with one empty paragraph, which is reused first."""
    paragraphs = getattr(container, "paragraphs", [])
    if hasattr(container, "_tc") and len(paragraphs) == 1 and not paragraphs[0].text and not getattr(container, "_used", False):
        p = paragraphs[0]
        container._used = True
        if text:
            p.add_run(text)
    else:
        p = container.add_paragraph()
        if text:
            p.add_run(text)
    if style:
        p.style = container.part.document.styles[style] if hasattr(container, "part") else style
    return p


def header_block(doc, with_number: bool = True) -> None:
    """ô 1–4: issuing body | Quốc hiệu and Tiêu ngữ; Số | place and date (ND30-LAYOUT-02)."""
    table = borderless_table(doc, 2 if with_number else 1, HEADER_WIDTHS)
    left, right = table.cell(0, 0), table.cell(0, 1)
    para(left, "{%p if issuer_parent %}")
    para(left, "{{ issuer_parent }}", "ND30 - Cơ quan chủ quản")
    para(left, "{%p endif %}")
    para(left, "{%p for line in issuer_lines %}")
    para(left, "{{ line }}", "ND30 - Cơ quan ban hành")
    para(left, "{%p endfor %}")
    para(left, "", "ND30 - Kẻ dưới tên cơ quan")
    para(right, QUOC_HIEU, "ND30 - Quốc hiệu")
    para(right, TIEU_NGU, "ND30 - Tiêu ngữ")
    para(right, "", "ND30 - Kẻ dưới Tiêu ngữ")
    if with_number:
        para(table.cell(1, 0), "{{ so_ky_hieu }}", "ND30 - Số, ký hiệu")
        para(table.cell(1, 1), "{{ date_line }}", "ND30 - Địa danh, ngày tháng")


def signature_block(doc) -> None:
    """ô 9b Nơi nhận | ô 7a–7c quyền hạn, chức vụ, họ tên (ND30-LAYOUT-03, RECIP-03, SIGN-01/04)."""
    spacer = doc.add_paragraph()
    spacer.paragraph_format.keep_with_next = True
    table = borderless_table(doc, 1, SIGNATURE_WIDTHS)
    left, right = table.cell(0, 0), table.cell(0, 1)
    para(left, "Nơi nhận:", "ND30 - Nơi nhận:")
    para(left, "{%p for line in recipients %}")
    para(left, "{{ line }}", "ND30 - Nơi nhận (các dòng)")
    para(left, "{%p endfor %}")
    para(right, "{%p for line in signer_lines %}")
    para(right, "{{ line }}", "ND30 - Quyền hạn, chức vụ người ký")
    para(right, "{%p endfor %}")
    for _ in range(4):
        para(right, "", "ND30 - Họ tên người ký")
    para(right, "{{ signer_name }}", "ND30 - Họ tên người ký")


def body_loop(doc, variable: str = "body") -> None:
    """The content: one paragraph per item, its style chosen by the item's kind (ND30-BODY-03/06)."""
    para(doc, f"{{%p for b in {variable} %}}")
    para(doc, "{%p if b.kind == 'h1' %}")
    para(doc, "{{ b.text }}", "ND30 - Mục (I.)")
    para(doc, "{%p elif b.kind == 'h2' %}")
    para(doc, "{{ b.text }}", "ND30 - Khoản có tiêu đề (1.)")
    para(doc, "{%p elif b.kind == 'runin' %}")
    run_in = para(doc, "", "ND30 - Nội dung")
    run_in.add_run("{{ b.lead }}").bold = True
    run_in.add_run("{{ b.text }}")
    para(doc, "{%p elif b.kind == 'h3' %}")
    para(doc, "{{ b.text }}", "ND30 - Điểm có tiêu đề (a)")
    para(doc, "{%p else %}")
    para(doc, "{{ b.text }}", "ND30 - Nội dung")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")


def new_document():
    doc = Document()
    # python-docx's default document starts with no paragraphs in the body but a sectPr.
    prepare_document(doc)
    add_page_number_header(doc)
    return doc


def build_plan(path: Path) -> None:
    """templates/plans/ke-hoach.docx — Kế hoạch of a UBND (ND30 Mẫu 1.4, ND30-TPL-KH-01)."""
    doc = new_document()
    header_block(doc)
    para(doc, "{{ type_name }}", "ND30 - Tên loại văn bản")
    para(doc, "{{ title }}", "ND30 - Trích yếu")
    para(doc, "", "ND30 - Kẻ dưới trích yếu")
    para(doc, "{%p for line in bases %}")
    para(doc, "{{ line }}", "ND30 - Căn cứ")
    para(doc, "{%p endfor %}")
    para(doc, "{%p for text in preamble %}")
    para(doc, "{{ text }}", "ND30 - Nội dung")
    para(doc, "{%p endfor %}")
    body_loop(doc)
    signature_block(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def main() -> None:
    build_plan(ROOT / "templates" / "plans" / "ke-hoach.docx")
    print("templates built")


if __name__ == "__main__":
    main()
