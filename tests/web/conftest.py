"""Fixtures of the web tests: an app on a temporary folder and register, helpers to post forms."""
from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from docx.shared import Mm, Pt
from starlette.testclient import TestClient
from testpaths import SAMPLES

from ocop_docs.web import WebConfig, create_app

sys.path.insert(0, str(Path(__file__).resolve().parent))  # web_helpers, shared by this folder's tests


@pytest.fixture
def make_app(tmp_path):
    apps = []

    def make(**kw):
        kw.setdefault("workdir", tmp_path / "web")
        kw.setdefault("register", tmp_path / "so-dang-ky.sqlite")
        app = create_app(WebConfig(**kw))
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.state.pool.shutdown()


@pytest.fixture
def client(make_app):
    with TestClient(make_app()) as c:
        yield c


@pytest.fixture(scope="session")
def plan_with_faults(tmp_path_factory) -> Path:
    """A plan rendered by the project, then broken the way a clerk's edits break one: left
    margin 20 mm (ND30-PAGE-03), the date line not italic (ND30-DATE-03), a body paragraph in
    Arial 11 pt on page 2 (ND30-FONT-01, ND30-BODY-03)."""
    from ocop_docs.io import load_spec
    from ocop_docs.render import render_spec

    out = tmp_path_factory.mktemp("web-docs")
    path = render_spec(load_spec(SAMPLES / "plans" / "ben-cau-2024.yaml"), out / "ke-hoach.docx")
    document = docx.Document(path)
    document.sections[0].left_margin = Mm(20)
    body = [p for p in document.paragraphs if p.text.startswith("Đối với nhóm sản phẩm 1 - 2")]
    assert body, "the sample plan changed: pick another paragraph"
    for run in body[0].runs:
        run.font.size = Pt(11)
        run.font.name = "Arial"
    for row in document.tables[0].rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                if ", ngày" in p.text:
                    for run in p.runs:
                        run.font.italic = False
    broken = out / "Kế hoạch có lỗi.docx"
    document.save(broken)
    return broken
