"""IAM (query) as a user writes it with ``typed_iam``: must pass ``mypy --strict`` and
``pyright`` (standard) with no error, with and without botocore-stubs.

Checked, not run: every call is inside a function. ``tests/test_typing_services.py``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import botocore.exceptions

from typed_iam import (
    Client,
    EntityAlreadyExistsException,
    GetRoleRequest,
    NoSuchEntityException,
    PolicyScopeType,
    PolicyUsageType,
    Role,
    ServiceError,
    Tag,
)

TRUST = json.dumps({"Version": "2012-10-17", "Statement": []})


def create_role(client: Client, tags: Sequence[Tag]) -> str:
    response = client.create_role(
        role_name="worker",
        assume_role_policy_document=TRUST,
        description="made by usage_iam",
        max_session_duration=3600,
        tags=[Tag(key="team", value="ml")],
    )
    client.create_role(role_name="worker2", assume_role_policy_document=TRUST, tags=tags)
    client.create_role(role_name="worker3", assume_role_policy_document=TRUST, tags=(Tag(key="a", value="b"),))
    role = response.role
    print(role.create_date.isoformat(), role.arn.split(":"))
    return role.role_id


def read_role(client: Client) -> str | None:
    role = client.get_role(role_name="worker").role
    again: Role = client.get_role(GetRoleRequest(role_name="worker")).role
    print(again.path)
    if role.role_last_used is not None and role.role_last_used.last_used_date is not None:
        print(role.role_last_used.last_used_date.astimezone().isoformat())
    for tag in role.tags or []:
        print(tag.key, tag.value)
    return role.description


def policies(client: Client) -> list[str]:
    client.attach_role_policy(role_name="worker", policy_arn="arn:aws:iam::aws:policy/ReadOnlyAccess")
    client.put_role_policy(role_name="worker", policy_name="inline", policy_document=json.dumps({}))
    names: list[str] = []
    response = client.list_policies(scope=PolicyScopeType.LOCAL, policy_usage_filter="PermissionsPolicy", max_items_=50)
    for policy in response.policies or []:
        if policy.policy_name is not None:
            names.append(policy.policy_name)
    client.list_policies(scope="AWS", policy_usage_filter=PolicyUsageType.PERMISSIONS_BOUNDARY, only_attached=True)
    for attached in client.get_paginator("list_attached_role_policies").paginate(role_name="worker").items():
        print(attached.policy_arn)
    return names


def roles(client: Client) -> list[str]:
    names: list[str] = []
    pages = client.get_paginator("list_roles").paginate(path_prefix="/", max_items=200, page_size=50)
    for page in pages:
        if page.is_truncated:
            print(page.marker)
        names.extend(role.role_name for role in page.roles)
    for role in pages.items():
        print(role.create_date.year, role.max_session_duration)
    for page in client.paginate_list_roles(starting_token=pages.resume_token):
        print(len(page.roles))
    return names


def errors(client: Client) -> str:
    try:
        client.get_role(role_name="missing")
    except NoSuchEntityException as error:
        return error.message
    except EntityAlreadyExistsException as error:
        return error.code
    except ServiceError as error:
        return error.message
    except botocore.exceptions.ClientError as error:
        return str(error)
    return ""


def client() -> Client:
    # IAM is global: no region needed.
    return Client(endpoint_url="http://localhost:5000")
