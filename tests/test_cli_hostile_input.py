"""Hostile input on the command line: a clear one-line message and exit status 255, never a
traceback and never a request.

The AWS CLI v1 prints Python's own words for some of these ("maximum recursion depth exceeded
while decoding a JSON array...", "'list' object has no attribute 'keys'") and sends undecodable
bytes on, escaped; the generated CLI says what is wrong instead (listed in its help under
"Differences from the AWS CLI v1").
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fakes.fixtures import AwsEnv, sealed_environ
from tests.helpers import GENERATED
from typed_sagemaker import cli

COMMAND = "list-training-jobs-for-hyper-parameter-tuning-job"
# Nothing listens there: a request that got out would fail with "Could not connect".
NOWHERE = ["--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run([COMMAND, *NOWHERE, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_refused(result: tuple[int, str, str], message: str) -> None:
    code, out, err = result
    assert (code, out) == (255, "")
    assert "Traceback" not in err and "Could not connect" not in err
    assert err.strip().splitlines()[0] == message


@pytest.mark.parametrize(
    ("document", "kind"),
    [("[1, 2]", "an array"), ('"name"', "a string"), ("7", "a number"), ("true", "a boolean"),
     ("null", "null")],
)
def test_json_that_is_not_an_object_is_refused(
    aws_env: AwsEnv, capsys: pytest.CaptureFixture[str], document: str, kind: str
) -> None:
    assert_refused(
        run(capsys, "--cli-input-json", document),
        "Error parsing parameter 'cli-input-json': Invalid JSON: expected an object of "
        f"parameters, got {kind}",
    )


def test_json_nested_deeper_than_python_parses_is_refused(
    aws_env: AwsEnv, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    assert_refused(
        run(capsys, "--cli-input-json", f"file://{deep}"),
        "Error parsing parameter 'cli-input-json': Invalid JSON: nested too deeply to parse",
    )


def test_a_huge_invalid_document_is_echoed_only_in_part(
    aws_env: AwsEnv, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    huge = tmp_path / "huge.json"
    huge.write_text("{" + "x" * 5_000_000)
    code, out, err = run(capsys, "--cli-input-json", f"file://{huge}")
    assert (code, out) == (255, "")
    assert err.strip().splitlines()[0].startswith("Error parsing parameter 'cli-input-json': Invalid JSON:")
    assert err.rstrip().endswith("... (4999001 more characters)") and len(err) < 2_000


def test_a_huge_valid_document_is_read(
    aws_env: AwsEnv, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    huge = tmp_path / "huge.json"
    huge.write_text('{"HyperParameterTuningJobName": "%s"}' % ("a" * 5_000_000))
    code, _, err = run(capsys, "--cli-input-json", f"file://{huge}")
    # It gets as far as the request (nothing listens), and no further.
    assert code == 255 and "Could not connect to the endpoint URL" in err


def test_a_file_that_is_not_utf8_is_refused(
    aws_env: AwsEnv, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"HyperParameterTuningJobName": "\xff\xfe"}')
    code, _, err = run(capsys, "--cli-input-json", f"file://{bad}")
    assert code == 255 and "Traceback" not in err
    assert err.strip().startswith(
        f"Error parsing parameter '--cli-input-json': Unable to load paramfile ({bad}), "
        "text contents could not be decoded."
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cli-input-json", '{"HyperParameterTuningJobName": "\udcff"}'],
         "Error parsing parameter '--cli-input-json': not valid UTF-8 (byte 0xff at character 33)"),
        (["--hyper-parameter-tuning-job-name=ab\udcfe"],
         "Error parsing parameter '--hyper-parameter-tuning-job-name': not valid UTF-8 "
         "(byte 0xfe at character 2)"),
    ],
)
def test_arguments_that_are_not_utf8_are_refused(
    aws_env: AwsEnv, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert_refused(run(capsys, *args), message)


def test_undecodable_bytes_on_a_real_command_line(tmp_path: Path) -> None:
    """The same, end to end: the bytes as a shell passes them to the console entry point."""
    env = sealed_environ(tmp_path, GENERATED)
    argv = [sys.executable, "-m", "typed_sagemaker", COMMAND, *NOWHERE,
            b"--hyper-parameter-tuning-job-name", b"job-\xff"]
    result = subprocess.run(argv, env={k: os.fsencode(v) for k, v in env.items()}, capture_output=True)
    assert result.returncode == 255 and result.stdout == b""
    assert result.stderr.strip() == (
        b"Error parsing parameter '--hyper-parameter-tuning-job-name': not valid UTF-8 "
        b"(byte 0xff at character 4)"
    )


def test_a_call_leaves_no_state_behind(capsys: pytest.CaptureFixture[str]) -> None:
    """Logging handlers added for ``--debug`` and the streams wrapped for colour are put back
    when the call ends, however it ends: a program embedding the CLI sees no change."""
    import logging
    import sys

    loggers = [logging.getLogger(), logging.getLogger("botocore"), logging.getLogger("typed_sagemaker")]
    before = [(log.level, list(log.handlers)) for log in loggers]
    streams = sys.stdout, sys.stderr
    for args in (["--debug", "--cli-connect-timeout", "1"], ["--color", "on"], ["--max-items", "x"]):
        code = cli.run([COMMAND, *NOWHERE, "--hyper-parameter-tuning-job-name", "j", *args])
        capsys.readouterr()
        assert code != 0  # nothing listens: every call fails, and must still clean up
        assert [(log.level, list(log.handlers)) for log in loggers] == before, args
        assert (sys.stdout, sys.stderr) == streams, args
