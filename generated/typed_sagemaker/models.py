"""Request, response and nested shapes of Amazon SageMaker Service.

Generated from the pinned model by codegen; do not edit.
"""

from __future__ import annotations

import datetime
import typing

import attrs

from typed_sagemaker._runtime import shapes as _shapes
from typed_sagemaker import literals as _literals

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


class TrainingJobStatus(_shapes.WireEnum):
    """Values of ``TrainingJobStatus``.

    A value the model does not list arrives as an unknown member (``.is_unknown``); ``TrainingJobStatus("NewValue")`` sends one.
    """

    IN_PROGRESS = "InProgress"
    COMPLETED = "Completed"
    FAILED = "Failed"
    STOPPING = "Stopping"
    STOPPED = "Stopped"
    DELETING = "Deleting"


class TrainingJobSortByOptions(_shapes.WireEnum):
    """Values of ``TrainingJobSortByOptions``.

    A value the model does not list arrives as an unknown member (``.is_unknown``); ``TrainingJobSortByOptions("NewValue")`` sends one.
    """

    NAME = "Name"
    CREATION_TIME = "CreationTime"
    STATUS = "Status"
    FINAL_OBJECTIVE_METRIC_VALUE = "FinalObjectiveMetricValue"


class SortOrder(_shapes.WireEnum):
    """Values of ``SortOrder``.

    A value the model does not list arrives as an unknown member (``.is_unknown``); ``SortOrder("NewValue")`` sends one.
    """

    ASCENDING = "Ascending"
    DESCENDING = "Descending"


class HyperParameterTuningJobObjectiveType(_shapes.WireEnum):
    """Values of ``HyperParameterTuningJobObjectiveType``.

    A value the model does not list arrives as an unknown member (``.is_unknown``); ``HyperParameterTuningJobObjectiveType("NewValue")`` sends one.
    """

    MAXIMIZE = "Maximize"
    MINIMIZE = "Minimize"


class ObjectiveStatus(_shapes.WireEnum):
    """Values of ``ObjectiveStatus``.

    A value the model does not list arrives as an unknown member (``.is_unknown``); ``ObjectiveStatus("NewValue")`` sends one.
    """

    SUCCEEDED = "Succeeded"
    PENDING = "Pending"
    FAILED = "Failed"


@attrs.frozen(kw_only=True)
class ListTrainingJobsForHyperParameterTuningJobRequest(_shapes.Shape):
    """The ``ListTrainingJobsForHyperParameterTuningJobRequest`` shape.

    :ivar hyper_parameter_tuning_job_name: ``HyperParameterTuningJobName`` (required; ``str``; min 1, max 32, pattern ``[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}``)

        The name of the tuning job whose training jobs you want to list.
    :ivar next_token: ``NextToken`` (optional; ``str``; min 0, max 8192, pattern ``.*``)

        If the result of the previous ``ListTrainingJobsForHyperParameterTuningJob`` request was truncated, the response includes a ``NextToken``. To retrieve the next set of training jobs, use the token in the next request.
    :ivar max_results: ``MaxResults`` (optional; ``int``; min 1, max 100)

        The maximum number of training jobs to return. The default value is 10.
    :ivar status_equals: ``StatusEquals`` (optional; ``TrainingJobStatus``; one of ``InProgress``, ``Completed``, ``Failed``, ``Stopping``, ``Stopped``, ``Deleting``)

        A filter that returns only training jobs with the specified status.
    :ivar sort_by: ``SortBy`` (optional; ``TrainingJobSortByOptions``; one of ``Name``, ``CreationTime``, ``Status``, ``FinalObjectiveMetricValue``)

        The field to sort results by. The default is ``Name``.

        If the value of this field is ``FinalObjectiveMetricValue``, any training jobs that did not return an objective metric are not listed.
    :ivar sort_order: ``SortOrder`` (optional; ``SortOrder``; one of ``Ascending``, ``Descending``)

        The sort order for results. The default is ``Ascending``.
    """

    hyper_parameter_tuning_job_name: str
    next_token: str | None = None
    max_results: int | None = None
    status_equals: TrainingJobStatus | _literals.TrainingJobStatus | None = None
    sort_by: TrainingJobSortByOptions | _literals.TrainingJobSortByOptions | None = None
    sort_order: SortOrder | _literals.SortOrder | None = None


@attrs.frozen(kw_only=True)
class FinalHyperParameterTuningJobObjectiveMetric(_shapes.Shape):
    """Shows the latest objective metric emitted by a training job that was launched by a hyperparameter tuning job. You define the objective metric in the ``HyperParameterTuningJobObjective`` parameter of `HyperParameterTuningJobConfig <https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_HyperParameterTuningJobConfig.html>`__.

    :ivar type_: ``Type`` (optional; ``HyperParameterTuningJobObjectiveType``; one of ``Maximize``, ``Minimize``)

        Select if you want to minimize or maximize the objective metric during hyperparameter tuning.
    :ivar metric_name: ``MetricName`` (required; ``str``; min 1, max 255, pattern ``.+``)

        The name of the objective metric. For SageMaker built-in algorithms, metrics are defined per algorithm. See the `metrics for XGBoost <https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost-tuning.html>`__ as an example. You can also use a custom algorithm for training and define your own metrics. For more information, see `Define metrics and environment variables <https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-define-metrics-variables.html>`__.
    :ivar value: ``Value`` (required; ``float``)

        The value of the objective metric.
    """

    type_: HyperParameterTuningJobObjectiveType | None = None
    metric_name: str
    value: float


@attrs.frozen(kw_only=True)
class HyperParameterTrainingJobSummary(_shapes.Shape):
    """The container for the summary information about a training job.

    :ivar training_job_definition_name: ``TrainingJobDefinitionName`` (optional; ``str``; min 1, max 64, pattern ``[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}``)

        The training job definition name.
    :ivar training_job_name: ``TrainingJobName`` (required; ``str``; min 1, max 63, pattern ``[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}``)

        The name of the training job.
    :ivar training_job_arn: ``TrainingJobArn`` (required; ``str``; min 0, max 256, pattern ``arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:training-job/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}``)

        The Amazon Resource Name (ARN) of the training job.
    :ivar tuning_job_name: ``TuningJobName`` (optional; ``str``; min 1, max 32, pattern ``[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}``)

        The HyperParameter tuning job that launched the training job.
    :ivar creation_time: ``CreationTime`` (required; ``datetime.datetime``)

        The date and time that the training job was created.
    :ivar training_start_time: ``TrainingStartTime`` (optional; ``datetime.datetime``)

        The date and time that the training job started.
    :ivar training_end_time: ``TrainingEndTime`` (optional; ``datetime.datetime``)

        Specifies the time when the training job ends on training instances. You are billed for the time interval between the value of ``TrainingStartTime`` and this time. For successful jobs and stopped jobs, this is the time after model artifacts are uploaded. For failed jobs, this is the time when SageMaker detects a job failure.
    :ivar training_job_status: ``TrainingJobStatus`` (required; ``TrainingJobStatus``; one of ``InProgress``, ``Completed``, ``Failed``, ``Stopping``, ``Stopped``, ``Deleting``)

        The status of the training job.
    :ivar tuned_hyper_parameters: ``TunedHyperParameters`` (required; ``dict[str, str]``; min 0, max 100)

        A list of the hyperparameters for which you specified ranges to search.
    :ivar failure_reason: ``FailureReason`` (optional; ``str``; min 0, max 1024)

        The reason that the training job failed.
    :ivar final_hyper_parameter_tuning_job_objective_metric: ``FinalHyperParameterTuningJobObjectiveMetric`` (optional; ``FinalHyperParameterTuningJobObjectiveMetric``)

        The `FinalHyperParameterTuningJobObjectiveMetric <https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_FinalHyperParameterTuningJobObjectiveMetric.html>`__ object that specifies the value of the objective metric of the tuning job that launched this training job.
    :ivar objective_status: ``ObjectiveStatus`` (optional; ``ObjectiveStatus``; one of ``Succeeded``, ``Pending``, ``Failed``)

        The status of the objective metric for the training job:

        * Succeeded: The final objective metric for the training job was evaluated by the hyperparameter tuning job and used in the hyperparameter tuning process.

        * Pending: The training job is in progress and evaluation of its final objective metric is pending.

        * Failed: The final objective metric for the training job was not evaluated, and was not used in the hyperparameter tuning process. This typically occurs when the training job failed or did not emit an objective metric.
    """

    training_job_definition_name: str | None = None
    training_job_name: str
    training_job_arn: str
    tuning_job_name: str | None = None
    creation_time: datetime.datetime
    training_start_time: datetime.datetime | None = None
    training_end_time: datetime.datetime | None = None
    training_job_status: TrainingJobStatus
    tuned_hyper_parameters: dict[str, str]
    failure_reason: str | None = None
    final_hyper_parameter_tuning_job_objective_metric: (
        FinalHyperParameterTuningJobObjectiveMetric | None
    ) = None
    objective_status: ObjectiveStatus | None = None


@attrs.frozen(kw_only=True)
class ListTrainingJobsForHyperParameterTuningJobResponse(_shapes.Shape):
    """The ``ListTrainingJobsForHyperParameterTuningJobResponse`` shape.

    :ivar training_job_summaries: ``TrainingJobSummaries`` (required; ``list[HyperParameterTrainingJobSummary]``)

        A list of `TrainingJobSummary <https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrainingJobSummary.html>`__ objects that describe the training jobs that the ``ListTrainingJobsForHyperParameterTuningJob`` request returned.
    :ivar next_token: ``NextToken`` (optional; ``str``; min 0, max 8192, pattern ``.*``)

        If the result of this ``ListTrainingJobsForHyperParameterTuningJob`` request was truncated, the response includes a ``NextToken``. To retrieve the next set of training jobs, use the token in the next request.
    """

    training_job_summaries: list[HyperParameterTrainingJobSummary]
    next_token: str | None = None
