"""Render caches per unit (``codegen.render.units``): a reference page is taken from the cache
only for a view equal in every field, and a view that is not frozen data is refused rather
than hashed in part."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from codegen.cache import Cache
from codegen.pipeline import generate_tree
from codegen.render.awscli.page import Example, MemberDoc, OptionDoc, Page
from codegen.render.templates import load_overrides
from codegen.render.units import NotAView, Renders, view_digest
from tests.helpers import SPECS, failing_when_forked


def _page(**changes: object) -> Page:
    member = MemberDoc("Name -> (string)", 0, documentation="The name.\n\n")
    option = OptionDoc(
        heading="``--name`` (string)",
        documentation="A name.",
        notes="",
        possible_values=("A", "B"),
        members=(member,),
        examples=(Example("JSON Syntax", "::\n\n  {}\n", closing_break=True),),
    )
    page = Page(
        file_name="list-things.rst",
        service="demo",
        command="list-things",
        title_notes=(),
        description="Lists things.",
        api_link=None,
        uses_document_types=False,
        paginated=True,
        result_keys=("Things",),
        synopsis=("--name <value>",),
        options=(option,),
        output=(member,),
        output_text=None,
        link_targets=(),
    )
    return attrs.evolve(page, **changes)


def test_equal_views_have_one_digest_and_any_changed_field_another() -> None:
    base = _page()
    assert view_digest(base) == view_digest(_page())
    variants = [
        _page(description="Lists things!"),
        _page(api_link=""),  # None and "" differ
        _page(paginated=False),
        _page(result_keys=("Things", "")),
        _page(result_keys=(("Things",),)),  # nesting is part of the value
        _page(output=None),
        _page(output=()),
        _page(options=(attrs.evolve(base.options[0], possible_values=("A",)),)),
        _page(options=(attrs.evolve(base.options[0], members=(attrs.evolve(base.output[0], level=1),)),)),
        _page(options=(attrs.evolve(base.options[0], members=(attrs.evolve(base.output[0], level=True),)),)),
        _page(parent="wait"),
    ]
    digests = {view_digest(view) for view in variants}
    assert len(digests) == len(variants) and view_digest(base) not in digests


@attrs.define
class _Mutable:
    text: str


@attrs.frozen(slots=False)
class _Unslotted:
    text: str


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(_Mutable("x"), id="mutable attrs class"),
        pytest.param(_Unslotted("x"), id="frozen without slots"),
        pytest.param(["x"], id="list"),
        pytest.param({"x": 1}, id="dict"),
        pytest.param(object(), id="object"),
    ],
)
def test_a_view_holding_anything_but_frozen_data_is_refused(value: object) -> None:
    with pytest.raises(NotAView):
        view_digest(_page(result_keys=(value,)))


def test_a_unit_is_rendered_once_and_then_taken_from_the_cache(tmp_path: Path) -> None:
    rendered: list[Page] = []

    def render(page: Page) -> str:
        rendered.append(page)
        return f"page of {page.command}: {page.description}"

    first = Renders(Cache(tmp_path), "demo", "identity")
    assert first(_page(), render) == "page of list-things: Lists things."
    assert first(_page(), render) == "page of list-things: Lists things."
    first.save()
    again = Renders(Cache(tmp_path), "demo", "identity")
    assert again(_page(), render) == "page of list-things: Lists things."
    assert len(rendered) == 1
    assert again(_page(description="Changed."), render) == "page of list-things: Changed."
    other_identity = Renders(Cache(tmp_path), "demo", "other templates")
    assert other_identity(_page(), render) == "page of list-things: Lists things."
    assert len(rendered) == 3


def test_an_edited_entry_changes_what_it_holds_only_as_text_and_a_malformed_one_is_ignored(tmp_path: Path) -> None:
    renders = Renders(Cache(tmp_path), "demo", "identity")
    renders(_page(), lambda page: "text")
    renders.save()
    (entry,) = (tmp_path / "renders").glob("*.json")
    cache = Cache(tmp_path)
    cache.write("renders", entry.stem, {"key": ["not", "text"]})
    assert Renders(Cache(tmp_path), "demo", "identity")(_page(), lambda page: "rendered again") == "rendered again"


def test_reference_pages_from_the_cache_are_what_a_render_gives_and_follow_the_templates(tmp_path: Path) -> None:
    uncached = generate_tree(SPECS, "typed_sagemaker")
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == uncached
    (entry,) = (tmp_path / "renders").glob("*.json")
    pages = [path for path in uncached if path.startswith("docs/reference/") and path.count("/") > 2]
    pages = [path for path in pages if not path.endswith("/index.rst")]
    assert pages and len(json.loads(entry.read_bytes().split(b"\n", 2)[2])["items"]) == len(pages)  # one each
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == uncached
    # An override of the page's template is part of the render's identity.
    root = tmp_path / "templates"
    (root / "docs").mkdir(parents=True)
    from codegen.render.templates import CONTRACT_FILE, CONTRACT_VERSION
    from codegen.render.environment import TEMPLATES_DIR

    (root / CONTRACT_FILE).write_text(f"contract = {CONTRACT_VERSION}\n")
    original = (TEMPLATES_DIR / "docs" / "operation.rst.j2").read_text()
    (root / "docs" / "operation.rst.j2").write_text(original + "\nOverridden.\n")
    overridden = generate_tree(SPECS, "typed_sagemaker", tmp_path, overrides=load_overrides(root, "--templates"))
    page = next(path for path in overridden if path.startswith("docs/reference/") and not path.endswith("index.rst"))
    assert overridden[page].endswith(b"\nOverridden.\n") and not uncached[page].endswith(b"\nOverridden.\n")


def _entry_items(cache_dir: Path, kind: str) -> dict[str, list[str]]:
    """Each entry of ``kind`` by name, its items in a stable order (a forked process's are
    taken after the render's own, so an entry's order may differ; its content may not)."""
    found = {}
    for path in sorted((cache_dir / kind).glob("*.json")):
        items = json.loads(path.read_bytes().split(b"\n", 2)[2])["items"]  # (a ``Layered`` entry)
        found[path.name] = sorted(json.dumps(item, sort_keys=True) for item in items)
    return found


def test_pages_made_in_a_forked_process_are_kept_as_if_made_here(tmp_path: Path, monkeypatch) -> None:
    """Many reference pages, on more than one core, are built and rendered in a forked process
    while the package is rendered (``render.service._pages_aside``): the tree, and the
    conversions and units the cache then holds, are what making them here gives; if that
    process fails, they are made here."""

    import codegen.render.service as service

    monkeypatch.setattr("os.cpu_count", lambda: 2)
    here = generate_tree(SPECS, "typed_sagemaker", tmp_path / "here")
    forked = []
    original_aside = service.aside

    def counted(work):  # type: ignore[no-untyped-def]
        forked.append(work)
        return original_aside(work)

    monkeypatch.setattr(service, "aside", counted)
    monkeypatch.setattr(service, "_PAGES_ASIDE", 1)
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path / "aside") == here and len(forked) == 1
    for kind in ("conversions", "renders"):
        assert _entry_items(tmp_path / "aside", kind) == _entry_items(tmp_path / "here", kind) != {}
    monkeypatch.setattr(
        service, "_reference_pages", failing_when_forked(service._reference_pages, "the forked process failed")
    )
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path / "failed") == here and len(forked) == 2
    assert _entry_items(tmp_path / "failed", "renders") == _entry_items(tmp_path / "here", "renders")
