"""Templates compiled in a forked process while the IR is built (``codegen/render/precompile.py``):
the parent then compiles nothing it was sent, renders the same, still compiles (and reports)
what changed or does not compile, and leaves no process behind."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import jinja2
import pytest

from codegen import pipeline
from codegen.render import environment
from codegen.render.precompile import compiled_aside
from codegen.pipeline import generate_tree
from tests.helpers import GENERATED, SPECS, counting_compiles

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="templates are compiled aside only where there is fork"
)


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)


def _environment(root: Path) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(root)), undefined=jinja2.StrictUndefined)


def _unshipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built-in environments made from now on without the shipped code of the templates."""
    from codegen.render import shipped

    monkeypatch.setattr(shipped, "_shipped", lambda kind, settings: {})


def test_the_parent_compiles_nothing_it_was_sent_and_renders_the_same(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "page.rst.j2").write_text("{% for x in xs %}{{ x }}-{% endfor %}\n")
    _unshipped(monkeypatch)
    builtin = environment.text_environment.__wrapped__(None)  # (not the process's cached one)
    env = _environment(tmp_path)
    # (two lists: a sum of them would be a third, which neither environment appends to)
    compiled, compiled_builtin = counting_compiles(env, monkeypatch), counting_compiles(builtin, monkeypatch)
    unshipped = builtin.bytecode_cache
    with compiled_aside({env: (".rst.j2",), builtin: (".rst.j2",)}):
        page = env.get_template("page.rst.j2").render(xs=[1, 2])
        builtin.get_template("site/changelog.rst.j2")
        builtin.get_template("docs/macros.rst.j2")
    assert compiled == compiled_builtin == [] and env.bytecode_cache is None and builtin.bytecode_cache is unshipped
    assert page == _environment(tmp_path).get_template("page.rst.j2").render(xs=[1, 2]) == "1-2-"
    assert multiprocessing.active_children() == []


def test_nothing_is_forked_when_the_shipped_code_covers_every_template(tmp_path: Path, monkeypatch) -> None:
    """The built-in templates, unchanged, are loaded from their shipped code; only what it
    does not cover (a changed template, the user's) is compiled aside."""
    builtin = environment.text_environment.__wrapped__(None)
    shipped = builtin.bytecode_cache
    compiled = counting_compiles(builtin, monkeypatch)
    with compiled_aside({builtin: (".rst.j2",)}):
        assert builtin.bytecode_cache is shipped and multiprocessing.active_children() == []
        builtin.get_template("site/changelog.rst.j2")
    assert compiled == []


def test_a_template_changed_since_it_was_compiled_is_compiled_again(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "page.rst.j2").write_text("old {{ x }}\n")
    env = _environment(tmp_path)
    compiled = counting_compiles(env, monkeypatch)
    with compiled_aside({env: (".rst.j2",)}):
        assert env.bytecode_cache is not None
        env.bytecode_cache._received.code(0)  # type: ignore[attr-defined]  # the old source, compiled
        (tmp_path / "page.rst.j2").write_text("new {{ x }}\n")
        assert env.get_template("page.rst.j2").render(x=1) == "new 1"
    assert compiled == ["page.rst.j2"]


def test_a_template_that_does_not_compile_is_reported_by_the_render(tmp_path: Path) -> None:
    (tmp_path / "good.rst.j2").write_text("{{ x }}\n")
    (tmp_path / "bad.rst.j2").write_text("line\n{% if x %}\nno end\n")
    env = _environment(tmp_path)
    with compiled_aside({env: (".rst.j2",)}):
        assert env.get_template("good.rst.j2").render(x="ok") == "ok"
        with pytest.raises(jinja2.TemplateSyntaxError) as raised:
            env.get_template("bad.rst.j2")
    with pytest.raises(jinja2.TemplateSyntaxError) as plain:
        _environment(tmp_path).get_template("bad.rst.j2")
    assert (raised.value.lineno, raised.value.message) == (plain.value.lineno, plain.value.message)
    assert raised.value.name == "bad.rst.j2"


def test_only_the_suffixes_asked_for_are_compiled(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.rst.j2").write_text("a\n")
    (tmp_path / "b.py.j2").write_text("b\n")
    env = _environment(tmp_path)
    compiled = counting_compiles(env, monkeypatch)
    with compiled_aside({env: (".rst.j2",)}):
        env.get_template("a.rst.j2")
        env.get_template("b.py.j2")
    assert compiled == ["b.py.j2"]


def test_nothing_is_forked_for_an_environment_that_has_loaded_templates(tmp_path: Path) -> None:
    (tmp_path / "a.rst.j2").write_text("a\n")
    env = _environment(tmp_path)
    env.get_template("a.rst.j2")
    with compiled_aside({env: (".rst.j2",)}):
        assert env.bytecode_cache is None and multiprocessing.active_children() == []


def test_leaving_before_any_template_is_loaded_ends_the_process(tmp_path: Path) -> None:
    for i in range(200):  # more compiled code than a pipe holds: the process is left sending
        (tmp_path / f"t{i}.rst.j2").write_text("{% for x in y %}{{ x }}{% endfor %}\n" * 50)
    env = _environment(tmp_path)
    with pytest.raises(RuntimeError), compiled_aside({env: (".rst.j2",)}):
        raise RuntimeError("the render failed before its first template")
    assert env.bytecode_cache is None and multiprocessing.active_children() == []


@pytest.fixture
def fresh_environments():  # type: ignore[no-untyped-def]
    """The process's environments made again, before the test and after it."""
    for made in (environment.python_environment, environment.text_environment):
        made.cache_clear()
    yield
    for made in (environment.python_environment, environment.text_environment):
        made.cache_clear()


def test_a_service_rendered_with_its_templates_compiled_aside_is_the_same(
    monkeypatch: pytest.MonkeyPatch, fresh_environments
) -> None:
    from codegen.render import precompile
    from codegen.write import read_tree

    monkeypatch.setattr(pipeline, "_ASIDE_MODEL_BYTES", 0)
    # Environments that have loaded nothing yet (the process's own have, in earlier tests),
    # and without the shipped code, so that there is something to compile aside.
    _unshipped(monkeypatch)
    environment.python_environment.cache_clear()
    environment.text_environment.cache_clear()
    served: list[str] = []
    original = precompile._FromSibling.load_bytecode

    def load_bytecode(self, bucket):  # type: ignore[no-untyped-def]
        original(self, bucket)
        if bucket.code is not None:
            served.append(bucket.key)

    monkeypatch.setattr(precompile._FromSibling, "load_bytecode", load_bytecode)
    assert generate_tree(SPECS, "typed_sagemaker") == read_tree(GENERATED)
    assert len(served) >= 20  # every template the render loaded came from the forked process


def test_a_process_forked_before_the_code_came_leaves_it_to_its_parent(tmp_path: Path, monkeypatch) -> None:
    from codegen.forking import aside

    (tmp_path / "a.rst.j2").write_text("{{ x }}\n")
    env = _environment(tmp_path)
    compiled = counting_compiles(env, monkeypatch)
    with compiled_aside({env: (".rst.j2",)}):
        with aside(lambda: (env.get_template("a.rst.j2").render(x="child"), compiled)) as result:
            assert result() == ("child", ["a.rst.j2"])  # it compiled for itself
        assert env.get_template("a.rst.j2").render(x="parent") == "parent"
    assert compiled == []  # the parent still got the code compiled aside
