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
from typing import Iterator


def fork_context() -> multiprocessing.context.BaseContext:
    """Workers forked from this process, where there is fork; else the platform's default."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


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
