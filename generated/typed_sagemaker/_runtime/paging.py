"""Typed pages over botocore's own paginator, refusing a token already sent in a listing.

The asynchronous client's pages (``aio.AsyncPageIterator``) share ``Pages`` and
``refuse_repeated_token`` with these.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import json
import typing

import botocore.exceptions
import botocore.paginate

from .calls import translated_errors

# botocore's page iterator, as checkers see it with or without botocore-stubs: the private
# methods overridden below are not in the stubs, so it is taken as untyped either way.
_BotocorePageIterator: typing.Any = botocore.paginate.PageIterator


class CycleSafePageIterator(_BotocorePageIterator):  # type: ignore[misc]
    """botocore's page iterator, refusing to send a token it already sent in this listing.

    botocore stops only when the same token comes back twice in a row; a service that cycles
    (A, B, A, ...) would be paged forever. Each walk of the pages starts a new listing.
    """

    _sent: set[str]

    def __iter__(self) -> typing.Iterator[typing.Any]:
        self._sent = set()
        yield from super().__iter__()

    def _make_request(self, current_kwargs: dict[str, typing.Any]) -> typing.Any:
        refuse_repeated_token(self._sent, self._input_token, current_kwargs)
        return super()._make_request(current_kwargs)


def refuse_repeated_token(
    sent: set[str],
    input_token: typing.Iterable[str],
    current_kwargs: typing.Mapping[str, typing.Any],
) -> None:
    """Record the tokens of the request about to be sent in a listing (``sent``); a
    ``PaginationError`` if they were sent already."""
    tokens = {key: current_kwargs.get(key) for key in input_token}
    if any(value is not None for value in tokens.values()):
        seen = json.dumps(tokens, sort_keys=True, default=str)
        if seen in sent:
            raise botocore.exceptions.PaginationError(
                message="The service returned a token it had already returned in this "
                f"listing, so paging would never end: {tokens}"
            )
        sent.add(seen)


def cycle_safe(paginator: typing.Any) -> typing.Any:
    """``paginator``, its listings refusing a token already sent (``CycleSafePageIterator``)."""
    paginator.PAGE_ITERATOR_CLS = CycleSafePageIterator
    return paginator


PageT = typing.TypeVar("PageT")
ItemT = typing.TypeVar("ItemT")


class Pages(typing.Generic[PageT, ItemT]):
    """What typed pages of either client hold: how to start botocore's (or aiobotocore's) page
    iterator, convert a page and find its items; and the latest walk's resume token."""

    def __init__(
        self,
        start: typing.Callable[[], typing.Any],
        parse_page: typing.Callable[[typing.Mapping[str, typing.Any]], PageT],
        items_of: typing.Callable[[PageT], typing.Iterable[ItemT]],
        errors: typing.Mapping[str, type[botocore.exceptions.ClientError]],
    ) -> None:
        self._start = start
        self._parse_page = parse_page
        self._items_of = items_of
        self._errors = errors
        self._latest: typing.Any = None  # botocore's page iterator of the latest walk

    def _pages(self) -> typing.Any:
        self._latest = self._start()
        return self._latest

    @property
    def resume_token(self) -> str | None:
        """The token to pass as ``starting_token`` to continue after ``max_items``."""
        if self._latest is None:
            return None
        return typing.cast("str | None", self._latest.resume_token)


class PageIterator(Pages[PageT, ItemT]):
    """Typed pages over botocore's own paginator (its tokens, limits and truncation).

    Every iteration starts a new botocore page iterator (botocore's own is single-pass), so
    the pages can be walked more than once; ``resume_token`` is that of the latest walk.
    """

    def __iter__(self) -> typing.Iterator[PageT]:
        """Each page as the operation's typed response."""
        pages = self._pages()
        with translated_errors(self._errors):
            for page in pages:
                yield self._parse_page(page)

    def items(self) -> typing.Iterator[ItemT]:
        """Every item of the result key, across pages (``max_items`` counts these)."""
        for page in self:
            yield from self._items_of(page)

    def build_full_result(self) -> PageT:
        """One response holding every item. When ``max_items`` cut the listing short,
        ``resume_token`` (and a ``next_token`` member, if the response has one) resumes it.
        """
        pages = self._pages()
        with translated_errors(self._errors):
            return self._parse_page(pages.build_full_result())


def pagination_config(
    max_items: int | None, page_size: int | None, starting_token: str | None
) -> dict[str, typing.Any]:
    config = {
        "MaxItems": max_items,
        "PageSize": page_size,
        "StartingToken": starting_token,
    }
    return {key: value for key, value in config.items() if value is not None}
