"""A typed test double on botocore's own ``Stubber``.

botocore's ``Stubber`` answers a client's calls from a queue without sending anything, checks
each queued response against the operation's output shape (and an error's modeled fields
against the error's shape), and checks each call's parameters against those expected. The
typed stubber queues typed values through it (``to_botocore()``), and writes by hand only what
it lacks: when a call differs from what was stubbed it raises an error that says, field by
field and by Python names, how the request differs (botocore prints both dicts whole,
boto/botocore#2765, #2184); it names methods as the typed client does; and it queues the pages
of a paginator and the attempts of a waiter with the paging tokens each call must carry.

botocore has no hook for how a mismatch is reported, so ``_BotocoreStubber`` overrides the
handler botocore registers for the check and reads the parameters it queued (its ``_queue``).

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import sys
import typing

import botocore.client
import botocore.exceptions
import botocore.stub
import jmespath

from .shapes import OWN_FIELDS, _member_tables


class Method(typing.NamedTuple):
    """What the stubber knows of one method of the typed client."""

    operation: str  # the model's operation name
    botocore_method: str  # botocore's client method for it
    request: type[typing.Any] | None  # the request class; None when it takes nothing
    response: (
        type[typing.Any] | None
    )  # the response class; None when it returns nothing
    input_token: tuple[
        str, ...
    ] = ()  # paginated: the tokens each page's request carries
    output_token: tuple[str, ...] = ()  # ... read from the page before it (JMESPath)


class StubbedError:
    """An error for a stub to answer with: a modeled error class of the package (its code),
    an error code, or a ``ClientError`` caught elsewhere; the service's message; the HTTP
    status (default: the model's for the error, else that of the caught error, else 400).
    """

    def __init__(
        self,
        error: (
            type[botocore.exceptions.ClientError]
            | botocore.exceptions.ClientError
            | str
        ),
        message: str = "",
        *,
        http_status: int | None = None,
    ) -> None:
        self.error = error
        self.message = message
        self.http_status = http_status


class RequestMismatch(botocore.exceptions.StubAssertionError):  # type: ignore[misc, unused-ignore]
    """A call's request differs from the one its stubbed response expects.

    ``differences`` holds one line per differing field, named by its Python path
    (``training_job_summaries[0].training_job_name``)."""

    fmt = "{reason}"

    def __init__(
        self, operation_name: str, reason: str, differences: list[str]
    ) -> None:
        super().__init__(operation_name=operation_name, reason=reason)
        self.differences = differences


class UnexpectedCall(botocore.exceptions.UnStubbedResponseError):  # type: ignore[misc, unused-ignore]
    """A method was called when no stubbed response was left."""

    fmt = "{reason}"


class OutOfOrderCall(botocore.exceptions.StubResponseError):  # type: ignore[misc, unused-ignore]
    """A method was called while the next stubbed response is for another one."""

    fmt = "{reason}"


StubberT = typing.TypeVar("StubberT", bound="TypedStubber")


class TypedStubber:
    """Base of the generated ``Stubber``: botocore's, queued with typed values."""

    def __init__(
        self,
        client: typing.Any,
        methods: typing.Mapping[str, Method],
        waiters: typing.Mapping[str, str],
    ) -> None:
        self._client = client
        self._methods = methods
        self._waiters = waiters  # waiter name -> the method it polls
        self._botocore_client = client.botocore_client
        self._stubber = _BotocoreStubber(self._botocore_client, self)

    # --- activation ---------------------------------------------------------------------

    def activate(self) -> None:
        """Answer the client's calls from the queue (``with stubber:`` does this)."""
        self._stubber.activate()

    def deactivate(self) -> None:
        self._stubber.deactivate()

    def __enter__(self: StubberT) -> StubberT:
        self.activate()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.deactivate()

    def assert_no_pending_responses(self) -> None:
        """Fail when stubbed responses were not used, naming their methods."""
        pending = [self._method_of(entry["operation_name"]) for entry in self._queue()]
        if pending:
            noun = "response" if len(pending) == 1 else "responses"
            raise AssertionError(
                f"{len(pending)} stubbed {noun} not used: {', '.join(pending)}"
            )

    # --- queueing -----------------------------------------------------------------------

    def _add_response(
        self,
        method: str,
        response: typing.Any,
        expected: typing.Any,
        fields: typing.Mapping[str, typing.Any],
    ) -> None:
        spec = self._spec(method)
        self._stubber.add_response(
            spec.botocore_method,
            self._response_data(method, spec, response),
            self._expected_params(method, spec, expected, fields),
        )

    def _add_error(
        self,
        method: str,
        error: typing.Any,
        message: str,
        http_status: int | None,
        expected: typing.Any,
    ) -> None:
        spec = self._spec(method)
        params = self._expected_params(method, spec, expected, {})
        self._queue_error(
            spec, StubbedError(error, message, http_status=http_status), params
        )

    def _add_pages(
        self, method: str, pages: typing.Sequence[typing.Any], expected: typing.Any
    ) -> None:
        spec = self._spec(method)
        if not spec.input_token:
            raise TypeError(f"{method} has no paginator; use add_response")
        params = self._expected_params(method, spec, expected, {})
        tokens: dict[str, typing.Any] = {}
        for page in pages:
            data = self._response_data(method, spec, page)
            request = None if params is None else {**params, **tokens}
            self._stubber.add_response(spec.botocore_method, data, request)
            # The tokens botocore's paginator sends for the next page: each output token's
            # expression on this page, an empty one meaning none.
            tokens = {}
            for name, expression in zip(spec.input_token, spec.output_token):
                value = jmespath.search(expression, data)
                if value not in (None, ""):
                    tokens[name] = value

    def _add_waiter_responses(
        self, waiter: str, responses: typing.Sequence[typing.Any], expected: typing.Any
    ) -> None:
        if waiter not in self._waiters:
            raise ValueError(
                f"no waiter {waiter!r}; choose from {sorted(self._waiters)}"
            )
        method = self._waiters[waiter]
        spec = self._spec(method)
        params = self._expected_params(method, spec, expected, {})
        for item in responses:
            if isinstance(item, StubbedError):
                self._queue_error(spec, item, params)
            else:
                data = self._response_data(method, spec, item)
                self._stubber.add_response(spec.botocore_method, data, params)

    # --- conversions --------------------------------------------------------------------

    def _spec(self, method: str) -> Method:
        if method not in self._methods:
            raise ValueError(
                f"no method {method!r}; choose from {sorted(self._methods)}"
            )
        return self._methods[method]

    def _method_of(self, operation: str) -> str:
        return next(
            (m for m, spec in self._methods.items() if spec.operation == operation),
            operation,
        )

    @staticmethod
    def _response_data(
        method: str, spec: Method, response: typing.Any
    ) -> dict[str, typing.Any]:
        """The response in botocore's form (botocore checks it against the output shape)."""
        if spec.response is None:
            if response is not None:
                raise TypeError(f"{method} returns nothing; stub it with None")
            return {"ResponseMetadata": {"HTTPStatusCode": 200}}
        if not isinstance(response, spec.response):
            raise TypeError(
                f"{method} returns {spec.response.__name__}, "
                f"not {type(response).__name__}"
            )
        data: dict[str, typing.Any] = response.to_botocore()
        # As every response botocore parses has it (waiters' status matchers read it).
        data.setdefault("ResponseMetadata", {"HTTPStatusCode": 200})
        return data

    @staticmethod
    def _expected_params(
        method: str,
        spec: Method,
        expected: typing.Any,
        fields: typing.Mapping[str, typing.Any],
    ) -> dict[str, typing.Any] | None:
        """The parameters the call must carry: from a request object, or from its fields
        given as keywords; None when neither is given (the call is not checked)."""
        fields = dict(fields)
        if spec.request is None:
            if expected is not None or fields:
                raise TypeError(f"{method} takes no request")
            return {}
        if expected is not None and not isinstance(expected, spec.request):
            if "expected" in _field_names(spec.request):  # a field of that name
                fields["expected"], expected = expected, None
            else:
                raise TypeError(
                    f"expected: {method} takes a {spec.request.__name__}, "
                    f"not {type(expected).__name__}"
                )
        if fields:
            if expected is not None:
                raise TypeError("pass a request object or its fields, not both")
            expected = spec.request(**fields)
        if expected is None:
            return None
        params: dict[str, typing.Any] = expected.to_botocore()
        return params

    def _queue_error(
        self, spec: Method, error: StubbedError, params: dict[str, typing.Any] | None
    ) -> None:
        code, message, status = self._error_parts(error)
        self._stubber.add_client_error(
            spec.botocore_method,
            service_error_code=code,
            service_message=message,
            http_status_code=status,
            expected_params=params,
        )

    def _error_parts(self, stubbed: StubbedError) -> tuple[str, str, int]:
        error, message, status = stubbed.error, stubbed.message, stubbed.http_status
        if isinstance(error, botocore.exceptions.ClientError):
            details = error.response.get("Error", {})
            code = str(details.get("Code", ""))
            message = message or str(details.get("Message", ""))
            metadata = error.response.get("ResponseMetadata", {})
            status = status or metadata.get("HTTPStatusCode")
        elif isinstance(error, type):
            code = getattr(error, "code", "")
            if not code:
                raise TypeError(
                    f"{error.__name__} is not one of the package's modeled errors"
                )
        else:
            code = error
        if status is None:
            shape = self._botocore_client.meta.service_model.shape_for_error_code(code)
            modeled = shape.metadata.get("error", {}) if shape is not None else {}
            status = modeled.get("httpStatusCode", 400)
        return code, message, int(status)

    def _queue(self) -> typing.Sequence[typing.Mapping[str, typing.Any]]:
        # botocore's queue of stubbed responses, private (and so not in botocore-stubs).
        stubber: typing.Any = self._stubber
        queue: typing.Sequence[typing.Mapping[str, typing.Any]] = stubber._queue
        return queue

    # --- reporting a call that is not what was stubbed ------------------------------------

    def _mismatch(
        self,
        problem: botocore.exceptions.StubResponseError,
        operation: str,
        params: typing.Mapping[str, typing.Any],
    ) -> Exception:
        """The typed stubber's account of a problem botocore's found with a call."""
        method = self._method_of(operation)
        queue = self._queue()
        if isinstance(problem, botocore.exceptions.UnStubbedResponseError) or not queue:
            return UnexpectedCall(
                operation_name=operation,
                reason=f"{method} was called, but no stubbed response is left",
            )
        expected = queue[0]
        if expected["operation_name"] != operation:
            stubbed = self._method_of(expected["operation_name"])
            return OutOfOrderCall(
                operation_name=operation,
                reason=f"{method} was called, but the next stubbed response is for {stubbed}",
            )
        spec = self._methods.get(method)
        request = spec.request if spec is not None else None
        lines = differences(request, expected["expected_params"], params)
        title = request.__name__ if request is not None else "request"
        reason = (
            f"{method} was called with a {title} that differs from the stubbed one:\n"
            + "\n".join(f"  {line}" for line in lines)
        )
        return RequestMismatch(operation, reason, lines)


class _BotocoreStubber(botocore.stub.Stubber):  # type: ignore[misc, unused-ignore]  # (untyped without botocore-stubs)
    """botocore's ``Stubber``, reporting a call that is not what was stubbed through the
    typed stubber (``TypedStubber._mismatch``)."""

    def __init__(self, botocore_client: typing.Any, typed: TypedStubber) -> None:
        super().__init__(botocore_client)
        self._typed = typed

    def _assert_expected_params(
        self,
        model: typing.Any,
        params: typing.Mapping[str, typing.Any],
        context: typing.Any,
        **kwargs: typing.Any,
    ) -> None:
        try:
            # A private method of botocore's Stubber (not in botocore-stubs), overridden here.
            stubber: typing.Any = botocore.stub.Stubber
            stubber._assert_expected_params(self, model, params, context, **kwargs)
        except botocore.exceptions.StubResponseError as problem:
            raise self._typed._mismatch(problem, model.name, params) from None


# --- the field-by-field difference of two requests ---------------------------------------


def _field_names(cls: type[typing.Any]) -> list[str]:
    import attrs  # here: the command line imports the runtime modules, never attrs

    # The members only: not what every structure has beside them (``extra``, ...).
    return [field.name for field in attrs.fields(cls) if field.name not in OWN_FIELDS]


def _members(
    cls: type[typing.Any],
) -> tuple[list[tuple[str, str]], dict[str, typing.Any]]:
    """A class's (wire name, attribute name) pairs in field order, and its converters."""
    module = sys.modules[cls.__module__]
    table = _member_tables(module.__name__, getattr(module, "__file__", None))[
        cls.__name__
    ]
    pairs = list(zip(table["wire"], _field_names(cls)))
    return pairs, table.get("convert", {})


def _show(value: typing.Any) -> str:
    text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."


def differences(
    cls: type[typing.Any] | None,
    expected: typing.Any,
    actual: typing.Any,
    path: str = "",
) -> list[str]:
    """How ``actual`` differs from ``expected`` (botocore's forms of a value of ``cls``, a
    structure class, or None for a value without one), one line per differing field, named by
    Python attribute paths. Values compare as botocore's stubber compares them (``expected !=
    actual``, so ``botocore.stub.ANY`` matches anything)."""
    if cls is None or not isinstance(expected, dict) or not isinstance(actual, dict):
        if expected != actual:
            return [
                f"{path or 'request'}: expected {_show(expected)}, got {_show(actual)}"
            ]
        return []
    module = sys.modules[cls.__module__]
    pairs, converters = _members(cls)
    known = {wire for wire, _ in pairs}
    named = pairs + [(k, k) for k in [*expected, *actual] if k not in known]
    lines: list[str] = []
    for wire, attr in dict.fromkeys(named):
        where = f"{path}.{attr}" if path else attr
        if wire not in actual and wire not in expected:
            continue
        if wire not in actual:
            lines.append(f"{where}: expected {_show(expected[wire])}, not given")
        elif wire not in expected:
            lines.append(f"{where}: given {_show(actual[wire])}, not expected")
        elif expected[wire] != actual[wire]:
            lines += _nested(
                module, converters.get(wire), expected[wire], actual[wire], where
            )
    return lines


def _nested(
    module: typing.Any,
    converter: typing.Any,
    expected: typing.Any,
    actual: typing.Any,
    where: str,
) -> list[str]:
    """The differences of one member's values, looking into structures, lists and maps."""
    kind = converter[0] if converter else None
    if kind == "structure":
        return differences(getattr(module, converter[1]), expected, actual, where)
    lists = isinstance(expected, list) and isinstance(actual, list)
    maps = isinstance(expected, dict) and isinstance(actual, dict)
    if lists and kind in ("list", None):
        item = converter[1] if converter else None
        lines = []
        for index in range(max(len(expected), len(actual))):
            at = f"{where}[{index}]"
            if index >= len(actual):
                lines.append(f"{at}: expected {_show(expected[index])}, not given")
            elif index >= len(expected):
                lines.append(f"{at}: given {_show(actual[index])}, not expected")
            elif expected[index] != actual[index]:
                lines += _nested(module, item, expected[index], actual[index], at)
        return lines
    if maps and kind in ("map", None):
        value = converter[2] if converter else None
        lines = []
        for key in dict.fromkeys([*expected, *actual]):
            at = f"{where}[{key!r}]"
            if key not in actual:
                lines.append(f"{at}: expected {_show(expected[key])}, not given")
            elif key not in expected:
                lines.append(f"{at}: given {_show(actual[key])}, not expected")
            elif expected[key] != actual[key]:
                lines += _nested(module, value, expected[key], actual[key], at)
        return lines
    return [f"{where}: expected {_show(expected)}, got {_show(actual)}"]
