"""SNS (query): topics with attributes and tags, ``subscribe --notification-endpoint`` (the
AWS CLI's rename of ``--endpoint``, never fetched as a URL), publishing with message
attributes, listings page by page, and the service's errors."""

from __future__ import annotations

from tests.moto.cli import C, CliWorkload, S, W

ARN = "arn:aws:sns:us-east-1:123456789012"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

WORKLOAD = CliWorkload("sns", (
    *(S("create-topic", "--name", f"cli-topic-{i}") for i in range(4)),
    S("subscribe", "--topic-arn", f"{ARN}:cli-topic-0", "--protocol", "email", "--notification-endpoint",
      "someone@example.com"),
    W("create-topic", "--name", "topic-{w}", "--attributes", "DisplayName=CLI", "--tags", "Key=team,Value=cli",
      readback=(("get-topic-attributes", "--topic-arn", f"{ARN}:topic-{{w}}", "--query",
                 "Attributes.[DisplayName, TopicArn]"),
                ("list-tags-for-resource", "--resource-arn", f"{ARN}:topic-{{w}}"))),
    W("set-topic-attributes", "--topic-arn", f"{ARN}:topic-{{w}}", "--attribute-name", "DisplayName",
      "--attribute-value", "renamed",
      readback=(("get-topic-attributes", "--topic-arn", f"{ARN}:topic-{{w}}", "--query", "Attributes.DisplayName"),)),
    W("subscribe", "--topic-arn", f"{ARN}:topic-{{w}}", "--protocol", "http",
      "--notification-endpoint", "http://127.0.0.1:9/never-fetched", mask=(UUID,),
      readback=(("list-subscriptions-by-topic", "--topic-arn", f"{ARN}:topic-{{w}}", "--query",
                 "Subscriptions[].[Protocol, Endpoint]", "--output", "text"),)),
    W("subscribe", "--topic-arn", f"{ARN}:topic-{{w}}", "--protocol", "sqs", "--notification-endpoint",
      "arn:aws:sqs:us-east-1:123456789012:q-{w}", "--attributes", "RawMessageDelivery=true",
      "--return-subscription-arn", mask=(UUID,)),
    W("publish", "--topic-arn", f"{ARN}:topic-{{w}}", "--message", "hello", "--subject", "greeting",
      "--message-attributes", "color={DataType=String,StringValue=red}", mask=(UUID,)),
    W("publish", "--topic-arn", f"{ARN}:topic-{{w}}", "--message", "file://message.txt", mask=(UUID,),
      files={"message.txt": b"from a file\n"}),
    W("tag-resource", "--resource-arn", f"{ARN}:topic-{{w}}", "--tags", "Key=env,Value=test",
      readback=(("list-tags-for-resource", "--resource-arn", f"{ARN}:topic-{{w}}", "--output", "text"),)),
    C("list-topics"),
    C("list-topics", "--output", "text"),
    C("list-topics", "--output", "table", "--query", "Topics[?contains(TopicArn, 'cli-topic')]"),
    C("list-topics", "--max-items", "2"),
    C("list-topics", "--query", "Topics[].TopicArn", "--output", "text"),
    C("list-subscriptions", "--query", "Subscriptions[?Protocol=='email'].[Endpoint, Protocol]"),
    C("get-topic-attributes", "--topic-arn", f"{ARN}:cli-topic-1", "--query", "Attributes.TopicArn"),
    C("get-topic-attributes", "--topic-arn", f"{ARN}:no-such-topic"),
    C("publish", "--topic-arn", f"{ARN}:no-such-topic", "--message", "x"),
    C("publish", "--topic-arn", f"{ARN}:cli-topic-1"),
    C("subscribe", "--topic-arn", f"{ARN}:cli-topic-1", "--protocol", "http", "--endpoint", "http://x"),
    C("create-topic", "--name", "bad name!"),
))
