"""Amazon SageMaker Service: a typed SDK for ListTrainingJobsForHyperParameterTuningJob.

Generated from the pinned botocore model by codegen; do not edit.
"""

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
    "ObjectiveStatus",
    "ResourceNotFound",
    "ServiceError",
    "SortOrder",
    "TrainingJobSortByOptions",
    "TrainingJobStatus",
]
