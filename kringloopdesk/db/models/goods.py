"""Reused goods: weighed flows, CO2 factor sets, tagged items, repairs and safety tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kringloopdesk.db.base import Base, IdMixin, ScaledDecimal, TrackedMixin, UTCDateTime, utcnow
from kringloopdesk.db.codes import (
    BESTEMMING,
    DIRECTIONS,
    HERKOMST,
    ITEM_STATUSES,
    PROTECTION_CLASSES,
    REPAIR_BARRIERS,
    REPAIR_OUTCOMES,
)


class ProductGroup(IdMixin, TrackedMixin, Base):
    """A BKN Monitor product group (editable list, seeded with the BKN codes)."""

    __tablename__ = "product_groups"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    label_nl: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    # Items of an electrical group need a passed safety test before sale.
    electrical: Mapped[bool] = mapped_column(default=False)
    # 1–0 key on the weegpost.
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class FactorSet(IdMixin, Base):
    """A versioned set of CO2 factors. Editing makes a new version; old versions stay."""

    __tablename__ = "co2_factor_sets"
    __table_args__ = (
        UniqueConstraint("code", "version"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    code: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(Text)
    is_default: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    factors: Mapped[list[FactorValue]] = relationship(
        back_populates="factor_set", cascade="all, delete-orphan"
    )

    @property
    def label(self) -> str:
        return f"{self.code}@{self.version}"


class FactorValue(IdMixin, Base):
    """kg CO2-eq avoided per kg reused, for one product group in one factor set."""

    __tablename__ = "co2_factors"
    __table_args__ = (
        UniqueConstraint("factor_set_id", "product_group_id"),
        CheckConstraint("factor_x10000 >= 0", name="factor_not_negative"),
    )

    factor_set_id: Mapped[int] = mapped_column(ForeignKey("co2_factor_sets.id", ondelete="CASCADE"))
    product_group_id: Mapped[int] = mapped_column(
        ForeignKey("product_groups.id", ondelete="RESTRICT"), index=True
    )
    factor: Mapped[Decimal] = mapped_column("factor_x10000", ScaledDecimal(4))

    factor_set: Mapped[FactorSet] = relationship(back_populates="factors")


class GoodsFlow(IdMixin, TrackedMixin, Base):
    """A weighed intake (``in``, with herkomst) or outflow (``uit``, with bestemming)."""

    __tablename__ = "goods_flows"
    __table_args__ = (
        CheckConstraint(DIRECTIONS.sql_in("direction"), name="direction_code"),
        CheckConstraint("weight_g > 0", name="weight_positive"),
        CheckConstraint(
            f"(direction = 'in' AND {HERKOMST.sql_in('channel')}) OR "
            f"(direction = 'uit' AND {BESTEMMING.sql_in('channel')})",
            name="channel_matches_direction",
        ),
        Index(None, "flow_date"),
        Index(None, "direction", "flow_date"),
        Index(None, "product_group_id", "flow_date"),
        # Sorting the Stromen list on kg; the Balans sums per group and channel (0003).
        Index(None, "weight_g"),
        Index(None, "product_group_id", "channel", "flow_date", "weight_g"),
    )

    flow_date: Mapped[dt.date] = mapped_column(Date)
    direction: Mapped[str] = mapped_column(String(3))
    product_group_id: Mapped[int] = mapped_column(
        ForeignKey("product_groups.id", ondelete="RESTRICT")
    )
    kg: Mapped[Decimal] = mapped_column("weight_g", ScaledDecimal(3))
    # herkomst for intake, bestemming for outflow
    channel: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class TaggedItem(IdMixin, TrackedMixin, Base):
    """A higher-value item registered one by one, with a printed label."""

    __tablename__ = "tagged_items"
    __table_args__ = (
        CheckConstraint(ITEM_STATUSES.sql_in("status"), name="status_code"),
        CheckConstraint("price_cents IS NULL OR price_cents >= 0", name="price_not_negative"),
        CheckConstraint("length(item_number) > 0", name="item_number_not_empty"),
        Index(None, "status"),
        Index(None, "intake_date"),
        Index(None, "product_group_id", "status"),
    )

    item_number: Mapped[str] = mapped_column(String(40), unique=True)
    product_group_id: Mapped[int] = mapped_column(
        ForeignKey("product_groups.id", ondelete="RESTRICT")
    )
    description: Mapped[str] = mapped_column(String(300))
    brand: Mapped[str | None] = mapped_column(String(100))
    model: Mapped[str | None] = mapped_column(String(100))
    serial_number: Mapped[str | None] = mapped_column(String(100))
    intake_date: Mapped[dt.date] = mapped_column(Date)
    price_cents: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(20), default="in_behandeling")
    # Defaults from the product group; a lamp among the kleingoed can still need a test.
    electrical: Mapped[bool] = mapped_column(default=False)
    sold_date: Mapped[dt.date | None] = mapped_column(Date)


class Repair(IdMixin, TrackedMixin, Base):
    """A repair attempt, in Open Repair Data Standard terms."""

    __tablename__ = "repairs"
    __table_args__ = (
        CheckConstraint(REPAIR_OUTCOMES.sql_in("outcome"), name="outcome_code"),
        CheckConstraint(
            "(outcome = 'End of life' AND barrier IS NOT NULL AND "
            f"{REPAIR_BARRIERS.sql_in('barrier')}) OR "
            "(outcome <> 'End of life' AND barrier IS NULL)",
            name="barrier_for_end_of_life",
        ),
        Index(None, "item_id", "repair_date"),
        Index(None, "repair_date"),
    )

    item_id: Mapped[int] = mapped_column(ForeignKey("tagged_items.id", ondelete="CASCADE"))
    repair_date: Mapped[dt.date] = mapped_column(Date)
    repairer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    problem: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(20))
    barrier: Mapped[str | None] = mapped_column(String(60))
    notes: Mapped[str | None] = mapped_column(Text)


class SafetyTest(IdMixin, TrackedMixin, Base):
    """An electrical safety test (NEN 3140 / NEN-EN 50678 / 50699) of a tagged item.

    ``passed`` is computed by the service from the measured values and the limits in force
    at the time, and stored, so a later change of the limits does not rewrite history.
    """

    __tablename__ = "safety_tests"
    __table_args__ = (
        CheckConstraint(PROTECTION_CLASSES.sql_in("protection_class"), name="protection_class"),
        CheckConstraint(
            "pe_resistance_mohm IS NULL OR pe_resistance_mohm >= 0", name="pe_not_negative"
        ),
        CheckConstraint(
            "insulation_kohm IS NULL OR insulation_kohm >= 0", name="insulation_not_negative"
        ),
        CheckConstraint(
            "leakage_current_ua IS NULL OR leakage_current_ua >= 0", name="leakage_not_negative"
        ),
        CheckConstraint(
            "touch_current_ua IS NULL OR touch_current_ua >= 0", name="touch_not_negative"
        ),
        Index(None, "item_id", "test_date"),
        Index(None, "test_date"),
    )

    item_id: Mapped[int] = mapped_column(ForeignKey("tagged_items.id", ondelete="CASCADE"))
    test_date: Mapped[dt.date] = mapped_column(Date)
    tester_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    instrument: Mapped[str | None] = mapped_column(String(200))
    protection_class: Mapped[str] = mapped_column(String(3))
    # Ω with 3 decimals (stored as mΩ), MΩ with 3 decimals (kΩ), mA with 3 decimals (µA).
    pe_resistance_ohm: Mapped[Decimal | None] = mapped_column(
        "pe_resistance_mohm", ScaledDecimal(3)
    )
    insulation_mohm: Mapped[Decimal | None] = mapped_column("insulation_kohm", ScaledDecimal(3))
    leakage_current_ma: Mapped[Decimal | None] = mapped_column(
        "leakage_current_ua", ScaledDecimal(3)
    )
    touch_current_ma: Mapped[Decimal | None] = mapped_column("touch_current_ua", ScaledDecimal(3))
    visual_ok: Mapped[bool]
    functional_ok: Mapped[bool]
    passed: Mapped[bool]
