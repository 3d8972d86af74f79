"""Write a file safely: a unique temporary file beside it, then one atomic rename.

The temporary file is made by :func:`tempfile.mkstemp` in the target's own folder (so
the rename never crosses a file system): its name is unpredictable, it is created
exclusively (a planted file or symlink is never followed or overwritten), and its name is
short whatever the target's length. The finished file replaces the target with
:func:`os.replace`, so a reader, or a second export racing for the same path, sees one
whole file: the old one or a new one, never a mix. The target keeps its permission bits
(a new file gets the usual ``0666`` less the umask), and after a failure no temporary
file is left behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

_TEMP_PREFIX = ".timeline-"
_TEMP_SUFFIX = ".partial"


def _umask() -> int:
    """The process umask, read without changing it where Linux allows."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _check_folder(path: Path) -> None:
    """Create the target's folder; a clear ``OSError`` when a file stands in the way."""
    for ancestor in (path.parent, *path.parent.parents):
        if ancestor.exists() or ancestor.is_symlink():
            if not ancestor.is_dir():
                msg = f"cannot write {str(path)!r}: {str(ancestor)!r} is a file, not a folder"
                raise NotADirectoryError(msg)
            break
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        msg = f"cannot write {str(path)!r}: it is a folder; give a file name"
        raise IsADirectoryError(msg)


def _mode_of(target: Path) -> int:
    """Permission bits for the new file: the target's own, else ``0666`` less the umask."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    if info is None or stat.S_ISLNK(info.st_mode):
        return 0o666 & ~_umask()
    return stat.S_IMODE(info.st_mode)


def atomic_write(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Call ``write(temporary_path)``, then move the finished file to ``path``.

    Parameters
    ----------
    path : str or path-like
        The file to write; missing folders are created. A symlink at ``path`` is
        replaced by the new file, never written through.
    write : callable
        Writes the whole output to the path it is given (an empty file that exists).

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    OSError
        With the path in the message when the folder cannot be made or written, or
        ``path`` is a folder; whatever ``write`` raises passes through. Either way the
        temporary file is removed and ``path`` is untouched.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> atomic_write(folder / "out.txt", lambda p: p.write_text("whole")).read_text()
    'whole'
    >>> sorted(p.name for p in folder.iterdir())
    ['out.txt']
    """
    target = Path(path)
    try:
        _check_folder(target)
        mode = _mode_of(target)
        suffix = _TEMP_SUFFIX + target.suffix[:16]
        handle, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=suffix, dir=target.parent)
    except (NotADirectoryError, IsADirectoryError):
        raise
    except OSError as exc:
        msg = f"cannot write {str(target)!r}: {exc.strerror or exc}"
        raise type(exc)(msg) from exc
    partial = Path(name)
    try:
        os.close(handle)
        write(partial)
        os.chmod(partial, mode)
        try:
            os.replace(partial, target)
        except OSError as exc:  # a name too long, the target turned into a folder...
            msg = f"cannot write {str(target)!r}: {exc.strerror or exc}"
            raise type(exc)(msg) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return target
