"""Every service of the installed botocore generates, formats, imports and passes the smoke check
(``tests/smoke.py``) when synced with all its operations. Opt-in: ``pytest -m catalog``.

Each service runs in a fresh interpreter (``python -m tests.smoke run SERVICE WORKDIR``:
``codegen sync --all-operations``, ``codegen generate``, then the smoke check), two at a time,
largest first. The test prints a table (service, operations, shapes, lines of Python, seconds,
result) and fails if any service fails; the output of a failed service is kept under the test's
temporary directory.

Environment:

* ``CATALOG_SERVICES=sts,sagemaker``: only these services;
* ``CATALOG_WORKERS=N``: services in parallel (default 2);
* ``CATALOG_FORMAT=ruff``: ``codegen generate --formatter ruff`` instead of black (much faster);
* ``CATALOG_FORMAT=identity``: no formatting at all (the code is still parsed), for a quick survey;
* ``CATALOG_REPORT=path``: also write the rows as JSON lines there;
* ``CATALOG_TIMEOUT=seconds``: per service (default 1800).

With black, the format cache (``$CODEGEN_CACHE_DIR`` or ``~/.cache/botocore-codegen``) is used
only when ``CODEGEN_CACHE_DIR`` is set: a whole catalog of trees does not belong in ``~/.cache``.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import botocore
import pytest
from botocore.loaders import Loader

from tests.smoke import ROOT, CatalogRow

pytestmark = pytest.mark.catalog


def selected_services() -> list[str]:
    available = Loader().list_available_services("service-2")
    wanted = [s.strip() for s in os.environ.get("CATALOG_SERVICES", "").split(",") if s.strip()]
    unknown = sorted(set(wanted) - set(available))
    assert not unknown, f"CATALOG_SERVICES names services botocore does not have: {unknown}"
    return wanted or available


def model_size(service: str) -> int:
    """The size of the service's model files in botocore (to start the largest first)."""
    data = Path(botocore.__file__).parent / "data" / service
    return sum(p.stat().st_size for p in data.glob("*/service-2.json*"))


def run_one(service: str, workdir: Path, formatter: str, cache: bool, timeout: float) -> CatalogRow:
    command = [sys.executable, "-m", "tests.smoke", "run", service, str(workdir), "--format", formatter]
    if not cache:
        command.append("--no-cache")
    started = time.monotonic()
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return CatalogRow(service, seconds=round(time.monotonic() - started, 1),
                          result=f"FAILED: timed out after {timeout:.0f} s")
    lines = done.stdout.strip().splitlines()
    try:
        return CatalogRow(**json.loads(lines[-1]))
    except (IndexError, ValueError, TypeError):
        tail = " | ".join(done.stderr.strip().splitlines()[-3:])
        return CatalogRow(service, seconds=round(time.monotonic() - started, 1),
                          result=f"FAILED: exit status {done.returncode}: {tail}")


def table(rows: list[CatalogRow]) -> str:
    header = ("service", "operations", "shapes", "lines", "seconds", "result")
    cells = [header] + [
        (r.service, str(r.operations), str(r.shapes), str(r.python_lines), f"{r.seconds:.1f}", r.result)
        for r in rows
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header) - 1)]
    return "\n".join(
        "  ".join([*(c[i].ljust(widths[i]) if i == 0 else c[i].rjust(widths[i]) for i in range(len(widths))), c[-1]])
        for c in cells
    )


def test_every_service_generates_and_passes_the_smoke_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = sorted(selected_services(), key=model_size, reverse=True)
    workers = int(os.environ.get("CATALOG_WORKERS", "2"))
    formatter = os.environ.get("CATALOG_FORMAT", "black")
    assert formatter in ("black", "ruff", "identity"), f"CATALOG_FORMAT={formatter!r}: black, ruff or identity"
    cache = formatter != "identity" and bool(os.environ.get("CODEGEN_CACHE_DIR"))
    timeout = float(os.environ.get("CATALOG_TIMEOUT", "1800"))
    started = time.monotonic()
    rows: list[CatalogRow] = []
    report_path = os.environ.get("CATALOG_REPORT")
    report = open(report_path, "w", encoding="utf-8") if report_path else None
    try:
        with concurrent.futures.ThreadPoolExecutor(workers) as pool:
            futures = [
                pool.submit(run_one, service, tmp_path / service, formatter, cache, timeout)
                for service in services
            ]
            for future in concurrent.futures.as_completed(futures):
                row = future.result()
                rows.append(row)
                if report:
                    report.write(json.dumps(asdict(row)) + "\n")
                    report.flush()
    finally:
        if report:
            report.close()
    rows.sort(key=lambda r: r.service)
    failed = [r for r in rows if not r.ok]
    noted = [r for r in rows if r.notes]
    summary = (
        f"{len(rows)} services (formatter: {formatter}), "
        f"{len(rows) - len(failed)} ok, {len(failed)} failed, "
        f"{sum(r.operations for r in rows)} operations, {sum(r.python_lines for r in rows)} lines, "
        f"{time.monotonic() - started:.0f} s wall, {sum(r.seconds for r in rows):.0f} s of work"
    )
    notes = [f"  {r.service}: {note}" for r in noted for note in r.notes]
    with capsys.disabled():
        print("\n" + table(rows))
        if notes:
            print(f"\nnotes ({len(notes)}; event streams are skipped by design):")
            print("\n".join(notes))
        for row in failed:
            print(f"\n{row.service}: {row.result}")
            print("\n".join(f"  {p}" for p in row.problems[:10]))
        print("\n" + summary)
    if failed:
        pytest.fail(summary + "; failed: " + ", ".join(r.service for r in failed), pytrace=False)

