"""The generator never destroys, half-writes or trusts what it should not.

- It replaces only a directory it wrote itself (the ownership marker), never a checkout, the
  spec directory, a file, a link or a folder of the user's files.
- At every instant the output holds the complete old tree or the complete new one, whenever
  the process is killed (counted trials with injected delays).
- Two runs on one output: one waits for the other; neither fails.
- Leftovers of killed runs are cleaned up by the next run; nothing of ours stays in git status.
- Failures of the environment (read-only, full disk, permissions, missing or odd spec files)
  are one line naming the path and the reason, exit 2, output untouched.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from codegen.commands import main
from codegen.errors import CodegenError
from codegen.write import MARKER, read_tree, write_tree
from codegen.write import exchange, swap
from tests.helpers import ROOT, SPECS

PACKAGE = ["--spec-dir", str(SPECS), "--package", "typed_sagemaker", "--no-cache"]


def generate(output: Path, *extra: str) -> int:
    return main(["generate", *PACKAGE, "--output", str(output), *extra])


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("codegen: error: "), err
    return err


def snapshot(path: Path) -> dict[str, bytes]:
    return {
        p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()
    }


# --- the output guard ----------------------------------------------------------------------


def test_a_checkout_given_as_the_output_is_left_alone(tmp_path: Path, capsys) -> None:
    checkout = tmp_path / "checkout"
    (checkout / ".git").mkdir(parents=True)
    (checkout / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (checkout / "README.md").write_text("my project\n")
    before = snapshot(checkout)
    assert generate(checkout) == 2
    assert "has no .codegen-owned.json, so codegen did not write it" in one_line_error(capsys)
    assert generate(checkout, "--force") == 2
    assert "holds others (.git/HEAD, README.md)" in one_line_error(capsys)
    assert snapshot(checkout) == before


def test_the_spec_directory_is_never_the_output(tmp_path: Path, capsys) -> None:
    specs = tmp_path / "specs"
    write_tree(specs, read_tree(SPECS), kind="specs")
    before = snapshot(specs)
    for output in (specs, specs / "inside", tmp_path):
        code = main(["generate", "--spec-dir", str(specs), "--output", str(output), "--package", "p", "--no-cache"])
        assert code == 2 and "overlap" in one_line_error(capsys)
    assert snapshot(specs) == before


def test_a_tree_of_another_kind_is_not_replaced(tmp_path: Path, capsys) -> None:
    specs = tmp_path / "specs-copy"
    write_tree(specs, read_tree(SPECS), kind="specs")
    before = snapshot(specs)
    assert generate(specs) == 2
    assert "holds a tree of kind 'specs' written by codegen (codegen sync)" in one_line_error(capsys)
    assert snapshot(specs) == before


def test_files_the_user_added_to_a_generated_tree_block_it(tmp_path: Path, capsys) -> None:
    out = tmp_path / "generated"
    assert generate(out) == 0
    capsys.readouterr()
    (out / "notes.txt").write_text("mine")
    (out / "typed_sagemaker" / "extra.py").write_text("mine too")
    before = snapshot(out)
    assert generate(out) == 2
    assert "holds files codegen did not write (notes.txt, typed_sagemaker/extra.py)" in one_line_error(capsys)
    assert snapshot(out) == before


def test_a_file_or_a_link_as_the_output_is_refused(tmp_path: Path, capsys) -> None:
    target = tmp_path / "file"
    target.write_text("data")
    assert generate(target) == 2
    assert "is a file, not a directory" in one_line_error(capsys)
    assert target.read_text() == "data"
    link = tmp_path / "link"
    (tmp_path / "dir").mkdir()
    link.symlink_to(tmp_path / "dir")
    assert generate(link) == 2
    assert "is a symbolic link" in one_line_error(capsys)
    assert link.is_symlink() and list((tmp_path / "dir").iterdir()) == []


def test_absent_and_empty_directories_are_written(tmp_path: Path) -> None:
    assert generate(tmp_path / "absent") == 0
    (tmp_path / "empty").mkdir()
    assert generate(tmp_path / "empty") == 0
    assert read_tree(tmp_path / "absent") == read_tree(tmp_path / "empty") != {}


def test_force_takes_over_a_tree_of_generated_files_only(tmp_path: Path, capsys) -> None:
    out = tmp_path / "generated"
    assert generate(out) == 0
    (out / MARKER).unlink()  # a tree from before markers existed
    (out / "typed_sagemaker" / "__pycache__").mkdir()
    (out / "typed_sagemaker" / "__pycache__" / "x.pyc").write_bytes(b"tool output")
    assert generate(out) == 2
    capsys.readouterr()
    assert generate(out, "--force") == 0
    assert (out / MARKER).is_file() and not (out / "typed_sagemaker" / "__pycache__").exists()


def test_tool_output_in_the_tree_never_breaks_check(tmp_path: Path, capsys) -> None:
    out = tmp_path / "generated"
    assert generate(out) == 0
    for leftover in ("build/lib/typed_sagemaker/client.py", "typed_sagemaker.egg-info/PKG-INFO",
                     "typed_sagemaker/__pycache__/client.cpython-311.pyc", ".mypy_cache/x.json"):
        (out / leftover).parent.mkdir(parents=True, exist_ok=True)
        (out / leftover).write_text("tool output")
    capsys.readouterr()
    assert generate(out, "--check") == 0
    assert generate(out) == 0  # and they do not block a regeneration


def test_check_notices_a_missing_marker(tmp_path: Path, capsys) -> None:
    out = tmp_path / "generated"
    assert generate(out) == 0
    (out / MARKER).unlink()
    assert generate(out, "--check") == 3  # out of date: not 1, kept for bugs
    assert f"+++ b/generated/{MARKER}" in capsys.readouterr().out


# --- never absent, never mixed -------------------------------------------------------------

_WRITER = textwrap.dedent(
    """
    import json, os, sys, time
    from pathlib import Path
    from codegen.write import exchange, swap

    root, tree_file, mode, delay = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    tree = {k: v.encode() for k, v in json.loads(Path(tree_file).read_text()).items()}
    write_new = swap._write_new
    def slow_write(path, content):
        time.sleep(delay)
        write_new(path, content)
    swap._write_new = slow_write
    real_exchange, real_rename = exchange.exchange, os.rename
    def slow_exchange(first, second):
        if mode == "fallback":
            return False
        time.sleep(delay * 5)
        done = real_exchange(first, second)
        time.sleep(delay * 5)
        return done
    def slow_rename(source, target):
        real_rename(source, target)
        time.sleep(delay * 5)  # between the two renames of the fallback
    exchange.exchange = slow_exchange
    os.rename = slow_rename
    print("ready", flush=True)
    swap.write_tree(Path(root), tree)
    print("done", flush=True)
    """
)


def _tree(label: str, files: int = 25) -> dict[str, bytes]:
    return {f"pkg/m{i:02}.py": f"# {label} {i}\n".encode() for i in range(files)} | {f"{label}.only": b"x"}


def _kill_trials(tmp_path: Path, trials: int, mode: str) -> dict[str, int]:
    """Write tree A and B over each other, killing the writer at a random moment each time;
    after every kill the output must be exactly A or exactly B (or, in the fallback without an
    atomic exchange, absent with the old tree put back by the next run)."""
    root = tmp_path / "out"
    trees = {"A": _tree("A"), "B": _tree("B")}
    files = {}
    for name, tree in trees.items():
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps({k: v.decode() for k, v in tree.items()}))
    write_tree(root, trees["A"])
    current, counts = "A", {"old": 0, "new": 0, "absent, then restored": 0}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(1234)
    for _ in range(trials):
        other = "B" if current == "A" else "A"
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(root), str(files[other]), mode, "0.004"],
            stdout=subprocess.PIPE, text=True, env=env,
        )
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.25))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        if not root.exists():
            assert mode == "fallback", "the output vanished although the exchange is atomic"
            swap.recover(root)
            counts["absent, then restored"] += 1
        state = read_tree(root)
        assert state in (trees["A"], trees["B"]), "the output holds a mixture of two trees"
        counts["new" if state == trees[other] else "old"] += 1
        current = "A" if state == trees["A"] else "B"
    write_tree(root, trees["A"])  # the next run cleans up after the killed ones
    assert sorted(p.name for p in tmp_path.iterdir()) == ["A.json", "B.json", "out"]
    return counts


@pytest.mark.skipif(sys.platform != "linux", reason="the exchange is tested where it exists")
def test_a_kill_at_any_moment_leaves_the_old_or_the_new_tree(tmp_path: Path) -> None:
    counts = _kill_trials(tmp_path, 24, "exchange")
    print(f"\nkills during the write (exchange): {counts}")
    assert counts["old"] and counts["new"], counts  # the kills landed on both sides of the swap


def test_without_an_atomic_exchange_a_kill_is_repaired_by_the_next_run(tmp_path: Path) -> None:
    counts = _kill_trials(tmp_path, 16, "fallback")
    print(f"\nkills during the write (fallback): {counts}")
    assert counts["old"] + counts["new"] == 16 and counts["old"] and counts["new"]


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["exchange", "fallback"])
def test_many_kills(tmp_path: Path, mode: str) -> None:
    counts = _kill_trials(tmp_path, 300, mode)
    print(f"\n300 kills during the write ({mode}): {counts}")
    assert counts["old"] and counts["new"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("strace") is None or sys.platform != "linux", reason="needs strace")
def test_kills_inside_a_slowed_exchange_system_call(tmp_path: Path) -> None:
    """strace stretches renameat2 itself (as a slow disk would) while the writer is killed."""
    root = tmp_path / "out"
    old, new = _tree("old"), _tree("new")
    write_tree(root, old)
    (tmp_path / "new.json").write_text(json.dumps({k: v.decode() for k, v in new.items()}))
    script = "import json,sys; from pathlib import Path; from codegen.write import write_tree; " \
             "write_tree(Path(sys.argv[1]), {k: v.encode() for k, v in json.loads(Path(sys.argv[2]).read_text()).items()})"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    outcomes = {"old": 0, "new": 0}
    rng = random.Random(7)
    for trial in range(12):
        target, expected_new = (tmp_path / "new.json", new) if trial % 2 == 0 else (tmp_path / "old.json", old)
        if trial % 2:
            target.write_text(json.dumps({k: v.decode() for k, v in old.items()}))
        tracer = subprocess.Popen(
            ["strace", "-f", "-qq", "-o", "/dev/null", "-e", "inject=renameat2:delay_enter=200000:delay_exit=200000",
             sys.executable, "-c", script, str(root), str(target)], env=env,
        )
        time.sleep(rng.uniform(0.3, 1.2))
        tracer.send_signal(signal.SIGKILL)
        tracer.wait()
        subprocess.run(["pkill", "-KILL", "-f", str(target)], check=False)
        time.sleep(0.1)
        state = read_tree(root)
        assert root.is_dir() and state in (old, new)
        outcomes["new" if state == expected_new else "old"] += 1
    print(f"\nkills with renameat2 slowed by strace: {outcomes}")


def test_the_new_tree_is_flushed_before_it_is_swapped_in(tmp_path: Path, monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(exchange, "sync_tree", lambda root: calls.append(f"sync {root.name[:len('.out.codegen-new-')]}"))
    real = exchange.fsync_directory
    monkeypatch.setattr(exchange, "fsync_directory", lambda path: (calls.append(f"fsync {path.name}"), real(path)))
    write_tree(tmp_path / "out", {"a.py": b"1"})
    assert calls == ["sync .out.codegen-new-", f"fsync {tmp_path.name}"], calls


def test_unchanged_files_are_linked_not_copied(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write_tree(root, {"same.py": b"same", "changed.py": b"1"})
    inode = (root / "same.py").stat().st_ino
    write_tree(root, {"same.py": b"same", "changed.py": b"2"})
    assert (root / "same.py").stat().st_ino == inode
    assert read_tree(root) == {"same.py": b"same", "changed.py": b"2"}


# --- one writer at a time --------------------------------------------------------------------


def test_two_runs_on_one_output_take_turns(tmp_path: Path) -> None:
    root = tmp_path / "out"
    trees = {"A": _tree("A", 60), "B": _tree("B", 60)}
    for name, tree in trees.items():
        (tmp_path / f"{name}.json").write_text(json.dumps({k: v.decode() for k, v in tree.items()}))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for trial in range(6):
        writers = [
            subprocess.Popen(
                [sys.executable, "-c", _WRITER, str(root), str(tmp_path / f"{name}.json"), "exchange", "0.003"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
            )
            for name in ("A", "B")
        ]
        results = [w.communicate(timeout=120) for w in writers]
        assert [w.returncode for w in writers] == [0, 0], results
        assert all(out.endswith("done\n") for out, _ in results)
        waited = [err for _, err in results if "waiting for another codegen run" in err]
        assert len(waited) <= 1 and not any("internal error" in err for _, err in results)
        assert read_tree(root) in (trees["A"], trees["B"])
        assert sorted(p.name for p in tmp_path.iterdir()) == ["A.json", "B.json", "out"]


def test_a_run_that_cannot_get_the_lock_in_time_gives_up_with_one_line(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    import fcntl

    out = tmp_path / "generated"
    holder = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    monkeypatch.setenv("CODEGEN_LOCK_TIMEOUT", "0.3")
    try:
        assert generate(out) == 2
    finally:
        os.close(holder)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("codegen: waiting for another codegen run writing near ")
    assert lines[1].startswith(f"codegen: error: {out}: another codegen run has held its lock for over 0.3 s")
    assert not out.exists()


# --- cleanup --------------------------------------------------------------------------------


def test_leftovers_of_killed_runs_are_removed_and_git_status_stays_clean(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    out = repo / "generated"
    assert generate(out) == 0
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(repo)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "generated"], check=True)
    for leftover in (".generated.codegen-new-abc", ".generated.codegen-old-def", ".generated.new-x1", ".generated.old-x2"):
        (repo / leftover / "typed_sagemaker").mkdir(parents=True)
        (repo / leftover / "typed_sagemaker" / "client.py").write_text("stale")
    assert generate(out) == 0
    status = subprocess.run([*git, "status", "--porcelain", "--ignored"], capture_output=True, text=True, check=True)
    assert status.stdout == ""


# --- errors of the environment ------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path):
    """A tmpfs of 256 KB (needs root and mount); skipped where it cannot be made."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_an_environment_error(small_disk: Path, capsys) -> None:
    out = small_disk / "generated"
    write_tree(out, {"previous.py": b"kept"})
    (small_disk / "filler").write_bytes(b"\0" * (200 << 10))
    assert generate(out) == 2
    err = one_line_error(capsys)
    assert "No space left on device" in err and str(small_disk) in err
    assert read_tree(out) == {"previous.py": b"kept"}
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "generated"]


def test_a_read_only_file_system_is_an_environment_error(small_disk: Path, capsys) -> None:
    out = small_disk / "generated"
    write_tree(out, {"previous.py": b"kept"})
    if subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True).returncode:
        pytest.skip("cannot remount read-only")
    assert generate(out) == 2
    assert "Read-only file system" in one_line_error(capsys)
    assert read_tree(out) == {"previous.py": b"kept"}


def test_an_unwritable_parent_is_an_environment_error(tmp_path: Path, monkeypatch, capsys) -> None:
    # (root ignores permission bits, so the refusal is what mkdtemp would raise for others)
    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    monkeypatch.setattr(swap.tempfile, "mkdtemp", refused)
    assert generate(tmp_path / "generated") == 2
    assert f"{tmp_path}: cannot create a directory in: Permission denied" in one_line_error(capsys)


def test_an_unexpected_os_error_is_still_exit_2_naming_the_file(tmp_path: Path, monkeypatch, capsys) -> None:
    def unreadable(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", "/somewhere/specs/manifest.json")

    monkeypatch.setattr(Path, "is_dir", unreadable)
    assert generate(tmp_path / "generated") == 2
    assert "codegen: error: /somewhere/specs/manifest.json: Permission denied" in one_line_error(capsys)


# --- spec files -----------------------------------------------------------------------------


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    copy = tmp_path / "specs"
    shutil.copytree(SPECS, copy)
    return copy


def _generate_from(specs: Path, tmp_path: Path) -> int:
    return main(["generate", "--spec-dir", str(specs), "--output", str(tmp_path / "out"), "--package", "p", "--no-cache"])


def test_a_spec_file_linked_from_outside_is_refused(specs: Path, tmp_path: Path, capsys) -> None:
    (model,) = specs.glob("sagemaker/*/service-2.json")
    outside = tmp_path / "secret.json"
    shutil.move(model, outside)
    model.symlink_to(outside)
    assert _generate_from(specs, tmp_path) == 2
    assert f"{model}: refused: a link that leads outside {specs}" in one_line_error(capsys)
    assert not (tmp_path / "out").exists()


def test_a_link_inside_the_spec_directory_is_followed(specs: Path, tmp_path: Path) -> None:
    (model,) = specs.glob("sagemaker/*/service-2.json")
    shutil.move(model, specs / "model.json")
    model.symlink_to(specs / "model.json")
    assert _generate_from(specs, tmp_path) == 0


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "directory", "too-large"])
def test_odd_spec_files_are_refused_without_reading_them(
    specs: Path, tmp_path: Path, capsys, monkeypatch, kind: str
) -> None:
    (model,) = specs.glob("sagemaker/*/service-2.json")
    model.unlink()
    if kind == "dev-zero":  # a link inside would be refused for leading outside; a device is refused too
        os.mknod(model, 0o600 | __import__("stat").S_IFCHR, os.makedev(1, 5))
        expected = "refused: not a regular file"
    elif kind == "fifo":
        os.mkfifo(model)
        expected = "refused: not a regular file"
    elif kind == "directory":
        model.mkdir()
        expected = "refused: not a regular file"
    else:
        from codegen.spec import store

        # Above the manifest's size (read first), below the model's.
        monkeypatch.setattr(store, "SPEC_FILE_LIMIT", 10_000)
        model.write_text(" " * 10_001)
        expected = "refused: larger than the limit of 10,000 bytes"
    started = time.monotonic()
    assert _generate_from(specs, tmp_path) == 2
    assert time.monotonic() - started < 30
    assert f"{model}: {expected}" in one_line_error(capsys)


def test_a_missing_spec_file_is_named(specs: Path, tmp_path: Path, capsys) -> None:
    (model,) = specs.glob("sagemaker/*/service-2.json")
    model.unlink()
    assert _generate_from(specs, tmp_path) == 2
    assert f"{model}: file not found" in one_line_error(capsys)


def test_write_tree_refuses_paths_it_keeps_for_itself(tmp_path: Path) -> None:
    for path in (MARKER, "pkg/__pycache__/x.pyc", "build/lib/x.py"):
        with pytest.raises(ValueError, match="keeps for itself"):
            write_tree(tmp_path / "out", {path: b"x"})
    (tmp_path / "mine.txt").write_text("a file codegen did not write")
    with pytest.raises(CodegenError, match="has no .codegen-owned.json"):
        write_tree(tmp_path, {"a.py": b"x"}, kind="specs")
