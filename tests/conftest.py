"""Shared test configuration: the local SageMaker endpoint (``tests/fakes``) is a plugin."""

from pathlib import Path

_FAKES = Path(__file__).parent / "fakes" / "fixtures.py"

pytest_plugins = ["tests.fakes.fixtures"] if _FAKES.exists() else []
