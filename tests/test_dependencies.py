"""Every third-party module the generator imports is declared in pyproject.toml's dependencies
(so ``pip install -e .`` is enough to regenerate), and every one the generated package's
runtime imports is declared in the generated pyproject.toml."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = ROOT / "codegen" / "templates" / "runtime"
# Imported only when asked for, behind an ImportError with a one-line hint (an extra).
OPTIONAL = {"ruff": "ruff", "aiobotocore": "async", "rsa": None}
# rsa: only ``ec2 get-password-data --priv-launch-key`` needs it, imported there with a one-line
# "pip install rsa" hint, as the AWS CLI's own optional use of it.


def imported(paths: list[Path]) -> dict[str, Path]:
    """Top-level module -> a file importing it, for modules outside the standard library."""
    found: dict[str, Path] = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "codegen":
                    found.setdefault(top, path)
    return found


def distribution(module: str) -> str:
    # A module imported only on other Pythons (tomli below 3.11) is not installed here; its
    # distribution has its name.
    (name, *_) = importlib.metadata.packages_distributions().get(module, [module])
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list[str]) -> set[str]:
    return {re.sub(r"[-_.]+", "-", re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0]).lower() for r in requirements}


def test_the_generator_declares_what_it_imports() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    # Under codegen/templates/ is what the generator ships, not what it runs: the runtime (the
    # next test) and the site's Sphinx extension (run by Sphinx, the docs extra; checked below).
    sources = [p for p in (ROOT / "codegen").rglob("*.py") if ROOT / "codegen" / "templates" not in p.parents]
    needed = {m: p for m, p in imported(sources).items() if m not in OPTIONAL}
    missing = {m: str(p.relative_to(ROOT)) for m, p in needed.items() if distribution(m) not in declared(project["dependencies"])}
    assert not missing, f"imported but not in [project.dependencies]: {missing}"
    extras = project["optional-dependencies"]
    assert distribution("ruff") in declared(extras["ruff"])
    site_extension = list((ROOT / "codegen" / "templates" / "site").rglob("*.py"))
    assert set(imported(site_extension)) <= {"sphinx", "docutils"}
    assert {"sphinx", "docutils"} <= declared(extras["docs"]) | declared(project["dependencies"])


def test_the_generated_package_declares_what_its_runtime_imports() -> None:
    generated = tomllib.loads((ROOT / "generated" / "pyproject.toml").read_text())["project"]
    dependencies = declared(generated["dependencies"])
    extras = {name: declared(requirements) for name, requirements in generated["optional-dependencies"].items()}
    for module, path in imported(sorted(RUNTIME.rglob("*.py"))).items():
        if module in OPTIONAL:  # behind its extra, or imported on demand with a hint
            extra = OPTIONAL[module]
            assert extra is None or module in extras[extra], f"{module} is not in the generated {extra!r} extra"
            continue
        assert module in dependencies, f"{path.relative_to(ROOT)} imports {module}, not in the generated dependencies"
