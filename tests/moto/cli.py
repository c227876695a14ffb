"""The CLI differential harness: the real AWS CLI v1 (``python -m awscli``) and the generated
command line (``python -m typed_<service>``) on one ``moto_server``, command by command.

A workload (``tests/moto/cli_workloads/``) is a list of steps run in order on a fresh server:

- :class:`Setup`: state made through ``aws``; not compared.
- :class:`Same`: a command that leaves the state as it is (a read, or an error), run by both
  on the same state: stdout byte for byte, the exit status and the last line of stderr must
  be equal, and so must the files the command writes (``outputs``: a streamed ``outfile``).
- :class:`Write`: a command that changes the state, run by each on its own resources: the
  arguments' ``{w}`` is ``zqa`` for ``aws`` and ``zqo`` for ours (the same length, so tables
  keep their layout), and ours' output is compared with ``zqo`` read as ``zqa``. Then each
  ``readback`` command is run by ``aws`` for both resources, and what it prints must be equal:
  the stored result is the same, read by the oracle.

``{endpoint}`` in arguments is the server's URL (SQS queue URLs hold it), and ``<<name>>``
a value a setup step saved (``save``: an EC2 instance id). Values that
differ between any two calls (ids the server makes, times) are replaced before
comparing, by the step's ``mask`` patterns. Every comparison is a :class:`CliCase`; the count
per service is printed at the end of the run (``pytest_terminal_summary``).

Both run in a subprocess with a sealed environment (``tests.fakes.fixtures.sealed_environ``:
marker credentials, empty config files, a fresh ``HOME``) in a working directory of their own
that holds the step's input ``files``. awscli stays in subprocesses: importing it would make
``import botocore`` its bundled copy for the whole test process.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Union

import jmespath

from tests.fakes.fixtures import sealed_environ

WHO = {"aws": "zqa", "ours": "zqo"}


@dataclass(frozen=True)
class Setup:
    args: tuple[str, ...]
    files: Mapping[str, bytes] = field(default_factory=dict)
    save: Mapping[str, str] = field(default_factory=dict)  # name -> JMESPath into the output


@dataclass(frozen=True)
class Same:
    args: tuple[str, ...]
    files: Mapping[str, bytes] = field(default_factory=dict)
    outputs: tuple[str, ...] = ()  # files the command writes, compared byte for byte
    mask: tuple[str, ...] = ()  # regular expressions of what differs between two calls
    env: Mapping[str, str] = field(default_factory=dict)
    config: str = ""  # the AWS config file
    name: str = ""


@dataclass(frozen=True)
class Write:
    args: tuple[str, ...]  # ``{w}`` names this CLI's resources
    readback: tuple[tuple[str, ...], ...] = ()  # read by ``aws``, for each CLI's resources
    files: Mapping[str, bytes] = field(default_factory=dict)
    mask: tuple[str, ...] = ()
    name: str = ""


Step = Union[Setup, Same, Write]


@dataclass(frozen=True)
class CliWorkload:
    service: str  # botocore's name (the package is typed_<service>)
    steps: tuple[Step, ...]

    @property
    def cli(self) -> str:
        return {"s3": "s3api"}.get(self.service, self.service)


def C(*args: str, **kwargs: Any) -> Same:
    """A :class:`Same` step: ``C("list-queues", "--output", "text")``."""
    return Same(tuple(args), **kwargs)


def W(*args: str, readback: tuple[tuple[str, ...], ...] = (), **kwargs: Any) -> Write:
    return Write(tuple(args), readback, **kwargs)


def S(*args: str, **kwargs: Any) -> Setup:
    return Setup(tuple(args), **kwargs)


@dataclass
class Run:
    returncode: int
    stdout: bytes
    stderr: bytes
    outputs: dict[str, bytes | None]


@dataclass(frozen=True)
class CliCase:
    service: str
    step: int
    kind: str  # same, write, readback
    label: str  # the command line (as given, before {w} is filled in)
    passed: bool
    detail: str = ""

    def line(self) -> str:
        outcome = "pass" if self.passed else "FAIL"
        text = f"[{outcome}] {self.service} #{self.step} {self.kind}: {self.label}"
        return f"{text}\n        {self.detail}" if self.detail else text


CASES: list[CliCase] = []


def last_line(stderr: bytes) -> str:
    """The message line, without the program name argparse puts in front."""
    lines = stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
    return re.sub(r"^[\w.-]+: error: ", "error: ", lines[-1])


class CliRunner:
    """Runs one workload's steps against the server at ``url``."""

    def __init__(self, workload: CliWorkload, package_dir: Path, url: str, workdir: Path) -> None:
        self.workload = workload
        self.url = url
        self.workdir = workdir
        self.package_dir = package_dir
        self.programs = {
            "aws": [sys.executable, "-m", "awscli", workload.cli],
            "ours": [sys.executable, "-m", f"typed_{workload.service}"],
        }
        self._numbers = itertools.count(1)  # (thread-safe: one working directory per run)
        self.saved: dict[str, str] = {}  # what setup steps saved, used as <<name>>

    def run(self, who: str, args: tuple[str, ...], files: Mapping[str, bytes] = {},
            outputs: tuple[str, ...] = (), env: Mapping[str, str] = {}, config: str = "") -> Run:
        cwd = self.workdir / f"{next(self._numbers):04d}-{who}"
        cwd.mkdir(parents=True)
        for name, content in files.items():
            (cwd / name).write_bytes(content)
        environment = sealed_environ(cwd, self.package_dir, config=config)
        environment.update(env)
        args = tuple(self._saved(arg.replace("{endpoint}", self.url)) for arg in args)
        done = subprocess.run(
            [*self.programs[who], *args, "--endpoint-url", self.url],
            cwd=cwd, env=environment, capture_output=True, timeout=300,
        )
        written = {name: (cwd / name).read_bytes() if (cwd / name).is_file() else None for name in outputs}
        return Run(done.returncode, done.stdout, done.stderr, written)

    def _saved(self, arg: str) -> str:
        return re.sub(r"<<([\w.-]+)>>", lambda m: self.saved[m.group(1)], arg)

    def steps(self) -> list[CliCase]:
        cases: list[CliCase] = []
        for index, step in enumerate(self.workload.steps):
            if isinstance(step, Setup):
                done = self.run("aws", step.args, step.files)
                if done.returncode != 0:
                    raise RuntimeError(f"setup {' '.join(step.args)} failed: {done.stderr.decode()}")
                for name, query in step.save.items():
                    self.saved[name] = str(jmespath.search(query, json.loads(done.stdout)))
            elif isinstance(step, Same):
                cases.append(self._same(index, step))
            else:
                cases.extend(self._write(index, step))
        return cases

    def _case(self, index: int, kind: str, args: tuple[str, ...], problems: list[str]) -> CliCase:
        case = CliCase(self.workload.service, index, kind, " ".join(args), not problems, "; ".join(problems))
        CASES.append(case)
        return case

    def _both(self, first: Callable[[], Run], second: Callable[[], Run]) -> tuple[Run, Run]:
        """Two runs at once (on the same state, or on distinct resources)."""
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            one, two = pool.submit(first), pool.submit(second)
            return one.result(), two.result()

    def _same(self, index: int, step: Same) -> CliCase:
        theirs, ours = self._both(
            lambda: self.run("aws", step.args, step.files, step.outputs, step.env, step.config),
            lambda: self.run("ours", step.args, step.files, step.outputs, step.env, step.config),
        )
        return self._case(index, "same", step.args, compare(theirs, ours, step.mask))

    def _write(self, index: int, step: Write) -> list[CliCase]:
        theirs, ours = self._both(
            lambda: self.run("aws", _filled(step.args, "aws"), _filled_files(step.files, "aws")),
            lambda: self.run("ours", _filled(step.args, "ours"), _filled_files(step.files, "ours")),
        )
        cases = [self._case(index, "write", step.args, compare(theirs, _as_aws(ours), step.mask))]
        for readback in step.readback:
            stored = self._both(
                lambda: self.run("aws", _filled(readback, "aws")),
                lambda: self.run("aws", _filled(readback, "ours")),
            )
            problems = compare(stored[0], _as_aws(stored[1]), step.mask)
            if stored[0].returncode != 0:
                problems.append(f"the read back failed: {last_line(stored[0].stderr)}")
            cases.append(self._case(index, "readback", readback, problems))
        return cases


def _filled(args: tuple[str, ...], who: str) -> tuple[str, ...]:
    return tuple(arg.replace("{w}", WHO[who]) for arg in args)


def _filled_files(files: Mapping[str, bytes], who: str) -> dict[str, bytes]:
    return {name: content.replace(b"{w}", WHO[who].encode()) for name, content in files.items()}


def _as_aws(run: Run) -> Run:
    """Ours' run with its resource names read as aws's."""
    ours, theirs = WHO["ours"].encode(), WHO["aws"].encode()
    return Run(
        run.returncode, run.stdout.replace(ours, theirs), run.stderr.replace(ours, theirs),
        {k: v.replace(ours, theirs) if v is not None else None for k, v in run.outputs.items()},
    )


def _masked(data: bytes, mask: tuple[str, ...]) -> bytes:
    for pattern in mask:
        data = re.sub(pattern.encode(), b"<masked>", data)
    return data


def compare(theirs: Run, ours: Run, mask: tuple[str, ...] = ()) -> list[str]:
    """What differs between the two runs (nothing: the case passes)."""
    problems = []
    if ours.returncode != theirs.returncode:
        problems.append(f"exit status {ours.returncode}, aws {theirs.returncode}: {last_line(ours.stderr)!r}")
    mine, expected = _masked(ours.stdout, mask), _masked(theirs.stdout, mask)
    if mine != expected:
        problems.append(f"stdout differs: {_first_difference(expected, mine)}")
    if theirs.returncode != 0 and last_line(ours.stderr) != last_line(theirs.stderr):
        problems.append(f"stderr {last_line(ours.stderr)!r} != aws {last_line(theirs.stderr)!r}")
    for name, content in theirs.outputs.items():
        if ours.outputs.get(name) != content:
            problems.append(f"{name}: {ours.outputs.get(name)!r:.100} != aws {content!r:.100}")
    return problems


def _first_difference(expected: bytes, actual: bytes) -> str:
    theirs, ours = expected.split(b"\n"), actual.split(b"\n")
    for number, (a, b) in enumerate(zip(theirs, ours), 1):
        if a != b:
            return f"line {number}: ours {b[:200]!r}, aws {a[:200]!r}"
    return f"ours has {len(ours)} lines, aws {len(theirs)}"


def summary(cases: list[CliCase]) -> list[str]:
    counts: Counter[tuple[str, bool]] = Counter((c.service, c.passed) for c in cases)
    services = sorted({c.service for c in cases})
    lines = [f"{'service':<10} {'cases':>6} {'pass':>6} {'fail':>6}"]
    for service in services:
        passed, failed = counts[(service, True)], counts[(service, False)]
        lines.append(f"{service:<10} {passed + failed:>6} {passed:>6} {failed:>6}")
    total_pass = sum(c.passed for c in cases)
    lines.append(f"{'total':<10} {len(cases):>6} {total_pass:>6} {len(cases) - total_pass:>6}")
    return lines


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not CASES:
        return
    terminalreporter.section("moto CLI differential: aws vs the generated command line")
    for line in summary(CASES):
        terminalreporter.write_line(line)
