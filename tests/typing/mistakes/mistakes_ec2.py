"""Deliberate mistakes with ``typed_ec2``: each checker must report an error on exactly the lines
marked ``# expect-error`` and on no other line. Checked, not run.
"""

from __future__ import annotations

import datetime

from typed_ec2 import Client, Filter, InstanceStateName, InstanceType, Reservation, Tag, TagSpecification


def enums(client: Client) -> None:
    client.run_instances(min_count=1, max_count=1, instance_type="t3.mikro")  # expect-error: enum value misspelled
    client.run_instances(min_count=1, max_count=1, instance_type="T3.MICRO")  # expect-error: enum value in the wrong case
    client.run_instances(min_count=1, max_count=1, instance_type=InstanceStateName.RUNNING)  # expect-error: member of another enum
    TagSpecification(resource_type="instances")  # expect-error: enum value that does not exist
    client.describe_spot_price_history(instance_types=["m5.large", "m5.hugeish"])  # expect-error: list of enum with one misspelled
    client.run_instances(min_count=1, max_count=1, instance_type=InstanceType.T3_MICRO)


def arguments(client: Client) -> None:
    client.run_instances(image_id="ami-1", max_count=1)  # expect-error: required argument missing
    client.stop_instances()  # expect-error: required argument missing
    client.stop_instances(instance_ids="i-1")  # not caught: a str is a Sequence of str (botocore rejects it when sending)
    client.run_instances(min_count="1", max_count=1)  # expect-error: str for an int
    client.describe_instances(filters=[{"Name": "tag:team", "Values": ["ml"]}])  # expect-error: dict for a Filter
    client.describe_instances(filter=[Filter(name="n", values=["v"])])  # expect-error: keyword misspelled
    client.describe_instances(InstanceIds=["i-1"])  # expect-error: botocore's casing
    client.create_tags(resources=["i-1"], tags=[Tag(key="k", value=1)])  # expect-error: wrong field type
    client.describe_spot_price_history(start_time=datetime.date(2024, 1, 1))  # expect-error: date, not datetime
    client.describe_instance(instance_ids=["i-1"])  # expect-error: method misspelled


def optionals(client: Client) -> None:
    response = client.describe_instances()
    for reservation in response.reservations:  # expect-error: optional list iterated
        print(reservation)
    first = (response.reservations or [])[0]
    print(first.instances[0])  # expect-error: optional list indexed
    print(response.next_token.upper())  # expect-error: optional str used without a None check
    if first.instances:
        print(first.instances[0].instance_id)


def results(client: Client) -> None:
    response = client.describe_instances()
    print(response.Reservations)  # expect-error: botocore's casing
    item: str = next(client.get_paginator("describe_instances").paginate().items())  # expect-error: items are Reservation
    reservation: Reservation = next(client.get_paginator("describe_instances").paginate().items())
    print(item, reservation.reservation_id)


def paginators(client: Client) -> None:
    client.get_paginator("describe_instance").paginate()  # expect-error: paginator name misspelled
    client.get_paginator("run_instances")  # expect-error: an operation that does not paginate
    client.get_paginator("describe_instances").paginate(filters="x")  # expect-error: wrong argument type
    client.get_paginator("describe_instances").paginate(filter=[Filter(name="n")])  # expect-error: keyword misspelled


def clients() -> None:
    Client(regin_name="us-east-1")  # expect-error: keyword misspelled
    Client(region_name="us-east-1", endpont_url="http://localhost:5000")  # expect-error: keyword misspelled
    Client(region_name="us-east-1", endpoint_url="http://localhost:5000")
