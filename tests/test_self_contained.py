"""The repository stands alone: no test, tool or benchmark reaches outside the checkout.

The runtime half of this guard is the audit hook of tests/outside.py, installed by conftest.py (a
file opened or listed beside the checkout, or named to a subprocess, fails the test that did it);
this half reads the sources, so that paths built but not opened during a run (a tool's default, a
benchmark's input) are caught too."""
from __future__ import annotations

import ast
import os
import re
import subprocess
from pathlib import Path

import outside
import pytest
from outside import beside_the_checkout

from testpaths import ROOT

GUARDS = {ROOT / "tests" / "outside.py", Path(__file__).resolve()}
"""The two files of this guard name the outside of the checkout in order to refuse it."""
SOURCES = sorted(
    p
    for folder in ("tests", "tools", "benchmarks", "ocop_docs")
    for p in (ROOT / folder).rglob("*.py")
    if p.resolve() not in GUARDS
)
# Path(__file__).resolve().parents[N] / .parent.parent… — where does it land?
PARENTS_INDEX = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?\.parents\[(\d+)\]")
PARENT_CHAIN = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?((?:\.parent)+)")


def _landing(source: Path, match: re.Match) -> Path:
    if match.re is PARENTS_INDEX:
        return source.resolve().parents[int(match.group(1))]
    hops = match.group(1).count(".parent")
    return source.resolve().parents[hops - 1]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_paths_stay_inside_the_repository(source: Path):
    text = source.read_text(encoding="utf-8")
    for pattern in (PARENTS_INDEX, PARENT_CHAIN):
        for match in pattern.finditer(text):
            landing = _landing(source, match)
            assert landing.is_relative_to(ROOT), f"{source.name}: {match.group(0)} → {landing}"
    assert not re.search(r"\bROOT\.parent\b", text), f"{source.name} builds a path beside the repository"
    assert outside_literals(text) == []


def outside_literals(text: str, work_areas: tuple[Path, ...] | None = None) -> list[str]:
    """The string literals of ``text`` that name a path beside the checkout: "../tai-lieu/corpus"
    (relative paths resolve from the checkout, where the tests and tools run) or an absolute
    "/work/tai-lieu/…". A path-traversal attack a test sends ("../../ngoai/x.docx") lands elsewhere."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or "\n" in node.value:
            continue
        value = node.value.replace("\\", "/")
        if value.startswith("../"):
            # Climbing out is wrong wherever the clone lies, even in the temp folder.
            landing, areas = Path(os.path.normpath(ROOT / value)), ()
        elif value.startswith("/"):
            landing, areas = Path(os.path.normpath(value)), work_areas
        else:
            continue
        if landing != ROOT.parent and beside_the_checkout(landing, work_areas=areas):  # "../." is the end mark "./."
            found.append(node.value)
    return found


def test_the_guard_sees_a_path_that_climbs_out(tmp_path):
    """The scan above is not vacuous: it finds a path three levels up from tests/x/y.py."""
    fake = ROOT / "tests" / "x" / "y.py"
    match = PARENTS_INDEX.search('Path(__file__).resolve().parents[3] / "reference"')
    assert not _landing(fake, match).is_relative_to(ROOT)


def test_the_source_scan_sees_a_literal_path_beside_the_checkout():
    """A tool's default "../tai-lieu/corpus" or an absolute path beside the checkout is found; an
    attack path a web test sends is not a path of the repository's and is left alone."""
    beside = str(ROOT.parent / "tai-lieu" / "legal")
    text = f'A = "../tai-lieu/corpus"\nB = {beside!r}\nC = "../../ngoai/ke-hoach.docx"\nD = "/etc/ke-hoach.docx"\n'
    assert outside_literals(text, work_areas=()) == ["../tai-lieu/corpus", beside]  # wherever the clone lies


def test_beside_the_checkout_is_the_parent_folder_less_the_checkout_and_the_temp_folder():
    main, tmp = Path("/work/main"), Path("/tmp")
    assert beside_the_checkout(Path("/work/tai-lieu/spec/nd30.md"), main, (tmp,))
    assert beside_the_checkout(Path("/work/wt/other/x.py"), main, (tmp,))
    assert not beside_the_checkout(Path("/work/main/tests/data/x"), main, (tmp,))
    assert not beside_the_checkout(Path("/usr/lib/libreoffice"), main, (tmp,))
    # A clone in /tmp still runs its tests: pytest's tmp_path and the temp files are not "beside" it.
    assert not beside_the_checkout(Path("/tmp/pytest-of-root/pytest-1/x/out.docx"), Path("/tmp/ocop-docs"), (tmp,))


@pytest.fixture
def strict(monkeypatch):
    """The hook with no work areas: wherever the checkout lies (even in /tmp), its parent's other
    entries are outside."""
    monkeypatch.setattr(outside, "WORK_AREAS", ())


def test_opening_a_file_beside_the_checkout_fails(strict):
    """The audit hook refuses, whether or not the file exists."""
    with pytest.raises(PermissionError, match="outside the repository"):
        open(ROOT.parent / "reference" / "INDEX.md", encoding="utf-8")


def test_listing_a_folder_beside_the_checkout_fails(strict):
    for listing in (os.listdir, os.scandir, lambda p: __import__("glob").glob(str(p / "*"))):
        with pytest.raises(PermissionError, match="outside the repository"):
            listing(ROOT.parent / "reference")


@pytest.mark.parametrize("argv", [["cat", "../reference/INDEX.md"], ["ocop-docs", "check", "--kind=x", "--mau=../reference/m.docx"],
                                  "cat ../reference/INDEX.md"])
def test_a_subprocess_given_a_path_beside_the_checkout_fails(strict, argv):
    with pytest.raises(PermissionError, match="outside the repository"):
        subprocess.run(argv, cwd=ROOT, shell=isinstance(argv, str), capture_output=True)
    with pytest.raises(PermissionError, match="outside the repository"):
        subprocess.run(["ls"], cwd=ROOT.parent, capture_output=True)


CITED_DOC = re.compile(r"(?<![\w/-])([\w-]+\.md)\b")
"""A document named in a comment or docstring: "(ocop.md §8)", "see libraries.md"."""


def _cited_docs(text: str) -> set[str]:
    """The .md files the comments and docstrings of a Python source name."""
    import io
    import tokenize

    prose = [tok.string for tok in tokenize.generate_tokens(io.StringIO(text).readline) if tok.type == tokenize.COMMENT]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            prose.append(ast.get_docstring(node) or "")
    return {name for chunk in prose for name in CITED_DOC.findall(chunk)}


def test_comments_cite_the_repositorys_own_documents():
    """A comment citing a document (ocop.md, nd30.md…) cites one the repository holds: a reader of
    a clone can open it."""
    held = {p.name for p in ROOT.rglob("*.md") if ".venv" not in p.parts}
    missing = {f"{source.relative_to(ROOT)}: {name}" for source in SOURCES
               for name in _cited_docs(source.read_text(encoding="utf-8")) if name not in held}
    assert missing == set()


def test_the_citation_scan_sees_a_document_outside():
    assert _cited_docs('"""Costs 20 ms (libraries.md)."""\n# see design.md §3\nx = "bao-cao.md"\n') == {"libraries.md", "design.md"}
