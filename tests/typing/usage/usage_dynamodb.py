"""DynamoDB (json) as a user writes it with ``typed_dynamodb``: must pass ``mypy --strict`` and
``pyright`` (standard) with no error, with and without botocore-stubs.

Checked, not run: every call is inside a function. ``tests/test_typing_services.py``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import botocore.exceptions

from typed_dynamodb import (
    AttributeDefinition,
    AttributeValue,
    BackupTypeFilter,
    BillingMode,
    Client,
    ConditionalCheckFailedException,
    GetItemOutput,
    KeySchemaElement,
    KeyType,
    ProvisionedThroughput,
    PutItemInput,
    PutRequest,
    QueryInput,
    ResourceNotFoundException,
    ReturnConsumedCapacity,
    ReturnValue,
    ScalarAttributeType,
    Select,
    Tag,
    WriteRequest,
)


def create_table(client: Client, tags: Sequence[Tag]) -> str | None:
    response = client.create_table(
        table_name="t",
        attribute_definitions=[
            AttributeDefinition(attribute_name="pk", attribute_type=ScalarAttributeType.S),
            AttributeDefinition(attribute_name="sk", attribute_type="N"),
        ],
        key_schema=(
            KeySchemaElement(attribute_name="pk", key_type=KeyType.HASH),
            KeySchemaElement(attribute_name="sk", key_type="RANGE"),
        ),
        billing_mode=BillingMode.PROVISIONED,
        provisioned_throughput=ProvisionedThroughput(read_capacity_units=5, write_capacity_units=5),
        tags=tags,
    )
    description = response.table_description
    if description is None:
        return None
    if description.creation_date_time is not None:
        print(description.creation_date_time.isoformat())
    return description.table_arn


def put_and_get(client: Client, key: Mapping[str, AttributeValue]) -> str | None:
    client.put_item(
        table_name="t",
        item={
            "pk": AttributeValue(s="user#1"),
            "sk": AttributeValue(n="1"),
            "tags": AttributeValue(ss=["a", "b"]),
            "nested": AttributeValue(m={"inner": AttributeValue(bool_=True)}),
            "list": AttributeValue(l=[AttributeValue(n="1"), AttributeValue(null=True)]),
            "blob": AttributeValue(b=b"\x00"),
        },
        condition_expression="attribute_not_exists(pk)",
        return_values=ReturnValue.NONE,
        return_consumed_capacity="TOTAL",
    )
    client.put_item(PutItemInput(table_name="t", item={"pk": AttributeValue(s="user#2")}))
    # Sequences for list members, a Mapping for a map member.
    client.put_item(table_name="t", item={"ns": AttributeValue(ns=("1", "2")), "ss": AttributeValue(ss=("x", "y"))})
    output: GetItemOutput = client.get_item(table_name="t", key=key, consistent_read=True)
    item = output.item
    if item is None:
        return None
    name = item.get("name")
    if name is not None and name.s is not None:
        return name.s.upper()
    return None


def update(client: Client) -> None:
    response = client.update_item(
        table_name="t",
        key={"pk": AttributeValue(s="user#1")},
        update_expression="SET #n = :v",
        expression_attribute_names={"#n": "name"},
        expression_attribute_values={":v": AttributeValue(s="Ada")},
        return_values="ALL_NEW",
    )
    if response.attributes is not None:
        print(sorted(response.attributes))


def batch(client: Client, rows: Sequence[Mapping[str, AttributeValue]]) -> None:
    client.batch_write_item(
        request_items={"t": [WriteRequest(put_request=PutRequest(item=row)) for row in rows]},
        return_consumed_capacity=ReturnConsumedCapacity.INDEXES,
    )


def query(client: Client) -> int:
    count = 0
    pages = client.get_paginator("query").paginate(
        table_name="t",
        key_condition_expression="pk = :pk",
        expression_attribute_values={":pk": AttributeValue(s="user#1")},
        select=Select.ALL_ATTRIBUTES,
        page_size=25,
    )
    for page in pages:
        count += page.count or 0
        if page.last_evaluated_key is not None:
            print(page.last_evaluated_key.keys())
    for row in pages.items():
        value = row["pk"].s
        if value is not None:
            print(value.lower())
    for page in client.paginate_query(QueryInput(table_name="t", key_condition_expression="pk = :pk")):
        print(page.scanned_count)
    for summary in client.get_paginator("scan").paginate(table_name="t", select="COUNT"):
        print(summary.count)
    return count


def backups(client: Client) -> None:
    # Naive and aware datetimes, and an ISO 8601 string (botocore accepts all three).
    client.list_backups(table_name="t", time_range_lower_bound=datetime.datetime(2024, 1, 1))
    client.list_backups(time_range_upper_bound=datetime.datetime.now(datetime.timezone.utc), backup_type=BackupTypeFilter.USER)
    client.list_backups(time_range_lower_bound="2024-01-01T00:00:00Z", backup_type="ALL")
    for backup in client.get_paginator("list_backups").paginate(backup_type="SYSTEM").items():
        if backup.backup_creation_date_time is not None:
            print(backup.backup_name, backup.backup_creation_date_time.date())


def errors(client: Client) -> str:
    try:
        client.put_item(table_name="t", item={}, condition_expression="attribute_not_exists(pk)")
    except ConditionalCheckFailedException as error:
        return error.message
    except ResourceNotFoundException as error:
        return error.code
    except botocore.exceptions.ClientError as error:
        return str(error)
    return ""


def tables() -> list[str]:
    names: list[str] = []
    with Client(region_name="us-east-1", endpoint_url="http://localhost:8000") as client:
        for name in client.get_paginator("list_tables").paginate().items():
            names.append(name)
        response = client.list_tables(limit=10)
        names.extend(response.table_names or [])
    return names
