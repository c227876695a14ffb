"""The templates compiled on another core while this one reads the spec and builds the IR.

Compiling the templates (Jinja lexes, parses and writes Python for each, which Python then
compiles) costs some 0.35 s for the built-in ones, a good part of a small run and of an
update whose pages come from the render cache. None of it depends on the spec, so at the start
of a render a forked process compiles every template of both environments and sends the code
back through a pipe; the environments take it through their bytecode cache the first time a
template is loaded, and compile anything it lacks (a template that does not compile, which is
then reported as ever) themselves. The built-in templates now ship compiled
(``codegen.render.shipped``), so what is left to compile aside is the user's overrides and
any built-in template edited since its code was written.

Why by hand: Jinja's bytecode caches keep compiled templates in files or memcached, to be
read by later runs; code read from there would be code read from a cache and executed. Here
nothing is stored: the code comes from a child of this very process, for the templates it
has the sources of, and is checked against each source's checksum as Jinja checks its own.
"""

from __future__ import annotations

import contextlib
import marshal
import multiprocessing.connection
import os
from typing import Iterator

import jinja2

from codegen.forking import fork_context
from codegen.render.shipped import ShippedCode
from codegen.render.templates import BUILTIN_PREFIX

# (key, source checksum, marshalled code) of one template, as the bytecode cache names them.
_Compiled = tuple[str, str, bytes]


@contextlib.contextmanager
def compiled_aside(environments: dict[jinja2.Environment, tuple[str, ...]]) -> Iterator[None]:
    """While inside, templates loaded by each environment, of the names ending in its
    suffixes, take the code a forked process compiled meanwhile. Nothing is forked on one
    core, where there is no fork, or for environments that have loaded templates already (an
    earlier render in this process). Templates the environment's shipped code covers
    (``codegen.render.shipped``) are not compiled again; when it covers them all (the
    built-in templates, unchanged), nothing is forked either."""
    envs = list(environments)
    if (
        (os.cpu_count() or 1) < 2
        or "fork" not in multiprocessing.get_all_start_methods()
        or any(
            env.cache is None or len(env.cache) or not (env.bytecode_cache is None or isinstance(env.bytecode_cache, ShippedCode))
            for env in envs
        )
    ):
        yield
        return
    todo = {env: _not_shipped(env, suffixes) for env, suffixes in environments.items()}
    if not any(todo.values()):
        yield
        return
    context = fork_context()
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_compile_all, args=(todo, sending), daemon=True)
    process.start()
    sending.close()
    received = _Received(receiving)
    shipped = [env.bytecode_cache for env in envs]
    for index, env in enumerate(envs):
        env.bytecode_cache = _FromSibling(received, index, shipped[index])
    try:
        yield
    finally:
        for env, previous in zip(envs, shipped):
            env.bytecode_cache = previous
        received.close()
        if process.is_alive():  # still compiling, or sending to no one: not needed any more
            process.terminate()
        process.join()


def _not_shipped(env: jinja2.Environment, suffixes: tuple[str, ...]) -> list[str]:
    """The templates of ``env`` ending in ``suffixes`` that its shipped code does not cover."""
    assert env.loader is not None
    shipped = env.bytecode_cache if isinstance(env.bytecode_cache, ShippedCode) else None
    names = []
    for name in env.loader.list_templates():
        if not name.endswith(suffixes) or name.startswith(f"{BUILTIN_PREFIX}/"):
            continue
        if shipped is not None:
            try:
                source, _, _ = env.loader.get_source(env, name)
            except Exception:  # reported by the environment, when (if) the render loads it
                continue
            if shipped.covers(name, source):
                continue
        names.append(name)
    return names


class _Received:
    """What the forked process sends, once: each environment's compiled templates."""

    def __init__(self, receiving: multiprocessing.connection.Connection) -> None:
        self._receiving: multiprocessing.connection.Connection | None = receiving
        self._code: list[dict[str, tuple[str, bytes]]] = []
        self._owner = os.getpid()

    def code(self, index: int) -> dict[str, tuple[str, bytes]]:
        """The compiled templates of the ``index``-th environment (waiting for them the first
        time); none if the process failed, or to a process forked before they came (which
        would otherwise take them off the pipe its parent waits on)."""
        if os.getpid() != self._owner:
            return self._code[index] if index < len(self._code) else {}
        if self._receiving is not None:
            try:
                sent: list[list[_Compiled]] = self._receiving.recv()
                self._code = [{key: (checksum, code) for key, checksum, code in part} for part in sent]
            except (EOFError, OSError):
                pass  # it died: the environments compile their templates themselves
            self.close()
        return self._code[index] if index < len(self._code) else {}

    def close(self) -> None:
        if self._receiving is not None:
            self._receiving.close()
            self._receiving = None


class _FromSibling(jinja2.BytecodeCache):
    """An environment's bytecode cache holding what the forked process compiled for it, used
    for each template whose source is the one compiled (after the shipped code, if any)."""

    def __init__(self, received: _Received, index: int, shipped: jinja2.BytecodeCache | None = None) -> None:
        self._received = received
        self._index = index
        self._shipped = shipped

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        if self._shipped is not None:
            bucket = self._shipped.get_bucket(environment, name, filename, source)
            if bucket.code is not None:
                return bucket
        return super().get_bucket(environment, name, filename, source)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self._received.code(self._index).get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = marshal.loads(found[1])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        pass  # nothing is kept: the environment's own cache holds the loaded template


def _compile_all(environments: dict[jinja2.Environment, list[str]], sending: multiprocessing.connection.Connection) -> None:
    """In the forked process: each environment's templates of those names, compiled as it
    would compile them (those that do not compile are left to it)."""
    sent: list[list[_Compiled]] = []
    try:
        bcc = jinja2.BytecodeCache()
        for env, names in environments.items():
            compiled: list[_Compiled] = []
            assert env.loader is not None
            for name in names:
                try:
                    source, filename, _ = env.loader.get_source(env, name)
                    code = env.compile(source, name, filename)
                except Exception:  # reported by the environment, when (if) the render loads it
                    continue
                key = bcc.get_cache_key(name, filename)
                compiled.append((key, bcc.get_source_checksum(source), marshal.dumps(code)))
            sent.append(compiled)
        sending.send(sent)
    except Exception:
        pass  # (a broken pipe: the render is over) the environments compile for themselves
    finally:
        sending.close()
