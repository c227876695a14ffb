"""Re-pinning a spec directory, shared by ``codegen sync`` and ``codegen update``: the new
snapshot, the report of what it changes, the package version that follows from the report,
and (for ``update``) the regenerated package, all computed before anything is written.

The version moves by the report's change kinds and the project's policy
(``codegen.release.BumpPolicy``; a re-pin with no API change counts as a documentation change,
since the package still changes) and is recorded in the manifest with the model; a floor set in
``[tool.codegen] version`` above the recorded version is taken as it is, unbumped (that is how
a project says "the next release is 1.0.0"). Each run that changes the pin of a configured
project adds a CHANGELOG entry under the new version and date.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Mapping, TextIO

import attrs

from codegen.changes import KINDS, Report, diff_snapshots, first_pin_report, render_markdown, render_text
from codegen.errors import CodegenError
from codegen.jsonio import dumps_stable
from codegen.pipeline import generate_tree
from codegen.release import Metadata, bump, effective_version, parse, release_date
from codegen.render.templates import Overrides
from codegen.spec.source import ModelSource
from codegen.spec.store import MANIFEST, Snapshot, build_snapshot_tree, read_snapshot
from codegen.write import Tree, read_tree, write_tree
from codegen.write.ownership import check_replaceable

CHANGELOG = "CHANGELOG.md"
CHANGELOG_TITLE = "# Changelog\n"
# Not 1, which is kept for codegen's own bugs.
EXIT_FAIL_ON = 3


@attrs.frozen
class Target:
    """Where a re-pin writes, and what the package is called and says about itself."""

    root: Path
    spec_dir: Path
    package: str | None = None  # for the report's names (and the generation, with output_dir)
    output_dir: Path | None = None  # regenerate the package there (``update``)
    changelog: Path | None = None  # add an entry there (a configured project)
    metadata: Metadata = Metadata()
    overrides: Overrides | None = None


@attrs.frozen
class PinResult:
    report: Report | None  # None when the spec directory was already up to date
    version: str | None  # the package version now recorded
    written: tuple[Path, ...]  # what was (re)written, in order: spec dir, output dir, changelog
    refused: tuple[str, ...] = ()  # the ``fail_on`` kinds found; nothing written then
    previous: str | None = None  # the botocore version of the pin replaced (None: first pin)
    generated_files: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.written)

    @property
    def status(self) -> int:
        return EXIT_FAIL_ON if self.refused else 0


def repin(
    target: Target,
    source: ModelSource,
    selection: Mapping[str, tuple[str, ...]],
    out: TextIO,
    *,
    force: bool = False,
    fail_on: tuple[str, ...] = (),
    quiet_when_new: bool = False,
) -> PinResult:
    """Pin ``selection`` from ``source`` into ``target.spec_dir``, report what changed, move the
    version, and (with ``output_dir``) regenerate and (with ``changelog``) add an entry.

    When ``fail_on`` names a kind of change the report has, nothing is written and the result
    says which. When the pinned files are already what ``source`` gives, nothing is written.
    The report is printed to ``out`` (on a first pin only without ``quiet_when_new``); what was
    written is for the caller to say.
    """
    metadata = target.metadata
    unversioned = build_snapshot_tree(source, selection)
    old = read_snapshot(target.spec_dir) if (target.spec_dir / MANIFEST).is_file() else None
    if old is not None:
        recorded = old.package_version
        unchanged = with_package_version(unversioned, recorded) if recorded else unversioned
        if read_tree(target.spec_dir) == dict(unchanged):
            return PinResult(None, recorded, (), previous=old.botocore_version or "unknown")

    with tempfile.TemporaryDirectory(prefix="codegen-pin-") as staging:
        staged = Path(staging)
        _stage(staged, unversioned)
        new = read_snapshot(staged)
        # A first pin adds everything: the report says which services, without comparing.
        report = diff_snapshots(old, new, target.package) if old else first_pin_report(new, target.package)
        version = next_version(old, report, metadata)
        tree = with_package_version(unversioned, version)
        _stage(staged, {MANIFEST: tree[MANIFEST]})
        generated = None
        if target.output_dir is not None:
            generated = dict(
                generate_tree(staged, target.package, metadata=metadata, overrides=target.overrides)
            )
    report = attrs.evolve(report, version=version, date=release_date())

    refused = tuple(kind for kind in fail_on if report.of_kind(kind))
    if old is not None or not quiet_when_new:
        out.write(render_text(report))
        out.write("\n")
    if refused:
        print(
            f"{Labels(target.root).directory(target.spec_dir)}: not re-pinned, nothing written: the report has "
            f"{' and '.join(refused)} changes (--fail-on)",
            file=out,
        )
        return PinResult(report, old.package_version if old else None, (), refused)

    # Every directory must be replaceable before any is written.
    check_replaceable(target.spec_dir, tree, "specs", force)
    if target.output_dir is not None and generated is not None:
        check_replaceable(target.output_dir, generated, "package", force)
    write_tree(target.spec_dir, tree, kind="specs", force=force)
    written = [target.spec_dir]
    if target.output_dir is not None and generated is not None:
        if write_tree(target.output_dir, generated, force=force):
            written.append(target.output_dir)
    if target.changelog is not None:  # every new version has its entry
        existing = target.changelog.read_text(encoding="utf-8") if target.changelog.is_file() else None
        write_atomically(target.changelog, changelog_text(existing, render_markdown(report)))
        written.append(target.changelog)
    return PinResult(
        report,
        version,
        tuple(written),
        previous=(old.botocore_version or "unknown") if old else None,
        generated_files=len(generated or ()),
    )


def next_version(old: Snapshot | None, report: Report, metadata: Metadata) -> str:
    """The package version after a re-pin: the configured floor on a first pin or when it is
    above the recorded version; otherwise the recorded version moved by the report."""
    floor = metadata.version
    if old is None:
        return floor
    recorded = old.package_version
    if recorded is not None and effective_version(recorded, floor) != recorded:
        return floor  # the floor was raised above the last release: the next one is that version
    current = recorded or floor  # a manifest from before versions were recorded: the floor's
    # A re-pin without API changes still changes the package (the model files it ships, the
    # botocore version it records): it moves the version as documentation changes do.
    kinds = {kind for kind in KINDS if report.of_kind(kind)} or {"docs-only"}
    return bump(current, metadata.bumps.part(kinds, current))


def with_package_version(tree: Tree, version: str) -> dict[str, bytes]:
    """``tree`` with ``version`` recorded in its manifest."""
    manifest = json.loads(tree[MANIFEST])
    parse(version, "package_version")
    manifest["package_version"] = version
    return {**tree, MANIFEST: dumps_stable(manifest).encode()}


def _stage(root: Path, tree: Tree) -> None:
    for relative, content in tree.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(content)


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


def write_atomically(path: Path, text: str) -> None:
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


class Labels:
    """Paths as the messages show them: relative to the project when inside it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _relative(self, path: Path) -> str | None:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None

    def directory(self, path: Path) -> str:
        relative = self._relative(path)
        return f"{relative}/" if relative else str(path)

    def file(self, path: Path) -> str:
        return self._relative(path) or str(path)


def fail_on_kinds(values: list[str] | None) -> tuple[str, ...]:
    """``--fail-on`` values (repeatable, comma-separated): change kinds, or ``any``."""
    kinds: list[str] = []
    for value in values or ():
        for name in value.split(","):
            name = name.strip()
            if name == "any":
                kinds.extend(KINDS)
            elif name in KINDS:
                kinds.append(name)
            else:
                raise CodegenError("--fail-on", f"unknown change kind {name!r}; choose from {', '.join(KINDS)} or any")
    return tuple(dict.fromkeys(kinds))
