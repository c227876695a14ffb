"""The CLI harness's pytest plugin (``pytest_plugins`` of ``tests/test_moto_cli.py``): the
``moto_server`` and package fixtures, and the count of cases per service at the end."""

from tests.moto.cli import pytest_terminal_summary
from tests.moto.server import moto_server
from tests.moto.typed import typed_package_factory

__all__ = ["moto_server", "pytest_terminal_summary", "typed_package_factory"]
