"""``codegen cache info|clear``: show or empty the generator's cache (``codegen.cache``)."""

from __future__ import annotations

import argparse

from codegen.cache import SIZE_VARIABLE, Cache, default_cache_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["info", "clear"])


def run(args: argparse.Namespace) -> int:
    cache = Cache(default_cache_dir())
    if args.action == "clear":
        print(f"{cache.root}: {cache.clear()} entries deleted")
        return 0
    info = cache.info()
    print(f"{info.root}: {info.total / (1 << 20):.1f} MB of {info.limit / (1 << 20):.0f} MB ({SIZE_VARIABLE})")
    for kind in info.entries:
        print(f"  {kind}: {info.entries[kind]} entries, {info.sizes[kind] / (1 << 20):.1f} MB")
    return 0
