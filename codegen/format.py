"""Stage 4: format generated Python, with black's API (pinned in pyproject.toml) or, opt-in,
``ruff format`` (``--formatter ruff``).

black's cost grows with the code's size (about 1.6k lines a second here), so a module is
formatted in pieces (``split_module``): each piece on its own, on every core, and remembered in
a content-addressed cache keyed by the formatter's identity and the piece's text. Joined with
the blank lines black puts between them, the pieces give what black gives for the whole module
(``tests/test_cache.py``). ruff formats a whole service in well under a second, so it gets
whole files, in one process.
"""

from __future__ import annotations

import ast
import collections
import concurrent.futures
import contextlib
import functools
import hashlib
import multiprocessing
import os
import subprocess
import tempfile
import types
import typing
from pathlib import Path
from typing import Mapping, NamedTuple

from codegen.cache import Cache, Layered, digest, string_item
from codegen.errors import CodegenError
from codegen.forking import fork_context, shared_heap
from codegen import installed
from codegen.progress import Progress
from codegen.style import LINE_LENGTH

if typing.TYPE_CHECKING:
    import black

FORMATTERS = ("black", "ruff")
# ruff with black's settings, ignoring any configuration file around the output.
_RUFF_ARGUMENTS = [
    "--isolated", "--no-cache", "--line-length", str(LINE_LENGTH), "--target-version", "py310"
]

# Below this many characters still to format, a process pool costs more than it saves.
_POOL_THRESHOLD = 200_000
# Below this many, so does formatting in one forked process while the caller goes on (the
# usage example of the API reference, formatted on its own, is a few hundred).
_ASIDE_THRESHOLD = 20_000


@functools.lru_cache(maxsize=None)
def _black() -> types.ModuleType:
    """black, imported once something is to be formatted. An update's pieces are nearly all
    in the cache, and the few that are not are formatted in forked workers: its main process
    then never pays the ~0.15 s of importing black. (Before forking workers that will format
    much, the caller imports it, so they share it: ``_needs_black``.)"""
    import black

    return black


@functools.lru_cache(maxsize=None)
def black_mode() -> black.Mode:
    """The settings every piece is formatted with: black's defaults, our line length, and
    Python 3.10 (what the generated code supports)."""
    module = _black()
    mode: black.Mode = module.Mode(target_versions={module.TargetVersion.PY310}, line_length=LINE_LENGTH)
    return mode


@functools.lru_cache(maxsize=None)
def _black_key() -> str:
    """black's identity: its version and our settings (``black_mode``; the rest of its mode is
    its version's defaults). The version is read from its installed metadata, not by
    importing it (``codegen.installed``), unless it is installed some other way."""
    version = installed.version("black") or _black().__version__
    return f"black {version} line-length {LINE_LENGTH} target-version py310"


def _format_chunk(chunk: str) -> str:
    formatted: str = _black().format_str(chunk, mode=black_mode())
    return formatted


def _needs_black() -> None:
    """Import black here before forking workers that will format: they then share it."""
    black_mode()


class Piece(NamedTuple):
    """A part of a module that black formats the same alone as in the module."""

    blank_lines: int  # how many black puts before it
    text: str  # what black formats: the part itself, or a method under ``class _:``
    in_class: bool  # a method: ``text`` starts with the ``class _:`` line to take off again


# A class with more lines than this is formatted method by method, so a change to one method
# (one operation of a big client) formats only that method again.
_CLASS_SPLIT_LINES = 100
_METHOD_WRAPPER = "class _:\n"


def split_module(source: str) -> list[Piece]:
    """``source`` cut into pieces that black formats the same alone as in the module.

    A piece starts at each top-level class or function (with the decorators and comment lines
    directly above it) and, after the first of those, at each top-level statement that the
    source sets off with a blank line; the first piece holds the module docstring and imports.
    Black puts two blank lines around a top-level definition and keeps up to two between other
    statements. A big class is cut again before each method (one blank line apart).
    """
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    starts: list[tuple[int, int, ast.stmt | None]] = [(0, 0, None)]  # line, blank lines, node
    previous: ast.stmt | None = None
    for node in tree.body:
        is_definition = isinstance(node, _DEFINITIONS)
        start, blank = _start_of(node, lines)
        # Right after a definition black wants two blank lines; after comment lines that
        # follow one, it keeps what the source has.
        after_definition = isinstance(previous, _DEFINITIONS) and not any(
            line.strip() for line in lines[typing.cast(int, previous.end_lineno) : start]
        )
        if start > 0 and (is_definition or (len(starts) > 1 and blank)):
            starts.append((start, 2 if is_definition or after_definition else min(blank, 2), node))
        previous = node
    starts.append((len(lines), 0, None))
    pieces = []
    for (a, blank, node), (b, _, _) in zip(starts, starts[1:]):
        if isinstance(node, ast.ClassDef) and b - a > _CLASS_SPLIT_LINES:
            pieces += _split_class(node, lines, a, b, blank)
        else:
            pieces.append(Piece(blank, _trimmed(lines[a:b]), False))
    return [piece for piece in pieces if piece.text.strip()]


def _trimmed(lines: list[str]) -> str:
    """The lines without the blank lines that end them, which black would take off: a piece
    black leaves as it is formats in one pass, not two (``black.format_str``)."""
    return "".join(lines).rstrip(" \t\n") + "\n"


_DEFINITIONS = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def _start_of(node: ast.stmt, lines: list[str]) -> tuple[int, int]:
    """The first line of ``node`` with its decorators and the comments right above it, and the
    number of blank lines above that."""
    decorators = getattr(node, "decorator_list", [])
    start = min([node.lineno, *(d.lineno for d in decorators)]) - 1
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    blank = 0
    while blank < start and not lines[start - 1 - blank].strip():
        blank += 1
    return start, blank


def _split_class(node: ast.ClassDef, lines: list[str], a: int, b: int, blank: int) -> list[Piece]:
    """The class statement with its docstring and attributes, then each method set off by a
    blank line (black keeps one blank line between methods)."""
    cuts = []
    for child in node.body:
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
            start, _ = _start_of(child, lines)
            if start > a and lines[start - 1].strip() == "":
                cuts.append(start)
    if not cuts:
        return [Piece(blank, _trimmed(lines[a:b]), False)]
    bounds = [a, *cuts, b]
    pieces = [Piece(blank, _trimmed(lines[bounds[0] : bounds[1]]), False)]
    for start, end in zip(bounds[1:], bounds[2:]):
        pieces.append(Piece(1, _METHOD_WRAPPER + _trimmed(lines[start:end]), True))
    return pieces


def _join(pieces: list[Piece], formatted: Mapping[str, str]) -> str:
    parts = []
    for i, piece in enumerate(pieces):
        text = formatted[piece.text]
        if piece.in_class:
            text = text.removeprefix(_METHOD_WRAPPER)
        parts.append(("\n" * piece.blank_lines if i else "") + text.strip("\n") + "\n")
    return "".join(parts)


class FormatPack:
    """One unit's formatted pieces (a service's package) in the cache, read and written once.

    A piece from the cache is used only if it is text that parses to the same program as the
    piece it stands for (``same_program``): an entry that was damaged or edited changes at
    most the layout of what is written, never what the code does.

    Beside the pieces, the modules the formatter left exactly as they were rendered, by the
    SHA-256 of their text, each with the digests of its pieces. An update takes such a
    module as it is, without cutting it into pieces (parsing it) again: the templates write
    black's layout, so that is nearly every module of an update (whole SageMaker: all but the
    ones the change reached). What is written is then the rendered text itself, so an edited
    entry can at most leave a module's layout not black's; and the module was parsed when
    it was first formatted, as that same text. Its pieces are kept in the cache, so the run
    that changes it finds them; a module whose pieces the cache has lost is cut again.
    """

    def __init__(self, cache: Cache, formatter: str, unit: str) -> None:
        self._store = Layered(cache, "format", digest("format", formatter_key(formatter), unit), string_item, string_item)
        self._module_store = Layered(
            cache, "format", digest("format modules", formatter_key(formatter), unit), hex_digest, hex_digests
        )
        self._stored: dict[str, str] | None = None
        self._stored_modules: dict[str, tuple[str, ...]] = {}
        self._digests: dict[str, str] | None = None
        self._used: dict[str, str] = {}
        self._used_modules: dict[str, tuple[str, ...]] = {}

    def _load(self) -> dict[str, str]:
        if self._stored is None:
            self._stored = self._store.load()
            self._stored_modules = self._module_store.load()
        return self._stored

    def lookup(self, texts: typing.Iterable[str]) -> dict[str, str]:
        """The formatted form of each of ``texts`` the cache holds and that checks out."""
        stored = self._load()
        found = {}
        for text in texts:
            formatted = stored.get(text)
            if isinstance(formatted, str) and same_program(text, formatted):
                found[text] = formatted
        return found

    def unchanged(self, sources: Mapping[str, str]) -> set[str]:
        """The paths of ``sources`` the formatter left as they are when it last saw them (to
        be written as they are), each kept with its pieces by ``flush``."""
        self._load()
        found = set()
        for path, source in sources.items():
            key = text_digest(source)
            pieces = self._stored_modules.get(key)
            # Only with its pieces at hand: a cache that lost them gets them back this run.
            if pieces is not None and all(piece in self._piece_digests() for piece in pieces):
                self._used_modules[key] = pieces
                found.add(path)
        return found

    def _piece_digests(self) -> dict[str, str]:
        """The stored pieces by the SHA-256 of their text (worked out once)."""
        if self._digests is None:
            self._digests = {text_digest(text): text for text in self._load()}
        return self._digests

    def has_pieces(self) -> bool:
        """Whether the cache holds pieces for this unit (loading them, once)."""
        return bool(self._load())

    def remember(self, pieces: Mapping[str, str]) -> None:
        """Pieces this run used: what ``flush`` will keep."""
        self._used.update(pieces)

    def remember_unchanged(self, source: str, pieces: list[Piece]) -> None:
        """A module the formatter left as it is, of these pieces: what ``unchanged`` finds."""
        self._used_modules[text_digest(source)] = tuple(text_digest(piece.text) for piece in pieces)

    def flush(self) -> None:
        """Keep exactly the pieces and modules this run used (with the pieces of the modules
        taken as they are), unless they are what is stored already."""
        stored = self._load()
        used = self._used
        if self._used_modules:
            digests = self._piece_digests()
            kept = (digests[key] for pieces in self._used_modules.values() for key in pieces if key in digests)
            used = {**{text: stored[text] for text in kept}, **used}
        if used != stored:
            self._store.save(used)
            self._stored = dict(used)
            self._digests = None
        if self._used_modules != self._stored_modules:
            self._module_store.save(self._used_modules)
            self._stored_modules = dict(self._used_modules)


def text_digest(text: str) -> str:
    """SHA-256 of ``text`` (UTF-8, with surrogates as Python escapes them), in hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def hex_digest(value: typing.Any) -> str:
    """A stored key that must be a SHA-256 in hex (``Layered``'s ``decode_key``)."""
    if type(value) is not str or len(value) != 64 or value.strip(_HEX_DIGITS):
        raise ValueError("not a SHA-256 digest")
    return value


def hex_digests(value: typing.Any) -> tuple[str, ...]:
    """A stored value that must be a list of SHA-256 digests in hex."""
    if type(value) is not list:
        raise TypeError("not a list")
    return tuple(hex_digest(item) for item in value)


_HEX_DIGITS = "0123456789abcdef"


def same_program(source: str, formatted: str) -> bool:
    """Whether ``formatted`` is ``source`` laid out differently: the same syntax tree, or, where
    the formatter reindented docstrings, what black's own safety check accepts.

    Most pieces come out of black as they went in (the templates write black's layout): the
    same text is the same program, with no parse. (A piece's text parsed when its module was
    split, and the written module is then the text that was rendered.)"""
    if formatted == source:
        return True
    try:
        # The same byte code, constants and names (line numbers aside) is the same program;
        # compiling costs far less than building and dumping two syntax trees.
        if _code_key(_compile(source)) == _code_key(_compile(formatted)):
            return True
        if ast.dump(ast.parse(source)) == ast.dump(ast.parse(formatted)):
            return True
        return _black_equivalent(source, formatted)
    except Exception:  # SyntaxError, a parse error of black's, anything a bad entry provokes
        return False


def _black_equivalent(source: str, formatted: str) -> bool:
    """black's own safety check (``black.assert_equivalent``: the syntax trees as black
    compares them, docstrings' indentation aside), without the diff it writes to a file in
    the temporary directory when they differ: a cache entry that fails here is dropped, and
    the user is owed no report (a run over a planted cache left a ``blk_*.log`` per piece)."""
    parsing = _black().parsing
    return list(parsing.stringify_ast(parsing.parse_ast(source))) == list(
        parsing.stringify_ast(parsing.parse_ast(formatted))
    )


def _compile(text: str) -> types.CodeType:
    return compile(text, "<piece>", "exec", dont_inherit=True, optimize=0)


def _code_key(code: types.CodeType) -> tuple[object, ...]:
    """What a code object does, without where its lines are: its byte code, exception table,
    names, flags and constants (nested code objects alike)."""
    return (
        code.co_code,
        getattr(code, "co_exceptiontable", b""),
        code.co_name,
        getattr(code, "co_qualname", code.co_name),
        code.co_names,
        code.co_varnames,
        code.co_freevars,
        code.co_cellvars,
        code.co_argcount,
        code.co_posonlyargcount,
        code.co_kwonlyargcount,
        code.co_flags,
        tuple(_constant_key(constant) for constant in code.co_consts),
    )


def _constant_key(constant: object) -> object:
    """A constant by its type and exact value (``1``, ``True`` and ``1.0`` are equal in
    Python, and ``0.0`` and ``-0.0``; not here)."""
    if isinstance(constant, types.CodeType):
        return ("code", _code_key(constant))
    if isinstance(constant, tuple):
        return ("tuple", tuple(_constant_key(item) for item in constant))
    if isinstance(constant, frozenset):
        return ("frozenset", frozenset(_constant_key(item) for item in constant))
    return (type(constant).__qualname__, repr(constant))


def format_sources(
    sources: Mapping[str, str],
    cache: FormatPack | None = None,
    workers: int | None = None,
    formatter: str = "black",
) -> dict[str, str]:
    """Every source formatted and checked to be valid Python, by path (see ``Formatting``)."""
    with Formatting(sources, cache, workers, formatter) as formatting:
        return formatting.result()


class Formatting:
    """Sources being formatted, on every core, while the caller goes on with other work.

    Invalid output is a generator bug, never the spec's fault (every spec string reaches the
    source through the escaping module); it is reported rather than written. Each source is
    parsed by ``ast`` before it is formatted, since black's own parser is more lenient than
    Python's (it accepts ``def f(*,)``); formatters change only layout, so what parsed still
    parses. Use it as a context manager, so the worker processes end whatever happens.
    """

    def __init__(
        self,
        sources: Mapping[str, str],
        cache: FormatPack | None = None,
        workers: int | None = None,
        formatter: str = "black",
    ) -> None:
        formatter_key(formatter)  # an unknown formatter is refused here
        self._cache = cache
        self._sources = sources
        self._pieces: dict[str, list[Piece]] = {}
        # Modules the cache says the formatter leaves as they are (``FormatPack.unchanged``).
        self._unchanged: set[str] = set()
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._batches: list[concurrent.futures.Future[list[str]]] = []
        self._preparing: _Preparing | None = None
        self._collected: dict[str, str] | None = None
        self._formatter = formatter
        # Entered before workers are forked (``forking.shared_heap``), left when they are gone.
        self._heap = contextlib.ExitStack()
        try:
            self._start(sources, cache, workers or os.cpu_count() or 1, formatter)
        except BaseException:
            self.__exit__()
            raise

    def _start(self, sources: Mapping[str, str], cache: FormatPack | None, workers: int, formatter: str) -> None:
        size = sum(map(len, sources.values()))
        update = cache is not None and size >= _POOL_THRESHOLD and cache.has_pieces()
        if cache is not None and formatter == "black":
            self._unchanged = cache.unchanged(sources)
            sources = {path: source for path, source in sources.items() if path not in self._unchanged}
        # (Only forked: a spawned process would import black and the generator all over.)
        small = _ASIDE_THRESHOLD <= size < _POOL_THRESHOLD and "fork" in multiprocessing.get_all_start_methods()
        if formatter == "black" and workers > 1 and (update or small):
            # An update: most pieces are in the cache, and cutting the modules into pieces
            # (parsing them) is most of the work. Each module is cut, looked up and its new
            # pieces formatted in a worker, while the caller goes on. Sources too small to
            # share out (one operation's package): all of them in one worker, the same way.
            if cache is None or not cache.has_pieces():
                _needs_black()  # nothing cached: the workers format everything
            self._heap.enter_context(shared_heap())
            self._preparing = _Preparing(sources, cache, workers if update else 1)  # (may be none)
            self._wanted: set[str] = set()
            self._done: dict[str, str] = {}
            self._missing: list[str] = []
            return
        for path, source in sources.items():
            try:
                if formatter == "black":
                    self._pieces[path] = split_module(source)
                else:
                    ast.parse(source, filename=path)
                    self._pieces[path] = [Piece(0, source, False)]
            except SyntaxError as exc:
                raise CodegenError(path, f"generated code does not parse: {exc}") from None
        wanted = {piece.text for pieces in self._pieces.values() for piece in pieces}
        self._wanted = wanted
        self._done = cache.lookup(wanted) if cache else {}
        # Largest first, so the cores stay busy to the end.
        self._missing = sorted(wanted - set(self._done), key=len, reverse=True)
        big = sum(map(len, self._missing)) >= _POOL_THRESHOLD
        if formatter == "black" and workers > 1 and len(self._missing) > 1 and big:
            _needs_black()
            self._heap.enter_context(shared_heap())
            self._pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=fork_context())
            self._batches = [
                self._pool.submit(_format_batch, self._missing[i : i + _BATCH])
                for i in range(0, len(self._missing), _BATCH)
            ]

    @property
    def pool(self) -> concurrent.futures.ProcessPoolExecutor | None:
        """The worker processes formatting (None when formatting in this process), which
        other work may be given to as well."""
        return self._pool

    def __enter__(self) -> Formatting:
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
            if self._preparing is not None:
                self._preparing.close()
        finally:
            self._heap.close()

    def let_go(self) -> None:
        """When formatting on a pool (a cold run), the formatted sources collected and its
        workers ended: the other work given to them (the help texts) being done, their memory
        (black's and docutils' heaps, some 90 MB each for whole SageMaker) is not held while
        the caller goes on, which is where a cold run's peak was. Workers cutting modules (an
        update) are left to go on alongside the caller."""
        if self._pool is None:
            return
        self._collected = self.result()
        self._pool.shutdown(wait=True)
        self._pool = None
        self._heap.close()

    def result(self) -> dict[str, str]:
        """The formatted sources, by path."""
        if self._collected is not None:
            return self._collected
        if self._preparing is not None:
            return self._prepared_result(self._preparing)
        progress = Progress("formatting", len(self._missing), "pieces")
        try:
            formatted = self._collect(progress)
        except (_black().parsing.InvalidInput, _RuffError) as exc:
            path = next(
                p for p, ps in self._pieces.items() if any(c.text in self._missing for c in ps)
            )
            raise CodegenError(path, f"generated code does not parse: {exc}") from None
        finally:
            progress.close()
        self._done.update(formatted)
        return self._joined(self._pieces)

    def _prepared_result(self, preparing: _Preparing) -> dict[str, str]:
        for path, (pieces, formatted, error) in preparing.results().items():
            if error is not None:
                raise CodegenError(path, f"generated code does not parse: {error}")
            self._pieces[path] = pieces
            self._done.update(formatted)
        self._wanted = {piece.text for pieces in self._pieces.values() for piece in pieces}
        return self._joined({path: self._pieces[path] for path in preparing.paths})

    def _joined(self, modules: dict[str, list[Piece]]) -> dict[str, str]:
        """The formatted sources: each module of ``modules`` joined from its formatted
        pieces, and the modules the cache says the formatter leaves as they are, as they are.
        What this run used is noted in the cache, with each module the formatter left as it
        was."""
        joined = {path: _join(pieces, self._done) for path, pieces in modules.items()}
        formatted = {
            path: source if path in self._unchanged else joined[path]
            for path, source in self._sources.items()
            if path in self._unchanged or path in joined
        }
        if self._cache:
            self._cache.remember({text: self._done[text] for text in self._wanted})
            if self._formatter == "black":
                for path, pieces in modules.items():
                    if joined[path] == self._sources[path]:
                        self._cache.remember_unchanged(self._sources[path], pieces)
        return formatted

    def _collect(self, progress: Progress) -> dict[str, str]:
        if self._formatter == "ruff":
            return _ruff_format(self._missing)
        results: list[str] = []
        if self._batches:
            for batch in self._batches:
                formatted = batch.result()
                results += formatted
                progress.advance(len(formatted))
        else:
            for chunk in self._missing:
                results.append(_format_chunk(chunk))
                progress.advance()
        return dict(zip(self._missing, results))


# Pieces sent to a worker at a time: few enough to share the work out evenly.
_BATCH = 8


# (pieces, the formatted text of each, why it does not parse) of one module, from a worker.
_Prepared = tuple[list[Piece], dict[str, str], "str | None"]


class _Preparing:
    """Modules cut into pieces, looked up in the cache (checked) and their new pieces
    formatted, in forked processes: a process each core, the modules shared out largest
    first. The processes get the sources and the cache as they are at the fork (nothing is
    pickled on the way there); each sends its modules' results back through a pipe."""

    def __init__(self, sources: Mapping[str, str], cache: FormatPack | None, workers: int) -> None:
        self.paths = list(sources)
        context = fork_context()
        shares: list[list[str]] = [[] for _ in range(workers)]
        loads = [0] * workers
        for path in sorted(sources, key=lambda p: (-len(sources[p]), p)):
            least = loads.index(min(loads))
            shares[least].append(path)
            loads[least] += len(sources[path])
        self._workers = []
        for share in shares:
            if share:
                receiving, sending = context.Pipe(duplex=False)
                process = context.Process(target=_prepare_modules, args=(sources, cache, share, sending), daemon=True)  # type: ignore[attr-defined]
                process.start()
                sending.close()
                self._workers.append((process, receiving))

    def results(self) -> dict[str, _Prepared]:
        done: dict[str, _Prepared] = {}
        for process, receiving in self._workers:
            try:
                outcome = receiving.recv()
            except EOFError:
                raise RuntimeError(f"a formatting process ended with exit status {process.exitcode}") from None
            finally:
                receiving.close()
            process.join()
            if isinstance(outcome, str):
                raise RuntimeError(f"a formatting process failed: {outcome}")
            done.update(outcome)
        return done

    def close(self) -> None:
        for process, receiving in self._workers:
            if process.is_alive():
                process.terminate()
            process.join()
            receiving.close()


def _prepare_modules(
    sources: Mapping[str, str], cache: FormatPack | None, paths: list[str], sending: typing.Any
) -> None:
    try:
        outcome: dict[str, _Prepared] | str = {path: _prepare_module(sources[path], cache) for path in paths}
    except Exception as exc:  # a bug: reported by the parent, which raises it
        outcome = f"{type(exc).__name__}: {exc}"
    sending.send(outcome)
    sending.close()


def _prepare_module(source: str, cache: FormatPack | None) -> _Prepared:
    """One module cut into pieces, each taken from the cache (checked) or formatted."""
    try:
        pieces = split_module(source)
    except SyntaxError as exc:
        return [], {}, str(exc)
    texts = list(dict.fromkeys(piece.text for piece in pieces))
    formatted = cache.lookup(texts) if cache is not None else {}
    try:
        for text in texts:
            if text not in formatted:
                formatted[text] = _format_chunk(text)
    except _black().parsing.InvalidInput as exc:
        return [], {}, str(exc)
    return pieces, formatted, None


def _format_batch(chunks: list[str]) -> list[str]:
    return [_format_chunk(chunk) for chunk in chunks]


class BlackAside:
    """Forked processes that import black, then format the pieces they are sent, in the order
    sent, while the caller goes on.

    A small service's cold run (the mission project's: some 60 KB of code) is mostly imports
    and black, its code formatted on the other core while this one renders the rest. Forked
    before the caller imports botocore, Jinja and docutils (the command line starts it when
    the quick check finds work to do), the process has black imported by the time the first
    module is rendered, and formats each module while the next is rendered (``Streamed``).
    It then forks a second with black imported (``_LANES``), so that both cores format once
    this one has rendered the rest. A caller with no use for them (a big service, several,
    another formatter) closes them: they have imported black on a core that was idle.

    Each process reads what it is sent on a thread of its own, so neither side waits on the
    other's pipe: the caller never blocks sending, whatever it has not read yet.
    """

    def __init__(self, lanes: int = 2) -> None:
        context = fork_context()
        pairs = [context.Pipe() for _ in range(lanes)]
        self._lanes = [ours for ours, _ in pairs]
        theirs = [end for _, end in pairs]
        self._process = context.Process(target=_serve_black, args=(theirs, self._lanes), daemon=True)  # type: ignore[attr-defined]
        self._process.start()
        for end in theirs:
            end.close()
        self._loads = [0] * lanes
        self._waiting = [0] * lanes  # batches sent and not received, by lane
        self._closed = False

    @classmethod
    def start(cls) -> BlackAside | None:
        """The processes, where there is ``fork`` and another core; else None."""
        if "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
            return None
        return cls(_LANES)

    def send(self, texts: list[str]) -> int:
        """``texts`` given to the process with the least to do so far; which one (its lane)."""
        lane = self._loads.index(min(self._loads))
        self._lanes[lane].send(texts)
        self._loads[lane] += sum(map(len, texts))
        self._waiting[lane] += 1
        return lane

    def receive(self, lane: int) -> list[str] | str:
        """The formatted texts of the oldest batch sent on ``lane`` not received yet, or why
        black refused one of them."""
        try:
            outcome: tuple[str, typing.Any] = self._lanes[lane].recv()
        except (EOFError, OSError):
            self.close()
            raise RuntimeError(f"a formatting process ended with exit status {self._process.exitcode}") from None
        self._waiting[lane] -= 1
        kind, value = outcome
        if kind == "bug":
            raise RuntimeError(f"a formatting process failed: {value}")
        return typing.cast("list[str] | str", value)

    def close(self) -> None:
        """The processes ended: at once when they have sent all they were given, else stopped,
        unused ones too (the caller does not wait for black's import to finish; the second
        process ends as soon as it finds its pipe closed, within a piece)."""
        if self._closed:
            return
        self._closed = True
        for lane in self._lanes:
            lane.close()
        if (any(self._waiting) or not any(self._loads)) and self._process.is_alive():
            self._process.terminate()
        self._process.join()


# Processes formatting a small service: one a core, on the two cores here (the caller's own
# rendering is done by the time half the code is formatted).
_LANES = 2


def _serve_black(lanes: list[typing.Any], callers: list[typing.Any]) -> None:
    # (Deaf to Ctrl-C, as every worker is, ``forking.fork_context``: the caller closes the
    # pipes, or stops these, and these end without a traceback of their own.)
    for end in callers:  # (inherited: else the caller closing its end would not end these)
        end.close()
    black_mode()  # black imported while the caller imports the rest
    forked = []
    for lane in lanes[1:]:
        pid = os.fork()
        if pid == 0:
            try:
                lanes[0].close()
                _serve_lane(lane)
            finally:
                os._exit(0)
        forked.append(pid)
        lane.close()
    _serve_lane(lanes[0])
    for pid in forked:
        os.waitpid(pid, 0)


def _serve_lane(connection: typing.Any) -> None:
    import queue
    import threading

    batches: queue.SimpleQueue[list[str] | None] = queue.SimpleQueue()

    def read() -> None:
        try:
            while True:
                batches.put(connection.recv())
        except (EOFError, OSError):
            batches.put(None)

    threading.Thread(target=read, daemon=True).start()
    while (texts := batches.get()) is not None:
        try:
            outcome: tuple[str, typing.Any] = ("done", [_format_chunk(text) for text in texts])
        except _black().parsing.InvalidInput as exc:
            outcome = ("invalid", str(exc))
        except Exception as exc:  # a bug: the caller raises it
            outcome = ("bug", f"{type(exc).__name__}: {exc}")
        try:
            connection.send(outcome)
        except OSError:  # the caller left
            return


class Streamed:
    """Sources formatted by a ``BlackAside`` as they are rendered. Each is cut into pieces and
    looked up in the cache here (cutting is a parse, ~0.2 ms a KB); its pieces the cache does
    not hold go to the process at once, one batch a source, and come back in that order.
    Used in a ``with`` block, as ``Formatting`` is, in its place."""

    pool = None  # (no workers to give other work to)

    def __init__(self, aside: BlackAside, cache: FormatPack | None = None) -> None:
        self._aside = aside
        self._cache = cache
        self._pieces: dict[str, list[Piece]] = {}
        self._sources: dict[str, str] = {}  # every module added, in the order added
        self._as_is: set[str] = set()  # those the cache says black leaves as they are
        self._done: dict[str, str] = {}
        self._sent: set[str] = set()
        self._batches: collections.deque[tuple[str, list[str], int]] = collections.deque()

    def __enter__(self) -> Streamed:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._aside.close()

    def add(self, path: str, source: str) -> None:
        """``source`` (the module at ``path``) given to be formatted."""
        self._sources[path] = source
        if self._cache is not None and self._cache.unchanged({path: source}):
            self._as_is.add(path)
            return
        try:
            pieces = split_module(source)
        except SyntaxError as exc:
            raise CodegenError(path, f"generated code does not parse: {exc}") from None
        self._pieces[path] = pieces
        texts = [t for t in dict.fromkeys(p.text for p in pieces) if t not in self._done and t not in self._sent]
        if self._cache is not None:
            self._done.update(self._cache.lookup(texts))
            texts = [text for text in texts if text not in self._done]
        if texts:
            lane = self._aside.send(texts)
            self._sent.update(texts)
            self._batches.append((path, texts, lane))

    def formatted(self, path: str) -> str:
        """The source added at ``path``, formatted (waiting for the batches sent before it)."""
        if path in self._as_is:
            return self._sources[path]
        while any(piece.text not in self._done for piece in self._pieces[path]):
            self._receive_one()
        return _join(self._pieces[path], self._done)

    def let_go(self) -> None:
        """(Nothing to let go of: the process is one, and small.)"""

    def result(self) -> dict[str, str]:
        """Every source added, formatted, by path in the order added."""
        while self._batches:
            self._receive_one()
        joined = {path: _join(pieces, self._done) for path, pieces in self._pieces.items()}
        if self._cache is not None:
            self._cache.remember({p.text: self._done[p.text] for ps in self._pieces.values() for p in ps})
            for path, pieces in self._pieces.items():
                if joined[path] == self._sources[path]:
                    self._cache.remember_unchanged(self._sources[path], pieces)
        return {path: source if path in self._as_is else joined[path] for path, source in self._sources.items()}

    def _receive_one(self) -> None:
        path, texts, lane = self._batches.popleft()
        formatted = self._aside.receive(lane)
        if isinstance(formatted, str):
            raise CodegenError(path, f"generated code does not parse: {formatted}")
        self._done.update(zip(texts, formatted))


def formatter_key(formatter: str) -> str:
    """The formatter's identity: its name, version and settings (part of every cache key)."""
    if formatter == "black":
        return _black_key()
    if formatter == "ruff":
        version = _run_ruff(["--version"]).strip()
        return f"{version} {' '.join(_RUFF_ARGUMENTS)}"
    raise CodegenError("--formatter", f"unknown formatter {formatter!r}; choose black or ruff")


class _RuffError(Exception):
    pass


def _run_ruff(arguments: list[str]) -> str:
    try:
        from ruff.__main__ import find_ruff_bin
    except ImportError:
        raise CodegenError(
            "--formatter", "ruff is not installed (pip install 'botocore-codegen[ruff]')"
        ) from None
    run = subprocess.run([find_ruff_bin(), *arguments], capture_output=True, text=True)
    if run.returncode != 0:
        lines = (run.stderr or run.stdout).strip().splitlines()
        raise _RuffError(lines[0] if lines else f"ruff exited with status {run.returncode}")
    return run.stdout


def _ruff_format(texts: list[str]) -> dict[str, str]:
    """Each text formatted by one ``ruff format`` run over a temporary directory."""
    if not texts:
        return {}
    with tempfile.TemporaryDirectory(prefix="codegen-ruff-") as directory:
        paths = [Path(directory) / f"m{index}.py" for index in range(len(texts))]
        for path, text in zip(paths, texts):
            path.write_text(text, encoding="utf-8")
        _run_ruff(["format", *_RUFF_ARGUMENTS, directory])
        return {text: path.read_text(encoding="utf-8") for path, text in zip(paths, texts)}
