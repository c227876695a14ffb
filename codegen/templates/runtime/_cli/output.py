"""Output formats of this package's command line: json, text and table.

Each lays a response out byte for byte as the AWS CLI v1 does (``--output json|text|table``).
Pure functions on plain data (dicts, lists, str, numbers, datetimes); nothing here talks to
botocore, so they are easy to test on their own.
Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import base64
import datetime
import json
import typing

__all__ = [
    "json_encoder",
    "write_json",
    "write_text",
    "Table",
    "write_table",
    "terminal_width",
]


# --- json -------------------------------------------------------------------------------


def json_encoder(value: object) -> str:
    """What ``json.dumps`` cannot encode itself: datetimes (ISO 8601) and bytes (base64)."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("utf-8")
    raise TypeError("Encountered unrecognized type in JSON encoder.")


def write_json(data: object, stream: typing.TextIO) -> None:
    """Indented by 4, keys in the order given, non-ASCII as is; an empty object prints nothing."""
    if data != {}:
        stream.write(
            json.dumps(data, indent=4, default=json_encoder, ensure_ascii=False)
        )
        stream.write("\n")


# --- text -------------------------------------------------------------------------------
#
# One line per object: its scalar values, tab-separated, in sorted key order (in a list of
# objects, the union of their scalar keys, '' where one lacks a key), after the parent key in
# capitals; then its nested objects and lists, in sorted key order.


def write_text(data: object, stream: typing.TextIO) -> None:
    _text(data, stream, None, None)


def _is_scalar(value: object) -> bool:
    return not isinstance(value, (dict, list))


def _text(
    item: object,
    stream: typing.TextIO,
    identifier: str | None,
    scalar_keys: list[str] | None,
) -> None:
    if isinstance(item, dict):
        _text_dict(item, stream, identifier, scalar_keys)
    elif isinstance(item, list):
        _text_list(item, stream, identifier)
    else:
        stream.write(str(item))
        stream.write("\n")


def _text_list(
    items: list[typing.Any], stream: typing.TextIO, identifier: str | None
) -> None:
    if not items:
        return
    if any(isinstance(element, dict) for element in items):
        # (the AWS CLI fails the same way on a list mixing objects with other values)
        keys = sorted(
            {
                key
                for element in items
                for key, value in element.items()
                if _is_scalar(value)
            }
        )
        for element in items:
            _text(element, stream, identifier, keys)
    elif any(isinstance(element, list) for element in items):
        scalars = [element for element in items if _is_scalar(element)]
        if scalars:
            _text_scalars(scalars, stream, identifier)
        for element in items:
            if not _is_scalar(element):
                _text(element, stream, identifier, None)
    else:
        _text_scalars(items, stream, identifier)


def _text_scalars(
    items: list[typing.Any], stream: typing.TextIO, identifier: str | None
) -> None:
    if identifier is not None:
        for item in items:
            stream.write(f"{identifier.upper()}\t{item}\n")
    else:
        stream.write("\t".join(str(item) for item in items))
        stream.write("\n")


def _text_dict(
    item: dict[str, typing.Any],
    stream: typing.TextIO,
    identifier: str | None,
    scalar_keys: list[str] | None,
) -> None:
    scalars: list[str] = []
    nested: list[tuple[str, typing.Any]] = []
    if scalar_keys is None:
        for key, value in sorted(item.items()):
            if _is_scalar(value):
                scalars.append(str(value))
            else:
                nested.append((key, value))
    else:
        scalars = [str(item.get(key, "")) for key in scalar_keys]
        nested = [(key, item[key]) for key in sorted(set(item) - set(scalar_keys))]
    if scalars:
        if identifier is not None:
            scalars.insert(0, identifier.upper())
        stream.write("\t".join(scalars))
        stream.write("\n")
    for key, value in nested:
        _text(value, stream, key, None)


# --- table ------------------------------------------------------------------------------
#
# A box titled with the operation name. An object's scalar members are columns (sorted by
# name), a lone scalar a key/value row; nested objects and lists become sub-boxes one level
# in, drawn with an extra '|' on each side. When the widest box does not fit the terminal
# (80 columns when stdout is not one), one-row boxes turn into key/value rows.

_RESET = "\x1b[0m"
_ROW_STYLE = "\x1b[1m\x1b[34m"  # bright blue
_BORDER_STYLE = "\x1b[2m\x1b[33m"  # dim yellow


def text_width(text: object) -> int:
    """Columns ``text`` takes: East Asian wide, full-width and ambiguous characters take 2."""
    import unicodedata

    return sum(
        2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in str(text)
    )


def terminal_width(default: int = 80) -> int:
    """The width of the terminal stdout is, or ``default``."""
    import sys

    try:
        import fcntl
        import struct
        import termios

        packed = fcntl.ioctl(sys.stdout, termios.TIOCGWINSZ, b"\000" * 8)
        return int(struct.unpack("hhhh", packed)[1])
    except Exception:
        return default


def _centered(text: str, width: int, left: str, right: str, length: int) -> str:
    start = width // 2 - length // 2 - 1
    used = text_width(left) + start + length
    return left + " " * start + text + " " * (width - text_width(right) - used) + right


def _left_aligned(text: str, width: int, left: str, right: str, length: int) -> str:
    padding = (
        2 if width - (length + 2 + text_width(left) + text_width(right)) >= 0 else 0
    )
    used = len(left) + padding + length
    return left + " " * padding + text + " " * (width - used - len(right)) + right


class _Section:
    def __init__(self, title: str | None = "", indent: int = 0) -> None:
        self.title = title
        self.indent = indent
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self._columns: int | None = None
        self._widths: list[int] = []

    def add_header(self, headers: list[str]) -> None:
        self._measure(headers)
        if self._columns is None:
            self._columns = len(headers)
        self.headers = headers

    def add_row(self, row: typing.Iterable[object]) -> None:
        cells = [str(cell) for cell in row]
        if self._columns is None:
            self._columns = len(cells)
        if len(cells) != self._columns:
            raise ValueError(
                f"Row should have {self._columns} elements, instead it has {len(cells)}"
            )
        self.rows.append(cells)
        self._measure(cells)

    def _measure(self, cells: list[str]) -> None:
        if not self._widths:
            self._widths = [text_width(cell) for cell in cells]
        else:
            for index, cell in enumerate(cells):
                self._widths[index] = max(text_width(cell), self._widths[index])

    def column_widths(self, padding: int = 0, width: int | None = None) -> list[int]:
        """Column widths with ``padding`` added, scaled to add up to ``width`` if given."""
        widths = [w + padding for w in self._widths]
        if width is None or not widths:
            return widths
        factor = width / float(sum(widths))
        scaled = [int(round(factor * w)) for w in widths]
        excess = sum(scaled) - width
        while excess != 0:
            order: typing.Iterable[int] = range(len(scaled))
            if excess < 0:
                order = reversed(range(len(scaled)))
            for index in order:
                if excess > 0:
                    scaled[index] -= 1
                    excess -= 1
                else:
                    scaled[index] += 1
                    excess += 1
                if excess == 0:
                    break
        return scaled

    def total_width(self, padding: int, outer: int) -> int:
        total = sum(w + padding for w in self.column_widths()) + 2 + 2 * outer
        return max(text_width(self.title) + 2 + 2 * outer, total)


class _Indented:
    """Writes each line of a sub-box between its indentation bars."""

    def __init__(self, stream: typing.TextIO, level: int, bar: str) -> None:
        self._stream = stream
        self._level = level
        self._bar = bar

    def write(self, text: str) -> None:
        self._stream.write(self._bar * self._level)
        if text.endswith("\n"):
            self._stream.write(text[:-1])
            self._stream.write(self._bar * self._level)
            self._stream.write("\n")
        else:
            self._stream.write(text)


class Table:
    """A response laid out as nested boxes (``--output table``)."""

    def __init__(self, width: int, color: bool = False) -> None:
        self._width = width
        self._color = color
        self._sections: list[_Section] = []
        self._current: _Section | None = None

    def _section(self) -> _Section:
        if self._current is None:
            raise TypeError("no section to add to")
        return self._current

    def _new_section(self, title: str | None, indent: int) -> None:
        self._current = _Section(title, indent)
        self._sections.append(self._current)

    def add(self, title: str | None, value: typing.Any, indent: int = 0) -> bool:
        """Lay out ``value`` under ``title``; False (and nothing added) for an empty value."""
        if not value:
            return False
        if title is not None:
            self._new_section(title, indent)
        if isinstance(value, list):
            if isinstance(value[0], dict):
                self._add_objects(title, value, indent)
            else:
                for item in value:
                    if _is_scalar(item):
                        self._section().add_row([item])
                    elif all(_is_scalar(element) for element in item):
                        self._section().add_row(item)
                    else:
                        self.add(None, item)
        if isinstance(value, dict):
            self._add_object(value, indent)
        return True

    def _add_object(self, value: dict[str, typing.Any], indent: int) -> None:
        headers, nested = _split_keys(value)
        if len(headers) == 1:
            self._section().add_row([headers[0], value[headers[0]]])
        elif headers:
            self._section().add_header(headers)
            self._section().add_row([value[key] for key in headers])
        for key in nested:
            self.add(key, value[key], indent + 1)

    def _add_objects(
        self, title: str | None, items: list[typing.Any], indent: int
    ) -> None:
        header_set: set[str] = set()
        nested_set: set[str] = set()
        for item in items:
            item_headers, item_nested = _split_keys(item)
            header_set.update(item_headers)
            nested_set.update(item_nested)
        headers, nested = sorted(header_set), sorted(nested_set)
        self._section().add_header(headers)
        for position, item in enumerate(items):
            if position and nested:
                self._new_section(title, indent)
                self._section().add_header(headers)
            self._section().add_row([item.get(key, "") for key in headers])
            for key in nested:
                if key in item:
                    self.add(key, item[key], indent + 1)

    # --- rendering

    def _style_cell(self, text: str) -> str:
        return _ROW_STYLE + text + _RESET if self._color else text

    def _bar(self) -> str:
        return _BORDER_STYLE + "|" + _RESET if self._color else "|"

    def _max_width(self) -> int:
        return max(s.total_width(padding=4, outer=s.indent) for s in self._sections)

    def render(self, stream: typing.TextIO) -> None:
        width = self._max_width()
        if width > self._width:
            self._sections = [_vertical(s) for s in self._sections]
            width = self._max_width()
        stream.write("-" * width + "\n")
        for section in self._sections:
            indented = _Indented(stream, section.indent, self._bar())
            self._render_section(section, width - section.indent * 2, indented)

    def _render_section(self, section: _Section, width: int, stream: _Indented) -> None:
        if section.title:
            length = text_width(section.title)
            stream.write(_centered(section.title, width, "|", "|", length) + "\n")
            if not section.headers and not section.rows:
                stream.write("+%s+" % ("-" * (width - 2)) + "\n")
        if section.headers:
            widths = section.column_widths(padding=4, width=width)
            line = ""
            for index, (column, header) in enumerate(zip(widths, section.headers)):
                left = "|" if index == 0 else ""
                line += _centered(header, column, left, "|", text_width(header))
            stream.write(_rule(widths))
            stream.write(line + "\n")
        if section.rows:
            widths = section.column_widths(padding=4, width=width)
            if not widths:
                return
            stream.write(_rule(widths))
            for row in section.rows:
                line = ""
                for index, (column, cell) in enumerate(zip(widths, row)):
                    left = "|" if index == 0 else ""
                    styled = self._style_cell(cell)
                    line += _left_aligned(styled, column, left, "|", text_width(cell))
                stream.write(line + "\n")
            stream.write(_rule(widths))


def _rule(widths: list[int]) -> str:
    parts = [
        "+%s+" % ("-" * (w - 2)) if index == 0 else "%s+" % ("-" * (w - 1))
        for index, w in enumerate(widths)
    ]
    return "".join(parts) + "\n"


def _vertical(section: _Section) -> _Section:
    """A one-row section with headers as key/value rows."""
    if len(section.rows) != 1 or not section.headers:
        return section
    turned = _Section(section.title, section.indent)
    for header, cell in zip(section.headers, section.rows[0]):
        turned.add_row([header, cell])
    return turned


def _split_keys(value: typing.Any) -> tuple[list[str], list[str]]:
    """An object's keys: those holding scalars and those holding objects or lists, sorted."""
    scalars: list[str] = []
    nested: list[str] = []
    for key in value:
        (scalars if _is_scalar(value[key]) else nested).append(key)
    return sorted(scalars), sorted(nested)


def write_table(
    title: str, data: object, stream: typing.TextIO, *, width: int, color: bool = False
) -> None:
    """``data`` as a table titled ``title``; nothing for an empty value."""
    table = Table(width, color)
    if table.add(title, data):
        table.render(stream)
