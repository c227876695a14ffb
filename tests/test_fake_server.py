"""The fake SageMaker endpoint (tests/fakes) behaves like the service for stock botocore.

Every request goes to a 127.0.0.1 server the test started; ``aws_env`` seals the environment.
"""

from __future__ import annotations

import base64
import concurrent.futures
import datetime
import http.client
import json
import math
import os
from pathlib import Path
from typing import Any

import botocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError, PaginationError, ParamValidationError
from botocore.validate import ParamValidator

from tests.fakes import sagemaker_server as fake
from tests.fakes.fixtures import (
    MARKER_ACCESS_KEY,
    MARKER_SECRET_KEY,
    make_botocore_client,
)
from tests.fakes.sagemaker_server import FakeSageMakerServer, make_dataset

OP = "list_training_jobs_for_hyper_parameter_tuning_job"
TUNING = fake.DEFAULT_TUNING_JOB
ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "specs" / "sagemaker" / "2017-07-24" / "service-2.json"
PAGINATORS_PATH = ROOT / "specs" / "sagemaker" / "2017-07-24" / "paginators-1.json"


def names(summaries: list[dict[str, Any]]) -> list[str]:
    return [s["TrainingJobName"] for s in summaries]


def expected(server: FakeSageMakerServer, status: str | None = None, sort_by: str = "Name",
             order: str = "Ascending", tuning: str = TUNING) -> list[str]:
    """The listing, computed independently of the fake's own code."""
    jobs = [j for j in server.dataset[tuning] if status is None or j["TrainingJobStatus"] == status]
    if sort_by == "FinalObjectiveMetricValue":
        jobs = [j for j in jobs if "FinalHyperParameterTuningJobObjectiveMetric" in j]
    field = {
        "Name": lambda j: "",
        "CreationTime": lambda j: j["CreationTime"],
        "Status": lambda j: j["TrainingJobStatus"],
        "FinalObjectiveMetricValue": lambda j: j["FinalHyperParameterTuningJobObjectiveMetric"]["Value"],
    }[sort_by]
    jobs = sorted(jobs, key=lambda j: (field(j), j["TrainingJobName"]), reverse=order == "Descending")
    return names(jobs)


def full_listing(client: Any, **params: Any) -> dict[str, Any]:
    params.setdefault("HyperParameterTuningJobName", TUNING)
    return client.get_paginator(OP).paginate(**params).build_full_result()


def raw_post(server: FakeSageMakerServer, body: bytes | str, target: str | None = fake.TARGET,
             content_type: str = fake.JSON_CONTENT_TYPE) -> tuple[int, dict[str, str], Any]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        headers = {"Content-Type": content_type}
        if target is not None:
            headers["X-Amz-Target"] = target
        conn.request("POST", "/", body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, json.loads(data) if data else None
    finally:
        conn.close()


# ------------------------------------------------------------------------------------------
# The model agrees with the fake's constants and data
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def test_constants_match_the_model(model: dict[str, Any]) -> None:
    shapes = model["shapes"]
    op = model["operations"][fake.OPERATION]
    assert model["metadata"]["targetPrefix"] == fake.TARGET_PREFIX
    assert model["metadata"]["protocol"] == "json" and model["metadata"]["jsonVersion"] == "1.1"
    assert [e["shape"] for e in op["errors"]] == ["ResourceNotFound"]
    request = shapes[op["input"]["shape"]]["members"]
    assert tuple(shapes[request["StatusEquals"]["shape"]]["enum"]) == fake.TRAINING_JOB_STATUSES
    assert tuple(shapes[request["SortBy"]["shape"]]["enum"]) == fake.SORT_BY_OPTIONS
    assert tuple(shapes[request["SortOrder"]["shape"]]["enum"]) == fake.SORT_ORDERS
    max_results = shapes[request["MaxResults"]["shape"]]
    assert (max_results["min"], max_results["max"]) == (fake.MIN_MAX_RESULTS, fake.MAX_MAX_RESULTS)
    name_shape = shapes[request["HyperParameterTuningJobName"]["shape"]]
    assert name_shape["pattern"] == fake.TUNING_JOB_NAME_PATTERN
    assert name_shape["max"] == fake.TUNING_JOB_NAME_MAX
    assert shapes[request["NextToken"]["shape"]]["max"] == fake.NEXT_TOKEN_MAX
    pagination = json.loads(PAGINATORS_PATH.read_text())["pagination"][fake.OPERATION]
    assert pagination == {"input_token": "NextToken", "output_token": "NextToken",
                          "limit_key": "MaxResults", "result_key": "TrainingJobSummaries"}


def test_dataset_is_deterministic_and_uses_only_modeled_members(model: dict[str, Any]) -> None:
    assert make_dataset() == make_dataset()
    assert make_dataset(n_jobs=40) == make_dataset(n_jobs=40)
    dataset = make_dataset(n_jobs=40)
    assert set(dataset) == {TUNING, fake.MULTI_DEFINITION_TUNING_JOB, fake.EMPTY_TUNING_JOB}
    assert dataset[fake.EMPTY_TUNING_JOB] == []
    summary_shape = model["shapes"]["HyperParameterTrainingJobSummary"]
    metric_shape = model["shapes"]["FinalHyperParameterTuningJobObjectiveMetric"]
    objective_enum = model["shapes"]["ObjectiveStatus"]["enum"]
    jobs = [j for js in dataset.values() for j in js]
    for job in jobs:
        assert set(job) <= set(summary_shape["members"]), job
        assert set(summary_shape["required"]) <= set(job)
        assert job["TrainingJobStatus"] in fake.TRAINING_JOB_STATUSES
        assert job["ObjectiveStatus"] in objective_enum
        assert isinstance(job["CreationTime"], float)
        assert job["CreationTime"] < job["TrainingStartTime"] < job.get("TrainingEndTime", math.inf)
        metric = job.get("FinalHyperParameterTuningJobObjectiveMetric")
        if metric:
            assert set(metric) == set(metric_shape["members"])
        assert ("FailureReason" in job) == (job["TrainingJobStatus"] == "Failed")
    all_names = names(jobs)
    assert len(set(all_names)) == len(all_names)
    assert all(len(n) <= 63 for n in all_names)
    statuses = {j["TrainingJobStatus"] for j in dataset[TUNING]}
    assert statuses == {"Completed", "Failed", "Stopped", "InProgress", "Stopping"}
    assert any(not j.get("FinalHyperParameterTuningJobObjectiveMetric") for j in dataset[TUNING])
    assert any(fake.NON_ASCII_VALUE in j["TunedHyperParameters"].values() for j in dataset[TUNING])
    # Name order and creation order differ, so the two sorts are told apart.
    by_time = names(sorted(dataset[TUNING], key=lambda j: j["CreationTime"]))
    assert by_time != sorted(names(dataset[TUNING]))


# ------------------------------------------------------------------------------------------
# Stock botocore against the fake
# ------------------------------------------------------------------------------------------


def test_single_call_default_page(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    resp = getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING)
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert names(resp["TrainingJobSummaries"]) == expected(sagemaker_server)[:10]
    assert isinstance(resp["NextToken"], str) and resp["NextToken"]
    first = resp["TrainingJobSummaries"][0]
    wire = next(j for j in sagemaker_server.dataset[TUNING] if j["TrainingJobName"] == first["TrainingJobName"])
    assert isinstance(first["CreationTime"], datetime.datetime)
    assert first["CreationTime"].timestamp() == pytest.approx(wire["CreationTime"], abs=1e-6)
    assert first["FinalHyperParameterTuningJobObjectiveMetric"]["Value"] == wire[
        "FinalHyperParameterTuningJobObjectiveMetric"]["Value"]

    request = sagemaker_server.last_request
    assert sagemaker_server.requests == 1 and request is not None
    assert request.method == "POST" and request.path == "/"
    assert request.headers["x-amz-target"] == fake.TARGET
    assert request.headers["content-type"] == fake.JSON_CONTENT_TYPE
    assert f"Credential={MARKER_ACCESS_KEY}/" in request.headers["authorization"]
    assert "/us-east-1/sagemaker/aws4_request" in request.headers["authorization"]
    assert MARKER_SECRET_KEY not in repr(request)
    assert request.json == {"HyperParameterTuningJobName": TUNING}


def test_non_ascii_values_round_trip(sagemaker_client: Any) -> None:
    resp = getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING, MaxResults=100)
    values = [v for s in resp["TrainingJobSummaries"] for v in s["TunedHyperParameters"].values()]
    assert fake.NON_ASCII_VALUE in values
    assert fake.AWKWARD_VALUE in values


def test_paginator_collects_every_page(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    total = len(sagemaker_server.dataset[TUNING])
    result = full_listing(sagemaker_client, PaginationConfig={"PageSize": 7})
    assert names(result["TrainingJobSummaries"]) == expected(sagemaker_server)
    assert "NextToken" not in result
    assert sagemaker_server.requests == math.ceil(total / 7)
    sent = [r.json for r in sagemaker_server.request_log]
    assert all(body["MaxResults"] == 7 for body in sent)
    assert "NextToken" not in sent[0] and all("NextToken" in body for body in sent[1:])


def test_paginator_default_page_size_and_pages(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    pages = list(sagemaker_client.get_paginator(OP).paginate(HyperParameterTuningJobName=TUNING))
    assert [len(p["TrainingJobSummaries"]) for p in pages] == [10, 10, 5]
    assert "NextToken" not in pages[-1]
    tokens = [p["NextToken"] for p in pages[:-1]]
    assert len(set(tokens)) == 2


def test_max_items_resume_token(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    everything = expected(sagemaker_server)
    first = full_listing(sagemaker_client, PaginationConfig={"MaxItems": 8, "PageSize": 5})
    assert names(first["TrainingJobSummaries"]) == everything[:8]
    # The cut fell inside the second page: botocore's own resume token.
    decoded = json.loads(base64.b64decode(first["NextToken"]))
    assert decoded["boto_truncate_amount"] == 3 and isinstance(decoded["NextToken"], str)
    rest = full_listing(sagemaker_client,
                        PaginationConfig={"PageSize": 5, "StartingToken": first["NextToken"]})
    assert names(rest["TrainingJobSummaries"]) == everything[8:]

    # On a page boundary the resume token carries just the service token.
    boundary = full_listing(sagemaker_client, PaginationConfig={"MaxItems": 10, "PageSize": 5})
    assert list(json.loads(base64.b64decode(boundary["NextToken"]))) == ["NextToken"]
    # A raw service token works as a starting token too (botocore's legacy path).
    raw = getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING, MaxResults=4)["NextToken"]
    resumed = full_listing(sagemaker_client, PaginationConfig={"StartingToken": raw})
    assert names(resumed["TrainingJobSummaries"]) == everything[4:]


@pytest.mark.parametrize("status", ["Completed", "Failed", "Stopped", "InProgress", "Stopping", "Deleting"])
def test_status_filter(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any, status: str) -> None:
    result = full_listing(sagemaker_client, StatusEquals=status, PaginationConfig={"PageSize": 4})
    got = result["TrainingJobSummaries"]
    assert names(got) == expected(sagemaker_server, status=status)
    assert all(s["TrainingJobStatus"] == status for s in got)
    assert (len(got) == 0) == (status == "Deleting")


@pytest.mark.parametrize("sort_by", fake.SORT_BY_OPTIONS)
@pytest.mark.parametrize("order", [None, "Ascending", "Descending"])
def test_sort_orders(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any,
                     sort_by: str, order: str | None) -> None:
    params: dict[str, Any] = {"SortBy": sort_by}
    if order:
        params["SortOrder"] = order
    got = names(full_listing(sagemaker_client, **params, PaginationConfig={"PageSize": 6})[
        "TrainingJobSummaries"])
    assert got == expected(sagemaker_server, sort_by=sort_by, order=order or "Ascending")
    if sort_by == "FinalObjectiveMetricValue":
        with_metric = [j for j in sagemaker_server.dataset[TUNING]
                       if j.get("FinalHyperParameterTuningJobObjectiveMetric")]
        assert len(got) == len(with_metric) < len(sagemaker_server.dataset[TUNING])
    else:
        assert len(got) == len(sagemaker_server.dataset[TUNING])


def test_sort_defaults_to_name(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    default = full_listing(sagemaker_client)["TrainingJobSummaries"]
    by_name = full_listing(sagemaker_client, SortBy="Name", SortOrder="Ascending")["TrainingJobSummaries"]
    assert names(default) == names(by_name) == sorted(names(default))
    by_time = full_listing(sagemaker_client, SortBy="CreationTime")["TrainingJobSummaries"]
    assert names(by_time) != names(by_name)


def test_filter_and_sort_combined(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    got = full_listing(sagemaker_client, StatusEquals="Completed", SortBy="FinalObjectiveMetricValue",
                       SortOrder="Descending", PaginationConfig={"PageSize": 3})["TrainingJobSummaries"]
    assert names(got) == expected(sagemaker_server, "Completed", "FinalObjectiveMetricValue", "Descending")
    values = [s["FinalHyperParameterTuningJobObjectiveMetric"]["Value"] for s in got]
    assert values == sorted(values, reverse=True)


def test_empty_tuning_job(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    resp = getattr(sagemaker_client, OP)(HyperParameterTuningJobName=fake.EMPTY_TUNING_JOB)
    assert resp["TrainingJobSummaries"] == [] and "NextToken" not in resp
    assert full_listing(sagemaker_client, HyperParameterTuningJobName=fake.EMPTY_TUNING_JOB) == {
        "TrainingJobSummaries": []}


def test_multi_definition_jobs(sagemaker_client: Any) -> None:
    got = full_listing(sagemaker_client, HyperParameterTuningJobName=fake.MULTI_DEFINITION_TUNING_JOB)
    assert [s["TrainingJobDefinitionName"] for s in got["TrainingJobSummaries"]] == [
        "xgboost-def", "lightgbm-def", "xgboost-def"]


def test_dataset_is_live(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    sagemaker_server.dataset["brand-new"] = [fake.make_summary("brand-new", 0)]
    got = getattr(sagemaker_client, OP)(HyperParameterTuningJobName="brand-new")
    assert names(got["TrainingJobSummaries"]) == [fake.training_job_name("brand-new", 0)]


# ------------------------------------------------------------------------------------------
# Errors
# ------------------------------------------------------------------------------------------


def test_resource_not_found(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    with pytest.raises(sagemaker_client.exceptions.ResourceNotFound) as info:
        getattr(sagemaker_client, OP)(HyperParameterTuningJobName="notfound")
    err = info.value
    assert isinstance(err, ClientError)
    assert err.response["Error"] == {
        "Code": "ResourceNotFound",
        "Message": "Amazon SageMaker can't find a tuning job named notfound",
    }
    assert err.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert str(err) == ("An error occurred (ResourceNotFound) when calling the "
                        "ListTrainingJobsForHyperParameterTuningJob operation: "
                        "Amazon SageMaker can't find a tuning job named notfound")
    assert sagemaker_server.requests == 1  # not retried
    with pytest.raises(sagemaker_client.exceptions.ResourceNotFound):
        full_listing(sagemaker_client, HyperParameterTuningJobName="notfound")


def test_max_results_above_range_is_a_service_validation_error(
        sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    # botocore checks min only; max is the service's to reject.
    with pytest.raises(ClientError) as info:
        getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING, MaxResults=101)
    error = info.value.response["Error"]
    assert error["Code"] == "ValidationException"
    assert error["Message"] == ("1 validation error detected: Value '101' at 'maxResults' failed to "
                                "satisfy constraint: Member must have value less than or equal to 100")
    assert sagemaker_server.requests == 1
    with pytest.raises(ClientError, match="ValidationException"):
        full_listing(sagemaker_client, PaginationConfig={"PageSize": 1000})
    # The bounds themselves are fine.
    assert len(getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING, MaxResults=100)[
        "TrainingJobSummaries"]) == 25
    assert len(getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING, MaxResults=1)[
        "TrainingJobSummaries"]) == 1


def test_max_results_below_range_never_reaches_the_service(
        aws_env: Any, sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    with pytest.raises(ParamValidationError, match="valid min value: 1"):
        getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING, MaxResults=0)
    with pytest.raises(ParamValidationError):
        full_listing(sagemaker_client, PaginationConfig={"PageSize": 0})
    assert sagemaker_server.requests == 0
    # With client validation off the service rejects it itself.
    unchecked = make_botocore_client(sagemaker_server.endpoint_url,
                                     config=Config(parameter_validation=False))
    with pytest.raises(ClientError) as info:
        getattr(unchecked, OP)(HyperParameterTuningJobName=TUNING, MaxResults=0)
    assert info.value.response["Error"]["Code"] == "ValidationException"
    assert "greater than or equal to 1" in info.value.response["Error"]["Message"]
    unchecked.close()


def test_enum_name_and_type_problems_are_rejected_by_the_service(
        sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    with pytest.raises(ClientError) as info:
        getattr(sagemaker_client, OP)(HyperParameterTuningJobName="x" * 33 + "_!!",
                                      StatusEquals="Bogus", SortBy="whatever", SortOrder="up")
    error = info.value.response["Error"]
    assert error["Code"] == "ValidationException"
    assert error["Message"].startswith("5 validation errors detected: ")
    for where in ("hyperParameterTuningJobName", "statusEquals", "sortBy", "sortOrder"):
        assert f"at '{where}'" in error["Message"]
    # botocore sent them verbatim.
    assert sagemaker_server.last_request is not None
    assert sagemaker_server.last_request.json["StatusEquals"] == "Bogus"

    status, _, body = raw_post(sagemaker_server, json.dumps(
        {"HyperParameterTuningJobName": TUNING, "MaxResults": "5"}))
    assert status == 400 and body["__type"].endswith("#SerializationException")
    status, _, body = raw_post(sagemaker_server, "{}")
    assert status == 400 and body["__type"] == "ValidationException"
    assert "Member must not be null" in body["message"]


@pytest.mark.parametrize("token", [
    "garbage",
    "not base64 !!",
    base64.b64encode(b'{"NextToken": "x"}').decode(),
    base64.b64encode(b"fake-sagemaker:v1:0:0000000000000000").decode(),
    "x" * 9000,
])
def test_invalid_token(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any, token: str) -> None:
    with pytest.raises(ClientError) as info:
        getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING, NextToken=token)
    assert info.value.response["Error"]["Code"] == "ValidationException"
    assert "nextToken" in info.value.response["Error"]["Message"]


def test_token_is_bound_to_its_query(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any) -> None:
    token = getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING, MaxResults=3)["NextToken"]
    # Same query, different page size: fine (pagination may change the page size).
    again = getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING, NextToken=token, MaxResults=5)
    assert names(again["TrainingJobSummaries"]) == expected(sagemaker_server)[3:8]
    for other in ({"SortOrder": "Descending"}, {"StatusEquals": "Completed"},
                  {"HyperParameterTuningJobName": fake.MULTI_DEFINITION_TUNING_JOB}):
        params = {"HyperParameterTuningJobName": TUNING, "NextToken": token, **other}
        with pytest.raises(ClientError, match="ValidationException"):
            getattr(sagemaker_client, OP)(**params)
    # An empty token means "from the start", as botocore treats it.
    start = getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING, NextToken="", MaxResults=2)
    assert names(start["TrainingJobSummaries"]) == expected(sagemaker_server)[:2]


def test_unknown_target_content_type_and_body(sagemaker_server: FakeSageMakerServer) -> None:
    status, headers, body = raw_post(sagemaker_server, "{}", target="SageMaker.DescribeNothing")
    assert status == 400 and body == {"__type": "com.amazon.coral.service#UnknownOperationException"}
    assert headers["content-type"] == fake.JSON_CONTENT_TYPE and headers["x-amzn-requestid"]
    status, _, body = raw_post(sagemaker_server, "{}", target=None)
    assert status == 400 and body["__type"].endswith("#UnknownOperationException")
    status, _, body = raw_post(sagemaker_server, "{}", content_type="application/json")
    assert status == 400 and body["__type"].endswith("#SerializationException")
    status, _, body = raw_post(sagemaker_server, "{not json")
    assert status == 400 and body["__type"].endswith("#SerializationException")
    assert sagemaker_server.requests == 4


def test_botocore_parses_the_namespaced_error_code(sagemaker_server: FakeSageMakerServer,
                                                   sagemaker_client: Any) -> None:
    sagemaker_server.queue_response(400, {"__type": "com.amazon.coral.service#UnknownOperationException"})
    with pytest.raises(ClientError) as info:
        getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING)
    assert info.value.response["Error"] == {"Code": "UnknownOperationException", "Message": ""}


# ------------------------------------------------------------------------------------------
# Test hooks: forward compatibility, canned responses, lifecycle, environment
# ------------------------------------------------------------------------------------------


def test_forward_compat_fields(sagemaker_server: FakeSageMakerServer, sagemaker_client: Any,
                               model: dict[str, Any]) -> None:
    job = sagemaker_server.enable_forward_compat()
    status, _, raw = raw_post(sagemaker_server, json.dumps(
        {"HyperParameterTuningJobName": TUNING, "StatusEquals": fake.FORWARD_COMPAT_STATUS}))
    assert status == 200
    assert raw["FutureTopLevelMember"] == "ignored by old clients"
    assert [s["TrainingJobName"] for s in raw["TrainingJobSummaries"]] == [job["TrainingJobName"]]
    assert raw["TrainingJobSummaries"][0]["FutureSummaryMember"]["Values"] == [1, 2.5, "three", None, True]
    assert fake.FORWARD_COMPAT_STATUS not in model["shapes"]["TrainingJobStatus"]["enum"]
    assert fake.FORWARD_COMPAT_OBJECTIVE_STATUS not in model["shapes"]["ObjectiveStatus"]["enum"]

    # Stock botocore drops unknown members and passes unknown enum values through.
    got = full_listing(sagemaker_client, StatusEquals=fake.FORWARD_COMPAT_STATUS)
    assert list(got) == ["TrainingJobSummaries"] and len(got["TrainingJobSummaries"]) == 1
    summary = got["TrainingJobSummaries"][0]
    assert "FutureSummaryMember" not in summary
    assert summary["TrainingJobStatus"] == "Archived" and summary["ObjectiveStatus"] == "Abandoned"
    page = getattr(sagemaker_client, OP)(HyperParameterTuningJobName=TUNING)
    assert "FutureTopLevelMember" not in page


def test_parsed_responses_validate_against_the_output_shape(sagemaker_client: Any) -> None:
    operation = sagemaker_client.meta.service_model.operation_model(
        "ListTrainingJobsForHyperParameterTuningJob")
    for tuning in (TUNING, fake.MULTI_DEFINITION_TUNING_JOB):
        result = full_listing(sagemaker_client, HyperParameterTuningJobName=tuning)
        report = ParamValidator().validate(result, operation.output_shape)
        assert not report.has_errors(), report.generate_report()


def test_canned_responses_same_token_twice(sagemaker_server: FakeSageMakerServer,
                                           sagemaker_client: Any) -> None:
    page = {"TrainingJobSummaries": [fake.make_summary(TUNING, 0)], "NextToken": "same"}
    sagemaker_server.queue_response(200, page)
    sagemaker_server.queue_response(200, page)
    with pytest.raises(PaginationError, match="same next token"):
        full_listing(sagemaker_client)
    assert sagemaker_server.requests == 2
    # The queue is drained: back to normal service.
    assert len(full_listing(sagemaker_client)["TrainingJobSummaries"]) == 25


def test_canned_5xx(aws_env: Any, sagemaker_server: FakeSageMakerServer) -> None:
    # Retries off: botocore's backoff sleeps up to a second per retry.
    client = make_botocore_client(sagemaker_server.endpoint_url,
                                  config=Config(retries={"mode": "standard", "total_max_attempts": 1}))
    sagemaker_server.queue_response(503, b"", {"Content-Type": "text/plain"})
    with pytest.raises(ClientError) as info:
        getattr(client, OP)(HyperParameterTuningJobName=TUNING)
    assert info.value.response["Error"] == {"Code": "503", "Message": "Service Unavailable"}
    assert sagemaker_server.requests == 1
    client.close()


def test_plain_session_client_in_sealed_env(aws_env: Any, sagemaker_server: FakeSageMakerServer) -> None:
    """Exactly the brief's recipe: a fresh stock session, credentials from the marker env."""
    session = botocore.session.get_session()
    creds = session.get_credentials()
    assert creds is not None and creds.access_key == MARKER_ACCESS_KEY and creds.method == "env"
    assert session.get_config_variable("region") == "us-east-1"
    assert not any(session.full_config.values())  # no profiles, services, sso sessions
    client = session.create_client("sagemaker", endpoint_url=sagemaker_server.endpoint_url,
                                   region_name="us-east-1", aws_access_key_id=MARKER_ACCESS_KEY,
                                   aws_secret_access_key=MARKER_SECRET_KEY)
    pages = list(client.get_paginator(OP).paginate(HyperParameterTuningJobName=TUNING,
                                                   PaginationConfig={"PageSize": 20}))
    assert [len(p["TrainingJobSummaries"]) for p in pages] == [20, 5]
    client.close()


def test_aws_env_seals_the_environment(aws_env: Any) -> None:
    assert os.environ["AWS_ACCESS_KEY_ID"] == MARKER_ACCESS_KEY
    assert os.environ["AWS_SECRET_ACCESS_KEY"] == MARKER_SECRET_KEY
    assert os.environ["AWS_DEFAULT_REGION"] == "us-east-1"
    for name in ("AWS_PROFILE", "AWS_DATA_PATH", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_CA_BUNDLE",
                 "HTTPS_PROXY", "HTTP_PROXY"):
        assert name not in os.environ
    assert Path(os.environ["AWS_CONFIG_FILE"]).read_text() == ""
    assert Path(os.environ["AWS_SHARED_CREDENTIALS_FILE"]).read_text() == ""
    assert Path(os.environ["HOME"]) == aws_env.home
    assert os.path.expanduser("~/.aws/models").startswith(str(aws_env.home))


def test_concurrent_clients(sagemaker_server: FakeSageMakerServer) -> None:
    body = json.dumps({"HyperParameterTuningJobName": TUNING, "MaxResults": 100})

    def fetch(_: int) -> list[str]:
        return names(raw_post(sagemaker_server, body)[2]["TrainingJobSummaries"])

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(fetch, range(32)))
    assert all(r == expected(sagemaker_server) for r in results)
    assert sagemaker_server.requests == 32


def test_lifecycle_and_keep_alive() -> None:
    server = FakeSageMakerServer(make_dataset(n_jobs=3, extra_tuning_jobs=False))
    with pytest.raises(RuntimeError):
        server.endpoint_url
    with server:
        assert server.running and server.endpoint_url.startswith("http://127.0.0.1:")
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        for _ in range(3):  # one connection, several requests
            conn.request("POST", "/", body=json.dumps({"HyperParameterTuningJobName": TUNING}),
                         headers={"X-Amz-Target": fake.TARGET, "Content-Type": fake.JSON_CONTENT_TYPE})
            resp = conn.getresponse()
            assert resp.status == 200 and len(json.loads(resp.read())["TrainingJobSummaries"]) == 3
        port = server.port
        # The connection is still open (idle) when the server stops: stop must not hang.
    assert not server.running
    conn.close()
    with pytest.raises(OSError):
        http.client.HTTPConnection("127.0.0.1", port, timeout=2).connect()
    assert server.requests == 3
    server.reset()
    assert server.requests == 0 and server.last_request is None
    server.stop()  # idempotent
