"""The Jinja2 environments: ``StrictUndefined`` in both; in the one for Python source, no
interpolation without an escaping filter.

Templates receive typed views (``codegen.render.python.views``, ``codegen.render.site.views``,
``codegen.render.awscli.page``) and only lay them out: the filters here escape, they do not
compute. An environment is made once per process and set of overrides (compiling the
templates is a good part of a small run); it holds no state of any render.

With overrides (``codegen.render.templates``), the user's directory comes first and the
built-in templates after it, and under ``builtin/`` for an override that extends one.

The built-in templates are compiled ahead of time (``codegen.render.shipped``): each
environment's bytecode cache holds their code, for the sources and settings it was written for.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

import jinja2

from codegen.render import escaping
from codegen.render.awscli.bcdoc import PAGE_GLOBALS
from codegen.render.shipped import ShippedCode
from codegen.render.site import rst
from codegen.render.templates import BUILTIN_PREFIX, TEMPLATES_DIR, Overrides
from codegen.style import LINE_LENGTH

__all__ = ["TEMPLATES_DIR", "python_environment", "text_environment"]


def _loader(overrides: Overrides | None) -> jinja2.BaseLoader:
    builtin = jinja2.FileSystemLoader(str(TEMPLATES_DIR))
    if overrides is None:
        return builtin
    return jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(str(overrides.root)),
            builtin,
            jinja2.PrefixLoader({BUILTIN_PREFIX: builtin}),
        ]
    )


def _strict(escape: Callable[..., Any]) -> Callable[..., Any]:
    """An escaping filter that reports an undefined value as such (``StrictUndefined`` lets an
    undefined value be passed to a filter; a template naming a field its view lacks must fail
    with the field's name, not with the filter's complaint about the value)."""

    @functools.wraps(escape)
    def strict(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, jinja2.Undefined):
            value._fail_with_undefined_error()
        return escape(value, *args, **kwargs)

    return strict


def _base(overrides: Overrides | None) -> jinja2.Environment:
    return jinja2.Environment(
        loader=_loader(overrides),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@functools.lru_cache(maxsize=4)
def text_environment(overrides: Overrides | None = None) -> jinja2.Environment:
    """For templates of reStructuredText (the reference pages, the site): spec text reaches
    them converted (``codegen.render.docs``) or escaped (``codegen.render.site.rst``)."""
    env = _base(overrides)
    env.filters.update(
        {
            name: _strict(escape)
            for name, escape in dict(rst_literal=rst.literal, rst_text=rst.text, underline=rst.underline).items()
        }
    )
    env.globals.update(PAGE_GLOBALS)
    env.bytecode_cache = ShippedCode.of(env, "text")
    return env


@functools.lru_cache(maxsize=4)
def python_environment(overrides: Overrides | None = None) -> jinja2.Environment:
    """For templates of Python source (and TOML): nothing prints unless an escaping filter
    made it (``escaping.finalize``)."""
    env = _base(overrides)
    env.finalize = escaping.finalize
    filters = dict(
        lit=escaping.literal,
        ident=escaping.identifier,
        dotted=escaping.dotted,
        text_doc=escaping.docstring,
        toml_str=escaping.toml_string,
    )
    env.filters.update({name: _strict(escape) for name, escape in filters.items()})
    # ``{% if text is fitting(8) %}``: whether ``text`` (layout only, never printed) fits a
    # line indented 8 spaces, to write a call on one line where black would join it.
    env.tests["fitting"] = _fitting
    env.bytecode_cache = ShippedCode.of(env, "python")
    return env


def _fitting(text: str, indent: int) -> bool:
    return indent + len(text) <= LINE_LENGTH
