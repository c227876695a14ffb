"""Spec strings reach generated code only as data: a hostile spec cannot inject code."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import black
import pytest

from codegen.format import black_mode
from codegen.render.escaping import Source, UnsafeInterpolation, docstring, finalize, literal
from tests.helpers import demo_model, generate, imported, write_spec

PAYLOAD = "__import__('pathlib').Path('PWNED').write_text('x')"
HOSTILE_DOCS = [
    f'<p>"""; {PAYLOAD}; """</p>',
    f"<p>'''; {PAYLOAD}; '''</p>",
    "<p>ends with a backslash \\</p>",
    "<p>ends with quotes \"\"</p>",
    "<p>{{ 7 * 7 }} {% for x in range(3) %}{{ x }}{% endfor %} {# c #}</p>",
    "<p>NUL \x00 and tab \t and CR \r and LS \u2028 end</p>",
    "<p>\\N{BULLET} \\x41 \\u0041</p>",
]
HOSTILE_ENUM = ['it\'s "quoted"', "two\nlines", "ünïcödé", "a\\b", f"'); {PAYLOAD}; ('", ""]


def hostile_model() -> dict:
    return demo_model(
        {
            "Input": {"type": "structure", "members": {
                "Mode": {"shape": "Mode", "documentation": HOSTILE_DOCS[0]},
                "Text": {"shape": "Text", "documentation": HOSTILE_DOCS[1]},
            }, "documentation": "".join(HOSTILE_DOCS)},
            "Output": {"type": "structure", "members": {
                "Text": {"shape": "Text", "documentation": HOSTILE_DOCS[4]},
            }, "documentation": HOSTILE_DOCS[5]},
            "Mode": {"type": "string", "enum": HOSTILE_ENUM, "documentation": HOSTILE_DOCS[6]},
            "Text": {"type": "string", "pattern": f"\"\"\"'''{{{{ {PAYLOAD} }}}}", "max": 10},
        },
        operation_doc=HOSTILE_DOCS[2] + HOSTILE_DOCS[3],
    )


def test_hostile_strings_parse_import_and_run_nothing(tmp_path: Path) -> None:
    spec_dir = write_spec(tmp_path / "specs", hostile_model())
    generate(spec_dir, tmp_path / "out", "hostile")
    for path in (tmp_path / "out").rglob("*.py"):
        ast.parse(path.read_text(encoding="utf-8"), str(path))
    # Import in a fresh interpreter whose working directory would receive the payload's file.
    run = subprocess.run(
        [sys.executable, "-c", "import hostile, hostile.models as m; print(len(list(m.Mode)))"],
        cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "out")}, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(len(HOSTILE_ENUM))
    assert not (tmp_path / "PWNED").exists()


def test_enum_values_survive_exactly(tmp_path: Path) -> None:
    spec_dir = write_spec(tmp_path / "specs", hostile_model())
    generate(spec_dir, tmp_path / "out", "hostile2")
    with imported(tmp_path / "out", "hostile2") as module:
        assert [m.value for m in module.Mode] == HOSTILE_ENUM
        docs = module.Input.__doc__
        assert '"""' in docs and "{{ 7 * 7 }}" in docs and "\x00" in docs


@pytest.mark.parametrize("text", ['"""', '""', '"', "\\", 'a"""b"""', '\\"""', "\x00\tx\ry", "x\u2028y"])
def test_docstring_body_round_trips_through_python(text: str) -> None:
    body = docstring(text)
    value = ast.literal_eval(f'"""{body}"""')
    assert value == text


@pytest.mark.parametrize("value", ["x", "'\"\n\\", "it's", 'say "hi"', "a'b\"c", "\\'", 3, 2.5, None, True, ["a", 1], {"k": ("v",)}])
def test_literals_evaluate_to_their_value(value: object) -> None:
    assert ast.literal_eval(literal(value)) == value


@pytest.mark.parametrize("value", ["x", "it's", 'say "hi"', "a'b\"c", "tab\there", "\\'", "ünï"])
def test_string_literals_are_written_as_black_writes_them(value: str) -> None:
    # black formats a module twice when its first pass changes anything, so literals that it
    # would requote cost the whole generation time; this keeps one path and black's quotes.
    text = literal(value)
    assert black.format_str(f"x = {text}\n", mode=black_mode()) == f"x = {text}\n"


def test_templates_cannot_print_unescaped_values() -> None:
    assert finalize(Source("ok")) == "ok"
    with pytest.raises(UnsafeInterpolation):
        finalize("raw spec text")
    with pytest.raises(UnsafeInterpolation):
        finalize(3)


def test_hostile_waiter_text_stays_text(tmp_path: Path) -> None:
    """A waiter's description, JMESPath argument and expected value reach docstrings only,
    through the one escaping path; the waiter's names are checked like operations' names."""
    waiters = {"version": 2, "waiters": {"Done": {
        "operation": "DoIt", "delay": 1, "maxAttempts": 1, "description": HOSTILE_DOCS[0] + "\\",
        "acceptors": [
            {"state": "success", "matcher": "path", "argument": "contains(Text, '\"\"\"')", "expected": True},
            {"state": "failure", "matcher": "path", "argument": "Text", "expected": f'"""; {PAYLOAD}; """'},
            {"state": "failure", "matcher": "error", "expected": f"'); {PAYLOAD}; ('"},
        ],
    }}}
    spec_dir = write_spec(tmp_path / "specs", hostile_model(), waiters=waiters)
    generate(spec_dir, tmp_path / "out", "hostile3")
    for path in (tmp_path / "out").rglob("*.py"):
        ast.parse(path.read_text(encoding="utf-8"), str(path))
    run = subprocess.run(
        [sys.executable, "-c", "import hostile3.waiters as w, hostile3.testing; print(w.DoneWaiter.__doc__)"],
        cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "out")}, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert HOSTILE_DOCS[0] + "\\" in run.stdout and PAYLOAD in run.stdout
    assert not (tmp_path / "PWNED").exists()
