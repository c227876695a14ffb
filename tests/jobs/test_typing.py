"""``mypy --strict`` accepts the user's code and tests (``training.py``, ``test_training.py``)
with the generated package, and rejects each mistake in ``typing_mistakes.py`` where it is
made: a misspelt waiter, a response of another operation, an error the operation does not
have, a wait on the wrong fields."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT
from tests.jobs.conftest import OUTPUT, PACKAGE

HERE = Path(__file__).parent
MARKED = re.compile(r"#\s*error:\s*([a-z-]+)")


def mypy(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(OUTPUT / "pyproject.toml"),
         "--cache-dir", str(OUTPUT.parent / ".mypy_cache"), "--show-error-codes", "--no-pretty",
         str(OUTPUT / PACKAGE), *map(str, files)],
        cwd=ROOT, capture_output=True, text=True, env={"MYPYPATH": str(OUTPUT), "PATH": ""},
    )


def test_the_user_s_code_and_tests_pass_mypy_strict_and_each_mistake_is_caught() -> None:
    mistakes = HERE / "typing_mistakes.py"
    run = mypy(HERE / "training.py", HERE / "test_training.py", mistakes)
    expected = {
        (number, match.group(1))
        for number, line in enumerate(mistakes.read_text().splitlines(), 1)
        if (match := MARKED.search(line))
    }
    found = set()
    unexpected = []
    for line in run.stdout.splitlines():
        hit = re.match(r"(?P<file>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[a-z-]+)\]$", line)
        if hit is None:
            continue
        if Path(hit["file"]).name == mistakes.name:
            found.add((int(hit["line"]), hit["code"]))
        else:
            unexpected.append(line)
    assert unexpected == [], run.stdout
    assert len(expected) == 14
    assert found == expected, run.stdout
