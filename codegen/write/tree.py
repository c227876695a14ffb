"""Trees: a mapping of POSIX relative paths to bytes, in memory or under a directory."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Mapping

from codegen.safeio import FileRefused, read_regular
from codegen.write.ownership import MARKER, MARKER_LIMIT, ignored, marker_bytes

Tree = Mapping[str, bytes]


def read_tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (none if it does not exist), by POSIX relative path, leaving
    out the ownership marker and what tools leave in a tree (``ownership.ignored``)."""
    if not root.is_dir():
        return {}
    files: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if relative != MARKER and not ignored(relative) and path.is_file():
            files[relative] = path.read_bytes()
    return files


def check_relative(relative: str) -> None:
    """A tree path must stay inside the tree: relative, no ``..``, no empty or odd parts, and
    none of the names the writer keeps for itself or ignores."""
    parts = relative.split("/")
    if not relative or relative.startswith("/") or any(
        p in ("", ".", "..") or "\x00" in p or "\\" in p for p in parts
    ):
        raise ValueError(f"not a path inside the output tree: {relative!r}")
    if relative == MARKER or ignored(relative):
        raise ValueError(f"a path the writer keeps for itself: {relative!r}")


def diff_tree(root: Path, tree: Tree, label: str | None = None, kind: str | None = None) -> str:
    """A unified diff from what is under ``root`` to ``tree``; empty when they are the same.
    With ``kind``, the ownership marker ``write_tree`` would write is compared too."""
    label = label or root.as_posix()
    current = read_tree(root)
    if kind is not None:
        tree = {**tree, MARKER: marker_bytes(kind, tree)}
        try:
            current[MARKER] = read_regular(root / MARKER, MARKER_LIMIT, follow_symlinks=False)
        except (OSError, FileRefused):
            pass
    chunks: list[str] = []
    for relative in sorted(set(current) | set(tree)):
        old, new = current.get(relative), tree.get(relative)
        if old == new:
            continue
        chunks.extend(
            difflib.unified_diff(
                _lines(old),
                _lines(new),
                fromfile=f"a/{label}/{relative}" if old is not None else "/dev/null",
                tofile=f"b/{label}/{relative}" if new is not None else "/dev/null",
            )
        )
    return "".join(chunks)


def _lines(content: bytes | None) -> list[str]:
    if content is None:
        return []
    text = content.decode("utf-8", errors="replace")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines
