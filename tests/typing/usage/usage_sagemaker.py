"""SageMaker (json) as a user writes it with ``typed_sagemaker`` (the whole service): must pass
``mypy --strict`` and ``pyright`` (standard) with no error, with and without botocore-stubs.

Checked, not run: every call is inside a function. ``tests/test_typing_services.py``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import botocore.exceptions

from typed_sagemaker import (
    AlgorithmSpecification,
    Channel,
    Client,
    DataSource,
    ListTrainingJobsRequest,
    OutputDataConfig,
    ResourceConfig,
    ResourceLimitExceeded,
    ResourceNotFound,
    S3DataSource,
    S3DataType,
    SortBy,
    SortOrder,
    StoppingCondition,
    Tag,
    TrainingInputMode,
    TrainingInstanceType,
    TrainingJobStatus,
    TrainingJobSummary,
)


def train(client: Client, hyper_parameters: Mapping[str, str], tags: Sequence[Tag]) -> str:
    response = client.create_training_job(
        training_job_name="job-1",
        role_arn="arn:aws:iam::123456789012:role/sm",
        algorithm_specification=AlgorithmSpecification(
            training_image="123.dkr.ecr.us-east-1.amazonaws.com/img:1", training_input_mode=TrainingInputMode.FILE
        ),
        input_data_config=[
            Channel(
                channel_name="train",
                data_source=DataSource(
                    s3_data_source=S3DataSource(s3_data_type=S3DataType.S3_PREFIX, s3_uri="s3://bucket/train/")
                ),
                input_mode="Pipe",
            )
        ],
        output_data_config=OutputDataConfig(s3_output_path="s3://bucket/out/"),
        resource_config=ResourceConfig(instance_type=TrainingInstanceType.ML_M5_LARGE, instance_count=1, volume_size_in_gb=10),
        stopping_condition=StoppingCondition(max_runtime_in_seconds=3600),
        hyper_parameters=hyper_parameters,
        tags=tags,
    )
    client.create_training_job(
        training_job_name="job-2",
        role_arn="arn:aws:iam::123456789012:role/sm",
        algorithm_specification=AlgorithmSpecification(algorithm_name="xgboost", training_input_mode="File"),
        output_data_config=OutputDataConfig(s3_output_path="s3://bucket/out/"),
        resource_config=ResourceConfig(instance_type="ml.c5.xlarge", instance_count=2),
        tags=(Tag(key="team", value="ml"),),
        environment={"MODE": "test"},
    )
    return response.training_job_arn


def describe(client: Client) -> float | None:
    job = client.describe_training_job(training_job_name="job-1")
    print(job.training_job_status == TrainingJobStatus.COMPLETED, job.creation_time.isoformat())
    status: str = job.training_job_status
    print(status.lower())
    if job.training_end_time is not None:
        print((job.training_end_time - job.creation_time).total_seconds())
    if job.final_metric_data_list:
        metric = job.final_metric_data_list[0]
        return metric.value
    return None


def listing(client: Client) -> list[str]:
    names: list[str] = []
    # Naive and aware datetimes, and an ISO 8601 string (botocore accepts all three).
    response = client.list_training_jobs(
        creation_time_after=datetime.datetime(2024, 1, 1),
        creation_time_before=datetime.datetime.now(datetime.timezone.utc),
        status_equals=TrainingJobStatus.COMPLETED,
        sort_by="CreationTime",
        sort_order=SortOrder.DESCENDING,
        max_results=50,
    )
    names.extend(s.training_job_name for s in response.training_job_summaries)
    client.list_training_jobs(last_modified_time_after="2024-01-01T00:00:00Z", status_equals="InProgress")
    pages = client.get_paginator("list_training_jobs").paginate(sort_by=SortBy.NAME, max_items=500)
    summary: TrainingJobSummary
    for summary in pages.items():
        if summary.training_end_time is not None:
            print(summary.training_end_time.date())
    for page in pages:
        print(len(page.training_job_summaries), page.next_token)
    for page in client.paginate_list_training_jobs(ListTrainingJobsRequest(name_contains="job")):
        print(page.training_job_summaries[0].training_job_status)
    for item in client.get_paginator("list_training_jobs_for_hyper_parameter_tuning_job").paginate(
        hyper_parameter_tuning_job_name="tuning", status_equals="Completed"
    ).items():
        metric = item.final_hyper_parameter_tuning_job_objective_metric
        if metric is not None:
            print(metric.metric_name, metric.value)
    return names


def errors(client: Client) -> str:
    try:
        client.describe_training_job(training_job_name="missing")
    except ResourceNotFound as error:
        return error.message
    except ResourceLimitExceeded as error:
        return error.code
    except botocore.exceptions.ClientError as error:
        return str(error)
    return ""


def client() -> Client:
    return Client(region_name="us-east-1", endpoint_url="http://localhost:8080")
