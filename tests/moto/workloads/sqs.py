"""SQS (JSON protocol, with query-compatible error codes): queues, attributes, tags, messages,
listing with pagination, and the errors of a missing queue."""

from __future__ import annotations

from tests.moto.steps import RESUME, Error, Expect, Page, Paginate, Read, Ref, Setup, Twin, Workload, Write

ORDERS, DLQ = Ref("orders"), Ref("dlq")
#: Differ between two receives of the same message.
PER_RECEIVE = ("Messages[*].ReceiptHandle", "Messages[*].Attributes.ApproximateReceiveCount")

queues = Workload("sqs", "queues", (
    Write("CreateQueue", {"QueueName": "orders", "Attributes": {"VisibilityTimeout": "45", "DelaySeconds": "0"},
                          "tags": {"team": "shop"}},
          save={"orders": "QueueUrl"},
          then=(Expect("GetQueueAttributes", {"QueueUrl": ORDERS, "AttributeNames": ["VisibilityTimeout"]},
                       {"Attributes": {"VisibilityTimeout": "45"}}),
                Expect("ListQueueTags", {"QueueUrl": ORDERS}, {"Tags": {"team": "shop"}}))),
    Write("CreateQueue", {"QueueName": "orders-dlq"}, save={"dlq": "QueueUrl"}),
    Setup("GetQueueAttributes", {"QueueUrl": DLQ, "AttributeNames": ["QueueArn"]}, save={"dlq_arn": "Attributes.QueueArn"}),
    Twin("CreateQueue", {"QueueName": "twin-boto3.fifo", "Attributes": {"FifoQueue": "true"}},
         {"QueueName": "twin-ours.fifo", "Attributes": {"FifoQueue": "true"}},
         swap=(("twin-boto3", "twin-ours"),)),
    Read("GetQueueUrl", {"QueueName": "orders"}),
    Read("GetQueueUrl", {"QueueName": "orders", "QueueOwnerAWSAccountId": "123456789012"},
         name="GetQueueUrl with the owner's account"),
    Error("GetQueueUrl", {"QueueName": "no-such-queue"}, "QueueDoesNotExist"),
    Read("GetQueueAttributes", {"QueueUrl": ORDERS, "AttributeNames": ["All"]}),
    Write("SetQueueAttributes",
          {"QueueUrl": ORDERS, "Attributes": {"MessageRetentionPeriod": "86400",
                                              "RedrivePolicy": Ref("dlq_arn", '{{"deadLetterTargetArn": "{}", "maxReceiveCount": "3"}}')}},
          then=(Expect("GetQueueAttributes", {"QueueUrl": ORDERS, "AttributeNames": ["MessageRetentionPeriod"]},
                       {"Attributes": {"MessageRetentionPeriod": "86400"}}),)),
    Read("ListDeadLetterSourceQueues", {"QueueUrl": DLQ}),
    Paginate("ListDeadLetterSourceQueues", {"QueueUrl": DLQ}, (Page(), Page(page_size=1))),
    Write("TagQueue", {"QueueUrl": ORDERS, "Tags": {"env": "test", "cost-center": "42"}},
          then=(Expect("ListQueueTags", {"QueueUrl": ORDERS},
                       {"Tags": {"team": "shop", "env": "test", "cost-center": "42"}}, exact=True),)),
    Write("UntagQueue", {"QueueUrl": ORDERS, "TagKeys": ["cost-center"]},
          then=(Expect("ListQueueTags", {"QueueUrl": ORDERS}, {"Tags": {"team": "shop", "env": "test"}}, exact=True),)),
    Read("ListQueueTags", {"QueueUrl": ORDERS}),
    Error("GetQueueAttributes", {"QueueUrl": "http://127.0.0.1/123456789012/gone", "AttributeNames": ["All"]},
          "QueueDoesNotExist", name="GetQueueAttributes of a missing queue"),
    *(Setup("CreateQueue", {"QueueName": f"batch-{n:02}"}) for n in range(7)),
    Read("ListQueues", {"QueueNamePrefix": "batch-", "MaxResults": 3}, name="ListQueues first page"),
    Paginate("ListQueues", {"QueueNamePrefix": "batch-"}, (
        Page(), Page(max_items=3), Page(page_size=2, starting_token=RESUME), Page(max_items=4, page_size=3),
        Page(max_items=2, starting_token=RESUME))),
    Paginate("ListQueues", {"QueueNamePrefix": "batch-", "MaxResults": 2}, name="ListQueues, MaxResults as a request field"),
    Write("DeleteQueue", {"QueueUrl": DLQ},
          then=(Expect("ListQueues", {"QueueNamePrefix": "orders-dlq"}, {}, exact=True),)),
))

messages = Workload("sqs", "messages", (
    Write("CreateQueue", {"QueueName": "inbox"}, save={"inbox": "QueueUrl"}),
    Setup("GetQueueAttributes", {"QueueUrl": Ref("inbox"), "AttributeNames": ["QueueArn"]},
          save={"inbox_arn": "Attributes.QueueArn"}),
    Write("CreateQueue", {"QueueName": "events.fifo", "Attributes": {"FifoQueue": "true",
                                                                    "ContentBasedDeduplication": "true"}},
          save={"fifo": "QueueUrl"}),
    Write("SendMessage", {"QueueUrl": Ref("inbox"), "MessageBody": "hello",
                          "MessageAttributes": {
                              "kind": {"DataType": "String", "StringValue": "greeting"},
                              "count": {"DataType": "Number", "StringValue": "3"},
                              "blob": {"DataType": "Binary", "BinaryValue": b"\x00\x01binary"}}},
          then=(Expect("GetQueueAttributes", {"QueueUrl": Ref("inbox"), "AttributeNames": ["ApproximateNumberOfMessages"]},
                       {"Attributes": {"ApproximateNumberOfMessages": "1"}}),
                Expect("ReceiveMessage", {"QueueUrl": Ref("inbox"), "MessageAttributeNames": ["All"], "VisibilityTimeout": 0},
                       {"Messages": [{"Body": "hello", "MessageAttributes": {
                           "kind": {"DataType": "String", "StringValue": "greeting"},
                           "count": {"DataType": "Number", "StringValue": "3"},
                           "blob": {"DataType": "Binary", "BinaryValue": b"\x00\x01binary"}}}]}))),
    Twin("ReceiveMessage",
         {"QueueUrl": Ref("inbox"), "MessageAttributeNames": ["All"], "MessageSystemAttributeNames": ["All"],
          "VisibilityTimeout": 0},
         {"QueueUrl": Ref("inbox"), "MessageAttributeNames": ["All"], "MessageSystemAttributeNames": ["All"],
          "VisibilityTimeout": 0},
         ignore=PER_RECEIVE, name="ReceiveMessage with every attribute (the same message twice)"),
    Write("SendMessage", {"QueueUrl": Ref("fifo"), "MessageBody": "first", "MessageGroupId": "g1"}),
    Write("SendMessageBatch", {"QueueUrl": Ref("fifo"), "Entries": [
        {"Id": "a", "MessageBody": "second", "MessageGroupId": "g1"},
        {"Id": "b", "MessageBody": "third", "MessageGroupId": "g2",
         "MessageAttributes": {"n": {"DataType": "Number", "StringValue": "7"}}}]},
          then=(Expect("GetQueueAttributes", {"QueueUrl": Ref("fifo"), "AttributeNames": ["ApproximateNumberOfMessages"]},
                       {"Attributes": {"ApproximateNumberOfMessages": "3"}}),
                Expect("ReceiveMessage", {"QueueUrl": Ref("fifo"), "MaxNumberOfMessages": 10, "VisibilityTimeout": 0},
                       {"Messages": [{"Body": "first"}, {"Body": "second"}, {"Body": "third"}]}))),
    Error("SendMessageBatch", {"QueueUrl": Ref("fifo"), "Entries": [
        {"Id": "same", "MessageBody": "x", "MessageGroupId": "g1"},
        {"Id": "same", "MessageBody": "y", "MessageGroupId": "g1"}]},
          "BatchEntryIdsNotDistinct"),
    Setup("ReceiveMessage", {"QueueUrl": Ref("inbox"), "VisibilityTimeout": 30}, save={"handle": "Messages[0].ReceiptHandle"}),
    Write("ChangeMessageVisibility", {"QueueUrl": Ref("inbox"), "ReceiptHandle": Ref("handle"), "VisibilityTimeout": 60}),
    Write("DeleteMessage", {"QueueUrl": Ref("inbox"), "ReceiptHandle": Ref("handle")},
          then=(Expect("GetQueueAttributes", {"QueueUrl": Ref("inbox"),
                                              "AttributeNames": ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]},
                       {"Attributes": {"ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "0"}}),)),
    Error("ChangeMessageVisibility", {"QueueUrl": Ref("inbox"), "ReceiptHandle": "not-a-handle", "VisibilityTimeout": 1},
          "ReceiptHandleIsInvalid"),
    Write("ChangeMessageVisibilityBatch", {"QueueUrl": Ref("inbox"), "Entries": [
        {"Id": "stale", "ReceiptHandle": "not-a-handle", "VisibilityTimeout": 5}]},
          name="ChangeMessageVisibilityBatch with a failed entry"),
    Write("DeleteMessageBatch", {"QueueUrl": Ref("inbox"), "Entries": [{"Id": "stale", "ReceiptHandle": "not-a-handle"}]},
          name="DeleteMessageBatch with a failed entry"),
    Error("SendMessageBatch", {"QueueUrl": Ref("inbox"), "Entries": []}, "EmptyBatchRequest"),
    Write("AddPermission", {"QueueUrl": Ref("inbox"), "Label": "partner", "AWSAccountIds": ["111111111111"],
                            "Actions": ["SendMessage"]},
          then=(Expect("GetQueueAttributes", {"QueueUrl": Ref("inbox"), "AttributeNames": ["Policy"]},
                       {"Attributes": {"Policy": Ref("inbox_arn", '{{"Version": "2012-10-17", "Id": "{0}/SQSDefaultPolicy", '
                                                               '"Statement": [{{"Sid": "partner", "Effect": "Allow", '
                                                               '"Principal": {{"AWS": "arn:aws:iam::111111111111:root"}}, '
                                                               '"Action": "SQS:SendMessage", "Resource": "{0}"}}]}}')}}),)),
    Read("GetQueueAttributes", {"QueueUrl": Ref("inbox"), "AttributeNames": ["Policy"]}, name="GetQueueAttributes, the policy"),
    Write("RemovePermission", {"QueueUrl": Ref("inbox"), "Label": "partner"}),
    Write("PurgeQueue", {"QueueUrl": Ref("fifo")},
          then=(Expect("GetQueueAttributes", {"QueueUrl": Ref("fifo"), "AttributeNames": ["ApproximateNumberOfMessages"]},
                       {"Attributes": {"ApproximateNumberOfMessages": "0"}}),)),
    Write("DeleteQueue", {"QueueUrl": Ref("inbox")}),
    Error("SendMessage", {"QueueUrl": Ref("inbox"), "MessageBody": "too late"}, "QueueDoesNotExist",
          name="SendMessage to a deleted queue"),
))

WORKLOADS = [queues, messages]
