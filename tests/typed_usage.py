"""How the generated package reads to a type checker; `tests/test_typing.py` runs mypy --strict
on this file (it is not a test module, and never runs)."""

from __future__ import annotations

import datetime

from botocore.exceptions import ClientError

from typed_sagemaker import (
    Client,
    HyperParameterTrainingJobSummary,
    ListTrainingJobsForHyperParameterTuningJobRequest,
    ListTrainingJobsForHyperParameterTuningJobResponse,
    ResourceNotFound,
    TrainingJobStatus,
)


def newest_objective(client: Client, tuning_job: str) -> float | None:
    response: ListTrainingJobsForHyperParameterTuningJobResponse = (
        client.list_training_jobs_for_hyper_parameter_tuning_job(
            hyper_parameter_tuning_job_name=tuning_job,
            status_equals=TrainingJobStatus.COMPLETED,
            max_results=20,
        )
    )
    summaries = sorted(response.training_job_summaries, key=lambda s: s.creation_time)
    metric = summaries[-1].final_hyper_parameter_tuning_job_objective_metric if summaries else None
    return metric.value if metric else None


def all_completed(client: Client, tuning_job: str) -> list[str]:
    pages = client.get_paginator("list_training_jobs_for_hyper_parameter_tuning_job").paginate(
        hyper_parameter_tuning_job_name=tuning_job, status_equals="Completed", page_size=10
    )
    names: list[str] = []
    for summary in pages.items():
        assert isinstance(summary, HyperParameterTrainingJobSummary)
        started: datetime.datetime | None = summary.training_start_time
        if started is not None:
            names.append(summary.training_job_name)
    full: ListTrainingJobsForHyperParameterTuningJobResponse = pages.build_full_result()
    token: str | None = full.next_token or pages.resume_token
    del token
    return names


def with_request_object(client: Client) -> int:
    request = ListTrainingJobsForHyperParameterTuningJobRequest(hyper_parameter_tuning_job_name="t")
    try:
        return len(client.list_training_jobs_for_hyper_parameter_tuning_job(request).training_job_summaries)
    except ResourceNotFound as error:
        print(error.message)
        return 0
    except ClientError:
        return -1
