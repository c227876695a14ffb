"""Build the IR from a pinned snapshot, through botocore's model classes.

Pure: the same ``ServiceSpec`` and package name always give an equal ``Service``.
"""

from __future__ import annotations

from typing import Any, Iterator

from botocore import model as botocore_model

from codegen.errors import CodegenError
from codegen.ir import naming
from codegen.ir.nodes import (
    Constraints,
    Enum,
    EnumValue,
    ListOf,
    MapOf,
    Member,
    Operation,
    Paginator,
    Scalar,
    Service,
    Shape,
    Structure,
)
from codegen.spec.store import ServiceSpec

SCALAR_KINDS = ("string", "integer", "long", "float", "double", "boolean", "timestamp", "blob")
_MALFORMED = (KeyError, TypeError, AttributeError, ValueError, IndexError)


def build_service(spec: ServiceSpec, package: str) -> Service:
    where = f"{spec.service_name}/service-2.json"
    try:
        model = botocore_model.ServiceModel(spec.model, spec.service_name)
        metadata = model.metadata
    except _MALFORMED as exc:
        raise CodegenError(f"{where}: metadata", f"malformed: {exc}") from None
    if not isinstance(spec.model.get("shapes"), dict):
        raise CodegenError(f"{where}: shapes", "must be an object")
    if not isinstance(spec.model.get("operations"), dict):
        raise CodegenError(f"{where}: operations", "must be an object")

    operation_models = [_operation_model(model, name, where) for name in sorted(spec.operations)]
    ordered = _dependency_order(model, operation_models, where)

    shape_objects = {name: model.shape_for(name) for name in ordered}
    class_shapes = [
        n for n, s in shape_objects.items()
        if isinstance(s, botocore_model.StructureShape) or _enum_values(s)
    ]
    classes = naming.class_names(class_shapes)
    shapes = tuple(_convert(shape_objects[name], classes, spec.model["shapes"], where) for name in ordered)

    method_claims = naming.NameClaims()
    operations = tuple(
        _operation(op, method_claims.claim(naming.method_name(op.name)), spec.paginators, where)
        for op in operation_models
    )
    return Service(
        service_name=spec.service_name,
        api_version=spec.api_version,
        package=package,
        protocol=str(metadata.get("protocol", "")),
        service_id=str(metadata.get("serviceId", "")),
        full_name=str(metadata.get("serviceFullName", "")),
        uid=metadata.get("uid"),
        documentation=str(spec.model.get("documentation", "")),
        operations=operations,
        shapes=shapes,
        exception_names=tuple(
            s.class_name for s in shapes if isinstance(s, Structure) and s.exception
        ),
    )


def _operation_model(
    model: botocore_model.ServiceModel, name: str, where: str
) -> botocore_model.OperationModel:
    try:
        return model.operation_model(name)
    except botocore_model.OperationNotFoundError:
        raise CodegenError(f"{where}: operations.{name}", "no such operation") from None


def _roots(op: botocore_model.OperationModel, where: str) -> list[botocore_model.Shape]:
    try:
        shapes = [op.input_shape, op.output_shape, *op.error_shapes]
    except botocore_model.NoShapeFoundError as exc:
        raise CodegenError(f"{where}: operations.{op.name}", f"refers to a missing shape {exc}") from None
    except _MALFORMED as exc:
        raise CodegenError(f"{where}: operations.{op.name}", f"malformed: {exc}") from None
    return [s for s in shapes if s is not None]


def _children(shape: botocore_model.Shape) -> list[botocore_model.Shape]:
    if isinstance(shape, botocore_model.StructureShape):
        return list(shape.members.values())
    if isinstance(shape, botocore_model.ListShape):
        return [shape.member]
    if isinstance(shape, botocore_model.MapShape):
        return [shape.key, shape.value]
    return []


def _dependency_order(
    model: botocore_model.ServiceModel,
    operations: list[botocore_model.OperationModel],
    where: str,
) -> list[str]:
    """Shape names in depth-first post-order: a shape comes after every shape it refers to
    (except along a cycle), visiting operations, then members, in model order.

    Iterative, so recursive shapes and deep nesting cannot exhaust Python's stack.
    """
    order: list[str] = []
    state: dict[str, bool] = {}  # False while being visited, True when done
    for op in operations:
        stack: list[tuple[botocore_model.Shape, bool, str]] = [
            (s, False, f"shapes.{s.name}") for s in reversed(_roots(op, where))
        ]
        while stack:
            shape, expanded, path = stack.pop()
            if expanded:
                state[shape.name] = True
                order.append(shape.name)
                continue
            if shape.name in state:
                continue
            state[shape.name] = False
            stack.append((shape, True, path))
            try:
                children = _children(shape)
            except botocore_model.NoShapeFoundError as exc:
                raise CodegenError(f"{where}: {path}", f"refers to a missing shape {exc}") from None
            except _MALFORMED as exc:
                raise CodegenError(f"{where}: {path}", f"malformed: {exc}") from None
            for child in reversed(children):
                if child.name not in state:
                    stack.append((child, False, f"shapes.{child.name}"))
    return order


def _constraints(metadata: dict[str, Any]) -> Constraints:
    def number(key: str) -> int | float | None:
        value = metadata.get(key)
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    pattern = metadata.get("pattern")
    return Constraints(number("min"), number("max"), pattern if isinstance(pattern, str) else None)


def _enum_values(shape: botocore_model.Shape) -> tuple[str, ...]:
    if shape.type_name != "string":
        return ()
    values = shape.metadata.get("enum") or ()
    return tuple(dict.fromkeys(str(v) for v in values))


def _convert(
    shape: botocore_model.Shape, classes: dict[str, str], raw_shapes: dict[str, Any], where: str
) -> Shape:
    path = f"{where}: shapes.{shape.name}"
    try:
        return _convert_unchecked(shape, classes, raw_shapes, path)
    except CodegenError:
        raise
    except _MALFORMED as exc:
        raise CodegenError(path, f"malformed shape: {exc!r}") from None


def _convert_unchecked(
    shape: botocore_model.Shape, classes: dict[str, str], raw_shapes: dict[str, Any], path: str
) -> Shape:
    metadata = shape.metadata
    docs = shape.documentation or ""
    sensitive = bool(metadata.get("sensitive"))
    constraints = _constraints(metadata)
    if isinstance(shape, botocore_model.StructureShape):
        raw_members = raw_shapes[shape.name].get("members", {})
        required = set(shape.required_members)
        attr_names = naming.attr_names(shape.members)
        members = tuple(
            _member(name, member, name in required, attr_names[name], raw_members.get(name, {}))
            for name, member in shape.members.items()
        )
        error = metadata.get("error") or {}
        return Structure(
            shape_name=shape.name,
            class_name=classes[shape.name],
            members=members,
            documentation=docs,
            exception=bool(metadata.get("exception")),
            error_code=error.get("code", shape.name) if metadata.get("exception") else None,
            http_status=error.get("httpStatusCode"),
            union=bool(metadata.get("union")),
            document=bool(metadata.get("document")),
            event_stream=bool(shape.serialization.get("eventstream")),
            sensitive=sensitive,
            payload=_optional_str(shape.serialization.get("payload")),
        )
    if isinstance(shape, botocore_model.ListShape):
        return ListOf(
            shape.name, shape.member.name, constraints, docs, shape.member.documentation or "", sensitive
        )
    if isinstance(shape, botocore_model.MapShape):
        return MapOf(
            shape.name,
            shape.key.name,
            shape.value.name,
            constraints,
            docs,
            sensitive,
            key_documentation=shape.key.documentation or "",
            value_documentation=shape.value.documentation or "",
            key_name=str(shape.key.serialization.get("name", "key")),
            value_name=str(shape.value.serialization.get("name", "value")),
        )
    values = _enum_values(shape)
    if values:
        member_names = naming.enum_member_names(values)
        return Enum(
            shape.name,
            classes[shape.name],
            tuple(EnumValue(member_names[v], v) for v in values),
            constraints,
            docs,
            sensitive,
        )
    if shape.type_name not in SCALAR_KINDS:
        raise CodegenError(f"{path}.type", f"unknown shape type {shape.type_name!r}")
    return Scalar(
        shape.name,
        shape.type_name,  # type: ignore[arg-type]
        constraints,
        docs,
        sensitive,
        bool(shape.serialization.get("streaming")),
    )


def _member(
    name: str, shape: botocore_model.Shape, required: bool, attr_name: str, raw: dict[str, Any]
) -> Member:
    return Member(
        wire_name=name,
        attr_name=attr_name,
        cli_name=naming.cli_name(name),
        shape=shape.name,
        required=required,
        documentation=shape.documentation or "",
        sensitive=bool(shape.metadata.get("sensitive")),
        deprecated=bool(raw.get("deprecated")),
        deprecated_message=str(raw.get("deprecatedMessage", "")),
        idempotency_token=bool(shape.metadata.get("idempotencyToken")),
        constraints=_constraints(shape.metadata),
        location=_optional_str(shape.serialization.get("location")),
        json_value=bool(shape.serialization.get("jsonvalue")),
        streaming=bool(shape.serialization.get("streaming")),
    )


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _tuple(value: Any, path: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) and v for v in items):
        raise CodegenError(path, "must be a string or a list of strings")
    return tuple(items)


def _first_name(expression: str) -> str:
    """The member a paginator expression starts from (``Contents[].Key`` -> ``Contents``)."""
    for stop in (".", "[", " ", "|"):
        expression = expression.split(stop, 1)[0]
    return expression


def _paginator(op: botocore_model.OperationModel, table: dict[str, Any], where: str) -> Paginator | None:
    entry = table.get(op.name)
    if entry is None:
        return None
    path = f"{where}: pagination.{op.name}"
    if not isinstance(entry, dict):
        raise CodegenError(path, "must be an object")
    paginator = Paginator(
        input_token=_tuple(entry.get("input_token"), f"{path}.input_token"),
        output_token=_tuple(entry.get("output_token"), f"{path}.output_token"),
        result_key=_tuple(entry.get("result_key"), f"{path}.result_key"),
        limit_key=entry.get("limit_key"),
        more_results=entry.get("more_results"),
        non_aggregate_keys=_tuple(entry.get("non_aggregate_keys"), f"{path}.non_aggregate_keys"),
    )
    inputs = set(op.input_shape.members) if op.input_shape is not None else set()
    outputs = set(op.output_shape.members) if op.output_shape is not None else set()
    checks: list[tuple[str, tuple[str, ...], set[str]]] = [
        ("input_token", paginator.input_token, inputs),
        ("limit_key", (paginator.limit_key,) if paginator.limit_key else (), inputs),
        ("output_token", paginator.output_token, outputs),
        ("result_key", paginator.result_key, outputs),
    ]
    if not paginator.input_token or not paginator.output_token:
        raise CodegenError(path, "needs input_token and output_token")
    for key, names, members in checks:
        for expression in names:
            if _first_name(expression) not in members:
                raise CodegenError(f"{path}.{key}", f"names {expression!r}, not a member of the operation")
    return paginator


def _operation(
    op: botocore_model.OperationModel, method: str, paginators: dict[str, Any], where: str
) -> Operation:
    table = paginators.get("pagination", {}) if isinstance(paginators, dict) else {}
    http = op.http or {}
    return Operation(
        name=op.name,
        method_name=method,
        cli_name=naming.cli_name(op.name),
        input=op.input_shape.name if op.input_shape is not None else None,
        output=op.output_shape.name if op.output_shape is not None else None,
        errors=tuple(s.name for s in op.error_shapes),
        documentation=op.documentation or "",
        paginator=_paginator(op, table, where.replace("service-2.json", "paginators-1.json")),
        deprecated=bool(op.deprecated),
        http_method=str(http.get("method", "POST")),
        request_uri=str(http.get("requestUri", "/")),
    )


def iter_members(service: Service) -> Iterator[tuple[Structure, Member]]:
    for shape in service.structures:
        for member in shape.members:
            yield shape, member
