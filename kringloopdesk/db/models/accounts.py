"""The shop itself, its users, settings, key material and the audit log."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from kringloopdesk.db.base import Base, IdMixin, TrackedMixin, UTCDateTime, utcnow
from kringloopdesk.db.codes import ROLES


class ShopProfile(TrackedMixin, Base):
    """The one shop this database belongs to (a single row, id 1)."""

    __tablename__ = "shop_profile"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        CheckConstraint("length(certificate_prefix) BETWEEN 2 AND 10", name="prefix_length"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(200))
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_mime: Mapped[str | None] = mapped_column(String(40))
    certificate_prefix: Mapped[str] = mapped_column(String(10))
    accent_color: Mapped[str] = mapped_column(String(7), default="#2e7d32")
    # One line on what the shop stands for, in its own words (printed on certificates).
    mission: Mapped[str | None] = mapped_column(Text)


class User(IdMixin, TrackedMixin, Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(ROLES.sql_in("role"), name="role_code"),
        CheckConstraint("failed_logins >= 0", name="failed_logins_not_negative"),
        CheckConstraint("length(username) > 0", name="username_not_empty"),
    )

    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # Set by a reset or a new account: the user chooses their own password at the next login.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The shop's data key, wrapped with a key derived from this user's password (begeleider
    # and beheerder only); salt and parameters of that derivation.
    wrapped_data_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_salt: Mapped[bytes | None] = mapped_column(LargeBinary)


class ShopSecret(IdMixin, Base):
    """Key material of the shop: the recovery-wrapped data key, the certificate signing key."""

    __tablename__ = "shop_secrets"

    purpose: Mapped[str] = mapped_column(String(40), unique=True)
    public_part: Mapped[bytes | None] = mapped_column(LargeBinary)
    wrapped_secret: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Setting(Base):
    """A shop-wide setting (declared in kringloopdesk.settings), stored as JSON text."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class AuditEntry(IdMixin, Base):
    """Who changed which record and which fields — never the sensitive values themselves.

    The app offers no way to change or delete these rows.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        Index(None, "at"),
        Index(None, "entity", "entity_id"),
        Index(None, "user_id", "at"),
    )

    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Kept as text too, so the entry still says who it was after a user is removed.
    username: Mapped[str | None] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    fields: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
