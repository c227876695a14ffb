"""``codegen sync``: pin a slice of the botocore model (the configured operations, or every
operation of the services named) into the spec directory.

A re-pin prints what it changes (an operation added, a model update) and moves the package
version recorded with the model (``codegen.commands.pinning``); for the configured project it
also adds a CHANGELOG entry. A snapshot of services named on the command line is ad hoc: the
default version policy, no changelog.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Mapping

import attrs

from codegen.commands.changes import project_target
from codegen.commands.pinning import Labels, Target, repin
from codegen.config import ProjectConfig, load_config
from codegen.errors import CodegenError
from codegen.progress import Progress
from codegen.spec.source import ModelSource, all_operations
from codegen.spec.store import MANIFEST


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--botocore-data", type=Path, help="a directory shaped like botocore's data/")
    parser.add_argument("--spec-dir", type=Path, help="where to write the snapshot (default: specs/)")
    parser.add_argument("service", nargs="?", help="service name (default: [tool.codegen])")
    parser.add_argument(
        "operations",
        nargs="*",
        help="operation names (default: [tool.codegen]); with --all-operations, more services",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace a spec directory without codegen's marker, if it holds only files sync writes",
    )
    parser.add_argument(
        "--all-operations",
        action="store_true",
        help="every operation of SERVICE (and of each further service named)",
    )


def run(args: argparse.Namespace) -> int:
    if args.all_operations and not args.service:
        raise CodegenError("--all-operations", "name the services: codegen sync --all-operations SERVICE...")
    if args.service and not args.operations and not args.all_operations:
        raise CodegenError("operations", "name at least one operation after the service, or --all-operations")
    source = (
        ModelSource.data_directory(args.botocore_data) if args.botocore_data else ModelSource.installed()
    )
    config: ProjectConfig | None = None
    if args.all_operations:
        services = list(dict.fromkeys([args.service, *args.operations]))
        selection = {}
        progress = Progress("reading models", len(services) if len(services) > 1 else 0, "services")
        try:
            for service in services:
                selection[service] = all_operations(source, service)
                progress.advance()
        finally:
            progress.close()
        root = Path.cwd()
    elif args.service:
        selection, root = {args.service: tuple(args.operations)}, Path.cwd()
    else:
        config = load_config()
        selection, root = {config.service: config.operations}, config.root
    spec_dir = args.spec_dir or root / "specs"
    if config is not None and args.spec_dir is None:
        target = attrs.evolve(project_target(config, regenerate=False), spec_dir=spec_dir)
    else:  # an ad hoc snapshot: no changelog, the default version policy
        target = Target(root=root, spec_dir=spec_dir)
    result = repin(target, source, selection, sys.stdout, force=args.force, quiet_when_new=True)
    state = "updated" if result.changed else "already up to date"
    if len(selection) == 1:
        ((service, operations),) = selection.items()
        named = ", ".join(operations) if len(operations) <= 5 else f"{len(operations)} operations"
        what = f"{service} {named}"
    else:
        what = f"{len(selection)} services, {sum(map(len, selection.values()))} operations"
    version = f"; package version {result.version}" if result.changed and result.version else ""
    left_out = _left_out({MANIFEST: (spec_dir / MANIFEST).read_bytes()})
    print(f"{spec_dir}: {what} from {source.kind} {source.botocore_version}: {state}{version}{left_out}")
    if target.changelog is not None and target.changelog in result.written:
        print(f"{Labels(root).file(target.changelog)}: entry {result.version} added")
    return 0


def _left_out(tree: Mapping[str, bytes]) -> str:
    """How many waiters the slice left out (the manifest names them), when there are some."""
    services = json.loads(tree[MANIFEST])["services"].values()
    count = sum(len(entry.get("waiters_left_out", ())) for entry in services)
    if not count:
        return ""
    noun = "waiter" if count == 1 else "waiters"
    return f"; {count} {noun} left out, their operations not in the slice (manifest.json: waiters_left_out)"
