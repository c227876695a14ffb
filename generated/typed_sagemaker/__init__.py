"""Amazon SageMaker Service: a typed SDK for ListTrainingJobsForHyperParameterTuningJob.

Generated from the pinned botocore model by codegen; do not edit.
"""

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

__all__ = [
    "FinalHyperParameterTuningJobObjectiveMetric",
    "HyperParameterTrainingJobSummary",
    "HyperParameterTuningJobObjectiveType",
    "ListTrainingJobsForHyperParameterTuningJobRequest",
    "ListTrainingJobsForHyperParameterTuningJobResponse",
    "ObjectiveStatus",
    "SortOrder",
    "TrainingJobSortByOptions",
    "TrainingJobStatus",
]
