"""Deliberate mistakes with ``typed_sqs``: each checker must report an error on exactly the lines
marked ``# expect-error`` and on no other line. Checked, not run.
"""

from __future__ import annotations

from typed_sqs import (
    Client,
    MessageAttributeValue,
    MessageSystemAttributeName,
    QueueAttributeName,
    SendMessageBatchRequestEntry,
)


def enums(client: Client) -> None:
    client.get_queue_attributes(queue_url="u", attribute_names=["all"])  # expect-error: enum value in the wrong case
    client.create_queue(queue_name="q", attributes={"VisibilityTimout": "30"})  # expect-error: enum key misspelled
    client.receive_message(queue_url="u", message_system_attribute_names=["SentTimeStamp"])  # expect-error: enum value misspelled
    client.receive_message(queue_url="u", message_system_attribute_names=[QueueAttributeName.POLICY])  # expect-error: member of another enum
    client.receive_message(queue_url="u", message_system_attribute_names=[MessageSystemAttributeName.SENDER_ID])


def arguments(client: Client) -> None:
    client.send_message(queue_url="u")  # expect-error: required argument missing
    client.send_message(message_body="b")  # expect-error: required argument missing
    client.send_message(queue_url="u", message_body="b", delay_seconds="5")  # expect-error: str for an int
    client.send_message(queue_url="u", message_body={"a": 1})  # expect-error: dict for a str
    client.send_message(queue_url="u", messagebody="b")  # expect-error: keyword misspelled
    client.send_message(QueueUrl="u", MessageBody="b")  # expect-error: botocore's casing
    MessageAttributeValue(string_value="x")  # expect-error: required field missing
    client.send_message_batch(queue_url="u", entries=[SendMessageBatchRequestEntry(id="1", message_body="b")])  # expect-error: id_, not id
    client.tag_queue(queue_url="u", tags={"a": 1})  # expect-error: map value of the wrong type


def optionals(client: Client) -> None:
    response = client.receive_message(queue_url="u")
    for message in response.messages:  # expect-error: optional list iterated
        print(message)
    first = (response.messages or [])[0]
    client.delete_message(queue_url="u", receipt_handle=first.receipt_handle)  # expect-error: optional str passed on
    print(first.body.upper())  # expect-error: optional str used without a None check
    if first.body is not None:
        print(first.body.upper())


def results(client: Client) -> None:
    response = client.get_queue_url(queue_name="q")
    print(response.QueueUrl)  # expect-error: botocore's casing
    url: int = next(client.get_paginator("list_queues").paginate().items())  # expect-error: items are str
    print(url)


def paginators(client: Client) -> None:
    client.get_paginator("list_queue").paginate()  # expect-error: paginator name misspelled
    client.get_paginator("receive_message")  # expect-error: an operation that does not paginate
    client.get_paginator("list_queues").paginate(queue_name_prefx="jobs")  # expect-error: keyword misspelled


def clients() -> None:
    Client(regin_name="us-east-1")  # expect-error: keyword misspelled
    Client(region_name="us-east-1", strict_validation="yes")  # expect-error: wrong type
    Client(region_name="us-east-1", strict_validation=True)
