"""The asynchronous client against the local SageMaker endpoint, side by side with the
synchronous client and with aiobotocore itself: the same results, pages, tokens and errors for
the same calls; 200 concurrent calls on one client; cancellation that leaves no connection open.

Runs in the aiobotocore environment (``tests/aio/environment.py``), by ``tests/test_aio.py``.
"""

from __future__ import annotations

import asyncio
import itertools
import subprocess
import sys
import time
from typing import Any, Awaitable, Callable, TypeVar

import aiobotocore.session
import botocore.exceptions
import pytest

import typed_sagemaker as sdk
from typed_sagemaker import aio
from tests.fakes.fixtures import MARKER_ACCESS_KEY, MARKER_REGION, MARKER_SECRET_KEY, make_botocore_client
from tests.fakes.sagemaker_server import DEFAULT_TUNING_JOB, EMPTY_TUNING_JOB, FakeSageMakerServer

METHOD = "list_training_jobs_for_hyper_parameter_tuning_job"
T = TypeVar("T")


def run(coroutine: Callable[[], Awaitable[T]]) -> T:
    return asyncio.run(coroutine())  # type: ignore[arg-type]


def options(server: FakeSageMakerServer, **more: Any) -> dict[str, Any]:
    return {"endpoint_url": server.endpoint_url, "region_name": MARKER_REGION, **more}


@pytest.fixture
def sync_client(aws_env: Any, sagemaker_server: FakeSageMakerServer) -> sdk.Client:
    return sdk.Client(**options(sagemaker_server))


def raw_aiobotocore(server: FakeSageMakerServer) -> Any:
    """aiobotocore's own client (the oracle), on botocore's full model."""
    return aiobotocore.session.get_session().create_client(
        "sagemaker", endpoint_url=server.endpoint_url, region_name=MARKER_REGION,
        aws_access_key_id=MARKER_ACCESS_KEY, aws_secret_access_key=MARKER_SECRET_KEY,
    )


CALLS: list[dict[str, Any]] = [
    {"hyper_parameter_tuning_job_name": DEFAULT_TUNING_JOB},
    {"hyper_parameter_tuning_job_name": DEFAULT_TUNING_JOB, "max_results": 5, "status_equals": "Completed"},
    {"hyper_parameter_tuning_job_name": DEFAULT_TUNING_JOB, "sort_by": "FinalObjectiveMetricValue",
     "sort_order": "Descending", "max_results": 7},
    {"hyper_parameter_tuning_job_name": DEFAULT_TUNING_JOB, "status_equals": sdk.TrainingJobStatus.IN_PROGRESS},
    {"hyper_parameter_tuning_job_name": EMPTY_TUNING_JOB},
]


@pytest.mark.parametrize("call", CALLS)
def test_a_call_gives_what_the_sync_client_and_aiobotocore_give(
    sync_client: sdk.Client, sagemaker_server: FakeSageMakerServer, call: dict[str, Any]
) -> None:
    expected = sync_client.list_training_jobs_for_hyper_parameter_tuning_job(**call)
    wire = sdk.ListTrainingJobsForHyperParameterTuningJobRequest(**call).to_botocore()

    async def both() -> tuple[Any, Any]:
        async with aio.Client(**options(sagemaker_server)) as client, raw_aiobotocore(sagemaker_server) as raw:
            ours = await client.list_training_jobs_for_hyper_parameter_tuning_job(**call)
            theirs = await raw.list_training_jobs_for_hyper_parameter_tuning_job(**wire)
            return ours, theirs

    ours, theirs = run(both)
    assert type(ours) is type(expected) is sdk.ListTrainingJobsForHyperParameterTuningJobResponse
    assert ours == expected
    assert ours.to_botocore() == {k: v for k, v in theirs.items() if k != "ResponseMetadata"}
    assert ours.response_metadata.http_status_code == 200 and ours.response_metadata.request_id


def test_a_request_object_is_accepted_as_by_the_sync_client(
    sync_client: sdk.Client, sagemaker_server: FakeSageMakerServer
) -> None:
    request = sdk.ListTrainingJobsForHyperParameterTuningJobRequest(
        hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, sort_by="CreationTime", sort_order="Ascending")

    async def call() -> Any:
        async with aio.Client(**options(sagemaker_server)) as client:
            return await client.list_training_jobs_for_hyper_parameter_tuning_job(request)

    assert run(call) == sync_client.list_training_jobs_for_hyper_parameter_tuning_job(request)


MAX_ITEMS = [None, 1, 4, 10, 11, 25, 40]
PAGE_SIZES = [None, 3, 10]


@pytest.mark.parametrize(("max_items", "page_size"), list(itertools.product(MAX_ITEMS, PAGE_SIZES)))
def test_pages_items_tokens_and_full_results_equal_the_sync_client_and_aiobotocore(
    sync_client: sdk.Client, sagemaker_server: FakeSageMakerServer, max_items: int | None, page_size: int | None
) -> None:
    sync_pages = sync_client.get_paginator(METHOD)

    async def walk() -> list[tuple[Any, ...]]:
        walks = []
        async with aio.Client(**options(sagemaker_server)) as client, raw_aiobotocore(sagemaker_server) as raw:
            ours = client.get_paginator(METHOD)
            theirs = raw.get_paginator(METHOD)
            token = None
            for _ in range(4):  # follow resume tokens, including ones that end mid-page
                kwargs = {"hyper_parameter_tuning_job_name": DEFAULT_TUNING_JOB, "max_items": max_items,
                          "page_size": page_size, "starting_token": token}
                pages = ours.paginate(**kwargs)
                our_pages = [page async for page in pages]
                our_items = [item async for item in pages.items()]
                our_full = await pages.build_full_result()
                config = {k: v for k, v in {"MaxItems": max_items, "PageSize": page_size,
                                            "StartingToken": token}.items() if v is not None}
                raw_pages = theirs.paginate(HyperParameterTuningJobName=DEFAULT_TUNING_JOB, PaginationConfig=config)
                their_items = [i async for page in raw_pages for i in page["TrainingJobSummaries"]]
                walks.append((kwargs, our_pages, our_items, our_full, pages.resume_token, their_items,
                              raw_pages.resume_token))
                token = pages.resume_token
                if token is None:
                    break
        return walks

    walks = run(walk)
    assert walks
    for kwargs, our_pages, our_items, our_full, resume, their_items, their_resume in walks:
        expected = sync_pages.paginate(**kwargs)
        assert our_pages == list(expected)
        assert our_items == list(expected.items())
        assert [i.to_botocore() for i in our_items] == their_items
        assert our_full == expected.build_full_result()
        assert resume == expected.resume_token == their_resume


def test_paginate_method_and_typed_items(sagemaker_server: FakeSageMakerServer, aws_env: Any) -> None:
    async def walk() -> tuple[list[int], list[Any]]:
        async with aio.Client(**options(sagemaker_server)) as client:
            pages = client.paginate_list_training_jobs_for_hyper_parameter_tuning_job(
                hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, page_size=10)
            sizes = [len(page.training_job_summaries) async for page in pages]
            return sizes, [item async for item in pages.items()]

    sizes, items = run(walk)
    assert sizes == [10, 10, 5]
    assert len(items) == 25 and all(isinstance(i, sdk.HyperParameterTrainingJobSummary) for i in items)


# --- errors ---------------------------------------------------------------------------------


def _raised(action: Callable[[], Any]) -> BaseException:
    try:
        action()
    except BaseException as error:  # noqa: BLE001 - the error is what is compared
        return error
    raise AssertionError("nothing raised")


async def _aio_raised(coroutine: Awaitable[Any]) -> BaseException:
    try:
        await coroutine
    except BaseException as error:  # noqa: BLE001
        return error
    raise AssertionError("nothing raised")


def _same_error(ours: BaseException, expected: BaseException) -> None:
    assert type(ours) is type(expected)
    assert str(ours) == str(expected)
    if isinstance(expected, botocore.exceptions.ClientError):
        assert isinstance(ours, botocore.exceptions.ClientError)
        assert ours.response["Error"] == expected.response["Error"]
        assert ours.operation_name == expected.operation_name


def test_modeled_and_unmodeled_errors_are_the_sync_clients(
    sync_client: sdk.Client, sagemaker_server: FakeSageMakerServer
) -> None:
    cases: list[dict[str, Any]] = [
        {"hyper_parameter_tuning_job_name": "no-such-job"},  # modeled: ResourceNotFound
        {"hyper_parameter_tuning_job_name": DEFAULT_TUNING_JOB, "next_token": "not-a-token"},  # unmodeled
        {"hyper_parameter_tuning_job_name": ""},  # botocore's validation, before any request
        {"hyper_parameter_tuning_job_name": "x", "max_results": 0},
        {"hyper_parameter_tuning_job_name": "x", "max_result": 3},  # misspelled keyword
    ]
    expected = [_raised(lambda c=c: sync_client.list_training_jobs_for_hyper_parameter_tuning_job(**c))
                for c in cases]
    sync_requests = sagemaker_server.requests

    async def calls() -> list[BaseException]:
        async with aio.Client(**options(sagemaker_server)) as client:
            found = [await _aio_raised(client.list_training_jobs_for_hyper_parameter_tuning_job(**c)) for c in cases]
            found.append(await _aio_raised(client.get_paginator(METHOD).paginate(
                hyper_parameter_tuning_job_name="no-such-job").build_full_result()))
            return found

    found = run(calls)
    assert sagemaker_server.requests - sync_requests == 3  # the same two reached the service, plus the paginator
    for ours, theirs in zip(found, expected):
        _same_error(ours, theirs)
    assert isinstance(found[0], sdk.ResourceNotFound) and found[0].message
    assert not isinstance(found[1], sdk.ServiceError)
    assert isinstance(found[2], botocore.exceptions.ParamValidationError)
    assert "did you mean 'max_results'?" in str(found[4])
    _same_error(found[5], _raised(lambda: sync_client.get_paginator(METHOD).paginate(
        hyper_parameter_tuning_job_name="no-such-job").build_full_result()))


def test_strict_validation_and_strict_responses_as_the_sync_client(
    aws_env: Any, sagemaker_server: FakeSageMakerServer
) -> None:
    bad = {"hyper_parameter_tuning_job_name": "bad_name!" + "x" * 40, "max_results": 500, "status_equals": "Sleeping"}
    expected = _raised(lambda: sdk.Client(**options(sagemaker_server), strict_validation=True)
                       .list_training_jobs_for_hyper_parameter_tuning_job(**bad))

    async def call() -> BaseException:
        async with aio.Client(**options(sagemaker_server), strict_validation=True) as client:
            return await _aio_raised(client.list_training_jobs_for_hyper_parameter_tuning_job(**bad))

    _same_error(run(call), expected)
    assert sagemaker_server.requests == 0

    # A response lacking a member the model requires: corrected, or refused when strict.
    for strict in (False, True):
        sagemaker_server.queue_response(200, {"TrainingJobSummaries": [{"TrainingJobName": "only-a-name"}]})
        sagemaker_server.queue_response(200, {"TrainingJobSummaries": [{"TrainingJobName": "only-a-name"}]})
        sync = sdk.Client(**options(sagemaker_server), strict_responses=strict)
        expected_result: Any = _raised(lambda: sync.list_training_jobs_for_hyper_parameter_tuning_job(
            hyper_parameter_tuning_job_name="x")) if strict else sync.list_training_jobs_for_hyper_parameter_tuning_job(
            hyper_parameter_tuning_job_name="x")

        async def corrected(strict: bool = strict) -> Any:
            async with aio.Client(**options(sagemaker_server), strict_responses=strict) as client:
                call = client.list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name="x")
                return await (_aio_raised(call) if strict else call)

        ours = run(corrected)
        if strict:
            _same_error(ours, expected_result)
            assert isinstance(ours, sdk.ResponseParseError)
        else:
            assert ours == expected_result
            assert ours.response_metadata.corrected == expected_result.response_metadata.corrected != ()


def test_a_cycling_token_is_refused_as_by_the_sync_client(aws_env: Any, sagemaker_server: FakeSageMakerServer) -> None:
    for walk in ("pages", "items", "build_full_result"):
        sagemaker_server.reset()
        for token in ["A", "B", "A", "B", "A"]:
            sagemaker_server.queue_response(200, {"TrainingJobSummaries": [], "NextToken": token})

        async def go(walk: str = walk) -> BaseException:
            async with aio.Client(**options(sagemaker_server)) as client:
                pages = client.get_paginator(METHOD).paginate(hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB)
                if walk == "pages":
                    return await _aio_raised(_drain(pages))
                if walk == "items":
                    return await _aio_raised(_drain(pages.items()))
                return await _aio_raised(pages.build_full_result())

        error = run(go)
        assert isinstance(error, botocore.exceptions.PaginationError), walk
        assert "already returned in this listing" in str(error)
        assert sagemaker_server.requests == 3  # no token -> A, A -> B, B -> A; A again is refused


async def _drain(iterator: Any) -> list[Any]:
    return [x async for x in iterator]


# --- many calls at once ---------------------------------------------------------------------


def test_200_concurrent_calls_on_one_client_each_get_their_own_answer(
    sync_client: sdk.Client, sagemaker_server: FakeSageMakerServer
) -> None:
    statuses = [None, "Completed", "InProgress", "Failed", "Stopped"]
    calls = [
        {"hyper_parameter_tuning_job_name": DEFAULT_TUNING_JOB, "max_results": i % 13 + 1,
         **({"status_equals": statuses[i % 5]} if statuses[i % 5] else {}),
         "sort_order": "Descending" if i % 2 else "Ascending"}
        for i in range(200)
    ]
    distinct = {repr(sorted(c.items())): c for c in calls}
    expected = {key: sync_client.list_training_jobs_for_hyper_parameter_tuning_job(**c) for key, c in distinct.items()}
    before = sagemaker_server.requests

    async def many() -> list[Any]:
        async with aio.Client(**options(sagemaker_server)) as client:
            return await asyncio.gather(*(client.list_training_jobs_for_hyper_parameter_tuning_job(**c) for c in calls))

    results = run(many)
    assert sagemaker_server.requests - before == 200
    assert len({repr(sorted(e.to_botocore().items())) for e in expected.values()}) > 20  # answers differ
    for call, result in zip(calls, results):
        assert result == expected[repr(sorted(call.items()))]


def test_concurrent_paginations_on_one_client(sync_client: sdk.Client, sagemaker_server: FakeSageMakerServer) -> None:
    sizes = [1, 2, 3, 5, 7, 10, 11, 25] * 5
    expected = {size: list(sync_client.get_paginator(METHOD).paginate(
        hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, page_size=size).items()) for size in set(sizes)}

    async def many() -> list[list[Any]]:
        async with aio.Client(**options(sagemaker_server)) as client:
            paginator = client.get_paginator(METHOD)
            return await asyncio.gather(*(
                _drain(paginator.paginate(hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, page_size=size).items())
                for size in sizes))

    for size, items in zip(sizes, run(many)):
        assert items == expected[size]


# --- cancellation and connections -----------------------------------------------------------


def _taken(client: aio.Client) -> int:
    """The connections aiohttp's connectors under the aiobotocore client have handed out and
    not taken back (aiobotocore keeps an aiohttp session per proxy)."""
    sessions = client.botocore_client._endpoint.http_session._sessions or {}
    assert sessions, "the client made no aiohttp session: nothing to check"
    return sum(len(session.connector._acquired) for session in sessions.values())


def _wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.mark.parametrize("where", ["in flight", "between pages"])
def test_cancelling_mid_pagination_leaves_no_connection_open(
    aws_env: Any, sagemaker_server: FakeSageMakerServer, where: str
) -> None:
    taken_after_cancel: list[int] = []
    pages_seen: list[int] = []

    async def walk(client: aio.Client, first_page: asyncio.Event, hold: asyncio.Event) -> None:
        pages = client.get_paginator(METHOD).paginate(hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, page_size=3)
        async for page in pages:
            pages_seen.append(len(page.training_job_summaries))
            first_page.set()
            if where == "between pages":
                await hold.wait()  # cancelled here, with no request in flight

    async def go() -> None:
        async with aio.Client(**options(sagemaker_server)) as client:
            first_page, hold = asyncio.Event(), asyncio.Event()
            task = asyncio.create_task(walk(client, first_page, hold))
            await first_page.wait()
            if where == "in flight":
                sagemaker_server.response_delay = 0.5  # the next page's request is held by the server
                await asyncio.sleep(0.2)
                assert _taken(client) == 1  # the check below can fail: a request is in flight
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            sagemaker_server.response_delay = 0.0
            await asyncio.sleep(0)
            taken_after_cancel.append(_taken(client))
            # The client still works after the cancellation.
            again = await client.list_training_jobs_for_hyper_parameter_tuning_job(
                hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, max_results=2)
            assert len(again.training_job_summaries) == 2

    run(go)
    assert pages_seen and pages_seen[0] == 3
    assert taken_after_cancel == [0]  # no connection taken by the cancelled listing
    # After the client closed, the server holds no connection of ours.
    assert _wait_for(lambda: sagemaker_server.open_connections == 0), sagemaker_server.open_connections


def test_leaving_a_listing_early_and_closing_leaves_no_connection_open(
    aws_env: Any, sagemaker_server: FakeSageMakerServer
) -> None:
    async def go() -> int:
        async with aio.Client(**options(sagemaker_server)) as client:
            async for item in client.get_paginator(METHOD).paginate(
                    hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, page_size=2).items():
                del item
                break
            assert sagemaker_server.open_connections >= 1  # the check below can fail
            return _taken(client)

    assert run(go) == 0
    assert _wait_for(lambda: sagemaker_server.open_connections == 0)


# --- the client's life ------------------------------------------------------------------------


def test_the_client_must_be_opened_and_takes_a_session_or_an_aiobotocore_client(
    aws_env: Any, sagemaker_server: FakeSageMakerServer
) -> None:
    client = aio.Client(**options(sagemaker_server))
    with pytest.raises(RuntimeError, match="async with Client"):
        run(lambda: client.list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name="x"))
    with pytest.raises(TypeError, match="either session or profile_name"):
        aio.Client(session=aiobotocore.session.get_session(), profile_name="p")

    async def with_session() -> tuple[list[str], list[str], int]:
        async with aio.Client(session=aiobotocore.session.get_session(), **options(sagemaker_server)) as full:
            full_ops = full.botocore_client.meta.service_model.operation_names
        async with raw_aiobotocore(sagemaker_server) as raw:
            async with aio.Client(botocore_client=raw) as wrapped:
                response = await wrapped.list_training_jobs_for_hyper_parameter_tuning_job(
                    hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, max_results=4)
        async with aio.Client(**options(sagemaker_server)) as sliced:
            sliced_ops = sliced.botocore_client.meta.service_model.operation_names
        return full_ops, sliced_ops, len(response.training_job_summaries)

    full_ops, sliced_ops, count = run(with_session)
    assert sliced_ops == ["ListTrainingJobsForHyperParameterTuningJob"]  # the shipped slice
    assert len(full_ops) > 100  # botocore's whole model, as the sync client with session=
    assert count == 4
    assert _wait_for(lambda: sagemaker_server.open_connections == 0)


def test_shared_classes_and_signatures(aws_env: Any) -> None:
    import inspect

    assert aio.Client.exceptions is sdk.Client.exceptions
    assert inspect.iscoroutinefunction(aio.Client.list_training_jobs_for_hyper_parameter_tuning_job)
    assert (inspect.signature(aio.Client.list_training_jobs_for_hyper_parameter_tuning_job).parameters.keys()
            == inspect.signature(sdk.Client.list_training_jobs_for_hyper_parameter_tuning_job).parameters.keys())
    assert aio.Client.get_paginator.__annotations__ == sdk.Client.get_paginator.__annotations__
    with pytest.raises(ValueError, match="no paginator for"):
        aio.Client(region_name="us-east-1").get_paginator("nope")  # type: ignore[arg-type]


# --- the synchronous package stays synchronous ----------------------------------------------


def test_the_sync_package_imports_neither_aiohttp_nor_aiobotocore(
    aws_env: Any, sagemaker_server: FakeSageMakerServer
) -> None:
    """Here both are installed, so importing them would show."""
    script = f"""
import sys
import typed_sagemaker as sdk
from typed_sagemaker import cli, models, errors, paginators, literals
client = sdk.Client(endpoint_url={sagemaker_server.endpoint_url!r}, region_name="us-east-1")
list(client.get_paginator("{METHOD}").paginate(hyper_parameter_tuning_job_name={DEFAULT_TUNING_JOB!r}).items())
try:
    client.{METHOD}(hyper_parameter_tuning_job_name="nope")
except sdk.ResourceNotFound:
    pass
for name in dir(sdk):
    getattr(sdk, name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("aiohttp", "aiobotocore", "aioitertools"))
print(loaded)
import typed_sagemaker.aio
print(sorted(m for m in sys.modules if m.split(".")[0] in ("aiohttp", "aiobotocore"))[:2])
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    before, after = out.splitlines()
    assert before == "[]"
    assert after != "[]"  # importing the asynchronous client does load them: the check can fail


def test_a_call_made_as_the_readme_shows(aws_env: Any, sagemaker_server: FakeSageMakerServer,
                                         monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import re

    from tests.fakes.fixtures import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER", sagemaker_server.endpoint_url)
    (example,) = [b for b in re.findall(r"```python\n(.*?)```", readme, re.S)
                  if "async with" in b and "get_waiter" not in b]  # the waiter example: check_waiters.py
    exec(compile(example.replace("my-tuning-job", DEFAULT_TUNING_JOB), "README.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["10", "10", "5"] and out[-1].startswith("Amazon SageMaker can't find")
