"""Case 18: content the checker does not read (a chunk imported from another file, an embedded
Excel sheet) is named in the report, text and JSON, instead of a bare "không có lỗi"."""
from __future__ import annotations

import json

import builders as B
from click.testing import CliRunner
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from ocop_docs.cli import main

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _with_hidden_content(doc):
    """The plan with an altChunk (HTML) after its first paragraph and an embedded Excel sheet."""
    package = doc.part.package
    chunk = Part(PackURI("/word/afchunk1.html"), "text/html",
                 "<html><body><p>Giám đốc các sở: chủ trì</p></body></html>".encode(), package)
    rid = doc.part.relate_to(chunk, RELS + "aFChunk")
    body = doc.element.body
    body.insert(1, parse_xml(f'<w:altChunk {W} {R} r:id="{rid}"/>'))
    sheet = Part(PackURI("/word/embeddings/bang-kinh-phi.xlsx"),
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x05\x06" + b"\0" * 18, package)
    rid = doc.part.relate_to(sheet, RELS + "package")
    paragraph = B.find(doc, "III. KINH PHÍ")
    paragraph._p.append(parse_xml(
        f'<w:r {W} {R} xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
        '<w:object><v:shape id="_x0000_i1025" style="width:200pt;height:80pt"/>'
        f'<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Content" r:id="{rid}"/>'
        "</w:object></w:r>"))
    return doc


def test_clean_plan_has_nothing_unchecked(tmp_path):
    path = B.save(B.build_plan(), tmp_path / "ke-hoach.docx")
    result = CliRunner().invoke(main, ["check", str(path), "--json"])
    data = json.loads(result.output)
    assert data["unchecked"] == [] and data["complete"] is True


def test_alt_chunk_and_embedded_sheet_are_reported_as_not_checked(tmp_path):
    path = B.save(_with_hidden_content(B.build_plan()), tmp_path / "ke-hoach.docx")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output  # nothing wrong was found in what was read…
    lines = result.output.splitlines()
    unchecked = [line for line in lines if line.startswith("CHƯA KIỂM TRA: ")]
    assert any("nội dung chèn từ tệp khác (altChunk: afchunk1.html)" in line for line in unchecked), unchecked
    assert any("đối tượng nhúng (OLE: Excel.Sheet.12)" in line and "«III. KINH PHÍ" in line for line in unchecked)
    # …and the summary does not claim the whole document is clean.
    assert lines[-1].endswith("không có lỗi thể thức nào trong phần đã đọc được; 2 phần nội dung chưa được kiểm tra "
                              "(xem các dòng CHƯA KIỂM TRA).")

    data = json.loads(CliRunner().invoke(main, ["check", str(path), "--json"]).output)
    assert data["complete"] is False and len(data["unchecked"]) == 2
    assert any("altChunk" in u for u in data["unchecked"])


def test_an_embedded_word_document_and_an_equation_are_reported(tmp_path):
    """The w:objectEmbed form of an embedded document (no o:OLEObject: what Word 2010+ and LibreOffice
    may write) and an equation, whose text is m:t, were read as nothing and the report was clean."""
    doc = B.build_plan()
    package = doc.part.package
    embedded = Part(PackURI("/word/embeddings/Microsoft_Word_Document.docx"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    B.to_bytes(B.build_plan()), package)
    rid = doc.part.relate_to(embedded, RELS + "package")
    B.find(doc, "III. KINH PHÍ")._p.append(parse_xml(
        f'<w:r {W} {R}><w:object w:dxaOrig="9000" w:dyaOrig="3000">'
        f'<w:objectEmbed r:id="{rid}" w:progId="Word.Document.12" w:drawAspect="content"/></w:object></w:r>'))
    B.find(doc, "III. KINH PHÍ")._p.append(parse_xml(
        f'<m:oMath {W} xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
        "<m:r><m:t>T = 50.000.000 + 35.000.000</m:t></m:r></m:oMath>"))
    path = B.save(doc, tmp_path / "ke-hoach.docx")
    before = CliRunner().invoke(main, ["check", str(B.save(B.build_plan(), tmp_path / "sach.docx"))])
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == before.exit_code, result.output  # nothing else differs
    unchecked = [line for line in result.output.splitlines() if line.startswith("CHƯA KIỂM TRA: ")]
    assert unchecked == ["CHƯA KIỂM TRA: đối tượng nhúng (OLE: Word.Document.12) (thân văn bản, gần «III. KINH PHÍ THỰC HIỆN»)",
                         "CHƯA KIỂM TRA: công thức toán học (Equation) (thân văn bản, gần «III. KINH PHÍ THỰC HIỆN»)"]
    assert "2 phần nội dung chưa được kiểm tra" in result.output.splitlines()[-1]

    out = tmp_path / "ke-hoach.yaml"
    parsed = CliRunner().invoke(main, ["parse", str(path), "-o", str(out)])
    assert "không đọc được phần nhúng: đối tượng nhúng (OLE: Word.Document.12)" in out.read_text(encoding="utf-8"), parsed.output
    assert "không đọc được phần nhúng: công thức toán học (Equation)" in out.read_text(encoding="utf-8")
