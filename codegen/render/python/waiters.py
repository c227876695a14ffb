"""What the ``waiters`` module and the client's ``get_waiter`` print, built from the IR's
waiters: one frozen view per waiter, its signature and docstrings composed here.

A waiter's ``wait`` takes what the operation it polls takes (``Parameters``, so it follows the
request's types) plus ``delay`` and ``max_attempts``, and returns what its success acceptors
can end on: the typed response, None (a waiter that succeeds on an error), or either.
"""

from __future__ import annotations

import json
import textwrap

import attrs

from codegen.ir import naming, queries
from codegen.ir.nodes import Acceptor, Service, Waiter
from codegen.render.escaping import Source, code, docstring, identifier, literal
from codegen.render.python.annotations import Parameters
from codegen.render.python.imports import WAITER
from codegen.render.python.layout import annotated, bases
from codegen.render.python.runtime import reference
from codegen.style import LINE_LENGTH

__all__ = ["WAITER", "WaiterView", "waiter_views"]


@attrs.frozen
class WaiterView:
    name: str  # the model's (botocore's) waiter name
    python_name: str  # ``client.get_waiter``'s key
    class_name: str
    error_class_name: str
    operation_name: str
    method_name: str  # the client method it polls
    request_class: str | None
    response_class: str | None
    parameters: Source  # the request's fields as keyword-only parameters
    delay_name: str  # the ``delay`` and ``max_attempts`` options (``naming.waiter_option_names``)
    max_attempts_name: str
    result: Source  # what ``wait`` returns
    runs: str  # the ``WaiterTable`` method: ``wait_for_response`` when it always ends on one
    class_docstring: Source
    wait_docstring: Source
    error_docstring: Source
    error_base: Source  # ``_waiting.WaiterError[Response]``, laid out as black does
    name_parameter: Source  # ``get_waiter``'s ``waiter_name: typing.Literal[...]``
    request_parameter: Source  # ``wait``'s ``request: Request`` and ``... | None = None``
    optional_request_parameter: Source

    @property
    def convert(self) -> Source | None:
        """The response class's conversion; None when the operation has no output."""
        if self.response_class is None:
            return None
        return code(f"{identifier(self.response_class)}.from_botocore")


def expected_text(value: object) -> str:
    """An acceptor's expected value as the JSON it is compared with."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def acceptor_condition(acceptor: Acceptor, quote: str = "``") -> str:
    """When an acceptor matches, in words; the spec's text between ``quote`` s (RST inline
    literals by default)."""
    expected = f"{quote}{expected_text(acceptor.expected)}{quote}"
    argument = f"{quote}{acceptor.argument}{quote}"
    match acceptor.matcher:
        case "path":
            return f"{argument} is {expected}"
        case "pathAll":
            return f"every value of {argument} is {expected}"
        case "pathAny":
            return f"any value of {argument} is {expected}"
        case "status":
            return f"the HTTP status is {expected_text(acceptor.expected)}"
    if acceptor.expected is True:
        return "any error"
    if acceptor.expected is False:
        return "no error"
    return f"the error is {quote}{acceptor.expected}{quote}"


def rules_text(waiter: Waiter) -> str:
    """The acceptors, in the order botocore tries them."""
    return "\n".join(f"- {a.state} when {acceptor_condition(a)}" for a in waiter.acceptors)


def polling_text(waiter: Waiter, method: str, delay: str, max_attempts: str) -> str:
    return (
        f"Calls ``{method}`` every {waiter.delay} seconds, at most {waiter.max_attempts} times "
        f"(``{delay}`` and ``{max_attempts}`` change that for one wait), until a rule below "
        "says success or failure; the first rule that matches a response decides."
    )


def _wrap(text: str, indent: int) -> str:
    """Paragraphs filled to the line length at ``indent``; list items (the rules) and the
    model's description are kept as they are."""
    width = LINE_LENGTH - indent
    return "\n\n".join(
        paragraph if paragraph.startswith("- ") else textwrap.fill(paragraph, width, break_on_hyphens=False)
        for paragraph in text.split("\n\n")
    )


def waiter_views(service: Service) -> tuple[tuple[WaiterView, ...], frozenset[str], frozenset[str]]:
    """The views of the service's waiters, what their waiter classes need imported (both
    flavours' ``waiters`` modules) and what their error classes need besides (the synchronous
    module's only: the asynchronous waiters raise its error classes)."""
    views, needs = [], set()
    for waiter in service.waiters:
        view, waiter_needs = _waiter_view(service, waiter)
        views.append(view)
        needs |= waiter_needs
    error_needs = {reference("WaiterError")[1]} if views else set()
    return tuple(views), frozenset(needs), frozenset(error_needs)


def _waiter_view(service: Service, waiter: Waiter) -> tuple[WaiterView, frozenset[str]]:
    operation = service.operation(waiter.operation)
    request = queries.structure_of(service, operation.input)
    response = queries.structure_of(service, operation.output)
    members = request.members if request else ()
    parameters = Parameters(service, members)
    options = naming.waiter_option_names(m.attr_name for m in members)
    needs = set(parameters.needs)
    for structure in (request, response):
        if structure is not None:
            needs.add(f"model:{structure.class_name}")
    response_class = response.class_name if response else None
    runs = "wait"
    if response_class is None or waiter.succeeds_on == "error":
        result, returns = "None", "Returns None"
        if response_class is not None:
            returns += ": it succeeds on an error, not a response"
    elif waiter.succeeds_on == "either":
        result = f"{identifier(response_class)} | None"
        returns = f"Returns the last ``{response_class}``, or None when it succeeded on an error"
    else:
        result, returns, runs = identifier(response_class), f"Returns the last ``{response_class}``", "wait_for_response"
    polling = polling_text(waiter, operation.method_name, options["delay"], options["max_attempts"])
    description = f"\n\n{waiter.description}" if waiter.description else ""
    class_text = f"The ``{waiter.name}`` waiter.{description}\n\n{_wrap(polling, 4)}\n\n{rules_text(waiter)}"
    wait_text = (
        f"Wait until ``{waiter.name}`` succeeds (see the class). Takes a "
        f"``{request.class_name}`` or its fields as keyword arguments. " if request else
        f"Wait until ``{waiter.name}`` succeeds (see the class). "
    ) + (
        f"{returns}; raises ``{waiter.error_class_name}`` on a failure, an error no rule "
        "expects, or when the attempts run out."
    )
    error_text = (
        f"The ``{waiter.name}`` waiter failed: a failure rule matched, an error no rule expects "
        "came back, or the attempts ran out. ``response`` is the last typed response (None "
        "when the last attempt was an error, then in ``error``); ``reason`` says which."
    )
    waiter_error, _ = reference("WaiterError")  # the need: ``waiter_views``'
    response_type = identifier(response_class) if response_class else "None"
    request_name = identifier(request.class_name) if request else "None"
    view = WaiterView(
        name=waiter.name,
        python_name=waiter.python_name,
        class_name=waiter.class_name,
        error_class_name=waiter.error_class_name,
        operation_name=waiter.operation,
        method_name=operation.method_name,
        request_class=request.class_name if request else None,
        response_class=response_class,
        parameters=parameters.source,
        delay_name=options["delay"],
        max_attempts_name=options["max_attempts"],
        result=code(result),
        runs=runs,
        class_docstring=docstring(class_text, 4, closes=True),
        wait_docstring=docstring(_wrap(wait_text, 8), 8, closes=True),
        error_docstring=docstring(_wrap(error_text, 4), 4, closes=True),
        error_base=bases(0, f"class {waiter.error_class_name}", f"{waiter_error}[{response_type}]"),
        name_parameter=annotated(8, "waiter_name", f"typing.Literal[{literal(waiter.python_name)}]"),
        request_parameter=annotated(8, "request", request_name),
        optional_request_parameter=annotated(8, "request", f"{request_name} | None", " = None,"),
    )
    return view, frozenset(needs)
