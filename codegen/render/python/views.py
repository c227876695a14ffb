"""What the package templates print, built once per service from the IR: frozen views whose
fields are ready to lay out (escaped names, docstrings, parameter lists, import needs).

Templates only place these; every decision (which direction a class is typed for, what a
method returns, which names a module imports) is made here, in Python. Each module's import
block is computed from the annotations its view embeds (``imports``) and the runtime symbols
its template used, so a module never uses a name it did not import.
"""

from __future__ import annotations

import attrs

from codegen.render.awscli.customizations import WAIT_COMMAND
from codegen.render.awscli.prose import WAIT_DESCRIPTION
from codegen.ir import naming, queries
from codegen.ir.nodes import EnumValue, ListOf, Operation, Service, Structure
from codegen.release import DEFAULT_VERSION, REQUIRES_PYTHON, Release, classifiers
from codegen.render.docs import Docs
from codegen.render.escaping import Source, code, docstring, identifier
from codegen.render.python.annotations import (
    ANY,
    MODEL,
    Annotation,
    Direction,
    Parameters,
    annotation,
    field_line,
)
from codegen.render.python.docstrings import enum_docstring, structure_docstring
from codegen.render.python.flavours import SYNC, Flavour
from codegen.render.python.imports import PAGINATOR, import_block
from codegen.render.python.waiters import WAITER, WaiterView, waiter_views


@attrs.frozen
class EnumView:
    class_name: str
    docstring: Source
    values: tuple[EnumValue, ...]


@attrs.frozen
class StructureView:
    class_name: str
    docstring: Source
    fields: tuple[Source, ...]
    union: bool  # exactly one member set (checked on construction), or ``unknown_member``


@attrs.frozen
class ErrorMemberView:
    """A modeled error's member, read from the error's response as a typed attribute."""

    attr_name: str
    wire_name: str
    annotation: Source  # always optional: a service may leave any member out of an error


@attrs.frozen
class ErrorView:
    class_name: str
    docstring: Source
    code: str
    members: tuple[ErrorMemberView, ...]


@attrs.frozen
class PaginatorView:
    class_name: str
    operation_name: str  # the model's name
    method_name: str  # the client's method it pages
    botocore_method: str  # botocore's client method (its paginator's name)
    request_class: str
    response_class: str
    item: Source  # the annotation of one result item
    parameters: Source  # the request members paginate() takes, as keyword parameters
    result_attr: str | None  # the first result key, when it is a plain list member


@attrs.frozen
class OperationView:
    name: str
    method_name: str
    request_class: str | None
    response_class: str | None
    docstring: Source  # closes on its own line when nothing follows it
    parameters: Source  # the request members as keyword-only parameters
    paginator: PaginatorView | None

    @property
    def result(self) -> Source:
        return code(identifier(self.response_class) if self.response_class else "None")

    @property
    def convert(self) -> Source | None:
        """The response class's conversion; None when there is no output (``rt.no_result``)."""
        if self.response_class is None:
            return None
        return code(f"{identifier(self.response_class)}.from_botocore")


@attrs.frozen
class PackageView:
    """Everything the package's templates print about one service."""

    package: str
    distribution: str
    version: str
    botocore_version: str  # whose model the package is generated from
    api_version: str
    service_name: str
    full_name: str
    description: str  # the distribution's one-line description
    license: str
    urls: tuple[tuple[str, str], ...]
    classifiers: tuple[str, ...]
    requires_python: str
    keywords: tuple[str, ...]
    operation_names: str  # "A, B" for the package docstring
    client_docstring: Source
    enums: tuple[EnumView, ...]
    structures: tuple[StructureView, ...]
    errors: tuple[ErrorView, ...]
    operations: tuple[OperationView, ...]
    paginators: tuple[PaginatorView, ...]
    model_names: tuple[str, ...]  # every class of models.py, sorted
    # class -> the classes defined after it that its fields name (recursive shapes)
    forward_references: dict[str, tuple[str, ...]]
    all_names: tuple[str, ...]  # the package's __all__
    # module (or a flavour's module, ``aio/waiters``, when its needs differ) -> what its views'
    # annotations need imported
    needs: dict[str, frozenset[str]]
    help_summaries: dict[str, str]  # CLI command -> the first sentence of its description
    waiters: tuple[WaiterView, ...] = ()  # ``python.waiters``
    wait_commands: tuple[str, ...] = ()  # the CLI's ``wait`` subcommands, in its order


# What each module's template always uses besides what its views need: standard-library,
# third-party and package modules (``imports.import_block``).
FIXED_IMPORTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "models": (("typing",), ("attrs",), ()),
    "errors": (("typing",), ("botocore.exceptions",), ()),
    "literals": ((), (), ()),
    # client, paginators and waiters: their flavour's (``flavours.Flavour.fixed_imports``)
    "testing": (("typing",), (), ("errors",)),
}
RUNTIME_NAMES = ("ServiceError", "ResponseParseError", "MissingMemberError", "ResponseMetadata")
# Attributes a modeled error has already (botocore's ClientError, Python's exceptions, the
# package's ServiceError): a member of the same name gets a trailing ``_``.
ERROR_RESERVED = frozenset(
    {"code", "response", "operation_name", "args", "add_note", "with_traceback", "kwargs", "fmt", "msg_template"}
)


def module_imports(view: PackageView, module: str, used: set[str], flavour: Flavour | None = None) -> Source:
    """The import block of a module of the package: what its views need, what its template
    used of the runtime (``used``), and its fixed imports (a flavoured module's, ``client``,
    ``paginators`` and ``waiters``, are its flavour's: ``flavours.Flavour.fixed_imports``)."""
    flavour = flavour or (SYNC if module in SYNC.modules else None)
    stdlib, third_party, package_modules = flavour.fixed_imports(module) if flavour else FIXED_IMPORTS[module]
    return import_block(
        view.package,
        view.needs.get(flavour.path(module) if flavour else module, view.needs.get(module, frozenset())) | used,
        stdlib=stdlib,
        third_party=third_party,
        package_modules=package_modules,
        local=module == "models",
        paginators_module=flavour.dotted("paginators") if flavour else "paginators",
        waiters_module=flavour.dotted("waiters") if flavour else "waiters",
    )


def directions(service: Service) -> dict[str, Direction]:
    """How each structure is typed (``annotations``): ``input`` when only requests hold it,
    ``output`` when only responses (and errors) do, ``shared`` when both do."""
    out_roots = [*(o.output for o in service.operations), *(e for o in service.operations for e in o.errors)]
    outputs = {s.shape_name for s in queries.reachable(service, out_roots)}
    inputs = {s.shape_name for s in queries.reachable(service, (o.input for o in service.operations))}
    return {
        name: "shared" if name in inputs and name in outputs else "input" if name in inputs else "output"
        for name in inputs | outputs
    }


def package_view(service: Service, docs: Docs, release: Release | None = None) -> PackageView:
    release = release or Release(DEFAULT_VERSION, "unknown")
    metadata = release.metadata
    direction = directions(service)
    enums = tuple(EnumView(e.class_name, enum_docstring(docs, e), e.values) for e in service.enums)
    structures, model_needs = [], set()
    forward: dict[str, tuple[str, ...]] = {}
    defined = {e.class_name for e in service.enums}
    for s in service.structures:
        fields, names = [], set()
        for member in s.members:
            line, needs = field_line(service, member, direction.get(s.shape_name, "output"))
            fields.append(line)
            model_needs |= needs
            names |= {n[len(MODEL):] for n in needs if n.startswith(MODEL)}
        structures.append(
            StructureView(
                s.class_name, structure_docstring(service, docs, s), tuple(fields), s.union or s.event_stream
            )
        )
        later = tuple(sorted(names - defined))
        if later:
            forward[s.class_name] = later
        defined.add(s.class_name)
    errors, error_needs = _errors(service, docs)
    operations, client_needs, paginator_needs = _operations(service, docs)
    paginators = tuple(o.paginator for o in operations if o.paginator is not None)
    waiters, waiter_needs, waiter_error_needs = waiter_views(service)
    client_needs |= {WAITER + w.class_name for w in waiters}
    model_names = tuple(sorted([e.class_name for e in service.enums] + [s.class_name for s in service.structures]))
    exception_names = [e.class_name for e in service.exceptions]
    waiter_names = [name for w in waiters for name in (w.class_name, w.error_class_name)]
    all_names = sorted(
        [*model_names, "Client", *RUNTIME_NAMES, *exception_names, *(p.class_name for p in paginators)]
        + ([*waiter_names, "WaiterError"] if waiters else [])
    )
    package = service.package
    return PackageView(
        package=package,
        distribution=metadata.distribution or package.replace("_", "-"),
        version=release.version,
        botocore_version=release.botocore_version,
        api_version=service.api_version,
        service_name=service.service_name,
        full_name=service.full_name,
        description=metadata.description or _description(service, release),
        license=metadata.license,
        urls=metadata.urls,
        classifiers=classifiers(metadata),
        requires_python=REQUIRES_PYTHON,
        keywords=("aws", "botocore", service.service_name, "typed"),
        operation_names=", ".join(op.name for op in service.operations),
        client_docstring=_doc(docs, service.documentation, 4, closes=True),
        enums=enums,
        structures=tuple(structures),
        errors=errors,
        operations=operations,
        paginators=paginators,
        model_names=model_names,
        forward_references=forward,
        all_names=tuple(all_names),
        needs={
            "models": frozenset(model_needs),
            "errors": frozenset(error_needs),
            "client": frozenset(client_needs),
            "paginators": frozenset(paginator_needs),
            "waiters": waiter_needs | waiter_error_needs,
            # The asynchronous waiters raise the synchronous module's error classes.
            "aio/waiters": waiter_needs,
        },
        help_summaries={
            **{op.cli_name: docs.first_sentence(op.documentation) for op in service.operations},
            **({WAIT_COMMAND.name: docs.first_sentence(WAIT_DESCRIPTION)} if service.waiters else {}),
        },
        waiters=waiters,
        wait_commands=tuple(w.cli_name for w in sorted(service.waiters, key=lambda w: w.name)),
    )


def _description(service: Service, release: Release) -> str:
    """"Typed SDK for Amazon SageMaker Service (ListTrainingJobs), from botocore 1.44.8's model
    (API 2017-07-24)": a few operations by name, many by their number."""
    names = [o.name for o in service.operations]
    which = ", ".join(names) if len(names) <= 3 else f"{len(names)} operations"
    return (
        f"Typed SDK for {service.full_name} ({which}), from botocore {release.botocore_version}'s "
        f"model (API {service.api_version})"
    )


def _doc(docs: Docs, html: str, indent: int = 0, closes: bool = False) -> Source:
    """Model HTML documentation -> safe docstring body (see ``escaping.docstring``)."""
    return docstring(docs.text(html), indent, closes)


def _errors(service: Service, docs: Docs) -> tuple[tuple[ErrorView, ...], set[str]]:
    """The modeled errors, with their members as typed attributes (``message`` stays the
    service's message, ``ServiceError.message``)."""
    views, needs = [], set()
    for error in service.exceptions:
        members = []
        taken = set(ERROR_RESERVED)
        for member in error.members:
            if member.attr_name == "message":
                continue
            name = member.attr_name
            while name in taken:
                name += "_"
            taken.add(name)
            typed = annotation(service, member.shape, "output", member).optional()
            needs |= typed.needs
            members.append(ErrorMemberView(name, member.wire_name, typed.source()))
        views.append(
            ErrorView(
                error.class_name,
                structure_docstring(service, docs, error),
                error.error_code or error.shape_name,
                tuple(members),
            )
        )
    return tuple(views), needs


def _operations(service: Service, docs: Docs) -> tuple[tuple[OperationView, ...], set[str], set[str]]:
    """The client's operations, and the names the client and paginators modules need."""
    taken = [s.class_name for s in service.shapes if isinstance(s, Structure)] + [e.class_name for e in service.enums]
    paginator_names = naming.paginator_class_names([o.name for o in service.paginated_operations], taken)
    views, client_needs, paginator_needs = [], set(), set()
    for op in service.operations:
        request = queries.structure_of(service, op.input)
        response = queries.structure_of(service, op.output)
        for structure in (request, response):
            if structure is not None:
                client_needs.add(f"model:{structure.class_name}")
        parameters = Parameters(service, request.members if request else (), star=True)
        client_needs |= parameters.needs
        paginator = None
        if op.paginator is not None:
            assert request is not None and response is not None  # a paginator reads both
            paginator, needs = _paginator(service, op, request, response, paginator_names[op.name])
            client_needs |= needs | {PAGINATOR + paginator.class_name}
            paginator_needs |= needs
        views.append(
            OperationView(
                name=op.name,
                method_name=op.method_name,
                request_class=request.class_name if request else None,
                response_class=response.class_name if response else None,
                docstring=_doc(docs, op.documentation, 8, closes=request is None),
                parameters=parameters.source,
                paginator=paginator,
            )
        )
    return tuple(views), client_needs, paginator_needs


def _paginator(
    service: Service, op: Operation, request: Structure, response: Structure, class_name: str
) -> tuple[PaginatorView, frozenset[str]]:
    assert op.paginator is not None
    result_attr, item = None, ANY
    if op.paginator.result_key:
        first = op.paginator.result_key[0]
        for member in response.members:
            shape = queries.target(service, member)
            if member.wire_name == first and isinstance(shape, ListOf):
                result_attr, item = member.attr_name, annotation(service, shape.member)
    # Every request member, the input token and limit key included: botocore's paginator
    # starts from a token given directly and sends a limit given directly on every page
    # (``page_size`` and ``starting_token`` take precedence).
    parameters = Parameters(service, request.members)
    needs = _class_needs(request, response) | item.needs | parameters.needs
    view = PaginatorView(
        class_name=class_name,
        operation_name=op.name,
        method_name=op.method_name,
        botocore_method=naming.botocore_method_name(op.name),
        request_class=request.class_name,
        response_class=response.class_name,
        item=item.source(),
        parameters=parameters.source,
        result_attr=result_attr,
    )
    return view, needs


def _class_needs(*structures: Structure) -> frozenset[str]:
    return frozenset(f"model:{s.class_name}" for s in structures)


__all__ = ["Annotation", "PackageView", "package_view"]
