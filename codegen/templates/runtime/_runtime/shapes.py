"""The generated classes' base: conversion to and from botocore's form, enums that survive
values the model does not know, unions, timestamps, and hidden sensitive values.

This module does not postpone its annotations (no ``from __future__ import annotations``):
the fields every structure inherits from ``Shape`` must resolve from the generated modules,
whose namespaces do not hold these names, for ``typing.get_type_hints`` to work there.

Copied into every package codegen generates; do not edit.
"""

import datetime
import enum
import functools
import json
import pathlib
import sys
import types
import typing

import attrs

EnumT = typing.TypeVar("EnumT", bound="WireEnum")


class WireEnum(str, enum.Enum):
    """Base of the generated enums: members are strings equal to their wire value, and print
    as it (``str()`` and f-strings give ``Completed``, as boto3's plain strings do).

    A value the model does not list is still a member, an unknown one: ``Status("Archived")``
    (which is also how to send a value newer than the model) has ``.value == "Archived"``,
    ``.is_unknown``, compares equal to ``"Archived"``, and is the same object each time.
    """

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(str(self.value), format_spec)

    def __repr__(self) -> str:
        if self._name_ is None:
            return f"{type(self).__name__}({self._value_!r})"
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    @property
    def is_unknown(self) -> bool:
        """Whether the model does not list this value (it is newer than the model)."""
        return self._name_ is None

    @classmethod
    def _missing_(cls, value: object) -> typing.Any:
        if not isinstance(value, str):
            return None
        unknown: dict[str, typing.Any] | None = cls.__dict__.get("_unknown_members_")
        if unknown is None:
            unknown = {}
            type.__setattr__(cls, "_unknown_members_", unknown)
        member = unknown.get(value)
        if member is None:
            member = str.__new__(cls, value)
            member._value_ = value
            member._name_ = None  # type: ignore[assignment]
            unknown[value] = member
        return member


def redacted(value: object) -> str:
    """The repr of a sensitive member: never its value."""
    return "<redacted>" if value is not None else "None"


@attrs.frozen
class ResponseMetadata:
    """What botocore says about the HTTP exchange behind a response (not part of equality).

    ``corrected`` lists the paths of members the model requires but the service left out,
    filled with their zero values (``codegen``'s client error correction).
    """

    request_id: str | None = None
    http_status_code: int | None = None
    http_headers: typing.Mapping[str, str] = attrs.field(factory=dict)
    retry_attempts: int | None = None
    host_id: str | None = None
    corrected: tuple[str, ...] = ()

    @classmethod
    def from_botocore(
        cls, data: typing.Mapping[str, typing.Any], corrected: tuple[str, ...] = ()
    ) -> "ResponseMetadata":
        return cls(
            request_id=data.get("RequestId"),
            http_status_code=data.get("HTTPStatusCode"),
            http_headers=dict(data.get("HTTPHeaders") or {}),
            retry_attempts=data.get("RetryAttempts"),
            host_id=data.get("HostId"),
            corrected=corrected,
        )


@attrs.frozen
class UnknownMember:
    """A member of a union (or an event of an event stream) the model does not know yet, as
    the service sent it: its wire name (botocore keeps only the name)."""

    name: str


EMPTY: typing.Mapping[str, typing.Any] = types.MappingProxyType({})
NO_METADATA = ResponseMetadata()


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


class MissingMemberError(KeyError):
    """Data from the service lacks a member the model marks as required (or it is null)."""

    def __init__(self, shape: str, member: str, attr: str) -> None:
        self.shape, self.member, self.attr = shape, member, attr
        super().__init__(
            f"{shape}.{member} ({attr}) is required by the model but missing"
        )

    def __str__(self) -> str:
        return str(self.args[0])


ShapeT = typing.TypeVar("ShapeT", bound="Shape")

# botocore's key for the exchange's metadata in a parsed response, and for a union member
# its model does not know.
RESPONSE_METADATA = "ResponseMetadata"
UNKNOWN_UNION_MEMBER = "SDK_UNKNOWN_MEMBER"


@attrs.frozen(kw_only=True)
class Shape:
    """Base of the generated structures: ``to_botocore`` and ``from_botocore``, and what the
    wire carried beyond the model: ``extra`` (members the model does not know, or that
    botocore's handlers add, kept as botocore gave them) and ``response_metadata`` (request
    id, HTTP status and headers, retries; not part of equality)."""

    extra: typing.Mapping[str, typing.Any] = attrs.field(default=EMPTY, repr=False)
    response_metadata: ResponseMetadata = attrs.field(
        default=NO_METADATA, repr=False, eq=False
    )
    # Set on each class by ``bind``; looked up in the class's own namespace only.
    _wire_shape: typing.ClassVar[str]
    _wire_out: typing.ClassVar[MemberTable]
    _wire_in: typing.ClassVar[MemberTable]
    _wire_names: typing.ClassVar[frozenset[str]]
    _wire_required: typing.ClassVar[tuple[tuple[str, str], ...]]

    def to_botocore(self) -> dict[str, typing.Any]:
        """This value as botocore parameters: the members that are set, in model order, then
        ``extra``. Sequences and mappings of other types are sent as lists and dicts."""
        cls = type(self)
        members = cls.__dict__.get("_wire_out")
        if members is None:
            members = bind(cls)._wire_out
        params: dict[str, typing.Any] = {}
        for attr, wire, convert in members:
            value = getattr(self, attr)
            if value is None:
                continue
            if convert is not None:
                try:
                    value = convert(value)
                except _WrongType as error:
                    raise TypeError(f"{cls.__name__}.{attr}: {error}") from None
            elif isinstance(value, typing.Mapping) and not isinstance(value, dict):
                value = dict(value)
            elif isinstance(value, (set, frozenset, range)) or (
                isinstance(value, typing.Sequence)
                and not isinstance(value, (str, bytes, bytearray, list, tuple))
            ):
                value = list(value)
            params[wire] = value
        if self.extra:
            params.update(self.extra)
        unknown = getattr(self, "unknown_member", None)
        if unknown is not None:  # as botocore's parser gives it
            params[UNKNOWN_UNION_MEMBER] = {"name": unknown.name}
        return params

    @classmethod
    def from_botocore(
        cls: type[ShapeT], data: typing.Mapping[str, typing.Any]
    ) -> ShapeT:
        """Build from botocore's parsed form. Members the model does not know go to ``extra``;
        a member it requires but the data lacks (or gives as null) raises
        ``MissingMemberError`` naming it (``responses.parse_response`` corrects that).
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
        if len(data) > len(fields):
            unknown = data.keys() - cls._wire_names
            if unknown:
                metadata = data.get(RESPONSE_METADATA)
                if metadata is not None:
                    unknown.discard(RESPONSE_METADATA)
                    fields["response_metadata"] = ResponseMetadata.from_botocore(
                        metadata
                    )
                if UNKNOWN_UNION_MEMBER in unknown and "unknown_member" in cls.__dict__:
                    unknown.discard(UNKNOWN_UNION_MEMBER)
                    described = data[UNKNOWN_UNION_MEMBER]
                    name = (
                        described.get("name", "") if isinstance(described, dict) else ""
                    )
                    fields["unknown_member"] = UnknownMember(str(name))
                if unknown:
                    fields["extra"] = {key: data[key] for key in unknown}
        if not fields and "unknown_member" in cls.__dict__:
            # A union (or event) with no member the model knows: the service sent one botocore
            # could not name.
            fields["unknown_member"] = UnknownMember("")
        return typing.cast(ShapeT, typing.cast(typing.Any, cls)(**fields))


def check_union(self: Shape) -> None:
    """A union's ``__attrs_post_init__``: exactly one member is set (or the member the model
    does not know, ``unknown_member``)."""
    set_members = [
        field.name
        for field in attrs.fields(type(self))
        if field.name not in ("extra", "response_metadata")
        and getattr(self, field.name) is not None
    ]
    if len(set_members) != 1:
        raise ValueError(
            f"{type(self).__name__} is a union: set exactly one member, not "
            f"{len(set_members)} ({', '.join(set_members) or 'none'})"
        )


def complete_forward_references(
    namespace: dict[str, typing.Any], references: dict[str, tuple[str, ...]]
) -> None:
    """Let the ``__init__`` attrs wrote for a class see the classes defined after it that its
    annotations name (recursive shapes), so ``typing.get_type_hints`` resolves them: attrs
    gives the method a copy of the module's namespace as it was when the class was made.
    """
    for name, later in references.items():
        init = namespace[name].__init__
        scope = getattr(init, "__globals__", None)
        if scope is not None and scope is not namespace:
            for other in later:
                scope.setdefault(other, namespace[other])


# Fields every structure has beside its members (``Shape``), and a union's unknown member.
OWN_FIELDS = ("extra", "response_metadata", "unknown_member")


def bind(cls: type[ShapeT]) -> type[ShapeT]:
    """Attach its member table to ``cls``, a class of a generated models module."""
    module = sys.modules[cls.__module__]
    tables = _member_tables(module.__name__, getattr(module, "__file__", None))
    entry = tables.get(cls.__name__)
    if entry is None:
        raise TypeError(f"{cls.__name__} is not a class of {module.__name__}")
    fields = [
        field.name
        for field in attrs.fields(typing.cast(typing.Any, cls))
        if field.name not in OWN_FIELDS
    ]
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
    cls._wire_names = frozenset(wire_names)
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
    if kind == "event_stream":
        return event_stream(getattr(module, spec[1]))
    raise ValueError(f"unknown converter {kind!r}")


class _WrongType(TypeError):
    """A value of the wrong Python type where a structure belongs (``to_botocore`` names the
    field)."""


def aware_datetime(value: datetime.datetime) -> datetime.datetime:
    """botocore parses timestamps as aware datetimes; a naive one is taken to be UTC."""
    if isinstance(value, datetime.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=datetime.timezone.utc)
    return value


#: A timestamp: botocore takes datetimes, ISO 8601 strings and epoch numbers as they are,
#: and parses them as aware datetimes.
TIMESTAMP = Converter(None, aware_datetime)


def enum_value(value: enum.Enum | str) -> str:
    """The wire value of an enum member, or a plain string passed as is."""
    return str(value.value) if isinstance(value, enum.Enum) else value


def enum_of(enum_class: type[WireEnum]) -> Converter:
    return Converter(enum_value, functools.partial(_enum_from_wire, enum_class))


def _enum_from_wire(enum_class: type[WireEnum], value: typing.Any) -> typing.Any:
    """The member for a value (an unknown member for one the model does not list); a value
    that is not a string is passed as the service sent it, as botocore does."""
    return enum_class(value) if isinstance(value, str) else value


def structure(cls: type[Shape]) -> Converter:
    def to_wire(value: typing.Any) -> dict[str, typing.Any]:
        if not isinstance(value, cls):
            raise _WrongType(
                f"expected a {cls.__name__}, got {type(value).__name__} (build a "
                f"{cls.__name__}(...); {cls.__name__}.from_botocore() converts a dict in "
                "botocore's form)"
            )
        return value.to_botocore()

    return Converter(to_wire, cls.from_botocore)


def event_stream(cls: type[Shape]) -> Converter:
    """An output event stream: botocore's ``EventStream`` (aiobotocore's, for the asynchronous
    client), its events typed as ``cls`` (the stream's structure, one member set per event).
    """
    from .streams import events_of

    package = cls.__module__.rpartition(".")[0]
    return Converter(None, lambda stream: events_of(stream, cls.from_botocore, package))


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
