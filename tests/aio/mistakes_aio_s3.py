"""Deliberate mistakes with the asynchronous client of ``typed_s3``: ``mypy --strict`` and
pyright must report an error on exactly the lines marked ``# expect-error`` and on no other
line (``tests/test_aio.py``). Checked, not run.
"""

from __future__ import annotations

from typed_s3 import HeadObjectOutput
from typed_s3.aio import Client


async def waiters(client: Client) -> None:
    client.get_waiter("bucket_exist")  # expect-error: waiter name misspelled
    client.get_waiter("BucketExists")  # expect-error: the model's name, not the method's
    await client.get_waiter("bucket_exists").wait(buckett="b")  # expect-error: keyword misspelled
    await client.get_waiter("bucket_exists").wait(bucket="b", delay="5")  # expect-error: str for delay
    head: HeadObjectOutput = await client.get_waiter("bucket_exists").wait(bucket="b")  # expect-error: another response
    print(client.get_waiter("bucket_exists").wait(bucket="b").bucket_region)  # expect-error: not awaited
    found = await client.get_waiter("bucket_exists").wait(bucket="b")
    print(head, found.bucket_region if found is not None else None)
