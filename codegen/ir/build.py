"""Build the IR from a pinned snapshot, through botocore's model classes.

Pure: the same ``ServiceSpec`` and package name always give an equal ``Service``.
"""

from __future__ import annotations

import keyword
from typing import Any, Iterator

from botocore import model as botocore_model

from codegen.errors import CodegenError, json_path
from codegen.ir import naming
from codegen.ir.nodes import (
    Acceptor,
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
    Waiter,
)
from codegen.spec import validate
from codegen.spec.store import ServiceSpec

SCALAR_KINDS = ("string", "integer", "long", "float", "double", "boolean", "timestamp", "blob")
_MALFORMED = (KeyError, TypeError, AttributeError, ValueError, IndexError)

# Lists and maps nested in each other without a structure between them become nested
# annotations and comprehensions in the generated code; AWS models nest at most 4 deep, and
# Python's parser stops at 200 nested brackets.
MAX_CONTAINER_NESTING = 32
# Renderers walk member trees recursively (the reference pages, the CLI's input skeleton) and
# expand every path, cutting only at recursion, as the AWS CLI does. The deepest AWS model nests
# about 23 shapes deep and its largest tree (QuickSight's dashboards) has about 55,000 entries;
# a spec far beyond either (a 40-deep "diamond" has 2**40 paths) is refused rather than left to
# exhaust the stack or run for hours.
MAX_NESTING = 100
MAX_MEMBER_TREE = 200_000


def build_service(spec: ServiceSpec, package: str) -> Service:
    where = f"{spec.service_name}/service-2.json"
    if not (isinstance(package, str) and package.isidentifier() and not keyword.iskeyword(package)):
        raise CodegenError("package", f"{package!r} is not a Python identifier")
    for name in spec.operations:
        if not naming.OPERATION_NAME.fullmatch(name):
            raise CodegenError(
                f"{where}: {json_path('operations', name)}",
                "an operation name must be ASCII letters, digits and underscores, starting with a letter",
            )
    # Types first, with JSON paths; botocore's classes below then see a well-formed model.
    validate.check_service_model(spec.model, where, spec.operations)
    validate.check_paginators(spec.paginators, _paginators_file(where), spec.operations)
    validate.check_waiters(spec.waiters, _waiters_file(where), spec.operations)
    try:
        model = botocore_model.ServiceModel(spec.model, spec.service_name)
        metadata = model.metadata
    except _MALFORMED as exc:
        raise CodegenError(f"{where}: metadata", f"malformed: {exc!r}") from None

    operation_models = [_operation_model(model, name, where) for name in sorted(spec.operations)]
    ordered = _dependency_order(model, operation_models, where)

    shape_objects = {name: model.shape_for(name) for name in ordered}
    _check_containers(shape_objects, ordered, where)
    _check_nesting(shape_objects, ordered, operation_models, where)
    class_shapes = [
        n for n, s in shape_objects.items()
        if isinstance(s, botocore_model.StructureShape) or _enum_values(s)
    ]
    classes = naming.class_names(class_shapes)
    shapes = tuple(_convert(shape_objects[name], classes, spec.model["shapes"], where) for name in ordered)

    table = spec.paginators.get("pagination", {})
    methods = naming.method_names(
        [op.name for op in operation_models], [op.name for op in operation_models if op.name in table]
    )
    operations = tuple(_operation(op, methods[op.name], table, where) for op in operation_models)
    _check_command_names(operations, where)
    paginator_classes = naming.paginator_class_names([op.name for op in operations if op.paginator], classes.values())
    waiters = _waiters(spec, (*classes.values(), *paginator_classes.values()), where)
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
        waiters=waiters,
        endpoint_prefix=_optional_str(metadata.get("endpointPrefix")),
    )


def _paginators_file(where: str) -> str:
    return where.replace("service-2.json", "paginators-1.json")


def _waiters_file(where: str) -> str:
    return where.replace("service-2.json", "waiters-2.json")


def _waiters(spec: ServiceSpec, taken: tuple[str, ...], where: str) -> tuple[Waiter, ...]:
    """The waiters of the slice's operations (checked by ``validate.check_waiters``), sorted by
    name. A waiter of an operation the spec does not hold is refused: ``codegen sync`` leaves
    such waiters out, so the spec was edited by hand."""
    table: dict[str, Any] = spec.waiters["waiters"]
    held = set(spec.operations)
    for name in sorted(table):
        if table[name]["operation"] not in held:
            raise CodegenError(
                f"{_waiters_file(where)}: {json_path('waiters', name, 'operation')}",
                f"names {table[name]['operation']!r}, which is not an operation of the spec",
            )
    python_names = naming.waiter_python_names(table)
    class_names = naming.waiter_class_names(table, taken)
    waiters = tuple(
        Waiter(
            name=name,
            python_name=python_names[name],
            cli_name=naming.cli_name(name),
            class_name=class_names[name][0],
            error_class_name=class_names[name][1],
            operation=entry["operation"],
            delay=entry["delay"],
            max_attempts=entry["maxAttempts"],
            description=entry.get("description", ""),
            acceptors=tuple(
                Acceptor(a["state"], a["matcher"], a["expected"], a.get("argument"))
                for a in entry["acceptors"]
            ),
        )
        for name, entry in sorted(table.items())
    )
    seen: dict[str, str] = {}
    for waiter in waiters:
        # ``aws <service> wait <command>`` has no collision handling, as operations' have none.
        other = seen.setdefault(waiter.cli_name, waiter.name)
        if other != waiter.name:
            raise CodegenError(
                f"{_waiters_file(where)}: {json_path('waiters', waiter.name)}",
                f"its command name {waiter.cli_name!r} is also that of waiter {other!r}",
            )
    return waiters


def _components(children: dict[str, list[str]], ordered: list[str]) -> list[list[str]]:
    """The strongly connected components of the shape graph (Tarjan's algorithm, iterative),
    each after every component it refers to."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    for root in ordered:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(children[root]))]
        while work:
            name, pending = work[-1]
            for child in pending:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(children[child])))
                    break
                if child in on_stack:
                    low[name] = min(low[name], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[name])
                if low[name] == index[name]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == name:
                            break
                    components.append(component)
    return components


def _check_nesting(
    shapes: dict[str, botocore_model.Shape],
    ordered: list[str],
    operations: list[botocore_model.OperationModel],
    where: str,
) -> None:
    """Refuse models nested deeper than MAX_NESTING or whose operations' member trees exceed
    MAX_MEMBER_TREE entries. Both are upper bounds computed on the graph of recursive groups
    (a group of mutually recursive shapes counts all its shapes), in linear time."""
    children = {name: [c.name for c in _children(shape)] for name, shape in shapes.items()}
    group_of: dict[str, int] = {}
    depth: list[int] = []
    size: list[int] = []
    for number, component in enumerate(_components(children, ordered)):
        for name in component:
            group_of[name] = number
        edges = [child for name in component for child in children[name]]
        outside = [group_of[c] for c in edges if group_of.get(c, number) != number]
        depth.append(len(component) + max((depth[g] for g in outside), default=0))
        inside = len(edges) - len(outside)
        total = len(component) + inside + len(component) * sum(size[g] for g in outside)
        size.append(min(total, MAX_MEMBER_TREE + 1))
        if depth[-1] > MAX_NESTING:
            raise CodegenError(
                f"{where}: {json_path('shapes', min(component))}",
                f"shapes nested more than {MAX_NESTING} deep are not supported",
            )
    for op in operations:
        for part, shape in (("input", op.input_shape), ("output", op.output_shape)):
            if shape is not None and size[group_of[shape.name]] > MAX_MEMBER_TREE:
                raise CodegenError(
                    f"{where}: {json_path('operations', op.name, part)}",
                    f"its member tree (every path through nested members, as the reference pages "
                    f"list them) has more than {MAX_MEMBER_TREE} entries",
                )


def _operation_model(
    model: botocore_model.ServiceModel, name: str, where: str
) -> botocore_model.OperationModel:
    path = f"{where}: {json_path('operations', name)}"
    try:
        operation = model.operation_model(name)
    except botocore_model.OperationNotFoundError:
        raise CodegenError(path, "no such operation") from None
    except _MALFORMED as exc:
        raise CodegenError(path, f"malformed: {exc!r}") from None
    return operation


def _check_command_names(operations: tuple[Operation, ...], where: str) -> None:
    """Operations name CLI commands and reference pages, which (as in the AWS CLI) have no
    collision handling: two operations may not give the same command name."""
    seen: dict[str, str] = {}
    for op in operations:
        other = seen.setdefault(op.cli_name, op.name)
        if other != op.name:
            raise CodegenError(
                f"{where}: {json_path('operations', op.name)}",
                f"its command name {op.cli_name!r} is also that of operation {other!r}",
            )


def _container_children(shape: botocore_model.Shape) -> list[botocore_model.Shape]:
    if isinstance(shape, botocore_model.ListShape):
        children = [shape.member]
    elif isinstance(shape, botocore_model.MapShape):
        children = [shape.key, shape.value]
    else:
        return []
    return [c for c in children if isinstance(c, (botocore_model.ListShape, botocore_model.MapShape))]


def _check_containers(
    shapes: dict[str, botocore_model.Shape], ordered: list[str], where: str
) -> None:
    """Lists and maps must reach a structure or a scalar: a cycle of lists and maps alone
    (``L = list[L]``) has no Python type, and nesting is limited (MAX_CONTAINER_NESTING).

    Iterative depth-first search over list/map-to-list/map references, in model order.
    """
    depth: dict[str, int] = {}  # finished shapes: how many lists/maps deep they nest
    for start in ordered:
        if start in depth or not _container_children(shapes[start]):
            continue
        path: list[str] = [start]
        stack: list[list[botocore_model.Shape]] = [_container_children(shapes[start])]
        while stack:
            if stack[-1]:
                child = stack[-1].pop(0)
                if child.name in depth:
                    continue
                if child.name in path:
                    cycle = path[path.index(child.name):] + [child.name]
                    raise CodegenError(
                        f"{where}: {json_path('shapes', child.name)}",
                        "refers to itself through lists and maps only ("
                        + " -> ".join(cycle)
                        + "); no Python type can express that without a structure in the cycle",
                    )
                path.append(child.name)
                stack.append(_container_children(child))
                continue
            stack.pop()
            name = path.pop()
            depth[name] = 1 + max(
                (depth[c.name] for c in _container_children(shapes[name])), default=0
            )
            if depth[name] > MAX_CONTAINER_NESTING:
                raise CodegenError(
                    f"{where}: {json_path('shapes', name)}",
                    f"lists and maps nested more than {MAX_CONTAINER_NESTING} deep "
                    "(with no structure between them) are not supported",
                )


def _roots(op: botocore_model.OperationModel, where: str) -> list[botocore_model.Shape]:
    try:
        shapes = [op.input_shape, op.output_shape, *op.error_shapes]
    except botocore_model.NoShapeFoundError as exc:
        raise CodegenError(f"{where}: {json_path('operations', op.name)}", f"refers to a missing shape {exc}") from None
    except _MALFORMED as exc:
        raise CodegenError(f"{where}: {json_path('operations', op.name)}", f"malformed: {exc!r}") from None
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
            (s, False, json_path("shapes", s.name)) for s in reversed(_roots(op, where))
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
                raise CodegenError(f"{where}: {path}", f"malformed: {exc!r}") from None
            for child in reversed(children):
                if child.name not in state:
                    stack.append((child, False, json_path("shapes", child.name)))
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
    path = f"{where}: {json_path('shapes', shape.name)}"
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
            _member(name, member, name in required, attr_names[name], raw_members.get(name, {}), sensitive)
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


def _holds_sensitive(shape: botocore_model.Shape) -> bool:
    """Whether a value of ``shape`` is sensitive: the shape is, or an item of it is (through
    lists and maps; a structure hides its own sensitive members)."""
    stack, seen = [shape], set()
    while stack:
        current = stack.pop()
        if current.metadata.get("sensitive"):
            return True
        if current.name in seen:
            continue
        seen.add(current.name)
        if isinstance(current, botocore_model.ListShape):
            stack.append(current.member)
        elif isinstance(current, botocore_model.MapShape):
            stack += [current.key, current.value]
    return False


def _member(
    name: str,
    shape: botocore_model.Shape,
    required: bool,
    attr_name: str,
    raw: dict[str, Any],
    in_sensitive: bool = False,
) -> Member:
    """A structure's member; ``in_sensitive``: the structure is sensitive as a whole, so every
    member is (as are members whose items are: a list of secrets is secret)."""
    return Member(
        wire_name=name,
        attr_name=attr_name,
        cli_name=naming.cli_name(name),
        shape=shape.name,
        required=required,
        documentation=shape.documentation or "",
        sensitive=in_sensitive or _holds_sensitive(shape),
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
    path = f"{_paginators_file(where)}: {json_path('pagination', op.name)}"
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
    op: botocore_model.OperationModel, method: str, table: dict[str, Any], where: str
) -> Operation:
    http = op.http or {}
    return Operation(
        name=op.name,
        method_name=method,
        cli_name=naming.cli_name(op.name),
        input=op.input_shape.name if op.input_shape is not None else None,
        output=op.output_shape.name if op.output_shape is not None else None,
        errors=tuple(s.name for s in op.error_shapes),
        documentation=op.documentation or "",
        paginator=_paginator(op, table, where),
        deprecated=bool(op.deprecated),
        http_method=str(http.get("method", "POST")),
        request_uri=str(http.get("requestUri", "/")),
    )


def iter_members(service: Service) -> Iterator[tuple[Structure, Member]]:
    for shape in service.structures:
        for member in shape.members:
            yield shape, member
