"""S3 (rest-xml) as a user writes it with ``typed_s3``: must pass ``mypy --strict`` and
``pyright`` (standard) with no error, with and without botocore-stubs.

Checked, not run: every call is inside a function. ``tests/test_typing_services.py``.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import botocore.config
import botocore.exceptions
import botocore.session

from typed_s3 import (
    BucketLocationConstraint,
    Client,
    CreateBucketConfiguration,
    Delete,
    GetObjectOutput,
    GetObjectRequest,
    ListObjectsV2Request,
    MetadataDirective,
    NoSuchBucket,
    NoSuchKey,
    Object,
    ObjectIdentifier,
    ObjectStorageClass,
    ServerSideEncryption,
    ServiceError,
    StorageClass,
    Tag,
    Tagging,
)


def clients() -> list[Client]:
    session = botocore.session.get_session()
    return [
        Client(),
        Client(region_name="us-east-1"),
        Client(region_name="eu-west-1", endpoint_url="http://localhost:4566"),
        Client(profile_name="dev"),
        Client(config=botocore.config.Config(retries={"max_attempts": 3})),
        Client(session=session, region_name="us-west-2"),
        Client(botocore_client=session.create_client("s3", region_name="us-east-1")),
        Client(region_name="us-east-1", strict_validation=True),
    ]


def create_bucket(client: Client) -> str | None:
    # Enums: the member, or its value as a plain string literal.
    client.create_bucket(
        bucket="b1",
        create_bucket_configuration=CreateBucketConfiguration(
            location_constraint=BucketLocationConstraint.EU_WEST_1
        ),
    )
    response = client.create_bucket(
        bucket="b2", create_bucket_configuration=CreateBucketConfiguration(location_constraint="eu-west-1")
    )
    return response.location


def upload(
    client: Client, path: Path, data: bytes, tags: Sequence[Tag], metadata: Mapping[str, str]
) -> list[str | None]:
    etags: list[str | None] = []
    # bytes, and a file object (a streaming upload), as the body.
    etags.append(client.put_object(bucket="b", key="k1", body=data).e_tag)
    with path.open("rb") as stream:
        etags.append(client.put_object(bucket="b", key="k2", body=stream).e_tag)
    etags.append(client.put_object(bucket="b", key="k3", body=io.BytesIO(data)).e_tag)
    # Enums as members and as literals; a Mapping for a map member.
    etags.append(
        client.put_object(
            bucket="b",
            key="k4",
            body=b"x",
            storage_class=StorageClass.STANDARD_IA,
            server_side_encryption="AES256",
            metadata=metadata,
        ).e_tag
    )
    etags.append(client.put_object(bucket="b", key="k5", storage_class="GLACIER_IR").e_tag)
    # A Sequence and a tuple for list members.
    client.put_bucket_tagging(bucket="b", tagging=Tagging(tag_set=tags))
    client.put_bucket_tagging(bucket="b", tagging=Tagging(tag_set=(Tag(key="a", value="1"), Tag(key="b", value="2"))))
    client.put_bucket_tagging(bucket="b", tagging=Tagging(tag_set=[Tag(key="a", value="1")]))
    return etags


def copy(client: Client) -> None:
    client.copy_object(
        bucket="b",
        key="dst",
        copy_source="b/src",
        metadata_directive=MetadataDirective.REPLACE,
        metadata={"k": "v"},
        server_side_encryption=ServerSideEncryption.AWS_KMS,
    )


def download(client: Client) -> bytes:
    response = client.get_object(bucket="b", key="k")
    if response.content_length is not None:
        print(response.content_length + 1)
    if response.last_modified is not None:
        print(response.last_modified.isoformat())
    if response.metadata is not None:
        for name, value in response.metadata.items():
            print(name.upper(), value.lower())
    # The streaming body: read it.
    body = response.body
    if body is not None:
        return body.read()
    return b""


def download_request_object(client: Client) -> GetObjectOutput:
    return client.get_object(GetObjectRequest(bucket="b", key="k", version_id="v1"))


def timestamps(client: Client) -> None:
    # Naive and aware datetimes, and an ISO 8601 string (botocore accepts all three).
    client.get_object(bucket="b", key="k", if_modified_since=datetime.datetime(2024, 1, 2, 3, 4, 5))
    client.get_object(bucket="b", key="k", if_modified_since=datetime.datetime.now(datetime.timezone.utc))
    client.get_object(bucket="b", key="k", if_unmodified_since="2024-01-02T03:04:05Z")
    client.head_object(bucket="b", key="k", if_modified_since=datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc))


def listing(client: Client) -> int:
    total = 0
    paginator = client.get_paginator("list_objects_v2")
    pages = paginator.paginate(bucket="b", prefix="data/", max_items=100, page_size=10)
    for page in pages:
        for obj in page.contents or []:
            if obj.size is not None:
                total += obj.size
            if obj.storage_class == ObjectStorageClass.GLACIER:
                print(obj.key)
    item: Object
    for item in pages.items():
        key: str | None = item.key
        print(key, item.last_modified)
    print(pages.resume_token, pages.build_full_result().key_count)
    for page in client.paginate_list_objects_v2(ListObjectsV2Request(bucket="b")):
        print(page.next_continuation_token)
    print(client.can_paginate("list_objects_v2"))
    return total


def keys(client: Client) -> Iterator[str]:
    for obj in client.get_paginator("list_objects_v2").paginate(bucket="b").items():
        if obj.key is not None:
            yield obj.key


def delete_many(client: Client, names: Sequence[str]) -> None:
    response = client.delete_objects(
        bucket="b", delete=Delete(objects=[ObjectIdentifier(key=name) for name in names], quiet=True)
    )
    for deleted in response.deleted or []:
        print(deleted.key)


def errors(client: Client) -> str:
    try:
        client.get_object(bucket="b", key="missing")
    except NoSuchKey as error:
        return error.message
    except NoSuchBucket as error:
        return f"{error.code}: {error.message}"
    except client.exceptions.InvalidObjectState as error:
        return error.message
    except ServiceError as error:
        return error.message
    except botocore.exceptions.ClientError as error:
        return str(error)
    return ""


def context_manager() -> None:
    with Client(region_name="us-east-1") as client:
        print(client.list_buckets().buckets)
    response = client.list_buckets(max_buckets=10)
    for bucket in response.buckets or []:
        if bucket.creation_date is not None:
            print(bucket.name, bucket.creation_date.year)
