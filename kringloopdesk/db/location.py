"""Is the SQLite file on a network share? Then several PCs must not use it; they need PostgreSQL.

SQLite relies on the file locks of the operating system. Over SMB/CIFS and NFS those locks
are unreliable, and WAL mode needs shared memory that only works on one computer: two PCs
that open one file on a share can lose changes or damage the file. This module only detects
the situation; opening still works (one PC alone on a share is slow but works), and the user
is told, at start and in ``check``, to use PostgreSQL for several PCs (docs/reliability.md).

- Windows: a UNC path (``\\\\server\\share\\…``) or a drive letter that Windows reports as
  ``DRIVE_REMOTE`` (a mapped network drive).
- Linux: the filesystem type of the mount that holds the file, from ``/proc/mounts``.
- macOS: the same, from the output of ``mount``.

``9p`` is deliberately not counted: on WSL it is how the Windows drives (also the local C:)
are mounted. A network drive mapped in Windows and used from WSL is not detected.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import subprocess
import sys
from pathlib import Path, PurePath

from kringloopdesk.i18n import _

log = logging.getLogger(__name__)

# Filesystem types that live on another computer (Linux names; macOS names in the second row).
NETWORK_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "coda",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "webdav", "fuse.rclone", "fuse.s3fs",
    "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph", "lustre", "gpfs", "ocfs2",
    "afpfs", "nfs3",
})
PROC_MOUNTS = "/proc/mounts"
DRIVE_REMOTE = 4  # GetDriveTypeW
_MAC_MOUNT_LINE = re.compile(r"^(?P<device>.+?) on (?P<point>.+) \((?P<fstype>[^,)]+)")


def is_unc_path(text: str) -> bool:
    r"""``\\server\share\…`` or ``//server/share/…`` (also ``\\?\UNC\server\share``)."""
    if text.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./")):
        return False  # a long local path (\\?\C:\…) or a device
    return len(text) > 2 and text[:2] in ("\\\\", "//") and text[2] not in "\\/"


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes a space as \040, a tab as \011, a backslash as \134.
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_proc_mounts(content: str) -> list[tuple[str, str]]:
    """``(mount point, filesystem type)`` for each line of /proc/mounts."""
    mounts = []
    for line in content.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((_unescape_mount(fields[1]), fields[2].lower()))
    return mounts


def parse_mac_mount(content: str) -> list[tuple[str, str]]:
    """``(mount point, filesystem type)`` from macOS ``mount`` output
    (``//u@nas/share on /Volumes/share (smbfs, nodev, nosuid, mounted by u)``)."""
    mounts = []
    for line in content.splitlines():
        found = _MAC_MOUNT_LINE.match(line.strip())
        if found:
            mounts.append((found["point"], found["fstype"].strip().lower()))
    return mounts


def _mount_table(mounts_file: str | os.PathLike[str] | None) -> list[tuple[str, str]]:
    if mounts_file is not None or Path(PROC_MOUNTS).exists():
        try:
            content = Path(mounts_file or PROC_MOUNTS).read_text(encoding="utf-8",
                                                                errors="replace")
        except OSError:
            log.info("Cannot read the mount table", exc_info=True)
            return []
        return parse_proc_mounts(content)
    if sys.platform == "darwin":
        try:
            done = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=3,
                                  check=False)
        except (OSError, subprocess.SubprocessError):
            log.info("Cannot run mount", exc_info=True)
            return []
        return parse_mac_mount(done.stdout)
    return []


def _within(path: str, point: str) -> bool:
    point = point.rstrip("/") or "/"
    return point == "/" or path == point or path.startswith(point + "/")


def mount_fs_type(path: str, mounts: list[tuple[str, str]]) -> str | None:
    """The filesystem type of the mount with the longest mount point that holds ``path``."""
    best: tuple[int, str] | None = None
    for point, fstype in mounts:
        if _within(path, point) and (best is None or len(point) > best[0]):
            best = (len(point), fstype)
    return best[1] if best else None


def _windows_drive_is_remote(path: str) -> bool:
    drive = PurePath(path).drive if os.name == "nt" else ""
    if not (len(drive) == 2 and drive[1] == ":"):
        return False
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return False
    return windll.kernel32.GetDriveTypeW(f"{drive}\\") == DRIVE_REMOTE


def _absolute(path: str) -> str:
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


def network_share_reason(
    path: str | os.PathLike[str],
    *,
    mounts_file: str | os.PathLike[str] | None = None,
) -> str | None:
    """A Dutch explanation when the database file ``path`` is on a network share, else None.

    ``mounts_file`` replaces /proc/mounts (for tests). Never raises: when the location cannot
    be determined the answer is None (no warning rather than a false alarm).
    """
    text = os.fspath(path)
    if not text or text == ":memory:" or text.startswith("file:"):
        return None
    where: str | None = None
    if is_unc_path(text):
        where = _("een netwerkpad")
    elif os.name == "nt":
        # resolve() turns a file on a mapped drive into \\?\UNC\…; abspath() keeps the letter.
        if is_unc_path(_absolute(text)) or _windows_drive_is_remote(os.path.abspath(text)):
            where = _("een netwerkstation ({drive})",
                      drive=PurePath(os.path.abspath(text)).drive)
    else:
        fstype = mount_fs_type(_absolute(text), _mount_table(mounts_file))
        if fstype in NETWORK_FS_TYPES:
            where = _("een netwerkschijf ({fstype})", fstype=fstype)
    if where is None:
        return None
    return _(
        "De database '{path}' staat op {where}. SQLite is daar niet veilig als meer dan één pc "
        "het bestand gebruikt: wijzigingen kunnen verloren gaan en de database kan beschadigd "
        "raken. Werken meerdere pc's samen, gebruik dan PostgreSQL (zie de handleiding, "
        "'Samen werken'). Werkt er maar één pc mee, zet de database dan op een eigen schijf "
        "van die pc.",
        path=text,
        where=where,
    )
