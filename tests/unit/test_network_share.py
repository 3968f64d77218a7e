"""A SQLite database on a network share is detected, and the user is told to use PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from kringloopdesk.db import location
from kringloopdesk.db.engine import Database, is_sqlite, network_share_warning, resolve_url
from kringloopdesk.db.location import (
    is_unc_path,
    mount_fs_type,
    network_share_reason,
    parse_mac_mount,
    parse_proc_mounts,
)
from kringloopdesk.services.health import check_database

PROC_MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
//nas/winkel /mnt/winkel cifs rw,relatime,vers=3.1.1,addr=192.168.1.10 0 0
/dev/sdb1 /mnt/winkel/lokaal ext4 rw,relatime 0 0
nas:/export/data /srv/data nfs4 rw,relatime,vers=4.2 0 0
kassa@pc:/home /mnt/ssh\\040map fuse.sshfs rw,nosuid,nodev 0 0
C:\\134 /mnt/c 9p rw,dirsync,aname=drvfs 0 0
"""

MAC_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//kassa@nas._smb._tcp.local/winkel on /Volumes/winkel (smbfs, nodev, nosuid, mounted by kassa)
nas:/export on /Volumes/nfs (nfs, asynchronous)
"""


@pytest.mark.parametrize("text", [
    r"\\server\share\kringloop.sqlite",
    "//server/share/kringloop.sqlite",
    r"\\?\UNC\server\share\kringloop.sqlite",
    r"\\192.168.1.10\winkel\data\kringloop.sqlite",
])
def test_unc_paths_are_network_paths(text: str) -> None:
    assert is_unc_path(text)
    reason = network_share_reason(text)
    assert reason is not None
    assert "netwerk" in reason and "PostgreSQL" in reason and text in reason


@pytest.mark.parametrize("text", [
    r"C:\Users\kassa\kringloop.sqlite", r"\\?\C:\data\kringloop.sqlite", r"\\.\PhysicalDrive0",
    "/home/kassa/kringloop.sqlite", "kringloop.sqlite", "///x",
])
def test_local_path_strings_are_not_unc(text: str) -> None:
    assert not is_unc_path(text)


def test_the_longest_mount_point_decides() -> None:
    mounts = parse_proc_mounts(PROC_MOUNTS)
    assert mount_fs_type("/mnt/winkel/kringloop.sqlite", mounts) == "cifs"
    assert mount_fs_type("/mnt/winkel/lokaal/kringloop.sqlite", mounts) == "ext4"
    assert mount_fs_type("/mnt/winkelier/kringloop.sqlite", mounts) == "ext4"
    assert mount_fs_type("/mnt/ssh map/db.sqlite", mounts) == "fuse.sshfs"


@pytest.mark.parametrize(("path", "network"), [
    ("/mnt/winkel/kringloop.sqlite", "cifs"),
    ("/srv/data/kld/kringloop.sqlite", "nfs4"),
    ("/mnt/ssh map/kringloop.sqlite", "fuse.sshfs"),
    ("/mnt/winkel/lokaal/kringloop.sqlite", None),
    ("/mnt/c/Users/kassa/kringloop.sqlite", None),  # WSL's own C: drive (9p), see location.py
    ("/home/kassa/kringloop.sqlite", None),
])
def test_a_fake_mount_table(tmp_path: Path, path: str, network: str | None) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(PROC_MOUNTS, encoding="utf-8")
    reason = network_share_reason(path, mounts_file=mounts)
    if network is None:
        assert reason is None
    else:
        assert reason is not None and f"({network})" in reason and "PostgreSQL" in reason


def test_macos_mount_output() -> None:
    mounts = parse_mac_mount(MAC_MOUNT)
    assert mount_fs_type("/Volumes/winkel/kringloop.sqlite", mounts) == "smbfs"
    assert mount_fs_type("/Volumes/nfs/kringloop.sqlite", mounts) == "nfs"
    assert mount_fs_type("/Users/kassa/kringloop.sqlite", mounts) == "apfs"


def test_a_real_local_path_is_fine(tmp_path: Path) -> None:
    assert network_share_reason(tmp_path / "kringloop.sqlite") is None
    assert network_share_reason(":memory:") is None


def test_an_unreadable_mount_table_gives_no_false_alarm(tmp_path: Path) -> None:
    assert network_share_reason("/mnt/winkel/x.sqlite", mounts_file=tmp_path / "nope") is None


def test_check_reports_the_share_as_a_warning(db: Database, monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    assert check_database(db).warnings == ()
    if not is_sqlite(db.engine):
        assert network_share_warning(db.engine) is None
        return
    mounts = tmp_path / "mounts"
    folder = str(Path(db.engine.url.database).resolve().parent)
    mounts.write_text(f"/dev/sda2 / ext4 rw 0 0\n//nas/winkel {folder} cifs rw 0 0\n",
                      encoding="utf-8")
    monkeypatch.setattr(location, "PROC_MOUNTS", str(mounts))
    report = check_database(db)
    assert len(report.warnings) == 1 and "(cifs)" in report.warnings[0]
    assert report.ok  # a warning, not a verdict on the data
    assert network_share_warning(resolve_url("postgresql+psycopg://u@nas/winkel")) is None
