"""The generated runtime's promises, on a small service driven through botocore's own Stubber:
unions hold exactly one member and keep unknown ones, enums survive new values, nothing the
wire carried is lost (``extra``, ``response_metadata``), a response missing required members is
corrected (or refused when strict), inputs are taken as users pass them, and modeled errors
are raised as the package's classes with their members typed, whatever code field names them.
"""

from __future__ import annotations

import datetime
import types
from pathlib import Path
from typing import Any, Iterator

import botocore.exceptions
import pytest
from botocore.stub import Stubber

from tests.helpers import demo_model, generate, imported, write_spec

SHAPES: dict[str, Any] = {
    "Input": {"type": "structure", "members": {
        "Choice": {"shape": "Choice"}, "Tags": {"shape": "TagList"}, "Labels": {"shape": "LabelMap"},
        "Mode": {"shape": "Mode"}, "When": {"shape": "Stamp"}}},
    "Output": {"type": "structure", "required": ["Name", "Count", "Inner", "Stamps"], "members": {
        "Name": {"shape": "Str"}, "Count": {"shape": "Int"}, "Mode": {"shape": "Mode"},
        "Inner": {"shape": "Inner"}, "Choice": {"shape": "Choice"}, "Stamps": {"shape": "StampList"}}},
    "Inner": {"type": "structure", "required": ["Flag"], "members": {"Flag": {"shape": "Bool"}}},
    "Choice": {"type": "structure", "union": True, "members": {"A": {"shape": "Str"}, "B": {"shape": "Int"}}},
    "Tag": {"type": "structure", "members": {"Key": {"shape": "Str"}}},
    "TagList": {"type": "list", "member": {"shape": "Tag"}},
    "StampList": {"type": "list", "member": {"shape": "Stamp"}},
    "LabelMap": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Str"}},
    "Mode": {"type": "string", "enum": ["Fast", "Slow"]},
    "Stamp": {"type": "timestamp"},
    "Str": {"type": "string"},
    "Int": {"type": "integer"},
    "Bool": {"type": "boolean"},
    "Conflict": {"type": "structure", "exception": True, "error": {"code": "ConflictCode", "httpStatusCode": 409},
                 "members": {"Reason": {"shape": "Str"}, "Message": {"shape": "Str"},
                             "Conflicting": {"shape": "TagList"}}},
}
COMPLETE = {"Name": "n", "Count": 2, "Inner": {"Flag": True}, "Stamps": []}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[types.ModuleType]:
    root = tmp_path_factory.mktemp("runtime")
    model = demo_model(SHAPES)
    model["operations"]["DoIt"]["errors"] = [{"shape": "Conflict"}]
    generate(write_spec(root / "specs", model), root / "out", "demo_runtime")
    with imported(root / "out", "demo_runtime") as module:
        yield module


@pytest.fixture
def client(demo: types.ModuleType, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "x")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "y")
    return demo.Client(region_name="us-east-1", endpoint_url="http://127.0.0.1:9")


def answer(client: Any, response: dict[str, Any], expected: dict[str, Any] | None = None, **call: Any) -> Any:
    """Call with botocore's Stubber answering (it checks the response against the model)."""
    with Stubber(client.botocore_client) as stubber:
        stubber.add_response("do_it", response, expected)
        return client.do_it(**call)


def canned(client: Any, parsed: dict[str, Any], **call: Any) -> Any:
    """Call with botocore answering ``parsed`` as its parser would have given it, without the
    Stubber's check (which refuses what a service may still send: unknown or missing
    members)."""
    from botocore.awsrequest import AWSResponse

    def respond(**kwargs: Any) -> tuple[AWSResponse, dict[str, Any]]:
        return AWSResponse("http://127.0.0.1:9", 200, {}, None), {
            **parsed, "ResponseMetadata": {"RequestId": "req-1", "HTTPStatusCode": 200, "HTTPHeaders": {},
                                           "RetryAttempts": 0}}

    events = client.botocore_client.meta.events
    events.register_first("before-call.*.DoIt", respond, unique_id="canned")
    try:
        return client.do_it(**call)
    finally:
        events.unregister("before-call.*.DoIt", unique_id="canned")


# --- unions -------------------------------------------------------------------------------


def test_a_union_takes_exactly_one_member(demo: types.ModuleType) -> None:
    assert demo.Choice(a="x").a == "x"
    with pytest.raises(ValueError, match="Choice is a union: set exactly one member, not 0"):
        demo.Choice()
    with pytest.raises(ValueError, match=r"not 2 \(a, b\)"):
        demo.Choice(a="x", b=1)


def test_a_union_member_the_model_does_not_know_is_kept(demo: types.ModuleType, client: Any) -> None:
    response = canned(client, {**COMPLETE, "Choice": {"SDK_UNKNOWN_MEMBER": {"name": "C"}}})
    assert response.choice.unknown_member.name == "C" and response.choice.a is None
    assert response.to_botocore()["Choice"] == {"SDK_UNKNOWN_MEMBER": {"name": "C"}}


# --- enums ---------------------------------------------------------------------------------


def test_a_value_the_model_does_not_know_is_an_unknown_member(demo: types.ModuleType, client: Any) -> None:
    response = canned(client, {**COMPLETE, "Mode": "Medium"})
    mode = response.mode
    assert isinstance(mode, demo.Mode) and mode.is_unknown and not demo.Mode.FAST.is_unknown
    assert mode == "Medium" and mode.value == "Medium" and str(mode) == "Medium" and f"{mode}" == "Medium"
    assert mode is demo.Mode("Medium") and repr(mode) == "Mode('Medium')"
    assert list(demo.Mode) == [demo.Mode.FAST, demo.Mode.SLOW]  # not listed among the members
    assert response.to_botocore()["Mode"] == "Medium"


def test_a_newer_value_is_sent_as_given(demo: types.ModuleType, client: Any) -> None:
    answer(client, COMPLETE, {"Mode": "Medium"}, mode=demo.Mode("Medium"))
    answer(client, COMPLETE, {"Mode": "Slow"}, mode="Slow")


# --- nothing lost -----------------------------------------------------------------------------


def test_members_the_model_does_not_know_are_kept_in_extra(client: Any) -> None:
    response = canned(client, {**COMPLETE, "Inner": {"Flag": True, "Depth": 3}, "NewMember": [1]})
    assert response.extra == {"NewMember": [1]} and response.inner.extra == {"Depth": 3}
    assert response.to_botocore() == {**COMPLETE, "Inner": {"Flag": True, "Depth": 3}, "NewMember": [1]}


def test_the_response_metadata_is_kept_outside_equality(demo: types.ModuleType, client: Any) -> None:
    response = canned(client, COMPLETE)
    metadata = response.response_metadata
    assert isinstance(metadata, demo.ResponseMetadata) and metadata.http_status_code == 200
    assert metadata.request_id == "req-1" and metadata.retry_attempts == 0
    assert metadata.corrected == ()
    assert response == demo.Output.from_botocore(COMPLETE)  # the metadata takes no part
    assert "response_metadata" not in repr(response)


# --- client error correction -----------------------------------------------------------------


def test_missing_required_members_get_zero_values_and_are_reported(client: Any) -> None:
    response = canned(client, {"Mode": "Fast"})
    assert (response.name, response.count, response.inner.flag, response.stamps) == ("", 0, False, [])
    assert response.response_metadata.corrected == ("Name", "Count", "Inner", "Inner.Flag", "Stamps")


def test_strict_responses_refuse_them(demo: types.ModuleType, client: Any) -> None:
    strict = demo.Client(
        region_name="us-east-1", endpoint_url="http://127.0.0.1:9", strict_responses=True
    )
    with pytest.raises(demo.ResponseParseError, match=r"Inner\.Flag: required by the model"):
        canned(strict, {"Name": "n", "Count": 1, "Inner": {}, "Stamps": []})


# --- inputs as users pass them -------------------------------------------------------------------


def test_sequences_mappings_and_iso_timestamps_are_sent_as_botocore_wants(demo: types.ModuleType, client: Any) -> None:
    when = "2024-01-02T03:04:05Z"
    expected = {"Tags": [{"Key": "a"}], "Labels": {"k": "v"}, "When": when}
    answer(client, COMPLETE, expected, tags=(demo.Tag(key="a"),), labels=types.MappingProxyType({"k": "v"}), when=when)
    naive = datetime.datetime(2024, 1, 2, 3, 4, 5)
    answer(client, COMPLETE, {"When": naive}, when=naive)


def test_a_dict_where_a_structure_belongs_names_the_field_and_the_class(client: Any) -> None:
    with pytest.raises(TypeError, match=r"Input\.choice: expected a Choice, got dict"):
        client.do_it(choice={"A": "x"})


def test_a_wrong_argument_names_the_method(demo: types.ModuleType, client: Any) -> None:
    with pytest.raises(TypeError, match=r"do_it\(\) got an unexpected keyword argument 'tag'; did you mean 'tags'\?"):
        client.do_it(tag=[])
    with pytest.raises(TypeError, match=r"do_it\(\) takes a Input or its fields as keyword arguments, not dict"):
        client.do_it({"Tags": []})
    with pytest.raises(TypeError, match=r"do_it\(\): pass a Input or keyword arguments, not both"):
        client.do_it(demo.Input(), tags=[])


# --- modeled errors --------------------------------------------------------------------------


def test_a_modeled_error_has_its_members_typed(demo: types.ModuleType, client: Any) -> None:
    with Stubber(client.botocore_client) as stubber:
        stubber.add_client_error(
            "do_it", "ConflictCode", "it conflicts", 409,
            modeled_fields={"Reason": "busy", "Conflicting": [{"Key": "k"}]},
        )
        with pytest.raises(demo.Conflict) as raised:
            client.do_it()
    error = raised.value
    assert isinstance(error, botocore.exceptions.ClientError) and isinstance(error, demo.ServiceError)
    assert (error.message, error.reason) == ("it conflicts", "busy")
    assert error.conflicting == [demo.Tag(key="k")]
    assert client.exceptions.Conflict is demo.Conflict


def test_an_error_named_by_its_query_code_is_the_modeled_class(demo: types.ModuleType, client: Any) -> None:
    with Stubber(client.botocore_client) as stubber:
        stubber.add_client_error(
            "do_it", "AWS.Demo.SomethingConflicts", "", 409, service_error_meta={"QueryErrorCode": "ConflictCode"}
        )
        with pytest.raises(demo.Conflict):
            client.do_it()


def test_an_error_the_model_does_not_list_stays_a_client_error(demo: types.ModuleType, client: Any) -> None:
    with Stubber(client.botocore_client) as stubber:
        stubber.add_client_error("do_it", "Throttling", "slow down", 400)
        with pytest.raises(botocore.exceptions.ClientError) as raised:
            client.do_it()
    assert not isinstance(raised.value, demo.ServiceError)


# --- event streams ---------------------------------------------------------------------------


class _Message:
    def __init__(self, event_type: str) -> None:
        self.headers = {":event-type": event_type}


class _FakeBotocoreStream:
    """What the runtime reads of botocore's EventStream: raw messages and their parser."""

    def __init__(self, events: list[str]) -> None:
        self._event_generator = iter(_Message(e) for e in events)
        self.closed = False

    def _parse_event(self, message: _Message) -> dict[str, Any]:
        kind = message.headers[":event-type"]
        if kind == "Conflict":
            raise botocore.exceptions.EventStreamError(
                {"Error": {"Code": "ConflictCode", "Message": "in the stream"}}, "DoIt")
        return {} if kind == "Unknown" else {kind: "x" if kind == "A" else 7}

    def close(self) -> None:
        self.closed = True


def test_an_event_stream_is_typed_keeps_unknown_events_and_raises_modeled_errors(demo: types.ModuleType) -> None:
    from demo_runtime._runtime.streams import EventStream

    raw = _FakeBotocoreStream(["A", "B", "Unknown"])
    with EventStream(raw, demo.Choice.from_botocore, "demo_runtime") as events:
        received = list(events)
    assert received[0] == demo.Choice(a="x") and received[1] == demo.Choice(b=7)
    assert received[2].unknown_member.name == "Unknown"
    assert raw.closed
    with pytest.raises(demo.Conflict, match="in the stream"):
        list(EventStream(_FakeBotocoreStream(["A", "Conflict"]), demo.Choice.from_botocore, "demo_runtime"))


def test_signatures_show_the_real_parameters(demo: types.ModuleType) -> None:
    import inspect

    signature = inspect.signature(demo.Client.do_it)
    assert list(signature.parameters)[:2] == ["self", "request"]
    assert {"choice", "tags", "labels", "mode", "when"} <= set(signature.parameters)
    assert signature.parameters["tags"].kind is inspect.Parameter.KEYWORD_ONLY
    assert signature.parameters["tags"].default is None
