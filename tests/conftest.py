"""Shared test configuration.

``generated/`` is put on ``sys.path`` so the committed package is what the SDK tests import,
and the local SageMaker endpoint (``tests/fakes``) is loaded as a pytest plugin.
"""

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(_ROOT / "generated"))

pytest_plugins = ["tests.fakes.fixtures"]
