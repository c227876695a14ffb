"""The generated documentation site's Sphinx extension (copied by codegen as it is; it holds no
spec text: what it links is data, ``cli_links.json`` beside it, written with ``json.dumps``).

The AWS CLI reference pages (``reference/<service>/<command>.rst``) are the AWS CLI's pages byte
for byte, so what the site adds to them it adds to the parsed page, never to its text:

- an anchor on each option and each top-level output member, registered as the label
  ``<page label> option <field>`` / ``<page label> output <field>``, which the Python pages
  link to;
- a link from each of them to the Python field it sets or holds, and one to the operation's
  Python method under the title;
- the page is an orphan: listed on its service's page, not in the navigation tree, and not in
  the search index (its operation's page, which links to it, holds the same documentation);
- the markup problems the AWS CLI's own conversion leaves in its page text (a literal glued to
  a word, a link with no target: the AWS CLI's pages have them too) are logged as information,
  not warnings, and shown as the text they are; the site's own pages get no such leniency.

On every page, a link whose address is neither a web nor a mail address (``javascript:``, which
a model's documentation could hold) is shown as its text. On every other page, a link in the
model's documentation to the AWS API reference page of a
shape the package has a class for (``.../API_TrainingJobSummary.html``) points at the class.
Everything it links is a cross reference Sphinx resolves, so with ``nitpicky`` and ``-W`` a
link to nothing fails the build.
"""

from __future__ import annotations

import functools
import json
import os
import re
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.parsers import RSTParser
from sphinx.util import logging

logger = logging.getLogger(__name__)

FORMAT = 1
_API_PAGE = re.compile(
    r"^https://docs\.aws\.amazon\.com/[^#?]*/API_(?P<shape>[A-Za-z0-9_]+)\.html$"
)


@functools.lru_cache(maxsize=4)
def _links(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a links file of format {FORMAT}")
    return data


def links(app: Sphinx) -> dict[str, Any]:
    return _links(os.path.join(app.confdir, "_ext", "cli_links.json"))


def _label(name: str) -> str:
    return " ".join(name.lower().split())


class Parser(RSTParser):
    """reStructuredText as Sphinx reads it; on an AWS CLI page, docutils' complaints about the
    page's own markup are recorded and logged as information (see the module docstring).
    """

    def parse(self, inputstring: Any, document: nodes.document) -> None:
        if self.env.docname in links(self.env.app)["pages"]:
            reporter = document.reporter
            reporter.report_level = 5  # quiet: kept below, as information
            docname = self.env.docname

            def keep(message: nodes.system_message) -> None:
                if message["level"] >= 2:
                    logger.info(
                        "%s: the AWS CLI's page text: %s",
                        docname,
                        message.astext().splitlines()[0],
                    )

            reporter.attach_observer(keep)
        super().parse(inputstring, document)


def _xref(reftype: str, target: str, text: str) -> addnodes.pending_xref:
    ref = addnodes.pending_xref(
        "",
        refdomain="py",
        reftype=reftype,
        reftarget=target,
        refexplicit=True,
        refwarn=True,
    )
    ref += nodes.literal(text, text, classes=["xref", "py", f"py-{reftype}"])
    return ref


def _register(
    app: Sphinx, label: str, node: nodes.Element, node_id: str, doctree: nodes.document
) -> None:
    if node_id in doctree.ids:
        return
    node["ids"].append(node_id)
    doctree.ids[node_id] = node
    std = app.env.get_domain("std")
    std.anonlabels[_label(label)] = (app.env.docname, node_id)  # type: ignore[attr-defined]


def _section(doctree: nodes.document, title: str) -> nodes.section | None:
    for section in doctree.findall(nodes.section):
        if (
            section.children
            and isinstance(section[0], nodes.title)
            and section[0].astext() == title
        ):
            return section
    return None


def _cli_page(app: Sphinx, doctree: nodes.document, page: dict[str, Any]) -> None:
    metadata = app.env.metadata[app.env.docname]
    metadata["orphan"] = True
    # Not in the search index: the operation page, which links here, holds the same
    # documentation (and whole SageMaker's index would be twice the size).
    metadata["nosearch"] = True
    for problem in list(doctree.findall(nodes.problematic)):
        shown = nodes.inline(problem.rawsource, problem.astext())
        shown["ids"] = problem["ids"]
        problem.replace_self(shown)
    label = page["label"]
    title = next(iter(doctree.findall(nodes.title)), None)
    if title is not None:
        line = nodes.paragraph("", "Python API: ", classes=["codegen-python-api"])
        line += _xref(
            "meth", page["operation"], page["operation"].split(".", 1)[1] + "()"
        )
        title.parent.insert(title.parent.index(title) + 1, line)
    for kind, section_title in (("option", "Options"), ("output", "Output")):
        _link_entries(app, doctree, page, kind, _section(doctree, section_title))


def _entry_name(kind: str, paragraph: nodes.paragraph) -> str | None:
    """The option (``--name``) an Options paragraph documents, or the member an Output
    paragraph (``Name -> (type)``) documents; None for other paragraphs."""
    if kind == "option":
        first = paragraph.children[0] if paragraph.children else None
        return first.astext() if isinstance(first, nodes.literal) else None
    name, arrow, _ = paragraph.astext().partition(" -> (")
    return name if arrow else None


def _link_entries(
    app: Sphinx,
    doctree: nodes.document,
    page: dict[str, Any],
    kind: str,
    section: nodes.section | None,
) -> None:
    """Anchor each option (or output member) the links name, link it to its Python field, and
    register its label (``<page label> option <field>``); one the page does not show as
    expected is registered at its section, so the Python side's link still lands."""
    entries: dict[str, str] = page["options" if kind == "option" else "output"]
    done: set[str] = set()
    if section is not None:
        for paragraph in section.findall(nodes.paragraph):
            name = _entry_name(kind, paragraph) if paragraph.parent is section else None
            target = entries.get(name) if name is not None else None
            if target is None or name in done:
                continue
            done.add(name)  # type: ignore[arg-type]
            attr = target.rsplit(".", 1)[1]
            node_id = nodes.make_id(f"cli-{kind}-{attr}")
            _register(
                app, f"{page['label']} {kind} {attr}", paragraph, node_id, doctree
            )
            paragraph += nodes.Text(" -- Python: ")
            paragraph += _xref("attr", target, attr)
    fallback = section if section is not None else doctree.next_node(nodes.section)
    for name, target in entries.items():
        if name not in done and fallback is not None and fallback["ids"]:
            std = app.env.get_domain("std")
            label = _label(f"{page['label']} {kind} {target.rsplit('.', 1)[1]}")
            std.anonlabels[label] = (app.env.docname, fallback["ids"][0])  # type: ignore[attr-defined]


def _shape_links(doctree: nodes.document, shapes: dict[str, str]) -> None:
    for reference in list(doctree.findall(nodes.reference)):
        match = _API_PAGE.match(reference.get("refuri", ""))
        target = shapes.get(match.group("shape")) if match else None
        if target is None:
            continue
        ref = addnodes.pending_xref(
            "",
            refdomain="py",
            reftype="class",
            reftarget=target,
            refexplicit=True,
            refwarn=True,
        )
        ref += nodes.inline(reference.astext(), reference.astext())
        reference.replace_self(ref)


_SAFE_SCHEMES = ("http", "https", "mailto")


def _unsafe_links(doctree: nodes.document) -> None:
    """A link in model documentation may point anywhere (``javascript:``): only web and mail
    addresses stay links; any other scheme becomes its text."""
    for reference in list(doctree.findall(nodes.reference)):
        uri = reference.get("refuri")
        if uri is None:
            continue
        scheme, colon, _ = uri.partition(":")
        if colon and "/" not in scheme and scheme.lower().strip() not in _SAFE_SCHEMES:
            reference.replace_self(nodes.inline(reference.astext(), reference.astext()))


def doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    _unsafe_links(doctree)
    data = links(app)
    page = data["pages"].get(app.env.docname)
    if page is not None:
        _cli_page(app, doctree, page)
    else:
        _shape_links(doctree, data["shapes"])


def _clear_read_docs_only() -> None:
    """Sphinx 7 clears a document before reading it by scanning every object of every domain,
    even on a fresh build, where nothing was read yet: with whole SageMaker (12,500 objects,
    900 documents) that was a quarter of the build. A document the environment has not read
    (not in ``all_docs``) has nothing to clear; the first clear of an environment still runs,
    as it sets up the domains' data (which parallel reading merges)."""
    from sphinx.environment import BuildEnvironment

    if getattr(BuildEnvironment.clear_doc, "_codegen_site", False):
        return
    clear_doc = BuildEnvironment.clear_doc

    set_up: set[int] = set()

    def clear_read_doc(self: BuildEnvironment, docname: str) -> None:
        if docname in self.all_docs or id(self) not in set_up:
            set_up.add(id(self))
            clear_doc(self, docname)

    clear_read_doc._codegen_site = True  # type: ignore[attr-defined]
    BuildEnvironment.clear_doc = clear_read_doc  # type: ignore[method-assign]


def _without_index_entries(directive: type) -> type:
    """The Python domain's directive as it is, with ``:no-index-entry:`` always set: the site
    has no general index (thousands of entries on one page) and search lists the objects
    themselves. Set here rather than written on each of whole SageMaker's 16,000 directives,
    whose option parsing alone was an eighth of the build."""

    class WithoutIndexEntry(directive):  # type: ignore[valid-type, misc]
        def run(self) -> list[nodes.Node]:
            self.options.setdefault("no-index-entry", True)
            return super().run()  # type: ignore[no-any-return]

    WithoutIndexEntry.__name__ = directive.__name__
    return WithoutIndexEntry


def _read_serially(app: Sphinx) -> None:
    """Read documents in one process even with ``-j``: Sphinx 7's parallel reading sends each
    batch's whole environment back by pickle, which for whole SageMaker costs more than the
    reading it shares out; writing the pages still uses every process."""
    builder = app.builder
    builder._read_parallel = lambda docnames, nproc: builder._read_serial(docnames)  # type: ignore[method-assign]


def setup(app: Sphinx) -> dict[str, Any]:
    _clear_read_docs_only()
    app.connect("builder-inited", _read_serially)
    from sphinx.domains.python import PythonDomain

    for name in ("class", "attribute", "method", "exception"):
        app.add_directive_to_domain(
            "py",
            name,
            _without_index_entries(PythonDomain.directives[name]),
            override=True,
        )
    app.add_source_parser(Parser, override=True)
    app.connect("doctree-read", doctree_read)
    return {
        "version": str(FORMAT),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
