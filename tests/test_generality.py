"""Nothing is specific to the first operation: other operations of other services generate,
import, build every class and round-trip through botocore's parameter form."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.ir.nodes import Structure
from tests.helpers import FIXTURE_SPECS, generate, imported, sample, sync_installed

OPERATIONS = [
    ("sagemaker", "ListTrainingJobs"),
    ("sagemaker", "DescribeTrainingJob"),
    ("dynamodb", "Query"),  # recursive AttributeValue
    ("s3", "ListObjectsV2"),
    ("lambda", "ListFunctions"),
]


@pytest.mark.parametrize(("service_name", "operation"), OPERATIONS)
def test_operation_generates_imports_and_round_trips(
    tmp_path: Path, service_name: str, operation: str
) -> None:
    spec_dir = sync_installed(tmp_path / "specs", service_name, operation)
    package = f"gen_{service_name}_{operation.lower()}"
    service = generate(spec_dir, tmp_path / "out", package)
    with imported(tmp_path / "out", package) as module:
        assert module.__all__
        for shape in service.structures:
            value = sample(service, module.models, shape.shape_name)
            cls = getattr(module, shape.class_name)
            assert cls.from_botocore(value.to_botocore()) == value, shape.shape_name
        for enum in service.enums:
            members = list(getattr(module, enum.class_name))
            assert [m.value for m in members] == [v.value for v in enum.values]


def test_recursive_shape_is_one_class_referring_to_itself(tmp_path: Path) -> None:
    spec_dir = sync_installed(tmp_path / "specs", "dynamodb", "Query")
    service = generate(spec_dir, tmp_path / "out", "gen_ddb")
    attribute_value = service.shape("AttributeValue")
    assert isinstance(attribute_value, Structure)
    assert {m.shape for m in attribute_value.members} >= {"ListAttributeValue", "MapAttributeValue"}
    with imported(tmp_path / "out", "gen_ddb") as module:
        nested = module.AttributeValue(l=[module.AttributeValue(s="x")], m={"k": module.AttributeValue(n="1")})
        assert nested.to_botocore() == {"M": {"k": {"N": "1"}}, "L": [{"S": "x"}]}
        assert module.AttributeValue.from_botocore(nested.to_botocore()) == nested


def test_the_1_12_model_without_a_paginator_generates(tmp_path: Path) -> None:
    service = generate(FIXTURE_SPECS / "botocore-1.12.0", tmp_path / "out", "old_sagemaker")
    assert service.operations[0].paginator is None
    with imported(tmp_path / "out", "old_sagemaker") as module:
        assert [s.value for s in module.TrainingJobStatus] == [
            "InProgress", "Completed", "Failed", "Stopping", "Stopped"
        ]


def test_a_whole_small_service_generates_with_all_operations(tmp_path: Path) -> None:
    """`codegen sync SERVICE --all-operations` (STS speaks the query protocol, not JSON)."""
    from codegen.commands import main

    spec_dir, out = tmp_path / "specs", tmp_path / "out"
    assert main(["sync", "--spec-dir", str(spec_dir), "sts", "--all-operations"]) == 0
    assert main(["generate", "--spec-dir", str(spec_dir), "--output", str(out), "--package", "gen_sts"]) == 0
    from codegen.pipeline import load_services

    ((_, service),) = load_services(spec_dir, "gen_sts")
    assert len(service.operations) >= 8
    with imported(out, "gen_sts") as module:
        for shape in service.structures:
            value = sample(service, module.models, shape.shape_name)
            assert type(value).from_botocore(value.to_botocore()) == value
        assert {e.class_name for e in service.exceptions} <= set(module.__all__)
