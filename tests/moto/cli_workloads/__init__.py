"""The CLI workloads, one module per service (``tests.moto.cli``): command lines as a user
types them, run by ``aws`` and by the generated command line."""

from __future__ import annotations

from tests.moto.cli import CliWorkload
from tests.moto.cli_workloads import dynamodb, ec2, iam, s3, sns, sqs, ssm, sts

WORKLOADS: list[CliWorkload] = [
    s3.WORKLOAD,
    dynamodb.WORKLOAD,
    ssm.WORKLOAD,
    sqs.WORKLOAD,
    sns.WORKLOAD,
    iam.WORKLOAD,
    sts.WORKLOAD,
    ec2.WORKLOAD,
]
