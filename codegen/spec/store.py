"""The spec directory: a botocore-shaped data tree plus a manifest.

Layout (usable directly as a botocore data path)::

    specs/manifest.json
    specs/<service>/<api-version>/service-2.json
    specs/<service>/<api-version>/paginators-1.json
    specs/<service>/<api-version>/waiters-2.json
    specs/<service>/<api-version>/endpoint-rule-set-1.json   (when botocore has one)

The manifest records, per service, the waiters left out of the slice because the operation
they poll is not in it (``waiters_left_out``: waiter name -> operation).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Mapping

import attrs

from codegen.errors import CodegenError, json_path
from codegen.release import parse
from codegen.safeio import FileRefused, read_regular
from codegen.jsonio import dumps_stable
from codegen.spec.slicing import slice_paginators, slice_service, slice_waiters
from codegen.spec.source import ModelSource, canonical_sha256, load_optional, load_service
from codegen.spec.validate import WAITER_VERSION, check_paginators, check_text, check_waiters
from codegen.write import Tree

MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1


def no_waiters() -> dict[str, Any]:
    """The waiters-2 table of a slice whose operations have no waiter."""
    return {"version": WAITER_VERSION, "waiters": {}}


@attrs.frozen
class ServiceSpec:
    """One service's pinned snapshot, as read back from a spec directory."""

    service_name: str
    api_version: str
    operations: tuple[str, ...]
    model: dict[str, Any]
    paginators: dict[str, Any]
    endpoint_rules: dict[str, Any] | None
    files: dict[str, bytes]  # relative path under the spec dir -> bytes, for shipping as data
    waiters: dict[str, Any] = attrs.field(factory=no_waiters)  # waiters-2.json


@attrs.frozen
class Snapshot:
    manifest: dict[str, Any]
    services: tuple[ServiceSpec, ...]

    @property
    def package_version(self) -> str | None:
        """The generated package's version, as the last re-pin recorded it (``codegen.release``);
        None in a manifest written before versions were recorded."""
        version = self.manifest.get("package_version")
        return version if isinstance(version, str) else None

    @property
    def botocore_version(self) -> str | None:
        """The version of botocore whose model this is."""
        source = self.manifest.get("source")
        version = source.get("botocore_version") if isinstance(source, dict) else None
        return version if isinstance(version, str) else None


def build_snapshot_tree(
    source: ModelSource, selection: Mapping[str, tuple[str, ...]], package_version: str | None = None
) -> Tree:
    """The files of a spec directory for the selected operations of each service (service ->
    operations), from ``source``; ``package_version`` is recorded for the generated package."""
    files: dict[str, bytes] = {}
    services: dict[str, Any] = {}
    for service, operations in sorted(selection.items()):
        service_files, services[service] = _service_snapshot(source, service, operations)
        files.update(service_files)
    manifest = {
        "format": MANIFEST_FORMAT,
        "source": {"kind": source.kind, "botocore_version": source.botocore_version},
        "services": services,
    }
    if package_version is not None:
        manifest["package_version"] = package_version
    files[MANIFEST] = dumps_stable(manifest).encode()
    return files


def manifest_services(spec_dir: Path) -> list[str]:
    """The services a spec directory holds, by its manifest (checked by ``read_snapshot``)."""
    manifest = _read_json(spec_dir / MANIFEST, str(spec_dir / MANIFEST), spec_dir)
    services = manifest.get("services") if isinstance(manifest, dict) else None
    return sorted(services) if isinstance(services, dict) else []


def _service_snapshot(
    source: ModelSource, service: str, operations: tuple[str, ...]
) -> tuple[dict[str, bytes], dict[str, Any]]:
    """The spec files of one service and its manifest entry."""
    if not operations:
        raise CodegenError("operations", "name at least one operation")
    api_version, model = load_service(source, service)
    sliced = slice_service(model, service, operations)
    paginators_source = load_optional(source, service, "paginators-1", api_version)
    check_paginators(paginators_source or {}, f"{service}/paginators-1.json", operations)
    paginators = slice_paginators(paginators_source, operations)
    waiters_source = load_optional(source, service, "waiters-2", api_version)
    check_waiters(waiters_source or no_waiters(), f"{service}/waiters-2.json", operations)
    waiters, waiters_left_out = slice_waiters(waiters_source, operations)
    rules = load_optional(source, service, "endpoint-rule-set-1", api_version)

    base = f"{service}/{api_version}"
    files: dict[str, bytes] = {
        f"{base}/service-2.json": dumps_stable(sliced).encode(),
        f"{base}/paginators-1.json": dumps_stable(paginators).encode(),
        f"{base}/waiters-2.json": dumps_stable(waiters).encode(),
    }
    checksums = {
        "service-2.json": canonical_sha256(model),
        "paginators-1.json": canonical_sha256(paginators_source) if paginators_source else None,
        "waiters-2.json": canonical_sha256(waiters_source) if waiters_source else None,
    }
    if rules is not None:
        files[f"{base}/endpoint-rule-set-1.json"] = dumps_stable(rules).encode()
        checksums["endpoint-rule-set-1.json"] = canonical_sha256(rules)
    entry = {
        "api_version": api_version,
        "operations": sorted(dict.fromkeys(operations)),
        "source_sha256": checksums,
        "waiters_left_out": waiters_left_out,
    }
    return files, entry


# The largest model botocore ships is about 6 MB of JSON; a spec file past this is refused
# before it is read (a link to /dev/zero, or a file grown by mistake).
SPEC_FILE_LIMIT = 64 << 20


def _read_file(path: Path, where: str, spec_dir: Path) -> bytes:
    """A spec file's bytes: a regular file inside the spec directory (links may point
    elsewhere inside it), at most ``SPEC_FILE_LIMIT`` bytes."""
    try:
        return read_regular(path, SPEC_FILE_LIMIT, within=spec_dir)
    except FileNotFoundError:
        raise CodegenError(where, "file not found") from None
    except FileRefused as exc:
        raise CodegenError(where, f"refused: {exc.reason}") from None
    except OSError as exc:
        raise CodegenError(where, f"cannot read: {exc.strerror or exc}") from None


def _read_json(path: Path, where: str, spec_dir: Path, raw: bytes | None = None) -> Any:
    raw = _read_file(path, where, spec_dir) if raw is None else raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CodegenError(where, f"cannot read: {exc}") from None
    if not text.strip():
        raise CodegenError(where, "empty file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CodegenError(f"{where}:{exc.lineno}:{exc.colno}", f"invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise CodegenError(where, "JSON nested too deeply to read") from None
    except ValueError as exc:  # e.g. an integer longer than Python converts (4300 digits)
        raise CodegenError(where, f"invalid JSON: {exc}") from None
    check_text(data, text, where)
    return data


# A service name or API version becomes a directory of the spec dir and of the generated
# package's data: one plain path segment (botocore's are ``sagemaker``, ``2017-07-24``).
_PATH_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _segment(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _PATH_SEGMENT.fullmatch(value) or ".." in value:
        raise CodegenError(where, f"{value!r} is not a plain directory name (letters, digits, '.', '_', '-')")
    return value


def read_snapshot(spec_dir: Path) -> Snapshot:
    """Read a spec directory back, checking the shape of what the generator relies on."""
    manifest = _read_json(spec_dir / MANIFEST, str(spec_dir / MANIFEST), spec_dir)
    where = str(spec_dir / MANIFEST)
    if not isinstance(manifest, dict) or not isinstance(manifest.get("services"), dict):
        raise CodegenError(f"{where}: services", "must be an object")
    if "package_version" in manifest:
        version = manifest["package_version"]
        if not isinstance(version, str):
            raise CodegenError(f"{where}: package_version", "must be a string")
        parse(version, f"{where}: package_version")
    services = []
    for name, entry in sorted(manifest["services"].items()):
        _segment(name, f"{where}: {json_path('services', name)}")
        if not isinstance(entry, dict) or not isinstance(entry.get("api_version"), str):
            raise CodegenError(f"{where}: {json_path('services', name, 'api_version')}", "must be a string")
        _segment(entry["api_version"], f"{where}: {json_path('services', name, 'api_version')}")
        operations = entry.get("operations")
        if not isinstance(operations, list) or not all(isinstance(o, str) for o in operations):
            raise CodegenError(f"{where}: {json_path('services', name, 'operations')}", "must be a list of strings")
        if not operations:
            raise CodegenError(f"{where}: {json_path('services', name, 'operations')}", "name at least one operation")
        base = f"{name}/{entry['api_version']}"
        files: dict[str, bytes] = {}
        parsed: dict[str, Any] = {}
        for file in ("service-2.json", "paginators-1.json", "waiters-2.json", "endpoint-rule-set-1.json"):
            path = spec_dir / base / file
            if file == "service-2.json" or os.path.lexists(path):
                files[f"{base}/{file}"] = raw = _read_file(path, str(path), spec_dir)
                parsed[file] = _read_json(path, str(path), spec_dir, raw)
        model = parsed["service-2.json"]
        paginators = parsed.get("paginators-1.json", {"pagination": {}})
        rules = parsed.get("endpoint-rule-set-1.json")
        waiters = parsed["waiters-2.json"] if "waiters-2.json" in parsed else no_waiters()
        services.append(
            ServiceSpec(name, entry["api_version"], tuple(operations), model, paginators, rules, files, waiters)
        )
    return Snapshot(manifest, tuple(services))
