"""Checking and writing the flows file: weighed intake (``in``) and outflow (``uit``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kringloopdesk.db.codes import BESTEMMING, DIRECTIONS, HERKOMST
from kringloopdesk.db.models import GoodsFlow, ProductGroup
from kringloopdesk.i18n import _
from kringloopdesk.services.imports.errors import ImportFileError, RowError
from kringloopdesk.services.imports.people import bulk_insert
from kringloopdesk.services.imports.reading import ImportFile
from kringloopdesk.services.imports.values import amount, code, date, shown, text
from kringloopdesk.services.progress import Progress
from kringloopdesk.services.workers import MAX_TEXT_LENGTH

# A sanity limit, far above any real weighing (a whole branch handles ~750,000 kg a year).
MAX_KG = Decimal(1_000_000_000)


# flow_date, direction, product_group_id, kg, channel, note
FlowRow = tuple[dt.date, str, int, Decimal, str, str | None]


@dataclass
class FlowsPlan:
    rows: list[FlowRow] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    kg: dict[str, Decimal] = field(default_factory=lambda: {"in": Decimal(0), "uit": Decimal(0)})


def _kg(cell: object) -> Decimal | None:
    return amount(cell, maximum=MAX_KG, places=3, unit="kg")  # type: ignore[arg-type]


def _channel_reason(direction: str | None, channel: str, raw: str) -> str | None:
    """Why ``channel`` does not fit ``direction``, or None when it does."""
    herkomst, bestemming = ", ".join(HERKOMST), ", ".join(BESTEMMING)
    if direction == "in":
        if channel in HERKOMST:
            return None
        if channel in BESTEMMING:
            return _("'{value}' is een bestemming; bij richting 'in' hoort een herkomst: "
                     "{codes}", value=raw, codes=herkomst)
        return _("onbekende herkomst '{value}'; kies uit: {codes}", value=raw, codes=herkomst)
    if direction == "uit":
        if channel in BESTEMMING:
            return None
        if channel in HERKOMST:
            return _("'{value}' is een herkomst; bij richting 'uit' hoort een bestemming: "
                     "{codes}", value=raw, codes=bestemming)
        return _("onbekende bestemming '{value}'; kies uit: {codes}", value=raw,
                 codes=bestemming)
    if channel in HERKOMST or channel in BESTEMMING:
        return None  # the direction itself is wrong, and reported
    return _("onbekende herkomst of bestemming '{value}'; herkomst: {herkomst}; bestemming: "
             "{bestemming}", value=raw, herkomst=herkomst, bestemming=bestemming)


def check_flows(session: Session, table: ImportFile,
                progress: Progress | None = None) -> FlowsPlan:
    errors: list[RowError] = []
    groups = {g.code.lower(): g for g in session.scalars(select(ProductGroup))}
    active = [g.code for g in sorted(groups.values(), key=lambda g: (g.sort_order, g.code))
              if g.active]
    plan = FlowsPlan()
    for row in table.readers(errors, progress):
        day: dt.date | None = row.read("datum", date, required=True)
        direction = row.read("richting", code, required=True)
        if direction is not None and direction not in DIRECTIONS:
            row.error("richting", _("'{value}' is geen richting; kies in (inbreng) of uit "
                                    "(afvoer)", value=shown(row.cell("richting"))))
            direction = None
        group = None
        group_code = row.read("productgroep", code, required=True)
        if group_code is not None:
            group = groups.get(group_code)
            if group is None:
                row.error("productgroep", _("onbekende productgroep '{code}'; kies uit: {codes}",
                                            code=shown(row.cell("productgroep")),
                                            codes=", ".join(active)))
            elif not group.active:
                row.error("productgroep", _("de productgroep '{code}' is niet meer in gebruik",
                                            code=group.code))
        kg = row.read("kg", _kg, required=True)
        channel = row.read("herkomst_bestemming", code, required=True)
        if channel is not None:
            reason = _channel_reason(direction, channel, shown(row.cell("herkomst_bestemming")))
            if reason is not None:
                row.error("herkomst_bestemming", reason)
        note = row.read("opmerking", text, max_length=MAX_TEXT_LENGTH)
        if not row.ok:
            continue
        assert day is not None and direction is not None and group is not None
        assert kg is not None
        plan.rows.append((day, direction, group.id, kg, channel, note))
        plan.counts[direction] += 1
        plan.kg[direction] += kg
    if errors:
        raise ImportFileError(errors)
    return plan


def write_flows(session: Session, plan: FlowsPlan, user_id: int,
                progress: Progress | None = None) -> None:
    names = ("flow_date", "direction", "product_group_id", "kg", "channel", "note")
    bulk_insert(session, GoodsFlow, (
        {**dict(zip(names, row, strict=True)), "created_by_id": user_id,
         "updated_by_id": user_id}
        for row in plan.rows
    ), progress=progress, total=len(plan.rows))
