"""How the asynchronous client reads to a type checker: ``tests/test_aio.py`` runs
``mypy --strict`` and pyright on this file against the aiobotocore environment (it is not a
test module, and never runs). Every ``reveal``-free line here is what a user writes; the
``assert_type`` lines pin what the checkers must infer."""

from __future__ import annotations

import asyncio
import datetime

from botocore.exceptions import ClientError
from typing_extensions import assert_type

from typed_sagemaker import (
    HyperParameterTrainingJobSummary,
    ListTrainingJobsForHyperParameterTuningJobRequest,
    ListTrainingJobsForHyperParameterTuningJobResponse,
    ResourceNotFound,
    TrainingJobStatus,
)
from typed_sagemaker.aio import Client, ListTrainingJobsForHyperParameterTuningJobPaginator


async def newest_objective(tuning_job: str) -> float | None:
    async with Client(region_name="us-east-1", strict_validation=True) as client:
        response = await client.list_training_jobs_for_hyper_parameter_tuning_job(
            hyper_parameter_tuning_job_name=tuning_job,
            status_equals=TrainingJobStatus.COMPLETED,
            max_results=20,
        )
        assert_type(response, ListTrainingJobsForHyperParameterTuningJobResponse)
    summaries = sorted(response.training_job_summaries, key=lambda s: s.creation_time)
    metric = summaries[-1].final_hyper_parameter_tuning_job_objective_metric if summaries else None
    return metric.value if metric else None


async def all_completed(client: Client, tuning_job: str) -> list[str]:
    paginator = client.get_paginator("list_training_jobs_for_hyper_parameter_tuning_job")
    assert_type(paginator, ListTrainingJobsForHyperParameterTuningJobPaginator)
    pages = paginator.paginate(hyper_parameter_tuning_job_name=tuning_job, status_equals="Completed", page_size=10)
    names: list[str] = []
    async for page in pages:
        assert_type(page, ListTrainingJobsForHyperParameterTuningJobResponse)
    async for summary in pages.items():
        assert_type(summary, HyperParameterTrainingJobSummary)
        started: datetime.datetime | None = summary.training_start_time
        if started is not None:
            names.append(summary.training_job_name)
    full = await pages.build_full_result()
    assert_type(full, ListTrainingJobsForHyperParameterTuningJobResponse)
    token: str | None = full.next_token or pages.resume_token
    del token
    return names


async def many(client: Client, jobs: list[str]) -> list[int]:
    responses = await asyncio.gather(
        *(client.list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name=j) for j in jobs)
    )
    return [len(r.training_job_summaries) for r in responses]


async def with_request_object(client: Client) -> int:
    request = ListTrainingJobsForHyperParameterTuningJobRequest(hyper_parameter_tuning_job_name="t")
    try:
        return len((await client.list_training_jobs_for_hyper_parameter_tuning_job(request)).training_job_summaries)
    except ResourceNotFound as error:
        print(error.message)
        return 0
    except ClientError:
        return -1
