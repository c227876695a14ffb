"""Credentials never leak: not from the generator, the SDK's exceptions, reprs or botocore's
debug logs; `sensitive` members are hidden from reprs. (The CLI's --debug output is checked in
tests/test_cli_differential.py.)"""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import botocore.exceptions
import pytest

import typed_sagemaker as sdk
from tests.fakes.sagemaker_server import DEFAULT_TUNING_JOB
from tests.helpers import demo_model, generate, imported, write_spec


def test_the_generator_output_holds_no_credentials(aws_env, tmp_path: Path) -> None:
    from codegen.pipeline import generate_tree
    from tests.helpers import SPECS

    for content in generate_tree(SPECS, "typed_sagemaker").values():
        assert aws_env.secret_key.encode() not in content
        assert aws_env.access_key.encode() not in content


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_sdk_errors_reprs_and_debug_logs_hold_no_secret(aws_env, sagemaker_server, caplog, monkeypatch) -> None:
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    caplog.set_level(logging.DEBUG)
    client = sdk.Client(endpoint_url=sagemaker_server.endpoint_url, region_name="us-east-1")
    seen: list[str] = [repr(client), repr(client.botocore_client)]
    response = client.list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB)
    seen.append(repr(response))
    failures = [
        lambda: client.list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name="nope"),
        lambda: client.list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name=""),
        lambda: sdk.Client(endpoint_url=f"http://127.0.0.1:{_closed_port()}", region_name="us-east-1")
        .list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name="x"),
    ]
    for failure in failures:
        with pytest.raises((botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError)) as raised:
            failure()
        seen += [str(raised.value), repr(raised.value), repr(getattr(raised.value, "response", None))]
    seen.append(caplog.text)
    assert "Authorization" in caplog.text  # botocore really logged the signed requests
    for text in seen:
        assert aws_env.secret_key not in text


def test_sensitive_members_are_hidden_from_repr(tmp_path: Path) -> None:
    model = demo_model({
        "Input": {"type": "structure", "required": ["Password"], "members": {
            "Password": {"shape": "Secret"}, "User": {"shape": "Name"}, "Token": {"shape": "Secret"}}},
        "Output": {"type": "structure", "members": {}},
        "Secret": {"type": "string", "sensitive": True},
        "Name": {"type": "string"},
    })
    generate(write_spec(tmp_path / "specs", model), tmp_path / "out", "sensitive_demo")
    with imported(tmp_path / "out", "sensitive_demo") as module:
        value = module.Input(password="hunter2", user="alice", token="t0ken")
        assert "hunter2" not in repr(value) and "t0ken" not in repr(value) and "alice" in repr(value)
        assert "<redacted>" in repr(value)
        assert value.to_botocore()["Password"] == "hunter2"  # still sent, of course
