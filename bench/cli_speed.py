"""CLI benchmark: the generated command line vs the AWS CLI v1, per call, same local endpoint.

    python bench/cli_speed.py [-n RUNS] [--args "..."]

Starts the fake SageMaker endpoint (tests/fakes) in a thread, then runs, alternately,
``python -m awscli sagemaker <command> ...`` and ``python -m typed_sagemaker <command> ...``
(default: a full listing of the 25-job tuning job, three pages) as subprocesses in a sealed
environment, checks once that both print the same bytes, and prints the median wall time of
each and their ratio (goal: >= 2.5). Asserts nothing: machines here are noisy.

The generated package is timed as ``pip install`` leaves it: a copy of generated/ with its
bytecode compiled, like the AWS CLI's in site-packages (PYTHONDONTWRITEBYTECODE would otherwise
make every run compile the CLI's modules from source).
"""

from __future__ import annotations

import argparse
import compileall
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes.fixtures import sealed_environ  # noqa: E402
from tests.fakes.sagemaker_server import DEFAULT_TUNING_JOB, FakeSageMakerServer  # noqa: E402

COMMAND = "list-training-jobs-for-hyper-parameter-tuning-job"


def sealed_environment(home: Path, package_dir: Path) -> dict[str, str]:
    """As tests/fakes' ``aws_env``: marker credentials, empty config files, a fresh HOME."""
    return sealed_environ(home, package_dir)


def installed_copy(target: Path) -> Path:
    shutil.copytree(ROOT / "generated" / "typed_sagemaker", target / "typed_sagemaker")
    compileall.compile_dir(str(target / "typed_sagemaker"), quiet=1)
    return target


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, check=True)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=15)
    parser.add_argument("--args", default=f"--hyper-parameter-tuning-job-name {DEFAULT_TUNING_JOB}",
                        help="options after the command name (default: a three-page listing)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp, FakeSageMakerServer() as server:
        base = Path(tmp)
        (base / "home").mkdir()
        env = sealed_environment(base / "home", installed_copy(base / "site"))
        args = [COMMAND, *shlex.split(options.args), "--endpoint-url", server.endpoint_url]
        aws = [sys.executable, "-m", "awscli", "sagemaker", *args]
        ours = [sys.executable, "-m", "typed_sagemaker", *args]

        _, their_out = timed(aws, env, base)  # warm-up, and the same output
        _, our_out = timed(ours, env, base)
        if their_out != our_out:
            sys.exit("the two CLIs printed different output; fix that first")
        requests_per_call = server.requests // 2

        times: dict[str, list[float]] = {"aws": [], "ours": []}
        for _ in range(options.runs):  # alternate, so both see the same background load
            times["aws"].append(timed(aws, env, base)[0])
            times["ours"].append(timed(ours, env, base)[0])

    aws_median = statistics.median(times["aws"])
    our_median = statistics.median(times["ours"])
    print(f"command: {COMMAND} {options.args}  ({requests_per_call} requests per call, "
          f"{len(our_out)} bytes of output, {options.runs} runs each)")
    print(f"aws (python -m awscli)         median {aws_median * 1000:7.1f} ms   "
          f"min {min(times['aws']) * 1000:7.1f} ms")
    print(f"typed-sagemaker (python -m)    median {our_median * 1000:7.1f} ms   "
          f"min {min(times['ours']) * 1000:7.1f} ms")
    print(f"ratio (aws / typed-sagemaker, medians): {aws_median / our_median:.2f}x")


if __name__ == "__main__":
    main()
