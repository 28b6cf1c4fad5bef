"""Writing outputs safely: atomically where there is a file to replace, never over an input.

The rules (`docs/security.md` says why):

- A regular file (or a new one) is written through a temporary file in the
  same folder, then renamed over it: readers see the old file or the new one,
  and a failed write leaves the old one exactly as it was.
- A character device or a FIFO (`/dev/null`, a pipe, a terminal) is written
  into, not replaced: there is nothing to rename over. A FIFO nobody reads is
  refused rather than waited on. `/dev/stdout`, `/dev/stderr` and `/dev/fd/N`
  write to this process's own descriptor. Block devices, sockets and folders
  are refused.
- A symbolic link as the last part of the path is followed (the file it names
  is written and the link stays), except a link in a sticky, world-writable
  folder such as `/tmp` that is owned neither by us nor by the folder's owner:
  that is the planted-link trap, refused as Linux's `protected_symlinks` would.
  Folders along the way are resolved by the kernel.
- Any output that is the same file (by device and inode) as one of `keep` (the
  map being read, its sources) is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Iterable, Iterator

__all__ = [
    "OutputRefusedError",
    "check_output",
    "descriptor_of",
    "refuse_folder_name",
    "write_atomic",
]


class OutputRefusedError(OSError):
    """An output argmap will not write to; `strerror` says why.

    `kept` is the protected file the output turned out to be, if that is why.
    """

    kept: str | None = None


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere the only way to read it is to set it: briefly, and only when a
    # new file is written, never as a side effect of importing argmap.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_MAX_LINKS = 40  # as the kernel's own limit on links followed in one lookup
_OWN_DESCRIPTOR = re.compile(r"/dev/(?:(stdout)|(stderr)|fd/(\d+))|/proc/self/fd/(\d+)")
_DIRECTORY_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def refuse_folder_name(path: str | os.PathLike[str]) -> None:
    """`IsADirectoryError` for a name ending in a slash: a folder's name, not a file's.

    (`Path("out.svg/")` drops the slash, so an output named so was written as `out.svg`.)
    """
    name = os.fspath(path)
    if name.endswith(("/", os.sep)):
        raise IsADirectoryError(errno.EISDIR, "names a folder (it ends with a slash)", name)


def write_atomic(
    path: str | os.PathLike[str], data: bytes, *, keep: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Write `data` to `path` by the rules above; `OSError` (`OutputRefusedError`) if not.

    A new file gets the usual permissions (umask); an existing file of ours
    keeps its permission bits (not set-user/group-id). Files in `keep` are
    never written, whatever name they are reached by.
    """
    refuse_folder_name(path)
    descriptor = descriptor_of(path)
    if descriptor is not None:
        _write_all(descriptor, data)
        return
    with _Target.open(path, keep) as target:
        if target.status is not None and not stat.S_ISREG(target.status.st_mode):
            target.write_into(data)
        else:
            target.replace(data)


def check_output(
    path: str | os.PathLike[str], *, keep: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Raise what `write_atomic` would for `path`, writing nothing: for checks before long work."""
    if descriptor_of(path) is None:
        with _Target.open(path, keep):
            pass


def descriptor_of(path: str | os.PathLike[str]) -> int | None:
    """The descriptor `path` names when it is `/dev/stdout`, `/dev/stderr` or `/dev/fd/N`."""
    match = _OWN_DESCRIPTOR.fullmatch(os.path.abspath(os.fspath(path)))
    if match is None:
        return None
    stdout, stderr, fd, proc_fd = match.groups()
    return 1 if stdout else 2 if stderr else int(fd or proc_fd)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _refuse(path: str, why: str) -> OutputRefusedError:
    return OutputRefusedError(errno.EPERM, why, path)


class _Target:
    """The folder (open, so it cannot be swapped under us) and name an output goes to."""

    def __init__(self, shown: str, folder: int, name: str, status: os.stat_result | None) -> None:
        self.shown = shown
        self.folder = folder
        self.name = name
        self.status = status

    @classmethod
    @contextlib.contextmanager
    def open(
        cls, path: str | os.PathLike[str], keep: Iterable[str | os.PathLike[str]]
    ) -> Iterator[_Target]:
        shown = os.fspath(path)
        target = cls._find(shown)
        try:
            target._check(keep)
            yield target
        finally:
            os.close(target.folder)

    @classmethod
    def _find(cls, shown: str) -> _Target:
        current = shown
        for _ in range(_MAX_LINKS):
            head, name = os.path.split(current)
            if name in ("", ".", ".."):
                raise IsADirectoryError(errno.EISDIR, "is a directory", shown)
            folder = os.open(head or ".", _DIRECTORY_FLAGS)
            try:
                status = os.lstat(name, dir_fd=folder)
            except FileNotFoundError:
                return cls(shown, folder, name, None)
            except BaseException:
                os.close(folder)
                raise
            if not stat.S_ISLNK(status.st_mode):
                return cls(shown, folder, name, status)
            try:
                cls._may_follow(shown, folder, status)
                link = os.readlink(name, dir_fd=folder)
            finally:
                os.close(folder)
            current = os.path.join(head, link)
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), shown)

    @staticmethod
    def _may_follow(shown: str, folder: int, link: os.stat_result) -> None:
        here = os.fstat(folder)
        shared = here.st_mode & stat.S_ISVTX and here.st_mode & stat.S_IWOTH
        if shared and link.st_uid not in (os.geteuid(), here.st_uid):
            raise _refuse(
                shown,
                "a symbolic link in a shared sticky folder, owned by another user; "
                "argmap does not follow it (remove it or write elsewhere)",
            )

    def _check(self, keep: Iterable[str | os.PathLike[str]]) -> None:
        status = self.status
        if status is None:
            return
        mode = status.st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", self.shown)
        if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            kind = "a block device" if stat.S_ISBLK(mode) else "a socket or special file"
            raise _refuse(self.shown, f"it is {kind}; argmap writes files, pipes and devices")
        for kept in keep:
            try:
                other = os.stat(kept)
            except (OSError, ValueError):
                continue
            if _same_file(status, other):
                error = _refuse(
                    self.shown,
                    f"it is the same file as {os.fspath(kept)}, which is read, not written; "
                    "choose another output",
                )
                error.kept = os.fspath(kept)
                raise error

    def write_into(self, data: bytes) -> None:
        """Write into a device or FIFO as it stands (there is nothing to replace)."""
        flags = os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | os.O_CLOEXEC
        try:
            descriptor = os.open(self.name, flags, dir_fd=self.folder)
        except OSError as error:
            if error.errno == errno.ENXIO:
                raise _refuse(self.shown, "it is a FIFO that no process is reading") from None
            raise
        try:
            assert self.status is not None
            if not _same_file(os.fstat(descriptor), self.status):
                raise _refuse(self.shown, "it changed while argmap was opening it")
            os.set_blocking(descriptor, True)
            _write_all(descriptor, data)
        finally:
            os.close(descriptor)

    def replace(self, data: bytes) -> None:
        """Write a temporary file beside the target, then rename it over the target."""
        mode = 0o666 & ~_umask()
        if self.status is not None and self.status.st_uid == os.geteuid():
            # Our own file keeps its permissions; never set-id bits, and never
            # the permissions of a file someone else left for us to replace.
            mode = stat.S_IMODE(self.status.st_mode) & 0o777
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
        while True:
            temporary = f".{self.name[:200]}.{secrets.token_hex(4)}.tmp"
            try:
                descriptor = os.open(temporary, flags, 0o600, dir_fd=self.folder)
                break
            except FileExistsError:
                continue
            except OSError as error:
                # Named after the output, not the temporary file it was to be written as.
                raise type(error)(
                    error.errno, f"cannot make a file in its folder ({error.strerror})", self.shown
                ) from None
        try:
            try:
                _write_all(descriptor, data)
                os.fsync(descriptor)
                os.fchmod(descriptor, mode)
            finally:
                os.close(descriptor)
            os.replace(temporary, self.name, src_dir_fd=self.folder, dst_dir_fd=self.folder)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary, dir_fd=self.folder)
            raise
        # The rename is durable only once the folder's entry is on disk too.
        with contextlib.suppress(OSError):
            os.fsync(self.folder)
