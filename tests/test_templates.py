"""Template overrides (``--templates DIR``, ``[tool.codegen] templates``): a user's directory
layered over the built-in templates, under the same escaping, parsing and formatting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from codegen.commands import main
from codegen.pipeline import generate_tree
from codegen.render.templates import CONTRACT_FILE, CONTRACT_VERSION, builtin_names, load_overrides
from codegen.errors import CodegenError
from tests.helpers import demo_model, imported, write_spec

SHAPES = {
    "Name": {"type": "string"},
    "Input": {"type": "structure", "members": {"Name": {"shape": "Name"}}},
    "Output": {"type": "structure", "members": {"Name": {"shape": "Name"}}},
}

# Adds a method to the client, laid out carelessly: the formatter lays it out as ours.
CLIENT_OVERRIDE = """{% extends "builtin/package/client.py.j2" %}
{% block client_methods %}

    def   service_label( self )->str :
        return {{ (view.full_name ~ " via " ~ view.package) | lit }}
{% endblock %}
"""


def templates(tmp_path: Path, files: dict[str, str], contract: str | None = f"contract = {CONTRACT_VERSION}\n") -> Path:
    root = tmp_path / "templates"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    root.mkdir(exist_ok=True)
    if contract is not None:
        (root / CONTRACT_FILE).write_text(contract)
    return root


@pytest.fixture()
def spec(tmp_path: Path) -> Path:
    return write_spec(tmp_path / "specs", demo_model(SHAPES))


def run(spec: Path, output: Path, template_dir: Path) -> int:
    return main(["generate", "--spec-dir", str(spec), "--output", str(output), "--package", "demo_sdk",
                 "--templates", str(template_dir), "--no-cache"])


def test_an_override_adds_a_method_to_the_client(tmp_path: Path, spec: Path) -> None:
    root = templates(tmp_path, {"package/client.py.j2": CLIENT_OVERRIDE})
    output = tmp_path / "out"
    assert run(spec, output, root) == 0
    source = (output / "demo_sdk" / "client.py").read_text()
    assert "    def service_label(self) -> str:\n" in source  # formatted like the rest
    with imported(output, "demo_sdk") as package:
        client = package.Client(region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b")
        assert client.service_label() == "Demo Service via demo_sdk"
        assert callable(client.do_it)  # the built-in template's methods are all still there
    # Only the modules of the overridden template differ from what the built-in ones give
    # (the client template renders the synchronous and the asynchronous client).
    plain = generate_tree(spec, "demo_sdk")
    overridden = generate_tree(spec, "demo_sdk", overrides=load_overrides(root))
    differing = {path for path in plain if plain[path] != overridden[path]}
    assert differing == {"demo_sdk/client.py", "demo_sdk/aio/client.py"}


def test_the_overridden_package_passes_mypy_strict(tmp_path: Path, spec: Path) -> None:
    root = templates(tmp_path, {"package/client.py.j2": CLIENT_OVERRIDE})
    output = tmp_path / "out"
    assert run(spec, output, root) == 0
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "-p", "demo_sdk"],
        cwd=output, capture_output=True, text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_configured_templates_are_used_and_change_the_cache_key(tmp_path: Path, spec: Path, monkeypatch) -> None:
    root = templates(tmp_path, {"package/client.py.j2": CLIENT_OVERRIDE})
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        '[tool.codegen]\nservice = "demo"\noperations = ["DoIt"]\npackage = "demo_sdk"\n'
        f'templates = "{root.as_posix()}"\n'
    )
    import shutil

    shutil.copytree(spec, project / "specs")
    monkeypatch.chdir(project)
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["generate"]) == 0
    client = project / "generated" / "demo_sdk" / "client.py"
    assert "def service_label" in client.read_text()
    # Editing the override regenerates: the templates are part of what the output depends on.
    (root / "package" / "client.py.j2").write_text(CLIENT_OVERRIDE.replace("service_label", "label"))
    assert main(["generate"]) == 0
    assert "def label(self)" in client.read_text() and "service_label" not in client.read_text()
    assert main(["generate", "--check"]) == 0


def test_an_override_prints_only_what_an_escaping_filter_made(tmp_path: Path, spec: Path, capsys) -> None:
    unsafe = CLIENT_OVERRIDE.replace("{{ (view.full_name ~ \" via \" ~ view.package) | lit }}", "{{ view.full_name }}")
    root = templates(tmp_path, {"package/client.py.j2": unsafe})
    output = tmp_path / "out"
    assert run(spec, output, root) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{root}/package/client.py.j2:5: UnsafeInterpolation" in err
    assert not output.exists()


@pytest.mark.parametrize(
    ("files", "contract", "expected"),
    [
        ({"package/client.py.j2": "{% block x %}"}, f"contract = {CONTRACT_VERSION}\n", "client.py.j2:1: TemplateSyntaxError"),
        ({"package/client.py.j2": "{{ view.no_such_field | lit }}"}, f"contract = {CONTRACT_VERSION}\n", "client.py.j2:1: UndefinedError"),
        ({"package/clinet.py.j2": ""}, f"contract = {CONTRACT_VERSION}\n", "overrides no built-in template; did you mean package/client.py.j2?"),
        ({"runtime/_cli/main.py.j2": ""}, f"contract = {CONTRACT_VERSION}\n", "the runtime modules are not templates"),
        ({"package/client.py.j2": ""}, None, f"missing: declare the template contract your templates follow (contract = {CONTRACT_VERSION}"),
        ({"package/client.py.j2": ""}, "contract = 99\n", f"these templates follow contract 99; this codegen renders contract {CONTRACT_VERSION}"),
        ({"package/client.py.j2": "def broken(:\n"}, f"contract = {CONTRACT_VERSION}\n", "demo_sdk/client.py: generated code does not parse"),
    ],
)
def test_a_bad_override_is_one_line_naming_the_template_and_exit_2(
    tmp_path: Path, spec: Path, capsys, files: dict[str, str], contract: str | None, expected: str
) -> None:
    root = templates(tmp_path, files, contract)
    output = tmp_path / "out"
    assert run(spec, output, root) == 2
    err = capsys.readouterr().err
    assert err.startswith("codegen: error: ") and err.count("\n") == 1, err
    assert expected in err
    assert not output.exists()


def test_own_includes_start_with_an_underscore(tmp_path: Path, spec: Path) -> None:
    root = templates(tmp_path, {
        "package/_label.j2": "LABEL = {{ view.service_name | lit }}\n",
        "package/client.py.j2": '{% extends "builtin/package/client.py.j2" %}'
                                '{% block module_end %}\n\n{% include "package/_label.j2" %}{% endblock %}',
    })
    output = tmp_path / "out"
    assert run(spec, output, root) == 0
    assert (output / "demo_sdk" / "client.py").read_text().endswith('\n\nLABEL = "demo"\n')


def test_a_macro_s_text_cannot_be_printed_in_python(tmp_path: Path, spec: Path, capsys) -> None:
    """What a macro returns is a plain string to Jinja: printing it would bypass the check that
    every value went through an escaping filter, so it is refused like any other string."""
    root = templates(tmp_path, {
        "package/_label.j2": "{% macro label(view) %}{{ view.service_name | lit }}{% endmacro %}",
        "package/client.py.j2": '{% extends "builtin/package/client.py.j2" %}{% import "package/_label.j2" as own %}'
                                "{% block module_end %}\n\nLABEL = {{ own.label(view) }}\n{% endblock %}",
    })
    assert run(spec, tmp_path / "out", root) == 2
    assert "client.py.j2:3: UnsafeInterpolation" in capsys.readouterr().err


def test_every_built_in_template_can_be_overridden_by_name() -> None:
    names = builtin_names()
    assert "package/client.py.j2" in names and "docs/operation.rst.j2" in names
    assert not [n for n in names if n.startswith("runtime/")]


def test_load_overrides_names_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(CodegenError, match="not a directory"):
        load_overrides(tmp_path / "missing", "--templates")


# ---------------------------------------------------------------------------------------------
# The contract page (docs/templates.md) against the code

CONTRACT_DOC = Path(__file__).resolve().parents[1] / "docs" / "templates.md"
VIEW_MODULES = (
    "codegen.render.python.views",
    "codegen.render.python.flavours",
    "codegen.render.python.waiters",
    "codegen.render.python.testing",
    "codegen.render.awscli.page",
    "codegen.render.site.views",
    "codegen.render.site.waiters",
)


def _view_classes() -> dict[str, type]:
    import importlib
    import inspect

    import attrs

    found = {}
    for name in VIEW_MODULES:
        module = importlib.import_module(name)
        for cls_name, cls in vars(module).items():
            if inspect.isclass(cls) and cls.__module__ == name and attrs.has(cls):
                found[cls_name] = cls
    return found


def _documented_fields() -> dict[str, set[str]]:
    """Class -> the fields its tables list (``| `field` |`` under its heading, or
    ``| `Class.field` |`` in a shared table)."""
    import re

    fields: dict[str, set[str]] = {}
    current: list[str] = []
    for line in CONTRACT_DOC.read_text().splitlines():
        if line.startswith("#### "):
            current = re.findall(r"`(\w+)`", line)
            for name in current:
                fields.setdefault(name, set())
            continue
        match = re.match(r"\| `(\w+)(?:\.(\w+))?`", line)
        if match and current:
            owner, field = (match.group(1), match.group(2)) if match.group(2) else (current[0], match.group(1))
            fields.setdefault(owner, set()).add(field)
    return fields


def test_the_contract_page_lists_every_view_and_every_field() -> None:
    import attrs

    documented = _documented_fields()
    for name, cls in _view_classes().items():
        assert name in documented, f"docs/templates.md does not describe {name}"
        properties = {p for p, value in vars(cls).items() if isinstance(value, property)}
        expected = {f.name for f in attrs.fields(cls)} | properties
        assert documented[name] == expected, (name, expected ^ documented[name])


def test_the_contract_page_names_every_template_and_block() -> None:
    import re

    text = CONTRACT_DOC.read_text()
    for name in builtin_names():
        assert f"`{name}`" in text, f"docs/templates.md does not name {name}"
    blocks = set()
    for path in (Path(__file__).resolve().parents[1] / "codegen" / "templates").rglob("*.j2"):
        blocks |= set(re.findall(r"{% block (\w+)", path.read_text()))
    for block in blocks:
        assert f"| `{block}` |" in text, f"docs/templates.md does not document the block {block}"
    assert f"contract = {CONTRACT_VERSION}" in text
