"""What the windows of one run share: the open database, who is logged in, and the signal that
tells every view that data changed (emitted by ``operations`` after each change)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from kringloopdesk.db.engine import Database
from kringloopdesk.services.auth import Actor

# What a change touched, as sent with ``ChangeHub.changed``.
SHOP = "shop"
USERS = "users"
GOODS = "goods"
PLACEMENTS = "placements"


class ChangeHub(QObject):
    """Views connect to ``changed`` and refresh when one of the areas they show is in it."""

    changed = Signal(object)  # frozenset[str]


@dataclass
class AppContext:
    db: Database
    actor: Actor | None = None
    language: str = "nl"
    hub: ChangeHub = field(default_factory=ChangeHub)

    @property
    def is_beheerder(self) -> bool:
        return self.actor is not None and self.actor.role == "beheerder"
