"""What the windows of one run share: the open database, who is logged in, and the signal that
tells every view that data changed (emitted by ``operations`` after each change)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from kringloopdesk.db.engine import Database
from kringloopdesk.i18n import current_language
from kringloopdesk.services.auth import KEY_HOLDING_ROLES, Actor
from kringloopdesk.services.permissions import Permission, allowed

# What a change touched, as sent with ``ChangeHub.changed``.
SHOP = "shop"
USERS = "users"
GOODS = "goods"
PLACEMENTS = "placements"
WORKERS = "workers"
SHOP_SETTINGS = "shop_settings"  # shop-wide settings (idle lock, retention period)
PARTNERS = "partners"  # partner organisations, agreements and their signatories
AUDIT = "audit"  # a change that wrote to the audit log (most do)
CERTIFICATES = "certificates"  # the certificate registry (issued, revoked, reissued)


class ChangeHub(QObject):
    """Views connect to ``changed`` and refresh when one of the areas they show is in it."""

    changed = Signal(object)  # frozenset[str]


@dataclass
class AppContext:
    db: Database
    actor: Actor | None = None
    hub: ChangeHub = field(default_factory=ChangeHub)
    # The idle lock's timeout in milliseconds; None reads the shop setting
    # ``idle_lock_minutes`` (tests set a short one).
    idle_lock_ms: int | None = None

    @property
    def language(self) -> str:
        """The language the app speaks now (one place: ``i18n``, set by
        ``application.switch_language``)."""
        return current_language()

    @property
    def is_beheerder(self) -> bool:
        return self.actor is not None and self.actor.role == "beheerder"

    def may(self, permission: Permission) -> bool:
        """Whether the logged-in user's role has ``permission`` (to show or hide a page)."""
        return self.actor is not None and allowed(self.actor.role, permission)

    @property
    def sensitive_data_closed(self) -> bool:
        """A begeleider or beheerder logged in without the data key (their access was lost,
        e.g. after a password was set without it): the sensitive texts stay closed."""
        return (
            self.actor is not None
            and self.actor.role in KEY_HOLDING_ROLES
            and self.actor.data_key is None
        )
