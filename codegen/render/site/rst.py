"""Spec text into reStructuredText, through one path, as for Python source.

Model documentation is converted from HTML by botocore's ``bcdoc`` (``codegen.render.docs``);
short spec strings (enum values, patterns, names) are shown as inline literals that cannot end
early. The published site also disables ``raw`` and file-inclusion directives (``docutils.conf``),
so converted documentation cannot smuggle HTML or files into pages.
"""

from __future__ import annotations


def literal(value: object) -> str:
    """An inline literal showing ``value`` exactly; ``repr`` form when the text could end it."""
    text = str(value)
    if not text or "`" in text or text != text.strip() or not text.isprintable():
        text = repr(text)[1:-1].replace("`", "\\x60")
        if not text or text != text.strip():
            text = repr(str(value))
    return f"``{text}``"


def block(text: str, indent: int) -> str:
    """Converted documentation (``Docs.text``) as an RST block indented by ``indent`` spaces
    ('' when empty)."""
    pad = " " * indent
    return "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


def text(value: object) -> str:
    """Plain spec text on one line, every punctuation character backslash-escaped, so it reads
    as itself and never as markup."""
    words = " ".join(str(value).split())
    return "".join("\\" + ch if (not ch.isalnum() and not ch.isspace() and ch.isascii()) else ch for ch in words)


def underline(title: str, char: str = "=") -> str:
    """A section title (already RST text) with its underline."""
    return f"{title}\n{char * max(len(title), 4)}"
