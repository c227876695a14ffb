"""SQS (json, with query-compatible errors): queue URLs given as they are (``--queue-url
http://...`` is not fetched), attributes as shorthand maps, messages with attributes, batches,
and the service's errors."""

from __future__ import annotations

from tests.moto.cli import C, CliWorkload, S, W

ACCOUNT = "{endpoint}/123456789012"
MD5 = r"[0-9a-f]{32}"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
RECEIPT = r'"ReceiptHandle": "[^"]+"'




def queue(name: str) -> str:
    return f"{ACCOUNT}/{name}"


main, mine = queue("cli-queue"), queue("queue-{w}")
WORKLOAD = CliWorkload("sqs", (
    S("create-queue", "--queue-name", "cli-queue"),
    S("create-queue", "--queue-name", "cli-other", "--attributes", "DelaySeconds=5"),
    W("create-queue", "--queue-name", "queue-{w}", "--attributes", "VisibilityTimeout=40,DelaySeconds=0",
      "--tags", "team=cli",
      readback=(("get-queue-attributes", "--queue-url", mine, "--attribute-names", "VisibilityTimeout",
                 "DelaySeconds"),
                ("list-queue-tags", "--queue-url", mine))),
    W("set-queue-attributes", "--queue-url", mine, "--attributes", '{"MaximumMessageSize": "2048"}',
      readback=(("get-queue-attributes", "--queue-url", mine, "--attribute-names", "MaximumMessageSize",
                 "--output", "text"),)),
    W("tag-queue", "--queue-url", mine, "--tags", "env=test,owner=me",
      readback=(("list-queue-tags", "--queue-url", mine, "--output", "table"),)),
    W("send-message", "--queue-url", mine, "--message-body", "hello",
      "--message-attributes", "color={DataType=String,StringValue=red}", mask=(UUID,),
      readback=(("receive-message", "--queue-url", mine, "--message-attribute-names", "All",
                 "--query", "Messages[].[Body, MessageAttributes.color.StringValue, MD5OfBody]"),)),
    W("send-message", "--queue-url", mine, "--message-body", "file://body.txt", mask=(UUID,),
      files={"body.txt": b"from a file\n"}),
    W("send-message-batch", "--queue-url", mine, "--entries",
      "Id=one,MessageBody=first", "Id=two,MessageBody=second,DelaySeconds=0", mask=(UUID,)),
    W("purge-queue", "--queue-url", mine,
      readback=(("get-queue-attributes", "--queue-url", mine, "--attribute-names",
                 "ApproximateNumberOfMessages"),)),
    C("get-queue-url", "--queue-name", "cli-queue"),
    C("get-queue-url", "--queue-name", "cli-queue", "--output", "text"),
    C("get-queue-url", "--queue-name", "no-such-queue"),
    C("list-queues", "--queue-name-prefix", "cli"),
    C("list-queues", "--queue-name-prefix", "cli", "--output", "text"),
    C("list-queues", "--queue-name-prefix", "cli", "--output", "table"),
    C("list-queues", "--max-items", "1", "--query", "QueueUrls"),
    C("get-queue-attributes", "--queue-url", main, "--attribute-names", "All", "--query",
      "Attributes.[VisibilityTimeout, DelaySeconds, MaximumMessageSize]"),
    C("get-queue-attributes", "--queue-url", queue("cli-other"), "--attribute-names", "DelaySeconds",
      "--output", "text"),
    C("get-queue-attributes", "--queue-url", queue("no-such-queue"), "--attribute-names", "All"),
    C("receive-message", "--queue-url", main, "--wait-time-seconds", "0"),
    C("send-message", "--queue-url", main),
    C("send-message", "--queue-url", main, "--message-body", "x", "--message-attributes", "color={DataType=String"),
    C("delete-message", "--queue-url", main, "--receipt-handle", "not-a-handle"),
    C("change-message-visibility", "--queue-url", main, "--receipt-handle", "x", "--visibility-timeout", "abc"),
    C("list-dead-letter-source-queues", "--queue-url", main),
))
