"""The generator and what it generates, as installed wheels outside any checkout.

The wheels are built without build isolation (nothing is fetched), and installed into a fresh
virtual environment that reaches this environment's third-party packages through a ``.pth``
line (so nothing is downloaded either) but not this checkout: ``codegen`` and the generated
package are imported from the wheels or not at all.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from codegen.commands import main
from codegen.pipeline import generate_tree
from tests.helpers import ROOT, sync_installed

SERVICE, OPERATIONS = "sagemaker", ("DescribeTrainingJob", "ListTrainingJobs")


def _run(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _wheel(source: Path, into: Path) -> Path:
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
          "--wheel-dir", str(into), str(source)], cwd=into)
    (wheel,) = [p for p in into.glob("*.whl")]
    return wheel


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment seeing this one's third-party packages, not this checkout."""
    root = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    python = root / "bin" / "python"
    purelib = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=root).strip())
    ours = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (purelib / "zz_dependencies.pth").write_text("\n".join(ours) + "\n")
    return root


def _install(venv: Path, wheel: Path) -> None:
    _run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
          "--no-deps", "--no-index", "--force-reinstall", str(wheel)], cwd=wheel.parent)


def _clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "AWS_", "CODEGEN_"))}
    env.update(HOME=str(home), CODEGEN_CACHE_DIR=str(home / "cache"), AWS_DEFAULT_REGION="us-east-1",
               AWS_ACCESS_KEY_ID="a", AWS_SECRET_ACCESS_KEY="b", AWS_EC2_METADATA_DISABLED="true")
    return env


def test_the_generator_installs_from_a_wheel_and_generates_outside_the_checkout(venv: Path, tmp_path: Path) -> None:
    # Built from a copy of what the wheel is made of, so the build leaves nothing in the checkout.
    source = tmp_path / "source"
    shutil.copytree(ROOT / "codegen", source / "codegen", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    _install(venv, _wheel(source, wheels))
    python, env = venv / "bin" / "python", _clean_env(tmp_path / "home")
    project = tmp_path / "elsewhere"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        f'[tool.codegen]\nservice = "{SERVICE}"\noperations = {json.dumps(list(OPERATIONS))}\n'
        'package = "typed_jobs"\n'
    )
    where = _run([str(python), "-c", "import codegen; print(codegen.__file__)"], cwd=project, env=env)
    assert Path(where.strip()).is_relative_to(venv) and not Path(where.strip()).is_relative_to(ROOT)
    # The templates and the runtime modules are package data of the wheel.
    _run([str(venv / "bin" / "codegen"), "sync"], cwd=project, env=env)
    _run([str(venv / "bin" / "codegen"), "generate"], cwd=project, env=env)
    _run([str(venv / "bin" / "codegen"), "generate", "--check"], cwd=project, env=env)
    # Byte for byte what this checkout's generator gives.
    assert _tree(project / "generated") == dict(generate_tree(project / "specs", "typed_jobs"))
    # The templates' compiled code is package data too: the installed generator compiles none
    # (when it was written for this Jinja, which is not pinned: tests/test_shipped.py).
    if json.loads((ROOT / "codegen" / "render" / "shipped.json").read_text())["jinja2"] == jinja2.__version__:
        _run([str(python), "-c", SHIPPED_USED], cwd=project, env=env)


SHIPPED_USED = """
from codegen.render.environment import python_environment, text_environment
from codegen.render.shipped import environment_kind
from codegen.render.templates import builtin_names
envs = {"python": python_environment(), "text": text_environment()}
for env in envs.values():
    env.compile = None  # loading a template that is not shipped would call it
for name in sorted(builtin_names()):
    envs[environment_kind(name)].get_template(name)
"""


def _tree(root: Path) -> dict[str, bytes]:
    from codegen.write import read_tree

    return read_tree(root)


SMOKE = """
import datetime, sys
import typed_jobs
from typed_jobs import Client, DescribeTrainingJobResponse, TrainingJobStatus
from typed_jobs.testing import Stubber

assert typed_jobs.__file__.startswith(sys.prefix), typed_jobs.__file__
print(typed_jobs.__version__, typed_jobs.__botocore_version__, typed_jobs.__api_version__)
client = Client(region_name="us-east-1")
response = DescribeTrainingJobResponse(
    training_job_name="job", training_job_arn="arn:aws:sagemaker:us-east-1:1:training-job/job",
    model_artifacts=typed_jobs.ModelArtifacts(s3_model_artifacts="s3://bucket/model.tar.gz"),
    training_job_status=TrainingJobStatus.COMPLETED,
    secondary_status=typed_jobs.SecondaryStatus.COMPLETED,
    algorithm_specification=typed_jobs.AlgorithmSpecification(training_input_mode=typed_jobs.TrainingInputMode.FILE),
    resource_config=typed_jobs.ResourceConfig(volume_size_in_gb=1),
    stopping_condition=typed_jobs.StoppingCondition(),
    creation_time=datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc),
)
with Stubber(client) as stubber:
    stubber.add_response("describe_training_job", response, training_job_name="job")
    got = client.describe_training_job(training_job_name="job")
assert got.training_job_status is TrainingJobStatus.COMPLETED, got
print("ok")
"""


def test_the_generated_package_installs_from_its_wheel_and_runs(venv: Path, tmp_path: Path) -> None:
    specs = sync_installed(tmp_path / "specs", SERVICE, *OPERATIONS)
    output = tmp_path / "generated"
    assert main(["generate", "--spec-dir", str(specs), "--output", str(output), "--package", "typed_jobs",
                 "--no-cache"]) == 0
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    wheel = _wheel(output, wheels)
    _install(venv, wheel)
    env = _clean_env(tmp_path / "home")
    (tmp_path / "home").mkdir()
    out = _run([str(venv / "bin" / "python"), "-c", SMOKE], cwd=tmp_path / "home", env=env)
    assert out.splitlines()[-1] == "ok"
    version = _run([str(venv / "bin" / "typed-jobs"), "--version"], cwd=tmp_path / "home", env=env)
    assert version.startswith("typed-jobs/0.1.0 ")
    helped = _run([str(venv / "bin" / "typed-jobs"), "describe-training-job", "help"], cwd=tmp_path / "home",
                  env={**env, "PAGER": "cat", "MANPAGER": "cat"})
    assert "describe-training-job" in helped

    # pip built the wheel inside the output: what it left there never makes --check fail.
    assert (output / "build").is_dir() and list(output.glob("*.egg-info"))
    assert main(["generate", "--check", "--spec-dir", str(specs), "--output", str(output),
                 "--package", "typed_jobs", "--no-cache"]) == 0
    # ... and the next generation replaces the tree (taking the leftovers with the old one).
    assert main(["generate", "--spec-dir", str(specs), "--output", str(output), "--package", "typed_jobs"]) == 0
