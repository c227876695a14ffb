"""Typed waiters on botocore's own waiter.

botocore's ``Waiter`` does the waiting: it calls the operation, runs the acceptors of
``waiters-2.json`` (JMESPath paths, HTTP statuses, error codes) on each response and sleeps
between attempts. What it does not do is written here: its ``wait`` returns nothing
(boto/botocore#2913), so it is given an operation method that remembers the last response,
which is returned typed; its failures become the package's typed ``WaiterError`` subclasses,
carrying that response typed (or the error, as the package's class for it) and the reason.

The waiters are those of the model the package was generated from (its ``data/``), whatever
model the botocore client was made with, so they agree with the typed signatures.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import functools
import typing

import botocore
import botocore.exceptions
import botocore.loaders
import botocore.waiter

from .responses import parse_response
from .session import DATA_DIR

ResponseT = typing.TypeVar("ResponseT")


class WaiterError(botocore.exceptions.WaiterError, typing.Generic[ResponseT]):  # type: ignore[misc, unused-ignore]
    """A waiter reached a failure state, met an error no acceptor expects, or ran out of
    attempts (botocore's ``WaiterError``, so ``except botocore.exceptions.WaiterError``
    catches it too).

    ``reason`` is botocore's explanation; ``response`` the last attempt's typed response, or
    None when the last attempt was an error: ``error`` is then that error, as the package's
    class for it when the model has one (else a ``ClientError``). ``last_response`` is
    botocore's parsed form of either; ``attempts`` counts the calls made.
    """

    def __init__(
        self,
        name: str,
        reason: str,
        last_response: typing.Mapping[str, typing.Any],
        *,
        response: ResponseT | None,
        error: botocore.exceptions.ClientError | None,
        attempts: int,
    ) -> None:
        # botocore-stubs types ``last_response`` as an error's; botocore passes a success's too.
        parsed: typing.Any = last_response
        super().__init__(name=name, reason=reason, last_response=parsed)
        self.waiter_name = name
        self.reason = reason
        self.response = response
        self.error = error
        self.attempts = attempts


class _Attempts:
    """The operation method botocore's ``Waiter`` calls: botocore's own normalization (a
    ``ClientError`` becomes its parsed error response), remembering the last response.
    """

    def __init__(self, method: typing.Callable[..., typing.Any]) -> None:
        self._method = botocore.waiter.NormalizedOperationMethod(method)
        self.count = 0
        self.last: typing.Mapping[str, typing.Any] = {}

    def __call__(self, **params: typing.Any) -> typing.Any:
        self.last = self._method(**params)
        self.count += 1
        return self.last


def _is_error(response: typing.Mapping[str, typing.Any]) -> bool:
    """Whether a response is an error (botocore's own test, ``is_valid_waiter_error``)."""
    return bool(botocore.waiter.is_valid_waiter_error(response))


class WaiterTable:
    """The package's waiters (its ``waiters-2.json`` as botocore's ``WaiterModel``) and what
    turns their responses into typed values."""

    def __init__(
        self,
        service_name: str,
        api_version: str,
        errors: typing.Mapping[str, type[botocore.exceptions.ClientError]],
    ) -> None:
        self._service_name = service_name
        self._api_version = api_version
        self._errors = errors

    @functools.cached_property
    def model(self) -> botocore.waiter.WaiterModel:
        loader = botocore.loaders.Loader(
            extra_search_paths=[str(DATA_DIR)], include_default_search_paths=False
        )
        config = loader.load_service_model(
            self._service_name, "waiters-2", self._api_version
        )
        return botocore.waiter.WaiterModel(config)

    def prepare(
        self, waiter_name: str, delay: float | None, max_attempts: int | None
    ) -> tuple[botocore.waiter.SingleWaiterConfig, dict[str, typing.Any]]:
        """The waiter's model and its ``WaiterConfig`` for one wait (``delay`` and
        ``max_attempts`` checked); shared by the synchronous and asynchronous waiters.
        """
        config = self.model.get_waiter(waiter_name)
        waiter_config: dict[str, typing.Any] = {}
        if delay is not None:
            if delay < 0:
                raise ValueError(f"delay must be 0 or more seconds, not {delay!r}")
            waiter_config["Delay"] = delay
        if max_attempts is not None:
            if max_attempts < 1:
                raise ValueError(
                    f"max_attempts must be 1 or more, not {max_attempts!r}"
                )
            waiter_config["MaxAttempts"] = max_attempts
        return config, waiter_config

    def failed(
        self,
        botocore_client: typing.Any,
        waiter_name: str,
        operation_name: str,
        problem: botocore.exceptions.WaiterError,
        last: typing.Mapping[str, typing.Any],
        attempts: int,
        convert: typing.Callable[[typing.Mapping[str, typing.Any]], ResponseT],
        failure: type[WaiterError[ResponseT]],
    ) -> WaiterError[ResponseT]:
        """botocore's ``problem`` as the waiter's typed error, carrying the last response
        typed (or the error, as the package's class for it)."""
        error, response = None, None
        if _is_error(last):
            modeled = self._errors.get(last["Error"]["Code"])
            error = (modeled or botocore.exceptions.ClientError)(
                typing.cast(typing.Any, last), operation_name
            )
        else:
            response = parse_response(convert, last, botocore_client, operation_name)
        return failure(
            waiter_name,
            str(problem.kwargs["reason"]),
            last,
            response=response,
            error=error,
            attempts=attempts,
        )

    def result(
        self,
        botocore_client: typing.Any,
        operation_name: str,
        last: typing.Mapping[str, typing.Any],
        convert: typing.Callable[[typing.Mapping[str, typing.Any]], ResponseT],
    ) -> ResponseT | None:
        """The last response of a wait that succeeded, typed; None when it was an error."""
        if _is_error(last):
            return None
        return parse_response(convert, last, botocore_client, operation_name)

    def wait(
        self,
        botocore_client: typing.Any,
        waiter_name: str,
        params: dict[str, typing.Any],
        delay: float | None,
        max_attempts: int | None,
        convert: typing.Callable[[typing.Mapping[str, typing.Any]], ResponseT],
        failure: type[WaiterError[ResponseT]],
    ) -> ResponseT | None:
        """Wait with botocore's ``Waiter``; the last response typed, or None when the waiter
        succeeded on an error (``TableNotExists``). A failure raises ``failure``."""
        config, waiter_config = self.prepare(waiter_name, delay, max_attempts)
        # As botocore's ``create_waiter_with_client`` does, around a method that remembers.
        method = getattr(botocore_client, botocore.xform_name(config.operation))
        attempts = _Attempts(method)
        # botocore-stubs wants a mapping; botocore's Waiter takes its own SingleWaiterConfig.
        single: typing.Any = config
        waiter = botocore.waiter.Waiter(waiter_name, single, attempts)
        try:
            waiter.wait(**params, WaiterConfig=waiter_config)
        except botocore.exceptions.WaiterError as problem:
            raise self.failed(
                botocore_client,
                waiter_name,
                config.operation,
                problem,
                attempts.last,
                attempts.count,
                convert,
                failure,
            ) from None
        return self.result(botocore_client, config.operation, attempts.last, convert)

    def wait_for_response(
        self,
        botocore_client: typing.Any,
        waiter_name: str,
        params: dict[str, typing.Any],
        delay: float | None,
        max_attempts: int | None,
        convert: typing.Callable[[typing.Mapping[str, typing.Any]], ResponseT],
        failure: type[WaiterError[ResponseT]],
    ) -> ResponseT:
        """``wait`` for a waiter whose every success acceptor matches a response, not an
        error: it always ends on a response."""
        response = self.wait(
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
