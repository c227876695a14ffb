"""STS (query): the caller's identity, assumed roles and session tokens, in every format."""

from __future__ import annotations

from tests.moto.cli import C, CliWorkload

SECRETS = (r'"(AccessKeyId|SecretAccessKey|SessionToken)": "[^"]+"', r"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)?",
           r"AROA[A-Z0-9]+", r"ASIA[A-Z0-9]+")
ROLE = "arn:aws:iam::123456789012:role/cli-role"

WORKLOAD = CliWorkload("sts", (
    C("get-caller-identity"),
    C("get-caller-identity", "--output", "text"),
    C("get-caller-identity", "--output", "table"),
    C("get-caller-identity", "--query", "Account", "--output", "text"),
    C("assume-role", "--role-arn", ROLE, "--role-session-name", "cli-session", mask=SECRETS),
    C("assume-role", "--role-arn", ROLE, "--role-session-name", "cli-session", "--duration-seconds", "900",
      "--query", "AssumedRoleUser.Arn"),
    C("assume-role", "--role-arn", ROLE, "--role-session-name", "s", "--tags", "Key=team,Value=cli",
      "--query", "AssumedRoleUser.Arn", "--output", "text"),
    C("assume-role", "--role-arn", ROLE),
    C("assume-role", "--role-arn", ROLE, "--role-session-name", "s", "--duration-seconds", "x"),
    C("get-session-token", "--duration-seconds", "900", mask=SECRETS),
    C("get-session-token", "--query", "Credentials.Expiration", mask=SECRETS),
    C("get-federation-token", "--name", "cli-fed", "--query", "FederatedUser.Arn"),
    C("decode-authorization-message", "--encoded-message", "abc"),
))
