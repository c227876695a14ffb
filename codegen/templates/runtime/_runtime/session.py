"""A botocore session that loads the package's sliced model, with the endpoints it needs
cached.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import os
import pathlib
import typing

import botocore
import botocore.exceptions
import botocore.loaders
import botocore.session

from .cache import read_cache_entry, write_cache_entry

# The package this module belongs to, and the model slice it ships.
PACKAGE = __name__.split(".")[0]
DATA_DIR = pathlib.Path(__file__).parents[1] / "data"


def cache_dir() -> pathlib.Path:
    """Where this package keeps data derived from botocore's (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache"
    )
    return pathlib.Path(base) / PACKAGE


class SliceLoader(botocore.loaders.Loader):  # type: ignore[misc, unused-ignore]  # (untyped without botocore-stubs)
    """botocore's loader for this package's data directory, falling back to ``fallback`` for
    the files the slice does not hold (endpoints, partitions, retry and default configuration).

    A service model is looked up among the slice's services only, not among every service
    botocore ships (listing those takes hundreds of directory reads per model type).
    """

    def __init__(self, fallback: typing.Callable[[], botocore.loaders.Loader]) -> None:
        super().__init__(
            extra_search_paths=[str(DATA_DIR)], include_default_search_paths=False
        )
        self._make_fallback = fallback
        self._fallback: botocore.loaders.Loader | None = None

    def fallback(self) -> botocore.loaders.Loader:
        if self._fallback is None:
            self._fallback = self._make_fallback()
        return self._fallback

    def load_data_with_path(self, name: str) -> tuple[typing.Any, str]:
        try:
            found: tuple[typing.Any, str] = super().load_data_with_path(name)
        except botocore.exceptions.DataNotFoundError:
            found = self.fallback().load_data_with_path(name)
        return found

    def endpoint_resolver(self) -> typing.Any:
        """botocore's ``EndpointResolver`` over the partitions' data for this package's services.

        botocore's ``endpoints.json`` is over a megabyte; the part for the slice's services is
        kept in a cache file (per copy of that file, in ``~/.cache``), so sessions after the
        first one read a few KB. Without a usable cache it is the whole file, as botocore does.
        """
        import botocore.regions

        data, path = self._sliced_endpoints()
        return botocore.regions.EndpointResolver(
            data, uses_builtin_data=self.fallback().is_builtin_path(path)
        )

    def _sliced_endpoints(self) -> tuple[typing.Any, str]:
        import hashlib
        import json
        import os

        fallback = self.fallback()
        source = None
        for directory in fallback.search_paths:
            candidate = os.path.join(directory, "endpoints")
            if os.path.isdir(directory) and fallback.file_loader.exists(candidate):
                source = candidate
                break
        if source is None:
            found: tuple[typing.Any, str] = fallback.load_data_with_path("endpoints")
            return found
        file_name = next(
            source + ext
            for ext in (".json", ".json.gz")
            if os.path.isfile(source + ext)
        )
        names = sorted(
            {
                name
                for service in self.list_available_services("service-2")
                for name in (
                    service,
                    self.load_service_model(service, "service-2")["metadata"].get(
                        "endpointPrefix"
                    ),
                )
                if name
            }
        )
        stat = os.stat(file_name)
        key = json.dumps(
            [
                2,
                botocore.__version__,
                os.path.realpath(file_name),
                stat.st_size,
                stat.st_mtime_ns,
                names,
            ]
        )
        cache = (
            cache_dir()
            / f"endpoints-{hashlib.sha256(key.encode()).hexdigest()[:24]}.json"
        )
        cached = read_cache_entry(cache)
        if cached is not None:
            return cached, source
        data = fallback.load_data_with_path("endpoints")[0]
        sliced = dict(data)
        sliced["partitions"] = [
            {
                **partition,
                "services": {
                    k: v for k, v in partition.get("services", {}).items() if k in names
                },
            }
            for partition in data.get("partitions", [])
        ]
        write_cache_entry(cache, sliced)
        return sliced, source


# A cache entry: this header, the SHA-256 of the body, then the body (JSON).


def botocore_session(
    profile_name: str | None = None,
    *,
    session_vars: typing.Mapping[str, typing.Any] | None = None,
) -> botocore.session.Session:
    """A botocore session that loads this package's services from its sliced model.

    The slice holds only this package's operations, so creating a client parses a few KB of
    JSON instead of the service's whole model, and it is the model the package was generated
    from (a newer one in ``~/.aws/models`` does not replace it). Only sessions made here are
    changed: a session passed in by the caller keeps botocore's full model. ``session_vars``
    adds configuration variables (botocore's ``session_vars``).
    """
    return use_slice(
        botocore.session.Session(
            session_vars=dict(session_vars or {}), profile=profile_name
        )
    )


SessionT = typing.TypeVar("SessionT")


def use_slice(session: SessionT) -> SessionT:
    """``session`` (botocore's, or a subclass of it such as aiobotocore's ``AioSession``),
    loading this package's services from its sliced model (see ``botocore_session``)."""
    target: typing.Any = session

    def botocore_loader() -> botocore.loaders.Loader:
        return botocore.loaders.create_loader(target.get_config_variable("data_path"))

    loader = SliceLoader(botocore_loader)
    target.register_component("data_loader", loader)
    components = getattr(
        target, "_internal_components", None
    )  # (botocore has no public hook)
    if components is not None:
        components.lazy_register_component(
            "endpoint_resolver", loader.endpoint_resolver
        )
    return session
