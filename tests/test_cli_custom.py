"""The AWS CLI's code customizations as the generated CLI's runtime reproduces them
(``_cli/custom.py``), value by value against awscli's own classes and functions.

The whole commands run against ``moto_server`` in ``tests/test_moto_cli.py``; here each
argument handler gets a table of values, including the ones a server would reject, and must
build the same parameters or raise the same message as awscli 1.46.3 (in a subprocess:
importing awscli makes ``import botocore`` its bundled copy).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from typed_sagemaker._cli import custom
from typed_sagemaker._cli.table import Call, Command, Option

pytest.importorskip("awscli", reason="the AWS CLI v1 (pip install awscli) is the oracle")

ORACLE = textwrap.dedent(
    """
    import json, sys
    from awscli.customizations.ec2 import addcount, bundleinstance, runinstances, secgroupsimplify as sg

    ARGUMENTS = {
        "ec2-count": lambda: addcount.CountArgument("count"),
        "ec2-sg-protocol": lambda: sg.ProtocolArgument("protocol"),
        "ec2-sg-port": lambda: sg.PortArgument("port"),
        "ec2-sg-cidr": lambda: sg.CidrArgument("cidr"),
        "ec2-sg-source-group": lambda: sg.SourceGroupArgument("source-group"),
        "ec2-sg-group-owner": lambda: sg.GroupOwnerArgument("group-owner"),
        "ec2-bundle-bucket": lambda: bundleinstance.BundleArgument("Bucket", "bucket"),
        "ec2-bundle-owner-sak": lambda: bundleinstance.BundleArgument("_SAK", "owner-sak"),
        "ec2-secondary-private-ip-addresses": lambda: runinstances.SecondaryPrivateIpAddressesArgument(
            "secondary-private-ip-addresses"),
        "ec2-secondary-private-ip-address-count": lambda: runinstances.SecondaryPrivateIpAddressCountArgument(
            "secondary-private-ip-address-count"),
        "ec2-associate-public-ip-address": lambda: runinstances.AssociatePublicIpAddressArgument(
            "associate-public-ip-address"),
        "ec2-no-associate-public-ip-address": lambda: runinstances.NoAssociatePublicIpAddressArgument(
            "no-associate-public-ip-address"),
    }

    def answer(calls):
        params = {}
        try:
            for handler, value in calls:
                ARGUMENTS[handler]().add_to_params(params, value)
        except Exception as error:
            return ["error", str(error)]
        return ["params", params]

    def fix(hook, params):
        try:
            {"network": runinstances._fix_args, "bundle": bundleinstance._check_params}[hook](params)
        except Exception as error:
            return ["error", type(error).__name__]
        return ["params", params]

    request = json.load(sys.stdin)
    json.dump({"arguments": [answer(calls) for calls in request["arguments"]],
               "hooks": [fix(hook, params) for hook, params in request["hooks"]]}, sys.stdout)
    """
)

ARGUMENT_CASES: list[list[tuple[str, Any]]] = [
    [("ec2-count", value)] for value in ("1", "3", "1:5", " 2 ", "0", "-1", "a", "1:", ":2", "1:2:3", "", None)
] + [
    [("ec2-sg-protocol", value)] for value in ("tcp", "udp", "icmp", "all", "6", "-1", "255", "256", "-2", "http", "TCP", "")
] + [
    [("ec2-sg-port", value)] for value in ("22", "22-25", "all", "-1", "0-65535", "a", "22-", "1-2-3", "", "-5")
] + [
    [("ec2-sg-protocol", "tcp"), ("ec2-sg-port", "80"), ("ec2-sg-cidr", "10.0.0.0/8")],
    [("ec2-sg-source-group", "sg-123"), ("ec2-sg-group-owner", "111122223333")],
    [("ec2-sg-source-group", "web"), ("ec2-sg-protocol", "all")],
    [("ec2-sg-cidr", "10.0.0.0/8"), ("ec2-sg-source-group", "sg-1")],
    [("ec2-bundle-bucket", "b"), ("ec2-bundle-owner-sak", "secret")],
    [("ec2-bundle-bucket", "")],
    [("ec2-secondary-private-ip-addresses", ["10.0.0.5", "10.0.0.6"]),
     ("ec2-secondary-private-ip-address-count", 2), ("ec2-associate-public-ip-address", True)],
    [("ec2-secondary-private-ip-addresses", []), ("ec2-no-associate-public-ip-address", False)],
    [("ec2-secondary-private-ip-address-count", 0), ("ec2-associate-public-ip-address", False),
     ("ec2-no-associate-public-ip-address", True)],
]

NETWORK = {"NetworkInterfaces": [{"DeviceIndex": 0, "AssociatePublicIpAddress": True}], "SubnetId": "subnet-1",
           "SecurityGroupIds": ["sg-1"], "PrivateIpAddress": "10.0.0.4", "Ipv6AddressCount": 1,
           "Ipv6Addresses": [{"Ipv6Address": "::1"}], "EnablePrimaryIpv6": True, "ImageId": "ami-1"}
POLICY = '{"expiration": "2030-01-01T00:00:00.000000Z","conditions": []}'
HOOK_CASES: list[tuple[str, dict[str, Any]]] = [
    ("network", NETWORK),
    ("network", {**NETWORK, "NetworkInterfaces": [{"DeviceIndex": 0}]}),
    ("network", {"SubnetId": "subnet-1"}),
    ("bundle", {"Storage": {"S3": {"Bucket": "b", "Prefix": "p", "UploadPolicy": POLICY, "_SAK": "secret"}}}),
    ("bundle", {"Storage": {"S3": {"Bucket": "b", "Prefix": "p", "UploadPolicy": POLICY,
                                   "UploadPolicySignature": "given", "_SAK": "secret"}}}),
    ("bundle", {"Storage": {"S3": {"Bucket": "b", "Prefix": "p", "UploadPolicy": POLICY}}}),
    ("bundle", {"InstanceId": "i-1"}),
]


@pytest.fixture(scope="module")
def oracle() -> dict[str, Any]:
    request = {"arguments": ARGUMENT_CASES, "hooks": HOOK_CASES}
    done = subprocess.run([sys.executable, "-c", ORACLE], input=json.dumps(request),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    answers: dict[str, Any] = json.loads(done.stdout)
    return answers


def ours(calls: list[tuple[str, Any]]) -> list[Any]:
    call = Call(Command("RunInstances", "run_instances", (), None, {}), paginate=False)
    params: dict[str, Any] = {}
    try:
        for handler, value in calls:
            custom.ARGUMENTS[handler](call, params, value, Option({"name": handler}))
    except Exception as error:
        return ["error", str(error)]
    return ["params", params]


@pytest.mark.parametrize("index", range(len(ARGUMENT_CASES)), ids=[repr(c)[:70] for c in ARGUMENT_CASES])
def test_added_arguments_build_the_aws_clis_parameters(index: int, oracle: dict[str, Any]) -> None:
    assert ours(ARGUMENT_CASES[index]) == oracle["arguments"][index]


@pytest.mark.parametrize("index", range(len(HOOK_CASES)), ids=[h for h, _ in HOOK_CASES])
def test_parameter_fixes_are_the_aws_clis(index: int, oracle: dict[str, Any]) -> None:
    hook, params = HOOK_CASES[index]
    params = json.loads(json.dumps(params))
    fix = {"network": custom._RunInstancesNetwork().fix, "bundle": custom._bundle_policy}[hook]
    try:
        fix(params)
        answer: list[Any] = ["params", params]
    except Exception as error:
        answer = ["error", type(error).__name__]
    assert answer == oracle["hooks"][index]


def test_the_oracle_answers_both_ways(oracle: dict[str, Any]) -> None:
    kinds = [answer[0] for answer in oracle["arguments"]]
    assert kinds.count("error") > 5 and kinds.count("params") > 20
