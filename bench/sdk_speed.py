"""SDK benchmark: prints ratios, asserts nothing (machines here are noisy).

    python bench/sdk_speed.py

1. Typed conversion of a 100-item page, relative to botocore's own parse of that page
   (goal: conversion adds <= 25%), with cattrs as the alternative when it is installed.
2. Client creation with the package's shipped model slice vs botocore's full model.
3. Import time of the package vs botocore alone.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import timeit
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "generated"), str(ROOT)]

import botocore.parsers  # noqa: E402
import botocore.session  # noqa: E402

import typed_sagemaker as sdk  # noqa: E402
from tests.fakes.sagemaker_server import make_dataset  # noqa: E402

OPERATION = "ListTrainingJobsForHyperParameterTuningJob"


def best_of(func: Callable[[], Any], number: int, repeat: int = 7) -> float:
    """Seconds per call, the best of ``repeat`` runs (the least disturbed by other load)."""
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number


def page_body(items: int = 100) -> bytes:
    summaries = make_dataset(n_jobs=items, extra_tuning_jobs=False)
    (jobs,) = summaries.values()
    return json.dumps({"TrainingJobSummaries": jobs, "NextToken": "token"}).encode()


def cattrs_converter() -> Callable[[dict[str, Any]], Any] | None:
    try:
        import cattrs
        from cattrs.gen import make_dict_structure_fn, override
    except ImportError:
        return None
    import attrs
    import datetime
    import enum
    import typing

    converter = cattrs.Converter()
    converter.register_structure_hook(datetime.datetime, lambda v, _: v)

    def enum_or_str(value: Any, cls: Any) -> Any:
        (enum_cls,) = [a for a in typing.get_args(cls) if isinstance(a, type) and issubclass(a, enum.Enum)]
        try:
            return enum_cls(value)
        except ValueError:
            return value

    def is_enum_union(cls: Any) -> bool:
        args = typing.get_args(cls)
        return any(isinstance(a, type) and issubclass(a, enum.Enum) for a in args) and str in args

    converter.register_structure_hook_func(is_enum_union, enum_or_str)
    for name in sdk.models.__all__:
        cls = getattr(sdk.models, name)
        if attrs.has(cls):
            typing.get_type_hints(cls)  # resolve string annotations for cattrs
            attrs.resolve_types(cls, globalns=vars(sdk.models))
            wire = {f.name: f for f in attrs.fields(cls)}
            renames = {a: override(rename=w) for a, w in _wire_names(cls).items() if a in wire}
            converter.register_structure_hook(cls, make_dict_structure_fn(cls, converter, **renames))
    response_cls = sdk.ListTrainingJobsForHyperParameterTuningJobResponse
    return lambda data: converter.structure(data, response_cls)


def _wire_names(cls: Any) -> dict[str, str]:
    """attr name -> wire name, from the generator's IR for the pinned spec."""
    from codegen.pipeline import load_services

    ((_, service),) = load_services(ROOT / "specs", "typed_sagemaker")
    for structure in service.structures:
        if structure.class_name == cls.__name__:
            return {m.attr_name: m.wire_name for m in structure.members}
    return {}


def conversion() -> None:
    session = botocore.session.get_session()
    model = session.get_service_model("sagemaker")
    output_shape = model.operation_model(OPERATION).output_shape
    parser = botocore.parsers.create_parser(model.metadata["protocol"])
    body = page_body(100)
    response = {"body": body, "headers": {}, "status_code": 200}
    parsed = parser.parse(response, output_shape)
    from_botocore = sdk.ListTrainingJobsForHyperParameterTuningJobResponse.from_botocore

    parse_s = best_of(lambda: parser.parse(response, output_shape), 200)
    generated_s = best_of(lambda: from_botocore(parsed), 200)
    print("1. 100-item page")
    print(f"   botocore parse          {parse_s * 1e3:8.3f} ms")
    print(f"   generated conversion    {generated_s * 1e3:8.3f} ms   adds {generated_s / parse_s:6.1%} (goal <= 25%)")
    structure = cattrs_converter()
    if structure is None:
        print("   cattrs                  (not installed: pip install cattrs to compare)")
    else:
        assert structure(parsed) == from_botocore(parsed), "cattrs and generated code disagree"
        cattrs_s = best_of(lambda: structure(parsed), 200)
        print(f"   cattrs structure        {cattrs_s * 1e3:8.3f} ms   adds {cattrs_s / parse_s:6.1%}"
              f"   ({cattrs_s / generated_s:.2f}x the generated code)")


def client_creation() -> None:
    env = {"AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "y"}
    os.environ.update(env)

    def full() -> None:
        botocore.session.Session().create_client("sagemaker", region_name="us-east-1")

    def sliced() -> None:
        sdk.Client(region_name="us-east-1")

    full_s = best_of(full, 5)
    sliced_s = best_of(sliced, 5)
    print("2. client creation (new session each time)")
    print(f"   botocore, full model    {full_s * 1e3:8.1f} ms")
    print(f"   typed Client, slice     {sliced_s * 1e3:8.1f} ms   {full_s / sliced_s:5.1f}x faster")


def import_time() -> None:
    def once(code: str) -> float:
        out = subprocess.run(
            [sys.executable, "-c", f"import time; t=time.perf_counter(); {code}; print(time.perf_counter()-t)"],
            capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "generated")},
        )
        return float(out.stdout)

    cases = {
        "import botocore.session": "import botocore.session",
        "import typed_sagemaker": "import typed_sagemaker",
        "... and touch Client": "import typed_sagemaker; typed_sagemaker.Client",
    }
    times: dict[str, list[float]] = {label: [] for label in cases}
    for _ in range(9):  # interleaved, so every case sees the same machine load and file cache
        for label, code in cases.items():
            times[label].append(once(code))
    print("3. import time (median of 9 fresh interpreters, interleaved)")
    for label, samples in times.items():
        print(f"   {label:<26}{statistics.median(samples) * 1e3:8.1f} ms")
    print("   (the package imports its modules lazily: the command line starts without the models)")


if __name__ == "__main__":
    conversion()
    client_creation()
    import_time()
