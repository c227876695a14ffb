"""The typing harness: whole-service packages held to ``mypy --strict`` and ``pyright``.

Used by ``tests/test_typing_services.py`` (``python -m pytest tests/test_typing_services.py -m
typing -s``) and runnable alone for a quick table (``python -m tests.typing.harness s3 sqs``).

What it does:

- generates whole-service packages (``typed_<service>``, every operation of the installed
  botocore's model) into a temporary directory, with a format cache kept across runs in
  ``$CODEGEN_TYPING_CACHE`` (default ``~/.cache/botocore-codegen-typing``);
- runs ``mypy --strict`` (with the generated ``pyproject.toml``'s ``[tool.mypy]`` config) and
  ``pyright`` (standard mode, Python 3.10, via the ``pyright`` PyPI package) over a package
  together with the user-code files of ``tests/typing/usage/`` and ``tests/typing/mistakes/``
  for that service, in one run per service x checker x environment, and parses what they
  report into ``Diagnostic`` records;
- does so in two environments: this interpreter's (which must not have ``botocore-stubs``), and
  a side virtualenv in the cache (``venv-stubs``) that sees this interpreter's site-packages
  through a ``.pth`` file plus ``botocore-stubs`` installed on top, so both runs check against
  the same botocore, attrs and typing_extensions and differ only by the stubs;
- resolves the annotations of every public callable with ``typing.get_type_hints`` in a fresh
  interpreter per package;
- prints a table of the counts.

Marker format of ``tests/typing/mistakes/*.py``: a line holding one deliberate mistake ends with
a comment ``# expect-error`` (optionally followed by ``: what the mistake is``). Each checker must
report an error on exactly the marked lines of the file, and nowhere else in it.
"""

from __future__ import annotations

import collections
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import tokenize
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parents[2]
TYPING_DIR = Path(__file__).resolve().parent
USAGE_DIR = TYPING_DIR / "usage"
MISTAKES_DIR = TYPING_DIR / "mistakes"

# The six protocols: json, rest-xml, json, json (query-compatible), query, ec2.
SERVICES = ("sagemaker", "s3", "dynamodb", "sqs", "iam", "ec2")
CHECKERS = ("mypy", "pyright")
ENVIRONMENTS = ("no-stubs", "botocore-stubs")

# Installed into the side virtualenv for the "botocore-stubs" runs (not into this one).
BOTOCORE_STUBS_REQUIREMENT = os.environ.get("CODEGEN_TYPING_STUBS", "botocore-stubs>=1.38,<2")

CACHE = Path(os.environ.get("CODEGEN_TYPING_CACHE") or Path.home() / ".cache" / "botocore-codegen-typing")

# Package errors that make the checkers take the types that use them as Any (so user code that
# passes proves nothing): undefined names and modules that cannot be found.
UNRESOLVED_NAMES = frozenset({"name-defined", "import-not-found", "reportUndefinedVariable", "reportMissingImports"})

PYRIGHT_CONFIG: dict[str, object] = {"typeCheckingMode": "standard", "pythonVersion": "3.10"}

MARKER = re.compile(r"#\s*expect-error\b:?\s*(?P<what>.*)$")


class HarnessError(RuntimeError):
    """The harness itself could not run (a checker crashed, an install failed)."""


# --------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class Diagnostic:
    file: str  # "typed_s3/client.py" (in the package), "usage/usage_s3.py" (under tests/typing)
    line: int
    rule: str  # mypy's error code or pyright's rule ("-" when there is none)
    message: str
    severity: str  # "error", "warning", "note" (mypy) / "information" (pyright)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: [{self.rule}] {self.message}"


@dataclass
class CheckRun:
    service: str
    checker: str
    environment: str
    seconds: float
    diagnostics: list[Diagnostic]
    files_checked: int
    command: list[str]
    package: str

    def errors(self, where: str | None = None) -> list[Diagnostic]:
        """Errors; ``where``: "package" (the generated package), or a file under tests/typing
        ("usage/usage_s3.py"), or None for all."""
        found = [d for d in self.diagnostics if d.severity == "error"]
        if where == "package":
            return [d for d in found if d.file.startswith(self.package + "/")]
        if where is not None:
            return [d for d in found if d.file == where]
        return found

    @property
    def label(self) -> str:
        return f"{self.service}/{self.checker}/{self.environment}"


def top_kinds(diagnostics: Sequence[Diagnostic], n: int = 3) -> list[tuple[str, int, Diagnostic]]:
    """The most common rules: (rule, count, first diagnostic of that rule)."""
    counts = collections.Counter(d.rule for d in diagnostics)
    first: dict[str, Diagnostic] = {}
    for d in diagnostics:
        first.setdefault(d.rule, d)
    return [(rule, count, first[rule]) for rule, count in counts.most_common(n)]


def describe(diagnostics: Sequence[Diagnostic], limit: int = 15) -> str:
    lines = [f"{len(diagnostics)} error(s); by rule: "
             + ", ".join(f"{rule} x{count}" for rule, count, _ in top_kinds(diagnostics, 10))]
    lines += [f"  {d}" for d in diagnostics[:limit]]
    if len(diagnostics) > limit:
        lines.append(f"  ... and {len(diagnostics) - limit} more")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# The user-code files


def usage_file(service: str) -> Path:
    return USAGE_DIR / f"usage_{service}.py"


def mistakes_file(service: str) -> Path:
    return MISTAKES_DIR / f"mistakes_{service}.py"


def extra_files(service: str) -> list[Path]:
    return [p for p in (usage_file(service), mistakes_file(service)) if p.is_file()]


def relative_name(path: Path) -> str:
    return path.resolve().relative_to(TYPING_DIR).as_posix()


def expected_error_lines(path: Path) -> dict[int, str]:
    """Line number -> what the mistake is, for each line with an ``# expect-error`` comment
    (found with ``tokenize``, so the text inside a string does not count)."""
    found: dict[int, str] = {}
    with path.open("rb") as stream:
        for token in tokenize.tokenize(stream.readline):
            if token.type == tokenize.COMMENT:
                match = MARKER.search(token.string)
                if match:
                    found[token.start[0]] = match.group("what").strip()
    return found


def source_line(path: Path, line: int) -> str:
    """The line's code, without its ``# expect-error`` comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return MARKER.sub("", text).strip()


# --------------------------------------------------------------------------------------------
# Generating the packages


# The generator to measure: this checkout's, or another tree's (``CODEGEN_TYPING_SOURCE``: the
# root of a checkout or of ``git archive`` output), e.g. to compare before and after a change.
SOURCE = Path(os.environ.get("CODEGEN_TYPING_SOURCE") or ROOT).resolve()

_GENERATE_SCRIPT = r"""
import sys, time
from pathlib import Path
root, service, package, spec_dir, out, cache = sys.argv[1:]
sys.path.insert(0, root)
from tests.helpers import sync_installed
from codegen.pipeline import generate_tree
from codegen.spec.source import ModelSource, all_operations
from codegen.write import write_tree
spec = sync_installed(Path(spec_dir), service, *all_operations(ModelSource.installed(), service))
write_tree(Path(out), generate_tree(spec, package, Path(cache)))
"""


def generate_package(service: str, workdir: Path) -> tuple[Path, float]:
    """Generate the whole-service package ``typed_<service>`` under ``workdir`` (in a fresh
    interpreter, with the generator of ``SOURCE``); returns the distribution directory (holding
    ``pyproject.toml`` and ``typed_<service>/``) and the seconds it took."""
    out = workdir / "packages" / service
    env = {**os.environ, "PYTHONPATH": str(SOURCE)}
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", _GENERATE_SCRIPT, str(SOURCE), service, package_name(service),
         str(workdir / "specs" / service), str(out), str(CACHE / "format")],
        cwd=SOURCE, env=env, capture_output=True, text=True,
    )
    if run.returncode != 0:
        raise HarnessError(f"generating {package_name(service)} with {SOURCE} failed "
                           f"(exit {run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-4000:]}")
    return out, time.monotonic() - started


def package_name(service: str) -> str:
    return f"typed_{service}"


# --------------------------------------------------------------------------------------------
# Environments


def _has_distribution(python: str, name: str) -> str | None:
    run = subprocess.run(
        [python, "-c", "import importlib.metadata as m, sys\n"
                       "try: print(m.version(sys.argv[1]))\n"
                       "except m.PackageNotFoundError: pass", name],
        capture_output=True, text=True, check=True,
    )
    return run.stdout.strip() or None


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def stubs_python() -> str:
    """The interpreter of the side virtualenv with botocore-stubs (created on first use and
    kept in the cache; remade when this interpreter or the requirement changes)."""
    venv = CACHE / "venv-stubs"
    paths = sysconfig.get_paths()
    site_dirs = list(dict.fromkeys([paths["purelib"], paths["platlib"]]))
    stamp = {"python": sys.executable, "version": sys.version, "requirement": BOTOCORE_STUBS_REQUIREMENT,
             "site": site_dirs}
    stamp_file = venv / "codegen-typing-stamp.json"
    python = _venv_python(venv)
    if python.exists() and stamp_file.is_file():
        try:
            if json.loads(stamp_file.read_text()) == stamp:
                return str(python)
        except ValueError:
            pass
    shutil.rmtree(venv, ignore_errors=True)
    venv.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, text=True)
        venv_site = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
        # This interpreter's packages (botocore, attrs, ...), after the venv's own.
        Path(venv_site, "_codegen_typing_base.pth").write_text("\n".join(site_dirs) + "\n")
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             BOTOCORE_STUBS_REQUIREMENT],
            check=True, capture_output=True, text=True,
        )
    except subprocess.CalledProcessError as error:
        shutil.rmtree(venv, ignore_errors=True)
        raise HarnessError(f"could not make {venv} with {BOTOCORE_STUBS_REQUIREMENT}: "
                           f"{error.stdout}{error.stderr}") from error
    stamp_file.write_text(json.dumps(stamp))
    return str(python)


def environment_python(environment: str) -> str:
    if environment == "no-stubs":
        installed = _has_distribution(sys.executable, "botocore-stubs")
        if installed:
            raise HarnessError(
                f"botocore-stubs {installed} is installed in {sys.executable}'s environment, so the "
                "'no-stubs' runs cannot be measured there; uninstall it (the 'botocore-stubs' runs "
                "use a side virtualenv of their own)"
            )
        return sys.executable
    if environment == "botocore-stubs":
        return stubs_python()
    raise ValueError(environment)


def versions(python: str) -> dict[str, str | None]:
    return {name: _has_distribution(python, name)
            for name in ("botocore", "botocore-stubs", "attrs", "mypy", "pyright")}


# --------------------------------------------------------------------------------------------
# Running the checkers

_MYPY_LINE = re.compile(
    r"^(?P<file>[^:\n]+):(?P<line>\d+):(?:\d+:)? (?P<severity>error|warning|note): "
    r"(?P<message>.*?)(?:  \[(?P<code>[a-z0-9_-]+)\])?$"
)
_MYPY_SUMMARY = re.compile(r"(?:checked|in) (?P<n>\d+) source files?")


def _display_name(path: str, base: Path) -> str:
    """A package file relative to its distribution (``typed_s3/client.py``), a user-code file
    relative to tests/typing (``usage/usage_s3.py``), anything else absolute."""
    p = Path(path)
    p = (p if p.is_absolute() else base / p).resolve()
    for root in (base.resolve(), TYPING_DIR):
        if p.is_relative_to(root):
            return p.relative_to(root).as_posix()
    return p.as_posix()


def _mypy_config(dist: Path, scratch: Path, package: str) -> Path:
    pyproject = dist / "pyproject.toml"
    if pyproject.is_file() and "[tool.mypy]" in pyproject.read_text(encoding="utf-8"):
        return pyproject
    # Equivalent of what the generated config says, for a package that ships none.
    config = scratch / "mypy.ini"
    config.write_text(
        "[mypy]\nstrict = True\n\n[mypy-botocore.*,botocore,jmespath,jmespath.*]\n"
        "ignore_missing_imports = True\n\n"
        f"[mypy-{package}.errors]\ndisallow_subclassing_any = False\n"
    )
    return config


def run_mypy(service: str, dist: Path, python: str, environment: str, scratch: Path,
             files: Sequence[Path]) -> CheckRun:
    package = package_name(service)
    scratch.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "mypy", "--strict",
        "--config-file", str(_mypy_config(dist, scratch, package)),
        "--python-executable", python,
        "--cache-dir", str(scratch / "mypy-cache"),
        "--hide-error-context", "--no-pretty", "--no-color-output", "--show-error-codes",
        "--show-absolute-path",
        package, *map(str, files),
    ]
    started = time.monotonic()
    run = subprocess.run(command, cwd=dist, capture_output=True, text=True,
                         env={**os.environ, "MYPY_FORCE_COLOR": "0"})
    seconds = time.monotonic() - started
    if run.returncode not in (0, 1):
        raise HarnessError(f"mypy exited {run.returncode} on {service} ({environment}):\n"
                           f"{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    diagnostics = []
    checked = 0
    for line in run.stdout.splitlines():
        match = _MYPY_LINE.match(line)
        if match:
            diagnostics.append(Diagnostic(
                _display_name(match["file"], dist), int(match["line"]),
                match["code"] or "-", match["message"], match["severity"],
            ))
        elif line.startswith(("Success:", "Found ")):
            summary = _MYPY_SUMMARY.search(line)
            checked = int(summary["n"]) if summary else 0
    return CheckRun(service, "mypy", environment, seconds, diagnostics, checked, command, package)


def run_pyright(service: str, dist: Path, python: str, environment: str, scratch: Path,
                files: Sequence[Path]) -> CheckRun:
    package = package_name(service)
    scratch.mkdir(parents=True, exist_ok=True)
    config: dict[str, object] = dict(PYRIGHT_CONFIG)
    config["include"] = [os.path.relpath(p, scratch) for p in (dist / package, *files)]
    config["extraPaths"] = [os.path.relpath(dist, scratch)]
    (scratch / "pyrightconfig.json").write_text(json.dumps(config, indent=2))
    command = [sys.executable, "-m", "pyright", "--outputjson",
               "-p", str(scratch / "pyrightconfig.json"), "--pythonpath", python]
    started = time.monotonic()
    run = subprocess.run(command, cwd=scratch, capture_output=True, text=True,
                         env={**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"})
    seconds = time.monotonic() - started
    start = run.stdout.find("{")
    if run.returncode not in (0, 1) or start < 0:
        raise HarnessError(f"pyright exited {run.returncode} on {service} ({environment}):\n"
                           f"{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    report = json.loads(run.stdout[start:])
    diagnostics = [
        Diagnostic(_display_name(d.get("file", "?"), dist),
                   d.get("range", {}).get("start", {}).get("line", -1) + 1,
                   d.get("rule") or "-", " ".join(d.get("message", "").split()), d.get("severity", "error"))
        for d in report.get("generalDiagnostics", [])
    ]
    # The asynchronous modules import aiobotocore, the package's ``async`` extra, which cannot
    # be installed here (it pins botocore to other releases); the package's mypy config lets
    # it be missing, and so does this run of pyright. Nothing else is waived: the aio job
    # (tests/test_aio.py) checks those modules with aiobotocore installed, under both checkers.
    diagnostics = [d for d in diagnostics if not _optional_import_missing(d, python)]
    checked = int(report.get("summary", {}).get("filesAnalyzed", 0))
    return CheckRun(service, "pyright", environment, seconds, diagnostics, checked, command, package)


_OPTIONAL_IMPORT = re.compile(r'^Import "(aiobotocore)(\.[\w.]+)?" could not be resolved$')


def _optional_import_missing(diagnostic: Diagnostic, python: str) -> bool:
    match = _OPTIONAL_IMPORT.match(diagnostic.message)
    if diagnostic.rule != "reportMissingImports" or match is None:
        return False
    return not _installed(python, match[1])


@functools.lru_cache(maxsize=None)
def _installed(python: str, module: str) -> bool:
    found = subprocess.run([python, "-c", f"import importlib.util as u; print(u.find_spec({module!r}) is not None)"],
                           capture_output=True, text=True)
    return found.stdout.strip() == "True"


def run_checker(checker: str, service: str, dist: Path, environment: str, scratch: Path) -> CheckRun:
    python = environment_python(environment)
    files = extra_files(service)
    runner = {"mypy": run_mypy, "pyright": run_pyright}[checker]
    result = runner(service, dist, python, environment, scratch, files)
    modules = len(list((dist / package_name(service)).glob("*.py")))
    if result.files_checked < modules + len(files):
        raise HarnessError(f"{checker} checked {result.files_checked} files of {service}, expected at "
                           f"least {modules + len(files)}: {' '.join(result.command)}")
    return result


# --------------------------------------------------------------------------------------------
# typing.get_type_hints over the public callables

_TYPE_HINTS_SCRIPT = r"""
import importlib, inspect, json, sys, typing
package = sys.argv[1]
module = importlib.import_module(package)
failures = []
seen = set()
counts = {"classes": 0, "functions": 0}

def check(label, obj, kind):
    if id(obj) in seen:
        return
    seen.add(id(obj))
    counts[kind] += 1
    try:
        typing.get_type_hints(obj)
    except Exception as error:
        failures.append([label, f"{type(error).__name__}: {error}"])

def functions(value):
    if isinstance(value, property):
        return [value.fget] if value.fget else []
    if isinstance(value, (classmethod, staticmethod)):
        value = value.__func__
    if inspect.isfunction(value):
        overloads = typing.get_overloads(value) if hasattr(typing, "get_overloads") else []
        return [*overloads, value]
    return []

# Every name the package exports: the Client, model classes and enums, errors, paginators.
for name in module.__all__:
    try:
        obj = getattr(module, name)
    except Exception as error:
        failures.append([name, f"{type(error).__name__}: {error}"])
        continue
    if not inspect.isclass(obj):
        for f in functions(obj):
            check(name, f, "functions")
        continue
    check(name, obj, "classes")
    # Its public methods (and __init__), with each overload, including those it inherits
    # from the package's own base classes (each function counted once).
    for klass in obj.__mro__:
        if klass.__module__.split(".")[0] != package:
            continue
        for attr, value in vars(klass).items():
            if attr.startswith("_") and attr not in ("__init__", "__enter__", "__iter__"):
                continue
            found = functions(value)
            for i, f in enumerate(found):
                overload = f" (overload {i + 1})" if i < len(found) - 1 else ""
                check(f"{name}.{attr}{overload}", f, "functions")
print(json.dumps({"checked": counts["classes"] + counts["functions"], "counts": counts,
                  "failures": failures, "overloads": hasattr(typing, "get_overloads")}))
"""


@dataclass
class TypeHintsReport:
    service: str
    checked: int
    failures: list[tuple[str, str]]
    overloads_seen: bool
    seconds: float


def type_hints_report(service: str, dist: Path, python: str | None = None) -> TypeHintsReport:
    started = time.monotonic()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(dist)
    run = subprocess.run([python or sys.executable, "-c", _TYPE_HINTS_SCRIPT, package_name(service)],
                         cwd=dist, capture_output=True, text=True, env=env)
    if run.returncode != 0:
        raise HarnessError(f"importing {package_name(service)} failed:\n{run.stderr[-3000:]}")
    data = json.loads(run.stdout.strip().splitlines()[-1])
    return TypeHintsReport(service, data["checked"], [tuple(f) for f in data["failures"]],
                           data["overloads"], time.monotonic() - started)


# --------------------------------------------------------------------------------------------
# Mistake files: marked lines against reported lines


@dataclass
class MistakeVerdict:
    file: Path
    expected: dict[int, str]
    reported: dict[int, list[Diagnostic]]

    @property
    def missed(self) -> list[int]:
        return sorted(set(self.expected) - set(self.reported))

    @property
    def unexpected(self) -> list[int]:
        return sorted(set(self.reported) - set(self.expected))

    @property
    def ok(self) -> bool:
        return not self.missed and not self.unexpected

    def explain(self) -> str:
        name = relative_name(self.file)
        out = []
        for line in self.missed:
            what = self.expected[line]
            out.append(f"  missed     {name}:{line}: {source_line(self.file, line)}"
                       + (f"   <- {what}" if what else ""))
        for line in self.unexpected:
            out.append(f"  unexpected {name}:{line}: {source_line(self.file, line)}")
            out += [f"               [{d.rule}] {d.message}" for d in self.reported[line]]
        return "\n".join(out)


def mistake_verdict(run: CheckRun, path: Path) -> MistakeVerdict:
    reported: dict[int, list[Diagnostic]] = collections.defaultdict(list)
    for d in run.errors(relative_name(path)):
        reported[d.line].append(d)
    return MistakeVerdict(path, expected_error_lines(path), dict(reported))


# --------------------------------------------------------------------------------------------
# The harness: lazy, memoized runs


@dataclass
class Harness:
    workdir: Path
    packages: dict[str, tuple[Path, float]] = field(default_factory=dict)
    runs: dict[tuple[str, str, str], CheckRun] = field(default_factory=dict)
    hints: dict[str, TypeHintsReport] = field(default_factory=dict)
    failures: dict[tuple[str, str, str], str] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def package(self, service: str) -> Path:
        key = (service, "generate", "")
        if key in self.failures:
            raise HarnessError(self.failures[key])
        if service not in self.packages:
            try:
                self.packages[service] = generate_package(service, self.workdir)
            except HarnessError as error:
                self.failures[key] = str(error)
                raise
        return self.packages[service][0]

    def check(self, service: str, checker: str, environment: str) -> CheckRun:
        key = (service, checker, environment)
        if key in self.failures:
            raise HarnessError(self.failures[key])
        if key not in self.runs:
            dist = self.package(service)
            try:
                self.runs[key] = run_checker(checker, service, dist, environment,
                                             self.workdir / "scratch" / f"{service}-{checker}-{environment}")
            except HarnessError as error:
                self.failures[key] = str(error)
                raise
        return self.runs[key]

    def type_hints(self, service: str) -> TypeHintsReport:
        if service not in self.hints:
            self.hints[service] = type_hints_report(service, self.package(service))
        return self.hints[service]

    # ---- the table

    def table(self) -> str:
        lines = ["", "=" * 100, "typing harness: whole-service packages (errors only; mypy --strict, "
                 "pyright standard, Python 3.10 target)", "=" * 100]
        if self.packages:
            lines.append("generated: " + ", ".join(f"{s} {t:.1f} s" for s, (_, t) in self.packages.items()))
        header = (f"{'service':<10} {'checker':<8} {'env':<15} {'pkg':>5} {'usage':>5} "
                  f"{'mistakes missed, +extra':>23} {'time':>7}  top package error kinds")
        lines += [header, "-" * len(header)]
        for key in sorted(self.runs, key=lambda k: (SERVICES.index(k[0]) if k[0] in SERVICES else 99, k[1], k[2])):
            run = self.runs[key]
            pkg = run.errors("package")
            usage = run.errors(relative_name(usage_file(run.service))) if usage_file(run.service).is_file() else []
            if mistakes_file(run.service).is_file():
                verdict = mistake_verdict(run, mistakes_file(run.service))
                mistakes = f"{len(verdict.missed)} of {len(verdict.expected)}, +{len(verdict.unexpected)}"
            else:
                mistakes = "-"
            kinds = "; ".join(f"{rule} x{count}" for rule, count, _ in top_kinds(pkg))
            vacuous = "*" if any(d.rule in UNRESOLVED_NAMES for d in pkg) else " "
            lines.append(f"{run.service:<10} {run.checker:<8} {run.environment:<15} {len(pkg):>5} "
                         f"{len(usage):>4}{vacuous} {mistakes:>23} {run.seconds:>6.1f}s  {kinds}")
        if any(d.rule in UNRESOLVED_NAMES for run in self.runs.values() for d in run.errors("package")):
            lines.append("* the package has unresolved names (taken as Any): user-code counts there understate")
        for key, message in self.failures.items():
            lines.append(f"{'/'.join(k for k in key if k)}: harness failure: {message.splitlines()[0]}")
        lines.append("")
        lines.append("representative package errors (first of each top kind):")
        for key in sorted(self.runs):
            run = self.runs[key]
            for rule, count, first in top_kinds(run.errors("package")):
                lines.append(f"  {run.label:<34} {rule:<32} x{count:<4} {first.file}:{first.line}: "
                             f"{first.message[:160]}")
        if self.hints:
            lines.append("")
            lines.append("typing.get_type_hints: " + ", ".join(
                f"{s} {len(r.failures)}/{r.checked} fail ({r.seconds:.1f} s)" for s, r in self.hints.items()))
            if not all(r.overloads_seen for r in self.hints.values()):
                lines.append("  (Python < 3.11: typing.get_overloads is missing, overloads were not checked)")
            for service, report in self.hints.items():
                messages = collections.Counter(msg for _, msg in report.failures)
                for message, count in messages.most_common(3):
                    example = next(label for label, msg in report.failures if msg == message)
                    lines.append(f"  {service:<10} x{count:<5} {message[:90]}  (e.g. {example})")
        lines.append(f"total harness time {time.monotonic() - self.started:.1f} s")
        return "\n".join(lines)

    def summary(self) -> dict[str, object]:
        """The counts as data (written beside the cache, to compare runs)."""
        runs = {}
        for (service, checker, environment), run in self.runs.items():
            entry: dict[str, object] = {
                "seconds": round(run.seconds, 2),
                "package_errors": len(run.errors("package")),
                "package_rules": dict(collections.Counter(d.rule for d in run.errors("package"))),
                "errors": [str(d) for d in run.errors()],
            }
            runs[f"{service}/{checker}/{environment}"] = entry
        return {"runs": runs,
                "type_hints": {s: {"checked": r.checked, "failures": r.failures} for s, r in self.hints.items()},
                "generated_seconds": {s: round(t, 2) for s, (_, t) in self.packages.items()}}


def run_all(services: Iterable[str] = SERVICES, checkers: Iterable[str] = CHECKERS,
            environments: Iterable[str] = ENVIRONMENTS, workdir: Path | None = None) -> Harness:
    harness = Harness(workdir or Path(tempfile.mkdtemp(prefix="codegen-typing-")))
    for service in services:
        for environment in environments:
            for checker in checkers:
                try:
                    harness.check(service, checker, environment)
                except HarnessError:
                    pass
        try:
            harness.type_hints(service)
        except HarnessError:
            pass
    return harness


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("services", nargs="*", default=list(SERVICES))
    parser.add_argument("--checker", action="append", choices=CHECKERS)
    parser.add_argument("--env", action="append", choices=ENVIRONMENTS)
    parser.add_argument("--json", type=Path, help="also write the counts and every error here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="codegen-typing-") as tmp:
        harness = run_all(args.services, args.checker or CHECKERS, args.env or ENVIRONMENTS, Path(tmp))
        print(harness.table())
        if args.json:
            args.json.write_text(json.dumps(harness.summary(), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
