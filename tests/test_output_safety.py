"""Outputs never destroy what they should not: devices, pipes, inputs, sources, planted links."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

import argmap
from argmap._atomic import OutputRefusedError, check_output, write_atomic

ROOT_ONLY = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="making device nodes (mknod) and files of other owners needs root; CI runs as root",
)

MAP = """\
argmap: "1.0"
title: Cats
sources:
  - id: art
    path: {path}
nodes:
  - id: c
    kind: claim
    text: Cats are good company.
    quotes:
      - source: art
        text: cats purr
"""


def write_map(folder: Path, source_path: str = "article.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text("Most cats purr when content.", encoding="utf-8")
    target = folder / "m.yaml"
    target.write_text(MAP.format(path=source_path), encoding="utf-8")
    return target


def null_device(folder: Path, name: str = "null") -> Path:
    device = folder / name
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return device


@ROOT_ONLY
def test_a_character_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    device = null_device(tmp_path)
    argmap.dump(argmap.load(write_map(tmp_path / "maps")), device, format="json")
    assert stat.S_ISCHR(device.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["maps", "null"]


@ROOT_ONLY
def test_a_block_device_is_refused(tmp_path: Path) -> None:
    device = tmp_path / "disk"
    os.mknod(device, 0o600 | stat.S_IFBLK, os.makedev(7, 250))
    with pytest.raises(OutputRefusedError, match="block device"):
        write_atomic(device, b"x")
    assert stat.S_ISBLK(device.stat().st_mode)


def test_a_fifo_with_a_reader_is_written_into(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, b"through the pipe")  # fits the pipe's buffer: no wait
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_fifo_nobody_reads_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputRefusedError, match="no process is reading"):
        write_atomic(fifo, b"x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_stdout_writes_to_this_process_descriptor(capfd: pytest.CaptureFixture[str]) -> None:
    write_atomic("/dev/stdout", b"to the terminal\n")
    assert capfd.readouterr().out == "to the terminal\n"


def test_a_source_is_never_overwritten_even_through_a_hard_link(tmp_path: Path) -> None:
    m = argmap.load(write_map(tmp_path))
    article = tmp_path / "article.txt"
    with pytest.raises(OutputRefusedError, match="same file"):
        argmap.dump(m, article, format="yaml")
    other_name = tmp_path / "other.yaml"
    os.link(article, other_name)
    with pytest.raises(OutputRefusedError, match="same file"):
        argmap.dump(m, other_name)
    assert article.read_text(encoding="utf-8") == "Most cats purr when content."


def test_dump_into_another_folder_keeps_the_sources_reachable(tmp_path: Path) -> None:
    m = argmap.load(write_map(tmp_path / "maps"))
    saved = tmp_path / "elsewhere" / "deeper" / "x.yaml"
    saved.parent.mkdir(parents=True)
    argmap.dump(m, saved)
    assert "path: ../../maps/article.txt" in saved.read_text(encoding="utf-8")
    assert argmap.load(saved).sources[0].path == "../../maps/article.txt"


def test_dump_with_an_explicit_base_for_a_map_built_in_code(tmp_path: Path) -> None:
    m = argmap.loads(MAP.format(path="article.txt"), base=write_map(tmp_path / "maps").parent)
    built = argmap.ArgumentMap(title=m.title, sources=m.sources, nodes=m.nodes)
    argmap.dump(built, tmp_path / "x.yaml", base=tmp_path / "maps")
    assert argmap.load(tmp_path / "x.yaml").sources[0].path == "maps/article.txt"


def test_dump_through_a_symlinked_folder_counts_from_where_the_file_lands(tmp_path: Path) -> None:
    m = argmap.load(write_map(tmp_path / "maps"))
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "lnk").symlink_to(tmp_path / "sub" / "deeper")
    argmap.dump(m, tmp_path / "lnk" / ".." / "x.yaml")  # the kernel's `..`: sub/, not tmp_path
    saved = tmp_path / "sub" / "x.yaml"
    assert argmap.load(saved).sources[0].path == "../maps/article.txt"


def test_an_absolute_source_path_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    write_map(folder)
    target = folder / "m.yaml"
    target.write_text(MAP.format(path=folder / "article.txt"), encoding="utf-8")
    argmap.dump(argmap.load(target), tmp_path / "x.yaml")
    assert argmap.load(tmp_path / "x.yaml").sources[0].path == str(folder / "article.txt")


@ROOT_ONLY
def test_a_planted_link_in_a_sticky_shared_folder_is_refused(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    victim = tmp_path / "important.txt"
    victim.write_text("precious", encoding="utf-8")
    link = shared / "out.svg"
    link.symlink_to(victim)
    os.lchown(link, 4242, 4242)
    with pytest.raises(OutputRefusedError, match="shared sticky folder"):
        write_atomic(link, b"<svg/>")
    with pytest.raises(OutputRefusedError):
        check_output(link)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert link.is_symlink()


@ROOT_ONLY
def test_a_link_in_a_sticky_folder_is_followed_when_its_owner_is_the_folders(
    tmp_path: Path,
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    os.chown(shared, 4242, 4242)
    mine = tmp_path / "mine.txt"
    link = shared / "out.txt"
    link.symlink_to(mine)
    os.lchown(link, 4242, 4242)
    write_atomic(link, b"new")
    assert mine.read_bytes() == b"new"


def test_a_symlink_loop_as_output_is_an_os_error_not_a_crash(tmp_path: Path) -> None:
    loop = tmp_path / "loop.svg"
    loop.symlink_to(loop)
    with pytest.raises(OSError, match="symbolic links") as caught:
        write_atomic(loop, b"x")
    assert caught.value.errno == errno.ELOOP


def test_a_folder_as_output_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path, b"x")
    with pytest.raises(IsADirectoryError):
        write_atomic(f"{tmp_path}/", b"x")


def test_metadata_json_cannot_hold_is_refused_when_writing() -> None:
    m = argmap.ArgumentMap(
        title="t",
        metadata={"a": float("nan"), "b": {"inner": {1, 2}}, "c": object(), "d": 16**4000},
    )
    with pytest.raises(argmap.ValidationError) as caught:
        argmap.dumps(m)
    paths = [p.path for p in caught.value.problems]
    assert paths == ["$.metadata.a", "$.metadata.b.inner", "$.metadata.c", "$.metadata.d"]


@ROOT_ONLY
def test_a_replaced_file_never_inherits_set_id_bits_or_a_strangers_permissions(
    tmp_path: Path,
) -> None:
    planted = tmp_path / "out.svg"
    planted.write_text("planted", encoding="utf-8")
    planted.chmod(0o6777)
    os.chown(planted, 4242, 4242)
    write_atomic(planted, b"<svg/>")
    info = planted.stat()
    assert info.st_uid == 0
    assert stat.S_IMODE(info.st_mode) & 0o7022 == 0
    mine = tmp_path / "mine.svg"
    mine.write_text("old", encoding="utf-8")
    mine.chmod(0o4755)
    write_atomic(mine, b"new")
    assert stat.S_IMODE(mine.stat().st_mode) == 0o755


def test_render_never_draws_over_a_source_of_the_map(tmp_path: Path) -> None:
    m = argmap.load(write_map(tmp_path))
    with pytest.raises(OutputRefusedError, match="same file"):
        argmap.render(m, tmp_path / "article.txt", format="dot")
    assert (tmp_path / "article.txt").read_text("utf-8") == "Most cats purr when content."


def test_dump_after_a_change_of_folder_still_finds_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_map(tmp_path / "maps")
    monkeypatch.chdir(tmp_path)
    m = argmap.load("maps/m.yaml")
    monkeypatch.chdir(tmp_path / "maps")
    argmap.dump(m, tmp_path / "x.yaml")
    assert argmap.load(tmp_path / "x.yaml").sources[0].path == "maps/article.txt"


def test_dump_keeps_a_source_path_that_names_no_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    m = argmap.ArgumentMap(title="t", sources=[argmap.Source(id="s", path="x\0y/z")])
    argmap.dump(m, tmp_path / "sub" / "m.json", base=tmp_path)
    assert '"path": "x\\u0000y/z"' in (tmp_path / "sub" / "m.json").read_text("utf-8")
