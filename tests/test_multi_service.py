"""Several services at once: ``codegen sync --all-operations A B`` pins them into one spec
directory, ``codegen generate`` gives a distribution per service; long runs show progress on a
terminal and stay quiet in logs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.commands import main
from codegen.progress import Progress


def test_several_services_give_a_package_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "cache"))
    specs, out = tmp_path / "specs", tmp_path / "out"
    assert main(["sync", "--spec-dir", str(specs), "--all-operations", "sts", "sso"]) == 0
    manifest = json.loads((specs / "manifest.json").read_text())
    assert sorted(manifest["services"]) == ["sso", "sts"]
    assert "AssumeRole" in manifest["services"]["sts"]["operations"]
    assert main(["generate", "--spec-dir", str(specs), "--output", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [".codegen-owned.json", "typed-sso", "typed-sts"]
    for distribution, package in (("typed-sso", "typed_sso"), ("typed-sts", "typed_sts")):
        run = subprocess.run(
            [sys.executable, "-c", f"import {package}.client, {package}.models; print({package}.Client.__name__)"],
            cwd=out / distribution, capture_output=True, text=True,
        )
        assert run.stdout == "Client\n", run.stderr
        assert (out / distribution / "pyproject.toml").is_file()
    # Not a terminal: nothing but the one summary line per command.
    assert capsys.readouterr().err == ""


def test_one_package_name_for_several_services_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    specs = tmp_path / "specs"
    assert main(["sync", "--spec-dir", str(specs), "--all-operations", "sts", "sso"]) == 0
    code = main(["generate", "--spec-dir", str(specs), "--output", str(tmp_path / "out"), "--package", "mine"])
    assert code == 2 and not (tmp_path / "out").exists()
    assert capsys.readouterr().err.startswith("codegen: error: --package: names one package, but ")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_and_taken_away_at_the_end() -> None:
    stream = Terminal()
    progress = Progress("formatting", 3, "pieces", stream)
    for _ in range(3):
        progress.advance()
    progress.close()
    text = stream.getvalue()
    assert "formatting: 3/3 pieces, " in text and text.endswith("\r\x1b[K")


def test_progress_is_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress("formatting", 3, "pieces", stream)
    progress.advance(3)
    progress.close()
    assert stream.getvalue() == ""


def test_a_service_that_fails_in_a_worker_names_its_place_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Services are rendered in worker processes, one each; the error of one comes back whole.
    from tests.helpers import demo_model, write_spec

    specs = tmp_path / "specs"
    good = demo_model({"Input": {"type": "structure", "members": {}},
                       "Output": {"type": "structure", "members": {}}})
    bad = demo_model({"Input": {"type": "structure", "members": {"L": {"shape": "Loop"}}},
                      "Output": {"type": "structure", "members": {}},
                      "Loop": {"type": "list", "member": {"shape": "Loop"}}})
    write_spec(specs, bad, service="bad")
    bad_manifest = json.loads((specs / "manifest.json").read_text())
    write_spec(specs, good, service="good")
    manifest = json.loads((specs / "manifest.json").read_text())
    manifest["services"].update(bad_manifest["services"])
    (specs / "manifest.json").write_text(json.dumps(manifest))
    code = main(["generate", "--spec-dir", str(specs), "--output", str(tmp_path / "out"), "--no-cache"])
    assert code == 2 and not (tmp_path / "out").exists()
    error = capsys.readouterr().err
    assert error.startswith("codegen: error: ") and "shapes.Loop: refers to itself" in error
    assert error.count("\n") == 1


def test_a_model_update_to_one_service_renders_only_that_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from codegen import pipeline
    from codegen.write import read_tree

    specs, out = tmp_path / "specs", tmp_path / "out"
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["sync", "--spec-dir", str(specs), "--all-operations", "sts", "sso"]) == 0
    rendered = tmp_path / "rendered.txt"
    original = pipeline._render_service

    def recording(spec, name, *args):  # runs in the worker processes, so it leaves a file
        with rendered.open("a") as log:
            log.write(name + "\n")
        return original(spec, name, *args)

    monkeypatch.setattr(pipeline, "_render_service", recording)
    assert main(["generate", "--spec-dir", str(specs), "--output", str(out)]) == 0
    assert sorted(rendered.read_text().split()) == ["typed_sso", "typed_sts"]
    assert main(["generate", "--spec-dir", str(specs), "--output", str(out)]) == 0
    assert len(rendered.read_text().split()) == 2  # nothing changed: nothing rendered
    (model_path,) = specs.glob("sso/*/service-2.json")
    model = json.loads(model_path.read_text())
    model["documentation"] = "<p>Updated.</p>"
    model_path.write_text(json.dumps(model))
    assert main(["generate", "--spec-dir", str(specs), "--output", str(out)]) == 0
    assert rendered.read_text().split()[2:] == ["typed_sso"]
    monkeypatch.undo()
    assert read_tree(out) == pipeline.generate_tree(specs, None)  # the same as without any cache
