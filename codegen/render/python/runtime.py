"""The runtime symbols generated code may use, and where each lives.

The modules every package shares (``codegen/templates/runtime/_runtime/``) are copied as they are; the
generated modules refer to their symbols as ``_<module>.<name>`` (``_shapes.Shape``) after
``from <package>._runtime import <module> as _<module>``. The underscore keeps the module's
name apart from every field and parameter name (the naming rules never start one with ``_``).

Templates get a ``Runtime``: ``{{ rt.request_of }}`` prints the reference and records the
module, so the module's import block (``imports.import_block``) holds exactly the runtime
modules its template used. A name not listed here is undefined in templates (StrictUndefined).
"""

from __future__ import annotations

from codegen.render.escaping import Source, code

RUNTIME = "runtime:"

# Symbol -> the runtime module that defines it.
SYMBOLS = {
    "Shape": "shapes",
    "WireEnum": "shapes",
    "redacted": "shapes",
    "complete_forward_references": "shapes",
    "check_union": "shapes",
    "UnknownMember": "shapes",
    "ResponseMetadata": "shapes",
    "StreamingBody": "streams",
    "EventStream": "streams",
    "describe_methods": "signatures",
    "ServiceErrorBase": "modeled_errors",
    "explained_validation": "validation",
    "MissingMemberError": "shapes",
    "ResponseParseError": "responses",
    "parse_response": "responses",
    "no_result": "responses",
    "ConvertedT": "responses",
    "request_of": "calls",
    "translated_errors": "calls",
    "botocore_session": "session",
    "validate_strictly": "validation",
    "PageIterator": "paging",
    "cycle_safe": "paging",
    "pagination_config": "paging",
    "WaiterTable": "waiting",
    "WaiterError": "waiting",
    "TypedStubber": "stubbing",
    "Method": "stubbing",
    "StubbedError": "stubbing",
    "RequestMismatch": "stubbing",
    "UnexpectedCall": "stubbing",
    "OutOfOrderCall": "stubbing",
    "AsyncPageIterator": "aio",
    "async_cycle_safe": "aio",
    "aio_session": "aio",
    "AsyncClientOpener": "aio",
    "AsyncWaiterTable": "aio",
}


def reference(name: str) -> tuple[Source, str]:
    """How generated code refers to a runtime symbol, and the need that imports it."""
    module = SYMBOLS[name]
    return code(f"_{module}.{name}"), RUNTIME + module


class Runtime:
    """The runtime symbols for one template, recording the modules it used."""

    def __init__(self) -> None:
        self.needs: set[str] = set()

    def __getattr__(self, name: str) -> Source:
        if name.startswith("__") or name not in SYMBOLS:
            raise AttributeError(name)
        text, need = reference(name)
        self.needs.add(need)
        return text

    def __getitem__(self, name: str) -> Source:
        """``rt[name]``: a symbol named by a view (``rt[flavour.page_iterator]``)."""
        try:
            return self.__getattr__(name)
        except AttributeError:
            raise KeyError(name) from None
