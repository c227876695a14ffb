"""Stable JSON text is exactly what ``json.dumps(data, indent=2, ensure_ascii=False)`` writes,
plus one newline, for every kind of data (``codegen.jsonio`` writes the common kinds itself)."""

from __future__ import annotations

import enum
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.jsonio import dumps_stable

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_KEYS = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.lists(inner, max_size=4).map(tuple)
    | st.dictionaries(st.text(), inner, max_size=4)
    | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=30,
)


def _standard(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@settings(max_examples=400, deadline=None)
@given(_VALUES)
def test_any_json_data_gives_the_standard_librarys_text(data: object) -> None:
    assert dumps_stable(data) == _standard(data)


class _Colour(enum.IntEnum):
    RED = 1


class _Name(str):
    pass


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({"a": [], "b": {}, "c": [{}], "d": ""}, id="empty-containers"),
        pytest.param({"é": "\u2028 \x00 \ud800 \"quoted\" \\"}, id="escapes-and-non-ascii"),
        pytest.param([float("nan"), float("inf"), -float("inf"), -0.0, 1e300, 10**40], id="numbers"),
        pytest.param({1: "int key", None: "none key", True: "bool key"}, id="non-str-keys"),
        pytest.param([_Colour.RED, _Name("subclassed")], id="subclasses"),
    ],
)
def test_edge_cases_give_the_standard_librarys_text(data: object) -> None:
    assert dumps_stable(data) == _standard(data)


def test_what_json_refuses_is_refused_the_same_way() -> None:
    looped: list[object] = []
    looped.append(looped)
    for bad in (looped, {"a": {1, 2}}, {(1, 2): "tuple key"}):
        with pytest.raises((ValueError, TypeError)) as ours:
            dumps_stable(bad)
        with pytest.raises(type(ours.value)) as theirs:
            _standard(bad)
        assert str(ours.value) == str(theirs.value)
