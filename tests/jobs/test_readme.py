"""README's waiter and Stubber examples run as written, on a package holding
DescribeTrainingJob (``typed_sagemaker`` in the README is this session's package)."""

from __future__ import annotations

import re
from typing import Any

import botocore.waiter
import pytest

from tests.fakes.sagemaker_server import FakeSageMakerServer
from tests.helpers import ROOT
from tests.jobs.conftest import PACKAGE
from tests.jobs.test_waiters import job
from tests.test_readme import readme_python_blocks

README = (ROOT / "README.md").read_text(encoding="utf-8")


def example(marker: str) -> str:
    (block,) = [b for b in readme_python_blocks() if marker in b and "async with" not in b]  # the sync examples
    return block.replace("typed_sagemaker", PACKAGE)


def test_the_waiter_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    sleeps: list[float] = []
    monkeypatch.setattr(botocore.waiter.time, "sleep", sleeps.append)
    code = compile(example("TrainingJobCompletedOrStoppedWaiterError"), "README.md", "exec")
    with FakeSageMakerServer() as server:
        monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER", server.endpoint_url)
        for status in ("InProgress", "Completed"):
            server.queue_response(*job(status))
        exec(code, {})
        assert capsys.readouterr().out == "Completed s3://models/xgb-1/model.tar.gz\n"
        assert sleeps == [30] and server.requests == 2
        server.queue_response(*job("Failed", FailureReason="AlgorithmError: out of memory"))
        exec(code, {})
    assert capsys.readouterr().out == (
        'Waiter encountered a terminal failure state: For expression "TrainingJobStatus" we matched '
        'expected path: "Failed"\nAlgorithmError: out of memory\n'
    )


def test_the_stubber_example_runs_and_prints_the_mismatch_shown() -> None:
    from typed_sagemaker_jobs.testing import RequestMismatch

    namespace: dict[str, Any] = {}
    exec(compile(example("Stubber(client)"), "README.md", "exec"), namespace)
    with pytest.raises(RequestMismatch) as mismatch:
        namespace["test_model_of"]()
    shown = re.search(r"```\n(describe_training_job was called.*?)\n```", README, re.S)
    assert shown is not None and str(mismatch.value) == shown.group(1)
