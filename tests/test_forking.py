"""Forked workers share the parent's heap: the objects alive when they are forked are kept out
of the garbage collector while they run, and only then (``codegen.forking.shared_heap``). Work
done aside (``codegen.forking.aside``) hands back its result, or None when it failed, and no
process outlives the block."""

from __future__ import annotations

import gc
import multiprocessing
import os
import time

import pytest

import codegen.format
from codegen.errors import CodegenError
from codegen.forking import aside, shared_heap
from codegen.format import Formatting
from tests.helpers import GENERATED

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)


def test_objects_alive_on_entry_are_frozen_until_the_outermost_exit() -> None:
    assert gc.get_freeze_count() == 0
    with shared_heap():
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with shared_heap():
            assert gc.get_freeze_count() == frozen  # nothing frozen twice, nor thawed early
        assert gc.get_freeze_count() == frozen
    assert gc.get_freeze_count() == 0


def test_formatting_thaws_what_it_froze_when_its_workers_are_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    # One forked process, whatever size the package has grown to.
    monkeypatch.setattr(codegen.format, "_ASIDE_THRESHOLD", 1)
    monkeypatch.setattr(codegen.format, "_POOL_THRESHOLD", 10**9)
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted((GENERATED / "typed_sagemaker").glob("*.py"))}
    with Formatting(sources, None, 2) as formatting:
        assert gc.get_freeze_count() > 0  # its forked process is running
        formatting.result()
    assert gc.get_freeze_count() == 0
    # Also when the code does not parse, and when the workers cannot be started.
    broken = {"m.py": "x = (\n" * 10_000}
    with pytest.raises(CodegenError, match="does not parse"):
        with Formatting(broken, None, 2) as formatting:
            formatting.result()
    assert gc.get_freeze_count() == 0

    def no_processes(*args: object) -> None:
        raise OSError("no more processes")

    monkeypatch.setattr(codegen.format._Preparing, "__init__", no_processes)
    with pytest.raises(OSError, match="no more processes"):
        Formatting(sources, None, 2)
    assert gc.get_freeze_count() == 0


def test_work_done_aside_hands_back_its_result_and_sees_the_state_at_the_fork() -> None:
    state = {"n": 1}
    with aside(lambda: (state["n"], os.getpid())) as result:
        state["n"] = 2
        assert result() == (1, result()[1]) and result()[1] != os.getpid()
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(
    "work",
    [
        lambda: 1 // 0,  # it raised
        lambda: os._exit(3),  # it died
        lambda: (lambda: None),  # its result does not pickle
    ],
    ids=["raises", "dies", "unpicklable"],
)
def test_work_that_failed_aside_is_none(work, capfd) -> None:
    with aside(work) as result:
        assert result() is None
    assert multiprocessing.active_children() == [] and capfd.readouterr().err == ""


def test_leaving_ends_work_not_waited_for() -> None:
    with pytest.raises(KeyError), aside(lambda: time.sleep(60)):
        raise KeyError("the caller failed first")
    assert multiprocessing.active_children() == []


def _ticks(count: int, sending) -> None:  # (a worker's function: a module's, as pickled by name)
    for _ in range(count):
        time.sleep(0.05)
    sending.send(count)
    sending.close()


def test_a_worker_is_deaf_to_ctrl_c_and_the_caller_is_not() -> None:
    """Ctrl-C is the caller's to report; its workers go on until it ends them (and print no
    traceback of their own). While it forks, the caller holds the signal back, not off."""
    import signal

    from codegen.forking import fork_context

    # Python's own handler, whatever this process inherited: a shell's background job starts
    # with SIGINT ignored, and Python then leaves it so.
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        context = fork_context()
        receiving, sending = context.Pipe(duplex=False)
        worker = context.Process(target=_ticks, args=(6, sending), daemon=True)  # type: ignore[attr-defined]
        worker.start()
        sending.close()
        assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])  # (the mask as it is)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        os.kill(worker.pid, signal.SIGINT)
        assert receiving.recv() == 6
        worker.join()
        assert worker.exitcode == 0
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
    finally:
        signal.signal(signal.SIGINT, inherited)


def test_ctrl_c_while_the_command_starts_ends_it_with_one_line() -> None:
    """Before the command's modules are imported (``codegen._script``), an interrupt ends the
    process at once with status 130 and one line, as one during the command does; an
    interrupt the process was told to ignore stays ignored."""
    import signal
    import subprocess
    import sys

    starting = (
        "import os, signal, time\n"
        "from codegen._script import hold_interrupts_while_starting\n"
        "held = hold_interrupts_while_starting()\n"
        "print(held, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "time.sleep(5)\n"
        "print('not interrupted')\n"
    )
    from codegen import _script, commands

    assert _script.EXIT_INTERRUPTED == commands.EXIT_INTERRUPTED == 130
    done = subprocess.run([sys.executable, "-c", starting], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (130, "True\n", "codegen: interrupted\n")

    def ignoring() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    done = subprocess.run([sys.executable, "-c", starting.replace("time.sleep(5)", "time.sleep(0.2)")],
                          capture_output=True, text=True, timeout=60, preexec_fn=ignoring)
    assert (done.returncode, done.stdout, done.stderr) == (0, "False\nnot interrupted\n", "")


def test_the_command_line_ends_with_mains_status_and_its_output_flushed(tmp_path) -> None:
    """``python -m codegen`` (and the ``codegen`` script) skip the interpreter's teardown
    (``commands.console``), and say what ``main`` said, with its status."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "codegen", "cache", "info"], capture_output=True, text=True,
                          env={**os.environ, "CODEGEN_CACHE_DIR": str(tmp_path)})
    assert (done.returncode, done.stderr) == (0, "") and done.stdout.startswith(f"{tmp_path}: ")
    bad = subprocess.run([sys.executable, "-m", "codegen", "generate", "--spec-dir", str(tmp_path / "none"),
                          "--output", str(tmp_path / "out"), "--package", "p"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and bad.stderr.startswith("codegen: error: ")
