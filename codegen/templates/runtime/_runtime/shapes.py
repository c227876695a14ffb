"""The generated classes' base: conversion to and from botocore's form, enums that survive
values the model does not know, timestamps, and hidden sensitive values.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
import pathlib
import sys
import types
import typing

EnumT = typing.TypeVar("EnumT", bound=enum.Enum)


class WireEnum(str, enum.Enum):
    """Base of the generated enums: members are strings equal to their wire value, and print
    as it (``str()`` and f-strings give ``Completed``, as boto3's plain strings do)."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(str(self.value), format_spec)


class MissingMemberError(KeyError):
    """Data from the service lacks a member the model marks as required (or it is null)."""

    def __init__(self, shape: str, member: str, attr: str) -> None:
        self.shape, self.member, self.attr = shape, member, attr
        super().__init__(
            f"{shape}.{member} ({attr}) is required by the model but missing"
        )

    def __str__(self) -> str:
        return str(self.args[0])


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
