"""The no-change fast path (``codegen/stamp.py``): taken only when every input and every output
file is what the last run recorded, and then without importing the heavy libraries."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("botocore", "black", "jinja2", "docutils")
PROBE = (
    "import sys; from codegen.commands import main; status = main(sys.argv[1:]); "
    f"print('heavy:', *sorted(m for m in {HEAVY!r} if m in sys.modules)); sys.exit(status)"
)


@pytest.fixture()
def project(tmp_path: Path) -> dict[str, Path]:
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    return {"specs": tmp_path / "specs", "out": tmp_path / "out", "cache": tmp_path / "cache"}


def _run(project: dict[str, Path], *extra: str) -> tuple[str, set[str]]:
    command = [
        sys.executable, "-c", PROBE, "generate", "--spec-dir", str(project["specs"]),
        "--output", str(project["out"]), "--package", "typed_sagemaker", *extra,
    ]
    env = {**os.environ, "CODEGEN_CACHE_DIR": str(project["cache"])}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    heavy = set(lines[-1].split()[1:])
    return lines[-2], heavy


def _streamed(spec_dir: Path) -> bool:
    """Whether the pipeline formats this one service's code as it is rendered (a small
    model): a project that configured more operations may have outgrown it."""
    from codegen.pipeline import _STREAM_MODEL_BYTES, _model_size
    from codegen.spec.store import read_snapshot

    services = read_snapshot(spec_dir).services
    return len(services) == 1 and _model_size(services[0]) < _STREAM_MODEL_BYTES


def test_nothing_changed_imports_nothing_heavy(project: dict[str, Path]) -> None:
    first, heavy = _run(project)
    assert first.endswith("files, written") and heavy
    # A small service's code is formatted by processes forked before the heavy imports, which
    # import black themselves (``codegen.format.BlackAside``): this one never does. A bigger
    # one is formatted here (or by workers forked from here), black imported first.
    assert ("black" in heavy) is not _streamed(project["specs"])
    second, heavy = _run(project)
    assert second == first.replace("written", "already up to date")
    assert heavy == set()


def test_any_change_of_input_or_output_takes_the_full_run(project: dict[str, Path]) -> None:
    _run(project)
    # A model change: the full run renders it.
    model = next(project["specs"].glob("*/*/service-2.json"))
    data = json.loads(model.read_text(encoding="utf-8"))
    first = next(name for name, shape in sorted(data["shapes"].items()) if shape.get("documentation"))
    data["shapes"][first]["documentation"] += "<p>Changed.</p>"
    model.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    line, heavy = _run(project)
    assert line.endswith("written") and heavy
    assert _run(project)[1] == set()
    # A generated file edited by hand is put back.
    target = next((project["out"]).rglob("*.py"))
    original = target.read_bytes()
    target.write_bytes(original + b"# edited\n")
    line, heavy = _run(project)
    assert line.endswith("written") and heavy and target.read_bytes() == original
    # A file added to the output: the full run refuses it, as before.
    (project["out"] / "mine.txt").write_text("mine")
    command = [sys.executable, "-m", "codegen", "generate", "--spec-dir", str(project["specs"]),
               "--output", str(project["out"]), "--package", "typed_sagemaker"]
    env = {**os.environ, "CODEGEN_CACHE_DIR": str(project["cache"])}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 2 and "mine.txt" in done.stderr
    (project["out"] / "mine.txt").unlink()
    # What tools leave in a tree does not count.
    (project["out"] / "__pycache__").mkdir()
    (project["out"] / "__pycache__" / "x.pyc").write_bytes(b"")
    assert _run(project)[1] == set()
    # Another package name, another formatter setting: full runs.
    assert _run(project, "--no-cache")[1]


def test_a_damaged_stamp_is_not_trusted(project: dict[str, Path]) -> None:
    _run(project)
    stamps = list((project["cache"] / "stamps").iterdir())
    assert len(stamps) == 1
    raw = stamps[0].read_bytes()
    stamps[0].write_bytes(raw.replace(b'"files":', b'"files": '))
    line, heavy = _run(project)
    assert line.endswith("already up to date") and heavy  # decided by the full run


def test_the_command_offers_the_formatters_format_knows() -> None:
    from codegen.commands.generate import FORMATTERS as offered
    from codegen.format import FORMATTERS

    assert offered == FORMATTERS
