"""The ``codegen`` command.

``sync`` pins a model slice into ``specs/``; ``generate`` renders ``generated/`` from it;
``update`` does both from the installed botocore and reports what changed; ``diff`` reports the
changes between two spec directories.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from codegen.changes_cli import add_diff_arguments, add_update_arguments, run_diff, run_update
from codegen.config import load_config
from codegen.errors import CodegenError, one_line
from codegen.cache import default_cache_dir
from codegen.format import FORMATTERS
from codegen.pipeline import generate_tree
from codegen.spec.source import ModelSource, all_operations
from codegen.progress import Progress
from codegen.spec.store import build_snapshot_tree, manifest_services
from codegen.write import diff_tree, write_tree

EXIT_BAD_INPUT = 2
EXIT_OUT_OF_DATE = 1
EXIT_INTERNAL_ERROR = 1
EXIT_INTERRUPTED = 130
DEBUG_VARIABLE = "CODEGEN_DEBUG"  # set (to anything) to see an internal error's traceback


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="codegen", description="Generate a typed SDK from botocore's service model."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    sync = commands.add_parser("sync", help="pin a slice of the botocore model into the spec directory")
    sync.add_argument("--botocore-data", type=Path, help="a directory shaped like botocore's data/")
    sync.add_argument("--spec-dir", type=Path, help="where to write the snapshot (default: specs/)")
    sync.add_argument("service", nargs="?", help="service name (default: [tool.codegen])")
    sync.add_argument(
        "operations",
        nargs="*",
        help="operation names (default: [tool.codegen]); with --all-operations, more services",
    )
    sync.add_argument(
        "--all-operations",
        action="store_true",
        help="every operation of SERVICE (and of each further service named)",
    )

    generate = commands.add_parser("generate", help="render the package from the spec directory")
    generate.add_argument("--spec-dir", type=Path, help="default: specs/")
    generate.add_argument("--output", type=Path, help="default: generated/")
    generate.add_argument("--package", help="import name of the package (default: [tool.codegen])")
    generate.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 and show a diff if out of date"
    )
    generate.add_argument(
        "--formatter",
        choices=FORMATTERS,
        default="black",
        help="black (default; the committed output) or ruff (opt-in, faster: pip install "
        "'botocore-codegen[ruff]')",
    )
    generate.add_argument(
        "--no-cache",
        action="store_true",
        help="format everything again, ignoring the cache in $CODEGEN_CACHE_DIR or ~/.cache",
    )
    add_diff_arguments(
        commands.add_parser("diff", help="report the API changes between two spec directories")
    )
    add_update_arguments(
        commands.add_parser(
            "update",
            help="re-pin specs/ from botocore, regenerate, report the changes, add a CHANGELOG entry",
        )
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; report a failure on one line of stderr, never as a traceback.

    Bad input (``CodegenError``) exits 2. Anything else is a bug in codegen: exit 1 with a
    one-line summary, or the traceback when ``CODEGEN_DEBUG`` is set. A failed ``generate``
    leaves the output directory as it was (``write_tree`` swaps in a complete tree or nothing).
    """
    args = _parser().parse_args(argv)
    try:
        if args.command == "sync":
            return _sync(args)
        if args.command == "diff":
            return run_diff(args)
        if args.command == "update":
            return run_update(args)
        return _generate(args)
    except CodegenError as exc:
        print(f"codegen: error: {exc.one_line()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("codegen: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug in codegen, not the user's input
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(_internal_error(exc), file=sys.stderr)
        return EXIT_INTERNAL_ERROR


def _internal_error(exc: BaseException) -> str:
    detail = one_line(f"{type(exc).__name__}: {exc}")
    if len(detail) > 300:
        detail = detail[:297] + "..."
    return (
        f"codegen: internal error ({detail}); this is a bug in codegen, not in the input; "
        f"rerun with {DEBUG_VARIABLE}=1 for the traceback"
    )


def _sync(args: argparse.Namespace) -> int:
    if args.all_operations and not args.service:
        raise CodegenError("--all-operations", "name the services: codegen sync --all-operations SERVICE...")
    if args.service and not args.operations and not args.all_operations:
        raise CodegenError("operations", "name at least one operation after the service, or --all-operations")
    source = (
        ModelSource.data_directory(args.botocore_data) if args.botocore_data else ModelSource.installed()
    )
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
    tree = build_snapshot_tree(source, selection)
    changed = write_tree(spec_dir, tree)
    state = "updated" if changed else "already up to date"
    if len(selection) == 1:
        ((service, operations),) = selection.items()
        named = ", ".join(operations) if len(operations) <= 5 else f"{len(operations)} operations"
        what = f"{service} {named}"
    else:
        what = f"{len(selection)} services, {sum(map(len, selection.values()))} operations"
    print(f"{spec_dir}: {what} from {source.kind} {source.botocore_version}: {state}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    needs_config = not (args.spec_dir and args.output and args.package)
    config = load_config() if needs_config else None
    root = config.root if config else Path.cwd()
    spec_dir = args.spec_dir or root / "specs"
    output = args.output or root / "generated"
    # A spec directory of several services gives a package per service, named for it.
    several = len(manifest_services(spec_dir)) > 1
    package = args.package or (config.package if config and not several else None)
    tree = generate_tree(
        spec_dir, package, None if args.no_cache else default_cache_dir(), args.formatter
    )
    if args.check:
        diff = diff_tree(output, tree, label=output.name)
        if diff:
            sys.stdout.write(diff)
            print(f"{output} is out of date with {spec_dir}; refresh it with: codegen generate",
                  file=sys.stderr)
            return EXIT_OUT_OF_DATE
        print(f"{output} is up to date with {spec_dir}")
        return 0
    changed = write_tree(output, tree)
    print(f"{output}: {len(tree)} files, {'written' if changed else 'already up to date'}")
    return 0
