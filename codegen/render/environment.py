"""The Jinja2 environments: ``StrictUndefined`` in both; in the one for Python source, no
interpolation without an escaping filter.

Templates receive typed views (``codegen.render.python.views``, ``codegen.render.site.views``,
``codegen.render.awscli.page``) and only lay them out: the filters here escape, they do not
compute. An environment is made once per process and template directory (compiling the
templates is a good part of a small run); it holds no state of any render.
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path

import jinja2

from codegen.render import escaping
from codegen.render.awscli.bcdoc import PAGE_GLOBALS
from codegen.render.site import rst

# The built-in templates, shipped inside the package (found wherever it is installed).
TEMPLATES_DIR = Path(str(importlib.resources.files("codegen") / "templates"))


def _base(templates_dir: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@functools.lru_cache(maxsize=4)
def text_environment(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    """For templates of reStructuredText (the reference pages, the site): spec text reaches
    them converted (``codegen.render.docs``) or escaped (``codegen.render.site.rst``)."""
    env = _base(templates_dir)
    env.filters.update(rst_literal=rst.literal, rst_text=rst.text, underline=rst.underline)
    env.globals.update(PAGE_GLOBALS)
    return env


@functools.lru_cache(maxsize=4)
def python_environment(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    """For templates of Python source (and TOML): nothing prints unless an escaping filter
    made it (``escaping.finalize``)."""
    env = _base(templates_dir)
    env.finalize = escaping.finalize
    env.filters.update(
        lit=escaping.literal,
        ident=escaping.identifier,
        dotted=escaping.dotted,
        text_doc=escaping.docstring,
        toml_str=escaping.toml_string,
    )
    return env
