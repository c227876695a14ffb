"""Where the ``codegen`` script and ``python -m codegen`` start: before the command's modules
are imported, an interrupt ends the process at once, with the one line and the status an
interrupt during the command gives (``commands.main``), not an import's traceback.

Nothing has been written or forked then, so there is nothing to clean up; ``commands.console``
puts Python's own handler back before the command runs. An interrupt the shell had told this
process to ignore (a background job) stays ignored. Only the standard library is imported here.
"""

from __future__ import annotations

import os
import signal
from typing import Any, NoReturn

# ``commands.EXIT_INTERRUPTED``, what ``main`` returns for an interrupt (not imported from there:
# the import is what this guards; ``tests/test_forking.py`` holds the two equal)
EXIT_INTERRUPTED = 130


def _interrupted_while_starting(signum: int, frame: Any) -> None:
    os.write(2, b"codegen: interrupted\n")
    os._exit(EXIT_INTERRUPTED)


def hold_interrupts_while_starting() -> bool:
    """Until ``commands.console`` takes over, an interrupt ends the process with one line;
    False (nothing done) when interrupts are not Python's default (ignored, or handled)."""
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return False
    signal.signal(signal.SIGINT, _interrupted_while_starting)
    return True


def run() -> NoReturn:
    held = hold_interrupts_while_starting()
    from codegen.commands import console

    console(interruptible=held)
