"""Every waiter of several services, typed, decides as botocore's own waiter does.

For each waiter, each response its acceptors can tell apart is stubbed for both sides: a
response with each plain path acceptor's value put at its path, one without any, and each
error code an acceptor names. botocore's waiter on botocore's Stubber and the typed waiter on
the typed Stubber then wait one attempt; their outcomes (success, or failure and reason) must
be equal, and the typed side returns (or carries) the response typed.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any, Iterator

import botocore.exceptions
import botocore.stub
import pytest

from codegen.ir.nodes import Service, Waiter
from tests.helpers import demo_model, generate, imported, sync_installed, write_spec
from tests.smoke import Synthesizer

SERVICES = [  # each with a waiter it holds
    ("dynamodb", ("DescribeTable",)),  # TableExists (retry on an error), TableNotExists (succeeds on one)
    ("sagemaker", ("DescribeNotebookInstance", "DescribeImage")),
    ("ec2", ("DescribeVolumes",)),  # pathAll over a list, error codes with dots
    ("s3", ("HeadBucket",)),  # status matchers
]
# A path botocore's JMESPath reads as members and list projections: ``A.B``, ``A[].B``.
PLAIN_PATH = re.compile(r"[A-Za-z0-9_]+(\[\])?(\.[A-Za-z0-9_]+(\[\])?)*")


def put(data: Any, path: str, value: Any) -> bool:
    """Set ``value`` at ``path`` in botocore's form of a response (every item of a
    projected list); False when the path is not there to set."""
    head, _, rest = path.partition(".")
    name, projected = head.removesuffix("[]"), head.endswith("[]")
    if not isinstance(data, dict):
        return False
    if not rest:
        if projected:
            return False
        data[name] = value
        return True
    if projected:
        items = data.get(name)
        return isinstance(items, list) and bool(items) and all(put(item, rest, value) for item in items)
    data.setdefault(name, {})
    return put(data[name], rest, value)


def responses(operation_model: Any, waiter: Waiter) -> Iterator[tuple[str, Any]]:
    """What to stub for one attempt: ``("response", botocore's form)`` or ``("error", code)``."""
    output = operation_model.output_shape
    base = Synthesizer(full=True, response=True).value(output) if output is not None else {}
    base["ResponseMetadata"] = {"HTTPStatusCode": 200}  # as botocore parses every response
    yield "response", base
    for acceptor in waiter.acceptors:
        if acceptor.matcher in ("path", "pathAll", "pathAny") and PLAIN_PATH.fullmatch(acceptor.argument or ""):
            data = copy.deepcopy(base)
            if put(data, acceptor.argument or "", acceptor.expected):
                yield "response", data
        if acceptor.matcher == "error" and isinstance(acceptor.expected, str):
            yield "error", (acceptor.expected, 400)
        if acceptor.matcher == "status" and acceptor.expected >= 300:  # type: ignore[operator]
            yield "error", (str(acceptor.expected), acceptor.expected)


def botocore_outcome(client: Any, waiter: Waiter, kind: str, data: Any, params: dict[str, Any]) -> tuple[str, str]:
    with botocore.stub.Stubber(client) as stubber:
        method = botocore.xform_name(waiter.operation)
        if kind == "error":
            stubber.add_client_error(method, data[0], "stubbed", http_status_code=data[1])
        else:
            stubber.add_response(method, data)
        try:
            client.get_waiter(botocore.xform_name(waiter.name)).wait(**params, WaiterConfig={"Delay": 0, "MaxAttempts": 1})
        except botocore.exceptions.WaiterError as error:
            return "failure", error.kwargs["reason"]
    return "success", ""


def typed_outcome(module: Any, service: Service, waiter: Waiter, kind: str, data: Any, request: Any) -> tuple[str, str]:
    client = module.Client(region_name="us-east-1")
    operation = service.operation(waiter.operation)
    response_class = getattr(module, service.shape(operation.output).class_name) if operation.output else None
    with module.testing.Stubber(client) as stubber:
        if kind == "error":
            error = module.testing.StubbedError(data[0], "stubbed", http_status=data[1])
            stubber.add_waiter_responses(waiter.python_name, [error])
        else:
            stubber.add_waiter_responses(waiter.python_name, [response_class.from_botocore(data) if response_class else None])
        typed_waiter = client.get_waiter(waiter.python_name)
        try:
            returned = typed_waiter.wait(request, delay=0, max_attempts=1) if request else typed_waiter.wait(delay=0, max_attempts=1)
        except module.WaiterError as error:
            assert isinstance(error, getattr(module, waiter.error_class_name))
            if kind == "response" and response_class is not None:
                assert error.response == response_class.from_botocore(data)
            else:
                assert error.response is None and error.error.response["Error"]["Code"] == data[0]
            return "failure", error.reason
    if kind == "response" and response_class is not None:
        assert returned == response_class.from_botocore(data)
    else:
        assert returned is None
    return "success", ""


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
        module.testing = __import__(f"{package}.testing", fromlist=["Stubber"])
        botocore_client = module.Client(region_name="us-east-1").botocore_client
        for waiter in service.waiters:
            operation = service.operation(waiter.operation)
            operation_model = botocore_client.meta.service_model.operation_model(waiter.operation)
            params = Synthesizer(full=False).value(operation_model.input_shape) if operation.input else {}
            request = getattr(module, service.shape(operation.input).class_name).from_botocore(params) if operation.input else None
            for kind, data in responses(operation_model, waiter):
                theirs = botocore_outcome(botocore_client, waiter, kind, data, params)
                ours = typed_outcome(module, service, waiter, kind, data, request)
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
