"""Deliberate mistakes with ``typed_s3``: each checker must report an error on exactly the lines
marked ``# expect-error`` and on no other line. Checked, not run.
"""

from __future__ import annotations

import datetime

from typed_s3 import (
    Client,
    CreateBucketConfiguration,
    GetObjectRequest,
    Object,
    ServerSideEncryption,
    StorageClass,
    Tag,
    Tagging,
)


def enums(client: Client) -> None:
    client.put_object(bucket="b", key="k", storage_class="STANDARDD")  # expect-error: enum value misspelled
    client.put_object(bucket="b", key="k", server_side_encryption="aes256")  # expect-error: enum value in the wrong case
    client.put_object(bucket="b", key="k", storage_class=ServerSideEncryption.AES256)  # expect-error: member of another enum
    CreateBucketConfiguration(location_constraint="eu-west-9")  # expect-error: enum value that does not exist
    client.put_object(bucket="b", key="k", storage_class=StorageClass.STANDARD)


def arguments(client: Client) -> None:
    client.get_object(bucket="b")  # expect-error: required argument missing
    client.get_object(key="k")  # expect-error: required argument missing
    client.get_object(bucket="b", key=123)  # expect-error: wrong argument type
    client.put_object(bucket="b", key="k", body="text, not bytes")  # valid: botocore sends a str body as UTF-8
    client.put_object(bucket="b", key="k", content_length="10")  # expect-error: str for an int
    client.get_object(bucket="b", kye="k")  # expect-error: keyword misspelled
    client.get_object(bucket="b", key="k", versionid="v")  # expect-error: keyword misspelled
    client.get_object(Bucket="b", Key="k")  # expect-error: botocore's casing
    client.get_object("b", "k")  # expect-error: positional arguments
    client.get_object(GetObjectRequest(bucket="b", key="k"), bucket="b")  # expect-error: request object and fields
    client.put_object(bucket="b", key="k", metadata={"k": 1})  # expect-error: map value of the wrong type
    Tagging(tag_set=[Tag(key="a")])  # expect-error: required field of a nested shape missing
    Tagging(tag_set=[{"Key": "a", "Value": "b"}])  # expect-error: a dict for a structure
    client.list_object_v2(bucket="b")  # expect-error: method misspelled
    client.get_object(bucket="b", key="k", if_modified_since=datetime.date(2024, 1, 1))  # expect-error: date, not datetime


def optionals(client: Client) -> None:
    response = client.get_object(bucket="b", key="k")
    print(response.content_length + 1)  # expect-error: optional int used without a None check
    print(response.e_tag.strip('"'))  # expect-error: optional str used without a None check
    length: int = response.content_length  # expect-error: optional assigned to non-optional
    print(length)
    for obj in client.list_objects_v2(bucket="b").contents:  # expect-error: optional list iterated
        print(obj.key)
    if response.content_length is not None:
        print(response.content_length + 1)


def results(client: Client) -> None:
    response = client.head_object(bucket="b", key="k")
    print(response.contentlength)  # expect-error: response field misspelled
    response.e_tag = "x"  # expect-error: responses are frozen
    name: str = next(client.get_paginator("list_objects_v2").paginate(bucket="b").items())  # expect-error: items are Object
    obj: Object = next(client.get_paginator("list_objects_v2").paginate(bucket="b").items())
    print(obj.key, name, length_of(obj))


def length_of(obj: Object) -> int:
    return obj.size or 0


def paginators(client: Client) -> None:
    client.get_paginator("list_objectsv2").paginate(bucket="b")  # expect-error: paginator name misspelled
    client.get_paginator("ListObjectsV2").paginate(bucket="b")  # expect-error: operation name, not method name
    client.get_paginator("get_object")  # expect-error: an operation that does not paginate
    client.get_paginator("list_objects_v2").paginate(bucket="b", max_items="10")  # expect-error: str for max_items
    client.get_paginator("list_objects_v2").paginate(buckett="b")  # expect-error: keyword misspelled
    client.get_paginator("list_objects_v2").paginate(bucket="b", continuation_token="t")  # valid: paginators honour a token given directly


def clients() -> None:
    Client(regin_name="us-east-1")  # expect-error: keyword misspelled
    Client(region="us-east-1")  # expect-error: boto3's other spelling
    Client(endpoint="http://localhost:4566")  # expect-error: keyword misspelled
    Client(region_name=1)  # expect-error: wrong type
    Client("us-east-1")  # expect-error: positional
    Client(region_name="us-east-1", endpoint_url="http://localhost:4566")
