"""The CLI's shorthand module (``codegen/templates/runtime/_cli/shorthand.py``) against the AWS CLI v1.

The oracle is awscli itself (``awscli==1.46.3``), in a subprocess (importing ``awscli`` changes
``AWS_DATA_PATH`` and the import system of the process, and makes ``import botocore`` its own
bundled copy):

- the raw parser: ``awscli.shorthand.ShorthandParser().parse(text)``;
- the whole argument pipeline: the operation's own argparse parser (list options take several
  words), then ``ServiceOperation._build_call_parameters``, which runs ``load-cli-arg``
  (``file://`` loading), ``process-cli-arg`` (``ParamShorthandParser``: the JSON detection, the
  special cases, the parser, ``BackCompatVisitor``) and ``unpack_cli_arg``. What is compared is
  the final botocore parameter value, or the text awscli prints for the exception.

Our side gets a type descriptor built from *this* project's botocore model (``descriptor_of``),
the words argparse would give, ``file://`` loaded as the CLI loads it, and ``shorthand_value``.
Values are compared through ``tag`` (exact types: ``1``, ``1.0``, ``True`` and ``"1"`` differ;
dict key order counts; awscli's ``OrderedDict`` from JSON counts as a dict).
"""

from __future__ import annotations

import ast
import dataclasses
import importlib.util
import inspect
import json
import locale
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "codegen" / "templates" / "runtime" / "_cli" / "shorthand.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_cli_shorthand_under_test", MODULE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sh = _load()


# --- helpers shared with the oracle (their source is sent to the subprocess) ---------------


def descriptor_of(shape: Any, legacy_list: bool = False) -> dict[str, Any]:
    """The type descriptor of a botocore shape; a shape that contains itself becomes
    ``{"ref": name}`` with its definition in the root's ``"shapes"``."""
    recursive: set[str] = set()
    state: dict[str, str] = {}  # name -> "open" (on the path) / "done"

    def children(s: Any) -> list[Any]:
        if s.type_name == "structure" and not getattr(s, "is_document_type", False):
            return list(s.members.values())
        if s.type_name == "list":
            return [s.member]
        if s.type_name == "map":
            return [s.key, s.value]
        return []

    def find(s: Any) -> None:
        if state.get(s.name) == "open":
            recursive.add(s.name)
            return
        if state.get(s.name) == "done":
            return
        state[s.name] = "open"
        for child in children(s):
            find(child)
        state[s.name] = "done"

    find(shape)
    shapes: dict[str, Any] = {}

    def build(s: Any) -> dict[str, Any]:
        if s.name in recursive:
            if s.name not in shapes:
                shapes[s.name] = None
                shapes[s.name] = body(s)
            return {"ref": s.name}
        return body(s)

    def body(s: Any) -> dict[str, Any]:
        if s.type_name == "structure":
            if getattr(s, "is_document_type", False):
                return {"type": "document"}
            return {"type": "structure", "members": {n: build(m) for n, m in s.members.items()}}
        if s.type_name == "list":
            return {"type": "list", "member": build(s.member)}
        if s.type_name == "map":
            return {"type": "map", "key": build(s.key), "value": build(s.value)}
        out: dict[str, Any] = {"type": s.type_name}
        if s.type_name == "blob" and s.serialization.get("streaming"):
            out["streaming"] = True
        if (
            s.type_name == "string"
            and s.serialization.get("jsonvalue")
            and s.serialization.get("location") == "header"
        ):
            out["jsonvalue"] = True
        return out

    root = build(shape)
    if shapes:
        root = dict(root, shapes=shapes)
    if legacy_list:
        root = dict(root, legacy_list=True)
    return root


def tag(value: Any) -> Any:
    """A JSON form of a value that keeps its exact type and key order."""
    kind = type(value).__name__
    if value is None:
        return ["none"]
    if kind == "bool":
        return ["bool", value]
    if kind == "int":
        return ["int", str(value)]
    if kind == "float":
        return ["float", repr(value)]
    if kind == "str":
        return ["str", value]
    if kind == "bytes":
        return ["bytes", value.hex()]
    if kind in ("dict", "OrderedDict"):
        return ["dict", [[tag(k), tag(v)] for k, v in value.items()]]
    if kind == "list":
        return ["list", [tag(v) for v in value]]
    return ["other", kind, repr(value)]


ORACLE = textwrap.dedent(
    """
    import argparse, json, sys
    from typing import Any
    from awscli.clidriver import create_clidriver
    from awscli.paramfile import register_uri_param_handler
    from awscli.shorthand import ShorthandParser
    from awscli.argprocess import ParamShorthandDocGen

    %s

    %s

    driver = create_clidriver()
    register_uri_param_handler(driver.session)   # what session-initialized does
    services, operations = {}, {}

    def operation(service, command):
        if (service, command) not in operations:
            if service not in services:
                services[service] = driver._get_command_table()[service]
            op = services[service]._get_command_table()[command]
            for argument in op.arg_table.values():
                try:
                    argument.required = False
                except AttributeError:
                    pass
            operations[service, command] = op
        return operations[service, command]

    def argv(service, command, option, words):
        op = operation(service, command)
        table = op.arg_table
        argument = table[option]
        parsed, rest = op._create_operation_parser(table).parse_known_args(["--" + option, *words])
        assert not rest, rest
        model = argument.argument_model
        about = {"member": argument._serialized_name, "descriptor": descriptor_of(model),
                 "shorthand": ParamShorthandDocGen().supports_shorthand(model)}
        try:
            params = op._build_call_parameters(parsed, table, argparse.Namespace(v2_debug=False))
        except Exception as error:   # what CLIDriver.main prints
            return about, ["error", str(error)]
        return about, ["value", tag(params.get(argument._serialized_name, "<absent>"))]

    def parse(text):
        try:
            return ["value", tag(ShorthandParser().parse(text))]
        except Exception as error:
            return ["error", str(error)]

    request = json.load(sys.stdin)
    json.dump({
        "argv": [argv(*case) for case in request["argv"]],
        "parse": [parse(text) for text in request["parse"]],
    }, sys.stdout)
    """
) % (inspect.getsource(descriptor_of), inspect.getsource(tag))


# --- the cases ------------------------------------------------------------------------------

FILES: dict[str, bytes] = {
    "value.txt": b"from a file\n",
    "filters.txt": b"Name=a,Values=b",
    "filters.json": b'[{"Name": "a", "Values": ["b"]}]\n',
    "ids.txt": b"i-1 i-2",
    "tagging.txt": b"TagSet=[{Key=a,Value=b}]\n",  # the newline breaks it (see the case)
    "tagging-bare.txt": b"TagSet=[{Key=a,Value=b}]",
    "tags.txt": b"Key=a,Value=b\n",
    "empty.txt": b"",
    "latin1.txt": b"caf\xe9\n",
}


@dataclasses.dataclass(frozen=True)
class Case:
    service: str
    command: str
    option: str
    words: tuple[str, ...]
    why: str = ""


def C(service: str, command: str, option: str, *words: str, why: str = "") -> Case:
    return Case(service, command, option, words, why)


DI = ("ec2", "describe-instances")
TAGS = ("ec2", "create-tags", "tags")
TAGGING = ("s3api", "put-bucket-tagging", "tagging")
ITEM = ("dynamodb", "put-item", "item")
SQS = ("sqs", "set-queue-attributes", "attributes")
METRIC = ("cloudwatch", "put-metric-data", "metric-data")
MIA = ("ec2", "modify-instance-attribute")

CASES: list[Case] = [
    # ec2 describe-instances --filters: a list of structures, one word per structure
    C(*DI, "filters", "Name=instance-type,Values=t2.micro"),
    C(*DI, "filters", "Name=instance-type,Values=t2.micro,t3.micro", why="csv list"),
    C(*DI, "filters", "Name=a,Values=b", "Name=c,Values=d,e", why="two words"),
    C(*DI, "filters", "Name=a,Values=b", "Name=c,Values=d", "Name=e,Values=f"),
    C(*DI, "filters", "Name=tag:Name,Values=my web server", why="spaces in a value"),
    C(*DI, "filters", "Name=a,Values=[b,c]", why="explicit list"),
    C(*DI, "filters", "Name=a,Values=[]"),
    C(*DI, "filters", "Name=a,Values=", why="empty value, made a one-item list"),
    C(*DI, "filters", "Name='a,b',Values=c", why="single quotes keep the comma"),
    C(*DI, "filters", 'Name="x\\"y",Values=z', why="escaped double quote"),
    C(*DI, "filters", "Name=a,Values=b\\,c", why="escaped comma"),
    C(*DI, "filters", "Name=a,Values=b,c,", why="trailing comma: error"),
    C(*DI, "filters", "Name=a,,Values=b", why="doubled comma"),
    C(*DI, "filters", "Name=a,Values=b,Name=c", why="duplicate key: error"),
    C(*DI, "filters", "Name=a Values=b", why="a space is part of the value"),
    C(*DI, "filters", "Name=a, Values=b"),
    C(*DI, "filters", "Name = a , Values = b"),
    C(*DI, "filters", "", why="empty word: error"),
    C(*DI, "filters", "Name", why="no '=': error"),
    C(*DI, "filters", "Name=a,Values=b", "", why="second word bad"),
    C(*DI, "filters", '[{"Name": "a", "Values": ["b"]}]', why="JSON"),
    C(*DI, "filters", '  [{"Name": "a"}]', why="JSON after spaces"),
    C(*DI, "filters", '{"Name": "a", "Values": ["b"]}', why="one JSON object: a one-item list"),
    C(*DI, "filters", '{"Name": "a"}', "Name=b", why="JSON first: every word must be JSON"),
    C(*DI, "filters", "Name=b", '{"Name": "a"}', why="shorthand first: every word shorthand"),
    C(*DI, "filters", '[{"Name": }]', why="bad JSON"),
    C(*DI, "filters", "Name=a,Values=\u00e9\u65e5\u672c", why="unicode"),
    C(*DI, "filters", "Name=a,Values=\U0001f600", why="astral character unquoted: error"),
    C(*DI, "filters", "Name=a,Values='\U0001f600'", why="astral character quoted"),
    C(*DI, "filters", "Name=a,Values=[b,[c,d]]"),
    C(*DI, "filters", "Name=a,Values={b=c}", why="a structure where strings are wanted"),
    C(*DI, "filters", "Name=a\nValues=b", why="a newline is part of the value"),
    C(*DI, "filters", "Name=a,Values=b\n", why="trailing newline stripped"),
    C(*DI, "filters", "Name=a,Values=[b,c] ", why="space after ]: error"),
    C(*DI, "filters", "Name=a,Values=[b", why="unclosed list"),
    C(*DI, "filters", "Name=a,Values='b", why="unclosed quote"),
    C(*DI, "filters", "Name=a,Foo=b", why="unknown key kept"),
    C(*DI, "filters", "Name=a,Values=1,2"),
    C(*DI, "filters", why="no words"),
    C(*DI, "filters", "file://{dir}/filters.txt", why="file:// shorthand for a list: a dict"),
    C(*DI, "filters", "file://{dir}/filters.json"),
    C(*DI, "filters", "file://{dir}/missing.txt"),
    # ec2 describe-instances: a list of strings, and an integer (not shorthand)
    C(*DI, "instance-ids", "i-1", "i-2"),
    C(*DI, "instance-ids", '["i-1", "i-2"]'),
    C(*DI, "instance-ids", "i-1,i-2", why="no shorthand for a list of strings"),
    C(*DI, "instance-ids", "file://{dir}/ids.txt", why="a file's text, one item per character"),
    C(*DI, "instance-ids", '["i-1",'),
    C(*DI, "instance-ids", "file://{dir}/empty.txt"),
    C(*DI, "instance-ids", why="no words"),
    C(*DI, "max-results", "5"),
    C(*DI, "max-results", "x"),
    # ec2 create-tags --tags
    C(*TAGS, "Key=Name,Value=web"),
    C(*TAGS, "Key=a,Value=b", "Key=c,Value=d"),
    C(*TAGS, "Key=a,Value="),
    C(*TAGS, "Key=a"),
    C(*TAGS, "Key=a,Value='x=y,z'"),
    C(*TAGS, "Key=a,Value=x=y", why="'=' inside a first value"),
    C(*TAGS, "Key=a,Value@=file://{dir}/value.txt", why="@= loads the file"),
    C(*TAGS, "Key=a,Value@=fileb://{dir}/value.txt", why="@= fileb:// gives bytes"),
    C(*TAGS, "Key=a,Value@=file://missing.txt", why="@= missing file: no prefix"),
    C(*TAGS, "Key=a,Value@=file://{dir}/latin1.txt"),
    C(*TAGS, "Key=a,Value @= plain", why="@= without a file"),
    C(*TAGS, "Key@=file://{dir}/value.txt,Value=b"),
    C(*TAGS, "Key=a,Value=file://{dir}/value.txt", why="= does not load"),
    C(*TAGS, "fileb://{dir}/tags.txt", why="bytes for a whole value"),
    C(*TAGS, "fileb://{dir}/empty.txt"),
    C(*TAGS, "file://{dir}/tags.txt"),
    C(*TAGS, "file://{dir}/empty.txt"),
    C(*TAGS, "Key=a,Value=b,", why="trailing comma"),
    C(*TAGS, "Key=a;Value=b"),
    C(*TAGS, 'Key=a,Value="quoted \\"inner\\""'),
    C(*TAGS, "Key=a,Value='it\\'s'"),
    C(*TAGS, "Key=a,Value='back\\\\slash'"),
    C(*TAGS, "Key=a,Value='a\\'", why="unclosed quote ending in \\'"),
    C(*TAGS, "Key=a,Value=tab\there"),
    C(*TAGS, "key=a,value=b", why="keys are case sensitive"),
    # s3api put-bucket-tagging --tagging: a structure holding a list of structures
    C(*TAGGING, "TagSet=[{Key=a,Value=b},{Key=c,Value=d}]"),
    C(*TAGGING, "TagSet={Key=a,Value=b}", why="one structure made a list"),
    C(*TAGGING, "TagSet=[]"),
    C(*TAGGING, "TagSet=[{Key=a,Value=}]", why="'}' starts a value: error"),
    C(*TAGGING, "TagSet=[{Key=a,Value=b}] "),
    C(*TAGGING, '{"TagSet": [{"Key": "a", "Value": "b"}]}'),
    C(*TAGGING, "[1]", why="not an object"),
    C(*TAGGING, "file://{dir}/tagging.txt", why="the file's newline breaks it"),
    C(*TAGGING, "file://{dir}/tagging-bare.txt"),
    C(*TAGGING, "TagSet=[{Key=a,Value=b}],TagSet=[]"),
    C(*TAGGING, "TagSet=[{Key=a,Key=b}]", why="duplicate inside {}: the last wins"),
    C(*TAGGING, "TagSet = [ { Key = a , Value = b } ]"),
    C(*TAGGING, "TagSet=[{Key='a,b',Value=\"c}d\"}]"),
    C(*TAGGING, "  "),
    # dynamodb put-item --item: a map of a recursive structure
    C(*ITEM, "id={S=abc}"),
    C(*ITEM, "id={S=abc},n={N=42}", why="N is a string"),
    C(*ITEM, "ok={BOOL=true},no={BOOL=FALSE},maybe={BOOL=yes}", why="booleans"),
    C(*ITEM, "l={L=[{S=x},{N=1},{L=[{S=deep}]}]}", why="recursion"),
    C(*ITEM, "m={M={a={S=b},c={M={d={BOOL=false}}}}}"),
    C(*ITEM, "ss={SS=[a,b]}"),
    C(*ITEM, "ss={SS=a}"),
    C(*ITEM, "nul={NULL=true}"),
    C(*ITEM, "b={B=abc}"),
    C(*ITEM, "id={S=a},id={S=b}"),
    C(*ITEM, '{"id": {"S": "a"}}'),
    C(*ITEM, "id=abc", why="a string where a structure is wanted: kept"),
    C(*ITEM, "ok={BOOL=[true]}", why="a list for a boolean: Python's error"),
    # sqs set-queue-attributes --attributes: a map of strings, enum keys
    C(*SQS, "DelaySeconds=10,MaximumMessageSize=2048"),
    C(*SQS, 'Policy={"a":1}'),
    C(*SQS, "RedrivePolicy='{\"deadLetterTargetArn\":\"arn\",\"maxReceiveCount\":\"5\"}'"),
    C(*SQS, "DelaySeconds=10,DelaySeconds=20"),
    C(*SQS, "VisibilityTimeout="),
    C(*SQS, "A=1,2,3", why="a list where a string is wanted: kept"),
    C(*SQS, "fileb://{dir}/tags.txt"),
    # sns: maps of strings and of structures
    C("sns", "create-topic", "attributes", "DisplayName=My Topic,FifoTopic=true"),
    C("sns", "create-topic", "attributes", "DisplayName=\u00e9"),
    C("sns", "publish", "message-attributes", "attr={DataType=String,StringValue=hello}"),
    C("sns", "publish", "message-attributes",
      "n={DataType=Number,StringValue=3},l={DataType=String.Array,StringListValues=[a,b]}"),
    C("sns", "publish", "message-attributes", "b={DataType=Binary,BinaryValue=aGk=}"),
    # cloudwatch put-metric-data --metric-data: doubles, integers, lists of doubles
    C(*METRIC, "MetricName=Latency,Value=1.5,Unit=Seconds"),
    C(*METRIC, "MetricName=m,Values=1.5", why="one value made a list, not converted"),
    C(*METRIC, "MetricName=m,Values=1,2.5,Counts=3,4"),
    C(*METRIC, "MetricName=m,Values=[1,2]"),
    C(*METRIC, "MetricName=m,StorageResolution=1"),
    C(*METRIC, "MetricName=m,StorageResolution=1.5"),
    C(*METRIC, "MetricName=m,Value=abc"),
    C(*METRIC, "MetricName=m,Value=abc,StorageResolution=x", why="first error in model order"),
    C(*METRIC, "MetricName=m,Value=1e3"),
    C(*METRIC, "MetricName=m,Value= 7 "),
    C(*METRIC, "MetricName=m,Value=inf"),
    C(*METRIC, "MetricName=m,Value=\u0661\u0662", why="Arabic-Indic digits"),
    C(*METRIC, "MetricName=m,Dimensions=[{Name=a,Value=b}],"
      "StatisticValues={SampleCount=1,Sum=2,Minimum=0,Maximum=2}"),
    C(*METRIC, "MetricName=m,Timestamp=2024-01-01T00:00:00Z"),
    C(*METRIC, "MetricName=m,Value=1", "MetricName=n,Value=2"),
    C(*METRIC, "MetricName=m,StorageResolution=[1]"),
    # ec2: booleans and integers in nested structures
    C("ec2", "run-instances", "block-device-mappings",
      "DeviceName=/dev/sda1,Ebs={DeleteOnTermination=false,VolumeSize=8,VolumeType=gp3}"),
    C("ec2", "run-instances", "block-device-mappings",
      "DeviceName=/dev/sdb,Ebs={DeleteOnTermination=True,Iops=x}"),
    C("ec2", "run-instances", "block-device-mappings", "DeviceName=/dev/sdb,NoDevice="),
    C("ec2", "create-launch-template", "launch-template-data",
      "EbsOptimized=true,DisableApiTermination=false,CpuOptions={CoreCount=2,ThreadsPerCore=1}"),
    C("ec2", "create-launch-template", "launch-template-data", "EbsOptimized=maybe"),
    C("ec2", "create-launch-template", "launch-template-data",
      "SecurityGroupIds=sg-1,sg-2,InstanceType=t3.micro"),
    # a structure whose only member is the string Value
    C(*MIA, "instance-type", "t2.micro", why="bare value"),
    C(*MIA, "instance-type", "Value=t2.micro"),
    C(*MIA, "instance-type", "a=b"),
    C(*MIA, "instance-type", '{"Value": "x"}'),
    C(*MIA, "instance-type", "file://{dir}/value.txt"),
    C(*MIA, "instance-type", "fileb://{dir}/value.txt", why="bytes: Python's error"),
    C(*MIA, "source-dest-check", "Value=false", why="Value is a boolean: no special case"),
    C(*MIA, "source-dest-check", "true"),
    # the legacy lists of one-member structures
    C("elb", "remove-tags", "tags", "a", "b"),
    C("elb", "remove-tags", "tags", "Key=a"),
    C("elb", "remove-tags", "tags", '[{"Key": "a"}]'),
    C("elb", "describe-instance-health", "instances", "i-1", "i-2"),
    C("elb", "describe-instance-health", "instances", "file://{dir}/ids.txt"),
    # documents
    C("bedrock-runtime", "converse", "tool-config",
      "tools=[{toolSpec={name=a,inputSchema={json=x}}}]", why="a nested document"),
    C("bedrock-runtime", "converse", "tool-config", "tools=[{toolSpec={name=a,description=b}}]"),
    C("bedrock-runtime", "converse", "tool-config", "tools=[{toolSpec={name=a,inputSchema={json={}}}}]"),
    C("bedrock-runtime", "converse", "additional-model-request-fields", '{"temperature": 0.5}'),
    C("bedrock-runtime", "converse", "additional-model-request-fields", "a=b"),
    C("bedrock-runtime", "converse", "additional-model-request-fields", ""),
    C("identitystore", "create-user", "extensions", "a=b", why="a map of documents"),
    C("identitystore", "create-user", "extensions", '{"aws:identitystore:enterprise": {"a": 1}}'),
    C("identitystore", "create-user", "extensions", ""),
    # lists of lists, of numbers; JSON headers; maps of lists
    C("location", "calculate-route-matrix", "departure-positions", "[1,2]", "3"),
    C("location", "calculate-route-matrix", "departure-positions", "[[1,2],[3,4]]"),
    C("location", "calculate-route-matrix", "departure-positions", "1,2"),
    C("location", "calculate-route-matrix", "departure-positions", "[1,2]", "x"),
    C("codebuild", "create-webhook", "filter-groups", "type=EVENT,pattern=PUSH"),
    C("codebuild", "create-webhook", "filter-groups",
      "type=EVENT,pattern=PUSH,excludeMatchedPattern=true", "type=HEAD_REF,pattern=main"),
    C("codebuild", "create-webhook", "filter-groups", '[[{"type": "EVENT", "pattern": "PUSH"}]]'),
    C("iot", "get-percentiles", "percents", "1.5", "99"),
    C("iot", "get-percentiles", "percents", "1.5", "x", why="the error names the first word"),
    C("elbv2", "describe-trust-store-revocations", "revocation-ids", "1", "2"),
    C("elbv2", "describe-trust-store-revocations", "revocation-ids", "[1, 2]"),
    C("iot-data", "publish", "user-properties", '[{"a": "b"}]'),
    C("iot-data", "publish", "user-properties", "a=b"),
    C("iam", "create-role", "tags", "Key=team,Value=blue", "Key=env,Value=prod"),
    C("ssm", "create-association", "parameters", "commands=ls,pwd"),
    C("ssm", "create-association", "parameters", "commands=ls"),
    C("ssm", "create-association", "parameters", "commands=[ls -la]"),
    C("ssm", "create-association", "target-maps", "a=b,c"),
]

# raw parses (ShorthandParser().parse), and a seeded random sample of short strings
PARSES: list[str] = [
    "a=b", "a=b,c", "a=b,c=d", "a=,b=", "a", "=b", "a=b,,c=d", "a=[]", "a=[,]", "a=[,,]",
    "a={}", "a=[a,b,]", "a=b,c,", "a=b c=d", "a=b,a=c", 'a="x\\"y"', "a='x\\'y'", "a= b ",
    " a = b ", "a=b\nc=d", "foo==bar,\nbaz=1", "a=b,\nfoo==bar\nx=y", "a=b\\,c", "a=[b\\,c]",
    "a={b=[c,d],e={f=g}}", "a=b,c,d=e", "a=b,'c,d',e=f", "a=\u00e9\u65e5", "a=:b", "a=b:c",
    "a={b= c }", "a=[ b , c ]", "a=[b c]", "a={b=c} ", "a={b=}", "a=[}]", "a=]", "a=}",
    "a={b=]}", "a='x\\'", "a='x\\'y", "a=b,'c,d'x", "a=\U0001f600", "a={a=1,a=2}", "a=b,=c",
    "a @ = b", "a=b,,", "a=[{b=1},c]", "a.b-c_d#e/f:g=h", "a!=b", "a=b\\", "a=\\,", "a=\\\\,b",
    "a='\\\\'", 'a=""', "a=''", "a=[''," + "'']", "a=b\t,c=d", "a=b\x0c", "a=\x1cb", "a=b\x1c",
    "a=b\u3000", "a=\u3000b", "a=\x01", "a@=[x,y]", "a@={b=c}", "a@=[{b=1},file://x]",
    "a=[{b@=plain},c]", "a@=file://{dir}/value.txt,b=c", "a@=file://{dir}/value.txt,file://{dir}/tags.txt",
    "a@=[file://{dir}/value.txt,{b@=fileb://{dir}/tags.txt}]", "a@='file://{dir}/value.txt'",
    "a@=file://{dir}/nope", "a=" + "[" * 50 + "]" * 50,
]


def _random_strings(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = list("ab=,[]{}'\"\\ @ \n\t:#-/") + ["Key", "Value", "x y", "\u00e9", "\U0001f600",
                                                   "\u3000", "\x1c", "\x01", "1.5", "true"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(count)]


def _grammar_strings(seed: int, count: int) -> list[str]:
    """Mostly well-formed shorthand, with the awkward parts mixed in."""
    rng = random.Random(seed)
    atoms = ["a", "b c", "", " ", "x\\,y", "'q,r'", '"d\\"e"', "'it\\'s'", "\u00e9", "1", "true",
             "]", "}", "=", "k=v", "\\", "'", '"', "1.5", "False"]

    def value(depth: int) -> str:
        roll = rng.random()
        if depth < 3 and roll < 0.2:
            inner = ",".join(value(depth + 1) for _ in range(rng.randint(0, 3)))
            return "[" + inner + rng.choice(["", ",", " "]) + "]"
        if depth < 3 and roll < 0.4:
            inner = ",".join(pair(depth + 1) for _ in range(rng.randint(0, 3)))
            return "{" + inner + rng.choice(["", ",", " "]) + "}"
        if roll < 0.55:
            return ",".join(rng.choice(atoms) for _ in range(rng.randint(1, 3)))
        return rng.choice(atoms)

    def pair(depth: int) -> str:
        key = rng.choice(["Name", "Values", "Key", "Value", "S", "N", "L", "M", "BOOL", "", "x y"])
        return key + rng.choice(["=", " = ", "@=", "==", ""]) + value(depth)

    return [rng.choice([",", ", ", " ,", " "]).join(pair(0) for _ in range(rng.randint(1, 3)))
            for _ in range(count)]


RANDOM_PARSES = _random_strings(1, 1500) + _grammar_strings(2, 1500)

# whole values of real options, from the grammar above
RANDOM_ARGV: list[Case] = [
    C(*DI, "filters", *_grammar_strings(seed, 1 + seed % 3)) for seed in range(100, 400)
] + [C(*METRIC, text) for text in _grammar_strings(3, 300)] + [
    C(*ITEM, text) for text in _grammar_strings(4, 300)
]

# pairs that are known to give different results: the comparison must see the difference
KNOWN_DIFFERENT: list[tuple[Case, Case]] = [
    (C(*TAGS, "Key=a,Value=b"), C(*TAGS, "Key=a,Value=c")),
    (C(*TAGS, "Key=a,Value=b"), C(*TAGS, "Value=b,Key=a")),  # key order
    (C(*METRIC, "MetricName=m,Value=1"), C(*METRIC, "MetricName=m,StorageResolution=1")),  # 1.0/1
    (C(*METRIC, "MetricName=m,Values=1"), C(*METRIC, "MetricName=m,Values=1,1")),  # '1' / 1.0
    (C(*DI, "filters", "Name"), C(*DI, "filters", "Name!")),  # same error, other caret
]


# --- running both sides ---------------------------------------------------------------------


def _fill(text: str, directory: Path) -> str:
    return text.replace("{dir}", str(directory))


def _fill_case(case: Case, directory: Path) -> Case:
    return dataclasses.replace(case, words=tuple(_fill(w, directory) for w in case.words))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("shorthand-files")
    for name, content in FILES.items():
        (directory / name).write_bytes(content)
    return directory


@pytest.fixture(scope="module")
def oracle(files: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """awscli's answers for every case, in one subprocess."""
    if importlib.util.find_spec("awscli") is None:  # (not imported: see ``models``)
        pytest.skip("the AWS CLI v1 (pip install awscli) is the oracle")
    home = tmp_path_factory.mktemp("shorthand-home")
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(("AWS_", "BOTO"))}
    env.update(HOME=str(home), AWS_CONFIG_FILE=str(home / "config"),
               AWS_SHARED_CREDENTIALS_FILE=str(home / "credentials"))
    argv_cases = CASES + RANDOM_ARGV + [case for pair in KNOWN_DIFFERENT for case in pair]
    request = {
        "argv": [[c.service, c.command, c.option, list(_fill_case(c, files).words)] for c in argv_cases],
        "parse": [_fill(text, files) for text in PARSES + RANDOM_PARSES],
    }
    done = subprocess.run([sys.executable, "-c", ORACLE], input=json.dumps(request), env=env,
                          cwd=files, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    answers = json.loads(done.stdout)
    by_case = {c: answer for c, answer in zip(argv_cases, answers["argv"])}
    by_text = dict(zip(PARSES + RANDOM_PARSES, answers["parse"]))
    return {"argv": by_case, "parse": by_text}


MODELS = textwrap.dedent(
    """
    import json, sys
    from typing import Any
    import botocore.session
    from botocore import xform_name

    %s

    session = botocore.session.get_session()
    out = []
    for service, command, option in json.load(sys.stdin):
        model = session.get_service_model({"s3api": "s3"}.get(service, service))
        name = next(n for n in model.operation_names if xform_name(n, "-") == command)
        shape = model.operation_model(name).input_shape
        member = next(m for m in shape.members if xform_name(m, "-") == option)
        out.append({"member": member, "descriptor": descriptor_of(shape.members[member]),
                    "service_id": model.service_id.hyphenize(), "botocore": botocore.__file__})
    json.dump(out, sys.stdout)
    """
) % inspect.getsource(descriptor_of)


@pytest.fixture(scope="module")
def models() -> dict[tuple[str, str, str], Any]:
    """Each case's option as the generator would see it: its member name and descriptor, from
    this project's botocore (in a subprocess: in this process, once anything imported awscli,
    ``import botocore`` would give awscli's bundled copy)."""
    options = sorted({(c.service, c.command, c.option) for c in CASES + RANDOM_ARGV})
    done = subprocess.run([sys.executable, "-I", "-c", MODELS], input=json.dumps(options),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    found = dict(zip(options, json.loads(done.stdout)))
    for key, about in found.items():
        assert "awscli" not in about["botocore"]
        if (about["service_id"], key[1], key[2]) in sh.LEGACY_SINGLE_MEMBER_LISTS:
            about["descriptor"]["legacy_list"] = True
    return found


def _read(value: Any) -> Any:
    """What the CLI's file:// loading does before shorthand_value (awscli's load-cli-arg)."""
    word = value[0] if isinstance(value, list) and len(value) == 1 else value
    if isinstance(word, str):
        if word.startswith("file://") or word.startswith("fileb://"):
            binary = word.startswith("fileb://")
            path = os.path.expandvars(os.path.expanduser(word[8 if binary else 7:]))
            try:
                if binary:
                    return Path(path).read_bytes()
                with open(path, encoding=locale.getpreferredencoding()) as text:
                    return text.read()
            except OSError as error:
                return ("error", f"Error parsing parameter '--x': Unable to load paramfile {word}: {error}")
    return value


def ours(case: Case, files: Path, models: dict[tuple[str, str, str], Any],
         descriptor: Any = None) -> Any:
    if descriptor is None:
        descriptor = models[case.service, case.command, case.option]["descriptor"]
    words = list(_fill_case(case, files).words)
    value = words if descriptor["type"] == "list" else words[0]
    value = _read(value)
    if isinstance(value, tuple):  # a file:// that cannot be read: the CLI's own message
        return ["error", value[1].replace("--x", "--" + case.option)]
    try:
        return ["value", tag(sh.shorthand_value(descriptor, value, "--" + case.option))]
    except sh.ShorthandError as error:
        assert str(error) == error.message
        return ["error", error.message]


def _parsed(text: str) -> Any:
    try:
        return ["value", tag(sh.parse_shorthand(text))]
    except sh.ShorthandError as error:
        return ["error", error.message]


def _case_id(case: Case) -> str:
    return f"{case.service}.{case.command}.{case.option}:{' '.join(case.words)[:60]!r}"


# --- the tests ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_value_is_awscli_s(case: Case, oracle: dict[str, Any], files: Path,
                           models: dict[tuple[str, str, str], Any]) -> None:
    _, theirs = oracle["argv"][case]
    assert ours(case, files, models) == theirs


@pytest.mark.parametrize("text", PARSES, ids=[repr(t)[:60] for t in PARSES])
def test_parse_is_awscli_s(text: str, oracle: dict[str, Any], files: Path) -> None:
    assert _parsed(_fill(text, files)) == oracle["parse"][text]


def test_random_strings_parse_as_awscli_parses_them(oracle: dict[str, Any]) -> None:
    mismatches = [t for t in RANDOM_PARSES if _parsed(t) != oracle["parse"][t]]
    assert not mismatches, mismatches[:5]
    kinds = {oracle["parse"][t][0] for t in RANDOM_PARSES}
    assert kinds == {"value", "error"}  # the sample has both


def test_random_values_of_real_options_are_awscli_s(oracle: dict[str, Any], files: Path,
                                                    models: dict[tuple[str, str, str], Any]) -> None:
    mismatches = [c for c in RANDOM_ARGV if ours(c, files, models) != oracle["argv"][c][1]]
    assert not mismatches, [(c.words, ours(c, files, models), oracle["argv"][c][1]) for c in mismatches[:3]]
    answers = [oracle["argv"][c][1] for c in RANDOM_ARGV]
    assert sum(a[0] == "value" for a in answers) > 100 and sum(a[0] == "error" for a in answers) > 100


def _without_newer_members(mine: Any, theirs: Any, path: str = "") -> list[str]:
    """Drop from ``mine`` (in place) the structure members ``theirs`` has not, at any depth, and
    return their dotted paths. This project's botocore is held to a range, not pinned, so it
    may be newer than awscli's bundled copy (on 2026-12-06 botocore 1.44.18 added
    ``Ebs.EbsCardIndex`` to EC2's block device mappings, 1.44.8 ``Monitoring.MetricCategoryIds``
    to launch template data): a member only the newer model has is not a parser's difference.
    Anything else (a member gone, a type changed) is left for the comparison to see."""
    newer: list[str] = []
    if not (isinstance(mine, dict) and isinstance(theirs, dict)):
        return newer
    if mine.get("type") == "structure" == theirs.get("type"):
        members, known = mine.get("members", {}), theirs.get("members", {})
        for name in sorted(set(members) - set(known)):
            del members[name]
            newer.append(f"{path}{name}")
        for name in members:
            newer += _without_newer_members(members[name], known[name], f"{path}{name}.")
    for key in ("member", "key", "value"):
        if key in mine and key in theirs:
            newer += _without_newer_members(mine[key], theirs[key], path)
    return newer


OPTIONS = list({(c.service, c.command, c.option): c for c in CASES}.values())


@pytest.mark.parametrize("case", OPTIONS, ids=[f"{c.service}.{c.command}.{c.option}" for c in OPTIONS])
def test_descriptor_matches_awscli_s_model(case: Case, oracle: dict[str, Any],
                                          models: dict[tuple[str, str, str], Any]) -> None:
    """The descriptor from this project's botocore is the one from awscli's bundled model (so
    the value comparisons compare parsers, not model versions), and shorthand is offered for
    the same options."""
    about, _ = oracle["argv"][case]
    mine = models[case.service, case.command, case.option]
    assert mine["member"] == about["member"]
    descriptor = json.loads(json.dumps(mine["descriptor"]))
    descriptor.pop("legacy_list", None)
    newer = _without_newer_members(descriptor, about["descriptor"])
    # no case of this option names a member awscli's model lacks (its value would differ)
    for other in CASES:
        if (other.service, other.command, other.option) == (case.service, case.command, case.option):
            assert not [n for n in newer if n.rsplit(".", 1)[-1] in " ".join(other.words)], other
    assert descriptor == about["descriptor"]
    assert sh.supports_shorthand(mine["descriptor"]) is about["shorthand"]


def test_only_members_the_newer_model_added_are_left_out() -> None:
    theirs = {"type": "list", "member": {"type": "structure", "members": {
        "Ebs": {"type": "structure", "members": {"Iops": {"type": "integer"}}}}}}
    mine = {"type": "list", "member": {"type": "structure", "members": {
        "Ebs": {"type": "structure", "members": {"Iops": {"type": "integer"}, "Card": {"type": "integer"}}},
        "Extra": {"type": "string"}}}}
    assert _without_newer_members(mine, theirs) == ["Extra", "Ebs.Card"]
    assert mine == theirs
    changed = {"type": "list", "member": {"type": "structure", "members": {
        "Ebs": {"type": "structure", "members": {"Iops": {"type": "string"}}}}}}
    assert _without_newer_members(changed, theirs) == [] and changed != theirs
    gone = {"type": "list", "member": {"type": "structure", "members": {}}}
    assert _without_newer_members(gone, theirs) == [] and gone != theirs


@pytest.mark.parametrize("first, second", KNOWN_DIFFERENT, ids=[_case_id(p[0]) for p in KNOWN_DIFFERENT])
def test_the_comparison_sees_a_different_input(first: Case, second: Case, oracle: dict[str, Any],
                                              files: Path, models: dict[tuple[str, str, str], Any]) -> None:
    assert ours(first, files, models) == oracle["argv"][first][1]
    assert ours(first, files, models) != oracle["argv"][second][1]


def test_the_comparison_sees_a_wrong_model(oracle: dict[str, Any], files: Path,
                                           models: dict[tuple[str, str, str], Any]) -> None:
    """Values typed as integers instead of strings: our value must then differ from awscli's."""
    case = C(*DI, "filters", "Name=a,Values=1,2")
    wrong = {"type": "list", "member": {"type": "structure", "members": {
        "Name": {"type": "string"}, "Values": {"type": "list", "member": {"type": "integer"}}}}}
    assert ours(case, files, models, wrong) == ["value", tag([{"Name": "a", "Values": [1, 2]}])]
    assert ours(case, files, models, wrong) != oracle["argv"][case][1]
    assert ours(case, files, models) == oracle["argv"][case][1]


def test_tags_keep_types_and_order() -> None:
    forms = [tag(v) for v in (1, 1.0, True, "1", b"1", None, [1], {"1": 1})]
    assert len({json.dumps(f) for f in forms}) == len(forms)
    assert tag({"a": 1, "b": 2}) != tag({"b": 2, "a": 1})
    from collections import OrderedDict

    assert tag(OrderedDict(a=1)) == tag({"a": 1})


# --- descriptors, API and module hygiene ----------------------------------------------------


def _shape(service: str, operation: str, member: str) -> Any:
    import botocore.session

    model = botocore.session.get_session().get_service_model(service)
    return model.operation_model(operation).input_shape.members[member]


def test_descriptor_of_describe_instances_filters() -> None:
    assert descriptor_of(_shape("ec2", "DescribeInstances", "Filters")) == {
        "type": "list",
        "member": {"type": "structure", "members": {
            "Name": {"type": "string"},
            "Values": {"type": "list", "member": {"type": "string"}},
        }},
    }


def test_descriptor_of_a_recursive_shape_uses_refs_and_is_json() -> None:
    descriptor = descriptor_of(_shape("dynamodb", "PutItem", "Item"))
    assert descriptor["value"] == {"ref": "AttributeValue"}
    value = descriptor["shapes"]["AttributeValue"]
    assert value["members"]["L"] == {"type": "list", "member": {"ref": "AttributeValue"}}
    assert value["members"]["M"]["value"] == {"ref": "AttributeValue"}
    assert json.loads(json.dumps(descriptor)) == descriptor
    parsed = sh.shorthand_value(descriptor, "a={L=[{BOOL=true},{M={b={BOOL=false}}}]}", "--item")
    assert parsed == {"a": {"L": [{"BOOL": True}, {"M": {"b": {"BOOL": False}}}]}}


def test_supports_shorthand() -> None:
    string = {"type": "string"}
    doc = {"type": "document"}
    assert sh.supports_shorthand({"type": "structure", "members": {"A": string}})
    assert sh.supports_shorthand({"type": "map", "key": string, "value": string})
    assert sh.supports_shorthand({"type": "list", "member": {"type": "list", "member": string}})
    assert not sh.supports_shorthand({"type": "list", "member": string})
    assert not sh.supports_shorthand(string)
    assert not sh.supports_shorthand(doc)
    assert not sh.supports_shorthand({"type": "map", "key": string, "value": {"type": "list", "member": doc}})
    assert sh.supports_shorthand({"type": "structure", "members": {"D": doc}})
    looped = {"ref": "L", "shapes": {"L": {"type": "list", "member": {"ref": "L"}}}}
    assert sh.supports_shorthand(looped)


def test_error_is_one_exception_with_the_printed_text() -> None:
    filters = descriptor_of(_shape("ec2", "DescribeInstances", "Filters"))
    with pytest.raises(sh.ShorthandError) as raised:
        sh.shorthand_value(filters, ["Name=a,,"], "--filters")
    assert raised.value.message == (
        "Error parsing parameter '--filters': Expected: '=', received: 'EOF' for input:\n"
        "Name=a,,\n        ^"
    )
    with pytest.raises(sh.ShorthandError, match=r"^Expected: ',', received: '\]'"):
        sh.parse_shorthand("a=]]")


def test_module_imports_only_the_standard_library() -> None:
    tree = ast.parse(MODULE.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "no relative imports"
            names.add((node.module or "").split(".")[0])
    assert names <= set(sys.stdlib_module_names) | {"__future__"}, names
    probe = textwrap.dedent(f"""
        import importlib.util, sys
        before = set(sys.modules)
        spec = importlib.util.spec_from_file_location("m", {str(MODULE)!r})
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(" ".join(sorted(set(sys.modules) - before)))
    """)
    loaded = subprocess.run([sys.executable, "-I", "-B", "-c", probe], capture_output=True, text=True,
                            check=True).stdout.split()
    assert "json" not in loaded and "locale" not in loaded  # only when a value needs them
    assert set(n.split(".")[0] for n in loaded) <= set(sys.stdlib_module_names) | {"m"}, loaded


def test_module_is_black_formatted_and_mypy_strict_clean(tmp_path: Path) -> None:
    black = pytest.importorskip("black")
    source = MODULE.read_text("utf-8")
    mode = black.Mode(target_versions={black.TargetVersion.PY310})  # pyproject's [tool.black]
    assert black.format_str(source, mode=mode) == source
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull,
         str(MODULE)], capture_output=True, text=True, cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr


# --- the generator's descriptors (what commands.json carries) ------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Any]:
    """Each case's option as codegen writes it into ``commands.json``: the entry (its type,
    its descriptor) with the service's table of shapes, from this project's botocore."""
    from codegen.ir import naming
    from codegen.pipeline import load_services
    from codegen.render.awscli.commands import cli_commands, commands_data
    from codegen.render.awscli.customizations import service_name
    from codegen.spec.source import ModelSource, all_operations
    from tests.helpers import sync_installed

    options = sorted({(c.service, c.command, c.option) for c in CASES + RANDOM_ARGV})
    found: dict[tuple[str, str, str], Any] = {}
    for cli in sorted({service for service, _, _ in options}):
        name = service_name(cli)
        commands = {command for service, command, _ in options if service == cli}
        operations = [op for op in all_operations(ModelSource.installed(), name) if naming.cli_name(op) in commands]
        spec_dir = sync_installed(tmp_path_factory.mktemp(f"generated-{name}"), name, *operations)
        ir = load_services(spec_dir, "typed_x")[0][1]
        data = json.loads(json.dumps(commands_data(ir, cli_commands(ir))))
        for service, command, option in options:
            if service != cli:
                continue
            entry = next(e for e in data["commands"][command]["arguments"] if e["name"] == option)
            found[service, command, option] = {"entry": entry, "shapes": data["shapes"]}
    return found


def _unfold(descriptor: Any, shapes: dict[str, Any], depth: int) -> Any:
    """A descriptor with every ``ref`` replaced by what it names, cut ``depth`` levels down (so
    a descriptor with refs only where shapes recur and one with refs everywhere compare)."""
    while "ref" in descriptor:
        descriptor = shapes[descriptor["ref"]]
    if depth == 0:
        return "..."
    out = {k: v for k, v in descriptor.items() if k not in ("shapes", "legacy_list")}
    if "members" in out:
        out["members"] = {k: _unfold(v, shapes, depth - 1) for k, v in out["members"].items()}
    for key in ("member", "key", "value"):
        if key in out:
            out[key] = _unfold(out[key], shapes, depth - 1)
    return out


@pytest.mark.parametrize("case", OPTIONS, ids=[f"{c.service}.{c.command}.{c.option}" for c in OPTIONS])
def test_the_generated_descriptor_is_the_models(
    case: Case, models: dict[tuple[str, str, str], Any], generated: dict[tuple[str, str, str], Any]
) -> None:
    """codegen's descriptor (from the IR, complex shapes by reference) describes what
    ``descriptor_of`` reads from botocore's shapes, to ten levels down."""
    mine = generated[case.service, case.command, case.option]
    model = models[case.service, case.command, case.option]["descriptor"]
    descriptor = mine["entry"]["descriptor"]
    assert _unfold(descriptor, mine["shapes"], 10) == _unfold(model, model.get("shapes", {}), 10)
    assert descriptor.get("legacy_list", False) == model.get("legacy_list", False)


def test_values_through_the_generated_descriptors_are_awscli_s(
    oracle: dict[str, Any], files: Path, generated: dict[tuple[str, str, str], Any]
) -> None:
    """Every case, with what the generated CLI has at run time (the entry's descriptor and the
    shapes table of ``commands.json``), gives awscli's value or message."""
    mismatches = []
    for case in CASES + RANDOM_ARGV:
        mine = generated[case.service, case.command, case.option]
        descriptor = dict(mine["entry"]["descriptor"], shapes=mine["shapes"])
        words = list(_fill_case(case, files).words)
        if mine["entry"]["kind"] == "pulled-boolean" and not words:
            answer = ["value", tag({"Value": True})]  # ec2's bare --flag (table.PulledBooleanOption)
            assert answer == oracle["argv"][case][1], case
            continue
        value = _read(words if mine["entry"].get("type") == "list" else words[0])
        if isinstance(value, tuple):
            answer = ["error", value[1].replace("--x", "--" + case.option)]
        else:
            try:
                answer = ["value", tag(sh.shorthand_value(descriptor, value, "--" + case.option))]
            except sh.ShorthandError as error:
                answer = ["error", error.message]
        if answer != oracle["argv"][case][1]:
            mismatches.append((case, answer, oracle["argv"][case][1]))
    assert not mismatches, mismatches[:3]
    assert len(CASES + RANDOM_ARGV) > 300
