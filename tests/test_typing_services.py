"""Whole-service packages held to the type checkers as users run them.

Six services (one per protocol: sagemaker json, s3 rest-xml, dynamodb json, sqs json
query-compatible, iam query, ec2 ec2) are generated whole, once per session, and checked by
``mypy --strict`` and ``pyright`` (standard mode, Python 3.10) in two environments: without
botocore type information (this interpreter's) and with ``botocore-stubs`` (a side virtualenv,
see ``tests/typing/harness.py``). Each run covers the package together with the user code of
``tests/typing/usage/usage_<service>.py`` (must type-check cleanly) and
``tests/typing/mistakes/mistakes_<service>.py`` (one deliberate mistake per line marked
``# expect-error``: each checker must report an error on exactly those lines).

Opt-in (marked ``typing``); a few minutes for everything:

    python -m pytest tests/test_typing_services.py -m typing -s
    python -m pytest tests/test_typing_services.py -m typing -s -k "sqs or iam"     # a subset
    python -m tests.typing.harness s3 sqs                                           # the table only

A table of the counts is printed at the end (and kept in ``last-report.txt`` / ``.json`` in the
cache directory, ``$CODEGEN_TYPING_CACHE`` or ``~/.cache/botocore-codegen-typing``).
``CODEGEN_TYPING_SOURCE=<dir>`` measures another tree's generator (e.g. ``git archive`` output).
"""

from __future__ import annotations

import json
from typing import Iterator

import pytest

from tests.typing.harness import (
    CACHE,
    CHECKERS,
    ENVIRONMENTS,
    SERVICES,
    UNRESOLVED_NAMES,
    CheckRun,
    Harness,
    HarnessError,
    describe,
    expected_error_lines,
    mistake_verdict,
    mistakes_file,
    relative_name,
    source_line,
    usage_file,
)

pytestmark = pytest.mark.typing

CASES = [
    pytest.param(service, checker, environment, id=f"{service}-{checker}-{environment}")
    for service in SERVICES
    for environment in ENVIRONMENTS
    for checker in CHECKERS
]


@pytest.fixture(scope="session")
def harness(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[Harness]:
    harness = Harness(tmp_path_factory.mktemp("typing-services"))
    yield harness
    table = harness.table()
    # Printed past pytest's capture, so the table shows with or without -s.
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            for line in table.splitlines():
                reporter.write_line(line)
    else:  # pragma: no cover
        print(table)
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        (CACHE / "last-report.txt").write_text(table + "\n", encoding="utf-8")
        (CACHE / "last-report.json").write_text(json.dumps(harness.summary(), indent=1), encoding="utf-8")
    except OSError:  # pragma: no cover (an unwritable cache only loses the copy)
        pass


def _run(harness: Harness, service: str, checker: str, environment: str) -> CheckRun:
    try:
        return harness.check(service, checker, environment)
    except HarnessError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.mark.parametrize("service, checker, environment", CASES)
def test_the_package_has_no_type_errors(harness: Harness, service: str, checker: str, environment: str) -> None:
    errors = _run(harness, service, checker, environment).errors("package")
    if errors:
        pytest.fail(f"{checker} ({environment}) on typed_{service}: " + describe(errors), pytrace=False)


@pytest.mark.parametrize("service", SERVICES)
def test_every_public_callable_resolves_with_get_type_hints(harness: Harness, service: str) -> None:
    try:
        report = harness.type_hints(service)
    except HarnessError as error:
        pytest.fail(str(error), pytrace=False)
    assert report.checked > 100
    lines = [f"  {label}: {message}" for label, message in report.failures[:20]]
    if len(report.failures) > 20:
        lines.append(f"  ... and {len(report.failures) - 20} more")
    if report.failures:
        pytest.fail(f"typed_{service}: {len(report.failures)} of {report.checked} fail typing.get_type_hints:\n"
                    + "\n".join(lines), pytrace=False)


@pytest.mark.parametrize("service, checker, environment", CASES)
def test_the_usage_file_type_checks(harness: Harness, service: str, checker: str, environment: str) -> None:
    path = usage_file(service)
    run = _run(harness, service, checker, environment)
    # The run did look at the user code: the mistakes file beside it drew errors.
    assert run.errors(relative_name(mistakes_file(service))), f"{checker} reported nothing in the mistakes file"
    errors = run.errors(relative_name(path))
    unresolved = [d for d in run.errors("package") if d.rule in UNRESOLVED_NAMES]
    if not errors and unresolved:
        pytest.fail(f"{relative_name(path)} passes {checker} ({environment}) only vacuously: typed_{service} has "
                    f"{len(unresolved)} unresolved names, whose annotations the checker takes as Any "
                    f"(e.g. {unresolved[0]})", pytrace=False)
    if errors:
        pytest.fail(f"{checker} ({environment}), {len(errors)} error(s) in {relative_name(path)}:\n" + "\n".join(
            f"  {d.file}:{d.line}: [{d.rule}] {d.message}\n      {source_line(path, d.line)}" for d in errors
        ), pytrace=False)


@pytest.mark.parametrize("service, checker, environment", CASES)
def test_each_mistake_is_reported_on_its_line(harness: Harness, service: str, checker: str, environment: str) -> None:
    verdict = mistake_verdict(_run(harness, service, checker, environment), mistakes_file(service))
    assert verdict.expected
    if not verdict.ok:
        pytest.fail(
            f"{checker} ({environment}) on {relative_name(verdict.file)}: {len(verdict.missed)} of "
            f"{len(verdict.expected)} marked mistakes not reported, {len(verdict.unexpected)} unmarked lines "
            f"reported:\n{verdict.explain()}", pytrace=False)


# Cheap checks of the files themselves (no checker runs).


@pytest.mark.parametrize("service", SERVICES)
def test_the_user_code_files_are_there_and_marked(service: str) -> None:
    assert usage_file(service).is_file() and mistakes_file(service).is_file()
    assert not expected_error_lines(usage_file(service)), "usage files hold no deliberate mistakes"
    marked = expected_error_lines(mistakes_file(service))
    assert len(marked) >= 7
    kinds = " ".join(marked.values())
    for kind in ("enum", "required argument missing", "wrong", "keyword misspelled", "optional",
                 "paginator name misspelled"):
        assert kind in kinds, f"{relative_name(mistakes_file(service))} has no '{kind}' mistake"
    clients = [line for line, what in marked.items()
               if "Client(" in source_line(mistakes_file(service), line) and "misspelled" in what]
    assert clients, "no misspelled Client(...) keyword"
