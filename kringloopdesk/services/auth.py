"""Logging in and the acting user: argon2id passwords, lockout, and the data key.

Every service call that acts for someone takes an ``Actor``: who it is, in which role, and —
for a begeleider or beheerder who logged in with their password — the shop's data key, which
only lives in memory for the length of that login.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kringloopdesk.db.base import utcnow
from kringloopdesk.db.codes import ROLES
from kringloopdesk.db.models import User
from kringloopdesk.errors import AuthenticationError, PermissionDeniedError, ValidationError
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit, crypto

MIN_PASSWORD_LENGTH = 8
MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=5)
KEY_HOLDING_ROLES = ("beheerder", "begeleider")

# argon2id, memory-hard: 64 MiB and 3 passes take about a tenth of a second on an office PC.
_hasher = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=2)


@dataclass(frozen=True)
class Actor:
    """The logged-in user on whose behalf a service acts."""

    user_id: int
    username: str
    full_name: str
    role: str
    data_key: bytes | None = field(default=None, repr=False, compare=False)
    must_change_password: bool = False

    @property
    def role_label(self) -> str:
        """In the language of the app (the status bar, the CLI's messages)."""
        return ROLES.label(self.role, current_language())

    @property
    def has_data_key(self) -> bool:
        return self.data_key is not None


def require_data_key(actor: Actor) -> bytes:
    """The data key, or a clear refusal when this login does not hold it."""
    if actor.data_key is None:
        raise PermissionDeniedError(
            _(
                "U hebt geen toegang tot de gevoelige gegevens. Een beheerder kan u die "
                "toegang geven door uw wachtwoord opnieuw in te stellen."
            )
        )
    return actor.data_key


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def validate_username(username: str) -> str:
    username = username.strip()
    if not username:
        raise ValidationError(_("Vul een gebruikersnaam in."), {"username": _("Verplicht")})
    if len(username) > 80 or any(ch.isspace() for ch in username):
        raise ValidationError(
            _("Een gebruikersnaam heeft geen spaties en is hoogstens 80 tekens."),
            {"username": _("Geen spaties, hoogstens 80 tekens")},
        )
    return username


def validate_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            _("Een wachtwoord heeft minstens {n} tekens.", n=MIN_PASSWORD_LENGTH),
            {"password": _("Minstens {n} tekens", n=MIN_PASSWORD_LENGTH)},
        )
    return password


def actor_for(user: User, data_key: bytes | None = None) -> Actor:
    return Actor(
        user.id,
        user.username,
        user.full_name,
        user.role,
        data_key if user.role in KEY_HOLDING_ROLES else None,
        bool(user.must_change_password),
    )


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(
        select(User).where(func.lower(User.username) == username.strip().lower())
    )


def set_password(user: User, password: str, data_key: bytes | None) -> None:
    """Hash the password and, for a key-holding role, wrap the data key with it."""
    validate_password(password)
    user.password_hash = hash_password(password)
    if user.role in KEY_HOLDING_ROLES and data_key is not None:
        salt = crypto.new_salt()
        user.key_salt = salt
        user.wrapped_data_key = crypto.wrap_key(crypto.derive_key(password, salt), data_key)
    else:
        # No key to wrap (an invoer, or a user without access changing their password): a
        # copy wrapped with the old password would only pretend to give access.
        user.key_salt = None
        user.wrapped_data_key = None
    user.failed_logins = 0
    user.locked_until = None


def add_user(
    session: Session,
    *,
    username: str,
    full_name: str,
    role: str,
    password: str,
    data_key: bytes | None,
    must_change_password: bool = False,
) -> User:
    """A new user row (no permission check: callers are init and the users service)."""
    username = validate_username(username)
    validate_password(password)
    if role not in ROLES:
        raise ValidationError(_("Onbekende rol '{role}'.", role=role), {"role": _("Onbekend")})
    if find_user(session, username) is not None:
        raise ValidationError(
            _("De gebruikersnaam '{name}' bestaat al.", name=username),
            {"username": _("Bestaat al")},
        )
    user = User(
        username=username,
        full_name=full_name.strip() or username,
        role=role,
        password_hash="",
        must_change_password=must_change_password,
    )
    set_password(user, password, data_key)
    session.add(user)
    session.flush()
    return user


@dataclass(frozen=True)
class LoginAttempt:
    """The outcome of a login. Failures are recorded in the same transaction, so the caller
    commits in both cases and then calls ``actor_or_raise``."""

    actor: Actor | None
    message: str | None = None

    def actor_or_raise(self) -> Actor:
        if self.actor is None:
            raise AuthenticationError(self.message or _("Inloggen is mislukt."))
        return self.actor


def _minutes_left(until: dt.datetime, now: dt.datetime) -> int:
    return max(1, -(-int((until - now).total_seconds()) // 60))


def attempt_login(
    session: Session, username: str, password: str, *, now: dt.datetime | None = None
) -> LoginAttempt:
    """Check a user name and password.

    An unknown name and a wrong password get the same message and take the same time. After
    five wrong passwords in a row the account waits five minutes, whatever is typed.
    """
    now = now or utcnow()
    user = find_user(session, username)
    wrong = _("Gebruikersnaam of wachtwoord klopt niet.")
    if user is None:
        hash_password(password)
        return LoginAttempt(None, wrong)
    if user.locked_until is not None and user.locked_until > now:
        return LoginAttempt(
            None,
            _(
                "Te veel verkeerde wachtwoorden. Probeer het over {minutes} minuten opnieuw.",
                minutes=_minutes_left(user.locked_until, now),
            ),
        )
    if not password_matches(user.password_hash, password):
        user.failed_logins += 1
        audit.record(session, None, "login_failed", "users", user.id)
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.failed_logins = 0
            user.locked_until = now + LOCKOUT
            return LoginAttempt(
                None,
                _(
                    "Te veel verkeerde wachtwoorden. Dit account wacht nu {minutes} minuten.",
                    minutes=int(LOCKOUT.total_seconds() // 60),
                ),
            )
        return LoginAttempt(None, wrong)
    if not user.active:
        return LoginAttempt(
            None, _("Dit account is uitgeschakeld. Vraag de beheerder om het weer aan te zetten.")
        )
    data_key = None
    if user.role in KEY_HOLDING_ROLES and user.wrapped_data_key and user.key_salt:
        try:
            data_key = crypto.unwrap_key(
                crypto.derive_key(password, user.key_salt), user.wrapped_data_key
            )
        except crypto.CryptoError:
            data_key = None  # the login stands; sensitive data stays closed (logged below)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    actor = actor_for(user, data_key)
    audit.record(session, actor, "login", "users", user.id)
    return LoginAttempt(actor)


def change_own_password(
    session: Session, actor: Actor, old_password: str, new_password: str
) -> Actor:
    """A user changes their own password; the data key is wrapped anew with it."""
    user = session.get(User, actor.user_id)
    if user is None or not password_matches(user.password_hash, old_password):
        raise AuthenticationError(_("Het huidige wachtwoord klopt niet."))
    if new_password == old_password:
        raise ValidationError(
            _("Kies een ander wachtwoord dan het huidige."),
            {"password": _("Gelijk aan het huidige")},
        )
    set_password(user, new_password, actor.data_key)
    user.must_change_password = False
    audit.record(session, actor, "update", "users", user.id, ["password"])
    return actor_for(user, actor.data_key)
