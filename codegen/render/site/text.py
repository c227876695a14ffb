"""Model documentation for the site: botocore's conversion when docutils reads it cleanly, the
documentation's plain text, escaped, when it does not.

bcdoc converts most of a model's HTML into good reStructuredText, but some of it into markup
docutils rejects (``|<code>X</code>`` gives an inline literal that cannot start there; a link
around ``<code>`` gives an anonymous link with no target). The site is built with ``-W``, so
each converted text is parsed on its own by docutils (the parser the site uses, pinned with
it) with the site's settings (no raw HTML, no file inclusion); a text docutils reports anything
about, at warning level or above, is shown as its plain words instead, every punctuation
character escaped (``rst.text``). The check runs once per text: it is a conversion kind of
``codegen.render.docs`` (``site``) and so is kept in the conversions cache.
"""

from __future__ import annotations

import functools
import html.parser
import io
from typing import Any

from codegen.render.site import rst

# The docutils report levels: 2 is a warning (what ``-W`` makes an error).
WARNING = 2
# Elements after which the plain text starts a new paragraph.
_BLOCKS = frozenset({"p", "li", "ul", "ol", "note", "important", "br", "div", "dd", "dt", "pre", "h1", "h2", "h3"})


def site_text(html: str, converted: str) -> str:
    """Model HTML as RST for the site: its conversion (``docs.docstring_text``) if docutils
    accepts it as it is, else the HTML's words, paragraph by paragraph, escaped."""
    if not converted or docutils_level(converted) < WARNING:
        return converted
    return "\n\n".join(rst.text(paragraph) for paragraph in plain_paragraphs(html))


def docutils_level(text: str) -> int:
    """The highest level docutils reports about ``text`` parsed and transformed alone (0: none)."""
    from docutils import utils

    parser, reader, settings = _docutils()
    document = utils.new_document("<documentation>", settings)
    parser.parse(text, document)
    document.transformer.populate_from_components((reader, parser))
    document.transformer.apply_transforms()
    return int(document.reporter.max_level)


@functools.lru_cache(maxsize=1)
def _docutils() -> tuple[Any, Any, Any]:
    from docutils import frontend
    from docutils.parsers import rst as rst_parser
    from docutils.readers import standalone

    from codegen.render.rstparser import ReusingParser

    reader, parser = standalone.Reader(), ReusingParser()
    settings = frontend.get_default_settings(standalone.Reader, rst_parser.Parser)
    settings.report_level = 5  # nothing is printed; ``max_level`` still records every message
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    settings.raw_enabled = False
    settings.file_insertion_enabled = False
    return parser, reader, settings


def summary(html: str) -> str:
    """For lists: the first paragraph's words, escaped (a converted paragraph may end in
    "::", which would make the next line a literal block)."""
    paragraphs = plain_paragraphs(html)
    return rst.text(paragraphs[0]) if paragraphs else ""


class _Words(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.paragraphs.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.paragraphs.append([])

    def handle_data(self, data: str) -> None:
        self.paragraphs[-1].append(data)


def plain_paragraphs(html: str) -> list[str]:
    """The words of model HTML, a string per paragraph, white space collapsed."""
    words = _Words()
    words.feed(html)
    words.close()
    paragraphs = (" ".join("".join(parts).split()) for parts in words.paragraphs)
    return [p for p in paragraphs if p]
