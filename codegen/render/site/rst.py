"""Spec text into reStructuredText, through one path, as for Python source.

Model documentation is converted from HTML by botocore's ``bcdoc`` (``codegen.render.docs``);
short spec strings (enum values, patterns, names) are shown as inline literals that cannot end
early. The published site also disables ``raw`` and file-inclusion directives (``docutils.conf``),
so converted documentation cannot smuggle HTML or files into pages.
"""

from __future__ import annotations

import re
from typing import Mapping


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


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def annotation(text: str, targets: Mapping[str, str]) -> str:
    """A Python annotation (``list[Summary] | None``) as RST: each class in ``targets`` (class name
    -> its full name) a cross reference showing the class name, the rest inline literals.

    Annotations are made by ``codegen.render.python.annotations`` of class names and fixed names
    (``str``, ``datetime.datetime``), so the text between them is punctuation only; a name the
    package does not define stays literal, so it never becomes a reference Sphinx cannot
    resolve (or searches every object for).
    """
    tokens: list[str] = []  # RST pieces and " " for white space between them
    position = 0

    def add_literal(run: str) -> None:
        if run[:1].isspace():
            tokens.append(" ")
        if run.strip():
            tokens.append(literal(run.strip()))
            if run[-1:].isspace():
                tokens.append(" ")

    for match in _NAME.finditer(text):
        name = match.group()
        if name in targets:
            add_literal(text[position : match.start()])
            tokens.append(f":py:class:`~{targets[name]}`")
            position = match.end()
    add_literal(text[position:])
    out: list[str] = []
    for token in tokens:
        if token == " ":
            if out and out[-1] != " ":
                out.append(" ")
        else:
            if out and out[-1] != " ":
                out.append("\\ ")  # pieces that touch: an escaped space, which shows as nothing
            out.append(token)
    return "".join(out).strip()


def reference(role: str, title: str, target: str) -> str:
    """A cross reference with its own title: ``:ref:`--flag <cli:aws s c --flag>```; ``title`` is
    shown literally (escaped), ``target`` made of names the generator chose."""
    if "<" in target or ">" in target or "`" in target:
        raise ValueError(f"not a reference target: {target!r}")
    shown = " ".join(title.split()) or "(blank)"
    escaped = "".join("\\" + ch if ch in "\\`<>*_|:" else ch for ch in shown)
    return f":{role}:`{escaped} <{target}>`"
