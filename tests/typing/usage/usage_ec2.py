"""EC2 (ec2 protocol) as a user writes it with ``typed_ec2``: must pass ``mypy --strict`` and
``pyright`` (standard) with no error, with and without botocore-stubs.

Checked, not run: every call is inside a function. ``tests/test_typing_services.py``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence

import botocore.exceptions

from typed_ec2 import (
    Client,
    DescribeInstancesRequest,
    Filter,
    Instance,
    InstanceStateName,
    InstanceType,
    Placement,
    ResourceType,
    ServiceError,
    Tag,
    TagSpecification,
)


def running(client: Client) -> list[str]:
    ids: list[str] = []
    response = client.describe_instances(
        filters=[Filter(name="instance-state-name", values=["running", "pending"])], max_results=100
    )
    for reservation in response.reservations or []:
        for instance in reservation.instances or []:
            if instance.state is not None and instance.state.name == InstanceStateName.RUNNING:
                if instance.instance_id is not None:
                    ids.append(instance.instance_id)
            if instance.launch_time is not None:
                print(instance.launch_time.isoformat())
    return ids


def filters_as_sequences(client: Client, names: Sequence[str], filters: Sequence[Filter]) -> None:
    # Sequences and tuples for list members.
    client.describe_instances(filters=filters)
    client.describe_instances(filters=(Filter(name="tag:team", values=("ml", "data")),), instance_ids=names)
    client.describe_images(owners=("self",), filters=[Filter(name="name", values=list(names))])


def launch(client: Client, tags: Sequence[Tag]) -> list[str]:
    reservation = client.run_instances(
        image_id="ami-12345678",
        instance_type=InstanceType.T3_MICRO,
        min_count=1,
        max_count=2,
        placement=Placement(availability_zone="us-east-1a", tenancy="default"),
        tag_specifications=[
            TagSpecification(resource_type=ResourceType.INSTANCE, tags=[Tag(key="Name", value="usage")]),
            TagSpecification(resource_type="volume", tags=tags),
        ],
    )
    client.run_instances(image_id="ami-12345678", instance_type="m5.large", min_count=1, max_count=1)
    client.create_tags(resources=["i-1"], tags=[Tag(key="team", value="ml")])
    return [i.instance_id for i in reservation.instances or [] if i.instance_id is not None]


def stop(client: Client, ids: Sequence[str]) -> None:
    response = client.stop_instances(instance_ids=ids, force=True)
    for change in response.stopping_instances or []:
        if change.current_state is not None:
            print(change.instance_id, change.current_state.name)


def instances(client: Client) -> Iterator[Instance]:
    pages = client.get_paginator("describe_instances").paginate(
        filters=[Filter(name="instance-type", values=["t3.micro"])], page_size=50
    )
    for reservation in pages.items():
        yield from reservation.instances or []
    for page in client.paginate_describe_instances(DescribeInstancesRequest(instance_ids=["i-1"])):
        print(page.next_token)


def spot_prices(client: Client) -> list[float]:
    # Naive and aware datetimes, and an ISO 8601 string (botocore accepts all three).
    start = datetime.datetime(2024, 1, 1)
    end = datetime.datetime.now(datetime.timezone.utc)
    prices: list[float] = []
    response = client.describe_spot_price_history(
        start_time=start, end_time=end, instance_types=[InstanceType.M5_LARGE, "t3.micro"]
    )
    for price in response.spot_price_history or []:
        if price.spot_price is not None:
            prices.append(float(price.spot_price))
        if price.timestamp is not None:
            print(price.timestamp - end)
    client.describe_spot_price_history(start_time="2024-01-01T00:00:00Z", product_descriptions=["Linux/UNIX"])
    for price in client.get_paginator("describe_spot_price_history").paginate(start_time=start).items():
        print(price.instance_type == InstanceType.T3_MICRO)
    return prices


def errors(client: Client) -> str:
    # EC2 models no errors: everything is a ServiceError (a ClientError).
    try:
        client.describe_instances(instance_ids=["i-missing"], dry_run=True)
    except ServiceError as error:
        return error.message
    except botocore.exceptions.ClientError as error:
        return str(error)
    return ""


def client() -> Client:
    return Client(region_name="us-east-1")
