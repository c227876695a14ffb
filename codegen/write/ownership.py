"""Which directories codegen may replace: those it wrote itself, by the marker it leaves.

Replacing a directory deletes what was in it, so ``write_tree`` replaces only a directory that
is absent, empty, or holds the marker (``.codegen-owned.json``) naming the kind of tree codegen
wrote there and every file it wrote. Anything else is refused with one line naming the path:
a checkout given as ``--output``, a folder of the user's files, the spec directory given as the
output (its marker says ``specs``), a file the user added to a generated tree.

``--force`` (``force=True``) replaces a directory without a marker, but only when nothing in
it would be lost: every file there is one the new tree writes again. That is how a tree made
before markers existed is taken over.

What tools leave inside a tree (``__pycache__``, ``.mypy_cache``, ``*.egg-info``, a top-level
``build/`` or ``dist/`` from ``pip install``/``pip wheel``) is not the user's work: it is never
compared, does not block a replacement, and goes with the old tree.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Mapping

from codegen.errors import CodegenError
from codegen.safeio import FileRefused, read_regular

MARKER = ".codegen-owned.json"
WRITTEN_BY = "botocore-codegen"
MARKER_FORMAT = 1
MARKER_LIMIT = 16 << 20

# Kinds of tree: what ``codegen generate`` writes, and what ``codegen sync`` writes.
KINDS = ("package", "specs")

_IGNORED_ANYWHERE = ("__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache")
_IGNORED_SUFFIXES = (".egg-info",)
_IGNORED_AT_TOP = ("build", "dist")


def ignored(relative: str) -> bool:
    """Whether a path of a tree is something tools leave there, not part of the tree."""
    parts = relative.split("/")
    return (
        any(p in _IGNORED_ANYWHERE or p.endswith(_IGNORED_SUFFIXES) for p in parts)
        or (len(parts) > 1 and parts[0] in _IGNORED_AT_TOP)
    )


def marker_bytes(kind: str, files: Iterable[str]) -> bytes:
    """The marker of a tree of ``kind`` holding ``files``: stable JSON, one file per line."""
    data = {"written_by": WRITTEN_BY, "format": MARKER_FORMAT, "kind": kind, "files": sorted(files)}
    return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def present_files(root: Path) -> list[str]:
    """Every file (or link, or other non-directory) under ``root`` that is not ignored,
    by POSIX relative path; links are listed, never followed."""
    found = []
    for directory, subdirectories, files in os.walk(root, followlinks=False):
        base = Path(directory)
        for name in files + [d for d in subdirectories if (base / d).is_symlink()]:
            relative = (base / name).relative_to(root).as_posix()
            if not ignored(relative):
                found.append(relative)
        subdirectories[:] = [
            d for d in subdirectories
            if not (base / d).is_symlink() and not ignored((base / d).relative_to(root).as_posix())
        ]
    return sorted(found)


def read_marker(root: Path) -> tuple[str, frozenset[str]] | None:
    """The kind and files a valid marker in ``root`` names; None when there is none."""
    try:
        data = json.loads(read_regular(root / MARKER, MARKER_LIMIT, follow_symlinks=False))
    except (OSError, FileRefused, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("written_by") != WRITTEN_BY
        or data.get("kind") not in KINDS
        or not isinstance(data.get("files"), list)
        or not all(isinstance(f, str) for f in data["files"])
    ):
        return None
    return data["kind"], frozenset(data["files"])


def check_replaceable(root: Path, tree: Mapping[str, bytes], kind: str, force: bool) -> None:
    """Raise ``CodegenError`` unless ``write_tree`` may replace ``root`` with ``tree``."""
    if not os.path.lexists(root):
        return
    if root.is_symlink():
        raise CodegenError(str(root), "is a symbolic link; give the directory itself")
    if not root.is_dir():
        raise CodegenError(str(root), "is a file, not a directory; refusing to replace it")
    present = [p for p in present_files(root) if p != MARKER]
    if not present:
        return
    marker = read_marker(root)
    if marker is not None:
        marked_kind, owned = marker
        if marked_kind != kind:
            raise CodegenError(
                str(root),
                f"holds a tree of kind {marked_kind!r} written by codegen "
                f"({'codegen sync' if marked_kind == 'specs' else 'codegen generate'}), "
                f"not {kind!r}; refusing to replace it",
            )
        foreign = [p for p in present if p not in owned]
        if foreign:
            raise CodegenError(
                str(root), f"holds files codegen did not write ({_names(foreign)}); move them away first"
            )
        return
    if not force:
        raise CodegenError(
            str(root),
            f"is not empty and has no {MARKER}, so codegen did not write it; refusing to replace "
            "it: give a new or empty directory (or --force if it holds only files codegen "
            "generates)",
        )
    foreign = [p for p in present if p not in tree]
    if foreign:
        raise CodegenError(
            str(root),
            f"--force replaces only a directory of generated files, and this one holds others "
            f"({_names(foreign)})",
        )


def _names(paths: list[str], shown: int = 3) -> str:
    text = ", ".join(paths[:shown])
    return text + (f" and {len(paths) - shown} more" if len(paths) > shown else "")
