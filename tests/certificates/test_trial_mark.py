"""The trial run's sample certificate carries "BẢN THỬ – KHÔNG CÓ GIÁ TRỊ"; a real certificate never does."""
from __future__ import annotations

import subprocess
import zipfile

import pytest
from gcn_helpers import product_rows, write_csv, write_issuer
from wordcheck import word_findings

from ocop_docs.certificates import run_certificates, trial_certificates
from ocop_docs.certificates.trial_mark import TRIAL_MARK
from ocop_docs.convert import to_pdf


def _xml(docx) -> str:
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_sample_is_marked_and_real_certificates_are_not(tmp_path):
    issuer = write_issuer(tmp_path)
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    trial = trial_certificates(table, issuer, tmp_path / "gcn", register=tmp_path / "r.sqlite")
    sample = trial.sample
    assert sample is not None and sample.name == "gcn-ban-thu.docx"
    xml = _xml(sample)
    # in a text box of its own, in front of the text, and over the QR code
    assert xml.count("<w:txbxContent>") == 2 and TRIAL_MARK in xml and ">BẢN THỬ<" in xml
    assert 'behindDoc="0"' in xml
    assert word_findings(sample) == []  # Word opens it without repair
    real = run_certificates(table, issuer, tmp_path / "that", register=tmp_path / "r.sqlite")
    for result in real.results:
        assert "BẢN THỬ" not in _xml(result.docx)


def test_the_mark_is_on_the_printed_page_and_hides_the_qr_code(tmp_path):
    zxingcpp = pytest.importorskip("zxingcpp")  # declared in the [test] extra
    from PIL import Image

    issuer = write_issuer(tmp_path)
    table = write_csv(tmp_path / "t.csv", product_rows(1))
    sample = trial_certificates(table, issuer, tmp_path / "gcn", register=tmp_path / "r.sqlite").sample
    real = run_certificates(table, issuer, tmp_path / "that", register=tmp_path / "r.sqlite").results[0].docx
    marked_pdf, real_pdf = to_pdf([sample, real], tmp_path / "pdf")
    info = subprocess.run(["pdfinfo", str(marked_pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info  # the mark does not push the certificate onto a second page
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(marked_pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert TRIAL_MARK in text
    assert "Sản phẩm số 1" in text  # the product's name is still there to read

    def codes(pdf):
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(pdf.with_suffix(""))], check=True)
        return [r.text for r in zxingcpp.read_barcodes(Image.open(pdf.with_suffix(".png")))]

    assert codes(real_pdf) and codes(real_pdf)[0].startswith("OCOP-GCN/1\nSố: 001/2026/GCN-OCOP")
    assert codes(marked_pdf) == []  # a phone cannot take the trial's code for a register entry
