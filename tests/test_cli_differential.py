"""The generated command line against the real AWS CLI v1, case by case.

Each case runs ``python -m awscli sagemaker <command> ...`` and ``python -m typed_sagemaker
<command> ...`` with the same arguments, files and environment, each against its own fresh local
endpoint (tests/fakes), and compares stdout byte for byte, the exit status, the request bodies
the endpoint received and, on errors, the last line of stderr. The deliberate differences
(documented in the CLI's help) have their own comparisons, marked ``differs=``.

The AWS CLI is the oracle: ``awscli`` from PyPI (1.45+ vendors its own botocore, so it does not
disturb ours). The cases run in a thread pool, once per module; each test checks one case.
"""

from __future__ import annotations

import base64
import concurrent.futures
import json
import re
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.fakes import sagemaker_server as fake
from tests.fakes.fixtures import MARKER_ACCESS_KEY, MARKER_SECRET_KEY, sealed_environ
from tests.fakes.sagemaker_server import FakeSageMakerServer, make_dataset

pytest.importorskip("awscli", reason="the AWS CLI v1 (pip install awscli) is the oracle")

ROOT = Path(__file__).resolve().parents[1]
COMMAND = "list-training-jobs-for-hyper-parameter-tuning-job"
TUNING = fake.DEFAULT_TUNING_JOB
NAME = ["--hyper-parameter-tuning-job-name", TUNING]
WORKERS = 4


def service_token(offset: int, status: str | None = None, sort_by: str = "Name",
                  order: str = "Ascending", tuning: str = TUNING) -> str:
    """The fake service's NextToken for the page starting at ``offset``."""
    return fake.encode_token(offset, fake._fingerprint(tuning, status, sort_by, order))


def resume_token(next_token: str | None, truncate: int | None = None) -> str:
    """A botocore resume token (what --max-items prints as NextToken)."""
    data: dict[str, Any] = {"NextToken": next_token}
    if truncate is not None:
        data["boto_truncate_amount"] = truncate
    return base64.b64encode(json.dumps(data).encode()).decode()


@dataclass
class Case:
    id: str
    args: list[str]  # after the command name; --endpoint-url is appended unless endpoint=False
    files: dict[str, str | bytes] = field(default_factory=dict)  # in the working directory
    env: dict[str, str] = field(default_factory=dict)
    config: str = ""  # the AWS config file
    canned: list[tuple[int, Any]] = field(default_factory=list)  # queued raw responses
    endpoint: str | None = ""  # path after the endpoint's URL for --endpoint-url; None: none added
    command: str | None = COMMAND  # None: the arguments are the whole command line
    differs: str | None = None  # a documented difference: compare with a special check


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


FILTERED = ["--status-equals", "Completed", "--sort-by", "CreationTime", "--sort-order", "Descending"]
# A profile with its own credentials (an explicit profile ignores the environment's), region
# and output format.
PROFILE = (
    f"[profile other]\naws_access_key_id = {MARKER_ACCESS_KEY}\n"
    f"aws_secret_access_key = {MARKER_SECRET_KEY}\nregion = eu-central-1\noutput = table\n"
)
ROWS = "TrainingJobSummaries[].{Name:TrainingJobName,Status:TrainingJobStatus,Created:CreationTime}"

CASES = [
    # listings and pagination
    Case("full-listing", NAME),
    Case("max-items-mid-page", [*NAME, "--max-items", "3"]),
    Case("max-items-page-boundary", [*NAME, "--max-items", "10"]),
    Case("resume-mid-page", [*NAME, "--max-items", "4", "--starting-token", resume_token(None, 3)]),
    Case("resume-at-boundary", [*NAME, "--starting-token", resume_token(service_token(10))]),
    Case("resume-legacy-token", [*NAME, "--starting-token", service_token(10) + "___2", "--max-items", "5"]),
    Case("max-items-zero", [*NAME, "--max-items", "0"]),
    Case("no-paginate", [*NAME, "--no-paginate"]),
    Case("next-token-turns-paging-off", [*NAME, "--max-results", "4", "--next-token", service_token(4)]),
    Case("filters-in-model-order", [*FILTERED, *NAME, "--page-size", "5"]),
    Case("unique-prefixes-last-wins", ["--hyper", "nope", "--hyper", TUNING, "--sort-o", "Descending", "--max-i", "2"]),
    Case("same-token-twice", NAME, canned=[(200, {"TrainingJobSummaries": [], "NextToken": "same"})] * 2),
    Case("empty-page", NAME, canned=[(200, {})]),
    # output formats
    Case("text", [*NAME, "--output", "text"]),
    Case("text-truncated", [*NAME, "--output", "text", "--max-items", "3", "--page-size", "2"]),
    Case("text-query-per-page", [*NAME, "--output", "text", "--query", "TrainingJobSummaries[0].TrainingJobName"]),
    Case("text-no-paginate", [*NAME, "--output", "text", "--no-paginate"]),
    Case("text-empty-page", [*NAME, "--output", "text"], canned=[(200, {})]),
    Case("text-pages-then-error", [*NAME, "--output", "text", "--page-size", "2"], canned=[
        (200, {"TrainingJobSummaries": [{"TrainingJobName": "a"}], "NextToken": "t1"}),
        (400, {"__type": "ValidationException", "message": "bad token"})]),
    Case("table-full", [*NAME, "--output", "table"]),
    Case("table-query", [*NAME, "--output", "table", "--no-paginate", "--query", ROWS]),
    Case("table-color-on", [*NAME, "--output", "table", "--color", "on", "--max-items", "1"]),
    Case("table-empty", ["--hyper-parameter-tuning-job-name", fake.EMPTY_TUNING_JOB, "--output", "table"]),
    Case("query-json", [*NAME, "--query", "TrainingJobSummaries[?TrainingJobStatus=='Failed'].[TrainingJobName, FailureReason]"]),
    Case("output-from-config", NAME, config="[default]\noutput = text\n"),
    Case("iso8601-timestamps-tokyo", [*NAME, "--output", "text", "--max-items", "2"], config="[default]\ncli_timestamp_format = iso8601\n", env={"TZ": "Asia/Tokyo"}),
    # parameter files, --cli-input-json, --generate-cli-skeleton
    Case("file-value", ["--hyper-parameter-tuning-job-name", "file://name.txt", "--max-items", "1"], files={"name.txt": TUNING}),
    Case("file-value-keeps-newline", ["--hyper-parameter-tuning-job-name", "file://name.txt"], files={"name.txt": TUNING + "\n"}),
    Case("file-missing", ["--hyper-parameter-tuning-job-name", "file://nope.txt"]),
    Case("fileb-value", ["--hyper-parameter-tuning-job-name", "fileb://name.txt"], files={"name.txt": TUNING}),
    Case("cli-input-json-merge", ["--cli-input-json", json.dumps({"HyperParameterTuningJobName": "nope", "StatusEquals": "Failed", "SortBy": "Status"}), *NAME, "--sort-by", "Name"]),
    Case("cli-input-json-file-paging", ["--cli-input-json", "file://in.json"], files={"in.json": json.dumps({"HyperParameterTuningJobName": TUNING, "MaxResults": 5, "NextToken": service_token(5)})}),
    Case("cli-input-json-pagination-config", ["--cli-input-json", '{"HyperParameterTuningJobName": "%s", "PaginationConfig": {"MaxItems": 1}}' % TUNING]),
    Case("cli-input-json-bad", ["--cli-input-json", "file://in.json"], files={"in.json": '{"HyperParameterTuningJobName": \n'}),
    Case("cli-input-json-unknown-key", ["--cli-input-json", '{"HyperParameterTuningJobName": "x", "Foo": 1}']),
    Case("skeleton-input", ["--generate-cli-skeleton"], differs="random enum values"),
    Case("skeleton-output", [*NAME, "--generate-cli-skeleton", "output"]),
    Case("skeleton-output-table", [*NAME, "--generate-cli-skeleton", "output", "--output", "table"]),
    # errors
    Case("missing-required", ["--sort-by", "Name"]),
    Case("unknown-options", [*NAME, "--bogus", "1"]),
    Case("ambiguous-prefix", [*NAME, "--max", "3"]),
    Case("max-results-not-int", [*NAME, "--max-results", "abc"]),
    Case("page-size-not-int", [*NAME, "--page-size", "abc"]),
    Case("min-value", [*NAME, "--page-size", "0"]),
    Case("resource-not-found", ["--hyper-parameter-tuning-job-name", "notfound"]),
    Case("no-max-pattern-or-enum-check", ["--hyper-parameter-tuning-job-name", "bad_name!" + "x" * 40, "--max-results", "1000", "--status-equals", "Bogus"]),
    Case("server-error", NAME, canned=[(500, b"")], env={"AWS_MAX_ATTEMPTS": "1"}),
    # awscli's default retries (its botocore's legacy mode): 5 attempts, "reached max retries: 4"
    Case("server-error-default-retries", NAME, canned=[(500, b"")] * 5),
    Case("server-error-standard-retries", NAME, canned=[(500, b"")] * 3, env={"AWS_RETRY_MODE": "standard"}),
    Case("no-paginate-with-paging-options", [*NAME, "--no-paginate", "--starting-token", "x", "--page-size", "5"]),
    Case("max-results-with-max-items", [*NAME, "--max-results", "5", "--max-items", "3"]),
    Case("no-paginate-max-items-zero", [*NAME, "--no-paginate", "--max-items", "0"]),
    Case("bad-query", [*NAME, "--query", "bad["]),
    Case("malformed-starting-token", [*NAME, "--starting-token", "MTIz"], differs="clear error instead of a crash"),
    # globals, environment and config
    Case("connection-refused", [*NAME, "--endpoint-url", f"http://127.0.0.1:{_closed_port()}"], endpoint=None, env={"AWS_MAX_ATTEMPTS": "1"}),
    Case("endpoint-path-prefix", [*NAME, "--max-items", "1"], endpoint="/some/prefix"),
    Case("globals-before-command", ["--output", "text", "--region", "eu-west-1", "--no-sign-request", "--cli-connect-timeout", "5", COMMAND, *NAME, "--max-items", "1"], command=None),
    Case("profile-from-config", [*NAME, "--profile", "other", "--max-items", "1"], config=PROFILE),
    Case("url-value-fetched", [*NAME, "--sort-by", f"http://127.0.0.1:{_closed_port()}/sort-by.txt"]),
    Case("no-region", NAME, env={"AWS_DEFAULT_REGION": ""}),
    Case("no-credentials", NAME, env={"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""}),
    Case("debug", [*NAME, "--debug", "--max-items", "2"], differs="log lines"),
]


@dataclass
class Result:
    returncode: int
    stdout: bytes
    stderr: bytes
    bodies: list[bytes]


def _environment(home: Path, case: Case) -> dict[str, str]:
    """What ``aws_env`` sets up (see tests/fakes/fixtures.py), for a subprocess."""
    env = sealed_environ(home, ROOT / "generated", config=case.config)
    for key, value in case.env.items():
        if value:
            env[key] = value
        else:
            env.pop(key, None)
    return env


def _run(program: list[str], case: Case, workdir: Path) -> Result:
    workdir.mkdir(parents=True)
    for name, content in case.files.items():
        path = workdir / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    with FakeSageMakerServer(make_dataset()) as server:
        for status, body in case.canned:
            server.queue_response(status, body)
        args = list(case.args)
        if case.endpoint is not None:
            args += ["--endpoint-url", server.endpoint_url + case.endpoint]
        command = [COMMAND] if case.command else []
        done = subprocess.run(
            [*program, *command, *args], cwd=workdir, env=_environment(workdir, case),
            capture_output=True, timeout=120,
        )
        bodies = [request.body for request in server.request_log]
    return Result(done.returncode, done.stdout, done.stderr, bodies)


AWS = [sys.executable, "-m", "awscli", "sagemaker"]
OURS = [sys.executable, "-m", "typed_sagemaker"]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Result, Result]]:
    base = tmp_path_factory.mktemp("cli-differential")

    def both(case: Case) -> tuple[Result, Result]:
        # the AWS CLI's own top-level options go before the service name
        if case.command is None:
            aws = [sys.executable, "-m", "awscli", *_globals_first(case.args), "sagemaker"]
            theirs = _run(aws, _without_globals(case), base / case.id / "aws")
        else:
            theirs = _run(AWS, case, base / case.id / "aws")
        return theirs, _run(OURS, case, base / case.id / "ours")

    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        futures = {case.id: pool.submit(both, case) for case in CASES}
        return {name: future.result() for name, future in futures.items()}


def _globals_first(args: list[str]) -> list[str]:
    return args[: args.index(COMMAND)]


def _without_globals(case: Case) -> Case:
    rest = case.args[case.args.index(COMMAND) + 1 :]
    return Case(case.id, rest, case.files, case.env, case.config, case.canned, case.endpoint, COMMAND)


def last_line(stderr: bytes) -> str:
    """The message line, without the program name argparse puts in front."""
    lines = stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
    return re.sub(r"^[\w.-]+: error: ", "error: ", lines[-1])


@pytest.mark.parametrize("case", [c for c in CASES if c.differs is None], ids=lambda c: c.id)
def test_same_output_status_and_requests_as_the_aws_cli(
    case: Case, results: dict[str, tuple[Result, Result]]
) -> None:
    theirs, ours = results[case.id]
    assert ours.returncode == theirs.returncode, ours.stderr.decode(errors="replace")
    assert ours.stdout == theirs.stdout
    assert ours.bodies == theirs.bodies
    if theirs.returncode != 0:
        assert last_line(ours.stderr) == last_line(theirs.stderr)


def test_skeleton_input_is_the_aws_clis_with_the_first_enum_value(
    results: dict[str, tuple[Result, Result]], tmp_path: Path
) -> None:
    theirs, ours = results["skeleton-input"]
    assert ours.returncode == theirs.returncode == 0
    their_data, our_data = json.loads(theirs.stdout), json.loads(ours.stdout)
    assert list(our_data) == list(their_data)
    assert our_data == {**their_data, "StatusEquals": "InProgress", "SortBy": "Name", "SortOrder": "Ascending"}
    again = _run(OURS, Case("again", ["--generate-cli-skeleton"]), tmp_path / "again")
    assert again.stdout == ours.stdout  # the same on every run


def test_malformed_starting_token_is_a_clear_error(results: dict[str, tuple[Result, Result]]) -> None:
    theirs, ours = results["malformed-starting-token"]
    assert ours.returncode == theirs.returncode == 255
    assert ours.stdout == theirs.stdout == b""
    assert last_line(theirs.stderr) == "'int' object has no attribute 'pop'"
    assert last_line(ours.stderr).startswith("Bad value for --starting-token MTIz: it decodes to 123")
    assert ours.bodies == []


def test_debug_output_never_shows_credentials(results: dict[str, tuple[Result, Result]]) -> None:
    theirs, ours = results["debug"]
    assert ours.returncode == theirs.returncode == 0
    assert ours.stdout == theirs.stdout
    assert ours.bodies == theirs.bodies
    log = ours.stdout + ours.stderr
    assert b"DEBUG" in ours.stderr and b"Authorization" in ours.stderr
    for secret in (MARKER_ACCESS_KEY, MARKER_SECRET_KEY):
        assert secret.encode() not in log
    assert MARKER_ACCESS_KEY.encode() in theirs.stderr  # what the AWS CLI logs


def test_no_output_of_any_case_shows_credentials(results: dict[str, tuple[Result, Result]]) -> None:
    for name, (_, ours) in results.items():
        for secret in (MARKER_ACCESS_KEY, MARKER_SECRET_KEY):
            assert secret.encode() not in ours.stdout + ours.stderr, name


def test_credentials_from_aws_env_never_reach_the_output(aws_env: Any, sagemaker_server: FakeSageMakerServer) -> None:
    """With the ``aws_env`` fixture itself: a debug run, a failing debug run, a table."""
    env = {**aws_env.as_environ(), "PYTHONPATH": str(ROOT / "generated")}
    runs = [
        [*NAME, "--debug", "--output", "text"],
        ["--hyper-parameter-tuning-job-name", "notfound", "--debug"],
        [*NAME, "--output", "table", "--max-items", "1"],
    ]
    for args in runs:
        done = subprocess.run([*OURS, COMMAND, *args, "--endpoint-url", sagemaker_server.endpoint_url],
                              env=env, capture_output=True, timeout=60)
        for secret in (aws_env.access_key, aws_env.secret_key):
            assert secret.encode() not in done.stdout + done.stderr, args
    assert sagemaker_server.requests == 5  # three pages, the failing call, one page
    authorization = sagemaker_server.last_request.headers["authorization"]
    assert aws_env.access_key in authorization  # the requests were signed with them


def test_a_call_imports_neither_attrs_nor_the_typed_models(aws_env: Any, sagemaker_server: FakeSageMakerServer) -> None:
    env = {**aws_env.as_environ(), "PYTHONPATH": str(ROOT / "generated")}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "typed_sagemaker", COMMAND, *NAME,
         "--endpoint-url", sagemaker_server.endpoint_url],
        env=env, capture_output=True, check=True, timeout=60,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.decode().splitlines() if "|" in line}
    assert "typed_sagemaker.cli" in imported and "botocore.client" in imported
    assert not {"attr", "attrs", "typed_sagemaker.models", "typed_sagemaker.client"} & imported
    assert json.loads(done.stdout)["TrainingJobSummaries"][0]["CreationTime"] == 1700000122.623  # as on the wire
