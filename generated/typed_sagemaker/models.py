"""Request, response and nested shapes of Amazon SageMaker Service.

Generated from the pinned model by codegen; do not edit.
"""

from __future__ import annotations

import datetime
import typing

import attrs

from typed_sagemaker import _runtime

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


class TrainingJobStatus(_runtime.WireEnum):
    """Values of ``TrainingJobStatus``.

    A value the model does not list arrives as a plain ``str``."""

    IN_PROGRESS = "InProgress"
    COMPLETED = "Completed"
    FAILED = "Failed"
    STOPPING = "Stopping"
    STOPPED = "Stopped"
    DELETING = "Deleting"


class TrainingJobSortByOptions(_runtime.WireEnum):
    """Values of ``TrainingJobSortByOptions``.

    A value the model does not list arrives as a plain ``str``."""

    NAME = "Name"
    CREATION_TIME = "CreationTime"
    STATUS = "Status"
    FINAL_OBJECTIVE_METRIC_VALUE = "FinalObjectiveMetricValue"


class SortOrder(_runtime.WireEnum):
    """Values of ``SortOrder``.

    A value the model does not list arrives as a plain ``str``."""

    ASCENDING = "Ascending"
    DESCENDING = "Descending"


class HyperParameterTuningJobObjectiveType(_runtime.WireEnum):
    """Values of ``HyperParameterTuningJobObjectiveType``.

    A value the model does not list arrives as a plain ``str``."""

    MAXIMIZE = "Maximize"
    MINIMIZE = "Minimize"


class ObjectiveStatus(_runtime.WireEnum):
    """Values of ``ObjectiveStatus``.

    A value the model does not list arrives as a plain ``str``."""

    SUCCEEDED = "Succeeded"
    PENDING = "Pending"
    FAILED = "Failed"


@attrs.frozen(kw_only=True)
class ListTrainingJobsForHyperParameterTuningJobRequest:
    """The ``ListTrainingJobsForHyperParameterTuningJobRequest`` shape.

    :ivar hyper_parameter_tuning_job_name: ``HyperParameterTuningJobName`` (required; ``str``; min 1, max 32, pattern ``[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}``)

        The name of the tuning job whose training jobs you want to list.
    :ivar next_token: ``NextToken`` (optional; ``str``; min 0, max 8192, pattern ``.*``)

        If the result of the previous ``ListTrainingJobsForHyperParameterTuningJob`` request was truncated, the response includes a ``NextToken``. To retrieve the next set of training jobs, use the token in the next request.
    :ivar max_results: ``MaxResults`` (optional; ``int``; min 1, max 100)

        The maximum number of training jobs to return. The default value is 10.
    :ivar status_equals: ``StatusEquals`` (optional; ``TrainingJobStatus | str``; one of ``InProgress``, ``Completed``, ``Failed``, ``Stopping``, ``Stopped``, ``Deleting``)

        A filter that returns only training jobs with the specified status.
    :ivar sort_by: ``SortBy`` (optional; ``TrainingJobSortByOptions | str``; one of ``Name``, ``CreationTime``, ``Status``, ``FinalObjectiveMetricValue``)

        The field to sort results by. The default is ``Name``.

        If the value of this field is ``FinalObjectiveMetricValue``, any training jobs that did not return an objective metric are not listed.
    :ivar sort_order: ``SortOrder`` (optional; ``SortOrder | str``; one of ``Ascending``, ``Descending``)

        The sort order for results. The default is ``Ascending``."""

    hyper_parameter_tuning_job_name: str
    next_token: str | None = None
    max_results: int | None = None
    status_equals: TrainingJobStatus | str | None = None
    sort_by: TrainingJobSortByOptions | str | None = None
    sort_order: SortOrder | str | None = None

    def to_botocore(self) -> dict[str, typing.Any]:
        """This value as botocore parameters: the members that are set, in model order."""
        params: dict[str, typing.Any] = {}
        if self.hyper_parameter_tuning_job_name is not None:
            params["HyperParameterTuningJobName"] = self.hyper_parameter_tuning_job_name
        if self.next_token is not None:
            params["NextToken"] = self.next_token
        if self.max_results is not None:
            params["MaxResults"] = self.max_results
        if self.status_equals is not None:
            params["StatusEquals"] = _runtime.enum_value(self.status_equals)
        if self.sort_by is not None:
            params["SortBy"] = _runtime.enum_value(self.sort_by)
        if self.sort_order is not None:
            params["SortOrder"] = _runtime.enum_value(self.sort_order)
        return params

    @classmethod
    def from_botocore(
        cls, data: typing.Mapping[str, typing.Any]
    ) -> ListTrainingJobsForHyperParameterTuningJobRequest:
        """Build from botocore's parsed form.

        Members the model does not know are ignored; a member it requires but the data lacks
        raises ``MissingMemberError`` naming it.
        """
        return cls(
            hyper_parameter_tuning_job_name=_runtime.required(
                data,
                "HyperParameterTuningJobName",
                "hyper_parameter_tuning_job_name",
                "ListTrainingJobsForHyperParameterTuningJobRequest",
            ),
            next_token=data.get("NextToken"),
            max_results=data.get("MaxResults"),
            status_equals=(
                None
                if (value := data.get("StatusEquals")) is None
                else _runtime.enum_or_str(TrainingJobStatus, value)
            ),
            sort_by=(
                None
                if (value := data.get("SortBy")) is None
                else _runtime.enum_or_str(TrainingJobSortByOptions, value)
            ),
            sort_order=(
                None
                if (value := data.get("SortOrder")) is None
                else _runtime.enum_or_str(SortOrder, value)
            ),
        )


@attrs.frozen(kw_only=True)
class FinalHyperParameterTuningJobObjectiveMetric:
    """Shows the latest objective metric emitted by a training job that was launched by a hyperparameter tuning job. You define the objective metric in the ``HyperParameterTuningJobObjective`` parameter of `HyperParameterTuningJobConfig <https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_HyperParameterTuningJobConfig.html>`__.

    :ivar type_: ``Type`` (optional; ``HyperParameterTuningJobObjectiveType | str``; one of ``Maximize``, ``Minimize``)

        Select if you want to minimize or maximize the objective metric during hyperparameter tuning.
    :ivar metric_name: ``MetricName`` (required; ``str``; min 1, max 255, pattern ``.+``)

        The name of the objective metric. For SageMaker built-in algorithms, metrics are defined per algorithm. See the `metrics for XGBoost <https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost-tuning.html>`__ as an example. You can also use a custom algorithm for training and define your own metrics. For more information, see `Define metrics and environment variables <https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-define-metrics-variables.html>`__.
    :ivar value: ``Value`` (required; ``float``)

        The value of the objective metric."""

    type_: HyperParameterTuningJobObjectiveType | str | None = None
    metric_name: str
    value: float

    def to_botocore(self) -> dict[str, typing.Any]:
        """This value as botocore parameters: the members that are set, in model order."""
        params: dict[str, typing.Any] = {}
        if self.type_ is not None:
            params["Type"] = _runtime.enum_value(self.type_)
        if self.metric_name is not None:
            params["MetricName"] = self.metric_name
        if self.value is not None:
            params["Value"] = self.value
        return params

    @classmethod
    def from_botocore(
        cls, data: typing.Mapping[str, typing.Any]
    ) -> FinalHyperParameterTuningJobObjectiveMetric:
        """Build from botocore's parsed form.

        Members the model does not know are ignored; a member it requires but the data lacks
        raises ``MissingMemberError`` naming it.
        """
        return cls(
            type_=(
                None
                if (value := data.get("Type")) is None
                else _runtime.enum_or_str(HyperParameterTuningJobObjectiveType, value)
            ),
            metric_name=_runtime.required(
                data,
                "MetricName",
                "metric_name",
                "FinalHyperParameterTuningJobObjectiveMetric",
            ),
            value=_runtime.required(
                data, "Value", "value", "FinalHyperParameterTuningJobObjectiveMetric"
            ),
        )


@attrs.frozen(kw_only=True)
class HyperParameterTrainingJobSummary:
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
    :ivar training_job_status: ``TrainingJobStatus`` (required; ``TrainingJobStatus | str``; one of ``InProgress``, ``Completed``, ``Failed``, ``Stopping``, ``Stopped``, ``Deleting``)

        The status of the training job.
    :ivar tuned_hyper_parameters: ``TunedHyperParameters`` (required; ``dict[str, str]``; min 0, max 100)

        A list of the hyperparameters for which you specified ranges to search.
    :ivar failure_reason: ``FailureReason`` (optional; ``str``; min 0, max 1024)

        The reason that the training job failed.
    :ivar final_hyper_parameter_tuning_job_objective_metric: ``FinalHyperParameterTuningJobObjectiveMetric`` (optional; ``FinalHyperParameterTuningJobObjectiveMetric``)

        The `FinalHyperParameterTuningJobObjectiveMetric <https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_FinalHyperParameterTuningJobObjectiveMetric.html>`__ object that specifies the value of the objective metric of the tuning job that launched this training job.
    :ivar objective_status: ``ObjectiveStatus`` (optional; ``ObjectiveStatus | str``; one of ``Succeeded``, ``Pending``, ``Failed``)

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
    training_job_status: TrainingJobStatus | str
    tuned_hyper_parameters: dict[str, str]
    failure_reason: str | None = None
    final_hyper_parameter_tuning_job_objective_metric: (
        FinalHyperParameterTuningJobObjectiveMetric | None
    ) = None
    objective_status: ObjectiveStatus | str | None = None

    def to_botocore(self) -> dict[str, typing.Any]:
        """This value as botocore parameters: the members that are set, in model order."""
        params: dict[str, typing.Any] = {}
        if self.training_job_definition_name is not None:
            params["TrainingJobDefinitionName"] = self.training_job_definition_name
        if self.training_job_name is not None:
            params["TrainingJobName"] = self.training_job_name
        if self.training_job_arn is not None:
            params["TrainingJobArn"] = self.training_job_arn
        if self.tuning_job_name is not None:
            params["TuningJobName"] = self.tuning_job_name
        if self.creation_time is not None:
            params["CreationTime"] = self.creation_time
        if self.training_start_time is not None:
            params["TrainingStartTime"] = self.training_start_time
        if self.training_end_time is not None:
            params["TrainingEndTime"] = self.training_end_time
        if self.training_job_status is not None:
            params["TrainingJobStatus"] = _runtime.enum_value(self.training_job_status)
        if self.tuned_hyper_parameters is not None:
            params["TunedHyperParameters"] = self.tuned_hyper_parameters
        if self.failure_reason is not None:
            params["FailureReason"] = self.failure_reason
        if self.final_hyper_parameter_tuning_job_objective_metric is not None:
            params["FinalHyperParameterTuningJobObjectiveMetric"] = (
                self.final_hyper_parameter_tuning_job_objective_metric.to_botocore()
            )
        if self.objective_status is not None:
            params["ObjectiveStatus"] = _runtime.enum_value(self.objective_status)
        return params

    @classmethod
    def from_botocore(
        cls, data: typing.Mapping[str, typing.Any]
    ) -> HyperParameterTrainingJobSummary:
        """Build from botocore's parsed form.

        Members the model does not know are ignored; a member it requires but the data lacks
        raises ``MissingMemberError`` naming it.
        """
        return cls(
            training_job_definition_name=data.get("TrainingJobDefinitionName"),
            training_job_name=_runtime.required(
                data,
                "TrainingJobName",
                "training_job_name",
                "HyperParameterTrainingJobSummary",
            ),
            training_job_arn=_runtime.required(
                data,
                "TrainingJobArn",
                "training_job_arn",
                "HyperParameterTrainingJobSummary",
            ),
            tuning_job_name=data.get("TuningJobName"),
            creation_time=_runtime.aware_datetime(
                _runtime.required(
                    data,
                    "CreationTime",
                    "creation_time",
                    "HyperParameterTrainingJobSummary",
                )
            ),
            training_start_time=(
                None
                if (value := data.get("TrainingStartTime")) is None
                else _runtime.aware_datetime(value)
            ),
            training_end_time=(
                None
                if (value := data.get("TrainingEndTime")) is None
                else _runtime.aware_datetime(value)
            ),
            training_job_status=_runtime.enum_or_str(
                TrainingJobStatus,
                _runtime.required(
                    data,
                    "TrainingJobStatus",
                    "training_job_status",
                    "HyperParameterTrainingJobSummary",
                ),
            ),
            tuned_hyper_parameters=_runtime.required(
                data,
                "TunedHyperParameters",
                "tuned_hyper_parameters",
                "HyperParameterTrainingJobSummary",
            ),
            failure_reason=data.get("FailureReason"),
            final_hyper_parameter_tuning_job_objective_metric=(
                None
                if (value := data.get("FinalHyperParameterTuningJobObjectiveMetric"))
                is None
                else FinalHyperParameterTuningJobObjectiveMetric.from_botocore(value)
            ),
            objective_status=(
                None
                if (value := data.get("ObjectiveStatus")) is None
                else _runtime.enum_or_str(ObjectiveStatus, value)
            ),
        )


@attrs.frozen(kw_only=True)
class ListTrainingJobsForHyperParameterTuningJobResponse:
    """The ``ListTrainingJobsForHyperParameterTuningJobResponse`` shape.

    :ivar training_job_summaries: ``TrainingJobSummaries`` (required; ``list[HyperParameterTrainingJobSummary]``)

        A list of `TrainingJobSummary <https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrainingJobSummary.html>`__ objects that describe the training jobs that the ``ListTrainingJobsForHyperParameterTuningJob`` request returned.
    :ivar next_token: ``NextToken`` (optional; ``str``; min 0, max 8192, pattern ``.*``)

        If the result of this ``ListTrainingJobsForHyperParameterTuningJob`` request was truncated, the response includes a ``NextToken``. To retrieve the next set of training jobs, use the token in the next request.
    """

    training_job_summaries: list[HyperParameterTrainingJobSummary]
    next_token: str | None = None

    def to_botocore(self) -> dict[str, typing.Any]:
        """This value as botocore parameters: the members that are set, in model order."""
        params: dict[str, typing.Any] = {}
        if self.training_job_summaries is not None:
            params["TrainingJobSummaries"] = [
                item0.to_botocore() for item0 in self.training_job_summaries
            ]
        if self.next_token is not None:
            params["NextToken"] = self.next_token
        return params

    @classmethod
    def from_botocore(
        cls, data: typing.Mapping[str, typing.Any]
    ) -> ListTrainingJobsForHyperParameterTuningJobResponse:
        """Build from botocore's parsed form.

        Members the model does not know are ignored; a member it requires but the data lacks
        raises ``MissingMemberError`` naming it.
        """
        return cls(
            training_job_summaries=[
                HyperParameterTrainingJobSummary.from_botocore(item0)
                for item0 in _runtime.required(
                    data,
                    "TrainingJobSummaries",
                    "training_job_summaries",
                    "ListTrainingJobsForHyperParameterTuningJobResponse",
                )
            ],
            next_token=data.get("NextToken"),
        )
