"""Shop-wide settings (declared in kringloopdesk.settings), stored in the database."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from kringloopdesk.db.models import Setting
from kringloopdesk.errors import ValidationError
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.settings import SETTINGS


def _shop_spec(key: str):
    declared = SETTINGS.get(key)
    if declared is None or declared.scope != "shop":
        raise ValidationError(_("Onbekende instelling '{key}'.", key=key))
    return declared


def get_setting(session: Session, key: str) -> Any:
    """The stored value, or the declared default (readable by every role)."""
    declared = _shop_spec(key)
    row = session.get(Setting, key)
    if row is None:
        return declared.default
    try:
        return declared.parse(json.loads(row.value))
    except (ValueError, TypeError, json.JSONDecodeError):
        return declared.default


@requires(Permission.MANAGE_SHOP)
def set_setting(session: Session, actor: Actor, key: str, value: Any) -> Any:
    declared = _shop_spec(key)
    try:
        parsed = declared.parse(value)
    except (ValueError, TypeError, ArithmeticError) as exc:
        raise ValidationError(
            _("'{value}' is geen geldige waarde voor {label}.", value=value,
              label=declared.label(current_language())),
            {key: _("Ongeldige waarde")},
        ) from exc
    stored = json.dumps(str(parsed) if isinstance(parsed, Decimal) else parsed)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=stored, updated_by_id=actor.user_id))
    else:
        row.value = stored
        row.updated_by_id = actor.user_id
    audit.record(session, actor, "update", "settings", None, [key])
    return parsed
