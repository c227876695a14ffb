"""CLI benchmark: the generated command line vs the AWS CLI v1, per call, same local endpoint.

    python bench/cli_speed.py [-n RUNS] [--args "..."] [--only sagemaker|shorthand]

Two cases, each run alternately as ``python -m awscli ...`` and ``python -m <package> ...``
subprocesses in a sealed environment; each checks once that both print the same bytes, then
prints the median wall time of each and their ratio (goal: >= 2.5). Asserts nothing:
machines here are noisy.

- ``sagemaker``: the fake SageMaker endpoint (tests/fakes) in a thread; this project's
  package (``generated/``), a full listing of the 25-job tuning job, three pages (``--args``
  changes the options).
- ``shorthand``: ``ec2 describe-instances --filters <shorthand>`` on ``moto_server`` holding a
  few instances, with an EC2 package generated here for that operation; the option values go
  through the shorthand parser (a list of structures, each with a list).

The generated packages are timed as ``pip install`` leaves them: copied with their bytecode
compiled, like the AWS CLI's in site-packages (PYTHONDONTWRITEBYTECODE would otherwise make
every run compile the CLI's modules from source).
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
FILTERS = ["--filters", "Name=instance-type,Values=t2.micro,t3.micro", "Name=tag:team,Values=cli,web"]


def sealed_environment(home: Path, package_dir: Path) -> dict[str, str]:
    """As tests/fakes' ``aws_env``: marker credentials, empty config files, a fresh HOME."""
    return sealed_environ(home, package_dir)


def installed_copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target / source.name)
    compileall.compile_dir(str(target / source.name), quiet=1)
    return target


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, check=True)
    return time.perf_counter() - start, done.stdout


def compare(name: str, aws: list[str], ours: list[str], env: dict[str, str], cwd: Path, runs: int) -> None:
    _, their_out = timed(aws, env, cwd)  # warm-up, and the same output
    _, our_out = timed(ours, env, cwd)
    if their_out != our_out:
        sys.exit(f"{name}: the two CLIs printed different output; fix that first")
    times: dict[str, list[float]] = {"aws": [], "ours": []}
    for _ in range(runs):  # alternate, so both see the same background load
        times["aws"].append(timed(aws, env, cwd)[0])
        times["ours"].append(timed(ours, env, cwd)[0])
    aws_median = statistics.median(times["aws"])
    our_median = statistics.median(times["ours"])
    print(f"{name}: {' '.join(ours[3:])}  ({len(our_out)} bytes of output, {runs} runs each)")
    print(f"  aws (python -m awscli)       median {aws_median * 1000:7.1f} ms   min {min(times['aws']) * 1000:7.1f} ms")
    print(f"  ours (python -m {ours[2]:<12}) median {our_median * 1000:7.1f} ms   min {min(times['ours']) * 1000:7.1f} ms")
    print(f"  ratio (aws / ours, medians): {aws_median / our_median:.2f}x")


def sagemaker_case(base: Path, runs: int, options: str) -> None:
    with FakeSageMakerServer() as server:
        (base / "home").mkdir()
        env = sealed_environment(base / "home", installed_copy(ROOT / "generated" / "typed_sagemaker", base / "site"))
        args = [COMMAND, *shlex.split(options), "--endpoint-url", server.endpoint_url]
        aws = [sys.executable, "-m", "awscli", "sagemaker", *args]
        ours = [sys.executable, "-m", "typed_sagemaker", *args]
        compare("sagemaker", aws, ours, env, base, runs)


def shorthand_case(base: Path, runs: int) -> None:
    from codegen.pipeline import generate_tree
    from codegen.write import write_tree
    from tests.helpers import sync_installed
    from tests.moto.server import running_moto_server

    spec_dir = sync_installed(base / "specs", "ec2", "DescribeInstances", "RunInstances")
    write_tree(base / "out", generate_tree(spec_dir, "typed_ec2", None))
    (base / "home-ec2").mkdir()
    env = sealed_environment(base / "home-ec2", installed_copy(base / "out" / "typed_ec2", base / "site-ec2"))
    with running_moto_server(base) as server:
        endpoint = ["--endpoint-url", server.url]
        for kind in ("t2.micro", "t3.micro", "m5.large"):
            subprocess.run(
                [sys.executable, "-m", "typed_ec2", "run-instances", "--image-id", "ami-12c6146b", "--count", "2",
                 "--instance-type", kind, "--tag-specifications",
                 "ResourceType=instance,Tags=[{Key=team,Value=cli}]", *endpoint],
                env=env, cwd=base, capture_output=True, check=True,
            )
        args = ["describe-instances", *FILTERS, "--query", "Reservations[].Instances[].[InstanceType, Tags]", *endpoint]
        aws = [sys.executable, "-m", "awscli", "ec2", *args]
        ours = [sys.executable, "-m", "typed_ec2", *args]
        compare("shorthand", aws, ours, env, base, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=15)
    parser.add_argument("--args", default=f"--hyper-parameter-tuning-job-name {DEFAULT_TUNING_JOB}",
                        help="options after the sagemaker command name (default: a three-page listing)")
    parser.add_argument("--only", choices=["sagemaker", "shorthand"])
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("sagemaker", "shorthand"):
            (Path(tmp) / name).mkdir()
        if options.only in (None, "sagemaker"):
            sagemaker_case(Path(tmp) / "sagemaker", options.runs, options.args)
        if options.only in (None, "shorthand"):
            shorthand_case(Path(tmp) / "shorthand", options.runs)


if __name__ == "__main__":
    main()
