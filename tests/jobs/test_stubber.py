"""The typed Stubber is botocore's ``Stubber`` fed typed values: what botocore's accepts and
refuses, it accepts and refuses, on the same calls; what it adds is typed input, methods named
as the typed client names them, page and waiter sequences, and a field-by-field account of a
request that differs from the stubbed one."""

from __future__ import annotations

import datetime
from typing import Iterator

import botocore.exceptions
import botocore.stub
import botocore.waiter
import pytest

import typed_sagemaker_jobs as jobs
from tests.fakes.sagemaker_server import FakeSageMakerServer
from typed_sagemaker_jobs.testing import OutOfOrderCall, RequestMismatch, StubbedError, Stubber, UnexpectedCall

NOW = datetime.datetime(2026, 1, 5, 9, 30, tzinfo=datetime.timezone.utc)
ARN = "arn:aws:sagemaker:us-east-1:123456789012:training-job/xgb-1"


@pytest.fixture
def client() -> Iterator[jobs.Client]:
    with jobs.Client(region_name="us-east-1") as client:
        yield client


def job(status: str = "Completed", name: str = "xgb-1") -> jobs.DescribeTrainingJobResponse:
    return jobs.DescribeTrainingJobResponse(
        training_job_name=name,
        training_job_arn=ARN,
        model_artifacts=jobs.ModelArtifacts(s3_model_artifacts="s3://models/m.tar.gz"),
        training_job_status=status,
        secondary_status="Completed",
        stopping_condition=jobs.StoppingCondition(),
        creation_time=NOW,
    )


def page(names: list[str], token: str | None) -> jobs.ListTrainingJobsForHyperParameterTuningJobResponse:
    return jobs.ListTrainingJobsForHyperParameterTuningJobResponse(
        training_job_summaries=[
            jobs.HyperParameterTrainingJobSummary(
                training_job_name=name, training_job_arn=ARN, creation_time=NOW,
                training_job_status="Completed", tuned_hyper_parameters={},
            )
            for name in names
        ],
        next_token=token,
    )


def test_a_stubbed_response_comes_back_as_the_same_typed_value(client: jobs.Client) -> None:
    with Stubber(client) as stubber:
        stubber.add_response("describe_training_job", job())
        assert client.describe_training_job(training_job_name="anything") == job()


def test_the_request_object_and_its_fields_expect_the_same_call(client: jobs.Client) -> None:
    with Stubber(client) as stubber:
        stubber.add_response("describe_training_job", job(), jobs.DescribeTrainingJobRequest(training_job_name="a"))
        stubber.add_response("describe_training_job", job(), training_job_name="a")
        client.describe_training_job(training_job_name="a")
        client.describe_training_job(jobs.DescribeTrainingJobRequest(training_job_name="a"))
        stubber.assert_no_pending_responses()
        with pytest.raises(TypeError, match="not both"):
            stubber.add_response(
                "describe_training_job", job(), jobs.DescribeTrainingJobRequest(training_job_name="a"), training_job_name="a"  # type: ignore[call-overload]
            )


def test_botocore_checks_the_response_against_the_model_as_it_does_for_its_own_stubber(client: jobs.Client) -> None:
    """A name shorter than the model's ``min`` is refused when it is queued, with botocore's
    own message."""
    bad = job(name="")
    with pytest.raises(botocore.exceptions.ParamValidationError) as ours:
        Stubber(client).add_response("describe_training_job", bad)
    with pytest.raises(botocore.exceptions.ParamValidationError) as theirs:
        botocore.stub.Stubber(client.botocore_client).add_response("describe_training_job", bad.to_botocore())
    assert str(ours.value) == str(theirs.value)
    assert "TrainingJobName" in str(ours.value)


def test_a_response_of_another_operation_is_refused(client: jobs.Client) -> None:
    with pytest.raises(TypeError, match="describe_training_job returns DescribeTrainingJobResponse, not CreateTrainingJobResponse"):
        Stubber(client).add_response("describe_training_job", jobs.CreateTrainingJobResponse(training_job_arn=ARN))  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="no method 'describe_job'"):
        Stubber(client).add_response("describe_job", job())  # type: ignore[call-overload]


def test_a_differing_request_fails_where_botocore_s_stubber_fails_and_says_how(client: jobs.Client) -> None:
    expected = jobs.ListTrainingJobsForHyperParameterTuningJobRequest(
        hyper_parameter_tuning_job_name="tuning", status_equals="Completed", max_results=3
    )
    call = dict(hyper_parameter_tuning_job_name="tuning", sort_by="Name", max_results=4)
    with botocore.stub.Stubber(client.botocore_client) as theirs:
        theirs.add_response("list_training_jobs_for_hyper_parameter_tuning_job", page([], None).to_botocore(), expected.to_botocore())
        with pytest.raises(botocore.exceptions.StubAssertionError) as botocore_says:
            client.list_training_jobs_for_hyper_parameter_tuning_job(**call)  # type: ignore[arg-type]
    with Stubber(client) as stubber:
        stubber.add_response("list_training_jobs_for_hyper_parameter_tuning_job", page([], None), expected)
        with pytest.raises(RequestMismatch) as we_say:
            client.list_training_jobs_for_hyper_parameter_tuning_job(**call)  # type: ignore[arg-type]
        assert isinstance(we_say.value, botocore.exceptions.StubAssertionError)
        assert str(we_say.value) == (
            "list_training_jobs_for_hyper_parameter_tuning_job was called with a "
            "ListTrainingJobsForHyperParameterTuningJobRequest that differs from the stubbed one:\n"
            "  max_results: expected 3, got 4\n"
            "  status_equals: expected 'Completed', not given\n"
            "  sort_by: given 'Name', not expected"
        )
        # The response stays queued, as in botocore's: the right call still gets it.
        client.list_training_jobs_for_hyper_parameter_tuning_job(expected)
        stubber.assert_no_pending_responses()
    assert "Expected parameters" in str(botocore_says.value)  # botocore's whole dicts


def test_botocore_s_any_matches_any_value(client: jobs.Client) -> None:
    with Stubber(client) as stubber:
        stubber.add_response("describe_training_job", job(), training_job_name=botocore.stub.ANY)
        client.describe_training_job(training_job_name="whatever")


def test_nested_differences_are_named_by_their_python_path(client: jobs.Client) -> None:
    def request(uri: str, tags: list[jobs.Tag]) -> jobs.CreateTrainingJobRequest:
        channel = jobs.Channel(
            channel_name="train",
            data_source=jobs.DataSource(s3_data_source=jobs.S3DataSource(s3_data_type="S3Prefix", s3_uri=uri)),
        )
        return jobs.CreateTrainingJobRequest(
            training_job_name="xgb-1", role_arn="arn:aws:iam::123456789012:role/r",
            output_data_config=jobs.OutputDataConfig(s3_output_path="s3://out/"),
            input_data_config=[channel], tags=tags, hyper_parameters={"eta": "0.1", "depth": "3"},
        )

    stubbed = request("s3://a/", [jobs.Tag(key="team", value="ml")])
    sent = jobs.CreateTrainingJobRequest(**{
        **{f: getattr(stubbed, f) for f in ("training_job_name", "role_arn", "output_data_config")},
        "input_data_config": request("s3://b/", []).input_data_config,
        "tags": [jobs.Tag(key="team", value="ml"), jobs.Tag(key="cost", value="1")],
        "hyper_parameters": {"eta": "0.2"},
    })
    with Stubber(client) as stubber:
        stubber.add_response("create_training_job", jobs.CreateTrainingJobResponse(training_job_arn=ARN), stubbed)
        with pytest.raises(RequestMismatch) as mismatch:
            client.create_training_job(sent)
    assert mismatch.value.differences == [
        "hyper_parameters['eta']: expected '0.1', got '0.2'",
        "hyper_parameters['depth']: expected '3', not given",
        "input_data_config[0].data_source.s3_data_source.s3_uri: expected 's3://a/', got 's3://b/'",
        "tags[1]: given {'Key': 'cost', 'Value': '1'}, not expected",
    ]


def test_calls_out_of_order_or_beyond_the_queue_name_the_typed_methods(client: jobs.Client) -> None:
    with Stubber(client) as stubber:
        stubber.add_response("describe_training_job", job())
        with pytest.raises(OutOfOrderCall, match="^describe_endpoint was called, but the next stubbed response is for describe_training_job$"):
            client.describe_endpoint(endpoint_name="ep")
        with pytest.raises(AssertionError, match="^1 stubbed response not used: describe_training_job$"):
            stubber.assert_no_pending_responses()
        client.describe_training_job(training_job_name="xgb-1")
        with pytest.raises(UnexpectedCall, match="^describe_training_job was called, but no stubbed response is left$"):
            client.describe_training_job(training_job_name="xgb-1")
    assert issubclass(UnexpectedCall, botocore.exceptions.UnStubbedResponseError)
    assert issubclass(OutOfOrderCall, botocore.exceptions.StubResponseError)


def test_a_modeled_error_is_raised_as_the_package_s_class_as_botocore_s_stubber_makes_it(client: jobs.Client) -> None:
    with botocore.stub.Stubber(client.botocore_client) as theirs:
        theirs.add_client_error("describe_training_job", "ResourceNotFound", "gone", http_status_code=400)
        with pytest.raises(jobs.ResourceNotFound) as botocore_made:
            client.describe_training_job(training_job_name="gone")
    with Stubber(client) as stubber:
        stubber.add_error("describe_training_job", jobs.ResourceNotFound, "gone")
        with pytest.raises(jobs.ResourceNotFound) as we_made:
            client.describe_training_job(training_job_name="gone")
        stubber.add_error("describe_training_job", "ResourceNotFound", "gone")
        with pytest.raises(jobs.ResourceNotFound):
            client.describe_training_job(training_job_name="gone")
        stubber.add_error("describe_training_job", we_made.value)  # replayed: code, message and status
        with pytest.raises(jobs.ResourceNotFound) as replayed:
            client.describe_training_job(training_job_name="gone")
        stubber.add_error("describe_training_job", "ThrottlingException", "slow down", http_status=429)
        with pytest.raises(botocore.exceptions.ClientError) as throttled:
            client.describe_training_job(training_job_name="gone")
    assert we_made.value.response == botocore_made.value.response == replayed.value.response
    assert we_made.value.message == "gone"
    assert throttled.value.response["ResponseMetadata"]["HTTPStatusCode"] == 429
    with pytest.raises(TypeError, match="not one of the package's modeled errors"):
        stubber.add_error("describe_training_job", botocore.exceptions.ClientError, "x")  # type: ignore[arg-type]


def test_pages_are_queued_with_the_token_botocore_s_paginator_sends(client: jobs.Client) -> None:
    request = jobs.ListTrainingJobsForHyperParameterTuningJobRequest(hyper_parameter_tuning_job_name="t", max_results=2)
    pages = [page(["a", "b"], "token-2"), page(["c", "d"], "token-3"), page(["e"], None)]
    with Stubber(client) as stubber:
        stubber.add_pages("list_training_jobs_for_hyper_parameter_tuning_job", pages, expected=request)
        paginator = client.get_paginator("list_training_jobs_for_hyper_parameter_tuning_job")
        listed = paginator.paginate(hyper_parameter_tuning_job_name="t", page_size=2)
        assert list(listed) == pages
        stubber.assert_no_pending_responses()
        stubber.add_pages("list_training_jobs_for_hyper_parameter_tuning_job", pages, expected=request)
        # A paginator that stops early leaves the rest queued; one that sends another token fails.
        assert [s.training_job_name for s in paginator.paginate(hyper_parameter_tuning_job_name="t", page_size=2, max_items=2).items()] == ["a", "b"]
        with pytest.raises(RequestMismatch, match="next_token: expected 'token-2', got 'elsewhere'"):
            list(paginator.paginate(hyper_parameter_tuning_job_name="t", page_size=2, starting_token="elsewhere"))
    with pytest.raises(TypeError, match="describe_training_job has no paginator"):
        Stubber(client).add_pages("describe_training_job", [])  # type: ignore[arg-type]


def test_a_waiter_sequence_runs_botocore_s_waiter_to_the_end(client: jobs.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    sleeps: list[float] = []
    monkeypatch.setattr(botocore.waiter.time, "sleep", sleeps.append)
    with Stubber(client) as stubber:
        stubber.add_waiter_responses(
            "training_job_completed_or_stopped",
            [job("InProgress"), StubbedError("ThrottlingException", "slow down"), job("Completed")],
            expected=jobs.DescribeTrainingJobRequest(training_job_name="xgb-1"),
        )
        with pytest.raises(jobs.TrainingJobCompletedOrStoppedWaiterError) as failed:
            client.get_waiter("training_job_completed_or_stopped").wait(training_job_name="xgb-1")
        assert failed.value.reason == "An error occurred (ThrottlingException): slow down"
        assert failed.value.attempts == 2 and failed.value.response is None
        assert sleeps == [120]  # the model's delay
        client.describe_training_job(training_job_name="xgb-1")  # the third, unused by the waiter
        stubber.add_waiter_responses("training_job_completed_or_stopped", [job("InProgress")] * 180)
        with pytest.raises(jobs.TrainingJobCompletedOrStoppedWaiterError, match="Max attempts exceeded"):
            client.get_waiter("training_job_completed_or_stopped").wait(training_job_name="xgb-1", delay=0)
        stubber.assert_no_pending_responses()  # the model's 180 attempts, every one made
        stubber.add_waiter_responses("endpoint_deleted", [StubbedError("ValidationException", "Could not find endpoint")])
        assert client.get_waiter("endpoint_deleted").wait(endpoint_name="ep") is None
    with pytest.raises(ValueError, match="no waiter 'table_exists'"):
        Stubber(client).add_waiter_responses("table_exists", [])  # type: ignore[call-overload]


def test_inside_the_with_block_nothing_is_sent_and_after_it_calls_go_out_again() -> None:
    with FakeSageMakerServer() as server:
        client = jobs.Client(endpoint_url=server.endpoint_url, region_name="us-east-1")
        with Stubber(client) as stubber:
            stubber.add_response("describe_training_job", job("InProgress"))
            assert client.describe_training_job(training_job_name="xgb-1").training_job_status == "InProgress"
        assert server.requests == 0
        server.queue_response(200, job("Stopped").to_botocore() | {"CreationTime": 1767605400})
        assert client.describe_training_job(training_job_name="xgb-1").training_job_status == "Stopped"
        assert server.requests == 1


def test_request_fields_named_like_the_stubber_s_own_parameters(tmp_path, aws_env) -> None:  # type: ignore[no-untyped-def]
    """A request with fields ``method``, ``response`` and ``expected``: the typed signatures
    still compile (found by the hostile-model fuzz test), and each field reaches the request."""
    from tests.helpers import demo_model, generate, imported, write_spec

    shapes = {
        "Str": {"type": "string"},
        "Input": {"type": "structure", "members": {n: {"shape": "Str"} for n in ("Method", "Response", "Expected")}},
        "Output": {"type": "structure", "members": {"Method": {"shape": "Str"}}},
    }
    spec = write_spec(tmp_path / "specs", demo_model(shapes))
    generate(spec, tmp_path / "out", "demo_sdk")
    with imported(tmp_path / "out", "demo_sdk") as demo:
        import importlib

        testing = importlib.import_module("demo_sdk.testing")
        with demo.Client(region_name="us-east-1") as client, testing.Stubber(client) as stubber:
            stubber.add_response("do_it", demo.Output(method="m"), method="a", response="b", expected="c")
            answer = client.do_it(method="a", response="b", expected="c")
        assert answer.method == "m"
