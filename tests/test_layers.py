"""The package's layers, as pyproject.toml's import contract states them, hold (import-linter):
no module imports from a layer above its own, and so no import cycle crosses layers."""
from __future__ import annotations

import subprocess
import sys

from testpaths import ROOT


def test_import_contract_is_kept():
    lint = ROOT / ".venv" / "bin" / "lint-imports"
    command = [str(lint)] if lint.exists() else [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"]
    result = subprocess.run(command + ["--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0 and "0 broken" in result.stdout, result.stdout + result.stderr


def test_no_import_cycle_between_modules():
    import grimp

    graph = grimp.build_graph("ocop_docs", cache_dir=None)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if module != imported and graph.find_shortest_chain(importer=imported, imported=module):
                cycles.append((module, imported))
    # Within a package, a module and its package's __init__ may refer to each other (names handed on).
    cycles = [(a, b) for a, b in cycles if not (b == a.rsplit(".", 1)[0] or a == b.rsplit(".", 1)[0])]
    assert cycles == []
