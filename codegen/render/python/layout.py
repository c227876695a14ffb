"""Annotated names (parameters and fields) laid out as black lays them out, so black leaves
the generated line alone.

black formats a piece a second time whenever its first pass changed it, so a long annotation
the template left on one line costs a whole second pass (the typed Stubber has thousands, the
models hundreds). ``annotated`` writes what black would (``tests/test_layout.py`` holds it to
black over generated annotations of every shape and length).
"""

from __future__ import annotations

from codegen.render.escaping import Source, code, identifier
from codegen.style import LINE_LENGTH


def _top_level_union(annotation: str) -> list[str]:
    """The alternatives of ``annotation`` split at ``|`` outside brackets (one when none)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(annotation):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(annotation[start:index].strip())
            start = index + 1
    return [*parts, annotation[start:].strip()]


def annotated(indent: int, name: str, annotation: str, rest: str = ",") -> Source:
    """``name: annotation`` and ``rest`` for a line indented ``indent`` spaces (the caller
    writes the first line's indentation): a parameter (``rest`` ``,`` or `` = None,``) or a
    field (``rest`` empty, `` = None``, or another default).

    Too long for one line, in black's layout:
    - a field whose line up to its default fits: the default split off (`` = (`` ... ``)``);
    - a union: in parentheses, on one line or one alternative a line;
    - a subscript: split at its outer brackets.
    Anything else (or a line that would still be too long) is left to black, which may then
    take a second pass. ruff keeps the parenthesized union when given it, where it would
    split at the ``|`` itself, so both formatters agree on it.
    """
    line = f"{identifier(name)}: {annotation}{rest}"
    if indent + len(line) <= LINE_LENGTH:
        return code(line)
    pad, inner = " " * indent, " " * (indent + 4)
    head = f"{identifier(name)}: {annotation} = ("
    if rest == " = None" and indent + len(head) <= LINE_LENGTH:
        # A statement, not a parameter: black splits its right-hand side first.
        return code(f"{head}\n{inner}None\n{pad})")
    alternatives = _top_level_union(annotation)
    if len(alternatives) > 1 and rest in _SIMPLE_RESTS:
        if len(inner) + len(annotation) <= LINE_LENGTH:
            return code(f"{identifier(name)}: (\n{inner}{annotation}\n{pad}){rest}")
        lines = [f"{inner}{'| ' if i else ''}{alternative}" for i, alternative in enumerate(alternatives)]
        if max(map(len, lines)) <= LINE_LENGTH:
            body = "\n".join(lines)
            return code(f"{identifier(name)}: (\n{body}\n{pad}){rest}")
    elif annotation.endswith("]") and "[" in annotation and rest in ("", ","):
        first, _, subscript = annotation.partition("[")
        if len(inner) + len(subscript) - 1 <= LINE_LENGTH:
            return code(f"{identifier(name)}: {first}[\n{inner}{subscript[:-1]}\n{pad}]{rest}")
    return code(line)  # black's own business; it may take a second pass


# What may follow a parenthesized annotation: black lays out longer defaults otherwise.
_SIMPLE_RESTS = ("", ",", " = None", " = None,")


def bases(indent: int, prefix: str, base: str) -> Source:
    """``base`` inside the parentheses of ``class Name(...):`` (``prefix`` is ``class Name``),
    split onto its own line when the line is too long, as black does."""
    if indent + len(f"{prefix}({base}):") <= LINE_LENGTH:
        return code(base)
    pad = " " * indent
    return code(f"\n{pad}    {base}\n{pad}")
