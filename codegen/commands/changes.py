"""``codegen diff`` and ``codegen update``: report API changes between spec snapshots, and
re-pin ``specs/`` from botocore with the report, the regenerated package and a changelog entry.

``update`` computes everything first (the new snapshot, the report, the generated tree) and
writes only when all of it succeeded; when botocore gives exactly the pinned files it writes
nothing at all.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

import attrs

from codegen.changes import (
    FORMATS,
    Report,
    botocore_version,
    diff_snapshots,
    render,
    render_markdown,
    render_text,
)
from codegen.config import load_config
from codegen.errors import CodegenError
from codegen.pipeline import generate_tree
from codegen.spec.source import ModelSource
from codegen.spec.store import MANIFEST, Snapshot, build_snapshot_tree, read_snapshot
from codegen.write import read_tree, write_tree
from codegen.write.ownership import check_replaceable

EXIT_BREAKING = 1
CHANGELOG = "CHANGELOG.md"
CHANGELOG_TITLE = "# Changelog\n"


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
    parser.add_argument(
        "--fail-on",
        choices=("breaking",),
        help="exit 1 when the report has a change of this kind (for CI)",
    )
    parser.add_argument(
        "--package", help="import name shown in the report (default: [tool.codegen], if any)"
    )


def run_diff(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Print the report from OLD_SPEC_DIR to NEW_SPEC_DIR; 1 if ``--fail-on`` matched, else 0."""
    out = out or sys.stdout
    old = _read_spec_dir(args.old_spec_dir, "OLD_SPEC_DIR")
    new = _read_spec_dir(args.new_spec_dir, "NEW_SPEC_DIR")
    report = diff_snapshots(old, new, args.package or _configured_package())
    out.write(render(report, args.format))
    if args.fail_on == "breaking" and report.breaking:
        return EXIT_BREAKING
    return 0


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


def run_update(args: argparse.Namespace, out: TextIO | None = None) -> int:
    config = load_config()
    source = (
        ModelSource.data_directory(args.botocore_data)
        if args.botocore_data
        else ModelSource.installed()
    )
    update_project(
        root=config.root,
        spec_dir=config.root / "specs",
        output_dir=config.root / "generated",
        source=source,
        service=config.service,
        operations=config.operations,
        package=config.package,
        out=out,
        force=args.force,
    )
    return 0


@attrs.frozen
class UpdateResult:
    report: Report | None  # None when specs/ was already up to date
    written: tuple[Path, ...]  # what was (re)written, in order: spec dir, output dir, changelog

    @property
    def changed(self) -> bool:
        return bool(self.written)


def update_project(
    *,
    root: Path,
    spec_dir: Path,
    output_dir: Path,
    source: ModelSource,
    service: str,
    operations: tuple[str, ...],
    package: str,
    out: TextIO | None = None,
    force: bool = False,
) -> UpdateResult:
    """Re-pin ``spec_dir`` from ``source``, regenerate ``output_dir``, prepend the report to
    ``root/CHANGELOG.md``. Nothing is written unless every step succeeded, and nothing at all
    when the pinned files are already what ``source`` gives."""
    out = out or sys.stdout
    specs_label, output_label = _label(spec_dir, root), _label(output_dir, root)
    new_tree = dict(build_snapshot_tree(source, {service: operations}))
    if read_tree(spec_dir) == new_tree:
        print(
            f"{specs_label} is up to date with botocore {source.botocore_version}; no API changes",
            file=out,
        )
        return UpdateResult(None, ())

    old = read_snapshot(spec_dir) if (spec_dir / MANIFEST).is_file() else Snapshot({}, ())
    with tempfile.TemporaryDirectory(prefix="codegen-update-") as staging:
        staged = Path(staging)
        for relative, content in new_tree.items():
            (staged / relative).parent.mkdir(parents=True, exist_ok=True)
            (staged / relative).write_bytes(content)
        new = read_snapshot(staged)
        generated = dict(generate_tree(staged, package))
    report = diff_snapshots(old, new, package)
    changelog = root / CHANGELOG
    entry = render_markdown(report)
    existing = changelog.read_text(encoding="utf-8") if changelog.is_file() else None

    # Both directories must be replaceable before either is written.
    check_replaceable(spec_dir, new_tree, "specs", force)
    check_replaceable(output_dir, generated, "package", force)
    out.write(render_text(report))
    out.write("\n")
    write_tree(spec_dir, new_tree, kind="specs", force=force)
    written = [spec_dir]
    if old.services:
        pinned = f"re-pinned from botocore {botocore_version(old)} to {botocore_version(new)}"
    else:
        pinned = f"pinned to botocore {botocore_version(new)}"
    print(f"{specs_label}: {pinned}", file=out)
    if write_tree(output_dir, generated, force=force):
        written.append(output_dir)
        print(f"{output_label}: regenerated ({len(generated)} files)", file=out)
    else:
        print(f"{output_label}: unchanged", file=out)
    if len(written) > 1 or not report.empty:
        _write_atomically(changelog, changelog_text(existing, entry))
        written.append(changelog)
        print(f"{_label(changelog, root, directory=False)}: entry added", file=out)
    else:
        print("the generated package is unchanged; no changelog entry", file=out)
    return UpdateResult(report, tuple(written))


def changelog_text(existing: str | None, entry: str) -> str:
    """``existing`` with ``entry`` (a ``## `` section) before its first ``## `` section, after
    the title and any introduction; a new changelog when there is none."""
    if not existing or not existing.strip():
        return f"{CHANGELOG_TITLE}\n{entry}"
    lines = existing.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("## "):
            return "".join(lines[:index]) + entry + "\n" + "".join(lines[index:])
    body = existing if existing.endswith("\n") else existing + "\n"
    return f"{body}\n{entry}"


def _write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` by rename, keeping its permissions (a new file gets the umask's)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _label(path: Path, root: Path, directory: bool = True) -> str:
    try:
        text = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        text = str(path)
    return f"{text}/" if directory else text
