"""IAM (query): users, groups, roles and policies, policy documents from files, tags as
shorthand, the OIDC provider's ``--url`` (never fetched), listings page by page, and the
service's errors."""

from __future__ import annotations

import json

from tests.moto.cli import C, CliWorkload, S, W

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}).encode()
POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}).encode()
# times, and the ids the server makes (user ids, access key ids)
DATES = (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?", r"\bA[A-Z0-9]{15,24}\b", r"\b[a-z0-9]{20}\b")

WORKLOAD = CliWorkload("iam", (
    *(S("create-user", "--user-name", f"cli-user-{i}", "--path", "/cli/") for i in range(5)),
    S("create-group", "--group-name", "cli-group"),
    S("add-user-to-group", "--group-name", "cli-group", "--user-name", "cli-user-1"),
    W("create-user", "--user-name", "user-{w}", "--tags", "Key=team,Value=cli", "Key=env,Value=test", mask=DATES,
      readback=(("list-user-tags", "--user-name", "user-{w}"),
                ("get-user", "--user-name", "user-{w}", "--query", "User.[UserName, Path, Arn]"))),
    W("create-role", "--role-name", "role-{w}", "--assume-role-policy-document", "file://trust.json",
      "--description", "made by the cli", files={"trust.json": TRUST}, mask=DATES,
      readback=(("get-role", "--role-name", "role-{w}", "--query",
                 "Role.[RoleName, Description, AssumeRolePolicyDocument]"),)),
    W("put-role-policy", "--role-name", "role-{w}", "--policy-name", "inline", "--policy-document",
      POLICY.decode(),
      readback=(("get-role-policy", "--role-name", "role-{w}", "--policy-name", "inline"),)),
    W("create-policy", "--policy-name", "policy-{w}", "--policy-document", "file://policy.json",
      files={"policy.json": POLICY}, mask=DATES,
      readback=(("get-policy", "--policy-arn", "arn:aws:iam::123456789012:policy/policy-{w}", "--query",
                 "Policy.[PolicyName, DefaultVersionId, AttachmentCount]"),)),
    W("attach-role-policy", "--role-name", "role-{w}", "--policy-arn",
      "arn:aws:iam::123456789012:policy/policy-{w}",
      readback=(("list-attached-role-policies", "--role-name", "role-{w}", "--output", "text"),)),
    W("create-open-id-connect-provider", "--url", "https://oidc-{w}.example.com",
      "--client-id-list", "sts.amazonaws.com", "--thumbprint-list", "9e99a48a9960b14926bb7f3b02e22da2b0ab7280",
      readback=(("get-open-id-connect-provider", "--open-id-connect-provider-arn",
                 "arn:aws:iam::123456789012:oidc-provider/oidc-{w}.example.com", "--query",
                 "[Url, ClientIDList, ThumbprintList]"),)),
    W("create-access-key", "--user-name", "user-{w}", mask=(*DATES, r'"SecretAccessKey": "[^"]+"')),
    # the bootstrap field goes to --outfile and leaves the output (iamvirtmfa.py)
    W("create-virtual-mfa-device", "--virtual-mfa-device-name", "mfa-{w}", "--outfile", "seed.txt",
      "--bootstrap-method", "Base32StringSeed",
      readback=(("list-virtual-mfa-devices", "--query", "VirtualMFADevices[?contains(SerialNumber, 'mfa-{w}')]"
                 ".SerialNumber"),)),
    C("create-virtual-mfa-device", "--virtual-mfa-device-name", "m", "--outfile", "no-such-dir/x.png",
      "--bootstrap-method", "QRCodePNG"),
    C("create-virtual-mfa-device", "--virtual-mfa-device-name", "m", "--outfile", "x.png",
      "--bootstrap-method", "Other"),
    C("create-virtual-mfa-device", "--virtual-mfa-device-name", "m", "--bootstrap-method", "QRCodePNG"),
    C("list-users", "--path-prefix", "/cli/", "--query", "Users[].UserName"),
    C("list-users", "--path-prefix", "/cli/", "--output", "text", "--query", "Users[].[UserName, Path]"),
    C("list-users", "--path-prefix", "/cli/", "--output", "table", "--query", "Users[].{Name:UserName}"),
    C("list-users", "--path-prefix", "/cli/", "--max-items", "2", "--query", "Users[].UserName"),
    C("list-users", "--path-prefix", "/cli/", "--page-size", "2", "--query", "Users[].UserName"),
    C("list-users", "--path-prefix", "/cli/", "--no-paginate", "--max-items", "2"),
    C("get-user", "--user-name", "cli-user-0", mask=DATES),
    C("get-user", "--user-name", "no-such-user"),
    C("get-group", "--group-name", "cli-group", "--query", "[Group.GroupName, Users[].UserName]"),
    C("list-groups-for-user", "--user-name", "cli-user-1", "--query", "Groups[].GroupName", "--output", "text"),
    C("create-user", "--user-name", "cli-user-0"),
    C("create-user"),
    C("create-role", "--role-name", "bad", "--assume-role-policy-document", "file://missing.json"),
    C("list-policies", "--scope", "Local", "--query", "Policies[].PolicyName"),
    C("list-roles", "--query", "Roles[].RoleName"),
))
