"""``write_tree``: make a directory hold exactly a rendered tree, all at once or not at all.

Under the output's lock (``lock``):

1. leftovers of an earlier run that was killed are cleaned up (``recover``);
2. the directory must be one codegen may replace (``ownership.check_replaceable``);
3. the new tree is written beside it, in ``.<name>.codegen-new-*``: files whose content is
   unchanged are hard links to the current ones (cheap, and the same bytes), the others are
   written, then the ownership marker; everything is flushed to disk (``exchange.sync_tree``);
4. the staging directory and the output are exchanged atomically (``exchange.exchange``), so
   at every instant the output path holds the complete old tree or the complete new one, even
   if the process is killed; the parent directory is flushed; the old tree is deleted.

Where no atomic exchange exists, step 4 is two renames (old tree to ``.<name>.codegen-old-*``,
new tree in). A run killed between them leaves no output for a moment, and ``recover`` puts
the old tree back at the start of the next run.

A failure from the environment (read-only file system, full disk, no permission) is a
``CodegenError`` naming the path and the system's reason; nothing is left behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from codegen.errors import CodegenError
from codegen.write import exchange
from codegen.write.lock import output_lock
from codegen.safeio import FileRefused, read_regular
from codegen.write.ownership import KINDS, MARKER, MARKER_LIMIT, check_replaceable, marker_bytes
from codegen.write.tree import Tree, check_relative, read_tree

_NEW = ".codegen-new-"
_OLD = ".codegen-old-"
# What the writer of earlier versions left: ``.<name>.new-*`` and ``.<name>.old-*``.
_LEGACY_NEW, _LEGACY_OLD = ".new-", ".old-"


def write_tree(root: Path, tree: Tree, *, kind: str = "package", force: bool = False) -> bool:
    """Make ``root`` hold exactly ``tree`` (and its ownership marker, of ``kind``).

    Returns False, touching nothing, when it already does. ``force``: see
    ``ownership.check_replaceable``. Raises ``CodegenError`` for a directory codegen may not
    replace and for failures of the environment, with ``root`` left as it was.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind of tree {kind!r}")
    for relative in tree:
        check_relative(relative)
    root = Path(os.path.abspath(root))
    try:
        root.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _environment_error(exc, root.parent, "cannot create") from None
    with output_lock(root):
        recover(root)
        check_replaceable(root, tree, kind, force)
        current = read_tree(root)
        marker = marker_bytes(kind, tree)
        if current == dict(tree) and _marker_on_disk(root) == marker:
            return False
        _swap_in(root, tree, current, marker)
    return True


def _swap_in(root: Path, tree: Tree, current: dict[str, bytes], marker: bytes) -> None:
    parent = root.parent
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{root.name}{_NEW}", dir=parent))
    except OSError as exc:
        raise _environment_error(exc, parent, "cannot create a directory in") from None
    retired: Path | None = None
    try:
        # mkdtemp makes the directory private (0700); the tree gets ordinary permissions.
        staging.chmod(0o777 & ~_umask())
        _populate(staging, root, tree, current, marker)
        exchange.sync_tree(staging)
        if not root.exists():
            os.rename(staging, root)
        elif exchange.exchange(staging, root):
            retired = staging  # it now holds the old tree
        else:
            retired = Path(tempfile.mkdtemp(prefix=f".{root.name}{_OLD}", dir=parent))
            os.rmdir(retired)
            os.rename(root, retired)
            os.rename(staging, root)
        exchange.fsync_directory(parent)
    except OSError as exc:
        raise _environment_error(exc, Path(exc.filename or root), "cannot write") from None
    finally:
        for leftover in (staging, retired):
            if leftover is not None and leftover.exists() and leftover != root:
                shutil.rmtree(leftover, ignore_errors=True)


def _marker_on_disk(root: Path) -> bytes | None:
    try:
        return read_regular(root / MARKER, MARKER_LIMIT, follow_symlinks=False)
    except (OSError, FileRefused):
        return None


def _populate(staging: Path, root: Path, tree: Tree, current: dict[str, bytes], marker: bytes) -> None:
    for relative, content in sorted(tree.items()):
        path = staging / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if current.get(relative) == content:
            try:
                os.link(root / relative, path, follow_symlinks=False)
                continue
            except OSError:
                pass  # another file system, or no hard links: write it
        _write_named(path, content)
    _write_named(staging / MARKER, marker)


def _write_named(path: Path, content: bytes) -> None:
    """``_write_new``, its errors naming the file (``os.write`` names none)."""
    try:
        _write_new(path, content)
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise OSError(exc.errno, exc.strerror, str(path)) from None


def _write_new(path: Path, content: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)


def recover(root: Path) -> None:
    """Clean up after runs that were killed: delete their staging trees, and put a retired
    tree back when the output is missing (a kill between the two renames of the fallback)."""
    parent = root.parent
    staged, retired = [], []
    try:
        entries = list(os.scandir(parent))
    except OSError as exc:
        raise _environment_error(exc, parent, "cannot list") from None
    prefix = f".{root.name}"
    for entry in entries:
        rest = entry.name[len(prefix):] if entry.name.startswith(prefix) else None
        if rest is None or not entry.is_dir(follow_symlinks=False):
            continue
        if rest.startswith((_NEW, _LEGACY_NEW)):
            staged.append(Path(entry.path))
        elif rest.startswith((_OLD, _LEGACY_OLD)):
            retired.append(Path(entry.path))
    for path in staged:
        shutil.rmtree(path, ignore_errors=True)
    if retired and not os.path.lexists(root):
        newest = max(retired, key=lambda p: p.stat().st_mtime_ns)
        os.rename(newest, root)
        retired.remove(newest)
    for path in retired:
        shutil.rmtree(path, ignore_errors=True)


def _environment_error(exc: OSError, path: Path, action: str) -> CodegenError:
    reason = exc.strerror or str(exc)
    return CodegenError(str(path), f"{action}: {reason}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
