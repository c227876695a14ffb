"""The last stage: put a rendered tree on disk all at once, or show how it differs.

A tree is a mapping of POSIX relative paths to bytes. Nothing is written until every file has
been rendered; then the whole directory is swapped in with renames, so a failure at any point
leaves the previous tree as it was, and files that no longer belong disappear with it.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Mapping

Tree = Mapping[str, bytes]

# Left by tools that run inside the tree; not part of the output and never compared.
_IGNORED_PARTS = ("__pycache__", ".mypy_cache", ".pytest_cache")
_IGNORED_SUFFIXES = (".egg-info",)


def _ignored(relative: Path) -> bool:
    return any(p in _IGNORED_PARTS or p.endswith(_IGNORED_SUFFIXES) for p in relative.parts)


def read_tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (none if it does not exist), by POSIX relative path."""
    if not root.is_dir():
        return {}
    files: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not _ignored(relative):
            files[relative.as_posix()] = path.read_bytes()
    return files


def _check_relative(relative: str) -> None:
    """A tree path must stay inside the tree: relative, no ``..``, no empty or odd parts."""
    parts = relative.split("/")
    if not relative or relative.startswith("/") or any(p in ("", ".", "..") or "\x00" in p or "\\" in p for p in parts):
        raise ValueError(f"not a path inside the output tree: {relative!r}")


def write_tree(root: Path, tree: Tree) -> bool:
    """Make ``root`` hold exactly ``tree``. Returns False, touching nothing, when it already does."""
    for relative in tree:
        _check_relative(relative)
    if read_tree(root) == dict(tree):
        return False
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.new-", dir=root.parent))
    # mkdtemp makes the directory private (0700); the tree gets ordinary permissions.
    staging.chmod(0o777 & ~_umask())
    try:
        for relative, content in sorted(tree.items()):
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        if root.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{root.name}.old-", dir=root.parent))
            os.rmdir(retired)
            os.rename(root, retired)
            try:
                os.rename(staging, root)
            except BaseException:
                os.rename(retired, root)
                raise
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(staging, root)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def diff_tree(root: Path, tree: Tree, label: str | None = None) -> str:
    """A unified diff from what is under ``root`` to ``tree``; empty when they are the same."""
    label = label or root.as_posix()
    current = read_tree(root)
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
