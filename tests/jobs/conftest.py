"""The package the tests in this directory use, generated once per session.

``typed_sagemaker_jobs`` is SageMaker's ``CreateTrainingJob``, ``DescribeTrainingJob`` and
``DescribeEndpoint`` (which have waiters: ``TrainingJobCompletedOrStopped``,
``EndpointInService``, ``EndpointDeleted``) and the paginated
``ListTrainingJobsForHyperParameterTuningJob``, synced from the installed botocore into a
temporary directory and generated there when this directory is collected. It is put on
``sys.path``, so the modules here import it as its users would (``training.py`` is such a
user's code, ``test_training.py`` its tests), and ``test_typing.py`` runs mypy over them.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from tests.fakes.fixtures import AwsEnv
from tests.helpers import generate, sync_installed

PACKAGE = "typed_sagemaker_jobs"
OPERATIONS = (
    "CreateTrainingJob",
    "DescribeEndpoint",
    "DescribeTrainingJob",
    "ListTrainingJobsForHyperParameterTuningJob",
)

ROOT = Path(tempfile.mkdtemp(prefix="typed-sagemaker-jobs-"))
atexit.register(shutil.rmtree, ROOT, ignore_errors=True)
SPECS = sync_installed(ROOT / "specs", "sagemaker", *OPERATIONS)
OUTPUT = ROOT / "out"
SERVICE = generate(SPECS, OUTPUT, PACKAGE)
sys.path.insert(0, str(OUTPUT))


@pytest.fixture(autouse=True)
def sealed(aws_env: AwsEnv) -> Iterator[AwsEnv]:
    """No profile, credentials or endpoint of the machine reaches these tests."""
    yield aws_env
