"""The CLI's output formats on their own: pure functions, checked against layouts the AWS CLI
prints and, over many data shapes, against the AWS CLI's own formatters (in a subprocess, since
importing ``awscli`` changes ``AWS_DATA_PATH`` and the import system of the process)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from typed_sagemaker._cli import output as out
from typed_sagemaker import cli
from typed_sagemaker._cli import errors, main, session, table, values

TITLE = "ListTrainingJobsForHyperParameterTuningJob"

# Shapes the formatters branch on: nested objects, lists of objects with different keys, lists
# of scalars and of lists, wide and ambiguous-width characters, None, booleans, floats,
# tab/newline in values, empty containers, a scalar at the top, data too wide for 80 columns.
SAMPLES: list[Any] = [
    {"TrainingJobSummaries": [{"Name": "job-001", "Status": "Completed", "Created": 1700000000.123},
                              {"Name": "job-002", "Status": "Failed", "Created": 1700000001}]},
    {"A": {"B": {"C": 1, "D": [1, 2, 3]}, "E": "x"}, "F": None, "G": True, "H": 0.5},
    {"Items": [{"a": 1}, {"b": "two", "nested": {"k": "v"}}, {"a": 3, "lst": [1, [2, 3]]}]},
    {"Rows": [[1, 2, 3], [4, 5, 6]]},
    {"Mixed": [1, "two", [3, 4], {"five": 5}]},
    {"Wide": "日本語テキスト", "Accents": "température-élevée 🚀", "Ambiguous": "±§"},
    {"Awkward": 'cols="a,b"\\x\tend\nline2', "Empty": "", "Zero": 0},
    {"EmptyList": [], "EmptyMap": {}, "Value": "v"},
    {"Long": "x" * 120, "Other": "y"},
    {"One": "only"},
    [{"Name": "a", "Value": 1}, {"Name": "b"}],
    ["a", "b", "c"],
    [["a", 1], ["b", 2]],
    "just a string",
    42,
    {},
    [],
]

REFERENCE = textwrap.dedent(
    """
    import argparse, io, json, sys
    import jmespath
    from awscli import text
    from awscli.formatter import TableFormatter

    def run(function):
        stream = io.StringIO()
        try:
            function(stream)
        except Exception as error:
            return "%%s: %%s" %% (type(error).__name__, error)
        return stream.getvalue()

    def table(sample, color):
        # as the result of a --query: the formatter looks for ResponseMetadata before querying
        args = argparse.Namespace(color=color, query=jmespath.compile("Data"))
        return lambda stream: TableFormatter(args)(%r, {"Data": sample}, stream)

    results = []
    for sample in json.load(sys.stdin):
        results.append({
            "text": run(lambda stream: text.format_text(sample, stream)),
            "table": run(table(sample, "off")),
            "color": run(table(sample, "on")),
        })
    json.dump(results, sys.__stdout__)
    """
    % TITLE
)


@pytest.fixture(scope="module")
def reference() -> list[dict[str, str]]:
    pytest.importorskip("awscli")
    done = subprocess.run(
        [sys.executable, "-c", REFERENCE], input=json.dumps(SAMPLES), capture_output=True,
        text=True, check=True,
    )
    return list(json.loads(done.stdout))


def _text(data: Any) -> str:
    stream = io.StringIO()
    try:
        out.write_text(data, stream)
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return stream.getvalue()


def _table(data: Any, width: int = 80, color: bool = False) -> str:
    stream = io.StringIO()
    try:
        out.write_table(TITLE, data, stream, width=width, color=color)
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return stream.getvalue()


@pytest.mark.parametrize("index", range(len(SAMPLES)))
def test_text_and_table_match_the_aws_clis_formatters(index: int, reference: list[dict[str, str]]) -> None:
    sample = json.loads(json.dumps(SAMPLES[index]))
    assert _text(sample) == reference[index]["text"]
    assert _table(sample) == reference[index]["table"]
    assert _table(sample, color=True) == reference[index]["color"]


def test_table_layout() -> None:
    rows = [{"Name": "job-001", "Status": "Completed", "Created": 1700000000.123},
            {"Name": "job-002", "Status": "Completed", "Created": 1700000000.123}]
    assert _table(rows) == textwrap.dedent(
        """\
        --------------------------------------------
        |ListTrainingJobsForHyperParameterTuningJob|
        +----------------+-----------+-------------+
        |     Created    |   Name    |   Status    |
        +----------------+-----------+-------------+
        |  1700000000.123|  job-001  |  Completed  |
        |  1700000000.123|  job-002  |  Completed  |
        +----------------+-----------+-------------+
        """
    )
    assert _table({"TrainingJobSummaries": []}) == (
        "--------------------------------------------\n"
        "|ListTrainingJobsForHyperParameterTuningJob|\n"
        "+------------------------------------------+\n"
    )
    assert _table({}) == ""


def test_wide_tables_turn_one_row_sections_into_key_value_rows() -> None:
    data = {"Key": "k" * 50, "Other": "o" * 50}
    narrow = _table(data, width=80).split("\n")
    assert narrow[3].startswith("|  Key  |  kkk") and narrow[4].startswith("|  Other|  ooo")
    wide = _table(data, width=200).split("\n")
    assert wide[3].split() == ["|", "Key", "|", "Other", "|"]


def test_text_layout() -> None:
    data = {"TrainingJobSummaries": [{"B": "2", "A": "1", "Nested": {"Y": 2, "X": 1}}, {"A": "3", "C": None}],
            "NextToken": "tok"}
    assert _text(data) == (
        "tok\n"
        "TRAININGJOBSUMMARIES\t1\t2\t\n"
        "NESTED\t1\t2\n"
        "TRAININGJOBSUMMARIES\t3\t\tNone\n"
    )
    assert _text({"TrainingJobSummaries": None}) == "None\n"
    assert _text([]) == ""


def test_json_keeps_order_and_non_ascii_and_prints_nothing_for_an_empty_object() -> None:
    import datetime

    stream = io.StringIO()
    out.write_json({"Z": "é日本", "A": datetime.datetime(1970, 1, 1), "B": b"\x00\x01"}, stream)
    assert stream.getvalue() == '{\n    "Z": "é日本",\n    "A": "1970-01-01T00:00:00",\n    "B": "AAE="\n}\n'
    empty = io.StringIO()
    out.write_json({}, empty)
    assert empty.getvalue() == ""
    with pytest.raises(TypeError):
        out.json_encoder(object())


def test_text_width_counts_wide_characters_twice() -> None:
    assert out.text_width("abc") == 3
    assert out.text_width("日本") == 4
    assert out.text_width(12) == 2


# --- the driver's pure helpers ----------------------------------------------------------


def test_starting_tokens_the_paginator_cannot_use_are_rejected() -> None:
    import base64

    def token(value: Any) -> str:
        return base64.b64encode(json.dumps(value).encode()).decode()

    for good in (token({"NextToken": "abc", "boto_truncate_amount": 2}), token({"NextToken": None}),
                 "plain-service-token", "tok___1", token([1, 2]), None):
        values.check_starting_token(good)
    for bad in (token(123), token("text"), token(None), token({"NextToken": "x", "boto_truncate_amount": "2"})):
        with pytest.raises(errors.StartingTokenError, match="Bad value for --starting-token"):
            values.check_starting_token(bad)


def test_values_are_unpacked_as_the_aws_cli_does(tmp_path: Any) -> None:
    """A member option's value goes through the shorthand parser with the entry's type
    descriptor (``table.member_value``); ``tests/test_cli_shorthand.py`` compares it with awscli."""
    from typed_sagemaker._cli import shorthand, table

    def unpack(descriptor: dict[str, Any], value: Any, name: str) -> Any:
        return table.member_value({"descriptor": descriptor}, value, name)

    integer, string = {"type": "integer"}, {"type": "string"}
    assert unpack(integer, " 7 ", "--n") == 7
    with pytest.raises(shorthand.ShorthandError, match="invalid literal for int"):
        unpack(integer, "1.5", "--n")
    assert unpack({"type": "double"}, "2.5", "--d") == 2.5
    assert unpack({"type": "boolean"}, "False", "--b") is False
    assert unpack({"type": "list", "member": integer}, ["1", "2"], "--l") == [1, 2]
    assert unpack({"type": "list", "member": string}, ['["a", "b"]'], "--l") == ["a", "b"]
    structure = {"type": "structure", "members": {"Key": string, "Value": string}}
    assert unpack(structure, "Key=a,Value=b", "--m") == {"Key": "a", "Value": "b"}
    mapping = {"type": "map", "key": string, "value": string}
    assert unpack(mapping, '{"k": "v"}', "--m") == {"k": "v"}
    with pytest.raises(shorthand.ShorthandError, match="Error parsing parameter '--m': Invalid JSON: Expecting"):
        unpack(mapping, "{bad", "--m")


def test_parameter_files(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "v.txt").write_text("value\n")
    (tmp_path / "b.bin").write_bytes(b"\xff\x00")
    assert values.paramfile("file://v.txt", remote=False) == "value\n"
    assert values.paramfile(["file://v.txt"], remote=False) == "value\n"
    assert values.paramfile("fileb://b.bin", remote=False) == b"\xff\x00"
    assert values.paramfile("plain", remote=True) is None
    assert values.paramfile("http://127.0.0.1:9/x", remote=False) is None
    with pytest.raises(errors.ResourceLoadingError, match="Unable to load paramfile file://nope"):
        values.paramfile("file://nope", remote=False)
    with pytest.raises(errors.ResourceLoadingError, match="text contents could not be decoded"):
        values.paramfile("file://b.bin", remote=False)


def test_skeleton_waives_required_options_unless_it_is_for_output() -> None:
    assert main._skeleton_waives_required(["--generate-cli-skeleton"])
    assert main._skeleton_waives_required(["--generate-cli-skeleton", "input"])
    assert not main._skeleton_waives_required(["--generate-cli-skeleton", "output"])
    assert not main._skeleton_waives_required(["--generate-cli-skeleton=input"])


def test_the_argument_table_is_the_aws_clis() -> None:
    options, shadowed = table.argument_table(table.commands()["list-training-jobs-for-hyper-parameter-tuning-job"])
    assert list(options) == [
        "hyper-parameter-tuning-job-name", "next-token", "max-results", "status-equals", "sort-by",
        "sort-order", "cli-input-json", "starting-token", "page-size", "max-items",
        "generate-cli-skeleton",
    ]
    assert shadowed == {}


def test_the_debug_log_redacts_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDSECRETVALUE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "very/secret+key")
    redactor = session.Redactor()
    record = logging.LogRecord(
        "botocore", logging.DEBUG, __file__, 1,
        "headers={'Authorization': b'AWS4-HMAC-SHA256 Credential=OTHERKEY/2026/us-east-1/x', "
        "'X-Amz-Security-Token': b'tokenvalue'} key=%s secret=%s", ("AKIDSECRETVALUE", "very/secret+key"), None,
    )
    text = redactor.format(record)
    for secret in ("AKIDSECRETVALUE", "very/secret+key", "OTHERKEY", "tokenvalue"):
        assert secret not in text
    assert "Credential=<redacted>/2026" in text


def test_help_is_the_reference_page_and_the_differences(capsys: pytest.CaptureFixture[str]) -> None:
    """``<command> help`` prints the reference page as the AWS CLI's plain-text renderer does
    (``render/awscli/helptext.py``, compared with awscli's own renderer in
    ``tests/test_awscli_helptext.py``), rendered when the package was generated, then the
    differences."""
    from pathlib import Path

    from codegen.render.awscli.helptext import help_text
    from typed_sagemaker import _help

    assert cli.run(["list-training-jobs-for-hyper-parameter-tuning-job", "help"]) == 0
    page = capsys.readouterr().out
    rst = Path(cli.__file__).parents[1] / "docs/reference/sagemaker/list-training-jobs-for-hyper-parameter-tuning-job.rst"
    text = help_text(rst.read_text("utf-8"))
    differences = _help.DIFFERENCES.replace("{prog}", "typed-sagemaker")
    assert page == text.rstrip("\n") + "\n\n" + differences
    assert "--hyper-parameter-tuning-job-name <value>" in page
    for raw in (":ref:", ".. _cli:", "``", ":doc:"):  # reStructuredText, not text
        assert raw not in page
    assert "Differences from the AWS CLI v1" in page and "typed-sagemaker" in page
    assert cli.run(["--help"]) == 0
    overview = capsys.readouterr().out
    assert "list-training-jobs-for-hyper-parameter-tuning-job" in overview
    assert cli.run(["--region", "x", "list-training-jobs-for-hyper-parameter-tuning-job", "--help"]) == 0
    assert capsys.readouterr().out == page


def test_the_console_script_is_declared() -> None:
    tomllib = pytest.importorskip("tomllib")
    from pathlib import Path

    pyproject = Path(cli.__file__).parents[1] / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text())["project"]
    assert project["scripts"] == {"typed-sagemaker": "typed_sagemaker.cli:main"}
    assert "jmespath" in " ".join(project["dependencies"])
