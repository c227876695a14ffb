"""The slice keeps the waiters of its operations, exactly as botocore ships them; the manifest
says which waiters were left out; botocore's own client finds the slice's waiters and no others."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import botocore
import botocore.loaders
import botocore.waiter

from codegen.commands import main
from codegen.spec.source import canonical_sha256
from codegen.spec.store import read_snapshot
from tests.helpers import FIXTURE_SPECS, SPECS, sync_installed

JOB = "DescribeTrainingJob"
ENDPOINT = "DescribeEndpoint"
MISSION = "ListTrainingJobsForHyperParameterTuningJob"


def botocore_waiters(service: str = "sagemaker") -> dict[str, object]:
    loader = botocore.loaders.Loader()
    return loader.load_service_model(service, "waiters-2", loader.determine_latest_version(service, "service-2"))


def test_the_slice_keeps_the_waiters_of_its_operations_as_botocore_has_them(tmp_path: Path) -> None:
    spec_dir = sync_installed(tmp_path / "specs", "sagemaker", JOB, ENDPOINT)
    table = json.loads(next(spec_dir.glob("sagemaker/*/waiters-2.json")).read_text())
    source = botocore_waiters()
    assert sorted(table["waiters"]) == ["EndpointDeleted", "EndpointInService", "TrainingJobCompletedOrStopped"]
    assert table == {
        "version": 2,
        "waiters": {name: source["waiters"][name] for name in table["waiters"]},  # type: ignore[index]
    }
    # botocore's own model of the slice's table reads the same waiters.
    model = botocore.waiter.WaiterModel(table)
    assert model.get_waiter("TrainingJobCompletedOrStopped").operation == JOB


def test_the_manifest_names_each_waiter_left_out_and_its_operation(tmp_path: Path) -> None:
    spec_dir = sync_installed(tmp_path / "specs", "sagemaker", JOB)
    entry = json.loads((spec_dir / "manifest.json").read_text())["services"]["sagemaker"]
    source = botocore_waiters()["waiters"]
    assert entry["waiters_left_out"] == {
        name: waiter["operation"] for name, waiter in sorted(source.items()) if waiter["operation"] != JOB  # type: ignore[attr-defined]
    }
    assert "TrainingJobCompletedOrStopped" not in entry["waiters_left_out"]
    assert entry["source_sha256"]["waiters-2.json"] == canonical_sha256(botocore_waiters())


def test_the_pinned_spec_keeps_the_waiters_of_its_operations_and_says_why_of_the_rest() -> None:
    """The configured operations' waiters are in the table as botocore has them; the others are
    left out, each named with its operation (the mission's own operation has none)."""
    snapshot = read_snapshot(SPECS)
    (spec,) = snapshot.services
    operations = set(snapshot.manifest["services"]["sagemaker"]["operations"])
    installed = botocore_waiters()["waiters"]
    kept = {name: w for name, w in installed.items() if w["operation"] in operations}
    assert spec.waiters == {"version": 2, "waiters": kept}
    left_out = snapshot.manifest["services"]["sagemaker"]["waiters_left_out"]
    assert left_out == {name: w["operation"] for name, w in installed.items() if name not in kept}
    assert MISSION not in left_out.values() and len(kept) + len(left_out) == 13


def test_a_botocore_without_waiters_gives_an_empty_table(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_SPECS / "botocore-1.12.0" / "sagemaker", data / "sagemaker")
    assert main(["sync", "--botocore-data", str(data), "--spec-dir", str(tmp_path / "s"), "sagemaker", MISSION]) == 0
    assert "left out" not in capsys.readouterr().out
    assert json.loads(next((tmp_path / "s").glob("sagemaker/*/waiters-2.json")).read_text()) == {
        "version": 2, "waiters": {}
    }
    entry = json.loads((tmp_path / "s" / "manifest.json").read_text())["services"]["sagemaker"]
    assert entry["waiters_left_out"] == {} and entry["source_sha256"]["waiters-2.json"] is None


def test_botocore_s_client_on_the_package_data_finds_only_the_slice_s_waiters(tmp_path: Path, aws_env) -> None:
    """The generated package's session serves its own waiters-2.json (so botocore's
    ``get_waiter``, and the AWS CLI's ``wait``, see the slice), and an empty table keeps
    botocore's installed waiters out, as the empty paginators table does for paginators."""
    from tests.helpers import generate, imported

    spec_dir = sync_installed(tmp_path / "specs", "sagemaker", JOB, MISSION)
    generate(spec_dir, tmp_path / "out", "typed_jobs")
    with imported(tmp_path / "out", "typed_jobs") as package:
        client = package.Client(region_name="us-east-1").botocore_client
        assert client.waiter_names == ["training_job_completed_or_stopped"]
        assert client.get_waiter("training_job_completed_or_stopped").config.max_attempts == 180
    from typed_sagemaker import Client  # the committed package: only its operations' waiters

    (spec,) = read_snapshot(SPECS).services
    expected = sorted(botocore.xform_name(name) for name in spec.waiters["waiters"])
    assert Client(region_name="us-east-1").botocore_client.waiter_names == expected
