"""Docstrings composed for generated classes: the model's docs plus a field list.

Composition is Python's job (templates only place the result); every piece passes through
``escaping.docstring`` once, at the end.
"""

from __future__ import annotations

from codegen.ir.nodes import Constraints, Enum, Member, Service, Structure
from codegen.render.docs import Docs
from codegen.render.escaping import Source, docstring
from codegen.render.python.annotations import annotation


def _indent(text: str, pad: str) -> str:
    return "\n".join(pad + line if line else "" for line in text.split("\n"))


def constraint_text(constraints: Constraints) -> str:
    parts = []
    if constraints.min is not None:
        parts.append(f"min {constraints.min}")
    if constraints.max is not None:
        parts.append(f"max {constraints.max}")
    if constraints.pattern is not None:
        parts.append(f"pattern ``{constraints.pattern}``")
    return ", ".join(parts)


def member_summary(service: Service, member: Member) -> str:
    """``(required; str; min 1, max 32)`` -- how the field reads in the reference."""
    shape = service.shape(member.shape)
    facts = ["required" if member.required else "optional", f"``{annotation(service, member.shape)}``"]
    constraints = constraint_text(member.constraints)
    if constraints:
        facts.append(constraints)
    if member.sensitive:
        facts.append("sensitive, hidden from repr")
    if member.deprecated:
        facts.append("deprecated" + (f": {member.deprecated_message}" if member.deprecated_message else ""))
    if isinstance(shape, Enum):
        facts.append("one of " + ", ".join(f"``{v.value}``" for v in shape.values))
    return "; ".join(facts)


def structure_docstring(service: Service, docs: Docs, structure: Structure, indent: int = 4) -> Source:
    body = docs.text(structure.documentation) or f"The ``{structure.shape_name}`` shape."
    fields = []
    for member in structure.members:
        doc = docs.text(member.documentation)
        entry = f":ivar {member.attr_name}: ``{member.wire_name}`` ({member_summary(service, member)})"
        if doc:
            entry += "\n\n" + _indent(doc, "    ")
        fields.append(entry)
    text = body + ("\n\n" + "\n".join(fields) if fields else "")
    return docstring(text, indent, closes=True)


def enum_docstring(docs: Docs, enum: Enum, indent: int = 4) -> Source:
    body = docs.text(enum.documentation) or f"Values of ``{enum.shape_name}``."
    return docstring(
        body + "\n\nA value the model does not list arrives as an unknown member (``.is_unknown``);"
        " ``" + enum.class_name + "(\"NewValue\")`` sends one.",
        indent,
        closes=True,
    )
