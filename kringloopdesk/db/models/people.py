"""Workers with a support need, their placements, goals, progress, skills and hours."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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

from kringloopdesk.db.base import Base, IdMixin, ScaledDecimal, TrackedMixin
from kringloopdesk.db.codes import (
    BKN_GROUPS,
    CEDRIS_REGELINGEN,
    GOAL_STATUSES,
    OUTCOMES,
    PLACEMENT_STATUSES,
    WORKER_STATUSES,
)


class Doelgroep(IdMixin, TrackedMixin, Base):
    """A target group, editable by the shop, with the groups the associations report on."""

    __tablename__ = "doelgroepen"
    __table_args__ = (
        CheckConstraint(BKN_GROUPS.sql_in("bkn_group"), name="bkn_group_code"),
        CheckConstraint(
            "cedris_regeling IS NULL OR " + CEDRIS_REGELINGEN.sql_in("cedris_regeling"),
            name="cedris_regeling_code",
        ),
    )

    code: Mapped[str] = mapped_column(String(40), unique=True)
    label_nl: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    bkn_group: Mapped[str] = mapped_column(String(40))
    # None: not counted for Cedris (regular paid staff).
    cedris_regeling: Mapped[str | None] = mapped_column(String(40))
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Department(IdMixin, TrackedMixin, Base):
    """An afdeling of the shop (winkel, sorteren, elektra, …), editable."""

    __tablename__ = "departments"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    label_nl: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Werkproces(IdMixin, TrackedMixin, Base):
    """A work process that can be mastered, suggested per department (editable list)."""

    __tablename__ = "werkprocessen"
    __table_args__ = (UniqueConstraint("department_id", "name"),)

    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)


class Worker(IdMixin, TrackedMixin, Base):
    """A person working at the shop (deelnemer / medewerker).

    The sensitive fields hold ciphertext only (AES-GCM, see services/crypto): the database
    and its backups never contain support needs in clear. No BSN and no diagnosis, ever.
    """

    __tablename__ = "workers"
    __table_args__ = (
        CheckConstraint(WORKER_STATUSES.sql_in("status"), name="status_code"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        CheckConstraint("length(number) > 0", name="number_not_empty"),
        Index(None, "last_name", "first_name"),
        Index(None, "status"),
        Index(None, "start_date"),
    )

    number: Mapped[str] = mapped_column(String(20), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(150))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    street: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    doelgroep_id: Mapped[int] = mapped_column(
        ForeignKey("doelgroepen.id", ondelete="RESTRICT"), index=True
    )
    referrer: Mapped[str | None] = mapped_column(String(200), index=True)
    referrer_contact: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="actief")
    support_need_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    work_adjustments_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    anonymised_at: Mapped[dt.date | None] = mapped_column(Date)

    doelgroep: Mapped[Doelgroep] = relationship(lazy="joined")
    placements: Mapped[list[Placement]] = relationship(
        back_populates="worker", order_by="Placement.start_date", passive_deletes=True
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Placement(IdMixin, TrackedMixin, Base):
    """A worker at a department for a period. "End" always means ``end_date``."""

    __tablename__ = "placements"
    __table_args__ = (
        CheckConstraint(PLACEMENT_STATUSES.sql_in("status"), name="status_code"),
        CheckConstraint("outcome IS NULL OR " + OUTCOMES.sql_in("outcome"), name="outcome_code"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        CheckConstraint(
            "planned_end_date IS NULL OR planned_end_date >= start_date",
            name="planned_end_after_start",
        ),
        # Ending a placement requires its uitstroom, and an uitstroom requires an end.
        CheckConstraint("(end_date IS NULL) = (outcome IS NULL)", name="outcome_with_end"),
        CheckConstraint(
            "hours_per_week_x100 > 0 AND hours_per_week_x100 <= 4000", name="hours_per_week_range"
        ),
        Index(None, "worker_id", "start_date"),
        Index(None, "start_date"),
        Index(None, "end_date"),
        Index(None, "status"),
    )

    worker_id: Mapped[int] = mapped_column(ForeignKey("workers.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(
        ForeignKey("departments.id", ondelete="RESTRICT"), index=True
    )
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partners.id", ondelete="SET NULL"), index=True
    )
    coach_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    start_date: Mapped[dt.date] = mapped_column(Date)
    planned_end_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    hours_per_week: Mapped[Decimal] = mapped_column("hours_per_week_x100", ScaledDecimal(2))
    status: Mapped[str] = mapped_column(String(20), default="actief")
    outcome: Mapped[str | None] = mapped_column(String(20))

    worker: Mapped[Worker] = relationship(back_populates="placements")


class Goal(IdMixin, TrackedMixin, Base):
    """An ontwikkeldoel of a placement."""

    __tablename__ = "goals"
    __table_args__ = (
        CheckConstraint(GOAL_STATUSES.sql_in("status"), name="status_code"),
        CheckConstraint("length(description) > 0", name="description_not_empty"),
        Index(None, "status", "target_date"),
    )

    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")


class ProgressNote(IdMixin, TrackedMixin, Base):
    """A dated progress note or evaluation: sensitive, stored as ciphertext only."""

    __tablename__ = "progress_notes"
    __table_args__ = (Index(None, "placement_id", "note_date"),)

    placement_id: Mapped[int] = mapped_column(ForeignKey("placements.id", ondelete="CASCADE"))
    note_date: Mapped[dt.date] = mapped_column(Date)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    body_enc: Mapped[bytes] = mapped_column(LargeBinary)


class PlacementSkill(IdMixin, Base):
    """A werkproces mastered during a placement; feeds the participation certificate."""

    __tablename__ = "placement_skills"
    __table_args__ = (
        UniqueConstraint("placement_id", "name"),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
    )

    placement_id: Mapped[int] = mapped_column(ForeignKey("placements.id", ondelete="CASCADE"))
    werkproces_id: Mapped[int | None] = mapped_column(
        ForeignKey("werkprocessen.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class HourEntry(IdMixin, TrackedMixin, Base):
    """Hours worked on one day in one placement (exact to 1/100 hour)."""

    __tablename__ = "hour_entries"
    __table_args__ = (
        CheckConstraint("hours_x100 > 0 AND hours_x100 <= 2400", name="hours_range"),
        Index(None, "placement_id", "entry_date"),
        Index(None, "entry_date"),
    )

    placement_id: Mapped[int] = mapped_column(ForeignKey("placements.id", ondelete="CASCADE"))
    entry_date: Mapped[dt.date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column("hours_x100", ScaledDecimal(2))
