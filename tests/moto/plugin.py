"""The harness's pytest plugin (``pytest_plugins`` of ``tests/test_moto_sdk.py``): the
``moto_server`` and typed-package fixtures and the summary table at the end of the run."""

from tests.moto.report import pytest_terminal_summary
from tests.moto.server import moto_server
from tests.moto.typed import typed_package_factory, typed_service

__all__ = ["moto_server", "pytest_terminal_summary", "typed_package_factory", "typed_service"]
