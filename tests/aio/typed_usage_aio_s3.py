"""The asynchronous client of a whole service with streams (S3), as a type checker reads it
(``tests/test_aio.py`` runs ``mypy --strict`` and pyright on it; it never runs)."""

from __future__ import annotations

from typing_extensions import assert_type

from typed_s3 import (
    BucketExistsWaiterError,
    GetObjectOutput,
    HeadBucketOutput,
    HeadBucketRequest,
    HeadObjectOutput,
    InputSerialization,
    NoSuchKey,
    ObjectNotExistsWaiterError,
    OutputSerialization,
    SelectObjectContentEventStream,
    WaiterError,
)
from typed_s3.aio import (
    AsyncEventStream,
    AsyncStreamingBody,
    BucketExistsWaiter,
    Client,
    ObjectNotExistsWaiter,
    async_body,
    async_events,
)


async def download(client: Client, bucket: str, key: str) -> bytes:
    try:
        response = await client.get_object(bucket=bucket, key=key)
    except NoSuchKey:
        return b""
    assert_type(response, GetObjectOutput)
    async with async_body(response.body) as body:
        assert_type(async_body(response.body), AsyncStreamingBody)
        first = await async_body(response.body).read(10)
        chunks = [chunk async for chunk in async_body(response.body).iter_chunks(4096)]
        del body
    return first + b"".join(chunks)


async def keys(client: Client, bucket: str) -> list[str]:
    found: list[str] = []
    async for item in client.get_paginator("list_objects_v2").paginate(bucket=bucket, page_size=100).items():
        found.append(item.key or "")
    return found


async def records(client: Client) -> bytes:
    async with Client(region_name="us-east-1") as other:
        response = await other.select_object_content(
            bucket="b", key="k", expression="SELECT * FROM S3Object", expression_type="SQL",
            input_serialization=InputSerialization(), output_serialization=OutputSerialization(),
        )
    events = async_events(response.payload)
    assert_type(events, AsyncEventStream[SelectObjectContentEventStream])
    out = b""
    async for event in events:
        assert_type(event, SelectObjectContentEventStream)
        if event.records is not None and event.records.payload is not None:
            out += event.records.payload
    del client
    return out


async def waits(client: Client, bucket: str) -> str | None:
    waiter = client.get_waiter("bucket_exists")
    assert_type(waiter, BucketExistsWaiter)
    names: list[str] = client.waiter_names
    try:
        # None when it succeeded on an error (a 301 or a 403: the bucket exists, elsewhere or not ours).
        head = await waiter.wait(bucket=bucket, delay=5, max_attempts=20)
        assert_type(head, HeadBucketOutput | None)
        again = await waiter.wait(HeadBucketRequest(bucket=bucket), delay=0.5)
        assert_type(again, HeadBucketOutput | None)
    except BucketExistsWaiterError as error:
        last: HeadBucketOutput | None = error.response
        attempts: int = error.attempts
        return f"{error.reason} after {attempts} ({last}, {error.error})"
    gone = client.get_waiter("object_not_exists")
    assert_type(gone, ObjectNotExistsWaiter)
    try:
        await gone.wait(bucket=bucket, key="k")  # returns None: it succeeds on an error (404)
    except ObjectNotExistsWaiterError as error:
        shared: WaiterError[HeadObjectOutput] = error  # the sync waiters' error classes
        print(shared.response)
    return head.bucket_region if head is not None and names else None
