"""Every file of one service's generated distribution, rendered from its IR.

The views are built once (``python.views``, ``awscli.commands``, ``site.views``) and handed to
the templates; the Python modules are formatted on every core while the documentation is
rendered (``codegen.format.Formatting``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from typing import Any, Callable, Iterator

import jinja2

from codegen.format import BlackAside, FormatPack, Formatting, Streamed, format_sources
from codegen.forking import aside, shared_heap
from codegen.ir import queries
from codegen.ir.nodes import Service
from codegen.jsonio import dumps_stable
from codegen.render.awscli.commands import CommandTable, cli_commands, cli_waiters, commands_data
from codegen.render.awscli.page import PAGE_TEMPLATE, WAIT_DIRECTORY, Page, build_page, render_page, render_wait_index, wait_index
from codegen.render.conversions import Conversions
from codegen.render.docs import CONVERTERS, Docs
from codegen.release import Release
from codegen.render.environment import TEMPLATES_DIR, python_environment, text_environment
from codegen.errors import CodegenError
from codegen.render.templates import Overrides, blame
from codegen.render.python.example import required_arguments
from codegen.render.python.members import member_tables
from codegen.render.escaping import code
from codegen.render.python.flavours import FLAVOURS, Flavour
from codegen.render.python.runtime import Runtime
from codegen.render.python.testing import TestingView, testing_view
from codegen.render.python.views import PackageView, module_imports, package_view
from codegen.render.units import Renders
from codegen.render.site.views import SiteView, site_view
from codegen.spec.store import ServiceSpec
from codegen.write import Tree

RUNTIME_DIR = TEMPLATES_DIR / "runtime"
# The site's extension, theme template and style sheet: copied as they are (no spec text).
SITE_STATIC_DIR = TEMPLATES_DIR / "site" / "static"

# The Python modules of the package, by module name, and their templates; the client, the
# paginators and the waiters are rendered once per flavour (``python.flavours``), into
# ``<package>/aio/`` for the asynchronous one.
PYTHON_MODULES = ("__init__", "models", "errors", "_about", "_help")
# The usage example of the API reference: formatted with the package's code, not written out.
_EXAMPLE = "docs/index.rst (example)"


def render_service(
    spec: ServiceSpec,
    service: Service,
    conversions: Conversions | None = None,
    pack: FormatPack | None = None,
    formatter: str = "black",
    workers: int | None = None,
    release: Release | None = None,
    overrides: Overrides | None = None,
    renders: Renders | None = None,
    black_aside: BlackAside | None = None,
) -> Tree:
    """Every file of the generated distribution, by path relative to the output directory;
    its code formatted on ``workers`` processes (default: every core), its templates the
    built-in ones or ``overrides`` over them (an error in one of those is bad input that names
    the template and line); reference pages an earlier render made from equal views taken
    from ``renders`` (``codegen.render.units``); given ``black_aside``, the code formatted by
    that process as it is rendered (``codegen.format.Streamed``). The caller saves what ``conversions``,
    ``pack`` and ``renders`` hold then."""
    try:
        return _render_service(
            spec, service, conversions, pack, formatter, workers, release, overrides, renders, black_aside
        )
    except CodegenError:
        raise
    except Exception as exc:
        error = blame(exc, overrides)
        if error is None:
            raise
        raise error from None


def _render_service(
    spec: ServiceSpec,
    service: Service,
    conversions: Conversions | None,
    pack: FormatPack | None,
    formatter: str,
    workers: int | None,
    release: Release | None,
    overrides: Overrides | None,
    renders: Renders | None,
    black_aside: BlackAside | None,
) -> Tree:
    docs = Docs(conversions or Conversions(CONVERTERS))
    python, text = python_environment(overrides), text_environment(overrides)
    tables = cli_commands(service)
    waiter_tables = cli_waiters(service)
    with _pages_aside(service, (*tables, *waiter_tables), docs, text, renders, workers) as reference_pages:
        tree = _render_files(
            spec, service, docs, python, text, tables, waiter_tables, reference_pages, pack, formatter, workers, release,
            black_aside,
        )
    return tree


def _render_files(
    spec: ServiceSpec,
    service: Service,
    docs: Docs,
    python: jinja2.Environment,
    text: jinja2.Environment,
    tables: tuple[CommandTable, ...],
    waiter_tables: tuple[CommandTable, ...],
    reference_pages: Callable[[], dict[str, str]],
    pack: FormatPack | None,
    formatter: str,
    workers: int | None,
    release: Release | None,
    black_aside: BlackAside | None,
) -> Tree:
    view = package_view(service, docs, release)
    pkg = service.package
    modules = [
        *PYTHON_MODULES,
        *(("literals",) if view.enums else ()),
    ]
    first = view.operations[0]
    example_source = python.get_template("site/example.py.j2").render(
        view=view,
        operation=first,
        example=required_arguments(service, queries.structure_of(service, service.operations[0].input)),
    )
    # A small service's code is formatted by a process that has black imported, each module
    # as it is rendered (the example first: the site's view wants it soonest).
    streamed = Streamed(black_aside, pack) if black_aside is not None and formatter == "black" else None
    sources: dict[str, str] = {}

    def rendered(path: str, source: str) -> None:
        sources[path] = source
        if streamed is not None:
            streamed.add(path, source)

    if streamed is not None:
        streamed.add(_EXAMPLE, example_source)
    for m in modules:
        rendered(f"{pkg}/{m}.py", _render_module(python, view, m))
    for flavour in FLAVOURS:
        for m in flavour.modules:
            if (m != "paginators" or view.paginators) and (m != "waiters" or view.waiters):
                rendered(f"{pkg}/{flavour.path(m)}.py", _render_module(python, view, m, flavour))
    rendered(f"{pkg}/aio/__init__.py", _render_module(python, view, "aio/__init__"))
    # The typed test double (``Stubber``), a module of its own: production code never imports it.
    rendered(f"{pkg}/testing.py", _render_module(python, view, "testing", testing=testing_view(service)))
    rendered("docs/conf.py", python.get_template("site/conf.py.j2").render(view=view))
    tree: dict[str, bytes] = {}
    # The documentation is rendered while the code is being formatted.
    with streamed or Formatting(sources, pack, workers, formatter) as formatting:
        if streamed is not None:
            example = streamed.formatted(_EXAMPLE)
        else:
            example = format_sources({_EXAMPLE: example_source}, pack, 1, formatter)[_EXAMPLE]
        pages = reference_pages()
        # ``wait``'s own page: in the html layout for the site, in the man one for its help
        wait_pages = {target: wait_index(service, target) for target in ("html", "man")}
        # The help texts (docutils parses each whole page) on other cores, meanwhile the site.
        # On the formatter's workers when it has them: more processes would only hold more
        # memory on the same cores. (``wait``'s help is its man layout, rendered below.)
        help_texts = docs.start_help_texts(list(pages.values()), workers, formatting.pool)
        if wait_pages["html"] is not None:
            pages[f"{WAIT_DIRECTORY}/index.rst"] = render_wait_index(wait_pages["html"], text)
        site = site_view(service, docs, view, example.strip("\n"), tables, tuple(sorted(pages)))
        help_texts()
        formatting.let_go()
        tree.update(_site_files(site, pages, text))
        # How each structure converts to and from botocore's form (``_runtime.bind``).
        tree[f"{pkg}/members.json"] = dumps_stable(member_tables(service)).encode()
        # The command line's data: its command table and each command's help, as the text
        # the AWS CLI prints (so the command line needs no docutils).
        tree[f"{pkg}/commands.json"] = dumps_stable(commands_data(service, tables, waiter_tables)).encode()
        for name, page_text in pages.items():
            if name == f"{WAIT_DIRECTORY}/index.rst":
                man = wait_pages["man"]
                assert man is not None
                from codegen.render.awscli.helptext import render_text  # (docutils)

                page_text = render_text(render_wait_index(man, text))
            else:
                page_text = docs.help_text(page_text)
            tree[f"{pkg}/reference/{name.removesuffix('.rst')}.txt"] = page_text.encode("utf-8")
        tree["pyproject.toml"] = python.get_template("package/pyproject.toml.j2").render(view=view).encode()
        formatted = formatting.result()
        tree.update({path: formatted[path].encode("utf-8") for path in sources})
    tree[f"{pkg}/py.typed"] = b""
    tree.update(runtime_files(pkg))
    for relative, content in spec.files.items():
        tree[f"{pkg}/data/{relative}"] = content
    return tree


# Where a module's template places its import block: a line no escaped spec text can be.
IMPORTS = code("\x00imports\x00")


def _render_module(
    python: jinja2.Environment,
    view: PackageView,
    module: str,
    flavour: Flavour | None = None,
    testing: TestingView | None = None,
) -> str:
    """A module of the package, its import block computed from what it used (and, for the
    testing module, what its own view needs); a flavoured module (``client``, ``paginators``,
    ``waiters``) in ``flavour`` (``f`` in its template)."""
    rt = Runtime()
    template = python.get_template(f"package/{module}.py.j2")
    context = {"f": flavour} if flavour else {}
    text = template.render(view=view, rt=rt, imports=IMPORTS, testing=testing, **context)
    if IMPORTS in text:
        used = rt.needs | (testing.needs if testing is not None else set())
        text = text.replace(IMPORTS, module_imports(view, module, used, flavour), 1)
    return text


def _site_files(site: SiteView, pages: dict[str, str], text: jinja2.Environment) -> dict[str, bytes]:
    """The Sphinx project: the overview, a page per operation, the classes and enums, the AWS CLI
    reference pages with their index and global options, the site's extension and its data."""
    files = {
        "docs/docutils.conf": "site/docutils.conf.j2",
        "docs/index.rst": "site/index.rst.j2",
        "docs/operations.rst": "site/operations.rst.j2",
        "docs/changelog.rst": "site/changelog.rst.j2",
        "docs/reference/index.rst": "site/reference-index.rst.j2",
        f"docs/reference/{site.cli_service}/index.rst": "site/service-index.rst.j2",
    }
    # The typed Stubber and the asynchronous client, and the waiters when there are some.
    files["docs/testing.rst"] = "site/testing.rst.j2"
    files["docs/async.rst"] = "site/async.rst.j2"
    if site.waiters:
        files["docs/waiters.rst"] = "site/waiters.rst.j2"
    rendered = {path: text.get_template(template).render(site=site) for path, template in files.items()}
    macros = text.get_template("site/macros.rst.j2").module
    operation = text.get_template("site/operation.rst.j2")
    for op in site.operations:
        rendered[f"docs/{op.page}.rst"] = operation.render(site=site, op=op, macros=macros)
    section, section_page = text.get_template("site/section.rst.j2"), text.get_template("site/section-page.rst.j2")
    for part in (site.classes, site.enums):
        rendered[f"docs/{part.name}.rst"] = section.render(site=site, section=part, macros=macros)
        if part.split:
            for page in part.pages:
                rendered[f"docs/{page.name}.rst"] = section_page.render(site=site, section=part, page=page, macros=macros)
    for name, page in pages.items():
        rendered[f"docs/reference/{site.cli_service}/{name}"] = page
    files_out = {path: content.encode("utf-8") for path, content in rendered.items()}
    files_out["docs/_ext/cli_links.json"] = dumps_stable(site.cli_links).encode()
    for path in sorted(SITE_STATIC_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files_out[f"docs/{path.relative_to(SITE_STATIC_DIR).as_posix()}"] = path.read_bytes()
    return files_out


def runtime_files(package: str) -> Tree:
    """The modules every package shares (``codegen/templates/runtime/``), copied as they are: they hold
    no spec text, and ``tests/test_golden.py`` keeps them black-formatted, so generation does
    not format them again."""
    return {
        f"{package}/{path.relative_to(RUNTIME_DIR).as_posix()}": path.read_bytes()
        for path in sorted(RUNTIME_DIR.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


# From this many reference pages on, they are built and rendered in a forked process while
# this one renders the package: whole SageMaker's 447 take some 0.9 s of an update.
_PAGES_ASIDE = 64


@contextlib.contextmanager
def _pages_aside(
    service: Service,
    tables: tuple[CommandTable, ...],
    docs: Docs,
    text: jinja2.Environment,
    renders: Renders | None,
    workers: int | None,
) -> Iterator[Callable[[], dict[str, str]]]:
    """The reference pages, by file name: inside, the function given returns them. Many, on
    more than one core, they are made in a forked process meanwhile (``forking.aside``), and
    the conversions and rendered units it used are taken as this render's; if it failed,
    they are made here."""

    def made_here() -> dict[str, str]:
        return _reference_pages(service, tables, docs, text, renders)

    cores = workers or os.cpu_count() or 1
    if cores < 2 or len(tables) < _PAGES_ASIDE or "fork" not in multiprocessing.get_all_start_methods():
        yield made_here
        return

    def made_aside() -> tuple[dict[str, str], dict[Any, Any], dict[str, str]]:
        asked, used = docs.conversions.mark(), renders.mark() if renders is not None else 0
        pages = made_here()
        return pages, docs.conversions.since(asked), renders.since(used) if renders is not None else {}

    # (Loaded first, the page's template is compiled, or taken from ``render.precompile``, once
    # for both processes.)
    text.get_template(PAGE_TEMPLATE)
    with shared_heap(), aside(made_aside) as result:

        def pages() -> dict[str, str]:
            outcome = result()
            if outcome is None:
                return made_here()
            made, asked, used = outcome
            docs.conversions.record(asked)
            if renders is not None:
                renders.record(used)
            return made

        yield pages


def _reference_pages(
    service: Service, tables: tuple[CommandTable, ...], docs: Docs, text: jinja2.Environment, renders: Renders | None
) -> dict[str, str]:
    """Each command's AWS CLI reference page, by file name."""

    def render(page: Page) -> str:
        return render_page(page, text)

    pages = {}
    for table in tables:
        page = build_page(service, table, docs.cli)
        # (a page is rendered from its frozen ``Page`` alone: its digest is a complete key)
        pages[page.file_name] = renders(page, render) if renders is not None else render(page)
    return pages
