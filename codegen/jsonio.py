"""Stable JSON text: the same data always gives the same bytes, so a model update reads as a
small diff in review."""

from __future__ import annotations

import json
from typing import Any


def dumps_stable(data: Any) -> str:
    """Indented, non-ASCII kept as is, one trailing newline; key order is the caller's."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
