"""The Jinja2 environment: StrictUndefined, and no interpolation without an escaping filter."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from codegen.ir.nodes import Service
from codegen.render import escaping, pytypes
from codegen.render.docs import docstring_text, first_sentence
from codegen.render.docstrings import enum_docstring, structure_docstring

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"


def _doc(html: str, indent: int = 0, closes: bool = False) -> escaping.Source:
    """Model HTML documentation -> safe docstring body (see ``escaping.docstring``)."""
    return escaping.docstring(docstring_text(html), indent, closes)


def _text_doc(text: str, indent: int = 0) -> escaping.Source:
    """Plain text (already converted) -> safe docstring body."""
    return escaping.docstring(text, indent)


def _summary(html: str) -> escaping.Source:
    return escaping.docstring(first_sentence(html))


def make_text_environment(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    """For templates of text that is not Python (reStructuredText pages): StrictUndefined,
    and the callers escape spec text with ``codegen.render.rst``."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def make_environment(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    """For templates of Python source: nothing prints unless an escaping filter made it."""
    env = make_text_environment(templates_dir)
    env.finalize = escaping.finalize
    env.filters.update(
        lit=escaping.literal,
        ident=escaping.identifier,
        dotted=escaping.dotted,
        doc=_doc,
        text_doc=_text_doc,
        summary=_summary,
        toml_str=escaping.toml_string,
        ident_or_none=lambda name: escaping.code("None") if name == "None" else escaping.identifier(name),
    )
    return env


def service_globals(service: Service) -> dict[str, Any]:
    """What every template rendering ``service`` may call."""
    return {
        "service": service,
        "annotation": partial(pytypes.annotation, service),
        "shape": service.shape,
        "structure_docstring": partial(structure_docstring, service),
        "enum_docstring": enum_docstring,
        "field_line": partial(pytypes.field_line, service),
        "keyword_params": partial(pytypes.keyword_params, service),
    }
