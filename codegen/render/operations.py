"""What the client and paginator templates need to know about each operation.

Derived from the IR by pure functions, so templates only lay the result out.
"""

from __future__ import annotations

import attrs

from codegen.ir import naming
from codegen.ir.nodes import ListOf, Member, Operation, Service, Structure
from codegen.render.escaping import Source, code
from codegen.render.pytypes import annotation


@attrs.frozen
class PaginatorView:
    class_name: str
    result_member: Member | None  # the first result key, when it is a plain list member
    item_annotation: Source
    hidden_members: tuple[Member, ...]  # input token and limit key: set through PaginationConfig
    members: tuple[Member, ...]  # the request members paginate() takes


@attrs.frozen
class OperationView:
    operation: Operation
    request: Structure | None
    response: Structure | None
    paginator: PaginatorView | None

    @property
    def request_members(self) -> tuple[Member, ...]:
        return self.request.members if self.request else ()


def operation_views(service: Service) -> tuple[OperationView, ...]:
    taken = [s.class_name for s in service.shapes if isinstance(s, Structure)] + [
        e.class_name for e in service.enums
    ]
    paginator_names = naming.paginator_class_names(
        [o.name for o in service.paginated_operations], taken
    )
    views = []
    for op in service.operations:
        request = _structure(service, op.input)
        response = _structure(service, op.output)
        paginator = None
        if op.paginator is not None:
            paginator = _paginator_view(service, op, request, response, paginator_names[op.name])
        views.append(OperationView(op, request, response, paginator))
    return tuple(views)


def _structure(service: Service, name: str | None) -> Structure | None:
    if name is None:
        return None
    shape = service.shape(name)
    return shape if isinstance(shape, Structure) else None


def _paginator_view(
    service: Service,
    op: Operation,
    request: Structure | None,
    response: Structure | None,
    class_name: str,
) -> PaginatorView:
    assert op.paginator is not None
    members = request.members if request else ()
    # botocore's paginator sets the input token and the limit key itself (PageSize); one the
    # model requires stays the caller's to give, and PageSize still overrides it.
    hidden_names = (
        set(op.paginator.input_token) | ({op.paginator.limit_key} if op.paginator.limit_key else set())
    ) - {m.wire_name for m in members if m.required}
    result_member = None
    item = code("typing.Any")
    if response is not None and op.paginator.result_key:
        first = op.paginator.result_key[0]
        for member in response.members:
            shape = service.shape(member.shape)
            if member.wire_name == first and isinstance(shape, ListOf):
                result_member = member
                item = annotation(service, shape.member)
    return PaginatorView(
        class_name=class_name,
        result_member=result_member,
        item_annotation=item,
        hidden_members=tuple(m for m in members if m.wire_name in hidden_names),
        members=tuple(m for m in members if m.wire_name not in hidden_names),
    )
