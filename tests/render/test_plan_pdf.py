"""The sample plans convert to PDF with LibreOffice, whole, with page numbers from page 2."""
from __future__ import annotations

import re

import pytest

from ocop_docs.convert import pdf_info, to_pdf


@pytest.fixture(scope="module")
def pdfs(rendered_plans, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    files = [rendered_plans[k] for k in sorted(rendered_plans)]
    return dict(zip(sorted(rendered_plans), to_pdf(files, out)))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_each_plan_converts_whole(pdfs, rendered_plans):
    from docx import Document

    for stem, pdf in pdfs.items():
        info = pdf_info(pdf)
        assert info.pages >= (2 if stem.startswith("vi-du") else 3), stem  # the example plan is short
        assert all(abs(w - 210) < 1 and abs(h - 297) < 1 for w, h in info.page_sizes)  # ND30-PAGE-01
        text = squash(info.text)
        headings = [p.text for p in Document(str(rendered_plans[stem])).paragraphs if p.style.name == "ND30 - Mục (I.)"]
        assert headings and all(squash(h) in text for h in headings), stem
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in info.page_texts[0]
        assert squash(info.page_texts[-1]).rstrip().endswith(squash(Document(str(rendered_plans[stem])).tables[-1].cell(0, 1).paragraphs[-1].text))


def test_page_number_hidden_on_page_one_shown_from_page_two(pdfs):  # ND30-PAGE-04
    for stem, pdf in pdfs.items():
        info = pdf_info(pdf)
        assert not info.page_texts[0].lstrip().startswith("1\n"), stem
        for number, page in enumerate(info.page_texts[1:], start=2):
            assert page.lstrip().split("\n", 1)[0].strip() == str(number), (stem, number)


def test_ben_cau_budget_in_pdf(pdfs):
    assert "14.000.000 đồng" in squash(pdf_info(pdfs["ben-cau-2024"]).text)
