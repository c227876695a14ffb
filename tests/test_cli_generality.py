"""Nothing in the command line is specific to the first operation: the CLIs generated for other
services' operations take their options as the AWS CLI v1 does.

``--generate-cli-skeleton`` runs the whole option pipeline (parsing, unpacking and, for
``output``, botocore's validation) and then answers without a request, so these need no
endpoint. Booleans with their ``--no-``
twins, lists, JSON maps, integers and a model member shadowed by a paging option (Lambda's
``MaxItems`` is its paginator's limit key) are covered.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fakes.fixtures import MARKER_ACCESS_KEY, MARKER_REGION, MARKER_SECRET_KEY
from tests.helpers import generate, sync_installed

pytest.importorskip("awscli", reason="the AWS CLI v1 (pip install awscli) is the oracle")

PACKAGES = {
    "dynamodb": ("Query", "gen_cli_ddb"),
    "lambda": ("ListFunctions", "gen_cli_lambda"),
    "sqs": ("ListQueues", "gen_cli_sqs"),
}

CASES = [
    ("dynamodb", ["query", "--table-name", "t", "--generate-cli-skeleton", "output", "--consistent-read",
                  "--limit", "3", "--expression-attribute-values", '{":v": {"S": "x"}}',
                  "--attributes-to-get", "a", "b", "--output", "text"]),
    ("dynamodb", ["query", "--table-name", "t", "--generate-cli-skeleton", "output", "--no-consistent-read",
                  "--limit", "0", "--key-conditions", '{"a": {"ComparisonOperator": "EQ"}}', "--select", "X"]),
    ("dynamodb", ["query", "--table-name", "t", "--generate-cli-skeleton", "output", "--limit", "x"]),
    ("dynamodb", ["query", "--generate-cli-skeleton", "output"]),
    ("dynamodb", ["query", "--table-name", "t", "--exclusive-start-key", "{bad", "--generate-cli-skeleton", "output"]),
    # the model's --max-items is shadowed by the paging option of the same name
    ("lambda", ["list-functions", "--generate-cli-skeleton", "input", "--no-paginate", "--max-items", "3",
                "--starting-token", "x"]),
    ("lambda", ["list-functions", "--generate-cli-skeleton", "input", "--marker", "m", "--max-items", "2"]),
    ("lambda", ["list-functions", "--generate-cli-skeleton", "input", "--max-items", "abc"]),
]


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("cli-generality")
    for service, (operation, package) in PACKAGES.items():
        generate(sync_installed(out / f"specs-{package}", service, operation), out / package, package)
    return os.pathsep.join(str(out / package) for _, package in PACKAGES.values())


def _env(home: Path, packages: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(("AWS_", "BOTO"))}
    (home / "config").write_text("")
    env.update(AWS_ACCESS_KEY_ID=MARKER_ACCESS_KEY, AWS_SECRET_ACCESS_KEY=MARKER_SECRET_KEY,
               AWS_DEFAULT_REGION=MARKER_REGION, AWS_CONFIG_FILE=str(home / "config"),
               AWS_SHARED_CREDENTIALS_FILE=str(home / "config"), AWS_EC2_METADATA_DISABLED="true",
               HOME=str(home), PYTHONPATH=packages)
    return env


def test_generated_clis_take_options_as_the_aws_cli(packages: str, tmp_path: Path) -> None:
    env = _env(tmp_path, packages)

    def both(case: tuple[str, list[str]]) -> tuple[subprocess.CompletedProcess[bytes], ...]:
        service, args = case
        package = PACKAGES[service][1]
        return tuple(
            subprocess.run(program + args, env=env, capture_output=True, timeout=120)
            for program in ([sys.executable, "-m", "awscli", service], [sys.executable, "-m", package])
        )

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for case, (theirs, ours) in zip(CASES, pool.map(both, CASES)):
            assert (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout), case
            if theirs.returncode:
                their_line = theirs.stderr.decode().rstrip("\n").split("\n")[-1]
                our_line = ours.stderr.decode().rstrip("\n").split("\n")[-1]
                assert our_line.split(": error: ")[-1] == their_line.split(": error: ")[-1], case


def test_the_input_skeleton_has_the_aws_clis_shape(packages: str, tmp_path: Path) -> None:
    env = _env(tmp_path, packages)
    args = ["query", "--generate-cli-skeleton"]
    theirs = subprocess.run([sys.executable, "-m", "awscli", "dynamodb", *args], env=env, capture_output=True, check=True)
    ours = subprocess.run([sys.executable, "-m", "gen_cli_ddb", *args], env=env, capture_output=True, check=True)

    def shape(value: object) -> object:  # the enum choices are random in the AWS CLI's
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items()}
        if isinstance(value, list):
            return [shape(v) for v in value]
        return type(value).__name__

    assert shape(json.loads(ours.stdout)) == shape(json.loads(theirs.stdout))
    assert json.loads(ours.stdout)["Select"] == "ALL_ATTRIBUTES"  # the first enum value


ENDPOINT_CASES = [
    ({"AWS_DEFAULT_REGION": "us-east-1"}, []),
    ({"AWS_DEFAULT_REGION": "eu-west-1"}, []),
    ({"AWS_DEFAULT_REGION": "cn-north-1"}, []),
    ({"AWS_DEFAULT_REGION": "mx-central-1"}, []),  # not in the AWS CLI's table: botocore's endpoint
    ({"AWS_DEFAULT_REGION": "eu-west-1"}, ["--region", "ap-south-1"]),
    ({"AWS_DEFAULT_REGION": "eu-west-1"}, ["--endpoint-url", "https://sqs.example.invalid"]),
    # the AWS CLI sets the endpoint itself, so it wins over the environment's
    ({"AWS_DEFAULT_REGION": "eu-west-1", "AWS_ENDPOINT_URL_SQS": "https://elsewhere.invalid"}, []),
]


@pytest.mark.parametrize("env_change, args", ENDPOINT_CASES)
def test_the_endpoint_is_the_aws_clis_without_endpoint_url(
    packages: str, tmp_path: Path, env_change: dict[str, str], args: list[str]
) -> None:
    """The AWS CLI sends SQS requests to its own older host names when no --endpoint-url is
    given (``customizations.LEGACY_ENDPOINTS``). What each CLI would call is in its debug log;
    ``--generate-cli-skeleton output`` resolves the endpoint and answers without a request."""
    env = {**_env(tmp_path, packages), **env_change}
    command = ["list-queues", *args, "--generate-cli-skeleton", "output", "--debug"]

    def endpoint(program: list[str]) -> list[str]:
        done = subprocess.run([*program, *command], env=env, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr.decode()[-500:]
        return [line.split(" - DEBUG - ", 1)[1] for line in done.stderr.decode().splitlines()
                if "Endpoint provider result" in line]

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        theirs, ours = pool.map(endpoint, ([sys.executable, "-m", "awscli", "sqs"], [sys.executable, "-m", "gen_cli_sqs"]))
    assert theirs
    assert ours == theirs
