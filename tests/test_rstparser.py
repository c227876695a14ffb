"""``codegen.render.rstparser.ReusingParser`` gives the trees docutils' own parser gives, one
document after another, whatever the documents before it did (errors, severe errors that stop
the parse, sections, nested blocks, directives)."""

from __future__ import annotations

import io

import pytest
from docutils import frontend, utils
from docutils.parsers import rst
from docutils.readers import standalone

from codegen.render.awscli.helptext import HelpTextError, render_text
from codegen.render.rstparser import ReusingParser

DOCUMENTS = [
    "Plain text.",
    "Title\n=====\n\nA paragraph with *emphasis* and ``code``.\n\nSub\n---\n\nMore.",
    "* a\n* b\n\n  * nested\n\n1. one\n2. two",
    "Unclosed *emphasis and `interpreted",
    ".. note::\n\n   Inside a note.\n\n   .. warning:: nested",
    ".. raw:: html\n\n   <b>no</b>",
    ".. include:: /etc/passwd",
    "Bad title\n==\n\ntext",
    "``unclosed literal",
    "Term\n   Definition\n\n    Block quote\n\n-- attribution",
    "+-----+-----+\n| a   | b   |\n+=====+=====+\n| c   | d   |\n+-----+-----+",
    "A\n=\n\nB\n=\n\nC\n-\n\nD\n~\n\nE\n-\n\nF\n~",
    ".. _target:\n\nA `link <http://example.com>`_ and target_.\n\n.. _target:",
    ".. role:: custom\n\n:custom:`x` and :unknown:`y`",
    ".. default-role:: literal\n\n`literal now`",
    "`not literal any more`",
    "x" * 20 + "\n\n" + ".. |sub| replace:: text\n\n|sub| |missing|",
    "",
]


def _settings() -> object:
    settings = frontend.get_default_settings(standalone.Reader, rst.Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    settings.raw_enabled = False
    settings.file_insertion_enabled = False
    return settings


def _tree(parser: rst.Parser, text: str) -> tuple[str, int]:
    reader = standalone.Reader()
    document = utils.new_document("<documentation>", _settings())
    parser.parse(text, document)
    document.transformer.populate_from_components((reader, parser))
    document.transformer.apply_transforms()
    return document.pformat(), int(document.reporter.max_level)


def test_same_trees_as_docutils_in_any_order() -> None:
    reusing = ReusingParser()
    for order in (DOCUMENTS, DOCUMENTS[::-1], DOCUMENTS * 2):
        for text in order:
            assert _tree(reusing, text) == _tree(rst.Parser(), text), text


@pytest.mark.parametrize("severe", [
    "Title\n=====\n\n  Inner\n  =====\n",  # a severe message: the parse stops
    "".join(f"T{i}\n{c * 3}\n\ntext {i}\n\n" for i, c in enumerate("=-~^\"+'`#")),
])
def test_a_parse_that_stops_leaves_nothing_behind(severe: str) -> None:
    page = "Title\n=====\n\nSome *text*.\n\n* a\n* b\n\n  Quoted.\n"
    before = render_text(page)
    with pytest.raises(HelpTextError):
        render_text(severe)
    assert render_text(page) == before
    assert _tree(ReusingParser(), page) == _tree(rst.Parser(), page)
