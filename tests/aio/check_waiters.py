"""The asynchronous client's waiters against the local SageMaker endpoint whose job status
moves, side by side with the synchronous client's waiter, boto3's and aiobotocore's own on the
same sequence of responses: the same requests (counted), the same outcome and reason; the
typed waiters return (or carry, on failure) the last response typed, and a failure is the
same typed ``WaiterError`` subclass for both clients.

Runs in the aiobotocore environment (``tests/aio/environment.py``), by ``tests/test_aio.py``,
with ``typed_sagemaker_jobs`` (``DescribeTrainingJob``, ``DescribeEndpoint``: their waiters) on
``PYTHONPATH``.
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any, Awaitable, Callable

import aiobotocore.session
import aiobotocore.waiter
import boto3
import botocore.exceptions
import pytest

import typed_sagemaker_jobs as jobs
from typed_sagemaker_jobs import aio
from tests.fakes.fixtures import MARKER_ACCESS_KEY, MARKER_REGION, MARKER_SECRET_KEY
from tests.fakes.sagemaker_server import FakeSageMakerServer

NAME = "xgb-1"
WAITER = "training_job_completed_or_stopped"
VALIDATION = (400, {"__type": "ValidationException", "message": "Requested resource not found."})
NOT_FOUND = (400, {"__type": "ResourceNotFound", "Message": "Training job xgb-1 not found."})
CREDENTIALS = {"aws_access_key_id": MARKER_ACCESS_KEY, "aws_secret_access_key": MARKER_SECRET_KEY}


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
def server(aws_env: Any) -> Any:
    with FakeSageMakerServer() as fake:
        yield fake


def options(server: FakeSageMakerServer) -> dict[str, Any]:
    return {"endpoint_url": server.endpoint_url, "region_name": MARKER_REGION, **CREDENTIALS}


def boto3_client(server: FakeSageMakerServer) -> Any:
    return boto3.session.Session(region_name=MARKER_REGION, **CREDENTIALS).client(
        "sagemaker", endpoint_url=server.endpoint_url
    )


def raw_aiobotocore(server: FakeSageMakerServer) -> Any:
    """aiobotocore's own client (the oracle), on botocore's full model."""
    return aiobotocore.session.get_session().create_client("sagemaker", **options(server))


def without_metadata(response: Any) -> Any:
    response = copy.deepcopy(dict(response))
    response.pop("ResponseMetadata", None)
    return response


def serve(server: FakeSageMakerServer, responses: list[tuple[int, Any]]) -> None:
    server.reset()
    for status, body in responses:
        server.queue_response(status, body)


def outcome_of(server: FakeSageMakerServer, returned: dict[str, Any]) -> dict[str, Any]:
    returned["requests"] = [(r.target, r.json) for r in server.request_log]
    return returned


def run(server: FakeSageMakerServer, responses: list[tuple[int, Any]], wait: Callable[[], Any]) -> dict[str, Any]:
    """Serve ``responses`` in order to ``wait()``; what came of it and what was asked."""
    serve(server, responses)
    outcome: dict[str, Any] = {}
    try:
        outcome["returned"] = wait()
    except botocore.exceptions.WaiterError as error:
        outcome["failed"] = error
    return outcome_of(server, outcome)


def run_async(
    server: FakeSageMakerServer, responses: list[tuple[int, Any]], wait: Callable[[], Awaitable[Any]]
) -> dict[str, Any]:
    """``run`` for a coroutine."""
    serve(server, responses)

    async def go() -> dict[str, Any]:
        try:
            return {"returned": await wait()}
        except botocore.exceptions.WaiterError as error:
            return {"failed": error}

    return outcome_of(server, asyncio.run(go()))


async def typed_async_wait(server: FakeSageMakerServer, waiter_name: str, **kwargs: Any) -> Any:
    async with aio.Client(**options(server)) as client:
        return await client.get_waiter(waiter_name).wait(**kwargs)  # type: ignore[call-overload]


SEQUENCES = {
    "completes after two polls": ([job("InProgress"), job("InProgress"), job("Completed")], None, "Completed"),
    "stopped is a success too": ([job("InProgress"), job("Stopped")], None, "Stopped"),
    "a failed job is a failure": ([job("InProgress"), job("Failed", FailureReason="AlgorithmError: OOM")], None, None),
    "the attempts run out": ([job("InProgress")] * 3, 3, None),
    "a validation error is a failure": ([job("InProgress"), VALIDATION], None, None),
    "an error no acceptor expects": ([NOT_FOUND], None, None),
}


@pytest.mark.parametrize("name", SEQUENCES)
def test_the_async_waiter_equals_the_sync_one_boto3_s_and_aiobotocore_s(server: FakeSageMakerServer, name: str) -> None:
    responses, max_attempts, success = SEQUENCES[name]
    attempts = {"MaxAttempts": max_attempts} if max_attempts else {}
    wire = {"TrainingJobName": NAME, "WaiterConfig": {"Delay": 0, **attempts}}

    async def aiobotocore_wait() -> Any:
        async with raw_aiobotocore(server) as raw:
            return await raw.get_waiter(WAITER).wait(**wire)

    boto3_side = run(server, responses, lambda: boto3_client(server).get_waiter(WAITER).wait(**wire))
    aiobotocore_side = run_async(server, responses, aiobotocore_wait)
    sync_side = run(
        server,
        responses,
        lambda: jobs.Client(**options(server)).get_waiter(WAITER).wait(
            training_job_name=NAME, delay=0, max_attempts=max_attempts
        ),
    )
    async_side = run_async(
        server,
        responses,
        lambda: typed_async_wait(server, WAITER, training_job_name=NAME, delay=0, max_attempts=max_attempts),
    )
    requests = boto3_side["requests"]
    assert len(requests) == len(responses)  # one request a response: nothing retried
    assert async_side["requests"] == sync_side["requests"] == aiobotocore_side["requests"] == requests
    assert all(r == ("SageMaker.DescribeTrainingJob", {"TrainingJobName": NAME}) for r in requests)
    if success is not None:
        assert "failed" not in aiobotocore_side and "failed" not in boto3_side
        last = async_side["returned"]
        assert type(last) is jobs.DescribeTrainingJobResponse
        assert last == sync_side["returned"]
        assert last.training_job_status == success
        assert last.to_botocore() == without_metadata(aiobotocore_side["returned"])  # aiobotocore's last, typed
        return
    ours, sync, theirs = async_side["failed"], sync_side["failed"], aiobotocore_side["failed"]
    assert type(ours) is type(sync) is jobs.TrainingJobCompletedOrStoppedWaiterError  # the same class
    assert isinstance(ours, jobs.WaiterError)
    assert str(ours) == str(sync) == str(theirs) == str(boto3_side["failed"])
    assert ours.reason == sync.reason == theirs.kwargs["reason"]
    assert ours.attempts == sync.attempts == len(responses)
    assert without_metadata(ours.last_response) == without_metadata(theirs.last_response)
    assert ours.response == sync.response
    status, body = responses[-1]
    if status == 200:
        assert type(ours.response) is jobs.DescribeTrainingJobResponse  # the typed last response
        assert ours.response.training_job_status == body["TrainingJobStatus"]
        assert ours.error is None
    else:
        assert ours.response is None
        assert type(ours.error) is type(sync.error)
        assert isinstance(ours.error, botocore.exceptions.ClientError)
        assert ours.error.response["Error"]["Code"] == body["__type"]


def test_a_failed_job_raises_the_typed_error_with_the_typed_last_response(server: FakeSageMakerServer) -> None:
    responses = [job("InProgress"), job("InProgress"), job("Failed", FailureReason="AlgorithmError: OOM")]
    serve(server, responses)

    async def go() -> jobs.TrainingJobCompletedOrStoppedWaiterError:
        async with aio.Client(**options(server)) as client:
            try:
                await client.get_waiter(WAITER).wait(training_job_name=NAME, delay=0)
            except jobs.TrainingJobCompletedOrStoppedWaiterError as error:
                return error
        raise AssertionError("the wait did not fail")

    error = asyncio.run(go())
    assert server.requests == 3
    assert error.reason == "Waiter encountered a terminal failure state: For expression \"TrainingJobStatus\" we matched expected path: \"Failed\""
    assert error.response is not None
    assert error.response.training_job_status == jobs.TrainingJobStatus.FAILED
    assert error.response.failure_reason == "AlgorithmError: OOM"
    assert error.attempts == 3


def test_a_modeled_error_is_carried_as_the_package_s_class(server: FakeSageMakerServer) -> None:
    outcome = run_async(server, [NOT_FOUND], lambda: typed_async_wait(server, WAITER, training_job_name=NAME))
    error = outcome["failed"].error
    assert isinstance(error, jobs.ResourceNotFound)
    assert error.message == "Training job xgb-1 not found."


def test_a_waiter_that_succeeds_on_an_error_returns_none(server: FakeSageMakerServer) -> None:
    responses = [endpoint("Deleting"), endpoint("Deleting"), VALIDATION]
    sync = run(server, responses, lambda: jobs.Client(**options(server)).get_waiter("endpoint_deleted").wait(
        endpoint_name="ep", delay=0))
    ours = run_async(server, responses, lambda: typed_async_wait(server, "endpoint_deleted", endpoint_name="ep", delay=0))
    assert ours == sync == {"returned": None, "requests": sync["requests"]}
    assert len(ours["requests"]) == 3


def test_a_request_object_works_as_its_fields_do(server: FakeSageMakerServer) -> None:
    request = jobs.DescribeTrainingJobRequest(training_job_name=NAME)
    serve(server, [job("InProgress"), job("Completed")])

    async def go() -> jobs.DescribeTrainingJobResponse:
        async with aio.Client(**options(server)) as client:
            waiter = client.get_waiter(WAITER)
            with pytest.raises(TypeError, match="not both"):
                await waiter.wait(request, training_job_name=NAME)  # type: ignore[call-overload]
            return await waiter.wait(request, delay=0)

    assert asyncio.run(go()).training_job_status == jobs.TrainingJobStatus.COMPLETED
    assert [(r.target, r.json) for r in server.request_log] == [
        ("SageMaker.DescribeTrainingJob", {"TrainingJobName": NAME})
    ] * 2


def test_the_delay_defaults_to_the_model_s_and_is_slept_by_asyncio(
    server: FakeSageMakerServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """aiobotocore's waiter sleeps with ``asyncio.sleep`` (recorded here, not slept): the
    model's 120 seconds unless the wait says otherwise."""
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    monkeypatch.setattr(aiobotocore.waiter.asyncio, "sleep", sleep)
    run_async(server, [job("InProgress"), job("Completed")], lambda: typed_async_wait(server, WAITER, training_job_name=NAME))
    assert sleeps == [120]
    sleeps.clear()
    outcome = run_async(server, [job("InProgress")] * 3, lambda: typed_async_wait(
        server, WAITER, training_job_name=NAME, delay=0.25, max_attempts=3))
    assert sleeps == [0.25, 0.25] and outcome["failed"].reason == "Max attempts exceeded"


@pytest.mark.parametrize(("option", "value"), [("delay", -1), ("max_attempts", 0)])
def test_a_delay_or_attempts_botocore_could_not_use_is_refused_before_any_call(
    server: FakeSageMakerServer, option: str, value: int
) -> None:
    with pytest.raises(ValueError, match=option):
        asyncio.run(typed_async_wait(server, WAITER, training_job_name=NAME, **{option: value}))
    assert server.requests == 0


def test_waiter_names_and_get_waiter_are_the_sync_client_s(server: FakeSageMakerServer) -> None:
    async def go() -> list[str]:
        async with aio.Client(**options(server)) as client:
            with pytest.raises(ValueError, match="no waiter 'notebook_instance_in_service'"):
                client.get_waiter("notebook_instance_in_service")  # type: ignore[call-overload]
            assert type(client.get_waiter(WAITER)) is aio.TrainingJobCompletedOrStoppedWaiter
            return client.waiter_names

    assert asyncio.run(go()) == jobs.Client(**options(server)).waiter_names == [
        "endpoint_deleted", "endpoint_in_service", "training_job_completed_or_stopped"
    ]


def test_a_waiter_of_a_client_not_open_says_so(server: FakeSageMakerServer) -> None:
    with pytest.raises(RuntimeError, match="not open"):
        aio.Client(**options(server)).get_waiter(WAITER)


def test_many_waits_at_once_on_one_client(server: FakeSageMakerServer) -> None:
    """Waits run concurrently on one client, each with its own attempts and last response."""
    serve(server, [job("Completed")] * 20)

    async def go() -> list[Any]:
        async with aio.Client(**options(server)) as client:
            waiter = client.get_waiter(WAITER)
            return await asyncio.gather(*(waiter.wait(training_job_name=NAME, delay=0) for _ in range(20)))

    results = asyncio.run(go())
    assert [r.training_job_status for r in results] == [jobs.TrainingJobStatus.COMPLETED] * 20
    assert server.requests == 20


def test_the_readme_s_async_waiter_example_runs(
    server: FakeSageMakerServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """README's example, as written (``typed_sagemaker`` there is this package): the typed last
    response after the model's polls, then the typed failure."""
    import re

    from tests.fakes.fixtures import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = [b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "async with" in b and "get_waiter" in b]
    code = compile(example.replace("typed_sagemaker", "typed_sagemaker_jobs"), "README.md", "exec")
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    monkeypatch.setattr(aiobotocore.waiter.asyncio, "sleep", sleep)
    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER", server.endpoint_url)
    serve(server, [job("InProgress"), job("Completed")])
    exec(code, {})
    assert capsys.readouterr().out == "Completed\n"
    assert sleeps == [30] and server.requests == 2
    serve(server, [job("Failed", FailureReason="AlgorithmError: out of memory")])
    exec(code, {})
    assert capsys.readouterr().out == (
        'Waiter encountered a terminal failure state: For expression "TrainingJobStatus" we matched '
        'expected path: "Failed" AlgorithmError: out of memory\n'
    )


def test_the_sync_waiters_import_neither_aiohttp_nor_aiobotocore(server: FakeSageMakerServer) -> None:
    """The sync waiters module (which defines the error classes the async waiters raise) and a
    sync wait load nothing of aiobotocore; here it is installed, so importing it would show."""
    import subprocess
    import sys

    serve(server, [job("Completed")])
    script = f"""
import sys
import typed_sagemaker_jobs as sdk
from typed_sagemaker_jobs import waiters
client = sdk.Client(endpoint_url={server.endpoint_url!r}, region_name="us-east-1")
client.get_waiter("training_job_completed_or_stopped").wait(training_job_name="xgb-1", delay=0)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("aiohttp", "aiobotocore", "aioitertools")))
import typed_sagemaker_jobs.aio.waiters
print(sorted(m for m in sys.modules if m.split(".")[0] in ("aiohttp", "aiobotocore"))[:2])
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    before, after = out.splitlines()
    assert before == "[]" and server.requests == 1
    assert after != "[]"  # the asynchronous waiters do load them: the check can fail
