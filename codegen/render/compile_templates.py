"""Writes ``codegen/render/shipped.json``: the built-in templates as Jinja compiles them now
(``codegen.render.shipped`` says why and how they are used). Run after changing a template,
a filter or the environments:

    python -m codegen.render.compile_templates
"""

from __future__ import annotations

import sys
from typing import Any

import jinja2

from codegen.jsonio import dumps_stable
from codegen.render.environment import python_environment, text_environment
from codegen.render.shipped import COMMAND, SHIPPED, environment_kind, settings
from codegen.render.templates import TEMPLATES_DIR, builtin_names


def written() -> str:
    """What ``shipped.json`` holds when it is up to date: the Python Jinja writes now for
    every built-in template, by environment."""
    bcc = jinja2.BytecodeCache()
    environments = {"python": python_environment.__wrapped__(None), "text": text_environment.__wrapped__(None)}
    parts: dict[str, Any] = {}
    for kind, env in environments.items():
        templates = {}
        for name in sorted(builtin_names()):
            if environment_kind(name) != kind:
                continue
            source = (TEMPLATES_DIR / name).read_text(encoding="utf-8")
            code = env.compile(source, name, raw=True)
            templates[name] = {"checksum": bcc.get_source_checksum(source), "code": code}
        parts[kind] = {"settings": settings(env), "templates": templates}
    about = f"The built-in templates as Jinja compiles them (codegen/render/shipped.py); written by {COMMAND}."
    return dumps_stable({"about": about, "jinja2": jinja2.__version__, "environments": parts})


def main() -> int:
    text = written()
    if SHIPPED.is_file() and SHIPPED.read_text(encoding="utf-8") == text:
        print(f"{SHIPPED}: up to date")
        return 0
    SHIPPED.write_text(text, encoding="utf-8")
    print(f"{SHIPPED}: written")
    return 0




if __name__ == "__main__":
    sys.exit(main())
