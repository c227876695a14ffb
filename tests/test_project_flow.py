"""README's "Adding an operation", done for real in a copy of this repository (``-m slow``):
add two operations to ``[tool.codegen]``, ``codegen sync && codegen generate``, then run the
default test suite there. It must pass: the tests follow the configuration (or keep to
projects of their own), so adding operations never turns CI red."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow

ADDED = ("DescribeTrainingJob", "ListTrainingJobs")


def _copy_checkout(target: Path) -> None:
    """The files git tracks (what a clone holds), or, without git, the source directories."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True)
    if listed.returncode == 0:
        for name in listed.stdout.decode().split("\0"):
            if name and (ROOT / name).is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, target / name)
    else:  # pragma: no cover - a checkout without git
        for name in ("codegen", "tests", "specs", "generated", "bench", "docs"):
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(ROOT / name, target / name)


def _run(argv: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"}
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_adding_two_operations_keeps_the_suite_green(tmp_path: Path) -> None:
    copy = tmp_path / "checkout"
    _copy_checkout(copy)
    pyproject = copy / "pyproject.toml"
    text = pyproject.read_text()
    start = text.index("operations = [", text.index("[tool.codegen]"))
    end = text.index("]", start) + 1
    current = json.loads(text[start + len("operations = "):end])
    pyproject.write_text(text[:start] + f"operations = {json.dumps([*current, *ADDED])}" + text[end:])

    # python -m, from the copy: its own codegen and tests are imported, not this checkout's.
    for argv in (["sync"], ["generate"]):
        done = _run([sys.executable, "-m", "codegen", *argv], copy, 600)
        assert done.returncode == 0, done.stdout + done.stderr
    manifest = json.loads((copy / "specs" / "manifest.json").read_text())
    assert set(ADDED) <= set(manifest["services"]["sagemaker"]["operations"])
    assert "DescribeTrainingJob" in (copy / "PACKAGE_CHANGELOG.md").read_text()  # [tool.codegen] changelog

    suite = _run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"], copy, 3600)
    tail = "\n".join((suite.stdout + suite.stderr).splitlines()[-40:])
    assert suite.returncode == 0, tail
