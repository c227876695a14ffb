"""A small service's code formatted as it is rendered (``codegen.format.BlackAside``,
``Streamed``): the same bytes as black gives each whole module, by processes forked before the
caller's heavy imports, which end with the run whatever happened."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

import codegen.format
from codegen.cache import Cache
from codegen.errors import CodegenError
from codegen.format import BlackAside, FormatPack, Streamed, format_sources, split_module
from tests.helpers import GENERATED

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)

# Some code black changes (a piece formatted twice), beside the package's own, which it leaves.
UNFORMATTED = {
    "messy.py": "import os\ndef f( a,b ):\n  return {'a':a,'b':[b,os.sep]}\nclass C :\n  x=1\n\n\n\n\ny = f(1,2)\n",
}


def package_sources() -> dict[str, str]:
    paths = sorted((GENERATED / "typed_sagemaker").glob("*.py"))
    return {p.name: p.read_text(encoding="utf-8") for p in paths} | UNFORMATTED


def streamed(sources: dict[str, str], cache: FormatPack | None = None) -> dict[str, str]:
    aside = BlackAside(lanes=2)
    with Streamed(aside, cache) as streaming:
        for path, source in sources.items():
            streaming.add(path, source)
        return streaming.result()


def test_streamed_sources_are_what_black_makes_of_each_whole_module() -> None:
    sources = package_sources()
    result = streamed(sources)
    assert list(result) == list(sources)  # in the order added
    assert result == format_sources(sources, None, 1)
    assert result["messy.py"] != UNFORMATTED["messy.py"]


def test_a_source_is_there_once_what_was_sent_before_it_is_formatted() -> None:
    sources = package_sources()
    with Streamed(BlackAside(lanes=2)) as streaming:
        streaming.add("example.py", UNFORMATTED["messy.py"])
        for path, source in sources.items():
            streaming.add(path, source)
        assert streaming.formatted("example.py") == format_sources(UNFORMATTED, None, 1)["messy.py"]
        assert set(streaming.result()) == {"example.py", *sources}


def test_the_pieces_are_shared_out_to_two_processes_that_are_not_this_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # (Each process signs what it formats: the fork inherits the patched function.)
    monkeypatch.setattr(codegen.format, "_format_chunk", lambda text: f"# formatted by {os.getpid()}\n{text}")
    result = streamed(package_sources())
    signers = {line for text in result.values() for line in text.splitlines() if line.startswith("# formatted by ")}
    assert len(signers) == 2 and f"# formatted by {os.getpid()}" not in signers


def test_pieces_the_cache_holds_are_not_sent_and_every_piece_used_is_remembered(tmp_path, monkeypatch) -> None:
    sources = package_sources()
    first = FormatPack(Cache(tmp_path), "black", "pkg")
    streamed(sources, first)
    first.flush()
    sent: list[str] = []
    real_send = BlackAside.send
    monkeypatch.setattr(BlackAside, "send", lambda self, texts: sent.extend(texts) or real_send(self, texts))
    changed = {**sources, "messy.py": UNFORMATTED["messy.py"].replace("x=1", "x=2")}
    again = FormatPack(Cache(tmp_path), "black", "pkg")
    result = streamed(changed, again)
    assert result == format_sources(changed, None, 1)
    pieces = {name: {p.text for p in split_module(source)} for name, source in changed.items()}
    assert set(sent) == pieces["messy.py"] - {p.text for p in split_module(sources["messy.py"])} != set()
    again.flush()
    every = set().union(*pieces.values())
    assert FormatPack(Cache(tmp_path), "black", "pkg").lookup(every).keys() == every


def test_code_that_does_not_parse_names_its_module() -> None:
    with Streamed(BlackAside(lanes=2)) as streaming:
        with pytest.raises(CodegenError, match=r"^broken\.py: generated code does not parse"):
            streaming.add("broken.py", "def f(:\n")


def test_code_black_refuses_names_its_module(monkeypatch: pytest.MonkeyPatch) -> None:
    def refusing(text: str) -> str:
        if "refused" in text:
            raise codegen.format._black().parsing.InvalidInput("Cannot parse: 1:0")
        return text

    monkeypatch.setattr(codegen.format, "_format_chunk", refusing)
    with pytest.raises(CodegenError, match=r"^refused\.py: generated code does not parse: Cannot parse"):
        streamed({"fine.py": "x = 1\n", "refused.py": "refused = 1\n", "after.py": "y = 2\n"})
    assert multiprocessing.active_children() == []


def test_a_formatting_process_that_dies_is_a_bug_and_none_is_left(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codegen.format, "_format_chunk", lambda text: os._exit(3))
    with pytest.raises(RuntimeError, match="a formatting process ended"):
        streamed({"m.py": "x = 1\n"})
    assert multiprocessing.active_children() == []


def test_processes_nobody_used_end_when_closed() -> None:
    aside = BlackAside(lanes=2)
    process = aside._process
    start = time.monotonic()
    aside.close()
    aside.close()  # (twice is once)
    assert process.exitcode is not None and time.monotonic() - start < 5
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("delay", [0.15, 0.3, 0.45])
def test_ctrl_c_during_a_small_service_run_prints_one_line_and_leaves_no_process(tmp_path, delay: float) -> None:
    """Whenever it comes (the formatting processes importing black, formatting, or done), the
    interrupt is the command's to report; the processes it forked end with it, silently."""
    import shutil
    import signal
    import subprocess
    import sys

    from tests.helpers import ROOT

    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    command = [sys.executable, "-m", "codegen", "generate", "--spec-dir", str(tmp_path / "specs"),
               "--output", str(tmp_path / "out"), "--package", "typed_sagemaker"]
    env = {**os.environ, "CODEGEN_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    time.sleep(delay)
    os.killpg(run.pid, signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert (run.returncode, err) in ((130, "codegen: interrupted\n"), (0, ""))
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(run.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("a process of the run is still there")
