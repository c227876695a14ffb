"""The no-change fast path of ``codegen generate``: decide from hashes, before importing
botocore, black, Jinja or docutils, that the output already holds what a run would write.

A run that wrote (or found up to date) an output records a stamp in the cache (``stamps/``,
one entry per output directory): the digest of everything the run read (``Attempt.key``) and
the digest of the output's files as written, the ownership marker included. A later run whose
inputs give the same key, and whose output's files on disk still give the same digest, has
nothing to do: it prints the line a full run prints and exits. Anything else (another key, a
file changed, added or removed in the output, a link or an odd file anywhere it reads, a
leftover of a killed run beside the output, an unreadable cache) falls back to the full run,
which renders (taking what it can from the cache) and gives the errors, so the fast path never
decides anything the full run could decide differently.

The key covers, by content:

- the command's options that change what is written, and the real paths of the spec
  directory and the output;
- the configuration file (``pyproject.toml``, whole, when the run reads it);
- every file under the spec directory and under the template overrides' directory;
- every file of this package (its code and templates: ``codegen/``, as the pipeline's
  generator digest has it);
- the versions of the libraries whose output lands in the tree (botocore, black, docutils,
  Jinja2) by the names of their installed ``.dist-info`` directories, and Python's version.

The key is computed before the full run and again after it; the stamp is saved only if they
are equal, so inputs edited during a run never get a stamp they were not rendered from.
Only ``--formatter black`` (the default) with the cache enabled takes this path; ``--check``
never does (its verdict never comes from the cache).

Only the standard library and codegen's light modules are imported here.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import stat
import sys
from pathlib import Path
from typing import Any, Iterator, Mapping

from codegen.installed import dist_info

FORMAT = 1
# Where the output's recorded digest comes from: the files and the ownership marker.
_LIBRARIES = ("botocore", "black", "docutils", "jinja2")
_PACKAGE_DIR = Path(__file__).resolve().parent


class _Unsure(Exception):
    """Something the fast path does not decide about: the full run will."""


def applies(args: argparse.Namespace) -> bool:
    """Whether this ``codegen generate`` may take the fast path at all."""
    return not args.check and not args.no_cache and args.formatter == "black"


class Attempt:
    """One run's key, and what it needs to check or save a stamp."""

    def __init__(self, args: argparse.Namespace, key: str, output: Path, cache_root: Path) -> None:
        self.args = args
        self.key = key
        self.output = output  # as the full run prints it
        self.cache_root = cache_root
        self.name = _digest("stamp", os.path.realpath(output))
        self.files = 0

    @classmethod
    def of(cls, args: argparse.Namespace) -> Attempt | None:
        """The attempt for ``args``; None when the fast path cannot tell (the full run then
        does all, including reporting bad input)."""
        try:
            key, output = _key(args)
            from codegen.cache import default_cache_dir

            return cls(args, key, output, default_cache_dir())
        except (_Unsure, OSError, ValueError, UnicodeError, ImportError):
            return None

    def up_to_date(self) -> bool:
        """Whether the output is what the stamp recorded for this key."""
        from codegen.cache import Cache

        data = Cache(self.cache_root).read("stamps", self.name)
        if not isinstance(data, dict) or data.get("key") != self.key:
            return False
        files, tree = data.get("files"), data.get("tree")
        if not isinstance(files, int) or not isinstance(tree, str):
            return False
        try:
            if _leftovers(self.output):
                return False  # the full run cleans them up
            from codegen.write.lock import output_lock

            with output_lock(Path(os.path.abspath(self.output)), shared=True):
                on_disk = _output_digest(self.output)
        except (_Unsure, OSError):
            return False
        self.files = files
        return on_disk == tree

    def save(self, cache: Any, tree: Mapping[str, bytes]) -> None:
        """Record the stamp for the tree a full run wrote, if its inputs did not change
        meanwhile."""
        again = Attempt.of(self.args)
        if again is None or again.key != self.key:
            return
        from codegen.write.ownership import MARKER, marker_bytes

        files = {**tree, MARKER: marker_bytes("package", tree)}
        data = {"key": self.key, "tree": tree_digest(files), "files": len(tree)}
        if cache.read("stamps", self.name) != data:
            cache.write("stamps", self.name, data)


def tree_digest(files: Mapping[str, bytes]) -> str:
    return _digest(*(part for path in sorted(files) for part in (path, files[path])))


def _digest(*parts: str | bytes) -> str:
    """``codegen.cache.digest`` (length-prefixed SHA-256), without importing the cache."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _key(args: argparse.Namespace) -> tuple[str, Path]:
    parts: list[str | bytes] = [f"codegen stamp {FORMAT}", repr(sys.version_info[:2])]
    needs_config = not (args.spec_dir and args.output and args.package)
    templates: Path | None = args.templates
    root = Path.cwd()
    if needs_config:
        pyproject = _find_pyproject(Path.cwd().resolve())
        content = _read(pyproject)
        root = pyproject.parent
        parts += ["config", str(pyproject), content]
        if templates is None:
            if sys.version_info >= (3, 11):
                import tomllib
            else:  # pragma: no cover - Python 3.10
                import tomli as tomllib

            table = tomllib.loads(content.decode("utf-8")).get("tool", {}).get("codegen")
            configured = table.get("templates") if isinstance(table, dict) else None
            if configured is not None:
                if not isinstance(configured, str):
                    raise _Unsure
                templates = root / configured
    spec_dir = args.spec_dir or root / "specs"
    output = args.output or root / "generated"
    parts += [
        "options", os.path.realpath(spec_dir), os.path.realpath(output), str(args.package),
        args.formatter,
    ]
    parts += ["libraries", *_libraries()]
    parts += ["generator", *_tree_parts(_PACKAGE_DIR, skip=lambda rel: "__pycache__" in rel.split("/"))]
    if templates is not None:
        parts += ["templates", os.path.realpath(templates), *_tree_parts(Path(templates))]
    parts += ["specs", *_tree_parts(Path(spec_dir))]
    return _digest(*parts), output


def _find_pyproject(start: Path) -> Path:
    """``codegen.config.find_pyproject``."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    raise _Unsure


def _libraries() -> list[str]:
    """The installed distributions' ``.dist-info`` names (name and version)."""
    found: list[str] = []
    listings: dict[str, list[str]] = {}
    for name in _LIBRARIES:
        located = dist_info(name, listings)
        if located is None:
            raise _Unsure
        found += located
    return found


def _read(path: Path) -> bytes:
    """A regular file's bytes, not following a link; anything else is for the full run."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise _Unsure
        chunks = []
        while True:
            chunk = os.read(descriptor, 1 << 22)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(descriptor)


def _walk(root: Path, skip: Any = None) -> Iterator[tuple[str, str]]:
    """(POSIX relative path, path) of every file under ``root``, sorted by relative path;
    a link or anything but a directory or regular file is ``_Unsure``; directories for which
    ``skip(relative + "/")`` holds are not entered."""
    found: list[tuple[str, str]] = []
    todo = [("", str(root))]
    while todo:
        prefix, directory = todo.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                relative = prefix + entry.name
                if entry.is_symlink():
                    if skip is not None and skip(relative):
                        continue
                    raise _Unsure
                if entry.is_dir(follow_symlinks=False):
                    if skip is None or not skip(relative + "/"):
                        todo.append((relative + "/", entry.path))
                elif entry.is_file(follow_symlinks=False):
                    if skip is None or not skip(relative):
                        found.append((relative, entry.path))
                elif skip is None or not skip(relative):
                    raise _Unsure
    found.sort()
    return iter(found)


def _tree_parts(root: Path, skip: Any = None) -> list[str | bytes]:
    if not root.is_dir() or root.is_symlink():
        raise _Unsure
    parts: list[str | bytes] = []
    for relative, path in _walk(root, skip):
        parts += [relative, _read(Path(path))]
    return parts


def _output_digest(output: Path) -> str:
    """``tree_digest`` of the output's files as ``codegen.write.read_tree`` reads them, with
    the ownership marker."""
    from codegen.write.ownership import ignored

    if not output.is_dir() or output.is_symlink():
        raise _Unsure
    files = {relative: _read(Path(path)) for relative, path in _walk(output, lambda rel: ignored(rel + "x" if rel.endswith("/") else rel))}
    return tree_digest(files)


def _leftovers(output: Path) -> bool:
    """Whether a killed run left a staging or retired tree beside the output."""
    prefix = f".{output.name}."
    parent = output.parent if str(output.parent) else Path(".")
    return any(name.startswith(prefix) for name in os.listdir(os.path.abspath(parent)))
