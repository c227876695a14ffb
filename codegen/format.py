"""Stage 4: format generated Python with black's API (black is pinned in pyproject.toml).

black's cost grows with the code's size (about 1.6k lines a second here), so a module is
formatted in chunks, one per top-level class or function (with the statements that follow it):
each chunk is formatted on its own, on every core, and remembered in a content-addressed cache
keyed by black's version, its mode and the chunk's text. Joining the chunks with the two blank
lines black puts before a top-level definition gives what black gives for the whole module;
``tests/test_golden.py`` checks that the result is black-stable.
"""

from __future__ import annotations

import ast
import concurrent.futures
import multiprocessing
import os
from typing import Mapping

import black

from codegen.cache import FormatCache
from codegen.errors import CodegenError

MODE = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=88)
FORMATTER_KEY = f"black {black.__version__} {MODE!r}"

# Below this many characters still to format, a process pool costs more than it saves.
_POOL_THRESHOLD = 200_000


def _format_chunk(chunk: str) -> str:
    return black.format_str(chunk, mode=MODE)


def split_top_level(source: str) -> list[str]:
    """``source`` cut before each top-level class or function (and the decorators and comment
    lines directly above it); the first piece holds the module docstring and imports."""
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    starts = []
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)]) - 1
            while start > 0 and lines[start - 1].lstrip().startswith("#"):
                start -= 1
            starts.append(start)
    cuts = [0, *(s for s in starts if s > 0), len(lines)]
    pieces = ["".join(lines[a:b]) for a, b in zip(cuts, cuts[1:])]
    return [p for p in pieces if p.strip()]


def _join(formatted_chunks: list[str]) -> str:
    return "\n\n".join(chunk.strip("\n") + "\n" for chunk in formatted_chunks)


def format_sources(
    sources: Mapping[str, str], cache: FormatCache | None = None, workers: int | None = None
) -> dict[str, str]:
    """Every source formatted by black and checked to be valid Python, by path.

    Invalid output is a generator bug, never the spec's fault (every spec string reaches the
    source through the escaping module); it is reported rather than written. black's own parser
    is more lenient than Python's (it accepts ``def f(*,)``), hence the ``ast`` checks.
    """
    chunks: dict[str, list[str]] = {}
    for path, source in sources.items():
        try:
            chunks[path] = split_top_level(source)
        except SyntaxError as exc:
            raise CodegenError(path, f"generated code does not parse: {exc}") from None
    wanted = {chunk for pieces in chunks.values() for chunk in pieces}
    done = cache.get_many(FORMATTER_KEY, wanted) if cache else {}
    missing = sorted(wanted - set(done), key=len, reverse=True)
    try:
        done.update(_format_all(missing, workers))
    except black.parsing.InvalidInput as exc:
        path = next(p for p, pieces in chunks.items() if any(c in missing for c in pieces))
        raise CodegenError(path, f"generated code does not parse: {exc}") from None
    if cache:
        cache.put_many(FORMATTER_KEY, {chunk: done[chunk] for chunk in missing})
    result = {}
    for path, pieces in chunks.items():
        text = _join([done[chunk] for chunk in pieces])
        try:
            ast.parse(text, filename=path)
        except SyntaxError as exc:
            raise CodegenError(path, f"generated code does not parse: {exc}") from None
        result[path] = text
    return result


def _format_all(chunks: list[str], workers: int | None) -> dict[str, str]:
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(chunks) < 2 or sum(map(len, chunks)) < _POOL_THRESHOLD:
        return {chunk: _format_chunk(chunk) for chunk in chunks}
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        # Largest first, a few at a time, so both cores stay busy to the end.
        return dict(zip(chunks, pool.map(_format_chunk, chunks, chunksize=8)))


def format_python(source: str, path: str) -> str:
    """One source, formatted and checked (see ``format_sources``)."""
    return format_sources({path: source})[path]
