"""Streams in responses, typed: a streaming blob's body, and an event stream's events.

A streaming body is botocore's own object (``StreamingBody``, or its checksumming
subclass); ``StreamingBody`` here is the protocol it satisfies, so a checker knows ``read``,
``iter_chunks``, ``iter_lines``, ``close`` and ``with``.

An event stream wraps botocore's ``EventStream``: each event is the stream's structure with
the one member the event is set (as a union), converted to the generated classes; a modeled
error inside the stream is raised as the package's class for it; an event of a type the model
does not know is kept, as ``unknown_member`` naming its type (botocore's own iterator skips
such events, so the raw messages are read here when botocore exposes them).

The asynchronous client (on aiobotocore) gets aiobotocore's body (``AsyncStreamingBody`` is
the protocol it satisfies: ``await read()``, ``async for`` chunks, ``async with``) and an
``AsyncEventStream`` (``async for``), converted by the same conversions as the synchronous
client's: ``event_stream`` picks the wrapper by the stream it is given.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import importlib
import typing

from .calls import translated_errors

EventT = typing.TypeVar("EventT")


@typing.runtime_checkable
class StreamingBody(typing.Protocol):
    """A streamed response body (botocore's ``StreamingBody``): read it once, then close it."""

    def read(self, amt: int | None = None) -> bytes: ...

    def iter_chunks(self, chunk_size: int = ...) -> typing.Iterator[bytes]: ...

    def iter_lines(
        self, chunk_size: int = ..., keepends: bool = False
    ) -> typing.Iterator[bytes]: ...

    def close(self) -> None: ...

    def __enter__(self) -> typing.Any: ...

    def __exit__(self, *exc_info: object) -> typing.Any: ...


class EventStream(typing.Generic[EventT]):
    """The events of an event stream, typed, in the order the service sends them."""

    def __init__(
        self,
        stream: typing.Any,
        convert: typing.Callable[[typing.Mapping[str, typing.Any]], EventT],
        package: str,
    ) -> None:
        self._stream = stream
        self._convert = convert
        self._package = package

    def __iter__(self) -> typing.Iterator[EventT]:
        errors = importlib.import_module(f"{self._package}.errors").ERRORS
        with translated_errors(errors):
            for parsed in self._parsed_events():
                yield self._convert(parsed)

    def _parsed_events(self) -> typing.Iterator[typing.Mapping[str, typing.Any]]:
        raw = getattr(self._stream, "_event_generator", None)
        parse = getattr(self._stream, "_parse_event", None)
        if raw is None or parse is None:  # a botocore without them: its own iterator
            yield from self._stream
            return
        for message in raw:
            parsed = parse(message)
            if parsed:
                yield parsed
            else:  # an event type the model does not know
                yield unknown_event(message)

    def close(self) -> None:
        """Stop reading: close the connection the events come on."""
        self._stream.close()

    def __enter__(self) -> EventStream[EventT]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def unknown_event(message: typing.Any) -> typing.Mapping[str, typing.Any]:
    """An event of a type the model does not know, as botocore gives an unknown union member."""
    name = str(getattr(message, "headers", {}).get(":event-type", ""))
    return {"SDK_UNKNOWN_MEMBER": {"name": name}}


@typing.runtime_checkable
class AsyncStreamingBody(typing.Protocol):
    """A streamed response body of the asynchronous client (aiobotocore's
    ``AioStreamingBody``): ``await read()`` it once, or ``async for`` its chunks, inside
    ``async with`` (which releases the connection)."""

    async def read(self, amt: int | None = None) -> bytes: ...

    def iter_chunks(self, chunk_size: int = ...) -> typing.AsyncIterator[bytes]: ...

    def iter_lines(
        self, chunk_size: int = ..., keepends: bool = False
    ) -> typing.AsyncIterator[bytes]: ...

    def close(self) -> None: ...

    async def __aenter__(self) -> typing.Any: ...

    async def __aexit__(self, *exc_info: object) -> typing.Any: ...


class AsyncEventStream(typing.Generic[EventT]):
    """The events of an event stream on the asynchronous client, typed, in the order the
    service sends them (``async for``); what ``EventStream`` is to the synchronous one.
    """

    def __init__(
        self,
        stream: typing.Any,
        convert: typing.Callable[[typing.Mapping[str, typing.Any]], EventT],
        package: str,
    ) -> None:
        self._stream = stream
        self._convert = convert
        self._package = package

    def __aiter__(self) -> typing.AsyncIterator[EventT]:
        return self._events()

    async def _events(self) -> typing.AsyncIterator[EventT]:
        errors = importlib.import_module(f"{self._package}.errors").ERRORS
        with translated_errors(errors):
            async for parsed in self._parsed_events():
                yield self._convert(parsed)

    async def _parsed_events(
        self,
    ) -> typing.AsyncIterator[typing.Mapping[str, typing.Any]]:
        raw = getattr(self._stream, "_event_generator", None)
        parse = getattr(self._stream, "_parse_event", None)
        if (
            raw is None or parse is None
        ):  # an aiobotocore without them: its own iterator
            async for event in self._stream:
                yield event
            return
        async for message in raw:
            parsed = await parse(message)
            if parsed:
                yield parsed
            else:  # an event type the model does not know
                yield unknown_event(message)

    def close(self) -> None:
        """Stop reading: close the connection the events come on."""
        self._stream.close()

    async def __aenter__(self) -> AsyncEventStream[EventT]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self.close()


def events_of(
    stream: typing.Any,
    convert: typing.Callable[[typing.Mapping[str, typing.Any]], EventT],
    package: str,
) -> EventStream[EventT] | AsyncEventStream[EventT]:
    """botocore's event stream as an ``EventStream``, aiobotocore's (iterated with
    ``async for``) as an ``AsyncEventStream``."""
    if hasattr(type(stream), "__aiter__"):
        return AsyncEventStream(stream, convert, package)
    return EventStream(stream, convert, package)


def async_body(body: StreamingBody | AsyncStreamingBody | None) -> AsyncStreamingBody:
    """A streamed member of a response of the asynchronous client, typed as what it is.

    The response classes are shared by both clients and typed for the synchronous one
    (``StreamingBody``); the asynchronous client's responses hold aiobotocore's body there.
    ``async with async_body(response.body) as body: data = await body.read()``.
    """
    if body is None or isinstance(body, EventStream) or not hasattr(body, "__aenter__"):
        raise TypeError(f"not a body of the asynchronous client: {type(body).__name__}")
    return typing.cast(AsyncStreamingBody, body)


def async_events(
    stream: EventStream[EventT] | AsyncEventStream[EventT] | None,
) -> AsyncEventStream[EventT]:
    """An event stream of a response of the asynchronous client, typed as what it is
    (``async for event in async_events(response.payload)``); see ``async_body``."""
    if not isinstance(stream, AsyncEventStream):
        raise TypeError(
            f"not an event stream of the asynchronous client: {type(stream).__name__}"
        )
    return stream
