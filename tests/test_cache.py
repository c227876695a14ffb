"""Caches only save time: with or without them, cold or warm, the output is the same bytes."""

from __future__ import annotations

import ast
from pathlib import Path

import black
import pytest

from codegen.cache import FormatCache, TreeCache
from codegen.format import MODE, format_sources, split_module
from codegen.pipeline import generate_tree
from tests.helpers import GENERATED, SPECS


def test_cold_warm_and_uncached_runs_give_the_same_tree(tmp_path: Path) -> None:
    uncached = generate_tree(SPECS, "typed_sagemaker")
    cold = generate_tree(SPECS, "typed_sagemaker", tmp_path)
    assert any((tmp_path / "format").rglob("*.py")) and any((tmp_path / "trees").iterdir())
    warm = generate_tree(SPECS, "typed_sagemaker", tmp_path)
    assert uncached == cold == warm


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    expected = generate_tree(SPECS, "typed_sagemaker", tmp_path)
    for entry in (tmp_path / "trees").iterdir():
        entry.write_bytes(b"\x00not marshal")
    assert TreeCache(tmp_path).get("missing") is None
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == expected


def test_formatting_in_chunks_equals_black_on_the_whole_module() -> None:
    for path in sorted((GENERATED / "typed_sagemaker").glob("*.py")):
        # Undo black's layout (ast.unparse writes its own), then format both ways.
        text = path.read_text(encoding="utf-8")
        source = ast.unparse(ast.parse(text))
        assert format_sources({path.name: source})[path.name] == black.format_str(source, mode=MODE)
        # With its comments and blank lines, too.
        assert format_sources({path.name: text})[path.name] == black.format_str(text, mode=MODE)
    # The header, then one piece per class (5 enums, 4 structures).
    models = split_module((GENERATED / "typed_sagemaker" / "models.py").read_text())
    assert len(models) == 1 + 9
    # A big class is formatted method by method: the client's header, then its methods.
    client = split_module((GENERATED / "typed_sagemaker" / "client.py").read_text())
    assert sum(piece.in_class for piece in client) > 5


def test_format_cache_is_keyed_by_formatter_and_text(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path)
    cache.put_many("black A", {"x=1\n": "x = 1\n"})
    assert cache.get_many("black A", ["x=1\n", "y=2\n"]) == {"x=1\n": "x = 1\n"}
    assert cache.get_many("black B", ["x=1\n"]) == {}


def test_doc_conversions_are_remembered_across_runs_by_converter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from codegen.cache import TreeCache
    from codegen.render import conversions
    from codegen.render.docs import ReSTDocument

    expected = generate_tree(SPECS, "typed_sagemaker", tmp_path)
    stored = list((tmp_path / "conversions" / conversions.converter_key()).glob("*.marshal"))
    assert [p.name for p in stored] == ["typed_sagemaker.marshal"]
    # A model update: the tree is made again, but no HTML is converted again.
    monkeypatch.setattr(TreeCache, "get", lambda self, key: None)
    converted = []
    monkeypatch.setattr(ReSTDocument, "include_doc_string", lambda *a: converted.append(a))
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == expected
    assert converted == []
    # A damaged file is converted again, and written anew.
    monkeypatch.undo()
    stored[0].write_bytes(b"\x00not marshal")
    monkeypatch.setattr(TreeCache, "get", lambda self, key: None)
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == expected
    assert len(conversions._load(stored[0])) > 10
