"""A streamed output's ``outfile`` (``_cli/outfile.py``): written whole or not at all.

The bytes, the metadata printed and an existing file replaced are compared with the AWS CLI on
``moto_server`` (``tests/moto/cli_workloads/s3.py``); here is what the AWS CLI does not do: an
interrupted download leaves the old file as it was and no temporary file behind.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterator

import pytest

from typed_sagemaker._cli import outfile


def chunks(*parts: bytes, fail_after: int | None = None) -> Iterator[bytes]:
    for index, part in enumerate(parts):
        if fail_after is not None and index == fail_after:
            raise ConnectionError("the connection was reset")
        yield part


def test_the_file_holds_every_chunk(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    outfile.write_file(str(target), chunks(b"a" * 40000, b"b", b""))
    assert target.read_bytes() == b"a" * 40000 + b"b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_an_interrupted_download_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old content")
    with pytest.raises(ConnectionError):
        outfile.write_file(str(target), chunks(b"new ", b"partial", fail_after=1))
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]
    with pytest.raises(ConnectionError):
        outfile.write_file(str(tmp_path / "fresh.bin"), chunks(b"x", b"y", fail_after=1))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_permissions_are_what_open_gives_or_the_replaced_files(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        outfile.write_file(str(tmp_path / "new.bin"), chunks(b"x"))
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.bin").stat().st_mode) == 0o640
    kept = tmp_path / "kept.bin"
    kept.write_bytes(b"old")
    kept.chmod(0o604)
    outfile.write_file(str(kept), chunks(b"new"))
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604 and kept.read_bytes() == b"new"
    outfile.write_file(str(tmp_path / "secret"), chunks(b"s"), mode=0o600)
    assert stat.S_IMODE((tmp_path / "secret").stat().st_mode) == 0o600


def test_a_link_is_kept_and_its_target_replaced(tmp_path: Path) -> None:
    (tmp_path / "real.bin").write_bytes(b"old")
    (tmp_path / "link.bin").symlink_to("real.bin")
    outfile.write_file(str(tmp_path / "link.bin"), chunks(b"new"))
    assert (tmp_path / "link.bin").is_symlink()
    assert (tmp_path / "real.bin").read_bytes() == b"new"


def test_what_is_not_a_regular_file_is_written_to_directly(tmp_path: Path) -> None:
    outfile.write_file(os.devnull, chunks(b"discarded"))
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        outfile.write_file(str(fifo), chunks(b"through the fifo"))
        assert os.read(reader, 100) == b"through the fifo"
    finally:
        os.close(reader)


def test_errors_name_the_path_as_open_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError) as missing:
        outfile.write_file("no-such-dir/out.txt", chunks(b"x"))
    with pytest.raises(FileNotFoundError) as opened:
        open("no-such-dir/out.txt", "wb")
    assert str(missing.value) == str(opened.value)
    (tmp_path / "a-dir").mkdir()
    with pytest.raises(IsADirectoryError) as directory:
        outfile.write_file("a-dir", chunks(b"x"))
    assert str(directory.value) == "[Errno 21] Is a directory: 'a-dir'"
