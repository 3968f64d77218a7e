"""Where KringloopDesk keeps its files.

User data (database, logs, backups, local settings) lives in the platform's standard
per-user data folder; ``KRINGLOOPDESK_HOME`` overrides it (tests, portable installs).
Resources are found both from a source checkout and from a PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "KringloopDesk"


def data_dir() -> Path:
    """The per-user data folder, created on first use."""
    override = os.environ.get("KRINGLOOPDESK_HOME")
    if override:
        path = Path(override)
    elif sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA") or Path.home()
        path = Path(base) / APP_DIR_NAME
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
        path = Path(base) / APP_DIR_NAME.lower()
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "kringloopdesk.sqlite"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    path = data_dir() / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _bundle_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, from source or from the frozen bundle."""
    return _bundle_root().joinpath("resources", *parts)


def docs_path(*parts: str) -> Path:
    """A file under ``docs/`` (the user guide and its screenshots), from source or bundle."""
    return _bundle_root().joinpath("docs", *parts)


def migrations_path() -> Path:
    return Path(__file__).resolve().parent / "db" / "migrations"
