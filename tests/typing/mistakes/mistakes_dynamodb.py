"""Deliberate mistakes with ``typed_dynamodb``: each checker must report an error on exactly the
lines marked ``# expect-error`` and on no other line. Checked, not run.
"""

from __future__ import annotations

from typed_dynamodb import (
    AttributeDefinition,
    AttributeValue,
    Client,
    KeySchemaElement,
    KeyType,
    ReturnValue,
    Select,
)


def enums(client: Client) -> None:
    client.put_item(table_name="t", item={}, return_values="ALL")  # expect-error: enum value misspelled
    client.query(table_name="t", select="all_attributes")  # expect-error: enum value in the wrong case
    KeySchemaElement(attribute_name="pk", key_type="PRIMARY")  # expect-error: enum value that does not exist
    KeySchemaElement(attribute_name="pk", key_type=ReturnValue.ALL_NEW)  # expect-error: member of another enum
    AttributeDefinition(attribute_name="pk", attribute_type="STRING")  # expect-error: enum value that does not exist
    KeySchemaElement(attribute_name="pk", key_type=KeyType.HASH)
    client.query(table_name="t", select=Select.COUNT)


def arguments(client: Client) -> None:
    client.put_item(item={"pk": AttributeValue(s="1")})  # expect-error: required argument missing
    client.get_item(table_name="t")  # expect-error: required argument missing
    client.put_item(table_name="t", item={"pk": "1"})  # expect-error: a plain value for an AttributeValue
    client.put_item(table_name="t", item={"pk": {"S": "1"}})  # expect-error: botocore's dict for an AttributeValue
    client.get_item(table_name="t", key={"pk": AttributeValue(s="1")}, consistent_read="yes")  # expect-error: wrong type
    AttributeValue(n=3)  # expect-error: numbers are strings on the wire
    client.get_item(table_name="t", key={}, consistentread=True)  # expect-error: keyword misspelled
    client.get_item(TableName="t", Key={})  # expect-error: botocore's casing
    client.query(table_name="t", limit=10, next_token="x")  # expect-error: no such member


def optionals(client: Client) -> None:
    output = client.get_item(table_name="t", key={"pk": AttributeValue(s="1")})
    print(output.item["pk"])  # expect-error: optional map used without a None check
    value: str = output.item["pk"].s if output.item else ""  # expect-error: optional str to str
    print(value)
    print(client.query(table_name="t").count + 1)  # expect-error: optional int used without a None check
    if output.item is not None:
        print(output.item["pk"].s)


def results(client: Client) -> None:
    response = client.scan(table_name="t")
    print(response.Items)  # expect-error: botocore's casing
    row: AttributeValue = next(client.get_paginator("query").paginate(table_name="t").items())  # expect-error: items are maps
    print(row)


def paginators(client: Client) -> None:
    client.get_paginator("querry").paginate(table_name="t")  # expect-error: paginator name misspelled
    client.get_paginator("get_item")  # expect-error: an operation that does not paginate
    client.get_paginator("scan").paginate(table_name="t", page_size="25")  # expect-error: str for page_size
    client.get_paginator("scan").paginate(tablename="t")  # expect-error: keyword misspelled


def clients() -> None:
    Client(regin_name="us-east-1")  # expect-error: keyword misspelled
    Client(endpoint_uri="http://localhost:8000")  # expect-error: keyword misspelled
    Client(region_name="us-east-1", endpoint_url="http://localhost:8000")
