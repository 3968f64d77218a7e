"""Users and logging in: password hashing (argon2id) and the acting user.

Every service call that acts for someone takes an ``Actor``: who it is and in which role.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kringloopdesk.db.base import utcnow
from kringloopdesk.db.codes import ROLES
from kringloopdesk.db.models import User
from kringloopdesk.errors import AuthenticationError, ValidationError
from kringloopdesk.i18n import _

MIN_PASSWORD_LENGTH = 8

# argon2id, memory-hard: 64 MiB and 3 passes take about a tenth of a second on an office PC.
_hasher = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=2)


@dataclass(frozen=True)
class Actor:
    """The logged-in user on whose behalf a service acts."""

    user_id: int
    username: str
    full_name: str
    role: str

    @property
    def role_label(self) -> str:
        return ROLES.label(self.role)


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


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.full_name, user.role)


def create_user(
    session: Session, *, username: str, full_name: str, role: str, password: str
) -> Actor:
    username = validate_username(username)
    validate_password(password)
    if role not in ROLES:
        raise ValidationError(_("Onbekende rol '{role}'.", role=role), {"role": _("Onbekend")})
    exists = session.scalar(
        select(func.count()).select_from(User).where(func.lower(User.username) == username.lower())
    )
    if exists:
        raise ValidationError(
            _("De gebruikersnaam '{name}' bestaat al.", name=username),
            {"username": _("Bestaat al")},
        )
    user = User(
        username=username,
        full_name=full_name.strip() or username,
        role=role,
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    return _actor(user)


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


def attempt_login(session: Session, username: str, password: str) -> LoginAttempt:
    """Check a user name and password. An unknown name and a wrong password get the same
    message and take the same time, so the dialog gives nothing away."""
    user = session.scalar(select(User).where(func.lower(User.username) == username.strip().lower()))
    wrong = _("Gebruikersnaam of wachtwoord klopt niet.")
    if user is None:
        hash_password(password)
        return LoginAttempt(None, wrong)
    if not password_matches(user.password_hash, password):
        user.failed_logins += 1
        return LoginAttempt(None, wrong)
    if not user.active:
        return LoginAttempt(
            None, _("Dit account is uitgeschakeld. Vraag de beheerder om het weer aan te zetten.")
        )
    user.failed_logins = 0
    user.last_login_at = utcnow()
    return LoginAttempt(_actor(user))


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0
