"""Restrict a service model to some operations and every shape they reach.

The closure is computed with botocore's own model classes, so a shape is "reached" exactly when
botocore would resolve it for the operation's input, output or errors.
"""

from __future__ import annotations

from typing import Any, Iterable

from botocore import model as botocore_model

from codegen.errors import CodegenError, json_path
from codegen.spec.validate import check_service_model

# Top-level keys of service-2.json kept in a slice; anything else (e.g. "examples") is dropped.
SERVICE_KEYS = ("version", "metadata", "documentation", "operations", "shapes")


def reached_shapes(service: botocore_model.ServiceModel, operation_name: str) -> list[str]:
    """Names of the shapes ``operation_name`` reaches, in first-reached order."""
    try:
        operation = service.operation_model(operation_name)
    except botocore_model.OperationNotFoundError:
        raise CodegenError(json_path("operations", operation_name), "no such operation") from None
    seen: dict[str, None] = {}
    where = json_path("operations", operation_name)
    try:
        roots = [operation.input_shape, operation.output_shape, *operation.error_shapes]
    except botocore_model.NoShapeFoundError as exc:
        raise CodegenError(where, f"refers to a missing shape: {exc}") from None
    for root in roots:
        if root is not None:
            _walk(root, seen, json_path("shapes", root.name))
    return list(seen)


def _walk(shape: botocore_model.Shape, seen: dict[str, None], path: str) -> None:
    # Iterative depth-first walk: recursive shapes (DynamoDB's AttributeValue) and deep nesting
    # must not hit Python's recursion limit.
    stack: list[tuple[botocore_model.Shape, str]] = [(shape, path)]
    while stack:
        current, where = stack.pop()
        if current.name in seen:
            continue
        seen[current.name] = None
        try:
            children = list(_children(current, where))
        except botocore_model.NoShapeFoundError as exc:
            raise CodegenError(where, f"refers to a missing shape: {exc}") from None
        stack.extend(reversed(children))


def _children(
    shape: botocore_model.Shape, where: str
) -> Iterable[tuple[botocore_model.Shape, str]]:
    if isinstance(shape, botocore_model.StructureShape):
        for name, member in shape.members.items():
            yield member, json_path("shapes", shape.name, "members", name)
    elif isinstance(shape, botocore_model.ListShape):
        yield shape.member, json_path("shapes", shape.name, "member")
    elif isinstance(shape, botocore_model.MapShape):
        yield shape.key, json_path("shapes", shape.name, "key")
        yield shape.value, json_path("shapes", shape.name, "value")


def slice_service(model: dict[str, Any], service_name: str, operations: Iterable[str]) -> dict[str, Any]:
    """The service-2 model restricted to ``operations`` and their shape closure.

    ``operations`` and ``shapes`` are sorted by name so the file is stable whatever order the
    source used; the members of a structure keep the model's order, which is meaningful.
    """
    if not isinstance(model, dict) or not isinstance(model.get("shapes"), dict) or not isinstance(
        model.get("operations"), dict
    ):
        raise CodegenError(f"{service_name}/service-2.json", "needs 'operations' and 'shapes' objects")
    service = botocore_model.ServiceModel(model, service_name)
    operations = list(dict.fromkeys(operations))
    for name in operations:  # each alone, so an unknown one is reported as before
        if name not in model["operations"]:
            raise CodegenError(json_path("operations", name), "no such operation")
    check_service_model(model, f"{service_name}/service-2.json", operations)
    shape_names: set[str] = set()
    for name in operations:
        shape_names.update(reached_shapes(service, name))
    sliced: dict[str, Any] = {key: model[key] for key in SERVICE_KEYS if key in model}
    sliced["operations"] = {name: model["operations"][name] for name in sorted(operations)}
    sliced["shapes"] = {name: model["shapes"][name] for name in sorted(shape_names)}
    return sliced


def slice_paginators(paginators: dict[str, Any] | None, operations: Iterable[str]) -> dict[str, Any]:
    """The ``pagination`` entries of ``operations``; an empty table when there are none.

    An empty table is still written: botocore's loader would otherwise fall back to the
    installed botocore's paginators for the same API version.
    """
    table = (paginators or {}).get("pagination", {})
    return {"pagination": {name: table[name] for name in sorted(operations) if name in table}}


def slice_waiters(
    waiters: dict[str, Any] | None, operations: Iterable[str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The waiters of ``operations`` (a waiters-2 table, sorted by name, empty when there are
    none), and the waiters left out: name -> the operation the slice does not hold.

    An empty table is still written, as for paginators: botocore's loader would otherwise find
    the installed botocore's waiters for the same API version, operations missing from the
    slice included.
    """
    table = (waiters or {}).get("waiters", {})
    held = set(operations)
    kept = {name: table[name] for name in sorted(table) if table[name]["operation"] in held}
    left_out = {name: table[name]["operation"] for name in sorted(table) if name not in kept}
    return {"version": (waiters or {}).get("version", 2), "waiters": kept}, left_out
