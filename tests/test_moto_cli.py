"""The generated command line against the real AWS CLI v1 on ``moto_server``, whole services.

For the protocol sample (S3 rest-xml, DynamoDB and SSM json, SQS json with query-compatible
errors, SNS, IAM and STS query, EC2 ec2), each workload of ``tests/moto/cli_workloads/`` runs
``aws <service> ...`` and ``typed-<service> ...`` on the same server: reads and writes in the
json, text and table formats, ``--query``, the paging options, shorthand, ``file://`` and
streamed arguments and outfiles, and errors. stdout bytes, the exit status, the last line of
stderr and, for writes, the stored result read back through ``aws`` must be equal
(``tests/moto/cli.py`` describes the harness). The count of cases per service is printed at
the end of the run.

Opt-in (the ``moto`` marker; needs ``moto[server]`` and ``awscli``, the oracle)::

    python -m pytest tests/test_moto_cli.py -m moto
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("awscli", reason="the AWS CLI v1 (pip install awscli) is the oracle")
pytest.importorskip("moto.server")
pytest.importorskip("flask")  # moto's server extra

from tests.moto.cli import CliRunner, CliWorkload  # noqa: E402
from tests.moto.cli_workloads import WORKLOADS  # noqa: E402
from tests.moto.server import MotoServer  # noqa: E402
from tests.moto.typed import PackageFactory  # noqa: E402

pytestmark = pytest.mark.moto
pytest_plugins = ["tests.moto.cli_plugin"]


@pytest.mark.parametrize("workload", WORKLOADS, ids=lambda w: w.service)
def test_the_generated_cli_is_the_aws_cli_on_moto(
    workload: CliWorkload, moto_server: MotoServer, typed_package_factory: PackageFactory, tmp_path: Path
) -> None:
    package = typed_package_factory.get(workload.service)
    moto_server.reset()
    cases = CliRunner(workload, package.output, moto_server.url, tmp_path).steps()
    failed = [case for case in cases if not case.passed]
    if failed:
        lines = "\n".join(case.line() for case in failed)
        pytest.fail(f"{len(failed)} of {len(cases)} cases differ:\n{lines}", pytrace=False)


def test_the_comparison_sees_every_kind_of_difference() -> None:
    """The harness's verdict is not vacuous: stdout, exit status, the last stderr line and a
    written file each make a case fail, and masks hide only what they match."""
    from tests.moto.cli import Run, compare

    base = Run(0, b'{\n    "Id": "i-0123456789abcdef0"\n}\n', b"", {"out.txt": b"data"})
    assert compare(base, base) == []
    for other in (
        Run(255, base.stdout, b"\nAn error occurred\n", base.outputs),
        Run(0, base.stdout.replace(b"Id", b"ID"), b"", base.outputs),
        Run(0, base.stdout, b"", {"out.txt": b"dat"}),
        Run(0, base.stdout, b"", {"out.txt": None}),
    ):
        assert compare(base, other), other
    failing = Run(255, b"", b"\nmessage one\n", {})
    assert compare(failing, Run(255, b"", b"\nmessage two\n", {}))
    other_id = Run(0, base.stdout.replace(b"0123456789abcdef0", b"fedcba98765432100"), b"", base.outputs)
    assert compare(base, other_id)
    assert compare(base, other_id, mask=(r"i-[0-9a-f]{17}",)) == []
