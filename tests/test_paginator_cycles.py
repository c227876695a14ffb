"""A service whose tokens cycle (A, B, A, ...) is refused, not paged forever: botocore's own
paginator notices only a token repeated twice in a row. The SDK and the CLI both stop with a
clear error after as many requests as it takes to see the cycle."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import botocore.exceptions
import pytest

import typed_sagemaker as sdk
from tests.fakes.fixtures import sealed_environ
from tests.fakes.sagemaker_server import DEFAULT_TUNING_JOB, FakeSageMakerServer
from tests.helpers import GENERATED

METHOD = "list_training_jobs_for_hyper_parameter_tuning_job"


def queue_cycle(server: FakeSageMakerServer, tokens: list[str]) -> None:
    for token in tokens:
        server.queue_response(200, {"TrainingJobSummaries": [], "NextToken": token})


@pytest.fixture
def client(aws_env: Any, sagemaker_server: FakeSageMakerServer) -> sdk.Client:
    return sdk.Client(endpoint_url=sagemaker_server.endpoint_url, region_name="us-east-1")


@pytest.mark.parametrize("walk", ["pages", "items", "build_full_result"])
def test_the_sdk_stops_at_a_token_it_already_sent(
    client: sdk.Client, sagemaker_server: FakeSageMakerServer, walk: str
) -> None:
    queue_cycle(sagemaker_server, ["A", "B", "A", "B", "A"])
    pages = client.get_paginator(METHOD).paginate(hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB)
    with pytest.raises(botocore.exceptions.PaginationError, match="already returned in this listing"):
        if walk == "pages":
            list(pages)
        elif walk == "items":
            list(pages.items())
        else:
            pages.build_full_result()
    # requests: no token -> A, A -> B, B -> A; sending A again is refused
    assert sagemaker_server.requests == 3


def test_a_listing_that_ends_is_not_disturbed_and_can_be_walked_again(
    client: sdk.Client, sagemaker_server: FakeSageMakerServer
) -> None:
    pages = client.get_paginator(METHOD).paginate(hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, page_size=3)
    first = [s.training_job_name for s in pages.items()]
    assert first and [s.training_job_name for s in pages.items()] == first


def test_the_cli_stops_at_a_token_it_already_sent(
    aws_env: Any, sagemaker_server: FakeSageMakerServer, tmp_path: Path
) -> None:
    queue_cycle(sagemaker_server, ["A", "B", "C", "A", "B"])
    home = tmp_path / "home"
    home.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "typed_sagemaker", "--endpoint-url", sagemaker_server.endpoint_url,
         "list-training-jobs-for-hyper-parameter-tuning-job", "--hyper-parameter-tuning-job-name", "x"],
        env=sealed_environ(home, GENERATED), capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 255 and run.stdout == ""
    assert run.stderr.startswith("\nError during pagination: The service returned a token it had already")
    assert sagemaker_server.requests == 4
