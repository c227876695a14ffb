"""Pattern changes are "tightened" or "relaxed" only when provable, "changed" otherwise."""

from __future__ import annotations

import pytest

from codegen.patterns import compare


@pytest.mark.parametrize(
    ("old", "new", "order"),
    [
        ("^[a-z]+$", "^[a-z]+$", "same"),
        ("^[a-z]{1,64}$", "^[a-z]{1,128}$", "looser"),  # a bound raised
        ("^[a-z]{1,128}$", "^[a-z]{1,64}$", "tighter"),
        ("^[a-z0-9]+$", "^[a-z]+$", "tighter"),  # a class narrowed
        ("^[a-z]+$", "^[a-z0-9-]+$", "looser"),
        (".*", "[a-z]*", "tighter"),  # a class within "."
        ("^[a-z]x$", "^ax$", "tighter"),  # a literal within a class
        ("^[a-z]{1,64}$", "^[a-z0-9]{1,32}$", "unknown"),  # wider class, lower bound: neither
        ("^[a-z]+$", "[a-z]+", "unknown"),  # an anchor dropped: structure differs
        ("^\\p{L}+$", "^\\p{L}*$", "unknown"),  # Java syntax Python cannot parse
        ("[a-z]", "[0-9]", "unknown"),  # disjoint
        ("(?i)[a-z]+", "(?i)[a-z]*", "unknown"),  # case-folded classes are not compared
        ("[^a]", "[^ab]", "unknown"),  # negated classes are not compared
        (".", "[\\n]", "unknown"),  # "." has no newline
        ("a|b|cd", "a|b|c", "unknown"),
        ("(ab){2,3}", "(ab){2,4}", "looser"),
    ],
)
def test_compare(old: str, new: str, order: str) -> None:
    assert compare(old, new) == order
