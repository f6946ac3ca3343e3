"""The checker on real files: the government's Word files, a file saved by LibreOffice, broken
and hostile files; the report formats, exit codes and the list of uncheckable rules."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile

import pytest

import builders as B
from builders import CORPUS_DOCX
from ocop_docs.check import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNREADABLE,
    NOT_CHECKABLE,
    check_file,
    format_json,
    format_text,
)
from ocop_docs.check.checks import APPLICABLE
from ocop_docs.errors import UnreadableFile
from ocop_docs.nd30.rules import RULES


@pytest.fixture(scope="module")
def corpus_reports():
    return {p.stem: check_file(p) for p in sorted(CORPUS_DOCX.glob("*.docx"))}


# ----------------------------------------------------------------------------- government files


def test_decree_is_detected_as_legal_document(corpus_reports):
    """Nghị định 30/2020/NĐ-CP is a VBQPPL (out of ND30's scope, its number carries the year):
    detected, SO-03 not reported, a note says why; the generic rules still run."""
    report = corpus_reports["30_2020_ND_CP"]
    assert report.kind == "legal"
    assert "ND30-SO-03" not in report.rule_ids()
    assert any("quy phạm pháp luật" in n for n in report.notes)
    # its layout follows ND30: header, căn cứ, articles, signature are all recognised
    assert not ({"ND30-QH-01", "ND30-QH-02", "ND30-DATE-02", "ND30-SIGN-01", "ND30-RECIP-03",
                 "ND30-BODY-05", "ND30-BODY-07", "ND30-PAGE-04"} & report.rule_ids())
    assert len(report.findings) <= 5


def test_decree_as_decision_reports_the_year(tmp_path):
    report = check_file(CORPUS_DOCX / "30_2020_ND_CP.docx", kind="decision")
    assert any("2020" in f.found for f in report.by_rule("ND30-SO-03"))


def test_appendices_of_the_decree(corpus_reports):
    """Phụ lục I and III: "Phụ lục …" heading and "(Kèm theo …)" line recognised and correct;
    the samples of Phụ lục III are checked as documents of their own (placeholders and all)."""
    for name in ("Phuluc1", "Phuluc3"):
        report = corpus_reports[name]
        assert report.kind == "attached"
        assert not report.by_rule("ND30-APPX-02") and not report.by_rule("ND30-APPX-03")
        for f in report.findings:
            assert f.rule_id in RULES and f.expected == RULES[f.rule_id].asks
            assert f.location
    p1 = corpus_reports["Phuluc1"]
    assert p1.by_rule("ND30-PAGE-03")  # its landscape section has a 15 mm bottom margin
    p3 = corpus_reports["Phuluc3"]
    assert len(p3.parts) > 10  # Mẫu 1.1 … 3.2 each recognised as a document
    assert any("QUYẾT ĐỊNH" in part for part in p3.parts)


def test_real_files_are_not_modified(tmp_path):
    for src in CORPUS_DOCX.glob("*.docx"):
        path = tmp_path / src.name
        shutil.copy2(src, path)
        before = (hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns)
        check_file(path)
        after = (hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns)
        assert before == after


def test_built_file_not_modified(tmp_path):
    path = B.save(B.build_plan(), tmp_path / "plan.docx")
    os.chmod(path, 0o444)  # read-only: the checker must not need write access
    digest, mtime = hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns
    check_file(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest and os.stat(path).st_mtime_ns == mtime


# ----------------------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_document_saved_by_libreoffice(tmp_path):
    """A plan and a decision saved by LibreOffice (its own XML idioms: w:start/w:end indents,
    w:val="true", its docDefaults) are read and stay correct. One soffice call for both."""
    src = tmp_path / "in"
    out = tmp_path / "out"
    src.mkdir()
    out.mkdir()
    files = [B.save(B.build_plan(), src / "plan.docx"), B.save(B.build_decision(), src / "decision.docx")]
    cmd = [shutil.which("soffice"), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
           "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out)] + [str(f) for f in files]
    subprocess.run(cmd, capture_output=True, timeout=180, check=False)
    converted = [out / "plan.docx", out / "decision.docx"]
    assert all(p.exists() for p in converted), list(out.iterdir())
    plan, decision = (check_file(p) for p in converted)
    assert plan.kind == "plan" and decision.kind == "decision"
    assert plan.findings == [], [(f.rule_id, f.found) for f in plan.findings]
    assert decision.findings == [], [(f.rule_id, f.found) for f in decision.findings]


# ----------------------------------------------------------------------------- unreadable files


def test_not_a_zip(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(b"%PDF-1.4 not a word file")
    with pytest.raises(UnreadableFile) as e:
        check_file(path)
    assert "ke-hoach.docx" in str(e.value) and "không phải là tệp .docx hợp lệ" in str(e.value)
    assert e.value.exit_code == EXIT_UNREADABLE


def test_corrupt_zip(tmp_path):
    data = B.to_bytes(B.build_plan())
    path = tmp_path / "hong.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile, match="hong.docx"):
        check_file(path)


def test_zip_bomb_declared_size(tmp_path):
    """A zip whose word/document.xml declares a huge uncompressed size is refused before any
    decompression (the central directory is patched to declare 4 GB − 1)."""
    data = bytearray(B.to_bytes(B.build_plan()))
    name = b"word/document.xml"
    pos = data.rfind(b"PK\x01\x02", 0)
    while pos != -1:
        n = int.from_bytes(data[pos + 28:pos + 30], "little")
        if data[pos + 46:pos + 46 + n] == name:
            data[pos + 24:pos + 28] = (0xFFFFFFFE).to_bytes(4, "little")
            break
        pos = data.rfind(b"PK\x01\x02", 0, pos)
    path = tmp_path / "bom.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableFile, match="word/document.xml"):
        check_file(path)


def test_missing_document_part(tmp_path):
    path = tmp_path / "thieu.docx"
    with zipfile.ZipFile(B.save(B.build_plan(), tmp_path / "ok.docx")) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info, src.read(info))
    with pytest.raises(UnreadableFile, match="word/document.xml"):
        check_file(path)


def test_missing_file():
    with pytest.raises(UnreadableFile, match="Không tìm thấy"):
        check_file("/nonexistent/ke-hoach.docx")


# ----------------------------------------------------------------------------- reports


def test_format_text_and_json(check):
    doc = B.build_plan()
    B.set_text(B.find(doc, "Hà Tĩnh, ngày"), "Hà Tĩnh, ngày 5 tháng 03 năm 2026")
    report = check(doc)
    assert report.exit_code == EXIT_ERRORS
    text = format_text(report)
    line = next(x for x in text.splitlines() if "ngày '5'" in x)
    assert line.startswith("LỖI ND30-DATE-02 [ô 4, bảng 1, ô (1,2), đoạn 4] «Hà Tĩnh, ngày 5 tháng 03")
    assert "; yêu cầu: " + RULES["ND30-DATE-02"].asks in line
    assert any(x.startswith("CẢNH BÁO ND30-DATE-02") for x in text.splitlines())
    assert text.splitlines()[-1].endswith("1 lỗi, 1 cảnh báo.")
    data = json.loads(format_json(report))
    assert data["errors"] == 1 and data["warnings"] == 1 and data["kind"] == "plan"
    assert data["findings"][0]["rule_id"] == "ND30-DATE-02"
    assert "tháng" in format_json(report)  # ensure_ascii=False keeps Vietnamese readable


def test_exit_code_ok_with_warnings_only(check):
    doc = B.build_plan()
    B.set_text(B.find(doc, "Hà Tĩnh, ngày"), "Hà Tĩnh, ngày 05 tháng 03 năm 2026")
    report = check(doc)
    assert report.warnings == 1 and report.errors == 0 and report.exit_code == EXIT_OK


def test_not_checkable_rules_are_documented():
    checked = set().union(*APPLICABLE.values())
    assert not (checked & set(NOT_CHECKABLE))
    for rule_id, reason in NOT_CHECKABLE.items():
        assert rule_id.startswith("ND30-") and len(reason) > 20
    assert {"ND30-SIGN-05", "ND30-SEAL-02"} <= set(NOT_CHECKABLE)


def test_every_rule_is_checked_or_declared_uncheckable():
    checked = set().union(*APPLICABLE.values())
    assert set(RULES) <= checked | set(NOT_CHECKABLE), set(RULES) - checked - set(NOT_CHECKABLE)
    assert checked <= set(RULES)  # every finding can take its severity and text from RULES
