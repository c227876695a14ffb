"""Tests a user writes for their own code (``training.py``) with the package's typed Stubber:
typed responses in, the request their code must send checked, nothing sent anywhere.
``mypy --strict`` checks this file too (``test_typing.py``)."""

from __future__ import annotations

import datetime
from typing import Iterator

import pytest

from tests.jobs.training import (
    ROLE,
    TrainingFailed,
    TrainingStopped,
    completed_jobs,
    job_exists,
    start_training,
    wait_for_model,
)
from typed_sagemaker_jobs import (
    AlgorithmSpecification,
    Channel,
    Client,
    CreateTrainingJobRequest,
    CreateTrainingJobResponse,
    DataSource,
    DescribeTrainingJobRequest,
    DescribeTrainingJobResponse,
    HyperParameterTrainingJobSummary,
    ListTrainingJobsForHyperParameterTuningJobRequest,
    ListTrainingJobsForHyperParameterTuningJobResponse,
    ModelArtifacts,
    OutputDataConfig,
    ResourceConfig,
    ResourceNotFound,
    S3DataSource,
    SecondaryStatus,
    StoppingCondition,
    Tag,
    TrainingJobStatus,
)
from typed_sagemaker_jobs.testing import RequestMismatch, StubbedError, Stubber

STARTED = datetime.datetime(2026, 1, 5, 9, 30, tzinfo=datetime.timezone.utc)
ARN = "arn:aws:sagemaker:us-east-1:123456789012:training-job/xgb-1"
MODEL = "s3://models/xgb-1/output/model.tar.gz"


@pytest.fixture
def client() -> Iterator[Client]:
    with Client(region_name="us-east-1") as client:
        yield client


def job(status: TrainingJobStatus, failure_reason: str | None = None) -> DescribeTrainingJobResponse:
    return DescribeTrainingJobResponse(
        training_job_name="xgb-1",
        training_job_arn=ARN,
        model_artifacts=ModelArtifacts(s3_model_artifacts=MODEL),
        training_job_status=status,
        # A response's enum member is the enum (its unknown values too), not a string.
        secondary_status=SecondaryStatus.TRAINING,
        stopping_condition=StoppingCondition(max_runtime_in_seconds=3600),
        creation_time=STARTED,
        failure_reason=failure_reason,
    )


def summary(name: str) -> HyperParameterTrainingJobSummary:
    return HyperParameterTrainingJobSummary(
        training_job_name=name,
        training_job_arn=f"arn:aws:sagemaker:us-east-1:123456789012:training-job/{name}",
        creation_time=STARTED,
        training_job_status=TrainingJobStatus.COMPLETED,
        tuned_hyper_parameters={"eta": "0.1"},
    )


EXPECTED_JOB = CreateTrainingJobRequest(
    training_job_name="xgb-1",
    role_arn=ROLE,
    algorithm_specification=AlgorithmSpecification(training_image="xgboost:1.7", training_input_mode="File"),
    input_data_config=[
        Channel(
            channel_name="train",
            data_source=DataSource(s3_data_source=S3DataSource(s3_data_type="S3Prefix", s3_uri="s3://data/train/")),
        )
    ],
    output_data_config=OutputDataConfig(s3_output_path="s3://models/"),
    resource_config=ResourceConfig(instance_type="ml.m5.xlarge", instance_count=1, volume_size_in_gb=30),
    stopping_condition=StoppingCondition(max_runtime_in_seconds=3600),
    tags=[Tag(key="team", value="forecasting")],
)


def test_start_training_sends_the_job_definition(client: Client) -> None:
    with Stubber(client) as stubber:
        stubber.add_response("create_training_job", CreateTrainingJobResponse(training_job_arn=ARN), EXPECTED_JOB)
        arn = start_training(client, "xgb-1", "xgboost:1.7", "s3://data/train/", "s3://models/", "forecasting")
        stubber.assert_no_pending_responses()
    assert arn == ARN


def test_a_wrong_job_definition_is_reported_field_by_field(client: Client) -> None:
    with Stubber(client) as stubber:
        stubber.add_response("create_training_job", CreateTrainingJobResponse(training_job_arn=ARN), EXPECTED_JOB)
        with pytest.raises(RequestMismatch) as mismatch:
            start_training(client, "xgb-1", "xgboost:1.7", "s3://data/train", "s3://models/", "ml")
    assert mismatch.value.differences == [
        "input_data_config[0].data_source.s3_data_source.s3_uri: expected 's3://data/train/', got 's3://data/train'",
        "tags[0].value: expected 'forecasting', got 'ml'",
    ]
    assert str(mismatch.value).startswith(
        "create_training_job was called with a CreateTrainingJobRequest that differs from the stubbed one:\n"
    )


def test_wait_for_model_polls_until_the_job_completes(client: Client) -> None:
    with Stubber(client) as stubber:
        stubber.add_waiter_responses(
            "training_job_completed_or_stopped",
            [job(TrainingJobStatus.IN_PROGRESS), job(TrainingJobStatus.IN_PROGRESS), job(TrainingJobStatus.COMPLETED)],
            expected=DescribeTrainingJobRequest(training_job_name="xgb-1"),
        )
        assert wait_for_model(client, "xgb-1", poll_seconds=0) == MODEL
        stubber.assert_no_pending_responses()


def test_wait_for_model_says_why_training_failed(client: Client) -> None:
    reason = "AlgorithmError: framework error: out of memory"
    with Stubber(client) as stubber:
        stubber.add_waiter_responses(
            "training_job_completed_or_stopped",
            [job(TrainingJobStatus.IN_PROGRESS), job(TrainingJobStatus.FAILED, failure_reason=reason)],
        )
        with pytest.raises(TrainingFailed, match="out of memory"):
            wait_for_model(client, "xgb-1", poll_seconds=0)


def test_a_stopped_job_has_no_model(client: Client) -> None:
    with Stubber(client) as stubber:
        stubber.add_waiter_responses("training_job_completed_or_stopped", [job(TrainingJobStatus.STOPPED)])
        with pytest.raises(TrainingStopped):
            wait_for_model(client, "xgb-1", poll_seconds=0)


def test_waiting_for_a_job_that_is_not_there_is_not_a_training_failure(client: Client) -> None:
    with Stubber(client) as stubber:
        stubber.add_waiter_responses(
            "training_job_completed_or_stopped", [StubbedError("ValidationException", "Requested resource not found.")]
        )
        with pytest.raises(Exception) as raised:
            wait_for_model(client, "xgb-1", poll_seconds=0)
    assert not isinstance(raised.value, TrainingFailed)
    assert "ValidationException" in str(raised.value)


def test_job_exists(client: Client) -> None:
    with Stubber(client) as stubber:
        stubber.add_response("describe_training_job", job(TrainingJobStatus.COMPLETED), training_job_name="xgb-1")
        stubber.add_error(
            "describe_training_job",
            ResourceNotFound,
            "Training job gone not found",
            expected=DescribeTrainingJobRequest(training_job_name="gone"),
        )
        assert job_exists(client, "xgb-1")
        assert not job_exists(client, "gone")


def test_completed_jobs_reads_every_page(client: Client) -> None:
    pages = [
        ListTrainingJobsForHyperParameterTuningJobResponse(
            training_job_summaries=[summary("xgb-1"), summary("xgb-2")], next_token="page-2"
        ),
        ListTrainingJobsForHyperParameterTuningJobResponse(training_job_summaries=[summary("xgb-3")]),
    ]
    with Stubber(client) as stubber:
        stubber.add_pages(
            "list_training_jobs_for_hyper_parameter_tuning_job",
            pages,
            expected=ListTrainingJobsForHyperParameterTuningJobRequest(
                hyper_parameter_tuning_job_name="tuning", status_equals="Completed", max_results=2
            ),
        )
        assert completed_jobs(client, "tuning") == ["xgb-1", "xgb-2", "xgb-3"]
        stubber.assert_no_pending_responses()
