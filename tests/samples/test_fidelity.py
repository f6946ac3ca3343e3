"""The sample plans reproduce the real plans of tests/data/corpus word for word.

Every line of each original's body (from the trích yếu to the closing paragraph) must appear,
as a contiguous run of words, in the rendered document. Only extraction noise is forgiven:
markdown emphasis, "✓", footnote marks, lines broken at page breaks (a fragment still has to
be found), section numbers (the engine renumbers skipped or repeated ones) and end punctuation.
"""
from __future__ import annotations

import re

import pytest
from docx import Document
from lxml import etree

from testpaths import CORPUS

CASES = {
    "ben-cau-2024": "000_77207f9c62c10177.txt",
    "vu-quang-2019": "002_7aa794dfe1784ca4.txt",
    "ha-tinh-2023-2025": "003_3ec02ed1584b7994.txt",
}

LABEL = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*")
WORD = re.compile(r"[0-9A-Za-zÀ-ỹĐđ]+")


def words(text: str) -> str:
    return " ".join(WORD.findall(text))


def original_lines(name: str) -> list[str]:
    raw = (CORPUS / name).read_text(encoding="utf-8")
    lines = []
    notes = []  # footnotes stand between the halves of a paragraph broken at a page end
    started = False
    for line in raw.splitlines():
        is_note = bool(re.match(r"\s*[¹²³⁴⁵⁶⁷⁸⁹]", line))
        line = re.sub(r"[*#✓¹²³⁴⁵⁶⁷⁸⁹⁰₀-₉]", "", line).strip()
        if not line:
            continue
        if not started:
            started = line == "KẾ HOẠCH"
            continue
        line = LABEL.sub("", line.lstrip("-+ ").strip())
        line = LABEL.sub("", line)  # "13. Đề nghị" after a dash, or "3.1." after "3."
        if line:
            (notes if is_note else lines).append(line)
        if line.startswith("Trên đây"):
            break
    return lines + notes


def content_cells(document) -> list[str]:
    """The texts of the cells of the content tables (bordered: not the header or signature layout)."""
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out = []
    for tbl in document.element.body.iter(f"{W}tbl"):
        inside = tbl.find(f"{W}tblPr/{W}tblBorders/{W}insideV")
        if inside is not None and inside.get(f"{W}val") not in ("nil", "none"):
            out += ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tbl.iter(f"{W}tc")]
    return [text for text in out if text.strip()]


def rendered_words(path) -> str:
    """Words of the body paragraphs and of the content tables' cells, then of the footnotes (word/footnotes.xml)."""
    document = Document(str(path))
    text = " ".join([p.text for p in document.paragraphs] + content_cells(document))
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            root = etree.fromstring(rel.target_part.blob)
            text += " " + " ".join(t.text or "" for t in root.iter("{*}t"))
    return words(text)


@pytest.mark.parametrize("stem", sorted(CASES))
def test_every_line_of_the_original_is_in_the_rendered_plan(stem, rendered_plans):
    if stem not in rendered_plans:
        pytest.fail(f"sample {stem}.yaml is missing")
    text = rendered_words(rendered_plans[stem])
    lines = original_lines(CASES[stem])
    assert len(lines) > 40, "the original body was not found in the corpus file"
    missing = [line for line in lines if words(line) not in text]
    assert missing == []


@pytest.mark.parametrize("stem", sorted(CASES))
def test_nothing_is_added_beyond_the_original(stem, rendered_plans):
    """Each rendered body paragraph comes from the original (no invented text)."""
    original = words(" ".join(original_lines(CASES[stem])))
    document = Document(str(rendered_plans[stem]))
    body = [p.text for p in document.paragraphs if p.text.strip()][2:]  # after KẾ HOẠCH and the trích yếu
    body += content_cells(document)  # a table's cells come from the original too
    extra = [t for t in body if words(LABEL.sub("", t.lstrip("-+ "))) not in original]
    # Headings renumbered by the engine and explicit labels are the only differences allowed.
    extra = [t for t in extra if words(LABEL.sub("", LABEL.sub("", t))) not in original]
    assert extra == []


def test_recipients_and_signer_of_ben_cau(rendered_plans):
    document = Document(str(rendered_plans["ben-cau-2024"]))
    signature = document.tables[-1]
    left = [p.text for p in signature.cell(0, 0).paragraphs]
    right = [p.text for p in signature.cell(0, 1).paragraphs if p.text]
    assert left[0] == "Nơi nhận:"
    assert "- Sở Nông nghiệp và PTNT tỉnh;" in left
    assert left[-1] == "- Lưu: VT, PNN."
    # The garbled "Ư. CHỦ TỊCH" of the extraction is the original's TM./KT. block.
    assert right == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thanh Mềm"]


def test_ben_cau_budget_and_tasks(rendered_plans):
    from ocop_docs.io import load_spec

    from testpaths import SAMPLES

    plan = load_spec(SAMPLES / "plans" / "ben-cau-2024.yaml")
    assert plan.budget_total == 14_000_000
    document = Document(str(rendered_plans["ben-cau-2024"]))
    texts = [p.text for p in document.paragraphs]
    assert any("14.000.000 đồng" in t for t in texts)
    leads = {t.lead for t in plan.tasks}
    assert "Phòng Nông nghiệp và PTNT huyện" in leads
