"""Files that appear whole or not at all: written beside their final path
and renamed onto it only when the writing ended without an error.

Only a regular file (or a path where nothing is yet) is replaced so. A
rename puts a new file in place of whatever the name held: as root, -o
/dev/null would make /dev/null a regular file, and -o link.jsonl would put
a file where the symbolic link was. So a symbolic link is followed and its
target replaced (the temporary file made beside the target), and a
device, a pipe or standard output (/dev/stdout) is written to directly.
"""
from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from typing import IO, Any, Iterator


@contextmanager
def replacing(path: str | os.PathLike[str], mode: str = "w", **options: Any) -> Iterator[IO[Any]]:
    """A file opened in MODE (with open()'s OPTIONS) that replaces PATH when
    the block ends; when the block raises, PATH is left as it was and
    nothing stays behind. A new file gets the permissions a new file gets
    under the user's umask; a file replaced keeps its own. PATH that is
    not a regular file is written to as it is (see the module's doc)."""
    path = os.fspath(path)
    target, direct = _where(path)
    if direct is not None:
        with open(path, direct + mode.replace("w", ""), **options) as out:
            yield out
        return
    directory = os.path.dirname(os.path.abspath(target))
    handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", dir=directory)
    try:
        os.chmod(temporary, _mode_of(target))  # mkstemp makes it 0600
        with os.fdopen(handle, mode, **options) as out:
            yield out
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _where(path: str) -> tuple[str, str | None]:
    """(the regular file to replace, None), or (PATH, the mode to open it
    in directly: "w" for a device or a pipe, "a" for standard output or
    error reached through /dev/stdout or /proc/self/fd/N, which another
    program opened and may have written to already)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return os.path.realpath(path), None  # a new file, or the missing target of a link
    if not stat.S_ISREG(status.st_mode):
        return path, "w"
    real = os.path.realpath(path)
    for descriptor in (1, 2):
        try:
            if os.path.samestat(status, os.fstat(descriptor)):
                return path, "a"
        except OSError:
            continue
    try:
        same = os.path.samestat(status, os.stat(real))
    except OSError:
        same = False
    return (real, None) if same else (path, "a")  # /proc/PID/fd/N of another file: written through


def _mode_of(target: str) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
