"""README's usage example runs as written, against the local endpoint."""

from __future__ import annotations

import re

from tests.fakes.sagemaker_server import DEFAULT_TUNING_JOB
from tests.helpers import ROOT


def readme_python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_usage_example_runs(aws_env, sagemaker_server, monkeypatch, capsys) -> None:
    # botocore's service-specific endpoint variable: the example's code stays exactly as shown.
    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER", sagemaker_server.endpoint_url)
    (example,) = [b for b in readme_python_blocks() if "get_paginator" in b and "async with" not in b]
    exec(compile(example.replace("my-tuning-job", DEFAULT_TUNING_JOB), "README.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out[1:4] == ["10", "10", "5"]  # 25 jobs in pages of 10 (max_items=50 is not reached)
    assert any("Completed" in line or "InProgress" in line for line in out)
    assert "no-such-job" in out[-1]  # the ResourceNotFound message
    assert sagemaker_server.requests > 3
