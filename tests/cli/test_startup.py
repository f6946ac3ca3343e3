"""Start-up: `ocop-docs --help` and a usage error answer before the library is loaded (README,
"Hiệu năng"), and the API names stay the functions however the package is first imported."""
from __future__ import annotations

import os
import subprocess
import sys

from testpaths import ROOT

# What the library pulls in; none of it is needed to print help or a usage error.
HEAVY = ("pydantic", "docx", "docxtpl", "lxml", "openpyxl", "pypdf", "jinja2", "yaml")


def _loaded_after(code: str) -> list[str]:
    """The heavy packages in sys.modules after ``code`` runs in a fresh interpreter."""
    probe = f"{code}\nimport sys\nprint('LOADED:', *sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[-1].split()[1:]


def test_help_and_usage_errors_load_no_library():
    help_run = "from ocop_docs.cli import main\ntry:\n    main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass"
    usage_run = ("from ocop_docs.cli import main\nimport click\ntry:\n    main(['render'], standalone_mode=False)\n"
                 "except click.UsageError:\n    pass")
    assert _loaded_after(help_run) == []
    assert _loaded_after(usage_run) == []


def test_a_command_help_lists_the_kinds_when_shown():
    done = subprocess.run([sys.executable, "-m", "ocop_docs.cli", "schema", "--help"], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "LOAI là một trong:" in done.stdout
    assert "ke-hoach" in done.stdout and "quyet-dinh-cong-nhan" in done.stdout


def test_api_names_are_the_functions_even_after_their_subpackages_are_imported():
    code = ("import ocop_docs.check.api, ocop_docs.parse, ocop_docs.render\n"
            "import ocop_docs\nfrom ocop_docs import check, parse, render, roll_forward, issue_certificates\n"
            "import types\n"
            "names = (check, parse, render, roll_forward, issue_certificates, ocop_docs.check, ocop_docs.parse)\n"
            "assert all(isinstance(f, types.FunctionType) for f in names), names\n"
            "from ocop_docs.parse import parse_file\nfrom ocop_docs.render import render_spec")
    assert "pydantic" in _loaded_after(code)  # it ran: the library is loaded now, and every name is a function
