"""The whole SageMaker service (every operation of the installed botocore's model) syncs,
generates with black, imports and passes the smoke check (``tests/smoke.py``).

Marked slow (``pytest -m slow``) while generating it takes minutes; the format cache is not
used, so the time printed is that of a first generation.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from codegen.commands import main
from tests.smoke import smoke_check

SERVICE = "sagemaker"
PACKAGE = "typed_sagemaker_whole"  # not typed_sagemaker: that one is generated/, imported by other tests


@pytest.mark.slow
def test_the_whole_sagemaker_service_generates_and_passes_the_smoke_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_dir, out = tmp_path / "specs", tmp_path / "out"
    started = time.monotonic()
    assert main(["sync", "--spec-dir", str(spec_dir), SERVICE, "--all-operations"]) == 0
    synced = time.monotonic()
    assert main(["generate", "--spec-dir", str(spec_dir), "--output", str(out), "--package", PACKAGE,
                 "--no-cache"]) == 0
    generated = time.monotonic()
    report = smoke_check(out, PACKAGE, spec_dir)
    with capsys.disabled():
        print(
            f"\n{SERVICE}: {report.operations} operations, {report.shapes} shapes, "
            f"{report.python_lines} lines; sync {synced - started:.1f} s, "
            f"generate {generated - synced:.1f} s, smoke check {time.monotonic() - generated:.1f} s"
        )
        for note in report.notes:
            print(f"  note: {note}")
    assert report.operations > 300
    assert report.ok, "\n".join(report.problems)
