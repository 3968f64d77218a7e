"""The figures of the BKN Monitor and Cedris exports, exact, per period.

Plain data for the CSV, XLSX and PDF writers and the preview: :func:`bkn_figures` and
:func:`cedris_figures` return a list of :class:`Figure` rows in the order of the export file
(five metadata rows, then the indicators in the order of the definitions table of domain.md;
within an indicator every code of its category list, zeros included, and ``totaal`` last).

Every ``waarde`` is exact: kg as Decimal with 3 decimals (whole grams), hours as Decimal with
2 decimals, CO2 as the exact product of kg and factor, percentages as the quotient to
:data:`PERCENT_PRECISION` significant digits (enough for half-up rounding to one decimal to
equal the rounding of the true fraction), counts as int. Rounding happens only in
:func:`format_value`, half up, with the fixed decimals of domain.md.

The aggregation runs in SQL (one GROUP BY query per indicator family), never row by row in
Python. The readings chosen where domain.md leaves room are in docs/figures.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

import kringloopdesk
from kringloopdesk.db.codes import (
    BESTEMMING,
    BKN_GROUPS,
    CEDRIS_REGELINGEN,
    CERTIFICATE_KINDS,
    OUTCOMES,
    REUSE_DESTINATIONS,
)
from kringloopdesk.db.models import (
    Certificate,
    Doelgroep,
    FactorSet,
    FactorValue,
    GoodsFlow,
    HourEntry,
    Placement,
    ProductGroup,
    SafetyTest,
    ShopProfile,
    Worker,
)
from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.i18n import _

# ---------------------------------------------------------------------------------------------
# Indicators, units and definitions

TOTAL = "totaal"
CSV_HEADER = ("indicator", "categorie", "waarde", "eenheid")
METADATA = ("winkel", "periode_van", "periode_tot", "co2_factorset", "app_versie")

# Percentages are computed to this many significant digits. A percentage is 100·a/b with a
# and b whole grams (or counts); if it is not exactly a multiple of 0.05 it differs from one by
# at least 1/(20·b), so 40 digits decide half-up rounding to 0.1 exactly for any b < 10**35.
PERCENT_PRECISION = 40

# indicator -> (eenheid, decimals written in the file)
INDICATORS: dict[str, tuple[str, int]] = {
    "ingezameld_kg": ("kg", 3),
    "afgevoerd_kg": ("kg", 3),
    "hergebruik_pct": ("%", 1),
    "recycling_pct": ("%", 1),
    "restafval_pct": ("%", 1),
    "export_pct": ("%", 1),
    "co2_vermeden_kg": ("kg", 1),
    "medewerkers": ("personen", 0),
    "uren": ("uur", 2),
    "plaatsingen_gestart": ("aantal", 0),
    "plaatsingen_beeindigd": ("aantal", 0),
    "uitstroom_betaald_werk_pct": ("%", 1),
    "certificaten_uitgegeven": ("aantal", 0),
    "elektra_getest": ("aantal", 0),
    "elektra_goedgekeurd": ("aantal", 0),
}
# Decimals per eenheid, for a figure whose indicator is not in INDICATORS.
UNIT_DECIMALS = {"kg": 3, "uur": 2, "%": 1, "personen": 0, "aantal": 0}

BKN_INDICATORS = (
    "ingezameld_kg",
    "afgevoerd_kg",
    "hergebruik_pct",
    "recycling_pct",
    "restafval_pct",
    "export_pct",
    "co2_vermeden_kg",
    "medewerkers",
    "uren",
    "elektra_getest",
    "elektra_goedgekeurd",
)
CEDRIS_INDICATORS = (
    "medewerkers",
    "uren",
    "plaatsingen_gestart",
    "plaatsingen_beeindigd",
    "uitstroom_betaald_werk_pct",
    "certificaten_uitgegeven",
)
# The single bestemming behind each of the three other percentages.
SHARE_INDICATORS = (
    ("recycling_pct", "recycling"),
    ("restafval_pct", "restafval"),
    ("export_pct", "export"),
)

# The definition of every indicator and metadata row, in Dutch (tooltips, the PDF's notes).
DEFINITIONS: dict[str, str] = {
    "winkel": "Naam van de winkel die de cijfers aanlevert.",
    "periode_van": "Eerste dag van de periode (jjjj-mm-dd); de dag telt mee.",
    "periode_tot": "Laatste dag van de periode (jjjj-mm-dd); de dag telt mee.",
    "co2_factorset": "De CO2-factorset waarmee co2_vermeden_kg is berekend (code@versie).",
    "app_versie": "De versie van KringloopDesk die het bestand maakte.",
    "ingezameld_kg": (
        "Som van de kg van de inbreng (richting in) met een datum in de periode, per "
        "productgroep en in totaal."
    ),
    "afgevoerd_kg": (
        "Som van de kg van de afvoer (richting uit) met een datum in de periode, per "
        "bestemming, per bestemming en productgroep, en in totaal."
    ),
    "hergebruik_pct": (
        "(hergebruik + hergebruik_online) ÷ afgevoerd totaal × 100; 0 als er niets is "
        "afgevoerd."
    ),
    "recycling_pct": "recycling ÷ afgevoerd totaal × 100; 0 als er niets is afgevoerd.",
    "restafval_pct": "restafval ÷ afgevoerd totaal × 100; 0 als er niets is afgevoerd.",
    "export_pct": "export ÷ afgevoerd totaal × 100; 0 als er niets is afgevoerd.",
    "co2_vermeden_kg": (
        "Hergebruikte kg (afvoer naar hergebruik en hergebruik_online) van de productgroep × "
        "de factor van die groep in de gekozen CO2-factorset; een groep zonder factor in de "
        "set telt als 0."
    ),
    "medewerkers": (
        "Aantal verschillende medewerkers met een plaatsing die op minstens één dag van de "
        "periode liep (begin ≤ einde periode en (geen einddatum of einddatum ≥ begin "
        "periode)), naar de doelgroep van de medewerker: BKN-groep (BKN) of Cedris-regeling "
        "(Cedris, zonder regulier personeel)."
    ),
    "uren": (
        "Som van de geregistreerde uren met een datum in de periode, ingedeeld zoals "
        "medewerkers (naar de doelgroep van de medewerker van de plaatsing)."
    ),
    "plaatsingen_gestart": (
        "Aantal plaatsingen met een begindatum in de periode (zonder regulier personeel)."
    ),
    "plaatsingen_beeindigd": (
        "Aantal plaatsingen met een (werkelijke) einddatum in de periode, per "
        "uitstroomreden (zonder regulier personeel)."
    ),
    "uitstroom_betaald_werk_pct": (
        "Beëindigde plaatsingen met uitstroom betaald_werk ÷ alle beëindigde plaatsingen × "
        "100; 0 als er geen plaatsing eindigde."
    ),
    "certificaten_uitgegeven": (
        "Aantal certificaten uitgegeven in de periode (datum in Nederlandse tijd), per soort; "
        "ingetrokken certificaten tellen niet mee, deelnamecertificaten van regulier "
        "personeel ook niet."
    ),
    "elektra_getest": (
        "Aantal verschillende geregistreerde artikelen met een veiligheidskeuring in de "
        "periode."
    ),
    "elektra_goedgekeurd": (
        "Aantal van die artikelen waarvan de laatste keuring in de periode is goedgekeurd "
        "(laatste naar keuringsdatum; bij dezelfde datum telt de laatst ingevoerde)."
    ),
}

SHOP_TIMEZONE = "Europe/Amsterdam"


# ---------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class Figure:
    """One row of an export: an indicator, its categorie, the exact value and the unit.

    ``waarde`` is never rounded: Decimal for kg, hours and percentages, int for counts, str
    for the metadata rows (which have an empty ``categorie`` and ``eenheid``).
    """

    indicator: str
    categorie: str
    waarde: Decimal | int | str
    eenheid: str

    @property
    def decimals(self) -> int:
        """Decimals written in the file: kg 3, uur 2, % and CO2 1, counts 0."""
        known = INDICATORS.get(self.indicator)
        if known is not None:
            return known[1]
        return UNIT_DECIMALS.get(self.eenheid, 0)

    @property
    def text(self) -> str:
        """The value as written in the CSV file (see :func:`format_value`)."""
        return format_value(self)


@dataclass(frozen=True)
class Period:
    """From and to date, both inclusive."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        for value in (self.start, self.end):
            if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
                raise TypeError(f"a period runs between dates, not {value!r}")
        if self.start > self.end:
            raise ValidationError(
                _(
                    "De periode begint ({start}) na de einddatum ({end}). Kies een begindatum "
                    "op of voor de einddatum.",
                    start=self.start.isoformat(),
                    end=self.end.isoformat(),
                ),
                {"end": _("Op of na de begindatum")},
            )

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year ``year``: 1 January to 31 December."""
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class FactorSetRef:
    """A version of a CO2 factor set, written as ``code@version`` (e.g. ``bkn_tno@1``)."""

    code: str
    version: int

    @property
    def label(self) -> str:
        return f"{self.code}@{self.version}"

    def __str__(self) -> str:
        return self.label

    @classmethod
    def parse(cls, label: str) -> FactorSetRef:
        code, sep, version = label.strip().rpartition("@")
        if not sep or not code or not version.isdigit():
            raise ValidationError(
                _("'{label}' is geen CO2-factorset; schrijf code@versie, bijvoorbeeld bkn_tno@1.",
                  label=label)
            )
        return cls(code, int(version))


# ---------------------------------------------------------------------------------------------
# Formatting


def rounded(figure: Figure) -> Decimal | int | str:
    """The value as the file shows it: half up to the fixed decimals of its unit.

    A Decimal with exactly those decimals (kg 3, uur 2, % and CO2 1), an int for a count, the
    text itself for a metadata row. For writers that put numbers in cells (XLSX, PDF).
    """
    value = figure.waarde
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"{figure.indicator}: unexpected value {value!r}")
    decimals = figure.decimals
    if isinstance(value, int):
        return value if decimals == 0 else Decimal(value).quantize(Decimal(1).scaleb(-decimals))
    if not value.is_finite():
        raise ValueError(f"{figure.indicator}: {value} is not a number")
    with localcontext() as context:
        context.prec = max(PERCENT_PRECISION, value.adjusted() + decimals + 2)
        result = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if result.is_zero():
        result = abs(result)  # never "-0,0"
    return int(result) if decimals == 0 else result


def format_value(figure: Figure) -> str:
    """The value as written in the CSV: half up to the fixed decimals of its unit.

    kg 3 decimals, uur 2, % and CO2 (``co2_vermeden_kg``) 1, counts whole numbers; decimal
    comma, no thousands separator. Metadata values are returned as they are.
    """
    value = rounded(figure)
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return f"{value:f}".replace(".", ",")


def figures_as_rows(figures: Iterable[Figure]) -> list[tuple[str, str, str, str]]:
    """(indicator, categorie, waarde as text, eenheid) per figure, for the file writers.

    The CSV writer puts :data:`CSV_HEADER` first and joins each row with ``;``.
    """
    return [(f.indicator, f.categorie, format_value(f), f.eenheid) for f in figures]


def figure_map(figures: Iterable[Figure]) -> dict[tuple[str, str], Figure]:
    """The figures by (indicator, categorie), for looking one up."""
    return {(f.indicator, f.categorie): f for f in figures}


# ---------------------------------------------------------------------------------------------
# The two exports


def bkn_figures(
    session: Session,
    period: Period,
    *,
    factor_set: FactorSetRef | None = None,
    shop_name: str | None = None,
    app_version: str | None = None,
) -> list[Figure]:
    """The BKN Monitor export: goods, CO2, workers and hours by BKN group, tested items.

    ``factor_set`` defaults to the shop's default CO2 factor set; an unknown one raises
    ``ValidationError``. ``shop_name`` defaults to the name in the shop profile.
    """
    groups = _product_groups(session)
    ref, factors = _factor_set(session, factor_set)
    figures = _metadata(session, period, ref.label, shop_name, app_version)

    flows = _flow_sums(session, period)
    intake = {gid: flows.get(("in", gid), Decimal(0)) for gid, _code in groups}
    figures += _breakdown("ingezameld_kg", [(code, intake[gid]) for gid, code in groups])

    by_bestemming: list[tuple[str, Decimal]] = []
    by_pair: list[tuple[str, Decimal]] = []
    for bestemming in BESTEMMING:
        sums = {gid: flows.get((bestemming, gid), Decimal(0)) for gid, _code in groups}
        by_bestemming.append((bestemming, sum(sums.values(), Decimal(0))))
        by_pair += [(f"{bestemming}/{code}", sums[gid]) for gid, code in groups]
    outflow = sum((kg for _b, kg in by_bestemming), Decimal(0))
    figures += [_figure("afgevoerd_kg", code, kg) for code, kg in by_bestemming]
    figures += [_figure("afgevoerd_kg", code, kg) for code, kg in by_pair]
    figures.append(_figure("afgevoerd_kg", TOTAL, outflow))

    per_bestemming = dict(by_bestemming)
    reused = sum((per_bestemming[b] for b in REUSE_DESTINATIONS), Decimal(0))
    figures.append(_figure("hergebruik_pct", TOTAL, _percentage(reused, outflow)))
    for indicator, bestemming in SHARE_INDICATORS:
        figures.append(
            _figure(indicator, TOTAL, _percentage(per_bestemming[bestemming], outflow))
        )

    co2 = [(code, _co2_avoided(flows, gid, factors)) for gid, code in groups]
    figures += _breakdown("co2_vermeden_kg", co2)

    figures += _people_figures(session, period, Doelgroep.bkn_group, BKN_GROUPS.codes)
    figures += _electrical_figures(session, period)
    return figures


def cedris_figures(
    session: Session,
    period: Period,
    *,
    factor_set: FactorSetRef | None = None,
    shop_name: str | None = None,
    app_version: str | None = None,
) -> list[Figure]:
    """The Cedris export: people and hours by regeling, placements, uitstroom, certificates.

    Workers whose doelgroep has no Cedris regeling (regular staff) and their placements are
    left out of every figure. The Cedris export holds no CO2 figure, but carries the
    ``co2_factorset`` row like the BKN export: ``factor_set`` or the default set (empty when
    the shop has no default set).
    """
    if factor_set is not None:
        label = _factor_set(session, factor_set)[0].label
    else:
        default = default_factor_set(session)
        label = default.label if default is not None else ""
    figures = _metadata(session, period, label, shop_name, app_version)
    figures += _people_figures(
        session, period, Doelgroep.cedris_regeling, CEDRIS_REGELINGEN.codes
    )
    counted = Doelgroep.cedris_regeling.is_not(None)

    started = session.scalar(
        _placements_of_workers(select(func.count()))
        .where(counted, Placement.start_date.between(period.start, period.end))
    ) or 0
    figures.append(_figure("plaatsingen_gestart", TOTAL, int(started)))

    ended_rows = session.execute(
        _placements_of_workers(select(Placement.outcome, func.count()))
        .where(counted, Placement.end_date.between(period.start, period.end))
        .group_by(Placement.outcome)
    )
    ended = {outcome: int(n) for outcome, n in ended_rows}
    # The schema makes an outcome required with an end date; a code outside the list (none
    # can be stored) would still count in the total.
    ended_total = sum(ended.values())
    figures += [_figure("plaatsingen_beeindigd", code, ended.get(code, 0)) for code in OUTCOMES]
    figures.append(_figure("plaatsingen_beeindigd", TOTAL, ended_total))
    figures.append(
        _figure(
            "uitstroom_betaald_werk_pct",
            TOTAL,
            _percentage(Decimal(ended.get("betaald_werk", 0)), Decimal(ended_total)),
        )
    )

    figures += _breakdown(
        "certificaten_uitgegeven",
        list(_certificates_issued(session, period).items()),
    )
    return figures


@dataclass(frozen=True)
class ReuseTotals:
    """The reuse and CO2 totals of the BKN export for one period, exactly as it computes them
    (for the dashboard, so that it and the export agree)."""

    period: Period
    factor_set: FactorSetRef
    outflow_kg: Decimal  # afgevoerd_kg totaal
    reused_kg: Decimal  # hergebruik + hergebruik_online
    co2_kg: Decimal  # co2_vermeden_kg totaal, exact

    @property
    def reuse_pct(self) -> Decimal:
        """hergebruik_pct: reused ÷ outflow × 100, 0 when nothing went out."""
        return percentage(self.reused_kg, self.outflow_kg)


def reuse_totals(
    session: Session, period: Period, *, factor_set: FactorSetRef | None = None
) -> ReuseTotals:
    """``afgevoerd_kg``, the reused kg behind ``hergebruik_pct`` and ``co2_vermeden_kg`` (all
    totaal) of :func:`bkn_figures`, with the same factor set rules, without the other rows."""
    ref, factors = _factor_set(session, factor_set)
    flows = _flow_sums(session, period)
    gids = [gid for gid, _code in _product_groups(session)]
    outflow = sum(
        (kg for (channel, _gid), kg in flows.items() if channel != "in"), Decimal(0)
    )
    reused = sum(
        (kg for (channel, _gid), kg in flows.items() if channel in REUSE_DESTINATIONS),
        Decimal(0),
    )
    co2 = sum((_co2_avoided(flows, gid, factors) for gid in gids), Decimal(0))
    return ReuseTotals(period, ref, outflow, reused, co2)


def percentage(part: Decimal, whole: Decimal) -> Decimal:
    """part ÷ whole × 100 as the exports compute it (exact to PERCENT_PRECISION digits); 0
    when whole is 0."""
    return _percentage(part, whole)


def default_factor_set(session: Session) -> FactorSetRef | None:
    """The shop's default CO2 factor set, or None: the one function that resolves it (the
    exports, the dashboard and ``services.co2`` all ask here).

    ``services.co2`` keeps one version marked, and moves the mark to a new version of the
    default set; should several be marked (an older database), the newest version wins.
    """
    row = session.execute(
        select(FactorSet.code, FactorSet.version)
        .where(FactorSet.is_default)
        .order_by(FactorSet.version.desc(), FactorSet.code)
        .limit(1)
    ).first()
    return FactorSetRef(row[0], int(row[1])) if row is not None else None


def local_day_start_utc(day: dt.date) -> dt.datetime:
    """00:00 of ``day`` in the shop's time zone (Europe/Amsterdam), as a UTC moment."""
    zone = _shop_zone()
    if zone is None:
        return _eu_day_start_utc(day)
    return dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC)


# ---------------------------------------------------------------------------------------------
# Building blocks


def _figure(indicator: str, categorie: str, waarde: Decimal | int) -> Figure:
    return Figure(indicator, categorie, waarde, INDICATORS[indicator][0])


def _breakdown(indicator: str, values: Sequence[tuple[str, Decimal]] | Sequence[tuple[str, int]]
               ) -> list[Figure]:
    """One row per code in the given order, then ``totaal`` (the exact sum)."""
    rows = [_figure(indicator, code, value) for code, value in values]
    total: Decimal | int = sum((value for _code, value in values), start=0)
    rows.append(_figure(indicator, TOTAL, total))
    return rows


def _percentage(part: Decimal, whole: Decimal) -> Decimal:
    """part ÷ whole × 100, exact to PERCENT_PRECISION digits; 0 when whole is 0."""
    if not whole:
        return Decimal(0)
    with localcontext() as context:
        context.prec = PERCENT_PRECISION
        return part * 100 / whole


def _co2_avoided(
    flows: dict[tuple[str, int], Decimal], gid: int, factors: dict[int, Decimal]
) -> Decimal:
    """The group's reused kg (hergebruik + hergebruik_online) × its factor (0 without one)."""
    reused_kg = sum((flows.get((b, gid), Decimal(0)) for b in REUSE_DESTINATIONS), Decimal(0))
    return _exact_product(reused_kg, factors.get(gid, Decimal(0)))


def _exact_product(a: Decimal, b: Decimal) -> Decimal:
    with localcontext() as context:
        context.prec = len(a.as_tuple().digits) + len(b.as_tuple().digits) + 2
        return a * b


def _metadata(
    session: Session, period: Period, factor_label: str, shop_name: str | None,
    app_version: str | None,
) -> list[Figure]:
    if shop_name is None:
        shop_name = session.scalar(select(ShopProfile.name).where(ShopProfile.id == 1)) or ""
    values = (
        shop_name,
        period.start.isoformat(),
        period.end.isoformat(),
        factor_label,
        kringloopdesk.__version__ if app_version is None else app_version,
    )
    return [Figure(name, "", value, "") for name, value in zip(METADATA, values, strict=True)]


def _product_groups(session: Session) -> list[tuple[int, str]]:
    """Every product group, active or not, so that files of different years line up."""
    return [
        (int(gid), code)
        for gid, code in session.execute(
            select(ProductGroup.id, ProductGroup.code).order_by(
                ProductGroup.sort_order, ProductGroup.code
            )
        )
    ]


def _factor_set(
    session: Session, ref: FactorSetRef | None
) -> tuple[FactorSetRef, dict[int, Decimal]]:
    """The chosen (or default) factor set and its factor per product group id."""
    if ref is None:
        ref = default_factor_set(session)
        if ref is None:
            raise UserError(
                _(
                    "Er is geen standaard CO2-factorset. Kies een factorset voor de export of "
                    "stel er een in als standaard."
                )
            )
    set_id = session.scalar(
        select(FactorSet.id).where(FactorSet.code == ref.code, FactorSet.version == ref.version)
    )
    if set_id is None:
        raise ValidationError(
            _("De CO2-factorset '{label}' bestaat niet.", label=ref.label),
            {"factor_set": _("Kies een bestaande factorset")},
        )
    factors = {
        int(gid): factor
        for gid, factor in session.execute(
            select(FactorValue.product_group_id, FactorValue.factor).where(
                FactorValue.factor_set_id == set_id
            )
        )
    }
    return ref, factors


def _flow_sums(session: Session, period: Period) -> dict[tuple[str, int], Decimal]:
    """kg per (bestemming, product group) of the outflow and per ("in", group) of the intake.

    Two GROUP BY queries, one per direction, each on the (direction, flow_date) index: on
    SQLite that is about twice as fast as one query grouped by direction as well.
    """
    in_period = GoodsFlow.flow_date.between(period.start, period.end)
    intake = session.execute(
        select(GoodsFlow.product_group_id, func.sum(GoodsFlow.kg))
        .where(GoodsFlow.direction == "in", in_period)
        .group_by(GoodsFlow.product_group_id)
    )
    sums: dict[tuple[str, int], Decimal] = {
        ("in", int(gid)): kg or Decimal(0) for gid, kg in intake
    }
    outflow = session.execute(
        select(GoodsFlow.channel, GoodsFlow.product_group_id, func.sum(GoodsFlow.kg))
        .where(GoodsFlow.direction == "uit", in_period)
        .group_by(GoodsFlow.channel, GoodsFlow.product_group_id)
    )
    sums.update(((channel, int(gid)), kg or Decimal(0)) for channel, gid, kg in outflow)
    return sums


def _placements_of_workers(query: Select[Any]) -> Select[Any]:
    """Join a query on placements to the worker's doelgroep."""
    return (
        query.select_from(Placement)
        .join(Worker, Worker.id == Placement.worker_id)
        .join(Doelgroep, Doelgroep.id == Worker.doelgroep_id)
    )


def _active_in(period: Period) -> ColumnElement[bool]:
    """A placement active on at least one day of the period."""
    return and_(
        Placement.start_date <= period.end,
        or_(Placement.end_date.is_(None), Placement.end_date >= period.start),
    )


def _people_figures(
    session: Session, period: Period, group: ColumnElement[str | None], codes: Sequence[str]
) -> list[Figure]:
    """``medewerkers`` and ``uren`` by ``group`` (BKN group or Cedris regeling).

    Workers whose doelgroep has no value for ``group`` (regular staff for Cedris) are left out.
    """
    counted = group.is_not(None)
    active = _active_in(period)
    people = {
        code: int(n)
        for code, n in session.execute(
            _placements_of_workers(select(group, func.count(func.distinct(Placement.worker_id))))
            .where(active, counted)
            .group_by(group)
        )
    }
    people_total = session.scalar(
        _placements_of_workers(select(func.count(func.distinct(Placement.worker_id))))
        .where(active, counted)
    ) or 0

    # The hours of each placement in the period, summed per group. The correlated sum walks
    # the (placement_id, entry_date) index once per placement: on SQLite three times as fast
    # as grouping the period's hour entries by placement first, and no row leaves the database.
    hours_of_placement = (
        select(func.sum(HourEntry.hours))
        .where(
            HourEntry.placement_id == Placement.id,
            HourEntry.entry_date.between(period.start, period.end),
        )
        .correlate(Placement)
        .scalar_subquery()
    )
    hours = {
        code: total or Decimal(0)
        for code, total in session.execute(
            _placements_of_workers(select(group, func.sum(hours_of_placement)))
            .where(counted)
            .group_by(group)
        )
    }

    figures = [_figure("medewerkers", code, people.get(code, 0)) for code in codes]
    figures.append(_figure("medewerkers", TOTAL, int(people_total)))
    figures += [_figure("uren", code, hours.get(code, Decimal(0))) for code in codes]
    # A group outside the code list cannot be stored (CHECK constraint); sum what is there.
    figures.append(_figure("uren", TOTAL, sum(hours.values(), Decimal(0))))
    return figures


def _electrical_figures(session: Session, period: Period) -> list[Figure]:
    """Items tested in the period, and those whose last test in the period passed."""
    ranked = (
        select(
            SafetyTest.passed.label("passed"),
            func.row_number()
            .over(
                partition_by=SafetyTest.item_id,
                order_by=(SafetyTest.test_date.desc(), SafetyTest.id.desc()),
            )
            .label("position"),
        )
        .where(SafetyTest.test_date.between(period.start, period.end))
        .subquery()
    )
    tested, passed = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((ranked.c.passed, 1), else_=0)), 0),
        ).where(ranked.c.position == 1)
    ).one()
    return [
        _figure("elektra_getest", TOTAL, int(tested)),
        _figure("elektra_goedgekeurd", TOTAL, int(passed)),
    ]


def _certificates_issued(session: Session, period: Period) -> dict[str, int]:
    """Certificates issued on a day of the period (Amsterdam calendar), not revoked, per kind.

    A participation certificate of a worker without Cedris regeling (regular staff) is left
    out; a partnership certificate has no worker and always counts.
    """
    first = local_day_start_utc(period.start)
    after = local_day_start_utc(period.end + dt.timedelta(days=1))
    rows = session.execute(
        select(Certificate.kind, func.count())
        .select_from(Certificate)
        .outerjoin(Placement, Placement.id == Certificate.placement_id)
        .outerjoin(Worker, Worker.id == Placement.worker_id)
        .outerjoin(Doelgroep, Doelgroep.id == Worker.doelgroep_id)
        .where(
            Certificate.issued_at >= first,
            Certificate.issued_at < after,
            Certificate.revoked_at.is_(None),
            or_(Certificate.placement_id.is_(None), Doelgroep.cedris_regeling.is_not(None)),
        )
        .group_by(Certificate.kind)
    )
    counts = {kind: int(n) for kind, n in rows}
    return {kind: counts.get(kind, 0) for kind in CERTIFICATE_KINDS}


@cache
def _shop_zone() -> ZoneInfo | None:
    try:
        return ZoneInfo(SHOP_TIMEZONE)
    except ZoneInfoNotFoundError:  # Windows without the tzdata package
        return None


def _last_sunday(year: int, month: int) -> dt.date:
    last = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - 6) % 7)


def _eu_day_start_utc(day: dt.date) -> dt.datetime:
    """The EU rule since 1996: CEST from the last Sunday of March to that of October.

    Midnight is before the 02:00 switch in March and before the 03:00 switch in October, so
    the March Sunday starts in CET (UTC+1) and the October Sunday in CEST (UTC+2).
    """
    summer = _last_sunday(day.year, 3) < day <= _last_sunday(day.year, 10)
    offset = dt.timedelta(hours=2 if summer else 1)
    return dt.datetime.combine(day, dt.time(), dt.UTC) - offset
