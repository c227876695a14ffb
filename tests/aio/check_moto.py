"""The asynchronous client of whole-service packages (S3: rest-xml, SQS: json answering with
query codes, DynamoDB: json) against ``moto_server`` on 127.0.0.1, side by side with the
synchronous client of the same package and with aiobotocore itself: the same results, pages,
streamed bodies, event streams, errors and waiters for the same calls, and many concurrent calls.

Runs in the aiobotocore environment (``tests/aio/environment.py``), by ``tests/test_aio.py``,
with ``typed_s3``, ``typed_sqs`` and ``typed_dynamodb`` on ``PYTHONPATH``.
"""

from __future__ import annotations

import asyncio
import importlib
from typing import Any, Awaitable, Callable, Iterator

import aiobotocore.session
import botocore.config
import botocore.exceptions
import pytest

from tests.moto.server import MotoServer, moto_server  # noqa: F401 - the session fixture

REGION = "us-east-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def config() -> botocore.config.Config:
    # One attempt (a retry would hide what happened); path-style S3 addressing on 127.0.0.1.
    return botocore.config.Config(retries={"total_max_attempts": 1}, s3={"addressing_style": "path"})


@pytest.fixture(scope="module", autouse=True)
def isolated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    missing = tmp_path_factory.mktemp("no-aws-config")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                     "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_DEFAULT_REGION", "AWS_REGION"):
            patch.delenv(name, raising=False)
        patch.setenv("AWS_CONFIG_FILE", str(missing / "config"))
        patch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(missing / "credentials"))
        patch.setenv("AWS_EC2_METADATA_DISABLED", "true")
        yield


@pytest.fixture
def server(moto_server: MotoServer) -> MotoServer:  # noqa: F811
    moto_server.reset()
    return moto_server


def package(service: str) -> Any:
    module = importlib.import_module(f"typed_{service}")
    importlib.import_module(f"typed_{service}.models")
    return module


def clients(service: str, server: MotoServer) -> tuple[Any, Any, Any]:
    """The sync typed client, the async typed client (not yet open) and aiobotocore's own."""
    typed = package(service)
    aio = importlib.import_module(f"typed_{service}.aio")
    options = {"region_name": REGION, "endpoint_url": server.url, "config": config(), **CREDENTIALS}
    raw = aiobotocore.session.get_session().create_client(service, **options)
    return typed.Client(**options), aio.Client(**options), raw


def run(coroutine: Callable[[], Awaitable[Any]]) -> Any:
    return asyncio.run(coroutine())  # type: ignore[arg-type]


async def raised(call: Awaitable[Any]) -> BaseException:
    try:
        await call
    except BaseException as error:  # noqa: BLE001 - the error is what is compared
        return error
    raise AssertionError("nothing raised")


def sync_raised(call: Callable[[], Any]) -> BaseException:
    try:
        call()
    except BaseException as error:  # noqa: BLE001
        return error
    raise AssertionError("nothing raised")


def same_error(ours: BaseException, expected: BaseException, raw: BaseException | None = None) -> None:
    assert type(ours) is type(expected), (ours, expected)
    assert isinstance(ours, botocore.exceptions.ClientError)
    assert ours.response["Error"] == expected.response["Error"]
    if raw is not None:
        assert isinstance(raw, botocore.exceptions.ClientError)
        assert ours.response["Error"]["Code"] == raw.response["Error"]["Code"]


def wire(value: Any) -> Any:
    """A typed response in botocore's form, without what changes from call to call."""
    data = value.to_botocore() if hasattr(value, "to_botocore") else dict(value)
    data.pop("ResponseMetadata", None)
    return data


# --- S3 -----------------------------------------------------------------------------------------


def test_s3_objects_bodies_pages_and_errors(server: MotoServer) -> None:
    sync, client, raw_context = clients("s3", server)
    s3 = package("s3")
    sync.create_bucket(bucket="aio")
    payload = bytes(range(256)) * 400
    for index in range(11):
        sync.put_object(bucket="aio", key=f"key-{index:02d}", body=payload + bytes([index]))
    expected_head = sync.head_object(bucket="aio", key="key-03")
    with sync.get_object(bucket="aio", key="key-03").body as body:
        expected_body = body.read()
    expected_pages = list(sync.get_paginator("list_objects_v2").paginate(bucket="aio", page_size=3))
    expected_error = sync_raised(lambda: sync.get_object(bucket="aio", key="missing"))
    expected_bucket_error = sync_raised(lambda: list(sync.get_paginator("list_objects_v2").paginate(bucket="nope")))

    async def go() -> dict[str, Any]:
        found: dict[str, Any] = {}
        async with client, raw_context as raw:
            await client.put_object(bucket="aio", key="from-async", body=payload)
            found["head"] = await client.head_object(bucket="aio", key="key-03")
            response = await client.get_object(bucket="aio", key="key-03")
            found["response"] = response
            async with response.body as body:
                found["body"] = await body.read()
            chunked = await client.get_object(bucket="aio", key="key-04")
            async with chunked.body as body:
                found["chunks"] = [chunk async for chunk in body.iter_chunks(4096)]
            their = await raw.get_object(Bucket="aio", Key="key-03")
            async with their["Body"] as body:
                found["raw_body"] = await body.read()
            pages = client.get_paginator("list_objects_v2").paginate(bucket="aio", page_size=3)
            found["pages"] = [page async for page in pages]
            found["items"] = [item async for item in pages.items()]
            found["raw_pages"] = [p async for p in raw.get_paginator("list_objects_v2").paginate(
                Bucket="aio", PaginationConfig={"PageSize": 3})]
            found["error"] = await raised(client.get_object(bucket="aio", key="missing"))
            found["raw_error"] = await raised(raw.get_object(Bucket="aio", Key="missing"))
            found["bucket_error"] = await raised(
                client.get_paginator("list_objects_v2").paginate(bucket="nope").build_full_result())
        return found

    found = run(go)
    assert found["head"] == expected_head
    assert found["body"] == expected_body == found["raw_body"] == payload + bytes([3])
    assert b"".join(found["chunks"]) == payload + bytes([4]) and len(found["chunks"]) == 26
    assert type(found["response"]) is s3.GetObjectOutput
    assert sync.get_object(bucket="aio", key="from-async").body.read() == payload
    # The pages were listed before "from-async" was written: compare the keys they share.
    ours = [[o.key for o in p.contents or []] for p in found["pages"]]
    assert [k for page in ours for k in page if k != "from-async"] == [
        o.key for p in expected_pages for o in p.contents or []]
    assert [wire(p) for p in found["pages"]] == [wire(p) for p in found["raw_pages"]]
    assert [i.key for i in found["items"]] == [k for page in ours for k in page]
    assert isinstance(found["error"], s3.NoSuchKey)
    same_error(found["error"], expected_error, found["raw_error"])
    assert isinstance(found["bucket_error"], s3.NoSuchBucket)
    same_error(found["bucket_error"], expected_bucket_error)


def test_s3_event_stream_equals_the_sync_clients(server: MotoServer) -> None:
    sync, client, raw_context = clients("s3", server)
    s3 = package("s3")
    streams = importlib.import_module("typed_s3._runtime.streams")
    sync.create_bucket(bucket="select")
    sync.put_object(bucket="select", key="data.csv", body=b"name,size\na,1\nb,2\nc,3\n")
    request = {
        "bucket": "select", "key": "data.csv", "expression": "SELECT * FROM S3Object", "expression_type": "SQL",
        "input_serialization": s3.InputSerialization(csv=s3.CSVInput(file_header_info="USE")),
        "output_serialization": s3.OutputSerialization(json=s3.JSONOutput()),
    }
    expected = list(sync.select_object_content(**request).payload)

    wire_request = s3.SelectObjectContentRequest(**request).to_botocore()

    async def go() -> tuple[list[Any], list[Any]]:
        async with client, raw_context as raw:
            response = await client.select_object_content(**request)
            assert isinstance(response.payload, streams.AsyncEventStream)
            async with response.payload as events:
                ours = [event async for event in events]
            theirs = await raw.select_object_content(**wire_request)
            return ours, [event async for event in theirs["Payload"]]

    events, raw_events = run(go)
    assert events == expected
    assert [e.to_botocore() for e in events] == raw_events
    assert any(e.records for e in events) and all(isinstance(e, s3.SelectObjectContentEventStream) for e in events)


# --- SQS ----------------------------------------------------------------------------------------


def test_sqs_queues_messages_pages_and_query_coded_errors(server: MotoServer) -> None:
    sync, client, raw_context = clients("sqs", server)
    sqs = package("sqs")
    for index in range(7):
        sync.create_queue(queue_name=f"queue-{index}", attributes={"VisibilityTimeout": str(30 + index)})
    url = sync.get_queue_url(queue_name="queue-2").queue_url
    expected_pages = list(sync.get_paginator("list_queues").paginate(max_results=2))
    expected_attributes = sync.get_queue_attributes(queue_url=url, attribute_names=["VisibilityTimeout"])
    expected_error = sync_raised(lambda: sync.get_queue_url(queue_name="missing"))

    async def go() -> dict[str, Any]:
        async with client, raw_context as raw:
            sent = await asyncio.gather(*(client.send_message(queue_url=url, message_body=f"m{i}") for i in range(30)))
            return {
                "pages": [p async for p in client.get_paginator("list_queues").paginate(max_results=2)],
                "raw_pages": [p async for p in raw.get_paginator("list_queues").paginate(
                    PaginationConfig={"PageSize": 2})],
                "attributes": await client.get_queue_attributes(queue_url=url, attribute_names=["VisibilityTimeout"]),
                "error": await raised(client.get_queue_url(queue_name="missing")),
                "raw_error": await raised(raw.get_queue_url(QueueName="missing")),
                "sent": sent,
            }

    found = run(go)
    assert found["pages"] == expected_pages and len(expected_pages) == 4
    assert [wire(p) for p in found["pages"]] == [wire(p) for p in found["raw_pages"]]
    assert found["attributes"] == expected_attributes
    assert isinstance(found["error"], sqs.QueueDoesNotExist)  # found by botocore's QueryErrorCode
    same_error(found["error"], expected_error, found["raw_error"])
    ids = {m.message_id for m in found["sent"]}
    assert len(ids) == 30
    count = sync.get_queue_attributes(queue_url=url, attribute_names=["ApproximateNumberOfMessages"])
    assert count.attributes == {"ApproximateNumberOfMessages": "30"}


# --- DynamoDB -----------------------------------------------------------------------------------


def test_dynamodb_items_scans_and_errors_with_concurrent_writes(server: MotoServer) -> None:
    sync, client, raw_context = clients("dynamodb", server)
    ddb = package("dynamodb")
    sync.create_table(
        table_name="things", billing_mode="PAY_PER_REQUEST",
        key_schema=[ddb.KeySchemaElement(attribute_name="id", key_type="HASH")],
        attribute_definitions=[ddb.AttributeDefinition(attribute_name="id", attribute_type="S")],
    )

    def item(i: int) -> dict[str, Any]:
        return {"id": ddb.AttributeValue(s=f"id-{i:03d}"), "n": ddb.AttributeValue(n=str(i)),
                "tags": ddb.AttributeValue(ss=[f"t{i % 3}", "all"])}

    async def write() -> list[Any]:
        async with client:
            return await asyncio.gather(*(client.put_item(table_name="things", item=item(i)) for i in range(50)))

    assert len(run(write)) == 50
    expected_scan = list(sync.get_paginator("scan").paginate(table_name="things", page_size=7))
    expected_item = sync.get_item(table_name="things", key={"id": ddb.AttributeValue(s="id-007")})
    expected_table = sync.describe_table(table_name="things")
    expected_error = sync_raised(lambda: sync.describe_table(table_name="missing"))

    async def read() -> dict[str, Any]:
        async with client, raw_context as raw:
            pages = client.get_paginator("scan").paginate(table_name="things", page_size=7)
            return {
                "scan": [p async for p in pages],
                "full": await pages.build_full_result(),
                "raw_scan": [p async for p in raw.get_paginator("scan").paginate(
                    TableName="things", PaginationConfig={"PageSize": 7})],
                "items": await asyncio.gather(*(client.get_item(
                    table_name="things", key={"id": ddb.AttributeValue(s=f"id-{i:03d}")}) for i in range(50))),
                "table": await client.describe_table(table_name="things"),
                "error": await raised(client.describe_table(table_name="missing")),
                "raw_error": await raised(raw.describe_table(TableName="missing")),
            }

    found = run(read)
    assert found["scan"] == expected_scan and len(expected_scan) == 8
    assert [wire(p) for p in found["scan"]] == [wire(p) for p in found["raw_scan"]]
    assert len(found["full"].items) == 50
    assert found["full"].items == [i for page in expected_scan for i in page.items]
    assert found["items"][7] == expected_item
    for i, got in enumerate(found["items"]):
        assert got.item == item(i)
    assert found["table"] == expected_table
    assert isinstance(found["error"], ddb.ResourceNotFoundException)
    same_error(found["error"], expected_error, found["raw_error"])


# --- Waiters ------------------------------------------------------------------------------------


def test_dynamodb_and_s3_waiters_equal_the_sync_clients_and_aiobotocore_s(server: MotoServer) -> None:
    """TableExists (success on a response), TableNotExists (success on an error), a wait that
    runs out of attempts, and S3's BucketExists (success on an HTTP status): the async waiters
    return and raise what the sync waiters do, after as many requests as aiobotocore's."""
    sync, client, raw_context = clients("dynamodb", server)
    s3_sync, s3_client, _ = clients("s3", server)
    ddb = package("dynamodb")
    sync.create_table(
        table_name="jobs", billing_mode="PAY_PER_REQUEST",
        key_schema=[ddb.KeySchemaElement(attribute_name="id", key_type="HASH")],
        attribute_definitions=[ddb.AttributeDefinition(attribute_name="id", attribute_type="S")],
    )
    s3_sync.create_bucket(bucket="waited")
    expected = {
        "exists": sync.get_waiter("table_exists").wait(table_name="jobs", delay=0),
        "not_exists": sync.get_waiter("table_not_exists").wait(table_name="gone", delay=0),
        "runs_out": sync_raised(lambda: sync.get_waiter("table_exists").wait(table_name="none", delay=0, max_attempts=2)),
        "bucket": s3_sync.get_waiter("bucket_exists").wait(bucket="waited", delay=0),
    }

    async def go() -> dict[str, Any]:
        async with client, s3_client, raw_context as raw:
            return {
                "names": client.waiter_names,
                "exists": await client.get_waiter("table_exists").wait(table_name="jobs", delay=0),
                "not_exists": await client.get_waiter("table_not_exists").wait(table_name="gone", delay=0),
                "runs_out": await raised(client.get_waiter("table_exists").wait(
                    table_name="none", delay=0, max_attempts=2)),
                "raw_runs_out": await raised(raw.get_waiter("table_exists").wait(
                    TableName="none", WaiterConfig={"Delay": 0, "MaxAttempts": 2})),
                "raw_exists": await raw.get_waiter("table_exists").wait(TableName="jobs", WaiterConfig={"Delay": 0}),
                "bucket": await s3_client.get_waiter("bucket_exists").wait(bucket="waited", delay=0),
            }

    found = run(go)
    assert found["names"] == sync.waiter_names and {"table_exists", "table_not_exists"} <= set(found["names"])
    assert type(found["exists"]) is ddb.DescribeTableOutput
    assert found["exists"] == expected["exists"] and found["exists"].table.table_status == "ACTIVE"
    assert wire(found["exists"]) == wire(found["raw_exists"])  # aiobotocore's last response, typed
    assert found["not_exists"] is None and expected["not_exists"] is None
    ours, theirs, raw_error = found["runs_out"], expected["runs_out"], found["raw_runs_out"]
    assert type(ours) is type(theirs) is ddb.TableExistsWaiterError
    assert ours.reason == theirs.reason == raw_error.kwargs["reason"]
    assert ours.attempts == theirs.attempts == 2
    assert isinstance(ours.error, ddb.ResourceNotFoundException) and type(ours.error) is type(theirs.error)
    assert found["bucket"] == expected["bucket"]
    assert type(found["bucket"]) is package("s3").HeadBucketOutput
