"""SSM Parameter Store (JSON protocol): parameters of each type, versions and labels, reading
by name and by path with pagination (also ``MaxResults`` given as a request field), tags,
deletes and the errors of missing or existing parameters."""

from __future__ import annotations

import json

from tests.moto.steps import RESUME, Error, Expect, Page, Paginate, Read, Ref, Setup, Workload, Write

HOST = "/app/db/host"

parameters = Workload("ssm", "parameters", (
    Write("PutParameter", {"Name": HOST, "Value": "db.internal", "Type": "String", "Description": "database host",
                           "Tags": [{"Key": "team", "Value": "platform"}]},
          then=(Expect("GetParameter", {"Name": HOST}, {"Parameter": {"Name": HOST, "Value": "db.internal",
                                                                      "Type": "String", "Version": 1}}),)),
    Write("PutParameter", {"Name": "/app/db/password", "Value": "s3cret", "Type": "SecureString"},
          then=(Expect("GetParameter", {"Name": "/app/db/password", "WithDecryption": True},
                       {"Parameter": {"Value": "s3cret", "Type": "SecureString"}}),)),
    Write("PutParameter", {"Name": "/app/regions", "Value": "eu-west-1,us-east-1", "Type": "StringList"}),
    Read("GetParameter", {"Name": HOST}),
    Read("GetParameter", {"Name": "/app/db/password"}, name="GetParameter of a SecureString, encrypted"),
    Read("GetParameter", {"Name": "/app/db/password", "WithDecryption": True}, name="GetParameter decrypted"),
    Read("GetParameters", {"Names": [HOST, "/app/regions", "/app/missing"]}, name="GetParameters, one invalid"),
    Error("GetParameter", {"Name": "/app/missing"}, "ParameterNotFound"),
    Error("PutParameter", {"Name": HOST, "Value": "other", "Type": "String"}, "ParameterAlreadyExists"),
    Write("PutParameter", {"Name": HOST, "Value": "db2.internal", "Type": "String", "Overwrite": True},
          name="PutParameter overwriting (version 2)",
          then=(Expect("GetParameter", {"Name": HOST}, {"Parameter": {"Value": "db2.internal", "Version": 2}}),)),
    Write("LabelParameterVersion", {"Name": HOST, "ParameterVersion": 1, "Labels": ["stable"]},
          then=(Expect("GetParameter", {"Name": f"{HOST}:stable"}, {"Parameter": {"Value": "db.internal"}}),)),
    Read("GetParameterHistory", {"Name": HOST}),
    Paginate("GetParameterHistory", {"Name": HOST}, (Page(), Page(page_size=1), Page(max_items=1))),
    Read("ListTagsForResource", {"ResourceType": "Parameter", "ResourceId": HOST}),
    Write("AddTagsToResource", {"ResourceType": "Parameter", "ResourceId": HOST,
                                "Tags": [{"Key": "env", "Value": "test"}]},
          then=(Expect("ListTagsForResource", {"ResourceType": "Parameter", "ResourceId": HOST},
                       {"TagList": [{"Key": "team", "Value": "platform"}, {"Key": "env", "Value": "test"}]}),)),
    Write("RemoveTagsFromResource", {"ResourceType": "Parameter", "ResourceId": HOST, "TagKeys": ["team"]},
          then=(Expect("ListTagsForResource", {"ResourceType": "Parameter", "ResourceId": HOST},
                       {"TagList": [{"Key": "env", "Value": "test"}]}, exact=True),)),
    Write("DeleteParameter", {"Name": "/app/regions"},
          then=(Expect("GetParameters", {"Names": ["/app/regions"]},
                       {"Parameters": [], "InvalidParameters": ["/app/regions"]}, exact=True),)),
    Error("DeleteParameter", {"Name": "/app/regions"}, "ParameterNotFound", name="DeleteParameter again"),
    Write("DeleteParameters", {"Names": ["/app/db/password", "/app/never"]},
          then=(Expect("GetParameters", {"Names": ["/app/db/password"]}, {"Parameters": []}),)),
))

by_path = Workload("ssm", "by-path", (
    *(Setup("PutParameter", {"Name": f"/svc/web/setting{n}", "Value": f"value {n}", "Type": "String"}) for n in range(7)),
    *(Setup("PutParameter", {"Name": f"/svc/web/nested/key{n}", "Value": str(n), "Type": "String"}) for n in range(3)),
    Setup("PutParameter", {"Name": "/svc/api/url", "Value": "https://api", "Type": "String"}),
    Read("GetParametersByPath", {"Path": "/svc/web"}, name="GetParametersByPath, one level"),
    Read("GetParametersByPath", {"Path": "/svc", "Recursive": True, "MaxResults": 4}, name="GetParametersByPath, one page of 4"),
    Paginate("GetParametersByPath", {"Path": "/svc", "Recursive": True}, (
        Page(), Page(page_size=3), Page(max_items=5, page_size=2), Page(page_size=4, starting_token=RESUME))),
    Paginate("GetParametersByPath", {"Path": "/svc/web", "MaxResults": 2}, name="GetParametersByPath, MaxResults as a request field"),
    Paginate("GetParametersByPath", {"Path": "/svc", "Recursive": True,
                                     "ParameterFilters": [{"Key": "Type", "Option": "Equals", "Values": ["String"]}]},
             (Page(max_items=3),), name="GetParametersByPath with a filter"),
    # moto answers DescribeParameters 10 at a time whatever MaxResults says.
    Paginate("DescribeParameters", {"ParameterFilters": [{"Key": "Path", "Option": "Recursive", "Values": ["/svc"]}]},
             (Page(), Page(max_items=6), Page(max_items=3, starting_token=RESUME), Page(starting_token=RESUME))),
    Read("DescribeParameters", {"ParameterFilters": [{"Key": "Name", "Option": "BeginsWith", "Values": ["/svc/api"]}]},
         name="DescribeParameters by name prefix"),
))

def command_document(description: str) -> str:
    return json.dumps({"schemaVersion": "2.2", "description": description, "mainSteps": [
        {"action": "aws:runShellScript", "name": "run", "inputs": {"runCommand": ["systemctl restart web"]}}]})


documents = Workload("ssm", "documents-and-commands", (
    Write("CreateDocument", {"Name": "restart-web", "DocumentType": "Command", "DocumentFormat": "JSON",
                             "Content": command_document("restart"), "Tags": [{"Key": "team", "Value": "web"}]},
          then=(Expect("DescribeDocument", {"Name": "restart-web"},
                       {"Document": {"Name": "restart-web", "DocumentType": "Command", "Status": "Active"}}),)),
    Read("DescribeDocument", {"Name": "restart-web"}),
    Read("GetDocument", {"Name": "restart-web"}),
    Write("UpdateDocument", {"Name": "restart-web", "Content": command_document("restart, v2"), "DocumentVersion": "$LATEST"},
          then=(Expect("GetDocument", {"Name": "restart-web", "DocumentVersion": "2"},
                       {"Content": command_document("restart, v2")}),)),
    Write("UpdateDocumentDefaultVersion", {"Name": "restart-web", "DocumentVersion": "2"},
          then=(Expect("DescribeDocument", {"Name": "restart-web"}, {"Document": {"DefaultVersion": "2"}}),)),
    Read("ListDocuments", {"Filters": [{"Key": "Owner", "Values": ["Self"]}]}),
    Paginate("ListDocuments", {"Filters": [{"Key": "Owner", "Values": ["Self"]}]}),
    Read("DescribeDocumentPermission", {"Name": "restart-web", "PermissionType": "Share"}),
    Error("DescribeDocument", {"Name": "missing-document"}, "InvalidDocument"),
    Write("SendCommand", {"DocumentName": "AWS-RunShellScript", "InstanceIds": ["i-0123456789abcdef0"],
                          "Parameters": {"commands": ["uptime"]}, "Comment": "check", "TimeoutSeconds": 60},
          save={"command": "Command.CommandId"},
          then=(Expect("ListCommands", {"CommandId": Ref("command")},
                       {"Commands": [{"DocumentName": "AWS-RunShellScript", "Comment": "check",
                                      "Parameters": {"commands": ["uptime"]}}]}),)),
    Read("ListCommands", {"CommandId": Ref("command")}),
    Read("GetCommandInvocation", {"CommandId": Ref("command"), "InstanceId": "i-0123456789abcdef0"}),
    Write("CreateMaintenanceWindow", {"Name": "weekly", "Schedule": "cron(0 2 ? * SUN *)", "Duration": 2, "Cutoff": 1,
                                      "AllowUnassociatedTargets": False, "Tags": [{"Key": "env", "Value": "prod"}]},
          save={"window": "WindowId"},
          then=(Expect("GetMaintenanceWindow", {"WindowId": Ref("window")}, {"Name": "weekly", "Duration": 2}),)),
    Read("GetMaintenanceWindow", {"WindowId": Ref("window")}),
    Read("DescribeMaintenanceWindows"),
    Paginate("DescribeMaintenanceWindows", {}, (Page(), Page(max_items=1))),
    Write("DeleteDocument", {"Name": "restart-web"},
          then=(Expect("ListDocuments", {"Filters": [{"Key": "Owner", "Values": ["Self"]}]},
                       {"DocumentIdentifiers": []}),)),
))

WORKLOADS = [parameters, by_path, documents]
