"""Helpers shared by the generated modules of this package.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import functools
import json
import os
import pathlib
import re
import sys
import types
import typing

import botocore
import botocore.exceptions
import botocore.loaders
import botocore.paginate
import botocore.session

EnumT = typing.TypeVar("EnumT", bound=enum.Enum)


class WireEnum(str, enum.Enum):
    """Base of the generated enums: members are strings equal to their wire value, and print
    as it (``str()`` and f-strings give ``Completed``, as boto3's plain strings do)."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(str(self.value), format_spec)


class ResponseParseError(ValueError):
    """A response does not have the form the model gives it, where the typed classes depend
    on that form. ``path`` locates the value (``TrainingJobSummaries[3].TrainingJobName``).
    """

    def __init__(self, operation: str, path: str, problem: str) -> None:
        self.operation, self.path, self.problem = operation, path, problem
        super().__init__(f"{operation} response: {path or '(top level)'}: {problem}")


class MissingMemberError(KeyError):
    """Data from the service lacks a member the model marks as required (or it is null)."""

    def __init__(self, shape: str, member: str, attr: str) -> None:
        self.shape, self.member, self.attr = shape, member, attr
        super().__init__(
            f"{shape}.{member} ({attr}) is required by the model but missing"
        )

    def __str__(self) -> str:
        return str(self.args[0])


def first_problem(
    shape: typing.Any, value: typing.Any, path: str = ""
) -> tuple[str, str] | None:
    """Where ``value`` first departs from the botocore ``shape`` in a way conversion relies on:
    a required member missing or null, or a structure, list or map of the wrong kind.

    Scalars are not checked: botocore passes them through as the service sent them, and so do
    the typed classes. Only called after a conversion failed, so it costs nothing otherwise.
    """
    stack: list[tuple[typing.Any, typing.Any, str]] = [(shape, value, path)]
    while stack:
        shape, value, path = stack.pop()
        kind = shape.type_name
        if kind == "structure" and not shape.metadata.get("document"):
            if not isinstance(value, typing.Mapping):
                return path, f"expected an object, got {type(value).__name__}"
            for name in shape.required_members:
                if value.get(name) is None:
                    return (
                        _join(path, name),
                        "required by the model but missing or null",
                    )
            for name, member in reversed(list(shape.members.items())):
                if value.get(name) is not None:
                    stack.append((member, value[name], _join(path, name)))
        elif kind == "list":
            if not isinstance(value, list):
                return path, f"expected a list, got {type(value).__name__}"
            for index in reversed(range(len(value))):
                stack.append((shape.member, value[index], f"{path}[{index}]"))
        elif kind == "map":
            if not isinstance(value, typing.Mapping):
                return path, f"expected an object, got {type(value).__name__}"
            for key in reversed(list(value)):
                stack.append(
                    (shape.value, value[key], f"{path}.{key}" if path else str(key))
                )
    return None


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


ConvertedT = typing.TypeVar("ConvertedT")


RequestT = typing.TypeVar("RequestT")


def request_of(
    request_class: type[RequestT],
    request: RequestT | None,
    members: typing.Mapping[str, typing.Any],
) -> RequestT:
    """The request a client method was given: an object, or its fields as keywords."""
    if request is None:
        return request_class(**members)
    if members:
        raise TypeError("pass a request object or keyword arguments, not both")
    return request


def no_result(data: typing.Mapping[str, typing.Any]) -> None:
    """The typed result of an operation whose output the model leaves out."""
    del data


def parse_response(
    convert: typing.Callable[[typing.Mapping[str, typing.Any]], ConvertedT],
    data: typing.Mapping[str, typing.Any],
    botocore_client: typing.Any,
    operation: str,
) -> ConvertedT:
    """``convert(data)``; when the data's form is wrong, a ``ResponseParseError`` naming where."""
    try:
        return convert(data)
    except (MissingMemberError, AttributeError, TypeError) as error:
        shape = botocore_client.meta.service_model.operation_model(
            operation
        ).output_shape
        found = first_problem(shape, data) if shape is not None else None
        if found is None:
            raise
        raise ResponseParseError(operation, *found) from error


def enum_value(value: enum.Enum | str) -> str:
    """The wire value of an enum member, or a plain string passed as is."""
    return str(value.value) if isinstance(value, enum.Enum) else value


def enum_or_str(enum_class: type[EnumT], value: str) -> EnumT | str:
    """The member for a value the model knows; the value itself, kept as given, otherwise."""
    try:
        return enum_class(value)
    except ValueError:
        return value


def aware_datetime(value: datetime.datetime) -> datetime.datetime:
    """botocore parses timestamps as aware datetimes; a naive one is taken to be UTC."""
    if isinstance(value, datetime.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=datetime.timezone.utc)
    return value


def redacted(value: object) -> str:
    """The repr of a sensitive member: never its value."""
    return "<redacted>" if value is not None else "None"


# --- conversion to and from botocore's form -----------------------------------------------
#
# Every structure class converts through the same two loops below, driven by its member
# table: the members' wire names in field order, those the model requires, and converters
# where the Python and botocore forms differ. The tables are data (``members.json`` beside the
# models module), attached to a class the first time it converts. Writing the loops once,
# here, instead of two methods per class keeps a whole service's code small (thousands of
# classes) at a cost of a few percent of botocore's own parse time.

Convert = typing.Callable[[typing.Any], typing.Any]
MemberTable = tuple[tuple[str, str, typing.Optional[Convert]], ...]


class Converter(typing.NamedTuple):
    """How a member's value changes on its way to botocore (``to_wire``) and back
    (``from_wire``); None for a direction in which it is passed as is."""

    to_wire: Convert | None
    from_wire: Convert | None


ShapeT = typing.TypeVar("ShapeT", bound="Shape")


class Shape:
    """Base of the generated structures: ``to_botocore`` and ``from_botocore``."""

    __slots__ = ()
    # Set on each class by ``bind``; looked up in the class's own namespace only.
    _wire_shape: typing.ClassVar[str]
    _wire_out: typing.ClassVar[MemberTable]
    _wire_in: typing.ClassVar[MemberTable]
    _wire_required: typing.ClassVar[tuple[tuple[str, str], ...]]

    def to_botocore(self) -> dict[str, typing.Any]:
        """This value as botocore parameters: the members that are set, in model order."""
        cls = type(self)
        members = cls.__dict__.get("_wire_out")
        if members is None:
            members = bind(cls)._wire_out
        params: dict[str, typing.Any] = {}
        for attr, wire, convert in members:
            value = getattr(self, attr)
            if value is not None:
                params[wire] = value if convert is None else convert(value)
        return params

    @classmethod
    def from_botocore(
        cls: type[ShapeT], data: typing.Mapping[str, typing.Any]
    ) -> ShapeT:
        """Build from botocore's parsed form.

        Members the model does not know are ignored; a member it requires but the data lacks
        (or gives as null) raises ``MissingMemberError`` naming it.
        """
        members = cls.__dict__.get("_wire_in")
        if members is None:
            members = bind(cls)._wire_in
        get = data.get
        fields: dict[str, typing.Any] = {}
        for wire, attr, convert in members:
            value = get(wire)
            if value is not None:
                fields[attr] = value if convert is None else convert(value)
        for wire, attr in cls._wire_required:
            if attr not in fields:
                raise MissingMemberError(cls._wire_shape, wire, attr)
        return typing.cast(ShapeT, typing.cast(typing.Any, cls)(**fields))


def bind(cls: type[ShapeT]) -> type[ShapeT]:
    """Attach its member table to ``cls``, a class of a generated models module."""
    import attrs  # here, not above: the command line imports this module, never attrs

    module = sys.modules[cls.__module__]
    entry = _member_tables(module.__name__, getattr(module, "__file__", None))[
        cls.__name__
    ]
    fields = [field.name for field in attrs.fields(typing.cast(typing.Any, cls))]
    wire_names = entry["wire"]
    if len(fields) != len(wire_names):
        raise TypeError(
            f"{cls.__name__}: {len(wire_names)} members for {len(fields)} fields"
        )
    converters = {
        wire: _converter(module, spec)
        for wire, spec in entry.get("convert", {}).items()
    }
    members = [(a, w, converters.get(w)) for a, w in zip(fields, wire_names)]
    required = set(entry.get("required", ()))
    cls._wire_shape = entry["shape"]
    cls._wire_required = tuple((w, a) for a, w, _ in members if w in required)
    cls._wire_in = tuple((w, a, c.from_wire if c else None) for a, w, c in members)
    cls._wire_out = tuple((a, w, c.to_wire if c else None) for a, w, c in members)
    return cls


@functools.lru_cache(maxsize=None)
def _member_tables(module: str, file: str | None) -> dict[str, typing.Any]:
    """``members.json`` beside the models module: class name -> its member table."""
    if file is None:
        raise TypeError(f"{module} has no file, so no members.json beside it")
    path = pathlib.Path(file).with_name("members.json")
    tables: dict[str, typing.Any] = json.loads(path.read_text(encoding="utf-8"))
    return tables


def _converter(module: types.ModuleType, spec: list[typing.Any]) -> Converter:
    """The converter a member table describes: ``["timestamp"]``, ``["enum", class]``,
    ``["structure", class]``, ``["list", item]``, ``["map", key or null, value or null]``.
    """
    kind = spec[0]
    if kind == "timestamp":
        return TIMESTAMP
    if kind == "enum":
        return enum_of(getattr(module, spec[1]))
    if kind == "structure":
        return structure(getattr(module, spec[1]))
    if kind == "list":
        return list_of(_converter(module, spec[1]))
    if kind == "map":
        key = None if spec[1] is None else _converter(module, spec[1])
        value = None if spec[2] is None else _converter(module, spec[2])
        return map_of(key, value)
    raise ValueError(f"unknown converter {kind!r}")


#: A timestamp: botocore takes datetimes as they are and parses them as aware datetimes.
TIMESTAMP = Converter(None, aware_datetime)


def enum_of(enum_class: type[enum.Enum]) -> Converter:
    return Converter(enum_value, functools.partial(enum_or_str, enum_class))


def structure(cls: type[Shape]) -> Converter:
    return Converter(Shape.to_botocore, cls.from_botocore)


def list_of(item: Converter) -> Converter:
    to_item, from_item = item
    return Converter(
        None if to_item is None else (lambda values: [to_item(v) for v in values]),
        None if from_item is None else (lambda values: [from_item(v) for v in values]),
    )


def map_of(key: Converter | None, value: Converter | None) -> Converter:
    """A map; ``key`` is None for keys passed as is, and so is ``value`` for values."""
    to_key, from_key = key or Converter(None, None)
    to_value, from_value = value or Converter(None, None)
    return Converter(
        _map_converter(to_key, to_value), _map_converter(from_key, from_value)
    )


def _map_converter(key: Convert | None, value: Convert | None) -> Convert | None:
    if key is None and value is None:
        return None
    if key is None:
        assert value is not None
        return lambda items: {k: value(v) for k, v in items.items()}
    if value is None:
        return lambda items: {key(k): v for k, v in items.items()}
    return lambda items: {key(k): value(v) for k, v in items.items()}


# --- botocore plumbing -------------------------------------------------------------------

DATA_DIR = pathlib.Path(__file__).with_name("data")


def cache_dir() -> pathlib.Path:
    """Where this package keeps data derived from botocore's (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache"
    )
    return pathlib.Path(base) / __name__.rpartition(".")[0]


class SliceLoader(botocore.loaders.Loader):  # type: ignore[misc]  # botocore is untyped
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
_CACHE_MAGIC = b"endpoints cache 1\n"
_CACHE_LIMIT = 8 << 20


def read_cache_entry(path: pathlib.Path) -> typing.Any:
    """The JSON data of a cache entry, or None when it is missing, damaged or not a regular
    file (a link, FIFO or device planted there is not followed, read or waited on)."""
    import hashlib
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > _CACHE_LIMIT:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            raw = handle.read(_CACHE_LIMIT + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    header, _, rest = raw.partition(b"\n")
    digest, _, body = rest.partition(b"\n")
    if (
        header + b"\n" != _CACHE_MAGIC
        or hashlib.sha256(body).hexdigest().encode() != digest
    ):
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def write_cache_entry(path: pathlib.Path, data: typing.Any) -> None:
    """Store ``data`` through a fresh temporary file; an unwritable cache is ignored."""
    import hashlib
    import tempfile

    body = json.dumps(data).encode("utf-8")
    content = _CACHE_MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", dir=path.parent
        )
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


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
    session = botocore.session.Session(
        session_vars=dict(session_vars or {}), profile=profile_name
    )

    def botocore_loader() -> botocore.loaders.Loader:
        return botocore.loaders.create_loader(session.get_config_variable("data_path"))

    loader = SliceLoader(botocore_loader)
    session.register_component("data_loader", loader)
    components = getattr(
        session, "_internal_components", None
    )  # (botocore has no public hook)
    if components is not None:
        components.lazy_register_component(
            "endpoint_resolver", loader.endpoint_resolver
        )
    return session


@contextlib.contextmanager
def translated_errors(
    errors: typing.Mapping[str, type[botocore.exceptions.ClientError]],
) -> typing.Iterator[None]:
    """Re-raise a modeled service error as this package's class for it (a ClientError)."""
    try:
        yield
    except botocore.exceptions.ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        modeled = errors.get(code)
        if modeled is None or isinstance(error, modeled):
            raise
        raise modeled(error.response, error.operation_name) from error


# --- strict validation ---------------------------------------------------------------------


def strict_problems(shape: typing.Any, value: typing.Any, path: str) -> list[str]:
    """What botocore's validator leaves to the service: ``max``, ``pattern`` and ``enum``.

    Messages follow botocore's wording. A pattern must match the whole value (the models
    come from services that validate that way); one Python's ``re`` cannot compile is skipped.
    """
    problems: list[str] = []
    if value is None:
        return problems
    kind = shape.type_name
    metadata = shape.metadata
    if kind == "structure" and isinstance(value, typing.Mapping):
        for name, member in shape.members.items():
            if name in value:
                problems += strict_problems(
                    member, value[name], f"{path}.{name}" if path else name
                )
    elif kind == "list" and isinstance(value, (list, tuple)):
        if "max" in metadata and len(value) > metadata["max"]:
            problems.append(
                f"Invalid length for parameter {path}, value: {len(value)}, "
                f"valid max length: {metadata['max']}"
            )
        for index, item in enumerate(value):
            problems += strict_problems(shape.member, item, f"{path}[{index}]")
    elif kind == "map" and isinstance(value, typing.Mapping):
        if "max" in metadata and len(value) > metadata["max"]:
            problems.append(
                f"Invalid length for parameter {path}, value: {len(value)}, "
                f"valid max length: {metadata['max']}"
            )
        for key, item in value.items():
            problems += strict_problems(shape.key, key, f"{path} (key)")
            problems += strict_problems(shape.value, item, f"{path}.{key}")
    elif kind == "string" and isinstance(value, str):
        if "max" in metadata and len(value) > metadata["max"]:
            problems.append(
                f"Invalid length for parameter {path}, value: {len(value)}, "
                f"valid max length: {metadata['max']}"
            )
        enum_values = metadata.get("enum")
        if enum_values and value not in enum_values:
            problems.append(
                f"Invalid value for parameter {path}, value: {value}, "
                f"valid values: {', '.join(enum_values)}"
            )
        pattern = compiled_pattern(metadata.get("pattern"))
        if pattern is not None and pattern.fullmatch(value) is None:
            problems.append(
                f"Invalid pattern for parameter {path}, value: {value}, "
                f"valid pattern: {metadata['pattern']}"
            )
    elif kind in ("integer", "long", "float", "double") and isinstance(
        value, (int, float)
    ):
        if "max" in metadata and value > metadata["max"]:
            problems.append(
                f"Invalid value for parameter {path}, value: {value}, "
                f"valid max value: {metadata['max']}"
            )
    return problems


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
        return None


def compiled_pattern(pattern: typing.Any) -> re.Pattern[str] | None:
    """The model's pattern, or None when there is none or Python's ``re`` rejects it."""
    return _compile(pattern) if isinstance(pattern, str) else None


def validate_strictly(
    input_shape: typing.Any, params: typing.Mapping[str, typing.Any]
) -> None:
    problems = strict_problems(input_shape, params, "")
    if problems:
        raise botocore.exceptions.ParamValidationError(report="\n".join(problems))


# --- pagination ----------------------------------------------------------------------------


class CycleSafePageIterator(botocore.paginate.PageIterator):  # type: ignore[misc]
    """botocore's page iterator, refusing to send a token it already sent in this listing.

    botocore stops only when the same token comes back twice in a row; a service that cycles
    (A, B, A, ...) would be paged forever. Each walk of the pages starts a new listing.
    """

    _sent: set[str]

    def __iter__(self) -> typing.Iterator[typing.Any]:
        self._sent = set()
        yield from super().__iter__()

    def _make_request(self, current_kwargs: dict[str, typing.Any]) -> typing.Any:
        tokens = {key: current_kwargs.get(key) for key in self._input_token}
        if any(value is not None for value in tokens.values()):
            seen = json.dumps(tokens, sort_keys=True, default=str)
            if seen in self._sent:
                raise botocore.exceptions.PaginationError(
                    message="The service returned a token it had already returned in this "
                    f"listing, so paging would never end: {tokens}"
                )
            self._sent.add(seen)
        return super()._make_request(current_kwargs)


def cycle_safe(paginator: botocore.paginate.Paginator) -> botocore.paginate.Paginator:
    """``paginator``, its listings refusing a token already sent (``CycleSafePageIterator``)."""
    paginator.PAGE_ITERATOR_CLS = CycleSafePageIterator
    return paginator


PageT = typing.TypeVar("PageT")
ItemT = typing.TypeVar("ItemT")


class PageIterator(typing.Generic[PageT, ItemT]):
    """Typed pages over botocore's own paginator (its tokens, limits and truncation).

    Every iteration starts a new botocore page iterator (botocore's own is single-pass), so
    the pages can be walked more than once; ``resume_token`` is that of the latest walk.
    """

    def __init__(
        self,
        start: typing.Callable[[], botocore.paginate.PageIterator],
        parse_page: typing.Callable[[typing.Mapping[str, typing.Any]], PageT],
        items_of: typing.Callable[[PageT], typing.Iterable[ItemT]],
        errors: typing.Mapping[str, type[botocore.exceptions.ClientError]],
    ) -> None:
        self._start = start
        self._parse_page = parse_page
        self._items_of = items_of
        self._errors = errors
        self._latest: botocore.paginate.PageIterator | None = None

    def _pages(self) -> botocore.paginate.PageIterator:
        self._latest = self._start()
        return self._latest

    def __iter__(self) -> typing.Iterator[PageT]:
        """Each page as the operation's typed response."""
        pages = self._pages()
        with translated_errors(self._errors):
            for page in pages:
                yield self._parse_page(page)

    def items(self) -> typing.Iterator[ItemT]:
        """Every item of the result key, across pages (``max_items`` counts these)."""
        for page in self:
            yield from self._items_of(page)

    def build_full_result(self) -> PageT:
        """One response holding every item. When ``max_items`` cut the listing short,
        ``resume_token`` (and a ``next_token`` member, if the response has one) resumes it.
        """
        pages = self._pages()
        with translated_errors(self._errors):
            return self._parse_page(pages.build_full_result())

    @property
    def resume_token(self) -> str | None:
        """The token to pass as ``starting_token`` to continue after ``max_items``."""
        if self._latest is None:
            return None
        token: str | None = self._latest.resume_token
        return token


def pagination_config(
    max_items: int | None, page_size: int | None, starting_token: str | None
) -> dict[str, typing.Any]:
    config = {
        "MaxItems": max_items,
        "PageSize": page_size,
        "StartingToken": starting_token,
    }
    return {key: value for key, value in config.items() if value is not None}
