"""Model documentation (HTML) -> reStructuredText, with botocore's own converter.

The conversions are pure functions of their text; ``Docs`` runs them through the render's
``Conversions``, which remembers each result (a service's documentation strings repeat: a
member's text appears in a docstring, the API reference and, converted by the AWS CLI's rules,
the reference pages) and keeps them across runs.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from botocore.docs.bcdoc.restdoc import ReSTDocument

from codegen.render.awscli import bcdoc
from codegen.render.conversions import Conversions
from codegen.render.site import text as site_checks


def html_to_rst(html: str) -> str:
    """Convert exactly as botocore's and the AWS CLI's reference pages do."""
    if not html:
        return ""
    document = ReSTDocument(target="html")
    document.include_doc_string(html)
    return document.getvalue().decode("utf-8")


def docstring_text(html: str) -> str:
    """RST for a docstring: trailing spaces dropped, blank-line runs collapsed, ends trimmed."""
    lines = [line.rstrip() for line in html_to_rst(html).splitlines()]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    # bcdoc indents paragraphs after list items; a docstring wants a flush left margin.
    return _dedent(text)


def _dedent(text: str) -> str:
    lines = text.split("\n")
    margins = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(margins, default=0)
    return "\n".join(line[cut:] for line in lines)


def help_page_text(page: str) -> str:
    """A reference page as the text ``aws ... help`` prints (``awscli.helptext``); where the
    AWS CLI's renderer would fail on the page, a line saying why."""
    # (imported here: docutils costs a cold run a few hundredths of a second, and a warm run
    # takes the texts from the cache)
    from codegen.render.awscli.helptext import HelpTextError, help_text

    try:
        return help_text(page)
    except HelpTextError as error:
        return f"The help of this command cannot be shown as text: {error}\n"


# The conversions of a render, by kind: what ``Conversions`` remembers and names its cache by.
def site_text(html: str) -> str:
    """RST for the site: ``docstring_text`` when docutils accepts it (``site.text``)."""
    return site_checks.site_text(html, docstring_text(html))


def site_summary(html: str) -> str:
    """The site's summary of model documentation in lists: its first paragraph's words,
    escaped (``site.text.summary``)."""
    return site_checks.summary(html)


CONVERTERS = {
    "docstring": docstring_text,
    "cli": bcdoc.convert,
    "help": help_page_text,
    "site": site_text,
    "summary": site_summary,
}


class Docs:
    """The documentation conversions of one render."""

    def __init__(self, conversions: Conversions) -> None:
        self._convert = conversions

    @property
    def conversions(self) -> Conversions:
        """The render's conversions, which these go through."""
        return self._convert

    def text(self, html: str) -> str:
        """Model documentation as docstring-ready RST (``docstring_text``)."""
        result: str = self._convert("docstring", html)
        return result

    def site(self, html: str) -> str:
        """Model documentation for the site: ``text`` when docutils accepts it, else its plain
        words escaped (``codegen.render.site.text``)."""
        result: str = self._convert("site", html)
        return result

    def summary(self, html: str) -> str:
        """The site's one-paragraph summary for lists (``site.text.summary``): an HTML parse
        of each text, kept with the other conversions so an update does not parse them all."""
        result: str = self._convert("summary", html)
        return result

    def first_sentence(self, html: str) -> str:
        """The first paragraph, one line: for summaries in lists and comments."""
        text = self.text(html)
        return " ".join(text.split("\n\n", 1)[0].split()) if text else ""

    def help_text(self, page: str) -> str:
        """A reference page as the AWS CLI's help text (``help_page_text``)."""
        result: str = self._convert("help", page)
        return result

    def start_help_texts(self, pages: list[str], workers: int | None, pool: Any = None) -> Callable[[], None]:
        """Begin ``help_text`` of every page on other processes (``Conversions.start``: on
        ``pool`` if given); the returned function waits for them."""
        return self._convert.start("help", [(page,) for page in pages], workers, pool)

    def cli(self, html: str, level: int) -> tuple[str, tuple[tuple[str, str], ...]]:
        """As the AWS CLI converts it at indentation ``level`` (``bcdoc.convert``)."""
        result: tuple[str, tuple[tuple[str, str], ...]] = self._convert("cli", html, level)
        return result
