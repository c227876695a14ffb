"""The environment the asynchronous client is tested in: a virtualenv with aiobotocore.

aiobotocore pins botocore to the few releases it was tested with (3.10.0:
``botocore>=1.43.115,<1.43.118``), while the generator runs on the project's botocore (whose
documentation converter the golden files depend on). So the generator stays in this
interpreter, and the generated packages are run in a virtualenv of their own, kept in
``$CODEGEN_ASYNC_VENV`` (default ``~/.cache/botocore-codegen-async/venv``) and remade when its
requirements or this interpreter change. Its requirements are what a user of the package
installs with ``pip install '<package>[async]'`` (read from ``generated/pyproject.toml``), plus
``moto[server]`` and ``pytest``, so pip resolves aiobotocore's botocore pin against the
package's own range, as it does for users.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"
VENV = Path(os.environ.get("CODEGEN_ASYNC_VENV") or Path.home() / ".cache" / "botocore-codegen-async" / "venv")
TOOLS = ("moto[server]>=5.1,<6", "pytest>=7.4")


class AsyncEnvironmentError(RuntimeError):
    """The virtualenv could not be made (an install failed)."""


def package_requirements(pyproject: Path = GENERATED / "pyproject.toml") -> list[str]:
    """What ``pip install '<package>[async]'`` installs: the dependencies and the extra."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["async"]]


def python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure() -> Path:
    """The virtualenv's interpreter, made on first use."""
    requirements = [*package_requirements(), *TOOLS]
    stamp = {"python": sys.executable, "version": sys.version, "requirements": requirements}
    stamp_file = VENV / "codegen-async-stamp.json"
    if python().exists() and stamp_file.is_file():
        try:
            if json.loads(stamp_file.read_text()) == stamp:
                return python()
        except ValueError:
            pass
    shutil.rmtree(VENV, ignore_errors=True)
    VENV.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True, text=True)
        subprocess.run(
            [str(python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *requirements],
            check=True, capture_output=True, text=True,
        )
    except subprocess.CalledProcessError as error:
        shutil.rmtree(VENV, ignore_errors=True)
        raise AsyncEnvironmentError(f"could not make {VENV} with {requirements}:\n{error.stdout}{error.stderr}") from error
    stamp_file.write_text(json.dumps(stamp))
    return python()


def versions(interpreter: Path) -> dict[str, str | None]:
    """The versions of what matters in the virtualenv."""
    script = (
        "import importlib.metadata as m, json, sys\n"
        "out = {}\n"
        "for name in sys.argv[1:]:\n"
        "    try: out[name] = m.version(name)\n"
        "    except m.PackageNotFoundError: out[name] = None\n"
        "print(json.dumps(out))"
    )
    run = subprocess.run([str(interpreter), "-c", script, "aiobotocore", "botocore", "aiohttp", "moto", "attrs"],
                         check=True, capture_output=True, text=True)
    found: dict[str, str | None] = json.loads(run.stdout)
    return found


if __name__ == "__main__":
    print(ensure())
    print(versions(python()))
