"""AWS CLI v1 reference pages (reStructuredText), one per operation: the page model, built from
the operation's command table (``commands``), and its rendering.

The layout is ``codegen/templates/docs/operation.rst.j2``; this module decides *what* the AWS CLI puts
on the page and hands the template ready pieces: the documented arguments (a ``--flag`` and its
``--no-flag`` twin as one entry), member trees for nested options and the Output section, cut
where the CLI cuts recursion, the syntax examples (``syntax``), and model documentation
converted at the indentation it is written at (``bcdoc``).

The page is the one ``awscli/clidocs.py`` (``OperationDocumentEventHandler``) writes with
``target='html'``, in the layout of the reference pages published until 2022: a "See 'aws
help'" line after the description and after the options instead of the global options. bcdoc
writes a stream, so the template joins the fragments with ``br(level)`` exactly where the CLI
breaks a paragraph.
"""

from __future__ import annotations

from typing import Callable, Iterator

import attrs
import jinja2

from codegen.ir import queries
from codegen.ir.nodes import Enum, ListOf, Member, Service, Shape, Structure, Waiter
from codegen.render.awscli import customizations as aws
from codegen.render.awscli.bcdoc import codeblock, description_note, note
from codegen.render.awscli.commands import CommandArgument, CommandTable, cli_commands, cli_waiters
from codegen.render.awscli.prose import (
    OLD_LIST_CASES,
    RECURSIVE_MEMBER,
    TAGGED_UNION_NOTE,
    WAIT_DESCRIPTION,
    WAITER_OPERATION,
    WAITER_PATH,
    WAITER_POLLING,
    WAITER_SUCCESS,
)
from codegen.render.awscli.syntax import (
    json_syntax,
    scalar_list_syntax,
    shorthand_example,
    supports_shorthand,
)
from codegen.render.conversions import Conversions
from codegen.render.docs import CONVERTERS, Docs
from codegen.render.environment import text_environment

PAGE_TEMPLATE = "docs/operation.rst.j2"
WAIT_INDEX_TEMPLATE = "docs/wait-index.rst.j2"
# Where the ``wait`` pages go among the reference pages: ``wait/index.rst``, ``wait/<waiter>.rst``.
WAIT_DIRECTORY = aws.WAIT_COMMAND.name

# Model HTML and an indentation -> (converted text, the link targets it defines).
ConvertCli = Callable[[str, int], "tuple[str, tuple[tuple[str, str], ...]]"]


@attrs.frozen
class MemberDoc:
    """One ``Name -> (type)`` entry (or ``(type)`` for list items), or the recursion marker."""

    label: str
    level: int  # indentation of the label; documentation and children sit one level deeper
    documentation: str = ""
    note: str = ""
    children: tuple[MemberDoc, ...] = ()
    recursive: bool = False
    after: str = ""  # what a customization inserts after the documentation (s3's ExpiresString)


@attrs.frozen
class Example:
    label: str  # "Shorthand Syntax", "Syntax", "JSON Syntax"
    code: str  # the literal block, "::" to the paragraph break after it
    closing_break: bool  # the CLI starts a new paragraph after Syntax / JSON Syntax blocks


@attrs.frozen
class OptionDoc:
    heading: str  # "``--name`` (type)", "``--flag`` | ``--no-flag`` (boolean)", "``outfile`` (string)"
    documentation: str
    notes: str
    possible_values: tuple[str, ...]
    members: tuple[MemberDoc, ...]
    examples: tuple[Example, ...]


@attrs.frozen
class Page:
    file_name: str  # ``<command>.rst`` (a waiter's: ``wait/<waiter>.rst``)
    service: str  # the CLI's service command
    command: str  # the CLI's operation command (a waiter's: its name under ``wait``)
    # notes of the AWS CLI's customizations: its handlers of the command's own
    # ``doc-description`` event run before the generic one, so they come before "Description"
    title_notes: tuple[str, ...]
    description: str
    api_link: str | None
    uses_document_types: bool
    paginated: bool
    result_keys: tuple[str, ...]
    synopsis: tuple[str, ...]
    options: tuple[OptionDoc, ...]
    output: tuple[MemberDoc, ...] | None  # None: the operation returns nothing
    output_text: str | None  # a customization's text in place of the Output section's members
    link_targets: tuple[tuple[str, str], ...]
    parent: str | None = None  # ``wait`` for a waiter's page

    @property
    def lineage(self) -> tuple[str, ...]:
        """The commands above this one, below ``aws`` (the breadcrumbs)."""
        return (self.service,) if self.parent is None else (self.service, self.parent)

    @property
    def label(self) -> str:
        return " ".join(("aws", *self.lineage, self.command))


def waiter_description(waiter: Waiter, operation_command: str) -> str:
    """``WaiterStateDocBuilder.build_waiter_state_description``: the waiter's own description,
    or one made of its first success acceptor and its operation; then how it polls."""
    description = waiter.description
    if not description:
        description = "Wait until "
        for acceptor in waiter.acceptors:
            if acceptor.state == "success":
                success = WAITER_SUCCESS[acceptor.matcher]
                if acceptor.matcher in ("path", "pathAny", "pathAll"):
                    success = WAITER_PATH % acceptor.argument + success
                description += success % (acceptor.expected,)
                break
        description += WAITER_OPERATION % operation_command
    return description + WAITER_POLLING % (waiter.delay, waiter.max_attempts)


def build_page(service: Service, table: CommandTable, convert: ConvertCli) -> Page:
    return _PageBuilder(service, table, convert).build()


def render_page(page: Page, environment: jinja2.Environment) -> str:
    """The page's text; ``environment`` is the text environment (with ``bcdoc.PAGE_GLOBALS``)."""
    return environment.get_template(PAGE_TEMPLATE).render(page=page)


def documented_entries(arguments: tuple[CommandArgument, ...]) -> Iterator[tuple[CommandArgument, list[str]]]:
    """The documented arguments with the option names each stands for: ``--flag`` stands for
    itself and ``--no-flag``, and ``--no-flag`` is then skipped."""
    groups: dict[str, list[str]] = {}
    for argument in arguments:
        if argument.group is not None:
            groups.setdefault(argument.group, []).append(argument.cli_name)
    seen: set[str] = set()
    for argument in arguments:
        if not argument.documented or (argument.group is not None and argument.group in seen):
            continue
        if argument.group is None:
            yield argument, [argument.cli_name]
        else:
            seen.add(argument.group)
            yield argument, groups[argument.group]


def _synopsis_entry(argument: CommandArgument, names: list[str]) -> str:
    if argument.group is not None:
        text = " | ".join(names)
    elif not argument.positional:
        text = f"{argument.cli_name} <value>"
    else:
        text = f"<{argument.cli_name}>"  # a positional argument
    return text if argument.shown_required else f"[{text}]"


def _doc_type_name(shape: Shape, member: Member | None = None, default: str | None = None) -> str:
    """The type the CLI prints in parentheses (``_get_argument_type_name``)."""
    if (
        member is not None
        and member.json_value
        and member.location == "header"
        and queries.type_name(shape) == "string"
    ):
        return "JSON"
    if queries.is_document(shape):
        return "document"
    if queries.is_streaming_blob(shape, member):
        return aws.STREAMING_BLOB_TYPE_NAME
    if isinstance(shape, Structure) and shape.union:
        return "tagged union structure"
    return default if default is not None else queries.type_name(shape)


def _expires_string() -> str:
    """What s3events.py ``document_expires_string`` inserts after the ``Expires`` member's
    documentation: a deprecation note and an ``ExpiresString`` member, at the indentation
    the page is at when its Output section is done (none)."""
    name, type_name, documentation = aws.S3_EXPIRES_STRING_MEMBER
    return (
        f"\n\n\n.. note::\n\n\n  {aws.S3_EXPIRES_STRING_NOTE}\n\n\n\n\n"
        f"{name} -> ({type_name})\n\n\t{documentation}\n\n"
    )


def _with_expires_string(output: tuple[MemberDoc, ...]) -> tuple[MemberDoc, ...]:
    """``output`` with the ExpiresString insertion after its last ``Expires`` timestamp member
    (in page order; none: unchanged)."""
    label = "Expires -> (timestamp)"

    def last(nodes: tuple[MemberDoc, ...]) -> tuple[tuple[MemberDoc, ...], bool]:
        for index in range(len(nodes) - 1, -1, -1):
            node = nodes[index]
            children, found = last(node.children)
            if found:
                node = attrs.evolve(node, children=children)
            elif node.label == label and not node.recursive:
                # (awscli inserts among bcdoc's writes: after the text, before the paragraph
                # break its documentation ends with)
                text = node.documentation
                cut = len(text.rstrip(" ").removesuffix("\n\n")) if text.rstrip(" ").endswith("\n\n") else len(text)
                node = attrs.evolve(node, documentation=text[:cut], after=_expires_string() + text[cut:])
            else:
                continue
            return nodes[:index] + (node,) + nodes[index + 1 :], True
        return nodes, False

    return last(output)[0]


def _union_note(shape: Structure) -> str:
    return TAGGED_UNION_NOTE.format(", ".join(f"``{m.wire_name}``" for m in shape.members))


class _PageBuilder:
    """Builds a Page; fragments are made in page order so link targets keep the CLI's order."""

    def __init__(self, service: Service, table: CommandTable, convert: ConvertCli) -> None:
        self.service = service
        self.table = table
        self.operation = table.operation
        self.convert = convert
        self.hrefs: dict[str, str] = {}

    def doc(self, html: str, level: int) -> str:
        text, hrefs = self.convert(html, level)
        for name, link in hrefs:
            self.hrefs.setdefault(name, link)
        return text

    def build(self) -> Page:
        service, operation, waiter = self.service, self.operation, self.table.waiter
        if waiter is None:
            changes = aws.page_changes(self.table.service_command, self.table.command)
        else:
            # (a waiter's page events are ``doc-*.<service>.wait.<waiter>``: no command's
            # page changes reach it, and WaiterStateCommand drops the output shape)
            changes = aws.PageChanges(self.table.service_command, self.table.command, no_output=True)
        title_notes = tuple(description_note(html) for html in changes.description_notes)
        documentation = operation.documentation if waiter is None else waiter_description(waiter, operation.cli_name)
        description = self.doc(documentation, 0)
        entries = list(documented_entries(self.table.arguments))
        synopsis = tuple(_synopsis_entry(argument, names) for argument, names in entries)
        options = tuple(
            self.option(argument, " | ".join(f"``{name}``" for name in names)) for argument, names in entries
        )
        # (WaiterStateCommand drops the output shape: its members' docs are never converted)
        output_shape = queries.structure_of(service, operation.output) if waiter is None else None
        output = None
        if output_shape is not None and output_shape.members:
            output = tuple(
                node
                for m in output_shape.members
                if (node := self.member(m.wire_name, m.shape, m.documentation, 0, [], m)) is not None
            )
        if output is not None and changes.expires_string_note:
            output = _with_expires_string(output)
        if changes.no_output:
            output = None
        paginator = operation.paginator
        return Page(
            file_name=f"{self.table.command}.rst" if waiter is None else f"{WAIT_DIRECTORY}/{self.table.command}.rst",
            service=aws.service_command(service.service_name),
            command=self.table.command,
            title_notes=title_notes,
            description=description,
            api_link=(
                f"https://docs.aws.amazon.com/goto/WebAPI/{service.uid}/{operation.name}"
                if service.uid is not None
                else None
            ),
            uses_document_types=queries.uses_document_types(service, operation),
            paginated=paginator is not None,
            result_keys=paginator.result_key if paginator is not None else (),
            synopsis=synopsis,
            options=options,
            output=output,
            output_text=changes.output_text,
            link_targets=tuple(self.hrefs.items()),
            parent=None if waiter is None else aws.WAIT_COMMAND.name,
        )

    def option(self, argument: CommandArgument, names: str) -> OptionDoc:
        member = argument.member
        shape = queries.target(self.service, member) if member is not None else None
        if isinstance(shape, Structure) and argument.dropped_members:
            # (the AWS CLI documents the structure without the members it took out)
            kept = tuple(m for m in shape.members if m.wire_name not in argument.dropped_members)
            shape = attrs.evolve(shape, members=kept)
        type_name = _doc_type_name(shape, member, argument.type_name) if shape else argument.type_name
        documentation = self.doc(argument.documentation, 1)
        notes = ""
        if shape is not None and queries.is_streaming_blob(shape, member):
            notes += note(aws.STREAMING_BLOB_NOTE, 1)
        if isinstance(shape, Structure) and shape.union:
            notes += note(_union_note(shape), 1)
        members: list[MemberDoc] = []
        if shape is not None:
            # (the AWS CLI documents an option's own children without their member traits)
            for child in queries.children(shape):
                node = self.member(child.label, child.shape, child.documentation, 1, [shape.shape_name])
                if node is not None:
                    members.append(node)
        return OptionDoc(
            heading=f"{names} ({type_name})",
            documentation=documentation,
            notes=notes,
            possible_values=tuple(v.value for v in shape.values) if isinstance(shape, Enum) else (),
            members=tuple(members),
            examples=self.examples(argument, shape),
        )

    def member(
        self, name: str, shape_name: str, html: str, level: int, stack: list[str], member: Member | None = None
    ) -> MemberDoc | None:
        """``_doc_member``: a shape already on the path is documented once more, then cut."""
        shape = self.service.shape(shape_name)
        if stack.count(shape_name) > 1:
            return MemberDoc(RECURSIVE_MEMBER, level, recursive=True) if isinstance(shape, Structure) else None
        stack.append(shape_name)
        try:
            type_name = _doc_type_name(shape, member)
            documentation = self.doc(html, level + 1)
            union_note = note(_union_note(shape), level + 1) if isinstance(shape, Structure) and shape.union else ""
            children = []
            for child in queries.children(shape):
                node = self.member(child.label, child.shape, child.documentation, level + 1, stack, child.member)
                if node is not None:
                    children.append(node)
            return MemberDoc(
                label=f"{name} -> ({type_name})" if name else f"({type_name})",
                level=level,
                documentation=documentation,
                note=union_note,
                children=tuple(children),
            )
        finally:
            stack.pop()

    def examples(self, argument: CommandArgument, shape: Shape | None) -> tuple[Example, ...]:
        """``doc_option_example``: shorthand and JSON syntax of non-scalar options."""
        if argument.group is not None or shape is None:
            return ()
        service = self.service
        examples: list[Example] = []
        if supports_shorthand(service, shape):
            service_id = service.service_id.lower().replace(" ", "-")
            old_list_case = (service_id, self.table.command, argument.name) in OLD_LIST_CASES
            shorthand = shorthand_example(service, shape, argument.cli_name if old_list_case else None)
            if shorthand is None:
                return ()
            if shorthand:
                examples.append(Example("Shorthand Syntax", codeblock(shorthand.splitlines()), closing_break=False))
        item = service.shape(shape.member) if isinstance(shape, ListOf) else None
        if item is not None and queries.type_name(item) in queries.SCALAR_KINDS:
            examples.append(Example("Syntax", scalar_list_syntax(item), closing_break=True))
        elif argument.type_name not in queries.SCALAR_KINDS:
            examples.append(Example("JSON Syntax", json_syntax(service, shape), closing_break=True))
        return tuple(examples)


@attrs.frozen
class WaitIndex:
    """The ``wait`` command's page (``WaitCommand``'s help: ``BasicHelp`` with
    ``WaiterCommandDocHandler``): its description and the waiters, for the ``html`` target
    (a toctree) or the ``man`` one (a bullet list, what ``wait help`` renders)."""

    service: str
    waiters: tuple[str, ...]
    description: str = WAIT_DESCRIPTION
    target: str = "html"


def wait_index(service: Service, target: str = "html") -> WaitIndex | None:
    """The ``wait`` page of ``service`` (None: no waiters, no ``wait`` command)."""
    if not service.waiters:
        return None
    names = tuple(table.command for table in cli_waiters(service))
    return WaitIndex(aws.service_command(service.service_name), names, target=target)


def render_wait_index(index: WaitIndex, environment: jinja2.Environment) -> str:
    return environment.get_template(WAIT_INDEX_TEMPLATE).render(page=index)


def reference_pages(service: Service, docs: Docs | None = None) -> dict[str, str]:
    """``<command>.rst`` -> the AWS CLI v1 reference page of each operation of ``service``,
    then ``wait/index.rst`` and ``wait/<waiter>.rst`` for its waiters (converting with
    ``docs``, or with conversions of their own)."""
    docs = docs or Docs(Conversions(CONVERTERS))
    environment = text_environment()
    tables = (*cli_commands(service), *cli_waiters(service))
    pages = {page.file_name: render_page(page, environment) for page in (build_page(service, t, docs.cli) for t in tables)}
    index = wait_index(service)
    if index is not None:
        pages[f"{WAIT_DIRECTORY}/index.rst"] = render_wait_index(index, environment)
    return pages
