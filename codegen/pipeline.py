"""The stages wired together: spec directory -> IR -> rendered, formatted tree."""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import multiprocessing
import os
from pathlib import Path
from typing import Callable, Iterator

import attrs

from codegen.errors import CodegenError
from codegen.cache import Cache, digest
from codegen.forking import aside, fork_context, shared_heap
from codegen.format import BlackAside, FormatPack, formatter_key
from codegen.progress import Progress
from codegen.ir.build import build_service
from codegen.ir import naming
from codegen.ir.nodes import Service
from codegen.release import Metadata, Release
from codegen.render.conversions import Conversions
from codegen.render.templates import Overrides
from codegen.render.docs import CONVERTERS
from codegen.render.service import RUNTIME_DIR, render_service, runtime_files
from codegen.render.units import Renders
from codegen.spec.store import ServiceSpec, read_snapshot
from codegen.write import Tree

__all__ = ["RUNTIME_DIR", "Generated", "generate", "generate_tree", "load_services", "runtime_files"]


def load_services(spec_dir: Path, package: str) -> list[tuple[ServiceSpec, Service]]:
    snapshot = read_snapshot(spec_dir)
    if len(snapshot.services) != 1:
        raise CodegenError(
            f"{spec_dir}/manifest.json: services",
            f"one service per package is supported, found {len(snapshot.services)}",
        )
    return [(spec, build_service(spec, package)) for spec in snapshot.services]


# (prefix of a service's files in the tree, digest of its inputs) -> its files from the
# previous run, when they are known to be what these inputs give; None otherwise.
Reuse = Callable[[str, str], "Tree | None"]


@attrs.frozen
class Generated:
    """A generated tree, and the digest of the inputs of each service's part of it (by the
    prefix of its files: ``""`` for a single service, ``typed-sts/`` for one of several)."""

    tree: Tree
    inputs: dict[str, str]
    # Waits for the cache entries being written in a forked process (``cache_aside``); the
    # cache holds them once it returns.
    settle: Callable[[], None] = attrs.field(default=lambda: None, eq=False, repr=False)


@attrs.frozen
class _Settings:
    """What every service of a run is rendered with, besides its spec and name."""

    formatter: str
    release: Release
    overrides: Overrides | None

    def key(self) -> list[str]:
        """Their part of a service's inputs digest."""
        return [
            repr(attrs.asdict(self.release, recurse=True)),
            self.overrides.digest if self.overrides else "built-in templates",
        ]


def generate_tree(
    spec_dir: Path,
    package: str | None,
    cache_dir: Path | None = None,
    formatter: str = "black",
    *,
    metadata: Metadata | None = None,
    overrides: Overrides | None = None,
) -> Tree:
    """The generated tree for the spec directory (see ``generate``)."""
    return generate(spec_dir, package, cache_dir, formatter, metadata=metadata, overrides=overrides).tree


def generate(
    spec_dir: Path,
    package: str | None,
    cache_dir: Path | None = None,
    formatter: str = "black",
    reuse: Reuse | None = None,
    *,
    metadata: Metadata | None = None,
    overrides: Overrides | None = None,
    cache_aside: bool = False,
    black_aside: BlackAside | None = None,
) -> Generated:
    """The generated tree for the spec directory. With ``cache_dir``, code formatted and
    documentation converted by earlier runs is taken from the cache (``codegen.cache``);
    ``reuse`` may hand back a service's files unchanged when its inputs are (the command line
    takes them from the output directory, ``codegen.reuse``).

    A spec directory of one service gives one distribution at the top of the tree, its import
    name ``package``. One of several services gives a distribution per service, each in a
    directory of its own and named for its service (``typed_<service>``, ``package`` None), so
    a model update to some services renders only those.

    ``metadata`` is what the distributions say about themselves (``codegen.release``; their
    version is the one the spec directory's manifest records), ``overrides`` the user's
    templates over the built-in ones (``codegen.render.templates``). ``black_aside``, a
    process with black imported (the command line forks it before importing the rest), formats
    a small service's code as it is rendered; this run closes it when done with it or when it
    has no use for it.
    """
    try:
        return _generate(spec_dir, package, cache_dir, formatter, reuse, metadata, overrides, cache_aside, black_aside)
    finally:
        if black_aside is not None:
            black_aside.close()


def _generate(
    spec_dir: Path,
    package: str | None,
    cache_dir: Path | None,
    formatter: str,
    reuse: Reuse | None,
    metadata: Metadata | None,
    overrides: Overrides | None,
    cache_aside: bool,
    black_aside: BlackAside | None,
) -> Generated:
    cache = Cache(cache_dir) if cache_dir else None
    snapshot = read_snapshot(spec_dir)
    specs = snapshot.services
    metadata = metadata or Metadata()
    if len(specs) > 1:
        # The name and description given are one distribution's; each service's is its own.
        metadata = attrs.evolve(metadata, distribution=None, description=None)
    settings = _Settings(
        formatter, Release.of(snapshot.package_version, snapshot.botocore_version, metadata), overrides
    )
    if len(specs) > 1 and package:
        raise CodegenError(
            "--package",
            f"names one package, but {spec_dir} holds {len(specs)} services; each is generated "
            "as typed_<service> in a directory of its own",
        )
    names = [package or naming.package_name(spec.service_name) for spec in specs]
    if len(set(names)) < len(names):
        clash = next(name for name in names if names.count(name) > 1)
        raise CodegenError(f"{spec_dir}/manifest.json: services", f"two services would both be {clash}")
    generator = _generator_digest(formatter_key(formatter))
    prefixes = [""] if len(specs) == 1 else [name.replace("_", "-") + "/" for name in names]
    inputs = {
        prefix: _inputs_digest(generator, settings, spec, name)
        for prefix, spec, name in zip(prefixes, specs, names)
    }
    reused = {prefix: reuse(prefix, inputs[prefix]) for prefix in prefixes} if reuse else {}
    todo = [(spec, name, prefix) for spec, name, prefix in zip(specs, names, prefixes) if reused.get(prefix) is None]
    later: list[Callable[[], None]] = []
    if len(specs) == 1:
        only = reused.get("")
        if only is None:
            small = _model_size(specs[0]) < _STREAM_MODEL_BYTES and formatter == "black"
            stream = black_aside if small else None
            if stream is None and black_aside is not None:
                black_aside.close()  # (its memory not held while this renders)
            only = _render_service(
                specs[0], names[0], cache, settings, generator, None, later if cache_aside else None, stream
            )
        trees = {"": only}
    else:
        if black_aside is not None:
            black_aside.close()
        trees = {prefix: tree for prefix, tree in reused.items() if tree is not None}
        trees.update(_render_services(todo, cache, settings, generator))
    tree: dict[str, bytes] = {}
    for prefix in prefixes:
        tree.update({prefix + path: content for path, content in trees[prefix].items()})
    return Generated(tree, inputs, _settle_all(later))


def _settle_all(later: list[Callable[[], None]]) -> Callable[[], None]:
    def settle() -> None:
        while later:
            later.pop()()

    return settle


def _inputs_digest(generator: str, settings: _Settings, spec: ServiceSpec, name: str) -> str:
    """Everything a service's files depend on: the generator (its code, templates, formatter
    and botocore), the release (version and metadata), the user's templates, the package name
    and the service's pinned model files."""
    return digest(
        generator, *settings.key(), name, spec.service_name, spec.api_version, *spec.operations,
        *(part for path, content in sorted(spec.files.items()) for part in (path, content)),
    )


def _render_service(
    spec: ServiceSpec,
    name: str,
    cache: Cache | None,
    settings: _Settings,
    generator: str,
    workers: int | None,
    later: list[Callable[[], None]] | None = None,
    black_aside: BlackAside | None = None,
) -> Tree:
    """One service's files; the cache entries its render used written back, or, given
    ``later``, being written in a forked process, with the function that waits for them
    appended to it; its code formatted by ``black_aside`` when given."""
    # One big service on every core: the templates are compiled on another while the IR is
    # built. (A small model's IR is built sooner than they compile: the render would wait.)
    big = workers is None and _model_size(spec) >= _ASIDE_MODEL_BYTES
    compiling = _compiled_aside(settings.overrides) if big else contextlib.nullcontext()
    with compiling:
        identity = _render_identity(generator, settings)
        with _stores(cache, settings.formatter, name, identity, aside_=big and cache is not None) as stores:
            service = build_service(spec, name)
            conversions, pack, renders = stores()
        tree = render_service(
            spec,
            service,
            conversions,
            pack,
            settings.formatter,
            workers,
            release=settings.release,
            overrides=settings.overrides,
            renders=renders,
            black_aside=black_aside,
        )

    def save() -> bool:
        conversions.save()
        if pack is not None:
            pack.flush()
        if renders is not None:
            renders.save()
        return True

    if later is not None and cache is not None and "fork" in multiprocessing.get_all_start_methods():
        later.append(_saved_aside(save))
    else:
        save()
    return tree


_Stores = tuple[Conversions, "FormatPack | None", "Renders | None"]


def _load_stores(cache: Cache | None, formatter: str, name: str, identity: str) -> _Stores:
    """The service's conversions, formatted pieces and rendered units, read from the cache."""
    pack = FormatPack(cache, formatter, name) if cache else None
    if pack is not None:
        pack.has_pieces()  # read now, not when formatting starts
    renders = Renders(cache, name, identity) if cache else None
    return Conversions(CONVERTERS, cache, name), pack, renders


@contextlib.contextmanager
def _stores(
    cache: Cache | None, formatter: str, name: str, identity: str, aside_: bool
) -> Iterator[Callable[[], _Stores]]:
    """Inside, a function giving the service's cache entries (``_load_stores``). With
    ``aside_``, they are read in a forked process while this one builds the IR, and handed
    back pickled: whole SageMaker's are 32 MB of JSON, some 0.35 s to decode and check, and
    0.1 s to unpickle. If that process fails, they are read here."""
    load = functools.partial(_load_stores, cache, formatter, name, identity)
    if not aside_ or "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        yield load
        return
    with shared_heap(), aside(load) as loaded:
        yield lambda: loaded() or load()


def _saved_aside(save: Callable[[], bool]) -> Callable[[], None]:
    """``save()`` in a forked process (``forking.aside``): JSON-encoding and writing whole
    SageMaker's entries is some 0.5 s, which then overlaps the writing of the tree. The
    function returned waits for it, and saves here if it failed."""
    stack = contextlib.ExitStack()
    stack.enter_context(shared_heap())
    result = stack.enter_context(aside(save))

    def settle() -> None:
        try:
            if result() is None:
                save()
        finally:
            stack.close()

    return settle


# Measured on these 2 cores: whole SageMaker (a 2.7 MB model) gains 0.3-0.4 s of an update's
# 6.4-6.9 s; the mission project (12 KB) loses some 0.04 s of its cold run.
_ASIDE_MODEL_BYTES = 1 << 20
# Below this, a service's code (some 2.5 times its model's size) is too small for a pool of
# formatters (``codegen.format._POOL_THRESHOLD``): the one process with black imported
# formats it as it is rendered. The mission project's model is 23 KB.
_STREAM_MODEL_BYTES = 64 << 10


def _compiled_aside(overrides: Overrides | None) -> contextlib.AbstractContextManager[None]:
    """Both environments' templates compiled in a forked process (``render.precompile``)."""
    from codegen.render.environment import python_environment, text_environment
    from codegen.render.precompile import compiled_aside

    return compiled_aside(
        {python_environment(overrides): (".py.j2", ".toml.j2"), text_environment(overrides): (".rst.j2", ".conf.j2")}
    )


def _render_identity(generator: str, settings: _Settings) -> str:
    """What a rendered unit depends on besides its view: the templates and the code they call
    (``generator``), the user's templates and the release (``settings``), and Jinja."""
    import jinja2

    return digest(generator, *settings.key(), jinja2.__version__)


def _render_services(
    todo: list[tuple[ServiceSpec, str, str]], cache: Cache | None, settings: _Settings, generator: str
) -> dict[str, Tree]:
    """Each service's package, by prefix, rendered one service per core.

    A service at a time per process keeps every core busy on many small services, which are
    too small to share out piece by piece; the largest start first, so no core is left with
    a big one at the end.
    """
    workers = os.cpu_count() or 1
    progress = Progress("services", len(todo), "generated")
    done: dict[str, Tree] = {}
    try:
        if workers == 1 or len(todo) <= 1:
            for spec, name, prefix in todo:
                done[prefix] = _render_service(spec, name, cache, settings, generator, 1)
                progress.advance()
        else:
            by_size = sorted(todo, key=lambda item: -_model_size(item[0]))
            with shared_heap():
                pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=fork_context())
                try:
                    pending = {
                        pool.submit(_render_in_worker, spec, name, cache, settings, generator): prefix
                        for spec, name, prefix in by_size
                    }
                    for future in concurrent.futures.as_completed(pending):
                        done[pending[future]] = future.result()
                        progress.advance()
                finally:
                    # After an error, the services not started yet are not rendered for nothing.
                    pool.shutdown(wait=True, cancel_futures=True)
    finally:
        progress.close()
    return done


def _render_in_worker(
    spec: ServiceSpec, name: str, cache: Cache | None, settings: _Settings, generator: str
) -> Tree:
    # Looked up by name in the (forked) worker, so the function itself need not be pickled.
    return _render_service(spec, name, cache, settings, generator, 1)


def _model_size(spec: ServiceSpec) -> int:
    return sum(len(content) for content in spec.files.values())


_CODEGEN_DIR = Path(__file__).resolve().parent


def _generator_digest(formatter: str) -> str:
    """What every generated tree depends on besides its spec: this generator's code and
    templates (``codegen/templates``), and the libraries whose output lands in it (the
    formatter, botocore's bcdoc)."""
    import botocore

    return digest(formatter, botocore.__version__, *_files_of(_CODEGEN_DIR))


def _files_of(root: Path) -> list[str | bytes]:
    """Every file under ``root``: its path and its content, in a stable order."""
    parts: list[str | bytes] = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return parts
