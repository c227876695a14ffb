"""Mistakes the typed waiters and Stubber turn into type errors: ``test_typing.py`` runs
``mypy --strict`` on this file and expects an error on each line marked ``# error: <code>``,
and nowhere else. It is never imported or run."""

from __future__ import annotations

from typed_sagemaker_jobs import (
    Client,
    CreateTrainingJobResponse,
    DescribeEndpointOutput,
    DescribeTrainingJobRequest,
    ResourceInUse,
    ResourceNotFound,
)
from typed_sagemaker_jobs.testing import Stubber


def waiters(client: Client) -> None:
    client.get_waiter("training_job_completed_or_stoped")  # error: call-overload
    waiter = client.get_waiter("training_job_completed_or_stopped")
    waiter.wait(training_job_name=42)  # error: call-overload
    waiter.wait(training_job_name="x", delay="soon")  # error: call-overload
    waiter.wait(endpoint_name="x")  # error: call-overload
    job = waiter.wait(training_job_name="x")
    job.endpoint_status  # error: attr-defined
    deleted: DescribeEndpointOutput = client.get_waiter("endpoint_deleted").wait(endpoint_name="x")  # error: assignment
    in_service: DescribeEndpointOutput = client.get_waiter("endpoint_in_service").wait(endpoint_name="x")
    del job, deleted, in_service


def stubs(client: Client, stubber: Stubber, response: DescribeEndpointOutput) -> None:
    stubber.add_response("describe_training_job", response)  # error: call-overload
    stubber.add_response("describe_endpoint", response, DescribeTrainingJobRequest(training_job_name="x"))  # error: call-overload
    stubber.add_response("describe_endpoint", response, endpoint_name=3)  # error: call-overload
    stubber.add_response("describe_endpont", response)  # error: call-overload
    stubber.add_error("create_training_job", ResourceInUse, "in use")
    stubber.add_error("describe_endpoint", ResourceNotFound)  # error: call-overload
    stubber.add_error("describe_endpoint", 404)  # error: call-overload
    stubber.add_pages("describe_endpoint", [])  # error: arg-type
    stubber.add_waiter_responses("endpoint_in_service", [CreateTrainingJobResponse(training_job_arn="a")])  # error: call-overload
    stubber.add_waiter_responses("endpoint_in_service", [response])
