"""Python type annotations of IR shapes: objects that render themselves and report the names
they need, so a module imports exactly what its annotations use.

``annotation`` composes only identifiers the naming rules produced (class names) and fixed
names of the standard library and botocore; ``Annotation.needs`` lists what must be imported
for the text to mean something (``datetime``, ``typing``, a class of the models module), and
``codegen.render.python.imports`` turns those into the module's import block.
"""

from __future__ import annotations

import attrs

from codegen.ir.nodes import Enum, ListOf, MapOf, Member, Scalar, Service, Structure
from codegen.render.escaping import Source, code, identifier
from codegen.render.python.runtime import reference
from codegen.style import LINE_LENGTH

# A name an annotation refers to: a module of the standard library or botocore (``datetime``),
# or a class of the package's models module (``model:ClassName``).
MODEL = "model:"

SCALAR_ANNOTATIONS = {
    "string": "str",
    "integer": "int",
    "long": "int",
    "float": "float",
    "double": "float",
    "boolean": "bool",
    "timestamp": "datetime.datetime",
    "blob": "bytes",
}
_SCALAR_NEEDS = {"timestamp": frozenset({"datetime"})}


@attrs.frozen
class Annotation:
    """An annotation's text and what must be imported for it to resolve."""

    text: str
    needs: frozenset[str] = frozenset()

    def optional(self) -> Annotation:
        return Annotation(f"{self.text} | None", self.needs)

    def source(self) -> Source:
        return code(self.text)

    def __str__(self) -> str:
        return self.text


DOCUMENT = Annotation("typing.Any", frozenset({"typing"}))
# An error shape as a member (event streams do this): its class is the exception in errors.py,
# so the value stays in botocore's form.
ERROR_MEMBER = Annotation("dict[str, typing.Any]", frozenset({"typing"}))
ANY = DOCUMENT


def model_class(name: str) -> Annotation:
    return Annotation(identifier(name), frozenset({MODEL + name}))


def annotation(service: Service, shape_name: str) -> Annotation:
    match service.shape(shape_name):
        case Scalar(kind=kind):
            return Annotation(SCALAR_ANNOTATIONS[kind], _SCALAR_NEEDS.get(kind, frozenset()))
        case Enum(class_name=name):
            # Forward compatible: a value the model does not know yet arrives as a plain str.
            return Annotation(f"{name} | str", frozenset({MODEL + name}))
        case ListOf(member=item):
            inner = annotation(service, item)
            return Annotation(f"list[{inner.text}]", inner.needs)
        case MapOf(key=key, value=value):
            k, v = annotation(service, key), annotation(service, value)
            return Annotation(f"dict[{k.text}, {v.text}]", k.needs | v.needs)
        case Structure(document=True):
            return DOCUMENT
        case Structure(exception=True):
            return ERROR_MEMBER
        case Structure(class_name=name):
            return model_class(name)
    raise AssertionError(shape_name)  # pragma: no cover


def field_annotation(service: Service, member: Member) -> Annotation:
    """A field's annotation: optional members may be None."""
    base = annotation(service, member.shape)
    return base if member.required else base.optional()


def annotated(indent: int, name: str, annotation: str, rest: str) -> Source:
    """``name: annotation`` and ``rest`` (`` = None``, a comma), for a line indented ``indent``
    (the caller writes the first line's indentation).

    A union that makes the line too long goes in parentheses on a line of its own, as black
    lays it out. ruff would split it at the ``|`` instead, but keeps this layout when given it,
    so both formatters agree; and black leaves the line as it is, in one pass, not two.
    """
    pad = " " * indent
    line = f"{identifier(name)}: {annotation}{rest}"
    inner = f"{pad}    {annotation}"
    fits = indent + len(line) <= LINE_LENGTH
    if fits or " | " not in annotation or len(inner) > LINE_LENGTH or rest not in _SIMPLE_RESTS:
        return code(line)
    return code(f"{name}: (\n{inner}\n{pad}){rest}")


# What may follow a parenthesized annotation: black lays out longer defaults otherwise.
_SIMPLE_RESTS = ("", ",", " = None", " = None,")


class Parameters:
    """Keyword-only parameters for a request's members, and the names they need."""

    def __init__(self, service: Service, members: tuple[Member, ...], star: bool = False) -> None:
        lines = ["        *,"] if star and members else []
        needs: set[str] = set()
        for m in members:
            field = field_annotation(service, m)
            needs |= field.needs
            lines.append(" " * 8 + annotated(8, m.attr_name, field.text, "," if m.required else " = None,"))
        self.source = code("\n".join(lines))
        self.needs = frozenset(needs)


def field_line(service: Service, member: Member) -> tuple[Source, frozenset[str]]:
    """A structure's field: its name, annotation and default (the first line unindented), and
    the names it needs."""
    field = field_annotation(service, member)
    default, needs = field_default(member)
    return annotated(4, member.attr_name, field.text, default), field.needs | needs


def field_default(member: Member) -> tuple[Source, frozenset[str]]:
    """What follows the annotation: the default, and a repr that hides sensitive values."""
    if member.sensitive:
        default = "" if member.required else "default=None, "
        redacted, need = reference("redacted")
        return code(f" = attrs.field({default}repr={redacted})"), frozenset({need})
    return code("" if member.required else " = None"), frozenset()
