"""Progress of a long run on stderr: a line rewritten in place when stderr is a terminal,
nothing at all otherwise (CI logs get the one summary line the command prints at the end)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """``label: done/total unit, elapsed`` for a run of ``total`` steps."""

    # Redraw at most this often: writing to a terminal is not free either.
    _INTERVAL = 0.1

    def __init__(self, label: str, total: int, unit: str, stream: TextIO | None = None) -> None:
        self.label, self.total, self.unit = label, total, unit
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = total > 0 and _is_terminal(self.stream)
        self.done = 0
        self._started = self._drawn = time.monotonic()

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= self._INTERVAL or self.done >= self.total):
            self._drawn = now
            self._draw(now)

    def close(self) -> None:
        """Take the line away again, so the command's own output starts on a clean line."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def _draw(self, now: float) -> None:
        elapsed = now - self._started
        self.stream.write(
            f"\r\x1b[K{self.label}: {self.done}/{self.total} {self.unit}, {elapsed:.1f} s"
        )
        self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
