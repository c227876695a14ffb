"""Whether a changed ``pattern`` constraint provably accepts fewer strings, more, or neither.

The change report (``codegen.changes``) calls a pattern change "tightened" or "relaxed" only
when this module proves it, and "changed" otherwise. Deciding inclusion of two regular
expressions in general needs automata over the whole syntax; the libraries that build them
(greenery, interegular) cover a subset of Python's syntax and none of the Java-flavoured one
(``\\p{L}``, possessive quantifiers) the service models use, so they would not decide more of
the real cases than this does. Written by hand, then, and deliberately narrow: both patterns are
parsed with Python's own parser (``re._parser``) and must have the same structure, differing
only in repetition bounds (``{1,64}`` -> ``{1,128}``) and in character classes one of which
holds the other (``[a-z]`` -> ``[a-z0-9]``), every difference in the same direction. Anything
else, a pattern Python cannot parse included, is "unknown".
"""

from __future__ import annotations

import sys
from typing import Any, Literal

if sys.version_info >= (3, 11):
    from re import _constants as constants, _parser as parser
else:  # pragma: no cover - Python 3.10
    import sre_constants as constants
    import sre_parse as parser

Order = Literal["same", "tighter", "looser", "unknown"]


def compare(old: str, new: str) -> Order:
    """How the strings ``new`` accepts relate to those ``old`` accepts."""
    if old == new:
        return "same"
    try:
        before, after = parser.parse(old), parser.parse(new)
    except (constants.error, RecursionError, OverflowError, ValueError):
        return "unknown"
    if before.state.flags != after.state.flags:
        return "unknown"  # (?s), (?i) ...: the same items mean other strings
    if before.state.flags & constants.SRE_FLAG_IGNORECASE:
        return "unknown"  # character sets would have to be compared case-folded
    return _sequence(list(before), list(after))


def _join(a: Order, b: Order) -> Order:
    if a == "same":
        return b
    if b == "same" or a == b:
        return a
    return "unknown"


def _sequence(old: list[Any], new: list[Any]) -> Order:
    if len(old) != len(new):
        return "unknown"
    order: Order = "same"
    for left, right in zip(old, new):
        order = _join(order, _item(left, right))
        if order == "unknown":
            break
    return order


def _item(old: tuple[Any, Any], new: tuple[Any, Any]) -> Order:
    (old_op, old_av), (new_op, new_av) = old, new
    if old == new:
        return "same"
    if old_op in _SETS and new_op in _SETS:
        return _charset(old, new)
    if old_op != new_op:
        return "unknown"
    if old_op in (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)):
        (old_lo, old_hi, old_sub), (new_lo, new_hi, new_sub) = old_av, new_av
        bounds: Order = "same"
        if (old_lo, old_hi) != (new_lo, new_hi):
            if new_lo >= old_lo and new_hi <= old_hi:
                bounds = "tighter"
            elif new_lo <= old_lo and new_hi >= old_hi:
                bounds = "looser"
            else:
                return "unknown"
        return _join(bounds, _sequence(list(old_sub), list(new_sub)))
    if old_op == constants.SUBPATTERN:
        if old_av[:3] != new_av[:3]:
            return "unknown"
        return _sequence(list(old_av[3]), list(new_av[3]))
    if old_op == constants.BRANCH:
        old_alternatives, new_alternatives = old_av[1], new_av[1]
        if len(old_alternatives) != len(new_alternatives):
            return "unknown"
        order: Order = "same"
        for left, right in zip(old_alternatives, new_alternatives):
            order = _join(order, _sequence(list(left), list(right)))
        return order
    return "unknown"


_SETS = (constants.LITERAL, constants.IN, constants.ANY)


def _charset(old: tuple[Any, Any], new: tuple[Any, Any]) -> Order:
    """Two single-character matchers (a literal, a class, ``.``), as sets of characters."""
    before, after = _ranges(old), _ranges(new)
    if before is None or after is None:
        return "unknown"
    if before == after:
        return "same"
    if _within(after, before):
        return "tighter"
    if _within(before, after):
        return "looser"
    return "unknown"


# ``.`` without DOTALL: every character but a newline (with DOTALL the flags differ or both
# patterns have it, and the comparison stays sound, only less complete).
_ANY = ((0, 9), (11, sys.maxunicode))


def _ranges(item: tuple[Any, Any]) -> tuple[tuple[int, int], ...] | None:
    """The characters a matcher accepts, as sorted ranges; None for what this cannot tell
    (a negated class, a category such as ``\\d``). ``.`` counts as every character but a
    newline: whether it matches one is the same on both sides (the flags are compared first)."""
    op, av = item
    if op == constants.LITERAL:
        return ((av, av),)
    if op == constants.ANY:
        return _ANY
    ranges = []
    for part_op, part_av in av:
        if part_op == constants.LITERAL:
            ranges.append((part_av, part_av))
        elif part_op == constants.RANGE:
            ranges.append(part_av)
        else:
            return None
    return _merged(ranges)


def _merged(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return tuple(merged)


def _within(inner: tuple[tuple[int, int], ...], outer: tuple[tuple[int, int], ...]) -> bool:
    return all(any(lo >= o_lo and hi <= o_hi for o_lo, o_hi in outer) for lo, hi in inner)
