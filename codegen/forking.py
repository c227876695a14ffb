"""Worker processes forked from this one, sharing its memory.

A forked worker starts at once, with black and the generator already imported, and shares the
parent's pages until either process writes to them. CPython's garbage collector writes into
the header of every object it examines, so the first collections in a worker (and in the
parent, while the workers run) would copy the parent's heap page by page. ``shared_heap``
freezes the objects alive when the workers are forked out of every collection
(``gc.freeze``, which the workers inherit) until they are gone: a cold run of whole SageMaker
peaked at 298-300 MB of PSS for the process tree instead of 320-323 MB (two runs each,
interleaved), at the same time (docs/design-speed.md).

Why by hand: ``multiprocessing`` leaves the collector alone; this is the recipe of the ``gc``
module's documentation, nested uses leaving the thaw to the outermost (no state of our own:
``gc.get_freeze_count`` says whether a freeze is on).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.context
import signal
from typing import Any, Callable, Iterator, TypeVar


def fork_context() -> multiprocessing.context.BaseContext:
    """Workers forked from this process, where there is fork (deaf to Ctrl-C: see
    ``_QuietForkProcess``); else the platform's default."""
    if "fork" in multiprocessing.get_all_start_methods() and hasattr(signal, "pthread_sigmask"):
        return _QUIET_FORK
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


class _QuietForkProcess(multiprocessing.context.ForkProcess):
    """A forked worker that ignores Ctrl-C from its first instruction: the interrupt is the
    caller's to report, and the caller ends its workers. (Ignoring it only in the worker's
    own function left a window, its bootstrap, in which an interrupt printed the worker's
    traceback beside the caller's one line.) The caller holds the signal back while it forks,
    and gets it just after, so an interrupt then is not lost."""

    def start(self) -> None:
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            super().start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def run(self) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # (one pending is dropped)
        super().run()


class _QuietForkContext(multiprocessing.context.ForkContext):
    Process = _QuietForkProcess  # type: ignore[assignment]


_QUIET_FORK = _QuietForkContext()


@contextlib.contextmanager
def shared_heap() -> Iterator[None]:
    """While workers forked inside it run: the objects alive on entry stay out of the garbage
    collector, here and in the workers. (Objects made inside are collected as ever; those
    alive on entry are collected again after it, so nothing is kept for good.) Inside another
    freeze (an outer use, or the caller's own) it leaves the collector to that one."""
    if "fork" not in multiprocessing.get_all_start_methods() or gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


Result = TypeVar("Result")


@contextlib.contextmanager
def aside(work: Callable[[], Result]) -> Iterator[Callable[[], Result | None]]:
    """``work()`` in a forked process while the caller goes on: inside, the function given
    waits for its result and returns it, or None when it failed (the caller then does the
    work itself, and so reports its errors as ever). The process gets everything as it is
    at the fork and sends the result back pickled; leaving ends it, whatever it was doing.
    """
    context = fork_context()
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_send_result, args=(work, sending), daemon=True)  # type: ignore[attr-defined]
    process.start()
    sending.close()
    received: list[Result | None] = []

    def result() -> Result | None:
        if not received:
            try:
                outcome = receiving.recv()
            except (EOFError, OSError):
                outcome = None
            receiving.close()
            process.join()
            received.append(outcome[0] if isinstance(outcome, tuple) else None)
        return received[0]

    try:
        yield result
    finally:
        receiving.close()
        if process.is_alive():  # not waited for: its result is not wanted any more
            process.terminate()
        process.join()


def _send_result(work: Callable[[], Any], sending: Any) -> None:
    try:
        outcome: tuple[Any] | None = (work(),)
    except BaseException:  # the caller does the work again, and reports the error
        outcome = None
    try:
        sending.send(outcome)
    except Exception:  # the caller left (nobody waits for it), or it does not pickle
        pass
    finally:
        sending.close()
