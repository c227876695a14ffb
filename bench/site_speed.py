"""Site benchmark: `codegen docs` over whole SageMaker (every operation of the installed
botocore), and the size of its largest pages.

    python bench/site_speed.py [--jobs auto|N] [--spec-dir DIR] [--runs N]

Syncs and generates whole SageMaker into a temp dir (or reads a synced ``--spec-dir``), then
builds the site with ``codegen docs`` ``--runs`` times and prints, per run, the wall time, the
CPU time of Sphinx's processes and the machine's load; then the page count and the largest HTML
files. Goal: under a minute on this 2-core machine. Asserts nothing: machines here are noisy.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def codegen(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "codegen", *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", default="auto")
    parser.add_argument("--spec-dir", type=Path)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="site-speed-") as tmp:
        work = Path(tmp)
        specs = args.spec_dir or work / "specs"
        if args.spec_dir is None:
            codegen("sync", "--spec-dir", str(specs), "--all-operations", "sagemaker", cwd=work)
        codegen("generate", "--spec-dir", str(specs), "--output", str(work / "out"), "--package", "typed_sagemaker_all", cwd=work)
        site = work / "site"
        for run in range(1, args.runs + 1):
            load = os.getloadavg()[0]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.monotonic()
            codegen("docs", "--docs-dir", str(work / "out" / "docs"), "--output", str(site), "--jobs", args.jobs, cwd=work)
            wall = time.monotonic() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            print(f"run {run}: {wall:.1f} s wall, {cpu:.1f} s CPU, -j {args.jobs}, load {load:.1f} at start")
        pages = sorted(site.rglob("*.html"), key=lambda p: -p.stat().st_size)
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        print(f"{len(pages)} pages, {total / 1e6:.1f} MB; largest HTML files:")
        for page in pages[:5]:
            print(f"  {page.stat().st_size:>9,}  {page.relative_to(site)}")
        index = site / "searchindex.js"
        print(f"  {index.stat().st_size:>9,}  searchindex.js (loaded by the search page only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
