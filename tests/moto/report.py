"""What the harness found: every comparison is a :class:`Case`; the table of cases per
protocol and service, and the timings, are printed at the end of the run (a
``pytest_terminal_summary`` hook: this module is loaded as a plugin by
``tests/test_moto_sdk.py``). ``MOTO_REPORT_JSON=path`` also writes every case as JSON.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

OUTCOMES = ("pass", "fail", "skip", "broken")  # broken: the oracle (boto3 on moto) failed


@dataclass(frozen=True)
class Case:
    service: str
    protocol: str
    workload: str
    step: int  # index of the step in its workload
    label: str  # what was compared: "GetQueueUrl", "ListQueues pages (max_items=2)"
    kind: str  # read, write-response, write-effect, twin, error, pages, items, full-result, resume-token
    outcome: str
    detail: str = ""

    def line(self) -> str:
        text = f"[{self.outcome}] {self.workload} #{self.step} {self.kind}: {self.label}"
        return f"{text}\n        {self.detail}" if self.detail else text


CASES: list[Case] = []
TIMINGS: dict[str, float] = {}


def record(case: Case) -> Case:
    CASES.append(case)
    return case


def time_spent(what: str, seconds: float) -> None:
    TIMINGS[what] = TIMINGS.get(what, 0.0) + seconds


def table(cases: list[Case]) -> list[str]:
    counts: Counter[tuple[str, str, str]] = Counter((c.protocol, c.service, c.outcome) for c in cases)
    rows = sorted({(c.protocol, c.service) for c in cases})
    lines = [f"{'protocol':<10} {'service':<10} " + " ".join(f"{o:>6}" for o in ("cases", *OUTCOMES))]
    for protocol, service in rows:
        numbers = [counts[(protocol, service, o)] for o in OUTCOMES]
        lines.append(f"{protocol:<10} {service:<10} " + " ".join(f"{n:>6}" for n in (sum(numbers), *numbers)))
    totals = [sum(1 for c in cases if c.outcome == o) for o in OUTCOMES]
    lines.append(f"{'total':<21} " + " ".join(f"{n:>6}" for n in (sum(totals), *totals)))
    return lines


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not CASES:
        return
    write = terminalreporter.write_line
    terminalreporter.section("moto differential harness: boto3 vs the typed client")
    for line in table(CASES):
        write(line)
    if TIMINGS:
        write("")
        for what, seconds in TIMINGS.items():
            write(f"{what:<45} {seconds:7.2f} s")
    path = os.environ.get("MOTO_REPORT_JSON")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump({"cases": [asdict(c) for c in CASES], "timings": TIMINGS}, out, indent=1)
        write(f"cases written to {path}")
