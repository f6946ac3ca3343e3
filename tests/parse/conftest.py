"""Fixtures of the parser tests: the corpus parsed once, sample plans rendered and converted once."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from testpaths import CORPUS

CORPUS_FILES = {
    "ben_cau": "000_77207f9c62c10177.txt",
    "krong_no": "001_8f35a3047954ab05.txt",
    "vu_quang": "002_7aa794dfe1784ca4.txt",
    "ha_tinh": "003_3ec02ed1584b7994.txt",
    "quang_nam": "004_252fda28387b360a.txt",
}


@pytest.fixture(scope="session")
def corpus() -> dict:
    """Every corpus document parsed once: name → Parsed."""
    from ocop_docs.parse import parse_file

    return {name: parse_file(CORPUS / file) for name, file in CORPUS_FILES.items()}


@pytest.fixture(scope="session")
def office_copies(rendered_plans, tmp_path_factory) -> dict[str, dict[str, Path]]:
    """The rendered sample plans converted by LibreOffice in one call each: PDF, and .docx re-saved.

    stem → {"pdf": path, "docx": path of the LibreOffice-saved copy}.
    """
    from ocop_docs.convert import find_soffice, to_pdf

    out = tmp_path_factory.mktemp("office")
    pdfs = to_pdf(list(rendered_plans.values()), out / "pdf")
    soffice = find_soffice()
    profile = tmp_path_factory.mktemp("profile")
    resaved = out / "resaved"
    resaved.mkdir()
    cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(resaved), *map(str, rendered_plans.values())]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    result = {}
    for stem in rendered_plans:
        pdf = next(p for p in pdfs if p.stem == stem)
        copy = resaved / f"{stem}.docx"
        assert copy.is_file(), f"LibreOffice did not re-save {stem}.docx"
        result[stem] = {"pdf": pdf, "docx": copy}
    shutil.rmtree(profile, ignore_errors=True)
    return result
