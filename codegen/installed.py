"""Installed distributions, found without importing them.

Importing black costs some 0.15 s and ``importlib.metadata`` some 60 ms; a run whose code is
all in the cache needs neither, only black's version (part of every cache key) and, for the
no-change path (``codegen.stamp``), the versions of the libraries whose output lands in the
tree. Both are in the name of the distribution's ``.dist-info`` directory beside the package,
which one directory listing finds. Why by hand: ``importlib.metadata`` reads the same
directories, but imports ``email`` and scans every entry of ``sys.path`` to do it.
"""

from __future__ import annotations

import importlib.util
import os


def dist_info(name: str, listings: dict[str, list[str]] | None = None) -> tuple[str, str] | None:
    """The site directory the top-level package ``name`` is installed in and the name of its
    one ``.dist-info`` directory there (``black-26.10.1.dist-info``); None when it is not a
    package installed that way (missing, a single module, an editable checkout, two
    metadata directories). ``listings`` keeps directory listings across calls."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin or not spec.submodule_search_locations:
        return None
    site = os.path.dirname(os.path.dirname(spec.origin))
    if listings is None:
        listings = {}
    if site not in listings:
        try:
            listings[site] = os.listdir(site)
        except OSError:
            return None
    matches = [
        entry
        for entry in listings[site]
        if entry.endswith(".dist-info") and entry.split("-", 1)[0].lower().replace(".", "_") == name
    ]
    return (site, matches[0]) if len(matches) == 1 else None


def version(name: str) -> str | None:
    """The installed version of the package ``name`` (see ``dist_info``), or None."""
    found = dist_info(name)
    if found is None:
        return None
    parts = found[1].removesuffix(".dist-info").split("-")
    return parts[1] if len(parts) == 2 else None
