"""The one error type the generator raises for bad input.

Every message names the place at fault (a JSON path, a file, an option), so the command line
can print it on one line and exit with status 2, having written nothing.
"""

from __future__ import annotations

import json
import re

# A name that reads unambiguously as one step of a dotted JSON path.
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")
# What must not reach a terminal as is: control characters (ESC, CR, NUL ...), the Unicode
# line and paragraph separators, and lone surrogates (which cannot even be encoded).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class CodegenError(Exception):
    """Bad input to the generator: a spec, a configuration value or an option."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[CodegenError], tuple[str, str]]:
        # So it crosses from a worker process with its two parts (``Exception`` pickles args).
        return (CodegenError, (self.where, self.problem))

    def one_line(self) -> str:
        """The message on one line, safe to print (see ``one_line``)."""
        return one_line(str(self))


def one_line(text: str) -> str:
    """``text`` on one line: newlines folded, other control characters escaped (a spec string
    must not move the cursor or clear the user's terminal)."""
    text = " ".join(text.split("\n"))
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


def key(name: object) -> str:
    """``name`` as one step of a JSON path: as is when plain (``Foo``), JSON-quoted otherwise
    (``"a.b"``, ``"\\n"``), so a path names exactly one place whatever the spec's keys are."""
    if isinstance(name, str) and _PLAIN_KEY.fullmatch(name):
        return name
    if isinstance(name, str):
        return json.dumps(name, ensure_ascii=False)
    return repr(name)


def json_path(*steps: object) -> str:
    """``shapes.Foo.members.Bar`` from ``("shapes", "Foo", "members", "Bar")``; an int step is
    a list index (``errors[2]``)."""
    text = ""
    for step in steps:
        if isinstance(step, int) and not isinstance(step, bool):
            text += f"[{step}]"
        else:
            text += ("." if text else "") + key(step)
    return text
