"""The shop's keys: created at set-up, recovered with the recovery key, renewed by a beheerder.

The recovery key is the way back when every beheerder has forgotten their password: it
unwraps the data key, and a beheerder's password can then be set anew. It is shown once at
set-up (and can be printed as a PDF); only its wrapped copy of the data key is stored.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kringloopdesk.db.models import ShopSecret
from kringloopdesk.errors import AuthenticationError, UserError
from kringloopdesk.i18n import _
from kringloopdesk.services import audit, crypto
from kringloopdesk.services.auth import Actor, actor_for, find_user, require_data_key, set_password
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.signing import install_signing_key

RECOVERY_PURPOSE = "data_key_recovery"


def _store_recovery(session: Session, data_key: bytes) -> str:
    recovery_key = crypto.new_recovery_key()
    salt = crypto.new_salt()
    wrapped = crypto.wrap_key(crypto.derive_key(recovery_key, salt), data_key)
    secret = session.scalar(select(ShopSecret).where(ShopSecret.purpose == RECOVERY_PURPOSE))
    if secret is None:
        session.add(ShopSecret(purpose=RECOVERY_PURPOSE, public_part=salt, wrapped_secret=wrapped))
    else:
        secret.public_part = salt
        secret.wrapped_secret = wrapped
    session.flush()
    return recovery_key


def install_shop_keys(session: Session) -> tuple[bytes, str]:
    """A new data key, its recovery key (the caller shows it once) and the certificate
    signing key, whose private part is wrapped with the data key (at set-up)."""
    data_key = crypto.new_data_key()
    recovery_key = _store_recovery(session, data_key)
    install_signing_key(session, data_key)
    return data_key, recovery_key


@requires(Permission.MANAGE_USERS)
def renew_recovery_key(session: Session, actor: Actor) -> str:
    """A new recovery key; the old one stops working."""
    key = _store_recovery(session, require_data_key(actor))
    audit.record(session, actor, "update", "shop_secrets", None, ["recovery_key"])
    return key


def recover_with_key(
    session: Session, username: str, recovery_key: str, new_password: str
) -> Actor:
    """Set a beheerder's password with the recovery key, and log them in."""
    secret = session.scalar(select(ShopSecret).where(ShopSecret.purpose == RECOVERY_PURPOSE))
    user = find_user(session, username)
    if user is None or user.role != "beheerder":
        raise UserError(_("Alleen het wachtwoord van een beheerder kan met de herstelsleutel "
                          "worden ingesteld."))
    if secret is None or secret.public_part is None or secret.wrapped_secret is None:
        raise UserError(_("Deze database heeft geen herstelsleutel."))
    key = crypto.normalise_recovery_key(recovery_key)
    try:
        data_key = crypto.unwrap_key(
            crypto.derive_key(key, secret.public_part), secret.wrapped_secret
        )
    except crypto.CryptoError as exc:
        raise AuthenticationError(_("Deze herstelsleutel klopt niet.")) from exc
    set_password(user, new_password, data_key)
    user.active = True
    user.must_change_password = False
    actor = actor_for(user, data_key)
    audit.record(session, actor, "update", "users", user.id, ["password"],
                 summary="herstelsleutel")
    return actor
