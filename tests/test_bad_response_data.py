"""What the SDK does with response data that does not fit the model (decided case by case,
documented in README's "Security and trust" section):

- a scalar of the wrong type (a string where a float belongs): tolerated, as botocore does;
- a null or missing optional member: None;
- a null or missing required member: corrected to its zero value by default (the paths are on
  the response and logged); ``strict_responses=True``: ResponseParseError naming the path;
- an unparseable timestamp, or a structure/list/map of the wrong kind: botocore's own parser
  rejects it before our code runs (ValueError / its parse error), as with boto3.
"""

from __future__ import annotations

import copy
from typing import Any

import botocore.exceptions
import pytest

import typed_sagemaker as sdk
from tests.fakes.sagemaker_server import DEFAULT_TUNING_JOB, make_dataset


@pytest.fixture
def client(aws_env, sagemaker_server, monkeypatch) -> sdk.Client:
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    return sdk.Client(endpoint_url=sagemaker_server.endpoint_url, region_name="us-east-1")


@pytest.fixture
def strict_client(aws_env, sagemaker_server, monkeypatch) -> sdk.Client:
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    return sdk.Client(
        endpoint_url=sagemaker_server.endpoint_url, region_name="us-east-1", strict_responses=True
    )


def page(mutate) -> dict[str, Any]:
    summaries = copy.deepcopy(make_dataset(n_jobs=4, extra_tuning_jobs=False)[DEFAULT_TUNING_JOB])
    body = {"TrainingJobSummaries": summaries}
    mutate(body)
    return body


def call(client: sdk.Client) -> sdk.ListTrainingJobsForHyperParameterTuningJobResponse:
    return client.list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB)


def test_a_string_where_a_float_belongs_is_passed_through_as_botocore_does(client, sagemaker_server) -> None:
    def mutate(body):
        body["TrainingJobSummaries"][0]["FinalHyperParameterTuningJobObjectiveMetric"] = {
            "MetricName": "auc", "Value": "0.9"}
    sagemaker_server.queue_response(200, page(mutate))
    metric = call(client).training_job_summaries[0].final_hyper_parameter_tuning_job_objective_metric
    assert metric is not None and metric.value == "0.9"


def test_null_optional_members_are_none(client, sagemaker_server) -> None:
    def mutate(body):
        body["TrainingJobSummaries"][1]["FailureReason"] = None
        body["NextToken"] = None
    sagemaker_server.queue_response(200, page(mutate))
    response = call(client)
    assert response.training_job_summaries[1].failure_reason is None and response.next_token is None


def _drop_name(how: str):
    def mutate(body):
        if how == "missing":
            del body["TrainingJobSummaries"][2]["TrainingJobName"]
        else:
            body["TrainingJobSummaries"][2]["TrainingJobName"] = None
    return mutate


@pytest.mark.parametrize("how", ["missing", "null"])
def test_a_required_member_missing_or_null_is_corrected_to_its_zero_value(
    client, sagemaker_server, how, caplog
) -> None:
    sagemaker_server.queue_response(200, page(_drop_name(how)))
    with caplog.at_level("DEBUG", logger="typed_sagemaker"):
        response = call(client)
    summary = response.training_job_summaries[2]
    assert summary.training_job_name == ""
    assert response.training_job_summaries[1].training_job_name != ""
    assert response.response_metadata.corrected == ("TrainingJobSummaries[2].TrainingJobName",)
    assert "corrected members the model requires: TrainingJobSummaries[2].TrainingJobName" in caplog.text


@pytest.mark.parametrize("how", ["missing", "null"])
def test_strict_responses_name_the_missing_member_instead(strict_client, sagemaker_server, how) -> None:
    sagemaker_server.queue_response(200, page(_drop_name(how)))
    with pytest.raises(sdk.ResponseParseError) as raised:
        call(strict_client)
    assert raised.value.path == "TrainingJobSummaries[2].TrainingJobName"
    assert str(raised.value) == (
        "ListTrainingJobsForHyperParameterTuningJob response: TrainingJobSummaries[2].TrainingJobName: "
        "required by the model but missing or null"
    )


def test_the_same_holds_for_paginated_pages(client, strict_client, sagemaker_server) -> None:
    import datetime

    for paging in (client, strict_client):
        sagemaker_server.queue_response(
            200, page(lambda body: body["TrainingJobSummaries"][3].pop("CreationTime"))
        )
        pages = paging.get_paginator("list_training_jobs_for_hyper_parameter_tuning_job").paginate(
            hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB)
        if paging is strict_client:
            with pytest.raises(sdk.ResponseParseError, match=r"TrainingJobSummaries\[3\]\.CreationTime"):
                list(pages)
        else:
            (first,) = list(pages)
            epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
            assert first.training_job_summaries[3].creation_time == epoch
            assert first.response_metadata.corrected == ("TrainingJobSummaries[3].CreationTime",)


def test_a_missing_required_structure_is_corrected_recursively() -> None:
    """An empty structure put in for a missing one gets its own required members."""
    from typed_sagemaker._runtime import responses, session as runtime_session

    shape = runtime_session.botocore_session().get_service_model("sagemaker").operation_model(
        "ListTrainingJobsForHyperParameterTuningJob").output_shape
    fixed, paths = responses.corrected(shape, {"TrainingJobSummaries": [{}]})
    summary = fixed["TrainingJobSummaries"][0]
    assert summary["TrainingJobName"] == "" and summary["TrainingJobStatus"] == ""
    assert summary["TunedHyperParameters"] == {} and "TrainingJobSummaries[0].CreationTime" in paths
    assert responses.first_problem(shape, fixed) is None


def test_an_unparseable_timestamp_is_rejected_by_botocore(client, sagemaker_server) -> None:
    sagemaker_server.queue_response(200, page(lambda body: body["TrainingJobSummaries"][0].update(CreationTime="yesterday")))
    with pytest.raises(ValueError, match="Invalid timestamp"):
        call(client)


@pytest.mark.parametrize("wrong", [
    {"TrainingJobSummaries": "not a list"},
    {"TrainingJobSummaries": [["not", "an", "object"]]},
])
def test_structures_of_the_wrong_kind_fail_in_botocore_not_silently(client, sagemaker_server, wrong) -> None:
    sagemaker_server.queue_response(200, wrong)
    with pytest.raises((AttributeError, TypeError, botocore.exceptions.BotoCoreError, ValueError)):
        call(client)


def test_first_problem_walks_nested_lists_and_maps() -> None:
    from typed_sagemaker._runtime import responses, session as runtime_session

    session = runtime_session.botocore_session()
    shape = session.get_service_model("sagemaker").operation_model(
        "ListTrainingJobsForHyperParameterTuningJob").output_shape
    good = page(lambda body: None)
    assert responses.first_problem(shape, good) is None
    bad = page(lambda body: body["TrainingJobSummaries"][1].update(TunedHyperParameters=["x"]))
    assert responses.first_problem(shape, bad) == (
        "TrainingJobSummaries[1].TunedHyperParameters", "expected an object, got list")
