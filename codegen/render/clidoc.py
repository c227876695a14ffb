"""AWS CLI v1 reference pages (reStructuredText), one per operation, from the IR.

The layout is ``templates/docs/operation.rst.j2``; this module decides *what* the AWS CLI puts on
the page and hands the template ready pieces:

* the argument table the CLI builds for an operation (model members, ``--no-`` twins of
  booleans, ``outfile`` for streaming output, ``--cli-input-json``, the paging options that
  replace the model's token and limit members, ``--generate-cli-skeleton``);
* member trees for nested options and the Output section, cut where the CLI cuts recursion;
* shorthand and JSON syntax examples;
* model documentation converted to reStructuredText at the indentation it is written at.

The page is the one ``awscli/clidocs.py`` (``OperationDocumentEventHandler``) writes with
``target='html'``, in the layout of the reference pages published until 2022: a "See 'aws
help'" line after the description and after the options instead of the global options.

bcdoc writes a stream, not lines: a paragraph break is ``"\\n\\n"`` followed by the indentation
of whatever comes next, and the text converted from HTML depends on the indentation in force.
So the pieces here are stream fragments, produced by botocore's ``ReSTDocument`` and its style,
and the template joins them with ``br(level)`` exactly where the CLI breaks a paragraph.

Why the converter is adjusted: the AWS CLI v1 (1.45 and 1.46 included) converts documentation
with its own copy of bcdoc (``awscli/bcdoc``), which is botocore 1.12.0's. botocore's copy has
since learned to collapse HTML white space and to drop the space after inline markup:
``<code>Name</code>.`` is ````Name`` .`` on the CLI's pages and ````Name``.`` from botocore today.
``_CliStyle`` and ``_CliDocStringParser`` put the CLI's rules on top of botocore's
``ReSTDocument``/``ReSTStyle`` (the handful of methods that differ); the rest is botocore's.
"""

from __future__ import annotations

from functools import lru_cache, partial
from html.parser import HTMLParser
from typing import Any, Callable, Iterator

import attrs
import jinja2
from botocore.docs.bcdoc.docstringparser import DocStringParser
from botocore.docs.bcdoc.restdoc import ReSTDocument
from botocore.docs.bcdoc.style import ReSTStyle

from codegen.render.conversions import remembered
from codegen.ir import naming
from codegen.ir.nodes import Enum, ListOf, MapOf, Member, Operation, Scalar, Service, Shape, Structure
from codegen.render.environment import make_text_environment

PAGE_TEMPLATE = "docs/operation.rst.j2"

# The AWS CLI renames a few service commands (``awscli/customizations/*``: ``rename_command``).
CLI_SERVICE_NAMES = {"s3": "s3api", "config": "configservice", "codedeploy": "deploy"}

SCALAR_TYPES = frozenset(
    ("string", "float", "integer", "long", "boolean", "double", "blob", "timestamp")
)
COMPLEX_TYPES = frozenset(("structure", "map", "list"))

# Help of the options the AWS CLI adds, in its words (HTML is converted like model docs).
CLI_INPUT_JSON_HELP = (
    "Performs service operation based on the JSON string provided. The JSON string follows the "
    "format provided by ``--generate-cli-skeleton``. If other arguments are provided on the "
    "command line, the CLI values will override the JSON-provided values. It is not possible to "
    "pass arbitrary binary values using a JSON-provided value as the string will be taken "
    "literally."
)
GENERATE_CLI_SKELETON_HELP = (
    "Prints a JSON skeleton to standard output without sending an API request. If provided with "
    "no value or the value ``input``, prints a sample input JSON that can be used as an argument "
    "for ``--cli-input-json``. If provided with the value ``output``, it validates the command "
    "inputs and returns a sample output JSON for that command."
)
OUTFILE_HELP = "Filename where the content will be saved"
_PAGINATION_GUIDE = """<p>For usage examples, see <a
href="https://docs.aws.amazon.com/cli/latest/userguide/pagination.html"
>Pagination</a> in the <i>AWS Command Line Interface User
Guide</i>.</p>
"""
STARTING_TOKEN_HELP = """
<p>A token to specify where to start paginating.  This is the
<code>NextToken</code> from a previously truncated response.</p>
""" + _PAGINATION_GUIDE
MAX_ITEMS_HELP = """
<p>The total number of items to return in the command's output.
If the total number of items available is more than the value
specified, a <code>NextToken</code> is provided in the command's
output.  To resume pagination, provide the
<code>NextToken</code> value in the <code>starting-token</code>
argument of a subsequent command.  <b>Do not</b> use the
<code>NextToken</code> response element directly outside of the
AWS CLI.</p>
""" + _PAGINATION_GUIDE
PAGE_SIZE_HELP = """
<p>The size of each page to get in the AWS service call.  This
does not affect the number of items returned in the command's
output.  Setting a smaller page size results in more calls to
the AWS service, retrieving fewer items in each call.  This can
help prevent the AWS service calls from timing out.</p>
""" + _PAGINATION_GUIDE
STREAMING_BLOB_NOTE = (
    "This argument is of type: streaming blob. Its value must be the path to a file "
    "(e.g. ``path/to/file``) and must **not** be prefixed with ``file://`` or ``fileb://``"
)
TAGGED_UNION_NOTE = (
    "This is a Tagged Union structure. Only one of the following top level keys can be set: {}."
)
# Options whose list of one-member structures the CLI takes as bare words (--records Data1 Data2),
# by (service id, hyphenated as in event names; operation command; option): awscli/argprocess.py
# keeps these for backward compatibility and documents them that way.
OLD_LIST_CASES = frozenset(
    {
        ("firehose", "put-record-batch", "records"),
        ("workspaces", "reboot-workspaces", "reboot-workspace-requests"),
        ("workspaces", "rebuild-workspaces", "rebuild-workspace-requests"),
        ("workspaces", "terminate-workspaces", "terminate-workspace-requests"),
        ("elastic-load-balancing", "remove-tags", "tags"),
        ("elastic-load-balancing", "describe-instance-health", "instances"),
        ("elastic-load-balancing", "deregister-instances-from-load-balancer", "instances"),
        ("elastic-load-balancing", "register-instances-with-load-balancer", "instances"),
    }
)
RECURSIVE_MEMBER = "( ... recursive ... )"
RECURSIVE_JSON = "{ ... recursive ... }"


# --------------------------------------------------------------------------------------------
# HTML -> reStructuredText the way the AWS CLI v1 converts it


class _CliStyle(ReSTStyle):
    """botocore's ReSTStyle with the AWS CLI's inline rules: markup is closed with a trailing
    space, nothing is inserted before it, and links are closed without botocore's clean-up."""

    def _start_inline(self, markup: str) -> None:
        self.doc.write(markup)

    def _end_inline(self, markup: str) -> None:
        # Trailing blanks inside the markup would break it; an empty element writes nothing.
        text = (self.doc.pop_write() or "").rstrip(" ")
        if text == markup:
            return
        self.doc.push_write(text)
        self.doc.write(markup + " ")

    def start_code(self, attrs: Any = None) -> None:
        self.doc.do_translation = True
        self._start_inline("``")

    def start_a(self, attrs: Any = None) -> None:
        if not attrs:
            self.doc.write(" ")  # <a>Name</a>: a cross reference with nowhere to point
        for key, value in attrs or ():
            if key == "href":
                self.a_href = value
                self.doc.write("`")
        self.doc.do_translation = True

    def end_a(self, next_child: Any = None) -> None:
        self.doc.do_translation = False
        if self.a_href:
            text = (self.doc.pop_write() or "").rstrip(" ")
            if text == "`":  # no link text: the address is the text
                self.doc.push_write(f"`<{self.a_href}>`__")
            elif text:
                self.doc.push_write(text.replace(":", r"\:"))
                self.doc.push_write(f" <{self.a_href}>`__")
            else:  # blank link text: a named target, defined at the end of the page
                self.doc.push_write(self.a_href)
                self.doc.hrefs[self.a_href] = self.a_href
                self.doc.write("`__")
            self.a_href = None
        self.doc.write(" ")


class _Text:
    def __init__(self, data: str) -> None:
        self.data = data

    def write(self, doc: ReSTDocument) -> None:
        # Leading blanks go, inner runs become one space, a trailing run one space.
        if not self.data:
            return
        if self.data.isspace():
            doc.handle_data(" ")
            return
        text = " ".join(doc.translate_words(self.data.split()))
        doc.handle_data(text + " " if self.data[-1].isspace() else text)


class _Element:
    def __init__(self, tag: str | None, attrs: Any = None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent: _Element | None = None
        self.children: list[_Element | _Text] = []

    def write(self, doc: ReSTDocument) -> None:
        if self.tag is not None:
            getattr(doc.style, f"start_{self.tag}")(self.attrs)
        for child in self.children:
            child.write(doc)
        if self.tag is not None:
            getattr(doc.style, f"end_{self.tag}")()


class _ListItem(_Element):
    """``<li>``: the text starts at the bullet, whatever blanks the HTML had before it."""

    def write(self, doc: ReSTDocument) -> None:
        _strip_leading_blanks(self)
        super().write(doc)


def _strip_leading_blanks(node: _Element) -> bool:
    for child in node.children:
        if isinstance(child, _Text):
            child.data = child.data.lstrip()
            if child.data:
                return True
        elif _strip_leading_blanks(child):
            return True
    return False


class _Tree:
    """The parsed HTML; tags the style has no handler for are dropped, their text kept."""

    def __init__(self, doc: ReSTDocument) -> None:
        self.doc = doc
        self.root = _Element(None)
        self.current: _Element | None = self.root

    def add_tag(self, tag: str, attrs: Any = None, is_start: bool = True) -> None:
        if not hasattr(self.doc.style, f"{'start' if is_start else 'end'}_{tag}"):
            return
        if not is_start:
            assert self.current is not None, "unbalanced end tag"
            self.current = self.current.parent
            return
        node = _ListItem(tag, attrs) if tag == "li" else _Element(tag, attrs)
        self._append(node)
        node.parent = self.current
        self.current = node

    def add_data(self, data: str) -> None:
        self._append(_Text(data))

    def _append(self, node: _Element | _Text) -> None:
        if self.current is None:
            raise ValueError("content after an unbalanced end tag")
        self.current.children.append(node)

    def write(self) -> None:
        self.root.write(self.doc)


class _CliDocStringParser(DocStringParser):
    """botocore's HTML parser driving the AWS CLI's tree (no white-space collapsing)."""

    tree: _Tree

    def reset(self) -> None:
        HTMLParser.reset(self)
        self.tree = _Tree(self.doc)

    def feed(self, data: str) -> None:
        HTMLParser.feed(self, data)
        self.tree.write()
        self.tree = _Tree(self.doc)

    def close(self) -> None:
        HTMLParser.close(self)
        self.tree.write()
        self.tree = _Tree(self.doc)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tree.add_tag(tag, attrs=attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tree.add_tag(tag, is_start=False)

    def handle_data(self, data: str) -> None:
        self.tree.add_data(data)


def cli_document(level: int = 0) -> ReSTDocument:
    """A botocore ReSTDocument (target html) that converts like the AWS CLI, indented ``level``."""
    doc = ReSTDocument(target="html")
    doc.style = _CliStyle(doc)
    doc.parser = _CliDocStringParser(doc)
    doc.style.indentation = level
    return doc


@remembered("cli")
def _converted(html: str, level: int) -> tuple[str, tuple[tuple[str, str], ...]]:
    doc = cli_document(level)
    doc.include_doc_string(html)
    hrefs = tuple(doc.hrefs.items())
    doc.hrefs = {}
    return doc.getvalue().decode("utf-8"), hrefs


# --------------------------------------------------------------------------------------------
# What the template receives


@attrs.frozen
class MemberDoc:
    """One ``Name -> (type)`` entry (or ``(type)`` for list items), or the recursion marker."""

    label: str
    level: int  # indentation of the label; documentation and children sit one level deeper
    documentation: str = ""
    note: str = ""
    children: tuple["MemberDoc", ...] = ()
    recursive: bool = False


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
    path: str
    service: str  # the CLI's service command
    command: str  # the CLI's operation command
    description: str
    api_link: str | None
    uses_document_types: bool
    paginated: bool
    result_keys: tuple[str, ...]
    synopsis: tuple[str, ...]
    options: tuple[OptionDoc, ...]
    output: tuple[MemberDoc, ...] | None  # None: the operation returns nothing
    link_targets: tuple[tuple[str, str], ...]


@attrs.frozen
class Argument:
    """One entry of the CLI's argument table."""

    name: str  # table key: the option without dashes
    cli_name: str  # "--name", or "outfile" for the positional argument
    type_name: str
    documentation: str
    required: bool = False
    shape: str | None = None  # the model shape behind the option
    member: Member | None = None
    group: str | None = None  # --flag and --no-flag share one
    documented: bool = True


# --------------------------------------------------------------------------------------------
# The argument table


def argument_table(service: Service, operation: Operation) -> list[Argument]:
    """The arguments in the CLI's order, hidden ones included (``documented=False``)."""
    table: dict[str, Argument] = {}
    input_shape = _structure(service, operation.input)
    for member in input_shape.members if input_shape else ():
        kind = _type_name(service.shape(member.shape))
        name = member.cli_name
        argument = Argument(
            name=name,
            cli_name=f"--{name}",
            type_name=kind,
            documentation=member.documentation,
            required=member.required and not member.idempotency_token,
            shape=member.shape,
            member=member,
            group=name if kind == "boolean" else None,
        )
        table[name] = argument
        if kind == "boolean":
            table[f"no-{name}"] = attrs.evolve(
                argument, name=f"no-{name}", cli_name=f"--no-{name}", required=False
            )

    streaming_output = _has_streaming_output(service, operation)
    if streaming_output:
        table["outfile"] = Argument("outfile", "outfile", "string", OUTFILE_HELP, required=True)
    else:
        table["cli-input-json"] = Argument(
            "cli-input-json", "--cli-input-json", "string", CLI_INPUT_JSON_HELP
        )
    paginator = operation.paginator
    if paginator is not None:
        tokens = list(paginator.input_token) + ([paginator.limit_key] if paginator.limit_key else [])
        for token in tokens:
            hidden = naming.cli_name(token)
            if hidden in table:
                table[hidden] = attrs.evolve(table[hidden], documented=False)
        table["starting-token"] = Argument(
            "starting-token", "--starting-token", "string", STARTING_TOKEN_HELP
        )
        limit_type = "integer"
        if paginator.limit_key and input_shape is not None:
            limit = next(m for m in input_shape.members if m.wire_name == paginator.limit_key)
            limit_type = _type_name(service.shape(limit.shape))
            table["page-size"] = Argument("page-size", "--page-size", limit_type, PAGE_SIZE_HELP)
        table["max-items"] = Argument("max-items", "--max-items", limit_type, MAX_ITEMS_HELP)
    if not streaming_output:
        table["generate-cli-skeleton"] = Argument(
            "generate-cli-skeleton", "--generate-cli-skeleton", "string", GENERATE_CLI_SKELETON_HELP
        )
    return list(table.values())


def _documented_entries(arguments: list[Argument]) -> Iterator[tuple[Argument, list[str]]]:
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


def _synopsis_entry(argument: Argument, names: list[str]) -> str:
    if argument.group is not None:
        text = " | ".join(names)
    elif argument.cli_name.startswith("--"):
        text = f"{argument.cli_name} <value>"
    else:
        text = f"<{argument.cli_name}>"  # a positional argument
    return text if argument.required else f"[{text}]"


def _has_streaming_output(service: Service, operation: Operation) -> bool:
    """botocore's ``OperationModel.has_streaming_output``: a blob payload in the output."""
    output = _structure(service, operation.output)
    if output is None or output.payload is None:
        return False
    payload = next((m for m in output.members if m.wire_name == output.payload), None)
    return payload is not None and _type_name(service.shape(payload.shape)) == "blob"


def _structure(service: Service, name: str | None) -> Structure | None:
    shape = service.shape(name) if name else None
    return shape if isinstance(shape, Structure) else None


def _type_name(shape: Shape) -> str:
    """botocore's ``Shape.type_name``."""
    if isinstance(shape, Scalar):
        return shape.kind
    return "string" if isinstance(shape, Enum) else shape.kind


def _is_streaming_blob(shape: Shape, member: Member | None) -> bool:
    streaming = shape.streaming if isinstance(shape, Scalar) else False
    return _type_name(shape) == "blob" and (streaming or (member is not None and member.streaming))


def _doc_type_name(shape: Shape, member: Member | None = None, default: str | None = None) -> str:
    """The type the CLI prints in parentheses (``_get_argument_type_name``)."""
    if (
        member is not None
        and member.json_value
        and member.location == "header"
        and _type_name(shape) == "string"
    ):
        return "JSON"
    if isinstance(shape, Structure) and shape.document:
        return "document"
    if _is_streaming_blob(shape, member):
        return "streaming blob"
    if isinstance(shape, Structure) and shape.union:
        return "tagged union structure"
    return default if default is not None else _type_name(shape)


# --------------------------------------------------------------------------------------------
# The page


class _PageBuilder:
    """Builds a Page; fragments are made in page order so link targets keep the CLI's order."""

    def __init__(self, service: Service, operation: Operation) -> None:
        self.service = service
        self.operation = operation
        self.hrefs: dict[str, str] = {}
        self.service_command = CLI_SERVICE_NAMES.get(service.service_name, service.service_name)

    def doc(self, html: str, level: int) -> str:
        text, hrefs = _converted(html, level)
        for name, link in hrefs:
            self.hrefs.setdefault(name, link)
        return text

    def build(self) -> Page:
        service, operation = self.service, self.operation
        command = operation.cli_name
        description = self.doc(operation.documentation, 0)
        entries = list(_documented_entries(argument_table(service, operation)))
        synopsis = tuple(_synopsis_entry(argument, names) for argument, names in entries)
        options = tuple(
            self.option(argument, " | ".join(f"``{name}``" for name in names))
            for argument, names in entries
        )
        output_shape = _structure(service, operation.output)
        output = None
        if output_shape is not None and output_shape.members:
            output = tuple(
                node
                for m in output_shape.members
                if (node := self.member(m.wire_name, m.shape, m.documentation, 0, [], m)) is not None
            )
        paginator = operation.paginator
        return Page(
            path=f"docs/reference/{command}.rst",
            service=self.service_command,
            command=command,
            description=description,
            api_link=(
                f"https://docs.aws.amazon.com/goto/WebAPI/{service.uid}/{operation.name}"
                if service.uid is not None
                else None
            ),
            uses_document_types=_uses_document_types(service, operation),
            paginated=paginator is not None,
            result_keys=paginator.result_key if paginator is not None else (),
            synopsis=synopsis,
            options=options,
            output=output,
            link_targets=tuple(self.hrefs.items()),
        )

    def option(self, argument: Argument, names: str) -> OptionDoc:
        shape = self.service.shape(argument.shape) if argument.shape else None
        type_name = (
            _doc_type_name(shape, argument.member, argument.type_name) if shape else argument.type_name
        )
        documentation = self.doc(argument.documentation, 1)
        notes = ""
        if shape is not None and _is_streaming_blob(shape, argument.member):
            notes += note(STREAMING_BLOB_NOTE, 1)
        if isinstance(shape, Structure) and shape.union:
            notes += note(_union_note(shape), 1)
        members: list[MemberDoc] = []
        if shape is not None:
            for name, child, docs in _children(shape):
                node = self.member(name, child, docs, 1, [shape.shape_name])
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
        self, name: str, shape_name: str, html: str, level: int, stack: list[str],
        member: Member | None = None,
    ) -> MemberDoc | None:
        """``_doc_member``: a shape already on the path is documented once more, then cut."""
        shape = self.service.shape(shape_name)
        if shape_name in stack and stack.count(shape_name) > 1:
            if isinstance(shape, Structure):
                return MemberDoc(RECURSIVE_MEMBER, level, recursive=True)
            return None
        stack.append(shape_name)
        try:
            type_name = _doc_type_name(shape, member)
            documentation = self.doc(html, level + 1)
            union_note = ""
            if isinstance(shape, Structure) and shape.union:
                union_note = note(_union_note(shape), level + 1)
            children = []
            for child_name, child, docs, child_member in _children_with_members(shape):
                node = self.member(child_name, child, docs, level + 1, stack, child_member)
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

    def examples(self, argument: Argument, shape: Shape | None) -> tuple[Example, ...]:
        """``doc_option_example``: shorthand and JSON syntax of non-scalar options."""
        if argument.group is not None or shape is None:
            return ()
        service = self.service
        examples: list[Example] = []
        if _supports_shorthand(service, shape):
            service_id = service.service_id.lower().replace(" ", "-")
            old_list_case = (service_id, self.operation.cli_name, argument.name) in OLD_LIST_CASES
            shorthand = shorthand_example(service, shape, argument.cli_name if old_list_case else None)
            if shorthand is None:
                return ()
            if shorthand:
                code = codeblock(shorthand.splitlines())
                examples.append(Example("Shorthand Syntax", code, closing_break=False))
        item = service.shape(shape.member) if isinstance(shape, ListOf) else None
        if item is not None and _type_name(item) in SCALAR_TYPES:
            code = _fragment(0, partial(_scalar_list_syntax, item=item))
            examples.append(Example("Syntax", code, closing_break=True))
        elif argument.type_name not in SCALAR_TYPES:
            code = _fragment(0, partial(_json_syntax, service=service, shape=shape))
            examples.append(Example("JSON Syntax", code, closing_break=True))
        return tuple(examples)


def _children(shape: Shape) -> Iterator[tuple[str, str, str]]:
    for name, child, docs, _ in _children_with_members(shape):
        yield name, child, docs


def _children_with_members(shape: Shape) -> Iterator[tuple[str, str, str, Member | None]]:
    """What the CLI documents under a shape: (label name, shape, documentation, member)."""
    if isinstance(shape, Structure):
        for m in shape.members:
            yield m.wire_name, m.shape, m.documentation, m
    elif isinstance(shape, ListOf):
        yield "", shape.member, shape.member_documentation, None
    elif isinstance(shape, MapOf):
        yield shape.key_name, shape.key, shape.key_documentation, None
        yield shape.value_name, shape.value, shape.value_documentation, None


def _union_note(shape: Structure) -> str:
    return TAGGED_UNION_NOTE.format(", ".join(f"``{m.wire_name}``" for m in shape.members))


def _fragment(level: int, write: Callable[[ReSTDocument], None]) -> str:
    """What ``write`` makes bcdoc write, starting at indentation ``level``."""
    doc = cli_document(level)
    write(doc)
    return str(doc.getvalue().decode("utf-8"))


def _write_note(doc: ReSTDocument, text: str) -> None:
    doc.style.start_note()
    doc.writeln(text)
    doc.style.end_note()


def _write_codeblock(doc: ReSTDocument, lines: list[str]) -> None:
    doc.style.start_codeblock()
    for line in lines:
        doc.writeln(line)
    doc.style.end_codeblock()


def _write_value_list(doc: ReSTDocument, values: list[str]) -> None:
    doc.style.start_ul()
    for value in values:
        doc.style.li(f"``{value}``")
    doc.style.end_ul()


def note(text: str, level: int) -> str:
    """A ``.. note::`` directive."""
    return _fragment(level, partial(_write_note, text=text))


def codeblock(lines: list[str], level: int = 0) -> str:
    """A literal block, from its ``::`` to the paragraph break after it."""
    return _fragment(level, partial(_write_codeblock, lines=lines))


def value_list(values: list[str], level: int) -> str:
    """A bullet list of ``values`` as literals (the CLI's "Possible values")."""
    return _fragment(level, partial(_write_value_list, values=values))


# --------------------------------------------------------------------------------------------
# Shorthand and JSON syntax (awscli's ParamShorthandDocGen and _json_example)


class _TooComplex(Exception):
    pass


_MAX_SHORTHAND_DEPTH = 3


def _supports_shorthand(service: Service, shape: Shape) -> bool:
    if _is_document_container(service, shape):
        return False
    if isinstance(shape, ListOf):
        return _type_name(service.shape(shape.member)) in COMPLEX_TYPES
    return isinstance(shape, (Structure, MapOf))


def _is_document_container(service: Service, shape: Shape) -> bool:
    """A document, or lists and maps that end in one (shorthand cannot express those)."""
    seen: set[str] = set()
    while isinstance(shape, (ListOf, MapOf)) and shape.shape_name not in seen:
        seen.add(shape.shape_name)
        shape = service.shape(shape.member if isinstance(shape, ListOf) else shape.value)
    return isinstance(shape, Structure) and shape.document


def shorthand_example(service: Service, shape: Shape, old_list_case: str | None = None) -> str | None:
    """The shorthand syntax of an option; None when the CLI documents no syntax at all.

    ``old_list_case`` is the option's name when it is one of ``OLD_LIST_CASES``."""
    item = service.shape(shape.member) if isinstance(shape, ListOf) else None
    if old_list_case and isinstance(item, Structure) and len(item.members) == 1:
        assert isinstance(shape, ListOf)
        name = item.members[0].wire_name
        if shape.constraints.min == 1 and shape.constraints.max == 1:
            return f"{old_list_case} {name}1"
        return f"{old_list_case} {name}1 {name}2 {name}3"
    if (
        isinstance(shape, Structure)
        and len(shape.members) == 1
        and shape.members[0].wire_name == "Value"
        and _type_name(service.shape(shape.members[0].shape)) == "string"
    ):
        return None  # given as a bare value: --option value
    stack: list[str] = []
    try:
        if isinstance(shape, ListOf):
            return _shorthand(service, service.shape(shape.member), stack) + " ..."
        return _shorthand(service, shape, stack)
    except _TooComplex:
        return ""


def _shorthand(service: Service, shape: Shape, stack: list[str]) -> str:
    if len(stack) > _MAX_SHORTHAND_DEPTH:
        raise _TooComplex
    if isinstance(shape, Structure):
        parts = []
        for member in shape.members:
            child = service.shape(member.shape)
            if _is_document_container(service, child):
                continue
            if stack.count(child.shape_name) > 0:
                parts.append(RECURSIVE_MEMBER)
                continue
            stack.append(child.shape_name)
            try:
                parts.append(f"{member.wire_name}={_shorthand(service, child, stack)}")
            finally:
                stack.pop()
        inner = ",".join(parts)
        return "{%s}" % inner if stack else inner
    if isinstance(shape, ListOf):
        item = service.shape(shape.member)
        stack.append(item.shape_name)
        try:
            element = _shorthand(service, item, stack)
        finally:
            stack.pop()
        if _type_name(item) in COMPLEX_TYPES or len(stack) > 1:
            return f"[{element},{element}]"
        return f"{element},{element}"
    if isinstance(shape, MapOf):
        value = service.shape(shape.value)
        stack.append(value.shape_name)
        try:
            value_docs = _shorthand(service, value, stack)
        finally:
            stack.pop()
        text = f"KeyName1={value_docs},KeyName2={value_docs}"
        key = service.shape(shape.key)
        if isinstance(key, Enum) and not stack:
            text += "\n\nWhere valid key names are:\n" + "".join(f"  {v.value}\n" for v in key.values)
        elif stack:
            text = "{%s}" % text
        return text
    return _type_name(shape)


def _example_value(shape: Shape, include_enum_values: bool = True) -> str:
    if isinstance(shape, Enum):
        if include_enum_values:
            return "|".join(f'"{v.value}"' for v in shape.values)
        return '"string"'
    kind = _type_name(shape)
    if kind == "string":
        return '"string"'
    if kind == "boolean":
        return "true|false"
    return kind


def _scalar_list_syntax(doc: ReSTDocument, item: Shape) -> None:
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


def _json_syntax(doc: ReSTDocument, service: Service, shape: Shape) -> None:
    doc.style.start_codeblock()
    _json_example(doc, service, shape, [])
    doc.style.end_codeblock()


def _json_example(doc: ReSTDocument, service: Service, shape: Shape, stack: list[str]) -> None:
    name = shape.shape_name
    if name in stack and stack.count(name) > 1:
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
    if isinstance(shape, ListOf):
        item = service.shape(shape.member)
        doc.write("[")
        if _type_name(item) in SCALAR_TYPES:
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
    elif isinstance(shape, MapOf):
        value = service.shape(shape.value)
        doc.write("{")
        style.indent()
        doc.write(f"{_example_value(service.shape(shape.key))}: ")
        if _type_name(value) in SCALAR_TYPES:
            doc.write(_example_value(value))
        else:
            style.indent()
            _json_example(doc, service, value, stack)
            style.dedent()
        style.new_line()
        doc.write("...")
        style.dedent()
        doc.write("}")
    elif isinstance(shape, Structure):
        if shape.document:
            doc.write("{...}")
            return
        doc.write("{")
        style.indent()
        style.new_line()
        for index, member in enumerate(shape.members):
            child = service.shape(member.shape)
            if _type_name(child) in SCALAR_TYPES:
                doc.write(f'"{member.wire_name}": {_example_value(child)}')
            else:
                doc.write(f'"{member.wire_name}": ')
                _json_example(doc, service, child, stack)
            if index < len(shape.members) - 1:
                doc.write(",")
                style.new_line()
        style.dedent()
        style.new_line()
        doc.write("}")


def _uses_document_types(service: Service, operation: Operation) -> bool:
    """Any document type reachable from the input or output (map keys are not looked at)."""
    for root in (operation.input, operation.output):
        if root is None:
            continue
        seen: set[str] = set()
        todo = [root]
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            shape = service.shape(name)
            if isinstance(shape, Structure):
                if shape.document:
                    return True
                todo.extend(m.shape for m in shape.members)
            elif isinstance(shape, ListOf):
                todo.append(shape.member)
            elif isinstance(shape, MapOf):
                todo.append(shape.value)
    return False


# --------------------------------------------------------------------------------------------
# Rendering


def _paragraph(level: int = 0) -> str:
    return "\n\n" + "  " * level


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = make_text_environment()
    env.globals.update(value_list=value_list, codeblock=codeblock, br=_paragraph)
    return env


def build_pages(service: Service) -> list[Page]:
    return [_PageBuilder(service, operation).build() for operation in service.operations]


def render_page(page: Page) -> str:
    return _environment().get_template(PAGE_TEMPLATE).render(page=page)


def render_reference_pages(service: Service) -> dict[str, str]:
    """``docs/reference/<command>.rst`` -> the AWS CLI v1 reference page of each operation."""
    return {page.path: render_page(page) for page in build_pages(service)}
