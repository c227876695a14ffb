"""The syntax examples of a reference page's options: shorthand, and JSON.

awscli's ``ParamShorthandDocGen`` (``argprocess.py``) and ``_json_example``
(``clidocs.py``), over the IR: the shorthand the CLI documents for a structure, map or list of
structures (or none, or an empty one when it is too deep), the JSON syntax of any non-scalar
option, and the item syntax of a list of scalars.
"""

from __future__ import annotations

from functools import partial

from botocore.docs.bcdoc.restdoc import ReSTDocument

from codegen.ir.nodes import Enum, ListOf, MapOf, Service, Shape, Structure
from codegen.ir.queries import COMPLEX_KINDS, SCALAR_KINDS, is_document, type_name
from codegen.render.awscli.bcdoc import fragment
from codegen.render.awscli.prose import MAX_SHORTHAND_DEPTH, RECURSIVE_JSON, RECURSIVE_MEMBER


class _TooComplex(Exception):
    pass


def supports_shorthand(service: Service, shape: Shape) -> bool:
    """Whether the CLI documents (and takes) shorthand for an option of this shape."""
    if _is_document_container(service, shape):
        return False
    match shape:
        case ListOf(member=item):
            return type_name(service.shape(item)) in COMPLEX_KINDS
        case Structure() | MapOf():
            return True
    return False


def _is_document_container(service: Service, shape: Shape) -> bool:
    """A document, or lists and maps that end in one (shorthand cannot express those)."""
    seen: set[str] = set()
    while isinstance(shape, (ListOf, MapOf)) and shape.shape_name not in seen:
        seen.add(shape.shape_name)
        shape = service.shape(shape.member if isinstance(shape, ListOf) else shape.value)
    return is_document(shape)


def shorthand_example(service: Service, shape: Shape, old_list_case: str | None = None) -> str | None:
    """The shorthand syntax of an option; None when the CLI documents no syntax at all, ""
    when the shape is too deep to document.

    ``old_list_case`` is the option's name when it is one of ``prose.OLD_LIST_CASES``."""
    item = service.shape(shape.member) if isinstance(shape, ListOf) else None
    if old_list_case and isinstance(shape, ListOf) and isinstance(item, Structure) and len(item.members) == 1:
        name = item.members[0].wire_name
        if shape.constraints.min == 1 and shape.constraints.max == 1:
            return f"{old_list_case} {name}1"
        return f"{old_list_case} {name}1 {name}2 {name}3"
    if (
        isinstance(shape, Structure)
        and len(shape.members) == 1
        and shape.members[0].wire_name == "Value"
        and type_name(service.shape(shape.members[0].shape)) == "string"
    ):
        return None  # given as a bare value: --option value
    try:
        if item is not None:
            return _shorthand(service, item, []) + " ..."
        return _shorthand(service, shape, [])
    except _TooComplex:
        return ""


def _shorthand(service: Service, shape: Shape, stack: list[str]) -> str:
    if len(stack) > MAX_SHORTHAND_DEPTH:
        raise _TooComplex
    match shape:
        case Structure(members=members):
            parts = []
            for member in members:
                child = service.shape(member.shape)
                if _is_document_container(service, child):
                    continue
                if child.shape_name in stack:
                    parts.append(RECURSIVE_MEMBER)
                    continue
                parts.append(f"{member.wire_name}={_nested(service, child, stack)}")
            inner = ",".join(parts)
            return "{%s}" % inner if stack else inner
        case ListOf(member=item_name):
            item = service.shape(item_name)
            element = _nested(service, item, stack)
            if type_name(item) in COMPLEX_KINDS or len(stack) > 1:
                return f"[{element},{element}]"
            return f"{element},{element}"
        case MapOf(key=key_name, value=value_name):
            value = _nested(service, service.shape(value_name), stack)
            text = f"KeyName1={value},KeyName2={value}"
            key = service.shape(key_name)
            if isinstance(key, Enum) and not stack:
                text += "\n\nWhere valid key names are:\n" + "".join(f"  {v.value}\n" for v in key.values)
            elif stack:
                text = "{%s}" % text
            return text
    return type_name(shape)


def _nested(service: Service, shape: Shape, stack: list[str]) -> str:
    """The shorthand of ``shape`` one level down."""
    stack.append(shape.shape_name)
    try:
        return _shorthand(service, shape, stack)
    finally:
        stack.pop()


def _example_value(shape: Shape, include_enum_values: bool = True) -> str:
    if isinstance(shape, Enum):
        if include_enum_values:
            return "|".join(f'"{v.value}"' for v in shape.values)
        return '"string"'
    kind = type_name(shape)
    if kind == "string":
        return '"string"'
    if kind == "boolean":
        return "true|false"
    return kind


def scalar_list_syntax(item: Shape) -> str:
    """The "Syntax" block of a list of scalars: ``"string" "string" ...`` and the values of an
    enum."""
    return fragment(0, partial(_write_scalar_list_syntax, item=item))


def _write_scalar_list_syntax(doc: ReSTDocument, item: Shape) -> None:
    doc.style.start_codeblock()
    example = _example_value(item, include_enum_values=False)
    doc.write(f"{example} {example} ...")
    if isinstance(item, Enum):
        doc.style.new_paragraph()
        doc.write("Where valid values are:\n")
        for value in item.values:
            doc.write(f"    {value.value}\n")
        doc.write("\n")
    doc.style.end_codeblock()


def json_syntax(service: Service, shape: Shape) -> str:
    """The "JSON Syntax" block of a non-scalar option."""
    return fragment(0, partial(_write_json_syntax, service=service, shape=shape))


def _write_json_syntax(doc: ReSTDocument, service: Service, shape: Shape) -> None:
    doc.style.start_codeblock()
    _json_example(doc, service, shape, [])
    doc.style.end_codeblock()


def _json_example(doc: ReSTDocument, service: Service, shape: Shape, stack: list[str]) -> None:
    name = shape.shape_name
    if stack.count(name) > 1:
        if isinstance(shape, Structure):
            doc.write(RECURSIVE_JSON)
        return
    stack.append(name)
    try:
        _json_example_body(doc, service, shape, stack)
    finally:
        stack.pop()


def _json_example_body(doc: ReSTDocument, service: Service, shape: Shape, stack: list[str]) -> None:
    style = doc.style
    match shape:
        case ListOf(member=item_name):
            item = service.shape(item_name)
            doc.write("[")
            if type_name(item) in SCALAR_KINDS:
                doc.write(f"{_example_value(item)}, ...")
            else:
                style.indent()
                style.new_line()
                _json_example(doc, service, item, stack)
                style.new_line()
                doc.write("...")
                style.dedent()
                style.new_line()
            doc.write("]")
        case MapOf(key=key_name, value=value_name):
            value = service.shape(value_name)
            doc.write("{")
            style.indent()
            doc.write(f"{_example_value(service.shape(key_name))}: ")
            if type_name(value) in SCALAR_KINDS:
                doc.write(_example_value(value))
            else:
                style.indent()
                _json_example(doc, service, value, stack)
                style.dedent()
            style.new_line()
            doc.write("...")
            style.dedent()
            doc.write("}")
        case Structure(document=True):
            doc.write("{...}")
        case Structure(members=members):
            doc.write("{")
            style.indent()
            style.new_line()
            for index, member in enumerate(members):
                child = service.shape(member.shape)
                if type_name(child) in SCALAR_KINDS:
                    doc.write(f'"{member.wire_name}": {_example_value(child)}')
                else:
                    doc.write(f'"{member.wire_name}": ')
                    _json_example(doc, service, child, stack)
                if index < len(members) - 1:
                    doc.write(",")
                    style.new_line()
            style.dedent()
            style.new_line()
            doc.write("}")
