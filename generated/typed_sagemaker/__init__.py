"""Amazon SageMaker Service: a typed SDK for ListTrainingJobsForHyperParameterTuningJob.

Names are imported from their modules on first use, so the command line
(``python -m typed_sagemaker``) starts without loading the typed models.
Generated from the pinned botocore model by codegen; do not edit.
"""

from __future__ import annotations

import importlib
import typing

if typing.TYPE_CHECKING:
    from typed_sagemaker._runtime.responses import ResponseParseError
    from typed_sagemaker._runtime.shapes import (
        MissingMemberError,
        ResponseMetadata,
    )
    from typed_sagemaker.client import Client
    from typed_sagemaker.errors import (
        ServiceError,
        ResourceNotFound,
    )
    from typed_sagemaker.models import (
        FinalHyperParameterTuningJobObjectiveMetric,
        HyperParameterTrainingJobSummary,
        HyperParameterTuningJobObjectiveType,
        ListTrainingJobsForHyperParameterTuningJobRequest,
        ListTrainingJobsForHyperParameterTuningJobResponse,
        ObjectiveStatus,
        SortOrder,
        TrainingJobSortByOptions,
        TrainingJobStatus,
    )
    from typed_sagemaker.paginators import (
        ListTrainingJobsForHyperParameterTuningJobPaginator,
    )

# The distribution's version, and the model it was generated from.
__version__ = "0.1.0"
__botocore_version__ = "1.44.8"
__api_version__ = "2017-07-24"

__all__ = [
    "Client",
    "FinalHyperParameterTuningJobObjectiveMetric",
    "HyperParameterTrainingJobSummary",
    "HyperParameterTuningJobObjectiveType",
    "ListTrainingJobsForHyperParameterTuningJobPaginator",
    "ListTrainingJobsForHyperParameterTuningJobRequest",
    "ListTrainingJobsForHyperParameterTuningJobResponse",
    "MissingMemberError",
    "ObjectiveStatus",
    "ResourceNotFound",
    "ResponseMetadata",
    "ResponseParseError",
    "ServiceError",
    "SortOrder",
    "TrainingJobSortByOptions",
    "TrainingJobStatus",
]

_SUBMODULES = (
    "client",
    "errors",
    "models",
    "literals",
    "paginators",
    "cli",
)
# Where the names of __all__ are defined, in the order they are looked for.
_HOMES = (
    "models",
    "errors",
    "paginators",
    "client",
    "_runtime.shapes",
    "_runtime.responses",
)


def __getattr__(name: str) -> typing.Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    for module in _HOMES:
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name, None)
        if value is not None:
            globals()[name] = value
            return value
    raise AttributeError(name)  # pragma: no cover (every name of __all__ has a home)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_SUBMODULES})
