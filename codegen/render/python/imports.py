"""A generated module's import block, computed from what the module uses.

Each module's view collects the names its annotations and expressions need
(``Annotation.needs``: standard-library modules such as ``datetime``, classes of the models
module as ``model:Name``, classes of the paginators, waiters and client modules as
``paginator:Name``, ``waiter:Name`` and ``client:Name``) and the fixed
names its template always uses; ``import_block`` writes the block, grouped and sorted as isort
and black leave it (long ``from`` imports exploded, one name a line, with a trailing comma).
"""

from __future__ import annotations

from typing import Iterable

from codegen.render.escaping import Source, code, dotted, identifier
from codegen.render.python.annotations import LITERAL, MODEL
from codegen.render.python.runtime import RUNTIME

PAGINATOR = "paginator:"
WAITER = "waiter:"
CLIENT = "client:"


def import_block(
    package: str,
    needs: Iterable[str],
    *,
    stdlib: Iterable[str] = (),
    third_party: Iterable[str] = (),
    package_modules: Iterable[str] = (),
    local: bool = False,
    paginators_module: str = "paginators",
    waiters_module: str = "waiters",
) -> Source:
    """The imports after ``from __future__ import annotations``: the standard library (what
    ``needs`` and ``stdlib`` name), then ``third_party`` modules, then this package's modules
    (``from <package> import a, b``) the runtime modules it uses (``runtime``) and the classes it uses of
    its models, paginators and waiters modules (``paginators_module`` and ``waiters_module``,
    relative to the package: the asynchronous client's are in ``aio.paginators`` and
    ``aio.waiters``). ``local``: the module is the models module
    itself (its classes are its own)."""
    needs = set(needs)
    models = sorted(n[len(MODEL):] for n in needs if n.startswith(MODEL))
    paginators = sorted(n[len(PAGINATOR):] for n in needs if n.startswith(PAGINATOR))
    waiters = sorted(n[len(WAITER):] for n in needs if n.startswith(WAITER))
    clients = sorted(n[len(CLIENT):] for n in needs if n.startswith(CLIENT))
    runtime = sorted(n[len(RUNTIME):] for n in needs if n.startswith(RUNTIME))
    literals = any(n.startswith(LITERAL) for n in needs)
    modules = sorted({*stdlib, *(n for n in needs if ":" not in n)})
    groups: list[list[str]] = []
    if modules:
        groups.append([f"import {dotted(m)}" for m in modules])
    if third_party:
        groups.append([f"import {dotted(m)}" for m in sorted(third_party)])
    own: list[str] = []
    if package_modules:
        own.append(f"from {dotted(package)} import {', '.join(identifier(m) for m in sorted(package_modules))}")
    own += [f"from {dotted(package)}._runtime import {identifier(m)} as _{m}" for m in runtime]
    if literals:
        own.append(f"from {dotted(package)} import literals as _literals")
    if clients:
        own.append(_from(f"{package}.client", clients))
    if models and not local:
        own.append(_from(f"{package}.models", models))
    if paginators:
        own.append(_from(f"{package}.{paginators_module}", paginators))
    if waiters:
        own.append(_from(f"{package}.{waiters_module}", waiters))
    if own:
        groups.append(own)
    return code("\n\n".join("\n".join(group) for group in groups))


def _from(module: str, names: list[str]) -> str:
    lines = [f"from {dotted(module)} import ("]
    lines += [f"    {identifier(name)}," for name in names]
    lines.append(")")
    return "\n".join(lines)
