"""The generated package, and code using it, pass `mypy --strict`."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import GENERATED, ROOT


def test_generated_package_and_typed_usage_pass_mypy_strict() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(GENERATED / "pyproject.toml"),
         "--cache-dir", str(ROOT / ".mypy_cache"),
         str(GENERATED / "typed_sagemaker"), str(ROOT / "tests" / "typed_usage.py")],
        cwd=GENERATED, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
