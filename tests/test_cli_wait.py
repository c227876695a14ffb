"""``wait`` against the real AWS CLI v1, on the local SageMaker endpoint.

A package of the SageMaker operations that have waiters is generated (so every SageMaker waiter
is a ``wait`` subcommand, as in ``aws sagemaker wait``); each case runs ``python -m awscli
sagemaker ...`` and ``python -m <package> ...`` with the same arguments, files and environment,
each against its own fresh fake endpoint (tests/fakes), whose ``DescribeTrainingJob`` answers the
final status on the first call (the waiter polls every 120 s). stdout, the exit status and the
request bodies must be equal; on errors, the whole of stderr where the AWS CLI reports an error
(``"\\n<message>\\n"``), and its last line after a usage block (the usage line is a documented
difference). The reference pages and ``help`` texts are compared in
``tests/test_reference_page.py`` and below.
"""

from __future__ import annotations

import concurrent.futures
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.fakes.fixtures import sealed_environ
from tests.fakes.sagemaker_server import FakeSageMakerServer
from tests.helpers import generate, sync_installed

pytest.importorskip("awscli", reason="the AWS CLI v1 (pip install awscli) is the oracle")

PACKAGE = "typed_sagemaker_wait"
# Every operation of a SageMaker waiter, and the project's own.
OPERATIONS = (
    "ListTrainingJobsForHyperParameterTuningJob", "DescribeTrainingJob", "DescribeEndpoint",
    "DescribeImage", "DescribeImageVersion", "DescribeNotebookInstance", "DescribeProcessingJob",
    "DescribeTransformJob",
)
WAITER = "training-job-completed-or-stopped"
JOBS = {"done": "Completed", "halted": "Stopped", "broken": "Failed", "running": "InProgress"}


@dataclass
class Case:
    id: str
    args: list[str]  # after the service name; --endpoint-url is appended
    files: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    canned: list[tuple[int, Any]] = field(default_factory=list)
    usage: bool = False  # a usage error: compare the last line of stderr only


W = ["wait", WAITER]
CASES = [
    Case("completed", [*W, "--training-job-name", "done"]),
    Case("stopped", [*W, "--training-job-name", "halted"]),
    Case("failed-state", [*W, "--training-job-name", "broken"]),
    Case("error-acceptor", [*W, "--training-job-name", "nope"]),
    Case("cli-input-json", [*W, "--cli-input-json", json.dumps({"TrainingJobName": "done"})]),
    Case("cli-input-json-overridden", [*W, "--cli-input-json", '{"TrainingJobName": "nope"}',
                                       "--training-job-name", "done"]),
    Case("file-value", [*W, "--training-job-name", "file://name.txt"], files={"name.txt": "done"}),
    Case("unique-prefix", [*W, "--training-job", "done"]),
    Case("globals-ignored", [*W, "--training-job-name", "done", "--output", "table", "--query", "x"]),
    Case("text-output-failure", [*W, "--training-job-name", "broken", "--output", "text"]),
    Case("skeleton-input", [*W, "--generate-cli-skeleton"]),
    Case("min-length", [*W, "--training-job-name", ""]),
    Case("unexpected-server-error", [*W, "--training-job-name", "done"], canned=[(500, b"")],
         env={"AWS_MAX_ATTEMPTS": "1"}),
    Case("throttled-then-done", [*W, "--training-job-name", "done"],
         canned=[(400, {"__type": "ThrottlingException", "message": "slow down"})]),
    Case("bad-query", [*W, "--training-job-name", "done", "--query", "bad["]),
    Case("no-subcommand", ["wait"]),
    Case("unknown-options-without-waiter", ["wait", "--bogus"]),
    Case("missing-required", W, usage=True),
    Case("unknown-waiter", ["wait", "training-job-completed"], usage=True),
    Case("unknown-option", [*W, "--training-job-name", "done", "--bogus", "1"], usage=True),
    Case("help-with-extra", ["wait", "help", "extra"], usage=True),
]


@dataclass
class Result:
    returncode: int
    stdout: bytes
    stderr: bytes
    bodies: list[bytes]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("typed-sagemaker-wait")
    spec_dir = sync_installed(root / "specs", "sagemaker", *OPERATIONS)
    generate(spec_dir, root / "out", PACKAGE)
    yield root / "out"


def _run(program: list[str], case: Case, workdir: Path, python_path: Path) -> Result:
    workdir.mkdir(parents=True)
    for name, content in case.files.items():
        (workdir / name).write_text(content)
    env = sealed_environ(workdir, python_path)
    env.update(case.env)
    with FakeSageMakerServer() as server:
        server.training_jobs.update(JOBS)
        for status, body in case.canned:
            server.queue_response(status, body)
        done = subprocess.run([*program, *case.args, "--endpoint-url", server.endpoint_url],
                              cwd=workdir, env=env, capture_output=True, timeout=120)
        bodies = [request.body for request in server.request_log]
    return Result(done.returncode, done.stdout, done.stderr, bodies)


@pytest.fixture(scope="module")
def results(package: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Result, Result]]:
    base = tmp_path_factory.mktemp("cli-wait")
    aws = [sys.executable, "-m", "awscli", "sagemaker"]
    ours = [sys.executable, "-m", PACKAGE]

    def both(case: Case) -> tuple[Result, Result]:
        return (_run(aws, case, base / case.id / "aws", package),
                _run(ours, case, base / case.id / "ours", package))

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        futures = {case.id: pool.submit(both, case) for case in CASES}
        return {name: future.result() for name, future in futures.items()}


def last_line(stderr: bytes) -> str:
    """The message line, without the program name argparse (or awscli) puts in front."""
    lines = stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
    return re.sub(r"^[\w.-]+: error: ", "error: ", lines[-1])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_wait_is_the_aws_clis(case: Case, results: dict[str, tuple[Result, Result]]) -> None:
    theirs, ours = results[case.id]
    assert ours.returncode == theirs.returncode, (ours.stderr, theirs.stderr)
    assert ours.stdout == theirs.stdout
    assert ours.bodies == theirs.bodies
    if case.usage:
        assert last_line(ours.stderr) == last_line(theirs.stderr)
    elif case.id == "no-subcommand":  # awscli's message names "aws"; ours the program
        assert re.sub(rb"typed-[\w-]+", b"aws", ours.stderr) == theirs.stderr
    else:
        assert ours.stderr == theirs.stderr


def test_the_cases_cover_success_failure_and_bad_input(results: dict[str, tuple[Result, Result]]) -> None:
    theirs = {name: pair[0] for name, pair in results.items()}
    assert theirs["completed"].returncode == theirs["stopped"].returncode == 0
    assert theirs["completed"].stdout == theirs["completed"].stderr == b""
    assert len(theirs["completed"].bodies) == 1  # the final state on the first poll
    assert theirs["failed-state"].returncode == 255
    assert theirs["failed-state"].stderr == (
        b'\nWaiter TrainingJobCompletedOrStopped failed: Waiter encountered a terminal failure '
        b'state: For expression "TrainingJobStatus" we matched expected path: "Failed"\n'
    )
    assert b"Matched expected service error code: ValidationException" in theirs["error-acceptor"].stderr
    assert theirs["missing-required"].returncode == theirs["unknown-waiter"].returncode == 2
    assert b"Invalid choice, valid choices are:" in theirs["unknown-waiter"].stderr
    assert theirs["unknown-option"].returncode == 255


def test_wait_help_lists_the_waiters_and_each_waiter_has_its_page(package: Path, tmp_path: Path) -> None:
    env = sealed_environ(tmp_path, package)
    listing = subprocess.run([sys.executable, "-m", PACKAGE, "wait", "help"], env=env,
                             capture_output=True, text=True, timeout=60, check=True).stdout
    pages = sorted((package / PACKAGE / "reference" / "wait").glob("*.txt"))
    waiters = [p.stem for p in pages if p.stem != "index"]
    assert len(waiters) == 13 and WAITER in waiters
    assert listing.startswith("\nwait\n^^^^\n")
    assert [line[2:] for line in listing.splitlines() if line.startswith("* ")][: len(waiters)] == waiters
    page = subprocess.run([sys.executable, "-m", PACKAGE, "wait", WAITER, "help"], env=env,
                          capture_output=True, text=True, timeout=60, check=True).stdout
    assert page.startswith((package / PACKAGE / "reference" / "wait" / f"{WAITER}.txt").read_text().rstrip("\n"))
    assert "It will poll every 120 seconds" in page and "after 180 failed checks" in page
    overview = subprocess.run([sys.executable, "-m", PACKAGE, "help"], env=env,
                              capture_output=True, text=True, timeout=60, check=True).stdout
    assert "* wait: Wait until a particular condition is satisfied." in overview


def test_wait_help_is_the_aws_clis_text(package: Path) -> None:
    """``wait help`` is what the AWS CLI's plain-text renderer prints for ``aws sagemaker wait
    help`` (its doc generator's man-target page, from our spec directory)."""
    import os

    from tests.test_awscli_helptext import awscli_text
    from tests.test_reference_page import AWSCLI_PAGES

    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
    request = [[str(package.parent / "specs"), "sagemaker", "wait", "man"]]
    run = subprocess.run([sys.executable, "-c", AWSCLI_PAGES], input=json.dumps(request), env=env,
                         capture_output=True, text=True, timeout=300, check=True)
    [result] = json.loads(run.stdout)
    assert "wait" in result["commands"]
    shipped = (package / PACKAGE / "reference" / "wait" / "index.txt").read_text("utf-8")
    assert shipped == awscli_text(result["page"])
