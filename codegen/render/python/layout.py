"""Parameters laid out as black lays them out, so black leaves the generated line alone.

black formats a piece a second time whenever its first pass changed it, so a long annotation
the template left on one line costs a whole second pass (the typed Stubber has thousands).
``parameter`` writes what black would: the line as it is when it fits; a long union in
parentheses, on one line or one alternative a line; a long subscript split at its outer
brackets.
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


def parameter(indent: int, name: str, annotation: str, rest: str = ",") -> Source:
    """``name: annotation`` and ``rest`` (``,``, `` = None,``) for a line indented ``indent``
    spaces (the caller writes the first line's indentation)."""
    line = f"{identifier(name)}: {annotation}{rest}"
    if indent + len(line) <= LINE_LENGTH:
        return code(line)
    pad, inner = " " * indent, " " * (indent + 4)
    alternatives = _top_level_union(annotation)
    if len(alternatives) > 1 and rest in (",", " = None,"):
        if len(inner) + len(annotation) <= LINE_LENGTH:
            return code(f"{name}: (\n{inner}{annotation}\n{pad}){rest}")
        body = f"\n{inner}| ".join(alternatives)
        return code(f"{name}: (\n{inner}{body}\n{pad}){rest}")
    if annotation.endswith("]") and "[" in annotation and rest == ",":
        head, _, subscript = annotation.partition("[")
        return code(f"{name}: {head}[\n{inner}{subscript[:-1]}\n{pad}]{rest}")
    return code(line)  # black's own business; it may take a second pass


def bases(indent: int, prefix: str, base: str) -> Source:
    """``base`` inside the parentheses of ``class Name(...):`` (``prefix`` is ``class Name``),
    split onto its own line when the line is too long, as black does."""
    if indent + len(f"{prefix}({base}):") <= LINE_LENGTH:
        return code(base)
    pad = " " * indent
    return code(f"\n{pad}    {base}\n{pad}")
