"""``moto_server`` (the AWS emulator of the ``moto[server]`` package) as a subprocess on
127.0.0.1, for the whole test session.

The server binds a free port chosen here; the fixture waits until it answers, yields a
:class:`MotoServer`, and kills the process on teardown. Workloads start from an empty
emulator through moto's reset API (``POST /moto-api/reset``).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

HOST = "127.0.0.1"
START_TIMEOUT = 60.0  # seconds; moto imports a lot on a cold start


class MotoServer:
    """A running ``moto_server``: its ``url`` and its reset API."""

    def __init__(self, url: str, process: subprocess.Popen[bytes], log: Path) -> None:
        self.url = url
        self.process = process
        self.log = log
        self.started_in = 0.0  # seconds from spawning to the first answer

    def reset(self) -> None:
        """Forget every resource of every service (moto's ``/moto-api/reset``)."""
        request = urllib.request.Request(f"{self.url}/moto-api/reset", data=b"", method="POST")
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/moto-api/", timeout=2) as response:
            response.read()
            return True
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextlib.contextmanager
def running_moto_server(log_dir: Path, attempts: int = 3) -> Iterator[MotoServer]:
    """Start ``moto_server`` on a free port of 127.0.0.1 (another port if that one was taken
    in the meantime) and stop it on exit."""
    problems: list[str] = []
    for attempt in range(attempts):
        port = free_port()
        url = f"http://{HOST}:{port}"
        log = log_dir / f"moto-server-{port}.log"
        started = time.monotonic()
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, "-m", "moto.server", "-H", HOST, "-p", str(port)],
                stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        server = MotoServer(url, process, log)
        try:
            while process.poll() is None and time.monotonic() - started < START_TIMEOUT:
                if _answers(url):
                    break
                time.sleep(0.1)
            if process.poll() is not None or not _answers(url):
                problems.append(f"attempt {attempt + 1} on port {port}: {server.log_tail(5)}")
                continue
            server.started_in = time.monotonic() - started
            yield server
            return
        finally:
            _stop(process)
    raise RuntimeError("moto_server did not start:\n" + "\n".join(problems))


@pytest.fixture(scope="session")
def moto_server() -> Iterator[MotoServer]:
    """One ``moto_server`` for the session; reset it before using it (``moto_server.reset()``)."""
    with tempfile.TemporaryDirectory(prefix="moto-server-") as log_dir:
        with running_moto_server(Path(log_dir)) as server:
            yield server
