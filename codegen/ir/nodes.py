"""The IR: frozen attrs classes, one per kind of thing the templates render.

Shapes refer to each other by shape name (recursive shapes make object references impossible
in frozen data); ``Service.shape(name)`` resolves a reference. Every Python name here is final:
the naming rules (``codegen.ir.naming``) have already been applied, so templates never invent
or adjust a name. Documentation is kept as the model's HTML; the render stage converts it.
"""

from __future__ import annotations

from typing import Literal, Union

import attrs

ScalarKind = Literal[
    "string", "integer", "long", "float", "double", "boolean", "timestamp", "blob"
]


@attrs.frozen
class Constraints:
    """What the model says a value must satisfy (``min``/``max``/``pattern``)."""

    min: int | float | None = None
    max: int | float | None = None
    pattern: str | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.min, self.max, self.pattern))


@attrs.frozen
class Scalar:
    shape_name: str
    kind: ScalarKind
    constraints: Constraints
    documentation: str
    sensitive: bool = False
    streaming: bool = False


@attrs.frozen
class EnumValue:
    member_name: str  # UPPER_SNAKE Python name
    value: str  # the wire value, exactly as in the model


@attrs.frozen
class Enum:
    shape_name: str
    class_name: str
    values: tuple[EnumValue, ...]
    constraints: Constraints
    documentation: str
    sensitive: bool = False
    kind: Literal["enum"] = "enum"


@attrs.frozen
class ListOf:
    shape_name: str
    member: str  # shape name of the items
    constraints: Constraints
    documentation: str
    member_documentation: str = ""
    sensitive: bool = False
    kind: Literal["list"] = "list"


@attrs.frozen
class MapOf:
    shape_name: str
    key: str
    value: str
    constraints: Constraints
    documentation: str
    sensitive: bool = False
    kind: Literal["map"] = "map"
    key_documentation: str = ""  # the key's / value's documentation as the map refers to them
    value_documentation: str = ""
    key_name: str = "key"  # the key's / value's serialized name (``locationName``), if any
    value_name: str = "value"


@attrs.frozen
class Member:
    wire_name: str  # the model's member name (the key on the wire and in botocore params)
    attr_name: str  # snake_case Python attribute / keyword argument
    cli_name: str  # --option-name of the AWS CLI
    shape: str  # shape name of the value
    required: bool
    documentation: str
    sensitive: bool = False
    deprecated: bool = False
    deprecated_message: str = ""
    idempotency_token: bool = False
    constraints: Constraints = Constraints()  # the member's own traits merged over its shape's
    location: str | None = None  # where the member travels: "header", "uri", "querystring", ...
    json_value: bool = False  # a string holding JSON (the ``jsonvalue`` trait)
    streaming: bool = False  # a streamed blob (the trait may sit on the member or on its shape)


@attrs.frozen
class Structure:
    shape_name: str
    class_name: str
    members: tuple[Member, ...]
    documentation: str
    exception: bool = False
    error_code: str | None = None
    http_status: int | None = None
    union: bool = False
    document: bool = False  # a "document" type: free-form JSON, not a class
    event_stream: bool = False
    sensitive: bool = False
    kind: Literal["structure"] = "structure"
    payload: str | None = None  # the member that is the whole HTTP body (rest protocols)

    @property
    def required_members(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.required)


Shape = Union[Scalar, Enum, ListOf, MapOf, Structure]


@attrs.frozen
class Paginator:
    input_token: tuple[str, ...]
    output_token: tuple[str, ...]
    result_key: tuple[str, ...]
    limit_key: str | None = None
    more_results: str | None = None
    non_aggregate_keys: tuple[str, ...] = ()


AcceptorState = Literal["success", "failure", "retry"]
Matcher = Literal["path", "pathAll", "pathAny", "status", "error"]


@attrs.frozen
class Acceptor:
    """One rule of a waiter, as botocore's ``AcceptorConfig`` reads it: when the response
    matches (``matcher``, ``argument``, ``expected``), the waiter enters ``state``."""

    state: AcceptorState
    matcher: Matcher
    expected: object  # a JSON value: a status code, an error code or flag, what a path gives
    argument: str | None = None  # the JMESPath expression of the path matchers

    @property
    def matches_error(self) -> bool:
        """Whether the acceptor matches an error response (botocore raises ``ClientError`` for
        an HTTP status of 300 or more) rather than a successful one."""
        if self.matcher == "error":
            return self.expected is not False
        if self.matcher == "status":
            return isinstance(self.expected, int) and self.expected >= 300
        return False  # botocore's path matchers never match an error response


@attrs.frozen
class Waiter:
    """A waiter of ``waiters-2.json``: polls ``operation`` every ``delay`` seconds, at most
    ``max_attempts`` times, until an acceptor says success or failure."""

    name: str  # the model's name, e.g. TrainingJobCompletedOrStopped (botocore's waiter name)
    python_name: str  # what ``client.get_waiter`` takes, e.g. training_job_completed_or_stopped
    cli_name: str  # the AWS CLI's ``aws <service> wait <cli_name>``
    class_name: str  # the typed waiter class
    error_class_name: str  # the WaiterError subclass its failures raise
    operation: str  # the model's operation name
    delay: int | float
    max_attempts: int
    description: str  # plain text from the model (often empty)
    acceptors: tuple[Acceptor, ...]

    @property
    def succeeds_on(self) -> Literal["response", "error", "either"]:
        """What the last attempt of a successful wait gives: always a response, always an
        error (``TableNotExists``), or either."""
        ends = {a.matches_error for a in self.acceptors if a.state == "success"}
        if ends == {False}:
            return "response"
        return "error" if ends == {True} else "either"


@attrs.frozen
class Operation:
    name: str  # model name, e.g. ListTrainingJobs
    method_name: str  # snake_case client method
    cli_name: str  # kebab-case CLI command
    input: str | None  # shape names
    output: str | None
    errors: tuple[str, ...]
    documentation: str
    paginator: Paginator | None = None
    deprecated: bool = False
    http_method: str = "POST"
    request_uri: str = "/"


@attrs.frozen
class Service:
    service_name: str  # botocore's name, e.g. "sagemaker"
    api_version: str
    package: str  # import name of the generated package
    protocol: str
    service_id: str
    full_name: str
    uid: str | None
    documentation: str
    operations: tuple[Operation, ...]
    shapes: tuple[Shape, ...]  # every reachable shape, dependencies before dependents
    exception_names: tuple[str, ...] = ()  # class names of the modeled errors, in shape order
    waiters: tuple[Waiter, ...] = ()  # sorted by name
    endpoint_prefix: str | None = None  # ``metadata.endpointPrefix`` (how the AWS CLI's events name it)
    _index: dict[str, Shape] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {s.shape_name: s for s in self.shapes})

    def shape(self, name: str) -> Shape:
        return self._index[name]

    @property
    def structures(self) -> tuple[Structure, ...]:
        return tuple(
            s for s in self.shapes if isinstance(s, Structure) and not s.exception and not s.document
        )

    @property
    def exceptions(self) -> tuple[Structure, ...]:
        return tuple(s for s in self.shapes if isinstance(s, Structure) and s.exception)

    @property
    def enums(self) -> tuple[Enum, ...]:
        return tuple(s for s in self.shapes if isinstance(s, Enum))

    @property
    def paginated_operations(self) -> tuple[Operation, ...]:
        return tuple(o for o in self.operations if o.paginator is not None)

    def operation(self, name: str) -> Operation:
        return next(o for o in self.operations if o.name == name)
