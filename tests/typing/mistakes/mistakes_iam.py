"""Deliberate mistakes with ``typed_iam``: each checker must report an error on exactly the lines
marked ``# expect-error`` and on no other line. Checked, not run.
"""

from __future__ import annotations

from typed_iam import Client, GetRoleRequest, PolicyScopeType, PolicyUsageType, Role, Tag


def enums(client: Client) -> None:
    client.list_policies(scope="all")  # expect-error: enum value in the wrong case
    client.list_policies(scope="Global")  # expect-error: enum value that does not exist
    client.list_policies(policy_usage_filter="PermissionPolicy")  # expect-error: enum value misspelled
    client.list_policies(scope=PolicyUsageType.PERMISSIONS_POLICY)  # expect-error: member of another enum
    client.list_policies(scope=PolicyScopeType.AWS, policy_usage_filter="PermissionsBoundary")


def arguments(client: Client) -> None:
    client.create_role(role_name="r")  # expect-error: required argument missing
    client.get_role()  # expect-error: required argument missing
    client.get_role(role_name=42)  # expect-error: wrong argument type
    client.create_role(role_name="r", assume_role_policy_document={"Version": "2012-10-17"})  # expect-error: dict for a JSON str
    client.create_role(role_name="r", assume_role_policy_document="{}", max_session_duration="3600")  # expect-error: str for int
    client.create_role(role_name="r", assume_role_policy_document="{}", tags=[("k", "v")])  # expect-error: tuple for a Tag
    client.get_role(rolename="r")  # expect-error: keyword misspelled
    client.get_role(RoleName="r")  # expect-error: botocore's casing
    client.get_role("r")  # expect-error: positional argument
    client.get_role(GetRoleRequest(role_name="r"), role_name="r")  # expect-error: request object and fields
    client.list_roles(max_items=10)  # expect-error: the operation's member is max_items_
    Tag(key="k")  # expect-error: required field missing


def optionals(client: Client) -> None:
    role = client.get_role(role_name="r").role
    print(role.description.upper())  # expect-error: optional str used without a None check
    print(role.role_last_used.region)  # expect-error: optional structure used without a None check
    count: int = role.max_session_duration  # expect-error: optional int to int
    print(role.create_date.isoformat(), count)


def results(client: Client) -> None:
    role = client.get_role(role_name="r").role
    role.role_name = "other"  # expect-error: responses are frozen
    print(role.RoleName)  # expect-error: botocore's casing
    name: str = next(client.get_paginator("list_roles").paginate().items())  # expect-error: items are Role
    first: Role = next(client.get_paginator("list_roles").paginate().items())
    print(name, first.arn)


def paginators(client: Client) -> None:
    client.get_paginator("list_role").paginate()  # expect-error: paginator name misspelled
    client.get_paginator("get_role")  # expect-error: an operation that does not paginate
    client.get_paginator("list_roles").paginate(path_prefix=1)  # expect-error: wrong argument type
    client.get_paginator("list_roles").paginate(marker="m")  # valid: paginators honour a token given directly


def clients() -> None:
    Client(regin_name="us-east-1")  # expect-error: keyword misspelled
    Client(profile="dev")  # expect-error: keyword misspelled
    Client(profile_name="dev")
