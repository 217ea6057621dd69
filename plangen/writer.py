"""Atomic file writes: a temporary file in the target's directory, then os.replace."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import PlangenError


class WriteRefused(PlangenError):
    """Raised when a write would replace a file the caller did not allow to be replaced."""


def write_atomic(path: str | os.PathLike, data: bytes | str, overwrite: bool = False, durable: bool = True) -> Path:
    """Write `data` to `path` all at once; refuse to replace an existing file unless `overwrite`.

    `durable`: on disk before it is moved into place (fsync); a batch of thousands of files passes False
    and syncs once at its end (plangen.batch), since one fsync costs more than writing a rep plan."""
    target = Path(path)
    if target.is_dir():
        raise WriteRefused(f"{target}: is a directory")
    if target.exists() and not overwrite:
        raise WriteRefused(f"{target}: already exists (use --force to replace it)")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target.parent.mkdir(parents=True, exist_ok=True)
    _replace_with(target, payload, durable)
    return target


def _replace_with(target: Path, payload: bytes, durable: bool = True) -> None:
    """Write `payload` to a temporary sibling of `target`, flush it (to disk when `durable`), and move it into place."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OSError(e.errno, f"{target}: cannot write: {e.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as e:  # disk full, quota, permissions: name the file, leave nothing behind
        Path(tmp).unlink(missing_ok=True)
        raise OSError(e.errno, f"{target}: cannot write: {e.strerror or e}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, or the usual ones for a new file."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
