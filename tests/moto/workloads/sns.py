"""SNS (query protocol): topics with attributes and tags, subscriptions (an SQS queue that
receives what is published), publishing, listing with pagination, and the errors of missing
topics and subscriptions."""

from __future__ import annotations

from tests.moto.steps import RESUME, Error, Expect, Page, Paginate, Read, Ref, Setup, Twin, Workload, Write

ACCOUNT_ARN = "arn:aws:sns:us-east-1:123456789012"
ALERTS = f"{ACCOUNT_ARN}:alerts"
QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:alert-inbox"
#: The message SNS delivered to the queue (raw delivery: the body is the message itself).
DELIVERED = Expect("ReceiveMessage", {"QueueUrl": Ref("inbox"), "VisibilityTimeout": 0},
                   {"Messages": [{"Body": "disk almost full"}]}, service="sqs")

topics = Workload("sns", "topics", (
    Write("CreateTopic", {"Name": "alerts", "Attributes": {"DisplayName": "Alerts"},
                          "Tags": [{"Key": "team", "Value": "ops"}]},
          then=(Expect("GetTopicAttributes", {"TopicArn": ALERTS},
                       {"Attributes": {"DisplayName": "Alerts", "TopicArn": ALERTS}}),
                Expect("ListTagsForResource", {"ResourceArn": ALERTS}, {"Tags": [{"Key": "team", "Value": "ops"}]}))),
    Twin("CreateTopic", {"Name": "boto3-events.fifo", "Attributes": {"FifoTopic": "true"}},
         {"Name": "ours-events.fifo", "Attributes": {"FifoTopic": "true"}}, swap=(("boto3-events", "ours-events"),)),
    Read("GetTopicAttributes", {"TopicArn": ALERTS}),
    Error("GetTopicAttributes", {"TopicArn": f"{ACCOUNT_ARN}:missing"}, "NotFoundException"),
    Write("SetTopicAttributes", {"TopicArn": ALERTS, "AttributeName": "DisplayName", "AttributeValue": "Ops alerts"},
          then=(Expect("GetTopicAttributes", {"TopicArn": ALERTS}, {"Attributes": {"DisplayName": "Ops alerts"}}),)),
    Write("TagResource", {"ResourceArn": ALERTS, "Tags": [{"Key": "env", "Value": "test"}]},
          then=(Expect("ListTagsForResource", {"ResourceArn": ALERTS},
                       {"Tags": [{"Key": "team", "Value": "ops"}, {"Key": "env", "Value": "test"}]}, exact=True),)),
    Write("UntagResource", {"ResourceArn": ALERTS, "TagKeys": ["team"]},
          then=(Expect("ListTagsForResource", {"ResourceArn": ALERTS}, {"Tags": [{"Key": "env", "Value": "test"}]},
                       exact=True),)),
    Read("ListTagsForResource", {"ResourceArn": ALERTS}),
    *(Setup("CreateTopic", {"Name": f"topic-{n:02}"}) for n in range(8)),
    Read("ListTopics"),
    Paginate("ListTopics", {}, (Page(), Page(max_items=4), Page(max_items=3, starting_token=RESUME),
                                Page(starting_token=RESUME))),
    Write("DeleteTopic", {"TopicArn": f"{ACCOUNT_ARN}:topic-07"},
          then=(Expect("GetTopicAttributes", {"TopicArn": ALERTS}, {"Attributes": {"TopicArn": ALERTS}}),)),
    Error("Publish", {"TopicArn": f"{ACCOUNT_ARN}:topic-07", "Message": "to nobody"}, "NotFoundException",
          name="Publish to a deleted topic"),
))

subscriptions = Workload("sns", "subscriptions", (
    Setup("CreateTopic", {"Name": "alerts"}),
    Setup("CreateQueue", {"QueueName": "alert-inbox"}, save={"inbox": "QueueUrl"}, service="sqs"),
    Write("Subscribe", {"TopicArn": ALERTS, "Protocol": "sqs", "Endpoint": QUEUE_ARN,
                        "Attributes": {"RawMessageDelivery": "true"}, "ReturnSubscriptionArn": True},
          save={"queue_subscription": "SubscriptionArn"},
          then=(Expect("ListSubscriptionsByTopic", {"TopicArn": ALERTS},
                       {"Subscriptions": [{"Protocol": "sqs", "Endpoint": QUEUE_ARN, "TopicArn": ALERTS}]}),)),
    Write("Subscribe", {"TopicArn": ALERTS, "Protocol": "email", "Endpoint": "oncall@example.com"},
          save={"mail_subscription": "SubscriptionArn"}),
    *(Setup("Subscribe", {"TopicArn": ALERTS, "Protocol": "email", "Endpoint": f"user{n}@example.com"}) for n in range(5)),
    Read("GetSubscriptionAttributes", {"SubscriptionArn": Ref("queue_subscription")}),
    Error("GetSubscriptionAttributes", {"SubscriptionArn": f"{ALERTS}:00000000-0000-0000-0000-000000000000"},
          "NotFoundException", name="GetSubscriptionAttributes of a missing subscription"),
    Write("SetSubscriptionAttributes", {"SubscriptionArn": Ref("mail_subscription"), "AttributeName": "FilterPolicy",
                                        "AttributeValue": '{"severity": ["high"]}'},
          then=(Expect("GetSubscriptionAttributes", {"SubscriptionArn": Ref("mail_subscription")},
                       {"Attributes": {"FilterPolicy": '{"severity": ["high"]}'}}),)),
    Read("ListSubscriptions"),
    Read("ListSubscriptionsByTopic", {"TopicArn": ALERTS}),
    Paginate("ListSubscriptions", {}, (Page(), Page(max_items=3), Page(starting_token=RESUME))),
    Paginate("ListSubscriptionsByTopic", {"TopicArn": ALERTS}, (Page(max_items=2), Page(max_items=4, starting_token=RESUME))),
    Write("Publish", {"TopicArn": ALERTS, "Message": "disk almost full", "Subject": "disk",
                      "MessageAttributes": {"severity": {"DataType": "String", "StringValue": "high"},
                                            "level": {"DataType": "Number", "StringValue": "3"}}},
          then=(DELIVERED,)),
    Write("PublishBatch", {"TopicArn": ALERTS, "PublishBatchRequestEntries": [
        {"Id": "first", "Message": "one"}, {"Id": "second", "Message": "two", "Subject": "2"}]}),
    Error("Publish", {"TargetArn": f"{ACCOUNT_ARN}:missing", "Message": "lost"}, "NotFoundException",
          name="Publish to a missing target"),
    Write("Unsubscribe", {"SubscriptionArn": Ref("mail_subscription")},
          then=(Expect("GetSubscriptionAttributes", {"SubscriptionArn": Ref("queue_subscription")},
                       {"Attributes": {"Protocol": "sqs"}}),)),
    Read("CheckIfPhoneNumberIsOptedOut", {"phoneNumber": "+15555550100"}),
    Read("GetSMSAttributes"),
))

MOBILE = f"{ACCOUNT_ARN}:app/GCM/mobile"

mobile_and_sms = Workload("sns", "mobile-and-sms", (
    Write("CreatePlatformApplication", {"Name": "mobile", "Platform": "GCM", "Attributes": {"PlatformCredential": "api-key"}},
          then=(Expect("GetPlatformApplicationAttributes", {"PlatformApplicationArn": MOBILE},
                       {"Attributes": {"PlatformCredential": "api-key"}}),)),
    Read("GetPlatformApplicationAttributes", {"PlatformApplicationArn": MOBILE}),
    Write("CreatePlatformEndpoint", {"PlatformApplicationArn": MOBILE, "Token": "device-token-1", "CustomUserData": "user-1"},
          save={"endpoint": "EndpointArn"},
          then=(Expect("GetEndpointAttributes", {"EndpointArn": Ref("endpoint")},
                       {"Attributes": {"Token": "device-token-1", "Enabled": "true"}}),)),
    *(Setup("CreatePlatformEndpoint", {"PlatformApplicationArn": MOBILE, "Token": f"device-token-{n}"}) for n in range(2, 6)),
    Read("GetEndpointAttributes", {"EndpointArn": Ref("endpoint")}),
    Read("ListPlatformApplications"),
    Read("ListEndpointsByPlatformApplication", {"PlatformApplicationArn": MOBILE}),
    Paginate("ListEndpointsByPlatformApplication", {"PlatformApplicationArn": MOBILE},
             (Page(), Page(max_items=2), Page(starting_token=RESUME))),
    Write("SetEndpointAttributes", {"EndpointArn": Ref("endpoint"), "Attributes": {"Enabled": "false"}},
          then=(Expect("GetEndpointAttributes", {"EndpointArn": Ref("endpoint")}, {"Attributes": {"Enabled": "false"}}),)),
    Error("Publish", {"TargetArn": Ref("endpoint"), "Message": "to a disabled device"}, "EndpointDisabledException"),
    Write("SetSMSAttributes", {"attributes": {"DefaultSMSType": "Transactional", "DefaultSenderID": "Harness"}},
          then=(Expect("GetSMSAttributes", {"attributes": ["DefaultSMSType"]},
                       {"attributes": {"DefaultSMSType": "Transactional"}}),)),
    Read("GetSMSAttributes", {"attributes": ["DefaultSMSType", "DefaultSenderID"]}),
    Read("ListPhoneNumbersOptedOut"),
    Paginate("ListPhoneNumbersOptedOut", {}, (Page(), Page(max_items=3), Page(starting_token=RESUME))),
    Write("OptInPhoneNumber", {"phoneNumber": "+15555550100"}),
    Write("Publish", {"PhoneNumber": "+15555550100", "Message": "your code is 1234",
                      "MessageAttributes": {"AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"}}},
          name="Publish an SMS"),
    Write("DeletePlatformApplication", {"PlatformApplicationArn": MOBILE}),
    Error("GetPlatformApplicationAttributes", {"PlatformApplicationArn": MOBILE}, "NotFoundException",
          name="GetPlatformApplicationAttributes after deleting it"),
))

WORKLOADS = [topics, subscriptions, mobile_and_sms]
