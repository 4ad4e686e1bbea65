"""Files that appear whole or not at all: written beside their final path
and renamed onto it only when the writing ended without an error."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from typing import IO, Any, Iterator


@contextmanager
def replacing(path: str | os.PathLike[str], mode: str = "w", **options: Any) -> Iterator[IO[Any]]:
    """A file opened in MODE (with open()'s OPTIONS) that replaces PATH when
    the block ends, with the permissions a new file gets under the user's
    umask; when the block raises, PATH is left as it was and nothing stays
    behind."""
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", dir=directory)
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it 0600
        with os.fdopen(handle, mode, **options) as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
