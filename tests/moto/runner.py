"""Runs a workload (``tests.moto.steps``) through boto3 and through the typed client against
one moto server, recording a :class:`~tests.moto.report.Case` per comparison.

A typed call is made the way a user makes it: the request object is built from the wire-form
parameters member by member (``TypedService.build_request``, independent of the generated
``from_botocore``), and its fields are passed to the client method as keywords. On the way,
the request class's own ``from_botocore``/``to_botocore`` must give the same request and the
same parameters back; a difference fails the case (``request conversion: ...``).

A step that fails for ours never stops the workload: a write ours could not make is made
through boto3 instead, so the steps after it still run on the state they expect.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable, Mapping

import attrs
import boto3
import botocore
import botocore.config
import jmespath
from botocore.exceptions import ClientError

from tests.moto import compare, conformance, report
from tests.moto.report import Case
from tests.moto.steps import (
    RESUME, Error, Expect, Page, Paginate, Read, Ref, Setup, Step, Twin, Workload, Write,
)
from tests.moto.typed import TypedService

REGION = "us-east-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def client_config() -> botocore.config.Config:
    # One attempt: a retried request would hide what happened; path-style S3 addressing,
    # since the server is 127.0.0.1.
    return botocore.config.Config(retries={"total_max_attempts": 1}, s3={"addressing_style": "path"})


def boto3_client(service: str, url: str) -> Any:
    """boto3's client for the service on the moto server, with fake credentials given
    explicitly (nothing read from or written to the environment)."""
    session = boto3.session.Session(region_name=REGION, **CREDENTIALS)
    return session.client(service, endpoint_url=url, config=client_config())


def typed_client(typed: TypedService, url: str) -> Any:
    return typed.client(region_name=REGION, endpoint_url=url, config=client_config(), **CREDENTIALS)


class StepFailure(Exception):
    """The typed side of a step failed; the message is the case's detail."""


class Broken(Exception):
    """The oracle side failed (boto3 on moto) or the workload is wrong: no comparison made."""


def failure_text(error: BaseException) -> str:
    """The exception and where it was raised (the last frame), on one line."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {frames[-1].filename.rsplit('/', 2)[-1]}:{frames[-1].lineno}" if frames else ""
    text = str(error).replace("\n", " | ")
    return f"{type(error).__name__}: {text}{where}"


class Runner:
    def __init__(self, workload: Workload, typed: TypedService, url: str,
                 record: Callable[[Case], Case] = report.record) -> None:
        self.workload = workload
        self.record = record  # where each case goes (the run's summary table by default)
        self.typed = typed
        self.url = url
        self.boto3 = boto3_client(workload.service, url)
        self.ours = typed_client(typed, url)
        self.others: dict[str, Any] = {}  # boto3 clients of other services, by name
        self.saved: dict[str, Any] = {}
        self.cases: list[Case] = []
        self._parsed: dict[str, Any] | None = None  # what botocore parsed for our latest call
        self.ours.botocore_client.meta.events.register("after-call", self._capture)

    def close(self) -> None:
        for client in (self.boto3, self.ours, *self.others.values()):
            client.close()

    def _capture(self, parsed: Any = None, **_: Any) -> None:
        self._parsed = parsed

    # --- recording ------------------------------------------------------------------------

    def _case(self, index: int, label: str, kind: str, check: Callable[..., list[str]], *args: Any) -> None:
        """Record one comparison: ``check(*args)`` returns its differences (none: passed)."""
        try:
            problems = check(*args)
            outcome, detail = ("fail", compare.summary(problems)) if problems else ("pass", "")
        except StepFailure as failure:
            outcome, detail = "fail", str(failure)
        except Broken as broken:
            outcome, detail = "broken", str(broken)
        case = Case(self.workload.service, self.typed.protocol, self.workload.id, index, label, kind,
                    outcome, detail)
        self.cases.append(self.record(case))

    def _skip(self, index: int, label: str, kind: str, why: str) -> None:
        case = Case(self.workload.service, self.typed.protocol, self.workload.id, index, label, kind,
                    "skip", why)
        self.cases.append(self.record(case))

    # --- values ---------------------------------------------------------------------------

    def resolve(self, value: Any) -> Any:
        if isinstance(value, Ref):
            if value.name not in self.saved:
                raise Broken(f"nothing saved as {value.name!r}")
            return value.template.format(self.saved[value.name])
        if isinstance(value, Mapping):
            return {k: self.resolve(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.resolve(v) for v in value]
        return value

    def save(self, names: Mapping[str, str], response: Mapping[str, Any]) -> None:
        for name, expression in names.items():
            value = jmespath.search(expression, response)
            if value is None:
                raise Broken(f"save {name!r}: {expression} not in {compare.summary([repr(response)])}")
            self.saved[name] = value

    # --- the two clients ------------------------------------------------------------------

    def call_boto3(self, operation: str, params: Mapping[str, Any], service: str | None = None) -> dict[str, Any]:
        client = self.boto3
        if service is not None and service != self.workload.service:
            if service not in self.others:
                self.others[service] = boto3_client(service, self.url)
            client = self.others[service]
        return getattr(client, botocore.xform_name(operation))(**params)

    def oracle(self, operation: str, params: Mapping[str, Any]) -> Any:
        """boto3's response, normalized; a failure is the oracle's (``Broken``)."""
        try:
            return compare.normalized(self.call_boto3(operation, params))
        except ClientError as error:
            raise Broken(f"boto3 {operation}: {failure_text(error)}") from error

    def request(self, operation: str, params: Mapping[str, Any]) -> tuple[Any, list[str]]:
        """Our request object for ``params`` and the problems of its class's own conversions."""
        try:
            request = self.typed.build_request(operation, params)
        except (ValueError, KeyError, TypeError) as error:
            raise Broken(f"building the request: {failure_text(error)}") from error
        if request is None:
            return None, []
        problems: list[str] = []
        try:
            converted = type(request).from_botocore(params)
            if converted != request:
                problems.append(f"request conversion: from_botocore gave {converted!r}")
        except Exception as error:  # noqa: BLE001 - any failure is what we report
            problems.append(f"request conversion: from_botocore raised {failure_text(error)}")
        try:
            back = compare.normalized(request.to_botocore())
            problems += [f"request conversion: to_botocore: {line}"
                         for line in compare.differences(compare.normalized(dict(params)), back, ("params", "ours"))]
        except Exception as error:  # noqa: BLE001
            problems.append(f"request conversion: to_botocore raised {failure_text(error)}")
        return request, problems

    def invoke_ours(self, operation: str, request: Any) -> Any:
        """Call our client's method for ``operation`` with the request's fields as keywords."""
        fields = {} if request is None else {
            a.name: getattr(request, a.name) for a in attrs.fields(type(request))
            if getattr(request, a.name) is not None
        }
        self._parsed = None
        return getattr(self.ours, self.typed.operation(operation).method_name)(**fields)

    def call_ours(self, operation: str, params: Mapping[str, Any]) -> tuple[Any, list[str]]:
        """Our typed response, and the request's conversion problems; ``StepFailure`` when
        the call raises."""
        request, problems = self.request(operation, params)
        try:
            result = self.invoke_ours(operation, request)
        except Exception as error:  # noqa: BLE001
            raise StepFailure("; ".join([*problems, f"ours raised {failure_text(error)}"])) from error
        op = self.typed.operation(operation)
        if op.output is not None and result is None:
            raise StepFailure(f"ours returned None for {op.output}")
        return result, problems

    # --- steps ----------------------------------------------------------------------------

    def run(self) -> list[Case]:
        for index, step in enumerate(self.workload.steps):
            self.run_step(index, step)
        return self.cases

    def run_step(self, index: int, step: Step) -> None:
        try:
            if isinstance(step, Setup):
                self.setup(step)
            elif isinstance(step, Read):
                self.read(index, step)
            elif isinstance(step, Write):
                self.write(index, step)
            elif isinstance(step, Twin):
                self.twin(index, step)
            elif isinstance(step, Error):
                self.error(index, step)
            elif isinstance(step, Paginate):
                self.paginate(index, step)
            else:
                raise TypeError(f"unknown step {step!r}")
        except Broken as broken:  # a setup or save the rest of the workload depends on
            kind = "setup" if isinstance(step, Setup) else "step"
            self._case(index, getattr(step, "operation", "?"), kind, _raise, broken)

    def setup(self, step: Setup) -> None:
        try:
            response = self.call_boto3(step.operation, self.resolve(step.params), step.service)
        except ClientError as error:
            raise Broken(f"setup {step.operation}: {failure_text(error)}") from error
        self.save(step.save, compare.normalized(response))

    def read(self, index: int, step: Read) -> None:
        typed: dict[str, Any] = {}

        def check() -> list[str]:
            params = self.resolve(step.params)
            expected = self.oracle(step.operation, params)
            result, problems = self.call_ours(step.operation, params)
            typed["result"] = result
            actual = compare.normalized(result) if result is not None else {}
            return problems + _corrections(expected, result) + compare.differences(
                compare.without(expected, step.ignore),
                compare.without(actual, (*step.ignore, *compare.corrected_paths(result))))

        self._case(index, step.name or step.operation, "read", check)
        self._types(index, step.name or step.operation, typed.get("result"))

    def _types(self, index: int, label: str, result: Any) -> None:
        """A case of its own: does what ours returned hold the types it is annotated with?"""
        if result is not None:
            self._case(index, label, "types", conformance.type_problems, result)

    def write(self, index: int, step: Write) -> None:
        params = self.resolve(step.params)
        label = step.name or step.operation
        outcome: dict[str, Any] = {}
        self._parsed = None

        def check() -> list[str]:
            result, problems = self.call_ours(step.operation, params)
            outcome["parsed"], outcome["result"] = self._parsed, result
            actual = compare.without(
                compare.normalized(result) if result is not None else {}, compare.corrected_paths(result))
            parsed = compare.normalized(self._parsed or {})
            return problems + _corrections(parsed, result) + compare.differences(
                parsed, actual, ("botocore parsed", "ours"))

        self._case(index, label, "write-response", check)
        self._types(index, label, outcome.get("result"))
        parsed = outcome.get("parsed", self._parsed)
        wrote = parsed is not None and "Error" not in parsed
        if not wrote:
            # Ours failed before the write happened: make it through boto3, so the workload
            # goes on from the state it expects; what ours would have written is not checked.
            parsed = self.oracle(step.operation, params)
        self.save(step.save, compare.normalized(parsed))
        for expect in step.then:
            if wrote:
                self._case(index, f"{expect.operation} after {label}", "write-effect", self.effect, expect)
            else:
                self._skip(index, f"{expect.operation} after {label}", "write-effect", "ours did not write")

    def effect(self, expect: Expect) -> list[str]:
        params = self.resolve(expect.params)
        try:
            actual = compare.normalized(self.call_boto3(expect.operation, params, expect.service))
        except ClientError as error:
            return [f"reading back with boto3: {failure_text(error)}"]
        wanted = self.resolve(expect.subset)
        if expect.exact:
            return compare.differences(wanted, actual, ("expected", "boto3 read back"))
        return compare.subset_differences(wanted, actual)

    def twin(self, index: int, step: Twin) -> None:
        typed: dict[str, Any] = {}

        def check() -> list[str]:
            expected = self.oracle(step.operation, self.resolve(step.boto3_params))
            result, problems = self.call_ours(step.operation, self.resolve(step.typed_params))
            typed["result"] = result
            actual = compare.normalized(result) if result is not None else {}
            for old, new in step.swap:
                expected = compare.replaced(expected, old, new)
            return problems + compare.differences(
                compare.without(expected, step.ignore), compare.without(actual, step.ignore))

        self._case(index, step.name or step.operation, "twin", check)
        self._types(index, step.name or step.operation, typed.get("result"))

    def error(self, index: int, step: Error) -> None:
        self._case(index, step.name or f"{step.operation} -> {step.error or step.code}", "error",
                   self.check_error, step)

    def check_error(self, step: Error) -> list[str]:
        params = self.resolve(step.params)
        expected = self.boto3_error(step, params)
        request, problems = self.request(step.operation, params)
        try:
            self.invoke_ours(step.operation, request)
        except ClientError as error:  # `except ClientError` must catch ours
            actual = error
        except Exception as error:  # noqa: BLE001 - which exception is what is checked
            return problems + [f"ours raised {failure_text(error)}, not a ClientError"]
        else:
            return problems + ["ours did not raise"]
        if step.error is None:
            if type(actual) is not ClientError and type(actual).__module__.startswith(self.typed.generated.package):
                problems.append(f"ours raised {type(actual).__name__} for an error the model does not list")
        else:
            try:
                ours_class = self.typed.error_class(step.error)
            except (AttributeError, KeyError, AssertionError) as error:
                raise StepFailure(f"no generated class for {step.error}: {failure_text(error)}") from error
            if not isinstance(actual, ours_class):
                return problems + [
                    f"ours raised {type(actual).__module__}.{type(actual).__name__}, not "
                    f"{ours_class.__module__}.{ours_class.__name__} (code "
                    f"{actual.response.get('Error', {}).get('Code')!r})"]
        problems += [f"error response: {line}" for line in compare.differences(
            compare.normalized(expected.response), compare.normalized(actual.response))]
        if step.error is not None:
            problems += self.error_member_problems(step.error, expected, actual)
        return problems

    def boto3_error(self, step: Error, params: Mapping[str, Any]) -> ClientError:
        """The error boto3 raises for the step; anything else is the oracle's failure."""
        wanted: type[ClientError] | None = ClientError
        if step.error is not None:
            wanted = getattr(self.boto3.exceptions, step.error, None)
        if wanted is None:
            raise Broken(f"boto3 has no modeled error {step.error}")
        try:
            self.call_boto3(step.operation, params)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code")
            if not isinstance(error, wanted) or (step.code is not None and code != step.code):
                raise Broken(f"boto3 raised {failure_text(error)} (code {code!r}), "
                             f"not {step.error or step.code}") from error
            return error
        raise Broken(f"boto3 did not raise {step.error or step.code}")

    def error_member_problems(self, shape: str, expected: ClientError, actual: ClientError) -> list[str]:
        """The modeled error's members boto3 parsed must be attributes of ours, equal."""
        problems: list[str] = []
        for wire, attr in self.typed.error_members(shape):
            if wire not in expected.response:
                continue
            if not hasattr(actual, attr):
                problems.append(f"error member {wire}: no attribute {attr!r} on {type(actual).__name__}")
                continue
            problems += [f"error member {wire} ({attr}): {line}" for line in compare.differences(
                compare.normalized(expected.response[wire]), compare.normalized(getattr(actual, attr)))]
        return problems

    def paginate(self, index: int, step: Paginate) -> None:
        params = self.resolve(step.params)
        method = self.typed.operation(step.operation).method_name
        previous_token: str | None = None
        total: int | None = None  # items of a whole walk, to check moto's paging against
        for config in step.configs:
            label = f"{step.name or step.operation} ({config})"
            token = config.starting_token
            if token is RESUME:
                if previous_token is None:
                    self._case(index, label, "pages", _raise, Broken("no resume token to resume from"))
                    continue
                token = previous_token
            page = Page(config.max_items, config.page_size, token)
            try:
                expected = self.boto3_pages(method, params, page)
            except Broken as broken:
                self._case(index, label, "pages", _raise, broken)
                continue
            previous_token = expected["resume_token"]
            unpaged = self.unpaged(step, params, page, expected)
            whole = page.max_items is None and page.starting_token is None
            if whole and total is not None and len(expected["items"]) != total:
                unpaged = f"moto's pages lose items: {len(expected['items'])} of {total}"
            if unpaged:
                self._case(index, label, "pages", _raise, Broken(unpaged))
                continue
            if whole:
                total = len(expected["items"])
            ours = self.our_pages(step.operation, method, params, page)
            ours["next_token_modeled"] = self.typed.output_has_member(step.operation, "NextToken")
            for kind in ("pages", "items", "full-result", "resume-token"):
                self._case(index, label, kind, _compare_pages, kind, expected, ours)

    def unpaged(self, step: Paginate, params: Mapping[str, Any], page: Page, expected: dict[str, Any]) -> str:
        """Why the configuration tests nothing, if it does not: a page size (or the limit key
        given as a request field) that the server ignored, answering with bigger pages."""
        paginator = self.typed.operation(step.operation).paginator
        limit = page.page_size or (paginator and paginator.limit_key and params.get(paginator.limit_key))
        largest = max(expected["page_sizes"], default=0)
        if limit and largest > limit:
            return f"moto ignores the limit: a page of {largest} items for a limit of {limit}"
        return ""

    def boto3_pages(self, method: str, params: Mapping[str, Any], page: Page) -> dict[str, Any]:
        config = {key: value for key, value in (("MaxItems", page.max_items), ("PageSize", page.page_size),
                                                ("StartingToken", page.starting_token)) if value is not None}
        paginator = self.boto3.get_paginator(method)
        try:
            walk = paginator.paginate(**params, PaginationConfig=config)
            pages = [compare.normalized(p) for p in walk]
            first_key = walk.result_keys[0]
            page_items = [first_key.search(p) or [] for p in pages]
            items = [item for listed in page_items for item in listed]
            full = compare.normalized(paginator.paginate(**params, PaginationConfig=config).build_full_result())
        except ClientError as error:
            raise Broken(f"boto3 paginator: {failure_text(error)}") from error
        return {"pages": pages, "items": items, "full-result": full, "resume_token": walk.resume_token,
                "page_sizes": [len(listed) for listed in page_items]}

    def our_pages(self, operation: str, method: str, params: Mapping[str, Any], page: Page) -> dict[str, Any]:
        """Each aspect of our paginator's result, or the failure text where it raised."""
        found: dict[str, Any] = {}
        try:
            request, problems = self.request(operation, params)
        except Broken as broken:
            return {kind: StepFailure(str(broken)) for kind in ("pages", "items", "full-result", "resume-token")}
        found["problems"] = problems
        try:
            pages = self.ours.get_paginator(method).paginate(
                request, max_items=page.max_items, page_size=page.page_size, starting_token=page.starting_token)
        except Exception as error:  # noqa: BLE001
            failure = StepFailure(f"paginate raised {failure_text(error)}")
            return {**found, "pages": failure, "items": failure, "full-result": failure, "resume-token": failure}
        for kind, take in (("pages", lambda: [compare.normalized(p) for p in pages]),
                           ("resume-token", lambda: pages.resume_token),
                           ("items", lambda: [compare.normalized(i) for i in pages.items()]),
                           ("full-result", lambda: compare.normalized(pages.build_full_result())),
                           ("full-result-token", lambda: pages.resume_token)):
            try:
                found[kind] = take()
            except Exception as error:  # noqa: BLE001
                found[kind] = StepFailure(f"{kind}: ours raised {failure_text(error)}")
        return found


def _raise(error: Exception) -> list[str]:
    raise error


def _corrections(expected: Any, result: Any) -> list[str]:
    """A corrected member must be one boto3 did not get (ours only fills what is missing)."""
    paths = compare.corrected_paths(result)
    if paths and compare.without(expected, paths) != expected:
        return [f"corrected members that boto3 has: {', '.join(paths)}"]
    return []


def _compare_pages(kind: str, expected: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    actual = ours[kind]
    if isinstance(actual, StepFailure):
        raise actual
    problems = list(ours.get("problems", ()))
    if kind == "resume-token":
        if actual != expected["resume_token"]:
            problems.append(f"resume token: boto3 {expected['resume_token']!r}, ours {actual!r}")
        return problems
    wanted = expected[kind]
    if kind == "full-result":
        # botocore adds "NextToken" (the resume token) to a truncated full result, also where
        # the response has no such member; ours keeps it (in ``extra`` then) and gives it as
        # ``resume_token`` too.
        token = wanted.get("NextToken")
        if token is not None and token != ours["full-result-token"]:
            problems.append(f"full result NextToken: boto3 {token!r}, ours resume_token "
                            f"{ours['full-result-token']!r}")
    return problems + compare.differences(wanted, actual)
