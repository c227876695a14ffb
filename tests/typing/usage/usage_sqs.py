"""SQS (json, query-compatible) as a user writes it with ``typed_sqs``: must pass
``mypy --strict`` and ``pyright`` (standard) with no error, with and without botocore-stubs.

Checked, not run: every call is inside a function. ``tests/test_typing_services.py``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import botocore.exceptions

from typed_sqs import (
    Client,
    MessageAttributeValue,
    MessageSystemAttributeName,
    QueueAttributeName,
    QueueDoesNotExist,
    QueueNameExists,
    ReceiveMessageRequest,
    ReceiveMessageResult,
    SendMessageBatchRequestEntry,
)


def create(client: Client, tags: Mapping[str, str]) -> str | None:
    # Enum-keyed map: members and plain strings as keys.
    response = client.create_queue(
        queue_name="jobs.fifo",
        attributes={QueueAttributeName.FIFO_QUEUE: "true", "VisibilityTimeout": "30"},
        tags=tags,
    )
    return response.queue_url


def send(client: Client, url: str, bodies: Sequence[str]) -> list[str]:
    ids: list[str] = []
    response = client.send_message(
        queue_url=url,
        message_body=json.dumps({"hello": "world"}),
        delay_seconds=5,
        message_attributes={
            "kind": MessageAttributeValue(data_type="String", string_value="greeting"),
            "raw": MessageAttributeValue(data_type="Binary", binary_value=b"\x01"),
        },
        message_group_id="g1",
    )
    if response.message_id is not None:
        ids.append(response.message_id)
    batch = client.send_message_batch(
        queue_url=url,
        entries=tuple(SendMessageBatchRequestEntry(id_=str(i), message_body=body) for i, body in enumerate(bodies)),
    )
    ids.extend(entry.message_id for entry in batch.successful)
    for failure in batch.failed:
        print(failure.id_, failure.code, failure.message)
    return ids


def receive(client: Client, url: str) -> int:
    handled = 0
    response: ReceiveMessageResult = client.receive_message(
        queue_url=url,
        message_system_attribute_names=[MessageSystemAttributeName.SENT_TIMESTAMP, "ApproximateReceiveCount"],
        message_attribute_names=("All",),
        max_number_of_messages=10,
        wait_time_seconds=20,
    )
    for message in response.messages or []:
        if message.attributes is not None:
            print(message.attributes.get(MessageSystemAttributeName.SENT_TIMESTAMP))
        if message.body is not None:
            print(json.loads(message.body))
        if message.receipt_handle is not None:
            client.delete_message(queue_url=url, receipt_handle=message.receipt_handle)
            handled += 1
    client.receive_message(ReceiveMessageRequest(queue_url=url, attribute_names=[QueueAttributeName.ALL]))
    return handled


def attributes(client: Client, url: str, wanted: Sequence[QueueAttributeName]) -> dict[str, str]:
    client.set_queue_attributes(queue_url=url, attributes={QueueAttributeName.DELAY_SECONDS: "10"})
    response = client.get_queue_attributes(queue_url=url, attribute_names=wanted)
    found: dict[str, str] = {}
    for name, value in (response.attributes or {}).items():
        found[str(name)] = value
    return found


def queues(client: Client) -> list[str]:
    urls = list(client.get_paginator("list_queues").paginate(queue_name_prefix="jobs").items())
    for page in client.get_paginator("list_queues").paginate(max_items=5):
        print(page.next_token, page.queue_urls)
    return urls


def errors(client: Client) -> str:
    try:
        client.get_queue_url(queue_name="missing")
    except QueueDoesNotExist as error:
        return error.message
    except QueueNameExists as error:
        return error.code
    except botocore.exceptions.ClientError as error:
        return str(error)
    return ""


def context_manager() -> None:
    with Client(region_name="us-east-1", endpoint_url="http://localhost:9324") as client:
        print(client.list_queues().queue_urls)
