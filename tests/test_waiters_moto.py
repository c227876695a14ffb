"""DynamoDB's TableExists and TableNotExists, typed, against moto_server, beside boto3's waiters
on the same emulator: the same outcome and reason; the typed one returns the table typed.

Opt-in with the moto harness (``python -m pytest -m moto tests/test_waiters_moto.py``): it
starts ``moto_server`` on 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

pytest.importorskip("boto3")
pytest.importorskip("moto.server")
pytest.importorskip("flask")  # moto's server extra

import boto3  # noqa: E402
import botocore.exceptions  # noqa: E402

from tests.helpers import generate, imported, sync_installed  # noqa: E402
from tests.moto.server import MotoServer, moto_server  # noqa: E402,F401  (the fixture)

pytestmark = pytest.mark.moto
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}


@pytest.fixture(scope="module")
def typed_dynamodb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp("typed-dynamodb")
    spec_dir = sync_installed(root / "specs", "dynamodb", "CreateTable", "DeleteTable", "DescribeTable")
    generate(spec_dir, root / "out", "typed_dynamodb_waiters")
    with imported(root / "out", "typed_dynamodb_waiters") as module:
        yield module


@pytest.fixture
def clients(moto_server: MotoServer, typed_dynamodb: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    moto_server.reset()
    theirs = boto3.session.Session(**CREDENTIALS).client("dynamodb", endpoint_url=moto_server.url)
    ours = typed_dynamodb.Client(endpoint_url=moto_server.url, **CREDENTIALS)
    return theirs, ours


def create(boto3_client: Any, name: str) -> None:
    boto3_client.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )


def outcome(wait: Any) -> tuple[str, Any]:
    try:
        return "returned", wait()
    except botocore.exceptions.WaiterError as error:
        return "failed", error


def test_table_exists_returns_the_table_typed(clients: Any, typed_dynamodb: Any) -> None:
    theirs, ours = clients
    create(theirs, "jobs")
    assert outcome(lambda: theirs.get_waiter("table_exists").wait(TableName="jobs", WaiterConfig={"Delay": 0})) == (
        "returned", None
    )
    kind, table = outcome(lambda: ours.get_waiter("table_exists").wait(table_name="jobs", delay=0))
    assert kind == "returned"
    assert isinstance(table, typed_dynamodb.DescribeTableOutput)
    assert table.table.table_status == typed_dynamodb.TableStatus.ACTIVE
    described = typed_dynamodb.DescribeTableOutput.from_botocore(theirs.describe_table(TableName="jobs"))
    assert table.table.table_name == described.table.table_name == "jobs"
    assert table.table.key_schema == described.table.key_schema


def test_a_missing_table_times_out_the_same_way(clients: Any, typed_dynamodb: Any) -> None:
    theirs, ours = clients
    config = {"Delay": 0, "MaxAttempts": 2}
    _, botocore_error = outcome(lambda: theirs.get_waiter("table_exists").wait(TableName="none", WaiterConfig=config))
    _, typed_error = outcome(
        lambda: ours.get_waiter("table_exists").wait(table_name="none", delay=0, max_attempts=2)
    )
    assert isinstance(typed_error, typed_dynamodb.TableExistsWaiterError)
    assert typed_error.reason == botocore_error.kwargs["reason"] == (
        "Max attempts exceeded. Previously accepted state: Matched expected service error code: "
        "ResourceNotFoundException"
    )
    assert isinstance(typed_error.error, typed_dynamodb.ResourceNotFoundException)
    assert typed_error.response is None and typed_error.attempts == 2


def test_table_not_exists_succeeds_on_the_error_and_returns_none(clients: Any) -> None:
    theirs, ours = clients
    create(theirs, "gone")
    theirs.delete_table(TableName="gone")
    assert outcome(lambda: ours.get_waiter("table_not_exists").wait(table_name="gone", delay=0)) == ("returned", None)
    assert outcome(
        lambda: theirs.get_waiter("table_not_exists").wait(TableName="gone", WaiterConfig={"Delay": 0})
    ) == ("returned", None)
