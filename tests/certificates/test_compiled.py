"""The compiled-template renderer gives what plain docxtpl gives, copying unchanged parts as they are."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from docx import Document
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from gcn_helpers import issuer_data, template_with
from lxml import etree
from wordcheck import findings_of

from ocop_docs.certificates.batch import QR_EMU
from ocop_docs.certificates.compiled import CompiledTemplate, ImageSlot
from ocop_docs.certificates.context import CertificateJob, certificate_context, qr_text, validity_end
from ocop_docs.certificates.model import CertificateIssuer
from ocop_docs.certificates.qr import qr_png
from ocop_docs.errors import TemplateError
from ocop_docs.render.environment import make_environment
from ocop_docs.render.templates import template_path

TEMPLATE = template_path("certificate")
ISSUER = CertificateIssuer.model_validate(issuer_data(round="đợt 2", decision={"number": 2698, "date": "2026-10-28",
                                                                              "signed_by": "Chủ tịch UBND tỉnh Hà Tĩnh"}))


def job(name="Cam Vũ Quang", owner="Hợp tác xã Cam Vũ Quang", address="thôn 3, xã Vũ Quang, tỉnh Hà Tĩnh",
        group="Rau, củ, quả, hạt tươi", code="42-18313-002-2026", seq=1, stars=4) -> CertificateJob:
    issued = date(2026, 10, 28)
    return CertificateJob(seq, 2026, ISSUER.number_text(seq, 2026), seq + 4, "k", name, owner, address, group, code,
                          Decimal("78.25"), stars, issued, validity_end(issued))


JOBS = {
    "short": job(),
    "long": job(name="Hộp quà " + "đặc sản Hà Tĩnh " * 12, owner="Công ty TNHH " + "Thương mại " * 20,
                address="Số 1, " * 40, seq=2),
    "escapes": job(name="Nước mắm <Cá cơm> & Ruốc \"Lộc Hà\"", owner="HTX A & B", seq=3, stars=3),
    "lines": job(address="thôn 3\nxã Vũ Quang\ttỉnh Hà Tĩnh", group=None, code=None, seq=4),
    "no-address": job(address="", seq=5),
}


def plain_docxtpl(context: dict, png: bytes | None) -> bytes:
    """One certificate the way the docxtpl documentation does it: one DocxTemplate per document."""
    tpl = DocxTemplate(str(TEMPLATE))
    ctx = dict(context)
    ctx["qr"] = InlineImage(tpl, io.BytesIO(png), width=Mm(27)) if png else ""
    tpl.render(ctx, jinja_env=make_environment())
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def canonical_body(docx: bytes) -> bytes:
    """word/document.xml with image ids and names normalised, canonicalised."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"), etree.XMLParser(remove_blank_text=True))
    for el in root.iter():
        for attr in list(el.attrib):
            local = attr.rsplit("}", 1)[-1]
            if el.tag.endswith("}docPr") and local in ("id", "name") or el.tag.endswith("}cNvPr") and local in ("id", "name"):
                el.set(attr, "X")
            if el.tag.endswith("}blip") and local == "embed":
                el.set(attr, "X")
    return etree.tostring(root, method="c14n")


def images(docx: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return [z.read(n) for n in z.namelist() if n.startswith("word/media/")]


@pytest.fixture(scope="module")
def compiled() -> CompiledTemplate:
    return CompiledTemplate(TEMPLATE, (ImageSlot("qr", QR_EMU, QR_EMU),))


@pytest.mark.parametrize("case", list(JOBS))
def test_same_document_as_plain_docxtpl(compiled, case):
    context = certificate_context(JOBS[case], ISSUER)
    png = qr_png(qr_text(JOBS[case], ISSUER))
    ours, theirs = compiled.render(context, {"qr": png}), plain_docxtpl(context, png)
    assert canonical_body(ours) == canonical_body(theirs)
    assert images(ours) == images(theirs) == [png]
    text = [p.text for p in Document(io.BytesIO(ours)).paragraphs]
    assert text == [p.text for p in Document(io.BytesIO(theirs)).paragraphs]


def test_certificates_alone_and_combined_open_in_word_without_repair(compiled, tmp_path):
    """The OOXML validator finds nothing in a certificate of each case nor in a combined document."""
    bodies, files = [], []
    for i, (name, job) in enumerate(JOBS.items(), 1):
        context, png = certificate_context(job, ISSUER), {"qr": qr_png(qr_text(job, ISSUER))}
        files.append(tmp_path / f"{name}.docx")
        files[-1].write_bytes(compiled.render(context, png))
        bodies.append(compiled.render_body(context, png, tag=str(i)))
    files.append(tmp_path / "combined.docx")
    files[-1].write_bytes(compiled.combine(bodies))
    assert findings_of(files) == {}


def test_without_qr_same_as_plain_docxtpl():
    compiled = CompiledTemplate(TEMPLATE)
    context = certificate_context(JOBS["short"], ISSUER)
    ours, theirs = compiled.render(context), plain_docxtpl(context, None)
    assert canonical_body(ours) == canonical_body(theirs)
    assert images(ours) == []


def test_values_are_escaped_not_lost(compiled):
    docx = compiled.render(certificate_context(JOBS["escapes"], ISSUER), {"qr": b"\x89PNG"})
    cell_text = "\n".join(c.text for t in Document(io.BytesIO(docx)).tables for r in t.rows for c in r.cells)
    assert 'Nước mắm <Cá cơm> & Ruốc "Lộc Hà"' in cell_text
    assert "Chủ thể: HTX A & B" in cell_text


def test_unchanged_parts_are_copied_byte_for_byte(compiled):
    docx = compiled.render(certificate_context(JOBS["short"], ISSUER), {"qr": b"png"})
    with zipfile.ZipFile(TEMPLATE) as t, zipfile.ZipFile(io.BytesIO(docx)) as o:
        assert o.testzip() is None
        changed = {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml", "word/media/ocop-qr.png"}
        for info in t.infolist():
            if info.filename in changed:
                continue
            mine = o.getinfo(info.filename)
            assert (mine.CRC, mine.compress_size, mine.compress_type) == (info.CRC, info.compress_size, info.compress_type)
            assert o.read(info.filename) == t.read(info.filename)
        assert set(o.namelist()) == set(t.namelist()) | {"word/media/ocop-qr.png"}


def test_same_context_same_bytes(compiled):
    context = certificate_context(JOBS["long"], ISSUER)
    png = qr_png(qr_text(JOBS["long"], ISSUER))
    assert compiled.render(context, {"qr": png}) == compiled.render(context, {"qr": png})


def test_combined_document_one_section_per_certificate(compiled):
    bodies = []
    for i, key in enumerate(("short", "long", "escapes")):
        j = JOBS[key]
        bodies.append(compiled.render_body(certificate_context(j, ISSUER), {"qr": qr_png(qr_text(j, ISSUER))}, tag=str(i)))
    docx = compiled.combine(bodies)
    document = Document(io.BytesIO(docx))
    assert len(document.sections) == 3
    assert all(s.orientation == 1 for s in document.sections)  # landscape
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert len([n for n in z.namelist() if n.startswith("word/media/ocop-qr-")]) == 3
        xml = z.read("word/document.xml").decode()
    ids = re.findall(r'<wp:docPr id="(\d+)"', xml)
    assert len(ids) == len(set(ids)) == 3
    for number in ("001/2026/GCN-OCOP", "002/2026/GCN-OCOP", "003/2026/GCN-OCOP"):
        assert number in xml


def test_broken_tag_is_a_template_error_in_vietnamese(tmp_path):
    path = template_with(tmp_path, "{%p if name_fit == 'l' %}", "{%p if name_fit == %}")
    with pytest.raises(TemplateError) as err:
        CompiledTemplate(path)
    assert "lỗi cú pháp thẻ mẫu" in str(err.value) and str(path) in str(err.value)


def test_unknown_variable_is_a_template_error(tmp_path):
    path = template_with(tmp_path, "{{ owner }}", "{{ chu_the }}")
    with pytest.raises(TemplateError, match="thiếu dữ liệu"):
        CompiledTemplate(path).render(certificate_context(JOBS["short"], ISSUER))


def test_plain_docxtpl_renders_the_shipped_template_for_one_row():
    """Users can fill the template in Word or with docxtpl alone: DocxTemplate(t).render(context)."""
    tpl = DocxTemplate(str(TEMPLATE))
    tpl.render(certificate_context(JOBS["short"], ISSUER))
    text = "\n".join(c.text for t in tpl.docx.tables for r in t.rows for c in r.cells)
    assert "Cam Vũ Quang" in text and "001/2026/GCN-OCOP" in text


def test_tags_in_a_header_are_rendered_like_docxtpl(tmp_path):
    document = Document(str(TEMPLATE))
    header = document.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "Bản sao số {{ number }}"
    path = tmp_path / "mau-dau-trang.docx"
    document.save(str(path))
    context = certificate_context(JOBS["short"], ISSUER)
    ours = CompiledTemplate(path).render(context)
    tpl = DocxTemplate(str(path))
    tpl.render(dict(context), jinja_env=make_environment())
    buffer = io.BytesIO()
    tpl.save(buffer)
    for docx in (ours, buffer.getvalue()):
        assert Document(io.BytesIO(docx)).sections[0].header.paragraphs[0].text == "Bản sao số 001/2026/GCN-OCOP"
    assert canonical_body(ours) == canonical_body(buffer.getvalue())


@pytest.mark.parametrize("source, words", [
    ("{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}", "vòng lặp"),
    ("{{ (9**999999999) > 1 }}", "lũy thừa"),
    ("{{ 'A'*100000000 }}", "phép nhân chuỗi"),
])
def test_hostile_template_is_refused_not_hung(source, words, tmp_path):
    """Issue 13 case 7: the batch's compiled renderer has the limits of render/environment.py."""
    document = Document(str(TEMPLATE))
    document.paragraphs[0].insert_paragraph_before(source)
    path = tmp_path / "gcn-doc-hai.docx"
    document.save(str(path))
    with pytest.raises(TemplateError, match=f"vượt giới hạn an toàn: .*{words}"):
        CompiledTemplate(path).render(certificate_context(JOBS["short"], ISSUER))


def test_an_issuer_typed_as_ubnd_is_printed_by_its_full_name(compiled):
    # Clerks type "UBND tỉnh Thừa Thiên Huế"; the certificate's header prints the full name (ND30-CQ-01).
    data = issuer_data(decision={"number": 2919, "date": "2026-10-28", "signed_by": "Chủ tịch UBND tỉnh"})
    data["issuer"]["name"] = "UBND tỉnh Thừa Thiên Huế"
    issuer = CertificateIssuer.model_validate(data)
    document = Document(io.BytesIO(compiled.render(certificate_context(JOBS["short"], issuer),
                                                   {"qr": qr_png(qr_text(JOBS["short"], issuer))})))
    header = [p.text for p in document.tables[0].cell(0, 0).paragraphs if p.text.strip()]
    assert header[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH THỪA THIÊN HUẾ"]
