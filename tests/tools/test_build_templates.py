"""The shipped templates are what tools/build_templates.py makes (no hand edit drifts away).

A clerk may edit a copy of a template; the shipped ones must stay reproducible from code, so a
change of layout is made once in the builder. Compared part by part on the XML text, since
the zip's timestamps differ from build to build.
"""
from __future__ import annotations

import importlib.util
import zipfile

from testpaths import ROOT


def load_builder():
    spec = importlib.util.spec_from_file_location("build_templates", ROOT / "tools" / "build_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist() if name.endswith((".xml", ".rels"))}


def test_committed_templates_match_the_builder(tmp_path):
    load_builder().build_all(tmp_path)
    built = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.docx"))
    shipped = sorted(p.relative_to(ROOT / "ocop_docs" / "templates") for p in (ROOT / "ocop_docs" / "templates").rglob("*.docx"))
    assert built == shipped
    for relative in built:
        fresh, committed = parts(tmp_path / relative), parts(ROOT / "ocop_docs" / "templates" / relative)
        # docProps/core.xml carries the build time; everything else must be identical.
        fresh.pop("docProps/core.xml", None)
        committed.pop("docProps/core.xml", None)
        assert fresh.keys() == committed.keys(), relative
        changed = [name for name in fresh if fresh[name] != committed[name]]
        assert changed == [], (relative, changed)
