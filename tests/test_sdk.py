"""The generated SDK, driven through real botocore HTTP against the local endpoint, agrees with
botocore itself: same items, same resume tokens, same rejections."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path
from typing import Any

import botocore.exceptions
import pytest
from botocore.validate import ParamValidator

import typed_sagemaker as sdk
from tests.fakes.fixtures import make_botocore_client
from tests.fakes.sagemaker_server import DEFAULT_TUNING_JOB, EMPTY_TUNING_JOB
from tests.helpers import FIXTURE_SPECS, generate, imported

OPERATION = "ListTrainingJobsForHyperParameterTuningJob"
METHOD = "list_training_jobs_for_hyper_parameter_tuning_job"


@pytest.fixture
def client(aws_env, sagemaker_server) -> sdk.Client:
    return sdk.Client(endpoint_url=sagemaker_server.endpoint_url, region_name="us-east-1")


@pytest.fixture
def botocore_client(aws_env, sagemaker_server) -> Any:
    return make_botocore_client(sagemaker_server.endpoint_url)


def test_a_call_returns_typed_objects(client: sdk.Client) -> None:
    response = client.list_training_jobs_for_hyper_parameter_tuning_job(
        hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, max_results=5,
        status_equals=sdk.TrainingJobStatus.COMPLETED,
    )
    assert isinstance(response, sdk.ListTrainingJobsForHyperParameterTuningJobResponse)
    assert 0 < len(response.training_job_summaries) <= 5
    for summary in response.training_job_summaries:
        assert isinstance(summary, sdk.HyperParameterTrainingJobSummary)
        assert summary.training_job_status is sdk.TrainingJobStatus.COMPLETED
        assert summary.creation_time.tzinfo is not None
        assert isinstance(summary.creation_time, datetime.datetime)


def test_a_request_object_and_plain_enum_strings_are_accepted(client: sdk.Client, botocore_client) -> None:
    request = sdk.ListTrainingJobsForHyperParameterTuningJobRequest(
        hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, sort_by="CreationTime", sort_order="Descending",
    )
    ours = client.list_training_jobs_for_hyper_parameter_tuning_job(request)
    theirs = botocore_client.list_training_jobs_for_hyper_parameter_tuning_job(
        HyperParameterTuningJobName=DEFAULT_TUNING_JOB, SortBy="CreationTime", SortOrder="Descending"
    )
    assert ours.to_botocore() == {k: v for k, v in theirs.items() if k != "ResponseMetadata"}


def test_the_client_loads_only_the_shipped_slice(client: sdk.Client) -> None:
    from tests.helpers import PROJECT

    assert sorted(client.botocore_client.meta.service_model.operation_names) == sorted(PROJECT.operations)


MAX_ITEMS = [None, 1, 4, 10, 11, 25, 40]
PAGE_SIZES = [None, 3, 10, 100]
FILTERS = [{}, {"StatusEquals": "Completed"}, {"SortBy": "FinalObjectiveMetricValue", "SortOrder": "Descending"},
           {"SortBy": "Status"}]


def _typed_kwargs(filters: dict[str, str]) -> dict[str, str]:
    names = {"StatusEquals": "status_equals", "SortBy": "sort_by", "SortOrder": "sort_order"}
    return {names[k]: v for k, v in filters.items()}


@pytest.mark.parametrize(("max_items", "page_size", "filters"),
                         list(itertools.product(MAX_ITEMS, PAGE_SIZES, FILTERS)))
def test_paginator_equals_botocore_item_for_item_and_token_for_token(
    client: sdk.Client, botocore_client, max_items, page_size, filters
) -> None:
    ours = client.get_paginator(METHOD)
    theirs = botocore_client.get_paginator(METHOD)
    starting_token = None
    for _ in range(4):  # follow resume tokens, including ones that end mid-page
        config = {k: v for k, v in {"MaxItems": max_items, "PageSize": page_size,
                                    "StartingToken": starting_token}.items() if v is not None}
        their_pages = theirs.paginate(HyperParameterTuningJobName=DEFAULT_TUNING_JOB, **filters,
                                      PaginationConfig=config)
        our_pages = ours.paginate(hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, max_items=max_items,
                                  page_size=page_size, starting_token=starting_token, **_typed_kwargs(filters))
        their_items = [item for page in their_pages for item in page["TrainingJobSummaries"]]
        our_items = list(our_pages.items())
        assert [i.to_botocore() for i in our_items] == their_items
        assert our_pages.resume_token == their_pages.resume_token

        their_full = theirs.paginate(HyperParameterTuningJobName=DEFAULT_TUNING_JOB, **filters,
                                     PaginationConfig=config).build_full_result()
        our_full = ours.paginate(hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, max_items=max_items,
                                 page_size=page_size, starting_token=starting_token,
                                 **_typed_kwargs(filters)).build_full_result()
        assert our_full.to_botocore() == their_full
        starting_token = their_pages.resume_token
        if starting_token is None:
            break


def test_typed_pages_and_paginate_method(client: sdk.Client) -> None:
    pages = client.paginate_list_training_jobs_for_hyper_parameter_tuning_job(
        hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, page_size=10)
    page_sizes = [len(p.training_job_summaries) for p in pages]
    assert page_sizes == [10, 10, 5]
    assert len(list(pages.items())) == 25


def test_modeled_error_is_the_generated_class_and_a_client_error(client: sdk.Client) -> None:
    with pytest.raises(sdk.ResourceNotFound) as raised:
        client.list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name="nope")
    assert isinstance(raised.value, botocore.exceptions.ClientError)
    assert raised.value.response["Error"]["Code"] == "ResourceNotFound"
    with pytest.raises(botocore.exceptions.ClientError):
        list(client.get_paginator(METHOD).paginate(hyper_parameter_tuning_job_name="nope"))


def test_unmodeled_service_errors_stay_client_error(client: sdk.Client) -> None:
    with pytest.raises(botocore.exceptions.ClientError) as raised:
        client.list_training_jobs_for_hyper_parameter_tuning_job(
            hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, next_token="not-a-token")
    assert type(raised.value) is not sdk.ResourceNotFound
    assert not isinstance(raised.value, sdk.ServiceError)


def test_an_empty_name_fails_before_any_request(client: sdk.Client, sagemaker_server) -> None:
    with pytest.raises(botocore.exceptions.ParamValidationError) as raised:
        client.list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name="")
    assert "HyperParameterTuningJobName" in str(raised.value) and "valid min length: 1" in str(raised.value)
    assert sagemaker_server.requests == 0


INVALID_INPUTS: list[dict[str, Any]] = [
    {"HyperParameterTuningJobName": ""},
    {"HyperParameterTuningJobName": "x", "MaxResults": 0},
    {"HyperParameterTuningJobName": "x", "MaxResults": "5"},
    {"HyperParameterTuningJobName": 5},
    {"HyperParameterTuningJobName": "", "MaxResults": 0, "SortBy": 3},
]


@pytest.mark.parametrize("params", INVALID_INPUTS)
def test_everything_botocore_rejects_we_reject_with_its_message(client: sdk.Client, sagemaker_server, params) -> None:
    shape = client.botocore_client.meta.service_model.operation_model(OPERATION).input_shape
    expected = ParamValidator().validate(params, shape)
    assert expected.has_errors()
    request = sdk.ListTrainingJobsForHyperParameterTuningJobRequest.from_botocore(params)
    with pytest.raises(botocore.exceptions.ParamValidationError) as raised:
        client.list_training_jobs_for_hyper_parameter_tuning_job(request)
    # botocore's message, each wire path followed by the Python field it names
    names = {"HyperParameterTuningJobName": "hyper_parameter_tuning_job_name",
             "MaxResults": "max_results", "SortBy": "sort_by"}
    report = expected.generate_report()
    for wire, python in names.items():
        report = report.replace(f'"{wire}"', f'"{wire}" ({python})').replace(
            f"parameter {wire},", f"parameter {wire} ({python}),")
    assert str(raised.value) == "Parameter validation failed:\n" + report
    assert sagemaker_server.requests == 0


def test_strict_validation_adds_max_pattern_and_enum(aws_env, sagemaker_server) -> None:
    strict = sdk.Client(endpoint_url=sagemaker_server.endpoint_url, region_name="us-east-1", strict_validation=True)
    with pytest.raises(botocore.exceptions.ParamValidationError) as raised:
        strict.list_training_jobs_for_hyper_parameter_tuning_job(
            hyper_parameter_tuning_job_name="bad_name!" + "x" * 40, max_results=500, status_equals="Sleeping")
    message = str(raised.value)
    assert "valid max length: 32" in message and "valid max value: 100" in message
    assert "valid pattern" in message and "valid values: InProgress" in message
    assert sagemaker_server.requests == 0
    lenient = sdk.Client(endpoint_url=sagemaker_server.endpoint_url, region_name="us-east-1")
    with pytest.raises(botocore.exceptions.ClientError):  # the service is the authority
        lenient.list_training_jobs_for_hyper_parameter_tuning_job(
            hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, max_results=500)


def test_an_old_package_parses_a_newer_services_response(tmp_path: Path, aws_env, sagemaker_server) -> None:
    """The 1.12.0-era model knows no Deleting status, TuningJobName or TrainingJobDefinitionName."""
    job = sagemaker_server.enable_forward_compat()
    generate(FIXTURE_SPECS / "botocore-1.12.0", tmp_path / "out", "old_sagemaker")
    with imported(tmp_path / "out", "old_sagemaker") as old:
        client = old.Client(endpoint_url=sagemaker_server.endpoint_url, region_name="us-east-1")
        response = client.list_training_jobs_for_hyper_parameter_tuning_job(
            hyper_parameter_tuning_job_name=DEFAULT_TUNING_JOB, max_results=100)
        statuses = {s.training_job_status for s in response.training_job_summaries}
        assert "Archived" in statuses  # kept as given, a plain str
        assert old.TrainingJobStatus.COMPLETED in statuses
        assert not hasattr(response.training_job_summaries[0], "tuning_job_name")
        assert job is not None


def test_empty_listing(client: sdk.Client) -> None:
    pages = client.get_paginator(METHOD).paginate(hyper_parameter_tuning_job_name=EMPTY_TUNING_JOB)
    assert list(pages.items()) == []
    assert pages.build_full_result().training_job_summaries == []


def test_enum_members_print_as_their_wire_value() -> None:
    status = sdk.TrainingJobStatus.COMPLETED
    assert (str(status), f"{status}", f"{status:>10}") == ("Completed", "Completed", " Completed")
    assert status == "Completed" and sdk.TrainingJobStatus("Completed") is status
