"""`codegen sync` pins a stable slice; `codegen generate` writes all or nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from codegen.commands import main
from codegen.pipeline import generate_tree
from codegen.write import read_tree, write_tree
from tests.helpers import FIXTURE_SPECS, GENERATED, PROJECT, SPECS, demo_model, write_spec

MISSION = "ListTrainingJobsForHyperParameterTuningJob"


def test_slice_holds_the_operation_its_shape_closure_and_its_paginator() -> None:
    model = json.loads(next(SPECS.glob("sagemaker/*/service-2.json")).read_text())
    assert sorted(model["operations"]) == sorted(PROJECT.operations) and MISSION in model["operations"]
    assert set(model["shapes"]) >= {
        "ListTrainingJobsForHyperParameterTuningJobRequest",
        "ListTrainingJobsForHyperParameterTuningJobResponse",
        "HyperParameterTrainingJobSummary",
        "FinalHyperParameterTuningJobObjectiveMetric",
        "TrainingJobStatus", "TrainingJobSortByOptions", "SortOrder",
        "HyperParameterTuningJobObjectiveType", "ObjectiveStatus", "ResourceNotFound",
    }
    assert list(model["shapes"]) == sorted(model["shapes"])
    paginators = json.loads(next(SPECS.glob("sagemaker/*/paginators-1.json")).read_text())
    assert paginators["pagination"][MISSION]["result_key"] == "TrainingJobSummaries"
    manifest = json.loads((SPECS / "manifest.json").read_text())
    entry = manifest["services"]["sagemaker"]
    assert entry["operations"] == sorted(PROJECT.operations) and len(entry["source_sha256"]["service-2.json"]) == 64


def test_mission_classes_are_exported() -> None:
    init = (GENERATED / "typed_sagemaker" / "__init__.py").read_text()
    for name in ["ListTrainingJobsForHyperParameterTuningJobRequest",
                 "ListTrainingJobsForHyperParameterTuningJobResponse",
                 "HyperParameterTrainingJobSummary", "FinalHyperParameterTuningJobObjectiveMetric",
                 "TrainingJobStatus", "TrainingJobSortByOptions", "SortOrder",
                 "HyperParameterTuningJobObjectiveType", "ObjectiveStatus"]:
        assert f'"{name}"' in init
    assert (GENERATED / "typed_sagemaker" / "py.typed").exists()


def _botocore_data_dir(tmp_path: Path, fixture: str) -> Path:
    """A directory shaped like an old botocore's data/, from a committed slice."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_SPECS / fixture / "sagemaker", data / "sagemaker")
    return data


def test_sync_from_an_old_botocore_data_dir_then_generate(tmp_path: Path, capsys) -> None:
    data = _botocore_data_dir(tmp_path, "botocore-1.12.0")
    spec_dir, out = tmp_path / "specs", tmp_path / "out"
    assert main(["sync", "--botocore-data", str(data), "--spec-dir", str(spec_dir), "sagemaker", MISSION]) == 0
    assert main(["generate", "--spec-dir", str(spec_dir), "--output", str(out), "--package", "old"]) == 0
    assert (out / "old" / "models.py").exists()
    assert json.loads((spec_dir / "sagemaker/2017-07-24/paginators-1.json").read_text()) == {"pagination": {}}
    # Syncing again changes nothing and says so.
    before = read_tree(spec_dir)
    assert main(["sync", "--botocore-data", str(data), "--spec-dir", str(spec_dir), "sagemaker", MISSION]) == 0
    assert "already up to date" in capsys.readouterr().out
    assert read_tree(spec_dir) == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sync", "--spec-dir", "{tmp}/s", "sagemaker", "NoSuchOperation"], "operations.NoSuchOperation: no such operation"),
        (["sync", "--spec-dir", "{tmp}/s", "no-such-service", "X"], "service 'no-such-service': not found"),
        (["sync", "--botocore-data", "{tmp}/missing", "sagemaker", "X"], "--botocore-data"),
        (["generate", "--spec-dir", "{tmp}/nothing", "--output", "{tmp}/o", "--package", "p"], "manifest.json: file not found"),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path: Path, capsys, argv: list[str], message: str) -> None:
    code = main([a.format(tmp=tmp_path) for a in argv])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and err.count("\n") == 1, err


def test_missing_shape_reference_names_the_json_path(tmp_path: Path, capsys) -> None:
    model = demo_model({
        "Input": {"type": "structure", "members": {"A": {"shape": "Nowhere"}}},
        "Output": {"type": "structure", "members": {}},
    })
    spec_dir = write_spec(tmp_path / "specs", model)
    out = tmp_path / "out"
    write_tree(out, {"keep.txt": b"previous output"})
    code = main(["generate", "--spec-dir", str(spec_dir), "--output", str(out), "--package", "p"])
    err = capsys.readouterr().err
    assert code == 2 and "shapes.Input" in err and "Nowhere" in err
    assert read_tree(out) == {"keep.txt": b"previous output"}


def test_files_that_no_longer_belong_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write_tree(out, {"a.py": b"1", "old/b.py": b"2"})
    assert write_tree(out, {"a.py": b"1"}) is True
    assert read_tree(out) == {"a.py": b"1"}
    assert write_tree(out, {"a.py": b"1"}) is False


def test_written_trees_get_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write_tree(out, {"a.py": b"1"})
    import os

    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask


def test_codegen_diff_of_identical_snapshots_reports_nothing(capsys) -> None:
    assert main(["diff", str(SPECS), str(SPECS)]) == 0
    assert "No API changes." in capsys.readouterr().out
