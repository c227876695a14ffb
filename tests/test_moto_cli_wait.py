"""``wait`` of the generated command line against the real AWS CLI v1 on ``moto_server``,
whole-service packages (``tests/moto/cli_workloads/waiters.py``): S3's bucket and object
waiters, DynamoDB's table waiters, EC2's instance and VPC waiters, each run by ``aws`` and by
``typed-<service>`` on the same state (``tests/moto/cli.py`` describes the harness).

Opt-in (the ``moto`` marker; needs ``moto[server]`` and ``awscli``, the oracle)::

    python -m pytest tests/test_moto_cli_wait.py -m moto
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("awscli", reason="the AWS CLI v1 (pip install awscli) is the oracle")
pytest.importorskip("moto.server")
pytest.importorskip("flask")  # moto's server extra

from tests.moto.cli import CliRunner, CliWorkload  # noqa: E402
from tests.moto.cli_workloads.waiters import WAIT_WORKLOADS  # noqa: E402
from tests.moto.server import MotoServer  # noqa: E402
from tests.moto.typed import PackageFactory  # noqa: E402

pytestmark = pytest.mark.moto
pytest_plugins = ["tests.moto.cli_plugin"]


@pytest.mark.parametrize("workload", WAIT_WORKLOADS, ids=lambda w: w.service)
def test_wait_is_the_aws_clis_on_moto(
    workload: CliWorkload, moto_server: MotoServer, typed_package_factory: PackageFactory, tmp_path: Path
) -> None:
    package = typed_package_factory.get(workload.service)
    moto_server.reset()
    cases = CliRunner(workload, package.output, moto_server.url, tmp_path).steps()
    assert len(cases) == sum(1 for step in workload.steps if type(step).__name__ == "Same")
    failed = [case for case in cases if not case.passed]
    if failed:
        lines = "\n".join(case.line() for case in failed)
        pytest.fail(f"{len(failed)} of {len(cases)} cases differ:\n{lines}", pytrace=False)
