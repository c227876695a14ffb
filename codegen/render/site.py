"""The documentation site: a Sphinx project under ``docs/`` in the generated tree.

``docs/api.rst`` is the Python API reference, written from the IR (no autodoc: the site builds
without importing the package); ``docs/reference/`` holds the AWS CLI reference pages
(``codegen.render.clidoc``) with the index pages their cross references point at.
"""

from __future__ import annotations

from typing import Any

import jinja2

from codegen.ir.nodes import Enum, Member, Service
from codegen.render import rst
from codegen.render.docstrings import constraint_text
from codegen.render.environment import make_text_environment
from codegen.render.operations import operation_views
from codegen.render.pytypes import annotation


def _environment() -> jinja2.Environment:
    env = make_text_environment()
    env.filters.update(
        rst_literal=rst.literal, rst_block=rst.block, rst_text=rst.text, underline=_underline
    )
    return env


def _underline(title: str, char: str = "=") -> str:
    """A section title (already RST text) with its underline."""
    return f"{title}\n{char * max(len(title), 4)}"


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
    shape = service.shape(member.shape)
    if isinstance(shape, Enum):
        facts.append("Values: " + ", ".join(rst.literal(v.value) for v in shape.values) + ".")
    if member.sensitive:
        facts.append("Sensitive: hidden from ``repr``.")
    if member.deprecated:
        facts.append("**Deprecated.**")
    return " ".join(facts)


def render_site(
    service: Service, reference_pages: dict[str, str], example: str
) -> dict[str, str]:
    """Every file of the Sphinx project, by path relative to the output directory."""
    env = _environment()
    views = operation_views(service)
    context: dict[str, Any] = {
        "service": service,
        "views": views,
        "paginated": [v for v in views if v.paginator is not None],
        "annotation": lambda name: str(annotation(service, name)),
        "member_facts": lambda member: member_facts(service, member),
        "reference_pages": sorted(reference_pages),
        "example": example,
    }
    files = {
        "docs/docutils.conf": env.get_template("site/docutils.conf.j2").render(context),
        "docs/index.rst": env.get_template("site/index.rst.j2").render(context),
        "docs/api.rst": env.get_template("site/api.rst.j2").render(context),
        "docs/reference/index.rst": env.get_template("site/reference-index.rst.j2").render(context),
        f"docs/reference/{service.service_name}/index.rst": env.get_template(
            "site/service-index.rst.j2"
        ).render(context),
    }
    for name, text in reference_pages.items():
        files[f"docs/reference/{service.service_name}/{name}"] = text
    return files


__all__ = ["render_site", "member_facts"]
