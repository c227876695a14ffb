"""IAM (query protocol): users, groups, managed and inline policies, roles, access keys and
tags, listing with pagination (IAM's limit key is ``MaxItems``, also given as a request
field), and the ``NoSuchEntity``, ``EntityAlreadyExists`` and ``DeleteConflict`` errors."""

from __future__ import annotations

import json

from tests.moto.steps import RESUME, Error, Expect, Page, Paginate, Read, Setup, Twin, Workload, Write

ACCOUNT = "arn:aws:iam::123456789012"
READ_POLICY = f"{ACCOUNT}:policy/s3-read"
POLICY_DOCUMENT = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::photos/*"}]})
TRUST_DOCUMENT = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
#: A fresh key and secret each time.
FRESH_KEY = ("AccessKey.AccessKeyId", "AccessKey.SecretAccessKey", "AccessKey.CreateDate")

users = Workload("iam", "users", (
    Write("CreateUser", {"UserName": "alice", "Path": "/eng/", "Tags": [{"Key": "team", "Value": "eng"}]},
          then=(Expect("GetUser", {"UserName": "alice"},
                       {"User": {"UserName": "alice", "Path": "/eng/", "Arn": f"{ACCOUNT}:user/eng/alice",
                                 "Tags": [{"Key": "team", "Value": "eng"}]}}),)),
    Read("GetUser", {"UserName": "alice"}),
    Error("GetUser", {"UserName": "nobody"}, "NoSuchEntityException"),
    Error("CreateUser", {"UserName": "alice"}, "EntityAlreadyExistsException"),
    *(Setup("CreateUser", {"UserName": f"user{n:02}", "Path": "/batch/"}) for n in range(9)),
    Read("ListUsers"),
    Read("ListUsers", {"PathPrefix": "/batch/"}, name="ListUsers by path"),
    # moto answers ListUsers in one page whatever MaxItems says: only max_items truncates here.
    Paginate("ListUsers", {"PathPrefix": "/batch/"}, (
        Page(), Page(max_items=4), Page(max_items=3, starting_token=RESUME), Page(starting_token=RESUME))),
    Write("TagUser", {"UserName": "alice", "Tags": [{"Key": "level", "Value": "senior"}]},
          then=(Expect("ListUserTags", {"UserName": "alice"},
                       {"Tags": [{"Key": "team", "Value": "eng"}, {"Key": "level", "Value": "senior"}]}),)),
    Read("ListUserTags", {"UserName": "alice"}),
    Write("UntagUser", {"UserName": "alice", "TagKeys": ["level"]},
          then=(Expect("ListUserTags", {"UserName": "alice"}, {"Tags": [{"Key": "team", "Value": "eng"}]}),)),
    Twin("CreateAccessKey", {"UserName": "user00"}, {"UserName": "user01"}, ignore=FRESH_KEY,
         swap=(("user00", "user01"),)),
    Read("ListAccessKeys", {"UserName": "user01"}, name="ListAccessKeys"),
    Write("UpdateUser", {"UserName": "user08", "NewUserName": "renamed"},
          then=(Expect("GetUser", {"UserName": "renamed"}, {"User": {"UserName": "renamed"}}),)),
    Write("DeleteUser", {"UserName": "renamed"}),
    Error("DeleteUser", {"UserName": "renamed"}, "NoSuchEntityException", name="DeleteUser again"),
    Read("GetAccountSummary"),
))

groups_and_policies = Workload("iam", "groups-and-policies", (
    Setup("CreateUser", {"UserName": "alice"}),
    Setup("CreateUser", {"UserName": "bob"}),
    Write("CreateGroup", {"GroupName": "devs", "Path": "/teams/"},
          then=(Expect("GetGroup", {"GroupName": "devs"}, {"Group": {"GroupName": "devs", "Path": "/teams/"}}),)),
    Write("AddUserToGroup", {"GroupName": "devs", "UserName": "alice"}),
    Write("AddUserToGroup", {"GroupName": "devs", "UserName": "bob"},
          then=(Expect("GetGroup", {"GroupName": "devs"},
                       {"Users": [{"UserName": "alice"}, {"UserName": "bob"}]}),)),
    Read("GetGroup", {"GroupName": "devs"}),
    # moto answers GetGroup in one page whatever MaxItems says: only max_items truncates here.
    Paginate("GetGroup", {"GroupName": "devs"}, (Page(), Page(max_items=1), Page(starting_token=RESUME))),
    Read("ListGroupsForUser", {"UserName": "alice"}),
    Error("AddUserToGroup", {"GroupName": "nobody", "UserName": "alice"}, "NoSuchEntityException",
          name="AddUserToGroup of a missing group"),
    Write("CreatePolicy", {"PolicyName": "s3-read", "PolicyDocument": POLICY_DOCUMENT, "Description": "read photos",
                           "Tags": [{"Key": "owner", "Value": "sec"}]},
          then=(Expect("GetPolicy", {"PolicyArn": READ_POLICY},
                       {"Policy": {"PolicyName": "s3-read", "DefaultVersionId": "v1", "AttachmentCount": 0}}),)),
    *(Setup("CreatePolicy", {"PolicyName": f"extra-{n}", "PolicyDocument": POLICY_DOCUMENT}) for n in range(4)),
    Read("GetPolicy", {"PolicyArn": READ_POLICY}),
    Read("GetPolicyVersion", {"PolicyArn": READ_POLICY, "VersionId": "v1"}, name="GetPolicyVersion (a policy document)"),
    Error("GetPolicy", {"PolicyArn": f"{ACCOUNT}:policy/missing"}, "NoSuchEntityException", name="GetPolicy of a missing policy"),
    Write("AttachUserPolicy", {"UserName": "alice", "PolicyArn": READ_POLICY},
          then=(Expect("ListAttachedUserPolicies", {"UserName": "alice"},
                       {"AttachedPolicies": [{"PolicyName": "s3-read", "PolicyArn": READ_POLICY}]}),)),
    Write("AttachGroupPolicy", {"GroupName": "devs", "PolicyArn": READ_POLICY}),
    Read("ListAttachedUserPolicies", {"UserName": "alice"}),
    Read("ListEntitiesForPolicy", {"PolicyArn": READ_POLICY}),
    Paginate("ListPolicies", {"Scope": "Local"}, (Page(), Page(page_size=2), Page(max_items=3, page_size=2),
                                                  Page(starting_token=RESUME))),
    Error("DeleteUser", {"UserName": "alice"}, "DeleteConflictException", name="DeleteUser with a policy attached"),
    Write("PutUserPolicy", {"UserName": "bob", "PolicyName": "inline", "PolicyDocument": POLICY_DOCUMENT},
          then=(Expect("ListUserPolicies", {"UserName": "bob"}, {"PolicyNames": ["inline"]}),)),
    Read("GetUserPolicy", {"UserName": "bob", "PolicyName": "inline"}, name="GetUserPolicy (a policy document)"),
    Write("DetachUserPolicy", {"UserName": "alice", "PolicyArn": READ_POLICY},
          then=(Expect("ListAttachedUserPolicies", {"UserName": "alice"}, {"AttachedPolicies": []}),)),
    Write("RemoveUserFromGroup", {"GroupName": "devs", "UserName": "bob"},
          then=(Expect("GetGroup", {"GroupName": "devs"}, {"Users": [{"UserName": "alice"}]}),)),
    Read("GetAccountAuthorizationDetails", {"Filter": ["User", "Group"]}),
))

roles = Workload("iam", "roles", (
    Write("CreateRole", {"RoleName": "web", "AssumeRolePolicyDocument": TRUST_DOCUMENT, "Path": "/app/",
                         "MaxSessionDuration": 7200, "Description": "web servers"},
          then=(Expect("GetRole", {"RoleName": "web"}, {"Role": {"RoleName": "web", "MaxSessionDuration": 7200}}),)),
    *(Setup("CreateRole", {"RoleName": f"role-{n}", "AssumeRolePolicyDocument": TRUST_DOCUMENT}) for n in range(5)),
    Read("GetRole", {"RoleName": "web"}, name="GetRole (a trust policy document)"),
    Error("GetRole", {"RoleName": "none"}, "NoSuchEntityException"),
    Read("ListRoles", {"MaxItems": 2}, name="ListRoles, one page of 2"),
    Paginate("ListRoles", {}, (Page(), Page(page_size=2), Page(max_items=4, page_size=3),
                               Page(page_size=2, starting_token=RESUME))),
    Paginate("ListRoles", {"MaxItems": 2}, name="ListRoles, MaxItems as a request field"),
    Write("CreateInstanceProfile", {"InstanceProfileName": "web-profile"}),
    Write("AddRoleToInstanceProfile", {"InstanceProfileName": "web-profile", "RoleName": "web"},
          then=(Expect("GetInstanceProfile", {"InstanceProfileName": "web-profile"},
                       {"InstanceProfile": {"Roles": [{"RoleName": "web"}]}}),)),
    Read("ListInstanceProfilesForRole", {"RoleName": "web"}),
    Write("PutRolePolicy", {"RoleName": "web", "PolicyName": "logs", "PolicyDocument": POLICY_DOCUMENT}),
    Paginate("ListRolePolicies", {"RoleName": "web"}),
))

DENY_DOCUMENT = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]})

account = Workload("iam", "account", (
    Error("GetAccountPasswordPolicy", {}, "NoSuchEntityException", name="GetAccountPasswordPolicy before there is one"),
    Write("UpdateAccountPasswordPolicy", {"MinimumPasswordLength": 14, "RequireSymbols": True, "MaxPasswordAge": 90},
          then=(Expect("GetAccountPasswordPolicy", {},
                       {"PasswordPolicy": {"MinimumPasswordLength": 14, "RequireSymbols": True, "MaxPasswordAge": 90}}),)),
    Read("GetAccountPasswordPolicy"),
    Setup("CreateUser", {"UserName": "carol"}),
    Write("CreateLoginProfile", {"UserName": "carol", "Password": "Correct-Horse-42", "PasswordResetRequired": True},
          then=(Expect("GetLoginProfile", {"UserName": "carol"}, {"LoginProfile": {"UserName": "carol"}}),)),
    Read("GetLoginProfile", {"UserName": "carol"}),
    Write("CreateOpenIDConnectProvider", {"Url": "https://token.example.com", "ClientIDList": ["web-app"],
                                          "ThumbprintList": ["a" * 40], "Tags": [{"Key": "idp", "Value": "example"}]},
          then=(Expect("ListOpenIDConnectProviders", {},
                       {"OpenIDConnectProviderList": [{"Arn": f"{ACCOUNT}:oidc-provider/token.example.com"}]}),)),
    Read("GetOpenIDConnectProvider", {"OpenIDConnectProviderArn": f"{ACCOUNT}:oidc-provider/token.example.com"}),
    Write("CreateSAMLProvider", {"Name": "corp", "SAMLMetadataDocument": "<EntityDescriptor>" + "x" * 1000 + "</EntityDescriptor>"}),
    Read("ListSAMLProviders"),
    Twin("CreateVirtualMFADevice", {"VirtualMFADeviceName": "boto3-mfa"}, {"VirtualMFADeviceName": "ours-mfa"},
         ignore=("VirtualMFADevice.Base32StringSeed", "VirtualMFADevice.QRCodePNG"), swap=(("boto3-mfa", "ours-mfa"),),
         name="CreateVirtualMFADevice (blobs: seed and QR code)"),
    Read("ListVirtualMFADevices", name="ListVirtualMFADevices (blobs)"),
    Read("ListMFADevices", {"UserName": "carol"}),
    Write("GenerateCredentialReport"),
    Read("GetCredentialReport", name="GetCredentialReport (a blob)"),
    Write("CreatePolicy", {"PolicyName": "guard", "PolicyDocument": POLICY_DOCUMENT}),
    Write("CreatePolicyVersion", {"PolicyArn": f"{ACCOUNT}:policy/guard", "PolicyDocument": DENY_DOCUMENT, "SetAsDefault": True},
          then=(Expect("GetPolicy", {"PolicyArn": f"{ACCOUNT}:policy/guard"}, {"Policy": {"DefaultVersionId": "v2"}}),)),
    Read("ListPolicyVersions", {"PolicyArn": f"{ACCOUNT}:policy/guard"}),
    Paginate("ListPolicyVersions", {"PolicyArn": f"{ACCOUNT}:policy/guard"}, (Page(), Page(max_items=1))),
    Write("CreateServiceLinkedRole", {"AWSServiceName": "elasticbeanstalk.amazonaws.com", "Description": "beanstalk"}),
    Write("CreateAccountAlias", {"AccountAlias": "harness-account"},
          then=(Expect("ListAccountAliases", {}, {"AccountAliases": ["harness-account"]}),)),
    Read("ListAccountAliases"),
    Read("ListServerCertificates"),
    Read("ListSigningCertificates", {"UserName": "carol"}),
    Read("ListSSHPublicKeys", {"UserName": "carol"}),
    Error("GetAccessKeyLastUsed", {"AccessKeyId": "AKIAIOSFODNN7EXAMPLE"}, "NoSuchEntityException",
          name="GetAccessKeyLastUsed of a missing key"),
    Paginate("GetAccountAuthorizationDetails", {}, (Page(), Page(max_items=2))),
))

WORKLOADS = [users, groups_and_policies, roles, account]
