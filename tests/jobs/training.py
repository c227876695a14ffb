"""Code a user of the generated package writes: start a training job, wait for its model, list
what a tuning job finished. ``test_training.py`` tests it the way its author would, with the
package's typed ``Stubber``; ``test_typing.py`` runs ``mypy --strict`` over both."""

from __future__ import annotations

from typed_sagemaker_jobs import (
    AlgorithmSpecification,
    Channel,
    Client,
    DataSource,
    OutputDataConfig,
    ResourceConfig,
    ResourceNotFound,
    S3DataSource,
    StoppingCondition,
    Tag,
    TrainingInputMode,
    TrainingJobCompletedOrStoppedWaiterError,
    TrainingJobStatus,
)

ROLE = "arn:aws:iam::123456789012:role/training"


class TrainingFailed(Exception):
    """The training job failed; the message is SageMaker's reason."""


class TrainingStopped(Exception):
    """Someone stopped the training job before it completed."""


def start_training(client: Client, name: str, image: str, data: str, output: str, team: str) -> str:
    """Start a training job on one ml.m5.xlarge; its ARN."""
    response = client.create_training_job(
        training_job_name=name,
        role_arn=ROLE,
        algorithm_specification=AlgorithmSpecification(
            training_image=image, training_input_mode=TrainingInputMode.FILE
        ),
        input_data_config=[
            Channel(
                channel_name="train",
                data_source=DataSource(
                    s3_data_source=S3DataSource(s3_data_type="S3Prefix", s3_uri=data)
                ),
            )
        ],
        output_data_config=OutputDataConfig(s3_output_path=output),
        resource_config=ResourceConfig(
            instance_type="ml.m5.xlarge", instance_count=1, volume_size_in_gb=30
        ),
        stopping_condition=StoppingCondition(max_runtime_in_seconds=3600),
        tags=[Tag(key="team", value=team)],
    )
    return response.training_job_arn


def wait_for_model(client: Client, name: str, poll_seconds: float = 60) -> str:
    """The S3 URI of the job's model, once the job completes."""
    waiter = client.get_waiter("training_job_completed_or_stopped")
    try:
        job = waiter.wait(training_job_name=name, delay=poll_seconds, max_attempts=240)
    except TrainingJobCompletedOrStoppedWaiterError as error:
        if error.response is not None and error.response.training_job_status == TrainingJobStatus.FAILED:
            raise TrainingFailed(error.response.failure_reason or error.reason) from error
        raise
    if job.training_job_status == TrainingJobStatus.STOPPED:
        raise TrainingStopped(name)
    return job.model_artifacts.s3_model_artifacts


def job_exists(client: Client, name: str) -> bool:
    try:
        client.describe_training_job(training_job_name=name)
    except ResourceNotFound:
        return False
    return True


def completed_jobs(client: Client, tuning_job: str) -> list[str]:
    """The names of the tuning job's completed training jobs, from every page."""
    pages = client.get_paginator("list_training_jobs_for_hyper_parameter_tuning_job").paginate(
        hyper_parameter_tuning_job_name=tuning_job,
        status_equals=TrainingJobStatus.COMPLETED,
        page_size=2,
    )
    return [summary.training_job_name for summary in pages.items()]
