"""Malformed specs, through ``codegen generate``: one line naming the JSON path, exit status 2,
the output directory untouched (byte for byte), never a traceback.

And failures that are not the spec's fault (a bug, an interruption mid-write): one line, exit 1
(130 when interrupted), the output untouched; ``CODEGEN_DEBUG=1`` shows the traceback.
"""

from __future__ import annotations

import copy
import errno
import json
import time
from pathlib import Path
from typing import Any, Callable

import pytest

import codegen.pipeline
from codegen.commands import main
from codegen.write import read_tree, write_tree
from tests.helpers import demo_model, write_spec

SERVICE = "demo/service-2.json"  # how a path inside the model is named
PAGINATORS = "demo/paginators-1.json"
SERVICE_FILE = "specs/demo/2020-01-01/service-2.json"  # how a file that cannot be read is named
PAGINATORS_FILE = "specs/demo/2020-01-01/paginators-1.json"
WAITERS = "demo/waiters-2.json"
WAITERS_FILE = "specs/demo/2020-01-01/waiters-2.json"


def valid_model() -> dict[str, Any]:
    return demo_model({
        "Input": {"type": "structure", "required": ["Name"], "members": {
            "Name": {"shape": "Text", "documentation": "<p>The name.</p>"},
            "Mode": {"shape": "Mode"},
            "Tags": {"shape": "TagMap"},
            "NextToken": {"shape": "Text"},
            "MaxResults": {"shape": "Count"},
        }},
        "Output": {"type": "structure", "members": {
            "Items": {"shape": "ItemList"},
            "NextToken": {"shape": "Text"},
        }},
        "ItemList": {"type": "list", "member": {"shape": "Item"}},
        "Item": {"type": "structure", "members": {"Name": {"shape": "Text"}}},
        "TagMap": {"type": "map", "key": {"shape": "Text"}, "value": {"shape": "Text"}},
        "Text": {"type": "string", "min": 1, "max": 64, "pattern": "^[a-z]+$"},
        "Mode": {"type": "string", "enum": ["Fast", "Slow"]},
        "Count": {"type": "integer", "min": 1, "max": 100},
    })


def valid_paginators() -> dict[str, Any]:
    return {"pagination": {"DoIt": {"input_token": "NextToken", "output_token": "NextToken",
                                    "limit_key": "MaxResults", "result_key": "Items"}}}


def valid_waiters() -> dict[str, Any]:
    return {"version": 2, "waiters": {"ItemsListed": {
        "operation": "DoIt", "delay": 5, "maxAttempts": 3, "description": "Wait for items.",
        "acceptors": [
            {"state": "success", "matcher": "path", "argument": "length(Items) > `0`", "expected": True},
            {"state": "retry", "matcher": "error", "expected": "Throttled"},
            {"state": "failure", "matcher": "status", "expected": 500},
        ]}}}


PREVIOUS = {"typed_demo/__init__.py": b"# the previous generation\n", "keep/data.bin": b"\x00\x01"}


class Run:
    """``codegen generate`` into an output directory holding a previous generation."""

    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp_path, self.capsys = tmp_path, capsys
        self.spec_dir = tmp_path / "specs"
        self.output = tmp_path / "generated"
        write_tree(self.output, PREVIOUS)
        self.before = read_tree(self.output)

    def spec(self, model: Any = None, paginators: Any = None, waiters: Any = None) -> Run:
        write_spec(self.spec_dir, valid_model())
        base = self.spec_dir / "demo" / "2020-01-01"
        if model is not None:
            (base / "service-2.json").write_text(model if isinstance(model, str) else json.dumps(model))
        pages = valid_paginators() if paginators is None else paginators
        (base / "paginators-1.json").write_text(pages if isinstance(pages, str) else json.dumps(pages))
        table = valid_waiters() if waiters is None else waiters
        (base / "waiters-2.json").write_text(table if isinstance(table, str) else json.dumps(table))
        return self

    def manifest(self, change: Callable[[dict[str, Any]], None]) -> Run:
        path = self.spec_dir / "manifest.json"
        manifest = json.loads(path.read_text())
        change(manifest)
        path.write_text(json.dumps(manifest))
        return self

    def generate(self, *extra: str, package: str = "typed_demo") -> tuple[int, str]:
        self.capsys.readouterr()
        code = main(["generate", "--spec-dir", str(self.spec_dir), "--output", str(self.output),
                     "--package", package, "--no-cache", *extra])
        return code, self.capsys.readouterr().err

    def refused(self, message: str, *extra: str, package: str = "typed_demo") -> str:
        """Generation exits 2 with one line holding ``message``, and changes nothing."""
        code, err = self.generate(*extra, package=package)
        assert code == 2, err
        assert err.count("\n") == 1 and err.startswith("codegen: error: "), err
        assert "Traceback" not in err
        assert message in err, err
        self.unchanged()
        return err

    def unchanged(self) -> None:
        assert read_tree(self.output) == self.before
        leftovers = [p.name for p in self.tmp_path.iterdir() if p.name.startswith(".generated")]
        assert leftovers == [], leftovers


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CODEGEN_DEBUG", raising=False)
    return Run(tmp_path, capsys)


def edited(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    model = copy.deepcopy(valid_model())
    change(model)
    return model


def test_the_valid_spec_generates(run: Run) -> None:
    code, err = run.spec().generate()
    assert code == 0, err
    assert "typed_demo/models.py" in read_tree(run.output)


# --- the files themselves ----------------------------------------------------------------------


def test_invalid_json(run: Run) -> None:
    run.spec('{"version": "2.0",\n  "operations": {,}}').refused(
        f"{SERVICE_FILE}:2:18: invalid JSON: Expecting property name enclosed in double quotes")


def test_empty_file(run: Run) -> None:
    run.spec("").refused(f"{SERVICE_FILE}: empty file")


def test_a_file_that_is_not_utf8(run: Run) -> None:
    run.spec()
    (run.spec_dir / "demo/2020-01-01/service-2.json").write_bytes(b'{"a": "\xff"}')
    run.refused(f"{SERVICE_FILE}: cannot read")


def test_deeply_nested_arrays_are_no_recursion_error(run: Run) -> None:
    run.spec("[" * 200_000 + "]" * 200_000).refused(f"{SERVICE_FILE}: JSON nested too deeply to read")


def test_nesting_just_under_the_parser_limit_in_a_field(run: Run) -> None:
    nested: Any = "x"
    for _ in range(900):
        nested = [nested]
    run.spec(edited(lambda m: m["shapes"]["Item"].__setitem__("documentation", nested))).refused(
        f"{SERVICE}: shapes.Item.documentation: must be a string, not a list")


def test_a_huge_file_of_valid_nonsense(run: Run) -> None:
    nonsense = json.dumps([{"k": i, "v": "nonsense " * 8} for i in range(600_000)])
    assert len(nonsense) > 50_000_000
    started = time.monotonic()
    run.spec(nonsense).refused(f"{SERVICE}: must be an object, not a list")
    assert time.monotonic() - started < 60


def test_a_huge_model_with_one_bad_field(run: Run) -> None:
    def bloat(model: dict[str, Any]) -> None:
        for i in range(200_000):  # unreachable shapes: ignored, but read
            model["shapes"][f"Junk{i}"] = {"type": "string", "documentation": "nonsense " * 20}
        model["shapes"]["Item"]["members"]["Name"]["shape"] = 42
    model = edited(bloat)
    run.spec(model).refused(f"{SERVICE}: shapes.Item.members.Name.shape: must be a string, not a number")


def test_a_file_that_is_not_an_object(run: Run) -> None:
    run.spec('"just a string"').refused(f"{SERVICE}: must be an object, not a string")


# --- shapes ----------------------------------------------------------------------------------


def test_missing_shape_reference(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Item"]["members"].__setitem__("Ghost", {"shape": "Nowhere"}))
    run.spec(model).refused(f"{SERVICE}: shapes.Item.members.Ghost: refers to the missing shape 'Nowhere'")


def test_missing_shape_of_an_operation(run: Run) -> None:
    model = edited(lambda m: m["operations"]["DoIt"].__setitem__("output", {"shape": "Gone"}))
    run.spec(model).refused(f"{SERVICE}: operations.DoIt.output: refers to the missing shape 'Gone'")


def test_shape_reference_without_a_name(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["ItemList"].__setitem__("member", {"documentation": "x"}))
    run.spec(model).refused(f"{SERVICE}: shapes.ItemList.member: a shape reference needs a 'shape' name")


def test_members_not_an_object(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Item"].__setitem__("members", ["Name"]))
    run.spec(model).refused(f"{SERVICE}: shapes.Item.members: must be an object, not a list")


def test_member_not_an_object(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Item"]["members"].__setitem__("Name", "Text"))
    run.spec(model).refused(f"{SERVICE}: shapes.Item.members.Name: must be an object, not a string")


def test_required_not_a_list(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Input"].__setitem__("required", "Name"))
    run.spec(model).refused(f"{SERVICE}: shapes.Input.required: must be a list of strings, not a string")


def test_required_names_no_member(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Input"].__setitem__("required", ["Name", "Nmae"]))
    run.spec(model).refused(f"{SERVICE}: shapes.Input.required[1]: names 'Nmae', not a member")


def test_enum_not_a_list(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Mode"].__setitem__("enum", "Fast,Slow"))
    run.spec(model).refused(f"{SERVICE}: shapes.Mode.enum: must be a list of strings, not a string")


def test_enum_value_not_a_string(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Mode"].__setitem__("enum", ["Fast", None]))
    run.spec(model).refused(f"{SERVICE}: shapes.Mode.enum[1]: must be a string, not null")


def test_min_a_string(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Text"].__setitem__("min", "1"))
    run.spec(model).refused(f"{SERVICE}: shapes.Text.min: must be a finite number, not a string")


def test_max_on_a_member_reference(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Input"]["members"]["MaxResults"].__setitem__("max", [100]))
    run.spec(model).refused(f"{SERVICE}: shapes.Input.members.MaxResults.max: must be a finite number, not a list")


def test_flag_not_a_boolean(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Item"].__setitem__("exception", "yes"))
    run.spec(model).refused(f"{SERVICE}: shapes.Item.exception: must be true or false, not a string")


def test_documentation_not_a_string(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Input"]["members"]["Name"].__setitem__("documentation", {"p": 1}))
    run.spec(model).refused(f"{SERVICE}: shapes.Input.members.Name.documentation: must be a string, not an object")


def test_unknown_shape_type(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Text"].__setitem__("type", "strnig"))
    run.spec(model).refused(f"{SERVICE}: shapes.Text.type: unknown shape type 'strnig'")


def test_shape_without_a_type(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["Count"].pop("type"))
    run.spec(model).refused(f"{SERVICE}: shapes.Count.type: missing")


def test_shape_not_an_object(run: Run) -> None:
    model = edited(lambda m: m["shapes"].__setitem__("Count", 7))
    run.spec(model).refused(f"{SERVICE}: shapes.Count: must be an object, not a number")


def test_list_without_member(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["ItemList"].pop("member"))
    run.spec(model).refused(f"{SERVICE}: shapes.ItemList.member: missing")


def test_map_without_value(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["TagMap"].pop("value"))
    run.spec(model).refused(f"{SERVICE}: shapes.TagMap.value: missing")


def test_error_status_not_an_integer(run: Run) -> None:
    def change(m: dict[str, Any]) -> None:
        m["shapes"]["Oops"] = {"type": "structure", "members": {}, "exception": True,
                               "error": {"code": "Oops", "httpStatusCode": "400"}}
        m["operations"]["DoIt"]["errors"] = [{"shape": "Oops"}]
    run.spec(edited(change)).refused(f"{SERVICE}: shapes.Oops.error.httpStatusCode: must be an integer, not a string")


def test_a_name_that_is_not_plain_is_quoted_in_the_path(run: Run) -> None:
    def change(m: dict[str, Any]) -> None:
        m["shapes"]["Item"]["members"]["we.ird\nname\x1b[2J"] = {"shape": 3}
    err = run.spec(edited(change)).refused(
        f'{SERVICE}: shapes.Item.members."we.ird\\nname\\u001b[2J".shape: must be a string, not a number')
    assert "\x1b" not in err  # a spec cannot send escape sequences to the terminal


def test_shapes_not_an_object(run: Run) -> None:
    run.spec(edited(lambda m: m.__setitem__("shapes", []))).refused(f"{SERVICE}: shapes: must be an object, not a list")


def test_lists_that_contain_themselves(run: Run) -> None:
    model = edited(lambda m: m["shapes"]["ItemList"].__setitem__("member", {"shape": "ItemList"}))
    run.spec(model).refused(f"{SERVICE}: shapes.ItemList: refers to itself through lists and maps only")


def test_nesting_deeper_than_supported(run: Run) -> None:
    def change(m: dict[str, Any]) -> None:
        for i in range(200):
            m["shapes"][f"Level{i}"] = {"type": "structure", "members": {"Next": {"shape": f"Level{i + 1}"}}}
        m["shapes"]["Level200"] = {"type": "string"}
        m["shapes"]["Item"]["members"]["Deep"] = {"shape": "Level0"}
    run.spec(edited(change)).refused("shapes nested more than 100 deep are not supported")


def test_a_member_tree_too_large_to_document(run: Run) -> None:
    def change(m: dict[str, Any]) -> None:  # 40 levels, two ways down each: 2**40 paths
        for i in range(40):
            m["shapes"][f"Fork{i}"] = {"type": "structure", "members": {
                "Left": {"shape": f"Fork{i + 1}"}, "Right": {"shape": f"Fork{i + 1}"}}}
        m["shapes"]["Fork40"] = {"type": "string"}
        m["shapes"]["Input"]["members"]["Fork"] = {"shape": "Fork0"}
    started = time.monotonic()
    run.spec(edited(change)).refused(f"{SERVICE}: operations.DoIt.input: its member tree")
    assert time.monotonic() - started < 10


# --- operations --------------------------------------------------------------------------------


def test_unknown_operation(run: Run) -> None:
    run.spec().manifest(lambda m: m["services"]["demo"]["operations"].append("DoesNotExist"))
    run.refused(f"{SERVICE}: operations.DoesNotExist: no such operation")


def test_operation_not_an_object(run: Run) -> None:
    run.spec(edited(lambda m: m["operations"].__setitem__("DoIt", ["Input"]))).refused(
        f"{SERVICE}: operations.DoIt: must be an object, not a list")


def test_errors_not_a_list(run: Run) -> None:
    model = edited(lambda m: m["operations"]["DoIt"].__setitem__("errors", {"shape": "Input"}))
    run.spec(model).refused(f"{SERVICE}: operations.DoIt.errors: must be a list, not an object")


def test_operation_name_that_would_be_a_path(run: Run) -> None:
    def change(m: dict[str, Any]) -> None:
        m["operations"]["../../Escape"] = dict(m["operations"]["DoIt"], name="../../Escape")
    run.spec(edited(change)).manifest(
        lambda m: m["services"]["demo"]["operations"].append("../../Escape"))
    run.refused(f'{SERVICE}: operations."../../Escape": an operation name must be ASCII letters')


def test_operations_with_the_same_command_name(run: Run) -> None:
    def change(m: dict[str, Any]) -> None:
        m["operations"]["Do_It"] = dict(m["operations"]["DoIt"], name="Do_It")
        m["operations"]["DOIt"] = dict(m["operations"]["DoIt"], name="DOIt")
    run.spec(edited(change)).manifest(
        lambda m: m["services"]["demo"].__setitem__("operations", ["DOIt", "Do_It", "DoIt"]))
    run.refused(f"{SERVICE}: operations.DoIt: its command name 'do-it' is also that of operation 'DOIt'")


# --- paginators --------------------------------------------------------------------------------


def test_paginator_naming_a_member_that_does_not_exist(run: Run) -> None:
    pages = valid_paginators()
    pages["pagination"]["DoIt"]["result_key"] = "Itemz"
    run.spec(paginators=pages).refused(
        f"{PAGINATORS}: pagination.DoIt.result_key: names 'Itemz', not a member of the operation")


def test_paginator_limit_key_not_a_string(run: Run) -> None:
    pages = valid_paginators()
    pages["pagination"]["DoIt"]["limit_key"] = ["MaxResults"]
    run.spec(paginators=pages).refused(f"{PAGINATORS}: pagination.DoIt.limit_key: must be a string, not a list")


def test_paginator_entry_not_an_object(run: Run) -> None:
    run.spec(paginators={"pagination": {"DoIt": "NextToken"}}).refused(
        f"{PAGINATORS}: pagination.DoIt: must be an object, not a string")


def test_paginators_invalid_json(run: Run) -> None:
    run.spec(paginators="{pagination").refused(f"{PAGINATORS_FILE}:1:2: invalid JSON")


# --- waiters -----------------------------------------------------------------------------------


def waiters_with(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    """The valid waiters table with ``change`` applied to its one waiter."""
    table = valid_waiters()
    change(table["waiters"]["ItemsListed"])
    return table


def test_the_valid_waiters_generate(run: Run) -> None:
    code, err = run.spec().generate()
    assert code == 0, err
    assert "class ItemsListedWaiter:" in read_tree(run.output)["typed_demo/waiters.py"].decode()


@pytest.mark.parametrize(
    ("waiters", "message"),
    [
        ({"waiters": {}}, "version: must be 2 (botocore's waiter format), not null"),
        ({"version": "2", "waiters": {}}, "version: must be 2 (botocore's waiter format), not a string"),
        ({"version": 2}, "waiters: must be an object, not null"),
        ({"version": 2, "waiters": {"W": ["DoIt"]}}, "waiters.W: must be an object, not a list"),
        ({"version": 2, "waiters": {"W": {"delay": 1}}}, "waiters.W.operation: missing: a waiter names the operation it polls"),
        ({"version": 2, "waiters": {"W": {"operation": 7}}}, "waiters.W.operation: must be a string, not a number"),
    ],
)
def test_a_waiters_table_that_is_not_botocore_s_format(run: Run, waiters: Any, message: str) -> None:
    run.spec(waiters=waiters).refused(f"{WAITERS}: {message}")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda w: w.pop("delay"), "ItemsListed.delay: missing: the seconds between attempts"),
        (lambda w: w.update(delay=-1), "ItemsListed.delay: must be a number of seconds, 0 or more, not -1"),
        (lambda w: w.update(delay=True), "ItemsListed.delay: must be a number of seconds, 0 or more, not a boolean"),
        (lambda w: w.update(maxAttempts=0), "ItemsListed.maxAttempts: must be a whole number, 1 or more, not 0"),
        (lambda w: w.update(maxAttempts=2.5), "ItemsListed.maxAttempts: must be a whole number, 1 or more, not 2.5"),
        (lambda w: w.update(description=["x"]), "ItemsListed.description: must be a string, not a list"),
        (lambda w: w.update(acceptors={}), "ItemsListed.acceptors: must be a list, not an object"),
        (lambda w: w["acceptors"].append("success"), "ItemsListed.acceptors[3]: must be an object, not a string"),
        (lambda w: w["acceptors"][0].update(state="done"),
         "ItemsListed.acceptors[0].state: 'done' is not one of success, failure, retry"),
        (lambda w: w["acceptors"][1].pop("matcher"), "ItemsListed.acceptors[1].matcher: missing"),
        (lambda w: w["acceptors"][1].update(matcher="regex"),
         "ItemsListed.acceptors[1].matcher: 'regex' is not one of path, pathAll, pathAny, status, error"),
        (lambda w: w["acceptors"][1].pop("expected"), "ItemsListed.acceptors[1].expected: missing"),
        (lambda w: w["acceptors"][0].pop("argument"),
         "ItemsListed.acceptors[0].argument: missing: the path matcher needs a JMESPath expression"),
        (lambda w: w["acceptors"][0].update(argument="length(Items) >"),
         "ItemsListed.acceptors[0].argument: not a JMESPath expression: "),
        (lambda w: w["acceptors"][2].update(expected="500"),
         "ItemsListed.acceptors[2].expected: must be an HTTP status code for the status matcher, not a string"),
        (lambda w: w["acceptors"][1].update(expected=404),
         "ItemsListed.acceptors[1].expected: must be an error code or true/false for the error matcher, not a number"),
        (lambda w: w["acceptors"].pop(0), "ItemsListed.acceptors: has no success acceptor, so the waiter could never succeed"),
    ],
)
def test_a_waiter_botocore_could_not_run(run: Run, change: Callable[[dict[str, Any]], Any], message: str) -> None:
    run.spec(waiters=waiters_with(change)).refused(f"{WAITERS}: waiters.{message}")


def test_a_waiter_name_that_cannot_name_a_class_or_command(run: Run) -> None:
    table = valid_waiters()
    table["waiters"]["Items Listed!"] = table["waiters"].pop("ItemsListed")
    run.spec(waiters=table).refused(
        f'{WAITERS}: waiters."Items Listed!": a waiter name must be ASCII letters, digits and underscores')


def test_waiters_with_the_same_command_name(run: Run) -> None:
    table = valid_waiters()
    table["waiters"]["ItemsLISTED"] = table["waiters"]["ItemsListed"]
    run.spec(waiters=table).refused(
        f"{WAITERS}: waiters.ItemsListed: its command name 'items-listed' is also that of waiter 'ItemsLISTED'")


def test_a_waiter_of_an_operation_the_spec_does_not_hold(run: Run) -> None:
    """``codegen sync`` leaves such waiters out, so the spec was edited by hand."""
    run.spec(waiters=waiters_with(lambda w: w.update(operation="DescribeIt"))).refused(
        f"{WAITERS}: waiters.ItemsListed.operation: names 'DescribeIt', which is not an operation of the spec")


def test_waiters_invalid_json(run: Run) -> None:
    run.spec(waiters='{"version": 2,').refused(f"{WAITERS_FILE}:1:15: invalid JSON")


def test_sync_refuses_a_broken_waiter_and_ignores_one_of_an_operation_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``codegen sync`` checks the waiters it keeps; one it leaves out only needs to name its
    operation (that is what decides it is left out)."""
    data = tmp_path / "data" / "demo" / "2020-01-01"
    data.mkdir(parents=True)
    (data / "service-2.json").write_text(json.dumps(valid_model()))
    table = valid_waiters()
    table["waiters"]["Gone"] = {"operation": "DescribeIt", "delay": "soon"}
    (data / "waiters-2.json").write_text(json.dumps(table))
    argv = ["sync", "--botocore-data", str(tmp_path / "data"), "--spec-dir", str(tmp_path / "s"), "demo", "DoIt"]
    assert main(argv) == 0
    assert "1 waiter left out" in capsys.readouterr().out
    manifest = json.loads((tmp_path / "s" / "manifest.json").read_text())
    assert manifest["services"]["demo"]["waiters_left_out"] == {"Gone": "DescribeIt"}
    table["waiters"]["ItemsListed"]["maxAttempts"] = -3
    (data / "waiters-2.json").write_text(json.dumps(table))
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{WAITERS}: waiters.ItemsListed.maxAttempts: must be a whole number, 1 or more, not -3" in err


# --- the manifest and the options --------------------------------------------------------------


def test_manifest_api_version_that_leaves_the_spec_dir(run: Run) -> None:
    run.spec().manifest(lambda m: m["services"]["demo"].__setitem__("api_version", "../../../elsewhere"))
    run.refused("manifest.json: services.demo.api_version: '../../../elsewhere' is not a plain directory name")


def test_manifest_service_name_that_is_a_path(run: Run) -> None:
    run.spec().manifest(lambda m: m.__setitem__("services", {"../demo": m["services"]["demo"]}))
    run.refused('manifest.json: services."../demo": \'../demo\' is not a plain directory name')


def test_manifest_without_operations(run: Run) -> None:
    run.spec().manifest(lambda m: m["services"]["demo"].__setitem__("operations", []))
    run.refused("manifest.json: services.demo.operations: name at least one operation")


@pytest.mark.parametrize("package", ["class", "../escape", "typed-demo", "a.b"])
def test_package_that_is_not_an_identifier(run: Run, package: str) -> None:
    run.spec().refused(f"package: {package!r} is not a Python identifier", package=package)


# --- failures that are not the spec's fault ------------------------------------------------------


def test_an_internal_error_is_one_line_exit_1(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(codegen.pipeline, "render_service", broken)
    code, err = run.spec().generate()
    assert code == 1
    assert err == (
        "codegen: internal error (RuntimeError: a bug over two lines); this is a bug in codegen, "
        "not in the input; rerun with CODEGEN_DEBUG=1 for the traceback\n"
    )
    run.unchanged()
    monkeypatch.setenv("CODEGEN_DEBUG", "1")
    with pytest.raises(RuntimeError, match="a bug"):
        run.generate()
    run.unchanged()


@pytest.mark.parametrize(
    "failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()]
)
def test_a_failure_midway_through_writing_leaves_the_output_untouched(
    run: Run, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    from codegen.write import swap

    written: list[Path] = []
    original = swap._write_new

    def failing_write(path: Path, data: bytes) -> None:
        written.append(path)
        if len(written) == 5:
            raise failure
        original(path, data)

    run.spec()
    monkeypatch.setattr(swap, "_write_new", failing_write)
    code, err = run.generate()
    monkeypatch.undo()
    assert len(written) == 5
    if isinstance(failure, KeyboardInterrupt):
        assert (code, err) == (130, "codegen: interrupted\n")
    else:  # the environment's fault: exit 2, naming the file and the reason
        assert code == 2 and err.count("\n") == 1, err
        assert f"{written[-1]}: cannot write: No space left on device" in err
    run.unchanged()


def test_numbers_json_allows_but_python_cannot_take(run: Run) -> None:
    text = json.dumps(valid_model()).replace('"max": 64', '"max": 1e999')
    run.spec(text).refused(f"{SERVICE}: shapes.Text.max: must be a finite number, not an infinite number")
    text = json.dumps(valid_model()).replace('"max": 64', '"max": ' + "9" * 5000)
    run.spec(text).refused(f"{SERVICE_FILE}: invalid JSON: Exceeds the limit (4300 digits)")


def test_a_lone_surrogate_is_not_text(run: Run) -> None:
    def change(m: dict[str, Any]) -> None:
        m["shapes"]["Item"]["members"]["Name\ud800"] = {"shape": "Text"}
    err = run.spec(edited(change)).refused(
        f'{SERVICE_FILE}: shapes.Item.members."Name\\ud800": holds a lone surrogate')
    err.encode("utf-8")


def test_a_surrogate_pair_or_an_escaped_backslash_is_no_lone_surrogate() -> None:
    """The check walks a model's strings only when its source may escape a lone surrogate;
    over JSON strings made of surrogate escapes, backslashes and text, it never misses one
    that ``json.loads`` gives, and it walks for none that holds none (models spell their
    patterns' ranges with the backslash escaped, ``"[\\\\uD800\\\\uDC00-...]"``)."""
    import random

    from codegen.spec.validate import _has_lone_surrogate_escape

    draw = random.Random(22)
    atoms = ["\\ud800", "\\udc00", "\\uDBFF", "\\uDFFF", "\\\\", "u", "\\u00e9", "\\n", "d800"]
    for _ in range(20_000):
        source = json.dumps({"a": [""]}).replace('""', '"' + "".join(draw.choices(atoms, k=draw.randint(0, 7))) + '"')
        lone = any(0xD800 <= ord(c) <= 0xDFFF for c in json.loads(source)["a"][0])
        assert _has_lone_surrogate_escape(source) == lone, source


@pytest.mark.parametrize("path", ["../outside.py", "a/../../outside.py", "/etc/x", "a//b", "a/\x00", ""])
def test_the_writer_keeps_every_file_inside_the_output(tmp_path: Path, path: str) -> None:
    """The last line of defence, should a spec string ever reach a file name."""
    with pytest.raises(ValueError, match="not a path inside the output tree"):
        write_tree(tmp_path / "out", {"ok.py": b"", path: b"x"})
    assert sorted(p.name for p in tmp_path.iterdir()) == []
