r"""The text ``aws <service> <command> help`` prints, made from one of our reference pages.

``help_text(page)`` takes a reference page written by ``codegen.render.clidoc`` (the AWS CLI
v1's page for the command, in its ``html`` form, the one in ``generated/.../reference/``) and
returns the text the AWS CLI v1 prints for that page through its plain-text renderer. It runs
when the package is generated, so the generated command line ships the text and needs neither
docutils nor a formatter at run time. It is pure: no files, no environment, no subprocess, no
output on stderr; the same page gives the same text on every machine (for one docutils
version, see below).

API: ``help_text(page)``; its two steps ``man_target_page(page)`` (our page -> the page ``aws
help`` renders) and ``render_text(rst)`` (any reStructuredText -> the AWS CLI's plain text);
``HelpTextError`` (a ``ValueError``) where the AWS CLI's renderer would crash; ``LINE_WIDTH``.

What the AWS CLI prints (observed with awscli 1.46.3, docutils 0.19, Debian 12, stdout a pipe)
---------------------------------------------------------------------------------------------

``aws ... help`` writes the command's page as reStructuredText for the ``man`` target
(``ReSTDocument(target='man')``) and hands it to a renderer chosen by ``platform.system()``
(``awscli/help.py``):

* ``PosixHelpRenderer`` (Linux, macOS): docutils' man-page writer, then ``groff -m man -T
  ascii`` (or ``mandoc -T ascii`` when there is no groff), then a pager: ``$MANPAGER``, else
  ``$PAGER``, else ``less -R``. Observed (``C="aws sagemaker
  list-training-jobs-for-hyper-parameter-tuning-job help"``, ``$C > out`` with stdout a file
  or a pipe):

  - ``$C`` (groff 1.22.4 and less installed, no PAGER), ``PAGER=cat $C``, ``MANPAGER=cat $C``,
    ``COLUMNS=200 TERM=dumb LANG=C $C``: the same 13,235 bytes, exit 0. ``less`` copies its
    input unchanged when stdout is not a terminal. The text is groff's: lines of 78 columns,
    filled and justified (extra spaces spread between words), words hyphenated with TeX's
    patterns (``opera-``/``tion``), two spaces after a sentence that ends an input line,
    bold written as ``X\bX`` and italic (links, titles) as ``_\bX`` (overstrike with
    backspaces), bullets as ``o``, a man-page header and footer (the name in capitals; for a
    long command name the header's two halves overlap and grotty overstrikes them).
  - ``GROFF_SGR=1 $C``: 11,899 bytes, the same text with ANSI escapes (``ESC[1m``) instead of
    overstrikes. Debian and Ubuntu patch grotty to default to overstrikes
    (``/etc/groff/man.local``); upstream groff, so Fedora and Arch, defaults to the escapes.
  - ``PAGER=no-such-pager $C``: the pager is not on PATH, so the AWS CLI writes groff's
    output itself, plus a newline: 13,236 bytes.
  - mandoc 1.14.6 instead of groff (``PATH`` without groff, with mandoc): 13,000 bytes, other
    line breaks and spacing (no justification, no hyphenation, other header).
  - neither groff nor mandoc on PATH (as in a slim container image): nothing on stdout,
    ``\nCould not find executable named "groff or mandoc"`` on stderr, exit 255.

* ``WindowsHelpRenderer`` (Windows only): docutils with the AWS CLI's own plain-text writer
  (``awscli/bcdoc/textwriter.py``), then ``more``. On Linux (``platform.system`` patched to
  ``'Windows'``, output through ``more`` to a pipe) it printed 9,400 bytes: lines wrapped at
  70 columns minus the indentation, no justification, no hyphenation, no control characters.

Which configuration we reproduce, and why
-----------------------------------------

The most common configuration on Linux is the first (groff present; stdout not a terminal,
or ``PAGER=cat``). Its bytes are groff's and cannot be reproduced exactly without groff: that
would mean reimplementing troff's filling, its space distribution, its hyphenation (the
patterns and exceptions groff ships) and grotty's output, and the result would still be one
of several Linux outputs (overstrikes on Debian and Ubuntu, ANSI escapes on Fedora and Arch,
other breaks with groff 1.23 or mandoc, nothing at all without a formatter). The help text
is shipped inside the package, so it cannot depend on the user's formatter.

So ``help_text`` reproduces the configuration whose output is exactly reproducible without
groff: the AWS CLI's plain-text renderer, byte for byte (``WindowsHelpRenderer`` without its
pager, with ``"\n"`` line ends, which is what its writer uses on Linux; on Windows the writer
joins lines with ``os.linesep``, ``"\r\n"``). It is also the readable one in a file or a pipe.
Compared with what ``aws ... help`` prints on Debian and Ubuntu (the first configuration), the
differences are the renderer's, not the words: 70 columns instead of 78, ragged lines instead
of justified ones, no hyphenation, no overstrikes (a literal is quoted, ``"--query"``; bold
is ``**x**``; emphasis is ``*x*``, links are plain), titles underlined (``Description`` /
``***********``) instead of upper-case headings, bullets ``*`` instead of ``o``, 3-column
indentation steps and no margin instead of groff's 7-column margin, no man header and footer,
and docutils'
problem reports printed in place (``<SYSTEM MESSAGE: ...>``) where the man writer drops them.
The layout (sections, options, their order) is the page's: our pages have the layout of the
AWS CLI's reference pages from botocore 1.12.0's time (``See 'aws help' for descriptions of
global parameters.`` where awscli 1.46.3 lists the global options), see
``tests/test_reference_page.py``.

From our page to the page ``aws help`` renders
----------------------------------------------

Our pages are the AWS CLI's ``html``-target pages; ``aws help`` renders the ``man``-target
page, which differs in three places, each on one line (so line numbers in docutils' messages
stay the same); ``man_target_page`` rewrites them:

* the breadcrumbs line ``[ :ref:`aws <cli:aws>` . :ref:`sagemaker <cli:aws sagemaker>` ]``
  is empty;
* ``See also: `AWS API Documentation <https://...>`_`` is ``See also: AWS API
  Documentation``;
* ``See :doc:`'aws help' </reference/index>` for ...`` is ``See 'aws help' for ...``.

(Fed the ``html`` page directly, the AWS CLI's renderer prints docutils' complaints about the
Sphinx roles ``:ref:`` and ``:doc:``, which ``aws help`` never shows.) The rest of the page,
the model's documentation included, is the same for both targets.

The text writer
---------------

docutils has writers for HTML, LaTeX, ODT, XML and man pages, but none for plain text. The
AWS CLI ships its own (``awscli.bcdoc.textwriter``, adapted from Sphinx's text builder, which
it does not depend on) because Windows has no groff or man to turn its man pages into text.
``_TextTranslator`` here is our equivalent, written for this module and tested against
awscli's output (``tests/test_awscli_helptext.py``; awscli is a test dependency only): the same
layout rules, quirks included (the document title is underlined with ``^``, an enumerated list
always counts ``1.``, ``2.`` from one, table rows keep only as many lines as their shortest
cell). Where the AWS CLI's renderer crashes (an image, an ``:acronym:``, math, nested or
spanning table cells, text nested deeper than 69 columns, a severe docutils error, a node type
it does not know), ``help_text`` raises ``HelpTextError`` instead of guessing.

Settings: the AWS CLI's (``line_length_limit`` 50,000; otherwise docutils' defaults, so a
malformed inline markup is reported in the text as the AWS CLI reports it), except that
docutils' configuration files and ``DOCUTILSCONFIG`` are not read, its messages do not go to
stderr, and file inclusion and raw output are disabled (``file_insertion_enabled``,
``raw_enabled``): an ``.. include::`` in a model's documentation would make the AWS CLI print a
file of the user's machine, and would make us ship a file of the generating machine. Pages
without those directives are not affected.

Dependency: docutils, in the range the AWS CLI v1 uses (awscli 1.46.3 requires
``docutils>=0.18.1,<=0.19``), since the parse decides the text.
"""

from __future__ import annotations

import functools
import io
import re
import textwrap
from typing import Any

import docutils.core
import docutils.utils
import docutils.writers
from docutils import nodes

from codegen.render.rstparser import ReusingParser

__all__ = ["LINE_WIDTH", "HelpTextError", "help_text", "man_target_page", "render_text"]

#: Lines are wrapped to this width minus their indentation.
LINE_WIDTH = 70

_STEP = 3  # the indentation of definitions, field bodies, block quotes and literal blocks
_SECTION_UNDERLINES = "*=-~\"+`"  # by depth of section nesting; the document title gets "^"
_ADMONITIONS = ("attention", "caution", "danger", "error", "hint", "important", "note", "tip",
                "warning")

_SETTINGS: dict[str, Any] = {
    "line_length_limit": 50_000,  # the AWS CLI's (awscli/help.py)
    "_disable_config": True,
    "warning_stream": None,  # replaced per call by a private stream
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "output_encoding": "unicode",
}


class HelpTextError(ValueError):
    """The page is one the AWS CLI's text renderer cannot render (it crashes on it)."""


# ---------------------------------------------------------------------------------------------
# The html-target page -> the man-target page

_BREADCRUMBS = re.compile(r"\A\[ :ref:`aws <cli:aws>`(?: \. :ref:`[^`\n]* <cli:aws [^`\n]*>`)* \]$",
                          re.MULTILINE)
_CROSSLINK = re.compile(r"^See also: `(AWS API Documentation) <https://docs\.aws\.amazon\.com/goto/"
                        r"WebAPI/[^<>`\n]*>`_$", re.MULTILINE)
_SEE_AWS_HELP = re.compile(r"^See :doc:`('aws help') </reference/index>` (for descriptions of "
                           r"global parameters\.)$", re.MULTILINE)


def man_target_page(rst: str) -> str:
    """The page the AWS CLI renders for ``aws ... help`` (its ``man`` target), from our page
    (its ``html`` target): no breadcrumbs, the links to the API reference and to ``aws help``
    as plain text. Line for line the same page otherwise."""
    rst = _BREADCRUMBS.sub("", rst, count=1)
    rst = _CROSSLINK.sub(r"See also: \1", rst)
    return _SEE_AWS_HELP.sub(r"See \1 \2", rst)


# ---------------------------------------------------------------------------------------------
# Wrapping


class _Wrapper(textwrap.TextWrapper):
    """``textwrap`` breaking lines only where the AWS CLI's text writer does."""

    # How a paragraph is cut into the pieces lines are made of (the capturing group keeps the
    # separators as pieces of their own). The order of the alternatives matters.
    wordsep_re = re.compile(
        r"""(
            \s+                                           # white space
          | (?<=\s) (?: :[a-z-]+: )? ` \S+                # the start of `interpreted text`
          | [^\s\w]* \w+ [A-Za-z] - (?= \w+ [A-Za-z] )    # a hyphenated word, up to its hyphen
          | (?<= [\w!"'&.,?] ) -{2,} (?= \w )             # a dash of two or more hyphens
        )""",
        re.VERBOSE,
    )


@functools.lru_cache(maxsize=None)
def _wrapper(width: int) -> _Wrapper:
    return _Wrapper(width)


def _wrap(text: str, width: int) -> list[str]:
    if width <= 0:
        raise HelpTextError(f"text nested {LINE_WIDTH - width} columns deep leaves no room")
    return _wrapper(width).wrap(text)


# ---------------------------------------------------------------------------------------------
# The translator

# A frame collects the output of one block element: inline text (str) and finished blocks
# (indent relative to the frame, lines).
_Block = tuple[int, list[str]]
_Item = str | _Block


class _Frame:
    __slots__ = ("indent", "items")

    def __init__(self, indent: int) -> None:
        self.indent = indent
        self.items: list[_Item] = []


class _Table:
    __slots__ = ("header_rows", "rows", "widths")

    def __init__(self) -> None:
        self.widths: list[int] = []
        self.rows: list[list[str]] = []
        self.header_rows = 0  # rows before the body; 0: no header (or none before the body)


#: Elements that collect their content into a block of their own:
#: name -> (indent, wrap the text into lines, lines after the text).
_BLOCKS: dict[str, tuple[int, bool, tuple[str, ...]]] = {
    "paragraph": (0, True, ("",)),
    "topic": (0, True, ("",)),
    "sidebar": (0, True, ("",)),
    "admonition": (0, True, ("",)),
    "option_list_item": (0, True, ("",)),
    "block_quote": (_STEP, True, ("",)),
    "definition": (_STEP, True, ("",)),
    "field_body": (_STEP, True, ("",)),
    "figure": (_STEP, True, ("",)),
    "literal_block": (_STEP, False, ("",)),
    "doctest_block": (0, False, ("",)),
    "line_block": (0, False, ("",)),
}
#: Inline elements written between two marks.
_MARKS: dict[str, tuple[str, str]] = {
    "emphasis": ("*", "*"),
    "title_reference": ("*", "*"),
    "strong": ("**", "**"),
    "literal": ('"', '"'),
    "subscript": ("_", ""),
    "superscript": ("^", ""),
    "problematic": (">>", "<<"),
    "attribution": ("-- ", ""),
}
#: Elements whose children are written as if they stood in their place.
_TRANSPARENT = frozenset({
    "section", "compound", "subtitle", "caption", "reference", "generated", "inline", "line",
    "definition_list", "definition_list_item", "bullet_list", "enumerated_list", "field_list",
    "field", "option_list", "option_string", "description", "tgroup", "thead",
})
#: Elements left out, with their children.
_OMITTED = frozenset({"target", "substitution_definition", "comment", "meta", "label"})


class _TextTranslator(nodes.NodeVisitor):
    """Writes a docutils document as the AWS CLI's text help (see the module docstring)."""

    def __init__(self, document: nodes.document) -> None:
        super().__init__(document)
        self.frames = [_Frame(0)]
        self.table: _Table | None = None
        self.labels: list[str] = []  # of the footnotes and citations being written
        self.text = ""

    # -- frames

    def _add(self, text: str) -> None:
        self.frames[-1].items.append(text)

    def _open(self, indent: int) -> None:
        self.frames.append(_Frame(indent))

    def _close(self, wrap: bool = True, after: tuple[str, ...] = ("",), first: str | None = None) -> None:
        """End the current frame: its runs of inline text become lines (wrapped to the room
        left by every enclosing indent, followed by ``after``), its blocks are kept; all of it
        goes into the enclosing frame, shifted by this frame's indent. ``first`` prefixes the
        first line, which stays at the enclosing frame's indent (a bullet, a label)."""
        width = LINE_WIDTH - sum(frame.indent for frame in self.frames)
        if len(self.frames) < 2:  # a term with two classifiers closes one frame too many
            raise HelpTextError("the AWS CLI cannot render a term with more than one classifier")
        frame = self.frames.pop()
        blocks: list[_Block] = []
        run: list[str] = []

        def end_run() -> None:
            if run:
                joined = "".join(run)
                lines = _wrap(joined, width) if wrap else joined.splitlines()
                blocks.append((frame.indent, lines + list(after)))
                run.clear()

        for item in frame.items:
            if isinstance(item, str):
                run.append(item)
            else:
                end_run()
                blocks.append((frame.indent + item[0], item[1]))
        end_run()
        if first is not None and blocks and blocks[0][1]:
            indent, lines = blocks[0]
            blocks[0:1] = [(indent - frame.indent, [first + lines[0]]), (indent, lines[1:])]
        self.frames[-1].items.extend(blocks)

    def _close_title(self, underline: str) -> None:
        frame = self.frames.pop()
        title = "".join(item for item in frame.items if isinstance(item, str))
        self.frames[-1].items.append((0, ["", title, underline * len(title), ""]))

    # -- dispatch

    def dispatch_visit(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Text):
            self._add(node.astext())
            return
        assert isinstance(node, nodes.Element)
        name = node.tagname
        if name in _BLOCKS:
            self._open(_BLOCKS[name][0])
        elif name in _MARKS:
            self._add(_MARKS[name][0])
        elif name in _TRANSPARENT:
            pass
        elif name in _OMITTED:
            raise nodes.SkipNode
        elif name in _ADMONITIONS:
            self._open(2)
        else:
            visit = getattr(self, f"_visit_{name}", None)
            if visit is None:
                raise HelpTextError(f"the AWS CLI cannot render a {name!r} element (line {node.line})")
            visit(node)

    def dispatch_departure(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Text):
            return
        assert isinstance(node, nodes.Element)
        name = node.tagname
        if name in _BLOCKS:
            _, wrap, after = _BLOCKS[name]
            self._close(wrap=wrap, after=after)
        elif name in _MARKS:
            self._add(_MARKS[name][1])
        elif name in _ADMONITIONS:
            self._close(first=name.capitalize() + ": ")
        else:
            depart = getattr(self, f"_depart_{name}", None)
            if depart is not None:
                depart(node)

    # -- the document

    def _visit_document(self, node: nodes.Element) -> None:
        self._open(0)

    def _depart_document(self, node: nodes.Element) -> None:
        self._close()
        lines = []
        for item in self.frames[0].items:
            assert not isinstance(item, str)  # the document's frame leaves only blocks here
            indent, block = item
            lines += [" " * indent + line if line else line for line in block]
        self.text = "\n".join(lines)

    # -- titles

    def _visit_title(self, node: nodes.Element) -> None:
        if isinstance(node.parent, nodes.Admonition):
            self._add(node.astext() + ": ")
            raise nodes.SkipNode
        self._open(0)

    def _depart_title(self, node: nodes.Element) -> None:
        if isinstance(node.parent, nodes.section):
            depth = sum(1 for ancestor in _ancestors(node.parent) if isinstance(ancestor, nodes.section))
            if depth >= len(_SECTION_UNDERLINES):
                raise HelpTextError(f"sections nested {depth + 1} deep (line {node.line})")
            self._close_title(_SECTION_UNDERLINES[depth])
        else:
            self._close_title("^")

    def _visit_rubric(self, node: nodes.Element) -> None:
        self._open(0)
        self._add("-[ ")

    def _depart_rubric(self, node: nodes.Element) -> None:
        self._add(" ]-")
        self._close()

    def _visit_transition(self, node: nodes.Element) -> None:
        self._open(0)
        self._add("=" * (LINE_WIDTH - sum(frame.indent for frame in self.frames)))
        self._close()
        raise nodes.SkipNode

    # -- lists

    def _visit_list_item(self, node: nodes.Element) -> None:
        if isinstance(node.parent, nodes.enumerated_list):
            self._open(len(str(node.parent.index(node) + 1)) + 2)
        else:
            self._open(2)

    def _depart_list_item(self, node: nodes.Element) -> None:
        if isinstance(node.parent, nodes.enumerated_list):
            self._close(after=(), first=f"{node.parent.index(node) + 1}. ")
        else:
            self._close(after=(), first="* ")

    def _visit_term(self, node: nodes.Element) -> None:
        self._open(0)

    def _depart_term(self, node: nodes.Element) -> None:
        item = node.parent
        if not (len(item) >= 2 and isinstance(item[1], nodes.classifier)):
            self._close(after=())

    def _visit_classifier(self, node: nodes.Element) -> None:
        self._add(" : ")

    def _depart_classifier(self, node: nodes.Element) -> None:
        self._close(after=())

    def _visit_field_name(self, node: nodes.Element) -> None:
        self._open(0)

    def _depart_field_name(self, node: nodes.Element) -> None:
        self._add(":")
        self._close(after=())

    def _visit_option_group(self, node: nodes.Element) -> None:
        pass

    def _depart_option_group(self, node: nodes.Element) -> None:
        self._add("     ")

    def _visit_option(self, node: nodes.Element) -> None:
        if node.parent.index(node):
            self._add(", ")

    def _visit_option_argument(self, node: nodes.Element) -> None:
        self._add(node["delimiter"])

    # -- notes

    def _visit_footnote(self, node: nodes.Element) -> None:
        self.labels.append(node.children[0].astext().strip())
        self._open(len(self.labels[-1]) + 3)

    def _depart_footnote(self, node: nodes.Element) -> None:
        self._close(first=f"[{self.labels.pop()}] ")

    def _visit_citation(self, node: nodes.Element) -> None:
        self.labels.append(node[0].astext() if len(node) and isinstance(node[0], nodes.label) else "")
        self._open(len(self.labels[-1]) + 3)

    _depart_citation = _depart_footnote

    def _visit_footnote_reference(self, node: nodes.Element) -> None:
        self._add(f"[{node.astext()}]")
        raise nodes.SkipNode

    _visit_citation_reference = _visit_footnote_reference

    # -- inline

    def _visit_abbreviation(self, node: nodes.Element) -> None:
        self._add("")

    def _depart_abbreviation(self, node: nodes.Element) -> None:
        if node.hasattr("explanation"):
            self._add(f" ({node['explanation']})")

    def _visit_system_message(self, node: nodes.Element) -> None:
        self._open(0)
        self._add(f"<SYSTEM MESSAGE: {node.astext()}>")
        self._close()
        raise nodes.SkipNode

    def _visit_raw(self, node: nodes.Element) -> None:
        if "text" in node.get("format", "").split():
            raise HelpTextError(f"the AWS CLI cannot render raw text (line {node.line})")
        raise nodes.SkipNode

    # -- tables

    def _visit_table(self, node: nodes.Element) -> None:
        if self.table is not None:
            raise HelpTextError(f"the AWS CLI cannot render a table in a table (line {node.line})")
        self._open(0)
        self.table = _Table()

    def _visit_colspec(self, node: nodes.Element) -> None:
        assert self.table is not None
        self.table.widths.append(node["colwidth"])
        raise nodes.SkipNode

    def _visit_tbody(self, node: nodes.Element) -> None:
        assert self.table is not None
        self.table.header_rows = len(self.table.rows)

    def _visit_row(self, node: nodes.Element) -> None:
        assert self.table is not None
        self.table.rows.append([])

    def _visit_entry(self, node: nodes.Element) -> None:
        if "morerows" in node or "morecols" in node:
            raise HelpTextError(f"the AWS CLI cannot render a spanning table cell (line {node.line})")
        self._open(0)

    def _depart_entry(self, node: nodes.Element) -> None:
        assert self.table is not None
        frame = self.frames.pop()
        # Inline text right in a cell (docutils never makes one) would come out a character
        # a line, as it does in the AWS CLI.
        self.table.rows[-1].append("\n".join(
            "\n".join(item) if isinstance(item, str) else "\n".join(item[1]) for item in frame.items
        ))

    def _depart_table(self, node: nodes.Element) -> None:
        table = self.table
        assert table is not None
        self.table = None
        widths = list(table.widths)
        cells = [[_wrap(text, table.widths[i]) for i, text in enumerate(row)] for row in table.rows]
        for row in cells:
            for i, lines in enumerate(row):
                widths[i] = max([widths[i], *map(len, lines)])
        rules = {char: "+" + "+".join(char * (width + 2) for width in widths) + "+\n" for char in "-="}
        out = []
        for number, row in enumerate(cells):
            out.append(rules["=" if table.header_rows and number == table.header_rows else "-"])
            for line in zip(*row):  # as many lines as the shortest cell has, as in the AWS CLI
                out.append("|" + "|".join(
                    " " + text.ljust(widths[i] + 1) if text else " " * (widths[i] + 2)
                    for i, text in enumerate(line)
                ) + "|\n")
        out.append(rules["-"])
        self._add("".join(out))
        self._close(wrap=False)

    def unknown_visit(self, node: nodes.Node) -> None:  # pragma: no cover - dispatch_visit decides
        raise HelpTextError(f"the AWS CLI cannot render a {node.__class__.__name__!r} element")


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


class _Writer(docutils.writers.Writer):
    supported = ("text",)

    def translate(self) -> None:
        visitor = _TextTranslator(self.document)
        self.document.walkabout(visitor)
        self.output = visitor.text


# ---------------------------------------------------------------------------------------------


def render_text(rst: str) -> str:
    """Any reStructuredText as the AWS CLI's plain-text help renderer writes it, with lines
    joined by ``"\\n"``. Raises ``HelpTextError`` where the AWS CLI's renderer crashes."""
    settings = dict(_SETTINGS, warning_stream=io.StringIO())
    try:
        text = docutils.core.publish_string(
            rst, parser=_parser(), writer=_Writer(), settings_overrides=settings
        )
    except docutils.utils.SystemMessage as error:  # a severe problem: the AWS CLI stops on it too
        raise HelpTextError(str(error)) from None
    assert isinstance(text, str)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:  # the AWS CLI fails encoding its output
        raise HelpTextError(f"the page holds text that is not Unicode: {error}") from None
    return text


@functools.lru_cache(maxsize=1)
def _parser() -> ReusingParser:
    """The process's parser: docutils' own, keeping its state machine (``rstparser``)."""
    return ReusingParser()


def help_text(rst: str) -> str:
    """What ``aws <service> <command> help`` prints for one of our reference pages, through the
    AWS CLI's plain-text renderer (see the module docstring for the configuration)."""
    return render_text(man_target_page(rst))
