"""Who saved a record in between: the facts a ``RecordChangedError`` carries.

A service that refuses a save because the record's version moved on (optimistic locking, see
``db.base.TrackedMixin``) words its own message, but takes the facts from here, so that every
such error names the other user and the time the same way and the GUI can offer "Opnieuw laden"
or "Toch opslaan".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kringloopdesk.db.models import User
from kringloopdesk.i18n import _


@dataclass(frozen=True)
class LastSave:
    """The latest save of a record: by whom (login name for the message, display name for the
    GUI) and when."""

    username: str
    display_name: str
    at: dt.datetime | None

    @property
    def when(self) -> str:
        """"28-11-2026 om 11:05" in local time; empty when unknown."""
        if self.at is None:
            return ""
        local = self.at.astimezone()
        return _("{date} om {time}", date=local.strftime("%d-%m-%Y"),
                 time=local.strftime("%H:%M"))

    def facts(self) -> dict[str, Any]:
        """The keyword arguments for a ``RecordChangedError``."""
        return {"changed_by": self.display_name, "changed_at": self.at}


def last_save(session: Session, row: Any | None) -> LastSave | None:
    """Who saved ``row`` (a tracked model) last; None without a row or a known user.

    Called with None after a ``StaleDataError``: the clash was found while writing, the
    session must be rolled back and cannot read who it was.
    """
    if row is None or row.updated_by_id is None:
        return None
    found = session.execute(
        select(User.username, User.full_name).where(User.id == row.updated_by_id)
    ).first()
    if found is None:
        return None
    username, full_name = found
    return LastSave(username, full_name or username, row.updated_at)
