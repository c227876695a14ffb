"""Deliberate mistakes with ``typed_sagemaker`` (the whole service): each checker must report an
error on exactly the lines marked ``# expect-error`` and on no other line. Checked, not run.
"""

from __future__ import annotations

import datetime

from typed_sagemaker import (
    AlgorithmSpecification,
    Client,
    OutputDataConfig,
    ResourceConfig,
    SortOrder,
    TrainingJobStatus,
    TrainingJobSummary,
)


def enums(client: Client) -> None:
    client.list_training_jobs(status_equals="Complete")  # expect-error: enum value misspelled
    client.list_training_jobs(status_equals="completed")  # expect-error: enum value in the wrong case
    client.list_training_jobs(sort_by="FinalObjectiveMetricValue")  # expect-error: a value of another enum
    client.list_training_jobs(sort_order=TrainingJobStatus.COMPLETED)  # expect-error: member of another enum
    AlgorithmSpecification(training_input_mode="Streaming")  # expect-error: enum value that does not exist
    ResourceConfig(instance_type="ml.m5.huge")  # expect-error: enum value that does not exist
    client.list_training_jobs(status_equals=TrainingJobStatus.COMPLETED, sort_order=SortOrder.ASCENDING)


def arguments(client: Client) -> None:
    client.describe_training_job()  # expect-error: required argument missing
    client.create_training_job(training_job_name="j", role_arn="r")  # expect-error: required argument missing
    client.describe_training_job(training_job_name=["j"])  # expect-error: wrong argument type
    client.list_training_jobs(max_results="50")  # expect-error: str for an int
    client.list_training_jobs(creation_time_after=datetime.date(2024, 1, 1))  # expect-error: date, not datetime
    client.describe_training_job(trainingjobname="j")  # expect-error: keyword misspelled
    client.describe_training_job(TrainingJobName="j")  # expect-error: botocore's casing
    OutputDataConfig(s3_output="s3://b/")  # expect-error: field misspelled
    client.create_training_job(training_job_name="j", role_arn="r", output_data_config={"S3OutputPath": "s3://b/"})  # expect-error: dict for a structure
    client.list_training_job()  # expect-error: method misspelled


def optionals(client: Client) -> None:
    job = client.describe_training_job(training_job_name="j")
    print(job.training_end_time.isoformat())  # expect-error: optional datetime used without a None check
    print(job.failure_reason.splitlines())  # expect-error: optional str used without a None check
    seconds: int = job.billable_time_in_seconds  # expect-error: optional int to int
    print(job.creation_time.isoformat(), seconds)


def results(client: Client) -> None:
    job = client.describe_training_job(training_job_name="j")
    job.training_job_name = "other"  # expect-error: responses are frozen
    print(job.TrainingJobName)  # expect-error: botocore's casing
    name: str = next(client.get_paginator("list_training_jobs").paginate().items())  # expect-error: items are TrainingJobSummary
    summary: TrainingJobSummary = next(client.get_paginator("list_training_jobs").paginate().items())
    print(name, summary.training_job_arn)


def paginators(client: Client) -> None:
    client.get_paginator("list_trainings_jobs").paginate()  # expect-error: paginator name misspelled
    client.get_paginator("ListTrainingJobs").paginate()  # expect-error: operation name, not method name
    client.get_paginator("describe_training_job")  # expect-error: an operation that does not paginate
    client.get_paginator("list_training_jobs").paginate(status_equal="Completed")  # expect-error: keyword misspelled
    client.get_paginator("list_training_jobs").paginate(next_token="t")  # valid: paginators honour a token given directly


def clients() -> None:
    Client(regin_name="us-east-1")  # expect-error: keyword misspelled
    Client(region_name="us-east-1", endpoint="http://localhost:8080")  # expect-error: keyword misspelled
    Client(region_name="us-east-1", endpoint_url="http://localhost:8080")
