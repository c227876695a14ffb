"""Typed waiters against a local endpoint whose job status moves, side by side with boto3's
waiter on the same sequence of responses: the same requests, the same number of them, the same
outcome and reason; ours returns (or carries, on failure) the last response typed."""

from __future__ import annotations

import copy
from typing import Any, Callable

import boto3
import botocore.exceptions
import botocore.waiter
import pytest

import typed_sagemaker_jobs as jobs
from tests.fakes.fixtures import MARKER_ACCESS_KEY, MARKER_REGION, MARKER_SECRET_KEY
from tests.fakes.sagemaker_server import FakeSageMakerServer

NAME = "xgb-1"
VALIDATION = (400, {"__type": "ValidationException", "message": "Requested resource not found."})
NOT_FOUND = (400, {"__type": "ResourceNotFound", "Message": "Training job xgb-1 not found."})


def job(status: str, **extra: Any) -> tuple[int, dict[str, Any]]:
    """A DescribeTrainingJob response on the wire, with every member the model requires."""
    return 200, {
        "TrainingJobName": NAME,
        "TrainingJobArn": f"arn:aws:sagemaker:us-east-1:123456789012:training-job/{NAME}",
        "ModelArtifacts": {"S3ModelArtifacts": "s3://models/xgb-1/model.tar.gz"},
        "TrainingJobStatus": status,
        "SecondaryStatus": "Training",
        "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
        "CreationTime": 1767605400.25,
        **extra,
    }


def endpoint(status: str) -> tuple[int, dict[str, Any]]:
    return 200, {
        "EndpointName": "ep",
        "EndpointArn": "arn:aws:sagemaker:us-east-1:123456789012:endpoint/ep",
        "EndpointStatus": status,
        "CreationTime": 1767605400,
        "LastModifiedTime": 1767605460,
    }


@pytest.fixture
def server() -> Any:
    with FakeSageMakerServer() as fake:
        yield fake


def typed_client(server: FakeSageMakerServer) -> jobs.Client:
    return jobs.Client(endpoint_url=server.endpoint_url, region_name=MARKER_REGION)


def boto3_client(server: FakeSageMakerServer) -> Any:
    session = boto3.session.Session(
        aws_access_key_id=MARKER_ACCESS_KEY, aws_secret_access_key=MARKER_SECRET_KEY, region_name=MARKER_REGION
    )
    return session.client("sagemaker", endpoint_url=server.endpoint_url)


def without_metadata(response: dict[str, Any]) -> dict[str, Any]:
    """A response without what differs from one request to the next (request ids, dates)."""
    response = copy.deepcopy(response)
    response.pop("ResponseMetadata", None)
    return response


def parsed_by_boto3(server: FakeSageMakerServer, body: dict[str, Any]) -> jobs.DescribeTrainingJobResponse:
    """``body`` as boto3 parses it, typed: what the waiter's last response should be."""
    server.queue_response(200, body)
    return jobs.DescribeTrainingJobResponse.from_botocore(boto3_client(server).describe_training_job(TrainingJobName=NAME))


def run(server: FakeSageMakerServer, responses: list[tuple[int, Any]], wait: Callable[[], Any]) -> dict[str, Any]:
    """Serve ``responses`` in order to ``wait()``; what came of it and what was asked."""
    server.reset()
    for status, body in responses:
        server.queue_response(status, body)
    outcome: dict[str, Any] = {}
    try:
        outcome["returned"] = wait()
    except botocore.exceptions.WaiterError as error:
        outcome["failed"] = error
    outcome["requests"] = [(r.target, r.json) for r in server.request_log]
    return outcome


SEQUENCES = {
    "completes after two polls": ([job("InProgress"), job("InProgress"), job("Completed")], None, "Completed"),
    "stopped is a success too": ([job("InProgress"), job("Stopped")], None, "Stopped"),
    "a failed job is a failure": ([job("InProgress"), job("Failed", FailureReason="AlgorithmError: OOM")], None, None),
    "the attempts run out": ([job("InProgress")] * 3, 3, None),
    "a validation error is a failure": ([job("InProgress"), VALIDATION], None, None),
    "an error no acceptor expects": ([NOT_FOUND], None, None),
}


@pytest.mark.parametrize("name", SEQUENCES)
def test_the_typed_waiter_matches_boto3_s_waiter(server: FakeSageMakerServer, name: str) -> None:
    responses, max_attempts, success = SEQUENCES[name]
    attempts = {"MaxAttempts": max_attempts} if max_attempts else {}
    theirs = run(
        server,
        responses,
        lambda: boto3_client(server)
        .get_waiter("training_job_completed_or_stopped")
        .wait(TrainingJobName=NAME, WaiterConfig={"Delay": 0, **attempts}),
    )
    ours = run(
        server,
        responses,
        lambda: typed_client(server)
        .get_waiter("training_job_completed_or_stopped")
        .wait(training_job_name=NAME, delay=0, max_attempts=max_attempts),
    )
    assert ours["requests"] == theirs["requests"]
    assert len(ours["requests"]) == len(responses)  # one request a response: nothing retried
    assert all(target == "SageMaker.DescribeTrainingJob" for target, _ in ours["requests"])
    assert all(body == {"TrainingJobName": NAME} for _, body in ours["requests"])
    if success is not None:
        assert theirs == {"returned": None, "requests": theirs["requests"]}  # boto3 returns nothing
        last = ours["returned"]
        assert isinstance(last, jobs.DescribeTrainingJobResponse)
        assert last.training_job_status == success
        assert last == parsed_by_boto3(server, responses[-1][1])
        return
    ours_failed, theirs_failed = ours["failed"], theirs["failed"]
    assert isinstance(ours_failed, jobs.TrainingJobCompletedOrStoppedWaiterError)
    assert isinstance(ours_failed, jobs.WaiterError)
    assert str(ours_failed) == str(theirs_failed)
    assert ours_failed.reason == theirs_failed.kwargs["reason"]
    assert without_metadata(ours_failed.last_response) == without_metadata(theirs_failed.last_response)
    assert ours_failed.attempts == len(responses)
    status, body = responses[-1]
    if status == 200:
        assert ours_failed.response == parsed_by_boto3(server, body)
        assert ours_failed.error is None
    else:
        assert ours_failed.response is None
        assert isinstance(ours_failed.error, botocore.exceptions.ClientError)
        assert ours_failed.error.response["Error"]["Code"] == body["__type"]


def test_a_failure_carries_the_modeled_error_as_the_package_s_class(server: FakeSageMakerServer) -> None:
    outcome = run(
        server,
        [NOT_FOUND],
        lambda: typed_client(server).get_waiter("training_job_completed_or_stopped").wait(training_job_name=NAME),
    )
    error = outcome["failed"].error
    assert isinstance(error, jobs.ResourceNotFound)
    assert error.message == "Training job xgb-1 not found."
    assert outcome["failed"].reason == "An error occurred (ResourceNotFound): Training job xgb-1 not found."


def test_a_waiter_that_succeeds_on_an_error_returns_none_as_boto3_s_does(server: FakeSageMakerServer) -> None:
    responses = [endpoint("Deleting"), endpoint("Deleting"), VALIDATION]
    theirs = run(
        server,
        responses,
        lambda: boto3_client(server).get_waiter("endpoint_deleted").wait(EndpointName="ep", WaiterConfig={"Delay": 0}),
    )
    ours = run(
        server, responses, lambda: typed_client(server).get_waiter("endpoint_deleted").wait(endpoint_name="ep", delay=0)
    )
    assert ours == theirs == {"returned": None, "requests": ours["requests"]}
    assert len(ours["requests"]) == 3


def test_the_delay_and_attempts_default_to_the_model_s(
    server: FakeSageMakerServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TrainingJobCompletedOrStopped polls every 120 s, 180 times: botocore's ``Waiter``
    sleeps as the model says when the call does not say otherwise (its sleep is recorded
    here, not slept)."""
    sleeps: list[float] = []
    monkeypatch.setattr(botocore.waiter.time, "sleep", sleeps.append)
    waiter = typed_client(server).get_waiter("training_job_completed_or_stopped")
    outcome = run(server, [job("InProgress"), job("Completed")], lambda: waiter.wait(training_job_name=NAME))
    assert sleeps == [120] and len(outcome["requests"]) == 2
    sleeps.clear()
    outcome = run(server, [job("InProgress")] * 3, lambda: waiter.wait(training_job_name=NAME, delay=0.25, max_attempts=3))
    assert sleeps == [0.25, 0.25]
    assert outcome["failed"].reason == "Max attempts exceeded"  # InProgress matches no acceptor


def test_a_request_object_works_as_its_fields_do(server: FakeSageMakerServer) -> None:
    waiter = typed_client(server).get_waiter("training_job_completed_or_stopped")
    request = jobs.DescribeTrainingJobRequest(training_job_name=NAME)
    outcome = run(server, [job("Completed")], lambda: waiter.wait(request, delay=0))
    assert outcome["returned"].training_job_status == jobs.TrainingJobStatus.COMPLETED
    assert outcome["requests"] == [("SageMaker.DescribeTrainingJob", {"TrainingJobName": NAME})]
    with pytest.raises(TypeError, match="not both"):
        waiter.wait(request, training_job_name=NAME)  # type: ignore[call-overload]


@pytest.mark.parametrize(("option", "value"), [("delay", -1), ("max_attempts", 0)])
def test_a_delay_or_attempts_botocore_could_not_use_is_refused_before_any_call(
    server: FakeSageMakerServer, option: str, value: int
) -> None:
    waiter = typed_client(server).get_waiter("training_job_completed_or_stopped")
    with pytest.raises(ValueError, match=option):
        waiter.wait(training_job_name=NAME, **{option: value})
    assert server.requests == 0


def test_get_waiter_knows_the_slice_s_waiters_only(server: FakeSageMakerServer) -> None:
    client = typed_client(server)
    assert client.waiter_names == client.botocore_client.waiter_names == [
        "endpoint_deleted", "endpoint_in_service", "training_job_completed_or_stopped"
    ]
    with pytest.raises(ValueError, match="no waiter 'notebook_instance_in_service'"):
        client.get_waiter("notebook_instance_in_service")  # type: ignore[call-overload]
