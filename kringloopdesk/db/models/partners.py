"""Partner organisations, agreements with their signatories, and the certificate registry."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kringloopdesk.db.base import Base, IdMixin, TrackedMixin, UTCDateTime, utcnow
from kringloopdesk.db.codes import CERTIFICATE_KINDS, PARTNER_KINDS, SIGNATORY_SIDES


class Partner(IdMixin, TrackedMixin, Base):
    __tablename__ = "partners"
    __table_args__ = (
        CheckConstraint(PARTNER_KINDS.sql_in("kind"), name="kind_code"),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        Index(None, "kind"),
    )

    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(30), default="overig")
    street: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_mime: Mapped[str | None] = mapped_column(String(40))

    agreements: Mapped[list[Agreement]] = relationship(
        back_populates="partner", order_by="Agreement.signed_date", passive_deletes=True
    )


class Agreement(IdMixin, TrackedMixin, Base):
    """A samenwerkingsovereenkomst with a partner."""

    __tablename__ = "agreements"
    __table_args__ = (
        CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from",
            name="valid_to_after_from",
        ),
        CheckConstraint("length(title) > 0", name="title_not_empty"),
        Index(None, "signed_date"),
    )

    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    signed_date: Mapped[dt.date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(100))
    scope: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)

    partner: Mapped[Partner] = relationship(back_populates="agreements")
    signatories: Mapped[list[Signatory]] = relationship(
        back_populates="agreement", order_by="Signatory.sort_order", cascade="all, delete-orphan"
    )


class Signatory(IdMixin, Base):
    __tablename__ = "signatories"
    __table_args__ = (CheckConstraint(SIGNATORY_SIDES.sql_in("side"), name="side_code"),)

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    side: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200))
    function: Mapped[str | None] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    agreement: Mapped[Agreement] = relationship(back_populates="signatories")


class Certificate(IdMixin, Base):
    """An issued certificate: serial ``<PREFIX>-<YYYY>-<NNNN>``, gap-free per year.

    The unique (year, sequence) pair is what keeps two PCs issuing at once from taking the
    same number: the second insert fails and the service takes the next one.
    """

    __tablename__ = "certificates"
    __table_args__ = (
        CheckConstraint(CERTIFICATE_KINDS.sql_in("kind"), name="kind_code"),
        CheckConstraint(
            "(kind = 'samenwerking' AND agreement_id IS NOT NULL AND placement_id IS NULL) OR "
            "(kind = 'deelname' AND placement_id IS NOT NULL AND agreement_id IS NULL)",
            name="subject_matches_kind",
        ),
        CheckConstraint("sequence >= 1", name="sequence_positive"),
        CheckConstraint("(revoked_at IS NULL) = (revoke_reason IS NULL)", name="revoke_has_reason"),
        UniqueConstraint("year", "sequence"),
        Index(None, "issued_at"),
        Index(None, "kind", "issued_at"),
    )

    serial: Mapped[str] = mapped_column(String(40), unique=True)
    verification_code: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    year: Mapped[int]
    sequence: Mapped[int]
    language: Mapped[str] = mapped_column(String(2), default="nl")
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="RESTRICT"), index=True
    )
    placement_id: Mapped[int | None] = mapped_column(
        ForeignKey("placements.id", ondelete="RESTRICT"), index=True
    )
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    content_hash: Mapped[str] = mapped_column(String(128))
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoke_reason: Mapped[str | None] = mapped_column(Text)
    replaces_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificates.id", ondelete="SET NULL")
    )
