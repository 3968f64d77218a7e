"""The newest schema revision, read from the migration files as text.

Kept apart from ``migrate`` (and free of SQLAlchemy and Alembic) so that the desktop app can
tell, before it imports either, whether a database's schema is current: a plain ``sqlite3``
query for ``alembic_version`` against ``head_from_files()``.
"""

from __future__ import annotations

import re
from pathlib import Path

from kringloopdesk.paths import migrations_path

# ``revision: str = "0003"`` and ``down_revision: str | None = "0002"`` in a version file.
_REVISION_RE = re.compile(
    r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:[\"']([^\"']*)[\"']|None)\s*$",
    re.MULTILINE,
)


def head_from_files(folder: Path | None = None) -> str | None:
    """The newest revision as the version files in ``folder`` (the migrations folder) name
    it; None when that is not one clear answer (a branch, a file without the usual lines),
    and then Alembic decides."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        for file in sorted(((folder or migrations_path()) / "versions").glob("*.py")):
            found = {m.group(1): m.group(2)
                     for m in _REVISION_RE.finditer(file.read_text("utf-8"))}
            if not found.get("revision") or "down_revision" not in found:
                return None
            revisions.add(found["revision"])
            if found["down_revision"]:
                parents.add(found["down_revision"])
    except (OSError, UnicodeDecodeError):
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None
