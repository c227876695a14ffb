"""A local fake of the SageMaker endpoint for ``ListTrainingJobsForHyperParameterTuningJob``.

It speaks the AWS JSON 1.1 protocol the way stock botocore expects it (``POST /``,
``X-Amz-Target: SageMaker.<Operation>``, ``Content-Type: application/x-amz-json-1.1``) and
mimics the service's observable behaviour for that one operation:

* ``StatusEquals`` filter; ``SortBy`` ``Name`` (the default) / ``CreationTime`` / ``Status`` /
  ``FinalObjectiveMetricValue`` (jobs without a final metric are left out, as documented);
  ``SortOrder`` ``Ascending`` (the default) / ``Descending``. Ties are broken by
  ``TrainingJobName`` and the whole key is reversed for ``Descending``, so every order is total
  and deterministic.
* ``MaxResults`` (default 10, valid 1..100) and opaque ``NextToken`` strings that are bound to the
  query (tuning job, filter, sort); a malformed token, or one from a different query, is a
  ``ValidationException``.
* Errors as the service sends them: 400 ``{"__type": "ValidationException", "message": ...}``
  (Coral-style "N validation error(s) detected: ..." text), 400
  ``{"__type": "ResourceNotFound", "Message": ...}`` for an unknown tuning job, 400
  ``com.amazon.coral.service#UnknownOperationException`` for any other target, and 400
  ``com.amazon.coral.service#SerializationException`` for a body that is not a JSON object of
  the right types.

Nothing sleeps; connections are HTTP/1.1 keep-alive; one thread per connection. Only
127.0.0.1 is bound, on a free port chosen by the OS.

It also answers ``DescribeTrainingJob`` for the ``wait training-job-completed-or-stopped``
tests, from ``training_jobs`` (name -> ``TrainingJobStatus``), with the final status on the
first call (the waiter polls every 120 s); an unknown name is the service's 400
``ValidationException`` ("Requested resource not found").

Test hooks on :class:`FakeSageMakerServer`: ``dataset`` (live, mutable), ``requests`` (count),
``request_log`` / ``last_request``, ``queue_response()`` (canned raw responses),
``extra_response_fields`` / ``extra_summary_fields`` / ``valid_statuses`` and
``enable_forward_compat()`` (members and enum values this client's model does not know).
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import http.server
import json
import re
import socket
import socketserver
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Union

# --------------------------------------------------------------------------------------------
# Wire constants (checked against the model by tests/test_fake_server.py)
# --------------------------------------------------------------------------------------------

TARGET_PREFIX = "SageMaker"
OPERATION = "ListTrainingJobsForHyperParameterTuningJob"
TARGET = f"{TARGET_PREFIX}.{OPERATION}"
DESCRIBE_TRAINING_JOB = f"{TARGET_PREFIX}.DescribeTrainingJob"
JSON_CONTENT_TYPE = "application/x-amz-json-1.1"

TRAINING_JOB_STATUSES = ("InProgress", "Completed", "Failed", "Stopping", "Stopped", "Deleting")
SORT_BY_OPTIONS = ("Name", "CreationTime", "Status", "FinalObjectiveMetricValue")
SORT_ORDERS = ("Ascending", "Descending")
DEFAULT_SORT_BY = "Name"
DEFAULT_SORT_ORDER = "Ascending"
DEFAULT_MAX_RESULTS = 10
MIN_MAX_RESULTS = 1
MAX_MAX_RESULTS = 100
TUNING_JOB_NAME_PATTERN = r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}"
TUNING_JOB_NAME_MAX = 32
NEXT_TOKEN_MAX = 8192

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"

# --------------------------------------------------------------------------------------------
# Dataset
# --------------------------------------------------------------------------------------------

#: The tuning job ``make_dataset`` fills with ``n_jobs`` training jobs.
DEFAULT_TUNING_JOB = "xgb-tuning-01"
#: A second tuning job with 3 jobs from a multi-algorithm tuning job
#: (they carry ``TrainingJobDefinitionName``).
MULTI_DEFINITION_TUNING_JOB = "multi-algo-tuning-02"
#: A tuning job that exists but launched no training job.
EMPTY_TUNING_JOB = "empty-tuning-03"

#: A value with non-ASCII text, including a character outside the BMP (a surrogate pair once
#: ``json.dumps(ensure_ascii=True)`` escapes it).
NON_ASCII_VALUE = "température-élevée 日本語 🚀"
#: A value with JSON/text-hostile characters: quotes, backslash, tab and newline.
AWKWARD_VALUE = 'cols="a,b"\\x\tend\nline2'

#: Epoch milliseconds of the first training job's creation (2023-11-14T22:13:20.123Z).
BASE_EPOCH_MS = 1_700_000_000_123

# Status of job i is _STATUS_CYCLE[i % 12]: mostly Completed, some Failed / Stopped, a few
# still running. Every status of the model except Deleting occurs once n_jobs >= 12.
_STATUS_CYCLE = (
    "Completed",
    "Completed",
    "Failed",
    "Completed",
    "Stopped",
    "Completed",
    "Completed",
    "InProgress",
    "Completed",
    "Failed",
    "Completed",
    "Stopping",
)
_OBJECTIVE_STATUS = {
    "Completed": "Succeeded",
    "Stopped": "Succeeded",  # stopped early by the tuner, after reporting a metric
    "Failed": "Failed",
    "InProgress": "Pending",
    "Stopping": "Pending",
    "Deleting": "Failed",
}
_FAILURE_REASONS = (
    "AlgorithmError: framework error: XGBoostError: value 0 for Parameter num_class should be "
    "greater equal to 1",
    "ClientError: Data download failed: Could not download s3://example-bucket/train/part-0001",
    "CapacityError: Unable to provision requested ML compute capacity. Please retry using a "
    "different ML instance type.",
)
_METRIC_NAME = "validation:auc"


def _epoch(ms: int) -> float:
    """Epoch seconds with millisecond precision; ``repr`` gives back exactly 3 decimals."""
    return ms / 1000


def training_job_name(tuning_job_name: str, index: int) -> str:
    """The name SageMaker gives the ``index``-th (0-based) job: ``<tuning>-<NNN>-<8 hex>``."""
    digest = hashlib.sha256(f"{tuning_job_name}:{index}".encode()).hexdigest()[:8]
    return f"{tuning_job_name}-{index + 1:03d}-{digest}"


def make_summary(
    tuning_job_name: str,
    index: int,
    *,
    status: str | None = None,
    definition_name: str | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    """One ``HyperParameterTrainingJobSummary`` in wire form (timestamps are epoch floats).

    Deterministic in (``tuning_job_name``, ``index``). ``status`` overrides the cycled status
    (and derives ``ObjectiveStatus``, end time, metric and failure reason from it);
    ``overrides`` replace/add wire members last (use it for unknown members or enum values).
    Creation times go in launch batches of three, latest-numbered first, so that sorting by
    ``CreationTime`` and by ``Name`` give different orders.
    """
    status = status or _STATUS_CYCLE[index % len(_STATUS_CYCLE)]
    name = training_job_name(tuning_job_name, index)
    slot = (index // 3) * 3 + (2 - index % 3)
    created_ms = BASE_EPOCH_MS + slot * 61_250
    started_ms = created_ms + 45_500
    ended_ms = started_ms + 600_000 + (index * 37 % 300) * 1000 + 250

    hyper: dict[str, str] = {
        "eta": f"{0.05 + (index % 7) * 0.05:.2f}",
        "max_depth": str(3 + index % 6),
        "min_child_weight": str(1 + index % 4),
        "subsample": f"{0.5 + (index % 5) * 0.1:.1f}",
    }
    if index % 4 == 1:
        hyper["note"] = NON_ASCII_VALUE
    if index % 13 == 6:
        hyper["feature_spec"] = AWKWARD_VALUE

    summary: dict[str, Any] = {}
    if definition_name is not None:
        summary["TrainingJobDefinitionName"] = definition_name
    summary.update(
        {
            "TrainingJobName": name,
            "TrainingJobArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT_ID}:training-job/{name}",
            "TuningJobName": tuning_job_name,
            "CreationTime": _epoch(created_ms),
            "TrainingStartTime": _epoch(started_ms),
        }
    )
    if status not in ("InProgress", "Stopping"):
        summary["TrainingEndTime"] = _epoch(ended_ms)
    summary["TrainingJobStatus"] = status
    summary["TunedHyperParameters"] = hyper
    if status == "Failed":
        summary["FailureReason"] = _FAILURE_REASONS[index % len(_FAILURE_REASONS)]
    if status in ("Completed", "Stopped"):
        # Wire order differs from model order (Type, MetricName, Value) on purpose.
        summary["FinalHyperParameterTuningJobObjectiveMetric"] = {
            "MetricName": _METRIC_NAME,
            "Value": (700 + index * 7919 % 283) / 1000,  # distinct for index < 283
            "Type": "Maximize",
        }
    summary["ObjectiveStatus"] = _OBJECTIVE_STATUS.get(status, "Pending")
    summary.update(overrides)
    return summary


def make_dataset(
    n_jobs: int = 25,
    tuning_job_name: str = DEFAULT_TUNING_JOB,
    *,
    extra_tuning_jobs: bool = True,
) -> dict[str, list[dict[str, Any]]]:
    """Tuning job name -> its training job summaries (wire form, in launch order).

    ``{tuning_job_name: n_jobs jobs}`` plus, unless ``extra_tuning_jobs`` is false,
    ``MULTI_DEFINITION_TUNING_JOB`` (3 jobs with ``TrainingJobDefinitionName``) and
    ``EMPTY_TUNING_JOB`` (no jobs). No randomness: equal arguments give equal datasets.
    """
    dataset = {tuning_job_name: [make_summary(tuning_job_name, i) for i in range(n_jobs)]}
    if extra_tuning_jobs:
        dataset[MULTI_DEFINITION_TUNING_JOB] = [
            make_summary(
                MULTI_DEFINITION_TUNING_JOB,
                i,
                definition_name=("xgboost-def", "lightgbm-def")[i % 2],
            )
            for i in range(3)
        ]
        dataset[EMPTY_TUNING_JOB] = []
    return dataset


#: Unknown members a newer service might send (see ``FakeSageMakerServer.enable_forward_compat``).
FORWARD_COMPAT_SUMMARY_FIELDS: dict[str, Any] = {
    "FutureSummaryMember": {"AddedIn": "2030-01-01", "Values": [1, 2.5, "three", None, True]},
}
FORWARD_COMPAT_RESPONSE_FIELDS: dict[str, Any] = {"FutureTopLevelMember": "ignored by old clients"}
#: Enum values a newer service might send.
FORWARD_COMPAT_STATUS = "Archived"
FORWARD_COMPAT_OBJECTIVE_STATUS = "Abandoned"


# --------------------------------------------------------------------------------------------
# The service logic (pure: request dict in, (status, body) out)
# --------------------------------------------------------------------------------------------


class ServiceError(Exception):
    """An error response: HTTP status and the JSON body to send."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(body)
        self.status = status
        self.body = body


def validation_error(*problems: str) -> ServiceError:
    count = len(problems)
    noun = "validation error" if count == 1 else "validation errors"
    return ServiceError(
        400,
        {"__type": "ValidationException", "message": f"{count} {noun} detected: " + "; ".join(problems)},
    )


def serialization_error(message: str) -> ServiceError:
    return ServiceError(
        400, {"__type": "com.amazon.coral.service#SerializationException", "Message": message}
    )


def resource_not_found(tuning_job_name: str) -> ServiceError:
    return ServiceError(
        400,
        {
            "__type": "ResourceNotFound",
            "Message": f"Amazon SageMaker can't find a tuning job named {tuning_job_name}",
        },
    )


def unknown_operation() -> ServiceError:
    return ServiceError(400, {"__type": "com.amazon.coral.service#UnknownOperationException"})


_TOKEN_PREFIX = "fake-sagemaker:v1"


def _fingerprint(name: str, status: str | None, sort_by: str, sort_order: str) -> str:
    raw = json.dumps([name, status, sort_by, sort_order]).encode()
    return hashlib.sha256(raw).hexdigest()[:16]


def encode_token(offset: int, fingerprint: str) -> str:
    """Opaque to clients. Not JSON once decoded, so botocore's ``StartingToken`` parser treats a
    raw service token as a service token (legacy path), like a real one."""
    return base64.b64encode(f"{_TOKEN_PREFIX}:{offset}:{fingerprint}".encode()).decode("ascii")


def decode_token(token: str, fingerprint: str) -> int:
    """The offset in ``token``; ``ServiceError`` (ValidationException) if it is not ours or was
    issued for a different query."""
    invalid = validation_error(
        f"Value '{token[:64]}' at 'nextToken' failed to satisfy constraint: "
        "Member must be a valid pagination token for this request"
    )
    try:
        text = base64.b64decode(token.encode("ascii"), validate=True).decode("ascii")
    except (UnicodeError, binascii.Error, ValueError):
        raise invalid from None
    prefix, _, rest = text.rpartition(":")  # rest = fingerprint
    head, _, offset_text = prefix.rpartition(":")
    if head != _TOKEN_PREFIX or rest != fingerprint or not offset_text.isdigit():
        raise invalid
    offset = int(offset_text)
    if offset < 1:
        raise invalid
    return offset


def _check_string(params: Mapping[str, Any], key: str) -> str | None:
    value = params.get(key)
    if value is not None and not isinstance(value, str):
        raise serialization_error(f"{key}: expected a string, got {type(value).__name__}")
    return value


def _sort_key(sort_by: str):  # type: ignore[no-untyped-def]
    if sort_by == "CreationTime":
        return lambda s: (s["CreationTime"], s["TrainingJobName"])
    if sort_by == "Status":
        return lambda s: (s["TrainingJobStatus"], s["TrainingJobName"])
    if sort_by == "FinalObjectiveMetricValue":
        return lambda s: (s["FinalHyperParameterTuningJobObjectiveMetric"]["Value"], s["TrainingJobName"])
    return lambda s: (s["TrainingJobName"],)


def list_training_jobs(
    dataset: Mapping[str, Iterable[Mapping[str, Any]]],
    params: Mapping[str, Any],
    *,
    valid_statuses: Iterable[str] = TRAINING_JOB_STATUSES,
) -> dict[str, Any]:
    """The operation itself, on wire-form data. Raises ``ServiceError``."""
    name = _check_string(params, "HyperParameterTuningJobName")
    token = _check_string(params, "NextToken")
    status = _check_string(params, "StatusEquals")
    sort_by = _check_string(params, "SortBy")
    sort_order = _check_string(params, "SortOrder")
    max_results = params.get("MaxResults")
    if max_results is not None and (isinstance(max_results, bool) or not isinstance(max_results, int)):
        raise serialization_error(f"MaxResults: expected an integer, got {type(max_results).__name__}")

    statuses = list(valid_statuses)
    problems: list[str] = []
    if name is None:
        problems.append(
            "Value null at 'hyperParameterTuningJobName' failed to satisfy constraint: "
            "Member must not be null"
        )
    else:
        if len(name) > TUNING_JOB_NAME_MAX:
            problems.append(
                f"Value '{name}' at 'hyperParameterTuningJobName' failed to satisfy constraint: "
                f"Member must have length less than or equal to {TUNING_JOB_NAME_MAX}"
            )
        if not re.fullmatch(TUNING_JOB_NAME_PATTERN, name):
            problems.append(
                f"Value '{name}' at 'hyperParameterTuningJobName' failed to satisfy constraint: "
                f"Member must satisfy regular expression pattern: {TUNING_JOB_NAME_PATTERN}"
            )
    if token is not None and len(token) > NEXT_TOKEN_MAX:
        problems.append(
            "Value at 'nextToken' failed to satisfy constraint: "
            f"Member must have length less than or equal to {NEXT_TOKEN_MAX}"
        )
    if max_results is not None and max_results < MIN_MAX_RESULTS:
        problems.append(
            f"Value '{max_results}' at 'maxResults' failed to satisfy constraint: "
            f"Member must have value greater than or equal to {MIN_MAX_RESULTS}"
        )
    if max_results is not None and max_results > MAX_MAX_RESULTS:
        problems.append(
            f"Value '{max_results}' at 'maxResults' failed to satisfy constraint: "
            f"Member must have value less than or equal to {MAX_MAX_RESULTS}"
        )
    for key, value, allowed in (
        ("statusEquals", status, statuses),
        ("sortBy", sort_by, SORT_BY_OPTIONS),
        ("sortOrder", sort_order, SORT_ORDERS),
    ):
        if value is not None and value not in allowed:
            problems.append(
                f"Value '{value}' at '{key}' failed to satisfy constraint: "
                f"Member must satisfy enum value set: [{', '.join(allowed)}]"
            )
    if problems:
        raise validation_error(*problems)
    assert name is not None

    sort_by = sort_by or DEFAULT_SORT_BY
    sort_order = sort_order or DEFAULT_SORT_ORDER
    limit = DEFAULT_MAX_RESULTS if max_results is None else max_results
    fingerprint = _fingerprint(name, status, sort_by, sort_order)
    offset = decode_token(token, fingerprint) if token else 0

    jobs = dataset.get(name)
    if jobs is None:
        raise resource_not_found(name)
    items = [s for s in jobs if status is None or s.get("TrainingJobStatus") == status]
    if sort_by == "FinalObjectiveMetricValue":
        items = [s for s in items if s.get("FinalHyperParameterTuningJobObjectiveMetric")]
    items.sort(key=_sort_key(sort_by), reverse=sort_order == "Descending")

    page = items[offset : offset + limit]
    result: dict[str, Any] = {"TrainingJobSummaries": [copy.deepcopy(dict(s)) for s in page]}
    if offset + limit < len(items):
        result["NextToken"] = encode_token(offset + limit, fingerprint)
    return result


# --------------------------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordedRequest:
    """One request as received. ``headers`` keys are lower-cased (last value wins);
    ``raw_headers`` keeps names, order and repeats as sent."""

    method: str
    path: str
    headers: dict[str, str]
    raw_headers: tuple[tuple[str, str], ...]
    body: bytes

    @property
    def target(self) -> str | None:
        return self.headers.get("x-amz-target")

    @property
    def json(self) -> Any:
        """The body parsed as JSON (``None`` for an empty or unparsable body)."""
        try:
            return json.loads(self.body) if self.body else None
        except ValueError:
            return None


Body = Union[bytes, str, Mapping[str, Any], list, None]


@dataclass
class CannedResponse:
    status: int
    body: Body = None
    headers: dict[str, str] = field(default_factory=dict)

    def payload(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    server_version = "FakeSageMaker/1.0"
    disable_nagle_algorithm = True
    timeout = 60  # idle keep-alive connections are dropped after this
    server: "_HTTPServer"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence stderr
        pass

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if not length:
            return b""
        return self.rfile.read(int(length))

    def _handle(self) -> None:
        body = self._read_body()
        fake = self.server.fake
        recorded = RecordedRequest(
            method=self.command,
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            raw_headers=tuple(self.headers.items()),
            body=body,
        )
        canned = fake._record(recorded)
        if fake.response_delay:
            time.sleep(fake.response_delay)
        if canned is not None:
            self._send(canned.status, canned.payload(), canned.headers)
            return
        try:
            if self.command != "POST":
                raise unknown_operation()
            status, payload = 200, fake._dispatch(recorded)
        except ServiceError as err:
            status, payload = err.status, err.body
        self._send(status, fake._encode(payload))

    do_POST = do_GET = do_PUT = do_DELETE = do_PATCH = _handle

    def _send(self, status: int, payload: bytes, headers: Mapping[str, str] | None = None) -> None:
        headers = dict(headers or {})
        self.send_response(status)
        lower = {k.lower() for k in headers}
        if "content-type" not in lower:
            self.send_header("Content-Type", JSON_CONTENT_TYPE)
        if "x-amzn-requestid" not in lower:
            self.send_header("x-amzn-RequestId", self.server.fake._request_id())
        for key, value in headers.items():
            self.send_header(key, value)
        if "content-length" not in lower:
            self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class _HTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False
    request_queue_size = 128  # the default 5 drops SYNs under a burst: a 1 s client stall

    def __init__(self, fake: "FakeSageMakerServer", address: tuple[str, int]) -> None:
        self.fake = fake
        self._conn_lock = threading.Lock()
        self._conns: set[socket.socket] = set()
        self._conn_threads: set[threading.Thread] = set()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind would call socket.getfqdn() (a resolver lookup); skip it.
        socketserver.TCPServer.server_bind(self)
        self.server_name = "127.0.0.1"
        self.server_port = int(self.server_address[1])

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self.process_request_thread,
            args=(request, client_address),
            name=f"fake-sagemaker-conn-{client_address[1]}",
            daemon=True,
        )
        with self._conn_lock:
            self._conn_threads = {t for t in self._conn_threads if t.is_alive()}
            self._conn_threads.add(thread)
            self._conns.add(request)
        thread.start()

    def shutdown_request(self, request: Any) -> None:
        with self._conn_lock:
            self._conns.discard(request)
        super().shutdown_request(request)

    def drop_connections(self, join_timeout: float = 5.0) -> None:
        """Wake handler threads blocked on idle keep-alive sockets, and wait for them."""
        with self._conn_lock:
            conns, threads = list(self._conns), list(self._conn_threads)
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread in threads:
            thread.join(join_timeout)


class FakeSageMakerServer:
    """The fake endpoint. Use as a context manager, or ``start()`` / ``stop()``.

    Attributes for tests (all safe to read or change between requests):

    ``endpoint_url``
        ``http://127.0.0.1:<port>`` once started.
    ``dataset``
        ``{tuning job name: [wire summary dict, ...]}``, served live (mutations show up in the
        next response). Missing names are ``ResourceNotFound``.
    ``requests``
        Number of HTTP requests received (any method, path or target). ``request_log`` has
        them all as :class:`RecordedRequest`; ``last_request`` the latest (or ``None``).
    ``extra_response_fields`` / ``extra_summary_fields``
        Merged into every successful response's top level / every summary on the wire.
    ``valid_statuses``
        What ``StatusEquals`` accepts (the model's enum; ``enable_forward_compat`` adds one).
    ``ensure_ascii``
        ``False`` (default): non-ASCII goes out as raw UTF-8, as the service does.
    ``response_delay``
        Seconds each response waits before it is sent (0 by default), so a client can be
        cancelled with a request in flight.
    ``open_connections``
        The client connections the server holds open now (keep-alive ones included).
    """

    def __init__(self, dataset: dict[str, list[dict[str, Any]]] | None = None) -> None:
        self.dataset: dict[str, list[dict[str, Any]]] = make_dataset() if dataset is None else dataset
        self.extra_response_fields: dict[str, Any] = {}
        self.extra_summary_fields: dict[str, Any] = {}
        self.valid_statuses: list[str] = list(TRAINING_JOB_STATUSES)
        self.ensure_ascii = False
        self.response_delay = 0.0
        self.training_jobs: dict[str, str] = {}  # DescribeTrainingJob: name -> status
        self.request_log: list[RecordedRequest] = []
        self._canned: list[CannedResponse] = []
        self._lock = threading.Lock()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._request_ids = 0

    # ----- lifecycle -----------------------------------------------------------------------

    def start(self) -> "FakeSageMakerServer":
        if self._httpd is not None:
            raise RuntimeError("already started")
        self._httpd = _HTTPServer(self, ("127.0.0.1", 0))
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.02},
            name="fake-sagemaker",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, thread = self._httpd, self._thread
        if httpd is None:
            return
        self._httpd = self._thread = None
        httpd.shutdown()  # stops accepting; returns once serve_forever has exited
        httpd.drop_connections()
        httpd.server_close()
        if thread is not None:
            thread.join(5)

    def __enter__(self) -> "FakeSageMakerServer":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._httpd is not None

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("not started")
        return int(self._httpd.server_address[1])

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ----- inspection ----------------------------------------------------------------------

    @property
    def open_connections(self) -> int:
        httpd = self._httpd
        if httpd is None:
            return 0
        with httpd._conn_lock:
            return len(httpd._conns)

    @property
    def requests(self) -> int:
        with self._lock:
            return len(self.request_log)

    @property
    def last_request(self) -> RecordedRequest | None:
        with self._lock:
            return self.request_log[-1] if self.request_log else None

    def reset(self) -> None:
        """Forget recorded requests and queued canned responses (the dataset is kept)."""
        with self._lock:
            self.request_log.clear()
            self._canned.clear()

    # ----- scripting -----------------------------------------------------------------------

    def queue_response(self, status: int, body: Body = None, headers: Mapping[str, str] | None = None) -> None:
        """Answer the next not-yet-answered request with exactly this (FIFO), whatever it asked.

        ``body``: bytes/str sent as is, anything else JSON-encoded, ``None`` empty. Useful for
        5xx responses, ``{}`` pages, a token repeated twice, malformed JSON, ...
        """
        with self._lock:
            self._canned.append(CannedResponse(status, body, dict(headers or {})))

    def add_job(self, tuning_job_name: str, summary: dict[str, Any]) -> None:
        """Append a wire summary to a tuning job (creating the tuning job if needed)."""
        with self._lock:
            self.dataset.setdefault(tuning_job_name, []).append(summary)

    def enable_forward_compat(self, tuning_job_name: str = DEFAULT_TUNING_JOB) -> dict[str, Any]:
        """Behave like a newer service: unknown members in every summary
        (``FORWARD_COMPAT_SUMMARY_FIELDS``) and at the top level
        (``FORWARD_COMPAT_RESPONSE_FIELDS``), ``StatusEquals=Archived`` accepted, and one more
        job in ``tuning_job_name`` with ``TrainingJobStatus`` ``Archived`` and
        ``ObjectiveStatus`` ``Abandoned`` (both unknown to the model). Returns that job."""
        self.extra_summary_fields.update(copy.deepcopy(FORWARD_COMPAT_SUMMARY_FIELDS))
        self.extra_response_fields.update(copy.deepcopy(FORWARD_COMPAT_RESPONSE_FIELDS))
        if FORWARD_COMPAT_STATUS not in self.valid_statuses:
            self.valid_statuses.append(FORWARD_COMPAT_STATUS)
        index = len(self.dataset.get(tuning_job_name, []))
        job = make_summary(
            tuning_job_name,
            index,
            status="Completed",
            TrainingJobStatus=FORWARD_COMPAT_STATUS,
            ObjectiveStatus=FORWARD_COMPAT_OBJECTIVE_STATUS,
        )
        self.add_job(tuning_job_name, job)
        return job

    # ----- internals (called from handler threads) -------------------------------------------

    def _record(self, request: RecordedRequest) -> CannedResponse | None:
        with self._lock:
            self.request_log.append(request)
            return self._canned.pop(0) if self._canned else None

    def _request_id(self) -> str:
        with self._lock:
            self._request_ids += 1
            return f"00000000-0000-4000-8000-{self._request_ids:012d}"

    def _encode(self, payload: Any) -> bytes:
        return json.dumps(payload, ensure_ascii=self.ensure_ascii).encode("utf-8")

    def _dispatch(self, request: RecordedRequest) -> dict[str, Any]:
        if request.target == DESCRIBE_TRAINING_JOB:
            return self._describe_training_job(request)
        if request.target != TARGET:
            raise unknown_operation()
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != JSON_CONTENT_TYPE:
            raise serialization_error(f"Unsupported Content-Type: {content_type or '(none)'}")
        try:
            params = json.loads(request.body.decode("utf-8")) if request.body.strip() else {}
        except (UnicodeDecodeError, ValueError) as err:
            raise serialization_error(f"Invalid JSON body: {err}") from None
        if not isinstance(params, dict):
            raise serialization_error("Request body must be a JSON object")
        with self._lock:
            result = list_training_jobs(self.dataset, params, valid_statuses=self.valid_statuses)
            extra_summary = copy.deepcopy(self.extra_summary_fields)
            extra_response = copy.deepcopy(self.extra_response_fields)
        if extra_summary:
            for summary in result["TrainingJobSummaries"]:
                summary.update(copy.deepcopy(extra_summary))
        result.update(extra_response)
        return result

    def _describe_training_job(self, request: RecordedRequest) -> dict[str, Any]:
        params = request.json if isinstance(request.json, dict) else {}
        name = params.get("TrainingJobName")
        with self._lock:
            status = self.training_jobs.get(name) if isinstance(name, str) else None
        if status is None:
            raise ServiceError(400, {"__type": "ValidationException", "message": "Requested resource not found."})
        job: dict[str, Any] = {
            "TrainingJobName": name,
            "TrainingJobArn": f"arn:aws:sagemaker:us-east-1:123456789012:training-job/{name}",
            "AlgorithmSpecification": {"TrainingInputMode": "File", "TrainingImage": "xgboost:1"},
            "RoleArn": "arn:aws:iam::123456789012:role/sm",
            "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 10},
            "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
            "CreationTime": _epoch(0),
            "TrainingJobStatus": status,
            "SecondaryStatus": status,
        }
        if status == "Failed":
            job["FailureReason"] = "AlgorithmError: out of memory"
        return job
