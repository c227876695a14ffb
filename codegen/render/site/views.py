"""What the site's templates print, built once per service: the Python API reference's entries
with their documentation already converted and escaped for reStructuredText.

``docs/api.rst`` is written from the IR (no autodoc: the site builds without importing the
package); ``docs/reference/`` holds the AWS CLI reference pages (``codegen.render.awscli``)
with the index pages their cross references point at.
"""

from __future__ import annotations

import attrs

from codegen.ir import queries
from codegen.ir.nodes import Enum, Member, Service
from codegen.render.docs import Docs
from codegen.render.python.annotations import annotation
from codegen.render.python.docstrings import constraint_text
from codegen.render.python.views import PackageView
from codegen.render.site import rst
from codegen.render.site.waiters import SiteWaiter, site_waiters


@attrs.frozen
class SiteMember:
    attr_name: str
    type: str  # the annotation, ``| None`` for an optional member
    facts: str  # one line of RST: required, wire name, constraints, values
    documentation: str  # RST, indented for its place


@attrs.frozen
class SiteStructure:
    class_name: str
    shape: str  # the model's shape name, as an RST literal
    union: bool
    signature: str  # ``*, a, b=None``
    documentation: str
    members: tuple[SiteMember, ...]


@attrs.frozen
class SiteEnum:
    class_name: str
    shape: str
    documentation: str
    values: tuple[tuple[str, str], ...]  # member name, value as an RST literal


@attrs.frozen
class SiteError:
    class_name: str
    code: str  # RST literal
    documentation: str


@attrs.frozen
class SitePaginator:
    class_name: str
    item: str
    result_attr: str | None


@attrs.frozen
class SiteOperation:
    method_name: str
    request_class: str | None
    response_class: str | None
    errors: tuple[str, ...]  # class names of the modeled errors
    wire_name: str  # RST literal
    documentation: str
    paginator: SitePaginator | None


@attrs.frozen
class SiteView:
    package: str
    service_name: str
    title: str  # the service's full name, as RST text
    operation_names: tuple[str, ...]  # RST literals
    example: tuple[str, ...]  # the usage example's lines
    operations: tuple[SiteOperation, ...]
    structures: tuple[SiteStructure, ...]
    enums: tuple[SiteEnum, ...]
    errors: tuple[SiteError, ...]
    reference_pages: tuple[str, ...]  # file names of the CLI reference pages
    waiters: tuple[SiteWaiter, ...] = ()  # ``site.waiters``

    @property
    def paginated(self) -> tuple[SiteOperation, ...]:
        return tuple(o for o in self.operations if o.paginator is not None)

    @property
    def aio_package(self) -> str:
        """The asynchronous client's module (``<package>.aio``)."""
        return f"{self.package}.aio"

    @property
    def distribution(self) -> str:
        return self.package.replace("_", "-")


def member_facts(service: Service, member: Member) -> str:
    """``**Required.** Wire name ``X``. ...`` -- one line of facts for the API reference."""
    facts = [
        "**Required.**" if member.required else "Optional.",
        f"Wire name {rst.literal(member.wire_name)}.",
    ]
    constraints = constraint_text(member.constraints)
    if member.constraints.pattern is not None:
        constraints = constraints.replace(
            f"pattern ``{member.constraints.pattern}``", f"pattern {rst.literal(member.constraints.pattern)}"
        )
    if constraints:
        facts.append(f"Constraints: {constraints}.")
    shape = queries.target(service, member)
    if isinstance(shape, Enum):
        facts.append("Values: " + ", ".join(rst.literal(v.value) for v in shape.values) + ".")
    if member.sensitive:
        facts.append("Sensitive: hidden from ``repr``.")
    if member.deprecated:
        facts.append("**Deprecated.**")
    return " ".join(facts)


def site_view(
    service: Service, docs: Docs, package: PackageView, example: str, reference_pages: tuple[str, ...]
) -> SiteView:
    def block(html: str, indent: int) -> str:
        return rst.block(docs.text(html), indent)

    operations = []
    for op, view in zip(service.operations, package.operations):
        paginator = None
        if view.paginator is not None:
            p = view.paginator
            paginator = SitePaginator(p.class_name, str(p.item), p.result_attr)
        operations.append(
            SiteOperation(
                method_name=op.method_name,
                request_class=view.request_class,
                response_class=view.response_class,
                errors=tuple(service.shape(e).class_name for e in op.errors),  # type: ignore[union-attr]
                wire_name=rst.literal(op.name),
                documentation=block(op.documentation, 6),
                paginator=paginator,
            )
        )
    structures = tuple(
        SiteStructure(
            class_name=s.class_name,
            shape=rst.literal(s.shape_name),
            union=s.union,
            signature="*" + "".join(f", {m.attr_name}{'' if m.required else '=None'}" for m in s.members),
            documentation=block(s.documentation, 3),
            members=tuple(
                SiteMember(
                    attr_name=m.attr_name,
                    type=str(annotation(service, m.shape)) + ("" if m.required else " | None"),
                    facts=member_facts(service, m),
                    documentation=block(m.documentation, 6),
                )
                for m in s.members
            ),
        )
        for s in service.structures
    )
    enums = tuple(
        SiteEnum(
            e.class_name,
            rst.literal(e.shape_name),
            block(e.documentation, 3),
            tuple((v.member_name, rst.literal(v.value)) for v in e.values),
        )
        for e in service.enums
    )
    errors = tuple(
        SiteError(e.class_name, rst.literal(e.error_code), block(e.documentation, 3)) for e in service.exceptions
    )
    return SiteView(
        package=service.package,
        service_name=service.service_name,
        title=rst.text(service.full_name),
        operation_names=tuple(rst.literal(op.name) for op in service.operations),
        example=tuple(example.split("\n")),
        operations=tuple(operations),
        structures=structures,
        enums=enums,
        errors=errors,
        reference_pages=reference_pages,
        waiters=site_waiters(service, package.waiters),
    )
