"""How big the generator's cache grows over runs with a changing model (issue: it never shrank).

Syncs a whole service once, then runs ``codegen generate`` RUNS times, each after changing the
documentation of a few shapes and the package's output directory, and prints the cache's size
after each run, with the default limit and with a small one. Prints figures, never asserts.

    python bench/cache_growth.py [--service sagemaker] [--runs 20] [--limit-mb 50]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cache_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--service", default="sagemaker")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--limit-mb", type=float, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cache-growth-") as work:
        base = Path(work)
        specs = base / "specs"
        subprocess.run([sys.executable, "-m", "codegen", "sync", "--spec-dir", str(specs),
                        "--all-operations", args.service], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        (model_path,) = specs.glob(f"{args.service}/*/service-2.json")
        pristine = model_path.read_text()
        for label, limit in (("default limit", None), (f"limit {args.limit_mb:g} MB", args.limit_mb)):
            model_path.write_text(pristine)
            cache = base / f"cache-{label.split()[0]}"
            env = {**os.environ, "CODEGEN_CACHE_DIR": str(cache)}
            if limit is not None:
                env["CODEGEN_CACHE_MAX_MB"] = str(limit)
            rng = random.Random(0)
            sizes = []
            started = time.perf_counter()
            for run in range(args.runs):
                model = json.loads(model_path.read_text())
                for name in rng.sample(sorted(model["shapes"]), 3):
                    model["shapes"][name]["documentation"] = f"<p>Changed in run {run}.</p>"
                model_path.write_text(json.dumps(model))
                subprocess.run(
                    [sys.executable, "-m", "codegen", "generate", "--spec-dir", str(specs),
                     "--output", str(base / f"out{run % 2}"), "--package", "typed_bench"],
                    check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                )
                sizes.append(cache_size(cache))
            mb = [f"{size / (1 << 20):.1f}" for size in sizes]
            print(f"{args.service}, {args.runs} runs, {label}: cache MB after each run: {' '.join(mb)}")
            print(f"  final {sizes[-1] / (1 << 20):.1f} MB, largest {max(sizes) / (1 << 20):.1f} MB, "
                  f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
