"""Installed distributions found without importing them (``codegen/installed.py``): the
version in the ``.dist-info`` directory's name is the package's own, and anything unusual is
None, never a guess."""

from __future__ import annotations

import sys
from pathlib import Path

import black
import botocore
import jinja2
import pytest

from codegen import installed


def test_the_version_is_what_the_imported_package_says() -> None:
    assert installed.version("black") == black.__version__
    assert installed.version("botocore") == botocore.__version__
    assert installed.version("jinja2") == jinja2.__version__


def _site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *entries: str) -> Path:
    site = tmp_path / "site"
    for entry in entries:
        (site / entry).mkdir(parents=True)
        if not entry.endswith(".dist-info"):
            (site / entry / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(site))
    return site


def test_a_package_with_one_metadata_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, monkeypatch, "made_up", "Made.Up-1.2.3.dist-info", "other-9.dist-info")
    assert installed.dist_info("made_up") == (str(site), "Made.Up-1.2.3.dist-info")
    assert installed.version("made_up") == "1.2.3"
    assert "made_up" not in sys.modules


@pytest.mark.parametrize(
    "entries",
    [
        ("made_up",),  # no metadata (a checkout on the path)
        ("made_up", "made_up-1.0.dist-info", "made_up-2.0.dist-info"),  # which one?
    ],
)
def test_anything_else_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entries) -> None:
    _site(tmp_path, monkeypatch, *entries)
    assert installed.dist_info("made_up") is None and installed.version("made_up") is None


def test_a_module_or_a_missing_package_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, monkeypatch, "single-1.0.dist-info")
    (site / "single.py").write_text("")
    assert installed.version("single") is None
    assert installed.version("no_such_package_here") is None
