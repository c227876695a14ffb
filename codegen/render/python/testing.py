"""What the ``testing`` module (the typed ``Stubber``) prints: per client method, the typed
signatures of ``add_response``, ``add_error`` and, for paginated methods, ``add_pages``; per
waiter, ``add_waiter_responses``; and the table the runtime's ``TypedStubber`` reads.

Every signature is composed here as a full parameter list (one parameter a line, as black
lays it out); the template writes them as ``typing.overload`` s, or as the method itself when
there is just one.
"""

from __future__ import annotations

import attrs

from codegen.ir import naming, queries
from codegen.ir.nodes import Service, Structure
from codegen.render.escaping import Source, code, docstring, identifier, literal
from codegen.render.python.annotations import Parameters
from codegen.render.python.imports import CLIENT
from codegen.render.python.layout import annotated
from codegen.render.python.runtime import reference


@attrs.frozen
class StubMethodView:
    """One client method in the stubber's table (``_stubbing.Method``)."""

    method_name: str
    operation_name: str
    botocore_method: str
    request: Source  # the request class, or None
    response: Source  # the response class, or None
    input_token: tuple[str, ...]
    output_token: tuple[str, ...]


@attrs.frozen
class StubGroup:
    """One method of the ``Stubber`` (``add_response``, ...): its typed signatures, and the
    untyped one that implements them."""

    name: str
    signatures: tuple[Source, ...]  # parameter lists after ``self``, one a line
    implementation: Source  # the parameters of the implementation, when there are overloads
    runtime: str  # the ``TypedStubber`` method it calls with ...
    arguments: tuple[str, ...]  # ... its parameters, in this order
    docstring: Source

    @property
    def call(self) -> Source:
        return self.call_with(self.implementation)

    def call_with(self, parameters: Source) -> Source:
        """The runtime call from a method with ``parameters``: an argument they do not have
        is None (``fields``: none)."""
        def argument(name: str) -> str:
            if f" {name}:" in parameters or f"**{name}:" in parameters:
                return name
            return "{}" if name == "fields" else "None"

        return code(f"self.{identifier(self.runtime)}({', '.join(argument(a) for a in self.arguments)})")


@attrs.frozen
class TestingView:
    methods: tuple[StubMethodView, ...]
    waiters: tuple[tuple[str, str], ...]  # waiter name -> the method it polls
    groups: tuple[StubGroup, ...]  # the methods of ``Stubber``
    needs: frozenset[str]


def _signature(*lines: str) -> Source:
    return code("\n".join(" " * 8 + line for line in lines if line))


def _parameter(name: str, annotation: str, rest: str = ",") -> str:
    return annotated(8, name, annotation, rest)


def _free(name: str, taken: set[str]) -> str:
    """``name``, or ``name_``, ``name__``... : the first no request field has."""
    while name in taken:
        name += "_"
    return name


def _keywords(*lines: str) -> tuple[str, ...]:
    """Keyword-only parameters after a bare ``*``; nothing when there are none."""
    given = tuple(line for line in lines if line)
    return ("*,", *given) if given else ()


def testing_view(service: Service) -> TestingView:
    needs: set[str] = {CLIENT + "Client"}

    def model(structure: Structure | None) -> str:
        if structure is None:
            return "None"
        needs.add(f"model:{structure.class_name}")
        return identifier(structure.class_name)

    methods, add_response, add_error, add_pages = [], [], [], []
    for op in service.operations:
        request = queries.structure_of(service, op.input)
        response = queries.structure_of(service, op.output)
        method = _parameter("method", f"typing.Literal[{literal(op.method_name)}]")
        answer = _parameter("response", model(response))
        expected = _parameter("expected", f"{model(request)} | None", " = None,") if request else ""
        add_response.append(_signature(method, answer, "/,", expected))
        if request is not None and request.members:
            fields = Parameters(service, request.members, star=True)
            needs.update(fields.needs)
            # The method and response are positional-only, so their names are free to change
            # where a request field has the same one (a field named ``method``).
            taken = {m.attr_name for m in request.members}
            positional = (
                _parameter(_free("method", taken), f"typing.Literal[{literal(op.method_name)}]"),
                _parameter(_free("response", taken), model(response)),
            )
            add_response.append(code(_signature(*positional, "/,") + "\n" + fields.source))
        errors = [
            f"type[errors.{identifier(service.shape(e).class_name)}]"  # type: ignore[union-attr]
            for e in op.errors
        ]
        # Not botocore's ClientError: botocore is untyped, so that would accept anything.
        error_type = " | ".join([*errors, "errors.ServiceError", "str"])
        add_error.append(
            _signature(
                method,
                _parameter("error", error_type),
                'message: str = "",',
                "/,",
                "*,",
                "http_status: int | None = None,",
                expected,
            )
        )
        paginator = op.paginator
        if paginator is not None:
            add_pages.append(
                _signature(
                    method, _parameter("pages", f"typing.Sequence[{model(response)}]"), "/,", *_keywords(expected)
                )
            )
        methods.append(
            StubMethodView(
                method_name=op.method_name,
                operation_name=op.name,
                botocore_method=naming.botocore_method_name(op.name),
                request=code(model(request)),
                response=code(model(response)),
                input_token=paginator.input_token if paginator else (),
                output_token=paginator.output_token if paginator else (),
            )
        )
    add_waiter_responses, waiters = [], []
    stubbed_error, need = reference("StubbedError")
    for waiter in service.waiters:
        op = service.operation(waiter.operation)
        request = queries.structure_of(service, op.input)
        response = queries.structure_of(service, op.output)
        needs.add(need)
        expected = _parameter("expected", f"{model(request)} | None", " = None,") if request else ""
        add_waiter_responses.append(
            _signature(
                _parameter("waiter_name", f"typing.Literal[{literal(waiter.python_name)}]"),
                _parameter("responses", f"typing.Sequence[{model(response)} | {stubbed_error}]"),
                "/,",
                *_keywords(expected),
            )
        )
        waiters.append((waiter.python_name, op.method_name))
    groups = [
        StubGroup(
            "add_response",
            tuple(add_response),
            _signature("method: str,", "response: typing.Any,", "/,", "expected: typing.Any = None,", "**fields: typing.Any,"),
            "_add_response",
            ("method", "response", "expected", "fields"),
            docstring(
                "Queue ``response`` for the next call of ``method``; with ``expected`` (or the\n"
                "request's fields as keywords) the call must send exactly that request.",
                8,
                closes=True,
            ),
        ),
        StubGroup(
            "add_error",
            tuple(add_error),
            _signature(
                "method: str,", "error: typing.Any,", 'message: str = "",', "/,", "*,",
                "http_status: int | None = None,", "expected: typing.Any = None,",
            ),
            "_add_error",
            ("method", "error", "message", "http_status", "expected"),
            docstring(
                "Queue an error for the next call of ``method``: a modeled error class of the\n"
                "package (or one caught), or an error code; ``http_status`` defaults to the\n"
                "model's for the error (else 400).",
                8,
                closes=True,
            ),
        ),
    ]
    if add_pages:
        groups.append(
            StubGroup(
                "add_pages",
                tuple(add_pages),
                _signature("method: str,", "pages: typing.Sequence[typing.Any],", "/,", "*,", "expected: typing.Any = None,"),
                "_add_pages",
                ("method", "pages", "expected"),
                docstring(
                    "Queue the pages a paginator of ``method`` gets, in order; with ``expected``,\n"
                    "each page's request must be it plus the paging token of the page before.",
                    8,
                    closes=True,
                ),
            )
        )
    if add_waiter_responses:
        groups.append(
            StubGroup(
                "add_waiter_responses",
                tuple(add_waiter_responses),
                _signature(
                    "waiter_name: str,", "responses: typing.Sequence[typing.Any],", "/,", "*,",
                    "expected: typing.Any = None,",
                ),
                "_add_waiter_responses",
                ("waiter_name", "responses", "expected"),
                docstring(
                    "Queue the response (or ``StubbedError``) of each attempt a waiter makes, in\n"
                    "order; with ``expected``, each attempt must send that request.",
                    8,
                    closes=True,
                ),
            )
        )
    return TestingView(
        methods=tuple(methods),
        waiters=tuple(waiters),
        groups=tuple(groups),
        needs=frozenset(needs),
    )
