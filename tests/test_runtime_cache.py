"""The generated package's own cache (the part of botocore's endpoints.json it needs) is
verified like the generator's: a damaged entry is ignored and written again, and a link or
FIFO planted in its place is neither followed nor waited on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fakes.fixtures import sealed_environ
from tests.helpers import GENERATED

CREATE = (
    "import typed_sagemaker, sys; "
    "c = typed_sagemaker.Client(region_name='us-east-1'); "
    "print(c.botocore_client.meta.endpoint_url)"
)


def _create_client(home: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = sealed_environ(home, GENERATED) | {"XDG_CACHE_HOME": str(cache)}
    return subprocess.run([sys.executable, "-c", CREATE], env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "home").mkdir()
    return tmp_path / "home", tmp_path / "cache"


def _entry(cache: Path) -> Path:
    (entry,) = (cache / "typed_sagemaker").glob("endpoints-*.json")
    return entry


def test_the_endpoints_cache_is_written_with_a_digest_and_reused(dirs: tuple[Path, Path]) -> None:
    home, cache = dirs
    first = _create_client(home, cache)
    assert first.stdout == "https://api.sagemaker.us-east-1.amazonaws.com\n", first.stderr
    entry = _entry(cache)
    assert entry.read_bytes().startswith(b"endpoints cache 1\n")
    stamp = entry.stat().st_mtime_ns
    assert _create_client(home, cache).stdout == first.stdout
    assert entry.stat().st_mtime_ns == stamp  # read, not written again


@pytest.mark.parametrize("damage", ["truncated", "edited", "fifo", "link"])
def test_a_damaged_or_planted_entry_is_not_used(dirs: tuple[Path, Path], damage: str) -> None:
    home, cache = dirs
    expected = _create_client(home, cache).stdout
    entry = _entry(cache)
    raw = entry.read_bytes()
    entry.unlink()
    if damage == "truncated":
        entry.write_bytes(raw[: len(raw) // 2])
    elif damage == "edited":  # another endpoint, without a matching digest
        entry.write_bytes(raw.replace(b"amazonaws.com", b"attacker.example"))
    elif damage == "fifo":
        os.mkfifo(entry)
    else:
        target = dirs[0] / "elsewhere.json"
        target.write_bytes(raw.replace(b"amazonaws.com", b"attacker.example"))
        entry.symlink_to(target)
    again = _create_client(home, cache)
    assert again.stdout == expected, again.stderr
    assert entry.is_file() and not entry.is_symlink() and entry.read_bytes() == raw
