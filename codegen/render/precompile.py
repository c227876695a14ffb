"""The templates compiled on another core while this one reads the spec and builds the IR.

Compiling the templates (Jinja lexes, parses and writes Python for each, which Python then
compiles) costs some 0.35 s for the built-in ones, a good part of a small run and of an
update whose pages come from the render cache. None of it depends on the spec, so at the start
of a render a forked process compiles every template of both environments and sends the code
back through a pipe; the environments take it through their bytecode cache the first time a
template is loaded, and compile anything it lacks (a template that does not compile, which is
then reported as ever) themselves.

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
from codegen.render.templates import BUILTIN_PREFIX

# (key, source checksum, marshalled code) of one template, as the bytecode cache names them.
_Compiled = tuple[str, str, bytes]


@contextlib.contextmanager
def compiled_aside(environments: dict[jinja2.Environment, tuple[str, ...]]) -> Iterator[None]:
    """While inside, templates loaded by each environment, of the names ending in its
    suffixes, take the code a forked process compiled meanwhile. Nothing is forked on one
    core, where there is no fork, or for environments that have loaded templates already (an
    earlier render in this process)."""
    envs = list(environments)
    if (
        (os.cpu_count() or 1) < 2
        or "fork" not in multiprocessing.get_all_start_methods()
        or any(env.cache is None or len(env.cache) or env.bytecode_cache is not None for env in envs)
    ):
        yield
        return
    context = fork_context()
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_compile_all, args=(environments, sending), daemon=True)
    process.start()
    sending.close()
    received = _Received(receiving)
    for index, env in enumerate(envs):
        env.bytecode_cache = _FromSibling(received, index)
    try:
        yield
    finally:
        for env in envs:
            env.bytecode_cache = None
        received.close()
        if process.is_alive():  # still compiling, or sending to no one: not needed any more
            process.terminate()
        process.join()


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
    for each template whose source is the one compiled."""

    def __init__(self, received: _Received, index: int) -> None:
        self._received = received
        self._index = index

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self._received.code(self._index).get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = marshal.loads(found[1])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        pass  # nothing is kept: the environment's own cache holds the loaded template


def _compile_all(
    environments: dict[jinja2.Environment, tuple[str, ...]], sending: multiprocessing.connection.Connection
) -> None:
    """In the forked process: each environment's templates of its suffixes, compiled as it
    would compile them (those that do not compile are left to it)."""
    sent: list[list[_Compiled]] = []
    try:
        bcc = jinja2.BytecodeCache()
        for env, suffixes in environments.items():
            compiled: list[_Compiled] = []
            assert env.loader is not None
            for name in env.loader.list_templates():
                if not name.endswith(suffixes) or name.startswith(f"{BUILTIN_PREFIX}/"):
                    continue
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
