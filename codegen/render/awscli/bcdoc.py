"""Model documentation converted as the AWS CLI v1 converts it, and the bcdoc fragments its
reference pages are made of.

Why the converter is adjusted: the AWS CLI v1 (1.45 and 1.46 included) converts documentation
with its own copy of bcdoc (``awscli/bcdoc``), which is botocore 1.12.0's. botocore's copy has
since learned to collapse HTML white space and to drop the space after inline markup:
``<code>Name</code>.`` is ````Name`` .`` on the CLI's pages and ````Name``.`` from botocore today.
``_CliStyle`` and ``_CliDocStringParser`` put the CLI's rules on top of botocore's
``ReSTDocument``/``ReSTStyle`` (the handful of methods that differ); the rest is botocore's.

bcdoc writes a stream, not lines: a paragraph break is ``"\\n\\n"`` followed by the indentation
of whatever comes next, and the text converted from HTML depends on the indentation in force.
So the pieces here are stream fragments, produced by botocore's ``ReSTDocument`` and its style.
"""

from __future__ import annotations

from functools import partial
from html.parser import HTMLParser
from typing import Any, Callable

from botocore.docs.bcdoc.docstringparser import DocStringParser
from botocore.docs.bcdoc.restdoc import ReSTDocument
from botocore.docs.bcdoc.style import ReSTStyle


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



def convert(html: str, level: int) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``html`` converted at indentation ``level``, and the link targets it defines (bare
    ``<a>`` texts, written at the end of the page). Pure: ``Conversions`` remembers it."""
    doc = cli_document(level)
    doc.include_doc_string(html)
    hrefs = tuple(doc.hrefs.items())
    doc.hrefs = {}
    return doc.getvalue().decode("utf-8"), hrefs


def fragment(level: int, write: Callable[[ReSTDocument], None]) -> str:
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
    return fragment(level, partial(_write_note, text=text))


def description_note(html: str) -> str:
    """A note an AWS CLI customization writes on ``doc-description`` (a new paragraph, then
    the converted ``html`` in a ``.. note::``)."""
    return fragment(0, partial(_write_description_note, html=html))


def _write_description_note(doc: ReSTDocument, html: str) -> None:
    doc.style.new_paragraph()
    doc.style.start_note()
    doc.include_doc_string(html)
    doc.style.end_note()


def codeblock(lines: list[str], level: int = 0) -> str:
    """A literal block, from its ``::`` to the paragraph break after it."""
    return fragment(level, partial(_write_codeblock, lines=lines))


def value_list(values: list[str], level: int) -> str:
    """A bullet list of ``values`` as literals (the CLI's "Possible values")."""
    return fragment(level, partial(_write_value_list, values=values))


def paragraph(level: int = 0) -> str:
    """bcdoc's paragraph break before text at indentation ``level``."""
    return "\n\n" + "  " * level


# What the page template and its macros call: bcdoc fragments, and its paragraph break.
PAGE_GLOBALS = {"value_list": value_list, "codeblock": codeblock, "br": paragraph}
