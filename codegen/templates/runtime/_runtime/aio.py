"""What only the asynchronous client needs, on aiobotocore: its session on the package's sliced
model, its client opened by ``async with``, typed pages over aiobotocore's paginator with
the same refusal of a token already sent as the synchronous client's, and typed waiters on
aiobotocore's waiter with the synchronous waiters' model, errors and typed results.

Everything else the asynchronous client does is shared with the synchronous one: requests
(``calls``), conversions (``shapes``), typed results and error correction (``responses``),
modeled errors (``calls.translated_errors``), validation and signatures. aiobotocore is
imported only when a session is made or a waiter waits, so this module imports without it.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import contextlib
import functools
import typing

import botocore
import botocore.exceptions

from .calls import translated_errors
from .paging import ItemT, Pages, PageT, refuse_repeated_token
from .session import use_slice
from .waiting import ResponseT, WaiterError, WaiterTable

if typing.TYPE_CHECKING:
    import aiobotocore.session


def aio_session(profile_name: str | None = None) -> aiobotocore.session.AioSession:
    """An aiobotocore session that loads this package's services from its sliced model, as
    ``session.botocore_session`` does for botocore."""
    import aiobotocore.session

    return use_slice(aiobotocore.session.AioSession(profile=profile_name))


class AsyncClientOpener:
    """The aiobotocore client of an asynchronous client: created (with the session's
    ``create_client``) when the client's ``async with`` starts, closed when it ends; or one
    the caller created already."""

    def __init__(
        self,
        service_name: str,
        client: typing.Any,
        session: typing.Any,
        profile_name: str | None,
        options: typing.Mapping[str, typing.Any],
    ) -> None:
        if client is None and session is not None and profile_name is not None:
            raise TypeError("pass either session or profile_name, not both")
        self._service_name = service_name
        self._client = client
        self._session = session
        self._profile_name = profile_name
        # Only the options given: an older aiobotocore's create_client lacks some (aws_account_id).
        self._options = {k: v for k, v in options.items() if v is not None}
        self._context: typing.Any = (
            None  # aiobotocore's, while a client made here is open
        )

    @property
    def client(self) -> typing.Any:
        """The open aiobotocore client."""
        if self._client is None:
            raise RuntimeError(
                "the asynchronous client is not open: use `async with Client(...) as "
                "client:` (or pass botocore_client=, an aiobotocore client)"
            )
        return self._client

    async def open(self) -> None:
        if self._client is not None:
            return
        session = self._session or aio_session(self._profile_name)
        context = session.create_client(self._service_name, **self._options)
        self._client = await context.__aenter__()
        self._context = context

    async def close(self) -> None:
        """Close the connections (a client made here can be opened again)."""
        client, context = self._client, self._context
        if context is not None:
            self._client = self._context = None
            await context.__aexit__(None, None, None)
        elif client is not None:
            await client.close()


class _CycleSafe:
    """Mixed into aiobotocore's page iterator: refuse to send a token already sent in this
    listing (``paging.CycleSafePageIterator`` for botocore's)."""

    _sent: set[str]
    _input_token: list[str]

    def __aiter__(self) -> typing.AsyncIterator[typing.Any]:
        self._sent = set()
        pages: typing.AsyncIterator[typing.Any] = typing.cast(
            typing.Any, super()
        ).__aiter__()
        return pages

    async def _make_request(self, current_kwargs: dict[str, typing.Any]) -> typing.Any:
        refuse_repeated_token(self._sent, self._input_token, current_kwargs)
        return await typing.cast(typing.Any, super())._make_request(current_kwargs)


@functools.lru_cache(maxsize=None)
def _cycle_safe_class(base: type) -> type:
    return type(f"CycleSafe{base.__name__}", (_CycleSafe, base), {})


def async_cycle_safe(paginator: typing.Any) -> typing.Any:
    """aiobotocore's ``paginator`` (``AioPaginator``, or the ``AnyioPaginator`` of its httpx
    backend), its listings refusing a token already sent."""
    paginator.PAGE_ITERATOR_CLS = _cycle_safe_class(paginator.PAGE_ITERATOR_CLS)
    return paginator


class AsyncPageIterator(Pages[PageT, ItemT]):
    """Typed pages over aiobotocore's paginator (botocore's tokens, limits and truncation):
    ``async for page in ...``, ``async for item in ....items()``,
    ``await ....build_full_result()``.

    Every walk starts a new aiobotocore page iterator, so the pages can be walked more than
    once; ``resume_token`` is that of the latest walk. A walk left early (``break``, a
    cancelled task) closes aiobotocore's iterator when it is closed itself: no request is in
    flight between pages, so no connection stays taken.
    """

    def __aiter__(self) -> typing.AsyncIterator[PageT]:
        return self._walk()

    async def _walk(self) -> typing.AsyncGenerator[PageT, None]:
        pages = self._pages().__aiter__()
        async with contextlib.aclosing(pages):
            with translated_errors(self._errors):
                async for page in pages:
                    yield self._parse_page(page)

    async def items(self) -> typing.AsyncIterator[ItemT]:
        """Every item of the result key, across pages (``max_items`` counts these)."""
        async with contextlib.aclosing(self._walk()) as pages:
            async for page in pages:
                for item in self._items_of(page):
                    yield item

    async def build_full_result(self) -> PageT:
        """One response holding every item. When ``max_items`` cut the listing short,
        ``resume_token`` (and a ``next_token`` member, if the response has one) resumes it.
        """
        pages = self._pages()
        with translated_errors(self._errors):
            return self._parse_page(await pages.build_full_result())


class _AsyncAttempts:
    """The operation method aiobotocore's waiter awaits: aiobotocore's own normalization (a
    ``ClientError`` becomes its parsed error response), remembering the last response
    (``waiting._Attempts`` for botocore's)."""

    def __init__(self, method: typing.Callable[..., typing.Any]) -> None:
        import aiobotocore.waiter

        self._method = aiobotocore.waiter.NormalizedOperationMethod(method)
        self.count = 0
        self.last: typing.Mapping[str, typing.Any] = {}

    async def __call__(self, **params: typing.Any) -> typing.Any:
        self.last = await self._method(**params)
        self.count += 1
        return self.last


class AsyncWaiterTable:
    """The package's waiters for the asynchronous client: the synchronous ``WaiterTable``'s
    model, checks, typed results and typed ``WaiterError`` subclasses, waited on by
    aiobotocore's waiter (its acceptors, its ``asyncio`` or ``anyio`` sleep)."""

    def __init__(
        self,
        service_name: str,
        api_version: str,
        errors: typing.Mapping[str, type[botocore.exceptions.ClientError]],
    ) -> None:
        self.table = WaiterTable(service_name, api_version, errors)

    async def wait(
        self,
        botocore_client: typing.Any,
        waiter_name: str,
        params: dict[str, typing.Any],
        delay: float | None,
        max_attempts: int | None,
        convert: typing.Callable[[typing.Mapping[str, typing.Any]], ResponseT],
        failure: type[WaiterError[ResponseT]],
    ) -> ResponseT | None:
        """``WaiterTable.wait``, awaited: aiobotocore's waiter, of the class its
        ``create_waiter_with_client`` picks for the client (``AIOWaiter``, or ``AnyioWaiter``
        on its httpx backend), around an operation method that remembers."""
        import aiobotocore.waiter

        table = self.table
        config, waiter_config = table.prepare(waiter_name, delay, max_attempts)
        method = getattr(botocore_client, botocore.xform_name(config.operation))
        attempts = _AsyncAttempts(method)
        documented = aiobotocore.waiter.create_waiter_with_client(
            waiter_name, table.model, botocore_client
        )
        waiter = type(documented)(waiter_name, config, attempts)
        try:
            await waiter.wait(**params, WaiterConfig=waiter_config)
        except botocore.exceptions.WaiterError as problem:
            raise table.failed(
                botocore_client,
                waiter_name,
                config.operation,
                problem,
                attempts.last,
                attempts.count,
                convert,
                failure,
            ) from None
        return table.result(botocore_client, config.operation, attempts.last, convert)

    async def wait_for_response(
        self,
        botocore_client: typing.Any,
        waiter_name: str,
        params: dict[str, typing.Any],
        delay: float | None,
        max_attempts: int | None,
        convert: typing.Callable[[typing.Mapping[str, typing.Any]], ResponseT],
        failure: type[WaiterError[ResponseT]],
    ) -> ResponseT:
        """``wait`` for a waiter that always ends on a response (``WaiterTable``'s)."""
        response = await self.wait(
            botocore_client,
            waiter_name,
            params,
            delay,
            max_attempts,
            convert,
            failure,
        )
        if response is None:  # pragma: no cover (botocore's path matchers skip errors)
            raise RuntimeError(f"waiter {waiter_name} succeeded without a response")
        return response
