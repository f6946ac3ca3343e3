"""Tracked changes and comments written into a rendering, as Word, LibreOffice and python-docx see them.

The documents are real renderings of the sample plans; the assertions open the written file: which
words are inserted and deleted, who made the change and when, where each comment sits, and that
accepting (or rejecting) every change gives back the new (or the old) text exactly."""
from __future__ import annotations

import copy
import shutil
import subprocess
import zipfile
from datetime import datetime, timezone

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from ocop_docs.check import check_file
from ocop_docs.io import load_spec
from ocop_docs.render import render_spec
from ocop_docs.render.revisions import AUTHOR, accepted_text, track_changes
from testpaths import SAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc)


def _texts(path, accept: bool = True) -> list[str]:
    """Every main-story paragraph's text once all changes are accepted (or rejected)."""
    body = Document(str(path)).element.body
    out = []
    for p in body.iter(qn("w:p")):
        mark = p.find("w:pPr/w:rPr", p.nsmap) if p.find(qn("w:pPr")) is not None else None
        gone = "w:del" if accept else "w:ins"
        if mark is not None and mark.find(qn(gone)) is not None:
            continue
        parts = []
        for r in p.iter(qn("w:r")):
            wrappers = {a.tag for a in r.iterancestors() if a.tag in (qn("w:ins"), qn("w:del"))}
            if qn(gone) in wrappers:
                continue
            parts.append("".join(c.text or "" for c in r if c.tag in (qn("w:t"), qn("w:delText"))))
        out.append("".join(parts))
    return out


@pytest.fixture(scope="module")
def plan_pair(tmp_path_factory):
    """Bến Cầu 2024 and an edited copy: a changed year, a new sentence, a removed paragraph."""
    out = tmp_path_factory.mktemp("rev")
    old = load_spec(SAMPLES / "plans" / "ben-cau-2024.yaml")
    data = old.model_dump(mode="python")
    data["title"] = data["title"].replace("năm 2024", "năm 2025")
    data["closing"] = data["closing"] + " Các đơn vị báo cáo kết quả trước ngày 15/12/2025."
    body = copy.deepcopy(data["body"])
    removed = body[0]["content"][0]["content"].pop(1)["text"]  # "Xây dựng lộ trình thực hiện…"
    data["body"] = body
    new = type(old).model_validate(data)
    old_path = render_spec(old, out / "old.docx")
    new_path = render_spec(new, out / "new.docx")
    clean = render_spec(new, out / "clean.docx")
    shutil.copy(new_path, out / "marked.docx")
    counts = track_changes(old_path, out / "marked.docx", when=WHEN,
                           comments=[("14.000.000 đồng", "Kinh phí năm trước: ghi kinh phí năm nay"),
                                     ("không có chữ này", "không được gắn")])
    return {"old": old_path, "clean": clean, "marked": out / "marked.docx", "counts": counts, "removed": removed}


def test_changed_words_are_revisions_by_ocop_docs_with_the_run_date(plan_pair):
    body = etree.fromstring(zipfile.ZipFile(plan_pair["marked"]).read("word/document.xml"))
    ins = body.findall(f".//{W}ins")
    dels = body.findall(f".//{W}del")
    assert ins and dels
    assert {e.get(f"{W}author") for e in ins + dels} == {AUTHOR}
    assert {e.get(f"{W}date") for e in ins + dels} == {"2026-12-04T09:30:00Z"}
    ids = [e.get(f"{W}id") for e in ins + dels]
    assert len(ids) == len(set(ids)), "revision ids must be unique"
    # Word by word: the title's year, not the whole title.
    inserted = ["".join(t.text for t in e.iter(f"{W}t")) for e in ins]
    deleted = ["".join(t.text for t in e.iter(f"{W}delText")) for e in dels]
    assert "2025" in inserted and "2024" in deleted
    # The closing's final "." and the end mark "./." are the same in both: only the sentence is new.
    assert " Các đơn vị báo cáo kết quả trước ngày 15/12/2025" in inserted
    assert any(plan_pair["removed"] in d for d in deleted)  # the removed paragraph, struck through


def test_accepting_every_change_gives_the_new_document_and_rejecting_the_old(plan_pair):
    assert _texts(plan_pair["marked"], accept=True) == _texts(plan_pair["clean"])
    assert _texts(plan_pair["marked"], accept=False) == _texts(plan_pair["old"])


def test_comment_sits_on_its_words(plan_pair):
    counts = plan_pair["counts"]
    assert counts.comments == 1 and counts.unanchored == ["không có chữ này"]
    document = Document(str(plan_pair["marked"]))
    comments = list(document.comments)
    assert [(c.author, c.text) for c in comments] == [(AUTHOR, "Kinh phí năm trước: ghi kinh phí năm nay")]
    body = document.element.body
    start = body.find(f".//{W}commentRangeStart")
    end = body.find(f".//{W}commentRangeEnd")
    paragraph = start.getparent()
    assert end.getparent() is paragraph
    children = list(paragraph)
    inside = children[children.index(start) + 1:children.index(end)]
    assert "".join(t.text for r in inside for t in r.iter(f"{W}t")) == "14.000.000 đồng"
    assert body.find(f".//{W}commentReference").get(f"{W}id") == start.get(f"{W}id")


def test_python_docx_and_the_checker_read_the_accepted_text(plan_pair):
    document = Document(str(plan_pair["marked"]))
    paragraph = next(p for p in document.element.body.iter(qn("w:p")) if "Các đơn vị báo cáo" in accepted_text(p))
    assert accepted_text(paragraph).endswith("Các đơn vị báo cáo kết quả trước ngày 15/12/2025./.")
    report = check_file(plan_pair["marked"])
    assert report.rule_ids() == {"ND30-FINAL-01"}  # ready once changes are accepted and comments removed
    assert check_file(plan_pair["clean"]).findings == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_keeps_the_revisions_and_the_comment(plan_pair, tmp_path):
    """LibreOffice opens the draft, shows the changes and saves them back as Word revisions."""
    src = tmp_path / "in.docx"
    shutil.copy(plan_pair["marked"], src)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"), str(src)],
                   check=True, capture_output=True, timeout=120)
    resaved = zipfile.ZipFile(tmp_path / "out" / "in.docx")
    body = etree.fromstring(resaved.read("word/document.xml"))
    assert body.findall(f".//{W}ins") and body.findall(f".//{W}del")
    assert b"Kinh ph\xc3\xad n\xc4\x83m tr\xc6\xb0\xe1\xbb\x9bc" in resaved.read("word/comments.xml")
