"""What the site's templates print, built once per service from the IR, ``Docs``, the
``PackageView`` and the AWS CLI command tables: every entry's documentation already converted
and every spec string already escaped for reStructuredText.

The site is laid out to scale to a whole service (SageMaker: 434 operations, 850 nested classes,
388 enums):

- ``index``: the overview (install, quickstart, the client, errors);
- ``operations/<command>``: a page per operation with its method, request and response classes,
  paginator and errors, linked both ways with its AWS CLI reference page;
- ``classes`` and ``enums``: the nested classes and the enums, on one page each when they fit,
  else on pages of consecutive initial letters, each under a size budget (``PAGE_BUDGET``);
- ``reference/``: the AWS CLI's pages (``codegen.render.awscli``), unchanged, with the page of
  global options they send readers to ("See 'aws help'");
- ``changelog``: filled from CHANGELOG.md by ``codegen docs``.

Only the section pages are in the navigation tree; operation and CLI pages are listed on their
section's page, so every page does not carry a sidebar of a thousand links (and the build does
not resolve one per page). ``docs/api.rst`` used to hold everything: 768 KB of HTML for two
operations.

Cross links the CLI pages cannot carry in their text (they are the AWS CLI's bytes) are data
(``cli_links``) that the site's extension (``docs/_ext/codegen_site.py``) applies to the built
pages.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import attrs

from codegen.ir import queries
from codegen.ir.nodes import Enum, Member, Service, Structure
from codegen.render.awscli.commands import CommandTable
from codegen.render.awscli.customizations import service_command
from codegen.render.docs import Docs
from codegen.render.python.annotations import field_annotation
from codegen.render.python.docstrings import constraint_text
from codegen.render.python.views import PackageView
from codegen.render.site import globaloptions, rst
from codegen.render.site.waiters import SiteWaiter, site_waiters

# The most RST one page of classes or enums holds (about 3x that in HTML): whole SageMaker's
# largest page stays well under 1 MB with the theme.
PAGE_BUDGET = 120_000


@attrs.frozen
class SiteMember:
    attr_name: str
    type: str  # RST: the annotation, classes of the package as cross references
    facts: str  # one line of RST: required, wire name, constraints, values, the AWS CLI's place
    documentation: str  # RST, indented for its place


@attrs.frozen
class SiteStructure:
    class_name: str
    shape: str  # the model's shape name, as an RST literal
    union: bool
    signature: str  # ``*, a, b=None``
    documentation: str
    members: tuple[SiteMember, ...]
    summary: str  # one line of RST


@attrs.frozen
class SiteEnum:
    class_name: str
    shape: str
    documentation: str
    values: tuple[tuple[str, str], ...]  # member name, value as an RST literal
    summary: str


@attrs.frozen
class SiteError:
    class_name: str
    code: str  # RST literal
    documentation: str


@attrs.frozen
class SitePaginator:
    class_name: str
    item: str  # RST
    result_attr: str | None
    response: str  # RST


@attrs.frozen
class SiteOperation:
    method_name: str
    page: str  # the operation page's document name
    cli_command: str  # the AWS CLI's command
    label: str  # the operation page's label
    cli_label: str  # the label of its AWS CLI reference page
    cli_title: str  # ``aws sagemaker list-...``, RST text
    wire_name: str  # RST literal
    summary: str  # one line of RST
    documentation: str
    request: SiteStructure | None
    response: SiteStructure | None
    returns: str  # RST: the response class, or ``None``
    errors: tuple[str, ...]  # class names of the modeled errors
    paginator: SitePaginator | None


@attrs.frozen
class SitePage:
    """A page of classes or enums."""

    name: str  # document name, relative to the docs root
    title: str  # RST text
    structures: tuple[SiteStructure, ...] = ()
    enums: tuple[SiteEnum, ...] = ()


@attrs.frozen
class SiteSection:
    """Classes or enums: one page, or an index page and pages of consecutive initial letters."""

    name: str  # ``classes``, ``enums``
    title: str
    pages: tuple[SitePage, ...]  # one: the section page holds the entries itself
    entries: tuple[tuple[str, str], ...]  # class name, summary (RST), in order

    @property
    def split(self) -> bool:
        return len(self.pages) > 1


@attrs.frozen
class SiteGlobalOption:
    heading: str  # RST: ``--debug`` (boolean)
    documentation: str  # RST, indented two spaces
    choices: tuple[str, ...]  # RST literals


@attrs.frozen
class SiteView:
    package: str
    distribution: str  # the name pip installs
    version: str
    service_name: str
    cli_service: str  # the AWS CLI's service command
    title: str  # the service's full name, as RST text
    documentation: str  # the service's documentation
    operation_names: tuple[str, ...]  # RST literals
    example: tuple[str, ...]  # the usage example's lines
    operations: tuple[SiteOperation, ...]
    classes: SiteSection
    enums: SiteSection
    errors: tuple[SiteError, ...]
    reference_pages: tuple[str, ...]  # file names of the CLI reference pages
    global_description: str
    global_synopsis: str
    global_options: tuple[SiteGlobalOption, ...]
    cli_links: dict[str, Any]  # what the site's extension links (``docs/_ext/cli_links.json``)
    waiters: tuple[SiteWaiter, ...] = ()  # ``site.waiters``

    @property
    def paginated(self) -> tuple[SiteOperation, ...]:
        return tuple(o for o in self.operations if o.paginator is not None)

    @property
    def aio_package(self) -> str:
        """The asynchronous client's module (``<package>.aio``)."""
        return f"{self.package}.aio"


def member_facts(service: Service, member: Member, cli: str = "") -> str:
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
    if cli:
        facts.append(cli)
    return " ".join(facts)


def cli_label(service_command_name: str, command: str) -> str:
    """The label of an AWS CLI reference page (``codegen.render.awscli`` writes it)."""
    return f"cli:aws {service_command_name} {command}"


def site_view(
    service: Service,
    docs: Docs,
    package: PackageView,
    example: str,
    tables: Sequence[CommandTable],
    reference_pages: tuple[str, ...],
) -> SiteView:
    pkg = service.package
    cli_service = service_command(service.service_name)
    # Where each class is documented: its full name (every reference is exact, so Sphinx
    # never searches its whole inventory for one).
    targets = {s.class_name: f"{pkg}.{s.class_name}" for s in service.structures}
    targets.update({e.class_name: f"{pkg}.{e.class_name}" for e in service.enums})

    def block(html: str, indent: int) -> str:
        return rst.block(docs.site(html), indent)

    summary = docs.summary

    def structure(s: Structure, cli: dict[str, str] | None = None, indent: int = 3) -> SiteStructure:
        cli = cli or {}
        return SiteStructure(
            class_name=s.class_name,
            shape=rst.literal(s.shape_name),
            union=s.union,
            signature="*" + "".join(f", {m.attr_name}{'' if m.required else '=None'}" for m in s.members),
            documentation=block(s.documentation, indent),
            members=tuple(
                SiteMember(
                    attr_name=m.attr_name,
                    type=rst.annotation(str(field_annotation(service, m)), targets),
                    facts=member_facts(service, m, cli.get(m.wire_name, "")),
                    documentation=block(m.documentation, indent + 3),
                )
                for m in s.members
            ),
            summary=summary(s.documentation),
        )

    io_shapes: set[str] = set()
    operations = []
    links: dict[str, Any] = {}
    for op, view, table in zip(service.operations, package.operations, tables):
        command = table.command
        label = cli_label(cli_service, command)
        request = queries.structure_of(service, op.input)
        response = queries.structure_of(service, op.output)
        io_shapes |= {s.shape_name for s in (request, response) if s is not None}
        options = {
            a.member.wire_name: f"--{a.name}"
            for a in table.arguments
            if a.member is not None and a.kind == "member" and a.documented
        }
        # Labels the site's extension registers on the CLI page, named by the Python fields
        # (names the generator chose; wire names are spec strings).
        request_cli = {
            m.wire_name: "AWS CLI: " + rst.reference("ref", options[m.wire_name], f"{label} option {m.attr_name}") + "."
            for m in (request.members if request else ())
            if m.wire_name in options
        }
        response_cli = {
            m.wire_name: "AWS CLI output: " + rst.reference("ref", m.wire_name, f"{label} output {m.attr_name}") + "."
            for m in (response.members if response else ())
        }
        paginator = None
        if view.paginator is not None:
            p = view.paginator
            paginator = SitePaginator(
                p.class_name,
                rst.annotation(str(p.item), targets),
                p.result_attr,
                rst.annotation(p.response_class, targets),
            )
        page = f"operations/{command}"
        operations.append(
            SiteOperation(
                method_name=op.method_name,
                page=page,
                cli_command=command,
                label=f"api:{cli_service} {command}",
                cli_label=label,
                cli_title=rst.text(f"aws {cli_service} {command}"),
                wire_name=rst.literal(op.name),
                summary=summary(op.documentation),
                documentation=block(op.documentation, 0),
                request=structure(request, request_cli) if request else None,
                response=structure(response, response_cli) if response else None,
                returns=rst.annotation(view.response_class, targets) if view.response_class else "``None``",
                errors=tuple(service.shape(e).class_name for e in op.errors),  # type: ignore[union-attr]
                paginator=paginator,
            )
        )
        links[f"reference/{cli_service}/{command}"] = {
            "label": label,
            "operation": f"{pkg}.Client.{op.method_name}",
            "options": {
                option: f"{pkg}.{request.class_name}.{m.attr_name}"
                for m in (request.members if request else ())
                if (option := options.get(m.wire_name))
            },
            "output": {m.wire_name: f"{pkg}.{response.class_name}.{m.attr_name}" for m in (response.members if response else ())},
        }
    nested = sorted((s for s in service.structures if s.shape_name not in io_shapes), key=lambda s: s.class_name)
    class_views = [structure(s) for s in nested]
    enum_views = [
        SiteEnum(
            e.class_name,
            rst.literal(e.shape_name),
            block(e.documentation, 3),
            tuple((v.member_name, rst.literal(v.value)) for v in e.values),
            summary(e.documentation),
        )
        for e in sorted(service.enums, key=lambda e: e.class_name)
    ]
    classes = _section("classes", "Classes", class_views, _structure_weight)
    enums = _section("enums", "Enums", enum_views, _enum_weight)
    errors = tuple(
        SiteError(e.class_name, rst.literal(e.error_code), block(e.documentation, 3)) for e in service.exceptions
    )
    shapes = {s.shape_name: f"{pkg}.{s.class_name}" for s in service.structures}
    shapes.update({e.shape_name: f"{pkg}.{e.class_name}" for e in service.enums})
    return SiteView(
        package=pkg,
        distribution=package.distribution,
        version=package.version,
        service_name=service.service_name,
        cli_service=cli_service,
        title=rst.text(service.full_name),
        documentation=block(service.documentation, 3),
        operation_names=tuple(rst.literal(op.name) for op in service.operations),
        example=tuple(example.split("\n")),
        operations=tuple(operations),
        classes=classes,
        enums=enums,
        errors=errors,
        reference_pages=reference_pages,
        global_description=rst.text(globaloptions.DESCRIPTION),
        global_synopsis=globaloptions.SYNOPSIS,
        global_options=tuple(
            SiteGlobalOption(
                heading=f"{rst.literal('--' + o.name)} ({o.type_name})",
                documentation=block(o.help, 2),
                choices=tuple(rst.literal(c) for c in o.choices),
            )
            for o in globaloptions.GLOBAL_OPTIONS
        ),
        cli_links={"format": 1, "pages": links, "shapes": shapes},
        waiters=site_waiters(service, package.waiters),
    )


def _structure_weight(s: SiteStructure) -> int:
    return 300 + len(s.documentation) + sum(300 + len(m.facts) + len(m.documentation) for m in s.members)


def _enum_weight(e: SiteEnum) -> int:
    return 200 + len(e.documentation) + sum(150 + len(v) for _, v in e.values)


def _section(name: str, title: str, entries: list[Any], weight: Any) -> SiteSection:
    """Entries (sorted by class name) on one page if they fit ``PAGE_BUDGET``, else on pages of
    consecutive initial letters (``classes/a-c``), a letter too big for one page in parts
    (``classes/c-1``, ``classes/c-2``)."""
    index = tuple((e.class_name, e.summary) for e in entries)
    if sum(weight(e) for e in entries) <= PAGE_BUDGET:
        return SiteSection(name, title, (SitePage(name, title, *_split_kinds(entries)),), index)
    by_letter: dict[str, list[Any]] = {}
    for entry in entries:
        by_letter.setdefault(entry.class_name[0].upper(), []).append(entry)
    pages: list[SitePage] = []
    run: list[tuple[str, list[Any]]] = []

    def close_run() -> None:
        if run:
            first, last = run[0][0], run[-1][0]
            letters = first if first == last else f"{first}-{last}"
            items = [e for _, group in run for e in group]
            pages.append(SitePage(f"{name}/{letters.lower()}", f"{title} {letters.replace('-', '–')}", *_split_kinds(items)))
            run.clear()

    for letter, group in by_letter.items():
        size = sum(weight(e) for e in group)
        if size > PAGE_BUDGET:
            close_run()
            for part, chunk in enumerate(_chunks(group, weight), start=1):
                pages.append(SitePage(f"{name}/{letter.lower()}-{part}", f"{title} {letter} ({part})", *_split_kinds(chunk)))
            continue
        if run and sum(weight(e) for _, g in run for e in g) + size > PAGE_BUDGET:
            close_run()
        run.append((letter, group))
    close_run()
    return SiteSection(name, title, tuple(pages), index)


def _chunks(entries: Iterable[Any], weight: Any) -> list[list[Any]]:
    chunks: list[list[Any]] = [[]]
    size = 0
    for entry in entries:
        w = weight(entry)
        if chunks[-1] and size + w > PAGE_BUDGET:
            chunks.append([])
            size = 0
        chunks[-1].append(entry)
        size += w
    return chunks


def _split_kinds(entries: Sequence[Any]) -> tuple[tuple[SiteStructure, ...], tuple[SiteEnum, ...]]:
    return (
        tuple(e for e in entries if isinstance(e, SiteStructure)),
        tuple(e for e in entries if isinstance(e, SiteEnum)),
    )
