"""The built-in templates' shipped code (``codegen/render/shipped.py``): it is what Jinja writes
now, every built-in template is loaded from it, and anything it was not written for (an edited
template, other settings, another Jinja) is compiled by Jinja as before."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest

from codegen.render import environment, shipped
from codegen.render.compile_templates import written
from codegen.render.shipped import COMMAND, SHIPPED, ShippedCode, environment_kind, settings
from codegen.render.templates import TEMPLATES_DIR, builtin_names
from tests.helpers import counting_compiles


_RECORDED_JINJA = json.loads(SHIPPED.read_text(encoding="utf-8"))["jinja2"]
# Jinja is not pinned: under another release nothing shipped is taken (the first test checks),
# and what needs it to be taken waits for the file to be written again.
for_this_jinja = pytest.mark.skipif(
    _RECORDED_JINJA != jinja2.__version__, reason=f"shipped.json is for Jinja {_RECORDED_JINJA}: run {COMMAND}"
)


def test_the_shipped_code_is_what_jinja_writes_now() -> None:
    recorded = _RECORDED_JINJA
    if recorded != jinja2.__version__:
        # Jinja is not pinned: another release takes none of it (checked below) and compiles
        # as before, until the file is written again for it.
        assert not ShippedCode.of(environment.text_environment.__wrapped__(None), "text").covers(
            "site/changelog.rst.j2", (TEMPLATES_DIR / "site/changelog.rst.j2").read_text(encoding="utf-8")
        )
        pytest.skip(f"shipped.json was written for Jinja {recorded}, this is {jinja2.__version__}: run {COMMAND}")
    assert SHIPPED.read_text(encoding="utf-8") == written(), f"out of date: run {COMMAND}"


@for_this_jinja
def test_every_built_in_template_is_loaded_from_its_shipped_code(monkeypatch: pytest.MonkeyPatch) -> None:
    envs = {"python": environment.python_environment.__wrapped__(None), "text": environment.text_environment.__wrapped__(None)}
    compiled = {kind: counting_compiles(env, monkeypatch) for kind, env in envs.items()}
    names = sorted(builtin_names())
    for name in names:
        kind = environment_kind(name)
        assert kind is not None, name
        template = envs[kind].get_template(name)
        assert Path(template.filename or "").name == Path(name).name  # tracebacks name the template
    assert compiled == {"python": [], "text": []} and len(names) >= 30


def test_a_template_edited_since_is_compiled_by_jinja(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.rst.j2").write_text("old {{ x | upper }}\n")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)))
    source = (tmp_path / "a.rst.j2").read_text()
    code = env.compile(source, "a.rst.j2", raw=True)
    env.bytecode_cache = ShippedCode({"a.rst.j2": (jinja2.BytecodeCache().get_source_checksum(source), code)})
    compiled = counting_compiles(env, monkeypatch)
    assert env.get_template("a.rst.j2").render(x="y") == "old Y" and compiled == []
    (tmp_path / "a.rst.j2").write_text("new {{ x | upper }}\n")
    edited = jinja2.Environment(loader=env.loader, bytecode_cache=env.bytecode_cache)
    compiled = counting_compiles(edited, monkeypatch)
    assert edited.get_template("a.rst.j2").render(x="y") == "new Y" and compiled == ["a.rst.j2"]


@for_this_jinja
def test_other_settings_or_another_jinja_take_none_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    env = environment.text_environment.__wrapped__(None)
    kind_settings = settings(env)
    assert ShippedCode.of(env, "text").covers("site/changelog.rst.j2", _source("site/changelog.rst.j2"))
    # A filter more (or one taking the context now) is other settings: nothing shipped applies.
    env.filters["shout"] = str.upper
    assert settings(env) != kind_settings
    assert not ShippedCode.of(env, "text").covers("site/changelog.rst.j2", _source("site/changelog.rst.j2"))
    del env.filters["shout"]
    env.trim_blocks = False
    assert settings(env) != kind_settings
    env.trim_blocks = True
    assert settings(env) == kind_settings
    monkeypatch.setattr(jinja2, "__version__", "3.1.999")
    assert not ShippedCode.of(env, "text").covers("site/changelog.rst.j2", _source("site/changelog.rst.j2"))


def test_the_filters_code_is_part_of_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Jinja calls a filter on constant arguments when it compiles (the result is in the
    template's code), so the code of the modules defining the filters is in the settings."""
    env = environment.text_environment.__wrapped__(None)
    assert repr("Install\n=======") in env.compile('{{ "Install" | underline }}', raw=True)
    before = settings(env)
    real = shipped._module_source.__wrapped__
    monkeypatch.setattr(
        shipped, "_module_source", lambda module: real(module) + ("changed" if module == "codegen.render.site.rst" else "")
    )
    assert settings(env) != before


def _source(name: str) -> str:
    from codegen.render.templates import TEMPLATES_DIR

    return (TEMPLATES_DIR / name).read_text(encoding="utf-8")
