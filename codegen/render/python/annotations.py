"""Python type annotations of IR shapes: objects that render themselves and report the names
they need, so a module imports exactly what its annotations use.

Two directions, because users pass values in and read values out:

- **input** (request parameters, and the fields of classes only requests hold) takes what
  botocore accepts: any ``Sequence`` for a list, any ``Mapping`` for a map, an enum member or
  one of its values as a string literal (``TrainingJobStatus | literals.TrainingJobStatus``;
  a checker rejects any other string), a ``datetime``, ISO 8601 string or epoch number for a
  timestamp, ``bytes``/``bytearray``/``str`` (and a binary file object when streaming) for
  a blob;
- **output** (responses, and every class a service returns) is precise: ``list``, ``dict``,
  the enum itself (a value the model does not know is an unknown member of it), ``datetime``,
  ``bytes``, a ``StreamingBody`` for a streaming blob, a typed ``EventStream`` for an event
  stream;
- **shared** (a class requests and responses both hold: DynamoDB's ``AttributeValue``, a
  ``Tag``) takes the enum's literals, any ``Sequence`` and any ``Mapping`` as input does (a
  reader of a ``Sequence`` loses only ``append``), but keeps ``datetime`` and ``bytes``
  precise (build one with a ``datetime``).

``annotation`` composes only identifiers the naming rules produced (class names) and fixed
names of the standard library and the runtime; ``Annotation.needs`` lists what must be
imported for the text to mean something (``datetime``, ``typing``, ``model:Name``,
``literal:Name``, ``runtime:<module>``), and ``codegen.render.python.imports`` turns those
into the module's import block.
"""

from __future__ import annotations

from typing import Literal

import attrs

from codegen.ir import queries
from codegen.ir.nodes import Enum, ListOf, MapOf, Member, Scalar, Service, Structure
from codegen.render.escaping import Source, code, identifier
from codegen.render.python.layout import annotated
from codegen.render.python.runtime import reference

# A name an annotation refers to: a module of the standard library (``datetime``), a class of
# the package's models module (``model:ClassName``), an enum's literal type in its literals
# module (``literal:ClassName``), a runtime module (``runtime:shapes``).
MODEL = "model:"
LITERAL = "literal:"

Direction = Literal["input", "output", "shared"]

_SCALARS: dict[str, tuple[str, frozenset[str]]] = {
    "string": ("str", frozenset()),
    "integer": ("int", frozenset()),
    "long": ("int", frozenset()),
    "float": ("float", frozenset()),
    "double": ("float", frozenset()),
    "boolean": ("bool", frozenset()),
    "timestamp": ("datetime.datetime", frozenset({"datetime"})),
    "blob": ("bytes", frozenset()),
}
# What botocore takes for a timestamp and a blob (its serializers and validator).
_INPUT_SCALARS: dict[str, tuple[str, frozenset[str]]] = {
    "timestamp": ("datetime.datetime | str | int | float", frozenset({"datetime"})),
    "blob": ("bytes | bytearray | str", frozenset()),
}
_STREAMING_INPUT = ("bytes | bytearray | str | typing.IO[bytes]", frozenset({"typing"}))

# Where botocore's own handlers change an output value's type after parsing
# (botocore/handlers.py, BUILTIN_HANDLERS): (service, shape) -> what the value is then.
DECODED_OUTPUTS: dict[tuple[str, str], tuple[str, frozenset[str]]] = {
    # json_decode_policies (after-call.iam): IAM's policy documents arrive URL-encoded JSON
    # and are decoded into a dict.
    ("iam", "policyDocumentType"): ("dict[str, typing.Any]", frozenset({"typing"})),
    # json_decode_template_body (after-call.cloudformation.GetTemplate): a JSON template is
    # decoded into a dict; a YAML one stays a string.
    ("cloudformation", "TemplateBody"): ("dict[str, typing.Any] | str", frozenset({"typing"})),
}


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


def runtime_name(name: str) -> Annotation:
    text, need = reference(name)
    return Annotation(text, frozenset({need}))


def annotation(
    service: Service, shape_name: str, direction: Direction = "output", member: Member | None = None
) -> Annotation:
    """The annotation of a value of ``shape_name`` passed in (``input``) or read out
    (``output``); ``member`` carries traits set on the member rather than its shape
    (``streaming``)."""
    shape = service.shape(shape_name)
    decoded = DECODED_OUTPUTS.get((service.service_name, shape_name))
    if decoded is not None and direction == "output":
        return Annotation(*decoded)
    match shape:
        case Scalar(kind=kind):
            if queries.is_streaming_blob(shape, member):
                if direction == "input":
                    return Annotation(*_STREAMING_INPUT)
                return runtime_name("StreamingBody")
            text, needs = (_INPUT_SCALARS if direction == "input" else {}).get(kind, _SCALARS[kind])
            return Annotation(text, needs)
        case Enum(class_name=name):
            if direction != "output":
                return Annotation(
                    f"{name} | _literals.{name}", frozenset({MODEL + name, LITERAL + name})
                )
            return model_class(name)
        case ListOf(member=item):
            inner = annotation(service, item, direction)
            if direction != "output":
                return Annotation(f"typing.Sequence[{inner.text}]", inner.needs | {"typing"})
            return Annotation(f"list[{inner.text}]", inner.needs)
        case MapOf(key=key, value=value):
            k, v = annotation(service, key, direction), annotation(service, value, direction)
            if direction != "output":
                return Annotation(f"typing.Mapping[{k.text}, {v.text}]", k.needs | v.needs | {"typing"})
            return Annotation(f"dict[{k.text}, {v.text}]", k.needs | v.needs)
        case Structure(document=True):
            return DOCUMENT
        case Structure(exception=True):
            return ERROR_MEMBER
        case Structure(event_stream=True, class_name=name):
            if direction == "input":
                return ANY  # botocore sends no input event streams
            stream = runtime_name("EventStream")
            return Annotation(f"{stream.text}[{identifier(name)}]", stream.needs | {MODEL + name})
        case Structure(class_name=name):
            return model_class(name)
    raise AssertionError(shape_name)  # pragma: no cover


def field_annotation(service: Service, member: Member, direction: Direction = "output") -> Annotation:
    """A field's annotation: optional members may be None."""
    base = annotation(service, member.shape, direction, member)
    return base if member.required else base.optional()


class Parameters:
    """Keyword-only parameters for a request's members (typed as input), and the names they
    need."""

    def __init__(self, service: Service, members: tuple[Member, ...], star: bool = False) -> None:
        lines = ["        *,"] if star and members else []
        needs: set[str] = set()
        for m in members:
            field = field_annotation(service, m, "input")
            needs |= field.needs
            lines.append(" " * 8 + annotated(8, m.attr_name, field.text, "," if m.required else " = None,"))
        self.source = code("\n".join(lines))
        self.needs = frozenset(needs)


def field_line(
    service: Service, member: Member, direction: Direction = "output"
) -> tuple[Source, frozenset[str]]:
    """A structure's field: its name, annotation and default (the first line unindented), and
    the names it needs."""
    field = field_annotation(service, member, direction)
    default, needs = field_default(member)
    return annotated(4, member.attr_name, field.text, default), field.needs | needs


def field_default(member: Member) -> tuple[Source, frozenset[str]]:
    """What follows the annotation: the default, and a repr that hides sensitive values."""
    if member.sensitive:
        default = "" if member.required else "default=None, "
        redacted, need = reference("redacted")
        return code(f" = attrs.field({default}repr={redacted})"), frozenset({need})
    return code("" if member.required else " = None"), frozenset()
