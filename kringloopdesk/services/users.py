"""User administration by the beheerder: create, list, disable, reset password, change role.

Giving a begeleider or beheerder access to the sensitive data means wrapping the shop's data
key with their password; the acting beheerder's login holds the key, so that happens here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kringloopdesk.db.codes import ROLES
from kringloopdesk.db.models import User
from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.i18n import _
from kringloopdesk.services import audit
from kringloopdesk.services.auth import (
    KEY_HOLDING_ROLES,
    Actor,
    add_user,
    require_data_key,
    set_password,
)
from kringloopdesk.services.permissions import Permission, requires


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    has_key_access: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    must_change_password: bool
    version: int


def _info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=user.role,
        active=user.active,
        has_key_access=user.wrapped_data_key is not None,
        locked_until=user.locked_until,
        last_login_at=user.last_login_at,
        must_change_password=bool(user.must_change_password),
        version=user.version,
    )


def _get(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise UserError(_("Deze gebruiker bestaat niet (meer)."))
    return user


def _by_name(session: Session, username: str) -> User:
    user = session.scalar(
        select(User).where(func.lower(User.username) == username.strip().lower())
    )
    if user is None:
        raise UserError(_("Er is geen gebruiker '{name}'.", name=username))
    return user


def _key_for(actor: Actor, role: str) -> bytes | None:
    return require_data_key(actor) if role in KEY_HOLDING_ROLES else None


def _other_active_beheerders(session: Session, user_id: int) -> int:
    return session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role == "beheerder", User.active, User.id != user_id)
    ) or 0


@requires(Permission.MANAGE_USERS)
def list_users(session: Session, actor: Actor) -> list[UserInfo]:
    return [_info(u) for u in session.scalars(select(User).order_by(func.lower(User.username)))]


@requires(Permission.MANAGE_USERS)
def get_user_id(session: Session, actor: Actor, username: str) -> int:
    return _by_name(session, username).id


@requires(Permission.MANAGE_USERS)
def create_user(
    session: Session,
    actor: Actor,
    *,
    username: str,
    full_name: str,
    role: str,
    password: str,
) -> UserInfo:
    """A new user who must choose their own password at the first login."""
    if role not in ROLES:
        raise ValidationError(_("Onbekende rol '{role}'.", role=role), {"role": _("Onbekend")})
    user = add_user(
        session,
        username=username,
        full_name=full_name,
        role=role,
        password=password,
        data_key=_key_for(actor, role),
        must_change_password=True,
    )
    audit.record(session, actor, "create", "users", user.id, ["username", "full_name", "role"])
    return _info(user)


@requires(Permission.MANAGE_USERS)
def set_active(session: Session, actor: Actor, user_id: int, active: bool) -> UserInfo:
    user = _get(session, user_id)
    if not active:
        if user.id == actor.user_id:
            raise UserError(_("U kunt uw eigen account niet uitschakelen."))
        if user.role == "beheerder" and not _other_active_beheerders(session, user.id):
            raise UserError(_("Er moet altijd minstens één actieve beheerder zijn."))
    user.active = active
    user.updated_by_id = actor.user_id
    audit.record(session, actor, "update", "users", user.id, ["active"])
    return _info(user)


@requires(Permission.MANAGE_USERS)
def reset_password(session: Session, actor: Actor, user_id: int, new_password: str) -> UserInfo:
    """Set a temporary password (the user picks a new one at the next login), lift a
    lockout, and give a begeleider or beheerder access to the sensitive data again."""
    user = _get(session, user_id)
    set_password(user, new_password, _key_for(actor, user.role))
    user.must_change_password = user.id != actor.user_id
    user.updated_by_id = actor.user_id
    audit.record(session, actor, "update", "users", user.id, ["password"])
    return _info(user)


@requires(Permission.MANAGE_USERS)
def change_role(
    session: Session,
    actor: Actor,
    user_id: int,
    role: str,
    new_password: str | None = None,
) -> UserInfo:
    """Change a user's role. Going from invoer to begeleider or beheerder needs a new
    (temporary) password, because the data key is wrapped with it; going to invoer removes
    the wrapped key."""
    if role not in ROLES:
        raise ValidationError(_("Onbekende rol '{role}'.", role=role), {"role": _("Onbekend")})
    user = _get(session, user_id)
    if user.role == role:
        return _info(user)
    if user.role == "beheerder" and not _other_active_beheerders(session, user.id):
        raise UserError(_("Er moet altijd minstens één actieve beheerder zijn."))
    gains_key = role in KEY_HOLDING_ROLES and user.wrapped_data_key is None
    if gains_key and not new_password:
        raise ValidationError(
            _("Geef een tijdelijk wachtwoord: daarmee krijgt deze gebruiker toegang tot de "
              "gevoelige gegevens."),
            {"password": _("Verplicht bij deze rol")},
        )
    user.role = role
    if new_password:
        set_password(user, new_password, _key_for(actor, role))
        user.must_change_password = True
    elif role not in KEY_HOLDING_ROLES:
        user.wrapped_data_key = None
        user.key_salt = None
    user.updated_by_id = actor.user_id
    audit.record(session, actor, "update", "users", user.id,
                 ["role", *(["password"] if new_password else [])])
    return _info(user)
