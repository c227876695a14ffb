"""``codegen docs``: build the HTML documentation site from the generated Sphinx project.

The source is ``generated/docs`` as generated (the golden tests keep it in sync with the spec),
copied to a temporary directory with the changelog page filled from CHANGELOG.md; Sphinx builds
it with warnings as errors (``-W``) on every core, into a new directory that then replaces the
output. ``[tool.codegen]`` gives the site's name, copyright and base URL (``DocsConfig``);
the version is the generated package's (its ``conf.py``).
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from codegen.config import DocsConfig, load_config
from codegen.errors import CodegenError
from codegen.render.site.changelog import changelog_rst

# What building the site needs besides Sphinx itself (the ``docs`` extra).
REQUIREMENTS = {"sphinx": "Sphinx", "furo": "furo", "sphinx_copybutton": "sphinx-copybutton"}
# Sphinx writes this into an HTML build; an output directory without it is not a site.
BUILD_INFO = ".buildinfo"
EXIT_BUILD_FAILED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs-dir", type=Path, help="the generated Sphinx project (default: generated/docs)")
    parser.add_argument("--output", type=Path, help="where the HTML site goes (default: build/site)")
    parser.add_argument(
        "--changelog", type=Path, help="the Markdown changelog for the changelog page (default: [tool.codegen] changelog, else CHANGELOG.md)"
    )
    parser.add_argument("--jobs", default="auto", help="Sphinx processes (default: auto, one per core)")


def run(args: argparse.Namespace) -> int:
    config = None
    try:
        config = load_config()
    except CodegenError as exc:
        # Given both directories, a project without [tool.codegen] (or none) needs no settings.
        if not (args.docs_dir and args.output) or not (exc.problem == "missing" or exc.where == "pyproject.toml"):
            raise
    root = config.root if config else Path.cwd()
    docs_dir = args.docs_dir or root / "generated" / "docs"
    output = args.output or root / "build" / "site"
    changelog = args.changelog or (config.changelog_path if config else root / "CHANGELOG.md")
    settings = config.docs if config else DocsConfig()
    if args.jobs != "auto" and not (args.jobs.isdigit() and int(args.jobs) > 0):
        raise CodegenError("--jobs", f"must be a positive number or 'auto', got {args.jobs!r}")
    _check_requirements()
    conf = docs_dir / "conf.py"
    if not conf.is_file():
        raise CodegenError(str(docs_dir), "not a generated Sphinx project (no conf.py); run codegen generate first")
    _check_output(output, docs_dir)
    markdown = None
    if args.changelog or changelog.exists():
        try:
            markdown = changelog.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise CodegenError(str(changelog), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    started = time.monotonic()
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".codegen-site-", dir=output.parent) as work:
        source, html, doctrees = Path(work) / "source", Path(work) / "html", Path(work) / "doctrees"
        shutil.copytree(docs_dir, source, ignore=shutil.ignore_patterns("_build", "__pycache__"))
        (source / "changelog.rst").write_text(changelog_rst(markdown), encoding="utf-8")
        command = [
            sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
            "-j", args.jobs, "-d", str(doctrees), *_overrides(settings, conf), str(source), str(html),
        ]
        build = subprocess.run(command, check=False, capture_output=True, text=True, errors="replace")
        # Sphinx's messages name the files of the copy; name them in the docs directory.
        for stream, text in ((sys.stdout, build.stdout), (sys.stderr, build.stderr)):
            stream.write(text.replace(str(source), str(docs_dir)))
        if build.returncode != 0:
            print(
                f"codegen: error: {docs_dir}: the site did not build cleanly (Sphinx -W, status "
                f"{build.returncode}; its messages are above)",
                file=sys.stderr,
            )
            return EXIT_BUILD_FAILED
        _replace(output, html)
    pages = sum(1 for _ in output.rglob("*.html"))
    print(f"{output}: {pages} pages, built in {time.monotonic() - started:.1f} s; open {output / 'index.html'}")
    return 0


def _check_requirements() -> None:
    missing = [name for module, name in REQUIREMENTS.items() if importlib.util.find_spec(module) is None]
    if missing:
        raise CodegenError(
            "codegen docs",
            f"needs {', '.join(missing)}: python -m pip install -e '.[docs]' (or 'botocore-codegen[docs]')",
        )


def _check_output(output: Path, docs_dir: Path) -> None:
    """Only an absent or empty directory, or an earlier site build, is replaced."""
    out, src = os.path.realpath(output), os.path.realpath(docs_dir)
    if out == src or out.startswith(src + os.sep) or src.startswith(out + os.sep):
        raise CodegenError("--output", f"{output} and the docs directory {docs_dir} overlap; give separate directories")
    if output.is_symlink() or (output.exists() and not output.is_dir()):
        raise CodegenError("--output", f"{output} is not a directory")
    if output.is_dir() and any(output.iterdir()) and not (output / BUILD_INFO).is_file():
        raise CodegenError(
            "--output", f"{output} is neither empty nor a site codegen docs built (no {BUILD_INFO}); refusing to replace it"
        )


def _replace(output: Path, html: Path) -> None:
    """The new site in place of the old: the old one is moved aside, then removed."""
    old = None
    if output.exists():
        old = output.with_name(f".{output.name}.codegen-old-{os.getpid()}")
        output.rename(old)
    html.rename(output)
    if old is not None:
        shutil.rmtree(old)


def _overrides(settings: DocsConfig, conf: Path) -> list[str]:
    """Sphinx ``-D`` settings from ``[tool.codegen]``."""
    values: dict[str, str] = {}
    if settings.base_url:
        values["html_baseurl"] = settings.base_url
    if settings.project:
        values["project"] = settings.project
        values["html_title"] = f"{settings.project} {_release(conf)}".strip()
    if settings.copyright:
        values["copyright"] = settings.copyright
        values["html_show_copyright"] = "1"
    return [part for key, value in values.items() for part in ("-D", f"{key}={value}")]


def _release(conf: Path) -> str:
    """The ``release`` the generated ``conf.py`` sets (read, never run)."""
    for node in ast.parse(conf.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "release" for t in node.targets):
            value = node.value
            while isinstance(value, ast.NamedExpr):
                value = value.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
    return ""
