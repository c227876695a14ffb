"""``codegen generate``: render the package (or a package per service) from the spec
directory into the output, or ``--check`` that the output is what it would be."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from codegen import stamp
from codegen.errors import CodegenError

if TYPE_CHECKING:
    from codegen.format import BlackAside
    from codegen.render.templates import Overrides
    from codegen.write import Tree

# What this module imports at its top is kept to the standard library and codegen's light
# modules: a run with nothing to do (``codegen.stamp``) must not pay for importing botocore,
# black, Jinja or docutils. The pipeline is imported once there is work.
FORMATTERS = ("black", "ruff")  # codegen.format.FORMATTERS (tests/test_formatters.py checks)

# Not 1, which is kept for codegen's own bugs: a CI script can tell "out of date" from "broken".
EXIT_OUT_OF_DATE = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--spec-dir", type=Path, help="default: specs/")
    parser.add_argument("--output", type=Path, help="default: generated/")
    parser.add_argument("--package", help="import name of the package (default: [tool.codegen])")
    parser.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="template overrides layered over the built-in templates (default: [tool.codegen] "
        "templates; docs/templates.md)",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 3 and show a diff if out of date"
    )
    parser.add_argument(
        "--formatter",
        choices=FORMATTERS,
        default="black",
        help="black (default; the committed output) or ruff (opt-in, faster: pip install "
        "'botocore-codegen[ruff]')",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="render and format everything again, ignoring the cache in $CODEGEN_CACHE_DIR or ~/.cache",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an output directory without codegen's marker, if every file in it is one "
        "codegen generates (nothing else is ever deleted)",
    )


def run(args: argparse.Namespace) -> int:
    fast = stamp.Attempt.of(args) if stamp.applies(args) else None
    if fast is not None and fast.up_to_date():
        print(f"{fast.output}: {fast.files} files, already up to date")
        return 0
    # Forked before the heavy imports below, it imports black on the other core meanwhile; a
    # small service's code is formatted there as it is rendered (``codegen.format.BlackAside``).
    from codegen.format import BlackAside

    black_aside = BlackAside.start() if args.formatter == "black" else None
    try:
        return _run(args, fast, black_aside)
    finally:
        if black_aside is not None:
            black_aside.close()


def _run(args: argparse.Namespace, fast: stamp.Attempt | None, black_aside: BlackAside | None) -> int:
    from codegen.cache import Cache, default_cache_dir
    from codegen.config import load_config
    from codegen.pipeline import generate
    from codegen.reuse import OutputRecord
    from codegen.spec.store import manifest_services
    from codegen.write import read_tree, write_tree

    needs_config = not (args.spec_dir and args.output and args.package)
    # Given all three, codegen reads no configuration: an ad hoc run gets the defaults.
    config = load_config() if needs_config else None
    root = config.root if config else Path.cwd()
    spec_dir = args.spec_dir or root / "specs"
    output = args.output or root / "generated"
    _check_apart(output, spec_dir)
    # A spec directory of several services gives a package per service, named for it.
    several = len(manifest_services(spec_dir)) > 1
    package = args.package or (config.package if config and not several else None)
    metadata = config.metadata if config else None
    overrides = _overrides(args.templates, config.templates if config else None)
    cache = None if args.no_cache else Cache(default_cache_dir())
    cache_dir = cache.root if cache else None
    try:
        if args.check:
            expected = generate(
                spec_dir, package, cache_dir, args.formatter, metadata=metadata, overrides=overrides,
                black_aside=black_aside,
            )
            return _check(spec_dir, output, expected.tree)
        record = OutputRecord(cache, output) if cache else None
        reuse = record.reuse(read_tree(output)) if record else None
        generated = generate(
            spec_dir, package, cache_dir, args.formatter, reuse, metadata=metadata, overrides=overrides,
            cache_aside=True, black_aside=black_aside,
        )
        try:
            # (while the render's cache entries are written in a forked process)
            changed = write_tree(output, generated.tree, force=args.force)
        finally:
            generated.settle()
        if record:
            record.save(generated)
        if fast is not None and cache is not None:
            fast.save(cache, generated.tree)
    finally:
        if cache and cache.wrote:
            cache.prune()
    print(f"{output}: {len(generated.tree)} files, {'written' if changed else 'already up to date'}")
    return 0


def _overrides(option: Path | None, configured: Path | None) -> Overrides | None:
    """The template overrides of ``--templates``, else of ``[tool.codegen] templates``."""
    from codegen.render.templates import load_overrides

    if option is not None:
        return load_overrides(option, "--templates")
    return load_overrides(configured, "[tool.codegen] templates") if configured else None


def _check(spec_dir: Path, output: Path, tree: Tree) -> int:
    """``--check``: exit 1 with a diff when ``output`` is not what generation gives."""
    from codegen.write import diff_tree
    from codegen.write.lock import output_lock

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
