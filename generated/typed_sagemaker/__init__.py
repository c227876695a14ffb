"""Amazon SageMaker Service: a typed SDK for ListTrainingJobsForHyperParameterTuningJob.

Names are imported from their modules on first use, so the command line
(``python -m typed_sagemaker``) starts without loading the typed models.
Generated from the pinned botocore model by codegen; do not edit.
"""

from __future__ import annotations

import importlib
import typing

if typing.TYPE_CHECKING:
    from typed_sagemaker._runtime import MissingMemberError, ResponseParseError
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
    "ResponseParseError",
    "ServiceError",
    "SortOrder",
    "TrainingJobSortByOptions",
    "TrainingJobStatus",
]

_MODULES = {
    "Client": "client",
    "MissingMemberError": "_runtime",
    "ResponseParseError": "_runtime",
    "ServiceError": "errors",
    "ResourceNotFound": "errors",
    "FinalHyperParameterTuningJobObjectiveMetric": "models",
    "HyperParameterTrainingJobSummary": "models",
    "HyperParameterTuningJobObjectiveType": "models",
    "ListTrainingJobsForHyperParameterTuningJobRequest": "models",
    "ListTrainingJobsForHyperParameterTuningJobResponse": "models",
    "ObjectiveStatus": "models",
    "SortOrder": "models",
    "TrainingJobSortByOptions": "models",
    "TrainingJobStatus": "models",
    "ListTrainingJobsForHyperParameterTuningJobPaginator": "paginators",
}


_SUBMODULES = ("client", "errors", "models", "paginators", "cli")


def __getattr__(name: str) -> typing.Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES, *_SUBMODULES})
