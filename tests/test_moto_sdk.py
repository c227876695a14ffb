"""The moto differential harness: realistic workloads, written once in botocore's wire form
(``tests/moto/workloads/``), run through boto3 and through the generated typed client of the
whole service against one ``moto_server`` on 127.0.0.1, comparing what each gives.

Opt-in (the ``moto`` marker, left out by the default ``-m``; needs ``moto[server]`` and
``boto3``)::

    python -m pytest tests/test_moto_sdk.py -m moto -s

Each workload is a test; every comparison in it is a case, counted per protocol and service
in a table at the end of the run (``MOTO_REPORT_JSON=path`` writes each case as JSON). The
harness is described in ``tests/moto/steps.py`` and ``tests/moto/runner.py``.
"""

from __future__ import annotations

import datetime
import io
import time
from typing import Any, Iterator

import pytest

pytest.importorskip("boto3")
pytest.importorskip("moto.server")
pytest.importorskip("flask")  # moto's server extra

from botocore.response import StreamingBody  # noqa: E402

from tests.moto import compare, report  # noqa: E402
from tests.moto.runner import Runner  # noqa: E402
from tests.moto.server import MotoServer  # noqa: E402
from tests.moto.steps import Read, Setup, Workload  # noqa: E402
from tests.moto.typed import TypedImports  # noqa: E402
from tests.moto.workloads import WORKLOADS  # noqa: E402

pytestmark = pytest.mark.moto
pytest_plugins = ["tests.moto.plugin"]


@pytest.fixture(scope="module", autouse=True)
def isolated_aws_configuration(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No profile, config or credentials file of the machine's reaches the clients (the fake
    credentials are passed to each client explicitly); undone after the module."""
    missing = tmp_path_factory.mktemp("no-aws-config")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                     "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_CA_BUNDLE", "AWS_DEFAULT_REGION", "AWS_REGION"):
            patch.delenv(name, raising=False)
        patch.setenv("AWS_CONFIG_FILE", str(missing / "config"))
        patch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(missing / "credentials"))
        patch.setenv("AWS_EC2_METADATA_DISABLED", "true")
        yield


@pytest.fixture(scope="module")
def server(moto_server: MotoServer) -> MotoServer:
    report.TIMINGS.setdefault("moto_server start", moto_server.started_in)
    return moto_server


@pytest.mark.parametrize("workload", WORKLOADS, ids=lambda w: w.id)
def test_typed_client_matches_boto3_on_moto(
    workload: Workload, server: MotoServer, typed_service: TypedImports
) -> None:
    typed = typed_service(workload.service)
    report.TIMINGS.setdefault(f"generate typed_{workload.service}", typed.generated.seconds)
    server.reset()
    started = time.monotonic()
    runner = Runner(workload, typed, server.url)
    try:
        cases = runner.run()
    finally:
        runner.close()
    report.time_spent("workloads", time.monotonic() - started)
    failed = [case for case in cases if case.outcome in ("fail", "broken")]
    if failed:
        lines = "\n".join(case.line() for case in failed)
        pytest.fail(f"{len(failed)} of {len(cases)} cases failed:\n{lines}", pytrace=False)


# --- the harness checks itself -------------------------------------------------------------


def test_differences_name_each_place_and_compare_datetimes_as_instants() -> None:
    utc = datetime.datetime(2030, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    plus_one = utc.astimezone(datetime.timezone(datetime.timedelta(hours=1)))
    expected = {"When": utc, "Items": [{"Id": "a", "Size": 1}], "Only": "boto3"}
    actual = {"When": plus_one, "Items": [{"Id": "a", "Size": 1.0}], "Extra": True}
    assert compare.differences(expected, actual) == [
        "Items[0].Size: boto3 1, ours 1.0",
        "Only: boto3 'boto3', ours <missing>",
        "Extra: boto3 <missing>, ours True",
    ]


def test_normalized_drops_metadata_and_nulls_and_reads_streams() -> None:
    body = StreamingBody(io.BytesIO(b"data"), 4)
    response = {"ResponseMetadata": {"RequestId": "x"}, "Body": body, "Gone": None, "Nested": {"Null": None, "A": [1]}}
    assert compare.normalized(response) == {"Body": b"data", "Nested": {"A": [1]}}


def test_without_and_subsets() -> None:
    value = {"Messages": [{"Id": "1", "Handle": "h1"}, {"Id": "2", "Handle": "h2"}], "Count": 2}
    assert compare.without(value, ["Messages[*].Handle", "Count"]) == {"Messages": [{"Id": "1"}, {"Id": "2"}]}
    assert compare.subset_differences({"Messages": [{"Id": "1"}, {"Id": "2"}]}, value) == []
    assert compare.subset_differences({"Count": 3}, value) == ["Count: expected 3, got 2"]


def test_the_harness_notices_a_typed_client_that_loses_a_member(
    server: MotoServer, typed_service: TypedImports, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A negative control: with ``to_botocore`` dropping ``QueueUrl``, the read must fail."""
    typed = typed_service("sqs")
    result_class = typed.output_class("GetQueueUrl")
    assert result_class is not None
    # The runtime's base class that converts every structure, wherever the package keeps it.
    shape_base: Any = next(cls for cls in result_class.__mro__ if "to_botocore" in vars(cls))
    original = shape_base.to_botocore

    def losing(self: object) -> dict[str, object]:
        return {k: v for k, v in original(self).items() if k != "QueueUrl"}

    server.reset()
    workload = Workload("sqs", "control", (Setup("CreateQueue", {"QueueName": "control"}),
                                           Read("GetQueueUrl", {"QueueName": "control"})))
    monkeypatch.setattr(shape_base, "to_botocore", losing)
    runner = Runner(workload, typed, server.url, record=lambda case: case)
    try:
        read, types = runner.run()
    finally:
        runner.close()
    assert (read.kind, read.outcome) == ("read", "fail")
    assert read.detail.startswith("QueueUrl: boto3 'http://"), read.detail
    assert (types.kind, types.outcome) == ("types", "pass")


# --- streaming bodies, as users use them --------------------------------------------------------


def test_uploads_from_bytes_and_files_and_downloads_as_a_typed_stream(
    server: MotoServer, typed_service: TypedImports, tmp_path: Any
) -> None:
    import boto3

    typed = typed_service("s3")
    credentials = {"region_name": "us-east-1", "endpoint_url": server.url,
                   "aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
    ours = typed.client(**credentials)
    theirs = boto3.client("s3", **credentials)
    server.reset()
    ours.create_bucket(bucket="streams")
    payload = bytes(range(256)) * 1000
    (tmp_path / "payload.bin").write_bytes(payload)
    with open(tmp_path / "payload.bin", "rb") as handle:
        ours.put_object(bucket="streams", key="from-file", body=handle)
    ours.put_object(bucket="streams", key="from-bytes", body=payload)
    ours.put_object(bucket="streams", key="from-buffer", body=io.BytesIO(payload))
    for key in ("from-file", "from-bytes", "from-buffer"):
        assert theirs.get_object(Bucket="streams", Key=key)["Body"].read() == payload, key
        response = ours.get_object(bucket="streams", key=key)
        streams = __import__(f"{typed.module.__name__}._runtime.streams", fromlist=["StreamingBody"])
        assert isinstance(response.body, streams.StreamingBody)
        with response.body:  # closes the connection (botocore's __enter__ gives the raw stream)
            chunks = list(response.body.iter_chunks(chunk_size=4096))
        assert b"".join(chunks) == payload and len(chunks) == 63
