"""``codegen diff`` and ``codegen update``: report API changes between spec snapshots, and
re-pin ``specs/`` from botocore with the report, the regenerated package, a new package version
and a changelog entry (``codegen.commands.pinning``).

``update`` computes everything first (the new snapshot, the report, the generated tree) and
writes only when all of it succeeded; when botocore gives exactly the pinned files it writes
nothing at all, and with ``--fail-on`` matched it writes nothing either.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

import attrs

from codegen.changes import FORMATS, KINDS, Report, diff_snapshots, render
from codegen.commands.pinning import (
    CHANGELOG,
    EXIT_FAIL_ON,
    Labels,
    PinResult,
    Target,
    fail_on_kinds,
    repin,
)
from codegen.config import ProjectConfig, load_config
from codegen.errors import CodegenError
from codegen.release import release_date
from codegen.render.templates import load_overrides
from codegen.spec.source import ModelSource
from codegen.spec.store import Snapshot, read_snapshot

__all__ = ["CHANGELOG", "add_diff_arguments", "add_update_arguments", "run_diff", "run_update", "update_project"]


def add_fail_on(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--fail-on",
        action="append",
        metavar="KIND",
        help=f"exit {EXIT_FAIL_ON} {what} when the report has a change of this kind "
        f"({', '.join(KINDS)}, or any; repeatable, or comma-separated)",
    )


# --- codegen diff ------------------------------------------------------------------------------


def add_diff_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "old_spec_dir", type=Path, metavar="OLD_SPEC_DIR", help="the earlier spec directory"
    )
    parser.add_argument(
        "new_spec_dir", type=Path, metavar="NEW_SPEC_DIR", help="the later spec directory"
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="report format (default: text)"
    )
    add_fail_on(parser, "(for CI)")
    parser.add_argument(
        "--package", help="import name shown in the report (default: [tool.codegen], if any)"
    )


def run_diff(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Print the report from OLD_SPEC_DIR to NEW_SPEC_DIR; 3 if ``--fail-on`` matched, else 0."""
    out = out or sys.stdout
    fail_on = fail_on_kinds(args.fail_on)
    old = _read_spec_dir(args.old_spec_dir, "OLD_SPEC_DIR")
    new = _read_spec_dir(args.new_spec_dir, "NEW_SPEC_DIR")
    report = diff_snapshots(old, new, args.package or _configured_package())
    if args.format == "markdown":
        report = _dated(report)
    out.write(render(report, args.format))
    if any(report.of_kind(kind) for kind in fail_on):
        return EXIT_FAIL_ON
    return 0


def _dated(report: Report) -> Report:
    """A report for release notes carries the date in its heading."""
    return attrs.evolve(report, date=release_date())


def _read_spec_dir(path: Path, argument: str) -> Snapshot:
    if not path.is_dir():
        raise CodegenError(f"{argument} {path}", "not a directory")
    return read_snapshot(path)


def _configured_package() -> str | None:
    """The configured import name, when run inside a configured project (cosmetic only)."""
    try:
        return load_config().package
    except CodegenError:
        return None


# --- codegen update ----------------------------------------------------------------------------


def add_update_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--botocore-data",
        type=Path,
        help="a directory shaped like botocore's data/ (default: installed botocore)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace specs/ and generated/ without codegen's marker, if they hold only its files",
    )
    add_fail_on(parser, "and write nothing")


def run_update(args: argparse.Namespace, out: TextIO | None = None) -> int:
    config = load_config()
    fail_on = fail_on_kinds(args.fail_on)
    source = (
        ModelSource.data_directory(args.botocore_data)
        if args.botocore_data
        else ModelSource.installed()
    )
    return update_project(config, source, out=out, force=args.force, fail_on=fail_on).status


def project_target(config: ProjectConfig, *, regenerate: bool) -> Target:
    """Where a configured project's re-pin writes: ``specs/``, ``generated/`` (when
    ``regenerate``) and ``CHANGELOG.md``, with its metadata and templates."""
    overrides = load_overrides(config.templates, "[tool.codegen] templates") if config.templates else None
    return Target(
        root=config.root,
        spec_dir=config.root / "specs",
        package=config.package,
        output_dir=config.root / "generated" if regenerate else None,
        changelog=config.changelog_path,
        metadata=config.metadata,
        overrides=overrides,
    )


def update_project(
    config: ProjectConfig,
    source: ModelSource,
    *,
    out: TextIO | None = None,
    force: bool = False,
    fail_on: tuple[str, ...] = (),
) -> PinResult:
    """Re-pin the project's ``specs/`` from ``source``, regenerate ``generated/``, move the
    version and add the CHANGELOG entry; nothing is written unless every step succeeded."""
    out = out or sys.stdout
    target = project_target(config, regenerate=True)
    result = repin(target, source, {config.service: config.operations}, out, force=force, fail_on=fail_on)
    labels = Labels(config.root)
    specs = labels.directory(target.spec_dir)
    if result.report is None:
        print(f"{specs} is up to date with botocore {source.botocore_version}; no API changes", file=out)
        return result
    if result.refused:
        return result
    if result.previous is None:
        print(f"{specs}: pinned to botocore {source.botocore_version}; version {result.version}", file=out)
    else:
        print(
            f"{specs}: re-pinned from botocore {result.previous} to {source.botocore_version}; "
            f"version {result.version}",
            file=out,
        )
    assert target.output_dir is not None
    output = labels.directory(target.output_dir)
    if target.output_dir in result.written:
        print(f"{output}: regenerated ({result.generated_files} files)", file=out)
    else:
        print(f"{output}: unchanged", file=out)
    print(f"{labels.file(config.changelog_path)}: entry {result.version} added", file=out)
    return result
