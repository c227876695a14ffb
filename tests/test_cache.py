"""The cache only saves time, and nothing read from it is trusted: cold, warm, damaged or
poisoned, the output is the same bytes; it never blocks on what is planted in it; it stays
within its size limit."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import threading
from pathlib import Path

import black
import pytest

from codegen.cache import Cache, Layered, digest
from codegen.commands import main
from codegen.format import FormatPack, black_mode, format_sources, same_program, split_module
from codegen.pipeline import generate_tree
from tests.helpers import GENERATED, SPECS, failing_when_forked


@pytest.fixture(scope="module")
def expected() -> dict[str, bytes]:
    """The tree generated without any cache."""
    return dict(generate_tree(SPECS, "typed_sagemaker"))


def _entries(cache_dir: Path, kind: str) -> list[Path]:
    return sorted((cache_dir / kind).glob("*.json"))


def _rewrite_body(path: Path, change) -> None:
    """Change an entry's JSON body and give it a valid header again (a deliberate edit)."""
    header, expected_digest, body = path.read_bytes().split(b"\n", 2)
    body = json.dumps(change(json.loads(body))).encode()
    path.write_bytes(header + b"\n" + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def test_cold_warm_and_uncached_runs_give_the_same_tree(tmp_path: Path, expected) -> None:
    cold = generate_tree(SPECS, "typed_sagemaker", tmp_path)
    assert _entries(tmp_path, "format") and _entries(tmp_path, "conversions") and _entries(tmp_path, "renders")
    warm = generate_tree(SPECS, "typed_sagemaker", tmp_path)
    assert expected == cold == warm


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: raw[:-10] + bytes([raw[-10] ^ 1]) + raw[-9:], id="bit-flipped"),
        pytest.param(lambda raw: b"botocore-codegen cache 1\n" + raw.split(b"\n", 1)[1], id="old-format"),
        pytest.param(lambda raw: b"", id="empty"),
    ],
)
def test_a_damaged_entry_is_ignored_and_written_again(tmp_path: Path, expected, damage) -> None:
    generate_tree(SPECS, "typed_sagemaker", tmp_path)
    entries = _entries(tmp_path, "format") + _entries(tmp_path, "conversions") + _entries(tmp_path, "renders")
    for entry in entries:
        entry.write_bytes(damage(entry.read_bytes()))
    assert all(Cache(tmp_path).read(e.parent.name, e.stem) is None for e in entries)
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == expected
    assert all(Cache(tmp_path).read(e.parent.name, e.stem) is not None for e in entries)


def _format_entries(cache_dir: Path) -> tuple[Path, Path]:
    """The format pack's two entries: its pieces, and the modules black left as they were
    (keyed by SHA-256)."""
    modules, pieces = [], []
    for entry in _entries(cache_dir, "format"):
        items = json.loads(entry.read_bytes().split(b"\n", 2)[2])["items"]
        (modules if all(len(key) == 64 and not key.strip("0123456789abcdef") for key, _ in items) else pieces).append(entry)
    (piece_entry,), (module_entry,) = pieces, modules
    return piece_entry, module_entry


def test_code_appended_to_a_cached_piece_never_reaches_the_output(tmp_path: Path, expected) -> None:
    generate_tree(SPECS, "typed_sagemaker", tmp_path)
    pack, modules = _format_entries(tmp_path)
    modules.unlink()  # so that every module is cut into pieces, and each looked up
    payload = "\nimport os\nos.system('touch /tmp/pwned')\n"
    _rewrite_body(pack, lambda data: {"items": [[k, v + payload] for k, v in data["items"]]})
    tree = generate_tree(SPECS, "typed_sagemaker", tmp_path)
    assert tree == expected
    assert not any(b"pwned" in content for content in tree.values())


def test_a_cached_piece_is_used_only_if_it_is_the_same_program() -> None:
    source = "def f(a,b):\n    return a+b\n"
    assert same_program(source, "def f(a, b):\n    return a + b\n")
    assert not same_program(source, "def f(a, b):\n    return a - b\n")
    assert not same_program(source, "def f(a, b):\n    return a + b\nprint(1)\n")
    assert not same_program(source, "def f(a, b:\n")
    # black reindents docstrings; its own safety check accepts that
    assert same_program('def f():\n  """Doc.\n\n      more"""\n', 'def f():\n    """Doc.\n\n    more"""\n')


def test_the_format_pack_keeps_what_the_run_used(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    pack = FormatPack(cache, "black", "unit")
    pack.remember({"x=1\n": "x = 1\n"})
    pack.flush()
    again = FormatPack(Cache(tmp_path), "black", "unit")
    assert again.lookup(["x=1\n", "y=2\n"]) == {"x=1\n": "x = 1\n"}
    assert FormatPack(Cache(tmp_path), "black", "other unit").lookup(["x=1\n"]) == {}


def test_a_module_black_left_as_it_was_is_taken_as_it_is_without_parsing_it_again(
    tmp_path: Path, expected, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate_tree(SPECS, "typed_sagemaker", tmp_path)

    def cut(source: str) -> list:
        raise AssertionError("a module was cut again: black changes its layout (a template bug) or the memo missed it")

    monkeypatch.setattr("codegen.format.split_module", cut)  # (forked workers inherit it)
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == expected


def _formatted(sources: dict[str, str], cache_dir: Path) -> dict[str, str]:
    pack = FormatPack(Cache(cache_dir), "black", "unit")
    result = format_sources(sources, pack, workers=1)
    pack.flush()
    return result


FORMATTED = "import os\n\n\ndef f(a, b):\n    return a + b\n\n\nX = 1\n"


def test_the_module_memo_is_of_what_black_left_as_it_was_and_keeps_its_pieces(tmp_path: Path) -> None:
    messy = "def g( a ):\n  return a\n"
    assert _formatted({"a.py": FORMATTED, "b.py": messy}, tmp_path) == {
        "a.py": FORMATTED, "b.py": "def g(a):\n    return a\n"
    }
    pack = FormatPack(Cache(tmp_path), "black", "unit")
    assert pack.unchanged({"a.py": FORMATTED, "b.py": messy, "c.py": "y = 2\n"}) == {"a.py"}
    # A run that took a.py as it is still keeps its pieces, for the run that changes it; the
    # pieces of b.py, which it no longer has, go.
    assert _formatted({"a.py": FORMATTED}, tmp_path) == {"a.py": FORMATTED}
    again = FormatPack(Cache(tmp_path), "black", "unit")
    a_pieces = {piece.text for piece in split_module(FORMATTED)}
    assert again.lookup(a_pieces).keys() == a_pieces
    assert again.lookup([piece.text for piece in split_module(messy)]) == {}
    changed = FORMATTED.replace("X = 1", "X = 2")
    assert _formatted({"a.py": changed}, tmp_path) == {"a.py": changed}


def test_a_planted_module_memo_entry_changes_at_most_the_layout(tmp_path: Path) -> None:
    """The memo can only say "write this module as it was rendered": an entry planted for a
    module black would change leaves that module's layout as rendered, the code the same."""
    messy = "def g( a ):\n  return a\n"
    pack = FormatPack(Cache(tmp_path), "black", "unit")
    pieces = split_module(messy)
    pack.remember({piece.text: piece.text for piece in pieces})
    pack.remember_unchanged(messy, pieces)
    pack.flush()
    assert _formatted({"b.py": messy}, tmp_path) == {"b.py": messy}


def test_a_module_whose_pieces_the_cache_lost_is_cut_again_and_its_pieces_kept(tmp_path: Path) -> None:
    _formatted({"a.py": FORMATTED}, tmp_path)
    pieces, _ = _format_entries(tmp_path)
    pieces.unlink()
    assert FormatPack(Cache(tmp_path), "black", "unit").unchanged({"a.py": FORMATTED}) == set()
    assert _formatted({"a.py": FORMATTED}, tmp_path) == {"a.py": FORMATTED}
    assert FormatPack(Cache(tmp_path), "black", "unit").unchanged({"a.py": FORMATTED}) == {"a.py"}


@pytest.mark.parametrize(
    "items",
    [
        pytest.param([["not a digest", []]], id="key-not-a-digest"),
        pytest.param([["A" * 64, []]], id="key-not-lowercase-hex"),
        pytest.param([[hashlib.sha256(FORMATTED.encode()).hexdigest(), "ab"]], id="value-not-a-list"),
        pytest.param([[hashlib.sha256(FORMATTED.encode()).hexdigest(), ["ab"]]], id="piece-not-a-digest"),
    ],
)
def test_a_module_memo_entry_of_the_wrong_shape_is_ignored(tmp_path: Path, items) -> None:
    _formatted({"a.py": FORMATTED}, tmp_path)
    _, modules = _format_entries(tmp_path)
    _rewrite_body(modules, lambda data: {"items": items})
    assert FormatPack(Cache(tmp_path), "black", "unit").unchanged({"a.py": FORMATTED}) == set()
    assert _formatted({"a.py": FORMATTED}, tmp_path) == {"a.py": FORMATTED}


def test_planted_fifos_links_and_devices_are_refused_without_blocking(tmp_path: Path, expected) -> None:
    generate_tree(SPECS, "typed_sagemaker", tmp_path)
    pack, _ = _format_entries(tmp_path)
    (conversions,) = _entries(tmp_path, "conversions")
    pack.unlink()
    os.mkfifo(pack)
    target = tmp_path / "elsewhere.json"
    target.write_bytes(conversions.read_bytes())
    conversions.unlink()
    conversions.symlink_to(target)
    planted = target.read_bytes()
    assert Cache(tmp_path).read("conversions", conversions.stem) is None  # a link is not followed
    assert Cache(tmp_path).read("format", pack.stem) is None  # nor is a FIFO read (or waited on)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(generate_tree(SPECS, "typed_sagemaker", tmp_path)))
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "a FIFO in the cache blocked the run"
    assert result == [expected]
    # Both were replaced by real entries, and the link's target was left alone.
    assert pack.is_file() and not pack.is_symlink() and not conversions.is_symlink()
    assert target.read_bytes() == planted
    cache = Cache(tmp_path)
    (tmp_path / "outputs").mkdir(exist_ok=True)
    (tmp_path / "outputs" / ("0" * 64 + ".json")).symlink_to("/dev/zero")
    assert cache.read("outputs", "0" * 64) is None


def test_entries_are_written_through_a_fresh_temporary_file(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    name = digest("x")
    # Whatever name an attacker guesses for the temporary file, a link there is not followed.
    (tmp_path / "outputs").mkdir()
    for guess in (f"{name}.json.{os.getpid()}.tmp", f".{name}.json.tmp"):
        (tmp_path / "outputs" / guess).symlink_to(victim)
    cache.write("outputs", name, {"a": 1})
    assert victim.read_text() == "keep me"
    assert cache.read("outputs", name) == {"a": 1}


def test_the_cache_stays_within_its_limit_least_recently_used_first(tmp_path: Path) -> None:
    cache = Cache(tmp_path, limit=10_000)
    names = [digest(str(i)) for i in range(20)]
    for index, name in enumerate(names):
        cache.write("outputs", name, {"filler": "x" * 1000})
        os.utime(tmp_path / "outputs" / f"{name}.json", (1_000_000 + index, 1_000_000 + index))
    cache.read("outputs", names[0])  # used again: now the most recent
    cache.prune()
    kept = {p.stem for p in _entries(tmp_path, "outputs")}
    assert cache.info().total <= 10_000
    assert names[0] in kept and names[1] not in kept and names[-1] in kept


def test_twenty_runs_with_a_changing_model_stay_within_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each run's format and conversion entries replace the previous ones for the same package;
    packages of other names add entries, until the limit evicts the oldest."""
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("CODEGEN_CACHE_MAX_MB", "0.3")
    sizes = []
    for run in range(20):
        out = tmp_path / f"out{run % 3}"
        assert main(["generate", "--spec-dir", str(SPECS), "--output", str(out), "--package", f"pkg{run}"]) == 0
        sizes.append(Cache(cache_dir).info().total)
    assert max(sizes) <= 0.3 * (1 << 20)
    assert len(_entries(cache_dir, "format")) < 20


def test_only_one_run_prunes_at_a_time(tmp_path: Path) -> None:
    from codegen.write.lock import lock_if_free

    cache = Cache(tmp_path, limit=0)
    cache.write("format", "a" * 64, {"items": []})
    with lock_if_free(tmp_path) as free:
        assert free
        with lock_if_free(tmp_path) as again:
            assert not again
        assert cache.prune() == 0  # another run is pruning: this one leaves it
    assert cache.prune() == 1
    with lock_if_free(tmp_path) as free:
        assert free  # and the lock was let go


def _text_items(cache: Cache, name: str) -> Layered:
    def text(value):
        if type(value) is not str:
            raise TypeError("not text")
        return value

    return Layered(cache, "renders", name, text, text)


def test_an_update_of_a_few_items_writes_only_an_overlay(tmp_path: Path) -> None:
    cache, name = Cache(tmp_path), digest("layered")
    items = {f"key{i}": f"value {i}" for i in range(40)}
    first = _text_items(cache, name)
    assert first.load() == {}
    first.save(items)
    (base,) = _entries(tmp_path, "renders")
    written = base.read_bytes()
    changed = {**{k: v for k, v in items.items() if k != "key3"}, "key5": "new 5", "new": "a new item"}
    second = _text_items(cache, name)
    assert second.load() == items
    second.save(changed)
    assert base.read_bytes() == written  # the base is left as it was
    overlay = tmp_path / "renders" / f"{name}.overlay.json"
    body = json.loads(overlay.read_bytes().split(b"\n", 2)[2])
    assert body["drop"] == ["key3"] and sorted(body["set"]) == [["key5", "new 5"], ["new", "a new item"]]
    assert _text_items(cache, name).load() == changed
    # Saved again with the same items in another run: the overlay is written against the
    # same base, never stacked on the last overlay.
    third = _text_items(cache, name)
    assert third.load() == changed
    third.save({**changed, "key7": "new 7"})
    assert _text_items(cache, name).load() == {**changed, "key7": "new 7"}
    assert base.read_bytes() == written


def test_a_big_change_writes_a_new_base_and_no_overlay(tmp_path: Path) -> None:
    cache, name = Cache(tmp_path), digest("layered")
    _text_items(cache, name).save({f"key{i}": "old" for i in range(40)})
    update = _text_items(cache, name)
    update.load()
    update.save({f"key{i}": "small" for i in range(3)} | {"key39": "old"})
    small = {f"key{i}": "small" for i in range(3)} | {"key39": "old"}
    assert [p.name for p in _entries(tmp_path, "renders")] == [f"{name}.json"]
    assert _text_items(cache, name).load() == small
    # One item changed of four is a quarter: an overlay; two are more, and the base is
    # written again.
    again = _text_items(cache, name)
    again.load()
    again.save({**small, "key0": "changed"})
    assert len(_entries(tmp_path, "renders")) == 2
    again = _text_items(cache, name)
    again.load()
    again.save({**small, "key0": "changed", "key1": "changed"})
    assert [p.name for p in _entries(tmp_path, "renders")] == [f"{name}.json"]
    assert _text_items(cache, name).load() == {**small, "key0": "changed", "key1": "changed"}


def test_an_overlay_is_applied_to_its_own_base_only_and_whole_or_not_at_all(tmp_path: Path) -> None:
    cache, name = Cache(tmp_path), digest("layered")
    items = {f"key{i}": f"value {i}" for i in range(40)}
    _text_items(cache, name).save(items)
    update = _text_items(cache, name)
    update.load()
    update.save({**items, "key0": "updated"})
    overlay = tmp_path / "renders" / f"{name}.overlay.json"
    stale = overlay.read_bytes()
    # Another run writes a new base (and removes the overlay); the old overlay, put back as
    # a slow run might, is of the old base: nobody applies it.
    replaced = {f"other{i}": "x" for i in range(40)}
    _text_items(cache, name).save(replaced)
    assert not overlay.exists()
    overlay.write_bytes(stale)
    assert _text_items(cache, name).load() == replaced
    # A damaged overlay, or one holding anything that is not an item, is ignored whole.
    _text_items(cache, name).save(items)
    for damage in (
        lambda data: {**data, "set": [["key0", "updated"], ["key1", 1]]},
        lambda data: {**data, "set": [["key0", "updated"], "ab"]},
        lambda data: {**data, "drop": [["unhashable"]]},
        lambda data: {**data, "base": "0" * 64},
    ):
        update = _text_items(cache, name)
        update.load()
        update.save({**items, "key0": "updated"})
        assert _text_items(cache, name).load() == {**items, "key0": "updated"}
        _rewrite_body(overlay, damage)
        assert _text_items(cache, name).load() == items
    overlay.write_bytes(overlay.read_bytes()[:-5])  # fails its digest
    assert _text_items(cache, name).load() == items


def test_an_update_through_overlays_gives_what_a_cold_run_gives(tmp_path: Path) -> None:
    """The command's cache after a change of one structure's documentation: the entries' bases
    left as they were, overlays beside them, and the next run's tree that of a cold run."""
    import shutil

    specs = tmp_path / "specs"
    shutil.copytree(SPECS, specs)
    (model,) = specs.glob("*/*/service-2.json")
    cache_dir = tmp_path / "cache"
    generate_tree(specs, "typed_sagemaker", cache_dir)
    bases = {p: p.read_bytes() for kind in ("format", "conversions", "renders") for p in _entries(cache_dir, kind)}
    data = json.loads(model.read_text())
    documented = next(n for n, shape in sorted(data["shapes"].items()) if shape.get("documentation"))
    data["shapes"][documented]["documentation"] += "<p>Changed.</p>"
    model.write_text(json.dumps(data, indent=2))
    updated = generate_tree(specs, "typed_sagemaker", cache_dir)
    assert updated == generate_tree(specs, "typed_sagemaker")
    assert all(path.read_bytes() == content for path, content in bases.items())
    assert list(cache_dir.glob("conversions/*.overlay.json"))
    assert generate_tree(specs, "typed_sagemaker", cache_dir) == updated  # and read back


def test_cache_info_and_clear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path))
    generate_tree(SPECS, "typed_sagemaker", tmp_path)
    assert main(["cache", "info"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path) in out and "format: 2 entries" in out and "conversions: 1 entries" in out
    assert "renders: 1 entries" in out
    assert main(["cache", "clear"]) == 0
    assert "4 entries deleted" in capsys.readouterr().out
    assert Cache(tmp_path).info().total == 0


def test_earlier_cache_layouts_are_removed_and_nothing_else(tmp_path: Path) -> None:
    for old in ("trees/abc.marshal", "format/ab/" + "c" * 64 + ".py", "conversions/" + "d" * 64 + "/x.marshal"):
        (tmp_path / old).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / old).write_text("old")
    (tmp_path / "mine.txt").write_text("a user's file in a shared directory")
    Cache(tmp_path).clear()
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == ["mine.txt"]


def test_formatting_in_chunks_equals_black_on_the_whole_module() -> None:
    for path in sorted((GENERATED / "typed_sagemaker").glob("*.py")):
        # Undo black's layout (ast.unparse writes its own), then format both ways.
        text = path.read_text(encoding="utf-8")
        source = ast.unparse(ast.parse(text))
        assert format_sources({path.name: source})[path.name] == black.format_str(source, mode=black_mode())
        # With its comments and blank lines, too.
        assert format_sources({path.name: text})[path.name] == black.format_str(text, mode=black_mode())
    # The header, then one piece per class (the mission alone: 5 enums, 4 structures).
    models_text = (GENERATED / "typed_sagemaker" / "models.py").read_text()
    classes = [node for node in ast.parse(models_text).body if isinstance(node, ast.ClassDef)]
    assert len(split_module(models_text)) == 1 + len(classes) and classes
    # A big class is formatted method by method: the client's header, then its methods.
    client = split_module((GENERATED / "typed_sagemaker" / "client.py").read_text())
    assert sum(piece.in_class for piece in client) > 5


def test_letting_the_pool_go_ends_its_workers_and_keeps_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cold run's pool is ended once the help texts are done (``Formatting.let_go``), not
    at the end of the render: the formatted sources are the same, and no worker is left."""
    import multiprocessing

    from codegen.format import Formatting

    monkeypatch.setattr("os.cpu_count", lambda: 2)
    monkeypatch.setattr("codegen.format._POOL_THRESHOLD", 1000)  # this little code on a pool
    sources = {path.name: path.read_text() for path in sorted((GENERATED / "typed_sagemaker").glob("*.py"))}
    with Formatting(sources, None, 2) as formatting:
        assert formatting.pool is not None and multiprocessing.active_children()
        formatting.let_go()
        assert formatting.pool is None and multiprocessing.active_children() == []
        let_go = formatting.result()
    assert let_go == format_sources(sources, None, 1)


def test_a_big_service_s_entries_read_aside_are_those_read_here(tmp_path: Path, expected, monkeypatch) -> None:
    """A big service's cache entries are read in a forked process while its IR is built
    (``pipeline._stores``): they hold what reading them here gives, the tree is the same, and
    when that process fails they are read here."""

    from codegen import pipeline

    monkeypatch.setattr("os.cpu_count", lambda: 2)
    generate_tree(SPECS, "typed_sagemaker", tmp_path)
    cache = Cache(tmp_path)
    conversions, pack, renders = pipeline._load_stores(cache, "black", "typed_sagemaker", "identity")
    assert conversions._loaded and pack is not None and pack._stored
    with pipeline._stores(cache, "black", "typed_sagemaker", "identity", aside_=True) as stores:
        aside = stores()
    assert aside[0]._loaded == conversions._loaded and aside[0]._entry == conversions._entry
    assert aside[1] is not None and aside[1]._stored == pack._stored
    assert aside[2] is not None and renders is not None and aside[2]._loaded == renders._loaded
    # The whole render that way (this small service taken as big) gives the same tree.
    monkeypatch.setattr(pipeline, "_ASIDE_MODEL_BYTES", 0)
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == expected
    # A process that fails hands nothing back: the entries are read here.
    monkeypatch.setattr(
        pipeline, "_load_stores", failing_when_forked(pipeline._load_stores, "the reading process failed")
    )
    with pipeline._stores(cache, "black", "typed_sagemaker", "identity", aside_=True) as stores:
        again = stores()
    assert again[0]._loaded == conversions._loaded


def test_doc_conversions_are_remembered_across_runs_by_converter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, expected
) -> None:
    from codegen.render import conversions
    from codegen.render.docs import ReSTDocument

    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == expected
    assert len(_entries(tmp_path, "conversions")) == 1
    # Another run: no HTML is converted again.
    converted = []
    monkeypatch.setattr(ReSTDocument, "include_doc_string", lambda *a: converted.append(a))
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == expected
    assert converted == []
    # A damaged entry is converted again, and written anew.
    monkeypatch.undo()
    (entry,) = _entries(tmp_path, "conversions")
    entry.write_bytes(b"\x00not json")
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == expected
    assert len(conversions.load(Cache(tmp_path), entry.stem)) > 10


def test_the_converters_identity_covers_every_import_however_nested(tmp_path: Path, monkeypatch) -> None:
    """An import in a function, a class, a branch, a handler or a ``match`` case makes the
    imported module's source part of the conversions' identity, as a top-level one does."""
    from codegen.render import conversions

    nested = {
        "top": "import codegen.x_top\n",
        "function": "def f():\n    from codegen import x_function\n",
        "class": "class C:\n    def m(self):\n        from . import x_class\n",
        "branch": "if True:\n    pass\nelse:\n    import codegen.x_branch\n",
        "handler": "try:\n    pass\nexcept Exception:\n    import codegen.x_handler\n",
        "finally": "try:\n    pass\nfinally:\n    import codegen.x_finally\n",
        "case": "match 1:\n    case 1:\n        import codegen.x_case\n",
        "loop": "for _ in ():\n    pass\nelse:\n    import codegen.x_loop\n",
    }
    for where, source in nested.items():
        monkeypatch.setattr(conversions, "_source", lambda module, source=source: source.encode())
        monkeypatch.setattr(conversions, "_is_module", lambda name: True)
        found = conversions._imports("codegen.some")
        assert f"codegen.x_{where}" in found, where


def _shout(text: str) -> str:
    _SHOUTED.append(text)
    return text.upper()


_SHOUTED: list[str] = []


def test_a_long_argument_is_remembered_by_its_digest_and_nothing_else_is(tmp_path: Path) -> None:
    """A reference page is a conversion's whole argument: the entry keeps its SHA-256, not the
    page; a short argument is kept as it is; both are found again by the next render, and a
    string that spells a digest is still only that string."""
    from codegen.render.conversions import Conversions

    _SHOUTED.clear()
    page, short = "page text " * 500, "a short string"
    first = Conversions({"shout": _shout}, Cache(tmp_path), "unit")
    assert first("shout", page) == page.upper() and first("shout", short) == short.upper()
    first.save()
    (entry,) = _entries(tmp_path, "conversions")
    body = entry.read_text()
    assert page not in body and page.upper() in body and json.dumps(short) in body
    assert digest(page) in body
    again = Conversions({"shout": _shout}, Cache(tmp_path), "unit")
    assert again("shout", page) == page.upper() and again("shout", short) == short.upper()
    assert again("shout", digest(page)) == digest(page).upper()
    assert _SHOUTED == [page, short, digest(page)]


def test_an_update_prepared_in_workers_gives_the_same_tree(tmp_path: Path, expected, monkeypatch) -> None:
    """With pieces in the cache, modules are cut, looked up and formatted in workers
    (``Formatting._prepared_result``); the tree is the same, and a poisoned piece is still
    refused there."""
    import codegen.format

    generate_tree(SPECS, "typed_sagemaker", tmp_path)
    _format_entries(tmp_path)[1].unlink()  # so that every module is cut again, in the workers
    monkeypatch.setattr(codegen.format, "_POOL_THRESHOLD", 1)
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == expected
    pack, modules = _format_entries(tmp_path)
    modules.unlink()
    payload = "\nimport os\nos.system('touch /tmp/pwned')\n"
    _rewrite_body(pack, lambda data: {"items": [[k, v + payload] for k, v in data["items"]]})
    assert generate_tree(SPECS, "typed_sagemaker", tmp_path) == expected


def test_one_operations_package_is_formatted_in_one_forked_process_the_same(monkeypatch) -> None:
    """Too small to share out, a package is cut and formatted in one forked process while
    the caller renders the documentation; the result is what formatting in this process
    gives (and black's own)."""
    import codegen.format
    from codegen.format import Formatting

    # Whatever size the package has grown to (a project that added operations runs this too).
    monkeypatch.setattr(codegen.format, "_ASIDE_THRESHOLD", 1)
    monkeypatch.setattr(codegen.format, "_POOL_THRESHOLD", 10**9)
    sources = {
        path.name: ast.unparse(ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted((GENERATED / "typed_sagemaker").glob("*.py"))
    }
    with Formatting(sources, None, 2) as aside:
        assert aside._preparing is not None
        forked = aside.result()
    assert forked == format_sources(sources, workers=1)
    assert forked == {path: black.format_str(source, mode=black_mode()) for path, source in sources.items()}


def test_a_piece_black_calls_different_leaves_no_file_behind(tmp_path: Path, monkeypatch) -> None:
    """The last check of ``same_program`` is black's safety check, without the diff black
    writes to the temporary directory: a planted cache no longer leaves a file per piece.
    Its verdicts are black's own."""
    import tempfile

    from codegen.format import _black_equivalent

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    reindented = ('def f():\n  """Doc.\n\n      more"""\n', 'def f():\n    """Doc.\n\n    more"""\n')
    changed = ('def f():\n  """Doc.\n\n      more"""\n', 'def f():\n    """Doc.\n\n    less"""\n')
    assert same_program(*reindented) and not same_program(*changed)
    assert list(tmp_path.iterdir()) == []
    for pair, equivalent in ((reindented, True), (changed, False)):
        assert _black_equivalent(*pair) is equivalent
        try:
            black.assert_equivalent(*pair)  # (its diff, if any, goes to tmp_path)
        except black.parsing.ASTSafetyError:
            assert not equivalent
        else:
            assert equivalent


def test_same_program_by_byte_code_is_exact_about_constants() -> None:
    assert same_program("x = (1,)\n", "x = (\n    1,\n)\n")
    assert same_program("x = 'a'\n", 'x = "a"\n')
    assert not same_program("x = (1,)\n", "x = (True,)\n")
    assert not same_program("x = 0.0\n", "x = -0.0\n")
    assert not same_program("def f():\n    return 1\n", "def g():\n    return 1\n")
    assert not same_program("try:\n    f()\nexcept A:\n    pass\n", "try:\n    f()\nexcept B:\n    pass\n")


def test_a_run_whose_code_is_all_in_the_cache_does_not_import_black(tmp_path: Path) -> None:
    """black is imported only to format (``codegen.format._black``): rendering again what the
    cache holds formatted, into a new output (so nothing is reused), leaves it unimported and
    gives the same tree. (Without the processes the command line forks to format a small
    service as it is rendered, which import black themselves: ``tests/test_stamp.py``.)"""
    import subprocess
    import sys

    from codegen.write import read_tree

    env = {**os.environ, "CODEGEN_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys; from codegen.commands import main; import codegen.format as f; "
        "f.BlackAside.start = classmethod(lambda cls: None); status = main(sys.argv[1:]); "
        "print('black imported:', 'black' in sys.modules); sys.exit(status)"
    )
    outputs = []
    for name in ("first", "second"):
        argv = ["generate", "--spec-dir", str(SPECS), "--output", str(tmp_path / name), "--package", "typed_sagemaker"]
        done = subprocess.run([sys.executable, "-c", probe, *argv], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.splitlines()[-1])
    assert outputs == ["black imported: True", "black imported: False"]
    assert read_tree(tmp_path / "second") == read_tree(GENERATED)


def _entry_bodies(cache_dir: Path) -> dict[str, list[str]]:
    """Each entry of the render's kinds by path, its items in a stable order (an entry's
    order may follow the order things were asked in; its content may not)."""
    found = {}
    for kind in ("conversions", "format", "renders"):
        for path in _entries(cache_dir, kind):
            items = json.loads(path.read_bytes().split(b"\n", 2)[2])["items"]  # (a ``Layered`` entry)
            found[f"{kind}/{path.name}"] = sorted(json.dumps(item, sort_keys=True) for item in items)
    return found


def test_the_command_writes_the_cache_while_it_writes_the_tree_and_the_entries_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``codegen generate`` writes the render's cache entries in a forked process while it
    writes the output (``pipeline._saved_aside``), and waits for them: they are there when it
    returns, the same as a render that writes them itself; if that process fails, the command
    writes them itself."""
    import contextlib

    from codegen import pipeline
    from codegen.write import read_tree

    generate_tree(SPECS, "typed_sagemaker", tmp_path / "inline")
    argv = ["generate", "--spec-dir", str(SPECS), "--package", "typed_sagemaker"]
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "aside"))
    assert main([*argv, "--output", str(tmp_path / "out")]) == 0
    assert read_tree(tmp_path / "out") == read_tree(GENERATED)
    assert _entry_bodies(tmp_path / "aside") == _entry_bodies(tmp_path / "inline") != {}

    @contextlib.contextmanager
    def failed(work):  # type: ignore[no-untyped-def]
        yield lambda: None

    monkeypatch.setattr(pipeline, "aside", failed)
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "failed"))
    assert main([*argv, "--output", str(tmp_path / "out2")]) == 0
    assert _entry_bodies(tmp_path / "failed") == _entry_bodies(tmp_path / "inline")
