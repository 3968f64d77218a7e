"""Accounts: lockout, password changes that keep access, the recovery key, user
administration, the append-only audit log and the settings."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from kringloopdesk.db.base import utcnow
from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import AuditEntry, ShopSecret, User
from kringloopdesk.errors import (
    AuthenticationError,
    PermissionDeniedError,
    UserError,
    ValidationError,
)
from kringloopdesk.services import audit, crypto, keys, settings, users
from kringloopdesk.services.auth import Actor, attempt_login, change_own_password
from kringloopdesk.services.setup import ShopInfo, initialise_shop
from tests.conftest import BEHEERDER, BEHEERDER_PASSWORD, COACH_PASSWORD, login


def _attempt(db: Database, username: str, password: str, now: dt.datetime | None = None):
    with db.session() as session:
        return attempt_login(session, username, password, now=now)


# -- lockout -----------------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_for_five_minutes(shop_db: Database) -> None:
    start = utcnow()
    for _ in range(4):
        assert "klopt niet" in _attempt(shop_db, BEHEERDER, "fout", start).message
    fifth = _attempt(shop_db, BEHEERDER, "fout", start)
    assert fifth.actor is None and "5 minuten" in fifth.message
    # Locked: even the right password is refused, and says how long to wait.
    locked = _attempt(shop_db, BEHEERDER, BEHEERDER_PASSWORD, start + dt.timedelta(minutes=2))
    assert locked.actor is None and "over 3 minuten" in locked.message
    # After the five minutes the right password works again, and the count starts afresh.
    later = _attempt(
        shop_db, BEHEERDER, BEHEERDER_PASSWORD, start + dt.timedelta(minutes=5, seconds=1)
    )
    assert later.actor is not None and later.actor.has_data_key
    with shop_db.read_session() as session:
        user = session.scalars(select(User).filter_by(username=BEHEERDER)).one()
        assert user.failed_logins == 0 and user.locked_until is None


def test_wrong_password_is_counted_and_audited(shop_db: Database) -> None:
    assert _attempt(shop_db, BEHEERDER, "fout").actor is None
    with shop_db.read_session() as session:
        actions = [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions[-1] == "login_failed"


# -- the data key ------------------------------------------------------------------------------


def test_password_change_keeps_access_to_the_data_key(shop_db: Database,
                                                      beheerder: Actor) -> None:
    with shop_db.session() as session:
        renewed = change_own_password(session, beheerder, BEHEERDER_PASSWORD, "nieuw-wachtwoord")
    assert renewed.data_key == beheerder.data_key
    again = login(shop_db, BEHEERDER, "nieuw-wachtwoord")
    assert again.data_key == beheerder.data_key
    assert _attempt(shop_db, BEHEERDER, BEHEERDER_PASSWORD).actor is None
    with pytest.raises(AuthenticationError), shop_db.session() as session:
        change_own_password(session, again, "niet-het-oude", "nog-een-wachtwoord")


def test_every_key_holder_unwraps_the_same_key_and_invoer_has_none(
    shop_db: Database, beheerder: Actor, begeleider: Actor, invoer: Actor
) -> None:
    assert begeleider.data_key == beheerder.data_key is not None
    assert invoer.data_key is None
    with shop_db.read_session() as session:
        rows = {u.username: u for u in session.scalars(select(User))}
    assert rows["ria"].wrapped_data_key is None and rows["ria"].key_salt is None
    assert beheerder.data_key not in rows["marieke"].wrapped_data_key


def test_recovery_key_restores_access(db: Database) -> None:
    with db.session() as session:
        result = initialise_shop(session, ShopInfo(name="Kringloop", certificate_prefix="KL"),
                                 username="anna", full_name="Anna", password="vergeten-123")
    key = result.recovery_key
    with pytest.raises(AuthenticationError), db.session() as session:
        keys.recover_with_key(session, "anna", crypto.new_recovery_key(), "nieuw-wachtwoord")
    with db.session() as session:
        actor = keys.recover_with_key(session, "anna", key.lower().replace("-", " "),
                                      "nieuw-wachtwoord")
    assert actor.data_key == result.actor.data_key
    assert login(db, "anna", "nieuw-wachtwoord").data_key == result.actor.data_key
    # A new recovery key replaces the old one.
    with db.session() as session:
        new_key = keys.renew_recovery_key(session, actor)
    with pytest.raises(AuthenticationError), db.session() as session:
        keys.recover_with_key(session, "anna", key, "nog-een-wachtwoord")
    with db.session() as session:
        keys.recover_with_key(session, "anna", new_key, "nog-een-wachtwoord")


def test_no_key_material_in_clear(shop_db: Database, beheerder: Actor) -> None:
    with shop_db.read_session() as session:
        blobs = [u.wrapped_data_key for u in session.scalars(select(User))]
        blobs += [s.wrapped_secret for s in session.scalars(select(ShopSecret))]
    assert all(blob and beheerder.data_key not in blob for blob in blobs)


# -- user administration -----------------------------------------------------------------------


def test_beheerder_creates_users_who_must_choose_a_password(shop_db: Database,
                                                            beheerder: Actor) -> None:
    with shop_db.session() as session:
        info = users.create_user(session, beheerder, username="henk", full_name="Henk",
                                 role="begeleider", password="tijdelijk-1")
    assert info.has_key_access and info.must_change_password
    henk = login(shop_db, "henk", "tijdelijk-1")
    assert henk.must_change_password and henk.data_key == beheerder.data_key
    with shop_db.session() as session:
        henk = change_own_password(session, henk, "tijdelijk-1", "eigen-wachtwoord")
    assert not henk.must_change_password
    with pytest.raises(ValidationError), shop_db.session() as session:
        users.create_user(session, beheerder, username="HENK", full_name="Ander",
                          role="invoer", password="tijdelijk-2")


def test_reset_gives_access_back_and_lifts_a_lockout(shop_db: Database, beheerder: Actor,
                                                     begeleider: Actor) -> None:
    for _ in range(5):
        _attempt(shop_db, "marieke", "fout")
    assert "wacht" in _attempt(shop_db, "marieke", COACH_PASSWORD).message
    with shop_db.read_session() as session:
        marieke_id = session.scalar(select(User.id).filter_by(username="marieke"))
    with shop_db.session() as session:
        session.execute(update(User).where(User.id == marieke_id)
                        .values(wrapped_data_key=None, key_salt=None))  # lost access
    with shop_db.session() as session:
        users.reset_password(session, beheerder, marieke_id, "tijdelijk-9")
    marieke = login(shop_db, "marieke", "tijdelijk-9")
    assert marieke.data_key == beheerder.data_key and marieke.must_change_password


def test_change_role_wraps_or_drops_the_key(shop_db: Database, beheerder: Actor,
                                            invoer: Actor) -> None:
    with pytest.raises(ValidationError) as caught, shop_db.session() as session:
        users.change_role(session, beheerder, invoer.user_id, "begeleider")
    assert "password" in caught.value.field_errors
    with shop_db.session() as session:
        info = users.change_role(session, beheerder, invoer.user_id, "begeleider",
                                 new_password="tijdelijk-3")
    assert info.role == "begeleider" and info.has_key_access
    assert login(shop_db, "ria", "tijdelijk-3").data_key == beheerder.data_key
    with shop_db.session() as session:
        info = users.change_role(session, beheerder, invoer.user_id, "invoer")
    assert not info.has_key_access
    assert login(shop_db, "ria", "tijdelijk-3").data_key is None


def test_last_beheerder_and_self_are_protected(shop_db: Database, beheerder: Actor) -> None:
    with pytest.raises(UserError), shop_db.session() as session:
        users.set_active(session, beheerder, beheerder.user_id, False)
    with pytest.raises(UserError), shop_db.session() as session:
        users.change_role(session, beheerder, beheerder.user_id, "begeleider")


def test_disabled_user_cannot_log_in(shop_db: Database, beheerder: Actor,
                                     begeleider: Actor) -> None:
    with shop_db.session() as session:
        users.set_active(session, beheerder, begeleider.user_id, False)
    assert "uitgeschakeld" in _attempt(shop_db, "marieke", COACH_PASSWORD).message
    with shop_db.session() as session:
        users.set_active(session, beheerder, begeleider.user_id, True)
    assert _attempt(shop_db, "marieke", COACH_PASSWORD).actor is not None


# -- audit log ---------------------------------------------------------------------------------


def test_audit_log_lists_and_filters_but_never_changes(shop_db: Database, beheerder: Actor,
                                                       begeleider: Actor) -> None:
    with shop_db.read_session() as session:
        everything = audit.list_entries(session, beheerder)
        created = audit.list_entries(session, beheerder,
                                     audit.AuditFilter(action="create", entity="users"))
        total = audit.count_entries(session, beheerder)
    assert total == len(everything) >= 4
    assert [e.fields for e in created] == [("full_name", "role", "username")]
    assert everything[0].at >= everything[-1].at  # newest first
    with pytest.raises(DBAPIError), shop_db.session() as session:
        session.execute(update(AuditEntry).values(summary="weggepoetst"))
    with pytest.raises(DBAPIError), shop_db.session() as session:
        session.execute(delete(AuditEntry))
    with shop_db.read_session() as session:
        assert audit.count_entries(session, beheerder) == total
        found = audit.facets(session, beheerder)
    assert {"beheer", "marieke"} <= set(found.usernames)
    assert {"users", "shop_profile"} <= set(found.entities)
    with pytest.raises(PermissionDeniedError), shop_db.read_session() as session:
        audit.list_entries(session, begeleider)


# -- settings ----------------------------------------------------------------------------------


def test_shop_settings_have_defaults_and_validate(shop_db: Database, beheerder: Actor,
                                                  begeleider: Actor) -> None:
    with shop_db.read_session() as session:
        assert settings.get_setting(session, "retention_years") == 2
    with shop_db.session() as session:
        settings.set_setting(session, beheerder, "retention_years", "3")
    with shop_db.read_session() as session:
        assert settings.get_setting(session, "retention_years") == 3
    for bad in ("nul", 0, 99):
        with pytest.raises(ValidationError), shop_db.session() as session:
            settings.set_setting(session, beheerder, "retention_years", bad)
    with pytest.raises(PermissionDeniedError), shop_db.session() as session:
        settings.set_setting(session, begeleider, "retention_years", 5)
    with pytest.raises(ValidationError), shop_db.read_session() as session:
        settings.get_setting(session, "language")  # a local setting, not in the database


def test_a_password_change_without_access_leaves_no_stale_key(
    shop_db: Database, beheerder: Actor, begeleider: Actor
) -> None:
    without_key = Actor(begeleider.user_id, "marieke", "Marieke", "begeleider")
    with shop_db.session() as session:
        change_own_password(session, without_key, COACH_PASSWORD, "ander-wachtwoord")
    with shop_db.read_session() as session:
        [info] = [u for u in users.list_users(session, beheerder) if u.username == "marieke"]
    assert not info.has_key_access
