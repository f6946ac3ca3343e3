"""The templates and samples ship inside the package: a wheel built from the checkout, installed into
a fresh virtual environment, runs ``ocop-docs demo`` from another folder (issue 14, item 5).

Fast and offline: the wheel is built without build isolation (setuptools and wheel come from the
test extra) and installed with --no-deps; the environment sees the dependencies of the running one
through a .pth line (a plain path: the checkout's own editable install is not imported)."""
from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from testpaths import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "ocop_docs", source / "ocop_docs", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-w", str(work / "dist"), str(source)], check=True, capture_output=True, timeout=300)
    wheel = next((work / "dist").glob("ocop_docs-*.whl"))
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    deps = [p for p in site.getsitepackages() if os.path.isdir(p)]
    (Path(purelib) / "dependencies-of-the-test-run.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    return work, wheel, env_dir


def clean_env() -> dict:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # the tests run with the checkout on the path; the demo must not
    return env


def test_wheel_holds_the_templates_and_samples(installed):
    _, wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "ocop_docs").rglob("*")
               if p.is_file() and p.parent.name != "__pycache__" and p.parts[len(ROOT.parts) + 1] in ("templates", "samples")}
    assert len(shipped) >= 30 and shipped <= set(names)


def test_installed_package_runs_the_demo_from_another_folder(installed):
    work, _, env_dir = installed
    elsewhere = work / "van-phong"
    elsewhere.mkdir()
    where = subprocess.run([str(env_dir / "bin" / "python"), "-c", "import ocop_docs; print(ocop_docs.__file__)"],
                           cwd=elsewhere, env=clean_env(), check=True, capture_output=True, text=True).stdout
    assert where.startswith(str(env_dir)), where  # the wheel's copy, not the checkout
    result = subprocess.run([str(env_dir / "bin" / "ocop-docs"), "demo", "-o", "ket-qua", "--no-pdf"],
                            cwd=elsewhere, env=clean_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    out = elsewhere / "ket-qua"
    for relative in ("plans/ben-cau-2024.docx", "decisions/quang-nam-2020.docx", "forms/bien-ban-hoi-dong-ha-tinh.docx",
                     "forms/ket-qua-cham-diem.xlsx"):
        assert (out / relative).stat().st_size > 5000, relative
    assert len(list(out.rglob("*.docx"))) >= 50  # the certificates too
    assert "Xong:" in result.stdout
