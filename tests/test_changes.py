"""API change reports (`codegen diff`) and re-pinning with a changelog (`codegen update`), on the
real history of ListTrainingJobsForHyperParameterTuningJob: botocore 1.12.0, 1.13.0, 1.15.0
(committed slices) and a pin of it from the installed botocore. The tests keep to a project of
their own (that one operation), whatever the repository's configuration selects."""

from __future__ import annotations

import argparse
import io
import json
import shutil
from pathlib import Path
from typing import Any, Callable

import botocore
import pytest

from codegen.changes import (
    NO_CHANGES,
    Change,
    Report,
    constraint_changes,
    diff_snapshots,
    render,
    render_json,
    render_markdown,
    render_text,
)
from codegen.commands.changes import (
    add_diff_arguments,
    add_update_arguments,
    run_diff,
    run_update,
    update_project,
)
from codegen.commands.pinning import changelog_text
from codegen.config import load_config
from codegen.errors import CodegenError
from codegen.ir.nodes import Constraints
from codegen.pipeline import generate_tree
from codegen.release import release_date
from codegen.spec.source import ModelSource
from codegen.spec.store import build_snapshot_tree, read_snapshot
from codegen.write import read_tree, write_tree
from tests.helpers import demo_model, write_spec

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "specs"
V1_12, V1_13, V1_15 = (FIXTURES / f"botocore-{v}" for v in ("1.12.0", "1.13.0", "1.15.0"))
PACKAGE = "typed_sagemaker"
SUMMARY = "HyperParameterTrainingJobSummary"
REQUEST = "ListTrainingJobsForHyperParameterTuningJobRequest"
OPERATION = "ListTrainingJobsForHyperParameterTuningJob"
# The project the update tests re-pin: the operation whose history the fixtures hold.
PYPROJECT = f"""[tool.codegen]
service = "sagemaker"
operations = ["{OPERATION}"]
package = "{PACKAGE}"
"""


# Changelog entries are dated by SOURCE_DATE_EPOCH when it is set (2026-01-01 here).
DATE = "2026-01-01"


@pytest.fixture(autouse=True)
def _release_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The operation pinned from the installed botocore."""
    from tests.helpers import sync_installed

    return sync_installed(tmp_path_factory.mktemp("current") / "specs", "sagemaker", OPERATION)


def report(old: Path, new: Path) -> Report:
    return diff_snapshots(read_snapshot(old), read_snapshot(new), PACKAGE)


def find(rep: Report, model_name: str, change: str) -> Change:
    matches = [c for c in rep.changes if c.model_name == model_name and c.change == change]
    assert len(matches) == 1, (model_name, change, render_text(rep))
    return matches[0]


def diff_main(*argv: str | Path) -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    add_diff_arguments(parser)
    out = io.StringIO()
    return run_diff(parser.parse_args([str(a) for a in argv]), out=out), out.getvalue()


def mutated(
    source: Path, target: Path, edit: Callable[[dict[str, Any], dict[str, Any]], None]
) -> Path:
    """A copy of the spec dir ``source`` with ``edit(model, paginators)`` applied."""
    shutil.copytree(source, target)
    service = next(target.glob("sagemaker/*/service-2.json"))
    paginators = service.with_name("paginators-1.json")
    model, pages = json.loads(service.read_text()), json.loads(paginators.read_text())
    edit(model, pages)
    service.write_text(json.dumps(model, indent=2))
    paginators.write_text(json.dumps(pages, indent=2))
    return target


# --- the real history --------------------------------------------------------------------------


def test_1_12_to_1_13_adds_the_paginator_and_tuning_job_name() -> None:
    rep = report(V1_12, V1_13)
    paginator = find(rep, OPERATION, "paginator added")
    assert paginator.kind == "additive"
    assert paginator.python_name == "list_training_jobs_for_hyper_parameter_tuning_job"
    member = find(rep, f"{SUMMARY}.TuningJobName", "member added")
    assert (member.kind, member.python_name, member.detail) == (
        "additive",
        "tuning_job_name",
        "str | None",
    )
    assert not rep.breaking
    text = render_text(rep)
    assert "botocore 1.12.0 -> 1.13.0" in text
    assert f"  - class {SUMMARY}: TuningJobName (tuning_job_name): member added: str | None\n" in text


def test_1_13_to_1_15_adds_training_job_definition_name() -> None:
    rep = report(V1_13, V1_15)
    member = find(rep, f"{SUMMARY}.TrainingJobDefinitionName", "member added")
    assert (member.kind, member.python_name) == ("additive", "training_job_definition_name")
    assert [c.kind for c in rep.changes] == ["additive"]


def test_1_15_to_current_adds_deleting_and_changes_docs(current: Path) -> None:
    rep = report(V1_15, current)
    deleting = find(rep, "TrainingJobStatus.Deleting", "enum value added")
    assert (deleting.kind, deleting.python_name) == ("additive", "TrainingJobStatus.DELETING")
    docs = rep.of_kind("docs-only")
    assert {c.model_name for c in docs} >= {OPERATION, SUMMARY, f"{SUMMARY}.TrainingEndTime"}
    assert all(c.change == "documentation changed" for c in docs if c.target != "service")
    # Length patterns were rewritten; a string's missing min and min 0 are the same: not reported.
    # "^[a-zA-Z0-9](-*[a-zA-Z0-9])*" -> "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}": the anchor went and a
    # bound came, so neither tighter nor looser can be proven.
    pattern = [c for c in rep.changes if c.model_name == f"{REQUEST}.HyperParameterTuningJobName" and "pattern" in c.change]
    assert [(c.kind, c.change) for c in pattern] == [("constraint-changed", "pattern changed")], pattern
    assert not [c for c in rep.changes if c.change.startswith("min")]
    # The map's value shape was renamed (ParameterValue -> HyperParameterValue) but is still a
    # str to users; only its raised max shows.
    values = find(rep, f"{SUMMARY}.TunedHyperParameters", "values: max raised")
    assert (values.kind, values.detail) == ("additive", "256 -> 2500")
    assert not [c for c in rep.changes if c.change == "type changed"]
    assert not rep.breaking


def test_identical_snapshots_report_no_changes_and_exit_0(current: Path) -> None:
    rep = report(current, current)
    assert rep.empty and not rep.breaking
    for fmt in ("text", "markdown"):
        assert NO_CHANGES in render(rep, fmt)
    assert json.loads(render_json(rep))["changes"] == []
    code, out = diff_main(current, current, "--fail-on", "breaking")
    assert code == 0 and NO_CHANGES in out


def test_report_is_deterministic_and_ordered_by_kind(current: Path) -> None:
    first, second = report(V1_12, current), report(V1_12, current)
    assert render_json(first) == render_json(second) and render_text(first) == render_text(second)
    kinds = [c.kind for c in first.changes]
    order = ["breaking", "additive", "constraint-tightened", "constraint-changed", "docs-only"]
    assert kinds == sorted(kinds, key=order.index)
    assert list(first.changes) == sorted(first.changes, key=Change.sort_key)


# --- classification on synthetic changes -------------------------------------------------------


def _breaking_edit(model: dict[str, Any], paginators: dict[str, Any]) -> None:
    shapes = model["shapes"]
    del shapes[SUMMARY]["members"]["TuningJobName"]  # member removed
    shapes[REQUEST]["required"].append("MaxResults")  # member became required
    shapes["TrainingJobStatus"]["enum"].remove("Stopped")  # enum value removed
    shapes[SUMMARY]["members"]["CreationTime"] = {"shape": "MaxResults"}  # type changed
    paginators["pagination"].clear()  # paginator removed


def test_removed_required_enum_type_and_paginator_changes_are_breaking(tmp_path: Path) -> None:
    new = mutated(V1_15, tmp_path / "new", _breaking_edit)
    rep = report(V1_15, new)
    expected = {
        (f"{SUMMARY}.TuningJobName", "member removed"),
        (f"{REQUEST}.MaxResults", "became required"),
        ("TrainingJobStatus.Stopped", "enum value removed"),
        (f"{SUMMARY}.CreationTime", "type changed"),
        (OPERATION, "paginator removed"),
    }
    assert {(c.model_name, c.change) for c in rep.of_kind("breaking")} == expected
    assert find(rep, f"{SUMMARY}.CreationTime", "type changed").detail == "datetime.datetime -> int"
    assert (
        find(rep, "TrainingJobStatus.Stopped", "enum value removed").python_name
        == "TrainingJobStatus.STOPPED"
    )
    assert rep.breaking

    code, out = diff_main(V1_15, new, "--fail-on", "breaking")
    assert code == 3  # not 1, which is kept for codegen's own bugs
    assert "Breaking (5):" in out
    # Grouped under what users name: the class, then its member.
    assert f"  - class {REQUEST}: MaxResults (max_results): became required\n" in out
    assert diff_main(V1_15, new, "--fail-on", "additive,constraint-changed")[0] == 0
    assert diff_main(V1_15, new, "--fail-on", "any")[0] == 3
    assert diff_main(V1_15, new)[0] == 0  # without --fail-on, a report is not a failure
    assert diff_main(V1_12, V1_15, "--fail-on", "breaking")[0] == 0  # additive only


def test_added_operation_error_class_and_required_request_member(tmp_path: Path) -> None:
    def edit(model: dict[str, Any], paginators: dict[str, Any]) -> None:
        shapes = model["shapes"]
        shapes["Throttled"] = {"type": "structure", "members": {}, "exception": True}
        model["operations"][OPERATION]["errors"].append({"shape": "Throttled"})
        shapes[REQUEST]["members"]["Region"] = {"shape": "TrainingJobName"}
        shapes[REQUEST]["required"].append("Region")
        shapes[SUMMARY]["members"]["Extra"] = {"shape": "TrainingJobName"}
        shapes[SUMMARY]["required"].append("Extra")

    rep = report(V1_15, mutated(V1_15, tmp_path / "new", edit))
    assert find(rep, OPERATION, "error added").kind == "additive"
    assert find(rep, "Throttled", "exception added").kind == "additive"
    # Callers must now pass it: breaking. In a response it is just one more field.
    assert find(rep, f"{REQUEST}.Region", "required member added").kind == "breaking"
    assert find(rep, f"{SUMMARY}.Extra", "required member added").kind == "additive"


def test_constraints_tightened_and_relaxed(tmp_path: Path) -> None:
    def edit(model: dict[str, Any], paginators: dict[str, Any]) -> None:
        shapes = model["shapes"]
        shapes["MaxResults"]["max"] = 50  # lowered: tightened
        shapes["MaxResults"]["min"] = 0  # lowered: relaxed
        shapes["TrainingJobName"]["min"] = 2  # raised: tightened
        shapes["FailureReason"]["max"] = 2048  # raised: relaxed
        del shapes["MetricName"]["pattern"]  # removed: relaxed
        shapes["ParameterKey"]["pattern"] = "[a-z]+"  # changed (a map's keys): tightened
        shapes[REQUEST]["members"]["HyperParameterTuningJobName"]["documentation"] = "<p>New.</p>"

    rep = report(V1_15, mutated(V1_15, tmp_path / "new", edit))
    kinds = {(c.model_name, c.change): (c.kind, c.detail) for c in rep.changes}
    assert kinds[(f"{REQUEST}.MaxResults", "max lowered")] == ("constraint-tightened", "100 -> 50")
    assert kinds[(f"{REQUEST}.MaxResults", "min lowered")] == ("additive", "1 -> 0")
    assert kinds[(f"{SUMMARY}.TrainingJobName", "min raised")] == ("constraint-tightened", "1 -> 2")
    assert kinds[(f"{SUMMARY}.FailureReason", "max raised")][0] == "additive"
    assert (
        kinds[("FinalHyperParameterTuningJobObjectiveMetric.MetricName", "pattern removed")][0]
        == "additive"
    )
    # Every string of [a-z]+ matches .*: provably tighter.
    assert kinds[(f"{SUMMARY}.TunedHyperParameters", "keys: pattern tightened")] == (
        "constraint-tightened",
        '".*" -> "[a-z]+"',
    )
    docs = find(rep, f"{REQUEST}.HyperParameterTuningJobName", "documentation changed")
    assert docs.kind == "docs-only"
    assert not rep.breaking


def _demo(tmp_path: Path, name: str, new: bool) -> Path:
    """A hand-made two-operation service, before (``new=False``) or after a model update."""
    shapes: dict[str, Any] = {
        "Str": {"type": "string"},
        "Color": {"type": "string", "enum": ["red", "blue"]},
        "Input": {
            "type": "structure",
            "required": [] if new else ["Name"],
            "members": {"Name": {"shape": "Str"}, "Tint": {"shape": "Color" if new else "Str"}},
        },
        "Output": {"type": "structure", "members": {"Items": {"shape": "Client"}}},
        # "Client" is a generated helper's name, so its class is Client_.
        "Client": {
            "type": "structure",
            "required": [] if new else ["Id"],
            "members": {"Id": {"shape": "Str"}},
        },
        "Kept": {"type": "structure", "members": {}, "exception": True},
    }
    model = demo_model(shapes)
    http = {"method": "POST", "requestUri": "/"}
    model["operations"]["Other"] = {"name": "Other", "http": http, "errors": [{"shape": "Kept"}]}
    if not new:
        shapes["Gone"] = {"type": "structure", "members": {}, "exception": True}
        model["operations"]["DoIt"]["errors"] = [{"shape": "Gone"}, {"shape": "Kept"}]
    return write_spec(tmp_path / name, model)


def test_python_names_requiredness_by_direction_and_errors(tmp_path: Path) -> None:
    old, new = _demo(tmp_path, "old", new=False), _demo(tmp_path, "new", new=True)
    rep = diff_snapshots(read_snapshot(old), read_snapshot(new), "demo_sdk")
    assert sorted((c.model_name, c.change, c.detail, c.kind) for c in rep.changes) == [
        ("Client.Id", "no longer required", "may now be None", "breaking"),  # a response field
        ("Color", "enum added", "", "additive"),
        ("DoIt", "error removed", "Gone", "breaking"),  # its class is gone too
        ("DoIt", "error removed", "Kept", "docs-only"),  # still raised as Kept (via Other)
        ("Gone", "exception removed", "", "breaking"),
        ("Input.Name", "no longer required", "", "additive"),  # a request may now omit it
        ("Input.Tint", "type changed", "str -> Color | _literals.Color", "breaking"),  # a checker now rejects other str
    ]
    client_id = find(rep, "Client.Id", "no longer required")
    assert (client_id.python_name, client_id.subject) == ("Client_.id_", "Client.Id (Client_.id_)")


def test_constraint_rules() -> None:
    def kinds(old: Constraints, new: Constraints, length: bool = False) -> list[tuple[str, str]]:
        return [(k, c) for k, c, _ in constraint_changes(old, new, length)]

    assert kinds(Constraints(), Constraints(min=0), length=True) == []
    assert kinds(Constraints(), Constraints(min=0)) == [("constraint-tightened", "min raised")]
    assert kinds(Constraints(max=5), Constraints()) == [("additive", "max raised")]
    assert kinds(Constraints(), Constraints(pattern="x")) == [
        ("constraint-tightened", "pattern added")
    ]
    assert kinds(Constraints(1, 9, "a"), Constraints(1, 9, "a")) == []


# --- formats -----------------------------------------------------------------------------------


def test_json_format(current: Path) -> None:
    code, out = diff_main(V1_15, current, "--format", "json", "--package", PACKAGE)
    data = json.loads(out)
    assert code == 0
    assert data["old"]["botocore_version"] == "1.15.0"
    assert (
        data["new"]["botocore_version"]
        == json.loads((current / "manifest.json").read_text())["source"]["botocore_version"]
    )
    assert data["package"] == PACKAGE and data["breaking"] is False
    assert data["summary"]["breaking"] == 0 and data["summary"]["additive"] >= 1
    assert {
        "kind": "additive",
        "service": "sagemaker",
        "target": "enum value",
        "model_name": "TrainingJobStatus.Deleting",
        "python_name": "TrainingJobStatus.DELETING",
        "change": "enum value added",
        "detail": "",
    } in data["changes"]


def test_markdown_format() -> None:
    code, out = diff_main(V1_12, V1_13, "--format", "markdown", "--package", PACKAGE)
    assert code == 0
    assert out.startswith(f"## {PACKAGE}: botocore 1.12.0 -> 1.13.0 ({release_date()})\n")
    assert "### Additive\n" in out and "### Breaking" not in out
    assert f"- class `{SUMMARY}`: `TuningJobName` (`tuning_job_name`): member added: `str | None`" in out
    assert render_markdown(report(V1_12, V1_13), heading_level=3).startswith("### ")


def test_bad_input_raises_codegen_error(tmp_path: Path, current: Path) -> None:
    with pytest.raises(CodegenError, match="not a directory"):
        diff_main(tmp_path / "missing", current)
    (tmp_path / "empty").mkdir()
    with pytest.raises(CodegenError, match="manifest.json"):
        diff_main(current, tmp_path / "empty")
    with pytest.raises(SystemExit):  # argparse: unknown format
        diff_main(current, current, "--format", "yaml")


# --- codegen update ----------------------------------------------------------------------------


def _project(tmp_path: Path, specs: Path | None) -> Path:
    """A checkout: the real config, ``specs`` (or a fresh pin from the installed botocore) and
    the package generated from it."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text(PYPROJECT)
    config = load_config(root)
    if specs is None:  # up to date with whatever botocore is installed
        tree = build_snapshot_tree(ModelSource.installed(), {config.service: config.operations})
        write_tree(root / "specs", tree, kind="specs")
    else:  # as `codegen sync` would have written them
        write_tree(root / "specs", read_tree(specs), kind="specs")
    write_tree(root / "generated", generate_tree(root / "specs", config.package))
    return root


def _update(root: Path, source: ModelSource, fail_on: tuple[str, ...] = ()) -> tuple[Any, str]:
    out = io.StringIO()
    result = update_project(load_config(root), source, out=out, fail_on=fail_on)
    return result, out.getvalue()


def _state(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() else b"", p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
    }


def test_update_when_up_to_date_changes_nothing(tmp_path: Path) -> None:
    root = _project(tmp_path, specs=None)
    before = _state(root)
    result, out = _update(root, ModelSource.installed())
    assert out == f"specs/ is up to date with botocore {botocore.__version__}; no API changes\n"
    assert not result.changed and result.report is None
    assert _state(root) == before
    assert not (root / "CHANGELOG.md").exists()


def test_update_from_an_old_pin_reports_and_writes_a_changelog_entry(tmp_path: Path) -> None:
    root = _project(tmp_path, specs=V1_15)
    (root / "CHANGELOG.md").write_text("# Changelog\n\nModel updates.\n\n## older entry\n\nOld.\n")
    result, out = _update(root, ModelSource.installed())

    version = botocore.__version__
    # Additions and docs: a minor release (the old pin recorded no version: 0.1.0 before).
    assert out.startswith(f"API changes in {PACKAGE} 0.2.0 ({DATE})\nbotocore 1.15.0 -> {version}\n")
    assert "Deleting (DELETING): enum value added" in out
    assert f"specs/: re-pinned from botocore 1.15.0 to {version}; version 0.2.0" in out
    assert "CHANGELOG.md: entry 0.2.0 added" in out
    assert result.written == (root / "specs", root / "generated", root / "CHANGELOG.md")

    assert json.loads((root / "specs" / "manifest.json").read_text())["package_version"] == "0.2.0"
    assert read_tree(root / "generated") == dict(generate_tree(root / "specs", PACKAGE))
    assert 'version = "0.2.0"' in (root / "generated" / "pyproject.toml").read_text()
    assert f'__botocore_version__ = "{version}"' in (root / "generated" / PACKAGE / "__init__.py").read_text()
    changelog = (root / "CHANGELOG.md").read_text()
    assert changelog.startswith(
        f"# Changelog\n\nModel updates.\n\n## {PACKAGE} 0.2.0 ({DATE})\n\nbotocore 1.15.0 -> {version}.\n"
    )
    assert changelog.index("TrainingJobStatus") < changelog.index("## older entry")
    assert changelog.endswith("## older entry\n\nOld.\n")

    # Once re-pinned, a second run is a no-op that leaves the changelog alone.
    before = _state(root)
    result, out = _update(root, ModelSource.installed())
    assert not result.changed and "up to date" in out and _state(root) == before


def _old_botocore(tmp_path: Path) -> Path:
    """A botocore data directory holding SageMaker as botocore 1.15.0 had it."""
    botocore_dir = tmp_path / "old-botocore" / "botocore"
    shutil.copytree(V1_15 / "sagemaker", botocore_dir / "data" / "sagemaker")
    (botocore_dir / "__init__.py").write_text("__version__ = '1.15.0'\n")
    return botocore_dir / "data"


def test_run_update_from_a_botocore_data_dir(tmp_path: Path, monkeypatch, capsys, current: Path) -> None:
    """`codegen update --botocore-data` with the 1.15.0 data: a downgrade, so breaking; below
    1.0 a breaking change is a minor release."""
    root = _project(tmp_path, specs=current)
    data = _old_botocore(tmp_path)
    parser = argparse.ArgumentParser()
    add_update_arguments(parser)
    monkeypatch.chdir(root)

    assert run_update(parser.parse_args(["--botocore-data", str(data)])) == 0
    out = capsys.readouterr().out
    assert "Deleting (DELETING): enum value removed" in out
    assert "Breaking (1):" in out
    changelog = (root / "CHANGELOG.md").read_text()
    assert changelog.startswith(f"# Changelog\n\n## {PACKAGE} 0.2.0 ({DATE})\n\nbotocore ")
    assert "-> 1.15.0" in changelog.splitlines()[4]
    manifest = json.loads((root / "specs" / "manifest.json").read_text())
    assert (manifest["source"]["botocore_version"], manifest["package_version"]) == ("1.15.0", "0.2.0")

    assert run_update(parser.parse_args(["--botocore-data", str(data)])) == 0
    assert capsys.readouterr().out == "specs/ is up to date with botocore 1.15.0; no API changes\n"


def test_update_fail_on_reports_and_writes_nothing(tmp_path: Path, current: Path, monkeypatch, capsys) -> None:
    root = _project(tmp_path, specs=current)
    data = _old_botocore(tmp_path)
    parser = argparse.ArgumentParser()
    add_update_arguments(parser)
    monkeypatch.chdir(root)
    before = _state(root)
    status = run_update(parser.parse_args(["--botocore-data", str(data), "--fail-on", "breaking"]))
    out = capsys.readouterr().out
    assert status == 3
    assert "Breaking (1):" in out
    assert "specs/: not re-pinned, nothing written: the report has breaking changes (--fail-on)" in out
    assert _state(root) == before
    # Additions alone do not trip --fail-on breaking.
    (tmp_path / "old").mkdir()
    root_old = _project(tmp_path / "old", specs=V1_15)
    result, _ = _update(root_old, ModelSource.installed(), fail_on=("breaking",))
    assert result.status == 0 and result.changed


def test_a_re_pin_without_api_changes_is_a_patch_release(tmp_path: Path) -> None:
    """The same slice from another botocore: no API change, but the package records the new
    botocore version and ships the new files, so it is a new (patch) version with an entry."""
    root = _project(tmp_path, specs=None)
    manifest = root / "specs" / "manifest.json"
    manifest.write_text(manifest.read_text().replace(botocore.__version__, "1.31.0"))
    result, out = _update(root, ModelSource.installed())
    assert result.report is not None and result.report.empty
    assert result.version == "0.1.1"
    assert result.written == (root / "specs", root / "generated", root / "CHANGELOG.md")
    assert NO_CHANGES in out
    entry = (root / "CHANGELOG.md").read_text()
    assert f"## {PACKAGE} 0.1.1 ({DATE})\n\nbotocore 1.31.0 -> {botocore.__version__}.\n\n{NO_CHANGES}\n" in entry


def test_first_update_pins_the_service(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text(PYPROJECT)
    result, out = _update(root, ModelSource.installed())
    assert f"specs/: pinned to botocore {botocore.__version__}; version 0.1.0" in out
    assert find(result.report, "sagemaker", "service added").kind == "additive"
    changelog = (root / "CHANGELOG.md").read_text()
    assert f"## {PACKAGE} 0.1.0 ({DATE})\n\nbotocore none -> {botocore.__version__}; sagemaker API version none" in changelog


def _versioned_project(tmp_path: Path, extra: str, recorded: str | None = None) -> Path:
    """A project pinned at 1.15.0, its configuration with ``extra`` keys, its manifest with the
    version ``recorded`` (None: a pin from before versions were recorded)."""
    root = _project(tmp_path, specs=V1_15)
    (root / "pyproject.toml").write_text(PYPROJECT + extra)
    if recorded is not None:
        manifest = root / "specs" / "manifest.json"
        data = json.loads(manifest.read_text())
        data["package_version"] = recorded
        write_tree(root / "specs", {**read_tree(root / "specs"), "manifest.json": (json.dumps(data) + "\n").encode()}, kind="specs")
    return root


@pytest.mark.parametrize(
    ("extra", "recorded", "expected"),
    [
        ("", "0.4.2", "0.5.0"),  # additive: minor
        ('[tool.codegen.version-bumps]\nadditive = "patch"\nconstraint-changed = "patch"\n', "0.4.2", "0.4.3"),
        ('[tool.codegen.version-bumps]\nadditive = "major"\n', "1.4.2", "2.0.0"),
        ('version = "1.0.0"\n', "0.4.2", "1.0.0"),  # a floor above the last release: taken as is
        ('version = "0.2.0"\n', "0.4.2", "0.5.0"),  # a floor below it: bumped from the release
    ],
)
def test_the_version_follows_the_changes_and_the_policy(
    tmp_path: Path, extra: str, recorded: str, expected: str
) -> None:
    root = _versioned_project(tmp_path, extra, recorded)
    result, out = _update(root, ModelSource.installed())
    assert result.version == expected, out
    assert f'version = "{expected}"' in (root / "generated" / "pyproject.toml").read_text()
    assert f'__version__ = "{expected}"' in (root / "generated" / PACKAGE / "__init__.py").read_text()


def test_a_breaking_change_after_1_0_is_a_major_release(tmp_path: Path, current: Path) -> None:
    root = _project(tmp_path, specs=current)
    (root / "pyproject.toml").write_text(PYPROJECT + 'version = "1.3.0"\n')
    result, _ = _update(root, ModelSource.data_directory(_old_botocore(tmp_path)))
    assert result.report is not None and result.report.breaking
    assert result.version == "2.0.0"  # from the floor (no version recorded yet), moved by breaking


def test_sync_adding_an_operation_reports_it_and_adds_a_changelog_entry(
    tmp_path: Path, current: Path, monkeypatch, capsys
) -> None:
    from codegen.commands import main

    root = _project(tmp_path, specs=current)
    (root / "pyproject.toml").write_text(
        PYPROJECT.replace(f'["{OPERATION}"]', f'["{OPERATION}", "DescribeTrainingJob"]')
    )
    monkeypatch.chdir(root)
    assert main(["sync"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"API changes in {PACKAGE} 0.2.0 ({DATE})\n")
    assert "  - operation DescribeTrainingJob (describe_training_job): operation added\n" in out
    assert "package version 0.2.0" in out and "CHANGELOG.md: entry 0.2.0 added" in out
    assert "- operation `DescribeTrainingJob` (`describe_training_job`): operation added" in (root / "CHANGELOG.md").read_text()
    assert json.loads((root / "specs" / "manifest.json").read_text())["package_version"] == "0.2.0"
    # Generating from it gives the package that version.
    assert main(["generate"]) == 0
    assert 'version = "0.2.0"' in (root / "generated" / "pyproject.toml").read_text()


def test_update_writes_nothing_when_the_new_model_is_bad(tmp_path: Path, current: Path) -> None:
    root = _project(tmp_path, specs=V1_15)

    def edit(model: dict[str, Any], paginators: dict[str, Any]) -> None:
        paginators["pagination"][OPERATION]["result_key"] = "NoSuchMember"

    data = mutated(current, tmp_path / "data", edit)
    before = _state(root)
    with pytest.raises(CodegenError, match="result_key"):
        _update(root, ModelSource.data_directory(data))
    assert _state(root) == before


def test_changelog_text() -> None:
    entry = "## new\n\nNew.\n"
    assert changelog_text(None, entry) == "# Changelog\n\n## new\n\nNew.\n"
    assert changelog_text("# Log\n\n## old\n", entry) == "# Log\n\n## new\n\nNew.\n\n## old\n"
    assert changelog_text("# Log\nIntro.", entry) == "# Log\nIntro.\n\n## new\n\nNew.\n"


# --- waiters -----------------------------------------------------------------------------------

WAITER = "TrainingJobCompletedOrStopped"


@pytest.fixture(scope="module")
def with_waiters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A slice of botocore's model with DescribeTrainingJob and DescribeEndpoint and their
    three waiters."""
    from tests.helpers import sync_installed

    return sync_installed(tmp_path_factory.mktemp("waiters") / "specs", "sagemaker", "DescribeTrainingJob", "DescribeEndpoint")


def waiters_edited(source: Path, target: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    shutil.copytree(source, target)
    path = next(target.glob("sagemaker/*/waiters-2.json"))
    table = json.loads(path.read_text())
    edit(table["waiters"])
    path.write_text(json.dumps(table, indent=2))
    return target


def waiter_changes(rep: Report) -> set[tuple[str, str, str]]:
    return {(c.kind, c.change, c.detail) for c in rep.changes if c.target == "waiter"}


def test_a_waiter_added_is_additive_and_removed_is_breaking(with_waiters: Path, tmp_path: Path) -> None:
    fewer = waiters_edited(with_waiters, tmp_path / "fewer", lambda w: w.pop(WAITER))
    added = find(report(fewer, with_waiters), WAITER, "waiter added")
    assert (added.kind, added.python_name, added.detail) == ("additive", "training_job_completed_or_stopped", "DescribeTrainingJob")
    removed = find(report(with_waiters, fewer), WAITER, "waiter removed")
    assert removed.kind == "breaking"
    code, out = diff_main(with_waiters, fewer, "--fail-on", "breaking")
    assert code == 3
    assert f"{WAITER} (training_job_completed_or_stopped): waiter removed" in out
    assert report(with_waiters, with_waiters).empty


def test_acceptors_that_may_make_a_wait_fail_are_breaking(with_waiters: Path, tmp_path: Path) -> None:
    def edit(waiters: dict[str, Any]) -> None:
        acceptors = waiters[WAITER]["acceptors"]
        acceptors.remove({"matcher": "path", "argument": "TrainingJobStatus", "state": "success", "expected": "Stopped"})
        acceptors.append({"matcher": "path", "argument": "TrainingJobStatus", "state": "failure", "expected": "Stopping"})
        acceptors.append({"matcher": "error", "state": "retry", "expected": "ThrottlingException"})
        acceptors.remove({"matcher": "error", "state": "failure", "expected": "ValidationException"})

    rep = report(with_waiters, waiters_edited(with_waiters, tmp_path / "new", edit))
    assert waiter_changes(rep) == {
        ("breaking", "acceptor removed", 'success when TrainingJobStatus is "Stopped"'),
        ("breaking", "acceptor added", 'failure when TrainingJobStatus is "Stopping"'),
        ("additive", "acceptor added", "retry when the error is ThrottlingException"),
        ("additive", "acceptor removed", "failure when the error is ValidationException"),
    }
    assert rep.breaking


def test_reordered_acceptors_defaults_description_and_operation(with_waiters: Path, tmp_path: Path) -> None:
    def edit(waiters: dict[str, Any]) -> None:
        waiters[WAITER]["acceptors"].reverse()
        waiters[WAITER]["delay"] = 60
        waiters[WAITER]["maxAttempts"] = 360
        waiters[WAITER]["description"] = "Wait until the job ends."
        waiters["EndpointInService"]["operation"] = "DescribeTrainingJob"

    rep = report(with_waiters, waiters_edited(with_waiters, tmp_path / "new", edit))
    assert waiter_changes(rep) == {
        ("breaking", "acceptors reordered", ""),
        ("constraint-tightened", "default delay lowered", "120 -> 60"),
        ("additive", "default attempts raised", "180 -> 360"),
        ("docs-only", "description changed", ""),
        ("breaking", "operation changed", "DescribeEndpoint -> DescribeTrainingJob"),
    }
    text = render_text(rep)
    assert f"{WAITER} (training_job_completed_or_stopped): default delay lowered: 120 -> 60" in text
