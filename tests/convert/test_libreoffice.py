"""Tests of DOCX → PDF conversion through LibreOffice and of the pypdf helpers.

soffice calls are few and batched (each costs about a second to start), so the
converted PDFs are shared through module-scoped fixtures.
"""
from __future__ import annotations

import os
import threading
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt

from ocop_docs.convert import (
    INSTALL_HINT,
    PdfInfo,
    find_soffice,
    merge_pdfs,
    pdf_info,
    split_pdf,
    to_pdf,
    to_pdf_one,
)
from ocop_docs.convert import libreoffice
from ocop_docs.errors import ConversionError, UnreadableFile

QUOC_HIEU = "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập - Tự do - Hạnh phúc"
TIEU_NGU = "Giấy chứng nhận sản phẩm OCOP đạt 4 sao: Mật ong hoa nhãn Hưng Yên"


def _soffice_available() -> bool:
    try:
        find_soffice()
    except ConversionError:
        return False
    return True


needs_soffice = pytest.mark.skipif(not _soffice_available(), reason="LibreOffice (soffice) is not installed")


def make_docx(path: Path, pages: list[list[str]]) -> Path:
    """A small A4 .docx at ``path`` with one list of paragraphs per page (page breaks between)."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    for i, paragraphs in enumerate(pages):
        for text in paragraphs:
            doc.add_paragraph(text)
        if i < len(pages) - 1:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def count_calls(mp: pytest.MonkeyPatch) -> list[list[str]]:
    """Record every soffice command run through the module (the calls still happen)."""
    calls: list[list[str]] = []
    real = libreoffice._run_soffice

    def spy(cmd, timeout):
        calls.append(cmd)
        return real(cmd, timeout)

    mp.setattr(libreoffice, "_run_soffice", spy)
    return calls


def leftovers(folder: Path) -> list[str]:
    """Temporary files or staging folders left behind in ``folder``."""
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Eight documents (one Vietnamese page, three pages, equal stems…) converted in one call."""
    src = tmp_path_factory.mktemp("src")
    docs = {
        "vn": make_docx(src / "quoc hieu.docx", [[QUOC_HIEU, TIEU_NGU]]),
        "three": make_docx(src / "ba trang.docx", [[f"Trang số {i} — nội dung"] for i in (1, 2, 3)]),
        "same_a": make_docx(src / "a" / "giống nhau.docx", [["Tài liệu thứ nhất"]]),
        "same_b": make_docx(src / "b" / "giống nhau.docx", [["Tài liệu thứ hai"]]),
    }
    for i in range(1, 5):
        docs[f"n{i}"] = make_docx(src / f"so {i}.docx", [[f"Văn bản số {i}: Ủy ban nhân dân tỉnh"]])
    out = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as mp:
        calls = count_calls(mp)
        pdfs = to_pdf(list(docs.values()), out)
    return {"docs": docs, "pdfs": dict(zip(docs, pdfs)), "out": out, "calls": calls}


@pytest.fixture(scope="module")
def pdfa_batch(tmp_path_factory):
    """Three documents converted to PDF/A with at most two documents per soffice call."""
    src = tmp_path_factory.mktemp("src_pdfa")
    docs = [
        make_docx(src / "chung nhan 1.docx", [[QUOC_HIEU]]),
        make_docx(src / "chung nhan 2.docx", [[TIEU_NGU], ["Trang hai"]]),
        make_docx(src / "chung nhan 3.docx", [["Quyết định công nhận"]]),
    ]
    out = tmp_path_factory.mktemp("out_pdfa")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(libreoffice, "MAX_FILES_PER_CALL", 2)
        calls = count_calls(mp)
        pdfs = to_pdf(docs, out, pdfa=True)
    return {"docs": docs, "pdfs": pdfs, "out": out, "calls": calls}


# ------------------------------------------------------------------ conversion


@needs_soffice
def test_batch_is_one_call_and_every_pdf_exists(batch):
    assert len(batch["calls"]) == 1
    pdfs = list(batch["pdfs"].values())
    assert len(pdfs) == 8
    for pdf in pdfs:
        assert pdf.parent == batch["out"]
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF-")
    assert batch["pdfs"]["vn"].name == "quoc hieu.pdf"
    assert leftovers(batch["out"]) == []


@needs_soffice
def test_vietnamese_text_survives_exactly(batch):
    info = pdf_info(batch["pdfs"]["vn"])
    assert isinstance(info, PdfInfo)
    assert info.pages == 1
    for expected in (QUOC_HIEU, TIEU_NGU):
        assert unicodedata.is_normalized("NFC", expected)
        assert expected in info.text
    assert info.text == unicodedata.normalize("NFC", info.text)


@needs_soffice
def test_page_count_and_a4_size(batch):
    info = pdf_info(batch["pdfs"]["three"])
    assert info.pages == 3
    assert len(info.page_texts) == len(info.page_sizes) == 3
    for i, text in enumerate(info.page_texts, start=1):
        assert f"Trang số {i} — nội dung" in text
    for width, height in info.page_sizes:
        assert abs(width - 210) < 1 and abs(height - 297) < 1


@needs_soffice
def test_same_stem_in_different_folders_does_not_overwrite(batch):
    a, b = batch["pdfs"]["same_a"], batch["pdfs"]["same_b"]
    assert a != b and {a.name, b.name} == {"giống nhau.pdf", "giống nhau-2.pdf"}
    assert "Tài liệu thứ nhất" in pdf_info(a).text
    assert "Tài liệu thứ hai" in pdf_info(b).text


@needs_soffice
def test_plain_pdf_is_not_pdfa(batch):
    assert pdf_info(batch["pdfs"]["vn"]).is_pdfa is False


@needs_soffice
def test_pdfa_flag_and_chunking(pdfa_batch):
    assert len(pdfa_batch["calls"]) == 2  # 3 documents, at most 2 per call
    assert all(any("SelectPdfVersion" in arg for arg in cmd) for cmd in pdfa_batch["calls"])
    infos = [pdf_info(p) for p in pdfa_batch["pdfs"]]
    assert [i.pages for i in infos] == [1, 2, 1]
    assert all(i.is_pdfa for i in infos)
    assert QUOC_HIEU in infos[0].text
    assert leftovers(pdfa_batch["out"]) == []


@needs_soffice
def test_calls_one_after_another_reuse_a_profile_and_calls_at_once_never_share_one(batch, pdfa_batch):
    from ocop_docs.convert import libreoffice

    profiles = [
        arg for cmd in batch["calls"] + pdfa_batch["calls"] for arg in cmd if arg.startswith("-env:UserInstallation=")
    ]
    assert len(profiles) == 3 and len(set(profiles)) == 1  # LibreOffice's set-up is paid once
    with libreoffice._profile() as (first, ok_first), libreoffice._profile() as (second, ok_second):
        assert first != second  # two soffice sharing one profile silently lose output
        ok_first.append(True)  # the second call "failed": its profile is not kept
    assert first.exists() and not second.exists()


@needs_soffice
def test_corrupt_docx_raises_naming_the_file(tmp_path):
    good = make_docx(tmp_path / "src" / "hop le.docx", [[QUOC_HIEU]])
    random_bytes = tmp_path / "src" / "hỏng.docx"
    random_bytes.write_bytes(os.urandom(4096))
    junk_zip = tmp_path / "src" / "zip rác.docx"  # a ZIP, but no Word document inside
    with zipfile.ZipFile(junk_zip, "w") as z:
        z.writestr("ghi chu.txt", "không phải văn bản Word")
    out = tmp_path / "out"
    with pytest.raises(ConversionError) as caught:
        to_pdf([good, random_bytes, junk_zip], out)
    error = caught.value
    assert error.exit_code == 4
    assert str(random_bytes) in error.message and str(junk_zip) in error.message
    assert str(good) not in error.message
    assert error.failed == [random_bytes, junk_zip]
    # the good document is still converted, nothing is left for the corrupt ones
    assert error.converted == [out / "hop le.pdf"]
    assert sorted(p.name for p in out.iterdir()) == ["hop le.pdf"]


def test_missing_input_is_unreadable(tmp_path):
    with pytest.raises(UnreadableFile) as caught:
        to_pdf([tmp_path / "không có.docx"], tmp_path / "out")
    assert "không có.docx" in str(caught.value)


def test_empty_input_needs_no_soffice(tmp_path, monkeypatch):
    monkeypatch.setenv("OCOP_DOCS_SOFFICE", str(tmp_path / "missing-soffice"))
    assert to_pdf([], tmp_path / "out") == []


def test_missing_soffice_override_raises_with_install_hint(tmp_path, monkeypatch):
    monkeypatch.setenv("OCOP_DOCS_SOFFICE", str(tmp_path / "no" / "soffice"))
    monkeypatch.setenv("PATH", "")
    with pytest.raises(ConversionError) as caught:
        find_soffice()
    assert "apt-get install" in caught.value.message
    assert caught.value.exit_code == 4
    docx = make_docx(tmp_path / "a.docx", [[QUOC_HIEU]])
    with pytest.raises(ConversionError, match="apt-get install"):
        to_pdf_one(docx, tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()


def test_no_soffice_anywhere_raises_with_install_hint(monkeypatch):
    monkeypatch.delenv("OCOP_DOCS_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(libreoffice, "_FALLBACK_SOFFICE", ())
    with pytest.raises(ConversionError) as caught:
        find_soffice()
    assert INSTALL_HINT in caught.value.message and "LibreOffice" in caught.value.message


def test_override_accepts_an_executable(tmp_path, monkeypatch):
    fake = tmp_path / "my soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("OCOP_DOCS_SOFFICE", str(fake))
    assert find_soffice() == str(fake)


@needs_soffice
def test_concurrent_conversions_each_get_all_pdfs(tmp_path):
    out = tmp_path / "out"  # both threads write into the same folder
    jobs = {
        name: [make_docx(tmp_path / name / f"{name} {i}.docx", [[f"{QUOC_HIEU} ({name} {i})"]]) for i in range(3)]
        for name in ("luong-a", "luong-b")
    }
    results: dict[str, list[Path]] = {}
    errors: list[BaseException] = []

    def work(name):
        try:
            results[name] = to_pdf(jobs[name], out)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(name,)) for name in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    for name, pdfs in results.items():
        assert len(pdfs) == 3
        for i, pdf in enumerate(pdfs):
            assert pdf.is_file()
            assert f"({name} {i})" in pdf_info(pdf).text
    assert len(list(out.glob("*.pdf"))) == 6
    assert leftovers(out) == []


@needs_soffice
def test_timeout_kills_soffice_and_leaves_no_pdf(tmp_path, monkeypatch):
    private_tmp = tmp_path / "private-tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(libreoffice.tempfile, "tempdir", str(private_tmp))
    # long enough that soffice is still busy when the timeout strikes
    docx = make_docx(tmp_path / "cham.docx", [[f"{QUOC_HIEU} {i}"] for i in range(1000)])
    pdf = tmp_path / "out" / "cham.pdf"
    started = time.monotonic()
    with pytest.raises(ConversionError) as caught:
        to_pdf_one(docx, pdf, timeout=0.3)
    # killing only the launcher would leave soffice.bin holding the pipes until it is done
    assert time.monotonic() - started < 1.2
    assert str(docx) in caught.value.message and "giây" in caught.value.message
    assert not pdf.exists() and leftovers(pdf.parent) == []
    still_running = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if str(private_tmp).encode() in cmdline:
            still_running.append(proc.name)
    assert still_running == []


# ------------------------------------------------------------------ pypdf helpers


@needs_soffice
def test_merge_then_split_round_trip(batch, tmp_path):
    vn, three = batch["pdfs"]["vn"], batch["pdfs"]["three"]
    merged = merge_pdfs([vn, three], tmp_path / "gop" / "tat ca.pdf")
    info = pdf_info(merged)
    assert info.pages == 4
    assert QUOC_HIEU in info.page_texts[0] and "Trang số 3" in info.page_texts[3]
    outs = [tmp_path / "tach" / "mot.pdf", tmp_path / "tach" / "ba.pdf"]
    assert split_pdf(merged, [(0, 1), (1, 4)], outs) == outs
    first, rest = pdf_info(outs[0]), pdf_info(outs[1])
    assert (first.pages, rest.pages) == (1, 3)
    assert first.page_texts == pdf_info(vn).page_texts
    assert rest.page_texts == pdf_info(three).page_texts
    assert rest.page_sizes == pdf_info(three).page_sizes
    assert leftovers(tmp_path / "gop") == [] and leftovers(tmp_path / "tach") == []


@needs_soffice
def test_split_of_pdfa_keeps_pdfa_identification(pdfa_batch, tmp_path):
    two_pages = pdfa_batch["pdfs"][1]
    outs = split_pdf(two_pages, [(0, 1), (1, 2)], [tmp_path / "1.pdf", tmp_path / "2.pdf"])
    infos = [pdf_info(p) for p in outs]
    assert all(i.is_pdfa and i.pages == 1 for i in infos)
    assert TIEU_NGU in infos[0].text and "Trang hai" in infos[1].text
    assert pdf_info(merge_pdfs(pdfa_batch["pdfs"], tmp_path / "gop.pdf")).is_pdfa


@needs_soffice
def test_split_with_impossible_range_writes_nothing(batch, tmp_path):
    with pytest.raises(ConversionError, match="3 trang"):
        split_pdf(batch["pdfs"]["three"], [(0, 1), (2, 5)], [tmp_path / "a.pdf", tmp_path / "b.pdf"])
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError):
        split_pdf(batch["pdfs"]["three"], [(0, 1)], [])


def test_pdf_info_of_a_non_pdf_is_unreadable(tmp_path):
    bad = tmp_path / "hỏng.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(UnreadableFile, match="hỏng.pdf"):
        pdf_info(bad)


def test_pdfa_identification_from_xmp():
    attr = b'<rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="2" pdfaid:conformance="B"/>'
    elem = (
        b'<rdf:Description xmlns:id="http://www.aiim.org/pdfa/ns/id/">'
        b"<id:part>1</id:part><id:conformance>A</id:conformance></rdf:Description>"
    )
    assert libreoffice._pdfa_id(attr) == "2B"
    assert libreoffice._pdfa_id(elem) == "1A"
    assert libreoffice._pdfa_id(b"<x:xmpmeta/>") == ""
