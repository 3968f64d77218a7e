"""The audit log: who changed which record and which fields, never the values.

Entries are only ever added. The app has no function to change or delete them, and the
database refuses UPDATE and DELETE on the table (triggers, migration 0002).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kringloopdesk.db.base import utcnow
from kringloopdesk.db.models import AuditEntry
from kringloopdesk.services.permissions import Permission, requires


@dataclass(frozen=True)
class AuditInfo:
    id: int
    at: dt.datetime
    username: str | None
    action: str
    entity: str
    entity_id: int | None
    fields: tuple[str, ...]
    summary: str | None


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: int | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None  # exclusive


def record(
    session: Session,
    actor: object | None,
    action: str,
    entity: str,
    entity_id: int | None,
    fields: Iterable[str] = (),
    summary: str | None = None,
) -> None:
    """Add an entry in the caller's transaction: it is kept exactly when the change is."""
    session.add(
        AuditEntry(
            at=utcnow(),
            user_id=getattr(actor, "user_id", None),
            username=getattr(actor, "username", None),
            action=action,
            entity=entity,
            entity_id=entity_id,
            fields=json.dumps(sorted(set(fields))) if fields else None,
            summary=summary,
        )
    )


def _info(entry: AuditEntry) -> AuditInfo:
    return AuditInfo(
        id=entry.id,
        at=entry.at,
        username=entry.username,
        action=entry.action,
        entity=entry.entity,
        entity_id=entry.entity_id,
        fields=tuple(json.loads(entry.fields)) if entry.fields else (),
        summary=entry.summary,
    )


def _filtered(query, flt: AuditFilter):
    if flt.username:
        query = query.where(AuditEntry.username == flt.username)
    if flt.action:
        query = query.where(AuditEntry.action == flt.action)
    if flt.entity:
        query = query.where(AuditEntry.entity == flt.entity)
    if flt.entity_id is not None:
        query = query.where(AuditEntry.entity_id == flt.entity_id)
    if flt.start:
        query = query.where(AuditEntry.at >= flt.start)
    if flt.end:
        query = query.where(AuditEntry.at < flt.end)
    return query


@requires(Permission.VIEW_AUDIT)
def count_entries(session: Session, actor: object, flt: AuditFilter = AuditFilter()) -> int:
    return session.scalar(_filtered(select(func.count()).select_from(AuditEntry), flt)) or 0


@requires(Permission.VIEW_AUDIT)
def list_entries(
    session: Session,
    actor: object,
    flt: AuditFilter = AuditFilter(),
    *,
    offset: int = 0,
    limit: int = 200,
) -> list[AuditInfo]:
    """Newest first, a window at a time (the log grows without end)."""
    query = _filtered(select(AuditEntry), flt).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    return [_info(e) for e in session.scalars(query.offset(offset).limit(limit))]


@dataclass(frozen=True)
class AuditFacets:
    """What the log's filters can offer: every user name and record type that occurs."""

    usernames: tuple[str, ...]
    entities: tuple[str, ...]


@requires(Permission.VIEW_AUDIT)
def facets(session: Session, actor: object) -> AuditFacets:
    usernames = session.scalars(
        select(AuditEntry.username).where(AuditEntry.username.is_not(None)).distinct()
    )
    entities = session.scalars(select(AuditEntry.entity).distinct())
    return AuditFacets(tuple(sorted(usernames, key=str.lower)), tuple(sorted(entities)))
