"""pytest plugin: a local fake SageMaker endpoint and a sealed AWS environment.

Loaded by ``pytest_plugins = ["tests.fakes.fixtures"]`` in ``tests/conftest.py``.

Fixtures
--------
``aws_env`` (function scope)
    Removes every ``AWS_*`` / ``BOTO*`` variable and proxy variable, then sets marker
    credentials (``MARKER_ACCESS_KEY`` / ``MARKER_SECRET_KEY``), ``AWS_DEFAULT_REGION=us-east-1``,
    ``AWS_CONFIG_FILE`` / ``AWS_SHARED_CREDENTIALS_FILE`` to empty files and ``HOME`` to a fresh
    directory (so ``~/.aws/models`` and friends are not read), ``AWS_EC2_METADATA_DISABLED=true``
    and ``NO_PROXY=127.0.0.1,localhost``. Yields an :class:`AwsEnv`. Retry settings are left at
    botocore's defaults (legacy mode, 5 attempts): set ``AWS_MAX_ATTEMPTS=1`` in a test that
    provokes 5xx responses and must stay fast.
``sagemaker_server`` (function scope: every test gets a fresh dataset, request log and port)
    A started :class:`~tests.fakes.sagemaker_server.FakeSageMakerServer` serving
    ``make_dataset()``; stopped afterwards. Starting one costs about a millisecond.
``sagemaker_client`` (function scope)
    A stock botocore SageMaker client for ``sagemaker_server`` inside ``aws_env``; see
    :func:`make_botocore_client`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.fakes.sagemaker_server import FakeSageMakerServer, make_dataset

MARKER_ACCESS_KEY = "AKIDMARKER0000000000"
MARKER_SECRET_KEY = "SECRETMARKER-do-not-print"
MARKER_REGION = "us-east-1"
ROOT = Path(__file__).resolve().parents[2]

_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


def sealed_environ(home: Path, python_path: Path, config: str = "") -> dict[str, str]:
    """For a subprocess, what ``aws_env`` sets up: ``os.environ`` without any ``AWS_*``,
    ``BOTO*`` or proxy variable, marker credentials, config files (``config`` as the config
    file's text) and ``HOME`` under ``home``, and ``PYTHONPATH`` set to ``python_path``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.upper().startswith(("AWS_", "BOTO")) and key.upper() not in _PROXY_VARIABLES
    }
    (home / "config").write_text(config)
    (home / "credentials").write_text("")
    env.update(
        AWS_ACCESS_KEY_ID=MARKER_ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY=MARKER_SECRET_KEY,
        AWS_DEFAULT_REGION=MARKER_REGION,
        AWS_CONFIG_FILE=str(home / "config"),
        AWS_SHARED_CREDENTIALS_FILE=str(home / "credentials"),
        AWS_EC2_METADATA_DISABLED="true",
        HOME=str(home),
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
        PYTHONPATH=str(python_path),
    )
    return env


@dataclass(frozen=True)
class AwsEnv:
    access_key: str
    secret_key: str
    region: str
    config_file: Path
    credentials_file: Path
    home: Path

    def as_environ(self) -> dict[str, str]:
        """A copy of ``os.environ`` as set up (handy for ``subprocess.run(env=...)``)."""
        return dict(os.environ)


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AwsEnv]:
    # Its own directory, so the test's tmp_path stays empty.
    base = tmp_path_factory.mktemp("aws-env")
    home = base / "home"
    home.mkdir()
    config_file = base / "config"
    credentials_file = base / "credentials"
    config_file.write_text("")
    credentials_file.write_text("")

    for key in list(os.environ):
        upper = key.upper()
        if upper.startswith("AWS_") or upper.startswith("BOTO") or upper in _PROXY_VARIABLES:
            monkeypatch.delenv(key, raising=False)
    env = {
        "AWS_ACCESS_KEY_ID": MARKER_ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": MARKER_SECRET_KEY,
        "AWS_DEFAULT_REGION": MARKER_REGION,
        "AWS_CONFIG_FILE": str(config_file),
        "AWS_SHARED_CREDENTIALS_FILE": str(credentials_file),
        "AWS_EC2_METADATA_DISABLED": "true",
        "HOME": str(home),
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    yield AwsEnv(
        access_key=MARKER_ACCESS_KEY,
        secret_key=MARKER_SECRET_KEY,
        region=MARKER_REGION,
        config_file=config_file,
        credentials_file=credentials_file,
        home=home,
    )


@pytest.fixture
def sagemaker_server() -> Iterator[FakeSageMakerServer]:
    with FakeSageMakerServer(make_dataset()) as server:
        yield server


_LOADER: Any = None


def make_botocore_client(endpoint_url: str, **client_kwargs: Any) -> Any:
    """``botocore.session.get_session().create_client('sagemaker', ...)`` against ``endpoint_url``
    with the marker credentials and region. Stock botocore; the only difference from a plain
    session is a loader shared between calls (botocore's own, built with no extra data path),
    which makes creating a client ~10x cheaper. Call it inside ``aws_env``."""
    import botocore.loaders
    import botocore.session

    global _LOADER
    if _LOADER is None:
        _LOADER = botocore.loaders.create_loader()
    session = botocore.session.get_session()
    session.register_component("data_loader", _LOADER)
    kwargs: dict[str, Any] = {
        "endpoint_url": endpoint_url,
        "region_name": MARKER_REGION,
        "aws_access_key_id": MARKER_ACCESS_KEY,
        "aws_secret_access_key": MARKER_SECRET_KEY,
    }
    kwargs.update(client_kwargs)
    return session.create_client("sagemaker", **kwargs)


@pytest.fixture
def sagemaker_client(aws_env: AwsEnv, sagemaker_server: FakeSageMakerServer) -> Iterator[Any]:
    client = make_botocore_client(sagemaker_server.endpoint_url)
    try:
        yield client
    finally:
        client.close()
