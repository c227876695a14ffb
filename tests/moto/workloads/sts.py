"""STS (query protocol): who the caller is, and temporary credentials (assumed roles,
session and federation tokens), compared on everything but the fresh secrets."""

from __future__ import annotations

from tests.moto.steps import Error, Read, Twin, Workload

ROLE = "arn:aws:iam::123456789012:role/deployer"
#: A fresh key, secret, token and expiry (now + duration) on every call.
FRESH_CREDENTIALS = ("Credentials.AccessKeyId", "Credentials.SecretAccessKey", "Credentials.SessionToken",
                     "Credentials.Expiration")

credentials = Workload("sts", "credentials", (
    Read("GetCallerIdentity"),
    Read("GetAccessKeyInfo", {"AccessKeyId": "AKIAIOSFODNN7EXAMPLE"}),
    Twin("AssumeRole", {"RoleArn": ROLE, "RoleSessionName": "boto3-session", "DurationSeconds": 900},
         {"RoleArn": ROLE, "RoleSessionName": "ours-session", "DurationSeconds": 900},
         ignore=(*FRESH_CREDENTIALS, "AssumedRoleUser.AssumedRoleId"), swap=(("boto3-session", "ours-session"),)),
    Twin("AssumeRole",
         {"RoleArn": ROLE, "RoleSessionName": "tagged", "ExternalId": "ext-1", "Tags": [{"Key": "team", "Value": "ops"}],
          "TransitiveTagKeys": ["team"], "Policy": '{"Version": "2012-10-17", "Statement": []}'},
         {"RoleArn": ROLE, "RoleSessionName": "tagged", "ExternalId": "ext-1", "Tags": [{"Key": "team", "Value": "ops"}],
          "TransitiveTagKeys": ["team"], "Policy": '{"Version": "2012-10-17", "Statement": []}'},
         ignore=(*FRESH_CREDENTIALS, "AssumedRoleUser.AssumedRoleId"), name="AssumeRole with tags and a policy"),
    Twin("AssumeRoleWithWebIdentity",
         {"RoleArn": ROLE, "RoleSessionName": "web", "WebIdentityToken": "token-boto3", "DurationSeconds": 900},
         {"RoleArn": ROLE, "RoleSessionName": "web", "WebIdentityToken": "token-ours", "DurationSeconds": 900},
         ignore=(*FRESH_CREDENTIALS, "AssumedRoleUser.AssumedRoleId")),
    Twin("GetSessionToken", {"DurationSeconds": 900}, {"DurationSeconds": 900}, ignore=FRESH_CREDENTIALS),
    Twin("GetFederationToken", {"Name": "boto3-fed", "DurationSeconds": 900}, {"Name": "ours-fed", "DurationSeconds": 900},
         ignore=FRESH_CREDENTIALS, swap=(("boto3-fed", "ours-fed"),)),
    Error("AssumeRole", {"RoleArn": ROLE, "RoleSessionName": "s" * 65}, None, code="ValidationError",
          name="AssumeRole with a session name over 64 characters (an error the model does not list)"),
))

WORKLOADS = [credentials]
