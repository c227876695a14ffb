"""Reusing what an output directory already holds: a service's files are taken from it as they
are when the run that wrote them had exactly the same inputs.

The cache's ``outputs`` entry for a directory (``codegen.cache``) records, for each service's
part of the tree, the digest of its inputs and the digest of the files written for them. A
part is reused only if both still match: same inputs now, and the files on disk are still
those bytes. An unchanged project thus regenerates without rendering anything, and a model
update to one service of many renders only that service. ``--check`` never reuses: it renders
everything, so it cannot be told "up to date" by a cache.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from codegen.cache import Cache, digest
from codegen.pipeline import Generated, Reuse
from codegen.write import Tree


def tree_digest(tree: Mapping[str, bytes]) -> str:
    return digest(*(part for path in sorted(tree) for part in (path, tree[path])))


class OutputRecord:
    """What the cache remembers of the last run that wrote ``output``."""

    def __init__(self, cache: Cache, output: Path) -> None:
        self._cache = cache
        self._output = os.path.realpath(output)
        self._name = digest("outputs", self._output)
        data = cache.read("outputs", self._name)
        services = data.get("services") if isinstance(data, dict) else None
        self._services: dict[str, list[str]] = {
            prefix: entry
            for prefix, entry in (services.items() if isinstance(services, dict) else ())
            if isinstance(prefix, str)
            and isinstance(entry, list)
            and len(entry) == 2
            and all(isinstance(part, str) for part in entry)
        }

    def reuse(self, current: Mapping[str, bytes]) -> Reuse:
        """Hands back a service's part of ``current`` (the output as it is) when it may be
        reused for the inputs asked about."""

        def reused(prefix: str, inputs: str) -> Tree | None:
            recorded = self._services.get(prefix)
            if recorded is None or recorded[0] != inputs:
                return None
            part = {p[len(prefix):]: c for p, c in current.items() if p.startswith(prefix)}
            return part if part and tree_digest(part) == recorded[1] else None

        return reused

    def save(self, generated: Generated) -> None:
        services = {}
        for prefix, inputs in generated.inputs.items():
            part = {p[len(prefix):]: c for p, c in generated.tree.items() if p.startswith(prefix)}
            services[prefix] = [inputs, tree_digest(part)]
        if services != self._services:
            self._cache.write("outputs", self._name, {"output": self._output, "services": services})
