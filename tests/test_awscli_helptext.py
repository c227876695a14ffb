"""``help_text`` (``codegen.render.awscli.helptext``) prints what the AWS CLI v1 prints.

The oracle is the AWS CLI itself (awscli, a test dependency), in two steps:

* its doc generator writes each command's page for the ``man`` target (the one ``aws ...
  help`` renders), in the layout of our pages, from our model files: one subprocess for all
  pages, with ``AWS_DATA_PATH`` pointing at each spec directory (as in
  ``tests/test_reference_page.py``);
* its plain-text renderer (``awscli.help.WindowsHelpRenderer``, docutils with
  ``awscli.bcdoc.textwriter``) turns each page into text, in this process.

``help_text(our page)`` must equal that text byte for byte, for the committed reference pages
(``generated/typed_sagemaker/reference``), the seed page, the made-up demo service of
``tests/test_reference_page.py`` and a sample of other services' operations chosen for what
their pages hold (notes, lists, nested members, shorthand and JSON syntax blocks, links, enums,
tagged unions, long lines, docutils' problem reports). Hand-written reStructuredText covers the
constructs model documentation rarely produces (tables, footnotes, option lists...), and the
mutation tests show that small changes of the renderer are caught.
"""

from __future__ import annotations

import contextlib
import io
import functools
import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from botocore import xform_name

from codegen.ir.build import build_service
from codegen.render.awscli import helptext
from codegen.render.awscli.helptext import (
    HelpTextError,
    help_text,
    man_target_page,
    render_text,
)
from codegen.render.awscli.customizations import service_command
from codegen.render.awscli.page import reference_pages as render_reference_pages
from codegen.spec.source import ModelSource
from codegen.spec.store import build_snapshot_tree, read_snapshot
from codegen.write import write_tree
from tests.helpers import FIXTURE_SPECS, GENERATED, SPECS, write_spec

pytest.importorskip("awscli", reason="the AWS CLI v1 (pip install awscli) is the oracle")

from awscli.help import WindowsHelpRenderer  # after the skip
from docutils.utils import SystemMessage

# Operations of other services (and their awscli commands), chosen for what their pages hold;
# none has an AWS CLI customization that changes its page.
SAMPLE: dict[str, tuple[str, ...]] = {
    "acm": ("RequestCertificate",),  # a docutils warning printed in the text
    "apigateway": ("PutIntegration",),
    "athena": ("StartQueryExecution",),
    "autoscaling": ("CreateAutoScalingGroup",),
    "batch": ("SubmitJob",),
    "bedrock-runtime": ("ApplyGuardrail", "Converse"),  # tagged unions, deep nesting
    "cloudformation": ("CreateStack",),
    "cloudtrail": ("LookupEvents",),
    "cognito-idp": ("AdminCreateUser",),
    "config": ("PutConfigRule",),  # the configservice command
    "dynamodb": ("CreateTable", "PutItem", "Query"),  # recursive AttributeValue
    "ec2": ("CreateTags", "DescribeInstances"),  # filters: shorthand with lists
    "ecr": ("DescribeImages",),
    "elbv2": ("CreateLoadBalancer",),
    "events": ("PutRule",),  # broken inline markup in the model's text
    "firehose": ("PutRecord",),  # a blob in a structure
    "iam": ("CreateRole", "ListRoles"),
    "kinesis": ("PutRecords",),
    "kms": ("Encrypt",),
    "lambda": ("Invoke", "ListFunctions", "UpdateFunctionConfiguration"),  # an outfile
    "logs": ("FilterLogEvents",),
    "omics": ("StartRunBatch",),
    "organizations": ("CreateAccount",),
    "polly": ("SynthesizeSpeech",),  # streaming output
    "qbusiness": ("CreatePlugin",),
    "rds": ("CreateDBInstance",),
    "route53": ("ChangeResourceRecordSets",),
    "s3": ("ListObjectsV2", "PutBucketLifecycleConfiguration", "PutObject"),  # s3api
    "s3control": ("CreateJob",),
    "secretsmanager": ("GetSecretValue",),
    "sesv2": ("SendEmail",),
    "sns": ("Publish",),
    "sqs": ("ReceiveMessage", "SendMessage"),
    "ssm": ("SendCommand", "StartExecutionPreview"),
    "stepfunctions": ("StartExecution",),
    "sts": ("AssumeRole",),
    "textract": ("AnalyzeDocument",),
    "sagemaker": ("CreateTrainingJob", "DescribeTrainingJob"),
}
# Operations the AWS CLI's customizations of a service need in its model to build its commands.
COMPANIONS = {"rds": ("ModifyOptionGroup",), "ssm": ("StartSession",)}

# Runs under this Python. stdin: [[data_dir, [[service command, operation command], ...]], ...];
# stdout: the man-target pages, in order.
AWSCLI_MAN_PAGES = r'''
import json, os, sys

from awscli.bcdoc import docevents
from awscli.bcdoc.restdoc import ReSTDocument
from awscli.clidocs import OperationDocumentEventHandler
from awscli.clidriver import create_clidriver
from awscli.customizations.addexamples import add_examples


class SeedLayout(OperationDocumentEventHandler):
    """The layout of our pages (see tests/test_reference_page.py), for the man target."""

    def _see_aws_help(self, help_command):
        doc = help_command.doc
        doc.writeln('')
        doc.write('See ')
        doc.style.internal_link(title="'aws help'", page='/reference/index')
        doc.writeln(' for descriptions of global parameters.')

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


pages = []
for data_dir, commands in json.load(sys.stdin):
    os.environ['AWS_DATA_PATH'] = data_dir
    driver = create_clidriver()
    driver.session.unregister('doc-examples.*.*', add_examples)
    table = driver._get_command_table()
    for service, operation in commands:
        command, *waiter = operation.split(' ')  # a command, or ``wait <waiter>``
        command = table[service]._get_command_table()[command]
        if waiter:
            command = command.subcommand_table[waiter[0]]
        help_command = command.create_help_command()
        help_command.doc = ReSTDocument(target='man')
        handler = SeedLayout(help_command)
        docevents.generate_events(help_command.session, help_command)
        handler.unregister()
        pages.append(help_command.doc.getvalue().decode('utf-8'))
json.dump(pages, sys.stdout)
'''


def awscli_text(page: str) -> str:
    """What the AWS CLI's plain-text renderer makes of ``page``: ``aws help`` on Windows, minus
    the pager. Its docutils reads no configuration file here, and its warnings are dropped."""
    saved = os.environ.get("DOCUTILSCONFIG")
    os.environ["DOCUTILSCONFIG"] = ""
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            return WindowsHelpRenderer()._convert_doc_content(page).decode("utf-8")
    finally:
        if saved is None:
            del os.environ["DOCUTILSCONFIG"]
        else:
            os.environ["DOCUTILSCONFIG"] = saved


def _command(path: str) -> str:
    """``<command>.rst`` -> the command; ``wait/<waiter>.rst`` -> ``wait <waiter>``."""
    return path.removesuffix(".rst").replace("/", " ")


class Case:
    def __init__(self, name: str, ours: str) -> None:
        self.name, self.ours = name, ours
        self.man = ""  # the AWS CLI's man-target page
        self.text = ""  # the AWS CLI's text for it


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    """Case name -> our page and the AWS CLI's page and text, from one awscli run."""
    from tests.test_reference_page import DEMO_MODEL, DEMO_PAGINATORS

    sample_dir = tmp_path_factory.mktemp("helptext-sample")
    selection = {service: ops + COMPANIONS.get(service, ()) for service, ops in SAMPLE.items()}
    write_tree(sample_dir, build_snapshot_tree(ModelSource.installed(), selection))
    demo_dir = write_spec(tmp_path_factory.mktemp("helptext-demo"), DEMO_MODEL, DEMO_PAGINATORS)

    found: dict[str, Case] = {}
    requests: list[tuple[str, list[list[str]]]] = []

    def add(spec_dir: Path, prefix: str, pick: Callable[[str, str], bool],
            ours: Callable[[str, str, str], str] | None = None) -> None:
        commands: list[list[str]] = []
        for spec in read_snapshot(spec_dir).services:
            service = build_service(spec, package="x")
            cli = service_command(service.service_name)
            for path, page in render_reference_pages(service).items():
                command = _command(path)
                # (``wait``'s own page is rendered from its man-target layout: test_cli_wait.py)
                if command != "wait index" and pick(service.service_name, command):
                    text = ours(service.service_name, command, page) if ours else page
                    found[f"{prefix}{cli} {command}"] = Case(f"{prefix}{cli} {command}", text)
                    commands.append([cli, command])
        requests.append((str(spec_dir), commands))

    companions = {(s, xform_name(op, "-")) for s, ops in COMPANIONS.items() for op in ops}
    add(sample_dir, "", lambda service, command: (service, command) not in companions)
    # The committed pages, as committed (the spec directory is the one they were made from).
    committed = {p.stem: p.read_text("utf-8") for p in (GENERATED / "docs" / "reference" / "sagemaker").glob("*.rst")
                 if p.name != "index.rst"}
    assert committed, "no committed reference pages"
    add(SPECS, "committed: ", lambda service, command: command in committed,
        lambda service, command, page: committed[command])
    add(FIXTURE_SPECS / "botocore-1.12.0", "seed: ", lambda service, command: True)
    add(demo_dir, "demo: ", lambda service, command: True)
    assert len({name for name in found if name.startswith("committed: ")}) == len(committed)

    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull, DOCUTILSCONFIG="")
    run = subprocess.run([sys.executable, "-c", AWSCLI_MAN_PAGES], input=json.dumps(requests), env=env,
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    for case, page in zip(found.values(), json.loads(run.stdout), strict=True):
        case.man, case.text = page, awscli_text(page)
    return found


def _diff(expected: str, actual: str, name: str) -> str:
    from tests.test_reference_page import show_diff

    return show_diff(expected, actual, f"awscli {name}", f"help_text {name}")


# ---------------------------------------------------------------------------------------------
# Pages


def test_the_sample_holds_what_it_is_chosen_for(cases: dict[str, Case]) -> None:
    others = [case for name, case in cases.items() if ":" not in name and not name.startswith("sagemaker ")]
    assert len(others) >= 40
    pages = "".join(case.man for case in cases.values())
    texts = "".join(case.text for case in cases.values())
    for marker in [".. note::", "Shorthand Syntax::", "JSON Syntax::", ">`__", "Possible values:",
                   "This is a Tagged Union structure.", "  * ", " -> (structure)", " -> (list)",
                   " -> (map)", " -> (tagged union structure)", "(streaming blob)", "<outfile>"]:
        assert marker in pages, marker
    assert "<SYSTEM MESSAGE: <string>:" in texts and '"--cli-input-json"' in texts and "Note:" in texts
    assert max(len(line) for case in cases.values() for line in case.man.split("\n")) > 1_000


def test_our_pages_are_the_awscli_pages_for_the_man_target_line_for_line(cases: dict[str, Case]) -> None:
    for case in cases.values():
        ours = man_target_page(case.ours)
        assert ours.count("\n") == case.ours.count("\n")
        assert ours == case.man, _diff(case.man, ours, case.name)


def test_help_text_is_the_awscli_text_byte_for_byte(cases: dict[str, Case]) -> None:
    different = [name for name, case in cases.items() if help_text(case.ours) != case.text]
    first = cases[different[0]] if different else None
    assert first is None, (f"{len(different)} of {len(cases)} pages differ: {different}\n"
                           + _diff(first.text, help_text(first.ours), first.name))
    assert len(cases) >= 47


def test_the_committed_page_as_the_awscli_prints_it(cases: dict[str, Case]) -> None:
    case = cases["committed: sagemaker list-training-jobs-for-hyper-parameter-tuning-job"]
    text = help_text(case.ours)
    assert text == case.text
    assert text.startswith("\nlist-training-jobs-for-hyper-parameter-tuning-job\n" + "^" * 49 + "\n\n\n"
                           "Description\n***********\n\nGets a list of TrainingJobSummary objects that")
    assert "\nSee 'aws help' for descriptions of global parameters.\n" in text
    assert ":ref:" not in text and ":doc:" not in text and "``" not in text and "\b" not in text
    assert "\n\"--status-equals\" (string)\n\n   A filter that returns only training jobs" in text
    assert max(map(len, text.split("\n"))) <= helptext.LINE_WIDTH
    # the generated command line ships this text as its help (rendered at generation)
    shipped = GENERATED / "typed_sagemaker" / "reference" / "list-training-jobs-for-hyper-parameter-tuning-job.txt"
    assert shipped.read_text("utf-8") == case.text


def test_fed_our_html_page_the_awscli_renderer_complains(cases: dict[str, Case]) -> None:
    """Why ``man_target_page`` exists: the Sphinx roles of the html page are not docutils'."""
    case = cases["committed: sagemaker list-training-jobs-for-hyper-parameter-tuning-job"]
    raw = awscli_text(case.ours)
    assert 'Unknown interpreted text role "ref"' in " ".join(raw.split()) and raw != case.text
    assert render_text(case.ours) == raw


# ---------------------------------------------------------------------------------------------
# Hand-written reStructuredText

KITCHEN_SINK = r"""
Title
=====

Sub
---

A paragraph with *emphasis*, **strong**, ``literal``, `title ref`, :sub:`2`, :sup:`3`,
:abbreviation:`abbr`, a footnote [#f1]_, a citation [CIT2002]_ and a *broken one.

.. [#f1] The footnote text, long enough to be wrapped onto a second line of the output here.
.. [CIT2002] A citation.

Term
  Definition of term.
Term2 : classifier
  Definition two, with a long line that needs wrapping because it is longer than the width.

:field: Field body text.
:other field: Another, long enough to wrap: lorem ipsum dolor sit amet, consectetur elit.

-a         Option a.
--bee=ARG  Option b, described at length so that the description wraps to the next line.
-c ARG, --see ARG  Both.

| line one
| line two
|     indented line

>>> print(1)
1

----------

.. rubric:: A rubric

.. topic:: Topic title

   Topic body.

.. sidebar:: Side

   Sidebar body.

.. admonition:: Custom

   Generic admonition body.

.. attention:: a
.. caution:: b
.. danger:: c
.. error:: d
.. hint:: e
.. important:: f
.. note:: g, with a sentence long enough to wrap inside the note, which is indented by two.
.. tip:: h
.. warning:: i

   Quoted text.

   -- Someone

1. one
2. two
3. three
4. four
5. five
6. six
7. seven
8. eight
9. nine
10. ten, long enough to wrap under the wider label of two digits: lorem ipsum dolor sit.

#. auto

* bullet

  * nested bullet with enough text to wrap around the seventy column limit of the writer

+-------+-------+
| Head  | Head2 |
+=======+=======+
| a     | b     |
| more  |       |
+-------+-------+
| c     | d     |
+-------+-------+

.. table:: A titled table

   =====  =====
   A      B
   =====  =====
   1      2
   3      4
   =====  =====

.. csv-table:: CSV
   :header: a, b

   1, "two words"

.. list-table::

   * - a
     - b

.. |sub| replace:: substituted

Uses |sub| and |undefined|.

.. _target: http://example.com

A `link <http://example.com>`_, `target`_, an _`inline target`, http://example.com and a
hyphenated-word-list with a dash--like this, and an ``--option-name`` in a long line here.

::

   literal
     block with a very long line that is never wrapped because literal blocks keep their lines

.. code-block:: json

   {"a": 1}

.. unknown-directive:: x

.. meta::
   :keywords: x

.. comment

Ünïcödé — ``x`` 😀 tabs	here
"""


@pytest.mark.parametrize("name, rst", [
    ("kitchen sink", KITCHEN_SINK),
    ("empty", ""),
    ("title only", "Only\n====\n"),
    ("subtitle", "Only\n====\n\nSub\n---\n\ntext\n"),
    ("sections 8 deep", "".join(f"T{i}\n{c * 3}\n\ntext {i}\n\n" for i, c in enumerate("=-~^\"+'`"))),
    ("too long a line", "x" * 60_000 + "\n"),
    ("nested 66 deep", "\n".join(" " * (3 * i) + "x\n" for i in range(23))),
])
def test_render_text_is_the_awscli_renderer(name: str, rst: str) -> None:
    assert render_text(rst) == awscli_text(rst)


@pytest.mark.parametrize("name, rst", [
    ("image", ".. image:: x.png\n"),
    ("acronym", ":acronym:`X`\n"),
    ("math", ":math:`x^2`\n"),
    ("container", ".. container:: x\n\n   y\n"),
    ("docinfo", ":Author: me\n\ntext\n"),
    ("spanning cell", "+---+---+\n| a     |\n+---+---+\n| b | c |\n+---+---+\n"),
    ("sections 9 deep", "".join(f"T{i}\n{c * 3}\n\ntext {i}\n\n" for i, c in enumerate("=-~^\"+'`#"))),
    ("nested 72 deep", "\n".join(" " * (3 * i) + "x\n" for i in range(25))),
    ("two classifiers", "term : c1 : c2\n   definition\n"),
    ("severe", "Title\n=====\n\n  Inner\n  =====\n"),
])
def test_where_the_awscli_renderer_crashes_help_text_raises(name: str, rst: str) -> None:
    with pytest.raises((NotImplementedError, NameError, IndexError, ValueError, SystemMessage)):
        awscli_text(rst)
    with pytest.raises(HelpTextError):
        render_text(rst)


def test_no_file_inclusion_no_raw_no_configuration_no_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capfd: pytest.CaptureFixture[str]) -> None:
    """The deliberate differences: the AWS CLI would print the included file and read
    docutils' configuration files; we print docutils' warning instead, and read none."""
    secret = tmp_path / "secret.txt"
    secret.write_text("do not ship me\n")
    rst = f"A *broken one.\n\n.. include:: {secret}\n\n.. raw:: html\n\n   <b>x</b>\n"
    text = render_text(rst)
    assert "do not ship me" in awscli_text(rst) and "do not ship me" not in text
    assert '"include" directive disabled.' in text and '"raw" directive disabled.' in text
    config = tmp_path / "docutils.conf"
    config.write_text("[general]\nreport_level: 5\n")
    monkeypatch.setenv("DOCUTILSCONFIG", str(config))
    assert render_text(rst) == text and "Inline emphasis start-string" in text
    assert capfd.readouterr() == ("", "")


# ---------------------------------------------------------------------------------------------
# The tests can fail: small changes of the renderer are caught

def _wrap_like_textwrap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(helptext._Wrapper, "wordsep_re", textwrap.TextWrapper.wordsep_re)
    helptext._wrapper.cache_clear()  # wrappers made before the change
    monkeypatch.setattr(helptext, "_wrapper", functools.lru_cache(maxsize=None)(helptext._Wrapper))


MUTANTS: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "lines one column wider": lambda mp: mp.setattr(helptext, "LINE_WIDTH", 71),
    "textwrap's own hyphen rule": _wrap_like_textwrap,
    "literals in backquotes": lambda mp: mp.setitem(helptext._MARKS, "literal", ("``", "``")),
    "block quotes indented by 4": lambda mp: mp.setitem(helptext._BLOCKS, "block_quote", (4, True, ("",))),
    "no blank line after a paragraph": lambda mp: mp.setitem(helptext._BLOCKS, "paragraph", (0, True, ())),
    "sections underlined with #": lambda mp: mp.setattr(helptext, "_SECTION_UNDERLINES", "#=-~\"+`"),
    "breadcrumbs kept": lambda mp: mp.setattr(helptext, "_BREADCRUMBS", re.compile(r"(?!)")),
}


@pytest.mark.parametrize("mutant", MUTANTS)
def test_a_small_change_is_caught(cases: dict[str, Case], monkeypatch: pytest.MonkeyPatch, mutant: str) -> None:
    sample = [cases[name] for name in sorted(cases, key=lambda n: len(cases[n].ours))[:12]]
    sample.append(cases["committed: sagemaker list-training-jobs-for-hyper-parameter-tuning-job"])
    sample.append(cases["events put-rule"])
    assert all(help_text(case.ours) == case.text for case in sample)
    MUTANTS[mutant](monkeypatch)
    caught = [case.name for case in sample if help_text(case.ours) != case.text]
    assert caught, f"{mutant}: no page changed"


def test_a_small_change_of_the_page_is_caught(cases: dict[str, Case]) -> None:
    case = cases["committed: sagemaker list-training-jobs-for-hyper-parameter-tuning-job"]
    changed = case.ours.replace("The name of the tuning job", "The name of the tuning  job", 1)
    assert changed != case.ours and help_text(changed) != case.text


# ---------------------------------------------------------------------------------------------
# Every operation of SageMaker (opt-in: -m slow; about a minute)


@pytest.mark.slow
def test_every_sagemaker_page(tmp_path: Path) -> None:
    import botocore.session

    operations = tuple(botocore.session.get_session().get_service_model("sagemaker").operation_names)
    write_tree(tmp_path, build_snapshot_tree(ModelSource.installed(), {"sagemaker": operations}))
    pages = render_reference_pages(build_service(read_snapshot(tmp_path).services[0], package="x"))
    # (``wait``'s own page is rendered from its man-target layout: test_cli_wait.py)
    page_of = {_command(path): path for path in pages if path != "wait/index.rst"}
    commands = sorted(page_of)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull, DOCUTILSCONFIG="")
    run = subprocess.run([sys.executable, "-c", AWSCLI_MAN_PAGES], env=env, capture_output=True, text=True, check=False,
                         input=json.dumps([[str(tmp_path), [["sagemaker", c] for c in commands]]]), timeout=900)
    assert run.returncode == 0, run.stderr
    theirs = dict(zip(commands, json.loads(run.stdout), strict=True))
    # Where our page is not the AWS CLI's (a few commands the AWS CLI renames options of), the
    # text cannot be either; tests/test_reference_page.py is about the pages.
    same_page = [c for c in commands if man_target_page(pages[page_of[c]]) == theirs[c]]
    assert len(same_page) >= len(commands) - 10
    different = [c for c in same_page if help_text(pages[page_of[c]]) != awscli_text(theirs[c])]
    assert not different, different
