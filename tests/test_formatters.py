"""``--formatter ruff`` (opt-in): the same package, formatted by ruff instead of black.

The templates lay code out so that the two agree (multi-line docstrings close on their own
line, where black and ruff would otherwise differ), so for this project ruff's output is
byte for byte the committed, black-formatted output.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from codegen.commands import main
from codegen.format import format_sources, formatter_key
from codegen.write import read_tree
from tests.helpers import GENERATED, SPECS


def test_ruff_formats_the_package_as_black_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "cache"))
    output = tmp_path / "out"
    argv = ["generate", "--spec-dir", str(SPECS), "--output", str(output), "--package", "typed_sagemaker"]
    assert main([*argv, "--formatter", "ruff"]) == 0
    assert read_tree(output) == read_tree(GENERATED)


def test_the_formatter_is_part_of_the_cache_key() -> None:
    import black

    assert formatter_key("black").startswith(f"black {black.__version__} line-length ")
    assert formatter_key("ruff").startswith("ruff 0.")
    assert formatter_key("black") != formatter_key("ruff")


def test_ruff_output_is_checked_like_black_output() -> None:
    source = "def f(x):\n    return  x\n"
    assert format_sources({"m.py": source}, formatter="ruff") == {"m.py": "def f(x):\n    return x\n"}


def test_an_unknown_formatter_is_a_usage_error() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--formatter", "yapf"], capture_output=True, text=True
    )
    assert run.returncode == 2 and "--formatter: invalid choice: 'yapf'" in run.stderr


@pytest.mark.parametrize("rest", [" = None,", ","])
def test_a_long_union_parameter_is_laid_out_so_black_and_ruff_agree(rest: str) -> None:
    # Left to themselves, black parenthesizes the annotation and ruff splits it at the "|".
    from codegen.render.python.layout import annotated

    name, union = "restricted_instance_groups", "list[ClusterRestrictedInstanceGroupSpecification] | None"
    source = f"def f(\n    *,\n    {annotated(4, name, union, rest)}\n) -> None: ...\n"
    assert "(\n" in source  # too long for one line
    black_out = format_sources({"m.py": source})["m.py"]
    assert black_out == source
    assert format_sources({"m.py": source}, formatter="ruff")["m.py"] == source
    short = annotated(4, "x", "int | None", rest)
    assert short == f"x: int | None{rest}"
