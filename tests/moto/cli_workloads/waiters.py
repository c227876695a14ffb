"""``wait`` (the AWS CLI's waiter commands) on ``moto_server``: waiters of S3, DynamoDB and EC2
that reach their state on the first poll (success, or a failure acceptor), with the waiter's
operation's options (shorthand, ``--cli-input-json``, ``--generate-cli-skeleton``), and bad
input. Each ``aws <service> wait ...`` and ``typed-<service> wait ...`` must print the same
(nothing, on success) with the same exit status and last line of stderr."""

from __future__ import annotations

import json

from tests.moto.cli import C, CliWorkload, S
from tests.moto.cli_workloads.ec2 import AMI

B = "cli-waits"

S3 = CliWorkload("s3", (
    S("create-bucket", "--bucket", B),
    S("put-object", "--bucket", B, "--key", "a.txt", "--body", "f.txt", files={"f.txt": b"a\n"}),
    C("wait", "bucket-exists", "--bucket", B),
    C("wait", "object-exists", "--bucket", B, "--key", "a.txt"),
    C("wait", "object-not-exists", "--bucket", B, "--key", "missing.txt"),
    C("wait", "bucket-not-exists", "--bucket", "cli-no-such-bucket"),
    C("wait", "object-exists", "--cli-input-json", json.dumps({"Bucket": B, "Key": "a.txt"})),
    C("wait", "object-exists", "--bucket", B, "--key", "a.txt", "--if-match", '"not-the-etag"'),
    C("wait", "object-exists", "--bucket", B, "--key", "a.txt", "--generate-cli-skeleton"),
    C("wait", "bucket-exists"),  # missing --bucket
    C("wait", "bucket-exist", "--bucket", B),  # no such waiter
    C("wait"),
))

DYNAMODB = CliWorkload("dynamodb", (
    S("create-table", "--table-name", "cli-waits", "--attribute-definitions", "AttributeName=id,AttributeType=S",
      "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST"),
    C("wait", "table-exists", "--table-name", "cli-waits"),
    C("wait", "table-not-exists", "--table-name", "cli-no-such-table"),
    C("wait", "table-exists", "--cli-input-json", '{"TableName": "cli-waits"}'),
    C("wait", "table-exists", "--table-name", ""),
    C("wait", "table-exists", "--table-name", "cli-waits", "--bogus"),
))

EC2 = CliWorkload("ec2", (
    S("run-instances", "--image-id", AMI, "--tag-specifications",
      "ResourceType=instance,Tags=[{Key=Name,Value=cli-wait}]", save={"up": "Instances[0].InstanceId"}),
    S("run-instances", "--image-id", AMI, save={"gone": "Instances[0].InstanceId"}),
    S("terminate-instances", "--instance-ids", "<<gone>>"),
    S("create-vpc", "--cidr-block", "10.8.0.0/16", save={"vpc": "Vpc.VpcId"}),
    C("wait", "instance-running", "--instance-ids", "<<up>>"),
    C("wait", "instance-exists", "--instance-ids", "<<up>>"),
    C("wait", "instance-running", "--filters", "Name=tag:Name,Values=cli-wait"),
    C("wait", "instance-running", "--instance-ids", "<<gone>>"),  # a failure acceptor: terminated
    C("wait", "instance-terminated", "--instance-ids", "<<gone>>"),
    C("wait", "vpc-available", "--vpc-ids", "<<vpc>>"),
    C("wait", "instance-running", "--instance-ids", "<<up>>", "--dry-run"),  # an unexpected error
    C("wait", "instance-running", "--instance-ids", "<<up>>", "--max-items", "1"),  # PaginationConfig refused
    C("wait", "instance-running", "--instance-ids", "<<up>>", "--no-dry-run", "--output", "text"),
))

WAIT_WORKLOADS: list[CliWorkload] = [S3, DYNAMODB, EC2]
