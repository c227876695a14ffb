"""What a release of a generated distribution is called and says about itself: its version,
how a model update moves that version, and its metadata.

The version a package is generated with lives in the spec directory's manifest
(``"package_version"``), next to the model it describes: ``codegen sync`` and ``codegen update``
re-pin the model and move the version by what changed (``bump``), and ``codegen generate`` only
reads it, so the same ``specs/`` always gives the same bytes. ``[tool.codegen] version`` is a
floor: the first release's version, or a jump (to ``1.0.0``, say) the next generation takes.

Versions are PEP 440 release numbers (``1.2.3``, ``0.4``), compared and parsed with
``packaging``; a pre-release or local suffix is refused, because a bump of one has no single
obvious answer.
"""

from __future__ import annotations

import datetime
import os
from typing import Iterable, Literal, Mapping

import attrs
from packaging.version import InvalidVersion, Version

from codegen.errors import CodegenError

Part = Literal["major", "minor", "patch", "none"]
PARTS: tuple[Part, ...] = ("major", "minor", "patch", "none")
# The change kinds of ``codegen.changes`` (kept here as names, so this module imports nothing
# of the comparison), in the order of how much they move a version by default.
CHANGE_KINDS = ("breaking", "additive", "constraint-tightened", "constraint-changed", "docs-only")
DEFAULT_VERSION = "0.1.0"


@attrs.frozen
class BumpPolicy:
    """Which part of the version each kind of change moves (``[tool.codegen.version-bumps]``).

    Semantic versioning's defaults: a breaking change is a major release, an addition a minor
    one, documentation a patch; a constraint the service enforces differently (a length, a
    pattern) breaks no code that type-checks, but may change what the service accepts, so it is
    a minor release. Below 1.0 a breaking change moves the minor part (``breaking-before-1``),
    as semantic versioning's "anything may change" initial phase expects.
    """

    parts: Mapping[str, Part] = attrs.field(
        factory=lambda: {
            "breaking": "major",
            "additive": "minor",
            "constraint-tightened": "minor",
            "constraint-changed": "minor",
            "docs-only": "patch",
        }
    )
    breaking_before_1: Part = "minor"

    def part(self, kinds: Iterable[str], version: str) -> Part:
        """The largest part the kinds of change present move ``version`` by."""
        moved: list[Part] = []
        below_1 = parse(version, "version").major == 0
        for kind in set(kinds):
            part = self.parts.get(kind, "patch")
            if kind == "breaking" and below_1:
                part = self.breaking_before_1
            moved.append(part)
        return min(moved, key=PARTS.index, default="none")


def parse(version: str, where: str) -> Version:
    """A release number, or ``CodegenError`` naming ``where``."""
    try:
        parsed = Version(version)
    except InvalidVersion:
        raise CodegenError(where, f"{version!r} is not a version number (like 1.2.3)") from None
    if parsed.pre or parsed.post or parsed.dev or parsed.local or parsed.epoch:
        raise CodegenError(where, f"{version!r}: only plain release numbers (like 1.2.3) are supported")
    return parsed


def bump(version: str, part: Part) -> str:
    """``version`` moved by ``part``: ``0.3.1`` -> minor -> ``0.4.0``."""
    release = list(parse(version, "version").release) + [0, 0]
    major, minor, patch = release[:3]
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    if part == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return version


def effective_version(recorded: str | None, floor: str) -> str:
    """The version to generate with: the one the manifest records, unless the configured floor
    is higher (or nothing is recorded yet)."""
    if recorded is None:
        return floor
    return recorded if parse(recorded, "manifest.json: package_version") >= parse(floor, "version") else floor


@attrs.frozen
class Metadata:
    """What the generated distribution's ``pyproject.toml`` says besides its name and version.

    ``description`` None means one made from the service's name and the model's versions. The
    license defaults to the one botocore ships its model under, Apache-2.0: the generated
    package is that model's text rendered as code.
    """

    version: str = DEFAULT_VERSION  # the floor (see ``effective_version``)
    distribution: str | None = None  # None: the import name with ``-`` for ``_``
    description: str | None = None
    license: str = "Apache-2.0"
    urls: tuple[tuple[str, str], ...] = ()
    classifiers: tuple[str, ...] = ()  # besides the ones every package gets (``CLASSIFIERS``)
    bumps: BumpPolicy = BumpPolicy()


# The Python versions every generated package supports (and the generator runs on).
PYTHON_VERSIONS = ("3.10", "3.11", "3.12", "3.13")
REQUIRES_PYTHON = ">=3.10"
CLASSIFIERS = (
    "Intended Audience :: Developers",
    "Operating System :: OS Independent",
    "Programming Language :: Python :: 3",
    *(f"Programming Language :: Python :: {v}" for v in PYTHON_VERSIONS),
    "Programming Language :: Python :: 3 :: Only",
    "Typing :: Typed",
)


def classifiers(metadata: Metadata) -> tuple[str, ...]:
    """The distribution's classifiers: the standard ones and the configured ones, sorted."""
    return tuple(sorted(set(CLASSIFIERS) | set(metadata.classifiers)))


@attrs.frozen
class Release:
    """One generation's release: the version the package gets, the model it is made from and
    the configured metadata."""

    version: str
    botocore_version: str  # whose model the spec directory pinned ("unknown" if not recorded)
    metadata: Metadata = Metadata()

    @classmethod
    def of(cls, recorded_version: str | None, botocore_version: str | None, metadata: Metadata) -> Release:
        return cls(effective_version(recorded_version, metadata.version), botocore_version or "unknown", metadata)


def release_date() -> str:
    """Today's date (UTC) for a changelog entry, or the date of ``SOURCE_DATE_EPOCH`` when it is
    set (the reproducible-builds convention), so a release can be rebuilt to the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        try:
            moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise CodegenError("SOURCE_DATE_EPOCH", f"{epoch!r} is not a number of seconds since 1970") from None
    else:
        moment = datetime.datetime.now(datetime.timezone.utc)
    return moment.date().isoformat()
