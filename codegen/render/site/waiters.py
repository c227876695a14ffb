"""The API reference's entries for the waiters and the typed Stubber: views built from the IR
and the package's waiter views, every spec string escaped for reStructuredText here.

Kept apart from ``site.views`` so the sections they feed (``site/waiters.rst.j2``,
``site/testing.rst.j2``) stay self-contained.
"""

from __future__ import annotations

import attrs

from codegen.ir.nodes import Acceptor, Service
from codegen.render.python.waiters import WaiterView, expected_text
from codegen.render.site import rst


@attrs.frozen
class SiteWaiter:
    python_name: str  # RST literal of ``get_waiter``'s key
    name: str  # RST literal of the model's name
    class_name: str
    error_class_name: str
    method_name: str  # the client method it polls
    request_class: str | None
    delay_name: str  # ``wait``'s options (they yield to request fields of the same name)
    max_attempts_name: str
    result: str  # what ``wait`` returns
    returns: str  # a sentence saying it
    delay: str
    max_attempts: str
    description: str  # RST text, or ""
    rules: tuple[str, ...]  # one RST line per acceptor, in botocore's order
    response_type: str  # ``WaiterError``'s type parameter


def acceptor_rule(acceptor: Acceptor) -> str:
    """An acceptor in words, the spec's text as RST literals."""
    expected = rst.literal(expected_text(acceptor.expected))
    argument = rst.literal(acceptor.argument or "")
    match acceptor.matcher:
        case "path":
            condition = f"{argument} is {expected}"
        case "pathAll":
            condition = f"every value of {argument} is {expected}"
        case "pathAny":
            condition = f"any value of {argument} is {expected}"
        case "status":
            condition = f"the HTTP status is {expected}"
        case _ if acceptor.expected is True:
            condition = "any error"
        case _ if acceptor.expected is False:
            condition = "no error"
        case _:
            condition = f"the error is {rst.literal(acceptor.expected)}"
    return f"{acceptor.state} when {condition}"


def site_waiters(service: Service, views: tuple[WaiterView, ...]) -> tuple[SiteWaiter, ...]:
    waiters = []
    for waiter, view in zip(service.waiters, views):
        if view.result == "None":
            returns = "Returns None" + (
                ": it succeeds on an error, not a response" if view.response_class else ""
            )
        elif view.result == view.response_class:
            returns = f"Returns the last :py:class:`{view.response_class}`"
        else:
            returns = f"Returns the last :py:class:`{view.response_class}`, or None when it succeeded on an error"
        waiters.append(
            SiteWaiter(
                python_name=rst.literal(waiter.python_name),
                name=rst.literal(waiter.name),
                class_name=waiter.class_name,
                error_class_name=waiter.error_class_name,
                method_name=view.method_name,
                request_class=view.request_class,
                delay_name=view.delay_name,
                max_attempts_name=view.max_attempts_name,
                result=str(view.result),
                returns=returns,
                delay=rst.text(waiter.delay),
                max_attempts=rst.text(waiter.max_attempts),
                description=rst.text(waiter.description) if waiter.description else "",
                rules=tuple(acceptor_rule(a) for a in waiter.acceptors),
                response_type=view.response_class or "None",
            )
        )
    return tuple(waiters)
