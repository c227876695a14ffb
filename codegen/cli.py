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
from codegen.cache import SIZE_VARIABLE, Cache, default_cache_dir
from codegen.format import FORMATTERS
from codegen.pipeline import generate
from codegen.reuse import OutputRecord
from codegen.spec.source import ModelSource, all_operations
from codegen.progress import Progress
from codegen.spec.store import build_snapshot_tree, manifest_services
from codegen.write import Tree, diff_tree, read_tree, write_tree
from codegen.write.lock import output_lock

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
        "--force",
        action="store_true",
        help="replace a spec directory without codegen's marker, if it holds only files sync writes",
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
        help="render and format everything again, ignoring the cache in $CODEGEN_CACHE_DIR or ~/.cache",
    )
    generate.add_argument(
        "--force",
        action="store_true",
        help="replace an output directory without codegen's marker, if every file in it is one "
        "codegen generates (nothing else is ever deleted)",
    )
    cache = commands.add_parser("cache", help="show or empty the generator's cache")
    cache.add_argument("action", choices=["info", "clear"])
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
        if args.command == "cache":
            return _cache(args)
        return _generate(args)
    except CodegenError as exc:
        print(f"codegen: error: {exc.one_line()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # the environment: permissions, read-only, full disk, missing files
        print(f"codegen: error: {environment_error(exc).one_line()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("codegen: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug in codegen, not the user's input
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(_internal_error(exc), file=sys.stderr)
        return EXIT_INTERNAL_ERROR


def environment_error(exc: OSError) -> CodegenError:
    """An error of the environment as bad input: the path (or paths) and the system's reason."""
    where = exc.filename if exc.filename is not None else "codegen"
    if exc.filename2 is not None:
        where = f"{exc.filename} -> {exc.filename2}"
    return CodegenError(str(where), exc.strerror or str(exc))


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
    changed = write_tree(spec_dir, tree, kind="specs", force=args.force)
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
    _check_apart(output, spec_dir)
    # A spec directory of several services gives a package per service, named for it.
    several = len(manifest_services(spec_dir)) > 1
    package = args.package or (config.package if config and not several else None)
    cache = None if args.no_cache else Cache(default_cache_dir())
    cache_dir = cache.root if cache else None
    try:
        if args.check:
            return _check(spec_dir, output, generate(spec_dir, package, cache_dir, args.formatter).tree)
        record = OutputRecord(cache, output) if cache else None
        reuse = record.reuse(read_tree(output)) if record else None
        generated = generate(spec_dir, package, cache_dir, args.formatter, reuse)
        changed = write_tree(output, generated.tree, force=args.force)
        if record:
            record.save(generated)
    finally:
        if cache and cache.wrote:
            cache.prune()
    print(f"{output}: {len(generated.tree)} files, {'written' if changed else 'already up to date'}")
    return 0


def _check(spec_dir: Path, output: Path, tree: Tree) -> int:
    """``--check``: exit 1 with a diff when ``output`` is not what generation gives."""
    if output.parent.is_dir():
        with output_lock(output, shared=True):
            diff = diff_tree(output, tree, label=output.name, kind="package")
    else:
        diff = diff_tree(output, tree, label=output.name, kind="package")
    if diff:
        sys.stdout.write(diff)
        print(f"{output} is out of date with {spec_dir}; refresh it with: codegen generate", file=sys.stderr)
        return EXIT_OUT_OF_DATE
    print(f"{output} is up to date with {spec_dir}")
    return 0


def _check_apart(output: Path, spec_dir: Path) -> None:
    """The output and the spec directory must not overlap: replacing the output would delete
    the specs (or the specs would be generated into)."""
    out, specs = os.path.realpath(output), os.path.realpath(spec_dir)
    if out == specs or specs.startswith(out.rstrip(os.sep) + os.sep) or out.startswith(specs.rstrip(os.sep) + os.sep):
        raise CodegenError("--output", f"{output} and the spec directory {spec_dir} overlap; give them separate directories")


def _cache(args: argparse.Namespace) -> int:
    cache = Cache(default_cache_dir())
    if args.action == "clear":
        print(f"{cache.root}: {cache.clear()} entries deleted")
        return 0
    info = cache.info()
    print(f"{info.root}: {info.total / (1 << 20):.1f} MB of {info.limit / (1 << 20):.0f} MB ({SIZE_VARIABLE})")
    for kind in info.entries:
        print(f"  {kind}: {info.entries[kind]} entries, {info.sizes[kind] / (1 << 20):.1f} MB")
    return 0
