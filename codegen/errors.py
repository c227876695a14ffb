"""The one error type the generator raises for bad input.

Every message names the place at fault (a JSON path, a file, an option), so the command line
can print it on one line and exit with status 2, having written nothing.
"""

from __future__ import annotations


class CodegenError(Exception):
    """Bad input to the generator: a spec, a configuration value or an option."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")

    def one_line(self) -> str:
        """The message with any newline folded, for a one-line report."""
        return " ".join(str(self).split("\n"))
