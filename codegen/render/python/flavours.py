"""The flavours of the client, its paginators and its waiters: synchronous on botocore,
asynchronous on aiobotocore. Both are rendered from the same templates (``package/client.py.j2``,
``package/paginators.py.j2``, ``package/waiters.py.j2``) and the same ``PackageView``; a ``Flavour`` holds the few words
in which they differ (``def`` or ``async def``, ``await``, ``__enter__`` or ``__aenter__``, the
wrapped client's type, the page iterator), so templates place them and branch only where a
whole block differs (creating the botocore client, which aiobotocore does asynchronously).

They share everything else: the models, their conversions, the errors, the member tables and
the runtime helpers that are pure functions (``calls``, ``responses``, ``validation``,
``signatures``), and the waiters' ``WaiterError`` subclasses, defined once in the synchronous
``waiters`` module (the asynchronous one raises them). Adding a flavoured module is a template
written with these words, a line in ``Flavour.modules`` and, for its imports, an entry in
``fixed_imports``.
"""

from __future__ import annotations

import attrs

from codegen.render.escaping import Source, code

# Standard-library, third-party and package modules a flavoured module always imports, by
# flavour and module (``imports.import_block``).
_FIXED: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    ("sync", "client"): (("typing",), ("botocore.client", "botocore.config", "botocore.session"), ("errors",)),
    ("sync", "paginators"): (("typing",), ("botocore.client",), ("errors",)),
    ("aio", "client"): (("typing",), ("aiobotocore.client", "aiobotocore.session", "botocore", "botocore.config"),
                        ("errors",)),
    ("aio", "paginators"): (("typing",), ("aiobotocore.client",), ("errors",)),
    ("sync", "waiters"): (("typing",), ("botocore.client",), ("errors",)),
    # The error classes are the synchronous module's (``waiters.<Name>WaiterError``).
    ("aio", "waiters"): (("typing",), ("aiobotocore.client",), ("errors", "waiters")),
}


@attrs.frozen
class Flavour:
    """One flavour of the client: where its modules go and the words its code differs by."""

    name: str  # "sync", "aio"
    asynchronous: bool
    subpackage: str  # the package's subpackage its modules are rendered into ("" for the top)
    async_: Source  # before ``def`` of a method that does I/O
    await_: Source  # before a call of one
    enter: Source  # the context manager's methods
    exit: Source
    for_: Source  # ``for`` or ``async for``
    botocore_client: Source  # the annotation of the client it wraps
    session: Source  # the annotation of the ``session`` argument
    library: Source  # what does the work, for docstrings ("botocore", "aiobotocore")
    client_ref: Source  # how the client's methods reach the botocore client they wrap
    # Runtime symbols (``rt[...]`` in templates).
    page_iterator: str
    cycle_safe: str
    waiter_table: str
    modules: tuple[str, ...] = ("client", "paginators", "waiters")

    def path(self, module: str) -> str:
        """The module's path inside the package (``client``, ``aio/client``)."""
        return f"{self.subpackage}/{module}" if self.subpackage else module

    def dotted(self, module: str) -> str:
        """The module's name relative to the package (``client``, ``aio.client``)."""
        return self.path(module).replace("/", ".")

    def fixed_imports(self, module: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        return _FIXED[(self.name, module)]


SYNC = Flavour(
    name="sync",
    asynchronous=False,
    subpackage="",
    async_=code(""),
    await_=code(""),
    enter=code("__enter__"),
    exit=code("__exit__"),
    for_=code("for"),
    botocore_client=code("botocore.client.BaseClient"),
    session=code("botocore.session.Session"),
    library=code("botocore"),
    client_ref=code("self._botocore_client"),
    page_iterator="PageIterator",
    cycle_safe="cycle_safe",
    waiter_table="WaiterTable",
)

AIO = Flavour(
    name="aio",
    asynchronous=True,
    subpackage="aio",
    async_=code("async "),
    await_=code("await "),
    enter=code("__aenter__"),
    exit=code("__aexit__"),
    for_=code("async for"),
    botocore_client=code("aiobotocore.client.AioBaseClient"),
    session=code("aiobotocore.session.AioSession"),
    library=code("aiobotocore"),
    client_ref=code("self.botocore_client"),  # opened by ``async with``
    page_iterator="AsyncPageIterator",
    cycle_safe="async_cycle_safe",
    waiter_table="AsyncWaiterTable",
)

FLAVOURS = (SYNC, AIO)
