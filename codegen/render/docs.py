"""Model documentation (HTML) -> reStructuredText, with botocore's own converter."""

from __future__ import annotations

import re

from botocore.docs.bcdoc.restdoc import ReSTDocument

from codegen.render.conversions import remembered


# A service's documentation strings repeat (a member's text appears in a docstring, the API
# reference and, converted by other rules, the CLI pages), and converting is most of rendering:
# every conversion is remembered (``codegen.render.conversions``).
@remembered("rst")
def html_to_rst(html: str) -> str:
    """Convert exactly as botocore's and the AWS CLI's reference pages do."""
    if not html:
        return ""
    document = ReSTDocument(target="html")
    document.include_doc_string(html)
    return document.getvalue().decode("utf-8")


@remembered("docstring")
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


def first_sentence(html: str) -> str:
    """The first paragraph, one line: for summaries in lists and comments."""
    text = docstring_text(html)
    return " ".join(text.split("\n\n", 1)[0].split()) if text else ""
