"""The workloads, one module per service, in botocore's wire form (``tests.moto.steps``)."""

from __future__ import annotations

from tests.moto.steps import Workload
from tests.moto.workloads import dynamodb, ec2, iam, s3, sns, sqs, ssm, sts

WORKLOADS: list[Workload] = [
    *s3.WORKLOADS,
    *dynamodb.WORKLOADS,
    *ssm.WORKLOADS,
    *sqs.WORKLOADS,
    *sns.WORKLOADS,
    *iam.WORKLOADS,
    *sts.WORKLOADS,
    *ec2.WORKLOADS,
]
