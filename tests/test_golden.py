"""generated/ is exactly what the pinned spec renders to: byte for byte, on any run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import black

from codegen.format import black_mode
from codegen.pipeline import RUNTIME_DIR
from codegen.write import diff_tree, read_tree
from tests.helpers import GENERATED, PACKAGE, ROOT, SPECS, generated_tree

REFRESH = "codegen generate"


def test_generated_matches_the_pinned_spec() -> None:
    tree = generated_tree()
    diff = diff_tree(GENERATED, tree, label="generated")
    assert not diff, f"generated/ is out of date; refresh it with `{REFRESH}`:\n{diff}"


def _generate_in_subprocess(output: Path, hash_seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--output", str(output)],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )
    return read_tree(output)


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    first = _generate_in_subprocess(tmp_path / "a", "1")
    second = _generate_in_subprocess(tmp_path / "b", "4242")
    assert first == second == read_tree(GENERATED)


def test_generated_python_is_black_stable() -> None:
    for path in sorted(GENERATED.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert black.format_str(source, mode=black_mode()) == source, path


def test_the_templates_write_black_layout_so_black_changes_nothing_it_is_given(monkeypatch) -> None:
    """black formats a second time whatever its first pass changed (``black.format_str``), so
    the templates write its layout: for this package it is given nothing to change. (A matter
    of speed: what is written is black's either way.)"""
    import difflib

    import codegen.format
    from codegen.pipeline import generate_tree

    real = codegen.format._format_chunk

    def changing_nothing(text: str) -> str:
        formatted = real(text)
        diff = "".join(difflib.unified_diff(text.splitlines(True), formatted.splitlines(True), n=1))
        assert formatted == text, f"black changes what a template wrote:\n{diff}"
        return formatted

    monkeypatch.setattr(codegen.format, "_format_chunk", changing_nothing)  # (forked workers too)
    assert generate_tree(SPECS, PACKAGE) == generated_tree()


def test_the_shared_runtime_modules_are_copied_as_they_are() -> None:
    """``codegen/templates/runtime/`` is copied without formatting, so it must already be black's
    layout; and it holds no Jinja (nothing from a spec can reach it)."""
    package = GENERATED / PACKAGE
    modules = sorted(p for p in RUNTIME_DIR.rglob("*.py") if "__pycache__" not in p.parts)
    names = {p.relative_to(RUNTIME_DIR).as_posix() for p in modules}
    assert names >= {"_runtime/shapes.py", "_runtime/paging.py", "cli.py", "_cli/main.py", "__main__.py"}
    for path in modules:
        source = path.read_text(encoding="utf-8")
        assert black.format_str(source, mode=black_mode()) == source, path
        assert "{{" not in source and "{%" not in source, path
        assert (package / path.relative_to(RUNTIME_DIR)).read_text(encoding="utf-8") == source


def test_check_passes_when_in_sync_and_fails_with_a_diff_after_a_doc_edit(tmp_path: Path) -> None:
    # The output and the package come from [tool.codegen], as in the project's own runs.
    check = [sys.executable, "-m", "codegen", "generate", "--check"]
    in_sync = subprocess.run([*check, "--spec-dir", str(SPECS)], capture_output=True, text=True, cwd=ROOT)
    assert in_sync.returncode == 0, in_sync.stdout + in_sync.stderr

    edited = tmp_path / "specs"
    for relative, content in read_tree(SPECS).items():
        (edited / relative).parent.mkdir(parents=True, exist_ok=True)
        (edited / relative).write_bytes(content)
    model = next(edited.glob("*/*/service-2.json"))
    text = model.read_text(encoding="utf-8")
    old = "The name of the training job."
    assert old in text
    model.write_text(text.replace(old, "The training job's name, edited.", 1), encoding="utf-8")

    stale = subprocess.run([*check, "--spec-dir", str(edited)], capture_output=True, text=True, cwd=ROOT)
    assert stale.returncode == 3  # out of date (1 is kept for codegen's own bugs)
    assert "-        The name of the training job." in stale.stdout
    assert "+        The training job's name, edited." in stale.stdout
    assert "codegen generate" in stale.stderr
    assert read_tree(GENERATED) == generated_tree()  # --check wrote nothing
