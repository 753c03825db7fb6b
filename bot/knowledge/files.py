"""Safe access to the files under a knowledge root: every file there is treated as hostile.

A ``*.yaml`` may be a symlink to ``/dev/zero`` or ``/proc/self/environ``, point outside the
folder, be a FIFO that blocks a reader forever, or be a dangling link or a loop. The loader,
importer, editor, export and the last-good snapshot all read through ``read_file`` and
``list_names`` here, so the rules are written once:

- a link is followed only when it stays inside the knowledge folder (and outside its hidden
  folders) and ends at a regular file; otherwise the file is refused with a reason;
- a dangling link or a link loop is no file at all (absent), so it never makes an edit fail;
- nothing is read past a size limit, and nothing is opened that could block.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

JOURNAL = ".journal"  # unfinished transactions and the log of deliberate removals
LAST_GOOD = ".last-good"  # the last knowledge that loaded cleanly
BACKUPS = ".backups"  # previous versions of edited files, for undo
ENTRY_FOLDERS = ("roles", "certifications", "faq")
VOCABULARY_FILE = "vocabulary.yaml"
PHRASINGS_FILE = "phrasings.yaml"  # example phrasings moderators teach the answer engine
TOP_FILES = (VOCABULARY_FILE, PHRASINGS_FILE, "README.md")
MAX_FILE_BYTES = 1024 * 1024  # knowledge files are hand-sized; bigger is a mistake or an attack


class FileFault(Exception):
    """A file or folder that exists but must not be read; ``message`` says why and what to do."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def os_reason(e: OSError) -> str:
    """``Permission denied`` rather than ``[Errno 13] Permission denied: '/long/path'``."""
    return e.strerror or str(e)


def limit_text(limit: int) -> str:
    """``1 MB``, ``512 KB``: how a size limit is written."""
    return f"{limit >> 20} MB" if limit >= 1 << 20 else f"{limit >> 10} KB"


def size_text(n: int, limit: int) -> str:
    """The size of something over ``limit``, in the limit's unit unless that rounds down to
    the limit itself: never "is 512 KB; limited to 512 KB" for a file one byte over."""
    if limit >= 1 << 20:
        shown, value, cap = f"{n / (1 << 20):.1f} MB", round(n / (1 << 20), 1), limit / (1 << 20)
    else:
        shown, value, cap = f"{n / 1024:.0f} KB", round(n / 1024), limit / 1024
    return shown if value > cap else f"{n:,} bytes"


def too_big(n: int, limit: int, what: str = "knowledge files") -> str:
    return f"file is {size_text(n, limit)}; {what} are limited to {limit_text(limit)}"


def _inside(root_real: str, real: str) -> bool:
    """Whether the resolved ``real`` is strictly inside ``root_real`` and not in a hidden folder."""
    rel = os.path.relpath(real, root_real)
    parts = rel.split(os.sep)
    return rel != "." and parts[0] != ".." and not any(p.startswith(".") for p in parts)


def _resolve(root: Path, rel: str, real_dirs: dict[str, str] | None = None) -> tuple[str, os.stat_result] | None:
    """(path to open, its stat) for ``root/rel``, None if absent; FileFault if it must not be read.
    ``real_dirs``: resolved folders kept across the files of one read (resolving every folder of
    the path again for each of thousands of files was a quarter of loading them)."""
    path = os.path.join(root, rel)
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as e:
        raise FileFault(f"cannot read: {os_reason(e)}") from None
    folder, name = os.path.split(path)
    if real_dirs is None or stat.S_ISLNK(st.st_mode) or name in ("", ".", ".."):
        root_real, real = os.path.realpath(root), os.path.realpath(path)
    else:  # the file itself is no link: it resolves to its resolved folder + its name
        root_real = _real_dir(str(root), real_dirs)
        real = os.path.join(_real_dir(folder, real_dirs), name)
    if stat.S_ISLNK(st.st_mode):
        try:
            st = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            return None  # dangling: nothing to read
        except OSError as e:
            if e.errno == errno.ELOOP:
                return None  # a loop: nothing to read either
            raise FileFault(f"cannot read: {os_reason(e)}") from None
        if not _inside(root_real, real):
            raise FileFault("is a link to a file outside the knowledge folder; put the file itself here instead of the link")
    elif not _inside(root_real, real):  # a folder on the way is a link out of the knowledge folder
        raise FileFault("is inside a linked folder outside the knowledge folder; put the files themselves here")
    return real, st


def _real_dir(folder: str, real_dirs: dict[str, str]) -> str:
    found = real_dirs.get(folder)
    if found is None:
        found = real_dirs[folder] = os.path.realpath(folder)
    return found


def read_file(root: Path, rel: str, limit: int = MAX_FILE_BYTES, real_dirs: dict[str, str] | None = None) -> bytes | None:
    """The bytes of ``root/rel``; None if it does not exist (or is a dangling link or a loop).

    Raises FileFault for a link out of the folder, anything but a regular file, a file over
    ``limit`` bytes, or one that cannot be read. ``real_dirs``: see ``_resolve``.
    """
    found = _resolve(root, rel, real_dirs)
    if found is None:
        return None
    path, st = found
    if not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "a FIFO, socket or device"
        raise FileFault(f"is {kind}, not a regular file; remove it")
    if st.st_size > limit:
        raise FileFault(too_big(st.st_size, limit))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise FileFault(f"cannot read: {os_reason(e)}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the check
            raise FileFault("is not a regular file; remove it")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        raise FileFault(f"cannot read: {os_reason(e)}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise FileFault(f"file is over {limit_text(limit)} (it grew while being read); knowledge files are limited to {limit_text(limit)}")
    return b"".join(chunks)


def list_names(root: Path, folder: str) -> list[str]:
    """Sorted names in ``root/folder`` (hidden ones left out); [] if the folder does not exist.

    Raises FileFault when the folder is not a folder, links outside the knowledge folder, or
    cannot be read.
    """
    path = os.path.join(root, folder)
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as e:
        raise FileFault(f"cannot read: {os_reason(e)}") from None
    if stat.S_ISLNK(st.st_mode):
        if not _inside(os.path.realpath(root), os.path.realpath(path)):
            raise FileFault("is a link to a folder outside the knowledge folder; put the folder itself here")
        try:
            st = os.stat(path)
        except OSError:
            return []  # dangling or a loop
    if not stat.S_ISDIR(st.st_mode):
        raise FileFault("is not a folder")
    try:
        with os.scandir(path) as it:
            return sorted(e.name for e in it if not e.name.startswith("."))
    except OSError as e:
        raise FileFault(f"cannot read: {os_reason(e)}") from None


def is_knowledge_folder(root: Path) -> bool:
    """Whether ``root`` holds a knowledge base (any of roles/, certifications/, faq/, vocabulary.yaml)."""
    return any(os.path.lexists(os.path.join(root, name)) for name in (*ENTRY_FOLDERS, VOCABULARY_FILE))


def exportable(rel: str) -> bool:
    """Whether ``rel`` is a knowledge file a moderator may take away: never a database, a
    journal, a backup, a hash or a hidden file."""
    parts = rel.split("/")
    if any(p.startswith(".") or not p for p in parts):
        return False
    if len(parts) == 1:
        return rel in TOP_FILES
    if len(parts) != 2:
        return False
    folder, name = parts
    if folder in ENTRY_FOLDERS:
        return name.endswith((".yaml", ".yml"))
    return folder == "sources" and name.endswith((".txt", ".html"))


def knowledge_files(root: Path) -> list[str]:
    """Every exportable file under ``root`` (names only; reading is checked by ``read_file``)."""
    out = [name for name in TOP_FILES if os.path.lexists(os.path.join(root, name))]
    for folder in (*ENTRY_FOLDERS, "sources"):
        try:
            names = list_names(root, folder)
        except FileFault:
            continue
        out += [f"{folder}/{n}" for n in names if exportable(f"{folder}/{n}")]
    return sorted(out)
