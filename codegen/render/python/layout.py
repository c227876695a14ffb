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


def _scan(expression: str) -> tuple[dict[str, list[int]], int | None]:
    """Where ``expression``'s ``|`` and ``,`` outside brackets are, and where the bracket
    that closes at its end opens (None when it does not end with one). String literals
    (``typing.Literal["a, b"]``) are skipped."""
    delimiters: dict[str, list[int]] = {"|": [], ",": []}
    depth, index, opened, last_open = 0, 0, [], None
    while index < len(expression):
        char = expression[index]
        if char in "\"'":
            index += 1
            while index < len(expression) and expression[index] != char:
                index += 2 if expression[index] == "\\" else 1
        elif char in "[(":
            opened.append(index)
            depth += 1
        elif char in "])":
            last_open = opened.pop() if opened else None
            depth -= 1
        elif char in delimiters and depth == 0:
            delimiters[char].append(index)
        index += 1
    return delimiters, last_open if expression.endswith(("]", ")")) and depth == 0 else None


def _top_level(expression: str, delimiter: str) -> list[str]:
    """The parts of ``expression`` split at ``delimiter`` (``|`` or ``,``) outside brackets
    and strings (one part when there is none)."""
    parts, start = [], 0
    for index in _scan(expression)[0][delimiter]:
        parts.append(expression[start:index].strip())
        start = index + 1
    return [*parts, expression[start:].strip()]


def _top_level_union(annotation: str) -> list[str]:
    """The alternatives of ``annotation`` split at ``|`` outside brackets (one when none)."""
    return _top_level(annotation, "|")


def _inside(expression: str, indent: int, lead: str = "", trail: str = "") -> list[str] | None:
    """The lines black makes of ``lead + expression + trail`` inside brackets, indented
    ``indent``: the line as it is when it fits; else split at its commas (a trailing comma
    added) or, when it has none, at its ``|`` (a line that starts with ``|`` has no
    delimiter of its own there), each part split again the same way; else split at the
    brackets it ends with. None when black would do something else (a line that still does
    not fit)."""
    pad = " " * indent
    if indent + len(lead) + len(expression) + len(trail) <= LINE_LENGTH:
        return [f"{pad}{lead}{expression}{trail}"]
    elements = _top_level(expression, ",")
    if len(elements) > 1:
        if lead or trail:
            return None
        return _joined([_inside(element, indent, "", ",") for element in elements])
    alternatives = _top_level(expression, "|")
    if len(alternatives) > 1 and not lead:
        last = len(alternatives) - 1
        return _joined(
            [
                _inside(alternative, indent, "| " if i else "", trail if i == last else "")
                for i, alternative in enumerate(alternatives)
            ]
        )
    opening = _scan(expression)[1]
    if opening is not None and expression.endswith("]"):
        head = f"{pad}{lead}{expression[: opening + 1]}"
        body = _inside(expression[opening + 1 : -1], indent + 4)
        if len(head) > LINE_LENGTH or body is None:
            return None
        return [head, *body, f"{pad}]{trail}"]
    return None


def _joined(parts: list[list[str] | None]) -> list[str] | None:
    lines: list[str] = []
    for part in parts:
        if part is None:
            return None
        lines += part
    return lines


def annotated(indent: int, name: str, annotation: str, rest: str = ",") -> Source:
    """``name: annotation`` and ``rest`` for a line indented ``indent`` spaces (the caller
    writes the first line's indentation): a parameter (``rest`` ``,`` or `` = None,``) or a
    field (``rest`` empty, `` = None``, or another default).

    Too long for one line, in black's layout:
    - a field whose line up to its default fits: the default split off (`` = (`` ... ``)``);
    - a union: in parentheses, on one line or one alternative a line;
    - a subscript: split at its outer brackets;
    - and a line inside brackets that is still too long split again as black splits it
      (``_inside``): at its commas, else at its ``|``, else at the brackets it ends with.
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
        lines = _inside(annotation, indent + 4)
        if lines is not None:
            body = "\n".join(lines)
            return code(f"{identifier(name)}: (\n{body}\n{pad}){rest}")
    elif (opening := _scan(annotation)[1]) is not None and annotation.endswith("]") and rest in ("", ","):
        lines = _inside(annotation[opening + 1 : -1], indent + 4)
        if lines is not None:
            body = "\n".join(lines)
            return code(f"{identifier(name)}: {annotation[: opening + 1]}\n{body}\n{pad}]{rest}")
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
