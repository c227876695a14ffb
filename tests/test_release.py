"""Versions of the generated distribution: parsing, bumping by the kinds of change, the floor."""

from __future__ import annotations

import pytest

from codegen.errors import CodegenError
from codegen.release import BumpPolicy, bump, classifiers, effective_version, parse, release_date, Metadata


@pytest.mark.parametrize(
    ("version", "part", "expected"),
    [
        ("0.3.1", "major", "1.0.0"),
        ("0.3.1", "minor", "0.4.0"),
        ("0.3.1", "patch", "0.3.2"),
        ("0.3.1", "none", "0.3.1"),
        ("2", "minor", "2.1.0"),  # a short release number is read as 2.0.0
        ("1.9.9", "minor", "1.10.0"),
    ],
)
def test_bump(version: str, part: str, expected: str) -> None:
    assert bump(version, part) == expected  # type: ignore[arg-type]


def test_the_largest_part_wins_and_breaking_is_minor_below_1() -> None:
    policy = BumpPolicy()
    assert policy.part({"docs-only"}, "1.0.0") == "patch"
    assert policy.part({"docs-only", "additive"}, "1.0.0") == "minor"
    assert policy.part({"docs-only", "additive", "breaking"}, "1.0.0") == "major"
    assert policy.part({"breaking"}, "0.9.0") == "minor"
    assert policy.part(set(), "1.0.0") == "none"
    strict = BumpPolicy(breaking_before_1="major")
    assert strict.part({"breaking"}, "0.9.0") == "major"


def test_the_floor_is_taken_only_when_higher() -> None:
    assert effective_version(None, "0.1.0") == "0.1.0"
    assert effective_version("0.4.0", "0.1.0") == "0.4.0"
    assert effective_version("0.4.0", "1.0.0") == "1.0.0"
    assert effective_version("0.10.0", "0.9.0") == "0.10.0"  # compared as versions, not text


@pytest.mark.parametrize("bad", ["", "one", "1.0.0rc1", "1.0.0.post1", "1.0+local", "1!2.0"])
def test_only_plain_release_numbers(bad: str) -> None:
    with pytest.raises(CodegenError, match="where"):
        parse(bad, "where")


def test_release_date_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert release_date() == "1970-01-01"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(CodegenError, match="SOURCE_DATE_EPOCH"):
        release_date()


def test_classifiers_are_the_standard_ones_and_the_configured_ones_sorted() -> None:
    listed = classifiers(Metadata(classifiers=("Framework :: AWS CDK", "Typing :: Typed")))
    assert list(listed) == sorted(set(listed))
    assert "Programming Language :: Python :: 3.10" in listed and "Framework :: AWS CDK" in listed
