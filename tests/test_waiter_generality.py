"""Every waiter of several services, typed, decides as botocore's own waiter does.

For each waiter, each response its acceptors can tell apart is stubbed for both sides
(``tests.smoke.waiter_cases``: a response with each plain path acceptor's value put at its
path, one without any, each error code and error status an acceptor names). botocore's waiter
on botocore's Stubber and the typed waiter on the typed Stubber then wait one attempt; their
outcomes (success, or failure and reason) must be equal, and the typed side returns (or
carries) the response typed. The slow job (``-m slow``, ``-m catalog``) does the same for
every waiter of whole services.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import demo_model, generate, imported, sync_installed, write_spec
from tests.smoke import Synthesizer, Typed, botocore_waiter_outcome, typed_waiter_outcome, waiter_cases

SERVICES = [  # each with a waiter it holds
    ("dynamodb", ("DescribeTable",)),  # TableExists (retry on an error), TableNotExists (succeeds on one)
    ("sagemaker", ("DescribeNotebookInstance", "DescribeImage")),
    ("ec2", ("DescribeVolumes",)),  # pathAll over a list, error codes with dots
    ("s3", ("HeadBucket",)),  # status matchers
]


@pytest.mark.parametrize(("service_name", "operations"), SERVICES, ids=[s for s, _ in SERVICES])
def test_every_waiter_decides_as_botocore_s_waiter(
    tmp_path: Path, service_name: str, operations: tuple[str, ...], aws_env: Any
) -> None:
    spec_dir = sync_installed(tmp_path / "specs", service_name, *operations)
    package = f"waiting_{service_name}"
    service = generate(spec_dir, tmp_path / "out", package)
    assert service.waiters
    compared = 0
    with imported(tmp_path / "out", package) as module:
        testing = importlib.import_module(f"{package}.testing")
        client = module.Client(region_name="us-east-1")
        typed = Typed(service, module)
        for waiter in service.waiters:
            operation = service.operation(waiter.operation)
            op_model = client.botocore_client.meta.service_model.operation_model(waiter.operation)
            params = Synthesizer(False).value(op_model.input_shape) if operation.input else {}
            request = typed(operation.input, params) if operation.input else None
            for kind, data in waiter_cases(op_model, waiter):
                theirs = botocore_waiter_outcome(client.botocore_client, waiter, kind, data, params)
                ours = typed_waiter_outcome(module, testing, client, typed, waiter, operation, kind, data, request)
                assert ours == theirs, (waiter.name, kind, data)
                compared += 1
    assert compared > len(service.waiters)


# --- a waiter of each kind, on a model made for it ------------------------------------------

WAITERS = {
    "version": 2,
    "waiters": {
        "Either": {  # succeeds on a response or on an error: wait() -> Output | None
            "operation": "DoIt", "delay": 1, "maxAttempts": 2,
            "acceptors": [
                {"state": "success", "matcher": "path", "argument": "State", "expected": "DONE"},
                {"state": "success", "matcher": "error", "expected": "Gone"},
            ],
        },
        "Pinged": {  # an operation without input or output
            "operation": "Ping", "delay": 1, "maxAttempts": 2,
            "acceptors": [{"state": "success", "matcher": "error", "expected": False}],
        },
    },
}


def kinds_model() -> dict[str, Any]:
    model = demo_model({
        "Input": {"type": "structure", "members": {"Delay": {"shape": "Text"}, "MaxAttempts": {"shape": "Text"}}},
        "Output": {"type": "structure", "members": {"State": {"shape": "Text"}}},
        "Text": {"type": "string"},
    })
    model["operations"]["Ping"] = {"name": "Ping", "http": {"method": "POST", "requestUri": "/"}}
    return model


def test_wait_returns_what_its_success_acceptors_can_end_on(tmp_path: Path, aws_env: Any) -> None:
    spec_dir = write_spec(tmp_path / "specs", kinds_model(), waiters=WAITERS)
    generate(spec_dir, tmp_path / "out", "kinds")
    waiters = (tmp_path / "out" / "kinds" / "waiters.py").read_text()
    assert ") -> Output | None:" in waiters and ") -> None:" in waiters
    # The request's own Delay and MaxAttempts keep their names; wait's options yield.
    assert "delay: str | None = None," in waiters and "delay_: float | None = None," in waiters
    assert "max_attempts_: int | None = None," in waiters
    with imported(tmp_path / "out", "kinds") as module:
        from kinds.testing import StubbedError, Stubber

        client = module.Client(region_name="us-east-1")
        with Stubber(client) as stubber:
            stubber.add_waiter_responses("either", [module.Output(state="DONE")], expected=module.Input(delay="d"))
            assert client.get_waiter("either").wait(delay="d", delay_=0) == module.Output(state="DONE")
            stubber.add_waiter_responses("either", [module.Output(state="BUSY"), StubbedError("Gone")])
            assert client.get_waiter("either").wait(delay_=0) is None
            stubber.add_waiter_responses("pinged", [None])
            assert client.get_waiter("pinged").wait(delay=0) is None
            stubber.assert_no_pending_responses()
