"""One PDF per certificate out of a converted batch: the same page, only its own objects."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from gcn_helpers import product_rows, run_cli, write_csv, write_issuer
from pypdf import PdfReader

from ocop_docs.certificates import pdfsplit
from ocop_docs.convert import pdf_info


def render(pdf: Path, page: int, out: Path) -> bytes:
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(out)],
                   check=True)
    return out.with_suffix(".pgm").read_bytes()


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    """A LibreOffice PDF of 6 certificates in one document (the PDF step's own work file)."""
    from ocop_docs.certificates import batch
    from ocop_docs.certificates.model import load_issuer

    tmp = tmp_path_factory.mktemp("split")
    issuer_file = write_issuer(tmp)
    issuer = load_issuer(issuer_file)
    good, _ = batch.plan_jobs(write_csv(tmp / "t.csv", product_rows(6)), issuer)
    from ocop_docs.certificates.context import CertificateJob, validity_end

    jobs = [CertificateJob(i, 2026, f"{i:03d}/2026/GCN-OCOP", p.row, p.key, p.name, p.owner, p.address, p.group, p.code,
                           p.score, stars, issuer.issue_date, validity_end(issuer.issue_date))
            for i, (p, stars) in enumerate(good, 1)]
    from ocop_docs.render.templates import template_path

    batch._init_worker(str(template_path("certificate")), issuer.model_dump_json())
    [(pdf, pages, count)] = batch._convert_slice((jobs, str(tmp), False, 0))
    assert pages == count == 6
    return Path(pdf)


@pytest.mark.parametrize("path", ["raw", "pypdf"])
def test_pages_are_the_same_and_carry_one_picture(converted, tmp_path, path, monkeypatch):
    if path == "pypdf":
        def unsupported(*args):
            raise pdfsplit._Unsupported("forced")
        monkeypatch.setattr(pdfsplit, "_split_raw", unsupported)
    outs = [tmp_path / f"{i}.pdf" for i in range(6)]
    pdfsplit.split_pages(converted, outs)
    for i, out in enumerate(outs):
        reader = PdfReader(out)
        assert len(reader.pages) == 1
        xobjects = reader.pages[0]["/Resources"].get("/XObject", {})
        assert len(xobjects) == 1  # its own QR code, not the document's six
        assert render(out, 1, tmp_path / f"a{i}") == render(converted, i + 1, tmp_path / f"b{i}")
        assert f"{i + 1:03d}/2026/GCN-OCOP" in reader.pages[0].extract_text()


def test_wrong_page_count_is_refused(converted, tmp_path):
    from ocop_docs.errors import ConversionError

    with pytest.raises(ConversionError, match="6 trang nhưng cần 5"):
        pdfsplit.split_pages(converted, [tmp_path / f"{i}.pdf" for i in range(5)])


def test_pdfa_batch_keeps_pdfa_in_every_file(tmp_path):
    table = write_csv(tmp_path / "t.csv", product_rows(3))
    result = run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(tmp_path / "out"),
                     "--register", str(tmp_path / "r.sqlite"), "--pdfa")
    assert result.returncode == 0, result.stderr
    pdfs = sorted((tmp_path / "out" / "pdf").glob("*.pdf")) + [tmp_path / "out" / "giay-chung-nhan-tat-ca.pdf"]
    assert len(pdfs) == 4
    for pdf in pdfs:
        assert pdf_info(pdf).is_pdfa, pdf
