"""Where a model comes from: the installed botocore, or a directory shaped like its ``data/``."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import attrs
import botocore
from botocore.exceptions import DataNotFoundError, UnknownServiceError
from botocore.loaders import Loader

from codegen.errors import CodegenError


@attrs.frozen
class ModelSource:
    """A botocore data source, described the way the manifest records it."""

    loader: Loader
    kind: str  # "installed botocore" or "botocore data directory"
    botocore_version: str

    @classmethod
    def installed(cls) -> "ModelSource":
        return cls(Loader(), "installed botocore", botocore.__version__)

    @classmethod
    def data_directory(cls, path: Path) -> "ModelSource":
        if not path.is_dir():
            raise CodegenError("--botocore-data", f"{path} is not a directory")
        loader = Loader(extra_search_paths=[str(path)], include_default_search_paths=False)
        return cls(loader, "botocore data directory", _version_beside(path))


def _version_beside(data_dir: Path) -> str:
    """botocore's version when ``data_dir`` is the ``data/`` folder of a botocore package."""
    init = data_dir.parent / "__init__.py"
    try:
        match = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", init.read_text(), re.M)
    except OSError:
        return "unknown"
    return match.group(1) if match else "unknown"


def canonical_sha256(data: Any) -> str:
    """A checksum of the model's content, independent of file compression and whitespace."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_service(source: ModelSource, service: str) -> tuple[str, dict[str, Any]]:
    """The latest API version of ``service`` and its service-2 model."""
    try:
        api_version = source.loader.determine_latest_version(service, "service-2")
        model = source.loader.load_service_model(service, "service-2", api_version)
    except (UnknownServiceError, DataNotFoundError):
        raise CodegenError(f"service {service!r}", f"not found in the {source.kind}") from None
    except ValueError as exc:  # invalid JSON in a data file
        raise CodegenError(f"{service}/service-2.json", f"invalid JSON: {exc}") from None
    except RecursionError:
        raise CodegenError(f"{service}/service-2.json", "JSON nested too deeply to read") from None
    return api_version, model


def load_optional(
    source: ModelSource, service: str, type_name: str, api_version: str
) -> dict[str, Any] | None:
    """A companion model file (paginators, endpoint rules), or None when botocore has none."""
    try:
        return source.loader.load_service_model(service, type_name, api_version)
    except (UnknownServiceError, DataNotFoundError):
        return None
    except ValueError as exc:
        raise CodegenError(f"{service}/{type_name}.json", f"invalid JSON: {exc}") from None
    except RecursionError:
        raise CodegenError(f"{service}/{type_name}.json", "JSON nested too deeply to read") from None


def all_operations(source: ModelSource, service: str) -> tuple[str, ...]:
    """Every operation of the service's latest model, in model order."""
    _, model = load_service(source, service)
    operations = model.get("operations")
    if not isinstance(operations, dict):
        raise CodegenError(f"{service}/service-2.json: operations", "must be an object")
    return tuple(operations)
