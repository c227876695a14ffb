"""The AWS CLI v1 reference pages (``codegen.render.clidoc``).

* The seed page (made by the AWS CLI from botocore 1.12.0's model) is reproduced byte for byte.
* The pinned model's operation is paginated, and its page says so the way the AWS CLI does.
* Where the AWS CLI (awscli) is installed, its own doc generator writes the same pages, from
  the same model data: it runs in a subprocess with ``AWS_DATA_PATH`` pointing at our spec
  directory (so its botocore loads our model files, not its own), and with its page layout set
  to the seed's (the "See 'aws help'" lines where newer versions list the global options, no
  examples). Those tests skip when no Python with awscli is found.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from codegen.ir.build import build_service
from codegen.ir.nodes import Service
from codegen.render.awscli.customizations import service_command
from codegen.render.awscli.page import reference_pages as render_reference_pages
from codegen.spec.source import ModelSource
from codegen.spec.store import build_snapshot_tree, read_snapshot
from codegen.write import write_tree
from tests.helpers import FIXTURE_SPECS, ROOT, SPECS, write_spec

COMMAND = "list-training-jobs-for-hyper-parameter-tuning-job"
PAGE = f"{COMMAND}.rst"
SEED = ROOT / "tests" / "fixtures" / "seed" / f"{COMMAND}.rst"
SEE_AWS_HELP = "See :doc:`'aws help' </reference/index>` for descriptions of global parameters.\n"


def service_at(spec_dir: Path) -> Service:
    return build_service(read_snapshot(spec_dir).services[0], package="x")


def _visible(text: str) -> list[str]:
    """Lines with trailing blanks drawn as '·', so white-space-only differences show."""
    return [re.sub(r"[ \t]+$", lambda m: "·" * len(m.group()), line) + "\n" for line in text.split("\n")]


def show_diff(expected: str, actual: str, expected_name: str, actual_name: str) -> str:
    diff = "".join(difflib.unified_diff(_visible(expected), _visible(actual), expected_name, actual_name))
    return diff or "(the texts differ only in line-end characters)"


_HEADING = re.compile(r"^(=+)\n(.+)\n\1\n\n?", re.M)


def sections(page: str) -> dict[str, str]:
    """The text under each ``=====`` heading (Description, Synopsis, Options, Output)."""
    found = [m for m in _HEADING.finditer(page) if len(m.group(1)) == len(m.group(2))]
    ends = [m.start() for m in found[1:]] + [len(page)]
    return {m.group(2): page[m.end() : end] for m, end in zip(found, ends)}


# ---------------------------------------------------------------------------------------------
# Without the AWS CLI


def test_seed_page_is_reproduced_byte_for_byte() -> None:
    pages = render_reference_pages(service_at(FIXTURE_SPECS / "botocore-1.12.0"))
    assert list(pages) == [PAGE]
    expected = SEED.read_bytes().decode("utf-8")
    assert pages[PAGE] == expected, show_diff(expected, pages[PAGE], f"seed {SEED.name}", "rendered")


def test_the_pinned_model_gives_the_paginated_page() -> None:
    page = render_reference_pages(service_at(SPECS))[PAGE]
    parts = sections(page)
    synopsis = [line.strip() for line in parts["Synopsis"].splitlines() if line.strip()]
    assert synopsis == [
        "::",
        COMMAND,
        "--hyper-parameter-tuning-job-name <value>",
        "[--status-equals <value>]",
        "[--sort-by <value>]",
        "[--sort-order <value>]",
        "[--cli-input-json <value>]",
        "[--starting-token <value>]",
        "[--page-size <value>]",
        "[--max-items <value>]",
        "[--generate-cli-skeleton <value>]",
    ]
    options = parts["Options"]
    assert "--next-token" not in options and "--max-results" not in options
    for option, kind in [("starting-token", "string"), ("page-size", "integer"), ("max-items", "integer")]:
        assert f"\n``--{option}`` ({kind})\n" in options
    assert "a ``NextToken`` is provided in the command's output. To resume pagination" in options
    assert options.endswith("for that command.\n\n\n" + SEE_AWS_HELP + "\n\n")
    description = parts["Description"]
    assert (
        f"\n\n``{COMMAND}`` is a paginated operation. Multiple API calls may be issued in order to "
        "retrieve the entire data set of results. You can disable pagination by providing the "
        "``--no-paginate`` argument.\nWhen using ``--output text`` and the ``--query`` argument on a "
        "paginated response, the ``--query`` argument must extract data from the results of the "
        "following query expressions: ``TrainingJobSummaries``\n\n\n"
    ) in description
    assert description.index(SEE_AWS_HELP) < description.index("is a paginated operation")
    assert "Global Options" not in parts and ".. meta::" not in page
    assert "TrainingJobDefinitionName -> (string)" in parts["Output"]
    assert "``Deleting``" in options


# A made-up service using what the 1.12.0 page does not: booleans, streaming input and output,
# a JSON-valued header, enums in lists and as map keys, documents, a tagged union, recursion in
# options and output, nesting too deep for shorthand, a bare-value structure, link targets.
_DOC = (
    '<p>Puts a <a>Thing</a> with <code>Name</code>. See <a href="https://example.com/a">the guide</a>'
    ' and <a href="https://example.com/empty"> </a>.</p> <note><p>Careful: <b>bold</b><i>italic</i>'
    " <b></b></p></note> <ul> <li> <p>one <code>x </code></p> </li> <li>two</li> </ul>"
)
_HEADER = {"location": "header"}
DEMO_MODEL: dict[str, Any] = {
    "version": "2.0",
    "metadata": {
        "apiVersion": "2020-01-01", "endpointPrefix": "demo", "protocol": "rest-json",
        "serviceFullName": "Demo Service", "serviceId": "Demo", "signatureVersion": "v4",
        "uid": "demo-2020-01-01",
    },
    "operations": {
        "GetThing": {"name": "GetThing", "http": {"method": "GET", "requestUri": "/things/{Name}"},
                     "input": {"shape": "GetThingRequest"}, "output": {"shape": "GetThingResponse"},
                     "documentation": "<p>Gets the bytes.</p>"},
        "PutThing": {"name": "PutThing", "http": {"method": "PUT", "requestUri": "/things/{Name}"},
                     "input": {"shape": "PutThingRequest"}, "output": {"shape": "PutThingResponse"},
                     "documentation": _DOC},
        "ListThings": {"name": "ListThings", "http": {"method": "GET", "requestUri": "/things"},
                       "input": {"shape": "ListThingsRequest"},
                       "output": {"shape": "ListThingsResponse"}, "documentation": "<p>Lists.</p>"},
        "Ping": {"name": "Ping", "http": {"method": "POST", "requestUri": "/ping"}},
    },
    "shapes": {
        "String": {"type": "string"},
        "Boolean": {"type": "boolean"},
        "Integer": {"type": "integer"},
        "Blob": {"type": "blob"},
        "Stream": {"type": "blob", "streaming": True},
        "Kind": {"type": "string", "enum": ["small", "large"]},
        "KindList": {"type": "list", "member": {"shape": "Kind"}},
        "Names": {"type": "list", "member": {"shape": "String"}},
        "LabelMap": {"type": "map", "key": {"shape": "Kind", "locationName": "Kind"},
                     "value": {"shape": "String", "locationName": "Label"}},
        "Document": {"type": "structure", "members": {}, "document": True},
        "Documents": {"type": "list", "member": {"shape": "Document"}},
        "Choice": {"type": "structure", "union": True, "documentation": "<p>One of them.</p>",
                   "members": {"Text": {"shape": "String"}, "Tree": {"shape": "Tree"}}},
        "Tree": {"type": "structure", "documentation": "<p>A tree.</p>", "members": {
            "Value": {"shape": "String"},
            "Children": {"shape": "TreeList", "documentation": "<p>Sub-trees.</p>"},
            "ByName": {"shape": "TreeMap"}}},
        "TreeList": {"type": "list", "member": {"shape": "Tree"}},
        "TreeMap": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "Tree"}},
        "Wrapped": {"type": "structure", "members": {"Value": {"shape": "String"}}},
        "L1": {"type": "structure", "members": {"A": {"shape": "L2"}, "N": {"shape": "Integer"}}},
        "L2": {"type": "structure", "members": {"B": {"shape": "L3"}}},
        "L3": {"type": "structure", "members": {"C": {"shape": "L4"}}},
        "L4": {"type": "structure", "members": {"D": {"shape": "L5"}}},
        "L5": {"type": "structure", "members": {"E": {"shape": "Names"}}},
        "GetThingRequest": {"type": "structure", "required": ["Name"], "members": {
            "Name": {"shape": "String", "location": "uri", "locationName": "Name"},
            "Meta": {"shape": "String", **_HEADER, "locationName": "x-meta", "jsonvalue": True},
            "Fast": {"shape": "Boolean", "location": "querystring", "locationName": "fast"}}},
        "GetThingResponse": {"type": "structure", "payload": "Body", "members": {
            "Body": {"shape": "Stream", "documentation": "<p>The bytes.</p>"},
            "Kind": {"shape": "Kind", **_HEADER, "locationName": "x-kind"}}},
        "PutThingRequest": {"type": "structure", "required": ["Name", "Force"], "payload": "Body",
                            "members": {
            "Name": {"shape": "String", "location": "uri", "locationName": "Name"},
            "Force": {"shape": "Boolean", **_HEADER, "locationName": "x-force"},
            "Token": {"shape": "String", "idempotencyToken": True, **_HEADER, "locationName": "x-t"},
            "Body": {"shape": "Blob", "streaming": True, "documentation": _DOC}}},
        "PutThingResponse": {"type": "structure", "members": {
            "Choice": {"shape": "Choice"}, "Tree": {"shape": "Tree"},
            "Doc": {"shape": "Document", "documentation": "<p>Free-form.</p>"},
            "Labels": {"shape": "LabelMap"}}},
        "ListThingsRequest": {"type": "structure", "members": {
            "Kinds": {"shape": "KindList", "location": "querystring", "locationName": "kind"},
            "Labels": {"shape": "LabelMap", "location": "querystring"},
            "Choice": {"shape": "Choice", **_HEADER, "locationName": "x-c"},
            "Tree": {"shape": "Tree", **_HEADER, "locationName": "x-t"},
            "Docs": {"shape": "Documents", **_HEADER, "locationName": "x-d"},
            "Wrapped": {"shape": "Wrapped", **_HEADER, "locationName": "x-w"},
            "Deep": {"shape": "L1", **_HEADER, "locationName": "x-l"},
            "Trees": {"shape": "TreeList", **_HEADER, "locationName": "x-ts"},
            "Verbose": {"shape": "Boolean", "location": "querystring", "locationName": "v"},
            "NextToken": {"shape": "String", "location": "querystring", "locationName": "next"},
            "MaxResults": {"shape": "Integer", "location": "querystring", "locationName": "max"}}},
        "ListThingsResponse": {"type": "structure", "members": {
            "Things": {"shape": "TreeList"}, "Names": {"shape": "Names"},
            "NextToken": {"shape": "String"}}},
    },
}
DEMO_PAGINATORS = {"pagination": {"ListThings": {
    "input_token": "NextToken", "output_token": "NextToken", "limit_key": "MaxResults",
    "result_key": ["Things", "Names"]}}}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_spec(tmp_path_factory.mktemp("demo"), DEMO_MODEL, DEMO_PAGINATORS, service="demo")


def test_one_page_per_operation_named_by_its_cli_command(demo_dir: Path) -> None:
    pages = render_reference_pages(service_at(demo_dir))
    assert sorted(pages) == [
        f"{name}.rst" for name in ("get-thing", "list-things", "ping", "put-thing")
    ]
    get_thing = sections(pages["get-thing.rst"])
    assert "\n  <outfile>\n" in get_thing["Synopsis"] and "cli-input-json" not in get_thing["Synopsis"]
    assert "``--meta`` (JSON)" in get_thing["Options"]
    assert "``--fast`` | ``--no-fast`` (boolean)" in get_thing["Options"]
    assert get_thing["Output"].startswith("Body -> (streaming blob)")
    put_thing = pages["put-thing.rst"]
    assert "\n  --force | --no-force\n" in put_thing  # required boolean; the token is not required
    assert "\n  [--token <value>]\n" in put_thing
    assert put_thing.endswith("\n\n.. _https://example.com/empty: https://example.com/empty\n")
    assert sections(pages["ping.rst"])["Output"] == "None"


# ---------------------------------------------------------------------------------------------
# Against the AWS CLI's own doc generator

# Runs under a Python that has awscli. stdin: [[data_dir, service command, operation command],
# ...]; stdout: per request {"page": rst, "commands": [operation commands of that service]}.
AWSCLI_PAGES = r'''
import json, os, sys

from awscli.bcdoc import docevents
from awscli.bcdoc.restdoc import ReSTDocument
from awscli.clidocs import OperationDocumentEventHandler
from awscli.clidriver import create_clidriver
from awscli.customizations.addexamples import add_examples
from awscli.customizations.waiters import WaiterCommandDocHandler


def breadcrumbs(help_command):
    # (clidocs.py doc_breadcrumbs, without its trailing paragraph break)
    doc = help_command.doc
    doc.write('[ :ref:`aws <cli:aws>`')
    names = ['aws']
    for name in help_command.event_class.split('.')[:-1]:
        names.append(name)
        doc.write(f' . :ref:`{name} <cli:{" ".join(names)}>`')
    doc.write(' ]')


class SeedWait(WaiterCommandDocHandler):
    """The ``wait`` command's page in the same layout."""

    def doc_breadcrumbs(self, help_command, **kwargs):
        if help_command.doc.target != 'man':
            breadcrumbs(help_command)

    def doc_meta_description(self, help_command, **kwargs):
        pass


class SeedLayout(OperationDocumentEventHandler):
    def _see_aws_help(self, help_command):
        doc = help_command.doc
        doc.writeln('')
        doc.write('See ')
        doc.style.internal_link(title="'aws help'", page='/reference/index')
        doc.writeln(' for descriptions of global parameters.')

    def doc_breadcrumbs(self, help_command, **kwargs):
        breadcrumbs(help_command)

    def doc_meta_description(self, help_command, **kwargs):
        pass

    def doc_description(self, help_command, **kwargs):
        doc = help_command.doc
        doc.style.h2('Description')
        doc.include_doc_string(help_command.obj.documentation)
        self._add_webapi_crosslink(help_command)
        self._see_aws_help(help_command)
        self._add_note_for_document_types_if_used(help_command)

    def doc_synopsis_end(self, help_command, **kwargs):
        help_command.doc.style.end_codeblock()
        self._documented_arg_groups = []

    def doc_options_end(self, help_command, **kwargs):
        self._see_aws_help(help_command)

    def doc_global_option(self, help_command, **kwargs):
        pass


def page(data_dir, service, operation, target='html'):
    # ``operation``: a command, ``wait`` or ``wait <waiter>``
    os.environ['AWS_DATA_PATH'] = data_dir
    driver = create_clidriver()
    driver.session.unregister('doc-examples.*.*', add_examples)
    commands = driver._get_command_table()[service]._get_command_table()
    command, *waiter = operation.split(' ')
    command = commands[command]
    if waiter:
        command = command.subcommand_table[waiter[0]]
    help_command = command.create_help_command()
    help_command.doc = ReSTDocument(target=target)
    layout = SeedWait if operation == 'wait' else SeedLayout
    handler = layout(help_command)
    docevents.generate_events(help_command.session, help_command)
    handler.unregister()
    return {'page': help_command.doc.getvalue().decode('utf-8'), 'commands': sorted(commands)}


json.dump([page(*request) for request in json.load(sys.stdin)], sys.stdout)
'''

SLICED = {
    "dynamodb": ("Query", "DescribeTable"),  # DescribeTable: the table-exists waiters
    "s3": ("ListObjectsV2", "GetObject", "PutObject", "SelectObjectContent", "HeadBucket", "HeadObject"),
    "lambda": ("ListFunctions", "CreateFunction", "UpdateFunctionCode"),
    # the AWS CLI's customizations of the command line (render/awscli/customizations.py)
    "sns": ("Subscribe",),
    "sqs": ("SendMessage",),
    "iam": ("CreateVirtualMFADevice",),
    "ec2": ("AuthorizeSecurityGroupIngress", "RunInstances", "ModifyInstanceAttribute", "CreateImage",
            "DescribeInstances"),  # DescribeInstances: the instance waiters (a paginated operation)
    "sagemaker": ("DescribeTrainingJob",),  # a waiter without a description of its own
}


def _awscli_python() -> str | None:
    """A Python that can import awscli: $AWSCLI_PYTHON, this one, or a python3 on PATH."""
    candidates = [os.environ.get("AWSCLI_PYTHON"), sys.executable, shutil.which("python3"),
                  "/usr/local/bin/python3", "/usr/bin/python3"]
    for python in dict.fromkeys(c for c in candidates if c):
        try:
            probe = subprocess.run([python, "-c", "import awscli.clidocs, awscli.bcdoc.restdoc"],
                                   capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return python
    return None


@pytest.fixture(scope="module")
def awscli_pages(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> dict[str, tuple[str, str]]:
    """Case -> (our page, the AWS CLI's page), all from one awscli run."""
    python = _awscli_python()
    if python is None:
        pytest.skip("awscli is not installed (set AWSCLI_PYTHON to a Python that has it)")
    spec_dirs = {"seed": FIXTURE_SPECS / "botocore-1.12.0", "pinned": SPECS, "demo": demo_dir}
    for service, operations in SLICED.items():
        spec_dir = tmp_path_factory.mktemp(service)
        write_tree(spec_dir, build_snapshot_tree(ModelSource.installed(), {service: operations}))
        spec_dirs[service] = spec_dir
    cases: dict[str, tuple[Path, str, str, str]] = {}
    for name, spec_dir in spec_dirs.items():
        service = service_at(spec_dir)
        for path, text in render_reference_pages(service).items():
            # ``<command>.rst``, ``wait/<waiter>.rst`` (``wait <waiter>``), ``wait/index.rst``
            command = path.removesuffix(".rst").replace("/", " ").removesuffix(" index")
            cli_service = service_command(service.service_name)
            cases[f"{name}:{command}"] = (spec_dir, cli_service, command, text)
    requests = [[str(spec_dir), svc, cmd] for spec_dir, svc, cmd, _ in cases.values()]
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
    run = subprocess.run([python, "-c", AWSCLI_PAGES], input=json.dumps(requests), env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    pages: dict[str, tuple[str, str]] = {}
    for (case, (spec_dir, _, _, ours)), result in zip(cases.items(), results):
        # The AWS CLI read our model: its service has only the operations of our spec directory
        # (and "wait", which it adds from its own waiter data).
        ours_commands = {p.removesuffix(".rst").replace("/", " ").removesuffix(" index") for p in
                         render_reference_pages(service_at(spec_dir))}
        # (a spec directory without waiters-2.json lets awscli read its own waiters: the seed's)
        assert set(result["commands"]) - {"wait"} <= ours_commands, (case, result["commands"])
        assert "wait" not in ours_commands or "wait" in result["commands"], case
        pages[case] = (ours, result["page"])
    return pages


def test_the_awscli_in_the_seed_layout_writes_the_seed(awscli_pages: dict[str, tuple[str, str]]) -> None:
    _, theirs = awscli_pages[f"seed:{COMMAND}"]
    assert theirs == SEED.read_bytes().decode("utf-8"), "the AWS CLI run does not reproduce the seed"


AWSCLI_CASES = [
    f"pinned:{COMMAND}",
    "dynamodb:query",  # recursive AttributeValue, maps of structures, a boolean pair
    "s3:list-objects-v2",  # rest-xml, the s3api command, a paginator with two result keys
    "lambda:list-functions",
    "s3:get-object",  # the streaming outfile, the ExpiresString note
    "s3:put-object",  # a streaming blob input
    "s3:select-object-content",  # the event stream's outfile; its Output section replaced
    "lambda:create-function",  # --zip-file added, ZipFile taken out of --code
    "lambda:update-function-code",  # --zip-file's documentation replaced
    "sns:subscribe",  # --endpoint renamed --notification-endpoint
    "sqs:send-message",
    "iam:create-virtual-mfa-device",  # --outfile and --bootstrap-method added
    "ec2:authorize-security-group-ingress",  # scalar options added, the model's hidden; a note
    "ec2:run-instances",  # --count for --min-count/--max-count, network options
    "ec2:modify-instance-attribute",  # pulled-up booleans: --source-dest-check | --no-...
    "ec2:create-image",  # --no-no-reboot renamed --reboot
    "demo:get-thing", "demo:put-thing", "demo:list-things", "demo:ping",
]
# ``wait`` and its waiters (awscli's WaitCommand and WaiterStateCommand pages): the waiter's
# description made from its acceptors or its own, its operation's options, "Output: None".
WAITER_CASES = [
    "sagemaker:wait", "sagemaker:wait training-job-completed-or-stopped",
    "ec2:wait", "ec2:wait instance-running", "ec2:wait instance-exists",  # a paginated operation
    "s3:wait", "s3:wait bucket-exists", "s3:wait object-exists", "s3:wait object-not-exists",
    "dynamodb:wait", "dynamodb:wait table-exists", "dynamodb:wait table-not-exists",
]


@pytest.mark.parametrize("case", WAITER_CASES)
def test_wait_pages_match_the_awscli(awscli_pages: dict[str, tuple[str, str]], case: str) -> None:
    ours, theirs = awscli_pages[case]
    assert ours == theirs, show_diff(theirs, ours, f"awscli {case}", "ours")


def test_every_waiter_has_its_page(awscli_pages: dict[str, tuple[str, str]]) -> None:
    waits = [case for case in awscli_pages if " wait " in case.replace(":", " ")]
    assert len(waits) >= 10  # every waiter of the sliced services (11 with botocore 1.43), each equal
    for case in waits:
        ours, theirs = awscli_pages[case]
        assert ours == theirs, show_diff(theirs, ours, f"awscli {case}", "ours")


@pytest.mark.parametrize("case", AWSCLI_CASES)
@pytest.mark.parametrize("section", ["Options", "Output"])
def test_section_matches_the_awscli(awscli_pages: dict[str, tuple[str, str]], case: str, section: str) -> None:
    ours, theirs = awscli_pages[case]
    expected, actual = sections(theirs)[section], sections(ours)[section]
    assert actual == expected, show_diff(expected, actual, f"awscli {case} {section}", f"ours {section}")


@pytest.mark.parametrize("case", AWSCLI_CASES)
def test_page_matches_the_awscli(awscli_pages: dict[str, tuple[str, str]], case: str) -> None:
    ours, theirs = awscli_pages[case]
    assert ours == theirs, show_diff(theirs, ours, f"awscli {case}", "ours")
