"""What changed in the API between two spec snapshots, for users of the generated package.

Pure: two ``Snapshot`` values in, a ``Report`` out, then text, JSON or Markdown. The comparison
runs on the IR, so every change names the model's name and the Python name users write
(``HyperParameterTrainingJobSummary.TuningJobName (tuning_job_name)``), and types are compared
as the generated annotations, in the direction a member travels (a request's ``Sequence[Foo]``,
a response's ``list[Foo]``): a model-only
rename of a shape that users never see (a string shape behind a map's keys) is no change.

Classification, from the point of view of code using the generated package:

breaking
    operation, member, class, enum value, paginator or waiter removed; an operation's modeled
    error removed along with its class; a Python name changed; a member became required, or a
    required member was added to a request shape; a response member is no longer required (its
    type gains ``| None``); a member's type changed; a paginator's settings changed; a waiter
    polls another operation, or may now fail or time out where it succeeded (a success or
    retry acceptor removed, a failure acceptor added, the acceptors reordered: the first that
    matches decides).
additive
    operation, member, class, enum value, paginator, waiter or error added; a constraint relaxed
    (min lowered, max raised, a pattern removed or provably relaxed); a request-only member no longer required; a
    plain ``str`` member of a response became an enum (its values are still strings; the same
    in a request is breaking: a checker now rejects a string that is not one of its values); a
    waiter gains a success or retry acceptor or loses a failure one; a waiter's default delay
    or attempts raised (it waits longer before giving up).
constraint-tightened
    min raised, max lowered, a pattern added, or a pattern changed to one that provably
    accepts fewer strings (``codegen.patterns``); a waiter's default delay or attempts lowered.
constraint-changed
    a pattern changed, and neither tighter nor looser can be proven: the service may now
    reject some values it accepted, and accept others.
docs-only
    documentation changed (a waiter's description too); a deprecation flag; an operation no
    longer lists an error whose class another operation keeps (code keeps working).

For lengths (strings, blobs, lists, maps) a missing ``min`` and ``min: 0`` mean the same, so
that change is not reported. Changes are sorted by kind, service, model name, then change.
"""

from __future__ import annotations

import json
from typing import Iterable, Iterator, Literal, Protocol

import attrs

from codegen import patterns
from codegen.ir.build import build_service
from codegen.ir.nodes import (
    Acceptor,
    Constraints,
    Enum,
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
from codegen.ir.queries import reachable
from codegen.render.python import annotations
from codegen.render.python.waiters import acceptor_condition
from codegen.spec.store import ServiceSpec, Snapshot

Kind = Literal["breaking", "additive", "constraint-tightened", "constraint-changed", "docs-only"]
KINDS: tuple[Kind, ...] = ("breaking", "additive", "constraint-tightened", "constraint-changed", "docs-only")
KIND_TITLES: dict[str, str] = {
    "breaking": "Breaking",
    "additive": "Additive",
    "constraint-tightened": "Constraint tightened",
    "constraint-changed": "Constraint changed",
    "docs-only": "Docs-only",
}
FORMATS = ("text", "json", "markdown")
NO_CHANGES = "No API changes."

# Package name used to build the IR when the caller has none; it appears in no reported name.
_PLACEHOLDER_PACKAGE = "generated_package"


@attrs.frozen(order=False)
class Change:
    kind: Kind
    service: str
    target: str  # "service", "operation", "paginator", "waiter", "error", "class", "member", "enum value"
    model_name: str  # e.g. "HyperParameterTrainingJobSummary.TuningJobName"
    python_name: str  # e.g. "tuning_job_name"; "" when the model name is what users write
    change: str  # e.g. "member added", "max lowered"
    detail: str = ""  # e.g. "str | None" or "256 -> 100"

    @property
    def subject(self) -> str:
        if self.python_name and self.python_name != self.model_name:
            return f"{self.model_name} ({self.python_name})"
        return self.model_name

    def sort_key(self) -> tuple[int, str, str, str, str]:
        return (KINDS.index(self.kind), self.service, self.model_name, self.change, self.detail)

    def to_json(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "service": self.service,
            "target": self.target,
            "model_name": self.model_name,
            "python_name": self.python_name,
            "change": self.change,
            "detail": self.detail,
        }


@attrs.frozen
class Report:
    old_botocore: str
    new_botocore: str
    # (service, old api version or None, new api version or None), sorted by service
    services: tuple[tuple[str, str | None, str | None], ...]
    changes: tuple[Change, ...]
    package: str | None = None
    version: str | None = None  # the package version the changes are released in
    date: str | None = None  # the release's date (ISO), for the heading

    @property
    def empty(self) -> bool:
        return not self.changes

    @property
    def breaking(self) -> bool:
        return any(c.kind == "breaking" for c in self.changes)

    def of_kind(self, kind: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind == kind)

    def counts(self) -> dict[str, int]:
        return {kind: len(self.of_kind(kind)) for kind in KINDS}


# --- comparing ---------------------------------------------------------------------------------


def botocore_version(snapshot: Snapshot) -> str:
    """The botocore version a snapshot was pinned from; "none" for no snapshot at all."""
    if not snapshot.manifest and not snapshot.services:
        return "none"
    source = snapshot.manifest.get("source") if isinstance(snapshot.manifest, dict) else None
    version = source.get("botocore_version") if isinstance(source, dict) else None
    return str(version) if version else "unknown"


def diff_snapshots(old: Snapshot, new: Snapshot, package: str | None = None) -> Report:
    """The API changes from ``old`` to ``new`` (raises ``CodegenError`` on a malformed spec)."""
    build_package = package or _PLACEHOLDER_PACKAGE
    old_specs = {s.service_name: s for s in old.services}
    new_specs = {s.service_name: s for s in new.services}
    changes: list[Change] = []
    versions = []
    for name in sorted(set(old_specs) | set(new_specs)):
        before_spec, after_spec = old_specs.get(name), new_specs.get(name)
        versions.append(
            (name, before_spec.api_version if before_spec else None, after_spec.api_version if after_spec else None)
        )
        if _same(before_spec, after_spec):
            continue  # the same files: nothing to compare (most services of a catalog update)
        before = build_service(before_spec, build_package) if before_spec else None
        after = build_service(after_spec, build_package) if after_spec else None
        changes.extend(diff_services(before, after))
    return Report(
        old_botocore=botocore_version(old),
        new_botocore=botocore_version(new),
        services=tuple(versions),
        changes=tuple(sorted(changes, key=Change.sort_key)),
        package=package,
    )


def first_pin_report(new: Snapshot, package: str | None = None) -> Report:
    """The report of a first pin: every service added (its contents are all new, so they are
    not listed one by one)."""
    return Report(
        old_botocore="none",
        new_botocore=botocore_version(new),
        services=tuple((s.service_name, None, s.api_version) for s in new.services),
        changes=tuple(
            Change("additive", s.service_name, "service", s.service_name, "", "service added")
            for s in new.services
        ),
        package=package,
    )


def _same(old: ServiceSpec | None, new: ServiceSpec | None) -> bool:
    return old is not None and new is not None and old.operations == new.operations and old.files == new.files


def diff_services(old: Service | None, new: Service | None) -> list[Change]:
    """Unsorted changes between two IRs of one service; either may be absent."""
    if old is None and new is None:
        return []
    if old is None or new is None:
        present = new or old
        assert present is not None
        kind: Kind = "additive" if new is not None else "breaking"
        verb = "added" if new is not None else "removed"
        return [
            Change(
                kind, present.service_name, "service", present.service_name, "", f"service {verb}"
            )
        ]
    return list(_ServiceDiff(old, new).changes())


def _annotation(service: Service, shape_name: str, direction: annotations.Direction = "output") -> str:
    return str(annotations.annotation(service, shape_name, direction))


def _reachable(service: Service, roots: Iterable[str | None]) -> frozenset[str]:
    return frozenset(shape.shape_name for shape in reachable(service, roots))


def _inputs(service: Service) -> frozenset[str]:
    return _reachable(service, (op.input for op in service.operations))


def _outputs(service: Service) -> frozenset[str]:
    return _reachable(service, (n for op in service.operations for n in (op.output, *op.errors)))


def _classes(service: Service) -> dict[str, Structure | Enum]:
    """Shapes that become classes users import: enums, structures and exceptions."""
    return {
        s.shape_name: s
        for s in service.shapes
        if isinstance(s, Enum) or (isinstance(s, Structure) and not s.document)
    }


def _class_kind(shape: Structure | Enum) -> str:
    if isinstance(shape, Enum):
        return "enum"
    return "exception" if shape.exception else "structure"


def _measures_length(shape: Shape) -> bool:
    if isinstance(shape, Scalar):
        return shape.kind in ("string", "blob")
    return isinstance(shape, (Enum, ListOf, MapOf))


def _show(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def constraint_changes(
    old: Constraints, new: Constraints, length: bool
) -> Iterator[tuple[Kind, str, str]]:
    """(kind, change, detail) for each of min, max and pattern that differ in effect."""
    floor = 0 if length else float("-inf")
    old_min = floor if old.min is None else old.min
    new_min = floor if new.min is None else new.min
    if old_min != new_min:
        tighter = new_min > old_min
        yield (
            "constraint-tightened" if tighter else "additive",
            "min raised" if tighter else "min lowered",
            f"{_show(old.min)} -> {_show(new.min)}",
        )
    old_max = float("inf") if old.max is None else old.max
    new_max = float("inf") if new.max is None else new.max
    if old_max != new_max:
        tighter = new_max < old_max
        yield (
            "constraint-tightened" if tighter else "additive",
            "max lowered" if tighter else "max raised",
            f"{_show(old.max)} -> {_show(new.max)}",
        )
    if old.pattern != new.pattern:
        if new.pattern is None:
            yield "additive", "pattern removed", _show(old.pattern)
        elif old.pattern is None:
            yield "constraint-tightened", "pattern added", _show(new.pattern)
        else:
            detail = f"{_show(old.pattern)} -> {_show(new.pattern)}"
            order = patterns.compare(old.pattern, new.pattern)
            if order == "tighter":
                yield "constraint-tightened", "pattern tightened", detail
            elif order == "looser":
                yield "additive", "pattern relaxed", detail
            elif order == "unknown":
                yield "constraint-changed", "pattern changed", detail


def _acceptor_text(acceptor: Acceptor) -> str:
    return f"{acceptor.state} when {acceptor_condition(acceptor, quote='')}"


def _paginator_fields(paginator: Paginator) -> dict[str, object]:
    return attrs.asdict(paginator)


class _ChangeFactory(Protocol):
    def __call__(self, kind: Kind, what: str, detail: str = "") -> Change: ...


class _ServiceDiff:
    def __init__(self, old: Service, new: Service) -> None:
        self.old, self.new = old, new
        self.name = new.service_name
        self.inputs = _inputs(new)
        self.outputs = _outputs(old) | _outputs(new)

    def change(
        self,
        kind: Kind,
        target: str,
        model_name: str,
        python_name: str,
        change: str,
        detail: str = "",
    ) -> Change:
        return Change(kind, self.name, target, model_name, python_name, change, detail)

    def factory(self, target: str, model_name: str, python_name: str) -> _ChangeFactory:
        """A ``change`` function for one named thing."""

        def change(kind: Kind, what: str, detail: str = "") -> Change:
            return Change(kind, self.name, target, model_name, python_name, what, detail)

        return change

    def changes(self) -> Iterator[Change]:
        if self.old.documentation != self.new.documentation:
            yield self.change(
                "docs-only", "service", self.name, "", "service documentation changed"
            )
        yield from self.operations()
        yield from self.waiters()
        yield from self.classes()

    # operations

    def operations(self) -> Iterator[Change]:
        old_ops = {op.name: op for op in self.old.operations}
        new_ops = {op.name: op for op in self.new.operations}
        for name in sorted(set(old_ops) | set(new_ops)):
            before, after = old_ops.get(name), new_ops.get(name)
            if after is None:
                assert before is not None
                yield self.change(
                    "breaking", "operation", name, before.method_name, "operation removed"
                )
            elif before is None:
                detail = "paginated" if after.paginator else ""
                yield self.change(
                    "additive", "operation", name, after.method_name, "operation added", detail
                )
            else:
                yield from self.operation(before, after)

    def operation(self, old: Operation, new: Operation) -> Iterator[Change]:
        operation = self.factory("operation", new.name, new.method_name)
        error = self.factory("error", new.name, new.method_name)
        paginator = self.factory("paginator", new.name, new.method_name)
        if old.method_name != new.method_name:
            yield operation(
                "breaking", "renamed in Python", f"{old.method_name} -> {new.method_name}"
            )
        for side in ("input", "output"):
            before, after = getattr(old, side), getattr(new, side)
            if before != after:
                yield operation("breaking", f"{side} changed", f"{_show(before)} -> {_show(after)}")
        for name in sorted(set(old.errors) | set(new.errors)):
            if name not in new.errors:
                # Errors are translated by code for every operation: while another operation
                # keeps the class, ``except`` clauses still work (its removal is reported apart).
                kept = name in _classes(self.new)
                kind: Kind = "docs-only" if kept else "breaking"
                yield error(kind, "error removed", self.class_label(self.old, name))
            elif name not in old.errors:
                yield error("additive", "error added", self.class_label(self.new, name))
        if old.paginator is None and new.paginator is not None:
            yield paginator("additive", "paginator added")
        elif old.paginator is not None and new.paginator is None:
            yield paginator("breaking", "paginator removed")
        elif (
            old.paginator is not None
            and new.paginator is not None
            and old.paginator != new.paginator
        ):
            before, after = _paginator_fields(old.paginator), _paginator_fields(new.paginator)
            differing = [k for k in before if before[k] != after[k]]
            detail = "; ".join(f"{k} {before[k]!r} -> {after[k]!r}" for k in differing)
            yield paginator("breaking", "paginator changed", detail)
        if old.documentation != new.documentation:
            yield operation("docs-only", "documentation changed")
        if old.deprecated != new.deprecated:
            yield operation(
                "docs-only", "now deprecated" if new.deprecated else "no longer deprecated"
            )

    # waiters

    def waiters(self) -> Iterator[Change]:
        old_waiters = {w.name: w for w in self.old.waiters}
        new_waiters = {w.name: w for w in self.new.waiters}
        for name in sorted(set(old_waiters) | set(new_waiters)):
            before, after = old_waiters.get(name), new_waiters.get(name)
            if after is None:
                assert before is not None
                yield self.change("breaking", "waiter", name, before.python_name, "waiter removed")
            elif before is None:
                yield self.change(
                    "additive", "waiter", name, after.python_name, "waiter added", after.operation
                )
            else:
                yield from self.waiter(before, after)

    def waiter(self, old: Waiter, new: Waiter) -> Iterator[Change]:
        change = self.factory("waiter", new.name, new.python_name)
        for what, before, after in (
            ("renamed in Python", old.python_name, new.python_name),
            ("class renamed in Python", old.class_name, new.class_name),
            ("error class renamed in Python", old.error_class_name, new.error_class_name),
            ("operation changed", old.operation, new.operation),
        ):
            if before != after:
                yield change("breaking", what, f"{before} -> {after}")
        for what, before_count, after_count in (
            ("default delay", old.delay, new.delay),
            ("default attempts", old.max_attempts, new.max_attempts),
        ):
            if before_count != after_count:
                longer = after_count > before_count
                kind: Kind = "additive" if longer else "constraint-tightened"
                verb = "raised" if longer else "lowered"
                yield change(kind, f"{what} {verb}", f"{before_count} -> {after_count}")
        yield from self.acceptors(old.acceptors, new.acceptors, change)
        if old.description != new.description:
            yield change("docs-only", "description changed")

    @staticmethod
    def acceptors(
        old: tuple[Acceptor, ...], new: tuple[Acceptor, ...], change: _ChangeFactory
    ) -> Iterator[Change]:
        """A waiter's acceptors: those removed and added, and whether the ones kept are in
        another order (the first that matches decides)."""
        # Waiting longer or succeeding more often keeps code working; failing sooner may not.
        safe_to_add = ("success", "retry")
        for acceptor in old:
            if acceptor not in new:
                kind: Kind = "additive" if acceptor.state == "failure" else "breaking"
                yield change(kind, "acceptor removed", _acceptor_text(acceptor))
        for acceptor in new:
            if acceptor not in old:
                kind = "additive" if acceptor.state in safe_to_add else "breaking"
                yield change(kind, "acceptor added", _acceptor_text(acceptor))
        kept_old = [a for a in old if a in new]
        kept_new = [a for a in new if a in old]
        if kept_old != kept_new:
            yield change("breaking", "acceptors reordered")

    @staticmethod
    def class_label(service: Service, shape_name: str) -> str:
        shape = service.shape(shape_name)
        class_name = getattr(shape, "class_name", shape_name)
        return shape_name if class_name == shape_name else f"{shape_name} ({class_name})"

    # classes

    def classes(self) -> Iterator[Change]:
        old_classes, new_classes = _classes(self.old), _classes(self.new)
        for name in sorted(set(old_classes) | set(new_classes)):
            before, after = old_classes.get(name), new_classes.get(name)
            if after is None:
                assert before is not None
                kind = _class_kind(before)
                yield self.change("breaking", "class", name, before.class_name, f"{kind} removed")
            elif before is None:
                yield self.change(
                    "additive", "class", name, after.class_name, f"{_class_kind(after)} added"
                )
            else:
                yield from self.class_changes(before, after)

    def class_changes(self, old: Structure | Enum, new: Structure | Enum) -> Iterator[Change]:
        change = self.factory("class", new.shape_name, new.class_name)
        if _class_kind(old) != _class_kind(new):
            yield change("breaking", "kind changed", f"{_class_kind(old)} -> {_class_kind(new)}")
            return
        if old.class_name != new.class_name:
            yield change("breaking", "renamed in Python", f"{old.class_name} -> {new.class_name}")
        if old.documentation != new.documentation:
            yield change("docs-only", "documentation changed")
        if isinstance(old, Enum) and isinstance(new, Enum):
            yield from self.enum_values(old, new)
        elif isinstance(old, Structure) and isinstance(new, Structure):
            if old.error_code != new.error_code:
                yield change(
                    "breaking",
                    "error code changed",
                    f"{_show(old.error_code)} -> {_show(new.error_code)}",
                )
            yield from self.members(old, new)

    def enum_values(self, old: Enum, new: Enum) -> Iterator[Change]:
        before = {v.value: v.member_name for v in old.values}
        after = {v.value: v.member_name for v in new.values}
        for value in [*before, *(v for v in after if v not in before)]:
            model_name = f"{new.shape_name}.{value}"
            if value not in after:
                python = f"{new.class_name}.{before[value]}"
                yield self.change(
                    "breaking", "enum value", model_name, python, "enum value removed"
                )
            elif value not in before:
                python = f"{new.class_name}.{after[value]}"
                yield self.change("additive", "enum value", model_name, python, "enum value added")
            elif before[value] != after[value]:
                python = f"{new.class_name}.{after[value]}"
                yield self.change(
                    "breaking",
                    "enum value",
                    model_name,
                    python,
                    "renamed in Python",
                    f"{before[value]} -> {after[value]}",
                )

    def members(self, old: Structure, new: Structure) -> Iterator[Change]:
        before = {m.wire_name: m for m in old.members}
        after = {m.wire_name: m for m in new.members}
        is_input = new.shape_name in self.inputs
        is_output = new.shape_name in self.outputs or old.shape_name in self.outputs
        for wire in [*before, *(w for w in after if w not in before)]:
            model_name = f"{new.shape_name}.{wire}"
            old_member, new_member = before.get(wire), after.get(wire)
            either = new_member or old_member
            assert either is not None
            attr_name = either.attr_name
            change = self.factory("member", model_name, self.member_python_name(new, attr_name))
            if new_member is None:
                yield change("breaking", "member removed")
                continue
            if old_member is None:
                annotation = str(annotations.field_annotation(self.new, new_member))
                if new_member.required:
                    kind: Kind = "breaking" if is_input else "additive"
                    yield change(kind, "required member added", annotation)
                else:
                    yield change("additive", "member added", annotation)
                continue
            yield from self.member(old_member, new_member, is_input, is_output, change)

    def member_python_name(self, structure: Structure, attr_name: str) -> str:
        if structure.class_name == structure.shape_name:
            return attr_name
        return f"{structure.class_name}.{attr_name}"

    def member(
        self, old: Member, new: Member, is_input: bool, is_output: bool, change: _ChangeFactory
    ) -> Iterator[Change]:
        if old.attr_name != new.attr_name:
            yield change("breaking", "renamed in Python", f"{old.attr_name} -> {new.attr_name}")
        if not old.required and new.required:
            yield change("breaking", "became required")
        elif old.required and not new.required:
            if is_output:
                yield change("breaking", "no longer required", "may now be None")
            else:
                yield change("additive", "no longer required")
        direction: annotations.Direction = (
            "shared" if is_output and is_input else "output" if is_output else "input"
        )
        old_type = _annotation(self.old, old.shape, direction)
        new_type = _annotation(self.new, new.shape, direction)
        if old_type != new_type:
            # A response member that became an enum: its values are still strings.
            became_enum = direction == "output" and old_type == "str" and isinstance(self.new.shape(new.shape), Enum)
            kind: Kind = "additive" if became_enum else "breaking"
            yield change(kind, "type changed", f"{old_type} -> {new_type}")
        else:
            length = _measures_length(self.new.shape(new.shape))
            for kind, what, detail in constraint_changes(old.constraints, new.constraints, length):
                yield change(kind, what, detail)
            yield from self.element_constraints(old.shape, new.shape, change)
        if old.documentation != new.documentation:
            yield change("docs-only", "documentation changed")
        if old.deprecated != new.deprecated:
            yield change(
                "docs-only", "now deprecated" if new.deprecated else "no longer deprecated"
            )

    def element_constraints(
        self, old_name: str, new_name: str, change: _ChangeFactory, suffix: str = ""
    ) -> Iterator[Change]:
        """Constraints on a list's items and a map's keys and values (the types are equal)."""
        old, new = self.old.shape(old_name), self.new.shape(new_name)
        pairs: list[tuple[str, str, str]] = []
        if isinstance(old, ListOf) and isinstance(new, ListOf):
            pairs = [(" items", old.member, new.member)]
        elif isinstance(old, MapOf) and isinstance(new, MapOf):
            pairs = [(" keys", old.key, new.key), (" values", old.value, new.value)]
        for part, old_element, new_element in pairs:
            before, after = self.old.shape(old_element), self.new.shape(new_element)
            if isinstance(after, Structure) or isinstance(before, Structure):
                continue  # a class of its own: compared as a class
            label = suffix + part
            length = _measures_length(after)
            for kind, what, detail in constraint_changes(
                before.constraints, after.constraints, length
            ):
                yield change(kind, f"{label.strip()}: {what}", detail)
            yield from self.element_constraints(old_element, new_element, change, label)


# --- rendering ---------------------------------------------------------------------------------
#
# Changes are shown grouped: under each kind, by service, then by what users name in code (an
# operation with its paginator and errors, a waiter, a class with its members or values), so a
# release note reads "operation X: three things" rather than three unrelated lines.

# What a change is grouped under, by its target, and the order of the groups.
_GROUP_OF_TARGET = {
    "service": "service",
    "operation": "operation",
    "paginator": "operation",
    "error": "operation",
    "waiter": "waiter",
    "class": "class",
    "member": "class",
    "enum value": "class",
}
_GROUP_ORDER = ("service", "operation", "waiter", "class")


@attrs.frozen
class Group:
    """The changes of one kind to one named thing: an operation, a waiter, a class."""

    service: str
    what: str  # "operation", "waiter", "class", "service"
    model_name: str
    python_name: str  # "" when it is the model name
    changes: tuple[Change, ...]


def _group_key(change: Change) -> tuple[str, str, str, str]:
    """(service, what, model name, Python name) of the group a change belongs to."""
    what = _GROUP_OF_TARGET.get(change.target, change.target)
    if change.target in ("member", "enum value"):
        shape = change.model_name.split(".", 1)[0]
        python = change.python_name.split(".", 1)[0] if "." in change.python_name else shape
        return change.service, what, shape, python if python != shape else ""
    python = change.python_name if change.python_name != change.model_name else ""
    return change.service, what, change.model_name, python


def groups(changes: Iterable[Change]) -> tuple[Group, ...]:
    """The changes (of one kind) grouped, groups in service, kind of thing and name order."""
    by_key: dict[tuple[str, str, str, str], list[Change]] = {}
    for change in changes:
        by_key.setdefault(_group_key(change), []).append(change)
    ordered = sorted(
        by_key.items(),
        key=lambda item: (item[0][0], _GROUP_ORDER.index(item[0][1]) if item[0][1] in _GROUP_ORDER else 9, item[0][2]),
    )
    return tuple(Group(*key, tuple(members)) for key, members in ordered)


def _item(change: Change) -> tuple[str, str]:
    """The part of a change's name inside its group (a member's, a value's), model and Python;
    empty when the change is about the group's thing itself."""
    if change.target not in ("member", "enum value"):
        return "", ""
    model = change.model_name.split(".", 1)[1]
    python = change.python_name.split(".", 1)[1] if "." in change.python_name else change.python_name
    return model, python if python != model else ""


def _models(report: Report) -> str:
    """"botocore 1.15.0 -> 1.44.8; sagemaker API version 2017-07-24 -> 2017-07-25"."""
    same = report.old_botocore == report.new_botocore
    parts = [f"botocore {report.new_botocore}" if same else f"botocore {report.old_botocore} -> {report.new_botocore}"]
    for name, before, after in report.services:
        if before != after:
            parts.append(f"{name} API version {before or 'none'} -> {after or 'none'}")
    return "; ".join(parts)


def _summary(report: Report) -> str:
    return ", ".join(f"{n} {KIND_TITLES[kind].lower()}" for kind, n in report.counts().items() if n)


def title(report: Report) -> str:
    """The report's heading: the package and the version released, with the date; without a
    version, the package and the model versions compared."""
    who = report.package or ", ".join(name for name, _, _ in report.services) or "API"
    if report.version:
        heading = f"{who} {report.version}"
    else:
        heading = f"{who}: {_models(report)}"
    return f"{heading} ({report.date})" if report.date else heading


def _several(report: Report) -> bool:
    return len(report.services) > 1


def _text_name(model: str, python: str) -> str:
    return f"{model} ({python})" if python else model


def _text_change(change: Change, with_item: bool = True) -> str:
    item = _text_name(*_item(change)) if with_item else ""
    text = f"{item}: {change.change}" if item else change.change
    return f"{text}: {change.detail}" if change.detail else text


def render_text(report: Report) -> str:
    lines = [f"API changes in {title(report)}"]
    if report.version or any(before != after for _, before, after in report.services):
        lines.append(_models(report))
    if report.empty:
        return "\n".join([*lines, NO_CHANGES]) + "\n"
    lines.append(_summary(report))
    for kind in KINDS:
        changes = report.of_kind(kind)
        if not changes:
            continue
        lines += ["", f"{KIND_TITLES[kind]} ({len(changes)}):"]
        for group in groups(changes):
            label = f"{group.what} {_text_name(group.model_name, group.python_name)}"
            if _several(report) and group.what != "service":
                label = f"{group.service}: {label}"
            if len(group.changes) == 1:
                lines.append(f"  - {label}: {_text_change(group.changes[0])}")
            else:
                lines.append(f"  - {label}:")
                lines += [f"    - {_text_change(c)}" for c in group.changes]
    return "\n".join(lines) + "\n"


def _code(text: str) -> str:
    """``text`` as a Markdown code span, whatever backticks it holds."""
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _markdown_name(model: str, python: str) -> str:
    return f"{_code(model)} ({_code(python)})" if python else _code(model)


def _markdown_change(change: Change) -> str:
    model, python = _item(change)
    text = f"{_markdown_name(model, python)}: {change.change}" if model else change.change
    return f"{text}: {_code(change.detail)}" if change.detail else text


def render_markdown(report: Report, heading_level: int = 2) -> str:
    """A Markdown section for release notes and the CHANGELOG: a heading with the package,
    version and date, the model versions, then the changes by kind, grouped."""
    hashes = "#" * heading_level
    lines = [f"{hashes} {title(report)}", ""]
    if report.version or any(before != after for _, before, after in report.services):
        lines += [f"{_models(report)}.", ""]
    if report.empty:
        return "\n".join([*lines, NO_CHANGES]) + "\n"
    lines.append(f"{_summary(report)}.")
    for kind in KINDS:
        changes = report.of_kind(kind)
        if not changes:
            continue
        lines += ["", f"{hashes}# {KIND_TITLES[kind]}", ""]
        for group in groups(changes):
            label = f"{group.what} {_markdown_name(group.model_name, group.python_name)}"
            if _several(report) and group.what != "service":
                label = f"{group.service}: {label}"
            if len(group.changes) == 1:
                lines.append(f"- {label}: {_markdown_change(group.changes[0])}")
            else:
                lines.append(f"- {label}")
                lines += [f"  - {_markdown_change(c)}" for c in group.changes]
    return "\n".join(lines) + "\n"


def report_json(report: Report) -> dict[str, object]:
    return {
        "package": report.package,
        "version": report.version,
        "date": report.date,
        "old": {
            "botocore_version": report.old_botocore,
            "services": {name: before for name, before, _ in report.services if before},
        },
        "new": {
            "botocore_version": report.new_botocore,
            "services": {name: after for name, _, after in report.services if after},
        },
        "summary": report.counts(),
        "breaking": report.breaking,
        "changes": [c.to_json() for c in report.changes],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n"


def render(report: Report, fmt: str = "text") -> str:
    if fmt == "json":
        return render_json(report)
    if fmt == "markdown":
        return render_markdown(report)
    if fmt == "text":
        return render_text(report)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
