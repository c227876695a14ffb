"""``layout.annotated`` writes black's layout: a line that fits stays as it is, and whatever
else it writes, other than the one-line form it leaves to black, black leaves unchanged, for
parameters and fields of any length and shape."""

from __future__ import annotations

import keyword

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.format import black_mode
from codegen.render.python.layout import annotated

FIELD_RESTS = ("", " = None")
PARAMETER_RESTS = (",", " = None,")


def _module(text: str, rest: str) -> str:
    """``text`` as black sees it: a class field, or a keyword-only parameter of a method."""
    if rest in FIELD_RESTS:
        return f"class C:\n    {text}\n"
    return f"class C:\n    def f(\n        self,\n        *,\n        {text}\n    ) -> None:\n        pass\n"


def _indent(rest: str) -> int:
    return 4 if rest in FIELD_RESTS else 8


def _black_keeps(text: str, rest: str) -> bool:
    source = _module(text, rest)
    return black.format_str(source, mode=black_mode()) == source


# (A keyword is never a generated name: ``naming`` renames it, and ``identifier`` refuses it.)
names = st.from_regex(r"[a-z][a-z0-9_]{0,30}", fullmatch=True).filter(lambda name: not keyword.iskeyword(name))
classes = st.from_regex(r"[A-Z][A-Za-z0-9]{2,30}", fullmatch=True)


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, str, str]:
    """A name, an annotation and what follows, the line's length drawn around the limit (where
    the layouts change), by lengthening the annotation's first class name."""
    rest = draw(st.sampled_from(FIELD_RESTS + PARAMETER_RESTS))
    name = draw(names)
    alternatives = draw(st.lists(classes, min_size=1, max_size=3))
    wrapper = draw(
        st.sampled_from(
            [
                "{}",
                "list[{}]",
                "typing.Sequence[{}]",
                "typing.Mapping[str, {}]",
                "typing.Mapping[str, typing.Sequence[{}]]",
                'typing.Mapping[typing.Literal["a, b", "c | d"], {}]',
            ]
        )
    )
    tail = draw(st.sampled_from(["", " | None", " | _literals.Status | None"]))
    annotation = wrapper.format(" | ".join(alternatives)) + tail
    length = _indent(rest) + len(f"{name}: {annotation}{rest}")
    target = draw(st.integers(min_value=80, max_value=220))
    if target > length:
        alternatives[0] += "X" * (target - length)
    return name, wrapper.format(" | ".join(alternatives)) + tail, rest


@settings(max_examples=400, deadline=None)
@given(cases())
def test_what_annotated_writes_is_what_black_writes(case: tuple[str, str, str]) -> None:
    name, annotation, rest = case
    one_line = f"{name}: {annotation}{rest}"
    text = annotated(_indent(rest), name, annotation, rest)
    if _indent(rest) + len(one_line) <= 88:
        assert text == one_line
    elif text != one_line:  # not left to black
        assert _black_keeps(text, rest), text


@pytest.mark.parametrize(
    "name, annotation, rest, expected",
    [
        # A field whose line up to its default fits: the default is split off.
        (
            "capacity_reservation_config",
            "ProductionVariantCapacityReservationConfig | None",
            " = None",
            "capacity_reservation_config: ProductionVariantCapacityReservationConfig | None = (\n"
            "        None\n    )",
        ),
        # A parameter has no right-hand side to split: its union goes in parentheses.
        (
            "restricted_instance_groups",
            "list[ClusterRestrictedInstanceGroupSpecification] | None",
            " = None,",
            "restricted_instance_groups: (\n"
            "            list[ClusterRestrictedInstanceGroupSpecification] | None\n        ) = None,",
        ),
        # A union inside a subscript is split at the subscript's brackets.
        (
            "model_variant_actions",
            "typing.Mapping[str, ModelVariantAction | _literals.ModelVariantAction]",
            ",",
            "model_variant_actions: typing.Mapping[\n"
            "            str, ModelVariantAction | _literals.ModelVariantAction\n        ],",
        ),
        # Too long even a member a line: the member split again at its brackets, and what
        # they hold at its ``|``.
        (
            "accelerator_types",
            "typing.Sequence[NotebookInstanceAcceleratorType | _literals.NotebookInstanceAcceleratorType] | None",
            " = None,",
            "accelerator_types: (\n"
            "            typing.Sequence[\n"
            "                NotebookInstanceAcceleratorType\n"
            "                | _literals.NotebookInstanceAcceleratorType\n"
            "            ]\n"
            "            | None\n"
            "        ) = None,",
        ),
        # A mapping's key and value, each on a line of its own with a trailing comma.
        (
            "aggregation",
            "typing.Mapping[str, AggregationTransformationValue | _literals.AggregationTransformationValue] | None",
            " = None",
            "aggregation: (\n"
            "        typing.Mapping[\n"
            "            str,\n"
            "            AggregationTransformationValue | _literals.AggregationTransformationValue,\n"
            "        ]\n"
            "        | None\n"
            "    ) = None",
        ),
    ],
)
def test_long_annotations_of_whole_sagemaker(name: str, annotation: str, rest: str, expected: str) -> None:
    text = annotated(_indent(rest), name, annotation, rest)
    assert text == expected
    if "\n" in text:
        assert _black_keeps(text, rest)
